//! Feature `miette`: what an application that reports with miette shows for the documented
//! errors — their code, the page that documents them and what to do — with no glue.

use miette::{Diagnostic, NarratableReportHandler};
use smartcar_errors::{ApiError, ConnectError};
use smartcar_errors_tests::{fence_after, snapshot_dir};

/// The report miette's narratable handler (the one without colors or box drawing) writes.
fn narrated(diagnostic: &dyn Diagnostic) -> String {
    let mut report = String::new();
    NarratableReportHandler::new()
        .render_report(&mut report, diagnostic)
        .unwrap();
    report
}

fn shown(part: Option<Box<dyn std::fmt::Display + '_>>) -> Option<String> {
    part.map(|part| part.to_string())
}

#[test]
fn the_documented_internal_server_error() {
    let page = std::fs::read_to_string(snapshot_dir().join("errors/api-errors/server-errors.md")).unwrap();
    let body = fence_after(&page, "# `INTERNAL`", "json");
    let error = ApiError::from_response(500, [("SC-Request-Id", "5dea93a1")], body.as_bytes());

    assert_eq!(
        shown(Diagnostic::code(&error)).as_deref(),
        Some("SERVER:INTERNAL")
    );
    let url = "https://smartcar.com/docs/errors/api-errors/server-errors#internal";
    assert_eq!(shown(error.url()).as_deref(), Some(url));
    let help = "Please contact us to learn more about the error and our steps to resolve it.";
    assert_eq!(shown(error.help()).as_deref(), Some(help));
    assert_eq!(
        narrated(&error),
        format!(
            "SERVER:INTERNAL (500): An internal Smartcar error has occurred. Our team has been \
             notified and is working to resolve this issue.\n    \
             Diagnostic severity: error\n\
             diagnostic help: {help}\n\
             diagnostic code: SERVER:INTERNAL\n\
             For more details, see:\n\
             {url}\n"
        )
    );

    // Without a `docURL`, the docs give it.
    let error = ApiError::from_response(
        500,
        [("SC-Request-Id", "5dea93a1")],
        br#"{"type": "SERVER", "code": "INTERNAL"}"#,
    );
    assert_eq!(shown(error.url()).as_deref(), Some(url));
}

#[test]
fn a_connect_server_error() {
    let redirect = "https://example.com/callback?error=server_error\
                    &error_description=Unexpected%20server%20error.%20Please%20try%20again.";
    let error = ConnectError::from_redirect_uri(redirect).unwrap().unwrap();

    assert_eq!(shown(error.code()).as_deref(), Some("server_error"));
    let url = "https://smartcar.com/docs/errors/connect-errors/server-error";
    assert_eq!(shown(error.url()).as_deref(), Some(url));
    assert_eq!(
        shown(error.help()),
        None,
        "the Connect pages suggest no resolution"
    );
    assert_eq!(
        narrated(&error),
        format!(
            "server_error: Unexpected server error. Please try again.\n    \
             Diagnostic severity: error\n\
             diagnostic code: server_error\n\
             For more details, see:\n\
             {url}\n"
        )
    );
}

#[test]
fn a_report_carries_the_error_as_it_is() {
    let body = br#"{"type": "RATE_LIMIT", "code": "VEHICLE", "statusCode": 429,
        "description": "You have reached the throttling rate limit for this vehicle.",
        "resolution": {"type": "RETRY_LATER"}}"#;
    let report = miette::Report::new(ApiError::from_response(429, [("Retry-After", "60")], body));
    assert_eq!(shown(report.code()).as_deref(), Some("RATE_LIMIT:VEHICLE"));
    assert_eq!(shown(report.help()).as_deref(), Some("Retry the request later."));
    let error = report.downcast_ref::<ApiError>().unwrap();
    assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(60)));
}
