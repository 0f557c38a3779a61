//! Feature `http`: reading an `http::Response`, the response type of reqwest, ureq 3, hyper
//! and axum.

use super::ApiError;

impl ApiError {
    /// Reads an error response of the `http` crate (1.x), status, headers and body, as
    /// [`from_response`](Self::from_response) does. Needs the feature `http`.
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
