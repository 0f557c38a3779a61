//! The Connect part of a page: the Parameter | Required | Description table, the example
//! redirect and the prose after them.

use bolero::generator::*;
use serde::{Deserialize, Serialize};

use super::block::Block;
use super::writer::{Writer, fence_for};
use crate::text::{Text, one_line};
use crate::weights::{mostly, sometimes};

/// A Connect parameter table and what follows it.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Connect {
    /// The header row.
    #[generator(mostly(0.8, constant(ParamHeader::Standard), produce()))]
    pub header: ParamHeader,
    /// The `error` and `error_description` rows every Connect page has.
    #[generator(sometimes(0.85, produce()))]
    pub documented: Option<DocumentedRows>,
    /// More rows.
    #[generator(Vec::produce().with().len(0usize..4))]
    pub rows: Vec<ParamRow>,
    /// The example redirect.
    pub redirect: Option<Redirect>,
    /// Prose after the table.
    #[generator(Vec::produce().with().len(0usize..3))]
    pub details: Vec<Block>,
}

/// The columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ParamHeader {
    /// `Parameter | Required | Description`
    Standard,
    /// `parameter | required | description`
    Lowercase,
    /// `Parameter | Description | Required`
    Reordered,
    /// `Parameter | Required`
    NoDescription,
}

/// The rows naming the error and describing it.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct DocumentedRows {
    /// The `error` row's value.
    pub error: ErrorName,
    /// The `error_description` row's value.
    pub description: Text,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct ParamRow {
    /// The parameter's name.
    pub name: ParamName,
    /// The Required cell.
    #[generator(mostly(
        0.85,
        produce::<bool>().map_gen(|b| if b { Required::True } else { Required::False }),
        produce(),
    ))]
    pub required: Required,
    /// The Description cell: for the `error` row, the error's name.
    pub description: Description,
}

/// A parameter name.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ParamName {
    /// `error`
    Error,
    /// `error_description`
    ErrorDescription,
    /// `status_code`
    StatusCode,
    /// `error_message`
    ErrorMessage,
    /// Any name.
    Other(Text),
    /// An empty cell.
    Empty,
}

/// A Required cell.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Required {
    /// `` `true` ``
    True,
    /// `` `false` ``
    False,
    /// `TRUE`
    Uppercase,
    /// Any text.
    Other(Text),
    /// An empty cell.
    Empty,
}

/// A Description cell.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Description {
    /// An error name in a code span.
    Error(ErrorName),
    /// Any text.
    Text(Text),
    /// An empty cell.
    Empty,
}

/// A Connect error name.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ErrorName {
    /// `configuration_error`
    Configuration,
    /// `server_error`
    Server,
    /// `access denied`, with white space.
    WithSpace,
    /// Any text.
    Other(Text),
}

/// An ```` ```http ```` block with a `Location` header.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Redirect {
    /// The query parameters.
    #[generator(Vec::produce().with().len(0usize..5))]
    pub params: Vec<(QueryName, Text)>,
    /// One parameter per line, as the pages write it.
    pub one_per_line: bool,
}

/// A query parameter name.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum QueryName {
    /// `error`
    Error,
    /// `error_description`
    ErrorDescription,
    /// `status_code`
    StatusCode,
    /// `state`
    State,
    /// Any name.
    Other(Text),
}

impl ErrorName {
    /// The name as written.
    pub fn written(&self) -> String {
        match self {
            ErrorName::Configuration => "configuration_error".to_owned(),
            ErrorName::Server => "server_error".to_owned(),
            ErrorName::WithSpace => "access denied".to_owned(),
            ErrorName::Other(text) => text.raw(),
        }
    }
}

impl Connect {
    pub(crate) fn render(&self, w: &mut Writer) {
        let header = match self.header {
            ParamHeader::Standard => "| Parameter | Required | Description |\n| --- | --- | --- |",
            ParamHeader::Lowercase => "| parameter | required | description |\n| --- | --- | --- |",
            ParamHeader::Reordered => "| Parameter | Description | Required |\n| --- | --- | --- |",
            ParamHeader::NoDescription => "| Parameter | Required |\n| --- | --- |",
        };
        let mut lines = vec![header.to_owned()];
        let documented = self.documented.iter().flat_map(|rows| {
            [
                ParamRow {
                    name: ParamName::Error,
                    required: Required::True,
                    description: Description::Error(rows.error.clone()),
                },
                ParamRow {
                    name: ParamName::ErrorDescription,
                    required: Required::True,
                    description: Description::Text(rows.description.clone()),
                },
            ]
        });
        for row in documented.chain(self.rows.iter().cloned()) {
            let name = match &row.name {
                ParamName::Error => "`error`".to_owned(),
                ParamName::ErrorDescription => "`error_description`".to_owned(),
                ParamName::StatusCode => "`status_code`".to_owned(),
                ParamName::ErrorMessage => "`error_message`".to_owned(),
                ParamName::Other(text) => text.cell(),
                ParamName::Empty => String::new(),
            };
            let required = match &row.required {
                Required::True => "`true`".to_owned(),
                Required::False => "`false`".to_owned(),
                Required::Uppercase => "TRUE".to_owned(),
                Required::Other(text) => text.cell(),
                Required::Empty => String::new(),
            };
            let description = match &row.description {
                Description::Error(name) => format!("`{}`", one_line(&name.written()).replace('|', r"\|")),
                Description::Text(text) => text.cell(),
                Description::Empty => String::new(),
            };
            let cells = match self.header {
                ParamHeader::Reordered => [name, description, required],
                _ => [name, required, description],
            };
            lines.push(format!("| {} |", cells.join(" | ")));
        }
        w.block(&lines.join("\n"));
        if let Some(redirect) = &self.redirect {
            redirect.render(w);
        }
        for block in &self.details {
            block.render(w);
        }
    }
}

impl Redirect {
    fn render(&self, w: &mut Writer) {
        let mut location = String::from("Location: https://example.com/callback");
        for (i, (name, value)) in self.params.iter().enumerate() {
            let name = match name {
                QueryName::Error => "error".to_owned(),
                QueryName::ErrorDescription => "error_description".to_owned(),
                QueryName::StatusCode => "status_code".to_owned(),
                QueryName::State => "state".to_owned(),
                QueryName::Other(text) => text.raw(),
            };
            if self.one_per_line {
                location.push('\n');
            }
            location.push(if i == 0 { '?' } else { '&' });
            location.push_str(&name);
            location.push('=');
            location.push_str(&value.raw());
        }
        let content = format!("HTTP/1.1 302 Found\n{location}");
        let fence = fence_for(&content);
        w.block(&format!(
            "{fence}http Example redirect uri theme={{null}}\n{content}\n{fence}"
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_and_redirect_render_like_the_published_pages() {
        let connect = Connect {
            header: ParamHeader::Standard,
            documented: None,
            rows: vec![ParamRow {
                name: ParamName::Error,
                required: Required::True,
                description: Description::Error(ErrorName::Configuration),
            }],
            redirect: Some(Redirect {
                params: vec![(QueryName::Error, Text::default())],
                one_per_line: true,
            }),
            details: Vec::new(),
        };
        let mut w = Writer::default();
        connect.render(&mut w);
        assert_eq!(
            w.finish().0,
            "| Parameter | Required | Description |\n| --- | --- | --- |\n| `error` | `true` | `configuration_error` |\n\n```http Example redirect uri theme={null}\nHTTP/1.1 302 Found\nLocation: https://example.com/callback\n?error=\n```\n"
        );
    }
}
