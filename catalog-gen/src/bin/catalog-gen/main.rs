//! `catalog-gen`: generate, check and inspect the smartcar-errors catalog, and refresh its
//! docs snapshot.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod fetch;

/// Keeps the smartcar-errors catalog in sync with Smartcar's error documentation.
#[derive(Debug, Parser)]
#[command(name = "catalog-gen", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the generated catalog (only if it changed; nothing on docs errors).
    Generate {
        /// The docs snapshot.
        #[arg(long, default_value = commands::DOCS_DIR)]
        docs: PathBuf,
        /// The generated file.
        #[arg(long, default_value = commands::GENERATED_FILE)]
        out: PathBuf,
    },
    /// Fail if the generated catalog differs from what the docs generate; never writes.
    Check {
        /// The docs snapshot.
        #[arg(long, default_value = commands::DOCS_DIR)]
        docs: PathBuf,
        /// The checked-in generated file.
        #[arg(long, default_value = commands::GENERATED_FILE)]
        generated: PathBuf,
    },
    /// Print the catalog model as JSON.
    Dump {
        /// The docs snapshot.
        #[arg(long, default_value = commands::DOCS_DIR)]
        docs: PathBuf,
    },
    /// Replace a docs snapshot with the error pages a docs index (llms.txt) links to.
    Fetch(fetch::FetchArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate { docs, out } => commands::generate(&docs, &out),
        Command::Check { docs, generated } => commands::check(&docs, &generated),
        Command::Dump { docs } => commands::dump(&docs),
        Command::Fetch(args) => fetch::run(&args),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
