//! The everyday API of the generated enums: inherent methods, `Display`, `FromStr` and
//! serde, all by their documented strings.

use core::fmt;
use core::str::FromStr;

use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use crate::table::{ApiCode, ConnectCode, Named};
use crate::{ApiErrorCode, ApiErrorInfo, ConnectErrorCode, ConnectErrorInfo, ErrorType, Resolution};

/// A string that names no documented value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    kind: &'static str,
    input: String,
}

impl UnknownName {
    /// The string that was not recognized.
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a documented Smartcar {}", self.input, self.kind)
    }
}

impl std::error::Error for UnknownName {}

/// `as_str`, `ALL`, `Display`, `FromStr` and serde for an enum of documented strings.
macro_rules! named_enum {
    ($name:ident, $kind:literal, $example:literal) => {
        impl $name {
            #[doc = concat!("Every documented ", $kind, ".")]
            pub const ALL: &'static [$name] = <$name as Named>::ALL;

            #[doc = concat!("The documented string (`", $example, "`).")]
            pub fn as_str(self) -> &'static str {
                Named::name(self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Parses the documented string exactly.
        impl FromStr for $name {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                <$name as Named>::from_name(s).ok_or_else(|| UnknownName {
                    kind: $kind,
                    input: s.to_owned(),
                })
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                name.parse().map_err(de::Error::custom)
            }
        }
    };
}

named_enum!(ErrorType, "error type", "SERVER");
named_enum!(Resolution, "resolution type", "RETRY_LATER");
named_enum!(ConnectErrorCode, "Connect error", "server_error");

impl ConnectErrorCode {
    /// The documented `error_description`.
    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// Everything the docs say of this error.
    pub fn info(self) -> &'static ConnectErrorInfo {
        ConnectCode::info(self)
    }
}

impl ApiErrorCode {
    /// Every documented code, sorted by type and code.
    pub const ALL: &'static [ApiErrorCode] = <ApiErrorCode as ApiCode>::ALL;

    /// The code documented for `error_type` and `code` (`None` for the docs' null code),
    /// matched exactly, without allocating.
    ///
    /// ```
    /// use smartcar_errors::ApiErrorCode;
    ///
    /// let code = ApiErrorCode::from_parts("SERVER", Some("INTERNAL"));
    /// assert_eq!(code, Some(ApiErrorCode::ServerInternal));
    /// assert_eq!(ApiErrorCode::from_parts("SERVER", Some("NOT_A_CODE")), None);
    /// ```
    pub fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self> {
        <Self as ApiCode>::from_parts(error_type, code)
    }

    /// Everything the docs say of this code.
    pub fn info(self) -> &'static ApiErrorInfo {
        ApiCode::info(self)
    }

    /// The error type.
    pub fn error_type(self) -> ErrorType {
        self.info().error_type
    }

    /// The code within its type; `None` for the codes documented as null.
    pub fn code(self) -> Option<&'static str> {
        self.info().code
    }

    /// The HTTP status code of responses with this error.
    pub fn status_code(self) -> u16 {
        self.info().status_code
    }

    /// The documented `description`.
    pub fn description(self) -> &'static str {
        self.info().description
    }

    /// The documented `docURL`.
    pub fn doc_url(self) -> &'static str {
        self.info().doc_url
    }

    /// The documented `resolution.type`.
    pub fn resolution(self) -> Option<Resolution> {
        self.info().resolution
    }
}

/// `TYPE:CODE`, or `TYPE` for a null code (`SERVER:INTERNAL`, `AUTHENTICATION`).
impl fmt::Display for ApiErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.error_type().as_str())?;
        match self.code() {
            Some(code) => write!(f, ":{code}"),
            None => Ok(()),
        }
    }
}

/// Parses `TYPE:CODE`, or `TYPE` alone for a null code, exactly as [`Display`](fmt::Display)
/// writes them.
impl FromStr for ApiErrorCode {
    type Err = UnknownName;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let found = match s.split_once(':') {
            Some((error_type, code)) => ApiErrorCode::from_parts(error_type, Some(code)),
            None => ApiErrorCode::from_parts(s, None),
        };
        found.ok_or_else(|| UnknownName {
            kind: "API error code",
            input: s.to_owned(),
        })
    }
}

impl Serialize for ApiErrorCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ApiErrorCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_string() {
        for &code in ApiErrorCode::ALL {
            assert_eq!(code.to_string().parse::<ApiErrorCode>(), Ok(code));
            assert_eq!(
                ApiErrorCode::from_parts(code.error_type().as_str(), code.code()),
                Some(code)
            );
        }
        for &error in ConnectErrorCode::ALL {
            assert_eq!(error.as_str().parse::<ConnectErrorCode>(), Ok(error));
        }
        for &error_type in ErrorType::ALL {
            assert_eq!(error_type.as_str().parse::<ErrorType>(), Ok(error_type));
        }
        for &resolution in Resolution::ALL {
            assert_eq!(resolution.as_str().parse::<Resolution>(), Ok(resolution));
        }
    }

    #[test]
    fn unknown_strings_are_reported_with_what_they_are_not() {
        let error = "SERVER:NOPE".parse::<ApiErrorCode>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`SERVER:NOPE` is not a documented Smartcar API error code"
        );
        assert_eq!(error.input(), "SERVER:NOPE");
        let error = "server".parse::<ErrorType>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "`server` is not a documented Smartcar error type"
        );
    }
}
