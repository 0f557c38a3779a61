//! The `catalog-gen` command as a user runs it, from the root of a repository laid out as
//! smartcar-errors' is: `docs-snapshot/` (frozen copies of three published pages, in
//! `tests/fixtures/docs`) and the `catalog/src/generated.rs` they generate.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::repo::{catalog_gen_in, copy_dir, fixture, repo};
use crate::scratch::temp_dir;

/// `catalog-gen ARGS` run in the repository.
fn catalog_gen(args: &[&str]) -> Output {
    catalog_gen_in(&repo(), args)
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn dump_prints_the_snapshot_model_as_json() {
    let output = catalog_gen(&["dump"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let codes: Vec<(&str, &str)> = json["api_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["type"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        codes,
        [
            ("SERVER", "INTERNAL"),
            ("SERVER", "MULTIPLE_RECORDS_FOUND"),
            ("SERVER", "RECORD_NOT_FOUND")
        ]
    );
    let errors: Vec<&str> = json["connect_errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["error"].as_str().unwrap())
        .collect();
    assert_eq!(errors, ["configuration_error", "server_error"]);
    assert_eq!(
        json.as_object().unwrap().len(),
        2,
        "only api_errors and connect_errors"
    );
}

#[test]
fn generate_reproduces_the_checked_in_file_byte_for_byte() {
    let dir = temp_dir("cli-generate");
    let out = dir.join("generated.rs");
    let output = catalog_gen(&["generate", "--out", out.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("wrote"), "{}", stderr(&output));
    let checked_in = std::fs::read(repo().join("catalog/src/generated.rs")).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), checked_in);

    // A second run finds nothing to write, and leaves the file (and its time) alone.
    let written_at = std::fs::metadata(&out).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let output = catalog_gen(&["generate", "--out", out.to_str().unwrap()]);
    assert_eq!(std::fs::metadata(&out).unwrap().modified().unwrap(), written_at);
    assert!(output.status.success());
    assert!(
        stderr(&output).starts_with("warning[redirect-mismatch]"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("unchanged:"), "{}", stderr(&output));
}

#[test]
fn generate_writes_nothing_when_the_docs_have_errors() {
    let dir = temp_dir("cli-broken");
    let docs = dir.join("docs");
    std::fs::create_dir_all(&docs).unwrap();
    std::fs::write(docs.join("page.md"), "# `CODE`\n\n```json\n{ not json\n```\n").unwrap();
    let out = dir.join("generated.rs");
    std::fs::write(&out, "previous contents").unwrap();
    let args = [
        "generate",
        "--docs",
        docs.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    let output = catalog_gen(&args);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!(
            "error[invalid-json]: the JSON example is not valid JSON: key must be a string\n \
             --> {}:4:3\n  |\n4 | {{ not json\n  |   ^\n\n1 error\n\
             error: the docs have errors; nothing written to {}\n",
            docs.join("page.md").display(),
            out.display()
        )
    );
    let output = catalog_gen(&[&["--diagnostics", "plain"][..], &args].concat());
    assert!(stderr(&output).starts_with(&format!(
        "error[invalid-json]: {}:4:3: the JSON example is not valid JSON: key must be a string\n1 error\n",
        docs.join("page.md").display()
    )));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous contents");
}

#[test]
fn check_passes_on_the_checked_in_catalog() {
    let output = catalog_gen(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
}

const INTERNAL_DESCRIPTION: &str = "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.";

/// A copy of docs-snapshot whose SERVER:INTERNAL example has another description.
fn edited_copy(dir: &Path) -> PathBuf {
    let copy = dir.join("docs");
    copy_dir(&repo().join("docs-snapshot"), &copy);
    let page = copy.join("errors/api-errors/server-errors.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let edited = text.replacen(
        &format!("\"description\": \"{INTERNAL_DESCRIPTION}\""),
        "\"description\": \"Smartcar had an internal error.\"",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&page, edited).unwrap();
    copy
}

#[test]
fn check_names_the_drifted_code_and_field_and_generate_fixes_it() {
    let dir = temp_dir("cli-drift");
    let docs = edited_copy(&dir);
    let generated = dir.join("generated.rs");
    std::fs::copy(repo().join("catalog/src/generated.rs"), &generated).unwrap();
    let (docs_arg, generated_arg) = (docs.to_str().unwrap(), generated.to_str().unwrap());

    let output = catalog_gen(&["check", "--docs", docs_arg, "--generated", generated_arg]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.starts_with(&format!(
        "{generated_arg} is out of sync with the docs.\nThe docs changed since"
    )));
    assert!(
        report.contains(&format!(
            "Changes in the tables:\n  changed API error SERVER:INTERNAL: description\n    description:\n      - {INTERNAL_DESCRIPTION}\n      + Smartcar had an internal error.\n  1 change: 0 added, 0 removed, 1 changed\n"
        )),
        "{report}"
    );
    assert!(
        report.contains("-            description: \"An internal Smartcar error has occurred."),
        "{report}"
    );
    assert!(
        report.contains("+            description: \"Smartcar had an internal error.\","),
        "{report}"
    );
    assert!(
        report.ends_with(&format!(
            "To fix it, run: cargo run -p catalog-gen -- generate --docs {docs_arg} --out {generated_arg}\n"
        )),
        "{report}"
    );

    let output = catalog_gen(&["generate", "--docs", docs_arg, "--out", generated_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let output = catalog_gen(&["check", "--docs", docs_arg, "--generated", generated_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn check_names_a_hand_edit_when_the_docs_are_unchanged() {
    let dir = temp_dir("cli-hand-edit");
    let generated = dir.join("generated.rs");
    let text = std::fs::read_to_string(repo().join("catalog/src/generated.rs")).unwrap();
    std::fs::write(
        &generated,
        text.replacen("status_code: 500,", "status_code: 503,", 1),
    )
    .unwrap();
    let output = catalog_gen(&["check", "--generated", generated.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let report = String::from_utf8(output.stdout).unwrap();
    assert!(report.contains("The docs are unchanged since"), "{report}");
    assert!(report.contains("but the file differs: it was edited by hand, or catalog-gen changed."));
    assert!(report.contains(
        "  changed API error SERVER:INTERNAL: status_code\n    status_code:\n      - 503\n      + 500\n"
    ));
}

#[test]
fn diff_prints_exactly_one_change_in_each_format() {
    let dir = temp_dir("cli-diff");
    let docs = edited_copy(&dir);
    let run = |format: &str| {
        let output = catalog_gen(&[
            "diff",
            "docs-snapshot",
            docs.to_str().unwrap(),
            "--format",
            format,
        ]);
        assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(
        run("text"),
        format!(
            "changed API error SERVER:INTERNAL: description\n  description:\n    - {INTERNAL_DESCRIPTION}\n    + Smartcar had an internal error.\n1 change: 0 added, 0 removed, 1 changed\n"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "changes": [{
                "change": "changed",
                "kind": "api",
                "key": "SERVER:INTERNAL",
                "fields": [{"field": "description", "old": INTERNAL_DESCRIPTION, "new": "Smartcar had an internal error."}]
            }],
            "summary": "1 change: 0 added, 0 removed, 1 changed"
        })
    );
    assert_eq!(
        run("markdown"),
        format!(
            "<!-- semver: patch -->\n### Smartcar error docs changed: patch\n\n\
             Semver impact: **patch**\n\n- only text, HTTP statuses or URLs changed\n\n\
             1 change: 0 added, 0 removed, 1 changed\n\n\
             | change | item | what it does | semver |\n| --- | --- | --- | --- |\n\
             | changed | API error `SERVER:INTERNAL` | `description` | patch |\n\n\
             <details><summary>SERVER:INTERNAL</summary>\n\n`description`\n\n\
             ```diff\n- {INTERNAL_DESCRIPTION}\n+ Smartcar had an internal error.\n```\n\n</details>\n"
        )
    );
}

#[test]
fn a_renamed_page_is_no_difference_and_broken_snapshots_are_not_compared() {
    let dir = temp_dir("cli-rename");
    let copy = dir.join("docs");
    copy_dir(&repo().join("docs-snapshot"), &copy);
    std::fs::rename(
        copy.join("errors/api-errors/server-errors.md"),
        copy.join("errors/api-errors/renamed-page.md"),
    )
    .unwrap();
    let output = catalog_gen(&["diff", "docs-snapshot", copy.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "0 changes: 0 added, 0 removed, 0 changed\n"
    );

    std::fs::write(copy.join("broken.md"), "# `X`\n").unwrap();
    let output = catalog_gen(&[
        "--diagnostics",
        "plain",
        "diff",
        "docs-snapshot",
        copy.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(&format!(
            "error[missing-example]: {}:1:1",
            copy.join("broken.md").display()
        )),
        "{}",
        stderr(&output)
    );
}

#[test]
fn lint_reports_the_server_pages_redirect_and_denies_warnings_on_request() {
    let output = catalog_gen(&["lint"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output),
        "warning[redirect-mismatch]: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n  \
         --> docs-snapshot/errors/connect-errors/server-error.md:15:2\n   |\n15 | ?error=configuration_error\n   |  ^^^^^^^^^^^^^^^^^^^^^^^^^\n\n1 warning\n"
    );
    let output = catalog_gen(&["--diagnostics", "plain", "lint", "--deny", "warnings"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "warning[redirect-mismatch]: docs-snapshot/errors/connect-errors/server-error.md:15:2: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n1 warning\n"
    );
    let output = catalog_gen(&["lint", "--list"]);
    let list = String::from_utf8(output.stdout).unwrap();
    assert_eq!(list.lines().count(), catalog_gen::Lint::ALL.len());
    assert!(list.contains("redirect-mismatch      warning  A Connect page's example redirect shows another error than its parameter table.\n"));
}

#[test]
fn explain_prints_the_entry_or_the_closest_names() {
    let output = catalog_gen(&["explain", "SERVER.INTERNAL"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with(&format!(
            "SERVER:INTERNAL (HTTP 500)\n  documented at errors/api-errors/server-errors.md:11:1\n\n{INTERNAL_DESCRIPTION}\n\nResolution: RETRY_LATER\n"
        )),
        "{text}"
    );
    assert!(text.ends_with("\nDocs: https://smartcar.com/docs/errors/api-errors/server-errors#internal\n"));

    let output = catalog_gen(&["explain", "INTERNL"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).ends_with(
            "error: `INTERNL` is not a documented Smartcar error; did you mean `SERVER:INTERNAL`?\n"
        )
    );
}

#[test]
fn diff_of_an_unreadable_snapshot_exits_2() {
    let dir = temp_dir("cli-unreadable");
    let missing = dir.join("missing");
    let output = catalog_gen(&["diff", "docs-snapshot", missing.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    assert!(
        stderr(&output).contains(&format!("\nerror: cannot read {}: ", missing.display())),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).ends_with("error: cannot compare the snapshots\n"));
}

#[test]
fn docs_that_document_no_errors_never_empty_the_catalog() {
    let dir = temp_dir("cli-empty-docs");
    let out = dir.join("generated.rs");
    let empty = dir.join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let output = catalog_gen(&[
        "generate",
        "--docs",
        empty.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        format!("error: no .md pages below {}\n", empty.display())
    );

    // Markdown that is not Smartcar's error pages (a wrong --docs): warnings, and no catalog.
    let other = dir.join("other");
    std::fs::create_dir_all(&other).unwrap();
    std::fs::write(other.join("README.md"), "# A project\n\nSome text.\n").unwrap();
    let output = catalog_gen(&[
        "--diagnostics",
        "plain",
        "generate",
        "--docs",
        other.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    assert!(
        text.starts_with(&format!(
            "warning[no-codes]: {}:",
            other.join("README.md").display()
        )),
        "{text}"
    );
    assert!(text.ends_with(&format!(
        "error: the docs document no errors: no page has a code heading or a Connect parameter table\n\
         nothing written to {}\n",
        out.display()
    )));
    assert!(!out.exists());
    // Docs that generate nothing leave nothing to compare with: check cannot run.
    let output = catalog_gen(&["check", "--docs", other.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).ends_with(
            "error: the docs document no errors: no page has a code heading or a Connect parameter table\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn the_default_paths_are_found_from_a_subdirectory() {
    let output = catalog_gen_in(&repo().join("catalog/src"), &["--diagnostics", "plain", "check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning[redirect-mismatch]: ../../docs-snapshot/errors/connect-errors/server-error.md:15:2: \
         `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n\
         1 warning\n\
         ../../catalog/src/generated.rs is in sync with ../../docs-snapshot\n"
    );
}

#[cfg(unix)]
#[test]
fn outputs_that_are_not_regular_files_are_refused_without_being_opened() {
    let dir = temp_dir("cli-special-outputs");
    let fifo = dir.join("generated.rs");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let fifo_arg = fifo.to_str().unwrap();
    // Opening the pipe would wait for a writer forever: both commands must return at once.
    let check = catalog_gen(&["check", "--generated", fifo_arg, "--diagnostics", "plain"]);
    assert!(!check.status.success());
    assert!(
        stderr(&check).ends_with(&format!(
            "error: cannot read {fifo_arg}: it is a named pipe, not a regular file\n"
        )),
        "{}",
        stderr(&check)
    );
    let generate = catalog_gen(&["generate", "--out", fifo_arg, "--diagnostics", "plain"]);
    assert_eq!(generate.status.code(), Some(1));
    assert!(
        stderr(&generate).ends_with(&format!(
            "error: cannot write {fifo_arg}: it is a named pipe, not a regular file\n"
        )),
        "{}",
        stderr(&generate)
    );
    let dir_arg = dir.to_str().unwrap();
    let generate = catalog_gen(&["generate", "--out", dir_arg, "--diagnostics", "plain"]);
    assert!(
        stderr(&generate).ends_with(&format!(
            "error: cannot write {dir_arg}: it is a directory, not a regular file\n"
        )),
        "{}",
        stderr(&generate)
    );
}

#[test]
fn outside_the_repository_the_defaults_say_where_they_were_looked_for() {
    let dir = temp_dir("cli-outside");
    for (args, code) in [
        (&["check"][..], 2),
        (&["generate"], 1),
        (&["dump"], 1),
        (&["lint"], 1),
    ] {
        let output = catalog_gen_in(&dir, args);
        assert_eq!(output.status.code(), Some(code), "{args:?}");
        assert_eq!(
            stderr(&output),
            format!(
                "error: no docs-snapshot directory in {} or any directory above it, so there are no \
                 default paths: run from the smartcar-errors repository, or name the docs with --docs \
                 DIR (and the generated file with --out or --generated FILE)\n",
                dir.display()
            ),
            "{args:?}"
        );
    }
    // Given paths need no repository.
    let docs = repo().join("docs-snapshot");
    let output = catalog_gen_in(&dir, &["dump", "--docs", docs.to_str().unwrap(), "--quiet"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "--quiet leaves out the snapshot's warning");
}

#[test]
fn check_exits_2_when_it_cannot_compare() {
    let dir = temp_dir("cli-check-missing");
    let missing = dir.join("generated.rs");
    let output = catalog_gen(&["check", "--generated", missing.to_str().unwrap(), "--quiet"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(&format!("error: cannot read {}: ", missing.display())),
        "{}",
        stderr(&output)
    );
    let broken = fixture("broken");
    let output = catalog_gen(&["check", "--docs", broken.to_str().unwrap(), "--quiet"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output)
            .ends_with("error: the docs have errors, so they generate no catalog to compare with\n"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn explain_with_broken_docs_says_the_docs_are_broken() {
    let broken = fixture("broken");
    let output = catalog_gen(&[
        "explain",
        "TRAILING_COMMA",
        "--docs",
        broken.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).ends_with(
            "error: the docs have errors (above), so what they say of `TRAILING_COMMA` cannot be told: an entry may be on a page that could not be read\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn diff_of_a_snapshot_with_itself_shows_its_warning_once_and_says_unchanged() {
    let docs = repo().join("docs-snapshot");
    let docs = docs.to_str().unwrap();
    let output = catalog_gen(&[
        "--diagnostics",
        "plain",
        "diff",
        docs,
        docs,
        "--format",
        "markdown",
    ]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stderr(&output).matches("warning[redirect-mismatch]").count(),
        1,
        "{}",
        stderr(&output)
    );
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        "<!-- semver: none -->\n### Smartcar error docs unchanged\n\nThe two snapshots document the same errors.\n"
    );
}

#[test]
fn colors_follow_the_color_flag() {
    let rich = |color: &str| stderr(&catalog_gen(&["lint", "--color", color]));
    assert!(rich("always").contains('\u{1b}'), "{}", rich("always"));
    assert!(!rich("never").contains('\u{1b}'), "{}", rich("never"));
    // Output to a pipe is no terminal.
    assert!(!rich("auto").contains('\u{1b}'), "{}", rich("auto"));
}

#[test]
fn generate_gives_the_same_bytes_under_another_locale_time_zone_and_directory() {
    let dir = temp_dir("cli-determinism");
    let out = dir.join("generated.rs");
    let output = Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
        .args(["--quiet", "generate", "--docs"])
        .arg(repo().join("docs-snapshot"))
        .arg("--out")
        .arg(&out)
        .current_dir(&dir)
        .env("LC_ALL", "tr_TR.UTF-8")
        .env("LANG", "tr_TR.UTF-8")
        .env("TZ", "Pacific/Chatham")
        .output()
        .expect("catalog-gen runs");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        std::fs::read(repo().join("catalog/src/generated.rs")).unwrap()
    );
}
