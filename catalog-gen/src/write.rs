//! Writing a file so that a reader, or a run killed at any point, finds its old contents or
//! its new ones, never a part: the new contents go to a temporary file beside it, which is
//! synced and renamed over it, and the rename is synced.
//!
//! The temporary file, `.NAME.PID-N.tmp`, is unique to the writer, so two writers of one
//! file never write into the same one; a writer killed before its rename leaves it, and the
//! file as it was. Nothing removes such a file but the user: the refresh runs in a git
//! checkout or a throwaway CI runner, where it shows as untracked.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
#[cfg(unix)]
use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

/// Makes temporary names unique among the writers of one process.
static WRITERS: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` unless it already holds exactly that; returns whether it wrote.
/// Its directory is created if missing. A `path` that exists and is not a regular file is
/// refused (see [`check_regular`]).
pub fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<bool> {
    if check_regular(path)? && fs::read(path)? == contents {
        return Ok(false);
    }
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let serial = WRITERS.fetch_add(1, Ordering::Relaxed);
    let temporary = dir.join(format!(".{name}.{}-{serial}.tmp", std::process::id()));
    if let Err(error) = write_synced(&temporary, contents).and_then(|()| fs::rename(&temporary, path)) {
        let _ = fs::remove_file(&temporary);
        return Err(error);
    }
    sync_dir(dir);
    Ok(true)
}

/// Writes `bytes` to a new file at `path` and syncs it.
pub fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Makes the renames in `dir` durable where the platform can (best effort: they are done
/// either way).
pub fn sync_dir(dir: &Path) {
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
}

/// Whether `path` exists, checked without opening it: `Ok(false)` when it does not, `Ok(true)`
/// when it is a regular file, and an error of kind `InvalidInput` that says what it is when it
/// is anything else (a directory, a symbolic link, a named pipe, a socket, a device), which
/// is never read, opened or replaced.
pub fn check_regular(path: &Path) -> io::Result<bool> {
    let file_type = match fs::symlink_metadata(path) {
        Ok(metadata) => metadata.file_type(),
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(false),
        Err(error) => return Err(error),
    };
    let what = match () {
        () if file_type.is_file() => return Ok(true),
        () if file_type.is_dir() => "a directory",
        () if file_type.is_symlink() => "a symbolic link",
        #[cfg(unix)]
        () if file_type.is_fifo() => "a named pipe",
        #[cfg(unix)]
        () if file_type.is_socket() => "a socket",
        #[cfg(unix)]
        () if file_type.is_char_device() || file_type.is_block_device() => "a device",
        () => "a special file",
    };
    let message = format!("it is {what}, not a regular file");
    Err(io::Error::new(io::ErrorKind::InvalidInput, message))
}

/// The text of the regular file at `path`: refused as [`check_regular`] refuses it, and an
/// error of kind `NotFound` when there is none.
pub fn read_regular(path: &Path) -> io::Result<String> {
    check_regular(path)?;
    fs::read_to_string(path)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

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
}
