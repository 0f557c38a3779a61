//! A hostile or broken docs server: redirects elsewhere, trickling bodies, too many bytes,
//! encoded bodies, pages that are not markdown, page names that hide characters, and text
//! meant to forge log lines. Each fails the fetch with a clear error and keeps the old
//! snapshot.

use std::time::{Duration, Instant};

use super::site::*;
use super::support::*;
use crate::server::{Reply, Server};

/// The page the hostile replies are put on.
const PAGE: &str = "errors/connect-errors/server-error.md";

#[test]
fn redirects_that_leave_the_index_origin_are_refused() {
    let elsewhere = Server::start(site);
    let location = elsewhere.page_url(PAGE);
    let server = Server::start(site_with(PAGE, Reply::Redirect(302, location.clone())));
    let scratch = Scratch::new("redirect-elsewhere");
    let reason = format!("redirect to another origin refused: {location}");
    assert_page_fails(&server, &scratch, PAGE, &reason, 1);
    assert_eq!(elsewhere.request_log(), Vec::<String>::new());
    let old = read_tree(&scratch.out());

    let server = Server::start(|base| {
        let mut routes = site(base);
        let https = base.replacen("http:", "https:", 1);
        routes.insert(
            INDEX_PATH.to_owned(),
            Reply::Redirect(301, format!("{https}{INDEX_PATH}")),
        );
        routes
    });
    let https_index = server.url(INDEX_PATH).replacen("http:", "https:", 1);
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: cannot fetch {}: redirect to another origin refused: {https_index}\n",
            server.url(INDEX_PATH)
        )
    );
    assert_eq!(server.request_log(), [INDEX_PATH]);
    scratch.assert_only_snapshot(&old);
}

#[test]
fn redirects_on_the_index_origin_are_followed_up_to_five() {
    let server = Server::start(|base| {
        let mut routes = site(base);
        let page = SYNTHETIC_PAGE.to_vec();
        routes.insert(
            format!("/docs/{SYNTHETIC_PATH}"),
            Reply::Redirect(301, "/docs/moved/synthetic.md".to_owned()),
        );
        routes.insert(
            "/docs/moved/synthetic.md".to_owned(),
            Reply::Redirect(308, "../final/synthetic.md".to_owned()),
        );
        routes.insert("/docs/final/synthetic.md".to_owned(), Reply::Page(page));
        routes
    });
    let scratch = Scratch::new("redirect-followed");
    assert_success(&fetch(&server, &scratch.out(), &[]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    let log = server.request_log();
    assert_eq!(
        log[log.len() - 3..],
        [
            format!("/docs/{SYNTHETIC_PATH}"),
            "/docs/moved/synthetic.md".to_owned(),
            "/docs/final/synthetic.md".to_owned()
        ]
    );

    let server = Server::start(site_with(
        PAGE,
        Reply::Redirect(307, "server-error.md".to_owned()),
    ));
    let scratch = Scratch::new("redirect-loop");
    assert_page_fails(&server, &scratch, PAGE, "more than 5 redirects", 6);
}

#[test]
fn a_trickling_server_is_cut_off_at_the_deadline_and_not_retried() {
    let body = b"# Trickled\n\nOne byte every quarter of a second.\n".to_vec();
    let server = Server::start(site_with(PAGE, Reply::Trickle(body, Duration::from_millis(250))));
    let scratch = Scratch::new("deadline");
    let old = scratch.old_snapshot();
    let started = Instant::now();
    let output = fetch(&server, &scratch.out(), &["--deadline-secs", "2"]);
    let elapsed = started.elapsed();
    assert!(
        (Duration::from_secs(2)..Duration::from_millis(4500)).contains(&elapsed),
        "{elapsed:?}"
    );
    assert_eq!(
        failure(&output),
        format!(
            "error: cannot fetch {}: no complete response within the 2-second deadline\n",
            server.page_url(PAGE)
        )
    );
    assert_eq!(server.page_requests(PAGE), 1);
    scratch.assert_only_snapshot(&old);
}

#[test]
fn the_index_and_pages_together_have_a_byte_cap() {
    let server = Server::start(site);
    let total = index(&server.base).len()
        + PUBLISHED_PAGES
            .iter()
            .map(|page| published_page(page).len())
            .sum::<usize>()
        + SYNTHETIC_PAGE.len();
    let scratch = Scratch::new("total-cap");
    assert_exact_limit(
        &server,
        &scratch,
        "--max-total-bytes",
        total,
        SYNTHETIC_PATH,
        |cap| format!("the index and pages together exceed {cap} bytes"),
    );
}

#[test]
fn every_content_encoding_header_counts() {
    let cases = [
        (
            vec![("Content-Encoding", "identity"), ("Content-Encoding", "gzip")],
            "gzip",
        ),
        (vec![("Content-Encoding", "identity, br")], "br"),
    ];
    let scratch = Scratch::new("content-encoding");
    for (headers, refused) in cases {
        let headers = headers
            .into_iter()
            .map(|(name, value)| (name, value.to_owned()))
            .collect();
        let reply = Reply::PageWithHeaders(headers, published_page(PAGE));
        let server = Server::start(site_with(PAGE, reply));
        let reason = format!("unsupported content encoding {refused:?}");
        assert_page_fails(&server, &scratch, PAGE, &reason, 1);
    }
}

#[test]
fn a_body_that_is_not_markdown_fails_the_fetch() {
    let portal = b"<!DOCTYPE html>\n<html><head><title>Sign in to the Wi-Fi</title></head></html>\n";
    let cases: [(&[u8], &str); 4] = [
        (portal, "an HTML document (it starts with <!doctype)"),
        (b"# Title\n\0\0\0\0", "control character U+0000 at byte 8"),
        (b"# Title\n\xC3\x28", "not UTF-8 (at byte 8)"),
        (b"# Title \x1b[31mred", "control character U+001B at byte 8"),
    ];
    let scratch = Scratch::new("not-markdown");
    let old = scratch.old_snapshot();
    for (body, problem) in cases {
        let server = Server::start(site_with(PAGE, Reply::Page(body.to_vec())));
        assert_eq!(
            failure(&fetch(&server, &scratch.out(), &[])),
            format!(
                "error: {} is not a markdown page: {problem}\n",
                server.page_url(PAGE)
            )
        );
        scratch.assert_only_snapshot(&old);
    }

    let server = Server::start(|base| {
        let mut routes = site(base);
        let portal = b"<html><body>Sign in</body></html>".to_vec();
        routes.insert(INDEX_PATH.to_owned(), Reply::Page(portal));
        routes
    });
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: {} is not a markdown page: an HTML document (it starts with <html)\n",
            server.url(INDEX_PATH)
        )
    );
    scratch.assert_only_snapshot(&old);
}

#[test]
fn page_names_with_bidi_or_invisible_characters_are_refused() {
    let cases = [
        (
            "errors/invoice%E2%80%AEdm.md",
            "errors/invoice\\u{202e}dm.md",
            "U+202E",
        ),
        ("errors/a%E2%81%A6b.md", "errors/a\\u{2066}b.md", "U+2066"),
        (
            "errors/server%E2%80%8B-errors.md",
            "errors/server\\u{200b}-errors.md",
            "U+200B",
        ),
        ("errors/%EF%BB%BFa.md", "errors/\\u{feff}a.md", "U+FEFF"),
        ("errors/a%C2%A0b.md", "errors/a\\u{a0}b.md", "U+00A0"),
    ];
    let scratch = Scratch::new("invisible-names");
    let old = scratch.old_snapshot();
    for (link, shown, code) in cases {
        let index = format!("- [Server](errors/connect-errors/server-error.md)\n- [Hidden]({link})\n");
        let server = Server::start(|base| {
            let mut routes = site(base);
            routes.insert(INDEX_PATH.to_owned(), Reply::Page(index.into_bytes()));
            routes
        });
        assert_eq!(
            failure(&fetch(&server, &scratch.out(), &[])),
            format!(
                "error: unsafe page path \"{shown}\" for {}: contains the control or invisible \
                 character {code}\n",
                server.page_url(link)
            )
        );
        assert_eq!(server.request_log(), [INDEX_PATH]);
        scratch.assert_only_snapshot(&old);
    }
}

#[test]
fn text_from_outside_is_printed_escaped() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
        .args([
            "fetch",
            "--index",
            "ftp://x/\u{1b}[2J\nerror: forged\u{202e}",
            "--out",
        ])
        .arg(std::env::temp_dir().join("catalog-gen-never-written"))
        .output()
        .expect("catalog-gen runs");
    assert_eq!(
        failure(&output),
        "error: invalid index URL ftp://x/\\u{1b}[2J\\nerror: forged\\u{202e}: not an http or \
         https URL\n"
    );

    let server = Server::start(site);
    let scratch = Scratch::new("escaped");
    let out = scratch.0.join("snap\nshot\u{1b}[0m");
    let output = fetch(&server, &out, &[]);
    assert_success(&output);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "fetched 4 pages into {}/snap\\nshot\\u{{1b}}[0m (3 other links in the index skipped)\n",
            scratch.0.display()
        )
    );
    assert_eq!(read_tree(&out), expected_snapshot(&server));
}
