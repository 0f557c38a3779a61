//! What machine a measurement ran on, and how much memory a process used at its peak: this
//! process, or a command and every process it ran.

use std::fs;
use std::io::{self, Read};
use std::os::unix::process::ExitStatusExt;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

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

/// A command that ran to its end.
#[derive(Debug)]
pub struct Finished {
    /// How it ended.
    pub status: ExitStatus,
    /// What it printed on stderr.
    pub stderr: String,
    /// From its start to its end.
    pub elapsed: Duration,
    /// The peak resident memory of the command or of the largest process it ran (its
    /// descendants waited for included), in bytes.
    pub peak_rss: u64,
}

/// Runs `command` (its stdout discarded, its stderr kept) and measures its time and the peak
/// memory of its largest process, child processes included: `wait4` reports the larger of the
/// command's own peak and its descendants' (Linux's `ru_maxrss`).
///
/// Linux starts the command's own peak at the peak of the process that spawns it (it records
/// the spawner's peak when the command's program is loaded), so the peak is only the command's
/// when this process is small: a program that has used much memory measures its commands from
/// a child process of its own.
pub fn run_measured(command: &mut Command) -> io::Result<Finished> {
    let start = Instant::now();
    let mut child = command.stdout(Stdio::null()).stderr(Stdio::piped()).spawn()?;
    let mut stderr = String::new();
    if let Some(mut pipe) = child.stderr.take() {
        pipe.read_to_string(&mut stderr)?;
    }
    let pid = libc::pid_t::try_from(child.id()).map_err(io::Error::other)?;
    let mut status = 0;
    // SAFETY: rusage is plain data; wait4 fills it and `status` for our own child, which
    // nothing else waits for (the `Child` is not waited on after this).
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let elapsed = start.elapsed();
    if waited != pid {
        return Err(io::Error::last_os_error());
    }
    Ok(Finished {
        status: ExitStatus::from_raw(status),
        stderr,
        elapsed,
        peak_rss: u64::try_from(usage.ru_maxrss).unwrap_or(0) * 1024,
    })
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

    #[test]
    fn a_command_is_measured_with_its_children() {
        let small = run_measured(Command::new("sh").args(["-c", "true"])).unwrap();
        let large = run_measured(Command::new("sh").args([
            "-c",
            "head -c 67108864 /dev/zero | sort > /dev/null; echo done >&2",
        ]))
        .unwrap();
        assert!(small.status.success() && large.status.success());
        assert_eq!(large.stderr, "done\n");
        // A child's peak counts the parent's pages it had before it exec'd, and sort's buffer
        // depends on the machine's memory: only a clear difference is asserted.
        assert!(
            large.peak_rss > small.peak_rss + (16 << 20),
            "{large:?} {small:?}"
        );
    }
}
