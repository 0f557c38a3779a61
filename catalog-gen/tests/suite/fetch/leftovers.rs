//! What a killed run leaves beside the output, and how the next run cleans it up: without
//! touching the files of a run that is still going, and without losing an old snapshot.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::process::Stdio;
use std::thread;
use std::time::{Duration, Instant};

use super::site::*;
use super::support::*;
use crate::server::{Reply, Server};

/// The third page the index lists.
const THIRD_PAGE: &str = "errors/connect-errors/server-error.md";

/// `files`, by path, as [`read_tree`] gives them.
fn tree(files: &[(&str, &str)]) -> BTreeMap<String, Vec<u8>> {
    files
        .iter()
        .map(|(path, text)| ((*path).to_owned(), text.as_bytes().to_vec()))
        .collect()
}

/// Runs a fetch into `scratch` that fails on the third page, so that only what it cleaned up
/// before shows.
fn fetch_failing_on_the_third_page(scratch: &Scratch) {
    let server = Server::start(site_with(THIRD_PAGE, Reply::Status(404)));
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: cannot fetch {}: HTTP status 404\n",
            server.page_url(THIRD_PAGE)
        )
    );
}

#[test]
fn a_run_killed_mid_download_leaves_files_that_the_next_run_removes() {
    let server = Server::start(site_with(THIRD_PAGE, Reply::Silence(Duration::from_secs(20))));
    let scratch = Scratch::new("killed");
    let old = scratch.old_snapshot();
    let mut child = fetch_command(&server, &scratch.out(), &["--timeout-secs", "30"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("catalog-gen starts");
    let started = Instant::now();
    while server.page_requests(THIRD_PAGE) == 0 {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "the run never asked for the page"
        );
        thread::sleep(Duration::from_millis(10));
    }
    child.kill().expect("kill -9");
    child.wait().expect("the killed run is reaped");
    drop(server);

    let left = scratch.entries();
    assert_eq!(left.len(), 3, "{left:?}");
    assert!(left[0].starts_with(".snapshot.fetch-"), "{left:?}");
    assert_eq!(left[1], format!("{}.lock", left[0]));
    assert_eq!(left[2], "snapshot");
    let staged: Vec<String> = read_tree(&scratch.0.join(&left[0])).into_keys().collect();
    assert_eq!(staged, PUBLISHED_PAGES[..2]);
    assert_eq!(read_tree(&scratch.out()), old);

    fetch_failing_on_the_third_page(&scratch);
    scratch.assert_only_snapshot(&old);
}

#[test]
fn the_files_of_a_running_fetch_are_left_alone() {
    let server = Server::start(site);
    let scratch = Scratch::new("live-run");
    scratch.old_snapshot();
    let staging = scratch.0.join(".snapshot.fetch-live");
    fs::create_dir_all(staging.join("errors")).unwrap();
    fs::write(staging.join("errors/a.md"), "# Source: a\n").unwrap();
    let lock = File::create(scratch.0.join(".snapshot.fetch-live.lock")).unwrap();
    lock.try_lock().expect("the test holds the live run's lock");

    let output = fetch(&server, &scratch.out(), &[]);
    assert_success(&output);
    assert_eq!(String::from_utf8_lossy(&output.stderr), summary(&scratch.out()));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    assert_eq!(
        scratch.entries(),
        [".snapshot.fetch-live", ".snapshot.fetch-live.lock", "snapshot"]
    );
    assert_eq!(read_tree(&staging), tree(&[("errors/a.md", "# Source: a\n")]));

    drop(lock);
    assert_success(&fetch(&server, &scratch.out(), &[]));
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn a_snapshot_left_aside_by_a_run_killed_during_the_swap_is_put_back() {
    let scratch = Scratch::new("killed-swap");
    let old = scratch.old_snapshot();
    fs::rename(scratch.out(), scratch.0.join(".snapshot.old-killed")).unwrap();
    let staging = scratch.0.join(".snapshot.fetch-killed");
    fs::create_dir_all(staging.join("errors")).unwrap();
    fs::write(staging.join("errors/new.md"), "# Source: new\n").unwrap();
    fs::write(scratch.0.join(".snapshot.fetch-killed.lock"), "").unwrap();

    fetch_failing_on_the_third_page(&scratch);
    scratch.assert_only_snapshot(&old);
}

#[test]
fn an_old_snapshot_left_after_the_swap_is_removed_and_anything_else_kept() {
    let server = Server::start(site);
    let scratch = Scratch::new("left-after-swap");
    scratch.old_snapshot();
    let finished = scratch.0.join(".snapshot.old-finished");
    fs::create_dir_all(finished.join("errors")).unwrap();
    fs::write(finished.join("errors/a.md"), "# Source: a\n").unwrap();
    let forced = scratch.0.join(".snapshot.old-forced");
    fs::create_dir_all(&forced).unwrap();
    fs::write(forced.join("notes.txt"), "mine\n").unwrap();

    let output = fetch(&server, &scratch.out(), &[]);
    assert_success(&output);
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        format!(
            "warning: kept {}, which an interrupted fetch had moved aside, as it is not a \
             snapshot ({} is not a .md file); remove it once you have checked it\n{}",
            forced.display(),
            forced.join("notes.txt").display(),
            summary(&scratch.out())
        )
    );
    assert_eq!(scratch.entries(), [".snapshot.old-forced", "snapshot"]);
    assert_eq!(read_tree(&forced), tree(&[("notes.txt", "mine\n")]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
}
