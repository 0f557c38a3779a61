//! Connect redirects: what [`Redirect::from_uri`] and [`ConnectError::from_redirect_uri`]
//! must satisfy, and a grammar of redirect URIs made of the parts Connect sends.

use bolero::generator::*;
use serde::{Deserialize, Serialize};
use smartcar_errors::{Authorization, ConnectError, ParamProblem, Redirect, RedirectError};
use smartcar_errors_shared::text::is_safe;

use crate::text::Text;

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
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct RedirectUri {
    /// What comes before the query.
    pub base: Base,
    /// Whether a `?` starts the query.
    pub question_mark: bool,
    /// The query's parameters.
    #[generator(Vec::produce().with().len(0usize..6))]
    pub params: Vec<Param>,
    /// A `#fragment`.
    pub fragment: Option<Text>,
}

/// What comes before the query.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Base {
    /// Nothing: the query alone.
    None,
    /// `https://example.com/callback`
    Https,
    /// `/callback`
    Path,
    /// Any text.
    Other(Text),
}

/// One `name=value` parameter.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub struct Param {
    /// The name.
    pub name: ParamKey,
    /// The value, or none: no `=`.
    pub value: Option<Value>,
}

/// A parameter's value.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum Value {
    /// Written as it is, escapes and all.
    Raw(Text),
    /// Every byte percent-encoded: any text, control characters included, arrives decoded.
    Encoded(Text),
    /// A number (`2019`, `400`, `70000`).
    Number(u32),
}

/// A parameter name.
#[derive(Debug, Clone, PartialEq, Eq, TypeGenerator, Serialize, Deserialize)]
pub enum ParamKey {
    /// `error`
    Error,
    /// `error_description`
    ErrorDescription,
    /// `status_code`
    StatusCode,
    /// `error_message`
    ErrorMessage,
    /// `state`
    State,
    /// `code`
    Code,
    /// `vin`
    Vin,
    /// `make`
    Make,
    /// `model`
    Model,
    /// `year`
    Year,
    /// `virtual_key_url`
    VirtualKeyUrl,
    /// `user_id`
    UserId,
    /// `external_id`
    ExternalId,
    /// `err%6Fr`, `error` percent-encoded.
    EncodedError,
    /// Any name.
    Other(Text),
}

impl RedirectUri {
    /// The URI as text.
    pub fn to_uri(&self) -> String {
        let mut out = match &self.base {
            Base::None => String::new(),
            Base::Https => "https://example.com/callback".to_owned(),
            Base::Path => "/callback".to_owned(),
            Base::Other(text) => text.raw(),
        };
        if self.question_mark {
            out.push('?');
        }
        let params: Vec<String> = self.params.iter().map(Param::written).collect();
        out.push_str(&params.join("&"));
        if let Some(fragment) = &self.fragment {
            out.push('#');
            out.push_str(&fragment.raw());
        }
        out
    }
}

impl Param {
    fn written(&self) -> String {
        let name = match &self.name {
            ParamKey::Error => "error".to_owned(),
            ParamKey::ErrorDescription => "error_description".to_owned(),
            ParamKey::StatusCode => "status_code".to_owned(),
            ParamKey::ErrorMessage => "error_message".to_owned(),
            ParamKey::State => "state".to_owned(),
            ParamKey::Code => "code".to_owned(),
            ParamKey::Vin => "vin".to_owned(),
            ParamKey::Make => "make".to_owned(),
            ParamKey::Model => "model".to_owned(),
            ParamKey::Year => "year".to_owned(),
            ParamKey::VirtualKeyUrl => "virtual_key_url".to_owned(),
            ParamKey::UserId => "user_id".to_owned(),
            ParamKey::ExternalId => "external_id".to_owned(),
            ParamKey::EncodedError => "err%6Fr".to_owned(),
            ParamKey::Other(text) => text.raw(),
        };
        match &self.value {
            Some(value) => format!("{name}={}", value.written()),
            None => name,
        }
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
    use crate::text::Word;

    #[test]
    fn uris_join_their_parts() {
        let uri = RedirectUri {
            base: Base::Https,
            question_mark: true,
            params: vec![
                Param {
                    name: ParamKey::EncodedError,
                    value: Some(Value::Raw(Text::words(&[Word::Number]))),
                },
                Param {
                    name: ParamKey::State,
                    value: None,
                },
                Param {
                    name: ParamKey::Year,
                    value: Some(Value::Number(2019)),
                },
                Param {
                    name: ParamKey::Model,
                    value: Some(Value::Encoded(Text::words(&[Word::Apostrophe]))),
                },
            ],
            fragment: Some(Text::default()),
        };
        assert_eq!(
            uri.to_uri(),
            "https://example.com/callback?err%6Fr=500&state&year=2019&model=%77%65%E2%80%99%72%65#"
        );
        check_redirect(&uri.to_uri());
    }
}
