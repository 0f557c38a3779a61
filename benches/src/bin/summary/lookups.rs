//! Lookups of smartcar-errors' catalog, of a realistic generated catalog (60 codes) and of a
//! 20,000-code one: the catalogs' hash index against a binary search over the sorted keys and
//! against a `HashMap`, measured in probe crates built at run time.

use smartcar_errors_bench::lookup::Comparison;
use smartcar_errors_bench::measure::format_secs;
use smartcar_errors_bench::probe::{self, Probe, root};
use smartcar_errors_bench::report::{Goal, Row};

use crate::progress;
use crate::units::thousands;

/// The probe crates of [`probe::catalogs`]: the realistic catalog, then the 20,000-code one.
pub struct Probes {
    /// 60 codes, the size of Smartcar's docs.
    pub realistic: Probe,
    /// 20,000 codes, the generator benchmark's corpus.
    pub large: Probe,
}

impl Probes {
    /// Both probes, smallest first.
    pub fn all(&self) -> [&Probe; 2] {
        [&self.realistic, &self.large]
    }
}

/// Generates both catalogs and writes their probe crates under `target/bench-builds`.
pub fn write_probes() -> Result<Probes, String> {
    let root = root();
    progress!("generating the probe catalogs");
    let [(realistic, realistic_shape), (large, large_shape)] = probe::catalogs();
    Ok(Probes {
        realistic: Probe::write(&root, realistic, realistic_shape)?,
        large: Probe::write(&root, large, large_shape)?,
    })
}

/// The lookup rows: two per lookup and catalog, against each baseline.
pub fn rows(rows: &mut Vec<Row>, probes: &Probes) -> Result<(), String> {
    let target = root().join("target");
    let mut built_in = None;
    let mut generated = Vec::new();
    for probe in probes.all() {
        progress!("cargo build --release of {} and its lookups", probe.krate.name);
        let measured = probe.measure(&target)?;
        built_in.get_or_insert(measured.built_in);
        generated.push((probe.shape, measured.generated));
    }
    let catalogs = built_in
        .map(|measured| ("smartcar-errors' catalog".to_owned(), measured))
        .into_iter()
        .chain(generated.into_iter().map(|(shape, measured)| {
            (
                format!("a generated {}-code catalog", thousands(shape.codes())),
                measured,
            )
        }));
    for (catalog, measured) in catalogs {
        for comparison in &measured {
            push_comparison(rows, &catalog, comparison);
        }
    }
    Ok(())
}

/// Two rows for one lookup: against the binary search, and against the `HashMap`.
fn push_comparison(rows: &mut Vec<Row>, catalog: &str, comparison: &Comparison) {
    let (lookup, keys) = match comparison.lookup.as_str() {
        "from_parts" => ("`ApiErrorCode::from_parts`", "API codes"),
        _ => ("`ConnectErrorCode::from_str`", "Connect errors"),
    };
    let measurement = format!("{lookup}, all {} {keys} of {catalog}", comparison.keys);
    let value = |detail: String| {
        (
            format!("{}, {detail}", format_secs(comparison.index)),
            comparison.index,
        )
    };
    rows.push(Row::new(
        format!("{measurement} vs binary search"),
        value(format!(
            "first lookup (builds the index): {}",
            format_secs(comparison.first)
        )),
        (
            format!(
                "binary search of the sorted keys: {}",
                format_secs(comparison.binary_search)
            ),
            comparison.binary_search,
        ),
        Goal::Below(1.0),
    ));
    let map = match comparison.lookup.as_str() {
        "from_parts" => "`HashMap<(String, Option<String>), _>`",
        _ => "`HashMap<String, _>`",
    };
    rows.push(Row::new(
        format!("{measurement} vs `HashMap`"),
        value(format!("{} allocations", comparison.allocations)),
        (
            format!("{map}: {}", format_secs(comparison.hash_map)),
            comparison.hash_map,
        ),
        Goal::BelowWithoutAllocating(1.0, comparison.allocations),
    ));
}
