//! Reading whole error responses: the body shapes the official SDKs read, the headers that
//! complete them, and what to do next (retry, tell the user).

use std::time::Duration;

use smartcar_errors::{ApiError, ApiErrorCode, BodyShape, ErrorType};

const NO_HEADERS: [(&str, &str); 0] = [];

#[test]
fn a_v2_body_takes_its_request_id_and_retry_after_from_the_headers_when_it_lacks_them() {
    let body = br#"{"type": "RATE_LIMIT", "code": "VEHICLE", "description": "Wait.", "statusCode": 429,
        "resolution": {"type": "RETRY_LATER"}}"#;
    let error = ApiError::from_response(429, [("SC-Request-Id", "7f3c"), ("Retry-After", " 3600 ")], body);
    assert_eq!(error.shape(), BodyShape::V2);
    assert_eq!(error.error_type(), "RATE_LIMIT");
    assert_eq!(error.code(), Some("VEHICLE"));
    assert_eq!(error.request_id(), Some("7f3c"));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(3600)));
    assert!(error.is_retryable());
    assert_eq!(error.raw_body(), None);
    assert_eq!(error.to_string(), "RATE_LIMIT:VEHICLE (429): Wait.");

    // The body's own values win over the headers'.
    let body = br#"{"type": "SERVER", "code": "INTERNAL", "requestId": "from-body", "statusCode": 500, "retryAfter": 30}"#;
    let error = ApiError::from_response(503, [("sc-request-id", "from-header")], body);
    assert_eq!(error.request_id(), Some("from-body"));
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
}

#[test]
fn the_oauth_token_endpoints_body() {
    let body = br#"{"error": "invalid_grant", "error_description": "Invalid or expired refresh token."}"#;
    let error = ApiError::from_response(400, [("sc-request-id", "aa11")], body);
    assert_eq!(error.shape(), BodyShape::OAuth);
    assert_eq!(error.error_type(), "invalid_grant");
    assert_eq!(error.code(), None);
    assert_eq!(error.description(), "Invalid or expired refresh token.");
    assert_eq!(error.status_code(), Some(400));
    assert_eq!(error.request_id(), Some("aa11"));
    assert_eq!(error.known(), None);
    assert!(!error.is_retryable());
    assert_eq!(
        error.to_string(),
        "invalid_grant (400): Invalid or expired refresh token."
    );
}

#[test]
fn the_legacy_v1_body() {
    let body = br#"{"error": "vehicle_state_error", "message": "Vehicle is asleep.", "code": "VS_000"}"#;
    let error = ApiError::from_response(409, NO_HEADERS, body);
    assert_eq!(error.shape(), BodyShape::V1);
    assert_eq!(error.error_type(), "vehicle_state_error");
    assert_eq!(error.code(), Some("VS_000"));
    assert_eq!(error.description(), "Vehicle is asleep.");
    assert_eq!(
        error.to_string(),
        "vehicle_state_error:VS_000 (409): Vehicle is asleep."
    );
}

#[test]
fn an_html_gateway_page_keeps_its_status_and_body() {
    let page = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>\n";
    let error = ApiError::from_response(502, [("content-type", "text/html")], page.as_bytes());
    assert_eq!(error.shape(), BodyShape::Other);
    assert_eq!(error.status_code(), Some(502));
    assert_eq!(error.raw_body(), Some(page));
    assert_eq!(error.error_type(), "");
    assert_eq!(error.known(), None);
    // An unlisted error follows HTTP semantics: a 502 is worth retrying when it says when.
    assert!(!error.is_retryable());
    let with_retry_after = ApiError::from_response(502, [("retry-after", "10")], page.as_bytes());
    assert!(with_retry_after.is_retryable());
    assert_eq!(
        error.to_string(),
        "HTTP 502: <html> <head><title>502 Bad Gateway</title></head> <body> <center><h1>502 Bad Gateway</h1></center> </body> </html>"
    );
}

#[test]
fn other_bodies_that_are_no_smartcar_error() {
    let empty = ApiError::from_response(503, NO_HEADERS, b"");
    assert_eq!(empty.to_string(), "HTTP 503: empty body");
    assert!(empty.is_retryable());
    let not_found = ApiError::from_response(404, NO_HEADERS, b"[1, 2]");
    assert_eq!(
        (not_found.shape(), not_found.raw_body()),
        (BodyShape::Other, Some("[1, 2]"))
    );
    assert!(!not_found.is_retryable());
    // A field of the wrong type costs only itself: the rest of the body is read.
    let wrong = ApiError::from_response(500, NO_HEADERS, br#"{"type": "SERVER", "statusCode": "500"}"#);
    assert_eq!(wrong.shape(), BodyShape::V2);
    assert_eq!(wrong.error_type(), "SERVER");
    assert_eq!(wrong.status_code(), Some(500));
    assert_eq!(wrong.extra()["statusCode"], "500");
    assert_eq!(wrong.raw_body(), None);
    let long = "x".repeat(500);
    let error = ApiError::from_response(500, NO_HEADERS, long.as_bytes());
    assert_eq!(error.to_string(), format!("HTTP 500: {}…", "x".repeat(120)));
    let bad_utf8 = ApiError::from_response(500, NO_HEADERS, b"caf\xe9");
    assert_eq!(bad_utf8.raw_body(), Some("caf\u{FFFD}"));
    let dated_retry = ApiError::from_response(
        429,
        [
            ("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"),
            ("date", "Wed, 21 Oct 2026 07:26:00 GMT"),
        ],
        b"",
    );
    assert_eq!(dated_retry.retry_after(), Some(Duration::from_secs(120)));
    let unparsable_retry = ApiError::from_response(429, [("retry-after", "in a minute")], b"");
    assert_eq!(unparsable_retry.retry_after(), None);
}

#[test]
fn retrying_follows_the_resolution_as_sent_or_else_as_documented() {
    let read = |body: &str| ApiError::from_response(500, NO_HEADERS, body.as_bytes());
    assert!(read(r#"{"type": "X", "resolution": {"type": "RETRY_LATER"}}"#).is_retryable());
    assert!(
        !read(r#"{"type": "SERVER", "code": "INTERNAL", "resolution": {"type": "CONTACT_SUPPORT"}}"#)
            .is_retryable()
    );
    // No resolution in the body: SERVER:INTERNAL is documented as RETRY_LATER.
    assert!(read(r#"{"type": "SERVER", "code": "INTERNAL"}"#).is_retryable());
    assert!(!read(r#"{"type": "SERVER", "code": "RECORD_NOT_FOUND"}"#).is_retryable());
    assert!(!read(r#"{"type": "UNKNOWN_TYPE"}"#).is_retryable());
    assert!(ApiErrorCode::ServerInternal.info().is_retryable());
    assert!(!ApiErrorCode::ServerRecordNotFound.info().is_retryable());
}

#[test]
fn user_messages_name_the_app() {
    let sent = ApiError::from_json(
        br#"{"type": "X", "suggestedUserMessage": "Reconnect <app name> to <app name>."}"#,
    )
    .unwrap();
    assert_eq!(
        sent.suggested_user_message_for("Acme").as_deref(),
        Some("Reconnect Acme to Acme.")
    );
    let documented = ApiError::from_json(br#"{"type": "SERVER", "code": "RECORD_NOT_FOUND"}"#).unwrap();
    assert_eq!(
        documented.suggested_user_message_for("Acme").as_deref(),
        Some(
            "Your car is temporarily unable to connect to Acme. Please be patient while we’re working to resolve this issue."
        )
    );
    let unknown = ApiError::from_json(br#"{"type": "NEW"}"#).unwrap();
    assert_eq!(unknown.suggested_user_message_for("Acme"), None);
    assert_eq!(documented.known_type(), Some(ErrorType::Server));
}
