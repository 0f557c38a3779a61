//! The model lowered to a plan of the generated catalog: every documented string gets its Rust
//! name and discriminant, every code its type's and resolution's place, every type and
//! resolution what the docs say of it as a group, and every item that left the docs (see
//! [`crate::ledger`]) the date it did. Every naming problem is found here, so that emitting the
//! plan cannot fail on the docs' content.

mod discriminants;
mod names;

use std::collections::BTreeMap;

use crate::diagnostic::{Diagnostic, Lint};
use crate::ledger::Ledger;
use crate::model::{Catalog, Source};
use discriminants::discriminants;

/// The generated catalog, enum by enum, each in the order the file lists it. It refers to the
/// catalog's entries by their place in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// The error types, in the order of the API errors (sorted by type).
    pub error_types: Vec<ErrorTypePlan>,
    /// The resolution types, sorted by name.
    pub resolutions: Vec<ResolutionPlan>,
    /// One for each of the catalog's API errors, in its order.
    pub api_errors: Vec<ApiPlan>,
    /// One for each of the catalog's Connect errors, in its order.
    pub connect_errors: Vec<Variant>,
}

/// One variant of a generated enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Variant {
    /// The string the docs name it by: `SERVER`, `RETRY_LATER`, `SERVER:INTERNAL`,
    /// `server_error`.
    pub documented: String,
    pub name: String,
    /// Its discriminant, which the docs' other changes never move.
    pub discriminant: i64,
    /// When it left the docs, if it did.
    pub removed: Option<String>,
}

/// One variant of `ErrorType`, which left the docs when its last code did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ErrorTypePlan {
    pub variant: Variant,
    /// The first API error of the type, whose page describes the type.
    pub first: usize,
}

/// One variant of `Resolution`, which left the docs when the last documented code that
/// suggested it stopped doing so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ResolutionPlan {
    pub variant: Variant,
    /// How many documented codes suggest it.
    pub codes: usize,
}

/// One variant of `ApiErrorCode`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ApiPlan {
    pub variant: Variant,
    /// Its type's place in [`Plan::error_types`].
    pub error_type: usize,
    /// Its resolution's place in [`Plan::resolutions`], if it has one.
    pub resolution: Option<usize>,
}

/// What names one variant: its documented string, the name it gets in upper camel case, where it
/// is documented, and when it left the docs.
type Named<'a> = (String, String, &'a Source, Option<&'a str>);

/// The plan of `catalog` — the documented errors and the tombstones of `ledger`, which holds
/// nothing the docs document — or every naming problem in it: a string with no letter or
/// digit to name a variant after, or two strings that would name the same variant.
pub(crate) fn lower(catalog: &Catalog, ledger: &Ledger) -> Result<Plan, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let (error_types, type_places) = error_types(catalog, ledger, &mut problems);
    let resolutions = resolutions(catalog, ledger, &mut problems);
    let api = &catalog.api_errors;
    let names = api.iter().map(|entry| {
        let name = names::api_variant(&entry.error_type, entry.code.as_deref());
        let removed = ledger.api_removed(entry.key());
        (entry.key().to_string(), name, &entry.source, removed)
    });
    let api_errors = variants("ApiErrorCode", names, &mut problems)
        .into_iter()
        .zip(api.iter().zip(type_places))
        .map(|(variant, (entry, error_type))| ApiPlan {
            variant,
            error_type,
            resolution: entry.resolution.as_deref().and_then(|name| {
                resolutions
                    .binary_search_by(|r| r.variant.documented.as_str().cmp(name))
                    .ok()
            }),
        })
        .collect();
    let names = catalog.connect_errors.iter().map(|entry| {
        let (error, source) = (entry.error(), &entry.source);
        let name = names::upper_camel(error);
        (error.to_owned(), name, source, ledger.connect_removed(error))
    });
    let connect_errors = variants("ConnectErrorCode", names, &mut problems);
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

/// One variant per error type, in the order of the API errors, and each API error's type's
/// place: the first entry of each type describes it, and it left the docs when every one of
/// its codes did, on the latest of their dates.
fn error_types(
    catalog: &Catalog,
    ledger: &Ledger,
    problems: &mut Vec<Diagnostic>,
) -> (Vec<ErrorTypePlan>, Vec<usize>) {
    let api = &catalog.api_errors;
    let mut groups: Vec<(usize, Option<&str>)> = Vec::new();
    let mut places = Vec::with_capacity(api.len());
    for (index, entry) in api.iter().enumerate() {
        let left = ledger.api_removed(entry.key());
        match groups.last_mut() {
            Some((first, removed)) if api[*first].error_type == entry.error_type => {
                *removed = removed.zip(left).map(|(a, b)| a.max(b));
            }
            _ => groups.push((index, left)),
        }
        places.push(groups.len() - 1);
    }
    let names = groups.iter().map(|&(first, removed)| {
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
        let name = names::upper_camel(&entry.error_type);
        (entry.error_type.clone(), name, &entry.source, removed)
    });
    let names: Vec<Named> = names.collect();
    let types = variants("ErrorType", names.into_iter(), problems)
        .into_iter()
        .zip(groups)
        .map(|(variant, (first, _))| ErrorTypePlan { variant, first })
        .collect();
    (types, places)
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
    let removed: BTreeMap<&str, &str> = ledger.resolutions().collect();
    let names = found.iter().map(|(&name, &(source, codes))| {
        let removed = removed.get(name).filter(|_| codes == 0).copied();
        (name.to_owned(), names::upper_camel(name), source, removed)
    });
    variants("Resolution", names, problems)
        .into_iter()
        .zip(found.values())
        .map(|(variant, &(_, codes))| ResolutionPlan { variant, codes })
        .collect()
}

/// The variants of the enum `enum_name`, one for each item; a problem for a string that
/// cannot name a variant, or names one another string already does.
fn variants<'a>(
    enum_name: &str,
    items: impl Iterator<Item = Named<'a>>,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Variant> {
    let items: Vec<Named> = items.collect();
    let discriminants = discriminants(items.iter().map(|(documented, ..)| documented.as_str()));
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut variants = Vec::with_capacity(items.len());
    for ((documented, name, source, removed), discriminant) in items.into_iter().zip(discriminants) {
        let name = names::identifier(&name);
        let problem = if name.is_empty() {
            let message =
                format!("`{documented}` has no letter or digit to name a variant of {enum_name} after");
            Some((Lint::InvalidName, message))
        } else if let Some(other) = taken.get(&name) {
            let message = format!("`{documented}` and `{other}` would both be {enum_name}::{name}");
            Some((Lint::NameCollision, message))
        } else {
            taken.insert(name.clone(), documented.clone());
            None
        };
        if let Some((lint, message)) = problem {
            problems.push(Diagnostic::new(lint, message, source.clone(), 0..0));
        }
        variants.push(Variant {
            documented,
            name,
            discriminant,
            removed: removed.map(str::to_owned),
        });
    }
    variants
}
