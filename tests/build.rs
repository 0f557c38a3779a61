//! Generates a catalog from the hostile pages of tests/fixtures/hostile-catalog, so that the
//! tests crate compiles it, documents it and runs its doctests (there must be none).

fn main() {
    catalog_gen::Builder::new()
        .docs_dir("fixtures/hostile-catalog")
        .generate()
        .unwrap_or_else(|error| panic!("the hostile catalog does not generate: {error}"));
}
