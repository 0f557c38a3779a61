//! A successful Connect redirect: the user authorized your application.

use core::fmt;

use super::params::{Fields, Params, redact};
use super::problem::{ParamProblem, RedirectError};

/// The user authorized your application: Connect redirected with a `code` to exchange for an
/// access token.
///
/// `Debug` leaves out the code: it is a credential until exchanged.
///
/// ```
/// use smartcar_errors::Redirect;
///
/// let uri = "https://example.com/home?code=90abecb6-e7ab-4b85-864a-e1c8bf67f2ad&state=0facda3319";
/// let Redirect::Authorized(authorization) = Redirect::from_uri(uri)? else { unreachable!() };
/// assert_eq!(authorization.code(), "90abecb6-e7ab-4b85-864a-e1c8bf67f2ad");
/// assert_eq!(authorization.state(), Some("0facda3319"));
/// assert!(!format!("{authorization:?}").contains("90abecb6"));
/// # Ok::<(), smartcar_errors::RedirectError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct Authorization {
    code: String,
    state: Option<String>,
    virtual_key_url: Option<String>,
    user_id: Option<String>,
    external_id: Option<String>,
    problems: Vec<ParamProblem>,
    params: Params,
}

impl Authorization {
    /// The authorization `params` carry; they carry no `error`.
    pub(crate) fn read(params: Params) -> Result<Authorization, RedirectError> {
        let code = match params.deciding("code")? {
            None | Some("") => return Err(RedirectError::MissingCode),
            Some(code) => code.to_owned(),
        };
        let mut fields = Fields::new(&params);
        let state = fields.text("state");
        let virtual_key_url = fields.text("virtual_key_url");
        let user_id = fields.text("user_id");
        let external_id = fields.text("external_id");
        let problems = fields.into_problems();
        Ok(Authorization {
            code,
            state,
            virtual_key_url,
            user_id,
            external_id,
            problems,
            params,
        })
    }

    /// The `code` parameter: the authorization code to exchange for an access token.
    pub fn code(&self) -> &str {
        &self.code
    }

    /// The `state` parameter: the value your application gave Connect, passed back. Compare
    /// it with the one you sent before exchanging the code.
    pub fn state(&self) -> Option<&str> {
        self.state.as_deref()
    }

    /// The `virtual_key_url` parameter: where the owner adds Smartcar's virtual key to their
    /// vehicle (Tesla), which commands to the vehicle require.
    pub fn virtual_key_url(&self) -> Option<&str> {
        self.virtual_key_url.as_deref()
    }

    /// The `user_id` parameter: Smartcar's identifier of the vehicle owner who granted access.
    pub fn user_id(&self) -> Option<&str> {
        self.user_id.as_deref()
    }

    /// The `external_id` parameter: the identifier your application gave Connect, passed back.
    pub fn external_id(&self) -> Option<&str> {
        self.external_id.as_deref()
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

impl fmt::Debug for Authorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("code", &redact("code", &self.code))
            .field("state", &self.state)
            .field("virtual_key_url", &self.virtual_key_url)
            .field("user_id", &self.user_id)
            .field("external_id", &self.external_id)
            .field("problems", &self.problems)
            .field("params", &self.params)
            .finish()
    }
}
