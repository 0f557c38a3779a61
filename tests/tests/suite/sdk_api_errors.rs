//! The error fixtures of the official Smartcar SDKs' own test suites, read with
//! `ApiError::from_response` and `BatchResponse::from_response`, asserting the values those
//! suites assert, field by field. Each fixture names its repository, file and test.
//!
//! Where the SDKs disagree with each other, the comment says which value this crate gives:
//! - the request id: the body's `requestId` first, else the `SC-Request-Id` header (node-sdk,
//!   python-sdk); java-sdk takes the header only, and its batch items the batch's header;
//! - the status: `status_code()` is the body's `statusCode` first (python-sdk), else the HTTP
//!   status; `http_status()` is the HTTP status alone (node-sdk, java-sdk);
//! - a body that is not a Smartcar error: the SDKs name it `SDK_ERROR`; here its shape is
//!   `BodyShape::Other`, its type empty and its text in `raw_body()`.

use std::time::Duration;

use serde_json::json;
use smartcar_errors::{ApiError, BatchResponse, BodyShape};

const NO_HEADERS: [(&str, &str); 0] = [];
const JSON: (&str, &str) = ("Content-Type", "application/json");

// ---------------------------------------------------------------------------------------
// smartcar/python-sdk
// ---------------------------------------------------------------------------------------

#[test]
fn python_sdk_retry_after_and_suggested_user_message() {
    // smartcar/python-sdk, tests/e2e/test_exception.py, test_retry_after_found and
    // test_suggested_user_message (headers {"Retry-After": 5000}).
    let body = br#"{"statusCode":429,"type":"RATE_LIMIT","code":"Vehicle","resolution":{"type":"RETRY_LATER"},"requestId":"e0027f5f-4411-4247-a54d-e34c157d84c1", "suggestedUserMessage": "Please try again later."}"#;
    let error = ApiError::from_response(429, [("Retry-After", "5000"), JSON], body);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(5000)));
    assert_eq!(error.suggested_user_message(), Some("Please try again later."));
    assert_eq!(error.shape(), BodyShape::V2);
    assert_eq!(error.error_type(), "RATE_LIMIT");
    assert_eq!(error.code(), Some("Vehicle"));
    assert_eq!(error.status_code(), Some(429));
    assert_eq!(error.request_id(), Some("e0027f5f-4411-4247-a54d-e34c157d84c1"));
    assert_eq!(error.resolution(), Some("RETRY_LATER"));
    assert!(error.is_retryable());
}

#[test]
fn python_sdk_bodies_that_are_no_smartcar_error() {
    // smartcar/python-sdk, tests/e2e/test_exception.py, test_non_json_exception: the message
    // is the body, the status kept.
    let error = ApiError::from_response(100, [("Content-Type", "weird")], b"Yay");
    assert_eq!((error.raw_body(), error.status_code()), (Some("Yay"), Some(100)));
    assert_eq!(error.shape(), BodyShape::Other);
    // test_json_cant_be_parsed: an SDK_ERROR with the body as its message.
    let error = ApiError::from_response(900, [JSON], b"diggity");
    assert_eq!(
        (error.raw_body(), error.status_code()),
        (Some("diggity"), Some(900))
    );
    assert_eq!((error.shape(), error.error_type()), (BodyShape::Other, ""));
    assert_eq!(error.to_string(), "HTTP 900: diggity");
}

#[test]
fn python_sdk_batch_item_with_a_numeric_retry_after_header() {
    // smartcar/python-sdk, tests/unit/test_vehicle.py, test_batch_path_response.
    let body = r#"{"responses": [{
        "code": 429,
        "path": "/battery/capacity",
        "body": {
            "statusCode": 429,
            "type": "RATE_LIMIT",
            "code": "VEHICLE",
            "description": "You have reached the throttling rate limit for this vehicle. Please see the retry-after header for when to retry the request.",
            "docURL": "https://smartcar.com/docs/errors/api-errors/rate-limit-errors#vehicle",
            "resolution": {"type": "RETRY_LATER"},
            "suggestedUserMessage": "Your vehicle is temporarily unable to connect to Optiwatt. Please be patient while we’re working to resolve this issue.",
            "requestId": "test-request-id"
        },
        "headers": {"Retry-After": 999}
    }]}"#;
    let batch = BatchResponse::from_response(200, [JSON], body.as_bytes()).unwrap();
    let item = batch.get("/battery/capacity").unwrap();
    assert_eq!(item.status(), Some(429));
    let error = item.error().unwrap();
    assert_eq!(error.status_code(), Some(429));
    assert_eq!(error.request_id(), Some("test-request-id"));
    assert_eq!(error.error_type(), "RATE_LIMIT");
    assert_eq!(
        error.description(),
        "You have reached the throttling rate limit for this vehicle. Please see the retry-after header for when to retry the request."
    );
    assert_eq!(error.code(), Some("VEHICLE"));
    assert_eq!(
        (error.resolution(), error.resolution_url()),
        (Some("RETRY_LATER"), None)
    );
    assert_eq!(error.detail(), None);
    assert_eq!(
        error.suggested_user_message(),
        Some(
            "Your vehicle is temporarily unable to connect to Optiwatt. Please be patient while we’re working to resolve this issue."
        )
    );
    assert_eq!(error.retry_after(), Some(Duration::from_secs(999)));
}

// ---------------------------------------------------------------------------------------
// smartcar/node-sdk
// ---------------------------------------------------------------------------------------

#[test]
fn node_sdk_bodies_that_are_no_smartcar_error() {
    // smartcar/node-sdk, test/unit/lib/util.js, 'handleError - non-json'.
    let error = ApiError::from_response(504, NO_HEADERS, b"what");
    assert_eq!((error.status_code(), error.raw_body()), (Some(504), Some("what")));
    // 'handleError - String/non-json body': type SDK_ERROR, message ending in the body.
    let error = ApiError::from_response(500, [("content-type", "application/json")], b"what");
    assert_eq!((error.status_code(), error.raw_body()), (Some(500), Some("what")));
    assert_eq!(error.shape(), BodyShape::Other);
    // 'handleError - when bit-flips because of moon position': a JSON object that is no error.
    let error = ApiError::from_response(
        999,
        [("content-type", "application/json")],
        br#"{"random": "testing"}"#,
    );
    assert_eq!(error.status_code(), Some(999));
    assert_eq!(
        (error.shape(), error.error_type(), error.description()),
        (BodyShape::Other, "", "")
    );
    assert_eq!(error.extra()["random"], "testing");
}

#[test]
fn node_sdk_v1_body() {
    // smartcar/node-sdk, test/unit/lib/util.js, 'handleError - SmartcarError V1'.
    let body = br#"{"error": "monkeys_on_mars", "message": "yes, really"}"#;
    let error = ApiError::from_response(600, [("content-type", "application/json")], body);
    assert_eq!(error.status_code(), Some(600));
    assert_eq!(error.error_type(), "monkeys_on_mars");
    assert_eq!(error.description(), "yes, really");
    assert_eq!(error.code(), None);
    assert_eq!(error.shape(), BodyShape::V1);
    assert_eq!(error.to_string(), "monkeys_on_mars (600): yes, really");
}

#[test]
fn node_sdk_v2_bodies() {
    // smartcar/node-sdk, test/unit/lib/util.js, 'handleError - SmartcarError V2 no resolution'.
    let body = br#"{"type": "type", "code": "code", "description": "description", "resolution": null,
        "detail": null, "requestId": "123", "docURL": null, "statusCode": 500}"#;
    let error = ApiError::from_response(500, [("content-type", "application/json")], body);
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.resolution_object(), None);
    assert_eq!(error.detail(), None);
    assert_eq!(error.doc_url(), None);
    assert_eq!(error.description(), "description");
    assert_eq!(error.error_type(), "type");
    assert_eq!(error.code(), Some("code"));
    assert_eq!(error.request_id(), Some("123"));
    assert_eq!(error.to_string(), "type:code (500): description");

    // 'handleError - SmartcarError V2 resolution string' (an object with a type, no url).
    let body = br#"{"type": "type", "code": "code", "description": "description",
        "resolution": {"type": "resolution"}, "requestId": "123", "statusCode": 500}"#;
    let error = ApiError::from_response(500, NO_HEADERS, body);
    assert_eq!(error.resolution(), Some("resolution"));
    assert_eq!(error.resolution_url(), None);
    assert_eq!(
        error.resolution_object(),
        json!({"type": "resolution"}).as_object()
    );
    assert_eq!((error.detail(), error.doc_url()), (None, None));
    assert_eq!(
        (error.error_type(), error.code(), error.request_id()),
        ("type", Some("code"), Some("123"))
    );

    // 'handleError - SmartcarError V2 with all attrbutes': the resolution object is kept whole.
    let body = br#"{"type": "type", "code": "code", "description": "description", "docURL": "docURL",
        "resolution": {"pizza": "resolution"}, "requestId": "123", "statusCode": 500, "detail": ["pizza"]}"#;
    let error = ApiError::from_response(500, NO_HEADERS, body);
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.resolution_object().unwrap()["pizza"], "resolution");
    assert_eq!(error.resolution(), None);
    assert_eq!(error.doc_url(), Some("docURL"));
    assert_eq!(error.description(), "description");
    assert_eq!(
        (error.error_type(), error.code(), error.request_id()),
        ("type", Some("code"), Some("123"))
    );
    assert_eq!(error.detail().unwrap()[0], "pizza");
}

#[test]
fn node_sdk_rate_limit_with_an_error_key_keeps_its_v2_members() {
    // smartcar/node-sdk, test/unit/lib/vehicle.js, 'request - rate limit'. The test sends the
    // current time in milliseconds as `retry-after`; here one such value.
    let body = br#"{"error": "RATE_LIMIT", "suggestedUserMessage": "This just will not do"}"#;
    let error = ApiError::from_response(429, [("retry-after", "1525418450844")], body);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1_525_418_450_844)));
    assert_eq!(error.suggested_user_message(), Some("This just will not do"));
    assert_eq!((error.shape(), error.error_type()), (BodyShape::V1, "RATE_LIMIT"));
    assert!(error.is_retryable(), "an unlisted 429");
}

#[test]
fn node_sdk_batch() {
    // smartcar/node-sdk, test/unit/lib/vehicle.js, 'batch - success' (the /engine/oil item
    // fails). node-sdk gives a failed item the batch's own HTTP status (200); here it has its
    // item's `code`.
    let body = br#"{"responses": [
        {"headers": {"sc-unit-system": "imperial", "sc-data-age": "2018-05-04T07:20:50.844Z",
                     "sc-fetched-at": "2018-05-04T07:20:51.844Z"},
         "path": "/", "code": 200,
         "body": {"id": "36ab27d0-fd9d-4455-823a-ce30af709ffc", "make": "TESLA", "model": "Model S", "year": 2014}},
        {"headers": {"sc-unit-system": "imperial", "sc-data-age": "2018-05-04T07:20:50.844Z",
                     "sc-fetched-at": "2018-05-04T07:20:51.844Z"},
         "path": "/odometer", "code": 200, "body": {"distance": 32768}},
        {"headers": {"sc-unit-system": "imperial"}, "path": "/engine/oil", "code": 501,
         "body": {"error": "vehicle_not_capable_error", "message": "Vehicle is not capable of performing request."}},
        {"headers": {"sc-unit-system": "imperial", "sc-data-age": "2018-05-04T07:20:50.844Z",
                     "sc-fetched-at": "2018-05-04T07:20:51.844Z"},
         "path": "/tires/pressure", "code": 200,
         "body": {"backLeft": 219.3, "backRight": 219.3, "frontLeft": 219.3, "frontRight": 219.3}},
        {"headers": {"sc-unit-system": "imperial", "sc-data-age": "2018-05-04T07:20:50.844Z",
                     "sc-fetched-at": "2018-05-04T07:20:51.844Z"},
         "path": "/tesla/speedometer", "code": 200, "body": {"speed": 84.32}}
    ]}"#;
    let batch = BatchResponse::from_response(200, [("sc-request-id", "requestId")], body).unwrap();
    assert_eq!(batch.request_id(), Some("requestId"));
    let body = |path: &str| batch.get(path).and_then(|item| item.body()).unwrap();
    assert_eq!(body("/odometer")["distance"], 32768);
    assert_eq!(
        batch.get("/odometer").unwrap().headers()["sc-unit-system"],
        "imperial"
    );
    assert_eq!(body("/")["make"], "TESLA");
    assert_eq!(body("/")["model"], "Model S");
    assert_eq!(body("/")["year"], 2014);
    assert_eq!(body("/tires/pressure")["backLeft"], 219.3);
    assert_eq!(body("/tesla/speedometer")["speed"], 84.32);

    let errors: Vec<_> = batch.errors().collect();
    assert_eq!(errors.len(), 1);
    let (item, error) = errors[0];
    assert_eq!(item.path(), "/engine/oil");
    assert_eq!(error.error_type(), "vehicle_not_capable_error");
    assert_eq!(
        error.description(),
        "Vehicle is not capable of performing request."
    );
    assert_eq!(error.http_status(), Some(501));
    assert_eq!(error.request_id(), Some("requestId"));
    assert_eq!(
        error.to_string(),
        "vehicle_not_capable_error (501): Vehicle is not capable of performing request."
    );

    // 'batch - error': the batch request itself fails.
    let body = br#"{"error": "monkeys_on_mars", "message": "yes, really"}"#;
    let error = BatchResponse::from_response(500, [("sc-request-id", "requestId")], body).unwrap_err();
    assert_eq!(error.error_type(), "monkeys_on_mars");
    assert_eq!(error.description(), "yes, really");
}

// ---------------------------------------------------------------------------------------
// smartcar/java-sdk: src/test/resources/*.json, asserted in
// src/test/java/com/smartcar/sdk/VehicleTest.java. Every response there carries the header
// `sc-request-id: 67127d3a-a08a-41f0-8211-f96da36b2d6e`.
// ---------------------------------------------------------------------------------------

const JAVA_REQUEST_ID: (&str, &str) = ("sc-request-id", "67127d3a-a08a-41f0-8211-f96da36b2d6e");

fn java(status: u16, body: &str) -> ApiError {
    ApiError::from_response(
        status,
        [JAVA_REQUEST_ID, ("content-type", "application/json")],
        body.as_bytes(),
    )
}

#[test]
fn java_sdk_v1_errors() {
    // src/test/resources/ErrorPermissionV1.json, testV1PermissionError (403).
    let error = java(
        403,
        r#"{
  "error": "permission_error",
  "message": "Insufficient permissions to access requested resource."
}"#,
    );
    assert_eq!(error.status_code(), Some(403));
    assert_eq!(
        error.description(),
        "Insufficient permissions to access requested resource."
    );
    assert_eq!(error.error_type(), "permission_error");
    assert_eq!(error.code(), None);
    assert_eq!(error.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));

    // src/test/resources/ErrorVehicleStateV1.json, testV1VehicleStateError (409).
    let error = java(
        409,
        r#"{
  "error": "vehicle_state_error",
  "message": "Vehicle state cannot be determined.",
  "code": "VS_000"
}"#,
    );
    assert_eq!(error.status_code(), Some(409));
    assert_eq!(error.description(), "Vehicle state cannot be determined.");
    assert_eq!(error.error_type(), "vehicle_state_error");
    assert_eq!(error.code(), Some("VS_000"));
    assert_eq!(error.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));
}

#[test]
fn java_sdk_v2_permission_error_with_a_string_resolution() {
    // src/test/resources/ErrorPermissionV2.json, testV2PermissionError (403). java-sdk
    // asserts the header's request id; the body has its own, which counts here.
    let error = java(
        403,
        r#"{
  "type": "PERMISSION",
  "code": null,
  "description": "Your application has insufficient permissions to access the requested resource. Please prompt the user to re-authenticate using Smartcar Connect.",
  "docURL": "https://smartcar.com/docs/errors/v2.0/other-errors/#permission",
  "statusCode": 403,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": "REAUTHENTICATE"
}"#,
    );
    assert_eq!(error.status_code(), Some(403));
    assert_eq!(
        error.description(),
        "Your application has insufficient permissions to access the requested resource. Please prompt the user to re-authenticate using Smartcar Connect."
    );
    assert_eq!(error.error_type(), "PERMISSION");
    assert_eq!(
        error.doc_url(),
        Some("https://smartcar.com/docs/errors/v2.0/other-errors/#permission")
    );
    assert_eq!(error.resolution(), Some("REAUTHENTICATE"));
    assert_eq!(error.resolution_url(), None);
    assert_eq!(error.code(), None);
    assert_eq!(error.request_id(), Some("5dea93a1-3f79-4246-90c5-89610a20471b"));
    // The string is kept as sent; strict parsing refuses it.
    assert_eq!(error.extra()["resolution"], "REAUTHENTICATE");
    assert!(ApiError::from_json(br#"{"type": "PERMISSION", "resolution": "REAUTHENTICATE"}"#).is_err());
}

#[test]
fn java_sdk_v2_vehicle_state_and_rate_limit() {
    // src/test/resources/ErrorVehicleStateV2.json, testV2VehicleStateError (409).
    let error = java(
        409,
        r#"{
  "type": "VEHICLE_STATE",
  "code": "ASLEEP",
  "description": "The vehicle is in a sleep state and temporarily unable to perform your request.",
  "docURL": "https://smartcar.com/docs/errors/v2.0/vehicle-state/#asleep",
  "statusCode": 409,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": null
}"#,
    );
    assert_eq!(error.status_code(), Some(409));
    assert_eq!(
        error.description(),
        "The vehicle is in a sleep state and temporarily unable to perform your request."
    );
    assert_eq!(error.error_type(), "VEHICLE_STATE");
    assert_eq!(
        error.doc_url(),
        Some("https://smartcar.com/docs/errors/v2.0/vehicle-state/#asleep")
    );
    assert_eq!(error.resolution(), None);
    assert_eq!(error.code(), Some("ASLEEP"));

    // src/test/resources/ErrorVehicleRateLimit.json, testV2RateLimitError (429,
    // retry-after 12345).
    let body = r#"{
  "type": "RATE_LIMIT",
  "code": "VEHICLE",
  "description": "You have reached the throttling rate limit for this vehicle. Please see the retry-after header (seconds) for when to retry the request.",
  "docURL": "https://smartcar.com/docs/errors/v2.0/upstream/#vehicle_rate_limit",
  "statusCode": 429,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": {
    "type": "RETRY_LATER"
  },
  "suggestedUserMessage": "Your vehicle is temporarily unable to connect to KabobMobile. Please be patient while we’re working to resolve this issue."
}
"#;
    let error = ApiError::from_response(429, [JAVA_REQUEST_ID, ("retry-after", "12345")], body.as_bytes());
    assert_eq!(error.status_code(), Some(429));
    assert_eq!(error.retry_after(), Some(Duration::from_secs(12345)));
    assert_eq!(
        error.suggested_user_message(),
        Some(
            "Your vehicle is temporarily unable to connect to KabobMobile. Please be patient while we’re working to resolve this issue."
        )
    );
    assert!(error.is_retryable());
}

#[test]
fn java_sdk_resolution_objects() {
    let permission = |resolution: &str| {
        format!(
            r#"{{
  "type": "PERMISSION",
  "code": null,
  "description": "Your application has insufficient permissions to access the requested resource. Please prompt the user to re-authenticate using Smartcar Connect.",
  "docURL": "https://smartcar.com/docs/errors/v2.0/other-errors/#permission",
  "statusCode": 403,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": {resolution}
}}"#
        )
    };
    // src/test/resources/ErrorResolutionObject.json, testErrorResolutionObject (HTTP 401; the
    // body says 403: `status_code()` is the body's, `http_status()` the response's).
    let error = java(
        401,
        &permission(r#"{"type": "REAUTHENTICATE", "url": "https://example.com"}"#),
    );
    assert_eq!(error.resolution(), Some("REAUTHENTICATE"));
    assert_eq!(error.resolution_url(), Some("https://example.com"));
    assert_eq!((error.status_code(), error.http_status()), (Some(403), Some(401)));
    // ErrorResolutionObject2.json, testErrorResolutionObjectNoUrl.
    let error = java(401, &permission(r#"{"type": "REAUTHENTICATE"}"#));
    assert_eq!(
        (error.resolution(), error.resolution_url()),
        (Some("REAUTHENTICATE"), None)
    );
    // ErrorResolutionObject3.json, testErrorResolutionObjectNullType.
    let error = java(401, &permission(r#"{"type": null}"#));
    assert_eq!((error.resolution(), error.resolution_url()), (None, None));
}

#[test]
fn java_sdk_bodies_that_are_no_smartcar_error() {
    // VehicleTest.java, testInvalidJsonResponse (500).
    let error = ApiError::from_response(500, [JAVA_REQUEST_ID], br#"{ "InvalidJSON": {"#);
    assert_eq!(error.raw_body(), Some(r#"{ "InvalidJSON": {"#));
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));
    assert_eq!((error.shape(), error.error_type()), (BodyShape::Other, ""));
    // testNullErrorResponse: no body at all.
    let error = ApiError::from_response(500, NO_HEADERS, b"");
    assert_eq!(error.status_code(), Some(500));
    assert_eq!(error.to_string(), "HTTP 500: empty body");
}

/// A java-sdk batch fixture, answered with the request id header.
fn java_batch(body: &str) -> BatchResponse {
    BatchResponse::from_response(200, [JAVA_REQUEST_ID], body.as_bytes()).unwrap()
}

#[test]
fn java_sdk_batch_success_and_mixed() {
    // src/test/resources/BatchResponseSuccess.json, testBatch.
    let batch = java_batch(
        r#"{
    "responses":
    [
        {
            "headers": {
                "sc-unit-system": "metric"
            },
            "path": "/odometer",
            "code": 200,
            "body": {
                "distance": 32768
            }
        }
    ]
}"#,
    );
    assert_eq!(batch.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));
    assert!(batch.get("/tires/pressure").is_none());
    let odometer = batch.get("/odometer").unwrap();
    assert_eq!(odometer.body().unwrap()["distance"], 32768.0);
    assert_eq!(odometer.headers()["sc-unit-system"], "metric");

    // BatchResponseMixed.json, testBatchMixedErrorsSuccess.
    let batch = java_batch(
        r#"{
  "responses":
  [
    {
      "headers": {
        "sc-unit-system": "metric"
      },
      "path": "/odometer",
      "code": 200,
      "body": {
        "distance": 32768
      }
    },
    {
      "path": "/fuel",
      "code": 409,
      "body": {
        "error": "vehicle_state_error",
        "message": "Vehicle state cannot be determined.",
        "code": "VS_000"
      }
    }
  ]
}"#,
    );
    assert!(batch.get("/odometer").unwrap().error().is_none());
    assert_eq!(
        batch.get("/fuel").unwrap().error().unwrap().status_code(),
        Some(409)
    );
}

#[test]
fn java_sdk_batch_errors() {
    // src/test/resources/BatchResponseError.json, testBatchHTTPError.
    let batch = java_batch(
        r#"{
    "responses": [
        {
            "path": "/odometer",
            "code": 409,
            "body": {
                "error": "vehicle_state_error",
                "message": "Vehicle state cannot be determined.",
                "code": "VS_000"
            }
        }
    ]
}"#,
    );
    let error = batch.get("/odometer").unwrap().error().unwrap();
    assert_eq!(error.status_code(), Some(409));
    assert_eq!(error.description(), "Vehicle state cannot be determined.");
    assert_eq!(
        error.to_string(),
        "vehicle_state_error:VS_000 (409): Vehicle state cannot be determined."
    );
    assert_eq!(error.error_type(), "vehicle_state_error");
    assert_eq!(error.code(), Some("VS_000"));
    assert_eq!(error.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));

    // BatchResponseErrorV2.json, testBatchHTTPErrorV2. java-sdk asserts the batch's request
    // id; the item's body has its own, which counts here (the batch's is `request_id()` of
    // the batch).
    let batch = java_batch(
        r#"{
  "responses": [
    {
      "path": "/odometer",
      "code": 409,
      "body": {
        "type": "VEHICLE_STATE",
        "code": "DOOR_OPEN",
        "statusCode": 409,
        "requestId": "27767d51-3c32-47c0-8521-6f2be21bfb5b",
        "description": "Door is open.",
        "docURL": "https://smartcar.com/docs/errors/v2.0/vehicle-state/#door_open",
        "resolution": null
      }
    }
  ]
}"#,
    );
    let error = batch.get("/odometer").unwrap().error().unwrap();
    assert_eq!(error.status_code(), Some(409));
    assert_eq!(error.description(), "Door is open.");
    assert_eq!(error.error_type(), "VEHICLE_STATE");
    assert_eq!(error.code(), Some("DOOR_OPEN"));
    assert_eq!(error.request_id(), Some("27767d51-3c32-47c0-8521-6f2be21bfb5b"));
    assert_eq!(batch.request_id(), Some("67127d3a-a08a-41f0-8211-f96da36b2d6e"));
    assert_eq!(
        error.doc_url(),
        Some("https://smartcar.com/docs/errors/v2.0/vehicle-state/#door_open")
    );
    assert_eq!(error.resolution(), None);
    assert_eq!(error.detail(), None);
    assert_eq!(error.to_string(), "VEHICLE_STATE:DOOR_OPEN (409): Door is open.");
    assert_eq!(error.retry_after(), None);

    // BatchResponseErrorV2WithDetail.json, testBatchHTTPErrorV2WithDetail.
    let batch = java_batch(
        r#"{
  "responses": [
    {
      "path": "/odometer",
      "code": 400,
      "body": {
        "code": null,
        "description": "Request invalid or malformed. Please check for missing parameters, spelling and casing mistakes, and other syntax issues.",
        "detail": [
          {
            "field": [
              "requests"
            ],
            "message": "\"requests\" is required"
          },
          {
            "field": [
              "request"
            ],
            "message": "\"request\" is not allowed"
          }
        ],
        "docURL": "https://smartcar.com/docs/errors/v2.0/other-errors/#validation",
        "requestId": "614d7c59-3a0f-4d20-a564-185693594ea8",
        "resolution": null,
        "statusCode": 400,
        "type": "VALIDATION"
      }
    }
  ]
}"#,
    );
    let error = batch.get("/odometer").unwrap().error().unwrap();
    assert_eq!(error.status_code(), Some(400));
    assert_eq!(
        error.description(),
        "Request invalid or malformed. Please check for missing parameters, spelling and casing mistakes, and other syntax issues."
    );
    assert_eq!(error.error_type(), "VALIDATION");
    assert_eq!(error.code(), None);
    assert_eq!(
        error.doc_url(),
        Some("https://smartcar.com/docs/errors/v2.0/other-errors/#validation")
    );
    assert_eq!(error.resolution(), None);
    let detail = error.detail().unwrap();
    assert_eq!(
        detail[0].to_string(),
        r#"{"field":["requests"],"message":"\"requests\" is required"}"#
    );
    assert_eq!(
        detail[1].to_string(),
        r#"{"field":["request"],"message":"\"request\" is not allowed"}"#
    );
    assert_eq!(
        error.to_string(),
        "VALIDATION (400): Request invalid or malformed. Please check for missing parameters, spelling and casing mistakes, and other syntax issues."
    );
    assert_eq!(error.retry_after(), None);
}

#[test]
fn java_sdk_validation_error_detail() {
    // src/test/resources/ErrorValidationV2.json (400).
    let error = java(
        400,
        r#"{
  "type": "VALIDATION",
  "code": null,
  "description": "Request invalid or malformed. Please check for missing parameters, spelling and casing mistakes, and other syntax issues.",
  "docURL": "https://smartcar.com/docs/errors/v2.0/other-errors/#validation",
  "statusCode": 400,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": null,
  "detail": [
    {
      "field": [
        "requests"
      ],
      "message": "\"requests\" is required"
    },
    {
      "field": [
        "request"
      ],
      "message": "\"request\" is not allowed"
    }
  ]
}"#,
    );
    assert_eq!(error.shape(), BodyShape::V2);
    assert_eq!(
        error.detail().unwrap()[1]["message"],
        "\"request\" is not allowed"
    );
    assert_eq!(error.extra().len(), 0);
}
