//! Reading an error body, against what an application writes instead: `ApiError::from_response`
//! on the documented examples against `serde_json::from_slice` into a `#[derive(Deserialize)]`
//! struct of the same members, and `known()` against a `match` on the strings.

use serde::{Deserialize, Serialize};
use smartcar_errors::{ApiError, ApiErrorCode};

use crate::builds::workspace_root;
use crate::measure::per_item;
use crate::report::{Goal, Row};

/// Headers of an error response, as `from_response` is given them.
const HEADERS: [(&str, &str); 3] = [
    ("Content-Type", "application/json"),
    ("SC-Request-Id", "9c8dd6fa-f9d7-4d18-9fdd-2255f6cd8613"),
    ("Retry-After", "30"),
];

/// Every API error code's JSON example in the workspace's `docs-snapshot`, as written.
pub fn examples() -> Result<Vec<String>, String> {
    let docs = catalog_gen::Builder::new()
        .docs_dir(workspace_root().join("docs-snapshot"))
        .cargo_metadata(false)
        .read()
        .map_err(|e| format!("docs-snapshot: {e}"))?;
    Ok(docs
        .catalog()
        .api_errors
        .iter()
        .map(|e| e.example.clone())
        .collect())
}

/// Reads each example as the body of a status 500 response and looks its code up, as an
/// application does; returns how many are known codes.
pub fn from_responses(examples: &[String]) -> usize {
    let errors = examples
        .iter()
        .map(|json| ApiError::from_response(500, HEADERS, json.as_bytes()));
    errors.filter(|error| error.known().is_some()).count()
}

/// What an application writes instead of [`ApiError`]: the members of an error body
/// ([`ApiError::MEMBERS`]), owned, in a `#[derive(Deserialize)]` struct.
#[derive(Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DerivedError {
    #[serde(rename = "type")]
    error_type: Option<String>,
    error: Option<String>,
    code: Option<String>,
    description: Option<String>,
    #[serde(rename = "error_description")]
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

/// The `resolution` member of [`DerivedError`].
#[derive(Default, Deserialize, Serialize)]
struct DerivedResolution {
    #[serde(rename = "type")]
    kind: Option<String>,
    url: Option<String>,
}

/// The baseline of [`from_responses`]: reads each example's bytes into a [`DerivedError`];
/// returns how many read.
pub fn derived_structs(examples: &[String]) -> usize {
    let read = examples
        .iter()
        .map(|json| serde_json::from_slice::<DerivedError>(json.as_bytes()));
    read.filter(Result::is_ok).count()
}

/// The baseline of `known()`: a `match` on the strings of the checked-in catalog's codes.
pub fn matched(error_type: &str, code: Option<&str>) -> Option<ApiErrorCode> {
    match (error_type, code) {
        ("SERVER", Some("INTERNAL")) => Some(ApiErrorCode::ServerInternal),
        ("SERVER", Some("MULTIPLE_RECORDS_FOUND")) => Some(ApiErrorCode::ServerMultipleRecordsFound),
        ("SERVER", Some("RECORD_NOT_FOUND")) => Some(ApiErrorCode::ServerRecordNotFound),
        _ => None,
    }
}

/// The runtime rows.
pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let examples = examples()?;
    let n = examples.len();
    if from_responses(&examples) != n || derived_structs(&examples) != n {
        return Err("a documented example does not read as a known code".into());
    }
    let times = per_item(
        n,
        &mut [&mut || from_responses(&examples), &mut || {
            derived_structs(&examples)
        }],
    );
    rows.push(Row {
        measurement: format!("`ApiError::from_response` and `known()`, per documented example ({n})"),
        value: times[0],
        baseline: "`serde_json::from_slice` into a `#[derive(Deserialize)]` struct".into(),
        baseline_value: times[1],
        goal: Goal::AtMost(1.0),
    });

    let errors: Vec<ApiError> = examples
        .iter()
        .map(|json| ApiError::from_response(500, HEADERS, json.as_bytes()))
        .collect();
    let mut known = || errors.iter().filter(|e| e.known().is_some()).count();
    let mut by_match = || {
        errors
            .iter()
            .filter(|e| matched(e.error_type(), e.code()).is_some())
            .count()
    };
    let times = per_item(n, &mut [&mut known, &mut by_match]);
    rows.push(Row {
        measurement: format!("`ApiError::known()`, per documented example ({n})"),
        value: times[0],
        baseline: "a `match` on the (type, code) strings".into(),
        baseline_value: times[1],
        goal: Goal::AtMost(1.0),
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_example_reads_both_ways() {
        let examples = examples().unwrap();
        assert_eq!(examples.len(), ApiErrorCode::ALL.len());
        assert_eq!(from_responses(&examples), examples.len());
        assert_eq!(derived_structs(&examples), examples.len());
    }

    #[test]
    fn the_baselines_are_the_same_as_what_they_stand_for() {
        let json = serde_json::to_value(DerivedError::default()).unwrap();
        let mut members: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).collect();
        let mut expected = ApiError::MEMBERS.to_vec();
        members.sort_unstable();
        expected.sort_unstable();
        assert_eq!(members, expected);
        for &code in ApiErrorCode::ALL {
            assert_eq!(matched(code.error_type().as_str(), code.code()), Some(code));
        }
        assert_eq!(matched("SERVER", Some("NOPE")), None);
    }
}
