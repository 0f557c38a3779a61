//! A fetch killed at real points — mid-page on a server that stalls, while it writes a large
//! page, while it removes the old snapshot — and how the next run repairs what it left: the
//! snapshot directory is always there, or whole beside it, and never part old, part new.

use std::collections::BTreeMap;
use std::fs::{self, File};

use super::site::*;
use super::support::*;
use crate::server::{Reply, Server};

/// The third page the index lists.
const THIRD_PAGE: &str = "errors/connect-errors/server-error.md";

/// Runs a fetch into `scratch` that fails on the third page, so that only its repair of what
/// a killed run left shows; returns what it printed before its error.
fn repair_only(scratch: &Scratch) -> String {
    let server = Server::start(site_with(THIRD_PAGE, Reply::Status(404)));
    let printed = failure(&fetch(&server, &scratch.out(), &[]));
    let error = format!(
        "error: cannot fetch {}: HTTP status 404\n",
        server.page_url(THIRD_PAGE)
    );
    printed
        .strip_suffix(&error)
        .expect("the fetch fails on the third page")
        .to_owned()
}

/// What the next run prints when it removes `.snapshot.old` from `scratch`.
fn removed_note(scratch: &Scratch) -> String {
    format!(
        "removed {}, where an interrupted run had moved the old {}\n",
        scratch.0.join(".snapshot.old").display(),
        scratch.out().display()
    )
}

/// What the next run prints when it moves `.snapshot.old` back in `scratch`.
fn restored_note(scratch: &Scratch) -> String {
    format!(
        "restored {} from {}, where an interrupted run had moved it\n",
        scratch.out().display(),
        scratch.0.join(".snapshot.old").display()
    )
}

#[test]
fn a_fetch_killed_mid_page_leaves_the_old_snapshot_and_the_next_run_removes_its_pages() {
    let stalling = Server::start(site_with(THIRD_PAGE, Reply::Stall(published_page(THIRD_PAGE))));
    let scratch = Scratch::new("killed-mid-page");
    let old = scratch.old_snapshot();
    let mut command = fetch_command(&stalling, &scratch.out(), &[]);
    assert!(kill_when(&mut command, || stalling.stalled()));
    drop(stalling);

    assert_eq!(scratch.entries(), [".snapshot.new", "snapshot"]);
    let staged: Vec<String> = read_tree(&scratch.0.join(".snapshot.new")).into_keys().collect();
    assert_eq!(staged, PUBLISHED_PAGES[..2]);
    assert_eq!(read_tree(&scratch.out()), old);

    let server = Server::start(site);
    assert_fetched_site(&fetch(&server, &scratch.out(), &[]), &server, &scratch);
}

#[test]
fn a_fetch_killed_while_it_writes_a_large_page_leaves_the_old_snapshot_whole() {
    // Synthetic: 32 MiB of markdown, the last page the index lists.
    let body = "A synthetic line of a large page.\n".repeat(1 << 20).into_bytes();
    let server = Server::start(site_with(SYNTHETIC_PATH, Reply::Page(body.clone())));
    let mut page = format!("# Source: {}\n\n", server.page_url(SYNTHETIC_PATH)).into_bytes();
    page.extend_from_slice(&body);
    let scratch = Scratch::new("killed-large-page");
    let old = scratch.old_snapshot();
    let limits = ["--max-page-bytes", "40000000", "--max-total-bytes", "40000000"];
    let staged = scratch.0.join(".snapshot.new").join(SYNTHETIC_PATH);
    let mut command = fetch_command(&server, &scratch.out(), &limits);
    assert!(kill_when(&mut command, || staged.exists()));

    assert_eq!(scratch.entries(), [".snapshot.new", "snapshot"]);
    assert_eq!(read_tree(&scratch.out()), old);
    // However much of it was written, it is only ever in the directory of the new pages.
    assert!(page.starts_with(&fs::read(&staged).unwrap()));

    assert_success(&fetch(&server, &scratch.out(), &limits));
    let mut expected = expected_snapshot(&server);
    expected.insert(SYNTHETIC_PATH.to_owned(), page);
    scratch.assert_only_snapshot(&expected);
}

#[test]
fn a_fetch_killed_during_the_swap_leaves_a_whole_snapshot_and_the_next_run_finishes_it() {
    let server = Server::start(site);
    // Many old pages (synthetic), so that removing them takes a while.
    let mut old: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for n in 0..4000 {
        let text = format!("# Source: old\n\nold page {n}\n");
        old.insert(format!("errors/old-{}/{n}.md", n % 40), text.into_bytes());
    }
    for attempt in 0..5 {
        let scratch = Scratch::new(&format!("killed-swap-{attempt}"));
        for (path, bytes) in &old {
            let file = scratch.out().join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, bytes).unwrap();
        }
        let aside = scratch.0.join(".snapshot.old");
        let mut command = fetch_command(&server, &scratch.out(), &[]);
        if !kill_when(&mut command, || aside.exists()) || !aside.exists() {
            // It had removed the old snapshot already: try again.
            continue;
        }
        let (note, snapshot) = if scratch.out().exists() {
            // Killed while removing the old snapshot: the new one is in place.
            assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
            let left = read_tree(&aside);
            assert!(left.iter().all(|(path, bytes)| old.get(path) == Some(bytes)));
            (removed_note(&scratch), expected_snapshot(&server))
        } else {
            // Killed between the two renames: the old snapshot is whole, aside.
            assert_eq!(read_tree(&aside), old);
            (restored_note(&scratch), old.clone())
        };
        assert_eq!(repair_only(&scratch), note);
        scratch.assert_only_snapshot(&snapshot);
        return;
    }
    panic!("no kill landed in the swap in 5 tries");
}

#[test]
fn a_snapshot_left_aside_between_the_two_renames_is_moved_back() {
    // The two renames follow each other too closely for a kill to land between them, so the
    // state a kill there leaves is made by hand: the old snapshot aside, the new pages staged.
    let scratch = Scratch::new("between-renames");
    let old = scratch.old_snapshot();
    fs::rename(scratch.out(), scratch.0.join(".snapshot.old")).unwrap();
    let staged = scratch.0.join(".snapshot.new/errors");
    fs::create_dir_all(&staged).unwrap();
    fs::write(staged.join("new.md"), "# Source: new\n").unwrap();

    assert_eq!(repair_only(&scratch), restored_note(&scratch));
    scratch.assert_only_snapshot(&old);
}

#[cfg(unix)]
#[test]
fn a_second_run_is_refused_while_one_holds_the_lock() {
    let server = Server::start(site);
    let scratch = Scratch::new("locked");
    let old = scratch.old_snapshot();
    let running = File::open(&*scratch.0).unwrap();
    running
        .try_lock()
        .expect("the test holds the lock, as a running fetch does");

    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: cannot replace {}: another fetch or update is replacing a snapshot in {} \
             (it holds the lock on that directory); run again once it is done\n",
            scratch.out().display(),
            scratch.0.display()
        )
    );
    assert_eq!(server.request_log(), Vec::<String>::new());
    scratch.assert_only_snapshot(&old);

    drop(running);
    assert_fetched_site(&fetch(&server, &scratch.out(), &[]), &server, &scratch);
}
