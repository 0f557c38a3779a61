//! `cargo bench`: the summary's rows that need no build of their own (the generator and
//! reading errors), in a table; the clean builds are the summary's alone.

use smartcar_errors_bench::report::{self, Row};
use smartcar_errors_bench::{generator, runtime};

fn main() -> Result<(), String> {
    let mut rows: Vec<Row> = Vec::new();
    generator::rows(&mut rows)?;
    runtime::rows(&mut rows)?;
    println!("{}", report::markdown(&rows));
    Ok(())
}
