//! Rust names for documented strings.
//!
//! The rule: split the string at every character that is not an ASCII letter or digit, write
//! each piece with its first letter upper case and the rest lower case, and join the pieces
//! (`RECORD_NOT_FOUND` → `RecordNotFound`, `server_error` → `ServerError`). An API error code's
//! variant is its type's name followed by its code's name, or by `Null` for a null code
//! (`SERVER:INTERNAL` → `ServerInternal`, `AUTHENTICATION:null` → `AuthenticationNull`). A name
//! that starts with a digit gets a leading `_`, and `Self`, the one keyword in upper camel case,
//! a trailing `_`. Two strings that map to one name are an error, as is a string with no letter
//! or digit.

/// `name` in upper camel case by the rule above; empty when it has no ASCII letter or digit.
pub(crate) fn upper_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for piece in name.split(|c: char| !c.is_ascii_alphanumeric()) {
        let mut chars = piece.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars.map(|c| c.to_ascii_lowercase()));
        }
    }
    out
}

/// A valid identifier for an upper-camel-case `name` (ASCII letters and digits, each piece
/// starting upper case): `_` before a leading digit, `Self_` for `Self`; empty for an empty
/// name.
pub(crate) fn identifier(name: &str) -> String {
    match name {
        "Self" => "Self_".to_owned(),
        _ if name.starts_with(|c: char| c.is_ascii_digit()) => format!("_{name}"),
        _ => name.to_owned(),
    }
}

/// The variant name of an API error code: empty, and so reported as unnameable, without a name
/// for both its type and its code.
pub(crate) fn api_variant(error_type: &str, code: Option<&str>) -> String {
    let type_name = upper_camel(error_type);
    match code.map(upper_camel) {
        None => type_name + "Null",
        Some(code) if code.is_empty() || type_name.is_empty() => String::new(),
        Some(code) => type_name + &code,
    }
}

/// The variant that names the error type or resolution type `documented`.
pub(crate) fn variant_name(documented: &str) -> String {
    identifier(&upper_camel(documented))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_strings_become_upper_camel_case() {
        assert_eq!(upper_camel("RECORD_NOT_FOUND"), "RecordNotFound");
        assert_eq!(upper_camel("server_error"), "ServerError");
        assert_eq!(upper_camel("RATE-LIMIT"), "RateLimit");
        assert_eq!(upper_camel("123_START"), "123Start");
        assert_eq!(upper_camel("VEHICLE_4G"), "Vehicle4g");
        assert_eq!(upper_camel("__"), "");
        assert_eq!(upper_camel("ÉCHEC"), "Chec");
    }

    #[test]
    fn api_variants_join_type_and_code() {
        assert_eq!(api_variant("SERVER", Some("INTERNAL")), "ServerInternal");
        assert_eq!(api_variant("AUTHENTICATION", None), "AuthenticationNull");
        assert_eq!(
            api_variant("CONNECTED_SERVICES_ACCOUNT", Some("PERMISSION")),
            "ConnectedServicesAccountPermission"
        );
        assert_eq!(api_variant("SERVER", Some("--")), "");
    }

    #[test]
    fn identifiers_are_always_valid() {
        assert_eq!(identifier("ServerInternal"), "ServerInternal");
        assert_eq!(identifier("123Start"), "_123Start");
        assert_eq!(identifier("Self"), "Self_");
        assert_eq!(identifier(&upper_camel("type")), "Type");
        assert_eq!(identifier(""), "");
        for name in ["r#type", "self", "fn", "SELF", "_", "ünïcode", "a b"] {
            let ident = identifier(&upper_camel(name));
            if !ident.is_empty() {
                assert!(syn::parse_str::<syn::Ident>(&ident).is_ok(), "{name} -> {ident}");
            }
        }
    }
}
