//! Timing `cargo build` of throwaway crates written under `target/`: a catalog in each
//! emitted shape, the default build of smartcar-errors, and an empty crate.
//!
//! Builds run offline, without incremental compilation, in target directories of their own
//! below the workspace's `target/`, so they never touch the workspace's build.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use catalog_gen::write::write_if_changed;

use crate::shapes::Shape;

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// The workspace's `target/` directory (or `$CARGO_TARGET_DIR`).
pub fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"))
}

/// Why a build could not be timed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A file could not be written or a command not started.
    #[error(transparent)]
    Io(#[from] io::Error),
    /// Cargo failed.
    #[error("`{command}` failed:\n{stderr}")]
    Cargo {
        /// The command.
        command: String,
        /// What it printed.
        stderr: String,
    },
}

/// A throwaway crate: its directory and package name.
#[derive(Debug, Clone)]
pub struct Crate {
    /// Its directory (with `Cargo.toml`).
    pub dir: PathBuf,
    /// Its package name.
    pub name: String,
}

impl Crate {
    /// Writes a crate named `name` below `root` with these sources (path relative to `src/`,
    /// content) and, if `with_runtime`, a dependency on this workspace's smartcar-errors.
    pub fn write(root: &Path, name: &str, with_runtime: bool, sources: &[(&str, &str)]) -> io::Result<Crate> {
        let dir = root.join(name);
        fs::create_dir_all(dir.join("src"))?;
        let dependency = if with_runtime {
            format!(
                "smartcar-errors = {{ path = {:?} }}\n",
                workspace_root().join("catalog").display().to_string()
            )
        } else {
            String::new()
        };
        let manifest = format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\n{dependency}\n[workspace]\n"
        );
        write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
        for (path, text) in sources {
            write_if_changed(&dir.join("src").join(path), text.as_bytes())?;
        }
        Ok(Crate {
            dir,
            name: name.to_owned(),
        })
    }

    /// Builds the crate (`--release` if `release`) in `target`, after removing this crate's
    /// own artifacts there, and returns how long `cargo build` took. Dependencies already
    /// built in `target` are reused.
    pub fn build(&self, target: &Path, release: bool) -> Result<Duration, BuildError> {
        let mut clean = self.cargo(target, "clean");
        clean.args(["-p", &self.name]);
        if release {
            clean.arg("--release");
        }
        run(&mut clean)?;
        let mut build = self.cargo(target, "build");
        if release {
            build.arg("--release");
        }
        let start = Instant::now();
        run(&mut build)?;
        Ok(start.elapsed())
    }

    /// The path of the crate's binary built in `target`.
    pub fn binary(&self, target: &Path, release: bool) -> PathBuf {
        target
            .join(if release { "release" } else { "debug" })
            .join(&self.name)
    }

    fn cargo(&self, target: &Path, subcommand: &str) -> Command {
        let mut command = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
        command
            .arg(subcommand)
            .args(["--offline", "--quiet", "--manifest-path"])
            .arg(self.dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS");
        command
    }
}

/// Runs `command`, failing with its stderr when it fails.
fn run(command: &mut Command) -> Result<(), BuildError> {
    let output = command.output()?;
    if output.status.success() {
        return Ok(());
    }
    Err(BuildError::Cargo {
        command: format!("{command:?}"),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// The sources of a crate holding a catalog in `shape`: the library includes it, the binary
/// looks up every key listed in the file named by its first argument (`TYPE<TAB>CODE` lines,
/// `-` for a null code, then `connect<TAB>NAME` lines) and prints nanoseconds per lookup.
pub fn shape_sources(shape: Shape) -> Vec<(&'static str, String)> {
    let imports = shape.imports();
    let lib = format!(
        "//! A catalog in the `{}` shape.\n{imports}\n\n\
         #[allow(clippy::all)]\npub mod errors {{\n    include!(\"generated.rs\");\n}}\n\n\
         pub fn api(error_type: &str, code: Option<&str>) -> Option<errors::ApiErrorCode> {{\n    \
         errors::ApiErrorCode::from_parts(error_type, code)\n}}\n\n\
         pub fn connect(name: &str) -> Option<errors::ConnectErrorCode> {{\n    \
         errors::ConnectErrorCode::from_name(name)\n}}\n\n\
         pub fn status(code: errors::ApiErrorCode) -> u16 {{\n    code.info().status_code\n}}\n",
        shape.name()
    );
    let main = format!(
        "use std::hint::black_box;\nuse std::time::Instant;\nuse {name}::{{api, connect}};\n\n\
         fn main() {{\n    \
             let path = std::env::args().nth(1).expect(\"a keys file\");\n    \
             let text = std::fs::read_to_string(path).expect(\"readable keys\");\n    \
             let mut keys = Vec::new();\n    let mut names = Vec::new();\n    \
             for line in text.lines() {{\n        \
                 let (first, second) = line.split_once('\\t').expect(\"two columns\");\n        \
                 if first == \"connect\" {{ names.push(second.to_owned()); }}\n        \
                 else {{ keys.push((first.to_owned(), (second != \"-\").then(|| second.to_owned()))); }}\n    \
             }}\n    \
             let mut api_ns = Vec::new();\n    let mut connect_ns = Vec::new();\n    \
             for _ in 0..15 {{\n        \
                 let start = Instant::now();\n        \
                 let found = keys.iter().filter(|(t, c)| black_box(api(t, c.as_deref())).is_some()).count();\n        \
                 api_ns.push(start.elapsed().as_nanos() as f64 / keys.len().max(1) as f64);\n        \
                 assert_eq!(found, keys.len());\n        \
                 let start = Instant::now();\n        \
                 let mut found = 0;\n        \
                 for _ in 0..100 {{ found = names.iter().filter(|n| black_box(connect(n)).is_some()).count(); }}\n        \
                 connect_ns.push(start.elapsed().as_nanos() as f64 / 100.0 / names.len().max(1) as f64);\n        \
                 assert_eq!(found, names.len());\n    \
             }}\n    \
             api_ns.sort_by(f64::total_cmp);\n    connect_ns.sort_by(f64::total_cmp);\n    \
             println!(\"{{:.1}} {{:.1}}\", api_ns[api_ns.len() / 2], connect_ns[connect_ns.len() / 2]);\n\
         }}\n",
        name = crate_name(shape).replace('-', "_"),
    );
    vec![("lib.rs", lib), ("main.rs", main)]
}

/// The package name of the throwaway crate of `shape`.
pub fn crate_name(shape: Shape) -> String {
    format!("catalog-shape-{}", shape.name())
}
