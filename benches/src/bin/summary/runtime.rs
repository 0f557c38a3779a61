//! Lookups against `HashMap`, `ApiError` against `serde_json::Value`, and Connect redirects,
//! each counted for allocations where the goal says none.

use std::hint::black_box;
use std::time::Duration;

use smartcar_errors::{ApiError, Redirect};
use smartcar_errors_bench::alloc::Counting;
use smartcar_errors_bench::measure::{batch_size, format_duration, interleaved};
use smartcar_errors_bench::report::{Goal, Row};
use smartcar_errors_bench::{catalog, documented, lookup};

/// Rounds of each interleaved comparison.
const ROUNDS: usize = 31;
/// About how long one round of a fast operation lasts.
const ROUND: Duration = Duration::from_millis(4);

pub fn rows<A>(rows: &mut Vec<Row>, alloc: &Counting<A>) -> Result<(), String> {
    lookups(rows, alloc);
    documented(rows)
}

/// Per-item time of `f` and `baseline`, each run over `items` items, in interleaved rounds.
fn compare(items: usize, f: &mut dyn FnMut() -> usize, baseline: &mut dyn FnMut() -> usize) -> (f64, f64) {
    let batch = batch_size(ROUND, &mut *f);
    let mut a = || (0..batch).map(|_| black_box(f())).sum::<usize>();
    let mut b = || (0..batch).map(|_| black_box(baseline())).sum::<usize>();
    let samples = interleaved(ROUNDS, &mut [&mut a, &mut b]);
    let per_item = |d: Duration| d.as_secs_f64() / (batch * items.max(1)) as f64;
    (per_item(samples[0].median()), per_item(samples[1].median()))
}

fn ns(secs: f64) -> String {
    if secs < 1e-6 {
        format!("{:.1} ns", secs * 1e9)
    } else {
        format_duration(Duration::from_secs_f64(secs))
    }
}

fn lookups<A>(rows: &mut Vec<Row>, alloc: &Counting<A>) {
    type Big = catalog::ApiErrorCode;
    type BigConnect = catalog::ConnectErrorCode;
    type Real = smartcar_errors::ApiErrorCode;

    let keys = lookup::api_keys::<Big>();
    let map = lookup::api_map::<Big>();
    let (found, allocations) = alloc.count(|| lookup::from_parts_all::<Big>(&keys));
    assert_eq!(found, keys.len(), "every code of the large catalog is found");
    let (value, baseline) = compare(
        keys.len(),
        &mut || lookup::from_parts_all::<Big>(&keys),
        &mut || lookup::hash_map_all(&map, &keys),
    );
    rows.push(Row::new(
        format!(
            "`ApiErrorCode::from_parts`, all {} codes of a generated catalog",
            keys.len()
        ),
        (format!("{}/lookup, {allocations} allocations", ns(value)), value),
        (
            format!("`HashMap<(String, Option<String>), _>`: {}", ns(baseline)),
            baseline,
        ),
        Goal::BelowWithoutAllocating(1.0, allocations),
    ));

    let keys = lookup::api_keys::<Real>();
    let map = lookup::api_map::<Real>();
    let real = |keys: &[lookup::ApiKey]| {
        keys.iter()
            .filter(|(t, c)| smartcar_errors::ApiErrorCode::from_parts(t, c.as_deref()).is_some())
            .count()
    };
    let (found, allocations) = alloc.count(|| real(&keys));
    assert_eq!(found, keys.len(), "every code of smartcar-errors is found");
    let (value, baseline) = compare(keys.len(), &mut || real(&keys), &mut || {
        lookup::hash_map_all(&map, &keys)
    });
    rows.push(Row::new(
        format!(
            "`ApiErrorCode::from_parts`, all {} codes of smartcar-errors",
            keys.len()
        ),
        (format!("{}/lookup, {allocations} allocations", ns(value)), value),
        (format!("`HashMap`: {}", ns(baseline)), baseline),
        Goal::BelowWithoutAllocating(1.0, allocations),
    ));

    let names = lookup::names::<BigConnect>();
    let map = lookup::name_map::<BigConnect>();
    let (found, allocations) = alloc.count(|| lookup::from_name_all::<BigConnect>(&names));
    assert_eq!(found, names.len());
    let (value, baseline) = compare(
        names.len(),
        &mut || lookup::from_name_all::<BigConnect>(&names),
        &mut || lookup::name_map_all(&map, &names),
    );
    rows.push(Row::new(
        format!(
            "`ConnectErrorCode::from_str`, all {} errors of a generated catalog",
            names.len()
        ),
        (format!("{}/lookup, {allocations} allocations", ns(value)), value),
        (format!("`HashMap<String, _>`: {}", ns(baseline)), baseline),
        Goal::BelowWithoutAllocating(1.0, allocations),
    ));

    let names = lookup::names::<smartcar_errors::ConnectErrorCode>();
    let map = lookup::name_map::<smartcar_errors::ConnectErrorCode>();
    let (found, allocations) = alloc.count(|| lookup::from_str_all(&names));
    assert_eq!(found, names.len());
    let (value, baseline) = compare(names.len(), &mut || lookup::from_str_all(&names), &mut || {
        lookup::name_map_all(&map, &names)
    });
    rows.push(Row::new(
        format!(
            "`ConnectErrorCode::from_str`, all {} errors of smartcar-errors",
            names.len()
        ),
        (format!("{}/lookup, {allocations} allocations", ns(value)), value),
        (format!("`HashMap<String, _>`: {}", ns(baseline)), baseline),
        Goal::BelowWithoutAllocating(1.0, allocations),
    ));
}

/// `ApiError` and `Redirect` on the examples of the docs snapshot.
fn documented(rows: &mut Vec<Row>) -> Result<(), String> {
    let documented::Examples {
        api_examples: examples,
        redirects,
    } = documented::examples();
    if examples.is_empty() || redirects.is_empty() {
        return Err("the docs snapshot has no examples".into());
    }

    let (value, baseline) = compare(
        examples.len(),
        &mut || {
            examples
                .iter()
                .filter(|json| serde_json::from_str::<ApiError>(json).is_ok())
                .count()
        },
        &mut || {
            examples
                .iter()
                .filter(|json| serde_json::from_str::<serde_json::Value>(json).is_ok())
                .count()
        },
    );
    rows.push(Row::new(
        format!("`ApiError` from the {} documented examples", examples.len()),
        (format!("{}/example", ns(value)), value),
        (format!("`serde_json::Value`: {}", ns(baseline)), baseline),
        Goal::AtMost(1.0),
    ));

    let redirects = documented::redirects(&redirects);
    let read = |redirects: &[String]| {
        redirects
            .iter()
            .filter(|uri| Redirect::from_uri(uri).is_ok())
            .count()
    };
    if read(&redirects) != redirects.len() {
        return Err("a documented redirect does not read".into());
    }
    let (value, baseline) = compare(redirects.len(), &mut || read(&redirects), &mut || {
        redirects.iter().map(|uri| documented::decode_query(uri)).sum()
    });
    rows.push(Row::new(
        format!(
            "`Redirect::from_uri`, the {} documented redirects (errors and a success)",
            redirects.len()
        ),
        (format!("{}/redirect", ns(value)), value),
        (
            format!("decoding the query into owned pairs: {}", ns(baseline)),
            baseline,
        ),
        Goal::None,
    ));
    Ok(())
}
