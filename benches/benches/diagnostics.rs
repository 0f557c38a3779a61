//! Rendering the diagnostics of a page with a warning every 850 bytes, rich (source line and
//! caret) and plain (one line each), at 5 MB and 15 MB: both linear in the page's size.

use catalog_gen::Style;
use divan::Bencher;
use divan::counter::BytesCount;
use smartcar_errors_bench::workload::{self, WARNINGS_PAGE_BYTES};

fn main() {
    divan::main();
}

/// Renders the diagnostics of the page of `bytes` bytes in `style`.
fn bench(bencher: Bencher, bytes: usize, style: Style) {
    let (docs, size) = workload::warnings_page(bytes);
    bencher
        .counter(BytesCount::new(size))
        .bench(|| workload::render(&docs, style));
}

#[divan::bench(args = WARNINGS_PAGE_BYTES, sample_count = 3, sample_size = 1)]
fn rich(bencher: Bencher, bytes: usize) {
    bench(bencher, bytes, Style::Snippet { color: false });
}

#[divan::bench(args = WARNINGS_PAGE_BYTES, sample_count = 5, sample_size = 1)]
fn plain(bencher: Bencher, bytes: usize) {
    bench(bencher, bytes, Style::Plain);
}
