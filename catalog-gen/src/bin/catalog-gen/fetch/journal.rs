//! Replacing a snapshot together with files elsewhere — the generated catalog, the ledger —
//! all of them or none, even when the run is killed at any point.
//!
//! Each file is staged beside its target (`.NAME.update-ID`, so that its rename stays on one
//! file system) and the new snapshot in fetch's staging directory; a journal beside the
//! snapshot, `.SNAPSHOT.update-ID.json`, says what happens to them. It is written twice, each
//! time whole (a temporary file renamed over it):
//!
//! 1. `prepared`, before anything is staged: it names the files, so that a run killed while
//!    staging them is rolled **back** — the staged files removed, the targets untouched.
//! 2. `committed`, once everything is staged and synced: the commit point. From here the
//!    update is rolled **forward**: the snapshot swapped in (as fetch does: old aside, new in),
//!    every staged file renamed over its target (or the target removed), the old snapshot
//!    removed, the journal removed last. Each step can be done again, so a run killed during
//!    them is finished by the next.
//!
//! The run holds fetch's lock (`.SNAPSHOT.fetch-ID.lock`) until the journal is gone. Every run
//! of `update`, `fetch` and `generate` first looks for journals whose lock is free — runs that
//! were killed — and rolls each back or forward ([`recover`]); then fetch's clean-up of its
//! own leftovers runs, over the same runs ([`super::leftovers::clean_up`]). A journal names
//! its files relative to its own directory, checked to be plain relative paths; the names of
//! the staged files and directories are derived, never read.
//!
//! For tests, the environment variable `CATALOG_GEN_FAIL_POINT` set to the name of a step
//! (`prepared`, `staged`, `committed`, `swapped`, `replaced`) makes the run stop there and
//! wait, up to a minute, to be killed; then it exits without cleaning up, as a killed run.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::FetchError;
use super::error::{read_error, write_error};
use super::leftovers::{KeptLeftover, is_dir};
use super::snapshot_dir;
use super::staging::Staging;
use super::target::{RunPaths, Target};

/// The environment variable that names a step to stop at (for tests).
const FAIL_POINT_VAR: &str = "CATALOG_GEN_FAIL_POINT";

/// The largest journal read, in bytes.
const MAX_JOURNAL_BYTES: u64 = 1024 * 1024;

/// The version of the journal's layout.
const FORMAT: u32 = 1;

/// A file replaced along with the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    /// The file.
    pub target: PathBuf,
    /// Its new contents; `None` removes it.
    pub contents: Option<Vec<u8>>,
}

/// What the journal of a run that was killed became.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The journal.
    pub journal: PathBuf,
    /// Whether the update was finished (committed before the run was killed) or undone.
    pub finished: bool,
}

/// Where an update is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum State {
    Prepared,
    Committed,
}

/// The journal's layout.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct JournalFile {
    format: u32,
    state: State,
    files: Vec<JournalEntry>,
}

/// One file of the journal: its path relative to the journal's directory, `/`-separated, and
/// whether it is replaced (or removed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct JournalEntry {
    path: String,
    replace: bool,
}

/// The journal of one run, and the paths it implies.
#[derive(Debug)]
struct Journal {
    target: Target,
    paths: RunPaths,
    /// The journal's directory, with symbolic links resolved: the base of its paths.
    base: PathBuf,
    entries: Vec<JournalEntry>,
}

/// One file of an update: its target and its staged new contents.
#[derive(Debug)]
struct FilePaths {
    target: PathBuf,
    staged: PathBuf,
}

/// Replaces the output of `staging` with it, and each of `files`, all or none (see the
/// module's documentation); returns the old snapshot if it was kept, not being a snapshot.
pub fn commit(mut staging: Staging, files: &[Replacement]) -> Result<Option<KeptLeftover>, FetchError> {
    let journal = Journal::plan(staging.target(), staging.paths(), files)?;
    journal.write(State::Prepared)?;
    fail_point("prepared");
    let staged = journal
        .stage(files)
        .and_then(|()| journal.target.check_replaceable(journal.target.out()))
        .and_then(|()| journal.write(State::Committed));
    if let Err(error) = staged {
        journal.roll_back();
        return Err(error);
    }
    fail_point("committed");
    // Committed: whatever happens now, the next run rolls forward from what is left.
    staging.hold();
    let kept = journal.roll_forward()?;
    journal.remove()?;
    staging.done();
    Ok(kept)
}

/// Rolls back or forward the update of the run `paths` of `target`, which is gone (see
/// [`Target::gone_runs`]), if it left a journal; removes a journal it was writing. The run's
/// lock, its staging directory and an old snapshot left aside, kept or not, are for the sweep
/// that follows (see [`super::leftovers::clean_up`]).
pub fn recover(target: &Target, paths: &RunPaths) -> Result<Option<Recovered>, FetchError> {
    let mut recovered = None;
    if fs::symlink_metadata(&paths.journal).is_ok() {
        let (journal, state) = Journal::read(target, paths)?;
        let finished = state == State::Committed;
        if finished {
            // An old snapshot that is not a snapshot stays where it is; the sweep reports it.
            journal.roll_forward()?;
        } else {
            journal.roll_back();
        }
        journal.remove()?;
        recovered = Some(Recovered {
            journal: paths.journal.clone(),
            finished,
        });
    }
    remove_if_present(&temporary(&paths.journal))?;
    Ok(recovered)
}

impl Journal {
    /// The journal of a run that replaces `files` along with the snapshot of `target`. Each
    /// file must be a regular file, or not exist yet; its directory is created.
    fn plan(target: &Target, paths: &RunPaths, files: &[Replacement]) -> Result<Journal, FetchError> {
        let base = fs::canonicalize(target.parent()).map_err(read_error(target.parent()))?;
        let mut entries = Vec::new();
        for file in files {
            let invalid = |reason| FetchError::InvalidOut {
                path: file.target.clone(),
                reason,
            };
            let (Some(parent), Some(name)) = (file.target.parent(), file.target.file_name()) else {
                return Err(invalid("does not end in a file name"));
            };
            let parent = if parent.as_os_str().is_empty() {
                Path::new(".")
            } else {
                parent
            };
            fs::create_dir_all(parent).map_err(write_error(parent))?;
            let parent = fs::canonicalize(parent).map_err(read_error(parent))?;
            let path = relative(&base, &parent.join(name))
                .ok_or_else(|| invalid("cannot be named relative to the snapshot's directory"))?;
            match fs::symlink_metadata(&file.target) {
                Ok(metadata) if !metadata.is_file() => {
                    return Err(invalid("exists and is not a regular file"));
                }
                Ok(_) => {}
                Err(error) if error.kind() == io::ErrorKind::NotFound => {}
                Err(source) => return Err(read_error(&file.target)(source)),
            }
            entries.push(JournalEntry {
                path,
                replace: file.contents.is_some(),
            });
        }
        Ok(Journal {
            target: target.clone(),
            paths: paths.clone(),
            base,
            entries,
        })
    }

    /// The journal of run `paths` of `target`, as a killed run left it, and its state.
    fn read(target: &Target, paths: &RunPaths) -> Result<(Journal, State), FetchError> {
        let file = Journal::read_file(&paths.journal)?;
        let base = fs::canonicalize(target.parent()).map_err(read_error(target.parent()))?;
        let journal = Journal {
            target: target.clone(),
            paths: paths.clone(),
            base,
            entries: file.files,
        };
        if let Some(entry) = journal.entries.iter().find(|e| !is_plain_relative(&e.path)) {
            return Err(journal.invalid(format!("{:?} is not a relative path of names", entry.path)));
        }
        Ok((journal, file.state))
    }

    fn read_file(path: &Path) -> Result<JournalFile, FetchError> {
        let invalid = |reason: String| FetchError::Journal {
            path: path.to_path_buf(),
            reason,
        };
        let mut bytes = Vec::new();
        File::open(path)
            .and_then(|file| file.take(MAX_JOURNAL_BYTES + 1).read_to_end(&mut bytes))
            .map_err(read_error(path))?;
        if bytes.len() as u64 > MAX_JOURNAL_BYTES {
            return Err(invalid(format!("it is larger than {MAX_JOURNAL_BYTES} bytes")));
        }
        let file: JournalFile = serde_json::from_slice(&bytes).map_err(|error| invalid(error.to_string()))?;
        if file.format != FORMAT {
            return Err(invalid(format!("it is in format {}, not {FORMAT}", file.format)));
        }
        Ok(file)
    }

    fn invalid(&self, reason: String) -> FetchError {
        FetchError::Journal {
            path: self.paths.journal.clone(),
            reason,
        }
    }

    /// Each file's target and staged path.
    fn files(&self) -> impl Iterator<Item = (FilePaths, bool)> + '_ {
        self.entries.iter().map(|entry| {
            let target = entry
                .path
                .split('/')
                .fold(self.base.clone(), |path, part| path.join(part));
            let mut name = std::ffi::OsString::from(".");
            name.push(target.file_name().unwrap_or_default());
            name.push(format!(".update-{}", self.paths.id));
            let staged = target.with_file_name(name);
            (FilePaths { target, staged }, entry.replace)
        })
    }

    /// Writes the journal in `state`, whole, and syncs it.
    fn write(&self, state: State) -> Result<(), FetchError> {
        let file = JournalFile {
            format: FORMAT,
            state,
            files: self.entries.clone(),
        };
        let mut text = serde_json::to_string_pretty(&file).unwrap_or_default();
        text.push('\n');
        let temporary = temporary(&self.paths.journal);
        write_synced(&temporary, text.as_bytes())?;
        fs::rename(&temporary, &self.paths.journal).map_err(write_error(&self.paths.journal))?;
        sync_dir(self.target.parent());
        Ok(())
    }

    /// Writes every new file beside its target, synced.
    fn stage(&self, files: &[Replacement]) -> Result<(), FetchError> {
        for ((paths, _), file) in self.files().zip(files) {
            if let Some(contents) = &file.contents {
                write_synced(&paths.staged, contents)?;
            }
        }
        fail_point("staged");
        Ok(())
    }

    /// Undoes a run that had not committed: removes its staged files and its journal. (Its
    /// staging directory is fetch's to remove.) Failures are ignored: what is left is tried
    /// again by the next run.
    fn roll_back(&self) {
        for (paths, _) in self.files() {
            let _ = remove_if_present(&paths.staged);
        }
        let _ = self.remove();
    }

    /// Finishes a committed run, from wherever it was: the new snapshot in place of the old,
    /// each staged file over its target (or the target removed), the old snapshot removed —
    /// or returned, when it is not a snapshot and is kept.
    fn roll_forward(&self) -> Result<Option<KeptLeftover>, FetchError> {
        let (out, staging, old) = (self.target.out(), &self.paths.staging, &self.paths.old);
        if is_dir(staging) {
            if fs::symlink_metadata(out).is_ok() {
                if fs::symlink_metadata(old).is_ok() {
                    return Err(self.invalid(format!(
                        "both {} and {} exist; move one of them away and run again",
                        out.display(),
                        old.display()
                    )));
                }
                fs::rename(out, old).map_err(write_error(out))?;
            }
            fs::rename(staging, out).map_err(write_error(out))?;
            sync_dir(self.target.parent());
        }
        fail_point("swapped");
        for (paths, replace) in self.files() {
            if replace {
                if fs::symlink_metadata(&paths.staged).is_ok() {
                    fs::rename(&paths.staged, &paths.target).map_err(write_error(&paths.target))?;
                }
            } else {
                remove_if_present(&paths.target)?;
            }
            if let Some(dir) = paths.target.parent() {
                sync_dir(dir);
            }
        }
        fail_point("replaced");
        if !is_dir(old) {
            return Ok(None);
        }
        if let Some(foreign) = snapshot_dir::first_foreign_entry(old)? {
            return Ok(Some(KeptLeftover {
                path: old.clone(),
                foreign,
            }));
        }
        fs::remove_dir_all(old).map_err(write_error(old))?;
        Ok(None)
    }

    /// Removes the journal: the last step of a run.
    fn remove(&self) -> Result<(), FetchError> {
        remove_if_present(&self.paths.journal)?;
        sync_dir(self.target.parent());
        Ok(())
    }
}

/// `path` relative to `base` (both absolute, without `.` or `..`), `/`-separated, with `..`
/// where it leaves `base`; `None` when a part is not UTF-8 or the roots differ.
fn relative(base: &Path, path: &Path) -> Option<String> {
    let base: Vec<Component<'_>> = base.components().collect();
    let path: Vec<Component<'_>> = path.components().collect();
    if base.first() != path.first() {
        return None;
    }
    let common = base.iter().zip(&path).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; base.len() - common];
    for component in &path[common..] {
        match component {
            Component::Normal(name) => parts.push(name.to_str()?),
            _ => return None,
        }
    }
    Some(parts.join("/"))
}

/// Whether `path` is `/`-separated names and `..`, ending in a name: what [`relative`]
/// writes.
fn is_plain_relative(path: &str) -> bool {
    let parts: Vec<&str> = path.split('/').collect();
    let name = |part: &str| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && !part.contains('\\')
            && Path::new(part).components().count() == 1
            && matches!(Path::new(part).components().next(), Some(Component::Normal(_)))
    };
    parts.last().is_some_and(|last| name(last)) && parts.iter().all(|part| *part == ".." || name(part))
}

/// The temporary file a journal is written to before it is renamed into place.
fn temporary(journal: &Path) -> PathBuf {
    let mut name = journal.as_os_str().to_os_string();
    name.push(".tmp");
    PathBuf::from(name)
}

/// Writes `bytes` to a new file at `path` (replacing one a killed run left) and syncs it.
fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), FetchError> {
    (|| {
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(path)?;
        file.write_all(bytes)?;
        file.sync_all()
    })()
    .map_err(write_error(path))
}

/// Removes the file at `path`, if there is one.
fn remove_if_present(path: &Path) -> Result<(), FetchError> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(write_error(path)(error)),
        _ => Ok(()),
    }
}

/// Makes the renames in `dir` durable, where the platform can (best effort: the renames are
/// done either way).
fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Stops here, as a killed run would, when the tests ask for step `name`.
fn fail_point(name: &str) {
    if std::env::var_os(FAIL_POINT_VAR).is_some_and(|value| value == name) {
        let _ = writeln!(io::stderr(), "fail point {name}: waiting to be killed");
        std::thread::sleep(Duration::from_secs(60));
        std::process::exit(3);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_relative_to_the_journal_and_read_back_only_if_plain() {
        let base = Path::new("/repo");
        assert_eq!(
            relative(base, Path::new("/repo/catalog/src/generated.rs")).as_deref(),
            Some("catalog/src/generated.rs")
        );
        assert_eq!(
            relative(base, Path::new("/elsewhere/x.json")).as_deref(),
            Some("../elsewhere/x.json")
        );
        for plain in ["a.rs", "catalog/src/generated.rs", "../x/y.json", "../../y"] {
            assert!(is_plain_relative(plain), "{plain}");
        }
        for hostile in [
            "",
            "/etc/passwd",
            "a/",
            "a//b",
            "./a",
            "a/./b",
            "..",
            "a/..",
            "C:\\x",
            "a\\b",
        ] {
            assert!(!is_plain_relative(hostile), "{hostile}");
        }
    }
}
