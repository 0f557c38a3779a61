//! Reading a docs snapshot: every `.md` file below a directory, in a fixed order.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

/// One page of the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocFile {
    /// Path relative to the snapshot root, `/`-separated (`errors/api-errors/server-errors.md`).
    pub path: String,
    /// The file's bytes, as read.
    pub bytes: Vec<u8>,
}

/// A docs snapshot: its pages sorted by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Snapshot {
    /// The pages, sorted by path.
    pub files: Vec<DocFile>,
    /// Every directory that was listed, the root first (for `rerun-if-changed`).
    pub directories: Vec<PathBuf>,
}

/// Why a snapshot could not be read.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// A file or directory could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The path that failed.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The directory holds no `.md` page (a wrong path, most likely).
    #[error("no .md pages below {}", path.display())]
    NoPages {
        /// The snapshot's directory.
        path: PathBuf,
    },
    /// A file name is not valid UTF-8, so it cannot be named in the catalog.
    #[error("file name is not UTF-8: {}", path.display())]
    NonUtf8Name {
        /// The offending path.
        path: PathBuf,
    },
}

impl Snapshot {
    /// Reads every `.md` file below `root`, skipping hidden entries and symbolic links; fails
    /// when there is none.
    pub fn read(root: &Path) -> Result<Snapshot, SnapshotError> {
        let mut snapshot = Snapshot::default();
        let mut pending = vec![root.to_path_buf()];
        while let Some(dir) = pending.pop() {
            let io_error = |source| SnapshotError::Io {
                path: dir.clone(),
                source,
            };
            let mut entries = fs::read_dir(&dir)
                .map_err(io_error)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(io_error)?;
            entries.sort_by_key(|entry| entry.file_name());
            snapshot.directories.push(dir.clone());
            for entry in entries {
                let path = entry.path();
                let name = entry.file_name();
                let Some(name) = name.to_str() else {
                    return Err(SnapshotError::NonUtf8Name { path });
                };
                if name.starts_with('.') {
                    continue;
                }
                let file_type = entry.file_type().map_err(|source| SnapshotError::Io {
                    path: path.clone(),
                    source,
                })?;
                if file_type.is_dir() {
                    pending.push(path);
                } else if file_type.is_file() && name.ends_with(".md") {
                    let bytes = fs::read(&path).map_err(|source| SnapshotError::Io {
                        path: path.clone(),
                        source,
                    })?;
                    let relative = relative_path(root, &path)?;
                    snapshot.files.push(DocFile {
                        path: relative,
                        bytes,
                    });
                }
            }
        }
        if snapshot.files.is_empty() {
            return Err(SnapshotError::NoPages {
                path: root.to_path_buf(),
            });
        }
        snapshot.files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(snapshot)
    }

    /// A snapshot of in-memory pages (for tests and tools), sorted by path.
    pub fn from_files(files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Snapshot {
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
    pub fn file(&self, path: &str) -> Option<&DocFile> {
        let found = self.files.binary_search_by(|file| file.path.as_str().cmp(path));
        self.files.get(found.ok()?)
    }

    /// The SHA-256 of the pages' contents, independent of their names and order: the
    /// digest of the sorted per-page digests, in hex.
    pub fn content_hash(&self) -> String {
        let mut digests: Vec<[u8; 32]> = self
            .files
            .iter()
            .map(|file| Sha256::digest(&file.bytes).into())
            .collect();
        digests.sort_unstable();
        let mut hasher = Sha256::new();
        for digest in &digests {
            hasher.update(digest);
        }
        hex(&hasher.finalize())
    }
}

fn relative_path(root: &Path, path: &Path) -> Result<String, SnapshotError> {
    let relative = path.strip_prefix(root).unwrap_or(path);
    let mut parts = Vec::new();
    for component in relative.components() {
        match component.as_os_str().to_str() {
            Some(part) => parts.push(part),
            None => {
                return Err(SnapshotError::NonUtf8Name {
                    path: path.to_path_buf(),
                });
            }
        }
    }
    Ok(parts.join("/"))
}

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut out, b| {
            let _ = write!(out, "{b:02x}");
            out
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hash_ignores_names_and_order() {
        let a = Snapshot::from_files([("a.md".into(), b"one".to_vec()), ("b.md".into(), b"two".to_vec())]);
        let b = Snapshot::from_files([("z.md".into(), b"two".to_vec()), ("y.md".into(), b"one".to_vec())]);
        let c = Snapshot::from_files([
            ("a.md".into(), b"one".to_vec()),
            ("b.md".into(), b"two!".to_vec()),
        ]);
        assert_eq!(a.content_hash(), b.content_hash());
        assert_ne!(a.content_hash(), c.content_hash());
        assert_eq!(a.content_hash().len(), 64);
    }
}
