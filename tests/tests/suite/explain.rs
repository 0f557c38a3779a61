//! `smartcar_errors::explain` over the compiled-in catalog, and `catalog-gen explain` over a
//! docs snapshot: the same lookup rules.

use smartcar_errors::{ApiErrorCode, ConnectErrorCode, Explained, explain};
use smartcar_errors_tests::{fixture_dir, read_docs};

#[test]
fn every_way_of_naming_server_internal_finds_it() {
    for query in [
        "SERVER.INTERNAL",
        "SERVER:INTERNAL",
        "server.internal",
        " INTERNAL ",
        "https://smartcar.com/docs/errors/api-errors/server-errors#internal",
    ] {
        assert_eq!(
            explain(query),
            Ok(Explained::Api(ApiErrorCode::ServerInternal)),
            "{query}"
        );
    }
    for query in [
        "configuration_error",
        "https://smartcar.com/docs/errors/connect-errors/configuration-error/",
    ] {
        assert_eq!(
            explain(query),
            Ok(Explained::Connect(ConnectErrorCode::ConfigurationError)),
            "{query}"
        );
    }
}

#[test]
fn mistyped_names_get_the_closest_suggestions() {
    let error = explain("SERVER.RECORD_NOT_FOND").unwrap_err();
    assert_eq!(error.candidates(), ["SERVER:RECORD_NOT_FOUND"]);
    assert!(!error.is_ambiguous());
    assert_eq!(
        error.to_string(),
        "`SERVER.RECORD_NOT_FOND` is not a documented Smartcar error; did you mean `SERVER:RECORD_NOT_FOUND`?"
    );
    assert_eq!(
        explain("MULTIPLE_RECORD_FOUND").unwrap_err().candidates(),
        ["SERVER:MULTIPLE_RECORDS_FOUND"]
    );
    assert_eq!(explain("server_eror").unwrap_err().candidates(), ["server_error"]);
    let nothing = explain("VEHICLE_ASLEEP_FOREVER").unwrap_err();
    assert_eq!(nothing.candidates(), [] as [String; 0]);
    assert_eq!(
        nothing.to_string(),
        "`VEHICLE_ASLEEP_FOREVER` is not a documented Smartcar error"
    );
}

#[test]
fn an_explanation_prints_what_the_docs_say() {
    assert_eq!(
        explain("SERVER:RECORD_NOT_FOUND").unwrap().to_string(),
        "SERVER:RECORD_NOT_FOUND (HTTP 500)\n\n\
         Smartcar was unable to locate a battery capacity record for this vehicle.\n\n\
         Resolution: CONTACT_SUPPORT\n\n\
         Explanation:\nSmartcar is unable to locate a battery capacity record for this vehicle. Depending on the make of the vehicle, battery capacity may depend on upstream sources to fulfil a request if it is not directly provided by the OEM.\n\n\
         If you’re seeing this error then the OEM doesn’t provide all the data we aim to provide in our response and we were unable to locate this information from other sources.\n\n\
         Suggested resolution:\nPlease reach out to support to see if we are able to update capacity data for the vehicle.\n\n\
         Suggested user message:\nYour car is temporarily unable to connect to <app name>. Please be patient while we’re working to resolve this issue.\n\n\
         Docs: https://smartcar.com/docs/errors/api-errors/server-errors#record-not-found"
    );
    assert_eq!(
        explain("server_error").unwrap().to_string(),
        "server_error (Connect error)\n\nUnexpected server error. Please try again.\n\n\
         If there is a server error, the user will return to your application.\n\n\
         Parameters:\n  error (always sent): server_error\n  error_description (always sent): Unexpected server error. Please try again.\n\n\
         We only show the “Exit” button if a redirect URI is available. If there is a failure before the validation of the redirect URI,  we are unable to include the “Exit” button on the Error page. In those cases, we would not be able to report the status_code and error_message back to the developer, but they will still be available on screen in the Error page.\n\n\
         Docs: https://smartcar.com/docs/errors/connect-errors/server-error"
    );
}

#[test]
fn the_docs_lookup_follows_the_same_rules_and_reports_ambiguity() {
    let docs = read_docs(&fixture_dir("synthetic"));
    // The name is what the explanation's first line starts with.
    let name = |query: &str| {
        docs.explain(query)
            .map(|found| found.split(" (").next().unwrap_or_default().to_owned())
    };
    assert_eq!(name("RATE_LIMIT.VEHICLE"), Ok("RATE_LIMIT:VEHICLE".into()));
    assert_eq!(name("AUTHENTICATION"), Ok("AUTHENTICATION".into()));
    assert_eq!(name("authentication:null"), Ok("AUTHENTICATION".into()));
    assert_eq!(
        name("user_manually_returned_to_application"),
        Ok("user_manually_returned_to_application".into())
    );
    let permission = docs.explain("PERMISSION").unwrap_err();
    assert!(permission.is_ambiguous());
    assert_eq!(
        permission.to_string(),
        "`PERMISSION` names several documented errors: `CONNECTED_SERVICES_ACCOUNT:PERMISSION`, `PERMISSION`"
    );
    let no_vehicles = docs.explain("no_vehicles").unwrap_err();
    assert_eq!(
        no_vehicles.candidates(),
        ["CONNECTED_SERVICES_ACCOUNT:NO_VEHICLES", "no_vehicles"]
    );
    assert_eq!(
        name("RATE_LIMIT"),
        Ok("UPSTREAM:RATE_LIMIT".into()),
        "a type without a null code is no match"
    );
    let asleep = docs.explain("VEHICLE_STATE.ASLEEP").unwrap();
    assert!(
        asleep.starts_with(
            "VEHICLE_STATE:ASLEEP (HTTP 409)\n  documented at errors/api-errors/vehicle-state-errors.md:"
        ),
        "{asleep}"
    );
    assert_eq!(
        name("VEHICLE_STATE.ASLEPE").unwrap_err().to_string(),
        "`VEHICLE_STATE.ASLEPE` is not a documented Smartcar error; did you mean `VEHICLE_STATE:ASLEEP`?"
    );
}
