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

    /// Whether to print `cargo:rerun-if-changed` for every page and directory read.
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
            for dir in &snapshot.directories {
                println!("cargo:rerun-if-changed={}", dir.display());
            }
            for file in &snapshot.files {
                println!(
                    "cargo:rerun-if-changed={}",
                    self.docs_dir.join(&file.path).display()
                );
            }
        }
        let generated =
            crate::generate_file(snapshot, &self.emit_options(), &out_file).map_err(|error| match error {
                GenerateError::Docs(diagnostics) => BuildError::Docs(diagnostics),
                GenerateError::Empty(_) => BuildError::Empty,
                GenerateError::Emit(EmitError::Write { path, source }) => BuildError::Write { path, source },
                GenerateError::Emit(error) => BuildError::Emit(error),
            })?;
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
}
