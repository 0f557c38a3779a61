//! Prose blocks: paragraphs, quotes, lists, tables, MDX components, separators and the
//! titled sections of a code.

use bolero::generator::*;
use serde::{Deserialize, Serialize};

use super::writer::{Writer, fence_for};
use crate::text::Text;

/// A block of prose, as the pages mix them.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Block {
    /// A paragraph.
    Paragraph(Text),
    /// `> quote`
    Quote(Text),
    /// A bullet list.
    List(#[generator(Vec::produce().with().len(1usize..4))] Vec<Text>),
    /// A numbered list.
    Numbered(#[generator(Vec::produce().with().len(1usize..4))] Vec<Text>),
    /// A heading below level 1.
    Heading(Level, Text),
    /// An MDX component or HTML.
    Mdx(Mdx),
    /// A table.
    Table(Table),
    /// A fenced block that is not an example.
    Fence(Text),
    /// A separator.
    Separator(Separator),
}

/// A heading level from 2 to 6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Level(#[generator(2u8..=6)] pub u8);

/// MDX components and inline HTML as the pages use them.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Mdx {
    /// `<Note>` around text.
    Note(Text),
    /// `<Warning>` around text.
    Warning(Text),
    /// `<Frame caption="...">` around an `<img>`.
    Frame(Text),
    /// `<Tab title={"a > b"}>` around text.
    Tab(Text),
    /// Text, `<br />`, more text.
    Break(Text, Text),
    /// `<b>bold</b>` inline.
    Inline(Text),
    /// `<!-- comment -->`
    Comment(Text),
}

/// A table with a header row and body rows.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Table {
    /// The header cells.
    #[generator(Vec::produce().with().len(1usize..4))]
    pub header: Vec<Text>,
    /// The rows' cells.
    #[generator(Vec::produce().with().len(0usize..4))]
    pub rows: Vec<Vec<Text>>,
}

/// What ends a code's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Separator {
    /// `***`
    Rule,
    /// `<br />` on its own.
    Break,
}

/// A titled section below a code heading.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Section {
    /// Its title.
    pub name: SectionName,
    /// How the title is written.
    pub style: SectionStyle,
    /// Its content.
    #[generator(Vec::produce().with().len(0usize..3))]
    pub body: Vec<Block>,
}

/// Section titles, the recognized ones and others.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum SectionName {
    /// `Suggested Resolution`
    Resolution,
    /// `Suggested Resolutions`
    Resolutions,
    /// `Troubleshooting Steps`
    Troubleshooting,
    /// `Suggested User Message`
    UserMessage,
    /// `Suggested User Messaging:`
    UserMessaging,
    /// Any title.
    Other(Text),
}

/// How a section title is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum SectionStyle {
    /// `### Title`
    H3,
    /// `## Title`
    H2,
    /// `**Title**<br />` opening the section's first paragraph.
    BoldBreak,
    /// `**Title:**` on a line of its own.
    BoldLine,
}

impl Block {
    pub(crate) fn render(&self, w: &mut Writer) {
        match self {
            Block::Paragraph(text) => w.block(&text.prose()),
            Block::Quote(text) => w.block(&prefix_lines("> ", &text.prose())),
            Block::List(items) => w.block(&list(items, |_| "* ".to_owned())),
            Block::Numbered(items) => w.block(&list(items, |i| format!("{}. ", i + 1))),
            Block::Heading(level, text) => {
                let hashes = "#".repeat(usize::from(level.0.clamp(2, 6)));
                w.block(&format!("{hashes} {}", text.one_line()));
            }
            Block::Mdx(mdx) => mdx.render(w),
            Block::Table(table) => table.render(w),
            Block::Fence(text) => {
                let content = text.raw();
                let fence = fence_for(&content);
                w.block(&format!("{fence}text\n{content}\n{fence}"));
            }
            Block::Separator(separator) => separator.render(w),
        }
    }
}

impl Mdx {
    fn render(&self, w: &mut Writer) {
        match self {
            Mdx::Note(text) => w.block(&format!("<Note>\n  {}\n</Note>", text.prose())),
            Mdx::Warning(text) => w.block(&format!("<Warning>\n{}\n</Warning>", text.prose())),
            Mdx::Frame(caption) => w.block(&format!(
                "<Frame caption=\"{}\">\n  <img src=\"https://example.com/a.png\" width=\"457\" />\n</Frame>",
                caption.one_line()
            )),
            Mdx::Tab(text) => w.block(&format!("<Tab title={{\"a > b\"}}>\n{}\n</Tab>", text.prose())),
            Mdx::Break(a, b) => w.block(&format!("{}<br />{}", a.prose(), b.prose())),
            Mdx::Inline(text) => w.block(&format!("Some <b>{}</b> text", text.prose())),
            Mdx::Comment(text) => w.block(&format!("<!-- {} -->", text.prose())),
        }
    }
}

impl Table {
    fn render(&self, w: &mut Writer) {
        let row = |cells: &[Text]| {
            let cells: Vec<String> = cells.iter().map(Text::cell).collect();
            format!("| {} |", cells.join(" | "))
        };
        let mut lines = vec![
            row(&self.header),
            format!("|{}", " --- |".repeat(self.header.len())),
        ];
        lines.extend(self.rows.iter().map(|cells| row(cells)));
        w.block(&lines.join("\n"));
    }
}

impl Separator {
    pub(crate) fn render(self, w: &mut Writer) {
        w.block(match self {
            Separator::Rule => "***",
            Separator::Break => "<br />",
        });
    }
}

impl Section {
    pub(crate) fn render(&self, w: &mut Writer) {
        let title = match &self.name {
            SectionName::Resolution => "Suggested Resolution".to_owned(),
            SectionName::Resolutions => "Suggested Resolutions".to_owned(),
            SectionName::Troubleshooting => "Troubleshooting Steps".to_owned(),
            SectionName::UserMessage => "Suggested User Message".to_owned(),
            SectionName::UserMessaging => "Suggested User Messaging:".to_owned(),
            SectionName::Other(text) => text.one_line(),
        };
        let mut body = self.body.iter();
        match self.style {
            SectionStyle::H3 => w.block(&format!("### {title}")),
            SectionStyle::H2 => w.block(&format!("## {title}")),
            SectionStyle::BoldLine => w.block(&format!("**{title}**")),
            SectionStyle::BoldBreak => match body.next() {
                Some(Block::Paragraph(text)) => w.block(&format!("**{title}**<br />\n{}", text.prose())),
                Some(other) => {
                    w.block(&format!("**{title}**<br />"));
                    other.render(w);
                }
                None => w.block(&format!("**{title}**<br />")),
            },
        }
        for block in body {
            block.render(w);
        }
    }
}

fn prefix_lines(prefix: &str, text: &str) -> String {
    text.split('\n')
        .map(|line| format!("{prefix}{line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn list(items: &[Text], marker: impl Fn(usize) -> String) -> String {
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let marker = marker(i);
            let indent = " ".repeat(marker.len());
            let body = item.prose().replace('\n', &format!("\n{indent}"));
            format!("{marker}{body}")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Word;

    fn render(block: &Block) -> String {
        let mut w = Writer::default();
        block.render(&mut w);
        w.finish().0
    }

    #[test]
    fn blocks_render_as_the_pages_write_them() {
        let text = Text::words(&[Word::Vehicle]);
        assert_eq!(render(&Block::Quote(text.clone())), "> vehicle \n");
        assert_eq!(
            render(&Block::Numbered(vec![text.clone(), text.clone()])),
            "1. vehicle \n2. vehicle \n"
        );
        let table = Block::Table(Table {
            header: vec![text.clone()],
            rows: vec![vec![text.clone(), text]],
        });
        assert_eq!(render(&table), "| vehicle  |\n| --- |\n| vehicle  | vehicle  |\n");
    }
}
