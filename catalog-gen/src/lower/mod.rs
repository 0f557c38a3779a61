//! The model lowered to a plan of the generated catalog: every documented string gets its Rust
//! name, every code its type's and resolution's place, every type and resolution what the docs
//! say of it as a group, and every item that left the docs (see [`crate::ledger`]) the date it
//! did. Every naming problem is found here, so that emitting the plan cannot fail on the docs'
//! content.

mod names;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Lint};
use crate::ledger::Ledger;
use crate::model::{Catalog, Source};

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
    /// The first API error of the type, whose page describes the type.
    pub first: usize,
    /// When its last code left the docs, if none of its codes is documented.
    pub removed: Option<String>,
}

/// One variant of `Resolution`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolutionPlan {
    pub variant: String,
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
    /// When it left the docs, if it did.
    pub removed: Option<String>,
}

/// The plan of `catalog` — the documented errors and the tombstones of `ledger`, which holds
/// nothing the docs document — or every naming problem in it: a string with no letter or
/// digit to name a variant after, or two strings that would name the same variant.
pub(crate) fn lower(catalog: &Catalog, ledger: &Ledger) -> Result<Plan, Vec<Diagnostic>> {
    let api = &catalog.api_errors;
    let mut problems = Vec::new();

    // The first entry of each type (the entries are sorted by type) and when the type left
    // the docs, if it did (the latest date of its codes, none of them documented); each
    // resolution's first entry and count of documented codes.
    let mut firsts: Vec<usize> = Vec::new();
    let mut type_removed: Vec<Option<&str>> = Vec::new();
    let mut type_of: Vec<usize> = Vec::with_capacity(api.len());
    let mut removed: Vec<Option<&str>> = Vec::with_capacity(api.len());
    let mut resolutions: BTreeMap<&str, (&Source, usize)> = BTreeMap::new();
    for (index, entry) in api.iter().enumerate() {
        let left = ledger.api_removed(entry.key());
        if firsts
            .last()
            .is_none_or(|&first| api[first].error_type != entry.error_type)
        {
            firsts.push(index);
            type_removed.push(left);
        } else if let Some(date) = type_removed.last_mut() {
            *date = date.zip(left).map(|(a, b)| a.max(b));
        }
        type_of.push(firsts.len() - 1);
        removed.push(left);
        if let Some(resolution) = &entry.resolution {
            let (_, codes) = resolutions.entry(resolution).or_insert((&entry.source, 0));
            *codes += usize::from(left.is_none());
        }
    }
    for (name, _) in ledger.resolutions() {
        resolutions.entry(name).or_insert((ledger.origin(), 0));
    }

    let type_variants = assign(
        "ErrorType",
        firsts.iter().map(|&first| {
            let entry = &api[first];
            (
                entry.error_type.clone(),
                names::upper_camel(&entry.error_type),
                &entry.source,
            )
        }),
        &mut problems,
    );
    let resolution_variants = assign(
        "Resolution",
        resolutions
            .iter()
            .map(|(name, (source, _))| (name.to_string(), names::upper_camel(name), *source)),
        &mut problems,
    );
    let api_variants = assign(
        "ApiErrorCode",
        api.iter().map(|entry| {
            let variant = names::api_variant(&entry.error_type, entry.code.as_deref());
            (entry.key().to_string(), variant, &entry.source)
        }),
        &mut problems,
    );
    let connect_variants = assign(
        "ConnectErrorCode",
        catalog.connect_errors.iter().map(|entry| {
            (
                entry.error().to_owned(),
                names::upper_camel(entry.error()),
                &entry.source,
            )
        }),
        &mut problems,
    );
    if !problems.is_empty() {
        return Err(problems);
    }

    let resolution_index: BTreeMap<&str, usize> = resolutions
        .keys()
        .enumerate()
        .map(|(index, name)| (*name, index))
        .collect();
    let api_errors = api
        .iter()
        .zip(api_variants)
        .zip(type_of.into_iter().zip(removed))
        .map(|((entry, variant), (error_type, removed))| ApiPlan {
            variant,
            error_type,
            resolution: entry
                .resolution
                .as_deref()
                .and_then(|resolution| resolution_index.get(resolution).copied()),
            removed: removed.map(str::to_owned),
        })
        .collect();
    let resolution_removed: BTreeMap<&str, &str> = ledger.resolutions().collect();
    Ok(Plan {
        error_types: firsts
            .into_iter()
            .zip(type_variants)
            .zip(type_removed)
            .map(|((first, variant), removed)| ErrorTypePlan {
                variant,
                first,
                removed: removed.map(str::to_owned),
            })
            .collect(),
        resolutions: resolutions
            .into_iter()
            .zip(resolution_variants)
            .map(|((name, (_, codes)), variant)| ResolutionPlan {
                variant,
                name: name.to_owned(),
                codes,
                removed: resolution_removed
                    .get(name)
                    .filter(|_| codes == 0)
                    .map(|date| (*date).to_owned()),
            })
            .collect(),
        api_errors,
        connect_errors: catalog
            .connect_errors
            .iter()
            .zip(connect_variants)
            .map(|(entry, variant)| ConnectPlan {
                variant,
                removed: ledger.connect_removed(entry.error()).map(str::to_owned),
            })
            .collect(),
    })
}

/// A variant name for each `(documented string, name, where)` of one enum, or a problem.
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
            continue;
        };
        if let Some(other) = taken.get(&variant) {
            problems.push(Diagnostic::new(
                Lint::NameCollision,
                format!("`{documented}` and `{other}` would both be {enum_name}::{variant}"),
                source.clone(),
                0..0,
            ));
            continue;
        }
        taken.insert(variant.clone(), documented);
        variants.push(variant);
    }
    variants
}
