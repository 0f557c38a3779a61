//! Reading the tables of a generated file back (with syn), so that two generated files can be
//! compared by what their tables say rather than by their text.

use std::collections::BTreeMap;

use serde_json::{Map, Value};
use syn::{Expr, Item, Lit};

use crate::diff::{ChangeSet, Kind};

/// The rows of a generated file's tables, keyed `TYPE:CODE` and by Connect error name.
#[derive(Debug, Default)]
struct Tables {
    api: BTreeMap<String, Value>,
    connect: BTreeMap<String, Value>,
}

/// Why a file's tables could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TablesError {
    /// The file is not Rust.
    #[error("not Rust source: {0}")]
    Syntax(#[from] syn::Error),
    /// The file does not have the shape catalog-gen generates.
    #[error("not a generated catalog: {0}")]
    Shape(String),
}

/// The table rows that differ between two generated files.
pub fn diff_generated(old: &str, new: &str) -> Result<ChangeSet, TablesError> {
    let (old, new) = (read_tables(old)?, read_tables(new)?);
    let mut set = ChangeSet::default();
    set.compare(Kind::Api, &old.api, &new.api);
    set.compare(Kind::Connect, &old.connect, &new.connect);
    Ok(set)
}

fn read_tables(code: &str) -> Result<Tables, TablesError> {
    let file = syn::parse_file(code)?;
    // Variant identifiers of each named enum, to their documented strings.
    let mut names: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for item in &file.items {
        if let Item::Impl(imp) = item
            && let Some((trait_path, _)) = &imp.trait_
            && trait_path.segments.last().is_some_and(|s| s.ident == "Named")
            && let syn::Type::Path(self_ty) = &*imp.self_ty
            && let Some(enum_name) = self_ty.path.segments.last()
        {
            names.insert(enum_name.ident.to_string(), enum_names(imp)?);
        }
    }
    let mut tables = Tables::default();
    for item in &file.items {
        let Item::Static(table) = item else { continue };
        if table.ident != "API_ERRORS" && table.ident != "CONNECT_ERRORS" {
            // The lookup indexes: derived from the rows.
            continue;
        }
        let rows = match &*table.expr {
            Expr::Array(array) => &array.elems,
            _ => return Err(shape(format!("{} is not an array", table.ident))),
        };
        for row in rows {
            let row = value(row, &names)?;
            if table.ident == "API_ERRORS" {
                let key = match (&row["error_type"], &row["code"]) {
                    (Value::String(t), Value::String(c)) => format!("{t}:{c}"),
                    (Value::String(t), _) => t.clone(),
                    _ => return Err(shape("an API row without an error type".into())),
                };
                tables.api.insert(key, row);
            } else if table.ident == "CONNECT_ERRORS" {
                let key = row["error"].as_str().unwrap_or_default().to_owned();
                tables.connect.insert(key, row);
            }
        }
    }
    Ok(tables)
}

/// `ALL` and `NAMES` of an `impl Named`, zipped.
fn enum_names(imp: &syn::ItemImpl) -> Result<BTreeMap<String, String>, TablesError> {
    let mut all = Vec::new();
    let mut strings = Vec::new();
    for item in &imp.items {
        let syn::ImplItem::Const(constant) = item else {
            continue;
        };
        let Expr::Reference(reference) = &constant.expr else {
            continue;
        };
        let Expr::Array(array) = &*reference.expr else {
            continue;
        };
        for element in &array.elems {
            match (constant.ident.to_string().as_str(), element) {
                ("ALL", Expr::Path(path)) => {
                    all.push(
                        path.path
                            .segments
                            .last()
                            .map(|s| s.ident.to_string())
                            .unwrap_or_default(),
                    );
                }
                ("NAMES", Expr::Lit(lit)) => match &lit.lit {
                    Lit::Str(s) => strings.push(s.value()),
                    _ => return Err(shape("a name that is not a string".into())),
                },
                _ => {}
            }
        }
    }
    if all.len() != strings.len() {
        return Err(shape("ALL and NAMES differ in length".into()));
    }
    Ok(all.into_iter().zip(strings).collect())
}

/// A table expression as JSON: literals, `None`/`Some(..)`, enum variants by their documented
/// string, struct literals as objects and `&[..]` as arrays.
fn value(expr: &Expr, names: &BTreeMap<String, BTreeMap<String, String>>) -> Result<Value, TablesError> {
    Ok(match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Str(s) => Value::String(s.value()),
            Lit::Int(i) => Value::from(i.base10_parse::<u64>().map_err(TablesError::Syntax)?),
            Lit::Bool(b) => Value::Bool(b.value),
            _ => return Err(shape("an unexpected literal".into())),
        },
        Expr::Path(path) => {
            let segments: Vec<String> = path.path.segments.iter().map(|s| s.ident.to_string()).collect();
            match segments.as_slice() {
                [none] if none == "None" => Value::Null,
                [.., enum_name, variant] => names
                    .get(enum_name)
                    .and_then(|variants| variants.get(variant))
                    .map(|name| Value::String(name.clone()))
                    .ok_or_else(|| shape(format!("unknown variant {enum_name}::{variant}")))?,
                _ => return Err(shape("an unexpected path".into())),
            }
        }
        Expr::Call(call) if matches!(&*call.func, Expr::Path(p) if p.path.is_ident("Some")) => {
            match call.args.first() {
                Some(inner) => value(inner, names)?,
                None => return Err(shape("Some without a value".into())),
            }
        }
        Expr::Struct(object) => {
            let mut fields = Map::new();
            for field in &object.fields {
                let syn::Member::Named(name) = &field.member else {
                    return Err(shape("an unnamed field".into()));
                };
                fields.insert(name.to_string(), value(&field.expr, names)?);
            }
            Value::Object(fields)
        }
        Expr::Reference(reference) => value(&reference.expr, names)?,
        Expr::Array(array) => Value::Array(
            array
                .elems
                .iter()
                .map(|e| value(e, names))
                .collect::<Result<_, _>>()?,
        ),
        _ => return Err(shape("an unexpected expression".into())),
    })
}

fn shape(message: String) -> TablesError {
    TablesError::Shape(message)
}
