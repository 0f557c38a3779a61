//! With feature `regenerate`, regenerates the catalog from `$SMARTCAR_DOCS_DIR` (in this
//! repository, `docs-snapshot` when the variable is not set) into `OUT_DIR`, keeping the
//! errors that left the docs as its ledger beside it records them (`NAME.ledger.json` beside
//! the docs directory `NAME`, when it exists), and every variant of the checked-in
//! `src/generated.rs`: features only add, so a crate that enables `regenerate` on docs that lack
//! a code must not break another crate of the build that names it (it becomes deprecated).
//! Without the feature, does nothing: the checked-in `src/generated.rs` is used.
//!
//! A failure is reported to Cargo as `cargo::error` lines, never as a panic.

fn main() {
    #[cfg(feature = "regenerate")]
    if let Err(message) = regenerate::run() {
        for line in message.lines() {
            println!("cargo::error={}", smartcar_errors_shared::text::Escaped(line));
        }
    }
}

#[cfg(feature = "regenerate")]
mod regenerate {
    use std::env;
    use std::path::{Path, PathBuf};

    use smartcar_errors_shared::text::Escaped;

    /// The variable that names the docs snapshot.
    const DOCS_DIR_VAR: &str = "SMARTCAR_DOCS_DIR";

    /// How to set the variable so that a relative path means what the user expects.
    const HOW_TO_SET: &str = "set SMARTCAR_DOCS_DIR to an absolute path, or in .cargo/config.toml: \
        [env] SMARTCAR_DOCS_DIR = { value = \"docs-snapshot\", relative = true }";

    /// Regenerates the catalog, or says why it cannot.
    pub fn run() -> Result<(), String> {
        println!("cargo::rerun-if-env-changed={DOCS_DIR_VAR}");
        println!("cargo::rerun-if-changed=build.rs");
        let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let docs = docs_dir(&manifest_dir)?;
        let out = PathBuf::from(env::var_os("OUT_DIR").ok_or("OUT_DIR is not set: run by Cargo")?)
            .join("generated.rs");
        catalog_gen::Builder::new()
            .docs_dir(&docs)
            .out_file(&out)
            .keep_variants_of(manifest_dir.join("src/generated.rs"))
            .runtime_crate("crate")
            .regenerate_command("cargo build -p smartcar-errors --features regenerate")
            .cargo_metadata(true)
            .generate()
            .map(drop)
            .map_err(|error| {
                format!(
                    "cannot regenerate the Smartcar error catalog from {}:\n{error}",
                    Escaped(&docs.to_string_lossy())
                )
            })
    }

    /// The docs snapshot: `$SMARTCAR_DOCS_DIR` (relative to this package's directory, where
    /// Cargo runs build scripts), or the repository's `docs-snapshot` beside this package.
    fn docs_dir(manifest_dir: &Path) -> Result<PathBuf, String> {
        let Some(value) = env::var_os(DOCS_DIR_VAR) else {
            let default = manifest_dir.join("../docs-snapshot");
            return if default.is_dir() {
                Ok(default)
            } else {
                Err(format!(
                    "feature `regenerate` reads the Smartcar docs from {DOCS_DIR_VAR}, which is not set \
                     (and this package has no docs-snapshot beside it): {HOW_TO_SET}"
                ))
            };
        };
        let given = PathBuf::from(&value);
        let docs = manifest_dir.join(&given);
        if docs.is_dir() {
            return Ok(docs);
        }
        let shown = Escaped(&given.to_string_lossy()).to_string();
        Err(if given.is_relative() {
            format!(
                "{DOCS_DIR_VAR} is `{shown}`, a relative path, resolved against the smartcar-errors \
                 package directory `{}`, where there is no such directory: {HOW_TO_SET}",
                Escaped(&manifest_dir.to_string_lossy())
            )
        } else {
            format!("{DOCS_DIR_VAR} is `{shown}`, which is not a directory")
        })
    }
}
