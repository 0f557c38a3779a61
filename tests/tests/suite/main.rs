//! The repository's cross-crate tests, in one binary so that they are linked once; each
//! module says what it covers.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, MutexGuard, PoisonError};

use smartcar_errors_tests::workspace_root;

/// The target directory of the cargo builds that tests run (smartcar-errors with `regenerate`,
/// and crates that use it): the one the tests were built in, wherever `CARGO_TARGET_DIR` puts
/// it, so that they reuse what that build compiled (the generator for build scripts above
/// all). Cargo holds no lock on it while tests run.
fn nested_target_dir() -> PathBuf {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    tmp.parent().unwrap_or(tmp).to_path_buf()
}

/// `cargo` in the workspace, building in [`nested_target_dir`], with no `SMARTCAR_DOCS_DIR`
/// from the environment.
fn cargo() -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .current_dir(workspace_root())
        .env("CARGO_TARGET_DIR", nested_target_dir())
        .env_remove("SMARTCAR_DOCS_DIR");
    command
}

/// Held for its whole length by each test that builds in [`nested_target_dir`], so that a test
/// that builds twice sees no other test's build in between.
fn nested_builds() -> MutexGuard<'static, ()> {
    static BUILDS: Mutex<()> = Mutex::new(());
    BUILDS.lock().unwrap_or_else(PoisonError::into_inner)
}

mod api_error_properties;
mod build_integration;
mod connect_redirects;
mod determinism;
mod example_recipes;
mod explain;
mod field_lists;
mod generated_in_sync;
mod hostile_catalog;
mod hostile_pages;
mod json_schema;
mod miette_reports;
mod responses;
mod runtime;
mod sdk_api_errors;
mod sdk_connect_redirects;
mod semver;
mod snapshot_catalog;
mod synthetic_pages;
mod tombstones;
mod workflows;
