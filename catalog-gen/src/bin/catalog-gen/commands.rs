//! The commands, each returning its exit code.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use catalog_gen::diagnostic::Lint;
use catalog_gen::emit::REGENERATE_COMMAND;
use catalog_gen::report::{self, Style};
use catalog_gen::{Diagnostic, EmitOptions, GenerateError, Snapshot};

use crate::paths::Paths;
use crate::{Diagnostics, Format};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A line to stderr; a failing stderr is no reason to fail the command.
macro_rules! note {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Writes `text` and a newline to stdout (a closed pipe surfaces as an `io::Error`).
fn out(text: impl std::fmt::Display) -> std::io::Result<()> {
    writeln!(std::io::stdout().lock(), "{text}")
}

/// How the commands talk to the user.
pub struct Ui {
    style: Style,
}

impl Ui {
    pub fn new(diagnostics: Diagnostics) -> Self {
        let style = match diagnostics {
            Diagnostics::Plain => Style::Plain,
            Diagnostics::Rich => Style::Snippet {
                color: std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
            },
        };
        Ui { style }
    }

    fn print_diagnostics(&self, diagnostics: &[Diagnostic], snapshot: &Snapshot) {
        let text = report::render(diagnostics, snapshot, self.style);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
    }

    /// Generates the catalog text, or prints the docs' errors and returns `None`.
    fn generate_code(&self, docs: &Path) -> Result<Option<catalog_gen::Generated>> {
        let snapshot = Snapshot::read(docs)?;
        match catalog_gen::generate(&snapshot, &EmitOptions::checked_in()) {
            Ok(generated) => {
                self.print_diagnostics(&generated.warnings, &snapshot);
                Ok(Some(generated))
            }
            Err(GenerateError::Docs(diagnostics)) => {
                self.print_diagnostics(&diagnostics, &snapshot);
                Ok(None)
            }
            Err(error @ GenerateError::Empty(_)) => {
                self.refuse_empty(&error, &snapshot);
                Ok(None)
            }
            Err(error) => Err(error.into()),
        }
    }

    /// Prints why an empty catalog is refused: the warnings about the pages, then the error.
    fn refuse_empty(&self, error: &GenerateError, snapshot: &Snapshot) {
        if let GenerateError::Empty(warnings) = error {
            self.print_diagnostics(warnings, snapshot);
        }
        note!("error: {error}");
    }

    pub fn generate(&self, paths: &Paths) -> Result<ExitCode> {
        let (docs, out) = (&paths.docs, &paths.generated);
        // The pages are freed as they are read; diagnostics read them again to be shown.
        let generated =
            match catalog_gen::generate_file(Snapshot::read(docs)?, &EmitOptions::checked_in(), out) {
                Ok(generated) => generated,
                Err(GenerateError::Docs(diagnostics)) => {
                    self.print_diagnostics(&diagnostics, &Snapshot::read(docs)?);
                    note!(
                        "error: the docs have errors; nothing written to {}",
                        out.display()
                    );
                    return Ok(ExitCode::FAILURE);
                }
                Err(error @ GenerateError::Empty(_)) => {
                    self.refuse_empty(&error, &Snapshot::read(docs)?);
                    note!("nothing written to {}", out.display());
                    return Ok(ExitCode::FAILURE);
                }
                Err(error) => return Err(error.into()),
            };
        if !generated.warnings.is_empty() {
            self.print_diagnostics(&generated.warnings, &Snapshot::read(docs)?);
        }
        note!(
            "{} {} ({} API errors in {} types, {} Connect errors)",
            if generated.written { "wrote" } else { "unchanged:" },
            out.display(),
            generated.catalog.api_errors.len(),
            generated.catalog.error_types().len(),
            generated.catalog.connect_errors.len(),
        );
        Ok(ExitCode::SUCCESS)
    }

    pub fn check(&self, paths: &Paths) -> Result<ExitCode> {
        let (docs, generated_file) = (&paths.docs, &paths.generated);
        let Some(generated) = self.generate_code(docs)? else {
            return Ok(ExitCode::FAILURE);
        };
        let existing = catalog_gen::write::check_regular(generated_file)
            .and_then(|_| std::fs::read_to_string(generated_file))
            .map_err(|e| format!("cannot read {}: {e}", generated_file.display()))?;
        let label = generated_file.display().to_string();
        match catalog_gen::check::check(
            &existing,
            &generated,
            &label,
            &format!("{REGENERATE_COMMAND}{}", paths.flags),
        ) {
            None => {
                note!("{label} is in sync with {}", docs.display());
                Ok(ExitCode::SUCCESS)
            }
            Some(drift) => {
                out(drift)?;
                Ok(ExitCode::FAILURE)
            }
        }
    }

    pub fn dump(&self, docs: &Path) -> Result<ExitCode> {
        let snapshot = Snapshot::read(docs)?;
        let parsed = catalog_gen::parse_snapshot(&snapshot);
        self.print_diagnostics(&parsed.diagnostics, &snapshot);
        if parsed.has_errors() {
            return Ok(ExitCode::FAILURE);
        }
        out(serde_json::to_string_pretty(&parsed.catalog)?)?;
        Ok(ExitCode::SUCCESS)
    }

    pub fn diff(&self, old: &Path, new: &Path, format: Format) -> Result<ExitCode> {
        // The catalog of `dir`, or `None` (the problem printed) when it cannot be read.
        let read = |dir: &Path| -> Option<catalog_gen::Catalog> {
            let snapshot = match Snapshot::read(dir) {
                Ok(snapshot) => snapshot,
                Err(error) => {
                    note!("error: {error}");
                    return None;
                }
            };
            let parsed = catalog_gen::parse_snapshot(&snapshot);
            self.print_diagnostics(&parsed.diagnostics, &snapshot);
            if parsed.has_errors() {
                note!("error: {} has errors", dir.display());
                return None;
            }
            Some(parsed.catalog)
        };
        let (Some(old_catalog), Some(new_catalog)) = (read(old), read(new)) else {
            note!("error: cannot compare the snapshots");
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

    pub fn explain(&self, docs: &Path, query: &str) -> Result<ExitCode> {
        let snapshot = Snapshot::read(docs)?;
        let parsed = catalog_gen::parse_snapshot(&snapshot);
        if parsed.has_errors() {
            self.print_diagnostics(&parsed.diagnostics, &snapshot);
        }
        match catalog_gen::explain::explain(&parsed.catalog, query) {
            Ok(found) => {
                out(found)?;
                Ok(ExitCode::SUCCESS)
            }
            Err(not_found) => {
                note!("error: {not_found}");
                Ok(ExitCode::FAILURE)
            }
        }
    }

    pub fn lint(&self, docs: &Path, deny_warnings: bool) -> Result<ExitCode> {
        let snapshot = Snapshot::read(docs)?;
        let diagnostics = catalog_gen::lint(&snapshot);
        self.print_diagnostics(&diagnostics, &snapshot);
        let failed = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
        if diagnostics.is_empty() {
            note!("{}: no problems found", docs.display());
        }
        Ok(if failed {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    }
}

/// Prints the JSON Schema of the model.
pub fn json_schema() -> Result<ExitCode> {
    std::io::stdout()
        .lock()
        .write_all(catalog_gen::Catalog::json_schema().as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Prints every lint: id, severity, meaning.
pub fn list_lints() -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    for lint in Lint::ALL {
        writeln!(
            stdout,
            "{:<22} {:<8} {}",
            lint.id(),
            lint.severity().to_string(),
            lint.summary()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
