//! Clean `cargo build`s of throwaway crates written under `target/bench-builds`: what a user
//! pays to build with smartcar-errors, against what they would build instead.
//!
//! - A binary that reads an error response with `ApiError::from_response` and looks it up in a
//!   generated catalog of Smartcar's full size, against the same binary with serde, serde_json
//!   and a `#[derive(Deserialize)]` struct.
//! - A library whose build script generates its catalog with catalog-gen's `Builder`
//!   (`default-features = false`), against one whose build script uses prost-build.
//!
//! Each crate has `[workspace]` of its own and builds in a fresh target directory, with the
//! versions of the workspace's `Cargo.lock` (its copy gets what the crate adds). Dependencies
//! are fetched before the clock starts; the builds alternate, and each one's fastest is kept.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::corpus;
use crate::generator::FULL_SIZE;
use crate::report::{Goal, Row};

/// Clean builds of each crate; the fastest is kept.
const ROUNDS: usize = 2;

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// Where the throwaway crates and their target directories are.
fn root() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from);
    target
        .unwrap_or_else(|| workspace_root().join("target"))
        .join("bench-builds")
}

/// The main of both binaries: reads a body from stdin as a status 500 response and prints it.
const MAIN: &str = r#"
fn main() {
    let mut body = Vec::new();
    std::io::Read::read_to_end(&mut std::io::stdin(), &mut body).expect("stdin");
    println!("{}", read(&body));
}
"#;

/// The binary with smartcar-errors: `src/catalog.rs` is written beside it.
const WITH_SMARTCAR_ERRORS: &str = r#"mod catalog {
    include!("catalog.rs");
}

fn read(body: &[u8]) -> String {
    let error = smartcar_errors::ApiError::from_response(500, [("SC-Request-Id", "1")], body);
    format!("{error} {:?}", catalog::ApiErrorCode::from_error(&error))
}
"#;

/// The binary with a derive struct of the members it reads.
const WITH_DERIVE: &str = r#"#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)]
struct ApiError {
    #[serde(rename = "type")]
    error_type: Option<String>,
    code: Option<String>,
    description: Option<String>,
    #[serde(rename = "docURL")]
    doc_url: Option<String>,
    status_code: Option<u16>,
    request_id: Option<String>,
    suggested_user_message: Option<String>,
    resolution: Option<Resolution>,
    detail: Option<serde_json::Value>,
}

#[derive(Debug, serde::Deserialize)]
#[allow(dead_code)]
struct Resolution {
    #[serde(rename = "type")]
    kind: Option<String>,
    url: Option<String>,
}

fn read(body: &[u8]) -> String {
    format!("{:?}", serde_json::from_slice::<ApiError>(body))
}
"#;

/// The build script with the Builder, on the docs written into `docs/`.
const BUILDER_SCRIPT: &str = "fn main() -> Result<(), catalog_gen::Error> {
    catalog_gen::Builder::new().docs_dir(\"docs\").generate().map(drop)
}
";

/// The build script with prost-build, on the messages of an error body.
const PROST_SCRIPT: &str = "fn main() -> std::io::Result<()> {
    prost_build::compile_protos(&[\"errors.proto\"], &[\".\"])
}
";

/// The messages the prost-build script compiles.
const PROTO: &str = "syntax = \"proto3\";
package errors;
message Resolution { optional string type = 1; optional string url = 2; }
message ApiError {
  string type = 1; optional string code = 2; string description = 3; string doc_url = 4;
  uint32 status_code = 5; string request_id = 6; optional Resolution resolution = 7;
  optional string suggested_user_message = 8;
}
";

/// A throwaway crate: its directory.
struct Crate(PathBuf);

impl Crate {
    /// Writes the crate `name` with these dependencies, build dependencies and files (path
    /// relative to the crate, contents).
    fn write(name: &str, dependencies: &str, build: &str, files: &[(&str, &str)]) -> Result<Crate, String> {
        let dir = root().join(name);
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependencies}\n[build-dependencies]\n{build}\n[workspace]\n"
        );
        let lock = dir.join("Cargo.lock");
        let write = |path: &Path, text: &[u8]| {
            fs::create_dir_all(path.parent().unwrap_or(&dir))?;
            fs::write(path, text)
        };
        let mut written = write(&dir.join("Cargo.toml"), manifest.as_bytes());
        if !lock.exists() {
            written = written.and_then(|()| fs::copy(workspace_root().join("Cargo.lock"), &lock).map(drop));
        }
        for (path, text) in files {
            written = written.and_then(|()| write(&dir.join(path), text.as_bytes()));
        }
        written.map_err(|e| format!("cannot write {}: {e}", dir.display()))?;
        run(cargo("fetch", &dir))?;
        Ok(Crate(dir))
    }

    /// A clean `cargo build` of the crate, in a fresh target directory.
    fn build(&self) -> Result<Duration, String> {
        let target = self.0.join("target");
        if target.exists() {
            fs::remove_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
        }
        let mut build = cargo("build", &self.0);
        // The workspace's crates are path dependencies here, which Cargo compiles
        // incrementally; from crates.io they are not, like prost-build and serde.
        build
            .args(["--offline", "--quiet"])
            .env("CARGO_TARGET_DIR", &target)
            .env("CARGO_INCREMENTAL", "0");
        let start = Instant::now();
        run(build)?;
        Ok(start.elapsed())
    }
}

/// `cargo SUBCOMMAND` of the crate in `dir`, without this build's flags.
fn cargo(subcommand: &str, dir: &Path) -> Command {
    let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command
        .arg(subcommand)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"));
    command
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS");
    command
}

/// Runs `command`, failing with its stderr when it fails.
fn run(mut command: Command) -> Result<(), String> {
    let output = command.output().map_err(|e| format!("`{command:?}`: {e}"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "`{command:?}` failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    ))
}

/// `path = "..."` of a package of this workspace.
fn local(package: &str, dir: &str, extra: &str) -> String {
    format!(
        "{package} = {{ path = {:?}{extra} }}\n",
        workspace_root().join(dir).display().to_string()
    )
}

/// The fastest of [`ROUNDS`] clean builds of `measured` and of `baseline`, alternating.
fn fastest(measured: &Crate, baseline: &Crate) -> Result<[f64; 2], String> {
    let mut times = [f64::MAX; 2];
    for _ in 0..ROUNDS {
        for (time, krate) in times.iter_mut().zip([measured, baseline]) {
            *time = time.min(krate.build()?.as_secs_f64());
        }
    }
    Ok(times)
}

/// The build rows.
pub fn rows(rows: &mut Vec<Row>) -> Result<(), String> {
    let docs = catalog_gen::Docs::from_pages(corpus::pages(FULL_SIZE));
    let catalog = docs
        .rust_source()
        .map_err(|e| format!("the corpus does not generate: {e}"))?;
    let runtime = local("smartcar-errors", "catalog", "");
    let with = Crate::write(
        "bin-smartcar-errors",
        &runtime,
        "",
        &[
            ("src/main.rs", &(WITH_SMARTCAR_ERRORS.to_owned() + MAIN)),
            ("src/catalog.rs", &catalog),
        ],
    )?;
    let serde = "serde = { version = \"1\", features = [\"derive\"] }\nserde_json = \"1\"\n";
    let derive = Crate::write(
        "bin-serde-derive",
        serde,
        "",
        &[("src/main.rs", &(WITH_DERIVE.to_owned() + MAIN))],
    )?;
    let [value, baseline_value] = fastest(&with, &derive)?;
    rows.push(Row {
        measurement: format!(
            "clean `cargo build` of a binary using `ApiError::from_response` and a {FULL_SIZE}-code catalog"
        ),
        value,
        baseline: "the same binary with serde, serde_json and a `#[derive(Deserialize)]` struct".into(),
        baseline_value,
        goal: Goal::AtMost(1.1),
    });

    let mut files = vec![("build.rs", BUILDER_SCRIPT), ("src/lib.rs", LIB)];
    let pages: Vec<(String, String)> = corpus::pages(FULL_SIZE)
        .into_iter()
        .map(|(path, bytes)| {
            (
                format!("docs/{path}"),
                String::from_utf8_lossy(&bytes).into_owned(),
            )
        })
        .collect();
    files.extend(pages.iter().map(|(path, text)| (path.as_str(), text.as_str())));
    let builder = local("catalog-gen", "catalog-gen", ", default-features = false");
    let with = Crate::write("build-script-builder", &runtime, &builder, &files)?;
    let prost = Crate::write(
        "build-script-prost",
        "prost = \"0.14\"\n",
        "prost-build = \"0.14\"\n",
        &[
            ("build.rs", PROST_SCRIPT),
            ("errors.proto", PROTO),
            ("src/lib.rs", PROST_LIB),
        ],
    )?;
    let [value, baseline_value] = fastest(&with, &prost)?;
    rows.push(Row {
        measurement: format!(
            "clean `cargo build` of a library whose build script generates a {FULL_SIZE}-code catalog with the `Builder`"
        ),
        value,
        baseline: "the same with prost-build compiling the messages of an error body".into(),
        baseline_value,
        goal: Goal::AtMost(1.0),
    });
    Ok(())
}

/// The library of the Builder's crate.
const LIB: &str = "pub mod errors {
    include!(concat!(env!(\"OUT_DIR\"), \"/smartcar_errors.rs\"));
}
";

/// The library of the prost-build crate.
const PROST_LIB: &str = "pub mod errors {
    include!(concat!(env!(\"OUT_DIR\"), \"/errors.rs\"));
}
";
