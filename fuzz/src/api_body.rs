//! API error bodies: what [`ApiError::from_json`] and [`ApiError::from_response`] must
//! satisfy, and a grammar of JSON bodies that mostly parse, with members of the wrong type.

use bolero::generator::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use smartcar_errors::{ApiError, BodyShape};
use smartcar_errors_shared::text::is_unsafe;

use crate::text::Text;

/// The most bytes `Display` may write: 700 characters shown at most (type and code 100 each,
/// description 500), each at most 10 bytes once escaped (`\u{10ffff}`), and the punctuation.
pub const MAX_DISPLAY_BYTES: usize = 8 * 1024;

/// Parses `bytes` as an error body, strictly and as a response. A body that parses strictly
/// survives a trip through serde_json unchanged and reads the same as a response.
pub fn check_api_error_body(bytes: &[u8]) {
    let response = check_api_error_response(bytes);
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
    assert_eq!(
        (
            error.error_type(),
            error.code(),
            error.description(),
            error.extra()
        ),
        (
            response.error_type(),
            response.code(),
            response.description(),
            response.extra()
        ),
        "from_json and from_response read {} differently",
        String::from_utf8_lossy(bytes)
    );
    assert_eq!(error.resolution_object(), response.resolution_object());
    assert_eq!(error.detail(), response.detail());
    check_display(&error);
}

/// Reads `bytes` as a whole response: it keeps its status and request id, a JSON object loses
/// none of its members (each unknown one is in `extra` as sent), anything else keeps its
/// text, and `Display` is one safe line.
pub fn check_api_error_response(bytes: &[u8]) -> ApiError {
    let response = ApiError::from_response(502, [("SC-Request-Id", "fuzz")], bytes);
    assert!(response.status_code().is_some(), "{response:?} lost its status");
    assert_eq!(response.http_status(), Some(502));
    assert!(
        response.request_id().is_some(),
        "{response:?} lost its request id"
    );
    let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match serde_json::from_slice::<Value>(json) {
        Ok(Value::Object(members)) => {
            assert_eq!(response.raw_body(), None);
            for (key, value) in &members {
                if !ApiError::MEMBERS.contains(&key.as_str()) {
                    assert_eq!(response.extra().get(key), Some(value), "member {key:?} lost");
                }
            }
        }
        _ => {
            assert_eq!(response.shape(), BodyShape::Other);
            assert_eq!(response.raw_body(), Some(String::from_utf8_lossy(bytes).as_ref()));
        }
    }
    check_display(&response);
    response
}

/// `Display` of `error` is one bounded line in which no character can end the line, rewrite
/// a terminal (ESC) or reorder what a reader sees (bidirectional controls): each is escaped.
pub fn check_display(error: &ApiError) {
    let shown = error.to_string();
    if let Some(c) = shown.chars().find(|&c| is_unsafe(c)) {
        panic!("{error:?} shows {c:?} unescaped: {shown:?}");
    }
    assert!(
        shown.len() <= MAX_DISPLAY_BYTES,
        "{} bytes shown of {error:?}",
        shown.len()
    );
}

/// A JSON object with a string `type` first and members after it: mostly the members of
/// an error body with values of the right type, sometimes of another type or anything.
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
    /// `statusCode` as a string of digits (`"409"`).
    StatusCodeText(#[generator(100u16..600)] u16),
    /// `statusCode` as a float (`409.0`).
    StatusCodeFloat(#[generator(100u16..600)] u16),
    /// `requestId`
    RequestId(Text),
    /// `resolution`: an object with an optional `type`, `url` and another member.
    Resolution {
        /// Its `type`.
        kind: Option<Text>,
        /// Its `url`.
        url: Option<Text>,
        /// A member besides them.
        extra: Option<(Text, Leaf)>,
    },
    /// `resolution` as a string: its type.
    ResolutionText(Text),
    /// `suggestedUserMessage`
    SuggestedUserMessage(Text),
    /// `detail`: any value.
    Detail(Json),
    /// `retryAfter` in seconds.
    RetryAfter(u32),
    /// `error` (OAuth and v1 bodies).
    Error(Text),
    /// `error_description` (OAuth).
    ErrorDescription(Text),
    /// `message` (v1).
    Message(Text),
    /// A member the body type does not know.
    Unknown(Text, Json),
    /// A key of the body with any value, often of the wrong type.
    Any(BodyKey, Json),
}

/// A key of an error body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
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
    /// `retryAfter`
    RetryAfter,
    /// `error`
    Error,
    /// `error_description`
    ErrorDescription,
    /// `message`
    Message,
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

    /// Checks the body as [`check_api_error_body`] does, and that the last `statusCode` and
    /// `resolution` written are read, also when written as a string or a float.
    pub fn check(&self) {
        let json = self.to_json();
        check_api_error_body(json.as_bytes());
        if serde_json::from_str::<Value>(&json).is_err() {
            // A number out of range (`1e999`): no JSON, read as raw text.
            return;
        }
        let error = ApiError::from_response(500, [("SC-Request-Id", "fuzz")], json.as_bytes());
        let last = |key: BodyKey| {
            let written = self
                .members
                .iter()
                .rev()
                .find(|member| member.written_key() == key.as_str());
            written.filter(|member| member.key() == Some(key))
        };
        match last(BodyKey::StatusCode) {
            Some(
                Member::StatusCode(status) | Member::StatusCodeText(status) | Member::StatusCodeFloat(status),
            ) => {
                assert_eq!(error.status_code(), Some(*status), "{json}");
            }
            Some(_) => {}
            None => assert_eq!(error.status_code(), Some(500), "{json}"),
        }
        match last(BodyKey::Resolution) {
            Some(Member::ResolutionText(kind)) => {
                assert_eq!(error.resolution(), Some(kind.raw().as_str()), "{json}");
            }
            Some(Member::Resolution { kind, extra, .. }) => {
                let object = error.resolution_object().expect("an object");
                let extra_key = extra.as_ref().map(|(key, value)| (key.raw(), value));
                if let Some((key, value)) = &extra_key
                    && key != "type"
                    && key != "url"
                {
                    let value: Option<Value> = serde_json::from_str(&value.json()).ok();
                    assert_eq!(object.get(key), value.as_ref(), "{json}");
                }
                if extra_key.is_none_or(|(key, _)| key != "type") {
                    assert_eq!(
                        error.resolution(),
                        kind.as_ref().map(Text::raw).as_deref(),
                        "{json}"
                    );
                }
            }
            _ => {}
        }
    }
}

impl Member {
    /// The known key the member is written under (`None` for an unknown member).
    fn key(&self) -> Option<BodyKey> {
        Some(match self {
            Member::Code(_) => BodyKey::Code,
            Member::Description(_) => BodyKey::Description,
            Member::DocUrl(_) => BodyKey::DocUrl,
            Member::StatusCode(_) | Member::StatusCodeText(_) | Member::StatusCodeFloat(_) => {
                BodyKey::StatusCode
            }
            Member::RequestId(_) => BodyKey::RequestId,
            Member::Resolution { .. } | Member::ResolutionText(_) => BodyKey::Resolution,
            Member::SuggestedUserMessage(_) => BodyKey::SuggestedUserMessage,
            Member::Detail(_) => BodyKey::Detail,
            Member::RetryAfter(_) => BodyKey::RetryAfter,
            Member::Error(_) => BodyKey::Error,
            Member::ErrorDescription(_) => BodyKey::ErrorDescription,
            Member::Message(_) => BodyKey::Message,
            Member::Any(key, _) => *key,
            Member::Unknown(..) => return None,
        })
    }

    /// The key as written.
    fn written_key(&self) -> String {
        match (self.key(), self) {
            (Some(key), _) => key.as_str().to_owned(),
            (None, Member::Unknown(key, _)) => key.raw(),
            (None, _) => String::new(),
        }
    }

    fn json(&self) -> String {
        let string = |text: &Option<Text>| text.as_ref().map_or("null".to_owned(), Text::json_string);
        let value = match self {
            Member::Code(code) => string(code),
            Member::Description(text) => string(text),
            Member::StatusCode(status) => status.to_string(),
            Member::StatusCodeText(status) => format!("\"{status}\""),
            Member::StatusCodeFloat(status) => format!("{status}.0"),
            Member::Resolution { kind, url, extra } => {
                let mut members = vec![format!("\"type\": {}", string(kind))];
                if let Some(url) = url {
                    members.push(format!("\"url\": {}", url.json_string()));
                }
                if let Some((key, value)) = extra {
                    members.push(format!("{}: {}", key.json_string(), value.json()));
                }
                format!("{{{}}}", members.join(", "))
            }
            Member::DocUrl(text)
            | Member::RequestId(text)
            | Member::ResolutionText(text)
            | Member::SuggestedUserMessage(text)
            | Member::Error(text)
            | Member::ErrorDescription(text)
            | Member::Message(text) => text.json_string(),
            Member::Detail(value) | Member::Any(_, value) => value.json(),
            Member::RetryAfter(seconds) => seconds.to_string(),
            Member::Unknown(_, value) => value.json(),
        };
        format!("{}: {value}", Value::from(self.written_key()))
    }
}

impl BodyKey {
    /// The key as written.
    pub fn as_str(self) -> &'static str {
        match self {
            BodyKey::Type => "type",
            BodyKey::Code => "code",
            BodyKey::Description => "description",
            BodyKey::DocUrl => "docURL",
            BodyKey::StatusCode => "statusCode",
            BodyKey::RequestId => "requestId",
            BodyKey::Resolution => "resolution",
            BodyKey::SuggestedUserMessage => "suggestedUserMessage",
            BodyKey::Detail => "detail",
            BodyKey::RetryAfter => "retryAfter",
            BodyKey::Error => "error",
            BodyKey::ErrorDescription => "error_description",
            BodyKey::Message => "message",
        }
    }
}

impl Json {
    /// The value as JSON text.
    pub fn json(&self) -> String {
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
    /// The value as JSON text, written as serde_json writes it.
    pub fn json(&self) -> String {
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
    use crate::text::{Piece, Tricky, Word};

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
                    extra: None,
                },
                Member::StatusCodeText(409),
            ],
        };
        assert_eq!(
            body.to_json(),
            r#"{"type": "Smartcar ", "statusCode": 500, "detail": [83.9, null], "resolution": {"type": null}, "statusCode": "409"}"#
        );
        body.check();
    }

    #[test]
    fn a_hostile_type_is_shown_escaped() {
        let hostile = Text(vec![
            Piece::Word(Word::Smartcar),
            Piece::Tricky(Tricky::Escape),
            Piece::Tricky(Tricky::RightToLeftOverride),
            Piece::Tricky(Tricky::LineSeparator),
        ]);
        let body = Body {
            error_type: hostile,
            members: vec![Member::ResolutionText(Text::words(&[Word::Number]))],
        };
        body.check();
        let error = ApiError::from_json(body.to_json().as_bytes()).unwrap_err();
        assert!(error.to_string().contains("invalid type: string"), "{error}");
    }
}
