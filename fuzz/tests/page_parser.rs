//! Fuzz target `page_parser`: any bytes as a docs page.

use smartcar_errors_fuzz::{corpus, page};

/// Generated inputs per `cargo test` run; `BOLERO_RANDOM_ITERATIONS` overrides it.
const ITERATIONS: usize = 20_000;

#[test]
fn page_parser() {
    bolero::check!()
        .with_iterations(ITERATIONS)
        .for_each(|bytes: &[u8]| {
            page::check_page(bytes);
        });
}

#[test]
fn page_parser_corpus() {
    corpus::replay("page_parser", |bytes| {
        page::check_page(bytes);
    });
}
