//! Markdown events to plain text: escapes resolved, emphasis and links reduced to their
//! text, lists as `- item` lines, HTML and MDX tags removed (their text content kept).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::html;

/// How many times HTML block content is re-read as markdown (MDX components hold markdown).
const MAX_HTML_DEPTH: u8 = 2;

/// The separators written between two pieces of text; of two pending, the longer wins.
const LINE: &str = "\n";
const PARAGRAPH: &str = "\n\n";

/// Accumulates plain text from markdown events, block by block.
#[derive(Debug, Default)]
pub(crate) struct PlainText {
    out: String,
    pending: &'static str,
    lists: Vec<Option<u64>>,
    at_item_start: bool,
    image_depth: usize,
    cell_index: usize,
    html_block: Option<String>,
    html_depth: u8,
}

impl PlainText {
    /// Feeds one event.
    pub(crate) fn push(&mut self, event: &Event<'_>) {
        // An HTML block is stripped whole: its tags may span lines.
        if let Some(buffer) = &mut self.html_block
            && let Event::Html(html) | Event::Text(html) = event
        {
            return buffer.push_str(html);
        }
        match event {
            // An image vanishes with its alt text, which may hold images itself.
            Event::Start(Tag::Image { .. }) => self.image_depth += 1,
            Event::End(TagEnd::Image) => self.image_depth = self.image_depth.saturating_sub(1),
            _ if self.image_depth > 0 => {}
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(*tag),
            Event::Text(text) | Event::Code(text) => self.write_inline(text),
            Event::Html(html) => self.push_html_block(html),
            Event::InlineHtml(html) => self.push_inline_html(html),
            Event::SoftBreak => self.write_inline(" "),
            Event::HardBreak => self.separate(LINE),
            Event::Rule => self.separate(PARAGRAPH),
            // Math, footnotes and task lists: `MARKDOWN` leaves them off.
            _ => {}
        }
    }

    /// Feeds a sequence of events.
    pub(crate) fn extend<'e>(&mut self, events: impl IntoIterator<Item = &'e Event<'e>>) {
        for event in events {
            self.push(event);
        }
    }

    /// The text, normalized: lines right-trimmed, runs of blank lines folded into one,
    /// surrounding blank lines removed. `None` when nothing but white space was written.
    pub(crate) fn finish(self) -> Option<String> {
        let mut out = String::with_capacity(self.out.len());
        let mut previous = "";
        for line in self.out.lines().map(str::trim_end) {
            if !line.is_empty() && !out.is_empty() {
                out.push_str(if previous.is_empty() { "\n\n" } else { "\n" });
            }
            out.push_str(line);
            previous = line;
        }
        (!out.is_empty()).then_some(out)
    }

    fn start(&mut self, tag: &Tag<'_>) {
        match tag {
            // An item's first paragraph goes on the line of its marker.
            Tag::Paragraph if self.at_item_start => {}
            Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::Table(_) | Tag::CodeBlock(_) => {
                self.separate(PARAGRAPH);
            }
            Tag::HtmlBlock => self.html_block = Some(String::new()),
            Tag::List(start) => self.lists.push(*start),
            Tag::Item => {
                self.separate(LINE);
                let indent = "  ".repeat(self.lists.len().saturating_sub(1));
                let marker = match self.lists.last_mut() {
                    Some(Some(number)) => {
                        let marker = format!("{indent}{number}. ");
                        *number = number.saturating_add(1);
                        marker
                    }
                    _ => format!("{indent}- "),
                };
                self.write(&marker);
                self.at_item_start = true;
            }
            Tag::TableHead | Tag::TableRow => {
                self.separate(LINE);
                self.cell_index = 0;
            }
            Tag::TableCell => {
                if self.cell_index > 0 {
                    self.write(" | ");
                }
                self.cell_index += 1;
            }
            // Emphasis, strikethrough and links: only their text stays.
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::Table => {
                self.separate(PARAGRAPH)
            }
            TagEnd::CodeBlock => {
                self.out.truncate(self.out.trim_end_matches('\n').len());
                self.separate(PARAGRAPH);
            }
            TagEnd::List(_) => {
                self.lists.pop();
                self.separate(if self.lists.is_empty() { PARAGRAPH } else { LINE });
            }
            TagEnd::Item => self.separate(LINE),
            TagEnd::HtmlBlock => {
                if let Some(html) = self.html_block.take() {
                    self.push_html_block(&html);
                }
            }
            _ => {}
        }
    }

    /// One inline tag: `<br>` breaks the line, other markup vanishes, anything else
    /// (`<app name>`) is text.
    fn push_inline_html(&mut self, html: &str) {
        if html::is_line_break(html) {
            return self.separate(LINE);
        }
        let stripped = html::strip_tags(html);
        if !stripped.trim().is_empty() {
            self.write_inline(&stripped);
        }
    }

    fn push_html_block(&mut self, html: &str) {
        let stripped = html::strip_tags(html);
        let lines: Vec<&str> = stripped.lines().map(str::trim_start).collect();
        let dedented = lines.join("\n");
        if dedented.trim().is_empty() {
            return;
        }
        self.separate(PARAGRAPH);
        if self.html_depth >= MAX_HTML_DEPTH {
            self.write(dedented.trim());
        } else {
            let mut inner = PlainText {
                html_depth: self.html_depth + 1,
                ..PlainText::default()
            };
            let events: Vec<_> = Parser::new_ext(&dedented, super::MARKDOWN).collect();
            inner.extend(&events);
            if let Some(text) = inner.finish() {
                self.write(&text);
            }
        }
        self.separate(PARAGRAPH);
    }

    fn separate(&mut self, separator: &'static str) {
        self.pending = self.pending.max(separator);
    }

    fn write_inline(&mut self, text: &str) {
        self.at_item_start &= text.is_empty();
        self.write(text);
    }

    fn write(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push_str(self.pending);
        }
        self.pending = "";
        self.out.push_str(text);
    }
}

/// The plain text of a run of events.
pub(crate) fn plain_text<'e>(events: impl IntoIterator<Item = &'e Event<'e>>) -> Option<String> {
    let mut text = PlainText::default();
    text.extend(events);
    text.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> Option<String> {
        let events: Vec<Event<'_>> = Parser::new_ext(markdown, super::super::MARKDOWN).collect();
        plain_text(&events)
    }

    #[test]
    fn escapes_are_resolved_and_emphasis_dropped() {
        assert_eq!(
            render(r"> Connect to \<app name>. It’s **fine**, `server\_error` or server\_error."),
            Some("Connect to <app name>. It’s fine, server\\_error or server_error.".into())
        );
    }

    #[test]
    fn lists_become_dash_lines_and_paragraphs_blank_lines() {
        assert_eq!(
            render("Intro:\n\n* one\n* two\n  * nested\n\n1. first\n2. second\n\nEnd\nsame paragraph"),
            Some("Intro:\n\n- one\n- two\n  - nested\n\n1. first\n2. second\n\nEnd same paragraph".into())
        );
    }

    #[test]
    fn mdx_components_and_html_leave_only_their_text() {
        let markdown = "<Note>\n  We only show the `status_code` when **allowed**.\n</Note>\n\n<Frame caption=\"x\">\n  <img src=\"a.png\" />\n</Frame>\n\nText<br />next <b>bold</b> to <app name>";
        assert_eq!(
            render(markdown),
            Some("We only show the status_code when allowed.\n\nText\nnext bold to <app name>".into())
        );
    }

    #[test]
    fn links_keep_their_text_and_images_vanish() {
        assert_eq!(
            render("See [the docs](https://example.com) ![alt *x*](i.png) now."),
            Some("See the docs  now.".into())
        );
    }

    #[test]
    fn tables_become_pipe_separated_lines() {
        assert_eq!(
            render("| Email | VIN |\n| --- | --- |\n| a@b.c | `0SC` |\n"),
            Some("Email | VIN\na@b.c | 0SC".into())
        );
    }

    #[test]
    fn nothing_but_white_space_is_none() {
        assert_eq!(render("<br />\n\n<Frame>\n</Frame>\n"), None);
        assert_eq!(render(""), None);
    }
}
