//! The lock file that tells the files of a live run from those of a run that is gone.
//!
//! A run creates its lock file before anything else and holds an exclusive lock on it until it
//! has removed everything else it made; the lock dies with the process, however it ends. A
//! lock that can be taken therefore belongs to a run that is gone.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// A lock file, locked by this process.
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
}

/// What the lock file of a run that may be gone says.
#[derive(Debug)]
pub enum RunState {
    /// A live run holds the lock: its files are not to be touched.
    Alive,
    /// The run is gone: its lock, now held by this process, or `None` when it has no lock file.
    Gone(Option<RunLock>),
}

impl RunLock {
    /// Creates and locks the lock file of a new run at `path`; `None` when the name is taken,
    /// or when a sweep by another run took the new file before this one locked it.
    pub fn create(path: &Path) -> io::Result<Option<RunLock>> {
        let file = match OpenOptions::new().write(true).create_new(true).open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => return Ok(None),
            Err(error) => return Err(error),
        };
        match file.try_lock() {
            Ok(()) => {}
            // A sweep holds it, and will remove it.
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(error)) => {
                let _ = fs::remove_file(path);
                return Err(error);
            }
        }
        // A sweep that took the lock between the file's creation and this lock has removed the
        // file: this lock protects nothing.
        if fs::symlink_metadata(path).is_err_and(|error| error.kind() == io::ErrorKind::NotFound) {
            return Ok(None);
        }
        Ok(Some(RunLock {
            file,
            path: path.to_path_buf(),
        }))
    }

    /// Takes the lock at `path` of a run that may be gone.
    pub fn take(path: &Path) -> io::Result<RunState> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(RunState::Gone(None)),
            Err(error) => return Err(error),
        };
        match file.try_lock() {
            Ok(()) => Ok(RunState::Gone(Some(RunLock {
                file,
                path: path.to_path_buf(),
            }))),
            Err(TryLockError::WouldBlock) => Ok(RunState::Alive),
            Err(TryLockError::Error(error)) => Err(error),
        }
    }

    /// Removes the lock file, then releases the lock: the last thing a run does.
    pub fn remove(self) {
        let _ = fs::remove_file(&self.path);
        drop(self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::tests::scratch;

    #[test]
    fn a_held_lock_says_alive_and_a_released_one_gone() {
        let root = scratch("lock");
        let path = root.join(".snapshot.fetch-1.lock");
        let lock = RunLock::create(&path).unwrap().expect("a new lock");
        assert!(RunLock::create(&path).unwrap().is_none());
        assert!(matches!(RunLock::take(&path).unwrap(), RunState::Alive));
        drop(lock);
        let RunState::Gone(Some(taken)) = RunLock::take(&path).unwrap() else {
            panic!("the lock of a dropped run is free");
        };
        assert!(matches!(RunLock::take(&path).unwrap(), RunState::Alive));
        taken.remove();
        assert!(!path.exists());
        assert!(matches!(RunLock::take(&path).unwrap(), RunState::Gone(None)));
        fs::remove_dir_all(&root).unwrap();
    }
}
