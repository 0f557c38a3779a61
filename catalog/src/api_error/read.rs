//! Reading the members of an error body one by one, straight from the parser: each known
//! member on its own, so that one of the wrong JSON type costs only itself.
//!
//! Strings are borrowed from the body while it is read and copied once, all together, at the
//! end; a member's value becomes a `serde_json::Value` only when it is kept as one (`detail`,
//! `extra`) or is of an unexpected JSON type. Two modes share the code: lenient
//! ([`ApiError::from_response`]) keeps a member of the wrong type in `extra`; strict (serde
//! `Deserialize`, [`ApiError::from_json`]) then fails if a known member's last value has the
//! wrong type.
//!
//! [`ApiError::from_json`]: super::ApiError::from_json
//! [`ApiError::from_response`]: super::ApiError::from_response

use core::fmt;
use std::borrow::Cow;
use std::sync::OnceLock;

use serde::Deserialize;
use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::{Map, Number, Value};

use super::BodyShape;
use super::members::{Known, Members, ResolutionMember, Sent, SentResolution};
use super::texts::{RESOLUTION_TYPE, RESOLUTION_URL, SLOTS, Texts};

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
    pub(crate) fn read<'de, D: Deserializer<'de>>(
        deserializer: D,
        mode: Mode,
    ) -> Result<Box<Members>, D::Error> {
        deserializer.deserialize_map(ObjectVisitor(mode))
    }

    /// The body's members read leniently from JSON text, or `None` when it is not one JSON
    /// object (with white space around it).
    pub(crate) fn read_json(json: &[u8]) -> Option<Box<Members>> {
        // JSON text is UTF-8 throughout: checked here in one pass, the parser need not check
        // each string again.
        let json = core::str::from_utf8(json).ok()?;
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let members = Members::read(&mut deserializer, Mode::Lenient).ok()?;
        deserializer.end().ok()?;
        Some(members)
    }
}

/// The members while the body is read, strings borrowed from it where the parser allows.
#[derive(Default)]
struct Reading<'de> {
    /// Indexed as [`Texts`].
    texts: [Option<Cow<'de, str>>; SLOTS],
    status_code: Option<u16>,
    resolution: Option<Resolution>,
    detail: Option<Value>,
    retry_after: Option<u64>,
    extra: Map<String, Value>,
}

/// A `resolution` as read, its strings in the text slots.
enum Resolution {
    Plain { kind: Sent, url: Sent, url_first: bool },
    Object(Map<String, Value>),
}

impl<'de> Reading<'de> {
    /// Sets the member `known` from `value`, replacing what an earlier member of the same
    /// key set.
    fn set(&mut self, known: Known, value: Raw<'de>) {
        if !self.extra.is_empty() {
            self.extra.remove(known.key());
        }
        match (known.slot(), value) {
            // Nearly every member of a body: a string member sent as a string.
            (Some(slot), Raw::Text(text)) => self.texts[slot] = Some(text),
            (_, value) => self.set_other(known, value),
        }
    }

    /// [`set`](Self::set) for the other members and JSON types.
    fn set_other(&mut self, known: Known, value: Raw<'de>) {
        match known {
            Known::StatusCode => self.status_code = self.keep(known, status(value)),
            Known::RetryAfter => self.retry_after = self.keep(known, seconds(value)),
            Known::Detail => self.detail = self.keep(known, any(value)),
            Known::Resolution => {
                let read = self.keep(known, resolution(value));
                self.set_resolution(read);
            }
            text_member => {
                let read = self.keep(known, text(value));
                if let Some(slot) = text_member.slot() {
                    self.texts[slot] = read;
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

    fn set_resolution(&mut self, read: Option<ReadResolution<'de>>) {
        (self.texts[RESOLUTION_TYPE], self.texts[RESOLUTION_URL]) = (None, None);
        self.resolution = read.map(|read| match read {
            ReadResolution::Plain(plain) => Resolution::Plain {
                kind: place(&mut self.texts[RESOLUTION_TYPE], plain.kind),
                url: place(&mut self.texts[RESOLUTION_URL], plain.url),
                url_first: plain.url_first,
            },
            ReadResolution::Object(object) => Resolution::Object(object),
        });
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
        let Some(Resolution::Object(object)) = &self.resolution else {
            // A plain resolution holds strings and nulls alone.
            return Ok(());
        };
        for (key, expected) in [
            ("type", "a string or null as `resolution.type`"),
            ("url", "a string or null as `resolution.url`"),
        ] {
            match object.get(key) {
                None | Some(Value::Null | Value::String(_)) => {}
                Some(other) => return Err(E::invalid_type(unexpected(other), &expected)),
            }
        }
        Ok(())
    }

    /// The members, once every one is read: the body's shape is settled, the members another
    /// takes precedence over are moved to `extra` (`type` beside `error`, and
    /// `error_description` and `message` beside a description before them: `description`,
    /// then `error_description`), and the strings are copied into one buffer.
    fn finish(mut self) -> Box<Members> {
        let has = |known: Known| known.slot().is_some_and(|slot| self.texts[slot].is_some());
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
            if let Some(text) = known.slot().and_then(|slot| self.texts[slot].take()) {
                // A raw value of the same key, sent with another JSON type, stays as sent.
                (self.extra.entry(known.key())).or_insert_with(|| Value::String(text.into_owned()));
            }
        }
        Box::new(Members {
            texts: Texts::new(&self.texts),
            status_code: self.status_code,
            resolution: self.resolution.map(|resolution| match resolution {
                Resolution::Plain { kind, url, url_first } => SentResolution::Plain {
                    kind,
                    url,
                    url_first,
                    object: OnceLock::new(),
                },
                Resolution::Object(object) => SentResolution::Object(object),
            }),
            detail: self.detail,
            retry_after: self.retry_after,
            extra: self.extra,
            shape,
        })
    }
}

/// Puts a plain resolution's member in its text slot; says what was sent.
fn place<'de>(slot: &mut Option<Cow<'de, str>>, member: Option<Option<Cow<'de, str>>>) -> Sent {
    match member {
        None => Sent::Absent,
        Some(None) => Sent::Null,
        Some(Some(text)) => {
            *slot = Some(text);
            Sent::Text
        }
    }
}

/// A member's value as the parser gave it: the scalars the docs use as they are, the rest as
/// a `Value`.
enum Raw<'de> {
    Null,
    Text(Cow<'de, str>),
    Unsigned(u64),
    /// An object of `type` and `url`, each a string or null (read so for `resolution` alone).
    Plain(PlainResolution<'de>),
    Other(Value),
}

impl Raw<'_> {
    fn into_value(self) -> Value {
        match self {
            Raw::Null => Value::Null,
            Raw::Text(text) => Value::String(text.into_owned()),
            Raw::Unsigned(n) => Value::from(n),
            Raw::Plain(plain) => Value::Object(plain.into_object()),
            Raw::Other(value) => value,
        }
    }
}

/// A resolution object of `type` and `url` alone, each `Some(None)` when null.
#[derive(Default)]
struct PlainResolution<'de> {
    kind: Option<Option<Cow<'de, str>>>,
    url: Option<Option<Cow<'de, str>>>,
    url_first: bool,
}

impl<'de> PlainResolution<'de> {
    fn set(&mut self, member: ResolutionMember, value: Option<Cow<'de, str>>) {
        let slot = match member {
            ResolutionMember::Type => &mut self.kind,
            ResolutionMember::Url => {
                self.url_first |= self.kind.is_none() && self.url.is_none();
                &mut self.url
            }
        };
        *slot = Some(value);
    }

    /// The object, its members in the order they were first sent.
    fn into_object(self) -> Map<String, Value> {
        let value =
            |text: Option<Cow<'_, str>>| text.map_or(Value::Null, |text| Value::String(text.into_owned()));
        let mut members = [("type", self.kind), ("url", self.url)];
        if self.url_first {
            members.reverse();
        }
        (members.into_iter())
            .filter_map(|(key, member)| Some((key.to_owned(), value(member?))))
            .collect()
    }
}

/// A resolution as read.
enum ReadResolution<'de> {
    Plain(PlainResolution<'de>),
    Object(Map<String, Value>),
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

/// A string member: an integer is coerced to its decimal digits.
fn text(value: Raw<'_>) -> Read<Cow<'_, str>> {
    match value {
        Raw::Null => Read::Null,
        Raw::Text(text) => Read::Exact(text),
        Raw::Unsigned(n) => Read::Coerced(n.to_string().into(), Value::from(n)),
        Raw::Other(value @ Value::Number(_)) if value.is_i64() || value.is_u64() => {
            Read::Coerced(value.to_string().into(), value)
        }
        other => Read::Raw(other.into_value()),
    }
}

/// `statusCode`: an integer-valued number or a string of digits in range is coerced.
fn status(value: Raw<'_>) -> Read<u16> {
    match value {
        Raw::Null => Read::Null,
        Raw::Unsigned(n) => u16::try_from(n).map_or_else(|_| Read::Raw(Value::from(n)), Read::Exact),
        other => status_of(other.into_value()),
    }
}

fn status_of(value: Value) -> Read<u16> {
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
    match status_of(value) {
        Read::Exact(status) | Read::Coerced(status, _) => Some(status),
        Read::Null | Read::Raw(_) => None,
    }
}

/// `retryAfter`: as `statusCode`, any non-negative integer.
fn seconds(value: Raw<'_>) -> Read<u64> {
    match value {
        Raw::Null => Read::Null,
        Raw::Unsigned(n) => Read::Exact(n),
        other => whole_number(other.into_value()),
    }
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
fn resolution(value: Raw<'_>) -> Read<ReadResolution<'_>> {
    match value {
        Raw::Null => Read::Null,
        Raw::Plain(plain) => Read::Exact(ReadResolution::Plain(plain)),
        Raw::Other(Value::Object(object)) => Read::Exact(ReadResolution::Object(object)),
        Raw::Text(kind) => {
            let raw = Value::String(kind.as_ref().to_owned());
            let plain = PlainResolution {
                kind: Some(Some(kind)),
                ..PlainResolution::default()
            };
            Read::Coerced(ReadResolution::Plain(plain), raw)
        }
        other => Read::Raw(other.into_value()),
    }
}

/// `detail`: any value but null.
fn any(value: Raw<'_>) -> Read<Value> {
    match value {
        Raw::Null => Read::Null,
        value => Read::Exact(value.into_value()),
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
    type Value = Box<Members>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a Smartcar error body (a JSON object)")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Box<Members>, A::Error> {
        let mut reading = Reading::default();
        while let Some(key) = map.next_key_seed(Borrowed)? {
            match Known::from_key(&key) {
                Some(known) => {
                    let plain_objects = known == Known::Resolution;
                    reading.set(known, map.next_value_seed(RawSeed { plain_objects })?);
                }
                None => {
                    let value: Value = map.next_value()?;
                    reading.extra.insert(key.into_owned(), value);
                }
            }
        }
        if self.0 == Mode::Strict {
            reading.validate()?;
        }
        Ok(reading.finish())
    }
}

/// A string, borrowed from the input when the parser allows (it has no escapes).
struct Borrowed;

impl<'de> DeserializeSeed<'de> for Borrowed {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Cow<'de, str>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Borrowed {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(text))
    }
}

/// Reads any value as a [`Raw`]; with `plain_objects`, an object of `type` and `url` strings
/// as a [`PlainResolution`].
#[derive(Clone, Copy)]
struct RawSeed {
    plain_objects: bool,
}

impl<'de> DeserializeSeed<'de> for RawSeed {
    type Value = Raw<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// As `serde_json::Value` reads each kind of value.
impl<'de> Visitor<'de> for RawSeed {
    type Value = Raw<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Raw<'de>, E> {
        Ok(Raw::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw<'de>, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E: de::Error>(self, b: bool) -> Result<Raw<'de>, E> {
        Ok(Raw::Other(Value::Bool(b)))
    }

    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Raw<'de>, E> {
        Ok(Raw::Other(Value::from(n)))
    }

    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Raw<'de>, E> {
        Ok(Raw::Unsigned(n))
    }

    fn visit_f64<E: de::Error>(self, x: f64) -> Result<Raw<'de>, E> {
        Ok(Number::from_f64(x).map_or(Raw::Null, |n| Raw::Other(Value::Number(n))))
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Raw<'de>, E> {
        Ok(Raw::Text(Cow::Borrowed(text)))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Raw<'de>, E> {
        Ok(Raw::Text(Cow::Owned(text.to_owned())))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Raw<'de>, E> {
        Ok(Raw::Text(Cow::Owned(text)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Raw<'de>, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq)).map(Raw::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Raw<'de>, A::Error> {
        if self.plain_objects {
            return plain_resolution(map);
        }
        Value::deserialize(MapAccessDeserializer::new(map)).map(Raw::Other)
    }
}

/// A resolution object: plain while its members are `type` and `url` strings or nulls, else
/// the whole object as sent.
fn plain_resolution<'de, A: MapAccess<'de>>(mut map: A) -> Result<Raw<'de>, A::Error> {
    let mut plain = PlainResolution::default();
    while let Some(key) = map.next_key_seed(Borrowed)? {
        let member = match &*key {
            "type" => Some(ResolutionMember::Type),
            "url" => Some(ResolutionMember::Url),
            _ => None,
        };
        let value = map.next_value_seed(RawSeed { plain_objects: false })?;
        match (member, value) {
            (Some(member), Raw::Null) => plain.set(member, None),
            (Some(member), Raw::Text(text)) => plain.set(member, Some(text)),
            (_, value) => {
                let mut object = plain.into_object();
                object.insert(key.into_owned(), value.into_value());
                while let Some((key, value)) = map.next_entry::<String, Value>()? {
                    object.insert(key, value);
                }
                return Ok(Raw::Other(Value::Object(object)));
            }
        }
    }
    Ok(Raw::Plain(plain))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lenient(json: &str) -> Box<Members> {
        Members::read_json(json.as_bytes()).expect("an object")
    }

    fn extra(members: &Members) -> Vec<(&str, String)> {
        (members.extra.iter())
            .map(|(key, value)| (key.as_str(), value.to_string()))
            .collect()
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
        assert_eq!(members.resolution_object().unwrap()["type"], "REAUTHENTICATE");
        assert_eq!(members.text(Known::Description), None);
        assert_eq!(
            extra(&members),
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
    fn negative_and_escaped_values_read_as_their_json() {
        let members = lenient(
            r#"{"code": -12, "statusCode": -1, "description": "a\"b\u00e9", "x\u0041": [true, {"k": -0.5}]}"#,
        );
        assert_eq!(members.text(Known::Code), Some("-12"));
        assert_eq!(members.text(Known::Description), Some("a\"bé"));
        assert_eq!(members.status_code, None);
        assert_eq!(
            extra(&members),
            [
                ("code", "-12".to_owned()),
                ("statusCode", "-1".to_owned()),
                ("xA", r#"[true,{"k":-0.5}]"#.to_owned()),
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
        let members = lenient(r#"{"resolution": {"url": "u", "type": 1}, "resolution": {"type": "T"}}"#);
        assert_eq!(members.resolution_text(ResolutionMember::Type), Some("T"));
        assert_eq!(members.resolution_text(ResolutionMember::Url), None);
        assert_eq!(
            members.resolution_object(),
            Some(&serde_json::from_str(r#"{"type": "T"}"#).unwrap())
        );
        assert!(members.extra.is_empty());
    }

    #[test]
    fn a_resolution_of_other_members_or_types_is_kept_whole() {
        let whole = r#"{"url": "https://x", "type": {"k": 1}, "ticket": 42}"#;
        let members = lenient(&format!(r#"{{"resolution": {whole}}}"#));
        let sent: Map<String, Value> = serde_json::from_str(whole).unwrap();
        assert_eq!(members.resolution_object(), Some(&sent));
        assert_eq!(members.resolution_text(ResolutionMember::Url), Some("https://x"));
        assert_eq!(members.resolution_text(ResolutionMember::Type), None);
        let plain = lenient(r#"{"resolution": {"url": null, "type": "RETRY_LATER", "type": null}}"#);
        let sent: Map<String, Value> = serde_json::from_str(r#"{"url": null, "type": null}"#).unwrap();
        assert_eq!(plain.resolution_object(), Some(&sent));
        assert_eq!(plain.resolution_text(ResolutionMember::Type), None);
        // The same resolution kept either way reads as equal.
        let kept_whole = lenient(r#"{"resolution": {"type": 5, "type": "X"}}"#);
        assert!(matches!(kept_whole.resolution, Some(SentResolution::Object(_))));
        assert_eq!(kept_whole, lenient(r#"{"resolution": {"type": "X"}}"#));
        assert_ne!(kept_whole, lenient(r#"{"resolution": {"type": "Y"}}"#));
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
    fn a_value_reads_as_its_text_does() {
        let json = r#"{"type": "SERVER", "error": "e", "code": 7, "resolution": {"url": "u", "type": "R"},
            "statusCode": 500.0, "detail": [1, "a"], "other": {"b": null}, "message": "m"}"#;
        let value: Value = serde_json::from_str(json).unwrap();
        let from_value = Members::read(value, Mode::Lenient).unwrap();
        assert_eq!(from_value, lenient(json));
        assert_eq!(from_value.shape, BodyShape::V1);
        assert_eq!(from_value.resolution_text(ResolutionMember::Url), Some("u"));
    }

    #[test]
    fn only_objects_are_bodies() {
        for json in ["[1]", "\"x\"", "{} {}", "{", "", "null"] {
            assert!(Members::read_json(json.as_bytes()).is_none(), "{json}");
        }
    }
}
