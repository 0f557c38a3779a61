//! The members of an error body as read: the string members in one buffer, the others in
//! their types, and what was not read into a field as sent (`extra`).
//!
//! A known member of the wrong JSON type is kept as sent in `extra` and, where one reading is
//! obvious, also coerced into its field. Of a repeated key the last value counts, as with
//! `JSON.parse` and Python's `json`. How a body is read is in [`read`](super::read).

use core::fmt;
use std::sync::OnceLock;

use serde_json::{Map, Value};

use super::BodyShape;
use super::texts::{RESOLUTION_TYPE, RESOLUTION_URL, Texts};

/// The members of an error body that this crate reads, as sent, and the rest.
#[derive(Clone)]
pub(crate) struct Members {
    /// The string members (slots indexed by [`Known`]) and `resolution.type` and `.url`.
    pub texts: Texts,
    /// `statusCode`
    pub status_code: Option<u16>,
    /// `resolution`
    pub resolution: Option<SentResolution>,
    /// `detail`
    pub detail: Option<Value>,
    /// `retryAfter`, in seconds.
    pub retry_after: Option<u64>,
    /// Members not read into a field as sent: unknown keys, known keys whose value has
    /// another JSON type than documented (coerced or not), and members another takes
    /// precedence over.
    pub extra: Map<String, Value>,
    /// The kind of body, from the members it has.
    pub shape: BodyShape,
}

/// The `resolution` member as sent.
#[derive(Clone)]
pub(crate) enum SentResolution {
    /// An object of `type` and `url` alone, each a string (in its text slot) or null, or a
    /// string sent as the resolution's type. Nearly every body's: its object is built only
    /// when asked for.
    Plain {
        kind: Sent,
        url: Sent,
        /// Whether `url` came before `type`, for a `Map` that keeps the order sent.
        url_first: bool,
        object: OnceLock<Map<String, Value>>,
    },
    /// Any other object, as sent.
    Object(Map<String, Value>),
}

/// A member of a plain `resolution`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sent {
    Absent,
    Null,
    /// A string, kept in its text slot.
    Text,
}

/// How many members are strings: the first variants of [`Known`].
pub(crate) const TEXT_MEMBERS: usize = 9;

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
        Some(match key {
            "type" => Known::Type,
            "error" => Known::Error,
            "code" => Known::Code,
            "description" => Known::Description,
            "error_description" => Known::ErrorDescription,
            "message" => Known::Message,
            "docURL" => Known::DocUrl,
            "requestId" => Known::RequestId,
            "suggestedUserMessage" => Known::SuggestedUserMessage,
            "statusCode" => Known::StatusCode,
            "resolution" => Known::Resolution,
            "detail" => Known::Detail,
            "retryAfter" => Known::RetryAfter,
            _ => return None,
        })
    }

    /// The text slot of a string member.
    pub(crate) fn slot(self) -> Option<usize> {
        Some(self as usize).filter(|slot| *slot < TEXT_MEMBERS)
    }

    /// The JSON type the docs give the member, for error messages.
    pub(crate) fn expected(self) -> &'static str {
        match self {
            Known::StatusCode => "an HTTP status code (integer from 0 to 65535) or null",
            Known::RetryAfter => "a number of seconds (non-negative integer) or null",
            Known::Resolution => "an object or null",
            Known::Detail => "any JSON value",
            _ => "a string or null",
        }
    }
}

/// The members of a resolution this crate reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResolutionMember {
    /// `type`
    Type,
    /// `url`
    Url,
}

impl ResolutionMember {
    fn key(self) -> &'static str {
        match self {
            ResolutionMember::Type => "type",
            ResolutionMember::Url => "url",
        }
    }

    fn slot(self) -> usize {
        match self {
            ResolutionMember::Type => RESOLUTION_TYPE,
            ResolutionMember::Url => RESOLUTION_URL,
        }
    }
}

impl Default for Members {
    fn default() -> Members {
        Members {
            texts: Texts::default(),
            status_code: None,
            resolution: None,
            detail: None,
            retry_after: None,
            extra: Map::new(),
            shape: BodyShape::Other,
        }
    }
}

impl Members {
    /// The string member `known` as read (`None` for the other members).
    pub(crate) fn text(&self, known: Known) -> Option<&str> {
        self.texts.get(known.slot()?)
    }

    /// The resolution's `member` as sent, if it is a string.
    pub(crate) fn resolution_text(&self, member: ResolutionMember) -> Option<&str> {
        match self.resolution.as_ref()? {
            SentResolution::Plain { .. } => self.texts.get(member.slot()),
            SentResolution::Object(object) => object.get(member.key())?.as_str(),
        }
    }

    /// The whole resolution object as sent; a plain one is built on the first call.
    pub(crate) fn resolution_object(&self) -> Option<&Map<String, Value>> {
        match self.resolution.as_ref()? {
            SentResolution::Object(object) => Some(object),
            SentResolution::Plain {
                kind,
                url,
                url_first,
                object,
            } => Some(object.get_or_init(|| {
                let mut members = [(ResolutionMember::Type, *kind), (ResolutionMember::Url, *url)];
                if *url_first {
                    members.reverse();
                }
                let value = |member: ResolutionMember| match self.texts.get(member.slot()) {
                    Some(text) => Value::from(text),
                    None => Value::Null,
                };
                (members.into_iter())
                    .filter(|(_, sent)| *sent != Sent::Absent)
                    .map(|(member, _)| (member.key().to_owned(), value(member)))
                    .collect()
            })),
        }
    }
}

/// Equal when every member reads the same, whichever way each keeps its resolution.
impl PartialEq for Members {
    fn eq(&self, other: &Members) -> bool {
        let texts_equal =
            (Known::ALL.into_iter().take(TEXT_MEMBERS)).all(|known| self.text(known) == other.text(known));
        texts_equal
            && self.status_code == other.status_code
            && self.retry_after == other.retry_after
            && self.shape == other.shape
            && self.detail == other.detail
            && self.extra == other.extra
            && self.resolution_object() == other.resolution_object()
    }
}

impl fmt::Debug for SentResolution {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SentResolution::Plain { kind, url, .. } => f
                .debug_struct("Plain")
                .field("type", kind)
                .field("url", url)
                .finish(),
            SentResolution::Object(object) => f.debug_tuple("Object").field(object).finish(),
        }
    }
}

impl fmt::Debug for Members {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut members = f.debug_struct("Members");
        for known in Known::ALL.into_iter().take(TEXT_MEMBERS) {
            if let Some(text) = self.text(known) {
                members.field(known.key(), &text);
            }
        }
        members
            .field("statusCode", &self.status_code)
            .field("resolution", &self.resolution_object())
            .field("detail", &self.detail)
            .field("retryAfter", &self.retry_after)
            .field("extra", &self.extra)
            .field("shape", &self.shape)
            .finish()
    }
}
