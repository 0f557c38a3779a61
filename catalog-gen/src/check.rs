//! The drift check: does a checked-in generated file say what the docs generate?

use std::fmt;

use similar::TextDiff;

use crate::Generated;
use crate::diff::ChangeSet;
use crate::emit::recorded_hash;
use crate::tables::diff_generated;

/// At most this many lines of unified diff are shown; the semantic summary names the rest.
const MAX_DIFF_LINES: usize = 400;

/// How a checked-in file differs from what the docs generate.
#[derive(Debug, Clone)]
pub struct Drift {
    /// What the file is called in messages (`catalog/src/generated.rs`).
    pub file: String,
    /// The docs hash in the file's header, if it has a header.
    pub recorded_hash: Option<String>,
    /// The hash of the docs now.
    pub current_hash: String,
    /// The table rows added, removed or changed; `Err` when the file's tables cannot be read.
    pub changes: Result<ChangeSet, String>,
    /// A unified diff from the file to the regenerated text (capped in length).
    pub unified_diff: String,
    /// The command that brings the file in sync.
    pub fix_command: String,
}

/// Compares `existing` (the checked-in text of `file`) with `generated`; `None` when they are
/// byte for byte the same.
pub fn check(existing: &str, generated: &Generated, file: &str, fix_command: &str) -> Option<Drift> {
    if existing == generated.code {
        return None;
    }
    let diff = TextDiff::from_lines(existing, &generated.code);
    let unified = diff
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("{file} (checked in)"),
            &format!("{file} (generated from the docs)"),
        )
        .to_string();
    Some(Drift {
        file: file.to_owned(),
        recorded_hash: recorded_hash(existing).map(str::to_owned),
        current_hash: generated.docs_hash.clone(),
        changes: diff_generated(existing, &generated.code).map_err(|e| e.to_string()),
        unified_diff: cap_lines(&unified, MAX_DIFF_LINES),
        fix_command: fix_command.to_owned(),
    })
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

impl Drift {
    /// Why the file drifted, in one sentence.
    pub fn cause(&self) -> String {
        match &self.recorded_hash {
            Some(recorded) if *recorded == self.current_hash => format!(
                "The docs are unchanged since {} was generated (sha256 {}), but the file differs: it was edited by hand, or catalog-gen changed.",
                self.file,
                short(recorded)
            ),
            Some(recorded) => format!(
                "The docs changed since {} was generated (sha256 {} -> {}).",
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
    &hash[..hash.len().min(12)]
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
