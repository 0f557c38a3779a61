//! Prints one markdown table of every benchmark ratio, measured in this run, and the machine.
//!
//! ```sh
//! cargo run --release -p smartcar-errors-bench --bin summary
//! ```
//!
//! `--shapes-release` also builds the 20,000-code catalog of each emitted shape with
//! `--release` and times their lookups (several minutes more). `--peak-generate DIR` is the
//! child mode that measures the peak memory of generating the catalog of `DIR`;
//! `--large-body READER BYTES RUNS` the one that times reading a large error body.

mod compile;
mod generator;
mod runtime;

use std::process::ExitCode;
use std::time::Instant;

use smartcar_errors_bench::alloc::Counting;
use smartcar_errors_bench::{machine, report};

/// The allocator of the `catalog-gen` binary, so that the generator runs as it does there;
/// counted, to show which lookups allocate.
#[global_allocator]
static ALLOC: Counting<mimalloc::MiMalloc> = Counting::wrapping(mimalloc::MiMalloc);

/// Prints progress on stderr, so that stdout holds only the results.
macro_rules! progress {
    ($($arg:tt)*) => { eprintln!("summary: {}", format_args!($($arg)*)) };
}
pub(crate) use progress;

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
    let release_shapes = args.iter().any(|arg| arg == "--shapes-release");
    let start = Instant::now();
    let mut rows = Vec::new();
    let steps: [(&str, &Step<'_>); 3] = [
        ("generator", &generator::rows),
        ("runtime", &|rows| runtime::rows(rows, &ALLOC)),
        ("builds", &|rows| compile::rows(rows, release_shapes)),
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
        "Summary took {:.0} s (`cargo run --release -p smartcar-errors-bench --bin summary{}`).",
        start.elapsed().as_secs_f64(),
        if release_shapes {
            " -- --shapes-release"
        } else {
            ""
        }
    );
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
