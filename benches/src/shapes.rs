//! Emitted shapes of the API and Connect lookups, for measuring what each costs to compile
//! and to run.
//!
//! - [`Shape::Table`] is what catalog-gen emits: enums, `static` tables sorted by name, and
//!   the `smartcar_errors::table` traits, whose lookups are binary searches.
//! - [`Shape::Match`] keeps the same enums (and their docs) but replaces the tables with
//!   `match` expressions: `from_parts` matches the type, then the code; `info` matches the
//!   variant and returns a promoted constant.
//!
//! The match shape exists only here, for the measurement.

use catalog_gen::emit::names;
use catalog_gen::{ApiErrorEntry, Catalog, ConnectErrorEntry, EmitOptions};
use proc_macro2::{Ident, TokenStream};
use quote::quote;

/// A way of emitting the lookups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Static tables and binary search (catalog-gen's output).
    Table,
    /// `match` on strings and on variants.
    Match,
}

impl Shape {
    /// Both shapes.
    pub const ALL: [Shape; 2] = [Shape::Table, Shape::Match];

    /// A short name (`table`, `match`).
    pub fn name(self) -> &'static str {
        match self {
            Shape::Table => "table",
            Shape::Match => "match",
        }
    }

    /// The `use` line a caller of this shape's lookups needs.
    pub fn imports(self) -> &'static str {
        match self {
            Shape::Table => "use smartcar_errors::table::{ApiCode, Named};",
            Shape::Match => "",
        }
    }
}

/// Why a shape could not be emitted.
#[derive(Debug, thiserror::Error)]
pub enum ShapeError {
    /// catalog-gen rejected the catalog.
    #[error(transparent)]
    Emit(#[from] catalog_gen::EmitError),
    /// catalog-gen's output was not laid out as expected.
    #[error("unexpected layout of the generated file: {0}")]
    Layout(&'static str),
    /// The match impls did not parse.
    #[error("the match shape does not parse: {0}")]
    Parse(String),
}

/// The generated file of `catalog` in `shape`, naming the runtime crate `::smartcar_errors`.
pub fn emit(catalog: &Catalog, shape: Shape) -> Result<String, ShapeError> {
    let table = catalog_gen::emit::emit(catalog, "0", &EmitOptions::default())?;
    match shape {
        Shape::Table => Ok(table),
        Shape::Match => matched(catalog, &table),
    }
}

/// The match shape: catalog-gen's enums without their tables and trait impls, plus `match`
/// lookups.
fn matched(catalog: &Catalog, table: &str) -> Result<String, ShapeError> {
    // catalog-gen writes a header, then items separated by blank lines: ErrorType,
    // Resolution, ApiErrorCode (+ impls), the API statics (lookup indexes and API_ERRORS),
    // ConnectErrorCode (+ impls), CONNECT_ERRORS.
    let parts: Vec<&str> = table.split("\n\n").collect();
    let [header, error_type, resolution, api_enum, .., connect_enum, _] = parts[..] else {
        return Err(ShapeError::Layout("expected a header and at least six items"));
    };
    let enum_only = |item: &'static str, text: &str| -> Result<String, ShapeError> {
        text.find("\nimpl ")
            .map(|end| text[..end + 1].to_owned())
            .ok_or(ShapeError::Layout(item))
    };
    let impls = syn::parse2::<syn::File>(lookups(catalog)).map_err(|e| ShapeError::Parse(e.to_string()))?;
    Ok([
        header.to_owned(),
        error_type.to_owned(),
        resolution.to_owned(),
        enum_only("ApiErrorCode", api_enum)?,
        enum_only("ConnectErrorCode", connect_enum)?,
        prettyplease::unparse(&impls),
    ]
    .join("\n\n"))
}

fn ident(name: &str) -> Ident {
    names::identifier(name).unwrap_or_else(|| Ident::new("Unnamed", proc_macro2::Span::call_site()))
}

fn api_variant(entry: &ApiErrorEntry) -> Ident {
    ident(&names::api_variant(&entry.error_type, entry.code.as_deref()))
}

fn opt_str(value: Option<&str>) -> TokenStream {
    match value {
        Some(text) => quote!(Some(#text)),
        None => quote!(None),
    }
}

/// `from_parts`/`info` for API codes and `from_name`/`info` for Connect errors, as matches.
fn lookups(catalog: &Catalog) -> TokenStream {
    let mut by_type: Vec<(&str, Vec<&ApiErrorEntry>)> = Vec::new();
    for entry in &catalog.api_errors {
        match by_type.last_mut() {
            Some((error_type, entries)) if *error_type == entry.error_type => entries.push(entry),
            _ => by_type.push((&entry.error_type, vec![entry])),
        }
    }
    let type_arms = by_type.iter().map(|(error_type, entries)| {
        let code_arms = entries.iter().map(|entry| {
            let variant = api_variant(entry);
            let pattern = opt_str(entry.code.as_deref());
            quote!(#pattern => Some(Self::#variant),)
        });
        quote!(#error_type => match code { #(#code_arms)* _ => None },)
    });
    let info_arms = catalog.api_errors.iter().map(|entry| {
        let variant = api_variant(entry);
        let row = api_row(entry);
        quote!(Self::#variant => &#row,)
    });
    let connect_names = catalog.connect_errors.iter().map(|entry| {
        let (name, variant) = (&entry.error, ident(&names::upper_camel(&entry.error)));
        quote!(#name => Some(Self::#variant),)
    });
    let connect_info = catalog.connect_errors.iter().map(|entry| {
        let variant = ident(&names::upper_camel(&entry.error));
        let row = connect_row(entry);
        quote!(Self::#variant => &#row,)
    });
    quote! {
        impl ApiErrorCode {
            /// The code documented for `error_type` and `code`.
            pub fn from_parts(error_type: &str, code: Option<&str>) -> Option<Self> {
                match error_type {
                    #(#type_arms)*
                    _ => None,
                }
            }
            /// What the docs say of this code.
            pub fn info(self) -> &'static ::smartcar_errors::ApiErrorInfo<ErrorType, Resolution> {
                match self {
                    #(#info_arms)*
                }
            }
        }
        impl ConnectErrorCode {
            /// The Connect error documented as `name`.
            pub fn from_name(name: &str) -> Option<Self> {
                match name {
                    #(#connect_names)*
                    _ => None,
                }
            }
            /// What the docs say of this error.
            pub fn info(self) -> &'static ::smartcar_errors::ConnectErrorInfo {
                match self {
                    #(#connect_info)*
                }
            }
        }
    }
}

fn api_row(e: &ApiErrorEntry) -> TokenStream {
    let error_type = ident(&names::upper_camel(&e.error_type));
    let code = opt_str(e.code.as_deref());
    let status = e.status_code;
    let (description, doc_url) = (&e.description, &e.doc_url);
    let resolution = match &e.resolution {
        Some(r) => {
            let variant = ident(&names::upper_camel(r));
            quote!(Some(Resolution::#variant))
        }
        None => quote!(None),
    };
    let resolution_url = opt_str(e.resolution_url.as_deref());
    let suggested_resolution = opt_str(e.suggested_resolution.as_deref());
    let troubleshooting_steps = opt_str(e.troubleshooting_steps.as_deref());
    let suggested_user_message = opt_str(e.suggested_user_message.as_deref());
    let explanation = opt_str(e.explanation.as_deref());
    let page_url = opt_str(e.page_url.as_deref());
    quote! {
        ::smartcar_errors::ApiErrorInfo {
            error_type: ErrorType::#error_type,
            code: #code,
            status_code: #status,
            description: #description,
            doc_url: #doc_url,
            resolution: #resolution,
            resolution_url: #resolution_url,
            suggested_resolution: #suggested_resolution,
            troubleshooting_steps: #troubleshooting_steps,
            suggested_user_message: #suggested_user_message,
            explanation: #explanation,
            page_url: #page_url,
        }
    }
}

fn connect_row(e: &ConnectErrorEntry) -> TokenStream {
    let (error, description) = (&e.error, &e.description);
    let title = opt_str(e.title.as_deref());
    let summary = opt_str(e.summary.as_deref());
    let details = opt_str(e.details.as_deref());
    let page_url = opt_str(e.page_url.as_deref());
    let parameters = e.parameters.iter().map(|p| {
        let (name, required, description) = (&p.name, p.required, &p.description);
        quote!(::smartcar_errors::ConnectParameter { name: #name, required: #required, description: #description })
    });
    quote! {
        ::smartcar_errors::ConnectErrorInfo {
            error: #error,
            description: #description,
            title: #title,
            summary: #summary,
            details: #details,
            page_url: #page_url,
            parameters: &[#(#parameters),*],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn match_shape_keeps_the_enums_and_replaces_the_tables() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs-snapshot");
        let snapshot = catalog_gen::Snapshot::read(&docs).unwrap();
        let catalog = catalog_gen::parse_snapshot(&snapshot).catalog;
        let code = emit(&catalog, Shape::Match).unwrap();
        let file = syn::parse_file(&code).unwrap();
        let statics = file
            .items
            .iter()
            .filter(|item| matches!(item, syn::Item::Static(_)))
            .count();
        assert_eq!(statics, 0, "{code}");
        for item in [
            "pub enum ErrorType",
            "pub enum ApiErrorCode",
            "pub enum ConnectErrorCode",
        ] {
            assert_eq!(code.matches(item).count(), 1, "{item}");
        }
    }
}
