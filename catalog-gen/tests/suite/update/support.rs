//! Copies of the repository's files to update, and running `catalog-gen` on them.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use std::sync::OnceLock;

use super::site::{INDEX_PATH, State, pages};
use crate::repo::repo;
use crate::server::Server;
pub use crate::tree::read_tree;

/// The generated catalog's path in a repository.
pub const GENERATED: &str = "catalog/src/generated.rs";
/// The ledger's path in a repository.
pub const LEDGER: &str = "docs-snapshot.ledger.json";
/// The day the tests record for what leaves the docs.
pub const DATE: &str = "2026-03-02";
/// A time on that day, for `SOURCE_DATE_EPOCH`.
pub const DATE_EPOCH: &str = "1772452800";

/// A repository as `update` finds smartcar-errors' — `docs-snapshot/` holding the published
/// pages and the `catalog/src/generated.rs` they generate — in a directory of its own,
/// removed when dropped.
pub struct Repo(pub PathBuf);

impl Repo {
    pub fn new(name: &str) -> Repo {
        let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("update-{name}"));
        let _ = fs::remove_dir_all(&root);
        for (path, bytes) in original() {
            write(&root.join(path), &bytes);
        }
        Repo(root)
    }

    /// Every file in the copy, hidden ones too, by `/`-separated path.
    pub fn files(&self) -> BTreeMap<String, Vec<u8>> {
        read_tree(&self.0)
    }

    /// `catalog-gen ARGS` in the copy, its output captured.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(env!("CARGO_BIN_EXE_catalog-gen"));
        command
            .arg("--diagnostics")
            .arg("plain")
            .args(args)
            .current_dir(&self.0)
            .env_remove("SOURCE_DATE_EPOCH")
            .env("NO_PROXY", "127.0.0.1")
            .env("no_proxy", "127.0.0.1");
        command
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("catalog-gen runs")
    }

    /// `catalog-gen update` from `server`, with quick retries, then `flags`.
    pub fn update_command(&self, server: &Server, flags: &[&str]) -> Command {
        let index = server.url(INDEX_PATH);
        let mut args = vec![
            "update",
            "--index",
            &index,
            "--retry-backoff-ms",
            "1",
            "--timeout-secs",
            "5",
        ];
        args.extend_from_slice(flags);
        self.command(&args)
    }

    pub fn update(&self, server: &Server, flags: &[&str]) -> Output {
        self.update_command(server, flags)
            .output()
            .expect("catalog-gen runs")
    }

    /// What the generated catalog would be from the copy's snapshot and ledger, as `generate`
    /// writes it; checks that `check` finds the copy in sync.
    pub fn regenerated(&self) -> Vec<u8> {
        let out = self.0.join("regenerated.rs");
        let output = self.run(&["generate", "--out", out.to_str().unwrap()]);
        assert!(output.status.success(), "{output:?}");
        let bytes = fs::read(&out).unwrap();
        fs::remove_file(&out).unwrap();
        let output = self.run(&["check"]);
        assert_eq!(output.status.code(), Some(0), "{output:?}");
        bytes
    }
}

impl Drop for Repo {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// The files a `Repo` starts with: the published pages, and the catalog `generate` writes
/// from them; those of the CLI tests' repository, read once per test run.
pub fn original() -> BTreeMap<String, Vec<u8>> {
    static ORIGINAL: OnceLock<BTreeMap<String, Vec<u8>>> = OnceLock::new();
    ORIGINAL.get_or_init(|| read_tree(&repo())).clone()
}

/// The files of a repository whose snapshot holds the pages of `state`, whose generated
/// catalog is `generated` and whose ledger is `ledger`, and nothing else.
pub fn repository(state: State, generated: &[u8], ledger: Option<&str>) -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = pages(state)
        .into_iter()
        .map(|(path, bytes)| (format!("docs-snapshot/{path}"), bytes))
        .collect();
    files.insert(GENERATED.to_owned(), generated.to_vec());
    if let Some(ledger) = ledger {
        files.insert(LEDGER.to_owned(), ledger.as_bytes().to_vec());
    }
    files
}

pub fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap();
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The warning every read of the published Connect pages prints, and its count.
pub const REDIRECT_WARNING: &str = "warning[redirect-mismatch]: errors/connect-errors/server-error.md:15:2: `server_error`: the example redirect shows `error=configuration_error`, not `server_error`\n1 warning\n";

/// The ledger an update from the published docs to [`State::CodeReplaced`] on [`DATE`] writes.
pub fn code_replaced_ledger() -> String {
    let explanation = "Smartcar is unable to locate a battery capacity record for this vehicle. Depending on the make of the vehicle, battery capacity may depend on upstream sources to fulfil a request if it is not directly provided by the OEM.\\n\\nIf you’re seeing this error then the OEM doesn’t provide all the data we aim to provide in our response and we were unable to locate this information from other sources.";
    format!(
        r#"{{
  "format": 1,
  "about": "Errors that left Smartcar's docs, kept in the generated catalog as deprecated variants so that code naming them still compiles. Written by `catalog-gen update`; remove entries only for a major release (see docs/ledger.md).",
  "api_errors": [
    {{
      "type": "SERVER",
      "code": "RECORD_NOT_FOUND",
      "removed_from_docs": "{DATE}",
      "status_code": 500,
      "description": "Smartcar was unable to locate a battery capacity record for this vehicle.",
      "doc_url": "https://smartcar.com/docs/errors/api-errors/server-errors#record-not-found",
      "resolution": "CONTACT_SUPPORT",
      "suggested_resolution": "Please reach out to support to see if we are able to update capacity data for the vehicle.",
      "suggested_user_message": "Your car is temporarily unable to connect to <app name>. Please be patient while we’re working to resolve this issue.",
      "explanation": "{explanation}",
      "page_title": "Server Errors",
      "page_summary": "Thrown when Smartcar runs into an unexpected issue and was unable to process the request.",
      "page_url": "https://smartcar.com/docs/errors/api-errors/server-errors"
    }}
  ],
  "connect_errors": [],
  "resolutions": []
}}
"#
    )
}
