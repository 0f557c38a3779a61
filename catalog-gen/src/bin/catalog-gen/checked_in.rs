//! How smartcar-errors' checked-in catalog is generated: one home for the settings that the
//! command line and the repository's tests share.

use std::path::Path;

use catalog_gen::Builder;

/// The command that regenerates smartcar-errors' checked-in catalog, as its header names it.
pub const REGENERATE_COMMAND: &str = "cargo run -p catalog-gen -- generate";

/// A builder of the checked-in catalog from the docs in `dir` (and the ledger beside them).
pub fn checked_in(dir: &Path) -> Builder {
    let mut builder = Builder::new();
    builder
        .docs_dir(dir)
        .docs_name("docs-snapshot")
        .runtime_crate("crate")
        .regenerate_command(REGENERATE_COMMAND)
        .cargo_metadata(false);
    builder
}
