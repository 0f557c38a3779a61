//! cargo-semver-checks confirms `update`'s semver verdicts. For each change class of the
//! semver table in docs/semver.md, the docs snapshot is changed as the live docs could change
//! it, the new catalog and ledger are computed as `update` computes them (`Docs::update_from`
//! on the docs read with the checked-in settings; the verdict is `ChangeSet::semver`, which
//! `update --format json` prints as `semver`), and the smartcar-errors crate generated before
//! and after, both at version 1.0.0 so that the usual levels apply, goes through
//! `cargo semver-checks check-release`. The level it requires must be the one `update` says:
//! `none` and `patch` are both "no API change" to it. One difference is by design: it has no
//! check for added items (it looks for what breaks or is deprecated), so a change that only adds
//! — a code, an error type — is minor to `update`, by Cargo's rules, and requires nothing of it;
//! it must then require nothing. The table of both verdicts is printed
//! (`cargo test -p smartcar-errors-tests --test suite semver -- --nocapture` shows it).
//!
//! Without cargo-semver-checks the test says how to install it and passes, so that a first
//! `cargo test` needs nothing but Rust; under CI (`CI=true`), where `.ci/run` installs it, it
//! fails instead.

use std::collections::BTreeMap;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use catalog_gen::Semver;
use smartcar_errors_tests::{checked_in, copy_dir, fixture_dir, snapshot_dir, workspace_root};

/// The cargo-semver-checks release `.ci/run` and the refresh workflow install.
const CARGO_SEMVER_CHECKS: &str = "0.51.0";

/// The day the tests record for what leaves the docs.
const DATE: &str = "2026-03-02";

/// The published API errors page the classes change.
const SERVER_PAGE: &str = "errors/api-errors/server-errors.md";

/// A change of the docs, as docs/semver.md's table classes it.
struct Class {
    /// The class, as the table prints it.
    name: &'static str,
    /// The class whose changed docs this one starts from; the published snapshot if none.
    from: Option<&'static str>,
    /// Changes the docs directory given.
    edit: fn(&Path),
    /// Whether `update` runs with `--drop-tombstones`.
    drop_tombstones: bool,
    /// The headlines of `update`'s change note (`ChangeSet::to_text` without the indented
    /// field diffs): the edit makes the change the class names, and nothing else.
    changes: &'static str,
}

/// The classes, each a change to a copy of the published snapshot (or of another class's
/// result); the pages and codes they add are synthetic.
fn classes() -> Vec<Class> {
    vec![
        Class {
            name: "description changed",
            from: None,
            edit: |docs| {
                replace_in(
                    docs,
                    SERVER_PAGE,
                    r#""description": "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.","#,
                    r#""description": "Smartcar had an internal error.","#,
                )
            },
            drop_tombstones: false,
            changes: "changed API error SERVER:INTERNAL: description\n1 change: 0 added, 0 removed, 1 changed\n",
        },
        Class {
            name: "status changed",
            from: None,
            edit: |docs| {
                replace_in(
                    docs,
                    SERVER_PAGE,
                    "server-errors#internal\",\n  \"statusCode\": 500,",
                    "server-errors#internal\",\n  \"statusCode\": 503,",
                )
            },
            drop_tombstones: false,
            changes: "changed API error SERVER:INTERNAL: status_code\n1 change: 0 added, 0 removed, 1 changed\n",
        },
        Class {
            name: "resolution changed",
            from: None,
            edit: |docs| {
                replace_in(
                    docs,
                    SERVER_PAGE,
                    r#""resolution": { "type": "RETRY_LATER" },"#,
                    r#""resolution": { "type": "REAUTHENTICATE" },"#,
                )
            },
            drop_tombstones: false,
            changes: "changed API error SERVER:INTERNAL: resolution\nadded resolution REAUTHENTICATE\nremoved resolution RETRY_LATER\n3 changes: 1 added, 1 removed, 1 changed\n",
        },
        Class {
            name: "code added",
            from: None,
            edit: |docs| replace_in(docs, SERVER_PAGE, "# `RECORD_NOT_FOUND`", ADDED_CODE),
            drop_tombstones: false,
            changes: "added API error SERVER:OVERLOADED\n1 change: 1 added, 0 removed, 0 changed\n",
        },
        Class {
            name: "code removed",
            from: None,
            edit: |docs| {
                remove_section(
                    docs,
                    SERVER_PAGE,
                    "# `RECORD_NOT_FOUND`",
                    "# `MULTIPLE_RECORDS_FOUND`",
                )
            },
            drop_tombstones: false,
            changes: "removed API error SERVER:RECORD_NOT_FOUND\n1 change: 0 added, 1 removed, 0 changed\n",
        },
        Class {
            name: "tombstones dropped",
            from: Some("code removed"),
            edit: |_| {},
            drop_tombstones: true,
            changes: "dropped API error SERVER:RECORD_NOT_FOUND\n1 change: 0 added, 0 removed, 0 changed, 1 dropped\n",
        },
        Class {
            name: "error type page added",
            from: None,
            edit: |docs| {
                let page = "errors/api-errors/rate-limit-errors.md";
                fs::copy(fixture_dir("synthetic").join(page), docs.join(page)).unwrap();
            },
            drop_tombstones: false,
            changes: "added API error RATE_LIMIT:SMARTCAR_API\nadded API error RATE_LIMIT:VEHICLE\nadded error type RATE_LIMIT\n3 changes: 3 added, 0 removed, 0 changed\n",
        },
        Class {
            name: "Connect page removed",
            from: None,
            edit: |docs| fs::remove_file(docs.join("errors/connect-errors/configuration-error.md")).unwrap(),
            drop_tombstones: false,
            changes: "removed Connect error configuration_error\n1 change: 0 added, 1 removed, 0 changed\n",
        },
        Class {
            name: "Connect parameter added",
            from: None,
            edit: |docs| {
                replace_in(
                    docs,
                    "errors/connect-errors/server-error.md",
                    "| error\\_description | true     | Unexpected server error. Please try again. |\n",
                    "| error\\_description | true     | Unexpected server error. Please try again. |\n\
                     | status\\_code       | false    | The status code of the error.              |\n",
                )
            },
            drop_tombstones: false,
            changes: "changed Connect error server_error: parameters\n1 change: 0 added, 0 removed, 1 changed\n",
        },
    ]
}

/// A synthetic code, added before `RECORD_NOT_FOUND` on the Server errors page.
const ADDED_CODE: &str = r#"# `OVERLOADED`

Smartcar is handling more requests than it can answer right now.

```json  theme={null}
{
  "type": "SERVER",
  "code": "OVERLOADED",
  "description": "Smartcar is temporarily overloaded.",
  "docURL": "https://smartcar.com/docs/errors/api-errors/server-errors#overloaded",
  "statusCode": 503,
  "requestId": "5dea93a1-3f79-4246-90c5-89610a20471b",
  "resolution": { "type": "RETRY_LATER" },
  "suggestedUserMessage": "Your car is temporarily unable to connect to <app name>. Please try again later."
}
```

### Suggested Resolution

Retry the request later.

***

# `RECORD_NOT_FOUND`"#;

/// The lines of a text change note that are not indented: one per change, and the count.
fn headlines(note: &str) -> String {
    note.lines()
        .filter(|line| !line.starts_with(' '))
        .map(|line| format!("{line}\n"))
        .collect()
}

/// Replaces the one occurrence of `from` in the page `page` of `docs` with `to`.
fn replace_in(docs: &Path, page: &str, from: &str, to: &str) {
    let path = docs.join(page);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, replace_once(&text, from, to)).unwrap();
}

/// Removes from the page `page` of `docs` the lines from `start` up to `next`, which stays.
fn remove_section(docs: &Path, page: &str, start: &str, next: &str) {
    let path = docs.join(page);
    let text = fs::read_to_string(&path).unwrap();
    let (begin, end) = (text.find(start).unwrap(), text.find(next).unwrap());
    assert!(begin < end, "{start} comes before {next} in {page}");
    fs::write(&path, format!("{}{}", &text[..begin], &text[end..])).unwrap();
}

/// `text` with its one occurrence of `from` replaced by `to`.
fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "`{from}` once in:\n{text}");
    text.replacen(from, to, 1)
}

/// The directory of this test's files and builds.
fn scratch() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("semver")
}

/// A repository laid out as this one is, holding only a docs snapshot, its ledger and the
/// smartcar-errors package (at version 1.0.0) generated from them.
struct Repository {
    root: PathBuf,
}

impl Repository {
    /// A repository named after `name`, made anew, holding a copy of the docs `docs` changed
    /// by `edit` and nothing else yet.
    fn new(name: &str, docs: &Path, edit: fn(&Path)) -> Repository {
        let root = scratch().join("repositories").join(name.replace(' ', "-"));
        let _ = fs::remove_dir_all(&root);
        let repository = Repository { root };
        copy_dir(docs, &repository.docs());
        edit(&repository.docs());
        repository
    }

    /// Its docs snapshot, beside which the ledger is.
    fn docs(&self) -> PathBuf {
        self.root.join("docs-snapshot")
    }

    /// Writes the workspace, with smartcar-errors at version 1.0.0 whose catalog is `code` and
    /// the ledger `ledger`. Its path dependencies are this workspace's packages.
    fn write(&self, code: &str, ledger: Option<&str>) {
        if let Some(ledger) = ledger {
            fs::write(self.root.join("docs-snapshot.ledger.json"), ledger).unwrap();
        }
        let workspace = fs::read_to_string(workspace_root().join("Cargo.toml")).unwrap();
        let members = &workspace[workspace.find("members = [").unwrap()..];
        let members = &members[..=members.find(']').unwrap()];
        let workspace = replace_once(&workspace, members, "members = [\"catalog\"]");
        let shared = format!("path = {:?}", workspace_root().join("catalog-shared"));
        let workspace = replace_once(&workspace, "path = \"catalog-shared\"", &shared);
        fs::write(self.root.join("Cargo.toml"), workspace).unwrap();

        let package = self.root.join("catalog");
        copy_dir(&workspace_root().join("catalog"), &package);
        let manifest = fs::read_to_string(package.join("Cargo.toml")).unwrap();
        let manifest = replace_once(&manifest, "\nversion = \"0.1.0\"\n", "\nversion = \"1.0.0\"\n");
        let generator = format!("path = {:?}", workspace_root().join("catalog-gen"));
        let manifest = replace_once(&manifest, "path = \"../catalog-gen\"", &generator);
        fs::write(package.join("Cargo.toml"), manifest).unwrap();
        fs::write(package.join("src/generated.rs"), code).unwrap();
    }
}

/// What cargo-semver-checks says of the release from one repository's crate to another's.
struct Verdict {
    /// The level it requires: `none`, `minor` or `major`.
    level: &'static str,
    /// The checks that failed: they require the level.
    failed: Vec<String>,
    /// The checks that only warn: they suggest a level, and require none.
    warnings: Vec<String>,
}

/// Runs `cargo semver-checks check-release` from `before`'s crate to `after`'s.
fn semver_checks(before: &Repository, after: &Repository) -> Verdict {
    let output = cargo_semver_checks()
        .args(["semver-checks", "check-release", "--color", "never"])
        .arg("--default-features")
        .arg("--baseline-root")
        .arg(&before.root)
        .arg("--manifest-path")
        .arg(after.root.join("catalog/Cargo.toml"))
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let summary = stderr
        .lines()
        .find_map(|line| line.trim_start().strip_prefix("Summary "))
        .unwrap_or_else(|| panic!("cargo-semver-checks printed no summary:\n{stdout}\n{stderr}"));
    let level = if summary == "no semver update required" {
        "none"
    } else if summary.starts_with("semver requires new major version") {
        "major"
    } else if summary.starts_with("semver requires new minor version") {
        "minor"
    } else {
        panic!("an unknown summary: {summary}\n{stdout}\n{stderr}")
    };
    // Each check reported opens with `--- failure ID: NAME ---` (or `--- warning ...`).
    let checks = |kind: &str| -> Vec<String> {
        stdout
            .lines()
            .filter_map(|line| line.strip_prefix(kind)?.split(':').next())
            .map(str::to_owned)
            .collect()
    };
    Verdict {
        level,
        failed: checks("--- failure "),
        warnings: checks("--- warning "),
    }
}

/// The tests' `cargo`, for cargo-semver-checks: offline, with one target directory for every
/// build it makes here, apart from the other tests' builds (it documents with flags of its own).
fn cargo_semver_checks() -> Command {
    let mut command = crate::cargo();
    command
        .env("CARGO_TARGET_DIR", scratch().join("target"))
        .env("CARGO_NET_OFFLINE", "true");
    command
}

/// The installed cargo-semver-checks' version line, or `None` when it is not installed.
fn installed() -> Option<String> {
    let output = cargo_semver_checks()
        .args(["semver-checks", "--version"])
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

/// What cargo-semver-checks must require of a change `update` gives `semver`, whose change
/// note's headlines are `changes`: nothing for a minor change that only adds, which it has no
/// check for.
fn expected(semver: Semver, changes: &str) -> &'static str {
    let only_adds = changes
        .lines()
        .filter(|line| !line.contains(" added, "))
        .all(|line| line.starts_with("added "));
    match semver {
        Semver::None | Semver::Patch => "none",
        Semver::Minor if only_adds => "none",
        Semver::Minor => "minor",
        Semver::Major => "major",
    }
}

#[test]
fn cargo_semver_checks_requires_the_level_update_says_for_every_change_class() {
    let Some(version) = installed() else {
        let how = format!(
            "cargo-semver-checks is not installed: install it with \
             `cargo install --locked cargo-semver-checks --version {CARGO_SEMVER_CHECKS}`, as .ci/run does"
        );
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{how}");
        // Past the test harness's capture, so that a plain `cargo test` shows it.
        let _ = writeln!(io::stderr(), "skipped: {how}");
        return;
    };

    let published = Repository::new("published", &snapshot_dir(), |_| {});
    let docs = checked_in(&published.docs()).read().unwrap();
    published.write(&docs.rust_source().unwrap(), None);
    let mut repositories = BTreeMap::new();
    let mut verdicts = Vec::new();
    for class in classes() {
        let before = class.from.map_or(&published, |from| &repositories[from]);
        let after = Repository::new(class.name, &before.docs(), class.edit);
        let old = checked_in(&before.docs()).read().unwrap();
        let new = checked_in(&after.docs()).read().unwrap();
        let (new, changes) = new.update_from(&old, DATE, class.drop_tombstones).unwrap();
        assert_eq!(headlines(&changes.to_text()), class.changes, "{}", class.name);
        after.write(&new.rust_source().unwrap(), new.ledger_json().as_deref());
        verdicts.push((class, changes.semver()));
        repositories.insert(verdicts.last().unwrap().0.name, after);
    }

    let mut table = format!(
        "| change class | update | {version} requires | failed checks | warnings |\n\
         | --- | --- | --- | --- | --- |\n"
    );
    let mut disagreements = Vec::new();
    for (class, semver) in &verdicts {
        let before = class.from.map_or(&published, |from| &repositories[from]);
        let verdict = semver_checks(before, &repositories[class.name]);
        table.push_str(&format!(
            "| {} | {semver} | {} | {} | {} |\n",
            class.name,
            verdict.level,
            verdict.failed.join(", "),
            verdict.warnings.join(", ")
        ));
        if verdict.level != expected(*semver, class.changes) {
            disagreements.push(format!(
                "{}: update says {semver}, cargo-semver-checks requires {}",
                class.name, verdict.level
            ));
        }
    }
    println!("{table}");
    assert_eq!(disagreements, Vec::<String>::new(), "\n{table}");
}

#[test]
fn ci_and_the_refresh_workflow_install_the_release_this_test_names() {
    for (file, pin) in [
        (
            ".ci/run",
            format!("\nsemver_checks_version={CARGO_SEMVER_CHECKS}\n"),
        ),
        (
            ".github/workflows/docs-drift.yml",
            format!("\n  CARGO_SEMVER_CHECKS_VERSION: \"{CARGO_SEMVER_CHECKS}\"\n"),
        ),
    ] {
        let text = fs::read_to_string(workspace_root().join(file)).unwrap();
        assert!(
            text.contains(&pin),
            "{file} pins cargo-semver-checks {CARGO_SEMVER_CHECKS}: {pin:?}"
        );
    }
}
