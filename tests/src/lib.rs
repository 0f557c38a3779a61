//! Helpers shared by the cross-crate tests: where the fixtures are, and an independent
//! reader of the fenced blocks in a page.

use std::path::{Path, PathBuf};

use catalog_gen::{Builder, Catalog, Diagnostic, Docs};

/// A catalog generated at build time from the hostile pages in `tests/fixtures/hostile-catalog`:
/// keywords and digits as names, quotes, backslashes, comment ends, code fences, HTML, control
/// and text-direction characters in the text. It must compile, document without warnings, hold
/// every string exactly, and carry no doctest.
pub mod hostile_catalog {
    include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs"));
}

/// The repository README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

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

#[path = "../../catalog-gen/src/bin/catalog-gen/checked_in.rs"]
mod checked_in;
pub use checked_in::{REGENERATE_COMMAND, checked_in};

/// Every `.md` page below `dir`, as `(path relative to dir, bytes)`, sorted by path.
pub fn pages(dir: &Path) -> Vec<(String, Vec<u8>)> {
    fn walk(root: &Path, dir: &Path, pages: &mut Vec<(String, Vec<u8>)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, pages);
            } else if path.extension().is_some_and(|e| e == "md") {
                let relative = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .replace('\\', "/");
                pages.push((relative, std::fs::read(&path).unwrap()));
            }
        }
    }
    let mut pages = Vec::new();
    walk(dir, dir, &mut pages);
    pages.sort();
    pages
}

/// Reads the docs in `dir`.
pub fn read_docs(dir: &Path) -> Docs {
    Builder::new()
        .docs_dir(dir)
        .cargo_metadata(false)
        .read()
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
}

/// The docs of one page, `bytes`, named `path`.
pub fn page_docs(path: &str, bytes: &[u8]) -> Docs {
    Docs::from_pages([(path.to_owned(), bytes.to_vec())])
}

/// What reading docs found: the catalog and every diagnostic.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The entries that could be read.
    pub catalog: Catalog,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Parsed {
    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

impl From<Docs> for Parsed {
    fn from(docs: Docs) -> Self {
        Parsed {
            catalog: docs.catalog().clone(),
            diagnostics: docs.diagnostics().to_vec(),
        }
    }
}

/// Reads the docs in `dir`: their catalog and diagnostics.
pub fn parse_dir(dir: &Path) -> Parsed {
    read_docs(dir).into()
}

/// Reads one page, `bytes`, named `path`.
pub fn parse_page(path: &str, bytes: &[u8]) -> Parsed {
    page_docs(path, bytes).into()
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
    let parsed = parse_page(path, &bytes);
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

/// Asserts that the catalog compiled in module `$catalog` (the built-in one, or one a build
/// script generated) holds exactly the entries of `$model` (a `catalog_gen::Catalog`), every
/// field, in order, and finds each by its documented strings. It uses only the enums' own
/// methods: no trait is imported.
#[macro_export]
macro_rules! assert_catalog_matches {
    ($catalog:path, $model:expr) => {{
        use $catalog as catalog;
        let model: &catalog_gen::Catalog = $model;
        assert_eq!(catalog::ApiErrorCode::ALL.len(), model.api_errors.len());
        for (code, entry) in catalog::ApiErrorCode::ALL.iter().zip(&model.api_errors) {
            assert_eq!(
                catalog::ApiErrorCode::from_parts(&entry.error_type, entry.code.as_deref()),
                Some(*code)
            );
            assert_eq!(code.to_string().parse::<catalog::ApiErrorCode>(), Ok(*code));
            let info = code.info();
            assert_eq!(info.error_type.as_str(), entry.error_type);
            assert_eq!(info.code, entry.code.as_deref());
            assert_eq!(info.status_code, entry.status_code);
            assert_eq!(info.description, entry.description);
            assert_eq!(info.doc_url, entry.doc_url);
            assert_eq!(info.resolution.map(|r| r.as_str()), entry.resolution.as_deref());
            assert_eq!(info.resolution_url, entry.resolution_url.as_deref());
            assert_eq!(
                info.suggested_user_message,
                entry.suggested_user_message.as_deref()
            );
            assert_eq!(info.suggested_resolution, entry.suggested_resolution.as_deref());
            assert_eq!(info.troubleshooting_steps, entry.troubleshooting_steps.as_deref());
            assert_eq!(info.explanation, entry.explanation.as_deref());
            assert_eq!(info.page_url, entry.page_url.as_deref());
            assert_eq!(info.removed_from_docs, None);
        }
        assert_eq!(catalog::ConnectErrorCode::ALL.len(), model.connect_errors.len());
        for (error, entry) in catalog::ConnectErrorCode::ALL.iter().zip(&model.connect_errors) {
            assert_eq!(entry.error().parse::<catalog::ConnectErrorCode>(), Ok(*error));
            assert_eq!(error.as_str(), entry.error());
            let info = error.info();
            assert_eq!(info.error(), entry.error());
            assert_eq!(info.description(), entry.description());
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
    }};
}
