//! The change note `update` prints: what changed in the catalog and its semver impact, as
//! text, JSON or markdown (the body of the pull request the scheduled job opens).

use catalog_gen::ChangeSet;
use semver::Version;
use smartcar_errors_shared::text::EscapedLines;

use crate::Format;

/// The note of an update that made `changes` and wrote something (`changed`) or not, with
/// the version it bumped from and to (`--bump`). Text from the docs keeps its line breaks;
/// its other control and invisible characters are escaped (by JSON's rules in JSON).
pub fn note(
    changes: &ChangeSet,
    changed: bool,
    versions: Option<(&Version, &Version)>,
    format: Format,
) -> String {
    match format {
        Format::Text => {
            let mut note = format!(
                "{}semver: {}\n",
                EscapedLines(&changes.to_text()),
                changes.semver()
            );
            if let Some((from, to)) = versions {
                note.push_str(&format!("version: {from} -> {to}\n"));
            }
            note
        }
        Format::Json => {
            let mut document = serde_json::json!({
                "changed": changed,
                "semver": changes.semver(),
                "summary": changes.summary(),
                "changes": changes.changes,
            });
            if let Some((from, to)) = versions {
                document["version"] = serde_json::json!({"from": from.to_string(), "to": to.to_string()});
            }
            let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
            text.push('\n');
            text
        }
        Format::Markdown => {
            let mut note = EscapedLines(&changes.to_markdown()).to_string();
            if let Some((from, to)) = versions {
                let release = if from == to {
                    format!(
                        "the version stays {to}, which is not released yet and already covers this change"
                    )
                } else {
                    format!("**{to}** (from {from})")
                };
                note.push_str(&format!(
                    "\nNext version: {release}; CHANGELOG.md has the entries.\n"
                ));
            }
            note
        }
    }
}
