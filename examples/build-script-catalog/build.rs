//! Generates this crate's catalog from `docs/` with catalog-gen's `Builder`.

fn main() {
    let report = catalog_gen::Builder::new()
        .docs_dir("docs")
        .generate()
        .unwrap_or_else(|error| panic!("cannot generate the catalog from docs/: {error}"));
    for warning in &report.warnings {
        println!("cargo:warning={warning}");
    }
    // What was generated, for the crate to show.
    println!("cargo:rustc-env=CATALOG_API_ERRORS={}", report.api_errors);
    println!("cargo:rustc-env=CATALOG_CONNECT_ERRORS={}", report.connect_errors);
    println!("cargo:rustc-env=CATALOG_DOCS_SHA256={}", report.docs_hash);
}
