//! Batch responses: what [`BatchResponse::from_response`] must satisfy, and a grammar of
//! batch bodies whose items mix successes, error bodies and odd values.

use bolero::generator::*;
use smartcar_errors::BatchResponse;

use crate::api_body::{Body, Json, Value, check_display};
use crate::text::{Name, Text};

/// The batch's own request id, which stands in for an item's.
const BATCH_REQUEST_ID: &str = "fuzz-batch";

/// Reads `bytes` as the body of a successful batch response. A body that is no batch is an
/// error with the batch's status; a batch has one item per response, each a success (2xx
/// status, a body) or an error with the item's status, a request id and a safe `Display`.
pub fn check_batch_response(bytes: &[u8]) -> Option<BatchResponse> {
    let batch = match BatchResponse::from_response(200, [("SC-Request-Id", BATCH_REQUEST_ID)], bytes) {
        Ok(batch) => batch,
        Err(error) => {
            assert_eq!(error.http_status(), Some(200));
            check_display(&error);
            return None;
        }
    };
    let json = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let responses = match serde_json::from_slice::<serde_json::Value>(json) {
        Ok(serde_json::Value::Object(mut object)) => object.remove("responses"),
        other => panic!("a batch read from {other:?}"),
    };
    let responses = responses
        .as_ref()
        .and_then(serde_json::Value::as_array)
        .map_or(0, Vec::len);
    assert_eq!(batch.items().len(), responses);
    for item in batch.items() {
        match (item.status(), item.error()) {
            (Some(200..=299), None) => assert!(item.body().is_some()),
            (status, Some(error)) => {
                assert!(!matches!(status, Some(200..=299)), "{item:?}");
                assert_eq!(error.http_status(), status);
                assert!(error.request_id().is_some(), "{error:?} has no request id");
                check_display(error);
            }
            _ => panic!("{item:?} is neither a success nor an error"),
        }
    }
    let failed = batch.items().iter().filter(|item| item.error().is_some()).count();
    assert_eq!(batch.errors().count(), failed);
    assert_eq!(batch.request_id(), Some(BATCH_REQUEST_ID));
    Some(batch)
}

/// A batch body: `{"responses": [...]}`.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub struct Batch {
    /// The items.
    #[generator(Vec::produce().with().len(0usize..5))]
    pub items: Vec<Item>,
}

/// One item of `responses`.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum Item {
    /// An object with the members of an item: `path`, `code`, `headers` and `body`, each
    /// written when present.
    Object {
        /// `path`
        path: Option<Text>,
        /// `code`: a status as the docs write it, or any value.
        code: Option<Value>,
        /// `headers`: names (one of [`HEADERS`], or any text) and values.
        #[generator(Vec::produce().with().len(0usize..4))]
        headers: Vec<(Name, Value)>,
        /// `body`
        body: Option<ItemBody>,
    },
    /// Anything else.
    Other(Json),
}

/// The headers whose values a batch item's error reads.
pub const HEADERS: &[&str] = &["Retry-After", "sc-request-id", "Date"];

/// The body of an item.
#[derive(Debug, Clone, PartialEq, TypeGenerator)]
pub enum ItemBody {
    /// An error body.
    Error(Body),
    /// Any value.
    Any(Json),
}

impl Batch {
    /// The batch as JSON text.
    pub fn to_json(&self) -> String {
        let items: Vec<String> = self.items.iter().map(Item::json).collect();
        format!("{{\"responses\": [{}]}}", items.join(", "))
    }

    /// Checks the batch as [`check_batch_response`] does; a body the grammar writes is always
    /// a batch, unless one of its numbers is out of range.
    pub fn check(&self) {
        let json = self.to_json();
        let read = check_batch_response(json.as_bytes());
        if serde_json::from_str::<serde_json::Value>(&json).is_ok() {
            let batch = read.unwrap_or_else(|| panic!("{json} is a batch"));
            assert_eq!(batch.items().len(), self.items.len());
        }
    }
}

impl Item {
    fn json(&self) -> String {
        let (path, code, headers, body) = match self {
            Item::Other(value) => return value.json(),
            Item::Object {
                path,
                code,
                headers,
                body,
            } => (path, code, headers, body),
        };
        let mut members = Vec::new();
        if let Some(path) = path {
            members.push(format!("\"path\": {}", path.json_string()));
        }
        if let Some(code) = code {
            members.push(format!("\"code\": {}", code.json()));
        }
        let headers: Vec<String> = (headers.iter())
            .map(|(name, value)| {
                format!(
                    "{}: {}",
                    serde_json::Value::from(name.written(HEADERS)),
                    value.json()
                )
            })
            .collect();
        members.push(format!("\"headers\": {{{}}}", headers.join(", ")));
        match body {
            Some(ItemBody::Error(body)) => members.push(format!("\"body\": {}", body.to_json())),
            Some(ItemBody::Any(value)) => members.push(format!("\"body\": {}", value.json())),
            None => {}
        }
        format!("{{{}}}", members.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api_body::Leaf;

    #[test]
    fn batches_are_json_with_their_items() {
        let batch = Batch {
            items: vec![
                Item::Object {
                    path: Some(Text::literal("/odometer")),
                    code: Some(Value::Status(429, 1)),
                    headers: vec![
                        (Name::Known(0), Value::Status(300, 0)),
                        (Name::Known(1), Value::Text(Text::literal("x"))),
                    ],
                    body: Some(ItemBody::Any(Json::Leaf(Leaf::Null))),
                },
                Item::Other(Json::Leaf(Leaf::Bool(true))),
            ],
        };
        assert_eq!(
            batch.to_json(),
            r#"{"responses": [{"path": "/odometer", "code": "429", "headers": {"Retry-After": 300, "sc-request-id": "x"}, "body": null}, true]}"#
        );
        batch.check();
    }
}
