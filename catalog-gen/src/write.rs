//! Writing a generated file: atomically, and only when its contents change.

use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Makes temporary names unique among the writers of one process.
static WRITERS: AtomicU64 = AtomicU64::new(0);

/// Writes `contents` to `path` unless it already holds exactly that; returns whether it wrote.
///
/// The new contents go to a temporary file beside `path`, which is then renamed over it, so
/// a reader sees the old file or the new one, never a part.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> io::Result<bool> {
    match fs::read(path) {
        Ok(existing) if existing == contents => return Ok(false),
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    let mut writer = ChangeWriter::create(path)?;
    writer.write_all(contents)?;
    writer.finish()
}

/// A file written as a stream, atomically, and only if its contents change.
///
/// What is written goes to a temporary file beside the target and is compared, as it
/// arrives, with the file already there. [`finish`](ChangeWriter::finish) renames the
/// temporary file over the target, or removes it when the contents are the same; dropping
/// the writer unfinished removes it too. Neither the old nor the new contents are ever held
/// in memory whole.
#[derive(Debug)]
pub struct ChangeWriter {
    path: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
    /// The target's current contents, read along with what is written; `None` once they
    /// differ (or when there is no target yet).
    existing: Option<BufReader<File>>,
    scratch: Vec<u8>,
}

impl ChangeWriter {
    /// Starts writing `path`: creates its directory and a temporary file beside it.
    pub fn create(path: &Path) -> io::Result<Self> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        fs::create_dir_all(dir)?;
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("generated");
        let serial = WRITERS.fetch_add(1, Ordering::Relaxed);
        let temp = dir.join(format!(".{name}.{}-{serial}.tmp", std::process::id()));
        let file = BufWriter::new(File::create(&temp)?);
        let mut writer = ChangeWriter {
            path: path.to_path_buf(),
            temp,
            file: Some(file),
            existing: None,
            scratch: Vec::new(),
        };
        writer.existing = writer.open_existing()?;
        Ok(writer)
    }

    /// Forgets everything written so far, to write the file again from its start.
    pub fn restart(&mut self) -> io::Result<()> {
        if let Some(file) = &mut self.file {
            file.seek(SeekFrom::Start(0))?;
            file.get_mut().set_len(0)?;
        }
        self.existing = self.open_existing()?;
        Ok(())
    }

    /// Completes the file: returns whether its contents changed (and it was replaced).
    pub fn finish(mut self) -> io::Result<bool> {
        let Some(file) = self.file.take() else {
            return Ok(false);
        };
        let unchanged = match self.existing.take() {
            Some(mut existing) => existing.read(&mut [0])? == 0,
            None => false,
        };
        let result = if unchanged {
            drop(file);
            fs::remove_file(&self.temp).map(|()| false)
        } else {
            (|| {
                let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
                file.sync_all()?;
                drop(file);
                fs::rename(&self.temp, &self.path)
            })()
            .map(|()| true)
        };
        if result.is_err() {
            let _ = fs::remove_file(&self.temp);
        }
        result
    }

    fn open_existing(&self) -> io::Result<Option<BufReader<File>>> {
        match File::open(&self.path) {
            Ok(file) => Ok(Some(BufReader::new(file))),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// Compares `buf` with the next bytes of the existing file, forgetting it on a difference.
    fn compare(&mut self, buf: &[u8]) -> io::Result<()> {
        let Some(existing) = &mut self.existing else {
            return Ok(());
        };
        self.scratch.resize(buf.len(), 0);
        let same = match existing.read_exact(&mut self.scratch) {
            Ok(()) => self.scratch == buf,
            Err(error) if error.kind() == io::ErrorKind::UnexpectedEof => false,
            Err(error) => return Err(error),
        };
        if !same {
            self.existing = None;
        }
        Ok(())
    }
}

impl Write for ChangeWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(file) = &mut self.file else {
            return Err(io::Error::other("the file is already finished"));
        };
        file.write_all(buf)?;
        self.compare(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for ChangeWriter {
    fn drop(&mut self) {
        if self.file.take().is_some() {
            let _ = fs::remove_file(&self.temp);
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

    /// Streams `parts` to `path` through a [`ChangeWriter`].
    fn stream(path: &Path, parts: &[&str]) -> bool {
        let mut writer = ChangeWriter::create(path).unwrap();
        for part in parts {
            writer.write_all(part.as_bytes()).unwrap();
        }
        writer.finish().unwrap()
    }

    #[test]
    fn streamed_file_is_replaced_only_when_its_bytes_change() {
        let dir = scratch_dir("stream");
        let path = dir.join("out.rs");
        assert!(stream(&path, &["ab", "cd"]));
        let modified = fs::metadata(&path).unwrap().modified().unwrap();
        assert!(!stream(&path, &["a", "bcd"]), "same bytes, other pieces");
        assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), modified);
        assert!(stream(&path, &["ab", "c"]), "a prefix of the old file");
        assert_eq!(fs::read(&path).unwrap(), b"abc");
        assert!(stream(&path, &["abc", "d"]), "the old file is a prefix");
        assert!(stream(&path, &["xbcd"]));
        assert_eq!(fs::read(&path).unwrap(), b"xbcd");
        assert_eq!(entries(&dir), 1);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn restart_forgets_what_was_written_and_drop_leaves_the_file_alone() {
        let dir = scratch_dir("restart");
        let path = dir.join("out.rs");
        assert!(stream(&path, &["same"]));
        let mut writer = ChangeWriter::create(&path).unwrap();
        writer.write_all(b"other text").unwrap();
        writer.restart().unwrap();
        writer.write_all(b"same").unwrap();
        assert!(!writer.finish().unwrap());

        let mut writer = ChangeWriter::create(&path).unwrap();
        writer.write_all(b"half").unwrap();
        drop(writer);
        assert_eq!(fs::read(&path).unwrap(), b"same");
        assert_eq!(entries(&dir), 1);
        fs::remove_dir_all(&dir).unwrap();
    }
}
