//! Rustdoc-safe doc comments from docs text.
//!
//! Docs text is plain text; in a doc comment it must stay text. Markdown punctuation that
//! could start a link, code span, fence, emphasis, HTML, an entity or a table is
//! backslash-escaped, as are `#` and `>` at a line start (heading, quote);
//! leading white space beyond three spaces and every control or text-direction character
//! becomes a character reference, so no line can open an indented code block (a doctest),
//! and rustc's lints on bidirectional text never fire.
//! Rendered by a CommonMark reader, the escaped text reads as the original.

use std::fmt::Write;

/// Builds the lines of one doc comment.
#[derive(Debug, Default)]
pub(crate) struct DocComment {
    lines: Vec<String>,
}

impl DocComment {
    /// A paragraph of our own markdown (trusted, written by the generator).
    pub(crate) fn markdown(&mut self, markdown: impl Into<String>) -> &mut Self {
        self.separate();
        self.lines.push(markdown.into());
        self
    }

    /// A heading of our own.
    pub(crate) fn heading(&mut self, title: &str) -> &mut Self {
        self.markdown(format!("# {title}"))
    }

    /// Docs text, escaped, as one or more paragraphs.
    pub(crate) fn text(&mut self, text: &str) -> &mut Self {
        self.separate();
        self.lines.extend(escape_lines(text));
        self
    }

    /// The lines, each to become one `#[doc]` attribute (with a leading space).
    pub(crate) fn into_lines(self) -> Vec<String> {
        self.lines
            .into_iter()
            .map(|line| if line.is_empty() { line } else { format!(" {line}") })
            .collect()
    }

    fn separate(&mut self) {
        if !self.lines.is_empty() {
            self.lines.push(String::new());
        }
    }
}

/// `text` as a code span when it can be one, escaped text otherwise.
pub(crate) fn code(text: &str) -> String {
    let plain = !text.is_empty()
        && !text.contains(['`', '\n', '\r'])
        && !text.starts_with(' ')
        && !text.ends_with(' ')
        && text.chars().all(|c| !needs_reference(c));
    if plain {
        format!("`{text}`")
    } else {
        escape_inline(text)
    }
}

/// A link to `url` labelled `label`, or the escaped URL after the label when `url` cannot be
/// a link destination.
pub(crate) fn link(label: &str, url: &str) -> String {
    let linkable = !url.is_empty()
        && url.starts_with("http")
        && !url.contains(['<', '>', '\\', ' '])
        && url.chars().all(|c| !c.is_control() && !needs_reference(c));
    if linkable {
        format!("[{label}](<{url}>)")
    } else {
        format!("{label}: {}", escape_inline(url))
    }
}

/// Each line of `text`, escaped.
pub(crate) fn escape_lines(text: &str) -> Vec<String> {
    text.split('\n').map(escape_line).collect()
}

/// One line of text (no `\n`), escaped for markdown.
fn escape_line(line: &str) -> String {
    let content = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - content.len()];
    let mut out = String::with_capacity(line.len() + 8);
    // Up to three leading spaces are only spacing; more, or a tab, could start code.
    let raw_spaces = indent.chars().take_while(|&c| c == ' ').count().min(3);
    out.push_str(&indent[..raw_spaces]);
    for c in indent[raw_spaces..].chars() {
        reference(&mut out, c);
    }
    if content.starts_with(['#', '>']) {
        out.push('\\');
    }
    out.push_str(&escape_inline(content));
    // A whitespace-only line would be a blank line: keep its spaces as text.
    if content.is_empty() && !indent.is_empty() {
        out.clear();
        for c in indent.chars() {
            reference(&mut out, c);
        }
    }
    out
}

/// Escapes inline markdown punctuation, control and direction characters.
fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            c if needs_reference(c) || c == '\t' => reference(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Characters written as references: controls (including CR), and the invisible format
/// characters that change text direction or hide content.
fn needs_reference(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
}

fn reference(out: &mut String, c: char) {
    // NUL is not allowed in a reference; CommonMark reads it as U+FFFD anyway.
    let code = if c == '\0' { 0xFFFD } else { u32::from(c) };
    let _ = write!(out, "&#x{code:X};");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_escaped() {
        assert_eq!(
            escape_lines("a [b] `c` *d* <app name> & | ~ !"),
            [r"a \[b\] \`c\` \*d\* \<app name> \& \| \~ !"]
        );
        assert_eq!(
            escape_lines("# not a heading\n> nor a quote\n- a list stays"),
            [r"\# not a heading", r"\> nor a quote", "- a list stays"]
        );
    }

    #[test]
    fn indentation_cannot_open_a_code_block() {
        assert_eq!(escape_lines("    fn main() {}"), ["   &#x20;fn main() {}"]);
        assert_eq!(escape_lines("\tx"), ["&#x9;x"]);
        assert_eq!(escape_lines("  - nested"), ["  - nested"]);
        assert_eq!(escape_lines("   "), ["&#x20;&#x20;&#x20;"]);
    }

    #[test]
    fn control_and_direction_characters_become_references() {
        assert_eq!(escape_lines("a\u{202E}b\rc\0"), ["a&#x202E;b&#xD;c&#xFFFD;"]);
    }

    #[test]
    fn code_spans_and_links_fall_back_to_text() {
        assert_eq!(code("SERVER:INTERNAL"), "`SERVER:INTERNAL`");
        assert_eq!(code("a`b"), r"a\`b");
        assert_eq!(link("docs", "https://x.y/a#b"), "[docs](<https://x.y/a#b>)");
        assert_eq!(link("docs", "javascript:<x>"), r"docs: javascript:\<x>");
    }
}
