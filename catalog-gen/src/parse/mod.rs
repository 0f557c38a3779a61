//! Docs pages to the catalog model.
//!
//! Pages are recognized by what they contain: an API errors page has code headings
//! (`` # `CODE` ``), a Connect error page has a Parameter | Required | Description table.
//! Problems become [`Diagnostic`]s with their file, line and column; every code heading
//! becomes either an entry or an error.

mod example;
mod html;
mod page;
mod text;

use std::cmp::Reverse;
use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;

use pulldown_cmark::Options;

use crate::diagnostic::{Diagnostic, LineIndex, Lint};
use crate::model::{Catalog, Source};
use crate::snapshot::Snapshot;

/// The result of reading a snapshot: the catalog and everything found wrong on the way.
#[derive(Debug, Clone, Default)]
pub(crate) struct Parsed {
    /// The entries that could be read, sorted.
    pub(crate) catalog: Catalog,
    /// Errors and warnings, sorted by position.
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Reads every page of `snapshot`.
pub(crate) fn parse_snapshot(snapshot: &Snapshot) -> Parsed {
    let mut parsed = Parsed::default();
    for file in &snapshot.files {
        let bytes = file.bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&file.bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => page::read_page(&FileCtx::new(&file.path, text), &mut parsed),
            Err(error) => {
                let valid = error.valid_up_to();
                // The valid prefix locates the bad byte; it is valid UTF-8 by construction.
                let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
                parsed.diagnostics.push(FileCtx::new(&file.path, prefix).report(
                    Lint::InvalidUtf8,
                    format!("the page is not valid UTF-8 (byte 0x{:02X})", bytes[valid]),
                    valid..valid + 1,
                ));
            }
        }
    }
    finish(&mut parsed);
    parsed
}

/// The markdown extensions the docs use.
pub(crate) const MARKDOWN: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

/// One file being read: its name, text and line index, for positions and diagnostics.
pub(crate) struct FileCtx<'a> {
    pub path: &'a str,
    pub text: &'a str,
    index: LineIndex,
}

impl<'a> FileCtx<'a> {
    pub(crate) fn new(path: &'a str, text: &'a str) -> Self {
        FileCtx {
            path,
            text,
            index: LineIndex::new(text),
        }
    }

    /// The position of byte `offset`.
    pub(crate) fn source(&self, offset: usize) -> Source {
        let (line, column) = self.index.line_col(self.text, offset);
        Source {
            file: self.path.to_owned(),
            line,
            column,
        }
    }

    /// A diagnostic of `lint` at `span` of this file.
    pub(crate) fn report(&self, lint: Lint, message: impl Into<String>, span: Range<usize>) -> Diagnostic {
        Diagnostic::new(lint, message, self.source(span.start), span)
    }
}

/// Cross-page checks, then the canonical order.
fn finish(parsed: &mut Parsed) {
    let catalog = &mut parsed.catalog;
    catalog.sort();
    let diagnostics = &mut parsed.diagnostics;
    // A name documented twice cannot be one variant: keep the first, report the rest.
    catalog.api_errors.dedup_by(|later, first| {
        let twice = later.key() == first.key();
        if twice {
            diagnostics.push(duplicate(&later.source, &first.source, &later.key().to_string()));
        }
        twice
    });
    catalog.connect_errors.dedup_by(|later, first| {
        let twice = later.error() == first.error();
        if twice {
            diagnostics.push(duplicate(&later.source, &first.source, later.error()));
        }
        twice
    });
    status_consistency(catalog, diagnostics);
    crate::diagnostic::sort(diagnostics);
}

fn duplicate(at: &Source, first: &Source, name: &str) -> Diagnostic {
    Diagnostic::new(
        Lint::DuplicateCode,
        format!("`{name}` is documented twice; first at {first}"),
        at.clone(),
        0..0,
    )
}

/// Warns about codes whose status differs from the one most codes of their type share.
fn status_consistency(catalog: &Catalog, diagnostics: &mut Vec<Diagnostic>) {
    // The catalog is sorted: the codes of a type are adjacent.
    for codes in catalog.api_errors.chunk_by(|a, b| a.error_type == b.error_type) {
        let mut statuses: Vec<u16> = codes.iter().map(|entry| entry.status_code).collect();
        // Of equally common statuses, the lowest is the usual one.
        statuses.sort_unstable();
        // A chunk is never empty: it has a usual status.
        let usual = most_common(statuses).unwrap_or_default();
        for entry in codes.iter().filter(|entry| entry.status_code != usual) {
            diagnostics.push(Diagnostic::new(
                Lint::StatusMismatch,
                format!(
                    "`{}` has status {}; other `{}` codes have {usual}",
                    entry.key(),
                    entry.status_code,
                    entry.error_type,
                ),
                entry.source.clone(),
                0..0,
            ));
        }
    }
}

/// The value `values` hold most often; of equals, the first.
fn most_common<T: Eq + Hash + Copy>(values: impl IntoIterator<Item = T>) -> Option<T> {
    // Each value: how often it occurs, and where first.
    let mut counts: HashMap<T, (usize, usize)> = HashMap::new();
    for (index, value) in values.into_iter().enumerate() {
        counts.entry(value).or_insert((0, index)).0 += 1;
    }
    let most = counts
        .into_iter()
        .max_by_key(|&(_, (count, first))| (count, Reverse(first)));
    most.map(|(value, _)| value)
}
