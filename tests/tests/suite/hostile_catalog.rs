//! The catalog built from hostile pages (see `smartcar_errors_tests::hostile_catalog`): it
//! compiled, and every string reached it exactly, under names that are valid identifiers.

use smartcar_errors_tests::hostile_catalog::{ApiErrorCode, ConnectErrorCode, ErrorType, Resolution};
use smartcar_errors_tests::{assert_catalog_matches, fixture_dir, parse_dir};

#[test]
fn every_hostile_string_reaches_the_compiled_tables_exactly() {
    let parsed = parse_dir(&fixture_dir("hostile-catalog"));
    let warnings: Vec<(&str, bool, u32, u32)> = parsed
        .diagnostics
        .iter()
        .map(|d| (d.id.id(), d.is_error(), d.source.line, d.source.column))
        .collect();
    assert_eq!(
        warnings,
        [
            ("user-message-mismatch", false, 29, 27),
            ("status-mismatch", false, 48, 1),
            ("doc-url-mismatch", false, 55, 13),
            ("example-type-mismatch", false, 75, 11),
        ]
    );
    assert_catalog_matches!(smartcar_errors_tests::hostile_catalog, &parsed.catalog);
}

#[test]
fn keywords_digits_and_hyphens_become_documented_names() {
    assert_eq!(ErrorType::ALL, [ErrorType::RType, ErrorType::Self_]);
    let names: Vec<&str> = ErrorType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(names, ["r#type", "self"]);
    assert_eq!(Resolution::ALL, [Resolution::Self_, Resolution::Type]);
    assert_eq!(
        ApiErrorCode::ALL,
        [
            ApiErrorCode::RTypeNull,
            ApiErrorCode::Self123Start,
            ApiErrorCode::SelfRateLimit
        ]
    );
    assert_eq!(ConnectErrorCode::ALL, [ConnectErrorCode::Fn]);
    assert_eq!(ConnectErrorCode::Fn.as_str(), "fn");
}

#[test]
fn control_and_direction_characters_are_kept_in_the_strings() {
    let info = ApiErrorCode::from_parts("self", Some("123_START"))
        .unwrap()
        .info();
    assert_eq!(
        info.description,
        "Quote \" backslash \\ close */ open /* attr #[x] brace } raw \"# end"
    );
    assert_eq!(info.resolution_url, Some("https://example.com/a?b=1&c=<2>"));
    let parsed = parse_dir(&fixture_dir("hostile-catalog"));
    let entry = parsed
        .catalog
        .api_errors
        .iter()
        .find(|e| e.code.as_deref() == Some("123_START"))
        .unwrap();
    assert_eq!(
        entry.example_user_message.as_deref(),
        Some("Line one\nLine two\twith tab\u{7}bell \u{200f} rlm \u{202e} rlo \u{0} nul")
    );
}
