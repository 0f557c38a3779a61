//! `generate_file`: the streaming path `catalog-gen generate` and the Builder take writes
//! exactly what `generate` returns, only when it changes, and nothing on docs errors.

use std::path::{Path, PathBuf};

use catalog_gen::{EmitOptions, GenerateError, Snapshot};

fn fixture(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(dir)
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalog-gen-generate-file-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn streamed_file_holds_the_generated_code_and_is_rewritten_only_on_change() {
    for docs in [
        "docs-snapshot",
        "tests/fixtures/synthetic",
        "tests/fixtures/hostile-catalog",
    ] {
        let snapshot = Snapshot::read(&fixture(docs)).unwrap();
        let options = EmitOptions::default();
        let expected = catalog_gen::generate(&snapshot, &options).unwrap();
        let dir = scratch("same");
        let out = dir.join("catalog.rs");

        let first = catalog_gen::generate_file(snapshot.clone(), &options, &out).unwrap();
        assert!(first.written, "{docs}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected.code, "{docs}");
        assert_eq!(first.catalog, expected.catalog, "{docs}");
        assert_eq!(first.docs_hash, expected.docs_hash, "{docs}");
        assert_eq!(first.warnings.len(), expected.warnings.len(), "{docs}");

        let again = catalog_gen::generate_file(snapshot.clone(), &options, &out).unwrap();
        assert!(!again.written, "{docs}");

        std::fs::write(&out, expected.code.replacen("DO NOT EDIT", "edited", 1)).unwrap();
        let repaired = catalog_gen::generate_file(snapshot, &options, &out).unwrap();
        assert!(repaired.written, "{docs}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected.code, "{docs}");
        let names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["catalog.rs"], "{docs}: no temporary file is left");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn docs_with_errors_write_nothing() {
    let snapshot = Snapshot::read(&fixture("tests/fixtures/hostile")).unwrap();
    let dir = scratch("errors");
    let out = dir.join("catalog.rs");
    match catalog_gen::generate_file(snapshot, &EmitOptions::default(), &out) {
        Err(GenerateError::Docs(diagnostics)) => {
            assert!(diagnostics.iter().any(|d| d.is_error()));
        }
        other => panic!("expected docs errors, got {other:?}"),
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    std::fs::remove_dir_all(&dir).unwrap();
}
