//! A crate with its own Smartcar error catalog, generated from `docs/` in its build script,
//! using the runtime types of `smartcar-errors`.

use smartcar_errors::ApiErrorInfo;
use smartcar_errors::table::{ApiCode, ConnectCode, Named};

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
    errors::ApiErrorCode::from_parts(error_type, code).map(ApiCode::info)
}

/// The documented description of a Connect error.
pub fn connect_description(error: &str) -> Option<&'static str> {
    errors::ConnectErrorCode::from_name(error).map(|code| code.info().description)
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
            <ApiErrorCode as ApiCode>::ALL,
            [ApiErrorCode::VehicleStateNull, ApiErrorCode::VehicleStateDoorOpen]
        );
        assert_eq!(<ErrorType as Named>::NAMES, ["VEHICLE_STATE"]);
        assert_eq!(<Resolution as Named>::NAMES, ["RETRY_LATER"]);
        assert_eq!(<ConnectErrorCode as Named>::NAMES, ["trip_cancelled"]);
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
}
