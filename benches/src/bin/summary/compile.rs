//! Build times: the 20,000-code catalog in each emitted shape, and the clean default build of
//! smartcar-errors against an empty crate.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Duration;

use smartcar_errors_bench::builds::{self, Crate, crate_name, shape_sources};
use smartcar_errors_bench::report::{Goal, Row};
use smartcar_errors_bench::shapes::{self, Shape};
use smartcar_errors_bench::workload;

use crate::progress;

/// The corpus whose catalog is built.
const CODES: usize = 20_000;

pub fn rows(rows: &mut Vec<Row>, release_shapes: bool) -> Result<(), String> {
    shape_builds(rows, release_shapes)?;
    default_build(rows)
}

fn shape_builds(rows: &mut Vec<Row>, release: bool) -> Result<(), String> {
    let root = builds::target_dir().join("bench-builds");
    let target = root.join("target");
    let catalog = catalog_gen::parse_snapshot(&workload::snapshot(CODES)).catalog;
    let mut crates = Vec::new();
    for shape in Shape::ALL {
        let code = shapes::emit(&catalog, shape).map_err(|e| e.to_string())?;
        let sources = shape_sources(shape);
        let mut files: Vec<(&str, &str)> = sources.iter().map(|(p, t)| (*p, t.as_str())).collect();
        files.push(("generated.rs", &code));
        let krate = Crate::write(&root, &crate_name(shape), true, &files).map_err(|e| e.to_string())?;
        crates.push((shape, krate, code.len()));
    }
    // The dependencies, built once and kept, so the timed builds compile the catalog alone.
    progress!("building the catalogs' dependencies");
    let deps =
        Crate::write(&root, "catalog-shape-deps", true, &[("lib.rs", "")]).map_err(|e| e.to_string())?;
    for profile in if release { &[false, true][..] } else { &[false][..] } {
        deps.build(&target, *profile).map_err(|e| e.to_string())?;
    }

    let mut debug = Vec::new();
    for (shape, krate, bytes) in &crates {
        progress!(
            "cargo build, {} shape ({:.0} MB of Rust)",
            shape.name(),
            *bytes as f64 / 1e6
        );
        debug.push(krate.build(&target, false).map_err(|e| e.to_string())?);
    }
    rows.push(Row::new(
        format!(
            "`cargo build` of a {} catalog, table shape (emitted)",
            thousands(CODES)
        ),
        secs(debug[0]),
        (
            format!("match shape: {:.1} s", debug[1].as_secs_f64()),
            debug[1].as_secs_f64(),
        ),
        Goal::AtMost(1.0),
    ));
    if release {
        release_shapes(rows, &crates, &target, &root, &catalog)?;
    }
    Ok(())
}

/// Release builds of both shapes and the lookups of each over every code.
fn release_shapes(
    rows: &mut Vec<Row>,
    crates: &[(Shape, Crate, usize)],
    target: &Path,
    root: &Path,
    catalog: &catalog_gen::Catalog,
) -> Result<(), String> {
    let keys = root.join("keys.tsv");
    let mut lines: Vec<String> = catalog
        .api_errors
        .iter()
        .map(|e| format!("{}\t{}", e.error_type, e.code.as_deref().unwrap_or("-")))
        .collect();
    lines.extend(
        catalog
            .connect_errors
            .iter()
            .map(|e| format!("connect\t{}", e.error)),
    );
    fs::write(&keys, lines.join("\n")).map_err(|e| e.to_string())?;
    let mut results = Vec::new();
    for (shape, krate, _) in crates {
        progress!("cargo build --release, {} shape", shape.name());
        let time = krate.build(target, true).map_err(|e| e.to_string())?;
        let output = Command::new(krate.binary(target, true))
            .arg(&keys)
            .output()
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&output.stdout);
        let numbers: Vec<f64> = text.split_whitespace().filter_map(|n| n.parse().ok()).collect();
        let [api, connect] = numbers[..] else {
            return Err(format!("the {} lookup binary printed {text:?}", shape.name()));
        };
        results.push((time, api, connect));
    }
    let (table, matched) = (results[0], results[1]);
    rows.push(Row::new(
        format!(
            "`cargo build --release` of a {} catalog, table shape",
            thousands(CODES)
        ),
        secs(table.0),
        (
            format!("match shape: {:.1} s", matched.0.as_secs_f64()),
            matched.0.as_secs_f64(),
        ),
        Goal::AtMost(1.0),
    ));
    for (name, pick) in [
        ("API lookup (`from_parts`)", 1),
        ("Connect lookup (`from_str`)", 2),
    ] {
        let (value, baseline) = if pick == 1 {
            (table.1, matched.1)
        } else {
            (table.2, matched.2)
        };
        rows.push(Row::new(
            format!("{name}, {} catalog, table shape", thousands(CODES)),
            (format!("{value:.1} ns"), value),
            (format!("match shape: {baseline:.1} ns"), baseline),
            Goal::None,
        ));
    }
    Ok(())
}

/// The clean default build of smartcar-errors against an empty crate, each in a fresh target.
fn default_build(rows: &mut Vec<Row>) -> Result<(), String> {
    let root = builds::target_dir().join("bench-builds");
    let with = Crate::write(
        &root,
        "uses-smartcar-errors",
        true,
        &[("lib.rs", "pub use smartcar_errors;\n")],
    )
    .map_err(|e| e.to_string())?;
    let empty = Crate::write(&root, "empty-crate", false, &[("lib.rs", "")]).map_err(|e| e.to_string())?;
    let mut times = Vec::new();
    for krate in [&empty, &with] {
        let target = root.join(format!("clean-{}", krate.name));
        if target.exists() {
            fs::remove_dir_all(&target).map_err(|e| e.to_string())?;
        }
        progress!("clean cargo build of {}", krate.name);
        times.push(krate.build(&target, false).map_err(|e| e.to_string())?);
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
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
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

fn secs(duration: Duration) -> (String, f64) {
    (format!("{:.1} s", duration.as_secs_f64()), duration.as_secs_f64())
}

fn thousands(n: usize) -> String {
    format!("{}k-code", n / 1000)
}
