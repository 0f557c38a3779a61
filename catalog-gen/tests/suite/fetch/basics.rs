//! What a fetch writes, what it retries, and that a failure leaves the old snapshot exactly as
//! it was.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::site::*;
use super::support::*;
use crate::server::{Reply, Server};

#[test]
fn fetch_writes_every_error_page_byte_for_byte_and_skips_other_links() {
    let server = Server::start(site);
    let scratch = Scratch::new("fresh");
    let output = fetch(&server, &scratch.out(), &[]);
    assert_fetched_site(&output, &server, &scratch);
    let mut requested = vec![INDEX_PATH.to_owned()];
    requested.extend(
        PUBLISHED_PAGES
            .iter()
            .chain([&SYNTHETIC_PATH])
            .map(|page| format!("/docs/{page}")),
    );
    assert_eq!(server.request_log(), requested);
}

#[test]
fn quiet_fetch_prints_nothing_but_writes_the_same() {
    let server = Server::start(site);
    let scratch = Scratch::new("quiet");
    let output = fetch(&server, &scratch.out(), &["--quiet"]);
    assert_success(&output);
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    scratch.assert_only_snapshot(&expected_snapshot(&server));
}

#[test]
fn fetch_replaces_an_existing_snapshot_whole() {
    let server = Server::start(site);
    let scratch = Scratch::new("replace");
    scratch.old_snapshot();
    let output = fetch(&server, &scratch.out(), &[]);
    assert_fetched_site(&output, &server, &scratch);
}

#[test]
fn persistent_server_error_fails_naming_the_url_and_keeps_the_old_snapshot() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Status(500)));
    let scratch = Scratch::new("500");
    assert_page_fails(&server, &scratch, page, "HTTP status 500 (after 3 attempts)", 3);
}

#[test]
fn connection_dropped_mid_body_fails_naming_the_url_and_keeps_the_old_snapshot() {
    let page = "errors/connect-errors/configuration-error.md";
    let server = Server::start(site_with(page, Reply::DropMidBody(published_page(page))));
    let scratch = Scratch::new("dropped");
    let old = scratch.old_snapshot();
    let message = failure(&fetch(&server, &scratch.out(), &[]));
    assert!(
        message.starts_with(&format!(
            "error: cannot fetch {}: connection failed: ",
            server.page_url(page)
        )),
        "{message}"
    );
    assert!(message.ends_with(" (after 3 attempts)\n"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(server.page_requests(page), 3);
    scratch.assert_only_snapshot(&old);
}

#[test]
fn transient_failures_are_retried_until_the_page_arrives() {
    let server = Server::start(|base| {
        let mut routes = site(base);
        let first = PUBLISHED_PAGES[0];
        let second = PUBLISHED_PAGES[1];
        routes.insert(
            format!("/docs/{first}"),
            Reply::StatusesThenPage(vec![500], published_page(first)),
        );
        routes.insert(
            format!("/docs/{second}"),
            Reply::StatusesThenPage(vec![429, 503], published_page(second)),
        );
        routes
    });
    let scratch = Scratch::new("transient");
    assert_success(&fetch(&server, &scratch.out(), &[]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    assert_eq!(server.page_requests(PUBLISHED_PAGES[0]), 2);
    assert_eq!(server.page_requests(PUBLISHED_PAGES[1]), 3);
    assert_eq!(server.page_requests(PUBLISHED_PAGES[2]), 1);
}

#[test]
fn not_found_is_not_retried() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Status(404)));
    let scratch = Scratch::new("404");
    assert_page_fails(&server, &scratch, page, "HTTP status 404", 1);
}

#[test]
fn a_page_over_the_size_limit_fails_naming_the_url() {
    let server = Server::start(site);
    let (largest, size) = PUBLISHED_PAGES
        .iter()
        .map(|page| (*page, published_page(page).len()))
        .max_by_key(|(_, size)| *size)
        .unwrap();
    let scratch = Scratch::new("too-large");
    assert_exact_limit(&server, &scratch, "--max-page-bytes", size, largest, |limit| {
        format!("body larger than {limit} bytes")
    });
}

#[test]
fn a_silent_server_times_out_naming_the_url() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Silence(Duration::from_secs(5))));
    let scratch = Scratch::new("timeout");
    let old = scratch.old_snapshot();
    let started = Instant::now();
    let output = fetch(
        &server,
        &scratch.out(),
        &["--timeout-secs", "1", "--attempts", "1"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    let message = failure(&output);
    assert!(
        message.starts_with(&format!(
            "error: cannot fetch {}: timed out (",
            server.page_url(page)
        )),
        "{message}"
    );
    scratch.assert_only_snapshot(&old);
}

#[test]
fn an_index_without_error_pages_is_an_error_and_keeps_the_old_snapshot() {
    let server = Server::start(site_with_index(
        "# Smartcar\n\n- [Introduction](getting-started/introduction.md)\n- [Errors](errors/overview)\n",
    ));
    let scratch = Scratch::new("no-pages");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: the index {} links to no .md page under \"errors/\"\n",
            server.url(INDEX_PATH)
        )
    );
    scratch.assert_only_snapshot(&old);
}

#[test]
fn an_index_link_escaping_the_snapshot_fails_before_any_page_is_fetched() {
    let server = Server::start(site_with_index(
        "- [Server](errors/connect-errors/server-error.md)\n- [Escape](errors/..%2F..%2Fescape.md)\n",
    ));
    let scratch = Scratch::new("escape");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: unsafe page path \"errors/../../escape.md\" for {}: has a `.` or `..` segment\n",
            server.page_url("errors/..%2F..%2Fescape.md")
        )
    );
    assert_eq!(server.request_log(), [INDEX_PATH]);
    scratch.assert_only_snapshot(&old);
    assert!(!scratch.0.parent().unwrap().join("escape.md").exists());
}

#[test]
fn command_failure_exits_1_with_an_error_line_naming_the_url() {
    let page = "errors/api-errors/server-errors.md";
    let server = Server::start(site_with(page, Reply::Status(403)));
    let scratch = Scratch::new("cli-failure");
    assert_page_fails(&server, &scratch, page, "HTTP status 403", 1);
}

/// Comparing the live docs with the snapshot without touching it: fetch them into a
/// temporary directory, then diff the two with a markdown report.
#[test]
fn the_drift_job_fetches_then_reports_what_changed_in_markdown() {
    let diff = |fetched: &Path| {
        Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
            .arg("diff")
            .arg(published_docs())
            .arg(fetched)
            .args(["--format", "markdown"])
            .output()
            .expect("catalog-gen runs")
    };

    let unchanged = Server::start(site);
    let scratch = Scratch::new("drift-same");
    assert!(fetch(&unchanged, &scratch.out(), &[]).status.success());
    let output = diff(&scratch.out());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "<!-- semver: none -->\n### Smartcar error docs unchanged\n\nThe two snapshots document the same errors.\n"
    );

    let page = "errors/api-errors/server-errors.md";
    let edited = published_text(page).replacen(
        "\"statusCode\": 500,\n  \"requestId\": \"5dea93a1",
        "\"statusCode\": 503,\n  \"requestId\": \"5dea93a1",
        1,
    );
    let changed = Server::start(site_with(page, Reply::Page(edited.into_bytes())));
    let scratch = Scratch::new("drift-changed");
    assert!(fetch(&changed, &scratch.out(), &[]).status.success());
    let output = diff(&scratch.out());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "<!-- semver: patch -->\n### Smartcar error docs changed: patch\n\n\
         Semver impact: **patch**\n\n- only text, HTTP statuses or URLs changed\n\n\
         1 change: 0 added, 0 removed, 1 changed\n\n\
         | change | item | what it does | semver |\n| --- | --- | --- | --- |\n\
         | changed | API error `SERVER:INTERNAL` | `status_code` | patch |\n\n\
         <details><summary>SERVER:INTERNAL</summary>\n\n`status_code`\n\n```diff\n- 500\n+ 503\n```\n\n</details>\n"
    );
}
