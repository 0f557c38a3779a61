//! The repository the `catalog-gen` commands run in, laid out as smartcar-errors' is:
//! `docs-snapshot/` (frozen copies of three published pages, in `tests/fixtures/docs`) and the
//! `catalog/src/generated.rs` they generate. The CLI tests run in it; the update tests start
//! from copies of its files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

/// The repository, made once per test run. Nothing may write in it: the update tests read
/// its files while the CLI tests run.
pub fn repo() -> PathBuf {
    static REPO: OnceLock<PathBuf> = OnceLock::new();
    REPO.get_or_init(|| {
        let repo = Path::new(env!("CARGO_TARGET_TMPDIR")).join("catalog-gen-repo");
        let _ = std::fs::remove_dir_all(&repo);
        copy_dir(&fixture("docs"), &repo.join("docs-snapshot"));
        let output = catalog_gen_in(&repo, &["generate", "--quiet"]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        repo
    })
    .clone()
}

/// A fixture of this package's tests.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `catalog-gen ARGS` run in `dir`.
pub fn catalog_gen_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("catalog-gen runs")
}

/// Copies the directory `from`, whole, to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}
