//! A grammar of docs pages, for structure-aware fuzzing.
//!
//! A [`Page`] is the shape of a published errors page (source line, title, summary, code
//! sections with JSON examples and titled sections, a Connect parameter table) with every
//! part free to be missing, repeated, misplaced or filled with hostile text. Rendering it
//! gives the markdown and the lines of the `` # `CODE` `` headings it wrote, so a target can
//! check that each of them is accounted for.

mod block;
mod connect;
mod example;
mod writer;

use bolero::generator::*;
use serde::{Deserialize, Serialize};

pub use block::{Block, Level, Mdx, Section, SectionName, SectionStyle, Separator, Table};
pub use connect::{
    Connect, Description, DocumentedRows, ErrorName, ParamHeader, ParamName, ParamRow, QueryName, Redirect,
    Required,
};
pub use example::{
    Anchor, CodeField, DetailItem, Documented, DocumentedFence, Ending, ErrorTypeName, Example, ExampleFence,
    Field, FreeExample, Key, ResolutionName, Value,
};

use crate::text::Text;
use crate::weights::{mostly, sometimes};
use writer::Writer;

/// The URL of the API errors page the generated pages pretend to be.
pub const PAGE_URL: &str = "https://smartcar.com/docs/errors/api-errors/fuzz-errors";

/// A generated docs page.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct Page {
    /// The snapshot's `# Source: URL` line.
    pub source: Option<SourceLine>,
    /// The `> ## Documentation Index` note the snapshot pages start with.
    pub index_note: bool,
    /// The `# Title`.
    pub title: Option<Text>,
    /// The `> summary` below the title.
    pub summary: Option<Text>,
    /// Blocks before the first code heading.
    #[generator(Vec::produce().with().len(0usize..3))]
    pub preamble: Vec<Block>,
    /// What the page documents.
    #[generator(mostly(0.65, produce::<Vec<CodeSection>>().with().len(0usize..4).map_gen(Content::Api), produce()))]
    pub content: Content,
}

/// What a page documents.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Content {
    /// API error codes.
    Api(#[generator(Vec::produce().with().len(0usize..5))] Vec<CodeSection>),
    /// A Connect error.
    Connect(Connect),
    /// Both, which is an error.
    Mixed {
        /// The code sections.
        #[generator(Vec::produce().with().len(1usize..3))]
        codes: Vec<CodeSection>,
        /// Whether the Connect table comes before them.
        connect_first: bool,
        /// The Connect part.
        connect: Connect,
    },
}

/// The `# Source:` line.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum SourceLine {
    /// This page's URL, as the snapshot writes it.
    ThisPage,
    /// Any text after `Source:`.
    Other(Text),
}

/// A `` # `CODE` `` heading and what follows it.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct CodeSection {
    /// The code in the heading.
    pub code: CodeName,
    /// Prose between the heading and the example.
    #[generator(Vec::produce().with().len(0usize..2))]
    pub intro: Vec<Block>,
    /// The example response.
    #[generator(sometimes(0.9, mostly(
        0.8,
        produce::<Documented>().map_gen(Example::Documented),
        produce::<FreeExample>().map_gen(Example::Free),
    )))]
    pub example: Option<Example>,
    /// Titled sections (Suggested Resolution, ...).
    #[generator(Vec::produce().with().len(0usize..4))]
    pub sections: Vec<Section>,
    /// A separator after the code (`***`).
    pub separator: Option<Separator>,
}

/// The code written in a heading.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum CodeName {
    /// `NULL`
    Null,
    /// `null`
    NullLowercase,
    /// `INTERNAL`
    Internal,
    /// `RECORD_NOT_FOUND`
    RecordNotFound,
    /// `VEHICLE_4G`
    Vehicle4g,
    /// `123_START`
    LeadingDigit,
    /// `Self`
    Keyword,
    /// `--`
    NoLetters,
    /// `Source: x`, which looks like the snapshot's metadata line.
    SourceLike,
    /// `Suggested Resolution`, which looks like a section title.
    SectionLike,
    /// Any text (on one line, without backticks).
    Custom(Text),
}

impl CodeName {
    /// The code as written between the backticks: one line, no backticks, not empty.
    pub fn written(&self) -> String {
        let text = match self {
            CodeName::Null => "NULL".to_owned(),
            CodeName::NullLowercase => "null".to_owned(),
            CodeName::Internal => "INTERNAL".to_owned(),
            CodeName::RecordNotFound => "RECORD_NOT_FOUND".to_owned(),
            CodeName::Vehicle4g => "VEHICLE_4G".to_owned(),
            CodeName::LeadingDigit => "123_START".to_owned(),
            CodeName::Keyword => "Self".to_owned(),
            CodeName::NoLetters => "--".to_owned(),
            CodeName::SourceLike => "Source: x".to_owned(),
            CodeName::SectionLike => "Suggested Resolution".to_owned(),
            CodeName::Custom(text) => text.raw().replace(['`', '\n', '\r'], ""),
        };
        if text.is_empty() { "X".to_owned() } else { text }
    }

    /// The code the parser reads from the heading: `None` for `NULL`.
    pub fn parsed(&self) -> Option<String> {
        let written = self.written();
        let code = written.trim();
        (!code.eq_ignore_ascii_case("null")).then(|| code.to_owned())
    }
}

/// A rendered page.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// The markdown.
    pub markdown: String,
    /// The 1-based lines of the `` # `CODE` `` headings written, ascending.
    pub code_headings: Vec<u32>,
}

impl Page {
    /// The page as markdown.
    pub fn render(&self) -> Rendered {
        let mut w = Writer::default();
        match &self.source {
            Some(SourceLine::ThisPage) => w.block(&format!("# Source: {PAGE_URL}.md")),
            Some(SourceLine::Other(text)) => w.block(&format!("# Source: {}", text.one_line())),
            None => {}
        }
        if self.index_note {
            w.block(
                "> ## Documentation Index\n> Fetch the complete documentation index at: https://smartcar.com/docs/llms.txt",
            );
        }
        if let Some(title) = &self.title {
            w.block(&format!("# {}", title.one_line()));
        }
        if let Some(summary) = &self.summary {
            w.block(&format!("> {}", summary.one_line()));
        }
        for block in &self.preamble {
            block.render(&mut w);
        }
        match &self.content {
            Content::Api(codes) => codes.iter().for_each(|code| code.render(&mut w)),
            Content::Connect(connect) => connect.render(&mut w),
            Content::Mixed {
                codes,
                connect_first,
                connect,
            } => {
                if *connect_first {
                    connect.render(&mut w);
                }
                codes.iter().for_each(|code| code.render(&mut w));
                if !connect_first {
                    connect.render(&mut w);
                }
            }
        }
        let (markdown, code_headings) = w.finish();
        Rendered {
            markdown,
            code_headings,
        }
    }
}

impl CodeSection {
    fn render(&self, w: &mut Writer) {
        w.code_heading(&self.code.written());
        for block in &self.intro {
            block.render(w);
        }
        if let Some(example) = &self.example {
            example.render(&self.code, w);
        }
        for section in &self.sections {
            section.render(w);
        }
        if let Some(separator) = self.separator {
            separator.render(w);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Word;

    #[test]
    fn code_names_are_one_line_and_never_empty() {
        let custom = CodeName::Custom(Text(vec![crate::text::Piece::Tricky(
            crate::text::Tricky::Backtick,
        )]));
        assert_eq!(custom.written(), "X");
        assert_eq!(CodeName::NullLowercase.parsed(), None);
        assert_eq!(CodeName::SourceLike.parsed().as_deref(), Some("Source: x"));
    }

    #[test]
    fn a_page_renders_its_headings_on_the_lines_noted() {
        let page = Page {
            source: Some(SourceLine::ThisPage),
            index_note: false,
            title: Some(Text::words(&[Word::Smartcar])),
            summary: None,
            preamble: Vec::new(),
            content: Content::Api(vec![
                CodeSection {
                    code: CodeName::Internal,
                    intro: vec![Block::Paragraph(Text::words(&[Word::TryAgain]))],
                    example: None,
                    sections: Vec::new(),
                    separator: Some(Separator::Rule),
                },
                CodeSection {
                    code: CodeName::Null,
                    intro: Vec::new(),
                    example: None,
                    sections: Vec::new(),
                    separator: None,
                },
            ]),
        };
        let rendered = page.render();
        let lines: Vec<&str> = rendered.markdown.lines().collect();
        assert_eq!(rendered.code_headings, [5, 11]);
        assert_eq!(lines[4], "# `INTERNAL`");
        assert_eq!(lines[10], "# `NULL`");
    }
}
