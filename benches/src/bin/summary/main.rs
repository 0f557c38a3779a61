//! Prints one markdown table of every benchmark ratio, measured in this run, and the machine.
//!
//! ```sh
//! cargo run --release -p smartcar-errors-bench --bin summary
//! ```
//!
//! The generated catalogs whose lookups and builds are measured (60 and 20,000 codes) are
//! written at run time into throwaway crates under `target/bench-builds`. Child modes, which the
//! summary runs itself: `--peak-generate DIR` measures the peak memory of generating the
//! catalog of `DIR` as `catalog-gen generate` does; `--large-body READER BYTES RUNS` times
//! reading a large error body; `--build-lib DIR NAME TARGET` times `cargo build --lib` of a
//! throwaway crate and measures the compiler's peak memory, from a process small enough not to
//! count in it.

mod compile;
mod diagnostics;
mod generator;
mod lookups;
mod runtime;
mod units;

use std::ffi::OsStr;
use std::process::{Command, ExitCode};
use std::time::Instant;

use smartcar_errors_bench::alloc::Counting;
use smartcar_errors_bench::{machine, report};

/// The allocator of the `catalog-gen` binary, so that the generator runs as it does there;
/// counted, to measure peak memory in the child processes.
#[global_allocator]
static ALLOC: Counting<mimalloc::MiMalloc> = Counting::wrapping(mimalloc::MiMalloc);

/// Prints progress on stderr, so that stdout holds only the results.
macro_rules! progress {
    ($($arg:tt)*) => { eprintln!("summary: {}", format_args!($($arg)*)) };
}
pub(crate) use progress;

/// Runs this program in the child mode of `args` and reads its stdout with `read`. When `read`
/// finds nothing there, the error is `unread`, then what the child printed on stdout and stderr.
fn run_child<T>(args: &[&OsStr], unread: &str, read: impl FnOnce(&str) -> Option<T>) -> Result<T, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe).args(args).output().map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    read(&stdout).ok_or_else(|| format!("{unread}: {stdout}{}", String::from_utf8_lossy(&output.stderr)))
}

/// The two numbers a child printed (a time in nanoseconds and a peak in bytes), if it printed
/// exactly two.
fn two_numbers(stdout: &str) -> Option<[u64; 2]> {
    let numbers: Vec<u64> = stdout.split_whitespace().filter_map(|n| n.parse().ok()).collect();
    numbers.try_into().ok()
}

/// One part of the summary: appends its rows.
type Step<'a> = dyn Fn(&mut Vec<report::Row>) -> Result<(), String> + 'a;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [flag, dir] = &args[..]
        && flag == "--peak-generate"
    {
        return generator::peak_child(dir.as_ref());
    }
    if let [flag, rest @ ..] = &args[..]
        && flag == "--large-body"
    {
        return runtime::large_body_child(&ALLOC, rest);
    }
    if let [flag, rest @ ..] = &args[..]
        && flag == "--build-lib"
    {
        return compile::build_child(rest);
    }
    let start = Instant::now();
    let mut rows = Vec::new();
    let probes = match lookups::write_probes() {
        Ok(probes) => probes,
        Err(error) => {
            eprintln!("summary: cannot write the probe crates: {error}");
            return ExitCode::FAILURE;
        }
    };
    let steps: [(&str, &Step<'_>); 5] = [
        ("generator", &generator::rows),
        ("diagnostics", &diagnostics::rows),
        ("lookups", &|rows| lookups::rows(rows, &probes)),
        ("runtime", &|rows| runtime::rows(rows, &ALLOC)),
        ("builds", &|rows| compile::rows(rows, &probes)),
    ];
    let mut failed = false;
    for (name, step) in steps {
        progress!("{name}...");
        if let Err(error) = step(&mut rows) {
            eprintln!("summary: {name} failed: {error}");
            failed = true;
        }
    }
    println!("{}", report::markdown(&rows));
    let missed: Vec<&str> = rows
        .iter()
        .filter(|row| row.met() == Some(false))
        .map(|row| row.measurement.as_str())
        .collect();
    let with_goal = rows.iter().filter(|row| row.met().is_some()).count();
    println!("Goals met: {} of {with_goal}.", with_goal - missed.len());
    println!("Machine: {}.", machine::describe());
    println!(
        "Summary took {:.0} s (`cargo run --release -p smartcar-errors-bench --bin summary`).",
        start.elapsed().as_secs_f64(),
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
