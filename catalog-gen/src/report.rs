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
/// The cost is linear: each file is decoded and indexed once, and a snippet of a long line
/// shows the window around the problem that fits a terminal. Text from the docs is escaped or
/// replaced (control and text-direction characters), so it cannot forge a line or drive the
/// terminal.
pub fn render(diagnostics: &[Diagnostic], snapshot: &Snapshot, style: Style) -> String {
    let root = snapshot.directories.first().map(PathBuf::as_path);
    let renderer = match style {
        Style::Snippet { color: true } => Renderer::styled(),
        _ => Renderer::plain(),
    };
    let mut files: BTreeMap<&str, Option<(Cow<'_, str>, LineIndex)>> = BTreeMap::new();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let shown = shown_under(diagnostic, root);
        if style == Style::Plain {
            let _ = writeln!(out, "{shown}");
            continue;
        }
        let file = files.entry(&diagnostic.source.file).or_insert_with(|| {
            let text = String::from_utf8_lossy(&snapshot.file(&diagnostic.source.file)?.bytes);
            let index = LineIndex::new(&text);
            Some((text, index))
        });
        out.push_str(&snippet(&shown, file.as_ref(), &renderer));
        out.push_str("\n\n");
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

/// One diagnostic, its file named as shown, with its source line when its file's text and
/// index are at hand.
fn snippet(diagnostic: &Diagnostic, file: Option<&(Cow<'_, str>, LineIndex)>, renderer: &Renderer) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = Escaped(&diagnostic.message).to_string();
    let path = Escaped(&diagnostic.source.file).to_string();
    let title = level.primary_title(message.as_str()).id(diagnostic.id.id());
    let line = diagnostic.source.line;
    let Some((start, text)) = file.and_then(|(text, index)| index.line(text, line)) else {
        // No text to show (the catalog as a whole, or a file not in this snapshot).
        let origin = Origin::path(path.as_str())
            .line(line as usize)
            .char_column(diagnostic.source.column as usize);
        return renderer.render(&[title.element(origin)]);
    };
    let (text, span) = shown_line(text, start, diagnostic);
    let report = [title.element(
        Snippet::source(text.as_str())
            .line_start(line as usize)
            .path(path.as_str())
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    renderer.render(&report)
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

/// `line` (which starts at `line_start` in its file) with every unsafe character (control,
/// text direction) shown as U+FFFD, and the byte range in it that the diagnostic points at:
/// its span when the span starts at its column, else the character at its column; at least
/// one character when the line has any.
fn shown_line(line: &str, line_start: usize, diagnostic: &Diagnostic) -> (String, Range<usize>) {
    let column = (diagnostic.source.column as usize).saturating_sub(1);
    let start = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
    let span = &diagnostic.span;
    let spanned = span.end > span.start && span.start == line_start + start;
    let end = if spanned { span.end - line_start } else { start + 1 };
    // Counted in characters, which the replacement keeps.
    let first = line[..start].chars().count();
    let chars = line[start..]
        .char_indices()
        .take_while(|&(i, _)| start + i < end)
        .count();
    let safe: String = line
        .chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect();
    let byte = |n: usize| safe.char_indices().nth(n).map_or(safe.len(), |(i, _)| i);
    let span = byte(first)..byte(first + chars.max(1));
    (safe, span)
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
        let (x, y) = ("x".repeat(1000), "y".repeat(1000));
        let page = format!("{{\"description\": \"{x}\u{202e}\u{85}\u{200b}\", oops {y}}}");
        let snapshot = snapshot(&format!("# `LONG`\n\n```json\n{page}\n```\n"));
        let parsed = parse_snapshot(&snapshot);
        let rendered = render(&parsed.diagnostics, &snapshot, Style::Snippet { color: false });
        assert_eq!(
            rendered,
            format!(
                "error[invalid-json]: the JSON example is not valid JSON: key must be a string\n \
                 --> docs/page.md:4:1024\n  |\n4 | ...{}\u{FFFD}\u{FFFD}\u{FFFD}\", oops {}...\n  |{}^\n\n\
                 1 error\n",
                "x".repeat(58),
                "y".repeat(61),
                " ".repeat(68)
            )
        );
    }
}
