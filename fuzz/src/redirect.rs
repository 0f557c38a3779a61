//! Connect redirects: what [`Redirect::from_uri`] and [`ConnectError::from_redirect_uri`]
//! must satisfy, and a grammar of redirect URIs made of the parts Connect sends.

use bolero::generator::*;
use smartcar_errors::{Authorization, ConnectError, ParamProblem, Redirect, RedirectError};
use smartcar_errors_shared::text::is_safe;

use crate::text::{Name, Text};

/// Reads `uri` as a redirect, both ways, and checks what is read:
/// - `ConnectError::from_redirect_uri` reads the error `Redirect::from_uri` reads, `None` for
///   an authorization, and fails only as `Redirect::from_uri` does (a problem with `code`
///   aside, which it does not look at);
/// - an error has a non-empty `error` that is its `error` parameter; an authorization a
///   non-empty `code` that is its `code` parameter, and no `error`;
/// - a field is the parameter's value when read, numbers are in their range, and every
///   problem names a parameter of the redirect;
/// - a bad escape is reported at a `%` of the input;
/// - no `Display` output holds a line break, ESC, bidi or other unsafe character.
pub fn check_redirect(uri: &str) {
    let redirect = Redirect::from_uri(uri);
    let error_only = ConnectError::from_redirect_uri(uri);
    match (&redirect, &error_only) {
        (Ok(Redirect::Error(error)), Ok(Some(same))) => {
            assert_eq!(error, same, "{uri:?}: the two readings differ");
            check_error(uri, error);
        }
        (Ok(Redirect::Authorized(authorization)), Ok(None)) => check_authorization(uri, authorization),
        (Err(RedirectError::MissingCode | RedirectError::DuplicateParameter { name: "code" }), Ok(None)) => {}
        (Err(failed), Err(same)) => {
            assert_eq!(failed, same, "{uri:?}: the two readings fail differently");
            check_failure(uri, failed);
        }
        _ => panic!("{uri:?}: Redirect::from_uri gives {redirect:?}, from_redirect_uri {error_only:?}"),
    }
}

fn check_error(uri: &str, error: &ConnectError) {
    let param = |name: &str| error.param(name);
    let read = Read {
        uri,
        problems: error.problems(),
        param: &param,
    };
    read.deciding("error", error.error());
    read.text("error_description", error.description());
    read.text("error_message", error.error_message());
    read.text("state", error.state());
    if let Some(status) = error.status_code() {
        assert!((100..=599).contains(&status), "{uri:?}: status {status}");
    }
    if let Some(vehicle) = error.vehicle() {
        if let Some(year) = vehicle.year() {
            assert!((1..=9999).contains(&year), "{uri:?}: year {year}");
        }
        read.text("vin", vehicle.vin());
        read.text("make", vehicle.make());
    }
    assert_safe(uri, &error.to_string());
}

fn check_authorization(uri: &str, authorization: &Authorization) {
    let param = |name: &str| authorization.param(name);
    let read = Read {
        uri,
        problems: authorization.problems(),
        param: &param,
    };
    read.deciding("code", authorization.code());
    assert_eq!(param("error"), None, "{uri:?}: an error read as an authorization");
    read.text("state", authorization.state());
    read.text("user_id", authorization.user_id());
}

/// One outcome's parameters and problems, to check its fields against.
struct Read<'a> {
    uri: &'a str,
    problems: &'a [ParamProblem],
    param: &'a dyn Fn(&str) -> Option<&'a str>,
}

impl Read<'_> {
    /// The parameter that decides the outcome is read non-empty, as sent; every problem names
    /// a parameter of the redirect and shows on one line.
    fn deciding(&self, name: &str, value: &str) {
        let uri = self.uri;
        assert!(!value.is_empty(), "{uri:?}: empty `{name}` read");
        assert_eq!(
            (self.param)(name),
            Some(value),
            "{uri:?}: `{name}` is not its parameter"
        );
        for problem in self.problems {
            assert!(
                (self.param)(problem.name()).is_some(),
                "{uri:?}: {problem:?} names no parameter"
            );
            assert_safe(uri, &problem.to_string());
        }
    }

    /// A text field read is its parameter's value; one not read is absent, empty or has a
    /// problem.
    fn text(&self, name: &str, field: Option<&str>) {
        let uri = self.uri;
        match field {
            Some(value) => assert_eq!((self.param)(name), Some(value), "{uri:?}: `{name}` read wrong"),
            None => assert!(
                matches!((self.param)(name), None | Some(""))
                    || self.problems.iter().any(|problem| problem.name() == name),
                "{uri:?}: `{name}` dropped without a problem"
            ),
        }
    }
}

fn check_failure(uri: &str, failure: &RedirectError) {
    if let RedirectError::InvalidPercentEncoding { offset } = failure {
        assert!(
            *offset < uri.len(),
            "{uri:?}: bad escape at {offset}, past the end"
        );
        assert_eq!(
            uri.as_bytes()[*offset],
            b'%',
            "{uri:?}: bad escape at {offset}, which is not a `%`"
        );
    }
    assert_safe(uri, &failure.to_string());
}

/// `shown` has no character that could start a log line or hide text.
fn assert_safe(uri: &str, shown: &str) {
    assert!(is_safe(shown), "{uri:?}: unescaped in {shown:?}");
}

/// A redirect URI: a base, a query and a fragment.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator)]
pub struct RedirectUri {
    /// What comes before the query: one of [`BASES`], or any text.
    pub base: Name,
    /// Whether a `?` starts the query.
    pub question_mark: bool,
    /// The query's parameters: a name (one of [`PARAMS`], or any text) and a value, or none
    /// (no `=`).
    #[generator(Vec::produce().with().len(0usize..6))]
    pub params: Vec<(Name, Option<Value>)>,
    /// A `#fragment`.
    pub fragment: Option<Text>,
}

/// Bases of a redirect URI: none (the query alone), a URL, a path.
pub const BASES: &[&str] = &["", "https://example.com/callback", "/callback"];

/// The parameters Connect sends, and `error` percent-encoded.
pub const PARAMS: &[&str] = &[
    "error",
    "error_description",
    "status_code",
    "error_message",
    "state",
    "code",
    "vin",
    "make",
    "model",
    "year",
    "virtual_key_url",
    "user_id",
    "external_id",
    "err%6Fr",
];

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator)]
pub enum Value {
    /// Written as it is, escapes and all.
    Raw(Text),
    /// Every byte percent-encoded: any text, control characters included, arrives decoded.
    Encoded(Text),
    /// A number (`2019`, `400`, `70000`).
    Number(u32),
}

impl RedirectUri {
    /// The URI as text.
    pub fn to_uri(&self) -> String {
        let mut out = self.base.written(BASES);
        if self.question_mark {
            out.push('?');
        }
        let params: Vec<String> = (self.params.iter())
            .map(|(name, value)| {
                let name = name.written(PARAMS);
                match value {
                    Some(value) => format!("{name}={}", value.written()),
                    None => name,
                }
            })
            .collect();
        out.push_str(&params.join("&"));
        if let Some(fragment) = &self.fragment {
            out.push('#');
            out.push_str(&fragment.raw());
        }
        out
    }
}

impl Value {
    fn written(&self) -> String {
        match self {
            Value::Raw(text) => text.raw(),
            Value::Encoded(text) => text.raw().bytes().map(|b| format!("%{b:02X}")).collect(),
            Value::Number(n) => n.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_join_their_parts() {
        let uri = RedirectUri {
            base: Name::Known(1),
            question_mark: true,
            params: vec![
                (Name::Known(13), Some(Value::Raw(Text::literal("500")))),
                (Name::Known(1), None),
                (Name::Other(Text::literal("year")), Some(Value::Number(2019))),
                (Name::Known(8), Some(Value::Encoded(Text::literal("we’re")))),
            ],
            fragment: Some(Text::default()),
        };
        assert_eq!(
            uri.to_uri(),
            "https://example.com/callback?err%6Fr=500&error_description&year=2019&model=%77%65%E2%80%99%72%65#"
        );
        check_redirect(&uri.to_uri());
    }
}
