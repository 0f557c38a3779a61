//! Generator throughput against pulldown-cmark tokenizing, its scaling, and its peak memory.

use std::path::Path;
use std::process::{Command, ExitCode};
use std::time::Duration;

use catalog_gen::{EmitOptions, Snapshot};
use smartcar_errors_bench::measure::{format_duration, interleaved};
use smartcar_errors_bench::report::{Goal, Row};
use smartcar_errors_bench::{builds, corpus, machine, workload};

use crate::progress;

/// The corpus of the throughput and memory goals.
const CODES: usize = 20_000;
/// The corpora of the scaling rows; per-code time is compared with the first.
const SCALES: [usize; 3] = [1_000, 10_000, 100_000];

pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let snapshot = workload::snapshot(CODES);
    let bytes = workload::bytes(&snapshot);
    progress!(
        "corpus of {CODES} codes, {} pages, {:.1} MB",
        snapshot.files.len(),
        mb(bytes as u64)
    );
    let corpus = format!("{CODES} codes, {:.1} MB", mb(bytes as u64));

    let samples = interleaved(
        5,
        &mut [&mut || workload::tokenize(&snapshot), &mut || {
            workload::dump(&snapshot)
        }],
    );
    rows.push(Row::new(
        format!("`dump` ({corpus})"),
        secs(samples[1].median()),
        tokenized(samples[0].median()),
        Goal::AtMost(2.0),
    ));
    let samples = interleaved(
        3,
        &mut [&mut || workload::tokenize(&snapshot), &mut || {
            workload::generate(&snapshot)
        }],
    );
    rows.push(Row::new(
        format!("`generate` ({corpus})"),
        secs(samples[1].median()),
        tokenized(samples[0].median()),
        Goal::AtMost(5.0),
    ));
    breakdown(rows, &snapshot, &corpus);
    drop(snapshot);

    scaling(rows);
    peak_memory(rows)
}

/// Where the time of `dump` and `generate` goes: parsing, serializing, emitting, each against
/// tokenizing (no goal; they show what bounds the totals from below).
fn breakdown(rows: &mut Vec<Row>, snapshot: &Snapshot, corpus: &str) {
    let parsed = catalog_gen::parse_snapshot(snapshot);
    let options = EmitOptions::default();
    let samples = interleaved(
        3,
        &mut [
            &mut || workload::tokenize(snapshot),
            &mut || catalog_gen::parse_snapshot(snapshot).catalog.api_errors.len(),
            &mut || serde_json::to_string_pretty(&parsed.catalog).map_or(0, |json| json.len()),
            &mut || catalog_gen::emit::emit(&parsed.catalog, "0", &options).map_or(0, |code| code.len()),
        ],
    );
    let steps = [
        "parse into the model (part of both)",
        "serialize the model to JSON (rest of `dump`)",
        "emit: quote, syn, prettyplease (rest of `generate`)",
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

/// Per-code time of `dump` and `generate` at each scale, compared with the smallest.
fn scaling(rows: &mut Vec<Row>) {
    let mut per_code: Vec<(usize, Duration, Duration)> = Vec::new();
    for codes in SCALES {
        progress!("scaling: {codes} codes");
        let snapshot = workload::snapshot(codes);
        let (dump_runs, generate_runs) = if codes >= 100_000 { (3, 3) } else { (5, 3) };
        let dump = interleaved(dump_runs, &mut [&mut || workload::dump(&snapshot)]);
        let generate = interleaved(generate_runs, &mut [&mut || workload::generate(&snapshot)]);
        let n = codes as u32;
        per_code.push((codes, dump[0].median() / n, generate[0].median() / n));
    }
    let Some(&(small, small_dump, small_generate)) = per_code.first() else {
        return;
    };
    for (name, pick) in [("dump", 1), ("generate", 2)] {
        let base = if pick == 1 { small_dump } else { small_generate };
        for &(codes, dump, generate) in &per_code[1..] {
            let value = if pick == 1 { dump } else { generate };
            rows.push(Row::new(
                format!("`{name}` per code, {} codes", thousands(codes)),
                per(value),
                (
                    format!("{} at {} codes", format_duration(base), thousands(small)),
                    base.as_secs_f64(),
                ),
                Goal::AtMost(1.5),
            ));
        }
    }
}

/// Peak memory of a child process that generates the catalog of the corpus written to disk.
fn peak_memory(rows: &mut Vec<Row>) -> Result<(), String> {
    let dir = builds::target_dir().join("bench-corpus").join(CODES.to_string());
    let bytes = corpus::write(&dir, CODES).map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
    progress!("peak memory of generate");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let output = Command::new(exe)
        .arg("--peak-generate")
        .arg(&dir)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let field = |name: &str| -> Option<u64> {
        stdout
            .split_whitespace()
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
    };
    let (Some(peak), Some(read), Some(code)) = (field("peak"), field("read"), field("output")) else {
        return Err(format!(
            "the child reported no peak: {stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        ));
    };
    rows.push(Row::new(
        format!("peak memory after reading the pages ({CODES} codes)"),
        (format!("{:.0} MB", mb(read)), read as f64),
        (format!("corpus {:.1} MB", mb(bytes)), bytes as f64),
        Goal::None,
    ));
    rows.push(Row::new(
        format!("size of the generated code ({CODES} codes; streamed to the file)"),
        (format!("{:.0} MB", mb(code)), code as f64),
        (format!("corpus {:.1} MB", mb(bytes)), bytes as f64),
        Goal::None,
    ));
    rows.push(Row::new(
        format!("peak memory of `generate` ({CODES} codes)"),
        (format!("{:.0} MB", mb(peak)), peak as f64),
        (format!("corpus {:.1} MB", mb(bytes)), bytes as f64),
        Goal::Below(4.0),
    ));
    Ok(())
}

/// The child: does what `catalog-gen generate` does with the snapshot in `dir` (read it,
/// generate the catalog into a file beside it) and prints `read=BYTES peak=BYTES
/// output=BYTES`: the peak after reading the pages, the peak of the whole run, and the size
/// of the code.
pub fn peak_child(dir: &Path) -> ExitCode {
    let out = dir.with_extension("rs");
    let result = Snapshot::read(dir)
        .map_err(|e| e.to_string())
        .and_then(|snapshot| {
            let after_read = machine::peak_rss();
            catalog_gen::generate_file(snapshot, &EmitOptions::default(), &out).map_err(|e| e.to_string())?;
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

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn secs(duration: Duration) -> (String, f64) {
    (format_duration(duration), duration.as_secs_f64())
}

fn per(duration: Duration) -> (String, f64) {
    (
        format!("{}/code", format_duration(duration)),
        duration.as_secs_f64(),
    )
}

fn tokenized(duration: Duration) -> (String, f64) {
    (
        format!("pulldown-cmark tokenizing: {}", format_duration(duration)),
        duration.as_secs_f64(),
    )
}

fn thousands(n: usize) -> String {
    if n >= 1000 && n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}
