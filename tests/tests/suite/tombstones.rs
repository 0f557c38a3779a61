//! Errors that left the docs stay in the catalog: a crate that names them — an API code, its
//! error type and resolution, a Connect error — still compiles against the updated catalog,
//! with a deprecation warning for each, and the runtime still recognizes them and says when
//! they left. The updated docs and ledger are made with `Docs::update_from`, and the catalog
//! is regenerated from them by smartcar-errors' `regenerate` feature, in a build of its own
//! (offline, in the target directory of nested builds).

use std::fs;
use std::path::{Path, PathBuf};

use catalog_gen::Semver;
use smartcar_errors_tests::{checked_in, copy_dir, snapshot_dir, workspace_root};

/// The day the tests record for what leaves the docs.
const DATE: &str = "2026-03-02";

/// The directory of this test's files and builds.
fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("tombstones")
}

/// The docs after an update in which the Server errors page (its type, its three codes, both
/// their resolutions) and the `configuration_error` Connect page left the docs: the pages in
/// `scratch/docs-snapshot`, the ledger beside them.
fn updated_docs() -> PathBuf {
    let docs = scratch().join("docs-snapshot");
    let _ = fs::remove_dir_all(&docs);
    let _ = fs::remove_file(scratch().join("docs-snapshot.ledger.json"));
    copy_dir(&snapshot_dir(), &docs);
    fs::remove_file(docs.join("errors/api-errors/server-errors.md")).unwrap();
    fs::remove_file(docs.join("errors/connect-errors/configuration-error.md")).unwrap();

    let old = checked_in(&snapshot_dir()).read().unwrap();
    let new = checked_in(&docs).read().unwrap();
    let (new, changes) = new.update_from(&old, DATE, false).unwrap();
    assert_eq!(
        changes.to_text(),
        "removed API error SERVER:INTERNAL\nremoved API error SERVER:MULTIPLE_RECORDS_FOUND\n\
         removed API error SERVER:RECORD_NOT_FOUND\nremoved Connect error configuration_error\n\
         removed error type SERVER\nremoved resolution CONTACT_SUPPORT\nremoved resolution RETRY_LATER\n\
         7 changes: 0 added, 7 removed, 0 changed\n"
    );
    assert_eq!(changes.semver(), Semver::Minor);
    let ledger = new.ledger_json().expect("a ledger");
    fs::write(scratch().join("docs-snapshot.ledger.json"), &ledger).unwrap();

    // Read back from the files, the docs generate what the update computed.
    let code = new.rust_source().unwrap();
    let read = checked_in(&docs).read().unwrap();
    assert_eq!(read.rust_source().unwrap(), code);
    for (item, date) in [("Server", DATE), ("ContactSupport", DATE)] {
        assert!(
            code.contains(&format!(
                "    #[deprecated = \"no longer documented: it left Smartcar's docs on {date}; kept until the next major release so that code naming it still compiles\"]\n    {item} = "
            )),
            "{item}: {code}"
        );
    }
    assert_eq!(code.matches("#[deprecated = ").count(), 7);
    docs
}

/// A crate that names what left the docs, and shows what the catalog says of it.
const USER_MAIN: &str = r##"use smartcar_errors::{ApiError, ApiErrorCode, ConnectErrorCode, ErrorType, Redirect, Resolution};

fn describe(code: ApiErrorCode) -> &'static str {
    match code {
        ApiErrorCode::ServerRecordNotFound => "no battery record",
        _ => "something else",
    }
}

fn main() {
    let code = ApiErrorCode::from_parts("SERVER", Some("RECORD_NOT_FOUND")).expect("recognized");
    println!("{}: {}", code, describe(code));
    println!("removed_from_docs: {:?}", code.info().removed_from_docs);
    println!("type is Server: {}", code.error_type() == ErrorType::Server);
    println!("resolution is ContactSupport: {}", code.resolution() == Some(Resolution::ContactSupport));
    let body = br#"{"type": "SERVER", "code": "RECORD_NOT_FOUND", "statusCode": 500, "description": "No record."}"#;
    let error = ApiError::from_response(500, [("sc-request-id", "1")], body);
    println!("known: {:?}", error.known());
    let uri = "https://example.com/callback?error=configuration_error&error_description=Broken.";
    match Redirect::from_uri(uri).expect("a redirect") {
        Redirect::Error(error) => match error.known() {
            Some(ConnectErrorCode::ConfigurationError) => {
                println!("connect: {:?}", ConnectErrorCode::ConfigurationError.info().removed_from_docs)
            }
            other => println!("connect: unexpected {other:?}"),
        },
        Redirect::Authorized(_) => println!("connect: authorized"),
    }
    let explained = smartcar_errors::explain("SERVER.RECORD_NOT_FOUND").expect("explained").to_string();
    println!("{}", explained.lines().take(2).collect::<Vec<_>>().join(" / "));
}
"##;

#[test]
fn a_crate_naming_errors_that_left_the_docs_compiles_with_deprecation_warnings() {
    let _builds = crate::nested_builds();
    let docs = updated_docs();
    let user = scratch().join("user");
    let _ = fs::remove_dir_all(&user);
    fs::create_dir_all(user.join("src")).unwrap();
    fs::write(
        user.join("Cargo.toml"),
        format!(
            "[package]\nname = \"tombstone-user\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [workspace]\n\n[dependencies]\nsmartcar-errors = {{ path = {:?}, features = [\"regenerate\"] }}\n\n\
             [profile.dev]\ndebug = \"line-tables-only\"\n\n\
             [profile.dev.build-override]\ndebug = \"line-tables-only\"\n",
            workspace_root().join("catalog")
        ),
    )
    .unwrap();
    fs::write(user.join("src/main.rs"), USER_MAIN).unwrap();
    // The workspace's lock file and dev profile: the same versions, all of them already
    // downloaded, built as the other nested builds build them.
    fs::copy(workspace_root().join("Cargo.lock"), user.join("Cargo.lock")).unwrap();

    // Nested cargo, run in the user's crate (not the workspace) with the updated docs.
    let output = crate::cargo()
        .args(["run", "--offline"])
        .current_dir(&user)
        .env("SMARTCAR_DOCS_DIR", &docs)
        .env_remove("RUSTC_WRAPPER")
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    let note = format!(
        "no longer documented: it left Smartcar's docs on {DATE}; kept until the next major release so that code naming it still compiles"
    );
    let deprecations: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("warning: use of deprecated"))
        .collect();
    assert_eq!(
        deprecations,
        [
            format!(
                "warning: use of deprecated unit variant `smartcar_errors::ApiErrorCode::ServerRecordNotFound`: {note}"
            ),
            format!("warning: use of deprecated unit variant `smartcar_errors::ErrorType::Server`: {note}"),
            format!(
                "warning: use of deprecated unit variant `smartcar_errors::Resolution::ContactSupport`: {note}"
            ),
            format!(
                "warning: use of deprecated unit variant `smartcar_errors::ConnectErrorCode::ConfigurationError`: {note}"
            ),
            format!(
                "warning: use of deprecated unit variant `smartcar_errors::ConnectErrorCode::ConfigurationError`: {note}"
            ),
        ],
        "{stderr}"
    );
    // smartcar-errors itself compiles its tombstones without a warning: its only one is the
    // docs' own (the published Server page's example redirect).
    let others: Vec<&str> = stderr
        .lines()
        .filter(|line| line.starts_with("warning:") && !line.starts_with("warning: use of deprecated"))
        .collect();
    assert_eq!(others.len(), 2, "{stderr}");
    assert!(others[0].starts_with("warning: smartcar-errors@0.1.0: warning[redirect-mismatch]: "));
    assert_eq!(
        others[1],
        "warning: `tombstone-user` (bin \"tombstone-user\") generated 5 warnings"
    );

    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "SERVER:RECORD_NOT_FOUND: no battery record\n\
         removed_from_docs: Some(\"2026-03-02\")\n\
         type is Server: true\n\
         resolution is ContactSupport: true\n\
         known: Some(ServerRecordNotFound)\n\
         connect: Some(\"2026-03-02\")\n\
         SERVER:RECORD_NOT_FOUND (HTTP 500) /   no longer documented: it left Smartcar's docs on 2026-03-02\n"
    );
}
