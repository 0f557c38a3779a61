//! Generator throughput on the synthetic corpus: pulldown-cmark tokenizing (the baseline),
//! `dump` (read + JSON) and `generate` (read + emit), at several sizes.

use divan::Bencher;
use divan::counter::BytesCount;
use smartcar_errors_bench::corpus::{self, Shape};
use smartcar_errors_bench::workload::{self, Pages};

/// The allocator of the `catalog-gen` binary.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 20_000];

/// Runs `operation` on fresh copies of the corpus of `codes` codes, the copy not timed.
fn bench(bencher: Bencher, codes: usize, operation: fn(Pages) -> usize) {
    let pages = corpus::files(Shape::of(codes));
    bencher
        .counter(BytesCount::new(workload::bytes(&pages)))
        .with_inputs(|| pages.clone())
        .bench_values(operation);
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn tokenize(bencher: Bencher, codes: usize) {
    bench(bencher, codes, workload::tokenize);
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn dump(bencher: Bencher, codes: usize) {
    bench(bencher, codes, workload::dump);
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn generate(bencher: Bencher, codes: usize) {
    bench(bencher, codes, workload::generate);
}
