//! The commands, each returning its exit code.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::Format;
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
    let label = generated_file.display().to_string();
    match catalog_gen::check::check(&existing, &generated, &label, &fix_command(docs, generated_file)) {
        None => {
            eprintln!("{label} is in sync with {}", docs.display());
            Ok(ExitCode::SUCCESS)
        }
        Some(drift) => {
            println!("{drift}");
            Ok(ExitCode::FAILURE)
        }
    }
}

/// The `generate` command that fixes a drift, with the flags that differ from the defaults.
fn fix_command(docs: &Path, generated_file: &Path) -> String {
    let mut command = REGENERATE_COMMAND.to_owned();
    if docs != Path::new(DOCS_DIR) {
        command.push_str(&format!(" --docs {}", docs.display()));
    }
    if generated_file != Path::new(GENERATED_FILE) {
        command.push_str(&format!(" --out {}", generated_file.display()));
    }
    command
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

pub fn diff(old: &Path, new: &Path, format: Format) -> Result<ExitCode> {
    let read = |dir: &Path| -> Result<Option<catalog_gen::Catalog>> {
        let parsed = catalog_gen::parse_snapshot(&Snapshot::read(dir)?);
        print_diagnostics(&parsed.diagnostics);
        Ok((!parsed.has_errors()).then_some(parsed.catalog))
    };
    let (Some(old_catalog), Some(new_catalog)) = (read(old)?, read(new)?) else {
        eprintln!("error: cannot compare snapshots with errors");
        return Ok(ExitCode::from(2));
    };
    let changes = catalog_gen::diff::diff_catalogs(&old_catalog, &new_catalog);
    let text = match format {
        Format::Text => changes.to_text(),
        Format::Json => changes.to_json(),
        Format::Markdown => changes.to_markdown(),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
