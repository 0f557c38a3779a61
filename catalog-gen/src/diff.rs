//! Semantic differences between two catalogs: the errors, error types and resolutions added,
//! removed or changed, in which fields, and what each means for the generated crate's users
//! under semantic versioning ([`Semver`]). Positions (`source`) and the raw example text are
//! not compared: a renamed page or a reflowed example is no difference.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write};

use serde::Serialize;
use serde_json::Value;

use crate::model::Catalog;

/// Which part of the catalog a change is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Kind {
    /// An API error code (`TYPE:CODE`).
    Api,
    /// A Connect error.
    Connect,
    /// An API error type (`SERVER`): a variant of `ErrorType`.
    ErrorType,
    /// A resolution type (`RETRY_LATER`): a variant of `Resolution`.
    Resolution,
}

impl Kind {
    fn noun(self) -> &'static str {
        match self {
            Kind::Api => "API error",
            Kind::Connect => "Connect error",
            Kind::ErrorType => "error type",
            Kind::Resolution => "resolution",
        }
    }
}

/// What happened to one error, error type or resolution. It may gain fields in a minor release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Change {
    /// What happened to it.
    #[serde(flatten)]
    pub what: What,
    /// What it is.
    pub kind: Kind,
    /// `TYPE:CODE`, the Connect error, type or resolution name.
    pub key: String,
}

/// What happened to an error, error type or resolution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "change")]
#[non_exhaustive]
pub enum What {
    /// Documented in the new catalog only.
    Added,
    /// Documented in the old catalog only. The generated catalog keeps it as a deprecated
    /// variant (a tombstone of the ledger).
    Removed,
    /// Documented in both, with different values.
    Changed {
        /// The fields that differ, in field order.
        fields: Vec<FieldChange>,
    },
    /// A tombstone dropped from the generated catalog: its variant is gone.
    Dropped,
}

impl Change {
    fn verb(&self) -> &'static str {
        match self.what {
            What::Added => "added",
            What::Removed => "removed",
            What::Changed { .. } => "changed",
            What::Dropped => "dropped",
        }
    }

    /// What the change means for code using the generated catalog; see [`Semver`].
    pub fn semver(&self) -> Semver {
        match &self.what {
            What::Added | What::Removed => Semver::Minor,
            What::Changed { fields } if fields.iter().any(|f| f.field == "resolution") => Semver::Minor,
            What::Changed { .. } => Semver::Patch,
            What::Dropped => Semver::Major,
        }
    }

    /// Why it has its semver impact, in a few words.
    fn reason(&self) -> &'static str {
        match (&self.what, self.semver()) {
            (What::Added, _) => {
                "new variants: the enums are `#[non_exhaustive]`, so code that matches on them still compiles"
            }
            (What::Removed, _) => {
                "errors that left the docs stay as deprecated variants until the next major release: code that names them still compiles, with a warning"
            }
            (What::Changed { .. }, Semver::Minor) => {
                "a code's suggested resolution changed, and with it what `is_retryable` answers"
            }
            (What::Changed { .. }, _) => "only text, HTTP statuses or URLs changed",
            (What::Dropped, _) => "variants were removed: code that names them no longer compiles",
        }
    }

    /// What it does to the generated catalog, in a few words.
    fn effect(&self) -> String {
        match &self.what {
            What::Added => "new variant".to_owned(),
            What::Removed => "left the docs: kept as a deprecated variant".to_owned(),
            What::Changed { fields } => {
                let names: Vec<String> = fields.iter().map(|f| format!("`{}`", f.field)).collect();
                names.join(", ")
            }
            What::Dropped => "variant removed".to_owned(),
        }
    }
}

/// What a change of the docs means for code that uses the catalog generated from them, by the
/// rules of semantic versioning, one per kind of change ([`Change::semver`]); docs/semver.md
/// gives each its reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Semver {
    /// Nothing changed.
    None,
    /// Text, status or URLs changed.
    Patch,
    /// Variants added or deprecated, or a resolution changed.
    Minor,
    /// A variant removed.
    Major,
}

/// `none`, `patch`, `minor` or `major`: the variant's name in lower case.
impl fmt::Display for Semver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format!("{self:?}").to_lowercase())
    }
}

/// One field's old and new value, rendered as JSON (`null` when absent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct FieldChange {
    /// The field's name in the model (`description`, `status_code`).
    pub field: String,
    /// The old value.
    pub old: String,
    /// The new value.
    pub new: String,
}

impl FieldChange {
    /// Each line of the old value after `{indent}- `, then each of the new after `{indent}+ `,
    /// so that multi-line values stay marked.
    fn values(&self, indent: &str) -> String {
        let old = self.old.split('\n').map(|line| format!("{indent}- {line}\n"));
        let new = self.new.split('\n').map(|line| format!("{indent}+ {line}\n"));
        old.chain(new).collect()
    }
}

/// Every change between two catalogs: API errors, then Connect errors, error types and
/// resolutions, each sorted by key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ChangeSet {
    /// The changes.
    pub changes: Vec<Change>,
}

impl ChangeSet {
    /// The changes from `old` to `new`: errors, error types and resolutions added, removed or
    /// changed.
    pub fn between(old: &Catalog, new: &Catalog) -> ChangeSet {
        let sections = |catalog: &Catalog| {
            let names = |names: Vec<&str>| keyed(&names, |name| (*name).to_owned());
            let connect = keyed(&catalog.connect_errors, |e| e.error().to_owned());
            vec![
                (Kind::Api, keyed(&catalog.api_errors, |e| e.key().to_string())),
                (Kind::Connect, connect),
                (Kind::ErrorType, names(catalog.error_types())),
                (Kind::Resolution, names(catalog.resolutions())),
            ]
        };
        ChangeSet::of(&sections(old), &sections(new))
    }

    /// The changes between the sections of two catalogs, each a kind and its items as JSON
    /// (objects, or names), keyed; in the order of [`Kind`], which sorts the changes.
    pub(crate) fn of(
        old: &[(Kind, BTreeMap<String, Value>)],
        new: &[(Kind, BTreeMap<String, Value>)],
    ) -> ChangeSet {
        let mut set = ChangeSet::default();
        for (&(kind, ref old), (_, new)) in old.iter().zip(new) {
            let keys: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
            for key in keys {
                let what = match (old.get(key), new.get(key)) {
                    (Some(old), Some(new)) => match field_changes(old, new) {
                        fields if fields.is_empty() => continue,
                        fields => What::Changed { fields },
                    },
                    (Some(_), None) => What::Removed,
                    (None, _) => What::Added,
                };
                let key = key.clone();
                set.changes.push(Change { what, kind, key });
            }
        }
        set
    }

    /// What the changes mean for code using the generated catalog: the greatest impact of any
    /// change, [`Semver::None`] when there is none.
    pub fn semver(&self) -> Semver {
        let impacts = self.changes.iter().map(Change::semver);
        impacts.max().unwrap_or(Semver::None)
    }

    /// Records that the tombstones of `kind` named `keys` were dropped: a removal of one of
    /// them becomes its drop.
    pub(crate) fn record_dropped(&mut self, kind: Kind, keys: Vec<String>) {
        // One pass over the changes, whatever the number of keys.
        let keys: BTreeSet<String> = keys.into_iter().collect();
        let dropped = |c: &Change| c.what == What::Removed && c.kind == kind && keys.contains(&c.key);
        self.changes.retain(|c| !dropped(c));
        for key in keys {
            let what = What::Dropped;
            self.changes.push(Change { what, kind, key });
        }
        self.changes
            .sort_by(|a, b| (a.kind, &a.key).cmp(&(b.kind, &b.key)));
    }

    /// Whether the two catalogs say the same.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// `3 changes: 1 added, 1 removed, 1 changed` (and `, 1 dropped` when a tombstone was).
    pub fn summary(&self) -> String {
        let count = |verb: &str| self.changes.iter().filter(|c| c.verb() == verb).count();
        let n = self.changes.len();
        let plural = if n == 1 { "" } else { "s" };
        let (added, removed, changed) = (count("added"), count("removed"), count("changed"));
        let dropped = match count("dropped") {
            0 => String::new(),
            dropped => format!(", {dropped} dropped"),
        };
        format!("{n} change{plural}: {added} added, {removed} removed, {changed} changed{dropped}")
    }

    /// The changes as plain text, one line per change and two per changed field.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for change in &self.changes {
            let _ = write!(out, "{} {} {}", change.verb(), change.kind.noun(), change.key);
            if let What::Changed { fields } = &change.what {
                let names: Vec<&str> = fields.iter().map(|f| f.field.as_str()).collect();
                let _ = writeln!(out, ": {}", names.join(", "));
                for field in fields {
                    let _ = write!(out, "  {}:\n{}", field.field, field.values("    "));
                }
            } else {
                out.push('\n');
            }
        }
        let _ = writeln!(out, "{}", self.summary());
        out
    }

    /// The changes as a JSON document: `{"changes": [...], "summary": "..."}`.
    pub fn to_json(&self) -> String {
        let document = serde_json::json!({ "changes": self.changes, "summary": self.summary() });
        format!("{document:#}\n")
    }

    /// The changes as entries of a changelog in the Keep a Changelog format: each its
    /// section (`Added`, `Changed`, `Deprecated` for what left the docs on `date`, `Removed`
    /// for dropped tombstones) and its markdown text, one line.
    pub fn to_changelog(&self, date: &str) -> Vec<(&'static str, String)> {
        self.changes
            .iter()
            .map(|change| {
                // A code span of one line: control characters escaped, backticks made quotes.
                let key = smartcar_errors_shared::text::escape(&change.key).replace('`', "'");
                // The nouns are ASCII: their first byte is their first letter.
                let noun = change.kind.noun();
                let item = format!("{}{} `{}`", noun[..1].to_uppercase(), &noun[1..], key);
                match change.what {
                    What::Added => ("Added", format!("{item}, new in Smartcar's docs.")),
                    What::Changed { .. } => (
                        "Changed",
                        format!("{item}: {} changed in Smartcar's docs.", change.effect()),
                    ),
                    What::Removed => (
                        "Deprecated",
                        format!("{item}: left Smartcar's docs on {date}; kept as a deprecated variant."),
                    ),
                    What::Dropped => ("Removed", format!("{item}: its deprecated variant is removed.")),
                }
            })
            .collect()
    }

    /// The changes as markdown, the body of a pull request that updates the catalog: their
    /// semver impact and why, a table of the changes with what each does to the generated
    /// catalog and its own impact, then the values. The first line, `<!-- semver: minor -->`,
    /// is for tools.
    pub fn to_markdown(&self) -> String {
        let semver = self.semver();
        if self.changes.is_empty() {
            return "<!-- semver: none -->\n### Smartcar error docs unchanged\n\nThe two snapshots document the same errors.\n".to_owned();
        }
        let mut out = format!(
            "<!-- semver: {semver} -->\n### Smartcar error docs changed: {semver}\n\nSemver impact: **{semver}**\n\n"
        );
        // Why the impact is what it is: the reasons of the changes that decide it.
        let reasons: BTreeSet<&str> = self
            .changes
            .iter()
            .filter(|c| c.semver() == semver)
            .map(Change::reason)
            .collect();
        for reason in reasons {
            let _ = writeln!(out, "- {reason}");
        }
        let _ = writeln!(out, "\n{}\n", self.summary());
        out.push_str("| change | item | what it does | semver |\n| --- | --- | --- | --- |\n");
        for change in &self.changes {
            let _ = writeln!(
                out,
                "| {} | {} `{}` | {} | {} |",
                change.verb(),
                change.kind.noun(),
                change.key.replace('|', "\\|").replace('`', "'"),
                change.effect(),
                change.semver()
            );
        }
        // The old and new values of every changed field, one collapsed section per change.
        for change in &self.changes {
            if let What::Changed { fields } = &change.what {
                let summary = change.key.replace('&', "&amp;").replace('<', "&lt;");
                let summary = summary.replace('>', "&gt;");
                let _ = write!(out, "\n<details><summary>{summary}</summary>\n\n");
                for field in fields {
                    let values = field.values("");
                    // A fence longer than any run of backticks in the values, which come from
                    // the docs, and of three at least: nothing in them can close it.
                    let longest = values.split(|c| c != '`').map(str::len).max();
                    let fence = "`".repeat((longest.unwrap_or(0) + 1).max(3));
                    let _ = write!(out, "`{}`\n\n{fence}diff\n{values}{fence}\n\n", field.field);
                }
                out.push_str("</details>\n");
            }
        }
        out
    }
}

/// The fields of two JSON objects that differ, in the old object's field order.
fn field_changes(old: &Value, new: &Value) -> Vec<FieldChange> {
    // Names (of error types, resolutions) are strings, which have no fields.
    let (Value::Object(old), Value::Object(new)) = (old, new) else {
        return Vec::new();
    };
    let render = |value: &Value| match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    old.keys()
        .chain(new.keys().filter(|k| !old.contains_key(*k)))
        // Where or how something is written, not what it says.
        .filter(|name| !["source", "example"].contains(&name.as_str()))
        .filter_map(|name| {
            let a = old.get(name).unwrap_or(&Value::Null);
            let b = new.get(name).unwrap_or(&Value::Null);
            (a != b).then(|| FieldChange {
                field: name.clone(),
                old: render(a),
                new: render(b),
            })
        })
        .collect()
}

fn keyed<T: Serialize>(items: &[T], key: impl Fn(&T) -> String) -> BTreeMap<String, Value> {
    items
        .iter()
        .map(|item| (key(item), serde_json::to_value(item).unwrap_or(Value::Null)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ApiErrorEntry, Source};

    fn entry(code: &str, description: &str, file: &str) -> ApiErrorEntry {
        ApiErrorEntry {
            error_type: "SERVER".into(),
            code: Some(code.into()),
            status_code: 500,
            description: description.into(),
            doc_url: "u".into(),
            resolution: None,
            resolution_url: None,
            suggested_user_message: None,
            suggested_resolution: None,
            troubleshooting_steps: None,
            explanation: None,
            example_user_message: None,
            example_headers: BTreeMap::new(),
            example: format!("{{\"from\": \"{file}\"}}"),
            page_title: None,
            page_summary: None,
            page_url: None,
            source: Source {
                file: file.into(),
                line: 1,
                column: 1,
            },
        }
    }

    fn catalog(entries: Vec<ApiErrorEntry>) -> Catalog {
        Catalog {
            api_errors: entries,
            connect_errors: Vec::new(),
        }
    }

    /// A change of `fields` of `SERVER:A`.
    fn changed(fields: &[&str]) -> Change {
        Change {
            kind: Kind::Api,
            key: "SERVER:A".into(),
            what: What::Changed {
                fields: fields
                    .iter()
                    .map(|field| FieldChange {
                        field: (*field).into(),
                        old: "1".into(),
                        new: "2".into(),
                    })
                    .collect(),
            },
        }
    }

    #[test]
    fn semver_follows_the_documented_rules() {
        let key = || "SERVER:A".to_owned();
        for (change, semver) in [
            (changed(&["description"]), Semver::Patch),
            (changed(&["status_code", "doc_url", "page_title"]), Semver::Patch),
            (changed(&["parameters"]), Semver::Patch),
            (changed(&["description", "resolution"]), Semver::Minor),
            (
                Change {
                    what: What::Added,
                    kind: Kind::Api,
                    key: key(),
                },
                Semver::Minor,
            ),
            (
                Change {
                    what: What::Added,
                    kind: Kind::Resolution,
                    key: key(),
                },
                Semver::Minor,
            ),
            (
                Change {
                    what: What::Removed,
                    kind: Kind::Connect,
                    key: key(),
                },
                Semver::Minor,
            ),
            (
                Change {
                    what: What::Removed,
                    kind: Kind::ErrorType,
                    key: key(),
                },
                Semver::Minor,
            ),
            (
                Change {
                    what: What::Dropped,
                    kind: Kind::Api,
                    key: key(),
                },
                Semver::Major,
            ),
        ] {
            assert_eq!(change.semver(), semver, "{change:?}");
        }
        let mut set = ChangeSet::default();
        assert_eq!(set.semver(), Semver::None);
        set.changes.push(changed(&["description"]));
        assert_eq!(set.semver(), Semver::Patch);
        set.changes.push(Change {
            what: What::Removed,
            kind: Kind::Api,
            key: "SERVER:B".into(),
        });
        assert_eq!(set.semver(), Semver::Minor);
        set.record_dropped(Kind::Api, vec!["SERVER:B".into(), "SERVER:C".into()]);
        assert_eq!(set.semver(), Semver::Major);
        assert_eq!(
            set.to_text(),
            "changed API error SERVER:A: description\n  description:\n    - 1\n    + 2\n\
             dropped API error SERVER:B\ndropped API error SERVER:C\n\
             3 changes: 0 added, 0 removed, 1 changed, 2 dropped\n"
        );
        assert_eq!(serde_json::to_value(Semver::Major).unwrap(), "major");
    }

    #[test]
    fn error_types_and_resolutions_are_compared_too() {
        let mut a = entry("A", "x", "a.md");
        a.resolution = Some("RETRY_LATER".into());
        let mut b = entry("B", "y", "a.md");
        b.error_type = "UPSTREAM".into();
        b.resolution = Some("CONTACT_SUPPORT".into());
        let set = ChangeSet::between(&catalog(vec![a.clone()]), &catalog(vec![b]));
        assert_eq!(
            set.to_text(),
            "removed API error SERVER:A\nadded API error UPSTREAM:B\n\
             removed error type SERVER\nadded error type UPSTREAM\n\
             added resolution CONTACT_SUPPORT\nremoved resolution RETRY_LATER\n\
             6 changes: 3 added, 3 removed, 0 changed\n"
        );
        let json: Value = serde_json::from_str(&set.to_json()).unwrap();
        assert_eq!(json["changes"][2]["kind"], "error_type");
        assert_eq!(set.semver(), Semver::Minor);
    }

    #[test]
    fn the_note_says_the_impact_and_why_and_docs_text_cannot_close_its_fence() {
        let mut set = ChangeSet::default();
        set.changes.push(Change {
            kind: Kind::Api,
            key: "SERVER:<A>".into(),
            what: What::Changed {
                fields: vec![FieldChange {
                    field: "description".into(),
                    old: "Broke.".into(),
                    new: "```\n[x](https://evil.example)".into(),
                }],
            },
        });
        assert_eq!(
            set.to_markdown(),
            "<!-- semver: patch -->\n### Smartcar error docs changed: patch\n\n\
             Semver impact: **patch**\n\n- only text, HTTP statuses or URLs changed\n\n\
             1 change: 0 added, 0 removed, 1 changed\n\n\
             | change | item | what it does | semver |\n| --- | --- | --- | --- |\n\
             | changed | API error `SERVER:<A>` | `description` | patch |\n\n\
             <details><summary>SERVER:&lt;A&gt;</summary>\n\n`description`\n\n\
             ````diff\n- Broke.\n+ ```\n+ [x](https://evil.example)\n````\n\n</details>\n"
        );
        assert_eq!(
            ChangeSet::default().to_markdown(),
            "<!-- semver: none -->\n### Smartcar error docs unchanged\n\n\
             The two snapshots document the same errors.\n"
        );
    }

    #[test]
    fn positions_and_example_text_are_no_difference() {
        let old = catalog(vec![entry("A", "x", "a.md")]);
        let new = catalog(vec![entry("A", "x", "renamed.md")]);
        assert!(ChangeSet::between(&old, &new).is_empty());
    }

    #[test]
    fn added_removed_and_changed_fields_are_named() {
        let old = catalog(vec![entry("A", "x", "a.md"), entry("B", "y", "a.md")]);
        let new = catalog(vec![entry("B", "y2", "a.md"), entry("C", "z", "a.md")]);
        let set = ChangeSet::between(&old, &new);
        assert_eq!(
            set.to_text(),
            "removed API error SERVER:A\nchanged API error SERVER:B: description\n  description:\n    - y\n    + y2\n\
             added API error SERVER:C\n3 changes: 1 added, 1 removed, 1 changed\n"
        );
        let json: Value = serde_json::from_str(&set.to_json()).unwrap();
        assert_eq!(json["changes"][1]["change"], "changed");
        assert_eq!(json["changes"][1]["fields"][0]["new"], "y2");
        assert!(
            set.to_markdown()
                .contains("| changed | API error `SERVER:B` | `description` | patch |\n")
        );
    }

    #[test]
    fn changelog_entries_take_their_sections_and_stay_one_line() {
        let set = ChangeSet {
            changes: vec![
                Change {
                    what: What::Added,
                    kind: Kind::Connect,
                    key: "new_error".into(),
                },
                Change {
                    kind: Kind::Api,
                    key: "SERVER:B".into(),
                    what: What::Changed {
                        fields: vec![FieldChange {
                            field: "status_code".into(),
                            old: "500".into(),
                            new: "503".into(),
                        }],
                    },
                },
                Change {
                    what: What::Removed,
                    kind: Kind::ErrorType,
                    key: "GONE`\n## [9.9.9]".into(),
                },
                Change {
                    what: What::Dropped,
                    kind: Kind::Resolution,
                    key: "RETRY_LATER".into(),
                },
            ],
        };
        assert_eq!(
            set.to_changelog("2026-03-02"),
            [
                ("Added", "Connect error `new_error`, new in Smartcar's docs.".to_owned()),
                (
                    "Changed",
                    "API error `SERVER:B`: `status_code` changed in Smartcar's docs.".to_owned()
                ),
                (
                    "Deprecated",
                    "Error type `GONE'\\n## [9.9.9]`: left Smartcar's docs on 2026-03-02; kept as a deprecated variant."
                        .to_owned()
                ),
                ("Removed", "Resolution `RETRY_LATER`: its deprecated variant is removed.".to_owned()),
            ]
        );
    }
}
