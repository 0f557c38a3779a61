//! The repository's cross-crate tests, in one binary so that they are linked once; each
//! module says what it covers.

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
