//! Prints every error in the compiled-in catalog, one per line: API codes as `TYPE:CODE
//! status`, then Connect errors.
//!
//! ```sh
//! cargo run -p smartcar-errors --example list_codes
//! ```

use smartcar_errors::{ApiErrorCode, ConnectErrorCode};

fn main() {
    for code in ApiErrorCode::ALL {
        println!("{code} {}", code.status_code());
    }
    for error in ConnectErrorCode::ALL {
        println!("{error}");
    }
}
