//! Explains a Smartcar error from the compiled-in catalog, like `rustc --explain`.
//!
//! ```sh
//! cargo run -p smartcar-errors --example explain -- SERVER.INTERNAL
//! ```

use std::process::ExitCode;

fn main() -> ExitCode {
    let query: Vec<String> = std::env::args().skip(1).collect();
    match smartcar_errors::explain(&query.join(" ")) {
        Ok(explained) => {
            println!("{explained}");
            ExitCode::SUCCESS
        }
        Err(not_documented) => {
            eprintln!("error: {not_documented}");
            ExitCode::FAILURE
        }
    }
}
