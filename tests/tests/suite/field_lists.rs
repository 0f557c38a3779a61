//! One list of fields: the model's entry, the row the generated file writes and the runtime's
//! info struct name the same fields, apart from the ones each states here that it alone has.

use std::collections::BTreeSet;

use smartcar_errors::{ApiErrorCode, ConnectErrorCode};
use smartcar_errors_tests::{read_docs, snapshot_dir, workspace_root};

/// The names of the fields of a `{:#?}` rendering of a struct: its lines `    name: value`.
fn debug_fields(pretty: &str) -> Vec<String> {
    pretty
        .lines()
        .filter_map(|line| line.strip_prefix("    "))
        .filter(|line| !line.starts_with(' '))
        .filter_map(|line| line.split_once(": ").map(|(name, _)| name.to_owned()))
        .collect()
}

/// The fields of the first `ROW {` literal of the checked-in generated file, in order.
fn row_fields(row: &str) -> Vec<String> {
    let code = std::fs::read_to_string(workspace_root().join("catalog/src/generated.rs")).unwrap();
    let start = code.find(&format!("{row} {{\n")).expect("a row");
    let mut fields = Vec::new();
    let indent = code[..start].rsplit('\n').next().unwrap().len() + 4;
    for line in code[start..].lines().skip(1) {
        let Some(field) = line.get(indent..).filter(|_| line[..indent].trim().is_empty()) else {
            break;
        };
        // A value's continuation lines, and the line that closes it.
        if field.starts_with([' ', ')', ']']) {
            continue;
        }
        match field.split_once(':') {
            Some((name, _)) => fields.push(name.to_owned()),
            None => break,
        }
    }
    fields
}

/// The fields of the model's entry as `dump` shows them.
fn model_fields(entry: serde_json::Value) -> BTreeSet<String> {
    entry.as_object().unwrap().keys().cloned().collect()
}

fn set(names: &[String]) -> BTreeSet<String> {
    names.iter().cloned().collect()
}

#[test]
fn api_errors_have_one_list_of_fields() {
    let info = debug_fields(&format!("{:#?}", ApiErrorCode::ServerInternal.info()));
    let row = row_fields("ApiRow");
    assert_eq!(info, row, "the runtime's ApiErrorInfo and the generated ApiRow");

    let docs = read_docs(&snapshot_dir());
    let model = model_fields(serde_json::to_value(&docs.catalog().api_errors[0]).unwrap());
    let shown: BTreeSet<String> = row
        .iter()
        .filter(|field| *field != "removed_from_docs")
        .map(|field| {
            if field == "error_type" {
                "type".to_owned()
            } else {
                field.clone()
            }
        })
        .collect();
    let only_in_the_model: BTreeSet<String> = model.difference(&shown).cloned().collect();
    // The example and where the entry stands stay in the model; the page's title and summary
    // document the error type.
    assert_eq!(
        only_in_the_model,
        set(&[
            "example",
            "example_headers",
            "example_user_message",
            "page_summary",
            "page_title",
            "source"
        ]
        .map(str::to_owned))
    );
    assert!(shown.is_subset(&model), "{shown:?} beyond {model:?}");
}

#[test]
fn connect_errors_and_parameters_have_one_list_of_fields() {
    let info = ConnectErrorCode::ServerError.info();
    let fields = debug_fields(&format!("{info:#?}"));
    assert_eq!(
        fields,
        row_fields("ConnectRow"),
        "ConnectErrorInfo and ConnectRow"
    );
    let parameter = debug_fields(&format!("{:#?}", info.parameters[0]));
    assert_eq!(
        parameter,
        row_fields("ParameterRow"),
        "ConnectParameter and ParameterRow"
    );

    let docs = read_docs(&snapshot_dir());
    let model = model_fields(serde_json::to_value(&docs.catalog().connect_errors[0]).unwrap());
    let shown: BTreeSet<String> = fields
        .into_iter()
        .filter(|field| field != "removed_from_docs")
        .collect();
    let only_in_the_model: BTreeSet<String> = model.difference(&shown).cloned().collect();
    // The name and description are the `error` and `error_description` parameters.
    assert_eq!(
        only_in_the_model,
        set(&["description", "error", "example_redirect", "source"].map(str::to_owned))
    );
    assert!(shown.is_subset(&model));
    let parameter_model =
        model_fields(serde_json::to_value(&docs.catalog().connect_errors[0].parameters[0]).unwrap());
    assert_eq!(set(&parameter), parameter_model);
}

#[test]
fn explain_shows_the_fields_of_the_row() {
    use smartcar_errors_shared::explain::{ApiEntry, ConnectEntry};

    let api = set(&debug_fields(&format!("{:#?}", ApiEntry::default())));
    let row = set(&row_fields("ApiRow"));
    // Explain links the code's doc URL, not its page; where the entry is written only a docs
    // snapshot knows (`catalog-gen explain` shows it, the runtime has no position).
    assert_eq!(
        api.difference(&row).cloned().collect::<BTreeSet<_>>(),
        set(&["documented_at".to_owned()])
    );
    assert_eq!(
        row.difference(&api).cloned().collect::<BTreeSet<_>>(),
        set(&["page_url".to_owned()])
    );

    let connect = set(&debug_fields(&format!("{:#?}", ConnectEntry::default())));
    let row = set(&row_fields("ConnectRow"));
    // The name and description are rows of the parameter table the row holds.
    assert_eq!(
        connect.difference(&row).cloned().collect::<BTreeSet<_>>(),
        set(&["description", "documented_at", "error"].map(str::to_owned))
    );
    // Explain heads its answer with the error's name, not with its page's title.
    assert_eq!(
        row.difference(&connect).cloned().collect::<BTreeSet<_>>(),
        set(&["title".to_owned()])
    );
}
