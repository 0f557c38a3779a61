//! What fetch may replace: a snapshot, recognized by its content.
//!
//! A directory is a snapshot when every entry below it, at any depth, is a directory or a
//! regular file whose name ends in `.md` and whose first line starts with `# Source:`, and no
//! entry is hidden (its name starts with `.`), a symbolic link or anything else. That is what
//! fetch writes, and what the repository's `docs-snapshot/` holds, with no marker file among
//! the published pages. A missing or empty directory qualifies too.

use std::fs::{self, DirEntry, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::{FetchError, SOURCE_LINE_START, read_error};

/// An entry that a snapshot does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ForeignEntry {
    /// Its path relative to the directory checked (empty for the directory itself).
    pub path: PathBuf,
    /// What it is instead: `is hidden`, `is not a .md file`...
    pub reason: &'static str,
}

/// The first entry below `dir`, in name order depth first, that a snapshot does not hold;
/// `None` when `dir` is a snapshot (or missing).
pub fn first_foreign_entry(dir: &Path) -> Result<Option<ForeignEntry>, FetchError> {
    let foreign = |path: &Path, reason| {
        Ok(Some(ForeignEntry {
            path: path.to_path_buf(),
            reason,
        }))
    };
    match fs::symlink_metadata(dir) {
        Ok(root) if root.is_symlink() => return foreign(Path::new(""), "is a symbolic link"),
        Ok(root) if !root.is_dir() => return foreign(Path::new(""), "is not a directory"),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(read_error(dir)(source)),
    }
    let mut pending = vec![(PathBuf::new(), sorted_entries(dir)?.into_iter())];
    while let Some((relative, entries)) = pending.last_mut() {
        let Some(entry) = entries.next() else {
            pending.pop();
            continue;
        };
        let path = relative.join(entry.file_name());
        let file_type = entry.file_type().map_err(read_error(entry.path()))?;
        let Some(name) = entry.file_name().to_str().map(str::to_owned) else {
            return foreign(&path, "has a name that is not UTF-8");
        };
        if name.starts_with('.') {
            return foreign(&path, "is hidden");
        }
        if file_type.is_symlink() {
            return foreign(&path, "is a symbolic link");
        }
        if file_type.is_dir() {
            let entries = sorted_entries(&entry.path())?;
            pending.push((path, entries.into_iter()));
        } else if !file_type.is_file() {
            return foreign(&path, "is neither a file nor a directory");
        } else if !name.ends_with(".md") {
            return foreign(&path, "is not a .md file");
        } else if !starts_with_source_line(&entry.path())? {
            return foreign(&path, "does not start with a \"# Source:\" line");
        }
    }
    Ok(None)
}

/// The entries of `dir`, by name.
fn sorted_entries(dir: &Path) -> Result<Vec<DirEntry>, FetchError> {
    let mut entries = fs::read_dir(dir)
        .and_then(|entries| entries.collect::<io::Result<Vec<DirEntry>>>())
        .map_err(read_error(dir))?;
    entries.sort_by_key(DirEntry::file_name);
    Ok(entries)
}

/// Whether the file at `path` starts with `# Source:`.
fn starts_with_source_line(path: &Path) -> Result<bool, FetchError> {
    let mut start = Vec::with_capacity(SOURCE_LINE_START.len());
    File::open(path)
        .and_then(|file| {
            let limit = u64::try_from(SOURCE_LINE_START.len()).unwrap_or(u64::MAX);
            file.take(limit).read_to_end(&mut start)
        })
        .map_err(read_error(path))?;
    Ok(start == SOURCE_LINE_START)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::tests::scratch;

    fn write(root: &Path, path: &str, bytes: &[u8]) {
        let file = root.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, bytes).unwrap();
    }

    fn foreign(path: &str, reason: &'static str) -> Option<ForeignEntry> {
        Some(ForeignEntry {
            path: PathBuf::from(path),
            reason,
        })
    }

    #[test]
    fn the_repository_snapshot_is_a_snapshot() {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-snapshot");
        assert_eq!(first_foreign_entry(&docs).unwrap(), None);
    }

    #[test]
    fn missing_and_empty_directories_and_empty_subdirectories_qualify() {
        let root = scratch("snapshot-dir-empty");
        assert_eq!(first_foreign_entry(&root.join("missing")).unwrap(), None);
        assert_eq!(first_foreign_entry(&root).unwrap(), None);
        fs::create_dir_all(root.join("errors/empty")).unwrap();
        write(
            &root,
            "errors/a.md",
            b"# Source: https://smartcar.com/docs/errors/a.md\n",
        );
        assert_eq!(first_foreign_entry(&root).unwrap(), None);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn names_the_first_foreign_entry_in_name_order() {
        let root = scratch("snapshot-dir-foreign");
        write(&root, "errors/b.md", b"# Source: b\n");
        write(&root, "errors/c/notes.txt", b"mine\n");
        write(&root, "errors/d.md", b"# Title\n");
        assert_eq!(
            first_foreign_entry(&root).unwrap(),
            foreign("errors/c/notes.txt", "is not a .md file")
        );
        write(&root, "errors/a.md", b"# Sou");
        assert_eq!(
            first_foreign_entry(&root).unwrap(),
            foreign("errors/a.md", "does not start with a \"# Source:\" line")
        );
        write(&root, ".git/HEAD", b"ref: refs/heads/main\n");
        assert_eq!(first_foreign_entry(&root).unwrap(), foreign(".git", "is hidden"));
        fs::remove_dir_all(&root).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_and_special_files_are_foreign() {
        let root = scratch("snapshot-dir-links");
        write(&root, "errors/a.md", b"# Source: a\n");
        std::os::unix::fs::symlink(root.join("errors/a.md"), root.join("errors/b.md")).unwrap();
        assert_eq!(
            first_foreign_entry(&root).unwrap(),
            foreign("errors/b.md", "is a symbolic link")
        );
        assert_eq!(
            first_foreign_entry(&root.join("errors/b.md")).unwrap(),
            foreign("", "is a symbolic link")
        );
        fs::remove_file(root.join("errors/b.md")).unwrap();
        let socket = std::os::unix::net::UnixListener::bind(root.join("errors/c.md")).unwrap();
        assert_eq!(
            first_foreign_entry(&root).unwrap(),
            foreign("errors/c.md", "is neither a file nor a directory")
        );
        drop(socket);
        fs::remove_dir_all(&root).unwrap();
    }
}
