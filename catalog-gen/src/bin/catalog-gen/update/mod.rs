//! `catalog-gen update`: refresh the docs snapshot from the live docs, and with it the
//! generated catalog and the ledger of what left the docs, and say what changed and what it
//! means under semver. In five steps:
//!
//! 1. fetch: the pages are downloaded beside the snapshot, as `fetch` does (which first
//!    repairs what a killed run left);
//! 2. read: the docs before, with their ledger, and the fetched pages. Docs with errors, or
//!    that document no error, stop the update: nothing is written, and the diagnostics are
//!    printed, their files named within the fetched pages;
//! 3. update from the docs before: the new ledger and the changes
//!    ([`catalog_gen::Docs::update_from`]);
//! 4. write, when anything changes: the catalog, the ledger (and with `--bump` the release),
//!    then the snapshot last ([`crate::fetch::StagedSnapshot::commit_with`]: each file old or
//!    new, never a part; a run killed in between leaves the old snapshot, so `check` fails and
//!    the next update computes the same files again);
//! 5. print: the change note on stdout; what was written, on stderr.
//!
//! Exit 0 when the update ran (whether or not anything changed), 2 when it could not.

mod bump;
mod changelog;
mod note;
mod today;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_gen::cli::check_regular;
use catalog_gen::{Builder, ChangeSet, Docs, Error};
use clap::Args;

use crate::Format;
use crate::checked_in::checked_in;
use crate::commands::{Result, Ui};
use crate::fetch::{self, DownloadArgs, Replacement, StagedSnapshot};
use crate::paths::Paths;

/// What `update` does, shown by `catalog-gen update --help`.
const POLICIES: &str = "\
What it replaces:
  The snapshot (fetched as `fetch` fetches it: same rules, flags and limits), the generated
  catalog and the ledger of errors that left the docs, when anything changes; docs with
  errors, or that document no error, replace nothing. Each file is replaced whole, old or new,
  never a part: the catalog and the ledger first, the snapshot last. The refresh runs in a git
  checkout or a throwaway CI runner, where git records what it did: a run killed between two
  files leaves the old snapshot with files of another generation, `check` then fails and says
  so, and running the same update again writes what the whole run would have (--bump too: an
  entry already under [Unreleased] is not added again).

What it keeps:
  An error, error type or resolution that leaves the docs stays in the catalog as a
  #[deprecated] variant, recorded in the ledger with the day it left; one the docs document
  again leaves the ledger. --drop-tombstones removes them all: a major release.

What it bumps (--bump):
  The version is counted from the last release CHANGELOG.md records (its highest ## [X.Y.Z]
  heading) as Cargo reads versions: major bumps the first non-zero part; minor the minor part
  from 1.0.0 on, the patch part before; patch the patch part. A manifest already at or past
  that version keeps it, and so does a crate never released.

What it prints:
  The change note on stdout (the semantic diff and its semver impact: none, patch, minor or
  major); what it wrote on stderr. Exit 0 when it ran, changed or not; 2 when it could not.";

/// The flags of `catalog-gen update`.
#[derive(Debug, Args)]
#[command(after_long_help = POLICIES)]
pub struct UpdateArgs {
    /// The docs index in the llms.txt format, e.g. https://smartcar.com/docs/llms.txt.
    #[arg(long, value_name = "URL")]
    index: String,
    /// The docs snapshot to refresh [default: docs-snapshot, here or in the nearest parent
    /// that has one].
    #[arg(long, value_name = "DIR")]
    docs: Option<PathBuf>,
    /// The generated catalog [default: catalog/src/generated.rs beside the default docs].
    #[arg(long, value_name = "FILE")]
    generated: Option<PathBuf>,
    /// The ledger of errors that left the docs [default: NAME.ledger.json beside the docs
    /// directory NAME].
    #[arg(long, value_name = "FILE")]
    ledger: Option<PathBuf>,
    /// How to print the change note.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The date to record for what leaves the docs [default: the day of $SOURCE_DATE_EPOCH if
    /// set, else today; in UTC].
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = today::parse)]
    date: Option<String>,
    /// Drop every tombstone: the variants of errors that left the docs go away. A breaking
    /// change, for a major release.
    #[arg(long)]
    drop_tombstones: bool,
    /// Also write the release the change calls for: the next version in the manifest of the
    /// catalog's crate (the nearest Cargo.toml above --generated) and in Cargo.lock, and the
    /// changes in CHANGELOG.md under [Unreleased] (both looked for up to the snapshot's
    /// directory's parent); written with the rest, before the snapshot.
    #[arg(long)]
    bump: bool,
    #[command(flatten)]
    download: DownloadArgs,
}

/// What an update reads and writes.
struct Files {
    docs: PathBuf,
    generated: PathBuf,
    ledger: PathBuf,
}

impl Files {
    /// The paths given, or the repository's defaults.
    fn resolve(args: &UpdateArgs) -> Result<Files> {
        let paths = Paths::resolve(args.docs.clone(), args.generated.clone())?;
        let ledger = match &args.ledger {
            Some(ledger) => ledger.clone(),
            None => checked_in(&paths.docs)
                .ledger_path()
                .ok_or("the docs directory has no name to name the ledger after: give --ledger")?,
        };
        Ok(Files {
            docs: paths.docs,
            generated: paths.generated,
            ledger,
        })
    }

    /// A builder of the checked-in catalog from the docs in `dir`, with this ledger.
    fn builder(&self, dir: &Path) -> Builder {
        let mut builder = checked_in(dir);
        builder.ledger_file(&self.ledger);
        builder
    }
}

/// Runs the update (a failure exits 2). With `--quiet`, only errors and the change note are
/// printed.
pub fn run(args: &UpdateArgs, ui: &Ui) -> Result<ExitCode> {
    let date = today::date(args.date.as_deref())?;
    let files = Files::resolve(args)?;
    let staged = fetch::stage(&args.index, &files.docs, false, &args.download, |note| {
        ui.note(note)
    })?;
    let old = read_old(&files)?;
    let new = read_new(&files, staged.dir(), &args.index, ui)?;
    let (new, changes) = new.update_from(&old, &date, args.drop_tombstones)?;
    let written = write(args, &files, (&old, &new), &changes, &date, staged)?;
    print(args, ui, &files, &changes, &written)?;
    Ok(ExitCode::SUCCESS)
}

/// What an update wrote: the files, as the summary names them, and the release it bumped.
struct Written {
    files: Vec<String>,
    bump: Option<bump::Bump>,
}

/// Writes what the update from the docs `old` to `new` changes: nothing when the snapshot,
/// catalog and ledger already are what they would become; otherwise the catalog, the ledger
/// and the release (`--bump`), then the snapshot, from `staged`. The pages are compared as
/// `old` and `new` read them: every file of a snapshot is a page (the staged one holds only
/// what `fetch` wrote; the old one is refused unless it is a snapshot or missing).
fn write(
    args: &UpdateArgs,
    files: &Files,
    (old, new): (&Docs, &Docs),
    changes: &ChangeSet,
    date: &str,
    staged: StagedSnapshot,
) -> Result<Written> {
    // The catalog first: it records the hash of the docs and ledger it came from, so that
    // `check` sees every state a run killed from here on leaves.
    let mut replacements = vec![
        Replacement {
            target: files.generated.clone(),
            contents: Some(generated(new)?.into_bytes()),
        },
        Replacement {
            target: files.ledger.clone(),
            contents: new.ledger_json().map(String::into_bytes),
        },
    ];
    let pages_changed = !old.same_pages(new);
    if !pages_changed && changed(&replacements)?.is_empty() {
        return Ok(Written {
            files: Vec::new(),
            bump: None,
        });
    }
    let bump = if args.bump {
        let root = files.docs.parent().unwrap_or(Path::new(""));
        bump::bump(&files.generated, root, changes, date)?
    } else {
        None
    };
    replacements.extend(bump.iter().flat_map(|bump| bump.replacements.iter().cloned()));
    let mut written = Vec::new();
    if pages_changed {
        written.push(files.docs.display().to_string());
    }
    written.extend(
        changed(&replacements)?
            .iter()
            .map(|file| file.target.display().to_string()),
    );
    staged.commit_with(&replacements)?;
    Ok(Written { files: written, bump })
}

/// The files among `replacements` whose contents change.
fn changed(replacements: &[Replacement]) -> Result<Vec<&Replacement>> {
    let mut changed = Vec::new();
    for file in replacements {
        if read_optional(&file.target)? != file.contents {
            changed.push(file);
        }
    }
    Ok(changed)
}

/// Prints the change note on stdout and, unless `--quiet`, what was written on stderr.
fn print(args: &UpdateArgs, ui: &Ui, files: &Files, changes: &ChangeSet, written: &Written) -> Result<()> {
    let versions = written.bump.as_ref().map(|bump| (&bump.from, &bump.to));
    let note = note::note(changes, !written.files.is_empty(), versions, args.format);
    io::stdout().lock().write_all(note.as_bytes())?;
    ui.note(&if written.files.is_empty() {
        let docs = files.docs.display();
        format!("{docs} is up to date with {}; nothing written", args.index)
    } else {
        format!("updated {} from {}", written.files.join(", "), args.index)
    });
    Ok(())
}

/// The fetched docs in `dir`, their diagnostics printed, files named within the fetched pages;
/// refused when they have errors or document no error.
fn read_new(files: &Files, dir: &Path, index: &str, ui: &Ui) -> Result<Docs> {
    let new = files.builder(dir).read()?;
    let _ = io::stderr().lock().write_all(ui.plain_report(&new).as_bytes());
    let reason = if new.has_errors() {
        "have errors"
    } else if new.catalog().is_empty() {
        "document no errors"
    } else {
        return Ok(new);
    };
    Err(format!("the docs at {index} {reason}; nothing written").into())
}

/// The catalog `docs` (with their ledger) generate; a naming problem between the docs and the
/// ledger's tombstones is printed.
fn generated(docs: &Docs) -> Result<String> {
    match docs.rust_source() {
        Ok(code) => Ok(code),
        Err(Error::Docs { diagnostics }) => {
            for diagnostic in &diagnostics {
                let _ = writeln!(io::stderr(), "{diagnostic}");
            }
            Err("the docs and the ledger together generate no catalog; nothing written".into())
        }
        Err(error) => Err(error.into()),
    }
}

/// The docs before the update, with their ledger; no docs at all when the snapshot is missing
/// or empty (a first update), unless a ledger exists, whose tombstones would be lost.
fn read_old(files: &Files) -> Result<Docs> {
    let read = files.builder(&files.docs).read();
    let missing_or_empty = match &read {
        Err(Error::NoPages(_)) => true,
        Err(Error::Read { path, source }) => source.kind() == io::ErrorKind::NotFound && *path == files.docs,
        _ => false,
    };
    if missing_or_empty && fs::symlink_metadata(&files.ledger).is_err() {
        return Ok(Docs::from_pages(Vec::new()));
    }
    Ok(read?)
}

/// The bytes of the regular file at `path`, or `None` when there is none; anything else there
/// (a directory, a link) is refused, as it would not be replaced.
fn read_optional(path: &Path) -> Result<Option<Vec<u8>>> {
    let fail = |error: io::Error| format!("cannot read {}: {error}", path.display());
    if !check_regular(path).map_err(fail)? {
        return Ok(None);
    }
    Ok(Some(fs::read(path).map_err(fail)?))
}
