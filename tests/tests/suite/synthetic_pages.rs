//! Each synthetic page (tests/fixtures/synthetic, written for these tests) parses into exactly
//! the values written in it. The pages cover the variations of the published docs that the
//! seed pages do not show.

use std::collections::BTreeMap;

use catalog_gen::{ApiErrorEntry, ConnectErrorEntry, ConnectParameter, Source};
use smartcar_errors_tests::{Parsed, diagnostic_ids, fence_after, synthetic_page};

/// What every entry of one API page shares.
struct ApiPage {
    path: &'static str,
    text: String,
    parsed: Parsed,
    title: &'static str,
    summary: &'static str,
}

impl ApiPage {
    fn read(name: &str, title: &'static str, summary: &'static str) -> ApiPage {
        let path: &'static str = Box::leak(format!("errors/api-errors/{name}.md").into_boxed_str());
        let (text, parsed) = synthetic_page(path);
        ApiPage {
            path,
            text,
            parsed,
            title,
            summary,
        }
    }

    fn url(&self) -> String {
        format!("https://smartcar.com/docs/{}", self.path.trim_end_matches(".md"))
    }

    /// An entry with this page's facts, the given identity, and no optional text; its source
    /// is the line of its heading.
    fn entry(&self, error_type: &str, code: Option<&str>, status: u16) -> ApiErrorEntry {
        let heading = format!("# `{}`", code.unwrap_or("NULL"));
        let line = line_of(&self.text, &heading);
        ApiErrorEntry {
            error_type: error_type.into(),
            code: code.map(Into::into),
            status_code: status,
            description: String::new(),
            doc_url: String::new(),
            resolution: None,
            resolution_url: None,
            suggested_user_message: None,
            suggested_resolution: None,
            troubleshooting_steps: None,
            explanation: None,
            example_user_message: None,
            example_headers: BTreeMap::new(),
            example: fence_after(&self.text, &heading, "json"),
            page_title: Some(self.title.into()),
            page_summary: Some(self.summary.into()),
            page_url: Some(self.url()),
            source: Source {
                file: self.path.into(),
                line,
                column: 1,
            },
        }
    }
}

/// The 1-based number of the first line that is exactly `line`, or that starts with it
/// when it ends in `…`.
fn line_of(text: &str, line: &str) -> u32 {
    let (needle, prefix) = match line.strip_suffix('…') {
        Some(prefix) => (prefix, true),
        None => (line, false),
    };
    let index = text
        .lines()
        .position(|l| {
            if prefix {
                l.trim_start().starts_with(needle)
            } else {
                l == needle
            }
        })
        .unwrap_or_else(|| panic!("no line `{line}`"));
    u32::try_from(index + 1).unwrap()
}

fn some(text: &str) -> Option<String> {
    Some(text.to_owned())
}

#[test]
fn null_heading_with_lowercase_sections_and_a_multi_line_user_message() {
    let page = ApiPage::read(
        "authentication-errors",
        "Authentication Errors",
        "Returned when Smartcar cannot authenticate a request.",
    );
    let expected = ApiErrorEntry {
        description: "The request could not be authenticated. Check the access token.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/authentication-errors#null".into(),
        resolution: some("REAUTHENTICATE"),
        suggested_user_message: some("Please reconnect your vehicle to <app name>."),
        suggested_resolution: some("Refresh the access token, or send the user through Connect again."),
        troubleshooting_steps: some(
            "- Check that the header reads Authorization: Bearer <token>.\n- Check that the token has not expired.",
        ),
        explanation: some("The access token in the Authorization header is missing, malformed or expired."),
        example_user_message: some("Please reconnect your vehicle to <app name>."),
        ..page.entry("AUTHENTICATION", None, 401)
    };
    assert_eq!(page.parsed.catalog.api_errors, [expected]);
    assert_eq!(diagnostic_ids(&page.parsed), []);
}

#[test]
fn bold_pseudo_headings_br_separators_and_titled_fences() {
    let page = ApiPage::read(
        "billing-errors",
        "Billing Errors",
        "Returned when a request goes beyond what the application's plan allows.",
    );
    let invalid_plan = ApiErrorEntry {
        description: "The application's plan does not include this feature.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/billing-errors#invalid-plan".into(),
        resolution: some("CONTACT_SUPPORT"),
        troubleshooting_steps: some("Check which features the plan includes in the dashboard."),
        explanation: some("The plan in use does not include this endpoint."),
        ..page.entry("BILLING", Some("INVALID_PLAN"), 402)
    };
    let vehicle_limit = ApiErrorEntry {
        description: "The application has reached the number of vehicles its plan allows.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/billing-errors#vehicle-limit".into(),
        resolution: some("FINANCE"),
        suggested_user_message: some("<app name> cannot connect more vehicles right now."),
        troubleshooting_steps: some(
            "Disconnect vehicles the application no longer needs, or move to a larger plan.",
        ),
        explanation: some("The application has connected more vehicles than its plan allows."),
        example_user_message: some("<app name> cannot connect more vehicles right now."),
        ..page.entry("BILLING", Some("VEHICLE_LIMIT"), 402)
    };
    let vehicle_request_limit = ApiErrorEntry {
        description: "The vehicle has reached its monthly request limit.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/billing-errors#vehicle-request-limit".into(),
        resolution: some("FINANCE"),
        suggested_user_message: some(
            "This vehicle has made too many requests this month. Please try again later.",
        ),
        troubleshooting_steps: some(
            "Wait for the next billing period, or ask about a plan with more requests.",
        ),
        explanation: some("The vehicle has received more requests this month than the plan allows."),
        ..page.entry("BILLING", Some("VEHICLE_REQUEST_LIMIT"), 402)
    };
    assert_eq!(
        page.parsed.catalog.api_errors,
        [invalid_plan, vehicle_limit, vehicle_request_limit]
    );
    // A code without a user message is null in the model and named by the lint.
    assert_eq!(
        diagnostic_ids(&page.parsed),
        [(
            "warning".into(),
            "missing-section",
            line_of(&page.text, "# `INVALID_PLAN`")
        )]
    );
}

#[test]
fn spaced_keys_trailing_blanks_and_whitespace_lines_without_rules() {
    let page = ApiPage::read(
        "compatibility-errors",
        "Compatibility Errors",
        "Returned when a vehicle cannot do what was asked of it.",
    );
    let make = ApiErrorEntry {
        description: "Smartcar does not support this make for this endpoint.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/compatibility-errors#make-not-compatible"
            .into(),
        suggested_user_message: some("Your vehicle does not support this feature."),
        suggested_resolution: some("Check compatibility before calling the endpoint."),
        explanation: some("Smartcar does not support this make for the requested endpoint."),
        ..page.entry("COMPATIBILITY", Some("MAKE_NOT_COMPATIBLE"), 501)
    };
    let vehicle = ApiErrorEntry {
        description: "The vehicle is not capable of this request.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/compatibility-errors#vehicle-not-capable"
            .into(),
        suggested_user_message: some("Your vehicle does not support this feature."),
        suggested_resolution: some("Hide the feature for this vehicle."),
        explanation: some("The vehicle lacks the hardware or software for this request."),
        example_user_message: some("Your vehicle does not support this feature."),
        ..page.entry("COMPATIBILITY", Some("VEHICLE_NOT_CAPABLE"), 501)
    };
    assert!(
        make.example
            .contains("\"resolution\" : { \"type\" : null }\n   \n}\n")
    );
    assert!(vehicle.example.contains("\n\t\n}\n"));
    assert_eq!(page.parsed.catalog.api_errors, [make, vehicle]);
    assert_eq!(diagnostic_ids(&page.parsed), []);
}

#[test]
fn null_resolution_resolution_url_info_html_and_doc_urls_as_written() {
    let page = ApiPage::read(
        "connected-services-account-errors",
        "Connected Services Account Errors",
        "Returned when something in the owner's connected services account needs attention.",
    );
    let doc_url = |anchor: &str| {
        format!("https://smartcar.com/docs/errors/api-errors/connected-service-errors#{anchor}")
    };
    let account_issue = ApiErrorEntry {
        description: "Action needed in the owner's connected services account.".into(),
        doc_url: doc_url("account-issue"),
        suggested_user_message: some(
            "Please log in to your connected services app and finish any outstanding tasks.",
        ),
        suggested_resolution: some(
            "Ask the owner to log in to the maker's app and complete what it asks for.",
        ),
        troubleshooting_steps: some(
            "1. Log in to the maker's app or portal.\n2. Trigger an action on the car, such as locking the doors.",
        ),
        explanation: some(
            "The owner has a task to finish in their connected services account.\n\nExamples:\n\n\
             - Accepting new terms of service.\n- Finishing the account's activation.\n\n\
             These errors come from the vehicle maker's account, not from Smartcar:\n\n\
             - the owner must act in the maker's app,\n- or on the maker's web portal.",
        ),
        example_user_message: some(
            "Please log in to your connected services app and finish any outstanding tasks.",
        ),
        ..page.entry("CONNECTED_SERVICES_ACCOUNT", Some("ACCOUNT_ISSUE"), 400)
    };
    let authentication_failed = ApiErrorEntry {
        description: "Smartcar could not authenticate with the owner's connected services account.".into(),
        doc_url: doc_url("authentication-failed"),
        resolution: some("REAUTHENTICATE"),
        resolution_url: some(
            "https://connect.smartcar.com/oauth/reauthenticate?response_type=vehicle_id&client_id=8229df9f&vehicle_id=sc4a1b01e5",
        ),
        suggested_user_message: some("Please reconnect your vehicle to <app name>."),
        suggested_resolution: some("Send the owner to the URL in the resolution to log in again."),
        explanation: some("Smartcar could not log in to the connected services account."),
        example_user_message: some("Please reconnect your vehicle to <app name>."),
        ..page.entry("CONNECTED_SERVICES_ACCOUNT", Some("AUTHENTICATION_FAILED"), 400)
    };
    let no_vehicles = ApiErrorEntry {
        description: "The connected services account has no vehicles.".into(),
        doc_url: doc_url("no-vehicles"),
        resolution: some("CONTACT_SUPPORT"),
        suggested_user_message: some("We could not find a vehicle in your connected services account."),
        suggested_resolution: some("Ask the owner to add the vehicle to their account."),
        explanation: some("The account lists no vehicles."),
        ..page.entry("CONNECTED_SERVICES_ACCOUNT", Some("NO_VEHICLES"), 400)
    };
    let permission = ApiErrorEntry {
        description: "The owner's account does not permit this action.".into(),
        doc_url: doc_url("permission"),
        resolution: some("ACTION_REQUIRED"),
        suggested_user_message: some("Please ask the vehicle's primary account holder for access."),
        suggested_resolution: some("Ask the primary account holder to grant access."),
        explanation: some("The account does not allow the requested action."),
        ..page.entry("CONNECTED_SERVICES_ACCOUNT", Some("PERMISSION"), 400)
    };
    assert_eq!(
        page.parsed.catalog.api_errors,
        [account_issue, authentication_failed, no_vehicles, permission]
    );
    // The docURLs name another page than this one: kept as written, reported by the lint.
    let lines: Vec<u32> = page
        .parsed
        .diagnostics
        .iter()
        .inspect(|d| assert_eq!(d.id.id(), "doc-url-mismatch"))
        .map(|d| d.source.line)
        .collect();
    let doc_url_lines: Vec<u32> = [
        "account-issue",
        "authentication-failed",
        "no-vehicles",
        "permission",
    ]
    .iter()
    .map(|anchor| line_of(&page.text, &format!("\"docURL\": \"{}…", doc_url(anchor))))
    .collect();
    assert_eq!(lines, doc_url_lines);
}

#[test]
fn permission_null_code_with_a_warning_component() {
    let page = ApiPage::read(
        "permission-errors",
        "Permission Errors",
        "Returned when the access token lacks the permission an endpoint needs.",
    );
    let expected = ApiErrorEntry {
        description: "The access token lacks a permission this endpoint requires.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/permission-errors#null".into(),
        resolution: some("ACTION_REQUIRED"),
        suggested_user_message: some("Please grant <app name> the permissions it asks for."),
        suggested_resolution: some(
            "Send the owner through Connect with the missing permission in the scope.",
        ),
        explanation: some(
            "The token was granted without the permission this endpoint requires.\n\n\
             Asking for more permissions sends the owner through Connect again.",
        ),
        example_user_message: some("Please grant <app name> the permissions it asks for."),
        ..page.entry("PERMISSION", None, 403)
    };
    assert_eq!(page.parsed.catalog.api_errors, [expected]);
    assert_eq!(diagnostic_ids(&page.parsed), []);
}

#[test]
fn a_troubleshooting_tip_beside_the_suggested_resolution() {
    let page = ApiPage::read(
        "rate-limit-errors",
        "Rate Limit Errors",
        "Returned when requests come faster than Smartcar allows.",
    );
    let busy = "Your vehicle is busy. Please try again in a few minutes.";
    let smartcar_api = ApiErrorEntry {
        description: "The application has exceeded its rate limit.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/rate-limit-errors#smartcar-api".into(),
        resolution: some("RETRY_LATER"),
        suggested_user_message: some(busy),
        suggested_resolution: some("Back off and retry later, with fewer automatic retries."),
        troubleshooting_steps: some("If the limit seems wrong, contact support with the requestId."),
        explanation: some("The application sent more requests than its limit allows."),
        example_user_message: some(busy),
        ..page.entry("RATE_LIMIT", Some("SMARTCAR_API"), 429)
    };
    let vehicle = ApiErrorEntry {
        description: "The vehicle's rate limit has been reached. See the retry-after header.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/rate-limit-errors#vehicle".into(),
        resolution: some("RETRY_LATER"),
        suggested_user_message: some(busy),
        suggested_resolution: some("Wait for the number of seconds in retry-after."),
        explanation: some(
            "This vehicle received more requests than it can answer. The retry-after header says when to try again.",
        ),
        example_user_message: some(busy),
        ..page.entry("RATE_LIMIT", Some("VEHICLE"), 429)
    };
    assert_eq!(page.parsed.catalog.api_errors, [smartcar_api, vehicle]);
    assert_eq!(diagnostic_ids(&page.parsed), []);
}

#[test]
fn codes_without_a_user_message_or_a_resolution_are_null_not_a_neighbours_text() {
    let page = ApiPage::read(
        "resource-not-found-errors",
        "Resource Not Found Errors",
        "Returned when the requested path or version does not exist.",
    );
    let path = ApiErrorEntry {
        description: "The requested path does not exist.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/resource-not-found-errors#path".into(),
        suggested_resolution: some("Check the path against the API reference."),
        explanation: some("The path of the request matches no endpoint."),
        ..page.entry("RESOURCE_NOT_FOUND", Some("PATH"), 404)
    };
    let version = ApiErrorEntry {
        description: "The requested API version does not exist.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/resource-not-found-errors#version".into(),
        suggested_user_message: some("Something went wrong. Please update <app name>."),
        explanation: some("The version in the path is not one Smartcar serves."),
        ..page.entry("RESOURCE_NOT_FOUND", Some("VERSION"), 404)
    };
    assert_eq!(page.parsed.catalog.api_errors, [path, version]);
    assert_eq!(
        diagnostic_ids(&page.parsed),
        [
            (
                "warning".into(),
                "missing-section",
                line_of(&page.text, "# `PATH`")
            ),
            (
                "warning".into(),
                "missing-section",
                line_of(&page.text, "# `VERSION`")
            )
        ]
    );
}

#[test]
fn a_code_named_like_a_type_and_tabs_components() {
    let page = ApiPage::read(
        "upstream-errors",
        "Upstream Errors",
        "Returned when the vehicle maker's servers or the vehicle fail to answer.",
    );
    let unable = "Your car is temporarily unable to connect to <app name>.";
    let no_response = ApiErrorEntry {
        description: "An upstream source did not respond.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/upstream-errors#no-response".into(),
        resolution: some("RETRY_LATER"),
        suggested_user_message: some(unable),
        suggested_resolution: some("Retry later."),
        explanation: some(
            "An upstream source did not answer in time.\n\n\
             The maker's servers are down, or the vehicle has weak reception.",
        ),
        example_user_message: some(unable),
        ..page.entry("UPSTREAM", Some("NO_RESPONSE"), 502)
    };
    let rate_limit = ApiErrorEntry {
        description: "The vehicle maker's rate limit for this vehicle has been reached.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/upstream-errors#rate-limit".into(),
        resolution: some("RETRY_LATER"),
        suggested_user_message: some(unable),
        suggested_resolution: some("Make fewer requests to this vehicle."),
        explanation: some("The maker's servers limited the requests for this vehicle."),
        example_user_message: some(unable),
        ..page.entry("UPSTREAM", Some("RATE_LIMIT"), 429)
    };
    assert_eq!(page.parsed.catalog.api_errors, [no_response, rate_limit]);
    assert_eq!(
        diagnostic_ids(&page.parsed),
        [(
            "warning".into(),
            "status-mismatch",
            line_of(&page.text, "# `NO_RESPONSE`")
        )]
    );
}

#[test]
fn a_user_message_with_a_list_and_a_link_that_differs_from_the_example() {
    let page = ApiPage::read(
        "validation-errors",
        "Validation Errors",
        "Returned when a request is malformed.",
    );
    let null = ApiErrorEntry {
        description: "The request failed validation.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/validation-errors#null".into(),
        suggested_user_message: some(
            "Something went wrong. You can:\n\n- try again in a moment, or\n- read the status page for outages.",
        ),
        suggested_resolution: some("Fix the request as the description says."),
        explanation: some("The request body or query failed validation."),
        // Both versions of the message are kept.
        example_user_message: some("Something went wrong on our side."),
        ..page.entry("VALIDATION", None, 400)
    };
    let parameter = ApiErrorEntry {
        description: "A request parameter is invalid.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/validation-errors#parameter".into(),
        suggested_resolution: some("Check the detail array for the parameter at fault."),
        explanation: some("A parameter is missing or has the wrong type."),
        ..page.entry("VALIDATION", Some("PARAMETER"), 400)
    };
    assert_eq!(page.parsed.catalog.api_errors, [null, parameter]);
    assert_eq!(
        diagnostic_ids(&page.parsed),
        [
            (
                "warning".into(),
                "user-message-mismatch",
                line_of(
                    &page.text,
                    "\"suggestedUserMessage\": \"Something went wrong on our side.\"…"
                )
            ),
            (
                "warning".into(),
                "missing-section",
                line_of(&page.text, "# `PARAMETER`")
            )
        ]
    );
}

#[test]
fn note_components_tab_indented_json_and_detail_arrays() {
    let page = ApiPage::read(
        "vehicle-state-errors",
        "Vehicle State Errors",
        "Returned when the vehicle is in a state that prevents the request.",
    );
    let asleep = ApiErrorEntry {
        description: "The vehicle is asleep and cannot answer.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/vehicle-state-errors#asleep".into(),
        resolution: some("RETRY_LATER"),
        suggested_user_message: some("Your car is asleep. Start it and try again."),
        suggested_resolution: some("Retry after the vehicle has been driven."),
        explanation: some(
            "The vehicle is in a deep sleep to save its 12V battery.\n\nStarting the vehicle wakes it up.",
        ),
        example_user_message: some("Your car is asleep. Start it and try again."),
        ..page.entry("VEHICLE_STATE", Some("ASLEEP"), 409)
    };
    let charge_fault = ApiErrorEntry {
        description: "The vehicle's charger reported a fault.".into(),
        doc_url: "https://smartcar.com/docs/errors/api-errors/vehicle-state-errors#charge-fault".into(),
        resolution: some("CONTACT_SUPPORT"),
        suggested_user_message: some("There is a problem with your charger."),
        suggested_resolution: some("Check the charger and cable."),
        explanation: some("The charger reported a fault."),
        ..page.entry("VEHICLE_STATE", Some("CHARGE_FAULT"), 409)
    };
    assert_eq!(page.parsed.catalog.api_errors, [asleep, charge_fault]);
    assert_eq!(diagnostic_ids(&page.parsed), []);
}

fn connect_page(name: &str) -> (String, Parsed) {
    synthetic_page(&format!("errors/connect-errors/{name}.md"))
}

fn parameter(name: &str, required: bool, description: &str) -> ConnectParameter {
    ConnectParameter {
        name: name.into(),
        required,
        description: description.into(),
    }
}

fn connect_entry(
    name: &str,
    error: &str,
    description: &str,
    title: &str,
    summary: &str,
) -> ConnectErrorEntry {
    ConnectErrorEntry {
        parameters: vec![
            parameter("error", true, error),
            parameter("error_description", true, description),
        ],
        title: some(title),
        summary: some(summary),
        details: None,
        example_redirect: None,
        page_url: Some(format!("https://smartcar.com/docs/errors/connect-errors/{name}")),
        source: Source {
            file: format!("errors/connect-errors/{name}.md"),
            line: 9,
            column: 1,
        },
    }
}

#[test]
fn connect_table_with_backticks_and_a_plus_encoded_redirect() {
    let (_, parsed) = connect_page("access-denied");
    let expected = ConnectErrorEntry {
        details: some("Testing\n\nChoose \"Deny access\" on the permissions screen in test mode."),
        example_redirect: some(
            "https://example.com/home?error=access_denied&error_description=User+denied+access+to+application.&state=0facda3319",
        ),
        ..connect_entry(
            "access-denied",
            "access_denied",
            "User denied access to application.",
            "Access Denied",
            "Sent when the owner declines to grant the requested permissions.",
        )
    };
    assert_eq!(parsed.catalog.connect_errors, [expected]);
    assert_eq!(diagnostic_ids(&parsed), []);
}

#[test]
fn four_column_table_with_escapes_and_a_test_table_after_it() {
    let (_, parsed) = connect_page("invalid-subscription");
    let expected = ConnectErrorEntry {
        details: some(
            "Connect offers to take the owner to the maker's site to renew the subscription.\n\n\
             Email | VIN\nsubscription@example.com | 0SCTEST0000000001",
        ),
        example_redirect: some(
            "https://example.com/callback?error=invalid_subscription&error_description=User%20does%20not%20have%20an%20active%20connected%20vehicle%20subscription.",
        ),
        ..connect_entry(
            "invalid-subscription",
            "invalid_subscription",
            "User does not have an active connected vehicle subscription.",
            "Invalid Subscription",
            "Sent when the vehicle is compatible but its connected services subscription is inactive.",
        )
    };
    assert_eq!(parsed.catalog.connect_errors, [expected]);
    assert_eq!(diagnostic_ids(&parsed), []);
}

#[test]
fn escaped_names_and_a_redirect_without_status_or_message() {
    let (_, parsed) = connect_page("no-vehicles");
    let expected = ConnectErrorEntry {
        details: some("The owner can add a vehicle in the maker's app, or go back to your application."),
        example_redirect: some(
            "https://example.com/callback?error=no_vehicles&error_description=No%20vehicles%20found.%20Please%20add%20vehicles%20to%20your%20account%20and%20try%20again.",
        ),
        ..connect_entry(
            "no-vehicles",
            "no_vehicles",
            "No vehicles found. Please add vehicles to your account and try again.",
            "No Vehicles",
            "Sent when the connected services account has no vehicles.",
        )
    };
    assert_eq!(parsed.catalog.connect_errors, [expected]);
    assert_eq!(diagnostic_ids(&parsed), []);
}

#[test]
fn optional_parameters_in_an_aligned_table() {
    let (_, parsed) = connect_page("vehicle-incompatible");
    let mut expected = ConnectErrorEntry {
        details: some(
            "A compatible vehicle must:\n\n- have a cellular connection, and\n\
             - support the permissions your application asks for.",
        ),
        example_redirect: some(
            "https://example.com/callback?error=vehicle_incompatible&error_description=The%20user%27s%20vehicle%20is%20not%20compatible.&make=TESLA&model=Model%203&year=2019&vin=0SCTEST0000000002",
        ),
        ..connect_entry(
            "vehicle-incompatible",
            "vehicle_incompatible",
            "The user's vehicle is not compatible.",
            "Vehicle Incompatible",
            "Sent when the owner tries to connect a vehicle Smartcar cannot serve.",
        )
    };
    expected.parameters.extend([
        parameter("make", false, "The manufacturer of the vehicle."),
        parameter("model", false, "The model of the vehicle."),
        parameter("year", false, "The model year of the vehicle."),
        parameter("vin", false, "The VIN of the vehicle."),
    ]);
    assert_eq!(parsed.catalog.connect_errors, [expected]);
    assert_eq!(diagnostic_ids(&parsed), []);
}

#[test]
fn an_error_named_unlike_its_page_file() {
    let (_, parsed) = connect_page("returned-to-application");
    let expected = ConnectErrorEntry {
        example_redirect: some("https://example.com/callback?error=user_manually_returned_to_application"),
        ..connect_entry(
            "returned-to-application",
            "user_manually_returned_to_application",
            "The user exited Connect before granting your application access",
            "Returned to Application",
            "Sent when the owner leaves Connect before granting access.",
        )
    };
    assert_eq!(parsed.catalog.connect_errors, [expected]);
    assert_eq!(diagnostic_ids(&parsed), []);
}

#[test]
fn the_whole_synthetic_snapshot_generates_without_name_collisions() {
    let docs = smartcar_errors_tests::read_docs(&smartcar_errors_tests::fixture_dir("synthetic"));
    let code = docs.rust_source().unwrap();
    assert_eq!(docs.catalog().api_errors.len(), 21);
    assert_eq!(docs.catalog().connect_errors.len(), 5);
    // Each variant is a line of its enum: `    Name = discriminant,`.
    let variants: Vec<&str> = code
        .lines()
        .filter_map(|line| line.strip_prefix("    ")?.split_once(" = "))
        .filter(|(name, value)| name.starts_with(char::is_uppercase) && value.ends_with(','))
        .map(|(name, _)| name)
        .collect();
    for variant in [
        "PermissionNull",
        "ConnectedServicesAccountPermission",
        "RateLimit",
        "UpstreamRateLimit",
        "ConnectedServicesAccountNoVehicles",
        "NoVehicles",
        "AuthenticationNull",
        "ValidationNull",
        "UserManuallyReturnedToApplication",
    ] {
        assert!(
            variants.contains(&variant),
            "no variant {variant} in {variants:?}"
        );
    }
}
