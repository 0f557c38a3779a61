//! Configuring a generation, in the manner of `prost_build::Config`.

use std::env;
use std::path::{Path, PathBuf};

use smartcar_errors_shared::text;

use crate::emit;
use crate::ledger::Ledger;
use crate::snapshot::Snapshot;
use crate::{Catalog, Docs, Error, lower, report};

/// Where the docs are and how the generated catalog refers to the world; then reads the docs
/// ([`read`](Builder::read)) or, from a build script, generates the catalog in one step
/// ([`generate`](Builder::generate)).
///
/// ```no_run
/// // build.rs, with catalog-gen as a build-dependency (default-features = false) and
/// // smartcar-errors as a dependency.
/// fn main() -> Result<(), catalog_gen::Error> {
///     catalog_gen::Builder::new().docs_dir("smartcar-docs").generate()?;
///     Ok(())
/// }
/// // src/lib.rs: pub mod errors { include!(concat!(env!("OUT_DIR"), "/smartcar_errors.rs")); }
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    docs_dir: PathBuf,
    docs_name: Option<String>,
    ledger_file: Option<PathBuf>,
    out_file: Option<PathBuf>,
    kept_catalog: Option<PathBuf>,
    pub(crate) runtime: String,
    pub(crate) regenerate: String,
    cargo_metadata: bool,
}

impl Default for Builder {
    fn default() -> Self {
        Builder::new()
    }
}

/// What [`Builder::generate`] did. It may gain fields in a minor release.
#[derive(Debug, Clone)]
#[non_exhaustive]
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
    /// The docs' content hash, as the generated file's header records it.
    pub docs_hash: String,
    /// Inconsistencies in the docs that did not stop generation.
    pub warnings: Vec<crate::Diagnostic>,
}

impl Builder {
    /// A builder reading `docs` (relative to the current directory, which is the crate's
    /// directory in a build script), writing `$OUT_DIR/smartcar_errors.rs`, for the runtime
    /// crate `::smartcar_errors`, talking to Cargo when run by it (see
    /// [`cargo_metadata`](Builder::cargo_metadata)).
    pub fn new() -> Self {
        Builder {
            docs_dir: PathBuf::from("docs"),
            docs_name: None,
            ledger_file: None,
            out_file: None,
            kept_catalog: None,
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

    /// What the generated file's header names as its input (default: the docs directory's
    /// name), so that the same docs read from another place generate the same bytes.
    pub fn docs_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.docs_name = Some(name.into());
        self
    }

    /// The ledger of the errors that left the docs, whose tombstones the generated catalog
    /// keeps as deprecated variants; read when it exists. Default: `NAME.ledger.json` beside
    /// the docs directory `NAME` (`docs-snapshot.ledger.json` beside `docs-snapshot`), as
    /// `catalog-gen update` writes it.
    pub fn ledger_file(&mut self, file: impl AsRef<Path>) -> &mut Self {
        self.ledger_file = Some(file.as_ref().to_path_buf());
        self
    }

    /// The file [`generate`](Builder::generate) writes (default: `$OUT_DIR/smartcar_errors.rs`).
    pub fn out_file(&mut self, file: impl AsRef<Path>) -> &mut Self {
        self.out_file = Some(file.as_ref().to_path_buf());
        self
    }

    /// A catalog generated before, whose every variant the generated one keeps: each of its
    /// errors the docs do not document becomes a deprecated tombstone (dated the day it left
    /// the docs if it was one already, else today, or the day of `SOURCE_DATE_EPOCH`), so that
    /// code written against it still compiles. A Cargo feature that regenerates a crate's
    /// checked-in catalog needs this: features only add.
    pub fn keep_variants_of(&mut self, generated: impl AsRef<Path>) -> &mut Self {
        self.kept_catalog = Some(generated.as_ref().to_path_buf());
        self
    }

    /// The path by which the generated code names the runtime crate (`::smartcar_errors`, or
    /// `crate` inside it).
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime = path.into();
        self
    }

    /// The command the generated header names for regenerating the file.
    pub fn regenerate_command(&mut self, command: impl Into<String>) -> &mut Self {
        self.regenerate = command.into();
        self
    }

    /// Whether [`generate`](Builder::generate) talks to Cargo as a build script: prints
    /// `cargo::rerun-if-changed` for every page and directory read (each path checked to be
    /// printable, see [`Error::UnprintablePath`]), and every warning about the docs as a
    /// `cargo::warning` line, its docs text escaped so that it stays one line. On by default
    /// when run by Cargo with `OUT_DIR` set.
    pub fn cargo_metadata(&mut self, enabled: bool) -> &mut Self {
        self.cargo_metadata = enabled;
        self
    }

    /// Reads and parses every page of the docs directory, once, and the ledger if it exists.
    pub fn read(&self) -> Result<Docs, Error> {
        self.check_runtime()?;
        let snapshot = Snapshot::read(&self.docs_dir)?;
        let path = self.ledger_path();
        let found = path.as_deref().map(Ledger::read).transpose()?.flatten();
        let ledger = found.unwrap_or_else(|| Ledger::empty_at(Ledger::origin_of(path.as_deref())));
        let docs = Docs::new(snapshot, ledger, self.clone());
        match &self.kept_catalog {
            Some(path) => docs.keeping(path),
            None => Ok(docs),
        }
    }

    /// The ledger file [`read`](Builder::read) reads if it exists: the one given, or
    /// `NAME.ledger.json` beside the docs directory `NAME`; `None` when the docs directory has
    /// no name (`/`, `..`) and none was given.
    pub fn ledger_path(&self) -> Option<PathBuf> {
        let beside_docs = || {
            let mut file = self.docs_dir.file_name()?.to_os_string();
            file.push(LEDGER_SUFFIX);
            Some(self.docs_dir.with_file_name(file))
        };
        self.ledger_file.clone().or_else(beside_docs)
    }

    /// Reads the docs and writes the catalog they generate if it changed, telling Cargo what
    /// to watch when [`cargo_metadata`](Builder::cargo_metadata) is on. Nothing is written
    /// when the docs have errors or document no error at all.
    pub fn generate(&self) -> Result<Report, Error> {
        let out_dir = || Some(PathBuf::from(env::var_os("OUT_DIR")?).join("smartcar_errors.rs"));
        let out_file = self.out_file.clone().or_else(out_dir).ok_or(Error::NoOutFile)?;
        let docs = self.read()?;
        if self.cargo_metadata {
            let watched = docs.watched().chain(self.kept_catalog.iter().cloned());
            let lines = watched
                .map(|path| directive_path(&path).map(|path| format!("cargo::rerun-if-changed={path}\n")))
                .collect::<Result<String, _>>()?;
            print!("{lines}");
        }
        let written = docs.write(&out_file)?;
        let warnings: Vec<crate::Diagnostic> = docs.diagnostics().to_vec();
        if self.cargo_metadata {
            let root = Some(self.docs_dir.as_path());
            for warning in &warnings {
                println!("cargo::warning={}", report::shown_under(warning, root));
            }
        }
        let catalog = docs.catalog();
        Ok(Report {
            out_file,
            written,
            api_errors: catalog.api_errors.len(),
            error_types: catalog.error_types().len(),
            connect_errors: catalog.connect_errors.len(),
            docs_hash: docs.hash(),
            warnings,
        })
    }

    /// The Rust source of the catalog generated from `catalog`, a model this builder did not
    /// read (deserialized from `catalog-gen dump`'s JSON, or made by a program), with this
    /// builder's options but without a ledger. Its header records the SHA-256 of the model's
    /// JSON. Fails as [`Docs::rust_source`] does: on names that cannot be Rust names, and on a
    /// catalog without errors.
    pub fn rust_source(&self, catalog: &Catalog) -> Result<String, Error> {
        self.check_runtime()?;
        if catalog.is_empty() {
            return Err(Error::NoErrorsDocumented {
                diagnostics: Vec::new(),
            });
        }
        let plan =
            lower::lower(catalog, &Ledger::default()).map_err(|diagnostics| Error::Docs { diagnostics })?;
        let json = serde_json::to_vec(catalog).unwrap_or_default();
        let hash = crate::snapshot::hex(&crate::sha256::digest(&json));
        Ok(emit::emit(catalog, &plan, &hash, false, self))
    }

    /// Refuses a runtime crate path that is not a Rust path.
    fn check_runtime(&self) -> Result<(), Error> {
        let invalid = |_| Error::RuntimePath(self.runtime.clone());
        syn::parse_str::<syn::Path>(&self.runtime).map_err(invalid)?;
        Ok(())
    }

    /// What the generated file's header names as its input.
    pub(crate) fn header_docs_name(&self) -> String {
        match (&self.docs_name, self.docs_dir.file_name()) {
            (Some(name), _) => name.clone(),
            (None, Some(dir)) => dir.to_string_lossy().into_owned(),
            (None, None) => "docs".to_owned(),
        }
    }

    /// What the generated file's header names as the ledger, when it keeps anything.
    pub(crate) fn header_ledger_name(&self) -> String {
        match self.ledger_path().as_deref().and_then(Path::file_name) {
            Some(name) => name.to_string_lossy().into_owned(),
            None => format!("{}{LEDGER_SUFFIX}", self.header_docs_name()),
        }
    }
}

/// What the default ledger's name adds to the docs directory's.
const LEDGER_SUFFIX: &str = ".ledger.json";

/// `path` as it can be printed in a build-script directive: UTF-8, with no character that
/// could end the directive's line or disguise it.
fn directive_path(path: &Path) -> Result<&str, Error> {
    path.to_str()
        .filter(|text| text::is_safe(text))
        .ok_or_else(|| Error::UnprintablePath(path.to_path_buf()))
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
            Err(Error::NoPages(path)) => assert_eq!(path, docs),
            other => panic!("expected NoPages, got {other:?}"),
        }
        fs::write(docs.join("notes.md"), "# Notes\n\nNo errors here.\n").unwrap();
        match builder.generate() {
            Err(Error::NoErrorsDocumented { diagnostics }) => {
                assert_eq!(diagnostics.len(), 1);
                assert_eq!(
                    diagnostics[0].source.file,
                    docs.join("notes.md").display().to_string()
                );
            }
            other => panic!("expected NoErrorsDocumented, got {other:?}"),
        }
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
            assert!(matches!(&error, Error::UnprintablePath(path) if path == Path::new(bad)));
            assert!(!error.to_string().contains(['\n', '\r', '\u{202e}']), "{error}");
        }
        assert_eq!(
            directive_path(Path::new("docs/a\ncargo::rustc-cfg=x.md"))
                .unwrap_err()
                .to_string(),
            "cannot tell Cargo to watch `docs/a\\ncargo::rustc-cfg=x.md`: the path is not UTF-8 or holds a control character"
        );
    }

    #[test]
    fn a_runtime_path_that_is_not_rust_is_refused() {
        let mut builder = Builder::new();
        builder.runtime_crate("smartcar errors");
        match builder.read() {
            Err(Error::RuntimePath(path)) => assert_eq!(path, "smartcar errors"),
            other => panic!("expected RuntimePath, got {other:?}"),
        }
    }
}
