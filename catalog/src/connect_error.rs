//! A Connect error, read from the redirect to your application.

use core::fmt;

use smartcar_errors_shared::query::{QueryError, parse_query};

use crate::ConnectErrorCode;

/// An error that Smartcar Connect reported by redirecting to your redirect URI.
///
/// ```
/// use smartcar_errors::{ConnectError, ConnectErrorCode};
///
/// let uri = "https://example.com/callback?error=access_denied\
///            &error_description=User+denied+access+to+application.&state=0facda3319";
/// let error = ConnectError::from_redirect_uri(uri)?.expect("the redirect carries an error");
/// assert_eq!(error.error(), "access_denied");
/// assert_eq!(error.description(), Some("User denied access to application."));
/// assert_eq!(error.param("state"), Some("0facda3319"));
///
/// // A successful redirect carries no error.
/// assert_eq!(ConnectError::from_redirect_uri("https://example.com/callback?code=90abecb6")?, None);
/// # Ok::<(), smartcar_errors::RedirectError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectError {
    error: String,
    description: Option<String>,
    status_code: Option<u16>,
    error_message: Option<String>,
    params: Vec<(String, String)>,
}

/// Why a redirect could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectError {
    /// A `%` not followed by two hex digits.
    InvalidPercentEncoding {
        /// Byte offset of the `%` in the redirect as given.
        offset: usize,
    },
    /// A parameter whose decoded value is not UTF-8.
    InvalidUtf8 {
        /// The parameter's name.
        name: String,
    },
    /// `error`, `error_description`, `status_code` or `error_message` given twice.
    DuplicateParameter {
        /// The parameter's name.
        name: String,
    },
    /// `error` given without a value.
    EmptyError,
    /// A `status_code` that is not a number from 100 to 599.
    InvalidStatusCode {
        /// The value as sent.
        value: String,
    },
}

impl fmt::Display for RedirectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectError::InvalidPercentEncoding { offset } => {
                write!(
                    f,
                    "invalid percent-encoding at byte {offset} of the redirect's query"
                )
            }
            RedirectError::InvalidUtf8 { name } => write!(f, "redirect parameter `{name}` is not UTF-8"),
            RedirectError::DuplicateParameter { name } => {
                write!(f, "redirect parameter `{name}` is given twice")
            }
            RedirectError::EmptyError => f.write_str("redirect parameter `error` is empty"),
            RedirectError::InvalidStatusCode { value } => {
                write!(
                    f,
                    "redirect parameter `status_code` is not an HTTP status code: `{value}`"
                )
            }
        }
    }
}

impl std::error::Error for RedirectError {}

/// Parameters whose meaning a second value would make ambiguous.
const SINGLE: &[&str] = &["error", "error_description", "status_code", "error_message"];

impl ConnectError {
    /// Reads the redirect Connect sent to your redirect URI: a full URI, a path with a query,
    /// or the query alone (with or without its `?`). `Ok(None)` when the redirect carries no
    /// `error` (a successful authorization). A fragment is ignored.
    ///
    /// Strict: bad percent-encoding, non-UTF-8 values, a repeated `error`,
    /// `error_description`, `status_code` or `error_message`, an empty `error` and a
    /// non-numeric `status_code` are errors. Other parameters may repeat; [`param`](Self::param)
    /// gives the first.
    pub fn from_redirect_uri(uri: &str) -> Result<Option<ConnectError>, RedirectError> {
        let without_fragment = uri.split_once('#').map_or(uri, |(before, _)| before);
        let (query, query_start) = match without_fragment.split_once('?') {
            Some((before, query)) => (query, before.len() + 1),
            None if without_fragment.contains("://") => ("", 0),
            None => (without_fragment, 0),
        };
        let params = parse_query(query).map_err(|error| match error {
            QueryError::InvalidPercentEncoding { offset } => RedirectError::InvalidPercentEncoding {
                offset: query_start + offset,
            },
            QueryError::InvalidUtf8 { name } => RedirectError::InvalidUtf8 { name },
        })?;
        for (i, (name, _)) in params.iter().enumerate() {
            if SINGLE.contains(&name.as_str()) && params[..i].iter().any(|(earlier, _)| earlier == name) {
                return Err(RedirectError::DuplicateParameter { name: name.clone() });
            }
        }
        let find = |name: &str| params.iter().find(|(n, _)| n == name).map(|(_, v)| v.clone());
        let Some(error) = find("error") else {
            return Ok(None);
        };
        if error.is_empty() {
            return Err(RedirectError::EmptyError);
        }
        let status_code = match find("status_code") {
            None => None,
            Some(value) => match value.parse::<u16>() {
                Ok(status @ 100..=599) => Some(status),
                _ => return Err(RedirectError::InvalidStatusCode { value }),
            },
        };
        Ok(Some(ConnectError {
            error,
            description: find("error_description"),
            status_code,
            error_message: find("error_message"),
            params,
        }))
    }

    /// The documented Connect error this is, if the docs describe it.
    pub fn known(&self) -> Option<ConnectErrorCode> {
        self.error.parse().ok()
    }

    /// The `error` parameter (`configuration_error`).
    pub fn error(&self) -> &str {
        &self.error
    }

    /// The `error_description` parameter.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The `status_code` parameter: the status of the error the user met in Connect.
    pub fn status_code(&self) -> Option<u16> {
        self.status_code
    }

    /// The `error_message` parameter: the message the user saw.
    pub fn error_message(&self) -> Option<&str> {
        self.error_message.as_deref()
    }

    /// The first value of any parameter (`state`, `vin`, `make`, ...), decoded.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, value)| value.as_str())
    }

    /// Every parameter of the redirect, decoded, in order.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }
}

/// `error (status): description`, leaving out what the redirect lacks.
impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.error)?;
        if let Some(status) = self.status_code {
            write!(f, " ({status})")?;
        }
        if let Some(description) = &self.description {
            write!(f, ": {description}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ConnectError {}
