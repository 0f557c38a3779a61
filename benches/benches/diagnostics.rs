//! Rendering the diagnostics of a page with a warning every 850 bytes, rich (source line and
//! caret) and plain (one line each), at 5 MB and 15 MB: both linear in the page's size.

use catalog_gen::{Docs, Style};
use divan::Bencher;
use divan::counter::BytesCount;
use smartcar_errors_bench::corpus;

fn main() {
    divan::main();
}

const PAGE_BYTES: [usize; 2] = [5_000_000, 15_000_000];

/// Renders the diagnostics of the page of `bytes` bytes in `style`.
fn bench(bencher: Bencher, bytes: usize, style: Style) {
    let page = corpus::page_with_warnings(bytes);
    let size = page.text.len();
    let docs = Docs::from_pages([(page.path, page.text.into_bytes())]);
    bencher
        .counter(BytesCount::new(size))
        .bench(|| docs.render(docs.diagnostics(), style).len());
}

#[divan::bench(args = PAGE_BYTES, sample_count = 3, sample_size = 1)]
fn rich(bencher: Bencher, bytes: usize) {
    bench(bencher, bytes, Style::Snippet { color: false });
}

#[divan::bench(args = PAGE_BYTES, sample_count = 5, sample_size = 1)]
fn plain(bencher: Bencher, bytes: usize) {
    bench(bencher, bytes, Style::Plain);
}
