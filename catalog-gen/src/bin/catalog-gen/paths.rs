//! The paths a command works on: those given, or the repository's defaults, found from the
//! current directory up (as cargo finds `Cargo.toml`), so that the commands work anywhere in
//! the repository.

use std::path::PathBuf;

/// The snapshot, relative to the repository root.
pub const DOCS_DIR: &str = "docs-snapshot";
/// The checked-in generated file, relative to the repository root.
pub const GENERATED_FILE: &str = "catalog/src/generated.rs";

/// `given`, or `default` (one of the above) in the nearest directory, from the current one
/// up, that holds `docs-snapshot/`, as a relative path (`docs-snapshot`, `../docs-snapshot`).
/// Fails, saying where the defaults were looked for, when a default is needed and there is
/// no such directory.
pub fn or_default(given: Option<PathBuf>, default: &str) -> Result<PathBuf, String> {
    if let Some(given) = given {
        return Ok(given);
    }
    let current =
        std::env::current_dir().map_err(|error| format!("cannot tell the current directory: {error}"))?;
    let mut root = PathBuf::new();
    for dir in current.ancestors() {
        if dir.join(DOCS_DIR).is_dir() {
            return Ok(root.join(default));
        }
        root.push("..");
    }
    // Escaped where it is printed, as every command's error is.
    Err(format!(
        "no {DOCS_DIR} directory in {} or any directory above it, so there are no default paths: \
         run from the smartcar-errors repository, or name the docs with --docs DIR \
         (and the generated file with --out or --generated FILE)",
        current.display()
    ))
}
