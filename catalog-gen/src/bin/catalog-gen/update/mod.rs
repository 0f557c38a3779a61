//! `catalog-gen update`: refresh the docs snapshot, the generated catalog and the ledger of
//! what left the docs from the live docs, and say what changed and its semver impact, as
//! `update --help` states.

mod bump;
mod changelog;
mod note;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use catalog_gen::cli::check_regular;
use catalog_gen::{ChangeSet, Docs, Error};
use clap::Args;
use smartcar_errors_shared::{date, text::escape};

use self::bump::Versions;
use crate::Format;
use crate::checked_in::checked_in;
use crate::commands::{Result, Ui};
use crate::fetch::{self, DownloadArgs, Replacement, StagedSnapshot};
use crate::paths::{DOCS_DIR, GENERATED_FILE, or_default};

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
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
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

/// Runs the update (a failure exits 2). With `--quiet`, only errors and the change note are
/// printed.
pub fn run(args: &UpdateArgs, ui: &Ui) -> Result<ExitCode> {
    let index = &args.index;
    let date = args.date.clone().map_or_else(date::today, Ok)?;
    let docs = or_default(args.docs.clone(), DOCS_DIR)?;
    let generated = or_default(args.generated.clone(), GENERATED_FILE)?;
    let ledger = args.ledger.clone().or_else(|| checked_in(&docs).ledger_path());
    let ledger = ledger.ok_or("the docs directory has no name to name the ledger after: give --ledger")?;
    let read = |dir: &Path| checked_in(dir).ledger_file(&ledger).read();
    let (staged, _) = fetch::stage(index, &docs, false, &args.download, |note| ui.note(note))?;
    let old = read_old(read(&docs), &docs, &ledger)?;
    let new = read(staged.dir())?;
    // Named within the fetched pages, which are not where they will stay.
    let _ = io::stderr().lock().write_all(ui.report(&new, true).as_bytes());
    if new.has_errors() {
        return Err(format!("the docs at {index} have errors; nothing written").into());
    }
    if new.catalog().is_empty() {
        return Err(format!("the docs at {index} document no errors; nothing written").into());
    }
    let (new, changes) = new.update_from(&old, &date, args.drop_tombstones)?;
    let files = [generated, ledger];
    let (written, versions) = write(args, &files, &docs, (&old, &new), &changes, &date, staged)?;
    let note = note::note(&changes, !written.is_empty(), versions.as_ref(), args.format);
    io::stdout().lock().write_all(note.as_bytes())?;
    ui.note(&if written.is_empty() {
        format!("{} is up to date with {index}; nothing written", docs.display())
    } else {
        format!("updated {} from {index}", written.join(", "))
    });
    Ok(ExitCode::SUCCESS)
}

/// Reads `--date`: a real day written `YYYY-MM-DD`. The error is escaped here: clap prints
/// it.
fn parse_date(text: &str) -> std::result::Result<String, String> {
    let not_a_date = || format!("`{}` is not a date written YYYY-MM-DD", escape(text));
    date::is_valid(text)
        .then(|| text.to_owned())
        .ok_or_else(not_a_date)
}

/// Writes those of the catalog, the ledger and the release (`--bump`) that change, then the
/// snapshot `docs` from `staged`; nothing when neither the catalog, the ledger nor the pages
/// change (the pages compared as the docs `old` and `new` read them: the staged snapshot holds
/// only what `fetch` wrote, the old one is refused unless it is a snapshot or missing).
/// Returns the files written, as the summary names them, and the versions bumped from and to.
fn write(
    args: &UpdateArgs,
    [generated, ledger]: &[PathBuf; 2],
    docs: &Path,
    (old, new): (&Docs, &Docs),
    changes: &ChangeSet,
    date: &str,
    staged: StagedSnapshot,
) -> Result<(Vec<String>, Option<Versions>)> {
    let source = match new.rust_source() {
        Ok(source) => source,
        Err(Error::Docs { diagnostics }) => {
            for diagnostic in &diagnostics {
                let _ = writeln!(io::stderr(), "{diagnostic}");
            }
            return Err("the docs and the ledger together generate no catalog; nothing written".into());
        }
        Err(error) => return Err(error.into()),
    };
    // The catalog first: it records the hash of the docs and ledger it came from, so that
    // `check` sees every state a run killed from here on leaves.
    let mut replacements = changed(vec![
        (generated.clone(), Some(source)),
        (ledger.clone(), new.ledger_json()),
    ])?;
    let pages_changed = !old.same_pages(new);
    if !pages_changed && replacements.is_empty() {
        return Ok((Vec::new(), None));
    }
    let mut versions = None;
    if args.bump
        && let Some((bumped, files)) =
            bump::bump(generated, docs.parent().unwrap_or(Path::new("")), changes, date)?
    {
        replacements.extend(changed(files)?);
        versions = Some(bumped);
    }
    let mut files = Vec::new();
    if pages_changed {
        files.push(docs.display().to_string());
    }
    files.extend(
        replacements
            .iter()
            .map(|(target, _)| target.display().to_string()),
    );
    staged.commit_with(&replacements)?;
    Ok((files, versions))
}

/// Those of `files` that change their file.
fn changed(files: Vec<Replacement>) -> Result<Vec<Replacement>> {
    let mut changed = Vec::new();
    for (target, text) in files {
        if read_optional(&target)?.as_deref() != text.as_ref().map(String::as_bytes) {
            changed.push((target, text));
        }
    }
    Ok(changed)
}

/// The docs before the update, with their `ledger`, as `read` from the snapshot `dir`; no
/// docs at all when the snapshot is missing or empty (a first update), unless a ledger exists,
/// whose tombstones would be lost.
fn read_old(read: std::result::Result<Docs, Error>, dir: &Path, ledger: &Path) -> Result<Docs> {
    let missing_or_empty = match &read {
        Err(Error::NoPages(_)) => true,
        Err(Error::Read { path, source }) => source.kind() == io::ErrorKind::NotFound && path == dir,
        _ => false,
    };
    if missing_or_empty && fs::symlink_metadata(ledger).is_err() {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_date_must_be_real() {
        assert_eq!(parse_date("2024-02-29").as_deref(), Ok("2024-02-29"));
        assert_eq!(
            parse_date("2026-02-30\u{1b}").unwrap_err(),
            r"`2026-02-30\u{1b}` is not a date written YYYY-MM-DD"
        );
    }
}
