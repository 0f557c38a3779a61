//! Helpers shared by the cross-crate tests: where the fixtures are, and an independent
//! reader of the fenced blocks in a page.

use std::path::{Path, PathBuf};

use catalog_gen::{Parsed, Snapshot};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests package sits in the workspace")
        .to_path_buf()
}

/// The checked-in docs snapshot.
pub fn snapshot_dir() -> PathBuf {
    workspace_root().join("docs-snapshot")
}

/// The checked-in generated catalog.
pub fn generated_file() -> PathBuf {
    workspace_root().join("catalog/src/generated.rs")
}

/// A fixture directory under `tests/fixtures`.
pub fn fixture_dir(name: &str) -> PathBuf {
    workspace_root().join("tests/fixtures").join(name)
}

/// Reads the snapshot in `dir`.
pub fn read_snapshot(dir: &Path) -> Snapshot {
    Snapshot::read(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
}

/// Parses one page of the synthetic fixtures (path relative to the fixture root), returning
/// its text too.
pub fn synthetic_page(path: &str) -> (String, Parsed) {
    let file = fixture_dir("synthetic").join(path);
    let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()));
    let parsed = catalog_gen::parse_page(path, &bytes);
    (String::from_utf8(bytes).expect("fixtures are UTF-8"), parsed)
}

/// The content of the first fenced block with language `lang` after the line `after`, read
/// line by line (independently of the parser under test).
pub fn fence_after(text: &str, after: &str, lang: &str) -> String {
    let mut lines = text.lines().skip_while(|line| *line != after);
    assert!(lines.next().is_some(), "no line `{after}`");
    let mut lines = lines.skip_while(|line| !line.starts_with(&format!("```{lang}")));
    assert!(lines.next().is_some(), "no ```{lang} fence after `{after}`");
    let mut content = String::new();
    for line in lines.take_while(|line| *line != "```") {
        content.push_str(line);
        content.push('\n');
    }
    content
}

/// The diagnostics of a parse as `(severity, id, line)` triples.
pub fn diagnostic_ids(parsed: &Parsed) -> Vec<(String, &'static str, u32)> {
    parsed
        .diagnostics
        .iter()
        .map(|d| (d.severity.to_string(), d.id.id(), d.source.line))
        .collect()
}
