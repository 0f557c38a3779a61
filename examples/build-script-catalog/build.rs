//! Generates this crate's catalog from `docs/` with catalog-gen's `Builder`.

fn main() -> Result<(), catalog_gen::Error> {
    // The Builder tells Cargo which files to watch and shows the docs' warnings.
    let report = catalog_gen::Builder::new().docs_dir("docs").generate()?;
    // What was generated, for the crate to show.
    println!("cargo::rustc-env=CATALOG_API_ERRORS={}", report.api_errors);
    println!(
        "cargo::rustc-env=CATALOG_CONNECT_ERRORS={}",
        report.connect_errors
    );
    println!("cargo::rustc-env=CATALOG_DOCS_SHA256={}", report.docs_hash);
    Ok(())
}
