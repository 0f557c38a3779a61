//! `catalog-gen`: generate, check and inspect the smartcar-errors catalog, and refresh its
//! docs snapshot.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod checked_in;
mod commands;
mod docs_index;
mod fetch;
mod paths;
mod update;

/// Keeps the smartcar-errors catalog in sync with Smartcar's error documentation.
#[derive(Debug, Parser)]
#[command(name = "catalog-gen", version, about)]
struct Cli {
    /// How to print problems found in the docs.
    #[arg(long, value_enum, global = true, default_value_t = Diagnostics::Rich)]
    diagnostics: Diagnostics,
    /// When to color the output: `auto` colors a terminal unless NO_COLOR is set.
    #[arg(long, value_enum, global = true, default_value_t = Color::Auto)]
    color: Color,
    /// Print only errors and what the command is asked for (no warnings, no progress notes).
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the generated catalog (only if it changed; nothing on docs errors).
    Generate {
        /// The docs snapshot [default: docs-snapshot, here or in the nearest parent that has one].
        #[arg(long)]
        docs: Option<PathBuf>,
        /// The generated file [default: catalog/src/generated.rs beside the default docs].
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Fail if the generated catalog differs from what the docs generate; never writes (exit 0
    /// in sync, 1 drift, 2 cannot run).
    Check {
        /// The docs snapshot [default: docs-snapshot, here or in the nearest parent that has one].
        #[arg(long)]
        docs: Option<PathBuf>,
        /// The checked-in generated file [default: catalog/src/generated.rs beside the default
        /// docs].
        #[arg(long)]
        generated: Option<PathBuf>,
    },
    /// Print the catalog model as JSON, or the JSON Schema it follows.
    Dump {
        /// The docs snapshot [default: docs-snapshot, here or in the nearest parent that has one].
        #[arg(long)]
        docs: Option<PathBuf>,
        /// What to print.
        #[arg(long, value_enum, default_value_t = DumpFormat::Json)]
        format: DumpFormat,
    },
    /// Compare what two snapshots document (exit 0 same, 1 different, 2 unreadable).
    Diff {
        /// The old snapshot.
        old: PathBuf,
        /// The new snapshot.
        new: PathBuf,
        /// How to print the changes.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Show what the docs say of an error: `SERVER.INTERNAL`, `INTERNAL`, `server_error` or a doc URL.
    Explain {
        /// The error's name or doc URL.
        query: String,
        /// The docs snapshot [default: docs-snapshot, here or in the nearest parent that has one].
        #[arg(long)]
        docs: Option<PathBuf>,
    },
    /// Replace a docs snapshot with the error pages a docs index (llms.txt) links to.
    Fetch(fetch::FetchArgs),
    /// Refresh the snapshot from a docs index, with the generated catalog and the ledger of
    /// errors that left the docs, and print what changed and its semver impact (exit 0 ran, 2
    /// could not).
    Update(update::UpdateArgs),
    /// Report inconsistencies in the docs (exit 1 on errors, or on warnings with --deny).
    Lint {
        /// The docs snapshot [default: docs-snapshot, here or in the nearest parent that has one].
        #[arg(long)]
        docs: Option<PathBuf>,
        /// Fail on warnings too.
        #[arg(long, value_enum)]
        deny: Option<Deny>,
        /// List every lint with its id and severity, and exit.
        #[arg(long)]
        list: bool,
    },
}

/// Output formats of `diff` and `update`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Format {
    /// Plain text, one line per change.
    Text,
    /// A JSON document.
    Json,
    /// Markdown for a pull-request comment (`update`: the pull request's body).
    Markdown,
}

/// What `dump` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    /// The model of the docs: `{"api_errors": [...], "connect_errors": [...]}`.
    Json,
    /// The JSON Schema of that model (the docs are not read).
    JsonSchema,
}

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Diagnostics {
    /// Message, position, source line and caret (colored on a terminal).
    Rich,
    /// One line each: `error[id]: file:line:col: message`.
    Plain,
}

/// When to color the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    /// On a terminal, unless the NO_COLOR environment variable is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// What `lint --deny` turns into failures.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum Deny {
    /// Every warning.
    Warnings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = commands::Ui::new(cli.diagnostics, cli.color, cli.quiet);
    // The exit code of a command that cannot run: 2 where the command's contract has one.
    let cannot_run = match cli.command {
        Command::Check { .. } | Command::Diff { .. } | Command::Update(_) => 2,
        _ => 1,
    };
    match run(cli.command, &ui) {
        Ok(code) => code,
        // The reader went away (`catalog-gen dump | head`): nothing left to say.
        Err(error)
            if error
                .downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(error) => {
            use std::io::Write;
            let message = smartcar_errors_shared::text::escape(&error.to_string()).into_owned();
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(cannot_run)
        }
    }
}

/// Runs `command`: its exit code, or why it could not run.
fn run(command: Command, ui: &commands::Ui) -> commands::Result<ExitCode> {
    let docs_dir = |docs| paths::or_default(docs, paths::DOCS_DIR);
    match command {
        Command::Generate { docs, out } => ui.generate(docs, out),
        Command::Check { docs, generated } => ui.check(docs, generated),
        Command::Dump { docs, format } => ui.dump(docs, format),
        Command::Diff { old, new, format } => ui.diff(&old, &new, format),
        Command::Explain { query, docs } => ui.explain(&docs_dir(docs)?, &query),
        Command::Fetch(args) => fetch::run(&args, ui),
        Command::Update(args) => update::run(&args, ui),
        Command::Lint { list: true, .. } => commands::list_lints(),
        Command::Lint { docs, deny, .. } => ui.lint(&docs_dir(docs)?, deny.is_some()),
    }
}
