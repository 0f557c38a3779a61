//! The drift check: does a checked-in generated file say what the docs generate?
//!
//! The texts are compared byte for byte. When they differ, the rows of both files are read
//! back ([`crate::read_back`]) by the same reader, field by field as the file names them, so the
//! report can say which codes changed and in which fields, besides showing the unified diff; no
//! list of fields is kept here, so a row that gains one is compared with it.

use std::fmt;

use similar::TextDiff;

use crate::diff::{ChangeSet, Kind};
use crate::emit::recorded_hash;
use crate::read_back::Rows;

/// At most this many lines of unified diff are shown; the semantic summary names the rest.
const MAX_DIFF_LINES: usize = 400;

/// How a checked-in generated file differs from what the docs generate.
#[derive(Debug, Clone)]
pub struct Drift {
    file: String,
    recorded_hash: Option<String>,
    current_hash: String,
    changes: Result<ChangeSet, String>,
    unified_diff: String,
    fix_command: String,
}

impl Drift {
    /// Compares `existing` (the checked-in text of `file`) with `generated`, the text the docs
    /// whose hash is `docs_hash` generate; `None` when they are the same, byte for byte.
    pub(crate) fn find(
        existing: &str,
        generated: &str,
        docs_hash: &str,
        file: &str,
        fix_command: &str,
    ) -> Option<Drift> {
        if existing == generated {
            return None;
        }
        let unified = TextDiff::from_lines(existing, generated)
            .unified_diff()
            .context_radius(2)
            .header(
                &format!("{file} (checked in)"),
                &format!("{file} (generated from the docs)"),
            )
            .to_string();
        let changes = Rows::read(existing).and_then(|old| {
            let new = Rows::read(generated)?;
            let mut set = ChangeSet::default();
            set.compare(Kind::Api, &old.api, &new.api);
            set.compare(Kind::Connect, &old.connect, &new.connect);
            Ok(set)
        });
        Some(Drift {
            file: file.to_owned(),
            recorded_hash: recorded_hash(existing).map(str::to_owned),
            current_hash: docs_hash.to_owned(),
            changes: changes.map_err(|error| error.to_string()),
            unified_diff: cap_lines(&unified, MAX_DIFF_LINES),
            fix_command: fix_command.to_owned(),
        })
    }

    /// Why the file drifted, in one sentence.
    fn cause(&self) -> String {
        match &self.recorded_hash {
            Some(recorded) if *recorded == self.current_hash => format!(
                "The docs are unchanged since {} was generated (sha256 {}), but the file differs: it was edited by hand, or catalog-gen changed.",
                self.file,
                short(recorded)
            ),
            Some(recorded) => format!(
                "The docs changed since {} was generated (sha256 {} -> {}). If a `catalog-gen update` was interrupted, run it again: it finishes the refresh.",
                self.file,
                short(recorded),
                short(&self.current_hash)
            ),
            None => format!(
                "{} has no catalog-gen header: it was not generated, or its header was edited.",
                self.file
            ),
        }
    }
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

fn cap_lines(text: &str, max: usize) -> String {
    let total = text.lines().count();
    if total <= max {
        return text.to_owned();
    }
    let mut out: String = text.lines().take(max).flat_map(|line| [line, "\n"]).collect();
    out.push_str(&format!("... {} more lines of diff\n", total - max));
    out
}

/// The whole report: cause, semantic summary, unified diff, and the fix.
impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} is out of sync with the docs.", self.file)?;
        writeln!(f, "{}", self.cause())?;
        match &self.changes {
            Ok(changes) if changes.is_empty() => {
                writeln!(
                    f,
                    "\nThe tables are the same; only documentation comments or layout differ."
                )?;
            }
            Ok(changes) => {
                writeln!(f, "\nChanges in the tables:")?;
                for line in changes.to_text().lines() {
                    writeln!(f, "  {line}")?;
                }
            }
            Err(error) => writeln!(f, "\nThe tables of {} cannot be read: {error}", self.file)?,
        }
        writeln!(f, "\n{}", self.unified_diff.trim_end())?;
        write!(f, "\nTo fix it, run: {}", self.fix_command)
    }
}
