//! Smartcar Connect's redirect back to your application: an authorization or an error.
//!
//! [`Redirect::from_uri`] reads any redirect; [`ConnectError::from_redirect_uri`] reads only
//! its error. The rules both follow are written on [`Redirect::from_uri`].

mod authorization;
mod error;
mod params;
mod problem;
mod redirect;
mod vehicle;

pub use authorization::Authorization;
pub use error::ConnectError;
pub use problem::{ParamProblem, RedirectError};
pub use redirect::Redirect;
pub use vehicle::VehicleInfo;
