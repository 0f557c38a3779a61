//! The commands, each returning its exit code.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use catalog_gen::emit::REGENERATE_COMMAND;
use catalog_gen::{Diagnostic, EmitOptions, GenerateError, Snapshot};

/// The snapshot, relative to the repository root.
pub const DOCS_DIR: &str = "docs-snapshot";
/// The checked-in generated file, relative to the repository root.
pub const GENERATED_FILE: &str = "catalog/src/generated.rs";

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let mut stderr = std::io::stderr().lock();
    for diagnostic in diagnostics {
        let _ = writeln!(stderr, "{diagnostic}");
    }
}

/// Generates the catalog text, or prints the docs' errors and returns `None`.
fn generate_code(docs: &Path) -> Result<Option<catalog_gen::Generated>> {
    let snapshot = Snapshot::read(docs)?;
    match catalog_gen::generate(&snapshot, &EmitOptions::checked_in()) {
        Ok(generated) => {
            print_diagnostics(&generated.warnings);
            Ok(Some(generated))
        }
        Err(GenerateError::Docs(diagnostics)) => {
            print_diagnostics(&diagnostics);
            Ok(None)
        }
        Err(error) => Err(error.into()),
    }
}

pub fn generate(docs: &Path, out: &Path) -> Result<ExitCode> {
    let Some(generated) = generate_code(docs)? else {
        eprintln!("error: nothing written to {}", out.display());
        return Ok(ExitCode::FAILURE);
    };
    let written = catalog_gen::write::write_if_changed(out, generated.code.as_bytes())
        .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
    eprintln!(
        "{} {} ({} API errors in {} types, {} Connect errors)",
        if written { "wrote" } else { "unchanged:" },
        out.display(),
        generated.catalog.api_errors.len(),
        generated.catalog.error_types().len(),
        generated.catalog.connect_errors.len(),
    );
    Ok(ExitCode::SUCCESS)
}

pub fn check(docs: &Path, generated_file: &Path) -> Result<ExitCode> {
    let Some(generated) = generate_code(docs)? else {
        return Ok(ExitCode::FAILURE);
    };
    let existing = std::fs::read_to_string(generated_file)
        .map_err(|e| format!("cannot read {}: {e}", generated_file.display()))?;
    if existing == generated.code {
        eprintln!("{} is in sync with {}", generated_file.display(), docs.display());
        return Ok(ExitCode::SUCCESS);
    }
    eprintln!(
        "{} is out of date with {}; run: {REGENERATE_COMMAND}",
        generated_file.display(),
        docs.display()
    );
    Ok(ExitCode::FAILURE)
}

pub fn dump(docs: &Path) -> Result<ExitCode> {
    let snapshot = Snapshot::read(docs)?;
    let parsed = catalog_gen::parse_snapshot(&snapshot);
    print_diagnostics(&parsed.diagnostics);
    if parsed.has_errors() {
        return Ok(ExitCode::FAILURE);
    }
    let mut stdout = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut stdout, &parsed.catalog)?;
    writeln!(stdout)?;
    Ok(ExitCode::SUCCESS)
}
