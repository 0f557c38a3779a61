//! Which characters are unsafe to show as they are, and text with them escaped.
//!
//! Text from outside (docs pages, HTTP bodies, redirect URIs, file names) can hold control
//! characters that end a line, rewrite a terminal (ESC) or reorder what a reader sees
//! (bidirectional overrides). Wherever such text is printed — a log line, a build-script
//! directive, a diagnostic, an error's `Display` — it goes through [`Escaped`], so it can never
//! start a line of its own or hide what it says.

use core::fmt::{self, Write};

/// The characters, beyond the control characters, that a reader cannot see or that change how
/// the text around them is shown: format characters (bidi controls and marks, zero-width
/// characters, the byte order mark, tags), the other default-ignorable code points (variation
/// selectors, Hangul fillers...), and every space and line break other than the ASCII space.
/// Inclusive ranges of code points, in order.
const INVISIBLE: &[(u32, u32)] = &[
    (0x00A0, 0x00A0),
    (0x00AD, 0x00AD),
    (0x034F, 0x034F),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x115F, 0x1160),
    (0x1680, 0x1680),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x2000, 0x200F),
    (0x2028, 0x202F),
    (0x205F, 0x206F),
    (0x3000, 0x3000),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1343F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),
];

/// Whether `c` is unsafe to print as it is: a control character (C0, DEL, C1: ESC, CR, LF,
/// NUL...), a format character (bidi controls and marks, zero-width characters, the byte order
/// mark, tags), another default-ignorable code point (variation selectors, Hangul fillers...),
/// or a space or line break other than the ASCII space.
pub fn is_unsafe(c: char) -> bool {
    if c.is_control() {
        return true;
    }
    let code = u32::from(c);
    code >= 0xA0
        && INVISIBLE
            .iter()
            .any(|&(first, last)| (first..=last).contains(&code))
}

/// `text` with every [unsafe](is_unsafe) character escaped as [`Escaped`] shows it, borrowed
/// when there is none.
pub fn escape(text: &str) -> std::borrow::Cow<'_, str> {
    if is_safe(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(Escaped(text).to_string())
    }
}

/// Displays text with every [unsafe](is_unsafe) character escaped: `\n`, `\r` and `\t` as
/// such, others as `\u{…}` (`\u{1b}` for ESC). Other text, backslashes included, is written
/// as it is.
///
/// ```
/// use smartcar_errors_shared::text::Escaped;
///
/// assert_eq!(Escaped("line\ncargo:rustc-cfg=x").to_string(), r"line\ncargo:rustc-cfg=x");
/// assert_eq!(Escaped("\u{1b}[31mred\u{202e}").to_string(), r"\u{1b}[31mred\u{202e}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(is_unsafe) {
            f.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            match c {
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c => write!(f, "\\u{{{:x}}}", u32::from(c))?,
            }
            rest = &rest[at + c.len_utf8()..];
        }
        f.write_str(rest)
    }
}

/// Displays multi-line text with every [unsafe](is_unsafe) character escaped as [`Escaped`]
/// escapes it, except line feeds, which are kept: for text shown as a block, such as what the
/// docs say of an error.
///
/// ```
/// use smartcar_errors_shared::text::EscapedLines;
///
/// assert_eq!(EscapedLines("one\ntwo\r\u{1b}").to_string(), "one\ntwo\\r\\u{1b}");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EscapedLines<'a>(pub &'a str);

impl fmt::Display for EscapedLines<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, line) in self.0.split('\n').enumerate() {
            if i > 0 {
                f.write_char('\n')?;
            }
            write!(f, "{}", Escaped(line))?;
        }
        Ok(())
    }
}

/// Whether `text` has no [unsafe](is_unsafe) character, so that [`Escaped`] shows it unchanged.
pub fn is_safe(text: &str) -> bool {
    !text.chars().any(is_unsafe)
}

/// Writes at most `max` characters of `text`, escaped, with white space runs folded into
/// one space and the ends trimmed, then `…` if anything was left out. Reads only as much of
/// `text` as it shows, so the cost does not grow with the length of `text`.
pub fn write_excerpt(out: &mut impl Write, text: &str, max: usize) -> fmt::Result {
    let mut shown = 0;
    let mut pending_space = false;
    let mut buffer = [0u8; 4];
    for c in text.chars() {
        if c.is_whitespace() {
            pending_space = shown > 0;
            continue;
        }
        if shown + usize::from(pending_space) >= max {
            return out.write_char('…');
        }
        if pending_space {
            out.write_char(' ')?;
            shown += 1;
            pending_space = false;
        }
        write!(out, "{}", Escaped(c.encode_utf8(&mut buffer)))?;
        shown += 1;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unsafe_characters_are_escaped_and_the_rest_kept() {
        assert_eq!(
            Escaped("a\r\nb\tc\0d\u{7f}").to_string(),
            r"a\r\nb\tc\u{0}d\u{7f}"
        );
        assert_eq!(Escaped("C:\\path ’ok’").to_string(), "C:\\path ’ok’");
        assert_eq!(
            Escaped("\u{85}\u{2028}\u{200b}").to_string(),
            r"\u{85}\u{2028}\u{200b}"
        );
        assert!(is_safe("plain text, ünïcödé"));
        assert!(!is_safe("a\u{202e}b"));
    }

    #[test]
    fn the_invisible_table_is_sorted_and_disjoint() {
        for pair in INVISIBLE.windows(2) {
            assert!(pair[0].0 <= pair[0].1 && pair[0].1 < pair[1].0, "{pair:x?}");
        }
    }

    #[test]
    fn classifies_every_kind_of_character() {
        for c in ['\0', '\n', '\u{1b}', '\u{7f}', '\u{9b}'] {
            assert!(is_unsafe(c), "{c:?}");
        }
        let invisible = [
            '\u{a0}',
            '\u{ad}',
            '\u{61c}',
            '\u{115f}',
            '\u{180e}',
            '\u{200d}',
            '\u{200e}',
            '\u{202a}',
            '\u{2069}',
            '\u{2060}',
            '\u{3000}',
            '\u{3164}',
            '\u{fe0f}',
            '\u{fff9}',
            '\u{e0001}',
            '\u{e01ef}',
        ];
        for c in invisible {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in [
            'a', ' ', '-', '.', '/', '\\', '%', 'é', 'ß', '漢', '¡', '😀', '’', '“',
        ] {
            assert!(!is_unsafe(c), "{c:?}");
        }
        assert!(matches!(
            escape("plain — ok"),
            std::borrow::Cow::Borrowed("plain — ok")
        ));
        assert_eq!(escape("x\u{202e}y\u{a0}"), r"x\u{202e}y\u{a0}");
    }

    #[test]
    fn excerpts_fold_white_space_and_stop_at_the_limit() {
        let excerpt = |text: &str, max| {
            let mut out = String::new();
            write_excerpt(&mut out, text, max).unwrap();
            out
        };
        assert_eq!(
            excerpt("  <h1>502\n\n  Bad   Gateway</h1>  ", 120),
            "<h1>502 Bad Gateway</h1>"
        );
        assert_eq!(excerpt("abcdef", 3), "abc…");
        assert_eq!(excerpt("ab cd", 3), "ab…");
        assert_eq!(excerpt("ab c", 4), "ab c");
        assert_eq!(excerpt("a\u{1b}b", 10), r"a\u{1b}b");
        assert_eq!(excerpt(" \n ", 10), "");
    }
}
