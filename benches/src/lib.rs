//! Benchmarks of catalog-gen and smartcar-errors: a synthetic corpus in the docs' format, the
//! measured operations and their baselines, and the pieces of the `summary` program.
//!
//! No catalog larger than smartcar-errors' own is compiled into this package: the generated
//! catalogs whose lookups and builds are measured are compiled at run time, in throwaway crates
//! under `target/` ([`probe`], [`builds`]).

pub mod alloc;
pub mod builds;
#[path = "../../catalog-gen/src/bin/catalog-gen/checked_in.rs"]
pub mod checked_in;
pub mod corpus;
pub mod documented;
pub mod lookup;
pub mod machine;
pub mod measure;
pub mod probe;
pub mod report;
pub mod workload;

lookup_codes!(smartcar_errors);

#[cfg(test)]
mod tests {
    use crate::alloc::Counting;
    use crate::lookup::{self, SortedKeys};
    use smartcar_errors::{ApiErrorCode, ConnectErrorCode};

    #[test]
    fn every_lookup_finds_every_code_of_smartcar_errors() {
        let keys = lookup::api_keys::<ApiErrorCode>();
        assert_eq!(keys.len(), ApiErrorCode::ALL.len());
        assert_eq!(lookup::from_parts_all::<ApiErrorCode>(&keys), keys.len());
        assert_eq!(
            lookup::binary_search_all(&SortedKeys::<_, ApiErrorCode>::api(), &keys),
            keys.len()
        );
        assert_eq!(
            lookup::hash_map_all(&lookup::api_map::<ApiErrorCode>(), &keys),
            keys.len()
        );
        let sorted = SortedKeys::<_, ApiErrorCode>::api();
        assert_eq!(sorted.find("SERVER", Some("NOPE")), None);
        assert_eq!(
            sorted.find("SERVER", Some("INTERNAL")),
            Some(ApiErrorCode::ServerInternal)
        );

        let names = lookup::names::<ConnectErrorCode>();
        assert_eq!(lookup::from_str_all::<ConnectErrorCode>(&names), names.len());
        let sorted = SortedKeys::<_, ConnectErrorCode>::names();
        assert_eq!(lookup::binary_search_names(&sorted, &names), names.len());
        assert_eq!(
            sorted.find_name("server_error"),
            Some(ConnectErrorCode::ServerError)
        );
        assert_eq!(sorted.find_name("server"), None);
    }

    #[test]
    fn comparisons_read_back_as_printed() {
        let comparison = lookup::compare_connect::<ConnectErrorCode, _>(&Counting::new());
        assert_eq!(comparison.keys, ConnectErrorCode::ALL.len());
        assert!(comparison.index > 0.0 && comparison.binary_search > 0.0 && comparison.hash_map > 0.0);
        assert_eq!(lookup::Comparison::parse(&comparison.line()), Some(comparison));
    }
}
