//! Removing HTML and MDX tags from text while keeping what they enclose.
//!
//! Only tags we know are markup are removed: HTML elements by name, MDX components (names
//! starting with an uppercase letter) and comments. Anything else that looks like a tag,
//! such as the docs' `<app name>` placeholder, is text and stays.

/// `html` with markup tags removed; line-breaking elements become newlines and `<li>` starts
/// a `- ` line.
pub(crate) fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let candidate = &rest[open..];
        if let Some(comment) = candidate.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some((breaks, tag)) = parse_tag(candidate).and_then(|tag| Some((breaks_line(tag.name)?, tag)))
        else {
            out.push('<');
            rest = &candidate[1..];
            continue;
        };
        if tag.name.eq_ignore_ascii_case("li") {
            if !tag.closing {
                // One item per line, however the source spaced them.
                out.truncate(out.trim_end_matches([' ', '\t']).len());
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                out.push_str("- ");
            }
        } else if breaks {
            out.push('\n');
        }
        rest = &candidate[tag.len..];
    }
    out.push_str(rest);
    out
}

/// Whether `html` is a lone line break (`<br>`, `<br/>`, `<br />`).
pub(crate) fn is_line_break(html: &str) -> bool {
    matches!(parse_tag(html.trim()), Some(tag) if tag.name.eq_ignore_ascii_case("br") && tag.len == html.trim().len())
}

/// Whether the text after the tag `name` continues on a new line once the tag is removed;
/// `None` when the tag is no markup and stays as text.
fn breaks_line(name: &str) -> Option<bool> {
    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
        return Some(true);
    }
    match name.to_ascii_lowercase().as_str() {
        "a" | "abbr" | "b" | "button" | "code" | "col" | "colgroup" | "del" | "em" | "font" | "i"
        | "iframe" | "img" | "input" | "ins" | "kbd" | "label" | "mark" | "path" | "picture" | "q" | "s"
        | "samp" | "small" | "source" | "span" | "strike" | "strong" | "sub" | "sup" | "svg" | "tt" | "u"
        | "var" | "video" | "wbr" => Some(false),
        "article" | "aside" | "blockquote" | "br" | "caption" | "center" | "dd" | "details" | "div"
        | "dl" | "dt" | "figcaption" | "figure" | "footer" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
        | "header" | "hr" | "li" | "main" | "nav" | "ol" | "p" | "pre" | "section" | "summary" | "table"
        | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr" | "ul" => Some(true),
        _ => None,
    }
}

struct ParsedTag<'a> {
    name: &'a str,
    closing: bool,
    len: usize,
}

/// Parses `<name attr="v" {expr}>`, `</name>` or `<name/>` at the start of `text`.
fn parse_tag(text: &str) -> Option<ParsedTag<'_>> {
    let bytes = text.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = 1 + usize::from(closing);
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let mut i = name_start;
    while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || matches!(bytes[i], b'-' | b'.' | b'_')) {
        i += 1;
    }
    let name = &text[name_start..i];
    let mut braces = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'>' if braces == 0 => {
                return Some(ParsedTag {
                    name,
                    closing,
                    len: i + 1,
                });
            }
            // A quoted value runs to its closing quote, whatever it holds.
            quote @ (b'"' | b'\'') if braces == 0 => i += text[i + 1..].find(quote as char)? + 1,
            b'{' => braces += 1,
            b'}' => braces = braces.checked_sub(1)?,
            b'<' if braces == 0 => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_markup_and_keeps_placeholders() {
        assert_eq!(strip_tags("a <b>bold</b> <app name> c"), "a bold <app name> c");
        assert_eq!(
            strip_tags("<Info>Read <a href=\"https://x.y/?a=1&b=2\">this</a></Info>"),
            "\nRead this\n"
        );
        assert_eq!(
            strip_tags("<ul><li>one</li><li>two</li></ul>"),
            "\n- one\n- two\n"
        );
        assert_eq!(
            strip_tags("<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>"),
            "\n\n- one\n- two\n\n"
        );
        assert_eq!(strip_tags("x <!-- hidden --> y"), "x  y");
        assert_eq!(strip_tags("<Tab title={\"a > b\"}>t</Tab>"), "\nt\n");
        assert_eq!(strip_tags("1 < 2 and <unclosed"), "1 < 2 and <unclosed");
    }

    #[test]
    fn recognizes_line_breaks() {
        assert!(is_line_break("<br />"));
        assert!(is_line_break("<BR>"));
        assert!(is_line_break(" <br/>\n"));
        assert!(!is_line_break("<br /> text"));
        assert!(!is_line_break("<b>"));
    }
}
