//! Putting a new snapshot in place of the old one so that the snapshot directory is never
//! lost, wherever the run is killed, as `fetch --help` states (What it writes, Killed runs).
//! `.NAME.new` and `.NAME.old` are beside `DIR/NAME`, on its file system so that a rename is
//! atomic, and belong to fetch. So that a run never takes the directories of a live run for a
//! killed one's, it holds an advisory lock on `DIR` from the repair to the end of the swap (on
//! Unix; elsewhere a directory cannot be opened to be locked). What may be replaced is a
//! snapshot recognized by its content (What fetch replaces): no marker file among the pages.

use std::ffi::OsStr;
use std::fs::{self, DirEntry, File, TryLockError};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use catalog_gen::cli::{sync_dir, write_if_changed, write_synced};

use super::{Replacement, SOURCE_LINE_START, io_error};

/// The pages of a fetch, downloaded beside the snapshot they have not replaced yet, with the
/// lock of their directory. Dropping it removes them.
#[derive(Debug)]
pub struct StagedSnapshot {
    out: PathBuf,
    /// `.NAME.new`: the pages downloaded.
    new: PathBuf,
    /// `.NAME.old`: the old snapshot during the swap.
    old: PathBuf,
    /// Whether any directory may be replaced, not only a snapshot (`--force`).
    force: bool,
    /// Held until the swap is done or abandoned.
    _lock: Option<File>,
}

impl StagedSnapshot {
    /// Takes the lock of `out`'s directory, repairs what a killed run left (with a `note` of
    /// what was done), checks that `out` may be replaced and creates the empty `.NAME.new`.
    pub(super) fn begin(out: &Path, force: bool, note: impl FnOnce(&str)) -> Result<Self, String> {
        let unnamed = || format!("output {} does not end in a directory name", out.display());
        let name = out.file_name().ok_or_else(unnamed)?;
        let dir = out.parent().filter(|dir| !dir.as_os_str().is_empty());
        let dir = dir.unwrap_or(Path::new("."));
        fs::create_dir_all(dir).map_err(io_error("write", dir))?;
        let beside = |suffix| dir.join([OsStr::new("."), name, OsStr::new(suffix)].join(OsStr::new("")));
        let staged = StagedSnapshot {
            _lock: lock(out, dir)?,
            out: out.to_path_buf(),
            new: beside(".new"),
            old: beside(".old"),
            force,
        };
        staged.repair(note)?;
        staged.check_replaceable()?;
        fs::create_dir(&staged.new).map_err(io_error("write", &staged.new))?;
        Ok(staged)
    }

    /// The directory the pages were downloaded into, to be read before they replace anything.
    pub fn dir(&self) -> &Path {
        &self.new
    }

    /// Writes and syncs a downloaded page at `path`, a `/`-separated path already checked to
    /// stay inside.
    pub(super) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), String> {
        let file = self.new.join(path);
        fs::create_dir_all(file.parent().unwrap_or(&self.new))
            .and_then(|()| write_synced(&file, bytes))
            .map_err(io_error("write", self.out.join(path)))
    }

    /// Fails unless the output may be replaced: it is a directory (not a link to one), or
    /// nothing yet; and a snapshot unless `--force` was given.
    fn check_replaceable(&self) -> Result<(), String> {
        let out = self.out.display();
        let not_a_directory = match fs::symlink_metadata(&self.out) {
            Ok(found) if found.is_symlink() => "is a symbolic link",
            Ok(found) if !found.is_dir() => "is not a directory",
            Ok(_) => match first_foreign_entry(&self.out)? {
                Some((path, reason)) if !self.force => {
                    return Err(format!(
                        "refusing to replace {out}: {} {reason}; fetch replaces only a snapshot \
                         (directories and .md files whose first line starts with \"# Source:\", \
                         none hidden), or any directory with --force",
                        self.out.join(path).display(),
                    ));
                }
                _ => return Ok(()),
            },
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(source) => return Err(io_error("read", &self.out)(source)),
        };
        Err(format!("output {out} {not_a_directory}; name a directory"))
    }

    /// Writes each of `files` (old or new, never a part) or removes it (contents `None`), then
    /// puts the new snapshot in place of the old one (renamed to `.NAME.old`, then removed).
    /// Nothing is written when the snapshot stopped being one during the download.
    pub fn commit_with(self, files: &[Replacement]) -> Result<(), String> {
        self.check_replaceable()?;
        for (target, text) in files {
            let written = match text {
                Some(text) => write_if_changed(target, text.as_bytes()).map(drop),
                None => match fs::remove_file(target) {
                    Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
                    removed => removed,
                },
            };
            written.map_err(io_error("write", target))?;
        }
        let had_old = match fs::rename(&self.out, &self.old) {
            Ok(()) => true,
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(source) => return Err(io_error("write", &self.out)(source)),
        };
        if let Err(source) = fs::rename(&self.new, &self.out) {
            if had_old {
                // If this fails too, the next run moves it back.
                let _ = fs::rename(&self.old, &self.out);
            }
            return Err(io_error("write", &self.out)(source));
        }
        sync_dir(self.new.parent().unwrap_or(Path::new(".")));
        if had_old {
            fs::remove_dir_all(&self.old).map_err(io_error("write", &self.old))?;
        }
        Ok(())
    }

    /// Moves back or removes what a killed run left aside: `.NAME.old` is moved back when
    /// `NAME` is missing (killed between the renames) and removed when `NAME` is there (killed
    /// after them, so `NAME` is the new snapshot); `.NAME.new` is removed (killed before).
    fn repair(&self, note: impl FnOnce(&str)) -> Result<(), String> {
        let (old, out) = (self.old.display(), self.out.display());
        if self.old.is_dir() {
            let repaired = if self.out.exists() {
                fs::remove_dir_all(&self.old).map_err(io_error("write", &self.old))?;
                format!("removed {old}, where an interrupted run had moved the old {out}")
            } else {
                fs::rename(&self.old, &self.out).map_err(io_error("write", &self.out))?;
                format!("restored {out} from {old}, where an interrupted run had moved it")
            };
            note(&repaired);
        }
        if self.new.is_dir() {
            fs::remove_dir_all(&self.new).map_err(io_error("write", &self.new))?;
        }
        Ok(())
    }
}

impl Drop for StagedSnapshot {
    fn drop(&mut self) {
        // After a commit there is nothing left to remove.
        let _ = fs::remove_dir_all(&self.new);
    }
}

/// The lock on `dir` that keeps a second run out until this one is done; `None` where a
/// directory cannot be opened as a file.
fn lock(out: &Path, dir: &Path) -> Result<Option<File>, String> {
    if cfg!(not(unix)) {
        return Ok(None);
    }
    let file = File::open(dir).map_err(io_error("read", dir))?;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(TryLockError::WouldBlock) => Err(format!(
            "cannot replace {}: another fetch or update is replacing a snapshot in {} (it holds \
             the lock on that directory); run again once it is done",
            out.display(),
            dir.display()
        )),
        Err(TryLockError::Error(source)) => Err(io_error("read", dir)(source)),
    }
}

/// The first entry below the directory `dir`, in name order depth first, that a snapshot does
/// not hold: its path relative to `dir` and what it is instead (`is hidden`, `is not a .md
/// file`...); `None` when `dir` is a snapshot.
fn first_foreign_entry(dir: &Path) -> Result<Option<(PathBuf, &'static str)>, String> {
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
    use crate::fetch::tests::{entries, scratch};

    /// A page of a snapshot at `dir/path`.
    fn page(dir: &Path, path: &str) {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, format!("# Source: {path}\n")).unwrap();
    }

    fn begin(out: &Path, force: bool) -> Result<StagedSnapshot, String> {
        StagedSnapshot::begin(out, force, |note| panic!("nothing to repair: {note}"))
            .map_err(|error| error.to_string())
    }

    #[test]
    fn refuses_outputs_that_are_not_directories_even_with_force() {
        let root = scratch("swap-not-directories");
        fs::write(root.join("file"), "mine").unwrap();
        let file = root.join("file");
        assert_eq!(
            begin(&file, true).unwrap_err(),
            format!("output {} is not a directory; name a directory", file.display())
        );
        assert_eq!(
            begin(Path::new("/"), true).unwrap_err(),
            "output / does not end in a directory name"
        );
        #[cfg(unix)]
        {
            let link = root.join("link");
            std::os::unix::fs::symlink(&root, &link).unwrap();
            assert_eq!(
                begin(&link, true).unwrap_err(),
                format!("output {} is a symbolic link; name a directory", link.display())
            );
        }
        assert_eq!(fs::read(&file).unwrap(), b"mine");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn commit_replaces_the_old_snapshot_and_leaves_nothing_beside_it() {
        let root = scratch("swap-commit");
        let out = root.join("snapshot");
        page(&out, "errors/old.md");
        let staged = begin(&out, false).unwrap();
        assert_eq!(entries(&root), [".snapshot.new", "snapshot"]);
        staged.write("errors/a/new.md", b"# Source: new\n").unwrap();
        staged.commit_with(&[]).unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out.join("errors")), ["a"]);
        assert_eq!(fs::read(out.join("errors/a/new.md")).unwrap(), b"# Source: new\n");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn dropped_before_its_commit_it_removes_the_new_pages_only() {
        let root = scratch("swap-drop");
        let out = root.join("snapshot");
        page(&out, "errors/old.md");
        let staged = begin(&out, false).unwrap();
        staged.write("errors/new.md", b"# Source: new\n").unwrap();
        drop(staged);
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out.join("errors")), ["old.md"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn nothing_is_written_when_the_output_stopped_being_a_snapshot() {
        let root = scratch("swap-refused");
        let out = root.join("snapshot");
        let staged = begin(&out, false).unwrap();
        staged.write("errors/a.md", b"# Source: a\n").unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        let ledger = (root.join("ledger.json"), Some("{}".to_owned()));
        let message = staged.commit_with(&[ledger]).unwrap_err().to_string();
        assert!(
            message.starts_with(&format!(
                "refusing to replace {}: {} is not a .md file;",
                out.display(),
                out.join("notes.txt").display()
            )),
            "{message}"
        );
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out), ["notes.txt"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_replacement_writes_its_file_whole_or_removes_it() {
        let root = scratch("replacement");
        let file = root.join("nested/ledger.json");
        let commit = |text: Option<&str>| {
            let replacement = (file.clone(), text.map(str::to_owned));
            begin(&root.join("snapshot"), false)
                .unwrap()
                .commit_with(&[replacement])
        };
        commit(Some("new")).unwrap();
        assert_eq!(fs::read(&file).unwrap(), b"new");
        commit(None).unwrap();
        commit(None).unwrap();
        assert_eq!(entries(&root.join("nested")), Vec::<String>::new());
        fs::remove_dir_all(&root).unwrap();
    }

    /// The notes of a run into `out` that repairs what a killed one left, and stops there.
    fn repair_notes(out: &Path) -> Vec<String> {
        let mut notes = Vec::new();
        drop(StagedSnapshot::begin(out, false, |note| notes.push(note.to_owned())).unwrap());
        notes
    }

    #[test]
    fn the_next_run_moves_back_or_removes_what_a_killed_one_left_aside() {
        let root = scratch("swap-repair");
        let (out, old) = (root.join("snapshot"), root.join(".snapshot.old"));
        // Killed between the two renames: the old snapshot aside, no snapshot.
        page(&old, "errors/old.md");
        page(&root.join(".snapshot.new"), "errors/new.md");
        let restored = format!(
            "restored {} from {}, where an interrupted run had moved it",
            out.display(),
            old.display()
        );
        assert_eq!(repair_notes(&out), [restored]);
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out.join("errors")), ["old.md"]);

        // Killed after them: the new snapshot in place, what is left of the old one aside.
        page(&old, "errors/older.md");
        let removed = format!(
            "removed {}, where an interrupted run had moved the old {}",
            old.display(),
            out.display()
        );
        assert_eq!(repair_notes(&out), [removed]);
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out.join("errors")), ["old.md"]);
        fs::remove_dir_all(&root).unwrap();
    }

    fn write(root: &Path, path: &str, bytes: &[u8]) {
        let file = root.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, bytes).unwrap();
    }

    fn foreign(path: &str, reason: &'static str) -> Option<(PathBuf, &'static str)> {
        Some((PathBuf::from(path), reason))
    }

    #[test]
    fn the_published_pages_are_a_snapshot() {
        // The package's frozen copy: the repository's docs-snapshot is not in the package.
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/docs");
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
