//! catalog-gen's integration tests, in one binary so that they are linked once; each module
//! says what it covers.

mod cli;
#[cfg(feature = "cli")]
mod docs_site;
mod escaping;
#[cfg(feature = "cli")]
mod fetch;
mod generate_file;
mod lints;
mod repo;
mod scratch;
#[cfg(feature = "cli")]
mod server;
#[cfg(feature = "cli")]
mod tree;
#[cfg(feature = "cli")]
mod update;
