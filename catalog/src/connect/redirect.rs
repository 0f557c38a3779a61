//! Any Connect redirect, read as an authorization or an error.

use super::authorization::Authorization;
use super::error::ConnectError;
use super::params::Params;
use super::problem::{ParamProblem, RedirectError};

/// What Smartcar Connect sent back to your redirect URI: the user authorized your
/// application, or Connect stopped with an error.
///
/// ```
/// use smartcar_errors::{ConnectErrorCode, Redirect};
///
/// fn callback(uri: &str, expected_state: &str) -> Result<String, Box<dyn std::error::Error>> {
///     let redirect = Redirect::from_uri(uri)?;
///     if redirect.state() != Some(expected_state) {
///         return Err("the redirect is not for this session".into());
///     }
///     match redirect {
///         Redirect::Authorized(authorization) => Ok(format!("exchange {}", authorization.code())),
///         Redirect::Error(error) => match error.known() {
///             Some(ConnectErrorCode::ServerError) => Ok("try connecting again".to_owned()),
///             _ => Err(error.into()),
///         },
///     }
/// }
///
/// let ok = callback("https://example.com/home?code=90abecb6&state=0facda3319", "0facda3319")?;
/// assert_eq!(ok, "exchange 90abecb6");
/// let denied = callback(
///     "https://example.com/home?error=access_denied\
///      &error_description=User+denied+access+to+application.&state=0facda3319",
///     "0facda3319",
/// );
/// assert_eq!(denied.unwrap_err().to_string(), "access_denied: User denied access to application.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Redirect {
    /// The user authorized your application: a `code` to exchange for an access token.
    Authorized(Authorization),
    /// Connect stopped with an `error`.
    Error(ConnectError),
}

impl Redirect {
    /// Reads the redirect Connect sent to your redirect URI: a full URI, a path with a query,
    /// or the query alone (with or without its `?`). A fragment is ignored.
    ///
    /// A redirect with an `error` is an [`Error`](Redirect::Error), even if it also carries a
    /// `code`; one without is [`Authorized`](Redirect::Authorized) and must carry a `code`.
    ///
    /// # What fails, and what does not
    ///
    /// The redirect cannot be read ([`RedirectError`]) when
    ///
    /// - its query is not form-urlencoded text: a `%` not followed by two hex digits, or a
    ///   name or value that is not UTF-8 once decoded; Connect writes neither, so such a
    ///   redirect was not written by Connect or was damaged on its way;
    /// - the parameter that decides what the redirect is, is ambiguous: `error` given more
    ///   than once or without a value (never read as a success), or, without `error`, `code`
    ///   given more than once, without a value, or not at all.
    ///
    /// Every other parameter is optional and never fails the redirect:
    ///
    /// - given without a value (`state=` or `state`), it is absent;
    /// - given more than once, it is `None` and [`ParamProblem::Repeated`] says so;
    /// - `status_code` and `year` are numbers (decimal digits, 100 to 599 and 1 to 9999); any
    ///   other value is `None` and [`ParamProblem::Invalid`] keeps it;
    /// - parameters this crate does not know are kept, as are all values as sent:
    ///   `param` and `params` on [`Authorization`] and [`ConnectError`] give them.
    pub fn from_uri(uri: &str) -> Result<Redirect, RedirectError> {
        let params = Params::from_uri(uri)?;
        match params.deciding("error")?.map(str::to_owned) {
            None => Authorization::read(params).map(Redirect::Authorized),
            Some(error) => ConnectError::read(error, params).map(Redirect::Error),
        }
    }

    /// The `state` parameter, on either outcome: compare it with the value you sent before
    /// acting on the redirect.
    pub fn state(&self) -> Option<&str> {
        match self {
            Redirect::Authorized(authorization) => authorization.state(),
            Redirect::Error(error) => error.state(),
        }
    }

    /// The parameters that could not be read, on either outcome.
    pub fn problems(&self) -> &[ParamProblem] {
        match self {
            Redirect::Authorized(authorization) => authorization.problems(),
            Redirect::Error(error) => error.problems(),
        }
    }

    /// The authorization, or the error: for `?`.
    #[expect(
        clippy::result_large_err,
        reason = "the error is one of the two outcomes of a redirect, moved once, and the \
                  authorization is as large"
    )]
    pub fn into_result(self) -> Result<Authorization, ConnectError> {
        match self {
            Redirect::Authorized(authorization) => Ok(authorization),
            Redirect::Error(error) => Err(error),
        }
    }
}
