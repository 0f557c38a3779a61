//! catalog-gen reads a snapshot of Smartcar's error documentation and generates the typed
//! catalog of the `smartcar-errors` crate.
//!
//! ```text
//! docs-snapshot/*.md --parse--> Catalog --emit--> generated.rs
//! ```
//!
//! Use [`Builder`] from a `build.rs` to generate a catalog of your own, or the `catalog-gen`
//! command (feature `cli`) to generate, check, dump, diff, lint, and fetch a snapshot from the
//! live docs.

#![deny(missing_docs)]

pub mod builder;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod emit;
pub mod explain;
pub mod model;
pub mod parse;
pub mod report;
pub mod snapshot;
pub mod tables;
pub mod write;

use std::path::Path;

pub use builder::{BuildError, Builder, Report};
pub use diagnostic::{Diagnostic, Severity};
pub use emit::{EmitError, EmitOptions};
pub use model::{ApiErrorEntry, Catalog, ConnectErrorEntry, ConnectParameter, Source};
pub use parse::{Parsed, parse_page, parse_snapshot};
pub use snapshot::{DocFile, Snapshot, SnapshotError};

/// A generated catalog and what was found on the way.
#[derive(Debug, Clone)]
pub struct Generated {
    /// The Rust source.
    pub code: String,
    /// The model it was generated from.
    pub catalog: Catalog,
    /// Warnings about the docs (errors stop generation).
    pub warnings: Vec<Diagnostic>,
    /// The snapshot's content hash, as recorded in the header.
    pub docs_hash: String,
}

/// Why docs that document no error generate nothing.
const NO_ERRORS_DOCUMENTED: &str =
    "the docs document no errors: no page has a code heading or a Connect parameter table";

/// Why no catalog could be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The docs have errors; every diagnostic (warnings too) is here.
    #[error("the docs have {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Docs(Vec<Diagnostic>),
    /// No page documents an error (no code heading, no Connect parameter table): generating
    /// would empty the catalog. The warnings about the pages are here.
    #[error("{}", NO_ERRORS_DOCUMENTED)]
    Empty(Vec<Diagnostic>),
    /// The catalog could not become code.
    #[error(transparent)]
    Emit(#[from] EmitError),
}

/// Every problem in `snapshot`: what parsing finds and the names that cannot become Rust
/// identifiers, sorted by position.
pub fn lint(snapshot: &Snapshot) -> Vec<Diagnostic> {
    let parsed = parse_snapshot(snapshot);
    let mut diagnostics = parsed.diagnostics;
    diagnostics.extend(emit::name_problems(&parsed.catalog));
    diagnostic::sort(&mut diagnostics);
    diagnostics
}

/// Parses `snapshot` and emits its catalog; nothing is generated when the docs have errors or
/// document no error at all.
pub fn generate(snapshot: &Snapshot, options: &EmitOptions) -> Result<Generated, GenerateError> {
    let docs_hash = snapshot.content_hash();
    let (code, parsed) = emit_parsed(parse_snapshot(snapshot), |catalog| {
        emit::emit(catalog, &docs_hash, options)
    })?;
    Ok(Generated {
        code,
        catalog: parsed.catalog,
        warnings: parsed.diagnostics,
        docs_hash,
    })
}

/// What [`generate_file`] did.
#[derive(Debug, Clone)]
pub struct GeneratedFile {
    /// Whether the file was written (false: it already held this code).
    pub written: bool,
    /// The model it was generated from.
    pub catalog: Catalog,
    /// Warnings about the docs (errors stop generation).
    pub warnings: Vec<Diagnostic>,
    /// The snapshot's content hash, as recorded in the header.
    pub docs_hash: String,
}

/// Parses `snapshot` and writes its catalog to `path` as it is formatted: atomically, only
/// if the contents change, and not at all when the docs have errors.
///
/// Unlike [`generate`], this holds neither the pages nor the code in memory whole: it
/// consumes the snapshot, freeing each page once it is read (see
/// [`parse::parse_snapshot_freeing`]), and streams the code to the file. Diagnostics that are
/// to be shown with their source lines need the pages read again.
pub fn generate_file(
    snapshot: Snapshot,
    options: &EmitOptions,
    path: &Path,
) -> Result<GeneratedFile, GenerateError> {
    let docs_hash = snapshot.content_hash();
    let (written, parsed) = emit_parsed(parse::parse_snapshot_freeing(snapshot), |catalog| {
        emit::emit_to_file(catalog, &docs_hash, options, path)
    })?;
    Ok(GeneratedFile {
        written,
        catalog: parsed.catalog,
        warnings: parsed.diagnostics,
        docs_hash,
    })
}

/// Hands the parsed catalog to `emit` when the docs have no errors.
fn emit_parsed<T>(
    parsed: Parsed,
    emit: impl FnOnce(&Catalog) -> Result<T, EmitError>,
) -> Result<(T, Parsed), GenerateError> {
    if parsed.has_errors() {
        return Err(GenerateError::Docs(parsed.diagnostics));
    }
    if parsed.catalog.api_errors.is_empty() && parsed.catalog.connect_errors.is_empty() {
        return Err(GenerateError::Empty(parsed.diagnostics));
    }
    match emit(&parsed.catalog) {
        Ok(value) => Ok((value, parsed)),
        Err(EmitError::Names(mut problems)) => {
            problems.extend(parsed.diagnostics);
            diagnostic::sort(&mut problems);
            Err(GenerateError::Docs(problems))
        }
        Err(error) => Err(error.into()),
    }
}
