//! Diagnostics: what went wrong or looks wrong in the docs, and where.

use std::fmt;
use std::ops::Range;

use serde::Serialize;
use smartcar_errors_shared::text::Escaped;

use crate::model::Source;

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
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

/// Defines [`Lint`] from one entry per lint: its doc comment (which is also its summary), its
/// variant, its id (also its serialized form) and its severity.
macro_rules! lints {
    ($( #[doc = $summary:literal] $variant:ident = ($id:literal, $severity:ident), )*) => {
        /// Every kind of problem catalog-gen reports, each with a stable id
        /// (`catalog-gen lint --list`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[non_exhaustive]
        pub enum Lint {
            $( #[doc = $summary] #[serde(rename = $id)] $variant, )*
        }

        impl Lint {
            /// Every lint, errors first.
            pub const ALL: &'static [Lint] = &[$(Lint::$variant),*];

            /// The stable, kebab-case id (`invalid-json`).
            pub fn id(self) -> &'static str {
                match self { $( Lint::$variant => $id, )* }
            }

            /// Whether it stops generation (error) or not (warning).
            pub fn severity(self) -> Severity {
                match self { $( Lint::$variant => Severity::$severity, )* }
            }

            /// What it means, in one sentence.
            pub fn summary(self) -> &'static str {
                match self { $( Lint::$variant => $summary.trim_ascii_start(), )* }
            }
        }
    };
}

lints! {
    /// A page is not valid UTF-8.
    InvalidUtf8 = ("invalid-utf8", Error),
    /// A code's JSON example is not valid JSON.
    InvalidJson = ("invalid-json", Error),
    /// A JSON example lacks a field the catalog needs, or has one of the wrong type.
    InvalidExample = ("invalid-example", Error),
    /// A code heading has no JSON example, so its type and status are unknown.
    MissingExample = ("missing-example", Error),
    /// A page has both code headings and a Connect parameter table.
    MixedPage = ("mixed-page", Error),
    /// A Connect parameter table lacks the `error` or `error_description` row.
    MissingParameter = ("missing-parameter", Error),
    /// A Connect parameter row lacks a name or description, or its Required cell is not `true`/`false`.
    InvalidParameter = ("invalid-parameter", Error),
    /// A Connect page's `error` value is empty or contains white space.
    InvalidErrorName = ("invalid-error-name", Error),
    /// The same API (type, code) or Connect error is documented twice.
    DuplicateCode = ("duplicate-code", Error),
    /// A type, code or error has no letter or digit to name a Rust variant after.
    InvalidName = ("invalid-name", Error),
    /// Two documented strings map to the same Rust variant name.
    NameCollision = ("name-collision", Error),
    /// A page documents no error (neither code headings nor a parameter table).
    NoCodes = ("no-codes", Warning),
    /// A JSON example's `code` differs from its heading, or is missing.
    ExampleCodeMismatch = ("example-code-mismatch", Warning),
    /// A JSON example's `type` differs from the one most examples on its page show.
    ExampleTypeMismatch = ("example-type-mismatch", Warning),
    /// A `docURL` anchor does not match its code, or points to another page.
    DocUrlMismatch = ("doc-url-mismatch", Warning),
    /// Codes of one type document different HTTP statuses.
    StatusMismatch = ("status-mismatch", Warning),
    /// An example's `suggestedUserMessage` differs from the Suggested User Message section.
    UserMessageMismatch = ("user-message-mismatch", Warning),
    /// A Connect page's example redirect shows another error than its parameter table.
    RedirectMismatch = ("redirect-mismatch", Warning),
    /// A code has no Suggested User Message section, or neither a Suggested Resolution nor Troubleshooting Steps section.
    MissingSection = ("missing-section", Warning),
    /// A code has the same section twice; the texts are joined.
    DuplicateSection = ("duplicate-section", Warning),
    /// Text after a separator belongs to no section and is left out of the catalog.
    StrayContent = ("stray-content", Warning),
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One problem found in the docs, with its lint and its position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Diagnostic {
    /// Error or warning (the lint's severity).
    pub severity: Severity,
    /// What kind of problem it is; serialized as its id.
    pub id: Lint,
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is.
    pub source: Source,
    /// The byte range in the file that it points at (empty: a point, located by `source`).
    #[serde(skip)]
    pub span: Range<usize>,
}

impl Diagnostic {
    /// A diagnostic of `lint` at `source`.
    pub fn new(lint: Lint, message: impl Into<String>, source: Source, span: Range<usize>) -> Self {
        Diagnostic {
            severity: lint.severity(),
            id: lint,
            message: message.into(),
            source,
            span,
        }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics into reading order: by position, then lint, then message.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| (&a.source, a.id, &a.message).cmp(&(&b.source, b.id, &b.message)));
}

/// The plain one-line form: `error[invalid-json]: file:line:col: message`. It is always one
/// line: control and text-direction characters in the file name and the message (which quote
/// the docs) are escaped, so docs text can never forge a line of a log.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The position's digits and colons are never escaped: only its file name can be.
        write!(
            f,
            "{}[{}]: {}: {}",
            self.severity,
            self.id,
            Escaped(&self.source.to_string()),
            Escaped(&self.message)
        )
    }
}

/// Maps byte offsets of one file to 1-based line and character column.
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
        let saturate = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        (saturate(line + 1), saturate(column))
    }

    /// Where 1-based line `line` starts in `text`, and its text without its line break (`None`
    /// past the last line).
    #[cfg(feature = "reports")]
    pub fn line<'t>(&self, text: &'t str, line: u32) -> Option<(usize, &'t str)> {
        let start = *self.line_starts.get((line as usize).checked_sub(1)?)?;
        let line = text.get(start..)?.split('\n').next()?;
        Some((start, line.strip_suffix('\r').unwrap_or(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lint_ids_are_unique_kebab_case_and_errors_come_first() {
        let ids: std::collections::BTreeSet<&str> = Lint::ALL.iter().map(|lint| lint.id()).collect();
        assert_eq!(ids.len(), Lint::ALL.len());
        for lint in Lint::ALL {
            let kebab = lint
                .id()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
            assert!(kebab, "{lint}");
        }
        let first_warning = Lint::ALL
            .iter()
            .position(|l| l.severity() == Severity::Warning)
            .unwrap();
        assert!(
            Lint::ALL[first_warning..]
                .iter()
                .all(|l| l.severity() == Severity::Warning)
        );
    }

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
