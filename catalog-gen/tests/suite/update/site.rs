//! The docs site the server plays, in the states the tests move it through. The pages are the
//! published pages of this package's fixtures, edited by the tests where a state says so
//! (synthetic edits).

use std::collections::BTreeMap;

pub use crate::docs_site::{INDEX_PATH, PUBLISHED_PAGES, published_text};
use crate::server::Reply;

/// The page every state edits.
pub const SERVER_ERRORS: &str = PUBLISHED_PAGES[0];

/// The description of `SERVER:INTERNAL` as published.
pub const INTERNAL_DESCRIPTION: &str = "An internal Smartcar error has occurred. Our team has been notified and is working to resolve this issue.";

/// What the docs say, in the order the tests move them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// As published: what the repositories start with.
    Unchanged,
    /// `SERVER:INTERNAL`'s description changed.
    DescriptionChanged,
    /// Also: `SERVER:RECORD_NOT_FOUND` gone, and a synthetic `SERVER:BATTERY_STALE` added,
    /// suggesting `RETRY_LATER`.
    CodeReplaced,
    /// A page whose JSON example is broken.
    Broken,
}

/// The pages of `state`, by path below `/docs/`, as served (and as a snapshot holds them).
pub fn pages(state: State) -> BTreeMap<String, Vec<u8>> {
    let mut pages: BTreeMap<String, String> = PUBLISHED_PAGES
        .iter()
        .map(|page| ((*page).to_owned(), published_text(page)))
        .collect();
    let server = pages.get_mut(SERVER_ERRORS).expect("the server errors page");
    if state != State::Unchanged {
        *server = server.replacen(
            &format!("\"description\": \"{INTERNAL_DESCRIPTION}\""),
            "\"description\": \"Smartcar had an internal error.\"",
            1,
        );
    }
    if state == State::CodeReplaced {
        let start = server.find("# `RECORD_NOT_FOUND`").expect("the heading");
        let end = server
            .find("# `MULTIPLE_RECORDS_FOUND`")
            .expect("the next heading");
        let replacement = server[start..end]
            .replace("RECORD_NOT_FOUND", "BATTERY_STALE")
            .replace("record-not-found", "battery-stale")
            .replace("\"CONTACT_SUPPORT\"", "\"RETRY_LATER\"")
            .replace(
                "Smartcar was unable to locate a battery capacity record for this vehicle.",
                "The battery capacity record of this vehicle is out of date.",
            );
        server.replace_range(start..end, &replacement);
    }
    if state == State::Broken {
        *server = server.replacen("\"type\": \"SERVER\",", "\"type\": \"SERVER\"", 1);
    }
    pages
        .into_iter()
        .map(|(path, text)| (path, text.into_bytes()))
        .collect()
}

/// The routes of the site in `state`: the index (root-relative links) and its pages.
pub fn site(state: State) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |_| {
        let mut index = String::from("# Smartcar\n\n> Synthetic index for tests.\n\n");
        let mut routes = BTreeMap::new();
        for (path, bytes) in pages(state) {
            index.push_str(&format!("- [Page](/docs/{path}): an error page\n"));
            routes.insert(format!("/docs/{path}"), Reply::Page(bytes));
        }
        routes.insert(INDEX_PATH.to_owned(), Reply::Page(index.into_bytes()));
        routes
    }
}

/// The routes of the site in `state`, with `page` answering `reply`.
pub fn site_with(
    state: State,
    page: &'static str,
    reply: Reply,
) -> impl FnOnce(&str) -> BTreeMap<String, Reply> {
    move |base| {
        let mut routes = site(state)(base);
        routes.insert(format!("/docs/{page}"), reply);
        routes
    }
}
