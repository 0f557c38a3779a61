//! Writes the 20,000-code synthetic corpus to `OUT_DIR/docs` and generates its catalog with
//! `catalog_gen::Builder`, so the benchmarks can look up every code of a large catalog.

#[path = "src/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use std::path::PathBuf;

/// Codes in the compiled-in catalog: the size of the generator benchmark's corpus.
const CODES: usize = 20_000;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/corpus.rs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR"));
    let docs = out.join("docs");
    corpus::write(&docs, CODES).unwrap_or_else(|error| panic!("cannot write the corpus: {error}"));
    let report = catalog_gen::Builder::new()
        .docs_dir(&docs)
        .out_file(out.join("catalog.rs"))
        .cargo_metadata(false)
        .generate()
        .unwrap_or_else(|error| panic!("the synthetic corpus does not generate: {error}"));
    println!(
        "cargo:rustc-env=BENCH_CATALOG_CODES={}",
        report.api_errors + report.connect_errors
    );
}
