//! Hostile pages (tests/fixtures/hostile, plus large ones built here): each gives exactly the
//! diagnostics asserted, or a correct result; never a panic, never a silently dropped code.

use catalog_gen::{Docs, Error, Style};
use smartcar_errors_tests::{Parsed, fixture_dir, parse_dir, parse_page, read_docs};

/// The parse of one hostile fixture page, by its file name; every diagnostic names that file.
fn hostile(name: &str) -> Parsed {
    let bytes = std::fs::read(fixture_dir("hostile").join(name)).unwrap();
    let parsed = parse_page(name, &bytes);
    for diagnostic in &parsed.diagnostics {
        assert_eq!(diagnostic.source.file, name, "{diagnostic}");
    }
    parsed
}

/// `(id, line, column, message)` of every diagnostic.
fn findings(parsed: &Parsed) -> Vec<(&'static str, u32, u32, &str)> {
    parsed
        .diagnostics
        .iter()
        .map(|d| (d.id.id(), d.source.line, d.source.column, d.message.as_str()))
        .collect()
}

/// Only the errors, as `(id, line, column, message)`.
fn errors(parsed: &Parsed) -> Vec<(&'static str, u32, u32, &str)> {
    parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| (d.id.id(), d.source.line, d.source.column, d.message.as_str()))
        .collect()
}

#[test]
fn invalid_json_names_the_position_of_the_problem() {
    let parsed = hostile("invalid-json.md");
    assert_eq!(
        findings(&parsed),
        [(
            "invalid-json",
            10,
            1,
            "the JSON example is not valid JSON: trailing comma"
        )]
    );
    assert!(parsed.catalog.api_errors.is_empty());
}

#[test]
fn a_code_without_an_example_is_an_error_and_its_neighbours_survive() {
    let parsed = hostile("missing-example.md");
    assert_eq!(
        errors(&parsed),
        [(
            "missing-example",
            9,
            1,
            "`NO_EXAMPLE` has no JSON example, so its type and status are unknown"
        )]
    );
    let codes: Vec<_> = parsed
        .catalog
        .api_errors
        .iter()
        .map(|e| e.code.as_deref())
        .collect();
    assert_eq!(codes, [Some("FIRST"), Some("LAST")]);
    // The message below the bad heading does not leak into a neighbour.
    assert!(
        parsed
            .catalog
            .api_errors
            .iter()
            .all(|e| e.suggested_user_message.is_none())
    );
}

#[test]
fn non_utf8_bytes_are_located() {
    assert_eq!(
        findings(&hostile("non-utf8.md")),
        [("invalid-utf8", 5, 18, "the page is not valid UTF-8 (byte 0xE9)")]
    );
}

#[test]
fn an_empty_file_and_a_page_without_codes_document_nothing() {
    let nothing = "the page documents no errors: it has no code headings and no Parameter table";
    for name in ["empty.md", "no-codes.md"] {
        let parsed = hostile(name);
        assert_eq!(findings(&parsed), [("no-codes", 1, 1, nothing)], "{name}");
        assert_eq!(parsed.catalog, catalog_gen::Catalog::default());
    }
}

#[test]
fn every_wrong_field_type_is_reported_at_its_value() {
    assert_eq!(
        findings(&hostile("wrong-types.md")),
        [
            ("invalid-example", 7, 11, "`type` must be a string"),
            ("invalid-example", 8, 11, "`code` must be a string or null"),
            ("invalid-example", 9, 18, "`description` must be a string"),
            ("invalid-example", 10, 13, "`docURL` must be a string"),
            ("invalid-example", 11, 17, "`statusCode` must be a number"),
            (
                "invalid-example",
                12,
                17,
                "`resolution` must be an object or null"
            ),
            (
                "invalid-example",
                13,
                27,
                "`suggestedUserMessage` must be a string or null"
            ),
        ]
    );
}

#[test]
fn statuses_outside_http_are_rejected() {
    assert_eq!(
        errors(&hostile("out-of-range-status.md")),
        [
            (
                "invalid-example",
                6,
                88,
                "`statusCode` 70000 is not an HTTP status code"
            ),
            (
                "invalid-example",
                12,
                89,
                "`statusCode` 500.5 is not an HTTP status code"
            ),
        ]
    );
}

#[test]
fn a_page_cannot_be_both_kinds() {
    assert_eq!(
        errors(&hostile("mixed.md")),
        [(
            "mixed-page",
            8,
            1,
            "the page has both code headings and a Connect parameter table"
        )]
    );
}

#[test]
fn bad_parameter_rows_are_each_reported() {
    assert_eq!(
        findings(&hostile("bad-parameters.md")),
        [
            (
                "missing-parameter",
                5,
                1,
                "the parameter table has no `error` row naming the error"
            ),
            (
                "invalid-parameter",
                7,
                24,
                "parameter `error_description`: Required must be `true` or `false`, not `maybe`"
            ),
            ("invalid-parameter", 8, 19, "parameter `state` has no description"),
        ]
    );
}

#[test]
fn unclosed_markup_stays_text_and_an_unclosed_fence_hides_no_code() {
    let parsed = hostile("unclosed-markup.md");
    assert_eq!(errors(&parsed), []);
    let [entry] = parsed.catalog.api_errors.as_slice() else {
        panic!("{:?}", parsed.catalog)
    };
    assert_eq!(entry.code.as_deref(), Some("UNCLOSED"));
    assert_eq!(entry.description, "<Tip> stays text </Frame>");
    assert_eq!(entry.explanation.as_deref(), Some("An unclosed note with a link"));
    assert_eq!(
        entry.suggested_user_message.as_deref(),
        Some(
            "Text with <app name> and  and a link and code.\n\nan unclosed fence with # `NOT_A_CODE` inside"
        )
    );
}

#[test]
fn a_code_documented_on_two_pages_is_an_error_naming_both() {
    let parsed = parse_dir(&fixture_dir("hostile/duplicates"));
    let errors: Vec<String> = parsed
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        ["error[duplicate-code]: second.md:3:1: `SERVER:TWICE` is documented twice; first at first.md:3:1"]
    );
    assert_eq!(parsed.catalog.api_errors.len(), 1);
    assert_eq!(parsed.catalog.api_errors[0].description, "first");
}

#[test]
fn names_that_collide_or_have_no_letters_are_rejected_not_emitted() {
    let docs = read_docs(&fixture_dir("hostile/names"));
    let errors: Vec<String> = docs
        .diagnostics()
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        errors,
        [
            "error[name-collision]: names.md:15:1: `self:RATE_LIMIT` and `self:RATE-LIMIT` would both be ApiErrorCode::SelfRateLimit",
            "error[invalid-name]: names.md:21:1: `self:***` has no letter or digit to name a variant of ApiErrorCode after",
        ]
    );
    let Err(Error::Docs { diagnostics }) = docs.rust_source() else {
        panic!("a catalog with colliding names must not be generated");
    };
    assert_eq!(diagnostics.iter().filter(|d| d.is_error()).count(), 2);
}

/// A page of `count` distinct codes, each a full section like the published ones.
fn repeated_sections(count: usize, padding: &str) -> String {
    let mut page = String::from("# Many Errors\n\n> A page far larger than any published one.\n\n");
    for i in 0..count {
        page.push_str(&format!(
            "# `CODE_{i:06}`\n\n{padding}\n\n```json  theme={{null}}\n{{\n  \"type\": \"BULK\",\n  \"code\": \"CODE_{i:06}\",\n  \"description\": \"Error number {i}.\",\n  \"docURL\": \"https://example.com/bulk#code-{i:06}\",\n  \"statusCode\": 400,\n  \"resolution\": {{ \"type\": \"RETRY_LATER\" }}\n}}\n```\n\n### Suggested Resolution\n\nRetry {i}.\n\n### Suggested User Message\n\n> Message {i}.\n\n***\n\n"
        ));
    }
    page
}

#[test]
fn fifty_megabytes_of_sections_give_every_code() {
    let padding = "Explanation text that makes each section about as long as a published one. ".repeat(8);
    let count = 57_000;
    let page = repeated_sections(count, padding.trim_end());
    assert!(page.len() > 50 << 20, "{} bytes", page.len());
    let parsed = parse_page("bulk.md", page.as_bytes());
    assert_eq!(parsed.diagnostics.iter().filter(|d| d.is_error()).count(), 0);
    assert_eq!(parsed.catalog.api_errors.len(), count);
    let last = &parsed.catalog.api_errors[count - 1];
    assert_eq!(last.code.as_deref(), Some("CODE_056999"));
    assert_eq!(last.suggested_resolution.as_deref(), Some("Retry 56999."));
    assert_eq!(last.suggested_user_message.as_deref(), Some("Message 56999."));
}

#[test]
fn json_nested_far_too_deep_in_a_member_the_catalog_does_not_read_is_skipped_whole() {
    // `detail` is not read: its syntax is checked without building it, so its depth costs
    // neither a stack overflow nor an error.
    let nested = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let page = format!(
        "# `DEEP`\n\n```json\n{{\"type\": \"SERVER\", \"code\": \"DEEP\", \"detail\": {nested}, \"description\": \"d\", \"docURL\": \"u#deep\", \"statusCode\": 500}}\n```\n"
    );
    let parsed = parse_page("deep.md", page.as_bytes());
    assert_eq!(errors(&parsed), []);
    assert_eq!(parsed.catalog.api_errors[0].description, "d");
    // A member the catalog reads is built, within serde_json's depth limit.
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let page = format!(
        "# `DEEP`\n\n```json\n{{\"type\": \"SERVER\", \"code\": \"DEEP\", \"resolution\": {deep}, \"description\": \"d\", \"docURL\": \"u#deep\", \"statusCode\": 500}}\n```\n"
    );
    let parsed = parse_page("deep.md", page.as_bytes());
    assert_eq!(
        errors(&parsed),
        [(
            "invalid-json",
            4,
            50,
            "the JSON example is not valid JSON: recursion limit exceeded"
        )]
    );
}

#[test]
fn markdown_nested_ten_thousand_deep_parses() {
    let quotes = format!("{} deep quote", ">".repeat(10_000));
    let lists: String = (0..10_000)
        .map(|depth| format!("{}- item {depth}\n", "  ".repeat(depth)))
        .collect();
    let page = format!(
        "# `DEEP`\n\n{quotes}\n\n{lists}\n```json\n{{\"type\": \"SERVER\", \"code\": \"DEEP\", \"description\": \"d\", \"docURL\": \"u#deep\", \"statusCode\": 500}}\n```\n\n### Suggested User Message\n\n> ok\n"
    );
    let parsed = parse_page("deep.md", page.as_bytes());
    assert_eq!(errors(&parsed), []);
    let entry = &parsed.catalog.api_errors[0];
    assert_eq!(entry.suggested_user_message.as_deref(), Some("ok"));
    let explanation = entry.explanation.as_deref().unwrap();
    assert!(
        explanation.starts_with("deep quote\n\n- item 0\n"),
        "{}",
        &explanation[..40]
    );
}

#[test]
fn hundred_thousand_character_lines_are_kept_whole() {
    let long = "x".repeat(100_000);
    let page = format!(
        "# `LONG`\n\n{long}\n\n```json\n{{\"type\": \"SERVER\", \"code\": \"LONG\", \"description\": \"{long}\", \"docURL\": \"u#long\", \"statusCode\": 500}}\n```\n\n### Suggested User Message\n\n> {long}\n"
    );
    let parsed = parse_page("long.md", page.as_bytes());
    assert_eq!(errors(&parsed), []);
    let entry = &parsed.catalog.api_errors[0];
    assert_eq!(entry.description, long);
    assert_eq!(entry.explanation.as_deref(), Some(long.as_str()));
    assert_eq!(entry.suggested_user_message.as_deref(), Some(long.as_str()));

    // A problem at the end of a long line is shown in a bounded excerpt.
    let broken = format!("# `LONG`\n\n```json\n{{\"description\": \"{long}\", oops}}\n```\n");
    let docs = Docs::from_pages([("long.md".to_owned(), broken.into_bytes())]);
    let parsed = Parsed::from(docs.clone());
    assert_eq!(
        findings(&parsed),
        [(
            "invalid-json",
            4,
            100_021,
            "the JSON example is not valid JSON: key must be a string"
        )]
    );
    let rendered = docs.render(docs.diagnostics(), Style::Snippet { color: false });
    assert!(rendered.len() < 1_000, "{} bytes", rendered.len());
    assert!(rendered.contains("--> long.md:4:100021"), "{rendered}");
}
