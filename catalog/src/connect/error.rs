//! A Connect error, read from the redirect to your application.

use core::fmt;

use smartcar_errors_shared::text::Escaped;

use super::params::{Fields, Params, STATUS_CODE};
use super::problem::{ParamProblem, RedirectError};
use super::vehicle::VehicleInfo;
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
/// assert_eq!(error.state(), Some("0facda3319"));
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
    state: Option<String>,
    external_id: Option<String>,
    vehicle: Option<VehicleInfo>,
    problems: Vec<ParamProblem>,
    params: Params,
}

impl ConnectError {
    /// Reads the error of a Connect redirect: `Ok(None)` when the redirect carries no `error`
    /// (an authorization, or nothing at all). The error is read by the rules of
    /// [`Redirect::from_uri`](crate::Redirect::from_uri); `code` is not looked at.
    ///
    /// [`Redirect::from_uri`](crate::Redirect::from_uri) reads both outcomes.
    pub fn from_redirect_uri(uri: &str) -> Result<Option<ConnectError>, RedirectError> {
        let params = Params::from_uri(uri)?;
        match params.deciding("error")?.map(str::to_owned) {
            None => Ok(None),
            Some(error) => ConnectError::read(error, params).map(Some),
        }
    }

    /// The error named `error`, with the other fields `params` carry.
    pub(crate) fn read(error: String, params: Params) -> Result<ConnectError, RedirectError> {
        if error.is_empty() {
            return Err(RedirectError::EmptyError);
        }
        let mut fields = Fields::new(&params);
        let description = fields.text("error_description");
        let status_code = fields.number(&STATUS_CODE);
        let error_message = fields.text("error_message");
        let state = fields.text("state");
        let external_id = fields.text("external_id");
        let vehicle = VehicleInfo::read(&mut fields);
        let problems = fields.into_problems();
        Ok(ConnectError {
            error,
            description,
            status_code,
            error_message,
            state,
            external_id,
            vehicle,
            problems,
            params,
        })
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

    /// The `status_code` parameter: the status of the error the user met in Connect
    /// (`configuration_error`), when it is a number from 100 to 599.
    pub fn status_code(&self) -> Option<u16> {
        self.status_code
    }

    /// The `error_message` parameter: the message the user saw (`configuration_error`).
    pub fn error_message(&self) -> Option<&str> {
        self.error_message.as_deref()
    }

    /// The `state` parameter: the value your application gave Connect, passed back.
    pub fn state(&self) -> Option<&str> {
        self.state.as_deref()
    }

    /// The `external_id` parameter: the identifier your application gave Connect, passed back.
    pub fn external_id(&self) -> Option<&str> {
        self.external_id.as_deref()
    }

    /// The vehicle the redirect describes (`vin`, `make`, `model`, `year`, sent with
    /// `vehicle_incompatible`); `None` when it gives none of them.
    pub fn vehicle(&self) -> Option<&VehicleInfo> {
        self.vehicle.as_ref()
    }

    /// The parameters that could not be read, and so are `None` above.
    pub fn problems(&self) -> &[ParamProblem] {
        &self.problems
    }

    /// The first value of any parameter, decoded, as sent.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.first(name)
    }

    /// Every parameter of the redirect, decoded, in order.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter()
    }
}

/// `error (status): description`, leaving out what the redirect lacks. Control and
/// direction characters are escaped, so that a redirect cannot start a line of a log.
impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        Escaped(&self.error).fmt(f)?;
        if let Some(status) = self.status_code {
            write!(f, " ({status})")?;
        }
        if let Some(description) = &self.description {
            write!(f, ": {}", Escaped(description))?;
        }
        Ok(())
    }
}

impl std::error::Error for ConnectError {}
