//! Reading the members of an error body one by one, straight from the parser: each known
//! member on its own, so that one of the wrong JSON type costs only itself.
//!
//! A known member of the wrong JSON type is kept as sent in `extra` and, where one reading is
//! obvious, also coerced into its field. Of a repeated key the last value counts, as with
//! `JSON.parse` and Python's `json`. Two modes share the code: lenient
//! ([`ApiError::from_response`]) stops there; strict (serde `Deserialize`,
//! [`ApiError::from_json`]) then fails if a known member's last value has the wrong type.
//!
//! [`ApiError::from_json`]: super::ApiError::from_json
//! [`ApiError::from_response`]: super::ApiError::from_response

use core::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, Unexpected, Visitor};
use serde_json::{Map, Number, Value};

use super::BodyShape;

/// The members of an error body that this crate reads, as sent, and the rest.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Members {
    /// The string members, indexed by [`Known`] (`type` to `suggestedUserMessage`).
    texts: [Option<String>; TEXT_MEMBERS],
    /// `statusCode`
    pub status_code: Option<u16>,
    /// `resolution`, the whole object (a string reads as `{"type": string}`).
    pub resolution: Option<Map<String, Value>>,
    /// `detail`
    pub detail: Option<Value>,
    /// `retryAfter`, in seconds.
    pub retry_after: Option<u64>,
    /// Members not read into a field as sent: unknown keys, known keys whose value has
    /// another JSON type than documented (coerced or not), and members another takes
    /// precedence over.
    pub extra: Map<String, Value>,
}

/// How many members are strings: the first variants of [`Known`].
const TEXT_MEMBERS: usize = 9;

/// A member this crate reads: first the strings, then the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    Type,
    Error,
    Code,
    Description,
    ErrorDescription,
    Message,
    DocUrl,
    RequestId,
    SuggestedUserMessage,
    StatusCode,
    Resolution,
    Detail,
    RetryAfter,
}

impl Known {
    /// Every known member, in the order a body is written back.
    pub(crate) const ALL: [Known; 13] = [
        Known::Type,
        Known::Error,
        Known::Code,
        Known::Description,
        Known::ErrorDescription,
        Known::Message,
        Known::DocUrl,
        Known::RequestId,
        Known::SuggestedUserMessage,
        Known::StatusCode,
        Known::Resolution,
        Known::Detail,
        Known::RetryAfter,
    ];

    /// The member's key in the body.
    pub(crate) const fn key(self) -> &'static str {
        match self {
            Known::Type => "type",
            Known::Error => "error",
            Known::Code => "code",
            Known::Description => "description",
            Known::ErrorDescription => "error_description",
            Known::Message => "message",
            Known::DocUrl => "docURL",
            Known::RequestId => "requestId",
            Known::SuggestedUserMessage => "suggestedUserMessage",
            Known::StatusCode => "statusCode",
            Known::Resolution => "resolution",
            Known::Detail => "detail",
            Known::RetryAfter => "retryAfter",
        }
    }

    /// The known member whose key is `key`.
    pub(crate) fn from_key(key: &str) -> Option<Known> {
        Known::ALL.into_iter().find(|known| known.key() == key)
    }

    /// The JSON type the docs give the member, for error messages.
    fn expected(self) -> &'static str {
        match self {
            Known::StatusCode => "an HTTP status code (integer from 0 to 65535) or null",
            Known::RetryAfter => "a number of seconds (non-negative integer) or null",
            Known::Resolution => "an object or null",
            Known::Detail => "any JSON value",
            _ => "a string or null",
        }
    }
}

/// How a member's value was read.
enum Read<T> {
    /// `null`: the member says nothing.
    Null,
    /// Of the documented JSON type.
    Exact(T),
    /// Of another JSON type with one obvious reading (`"409"` for 409), kept as sent too.
    Coerced(T, Value),
    /// Of another JSON type, kept as sent only.
    Raw(Value),
}

/// Whether a known member of the wrong JSON type fails the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Fail: the body is validated.
    Strict,
    /// Keep it in `extra`, coerced where obvious.
    Lenient,
}

impl Members {
    /// Reads the members of a JSON object from `deserializer`; fails on anything but an
    /// object, and in strict mode on a known member of the wrong JSON type.
    pub(crate) fn read<'de, D: Deserializer<'de>>(deserializer: D, mode: Mode) -> Result<Members, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(mode))
    }

    /// The body's members read leniently from JSON text, or `None` when it is not one JSON
    /// object (with white space around it).
    pub(crate) fn read_json(json: &[u8]) -> Option<Members> {
        let mut deserializer = serde_json::Deserializer::from_slice(json);
        let members = Members::read(&mut deserializer, Mode::Lenient).ok()?;
        deserializer.end().ok()?;
        Some(members)
    }

    /// Sets the member `known` from `value`, replacing what an earlier member of the same
    /// key set.
    fn set(&mut self, known: Known, value: Value) {
        self.extra.remove(known.key());
        match known {
            Known::StatusCode => self.status_code = self.keep(known, status(value)),
            Known::RetryAfter => self.retry_after = self.keep(known, seconds(value)),
            Known::Resolution => self.resolution = self.keep(known, resolution(value)),
            Known::Detail => self.detail = self.keep(known, any(value)),
            _ => {
                let read = self.keep(known, text(value));
                if let Some(slot) = self.text_slot(known) {
                    *slot = read;
                }
            }
        }
    }

    /// The field's new value; what was not of the documented type goes to `extra`.
    fn keep<T>(&mut self, known: Known, read: Read<T>) -> Option<T> {
        let (field, raw) = match read {
            Read::Null => (None, None),
            Read::Exact(value) => (Some(value), None),
            Read::Coerced(value, raw) => (Some(value), Some(raw)),
            Read::Raw(raw) => (None, Some(raw)),
        };
        if let Some(raw) = raw {
            self.extra.insert(known.key().to_owned(), raw);
        }
        field
    }

    /// Fails on the first member (of the last values of repeated keys) that has another
    /// JSON type than documented, `resolution.type` and `resolution.url` included.
    fn validate<E: de::Error>(&self) -> Result<(), E> {
        let mistyped = self
            .extra
            .iter()
            .find_map(|(key, raw)| Some((Known::from_key(key)?, raw)));
        if let Some((known, raw)) = mistyped {
            return Err(E::invalid_type(unexpected(raw), &known.expected()));
        }
        for (key, expected) in [
            ("type", "a string or null as `resolution.type`"),
            ("url", "a string or null as `resolution.url`"),
        ] {
            match self
                .resolution
                .as_ref()
                .and_then(|resolution| resolution.get(key))
            {
                None | Some(Value::Null | Value::String(_)) => {}
                Some(other) => return Err(E::invalid_type(unexpected(other), &expected)),
            }
        }
        Ok(())
    }

    /// The string member `known` as read (`None` for the other members).
    pub(crate) fn text(&self, known: Known) -> Option<&str> {
        self.texts.get(known as usize)?.as_deref()
    }

    /// The field of a string member.
    fn text_slot(&mut self, known: Known) -> Option<&mut Option<String>> {
        self.texts.get_mut(known as usize)
    }

    /// The body's shape, once every member is read; moves the members that another takes
    /// precedence over to `extra`: `type` beside `error`, and `error_description` and
    /// `message` beside a description before them (`description`, then `error_description`).
    pub(crate) fn settle(&mut self) -> BodyShape {
        let has = |known| self.text(known).is_some();
        let shape = match (has(Known::Error), has(Known::Type)) {
            (true, _) if has(Known::ErrorDescription) => BodyShape::OAuth,
            (true, _) => BodyShape::V1,
            (false, true) => BodyShape::V2,
            (false, false) => BodyShape::Other,
        };
        let shadowed = [
            (Known::Type, has(Known::Error)),
            (Known::ErrorDescription, has(Known::Description)),
            (
                Known::Message,
                has(Known::Description) || has(Known::ErrorDescription),
            ),
        ];
        for (known, _) in shadowed.into_iter().filter(|(_, shadowed)| *shadowed) {
            if let Some(text) = self.text_slot(known).and_then(Option::take) {
                // A raw value of the same key, sent with another JSON type, stays as sent.
                self.extra.entry(known.key()).or_insert(Value::String(text));
            }
        }
        shape
    }
}

/// A string member: an integer is coerced to its decimal digits.
fn text(value: Value) -> Read<String> {
    match value {
        Value::Null => Read::Null,
        Value::String(text) => Read::Exact(text),
        Value::Number(ref n) if n.is_i64() || n.is_u64() => Read::Coerced(n.to_string(), value),
        other => Read::Raw(other),
    }
}

/// `statusCode`: an integer-valued number or a string of digits in range is coerced.
fn status(value: Value) -> Read<u16> {
    match whole_number(value) {
        Read::Null => Read::Null,
        Read::Exact(n) => match u16::try_from(n) {
            Ok(status) => Read::Exact(status),
            Err(_) => Read::Raw(Value::from(n)),
        },
        Read::Coerced(n, raw) => match u16::try_from(n) {
            Ok(status) => Read::Coerced(status, raw),
            Err(_) => Read::Raw(raw),
        },
        Read::Raw(raw) => Read::Raw(raw),
    }
}

/// A status read as `statusCode` is leniently: an integer, or one written as `"409"` or
/// `409.0`.
pub(crate) fn lenient_status(value: Value) -> Option<u16> {
    match status(value) {
        Read::Exact(status) | Read::Coerced(status, _) => Some(status),
        Read::Null | Read::Raw(_) => None,
    }
}

/// `retryAfter`: as `statusCode`, any non-negative integer.
fn seconds(value: Value) -> Read<u64> {
    whole_number(value)
}

/// A non-negative integer: exact as a JSON integer; coerced from an integer-valued float
/// (`409.0`) or a string of ASCII digits (`"409"`).
fn whole_number(value: Value) -> Read<u64> {
    match value {
        Value::Null => Read::Null,
        Value::Number(ref n) => match (n.as_u64(), n.as_f64()) {
            (Some(n), _) => Read::Exact(n),
            (None, Some(x)) if n.is_f64() && x >= 0.0 && x.fract() == 0.0 && x < U64_LIMIT => {
                // In range and integral: the conversion is exact.
                Read::Coerced(x as u64, value)
            }
            _ => Read::Raw(value),
        },
        Value::String(ref digits) if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
            match digits.parse() {
                Ok(n) => Read::Coerced(n, value),
                Err(_) => Read::Raw(value),
            }
        }
        other => Read::Raw(other),
    }
}

/// 2^64, the first float above `u64::MAX`.
const U64_LIMIT: f64 = 18_446_744_073_709_551_616.0;

/// `resolution`: the object as sent; a string is its type.
fn resolution(value: Value) -> Read<Map<String, Value>> {
    match value {
        Value::Null => Read::Null,
        Value::Object(object) => Read::Exact(object),
        Value::String(ref kind) => {
            let object = Map::from_iter([("type".to_owned(), Value::String(kind.clone()))]);
            Read::Coerced(object, value)
        }
        other => Read::Raw(other),
    }
}

/// `detail`: any value but null.
fn any(value: Value) -> Read<Value> {
    match value {
        Value::Null => Read::Null,
        value => Read::Exact(value),
    }
}

/// How serde names `value` in a type error.
fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => number(n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number(n: &Number) -> Unexpected<'_> {
    match (n.as_u64(), n.as_i64(), n.as_f64()) {
        (Some(n), _, _) => Unexpected::Unsigned(n),
        (_, Some(n), _) => Unexpected::Signed(n),
        (_, _, Some(x)) => Unexpected::Float(x),
        _ => Unexpected::Other("a number"),
    }
}

/// Visits the body's object.
struct ObjectVisitor(Mode);

impl<'de> Visitor<'de> for ObjectVisitor {
    type Value = Members;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Smartcar error body (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
        let mut members = Members::default();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            let value: Value = map.next_value()?;
            match key {
                Key::Known(known) => members.set(known, value),
                Key::Other(key) => {
                    members.extra.insert(key, value);
                }
            }
        }
        if self.0 == Mode::Strict {
            members.validate()?;
        }
        Ok(members)
    }
}

/// A key of the body: known ones are recognized without allocating.
enum Key {
    Known(Known),
    Other(String),
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(Known::from_key(key).map_or_else(|| Key::Other(key.to_owned()), Key::Known))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key, E> {
        Ok(Known::from_key(&key).map_or(Key::Other(key), Key::Known))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lenient(json: &str) -> Members {
        Members::read_json(json.as_bytes()).expect("an object")
    }

    #[test]
    fn wrong_types_are_kept_and_coerced_where_obvious() {
        let members = lenient(
            r#"{"type": 7, "code": 1.5, "statusCode": "409", "retryAfter": 30.0,
                "resolution": "REAUTHENTICATE", "description": ["x"], "requestId": null}"#,
        );
        assert_eq!(members.text(Known::Type), Some("7"));
        assert_eq!(members.text(Known::Code), None);
        assert_eq!(members.status_code, Some(409));
        assert_eq!(members.retry_after, Some(30));
        assert_eq!(members.resolution.as_ref().unwrap()["type"], "REAUTHENTICATE");
        assert_eq!(members.text(Known::Description), None);
        let extra: Vec<(&str, String)> = members
            .extra
            .iter()
            .map(|(key, value)| (key.as_str(), value.to_string()))
            .collect();
        assert_eq!(
            extra,
            [
                ("code", "1.5".to_owned()),
                ("description", r#"["x"]"#.to_owned()),
                ("resolution", r#""REAUTHENTICATE""#.to_owned()),
                ("retryAfter", "30.0".to_owned()),
                ("statusCode", r#""409""#.to_owned()),
                ("type", "7".to_owned()),
            ]
        );
    }

    #[test]
    fn numbers_out_of_range_are_not_coerced() {
        let members = lenient(r#"{"statusCode": 70000, "retryAfter": -1, "code": "x"}"#);
        assert_eq!(members.status_code, None);
        assert_eq!(members.extra["statusCode"], 70000);
        assert_eq!(members.retry_after, None);
        let members = lenient(r#"{"statusCode": "4O9", "retryAfter": 1e300}"#);
        assert_eq!((members.status_code, members.retry_after), (None, None));
        let members = lenient(r#"{"statusCode": 409.5, "retryAfter": "18446744073709551616"}"#);
        assert_eq!((members.status_code, members.retry_after), (None, None));
        assert_eq!(members.extra.len(), 2);
    }

    #[test]
    fn the_last_of_repeated_keys_wins_with_its_type() {
        let members = lenient(r#"{"statusCode": "x", "statusCode": 500, "code": "A", "code": 5.5}"#);
        assert_eq!(members.status_code, Some(500));
        assert_eq!(members.text(Known::Code), None);
        assert_eq!(members.extra.len(), 1);
        assert_eq!(members.extra["code"], 5.5);
    }

    #[test]
    fn strict_mode_names_the_member_and_its_type() {
        let strict = |json: &str| {
            Members::read(&mut serde_json::Deserializer::from_str(json), Mode::Strict)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(
            strict(r#"{"statusCode": "409"}"#),
            r#"invalid type: string "409", expected an HTTP status code (integer from 0 to 65535) or null at line 1 column 21"#
        );
        assert_eq!(
            strict(r#"{"resolution": {"type": 1}}"#),
            "invalid type: integer `1`, expected a string or null as `resolution.type` at line 1 column 27"
        );
        // Only the last value of a repeated key counts.
        let members = Members::read(
            &mut serde_json::Deserializer::from_str(r#"{"type": false, "type": "X"}"#),
            Mode::Strict,
        );
        assert_eq!(members.unwrap().text(Known::Type), Some("X"));
    }

    #[test]
    fn only_objects_are_bodies() {
        for json in ["[1]", "\"x\"", "{} {}", "{", "", "null"] {
            assert_eq!(Members::read_json(json.as_bytes()), None, "{json}");
        }
    }
}
