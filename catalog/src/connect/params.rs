//! The decoded parameters of a redirect, and how a typed field is read from them.

use core::fmt;
use core::ops::RangeInclusive;

use smartcar_errors_shared::query::{QueryError, parse_query};

use super::problem::{ParamProblem, RedirectError};

/// Every parameter of a redirect, decoded, in order.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Params(Vec<(String, String)>);

/// How often a parameter is given.
enum Occurrence<'a> {
    Absent,
    Once(&'a str),
    Repeated,
}

impl Params {
    /// The parameters of the query of `uri`: a full URI, a path with a query, or the query
    /// alone (with or without its `?`). A fragment is ignored. Fails when the query is not
    /// valid form-urlencoding.
    pub(crate) fn from_uri(uri: &str) -> Result<Params, RedirectError> {
        let without_fragment = uri.split_once('#').map_or(uri, |(before, _)| before);
        let (query, query_start) = match without_fragment.split_once('?') {
            Some((before, query)) => (query, before.len() + 1),
            None if without_fragment.contains("://") => ("", 0),
            None => (without_fragment, 0),
        };
        let pairs = parse_query(query).map_err(|error| match error {
            QueryError::InvalidPercentEncoding { offset } => RedirectError::InvalidPercentEncoding {
                offset: query_start + offset,
            },
            QueryError::InvalidUtf8 { name } => RedirectError::InvalidUtf8 { name },
        })?;
        Ok(Params(pairs))
    }

    /// The first value of `name`.
    pub(crate) fn first(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    /// Every parameter, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// The value of `name`, which decides what the redirect is (`error`, `code`): `None` when
    /// absent, an error when given more than once.
    pub(crate) fn deciding(&self, name: &'static str) -> Result<Option<&str>, RedirectError> {
        match self.occurrence(name) {
            Occurrence::Absent => Ok(None),
            Occurrence::Once(value) => Ok(Some(value)),
            Occurrence::Repeated => Err(RedirectError::DuplicateParameter { name }),
        }
    }

    fn occurrence(&self, name: &str) -> Occurrence<'_> {
        let mut values = self.0.iter().filter(|(n, _)| n == name);
        match (values.next(), values.next()) {
            (None, _) => Occurrence::Absent,
            (Some((_, value)), None) => Occurrence::Once(value),
            (Some(_), Some(_)) => Occurrence::Repeated,
        }
    }
}

/// The names and values, with the value of `code` left out: an authorization code is a
/// credential until it is exchanged, and debug output ends up in logs.
impl fmt::Debug for Params {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(|(name, value)| (name, redact(name, value))))
            .finish()
    }
}

/// `value`, or a placeholder when it is the value of `code`.
pub(crate) fn redact<'a>(name: &str, value: &'a str) -> &'a str {
    if name == "code" { "[redacted]" } else { value }
}

/// A parameter whose value is a number in a range.
pub(crate) struct Number {
    /// The parameter's name.
    pub(crate) name: &'static str,
    /// What the value must be, for [`ParamProblem::Invalid`].
    pub(crate) expected: &'static str,
    /// The values accepted.
    pub(crate) range: RangeInclusive<u16>,
}

/// `status_code`: the status of the error the user met in Connect.
pub(crate) const STATUS_CODE: Number = Number {
    name: "status_code",
    expected: "an HTTP status code (100 to 599)",
    range: 100..=599,
};

/// `year`: the model year of the vehicle.
pub(crate) const YEAR: Number = Number {
    name: "year",
    expected: "a year (1 to 9999)",
    range: 1..=9999,
};

/// Reads the optional fields of a redirect, collecting the problems of those it cannot read.
pub(crate) struct Fields<'a> {
    params: &'a Params,
    problems: Vec<ParamProblem>,
}

impl<'a> Fields<'a> {
    pub(crate) fn new(params: &'a Params) -> Self {
        Fields {
            params,
            problems: Vec::new(),
        }
    }

    /// An optional text parameter: `None` when absent or empty, and when given more than once
    /// (a problem).
    pub(crate) fn text(&mut self, name: &'static str) -> Option<String> {
        match self.params.occurrence(name) {
            Occurrence::Absent | Occurrence::Once("") => None,
            Occurrence::Once(value) => Some(value.to_owned()),
            Occurrence::Repeated => {
                self.problems.push(ParamProblem::Repeated { name });
                None
            }
        }
    }

    /// An optional number: decimal digits only, in its range; `None` and a problem otherwise.
    pub(crate) fn number(&mut self, number: &Number) -> Option<u16> {
        let value = self.text(number.name)?;
        let parsed = value
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| value.parse::<u16>().ok())
            .flatten()
            .filter(|n| number.range.contains(n));
        if parsed.is_none() {
            self.problems.push(ParamProblem::Invalid {
                name: number.name,
                value,
                expected: number.expected,
            });
        }
        parsed
    }

    /// The problems met so far.
    pub(crate) fn into_problems(self) -> Vec<ParamProblem> {
        self.problems
    }
}
