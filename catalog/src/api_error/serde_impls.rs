//! serde: `Deserialize` validates a v2 body; `Serialize` writes the body back as read.

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::members::{Known, Members};
use super::read::Mode;
use super::{ApiError, ErrorHeaders};

/// Strict: see [`ApiError::from_json`].
impl<'de> Deserialize<'de> for ApiError {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let members = Members::read(deserializer, Mode::Strict)?;
        if members.text(Known::Type).is_none() {
            return Err(de::Error::missing_field(Known::Type.key()));
        }
        Ok(ApiError::assemble(
            Some(members),
            None,
            None,
            ErrorHeaders::default(),
        ))
    }
}

/// The body's members as read, under their keys: values coerced from another JSON type in
/// their documented type, `statusCode`, `requestId` and `retryAfter` (seconds) filled in from
/// the response when the body lacks them, then the [`extra`](ApiError::extra) members not
/// written already. A v2 body read with [`ApiError::from_json`] serializes to a body that
/// reads back to an equal error.
impl Serialize for ApiError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for known in Known::ALL {
            if let Some(member) = self.member(known) {
                map.serialize_entry(known.key(), &member)?;
            }
        }
        for (key, value) in self.extra() {
            let written = Known::from_key(key).is_some_and(|known| self.member(known).is_some());
            if !written {
                map.serialize_entry(key, value)?;
            }
        }
        map.end()
    }
}

/// A member's value, to be serialized.
enum Member<'a> {
    Text(&'a str),
    Number(u64),
    Object(&'a Map<String, Value>),
    Any(&'a Value),
}

impl Serialize for Member<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Member::Text(text) => serializer.serialize_str(text),
            Member::Number(n) => serializer.serialize_u64(*n),
            Member::Object(object) => object.serialize(serializer),
            Member::Any(value) => value.serialize(serializer),
        }
    }
}

impl ApiError {
    /// The value written for `known`, if any.
    fn member(&self, known: Known) -> Option<Member<'_>> {
        match known {
            Known::StatusCode => self.status_code().map(|status| Member::Number(status.into())),
            Known::RequestId => self.request_id().map(Member::Text),
            Known::RetryAfter => self.retry_after().map(|wait| Member::Number(wait.as_secs())),
            Known::Resolution => self.resolution_object().map(Member::Object),
            Known::Detail => self.detail().map(Member::Any),
            text => self.members.text(text).map(Member::Text),
        }
    }
}
