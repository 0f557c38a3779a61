//! `explain`: finding a documented error by name or doc URL, and showing what the docs say of
//! it, like `rustc --explain`. The runtime explains its compiled-in catalog, `catalog-gen
//! explain` the catalog of a docs snapshot; both find and show entries here.

use core::fmt::{self, Write};

use crate::key::Key;
use crate::text::{Escaped, EscapedLines};

/// How an error can be named: what a query is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Candidate<'a> {
    /// An API error code.
    Api {
        /// Its type (`SERVER`).
        error_type: &'a str,
        /// Its code; `None` for a null code.
        code: Option<&'a str>,
        /// Its documented `docURL`.
        doc_url: &'a str,
    },
    /// A Connect error.
    Connect {
        /// Its name (`configuration_error`).
        error: &'a str,
        /// The page that documents it.
        page_url: Option<&'a str>,
    },
}

impl Candidate<'_> {
    /// `TYPE:CODE` (`TYPE` for a null code) or the Connect error's name.
    pub fn name(&self) -> String {
        match *self {
            Candidate::Api { error_type, code, .. } => Key::new(error_type, code).to_string(),
            Candidate::Connect { error, .. } => error.to_owned(),
        }
    }

    /// Whether `query` (trimmed) names this error: `TYPE:CODE` or `TYPE.CODE`, a code alone,
    /// a type alone for its null code (or `TYPE:null`), a Connect error, or a doc URL; names
    /// regardless of case, URLs regardless of a trailing `/`.
    fn matches(&self, query: &str) -> bool {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let same_url = |url: &str| same(url.trim_end_matches('/'), query.trim_end_matches('/'));
        match *self {
            Candidate::Api {
                error_type,
                code,
                doc_url,
            } => {
                same_url(doc_url)
                    || match (query.split_once([':', '.']), code) {
                        (Some((t, c)), Some(code)) => same(t.trim(), error_type) && same(c.trim(), code),
                        (Some((t, c)), None) => same(t.trim(), error_type) && same(c.trim(), "null"),
                        (None, Some(code)) => same(query, code),
                        (None, None) => same(query, error_type),
                    }
            }
            Candidate::Connect { error, page_url } => same(query, error) || page_url.is_some_and(same_url),
        }
    }
}

/// The entry of `candidates` that `query` names; otherwise the closest names, or every name
/// an ambiguous query matches.
pub fn find<T: Copy>(query: &str, candidates: &[(T, Candidate<'_>)]) -> Result<T, NotDocumented> {
    let query = query.trim();
    let matches: Vec<&(T, Candidate<'_>)> = candidates
        .iter()
        .filter(|(_, candidate)| candidate.matches(query))
        .collect();
    match matches.as_slice() {
        [(found, _)] => Ok(*found),
        [] => Err(NotDocumented {
            query: query.to_owned(),
            ambiguous: false,
            candidates: closest(query, candidates.iter().map(|(_, candidate)| candidate.name())),
        }),
        many => Err(NotDocumented {
            query: query.to_owned(),
            ambiguous: true,
            candidates: many.iter().map(|(_, candidate)| candidate.name()).collect(),
        }),
    }
}

/// Why a query names no documented error, with the closest documented names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotDocumented {
    query: String,
    ambiguous: bool,
    candidates: Vec<String>,
}

impl NotDocumented {
    /// The documented names closest to the query (or all it could mean, when ambiguous).
    pub fn candidates(&self) -> &[String] {
        &self.candidates
    }

    /// Whether the query names several documented errors.
    pub fn is_ambiguous(&self) -> bool {
        self.ambiguous
    }
}

impl fmt::Display for NotDocumented {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let query = Escaped(&self.query);
        let names: Vec<String> = self
            .candidates
            .iter()
            .map(|c| format!("`{}`", Escaped(c)))
            .collect();
        if self.ambiguous {
            return write!(
                f,
                "`{query}` names several documented errors: {}",
                names.join(", ")
            );
        }
        write!(f, "`{query}` is not a documented Smartcar error")?;
        match names.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean {one}?"),
            [init @ .., last] => write!(f, "; did you mean {} or {last}?", init.join(", ")),
        }
    }
}

impl std::error::Error for NotDocumented {}

/// Up to three of `names` within a small edit distance of `query`, closest first.
fn closest(query: &str, names: impl Iterator<Item = String>) -> Vec<String> {
    let query = query.to_ascii_uppercase().replace('.', ":");
    let limit = (query.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = names
        .filter_map(|name| {
            let distance = name_distance(&query, &name);
            (distance <= limit).then_some((distance, name))
        })
        .collect();
    scored.sort();
    scored.into_iter().take(3).map(|(_, name)| name).collect()
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

/// What the docs say of one API error code, for [`write_api`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApiEntry<'a> {
    /// Its type.
    pub error_type: &'a str,
    /// Its code; `None` for a null code.
    pub code: Option<&'a str>,
    /// The HTTP status of its responses.
    pub status_code: u16,
    /// Its `description`.
    pub description: &'a str,
    /// Its `docURL`.
    pub doc_url: &'a str,
    /// Its `resolution.type`.
    pub resolution: Option<&'a str>,
    /// Its `resolution.url`.
    pub resolution_url: Option<&'a str>,
    /// The docs' explanation of it.
    pub explanation: Option<&'a str>,
    /// The "Suggested resolution" section.
    pub suggested_resolution: Option<&'a str>,
    /// The "Troubleshooting steps" section.
    pub troubleshooting_steps: Option<&'a str>,
    /// The "Suggested user message" section.
    pub suggested_user_message: Option<&'a str>,
    /// When it left the docs, if it did.
    pub removed_from_docs: Option<&'a str>,
    /// Where the docs document it (`file:line:column`), when known.
    pub documented_at: Option<&'a str>,
}

/// What the docs say of one Connect error, for [`write_connect`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ConnectEntry<'a> {
    /// Its name.
    pub error: &'a str,
    /// Its `error_description`.
    pub description: &'a str,
    /// Its page's summary.
    pub summary: Option<&'a str>,
    /// Its parameter table: name, whether always sent, description.
    pub parameters: Vec<(&'a str, bool, &'a str)>,
    /// The rest of its page.
    pub details: Option<&'a str>,
    /// Its page.
    pub page_url: Option<&'a str>,
    /// When it left the docs, if it did.
    pub removed_from_docs: Option<&'a str>,
    /// Where the docs document it (`file:line:column`), when known.
    pub documented_at: Option<&'a str>,
}

/// Writes what the docs say of an API error: its name and status, where it is documented,
/// its description, resolution, sections and link. Docs text is written with its unsafe
/// characters escaped, line breaks kept.
pub fn write_api(out: &mut impl Write, entry: &ApiEntry<'_>) -> fmt::Result {
    let key = Key::new(entry.error_type, entry.code);
    writeln!(out, "{} (HTTP {})", Escaped(&key.to_string()), entry.status_code)?;
    write_origin(out, entry.documented_at, entry.removed_from_docs)?;
    writeln!(out, "\n{}", EscapedLines(entry.description))?;
    if let Some(resolution) = entry.resolution {
        writeln!(out, "\nResolution: {}", Escaped(resolution))?;
    }
    if let Some(url) = entry.resolution_url {
        writeln!(out, "Resolution URL: {}", Escaped(url))?;
    }
    let explanation = entry.explanation.filter(|text| *text != entry.description);
    for (title, text) in [
        ("Explanation", explanation),
        ("Suggested resolution", entry.suggested_resolution),
        ("Troubleshooting steps", entry.troubleshooting_steps),
        ("Suggested user message", entry.suggested_user_message),
    ] {
        if let Some(text) = text {
            writeln!(out, "\n{title}:\n{}", EscapedLines(text))?;
        }
    }
    write!(out, "\nDocs: {}", Escaped(entry.doc_url))
}

/// Writes what the docs say of a Connect error: its name, where it is documented, its
/// description, summary, parameters, details and link. Docs text is written with its unsafe
/// characters escaped, line breaks kept.
pub fn write_connect(out: &mut impl Write, entry: &ConnectEntry<'_>) -> fmt::Result {
    writeln!(out, "{} (Connect error)", Escaped(entry.error))?;
    write_origin(out, entry.documented_at, entry.removed_from_docs)?;
    writeln!(out, "\n{}", EscapedLines(entry.description))?;
    if let Some(summary) = entry.summary {
        writeln!(out, "\n{}", EscapedLines(summary))?;
    }
    writeln!(out, "\nParameters:")?;
    for &(name, required, description) in &entry.parameters {
        let required = if required { "always sent" } else { "optional" };
        writeln!(
            out,
            "  {} ({required}): {}",
            Escaped(name),
            EscapedLines(description)
        )?;
    }
    if let Some(details) = entry.details {
        writeln!(out, "\n{}", EscapedLines(details))?;
    }
    match entry.page_url {
        Some(url) => write!(out, "\nDocs: {}", Escaped(url)),
        None => Ok(()),
    }
}

/// Where an entry is documented, and whether it still is.
fn write_origin(out: &mut impl Write, documented_at: Option<&str>, removed: Option<&str>) -> fmt::Result {
    if let Some(at) = documented_at {
        writeln!(out, "  documented at {}", Escaped(at))?;
    }
    if let Some(date) = removed {
        writeln!(
            out,
            "  no longer documented: it left Smartcar's docs on {}",
            Escaped(date)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidates() -> Vec<(usize, Candidate<'static>)> {
        vec![
            (
                0,
                Candidate::Api {
                    error_type: "SERVER",
                    code: Some("INTERNAL"),
                    doc_url: "https://d/server-errors#internal",
                },
            ),
            (
                1,
                Candidate::Api {
                    error_type: "AUTHENTICATION",
                    code: None,
                    doc_url: "https://d/authentication",
                },
            ),
            (
                2,
                Candidate::Api {
                    error_type: "UPSTREAM",
                    code: Some("INTERNAL"),
                    doc_url: "https://d/upstream#internal",
                },
            ),
            (
                3,
                Candidate::Connect {
                    error: "server_error",
                    page_url: Some("https://d/server-error"),
                },
            ),
        ]
    }

    #[test]
    fn queries_name_codes_types_errors_and_urls() {
        let candidates = candidates();
        for (query, found) in [
            ("SERVER:INTERNAL", 0),
            ("server.internal", 0),
            (" https://d/server-errors#internal/ ", 0),
            ("AUTHENTICATION", 1),
            ("authentication:null", 1),
            ("server_error", 3),
            ("https://d/server-error", 3),
        ] {
            assert_eq!(find(query, &candidates), Ok(found), "{query}");
        }
        let ambiguous = find("INTERNAL", &candidates).unwrap_err();
        assert!(ambiguous.is_ambiguous());
        assert_eq!(ambiguous.candidates(), ["SERVER:INTERNAL", "UPSTREAM:INTERNAL"]);
        assert_eq!(
            ambiguous.to_string(),
            "`INTERNAL` names several documented errors: `SERVER:INTERNAL`, `UPSTREAM:INTERNAL`"
        );
        let typo = find("SERVER.INTERNEL", &candidates).unwrap_err();
        assert_eq!(
            typo.to_string(),
            "`SERVER.INTERNEL` is not a documented Smartcar error; did you mean `SERVER:INTERNAL`?"
        );
        let nothing = find("\u{1b}[2J", &candidates).unwrap_err();
        assert_eq!(
            nothing.to_string(),
            r"`\u{1b}[2J` is not a documented Smartcar error"
        );
    }

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("INTERNAL", "INTERNAL"), 0);
        assert_eq!(edit_distance("INTERNEL", "INTERNAL"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn entries_are_written_section_by_section_escaped() {
        let mut out = String::new();
        let entry = ApiEntry {
            error_type: "SERVER",
            code: Some("INTERNAL"),
            status_code: 500,
            description: "Broke.\u{1b}[2J",
            doc_url: "https://d/x#internal",
            resolution: Some("RETRY_LATER"),
            suggested_user_message: Some("Line one.\nLine two."),
            removed_from_docs: Some("2026-11-29"),
            documented_at: Some("errors/x.md:3:1"),
            ..ApiEntry::default()
        };
        write_api(&mut out, &entry).unwrap();
        assert_eq!(
            out,
            "SERVER:INTERNAL (HTTP 500)\n  documented at errors/x.md:3:1\n  no longer documented: it left Smartcar's docs on 2026-11-29\n\n\
             Broke.\\u{1b}[2J\n\nResolution: RETRY_LATER\n\nSuggested user message:\nLine one.\nLine two.\n\nDocs: https://d/x#internal"
        );
    }
}
