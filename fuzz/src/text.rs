//! Generated text: runs of words from the docs and characters that have broken parsers and
//! code generators before, and the ways to write a run into a page.

use bolero::generator::*;

/// A run of text: a few pieces, written one after the other.
#[derive(Debug, Clone, PartialEq, Eq, Default, TypeGenerator)]
pub struct Text(#[generator(Vec::produce().with().len(0usize..8))] pub Vec<Piece>);

/// One piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator)]
pub enum Piece {
    /// A word or phrase as the docs write it: one of [`WORDS`].
    Word(#[generator(0..WORDS.len())] usize),
    /// A sequence that has a special meaning somewhere on the way to Rust code: one of
    /// [`HOSTILE`].
    Hostile(#[generator(0..HOSTILE.len())] usize),
    /// Any character.
    Char(char),
}

/// A name: one of a list of the names that mean something (the members of a body, the
/// parameters of a redirect), or any text.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator)]
pub enum Name {
    /// The name at this place in the list (modulo its length).
    Known(usize),
    /// Any text.
    Other(Text),
}

impl Name {
    /// The name as written, given the list of the known ones.
    pub fn written(&self, known: &[&str]) -> String {
        match self {
            Name::Known(i) => known
                .get(i % known.len().max(1))
                .copied()
                .unwrap_or_default()
                .to_owned(),
            Name::Other(text) => text.raw(),
        }
    }
}

/// Words and phrases of the published pages, markup included.
pub const WORDS: &[&str] = &[
    "Smartcar ",
    "vehicle ",
    "Please try again.",
    "<app name>",
    r"\<app name>",
    r"server\_error",
    "`status_code`",
    "**allowed**",
    "[the docs](https://smartcar.com/docs)",
    "![alt](i.png)",
    "we’re",
    "500",
    "Wed, 21 Oct 2026 07:28:00 GMT",
    "Source: ",
    "Suggested Resolution",
    "Suggested User Message",
    "Documentation Index",
    " ",
];

/// Sequences special to markdown, JSON, URLs, Rust or rustdoc: quotes and escapes, line
/// breaks of every kind, control and bidirectional characters, comment and attribute
/// delimiters, fences, emoji and combining marks, percent escapes, headings started mid-text.
pub const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "\n",
    "\r",
    "\t",
    "\0",
    "\u{1b}",
    "*/",
    "/*",
    "#[",
    "}",
    "{",
    "]",
    "`",
    "```",
    "***",
    "|",
    "\u{200F}",
    "\u{202E}",
    "\u{2028}",
    "\u{FEFF}",
    "\u{85}",
    "r#\"",
    "\"#",
    "#",
    "<",
    "&amp;",
    "<br />",
    "null",
    "Self",
    "\u{1F697}",
    "e\u{301}",
    "%",
    "%2",
    "+",
    "&",
    "=",
    ":",
    "    ",
    "\n# ",
    "\n===",
];

impl Text {
    /// A text of `text` as it is, one character per piece.
    pub fn literal(text: &str) -> Text {
        Text(text.chars().map(Piece::Char).collect())
    }

    /// The pieces, concatenated.
    pub fn raw(&self) -> String {
        let piece = |piece: &Piece| match *piece {
            Piece::Word(i) => WORDS[i % WORDS.len()].to_owned(),
            Piece::Hostile(i) => HOSTILE[i % HOSTILE.len()].to_owned(),
            Piece::Char(c) => c.to_string(),
        };
        self.0.iter().map(piece).collect()
    }

    /// The text as markdown prose that cannot open a block running past the end of its own
    /// block (a fence or an HTML block of the kinds that only a closing marker ends): such a
    /// line start gets a letter in front.
    pub fn prose(&self) -> String {
        prose(&self.raw())
    }

    /// The text on one line (line endings become spaces), for a table cell or a heading.
    pub fn one_line(&self) -> String {
        one_line(&self.raw())
    }

    /// The text as a table cell: on one line, pipes escaped.
    pub fn cell(&self) -> String {
        self.one_line().replace('|', r"\|")
    }

    /// The text as a JSON string literal, escaped as JSON requires.
    pub fn json_string(&self) -> String {
        serde_json::Value::String(self.raw()).to_string()
    }
}

/// `text` on one line (line endings become spaces), as [`prose`].
pub fn one_line(text: &str) -> String {
    prose(&text.replace(['\n', '\r'], " "))
}

/// `text` with every line start that could open a fence or an unterminated HTML block
/// defused. Lines end at `\n` and `\r`, as in markdown.
pub fn prose(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut line_start = true;
    let mut rest = text;
    while !rest.is_empty() {
        if line_start && opens_open_ended_block(rest) {
            out.push('x');
        }
        let Some(c) = rest.chars().next() else { break };
        out.push(c);
        line_start = matches!(c, '\n' | '\r');
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Whether a line starting with `line` opens a fenced code block or an HTML block that only
/// an explicit end marker closes (CommonMark HTML blocks of kinds 1 to 5). A byte order mark
/// counts for nothing: the parser drops the one that starts a page.
fn opens_open_ended_block(line: &str) -> bool {
    let content = line.trim_start_matches([' ', '\t', '\u{FEFF}']);
    if content.starts_with("```") || content.starts_with("~~~") {
        return true;
    }
    let Some(tag) = content.strip_prefix('<') else {
        return false;
    };
    let lower: String = tag.chars().take(9).collect::<String>().to_ascii_lowercase();
    ["script", "pre", "style", "textarea", "!", "?"]
        .iter()
        .any(|start| lower.starts_with(start))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_defuses_open_ended_blocks() {
        assert_eq!(
            prose("a\n```rust\n  <!-- x\r<PRE>\n<p>"),
            "a\nx```rust\nx  <!-- x\rx<PRE>\n<p>"
        );
        assert_eq!(prose("~~~"), "x~~~");
        assert_eq!(prose("\u{FEFF}```"), "x\u{FEFF}```");
        assert_eq!(prose("text ``` inline"), "text ``` inline");
    }

    #[test]
    fn pieces_write_their_text() {
        let text = Text(vec![
            Piece::Hostile(0),
            Piece::Hostile(2),
            Piece::Char('é'),
            Piece::Word(1),
        ]);
        assert_eq!(text.raw(), "\"\névehicle ");
        assert_eq!(text.json_string(), "\"\\\"\\névehicle \"");
        assert_eq!(text.cell(), "\" évehicle ");
        assert_eq!(Text::literal("a|b").cell(), r"a\|b");
    }
}
