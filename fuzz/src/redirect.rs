//! Connect redirects: what [`ConnectError::from_redirect_uri`] must satisfy, and a grammar of
//! redirect URIs made of the parts Connect sends.

use bolero::generator::*;
use serde::{Deserialize, Serialize};
use smartcar_errors::{ConnectError, RedirectError};

use crate::text::Text;

/// Reads `uri` as a redirect: an error read has a non-empty `error` that is also its first
/// `error` parameter and a status from 100 to 599; a bad escape is reported at a `%` of the
/// input.
pub fn check_redirect(uri: &str) {
    match ConnectError::from_redirect_uri(uri) {
        Ok(Some(error)) => {
            assert!(!error.error().is_empty(), "{uri:?}: empty error read");
            assert_eq!(
                error.param("error"),
                Some(error.error()),
                "{uri:?}: the error is not the `error` parameter"
            );
            if let Some(status) = error.status_code() {
                assert!((100..=599).contains(&status), "{uri:?}: status {status}");
            }
        }
        Ok(None) => {}
        Err(RedirectError::InvalidPercentEncoding { offset }) => {
            assert!(
                offset < uri.len(),
                "{uri:?}: bad escape at {offset}, past the end"
            );
            assert_eq!(
                uri.as_bytes()[offset],
                b'%',
                "{uri:?}: bad escape at {offset}, which is not a `%`"
            );
        }
        Err(_) => {}
    }
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
    /// The value (written as it is, escapes and all), or none: no `=`.
    pub value: Option<Text>,
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
            ParamKey::EncodedError => "err%6Fr".to_owned(),
            ParamKey::Other(text) => text.raw(),
        };
        match &self.value {
            Some(value) => format!("{name}={}", value.raw()),
            None => name,
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
                    value: Some(Text::words(&[Word::Number])),
                },
                Param {
                    name: ParamKey::State,
                    value: None,
                },
            ],
            fragment: Some(Text::default()),
        };
        assert_eq!(uri.to_uri(), "https://example.com/callback?err%6Fr=500&state#");
        check_redirect(&uri.to_uri());
    }
}
