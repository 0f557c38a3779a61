//! `catalog-gen fetch` against a local HTTP server: what it writes, what it retries, and
//! that a failure leaves the old snapshot exactly as it was. Nothing here uses the internet.

#![cfg(feature = "cli")]

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

/// The published pages of the repository's snapshot, served as they are.
const PUBLISHED_PAGES: [&str; 3] = [
    "errors/api-errors/server-errors.md",
    "errors/connect-errors/configuration-error.md",
    "errors/connect-errors/server-error.md",
];
/// Where the synthetic page is served, below `/docs/`.
const SYNTHETIC_PATH: &str = "errors/api-errors/synthetic-no-source.md";
/// A synthetic page (not published by Smartcar): no Source line, CRLF line ends, non-ASCII
/// text and no final newline, so any rewriting would show.
const SYNTHETIC_PAGE: &[u8] = b"# Synthetic\r\n\r\nServed without a Source line \xE2\x80\x94 kept as is.";
/// The index's path on the server.
const INDEX_PATH: &str = "/docs/llms.txt";

// ---------------------------------------------------------------------------------------
// A small HTTP/1.1 server: one connection at a time, `Connection: close`, stops when dropped
// and by itself after `SERVER_LIFETIME` or `MAX_CONNECTIONS`.

const SERVER_LIFETIME: Duration = Duration::from_secs(30);
const MAX_CONNECTIONS: usize = 200;
const MAX_REQUEST_BYTES: usize = 64 * 1024;

/// What the server answers on one path.
#[derive(Debug, Clone)]
enum Reply {
    /// 200 with this body.
    Page(Vec<u8>),
    /// This status, every time.
    Status(u16),
    /// These statuses for the first requests, then 200 with the body.
    StatusesThenPage(Vec<u16>, Vec<u8>),
    /// 200 announcing the whole body, then half of it, then the connection closes.
    DropMidBody(Vec<u8>),
    /// No answer for this long, then the connection closes.
    Silence(Duration),
}

struct Server {
    base: String,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves the routes `routes(base)` returns, `base` being `http://127.0.0.1:PORT`.
    fn start(routes: impl FnOnce(&str) -> BTreeMap<String, Reply>) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        listener.set_nonblocking(true).expect("non-blocking listener");
        let address: SocketAddr = listener.local_addr().expect("local address");
        let base = format!("http://{address}");
        let routes = routes(&base);
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (requests, stop) = (Arc::clone(&requests), Arc::clone(&stop));
            thread::spawn(move || serve(&listener, &routes, &requests, &stop))
        };
        Server {
            base,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The URL of a page, given its path below `/docs/`.
    fn page_url(&self, page: &str) -> String {
        self.url(&format!("/docs/{page}"))
    }

    /// The paths requested so far, in order.
    fn request_log(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }

    /// How many requests `path` has had.
    fn requests(&self, path: &str) -> usize {
        self.requests
            .lock()
            .unwrap()
            .iter()
            .filter(|seen| *seen == path)
            .count()
    }

    fn page_requests(&self, page: &str) -> usize {
        self.requests(&format!("/docs/{page}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn serve(
    listener: &TcpListener,
    routes: &BTreeMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) {
    let deadline = Instant::now() + SERVER_LIFETIME;
    let mut connections = 0;
    while !stop.load(Ordering::SeqCst) && Instant::now() < deadline && connections < MAX_CONNECTIONS {
        match listener.accept() {
            Ok((stream, _)) => {
                connections += 1;
                let _ = answer(stream, routes, requests, stop);
            }
            Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {
                thread::sleep(Duration::from_millis(2));
            }
            Err(_) => return,
        }
    }
}

fn answer(
    mut stream: TcpStream,
    routes: &BTreeMap<String, Reply>,
    requests: &Mutex<Vec<String>>,
    stop: &AtomicBool,
) -> std::io::Result<()> {
    stream.set_nonblocking(false)?;
    stream.set_read_timeout(Some(Duration::from_secs(5)))?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let Some(path) = read_request_path(&mut stream)? else {
        return Ok(());
    };
    let seen = {
        let mut requests = requests.lock().unwrap();
        requests.push(path.clone());
        requests.iter().filter(|seen| **seen == path).count()
    };
    match routes.get(&path) {
        None => respond(&mut stream, 404, b"not found"),
        Some(Reply::Page(body)) => respond(&mut stream, 200, body),
        Some(Reply::Status(status)) => respond(&mut stream, *status, b"failure"),
        Some(Reply::StatusesThenPage(statuses, body)) => match statuses.get(seen - 1) {
            Some(status) => respond(&mut stream, *status, b"failure"),
            None => respond(&mut stream, 200, body),
        },
        Some(Reply::DropMidBody(body)) => {
            stream.write_all(&head(200, body.len()))?;
            stream.write_all(&body[..body.len() / 2])?;
            stream.flush()
        }
        Some(Reply::Silence(duration)) => {
            let until = Instant::now() + *duration;
            while Instant::now() < until && !stop.load(Ordering::SeqCst) {
                thread::sleep(Duration::from_millis(10));
            }
            Ok(())
        }
    }
}

/// Reads a request's head and returns its target path.
fn read_request_path(stream: &mut TcpStream) -> std::io::Result<Option<String>> {
    let mut request = Vec::new();
    let mut buffer = [0; 4096];
    while !request.windows(4).any(|window| window == b"\r\n\r\n") {
        let read = stream.read(&mut buffer)?;
        if read == 0 || request.len() > MAX_REQUEST_BYTES {
            return Ok(None);
        }
        request.extend_from_slice(&buffer[..read]);
    }
    let request = String::from_utf8_lossy(&request);
    Ok(request.split_whitespace().nth(1).map(str::to_owned))
}

fn head(status: u16, length: usize) -> Vec<u8> {
    format!(
        "HTTP/1.1 {status} Test\r\nContent-Type: text/markdown\r\nContent-Length: {length}\r\n\
         Connection: close\r\n\r\n"
    )
    .into_bytes()
}

fn respond(stream: &mut TcpStream, status: u16, body: &[u8]) -> std::io::Result<()> {
    stream.write_all(&head(status, body.len()))?;
    stream.write_all(body)?;
    stream.flush()
}

// ---------------------------------------------------------------------------------------
// The docs site the server plays, and what a fetch of it must write.

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the workspace root")
        .to_path_buf()
}

fn published_page(page: &str) -> Vec<u8> {
    fs::read(workspace_root().join("docs-snapshot").join(page)).expect("a page of docs-snapshot")
}

/// A synthetic llms.txt: absolute, root-relative and relative links to the error pages, a
/// repeat, and links that are not error pages of this site.
fn index(base: &str) -> String {
    format!(
        "# Smartcar\n\n> Synthetic index for tests.\n\n## Docs\n\n\
         - [Server Errors]({base}/docs/errors/api-errors/server-errors.md): Thrown when ...\n\
         - [Configuration](/docs/errors/connect-errors/configuration-error.md): root-relative\n\
         - [Server](errors/connect-errors/server-error.md): relative\n\
         - [Synthetic]({SYNTHETIC_PATH}): no Source line\n\
         - [Server Errors, again]({base}/docs/errors/api-errors/server-errors.md#codes): a repeat\n\
         - [Introduction]({base}/docs/getting-started/introduction.md): not an error page\n\
         - [Elsewhere](https://example.invalid/docs/errors/elsewhere.md): another host\n"
    )
}

/// The routes of the site: the index, the error pages and a page that must not be fetched.
fn site(base: &str) -> BTreeMap<String, Reply> {
    let mut routes = BTreeMap::new();
    routes.insert(INDEX_PATH.to_owned(), Reply::Page(index(base).into_bytes()));
    for page in PUBLISHED_PAGES {
        routes.insert(format!("/docs/{page}"), Reply::Page(published_page(page)));
    }
    routes.insert(
        format!("/docs/{SYNTHETIC_PATH}"),
        Reply::Page(SYNTHETIC_PAGE.to_vec()),
    );
    routes.insert(
        "/docs/getting-started/introduction.md".to_owned(),
        Reply::Page(b"# Introduction\n".to_vec()),
    );
    routes
}

/// The site with the reply on one page, given its path below `/docs/`, replaced.
fn site_with(page: &'static str, reply: Reply) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |base| {
        let mut routes = site(base);
        routes.insert(format!("/docs/{page}"), reply);
        routes
    }
}

/// The site with its index replaced.
fn site_with_index(index: &'static str) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |base| {
        let mut routes = site(base);
        routes.insert(INDEX_PATH.to_owned(), Reply::Page(index.as_bytes().to_vec()));
        routes
    }
}

/// Every file a fetch of `site` must write, by path.
fn expected_snapshot(server: &Server) -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = PUBLISHED_PAGES
        .iter()
        .map(|page| ((*page).to_owned(), published_page(page)))
        .collect();
    let mut synthetic = format!("# Source: {}\n\n", server.page_url(SYNTHETIC_PATH)).into_bytes();
    synthetic.extend_from_slice(SYNTHETIC_PAGE);
    files.insert(SYNTHETIC_PATH.to_owned(), synthetic);
    files
}

// ---------------------------------------------------------------------------------------
// Scratch directories.

/// An empty directory for one test; the snapshot goes to `snapshot` inside it.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("catalog-gen-fetch-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn out(&self) -> PathBuf {
        self.0.join("snapshot")
    }

    /// Writes an old snapshot, different from any fetch, and returns its files.
    fn old_snapshot(&self) -> BTreeMap<String, Vec<u8>> {
        let files = BTreeMap::from([
            (
                "errors/api-errors/server-errors.md".to_owned(),
                b"# Source: old\n\nold page\n".to_vec(),
            ),
            (
                "errors/retired/gone.md".to_owned(),
                b"# Source: old\n\nretired page\n".to_vec(),
            ),
            ("notes.txt".to_owned(), b"not a page\n".to_vec()),
        ]);
        for (path, bytes) in &files {
            let file = self.out().join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, bytes).unwrap();
        }
        files
    }

    /// The names in the scratch directory: `["snapshot"]` when no temporary is left over.
    fn entries(&self) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(&self.0)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every file below `dir` (hidden ones too), by `/`-separated relative path.
fn read_tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![(dir.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        for entry in fs::read_dir(&dir).unwrap() {
            let entry = entry.unwrap();
            let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
            if entry.file_type().unwrap().is_dir() {
                pending.push((entry.path(), format!("{name}/")));
            } else {
                files.insert(name, fs::read(entry.path()).unwrap());
            }
        }
    }
    files
}

// ---------------------------------------------------------------------------------------
// The command.

/// `catalog-gen fetch` from `server` into `out` with quick retries, then `flags`; the timeout
/// is 5 seconds unless `flags` set it.
fn fetch(server: &Server, out: &Path, flags: &[&str]) -> Output {
    let timeout: &[&str] = if flags.contains(&"--timeout-secs") {
        &[]
    } else {
        &["--timeout-secs", "5"]
    };
    Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
        .args(["fetch", "--index", &server.url(INDEX_PATH), "--out"])
        .arg(out)
        .args(["--retry-backoff-ms", "1"])
        .args(timeout)
        .args(flags)
        .env("NO_PROXY", "127.0.0.1")
        .env("no_proxy", "127.0.0.1")
        .output()
        .expect("catalog-gen runs")
}

/// What a failed fetch printed, after checking that it exited with 1 and printed no stdout.
fn failure(output: &Output) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Checks that a fetch succeeded without printing on stdout.
fn assert_success(output: &Output) {
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty(), "{output:?}");
}

/// The summary line of a fetch of `site` into `out`.
fn summary(out: &Path) -> String {
    format!(
        "fetched 4 pages into {} (3 other links in the index skipped)\n",
        out.display()
    )
}

#[test]
fn fetch_writes_every_error_page_byte_for_byte_and_skips_other_links() {
    let server = Server::start(site);
    let scratch = Scratch::new("fresh");
    let output = fetch(&server, &scratch.out(), &[]);
    assert_success(&output);
    assert_eq!(String::from_utf8_lossy(&output.stderr), summary(&scratch.out()));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    assert_eq!(scratch.entries(), ["snapshot"]);
    let mut requested = vec![INDEX_PATH.to_owned()];
    requested.extend(
        PUBLISHED_PAGES
            .iter()
            .chain([&SYNTHETIC_PATH])
            .map(|page| format!("/docs/{page}")),
    );
    assert_eq!(server.request_log(), requested);
}

#[test]
fn fetch_replaces_an_existing_snapshot_whole() {
    let server = Server::start(site);
    let scratch = Scratch::new("replace");
    scratch.old_snapshot();
    let output = fetch(&server, &scratch.out(), &[]);
    assert_success(&output);
    assert_eq!(String::from_utf8_lossy(&output.stderr), summary(&scratch.out()));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn persistent_server_error_fails_naming_the_url_and_keeps_the_old_snapshot() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Status(500)));
    let scratch = Scratch::new("500");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: cannot fetch {}: HTTP status 500 (after 3 attempts)\n",
            server.page_url(page)
        )
    );
    assert_eq!(server.page_requests(page), 3);
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn connection_dropped_mid_body_fails_naming_the_url_and_keeps_the_old_snapshot() {
    let page = "errors/connect-errors/configuration-error.md";
    let server = Server::start(site_with(page, Reply::DropMidBody(published_page(page))));
    let scratch = Scratch::new("dropped");
    let old = scratch.old_snapshot();
    let message = failure(&fetch(&server, &scratch.out(), &[]));
    assert!(
        message.starts_with(&format!(
            "error: cannot fetch {}: connection failed: ",
            server.page_url(page)
        )),
        "{message}"
    );
    assert!(message.ends_with(" (after 3 attempts)\n"), "{message}");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert_eq!(server.page_requests(page), 3);
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn transient_failures_are_retried_until_the_page_arrives() {
    let server = Server::start(|base| {
        let mut routes = site(base);
        let first = PUBLISHED_PAGES[0];
        let second = PUBLISHED_PAGES[1];
        routes.insert(
            format!("/docs/{first}"),
            Reply::StatusesThenPage(vec![500], published_page(first)),
        );
        routes.insert(
            format!("/docs/{second}"),
            Reply::StatusesThenPage(vec![429, 503], published_page(second)),
        );
        routes
    });
    let scratch = Scratch::new("transient");
    assert_success(&fetch(&server, &scratch.out(), &[]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
    assert_eq!(server.page_requests(PUBLISHED_PAGES[0]), 2);
    assert_eq!(server.page_requests(PUBLISHED_PAGES[1]), 3);
    assert_eq!(server.page_requests(PUBLISHED_PAGES[2]), 1);
}

#[test]
fn not_found_is_not_retried() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Status(404)));
    let scratch = Scratch::new("404");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!("error: cannot fetch {}: HTTP status 404\n", server.page_url(page))
    );
    assert_eq!(server.page_requests(page), 1);
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn a_page_over_the_size_limit_fails_naming_the_url() {
    let server = Server::start(site);
    let (largest, size) = PUBLISHED_PAGES
        .iter()
        .map(|page| (*page, published_page(page).len()))
        .max_by_key(|(_, size)| *size)
        .unwrap();
    let scratch = Scratch::new("too-large");
    let old = scratch.old_snapshot();
    let limit = (size - 1).to_string();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &["--max-page-bytes", &limit])),
        format!(
            "error: cannot fetch {}: body larger than {limit} bytes\n",
            server.page_url(largest)
        )
    );
    assert_eq!(server.page_requests(largest), 1);
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);

    let limit = size.to_string();
    assert_success(&fetch(&server, &scratch.out(), &["--max-page-bytes", &limit]));
    assert_eq!(read_tree(&scratch.out()), expected_snapshot(&server));
}

#[test]
fn a_silent_server_times_out_naming_the_url() {
    let page = "errors/connect-errors/server-error.md";
    let server = Server::start(site_with(page, Reply::Silence(Duration::from_secs(5))));
    let scratch = Scratch::new("timeout");
    let old = scratch.old_snapshot();
    let started = Instant::now();
    let output = fetch(
        &server,
        &scratch.out(),
        &["--timeout-secs", "1", "--attempts", "1"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    let message = failure(&output);
    assert!(
        message.starts_with(&format!(
            "error: cannot fetch {}: timed out (",
            server.page_url(page)
        )),
        "{message}"
    );
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn an_index_without_error_pages_is_an_error_and_keeps_the_old_snapshot() {
    let server = Server::start(site_with_index(
        "# Smartcar\n\n- [Introduction](getting-started/introduction.md)\n- [Errors](errors/overview)\n",
    ));
    let scratch = Scratch::new("no-pages");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: the index {} links to no .md page under \"errors/\"\n",
            server.url(INDEX_PATH)
        )
    );
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

#[test]
fn an_index_link_escaping_the_snapshot_fails_before_any_page_is_fetched() {
    let server = Server::start(site_with_index(
        "- [Server](errors/connect-errors/server-error.md)\n- [Escape](errors/..%2F..%2Fescape.md)\n",
    ));
    let scratch = Scratch::new("escape");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!(
            "error: unsafe page path \"errors/../../escape.md\" for {}: has a `.` or `..` segment\n",
            server.page_url("errors/..%2F..%2Fescape.md")
        )
    );
    assert_eq!(server.request_log(), [INDEX_PATH]);
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
    assert!(!scratch.0.parent().unwrap().join("escape.md").exists());
}

#[test]
fn command_failure_exits_1_with_an_error_line_naming_the_url() {
    let page = "errors/api-errors/server-errors.md";
    let server = Server::start(site_with(page, Reply::Status(403)));
    let scratch = Scratch::new("cli-failure");
    let old = scratch.old_snapshot();
    assert_eq!(
        failure(&fetch(&server, &scratch.out(), &[])),
        format!("error: cannot fetch {}: HTTP status 403\n", server.page_url(page))
    );
    assert_eq!(read_tree(&scratch.out()), old);
    assert_eq!(scratch.entries(), ["snapshot"]);
}

/// The scheduled job of `.github/workflows/docs-drift.yml`: fetch the live docs into a
/// temporary directory, then diff them against docs-snapshot with a markdown report.
#[test]
fn the_drift_job_fetches_then_reports_what_changed_in_markdown() {
    let diff = |fetched: &Path| {
        Command::new(env!("CARGO_BIN_EXE_catalog-gen"))
            .args(["diff", "docs-snapshot"])
            .arg(fetched)
            .args(["--format", "markdown"])
            .current_dir(workspace_root())
            .output()
            .expect("catalog-gen runs")
    };

    let unchanged = Server::start(site);
    let scratch = Scratch::new("drift-same");
    assert!(fetch(&unchanged, &scratch.out(), &[]).status.success());
    let output = diff(&scratch.out());
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "### Smartcar error docs changed\n\nNo changes.\n"
    );

    let page = "errors/api-errors/server-errors.md";
    let edited = String::from_utf8(published_page(page)).unwrap().replacen(
        "\"statusCode\": 500,\n  \"requestId\": \"5dea93a1",
        "\"statusCode\": 503,\n  \"requestId\": \"5dea93a1",
        1,
    );
    let changed = Server::start(site_with(page, Reply::Page(edited.into_bytes())));
    let scratch = Scratch::new("drift-changed");
    assert!(fetch(&changed, &scratch.out(), &[]).status.success());
    let output = diff(&scratch.out());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "### Smartcar error docs changed\n\n1 change: 0 added, 0 removed, 1 changed\n\n\
         | change | error | fields |\n| --- | --- | --- |\n\
         | changed | API error `SERVER:INTERNAL` | `status_code` |\n\n\
         <details><summary>SERVER:INTERNAL</summary>\n\n`status_code`\n\n```diff\n- 500\n+ 503\n```\n\n</details>\n"
    );
}
