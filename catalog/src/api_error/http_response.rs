//! Feature `http`: reading an `http::Response` whose body is in memory: ureq 3's response
//! once its body is read, a hyper or axum response once its body is collected. reqwest's
//! `Response` is no `http::Response`; its status, headers and bytes go to
//! [`ApiError::from_response`], which needs no feature.

use super::ApiError;

impl ApiError {
    /// Reads an error response of the `http` crate (1.x), status, headers and body, as
    /// [`from_response`](Self::from_response) does. Needs the feature `http`. The body must be
    /// bytes already (`AsRef<[u8]>`): a streaming body (hyper's `Incoming`, axum's `Body`) is
    /// collected first; with reqwest, call `from_response` with the status, headers and bytes.
    ///
    /// The body must be in memory (`Vec<u8>`, `Bytes`, `String`, `&[u8]`...). HTTP clients
    /// and servers hand over a streaming body instead, so read it first:
    ///
    /// - ureq 3 answers an `http::Response<ureq::Body>`: read the body with
    ///   `Body::read_to_vec` and put it back with `http::Response::from_parts`.
    /// - hyper and axum have `http::Response<Incoming>` and `http::Response<axum::body::Body>`:
    ///   collect the body into bytes (`http_body_util::BodyExt::collect`) first, the same way.
    /// - reqwest's `Response` is not an `http::Response`: give `from_response` its status,
    ///   headers and bytes; that needs no feature.
    ///
    /// The ureq and reqwest recipes, compiled and tested, are in the repository's
    /// [examples](https://github.com/smartcar-errors/smartcar-errors/tree/main/examples).
    ///
    /// ```
    /// use smartcar_errors::{ApiError, ApiErrorCode};
    ///
    /// let response = http::Response::builder()
    ///     .status(500)
    ///     .header("SC-Request-Id", "5dea93a1")
    ///     .body(r#"{"type": "SERVER", "code": "INTERNAL"}"#)?;
    /// let error = ApiError::from_http(&response);
    /// assert_eq!(error.known(), Some(ApiErrorCode::ServerInternal));
    /// assert_eq!(error.http_status(), Some(500));
    /// assert_eq!(error.request_id(), Some("5dea93a1"));
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn from_http<B: AsRef<[u8]>>(response: &http::Response<B>) -> ApiError {
        ApiError::from_response(
            response.status().as_u16(),
            response.headers(),
            response.body().as_ref(),
        )
    }
}
