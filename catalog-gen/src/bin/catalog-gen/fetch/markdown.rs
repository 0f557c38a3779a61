//! What counts as markdown: the rule the index and every page must pass before anything is
//! written.
//!
//! A body is markdown when it is UTF-8, holds no control character other than tab, line feed
//! and carriage return (no NUL, ESC, DEL or C1 control), and is not an HTML or XML document:
//! after any leading whitespace and byte order mark, it does not start with a `<!doctype`,
//! `<html`, `<head`, `<body` or `<?xml` tag, in any case. A captive portal's login page, a
//! proxy's error page or a binary file fails the rule; markdown with inline HTML or MDX
//! components (`<Note>`, `<Frame>`) passes it.

use std::fmt;

/// The tags that start an HTML or XML document, lowercase.
const DOCUMENT_TAGS: [&str; 5] = ["<!doctype", "<html", "<head", "<body", "<?xml"];

/// Why a body is not markdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotMarkdown {
    /// The bytes from this offset on are not UTF-8.
    InvalidUtf8 {
        /// The offset of the first byte that is not UTF-8.
        at: usize,
    },
    /// A control character other than tab, line feed and carriage return.
    ControlCharacter {
        /// The character.
        character: char,
        /// Its byte offset.
        at: usize,
    },
    /// The body is an HTML or XML document.
    Document {
        /// The tag it starts with, lowercase.
        tag: &'static str,
    },
}

impl fmt::Display for NotMarkdown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotMarkdown::InvalidUtf8 { at } => write!(f, "not UTF-8 (at byte {at})"),
            NotMarkdown::ControlCharacter { character, at } => write!(
                f,
                "control character U+{:04X} at byte {at}",
                u32::from(*character)
            ),
            NotMarkdown::Document { tag } => write!(f, "an HTML document (it starts with {tag})"),
        }
    }
}

/// `body` as text, if it is markdown by the rule of this module.
pub fn as_markdown(body: &[u8]) -> Result<&str, NotMarkdown> {
    let text = std::str::from_utf8(body).map_err(|error| NotMarkdown::InvalidUtf8 {
        at: error.valid_up_to(),
    })?;
    let control = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    if let Some((at, character)) = control {
        return Err(NotMarkdown::ControlCharacter { character, at });
    }
    let start = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .as_bytes();
    if let Some(tag) = DOCUMENT_TAGS.into_iter().find(|tag| starts_with_tag(start, tag)) {
        return Err(NotMarkdown::Document { tag });
    }
    Ok(text)
}

/// Whether `text` starts with `tag` (lowercase), in any case, followed by the end of the tag
/// name: so `<head>` and `<HEAD lang=en>` do, `<Header>` does not.
fn starts_with_tag(text: &[u8], tag: &str) -> bool {
    let Some(start) = text.get(..tag.len()) else {
        return false;
    };
    let name_goes_on = text
        .get(tag.len())
        .is_some_and(|&next| next.is_ascii_alphanumeric() || matches!(next, b'-' | b'_' | b':' | b'.'));
    start.eq_ignore_ascii_case(tag.as_bytes()) && !name_goes_on
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_markdown_with_inline_html_and_mdx() {
        for page in [
            "# Source: https://smartcar.com/docs/errors/a.md\n\n# `CODE`\r\n\tindented",
            "<Note>\nA component first.\n</Note>\n",
            "<Header>not a head tag</Header>",
            "\u{feff}# With a byte order mark",
            "<htmlish>",
            "",
        ] {
            assert_eq!(as_markdown(page.as_bytes()), Ok(page), "{page:?}");
        }
    }

    #[test]
    fn refuses_html_documents() {
        for (page, tag) in [
            (
                "<!DOCTYPE html>\n<html><body>Log in to the Wi-Fi</body></html>",
                "<!doctype",
            ),
            ("\n\n  <HTML lang=en>", "<html"),
            (
                "\u{feff}<head><meta http-equiv=refresh content=0;url=/login>",
                "<head",
            ),
            ("<body>", "<body"),
            ("<html>", "<html"),
            ("<?xml version=\"1.0\"?><!DOCTYPE html>", "<?xml"),
        ] {
            assert_eq!(
                as_markdown(page.as_bytes()),
                Err(NotMarkdown::Document { tag }),
                "{page:?}"
            );
        }
    }

    #[test]
    fn refuses_binary_and_control_characters() {
        assert_eq!(
            as_markdown(b"# Title\n\xff\xfe"),
            Err(NotMarkdown::InvalidUtf8 { at: 8 })
        );
        assert_eq!(
            as_markdown(b"# Title\0"),
            Err(NotMarkdown::ControlCharacter {
                character: '\0',
                at: 7
            })
        );
        assert_eq!(
            as_markdown("a\u{1b}[31m".as_bytes()),
            Err(NotMarkdown::ControlCharacter {
                character: '\u{1b}',
                at: 1
            })
        );
        assert_eq!(
            as_markdown("é\u{85}".as_bytes()),
            Err(NotMarkdown::ControlCharacter {
                character: '\u{85}',
                at: 2
            })
        );
        assert_eq!(
            as_markdown(b"\x7f").unwrap_err().to_string(),
            "control character U+007F at byte 0"
        );
        assert_eq!(
            as_markdown(b"\x89PNG").unwrap_err().to_string(),
            "not UTF-8 (at byte 0)"
        );
    }
}
