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
/// `Debug` shows the same text as `Display`, so that a build script whose `main` returns this
/// error prints the docs' problems as the command line does, one line each. Every path and
/// every piece of docs text in the message is escaped: it cannot break the line it is on.
#[derive(thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be read.
    #[error("cannot read {}: {error}", shown(path))]
    Read {
        /// The path that failed.
        path: PathBuf,
        /// Why: shown in the message, so not also returned as the error's `source()` (which
        /// would make anyhow and miette print it twice).
        error: io::Error,
    },
    /// The docs directory holds no `.md` page (a wrong path, most likely).
    #[error("no .md pages below {}", shown(path))]
    NoPages {
        /// The docs directory.
        path: PathBuf,
    },
    /// The name of a page, or of a directory that may hold pages, is not UTF-8, so it cannot
    /// be named in the catalog. (Other files with such names are skipped.)
    #[error("file name is not UTF-8: {}", shown(path))]
    NonUtf8Name {
        /// The offending path.
        path: PathBuf,
    },
    /// A page is larger than 16 MiB; no published page comes near it.
    #[error(
        "{} is larger than {} bytes, the most a docs page may have",
        shown(path),
        crate::snapshot::MAX_PAGE_BYTES
    )]
    PageTooLarge {
        /// The page.
        path: PathBuf,
    },
    /// The docs have errors; every diagnostic, warnings too, is here, its file named below the
    /// docs directory.
    #[error("{}", report::plain(diagnostics))]
    Docs {
        /// The diagnostics, sorted.
        diagnostics: Vec<Diagnostic>,
    },
    /// No page documents an error (no code heading, no Connect parameter table): generating
    /// would empty the catalog. The warnings about the pages are here.
    #[error("{}{NO_ERRORS_DOCUMENTED}", report::plain(diagnostics))]
    NoErrorsDocumented {
        /// The warnings about the pages.
        diagnostics: Vec<Diagnostic>,
    },
    /// The path given for the runtime crate is not a Rust path.
    #[error("`{}` is not a Rust path to the runtime crate", Escaped(.0))]
    RuntimePath(String),
    /// No output file was set and `OUT_DIR` is not set (not running under Cargo).
    #[error("no output file: set one with Builder::out_file or run from a build script")]
    NoOutFile,
    /// A path that Cargo must watch cannot be printed as a build-script directive: it is not
    /// UTF-8, or it holds a control or text-direction character that would end or disguise
    /// the directive's line.
    #[error(
        "cannot tell Cargo to watch `{}`: the path is not UTF-8 or holds a control character",
        shown(path)
    )]
    UnprintablePath {
        /// The path.
        path: PathBuf,
    },
    /// The ledger file is not one: not JSON of the ledger's layout, an entry twice, a date
    /// that is not a date.
    #[error(
        "{} is not a ledger of errors that left the docs: {}",
        shown(path),
        Escaped(reason)
    )]
    Ledger {
        /// The ledger file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The catalog whose variants [`Builder::keep_variants_of`](crate::Builder::keep_variants_of)
    /// keeps is not a file catalog-gen generated, or today's date cannot be told.
    #[error("cannot keep the variants of {}: {}", shown(path), Escaped(reason))]
    KeptCatalog {
        /// The generated file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A date given for the ledger is not a real date written `YYYY-MM-DD`.
    #[error("`{}` is not a date written YYYY-MM-DD", Escaped(.0))]
    InvalidDate(String),
    /// A file could not be written (or is not a regular file, which is never replaced).
    #[error("cannot write {}: {error}", shown(path))]
    Write {
        /// The file.
        path: PathBuf,
        /// Why: shown in the message, not returned as `source()`.
        error: io::Error,
    },
}

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
    fn an_io_cause_is_shown_once_in_an_error_chain() {
        let error = Error::Read {
            path: PathBuf::from("docs/a.md"),
            error: io::Error::new(io::ErrorKind::PermissionDenied, "permission denied"),
        };
        assert_eq!(error.to_string(), "cannot read docs/a.md: permission denied");
        assert!(std::error::Error::source(&error).is_none());
    }
}
