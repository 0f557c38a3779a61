//! What fetch replaces: a snapshot, an empty directory or nothing; any other directory only
//! with `--force`.

use std::fs;
use std::path::Path;

use super::site::*;
use super::support::*;
use crate::server::Server;

/// Files by path and text.
type Files = &'static [(&'static str, &'static str)];

/// Writes `files` below `dir`.
fn write_files(dir: &Path, files: Files) {
    for (path, text) in files {
        let file = dir.join(path);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, text).unwrap();
    }
}

#[test]
fn a_directory_that_is_not_a_snapshot_is_refused_naming_its_first_foreign_entry() {
    let server = Server::start(site);
    let scratch = Scratch::new("not-a-snapshot");
    let out = scratch.out();
    let cases: [(Files, &str, &str); 3] = [
        (
            &[
                ("src/main.rs", "fn main() {}\n"),
                (".git/HEAD", "ref: refs/heads/main\n"),
                ("errors/a.md", "# Source: https://smartcar.com/docs/errors/a.md\n"),
            ],
            ".git",
            "is hidden",
        ),
        (
            &[
                ("errors/a.md", "# Source: https://smartcar.com/docs/errors/a.md\n"),
                ("errors/notes/todo.txt", "mine\n"),
            ],
            "errors/notes/todo.txt",
            "is not a .md file",
        ),
        (
            &[("README.md", "# My project\n")],
            "README.md",
            "does not start with a \"# Source:\" line",
        ),
    ];
    for (files, entry, reason) in cases {
        let _ = fs::remove_dir_all(&out);
        write_files(&out, files);
        let before = read_tree(&out);
        assert_eq!(
            failure(&fetch(&server, &out, &[])),
            format!(
                "error: refusing to replace {}: {} {reason}; fetch replaces only a snapshot \
                 (directories and .md files whose first line starts with \"# Source:\", none \
                 hidden), or any directory with --force\n",
                out.display(),
                out.join(entry).display()
            )
        );
        assert_eq!(read_tree(&out), before, "{entry}");
        assert_eq!(scratch.entries(), ["snapshot"]);
    }
    assert_eq!(server.request_log(), Vec::<String>::new());
}

#[test]
fn force_replaces_any_directory() {
    let server = Server::start(site);
    let scratch = Scratch::new("force");
    write_files(
        &scratch.out(),
        &[(".git/HEAD", "ref: refs/heads/main\n"), ("notes.txt", "mine\n")],
    );
    let output = fetch(&server, &scratch.out(), &["--force"]);
    assert_fetched_site(&output, &server, &scratch);
}

#[test]
fn the_repository_snapshot_and_an_empty_directory_are_replaced() {
    let server = Server::start(site);
    let scratch = Scratch::new("docs-snapshot");
    let out = scratch.0.join("docs-snapshot");
    for page in PUBLISHED_PAGES {
        let file = out.join(page);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(file, published_page(page)).unwrap();
    }
    assert_success(&fetch(&server, &out, &[]));
    assert_eq!(read_tree(&out), expected_snapshot(&server));

    let empty = scratch.0.join("empty");
    fs::create_dir(&empty).unwrap();
    assert_success(&fetch(&server, &empty, &[]));
    assert_eq!(read_tree(&empty), expected_snapshot(&server));
    assert_eq!(scratch.entries(), ["docs-snapshot", "empty"]);
}
