//! `update` killed at each step of replacing the snapshot, the catalog and the ledger: before
//! its commit point the old files are intact, after it they are not yet all new; either way
//! the next `update`, `generate` or `fetch` leaves the repository consistent — all old or all
//! new — with nothing beside it.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Output, Stdio};
use std::sync::{OnceLock, mpsc};
use std::thread;
use std::time::Duration;

use super::site::*;
use super::support::*;
use crate::server::Server;

/// Runs an update of `repo` from `server` with `flags` that stops at `step`, waits until it is
/// there and kills it (SIGKILL on Unix): no destructor, no clean-up.
pub fn kill_at(repo: &Repo, server: &Server, step: &str, flags: &[&str]) {
    let mut args = vec!["--date", DATE];
    args.extend_from_slice(flags);
    let mut child = repo
        .update_command(server, &args)
        .env("CATALOG_GEN_FAIL_POINT", step)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("catalog-gen starts");
    let stderr = child.stderr.take().expect("stderr is piped");
    let (sender, receiver) = mpsc::channel();
    thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if line.starts_with("fail point ") && sender.send(line).is_err() {
                return;
            }
        }
    });
    let reached = receiver.recv_timeout(Duration::from_secs(30));
    child.kill().expect("kill -9");
    child.wait().expect("the killed run is reaped");
    assert_eq!(
        reached.as_deref(),
        Ok(format!("fail point {step}: waiting to be killed").as_str())
    );
}

/// Runs the command that comes after a killed run: `generate`, `fetch` (of the snapshot from
/// `server`) or `update`.
fn run_next(repo: &Repo, server: &Server, next: &str) -> Output {
    match next {
        "generate" => repo.run(&["generate"]),
        "fetch" => {
            let index = server.url(INDEX_PATH);
            repo.run(&["fetch", "--index", &index, "--out", "docs-snapshot"])
        }
        _ => repo.update(server, &["--date", DATE]),
    }
}

/// Whether `path` is one of a consistent repository's files: the snapshot, catalog and ledger.
fn is_repository_file(path: &str) -> bool {
    path.starts_with("docs-snapshot/") || path == GENERATED || path == LEDGER
}

/// The files of `repo` that are not those of a consistent repository: what a killed run left.
fn leftovers(files: &BTreeMap<String, Vec<u8>>) -> Vec<&str> {
    files
        .keys()
        .map(String::as_str)
        .filter(|path| !is_repository_file(path))
        .collect()
}

/// The files of a consistent repository among `files`.
fn consistent(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files
        .into_iter()
        .filter(|(path, _)| is_repository_file(path))
        .collect()
}

/// The repository after an uninterrupted update from the published docs to `State::CodeReplaced`
/// (made once per test run: the same files whichever server it is fetched from).
fn updated() -> BTreeMap<String, Vec<u8>> {
    static UPDATED: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    UPDATED
        .get_or_init(|| {
            let server = Server::start(site(State::CodeReplaced));
            let repo = Repo::new("killed-reference");
            assert!(repo.update(&server, &["--date", DATE]).status.success());
            repo.files()
        })
        .clone()
}

#[test]
fn a_run_killed_before_its_commit_point_leaves_the_old_files_and_is_undone() {
    let server = Server::start(site(State::CodeReplaced));
    for (step, next) in [
        ("prepared", "generate"),
        ("staged", "fetch"),
        ("staged", "update"),
    ] {
        let repo = Repo::new(&format!("killed-{step}-{next}"));
        kill_at(&repo, &server, step, &[]);

        let files = repo.files();
        let mut left = leftovers(&files);
        left.sort_by_key(|path| path.len());
        let expected: &[&str] = if step == "prepared" {
            &[".docs-snapshot.fetch-", ".docs-snapshot.update-"]
        } else {
            &[
                ".docs-snapshot.fetch-",
                ".docs-snapshot.update-",
                ".docs-snapshot.ledger.json.update-",
                "catalog/src/.generated.rs.update-",
            ]
        };
        // The staging directory's pages, its lock, the journal, and the staged files.
        assert!(
            expected
                .iter()
                .all(|prefix| left.iter().any(|path| path.starts_with(prefix))),
            "{step}: {left:?}"
        );
        assert_eq!(consistent(files), original(), "{step}: the old files are intact");

        let output = run_next(&repo, &server, next);
        assert!(output.status.success(), "{step} then {next}: {output:?}");
        assert!(
            stderr(&output).starts_with(
                "undid an update that was interrupted before it committed (./.docs-snapshot.update-"
            ),
            "{step} then {next}: {}",
            stderr(&output)
        );
        let files = repo.files();
        assert_eq!(leftovers(&files), Vec::<&str>::new(), "{step} then {next}");
        match next {
            "generate" => assert_eq!(files, original()),
            // fetch refreshes the snapshot alone; update all three.
            "fetch" => assert_eq!(
                files,
                repository(State::CodeReplaced, &original()[GENERATED], None)
            ),
            _ => assert_eq!(files, updated()),
        }
    }
}

#[test]
fn a_run_killed_after_its_commit_point_is_finished_by_the_next_run() {
    let server = Server::start(site(State::CodeReplaced));
    let updated = updated();
    for (step, next) in [
        ("committed", "generate"),
        ("swapped", "fetch"),
        ("swapped", "generate"),
        ("replaced", "update"),
    ] {
        let repo = Repo::new(&format!("killed-{step}-{next}"));
        kill_at(&repo, &server, step, &[]);
        let files = repo.files();
        assert!(
            leftovers(&files)
                .iter()
                .any(|path| path.starts_with(".docs-snapshot.update-")),
            "{step}: the journal is left"
        );
        // What the killed run had done: nothing yet, the snapshot only, or everything but
        // removing the old snapshot and the journal.
        let done = consistent(files);
        let snapshot = |files: &BTreeMap<String, Vec<u8>>| -> BTreeMap<String, Vec<u8>> {
            files
                .iter()
                .filter(|(path, _)| path.starts_with("docs-snapshot/"))
                .map(|(path, bytes)| (path.clone(), bytes.clone()))
                .collect()
        };
        match step {
            "committed" => assert_eq!(done, original()),
            "swapped" => {
                assert_eq!(snapshot(&done), snapshot(&updated));
                assert_eq!(done[GENERATED], original()[GENERATED]);
                assert!(!done.contains_key(LEDGER));
            }
            _ => assert_eq!(done, updated),
        }

        let output = run_next(&repo, &server, next);
        assert!(output.status.success(), "{step} then {next}: {output:?}");
        assert!(
            stderr(&output).starts_with(
                "finished an update that was interrupted after it committed (./.docs-snapshot.update-"
            ),
            "{step} then {next}: {}",
            stderr(&output)
        );
        assert_eq!(repo.files(), updated, "{step} then {next}");
        if next == "update" {
            assert_eq!(
                stdout(&output),
                "0 changes: 0 added, 0 removed, 0 changed\nsemver: none\n"
            );
        }
    }
}

#[test]
fn a_directory_left_aside_that_is_not_a_snapshot_is_reported_once() {
    let server = Server::start(site(State::Unchanged));
    let repo = Repo::new("kept-once");
    let forced = repo.0.join(".docs-snapshot.old-forced");
    write(&forced.join("notes.txt"), b"mine\n");

    let output = repo.update(&server, &["--date", DATE]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stderr(&output),
        format!(
            "warning: kept {}, which an interrupted fetch had moved aside, as it is not a \
             snapshot ({} is not a .md file); remove it once you have checked it\n\
             {REDIRECT_WARNING}docs-snapshot is up to date with {}; nothing written\n",
            Path::new(".").join(".docs-snapshot.old-forced").display(),
            Path::new(".")
                .join(".docs-snapshot.old-forced/notes.txt")
                .display(),
            server.url(INDEX_PATH)
        )
    );
    assert_eq!(
        read_tree(&forced),
        BTreeMap::from([("notes.txt".to_owned(), b"mine\n".to_vec())])
    );
}

#[test]
fn an_old_snapshot_a_finished_update_keeps_is_reported_once() {
    let server = Server::start(site(State::CodeReplaced));
    let repo = Repo::new("finished-kept-once");
    kill_at(&repo, &server, "swapped", &[]);
    let old = repo.files().into_keys().find_map(|path| {
        path.strip_prefix(".docs-snapshot.old-")
            .map(|rest| format!(".docs-snapshot.old-{}", rest.split('/').next().unwrap()))
    });
    let old = old.expect("the killed run moved the old snapshot aside");
    let id = old.strip_prefix(".docs-snapshot.old-").unwrap();
    write(&repo.0.join(&old).join("notes.txt"), b"mine\n");

    let output = repo.run(&["generate"]);
    assert!(output.status.success(), "{output:?}");
    let kept = Path::new(".").join(&old);
    let warning = format!(
        "warning: kept {}, which an interrupted fetch had moved aside, as it is not a snapshot \
         ({} is not a .md file); remove it once you have checked it\n",
        kept.display(),
        kept.join("notes.txt").display()
    );
    assert!(
        stderr(&output).starts_with(&format!(
            "finished an update that was interrupted after it committed (./.docs-snapshot.update-{id}.json)\n{warning}"
        )),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        stderr(&output).matches(&warning).count(),
        1,
        "{}",
        stderr(&output)
    );
    assert_eq!(read_tree(&repo.0.join(&old))["notes.txt"], b"mine\n");
}
