//! Generating a catalog from a `build.rs`.
//!
//! ```no_run
//! // build.rs
//! let report = catalog_gen::Builder::new()
//!     .docs_dir("smartcar-docs")
//!     .generate()
//!     .expect("the Smartcar docs snapshot is valid");
//! // src/lib.rs: mod errors { include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs")); }
//! assert!(report.api_errors > 0);
//! ```
//!
//! The generated file defines `ErrorType`, `Resolution`, `ApiErrorCode` and
//! `ConnectErrorCode` with their tables, and implements the `smartcar_errors::table`
//! traits for them, so it needs the `smartcar-errors` crate as a dependency. Include it in a
//! module of its own. Use a `catalog-gen` of the same version as `smartcar-errors`.

use std::env;
use std::io;
use std::path::{Path, PathBuf};

use smartcar_errors_shared::text::{self, Escaped};

use crate::GenerateError;
use crate::diagnostic::Diagnostic;
use crate::emit::{EmitError, EmitOptions};
use crate::snapshot::{Snapshot, SnapshotError};

/// Configures and runs a generation (in the manner of `prost_build::Config`).
#[derive(Debug, Clone)]
pub struct Builder {
    docs_dir: PathBuf,
    out_file: Option<PathBuf>,
    runtime: String,
    regenerate: String,
    cargo_metadata: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

/// What a generation produced.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file generated.
    pub out_file: PathBuf,
    /// Whether the file was written (false: it already held this catalog).
    pub written: bool,
    /// How many API error codes the catalog has.
    pub api_errors: usize,
    /// How many API error types.
    pub error_types: usize,
    /// How many Connect errors.
    pub connect_errors: usize,
    /// The docs' content hash recorded in the header.
    pub docs_hash: String,
    /// Inconsistencies in the docs that did not stop generation.
    pub warnings: Vec<Diagnostic>,
}

/// Why a build-time generation failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The docs directory could not be read.
    #[error(transparent)]
    Snapshot(#[from] SnapshotError),
    /// The docs have errors (listed one per line).
    #[error("{}", list(.0))]
    Docs(Vec<Diagnostic>),
    /// No page documents an error (see [`GenerateError::Empty`]).
    #[error("{}", crate::NO_ERRORS_DOCUMENTED)]
    Empty,
    /// The catalog could not become code.
    #[error(transparent)]
    Emit(#[from] crate::EmitError),
    /// No output file was set and `OUT_DIR` is not set (not running under Cargo).
    #[error("no output file: set one with Builder::out_file or run from a build script")]
    NoOutFile,
    /// A path that Cargo must watch cannot be printed as a build-script directive: it is not
    /// UTF-8, or it holds a control or text-direction character that would end or disguise
    /// the directive's line.
    #[error("cannot tell Cargo to watch `{}`: the path is not UTF-8 or holds a control character", Escaped(&path.to_string_lossy()))]
    UnprintablePath {
        /// The path.
        path: PathBuf,
    },
    /// The output could not be written.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The output file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

fn list(diagnostics: &[Diagnostic]) -> String {
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(ToString::to_string)
        .collect();
    format!("the docs have {} error(s):\n{}", errors.len(), errors.join("\n"))
}

impl Builder {
    /// A builder reading `docs` (relative to the current directory, which is the crate's
    /// directory in a build script), writing `$OUT_DIR/smartcar_errors.rs`, for the runtime
    /// crate `::smartcar_errors`, printing Cargo's `rerun-if-changed` lines when run by Cargo.
    pub fn new() -> Self {
        Builder {
            docs_dir: PathBuf::from("docs"),
            out_file: None,
            runtime: "::smartcar_errors".into(),
            regenerate: "cargo build (build.rs)".into(),
            cargo_metadata: env::var_os("CARGO").is_some() && env::var_os("OUT_DIR").is_some(),
        }
    }

    /// The docs snapshot to read.
    pub fn docs_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.docs_dir = dir.as_ref().to_path_buf();
        self
    }

    /// The file to generate.
    pub fn out_file(&mut self, file: impl AsRef<Path>) -> &mut Self {
        self.out_file = Some(file.as_ref().to_path_buf());
        self
    }

    /// The path by which the generated code names the runtime crate (`::smartcar_errors`,
    /// or `crate` inside it).
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime = path.into();
        self
    }

    /// The command the generated header names for regenerating the file.
    pub fn regenerate_command(&mut self, command: impl Into<String>) -> &mut Self {
        self.regenerate = command.into();
        self
    }

    /// Whether to talk to Cargo as a build script: print `cargo::rerun-if-changed` for every
    /// page and directory read (each path checked to be printable, see
    /// [`BuildError::UnprintablePath`]), and every warning about the docs as a
    /// `cargo::warning` line, its docs text escaped so that it stays one line.
    pub fn cargo_metadata(&mut self, enabled: bool) -> &mut Self {
        self.cargo_metadata = enabled;
        self
    }

    /// Reads the docs, generates the catalog and writes it if it changed.
    pub fn generate(&self) -> Result<Report, BuildError> {
        let out_file = match &self.out_file {
            Some(file) => file.clone(),
            None => {
                PathBuf::from(env::var_os("OUT_DIR").ok_or(BuildError::NoOutFile)?).join("smartcar_errors.rs")
            }
        };
        let snapshot = Snapshot::read(&self.docs_dir)?;
        if self.cargo_metadata {
            let files = snapshot.files.iter().map(|file| self.docs_dir.join(&file.path));
            let watched: Vec<PathBuf> = snapshot.directories.iter().cloned().chain(files).collect();
            // Every path is checked before any is printed.
            let lines = watched
                .iter()
                .map(|path| directive_path(path).map(|path| format!("cargo::rerun-if-changed={path}")))
                .collect::<Result<Vec<_>, _>>()?;
            for line in lines {
                println!("{line}");
            }
        }
        let generated =
            crate::generate_file(snapshot, &self.emit_options(), &out_file).map_err(|error| match error {
                GenerateError::Docs(diagnostics) => BuildError::Docs(diagnostics),
                GenerateError::Empty(_) => BuildError::Empty,
                GenerateError::Emit(EmitError::Write { path, source }) => BuildError::Write { path, source },
                GenerateError::Emit(error) => BuildError::Emit(error),
            })?;
        if self.cargo_metadata {
            for warning in &generated.warnings {
                println!(
                    "cargo::warning={}",
                    crate::report::shown_under(warning, Some(&self.docs_dir))
                );
            }
        }
        Ok(Report {
            out_file,
            written: generated.written,
            api_errors: generated.catalog.api_errors.len(),
            error_types: generated.catalog.error_types().len(),
            connect_errors: generated.catalog.connect_errors.len(),
            docs_hash: generated.docs_hash,
            warnings: generated.warnings,
        })
    }

    /// The emitter options this builder stands for.
    pub fn emit_options(&self) -> EmitOptions {
        let docs_name = self
            .docs_dir
            .file_name()
            .and_then(|name| name.to_str())
            .unwrap_or("docs")
            .to_owned();
        EmitOptions {
            runtime: self.runtime.clone(),
            docs_name,
            regenerate: self.regenerate.clone(),
        }
    }
}

/// `path` as it can be printed in a build-script directive: UTF-8, with no character that
/// could end the directive's line or disguise it.
fn directive_path(path: &Path) -> Result<&str, BuildError> {
    path.to_str()
        .filter(|text| text::is_safe(text))
        .ok_or_else(|| BuildError::UnprintablePath {
            path: path.to_path_buf(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn docs_that_document_no_errors_write_no_catalog() {
        let dir = env::temp_dir().join(format!("catalog-gen-builder-empty-{}", std::process::id()));
        let docs = dir.join("docs");
        fs::create_dir_all(&docs).unwrap();
        let out = dir.join("catalog.rs");
        let mut builder = Builder::new();
        builder.docs_dir(&docs).out_file(&out).cargo_metadata(false);
        match builder.generate() {
            Err(BuildError::Snapshot(SnapshotError::NoPages { path })) => assert_eq!(path, docs),
            other => panic!("expected NoPages, got {other:?}"),
        }
        fs::write(docs.join("notes.md"), "# Notes\n\nNo errors here.\n").unwrap();
        assert!(matches!(builder.generate(), Err(BuildError::Empty)));
        assert!(!out.exists());
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn paths_that_would_break_a_directive_are_refused() {
        assert_eq!(
            directive_path(Path::new("docs/errors/a.md")).unwrap(),
            "docs/errors/a.md"
        );
        for bad in [
            "docs/a\ncargo::rustc-cfg=x.md",
            "docs/a\r.md",
            "docs/\u{202e}dm.a",
        ] {
            let error = directive_path(Path::new(bad)).unwrap_err();
            assert!(matches!(&error, BuildError::UnprintablePath { path } if path == Path::new(bad)));
            assert!(!error.to_string().contains(['\n', '\r', '\u{202e}']), "{error}");
        }
        assert_eq!(
            directive_path(Path::new("docs/a\ncargo::rustc-cfg=x.md"))
                .unwrap_err()
                .to_string(),
            "cannot tell Cargo to watch `docs/a\\ncargo::rustc-cfg=x.md`: the path is not UTF-8 or holds a control character"
        );
    }
}
