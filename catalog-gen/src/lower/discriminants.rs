//! Discriminants that do not change when the docs do.
//!
//! cargo-semver-checks reads a variant whose discriminant changed as a breaking change (code
//! that casts it with `as` would see another number), and implicit discriminants move whenever
//! a code is added before them. So each variant's discriminant is a hash of its documented
//! string (`SERVER:INTERNAL`, `RETRY_LATER`, `server_error`): 32-bit FNV-1a, cut to 31 bits so
//! that it fits an `isize` on every target. Two strings of one enum with the same hash (about
//! one chance in a million for 60 codes) are told apart by hashing the later one, in the
//! enum's order, again with a counter — the one case where adding a string can move another's
//! discriminant, which the semver check of a refresh would then report.

use std::collections::BTreeSet;

const OFFSET: u32 = 0x811c_9dc5;
const PRIME: u32 = 0x0100_0193;

/// The discriminant of `name`, the next string of one enum in its order, whose strings before
/// it took the discriminants in `taken`; it takes its own.
pub(crate) fn discriminant(name: &str, taken: &mut BTreeSet<i64>) -> i64 {
    let mut attempts = (0..).map(|attempt| hash(name, attempt));
    // There are 2^31 discriminants, and no enum comes near that many strings.
    attempts.find(|&d| taken.insert(d)).unwrap_or_default()
}

/// The hash of `name` on its `attempt`th try: FNV-1a of its bytes, then of the attempt's
/// bytes after a `0xFF` (a byte UTF-8 never has) for any try but the first.
fn hash(name: &str, attempt: u32) -> i64 {
    let mut bytes: Vec<u8> = name.as_bytes().to_vec();
    if attempt > 0 {
        bytes.push(0xFF);
        bytes.extend(attempt.to_le_bytes());
    }
    let hash = bytes
        .iter()
        .fold(OFFSET, |hash, &byte| (hash ^ u32::from(byte)).wrapping_mul(PRIME));
    i64::from(hash & 0x7FFF_FFFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn discriminants(names: &[&str]) -> Vec<i64> {
        let mut taken = BTreeSet::new();
        names.iter().map(|name| discriminant(name, &mut taken)).collect()
    }

    #[test]
    fn a_string_keeps_its_discriminant_whatever_else_the_enum_holds() {
        let alone = discriminants(&["SERVER:RECORD_NOT_FOUND"]);
        let among = discriminants(&[
            "SERVER:INTERNAL",
            "SERVER:MULTIPLE_RECORDS_FOUND",
            "SERVER:RECORD_NOT_FOUND",
        ]);
        assert_eq!(alone[0], among[2]);
        // FNV-1a of the published name, as the checked-in catalog carries it.
        assert_eq!(hash("SERVER:INTERNAL", 0), 0xca55_bfb9 & 0x7FFF_FFFF);
        assert!(among.iter().all(|&d| (0..=i64::from(i32::MAX)).contains(&d)));
    }

    #[test]
    fn equal_hashes_are_told_apart() {
        // The same string twice stands for two strings whose hashes are equal.
        let [first, second] = discriminants(&["A", "A"])[..] else {
            panic!("two discriminants");
        };
        assert_eq!(first, hash("A", 0));
        assert_eq!(second, hash("A", 1));
        assert_ne!(first, second);
    }
}
