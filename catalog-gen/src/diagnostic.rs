//! Diagnostics: what went wrong or looks wrong in the docs, and where.

use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::model::Source;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The docs cannot become a catalog; nothing is written.
    Error,
    /// The docs are inconsistent, but a catalog can still be generated.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One problem found in the docs, with a stable id and its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// A stable, kebab-case identifier (`invalid-json`, `duplicate-code`).
    pub id: &'static str,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is.
    pub source: Source,
    /// The byte range in the file that the diagnostic points at.
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Diagnostic {
    /// An error at `source`.
    pub fn error(id: &'static str, message: impl Into<String>, source: Source, span: Range<usize>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            id,
            message: message.into(),
            source,
            span,
        }
    }

    /// A warning at `source`.
    pub fn warning(id: &'static str, message: impl Into<String>, source: Source, span: Range<usize>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(id, message, source, span)
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The plain one-line form: `error[invalid-json]: file:line:col: message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {}: {}",
            self.severity, self.id, self.source, self.message
        )
    }
}

/// Maps byte offsets of one file to 1-based line and character column.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { line_starts }
    }

    /// The 1-based line and column of `offset` in `text` (clamped to the text).
    pub fn line_col(&self, text: &str, offset: usize) -> (u32, u32) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let column = text[self.line_starts[line]..offset].chars().count() + 1;
        (saturate(line + 1), saturate(column))
    }
}

fn saturate(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_from_one() {
        let text = "ab\n’x\n\nz";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(text, 0), (1, 1));
        assert_eq!(index.line_col(text, 2), (1, 3));
        assert_eq!(index.line_col(text, 3), (2, 1));
        // after the three-byte apostrophe
        assert_eq!(index.line_col(text, 6), (2, 2));
        // inside the apostrophe: clamped back to its start
        assert_eq!(index.line_col(text, 4), (2, 1));
        assert_eq!(index.line_col(text, 9), (4, 1));
        assert_eq!(index.line_col(text, 999), (4, 2));
    }
}
