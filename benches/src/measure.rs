//! Timing: medians of repeated runs, the measured code and its baseline interleaved so that
//! both see the same noise from other work on the machine.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Runs each of `fs` `runs` times, round-robin, each run on a fresh value of `input(i)` (`i`
/// the function's index) made before its clock starts, and returns each function's median time.
pub fn interleaved<I, T>(
    runs: usize,
    mut input: impl FnMut(usize) -> I,
    fs: &mut [&mut dyn FnMut(I) -> T],
) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(runs); fs.len()];
    for _ in 0..runs {
        for (i, (f, times)) in fs.iter_mut().zip(&mut times).enumerate() {
            let input = input(i);
            let start = Instant::now();
            black_box(f(input));
            times.push(start.elapsed());
        }
    }
    times.into_iter().map(median).collect()
}

/// The median of `times` (zero for none).
pub fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times.get(times.len() / 2).copied().unwrap_or_default()
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
    let start = Instant::now();
    black_box(first());
    let once = start.elapsed().max(Duration::from_nanos(1));
    let batch = ((ROUND.as_nanos() / once.as_nanos()) as usize).max(1);
    let mut batches: Vec<_> = fs
        .iter_mut()
        .map(|f| move |()| (0..batch).map(|_| black_box(f())).sum::<usize>())
        .collect();
    let mut runs: Vec<&mut dyn FnMut(()) -> usize> = batches.iter_mut().map(|f| f as _).collect();
    interleaved(ROUNDS, |_| (), &mut runs)
        .iter()
        .map(|time| time.as_secs_f64() / (batch * items.max(1)) as f64)
        .collect()
}

/// A human-readable time given in seconds (`0.8 ns`, `3.10 µs`, `45.2 ms`, `2.84 s`).
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
    fn times_read_in_their_unit() {
        assert_eq!(format_secs(412e-9), "412.0 ns");
        assert_eq!(format_secs(3.1e-6), "3.10 µs");
        assert_eq!(format_secs(45.2e-3), "45.2 ms");
        assert_eq!(format_secs(2.84), "2.84 s");
        assert_eq!(format_secs(0.8e-9), "0.8 ns");
    }

    #[test]
    fn interleaved_runs_get_a_fresh_input_each_and_give_medians() {
        let mut made = Vec::new();
        let medians = interleaved(
            3,
            |i| {
                made.push(i);
                i
            },
            &mut [&mut |i: usize| i, &mut |i: usize| i],
        );
        assert_eq!(made, [0, 1, 0, 1, 0, 1]);
        assert_eq!(medians.len(), 2);
        let secs = |s| Duration::from_secs(s);
        assert_eq!(median(vec![secs(3), secs(1), secs(2)]), secs(2));
    }
}
