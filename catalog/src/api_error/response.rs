//! Reading any error response: the v2 body, the OAuth and v1 bodies, or a body that is no
//! Smartcar error at all, with the headers that complete them.

use core::time::Duration;

use serde_json::{Map, Value};

use super::{ApiError, BodyShape};

/// Characters of a non-error body shown by `Display`.
const EXCERPT_CHARS: usize = 120;

impl ApiError {
    /// Reads an error response as the official SDKs read it: `status` is the HTTP status,
    /// `headers` the response headers (any case), `body` the body's bytes. Never fails:
    ///
    /// - a v2 body (`{"type", "code", ...}`) is read field by field;
    /// - an OAuth body (`{"error", "error_description"}`) and a legacy v1 body
    ///   (`{"error", "message", "code"}`) become `type` = `error`, `description` =
    ///   `error_description` or `message`;
    /// - anything else (an HTML gateway page, an empty body) keeps the status and the raw body
    ///   ([`BodyShape::Other`]).
    ///
    /// The status fills `statusCode` when the body lacks it, the `SC-Request-Id` header fills
    /// `requestId`, and the `retry-after` header (seconds) gives [`retry_after`](Self::retry_after).
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
    /// assert!(error.is_retryable());
    /// ```
    pub fn from_response<K, V>(
        status: u16,
        headers: impl IntoIterator<Item = (K, V)>,
        body: &[u8],
    ) -> ApiError
    where
        K: AsRef<str>,
        V: AsRef<str>,
    {
        let mut request_id = None;
        let mut retry_after = None;
        for (name, value) in headers {
            let (name, value) = (name.as_ref(), value.as_ref().trim());
            if name.eq_ignore_ascii_case("sc-request-id") && request_id.is_none() {
                request_id = Some(value.to_owned());
            } else if name.eq_ignore_ascii_case("retry-after") && retry_after.is_none() {
                retry_after = value.parse().ok().map(Duration::from_secs);
            }
        }
        let mut error = match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(object)) => from_object(object, body),
            _ => other(body),
        };
        error.status_code = error.status_code.or(Some(status));
        error.request_id = error.request_id.or(request_id);
        error.retry_after = retry_after.or(error.retry_after);
        error
    }
}

/// An error from a JSON object, by the keys it has.
fn from_object(object: Map<String, Value>, body: &[u8]) -> ApiError {
    let text = |key: &str| object.get(key).and_then(Value::as_str).map(str::to_owned);
    if object.get("type").is_some_and(Value::is_string) {
        // Fields of the wrong JSON type make the body unreadable as v2: keep it raw.
        return serde_json::from_value(Value::Object(object.clone())).unwrap_or_else(|_| other(body));
    }
    let Some(error) = text("error") else {
        return other(body);
    };
    let (shape, description) = match text("error_description") {
        Some(description) => (BodyShape::OAuth, Some(description)),
        None => (BodyShape::V1, text("message")),
    };
    ApiError {
        error_type: error,
        code: text("code"),
        description: description.unwrap_or_default(),
        doc_url: None,
        status_code: None,
        request_id: text("requestId").or_else(|| text("request_id")),
        resolution: None,
        resolution_url: None,
        suggested_user_message: None,
        detail: None,
        retry_after: None,
        shape,
        raw_body: None,
    }
}

/// An error for a body that is no Smartcar error.
fn other(body: &[u8]) -> ApiError {
    ApiError {
        error_type: String::new(),
        code: None,
        description: String::new(),
        doc_url: None,
        status_code: None,
        request_id: None,
        resolution: None,
        resolution_url: None,
        suggested_user_message: None,
        detail: None,
        retry_after: None,
        shape: BodyShape::Other,
        raw_body: Some(String::from_utf8_lossy(body).into_owned()),
    }
}

/// The start of `body` on one line: white space folded, at most [`EXCERPT_CHARS`] characters.
pub(super) fn excerpt(body: &str) -> String {
    let folded = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match folded.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &folded[..cut]),
        None => folded,
    }
}
