//! Why catalog-gen could not do what it was asked: one error type for every entry point.

use std::fmt;
use std::io;
use std::path::PathBuf;

use smartcar_errors_shared::text::Escaped;

use crate::diagnostic::Diagnostic;
use crate::report;

/// What [`Error::NoErrorsDocumented`] says after the warnings.
pub const NO_ERRORS_DOCUMENTED: &str =
    "the docs document no errors: no page has a code heading or a Connect parameter table";

/// Why the docs could not be read, or a catalog not generated, checked or written.
///
/// The message is whole: a variant with an underlying I/O error (its `source` field) shows it
/// after its own text (`cannot read docs: permission denied`), and `source()` returns none, so
/// that a report that walks the chain (anyhow, miette) shows the cause once.
///
/// `Debug` shows the same text as `Display`, so that a build script whose `main` returns this
/// error prints the docs' problems as the command line does, one line each. Every path and
/// every piece of docs text in the message is escaped: it cannot break the line it is on.
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    Read {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error, shown at the end of the message.
        source: io::Error,
    },
    /// The docs directory holds no `.md` page (a wrong path, most likely).
    NoPages(PathBuf),
    /// The name of a page, or of a directory that may hold pages, is not UTF-8, so it cannot
    /// be named in the catalog. (Other files with such names are skipped.)
    NonUtf8Name(PathBuf),
    /// A page is larger than 16 MiB; no published page comes near it.
    PageTooLarge(PathBuf),
    /// The docs have errors; every diagnostic, warnings too, is here, its file named below the
    /// docs directory.
    Docs {
        /// The diagnostics, sorted.
        diagnostics: Vec<Diagnostic>,
    },
    /// No page documents an error (no code heading, no Connect parameter table): generating
    /// would empty the catalog. The warnings about the pages are here.
    NoErrorsDocumented {
        /// The warnings about the pages.
        diagnostics: Vec<Diagnostic>,
    },
    /// The path given for the runtime crate is not a Rust path.
    RuntimePath(String),
    /// No output file was set and `OUT_DIR` is not set (not running under Cargo).
    NoOutFile,
    /// A path that Cargo must watch cannot be printed as a build-script directive: it is not
    /// UTF-8, or it holds a control or text-direction character that would end or disguise
    /// the directive's line.
    UnprintablePath(PathBuf),
    /// The ledger file is not one: not JSON of the ledger's layout, an entry twice, a date
    /// that is not a date.
    Ledger {
        /// The ledger file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The catalog whose variants [`Builder::keep_variants_of`](crate::Builder::keep_variants_of)
    /// keeps is not a file catalog-gen generated, or today's date cannot be told.
    KeptCatalog {
        /// The generated file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A date given for the ledger is not a real date written `YYYY-MM-DD`.
    InvalidDate(String),
    /// A file could not be written (or is not a regular file, which is never replaced).
    Write {
        /// The file.
        path: PathBuf,
        /// The underlying error, shown at the end of the message.
        source: io::Error,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Read { path, source } => write!(f, "cannot read {}: {source}", shown(path)),
            Error::NoPages(path) => write!(f, "no .md pages below {}", shown(path)),
            Error::NonUtf8Name(path) => write!(f, "file name is not UTF-8: {}", shown(path)),
            Error::PageTooLarge(path) => write!(
                f,
                "{} is larger than {} bytes, the most a docs page may have",
                shown(path),
                crate::snapshot::MAX_PAGE_BYTES
            ),
            Error::Docs { diagnostics } => f.write_str(&report::plain(diagnostics)),
            Error::NoErrorsDocumented { diagnostics } => {
                write!(f, "{}{NO_ERRORS_DOCUMENTED}", report::plain(diagnostics))
            }
            Error::RuntimePath(path) => {
                write!(f, "`{}` is not a Rust path to the runtime crate", Escaped(path))
            }
            Error::NoOutFile => {
                f.write_str("no output file: set one with Builder::out_file or run from a build script")
            }
            Error::UnprintablePath(path) => write!(
                f,
                "cannot tell Cargo to watch `{}`: the path is not UTF-8 or holds a control character",
                shown(path)
            ),
            Error::Ledger { path, reason } => write!(
                f,
                "{} is not a ledger of errors that left the docs: {}",
                shown(path),
                Escaped(reason)
            ),
            Error::KeptCatalog { path, reason } => write!(
                f,
                "cannot keep the variants of {}: {}",
                shown(path),
                Escaped(reason)
            ),
            Error::InvalidDate(date) => write!(f, "`{}` is not a date written YYYY-MM-DD", Escaped(date)),
            Error::Write { path, source } => write!(f, "cannot write {}: {source}", shown(path)),
        }
    }
}

impl std::error::Error for Error {}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A path as an error message shows it: lossily decoded and escaped.
fn shown(path: &std::path::Path) -> String {
    Escaped(&path.to_string_lossy()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_that_walks_the_chain_shows_the_cause_once() {
        let error = Error::Read {
            path: "docs\nsnapshot".into(),
            source: io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"),
        };
        let mut chain = vec![error.to_string()];
        let mut next = std::error::Error::source(&error);
        while let Some(cause) = next {
            chain.push(cause.to_string());
            next = cause.source();
        }
        assert_eq!(chain, [r"cannot read docs\nsnapshot: permission denied"]);
        assert_eq!(format!("{error:?}"), chain[0]);
    }
}
