//! The answer of `POST /vehicles/{id}/batch`: one response per requested path, each a
//! success for the caller to read or an [`ApiError`].

use std::borrow::Cow;

use serde_json::{Map, Value};

use crate::ApiError;
use crate::api_error::{ErrorHeaders, lenient_status, strip_bom};

/// A batch response: `{"responses": [{"path", "code", "headers", "body"}, ...]}`.
///
/// Each item whose `code` is a 2xx status is a success: its body is left to the caller. Any
/// other item is an [`ApiError`], read from its body as
/// [`ApiError::from_response`] reads a response, with the item's `code` as HTTP status and its
/// `headers` (`Retry-After` included); the batch's `SC-Request-Id` and `Date` stand in for
/// those the item lacks.
///
/// The whole body is parsed into a `serde_json::Value`, since each success's body is handed
/// back as one ([`BatchItem::body`]); a failed item's error is read from its part of that tree.
///
/// ```
/// use smartcar_errors::BatchResponse;
///
/// // From smartcar/java-sdk, src/test/resources/BatchResponseMixed.json.
/// let body = br#"{"responses": [
///     {"headers": {"sc-unit-system": "metric"}, "path": "/odometer", "code": 200,
///      "body": {"distance": 32768}},
///     {"path": "/fuel", "code": 409, "body": {"error": "vehicle_state_error",
///      "message": "Vehicle state cannot be determined.", "code": "VS_000"}}
/// ]}"#;
/// let batch = BatchResponse::from_response(200, [("SC-Request-Id", "67127d3a")], body)?;
/// let odometer = batch.get("/odometer").and_then(|item| item.body());
/// assert_eq!(odometer.map(|body| &body["distance"]), Some(&32768.into()));
/// for (item, error) in batch.errors() {
///     assert_eq!(item.path(), "/fuel");
///     assert_eq!(error.http_status(), Some(409));
///     assert_eq!(error.request_id(), Some("67127d3a"));
///     assert_eq!(error.to_string(), "vehicle_state_error:VS_000 (409): Vehicle state cannot be determined.");
/// }
/// # Ok::<(), smartcar_errors::ApiError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct BatchResponse {
    items: Vec<BatchItem>,
    request_id: Option<String>,
}

/// One response of a batch: its path, status and headers, and its body or its error.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchItem {
    path: String,
    status: Option<u16>,
    headers: Map<String, Value>,
    outcome: Result<Value, ApiError>,
}

impl BatchResponse {
    /// Reads the response to a batch request. `Err` when the batch itself failed: a status
    /// that is not 2xx (its error), or a body that is no JSON object with a `responses` array
    /// (read as an error body, so that a gateway's page shows as one). A leading UTF-8 byte
    /// order mark is skipped; an item that is no object, or lacks a 2xx `code`, is an error.
    pub fn from_response<K, V>(
        status: u16,
        headers: impl IntoIterator<Item = (K, V)>,
        body: &[u8],
    ) -> Result<BatchResponse, ApiError>
    where
        K: AsRef<str>,
        V: AsRef<[u8]>,
    {
        let headers = ErrorHeaders::read(headers, true);
        let not_a_batch = || ApiError::read_body(Some(status), headers.clone(), body);
        if !is_success(status) {
            return Err(not_a_batch());
        }
        let Ok(Value::Object(mut object)) = serde_json::from_slice(strip_bom(body)) else {
            return Err(not_a_batch());
        };
        let Some(Value::Array(responses)) = object.remove("responses") else {
            return Err(not_a_batch());
        };
        drop(object);
        Ok(BatchResponse {
            items: responses
                .into_iter()
                .map(|item| BatchItem::read(item, &headers))
                .collect(),
            request_id: headers.request_id.map(Cow::into_owned),
        })
    }

    /// Reads the response to a batch request of the `http` crate (1.x), as
    /// [`from_response`](Self::from_response) does. Needs the feature `http`.
    #[cfg(feature = "http")]
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> Result<BatchResponse, ApiError> {
        BatchResponse::from_response(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }

    /// The items, in the order of the response.
    pub fn items(&self) -> &[BatchItem] {
        &self.items
    }

    /// The items, owned.
    pub fn into_items(self) -> Vec<BatchItem> {
        self.items
    }

    /// The first item for `path`, as the response writes it (`/odometer`).
    pub fn get(&self, path: &str) -> Option<&BatchItem> {
        self.items.iter().find(|item| item.path == path)
    }

    /// Every item that failed, with its error.
    pub fn errors(&self) -> impl Iterator<Item = (&BatchItem, &ApiError)> {
        self.items.iter().filter_map(|item| Some((item, item.error()?)))
    }

    /// The `SC-Request-Id` header of the batch response.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }
}

impl BatchItem {
    /// Reads one item of `responses`; `batch` holds the headers of the batch response.
    fn read(item: Value, batch: &ErrorHeaders) -> BatchItem {
        let Value::Object(mut item) = item else {
            return BatchItem {
                path: String::new(),
                status: None,
                headers: Map::new(),
                outcome: Err(ApiError::from_value(
                    None,
                    ErrorHeaders::default().within(batch),
                    item,
                )),
            };
        };
        let path = match item.remove("path") {
            Some(Value::String(path)) => path,
            _ => String::new(),
        };
        let status = item.remove("code").and_then(lenient_status);
        let headers = match item.remove("headers") {
            Some(Value::Object(headers)) => headers,
            _ => Map::new(),
        };
        let body = item.remove("body").unwrap_or(Value::Null);
        let outcome = match status {
            Some(status) if is_success(status) => Ok(body),
            _ => {
                let headers = item_headers(&headers).within(batch);
                Err(ApiError::from_value(status, headers, body))
            }
        };
        BatchItem {
            path,
            status,
            headers,
            outcome,
        }
    }

    /// The `path` of the item (`/odometer`); empty when it has none.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The item's `code`: its HTTP status (`"409"` and `409.0` read as 409).
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The item's `headers` as sent (values may be strings or numbers).
    pub fn headers(&self) -> &Map<String, Value> {
        &self.headers
    }

    /// The body of a success.
    pub fn body(&self) -> Option<&Value> {
        self.outcome.as_ref().ok()
    }

    /// The error of a failed item.
    pub fn error(&self) -> Option<&ApiError> {
        self.outcome.as_ref().err()
    }

    /// The body of a success, or the error.
    pub fn into_result(self) -> Result<Value, ApiError> {
        self.outcome
    }
}

/// Whether `status` is a success (2xx).
fn is_success(status: u16) -> bool {
    (200..300).contains(&status)
}

/// The headers of an item, whose values are JSON strings or numbers.
fn item_headers(headers: &Map<String, Value>) -> ErrorHeaders<'_> {
    let mut read = ErrorHeaders::default();
    for (name, value) in headers {
        match value {
            Value::String(text) => read.add(name, text),
            Value::Number(number) => read.add_copy(name, &number.to_string()),
            _ => {}
        }
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_HEADERS: [(&str, &str); 0] = [];

    #[test]
    fn a_failed_batch_is_its_error() {
        // From smartcar/node-sdk, test/unit/lib/vehicle.js, test 'batch - error'.
        let body = br#"{"error": "monkeys_on_mars", "message": "yes, really"}"#;
        let error = BatchResponse::from_response(500, [("sc-request-id", "requestId")], body).unwrap_err();
        assert_eq!(error.error_type(), "monkeys_on_mars");
        assert_eq!(error.to_string(), "monkeys_on_mars (500): yes, really");
        let not_a_batch = BatchResponse::from_response(200, NO_HEADERS, br#"{"success": true}"#).unwrap_err();
        assert_eq!(not_a_batch.http_status(), Some(200));
        assert_eq!(not_a_batch.extra()["success"], true);
    }

    #[test]
    fn odd_items_are_errors_and_nothing_panics() {
        let body = br#"{"responses": [7, {"code": "204", "path": "/lock"}, {"path": 5, "code": 200.5},
            {"code": 503, "headers": {"Retry-After": 30, "date": "Wed, 21 Oct 2026 07:28:00 GMT"},
             "body": "Service Unavailable"}]}"#;
        let batch =
            BatchResponse::from_response(200, [("Date", "Wed, 21 Oct 2026 07:00:00 GMT")], body).unwrap();
        let items = batch.items();
        assert_eq!(items[0].error().unwrap().raw_body(), Some("7"));
        assert_eq!(
            (items[1].status(), items[1].body()),
            (Some(204), Some(&Value::Null))
        );
        assert_eq!((items[2].path(), items[2].status()), ("", None));
        assert_eq!(items[2].error().unwrap().to_string(), "HTTP: empty body");
        let unavailable = items[3].error().unwrap();
        assert_eq!(
            unavailable.retry_after(),
            Some(core::time::Duration::from_secs(30))
        );
        assert_eq!(unavailable.to_string(), "HTTP 503: Service Unavailable");
        assert!(unavailable.is_retryable());
        assert_eq!(batch.errors().count(), 3);
    }
}
