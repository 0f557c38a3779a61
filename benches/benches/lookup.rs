//! Lookups of every code of smartcar-errors' catalog, under divan: the catalog's hash index
//! against a binary search over the sorted keys and against a `HashMap`; allocations are
//! counted by divan. Then the same comparison in the probe crates of a generated 60-code and
//! 20,000-code catalog, built in `target/bench-builds` (their first build takes a minute).

use divan::counter::ItemsCount;
use divan::{AllocProfiler, Bencher};
use smartcar_errors::{ApiErrorCode, ConnectErrorCode};
use smartcar_errors_bench::lookup::{self, SortedKeys};
use smartcar_errors_bench::probe::{self, Probe};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
    let root = probe::root();
    for (name, shape) in probe::catalogs() {
        let measured = Probe::write(&root, name, shape).and_then(|probe| probe.measure(&root.join("target")));
        match measured {
            Ok(measured) => {
                println!("\na generated catalog of {} codes:", shape.codes());
                for comparison in measured.generated {
                    println!("{comparison}");
                }
            }
            Err(error) => eprintln!("{name}: {error}"),
        }
    }
}

#[divan::bench]
fn from_parts(bencher: Bencher) {
    let keys = lookup::api_keys::<ApiErrorCode>();
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::from_parts_all::<ApiErrorCode>(&keys));
}

#[divan::bench]
fn from_parts_binary_search(bencher: Bencher) {
    let (keys, sorted) = (
        lookup::api_keys::<ApiErrorCode>(),
        SortedKeys::<_, ApiErrorCode>::api(),
    );
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::binary_search_all(&sorted, &keys));
}

#[divan::bench]
fn from_parts_hash_map(bencher: Bencher) {
    let (keys, map) = (
        lookup::api_keys::<ApiErrorCode>(),
        lookup::api_map::<ApiErrorCode>(),
    );
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::hash_map_all(&map, &keys));
}

#[divan::bench]
fn from_str(bencher: Bencher) {
    let names = lookup::names::<ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::from_str_all::<ConnectErrorCode>(&names));
}

#[divan::bench]
fn from_str_binary_search(bencher: Bencher) {
    let (names, sorted) = (
        lookup::names::<ConnectErrorCode>(),
        SortedKeys::<_, ConnectErrorCode>::names(),
    );
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::binary_search_names(&sorted, &names));
}

#[divan::bench]
fn from_str_hash_map(bencher: Bencher) {
    let names = lookup::names::<ConnectErrorCode>();
    let map = lookup::name_map::<ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::hash_map_all(&map, &names));
}
