//! Reading a generated file back: its rows as the model names their fields, for the drift
//! check and for a catalog that keeps another's variants ([`crate::Builder::keep_variants_of`]).

use std::collections::BTreeMap;

use proc_macro2::Span;
use serde_json::{Map, Value};
use syn::{Expr, ImplItem, Item, Lit, Type};

use crate::diff::Kind;
use crate::model::{Catalog, Source};

/// The rows of a catalog, the API rows keyed `TYPE:CODE` then the Connect rows keyed by error,
/// as JSON objects of the fields a generated file holds, named as the model names them; a
/// tombstone's row keeps the date it left the docs (`removed_from_docs`).
#[derive(Debug, Default)]
pub(crate) struct Rows(pub(crate) Vec<(Kind, BTreeMap<String, Value>)>);

impl Rows {
    /// Reads the rows of a generated file: its tables `API_ERRORS` and `CONNECT_ERRORS`, with the
    /// variants of `ErrorType` and `Resolution` they name read as their documented strings.
    pub(crate) fn read(source: &str) -> syn::Result<Rows> {
        let file = syn::parse_file(source)?;
        // The file's constants, and those of its impls as `Type::NAME`.
        let mut consts: BTreeMap<String, &Expr> = BTreeMap::new();
        for item in &file.items {
            if let Item::Const(item) = item {
                consts.insert(item.ident.to_string(), &item.expr);
            } else if let Item::Impl(item) = item
                && let Type::Path(name) = &*item.self_ty
            {
                for inner in &item.items {
                    if let ImplItem::Const(inner) = inner {
                        let name = format!("{}::{}", path_text(&name.path), inner.ident);
                        consts.insert(name, &inner.expr);
                    }
                }
            }
        }
        let find = |name: &str, missing: String| {
            let missing = syn::Error::new(Span::call_site(), missing);
            consts.get(name).copied().ok_or(missing)
        };
        let table = |name: &str| find(name, format!("no table {name}"));
        let mut names = BTreeMap::new();
        for (enumeration, strings) in [
            ("ErrorType", "ERROR_TYPE_NAMES"),
            ("Resolution", "RESOLUTION_NAMES"),
        ] {
            let all = format!("{enumeration}::ALL");
            let all = find(&all, format!("no {all}"))?;
            for (variant, string) in elements(all)?.iter().zip(elements(table(strings)?)?) {
                let Expr::Path(variant) = variant else {
                    return Err(syn::Error::new_spanned(variant, "not a path"));
                };
                let variant = path_text(&variant.path).replace("Self", enumeration);
                names.insert(variant, value(string, &BTreeMap::new())?);
            }
        }
        let mut rows = Rows::default();
        for (kind, name) in [(Kind::Api, "API_ERRORS"), (Kind::Connect, "CONNECT_ERRORS")] {
            let mut section = BTreeMap::new();
            for element in elements(table(name)?)? {
                let (Some(name), Some(row)) = (match element {
                    Expr::Tuple(pair) => (pair.elems.first(), pair.elems.get(1)),
                    _ => (None, None),
                }) else {
                    return Err(syn::Error::new_spanned(
                        element,
                        "a row that is no (name, row) pair",
                    ));
                };
                let Value::String(name) = value(name, &names)? else {
                    return Err(syn::Error::new_spanned(name, "a row named by no string"));
                };
                let Value::Object(mut row) = value(row, &names)? else {
                    return Err(syn::Error::new_spanned(row, "a row that is no struct"));
                };
                if let Some(error_type) = row.remove("error_type") {
                    row.insert("type".into(), error_type);
                }
                // A Connect error's name and description are rows of its parameter table; the
                // model shows them as fields.
                if let Some(Value::Array(parameters)) = row.get("parameters").cloned() {
                    for (field, name) in [("error", "error"), ("description", "error_description")] {
                        let parameter = parameters.iter().find(|p| p["name"] == name);
                        let text = parameter.map_or(Value::Null, |p| p["description"].clone());
                        row.insert(field.into(), text);
                    }
                }
                section.insert(name, Value::Object(row));
            }
            rows.0.push((kind, section));
        }
        Ok(rows)
    }

    /// The rows as the model's entries placed at `source` (the file's start), grouped by the
    /// date each left the docs (`today` for those that had not); or why a row is not an
    /// entry. What the file does not hold, the examples, is left empty.
    pub(crate) fn entries(
        &self,
        source: &Source,
        today: &str,
    ) -> Result<BTreeMap<String, Catalog>, serde_json::Error> {
        let mut kept: BTreeMap<String, Catalog> = BTreeMap::new();
        for (kind, rows) in &self.0 {
            for row in rows.values() {
                let mut row = row.clone();
                let date = row["removed_from_docs"].as_str().unwrap_or(today).to_owned();
                // A row is an object, which indexing extends.
                row["source"] = source.to_string().into();
                row["example"] = "".into();
                let catalog = kept.entry(date).or_default();
                match kind {
                    Kind::Api => catalog.api_errors.push(serde_json::from_value(row)?),
                    _ => catalog.connect_errors.push(serde_json::from_value(row)?),
                }
            }
        }
        Ok(kept)
    }
}

/// The elements of `&[a, b, ...]`.
fn elements(expr: &Expr) -> syn::Result<Vec<&Expr>> {
    match expr {
        Expr::Reference(reference) => elements(&reference.expr),
        Expr::Array(array) => Ok(array.elems.iter().collect()),
        other => Err(syn::Error::new_spanned(other, "not a table")),
    }
}

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
            let unknown = || syn::Error::new_spanned(path, format!("unknown variant `{text}`"));
            names.get(&text).cloned().ok_or_else(unknown)?
        }
        Expr::Call(call) if matches!(&*call.func, Expr::Path(p) if p.path.is_ident("Some")) => {
            let inner = call.args.first();
            let inner = inner.ok_or_else(|| syn::Error::new_spanned(call, "Some without a value"))?;
            value(inner, names)?
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
        Expr::Reference(_) | Expr::Array(_) => {
            let values = elements(expr)?.into_iter().map(|element| value(element, names));
            Value::Array(values.collect::<syn::Result<_>>()?)
        }
        other => return Err(syn::Error::new_spanned(other, "an unexpected expression")),
    })
}
