//! A Smartcar Connect redirect handler in axum: the redirect URI Connect sends the user back
//! to carries either an authorization `code` or an `error`; [`Redirect`] reads both.

use axum::Router;
use axum::http::{StatusCode, Uri};
use axum::routing::get;
use smartcar_errors::{Authorization, ConnectError, ConnectErrorCode, Redirect, VehicleInfo};

/// The app: `GET /callback` handles Connect's redirect.
pub fn app() -> Router {
    Router::new().route("/callback", get(callback))
}

/// What the user sees after Connect sent them back.
async fn callback(uri: Uri) -> (StatusCode, String) {
    let redirect = match Redirect::from_uri(&uri.to_string()) {
        Ok(redirect) => redirect,
        Err(malformed) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("This is not a redirect from Smartcar Connect: {malformed}"),
            );
        }
    };
    // A parameter that could not be read is `None`; its problem is one escaped line.
    for problem in redirect.problems() {
        eprintln!("connect redirect: {problem}");
    }
    match redirect {
        Redirect::Authorized(authorization) => (StatusCode::OK, connected(&authorization)),
        Redirect::Error(error) => (StatusCode::OK, message_for(&error)),
    }
}

/// What to tell the user once they authorized the app. A real app first compares
/// `authorization.state()` with the state it sent, then exchanges `authorization.code()` for
/// an access token.
pub fn connected(authorization: &Authorization) -> String {
    match authorization.virtual_key_url() {
        Some(url) => {
            format!("Your vehicle is connected. To send it commands, add Smartcar's virtual key: {url}")
        }
        None => "Your vehicle is connected.".to_owned(),
    }
}

/// A message for the user, per documented error; for an incompatible vehicle, the vehicle;
/// the description Connect sent otherwise.
pub fn message_for(error: &ConnectError) -> String {
    match (error.known(), error.vehicle()) {
        (Some(ConnectErrorCode::ConfigurationError), _) => format!(
            "Connect stopped with an error ({}): {}",
            error
                .status_code()
                .map_or_else(|| "no status".to_owned(), |status| status.to_string()),
            error.error_message().unwrap_or("no message")
        ),
        (Some(ConnectErrorCode::ServerError), _) => {
            "Smartcar had a problem. Please try connecting again.".to_owned()
        }
        (_, Some(vehicle)) => format!("Your {} cannot be connected yet.", describe(vehicle)),
        _ => format!(
            "Your vehicle was not connected ({}): {}",
            error.error(),
            error.description().unwrap_or("no description")
        ),
    }
}

/// `2019 TESLA Model 3 (VIN 0SCTEST0000000002)`, with what the redirect gives.
fn describe(vehicle: &VehicleInfo) -> String {
    let year = vehicle.year().map(|year| year.to_string());
    let words: Vec<&str> = [year.as_deref(), vehicle.make(), vehicle.model()]
        .into_iter()
        .flatten()
        .collect();
    let name = if words.is_empty() {
        "vehicle".to_owned()
    } else {
        words.join(" ")
    };
    match vehicle.vin() {
        Some(vin) => format!("{name} (VIN {vin})"),
        None => name,
    }
}
