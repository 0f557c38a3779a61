//! What machine a measurement ran on, and how much memory a process used at its peak.

use std::fs;
use std::process::Command;

/// The machine, in one line: CPU model, cores, memory, Rust version.
pub fn describe() -> String {
    let cpuinfo = fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|line| {
            line.strip_prefix("model name")?
                .split_once(':')
                .map(|(_, m)| m.trim())
        })
        .unwrap_or("unknown CPU");
    let cores = std::thread::available_parallelism().map_or(0, usize::from);
    let memory = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| kib_field(&info, "MemTotal:"))
        .map_or_else(String::new, |kib| {
            format!(", {:.0} GiB RAM", kib as f64 / 1024.0 / 1024.0)
        });
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .ok()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        .unwrap_or_default();
    format!("{model}, {cores} cores{memory}, Linux, {rustc}")
}

/// This process's peak resident memory (`VmHWM`), in bytes; `None` where `/proc` is missing.
pub fn peak_rss() -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    kib_field(&status, "VmHWM:").map(|kib| kib * 1024)
}

/// The value in KiB of a `/proc` field such as `VmHWM:   1234 kB`.
fn kib_field(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .find_map(|line| line.strip_prefix(name))?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn proc_fields_are_read_in_kib() {
        assert_eq!(kib_field("Name: x\nVmHWM:\t  2048 kB\n", "VmHWM:"), Some(2048));
        assert_eq!(kib_field("VmRSS: 1 kB\n", "VmHWM:"), None);
    }
}
