//! Reading errors: `ApiError` against `serde_json::Value` on the documented examples and on
//! 1 MB and 10 MB bodies, `Display` of an error from a huge body, a batch response, and
//! `Redirect::from_uri` on the documented redirects against decoding the query.
//! Allocations are counted by divan.

use divan::counter::{BytesCount, ItemsCount};
use divan::{AllocProfiler, Bencher};
use smartcar_errors::{ApiError, BatchResponse};
use smartcar_errors_bench::documented;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

/// Headers of an error response, as `from_response` is given them.
const HEADERS: [(&str, &str); 2] = [("SC-Request-Id", "9c8dd6fa"), ("Retry-After", "30")];

/// The sizes of the large bodies.
const SIZES: [usize; 2] = [1 << 20, 10 << 20];

#[divan::bench]
fn api_error(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    bencher
        .counter(ItemsCount::new(examples.len()))
        .bench(|| documented::api_errors(&examples));
}

#[divan::bench]
fn api_error_from_response(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    bencher
        .counter(ItemsCount::new(examples.len()))
        .bench(|| documented::api_errors_from_response(&examples, HEADERS));
}

#[divan::bench]
fn json_value(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    bencher
        .counter(ItemsCount::new(examples.len()))
        .bench(|| documented::json_values(&examples));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn large_body_api_error(bencher: Bencher, bytes: usize) {
    let body = documented::large_error_body(bytes);
    bencher
        .counter(BytesCount::new(body.len()))
        .bench(|| ApiError::from_response(500, HEADERS, &body));
}

#[divan::bench(args = SIZES, sample_count = 10)]
fn large_body_json_value(bencher: Bencher, bytes: usize) {
    let body = documented::large_error_body(bytes);
    bencher
        .counter(BytesCount::new(body.len()))
        .bench(|| serde_json::from_slice::<serde_json::Value>(&body));
}

/// `Display` of an error whose description is 1 KB or 10 MB: the same cost.
#[divan::bench(args = [1 << 10, 10 << 20])]
fn display(bencher: Bencher, description_bytes: usize) {
    let error = ApiError::from_response(
        500,
        HEADERS,
        &documented::long_description_body(description_bytes),
    );
    bencher.bench(|| error.to_string());
}

/// A batch of the documented examples, each as a failed item.
#[divan::bench]
fn batch_response(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    let items: Vec<String> = examples
        .iter()
        .enumerate()
        .map(|(i, body)| format!(r#"{{"path": "/item/{i}", "code": 500, "headers": {{}}, "body": {body}}}"#))
        .collect();
    let body = format!(r#"{{"responses": [{}]}}"#, items.join(", "));
    bencher.counter(ItemsCount::new(examples.len())).bench(|| {
        BatchResponse::from_response(200, HEADERS, body.as_bytes()).map(|batch| batch.errors().count())
    });
}

#[divan::bench]
fn connect_redirect(bencher: Bencher) {
    let redirects = documented::redirects(&documented::examples().redirects);
    bencher
        .counter(ItemsCount::new(redirects.len()))
        .bench(|| documented::read_redirects(&redirects));
}

#[divan::bench]
fn decode_query(bencher: Bencher) {
    let redirects = documented::redirects(&documented::examples().redirects);
    bencher
        .counter(ItemsCount::new(redirects.len()))
        .bench(|| documented::decode_queries(&redirects));
}
