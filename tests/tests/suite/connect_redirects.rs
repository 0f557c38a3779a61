//! `Redirect::from_uri` on every documented Connect error, and its rules: what fails a
//! redirect, what only leaves one field `None`, and `Display` that escapes what the redirect
//! sends. The redirects here are synthetic unless they come from the docs snapshot.

use smartcar_errors::{ConnectError, ConnectErrorCode, ParamProblem, Redirect, RedirectError};
use smartcar_errors_shared::text::is_safe;
use smartcar_errors_tests::{parse_dir, snapshot_dir};

/// `text` percent-encoded as a query value: every byte but unreserved ones escaped.
fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => char::from(b).to_string(),
            b => format!("%{b:02X}"),
        })
        .collect()
}

fn read_error(uri: &str) -> ConnectError {
    match Redirect::from_uri(uri) {
        Ok(Redirect::Error(error)) => error,
        other => panic!("{uri}: not an error: {other:?}"),
    }
}

#[test]
fn every_documented_connect_error_reads_back_with_its_documented_parameters() {
    for &code in ConnectErrorCode::ALL {
        let info = code.info();
        let mut uri = format!("https://example.com/callback?state=s1&error={}", code.as_str());
        for parameter in info.parameters {
            let value = match parameter.name {
                "error" => continue,
                "error_description" => encode(info.description()),
                "status_code" => "400".to_owned(),
                name => encode(&format!("{name} of {}", code.as_str())),
            };
            uri.push_str(&format!("&{}={value}", parameter.name));
        }
        let error = read_error(&uri);
        assert_eq!(error.known(), Some(code));
        assert_eq!(error.error(), code.as_str());
        assert_eq!(error.description(), Some(info.description()));
        assert_eq!(error.state(), Some("s1"));
        assert_eq!(error.problems(), []);
        let documents = |name: &str| info.parameters.iter().any(|p| p.name == name);
        assert_eq!(error.status_code(), documents("status_code").then_some(400));
        let message = format!("error_message of {}", code.as_str());
        assert_eq!(
            error.error_message(),
            documents("error_message").then_some(message.as_str())
        );
    }
}

#[test]
fn every_example_redirect_of_the_docs_snapshot_is_a_documented_error() {
    let parsed = parse_dir(&snapshot_dir());
    let mut examples = 0;
    for entry in &parsed.catalog.connect_errors {
        let Some(example) = entry.example_redirect.as_deref() else {
            continue;
        };
        examples += 1;
        let error = read_error(example);
        let known = error.known().expect("a documented error");
        assert_eq!(error.error(), known.as_str());
        assert_eq!(error.description(), Some(known.description()));
        assert_eq!(error.problems(), []);
        // The published Server page shows the Configuration page's example redirect.
        assert_eq!(known, ConnectErrorCode::ConfigurationError, "{}", entry.error());
        assert_eq!(error.status_code(), Some(400));
    }
    assert_eq!(examples, parsed.catalog.connect_errors.len());
}

#[test]
fn a_malformed_optional_parameter_leaves_its_field_none_and_keeps_the_error() {
    let error = read_error(
        "https://example.com/callback?error=configuration_error&error_description=Bad.\
         &status_code=abc&error_message=You%20have%20entered%20a%20test%20mode%20VIN.",
    );
    assert_eq!(error.known(), Some(ConnectErrorCode::ConfigurationError));
    assert_eq!(error.status_code(), None);
    assert_eq!(error.error_message(), Some("You have entered a test mode VIN."));
    assert_eq!(
        error.problems(),
        [ParamProblem::Invalid {
            name: "status_code",
            value: "abc".into(),
            expected: "an HTTP status code (100 to 599)",
        }]
    );
    assert_eq!(
        error.problems()[0].to_string(),
        "redirect parameter `status_code` is not an HTTP status code (100 to 599): `abc`"
    );
    assert_eq!(error.param("status_code"), Some("abc"));

    let incompatible = read_error(
        "/callback?error=vehicle_incompatible&make=TESLA&model=Model%203&year=abc&vin=0SCTEST0000000002",
    );
    let vehicle = incompatible.vehicle().expect("the rest of the vehicle");
    assert_eq!(vehicle.vin(), Some("0SCTEST0000000002"));
    assert_eq!(vehicle.make(), Some("TESLA"));
    assert_eq!(vehicle.model(), Some("Model 3"));
    assert_eq!(vehicle.year(), None);
    assert_eq!(
        incompatible.problems(),
        [ParamProblem::Invalid {
            name: "year",
            value: "abc".into(),
            expected: "a year (1 to 9999)",
        }]
    );
    let redirect = Redirect::from_uri("?error=vehicle_incompatible&year=abc").unwrap();
    assert_eq!(redirect.problems().len(), 1);
    let Redirect::Error(only_a_bad_year) = redirect else {
        panic!("an error")
    };
    assert_eq!(
        only_a_bad_year.vehicle(),
        None,
        "no field of the vehicle could be read"
    );
}

#[test]
fn numbers_are_decimal_digits_in_range() {
    let status = |value: &str| read_error(&format!("?error=x&status_code={value}")).status_code();
    assert_eq!(status("400"), Some(400));
    assert_eq!(status("100"), Some(100));
    assert_eq!(status("599"), Some(599));
    assert_eq!(status("0400"), Some(400));
    for bad in [
        "99", "600", "4OO", "%2B400", "400.0", "%20400", "-400", "70000", "4e2",
    ] {
        assert_eq!(status(bad), None, "{bad}");
    }
    let year = |value: &str| {
        read_error(&format!("?error=vehicle_incompatible&vin=V&year={value}"))
            .vehicle()
            .and_then(|vehicle| vehicle.year())
    };
    assert_eq!(year("2019"), Some(2019));
    assert_eq!(year("1"), Some(1));
    for bad in ["0", "10000", "2019.0", "%2B2019", "MMXIX", "65536"] {
        assert_eq!(year(bad), None, "{bad}");
    }
}

#[test]
fn a_repeated_optional_parameter_is_none_and_reported() {
    let error = read_error("?error=access_denied&error_description=a&error_description=b&state=1&state=2");
    assert_eq!(error.description(), None);
    assert_eq!(error.state(), None);
    assert_eq!(
        error.problems(),
        [
            ParamProblem::Repeated {
                name: "error_description"
            },
            ParamProblem::Repeated { name: "state" },
        ]
    );
    assert_eq!(error.param("error_description"), Some("a"));
    assert_eq!(
        error.problems()[1].to_string(),
        "redirect parameter `state` is given more than once"
    );

    let Ok(Redirect::Authorized(authorization)) = Redirect::from_uri("?code=c&user_id=u1&user_id=u2&state=s")
    else {
        panic!("an authorization")
    };
    assert_eq!(authorization.user_id(), None);
    assert_eq!(authorization.state(), Some("s"));
    assert_eq!(
        authorization.problems(),
        [ParamProblem::Repeated { name: "user_id" }]
    );
}

#[test]
fn empty_values_are_absent() {
    let error = read_error("?error=access_denied&error_description=&state&status_code=");
    assert_eq!(error.description(), None);
    assert_eq!(error.state(), None);
    assert_eq!(error.status_code(), None);
    assert_eq!(error.problems(), []);
}

#[test]
fn what_fails_a_redirect() {
    for (uri, expected) in [
        (
            "?error=x&error_message=100%",
            RedirectError::InvalidPercentEncoding { offset: 26 },
        ),
        (
            "https://e.com/cb?code=c&state=%ZZ",
            RedirectError::InvalidPercentEncoding { offset: 30 },
        ),
        (
            "?code=c&user_id=%FF",
            RedirectError::InvalidUtf8 {
                name: "user_id".into(),
            },
        ),
        (
            "?error=a&error=b",
            RedirectError::DuplicateParameter { name: "error" },
        ),
        ("?error=&code=c", RedirectError::EmptyError),
        ("?error&code=c", RedirectError::EmptyError),
        (
            "?code=a&code=b",
            RedirectError::DuplicateParameter { name: "code" },
        ),
        ("?code=&state=s", RedirectError::MissingCode),
        ("?state=s", RedirectError::MissingCode),
        ("", RedirectError::MissingCode),
    ] {
        assert_eq!(Redirect::from_uri(uri), Err(expected), "{uri}");
    }
    assert_eq!(
        RedirectError::MissingCode.to_string(),
        "the redirect carries neither an `error` nor a `code`"
    );
}

#[test]
fn an_error_wins_over_a_code_and_from_redirect_uri_reads_only_errors() {
    let uri = "?code=c1&code=c2&error=access_denied&state=s";
    let error = read_error(uri);
    assert_eq!(error.error(), "access_denied");
    assert_eq!(error.param("code"), Some("c1"));
    assert_eq!(ConnectError::from_redirect_uri(uri), Ok(Some(error)));

    let redirect = Redirect::from_uri("?code=c&state=s").unwrap();
    assert_eq!(redirect.state(), Some("s"));
    assert_eq!(redirect.problems(), []);
    assert_eq!(redirect.clone().into_result().unwrap().code(), "c");
    assert_eq!(ConnectError::from_redirect_uri("?code=c&state=s"), Ok(None));
    assert_eq!(ConnectError::from_redirect_uri("?state=s"), Ok(None));
    assert_eq!(
        Redirect::from_uri("?error=server_error")
            .unwrap()
            .into_result()
            .unwrap_err()
            .known(),
        Some(ConnectErrorCode::ServerError)
    );
}

#[test]
fn display_escapes_what_could_forge_a_log_line() {
    let error = read_error(
        "?error=access_denied%0Acargo:warning=x&status_code=400\
         &error_description=Denied.%0D%0A%1B[31mINFO%20ok%E2%80%AE",
    );
    let shown = error.to_string();
    assert_eq!(
        shown,
        r"access_denied\ncargo:warning=x (400): Denied.\r\n\u{1b}[31mINFO ok\u{202e}"
    );
    assert!(is_safe(&shown));

    let problem = read_error("?error=x&year=20%0A19").problems()[0].to_string();
    assert_eq!(
        problem,
        r"redirect parameter `year` is not a year (1 to 9999): `20\n19`"
    );
    let utf8 = Redirect::from_uri("?error=x&a%0Ab=%FF").unwrap_err().to_string();
    assert_eq!(utf8, r"redirect parameter `a\nb` is not UTF-8");
}

#[test]
fn debug_output_leaves_out_the_code() {
    let authorization = Redirect::from_uri("?code=secret-code-1&state=s").unwrap();
    let error = Redirect::from_uri("?error=access_denied&code=secret-code-2").unwrap();
    for redirect in [authorization, error] {
        let debug = format!("{redirect:?}");
        assert!(!debug.contains("secret-code"), "{debug}");
        assert!(debug.contains("[redacted]"), "{debug}");
    }
}
