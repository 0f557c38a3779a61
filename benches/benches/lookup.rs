//! Lookups of every code against `HashMap` baselines: the 20,000-code catalog the build script
//! generates and the 3-code catalog of smartcar-errors. Allocations are counted by divan.

use divan::counter::ItemsCount;
use divan::{AllocProfiler, Bencher};
use smartcar_errors_bench::{catalog, lookup};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

fn main() {
    divan::main();
}

type Big = catalog::ApiErrorCode;
type Real = smartcar_errors::ApiErrorCode;

#[divan::bench]
fn from_parts_generated(bencher: Bencher) {
    let keys = lookup::api_keys::<Big>();
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::from_parts_all::<Big>(&keys));
}

#[divan::bench]
fn hash_map_generated(bencher: Bencher) {
    let (keys, map) = (lookup::api_keys::<Big>(), lookup::api_map::<Big>());
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::hash_map_all(&map, &keys));
}

#[divan::bench]
fn from_parts_smartcar_errors(bencher: Bencher) {
    let keys = lookup::api_keys::<Real>();
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::from_parts_all::<Real>(&keys));
}

#[divan::bench]
fn hash_map_smartcar_errors(bencher: Bencher) {
    let (keys, map) = (lookup::api_keys::<Real>(), lookup::api_map::<Real>());
    bencher
        .counter(ItemsCount::new(keys.len()))
        .bench(|| lookup::hash_map_all(&map, &keys));
}

#[divan::bench]
fn connect_from_str_generated(bencher: Bencher) {
    let names = lookup::names::<catalog::ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::from_name_all::<catalog::ConnectErrorCode>(&names));
}

#[divan::bench]
fn connect_hash_map_generated(bencher: Bencher) {
    let names = lookup::names::<catalog::ConnectErrorCode>();
    let map = lookup::name_map::<catalog::ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::name_map_all(&map, &names));
}

#[divan::bench]
fn connect_from_str_smartcar_errors(bencher: Bencher) {
    let names = lookup::names::<smartcar_errors::ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::from_str_all(&names));
}

#[divan::bench]
fn connect_hash_map_smartcar_errors(bencher: Bencher) {
    let names = lookup::names::<smartcar_errors::ConnectErrorCode>();
    let map = lookup::name_map::<smartcar_errors::ConnectErrorCode>();
    bencher
        .counter(ItemsCount::new(names.len()))
        .bench(|| lookup::name_map_all(&map, &names));
}
