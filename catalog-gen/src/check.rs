//! The drift check: does a checked-in generated file say what the docs generate?
//!
//! The texts are compared byte for byte. When they differ, the rows of both files are read
//! back (with syn) by the same reader, field by field as the file names them, so the report can
//! say which codes changed and in which fields, besides showing the unified diff; no list of
//! fields is kept here, so a row that gains one is compared with it.

use std::collections::BTreeMap;
use std::fmt;

use proc_macro2::Span;
use serde_json::{Map, Value};
use similar::TextDiff;
use syn::{Expr, ImplItem, Item, Lit, Type};

use crate::diff::{ChangeSet, Kind};
use crate::emit::recorded_hash;

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
        let changes = read_rows(existing).and_then(|old| {
            let new = read_rows(generated)?;
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
/// fields a generated file holds, named as the model names them.
#[derive(Debug, Default)]
struct Rows {
    api: BTreeMap<String, Value>,
    connect: BTreeMap<String, Value>,
}

/// Reads the rows of a generated file: its tables `API_ERRORS` and `CONNECT_ERRORS`, with the
/// variants of `ErrorType` and `Resolution` they name read as their documented strings.
fn read_rows(code: &str) -> syn::Result<Rows> {
    let file = syn::parse_file(code)?;
    let mut consts: BTreeMap<String, &Expr> = BTreeMap::new();
    let mut alls: BTreeMap<String, &Expr> = BTreeMap::new();
    for item in &file.items {
        match item {
            Item::Const(item) => {
                consts.insert(item.ident.to_string(), &item.expr);
            }
            Item::Impl(item) => {
                let Type::Path(name) = &*item.self_ty else {
                    continue;
                };
                for inner in &item.items {
                    if let ImplItem::Const(all) = inner
                        && all.ident == "ALL"
                    {
                        alls.insert(path_text(&name.path), &all.expr);
                    }
                }
            }
            _ => {}
        }
    }
    let table = |name: &str| {
        consts
            .get(name)
            .copied()
            .ok_or_else(|| syn::Error::new(Span::call_site(), format!("no table {name}")))
    };
    let mut names = BTreeMap::new();
    for (enumeration, strings) in [
        ("ErrorType", "ERROR_TYPE_NAMES"),
        ("Resolution", "RESOLUTION_NAMES"),
    ] {
        let all = alls
            .get(enumeration)
            .ok_or_else(|| syn::Error::new(Span::call_site(), format!("no {enumeration}::ALL")))?;
        for (variant, string) in elements(all)?.iter().zip(elements(table(strings)?)?) {
            let variant = path_text(&path(variant)?.path).replace("Self", enumeration);
            names.insert(variant, value(string, &BTreeMap::new())?);
        }
    }
    let mut rows = Rows::default();
    for (section, table) in [
        (&mut rows.api, table("API_ERRORS")?),
        (&mut rows.connect, table("CONNECT_ERRORS")?),
    ] {
        for element in elements(table)? {
            let Expr::Tuple(pair) = element else {
                return Err(syn::Error::new_spanned(
                    element,
                    "a row that is no (name, row) pair",
                ));
            };
            let (Some(name), Some(row)) = (pair.elems.first(), pair.elems.get(1)) else {
                return Err(syn::Error::new_spanned(pair, "a row that is no (name, row) pair"));
            };
            let Value::String(name) = value(name, &names)? else {
                return Err(syn::Error::new_spanned(name, "a row named by no string"));
            };
            let Value::Object(mut row) = value(row, &names)? else {
                return Err(syn::Error::new_spanned(row, "a row that is no struct"));
            };
            row.remove("removed_from_docs");
            if let Some(error_type) = row.remove("error_type") {
                row.insert("type".into(), error_type);
            }
            section.insert(name, Value::Object(with_connect_names(row)));
        }
    }
    Ok(rows)
}

/// A Connect row with its name and description, which its parameter table holds, as the model
/// shows them; other rows as they are.
fn with_connect_names(mut row: Map<String, Value>) -> Map<String, Value> {
    let Some(Value::Array(parameters)) = row.get("parameters") else {
        return row;
    };
    let parameter = |name: &str| {
        parameters
            .iter()
            .find(|p| p["name"] == name)
            .map_or(Value::Null, |p| p["description"].clone())
    };
    let (error, description) = (parameter("error"), parameter("error_description"));
    row.insert("error".into(), error);
    row.insert("description".into(), description);
    row
}

/// The elements of `&[a, b, ...]`.
fn elements(expr: &Expr) -> syn::Result<Vec<&Expr>> {
    match expr {
        Expr::Reference(reference) => elements(&reference.expr),
        Expr::Array(array) => Ok(array.elems.iter().collect()),
        other => Err(syn::Error::new_spanned(other, "not a table")),
    }
}

fn path(expr: &Expr) -> syn::Result<&syn::ExprPath> {
    match expr {
        Expr::Path(path) => Ok(path),
        other => Err(syn::Error::new_spanned(other, "not a path")),
    }
}

/// `a::b::c`.
fn path_text(path: &syn::Path) -> String {
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    segments.join("::")
}

/// A value of a row as JSON: a literal, `None`, `Some(..)`, a variant of `names` as its
/// string, a table, or a row (`Row { field: value, .. }.into_info()`) as an object.
fn value(expr: &Expr, names: &BTreeMap<String, Value>) -> syn::Result<Value> {
    Ok(match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => Value::String(s.value()),
            Lit::Int(i) => Value::from(i.base10_parse::<u64>()?),
            Lit::Bool(b) => Value::Bool(b.value),
            other => return Err(syn::Error::new(other.span(), "an unexpected literal")),
        },
        Expr::Path(path) if path.path.is_ident("None") => Value::Null,
        Expr::Path(path) => {
            let text = path_text(&path.path);
            names
                .get(&text)
                .cloned()
                .ok_or_else(|| syn::Error::new_spanned(path, format!("unknown variant `{text}`")))?
        }
        Expr::Call(call) if matches!(&*call.func, Expr::Path(p) if p.path.is_ident("Some")) => {
            match call.args.first() {
                Some(inner) => value(inner, names)?,
                None => return Err(syn::Error::new_spanned(call, "Some without a value")),
            }
        }
        Expr::MethodCall(call) if call.method == "into_info" => value(&call.receiver, names)?,
        Expr::Struct(row) => {
            let mut object = Map::new();
            for field in &row.fields {
                let syn::Member::Named(name) = &field.member else {
                    return Err(syn::Error::new_spanned(field, "an unnamed field"));
                };
                object.insert(name.to_string(), value(&field.expr, names)?);
            }
            Value::Object(object)
        }
        Expr::Reference(_) | Expr::Array(_) => Value::Array(
            elements(expr)?
                .into_iter()
                .map(|element| value(element, names))
                .collect::<syn::Result<_>>()?,
        ),
        other => return Err(syn::Error::new_spanned(other, "an unexpected expression")),
    })
}
