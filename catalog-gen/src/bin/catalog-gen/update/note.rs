//! The change note `update` prints: what changed in the catalog and its semver impact, as
//! text, JSON or markdown (the body of the pull request the scheduled job opens).

use catalog_gen::ChangeSet;
use smartcar_errors_shared::text::EscapedLines;

use super::bump::Versions;
use crate::Format;

/// The note of an update that made `changes` and wrote something (`changed`) or not, with
/// the version it bumped from and to (`--bump`). Text from the docs keeps its line breaks;
/// its other control and invisible characters are escaped (by JSON's rules in JSON).
pub fn note(changes: &ChangeSet, changed: bool, versions: Option<&Versions>, format: Format) -> String {
    let note = match format {
        Format::Text => format!(
            "{}semver: {}\n",
            EscapedLines(&changes.to_text()),
            changes.semver()
        ),
        Format::Markdown => EscapedLines(&changes.to_markdown()).to_string(),
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
            let json = serde_json::to_string_pretty(&document).unwrap_or_default();
            return format!("{json}\n");
        }
    };
    let release = match versions {
        None => return note,
        Some((from, to)) if matches!(format, Format::Text) => {
            return format!("{note}version: {from} -> {to}\n");
        }
        Some((from, to)) if from == to => {
            format!("the version stays {to}, which is not released yet and already covers this change")
        }
        Some((from, to)) => format!("**{to}** (from {from})"),
    };
    format!("{note}\nNext version: {release}; CHANGELOG.md has the entries.\n")
}
