//! A crate with its own Smartcar error catalog, generated from `docs/` in its build script,
//! using the runtime types of `smartcar-errors`. The catalog's enums have the same API as the
//! built-in ones: lookups, `Display`, `FromStr` and serde, with no trait to import.

use smartcar_errors::{ApiError, ApiErrorInfo};

/// The catalog generated from `docs/`.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs"));
}

/// How many API error codes and Connect errors the build script generated.
pub const GENERATED: (&str, &str) = (env!("CATALOG_API_ERRORS"), env!("CATALOG_CONNECT_ERRORS"));

/// What this crate's docs say of an API error, looked up by type and code.
pub fn api_error(
    error_type: &str,
    code: Option<&str>,
) -> Option<&'static ApiErrorInfo<errors::ErrorType, errors::Resolution>> {
    errors::ApiErrorCode::from_parts(error_type, code).map(errors::ApiErrorCode::info)
}

/// The code of this crate's catalog that an error response is, if its docs describe it.
pub fn known(error: &ApiError) -> Option<errors::ApiErrorCode> {
    errors::ApiErrorCode::from_error(error)
}

/// The documented description of a Connect error.
pub fn connect_description(error: &str) -> Option<&'static str> {
    let code: errors::ConnectErrorCode = error.parse().ok()?;
    Some(code.description())
}

#[cfg(test)]
mod tests {
    use super::*;
    use errors::{ApiErrorCode, ConnectErrorCode, ErrorType, Resolution};

    #[test]
    fn the_build_script_generated_the_catalog_of_docs() {
        assert_eq!(GENERATED, ("2", "1"));
        // A null code sorts first.
        assert_eq!(
            ApiErrorCode::ALL,
            [ApiErrorCode::VehicleStateNull, ApiErrorCode::VehicleStateDoorOpen]
        );
        assert_eq!(ErrorType::ALL, [ErrorType::VehicleState]);
        assert_eq!(ErrorType::VehicleState.as_str(), "VEHICLE_STATE");
        assert_eq!(Resolution::ALL, [Resolution::RetryLater]);
        assert_eq!(ConnectErrorCode::ALL, [ConnectErrorCode::TripCancelled]);
        assert_eq!(env!("CATALOG_DOCS_SHA256").len(), 64);
    }

    #[test]
    fn lookups_use_the_generated_tables() {
        let door = api_error("VEHICLE_STATE", Some("DOOR_OPEN")).expect("documented");
        assert_eq!(door.status_code, 409);
        assert_eq!(door.error_type, ErrorType::VehicleState);
        assert_eq!(door.resolution, Some(Resolution::RetryLater));
        assert_eq!(
            door.suggested_user_message,
            Some("Please close the doors of your car and try again.")
        );
        let null = api_error("VEHICLE_STATE", None).expect("documented");
        assert_eq!(
            null.description,
            "The vehicle is in a state that prevents this request."
        );
        assert_eq!(null.resolution, None);
        assert_eq!(api_error("VEHICLE_STATE", Some("ASLEEP")), None);
        assert_eq!(
            connect_description("trip_cancelled"),
            Some("The user cancelled the trip.")
        );
        assert_eq!(connect_description("server_error"), None);
    }

    #[test]
    fn the_generated_enums_have_the_built_in_api_without_a_trait_import() {
        let door = ApiErrorCode::VehicleStateDoorOpen;
        assert_eq!(door.to_string(), "VEHICLE_STATE:DOOR_OPEN");
        assert_eq!("VEHICLE_STATE:DOOR_OPEN".parse::<ApiErrorCode>(), Ok(door));
        assert_eq!(ApiErrorCode::VehicleStateNull.to_string(), "VEHICLE_STATE");
        assert_eq!(format!("{door:?}"), "VehicleStateDoorOpen");
        assert_eq!(
            "trip_cancelled".parse::<ConnectErrorCode>(),
            Ok(ConnectErrorCode::TripCancelled)
        );
        assert_eq!(ConnectErrorCode::TripCancelled.to_string(), "trip_cancelled");
        assert_eq!(Resolution::RetryLater.as_str(), "RETRY_LATER");
        let error = "nope".parse::<ConnectErrorCode>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`nope` is not a documented Smartcar Connect error"
        );

        let json = serde_json::to_string(&(door, ConnectErrorCode::TripCancelled)).unwrap();
        assert_eq!(json, r#"["VEHICLE_STATE:DOOR_OPEN","trip_cancelled"]"#);
        let back: (ApiErrorCode, ConnectErrorCode) = serde_json::from_str(&json).unwrap();
        assert_eq!(back, (door, ConnectErrorCode::TripCancelled));

        let body = br#"{"type": "VEHICLE_STATE", "code": "DOOR_OPEN", "description": "A door is open."}"#;
        let response = ApiError::from_response(409, [("sc-request-id", "e1")], body);
        assert_eq!(known(&response), Some(door));
        // The built-in catalog does not document this code.
        assert_eq!(response.known(), None);
    }
}
