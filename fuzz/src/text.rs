//! Generated text: runs of words from the docs and characters that have broken parsers and
//! code generators before, and the ways to write a run into a page.

use bolero::generator::*;
use serde::{Deserialize, Serialize};

/// A run of text: a few pieces, written one after the other.
#[derive(Debug, Clone, PartialEq, Eq, Default, TypeGenerator, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Text(#[generator(Vec::produce().with().len(0usize..8))] pub Vec<Piece>);

/// One piece of a [`Text`].
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Piece {
    /// A word or phrase as the docs write it.
    Word(Word),
    /// A character sequence with a special meaning somewhere on the way to Rust code.
    Tricky(Tricky),
    /// Any character.
    Char(char),
}

/// Words and phrases of the published pages, markup included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Word {
    /// `Smartcar `
    Smartcar,
    /// `vehicle `
    Vehicle,
    /// `Please try again.`
    TryAgain,
    /// `<app name>`
    AppName,
    /// `\<app name>`
    EscapedAppName,
    /// `server\_error`
    EscapedUnderscore,
    /// `` `status_code` ``
    CodeSpan,
    /// `**allowed**`
    Bold,
    /// `[the docs](https://smartcar.com/docs)`
    Link,
    /// `![alt](i.png)`
    Image,
    /// `we’re`
    Apostrophe,
    /// `500`
    Number,
    /// `Source: `, the snapshot's metadata line.
    SourcePrefix,
    /// `Suggested Resolution`
    ResolutionTitle,
    /// `Suggested User Message`
    UserMessageTitle,
    /// `Documentation Index`
    IndexTitle,
    /// A space.
    Space,
}

/// Sequences that are special to markdown, JSON, URLs, Rust or rustdoc.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Tricky {
    /// `"`
    Quote,
    /// `\`
    Backslash,
    /// A line feed.
    Newline,
    /// A carriage return.
    CarriageReturn,
    /// A tab.
    Tab,
    /// NUL.
    Nul,
    /// ESC.
    Escape,
    /// `*/`
    CommentEnd,
    /// `/*`
    CommentStart,
    /// `#[`
    AttributeStart,
    /// `}`
    CloseBrace,
    /// `{`
    OpenBrace,
    /// `]`
    CloseBracket,
    /// `` ` ``
    Backtick,
    /// ```` ``` ````
    Fence,
    /// `***`
    Rule,
    /// `|`
    Pipe,
    /// U+200F RIGHT-TO-LEFT MARK.
    RightToLeftMark,
    /// U+202E RIGHT-TO-LEFT OVERRIDE.
    RightToLeftOverride,
    /// U+2028 LINE SEPARATOR.
    LineSeparator,
    /// U+FEFF, a byte order mark.
    ByteOrderMark,
    /// U+0085 NEXT LINE.
    NextLine,
    /// `r#"`
    RawStringStart,
    /// `"#`
    RawStringEnd,
    /// `#`
    Hash,
    /// `<`
    LessThan,
    /// `&amp;`
    Entity,
    /// `<br />`
    LineBreak,
    /// `null`
    Null,
    /// `Self`
    SelfType,
    /// A car emoji (four UTF-8 bytes).
    Emoji,
    /// `e` and a combining acute accent.
    Combining,
    /// `%`
    Percent,
    /// `%2`
    HalfEscape,
    /// `+`
    Plus,
    /// `&`
    Ampersand,
    /// `=`
    Equals,
    /// `:`
    Colon,
    /// Four spaces.
    Indent,
    /// A line feed and `# `.
    HeadingStart,
    /// A line feed and `===`.
    SetextUnderline,
}

impl Word {
    fn as_str(self) -> &'static str {
        match self {
            Word::Smartcar => "Smartcar ",
            Word::Vehicle => "vehicle ",
            Word::TryAgain => "Please try again.",
            Word::AppName => "<app name>",
            Word::EscapedAppName => r"\<app name>",
            Word::EscapedUnderscore => r"server\_error",
            Word::CodeSpan => "`status_code`",
            Word::Bold => "**allowed**",
            Word::Link => "[the docs](https://smartcar.com/docs)",
            Word::Image => "![alt](i.png)",
            Word::Apostrophe => "we’re",
            Word::Number => "500",
            Word::SourcePrefix => "Source: ",
            Word::ResolutionTitle => "Suggested Resolution",
            Word::UserMessageTitle => "Suggested User Message",
            Word::IndexTitle => "Documentation Index",
            Word::Space => " ",
        }
    }
}

impl Tricky {
    fn as_str(self) -> &'static str {
        match self {
            Tricky::Quote => "\"",
            Tricky::Backslash => "\\",
            Tricky::Newline => "\n",
            Tricky::CarriageReturn => "\r",
            Tricky::Tab => "\t",
            Tricky::Nul => "\0",
            Tricky::Escape => "\u{1b}",
            Tricky::CommentEnd => "*/",
            Tricky::CommentStart => "/*",
            Tricky::AttributeStart => "#[",
            Tricky::CloseBrace => "}",
            Tricky::OpenBrace => "{",
            Tricky::CloseBracket => "]",
            Tricky::Backtick => "`",
            Tricky::Fence => "```",
            Tricky::Rule => "***",
            Tricky::Pipe => "|",
            Tricky::RightToLeftMark => "\u{200F}",
            Tricky::RightToLeftOverride => "\u{202E}",
            Tricky::LineSeparator => "\u{2028}",
            Tricky::ByteOrderMark => "\u{FEFF}",
            Tricky::NextLine => "\u{85}",
            Tricky::RawStringStart => "r#\"",
            Tricky::RawStringEnd => "\"#",
            Tricky::Hash => "#",
            Tricky::LessThan => "<",
            Tricky::Entity => "&amp;",
            Tricky::LineBreak => "<br />",
            Tricky::Null => "null",
            Tricky::SelfType => "Self",
            Tricky::Emoji => "\u{1F697}",
            Tricky::Combining => "e\u{301}",
            Tricky::Percent => "%",
            Tricky::HalfEscape => "%2",
            Tricky::Plus => "+",
            Tricky::Ampersand => "&",
            Tricky::Equals => "=",
            Tricky::Colon => ":",
            Tricky::Indent => "    ",
            Tricky::HeadingStart => "\n# ",
            Tricky::SetextUnderline => "\n===",
        }
    }
}

impl Text {
    /// A text of words.
    pub fn words(words: &[Word]) -> Text {
        Text(words.iter().map(|&word| Piece::Word(word)).collect())
    }

    /// The pieces, concatenated.
    pub fn raw(&self) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                Piece::Word(word) => out.push_str(word.as_str()),
                Piece::Tricky(tricky) => out.push_str(tricky.as_str()),
                Piece::Char(c) => out.push(*c),
            }
        }
        out
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

    /// The text between quotes as it is: invalid JSON whenever it holds a quote, a backslash
    /// or a control character.
    pub fn raw_json_string(&self) -> String {
        format!("\"{}\"", self.raw())
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
/// an explicit end marker closes (CommonMark HTML blocks of kinds 1 to 5).
fn opens_open_ended_block(line: &str) -> bool {
    let content = line.trim_start_matches([' ', '\t']);
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
        assert_eq!(prose("text ``` inline"), "text ``` inline");
    }

    #[test]
    fn json_strings_escape_or_stay_raw() {
        let text = Text(vec![
            Piece::Tricky(Tricky::Quote),
            Piece::Tricky(Tricky::Newline),
            Piece::Char('é'),
        ]);
        assert_eq!(text.json_string(), "\"\\\"\\né\"");
        assert_eq!(text.raw_json_string(), "\"\"\né\"");
        assert_eq!(text.cell(), "\" é");
    }
}
