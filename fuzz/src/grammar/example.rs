//! The example response under a code heading: a JSON body in a `json` fence or after the
//! headers of an `http` fence, mostly a documented body, sometimes anything.

use bolero::generator::*;
use serde::{Deserialize, Serialize};

use super::writer::{Writer, fence_for};
use super::{CodeName, PAGE_URL};
use crate::text::Text;
use crate::weights::sometimes;

/// An example block.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Example {
    /// A body with every field an entry needs, of the right types.
    Documented(Documented),
    /// Any members, in any fence.
    Free(FreeExample),
}

/// A complete error body: its strings are free, its shape is right.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct Documented {
    /// How the block is fenced (always as an example).
    pub fence: DocumentedFence,
    /// The `type`.
    pub error_type: ErrorTypeName,
    /// The `code`.
    pub code: CodeField,
    /// The `statusCode`.
    #[generator(100u16..600)]
    pub status: u16,
    /// The `description`.
    pub description: Text,
    /// The anchor of the `docURL`.
    pub doc_url: Anchor,
    /// The `resolution`: its `type` and `url`.
    pub resolution: Option<(Option<ResolutionName>, Option<Text>)>,
    /// The `suggestedUserMessage`.
    pub user_message: Option<Text>,
    /// The `detail` array.
    #[generator(sometimes(0.3, Vec::produce().with().len(0usize..4)))]
    pub detail: Option<Vec<DetailItem>>,
    /// Indent with tabs instead of spaces.
    pub tabs: bool,
}

/// An item of a `detail` array.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum DetailItem {
    /// A number (a finite one; others become 0).
    Number(f64),
    /// A string.
    Text(Text),
    /// `null`
    Null,
}

/// The fences a documented example comes in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum DocumentedFence {
    /// ```` ```json ````
    Json,
    /// ```` ```json  theme={null} ````
    JsonTheme,
    /// ```` ```JSON ````
    JsonUppercase,
    /// ```` ```http ```` with headers before the body.
    Http,
}

/// The `code` of a documented body.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum CodeField {
    /// The heading's code.
    OfHeading,
    /// No `code` member.
    Missing,
    /// Another code.
    Other(Option<Text>),
}

/// Any members in any fence.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct FreeExample {
    /// How the block is fenced.
    pub fence: ExampleFence,
    /// Start from a complete body of this type (the fields below then override or add).
    pub template: Option<ErrorTypeName>,
    /// Indent with tabs instead of spaces.
    pub tabs: bool,
    /// Fields, after the template's.
    #[generator(Vec::produce().with().len(0usize..6))]
    pub fields: Vec<Field>,
    /// How the object ends.
    pub ending: Ending,
}

/// The fence around an example.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ExampleFence {
    /// ```` ```json ````
    Json,
    /// ```` ```json  theme={null} ````, as the published pages write it.
    JsonTheme,
    /// ```` ```JSON ````
    JsonUppercase,
    /// ```` ```http ```` with a status line and a `retry-after` header before the body.
    Http,
    /// ```` ```http ```` with the body right after the status line.
    HttpNoBlankLine,
    /// ```` ```javascript ````, which is not an example.
    Other,
}

/// An error type in a template body.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ErrorTypeName {
    /// `SERVER`
    Server,
    /// `RATE_LIMIT`
    RateLimit,
    /// Any text.
    Custom(Text),
}

/// One `"key": value` member.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct Field {
    /// The key.
    pub key: Key,
    /// The value.
    pub value: Value,
}

/// The keys of an error body, and others.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Key {
    /// `type`
    Type,
    /// `code`
    Code,
    /// `statusCode`
    StatusCode,
    /// `description`
    Description,
    /// `docURL`
    DocUrl,
    /// `resolution`
    Resolution,
    /// `suggestedUserMessage`
    SuggestedUserMessage,
    /// `detail`
    Detail,
    /// `requestId`
    RequestId,
    /// Any key.
    Other(Text),
}

/// A JSON value, valid or not.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Value {
    /// The heading's code (`null` for a `NULL` heading).
    HeadingCode,
    /// A string, escaped as JSON requires.
    String(Text),
    /// A string between quotes as it is (invalid JSON for quotes, backslashes, controls).
    RawString(Text),
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// An HTTP status.
    Status(#[generator(100u16..600)] u16),
    /// A number with a fraction or exponent.
    Float(f64),
    /// A `docURL` on this page.
    DocUrl(Anchor),
    /// A `resolution` object.
    Resolution {
        /// Its `type` (`null` when absent).
        kind: Option<ResolutionName>,
        /// Its `url`.
        url: Option<Text>,
    },
    /// An array of strings.
    Array(#[generator(Vec::produce().with().len(0usize..3))] Vec<Text>),
}

/// The anchor of a `docURL`.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Anchor {
    /// The heading's code in kebab case.
    OfCode,
    /// No anchor.
    None,
    /// Any anchor.
    Other(Text),
}

/// A `resolution.type`.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ResolutionName {
    /// `RETRY_LATER`
    RetryLater,
    /// `CONTACT_SUPPORT`
    ContactSupport,
    /// Any text.
    Custom(Text),
}

/// How the JSON object ends.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Ending {
    /// `}`
    Close,
    /// Nothing: the object is never closed.
    Unclosed,
    /// `,` then `}`
    TrailingComma,
    /// `}` and more text.
    Trailing(Text),
}

impl Example {
    pub(crate) fn render(&self, code: &CodeName, w: &mut Writer) {
        match self {
            Example::Documented(example) => example.render(code, w),
            Example::Free(example) => example.render(code, w),
        }
    }
}

impl Documented {
    fn render(&self, code: &CodeName, w: &mut Writer) {
        let fence = match self.fence {
            DocumentedFence::Json => ExampleFence::Json,
            DocumentedFence::JsonTheme => ExampleFence::JsonTheme,
            DocumentedFence::JsonUppercase => ExampleFence::JsonUppercase,
            DocumentedFence::Http => ExampleFence::Http,
        };
        write_example(fence, &self.body(code), w);
    }

    fn body(&self, code: &CodeName) -> String {
        let mut members = vec![format!("\"type\": {}", self.error_type.json())];
        match &self.code {
            CodeField::OfHeading => members.push(format!("\"code\": {}", Value::HeadingCode.json(code))),
            CodeField::Missing => {}
            CodeField::Other(None) => members.push("\"code\": null".to_owned()),
            CodeField::Other(Some(text)) => members.push(format!("\"code\": {}", text.json_string())),
        }
        members.push(format!("\"description\": {}", self.description.json_string()));
        members.push(format!(
            "\"docURL\": {}",
            Value::DocUrl(self.doc_url.clone()).json(code)
        ));
        members.push(format!("\"statusCode\": {}", self.status));
        if let Some((kind, url)) = &self.resolution {
            let value = Value::Resolution {
                kind: kind.clone(),
                url: url.clone(),
            };
            members.push(format!("\"resolution\": {}", value.json(code)));
        }
        if let Some(message) = &self.user_message {
            members.push(format!("\"suggestedUserMessage\": {}", message.json_string()));
        }
        if let Some(detail) = &self.detail {
            let items: Vec<String> = detail.iter().map(DetailItem::json).collect();
            members.push(format!("\"detail\": [{}]", items.join(", ")));
        }
        object(&members, if self.tabs { "\t" } else { "  " }, &Ending::Close)
    }
}

impl DetailItem {
    fn json(&self) -> String {
        match self {
            DetailItem::Number(x) if x.is_finite() => format!("{x:?}"),
            DetailItem::Number(_) => "0".to_owned(),
            DetailItem::Text(text) => text.json_string(),
            DetailItem::Null => "null".to_owned(),
        }
    }
}

impl ErrorTypeName {
    fn json(&self) -> String {
        match self {
            ErrorTypeName::Server => "\"SERVER\"".to_owned(),
            ErrorTypeName::RateLimit => "\"RATE_LIMIT\"".to_owned(),
            ErrorTypeName::Custom(text) => text.json_string(),
        }
    }
}

/// A JSON object of `members`, one per line.
fn object(members: &[String], indent: &str, ending: &Ending) -> String {
    let mut body = String::from("{");
    for (i, member) in members.iter().enumerate() {
        body.push_str(if i == 0 { "\n" } else { ",\n" });
        body.push_str(indent);
        body.push_str(member);
    }
    match ending {
        Ending::Close => body.push_str("\n}"),
        Ending::Unclosed => {}
        Ending::TrailingComma => body.push_str(",\n}"),
        Ending::Trailing(text) => {
            body.push_str("\n}");
            body.push_str(&text.raw());
        }
    }
    body
}

/// Writes `body` in a block fenced as `fence` says.
fn write_example(fence: ExampleFence, body: &str, w: &mut Writer) {
    let content = match fence {
        ExampleFence::Http => format!("HTTP/1.1 429 Too Many Requests\nretry-after: 30\n\n{body}"),
        ExampleFence::HttpNoBlankLine => format!("HTTP/1.1 500 Internal Server Error\n{body}"),
        _ => body.to_owned(),
    };
    let info = match fence {
        ExampleFence::Json => "json",
        ExampleFence::JsonTheme => "json  theme={null}",
        ExampleFence::JsonUppercase => "JSON",
        ExampleFence::Http | ExampleFence::HttpNoBlankLine => "http",
        ExampleFence::Other => "javascript",
    };
    let marks = fence_for(&content);
    w.block(&format!("{marks}{info}\n{content}\n{marks}"));
}

impl FreeExample {
    fn render(&self, code: &CodeName, w: &mut Writer) {
        write_example(self.fence, &self.body(code), w);
    }

    /// The JSON body.
    fn body(&self, code: &CodeName) -> String {
        let mut members: Vec<String> = Vec::new();
        if let Some(error_type) = &self.template {
            members.push(format!("\"type\": {}", error_type.json()));
            members.push(format!("\"code\": {}", Value::HeadingCode.json(code)));
            members.push("\"description\": \"An error.\"".to_owned());
            members.push(format!(
                "\"docURL\": {}",
                Value::DocUrl(Anchor::OfCode).json(code)
            ));
            members.push("\"statusCode\": 500".to_owned());
            members.push("\"resolution\": { \"type\": \"RETRY_LATER\" }".to_owned());
        }
        for field in &self.fields {
            members.push(format!("{}: {}", field.key.json(), field.value.json(code)));
        }
        object(&members, if self.tabs { "\t" } else { "  " }, &self.ending)
    }
}

impl Key {
    fn json(&self) -> String {
        let key = match self {
            Key::Type => "type",
            Key::Code => "code",
            Key::StatusCode => "statusCode",
            Key::Description => "description",
            Key::DocUrl => "docURL",
            Key::Resolution => "resolution",
            Key::SuggestedUserMessage => "suggestedUserMessage",
            Key::Detail => "detail",
            Key::RequestId => "requestId",
            Key::Other(text) => return text.json_string(),
        };
        format!("\"{key}\"")
    }
}

impl Value {
    fn json(&self, code: &CodeName) -> String {
        match self {
            Value::HeadingCode => match code.parsed() {
                Some(code) => serde_json::Value::String(code).to_string(),
                None => "null".to_owned(),
            },
            Value::String(text) => text.json_string(),
            Value::RawString(text) => text.raw_json_string(),
            Value::Null => "null".to_owned(),
            Value::Bool(b) => b.to_string(),
            Value::Integer(n) => n.to_string(),
            Value::Status(n) => n.to_string(),
            Value::Float(x) if x.is_finite() => format!("{x:e}"),
            Value::Float(_) => "1e999".to_owned(),
            Value::DocUrl(anchor) => {
                let anchor = match anchor {
                    Anchor::OfCode => {
                        let kebab = code.parsed().unwrap_or_default().to_lowercase().replace('_', "-");
                        format!("#{kebab}")
                    }
                    Anchor::None => String::new(),
                    Anchor::Other(text) => format!("#{}", text.raw()),
                };
                serde_json::Value::String(format!("{PAGE_URL}{anchor}")).to_string()
            }
            Value::Resolution { kind, url } => {
                let kind = match kind {
                    Some(ResolutionName::RetryLater) => "\"RETRY_LATER\"".to_owned(),
                    Some(ResolutionName::ContactSupport) => "\"CONTACT_SUPPORT\"".to_owned(),
                    Some(ResolutionName::Custom(text)) => text.json_string(),
                    None => "null".to_owned(),
                };
                match url {
                    Some(url) => format!("{{ \"type\": {kind}, \"url\": {} }}", url.json_string()),
                    None => format!("{{ \"type\": {kind} }}"),
                }
            }
            Value::Array(items) => {
                let items: Vec<String> = items.iter().map(Text::json_string).collect();
                format!("[{}]", items.join(", "))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_is_a_complete_body() {
        let example = FreeExample {
            fence: ExampleFence::Json,
            template: Some(ErrorTypeName::Server),
            tabs: false,
            fields: vec![Field {
                key: Key::StatusCode,
                value: Value::Status(404),
            }],
            ending: Ending::Close,
        };
        let body: serde_json::Value = serde_json::from_str(&example.body(&CodeName::RecordNotFound)).unwrap();
        assert_eq!(body["code"], "RECORD_NOT_FOUND");
        assert_eq!(body["docURL"], format!("{PAGE_URL}#record-not-found"));
        assert_eq!(body["statusCode"], 404);
        let null: serde_json::Value = serde_json::from_str(&example.body(&CodeName::Null)).unwrap();
        assert_eq!(null["code"], serde_json::Value::Null);
    }

    #[test]
    fn a_documented_body_always_parses() {
        let example = Documented {
            fence: DocumentedFence::Http,
            error_type: ErrorTypeName::Custom(Text::default()),
            code: CodeField::Other(None),
            status: 429,
            description: Text::default(),
            doc_url: Anchor::None,
            resolution: Some((None, None)),
            user_message: None,
            detail: Some(vec![DetailItem::Number(83.9), DetailItem::Null]),
            tabs: true,
        };
        let body: serde_json::Value = serde_json::from_str(&example.body(&CodeName::Internal)).unwrap();
        assert_eq!(body["code"], serde_json::Value::Null);
        assert_eq!(body["detail"][0], 83.9);
    }
}
