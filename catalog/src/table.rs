//! The traits that connect generated enums to their tables.
//!
//! `catalog-gen` implements these for the enums it generates — the ones in this crate, and
//! the ones a crate generates for itself with `catalog_gen::Builder`. The generated code
//! holds only data (enums, name lists, tables); the lookups are the provided methods here.
//! Implementing these traits by hand is possible but not their purpose.
//!
//! Lookups by name go through hash slots that catalog-gen computes with [`name_hash`] and
//! [`key_hash`]: `(2n).next_power_of_two()` slots for `n` rows, `0` for an empty slot and
//! `i + 1` for row `i`, each row in the slot `hash & (len - 1)` or the next free one after it.
//! A lookup hashes its input, follows the slots and compares the strings of the rows it
//! meets, so it neither searches the table nor allocates. Without slots (an empty `SLOTS`),
//! lookups binary-search the sorted table.
//!
//! An API code lookup compares the strings of a row without reading the row itself:
//! `TYPE_STARTS` says which rows belong to the type looked up (found among the type names) and
//! `CODES` holds every code side by side, so the bytes it compares are few and close together.

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
    /// The hash slots of [`NAMES`](Self::NAMES), by [`name_hash`]; empty when not generated.
    const SLOTS: &'static [u32] = &[];

    /// The position of `self` in [`ALL`](Self::ALL).
    fn index(self) -> usize;

    /// The documented string (`"SERVER"`, `"RETRY_LATER"`, `"server_error"`).
    fn name(self) -> &'static str {
        Self::NAMES[self.index()]
    }

    /// The value documented as `name`, matched exactly.
    fn from_name(name: &str) -> Option<Self> {
        let row = if Self::SLOTS.is_empty() {
            Self::NAMES.binary_search(&name).ok()
        } else {
            probe(Self::SLOTS, name_hash(name), |row| {
                Self::NAMES.get(row) == Some(&name)
            })
        };
        Self::ALL.get(row?).copied()
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
    /// The hash slots of [`INFO`](Self::INFO), by [`key_hash`]; empty when not generated.
    const SLOTS: &'static [u32] = &[];
    /// Where the rows of each error type start in [`INFO`](Self::INFO), by the type's
    /// [`index`](Named::index), then the number of rows: the rows of type `t` are
    /// `TYPE_STARTS[t]..TYPE_STARTS[t + 1]`. Empty when not generated.
    const TYPE_STARTS: &'static [u32] = &[];
    /// Every row's code, one after the other (nothing for a null code).
    const CODES: &'static str = "";
    /// Where each row's code starts in [`CODES`](Self::CODES), then the length of `CODES`: the
    /// code of row `i` is `CODES[CODE_STARTS[i]..CODE_STARTS[i + 1]]`. Empty when not generated.
    const CODE_STARTS: &'static [u32] = &[];

    /// The position of `self` in [`ALL`](Self::ALL).
    fn index(self) -> usize;

    /// What the docs say of this code.
    fn info(self) -> &'static ApiErrorInfo<Self::ErrorType, Self::Resolution> {
        &Self::INFO[self.index()]
    }

    /// The code documented for `error_type` and `code` (`None` for the docs' null code),
    /// matched exactly.
    fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self> {
        let row = if Self::SLOTS.is_empty() {
            Self::INFO
                .binary_search_by(|info| (info.error_type.name(), info.code).cmp(&(error_type, code)))
                .ok()
        } else if Self::TYPE_STARTS.is_empty() || Self::CODE_STARTS.is_empty() {
            probe(Self::SLOTS, key_hash(error_type, code), |row| {
                Self::INFO
                    .get(row)
                    .is_some_and(|info| info.code == code && info.error_type.name() == error_type)
            })
        } else {
            let t = Self::ErrorType::from_name(error_type)?.index();
            let rows = match Self::TYPE_STARTS.get(t..t + 2)? {
                &[first, end] => first as usize..end as usize,
                _ => return None,
            };
            probe(Self::SLOTS, key_hash(error_type, code), |row| {
                rows.contains(&row) && has_code::<Self>(row, code)
            })
        };
        Self::ALL.get(row?).copied()
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

/// Whether row `row` of `C`'s table has the code `code`, read from `CODES` where it can be.
fn has_code<C: ApiCode>(row: usize, code: Option<&str>) -> bool {
    let stored = match C::CODE_STARTS.get(row..row + 2) {
        Some(&[start, end]) => C::CODES.get(start as usize..end as usize),
        _ => None,
    };
    match (stored, code) {
        (Some(stored), Some(code)) if !stored.is_empty() => stored == code,
        // A null or empty code: the row tells which.
        _ => C::INFO.get(row).is_some_and(|info| info.code == code),
    }
}

/// The row of the slots `slots` (a power of two long) whose row satisfies `is`, starting
/// from the slot of `hash`; `None` at the first empty slot.
fn probe(slots: &[u32], hash: u64, is: impl Fn(usize) -> bool) -> Option<usize> {
    let mask = slots.len().checked_sub(1)?;
    let mut slot = (hash & mask as u64) as usize;
    for _ in 0..slots.len() {
        let row = (*slots.get(slot)? as usize).checked_sub(1)?;
        if is(row) {
            return Some(row);
        }
        slot = (slot + 1) & mask;
    }
    None
}

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

fn finish(hash: u64) -> u64 {
    hash ^ (hash >> 32)
}

/// The hash of a documented name in the generated slots: FNV-1a (64-bit) of its bytes, the
/// high half folded into the low half.
pub fn name_hash(name: &str) -> u64 {
    finish(fnv(OFFSET, name.as_bytes()))
}

/// The hash of an API error key in the generated slots: FNV-1a (64-bit) of the type's bytes,
/// then `0xFF` and the code's bytes, or `0xFE` for the null code (bytes UTF-8 never has), the
/// high half folded into the low half.
pub fn key_hash(error_type: &str, code: Option<&str>) -> u64 {
    let hash = fnv(OFFSET, error_type.as_bytes());
    finish(match code {
        Some(code) => fnv(fnv(hash, &[0xFF]), code.as_bytes()),
        None => fnv(hash, &[0xFE]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-written enum without slots: lookups fall back to binary search.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    enum Plain {
        A,
        B,
    }

    impl Named for Plain {
        const ALL: &'static [Self] = &[Plain::A, Plain::B];
        const NAMES: &'static [&'static str] = &["a", "b"];
        fn index(self) -> usize {
            self as usize
        }
    }

    #[test]
    fn names_without_slots_are_binary_searched() {
        assert_eq!(Plain::from_name("b"), Some(Plain::B));
        assert_eq!(Plain::from_name("c"), None);
        assert_eq!(Plain::B.name(), "b");
    }

    /// Two types sharing a code, and a null code.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
    enum Code {
        ANull,
        AX,
        BX,
    }

    const fn row(error_type: Plain, code: Option<&'static str>) -> ApiErrorInfo<Plain, Plain> {
        ApiErrorInfo {
            error_type,
            code,
            status_code: 400,
            description: "",
            doc_url: "",
            resolution: None,
            resolution_url: None,
            suggested_resolution: None,
            troubleshooting_steps: None,
            suggested_user_message: None,
            explanation: None,
            page_url: None,
        }
    }

    impl ApiCode for Code {
        type ErrorType = Plain;
        type Resolution = Plain;
        const ALL: &'static [Self] = &[Code::ANull, Code::AX, Code::BX];
        const INFO: &'static [ApiErrorInfo<Plain, Plain>] = &[
            row(Plain::A, None),
            row(Plain::A, Some("x")),
            row(Plain::B, Some("x")),
        ];
        // No empty slot: every probe meets every row, whatever the hash.
        const SLOTS: &'static [u32] = &[1, 2, 3, 1];
        const TYPE_STARTS: &'static [u32] = &[0, 2, 3];
        const CODES: &'static str = "xx";
        const CODE_STARTS: &'static [u32] = &[0, 0, 1, 2];
        fn index(self) -> usize {
            self as usize
        }
    }

    #[test]
    fn codes_are_matched_within_their_type_and_null_apart_from_empty() {
        assert_eq!(Code::from_parts("a", None), Some(Code::ANull));
        assert_eq!(Code::from_parts("a", Some("x")), Some(Code::AX));
        assert_eq!(Code::from_parts("b", Some("x")), Some(Code::BX));
        assert_eq!(Code::from_parts("b", None), None);
        assert_eq!(Code::from_parts("a", Some("")), None);
        assert_eq!(Code::from_parts("a", Some("xx")), None);
        assert_eq!(Code::from_parts("c", Some("x")), None);
        assert_eq!(Code::BX.info().code, Some("x"));
    }

    #[test]
    fn probing_stops_at_an_empty_slot_or_after_every_slot() {
        assert_eq!(probe(&[], 0, |_| true), None);
        assert_eq!(probe(&[0, 1], 0, |_| true), None);
        assert_eq!(probe(&[2, 1], 1, |row| row == 1), Some(1));
        assert_eq!(probe(&[2, 1], 1, |row| row == 0), Some(0));
        assert_eq!(probe(&[2, 1], 1, |_| false), None);
    }
}
