//! Fuzz target `api_error_body`: any bytes, and generated JSON bodies, as an API error body.

use smartcar_errors_fuzz::api_body::{self, Body};
use smartcar_errors_fuzz::corpus;

/// Generated inputs per `cargo test` run and test; `BOLERO_RANDOM_ITERATIONS` overrides it.
const ITERATIONS: usize = 10_000;

#[test]
fn api_error_body() {
    bolero::check!()
        .with_iterations(ITERATIONS)
        .for_each(api_body::check_api_error_body);
}

/// Bodies that are JSON objects with a `type`, so that most of them parse; members of the
/// wrong type, hostile text and repeated keys among them.
#[test]
fn api_error_body_json() {
    bolero::check!()
        .with_type::<Body>()
        .with_iterations(ITERATIONS)
        .for_each(Body::check);
}

#[test]
fn api_error_body_corpus() {
    corpus::replay("api_error_body", api_body::check_api_error_body);
}
