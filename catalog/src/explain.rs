//! `explain`: find a documented error by name or doc URL and say what the docs say of it, like
//! `rustc --explain`.

use core::fmt;

use crate::table::Named;
use crate::{ApiErrorCode, ConnectErrorCode};

/// A documented error found by [`explain`]; `Display` prints what the docs say of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Explained {
    /// An API error code.
    Api(ApiErrorCode),
    /// A Connect error.
    Connect(ConnectErrorCode),
}

/// Why [`explain`] found nothing, with the closest documented names.
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
        let names: Vec<String> = self.candidates.iter().map(|c| format!("`{c}`")).collect();
        if self.ambiguous {
            return write!(
                f,
                "`{}` names several documented errors: {}",
                self.query,
                names.join(", ")
            );
        }
        write!(f, "`{}` is not a documented Smartcar error", self.query)?;
        match names.as_slice() {
            [] => Ok(()),
            [one] => write!(f, "; did you mean {one}?"),
            [init @ .., last] => write!(f, "; did you mean {} or {last}?", init.join(", ")),
        }
    }
}

impl std::error::Error for NotDocumented {}

/// Finds a documented error in the compiled-in catalog: `SERVER:INTERNAL` (or
/// `SERVER.INTERNAL`), a code alone when only one type has it (`INTERNAL`), a type alone for
/// its null code (`AUTHENTICATION`), a Connect error (`configuration_error`) or a doc URL.
/// Names match regardless of case.
///
/// ```
/// use smartcar_errors::{ApiErrorCode, Explained, explain};
///
/// assert_eq!(explain("SERVER.INTERNAL"), Ok(Explained::Api(ApiErrorCode::ServerInternal)));
/// assert_eq!(explain("internal"), Ok(Explained::Api(ApiErrorCode::ServerInternal)));
/// let typo = explain("SERVER:INTERNEL").unwrap_err();
/// assert_eq!(typo.to_string(), "`SERVER:INTERNEL` is not a documented Smartcar error; did you mean `SERVER:INTERNAL`?");
/// println!("{}", explain("configuration_error")?);
/// # Ok::<(), smartcar_errors::NotDocumented>(())
/// ```
pub fn explain(query: &str) -> Result<Explained, NotDocumented> {
    let query = query.trim();
    let matches: Vec<Explained> = candidates().filter(|c| c.matches(query)).collect();
    match matches.as_slice() {
        [one] => Ok(*one),
        [] => Err(NotDocumented {
            query: query.to_owned(),
            ambiguous: false,
            candidates: closest(query),
        }),
        many => Err(NotDocumented {
            query: query.to_owned(),
            ambiguous: true,
            candidates: many.iter().map(Explained::name).collect(),
        }),
    }
}

fn candidates() -> impl Iterator<Item = Explained> {
    let api = ApiErrorCode::ALL.iter().copied().map(Explained::Api);
    api.chain(ConnectErrorCode::ALL.iter().copied().map(Explained::Connect))
}

impl Explained {
    /// `TYPE:CODE` (`TYPE` for a null code) or the Connect error's name.
    pub fn name(&self) -> String {
        match self {
            Explained::Api(code) => code.to_string(),
            Explained::Connect(error) => error.as_str().to_owned(),
        }
    }

    fn matches(&self, query: &str) -> bool {
        let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
        let same_url = |url: &str| same(url.trim_end_matches('/'), query.trim_end_matches('/'));
        match self {
            Explained::Api(code) => {
                let info = code.info();
                let type_name = info.error_type.name();
                let parts = query.split_once([':', '.']);
                same_url(info.doc_url)
                    || match (parts, info.code) {
                        (Some((t, c)), Some(code)) => same(t.trim(), type_name) && same(c.trim(), code),
                        (Some((t, c)), None) => same(t.trim(), type_name) && same(c.trim(), "null"),
                        (None, Some(code)) => same(query, code),
                        (None, None) => same(query, type_name),
                    }
            }
            Explained::Connect(error) => {
                same(query, error.as_str()) || error.info().page_url.is_some_and(same_url)
            }
        }
    }
}

/// Up to three documented names within a small edit distance of `query`, closest first.
fn closest(query: &str) -> Vec<String> {
    let query = query.to_ascii_uppercase().replace('.', ":");
    let limit = (query.chars().count() / 3).max(2);
    let mut scored: Vec<(usize, String)> = candidates()
        .map(|c| c.name())
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
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// What the docs say: name, status, description, resolution, sections and link.
impl fmt::Display for Explained {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Explained::Api(code) => {
                let info = code.info();
                writeln!(f, "{code} (HTTP {})", info.status_code)?;
                writeln!(f, "\n{}", info.description)?;
                if let Some(resolution) = info.resolution {
                    writeln!(f, "\nResolution: {resolution}")?;
                }
                let sections = [
                    ("Suggested resolution", info.suggested_resolution),
                    ("Troubleshooting steps", info.troubleshooting_steps),
                    ("Suggested user message", info.suggested_user_message),
                ];
                for (title, text) in sections {
                    if let Some(text) = text {
                        writeln!(f, "\n{title}:\n{text}")?;
                    }
                }
                write!(f, "\nDocs: {}", info.doc_url)
            }
            Explained::Connect(error) => {
                let info = error.info();
                writeln!(f, "{error} (Connect error)")?;
                writeln!(f, "\n{}", info.description)?;
                if let Some(summary) = info.summary {
                    writeln!(f, "\n{summary}")?;
                }
                writeln!(f, "\nParameters:")?;
                for parameter in info.parameters {
                    let required = if parameter.required {
                        "always sent"
                    } else {
                        "optional"
                    };
                    writeln!(f, "  {} ({required}): {}", parameter.name, parameter.description)?;
                }
                if let Some(details) = info.details {
                    writeln!(f, "\n{details}")?;
                }
                match info.page_url {
                    Some(url) => write!(f, "\nDocs: {url}"),
                    None => Ok(()),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_character_edits() {
        assert_eq!(edit_distance("INTERNAL", "INTERNAL"), 0);
        assert_eq!(edit_distance("INTERNEL", "INTERNAL"), 1);
        assert_eq!(edit_distance("", "ab"), 2);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
