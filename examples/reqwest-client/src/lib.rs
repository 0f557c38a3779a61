//! Calling the Smartcar API with reqwest and turning every error response into a typed
//! [`ApiError`]. A `reqwest::Response` is not an `http::Response`, so its status, headers and
//! body are given to [`ApiError::from_response`] (no feature of smartcar-errors needed).

use smartcar_errors::ApiError;

/// Why a call failed.
#[derive(Debug)]
pub enum CallError {
    /// Smartcar answered with an error response.
    Smartcar(ApiError),
    /// The request got no complete answer (connection, timeout, TLS...).
    Transport(reqwest::Error),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Smartcar(error) => write!(f, "Smartcar error: {error}"),
            CallError::Transport(error) => write!(f, "request failed: {error}"),
        }
    }
}

impl std::error::Error for CallError {}

/// `GET url` with an access token: the JSON body on success, a typed error otherwise. The
/// client is the application's, with the TLS backend it chose.
pub async fn get(
    client: &reqwest::Client,
    url: &str,
    access_token: &str,
) -> Result<serde_json::Value, CallError> {
    let response = client
        .get(url)
        .bearer_auth(access_token)
        .send()
        .await
        .map_err(CallError::Transport)?;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let bytes = response.bytes().await.map_err(CallError::Transport)?;
    let error = || CallError::Smartcar(ApiError::from_response(status, &headers, &bytes));
    if !(200..300).contains(&status) {
        return Err(error());
    }
    // A success whose body is no JSON is reported like an error body.
    serde_json::from_slice(&bytes).map_err(|_| error())
}
