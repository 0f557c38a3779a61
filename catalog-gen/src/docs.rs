//! A docs snapshot read once: its pages, the catalog they document, and every problem found in
//! them; with the ledger of what left the docs, the catalog generated from them. Everything a
//! command does — generate, check, dump, lint, explain, diff, update — starts here.

use std::path::{Path, PathBuf};

#[cfg(feature = "reports")]
use crate::check::Drift;
use crate::diagnostic::{self, Diagnostic};
use crate::diff::{ChangeSet, Kind};
use crate::emit;
use crate::ledger::Ledger;
use crate::lower::{self, Plan};
use crate::model::Catalog;
use crate::read_back::Rows;
use crate::report::{self, Style};
use crate::snapshot::Snapshot;
use crate::write;
use crate::{Builder, Error, NotDocumented, explain, parse};
use smartcar_errors_shared::date;

/// The docs as read by [`Builder::read`](crate::Builder::read): the catalog they document and
/// every problem found in them, with their pages kept to show where each problem is; and the
/// ledger of the errors that left the docs, whose tombstones the generated catalog keeps.
#[derive(Debug, Clone)]
pub struct Docs {
    snapshot: Snapshot,
    catalog: Catalog,
    parse_diagnostics: Vec<Diagnostic>,
    /// Parsing's problems and the naming problems, sorted.
    diagnostics: Vec<Diagnostic>,
    /// The tombstones: nothing the docs document.
    ledger: Ledger,
    /// The docs and the tombstones, when the ledger keeps any error.
    generated: Option<Catalog>,
    /// The generated catalog lowered, when it has no naming problem.
    plan: Option<Plan>,
    /// What the docs were read with: how the generated catalog refers to the world.
    builder: Builder,
}

impl Docs {
    /// Parses `snapshot`, and plans its catalog with the tombstones of `ledger`.
    pub(crate) fn new(snapshot: Snapshot, ledger: Ledger, builder: Builder) -> Docs {
        let parsed = parse::parse_snapshot(&snapshot);
        let docs = Docs {
            snapshot,
            catalog: parsed.catalog,
            parse_diagnostics: parsed.diagnostics,
            diagnostics: Vec::new(),
            ledger: Ledger::default(),
            generated: None,
            plan: None,
            builder,
        };
        docs.with_ledger(ledger)
    }

    /// These docs with `ledger` (without what the docs document again), the catalog planned
    /// anew.
    fn with_ledger(mut self, ledger: Ledger) -> Docs {
        let ledger = ledger.without_documented(&self.catalog);
        self.generated = ledger.keeps_errors().then(|| ledger.merge(&self.catalog));
        self.diagnostics.clone_from(&self.parse_diagnostics);
        let generated = self.generated.as_ref().unwrap_or(&self.catalog);
        self.plan = match lower::lower(generated, &ledger) {
            Ok(plan) => Some(plan),
            Err(problems) => {
                self.diagnostics.extend(problems);
                diagnostic::sort(&mut self.diagnostics);
                None
            }
        };
        self.ledger = ledger;
        self
    }

    /// Docs made of the pages given, each `(path, bytes)` with a `/`-separated path (for
    /// tests and tools that do not read a directory); the catalog is generated for
    /// `::smartcar_errors`.
    pub fn from_pages(pages: impl IntoIterator<Item = (String, Vec<u8>)>) -> Docs {
        Docs::new(Snapshot::from_files(pages), Ledger::default(), Builder::new())
    }

    /// The catalog the docs document: every entry that could be read. (The generated catalog
    /// also keeps the ledger's tombstones.)
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Every problem found in the docs, errors and warnings, sorted by position; files are
    /// named relative to the docs directory.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    /// Whether any diagnostic is an error: the docs then generate nothing.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// The SHA-256 of the pages' contents, independent of their names and order (and of the
    /// ledger's, when it keeps anything), as the generated file's header records it.
    pub fn hash(&self) -> String {
        let json = self.ledger_json();
        self.snapshot
            .content_hash_with(json.as_deref().map(str::as_bytes))
    }

    /// Whether these docs and `other` were read from the same pages: the same paths, with
    /// the same bytes (hidden entries, other files and empty directories are never read).
    pub fn same_pages(&self, other: &Docs) -> bool {
        self.snapshot.files == other.snapshot.files
    }

    /// `diagnostics` (of these docs) as the command line prints them, followed by a count:
    /// files named below the docs directory, and in the `Style::Snippet` style (feature
    /// `reports`) with each problem's source line. Empty when there are none.
    pub fn render(&self, diagnostics: &[Diagnostic], style: Style) -> String {
        report::render(diagnostics, &self.snapshot, style)
    }

    /// What the docs say of the error `query` names — `SERVER:INTERNAL` or `SERVER.INTERNAL`,
    /// a code alone when only one type has it, a type alone for its null code, a Connect error
    /// or a doc URL — and where they say it; otherwise the closest documented names. An error
    /// that left the docs is found among the ledger's tombstones, with the date it left.
    pub fn explain(&self, query: &str) -> Result<String, NotDocumented> {
        explain::explain(self.generated(), &self.ledger, query)
    }

    /// The Rust source of the generated catalog, tombstones included, or why there is none.
    pub fn rust_source(&self) -> Result<String, Error> {
        self.rust_source_recording(&self.hash())
    }

    /// [`rust_source`](Self::rust_source), whose header records `hash`, these docs' hash.
    fn rust_source_recording(&self, hash: &str) -> Result<String, Error> {
        let plan = self.plan()?;
        let ledger = !self.ledger.is_empty();
        Ok(emit::emit(self.generated(), plan, hash, ledger, &self.builder))
    }

    /// The ledger's text as the ledger file holds it, or `None` when it keeps nothing (and
    /// there is no file).
    pub fn ledger_json(&self) -> Option<String> {
        (!self.ledger.is_empty()).then(|| self.ledger.to_json())
    }

    /// These docs, fetched anew, and what they change in the catalog generated from `old`
    /// (the docs before, read with their ledger) on `date` (`YYYY-MM-DD`, UTC).
    ///
    /// The ledger becomes `old`'s with every error `old` documents and these docs do not
    /// (dated `date`), and every resolution no code of these docs suggests; what these docs
    /// document again leaves it. With `drop_tombstones`, the ledger is emptied instead: every
    /// variant it kept goes away, a change for a major release, reported as dropped. The
    /// changes are those between the two docs (and the drops), with their semver impact
    /// ([`ChangeSet::semver`]).
    pub fn update_from(
        self,
        old: &Docs,
        date: &str,
        drop_tombstones: bool,
    ) -> Result<(Docs, ChangeSet), Error> {
        if !date::is_valid(date) {
            return Err(Error::InvalidDate(date.to_owned()));
        }
        let mut ledger = old.ledger.advance(&old.catalog, &self.catalog, date);
        let mut changes = ChangeSet::between(&old.catalog, &self.catalog);
        if drop_tombstones {
            let (api, connect) = ledger.error_names();
            let documented = self.catalog.error_types();
            let merged = ledger.merge(&self.catalog);
            let types = merged
                .error_types()
                .into_iter()
                .filter(|name| !documented.contains(name))
                .map(str::to_owned)
                .collect();
            let resolutions = ledger.resolutions().map(|(name, _)| name.to_owned()).collect();
            changes.record_dropped(Kind::Api, api);
            changes.record_dropped(Kind::Connect, connect);
            changes.record_dropped(Kind::ErrorType, types);
            changes.record_dropped(Kind::Resolution, resolutions);
            ledger = Ledger::empty_at(ledger.origin().clone());
        }
        Ok((self.with_ledger(ledger), changes))
    }

    /// These docs with the ledger's tombstones and every error of the catalog generated at
    /// `path` that they do not document ([`Builder::keep_variants_of`](crate::Builder::keep_variants_of)).
    pub(crate) fn keeping(self, path: &Path) -> Result<Docs, Error> {
        let invalid = |reason: String| Error::KeptCatalog {
            path: path.to_path_buf(),
            reason,
        };
        let text = write::read_regular(path).map_err(|error| invalid(error.to_string()))?;
        let today = date::today().map_err(invalid)?;
        let rows = Rows::read(&text).map_err(|error| invalid(error.to_string()))?;
        let kept = rows
            .entries(&Ledger::origin_of(Some(path)), &today)
            .map_err(|error| invalid(error.to_string()))?;
        // Oldest first, so that a resolution is dated by the first code that kept it.
        let mut ledger = self.ledger.clone();
        for (date, catalog) in &kept {
            ledger = ledger.advance(catalog, &self.catalog, date);
        }
        Ok(self.with_ledger(ledger))
    }

    /// Writes the generated catalog to `path` if its contents change, atomically; returns
    /// whether it wrote. Nothing is written when the docs have errors or document no error.
    pub fn write(&self, path: &Path) -> Result<bool, Error> {
        let source = self.rust_source()?;
        write::write_if_changed(path, source.as_bytes()).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Compares the generated file at `path` with what the docs generate now, never writing;
    /// `None` when they are the same. `fix_command` is the command the report gives.
    /// Feature `reports`.
    #[cfg(feature = "reports")]
    pub fn check(&self, path: &Path, fix_command: &str) -> Result<Option<Drift>, Error> {
        let hash = self.hash();
        let generated = self.rust_source_recording(&hash)?;
        let existing = write::read_regular(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let file = path.display().to_string();
        Ok(Drift::find(&existing, &generated, &hash, &file, fix_command))
    }

    /// Every directory listed and every page read, and the ledger file if there is one, for a
    /// build script's `rerun-if-changed`.
    pub(crate) fn watched(&self) -> impl Iterator<Item = PathBuf> + '_ {
        let directories = &self.snapshot.directories;
        let root = directories.first();
        let pages = self.snapshot.files.iter();
        let pages = pages.filter_map(move |file| Some(root?.join(&file.path)));
        let ledger = self.builder.ledger_path().filter(|path| path.is_file());
        directories.iter().cloned().chain(pages).chain(ledger)
    }

    /// The catalog generated: the docs and the tombstones.
    fn generated(&self) -> &Catalog {
        self.generated.as_ref().unwrap_or(&self.catalog)
    }

    /// The plan, when the docs can generate a catalog.
    fn plan(&self) -> Result<&Plan, Error> {
        let root = self.snapshot.directories.first().map(PathBuf::as_path);
        let shown = || {
            let shown = self.diagnostics.iter().map(|d| report::shown_under(d, root));
            shown.collect()
        };
        match &self.plan {
            _ if self.has_errors() => Err(Error::Docs { diagnostics: shown() }),
            // Tombstones alone are no catalog: the docs must document something.
            _ if self.catalog.is_empty() => Err(Error::NoErrorsDocumented { diagnostics: shown() }),
            Some(plan) => Ok(plan),
            // Without errors, lowering found no naming problem.
            None => Err(Error::Docs { diagnostics: shown() }),
        }
    }
}
