//! Cleaning up after runs that were killed: what they left beside the output is removed, and a
//! snapshot one of them had moved aside is put back.
//!
//! For each run that has files beside the output (see [`super::target`]) and whose lock can
//! be taken, so that it is gone:
//!
//! - both its old snapshot (`.NAME.old-ID`) and its staging directory exist: it was killed
//!   between moving the old snapshot aside and moving the new one in. When the output is
//!   missing or empty, the old snapshot is moved back;
//! - otherwise its old snapshot is one that was replaced, and is removed if it is a snapshot
//!   (see [`super::snapshot_dir`]). One that is not (a `--force` run was killed while removing
//!   it) is kept and reported, once, whether a fetch or an update's journal left it, so that
//!   nothing is lost;
//! - its staging directory and its lock file are removed.
//!
//! An update journal a run left is rolled forward or back first ([`super::journal`]), for every
//! run, before any of them is swept. The files of a live run, whose lock is held, are not
//! touched. The lock of a run that is gone is held from the start of the clean-up until its
//! files are removed, and removed last.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::error::{read_error, write_error};
use super::journal;
use super::snapshot_dir::{self, ForeignEntry};
use super::target::{RunPaths, Target};
use super::{Event, FetchError};

/// A directory a killed run moved aside, kept because it is not a snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptLeftover {
    /// The directory.
    pub path: PathBuf,
    /// The first entry in it that a snapshot does not hold.
    pub foreign: ForeignEntry,
}

/// Cleans up after the runs that are gone, in one pass over the files beside `target`'s
/// output: first the update journal of each is rolled back or forward (see
/// [`super::journal`]), which decides what its files become; then what each left is removed,
/// and a snapshot one of them left aside put back. Tells `observe` of each update recovered
/// and each directory kept.
pub fn clean_up(target: &Target, observe: &mut impl FnMut(Event<'_>)) -> Result<(), FetchError> {
    let gone = target.gone_runs()?;
    for (paths, _) in &gone {
        if let Some(recovered) = journal::recover(target, paths)? {
            observe(Event::Recovered(&recovered));
        }
    }
    for (paths, lock) in gone {
        if let Some(kept) = sweep(target, &paths)? {
            observe(Event::KeptLeftover(&kept));
        }
        if let Some(lock) = lock {
            lock.remove();
        }
    }
    Ok(())
}

/// Removes what the run `paths`, which is gone and has no journal left, left beside `target`'s
/// output, or puts back the snapshot it left aside; returns its old snapshot if it was kept.
fn sweep(target: &Target, paths: &RunPaths) -> Result<Option<KeptLeftover>, FetchError> {
    let mut kept = None;
    if is_dir(&paths.old) {
        if is_dir(&paths.staging) && is_missing_or_empty(target.out())? {
            fs::rename(&paths.old, target.out()).map_err(|source| FetchError::PutBack {
                old: paths.old.clone(),
                out: target.out().to_path_buf(),
                source,
            })?;
        } else if let Some(foreign) = snapshot_dir::first_foreign_entry(&paths.old)? {
            kept = Some(KeptLeftover {
                path: paths.old.clone(),
                foreign,
            });
        } else {
            fs::remove_dir_all(&paths.old).map_err(write_error(&paths.old))?;
        }
    }
    if is_dir(&paths.staging) {
        fs::remove_dir_all(&paths.staging).map_err(write_error(&paths.staging))?;
    }
    Ok(kept)
}

/// Whether `path` is a directory (not a link to one).
pub fn is_dir(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|metadata| metadata.is_dir())
}

/// Whether nothing is at `path`, or an empty directory (which a rename replaces).
fn is_missing_or_empty(path: &Path) -> Result<bool, FetchError> {
    match fs::symlink_metadata(path) {
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(true),
        Err(source) => Err(read_error(path)(source)),
        Ok(metadata) if !metadata.is_dir() => Ok(false),
        Ok(_) => {
            let mut entries = fs::read_dir(path).map_err(read_error(path))?;
            Ok(entries.next().is_none())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::lock::{RunLock, RunState};
    use crate::fetch::snapshot_dir::Foreign;
    use crate::fetch::tests::{entries, scratch};

    /// The directories a clean-up of `target` keeps.
    fn sweep(target: &Target) -> Result<Vec<KeptLeftover>, FetchError> {
        let mut kept = Vec::new();
        clean_up(target, &mut |event| {
            if let Event::KeptLeftover(leftover) = event {
                kept.push(leftover.clone());
            }
        })?;
        Ok(kept)
    }

    /// A page of a snapshot at `dir/path`.
    fn page(dir: &Path, path: &str, text: &str) {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, format!("# Source: {text}\n")).unwrap();
    }

    /// The files a run with id `id` leaves: the lock file, and the directories named.
    fn leave(target: &Target, id: &str, staging: bool, old: bool) {
        let paths = target.run_paths(id);
        fs::write(&paths.lock, "").unwrap();
        if staging {
            page(&paths.staging, "errors/new.md", "new");
        }
        if old {
            page(&paths.old, "errors/old.md", "old");
        }
    }

    #[test]
    fn puts_back_a_snapshot_left_aside_between_the_two_renames() {
        let root = scratch("sweep-put-back");
        let target = Target::new(&root.join("snapshot"), false).unwrap();
        leave(&target, "1", true, true);
        assert_eq!(sweep(&target).unwrap(), []);
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(
            fs::read_to_string(root.join("snapshot/errors/old.md")).unwrap(),
            "# Source: old\n"
        );

        fs::remove_dir_all(root.join("snapshot")).unwrap();
        fs::create_dir(root.join("snapshot")).unwrap();
        leave(&target, "2", true, true);
        sweep(&target).unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&root.join("snapshot/errors")), ["old.md"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn removes_what_a_finished_swap_or_a_killed_download_left() {
        let root = scratch("sweep-remove");
        let target = Target::new(&root.join("snapshot"), false).unwrap();
        page(&root.join("snapshot"), "errors/current.md", "current");
        leave(&target, "1", false, true);
        leave(&target, "2", true, false);
        leave(&target, "3", true, true);
        fs::remove_file(target.run_paths("3").lock).unwrap();
        assert_eq!(sweep(&target).unwrap(), []);
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&root.join("snapshot/errors")), ["current.md"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn leaves_the_files_of_a_live_run_alone() {
        let root = scratch("sweep-live");
        let target = Target::new(&root.join("snapshot"), false).unwrap();
        leave(&target, "1", true, true);
        let lock = RunLock::take(&target.run_paths("1").lock).unwrap();
        assert!(matches!(lock, RunState::Gone(Some(_))));
        assert_eq!(sweep(&target).unwrap(), []);
        assert_eq!(
            entries(&root),
            [".snapshot.fetch-1", ".snapshot.fetch-1.lock", ".snapshot.old-1"]
        );
        drop(lock);
        sweep(&target).unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn keeps_a_directory_left_aside_that_is_not_a_snapshot() {
        let root = scratch("sweep-keep");
        let target = Target::new(&root.join("snapshot"), false).unwrap();
        page(&root.join("snapshot"), "errors/current.md", "current");
        leave(&target, "1", true, true);
        let old = target.run_paths("1").old;
        fs::write(old.join("notes.txt"), "mine").unwrap();
        assert_eq!(
            sweep(&target).unwrap(),
            [KeptLeftover {
                path: old.clone(),
                foreign: ForeignEntry {
                    path: PathBuf::from("notes.txt"),
                    reason: Foreign::NotMarkdownName,
                },
            }]
        );
        assert_eq!(entries(&root), [".snapshot.old-1", "snapshot"]);
        assert_eq!(fs::read(old.join("notes.txt")).unwrap(), b"mine");
        fs::remove_dir_all(&root).unwrap();
    }
}
