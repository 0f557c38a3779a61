//! Reading a docs snapshot: every `.md` file below a directory, in a fixed order.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::{Error, sha256};

/// One page of the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct DocFile {
    /// Path relative to the snapshot root, `/`-separated (`errors/api-errors/server-errors.md`).
    pub(crate) path: String,
    pub(crate) bytes: Vec<u8>,
}

/// A docs snapshot: its pages sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Snapshot {
    pub(crate) files: Vec<DocFile>,
    /// Every directory that was listed, the root first (for `rerun-if-changed`).
    pub(crate) directories: Vec<PathBuf>,
}

/// The largest page a snapshot may hold, in bytes (16 MiB; the published pages have tens of
/// kilobytes).
pub(crate) const MAX_PAGE_BYTES: u64 = 16 * 1024 * 1024;

impl Snapshot {
    /// Reads every `.md` file below `root`, skipping hidden entries, symbolic links, special
    /// files and files whose name is not UTF-8 unless it ends in `.md`; fails when there is no
    /// page, or when a page is larger than [`MAX_PAGE_BYTES`].
    pub(crate) fn read(root: &Path) -> Result<Snapshot, Error> {
        let (mut files, mut directories) = (Vec::new(), Vec::new());
        // Each directory to list, with its path relative to the root (`errors/`).
        let mut pending = vec![(root.to_path_buf(), String::new())];
        while let Some((dir, prefix)) = pending.pop() {
            directories.push(dir.clone());
            let listed = fs::read_dir(&dir).and_then(|entries| entries.collect::<io::Result<Vec<_>>>());
            let mut entries = listed.map_err(|source| Error::Read { path: dir, source })?;
            entries.sort_by_key(|entry| entry.file_name());
            for entry in entries {
                let path = entry.path();
                let name = entry.file_name();
                let name_bytes = name.as_encoded_bytes();
                if name_bytes.starts_with(b".") {
                    continue;
                }
                let file_type = entry.file_type().map_err(|source| Error::Read {
                    path: path.clone(),
                    source,
                })?;
                let page = file_type.is_file() && name_bytes.ends_with(b".md");
                if !(page || file_type.is_dir()) {
                    continue;
                }
                let Some(name) = name.to_str() else {
                    return Err(Error::NonUtf8Name(path));
                };
                let relative = format!("{prefix}{name}");
                if file_type.is_dir() {
                    pending.push((path, format!("{relative}/")));
                } else {
                    files.push((relative, read_page(path)?));
                }
            }
        }
        if files.is_empty() {
            return Err(Error::NoPages(root.to_path_buf()));
        }
        let mut snapshot = Snapshot::from_files(files);
        snapshot.directories = directories;
        Ok(snapshot)
    }

    /// A snapshot of in-memory pages, `(path, bytes)` (for tests and tools), sorted by path.
    pub(crate) fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Snapshot {
        let mut files: Vec<DocFile> = files
            .into_iter()
            .map(|(path, bytes)| DocFile { path, bytes })
            .collect();
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Snapshot {
            files,
            directories: Vec::new(),
        }
    }

    /// The page at `path` (relative, `/`-separated), if the snapshot has it.
    #[cfg(feature = "reports")]
    pub(crate) fn file(&self, path: &str) -> Option<&DocFile> {
        let found = self.files.binary_search_by(|file| file.path.as_str().cmp(path));
        self.files.get(found.ok()?)
    }

    /// The SHA-256 of the pages' contents and of `extra` (the ledger's), independent of the
    /// pages' names and order: the digest of the sorted digests of each, in hex. Without
    /// `extra`, the hash of the pages alone.
    pub(crate) fn content_hash_with(&self, extra: Option<&[u8]>) -> String {
        let pages = self.files.iter().map(|file| file.bytes.as_slice());
        let mut digests: Vec<[u8; 32]> = pages.chain(extra).map(sha256::digest).collect();
        digests.sort_unstable();
        hex(&sha256::digest(digests.as_flattened()))
    }
}

/// The bytes of the page at `path`, at most [`MAX_PAGE_BYTES`] of them.
fn read_page(path: PathBuf) -> Result<Vec<u8>, Error> {
    let mut bytes = Vec::new();
    // One byte more than allowed tells a file that is too large, even one still growing.
    let read = fs::File::open(&path).and_then(|file| file.take(MAX_PAGE_BYTES + 1).read_to_end(&mut bytes));
    match read {
        Err(source) => Err(Error::Read { path, source }),
        Ok(_) if bytes.len() as u64 > MAX_PAGE_BYTES => Err(Error::PageTooLarge(path)),
        Ok(_) => Ok(bytes),
    }
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("catalog-gen-snapshot-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[cfg(unix)]
    #[test]
    fn files_with_non_utf8_names_are_skipped_unless_they_are_pages() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let dir = scratch("names");
        fs::write(dir.join("page.md"), "# `A`").unwrap();
        fs::write(dir.join(OsStr::from_bytes(b"notes-\xFF.txt")), "x").unwrap();
        fs::write(dir.join(OsStr::from_bytes(b".hidden-\xFF.md")), "x").unwrap();
        let snapshot = Snapshot::read(&dir).unwrap();
        assert_eq!(snapshot.files.len(), 1);
        let page = dir.join(OsStr::from_bytes(b"page-\xFF.md"));
        fs::write(&page, "x").unwrap();
        match Snapshot::read(&dir) {
            Err(Error::NonUtf8Name(path)) => assert_eq!(path, page),
            other => panic!("expected NonUtf8Name, got {other:?}"),
        }
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_page_larger_than_the_limit_is_refused() {
        let dir = scratch("large");
        let page = dir.join("large.md");
        fs::write(&page, vec![b'x'; MAX_PAGE_BYTES as usize + 1]).unwrap();
        let error = Snapshot::read(&dir).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "{} is larger than 16777216 bytes, the most a docs page may have",
                page.display()
            )
        );
        fs::write(&page, vec![b'x'; MAX_PAGE_BYTES as usize]).unwrap();
        assert_eq!(
            Snapshot::read(&dir).unwrap().files[0].bytes.len() as u64,
            MAX_PAGE_BYTES
        );
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn content_hash_ignores_names_and_order() {
        let a = Snapshot::from_files([("a.md".into(), b"one".to_vec()), ("b.md".into(), b"two".to_vec())]);
        let b = Snapshot::from_files([("z.md".into(), b"two".to_vec()), ("y.md".into(), b"one".to_vec())]);
        let c = Snapshot::from_files([
            ("a.md".into(), b"one".to_vec()),
            ("b.md".into(), b"two!".to_vec()),
        ]);
        assert_eq!(a.content_hash_with(None), b.content_hash_with(None));
        assert_ne!(a.content_hash_with(None), c.content_hash_with(None));
        assert_eq!(a.content_hash_with(None).len(), 64);
    }
}
