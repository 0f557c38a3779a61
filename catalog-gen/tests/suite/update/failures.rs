//! What `update` refuses, with exit code 2 and nothing written: docs it cannot fetch or
//! parse, a date that is not one, a ledger that is not one, a target it must not replace.

use std::fs;

use super::site::*;
use super::support::*;
use crate::server::{Reply, Server};

/// Checks that `output` is a refusal (exit 2, nothing on stdout) and returns its stderr.
fn refusal(output: &std::process::Output) -> String {
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_eq!(stdout(output), "");
    stderr(output)
}

#[test]
fn docs_that_cannot_be_fetched_change_nothing() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(State::CodeReplaced, page, Reply::Status(404)));
    let repo = Repo::new("unreachable");
    let original = repo.files();
    let output = repo.update(&server, &["--date", DATE]);
    assert_eq!(
        refusal(&output),
        format!(
            "error: cannot fetch {}: HTTP status 404\n",
            server.url(&format!("/docs/{page}"))
        )
    );
    assert_eq!(repo.files(), original);
}

#[test]
fn docs_with_errors_change_nothing_and_their_problems_are_printed() {
    let server = Server::start(site(State::Broken));
    let repo = Repo::new("broken");
    let original = repo.files();
    let output = repo.update(&server, &["--date", DATE]);
    assert_eq!(
        refusal(&output),
        format!(
            "error[invalid-json]: errors/api-errors/server-errors.md:18:3: the JSON example is not valid JSON: expected `,` or `}}`\n\
             warning[redirect-mismatch]: errors/connect-errors/server-error.md:15:2: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n\
             1 error, 1 warning\n\
             error: the docs at {} have errors; nothing written\n",
            server.url(INDEX_PATH)
        )
    );
    assert_eq!(repo.files(), original);
}

#[test]
fn a_date_that_is_not_a_day_is_refused_before_anything_is_fetched() {
    let server = Server::start(site(State::CodeReplaced));
    let repo = Repo::new("bad-date");
    let output = repo.update(&server, &["--date", "2026-02-30"]);
    assert_eq!(
        refusal(&output),
        "error: invalid value '2026-02-30' for '--date <YYYY-MM-DD>': `2026-02-30` is not a date written YYYY-MM-DD\n\n\
         For more information, try '--help'.\n"
    );
    let output = repo
        .update_command(&server, &[])
        .env("SOURCE_DATE_EPOCH", "yesterday\u{1b}[2J")
        .output()
        .unwrap();
    assert_eq!(
        refusal(&output),
        "error: SOURCE_DATE_EPOCH is `yesterday\\u{1b}[2J`, not a count of seconds since 1970-01-01\n"
    );
    assert!(server.request_log().is_empty());
}

#[test]
fn a_ledger_that_is_not_one_is_refused_and_nothing_is_written() {
    let server = Server::start(site(State::CodeReplaced));
    let repo = Repo::new("bad-ledger");
    write(&repo.0.join(LEDGER), b"{\"format\": 2}\n");
    let original = repo.files();
    let output = repo.update(&server, &["--date", DATE]);
    assert_eq!(
        refusal(&output),
        "error: docs-snapshot.ledger.json is not a ledger of errors that left the docs: it is in format 2, which this catalog-gen does not read (it reads format 1)\n"
    );
    assert_eq!(repo.files(), original);
    // generate and check refuse it as well.
    let output = repo.run(&["check"]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("docs-snapshot.ledger.json is not a ledger"));
}

#[test]
fn a_generated_file_that_is_not_a_regular_file_is_not_replaced() {
    let server = Server::start(site(State::CodeReplaced));
    let repo = Repo::new("not-a-file");
    fs::remove_file(repo.0.join(GENERATED)).unwrap();
    fs::create_dir_all(repo.0.join(GENERATED).join("inside")).unwrap();
    let output = repo.update(&server, &["--date", DATE]);
    assert_eq!(
        refusal(&output),
        format!(
            "{REDIRECT_WARNING}error: cannot read catalog/src/generated.rs: it is a directory, not a regular file\n"
        )
    );
    let mut expected = original();
    expected.remove(GENERATED);
    assert_eq!(repo.files(), expected);
}

#[test]
fn quiet_prints_only_the_note_and_the_errors() {
    let server = Server::start(site(State::CodeReplaced));
    let repo = Repo::new("quiet");
    let output = repo.update(&server, &["--quiet", "--date", DATE]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(stderr(&output), "");
    assert_eq!(
        stdout(&output),
        "added API error SERVER:BATTERY_STALE\nchanged API error SERVER:INTERNAL: description\n  description:\n    \
         - An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.\n    \
         + Smartcar had an internal error.\nremoved API error SERVER:RECORD_NOT_FOUND\n\
         3 changes: 1 added, 1 removed, 1 changed\nsemver: minor\n"
    );
    let broken = Server::start(site(State::Broken));
    let output = repo.update(&broken, &["--quiet", "--date", DATE]);
    assert_eq!(
        refusal(&output),
        format!(
            "error[invalid-json]: errors/api-errors/server-errors.md:18:3: the JSON example is not valid JSON: expected `,` or `}}`\n\
             1 error\n\
             error: the docs at {} have errors; nothing written\n",
            broken.url(INDEX_PATH)
        )
    );
}
