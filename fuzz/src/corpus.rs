//! The checked-in seed corpus: `corpus/<target>/`, one input per file.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};

/// The seed corpus directory of `target`.
pub fn dir(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus").join(target)
}

/// The seeds of `target` as (file name, bytes), sorted by name.
pub fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = dir(target);
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut seeds: Vec<(String, Vec<u8>)> = entries
        .map(|entry| {
            let path = entry
                .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
                .path();
            let bytes =
                std::fs::read(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, bytes)
        })
        .collect();
    seeds.sort();
    assert!(!seeds.is_empty(), "{} has no seeds", dir.display());
    seeds
}

/// Runs `check` on every seed of `target`, naming the seed that fails.
pub fn replay(target: &str, check: impl Fn(&[u8])) {
    for (name, bytes) in seeds(target) {
        if let Err(panic) = catch_unwind(AssertUnwindSafe(|| check(&bytes))) {
            eprintln!("seed {target}/{name} failed");
            resume_unwind(panic);
        }
    }
}
