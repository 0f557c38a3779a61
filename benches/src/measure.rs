//! Timing: medians of repeated runs, with the measured code and its baselines interleaved so
//! that all of them see the same noise from other work on the machine.
//!
//! This module uses only `std`: the lookup probes (see `probe`) compile it as well.

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

/// Runs each of `fs` `runs` times, round-robin, and returns one sample per function.
pub fn interleaved<T>(runs: usize, fs: &mut [&mut dyn FnMut() -> T]) -> Vec<Sample> {
    interleaved_on(
        runs,
        || (),
        &mut fs.iter_mut().map(|f| move |()| f()).collect::<Vec<_>>(),
    )
}

/// Runs each of `fs` `runs` times, round-robin, each run on a fresh value of `input` made
/// before its clock starts, and returns one sample per function.
pub fn interleaved_on<I, T, F: FnMut(I) -> T>(
    runs: usize,
    mut input: impl FnMut() -> I,
    fs: &mut [F],
) -> Vec<Sample> {
    let mut times = vec![Vec::with_capacity(runs); fs.len()];
    for _ in 0..runs {
        for (f, times) in fs.iter_mut().zip(&mut times) {
            let input = input();
            let start = Instant::now();
            black_box(f(input));
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

/// Rounds of each comparison of fast operations.
const ROUNDS: usize = 31;
/// About how long one round of a fast operation lasts.
const ROUND: Duration = Duration::from_millis(4);

/// The median time per item of each of `fs`, each of which handles `items` items per call:
/// every function is repeated in batches of about 4 ms (the batch size set by the first), in
/// 31 interleaved rounds. In seconds, in the order of `fs`.
pub fn per_item(items: usize, fs: &mut [&mut dyn FnMut() -> usize]) -> Vec<f64> {
    let Some(first) = fs.first_mut() else {
        return Vec::new();
    };
    let batch = batch_size(ROUND, &mut **first);
    let mut batches: Vec<_> = fs
        .iter_mut()
        .map(|f| move || (0..batch).map(|_| black_box(f())).sum::<usize>())
        .collect();
    let mut runs: Vec<&mut dyn FnMut() -> usize> = batches
        .iter_mut()
        .map(|f| f as &mut dyn FnMut() -> usize)
        .collect();
    interleaved(ROUNDS, &mut runs)
        .iter()
        .map(|sample| sample.secs() / (batch * items.max(1)) as f64)
        .collect()
}

/// A human-readable duration (`412.0 ns`, `3.10 µs`, `45.2 ms`, `2.84 s`).
pub fn format_duration(duration: Duration) -> String {
    format_secs(duration.as_secs_f64())
}

/// A human-readable time given in seconds, below a nanosecond included (`0.8 ns`).
pub fn format_secs(secs: f64) -> String {
    let ns = secs * 1e9;
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
        assert_eq!(format_secs(0.8e-9), "0.8 ns");
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

    #[test]
    fn interleaved_runs_get_a_fresh_input_each() {
        let mut made = 0;
        let samples = interleaved_on(
            3,
            || {
                made += 1;
                made
            },
            &mut [|n: i32| n, |n: i32| n],
        );
        assert_eq!(made, 6);
        assert_eq!(samples.len(), 2);
        assert!(samples.iter().all(|s| s.runs.len() == 3));
    }
}
