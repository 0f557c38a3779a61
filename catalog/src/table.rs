//! The traits that connect generated enums to their tables.
//!
//! `catalog-gen` implements these for the enums it generates — the ones in this crate, and
//! the ones a crate generates for itself with `catalog_gen::Builder`. The generated code
//! holds only data (enums, name lists, tables); the lookups are the provided methods here.
//! Implementing these traits by hand is possible but not their purpose.

use core::fmt::Debug;
use core::hash::Hash;

use crate::{ApiErrorInfo, ConnectErrorInfo};

/// An enum whose values are documented strings: [`ErrorType`](crate::ErrorType),
/// [`Resolution`](crate::Resolution) and [`ConnectErrorCode`](crate::ConnectErrorCode).
pub trait Named: Copy + Eq + Ord + Hash + Debug + 'static {
    /// Every value, in the order of [`NAMES`](Self::NAMES).
    const ALL: &'static [Self];
    /// Every value's documented string, sorted ascending (by bytes).
    const NAMES: &'static [&'static str];

    /// The position of `self` in [`ALL`](Self::ALL).
    fn index(self) -> usize;

    /// The documented string (`"SERVER"`, `"RETRY_LATER"`, `"server_error"`).
    fn name(self) -> &'static str {
        Self::NAMES[self.index()]
    }

    /// The value documented as `name`, matched exactly.
    fn from_name(name: &str) -> Option<Self> {
        Self::NAMES.binary_search(&name).ok().map(|i| Self::ALL[i])
    }
}

/// An enum of documented API error codes: [`ApiErrorCode`](crate::ApiErrorCode).
pub trait ApiCode: Copy + Eq + Ord + Hash + Debug + 'static {
    /// The enum of error types the codes belong to.
    type ErrorType: Named;
    /// The enum of resolution types the codes suggest.
    type Resolution: Named;

    /// Every code, in the order of [`INFO`](Self::INFO).
    const ALL: &'static [Self];
    /// What the docs say of each code, sorted by (type, code), a null code first.
    const INFO: &'static [ApiErrorInfo<Self::ErrorType, Self::Resolution>];

    /// The position of `self` in [`ALL`](Self::ALL).
    fn index(self) -> usize;

    /// What the docs say of this code.
    fn info(self) -> &'static ApiErrorInfo<Self::ErrorType, Self::Resolution> {
        &Self::INFO[self.index()]
    }

    /// The code documented for `error_type` and `code` (`None` for the docs' null code),
    /// matched exactly.
    fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self> {
        Self::INFO
            .binary_search_by(|info| (info.error_type.name(), info.code).cmp(&(error_type, code)))
            .ok()
            .map(|i| Self::ALL[i])
    }
}

/// An enum of documented Connect errors: [`ConnectErrorCode`](crate::ConnectErrorCode).
pub trait ConnectCode: Named {
    /// What the docs say of each error, in the order of [`Named::ALL`].
    const INFO: &'static [ConnectErrorInfo];

    /// What the docs say of this error.
    fn info(self) -> &'static ConnectErrorInfo {
        &Self::INFO[self.index()]
    }
}
