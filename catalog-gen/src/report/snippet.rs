//! Diagnostics as rustc and cargo print them: the message, the position, and the source line
//! with a caret under the problem (annotate-snippets).

use std::borrow::Cow;
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
    let mut files: BTreeMap<&str, Option<(Cow<'_, str>, LineIndex)>> = BTreeMap::new();
    let mut out = String::new();
    for diagnostic in diagnostics {
        let file = files.entry(&diagnostic.source.file).or_insert_with(|| {
            let text = String::from_utf8_lossy(&snapshot.file(&diagnostic.source.file)?.bytes);
            let index = LineIndex::new(&text);
            Some((text, index))
        });
        out.push_str(&snippet(&shown_under(diagnostic, root), file.as_ref(), &renderer));
        out.push_str("\n\n");
    }
    out
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
