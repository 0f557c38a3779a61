//! Generates a catalog from the hostile pages of tests/fixtures/hostile-catalog, so that the
//! tests crate compiles it, documents it and runs its doctests (there must be none).

fn main() -> Result<(), catalog_gen::Error> {
    catalog_gen::Builder::new()
        .docs_dir("fixtures/hostile-catalog")
        .generate()?;
    Ok(())
}
