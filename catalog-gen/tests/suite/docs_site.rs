//! The docs site the `fetch` and `update` tests serve: where its index is, and the published
//! pages it serves, frozen copies in this package's fixtures.

use std::fs;
use std::path::PathBuf;

use crate::repo::fixture;

/// The index's path on the server.
pub const INDEX_PATH: &str = "/docs/llms.txt";

/// The published pages, by path below `/docs/` (and below a snapshot).
pub const PUBLISHED_PAGES: [&str; 3] = [
    "errors/api-errors/server-errors.md",
    "errors/connect-errors/configuration-error.md",
    "errors/connect-errors/server-error.md",
];

/// The published pages: frozen copies in this package's fixtures.
pub fn published_docs() -> PathBuf {
    fixture("docs")
}

/// The bytes of a published page.
pub fn published_page(page: &str) -> Vec<u8> {
    fs::read(published_docs().join(page)).expect("a published page of the fixtures")
}

/// The text of a published page.
pub fn published_text(page: &str) -> String {
    String::from_utf8(published_page(page)).expect("a published page is UTF-8")
}
