//! What every parse of a docs page must satisfy, whatever the page, and what the catalog
//! generated from a page without errors must satisfy.

use catalog_gen::emit::recorded_hash;
use catalog_gen::{Diagnostic, EmitOptions, GenerateError, Generated, Parsed, Snapshot, Source};

use crate::grammar::{Page, Rendered};

/// The name the fuzzed page goes by.
pub const PAGE_PATH: &str = "fuzz.md";

/// The diagnostics generation may add to a page without errors: documented strings that
/// cannot become Rust names.
pub const NAMING_IDS: &[&str] = &["invalid-name", "name-collision"];

/// A page that passed every check, with what was read from it.
#[derive(Debug)]
pub struct Checked {
    /// The parse.
    pub parsed: Parsed,
    /// The generated catalog, when generation succeeded.
    pub generated: Option<Generated>,
}

/// Parses `bytes` as a page and checks the result: positions lie in the page, entries name
/// the page, the catalog is sorted, and a page without errors generates code that parses
/// (or fails only on names).
pub fn check_page(bytes: &[u8]) -> Checked {
    let parsed = catalog_gen::parse_page(PAGE_PATH, bytes);
    let lines = Lines::of(bytes);
    for diagnostic in &parsed.diagnostics {
        lines.check(&diagnostic.source, &diagnostic.to_string());
    }
    for entry in &parsed.catalog.api_errors {
        lines.check(&entry.source, &format!("entry {:?}", entry.key()));
    }
    for entry in &parsed.catalog.connect_errors {
        lines.check(&entry.source, &format!("entry {:?}", entry.error));
    }
    check_order(&parsed);
    let generated = if parsed.has_errors() {
        None
    } else {
        check_generation(bytes, &parsed, &lines)
    };
    Checked { parsed, generated }
}

/// Renders `page`, checks it as any page, and checks that every code heading it wrote
/// became an entry or an error below it.
pub fn check_markdown_page(page: &Page) -> Checked {
    let rendered = page.render();
    let checked = check_page(rendered.markdown.as_bytes());
    check_headings(&rendered, &checked.parsed);
    checked
}

/// Each code heading becomes exactly one entry (its source is the heading) or at least one
/// error between it and the next heading written.
fn check_headings(rendered: &Rendered, parsed: &Parsed) {
    let headings = &rendered.code_headings;
    for (i, &line) in headings.iter().enumerate() {
        let end = headings.get(i + 1).copied().unwrap_or(u32::MAX);
        let entries = parsed
            .catalog
            .api_errors
            .iter()
            .filter(|entry| entry.source.line == line)
            .count();
        let errors = parsed
            .diagnostics
            .iter()
            .any(|d| d.is_error() && (line..end).contains(&d.source.line));
        assert!(
            entries == 1 || (entries == 0 && errors),
            "the code heading on line {line} became {entries} entries and no error below it\n\
             diagnostics: {:#?}\npage:\n{}",
            parsed.diagnostics,
            rendered.markdown
        );
    }
}

/// API entries strictly ascending by (type, code), a null code first; Connect entries by
/// error; diagnostics by position.
fn check_order(parsed: &Parsed) {
    let api = &parsed.catalog.api_errors;
    for pair in api.windows(2) {
        assert!(
            pair[0].key() < pair[1].key(),
            "API entries out of order: {:?} before {:?}",
            pair[0].key(),
            pair[1].key()
        );
    }
    let connect = &parsed.catalog.connect_errors;
    for pair in connect.windows(2) {
        assert!(
            pair[0].error < pair[1].error,
            "Connect entries out of order: {:?} before {:?}",
            pair[0].error,
            pair[1].error
        );
    }
    for pair in parsed.diagnostics.windows(2) {
        assert!(
            pair[0].source <= pair[1].source,
            "diagnostics out of order: {} before {}",
            pair[0],
            pair[1]
        );
    }
}

/// Generates the catalog of the one-page snapshot of a page without errors.
fn check_generation(bytes: &[u8], parsed: &Parsed, lines: &Lines) -> Option<Generated> {
    let snapshot = Snapshot::from_files([(PAGE_PATH.to_owned(), bytes.to_vec())]);
    match catalog_gen::generate(&snapshot, &EmitOptions::default()) {
        Ok(generated) => {
            assert_eq!(generated.catalog, parsed.catalog, "generate read another catalog");
            assert_eq!(
                generated.warnings, parsed.diagnostics,
                "generate found other problems"
            );
            assert_eq!(
                recorded_hash(&generated.code),
                Some(generated.docs_hash.as_str()),
                "the header does not record the docs hash"
            );
            if let Err(error) = syn::parse_file(&generated.code) {
                panic!("the generated code does not parse: {error}\n{}", generated.code);
            }
            Some(generated)
        }
        Err(GenerateError::Docs(diagnostics)) => {
            check_naming_only(&diagnostics, lines);
            None
        }
        Err(GenerateError::Empty(warnings)) => {
            assert!(
                parsed.catalog.api_errors.is_empty() && parsed.catalog.connect_errors.is_empty(),
                "a page that documents errors was called empty"
            );
            assert_eq!(warnings, parsed.diagnostics, "generate found other problems");
            None
        }
        Err(GenerateError::Emit(error)) => {
            panic!(
                "a page without errors failed to emit: {error}\ncatalog: {:#?}",
                parsed.catalog
            )
        }
    }
}

/// A page without parse errors fails to generate only on names.
fn check_naming_only(diagnostics: &[Diagnostic], lines: &Lines) {
    let mut errors = diagnostics.iter().filter(|d| d.is_error()).peekable();
    assert!(errors.peek().is_some(), "generation failed without an error");
    for error in errors {
        assert!(
            NAMING_IDS.contains(&error.id.id()),
            "a page without parse errors failed to generate: {error}"
        );
        lines.check(&error.source, &error.to_string());
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
