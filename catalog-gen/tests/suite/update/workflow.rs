//! `scripts/docs-refresh.sh`, the scheduled job of `.github/workflows/docs-drift.yml`, run in
//! a git repository laid out as smartcar-errors' is, pushing to a local bare repository, with
//! stand-ins on `PATH` for `gh`, which records its arguments and the pull request's body, and
//! for cargo-semver-checks, which records its arguments and prints the report it is given
//! (the real one is run by the semver test of the repository's tests package).
//!
//! The script is the repository's, not this package's: where the package is tested on its
//! own, unpacked, there is no script to run, and the test says so.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use super::bump::{CHANGELOG, MANIFEST, lock, manifest};
use super::site::*;
use super::support::*;
use crate::server::Server;

/// The script, in the repository this package is in.
fn script() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../scripts/docs-refresh.sh")
}

/// The stand-in for GitHub's `gh`: each call's arguments, one per line, go to
/// `$GH_RECORD/call-N`, and the file given to `--body-file` to `$GH_RECORD/body-N`; `pr list`
/// prints `$GH_RECORD/open-pr`, the number of the open pull request, if there is one.
const GH: &str = r#"#!/bin/sh
count="$GH_RECORD/count"
n=$(( $(cat "$count" 2>/dev/null || echo 0) + 1 ))
echo "$n" > "$count"
: > "$GH_RECORD/call-$n"
previous=""
for argument in "$@"; do
    printf '%s\n' "$argument" >> "$GH_RECORD/call-$n"
    if [ "$previous" = "--body-file" ]; then cp "$argument" "$GH_RECORD/body-$n"; fi
    previous="$argument"
done
if [ "$1 $2" = "pr list" ] && [ -f "$GH_RECORD/open-pr" ]; then cat "$GH_RECORD/open-pr"; fi
exit 0
"#;

/// The stand-in for cargo-semver-checks (run as `cargo-semver-checks semver-checks ARGS`):
/// `--version` names the release; otherwise the arguments, one per line, go to
/// `$SEMVER_CHECKS_RECORD/call`, and it prints `$SEMVER_CHECKS_RECORD/report` and exits with
/// `$SEMVER_CHECKS_RECORD/status`.
const SEMVER_CHECKS: &str = r#"#!/bin/sh
if [ "$2" = "--version" ]; then echo "cargo-semver-checks 0.51.0"; exit 0; fi
printf '%s\n' "$@" > "$SEMVER_CHECKS_RECORD/call"
cat "$SEMVER_CHECKS_RECORD/report"
exit "$(cat "$SEMVER_CHECKS_RECORD/status")"
"#;

/// What cargo-semver-checks reports of a change that needs a minor release, in its format.
const MINOR_REPORT: &str = "    Building smartcar-errors v1.5.0 (current)
    Checking smartcar-errors v1.4.0 -> v1.5.0 (assume patch change)
     Checked [   0.081s] 229 checks: 228 pass, 1 fail, 0 warn, 31 skip

--- failure enum_variant_marked_deprecated: enum variant #[deprecated] added ---

Description:
An enum variant is now #[deprecated]. Downstream crates will get a compiler warning when using this variant.

Failed in:
  variant smartcar_errors::ApiErrorCode::ServerRecordNotFound in catalog/src/generated.rs:4

     Summary semver requires new minor version: 0 major and 1 minor checks failed
";

/// What cargo-semver-checks reports of the same change when it finds it breaking.
const MAJOR_REPORT: &str = "    Checking smartcar-errors v1.4.0 -> v1.5.0 (assume patch change)
     Checked [   0.081s] 229 checks: 227 pass, 2 fail, 0 warn, 31 skip

--- failure enum_no_repr_variant_discriminant_changed: enum variant had its discriminant change value ---

Failed in:
  variant ApiErrorCode::ServerInternal 0 -> 1 in catalog/src/generated.rs:4

--- failure enum_variant_marked_deprecated: enum variant #[deprecated] added ---

Failed in:
  variant smartcar_errors::ApiErrorCode::ServerRecordNotFound in catalog/src/generated.rs:4

     Summary semver requires new major version: 1 major and 1 minor checks failed
";

/// What cargo-semver-checks prints when it cannot build a crate: no summary.
const FAILED_REPORT: &str = "error: running cargo-doc on crate 'smartcar-errors' failed with output:
error: aborting due to failure to build rustdoc for crate smartcar-errors v1.4.0
";

/// A repository with a remote, the stand-ins and the script, in a directory of its own.
struct Checkout {
    dir: PathBuf,
}

impl Checkout {
    fn new() -> Checkout {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("update-workflow");
        let _ = fs::remove_dir_all(&dir);
        let checkout = Checkout { dir };
        for (path, bytes) in original() {
            write(&checkout.repo().join(path), &bytes);
        }
        write(&checkout.repo().join(MANIFEST), manifest("1.4.0").as_bytes());
        write(&checkout.repo().join("Cargo.lock"), lock("1.4.0").as_bytes());
        write(&checkout.repo().join("CHANGELOG.md"), CHANGELOG.as_bytes());
        let script = fs::read(script()).unwrap();
        write(&checkout.repo().join("scripts/docs-refresh.sh"), &script);
        write(&checkout.dir.join("bin/gh"), GH.as_bytes());
        fs::create_dir_all(checkout.dir.join("gh")).unwrap();
        write(
            &checkout.dir.join("bin/cargo-semver-checks"),
            SEMVER_CHECKS.as_bytes(),
        );
        fs::create_dir_all(checkout.dir.join("semver-checks")).unwrap();
        #[cfg(unix)]
        for file in [
            "bin/gh",
            "bin/cargo-semver-checks",
            "repo/scripts/docs-refresh.sh",
        ] {
            use std::os::unix::fs::PermissionsExt;
            fs::set_permissions(checkout.dir.join(file), fs::Permissions::from_mode(0o755)).unwrap();
        }
        checkout.git(&["init", "-q", "--bare", "-b", "main", "../remote.git"]);
        checkout.git(&["init", "-q", "-b", "main"]);
        checkout.git(&["remote", "add", "origin", "../remote.git"]);
        checkout.git(&["add", "-A"]);
        checkout.git(&["commit", "-q", "-m", "The repository"]);
        checkout.git(&["push", "-q", "origin", "main"]);
        checkout
    }

    fn repo(&self) -> PathBuf {
        self.dir.join("repo")
    }

    /// The environment every command here runs in: no user or system git configuration.
    fn isolated(&self, command: &mut Command) {
        command
            .env("HOME", &self.dir)
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_CONFIG_GLOBAL", self.dir.join("gitconfig"))
            .env("GIT_AUTHOR_NAME", "Docs Bot")
            .env("GIT_AUTHOR_EMAIL", "bot@example.invalid")
            .env("GIT_COMMITTER_NAME", "Docs Bot")
            .env("GIT_COMMITTER_EMAIL", "bot@example.invalid")
            .env("GIT_AUTHOR_DATE", "2026-03-02T12:00:00Z")
            .env("GIT_COMMITTER_DATE", "2026-03-02T12:00:00Z");
    }

    /// `git ARGS` in the repository, which must succeed; its stdout.
    fn git(&self, args: &[&str]) -> String {
        fs::create_dir_all(self.repo()).unwrap();
        let mut command = Command::new("git");
        command.args(args).current_dir(self.repo());
        self.isolated(&mut command);
        let output = command.output().expect("git runs");
        assert!(output.status.success(), "git {args:?}: {output:?}");
        stdout(&output)
    }

    /// Runs the script against the docs `server` plays, as the scheduled job does, with a job
    /// summary of its own.
    fn refresh(&self, server: &Server) -> Output {
        let _ = fs::remove_file(self.dir.join("summary.md"));
        let path = format!(
            "{}:{}",
            self.dir.join("bin").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut command = Command::new(self.repo().join("scripts/docs-refresh.sh"));
        command
            .current_dir(self.dir.join("bin"))
            .env("PATH", path)
            .env("CATALOG_GEN", env!("CARGO_BIN_EXE_catalog-gen"))
            .env("DOCS_INDEX_URL", server.url(INDEX_PATH))
            .env("SOURCE_DATE_EPOCH", DATE_EPOCH)
            .env("GH_RECORD", self.dir.join("gh"))
            .env("SEMVER_CHECKS_RECORD", self.dir.join("semver-checks"))
            .env("GITHUB_STEP_SUMMARY", self.dir.join("summary.md"))
            .env("NO_PROXY", "127.0.0.1")
            .env("no_proxy", "127.0.0.1")
            .env_remove("BASE_BRANCH")
            .env_remove("REFRESH_BRANCH");
        self.isolated(&mut command);
        command.output().expect("the script runs")
    }

    /// The calls made to `gh`, each its arguments, and the bodies given to them, by call.
    fn gh_calls(&self) -> (Vec<Vec<String>>, BTreeMap<usize, String>) {
        let record = self.dir.join("gh");
        let mut calls = Vec::new();
        let mut bodies = BTreeMap::new();
        for n in 1.. {
            let Ok(call) = fs::read_to_string(record.join(format!("call-{n}"))) else {
                break;
            };
            calls.push(call.lines().map(str::to_owned).collect());
            if let Ok(body) = fs::read_to_string(record.join(format!("body-{n}"))) {
                bodies.insert(n, body);
            }
        }
        (calls, bodies)
    }

    /// What the cargo-semver-checks stand-in prints from now on, and its exit status; forgets
    /// its last call.
    fn semver_checks_report(&self, report: &str, status: u8) {
        let record = self.dir.join("semver-checks");
        let _ = fs::remove_file(record.join("call"));
        fs::write(record.join("report"), report).unwrap();
        fs::write(record.join("status"), status.to_string()).unwrap();
    }

    /// The arguments of the last check cargo-semver-checks was asked for, if any.
    fn semver_checks_call(&self) -> Option<Vec<String>> {
        let call = fs::read_to_string(self.dir.join("semver-checks/call")).ok()?;
        Some(call.lines().map(str::to_owned).collect())
    }

    /// Forgets the calls made to `gh` so far.
    fn clear_gh(&self) {
        fs::remove_dir_all(self.dir.join("gh")).unwrap();
        fs::create_dir_all(self.dir.join("gh")).unwrap();
    }

    /// Back on main, as the next scheduled run's fresh checkout is.
    fn fresh_checkout(&self) {
        self.git(&["switch", "-q", "-f", "main"]);
        self.git(&["clean", "-q", "-fdx"]);
    }

    /// The commit the remote's `branch` points to, if it has the branch.
    fn remote_branch(&self, branch: &str) -> Option<String> {
        let out = self.git(&["ls-remote", "origin", &format!("refs/heads/{branch}")]);
        out.split_whitespace().next().map(str::to_owned)
    }
}

impl Drop for Checkout {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// The change note of the update from the published docs to `State::CodeReplaced`.
fn expected_note() -> String {
    format!(
        "<!-- semver: minor -->\n### Smartcar error docs changed: minor\n\n\
         Semver impact: **minor**\n\n\
         - errors that left the docs stay as deprecated variants until the next major release: code that names them still compiles, with a warning\n\
         - new variants: the enums are `#[non_exhaustive]`, so code that matches on them still compiles\n\n\
         3 changes: 1 added, 1 removed, 1 changed\n\n\
         | change | item | what it does | semver |\n| --- | --- | --- | --- |\n\
         | added | API error `SERVER:BATTERY_STALE` | new variant | minor |\n\
         | changed | API error `SERVER:INTERNAL` | `description` | patch |\n\
         | removed | API error `SERVER:RECORD_NOT_FOUND` | left the docs: kept as a deprecated variant | minor |\n\n\
         <details><summary>SERVER:INTERNAL</summary>\n\n`description`\n\n\
         ```diff\n- {INTERNAL_DESCRIPTION}\n+ Smartcar had an internal error.\n```\n\n</details>\n\n\
         Next version: **1.5.0** (from 1.4.0); CHANGELOG.md has the entries.\n"
    )
}

/// The pull request's body for that update: the note, then cargo-semver-checks' verdict (at
/// `base`, the short commit the refresh starts from) and what it means, `verdict`.
fn expected_body(base: &str, checked: &str, verdict: &str) -> String {
    format!(
        "{}\n### cargo-semver-checks\n\n| | semver |\n| --- | --- |\n\
         | `catalog-gen update`: the docs change | minor |\n\
         | cargo-semver-checks 0.51.0: smartcar-errors at {base} and refreshed | {checked} |\n\n{verdict}",
        expected_note()
    )
}

const TITLE: &str = "Refresh the Smartcar error docs (semver: minor)";

/// The title when cargo-semver-checks finds the same change breaking.
const MAJOR_TITLE: &str = "Refresh the Smartcar error docs (semver: major)";

/// What the body says when cargo-semver-checks requires more than `update` says.
const MAJOR_VERDICT: &str = "**This refresh is major, not minor**: cargo-semver-checks requires a new major version, for these checks:\n\n\
    - `enum_no_repr_variant_discriminant_changed`: enum variant had its discriminant change value\n\
    - `enum_variant_marked_deprecated`: enum variant #[deprecated] added\n\n\
    The version and CHANGELOG.md entries that `update --bump` wrote follow `update`'s minor: raise them before releasing. The job log has cargo-semver-checks' full report.\n";

#[test]
fn the_scheduled_job_opens_one_pull_request_and_updates_it_later() {
    if !script().is_file() {
        eprintln!(
            "not run: {} is not here (the package is tested outside its repository)",
            script().display()
        );
        return;
    }
    let checkout = Checkout::new();

    // The docs say what the snapshot says: nothing to do.
    let unchanged = Server::start(site(State::Unchanged));
    let output = checkout.refresh(&unchanged);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!(
            "docs-snapshot matches the docs at {}: nothing to propose\n",
            unchanged.url(INDEX_PATH)
        )
    );
    assert_eq!(checkout.gh_calls().0, Vec::<Vec<String>>::new());
    assert_eq!(checkout.remote_branch("docs-refresh"), None);

    assert_eq!(checkout.semver_checks_call(), None);

    // A code removed, another added, a description changed: cargo-semver-checks agrees that
    // it is minor, and a pull request is opened.
    let main = checkout.git(&["rev-parse", "HEAD"]).trim().to_owned();
    let base = checkout.git(&["rev-parse", "--short", "HEAD"]).trim().to_owned();
    let body = expected_body(&base, "minor", "cargo-semver-checks agrees.\n");
    checkout.semver_checks_report(MINOR_REPORT, 1);
    let changed = Server::start(site(State::CodeReplaced));
    let output = checkout.refresh(&changed);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), format!("opened a pull request: {TITLE}\n"));
    assert_eq!(
        checkout.semver_checks_call().expect("cargo-semver-checks ran"),
        [
            "semver-checks",
            "check-release",
            "--color",
            "never",
            "--default-features",
            "--release-type",
            "patch",
            "--baseline-rev",
            &main,
            "--manifest-path",
            "catalog/Cargo.toml"
        ]
    );
    assert!(stderr(&output).contains(MINOR_REPORT), "{output:?}");
    let (calls, bodies) = checkout.gh_calls();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(
        calls[0],
        [
            "pr",
            "list",
            "--head",
            "docs-refresh",
            "--base",
            "main",
            "--state",
            "open",
            "--json",
            "number",
            "--jq",
            ".[0].number // empty"
        ]
    );
    assert_eq!(
        calls[1][..8],
        [
            "pr",
            "create",
            "--head",
            "docs-refresh",
            "--base",
            "main",
            "--title",
            TITLE
        ]
    );
    assert_eq!(calls[1][8], "--body-file");
    assert_eq!(calls[1].len(), 10);
    assert_eq!(bodies[&2], body);
    assert_eq!(fs::read_to_string(checkout.dir.join("summary.md")).unwrap(), body);
    // One commit on top of main, changing exactly the snapshot's page, the catalog, the
    // ledger, and the release: changelog, manifest and lock.
    let pushed = checkout
        .remote_branch("docs-refresh")
        .expect("the branch is pushed");
    assert_eq!(
        checkout.git(&["log", "--format=%s", "main..docs-refresh"]),
        format!("{TITLE}\n")
    );
    assert_eq!(
        checkout.git(&["diff", "--name-status", "main", "docs-refresh"]),
        "M\tCHANGELOG.md\nM\tCargo.lock\nM\tcatalog/Cargo.toml\nM\tcatalog/src/generated.rs\nA\tdocs-snapshot.ledger.json\nM\tdocs-snapshot/errors/api-errors/server-errors.md\n"
    );
    assert_eq!(
        checkout.git(&["show", "docs-refresh:catalog/Cargo.toml"]),
        manifest("1.5.0")
    );
    assert_eq!(
        checkout.git(&["show", "docs-refresh:docs-snapshot.ledger.json"]),
        code_replaced_ledger()
    );

    // The next day's run finds the same change, and cargo-semver-checks finds it breaking:
    // the branch already holds it, and the open pull request is updated, not a second one
    // opened, its title raised to major and its body saying why.
    checkout.fresh_checkout();
    checkout.clear_gh();
    checkout.semver_checks_report(MAJOR_REPORT, 1);
    fs::write(checkout.dir.join("gh/open-pr"), "7\n").unwrap();
    let output = checkout.refresh(&changed);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("origin/docs-refresh already holds this refresh\nupdated pull request #7: {MAJOR_TITLE}\n")
    );
    let (calls, bodies) = checkout.gh_calls();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(calls[1][..5], ["pr", "edit", "7", "--title", MAJOR_TITLE]);
    let body = expected_body(&base, "major", MAJOR_VERDICT);
    assert_eq!(bodies[&2], body);
    assert_eq!(fs::read_to_string(checkout.dir.join("summary.md")).unwrap(), body);
    assert_eq!(checkout.remote_branch("docs-refresh"), Some(pushed.clone()));

    // cargo-semver-checks cannot check the crates: the job fails, and proposes nothing.
    checkout.fresh_checkout();
    checkout.clear_gh();
    checkout.semver_checks_report(FAILED_REPORT, 1);
    let output = checkout.refresh(&changed);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(stdout(&output), "");
    assert!(
        stderr(&output).ends_with(&format!(
            "{FAILED_REPORT}::error::cargo-semver-checks could not check smartcar-errors against {main} (exit 1, see the log); nothing proposed\n"
        )),
        "{output:?}"
    );
    assert_eq!(checkout.gh_calls().0, Vec::<Vec<String>>::new());
    assert_eq!(checkout.git(&["branch", "--show-current"]), "main\n");
    assert_eq!(checkout.remote_branch("docs-refresh"), Some(pushed));
    let indented: String = FAILED_REPORT
        .lines()
        .map(|line| format!("    {line}\n"))
        .collect();
    assert_eq!(
        fs::read_to_string(checkout.dir.join("summary.md")).unwrap(),
        format!(
            "### Smartcar docs refresh failed\n\ncargo-semver-checks could not check smartcar-errors against {main}; nothing was proposed.\n\n{indented}"
        )
    );

    // Docs that cannot be parsed: the job fails, and proposes nothing.
    checkout.fresh_checkout();
    checkout.clear_gh();
    let broken = Server::start(site(State::Broken));
    let output = checkout.refresh(&broken);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(stdout(&output), "");
    let index = broken.url(INDEX_PATH);
    let diagnostics = format!(
        "error[invalid-json]: errors/api-errors/server-errors.md:18:3: the JSON example is not valid JSON: expected `,` or `}}`\n\
         warning[redirect-mismatch]: errors/connect-errors/server-error.md:15:2: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n\
         1 error, 1 warning\n\
         error: the docs at {index} have errors; nothing written\n"
    );
    assert_eq!(
        stderr(&output),
        format!(
            "{diagnostics}::error::cannot refresh the Smartcar docs from {index}: they could not be read or parsed (see the log); nothing proposed\n"
        )
    );
    assert_eq!(checkout.gh_calls().0, Vec::<Vec<String>>::new());
    assert!(checkout.git(&["status", "--porcelain"]).is_empty());
    let indented: String = diagnostics.lines().map(|line| format!("    {line}\n")).collect();
    assert_eq!(
        fs::read_to_string(checkout.dir.join("summary.md")).unwrap(),
        format!(
            "### Smartcar docs refresh failed\n\nThe docs at {index} could not be read or parsed; nothing was proposed.\n\n{indented}"
        )
    );
}
