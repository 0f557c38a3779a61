//! Lookups over every code of a catalog, and the `HashMap` baselines they are compared with.
//!
//! Keys are owned copies of the documented strings, in a fixed shuffled order, so that no
//! lookup is helped by pointer equality or by the order of the tables.

use std::collections::HashMap;

use smartcar_errors::table::{ApiCode, Named};

/// An owned API key: (type, code).
pub type ApiKey = (String, Option<String>);

/// The keys of every code of an API catalog, shuffled.
pub fn api_keys<C: ApiCode>() -> Vec<ApiKey> {
    shuffled(C::INFO.len())
        .into_iter()
        .map(|i| {
            let info = &C::INFO[i];
            (info.error_type.name().to_owned(), info.code.map(str::to_owned))
        })
        .collect()
}

/// The names of every value of a named enum (Connect errors), shuffled.
pub fn names<N: Named>() -> Vec<String> {
    shuffled(N::NAMES.len())
        .into_iter()
        .map(|i| N::NAMES[i].to_owned())
        .collect()
}

/// The baseline: a `HashMap` from owned (type, code) to the code.
pub fn api_map<C: ApiCode>() -> HashMap<ApiKey, C> {
    C::INFO
        .iter()
        .zip(C::ALL)
        .map(|(info, &code)| {
            (
                (info.error_type.name().to_owned(), info.code.map(str::to_owned)),
                code,
            )
        })
        .collect()
}

/// The baseline for Connect errors: a `HashMap` from the owned name to the error.
pub fn name_map<N: Named>() -> HashMap<String, N> {
    N::NAMES
        .iter()
        .zip(N::ALL)
        .map(|(name, &value)| ((*name).to_owned(), value))
        .collect()
}

/// Looks every key up with `ApiCode::from_parts`; returns how many were found.
pub fn from_parts_all<C: ApiCode>(keys: &[ApiKey]) -> usize {
    keys.iter()
        .filter(|(error_type, code)| C::from_parts(error_type, code.as_deref()).is_some())
        .count()
}

/// Looks every key up in the `HashMap` baseline; returns how many were found.
pub fn hash_map_all<C: ApiCode>(map: &HashMap<ApiKey, C>, keys: &[ApiKey]) -> usize {
    keys.iter().filter(|key| map.contains_key(*key)).count()
}

/// Parses every name as a Connect error (`FromStr` of this crate's `ConnectErrorCode`, or
/// `Named::from_name` of a generated one); returns how many were found.
pub fn from_name_all<N: Named>(names: &[String]) -> usize {
    names.iter().filter(|name| N::from_name(name).is_some()).count()
}

/// Parses every name with this crate's `ConnectErrorCode::from_str`.
pub fn from_str_all(names: &[String]) -> usize {
    names
        .iter()
        .filter(|name| name.parse::<smartcar_errors::ConnectErrorCode>().is_ok())
        .count()
}

/// Looks every name up in the `HashMap` baseline; returns how many were found.
pub fn name_map_all<N>(map: &HashMap<String, N>, names: &[String]) -> usize {
    names.iter().filter(|name| map.contains_key(*name)).count()
}

/// `0..len` in a fixed shuffled order (a deterministic Fisher-Yates shuffle). Keys are
/// allocated in this order, so reading them costs both sides of a comparison the same.
fn shuffled(len: usize) -> Vec<usize> {
    let mut items: Vec<usize> = (0..len).collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..items.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        items.swap(i, (state % (i as u64 + 1)) as usize);
    }
    items
}
