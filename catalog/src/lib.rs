//! Typed Smartcar errors, generated from the error pages Smartcar publishes. An independent
//! project: not affiliated with or endorsed by Smartcar.
//!
//! # What the catalog covers
//!
//! The checked-in catalog types the pages of its docs snapshot: the API errors of type
//! `SERVER` (`INTERNAL`, `MULTIPLE_RECORDS_FOUND`, `RECORD_NOT_FOUND`) and the Connect errors
//! `configuration_error` and `server_error`. Every other error still parses: [`ApiError`] and
//! [`ConnectError`] keep its strings, and `known()` is `None`. For the full catalog, fetch a
//! snapshot of the live docs with `catalog-gen fetch`, then either generate a catalog of your
//! own from it with `catalog_gen::Builder` in a build script (its enums have the API of the
//! ones here), or enable the feature `regenerate` with `SMARTCAR_DOCS_DIR` naming it (see
//! [below](#keeping-in-sync-with-the-docs)). The repository's scheduled refresh proposes new
//! pages as a pull request.
//!
//! - [`ApiErrorCode`] names the catalog's API errors; [`ApiErrorCode::info`] says what the
//!   docs say of one ([`ApiErrorInfo`]), and [`ApiErrorCode::as_str`] is its `TYPE:CODE`.
//! - [`ApiError`] reads an error response — the v2 body, the OAuth and v1 bodies, or anything
//!   else — and tells you what to do next; [`BatchResponse`] reads the answer of a batch
//!   request, an `ApiError` for each item that failed.
//! - [`Redirect`] reads the redirect Smartcar Connect sends back to your application: an
//!   [`Authorization`] with the code to exchange, or a [`ConnectError`]; [`ConnectErrorCode`]
//!   names the catalog's Connect errors.
//! - [`explain`] finds an error by name or doc URL and prints what the docs say, like
//!   `rustc --explain`.
//!
//! # Looking up an error
//!
//! ```
//! use smartcar_errors::{ApiErrorCode, Resolution};
//!
//! let code = ApiErrorCode::from_parts("SERVER", Some("INTERNAL")).expect("documented");
//! let info = code.info();
//! assert_eq!(info.status_code, 500);
//! assert_eq!(info.resolution, Some(Resolution::RetryLater));
//! assert_eq!(info.doc_url, "https://smartcar.com/docs/errors/api-errors/server-errors#internal");
//! assert_eq!(code.to_string(), "SERVER:INTERNAL");
//! for code in ApiErrorCode::ALL {
//!     println!("{code}: {}", code.description());
//! }
//! ```
//!
//! # Handling an API error response
//!
//! Give [`ApiError::from_response`] the status, headers and body of any response that is not
//! a success. It never fails: a JSON body is read member by member, without a copy of the
//! object (a member of the wrong type is kept in [`ApiError::extra`], and coerced where one
//! reading is obvious), and a body that is no JSON object is kept whole as
//! [`ApiError::raw_body`]. Headers may be any pairs of names and text or bytes, an
//! `&http::HeaderMap` included. With reqwest, pass `response.status().as_u16()`,
//! `response.headers()` and the bytes of the body. With the feature `http`,
//! `ApiError::from_http` reads an `http::Response` whose body is bytes: ureq 3's once its
//! body is read, hyper's or axum's once it is collected.
//!
//! ```
//! use std::time::Duration;
//! use smartcar_errors::{ApiError, ApiErrorCode};
//!
//! let body = br#"{"type": "SERVER", "code": "INTERNAL", "statusCode": 500,
//!     "description": "An internal Smartcar error has occurred.",
//!     "resolution": {"type": "RETRY_LATER"}}"#;
//! let headers = [("SC-Request-Id", "5dea93a1"), ("Retry-After", "30")];
//! let error = ApiError::from_response(500, headers, body);
//!
//! assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
//! assert_eq!(error.request_id(), Some("5dea93a1"));
//! if error.is_retryable() {
//!     assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
//! }
//! assert_eq!(
//!     error.suggested_user_message_for("Acme Fleet").as_deref(),
//!     Some("Your car is temporarily unable to connect to Acme Fleet. Please be patient while we’re working to resolve this issue.")
//! );
//! ```
//!
//! The error's `Display` is `TYPE:CODE (status): description` (the official SDKs print
//! `TYPE:CODE - description`), one line for a log: each part is cut to a short excerpt and its
//! control characters are escaped, whatever the body holds. With the feature `miette`,
//! [`ApiError`] and [`ConnectError`] are `miette::Diagnostic`s: `code()` is `TYPE:CODE` (a
//! Connect error's `error`), `url()` the doc URL the body or the catalog gives, and `help()`
//! the resolution the docs suggest, or what the resolution type asks of the app.
//!
//! # Reading a batch response
//!
//! `POST /vehicles/{id}/batch` answers one response per path. [`BatchResponse`] parses the
//! whole body into a `serde_json::Value`; successes are yours to read, and each failed item is
//! an [`ApiError`] with the item's status and headers.
//!
//! ```
//! use smartcar_errors::BatchResponse;
//!
//! let body = br#"{"responses": [
//!     {"path": "/odometer", "code": 200, "headers": {"sc-unit-system": "metric"},
//!      "body": {"distance": 32768}},
//!     {"path": "/battery/capacity", "code": 429, "headers": {"Retry-After": 999},
//!      "body": {"type": "RATE_LIMIT", "code": "VEHICLE", "statusCode": 429,
//!               "resolution": {"type": "RETRY_LATER"}, "requestId": "test-request-id"}}
//! ]}"#;
//! let batch = BatchResponse::from_response(200, [("SC-Request-Id", "batch-1")], body)?;
//! for item in batch.items() {
//!     match item.error() {
//!         None => println!("{}: {:?}", item.path(), item.body()),
//!         Some(error) if error.is_retryable() => {
//!             println!("{}: retry in {:?}", item.path(), error.retry_after());
//!         }
//!         Some(error) => println!("{}: {error}", item.path()),
//!     }
//! }
//! let (item, error) = batch.errors().next().expect("one item failed");
//! assert_eq!(item.path(), "/battery/capacity");
//! assert_eq!(error.retry_after(), Some(std::time::Duration::from_secs(999)));
//! # Ok::<(), smartcar_errors::ApiError>(())
//! ```
//!
//! # Handling a Connect redirect
//!
//! Give [`Redirect::from_uri`] the URI your redirect handler received. A redirect it cannot
//! read at all is an error; an optional parameter it cannot read (`status_code=abc`) is
//! `None`, and [`Redirect::problems`] says why.
//!
//! ```
//! use smartcar_errors::{ConnectErrorCode, Redirect};
//!
//! let redirect = "https://example.com/callback?error=configuration_error\
//!     &error_description=There%20has%20been%20an%20error%20in%20the%20configuration%20of%20your%20application.\
//!     &status_code=400&error_message=You%20have%20entered%20a%20test%20mode%20VIN.";
//! match Redirect::from_uri(redirect)? {
//!     Redirect::Authorized(authorization) => {
//!         println!("exchange {} for an access token", authorization.code());
//!     }
//!     Redirect::Error(error) => match error.known() {
//!         Some(ConnectErrorCode::ConfigurationError) => {
//!             assert_eq!(error.status_code(), Some(400));
//!             assert_eq!(error.error_message(), Some("You have entered a test mode VIN."));
//!         }
//!         _ => println!("not connected: {error}"),
//!     },
//! }
//! # Ok::<(), smartcar_errors::RedirectError>(())
//! ```
//!
//! # Explaining an error
//!
//! ```
//! let explained = smartcar_errors::explain("SERVER.RECORD_NOT_FOUND")?;
//! println!("{explained}"); // status, description, resolution, user message, doc URL
//! let typo = smartcar_errors::explain("SERVER.INTERNEL").unwrap_err();
//! assert_eq!(typo.candidates(), ["SERVER:INTERNAL"]);
//! # Ok::<(), smartcar_errors::NotDocumented>(())
//! ```
//!
//! # Errors the docs do not list yet
//!
//! New types, codes and resolutions still parse: their strings are kept, [`ApiError::known`]
//! and [`ConnectError::known`] are `None`, and the enums are `#[non_exhaustive]`, so a newer
//! catalog never breaks your `match`.
//!
//! # Keeping in sync with the docs
//!
//! The tables in this crate are generated by `catalog-gen` from a snapshot of the docs and
//! checked in. With the feature `regenerate`, the build script regenerates them from
//! `$SMARTCAR_DOCS_DIR` instead (an absolute path, or one Cargo resolves in
//! `.cargo/config.toml` with `relative = true`). The regenerated catalog keeps every variant of
//! the checked-in one, deprecated when the docs it reads lack it, so enabling the feature
//! anywhere in a build never breaks another crate that names a variant. A crate can also
//! generate a catalog of its own with `catalog_gen::Builder`: its enums have the same API as
//! the ones here.
#![deny(missing_docs)]

mod api_error;
mod batch;
mod connect;
#[cfg(feature = "miette")]
mod diagnostic;
mod explain;
mod index;
mod info;
mod lookup;
mod macros;
mod named;
mod user_message;

/// The tables generated from the docs snapshot.
#[cfg(not(feature = "regenerate"))]
#[rustfmt::skip]
mod generated;

/// The tables regenerated by `build.rs` from `$SMARTCAR_DOCS_DIR`.
#[cfg(feature = "regenerate")]
#[rustfmt::skip]
mod generated {
    include!(concat!(env!("OUT_DIR"), "/generated.rs"));
}

/// The crate README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

pub use api_error::{ApiError, BodyShape};
pub use batch::{BatchItem, BatchResponse};
pub use connect::{Authorization, ConnectError, ParamProblem, Redirect, RedirectError, VehicleInfo};
pub use explain::{Explained, explain};
pub use generated::{ApiErrorCode, ConnectErrorCode, ErrorType, Resolution};
pub use info::{ApiErrorInfo, ConnectErrorInfo, ConnectParameter};
pub use named::UnknownName;
pub use smartcar_errors_shared::explain::NotDocumented;
pub use user_message::APP_NAME_PLACEHOLDER;

/// What the `catalog!` macro expands to refers to: not part of the API.
#[doc(hidden)]
pub mod __private {
    pub use crate::index::Index;
    pub use crate::info::{ApiRow, ConnectRow, ParameterRow};
    pub use crate::lookup::{Lookup, slots};
    pub use crate::named::deserialize;
    pub use serde;
    pub use smartcar_errors_shared::key::Key;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_string() {
        for &code in ApiErrorCode::ALL {
            assert_eq!(code.to_string().parse::<ApiErrorCode>(), Ok(code));
            assert_eq!(
                ApiErrorCode::from_parts(code.error_type().as_str(), code.code()),
                Some(code)
            );
        }
        for &error in ConnectErrorCode::ALL {
            assert_eq!(error.as_str().parse::<ConnectErrorCode>(), Ok(error));
            assert_eq!(error.as_str(), error.info().error());
        }
        for &error_type in ErrorType::ALL {
            assert_eq!(error_type.as_str().parse::<ErrorType>(), Ok(error_type));
        }
        for &resolution in Resolution::ALL {
            assert_eq!(resolution.as_str().parse::<Resolution>(), Ok(resolution));
        }
    }

    #[test]
    fn unknown_strings_are_reported_with_what_they_are_not() {
        let error = "SERVER:NOPE".parse::<ApiErrorCode>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`SERVER:NOPE` is not a documented Smartcar API error code"
        );
        assert_eq!(error.input(), "SERVER:NOPE");
        let error = "not an error type".parse::<ErrorType>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`not an error type` is not a documented Smartcar error type"
        );
        let error = serde_json::from_str::<ConnectErrorCode>(r#""nope\n""#).unwrap_err();
        assert_eq!(
            error.to_string(),
            r"`nope\n` is not a documented Smartcar Connect error"
        );
    }

    #[test]
    fn serde_uses_the_documented_strings() {
        for &code in ApiErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{code}\""));
            assert_eq!(serde_json::from_str::<ApiErrorCode>(&json).unwrap(), code);
        }
        for &error in ConnectErrorCode::ALL {
            let json = serde_json::to_string(&error).unwrap();
            assert_eq!(serde_json::from_str::<ConnectErrorCode>(&json).unwrap(), error);
        }
    }
}
