//! Printing diagnostics: one line each (plain, for tests and logs) or with the source line and
//! a caret under the problem, as rustc and cargo print them (annotate-snippets).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use smartcar_errors_shared::text::{Escaped, is_unsafe};

use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::snapshot::Snapshot;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// `error[invalid-json]: file:line:col: message`, one line each.
    Plain,
    /// The message, the position and the source line with a caret; colored if `color`.
    Snippet {
        /// Whether to use terminal colors.
        color: bool,
    },
}

/// Renders `diagnostics` (whose files are in `snapshot`) followed by a count, each ending in
/// a newline. Empty when there are none. Files are named as the user can open them: below the
/// snapshot's directory when it was read from one.
///
/// The cost is linear: each file is decoded and indexed once, and a snippet shows at most
/// [`CONTEXT_CHARS`] characters on each side of the problem, however long its line. Text from
/// the docs is escaped or replaced (control and text-direction characters), so it cannot
/// forge a line or drive the terminal.
pub fn render(diagnostics: &[Diagnostic], snapshot: &Snapshot, style: Style) -> String {
    let mut out = String::new();
    let mut files: BTreeMap<&str, Option<(Cow<'_, str>, LineIndex)>> = BTreeMap::new();
    for diagnostic in diagnostics {
        let shown = shown(diagnostic, snapshot);
        match style {
            Style::Plain => {
                let _ = writeln!(out, "{shown}");
            }
            Style::Snippet { color } => {
                let renderer = if color {
                    Renderer::styled()
                } else {
                    Renderer::plain()
                };
                let file = files.entry(diagnostic.source.file.as_str()).or_insert_with(|| {
                    let file = snapshot.file(&diagnostic.source.file)?;
                    let text = String::from_utf8_lossy(&file.bytes);
                    let index = LineIndex::new(&text);
                    Some((text, index))
                });
                let file = file.as_ref().map(|(text, index)| (text.as_ref(), index));
                out.push_str(&render_one(diagnostic, &shown, file, &renderer));
                out.push_str("\n\n");
            }
        }
    }
    if let Some(count) = count(diagnostics) {
        out.push_str(&count);
        out.push('\n');
    }
    out
}

/// `diagnostics` in the plain form, one line each, then their count.
pub fn plain(diagnostics: &[Diagnostic]) -> String {
    render(diagnostics, &Snapshot::default(), Style::Plain)
}

/// `2 errors, 1 warning`, or `None` when there are no diagnostics.
pub fn count(diagnostics: &[Diagnostic]) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    let plural = |n: usize, noun: &str| format!("{n} {noun}{}", if n == 1 { "" } else { "s" });
    match (errors, warnings) {
        (0, 0) => None,
        (0, w) => Some(plural(w, "warning")),
        (e, 0) => Some(plural(e, "error")),
        (e, w) => Some(format!("{}, {}", plural(e, "error"), plural(w, "warning"))),
    }
}

/// One diagnostic with its source line, when its file's text and index are at hand.
fn render_one(
    diagnostic: &Diagnostic,
    shown: &Diagnostic,
    file: Option<(&str, &LineIndex)>,
    renderer: &Renderer,
) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = Escaped(&diagnostic.message).to_string();
    let path = Escaped(&shown.source.file).to_string();
    let title = level.primary_title(message.as_str()).id(diagnostic.id.id());
    let line = file.and_then(|(text, index)| {
        let range = index.line_range(text, diagnostic.source.line)?;
        Some((&text[range.clone()], range.start))
    });
    let Some((line, line_start)) = line else {
        // No text to show (the catalog as a whole, or a file not in this snapshot).
        let origin = Origin::path(path.as_str())
            .line(shown.source.line as usize)
            .char_column(shown.source.column as usize);
        return renderer.render(&[title.element(origin)]);
    };
    let (excerpt, span) = excerpt(line, span_in_line(line, line_start, diagnostic));
    let report = [title.element(
        Snippet::source(excerpt.as_str())
            .line_start(diagnostic.source.line as usize)
            .path(path.as_str())
            .annotation(AnnotationKind::Primary.span(span.clone())),
    )];
    let rendered = renderer.render(&report);
    // The snippet shows a window of a long line: its location names the window's column,
    // which becomes the line's.
    let window_column = excerpt[..span.start].chars().count() + 1;
    if window_column == shown.source.column as usize {
        return rendered;
    }
    let line_number = shown.source.line;
    rendered.replacen(
        &format!("--> {path}:{line_number}:{window_column}\n"),
        &format!("--> {path}:{line_number}:{}\n", shown.source.column),
        1,
    )
}

/// `diagnostic` as shown to the user: its file below the directory `snapshot` was read
/// from, if it was read from one.
fn shown<'d>(diagnostic: &'d Diagnostic, snapshot: &Snapshot) -> Cow<'d, Diagnostic> {
    shown_under(diagnostic, snapshot.directories.first().map(PathBuf::as_path))
}

/// `diagnostic` with its file named below `root`, if given.
pub(crate) fn shown_under<'d>(diagnostic: &'d Diagnostic, root: Option<&Path>) -> Cow<'d, Diagnostic> {
    match root {
        Some(root) => {
            let mut shown = diagnostic.clone();
            shown.source.file = root.join(&diagnostic.source.file).display().to_string();
            Cow::Owned(shown)
        }
        None => Cow::Borrowed(diagnostic),
    }
}

/// The characters a snippet shows on each side of the problem (and of the problem itself).
pub const CONTEXT_CHARS: usize = 80;

/// The byte range within `line` (which starts at `line_start` in its file) that the diagnostic
/// points at: its span when the span starts at its column, else the character at its column;
/// at least one character when the line has any.
fn span_in_line(line: &str, line_start: usize, diagnostic: &Diagnostic) -> Range<usize> {
    let column = (diagnostic.source.column as usize).saturating_sub(1);
    let start = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
    let span = &diagnostic.span;
    let wanted_end = if span.end > span.start && span.start == line_start + start {
        span.end - line_start
    } else {
        start + 1
    };
    let mut end = wanted_end.clamp(start, line.len());
    while !line.is_char_boundary(end) {
        end += 1;
    }
    if end == start && start < line.len() {
        end = start + line[start..].chars().next().map_or(0, char::len_utf8);
    }
    start..end
}

/// The part of `line` around `span` that a snippet shows, and where `span` is in it: at most
/// [`CONTEXT_CHARS`] characters before the span, of the span and after it, `…` where the line
/// goes on, and every unsafe character (control, text direction) shown as U+FFFD.
fn excerpt(line: &str, span: Range<usize>) -> (String, Range<usize>) {
    let from = line[..span.start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(span.start, |(i, _)| i);
    let span_end = line[span.start..span.end]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(span.end, |(i, _)| span.start + i);
    let to = line[span_end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(line.len(), |(i, _)| span_end + i);
    let mut shown = String::new();
    if from > 0 {
        shown.push('…');
    }
    let mut shown_span = 0..0;
    for (i, c) in line[from..to].char_indices() {
        if from + i == span.start {
            shown_span.start = shown.len();
        }
        if from + i == span_end {
            shown_span.end = shown.len();
        }
        shown.push(if is_unsafe(c) { '\u{FFFD}' } else { c });
    }
    if span_end == to {
        shown_span.end = shown.len();
    }
    if span.start == to {
        shown_span.start = shown.len();
    }
    if to < line.len() {
        shown.push('…');
    }
    (shown, shown_span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_snapshot;

    fn snapshot(text: &str) -> Snapshot {
        Snapshot::from_files([("docs/page.md".to_owned(), text.as_bytes().to_vec())])
    }

    #[test]
    fn snippets_show_the_line_and_a_caret() {
        let snapshot = snapshot("# T\n\n# `CODE`\n\n```json\n{\"type\": 1}\n```\n");
        let parsed = parse_snapshot(&snapshot);
        let text = render(&parsed.diagnostics, &snapshot, Style::Snippet { color: false });
        assert!(
            text.contains(
                "error[invalid-example]: `type` must be a string\n --> docs/page.md:6:10\n  |\n6 | {\"type\": 1}\n  |          ^\n"
            ),
            "{text}"
        );
        assert!(text.ends_with("4 errors\n"), "{text}");
        let plain = render(&parsed.diagnostics, &snapshot, Style::Plain);
        assert_eq!(
            plain,
            "error[invalid-example]: docs/page.md:6:1: the JSON example has no `description`\n\
             error[invalid-example]: docs/page.md:6:1: the JSON example has no `docURL`\n\
             error[invalid-example]: docs/page.md:6:1: the JSON example has no `statusCode`\n\
             error[invalid-example]: docs/page.md:6:10: `type` must be a string\n\
             4 errors\n"
        );
    }

    #[test]
    fn counts_read_naturally() {
        let snapshot = snapshot("# `A`\n\n# `B`\n\nno codes\n");
        let parsed = parse_snapshot(&snapshot);
        assert_eq!(count(&parsed.diagnostics[..1]), Some("1 error".into()));
        assert_eq!(count(&parsed.diagnostics), Some("2 errors".into()));
        assert_eq!(count(&[]), None);
        let warning = parse_snapshot(&Snapshot::from_files([("x.md".to_owned(), Vec::new())]));
        assert_eq!(count(&warning.diagnostics), Some("1 warning".into()));
    }

    #[test]
    fn docs_text_cannot_forge_a_line_or_reach_the_terminal() {
        let page = "# `CODE`\n\n```json\n{\"type\": \"A\", \"statusCode\": 400, \"description\": \"d\", \"docURL\": \"x\\nwarning[forged]: \\u001b[2J\", \"code\": \"CODE\"}\n```\n";
        let snapshot = snapshot(page);
        let parsed = parse_snapshot(&snapshot);
        let plain = render(&parsed.diagnostics, &snapshot, Style::Plain);
        assert_eq!(
            plain,
            "warning[missing-section]: docs/page.md:1:1: `CODE` has no Suggested Resolution section\n\
             warning[missing-section]: docs/page.md:1:1: `CODE` has no Suggested User Message section\n\
             warning[doc-url-mismatch]: docs/page.md:4:64: `A:CODE`: docURL `x\\nwarning[forged]: \\u{1b}[2J` should end in `#code`\n\
             3 warnings\n"
        );
        let rich = render(&parsed.diagnostics, &snapshot, Style::Snippet { color: false });
        assert!(!rich.contains(['\u{1b}', '\r']), "{rich}");
        assert!(!rich.contains("\nwarning[forged]"), "{rich}");
    }

    #[test]
    fn snippets_of_long_lines_show_a_window_around_the_problem() {
        let line = format!("{}\u{202e}ab\u{1b}c{}", "x".repeat(500), "y".repeat(500));
        let start = 500 + '\u{202e}'.len_utf8();
        let (shown, span) = excerpt(&line, start..start + 1);
        assert_eq!(
            shown,
            format!("…{}\u{FFFD}ab\u{FFFD}c{}…", "x".repeat(79), "y".repeat(77))
        );
        assert_eq!(&shown[span], "a");
        let (shown, span) = excerpt("abc", 3..3);
        assert_eq!((shown.as_str(), span), ("abc", 3..3));
        let page = format!(
            "# `LONG`\n\n```json\n{{\"description\": \"{}\", oops}}\n```\n",
            "x".repeat(1000)
        );
        let snapshot = snapshot(&page);
        let parsed = parse_snapshot(&snapshot);
        let rendered = render(&parsed.diagnostics, &snapshot, Style::Snippet { color: false });
        assert!(rendered.contains(" --> docs/page.md:4:1021\n"), "{rendered}");
        let long_span = "z".repeat(1000);
        let (shown, span) = excerpt(&long_span, 0..1000);
        assert_eq!(shown, format!("{}…", "z".repeat(160)));
        assert_eq!(span, 0..80);
    }
}
