//! The commands, each returning its exit code.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_gen::cli::NO_ERRORS_DOCUMENTED;
use catalog_gen::{Catalog, ChangeSet, Docs, Error, Lint, Style};
use smartcar_errors_shared::text::{Escaped, escape};

use crate::checked_in::{REGENERATE_COMMAND, checked_in};
use crate::paths::{DOCS_DIR, GENERATED_FILE, or_default};
use crate::{Color, Diagnostics, DumpFormat, Format};

/// What a command returns: its exit code, or why it could not run (printed escaped, with the
/// command's exit code for that).
pub type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

/// A line to stderr; a failing stderr is no reason to fail the command.
macro_rules! error {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// `1 type`, `3 types`.
pub fn count(n: usize, noun: &str) -> String {
    format!("{n} {noun}{}", if n == 1 { "" } else { "s" })
}

/// Writes `text` and a newline to stdout, for a command that then exits with `code` (a closed
/// pipe surfaces as an `io::Error`).
fn out(text: impl std::fmt::Display, code: ExitCode) -> Result<ExitCode> {
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(code)
}

/// How the commands talk to the user.
pub struct Ui {
    style: Style,
    /// `--quiet`: only errors and what the command is asked for are printed.
    quiet: bool,
}

impl Ui {
    pub fn new(diagnostics: Diagnostics, color: Color, quiet: bool) -> Self {
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
        };
        let style = match diagnostics {
            Diagnostics::Plain => Style::Plain,
            Diagnostics::Rich => Style::Snippet { color },
        };
        Ui { style, quiet }
    }

    /// Prints a note to stderr, escaped; nothing with `--quiet`.
    pub fn note(&self, note: &str) {
        if !self.quiet {
            error!("{}", escape(note));
        }
    }

    /// The report of the diagnostics of `docs` (only the errors with `--quiet`): in the style
    /// asked for, files named below the docs directory; or, for docs `fetched` into a directory
    /// they will not stay in, one line each, files named within it.
    pub fn report(&self, docs: &Docs, fetched: bool) -> String {
        let shown: Vec<_> = docs
            .diagnostics()
            .iter()
            .filter(|d| !self.quiet || d.is_error())
            .cloned()
            .collect();
        if fetched {
            catalog_gen::cli::plain_report(&shown)
        } else {
            docs.render(&shown, self.style)
        }
    }

    /// Reads the docs in `dir`, as the checked-in catalog is generated from them, and prints
    /// their diagnostics.
    fn read(&self, dir: &Path) -> Result<Docs> {
        let docs = checked_in(dir).read()?;
        let _ = write!(std::io::stderr(), "{}", self.report(&docs, false));
        Ok(docs)
    }

    pub fn generate(&self, docs: Option<PathBuf>, out: Option<PathBuf>) -> Result<ExitCode> {
        let (dir, file) = (or_default(docs, DOCS_DIR)?, or_default(out, GENERATED_FILE)?);
        let docs = self.read(&dir)?;
        let shown = Escaped(&file.display().to_string());
        match docs.write(&file) {
            Ok(written) => {
                let catalog = docs.catalog();
                self.note(&format!(
                    "{} {} ({} in {}, {})",
                    if written { "wrote" } else { "unchanged:" },
                    file.display(),
                    count(catalog.api_errors.len(), "API error"),
                    count(catalog.error_types().len(), "type"),
                    count(catalog.connect_errors.len(), "Connect error"),
                ));
                return Ok(ExitCode::SUCCESS);
            }
            Err(Error::Docs { .. }) => error!("error: the docs have errors; nothing written to {shown}"),
            Err(Error::NoErrorsDocumented { .. }) => {
                error!("error: {NO_ERRORS_DOCUMENTED}\nnothing written to {shown}")
            }
            Err(error) => return Err(error.into()),
        }
        Ok(ExitCode::FAILURE)
    }

    pub fn check(&self, docs: Option<PathBuf>, generated: Option<PathBuf>) -> Result<ExitCode> {
        // The command that fixes a drift names the paths given.
        let mut fix = REGENERATE_COMMAND.to_owned();
        for (flag, path) in [("--docs", &docs), ("--out", &generated)] {
            if let Some(path) = path {
                fix.push_str(&format!(" {flag} {}", path.display()));
            }
        }
        let dir = or_default(docs, DOCS_DIR)?;
        let file = or_default(generated, GENERATED_FILE)?;
        match self.read(&dir)?.check(&file, &fix) {
            Ok(None) => {
                self.note(&format!("{} is in sync with {}", file.display(), dir.display()));
                return Ok(ExitCode::SUCCESS);
            }
            Ok(Some(drift)) => return out(drift, ExitCode::FAILURE),
            Err(Error::Docs { .. }) => {
                error!("error: the docs have errors, so they generate no catalog to compare with")
            }
            Err(Error::NoErrorsDocumented { .. }) => error!("error: {NO_ERRORS_DOCUMENTED}"),
            Err(error) => return Err(error.into()),
        }
        Ok(ExitCode::from(2))
    }

    pub fn dump(&self, docs: Option<PathBuf>, format: DumpFormat) -> Result<ExitCode> {
        if format == DumpFormat::JsonSchema {
            write!(std::io::stdout().lock(), "{}", Catalog::json_schema())?;
            return Ok(ExitCode::SUCCESS);
        }
        let docs = self.read(&or_default(docs, DOCS_DIR)?)?;
        if docs.has_errors() {
            return Ok(ExitCode::FAILURE);
        }
        out(serde_json::to_string_pretty(docs.catalog())?, ExitCode::SUCCESS)
    }

    pub fn diff(&self, old: &Path, new: &Path, format: Format) -> Result<ExitCode> {
        // The docs of `dir`, or `None` (the problem printed) when they cannot be compared. The
        // diagnostics of a snapshot are printed once, even when both are the same.
        let mut printed = String::new();
        let mut read = |dir: &Path| -> Option<Docs> {
            let docs = checked_in(dir)
                .read()
                .map_err(|error| error!("error: {}", escape(&error.to_string())))
                .ok()?;
            let text = self.report(&docs, false);
            if text != printed {
                let _ = std::io::stderr().lock().write_all(text.as_bytes());
                printed = text;
            }
            if docs.has_errors() {
                error!("error: {} has errors", Escaped(&dir.display().to_string()));
                return None;
            }
            Some(docs)
        };
        let (Some(old_docs), Some(new_docs)) = (read(old), read(new)) else {
            error!("error: cannot compare the snapshots");
            return Ok(ExitCode::from(2));
        };
        let changes = ChangeSet::between(old_docs.catalog(), new_docs.catalog());
        let text = match format {
            Format::Text => changes.to_text(),
            Format::Json => changes.to_json(),
            Format::Markdown => changes.to_markdown(),
        };
        std::io::stdout().lock().write_all(text.as_bytes())?;
        Ok(ExitCode::from(u8::from(!changes.is_empty())))
    }

    pub fn explain(&self, dir: &Path, query: &str) -> Result<ExitCode> {
        let docs = self.read(dir)?;
        match docs.explain(query) {
            Ok(found) => return out(found, ExitCode::SUCCESS),
            Err(_) if docs.has_errors() => error!(
                "error: the docs have errors (above), so what they say of `{}` cannot be told: an entry may be on a page that could not be read",
                Escaped(query)
            ),
            Err(not_found) => error!("error: {not_found}"),
        }
        Ok(ExitCode::FAILURE)
    }

    pub fn lint(&self, dir: &Path, deny_warnings: bool) -> Result<ExitCode> {
        let docs = self.read(dir)?;
        let diagnostics = docs.diagnostics();
        let failed = diagnostics.iter().any(|d| d.is_error() || deny_warnings);
        if diagnostics.is_empty() {
            self.note(&format!("{}: no problems found", dir.display()));
        }
        Ok(ExitCode::from(u8::from(failed)))
    }
}

/// Prints every lint: id, severity, meaning.
pub fn list_lints() -> Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    for lint in Lint::ALL {
        let (id, severity, summary) = (lint.id(), lint.severity().to_string(), lint.summary());
        writeln!(stdout, "{id:<22} {severity:<8} {summary}")?;
    }
    Ok(ExitCode::SUCCESS)
}
