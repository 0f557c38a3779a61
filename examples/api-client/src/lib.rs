//! Calling the Smartcar API with a blocking HTTP client (ureq) and turning every error
//! response into a typed [`ApiError`], then into what the app should do about it.

use std::time::Duration;

use smartcar_errors::{ApiError, ApiErrorCode};

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
    Smartcar(Box<ApiError>),
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
        let mut response = self
            .agent
            .get(format!("{}{path}", self.base_url))
            .header("Authorization", format!("Bearer {}", self.access_token))
            .call()
            .map_err(CallError::Transport)?;
        let status = response.status().as_u16();
        let body = response.body_mut().read_to_vec().map_err(CallError::Transport)?;
        if response.status().is_success() {
            return serde_json::from_slice(&body).map_err(|_| {
                CallError::Smartcar(Box::new(ApiError::from_response(status, NO_HEADERS, &body)))
            });
        }
        let headers = response
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
        Err(CallError::Smartcar(Box::new(ApiError::from_response(
            status, headers, &body,
        ))))
    }
}

const NO_HEADERS: [(&str, &str); 0] = [];

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
