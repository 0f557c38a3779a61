//! The hash slots catalog-gen emits are the ones smartcar-errors probes.

use smartcar_errors::table::{ApiCode, Named, key_hash, name_hash};
use smartcar_errors::{ApiErrorCode, ConnectErrorCode, ErrorType, Resolution};

#[test]
fn generator_and_runtime_hash_alike() {
    let names = [
        "",
        "SERVER",
        "server_error",
        "RETRY_LATER",
        "é",
        "a\u{0}b",
        "CODE_1",
    ];
    for name in names {
        assert_eq!(
            catalog_gen::emit::hash::name_hash(name),
            name_hash(name),
            "{name:?}"
        );
        for code in [None, Some(""), Some("INTERNAL"), Some(name)] {
            assert_eq!(
                catalog_gen::emit::hash::key_hash(name, code),
                key_hash(name, code),
                "{name:?} {code:?}"
            );
        }
    }
}

fn assert_slots_cover<N: Named>() {
    assert!(N::SLOTS.len().is_power_of_two());
    assert!(N::SLOTS.len() >= 2 * N::NAMES.len());
    for (&value, name) in N::ALL.iter().zip(N::NAMES) {
        assert_eq!(N::from_name(name), Some(value));
    }
}

#[test]
fn the_checked_in_catalog_has_slots_for_every_name_and_code() {
    assert_slots_cover::<ErrorType>();
    assert_slots_cover::<Resolution>();
    assert_slots_cover::<ConnectErrorCode>();
    let slots = <ApiErrorCode as ApiCode>::SLOTS;
    assert!(slots.len().is_power_of_two() && slots.len() >= 2 * ApiErrorCode::ALL.len());
    for &code in ApiErrorCode::ALL {
        assert_eq!(
            ApiErrorCode::from_parts(code.error_type().as_str(), code.code()),
            Some(code)
        );
    }
    assert_eq!(ApiErrorCode::from_parts("SERVER", None), None);
    assert_eq!(ApiErrorCode::from_parts("SERVER", Some("")), None);
    assert_eq!(ApiErrorCode::from_parts("", Some("INTERNAL")), None);
}

#[test]
fn debug_writes_the_variant_name_as_a_derive_would() {
    assert_eq!(format!("{:?}", ApiErrorCode::ServerInternal), "ServerInternal");
    assert_eq!(format!("{:?}", Some(ErrorType::Server)), "Some(Server)");
    assert_eq!(format!("{:?}", Resolution::RetryLater), "RetryLater");
    assert_eq!(format!("{:?}", ConnectErrorCode::ServerError), "ServerError");
}
