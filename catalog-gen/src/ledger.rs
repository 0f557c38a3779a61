//! The ledger: the errors that left the docs, which the catalog keeps as deprecated variants
//! ("tombstones") so that code naming them still compiles, and the resolutions no documented
//! code suggests any more; each with the date it left. docs/ledger.md describes its file. An
//! error type needs no record: it is kept while any of its codes is.

use std::collections::BTreeSet;
use std::io;
use std::path::Path;

use serde::{Deserialize, Serialize};
use smartcar_errors_shared::key::Key;
use smartcar_errors_shared::text::Escaped;

use crate::model::{ApiErrorEntry, Catalog, ConnectErrorEntry, ConnectParameter, Source};
use crate::{Error, write};
use smartcar_errors_shared::date;

const FORMAT: u32 = 1;

/// What the file says of itself, for whoever opens it.
const ABOUT: &str = "Errors that left Smartcar's docs, kept in the generated catalog as deprecated variants so that code naming them still compiles. Written by `catalog-gen update`; remove entries only for a major release (see docs/ledger.md).";

/// The tombstones of a catalog, sorted by name, each name once; as the file holds them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Ledger {
    /// The version of the file's layout, [`FORMAT`].
    format: u32,
    /// What the file says of itself: [`ABOUT`], whatever a file read says.
    #[serde(default)]
    about: String,
    #[serde(default, rename = "api_errors")]
    api: Vec<ApiTombstone>,
    #[serde(default, rename = "connect_errors")]
    connect: Vec<ConnectTombstone>,
    #[serde(default)]
    resolutions: Vec<ResolutionRecord>,
    /// Where the ledger is: the position its entries report in diagnostics.
    #[serde(skip, default = "Ledger::no_origin")]
    origin: Source,
}

/// An empty ledger that is in no file.
impl Default for Ledger {
    fn default() -> Self {
        Ledger::empty_at(Ledger::no_origin())
    }
}

/// An API error code that left the docs, as they last documented it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ApiTombstone {
    #[serde(rename = "type")]
    error_type: String,
    code: Option<String>,
    removed_from_docs: String,
    status_code: u16,
    description: String,
    doc_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    resolution_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suggested_resolution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    troubleshooting_steps: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    suggested_user_message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    explanation: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_url: Option<String>,
}

/// A Connect error that left the docs, as they last documented it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConnectTombstone {
    error: String,
    removed_from_docs: String,
    parameters: Vec<ConnectParameter>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    details: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    page_url: Option<String>,
}

/// A resolution type that no documented code suggests any more.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ResolutionRecord {
    name: String,
    removed_from_docs: String,
}

impl ApiTombstone {
    fn key(&self) -> Key<'_> {
        Key::new(&self.error_type, self.code.as_deref())
    }

    fn new(entry: &ApiErrorEntry, date: &str) -> ApiTombstone {
        reshape(entry, |fields| {
            fields.insert("removed_from_docs".into(), date.into());
        })
    }

    /// The entry the catalog keeps: what the docs last said, written at `origin`.
    fn entry(&self, origin: &Source) -> ApiErrorEntry {
        reshape(self, |fields| {
            fields.insert("example".into(), "".into());
            fields.insert("source".into(), origin.to_string().into());
        })
    }
}

impl ConnectTombstone {
    fn new(entry: &ConnectErrorEntry, date: &str) -> ConnectTombstone {
        reshape(entry, |fields| {
            // The description is a row of the parameter table, which the tombstone keeps.
            fields.remove("description");
            fields.insert("removed_from_docs".into(), date.into());
        })
    }

    /// The entry the catalog keeps, written at `origin`; built field by field, as a table that
    /// does not name its error (which `validate` reports) would not deserialize.
    fn entry(&self, origin: &Source) -> ConnectErrorEntry {
        ConnectErrorEntry {
            parameters: self.parameters.clone(),
            title: self.title.clone(),
            summary: self.summary.clone(),
            details: self.details.clone(),
            example_redirect: None,
            page_url: self.page_url.clone(),
            source: origin.clone(),
        }
    }
}

/// `from` as a `T` with the same fields, less those `T` does not have and plus those `edit`
/// adds. An entry and its tombstone are one list of fields (the tests hold them to it), so
/// that no field is copied by hand.
fn reshape<T: serde::de::DeserializeOwned>(
    from: &impl Serialize,
    edit: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
) -> T {
    let mut value = serde_json::to_value(from).unwrap_or_default();
    if let serde_json::Value::Object(fields) = &mut value {
        // The page's example and where the entry stood; an entry ignores the tombstone's date.
        for field in [
            "example",
            "example_headers",
            "example_user_message",
            "example_redirect",
            "source",
        ] {
            fields.remove(field);
        }
        edit(fields);
    }
    serde_json::from_value(value).expect("an entry and its tombstone have the same fields (tested)")
}

impl Ledger {
    /// The ledger at `path`; `None` when there is no file there. Fails on a file that is not a
    /// regular file, is not a ledger, or holds an entry twice or a date that is not a date.
    pub(crate) fn read(path: &Path) -> Result<Option<Ledger>, Error> {
        let path = path.to_path_buf();
        let text = match write::read_regular(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(Error::Read { path, source }),
        };
        let ledger = Ledger::from_json(&text, Ledger::origin_of(Some(&path)));
        ledger.map(Some).map_err(|reason| Error::Ledger { path, reason })
    }

    /// The position entries of a ledger at `path` report in diagnostics: its start, named by
    /// an absolute path (diagnostics name files below the docs directory, which it is not in).
    pub(crate) fn origin_of(path: Option<&Path>) -> Source {
        let file = match path {
            Some(path) => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
            None => "ledger".into(),
        };
        let file = file.display().to_string();
        Source {
            file,
            line: 1,
            column: 1,
        }
    }

    fn no_origin() -> Source {
        Ledger::origin_of(None)
    }

    /// The ledger `text` holds, whose entries report `origin` as their position; or why it is
    /// not one.
    fn from_json(text: &str, origin: Source) -> Result<Ledger, String> {
        let mut ledger: Ledger = serde_json::from_str(text).map_err(|error| error.to_string())?;
        if ledger.format != FORMAT {
            return Err(format!(
                "it is in format {}, which this catalog-gen does not read (it reads format {FORMAT})",
                ledger.format
            ));
        }
        ledger.about = ABOUT.to_owned();
        ledger.origin = origin;
        ledger.sort();
        ledger.validate()?;
        Ok(ledger)
    }

    /// Checks what sorting cannot fix: an entry named twice, a date that is not a date, a
    /// Connect error whose parameter table names another.
    fn validate(&self) -> Result<(), String> {
        let api = self
            .api
            .iter()
            .map(|t| ("api_errors", t.key().to_string(), &t.removed_from_docs));
        let connect = self
            .connect
            .iter()
            .map(|t| ("connect_errors", t.error.clone(), &t.removed_from_docs));
        let resolutions = self
            .resolutions
            .iter()
            .map(|r| ("resolutions", r.name.clone(), &r.removed_from_docs));
        let mut seen = BTreeSet::new();
        for (section, name, removed) in api.chain(connect).chain(resolutions) {
            let shown = Escaped(&name).to_string();
            if !date::is_valid(removed) {
                return Err(format!(
                    "`{shown}` in {section} has removed_from_docs `{}`, which is not a date written YYYY-MM-DD",
                    Escaped(removed)
                ));
            }
            if !seen.insert((section, name)) {
                return Err(format!("`{shown}` is in {section} twice"));
            }
        }
        match self
            .connect
            .iter()
            .find(|t| t.entry(&self.origin).error() != t.error)
        {
            Some(t) => Err(format!(
                "`{}` in connect_errors has no `error` parameter that names it",
                Escaped(&t.error)
            )),
            None => Ok(()),
        }
    }

    fn sort(&mut self) {
        self.api.sort_by(|a, b| a.key().cmp(&b.key()));
        self.connect.sort_by(|a, b| a.error.cmp(&b.error));
        self.resolutions.sort_by(|a, b| a.name.cmp(&b.name));
    }

    /// The file's text: pretty JSON, entries sorted, ending in a newline.
    pub(crate) fn to_json(&self) -> String {
        format!("{}\n", serde_json::to_string_pretty(self).unwrap_or_default())
    }

    pub(crate) fn is_empty(&self) -> bool {
        !self.keeps_errors() && self.resolutions.is_empty()
    }

    /// Whether it keeps an API code or a Connect error (not only resolutions).
    pub(crate) fn keeps_errors(&self) -> bool {
        !(self.api.is_empty() && self.connect.is_empty())
    }

    /// This ledger without what `docs` document: a code, Connect error or resolution that is
    /// documented again is no tombstone.
    pub(crate) fn without_documented(mut self, docs: &Catalog) -> Ledger {
        let keys: BTreeSet<Key<'_>> = docs.api_errors.iter().map(ApiErrorEntry::key).collect();
        let errors: BTreeSet<&str> = docs.connect_errors.iter().map(|e| e.error()).collect();
        let resolutions: BTreeSet<&str> = docs.resolutions().into_iter().collect();
        self.api.retain(|t| !keys.contains(&t.key()));
        self.connect.retain(|t| !errors.contains(t.error.as_str()));
        self.resolutions
            .retain(|r| !resolutions.contains(r.name.as_str()));
        self
    }

    /// The catalog generated from `docs` with this ledger (which holds nothing `docs`
    /// document): the documented errors and the tombstones, sorted.
    pub(crate) fn merge(&self, docs: &Catalog) -> Catalog {
        let mut catalog = docs.clone();
        let api = self.api.iter().map(|t| t.entry(&self.origin));
        catalog.api_errors.extend(api);
        let connect = self.connect.iter().map(|t| t.entry(&self.origin));
        catalog.connect_errors.extend(connect);
        catalog.sort();
        catalog
    }

    /// When the API code `key` left the docs, if it is a tombstone.
    pub(crate) fn api_removed(&self, key: Key<'_>) -> Option<&str> {
        let found = self.api.binary_search_by(|t| t.key().cmp(&key)).ok()?;
        Some(&self.api[found].removed_from_docs)
    }

    /// When the Connect error `error` left the docs, if it is a tombstone.
    pub(crate) fn connect_removed(&self, error: &str) -> Option<&str> {
        let found = self.connect.binary_search_by(|t| t.error.as_str().cmp(error));
        Some(&self.connect[found.ok()?].removed_from_docs)
    }

    /// Every recorded resolution: name, when no documented code suggested it any more.
    pub(crate) fn resolutions(&self) -> impl Iterator<Item = (&str, &str)> {
        self.resolutions
            .iter()
            .map(|r| (r.name.as_str(), r.removed_from_docs.as_str()))
    }

    /// Where its entries are, for diagnostics.
    pub(crate) fn origin(&self) -> &Source {
        &self.origin
    }

    /// An empty ledger whose entries will report `origin`.
    pub(crate) fn empty_at(origin: Source) -> Ledger {
        Ledger {
            format: FORMAT,
            about: ABOUT.to_owned(),
            api: Vec::new(),
            connect: Vec::new(),
            resolutions: Vec::new(),
            origin,
        }
    }

    /// The names of the tombstones, API codes (`TYPE:CODE`) then Connect errors.
    pub(crate) fn error_names(&self) -> (Vec<String>, Vec<String>) {
        (
            self.api.iter().map(|t| t.key().to_string()).collect(),
            self.connect.iter().map(|t| t.error.clone()).collect(),
        )
    }

    /// The ledger after the docs went from `old` to `new` on `date` (valid): this ledger's
    /// tombstones (of the catalog generated from `old`) and every error `old` documents and
    /// `new` does not, dated `date`; every resolution the catalog of `old` has and that no code
    /// of `new` suggests, dated when it was recorded or `date`; without what `new` documents.
    pub(crate) fn advance(&self, old: &Catalog, new: &Catalog, date: &str) -> Ledger {
        let mut next = self.clone();
        next.api
            .extend(old.api_errors.iter().map(|e| ApiTombstone::new(e, date)));
        next.connect
            .extend(old.connect_errors.iter().map(|e| ConnectTombstone::new(e, date)));
        // Every resolution the old catalog had stays a variant.
        let tombstones = self.api.iter().filter_map(|t| t.resolution.as_deref());
        let resolutions = old.resolutions().into_iter().chain(tombstones);
        next.resolutions.extend(resolutions.map(|name| ResolutionRecord {
            name: name.to_owned(),
            removed_from_docs: date.to_owned(),
        }));
        // The sort is stable: of a name recorded twice, the first record, this ledger's, stays
        // with its date.
        next.sort();
        next.api.dedup_by(|a, b| a.key() == b.key());
        next.connect.dedup_by(|a, b| a.error == b.error);
        next.resolutions.dedup_by(|a, b| a.name == b.name);
        // What `new` documents, recorded here too, leaves.
        next.without_documented(new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin() -> Source {
        Source {
            file: "ledger.json".into(),
            line: 1,
            column: 1,
        }
    }

    fn api(code: &str, resolution: Option<&str>) -> ApiErrorEntry {
        ApiErrorEntry {
            error_type: "SERVER".into(),
            code: Some(code.into()),
            status_code: 500,
            description: format!("{code} happened."),
            doc_url: format!("https://d/server#{code}"),
            resolution: resolution.map(str::to_owned),
            resolution_url: None,
            suggested_user_message: None,
            suggested_resolution: None,
            troubleshooting_steps: None,
            explanation: None,
            example_user_message: Some("dropped".into()),
            example_headers: Default::default(),
            example: "{}".into(),
            page_title: Some("Server Errors".into()),
            page_summary: None,
            page_url: None,
            source: Source {
                file: "errors/server.md".into(),
                line: 3,
                column: 1,
            },
        }
    }

    /// The names of the fields `value` serializes to.
    fn keys(value: impl Serialize) -> BTreeSet<String> {
        match serde_json::to_value(value).unwrap() {
            serde_json::Value::Object(fields) => fields.keys().cloned().collect(),
            other => panic!("not an object: {other}"),
        }
    }

    #[test]
    fn a_tombstone_keeps_every_field_of_the_entry_the_catalog_shows() {
        // Every field, set, so that none is left out as empty.
        let mut entry = api("FULL", Some("RETRY_LATER"));
        for field in [
            &mut entry.resolution_url,
            &mut entry.suggested_user_message,
            &mut entry.suggested_resolution,
            &mut entry.troubleshooting_steps,
            &mut entry.explanation,
            &mut entry.page_summary,
            &mut entry.page_url,
        ] {
            *field = Some("set".into());
        }
        // What a tombstone need not keep: the page's example and where the entry stood.
        let mut expected = keys(&entry);
        for example_only in ["example", "example_headers", "example_user_message", "source"] {
            assert!(expected.remove(example_only), "{example_only}");
        }
        expected.insert("removed_from_docs".into());
        let tombstone = ApiTombstone::new(&entry, "2026-03-02");
        assert_eq!(keys(&tombstone), expected);
        let back = tombstone.entry(&origin());
        assert_eq!(keys(&back), keys(&entry));
        for (field, value) in serde_json::to_value(&back).unwrap().as_object().unwrap() {
            if !["example", "example_headers", "example_user_message", "source"].contains(&field.as_str()) {
                assert_eq!(value, &serde_json::to_value(&entry).unwrap()[field], "{field}");
            }
        }

        let mut connect = connect("gone");
        connect.title = Some("Gone".into());
        connect.summary = Some("set".into());
        connect.details = Some("set".into());
        connect.page_url = Some("set".into());
        let mut expected = keys(&connect);
        for example_only in ["example_redirect", "source", "description"] {
            assert!(expected.remove(example_only), "{example_only}");
        }
        expected.insert("removed_from_docs".into());
        let tombstone = ConnectTombstone::new(&connect, "2026-03-02");
        assert_eq!(keys(&tombstone), expected);
        assert_eq!(tombstone.entry(&origin()).parameters, connect.parameters);
    }

    fn connect(error: &str) -> ConnectErrorEntry {
        let parameter = |name: &str, description: &str| ConnectParameter {
            name: name.into(),
            required: true,
            description: description.into(),
        };
        ConnectErrorEntry {
            parameters: vec![
                parameter("error", error),
                parameter("error_description", "It failed."),
            ],
            title: None,
            summary: None,
            details: None,
            example_redirect: None,
            page_url: None,
            source: origin(),
        }
    }

    fn catalog(api: Vec<ApiErrorEntry>, connect: Vec<ConnectErrorEntry>) -> Catalog {
        let mut catalog = Catalog {
            api_errors: api,
            connect_errors: connect,
        };
        catalog.sort();
        catalog
    }

    #[test]
    fn what_leaves_the_docs_is_recorded_once_with_its_first_date_and_forgotten_when_back() {
        let v1 = catalog(
            vec![api("A", Some("RETRY_LATER")), api("B", Some("CONTACT_SUPPORT"))],
            vec![connect("gone_error"), connect("kept_error")],
        );
        let v2 = catalog(vec![api("A", Some("RETRY_LATER"))], vec![connect("kept_error")]);
        let first = Ledger::empty_at(origin()).advance(&v1, &v2, "2026-01-02");
        assert_eq!(
            first.to_json(),
            concat!(
                "{\n  \"format\": 1,\n  \"about\": \"Errors that left Smartcar's docs, kept in the generated catalog as deprecated variants so that code naming them still compiles. Written by `catalog-gen update`; remove entries only for a major release (see docs/ledger.md).\",\n",
                "  \"api_errors\": [\n    {\n      \"type\": \"SERVER\",\n      \"code\": \"B\",\n      \"removed_from_docs\": \"2026-01-02\",\n",
                "      \"status_code\": 500,\n      \"description\": \"B happened.\",\n      \"doc_url\": \"https://d/server#B\",\n",
                "      \"resolution\": \"CONTACT_SUPPORT\",\n      \"page_title\": \"Server Errors\"\n    }\n  ],\n",
                "  \"connect_errors\": [\n    {\n      \"error\": \"gone_error\",\n      \"removed_from_docs\": \"2026-01-02\",\n      \"parameters\": [\n",
                "        {\n          \"name\": \"error\",\n          \"required\": true,\n          \"description\": \"gone_error\"\n        },\n",
                "        {\n          \"name\": \"error_description\",\n          \"required\": true,\n          \"description\": \"It failed.\"\n        }\n      ]\n    }\n  ],\n",
                "  \"resolutions\": [\n    {\n      \"name\": \"CONTACT_SUPPORT\",\n      \"removed_from_docs\": \"2026-01-02\"\n    }\n  ]\n}\n"
            )
        );
        assert_eq!(Ledger::from_json(&first.to_json(), origin()).unwrap(), first);

        // Later, nothing new leaves: the dates stay.
        let second = first.advance(&v2, &v2, "2026-02-03");
        assert_eq!(second, first);

        // B comes back with another resolution: its tombstone goes, CONTACT_SUPPORT stays.
        let v3 = catalog(
            vec![api("A", Some("RETRY_LATER")), api("B", Some("RETRY_LATER"))],
            vec![connect("kept_error")],
        );
        let third = second.advance(&v2, &v3, "2026-03-04");
        assert_eq!(third.api_removed(Key::new("SERVER", Some("B"))), None);
        assert_eq!(third.connect_removed("gone_error"), Some("2026-01-02"));
        assert_eq!(
            third.resolutions().collect::<Vec<_>>(),
            [("CONTACT_SUPPORT", "2026-01-02")]
        );
        // CONTACT_SUPPORT suggested again: its record goes too.
        let v4 = catalog(vec![api("A", Some("CONTACT_SUPPORT"))], vec![]);
        let fourth = third.advance(&v3, &v4, "2026-04-05");
        assert_eq!(
            fourth.resolutions().collect::<Vec<_>>(),
            [("RETRY_LATER", "2026-04-05")]
        );
        assert_eq!(fourth.connect_removed("kept_error"), Some("2026-04-05"));
        assert_eq!(
            fourth.api_removed(Key::new("SERVER", Some("B"))),
            Some("2026-04-05")
        );
    }

    #[test]
    fn the_merged_catalog_holds_the_tombstones_in_order() {
        let docs = catalog(vec![api("A", None), api("C", None)], vec![connect("b_error")]);
        let old = catalog(
            vec![api("A", None), api("B", None), api("C", None)],
            vec![connect("a_error"), connect("b_error")],
        );
        let ledger = Ledger::empty_at(origin()).advance(&old, &docs, "2026-01-02");
        let merged = ledger.merge(&docs);
        let keys: Vec<String> = merged
            .api_errors
            .iter()
            .map(|e| Key::new(&e.error_type, e.code.as_deref()).to_string())
            .collect();
        assert_eq!(keys, ["SERVER:A", "SERVER:B", "SERVER:C"]);
        assert_eq!(merged.api_errors[1].source, origin());
        assert_eq!(merged.api_errors[1].example_user_message, None);
        let errors: Vec<&str> = merged.connect_errors.iter().map(|e| e.error()).collect();
        assert_eq!(errors, ["a_error", "b_error"]);
    }

    #[test]
    fn files_that_are_no_ledger_are_refused_with_the_reason() {
        let refuse = |text: &str| Ledger::from_json(text, origin()).unwrap_err();
        assert_eq!(
            refuse(r#"{"format": 2}"#),
            "it is in format 2, which this catalog-gen does not read (it reads format 1)"
        );
        assert_eq!(
            refuse(r#"{"format": 1, "extra": true}"#),
            "unknown field `extra`, expected one of `format`, `about`, `api_errors`, `connect_errors`, `resolutions` at line 1 column 21"
        );
        let tombstone = |date: &str| {
            format!(
                r#"{{"type": "SERVER", "code": "A", "removed_from_docs": "{date}", "status_code": 500, "description": "d", "doc_url": "u"}}"#
            )
        };
        assert_eq!(
            refuse(&format!(
                r#"{{"format": 1, "api_errors": [{}]}}"#,
                tombstone("2026-02-30")
            )),
            "`SERVER:A` in api_errors has removed_from_docs `2026-02-30`, which is not a date written YYYY-MM-DD"
        );
        assert_eq!(
            refuse(&format!(
                r#"{{"format": 1, "api_errors": [{}, {}]}}"#,
                tombstone("2026-01-01"),
                tombstone("2026-01-02")
            )),
            "`SERVER:A` is in api_errors twice"
        );
        assert_eq!(
            refuse(
                r#"{"format": 1, "connect_errors": [{"error": "a\u001b", "removed_from_docs": "2026-01-01", "parameters": []}]}"#
            ),
            r"`a\u{1b}` in connect_errors has no `error` parameter that names it"
        );
        let unsorted = format!(
            r#"{{"format": 1, "resolutions": [{{"name": "B", "removed_from_docs": "2026-01-01"}}, {{"name": "A", "removed_from_docs": "2026-01-01"}}], "api_errors": [{}]}}"#,
            tombstone("2026-01-01")
        );
        let ledger = Ledger::from_json(&unsorted, origin()).unwrap();
        assert_eq!(
            ledger.resolutions().map(|(name, _)| name).collect::<Vec<_>>(),
            ["A", "B"]
        );
    }
}
