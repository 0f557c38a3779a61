//! What every parse of a docs page must satisfy, whatever the page, and what the catalog
//! generated from a page without errors must satisfy.

use catalog_gen::{Diagnostic, Docs, Error, Source, Style};

use crate::grammar::{Page, Rendered};

/// The name the fuzzed page goes by.
pub const PAGE_PATH: &str = "fuzz.md";

/// A page that passed every check, with what was read from it.
#[derive(Debug)]
pub struct Checked {
    /// The docs of the page.
    pub docs: Docs,
    /// The generated catalog, when generation succeeded.
    pub code: Option<String>,
}

/// Parses `bytes` as a page and checks the result: positions lie in the page, entries name
/// the page, the catalog is sorted, every diagnostic is one line, and the page generates
/// code that parses exactly when it has no error.
pub fn check_page(bytes: &[u8]) -> Checked {
    let docs = Docs::from_pages([(PAGE_PATH.to_owned(), bytes.to_vec())]);
    let lines = Lines::of(bytes);
    for diagnostic in docs.diagnostics() {
        lines.check(&diagnostic.source, &diagnostic.to_string());
        check_one_line(diagnostic);
    }
    check_rendering(&docs);
    for entry in &docs.catalog().api_errors {
        lines.check(&entry.source, &format!("entry {:?}", entry.key()));
    }
    for entry in &docs.catalog().connect_errors {
        lines.check(&entry.source, &format!("entry {:?}", entry.error()));
    }
    check_order(&docs);
    let code = check_generation(&docs);
    Checked { docs, code }
}

/// Both forms of the report hold nothing but printable text and line breaks, and the plain one
/// a line per diagnostic and one for the count.
fn check_rendering(docs: &Docs) {
    let plain = docs.render(docs.diagnostics(), Style::Plain);
    let expected_lines = docs.diagnostics().len() + usize::from(!docs.diagnostics().is_empty());
    assert_eq!(plain.lines().count(), expected_lines, "plain report:\n{plain}");
    let rich = docs.render(docs.diagnostics(), Style::Snippet { color: false });
    for line in plain.lines().chain(rich.lines()) {
        assert!(
            smartcar_errors_shared::text::is_safe(line),
            "a report line holds an unsafe character: {line:?}"
        );
    }
}

/// A diagnostic's plain form is one line: no docs text can break it or drive a terminal.
fn check_one_line(diagnostic: &Diagnostic) {
    let line = diagnostic.to_string();
    assert!(
        smartcar_errors_shared::text::is_safe(&line),
        "a diagnostic's plain form holds an unsafe character: {line:?}"
    );
}

/// Renders `page`, checks it as any page, and checks that every code heading it wrote
/// became an entry or an error below it.
pub fn check_markdown_page(page: &Page) -> Checked {
    let rendered = page.render();
    let checked = check_page(rendered.markdown.as_bytes());
    check_headings(&rendered, &checked.docs);
    checked
}

/// Each code heading becomes exactly one entry (its source is the heading) or at least one
/// error between it and the next heading written.
fn check_headings(rendered: &Rendered, docs: &Docs) {
    let headings = &rendered.code_headings;
    for (i, &line) in headings.iter().enumerate() {
        let end = headings.get(i + 1).copied().unwrap_or(u32::MAX);
        let entries = docs
            .catalog()
            .api_errors
            .iter()
            .filter(|entry| entry.source.line == line)
            .count();
        let errors = docs
            .diagnostics()
            .iter()
            .any(|d| d.is_error() && (line..end).contains(&d.source.line));
        assert!(
            entries == 1 || (entries == 0 && errors),
            "the code heading on line {line} became {entries} entries and no error below it\n\
             diagnostics: {:#?}\npage:\n{}",
            docs.diagnostics(),
            rendered.markdown
        );
    }
}

/// API entries strictly ascending by (type, code), a null code first; Connect entries by
/// error; diagnostics by position.
fn check_order(docs: &Docs) {
    let api = &docs.catalog().api_errors;
    for pair in api.windows(2) {
        assert!(
            pair[0].key() < pair[1].key(),
            "API entries out of order: {:?} before {:?}",
            pair[0].key(),
            pair[1].key()
        );
    }
    let connect = &docs.catalog().connect_errors;
    for pair in connect.windows(2) {
        assert!(
            pair[0].error() < pair[1].error(),
            "Connect entries out of order: {:?} before {:?}",
            pair[0].error(),
            pair[1].error()
        );
    }
    for pair in docs.diagnostics().windows(2) {
        assert!(
            pair[0].source <= pair[1].source,
            "diagnostics out of order: {} before {}",
            pair[0],
            pair[1]
        );
    }
}

/// Generates the catalog of the page: code that parses, whose header records the docs'
/// hash, exactly when the page has no error and documents an error.
fn check_generation(docs: &Docs) -> Option<String> {
    match docs.rust_source() {
        Ok(code) => {
            assert!(!docs.has_errors(), "docs with errors generated code");
            let header = format!(
                "// @generated by catalog-gen from docs (sha256 {}). DO NOT EDIT.\n",
                docs.hash()
            );
            assert!(
                code.starts_with(&header),
                "the header does not record the docs hash"
            );
            if let Err(error) = syn::parse_file(&code) {
                panic!("the generated code does not parse: {error}\n{code}");
            }
            Some(code)
        }
        Err(Error::Docs { diagnostics }) => {
            assert!(docs.has_errors(), "docs without errors generated nothing");
            assert_eq!(
                diagnostics.len(),
                docs.diagnostics().len(),
                "generation found other problems"
            );
            None
        }
        Err(Error::NoErrorsDocumented { diagnostics }) => {
            let catalog = docs.catalog();
            assert!(
                catalog.api_errors.is_empty() && catalog.connect_errors.is_empty(),
                "a page that documents errors was called empty"
            );
            assert_eq!(diagnostics, docs.diagnostics(), "generation found other problems");
            None
        }
        Err(error) => panic!(
            "a page failed to generate: {error}\ncatalog: {:#?}",
            docs.catalog()
        ),
    }
}

/// The width in characters of each line of a page, as the parser sees it: without a byte
/// order mark, up to the first invalid UTF-8 byte.
struct Lines(Vec<usize>);

impl Lines {
    fn of(bytes: &[u8]) -> Lines {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let valid = match std::str::from_utf8(bytes) {
            Ok(_) => bytes.len(),
            Err(error) => error.valid_up_to(),
        };
        let text = std::str::from_utf8(&bytes[..valid]).expect("the prefix is valid UTF-8");
        Lines(text.split('\n').map(|line| line.chars().count()).collect())
    }

    /// Asserts that `source` names the page and a position in it.
    fn check(&self, source: &Source, what: &str) {
        assert_eq!(source.file, PAGE_PATH, "{what}: wrong file");
        let line = usize::try_from(source.line).unwrap_or(usize::MAX);
        assert!(
            (1..=self.0.len()).contains(&line),
            "{what}: line {line} is outside the page's {} lines",
            self.0.len()
        );
        let width = self.0[line - 1];
        let column = usize::try_from(source.column).unwrap_or(usize::MAX);
        assert!(
            (1..=width + 1).contains(&column),
            "{what}: column {column} is outside line {line} ({width} characters)"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_counted_as_the_parser_counts_them() {
        let lines = Lines::of(b"\xEF\xBB\xBFab\n\xE2\x80\x99x\n\xFF\n");
        assert_eq!(lines.0, [2, 2, 0]);
        let at = |line, column| Source {
            file: PAGE_PATH.into(),
            line,
            column,
        };
        lines.check(&at(2, 3), "end of line 2");
        lines.check(&at(3, 1), "the invalid byte");
        assert!(std::panic::catch_unwind(|| lines.check(&at(4, 1), "past the end")).is_err());
        assert!(std::panic::catch_unwind(|| lines.check(&at(1, 0), "column 0")).is_err());
    }
}
