//! Each lint on a published page with one thing changed: the exact id, position and message,
//! and nothing else reported.

use catalog_gen::Docs;

const SERVER_PAGE: &str = include_str!("../fixtures/docs/errors/api-errors/server-errors.md");
const CONNECT_PAGE: &str = include_str!("../fixtures/docs/errors/connect-errors/configuration-error.md");

/// `page` with the one occurrence of `from` replaced by `to`.
fn edited(page: &str, from: &str, to: &str) -> String {
    assert_eq!(page.matches(from).count(), 1, "`{from}` is not unique");
    page.replacen(from, to, 1)
}

/// The 1-based line and column (in characters) where the one occurrence of `needle` starts.
fn position(page: &str, needle: &str) -> (u32, u32) {
    assert_eq!(page.matches(needle).count(), 1, "`{needle}` is not unique");
    let offset = page.find(needle).unwrap();
    let before = &page[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before[before.rfind('\n').map_or(0, |i| i + 1)..].chars().count() + 1;
    (line as u32, column as u32)
}

/// The docs of one page.
fn parse_page(path: &str, page: &[u8]) -> Docs {
    Docs::from_pages([(path.to_owned(), page.to_vec())])
}

/// Every diagnostic of `page` as (id, line, column, message).
fn findings(path: &str, page: &str) -> Vec<(String, u32, u32, String)> {
    parse_page(path, page.as_bytes())
        .diagnostics()
        .iter()
        .cloned()
        .map(|d| {
            assert_eq!(d.source.file, path);
            (d.id.to_string(), d.source.line, d.source.column, d.message)
        })
        .collect()
}

fn finding(id: &str, (line, column): (u32, u32), message: &str) -> (String, u32, u32, String) {
    (id.to_owned(), line, column, message.to_owned())
}

const SERVER_PATH: &str = "errors/api-errors/server-errors.md";

#[test]
fn the_published_server_page_has_no_findings() {
    assert_eq!(findings(SERVER_PATH, SERVER_PAGE), []);
}

#[test]
fn an_examples_code_that_differs_from_its_heading_or_is_missing() {
    let page = edited(
        SERVER_PAGE,
        r#""code": "INTERNAL","#,
        r#""code": "INTERNAL_ERROR","#,
    );
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "example-code-mismatch",
            position(&page, r#""INTERNAL_ERROR""#),
            "`INTERNAL`: the example's code `INTERNAL_ERROR` differs from its heading"
        )]
    );
    let page = edited(SERVER_PAGE, "  \"code\": \"INTERNAL\",\n", "");
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "example-code-mismatch",
            position(&page, "# `INTERNAL`"),
            "`INTERNAL`: the example has no `code`"
        )]
    );
}

#[test]
fn the_example_whose_type_differs_from_most_of_the_page_is_reported() {
    // The first example is the odd one out: it is reported, not the two that agree.
    let page = edited(
        SERVER_PAGE,
        "\"type\": \"SERVER\",\n  \"code\": \"INTERNAL\"",
        "\"type\": \"BILLING\",\n  \"code\": \"INTERNAL\"",
    );
    let parsed = parse_page(SERVER_PATH, page.as_bytes());
    assert_eq!(parsed.catalog().api_errors[0].error_type, "BILLING");
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "example-type-mismatch",
            position(&page, r#""BILLING""#),
            "`INTERNAL`: the example's type `BILLING` differs from the page's `SERVER`"
        )]
    );
}

#[test]
fn a_doc_url_whose_anchor_or_page_is_wrong() {
    let page = edited(
        SERVER_PAGE,
        "server-errors#internal\"",
        "server-errors#internal-error\"",
    );
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "doc-url-mismatch",
            position(
                &page,
                "\"https://smartcar.com/docs/errors/api-errors/server-errors#internal-error\""
            ),
            "`SERVER:INTERNAL`: docURL `https://smartcar.com/docs/errors/api-errors/server-errors#internal-error` \
             should end in `#internal`"
        )]
    );
    let page = edited(
        SERVER_PAGE,
        "api-errors/server-errors#internal\"",
        "api-errors/billing-errors#internal\"",
    );
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "doc-url-mismatch",
            position(
                &page,
                "\"https://smartcar.com/docs/errors/api-errors/billing-errors#internal\""
            ),
            "`SERVER:INTERNAL`: docURL `https://smartcar.com/docs/errors/api-errors/billing-errors#internal` \
             points to another page than `https://smartcar.com/docs/errors/api-errors/server-errors`"
        )]
    );
}

#[test]
fn a_second_section_of_one_kind_is_reported_and_appended() {
    let first = "Please contact us to learn more about the error and our steps to resolve it.\n";
    let page = edited(
        SERVER_PAGE,
        first,
        &format!("{first}\n### Suggested Resolution\n\nThen wait a minute.\n"),
    );
    let parsed = parse_page(SERVER_PATH, page.as_bytes());
    assert_eq!(
        parsed.catalog().api_errors[0].suggested_resolution.as_deref(),
        Some(
            "Please contact us to learn more about the error and our steps to resolve it.\n\nThen wait a minute."
        )
    );
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "duplicate-section",
            position(&page, "### Suggested Resolution\n\nThen"),
            "`INTERNAL` has a second Suggested Resolution section; its text is appended"
        )]
    );
}

#[test]
fn text_after_a_codes_separator_is_reported_and_left_out() {
    let page = edited(
        SERVER_PAGE,
        "***\n\n# `RECORD_NOT_FOUND`",
        "***\n\nA stray paragraph.\n\n# `RECORD_NOT_FOUND`",
    );
    let parsed = parse_page(SERVER_PATH, page.as_bytes());
    assert_eq!(parsed.catalog().api_errors.len(), 3);
    assert!(
        parsed
            .catalog()
            .api_errors
            .iter()
            .all(|e| !format!("{e:?}").contains("stray")),
        "the stray text reached the model"
    );
    assert_eq!(
        findings(SERVER_PATH, &page),
        [finding(
            "stray-content",
            position(&page, "A stray paragraph."),
            "text after the separator below `INTERNAL` belongs to no section and is left out"
        )]
    );
}

#[test]
fn a_connect_error_value_that_is_no_error_name() {
    let path = "errors/connect-errors/configuration-error.md";
    let page = edited(
        CONNECT_PAGE,
        "| `configuration_error`                                             |",
        "| `configuration error!`                                            |",
    );
    let parsed = parse_page(path, page.as_bytes());
    assert!(parsed.catalog().connect_errors.is_empty());
    let found = findings(path, &page);
    assert_eq!(
        found[0],
        finding(
            "invalid-error-name",
            position(&page, "`configuration error!`"),
            "the `error` row's value `configuration error!` is not an error name"
        )
    );
    assert_eq!(found.len(), 1, "{found:?}");
}
