//! Which characters are unsafe to show as they are, and text with them escaped.
//!
//! Text from outside (docs pages, HTTP bodies, redirect URIs, file names) can hold control
//! characters that end a line, rewrite a terminal (ESC) or reorder what a reader sees
//! (bidirectional overrides). Wherever such text is printed — a log line, a build-script
//! directive, a diagnostic, an error's `Display` — it goes through [`Escaped`], so it can never
//! start a line of its own or hide what it says.

use core::fmt::{self, Write};

/// Whether `c` is unsafe to print as it is: a control character (C0, DEL, C1), or an
/// invisible format character that changes text direction or hides content.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{00AD}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{FFF9}'..='\u{FFFB}')
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
