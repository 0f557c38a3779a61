//! What the enums of a catalog share: they are named by documented strings, parsed from them
//! and deserialized from them.

use core::fmt;

use serde::de::{self, Deserializer};

/// A string that names no documented value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    kind: &'static str,
    input: String,
}

impl UnknownName {
    /// The error for `input`, which names no documented `kind` (`"error type"`).
    #[doc(hidden)]
    pub fn new(kind: &'static str, input: &str) -> Self {
        UnknownName {
            kind,
            input: input.to_owned(),
        }
    }

    /// The string that was not recognized.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = smartcar_errors_shared::text::Escaped(&self.input);
        write!(f, "`{input}` is not a documented Smartcar {}", self.kind)
    }
}

impl std::error::Error for UnknownName {}

/// Deserializes a value of a catalog's enum from its documented string (`FromStr`).
#[doc(hidden)]
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: core::str::FromStr<Err = UnknownName>,
{
    let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
    text.parse().map_err(de::Error::custom)
}
