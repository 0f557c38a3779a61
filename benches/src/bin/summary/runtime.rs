//! `ApiError` against `serde_json::Value` (documented examples, 1 MB and 10 MB bodies: time and
//! peak memory), `Display` of an error from a huge body, and Connect redirects.

use std::ffi::OsStr;
use std::hint::black_box;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use smartcar_errors::ApiError;
use smartcar_errors_bench::alloc::Counting;
use smartcar_errors_bench::documented;
use smartcar_errors_bench::measure::{format_duration, format_secs as ns, per_item};
use smartcar_errors_bench::report::{Goal, Row};

use crate::{progress, run_child, two_numbers};

/// Headers of an error response, as `from_response` is given them.
const HEADERS: [(&str, &str); 3] = [
    ("Content-Type", "application/json"),
    ("SC-Request-Id", "9c8dd6fa-f9d7-4d18-9fdd-2255f6cd8613"),
    ("Retry-After", "30"),
];

/// The runtime rows: error bodies, `Display`, redirects.
pub fn rows<A>(rows: &mut Vec<Row>, alloc: &Counting<A>) -> Result<(), String> {
    documented(rows)?;
    for (label, bytes, runs) in [("1 MB", 1 << 20, 31), ("10 MB", 10 << 20, 11)] {
        large_body(rows, label, bytes, runs)?;
    }
    display(rows, alloc);
    Ok(())
}

/// Per-item time of `f` and `baseline`, each run over `items` items, in interleaved rounds.
fn compare(items: usize, f: &mut dyn FnMut() -> usize, baseline: &mut dyn FnMut() -> usize) -> (f64, f64) {
    let times = per_item(items, &mut [f, baseline]);
    (times[0], times[1])
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
        &mut || documented::api_errors(&examples),
        &mut || documented::json_values(&examples),
    );
    rows.push(Row::new(
        format!("`ApiError` from the {} documented examples", examples.len()),
        (format!("{}/example", ns(value)), value),
        (format!("`serde_json::Value`: {}", ns(baseline)), baseline),
        Goal::AtMost(1.0),
    ));

    let (value, baseline) = compare(
        examples.len(),
        &mut || documented::api_errors_from_response(&examples, HEADERS),
        &mut || documented::json_values_from_slice(&examples),
    );
    rows.push(Row::new(
        format!(
            "`ApiError::from_response` (status, headers, body), the {} documented examples",
            examples.len()
        ),
        (format!("{}/example", ns(value)), value),
        (format!("`serde_json::Value`: {}", ns(baseline)), baseline),
        Goal::AtMost(1.0),
    ));

    let (value, baseline) = compare(
        examples.len(),
        &mut || documented::api_errors_from_response(&examples, HEADERS),
        &mut || documented::derived_structs(&examples),
    );
    rows.push(Row::new(
        format!(
            "`ApiError::from_response` and `known()`, the {} documented examples",
            examples.len()
        ),
        (format!("{}/example", ns(value)), value),
        (
            format!("`#[derive(Deserialize)]` struct: {}", ns(baseline)),
            baseline,
        ),
        Goal::AtMost(1.0),
    ));

    let redirects = documented::redirects(&redirects);
    if documented::read_redirects(&redirects) != redirects.len() {
        return Err("a documented redirect does not read".into());
    }
    let (value, baseline) = compare(
        redirects.len(),
        &mut || documented::read_redirects(&redirects),
        &mut || documented::decode_queries(&redirects),
    );
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

/// Child processes per reader and body size: they alternate, each with the same fresh heap,
/// so that neither reader runs on memory the other just freed.
const LARGE_BODY_CHILDREN: usize = 3;

/// `ApiError::from_response` on a documented body grown to `bytes`, against parsing it into a
/// `serde_json::Value`: the median time of `runs` parses and the peak memory of one, each
/// reader in child processes of its own.
fn large_body(rows: &mut Vec<Row>, label: &str, bytes: usize, runs: usize) -> Result<(), String> {
    progress!("a {label} error body");
    let mut times = [Vec::new(), Vec::new()];
    let mut peaks = [usize::MAX; 2];
    for _ in 0..LARGE_BODY_CHILDREN {
        for (i, reader) in LargeBodyReader::ALL.into_iter().enumerate() {
            let (time, peak) = large_body_in_child(reader, bytes, runs)?;
            times[i].push(time);
            peaks[i] = peaks[i].min(peak);
        }
    }
    let [time, baseline] = times.map(|mut times| {
        times.sort_unstable();
        times[times.len() / 2]
    });
    rows.push(Row::new(
        format!("`ApiError::from_response`, a {label} error body: time"),
        (format_duration(time), time.as_secs_f64()),
        (
            format!("`serde_json::Value`: {}", format_duration(baseline)),
            baseline.as_secs_f64(),
        ),
        Goal::AtMost(1.0),
    ));
    let [peak, baseline] = peaks;
    rows.push(Row::new(
        format!("`ApiError::from_response`, a {label} error body: peak memory"),
        (mb(peak), peak as f64),
        (format!("`serde_json::Value`: {}", mb(baseline)), baseline as f64),
        Goal::AtMost(1.2),
    ));
    Ok(())
}

/// What reads the large body in a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LargeBodyReader {
    /// `ApiError::from_response`
    ApiError,
    /// `serde_json::from_slice::<serde_json::Value>`
    JsonValue,
}

impl LargeBodyReader {
    const ALL: [LargeBodyReader; 2] = [LargeBodyReader::ApiError, LargeBodyReader::JsonValue];

    fn name(self) -> &'static str {
        match self {
            LargeBodyReader::ApiError => "api-error",
            LargeBodyReader::JsonValue => "json-value",
        }
    }

    /// Reads `body` and returns whether it read what it should.
    fn read(self, body: &[u8]) -> bool {
        match self {
            LargeBodyReader::ApiError => black_box(ApiError::from_response(500, HEADERS, black_box(body)))
                .detail()
                .is_some(),
            LargeBodyReader::JsonValue => {
                black_box(serde_json::from_slice::<serde_json::Value>(black_box(body))).is_ok()
            }
        }
    }
}

/// Runs the child `--large-body READER BYTES RUNS` and returns its median time and peak.
fn large_body_in_child(
    reader: LargeBodyReader,
    bytes: usize,
    runs: usize,
) -> Result<(Duration, usize), String> {
    let [nanos, peak] = run_child(
        &[
            OsStr::new("--large-body"),
            OsStr::new(reader.name()),
            OsStr::new(&bytes.to_string()),
            OsStr::new(&runs.to_string()),
        ],
        &format!("the {} child reported no time and peak", reader.name()),
        two_numbers,
    )?;
    Ok((Duration::from_nanos(nanos), peak as usize))
}

/// The child: reads the documented body grown to `bytes` once for its peak memory, then
/// `runs` times, and prints the median time in nanoseconds (to read, without freeing what
/// was read) and the peak in bytes.
pub fn large_body_child<A>(alloc: &Counting<A>, args: &[String]) -> ExitCode {
    let reader = LargeBodyReader::ALL
        .into_iter()
        .find(|reader| args.first().map(String::as_str) == Some(reader.name()));
    let numbers: Vec<usize> = args.iter().skip(1).filter_map(|arg| arg.parse().ok()).collect();
    let (Some(reader), &[bytes, runs]) = (reader, &numbers[..]) else {
        eprintln!("usage: --large-body api-error|json-value BYTES RUNS");
        return ExitCode::FAILURE;
    };
    let body = documented::large_error_body(bytes);
    let (read, peak) = alloc.peak(|| reader.read(&body));
    if !read {
        eprintln!("the body did not read as an error with a detail, or as JSON");
        return ExitCode::FAILURE;
    }
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| match reader {
            LargeBodyReader::ApiError => {
                time_read(|| ApiError::from_response(500, HEADERS, black_box(&body)))
            }
            LargeBodyReader::JsonValue => {
                time_read(|| serde_json::from_slice::<serde_json::Value>(black_box(&body)))
            }
        })
        .collect();
    times.sort_unstable();
    println!("{} {peak}", times[times.len() / 2].as_nanos());
    ExitCode::SUCCESS
}

/// How long `read` takes, without freeing what it returns.
fn time_read<T>(read: impl FnOnce() -> T) -> Duration {
    let start = Instant::now();
    let value = black_box(read());
    let elapsed = start.elapsed();
    drop(value);
    elapsed
}

/// `Display` of an error whose description is 10 MB, against one whose description is 1 KB:
/// both show the same excerpt.
fn display<A>(rows: &mut Vec<Row>, alloc: &Counting<A>) {
    let huge = ApiError::from_response(500, HEADERS, &documented::long_description_body(10 << 20));
    let small = ApiError::from_response(500, HEADERS, &documented::long_description_body(1 << 10));
    assert_eq!(huge.to_string(), small.to_string(), "both show the same excerpt");
    let (_, allocations) = alloc.count(|| huge.to_string());
    let (_, peak) = alloc.peak(|| huge.to_string());
    let (value, baseline) = compare(1, &mut || huge.to_string().len(), &mut || small.to_string().len());
    rows.push(Row::new(
        "`Display` of an error with a 10 MB description",
        (
            format!("{}, {allocations} allocations, {peak} bytes at peak", ns(value)),
            value,
        ),
        (format!("a 1 KB description: {}", ns(baseline)), baseline),
        Goal::AtMost(1.2),
    ));
}

/// Bytes in MB (2^20 bytes).
fn mb(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / f64::from(1 << 20))
}
