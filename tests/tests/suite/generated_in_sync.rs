//! The drift check as a plain test: `cargo test` fails when the checked-in catalog differs from
//! what docs-snapshot generates, names what changed and prints the command that fixes it.

use std::path::Path;

use catalog_gen::Drift;
use smartcar_errors_tests::{REGENERATE_COMMAND, checked_in, generated_file, snapshot_dir};

/// How `generated` differs from what the docs in `docs` generate, if it does.
fn drift(docs: &Path, generated: &Path) -> Option<Drift> {
    let docs = checked_in(docs).read().expect("the docs can be read");
    docs.check(generated, REGENERATE_COMMAND)
        .expect("the docs generate")
}

#[test]
fn the_checked_in_catalog_is_generated_from_docs_snapshot() {
    if let Some(drift) = drift(&snapshot_dir(), &generated_file()) {
        panic!("{drift}");
    }
}

#[test]
fn an_edited_copy_of_the_snapshot_is_reported_by_code_and_field() {
    let copy = std::env::temp_dir().join(format!("smartcar-errors-drift-{}", std::process::id()));
    let page = copy.join("errors/api-errors");
    std::fs::create_dir_all(&page).unwrap();
    let original =
        std::fs::read_to_string(snapshot_dir().join("errors/api-errors/server-errors.md")).unwrap();
    let edited = original.replacen(
        "\"description\": \"Smartcar was unable to locate a battery capacity record for this vehicle.\"",
        "\"description\": \"No battery capacity record was found.\"",
        1,
    );
    std::fs::write(page.join("server-errors.md"), edited).unwrap();
    for name in ["configuration-error.md", "server-error.md"] {
        let connect = copy.join("errors/connect-errors");
        std::fs::create_dir_all(&connect).unwrap();
        std::fs::copy(
            snapshot_dir().join("errors/connect-errors").join(name),
            connect.join(name),
        )
        .unwrap();
    }

    let drift = drift(&copy, &generated_file()).expect("the edit is drift");
    let report = drift.to_string();
    assert!(
        report.contains("  changed API error SERVER:RECORD_NOT_FOUND: description\n    description:\n      - Smartcar was unable to locate a battery capacity record for this vehicle.\n      + No battery capacity record was found.\n  1 change: 0 added, 0 removed, 1 changed\n"),
        "{report}"
    );
    assert!(report.ends_with("To fix it, run: cargo run -p catalog-gen -- generate"));
    std::fs::remove_dir_all(copy).unwrap();
}
