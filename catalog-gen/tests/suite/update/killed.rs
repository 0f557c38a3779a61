//! `update` killed at real points: mid-page on a server that stalls, and between two of the
//! files it writes (the catalog written, the snapshot not yet). The snapshot is
//! whole, old or new; no file is a part of itself; `check` fails, saying why, while the files
//! are of different generations; and the next `update` writes what an uninterrupted run would
//! have.

use std::collections::BTreeMap;
use std::fs;
use std::sync::OnceLock;

use super::site::*;
use super::support::*;
use crate::fetch::support::kill_when;
use crate::server::{Reply, Server};

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
fn consistent(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .filter(|(path, _)| is_repository_file(path))
        .map(|(path, bytes)| (path.clone(), bytes.clone()))
        .collect()
}

/// The snapshot's pages among `files`.
fn snapshot(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .filter(|(path, _)| path.starts_with("docs-snapshot/"))
        .map(|(path, bytes)| (path.clone(), bytes.clone()))
        .collect()
}

/// The repository after an uninterrupted update from the published docs to
/// `State::CodeReplaced` (made once per test run).
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
fn an_update_killed_mid_page_changes_nothing_and_the_next_run_finishes_it() {
    let page = "errors/connect-errors/server-error.md";
    let stall = Reply::Stall(pages(State::CodeReplaced)[page].clone());
    let stalling = Server::start(site_with(State::CodeReplaced, page, stall));
    let repo = Repo::new("killed-mid-page");
    let mut command = repo.update_command(&stalling, &["--date", DATE]);
    assert!(kill_when(&mut command, || stalling.stalled()));
    drop(stalling);

    let files = repo.files();
    assert!(
        leftovers(&files)
            .iter()
            .all(|path| path.starts_with(".docs-snapshot.new/")),
        "{:?}",
        leftovers(&files)
    );
    assert_eq!(consistent(&files), original());
    assert_eq!(repo.run(&["check"]).status.code(), Some(0));

    let server = Server::start(site(State::CodeReplaced));
    assert!(repo.update(&server, &["--date", DATE]).status.success());
    assert_eq!(repo.files(), updated());
}

#[cfg(unix)]
#[test]
fn an_update_killed_between_two_files_fails_check_until_the_next_run_finishes_it() {
    use std::os::unix::fs::MetadataExt;

    let server = Server::start(site(State::CodeReplaced));
    let updated = updated();
    for attempt in 0..5 {
        let repo = Repo::new(&format!("between-files-{attempt}"));
        // The catalog is replaced first (a new inode, renamed over it); the ledger and the
        // snapshot follow, each write synced, so a kill right after it lands between files.
        let generated = repo.0.join(GENERATED);
        let inode = fs::metadata(&generated).unwrap().ino();
        let replaced = || fs::metadata(&generated).is_ok_and(|file| file.ino() != inode);
        if !kill_when(&mut repo.update_command(&server, &["--date", DATE]), replaced) {
            continue;
        }
        // Every file is old or new, never a part of either.
        let files = repo.files();
        assert!(files[GENERATED] == updated[GENERATED]);
        assert!([None, updated.get(LEDGER)].contains(&files.get(LEDGER)));
        let old_snapshot = snapshot(&files) == snapshot(&original());
        assert!(old_snapshot || snapshot(&files) == snapshot(&updated));
        if !old_snapshot {
            // Killed after the swap: try again for a kill between the files.
            continue;
        }
        let check = repo.run(&["check"]);
        assert_eq!(check.status.code(), Some(1), "{check:?}");
        let report = stdout(&check);
        assert!(
            report.starts_with(
                "catalog/src/generated.rs is out of sync with the docs.\n\
                 The docs changed since catalog/src/generated.rs was generated (sha256 "
            ),
            "{report}"
        );
        assert!(
            report.contains(
                "). If a `catalog-gen update` was interrupted, run it again: it finishes the \
                 refresh.\n"
            ),
            "{report}"
        );

        let output = repo.update(&server, &["--date", DATE]);
        assert!(output.status.success(), "{output:?}");
        let files = repo.files();
        assert!(consistent(&files) == consistent(&updated));
        // What may be left is the temporary file of the ledger the killed run was writing:
        // never read, and shown by git as untracked.
        for path in leftovers(&files) {
            let name = path.strip_prefix(".docs-snapshot.ledger.json.");
            assert!(name.is_some_and(|name| name.ends_with(".tmp")), "{path}");
        }
        assert_eq!(repo.run(&["check"]).status.code(), Some(0));
        return;
    }
    panic!("no kill landed between two files in 5 tries");
}
