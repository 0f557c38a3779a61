//! Fuzz target `markdown_page`: pages generated from the grammar of docs pages.

use smartcar_errors_fuzz::grammar::Page;
use smartcar_errors_fuzz::page;

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
