//! Finding a documented name in a catalog's tables without searching them.
//!
//! Each enum of a catalog builds its index the first time it is looked up in: hash slots, and
//! for API codes each row's key side by side. A table of `n` rows gets the smallest power of two
//! of at least `2n` slots: `0` is an empty slot, `i + 1` names row `i`, and a row goes to the
//! slot `hash & (len - 1)` or the next free one after it. A lookup hashes its input, follows
//! the slots and compares the strings of the rows it meets; it stops at the first empty slot,
//! and allocates nothing.
//!
//! The hash is FNV-1a (64-bit) with the high half folded into the low half. An API error key
//! hashes its type, then `0xFF` and its code, or `0xFE` for the docs' null code (bytes UTF-8
//! never has, so `("AB", "C")`, `("A", "BC")` and `("AB", None)` differ).

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;
/// Ends the type of an API key whose code is a string.
const CODE_FOLLOWS: u8 = 0xFF;
/// Ends the type of an API key whose code is null.
const NULL_CODE: u8 = 0xFE;

fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

fn finish(hash: u64) -> u64 {
    hash ^ (hash >> 32)
}

/// The hash of a documented name (an error type, a resolution type, a Connect error).
fn name_hash(name: &str) -> u64 {
    finish(fnv(OFFSET, name.as_bytes()))
}

/// The hash of an API error key: its type and its code (`None` for the docs' null code).
fn key_hash(error_type: &str, code: Option<&str>) -> u64 {
    let hash = fnv(OFFSET, error_type.as_bytes());
    finish(match code {
        Some(code) => fnv(fnv(hash, &[CODE_FOLLOWS]), code.as_bytes()),
        None => fnv(hash, &[NULL_CODE]),
    })
}

/// The hash slots of rows whose hashes are `hashes`.
fn slots(hashes: impl ExactSizeIterator<Item = u64>) -> Box<[u32]> {
    let len = (2 * hashes.len()).max(1).next_power_of_two();
    let mask = len - 1;
    let mut slots = vec![0u32; len];
    for (row, hash) in hashes.enumerate() {
        let mut slot = hash as usize & mask;
        while slots[slot] != 0 {
            slot = (slot + 1) & mask;
        }
        // A catalog has far fewer than u32::MAX rows.
        slots[slot] = u32::try_from(row + 1).unwrap_or(u32::MAX);
    }
    slots.into_boxed_slice()
}

/// The row among `slots` whose row satisfies `is`, starting from the slot of `hash`.
fn probe(slots: &[u32], hash: u64, is: impl Fn(usize) -> bool) -> Option<usize> {
    let mask = slots.len().checked_sub(1)?;
    let mut slot = hash as usize & mask;
    for _ in 0..slots.len() {
        let row = (*slots.get(slot)? as usize).checked_sub(1)?;
        if is(row) {
            return Some(row);
        }
        slot = (slot + 1) & mask;
    }
    None
}

/// The index of an enum of documented names.
#[derive(Debug)]
pub struct NameIndex {
    slots: Box<[u32]>,
}

impl NameIndex {
    /// The index of `names`.
    pub fn new(names: &[&str]) -> Self {
        NameIndex {
            slots: slots(names.iter().map(|name| name_hash(name))),
        }
    }

    /// The row of `names` (the ones indexed) that is `name`, matched exactly.
    pub fn find(&self, names: &[&str], name: &str) -> Option<usize> {
        probe(&self.slots, name_hash(name), |row| names.get(row) == Some(&name))
    }
}

/// The key of an API error code: its type's row among the catalog's type names, and its code.
pub type ApiKey = (usize, Option<&'static str>);

/// The index of an enum of API error codes.
#[derive(Debug)]
pub struct ApiIndex {
    keys: Box<[ApiKey]>,
    slots: Box<[u32]>,
}

impl ApiIndex {
    /// The index of the codes `keys`, whose types are named by `type_names`.
    pub fn new(type_names: &[&str], keys: impl Iterator<Item = ApiKey>) -> Self {
        let keys: Box<[ApiKey]> = keys.collect();
        let hashes = keys.iter().map(|&(error_type, code)| {
            key_hash(type_names.get(error_type).copied().unwrap_or_default(), code)
        });
        ApiIndex {
            slots: slots(hashes),
            keys,
        }
    }

    /// The row that is `(error_type, code)`, matched exactly.
    pub fn find(&self, type_names: &[&str], error_type: &str, code: Option<&str>) -> Option<usize> {
        probe(&self.slots, key_hash(error_type, code), |row| {
            self.keys.get(row).is_some_and(|&(row_type, row_code)| {
                row_code == code && type_names.get(row_type) == Some(&error_type)
            })
        })
    }
}

/// Whether `a` and `b` are the same string (in a `const` context).
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The description of the parameter called `name` among `parameters`, if there is one.
pub const fn parameter(parameters: &[crate::ConnectParameter], name: &str) -> Option<&'static str> {
    let mut i = 0;
    while i < parameters.len() {
        if same(parameters[i].name, name) {
            return Some(parameters[i].description);
        }
        i += 1;
    }
    None
}

/// The Connect error each of `errors` documents: the value of its `error` parameter.
pub const fn connect_names<const N: usize>(errors: &[crate::ConnectErrorInfo]) -> [&'static str; N] {
    let mut names = [""; N];
    let mut i = 0;
    while i < N {
        names[i] = match parameter(errors[i].parameters, "error") {
            Some(name) => name,
            None => panic!("a Connect error without an `error` parameter"),
        };
        i += 1;
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_one_slot_and_half_the_slots_stay_free() {
        let names = ["A", "B", "SERVER", "server", ""];
        let index = NameIndex::new(&names);
        assert_eq!(index.slots.len(), 16);
        let mut rows: Vec<u32> = index.slots.iter().copied().filter(|&s| s != 0).collect();
        rows.sort_unstable();
        assert_eq!(rows, [1, 2, 3, 4, 5]);
        for (row, name) in names.iter().enumerate() {
            assert_eq!(index.find(&names, name), Some(row));
        }
        assert_eq!(index.find(&names, "Server"), None);
        assert_eq!(NameIndex::new(&[]).find(&[], "A"), None);
    }

    #[test]
    fn codes_are_matched_within_their_type_and_null_apart_from_empty() {
        let types = ["A", "AB"];
        let keys = [(0, None), (0, Some("BC")), (1, Some("C")), (1, None)];
        let index = ApiIndex::new(&types, keys.into_iter());
        assert_eq!(index.find(&types, "A", None), Some(0));
        assert_eq!(index.find(&types, "A", Some("BC")), Some(1));
        assert_eq!(index.find(&types, "AB", Some("C")), Some(2));
        assert_eq!(index.find(&types, "AB", None), Some(3));
        assert_eq!(index.find(&types, "A", Some("")), None);
        assert_eq!(index.find(&types, "ABC", None), None);
        assert_ne!(key_hash("AB", Some("C")), key_hash("A", Some("BC")));
        assert_ne!(key_hash("A", None), key_hash("A", Some("")));
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
