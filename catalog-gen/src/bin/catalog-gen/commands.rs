//! The commands, each returning its exit code.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use catalog_gen::{Builder, ChangeSet, Docs, Error, Lint, Style};

use crate::paths::Paths;
use crate::{Diagnostics, Format};

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// The command that regenerates smartcar-errors' checked-in catalog.
pub const REGENERATE_COMMAND: &str = "cargo run -p catalog-gen -- generate";

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

    /// Reads the docs in `dir` as the checked-in catalog is generated from them, and prints
    /// their diagnostics.
    fn read(&self, dir: &Path) -> Result<Docs> {
        let docs = Builder::new()
            .docs_dir(dir)
            .docs_name("docs-snapshot")
            .runtime_crate("crate")
            .regenerate_command(REGENERATE_COMMAND)
            .cargo_metadata(false)
            .read()?;
        let text = docs.render(docs.diagnostics(), self.style);
        let _ = std::io::stderr().lock().write_all(text.as_bytes());
        Ok(docs)
    }

    pub fn generate(&self, paths: &Paths) -> Result<ExitCode> {
        let (dir, file) = (&paths.docs, &paths.generated);
        let docs = self.read(dir)?;
        match docs.write(file) {
            Ok(written) => {
                let catalog = docs.catalog();
                note!(
                    "{} {} ({} API errors in {} types, {} Connect errors)",
                    if written { "wrote" } else { "unchanged:" },
                    file.display(),
                    catalog.api_errors.len(),
                    catalog.error_types().len(),
                    catalog.connect_errors.len(),
                );
                Ok(ExitCode::SUCCESS)
            }
            Err(Error::Docs { .. }) => {
                note!(
                    "error: the docs have errors; nothing written to {}",
                    file.display()
                );
                Ok(ExitCode::FAILURE)
            }
            Err(Error::NoErrorsDocumented { .. }) => {
                note!(
                    "error: the docs document no errors: no page has a code heading or a Connect parameter table"
                );
                note!("nothing written to {}", file.display());
                Ok(ExitCode::FAILURE)
            }
            Err(error) => Err(error.into()),
        }
    }

    pub fn check(&self, paths: &Paths) -> Result<ExitCode> {
        let (dir, file) = (&paths.docs, &paths.generated);
        let docs = self.read(dir)?;
        match docs.check(file, &format!("{REGENERATE_COMMAND}{}", paths.flags)) {
            Ok(None) => {
                note!("{} is in sync with {}", file.display(), dir.display());
                Ok(ExitCode::SUCCESS)
            }
            Ok(Some(drift)) => {
                out(drift)?;
                Ok(ExitCode::FAILURE)
            }
            Err(Error::Docs { .. } | Error::NoErrorsDocumented { .. }) => {
                note!("error: the docs generate no catalog to compare with");
                Ok(ExitCode::FAILURE)
            }
            Err(error) => Err(error.into()),
        }
    }

    pub fn dump(&self, dir: &Path) -> Result<ExitCode> {
        let docs = self.read(dir)?;
        if docs.has_errors() {
            return Ok(ExitCode::FAILURE);
        }
        out(serde_json::to_string_pretty(docs.catalog())?)?;
        Ok(ExitCode::SUCCESS)
    }

    pub fn diff(&self, old: &Path, new: &Path, format: Format) -> Result<ExitCode> {
        // The docs of `dir`, or `None` (the problem printed) when they cannot be compared.
        let read = |dir: &Path| -> Option<Docs> {
            let docs = match self.read(dir) {
                Ok(docs) => docs,
                Err(error) => {
                    note!("error: {error}");
                    return None;
                }
            };
            if docs.has_errors() {
                note!("error: {} has errors", dir.display());
                return None;
            }
            Some(docs)
        };
        let (Some(old_docs), Some(new_docs)) = (read(old), read(new)) else {
            note!("error: cannot compare the snapshots");
            return Ok(ExitCode::from(2));
        };
        let changes = ChangeSet::between(old_docs.catalog(), new_docs.catalog());
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

    pub fn explain(&self, dir: &Path, query: &str) -> Result<ExitCode> {
        let docs = self.read(dir)?;
        match docs.explain(query) {
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

    pub fn lint(&self, dir: &Path, deny_warnings: bool) -> Result<ExitCode> {
        let docs = self.read(dir)?;
        let diagnostics = docs.diagnostics();
        let failed = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
        if diagnostics.is_empty() {
            note!("{}: no problems found", dir.display());
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
