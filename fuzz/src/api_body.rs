//! API error bodies: what [`ApiError::from_json`] must satisfy, and a grammar of JSON
//! bodies that mostly parse.

use bolero::generator::*;
use serde::{Deserialize, Serialize};
use smartcar_errors::ApiError;

use crate::text::Text;

/// Parses `bytes` as an error body; a body that parses survives a trip through serde_json
/// unchanged, and its `Display` starts with its type. Read as a whole response, any body
/// gives an error that keeps the status, and a body that is no error keeps its text.
pub fn check_api_error_body(bytes: &[u8]) {
    check_api_error_response(bytes);
    let Ok(error) = ApiError::from_json(bytes) else {
        return;
    };
    let json = match serde_json::to_vec(&error) {
        Ok(json) => json,
        Err(problem) => panic!("{error:?} does not serialize: {problem}"),
    };
    let again = ApiError::from_json(&json).unwrap_or_else(|problem| {
        panic!(
            "{error:?} serialized as {} does not parse: {problem}",
            String::from_utf8_lossy(&json)
        )
    });
    assert_eq!(
        again,
        error,
        "the body changed on a trip through {}",
        String::from_utf8_lossy(&json)
    );
    let shown = error.to_string();
    assert!(
        shown.starts_with(error.error_type()),
        "{shown:?} does not start with the type {:?}",
        error.error_type()
    );
}

fn check_api_error_response(bytes: &[u8]) {
    let response = ApiError::from_response(502, [("SC-Request-Id", "fuzz")], bytes);
    assert!(response.status_code().is_some(), "{response:?} lost its status");
    assert!(
        response.request_id().is_some(),
        "{response:?} lost its request id"
    );
    let shown = response.to_string();
    if response.shape() == smartcar_errors::BodyShape::Other {
        assert_eq!(response.raw_body(), Some(String::from_utf8_lossy(bytes).as_ref()));
        assert!(shown.starts_with("HTTP 502: "), "{shown:?}");
    } else {
        assert!(shown.starts_with(response.error_type()), "{shown:?}");
    }
}

/// A JSON object with a string `type` first and members after it: mostly the members of
/// an error body with values of the right type, sometimes anything.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub struct Body {
    /// The `type`.
    pub error_type: Text,
    /// More members.
    #[generator(Vec::produce().with().len(0usize..6))]
    pub members: Vec<Member>,
}

/// One member of a body.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Member {
    /// `code`: a string or null.
    Code(Option<Text>),
    /// `description`: a string or null.
    Description(Option<Text>),
    /// `docURL`
    DocUrl(Text),
    /// `statusCode`
    StatusCode(#[generator(100u16..600)] u16),
    /// `requestId`
    RequestId(Text),
    /// `resolution`: an object with an optional `type` and `url`.
    Resolution {
        /// Its `type`.
        kind: Option<Text>,
        /// Its `url`.
        url: Option<Text>,
    },
    /// `suggestedUserMessage`
    SuggestedUserMessage(Text),
    /// `detail`: any value.
    Detail(Json),
    /// A member the body type does not know.
    Unknown(Text, Json),
    /// A key of the body with any value, often of the wrong type.
    Any(BodyKey, Json),
}

/// A key of an error body.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum BodyKey {
    /// `type`
    Type,
    /// `code`
    Code,
    /// `description`
    Description,
    /// `docURL`
    DocUrl,
    /// `statusCode`
    StatusCode,
    /// `requestId`
    RequestId,
    /// `resolution`
    Resolution,
    /// `suggestedUserMessage`
    SuggestedUserMessage,
    /// `detail`
    Detail,
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Json {
    /// A scalar.
    Leaf(Leaf),
    /// An array.
    Array(#[generator(Vec::produce().with().len(0usize..4))] Vec<Leaf>),
    /// An object.
    Object(#[generator(Vec::produce().with().len(0usize..4))] Vec<(Text, Leaf)>),
}

/// A JSON scalar.
#[derive(Debug, Clone, PartialEq, TypeGenerator, Serialize, Deserialize)]
pub enum Leaf {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A signed integer.
    Integer(i64),
    /// An unsigned integer.
    Unsigned(u64),
    /// A number with a fraction or an exponent, written in one of two ways.
    Float(f64, bool),
    /// A string.
    String(Text),
}

impl Body {
    /// The body as JSON text.
    pub fn to_json(&self) -> String {
        let mut out = format!("{{\"type\": {}", self.error_type.json_string());
        for member in &self.members {
            out.push_str(", ");
            out.push_str(&member.json());
        }
        out.push('}');
        out
    }
}

impl Member {
    fn json(&self) -> String {
        let string = |text: &Option<Text>| text.as_ref().map_or("null".to_owned(), Text::json_string);
        match self {
            Member::Code(code) => format!("\"code\": {}", string(code)),
            Member::Description(text) => format!("\"description\": {}", string(text)),
            Member::DocUrl(url) => format!("\"docURL\": {}", url.json_string()),
            Member::StatusCode(status) => format!("\"statusCode\": {status}"),
            Member::RequestId(id) => format!("\"requestId\": {}", id.json_string()),
            Member::Resolution { kind, url: Some(url) } => format!(
                "\"resolution\": {{\"type\": {}, \"url\": {}}}",
                string(kind),
                url.json_string()
            ),
            Member::Resolution { kind, url: None } => {
                format!("\"resolution\": {{\"type\": {}}}", string(kind))
            }
            Member::SuggestedUserMessage(text) => format!("\"suggestedUserMessage\": {}", text.json_string()),
            Member::Detail(value) => format!("\"detail\": {}", value.json()),
            Member::Unknown(key, value) => format!("{}: {}", key.json_string(), value.json()),
            Member::Any(key, value) => format!("{}: {}", key.json(), value.json()),
        }
    }
}

impl BodyKey {
    fn json(&self) -> String {
        let key = match self {
            BodyKey::Type => "type",
            BodyKey::Code => "code",
            BodyKey::Description => "description",
            BodyKey::DocUrl => "docURL",
            BodyKey::StatusCode => "statusCode",
            BodyKey::RequestId => "requestId",
            BodyKey::Resolution => "resolution",
            BodyKey::SuggestedUserMessage => "suggestedUserMessage",
            BodyKey::Detail => "detail",
        };
        format!("\"{key}\"")
    }
}

impl Json {
    fn json(&self) -> String {
        match self {
            Json::Leaf(leaf) => leaf.json(),
            Json::Array(items) => {
                let items: Vec<String> = items.iter().map(Leaf::json).collect();
                format!("[{}]", items.join(", "))
            }
            Json::Object(members) => {
                let members: Vec<String> = members
                    .iter()
                    .map(|(key, value)| format!("{}: {}", key.json_string(), value.json()))
                    .collect();
                format!("{{{}}}", members.join(", "))
            }
        }
    }
}

impl Leaf {
    fn json(&self) -> String {
        match self {
            Leaf::Null => "null".to_owned(),
            Leaf::Bool(b) => b.to_string(),
            Leaf::Integer(n) => n.to_string(),
            Leaf::Unsigned(n) => n.to_string(),
            Leaf::Float(x, _) if !x.is_finite() => "1e999".to_owned(),
            Leaf::Float(x, true) => format!("{x:e}"),
            Leaf::Float(x, false) => format!("{x:?}"),
            Leaf::String(text) => text.json_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Word;

    #[test]
    fn bodies_are_json_with_the_type_first() {
        let body = Body {
            error_type: Text::words(&[Word::Smartcar]),
            members: vec![
                Member::StatusCode(500),
                Member::Detail(Json::Array(vec![Leaf::Float(83.9, false), Leaf::Null])),
                Member::Resolution {
                    kind: None,
                    url: None,
                },
            ],
        };
        assert_eq!(
            body.to_json(),
            r#"{"type": "Smartcar ", "statusCode": 500, "detail": [83.9, null], "resolution": {"type": null}}"#
        );
        check_api_error_body(body.to_json().as_bytes());
    }
}
