//! Calling the Smartcar API with a blocking HTTP client (ureq) and turning every error
//! response into a typed [`ApiError`], then into what the app should do about it. ureq
//! answers an `http::Response` with a streaming body; once the body is read into memory,
//! smartcar-errors reads the whole response (feature `http`).

use std::time::Duration;

use smartcar_errors::{ApiError, ApiErrorCode, BatchResponse};
use ureq::http;

/// A minimal Smartcar API client.
pub struct Client {
    agent: ureq::Agent,
    base_url: String,
    access_token: String,
}

/// Why a call failed.
#[derive(Debug)]
pub enum CallError {
    /// Smartcar answered with an error response.
    Smartcar(ApiError),
    /// The request did not get an answer (connection, timeout, TLS...).
    Transport(ureq::Error),
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

impl Client {
    /// A client for the API at `base_url` (`https://api.smartcar.com`) with an access token.
    pub fn new(base_url: &str, access_token: &str) -> Self {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Client {
            agent,
            base_url: base_url.trim_end_matches('/').to_owned(),
            access_token: access_token.to_owned(),
        }
    }

    /// `GET {base_url}{path}`: the JSON body on success, a typed error otherwise.
    pub fn get(&self, path: &str) -> Result<serde_json::Value, CallError> {
        let response = self
            .agent
            .get(format!("{}{path}", self.base_url))
            .header("Authorization", format!("Bearer {}", self.access_token))
            .call()
            .map_err(CallError::Transport)?;
        let response = read_body(response)?;
        if !response.status().is_success() {
            return Err(CallError::Smartcar(ApiError::from_http(&response)));
        }
        // A success whose body is no JSON is reported like an error body.
        serde_json::from_slice(response.body())
            .map_err(|_| CallError::Smartcar(ApiError::from_http(&response)))
    }

    /// `POST {base_url}/v2.0/vehicles/{vehicle}/batch`: one response per path, each a
    /// success or its own error; `Err` when the batch request itself failed.
    pub fn batch(&self, vehicle: &str, paths: &[&str]) -> Result<BatchResponse, CallError> {
        let requests: Vec<serde_json::Value> = paths
            .iter()
            .map(|path| serde_json::json!({ "path": path }))
            .collect();
        let body = serde_json::json!({ "requests": requests }).to_string();
        let response = self
            .agent
            .post(format!("{}/v2.0/vehicles/{vehicle}/batch", self.base_url))
            .header("Authorization", format!("Bearer {}", self.access_token))
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(CallError::Transport)?;
        BatchResponse::from_http(&read_body(response)?).map_err(CallError::Smartcar)
    }
}

/// The response with its body read into memory (ureq's limit: 10 MB).
fn read_body(response: http::Response<ureq::Body>) -> Result<http::Response<Vec<u8>>, CallError> {
    let (parts, mut body) = response.into_parts();
    let bytes = body.read_to_vec().map_err(CallError::Transport)?;
    Ok(http::Response::from_parts(parts, bytes))
}

/// What the app does about an error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Try again after this long.
    RetryAfter(Duration),
    /// Send the user through Smartcar Connect again (to this URL when the error gives one).
    Reconnect(Option<String>),
    /// Show the user this message and stop.
    TellUser(String),
    /// Nothing the user can do: log it, quoting the request id to Smartcar support.
    Report(String),
}

/// Decides what to do about `error`, from what the docs say of it.
pub fn decide(error: &ApiError, app_name: &str) -> Action {
    if error.is_retryable() {
        return Action::RetryAfter(error.retry_after().unwrap_or(Duration::from_secs(60)));
    }
    // Types the snapshot does not document yet are matched by their string.
    if error.error_type() == "AUTHENTICATION" || error.resolution() == Some("REAUTHENTICATE") {
        return Action::Reconnect(error.resolution_url().map(str::to_owned));
    }
    match (error.known(), error.suggested_user_message_for(app_name)) {
        (Some(ApiErrorCode::ServerMultipleRecordsFound), _) => Action::Report(format!(
            "{error}; candidate capacities: {}",
            error.detail().map(ToString::to_string).unwrap_or_default()
        )),
        (_, Some(message)) => Action::TellUser(message),
        (_, None) => Action::Report(format!(
            "{error} (request {})",
            error.request_id().unwrap_or("unknown")
        )),
    }
}
