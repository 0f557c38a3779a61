//! The same docs give the same bytes: whatever the order or names of the files, the time, the
//! locale or the directory the generator runs from.

use catalog_gen::Docs;
use smartcar_errors_tests::{fixture_dir, generated_file, pages, snapshot_dir};

fn code(pages: Vec<(String, Vec<u8>)>) -> String {
    Docs::from_pages(pages).code().unwrap()
}

#[test]
fn file_order_and_names_do_not_change_the_output() {
    let pages = pages(&fixture_dir("synthetic"));
    let forward = code(pages.clone());
    let renamed = pages
        .iter()
        .rev()
        .enumerate()
        .map(|(i, (path, bytes))| (format!("z/{i}-{}", path.replace('/', "_")), bytes.clone()))
        .collect();
    assert_eq!(code(renamed), forward);
    assert_eq!(code(pages), forward, "a second run is identical");
}

#[test]
fn the_checked_in_file_is_reproduced_under_another_locale_timezone_and_directory() {
    let out = std::env::temp_dir().join(format!("smartcar-errors-determinism-{}.rs", std::process::id()));
    let status = std::process::Command::new(env!("CARGO"))
        .args(["run", "-q", "--offline", "-p", "catalog-gen", "--manifest-path"])
        .arg(smartcar_errors_tests::workspace_root().join("Cargo.toml"))
        .arg("--")
        .arg("generate")
        .arg("--docs")
        .arg(snapshot_dir())
        .arg("--out")
        .arg(&out)
        .current_dir(std::env::temp_dir())
        .env("LC_ALL", "tr_TR.UTF-8")
        .env("LANG", "tr_TR.UTF-8")
        .env("TZ", "Pacific/Chatham")
        .env(
            "CARGO_TARGET_DIR",
            std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("build-integration"),
        )
        .status()
        .unwrap();
    assert!(status.success());
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(generated_file()).unwrap()
    );
    std::fs::remove_file(out).unwrap();
}
