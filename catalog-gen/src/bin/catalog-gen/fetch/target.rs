//! Where a snapshot goes, and the names a fetch gives its files beside it.
//!
//! A run works in the output's parent directory, so that its renames stay on one file system.
//! For an output named `NAME` it uses:
//!
//! - `.NAME.fetch-ID.lock`: created first and held locked until the run has removed everything
//!   else it made, so that other runs can tell that it is alive;
//! - `.NAME.fetch-ID`: the new snapshot, while it is downloaded;
//! - `.NAME.old-ID`: the old snapshot, between being moved aside and being removed;
//! - `.NAME.update-ID.json`: the journal of an update that replaces files elsewhere along
//!   with the snapshot (see [`super::journal`]).
//!
//! `ID` is unique to the run: its process id, the time it started and a counter. Names of
//! these forms belong to fetch: [`super::leftovers`] removes those of runs that are gone.

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::error::read_error;
use super::lock::{RunLock, RunState};
use super::{FetchError, snapshot_dir};

/// Distinguishes the runs made by one process.
static SEQUENCE: AtomicU32 = AtomicU32::new(0);

/// The output directory of a fetch, checked before anything is downloaded.
#[derive(Debug, Clone)]
pub struct Target {
    out: PathBuf,
    parent: PathBuf,
    name: OsString,
    /// Whether any directory may be replaced, not only a snapshot (`--force`).
    force: bool,
}

/// The files of one run beside the output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunPaths {
    /// The run's id.
    pub id: String,
    /// The lock file, `.NAME.fetch-ID.lock`.
    pub lock: PathBuf,
    /// The new snapshot while it is written, `.NAME.fetch-ID`.
    pub staging: PathBuf,
    /// The old snapshot while it is swapped out, `.NAME.old-ID`.
    pub old: PathBuf,
    /// The journal of an update, `.NAME.update-ID.json`.
    pub journal: PathBuf,
}

impl Target {
    /// Checks that `out` names a directory, or nothing yet; `force` lets any directory be
    /// replaced, not only a snapshot.
    pub fn new(out: &Path, force: bool) -> Result<Target, FetchError> {
        let invalid = |reason| FetchError::InvalidOut {
            path: out.to_path_buf(),
            reason,
        };
        let name = out
            .file_name()
            .ok_or_else(|| invalid("does not end in a directory name"))?;
        match fs::symlink_metadata(out) {
            Ok(metadata) if metadata.is_symlink() => {
                return Err(invalid("is a symbolic link; name the directory it points to"));
            }
            Ok(metadata) if !metadata.is_dir() => return Err(invalid("exists and is not a directory")),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(source) => return Err(read_error(out)(source)),
        }
        let parent = match out.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        Ok(Target {
            out: out.to_path_buf(),
            parent,
            name: name.to_os_string(),
            force,
        })
    }

    /// The output directory.
    pub fn out(&self) -> &Path {
        &self.out
    }

    /// The directory that holds the output and the runs' files.
    pub fn parent(&self) -> &Path {
        &self.parent
    }

    /// Fails unless `dir`, the output or the old snapshot moved aside from it, may be
    /// replaced: it is a snapshot (see [`snapshot_dir`]), or `--force` was given.
    pub fn check_replaceable(&self, dir: &Path) -> Result<(), FetchError> {
        if self.force {
            return Ok(());
        }
        match snapshot_dir::first_foreign_entry(dir)? {
            None => Ok(()),
            Some(foreign) => Err(FetchError::NotASnapshot {
                out: self.out.clone(),
                foreign,
            }),
        }
    }

    /// The files of run `id`.
    pub fn run_paths(&self, id: &str) -> RunPaths {
        let staging = self.sibling("fetch-", id, "");
        RunPaths {
            id: id.to_owned(),
            lock: self.sibling("fetch-", id, ".lock"),
            old: self.sibling("old-", id, ""),
            journal: self.sibling("update-", id, JOURNAL_SUFFIX),
            staging,
        }
    }

    /// The runs that have files beside the output (see [`Target::run_ids`]) and are gone, each
    /// with its paths and its lock, now held by this process (`None` when it has no lock
    /// file): those whose files may be cleaned up. Live runs are left out.
    pub fn gone_runs(&self) -> Result<Vec<(RunPaths, Option<RunLock>)>, FetchError> {
        let mut gone = Vec::new();
        for id in self.run_ids()? {
            let paths = self.run_paths(&id);
            match RunLock::take(&paths.lock).map_err(read_error(&paths.lock))? {
                RunState::Alive => {}
                RunState::Gone(lock) => gone.push((paths, lock)),
            }
        }
        Ok(gone)
    }

    /// The ids of the runs that have files beside the output, live ones included: a staging
    /// directory, a lock file, an old snapshot, or an update journal, whole or being written
    /// (`.NAME.update-ID.json.tmp`). The output's parent directory is listed once.
    fn run_ids(&self) -> Result<BTreeSet<String>, FetchError> {
        let fetch = self.sibling_name("fetch-", "", "");
        let old = self.sibling_name("old-", "", "");
        let update = self.sibling_name("update-", "", "");
        let mut ids = BTreeSet::new();
        for name in self.sibling_names()? {
            let name = name.as_encoded_bytes();
            let id = if let Some(rest) = name.strip_prefix(fetch.as_encoded_bytes()) {
                rest.strip_suffix(b".lock").unwrap_or(rest)
            } else if let Some(rest) = name.strip_prefix(old.as_encoded_bytes()) {
                rest
            } else if let Some(rest) = name.strip_prefix(update.as_encoded_bytes()) {
                let journal = rest.strip_suffix(b".tmp").unwrap_or(rest);
                match journal.strip_suffix(JOURNAL_SUFFIX.as_bytes()) {
                    Some(id) => id,
                    None => continue,
                }
            } else {
                continue;
            };
            if let Ok(id) = std::str::from_utf8(id)
                && !id.is_empty()
            {
                ids.insert(id.to_owned());
            }
        }
        Ok(ids)
    }

    /// The names in the output's parent directory (none when it does not exist).
    fn sibling_names(&self) -> Result<Vec<OsString>, FetchError> {
        let entries = match fs::read_dir(&self.parent) {
            Ok(entries) => entries,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(read_error(&self.parent)(source)),
        };
        entries
            .map(|entry| entry.map(|entry| entry.file_name()))
            .collect::<io::Result<Vec<_>>>()
            .map_err(read_error(&self.parent))
    }

    /// `.NAME.ROLEID.SUFFIX` beside the output.
    fn sibling(&self, role: &str, id: &str, suffix: &str) -> PathBuf {
        self.parent.join(self.sibling_name(role, id, suffix))
    }

    fn sibling_name(&self, role: &str, id: &str, suffix: &str) -> OsString {
        let mut name = OsString::from(".");
        name.push(&self.name);
        name.push(format!(".{role}{id}{suffix}"));
        name
    }
}

/// How the name of an update journal ends.
const JOURNAL_SUFFIX: &str = ".json";

/// An id no other run has: the process id, the time in nanoseconds and a counter.
pub fn new_run_id() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |elapsed| elapsed.as_nanos());
    let sequence = SEQUENCE.fetch_add(1, Ordering::Relaxed);
    format!("{}-{nanos}-{sequence}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::tests::scratch;

    #[test]
    fn rejects_outputs_that_are_not_directories() {
        let root = scratch("target");
        fs::write(root.join("file"), "x").unwrap();
        let message = Target::new(&root.join("file"), true).unwrap_err().to_string();
        assert_eq!(
            message,
            format!(
                "output {} exists and is not a directory",
                root.join("file").display()
            )
        );
        let message = Target::new(Path::new("/"), false).unwrap_err().to_string();
        assert_eq!(message, "output / does not end in a directory name");
        assert!(Target::new(Path::new("a/.."), false).is_err());
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&root, root.join("link")).unwrap();
            let message = Target::new(&root.join("link"), true).unwrap_err().to_string();
            assert_eq!(
                message,
                format!(
                    "output {} is a symbolic link; name the directory it points to",
                    root.join("link").display()
                )
            );
        }
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn names_the_files_of_a_run_and_finds_them_again() {
        let root = scratch("run-ids");
        let target = Target::new(&root.join("snapshot"), false).unwrap();
        assert_eq!(
            target.run_paths("7-1-0"),
            RunPaths {
                id: "7-1-0".to_owned(),
                lock: root.join(".snapshot.fetch-7-1-0.lock"),
                staging: root.join(".snapshot.fetch-7-1-0"),
                old: root.join(".snapshot.old-7-1-0"),
                journal: root.join(".snapshot.update-7-1-0.json"),
            }
        );
        assert!(target.run_ids().unwrap().is_empty());
        for name in [
            ".snapshot.fetch-a",
            ".snapshot.fetch-b.lock",
            ".snapshot.old-c",
            ".snapshot.fetch-",
            ".snapshot.fetched",
            ".other.fetch-d",
            ".snapshot.update-e.json",
            ".snapshot.update-f.json.tmp",
            ".snapshot.update-.json",
            ".snapshot.update-g",
            ".other.update-h.json",
            "snapshot",
        ] {
            fs::write(root.join(name), "").unwrap();
        }
        // Staging, lock and old snapshot (a, b, c); journal, whole or being written (e, f).
        let ids: Vec<String> = target.run_ids().unwrap().into_iter().collect();
        assert_eq!(ids, ["a", "b", "c", "e", "f"]);
        assert!(
            Target::new(&root.join("missing/snapshot"), false)
                .unwrap()
                .run_ids()
                .unwrap()
                .is_empty()
        );
        fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn run_ids_differ() {
        assert_ne!(new_run_id(), new_run_id());
        assert!(new_run_id().starts_with(&format!("{}-", std::process::id())));
    }
}
