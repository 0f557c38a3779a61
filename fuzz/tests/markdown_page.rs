//! Fuzz target `markdown_page`: pages generated from the grammar of docs pages.

use smartcar_errors_fuzz::grammar::Page;
use smartcar_errors_fuzz::{corpus, page};

/// Generated pages per `cargo test` run; `BOLERO_RANDOM_ITERATIONS` overrides it.
const ITERATIONS: usize = 4_000;

#[test]
fn markdown_page() {
    bolero::check!()
        .with_type::<Page>()
        .with_iterations(ITERATIONS)
        .for_each(|page: &Page| {
            page::check_markdown_page(page);
        });
}

/// The seeds are pages of the grammar, as JSON.
#[test]
fn markdown_page_corpus() {
    corpus::replay("markdown_page", |bytes| {
        let seed: Page = serde_json::from_slice(bytes).expect("a seed is a grammar page in JSON");
        page::check_markdown_page(&seed);
    });
}
