//! How the summary writes sizes, durations and counts.

use std::time::Duration;

use smartcar_errors_bench::measure::format_duration;

/// Bytes in MB (10^6 bytes, as the corpus sizes are given).
pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

/// A duration as a row's value: text and seconds.
pub fn secs(duration: Duration) -> (String, f64) {
    (format_duration(duration), duration.as_secs_f64())
}

/// `20k` for 20,000; other numbers as they are.
pub fn thousands(n: usize) -> String {
    if n >= 1000 && n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}
