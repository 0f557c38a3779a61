//! API error bodies: what [`ApiError::from_json`] and [`ApiError::from_response`] must
//! satisfy, and a grammar of JSON bodies that mostly parse, with members of the wrong type.

use bolero::generator::*;
use smartcar_errors::{ApiError, BodyShape};
use smartcar_errors_shared::text::is_unsafe;

use crate::text::{Name, Text};

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
    match serde_json::from_slice::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(members)) => {
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

/// A documented v2 body, its values generated, then members that repeat, contradict or add
/// to them: a key of [`ApiError::MEMBERS`] or any other, with a value of the right type or of
/// any type. When a key repeats, the last one written is read.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub struct Body {
    /// The `type`.
    pub error_type: Text,
    /// The `code`: a string or null.
    pub code: Option<Text>,
    /// The `description`.
    pub description: Text,
    /// The `statusCode`.
    #[generator(100u16..600)]
    pub status: u16,
    /// The `resolution.type`.
    pub resolution: Option<Text>,
    /// The members after them.
    #[generator(Vec::produce().with().len(0usize..5))]
    pub members: Vec<(Name, Value)>,
}

/// The value of a member.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum Value {
    /// A string.
    Text(Text),
    /// A status as documented (`409`), as a string of digits (`"409"`) and as a float (`409.0`).
    Status(#[generator(100u16..600)] u16, #[generator(0u8..3)] u8),
    /// A `resolution` object: its `type`, its `url`.
    Resolution(Option<Text>, Option<Text>),
    /// Any value.
    Any(Json),
}

/// A JSON value.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum Json {
    /// A scalar.
    Leaf(Leaf),
    /// An array.
    Array(#[generator(Vec::produce().with().len(0usize..4))] Vec<Leaf>),
    /// An object.
    Object(#[generator(Vec::produce().with().len(0usize..4))] Vec<(Text, Leaf)>),
}

/// A JSON scalar.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum Leaf {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// An integer.
    Integer(i64),
    /// A number with a fraction or an exponent, written in one of two ways: serde_json's
    /// default parser reads some inexactly.
    Float(f64, bool),
    /// A string.
    String(Text),
}

impl Body {
    /// The body as JSON text.
    pub fn to_json(&self) -> String {
        let string = |text: &Option<Text>| text.as_ref().map_or("null".to_owned(), Text::json_string);
        let mut out = format!(
            "{{\"type\": {}, \"code\": {}, \"description\": {}, \"statusCode\": {}, \"resolution\": {{\"type\": {}}}",
            self.error_type.json_string(),
            string(&self.code),
            self.description.json_string(),
            self.status,
            string(&self.resolution),
        );
        for (key, value) in &self.members {
            out.push_str(&format!(
                ", {}: {}",
                serde_json::Value::from(key.written(&ApiError::MEMBERS)),
                value.json()
            ));
        }
        out.push('}');
        out
    }

    /// Checks the body as [`check_api_error_body`] does, and that the last `statusCode` and
    /// `resolution` written are read, coerced forms included.
    pub fn check(&self) {
        let json = self.to_json();
        check_api_error_body(json.as_bytes());
        if serde_json::from_str::<serde_json::Value>(&json).is_err() {
            // A number out of range (`1e999`): no JSON, read as raw text.
            return;
        }
        let error = ApiError::from_response(500, [("SC-Request-Id", "fuzz")], json.as_bytes());
        let last = |key: &str| {
            let mut members = self.members.iter().rev();
            members
                .find(|(name, _)| name.written(&ApiError::MEMBERS) == key)
                .map(|(_, value)| value)
        };
        match last("statusCode") {
            Some(Value::Status(status, _)) => assert_eq!(error.status_code(), Some(*status), "{json}"),
            Some(_) => {}
            None => assert_eq!(error.status_code(), Some(self.status), "{json}"),
        }
        let resolution = match last("resolution") {
            Some(Value::Text(kind)) => Some(kind.raw()),
            Some(Value::Resolution(kind, _)) => kind.as_ref().map(Text::raw),
            Some(_) => return,
            None => self.resolution.as_ref().map(Text::raw),
        };
        assert_eq!(error.resolution(), resolution.as_deref(), "{json}");
    }
}

impl Value {
    /// The value as JSON text.
    pub fn json(&self) -> String {
        let string = |text: &Option<Text>| text.as_ref().map_or("null".to_owned(), Text::json_string);
        match self {
            Value::Text(text) => text.json_string(),
            Value::Status(status, 0) => status.to_string(),
            Value::Status(status, 1) => format!("\"{status}\""),
            Value::Status(status, _) => format!("{status}.0"),
            Value::Resolution(kind, None) => format!("{{\"type\": {}}}", string(kind)),
            Value::Resolution(kind, url) => {
                format!("{{\"type\": {}, \"url\": {}}}", string(kind), string(url))
            }
            Value::Any(value) => value.json(),
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
    /// The value as JSON text.
    pub fn json(&self) -> String {
        match self {
            Leaf::Null => "null".to_owned(),
            Leaf::Bool(b) => b.to_string(),
            Leaf::Integer(n) => n.to_string(),
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

    fn member(name: &str) -> Name {
        Name::Known(ApiError::MEMBERS.iter().position(|key| *key == name).unwrap())
    }

    #[test]
    fn bodies_are_json_with_the_documented_members_first() {
        let body = Body {
            error_type: Text::literal("SERVER"),
            code: None,
            description: Text::default(),
            status: 500,
            resolution: Some(Text::literal("RETRY_LATER")),
            members: vec![
                (
                    Name::Other(Text::literal("extra")),
                    Value::Any(Json::Array(vec![Leaf::Float(83.9, false), Leaf::Null])),
                ),
                (member("statusCode"), Value::Status(409, 1)),
                (
                    member("resolution"),
                    Value::Resolution(None, Some(Text::literal("u"))),
                ),
            ],
        };
        assert_eq!(
            body.to_json(),
            r#"{"type": "SERVER", "code": null, "description": "", "statusCode": 500, "resolution": {"type": "RETRY_LATER"}, "extra": [83.9, null], "statusCode": "409", "resolution": {"type": null, "url": "u"}}"#
        );
        body.check();
    }

    #[test]
    fn a_hostile_type_is_shown_escaped() {
        let hostile = Text::literal("Smartcar\u{1b}\u{202e}\u{2028}");
        let body = Body {
            error_type: hostile.clone(),
            code: None,
            description: Text::default(),
            status: 500,
            resolution: None,
            members: vec![(member("resolution"), Value::Text(Text::literal("500")))],
        };
        body.check();
        let error = ApiError::from_response(500, [("SC-Request-Id", "fuzz")], body.to_json().as_bytes());
        assert_eq!(error.error_type(), hostile.raw());
        assert_eq!(error.resolution(), Some("500"));
        assert!(error.to_string().starts_with(r"Smartcar\u{1b}"), "{error}");
    }
}
