//! Generates a catalog from the hostile pages of tests/fixtures/hostile-catalog, so that the
//! tests crate compiles it, documents it and runs its doctests (there must be none).
//!
//! The pages' warnings are intended, and asserted by the suite (`hostile_catalog.rs`), so they
//! are not shown as `cargo::warning` lines on every build of the tests.

fn main() -> Result<(), catalog_gen::Error> {
    println!("cargo::rerun-if-changed=fixtures/hostile-catalog");
    catalog_gen::Builder::new()
        .docs_dir("fixtures/hostile-catalog")
        .cargo_metadata(false)
        .generate()?;
    Ok(())
}
