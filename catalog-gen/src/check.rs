//! The drift check: does a checked-in generated file say what the docs generate? The texts are
//! compared byte for byte; when they differ, the rows of both are read back
//! ([`crate::read_back`]) with the fields the file names, no list kept here, so that the report
//! names the codes and fields that changed, a field new to the rows too, besides the diff.

use std::fmt::{self, Write};

use similar::TextDiff;

use crate::diff::ChangeSet;
use crate::emit::recorded_hash;
use crate::read_back::Rows;

/// At most this many lines of unified diff are shown; the semantic summary names the rest.
const MAX_DIFF_LINES: usize = 400;

/// How a checked-in generated file differs from what the docs generate: the report that says
/// why, what changed in the tables, the unified diff, and the command that fixes it.
#[derive(Debug, Clone)]
pub struct Drift(String);

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
        let short = |hash: &str| hash.get(..12).unwrap_or(hash).to_owned();
        let mut report = format!("{file} is out of sync with the docs.\n");
        let _ = match recorded_hash(existing) {
            Some(recorded) if recorded == docs_hash => writeln!(
                report,
                "The docs are unchanged since {file} was generated (sha256 {}), but the file differs: it was edited by hand, or catalog-gen changed.",
                short(recorded)
            ),
            Some(recorded) => writeln!(
                report,
                "The docs changed since {file} was generated (sha256 {} -> {}). If a `catalog-gen update` was interrupted, run it again: it finishes the refresh.",
                short(recorded),
                short(docs_hash)
            ),
            None => writeln!(
                report,
                "{file} has no catalog-gen header: it was not generated, or its header was edited."
            ),
        };
        let changes =
            Rows::read(existing).and_then(|old| Ok(ChangeSet::of(&old.0, &Rows::read(generated)?.0)));
        match changes {
            Ok(changes) if changes.is_empty() => {
                report.push_str("\nThe tables are the same; only documentation comments or layout differ.\n")
            }
            Ok(changes) => {
                report.push_str("\nChanges in the tables:\n");
                for line in changes.to_text().lines() {
                    let _ = writeln!(report, "  {line}");
                }
            }
            Err(error) => {
                let _ = writeln!(report, "\nThe tables of {file} cannot be read: {error}");
            }
        }
        let header = |side: &str| format!("{file} ({side})");
        let unified = TextDiff::from_lines(existing, generated)
            .unified_diff()
            .context_radius(2)
            .header(&header("checked in"), &header("generated from the docs"))
            .to_string();
        let total = unified.lines().count();
        report.push('\n');
        if total <= MAX_DIFF_LINES {
            report.push_str(unified.trim_end());
        } else {
            for line in unified.lines().take(MAX_DIFF_LINES) {
                let _ = writeln!(report, "{line}");
            }
            let _ = write!(report, "... {} more lines of diff", total - MAX_DIFF_LINES);
        }
        let _ = write!(report, "\n\nTo fix it, run: {fix_command}");
        Some(Drift(report))
    }
}

impl fmt::Display for Drift {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
