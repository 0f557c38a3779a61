//! `Docs::write`, which `catalog-gen generate` and the Builder use: it writes exactly what
//! `Docs::rust_source` returns, only when the file changes, and nothing on docs errors.

use catalog_gen::{Builder, Docs, Error};

use crate::repo::fixture;
use crate::scratch::temp_dir;

fn read(dir: &str) -> Docs {
    Builder::new()
        .docs_dir(fixture(dir))
        .cargo_metadata(false)
        .read()
        .unwrap()
}

#[test]
fn the_file_holds_the_generated_code_and_is_rewritten_only_on_change() {
    let dir = "docs";
    let docs = read(dir);
    let expected = docs.rust_source().unwrap();
    let scratch = temp_dir("generate-file-same");
    let out = scratch.join("catalog.rs");

    assert!(docs.write(&out).unwrap(), "{dir}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected, "{dir}");
    let modified = std::fs::metadata(&out).unwrap().modified().unwrap();
    assert!(!docs.write(&out).unwrap(), "{dir}");
    assert_eq!(
        std::fs::metadata(&out).unwrap().modified().unwrap(),
        modified,
        "{dir}"
    );

    std::fs::write(&out, expected.replacen("DO NOT EDIT", "edited", 1)).unwrap();
    assert!(docs.write(&out).unwrap(), "{dir}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), expected, "{dir}");
    let names: Vec<_> = std::fs::read_dir(&scratch)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["catalog.rs"], "{dir}: no temporary file is left");
}

#[test]
fn docs_with_errors_write_nothing() {
    let docs = read("broken");
    let dir = temp_dir("generate-file-errors");
    let out = dir.join("catalog.rs");
    match docs.write(&out) {
        Err(Error::Docs { diagnostics }) => {
            assert!(diagnostics.iter().any(|d| d.is_error()));
            // Files are named below the docs directory, as the user can open them.
            let first = &diagnostics[0].source.file;
            assert!(
                first.starts_with(&fixture("broken").display().to_string()),
                "{first}"
            );
        }
        other => panic!("expected docs errors, got {other:?}"),
    }
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
}
