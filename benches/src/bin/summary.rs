//! Prints one markdown table of every benchmark ratio, measured in this run.
//!
//! ```sh
//! cargo run --release -p smartcar-errors-bench --bin summary
//! ```
//!
//! The clean builds it measures write throwaway crates under `target/bench-builds`; they take
//! a few minutes.

use std::process::ExitCode;
use std::time::Instant;

use smartcar_errors_bench::report::{self, Row};
use smartcar_errors_bench::{builds, generator, runtime};

/// One part of the summary: appends its rows.
type Step = fn(&mut Vec<Row>) -> Result<(), String>;

fn main() -> ExitCode {
    let start = Instant::now();
    let mut rows: Vec<Row> = Vec::new();
    let steps: [(&str, Step); 3] = [
        ("generator", generator::rows),
        ("runtime", runtime::rows),
        ("builds", builds::rows),
    ];
    let mut failed = false;
    for (name, step) in steps {
        eprintln!("summary: {name}...");
        if let Err(error) = step(&mut rows) {
            eprintln!("summary: {name} failed: {error}");
            failed = true;
        }
    }
    println!("{}", report::markdown(&rows));
    println!("Summary took {:.0} s.", start.elapsed().as_secs_f64());
    if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
