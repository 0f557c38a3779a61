//! The docs site the server plays, and what a fetch of it must write.

use std::collections::BTreeMap;

pub use crate::docs_site::{INDEX_PATH, PUBLISHED_PAGES, published_docs, published_page, published_text};
use crate::server::{Reply, Server};

/// Where the synthetic page is served, below `/docs/`.
pub const SYNTHETIC_PATH: &str = "errors/api-errors/synthetic-no-source.md";
/// A synthetic page (not published by Smartcar): no Source line, CRLF line ends, non-ASCII
/// text and no final newline, so any rewriting would show.
pub const SYNTHETIC_PAGE: &[u8] = b"# Synthetic\r\n\r\nServed without a Source line \xE2\x80\x94 kept as is.";
/// A synthetic llms.txt: absolute, root-relative and relative links to the error pages, a
/// repeat, and links that are not error pages of this site.
pub fn index(base: &str) -> String {
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
pub fn site(base: &str) -> BTreeMap<String, Reply> {
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
pub fn site_with(page: &'static str, reply: Reply) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |base| {
        let mut routes = site(base);
        routes.insert(format!("/docs/{page}"), reply);
        routes
    }
}

/// The site with its index replaced.
pub fn site_with_index(index: &'static str) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |base| {
        let mut routes = site(base);
        routes.insert(INDEX_PATH.to_owned(), Reply::Page(index.as_bytes().to_vec()));
        routes
    }
}

/// Every file a fetch of `site` must write, by path.
pub fn expected_snapshot(server: &Server) -> BTreeMap<String, Vec<u8>> {
    let mut files: BTreeMap<String, Vec<u8>> = PUBLISHED_PAGES
        .iter()
        .map(|page| ((*page).to_owned(), published_page(page)))
        .collect();
    let mut synthetic = format!("# Source: {}\n\n", server.page_url(SYNTHETIC_PATH)).into_bytes();
    synthetic.extend_from_slice(SYNTHETIC_PAGE);
    files.insert(SYNTHETIC_PATH.to_owned(), synthetic);
    files
}
