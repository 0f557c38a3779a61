//! What can be wrong with a redirect: problems that make it unreadable ([`RedirectError`]),
//! and problems with one optional parameter, which is then read as absent ([`ParamProblem`]).

use core::fmt;

use smartcar_errors_shared::text::Escaped;

/// Why a redirect could not be read at all. See [`Redirect::from_uri`](super::Redirect::from_uri)
/// for which problems are fatal.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RedirectError {
    /// A `%` not followed by two hex digits.
    InvalidPercentEncoding {
        /// Byte offset of the `%` in the redirect as given.
        offset: usize,
    },
    /// A parameter whose decoded name or value is not UTF-8.
    InvalidUtf8 {
        /// The parameter's name (decoded when it is UTF-8, as written otherwise).
        name: String,
    },
    /// `error` given more than once, or, in a redirect without `error`, `code`.
    DuplicateParameter {
        /// The parameter's name.
        name: &'static str,
    },
    /// `error` given without a value.
    EmptyError,
    /// Neither an `error` nor a `code` (or an empty `code`): the redirect says neither that
    /// the user authorized your application nor why not.
    MissingCode,
}

/// One line; a parameter's name with its control and direction characters escaped.
impl fmt::Display for RedirectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectError::InvalidPercentEncoding { offset } => {
                write!(f, "invalid percent-encoding at byte {offset} of the redirect")
            }
            RedirectError::InvalidUtf8 { name } => {
                write!(f, "redirect parameter `{}` is not UTF-8", Escaped(name))
            }
            RedirectError::DuplicateParameter { name } => {
                write!(f, "redirect parameter `{name}` is given more than once")
            }
            RedirectError::EmptyError => f.write_str("redirect parameter `error` is empty"),
            RedirectError::MissingCode => f.write_str("the redirect carries neither an `error` nor a `code`"),
        }
    }
}

impl std::error::Error for RedirectError {}

/// A parameter the redirect gives but that could not be read; its field is `None`, and the
/// rest of the redirect is read as usual.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamProblem {
    /// A value that is not of the parameter's type (`status_code=abc`, `year=abc`).
    Invalid {
        /// The parameter's name.
        name: &'static str,
        /// The value, decoded.
        value: String,
        /// What the value must be (`a year (1 to 9999)`).
        expected: &'static str,
    },
    /// A parameter given more than once: which value Connect meant cannot be told.
    Repeated {
        /// The parameter's name.
        name: &'static str,
    },
}

impl ParamProblem {
    /// The name of the parameter.
    pub fn name(&self) -> &'static str {
        match self {
            ParamProblem::Invalid { name, .. } | ParamProblem::Repeated { name } => name,
        }
    }
}

/// One line; the value's control and direction characters escaped.
impl fmt::Display for ParamProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParamProblem::Invalid {
                name,
                value,
                expected,
            } => write!(
                f,
                "redirect parameter `{name}` is not {expected}: `{}`",
                Escaped(value)
            ),
            ParamProblem::Repeated { name } => {
                write!(f, "redirect parameter `{name}` is given more than once")
            }
        }
    }
}
