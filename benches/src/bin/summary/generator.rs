//! Generator throughput against pulldown-cmark tokenizing, its scaling, and its peak memory.

use std::ffi::OsStr;
use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use catalog_gen::Style;
use smartcar_errors_bench::checked_in::checked_in;
use smartcar_errors_bench::corpus::{self, Shape};
use smartcar_errors_bench::measure::{format_duration, interleaved, interleaved_on};
use smartcar_errors_bench::report::{Goal, Row};
use smartcar_errors_bench::workload::{self, Pages};
use smartcar_errors_bench::{builds, machine};

use crate::units::{mb, secs, thousands};
use crate::{progress, run_child};

/// The corpus of the throughput goals.
const CODES: usize = 20_000;
/// The corpora of the scaling rows; per-code time is compared with the first.
const SCALES: [usize; 3] = [1_000, 10_000, 100_000];
/// The corpora whose peak memory is measured.
const PEAK_SCALES: [usize; 2] = [20_000, 100_000];

/// The generator's rows: throughput at 20,000 codes, scaling, peak memory.
pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let pages = corpus::files(Shape::of(CODES));
    let bytes = workload::bytes(&pages);
    progress!(
        "corpus of {CODES} codes, {} pages, {:.1} MB",
        pages.len(),
        mb(bytes as u64)
    );
    let corpus = format!("{} codes, {:.1} MB", thousands(CODES), mb(bytes as u64));

    let copy = || pages.clone();
    let samples = interleaved_on(5, copy, &mut [workload::tokenize, workload::dump]);
    rows.push(Row::new(
        format!("`dump` ({corpus})"),
        secs(samples[1].median()),
        tokenized(samples[0].median()),
        Goal::AtMost(2.0),
    ));
    let samples = interleaved_on(3, copy, &mut [workload::tokenize, workload::generate]);
    rows.push(Row::new(
        format!("`generate` ({corpus})"),
        secs(samples[1].median()),
        tokenized(samples[0].median()),
        Goal::AtMost(5.0),
    ));
    breakdown(rows, &pages, &corpus);
    drop(pages);

    scaling(rows);
    for codes in PEAK_SCALES {
        peak_memory(rows, codes)?;
    }
    Ok(())
}

/// Where the time of `dump` and `generate` goes: reading, printing JSON, emitting, each against
/// tokenizing (no goal; they show what bounds the totals from below).
fn breakdown(rows: &mut Vec<Row>, pages: &Pages, corpus: &str) {
    let docs = workload::read(pages.clone());
    let samples = interleaved_on(
        3,
        || pages.clone(),
        &mut [
            &mut workload::tokenize as &mut dyn FnMut(Pages) -> usize,
            &mut |pages| workload::read(pages).catalog().api_errors.len(),
            &mut |_| workload::json(&docs),
            &mut |_| workload::code(&docs),
        ],
    );
    let steps = [
        "read: parse into the model and lower it (part of both)",
        "serialize the model to JSON (rest of `dump`)",
        "emit the catalog's data (rest of `generate`)",
    ];
    for (step, sample) in steps.iter().zip(&samples[1..]) {
        rows.push(Row::new(
            format!("{step} ({corpus})"),
            secs(sample.median()),
            tokenized(samples[0].median()),
            Goal::None,
        ));
    }
}

/// Per-code time of `dump` and `generate` at each scale, compared with the smallest; and at the
/// largest, the model's JSON built as one string against streamed (as `dump` prints it).
fn scaling(rows: &mut Vec<Row>) {
    let mut per_code: Vec<(usize, [Duration; 2])> = Vec::new();
    let mut json = None;
    for codes in SCALES {
        progress!("scaling: {codes} codes");
        let pages = corpus::files(Shape::of(codes));
        let samples = interleaved_on(3, || pages.clone(), &mut [workload::dump, workload::generate]);
        let n = codes as u32;
        per_code.push((codes, [samples[0].median() / n, samples[1].median() / n]));
        if codes == SCALES[SCALES.len() - 1] {
            let docs = workload::read(pages);
            let samples = interleaved(
                3,
                &mut [&mut || workload::json_string(&docs), &mut || {
                    workload::json(&docs)
                }],
            );
            json = Some((codes, samples[0].median() / n, samples[1].median() / n));
        }
    }
    let Some(&(small, base)) = per_code.first() else {
        return;
    };
    for (i, name) in ["dump", "generate"].into_iter().enumerate() {
        for &(codes, times) in &per_code[1..] {
            rows.push(Row::new(
                format!("`{name}` per code, {} codes", thousands(codes)),
                per(times[i]),
                (
                    format!("{} at {} codes", format_duration(base[i]), thousands(small)),
                    base[i].as_secs_f64(),
                ),
                Goal::AtMost(1.5),
            ));
        }
    }
    if let Some((codes, string, streamed)) = json {
        rows.push(Row::new(
            format!(
                "the model's JSON per code, {} codes, built as one string",
                thousands(codes)
            ),
            per(string),
            (
                format!("streamed (as `dump` prints it): {}", format_duration(streamed)),
                streamed.as_secs_f64(),
            ),
            Goal::None,
        ));
    }
}

/// Peak memory of a child process that generates the catalog of the corpus of `codes` codes
/// written to disk, as `catalog-gen generate` does.
fn peak_memory(rows: &mut Vec<Row>, codes: usize) -> Result<(), String> {
    let dir = builds::target_dir().join("bench-corpus").join(codes.to_string());
    let bytes =
        corpus::write(&dir, Shape::of(codes)).map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    progress!("peak memory of generate, {codes} codes");
    let (peak, read, code) = run_child(
        &[OsStr::new("--peak-generate"), dir.as_os_str()],
        "the child reported no peak",
        |stdout| {
            let field = |name: &str| -> Option<u64> {
                stdout
                    .split_whitespace()
                    .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
            };
            Some((field("peak")?, field("read")?, field("output")?))
        },
    )?;
    let n = thousands(codes);
    let corpus = (format!("corpus: {:.1} MB", mb(bytes)), bytes as f64);
    rows.push(Row::new(
        format!("peak memory after reading the pages ({n} codes)"),
        (format!("{:.0} MB", mb(read)), read as f64),
        corpus.clone(),
        Goal::None,
    ));
    rows.push(Row::new(
        format!("size of the generated code ({n} codes)"),
        (format!("{:.0} MB", mb(code)), code as f64),
        corpus.clone(),
        Goal::None,
    ));
    rows.push(Row::new(
        format!("peak memory of `generate` ({n} codes)"),
        (format!("{:.0} MB", mb(peak)), peak as f64),
        corpus,
        Goal::AtMost(10.0),
    ));
    Ok(())
}

/// The child: does what `catalog-gen generate` does with the snapshot in `dir` (read it with
/// the settings of the checked-in catalog, render its diagnostics, write the catalog into a
/// file beside it) and prints `read=BYTES
/// peak=BYTES output=BYTES`: the process's peak resident memory after reading the pages, its
/// peak over the whole run, and the size of the code.
pub fn peak_child(dir: &Path) -> ExitCode {
    let out = dir.with_extension("rs");
    let result = checked_in(dir)
        .read()
        .and_then(|docs| {
            eprint!("{}", docs.render(docs.diagnostics(), Style::Plain));
            let after_read = machine::peak_rss();
            docs.write(&out)?;
            Ok(after_read)
        })
        .map_err(|e| e.to_string())
        .and_then(|after_read| {
            let size = std::fs::metadata(&out).map_err(|e| e.to_string())?.len();
            Ok((after_read, size))
        });
    let _ = std::fs::remove_file(&out);
    match (result, machine::peak_rss()) {
        (Ok((Some(read), size)), Some(peak)) => {
            println!("read={read} peak={peak} output={size}");
            ExitCode::SUCCESS
        }
        (Err(error), _) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
        (Ok(_), _) => {
            eprintln!("no /proc/self/status to read the peak from");
            ExitCode::FAILURE
        }
    }
}

/// A time per code as a row's value.
fn per(duration: Duration) -> (String, f64) {
    (
        format!("{}/code", format_duration(duration)),
        duration.as_secs_f64(),
    )
}

/// The tokenizing baseline as a row's baseline.
fn tokenized(duration: Duration) -> (String, f64) {
    (
        format!("pulldown-cmark tokenizing: {}", format_duration(duration)),
        duration.as_secs_f64(),
    )
}
