//! The drift check as a plain test: `cargo test` fails when the checked-in catalog differs from
//! what docs-snapshot generates, and says how to fix it.

use catalog_gen::EmitOptions;
use smartcar_errors_tests::{generated_file, read_snapshot, snapshot_dir};

#[test]
fn the_checked_in_catalog_is_generated_from_docs_snapshot() {
    let generated = catalog_gen::generate(&read_snapshot(&snapshot_dir()), &EmitOptions::checked_in())
        .expect("the snapshot generates");
    let checked_in = std::fs::read_to_string(generated_file()).expect("catalog/src/generated.rs exists");
    assert!(
        checked_in == generated.code,
        "catalog/src/generated.rs is out of date with docs-snapshot; run: cargo run -p catalog-gen -- generate"
    );
}
