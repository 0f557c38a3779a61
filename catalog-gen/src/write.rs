//! Writing a generated file: atomically, and only when its contents change.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Makes temporary names unique among the writers of one process.
static WRITERS: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` unless it already holds exactly that; returns whether it wrote.
///
/// The new contents go to a temporary file beside `path`, which is then renamed over it, so
/// a reader sees the old file or the new one, never a part. A `path` that exists and is not a
/// regular file is refused (see [`check_regular`]).
pub(crate) fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<bool> {
    if check_regular(path)? {
        match fs::read(path) {
            Ok(existing) if existing == contents => return Ok(false),
            Ok(_) => {}
            Err(error) if error.kind() == io::ErrorKind::NotFound => {}
            Err(error) => return Err(error),
        }
    }
    TempFile::create(path)?.replace_target(contents)?;
    Ok(true)
}

/// Whether `path` exists, checked without opening it: `Ok(false)` when it does not, `Ok(true)`
/// when it is a regular file, and an error of kind `InvalidInput` that says what it is when it
/// is anything else (a directory, a symbolic link, a named pipe, a socket, a device), which
/// is never read, opened or replaced.
pub fn check_regular(path: &Path) -> io::Result<bool> {
    let metadata = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error),
    };
    let file_type = metadata.file_type();
    if file_type.is_file() {
        return Ok(true);
    }
    let what = if file_type.is_dir() {
        "a directory"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        special_file_kind(&file_type)
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("it is {what}, not a regular file"),
    ))
}

/// What a file that is neither a regular file, a directory nor a link is.
#[cfg(unix)]
fn special_file_kind(file_type: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if file_type.is_fifo() {
        "a named pipe"
    } else if file_type.is_socket() {
        "a socket"
    } else if file_type.is_char_device() || file_type.is_block_device() {
        "a device"
    } else {
        "a special file"
    }
}

/// What a file that is neither a regular file, a directory nor a link is.
#[cfg(not(unix))]
fn special_file_kind(_: &fs::FileType) -> &'static str {
    "a special file"
}

/// A temporary file beside a target, which [`replace_target`](TempFile::replace_target)
/// fills and renames over the target; dropped before that, it is removed.
///
/// The temporary file (`.NAME.PID-N.tmp`) is locked while it exists. One left behind by a
/// writer that was killed is removed by the next writer of the same target, which takes the
/// lock of every such file it finds; the files of writers still running stay.
#[derive(Debug)]
struct TempFile {
    target: PathBuf,
    path: PathBuf,
    /// Open, and locked, until the file is renamed or removed.
    file: Option<File>,
}

impl TempFile {
    /// Creates the target's directory and a temporary file beside it, after removing the
    /// abandoned ones. The caller has checked the target (see [`check_regular`]).
    fn create(target: &Path) -> io::Result<Self> {
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        let name = target.file_name().and_then(|n| n.to_str()).unwrap_or("generated");
        let prefix = format!(".{name}.");
        remove_abandoned(dir, &prefix);
        let serial = WRITERS.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{prefix}{}-{serial}{TEMP_SUFFIX}", std::process::id()));
        let file = OpenOptions::new().write(true).create_new(true).open(&path)?;
        file.lock()?;
        Ok(TempFile {
            target: target.to_path_buf(),
            path,
            file: Some(file),
        })
    }

    /// Writes `contents`, syncs them and renames the file over the target; on a failure the
    /// temporary file is removed and the target left as it was.
    fn replace_target(mut self, contents: &[u8]) -> io::Result<()> {
        let Some(mut file) = self.file.take() else {
            return Ok(());
        };
        let result = file
            .write_all(contents)
            .and_then(|()| file.sync_all())
            .and_then(|()| fs::rename(&self.path, &self.target));
        if result.is_err() {
            let _ = fs::remove_file(&self.path);
        }
        result
    }
}

/// How the temporary files of a [`TempFile`] end.
const TEMP_SUFFIX: &str = ".tmp";

/// Removes the temporary files in `dir` named `PREFIX…​.tmp` that no running writer holds:
/// those whose lock can be taken. Failures are ignored: a file that cannot be removed now is
/// tried again by the next writer.
fn remove_abandoned(dir: &Path, prefix: &str) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(prefix) && name.ends_with(TEMP_SUFFIX)) {
            continue;
        }
        if !entry.file_type().is_ok_and(|kind| kind.is_file()) {
            continue;
        }
        let path = entry.path();
        if let Ok(file) = File::open(&path)
            && file.try_lock().is_ok()
        {
            let _ = fs::remove_file(&path);
        }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch_dir(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("catalog-gen-write-{name}-{}", std::process::id()))
    }

    fn entries(dir: &Path) -> usize {
        fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn writes_only_changes_and_leaves_no_temporary_file() {
        let dir = scratch_dir("whole");
        let path = dir.join("nested/out.rs");
        assert!(write_if_changed(&path, b"one").unwrap());
        assert!(!write_if_changed(&path, b"one").unwrap());
        assert!(write_if_changed(&path, b"two").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(path.parent().unwrap()), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_file_is_replaced_only_when_its_bytes_change() {
        let dir = scratch_dir("stream");
        let path = dir.join("out.rs");
        assert!(write_if_changed(&path, b"abcd").unwrap());
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        assert!(!write_if_changed(&path, b"abcd").unwrap(), "same bytes");
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
        assert!(
            write_if_changed(&path, b"abc").unwrap(),
            "a prefix of the old file"
        );
        assert_eq!(fs::read(&path).unwrap(), b"abc");
        assert!(
            write_if_changed(&path, b"abcd").unwrap(),
            "the old file is a prefix"
        );
        assert!(write_if_changed(&path, b"xbcd").unwrap());
        assert_eq!(fs::read(&path).unwrap(), b"xbcd");
        assert_eq!(entries(&dir), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unfinished_writer_leaves_the_file_alone() {
        let dir = scratch_dir("unfinished");
        let path = dir.join("out.rs");
        assert!(write_if_changed(&path, b"same").unwrap());
        let writer = TempFile::create(&path).unwrap();
        drop(writer);
        assert_eq!(fs::read(&path).unwrap(), b"same");
        assert_eq!(entries(&dir), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn what_is_not_a_regular_file_is_refused_untouched() {
        let dir = scratch_dir("special");
        fs::create_dir_all(dir.join("a-directory")).unwrap();
        let error = write_if_changed(&dir.join("a-directory"), b"x").unwrap_err();
        assert_eq!(error.to_string(), "it is a directory, not a regular file");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("elsewhere", dir.join("link")).unwrap();
            let error = write_if_changed(&dir.join("link"), b"x").unwrap_err();
            assert_eq!(error.to_string(), "it is a symbolic link, not a regular file");
            let fifo = dir.join("fifo");
            let made = std::process::Command::new("mkfifo").arg(&fifo).status();
            if made.is_ok_and(|status| status.success()) {
                // Opening a named pipe would block forever: it must not be opened at all.
                let error = write_if_changed(&fifo, b"x").unwrap_err();
                assert_eq!(error.to_string(), "it is a named pipe, not a regular file");
                use std::os::unix::fs::FileTypeExt;
                assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
            }
            let error = check_regular(Path::new("/dev/null")).unwrap_err();
            assert_eq!(error.to_string(), "it is a device, not a regular file");
        }
        assert!(!check_regular(&dir.join("missing")).unwrap());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn abandoned_temporary_files_are_removed_and_live_ones_kept() {
        let dir = scratch_dir("abandoned");
        fs::create_dir_all(&dir).unwrap();
        let path = dir.join("out.rs");
        // Left by a writer that was killed: nobody holds its lock.
        fs::write(dir.join(".out.rs.999999-0.tmp"), "half").unwrap();
        // Held by a writer that is still running.
        let running = TempFile::create(&path).unwrap();
        // Somebody else's files.
        fs::write(dir.join(".other.rs.1-0.tmp"), "other").unwrap();
        fs::write(dir.join("notes.tmp"), "notes").unwrap();
        assert!(write_if_changed(&path, b"new").unwrap());
        let mut names: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names.len(), 4, "{names:?}");
        assert_eq!(names[0], ".other.rs.1-0.tmp");
        assert!(
            names[1].starts_with(".out.rs.") && names[1] != ".out.rs.999999-0.tmp",
            "{names:?}"
        );
        assert_eq!(&names[2..], ["notes.tmp", "out.rs"]);
        running.replace_target(b"running").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"running");
        fs::remove_dir_all(&dir).unwrap();
    }
}
