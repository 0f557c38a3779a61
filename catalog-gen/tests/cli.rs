//! The `catalog-gen` command as a user runs it, from the workspace root.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn catalog_gen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
        .args(args)
        .current_dir(workspace_root())
        .output()
        .expect("catalog-gen runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("catalog-gen-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn dump_prints_the_snapshot_model_as_json() {
    let output = catalog_gen(&["dump"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<(&str, &str)> = json["api_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["type"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("SERVER", "INTERNAL"),
            ("SERVER", "MULTIPLE_RECORDS_FOUND"),
            ("SERVER", "RECORD_NOT_FOUND")
        ]
    );
    let errors: Vec<&str> = json["connect_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["error"].as_str().unwrap())
        .collect();
    assert_eq!(errors, ["configuration_error", "server_error"]);
    assert_eq!(
        json.as_object().unwrap().len(),
        2,
        "only api_errors and connect_errors"
    );
}

#[test]
fn generate_reproduces_the_checked_in_file_byte_for_byte() {
    let dir = temp_dir("generate");
    let out = dir.join("generated.rs");
    let output = catalog_gen(&["generate", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote"), "{}", stderr(&output));
    let checked_in = std::fs::read(workspace_root().join("catalog/src/generated.rs")).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), checked_in);

    // A second run finds nothing to write.
    let output = catalog_gen(&["generate", "--out", out.to_str().unwrap()]);
    assert!(output.status.success());
    assert!(
        stderr(&output).starts_with("warning[redirect-mismatch]"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("unchanged:"), "{}", stderr(&output));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn generate_writes_nothing_when_the_docs_have_errors() {
    let dir = temp_dir("broken");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("page.md"), "# `CODE`\n\n```json\n{ not json\n```\n").unwrap();
    let out = dir.join("generated.rs");
    std::fs::write(&out, "previous contents").unwrap();
    let output = catalog_gen(&[
        "generate",
        "--docs",
        docs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("error[invalid-json]: page.md:4:3: the JSON example is not valid JSON"),
        "{}",
        stderr(&output)
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous contents");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn check_passes_on_the_checked_in_catalog() {
    let output = catalog_gen(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}
