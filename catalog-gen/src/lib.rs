//! catalog-gen reads a snapshot of Smartcar's error documentation and generates the typed
//! catalog of the `smartcar-errors` crate.
//!
//! ```text
//! docs-snapshot/*.md --parse--> Catalog --emit--> generated.rs
//! ```
//!
//! Use [`Builder`] from a `build.rs` to generate a catalog of your own, or the `catalog-gen`
//! command (feature `cli`) to generate, check, dump, diff, lint and fetch. The `fetch` module
//! (feature `fetch`, part of `cli`) refreshes a snapshot from the live docs.

#![deny(missing_docs)]

pub mod builder;
pub mod check;
pub mod diagnostic;
pub mod diff;
pub mod docs_index;
pub mod emit;
pub mod explain;
#[cfg(feature = "fetch")]
pub mod fetch;
pub mod model;
pub mod parse;
pub mod report;
pub mod snapshot;
pub mod tables;
pub mod write;

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

/// Why no catalog could be generated.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    /// The docs have errors; every diagnostic (warnings too) is here.
    #[error("the docs have {} error(s)", .0.iter().filter(|d| d.is_error()).count())]
    Docs(Vec<Diagnostic>),
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

/// Parses `snapshot` and emits its catalog; nothing is generated when the docs have errors.
pub fn generate(snapshot: &Snapshot, options: &EmitOptions) -> Result<Generated, GenerateError> {
    let parsed = parse_snapshot(snapshot);
    if parsed.has_errors() {
        return Err(GenerateError::Docs(parsed.diagnostics));
    }
    let docs_hash = snapshot.content_hash();
    let code = match emit::emit(&parsed.catalog, &docs_hash, options) {
        Ok(code) => code,
        Err(EmitError::Names(mut problems)) => {
            problems.extend(parsed.diagnostics);
            diagnostic::sort(&mut problems);
            return Err(GenerateError::Docs(problems));
        }
        Err(error) => return Err(error.into()),
    };
    Ok(Generated {
        code,
        catalog: parsed.catalog,
        warnings: parsed.diagnostics,
        docs_hash,
    })
}
