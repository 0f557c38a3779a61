//! Fuzz targets for the parsers of smartcar-errors: the docs page parser of catalog-gen
//! (raw bytes and generated pages), API error bodies, batch responses and Connect redirects.
//!
//! The targets are the tests in `tests/`, written with bolero. Under `cargo test` each runs
//! its seed corpus (`corpus/<target>/`) and a bounded number of generated inputs; under
//! `cargo bolero test` the same targets run coverage-guided. This library holds what they
//! share: the properties each parse must satisfy and the grammars of structured inputs.

pub mod api_body;
pub mod batch_body;
pub mod corpus;
pub mod grammar;
pub mod page;
pub mod redirect;
pub mod text;
