//! `scripts/docs-refresh.sh`, the scheduled job of `.github/workflows/docs-drift.yml`, run in
//! a git repository laid out as smartcar-errors' is, pushing to a local bare repository, with
//! a stand-in for `gh` on `PATH` that records its arguments and the pull request's body.
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

/// A repository with a remote, a `gh` stand-in and the script, in a directory of its own.
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
        #[cfg(unix)]
        for file in ["bin/gh", "repo/scripts/docs-refresh.sh"] {
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

/// The pull request's body for the update from the published docs to `State::CodeReplaced`.
fn expected_body() -> String {
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

const TITLE: &str = "Refresh the Smartcar error docs (semver: minor)";

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

    // A code removed, another added, a description changed: a pull request is opened.
    let changed = Server::start(site(State::CodeReplaced));
    let output = checkout.refresh(&changed);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(stdout(&output), format!("opened a pull request: {TITLE}\n"));
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
    assert_eq!(bodies[&2], expected_body());
    assert_eq!(
        fs::read_to_string(checkout.dir.join("summary.md")).unwrap(),
        expected_body()
    );
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

    // The next day's run finds the same change: the branch already holds it, and the open
    // pull request is updated, not a second one opened.
    checkout.fresh_checkout();
    checkout.clear_gh();
    fs::write(checkout.dir.join("gh/open-pr"), "7\n").unwrap();
    let output = checkout.refresh(&changed);
    assert!(output.status.success(), "{output:?}");
    assert_eq!(
        stdout(&output),
        format!("origin/docs-refresh already holds this refresh\nupdated pull request #7: {TITLE}\n")
    );
    let (calls, bodies) = checkout.gh_calls();
    assert_eq!(calls.len(), 2, "{calls:?}");
    assert_eq!(calls[1][..5], ["pr", "edit", "7", "--title", TITLE]);
    assert_eq!(bodies[&2], expected_body());
    assert_eq!(checkout.remote_branch("docs-refresh"), Some(pushed));

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
