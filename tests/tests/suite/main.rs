//! The repository's cross-crate tests, in one binary so that they are linked once; each
//! module says what it covers.

use std::path::{Path, PathBuf};

/// The target directory of the cargo builds that tests run (smartcar-errors with `regenerate`,
/// and crates that use it), inside the one the tests were built in: one for all of them, so
/// that each build reuses what the others compiled.
fn nested_target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("nested-builds")
}

mod api_error_properties;
mod build_integration;
mod connect_redirects;
mod determinism;
mod explain;
mod generated_in_sync;
mod hostile_catalog;
mod hostile_pages;
mod json_schema;
mod responses;
mod runtime;
mod sdk_api_errors;
mod sdk_connect_redirects;
mod snapshot_catalog;
mod synthetic_pages;
mod tombstones;
mod workflows;
