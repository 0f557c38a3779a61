//! Rust names for documented strings.
//!
//! The rule: split the string at every character that is not an ASCII letter or digit, write
//! each piece with its first letter upper case and the rest lower case, and join the pieces
//! (`RECORD_NOT_FOUND` → `RecordNotFound`, `server_error` → `ServerError`). An API error code's
//! variant is its type's name followed by its code's name, or by `Null` for a null code
//! (`SERVER:INTERNAL` → `ServerInternal`, `AUTHENTICATION:null` → `AuthenticationNull`). A name
//! that starts with a digit gets a leading `_`; a keyword becomes a raw identifier, or gets a
//! trailing `_` where Rust allows no raw form (`Self`). Two strings that map to one name are
//! an error, as is a string with no letter or digit.

use proc_macro2::{Ident, Span};

/// Keywords of every edition; raw identifiers are the way to use them as names.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "self", "Self",
    "static", "struct", "super", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// `name` in upper camel case by the rule above; empty when it has no ASCII letter or digit.
pub fn upper_camel(name: &str) -> String {
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

/// A valid identifier for an upper-camel-case `name`: `_` before a leading digit, raw or
/// suffixed when a keyword. `None` for an empty name.
pub fn identifier(name: &str) -> Option<Ident> {
    if name.is_empty() {
        return None;
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(Ident::new(&format!("_{name}"), Span::call_site()));
    }
    if NOT_RAW.contains(&name) {
        return Some(Ident::new(&format!("{name}_"), Span::call_site()));
    }
    if KEYWORDS.contains(&name) {
        return Some(Ident::new_raw(name, Span::call_site()));
    }
    Some(Ident::new(name, Span::call_site()))
}

/// The variant name of an API error code.
pub fn api_variant(error_type: &str, code: Option<&str>) -> String {
    let type_name = upper_camel(error_type);
    match code {
        None => format!("{type_name}Null"),
        Some(code) => {
            let code_name = upper_camel(code);
            if code_name.is_empty() || type_name.is_empty() {
                // No name without both halves: reported as unnameable.
                String::new()
            } else {
                type_name + &code_name
            }
        }
    }
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
        assert_eq!(
            identifier("ServerInternal").unwrap().to_string(),
            "ServerInternal"
        );
        assert_eq!(identifier("123Start").unwrap().to_string(), "_123Start");
        assert_eq!(identifier("Self").unwrap().to_string(), "Self_");
        assert_eq!(identifier("type").unwrap().to_string(), "r#type");
        assert!(identifier("").is_none());
    }
}
