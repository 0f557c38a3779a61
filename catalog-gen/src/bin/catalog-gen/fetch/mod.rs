//! `catalog-gen fetch`: replacing a docs snapshot with the error pages the live docs index
//! (llms.txt) links to, by the policies `fetch --help` states ([`command`]).
//!
//! [`stage`] downloads them beside the snapshot; a command can read them, as `update` does,
//! before [`StagedSnapshot::commit_with`] writes its own files and puts the pages in place.
//! Git is the refresh's transaction log: a run killed between two files leaves files of
//! different generations, which `check` reports (the generated file records the hash of the
//! docs it came from), and running `update` again computes the same files.

mod command;
mod download;
mod markdown;
mod swap;

use std::path::{Path, PathBuf};

pub use command::{DownloadArgs, FetchArgs, run};
pub use swap::StagedSnapshot;

use crate::docs_index::{self, HttpUrl, IndexPages};
use download::Downloader;

/// A function that turns an I/O error at `path` into `cannot VERB PATH: ERROR` (`read` or
/// `write`), the message of a failed fetch.
fn io_error(verb: &'static str, path: impl AsRef<Path>) -> impl FnOnce(std::io::Error) -> String {
    let path = path.as_ref().display().to_string();
    move |source| format!("cannot {verb} {path}: {source}")
}

/// The line that starts every page of a snapshot, up to the page's URL.
const SOURCE_LINE_START: &[u8] = b"# Source:";

/// A file written along with the snapshot, and its new text; `None` removes it.
pub type Replacement = (PathBuf, Option<String>);

/// Downloads the pages under `limits.prefix` that the index at `index` links to, beside the
/// snapshot `out` (which is replaced, if it is not a snapshot, only with `force`); returns
/// them staged, with the index's links that were selected and skipped. First, what a killed
/// run left beside `out` is repaired, with a `note` of what was done. On failure, `out` is as
/// it was, unless the message says otherwise.
pub fn stage(
    index: &str,
    out: &Path,
    force: bool,
    limits: &DownloadArgs,
    note: impl FnOnce(&str),
) -> Result<(StagedSnapshot, IndexPages), String> {
    let index_url = HttpUrl::parse(index).map_err(|reason| format!("invalid index URL {index}: {reason}"))?;
    let staged = StagedSnapshot::begin(out, force, note)?;
    let mut downloader = Downloader::new(limits, &index_url);
    let index = downloader.get(&index_url)?;
    let index = markdown_text(&index_url, &index)?;
    let selected = docs_index::select_pages(&index_url, index, &limits.prefix)?;
    if selected.pages.is_empty() {
        let prefix = &limits.prefix;
        return Err(format!(
            "the index {index_url} links to no .md page under {prefix:?}"
        ));
    }
    for page in &selected.pages {
        let body = downloader.get(&page.url)?;
        markdown_text(&page.url, &body)?;
        // A page that names its source already is kept as it is.
        let page_bytes = if body.starts_with(SOURCE_LINE_START) {
            body
        } else {
            [format!("# Source: {}\n\n", page.url).into_bytes(), body].concat()
        };
        staged.write(&page.path, &page_bytes)?;
    }
    Ok((staged, selected))
}

/// `body`, downloaded from `url`, as text if it is markdown (see [`markdown`]).
fn markdown_text<'a>(url: &HttpUrl, body: &'a [u8]) -> Result<&'a str, String> {
    markdown::as_markdown(body).map_err(|problem| format!("{url} is not a markdown page: {problem}"))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::fs;
    use std::path::{Path, PathBuf};

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
}
