//! Timing `cargo build` of throwaway crates written under `target/`: catalogs generated at run
//! time, the default build of smartcar-errors, and an empty crate.
//!
//! Builds run offline, without incremental compilation, in target directories of their own
//! below the workspace's `target/`, so they never touch the workspace's build. Each crate gets
//! a copy of the workspace's `Cargo.lock`, so it builds the dependency versions the workspace
//! builds.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::machine;

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

/// The cargo that runs this program (or the one on the `PATH`).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// A throwaway crate: its directory and package name.
#[derive(Debug, Clone)]
pub struct Crate {
    /// Its directory (with `Cargo.toml`).
    pub dir: PathBuf,
    /// Its package name.
    pub name: String,
}

/// How to build a crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    /// `cargo build`
    Debug,
    /// `cargo build --release`
    Release,
}

/// A timed build.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Build {
    /// How long `cargo build` took.
    pub time: Duration,
    /// The peak memory of its largest process (the compiler, in practice), in bytes; at least
    /// the peak of the process that ran the build (see [`machine::run_measured`]).
    pub peak_rss: u64,
}

impl Crate {
    /// Writes a crate named `name` below `root` with these sources (path relative to `src/`,
    /// content) and, if `with_runtime`, a dependency on this workspace's smartcar-errors. Files
    /// that already hold these contents are left alone.
    pub fn write(
        root: &Path,
        name: &str,
        with_runtime: bool,
        sources: &[(&str, &str)],
    ) -> Result<Crate, String> {
        let dir = root.join(name);
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
        let lock = fs::read(workspace_root().join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
        write_if_changed(&dir.join("Cargo.toml"), manifest.as_bytes())?;
        write_if_changed(&dir.join("Cargo.lock"), &lock)?;
        for (path, text) in sources {
            write_if_changed(&dir.join("src").join(path), text.as_bytes())?;
        }
        Ok(Crate {
            dir,
            name: name.to_owned(),
        })
    }

    /// Builds the crate in `target` after removing this crate's own artifacts there, and
    /// returns how long `cargo build` took and its peak memory. Dependencies already built in
    /// `target` are reused. `extra` are more arguments of `cargo build` (`--lib`).
    pub fn build(&self, target: &Path, profile: Profile, extra: &[&str]) -> Result<Build, String> {
        let mut clean = self.cargo(target, "clean", profile);
        clean.args(["-p", &self.name]);
        run(&mut clean)?;
        let mut build = self.cargo(target, "build", profile);
        build.args(extra);
        let finished = run(&mut build)?;
        Ok(Build {
            time: finished.elapsed,
            peak_rss: finished.peak_rss,
        })
    }

    /// The path of the crate's binary built in `target`.
    pub fn binary(&self, target: &Path, profile: Profile) -> PathBuf {
        let dir = match profile {
            Profile::Debug => "debug",
            Profile::Release => "release",
        };
        target.join(dir).join(&self.name)
    }

    fn cargo(&self, target: &Path, subcommand: &str, profile: Profile) -> Command {
        let mut command = cargo();
        command
            .arg(subcommand)
            .args(["--offline", "--quiet", "--manifest-path"])
            .arg(self.dir.join("Cargo.toml"))
            .env("CARGO_TARGET_DIR", target)
            .env("CARGO_INCREMENTAL", "0")
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_BUILD_RUSTFLAGS");
        if profile == Profile::Release {
            command.arg("--release");
        }
        command
    }
}

/// Runs `command`, failing with its stderr when it fails.
fn run(command: &mut Command) -> Result<machine::Finished, String> {
    let finished = machine::run_measured(command).map_err(|e| format!("`{command:?}`: {e}"))?;
    if finished.status.success() {
        return Ok(finished);
    }
    Err(format!("`{command:?}` failed:\n{}", finished.stderr))
}

/// Writes `bytes` to `path` (and its parent directories) unless it already holds them, so that
/// cargo sees unchanged sources as unchanged.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    let write = || {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(path, bytes)
    };
    write().map_err(|e| format!("cannot write {}: {e}", path.display()))
}
