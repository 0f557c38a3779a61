//! Why a fetch failed.

use std::io;
use std::path::PathBuf;

use super::failure::DownloadFailure;
use super::markdown::NotMarkdown;
use super::snapshot_dir::ForeignEntry;
use crate::docs_index::IndexError;

/// Why a fetch failed. The output is then as it was, except where a variant says otherwise.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// The index URL or one of its links is unusable.
    #[error(transparent)]
    Index(#[from] IndexError),
    /// A download failed.
    #[error("cannot fetch {url}: {failure}{}", after(*.attempts))]
    Download {
        /// The URL that failed.
        url: String,
        /// Why the last try failed.
        failure: DownloadFailure,
        /// How many tries were made.
        attempts: u32,
    },
    /// A body (the index or a page) is not markdown text.
    #[error("{url} is not a markdown page: {problem}")]
    NotMarkdown {
        /// The URL it came from.
        url: String,
        /// What gave it away.
        problem: NotMarkdown,
    },
    /// The index links to no page under the prefix, so there is nothing to snapshot.
    #[error("the index {url} links to no .md page under {prefix:?}")]
    NoPages {
        /// The index URL.
        url: String,
        /// The prefix pages were selected by.
        prefix: String,
    },
    /// The output path cannot hold a snapshot.
    #[error("output {} {reason}", path.display())]
    InvalidOut {
        /// The output path.
        path: PathBuf,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The output holds something other than a snapshot, and `--force` was not given.
    #[error(
        "refusing to replace {}: {} {}; fetch replaces only a snapshot (directories and .md \
         files whose first line starts with \"# Source:\", none hidden), or any directory with \
         --force",
        out.display(),
        out.join(&foreign.path).display(),
        foreign.reason
    )]
    NotASnapshot {
        /// The output directory.
        out: PathBuf,
        /// The first entry, in name order, that a snapshot does not hold.
        foreign: ForeignEntry,
    },
    /// Reading the file system failed.
    #[error("cannot read {}: {source}", path.display())]
    Read {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// Writing the file system failed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// An old snapshot, moved aside, could not be moved back; the next fetch tries again.
    #[error(
        "cannot move the snapshot at {} back to {}: {source}; the next fetch will try again",
        old.display(),
        out.display()
    )]
    PutBack {
        /// Where the old snapshot is.
        old: PathBuf,
        /// Where it belongs.
        out: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The journal of an update that was interrupted cannot be read or followed; nothing
    /// more is done until it is resolved.
    #[error(
        "cannot finish the interrupted update recorded in {}: {reason}",
        path.display()
    )]
    Journal {
        /// The journal.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The new snapshot is in place, but the old one, renamed aside, could not be removed.
    #[error(
        "the new snapshot is in place, but the old one at {} could not be removed: {source}",
        path.display()
    )]
    RemoveOld {
        /// Where the old snapshot is.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

/// ` (after N attempts)` when there was more than one.
fn after(attempts: u32) -> String {
    match attempts {
        1 => String::new(),
        n => format!(" (after {n} attempts)"),
    }
}

/// A function that turns an I/O error at `path` into a [`FetchError::Write`].
pub fn write_error(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.into();
    move |source| FetchError::Write { path, source }
}

/// A function that turns an I/O error at `path` into a [`FetchError::Read`].
pub fn read_error(path: impl Into<PathBuf>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.into();
    move |source| FetchError::Read { path, source }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_how_many_tries_were_made() {
        let error = |attempts| FetchError::Download {
            url: "https://smartcar.com/docs/errors/a.md".to_owned(),
            failure: DownloadFailure::Status(503),
            attempts,
        };
        assert_eq!(
            error(3).to_string(),
            "cannot fetch https://smartcar.com/docs/errors/a.md: HTTP status 503 (after 3 attempts)"
        );
        assert_eq!(
            error(1).to_string(),
            "cannot fetch https://smartcar.com/docs/errors/a.md: HTTP status 503"
        );
    }
}
