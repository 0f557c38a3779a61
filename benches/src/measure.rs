//! Timing: medians of repeated runs, with the measured code and its baseline interleaved so
//! that both see the same noise from other work on the machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// The times of repeated runs of one piece of code.
#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    /// Every run's time, sorted.
    pub runs: Vec<Duration>,
}

impl Sample {
    /// The median run.
    pub fn median(&self) -> Duration {
        self.runs.get(self.runs.len() / 2).copied().unwrap_or_default()
    }

    /// The fastest run.
    pub fn min(&self) -> Duration {
        self.runs.first().copied().unwrap_or_default()
    }

    /// The median in seconds.
    pub fn secs(&self) -> f64 {
        self.median().as_secs_f64()
    }
}

fn sample(mut runs: Vec<Duration>) -> Sample {
    runs.sort_unstable();
    Sample { runs }
}

/// Runs `f` `runs` times.
pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Sample {
    sample(
        (0..runs)
            .map(|_| {
                let start = Instant::now();
                black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

/// Runs each of `fs` `runs` times, round-robin, and returns one sample per function.
pub fn interleaved<T>(runs: usize, fs: &mut [&mut dyn FnMut() -> T]) -> Vec<Sample> {
    let mut times = vec![Vec::with_capacity(runs); fs.len()];
    for _ in 0..runs {
        for (f, times) in fs.iter_mut().zip(&mut times) {
            let start = Instant::now();
            black_box(f());
            times.push(start.elapsed());
        }
    }
    times.into_iter().map(sample).collect()
}

/// How many times to repeat `f` so one batch takes about `target` (at least once).
pub fn batch_size<T>(target: Duration, mut f: impl FnMut() -> T) -> usize {
    let start = Instant::now();
    black_box(f());
    let once = start.elapsed().max(Duration::from_nanos(1));
    ((target.as_nanos() / once.as_nanos()) as usize).max(1)
}

/// A human-readable duration (`412 ns`, `3.1 µs`, `45.2 ms`, `2.84 s`).
pub fn format_duration(duration: Duration) -> String {
    let ns = duration.as_secs_f64() * 1e9;
    if ns < 1e3 {
        format!("{ns:.1} ns")
    } else if ns < 1e6 {
        format!("{:.2} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.1} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_their_unit() {
        assert_eq!(format_duration(Duration::from_nanos(412)), "412.0 ns");
        assert_eq!(format_duration(Duration::from_nanos(3_100)), "3.10 µs");
        assert_eq!(format_duration(Duration::from_micros(45_200)), "45.2 ms");
        assert_eq!(format_duration(Duration::from_millis(2_840)), "2.84 s");
    }

    #[test]
    fn medians_come_from_sorted_runs() {
        let s = sample(vec![
            Duration::from_secs(3),
            Duration::from_secs(1),
            Duration::from_secs(2),
        ]);
        assert_eq!(s.median(), Duration::from_secs(2));
        assert_eq!(s.min(), Duration::from_secs(1));
    }
}
