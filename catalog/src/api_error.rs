//! A Smartcar API error response body.

use core::fmt;

use serde::{Deserialize, Serialize};

use crate::{ApiErrorCode, ErrorType, Resolution};

/// An error response body of the Smartcar API (v2 shape).
///
/// Every field is kept as sent, so types, codes and resolutions the docs do not list yet
/// parse too; [`known`](ApiError::known) says whether the docs describe this one. Unknown
/// fields are ignored.
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
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(from = "WireBody", into = "WireBody")]
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
}

/// The body as it is on the wire.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
struct WireBody {
    #[serde(rename = "type")]
    error_type: String,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(rename = "docURL", default, skip_serializing_if = "Option::is_none")]
    doc_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_code: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    request_id: Option<String>,
    #[serde(default)]
    resolution: Option<WireResolution>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suggested_user_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    detail: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
struct WireResolution {
    #[serde(rename = "type", default)]
    kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    url: Option<String>,
}

impl From<WireBody> for ApiError {
    fn from(body: WireBody) -> Self {
        let resolution = body.resolution.unwrap_or_default();
        ApiError {
            error_type: body.error_type,
            code: body.code,
            description: body.description.unwrap_or_default(),
            doc_url: body.doc_url,
            status_code: body.status_code,
            request_id: body.request_id,
            resolution: resolution.kind,
            resolution_url: resolution.url,
            suggested_user_message: body.suggested_user_message,
            detail: body.detail,
        }
    }
}

impl From<ApiError> for WireBody {
    fn from(error: ApiError) -> Self {
        WireBody {
            error_type: error.error_type,
            code: error.code,
            description: Some(error.description),
            doc_url: error.doc_url,
            status_code: error.status_code,
            request_id: error.request_id,
            resolution: Some(WireResolution {
                kind: error.resolution,
                url: error.resolution_url,
            }),
            suggested_user_message: error.suggested_user_message,
            detail: error.detail,
        }
    }
}

impl ApiError {
    /// Parses a JSON error body.
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

    /// The `type` as sent (`SERVER`).
    pub fn error_type(&self) -> &str {
        &self.error_type
    }

    /// The `code` as sent; `None` when it is null or absent.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The `description` as sent (empty when absent).
    pub fn description(&self) -> &str {
        &self.description
    }

    /// The `docURL` as sent.
    pub fn doc_url(&self) -> Option<&str> {
        self.doc_url.as_deref()
    }

    /// The `statusCode` as sent.
    pub fn status_code(&self) -> Option<u16> {
        self.status_code
    }

    /// The `requestId`, for Smartcar support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The `resolution.type` as sent.
    pub fn resolution(&self) -> Option<&str> {
        self.resolution.as_deref()
    }

    /// The `resolution.url` as sent.
    pub fn resolution_url(&self) -> Option<&str> {
        self.resolution_url.as_deref()
    }

    /// The `suggestedUserMessage` as sent.
    pub fn suggested_user_message(&self) -> Option<&str> {
        self.suggested_user_message.as_deref()
    }

    /// The `detail` as sent (for example the capacities of `SERVER:MULTIPLE_RECORDS_FOUND`).
    pub fn detail(&self) -> Option<&serde_json::Value> {
        self.detail.as_ref()
    }
}

/// `TYPE:CODE (status): description`, leaving out what the body lacks.
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
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
