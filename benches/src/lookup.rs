//! Lookups over every code of a catalog, compared with two baselines on the same keys: a binary
//! search over the sorted keys, and a `HashMap` of owned keys.
//!
//! Keys are owned copies of the documented strings, in a fixed shuffled order, so that no
//! lookup is helped by pointer equality or by the order of the tables.
//!
//! This module uses only `std`, `smartcar-errors` and the sibling modules `alloc` and `measure`:
//! the lookup probes (see `probe`) compile it with a catalog generated at run time, and print
//! each [`Comparison`] as a [`line`](Comparison::line) for the summary to read.

use std::alloc::GlobalAlloc;
use std::collections::HashMap;
use std::hash::Hash;
use std::str::FromStr;
use std::time::Instant;

use crate::alloc::Counting;
use crate::measure::{format_secs, per_item};

/// The API error codes of a catalog, as the `catalog!` macro defines them.
pub trait ApiCodes: Copy + Eq + Hash + 'static {
    /// Every code, sorted by type and code.
    fn all() -> &'static [Self];
    /// The code's (type, code) strings.
    fn key(self) -> (&'static str, Option<&'static str>);
    /// The catalog's own lookup: its hash index.
    fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self>;
}

/// The Connect errors of a catalog, as the `catalog!` macro defines them; `FromStr` is the
/// catalog's own lookup.
pub trait ConnectCodes: Copy + Eq + Hash + FromStr + 'static {
    /// Every error, sorted by name.
    fn all() -> &'static [Self];
    /// The error's documented name.
    fn name(self) -> &'static str;
}

/// Implements [`ApiCodes`] and [`ConnectCodes`] for the enums of the catalog module `$catalog`
/// (a module that holds a generated catalog, or `smartcar_errors`).
#[macro_export]
macro_rules! lookup_codes {
    ($($catalog:ident)::+) => {
        impl $crate::lookup::ApiCodes for $($catalog)::+::ApiErrorCode {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn key(self) -> (&'static str, Option<&'static str>) {
                (self.error_type().as_str(), self.code())
            }
            fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self> {
                Self::from_parts(error_type, code)
            }
        }

        impl $crate::lookup::ConnectCodes for $($catalog)::+::ConnectErrorCode {
            fn all() -> &'static [Self] {
                Self::ALL
            }
            fn name(self) -> &'static str {
                self.as_str()
            }
        }
    };
}

/// An owned API key: (type, code).
pub type ApiKey = (String, Option<String>);

/// The keys of every code of an API catalog, shuffled.
pub fn api_keys<C: ApiCodes>() -> Vec<ApiKey> {
    shuffled(C::all())
        .map(|code| {
            let (error_type, code) = code.key();
            (error_type.to_owned(), code.map(str::to_owned))
        })
        .collect()
}

/// The names of every Connect error of a catalog, shuffled.
pub fn names<N: ConnectCodes>() -> Vec<String> {
    shuffled(N::all()).map(|error| error.name().to_owned()).collect()
}

/// The first baseline: the catalog's keys sorted, searched by bisection.
#[derive(Debug)]
pub struct SortedKeys<K, V> {
    rows: Vec<(K, V)>,
}

impl<C: ApiCodes> SortedKeys<(&'static str, Option<&'static str>), C> {
    /// The keys of every API code.
    pub fn api() -> Self {
        SortedKeys::new(C::all().iter().map(|&code| (code.key(), code)))
    }

    /// The code of (type, code), by binary search.
    pub fn find(&self, error_type: &str, code: Option<&str>) -> Option<C> {
        let found = self.rows.binary_search_by(|((row_type, row_code), _)| {
            (*row_type).cmp(error_type).then_with(|| (*row_code).cmp(&code))
        });
        found.ok().map(|row| self.rows[row].1)
    }
}

impl<N: ConnectCodes> SortedKeys<&'static str, N> {
    /// The names of every Connect error.
    pub fn names() -> Self {
        SortedKeys::new(N::all().iter().map(|&error| (error.name(), error)))
    }

    /// The error named `name`, by binary search.
    pub fn find_name(&self, name: &str) -> Option<N> {
        let found = self.rows.binary_search_by(|(row_name, _)| (*row_name).cmp(name));
        found.ok().map(|row| self.rows[row].1)
    }
}

impl<K: Ord, V> SortedKeys<K, V> {
    fn new(rows: impl Iterator<Item = (K, V)>) -> Self {
        let mut rows: Vec<(K, V)> = rows.collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        SortedKeys { rows }
    }
}

/// The second baseline: a `HashMap` from the owned (type, code) to the code.
pub fn api_map<C: ApiCodes>() -> HashMap<ApiKey, C> {
    C::all()
        .iter()
        .map(|&code| {
            let (error_type, key_code) = code.key();
            ((error_type.to_owned(), key_code.map(str::to_owned)), code)
        })
        .collect()
}

/// The second baseline for Connect errors: a `HashMap` from the owned name to the error.
pub fn name_map<N: ConnectCodes>() -> HashMap<String, N> {
    N::all()
        .iter()
        .map(|&error| (error.name().to_owned(), error))
        .collect()
}

/// Looks every key up with the catalog's `from_parts`; returns how many were found.
pub fn from_parts_all<C: ApiCodes>(keys: &[ApiKey]) -> usize {
    keys.iter()
        .filter(|(error_type, code)| C::from_parts(error_type, code.as_deref()).is_some())
        .count()
}

/// Looks every key up by binary search; returns how many were found.
pub fn binary_search_all<C: ApiCodes>(
    sorted: &SortedKeys<(&'static str, Option<&'static str>), C>,
    keys: &[ApiKey],
) -> usize {
    keys.iter()
        .filter(|(error_type, code)| sorted.find(error_type, code.as_deref()).is_some())
        .count()
}

/// Looks every key up in the `HashMap`; returns how many were found.
pub fn hash_map_all<K: Hash + Eq, V>(map: &HashMap<K, V>, keys: &[K]) -> usize {
    keys.iter().filter(|key| map.get(*key).is_some()).count()
}

/// Parses every name with the catalog's `FromStr`; returns how many were found.
pub fn from_str_all<N: ConnectCodes>(names: &[String]) -> usize {
    names.iter().filter(|name| name.parse::<N>().is_ok()).count()
}

/// Looks every name up by binary search; returns how many were found.
pub fn binary_search_names<N: ConnectCodes>(sorted: &SortedKeys<&'static str, N>, names: &[String]) -> usize {
    names
        .iter()
        .filter(|name| sorted.find_name(name).is_some())
        .count()
}

/// One lookup of a catalog measured against the baselines: times are per lookup, in seconds.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// What was looked up: `from_parts` or `from_str`.
    pub lookup: String,
    /// How many keys (every code of the catalog, once each).
    pub keys: usize,
    /// Allocations of one lookup of every key, after the first lookup built the index.
    pub allocations: u64,
    /// The first lookup of all, which builds the catalog's index.
    pub first: f64,
    /// A lookup by the catalog's index.
    pub index: f64,
    /// A binary search over the sorted keys.
    pub binary_search: f64,
    /// A `HashMap` of owned keys.
    pub hash_map: f64,
}

impl Comparison {
    /// The comparison as one line of `name=value` fields, for a probe to print.
    pub fn line(&self) -> String {
        format!(
            "lookup={} keys={} allocations={} first={:e} index={:e} binary_search={:e} hash_map={:e}",
            self.lookup,
            self.keys,
            self.allocations,
            self.first,
            self.index,
            self.binary_search,
            self.hash_map
        )
    }

    /// Reads a [`line`](Comparison::line) back.
    pub fn parse(line: &str) -> Option<Comparison> {
        let field = |name: &str| {
            line.split_whitespace()
                .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
        };
        let number = |name: &str| field(name)?.parse::<f64>().ok();
        Some(Comparison {
            lookup: field("lookup")?.to_owned(),
            keys: field("keys")?.parse().ok()?,
            allocations: field("allocations")?.parse().ok()?,
            first: number("first")?,
            index: number("index")?,
            binary_search: number("binary_search")?,
            hash_map: number("hash_map")?,
        })
    }
}

/// `from_parts, 50 keys: index 34.0 ns, binary search 38.4 ns, HashMap 37.4 ns per lookup;
/// first lookup 8.0 µs; 0 allocations`
impl std::fmt::Display for Comparison {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}, {} keys: index {}, binary search {}, HashMap {} per lookup; first lookup {}; {} allocations",
            self.lookup,
            self.keys,
            format_secs(self.index),
            format_secs(self.binary_search),
            format_secs(self.hash_map),
            format_secs(self.first),
            self.allocations
        )
    }
}

/// `from_parts` over every API code of catalog `C` against both baselines. Must run before
/// anything else looks a code of `C` up, to time the first lookup.
pub fn compare_api<C: ApiCodes, A: GlobalAlloc>(alloc: &Counting<A>) -> Comparison {
    let keys = api_keys::<C>();
    let first = time_first(|| keys.first().map(|(t, c)| C::from_parts(t, c.as_deref())));
    let (sorted, map) = (SortedKeys::<_, C>::api(), api_map::<C>());
    compare(
        alloc,
        Lookups {
            name: "from_parts",
            keys: keys.len(),
            first,
        },
        [
            &mut || from_parts_all::<C>(&keys),
            &mut || binary_search_all(&sorted, &keys),
            &mut || hash_map_all(&map, &keys),
        ],
    )
}

/// `FromStr` over every Connect error of catalog `N` against both baselines. Must run before
/// anything else parses a Connect error of `N`, to time the first lookup.
pub fn compare_connect<N: ConnectCodes, A: GlobalAlloc>(alloc: &Counting<A>) -> Comparison {
    let names = names::<N>();
    let first = time_first(|| names.first().map(|name| name.parse::<N>().is_ok()));
    let (sorted, map) = (SortedKeys::<_, N>::names(), name_map::<N>());
    compare(
        alloc,
        Lookups {
            name: "from_str",
            keys: names.len(),
            first,
        },
        [
            &mut || from_str_all::<N>(&names),
            &mut || binary_search_names(&sorted, &names),
            &mut || hash_map_all(&map, &names),
        ],
    )
}

/// What is being compared: the lookup, how many keys each run looks up, and how long the very
/// first lookup took.
struct Lookups {
    name: &'static str,
    keys: usize,
    first: f64,
}

/// Checks that the catalog's lookup, the binary search and the `HashMap` (in this order) each
/// find every key, counts the allocations of the first, and times all three.
fn compare<A: GlobalAlloc>(
    alloc: &Counting<A>,
    lookups: Lookups,
    mut runs: [&mut dyn FnMut() -> usize; 3],
) -> Comparison {
    let (found, allocations) = alloc.count(&mut *runs[0]);
    for found in [found, runs[1](), runs[2]()] {
        assert_eq!(found, lookups.keys, "every {} key is found", lookups.name);
    }
    let times = per_item(lookups.keys, &mut runs);
    Comparison {
        lookup: lookups.name.to_owned(),
        keys: lookups.keys,
        allocations,
        first: lookups.first,
        index: times[0],
        binary_search: times[1],
        hash_map: times[2],
    }
}

/// How long `f` takes once, in seconds.
fn time_first<T>(f: impl FnOnce() -> T) -> f64 {
    let start = Instant::now();
    std::hint::black_box(f());
    start.elapsed().as_secs_f64()
}

/// The items in a fixed shuffled order (a deterministic Fisher-Yates shuffle). Keys are
/// allocated in this order, so reading them costs every lookup the same.
fn shuffled<T: Copy>(items: &[T]) -> impl Iterator<Item = T> + '_ {
    let mut order: Vec<usize> = (0..items.len()).collect();
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    for i in (1..order.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        order.swap(i, (state % (i as u64 + 1)) as usize);
    }
    order.into_iter().map(move |i| items[i])
}
