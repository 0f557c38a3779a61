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
    /// `docs` and `generated` as given, each defaulting to its place in the nearest directory,
    /// from the current one up, that holds `docs-snapshot/`.
    pub fn resolve(docs: Option<PathBuf>, generated: Option<PathBuf>) -> Paths {
        let mut flags = String::new();
        if let Some(docs) = &docs {
            flags.push_str(&format!(" --docs {}", docs.display()));
        }
        if let Some(generated) = &generated {
            flags.push_str(&format!(" --out {}", generated.display()));
        }
        let root = repository_root();
        Paths {
            docs: docs.unwrap_or_else(|| root.join(DOCS_DIR)),
            generated: generated.unwrap_or_else(|| root.join(GENERATED_FILE)),
            flags,
        }
    }
}

/// The nearest directory, from the current one up, that holds `docs-snapshot/`, as a relative
/// path (empty, `..`, `../..`); empty when there is none.
fn repository_root() -> PathBuf {
    let Ok(current) = std::env::current_dir() else {
        return PathBuf::new();
    };
    let mut up = PathBuf::new();
    for dir in current.ancestors() {
        if dir.join(DOCS_DIR).is_dir() {
            return up;
        }
        up.push("..");
    }
    PathBuf::new()
}
