//! `catalog-gen explain`: an entry of the docs snapshot, found by name or doc URL.
//!
//! The same lookup as `smartcar_errors::explain`, over the model read from the docs rather
//! than the compiled-in tables, so it also shows what only the snapshot has (the explanation,
//! the example, where the entry is written).

use std::fmt::{self, Write};

use crate::model::{ApiErrorEntry, Catalog, ConnectErrorEntry};
use crate::parse::display_key;

/// An entry found by [`explain`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found<'a> {
    /// An API error code.
    Api(&'a ApiErrorEntry),
    /// A Connect error.
    Connect(&'a ConnectErrorEntry),
}

/// Why [`explain`] found nothing: the closest names, or every entry an ambiguous query names.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", describe(.query, *.ambiguous, .candidates))]
pub struct NotFound {
    /// The query as given.
    pub query: String,
    /// Whether the query names several entries.
    pub ambiguous: bool,
    /// The closest names, or the names it could mean.
    pub candidates: Vec<String>,
}

fn describe(query: &str, ambiguous: bool, candidates: &[String]) -> String {
    let names: Vec<String> = candidates.iter().map(|c| format!("`{c}`")).collect();
    if ambiguous {
        return format!("`{query}` names several documented errors: {}", names.join(", "));
    }
    match names.as_slice() {
        [] => format!("`{query}` is not a documented Smartcar error"),
        [one] => format!("`{query}` is not a documented Smartcar error; did you mean {one}?"),
        [init @ .., last] => {
            format!(
                "`{query}` is not a documented Smartcar error; did you mean {} or {last}?",
                init.join(", ")
            )
        }
    }
}

/// Finds the entry `query` names: `TYPE:CODE` or `TYPE.CODE`, a code alone when only one type
/// has it, a type alone for its null code, a Connect error, or a doc URL; names match
/// regardless of case.
pub fn explain<'a>(catalog: &'a Catalog, query: &str) -> Result<Found<'a>, NotFound> {
    let query = query.trim();
    let entries = || {
        let api = catalog.api_errors.iter().map(Found::Api);
        api.chain(catalog.connect_errors.iter().map(Found::Connect))
    };
    let matches: Vec<Found<'a>> = entries().filter(|entry| entry.matches(query)).collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => {
            let normalized = query.to_ascii_uppercase().replace('.', ":");
            let limit = (normalized.chars().count() / 3).max(2);
            let mut scored: Vec<(usize, String)> = entries()
                .map(|entry| entry.name())
                .filter_map(|name| {
                    let distance = name_distance(&normalized, &name);
                    (distance <= limit).then_some((distance, name))
                })
                .collect();
            scored.sort();
            Err(NotFound {
                query: query.to_owned(),
                ambiguous: false,
                candidates: scored.into_iter().take(3).map(|(_, name)| name).collect(),
            })
        }
        many => Err(NotFound {
            query: query.to_owned(),
            ambiguous: true,
            candidates: many.iter().map(Found::name).collect(),
        }),
    }
}

impl Found<'_> {
    /// `TYPE:CODE` (`TYPE` for a null code) or the Connect error's name.
    pub fn name(&self) -> String {
        match self {
            Found::Api(e) => display_key(&e.error_type, e.code.as_deref()),
            Found::Connect(e) => e.error.clone(),
        }
    }

    fn matches(&self, query: &str) -> bool {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let same_url = |url: &str| same(url.trim_end_matches('/'), query.trim_end_matches('/'));
        match self {
            Found::Api(e) => {
                same_url(&e.doc_url)
                    || match (query.split_once([':', '.']), &e.code) {
                        (Some((t, c)), Some(code)) => same(t.trim(), &e.error_type) && same(c.trim(), code),
                        (Some((t, c)), None) => same(t.trim(), &e.error_type) && same(c.trim(), "null"),
                        (None, Some(code)) => same(query, code),
                        (None, None) => same(query, &e.error_type),
                    }
            }
            Found::Connect(e) => same(query, &e.error) || e.page_url.as_deref().is_some_and(same_url),
        }
    }
}

/// How far an upper-cased query is from `name` (`TYPE:CODE`): the distance to the whole name
/// or to its code alone, whichever is smaller.
fn name_distance(query: &str, name: &str) -> usize {
    let name = name.to_ascii_uppercase();
    let code = name.split_once(':').map_or(name.as_str(), |(_, code)| code);
    edit_distance(query, &name).min(edit_distance(query, code))
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            current[j + 1] = (previous[j] + usize::from(ca != *cb))
                .min(previous[j + 1] + 1)
                .min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// Everything the snapshot says of the entry, section by section.
impl fmt::Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        match self {
            Found::Api(e) => {
                let _ = writeln!(out, "{} (HTTP {})", self.name(), e.status_code);
                let _ = writeln!(out, "  documented at {}", e.source);
                let _ = writeln!(out, "\n{}", e.description);
                if let Some(resolution) = &e.resolution {
                    let _ = writeln!(out, "\nResolution: {resolution}");
                }
                if let Some(url) = &e.resolution_url {
                    let _ = writeln!(out, "Resolution URL: {url}");
                }
                let sections = [
                    ("Explanation", &e.explanation),
                    ("Suggested resolution", &e.suggested_resolution),
                    ("Troubleshooting steps", &e.troubleshooting_steps),
                    ("Suggested user message", &e.suggested_user_message),
                ];
                for (title, text) in sections {
                    if let Some(text) = text {
                        let _ = writeln!(out, "\n{title}:\n{text}");
                    }
                }
                let _ = write!(out, "\nDocs: {}", e.doc_url);
            }
            Found::Connect(e) => {
                let _ = writeln!(out, "{} (Connect error)", e.error);
                let _ = writeln!(out, "  documented at {}", e.source);
                let _ = writeln!(out, "\n{}", e.description);
                if let Some(summary) = &e.summary {
                    let _ = writeln!(out, "\n{summary}");
                }
                let _ = writeln!(out, "\nParameters:");
                for p in &e.parameters {
                    let required = if p.required { "always sent" } else { "optional" };
                    let _ = writeln!(out, "  {} ({required}): {}", p.name, p.description);
                }
                if let Some(details) = &e.details {
                    let _ = writeln!(out, "\n{details}");
                }
                if let Some(url) = &e.page_url {
                    let _ = write!(out, "\nDocs: {url}");
                }
            }
        }
        f.write_str(out.trim_end())
    }
}
