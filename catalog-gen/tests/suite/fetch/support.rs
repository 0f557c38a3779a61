//! Scratch directories, running `catalog-gen fetch`, and killing a run at a point it reaches.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::site::{INDEX_PATH, expected_snapshot};
use crate::scratch::{TempDir, temp_dir};
use crate::server::Server;
pub use crate::tree::read_tree;

/// An empty directory for one test, removed when dropped; the snapshot goes to `snapshot`
/// inside it.
pub struct Scratch(pub TempDir);

impl Scratch {
    pub fn new(name: &str) -> Scratch {
        Scratch(temp_dir(&format!("fetch-{name}")))
    }

    pub fn out(&self) -> PathBuf {
        self.0.join("snapshot")
    }

    /// Writes an old snapshot, different from any fetch, and returns its files.
    pub fn old_snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let files = BTreeMap::from([
            (
                "errors/api-errors/server-errors.md".to_owned(),
                b"# Source: old\n\nold page\n".to_vec(),
            ),
            (
                "errors/retired/gone.md".to_owned(),
                b"# Source: old\n\nretired page\n".to_vec(),
            ),
        ]);
        for (path, bytes) in &files {
            let file = self.out().join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, bytes).unwrap();
        }
        files
    }

    /// Checks that the snapshot holds exactly `files`, and that nothing is left beside it.
    pub fn assert_only_snapshot(&self, files: &BTreeMap<String, Vec<u8>>) {
        assert_eq!(&read_tree(&self.out()), files);
        assert_eq!(self.entries(), ["snapshot"]);
    }

    /// The names in the scratch directory: `["snapshot"]` when no temporary is left over.
    pub fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

/// `catalog-gen fetch` from `server` into `out` with quick retries, then `flags`; the timeout
/// is 5 seconds unless `flags` set it.
pub fn fetch_command(server: &Server, out: &Path, flags: &[&str]) -> Command {
    let timeout: &[&str] = if flags.contains(&"--timeout-secs") {
        &[]
    } else {
        &["--timeout-secs", "5"]
    };
    let mut command = Command::new(env!("CARGO_BIN_EXE_catalog-gen"));
    command
        .args(["fetch", "--index", &server.url(INDEX_PATH), "--out"])
        .arg(out)
        .args(["--retry-backoff-ms", "1"])
        .args(timeout)
        .args(flags)
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1");
    command
}

/// Runs [`fetch_command`] to its end.
pub fn fetch(server: &Server, out: &Path, flags: &[&str]) -> Output {
    fetch_command(server, out, flags)
        .output()
        .expect("catalog-gen runs")
}

/// What a failed fetch printed, after checking that it exited with 1 and printed no stdout.
pub fn failure(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Checks that a fetch succeeded without printing on stdout.
pub fn assert_success(output: &Output) {
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
}

/// The summary line of a fetch of `site` into `out`.
pub fn summary(out: &Path) -> String {
    format!(
        "fetched 4 pages into {} (3 other links in the index skipped)\n",
        out.display()
    )
}

/// Checks that `output` is a successful fetch of the site `server` plays into the snapshot of
/// `scratch`: the summary line, exactly the site's pages, nothing left beside them.
pub fn assert_fetched_site(output: &Output, server: &Server, scratch: &Scratch) {
    assert_success(output);
    assert_eq!(String::from_utf8_lossy(&output.stderr), summary(&scratch.out()));
    scratch.assert_only_snapshot(&expected_snapshot(server));
}

/// Checks that `limit` is exactly the value of `flag` that lets a fetch of the site `server`
/// plays through: one less fails on `page` (requested once) with `reason(value)`, keeping the
/// old snapshot, and `limit` itself writes the site's pages.
pub fn assert_exact_limit(
    server: &Server,
    scratch: &Scratch,
    flag: &str,
    limit: usize,
    page: &str,
    reason: impl Fn(&str) -> String,
) {
    let old = scratch.old_snapshot();
    let below = (limit - 1).to_string();
    assert_eq!(
        failure(&fetch(server, &scratch.out(), &[flag, &below])),
        format!(
            "error: cannot fetch {}: {}\n",
            server.page_url(page),
            reason(&below)
        )
    );
    assert_eq!(server.page_requests(page), 1);
    scratch.assert_only_snapshot(&old);

    assert_success(&fetch(server, &scratch.out(), &[flag, &limit.to_string()]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(server));
}

/// Checks that a fetch of the site `server` plays, into `scratch` over an old snapshot, fails
/// on `page` with `reason` after asking for it `requests` times, and keeps the old snapshot.
pub fn assert_page_fails(server: &Server, scratch: &Scratch, page: &str, reason: &str, requests: usize) {
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(server, &scratch.out(), &[])),
        format!("error: cannot fetch {}: {reason}\n", server.page_url(page))
    );
    assert_eq!(server.page_requests(page), requests);
    scratch.assert_only_snapshot(&old);
}

/// Starts `command`, waits until `reached()` holds (looked at every 200 µs, for at most 20
/// seconds) and kills the run (SIGKILL on Unix: no destructor, no clean-up); returns whether
/// the kill stopped it, as opposed to its having just ended by itself. Panics if the run ends
/// before `reached()` holds.
pub fn kill_when(command: &mut Command, mut reached: impl FnMut() -> bool) -> bool {
    let mut child = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("catalog-gen starts");
    let started = Instant::now();
    while !reached() {
        if let Some(status) = child.try_wait().expect("the run can be waited for") {
            panic!("the run ended ({status}) before the point it was to be killed at");
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the run never reached the point it was to be killed at"
        );
        thread::sleep(Duration::from_micros(200));
    }
    child.kill().expect("kill -9");
    let status = child.wait().expect("the killed run is reaped");
    status.code().is_none()
}
