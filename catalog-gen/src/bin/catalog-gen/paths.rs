//! The paths a command works on: those given, or the repository's defaults, found from the
//! current directory up (as cargo finds `Cargo.toml`), so that the commands work anywhere in
//! the repository.

use std::path::PathBuf;

/// The snapshot, relative to the repository root.
pub const DOCS_DIR: &str = "docs-snapshot";
/// The checked-in generated file, relative to the repository root.
pub const GENERATED_FILE: &str = "catalog/src/generated.rs";

/// The docs snapshot and the generated file of one command.
#[derive(Debug)]
pub struct Paths {
    /// The docs snapshot.
    pub docs: PathBuf,
    /// The generated file.
    pub generated: PathBuf,
    /// The flags that name these paths when they are not the defaults (for the command that
    /// fixes a drift).
    pub flags: String,
}

impl Paths {
    /// The docs snapshot and the generated file of `generate`, `check` and `update`: each as
    /// given, or its place in the nearest directory, from the current one up, that holds
    /// `docs-snapshot/`. Fails, saying where the defaults were looked for, when a default is
    /// needed and there is no such directory.
    pub fn resolve(docs: Option<PathBuf>, generated: Option<PathBuf>) -> Result<Paths, String> {
        let mut flags = String::new();
        if let Some(docs) = &docs {
            flags.push_str(&format!(" --docs {}", docs.display()));
        }
        if let Some(generated) = &generated {
            flags.push_str(&format!(" --out {}", generated.display()));
        }
        Ok(Paths {
            docs: docs_dir(docs)?,
            generated: or_in_repository(generated, GENERATED_FILE)?,
            flags,
        })
    }
}

/// The docs snapshot of a command that reads only the docs (`dump`, `lint`, `explain`): as
/// given, or the repository's, found as [`Paths::resolve`] finds it.
pub fn docs_dir(docs: Option<PathBuf>) -> Result<PathBuf, String> {
    or_in_repository(docs, DOCS_DIR)
}

/// `given`, or `default` in the repository's root.
fn or_in_repository(given: Option<PathBuf>, default: &str) -> Result<PathBuf, String> {
    match given {
        Some(given) => Ok(given),
        None => Ok(repository_root()?.join(default)),
    }
}

/// The nearest directory, from the current one up, that holds `docs-snapshot/`, as a relative
/// path (empty, `..`, `../..`).
fn repository_root() -> Result<PathBuf, String> {
    let current =
        std::env::current_dir().map_err(|error| format!("cannot tell the current directory: {error}"))?;
    let mut up = PathBuf::new();
    for dir in current.ancestors() {
        if dir.join(DOCS_DIR).is_dir() {
            return Ok(up);
        }
        up.push("..");
    }
    // Escaped where it is printed, as every command's error is.
    Err(format!(
        "no {DOCS_DIR} directory in {} or any directory above it, so there are no default paths: \
         run from the smartcar-errors repository, or name the docs with --docs DIR \
         (and the generated file with --out or --generated FILE)",
        current.display()
    ))
}
