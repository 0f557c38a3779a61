//! `catalog-gen fetch`: refreshing a docs snapshot from the live docs.
//!
//! [`fetch_snapshot`] downloads a docs index in the llms.txt format, selects the error pages
//! it links to (see [`crate::docs_index`]), downloads each one into a new directory beside
//! the output, and only when every page has arrived swaps that directory in place of the
//! old snapshot. A failure leaves the old snapshot as it was.
//!
//! Every page file starts with `# Source: URL` and a blank line: a page served without that
//! line gets it prepended; otherwise the bytes are written exactly as served.

mod command;
mod download;
mod staging;

use std::io;
use std::path::PathBuf;
use std::time::Duration;

pub use command::{FetchArgs, run};
pub use download::DownloadFailure;

use crate::docs_index::{self, IndexError, IndexPage};
use download::Downloader;
use staging::{Staging, Target};

/// The default [`FetchOptions::prefix`]: the error pages.
pub const DEFAULT_PREFIX: &str = "errors/";
/// The default connect and read timeouts.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default [`FetchOptions::max_page_bytes`]: 2 MiB.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 2 * 1024 * 1024;
/// The default [`FetchOptions::attempts`].
pub const DEFAULT_ATTEMPTS: u32 = 3;
/// The default [`FetchOptions::retry_backoff`].
pub const DEFAULT_RETRY_BACKOFF: Duration = Duration::from_millis(500);

/// The line that starts every page of a snapshot, up to the page's URL.
const SOURCE_LINE_START: &[u8] = b"# Source:";

/// What to fetch, where to, and how patiently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// The URL of the docs index (`https://smartcar.com/docs/llms.txt`).
    pub index_url: String,
    /// The snapshot directory to replace (created if missing).
    pub out: PathBuf,
    /// Only pages whose snapshot path starts with this are fetched.
    pub prefix: String,
    /// Limit for resolving the host and connecting.
    pub connect_timeout: Duration,
    /// Limit for each read from (and write to) the connection.
    pub read_timeout: Duration,
    /// The largest body accepted, in bytes, for each page and for the index.
    pub max_page_bytes: u64,
    /// Tries per URL; failures that may pass (connection, timeout, 5xx, 429) are retried.
    pub attempts: u32,
    /// The wait after the first failed try; it doubles after each further one.
    pub retry_backoff: Duration,
}

impl FetchOptions {
    /// Options with the defaults for everything but the index URL and the output directory.
    pub fn new(index_url: impl Into<String>, out: impl Into<PathBuf>) -> FetchOptions {
        FetchOptions {
            index_url: index_url.into(),
            out: out.into(),
            prefix: DEFAULT_PREFIX.to_owned(),
            connect_timeout: DEFAULT_TIMEOUT,
            read_timeout: DEFAULT_TIMEOUT,
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            attempts: DEFAULT_ATTEMPTS,
            retry_backoff: DEFAULT_RETRY_BACKOFF,
        }
    }
}

/// What a successful fetch wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchReport {
    /// The snapshot directory, now holding exactly these pages.
    pub out: PathBuf,
    /// The pages, in the order the index lists them.
    pub pages: Vec<IndexPage>,
    /// How many of the index's links were not fetched (see [`docs_index::IndexPages`]).
    pub skipped_links: usize,
}

/// A page about to be downloaded.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    /// Its position among the pages, from 1.
    pub position: usize,
    /// How many pages there are.
    pub total: usize,
    /// The page.
    pub page: &'a IndexPage,
}

/// Why a fetch failed; the old snapshot is then as it was (except after [`FetchError::RemoveOld`]).
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
    /// The index is not UTF-8 text.
    #[error("the index {url} is not UTF-8")]
    IndexNotUtf8 {
        /// The index URL.
        url: String,
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
    /// Reading or writing the file system failed.
    #[error("cannot write {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The new snapshot is in place, but the old one, renamed aside, could not be removed.
    #[error("the new snapshot is in place, but the old one at {} could not be removed: {source}", path.display())]
    RemoveOld {
        /// Where the old snapshot is.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

fn after(attempts: u32) -> String {
    match attempts {
        1 => String::new(),
        n => format!(" (after {n} attempts)"),
    }
}

/// Downloads the error pages listed by the index and replaces `options.out` with them,
/// calling `progress` before each page is downloaded.
pub fn fetch_snapshot(
    options: &FetchOptions,
    mut progress: impl FnMut(Progress<'_>),
) -> Result<FetchReport, FetchError> {
    let index_url = docs_index::resolve_index_url(&options.index_url)?;
    let target = Target::new(&options.out)?;
    let downloader = Downloader::new(options);
    let index = downloader.get(&index_url)?;
    let index = std::str::from_utf8(&index).map_err(|_| FetchError::IndexNotUtf8 {
        url: index_url.clone(),
    })?;
    let selected = docs_index::select_pages(&index_url, index, &options.prefix)?;
    if selected.pages.is_empty() {
        return Err(FetchError::NoPages {
            url: index_url,
            prefix: options.prefix.clone(),
        });
    }
    let staging = Staging::create(&target)?;
    let total = selected.pages.len();
    for (position, page) in selected.pages.iter().enumerate() {
        progress(Progress {
            position: position + 1,
            total,
            page,
        });
        let body = downloader.get(&page.url)?;
        staging.write(&page.path, &with_source_line(&page.url, body))?;
    }
    staging.commit()?;
    Ok(FetchReport {
        out: options.out.clone(),
        pages: selected.pages,
        skipped_links: selected.skipped,
    })
}

/// The page as the snapshot keeps it: `# Source: URL` and a blank line, then the body,
/// unless the body already starts with a `# Source:` line.
fn with_source_line(url: &str, body: Vec<u8>) -> Vec<u8> {
    if body.starts_with(SOURCE_LINE_START) {
        return body;
    }
    let mut page = format!("# Source: {url}\n\n").into_bytes();
    page.extend_from_slice(&body);
    page
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepends_a_source_line_only_when_missing() {
        let url = "https://smartcar.com/docs/errors/a.md";
        assert_eq!(
            with_source_line(url, b"# A\r\n".to_vec()),
            b"# Source: https://smartcar.com/docs/errors/a.md\n\n# A\r\n"
        );
        let sourced = b"# Source: https://elsewhere.example/a.md\n\n# A".to_vec();
        assert_eq!(with_source_line(url, sourced.clone()), sourced);
        assert_eq!(
            with_source_line(url, Vec::new()),
            format!("# Source: {url}\n\n").into_bytes()
        );
    }

    #[test]
    fn checks_the_index_url_and_the_output_before_any_download() {
        let options = FetchOptions::new("ftp://smartcar.com/docs/llms.txt", "snapshot");
        let error = fetch_snapshot(&options, |_| {}).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid index URL ftp://smartcar.com/docs/llms.txt: not an http or https URL"
        );
        let options = FetchOptions::new("https://smartcar.invalid/docs/llms.txt", "/");
        let error = fetch_snapshot(&options, |_| {}).unwrap_err();
        assert_eq!(error.to_string(), "output / does not end in a directory name");
    }

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
