//! What fetch may replace: a snapshot, recognized by its content (the rule `fetch --help`
//! states under "What fetch replaces"), with no marker file among the published pages.

use std::fs::{self, DirEntry, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use super::{SOURCE_LINE_START, io_error};

/// The first entry below the directory `dir`, in name order depth first, that a snapshot does
/// not hold: its path relative to `dir` and what it is instead (`is hidden`, `is not a .md
/// file`...); `None` when `dir` is a snapshot.
pub fn first_foreign_entry(dir: &Path) -> Result<Option<(PathBuf, &'static str)>, String> {
    let mut entries = fs::read_dir(dir)
        .and_then(|entries| entries.collect::<io::Result<Vec<DirEntry>>>())
        .map_err(io_error("read", dir))?;
    entries.sort_by_key(DirEntry::file_name);
    for entry in entries {
        let file_type = entry.file_type().map_err(io_error("read", entry.path()))?;
        let reason = match entry.file_name().to_str() {
            None => "has a name that is not UTF-8",
            Some(name) if name.starts_with('.') => "is hidden",
            _ if file_type.is_symlink() => "is a symbolic link",
            _ if file_type.is_dir() => match first_foreign_entry(&entry.path())? {
                Some((path, reason)) => return Ok(Some((Path::new(&entry.file_name()).join(path), reason))),
                None => continue,
            },
            _ if !file_type.is_file() => "is neither a file nor a directory",
            Some(name) if !name.ends_with(".md") => "is not a .md file",
            _ if starts_with_source_line(&entry.path())? => continue,
            _ => "does not start with a \"# Source:\" line",
        };
        return Ok(Some((entry.file_name().into(), reason)));
    }
    Ok(None)
}

/// Whether the file at `path` starts with `# Source:`.
fn starts_with_source_line(path: &Path) -> Result<bool, String> {
    let mut start = Vec::new();
    File::open(path)
        .and_then(|file| file.take(SOURCE_LINE_START.len() as u64).read_to_end(&mut start))
        .map_err(io_error("read", path))?;
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

    fn foreign(path: &str, reason: &'static str) -> Option<(PathBuf, &'static str)> {
        Some((PathBuf::from(path), reason))
    }

    #[test]
    fn the_repository_snapshot_is_a_snapshot() {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-snapshot");
        assert_eq!(first_foreign_entry(&docs).unwrap(), None);
    }

    #[test]
    fn empty_directories_and_empty_subdirectories_qualify() {
        let root = scratch("snapshot-dir-empty");
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
