//! Build times and memory: the generated catalogs of 20,000 and 60 codes, and the clean default
//! build of smartcar-errors against an empty crate.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use smartcar_errors_bench::builds::{self, Build, Crate, Profile};
use smartcar_errors_bench::probe::root;
use smartcar_errors_bench::report::{Goal, Row};

use crate::lookups::Probes;
use crate::units::{mb, secs, thousands};
use crate::{progress, run_child, two_numbers};

/// The build rows: the catalogs of 20,000 and 60 codes, and smartcar-errors from clean.
pub fn rows(rows: &mut Vec<Row>, probes: &Probes) -> Result<(), String> {
    catalog_builds(rows, probes)?;
    default_build(rows)
}

/// `cargo build` (debug, not incremental) of each probe's library, which is its catalog and the
/// lookup measurements: the 20,000-code catalog against the 60-code one, in time and in the
/// peak memory of the compiler.
fn catalog_builds(rows: &mut Vec<Row>, probes: &Probes) -> Result<(), String> {
    let root = root();
    let target = root.join("target");
    // The dependencies, built once and kept, so the timed builds compile the catalogs alone.
    progress!("building the catalogs' dependencies");
    Crate::write(&root, "catalog-probe-deps", true, &[("lib.rs", "")])?.build(
        &target,
        Profile::Debug,
        &[],
    )?;
    let mut builds: Vec<Build> = Vec::new();
    for probe in probes.all() {
        progress!(
            "cargo build of {} ({:.1} MB of generated Rust)",
            probe.krate.name,
            mb(probe.code_bytes as u64)
        );
        builds.push(build_in_child(&probe.krate, &target)?);
    }
    let [small, large] = builds[..] else {
        return Err("expected two builds".into());
    };
    let (realistic, large_codes) = (probes.realistic.shape.codes(), probes.large.shape.codes());
    let catalog = format!(
        "a {}-code catalog ({:.0} MB of generated Rust)",
        thousands(large_codes),
        mb(probes.large.code_bytes as u64)
    );
    rows.push(Row::new(
        format!("`cargo build` of {catalog}: time"),
        secs(large.time),
        (
            format!("a {realistic}-code catalog: {:.1} s", small.time.as_secs_f64()),
            small.time.as_secs_f64(),
        ),
        Goal::None,
    ));
    rows.push(Row::new(
        format!("`cargo build` of {catalog}: peak memory of the compiler"),
        (format!("{:.0} MB", mb(large.peak_rss)), large.peak_rss as f64),
        (
            format!("a {realistic}-code catalog: {:.0} MB", mb(small.peak_rss)),
            small.peak_rss as f64,
        ),
        Goal::None,
    ));
    Ok(())
}

/// `cargo build --lib` of `krate` in `target`, run by a child process: this one holds too much
/// memory to measure the compiler's peak (see `machine::run_measured`).
fn build_in_child(krate: &Crate, target: &Path) -> Result<Build, String> {
    let [nanos, peak_rss] = run_child(
        &[
            OsStr::new("--build-lib"),
            krate.dir.as_os_str(),
            OsStr::new(&krate.name),
            target.as_os_str(),
        ],
        &format!("the build of {} reported no time and peak", krate.name),
        two_numbers,
    )?;
    Ok(Build {
        time: Duration::from_nanos(nanos),
        peak_rss,
    })
}

/// The child: `cargo build --lib` of the crate `NAME` in `DIR`, in `TARGET`; prints the time in
/// nanoseconds and the peak memory in bytes.
pub fn build_child(args: &[String]) -> ExitCode {
    let [dir, name, target] = args else {
        eprintln!("usage: --build-lib DIR NAME TARGET");
        return ExitCode::FAILURE;
    };
    let krate = Crate {
        dir: PathBuf::from(dir),
        name: name.clone(),
    };
    match krate.build(Path::new(target), Profile::Debug, &["--lib"]) {
        Ok(build) => {
            println!("{} {}", build.time.as_nanos(), build.peak_rss);
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{error}");
            ExitCode::FAILURE
        }
    }
}

/// The clean default build of smartcar-errors against an empty crate, each in a fresh target.
fn default_build(rows: &mut Vec<Row>) -> Result<(), String> {
    let root = root();
    let with = Crate::write(
        &root,
        "uses-smartcar-errors",
        true,
        &[("lib.rs", "pub use smartcar_errors;\n")],
    )?;
    let empty = Crate::write(&root, "empty-crate", false, &[("lib.rs", "")])?;
    let mut times = Vec::new();
    for krate in [&empty, &with] {
        let target = root.join(format!("clean-{}", krate.name));
        if target.exists() {
            fs::remove_dir_all(&target).map_err(|e| e.to_string())?;
        }
        progress!("clean cargo build of {}", krate.name);
        times.push(krate.build(&target, Profile::Debug, &[])?.time);
        fs::remove_dir_all(&target).map_err(|e| e.to_string())?;
    }
    let deps = dependencies().unwrap_or_default();
    rows.push(Row::new(
        format!(
            "clean `cargo build` of smartcar-errors (default features; {} dependencies: {})",
            deps.len(),
            deps.join(", ")
        ),
        secs(times[1]),
        (
            format!("empty crate: {:.1} s", times[0].as_secs_f64()),
            times[0].as_secs_f64(),
        ),
        Goal::None,
    ));
    Ok(())
}

/// The packages smartcar-errors' default build compiles, itself excluded.
fn dependencies() -> Option<Vec<String>> {
    let output = builds::cargo()
        .args([
            "tree",
            "--offline",
            "-p",
            "smartcar-errors",
            "-e",
            "normal,build",
            "--prefix",
            "none",
        ])
        .current_dir(builds::workspace_root())
        .output()
        .ok()?;
    let mut names: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "smartcar-errors")
        .map(str::to_owned)
        .collect();
    names.sort();
    names.dedup();
    Some(names)
}
