//! A docs snapshot read once: its pages, the catalog they document, and every problem found in
//! them. Everything a command does — generate, check, dump, lint, explain, diff — starts here.

use std::path::{Path, PathBuf};

use crate::check::Drift;
use crate::diagnostic::{self, Diagnostic};
use crate::emit::{self, EmitOptions};
use crate::lower::{self, Plan};
use crate::model::Catalog;
use crate::report::{self, Style};
use crate::snapshot::Snapshot;
use crate::write;
use crate::{Error, NotDocumented, explain, parse};

/// The docs as read by [`Builder::read`](crate::Builder::read): the catalog they document and
/// every problem found in them, with their pages kept to show where each problem is.
#[derive(Debug, Clone)]
pub struct Docs {
    snapshot: Snapshot,
    catalog: Catalog,
    /// Parsing's problems and the naming problems, sorted.
    diagnostics: Vec<Diagnostic>,
    /// The catalog lowered, when it has no naming problem.
    plan: Option<Plan>,
    options: EmitOptions,
    hash: String,
}

impl Docs {
    /// Parses `snapshot` and plans its catalog.
    pub(crate) fn new(snapshot: Snapshot, options: EmitOptions) -> Docs {
        let parsed = parse::parse_snapshot(&snapshot);
        let mut diagnostics = parsed.diagnostics;
        let plan = match lower::lower(&parsed.catalog) {
            Ok(plan) => Some(plan),
            Err(problems) => {
                diagnostics.extend(problems);
                diagnostic::sort(&mut diagnostics);
                None
            }
        };
        Docs {
            hash: snapshot.content_hash(),
            snapshot,
            catalog: parsed.catalog,
            diagnostics,
            plan,
            options,
        }
    }

    /// Docs made of the pages given, each `(path, bytes)` with a `/`-separated path (for
    /// tests and tools that do not read a directory); the catalog is generated for
    /// `::smartcar_errors`.
    pub fn from_pages(pages: impl IntoIterator<Item = (String, Vec<u8>)>) -> Docs {
        let options = EmitOptions {
            runtime: "::smartcar_errors".into(),
            docs_name: "docs".into(),
            regenerate: "cargo build (build.rs)".into(),
        };
        Docs::new(Snapshot::from_files(pages), options)
    }

    /// The catalog the docs document: every entry that could be read.
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

    /// The SHA-256 of the pages' contents, independent of their names and order, as the
    /// generated file's header records it.
    pub fn hash(&self) -> &str {
        &self.hash
    }

    /// `diagnostics` (of these docs) as the command line prints them, followed by a count:
    /// files named below the docs directory, and in the [`Style::Snippet`] style with each
    /// problem's source line. Empty when there are none.
    pub fn render(&self, diagnostics: &[Diagnostic], style: Style) -> String {
        report::render(diagnostics, &self.snapshot, style)
    }

    /// What the docs say of the error `query` names — `SERVER:INTERNAL` or `SERVER.INTERNAL`,
    /// a code alone when only one type has it, a type alone for its null code, a Connect error
    /// or a doc URL — and where they say it; otherwise the closest documented names.
    pub fn explain(&self, query: &str) -> Result<String, NotDocumented> {
        explain::explain(&self.catalog, query)
    }

    /// The generated catalog, or why there is none.
    pub fn code(&self) -> Result<String, Error> {
        let plan = self.plan()?;
        Ok(emit::emit(&self.catalog, plan, &self.hash, &self.options))
    }

    /// Writes the generated catalog to `path` if its contents change, atomically; returns
    /// whether it wrote. Nothing is written when the docs have errors or document no error.
    pub fn write(&self, path: &Path) -> Result<bool, Error> {
        let code = self.code()?;
        write::write_if_changed(path, code.as_bytes()).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })
    }

    /// Compares the generated file at `path` with what the docs generate now, never writing;
    /// `None` when they are the same. `fix_command` is the command the report gives.
    pub fn check(&self, path: &Path, fix_command: &str) -> Result<Option<Drift>, Error> {
        let code = self.code()?;
        let read_error = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        write::check_regular(path).map_err(read_error)?;
        let existing = std::fs::read_to_string(path).map_err(read_error)?;
        let file = path.display().to_string();
        Ok(Drift::find(
            &existing,
            &code,
            &self.catalog,
            &self.hash,
            &file,
            fix_command,
        ))
    }

    /// Every directory listed and every page read, for a build script's `rerun-if-changed`.
    pub(crate) fn watched(&self) -> impl Iterator<Item = PathBuf> + '_ {
        let root = self.snapshot.directories.first();
        let pages = self
            .snapshot
            .files
            .iter()
            .filter_map(move |file| Some(root?.join(&file.path)));
        self.snapshot.directories.iter().cloned().chain(pages)
    }

    /// The plan, when the docs can generate a catalog.
    fn plan(&self) -> Result<&Plan, Error> {
        let shown = || {
            let root = self.snapshot.directories.first().map(PathBuf::as_path);
            self.diagnostics
                .iter()
                .map(|d| report::shown_under(d, root).into_owned())
                .collect()
        };
        if self.has_errors() {
            return Err(Error::Docs { diagnostics: shown() });
        }
        if self.catalog.api_errors.is_empty() && self.catalog.connect_errors.is_empty() {
            return Err(Error::NoErrorsDocumented { diagnostics: shown() });
        }
        // Without errors, lowering found no naming problem.
        self.plan
            .as_ref()
            .ok_or_else(|| Error::Docs { diagnostics: shown() })
    }
}
