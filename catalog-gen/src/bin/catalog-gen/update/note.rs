//! The change note `update` prints: what changed in the catalog and its semver impact, as
//! text, JSON or markdown (the body of the pull request the scheduled job opens).

use catalog_gen::ChangeSet;
use smartcar_errors_shared::text::EscapedLines;

use crate::Format;

/// The note of an update that made `changes` and wrote something (`changed`) or not. Text
/// from the docs keeps its line breaks; its other control and invisible characters are
/// escaped (by JSON's rules in JSON).
pub fn note(changes: &ChangeSet, changed: bool, format: Format) -> String {
    match format {
        Format::Text => format!(
            "{}semver: {}\n",
            EscapedLines(&changes.to_text()),
            changes.semver()
        ),
        Format::Json => {
            let document = serde_json::json!({
                "changed": changed,
                "semver": changes.semver(),
                "summary": changes.summary(),
                "changes": changes.changes,
            });
            let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Markdown => EscapedLines(&changes.to_markdown_note()).to_string(),
    }
}
