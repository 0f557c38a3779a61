//! A grammar of docs pages, for structure-aware fuzzing.
//!
//! A [`Page`] is a sequence of the parts a published errors page is made of (source line,
//! title, `` # `CODE` `` headings, JSON examples, titled sections, a Connect parameter table
//! and its example redirect), in any order and number, their text mixing the docs' words with
//! hostile characters. Rendering it gives the markdown and the lines of the code headings it
//! wrote, so a target can check that each of them is accounted for.

use bolero::generator::*;

use crate::text::Text;

/// The URL of the API errors page the generated pages pretend to be.
pub const PAGE_URL: &str = "https://smartcar.com/docs/errors/api-errors/fuzz-errors";

/// A generated docs page.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub struct Page(#[generator(Vec::produce().with().len(0usize..16))] pub Vec<Part>);

/// One block of a page.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum Part {
    /// `# Source: URL`, this page's or any text.
    Source(Option<Text>),
    /// `# Title`.
    Title(Text),
    /// A `` # `CODE` `` heading.
    Code(CodeName),
    /// A paragraph.
    Prose(Text),
    /// A JSON example of an error body, in a `json` (or `http`) fence.
    Example(Example),
    /// `### Suggested Resolution` or `### Suggested User Message`, as a heading or bold.
    Section {
        /// The user message rather than the resolution.
        user_message: bool,
        /// Bold text instead of a heading.
        bold: bool,
    },
    /// `***`.
    Separator,
    /// An MDX component around text.
    Note(Text),
    /// A Connect parameter table whose `error` row names the error.
    ConnectTable {
        /// The error's name.
        error: Text,
        /// Its description.
        description: Text,
    },
    /// A Connect example redirect with these parameters.
    Redirect(#[generator(Vec::produce().with().len(0usize..4))] Vec<(Text, Text)>),
}

/// An example body: mostly the documented members with hostile values, sometimes not JSON.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub struct Example {
    /// The `type`.
    pub error_type: Text,
    /// The `code`: the heading's (`None`) or any text.
    pub code: Option<Text>,
    /// The `description`.
    pub description: Text,
    /// The `statusCode`.
    pub status: u16,
    /// The `resolution.type`, if any.
    pub resolution: Option<Text>,
    /// The `suggestedUserMessage`, if any.
    pub user_message: Option<Text>,
    /// The fence's info string is `http` instead of `json  theme={null}`.
    pub http: bool,
    /// Cut off after this many bytes (when it falls inside the body): no longer JSON.
    pub truncate: Option<u8>,
}

/// The code written in a heading.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator)]
pub enum CodeName {
    /// `NULL`
    Null,
    /// `INTERNAL`
    Internal,
    /// `VEHICLE_4G`
    Vehicle4g,
    /// `Self`, a Rust keyword once turned into an identifier.
    Keyword,
    /// `Source: x`, which looks like the snapshot's metadata line.
    SourceLike,
    /// Any text (on one line, without backticks).
    Custom(Text),
}

impl CodeName {
    /// The code as written between the backticks: one line, no backticks, not empty.
    pub fn written(&self) -> String {
        let text = match self {
            CodeName::Null => "NULL".to_owned(),
            CodeName::Internal => "INTERNAL".to_owned(),
            CodeName::Vehicle4g => "VEHICLE_4G".to_owned(),
            CodeName::Keyword => "Self".to_owned(),
            CodeName::SourceLike => "Source: x".to_owned(),
            CodeName::Custom(text) => text.raw().replace(['`', '\n', '\r'], ""),
        };
        if text.is_empty() { "X".to_owned() } else { text }
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
    /// The page as markdown, blocks separated by blank lines.
    pub fn render(&self) -> Rendered {
        let mut markdown = String::new();
        let mut code_headings = Vec::new();
        let mut heading = String::from("X");
        for part in &self.0 {
            if !markdown.is_empty() {
                markdown.push('\n');
            }
            if let Part::Code(code) = part {
                heading = code.written();
                let line = markdown.bytes().filter(|&b| b == b'\n').count() + 1;
                code_headings.push(u32::try_from(line).unwrap_or(u32::MAX));
            }
            markdown.push_str(&part.render(&heading));
            markdown.push('\n');
        }
        Rendered {
            markdown,
            code_headings,
        }
    }
}

impl Part {
    /// The block, without its final line feed; `heading` is the code of the last heading.
    fn render(&self, heading: &str) -> String {
        match self {
            Part::Source(None) => format!("# Source: {PAGE_URL}.md"),
            Part::Source(Some(text)) => format!("# Source: {}", text.one_line()),
            Part::Title(text) => format!("# {}", text.one_line()),
            Part::Code(_) => format!("# `{heading}`"),
            Part::Prose(text) => text.prose(),
            Part::Example(example) => example.render(heading),
            Part::Section { user_message, bold } => {
                let title = if *user_message {
                    "Suggested User Message"
                } else {
                    "Suggested Resolution"
                };
                if *bold {
                    format!("**{title}**")
                } else {
                    format!("### {title}")
                }
            }
            Part::Separator => "***".to_owned(),
            Part::Note(text) => format!("<Note>\n{}\n</Note>", text.prose()),
            Part::ConnectTable { error, description } => format!(
                "| Parameter | Required | Description |\n| --- | --- | --- |\n\
                 | `error` | true | {} |\n| `error_description` | true | {} |",
                error.cell(),
                description.cell()
            ),
            Part::Redirect(params) => {
                let mut location = String::from("Location: https://example.com/callback");
                for (i, (name, value)) in params.iter().enumerate() {
                    location.push(if i == 0 { '?' } else { '&' });
                    location.push_str(&format!("{}={}", name.one_line(), value.one_line()));
                }
                fenced(
                    "http Example redirect uri theme={null}",
                    &format!("HTTP/1.1 302 Found\n{location}"),
                )
            }
        }
    }
}

impl Example {
    fn render(&self, heading: &str) -> String {
        let mut body = serde_json::Map::new();
        let text = |t: &Text| serde_json::Value::String(t.raw());
        body.insert("type".into(), text(&self.error_type));
        let code = self.code.as_ref().map_or_else(|| heading.to_owned(), Text::raw);
        body.insert("code".into(), code.into());
        body.insert("description".into(), text(&self.description));
        body.insert(
            "docURL".into(),
            format!("{PAGE_URL}#{}", heading.to_lowercase()).into(),
        );
        body.insert("statusCode".into(), self.status.into());
        if let Some(resolution) = &self.resolution {
            body.insert(
                "resolution".into(),
                serde_json::json!({ "type": resolution.raw() }),
            );
        }
        if let Some(message) = &self.user_message {
            body.insert("suggestedUserMessage".into(), text(message));
        }
        let mut json = serde_json::to_string_pretty(&body).unwrap_or_default();
        if let Some(cut) = self.truncate
            && let Some((at, _)) = json.char_indices().nth(usize::from(cut))
        {
            json.truncate(at);
        }
        fenced(if self.http { "http" } else { "json  theme={null}" }, &json)
    }
}

/// `content` in a fence of backticks longer than any run of backticks in it (three at least),
/// so no line of the content can close it.
fn fenced(info: &str, content: &str) -> String {
    let longest = content.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}{info}\n{content}\n{fence}")
}
