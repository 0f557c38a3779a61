//! Generator throughput on the synthetic corpus: pulldown-cmark tokenizing (the baseline),
//! `dump` (parse + JSON) and `generate` (parse + emit + format), at several sizes.

use divan::Bencher;
use divan::counter::BytesCount;
use smartcar_errors_bench::workload;

/// The allocator of the `catalog-gen` binary.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [1_000, 10_000, 20_000];

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn tokenize(bencher: Bencher, codes: usize) {
    let snapshot = workload::snapshot(codes);
    bencher
        .counter(BytesCount::new(workload::bytes(&snapshot)))
        .bench(|| workload::tokenize(&snapshot));
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn dump(bencher: Bencher, codes: usize) {
    let snapshot = workload::snapshot(codes);
    bencher
        .counter(BytesCount::new(workload::bytes(&snapshot)))
        .bench(|| workload::dump(&snapshot));
}

#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn generate(bencher: Bencher, codes: usize) {
    let snapshot = workload::snapshot(codes);
    bencher
        .counter(BytesCount::new(workload::bytes(&snapshot)))
        .bench(|| workload::generate(&snapshot));
}
