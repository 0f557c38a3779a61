//! A Smartcar API error: the body of an error response, and what the response said around it.

mod display;
mod headers;
mod http_date;
#[cfg(feature = "http")]
mod http_response;
mod members;
mod read;
mod response;
mod serde_impls;
mod texts;

use core::time::Duration;
use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::{ApiErrorCode, ErrorType, Resolution, user_message};

pub(crate) use headers::ErrorHeaders;
use members::{Known, Members, ResolutionMember};
pub(crate) use read::lenient_status;

/// An error response of the Smartcar API.
///
/// Read it with [`from_response`](ApiError::from_response) (any response: the v2 body, the
/// OAuth and v1 bodies, or something that is not JSON at all) or, to validate a v2 body, with
/// serde or [`from_json`](ApiError::from_json). Every member is kept as sent, so types, codes
/// and resolutions the docs do not list yet are read too; [`known`](ApiError::known) says
/// whether the docs describe this one. Members this crate does not read are in
/// [`extra`](ApiError::extra).
///
/// ```
/// use smartcar_errors::{ApiError, ApiErrorCode};
///
/// let body = r#"{"type": "SERVER", "code": "INTERNAL", "statusCode": 500,
///     "description": "An internal Smartcar error has occurred.",
///     "resolution": {"type": "RETRY_LATER"}, "requestId": "5dea93a1"}"#;
/// let error: ApiError = serde_json::from_str(body)?;
/// assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
/// assert_eq!(error.to_string(), "SERVER:INTERNAL (500): An internal Smartcar error has occurred.");
/// assert!(error.is_retryable());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    /// Boxed, so that a `Result<T, ApiError>` stays small.
    members: Box<Members>,
    http_status: Option<u16>,
    /// `SC-Request-Id`, kept only when the body has no `requestId`.
    header_request_id: Option<String>,
    header_retry_after: Option<Duration>,
    raw_body: Option<String>,
    /// Looked up once, while the strings are at hand: applications ask for it again and
    /// again (`is_retryable`, `info`, matching), and a lookup costs more than a `match`.
    known: Option<ApiErrorCode>,
}

/// The kind of body an [`ApiError`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyShape {
    /// The v2 error body: a `type`, and `code`, `description`, `docURL`, `resolution`, ...
    V2,
    /// The OAuth token endpoint's `{"error", "error_description"}`.
    OAuth,
    /// The legacy v1 `{"error", "message", "code"}`: an `error` without `error_description`.
    V1,
    /// Not an error body Smartcar documents: no JSON object ([`ApiError::raw_body`] holds the
    /// body), or an object with neither `type` nor `error` (its members are read all the same).
    Other,
}

/// The byte order mark some servers write before a UTF-8 body.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// `body` without a leading byte order mark.
pub(crate) fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(BOM).unwrap_or(body)
}

impl ApiError {
    /// The keys of the body members that accessors read, whatever the body's shape: `type`,
    /// `error`, `code`, `description`, `error_description`, `message`, `docURL`,
    /// `statusCode`, `requestId`, `resolution`, `suggestedUserMessage`, `detail` and
    /// `retryAfter`. Any other member of a JSON body is in [`extra`](Self::extra), as sent.
    pub const MEMBERS: [&'static str; Known::ALL.len()] = {
        let mut keys = [""; Known::ALL.len()];
        let mut i = 0;
        while i < keys.len() {
            keys[i] = Known::ALL[i].key();
            i += 1;
        }
        keys
    };

    /// Validates and parses a v2 JSON error body, the same as serde's `Deserialize`: the body
    /// must be a JSON object with a string `type`, and each member this crate reads must have
    /// its documented JSON type or be null (`statusCode` an integer from 0 to 65535,
    /// `retryAfter` a non-negative integer, `resolution` an object whose `type` and `url` are
    /// strings, `detail` anything, the others strings). Other members are kept in
    /// [`extra`](Self::extra). A leading UTF-8 byte order mark is skipped, and of a key written
    /// twice the last value counts, as in [`from_response`](Self::from_response), which reads
    /// the same body to the same error.
    ///
    /// ```
    /// use smartcar_errors::ApiError;
    ///
    /// let error = ApiError::from_json(br#"{"type": "SERVER", "code": "INTERNAL"}"#)?;
    /// assert_eq!(error.to_string(), "SERVER:INTERNAL");
    /// let wrong = ApiError::from_json(br#"{"type": "SERVER", "statusCode": "500"}"#).unwrap_err();
    /// assert!(wrong.to_string().starts_with(r#"invalid type: string "500""#));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_json(body: &[u8]) -> Result<ApiError, serde_json::Error> {
        let body = strip_bom(body);
        // UTF-8 checked in one pass, so that the parser need not check each string; a body
        // that is not UTF-8 gets the parser's own error, with its position.
        match core::str::from_utf8(body) {
            Ok(text) => serde_json::from_str(text),
            Err(_) => serde_json::from_slice(body),
        }
    }

    /// An error of a body's `members` (none: the body is no JSON object, kept as `raw_body`)
    /// and what the response adds.
    fn assemble(
        members: Option<Box<Members>>,
        raw_body: Option<String>,
        status: Option<u16>,
        headers: ErrorHeaders<'_>,
    ) -> ApiError {
        let members = members.unwrap_or_default();
        let header_retry_after = headers.retry_after();
        let header_request_id = match members.text(Known::RequestId) {
            Some(_) => None,
            None => headers.request_id.map(Cow::into_owned),
        };
        let mut error = ApiError {
            members,
            http_status: status,
            header_request_id,
            header_retry_after,
            raw_body,
            known: None,
        };
        error.known = ApiErrorCode::from_parts(error.error_type(), error.code());
        error
    }

    /// The documented code this error is, if the docs describe it.
    pub fn known(&self) -> Option<ApiErrorCode> {
        self.known
    }

    /// The error type, if the docs describe it.
    pub fn known_type(&self) -> Option<ErrorType> {
        self.error_type().parse().ok()
    }

    /// The resolution type, if the docs describe it.
    pub fn known_resolution(&self) -> Option<Resolution> {
        self.resolution()?.parse().ok()
    }

    /// Whether retrying later may succeed. The first rule that applies decides:
    ///
    /// 1. the body has a `resolution.type` (a string): retryable if it is `RETRY_LATER`;
    /// 2. the docs describe the code ([`known`](Self::known)): retryable if their resolution
    ///    is `RETRY_LATER`;
    /// 3. otherwise, by HTTP semantics on [`status_code`](Self::status_code): retryable if it
    ///    is 429 or 503, or another 5xx with a [`retry_after`](Self::retry_after).
    ///
    /// ```
    /// use smartcar_errors::ApiError;
    ///
    /// let no_headers: [(&str, &str); 0] = [];
    /// let unlisted = br#"{"type": "NEW_LIMIT", "description": "Slow down."}"#;
    /// assert!(ApiError::from_response(429, no_headers, unlisted).is_retryable());
    /// assert!(!ApiError::from_response(502, no_headers, b"Bad Gateway").is_retryable());
    /// assert!(ApiError::from_response(502, [("Retry-After", "5")], b"Bad Gateway").is_retryable());
    /// ```
    pub fn is_retryable(&self) -> bool {
        if let Some(sent) = self.resolution() {
            return sent == crate::info::RETRY_LATER;
        }
        if let Some(code) = self.known() {
            return code.info().is_retryable();
        }
        match self.status_code() {
            Some(429 | 503) => true,
            Some(500..=599) => self.retry_after().is_some(),
            _ => false,
        }
    }

    /// How long to wait before retrying: the `Retry-After` header, or else the body's
    /// `retryAfter` (seconds). The header holds seconds or an HTTP date; a date counts from
    /// the response's `Date` header when it has a valid one, else from the moment the
    /// response was read, and a date already past is no wait (zero).
    pub fn retry_after(&self) -> Option<Duration> {
        self.header_retry_after
            .or_else(|| self.members.retry_after.map(Duration::from_secs))
    }

    /// The message to show the user, with the docs' `<app name>` placeholder filled in: the
    /// body's `suggestedUserMessage`, or else the one documented for its code.
    ///
    /// ```
    /// # use smartcar_errors::ApiError;
    /// let error = ApiError::from_json(br#"{"type": "SERVER", "code": "INTERNAL"}"#).unwrap();
    /// assert_eq!(
    ///     error.suggested_user_message_for("Acme Fleet").as_deref(),
    ///     Some("Your car is temporarily unable to connect to Acme Fleet. Please be patient while we’re working to resolve this issue.")
    /// );
    /// ```
    pub fn suggested_user_message_for(&self, app_name: &str) -> Option<String> {
        let message = match self.suggested_user_message() {
            Some(message) => message,
            None => self.known()?.info().suggested_user_message?,
        };
        Some(user_message::fill(message, app_name))
    }

    /// The `error` of OAuth and v1 bodies, else the `type` (`SERVER`); empty when the body
    /// has neither. When a body has both, `error` counts, as in the official SDKs, and `type`
    /// is in [`extra`](Self::extra).
    pub fn error_type(&self) -> &str {
        let text = |known| self.members.text(known);
        text(Known::Error).or(text(Known::Type)).unwrap_or_default()
    }

    /// The `code` as sent; `None` when it is null or absent.
    pub fn code(&self) -> Option<&str> {
        self.members.text(Known::Code)
    }

    /// The `description`, else the `error_description` (OAuth), else the `message` (v1);
    /// empty when the body has none. Those not shown are in [`extra`](Self::extra).
    pub fn description(&self) -> &str {
        let text = |known| self.members.text(known);
        (text(Known::Description))
            .or(text(Known::ErrorDescription))
            .or(text(Known::Message))
            .unwrap_or_default()
    }

    /// The `docURL` as sent.
    pub fn doc_url(&self) -> Option<&str> {
        self.members.text(Known::DocUrl)
    }

    /// The body's `statusCode`, or else the response's HTTP status. Smartcar sends the same
    /// in both; [`http_status`](Self::http_status) is the response's alone.
    pub fn status_code(&self) -> Option<u16> {
        self.members.status_code.or(self.http_status)
    }

    /// The HTTP status of the response (of the batch item, for one read from a batch);
    /// `None` for an error read from a body alone.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// The body's `requestId`, or else the `SC-Request-Id` header: quote it to Smartcar
    /// support.
    pub fn request_id(&self) -> Option<&str> {
        (self.members.text(Known::RequestId)).or(self.header_request_id.as_deref())
    }

    /// The `resolution.type` as sent (a `resolution` sent as a string is its type).
    pub fn resolution(&self) -> Option<&str> {
        self.members.resolution_text(ResolutionMember::Type)
    }

    /// The `resolution.url` as sent (where to send the user, for some errors).
    pub fn resolution_url(&self) -> Option<&str> {
        self.members.resolution_text(ResolutionMember::Url)
    }

    /// The whole `resolution` object as sent, members this crate does not read included; a
    /// `resolution` sent as a string reads as `{"type": string}`.
    ///
    /// ```
    /// use smartcar_errors::ApiError;
    ///
    /// let body = br#"{"type": "X", "resolution": {"type": "CONTACT_SUPPORT", "ticket": 42}}"#;
    /// let error = ApiError::from_json(body)?;
    /// assert_eq!(error.resolution_object().unwrap()["ticket"], 42);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn resolution_object(&self) -> Option<&Map<String, Value>> {
        self.members.resolution_object()
    }

    /// The `suggestedUserMessage` as sent, placeholder and all.
    pub fn suggested_user_message(&self) -> Option<&str> {
        self.members.text(Known::SuggestedUserMessage)
    }

    /// The `detail` as sent (for example the capacities of `SERVER:MULTIPLE_RECORDS_FOUND`).
    pub fn detail(&self) -> Option<&Value> {
        self.members.detail.as_ref()
    }

    /// The members of the body that no other accessor returns as sent: those this crate
    /// does not read, those of another JSON type than documented (`"statusCode": "409"`, also
    /// when its accessor returns it coerced, here 409), and those another member takes
    /// precedence over (`type` beside `error`, `message` beside `description`).
    ///
    /// ```
    /// use smartcar_errors::ApiError;
    ///
    /// let body = br#"{"type": "SERVER", "statusCode": "503", "vehicleId": "v-1"}"#;
    /// let error = ApiError::from_response(503, [("SC-Request-Id", "r-1")], body);
    /// assert_eq!(error.status_code(), Some(503));
    /// assert_eq!(error.extra()["statusCode"], "503");
    /// assert_eq!(error.extra()["vehicleId"], "v-1");
    /// ```
    pub fn extra(&self) -> &Map<String, Value> {
        &self.members.extra
    }

    /// The kind of body this error was read from.
    pub fn shape(&self) -> BodyShape {
        self.members.shape
    }

    /// The body as received (lossily decoded) when it was no JSON object: an HTML page from
    /// a gateway, an empty body, an array.
    pub fn raw_body(&self) -> Option<&str> {
        self.raw_body.as_deref()
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detail_numbers_are_read_exactly_and_survive_a_round_trip() {
        // serde_json's default float parser is off by one ulp here.
        let body = br#"{"type": "SERVER", "detail": [7.115840821962492e-306, 83.9]}"#;
        let error = ApiError::from_json(body).unwrap();
        let detail = error.detail().and_then(|d| d[0].as_f64());
        assert_eq!(detail, Some("7.115840821962492e-306".parse::<f64>().unwrap()));
        let again = ApiError::from_json(&serde_json::to_vec(&error).unwrap()).unwrap();
        assert_eq!(again, error);
    }

    #[test]
    fn a_byte_order_mark_is_skipped() {
        let body = b"\xEF\xBB\xBF{\"type\": \"SERVER\"}";
        assert_eq!(ApiError::from_json(body).unwrap().error_type(), "SERVER");
    }
}
