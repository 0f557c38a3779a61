//! The hash slots the generated tables carry, so that lookups by name neither search nor
//! allocate.
//!
//! A table of `n` names gets `(2n).next_power_of_two()` slots (at least one): `0` is an empty
//! slot, `i + 1` names row `i`. A name goes to the slot `hash & (len - 1)`, or the next free
//! one after it (linear probing). The hashes are FNV-1a (64-bit) with the high half folded into
//! the low half; `smartcar_errors::table` computes the same ones at run time.

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;
/// Ends the type of an API key whose code is a string (never a byte of UTF-8).
const CODE_FOLLOWS: u8 = 0xFF;
/// Ends the type of an API key whose code is null (never a byte of UTF-8).
const NULL_CODE: u8 = 0xFE;

fn fnv(hash: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(hash, |hash, &byte| (hash ^ u64::from(byte)).wrapping_mul(PRIME))
}

fn finish(hash: u64) -> u64 {
    hash ^ (hash >> 32)
}

/// The hash of a documented name (an error type, resolution or Connect error).
pub fn name_hash(name: &str) -> u64 {
    finish(fnv(OFFSET, name.as_bytes()))
}

/// The hash of an API error key: its type and code (`None` for the docs' null code).
pub fn key_hash(error_type: &str, code: Option<&str>) -> u64 {
    let hash = fnv(OFFSET, error_type.as_bytes());
    finish(match code {
        Some(code) => fnv(fnv(hash, &[CODE_FOLLOWS]), code.as_bytes()),
        None => fnv(hash, &[NULL_CODE]),
    })
}

/// The slots of the rows whose hashes are `hashes`, in row order.
pub(crate) fn slots(hashes: &[u64]) -> Vec<u32> {
    let len = (hashes.len() * 2).max(1).next_power_of_two();
    let mask = len as u64 - 1;
    let mut slots = vec![0u32; len];
    for (row, &hash) in hashes.iter().enumerate() {
        let mut slot = (hash & mask) as usize;
        while slots[slot] != 0 {
            slot = (slot + 1) & (len - 1);
        }
        // Tables hold far fewer than u32::MAX rows; saturating keeps this total.
        slots[slot] = u32::try_from(row + 1).unwrap_or(u32::MAX);
    }
    slots
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_one_slot_and_half_the_slots_stay_free() {
        let hashes: Vec<u64> = (0..100).map(|i| name_hash(&format!("CODE_{i}"))).collect();
        let slots = slots(&hashes);
        assert_eq!(slots.len(), 256);
        let mut rows: Vec<u32> = slots.iter().copied().filter(|&s| s != 0).collect();
        rows.sort_unstable();
        assert_eq!(rows, (1..=100).collect::<Vec<u32>>());
        assert_eq!(super::slots(&[]), [0]);
    }

    #[test]
    fn keys_with_and_without_a_code_differ() {
        assert_ne!(key_hash("SERVER", None), key_hash("SERVER", Some("")));
        assert_ne!(key_hash("AB", Some("C")), key_hash("A", Some("BC")));
        assert_eq!(name_hash(""), finish(OFFSET));
    }
}
