//! Rustdoc-safe doc comments from docs text.
//!
//! Docs text is plain text, and in a doc comment it must read exactly as it is, line by line,
//! and never become markup, a link or a doctest:
//! - markdown punctuation that could start a code span, fence, emphasis, link, HTML, an entity
//!   or a table is backslash-escaped, as is a line-start marker of a heading, quote, list or
//!   rule (`#`, `>`, `-`, `+`, `=`, `1.`);
//! - what rustdoc's smart punctuation would turn into typographic characters is
//!   backslash-escaped too: straight quotes (`"`, `'`), runs of hyphens (`--`) and of dots
//!   (`...`), so that they show as written;
//! - spaces and tabs at the start or end of a line, control characters and invisible
//!   text-direction characters become character references, so no line is indented into a
//!   code block and rustc's lints on bidirectional text never fire;
//! - lines end in a hard break, so line structure survives; web addresses become autolinks.
//!
//! A CommonMark reader (rustdoc) shows the original text, except that runs of blank lines fold
//! into one and NUL reads as U+FFFD.

use std::fmt::Write;

use smartcar_errors_shared::text::is_unsafe;

/// Builds the lines of one doc comment.
#[derive(Debug, Default)]
pub(crate) struct DocComment {
    /// The lines, each to become one `#[doc]` attribute.
    pub(crate) lines: Vec<String>,
}

impl DocComment {
    /// A paragraph of our own markdown (trusted, written by the generator).
    pub(crate) fn markdown(&mut self, markdown: impl Into<String>) -> &mut Self {
        self.block(vec![markdown.into()])
    }

    /// Lines of our own markdown that make one block (a list), if there are any.
    pub(crate) fn block(&mut self, lines: Vec<String>) -> &mut Self {
        if !lines.is_empty() && !self.lines.is_empty() {
            self.lines.push(String::new());
        }
        // As a `#[doc]` attribute holds a `///` line: after a space, unless blank.
        let spaced = lines
            .into_iter()
            .map(|line| if line.is_empty() { line } else { format!(" {line}") });
        self.lines.extend(spaced);
        self
    }

    /// Docs text, escaped, as one or more paragraphs; nothing for no text (`None`).
    pub(crate) fn text<'t>(&mut self, text: impl Into<Option<&'t str>>) -> &mut Self {
        match text.into() {
            Some(text) => self.block(escape_lines(text)),
            None => self,
        }
    }
}

/// `text` as a code span when it can be one, escaped text otherwise.
pub(crate) fn code(text: &str) -> String {
    let plain = !text.is_empty()
        && text.trim_matches(' ') == text
        && !text.contains('`')
        && !text.chars().any(is_unsafe);
    if plain {
        format!("`{text}`")
    } else {
        escape_line(text)
    }
}

/// A link to `url` labelled `label`, or the escaped URL after the label when `url` cannot be
/// a link destination.
pub(crate) fn link(label: &str, url: &str) -> String {
    let linkable =
        url.starts_with("http") && !url.contains(['<', '>', '\\', ' ']) && !url.chars().any(is_unsafe);
    if linkable {
        format!("[{label}](<{url}>)")
    } else {
        format!("{label}: {}", escape_line(url))
    }
}

/// Each line of `text`, escaped, each but the last of a paragraph ending in a hard break.
pub(crate) fn escape_lines(text: &str) -> Vec<String> {
    let mut lines = text.split('\n').peekable();
    let mut escaped = Vec::new();
    while let Some(line) = lines.next() {
        let mut out = escape_line(line);
        if !line.is_empty() && lines.peek().is_some_and(|next| !next.is_empty()) {
            out.push('\\');
        }
        escaped.push(out);
    }
    escaped
}

/// `line` escaped as markdown text that starts a line: the spaces and tabs at either end
/// become references (markdown would strip them or read them as indentation), a line-start
/// marker (heading, quote, list, rule) becomes text, and the rest is escaped inline. A line
/// break in it becomes a reference too, so that it can sit inside a line of our own.
fn escape_line(line: &str) -> String {
    let blank = |c: char| c == ' ' || c == '\t';
    let content = line.trim_matches(blank);
    let leading = &line[..line.len() - line.trim_start_matches(blank).len()];
    // A blank line is all leading blanks, and has no trailing ones.
    let trailing = &line[leading.len() + content.len()..];
    let mut out = String::with_capacity(line.len() + 8);
    leading.chars().for_each(|c| reference(&mut out, c));
    // The digits of an ordered-list marker (`12.` / `12)`), whose punctuation is escaped.
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    let ordered = (1..=9).contains(&digits) && matches!(content.as_bytes().get(digits), Some(b'.' | b')'));
    let marker = if ordered { digits } else { 0 };
    out.push_str(&content[..marker]);
    let rest = &content[marker..];
    match rest.chars().next() {
        Some(first) if marker > 0 || matches!(first, '#' | '>' | '-' | '+' | '=') => {
            out.push('\\');
            out.push(first);
            escape_inline(&mut out, &rest[first.len_utf8()..], Some(first));
        }
        _ => escape_inline(&mut out, rest, None),
    }
    trailing.chars().for_each(|c| reference(&mut out, c));
    out
}

/// Escapes inline markdown punctuation, control and direction characters; web addresses
/// become autolinks (`<https://…>`), which show the same text and keep rustdoc's `bare_urls`
/// lint quiet. `previous` is the character just before `rest` on its line, if any.
fn escape_inline(out: &mut String, mut rest: &str, mut previous: Option<char>) {
    while let Some(c) = rest.chars().next() {
        if let Some(url) = autolink(rest, previous) {
            out.push('<');
            out.push_str(url);
            out.push('>');
            previous = url.chars().next_back();
            rest = &rest[url.len()..];
            continue;
        }
        rest = &rest[c.len_utf8()..];
        // A hyphen or dot next to another would become a dash or an ellipsis.
        let in_run = |run: char| c == run && (previous == Some(run) || rest.starts_with(run));
        let markup = matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '&' | '|' | '~' | '"' | '\''
        );
        if markup || in_run('-') || in_run('.') {
            out.push('\\');
            out.push(c);
        } else if is_unsafe(c) {
            reference(out, c);
        } else {
            out.push(c);
        }
        previous = Some(c);
    }
}

/// The web address `text` starts with, if it can be an autolink after `previous`, the
/// character before it on its line.
fn autolink(text: &str, previous: Option<char>) -> Option<&str> {
    let scheme = ["https://", "http://"]
        .into_iter()
        .find(|s| text.starts_with(s))?;
    if previous.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`' | '\\') || is_unsafe(c))
        .unwrap_or(text.len());
    let url =
        text[..end].trim_end_matches(['.', ',', ':', ';', '!', '?', '\'', ')', ']', '}', '*', '_', '~']);
    (url.len() > scheme.len()).then_some(url)
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
    }

    #[test]
    fn line_start_markers_are_text_and_lines_stay_lines() {
        assert_eq!(
            escape_lines("# not a heading\n> nor a quote\n- nor a list\n12. nor this\n---\n\nnew paragraph"),
            [
                r"\# not a heading\",
                r"\> nor a quote\",
                r"\- nor a list\",
                r"12\. nor this\",
                r"\-\-\-",
                "",
                "new paragraph"
            ]
        );
    }

    #[test]
    fn indentation_cannot_open_a_code_block() {
        assert_eq!(
            escape_lines("    fn main() {}"),
            ["&#x20;&#x20;&#x20;&#x20;fn main() {}"]
        );
        assert_eq!(escape_lines("\tx"), ["&#x9;x"]);
        assert_eq!(
            escape_lines("  - nested  "),
            [r"&#x20;&#x20;\- nested&#x20;&#x20;"]
        );
        assert_eq!(escape_lines("   "), ["&#x20;&#x20;&#x20;"]);
    }

    #[test]
    fn smart_punctuation_cannot_change_the_text() {
        assert_eq!(
            escape_lines("\"Exit\" -- it's 2-3... or -x- . .. -"),
            [r#"\"Exit\" \-\- it\'s 2-3\.\.\. or -x- . \.\. -"#]
        );
    }

    #[test]
    fn control_and_direction_characters_become_references() {
        assert_eq!(escape_lines("a\u{202E}b\rc\0"), ["a&#x202E;b&#xD;c&#xFFFD;"]);
    }

    #[test]
    fn web_addresses_become_autolinks() {
        assert_eq!(
            escape_lines("See https://example.com/a_b?x=1. Or (http://e.com/x), not xhttps://no."),
            ["See <https://example.com/a_b?x=1>. Or (<http://e.com/x>), not xhttps://no."]
        );
        assert_eq!(escape_lines("https:// alone"), ["https:// alone"]);
    }

    #[test]
    fn code_spans_and_links_fall_back_to_text() {
        assert_eq!(code("SERVER:INTERNAL"), "`SERVER:INTERNAL`");
        assert_eq!(code("a`b"), r"a\`b");
        assert_eq!(code(">    `x"), r"\>    \`x");
        assert_eq!(code("    x\ny "), r"&#x20;&#x20;&#x20;&#x20;x&#xA;y&#x20;");
        assert_eq!(link("docs", "https://x.y/a#b"), "[docs](<https://x.y/a#b>)");
        assert_eq!(link("docs", "javascript:<x>"), r"docs: javascript:\<x>");
    }
}
