//! What counts as markdown, the rule `fetch --help` states (What it accepts) for the index and
//! every page before anything is written: a captive portal's login page, a proxy's error page
//! or a binary file fails it; markdown with inline HTML or MDX components (`<Note>`) passes it.

/// The tags that start an HTML or XML document, lowercase.
const DOCUMENT_TAGS: [&str; 5] = ["<!doctype", "<html", "<head", "<body", "<?xml"];

/// `body` as text if it is markdown; otherwise what gave it away. A document's tag counts after
/// any leading whitespace and byte order mark, in any case.
pub fn as_markdown(body: &[u8]) -> Result<&str, String> {
    let text =
        std::str::from_utf8(body).map_err(|error| format!("not UTF-8 (at byte {})", error.valid_up_to()))?;
    let control = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'));
    if let Some((at, character)) = control {
        let code = u32::from(character);
        return Err(format!("control character U+{code:04X} at byte {at}"));
    }
    let start = text
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .as_bytes();
    if let Some(tag) = DOCUMENT_TAGS.into_iter().find(|tag| starts_with_tag(start, tag)) {
        return Err(format!("an HTML document (it starts with {tag})"));
    }
    Ok(text)
}

/// Whether `text` starts with `tag` (lowercase), in any case, followed by the end of the tag
/// name: so `<head>` and `<HEAD lang=en>` do, `<Header>` does not.
fn starts_with_tag(text: &[u8], tag: &str) -> bool {
    let opens = text
        .get(..tag.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(tag.as_bytes()));
    let name_ends = |next: &u8| !next.is_ascii_alphanumeric() && !b"-_:.".contains(next);
    opens && text.get(tag.len()).is_none_or(name_ends)
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
                Err(format!("an HTML document (it starts with {tag})")),
                "{page:?}"
            );
        }
    }

    #[test]
    fn refuses_binary_and_control_characters() {
        for (body, problem) in [
            (&b"# Title\n\xff\xfe"[..], "not UTF-8 (at byte 8)"),
            (b"\x89PNG", "not UTF-8 (at byte 0)"),
            (b"# Title\0", "control character U+0000 at byte 7"),
            ("a\u{1b}[31m".as_bytes(), "control character U+001B at byte 1"),
            ("é\u{85}".as_bytes(), "control character U+0085 at byte 2"),
            (b"\x7f", "control character U+007F at byte 0"),
        ] {
            assert_eq!(as_markdown(body), Err(problem.to_owned()), "{body:?}");
        }
    }
}
