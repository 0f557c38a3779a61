//! Property tests: any string from the docs reaches the generated code exactly, and any name
//! either becomes a valid, unique identifier or is rejected with a diagnostic.
//!
//! The generated file is parsed with syn (its enums and tables, read here independently of
//! catalog-gen's own reader); its string literals are compared with the model,
//! and its doc comments are rendered as rustdoc renders markdown (pulldown-cmark) and must show
//! the model's text and nothing that could run or link: no code block (a doctest), no HTML, no
//! link other than the documentation link and autolinked web addresses.

use std::collections::{BTreeMap, BTreeSet};

use catalog_gen::{ApiErrorEntry, Builder, Catalog, ConnectErrorEntry, ConnectParameter, Error, Source};
use proptest::prelude::*;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Pieces that are hard to carry from markdown through Rust into rustdoc.
const HOSTILE: &[&str] = &[
    "\"",
    "\\",
    "*/",
    "/*",
    "#[",
    "#![",
    "}",
    "{",
    "\n",
    "\r",
    "\r\n",
    "\t",
    "\0",
    "\u{7}",
    "\u{1b}",
    "\u{200f}",
    "\u{202e}",
    "\u{2066}",
    "\u{feff}",
    "```",
    "~~~",
    "    ",
    "<script>",
    "</Note>",
    "[x](y)",
    "[`A::b`]",
    "&amp;",
    "`",
    "r#\"",
    "\"#",
    "# ",
    "> ",
    "- ",
    "1. ",
    "| a |",
    "---",
    "===",
    "https://example.com/x_y.",
    "<https://a>",
    "\\n",
    "*",
    "_",
    "!",
    "&#x20;",
    "\u{85}",
    "\u{2028}",
    "'",
    "--",
    "...",
    "-",
    ".",
    "“",
];

fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<char>().prop_map(String::from),
        2 => proptest::sample::select(HOSTILE).prop_map(str::to_owned),
        1 => "[a-zA-Z ]{1,8}",
    ];
    proptest::collection::vec(piece, 1..24).prop_map(|pieces| pieces.concat())
}

fn optional_text() -> impl Strategy<Value = Option<String>> {
    proptest::option::of(text())
}

/// A documented name: mostly upper-snake words, sometimes anything.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Z][A-Z0-9_]{0,12}",
        1 => "[a-z0-9_ -]{0,6}",
        1 => text(),
    ]
}

fn source() -> Source {
    Source {
        file: "prop.md".into(),
        line: 1,
        column: 1,
    }
}

prop_compose! {
    fn api_entry()(
        error_type in name(),
        code in proptest::option::of(name()),
        status_code in 100u16..600,
        description in text(),
        doc_url in text(),
        resolution in proptest::option::of(name()),
        resolution_url in optional_text(),
        suggested_user_message in optional_text(),
        suggested_resolution in optional_text(),
        troubleshooting_steps in optional_text(),
        explanation in optional_text(),
        page_title in optional_text(),
        page_summary in optional_text(),
        page_url in optional_text(),
    ) -> ApiErrorEntry {
        ApiErrorEntry {
            error_type, code, status_code, description, doc_url, resolution, resolution_url,
            suggested_user_message, suggested_resolution, troubleshooting_steps, explanation,
            example_user_message: None, example_headers: BTreeMap::new(), example: String::new(),
            page_title, page_summary, page_url, source: source(),
        }
    }
}

prop_compose! {
    fn connect_entry()(
        error in name(),
        description in text(),
        title in optional_text(),
        summary in optional_text(),
        details in optional_text(),
        page_url in optional_text(),
        parameters in proptest::collection::vec((name(), any::<bool>(), text()), 0..3),
    ) -> ConnectErrorEntry {
        let rows = [("error".to_owned(), true, error), ("error_description".to_owned(), true, description)];
        ConnectErrorEntry {
            title, summary, details, page_url, example_redirect: None,
            parameters: rows
                .into_iter()
                .chain(parameters)
                .map(|(name, required, description)| ConnectParameter { name, required, description })
                .collect(),
            source: source(),
        }
    }
}

prop_compose! {
    fn catalog()(
        api in proptest::collection::vec(api_entry(), 0..4),
        connect in proptest::collection::vec(connect_entry(), 0..3),
    ) -> Catalog {
        let mut catalog = Catalog { api_errors: api, connect_errors: connect };
        catalog.sort();
        // A snapshot never documents a key twice (the parser reports it instead).
        catalog.api_errors.dedup_by(|a, b| a.key() == b.key());
        catalog.connect_errors.dedup_by(|a, b| a.error() == b.error());
        catalog
    }
}

/// One variant of an enum of the generated file: its doc comment, its name and the fields of
/// its row (a documented name's string is the field `name`).
struct Item {
    doc: String,
    variant: syn::Ident,
    fields: BTreeMap<String, syn::Expr>,
}

/// The variants of each enum of the generated file, with their rows, by section: the enums
/// `ErrorType`, `Resolution`, `ApiErrorCode` and `ConnectErrorCode`, and the tables that list
/// their rows in the order of the variants.
fn sections(code: &str) -> BTreeMap<String, Vec<Item>> {
    let file = syn::parse_file(code).expect("the generated code parses");
    let mut enums = BTreeMap::new();
    let mut tables = BTreeMap::new();
    for item in &file.items {
        match item {
            syn::Item::Enum(e) => {
                enums.insert(e.ident.to_string(), e);
            }
            syn::Item::Const(c) => {
                tables.insert(c.ident.to_string(), elements(&c.expr));
            }
            _ => {}
        }
    }
    let mut sections = BTreeMap::new();
    for (section, enumeration, table) in [
        ("error_types", "ErrorType", "ERROR_TYPE_NAMES"),
        ("resolutions", "Resolution", "RESOLUTION_NAMES"),
        ("api_errors", "ApiErrorCode", "API_ERRORS"),
        ("connect_errors", "ConnectErrorCode", "CONNECT_ERRORS"),
    ] {
        let variants = &enums[enumeration].variants;
        let rows = &tables[table];
        assert_eq!(variants.len(), rows.len(), "{table} has a row for each variant");
        let items = variants
            .iter()
            .zip(rows)
            .map(|(variant, row)| {
                let mut fields = BTreeMap::new();
                match row {
                    syn::Expr::Tuple(pair) => {
                        fields.insert("name".to_owned(), pair.elems[0].clone());
                        fields.extend(row_fields(&pair.elems[1]));
                    }
                    name => {
                        fields.insert("name".to_owned(), name.clone());
                    }
                }
                Item {
                    doc: doc_text(&variant.attrs),
                    variant: variant.ident.clone(),
                    fields,
                }
            })
            .collect();
        sections.insert(section.to_owned(), items);
    }
    sections
}

/// The elements of `&[a, b, ...]`.
fn elements(expr: &syn::Expr) -> Vec<syn::Expr> {
    let syn::Expr::Reference(reference) = expr else {
        panic!("not &[..]")
    };
    let syn::Expr::Array(array) = &*reference.expr else {
        panic!("not an array")
    };
    array.elems.iter().cloned().collect()
}

/// The fields of `Row { field: value, .. }.into_info()`.
fn row_fields(expr: &syn::Expr) -> BTreeMap<String, syn::Expr> {
    let syn::Expr::MethodCall(call) = expr else {
        panic!("not a row's .into_info()")
    };
    let syn::Expr::Struct(row) = &*call.receiver else {
        panic!("not a row")
    };
    row.fields
        .iter()
        .map(|field| {
            let syn::Member::Named(name) = &field.member else {
                panic!("unnamed field")
            };
            (name.to_string(), field.expr.clone())
        })
        .collect()
}

impl Item {
    /// The string of the field `name` (`"…"` or `Some("…")`), `None` for anything else.
    fn string(&self, name: &str) -> Option<String> {
        string_value(&self.fields[name])
    }

    /// The `(name, description)` of each of a Connect error's parameters.
    fn parameters(&self) -> Vec<(String, String)> {
        elements(&self.fields["parameters"])
            .iter()
            .map(|row| {
                let fields = row_fields(row);
                let field = |wanted: &str| string_value(&fields[wanted]).unwrap();
                (field("name"), field("description"))
            })
            .collect()
    }
}

/// The string of `"…"` or `Some("…")`; `None` for anything else.
fn string_value(expr: &syn::Expr) -> Option<String> {
    match expr {
        syn::Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(s),
            ..
        }) => Some(s.value()),
        syn::Expr::Call(call) => call.args.first().and_then(string_value),
        _ => None,
    }
}

fn doc_text(attrs: &[syn::Attribute]) -> String {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|attr| attr.path().is_ident("doc"))
        .map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) => string_value(&nv.value).expect("doc is a string"),
            _ => panic!("doc is not name = value"),
        })
        .collect();
    lines.join("\n")
}

/// What a reader sees of a doc comment's markdown (after rustdoc removes the one space after
/// `///`): text, line breaks, block breaks as blank lines. Panics on anything that could run,
/// inject markup or link somewhere unexpected.
fn rendered(doc: &str) -> String {
    let markdown: String = doc
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let markdown = markdown.as_str();
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION;
    let mut text = String::new();
    let mut link: Option<(LinkType, String, String)> = None;
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Start(Tag::CodeBlock(_)) => panic!("a code block (a doctest) in:\n{markdown}"),
            Event::Html(_) | Event::InlineHtml(_) => panic!("HTML {event:?} in:\n{markdown}"),
            Event::Start(Tag::Image { .. } | Tag::Table(_) | Tag::FootnoteDefinition(_))
            | Event::FootnoteReference(_)
            | Event::TaskListMarker(_) => panic!("{event:?} in:\n{markdown}"),
            Event::Start(Tag::Link {
                link_type, dest_url, ..
            }) => {
                link = Some((*link_type, dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Link) => {
                let (kind, dest, label) = link.take().expect("a link end after a start");
                let ours = kind == LinkType::Inline && label == "Smartcar documentation";
                let autolink = kind == LinkType::Autolink && label == dest;
                assert!(
                    ours || autolink,
                    "unexpected link {kind:?} {dest:?} {label:?} in:\n{markdown}"
                );
                text.push_str(&label);
            }
            Event::Text(t) | Event::Code(t) => match &mut link {
                Some((_, _, label)) => label.push_str(t),
                None => text.push_str(t),
            },
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item | TagEnd::List(_)) => {
                text.push_str("\n\n");
            }
            _ => {}
        }
    }
    // Nested blocks ending together leave one blank line, as a reader sees it.
    while text.contains("\n\n\n") {
        text = text.replace("\n\n\n", "\n\n");
    }
    text
}

/// What the docs promise to show of `text`: the text itself, with runs of blank lines folded
/// into one, no blank lines around it, and NUL read as U+FFFD.
fn shown_as(text: &str) -> String {
    let text = text.replace('\0', "\u{FFFD}");
    let mut lines: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if !(line.is_empty() && lines.last().is_none_or(|last| last.is_empty())) {
            lines.push(line);
        }
    }
    while lines.last().is_some_and(|last| last.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

fn assert_shows(doc: &str, text: &str) {
    let (shown, expected) = (rendered(doc), shown_as(text));
    assert!(
        shown.contains(&expected),
        "the docs show\n{shown:?}\nnot\n{expected:?}\nfrom\n{doc}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn docs_strings_reach_the_generated_code_exactly(catalog in catalog()) {
        let code = match Builder::new().rust_source(&catalog) {
            Ok(code) => code,
            Err(Error::Docs { diagnostics }) => {
                for problem in diagnostics {
                    prop_assert!(matches!(problem.id.id(), "invalid-name" | "name-collision"), "{problem}");
                }
                return Ok(());
            }
            Err(Error::NoErrorsDocumented { .. }) => {
                prop_assert!(catalog.api_errors.is_empty() && catalog.connect_errors.is_empty());
                return Ok(());
            }
            Err(error) => panic!("{error}"),
        };
        let sections = sections(&code);

        let rows = &sections["api_errors"];
        prop_assert_eq!(rows.len(), catalog.api_errors.len());
        for (row, entry) in rows.iter().zip(&catalog.api_errors) {
            prop_assert_eq!(&row.string("code"), &entry.code);
            prop_assert_eq!(row.string("description"), Some(entry.description.clone()));
            prop_assert_eq!(row.string("doc_url"), Some(entry.doc_url.clone()));
            prop_assert_eq!(&row.string("resolution_url"), &entry.resolution_url);
            prop_assert_eq!(&row.string("suggested_user_message"), &entry.suggested_user_message);
            prop_assert_eq!(&row.string("suggested_resolution"), &entry.suggested_resolution);
            prop_assert_eq!(&row.string("troubleshooting_steps"), &entry.troubleshooting_steps);
            prop_assert_eq!(&row.string("explanation"), &entry.explanation);
            prop_assert_eq!(&row.string("page_url"), &entry.page_url);
            assert_shows(&row.doc, &entry.description);
            let sections = [&entry.suggested_resolution, &entry.troubleshooting_steps, &entry.suggested_user_message];
            for section in sections.into_iter().flatten() {
                assert_shows(&row.doc, section);
            }
        }

        let rows = &sections["connect_errors"];
        prop_assert_eq!(rows.len(), catalog.connect_errors.len());
        for (row, entry) in rows.iter().zip(&catalog.connect_errors) {
            let expected: Vec<(String, String)> = entry
                .parameters
                .iter()
                .map(|p| (p.name.clone(), p.description.clone()))
                .collect();
            prop_assert_eq!(row.parameters(), expected);
            prop_assert_eq!(&row.string("title"), &entry.title);
            prop_assert_eq!(&row.string("summary"), &entry.summary);
            prop_assert_eq!(&row.string("details"), &entry.details);
            assert_shows(&row.doc, entry.description());
            for parameter in &entry.parameters {
                assert_shows(&row.doc, &parameter.description);
            }
        }

        // Every documented name is a distinct, valid identifier.
        for section in ["error_types", "resolutions", "api_errors", "connect_errors"] {
            let names: BTreeSet<String> = sections[section].iter().map(|item| item.variant.to_string()).collect();
            prop_assert_eq!(names.len(), sections[section].len());
        }
    }
}

#[test]
fn the_issue_s_hostile_characters_survive_in_one_catalog() {
    let hostile = "q\" b\\ c*/ a#[ }\nnew\r\u{7}\u{200f}\u{202e} ``` `x` [l](u) <b> &amp; https://e.com/a.";
    let entry = ApiErrorEntry {
        error_type: "SERVER".into(),
        code: Some("INTERNAL".into()),
        status_code: 500,
        description: hostile.into(),
        doc_url: "https://e.com/#internal".into(),
        resolution: None,
        resolution_url: None,
        suggested_user_message: Some(hostile.into()),
        suggested_resolution: None,
        troubleshooting_steps: None,
        explanation: Some(format!("    {hostile}\n\tindented")),
        example_user_message: None,
        example_headers: BTreeMap::new(),
        example: String::new(),
        page_title: None,
        page_summary: None,
        page_url: None,
        source: source(),
    };
    let catalog = Catalog {
        api_errors: vec![entry],
        connect_errors: Vec::new(),
    };
    let code = Builder::new().rust_source(&catalog).unwrap();
    let sections = sections(&code);
    let row = &sections["api_errors"][0];
    assert_eq!(row.string("description").as_deref(), Some(hostile));
    assert_shows(&row.doc, hostile);
    assert_shows(&row.doc, &format!("    {hostile}\n\tindented"));
    // No raw control or direction character reaches a doc comment.
    assert!(
        !row.doc.contains(['\u{7}', '\u{200f}', '\u{202e}', '\r']),
        "{}",
        row.doc
    );
}
