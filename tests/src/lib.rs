//! Helpers shared by the cross-crate tests: where the fixtures are, and an independent
//! reader of the fenced blocks in a page.

use std::path::{Path, PathBuf};

use catalog_gen::{ApiErrorEntry, ConnectErrorEntry, Parsed, Snapshot};
use smartcar_errors::table::{ApiCode, ConnectCode, Named};

/// A catalog generated at build time from the hostile pages in `tests/fixtures/hostile-catalog`:
/// keywords and digits as names, quotes, backslashes, comment ends, code fences, HTML, control
/// and text-direction characters in the text. It must compile, document without warnings, hold
/// every string exactly, and carry no doctest.
pub mod hostile_catalog {
    include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs"));
}

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

/// Copies the directory tree `from` into `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
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

/// Asserts that the compiled tables of `C` hold exactly `entries`, every field, in order.
pub fn assert_api_tables_match<C: ApiCode>(entries: &[ApiErrorEntry]) {
    assert_eq!(C::ALL.len(), entries.len());
    // The lookup index: each row's code side by side, each type's rows.
    assert_eq!(C::CODE_STARTS.len(), entries.len() + 1);
    for (i, entry) in entries.iter().enumerate() {
        let (start, end) = (C::CODE_STARTS[i] as usize, C::CODE_STARTS[i + 1] as usize);
        assert_eq!(&C::CODES[start..end], entry.code.as_deref().unwrap_or_default());
    }
    for (t, &error_type) in C::ErrorType::ALL.iter().enumerate() {
        let rows = C::TYPE_STARTS[t] as usize..C::TYPE_STARTS[t + 1] as usize;
        assert!(C::INFO[rows].iter().all(|info| info.error_type == error_type));
    }
    assert_eq!(C::TYPE_STARTS.last().map(|&n| n as usize), Some(entries.len()));
    for (code, entry) in C::ALL.iter().zip(entries) {
        assert_eq!(
            C::from_parts(&entry.error_type, entry.code.as_deref()),
            Some(*code)
        );
        let info = code.info();
        assert_eq!(info.error_type.name(), entry.error_type);
        assert_eq!(info.code, entry.code.as_deref());
        assert_eq!(info.status_code, entry.status_code);
        assert_eq!(info.description, entry.description);
        assert_eq!(info.doc_url, entry.doc_url);
        assert_eq!(info.resolution.map(Named::name), entry.resolution.as_deref());
        assert_eq!(info.resolution_url, entry.resolution_url.as_deref());
        assert_eq!(
            info.suggested_user_message,
            entry.suggested_user_message.as_deref()
        );
        assert_eq!(info.suggested_resolution, entry.suggested_resolution.as_deref());
        assert_eq!(info.troubleshooting_steps, entry.troubleshooting_steps.as_deref());
        assert_eq!(info.explanation, entry.explanation.as_deref());
        assert_eq!(info.page_url, entry.page_url.as_deref());
    }
}

/// Asserts that the compiled tables of `C` hold exactly `entries`, every field, in order.
pub fn assert_connect_tables_match<C: ConnectCode>(entries: &[ConnectErrorEntry]) {
    assert_eq!(C::ALL.len(), entries.len());
    for (code, entry) in C::ALL.iter().zip(entries) {
        assert_eq!(C::from_name(&entry.error), Some(*code));
        let info = code.info();
        assert_eq!(info.error, entry.error);
        assert_eq!(info.description, entry.description);
        assert_eq!(info.title, entry.title.as_deref());
        assert_eq!(info.summary, entry.summary.as_deref());
        assert_eq!(info.details, entry.details.as_deref());
        assert_eq!(info.page_url, entry.page_url.as_deref());
        let parameters: Vec<(&str, bool, &str)> = info
            .parameters
            .iter()
            .map(|p| (p.name, p.required, p.description))
            .collect();
        let expected: Vec<(&str, bool, &str)> = entry
            .parameters
            .iter()
            .map(|p| (p.name.as_str(), p.required, p.description.as_str()))
            .collect();
        assert_eq!(parameters, expected);
    }
}
