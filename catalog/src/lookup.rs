//! Finding a catalog's row by its documented string: a table of slots built at compile time
//! from the rows, probed from a hash of the string's length and of its first and last eight
//! bytes.
//!
//! Why not a binary search of the sorted rows: at 60 rows it compares strings six times, with
//! a branch on each answer, and costs several times a `match` on the strings. A `match` tells
//! most arms apart by their lengths and compares one arm's strings; this table reads one slot
//! (two, now and then) and compares one row, whatever the size of the catalog.

use smartcar_errors_shared::key::Key;

use crate::ApiErrorInfo;

/// Where each row of a table is, by the hash of its documented string: `SLOTS` slots, each
/// empty (0) or a row's place + 1. A string is found in the slot of its hash or in the next
/// ones up to an empty slot.
#[derive(Debug)]
pub struct Lookup<const SLOTS: usize> {
    slots: [u32; SLOTS],
}

/// The number of slots of the lookup of `rows` rows: a power of two, at least twice the rows,
/// so that most strings are found in their own slot and an absent one soon meets an empty one.
pub const fn slots(rows: usize) -> usize {
    (rows * 2).next_power_of_two()
}

impl<const SLOTS: usize> Lookup<SLOTS> {
    /// The lookup of the API error `rows`, by type and code.
    pub const fn api<T, R>(rows: &[(&str, ApiErrorInfo<T, R>)]) -> Self {
        let mut slots = [0; SLOTS];
        let mut place = 0;
        while place < rows.len() {
            let (name, info) = &rows[place];
            // The name is `TYPE:CODE`, or `TYPE` for a null code.
            let (error_type, code) = match info.code {
                Some(code) => {
                    let (error_type, _) = name.as_bytes().split_at(name.len() - code.len() - 1);
                    (error_type, Some(code.as_bytes()))
                }
                None => (name.as_bytes(), None),
            };
            place = add(&mut slots, hash(error_type, code), place);
        }
        Lookup { slots }
    }

    /// The lookup of `names`.
    pub const fn names(names: &[&str]) -> Self {
        let mut slots = [0; SLOTS];
        let mut place = 0;
        while place < names.len() {
            place = add(&mut slots, hash(names[place].as_bytes(), None), place);
        }
        Lookup { slots }
    }

    /// The place in `rows` (the rows this lookup was built from) of the API error `key`.
    pub fn find_key<T, R>(&self, rows: &[(&str, ApiErrorInfo<T, R>)], key: Key<'_>) -> Option<usize> {
        let Key { error_type, code } = key;
        let name_len = error_type.len() + code.map_or(0, |code| code.len() + 1);
        self.find(hash(error_type.as_bytes(), code.map(str::as_bytes)), |place| {
            // The row's code is the key's, and its name as long as the key's `TYPE:CODE`:
            // its type is as long as the key's, and is the key's if the name starts with it.
            rows.get(place).is_some_and(|(name, info)| {
                info.code == code && name.len() == name_len && name.starts_with(error_type)
            })
        })
    }

    /// The place of `name` in `names` (the names this lookup was built from).
    pub fn find_name(&self, names: &[&str], name: &str) -> Option<usize> {
        self.find(hash(name.as_bytes(), None), |place| {
            names.get(place) == Some(&name)
        })
    }

    /// The place in the first slot from `hash` on whose row `is_row`, up to an empty slot.
    fn find(&self, hash: usize, is_row: impl Fn(usize) -> bool) -> Option<usize> {
        let mut slot = hash & (SLOTS - 1);
        loop {
            let place = self.slots[slot].checked_sub(1)? as usize;
            if is_row(place) {
                return Some(place);
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
    }
}

/// Puts `place` in the first empty slot from `hash` on; returns the next place.
const fn add<const SLOTS: usize>(slots: &mut [u32; SLOTS], hash: usize, place: usize) -> usize {
    // An empty slot is left, so that a search for an absent string ends; catalog-gen writes
    // far fewer than u32::MAX rows.
    assert!(place + 1 < SLOTS && place < u32::MAX as usize);
    let mut slot = hash & (SLOTS - 1);
    while slots[slot] != 0 {
        slot = (slot + 1) & (SLOTS - 1);
    }
    slots[slot] = place as u32 + 1;
    place + 1
}

/// The hash of an API error's type and code, or of a name (`code` is `None`): of their lengths
/// and their first and last eight bytes, which tell documented strings apart as cheaply as a
/// `match` does. Two strings alike there share slots, and cost a comparison more.
const fn hash(error_type: &[u8], code: Option<&[u8]>) -> usize {
    let (code_len, code_ends) = match code {
        Some(code) => (code.len() as u64 + 1, ends(code)),
        None => (0, 0),
    };
    let word =
        ends(error_type) ^ code_ends.rotate_left(23) ^ (error_type.len() as u64) << 56 ^ code_len << 48;
    (word.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize
}

/// The first eight bytes of `bytes` mixed with its last eight, or all of a shorter one.
const fn ends(bytes: &[u8]) -> u64 {
    if let (Some(first), Some(last)) = (bytes.first_chunk(), bytes.last_chunk()) {
        return u64::from_le_bytes(*first) ^ u64::from_le_bytes(*last).rotate_left(29);
    }
    let mut word = 0;
    let mut at = 0;
    while at < bytes.len() {
        word |= (bytes[at] as u64) << (8 * at);
        at += 1;
    }
    word
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::ApiRow;

    /// A row of `name` whose code is `code`, its other fields empty.
    fn row(name: &'static str, code: Option<&'static str>) -> (&'static str, ApiErrorInfo<(), ()>) {
        let row = ApiRow {
            error_type: (),
            code,
            status_code: 500,
            description: "",
            doc_url: "",
            resolution: None,
            resolution_url: None,
            suggested_resolution: None,
            troubleshooting_steps: None,
            suggested_user_message: None,
            explanation: None,
            page_url: None,
            removed_from_docs: None,
        };
        (name, row.into_info())
    }

    #[test]
    fn every_key_is_found_and_no_other() {
        let rows = [
            row("A", None),
            row("A:", Some("")),
            row("A:B", Some("B")),
            row("A:B:C", Some("B:C")),
            row("AB", None),
            row("VEHICLE_STATE:CHARGE_FAULT", Some("CHARGE_FAULT")),
            row("VEHICLE_STATE:CHARGE_FAULTS", Some("CHARGE_FAULTS")),
        ];
        let lookup = Lookup::<{ slots(7) }>::api(&rows);
        for (place, (name, info)) in rows.iter().enumerate() {
            let key = Key::new(
                &name[..name.len() - info.code.map_or(0, |code| code.len() + 1)],
                info.code,
            );
            assert_eq!(lookup.find_key(&rows, key), Some(place), "{name}");
        }
        for (error_type, code) in [
            ("A:B", Some("C")),
            ("A:B", None),
            ("A", Some("C")),
            ("B", None),
            ("A", Some("B:")),
            ("VEHICLE_STATE", Some("CHARGE_FAULTY")),
            ("VEHICLE_STATE", None),
        ] {
            assert_eq!(
                lookup.find_key(&rows, Key::new(error_type, code)),
                None,
                "{error_type} {code:?}"
            );
        }
    }

    #[test]
    fn every_name_is_found_and_no_other() {
        let names = [
            "",
            "A",
            "B",
            "server_error",
            "server_errors",
            "server_errorX",
            "Xerver_error",
        ];
        let lookup = Lookup::<{ slots(7) }>::names(&names);
        for (place, name) in names.iter().enumerate() {
            assert_eq!(lookup.find_name(&names, name), Some(place), "{name}");
        }
        for absent in ["C", "server_erro", "server_error ", "AB"] {
            assert_eq!(lookup.find_name(&names, absent), None, "{absent}");
        }
        assert_eq!(Lookup::<{ slots(0) }>::names(&[]).find_name(&[], ""), None);
    }

    #[test]
    fn a_full_table_finds_rows_past_their_own_slot() {
        // Sixty names that differ only in the middle share one hash, and so a run of slots.
        let owned: Vec<String> = (0..60).map(|n| format!("SAME_START_{n:02}_SAME_END")).collect();
        let names: Vec<&str> = owned.iter().map(String::as_str).collect();
        assert!(
            names
                .windows(2)
                .all(|pair| hash(pair[0].as_bytes(), None) == hash(pair[1].as_bytes(), None))
        );
        let lookup = Lookup::<{ slots(60) }>::names(&names);
        for (place, name) in names.iter().enumerate() {
            assert_eq!(lookup.find_name(&names, name), Some(place));
        }
        assert_eq!(lookup.find_name(&names, "SAME_START_60_SAME_END"), None);
    }
}
