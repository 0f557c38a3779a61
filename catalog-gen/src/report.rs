//! Printing diagnostics: one line each (plain, for tests, logs and build scripts) or, with
//! feature `reports`, as rustc and cargo print them: the message, the position, and the source
//! line with a caret under the problem (annotate-snippets).

use std::path::{Path, PathBuf};

#[cfg(feature = "reports")]
use smartcar_errors_shared::text::{Escaped, is_unsafe};

use crate::diagnostic::Diagnostic;
use crate::snapshot::Snapshot;

/// How diagnostics are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Style {
    /// `error[invalid-json]: file:line:col: message`, one line each.
    Plain,
    /// The message, the position and the source line with a caret; colored if `color`
    /// (feature `reports`).
    #[cfg(feature = "reports")]
    Snippet {
        /// Whether to use terminal colors.
        color: bool,
    },
}

/// Renders `diagnostics` (whose files are in `snapshot`) followed by a count, each ending in
/// a newline; empty when there are none. Files are named as the user can open them: below the
/// snapshot's directory when it was read from one. Text from the docs is escaped or replaced
/// (control and text-direction characters), so it cannot forge a line or drive the terminal.
pub fn render(diagnostics: &[Diagnostic], snapshot: &Snapshot, style: Style) -> String {
    if diagnostics.is_empty() {
        return String::new();
    }
    let root = snapshot.directories.first().map(PathBuf::as_path);
    let out: String = match style {
        Style::Plain => diagnostics
            .iter()
            .map(|diagnostic| format!("{}\n", shown_under(diagnostic, root)))
            .collect(),
        #[cfg(feature = "reports")]
        Style::Snippet { color } => snippets(diagnostics, snapshot, root, color),
    };
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let counts: Vec<String> = [(errors, "error"), (diagnostics.len() - errors, "warning")]
        .into_iter()
        .filter(|&(n, _)| n > 0)
        .map(|(n, noun)| format!("{n} {noun}{}", if n == 1 { "" } else { "s" }))
        .collect();
    format!("{out}{}\n", counts.join(", "))
}

/// `diagnostics` in the plain form, one line each, then their count.
pub fn plain(diagnostics: &[Diagnostic]) -> String {
    render(diagnostics, &Snapshot::default(), Style::Plain)
}

/// `diagnostic` with its file named below `root`, if given.
pub(crate) fn shown_under(diagnostic: &Diagnostic, root: Option<&Path>) -> Diagnostic {
    let mut shown = diagnostic.clone();
    if let Some(root) = root {
        shown.source.file = root.join(&diagnostic.source.file).display().to_string();
    }
    shown
}

/// Each of `diagnostics` (whose files are in `snapshot`, named below `root`) as a snippet
/// followed by a blank line; colored if `color`. The cost is linear: each file is decoded and
/// indexed once, and a snippet of a long line shows the window around the problem that fits a
/// terminal.
#[cfg(feature = "reports")]
fn snippets(diagnostics: &[Diagnostic], snapshot: &Snapshot, root: Option<&Path>, color: bool) -> String {
    use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};

    use crate::diagnostic::{LineIndex, Severity};

    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut files = std::collections::BTreeMap::new();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let file = files.entry(&diagnostic.source.file).or_insert_with(|| {
            let text = String::from_utf8_lossy(&snapshot.file(&diagnostic.source.file)?.bytes);
            Some((LineIndex::new(&text), text))
        });
        let shown = shown_under(diagnostic, root);
        let level = match shown.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let message = Escaped(&shown.message).to_string();
        let title = level.primary_title(message).id(shown.id.id());
        let path = Escaped(&shown.source.file).to_string();
        let line = shown.source.line;
        let report = match file.as_ref().and_then(|(index, text)| index.line(text, line)) {
            Some((start, text)) => {
                let (text, span) = shown_line(text, start, diagnostic);
                title.element(
                    Snippet::source(text)
                        .line_start(line as usize)
                        .path(path)
                        .annotation(AnnotationKind::Primary.span(span)),
                )
            }
            // No text to show (the catalog as a whole, or a file not in this snapshot).
            None => title.element(
                Origin::path(path)
                    .line(line as usize)
                    .char_column(shown.source.column as usize),
            ),
        };
        out.push_str(&renderer.render(&[report]));
        out.push_str("\n\n");
    }
    out
}

/// `line` (which starts at `line_start` in its file) with every unsafe character (control,
/// text direction) shown as U+FFFD, and the byte range in it that the diagnostic points at:
/// its span when the span starts at its column, else the character at its column; at least
/// one character when the line has any.
#[cfg(feature = "reports")]
fn shown_line(line: &str, line_start: usize, diagnostic: &Diagnostic) -> (String, std::ops::Range<usize>) {
    let column = (diagnostic.source.column as usize).saturating_sub(1);
    let start = line.char_indices().nth(column).map_or(line.len(), |(i, _)| i);
    let span = &diagnostic.span;
    let spanned = span.end > span.start && span.start == line_start + start;
    let end = if spanned { span.end - line_start } else { start + 1 };
    let chars = line[start..]
        .char_indices()
        .take_while(|&(i, _)| start + i < end)
        .count();
    let safe: String = line
        .chars()
        .map(|c| if is_unsafe(c) { '\u{FFFD}' } else { c })
        .collect();
    // Counted in characters, which the replacement keeps.
    let byte = |n: usize| safe.char_indices().nth(n).map_or(safe.len(), |(i, _)| i);
    let span = byte(column)..byte(column + chars.max(1));
    (safe, span)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_snapshot;

    fn snapshot(text: &str) -> Snapshot {
        Snapshot::from_files([("docs/page.md".to_owned(), text.as_bytes().to_vec())])
    }

    #[cfg(feature = "reports")]
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
        let count = |diagnostics: &[Diagnostic]| plain(diagnostics).lines().last().map(str::to_owned);
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
        #[cfg(feature = "reports")]
        {
            let rich = render(&parsed.diagnostics, &snapshot, Style::Snippet { color: false });
            assert!(!rich.contains(['\u{1b}', '\r']), "{rich}");
            assert!(!rich.contains("\nwarning[forged]"), "{rich}");
        }
    }

    #[cfg(feature = "reports")]
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
