//! A new snapshot directory written beside the one it replaces, then swapped into place.
//!
//! The new directory is created in the output's parent, so renames stay on one file system.
//! Until [`Staging::commit`] the output is untouched; dropping an uncommitted staging
//! directory removes it.

use std::ffi::OsString;
use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};

use super::FetchError;

/// Distinguishes the temporary names made by one process.
static SEQUENCE: AtomicU32 = AtomicU32::new(0);

/// How many names to try before giving up on finding a free one.
const NAME_TRIES: u32 = 100;

/// Where the snapshot goes: checked before anything is downloaded.
#[derive(Debug, Clone)]
pub(crate) struct Target {
    out: PathBuf,
    parent: PathBuf,
    name: OsString,
}

impl Target {
    /// Checks that `out` names a directory that is missing or can be replaced.
    pub(crate) fn new(out: &Path) -> Result<Target, FetchError> {
        let invalid = |reason| FetchError::InvalidOut {
            path: out.to_path_buf(),
            reason,
        };
        let name = out
            .file_name()
            .ok_or_else(|| invalid("does not end in a directory name"))?;
        match fs::metadata(out) {
            Ok(metadata) if !metadata.is_dir() => return Err(invalid("exists and is not a directory")),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => {
                return Err(FetchError::Io {
                    path: out.to_path_buf(),
                    source,
                });
            }
        }
        let parent = match out.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok(Target {
            out: out.to_path_buf(),
            parent,
            name: name.to_os_string(),
        })
    }

    /// A path beside the output that does not exist yet: `.NAME.ROLE-PID-N`.
    fn sibling(&self, role: &str) -> PathBuf {
        let mut name = OsString::from(".");
        name.push(&self.name);
        name.push(format!(
            ".{role}-{}-{}",
            std::process::id(),
            SEQUENCE.fetch_add(1, Ordering::Relaxed)
        ));
        self.parent.join(name)
    }
}

/// The new snapshot directory, removed on drop unless committed.
#[derive(Debug)]
pub(crate) struct Staging {
    target: Target,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty temporary directory beside the target.
    pub(crate) fn create(target: &Target) -> Result<Staging, FetchError> {
        fs::create_dir_all(&target.parent).map_err(|source| FetchError::Io {
            path: target.parent.clone(),
            source,
        })?;
        let mut tries = 0;
        loop {
            let dir = target.sibling("fetch");
            match fs::create_dir(&dir) {
                Ok(()) => {
                    return Ok(Staging {
                        target: target.clone(),
                        dir,
                        committed: false,
                    });
                }
                Err(error) if error.kind() == io::ErrorKind::AlreadyExists && tries < NAME_TRIES => {
                    tries += 1;
                }
                Err(source) => return Err(FetchError::Io { path: dir, source }),
            }
        }
    }

    /// Writes a page at `path`, a `/`-separated path already checked to stay inside.
    pub(crate) fn write(&self, path: &str, bytes: &[u8]) -> Result<(), FetchError> {
        let file = path
            .split('/')
            .fold(self.dir.clone(), |dir, segment| dir.join(segment));
        let io_error = |source| FetchError::Io {
            path: self.target.out.join(path),
            source,
        };
        if let Some(dir) = file.parent() {
            fs::create_dir_all(dir).map_err(io_error)?;
        }
        let mut output = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&file)
            .map_err(io_error)?;
        output.write_all(bytes).map_err(io_error)?;
        output.sync_all().map_err(io_error)
    }

    /// Puts the new snapshot in place of the old one, then removes the old one.
    ///
    /// If the swap fails, the old snapshot is put back.
    pub(crate) fn commit(mut self) -> Result<(), FetchError> {
        let out = self.target.out.clone();
        let io_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| FetchError::Io { path, source }
        };
        let old = match fs::symlink_metadata(&out) {
            Ok(_) => {
                let old = self.free_sibling("old")?;
                fs::rename(&out, &old).map_err(io_error(&out))?;
                Some(old)
            }
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(source) => return Err(FetchError::Io { path: out, source }),
        };
        if let Err(source) = fs::rename(&self.dir, &out) {
            if let Some(old) = &old {
                let _ = fs::rename(old, &out);
            }
            return Err(FetchError::Io { path: out, source });
        }
        self.committed = true;
        if let Some(old) = old {
            fs::remove_dir_all(&old).map_err(|source| FetchError::RemoveOld { path: old, source })?;
        }
        Ok(())
    }

    fn free_sibling(&self, role: &str) -> Result<PathBuf, FetchError> {
        for _ in 0..NAME_TRIES {
            let path = self.target.sibling(role);
            if fs::symlink_metadata(&path).is_err_and(|error| error.kind() == io::ErrorKind::NotFound) {
                return Ok(path);
            }
        }
        Err(FetchError::Io {
            path: self.target.sibling(role),
            source: io::Error::new(io::ErrorKind::AlreadyExists, "no free temporary name"),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("catalog-gen-staging-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn commit_replaces_the_old_directory_and_leaves_nothing_else() {
        let root = scratch("commit");
        let out = root.join("snapshot");
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(out.join("old/page.md"), "old").unwrap();
        let staging = Staging::create(&Target::new(&out).unwrap()).unwrap();
        staging.write("errors/a/page.md", b"new").unwrap();
        staging.commit().unwrap();
        assert_eq!(entries(&root), ["snapshot"]);
        assert_eq!(entries(&out), ["errors"]);
        assert_eq!(fs::read(out.join("errors/a/page.md")).unwrap(), b"new");
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn dropping_an_uncommitted_staging_directory_removes_it() {
        let root = scratch("drop");
        let out = root.join("snapshot");
        let staging = Staging::create(&Target::new(&out).unwrap()).unwrap();
        staging.write("page.md", b"new").unwrap();
        assert_eq!(entries(&root).len(), 1);
        drop(staging);
        assert!(entries(&root).is_empty());
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn rejects_outputs_that_are_not_directories() {
        let root = scratch("target");
        fs::write(root.join("file"), "x").unwrap();
        let message = Target::new(&root.join("file")).unwrap_err().to_string();
        assert_eq!(
            message,
            format!(
                "output {} exists and is not a directory",
                root.join("file").display()
            )
        );
        assert!(Target::new(Path::new("/")).is_err());
        assert!(Target::new(Path::new("a/..")).is_err());
        fs::remove_dir_all(&root).unwrap();
    }
}
