//! `catalog-gen fetch`: replacing a docs snapshot with the error pages the live docs index
//! (llms.txt) links to.
//!
//! A fetch is two steps, so that a command can do something between them (generate from the
//! new pages before either replaces the old):
//!
//! 1. [`stage`] reads the index, selects the pages it links to (see [`crate::docs_index`])
//!    and writes each one into a staging directory beside the output ([`staging`]). The output
//!    is not touched; a directory that is not a snapshot ([`snapshot_dir`]) is refused up
//!    front. What killed runs left is cleaned up before, by [`finish_interrupted`]
//!    ([`journal`], [`leftovers`]), which every command that writes the snapshot calls first.
//! 2. [`StagedSnapshot::commit`] swaps the staging directory in place of the output;
//!    [`StagedSnapshot::commit_with`] does so together with files elsewhere, all or none
//!    ([`journal`]), as `update` does with the generated catalog and the ledger.
//!
//! What is accepted from the server is described in [`download`] and [`markdown`]. Every page
//! file starts with `# Source: URL` and a blank line: a page served without that line gets it
//! prepended; otherwise the bytes are written exactly as served.

mod command;
mod download;
mod error;
mod failure;
mod journal;
mod leftovers;
mod lock;
mod markdown;
mod snapshot_dir;
mod staging;
mod target;

use std::path::{Path, PathBuf};
use std::time::Duration;

pub use command::{DownloadArgs, FetchArgs, clear_progress, kept_message, run, show};
pub use error::FetchError;
pub use journal::{Recovered, Replacement};
pub use leftovers::KeptLeftover;

use crate::docs_index::{self, HttpUrl, IndexPage};
use download::Downloader;
use staging::Staging;
use target::Target;

/// The default [`FetchOptions::prefix`]: the error pages.
pub const DEFAULT_PREFIX: &str = "errors/";
/// The default connect and read timeouts.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default [`FetchOptions::deadline`].
pub const DEFAULT_DEADLINE: Duration = Duration::from_secs(60);
/// The default [`FetchOptions::max_page_bytes`]: 2 MiB.
pub const DEFAULT_MAX_PAGE_BYTES: u64 = 2 * 1024 * 1024;
/// The default [`FetchOptions::max_total_bytes`]: 32 MiB.
pub const DEFAULT_MAX_TOTAL_BYTES: u64 = 32 * 1024 * 1024;
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
    /// Whether `out` may be replaced whatever it holds, not only when it is a snapshot.
    pub force: bool,
    /// Only pages whose snapshot path starts with this are fetched.
    pub prefix: String,
    /// Limit for resolving the host and connecting.
    pub connect_timeout: Duration,
    /// Limit for each read from (and write to) the connection.
    pub read_timeout: Duration,
    /// Limit for one request, from connecting to the last byte of the body, redirects included.
    pub deadline: Duration,
    /// The largest body accepted, in bytes, for each page and for the index.
    pub max_page_bytes: u64,
    /// The most bytes accepted for the index and all pages together.
    pub max_total_bytes: u64,
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
            force: false,
            prefix: DEFAULT_PREFIX.to_owned(),
            connect_timeout: DEFAULT_TIMEOUT,
            read_timeout: DEFAULT_TIMEOUT,
            deadline: DEFAULT_DEADLINE,
            max_page_bytes: DEFAULT_MAX_PAGE_BYTES,
            max_total_bytes: DEFAULT_MAX_TOTAL_BYTES,
            attempts: DEFAULT_ATTEMPTS,
            retry_backoff: DEFAULT_RETRY_BACKOFF,
        }
    }
}

/// Something a fetch tells as it goes.
#[derive(Debug, Clone, Copy)]
pub enum Event<'a> {
    /// An update a killed run had left was finished or undone.
    Recovered(&'a Recovered),
    /// A directory a killed run left beside the output was kept, not being a snapshot.
    KeptLeftover(&'a KeptLeftover),
    /// A page is about to be downloaded.
    Page {
        /// Its position among the pages, from 1.
        position: usize,
        /// How many pages there are.
        total: usize,
        /// The page.
        page: &'a IndexPage,
    },
}

/// The pages of a fetch, downloaded into a staging directory that has not replaced the output
/// yet. Dropping it removes the staging directory.
#[derive(Debug)]
pub struct StagedSnapshot {
    staging: Staging,
    out: PathBuf,
    pages: usize,
    skipped_links: usize,
}

/// What a successful fetch wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchReport {
    /// The snapshot directory, now holding exactly the pages fetched.
    pub out: PathBuf,
    /// How many pages were fetched.
    pub pages: usize,
    /// How many of the index's links were not fetched (see [`docs_index::IndexPages`]).
    pub skipped_links: usize,
}

impl StagedSnapshot {
    /// Replaces the output with the downloaded pages.
    pub fn commit(self) -> Result<FetchReport, FetchError> {
        let report = self.report();
        self.staging.commit()?;
        Ok(report)
    }

    /// The directory the pages were downloaded into, to be read before they replace anything.
    pub fn dir(&self) -> &Path {
        &self.staging.paths().staging
    }

    /// Replaces the output with the downloaded pages and each of `files` with its new
    /// contents, all or none even if the run is killed (see [`journal`]). Returns the old
    /// snapshot too, when it was kept aside for not being a snapshot.
    pub fn commit_with(
        self,
        files: &[Replacement],
    ) -> Result<(FetchReport, Option<KeptLeftover>), FetchError> {
        let report = self.report();
        let kept = journal::commit(self.staging, files)?;
        Ok((report, kept))
    }

    fn report(&self) -> FetchReport {
        FetchReport {
            out: self.out.clone(),
            pages: self.pages,
            skipped_links: self.skipped_links,
        }
    }
}

/// Finishes or undoes the updates of the snapshot `out` that killed runs left, and removes
/// what killed fetches left beside it, telling `observe`. Does nothing when `out` cannot be a
/// snapshot's directory (see [`FetchOptions::out`]).
pub fn finish_interrupted(out: &Path, mut observe: impl FnMut(Event<'_>)) -> Result<(), FetchError> {
    let Ok(target) = Target::new(out, false) else {
        return Ok(());
    };
    leftovers::clean_up(&target, &mut observe)
}

/// Downloads the pages under `options.prefix` that the index links to into a staging directory
/// beside `options.out`, telling `observe` what happens; `options.out` is left as it is. What
/// killed runs left is not looked at: [`finish_interrupted`] does that, first.
pub fn stage(
    options: &FetchOptions,
    mut observe: impl FnMut(Event<'_>),
) -> Result<StagedSnapshot, FetchError> {
    let index_url = docs_index::resolve_index_url(&options.index_url)?;
    let target = Target::new(&options.out, options.force)?;
    target.check_replaceable(target.out())?;
    let downloader = Downloader::new(options, &index_url);
    let index = downloader.get(&index_url)?;
    let index = markdown_text(&index_url, &index)?;
    let selected = docs_index::select_pages(&index_url, index, &options.prefix)?;
    if selected.pages.is_empty() {
        return Err(FetchError::NoPages {
            url: index_url.to_string(),
            prefix: options.prefix.clone(),
        });
    }
    let staging = Staging::create(&target)?;
    let total = selected.pages.len();
    for (position, page) in selected.pages.iter().enumerate() {
        observe(Event::Page {
            position: position + 1,
            total,
            page,
        });
        let body = downloader.get(&page.url)?;
        markdown_text(&page.url, &body)?;
        staging.write(&page.path, &with_source_line(&page.url, body))?;
    }
    Ok(StagedSnapshot {
        staging,
        out: options.out.clone(),
        pages: total,
        skipped_links: selected.skipped,
    })
}

/// `body`, downloaded from `url`, as text if it is markdown (see [`markdown`]).
fn markdown_text<'a>(url: &HttpUrl, body: &'a [u8]) -> Result<&'a str, FetchError> {
    markdown::as_markdown(body).map_err(|problem| FetchError::NotMarkdown {
        url: url.to_string(),
        problem,
    })
}

/// The page as the snapshot keeps it: `# Source: URL` and a blank line, then the body,
/// unless the body already starts with a `# Source:` line.
fn with_source_line(url: &HttpUrl, body: Vec<u8>) -> Vec<u8> {
    if body.starts_with(SOURCE_LINE_START) {
        return body;
    }
    let mut page = format!("# Source: {url}\n\n").into_bytes();
    page.extend_from_slice(&body);
    page
}

#[cfg(test)]
pub(crate) mod tests {
    use std::fs;
    use std::path::Path;

    use super::*;

    /// An empty directory for one test, named after it and this process.
    pub fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("catalog-gen-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The names in `dir`, sorted.
    pub fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn prepends_a_source_line_only_when_missing() {
        let url = HttpUrl::parse("https://smartcar.com/docs/errors/a.md").unwrap();
        assert_eq!(
            with_source_line(&url, b"# A\r\n".to_vec()),
            b"# Source: https://smartcar.com/docs/errors/a.md\n\n# A\r\n"
        );
        let sourced = b"# Source: https://elsewhere.example/a.md\n\n# A".to_vec();
        assert_eq!(with_source_line(&url, sourced.clone()), sourced);
        assert_eq!(
            with_source_line(&url, Vec::new()),
            format!("# Source: {url}\n\n").into_bytes()
        );
    }

    #[test]
    fn checks_the_index_url_and_the_output_before_any_download() {
        let options = FetchOptions::new("ftp://smartcar.com/docs/llms.txt", "snapshot");
        let error = stage(&options, |_| {}).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid index URL ftp://smartcar.com/docs/llms.txt: not an http or https URL"
        );
        let options = FetchOptions::new("https://smartcar.invalid/docs/llms.txt", "/");
        let error = stage(&options, |_| {}).unwrap_err();
        assert_eq!(error.to_string(), "output / does not end in a directory name");
    }
}
