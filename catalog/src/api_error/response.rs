//! Reading any error response: a JSON object body member by member, or a body that is no
//! JSON object at all, with the status and headers that complete them.

use serde_json::Value;

use super::members::{Known, Members};
use super::read::Mode;
use super::{ApiError, ErrorHeaders, strip_bom};

impl ApiError {
    /// Reads an error response as the official SDKs read it: `status` is the HTTP status,
    /// `headers` the response headers (names in any case; values as text or bytes, so a
    /// `&http::HeaderMap` works as it is), `body` the body's bytes. Never fails:
    ///
    /// - a JSON object is read member by member, whatever its shape: the v2 body (`type`,
    ///   `code`, `description`, `docURL`, `statusCode`, `requestId`, `resolution`,
    ///   `suggestedUserMessage`, `detail`, `retryAfter`), the OAuth body (`error`,
    ///   `error_description`) and the legacy v1 body (`error`, `message`, `code`) alike. A
    ///   member of the wrong JSON type is kept as sent in [`extra`](Self::extra) and, where
    ///   one reading is obvious, also read: `"409"` and `409.0` as the status 409, a number
    ///   as a `code`'s digits, a string `resolution` as its type. The rest of the body is read
    ///   as usual.
    /// - anything else (an HTML gateway page, an empty body, invalid JSON) keeps the status
    ///   and the raw body ([`BodyShape::Other`](super::BodyShape::Other)).
    ///
    /// A leading UTF-8 byte order mark is skipped, and of a key written twice the last value
    /// counts, as in [`from_json`](Self::from_json). The status fills
    /// [`status_code`](Self::status_code) when the body lacks `statusCode`, the
    /// `SC-Request-Id` header fills [`request_id`](Self::request_id) when it lacks
    /// `requestId`, and the `Retry-After` header (seconds or an HTTP date) gives
    /// [`retry_after`](Self::retry_after).
    ///
    /// ```
    /// use smartcar_errors::{ApiError, BodyShape};
    ///
    /// let html = b"<html><body><h1>502 Bad Gateway</h1></body></html>";
    /// let error = ApiError::from_response(502, [("sc-request-id", "b2d4")], html);
    /// assert_eq!(error.shape(), BodyShape::Other);
    /// assert_eq!(error.status_code(), Some(502));
    /// assert_eq!(error.raw_body(), Some("<html><body><h1>502 Bad Gateway</h1></body></html>"));
    /// assert_eq!(error.request_id(), Some("b2d4"));
    /// assert_eq!(error.to_string(), "HTTP 502: <html><body><h1>502 Bad Gateway</h1></body></html>");
    ///
    /// let java_sdk_fixture = br#"{"type": "PERMISSION", "code": null, "statusCode": 403,
    ///     "description": "Your application has insufficient permissions.",
    ///     "resolution": "REAUTHENTICATE"}"#;
    /// let error = ApiError::from_response(403, [("SC-Request-Id", "5dea93a1")], java_sdk_fixture);
    /// assert_eq!(error.resolution(), Some("REAUTHENTICATE"));
    /// assert_eq!(error.description(), "Your application has insufficient permissions.");
    /// ```
    pub fn from_response<K, V>(
        status: u16,
        headers: impl IntoIterator<Item = (K, V)>,
        body: &[u8],
    ) -> ApiError
    where
        K: AsRef<str>,
        V: AsRef<[u8]>,
    {
        let members = Members::read_json(strip_bom(body));
        // The header's request id is kept only for a body without its own.
        let request_id = members
            .as_ref()
            .is_none_or(|members| members.text(Known::RequestId).is_none());
        ApiError::from_members(
            members,
            body,
            Some(status),
            ErrorHeaders::read(headers, request_id),
        )
    }

    /// Reads a body's bytes with the status and headers of its response.
    pub(crate) fn read_body(status: Option<u16>, headers: ErrorHeaders<'_>, body: &[u8]) -> ApiError {
        ApiError::from_members(Members::read_json(strip_bom(body)), body, status, headers)
    }

    /// The error of `members` read from `body`, or of `body` as text when it is no JSON object.
    fn from_members(
        members: Option<Box<Members>>,
        body: &[u8],
        status: Option<u16>,
        headers: ErrorHeaders<'_>,
    ) -> ApiError {
        let raw_body = match members {
            Some(_) => None,
            None => Some(String::from_utf8_lossy(body).into_owned()),
        };
        ApiError::assemble(members, raw_body, status, headers)
    }

    /// Reads a body already parsed as JSON (an item of a batch that is no object).
    pub(crate) fn from_value(status: Option<u16>, headers: ErrorHeaders<'_>, body: Value) -> ApiError {
        let raw = match body {
            Value::Object(_) => match Members::read(body, Mode::Lenient) {
                Ok(members) => return ApiError::assemble(Some(members), None, status, headers),
                // Reading a `Value` leniently cannot fail; keep the body as text if it did.
                Err(problem) => problem.to_string(),
            },
            Value::Null => String::new(),
            Value::String(text) => text,
            other => other.to_string(),
        };
        ApiError::assemble(None, Some(raw), status, headers)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::BodyShape;

    #[test]
    fn a_header_map_is_read_as_it_is() {
        let mut headers = http::HeaderMap::new();
        headers.insert("sc-request-id", http::HeaderValue::from_static("7f3c"));
        headers.insert("retry-after", http::HeaderValue::from_static("3600"));
        let error = ApiError::from_response(429, &headers, br#"{"type": "RATE_LIMIT"}"#);
        assert_eq!(error.request_id(), Some("7f3c"));
        assert_eq!(error.retry_after(), Some(core::time::Duration::from_secs(3600)));
    }

    #[test]
    fn a_body_that_is_not_utf8_is_kept_as_text() {
        let body = b"{\"type\": \"SERVER\xff\"}";
        let error = ApiError::from_response(502, [("SC-Request-Id", "r-1")], body);
        assert_eq!(error.shape(), BodyShape::Other);
        assert_eq!(error.raw_body(), Some("{\"type\": \"SERVER\u{FFFD}\"}"));
        assert_eq!(error.request_id(), Some("r-1"));
        let strict = ApiError::from_json(body).unwrap_err();
        assert_eq!(
            strict.to_string(),
            "invalid unicode code point at line 1 column 17"
        );
    }

    #[test]
    fn the_request_id_header_stands_in_only_for_a_missing_member() {
        let headers = [("sc-request-id", " from-header ")];
        let own = ApiError::from_response(500, headers, br#"{"type": "SERVER", "requestId": "own"}"#);
        assert_eq!(own.request_id(), Some("own"));
        let no_headers: [(&str, &str); 0] = [];
        let without = ApiError::from_response(500, no_headers, br#"{"type": "SERVER", "requestId": "own"}"#);
        assert_eq!(own, without);
        let none = ApiError::from_response(500, headers, br#"{"type": "SERVER", "requestId": 7.5}"#);
        assert_eq!(none.request_id(), Some("from-header"));
        assert_eq!(none.extra()["requestId"], 7.5);
    }

    #[test]
    fn a_member_of_the_wrong_type_costs_only_itself() {
        let body = br#"{"type": "SERVER", "code": {"nested": [1]}, "description": "Down.",
            "resolution": {"type": "RETRY_LATER", "ticket": 42}, "statusCode": true}"#;
        let error = ApiError::from_response(503, [("Retry-After", "5")], body);
        assert_eq!(error.to_string(), "SERVER (503): Down.");
        assert_eq!(error.code(), None);
        assert_eq!(error.resolution(), Some("RETRY_LATER"));
        assert_eq!(error.resolution_object().unwrap()["ticket"], 42);
        let extra: Vec<(&str, String)> = (error.extra().iter())
            .map(|(key, value)| (key.as_str(), value.to_string()))
            .collect();
        assert_eq!(
            extra,
            [
                ("code", r#"{"nested":[1]}"#.to_owned()),
                ("statusCode", "true".to_owned())
            ]
        );
        assert_eq!(error.retry_after(), Some(core::time::Duration::from_secs(5)));
    }

    #[test]
    fn values_that_are_no_object_keep_their_text() {
        let read = |body: Value| ApiError::from_value(Some(500), ErrorHeaders::default(), body);
        assert_eq!(read(Value::from("Bad Gateway")).raw_body(), Some("Bad Gateway"));
        assert_eq!(read(serde_json::json!([1, "a"])).raw_body(), Some(r#"[1,"a"]"#));
        let object = read(serde_json::json!({"error": "x", "message": 5}));
        assert_eq!((object.shape(), object.error_type()), (BodyShape::V1, "x"));
        assert_eq!(object.extra()["message"], 5);
    }
}
