//! The v2 error body as it is on the wire.

use serde::{Deserialize, Serialize};

use super::{ApiError, BodyShape};

/// The body as it is on the wire.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct WireBody {
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_after: Option<u64>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub(super) struct WireResolution {
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
            retry_after: body.retry_after.map(std::time::Duration::from_secs),
            shape: BodyShape::V2,
            raw_body: None,
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
            retry_after: error.retry_after.map(|after| after.as_secs()),
        }
    }
}
