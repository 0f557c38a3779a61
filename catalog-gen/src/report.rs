//! Printing diagnostics: one line each (plain, for tests and logs) or with the source line and
//! a caret under the problem, as rustc and cargo print them (annotate-snippets).

use std::borrow::Cow;
use std::ops::Range;

use annotate_snippets::{AnnotationKind, Level, Renderer, Snippet};

use crate::diagnostic::{Diagnostic, Severity};
use crate::snapshot::Snapshot;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
pub fn render(diagnostics: &[Diagnostic], snapshot: &Snapshot, style: Style) -> String {
    let mut out = String::new();
    for diagnostic in diagnostics {
        match style {
            Style::Plain => {
                out.push_str(&shown(diagnostic, snapshot).to_string());
                out.push('\n');
            }
            Style::Snippet { color } => {
                let renderer = if color {
                    Renderer::styled()
                } else {
                    Renderer::plain()
                };
                out.push_str(&render_one(diagnostic, snapshot, &renderer));
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

fn render_one(diagnostic: &Diagnostic, snapshot: &Snapshot, renderer: &Renderer) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = level
        .primary_title(diagnostic.message.as_str())
        .id(diagnostic.id.id());
    let shown = shown(diagnostic, snapshot);
    let file = snapshot
        .files
        .iter()
        .find(|file| file.path == diagnostic.source.file);
    let Some(file) = file else {
        // No text to show (the catalog as a whole, or a file not in this snapshot).
        let location = format!("--> {}", shown.source);
        let report = [title.element(Level::NOTE.message(location.as_str()))];
        return renderer.render(&report);
    };
    let text = String::from_utf8_lossy(&file.bytes);
    let (line_text, span) = line_and_span(&text, diagnostic);
    let report = [title.element(
        Snippet::source(line_text)
            .line_start(diagnostic.source.line as usize)
            .path(shown.source.file.as_str())
            .annotation(AnnotationKind::Primary.span(span)),
    )];
    renderer.render(&report)
}

/// `diagnostic` as shown to the user: its file below the directory `snapshot` was read
/// from, if it was read from one.
fn shown<'d>(diagnostic: &'d Diagnostic, snapshot: &Snapshot) -> Cow<'d, Diagnostic> {
    match snapshot.directories.first() {
        Some(root) => {
            let mut shown = diagnostic.clone();
            shown.source.file = root.join(&diagnostic.source.file).display().to_string();
            Cow::Owned(shown)
        }
        None => Cow::Borrowed(diagnostic),
    }
}

/// The diagnostic's line and the annotated range within it (at least one character when the
/// line has any).
fn line_and_span<'t>(text: &'t str, diagnostic: &Diagnostic) -> (&'t str, Range<usize>) {
    let line_index = (diagnostic.source.line as usize).saturating_sub(1);
    let line_start = text
        .match_indices('\n')
        .nth(line_index.wrapping_sub(1))
        .map_or(0, |(i, _)| i + 1)
        .min(text.len());
    let line_start = if line_index == 0 { 0 } else { line_start };
    let line_end = text[line_start..]
        .find('\n')
        .map_or(text.len(), |i| line_start + i);
    let line = text[line_start..line_end].trim_end_matches('\r');
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
    (line, start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse_snapshot;

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
}
