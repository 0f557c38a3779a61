//! Why a fetch failed.

use std::fmt;
use std::io;
use std::path::Path;

use crate::docs_index::IndexError;

/// Why a fetch failed, as it is printed (escaped where it is). What the fetch was to replace
/// is then as it was, unless the message says otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchError(String);

impl FetchError {
    /// The error that `message` tells.
    pub fn new(message: impl Into<String>) -> FetchError {
        FetchError(message.into())
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FetchError {}

impl From<IndexError> for FetchError {
    fn from(error: IndexError) -> FetchError {
        FetchError(error.to_string())
    }
}

/// A function that turns an I/O error at `path` into `cannot write PATH: ERROR`.
pub fn write_error(path: impl AsRef<Path>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.as_ref().display().to_string();
    move |source| FetchError(format!("cannot write {path}: {source}"))
}

/// A function that turns an I/O error at `path` into `cannot read PATH: ERROR`.
pub fn read_error(path: impl AsRef<Path>) -> impl FnOnce(io::Error) -> FetchError {
    let path = path.as_ref().display().to_string();
    move |source| FetchError(format!("cannot read {path}: {source}"))
}
