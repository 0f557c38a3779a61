//! The model lowered to a plan of the generated catalog: every documented string gets its Rust
//! name and discriminant, and every item that left the docs (see [`crate::ledger`]) the date it
//! did. Every naming problem is found here, so that emitting the plan cannot fail on the docs'
//! content.

mod discriminants;
mod names;

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostic::{Diagnostic, Lint};
use crate::ledger::Ledger;
use crate::model::{Catalog, Source};
use discriminants::discriminant;
pub(crate) use names::variant_name;

/// The variants of the generated enums, each enum in the order the file lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    /// One per error type, in the order of the API errors (sorted by type); a type left the
    /// docs when its last code did.
    pub error_types: Vec<Variant>,
    /// One per resolution type, sorted by name, with how many documented codes suggest it; a
    /// resolution left the docs when the last of them stopped doing so.
    pub resolutions: Vec<(Variant, usize)>,
    /// One for each of the catalog's API errors, in its order.
    pub api_errors: Vec<Variant>,
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

/// What names one variant: its documented string, the name it gets in upper camel case, where it
/// is documented, and when it left the docs.
type Named<'a> = (String, String, &'a Source, Option<&'a str>);

/// The plan of `catalog` — the documented errors and the tombstones of `ledger`, which holds
/// nothing the docs document — or every naming problem in it: a string with no letter or
/// digit to name a variant after, or two strings that would name the same variant.
pub(crate) fn lower(catalog: &Catalog, ledger: &Ledger) -> Result<Plan, Vec<Diagnostic>> {
    let mut problems = Vec::new();
    let api = &catalog.api_errors;
    let mut types = Vec::new();
    for codes in api.chunk_by(|a, b| a.error_type == b.error_type) {
        let first = &codes[0];
        if first.error_type.contains(':') {
            problems.push(Diagnostic::new(
                Lint::InvalidName,
                format!(
                    "`{}` cannot name an error type: `:` separates the type from the code in `TYPE:CODE`",
                    first.error_type
                ),
                first.source.clone(),
                0..0,
            ));
        }
        // The type left the docs on the latest of its codes' dates, once all of them did.
        let dates = codes.iter().map(|entry| ledger.api_removed(entry.key()));
        let all_left: Option<Vec<&str>> = dates.collect();
        let removed = all_left.and_then(|dates| dates.into_iter().max());
        let name = names::upper_camel(&first.error_type);
        types.push((first.error_type.clone(), name, &first.source, removed));
    }
    let error_types = variants("ErrorType", types, &mut problems);
    let mut found: BTreeMap<&str, (&Source, usize, Option<&str>)> = BTreeMap::new();
    for entry in api {
        if let Some(resolution) = &entry.resolution {
            let (_, codes, _) = found.entry(resolution).or_insert((&entry.source, 0, None));
            *codes += usize::from(ledger.api_removed(entry.key()).is_none());
        }
    }
    for (name, date) in ledger.resolutions() {
        found.entry(name).or_insert((ledger.origin(), 0, None)).2 = Some(date);
    }
    let names = found.iter().map(|(&name, &(source, codes, removed))| {
        let removed = removed.filter(|_| codes == 0);
        (name.to_owned(), names::upper_camel(name), source, removed)
    });
    let resolutions = variants("Resolution", names.collect(), &mut problems)
        .into_iter()
        .zip(found.values().map(|&(_, codes, _)| codes))
        .collect();
    let names = api.iter().map(|entry| {
        let name = names::api_variant(&entry.error_type, entry.code.as_deref());
        let removed = ledger.api_removed(entry.key());
        (entry.key().to_string(), name, &entry.source, removed)
    });
    let api_errors = variants("ApiErrorCode", names.collect(), &mut problems);
    let names = catalog.connect_errors.iter().map(|entry| {
        let (error, source) = (entry.error(), &entry.source);
        let name = names::upper_camel(error);
        (error.to_owned(), name, source, ledger.connect_removed(error))
    });
    let connect_errors = variants("ConnectErrorCode", names.collect(), &mut problems);
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

/// The variants of the enum `enum_name`, one for each item; a problem for a string that
/// cannot name a variant, or names one another string already does.
fn variants(enum_name: &str, items: Vec<Named>, problems: &mut Vec<Diagnostic>) -> Vec<Variant> {
    let (mut taken, mut discriminants) = (BTreeMap::new(), BTreeSet::new());
    let mut variants = Vec::with_capacity(items.len());
    for (documented, name, source, removed) in items {
        let name = names::identifier(&name);
        let problem = |lint, message| Diagnostic::new(lint, message, source.clone(), 0..0);
        if name.is_empty() {
            let message =
                format!("`{documented}` has no letter or digit to name a variant of {enum_name} after");
            problems.push(problem(Lint::InvalidName, message));
        } else if let Some(other) = taken.get(&name) {
            let message = format!("`{documented}` and `{other}` would both be {enum_name}::{name}");
            problems.push(problem(Lint::NameCollision, message));
        } else {
            taken.insert(name.clone(), documented.clone());
        }
        variants.push(Variant {
            discriminant: discriminant(&documented, &mut discriminants),
            documented,
            name,
            removed: removed.map(str::to_owned),
        });
    }
    variants
}
