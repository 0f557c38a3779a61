//! A Smartcar Connect redirect handler in axum: the redirect URI Connect sends the user back
//! to carries either an authorization `code` or an `error`; [`ConnectError`] reads the error.

use axum::Router;
use axum::http::{StatusCode, Uri};
use axum::routing::get;
use smartcar_errors::{ConnectError, ConnectErrorCode};

/// The app: `GET /callback` handles Connect's redirect.
pub fn app() -> Router {
    Router::new().route("/callback", get(callback))
}

/// What the user sees after Connect sent them back.
async fn callback(uri: Uri) -> (StatusCode, String) {
    match ConnectError::from_redirect_uri(&uri.to_string()) {
        Ok(None) => (StatusCode::OK, "Your vehicle is connected.".to_owned()),
        Ok(Some(error)) => (StatusCode::OK, message_for(&error)),
        Err(malformed) => (
            StatusCode::BAD_REQUEST,
            format!("This is not a redirect from Smartcar Connect: {malformed}"),
        ),
    }
}

/// A message for the user, per documented error; the description Connect sent otherwise.
pub fn message_for(error: &ConnectError) -> String {
    match error.known() {
        Some(ConnectErrorCode::ConfigurationError) => format!(
            "Connect stopped with an error ({}): {}",
            error
                .status_code()
                .map_or_else(|| "no status".to_owned(), |status| status.to_string()),
            error.error_message().unwrap_or("no message")
        ),
        Some(ConnectErrorCode::ServerError) => {
            "Smartcar had a problem. Please try connecting again.".to_owned()
        }
        _ => format!(
            "Your vehicle was not connected ({}): {}",
            error.error(),
            error.description().unwrap_or("no description")
        ),
    }
}
