//! Reading errors: `ApiError` against `serde_json::Value` on the documented examples, and
//! `Redirect::from_uri` on the documented redirects against decoding the query.

use divan::Bencher;
use divan::counter::ItemsCount;
use smartcar_errors::{ApiError, Redirect};
use smartcar_errors_bench::documented;

fn main() {
    divan::main();
}

#[divan::bench]
fn api_error(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    bencher.counter(ItemsCount::new(examples.len())).bench(|| {
        examples
            .iter()
            .filter(|json| serde_json::from_str::<ApiError>(json).is_ok())
            .count()
    });
}

#[divan::bench]
fn json_value(bencher: Bencher) {
    let examples = documented::examples().api_examples;
    bencher.counter(ItemsCount::new(examples.len())).bench(|| {
        examples
            .iter()
            .filter(|json| serde_json::from_str::<serde_json::Value>(json).is_ok())
            .count()
    });
}

#[divan::bench]
fn connect_redirect(bencher: Bencher) {
    let redirects = documented::redirects(&documented::examples().redirects);
    bencher.counter(ItemsCount::new(redirects.len())).bench(|| {
        redirects
            .iter()
            .filter(|uri| Redirect::from_uri(uri).is_ok())
            .count()
    });
}

#[divan::bench]
fn decode_query(bencher: Bencher) {
    let redirects = documented::redirects(&documented::examples().redirects);
    bencher.counter(ItemsCount::new(redirects.len())).bench(|| {
        redirects
            .iter()
            .map(|uri| documented::decode_query(uri))
            .sum::<usize>()
    });
}
