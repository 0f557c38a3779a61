//! The runtime crate against the docs: lookups, error bodies and Connect redirects.

use smartcar_errors::{
    ApiError, ApiErrorCode, ConnectError, ConnectErrorCode, ErrorType, ParamProblem, RedirectError,
    Resolution,
};
use smartcar_errors_tests::{assert_catalog_matches, fixture_dir, parse_dir, snapshot_dir};

const USER_MESSAGE: &str = "Your car is temporarily unable to connect to <app name>. Please be patient while we’re working to resolve this issue.";

#[test]
fn server_internal_carries_what_the_docs_say() {
    let code = ApiErrorCode::from_parts("SERVER", Some("INTERNAL")).expect("documented");
    assert_eq!(code, ApiErrorCode::ServerInternal);
    let info = code.info();
    assert_eq!(info.error_type, ErrorType::Server);
    assert_eq!(info.code, Some("INTERNAL"));
    assert_eq!(info.status_code, 500);
    assert_eq!(info.resolution, Some(Resolution::RetryLater));
    assert_eq!(
        info.description,
        "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue."
    );
    assert_eq!(
        info.doc_url,
        "https://smartcar.com/docs/errors/api-errors/server-errors#internal"
    );
    assert_eq!(info.suggested_user_message, Some(USER_MESSAGE));
    assert_eq!(
        info.suggested_resolution,
        Some("Please contact us to learn more about the error and our steps to resolve it.")
    );
    assert_eq!(info.troubleshooting_steps, None);
    assert_eq!(info.resolution_url, None);
    assert_eq!(code.to_string(), "SERVER:INTERNAL");
}

#[test]
fn lookups_are_exact() {
    assert_eq!(ApiErrorCode::from_parts("SERVER", None), None);
    assert_eq!(ApiErrorCode::from_parts("server", Some("INTERNAL")), None);
    assert_eq!(ApiErrorCode::from_parts("SERVER", Some("INTERNAL ")), None);
    assert_eq!(ApiErrorCode::from_parts("", None), None);
    assert_eq!(ApiErrorCode::ALL.len(), 3);
    assert_eq!(
        ConnectErrorCode::ALL,
        [
            ConnectErrorCode::ConfigurationError,
            ConnectErrorCode::ServerError
        ]
    );
    assert_eq!("server_error".parse(), Ok(ConnectErrorCode::ServerError));
    assert_eq!(ConnectErrorCode::ServerError.as_str(), "server_error");
    assert_eq!(
        ConnectErrorCode::ServerError.description(),
        "Unexpected server error. Please try again."
    );
    assert!("Server_Error".parse::<ConnectErrorCode>().is_err());
}

/// The compiled-in tables hold exactly what the snapshot says.
#[test]
fn the_compiled_catalog_matches_the_snapshot_model() {
    let catalog = parse_dir(&snapshot_dir()).catalog;
    assert_catalog_matches!(smartcar_errors, &catalog);
}

/// Every JSON example of the snapshot and the synthetic pages reads as an `ApiError` with the
/// documented values.
#[test]
fn api_error_parses_every_documented_example() {
    let mut examples = 0;
    for dir in [snapshot_dir(), fixture_dir("synthetic")] {
        for entry in parse_dir(&dir).catalog.api_errors {
            let error = ApiError::from_json(entry.example.as_bytes())
                .unwrap_or_else(|e| panic!("{}: {e}", entry.source));
            assert_eq!(error.error_type(), entry.error_type, "{}", entry.source);
            assert_eq!(error.code(), entry.code.as_deref());
            assert_eq!(error.status_code(), Some(entry.status_code));
            assert_eq!(error.description(), entry.description);
            assert_eq!(error.doc_url(), Some(entry.doc_url.as_str()));
            assert_eq!(error.resolution(), entry.resolution.as_deref());
            assert_eq!(error.resolution_url(), entry.resolution_url.as_deref());
            assert_eq!(
                error.suggested_user_message(),
                entry.example_user_message.as_deref()
            );
            assert!(error.request_id().is_some_and(|id| !id.is_empty()));
            let expected = ApiErrorCode::from_parts(&entry.error_type, entry.code.as_deref());
            assert_eq!(error.known(), expected);
            examples += 1;
        }
    }
    assert_eq!(examples, 3 + 21);
}

#[test]
fn the_documented_multiple_records_body_keeps_its_detail() {
    let body = br#"{
	"statusCode": 500,
	"type": "SERVER",
	"code": "MULTIPLE_RECORDS_FOUND",
	"description": "Smartcar found multiple battery capacity records for this vehicle.",
	"docURL": "https://smartcar.com/docs/errors/api-errors/server-errors#multiple-records-found",
	"resolution": {
		"type": "CONTACT_SUPPORT"
	},
	"detail": [ { "capacities": [83.9, 83.9, 70.2] } ],
	"requestId": "9c8dd6fa-f9d7-4d18-9fdd-2255f6cd8613"
}"#;
    let error = ApiError::from_json(body).unwrap();
    assert_eq!(error.known(), Some(ApiErrorCode::ServerMultipleRecordsFound));
    assert_eq!(error.known_resolution(), Some(Resolution::ContactSupport));
    assert_eq!(error.detail().unwrap()[0]["capacities"][2], 70.2);
    assert_eq!(error.request_id(), Some("9c8dd6fa-f9d7-4d18-9fdd-2255f6cd8613"));
}

#[test]
fn undocumented_types_codes_and_resolutions_are_kept_as_sent() {
    let body = br#"{"type": "FUTURE_TYPE", "code": "NEW_CODE", "description": "Something new.",
        "statusCode": 418, "resolution": {"type": "TRY_SOMETHING_ELSE", "url": "https://example.com/x"},
        "requestId": "abc", "brandNewField": {"nested": true}}"#;
    let error = ApiError::from_json(body).unwrap();
    assert_eq!(error.error_type(), "FUTURE_TYPE");
    assert_eq!(error.code(), Some("NEW_CODE"));
    assert_eq!(error.resolution(), Some("TRY_SOMETHING_ELSE"));
    assert_eq!(error.resolution_url(), Some("https://example.com/x"));
    assert_eq!(error.known(), None);
    assert_eq!(error.known_type(), None);
    assert_eq!(error.known_resolution(), None);
    assert_eq!(error.to_string(), "FUTURE_TYPE:NEW_CODE (418): Something new.");
    let as_error: &dyn std::error::Error = &error;
    assert_eq!(as_error.to_string(), "FUTURE_TYPE:NEW_CODE (418): Something new.");
}

#[test]
fn null_code_and_null_resolution_type_read_as_none() {
    let error = ApiError::from_json(
        br#"{"type": "AUTHENTICATION", "code": null, "description": "x", "resolution": {"type": null}}"#,
    )
    .unwrap();
    assert_eq!(error.code(), None);
    assert_eq!(error.resolution(), None);
    assert_eq!(error.status_code(), None);
    assert_eq!(error.to_string(), "AUTHENTICATION: x");
    let error = ApiError::from_json(br#"{"type": "SERVER", "resolution": null}"#).unwrap();
    assert_eq!(error.to_string(), "SERVER");
}

#[test]
fn an_api_error_serializes_back_to_the_wire_shape() {
    let body = br#"{"type":"SERVER","code":"INTERNAL","description":"d","docURL":"u","statusCode":500,"requestId":"r","resolution":{"type":"RETRY_LATER"},"suggestedUserMessage":"m"}"#;
    let error = ApiError::from_json(body).unwrap();
    let json: serde_json::Value = serde_json::to_value(&error).unwrap();
    assert_eq!(json, serde_json::from_slice::<serde_json::Value>(body).unwrap());
}

#[test]
fn the_documented_example_redirect_is_a_configuration_error() {
    let parsed = parse_dir(&snapshot_dir());
    let redirect = parsed.catalog.connect_errors[0]
        .example_redirect
        .as_deref()
        .unwrap();
    let error = ConnectError::from_redirect_uri(redirect)
        .unwrap()
        .expect("an error redirect");
    assert_eq!(error.known(), Some(ConnectErrorCode::ConfigurationError));
    assert_eq!(error.error(), "configuration_error");
    assert_eq!(error.status_code(), Some(400));
    assert_eq!(
        error.description(),
        Some("There has been an error in the configuration of your application.")
    );
    assert_eq!(
        error.error_message(),
        Some("You have entered a test mode VIN. Please enter a VIN that belongs to a real vehicle.")
    );
    assert_eq!(
        error.to_string(),
        "configuration_error (400): There has been an error in the configuration of your application."
    );
}

#[test]
fn every_synthetic_redirect_reads_back_its_error() {
    let parsed = parse_dir(&fixture_dir("synthetic"));
    for entry in &parsed.catalog.connect_errors {
        let redirect = entry.example_redirect.as_deref().unwrap();
        let error = ConnectError::from_redirect_uri(redirect).unwrap().unwrap();
        assert_eq!(error.error(), entry.error());
        assert_eq!(error.known(), None, "not in the compiled-in catalog");
    }
    let incompatible = parsed
        .catalog
        .connect_errors
        .iter()
        .find(|e| e.error() == "vehicle_incompatible")
        .unwrap();
    let error = ConnectError::from_redirect_uri(incompatible.example_redirect.as_deref().unwrap())
        .unwrap()
        .unwrap();
    assert_eq!(error.description(), Some("The user's vehicle is not compatible."));
    assert_eq!(error.param("model"), Some("Model 3"));
    assert_eq!(error.param("year"), Some("2019"));
    assert_eq!(error.status_code(), None);
}

#[test]
fn redirects_without_an_error_and_malformed_redirects() {
    assert_eq!(
        ConnectError::from_redirect_uri("https://example.com/cb?code=abc&state=1"),
        Ok(None)
    );
    assert_eq!(
        ConnectError::from_redirect_uri("https://example.com/cb"),
        Ok(None)
    );
    assert_eq!(ConnectError::from_redirect_uri(""), Ok(None));
    let bare = ConnectError::from_redirect_uri("error=server_error#fragment=1")
        .unwrap()
        .unwrap();
    assert_eq!(bare.known(), Some(ConnectErrorCode::ServerError));
    assert_eq!(bare.description(), None);
    assert_eq!(
        ConnectError::from_redirect_uri("https://e.com/cb?error=server_error&error=access_denied"),
        Err(RedirectError::DuplicateParameter { name: "error" })
    );
    let bad_status = ConnectError::from_redirect_uri("https://e.com/cb?error=x&status_code=4OO")
        .unwrap()
        .expect("the error is kept");
    assert_eq!(bad_status.error(), "x");
    assert_eq!(bad_status.status_code(), None);
    assert_eq!(
        bad_status.problems(),
        [ParamProblem::Invalid {
            name: "status_code",
            value: "4OO".into(),
            expected: "an HTTP status code (100 to 599)",
        }]
    );
    assert_eq!(
        ConnectError::from_redirect_uri("https://e.com/cb?error=x&error_message=100%"),
        Err(RedirectError::InvalidPercentEncoding { offset: 42 })
    );
    assert_eq!(
        ConnectError::from_redirect_uri("?error="),
        Err(RedirectError::EmptyError)
    );
    assert_eq!(
        bad_status.problems()[0].to_string(),
        "redirect parameter `status_code` is not an HTTP status code (100 to 599): `4OO`"
    );
}

#[test]
fn debug_shows_the_variant_and_serde_the_documented_string() {
    assert_eq!(format!("{:?}", ApiErrorCode::ServerInternal), "ServerInternal");
    assert_eq!(format!("{:?}", Resolution::RetryLater), "RetryLater");
    assert_eq!(format!("{:?}", ConnectErrorCode::ServerError), "ServerError");
    let json = serde_json::to_string(&[ApiErrorCode::ServerInternal]).unwrap();
    assert_eq!(json, r#"["SERVER:INTERNAL"]"#);
    assert_eq!(
        serde_json::to_string(&(
            ErrorType::Server,
            Resolution::RetryLater,
            ConnectErrorCode::ServerError
        ))
        .unwrap(),
        r#"["SERVER","RETRY_LATER","server_error"]"#
    );
    assert_eq!(ErrorType::from_name("SERVER"), Some(ErrorType::Server));
    assert_eq!(ApiErrorCode::from_parts("SERVER", None), None);
}
