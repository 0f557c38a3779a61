//! Fuzz target `batch_response`: any bytes, and generated batch bodies, as the body of a
//! batch response.

use smartcar_errors_fuzz::batch_body::{self, Batch};
use smartcar_errors_fuzz::corpus;

/// Generated inputs per `cargo test` run and test; `BOLERO_RANDOM_ITERATIONS` overrides it.
const ITERATIONS: usize = 10_000;

#[test]
fn batch_response() {
    bolero::check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            batch_body::check_batch_response(bytes);
        });
}

/// Batch bodies whose items mix successes, error bodies, odd codes, headers and values.
#[test]
fn batch_response_json() {
    bolero::check!()
        .with_type::<Batch>()
        .with_iterations(ITERATIONS)
        .for_each(Batch::check);
}

#[test]
fn batch_response_corpus() {
    corpus::replay("batch_response", |bytes| {
        batch_body::check_batch_response(bytes);
    });
}
