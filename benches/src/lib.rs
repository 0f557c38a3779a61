//! Benchmarks of catalog-gen and smartcar-errors, each a ratio against a baseline measured in
//! the same run: the rows of the `summary` program and of `cargo bench` (see `README.md`).

pub mod builds;
#[path = "../../catalog-gen/src/bin/catalog-gen/checked_in.rs"]
pub mod checked_in;
pub mod corpus;
pub mod generator;
pub mod measure;
pub mod report;
pub mod runtime;
