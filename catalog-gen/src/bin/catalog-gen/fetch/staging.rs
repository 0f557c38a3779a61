//! A new snapshot directory written beside the one it replaces, then swapped into place.
//!
//! Until [`Staging::commit`] the output is untouched. The swap is two renames: the old snapshot
//! aside to `.NAME.old-ID`, then the new one in; only then is the old one removed. A run killed
//! between the two renames leaves both directories, which tells the next run to put the old
//! snapshot back (see [`super::leftovers`]). Dropping an uncommitted staging directory removes
//! it.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};

use super::FetchError;
use super::error::write_error;
use super::lock::RunLock;
use super::target::{RunPaths, Target, new_run_id};

/// How many run ids to try before giving up on finding a free one.
const NAME_TRIES: u32 = 100;

/// Where a staging directory is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    /// Pages are being written; dropping it removes it.
    Writing,
    /// It is the output now.
    Committed,
    /// The old snapshot is aside and could not be put back, or an update's journal is
    /// committed: everything stays as it is for the next run to repair or roll forward.
    Stranded,
}

/// The new snapshot directory of one run, with the run's lock.
#[derive(Debug)]
pub struct Staging {
    target: Target,
    paths: RunPaths,
    /// Held until everything else is cleaned up; `None` only once released.
    lock: Option<RunLock>,
    state: State,
}

impl Staging {
    /// Takes a lock for a new run, then creates its empty staging directory beside the output.
    pub fn create(target: &Target) -> Result<Staging, FetchError> {
        fs::create_dir_all(target.parent()).map_err(write_error(target.parent()))?;
        for _ in 0..NAME_TRIES {
            let paths = target.run_paths(&new_run_id());
            let Some(lock) = RunLock::create(&paths.lock).map_err(write_error(&paths.lock))? else {
                continue;
            };
            match fs::create_dir(&paths.staging) {
                Ok(()) => {
                    return Ok(Staging {
                        target: target.clone(),
                        paths,
                        lock: Some(lock),
                        state: State::Writing,
                    });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists => lock.remove(),
                Err(source) => {
                    lock.remove();
                    return Err(write_error(paths.staging)(source));
                }
            }
        }
        let source = io::Error::new(
            io::ErrorKind::AlreadyExists,
            "no free name for a staging directory",
        );
        Err(write_error(target.parent())(source))
    }

    /// The output this directory is to replace.
    pub fn target(&self) -> &Target {
        &self.target
    }

    /// The files of this run beside the output.
    pub fn paths(&self) -> &RunPaths {
        &self.paths
    }

    /// Leaves everything as it is from now on, when dropped: the staging directory, the old
    /// snapshot and the lock file, for an update's journal to roll forward (the lock itself
    /// is released when the process ends).
    pub fn hold(&mut self) {
        self.state = State::Stranded;
    }

    /// Records that the staging directory became the output by other means (an update's
    /// journal): dropping it then removes the lock file only.
    pub fn done(&mut self) {
        self.state = State::Committed;
    }

    /// Writes a page at `path`, a `/`-separated path already checked to stay inside.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), FetchError> {
        let file = path
            .split('/')
            .fold(self.paths.staging.clone(), |dir, segment| dir.join(segment));
        let io_error = || write_error(self.target.out().join(path));
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir).map_err(io_error())?;
        }
        let mut output = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
            .map_err(io_error())?;
        output.write_all(bytes).map_err(io_error())?;
        output.sync_all().map_err(io_error())
    }

    /// Puts the new snapshot in place of the old one, then removes the old one.
    ///
    /// The old one must still be replaceable (a snapshot, unless `--force`): checked once it
    /// is aside, so that what is removed is exactly what was checked. If the swap fails, the
    /// old snapshot is put back.
    pub fn commit(mut self) -> Result<(), FetchError> {
        let out = self.target.out().to_path_buf();
        let had_old = match fs::rename(&out, &self.paths.old) {
            Ok(()) => true,
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(source) => return Err(write_error(out)(source)),
        };
        if had_old && let Err(error) = self.target.check_replaceable(&self.paths.old) {
            self.put_back_old()?;
            return Err(error);
        }
        if let Err(source) = fs::rename(&self.paths.staging, &out) {
            if had_old {
                self.put_back_old()?;
            }
            return Err(write_error(out)(source));
        }
        self.state = State::Committed;
        if had_old {
            let old = self.paths.old.clone();
            fs::remove_dir_all(&old).map_err(|source| FetchError::RemoveOld { path: old, source })?;
        }
        Ok(())
    }

    /// Moves the old snapshot back to the output after a failed swap.
    fn put_back_old(&mut self) -> Result<(), FetchError> {
        fs::rename(&self.paths.old, self.target.out()).map_err(|source| {
            self.state = State::Stranded;
            FetchError::PutBack {
                old: self.paths.old.clone(),
                out: self.target.out().to_path_buf(),
                source,
            }
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        match self.state {
            State::Writing => {
                let _ = fs::remove_dir_all(&self.paths.staging);
            }
            State::Committed => {}
            State::Stranded => return,
        }
        if let Some(lock) = self.lock.take() {
            lock.remove();
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::fetch::lock::RunState;
    use crate::fetch::tests::{entries, scratch};

    fn target(root: &Path, force: bool) -> Target {
        Target::new(&root.join("snapshot"), force).unwrap()
    }

    #[test]
    fn commit_replaces_the_old_directory_and_leaves_nothing_else() {
        let root = scratch("commit");
        let out = root.join("snapshot");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(out.join("old/page.md"), "# Source: old").unwrap();
        let staging = Staging::create(&target(&root, false)).unwrap();
        staging.write("errors/a/page.md", b"new").unwrap();
        staging.commit().unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out), ["errors"]);
        assert_eq!(fs::read(out.join("errors/a/page.md")).unwrap(), b"new");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn a_staging_directory_is_locked_while_alive_and_dropping_it_removes_everything() {
        let root = scratch("drop");
        let staging = Staging::create(&target(&root, false)).unwrap();
        staging.write("page.md", b"new").unwrap();
        let names = entries(&root);
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].starts_with(".snapshot.fetch-"), "{names:?}");
        assert_eq!(names[1], format!("{}.lock", names[0]));
        assert!(matches!(
            RunLock::take(&root.join(&names[1])).unwrap(),
            RunState::Alive
        ));
        drop(staging);
        assert!(entries(&root).is_empty());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn commit_refuses_an_output_that_stopped_being_a_snapshot_and_puts_it_back() {
        let root = scratch("commit-refused");
        let out = root.join("snapshot");
        let staging = Staging::create(&target(&root, false)).unwrap();
        staging.write("errors/a.md", b"new").unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        let message = staging.commit().unwrap_err().to_string();
        assert!(
            message.starts_with(&format!(
                "refusing to replace {}: {} is not a .md file;",
                out.display(),
                out.join("notes.txt").display()
            )),
            "{message}"
        );
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(fs::read(out.join("notes.txt")).unwrap(), b"mine");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn with_force_commit_replaces_any_directory() {
        let root = scratch("commit-forced");
        let out = root.join("snapshot");
        let staging = Staging::create(&target(&root, true)).unwrap();
        staging.write("errors/a.md", b"new").unwrap();
        fs::create_dir_all(out.join(".git")).unwrap();
        staging.commit().unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out), ["errors"]);
        fs::remove_dir_all(&root).unwrap();
    }
}
