//! The JSON export for tools that are not Rust: `catalog-gen dump` output follows the JSON
//! Schema checked in at catalog-gen/schema/catalog.schema.json.

use catalog_gen::Catalog;
use serde_json::Value;
use smartcar_errors_tests::{fixture_dir, parse_dir, snapshot_dir, workspace_root};

const SCHEMA_FILE: &str = "catalog-gen/schema/catalog.schema.json";

fn schema() -> Value {
    let text = std::fs::read_to_string(workspace_root().join(SCHEMA_FILE)).unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_checked_in_schema_is_the_models() {
    let checked_in = std::fs::read_to_string(workspace_root().join(SCHEMA_FILE)).unwrap();
    assert!(
        checked_in == Catalog::json_schema(),
        "{SCHEMA_FILE} is out of date; run: cargo run -p catalog-gen -- dump --format json-schema > {SCHEMA_FILE}"
    );
}

/// Checks `value` against the part of JSON Schema the model's schema uses: `type`,
/// `properties`, `required`, `items`, `additionalProperties` and local `$ref`s.
fn conforms(value: &Value, schema: &Value, root: &Value, path: &str) -> Result<(), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return conforms(value, &root["$defs"][name], root, path);
    }
    if let Some(types) = schema.get("type") {
        let allowed: Vec<&str> = match types {
            Value::String(t) => vec![t.as_str()],
            Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
            _ => return Err(format!("{path}: odd type {types}")),
        };
        let actual = match value {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        };
        let fits = allowed.contains(&actual) || (actual == "integer" && allowed.contains(&"number"));
        if !fits {
            return Err(format!("{path}: {actual} is not {allowed:?}"));
        }
    }
    if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
        assert_eq!(pattern, "^.+:[0-9]+:[0-9]+$", "the only pattern the model uses");
        let text = value.as_str().unwrap_or_default();
        let mut parts = text.rsplitn(3, ':');
        let ok = parts.next().is_some_and(|c| c.parse::<u32>().is_ok())
            && parts.next().is_some_and(|l| l.parse::<u32>().is_ok())
            && parts.next().is_some_and(|f| !f.is_empty());
        if !ok {
            return Err(format!("{path}: {text:?} does not match {pattern}"));
        }
    }
    if let (Value::Object(object), Some(properties)) = (value, schema.get("properties")) {
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let key = required.as_str().unwrap_or_default();
            if !object.contains_key(key) {
                return Err(format!("{path}: no required `{key}`"));
            }
        }
        for (key, field) in object {
            match properties.get(key) {
                Some(property) => conforms(field, property, root, &format!("{path}.{key}"))?,
                None if schema.get("additionalProperties").is_some() => {
                    conforms(
                        field,
                        &schema["additionalProperties"],
                        root,
                        &format!("{path}.{key}"),
                    )?;
                }
                None => return Err(format!("{path}: `{key}` is not in the schema")),
            }
        }
    }
    if let (Value::Array(items), Some(item_schema)) = (value, schema.get("items")) {
        for (i, item) in items.iter().enumerate() {
            conforms(item, item_schema, root, &format!("{path}[{i}]"))?;
        }
    }
    Ok(())
}

#[test]
fn dumps_of_the_snapshot_and_the_synthetic_pages_follow_the_schema() {
    let schema = schema();
    for dir in [snapshot_dir(), fixture_dir("synthetic")] {
        let catalog = parse_dir(&dir).catalog;
        let dump = serde_json::to_value(&catalog).unwrap();
        conforms(&dump, &schema, &schema, "$").unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
}

#[test]
fn the_schema_rejects_what_the_model_cannot_hold() {
    let schema = schema();
    let mut dump = serde_json::to_value(parse_dir(&snapshot_dir()).catalog).unwrap();
    dump["api_errors"][0]["status_code"] = Value::from("500");
    assert_eq!(
        conforms(&dump, &schema, &schema, "$"),
        Err("$.api_errors[0].status_code: string is not [\"integer\"]".into())
    );
    dump["api_errors"][0]["status_code"] = Value::from(500);
    dump["api_errors"][0]
        .as_object_mut()
        .unwrap()
        .remove("suggested_user_message");
    assert_eq!(
        conforms(&dump, &schema, &schema, "$"),
        Err("$.api_errors[0]: no required `suggested_user_message`".into())
    );
}
