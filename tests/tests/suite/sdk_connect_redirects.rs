//! The Connect redirects of the official Smartcar SDKs' own tests, read with
//! `Redirect::from_uri`, asserting field by field the values those tests assert.
//!
//! Each fixture names its origin: repository (on GitHub) and file. Where an SDK's test
//! generates a value per run (`UUID().uuidString` in ios-sdk), a fixed value of the same form
//! stands in for it. Where the SDKs read a redirect differently from each other, the test
//! says which reading this crate follows.

use smartcar_errors::{Authorization, ConnectError, ConnectErrorCode, Redirect, RedirectError};

/// The authorization `uri` carries; fails the test on an error.
fn authorized(uri: &str) -> Authorization {
    match Redirect::from_uri(uri) {
        Ok(Redirect::Authorized(authorization)) => {
            assert_eq!(authorization.problems(), [], "{uri}");
            authorization
        }
        other => panic!("{uri}: not an authorization: {other:?}"),
    }
}

/// The error `uri` carries; fails the test on an authorization. Also checks that
/// `ConnectError::from_redirect_uri` reads the same error.
fn error(uri: &str) -> ConnectError {
    match Redirect::from_uri(uri) {
        Ok(Redirect::Error(error)) => {
            assert_eq!(error.problems(), [], "{uri}");
            assert_eq!(
                ConnectError::from_redirect_uri(uri),
                Ok(Some(error.clone())),
                "{uri}"
            );
            error
        }
        other => panic!("{uri}: not an error: {other:?}"),
    }
}

/// Asserts that `error` carries no configuration-error or vehicle fields.
fn assert_plain(error: &ConnectError) {
    assert_eq!(error.status_code(), None);
    assert_eq!(error.error_message(), None);
    assert_eq!(error.vehicle(), None);
}

mod javascript_sdk {
    //! smartcar/javascript-sdk (`@smartcar/auth` 2.14). `src/redirect.js` reads the redirect's
    //! `code`, `error`, `error_description`, `state`, `vin`, `make`, `model`, `year`,
    //! `virtual_key_url`, `user_id` and `external_id`; `src/sdk.js` makes `vehicle_incompatible`
    //! a `VehicleIncompatible` error with `vehicleInfo` (`year` a number).

    use super::*;

    /// `test/unit/redirect.test.js`, "should post message with expected parameters": the
    /// parameters set with `URLSearchParams` after `app_origin`, on the Smartcar-hosted
    /// redirect page.
    ///
    /// The SDK passes both the error and the code to `onComplete`; the iOS SDK drops the code
    /// when there is an error, the Android SDK drops the error when there is a code. An error
    /// redirect is an error here (a code beside it is kept among the parameters only).
    #[test]
    fn every_parameter_at_once() {
        let uri = "https://javascript-sdk.smartcar.com/redirect?app_origin=https://www.the-next-awesome-car-app.com\
            &code=super-secret-code&error=vehicle_incompatible\
            &error_description=this-is-an-error-description&state=some-random-state\
            &vin=some-vin&make=BMW&model=M3&year=2013\
            &virtual_key_url=https%3A%2F%2Fwww.tesla.com%2F_ak%2Fsmartcar.com\
            &user_id=e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c&external_id=external-id-from-connect";
        let error = error(uri);
        assert_eq!(error.error(), "vehicle_incompatible");
        assert_eq!(error.description(), Some("this-is-an-error-description"));
        assert_eq!(error.state(), Some("some-random-state"));
        assert_eq!(error.external_id(), Some("external-id-from-connect"));
        let vehicle = error.vehicle().expect("vin, make, model and year");
        assert_eq!(vehicle.vin(), Some("some-vin"));
        assert_eq!(vehicle.make(), Some("BMW"));
        assert_eq!(vehicle.model(), Some("M3"));
        assert_eq!(vehicle.year(), Some(2013));
        assert_eq!(error.param("code"), Some("super-secret-code"));
        assert_eq!(
            error.param("virtual_key_url"),
            Some("https://www.tesla.com/_ak/smartcar.com")
        );
        assert_eq!(
            error.param("user_id"),
            Some("e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c")
        );
        assert_eq!(
            error.param("app_origin"),
            Some("https://www.the-next-awesome-car-app.com")
        );
        assert_eq!(error.status_code(), None);
        assert_eq!(error.error_message(), None);
    }

    /// `test/unit/redirect.test.js`, "if redirect origin is javascript-sdk.smartcar.com then
    /// isSmartcarHosted: true": a redirect with `app_origin` only. The SDK posts every field as
    /// `null` and reports no error; here a redirect without `error` must carry a `code`.
    #[test]
    fn app_origin_only() {
        assert_eq!(
            Redirect::from_uri(
                "https://javascript-sdk.smartcar.com/redirect?app_origin=https://www.the-next-awesome-car-app.com"
            ),
            Err(RedirectError::MissingCode)
        );
    }

    /// `test/unit/sdk.test.js`, "fires onComplete w/ VehicleIncompatible error when `error:
    /// vehicle_incompatible` in postMessage": the message `redirect.js` posts for these
    /// parameters. The vehicle has vin, make, model and the year as a number (`2017`).
    #[test]
    fn vehicle_incompatible_with_the_vehicle() {
        let error = error(
            "https://javascript-sdk.smartcar.com/redirect?app_origin=https://app.com\
             &code=super-secret-code&error=vehicle_incompatible\
             &user_id=e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c&error_description=describes+the+error\
             &vin=some_vin&year=2017&make=TESLA&model=Model+S",
        );
        assert_eq!(error.error(), "vehicle_incompatible");
        assert_eq!(error.description(), Some("describes the error"));
        let vehicle = error.vehicle().expect("the vehicle");
        assert_eq!(vehicle.vin(), Some("some_vin"));
        assert_eq!(vehicle.year(), Some(2017));
        assert_eq!(vehicle.make(), Some("TESLA"));
        assert_eq!(vehicle.model(), Some("Model S"));
    }

    /// `test/unit/sdk.test.js`, "VehicleIncompatible error does not add undefined properties
    /// to vehicleInfo": no `model`.
    #[test]
    fn vehicle_incompatible_without_a_model() {
        let error = error(
            "https://javascript-sdk.smartcar.com/redirect?code=super-secret-code\
             &error=vehicle_incompatible&error_description=describes+the+error\
             &year=2017&make=TESLA&vin=some_vin",
        );
        let vehicle = error.vehicle().expect("the vehicle");
        assert_eq!(vehicle.model(), None);
        assert_eq!(vehicle.vin(), Some("some_vin"));
        assert_eq!(vehicle.make(), Some("TESLA"));
        assert_eq!(vehicle.year(), Some(2017));
    }

    /// `test/unit/sdk.test.js`, "VehicleIncompatible returns null for vehicleInfo when no
    /// info".
    #[test]
    fn vehicle_incompatible_without_the_vehicle() {
        let error = error(
            "https://javascript-sdk.smartcar.com/redirect?code=super-secret-code\
             &error=vehicle_incompatible&error_description=describes+the+error",
        );
        assert_eq!(error.error(), "vehicle_incompatible");
        assert_eq!(error.description(), Some("describes the error"));
        assert_eq!(error.vehicle(), None);
    }

    /// `test/unit/sdk.test.js`: "... AccessDenied error when `error: access_denied` ...",
    /// "... InvalidSubscription error when `error: invalid_subscription` ..." and "...
    /// "Unexpected error" error when `error` key has unsupported value" (`not_access_denied`).
    #[test]
    fn access_denied_invalid_subscription_and_an_unknown_error() {
        for name in ["access_denied", "invalid_subscription", "not_access_denied"] {
            let error = error(&format!(
                "https://javascript-sdk.smartcar.com/redirect?code=super-secret-code\
                 &user_id=e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c&error={name}\
                 &error_description=describes+the+error"
            ));
            assert_eq!(error.error(), name);
            assert_eq!(error.description(), Some("describes the error"));
            assert_eq!(error.known(), None, "not on a published page of the snapshot");
            assert_plain(&error);
            assert_eq!(error.to_string(), format!("{name}: describes the error"));
        }
    }

    /// `test/unit/sdk.test.js`, "fires onComplete with virtualKeyUrl when included" and the
    /// tests of a successful message: code, user id and virtual key URL.
    #[test]
    fn authorized_with_a_virtual_key_url() {
        let authorization = authorized(
            "https://javascript-sdk.smartcar.com/redirect?code=super-secret-code\
             &virtual_key_url=https%3A%2F%2Fwww.tesla.com%2F_ak%2Fsmartcar.com\
             &user_id=e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c",
        );
        assert_eq!(authorization.code(), "super-secret-code");
        assert_eq!(
            authorization.virtual_key_url(),
            Some("https://www.tesla.com/_ak/smartcar.com")
        );
        assert_eq!(
            authorization.user_id(),
            Some("e9e10eb2-63d7-42ab-96fd-bbe7f4abff4c")
        );
        assert_eq!(authorization.state(), None);
        assert_eq!(authorization.external_id(), None);
    }
}

mod ios_sdk {
    //! smartcar/ios-sdk, `SmartcarAuth/SmartcarAuth.swift` (`handleCallback`) and its tests in
    //! `SmartcarAuthTests/SmartcarAuthTests.swift`: redirect URI `http://localhost.com`, make
    //! `Tesla`, vin `12345678901234`; code, state and user id are per-run UUIDs there. The SDK
    //! reads `code`, `state`, `virtual_key_url`, `user_id`, `external_id`, `error`,
    //! `error_description`, `status_code` and `error_message` (both strings), `vin` and `make`.

    use super::*;

    const REDIRECT: &str = "http://localhost.com";
    const CODE: &str = "6F9619FF-8B86-D011-B42D-00C04FC964FF";
    const STATE: &str = "0B0D5C52-3A64-4C7F-9E8F-5D6A1C2E3B4A";
    const USER_ID: &str = "7C4A8D09-CA37-4E16-9F3A-2B1D0E5F6A7B";
    const EXTERNAL_ID: &str = "A1B2C3D4-E5F6-4789-8ABC-DEF012345678";
    const VIRTUAL_KEY_URL: &str = "https://www.tesla.com/_ak/smartcar.com";

    /// `testHandleCallbackSuccess`, `...SuccessWithState`, `...SuccessWithVirtualKeyUrl`,
    /// `...SuccessWithUserId` and `...DropsExternalIdForDeprecatedApplicationIdInit`.
    #[test]
    fn authorized() {
        let only_code = super::authorized(&format!("{REDIRECT}?code={CODE}"));
        assert_eq!(only_code.code(), CODE);
        assert_eq!(only_code.state(), None);
        assert_eq!(only_code.virtual_key_url(), None);

        let with_state = super::authorized(&format!("{REDIRECT}?code={CODE}&state={STATE}"));
        assert_eq!(with_state.code(), CODE);
        assert_eq!(with_state.state(), Some(STATE));

        let with_key = super::authorized(&format!(
            "{REDIRECT}?code={CODE}&virtual_key_url={VIRTUAL_KEY_URL}"
        ));
        assert_eq!(with_key.code(), CODE);
        assert_eq!(with_key.virtual_key_url(), Some(VIRTUAL_KEY_URL));

        let with_user = super::authorized(&format!("{REDIRECT}?code={CODE}&user_id={USER_ID}"));
        assert_eq!(with_user.code(), CODE);
        assert_eq!(with_user.user_id(), Some(USER_ID));

        let with_external = super::authorized(&format!(
            "{REDIRECT}?code={CODE}&user_id={USER_ID}&external_id={EXTERNAL_ID}"
        ));
        assert_eq!(with_external.code(), CODE);
        assert_eq!(with_external.user_id(), Some(USER_ID));
        assert_eq!(with_external.external_id(), Some(EXTERNAL_ID));
    }

    /// `testHandleCallbackSuccessWithStateWithoutValue` and
    /// `...SuccessWithVirtualKeyUrlWithoutValue`: a parameter without `=` is absent.
    #[test]
    fn parameters_without_a_value_are_absent() {
        let authorization = super::authorized(&format!("{REDIRECT}?code={CODE}&state"));
        assert_eq!(authorization.code(), CODE);
        assert_eq!(authorization.state(), None);
        let authorization = super::authorized(&format!("{REDIRECT}?code={CODE}&virtual_key_url"));
        assert_eq!(authorization.virtual_key_url(), None);
    }

    /// `testHandleCallbackAccessDenied`, `...InvalidSubscription`, `...NoVehicles`,
    /// `...UserExitedFlowUserManuallyReturnedToApplication`, `...UserExitedFlowUserCancelled`,
    /// `...ServerError` and `...UnrecognizedError`: description, and no vehicle, status code or
    /// error message.
    #[test]
    fn errors_with_a_description() {
        for (name, encoded, description) in [
            (
                "access_denied",
                "User%20denied%20access%20to%20the%20requested%20scope%20of%20permissions.",
                "User denied access to the requested scope of permissions.",
            ),
            (
                "invalid_subscription",
                "The%20user's%20subscription%20is%20invalid.",
                "The user's subscription is invalid.",
            ),
            (
                "no_vehicles",
                "User%20does%20not%20have%20any%20vehicles%20connected%20to%20this%20connected%20services%20account",
                "User does not have any vehicles connected to this connected services account",
            ),
            (
                "user_manually_returned_to_application",
                "The%20user%20exited%20Connect%20before%20granting%20your%20application%20access",
                "The user exited Connect before granting your application access",
            ),
            (
                "user_cancelled",
                "User%20cancelled%20or%20denied%20login%20at%20OEM%27s%20login%20screen",
                "User cancelled or denied login at OEM's login screen",
            ),
            (
                "server_error",
                "Unexpected%20server%20error.%20Please%20try%20again.",
                "Unexpected server error. Please try again.",
            ),
            (
                "blargh",
                "I'm%20an%20unidentified%20error.",
                "I'm an unidentified error.",
            ),
        ] {
            let error = error(&format!("{REDIRECT}?error={name}&error_description={encoded}"));
            assert_eq!(error.error(), name);
            assert_eq!(error.description(), Some(description), "{name}");
            assert_eq!(error.state(), None);
            assert_plain(&error);
            let known = (name == "server_error").then_some(ConnectErrorCode::ServerError);
            assert_eq!(error.known(), known, "{name}");
        }
    }

    /// `testHandleCallbackVehicleIncompatible`: make and vin. The SDK's `VehicleInfo` has
    /// these two only; model and year are absent here.
    #[test]
    fn vehicle_incompatible() {
        let error = error(&format!(
            "{REDIRECT}?error=vehicle_incompatible\
             &error_description=The%20user's%20vehicle%20is%20not%20compatible.\
             &make=Tesla&vin=12345678901234"
        ));
        assert_eq!(error.error(), "vehicle_incompatible");
        assert_eq!(error.description(), Some("The user's vehicle is not compatible."));
        let vehicle = error.vehicle().expect("the vehicle");
        assert_eq!(vehicle.make(), Some("Tesla"));
        assert_eq!(vehicle.vin(), Some("12345678901234"));
        assert_eq!(vehicle.model(), None);
        assert_eq!(vehicle.year(), None);
        assert_eq!(error.status_code(), None);
        assert_eq!(error.error_message(), None);
    }

    /// `testHandleCallbackConfigurationError`: the SDK keeps `status_code` as the string
    /// `"400"`; here it is the number 400.
    #[test]
    fn configuration_error() {
        let error = error(&format!(
            "{REDIRECT}?error=configuration_error\
             &error_description=There%20has%20been%20an%20error%20in%20the%20configuration%20of%20your%20application.\
             &status_code=400\
             &error_message=You%20have%20entered%20a%20test%20mode%20VIN.%20Please%20enter%20a%20VIN%20that%20belongs%20to%20a%20real%20vehicle."
        ));
        assert_eq!(error.known(), Some(ConnectErrorCode::ConfigurationError));
        assert_eq!(
            error.description(),
            Some("There has been an error in the configuration of your application.")
        );
        assert_eq!(error.status_code(), Some(400));
        assert_eq!(
            error.error_message(),
            Some("You have entered a test mode VIN. Please enter a VIN that belongs to a real vehicle.")
        );
        assert_eq!(error.vehicle(), None);
    }

    /// `testHandleCallbackMissingQueryParameters` (no query) and `testHandleCallbackNoCode`
    /// (`?test=blah`): the SDK reports `missingQueryParameters` and `missingAuthCode`.
    #[test]
    fn no_code_and_no_error() {
        assert_eq!(Redirect::from_uri(REDIRECT), Err(RedirectError::MissingCode));
        assert_eq!(
            Redirect::from_uri(&format!("{REDIRECT}?test=blah")),
            Err(RedirectError::MissingCode)
        );
        assert_eq!(ConnectError::from_redirect_uri(REDIRECT), Ok(None));
    }
}

mod android_sdk {
    //! smartcar/android-sdk, `smartcar-auth/src/androidMain/kotlin/com/smartcar/sdk/SmartcarAuth.kt`
    //! (`receiveResponse`) and its tests in
    //! `smartcar-auth/src/androidUnitTest/kotlin/com/smartcar/sdk/SmartcarAuthTest.kt`: redirect
    //! URI `scclient123://test`. The SDK reads `code`, `state`, `virtual_key_url`, `error`,
    //! `error_description`, `vin` and `make`.

    use super::*;

    const REDIRECT: &str = "scclient123://test";

    /// `smartcarAuth_receiveResponse`, `..._codeWithState` and `..._codeWithVirtualKeyUrl`.
    #[test]
    fn authorized() {
        assert_eq!(
            super::authorized(&format!("{REDIRECT}?code=testcode123")).code(),
            "testcode123"
        );
        let with_state = super::authorized(&format!("{REDIRECT}?code=testCode&state=testState"));
        assert_eq!(with_state.code(), "testCode");
        assert_eq!(with_state.state(), Some("testState"));
        let with_key = super::authorized(&format!(
            "{REDIRECT}?code=testCode&virtual_key_url=https://www.tesla.com/_ak/smartcar.com"
        ));
        assert_eq!(with_key.code(), "testCode");
        assert_eq!(with_key.state(), None);
        assert_eq!(
            with_key.virtual_key_url(),
            Some("https://www.tesla.com/_ak/smartcar.com")
        );
    }

    /// `smartcarAuth_receiveResponse_accessDenied`.
    #[test]
    fn access_denied() {
        let error = error(&format!(
            "{REDIRECT}?error=access_denied\
             &error_description=User%20denied%20access%20to%20the%20requested%20scope%20of%20permissions."
        ));
        assert_eq!(error.error(), "access_denied");
        assert_eq!(
            error.description(),
            Some("User denied access to the requested scope of permissions.")
        );
        assert_plain(&error);
    }

    /// `smartcarAuth_receiveResponse_vehicleIncompatible` and
    /// `..._vehicleIncompatibleWithVehicle`.
    #[test]
    fn vehicle_incompatible() {
        let without = error(&format!(
            "{REDIRECT}?error=vehicle_incompatible\
             &error_description=The%20user%27s%20vehicle%20is%20not%20compatible."
        ));
        assert_eq!(without.error(), "vehicle_incompatible");
        assert_eq!(
            without.description(),
            Some("The user's vehicle is not compatible.")
        );
        assert_eq!(without.vehicle(), None);

        let with = error(&format!(
            "{REDIRECT}?error=vehicle_incompatible\
             &error_description=The%20user%27s%20vehicle%20is%20not%20compatible.\
             &vin=1FDKE30G4JHA04964&make=FORD"
        ));
        assert_eq!(with.description(), Some("The user's vehicle is not compatible."));
        let vehicle = with.vehicle().expect("the vehicle");
        assert_eq!(vehicle.vin(), Some("1FDKE30G4JHA04964"));
        assert_eq!(vehicle.make(), Some("FORD"));
    }

    /// `smartcarAuth_receiveResponse_nullCode` and `..._nullCodeWithMessage`
    /// (`?error_description=error`): the SDK answers "Unable to fetch code. Please try again".
    #[test]
    fn no_code_and_no_error() {
        assert_eq!(Redirect::from_uri(REDIRECT), Err(RedirectError::MissingCode));
        assert_eq!(
            Redirect::from_uri(&format!("{REDIRECT}?error_description=error")),
            Err(RedirectError::MissingCode)
        );
    }
}

mod smartcar_docs {
    //! The redirects of the docs' "Handle the Response" page
    //! (https://smartcar.com/docs/connect/handle-the-response), the origin of the example
    //! values several SDK tests use.

    use super::*;

    #[test]
    fn success_and_error() {
        let authorization =
            authorized("https://example.com/home?code=90abecb6-e7ab-4b85-864a-e1c8bf67f2ad&state=0facda3319");
        assert_eq!(authorization.code(), "90abecb6-e7ab-4b85-864a-e1c8bf67f2ad");
        assert_eq!(authorization.state(), Some("0facda3319"));

        let error = error(
            "https://example.com/home?error=access_denied\
             &error_description=User+denied+access+to+application.&state=0facda3319",
        );
        assert_eq!(error.error(), "access_denied");
        assert_eq!(error.description(), Some("User denied access to application."));
        assert_eq!(error.state(), Some("0facda3319"));
        assert_plain(&error);
    }
}
