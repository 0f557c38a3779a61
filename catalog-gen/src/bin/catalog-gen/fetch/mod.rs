//! `catalog-gen fetch`: replacing a docs snapshot with the error pages the live docs index
//! (llms.txt) links to, by the policies `fetch --help` states ([`command`]).
//!
//! [`stage`] reads the index, selects the pages it links to (see [`crate::docs_index`]) and
//! downloads each ([`download`], [`markdown`]) into a directory beside the snapshot, which is
//! not touched yet ([`swap`]); [`StagedSnapshot::commit`] then puts the new pages in its
//! place. A command can read them in between, as `update` does, and write files of its own
//! first ([`StagedSnapshot::commit_with`]), each old or new, never a part
//! ([`catalog_gen::cli::write_if_changed`]). Git is the refresh's transaction log: a run
//! killed between two files leaves the old snapshot, the files of different generations,
//! which `check` reports (the generated file records the hash of the docs it came from), and
//! running `update` again computes the same files from the same old snapshot.

mod command;
mod download;
mod markdown;
mod snapshot_dir;
mod swap;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use catalog_gen::cli::write_if_changed;

pub use command::{DownloadArgs, FetchArgs, run};
pub use swap::StagedSnapshot;

use crate::docs_index::{self, HttpUrl};
use download::Downloader;

/// Why a fetch failed, as it is printed (escaped where it is). What the fetch was to replace
/// is then as it was, unless the message says otherwise.
pub type FetchError = String;

/// A function that turns an I/O error at `path` into `cannot write PATH: ERROR`.
fn write_error(path: impl AsRef<Path>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.as_ref().display().to_string();
    move |source| format!("cannot write {path}: {source}")
}

/// A function that turns an I/O error at `path` into `cannot read PATH: ERROR`.
fn read_error(path: impl AsRef<Path>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.as_ref().display().to_string();
    move |source| format!("cannot read {path}: {source}")
}

/// The line that starts every page of a snapshot, up to the page's URL.
const SOURCE_LINE_START: &[u8] = b"# Source:";

/// A file written along with the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The file.
    pub target: PathBuf,
    /// Its new contents; `None` removes it.
    pub contents: Option<Vec<u8>>,
}

impl Replacement {
    /// Writes the new contents (old or new, never a part), or removes the file.
    pub(crate) fn write(&self) -> Result<(), FetchError> {
        let written = match &self.contents {
            Some(contents) => write_if_changed(&self.target, contents).map(drop),
            None => match fs::remove_file(&self.target) {
                Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
                removed => removed,
            },
        };
        written.map_err(write_error(&self.target))
    }
}

/// Downloads the pages under `limits.prefix` that the index at `index` links to, beside the
/// snapshot `out` (which is replaced, if it is not a snapshot, only with `force`). First, what
/// a killed run left beside `out` is repaired, with a `note` of what was done.
pub fn stage(
    index: &str,
    out: &Path,
    force: bool,
    limits: &DownloadArgs,
    note: impl FnOnce(&str),
) -> Result<StagedSnapshot, FetchError> {
    let index_url = docs_index::resolve_index_url(index)?;
    let mut staged = StagedSnapshot::begin(out, force, note)?;
    let downloader = Downloader::new(limits, &index_url);
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
        staged.write(&page.path, &with_source_line(&page.url, body))?;
    }
    staged.pages = selected.pages.len();
    staged.skipped_links = selected.skipped;
    Ok(staged)
}

/// `body`, downloaded from `url`, as text if it is markdown (see [`markdown`]).
fn markdown_text<'a>(url: &HttpUrl, body: &'a [u8]) -> Result<&'a str, FetchError> {
    markdown::as_markdown(body).map_err(|problem| format!("{url} is not a markdown page: {problem}"))
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
    fn a_replacement_writes_its_file_whole_or_removes_it() {
        let root = scratch("replacement");
        let file = root.join("nested/ledger.json");
        let replace = |contents: Option<&[u8]>| Replacement {
            target: file.clone(),
            contents: contents.map(<[u8]>::to_vec),
        };
        replace(Some(b"new")).write().unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        replace(None).write().unwrap();
        replace(None).write().unwrap();
        assert_eq!(entries(&root.join("nested")), Vec::<String>::new());
        fs::remove_dir_all(&root).unwrap();
    }
}
