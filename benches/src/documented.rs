//! The examples the docs snapshot documents (API error bodies and Connect redirects), the
//! bodies grown from them, and what the `errors` benchmark and the summary do with them: the
//! loops over the examples and the redirects, and their baselines.

use smartcar_errors::{ApiError, Redirect};

use crate::builds;

/// The documented examples.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Every API error code's JSON example, as written.
    pub api_examples: Vec<String>,
    /// Every Connect error's example redirect.
    pub redirects: Vec<String>,
}

/// The examples of the workspace's `docs-snapshot` (empty when it cannot be read).
pub fn examples() -> Examples {
    let docs = catalog_gen::Builder::new()
        .docs_dir(builds::workspace_root().join("docs-snapshot"))
        .cargo_metadata(false)
        .read();
    let Ok(docs) = docs else {
        return Examples::default();
    };
    let catalog = docs.catalog();
    Examples {
        api_examples: catalog.api_errors.iter().map(|e| e.example.clone()).collect(),
        redirects: catalog
            .connect_errors
            .iter()
            .filter_map(|e| e.example_redirect.clone())
            .collect(),
    }
}

/// The success redirect of the docs' "Handle the Response" page
/// (<https://smartcar.com/docs/connect/handle-the-response>): the snapshot's pages show errors
/// only.
pub const AUTHORIZATION_REDIRECT: &str =
    "https://example.com/home?code=90abecb6-e7ab-4b85-864a-e1c8bf67f2ad&state=0facda3319";

/// The example redirects of the Connect errors, and [`AUTHORIZATION_REDIRECT`]: both
/// outcomes of a redirect.
pub fn redirects(error_redirects: &[String]) -> Vec<String> {
    let mut redirects = error_redirects.to_vec();
    redirects.push(AUTHORIZATION_REDIRECT.to_owned());
    redirects
}

/// The least a redirect reader does: split off the query and decode it into owned pairs.
/// Returns the number of pairs.
pub fn decode_query(uri: &str) -> usize {
    let query = uri.split_once('?').map_or("", |(_, query)| query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    pairs.len()
}

/// Reads each example as an `ApiError`; returns how many read.
pub fn api_errors(examples: &[String]) -> usize {
    examples
        .iter()
        .filter(|json| serde_json::from_str::<ApiError>(json).is_ok())
        .count()
}

/// Reads each example as the body of a status 500 response with `headers`, as
/// `ApiError::from_response` is given them; returns how many are known codes.
pub fn api_errors_from_response<const N: usize>(examples: &[String], headers: [(&str, &str); N]) -> usize {
    examples
        .iter()
        .map(|json| ApiError::from_response(500, headers, json.as_bytes()))
        .filter(|error| error.known().is_some())
        .count()
}

/// What an application writes instead of [`ApiError`]: the members of an error body, owned, in a
/// `#[derive(Deserialize)]` struct.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct DerivedError {
    #[serde(rename = "type")]
    error_type: Option<String>,
    error: Option<String>,
    code: Option<String>,
    description: Option<String>,
    error_description: Option<String>,
    message: Option<String>,
    #[serde(rename = "docURL")]
    doc_url: Option<String>,
    request_id: Option<String>,
    suggested_user_message: Option<String>,
    status_code: Option<u16>,
    resolution: Option<DerivedResolution>,
    detail: Option<serde_json::Value>,
    retry_after: Option<u64>,
}

#[derive(serde::Deserialize)]
#[allow(dead_code)]
struct DerivedResolution {
    #[serde(rename = "type")]
    kind: Option<String>,
    url: Option<String>,
}

/// The baseline of [`api_errors_from_response`]: reads each example's bytes into a
/// `#[derive(Deserialize)]` struct of the same members; returns how many read.
pub fn derived_structs(examples: &[String]) -> usize {
    examples
        .iter()
        .filter(|json| serde_json::from_slice::<DerivedError>(json.as_bytes()).is_ok())
        .count()
}

/// The baseline of [`api_errors`]: parses each example into a `serde_json::Value`; returns how
/// many parsed.
pub fn json_values(examples: &[String]) -> usize {
    examples
        .iter()
        .filter(|json| serde_json::from_str::<serde_json::Value>(json).is_ok())
        .count()
}

/// [`json_values`] from the examples' bytes, as a response body is read.
pub fn json_values_from_slice(examples: &[String]) -> usize {
    examples
        .iter()
        .filter(|json| serde_json::from_slice::<serde_json::Value>(json.as_bytes()).is_ok())
        .count()
}

/// Reads each redirect with `Redirect::from_uri`; returns how many read.
pub fn read_redirects(redirects: &[String]) -> usize {
    redirects
        .iter()
        .filter(|uri| Redirect::from_uri(uri).is_ok())
        .count()
}

/// The baseline of [`read_redirects`]: [`decode_query`] of each redirect; returns the number
/// of pairs.
pub fn decode_queries(redirects: &[String]) -> usize {
    redirects.iter().map(|uri| decode_query(uri)).sum()
}

/// A documented error body grown to at least `bytes`: `SERVER:MULTIPLE_RECORDS_FOUND` as the
/// docs show it, its `detail` repeated with numbers and strings (the shape of the documented
/// `detail` arrays) until the body is that long.
pub fn large_error_body(bytes: usize) -> Vec<u8> {
    let head = r#"{"statusCode": 500, "type": "SERVER", "code": "MULTIPLE_RECORDS_FOUND",
        "description": "Smartcar found multiple battery capacity records for this vehicle.",
        "docURL": "https://smartcar.com/docs/errors/api-errors/server-errors#multiple-records-found",
        "resolution": {"type": "CONTACT_SUPPORT"}, "requestId": "9c8dd6fa-f9d7-4d18-9fdd-2255f6cd8613",
        "detail": ["#;
    let mut body = head.as_bytes().to_vec();
    let mut item = 0usize;
    while body.len() < bytes {
        if item > 0 {
            body.extend_from_slice(b", ");
        }
        let entry = format!(
            r#"{{"capacities": [83.9, 83.9, 70.{}], "field": ["requests", {item}], "message": "\"requests\" is required"}}"#,
            item % 10
        );
        body.extend_from_slice(entry.as_bytes());
        item += 1;
    }
    body.extend_from_slice(b"]}");
    body
}

/// A v2 error body whose `description` is `bytes` long: what `Display` is given to show.
pub fn long_description_body(bytes: usize) -> Vec<u8> {
    let words = "Smartcar found multiple battery capacity records for this vehicle. ".repeat(bytes / 68 + 1);
    let description = words.get(..bytes).unwrap_or(&words);
    format!(r#"{{"type": "SERVER", "code": "INTERNAL", "statusCode": 500, "description": "{description}"}}"#)
        .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_example_reads() {
        let Examples {
            api_examples,
            redirects,
        } = examples();
        assert!(!api_examples.is_empty() && !redirects.is_empty());
        let n = api_examples.len();
        assert_eq!(api_errors(&api_examples), n);
        assert_eq!(
            api_errors_from_response(&api_examples, [("SC-Request-Id", "9c8dd6fa")]),
            n
        );
        assert_eq!(json_values(&api_examples), n);
        assert_eq!(json_values_from_slice(&api_examples), n);
        let redirects = super::redirects(&redirects);
        assert_eq!(read_redirects(&redirects), redirects.len());
        assert!(decode_queries(&redirects) >= redirects.len());
    }

    #[test]
    fn large_bodies_are_valid_json_of_their_size() {
        for bytes in [1_000, 1 << 20] {
            let body = large_error_body(bytes);
            assert!(body.len() >= bytes && body.len() < bytes + 200, "{}", body.len());
            let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
            assert_eq!(value["code"], "MULTIPLE_RECORDS_FOUND");
            let error = smartcar_errors::ApiError::from_json(&body).unwrap();
            assert_eq!(
                error.known(),
                Some(smartcar_errors::ApiErrorCode::ServerMultipleRecordsFound)
            );
        }
        let body = long_description_body(1_000);
        let error = smartcar_errors::ApiError::from_json(&body).unwrap();
        assert_eq!(error.description().len(), 1_000);
    }
}
