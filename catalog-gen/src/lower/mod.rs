//! The model lowered to a plan of the generated catalog: every documented string gets its Rust
//! name, every code its type's and resolution's place, every type and resolution what the docs
//! say of it as a group, and every item that left the docs (see [`crate::ledger`]) the date it
//! did. Every naming problem is found here, so that emitting the plan cannot fail on the docs'
//! content.

mod discriminants;
mod names;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Lint};
use crate::ledger::Ledger;
use crate::model::{Catalog, Source};
use discriminants::discriminants;

/// The generated catalog, item by item, in the order the file lists them. It refers to the
/// catalog's entries by their place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The error types, sorted by name.
    pub error_types: Vec<ErrorTypePlan>,
    /// The resolution types, sorted by name.
    pub resolutions: Vec<ResolutionPlan>,
    /// One for each of the catalog's API errors, in its order.
    pub api_errors: Vec<ApiPlan>,
    /// One for each of the catalog's Connect errors, in its order.
    pub connect_errors: Vec<ConnectPlan>,
}

/// One variant of `ErrorType`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorTypePlan {
    pub variant: String,
    /// Its discriminant, which the docs' other changes never move.
    pub discriminant: i64,
    /// The first API error of the type, whose page describes the type.
    pub first: usize,
    /// When its last code left the docs, if none of its codes is documented.
    pub removed: Option<String>,
}

/// One variant of `Resolution`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolutionPlan {
    pub variant: String,
    /// Its discriminant, which the docs' other changes never move.
    pub discriminant: i64,
    pub name: String,
    /// How many documented codes suggest it.
    pub codes: usize,
    /// When the last documented code that suggested it stopped doing so, if none does.
    pub removed: Option<String>,
}

/// One variant of `ApiErrorCode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiPlan {
    pub variant: String,
    /// Its discriminant, which the docs' other changes never move.
    pub discriminant: i64,
    /// Its type's place in [`Plan::error_types`].
    pub error_type: usize,
    /// Its resolution's place in [`Plan::resolutions`], if it has one.
    pub resolution: Option<usize>,
    /// When it left the docs, if it did.
    pub removed: Option<String>,
}

/// One variant of `ConnectErrorCode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConnectPlan {
    pub variant: String,
    /// Its discriminant, which the docs' other changes never move.
    pub discriminant: i64,
    /// When it left the docs, if it did.
    pub removed: Option<String>,
}

/// The plan of `catalog` — the documented errors and the tombstones of `ledger`, which holds
/// nothing the docs document — or every naming problem in it: a string with no letter or
/// digit to name a variant after, or two strings that would name the same variant.
pub(crate) fn lower(catalog: &Catalog, ledger: &Ledger) -> Result<Plan, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let error_types = error_types(catalog, ledger, &mut problems);
    let resolutions = resolutions(catalog, ledger, &mut problems);
    let api_errors = api_errors(catalog, ledger, &error_types, &resolutions, &mut problems);
    let connect_errors = connect_errors(catalog, ledger, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(Plan {
        error_types,
        resolutions,
        api_errors,
        connect_errors,
    })
}

/// One variant per error type, in the order of the API errors (sorted by type): the first
/// entry of each describes it, and it left the docs when every one of its codes did, on the
/// latest of their dates.
fn error_types(catalog: &Catalog, ledger: &Ledger, problems: &mut Vec<Diagnostic>) -> Vec<ErrorTypePlan> {
    let api = &catalog.api_errors;
    let mut groups: Vec<(usize, Option<&str>)> = Vec::new();
    for (index, entry) in api.iter().enumerate() {
        let left = ledger.api_removed(entry.key());
        match groups.last_mut() {
            Some((first, removed)) if api[*first].error_type == entry.error_type => {
                *removed = removed.zip(left).map(|(a, b)| a.max(b));
            }
            _ => groups.push((index, left)),
        }
    }
    for &(first, _) in &groups {
        let entry = &api[first];
        if entry.error_type.contains(':') {
            problems.push(Diagnostic::new(
                Lint::InvalidName,
                format!(
                    "`{}` cannot name an error type: `:` separates the type from the code in `TYPE:CODE`",
                    entry.error_type
                ),
                entry.source.clone(),
                0..0,
            ));
        }
    }
    let names: Vec<&str> = groups
        .iter()
        .map(|&(first, _)| api[first].error_type.as_str())
        .collect();
    let variants = assign(
        "ErrorType",
        groups.iter().map(|&(first, _)| {
            let entry = &api[first];
            (
                entry.error_type.clone(),
                names::upper_camel(&entry.error_type),
                &entry.source,
            )
        }),
        problems,
    );
    groups
        .into_iter()
        .zip(variants)
        .zip(discriminants(names.into_iter()))
        .map(|(((first, removed), variant), discriminant)| ErrorTypePlan {
            variant,
            discriminant,
            first,
            removed: removed.map(str::to_owned),
        })
        .collect()
}

/// One variant per resolution type a code suggests or the ledger keeps, sorted by name, with
/// how many documented codes suggest it.
fn resolutions(catalog: &Catalog, ledger: &Ledger, problems: &mut Vec<Diagnostic>) -> Vec<ResolutionPlan> {
    let mut found: BTreeMap<&str, (&Source, usize)> = BTreeMap::new();
    for entry in &catalog.api_errors {
        if let Some(resolution) = &entry.resolution {
            let (_, codes) = found.entry(resolution).or_insert((&entry.source, 0));
            *codes += usize::from(ledger.api_removed(entry.key()).is_none());
        }
    }
    for (name, _) in ledger.resolutions() {
        found.entry(name).or_insert((ledger.origin(), 0));
    }
    let variants = assign(
        "Resolution",
        found
            .iter()
            .map(|(name, (source, _))| (name.to_string(), names::upper_camel(name), *source)),
        problems,
    );
    let removed: BTreeMap<&str, &str> = ledger.resolutions().collect();
    found
        .iter()
        .zip(variants)
        .zip(discriminants(found.keys().copied()))
        .map(|(((name, (_, codes)), variant), discriminant)| ResolutionPlan {
            variant,
            discriminant,
            name: (*name).to_owned(),
            codes: *codes,
            removed: removed
                .get(name)
                .filter(|_| *codes == 0)
                .map(|date| (*date).to_owned()),
        })
        .collect()
}

/// One variant per API error, in the catalog's order, with its type's and resolution's place.
fn api_errors(
    catalog: &Catalog,
    ledger: &Ledger,
    error_types: &[ErrorTypePlan],
    resolutions: &[ResolutionPlan],
    problems: &mut Vec<Diagnostic>,
) -> Vec<ApiPlan> {
    let api = &catalog.api_errors;
    let variants = assign(
        "ApiErrorCode",
        api.iter().map(|entry| {
            let variant = names::api_variant(&entry.error_type, entry.code.as_deref());
            (entry.key().to_string(), variant, &entry.source)
        }),
        problems,
    );
    let keys: Vec<String> = api.iter().map(|entry| entry.key().to_string()).collect();
    let type_place = |name: &str| error_types.iter().position(|t| api[t.first].error_type == name);
    let resolution_place = |name: &str| resolutions.binary_search_by(|r| r.name.as_str().cmp(name)).ok();
    api.iter()
        .zip(variants)
        .zip(discriminants(keys.iter().map(String::as_str)))
        .map(|((entry, variant), discriminant)| ApiPlan {
            variant,
            discriminant,
            error_type: type_place(&entry.error_type).unwrap_or_default(),
            resolution: entry.resolution.as_deref().and_then(resolution_place),
            removed: ledger.api_removed(entry.key()).map(str::to_owned),
        })
        .collect()
}

/// One variant per Connect error, in the catalog's order (sorted by name).
fn connect_errors(catalog: &Catalog, ledger: &Ledger, problems: &mut Vec<Diagnostic>) -> Vec<ConnectPlan> {
    let connect = &catalog.connect_errors;
    let variants = assign(
        "ConnectErrorCode",
        connect.iter().map(|entry| {
            (
                entry.error().to_owned(),
                names::upper_camel(entry.error()),
                &entry.source,
            )
        }),
        problems,
    );
    connect
        .iter()
        .zip(variants)
        .zip(discriminants(connect.iter().map(|entry| entry.error())))
        .map(|((entry, variant), discriminant)| ConnectPlan {
            variant,
            discriminant,
            removed: ledger.connect_removed(entry.error()).map(str::to_owned),
        })
        .collect()
}

/// A variant name for each `(documented string, name, where)` of one enum; an empty one, and a
/// problem, for a string that cannot name a variant.
fn assign<'s>(
    enum_name: &str,
    items: impl Iterator<Item = (String, String, &'s Source)>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<String> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut variants = Vec::new();
    for (documented, name, source) in items {
        let Some(variant) = names::identifier(&name) else {
            problems.push(Diagnostic::new(
                Lint::InvalidName,
                format!("`{documented}` has no letter or digit to name a variant of {enum_name} after"),
                source.clone(),
                0..0,
            ));
            variants.push(String::new());
            continue;
        };
        if let Some(other) = taken.get(&variant) {
            problems.push(Diagnostic::new(
                Lint::NameCollision,
                format!("`{documented}` and `{other}` would both be {enum_name}::{variant}"),
                source.clone(),
                0..0,
            ));
            variants.push(String::new());
            continue;
        }
        taken.insert(variant.clone(), documented);
        variants.push(variant);
    }
    variants
}
