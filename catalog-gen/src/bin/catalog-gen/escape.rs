//! Printing text that comes from outside (URLs, page names, what a server said) so that it can
//! never forge or hide part of a log line.

use std::borrow::Cow;
use std::fmt::Write;

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

/// Whether `c` is a control character (ESC, CR, LF, NUL, DEL, the C1 controls...) or one of the
/// [`INVISIBLE`] characters: what a name may not hold and what printed text shows escaped.
pub fn is_control_or_invisible(c: char) -> bool {
    if c.is_control() {
        return true;
    }
    let code = u32::from(c);
    code >= 0xA0
        && INVISIBLE
            .iter()
            .any(|&(first, last)| (first..=last).contains(&code))
}

/// `text` with every [control or invisible](is_control_or_invisible) character written as an
/// escape: `\n`, `\r`, `\t`, or `\u{1b}` for the others. Everything else is kept as it is.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_control_or_invisible) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            '\t' => escaped.push_str("\\t"),
            c if is_control_or_invisible(c) => {
                let _ = write!(escaped, "{}", c.escape_unicode());
            }
            c => escaped.push(c),
        }
    }
    Cow::Owned(escaped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_controls_and_invisible_characters_only() {
        assert_eq!(
            escape("a\nerror: forged\r\x1b[2J\t\0\u{7f}\u{85}"),
            "a\\nerror: forged\\r\\u{1b}[2J\\t\\u{0}\\u{7f}\\u{85}"
        );
        assert_eq!(
            escape("x\u{202e}fdp.exe\u{2066}\u{200b}\u{feff}\u{a0}\u{3000}\u{2028}\u{e0041}"),
            "x\\u{202e}fdp.exe\\u{2066}\\u{200b}\\u{feff}\\u{a0}\\u{3000}\\u{2028}\\u{e0041}"
        );
        let plain = "https://smartcar.com/docs/errors/api errors/é\\x.md — ok";
        assert!(matches!(escape(plain), Cow::Borrowed(text) if text == plain));
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
            assert!(is_control_or_invisible(c), "{c:?}");
        }
        for c in [
            '\u{ad}',
            '\u{61c}',
            '\u{115f}',
            '\u{180e}',
            '\u{200d}',
            '\u{200e}',
            '\u{202a}',
            '\u{2069}',
            '\u{2060}',
            '\u{3164}',
            '\u{fe0f}',
            '\u{fff9}',
            '\u{e0001}',
            '\u{e01ef}',
        ] {
            assert!(is_control_or_invisible(c), "{c:?}");
        }
        for c in ['a', ' ', '-', '.', '/', '\\', '%', 'é', 'ß', '漢', '¡', '😀'] {
            assert!(!is_control_or_invisible(c), "{c:?}");
        }
    }
}
