//! Diagnostics as rustc and cargo print them: the message, the position, and the source line
//! with a caret under the problem (annotate-snippets).

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use smartcar_errors_shared::text::{Escaped, is_unsafe};

use super::shown_under;
use crate::diagnostic::{Diagnostic, LineIndex, Severity};
use crate::snapshot::Snapshot;

/// Each of `diagnostics` (whose files are in `snapshot`, named below `root`) as a snippet
/// followed by a blank line; colored if `color`. Each file is decoded and indexed once.
pub(super) fn render(
    diagnostics: &[Diagnostic],
    snapshot: &Snapshot,
    root: Option<&Path>,
    color: bool,
) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut files = BTreeMap::new();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let file = files.entry(&diagnostic.source.file).or_insert_with(|| {
            let text = String::from_utf8_lossy(&snapshot.file(&diagnostic.source.file)?.bytes);
            let index = LineIndex::new(&text);
            Some((text, index))
        });
        let shown = shown_under(diagnostic, root);
        let level = match shown.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level
            .primary_title(Escaped(&shown.message).to_string())
            .id(shown.id.id());
        let path = Escaped(&shown.source.file).to_string();
        let line = shown.source.line;
        let report = match file.as_ref().and_then(|(text, index)| index.line(text, line)) {
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
fn shown_line(line: &str, line_start: usize, diagnostic: &Diagnostic) -> (String, Range<usize>) {
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
