//! A Smartcar API error: the body of an error response, and what the response said around it.

mod response;
mod wire;

use core::fmt;
use core::time::Duration;

use serde::{Deserialize, Serialize};

use crate::{ApiErrorCode, ErrorType, Resolution, user_message};

/// An error response of the Smartcar API.
///
/// Read it with [`from_response`](ApiError::from_response) (any response: the v2 body, the
/// OAuth and v1 bodies, or something that is not JSON at all) or, for a v2 body alone, with
/// serde or [`from_json`](ApiError::from_json). Every field is kept as sent, so types, codes
/// and resolutions the docs do not list yet are read too; [`known`](ApiError::known) says
/// whether the docs describe this one. Unknown fields are ignored.
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
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(from = "wire::WireBody", into = "wire::WireBody")]
pub struct ApiError {
    error_type: String,
    code: Option<String>,
    description: String,
    doc_url: Option<String>,
    status_code: Option<u16>,
    request_id: Option<String>,
    resolution: Option<String>,
    resolution_url: Option<String>,
    suggested_user_message: Option<String>,
    detail: Option<serde_json::Value>,
    retry_after: Option<Duration>,
    shape: BodyShape,
    raw_body: Option<String>,
}

/// The kind of body an [`ApiError`] was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum BodyShape {
    /// The v2 error body: `type`, `code`, `description`, `docURL`, `resolution`, ...
    V2,
    /// The OAuth token endpoint's `{"error", "error_description"}`.
    OAuth,
    /// The legacy v1 `{"error", "message", "code"}`.
    V1,
    /// Not an error body Smartcar documents (an HTML page from a gateway, say): the type is
    /// empty and [`ApiError::raw_body`] holds the body.
    Other,
}

impl ApiError {
    /// Parses a v2 JSON error body.
    pub fn from_json(body: &[u8]) -> Result<ApiError, serde_json::Error> {
        serde_json::from_slice(body)
    }

    /// The documented code this error is, if the docs describe it.
    pub fn known(&self) -> Option<ApiErrorCode> {
        ApiErrorCode::from_parts(&self.error_type, self.code.as_deref())
    }

    /// The error type, if the docs describe it.
    pub fn known_type(&self) -> Option<ErrorType> {
        self.error_type.parse().ok()
    }

    /// The resolution type, if the docs describe it.
    pub fn known_resolution(&self) -> Option<Resolution> {
        self.resolution.as_deref()?.parse().ok()
    }

    /// Whether retrying later may succeed: the resolution is `RETRY_LATER` (as sent or, when
    /// the body has none, as documented for its code); for a body that is no Smartcar error,
    /// whether the status is 429, 502, 503 or 504.
    pub fn is_retryable(&self) -> bool {
        let resolution = self
            .resolution
            .as_deref()
            .or_else(|| Some(self.known()?.resolution()?.as_str()));
        match (resolution, self.shape) {
            (Some(resolution), _) => resolution == "RETRY_LATER",
            (None, BodyShape::Other) => matches!(self.status_code, Some(429 | 502 | 503 | 504)),
            (None, _) => false,
        }
    }

    /// How long to wait before retrying, from the `retry-after` header (seconds) or the
    /// body's `retryAfter`.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
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
        let message = match &self.suggested_user_message {
            Some(message) => message.as_str(),
            None => self.known()?.info().suggested_user_message?,
        };
        Some(user_message::fill(message, app_name))
    }

    /// The `type` as sent (`SERVER`); the `error` of OAuth and v1 bodies; empty for a body
    /// that is no Smartcar error ([`BodyShape::Other`]).
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The `code` as sent; `None` when it is null or absent.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The `description` as sent (`error_description` or `message` for OAuth and v1 bodies);
    /// empty when absent.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The `docURL` as sent.
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// The `statusCode` as sent, or else the response's HTTP status.
    pub fn status_code(&self) -> Option<u16> {
        self.status_code
    }

    /// The `requestId`, or else the `SC-Request-Id` header: quote it to Smartcar support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The `resolution.type` as sent.
    pub fn resolution(&self) -> Option<&str> {
        self.resolution.as_deref()
    }

    /// The `resolution.url` as sent (where to send the user, for some errors).
    pub fn resolution_url(&self) -> Option<&str> {
        self.resolution_url.as_deref()
    }

    /// The `suggestedUserMessage` as sent, placeholder and all.
    pub fn suggested_user_message(&self) -> Option<&str> {
        self.suggested_user_message.as_deref()
    }

    /// The `detail` as sent (for example the capacities of `SERVER:MULTIPLE_RECORDS_FOUND`).
    pub fn detail(&self) -> Option<&serde_json::Value> {
        self.detail.as_ref()
    }

    /// The kind of body this error was read from.
    pub fn shape(&self) -> BodyShape {
        self.shape
    }

    /// The body as received (lossily decoded), kept when it was no error body Smartcar
    /// documents.
    pub fn raw_body(&self) -> Option<&str> {
        self.raw_body.as_deref()
    }
}

/// `TYPE:CODE (status): description`, leaving out what the error lacks; for a body that is no
/// Smartcar error, `HTTP status: ` and the start of the body.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.shape == BodyShape::Other {
            write!(f, "HTTP {}", self.status_code.unwrap_or_default())?;
            let excerpt = response::excerpt(self.raw_body.as_deref().unwrap_or_default());
            return if excerpt.is_empty() {
                f.write_str(": empty body")
            } else {
                write!(f, ": {excerpt}")
            };
        }
        f.write_str(&self.error_type)?;
        if let Some(code) = &self.code {
            write!(f, ":{code}")?;
        }
        if let Some(status) = self.status_code {
            write!(f, " ({status})")?;
        }
        if !self.description.is_empty() {
            write!(f, ": {}", self.description)?;
        }
        Ok(())
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
}
