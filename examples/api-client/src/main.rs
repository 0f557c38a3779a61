//! Reads a vehicle's battery and odometer from the Smartcar API in one batch request and
//! handles each error there is.
//!
//! ```sh
//! SMARTCAR_ACCESS_TOKEN=... cargo run -p smartcar-api-client-example -- <vehicle id>
//! ```

use std::process::ExitCode;

use smartcar_api_client_example::{CallError, Client, decide};

fn main() -> ExitCode {
    let (Some(vehicle), Ok(token)) = (std::env::args().nth(1), std::env::var("SMARTCAR_ACCESS_TOKEN")) else {
        eprintln!("usage: SMARTCAR_ACCESS_TOKEN=... smartcar-api-client-example <vehicle id>");
        return ExitCode::FAILURE;
    };
    let client = Client::new("https://api.smartcar.com", &token);
    let batch = match client.batch(&vehicle, &["/battery", "/odometer"]) {
        Ok(batch) => batch,
        Err(CallError::Smartcar(error)) => {
            eprintln!("{error}");
            eprintln!("what to do: {:?}", decide(&error, "Battery Monitor"));
            return ExitCode::FAILURE;
        }
        Err(error) => {
            eprintln!("{error}");
            return ExitCode::FAILURE;
        }
    };
    let mut status = ExitCode::SUCCESS;
    for item in batch.items() {
        if let Some(error) = item.error() {
            eprintln!("{}: {error}", item.path());
            eprintln!("what to do: {:?}", decide(error, "Battery Monitor"));
            status = ExitCode::FAILURE;
        } else if let Some(body) = item.body() {
            println!("{}: {body}", item.path());
        }
    }
    status
}
