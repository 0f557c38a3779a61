//! The catalog read from docs-snapshot, every field of every entry, exactly as the docs say.

use std::collections::BTreeMap;

use catalog_gen::{ApiErrorEntry, ConnectErrorEntry, ConnectParameter, Source};
use smartcar_errors_tests::{fence_after, parse_dir, snapshot_dir};

const SERVER_PAGE: &str = "errors/api-errors/server-errors.md";
const USER_MESSAGE: &str = "Your car is temporarily unable to connect to <app name>. Please be patient while we’re working to resolve this issue.";
const BATTERY_INTRO: &str = "Smartcar is unable to locate a battery capacity record for this vehicle. Depending on the make of the vehicle, battery capacity may depend on upstream sources to fulfil a request if it is not directly provided by the OEM.";

fn source(file: &str, line: u32) -> Source {
    Source {
        file: file.into(),
        line,
        column: 1,
    }
}

fn server_entry(code: &str, line: u32) -> ApiErrorEntry {
    let page = std::fs::read_to_string(snapshot_dir().join(SERVER_PAGE)).unwrap();
    ApiErrorEntry {
        error_type: "SERVER".into(),
        code: Some(code.into()),
        status_code: 500,
        description: String::new(),
        doc_url: String::new(),
        resolution: None,
        resolution_url: None,
        suggested_user_message: Some(USER_MESSAGE.into()),
        suggested_resolution: None,
        troubleshooting_steps: None,
        explanation: None,
        example_user_message: Some(USER_MESSAGE.into()),
        example_headers: BTreeMap::new(),
        example: fence_after(&page, &format!("# `{code}`"), "json"),
        page_title: Some("Server Errors".into()),
        page_summary: Some(
            "Thrown when Smartcar runs into an unexpected issue and was unable to process the request."
                .into(),
        ),
        page_url: Some("https://smartcar.com/docs/errors/api-errors/server-errors".into()),
        source: source(SERVER_PAGE, line),
    }
}

#[test]
fn the_snapshot_documents_three_server_codes_with_the_docs_exact_strings() {
    let parsed = parse_dir(&snapshot_dir());
    assert!(!parsed.has_errors(), "{:#?}", parsed.diagnostics);

    let internal = ApiErrorEntry {
        description: "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/server-errors#internal".into(),
        resolution: Some("RETRY_LATER".into()),
        suggested_resolution: Some("Please contact us to learn more about the error and our steps to resolve it.".into()),
        explanation: Some("An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.".into()),
        ..server_entry("INTERNAL", 11)
    };
    let multiple_records_found = ApiErrorEntry {
        description: "Smartcar found multiple battery capacity records for this vehicle.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/server-errors#multiple-records-found".into(),
        resolution: Some("CONTACT_SUPPORT".into()),
        suggested_resolution: Some("For battery capacity errors please check the detail field of the error response for a list of possible options and reach out support if you need us to update the capacity value for a specific vehicle.".into()),
        explanation: Some(format!("{BATTERY_INTRO}\n\nIf you’re seeing this error then the OEM doesn’t provide all the data we aim to provide in our response and we were unable to find a specific match. Please see the error response detail field for possible matches.")),
        ..server_entry("MULTIPLE_RECORDS_FOUND", 67)
    };
    let record_not_found = ApiErrorEntry {
        description: "Smartcar was unable to locate a battery capacity record for this vehicle.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/server-errors#record-not-found".into(),
        resolution: Some("CONTACT_SUPPORT".into()),
        suggested_resolution: Some(
            "Please reach out to support to see if we are able to update capacity data for the vehicle."
                .into(),
        ),
        explanation: Some(format!(
            "{BATTERY_INTRO}\n\nIf you’re seeing this error then the OEM doesn’t provide all the data we aim to provide in our response and we were unable to locate this information from other sources."
        )),
        ..server_entry("RECORD_NOT_FOUND", 38)
    };
    assert_eq!(
        parsed.catalog.api_errors,
        [internal, multiple_records_found, record_not_found]
    );
}

#[test]
fn the_multiple_records_example_keeps_its_tabs_and_detail_array() {
    let parsed = parse_dir(&snapshot_dir());
    let entry = &parsed.catalog.api_errors[1];
    assert!(
        entry
            .example
            .starts_with("{\n\t\"statusCode\": 500,\n\t\"type\": \"SERVER\",\n")
    );
    assert!(
        entry
            .example
            .contains("\t\"detail\": [\n\t\t{\n\t\t\t\"capacities\": [83.9, 83.9, 70.2]\n\t\t}\n\t],\n")
    );
}

fn parameter(name: &str, description: &str) -> ConnectParameter {
    ConnectParameter {
        name: name.into(),
        required: true,
        description: description.into(),
    }
}

const CONFIGURATION_REDIRECT: &str = "https://example.com/callback?error=configuration_error&error_description=There%20has%20been%20an%20error%20in%20the%20configuration%20of%20your%20application.&status_code=400&error_message=You%20have%20entered%20a%20test%20mode%20VIN.%20Please%20enter%20a%20VIN%20that%20belongs%20to%20a%20real%20vehicle.";

#[test]
fn the_snapshot_documents_two_connect_errors_from_their_parameter_tables() {
    let parsed = parse_dir(&snapshot_dir());
    let configuration_error = ConnectErrorEntry {
        parameters: vec![
            parameter("error", "configuration_error"),
            parameter("error_description", "There has been an error in the configuration of your application."),
            parameter("status_code", "The status code of the error encountered in Connect"),
            parameter("error_message", "The error message seen by the user"),
        ],
        title: Some("Configuration".into()),
        summary: Some("This error occurs when the user has encountered an Error page in Connect and has chosen to return to your application.".into()),
        details: Some("On redirect, Connect will return the status code and message of the error that they encountered. This will be triggered if:\n\n\
- A user tried to directly navigate to a page that is past their current step in Connect (ie. going directly from the Preamble screen to the Permission Grants screen by directly going to connect.smartcar.com/grant).\n\
- A user is trying to use Single Select in live mode with a test mode VIN or with a simulated VIN in a non-simulated mode.\n\
- A user is trying to use Single Select with an invalid mock VIN.\n\
- A validation error occurs when trying to check compatibility by VIN.\n\n\
These cases will trigger the following error and give the user the ability to “Exit” Connect.".into()),
        example_redirect: Some(CONFIGURATION_REDIRECT.into()),
        page_url: Some("https://smartcar.com/docs/errors/connect-errors/configuration-error".into()),
        source: source("errors/connect-errors/configuration-error.md", 7),
    };
    // The Server page's code comes from its table; its example redirect shows another error.
    let server_error = ConnectErrorEntry {
        parameters: vec![
            parameter("error", "server_error"),
            parameter("error_description", "Unexpected server error. Please try again."),
        ],
        title: Some("Server".into()),
        summary: Some("If there is a server error, the user will return to your application.".into()),
        details: Some("We only show the “Exit” button if a redirect URI is available. If there is a failure before the validation of the redirect URI,  we are unable to include the “Exit” button on the Error page. In those cases, we would not be able to report the status_code and error_message back to the developer, but they will still be available on screen in the Error page.".into()),
        example_redirect: Some(CONFIGURATION_REDIRECT.into()),
        page_url: Some("https://smartcar.com/docs/errors/connect-errors/server-error".into()),
        source: source("errors/connect-errors/server-error.md", 7),
    };
    assert_eq!(parsed.catalog.connect_errors, [configuration_error, server_error]);
    let [configuration_error, server_error] = &parsed.catalog.connect_errors[..] else {
        panic!("two Connect errors");
    };
    assert_eq!(configuration_error.error(), "configuration_error");
    assert_eq!(
        configuration_error.description(),
        "There has been an error in the configuration of your application."
    );
    assert_eq!(server_error.error(), "server_error");
    assert_eq!(
        server_error.description(),
        "Unexpected server error. Please try again."
    );
}

#[test]
fn the_only_finding_in_the_snapshot_is_the_server_pages_redirect() {
    let parsed = parse_dir(&snapshot_dir());
    let findings: Vec<String> = parsed.diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(
        findings,
        [
            "warning[redirect-mismatch]: errors/connect-errors/server-error.md:15:2: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`"
        ]
    );
}

#[test]
fn the_dump_json_has_the_contract_field_names() {
    let parsed = parse_dir(&snapshot_dir());
    let json = serde_json::to_value(&parsed.catalog).unwrap();
    let internal = &json["api_errors"][0];
    assert_eq!(internal["type"], "SERVER");
    assert_eq!(internal["code"], "INTERNAL");
    assert_eq!(internal["status_code"], 500);
    assert_eq!(
        internal["doc_url"],
        "https://smartcar.com/docs/errors/api-errors/server-errors#internal"
    );
    assert_eq!(internal["resolution"], "RETRY_LATER");
    assert_eq!(internal["suggested_user_message"], USER_MESSAGE);
    assert_eq!(internal["source"], "errors/api-errors/server-errors.md:11:1");
    let server_error = &json["connect_errors"][1];
    assert_eq!(server_error["error"], "server_error");
    assert_eq!(
        server_error["description"],
        "Unexpected server error. Please try again."
    );
    assert_eq!(server_error["parameters"][1]["name"], "error_description");
    assert_eq!(server_error["parameters"][1]["required"], true);
    assert_eq!(
        server_error["source"],
        "errors/connect-errors/server-error.md:7:1"
    );
    // The model reads back from its own JSON.
    let back: catalog_gen::Catalog = serde_json::from_value(json).unwrap();
    assert_eq!(back, parsed.catalog);
}
