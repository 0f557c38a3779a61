//! The catalog built from hostile pages (see `smartcar_errors_tests::hostile_catalog`): it
//! compiled, and every string reached it exactly, under names that are valid identifiers.

use catalog_gen::parse_snapshot;
use smartcar_errors::table::{ApiCode, Named};
use smartcar_errors_tests::hostile_catalog::{ApiErrorCode, ConnectErrorCode, ErrorType, Resolution};
use smartcar_errors_tests::{
    assert_api_tables_match, assert_connect_tables_match, fixture_dir, read_snapshot,
};

#[test]
fn every_hostile_string_reaches_the_compiled_tables_exactly() {
    let parsed = parse_snapshot(&read_snapshot(&fixture_dir("hostile-catalog")));
    assert!(!parsed.has_errors(), "{:?}", parsed.diagnostics);
    assert_api_tables_match::<ApiErrorCode>(&parsed.catalog.api_errors);
    assert_connect_tables_match::<ConnectErrorCode>(&parsed.catalog.connect_errors);
}

#[test]
fn keywords_digits_and_hyphens_become_documented_names() {
    assert_eq!(<ErrorType as Named>::ALL, [ErrorType::RType, ErrorType::Self_]);
    assert_eq!(<ErrorType as Named>::NAMES, ["r#type", "self"]);
    assert_eq!(<Resolution as Named>::ALL, [Resolution::Self_, Resolution::Type]);
    assert_eq!(
        <ApiErrorCode as ApiCode>::ALL,
        [
            ApiErrorCode::RTypeNull,
            ApiErrorCode::Self123Start,
            ApiErrorCode::SelfRateLimit
        ]
    );
    assert_eq!(<ConnectErrorCode as Named>::NAMES, ["fn"]);
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
    let parsed = parse_snapshot(&read_snapshot(&fixture_dir("hostile-catalog")));
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
