//! The drift check: does a checked-in generated file say what the docs generate?
//!
//! The texts are compared byte for byte. When they differ, the file's rows are read back (with
//! syn) and compared with the catalog the docs hold now, so the report can say which codes
//! changed and in which fields, besides showing the unified diff.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::{Map, Value};
use similar::TextDiff;
use syn::parse::{ParseStream, Parser};
use syn::{Expr, Ident, Lit, Token, braced, bracketed};

use crate::diff::{ChangeSet, Kind};
use crate::emit::recorded_hash;
use crate::model::Catalog;
use smartcar_errors_shared::key::Key;

/// At most this many lines of unified diff are shown; the semantic summary names the rest.
const MAX_DIFF_LINES: usize = 400;

/// The fields of an API error the generated file holds, as the model names them.
const API_FIELDS: &[&str] = &[
    "type",
    "code",
    "status_code",
    "description",
    "doc_url",
    "resolution",
    "resolution_url",
    "suggested_resolution",
    "troubleshooting_steps",
    "suggested_user_message",
    "explanation",
    "page_url",
];

/// The fields of a Connect error the generated file holds.
const CONNECT_FIELDS: &[&str] = &[
    "error",
    "description",
    "parameters",
    "title",
    "summary",
    "details",
    "page_url",
];

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
    /// whose catalog is `catalog` and whose hash is `docs_hash` generate; `None` when they are
    /// the same, byte for byte.
    pub(crate) fn find(
        existing: &str,
        generated: &str,
        catalog: &Catalog,
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
        let changes = read_rows(existing).map(|old| {
            let mut set = ChangeSet::default();
            set.compare(Kind::Api, &old.api, &api_rows(catalog));
            set.compare(Kind::Connect, &old.connect, &connect_rows(catalog));
            set
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

    /// The codes and Connect errors whose rows differ, or why the file's rows cannot be read.
    pub fn changes(&self) -> Result<&ChangeSet, &str> {
        self.changes.as_ref().map_err(String::as_str)
    }

    /// Why the file drifted, in one sentence.
    pub fn cause(&self) -> String {
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

/// The rows of a catalog, keyed `TYPE:CODE` and by Connect error, as JSON objects of the
/// fields a generated file holds.
#[derive(Debug, Default)]
struct Rows {
    api: BTreeMap<String, Value>,
    connect: BTreeMap<String, Value>,
}

/// The API rows `catalog` generates.
fn api_rows(catalog: &Catalog) -> BTreeMap<String, Value> {
    catalog
        .api_errors
        .iter()
        .map(|e| (e.key().to_string(), only(e, API_FIELDS)))
        .collect()
}

/// The Connect rows `catalog` generates.
fn connect_rows(catalog: &Catalog) -> BTreeMap<String, Value> {
    catalog
        .connect_errors
        .iter()
        .map(|e| (e.error().to_owned(), only(e, CONNECT_FIELDS)))
        .collect()
}

/// `entry` as a JSON object of the `fields` only.
fn only(entry: &impl serde::Serialize, fields: &[&str]) -> Value {
    let Ok(Value::Object(mut object)) = serde_json::to_value(entry) else {
        return Value::Null;
    };
    object.retain(|name, _| fields.contains(&name.as_str()));
    Value::Object(object)
}

/// Reads the rows of a generated file: the sections of its `catalog!` invocation.
fn read_rows(code: &str) -> syn::Result<Rows> {
    let file = syn::parse_file(code)?;
    let invocation = file
        .items
        .iter()
        .find_map(|item| match item {
            syn::Item::Macro(item)
                if item
                    .mac
                    .path
                    .segments
                    .last()
                    .is_some_and(|s| s.ident == "catalog") =>
            {
                Some(item.mac.tokens.clone())
            }
            _ => None,
        })
        .ok_or_else(|| syn::Error::new(proc_macro2::Span::call_site(), "no catalog! invocation"))?;
    Parser::parse2(parse_invocation, invocation)
}

fn parse_invocation(input: ParseStream<'_>) -> syn::Result<Rows> {
    keyword(input, "format")?;
    input.parse::<Token![:]>()?;
    input.parse::<Lit>()?;
    input.parse::<Token![;]>()?;
    let error_types = named_section(input, "error_types")?;
    let resolutions = named_section(input, "resolutions")?;
    let mut rows = Rows::default();
    section(input, "api_errors", |content| {
        let mut row = row(content)?;
        let name = |field: &str, names: &BTreeMap<String, String>| -> syn::Result<Value> {
            Ok(match row.get(field) {
                Some(Value::String(variant)) => names
                    .get(variant.rsplit("::").next().unwrap_or_default())
                    .map(|name| Value::String(name.clone()))
                    .ok_or_else(|| content.error(format!("unknown variant `{variant}`")))?,
                _ => Value::Null,
            })
        };
        let error_type = name("error_type", &error_types)?;
        let resolution = name("resolution", &resolutions)?;
        row.remove("error_type");
        row.remove("removed_from_docs");
        row.insert("type".into(), error_type);
        row.insert("resolution".into(), resolution);
        let key = match (&row["type"], row.get("code")) {
            (Value::String(t), Some(Value::String(c))) => Key::new(t, Some(c)).to_string(),
            (Value::String(t), _) => t.clone(),
            _ => return Err(content.error("an API row without an error type")),
        };
        rows.api.insert(key, Value::Object(row));
        Ok(())
    })?;
    section(input, "connect_errors", |content| {
        let mut row = row(content)?;
        row.remove("removed_from_docs");
        let parameter = |name: &str| {
            row.get("parameters")
                .and_then(Value::as_array)
                .and_then(|parameters| parameters.iter().find(|p| p["name"] == name))
                .map_or(Value::Null, |p| p["description"].clone())
        };
        let (error, description) = (parameter("error"), parameter("error_description"));
        let key = error.as_str().unwrap_or_default().to_owned();
        row.insert("error".into(), error);
        row.insert("description".into(), description);
        rows.connect.insert(key, Value::Object(row));
        Ok(())
    })?;
    Ok(rows)
}

/// `name {` … `}` whose items `item` reads one at a time, each after its attributes.
fn section(
    input: ParseStream<'_>,
    name: &str,
    mut item: impl FnMut(ParseStream<'_>) -> syn::Result<()>,
) -> syn::Result<()> {
    keyword(input, name)?;
    let content;
    braced!(content in input);
    while !content.is_empty() {
        content.call(syn::Attribute::parse_outer)?;
        item(&content)?;
    }
    Ok(())
}

/// A section of `Variant = "documented string",` items: the strings by variant.
fn named_section(input: ParseStream<'_>, name: &str) -> syn::Result<BTreeMap<String, String>> {
    let mut names = BTreeMap::new();
    section(input, name, |content| {
        let variant: Ident = content.parse()?;
        content.parse::<Token![=]>()?;
        let documented = string(&content.parse()?)?;
        content.parse::<Token![,]>()?;
        names.insert(variant.to_string(), documented);
        Ok(())
    })?;
    Ok(names)
}

/// `Variant { field: value, ... }` as a JSON object of its fields.
fn row(input: ParseStream<'_>) -> syn::Result<Map<String, Value>> {
    input.parse::<Ident>()?;
    let content;
    braced!(content in input);
    fields(&content)
}

/// `field: value, ...` up to the end of `input`; a value is a literal, `None`, `Some(..)`, a
/// path, or a list of rows.
fn fields(input: ParseStream<'_>) -> syn::Result<Map<String, Value>> {
    let mut object = Map::new();
    while !input.is_empty() {
        let name: Ident = input.parse()?;
        input.parse::<Token![:]>()?;
        let value = if input.peek(Token![&]) && input.peek2(syn::token::Bracket) {
            // `&[Type { field: value, ... }, ...]`
            input.parse::<Token![&]>()?;
            let list;
            bracketed!(list in input);
            let mut items = Vec::new();
            while !list.is_empty() {
                list.parse::<Ident>()?;
                let item;
                braced!(item in list);
                items.push(Value::Object(fields(&item)?));
                if !list.is_empty() {
                    list.parse::<Token![,]>()?;
                }
            }
            Value::Array(items)
        } else {
            value(&input.parse()?)?
        };
        object.insert(name.to_string(), value);
        if !input.is_empty() {
            input.parse::<Token![,]>()?;
        }
    }
    Ok(object)
}

/// A field's value: a literal, `None`, `Some(..)`, or a path (a variant) as its text.
fn value(expr: &Expr) -> syn::Result<Value> {
    Ok(match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => Value::String(s.value()),
            Lit::Int(i) => Value::from(i.base10_parse::<u64>()?),
            Lit::Bool(b) => Value::Bool(b.value),
            other => return Err(syn::Error::new(other.span(), "an unexpected literal")),
        },
        Expr::Path(path) if path.path.is_ident("None") => Value::Null,
        Expr::Path(path) => Value::String(
            path.path
                .segments
                .iter()
                .map(|segment| segment.ident.to_string())
                .collect::<Vec<_>>()
                .join("::"),
        ),
        Expr::Call(call) if matches!(&*call.func, Expr::Path(p) if p.path.is_ident("Some")) => {
            match call.args.first() {
                Some(inner) => value(inner)?,
                None => return Err(syn::Error::new_spanned(call, "Some without a value")),
            }
        }
        other => return Err(syn::Error::new_spanned(other, "an unexpected expression")),
    })
}

/// The value of a string literal.
fn string(expr: &Expr) -> syn::Result<String> {
    match value(expr)? {
        Value::String(text) => Ok(text),
        _ => Err(syn::Error::new_spanned(expr, "not a string")),
    }
}

/// The identifier `name`.
fn keyword(input: ParseStream<'_>, name: &str) -> syn::Result<()> {
    let ident: Ident = input.parse()?;
    if ident == name {
        Ok(())
    } else {
        Err(syn::Error::new(ident.span(), format!("expected `{name}`")))
    }
}
