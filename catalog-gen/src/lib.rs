//! catalog-gen reads a snapshot of Smartcar's error documentation and generates the typed
//! catalog of the `smartcar-errors` crate, or of any crate that wants its own.
//!
//! ```text
//! docs/*.md --parse--> Catalog --lower--> plan --emit--> generated.rs
//! ```
//!
//! - [`Builder`] says where the docs are and how the generated code names the runtime crate;
//!   [`Builder::generate`] does everything a build script needs in one call.
//! - [`Builder::read`] reads the docs once into [`Docs`]: the [`Catalog`] they document (the
//!   model `catalog-gen dump` prints), every [`Diagnostic`], the generated Rust source
//!   ([`Docs::rust_source`], [`Docs::write`]) and, with feature `reports`, the drift check
//!   (`Docs::check`) and diagnostics with their source lines.
//! - [`ChangeSet`] says what changed between two catalogs, and its [`Semver`] impact on code
//!   that uses the generated catalog.
//! - Errors that left the docs stay in the generated catalog as `#[deprecated]` variants,
//!   recorded in a ledger beside the docs ([`Builder::ledger_file`]);
//!   [`Docs::update_from`] computes the ledger and the changes of a docs refresh.
//!
//! The generated file holds data only — enums, tables of rows and one `catalog!` call that
//! adds their API — so a crate that includes it needs `smartcar-errors` as a dependency, of
//! the same version as catalog-gen. The `catalog-gen` command (feature `cli`) generates, checks, dumps, diffs,
//! lints, explains, fetches and updates.

#![deny(missing_docs)]

mod builder;
#[cfg(feature = "reports")]
mod check;
mod diagnostic;
mod diff;
mod docs;
mod emit;
mod error;
mod explain;
mod ledger;
mod lower;
mod model;
mod parse;
mod read_back;
mod report;
mod sha256;
mod snapshot;
mod write;

pub use builder::{Builder, Report};
#[cfg(feature = "reports")]
pub use check::Drift;
pub use diagnostic::{Diagnostic, Lint, Severity};
pub use diff::{Change, ChangeSet, FieldChange, Kind, Semver, What};
pub use docs::Docs;
pub use error::Error;
pub use model::{ApiErrorEntry, Catalog, ConnectErrorEntry, ConnectParameter, Source};
pub use report::Style;
pub use smartcar_errors_shared::explain::NotDocumented;

/// What the `catalog-gen` command shares with the library: not part of its API.
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli {
    pub use crate::error::NO_ERRORS_DOCUMENTED;
    pub use crate::report::plain as plain_report;
    pub use crate::write::{check_regular, sync_dir, write_if_changed, write_synced};
}
