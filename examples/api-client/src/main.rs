//! Reads a vehicle's battery from the Smartcar API and handles the error if there is one.
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
    match client.get(&format!("/v2.0/vehicles/{vehicle}/battery")) {
        Ok(battery) => {
            println!("{battery}");
            ExitCode::SUCCESS
        }
        Err(CallError::Smartcar(error)) => {
            eprintln!("{error}");
            eprintln!("what to do: {:?}", decide(&error, "Battery Monitor"));
            ExitCode::FAILURE
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}
