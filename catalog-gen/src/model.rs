//! The catalog data model: what the parser produces, the emitter consumes and `dump` prints.
//!
//! Plain data, sorted deterministically: API errors by (type, code) with a null code first,
//! Connect errors by error name. Text fields are plain text (markdown escapes removed, no
//! MDX or HTML tags); text the docs do not have is null (`None`), never an empty string.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::{Deserialize, Serialize};
use smartcar_errors_shared::key::Key;

/// Every error documented in one docs snapshot.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalog {
    /// One entry per documented API (type, code).
    pub api_errors: Vec<ApiErrorEntry>,
    /// One entry per documented Connect redirect error.
    pub connect_errors: Vec<ConnectErrorEntry>,
}

/// One API error code, as documented under its `` # `CODE` `` heading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ApiErrorEntry {
    /// The error type, from the example's `type` (`SERVER`).
    #[serde(rename = "type")]
    pub error_type: String,
    /// The code from the heading; null for a `` # `NULL` `` heading.
    pub code: Option<String>,
    /// The example's `statusCode`.
    pub status_code: u16,
    /// The example's `description`.
    pub description: String,
    /// The example's `docURL`, as written.
    pub doc_url: String,
    /// The example's `resolution.type`.
    pub resolution: Option<String>,
    /// The example's `resolution.url`, where it has one.
    pub resolution_url: Option<String>,
    /// The "Suggested User Message" section as plain text.
    pub suggested_user_message: Option<String>,
    /// The "Suggested Resolution" section as plain text.
    pub suggested_resolution: Option<String>,
    /// The "Troubleshooting Steps" section as plain text.
    pub troubleshooting_steps: Option<String>,
    /// The prose between the heading and the sections, as plain text.
    pub explanation: Option<String>,
    /// The example's `suggestedUserMessage`, which may differ from the section.
    pub example_user_message: Option<String>,
    /// Response headers shown with the example (`retry-after`), names lowercased.
    #[serde(default)]
    pub example_headers: BTreeMap<String, String>,
    /// The JSON example exactly as written in the page.
    pub example: String,
    /// The page's title (`Server Errors`).
    pub page_title: Option<String>,
    /// The page's one-line summary.
    pub page_summary: Option<String>,
    /// The page's URL from its `# Source:` line, without the `.md` suffix.
    pub page_url: Option<String>,
    /// Where the code heading stands.
    pub source: Source,
}

/// One Connect redirect error, as documented on its own page.
///
/// Its name and description are the values of the `error` and `error_description` rows of its
/// parameter table, which is stored once: [`error`](Self::error) and
/// [`description`](Self::description) read them, and the JSON form (`dump`) shows them as the
/// fields `error` and `description`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "schema",
    derive(schemars::JsonSchema),
    schemars(description = "One Connect redirect error, as documented on its own page.")
)]
#[serde(into = "ConnectErrorFields", try_from = "ConnectErrorFields")]
pub struct ConnectErrorEntry {
    /// The rows of the parameter table, in page order; they include the `error` and
    /// `error_description` rows.
    pub parameters: Vec<ConnectParameter>,
    /// The page's title (`Configuration`).
    pub title: Option<String>,
    /// The page's one-line summary.
    pub summary: Option<String>,
    /// The prose after the parameter table, as plain text.
    pub details: Option<String>,
    /// The example redirect's `Location`, lines joined, as written.
    pub example_redirect: Option<String>,
    /// The page's URL from its `# Source:` line, without the `.md` suffix.
    pub page_url: Option<String>,
    /// Where the parameter table stands.
    pub source: Source,
}

impl ConnectErrorEntry {
    /// The `error` parameter's value (`configuration_error`): the error's name.
    pub fn error(&self) -> &str {
        self.parameter("error").unwrap_or_default()
    }

    /// The `error_description` parameter's value.
    pub fn description(&self) -> &str {
        self.parameter("error_description").unwrap_or_default()
    }

    /// The description of the parameter called `name`, if the table has it.
    fn parameter(&self, name: &str) -> Option<&str> {
        let found = self.parameters.iter().find(|parameter| parameter.name == name);
        found.map(|parameter| parameter.description.as_str())
    }
}

/// How `dump` shows a `ConnectErrorEntry` (and its JSON Schema): its name and description
/// beside its table.
#[derive(Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct ConnectErrorFields {
    /// The `error` parameter's value (`configuration_error`), from the parameter table.
    error: String,
    /// The `error_description` row's description.
    description: String,
    /// The rows of the parameter table, in page order.
    parameters: Vec<ConnectParameter>,
    /// The page's title (`Configuration`).
    title: Option<String>,
    /// The page's one-line summary.
    summary: Option<String>,
    /// The prose after the parameter table, as plain text.
    details: Option<String>,
    /// The example redirect's `Location`, lines joined, as written.
    example_redirect: Option<String>,
    /// The page's URL from its `# Source:` line, without the `.md` suffix.
    page_url: Option<String>,
    /// Where the parameter table stands.
    source: Source,
}

impl From<ConnectErrorEntry> for ConnectErrorFields {
    fn from(entry: ConnectErrorEntry) -> Self {
        ConnectErrorFields {
            error: entry.error().to_owned(),
            description: entry.description().to_owned(),
            parameters: entry.parameters,
            title: entry.title,
            summary: entry.summary,
            details: entry.details,
            example_redirect: entry.example_redirect,
            page_url: entry.page_url,
            source: entry.source,
        }
    }
}

/// Refuses an entry whose `error` or `description` is not its table's.
impl TryFrom<ConnectErrorFields> for ConnectErrorEntry {
    type Error = String;

    fn try_from(fields: ConnectErrorFields) -> Result<Self, Self::Error> {
        let entry = ConnectErrorEntry {
            parameters: fields.parameters,
            title: fields.title,
            summary: fields.summary,
            details: fields.details,
            example_redirect: fields.example_redirect,
            page_url: fields.page_url,
            source: fields.source,
        };
        for (field, value, table) in [
            ("error", fields.error, entry.error()),
            ("description", fields.description, entry.description()),
        ] {
            if value != table {
                return Err(format!(
                    "`{field}` is `{value}`, but its parameter table says `{table}`"
                ));
            }
        }
        Ok(entry)
    }
}

/// One row of a Connect parameter table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ConnectParameter {
    /// The query parameter's name (`error_description`).
    pub name: String,
    /// Whether Connect always sends it.
    pub required: bool,
    /// The description cell as plain text.
    pub description: String,
}

/// A position in the docs snapshot: file (relative, `/`-separated), line and column (1-based,
/// columns counted in characters). Serialized as `file:line:column`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema), schemars(
    extend("pattern" = "^.+:[0-9]+:[0-9]+$"),
    description = "Where the entry is written: the file relative to the docs directory, the 1-based line and the 1-based column in characters (`errors/api-errors/server-errors.md:11:1`)."
))]
#[serde(into = "String", try_from = "String")]
pub struct Source {
    /// The file, relative to the docs directory.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

impl From<Source> for String {
    fn from(source: Source) -> String {
        source.to_string()
    }
}

/// Refuses a string that is not `file:line:column`.
impl TryFrom<String> for Source {
    type Error = String;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        let mut parts = text.rsplitn(3, ':');
        let column = parts.next().and_then(|c| c.parse().ok());
        let line = parts.next().and_then(|l| l.parse().ok());
        match (parts.next(), line, column) {
            (Some(file), Some(line), Some(column)) if !file.is_empty() => Ok(Source {
                file: file.to_owned(),
                line,
                column,
            }),
            _ => Err(format!(
                "`{text}` is not a source position of the form file:line:column"
            )),
        }
    }
}

impl ApiErrorEntry {
    /// The key entries are sorted and looked up by, and named by (`TYPE:CODE`): type, then
    /// code, a null code first.
    pub fn key(&self) -> Key<'_> {
        Key::new(&self.error_type, self.code.as_deref())
    }
}

impl Catalog {
    /// Whether the catalog documents no error at all (neither an API error nor a Connect
    /// error): docs like that generate no catalog.
    pub fn is_empty(&self) -> bool {
        self.api_errors.is_empty() && self.connect_errors.is_empty()
    }

    /// The JSON Schema of the model as `catalog-gen dump` prints it: every field is written,
    /// null when the docs have no value.
    #[cfg(feature = "schema")]
    pub fn json_schema() -> String {
        let settings = schemars::generate::SchemaSettings::default().for_serialize();
        let schema = settings.into_generator().into_root_schema_for::<Catalog>();
        format!("{}\n", serde_json::to_string_pretty(&schema).unwrap_or_default())
    }

    /// Sorts both lists into their canonical order.
    pub fn sort(&mut self) {
        self.api_errors.sort_by(|a, b| a.key().cmp(&b.key()));
        self.connect_errors.sort_by(|a, b| a.error().cmp(b.error()));
    }

    /// The distinct error types, sorted.
    pub fn error_types(&self) -> Vec<&str> {
        let mut types: Vec<&str> = self.api_errors.iter().map(|e| e.error_type.as_str()).collect();
        types.dedup();
        types
    }

    /// The distinct resolution types, sorted.
    pub fn resolutions(&self) -> Vec<&str> {
        let api = self.api_errors.iter();
        let found: BTreeSet<&str> = api.filter_map(|e| e.resolution.as_deref()).collect();
        found.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_round_trips_through_its_string_form() {
        let source = Source {
            file: "errors/a:b.md".into(),
            line: 12,
            column: 3,
        };
        let text = String::from(source.clone());
        assert_eq!(text, "errors/a:b.md:12:3");
        assert_eq!(Source::try_from(text).unwrap(), source);
        assert!(Source::try_from("nocolon".to_owned()).is_err());
        assert!(Source::try_from(":1:2".to_owned()).is_err());
    }
}
