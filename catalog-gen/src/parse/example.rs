//! The JSON example under a code heading, and the redirect in a Connect page's `http` block.

use std::collections::BTreeMap;
use std::ops::Range;

use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::FileCtx;
use crate::diagnostic::{Diagnostic, Lint};

/// A value read from the example, with the span of the first byte of its JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub span: Range<usize>,
}

/// The fields of a documented error response body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Example {
    pub error_type: Located<String>,
    /// `None` when the example has no `code` key.
    pub code: Option<Located<Option<String>>>,
    pub status_code: u16,
    pub description: String,
    pub doc_url: Located<String>,
    pub resolution: Option<String>,
    pub resolution_url: Option<String>,
    pub user_message: Located<Option<String>>,
}

/// Reads the example at `span` of the file; on failure, every problem found, each with its
/// position. The JSON is read in the file itself, so that every offset in it is a file offset:
/// what a fence strips (indentation, the CR of CRLF) is JSON white space.
pub(crate) fn read_example(span: Range<usize>, ctx: &FileCtx<'_>) -> Result<Example, Vec<Diagnostic>> {
    let json = &ctx.text[span.clone()];
    let start = span.start + (json.len() - json.trim_start().len());
    let raw = serde_json::from_str(json).map_err(|error| {
        vec![if error.classify() == Category::Data {
            ctx.report(
                Lint::InvalidExample,
                "the JSON example is not an object",
                start..start + 1,
            )
        } else {
            let at = span.start + content_offset_of(json, error.line(), error.column());
            invalid_json(ctx, &error, at..at + 1)
        }]
    })?;
    let mut members = Members {
        raw,
        start,
        ctx,
        problems: Vec::new(),
    };
    let (resolution, resolution_url) = members.member("resolution", resolution).value;
    let example = Example {
        error_type: members.member("type", string),
        // An example without a `code` is linted, not rejected.
        code: members
            .raw
            .contains_key("code")
            .then(|| members.member("code", optional_string)),
        status_code: members.member("statusCode", status_code).value,
        description: members.member("description", string).value,
        doc_url: members.member("docURL", string),
        resolution,
        resolution_url,
        user_message: members.member("suggestedUserMessage", optional_string),
    };
    if !members.problems.is_empty() {
        return Err(members.problems);
    }
    Ok(example)
}

/// The members of an example, and the problems found in those the catalog reads.
struct Members<'a> {
    /// Each member's value as raw text: only those the catalog reads are built, so a deep
    /// `detail` costs neither a stack nor an error. Of a repeated key, the last counts.
    raw: BTreeMap<String, &'a RawValue>,
    /// The file offset where the example starts: where a missing member is reported.
    start: usize,
    ctx: &'a FileCtx<'a>,
    problems: Vec<Diagnostic>,
}

impl<'a> Members<'a> {
    /// The member `key` as `read` takes it (`None` when absent), located at its value (or at
    /// the example's start). When it cannot be read, the problem is recorded there and a
    /// default stands in.
    fn member<T: Default>(
        &mut self,
        key: &str,
        read: fn(Option<&Value>, &str) -> Result<T, String>,
    ) -> Located<T> {
        let (value, offset) = match self.raw.get(key) {
            // The raw text is a slice of the file: where it starts is where the value is.
            Some(raw) => (
                Some(serde_json::from_str(raw.get())),
                (raw.get().as_ptr() as usize).saturating_sub(self.ctx.text.as_ptr() as usize),
            ),
            None => (None, self.start),
        };
        let span = offset..offset + 1;
        let read = match value.transpose() {
            Ok(value) => read(value.as_ref(), key)
                .map_err(|message| self.ctx.report(Lint::InvalidExample, message, span.clone())),
            // Valid JSON that serde_json will not build (nested deeper than it allows).
            Err(error) => Err(invalid_json(self.ctx, &error, span.clone())),
        };
        let value = read.unwrap_or_else(|problem| {
            self.problems.push(problem);
            T::default()
        });
        Located { value, span }
    }
}

/// A member that must be a string.
fn string(value: Option<&Value>, key: &str) -> Result<String, String> {
    match value {
        Some(Value::String(text)) => Ok(text.clone()),
        Some(_) => Err(format!("`{key}` must be a string")),
        None => Err(format!("the JSON example has no `{key}`")),
    }
}

/// A member that may be a string, null or absent.
fn optional_string(value: Option<&Value>, key: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("`{key}` must be a string or null")),
    }
}

/// `statusCode`, which must be an HTTP status.
fn status_code(value: Option<&Value>, _: &str) -> Result<u16, String> {
    match value {
        Some(Value::Number(n)) => match n.as_u64().and_then(|n| u16::try_from(n).ok()) {
            Some(status @ 100..=599) => Ok(status),
            _ => Err(format!("`statusCode` {n} is not an HTTP status code")),
        },
        Some(_) => Err("`statusCode` must be a number".to_owned()),
        None => Err("the JSON example has no `statusCode`".to_owned()),
    }
}

/// The `type` and `url` of `resolution`, an object or null.
fn resolution(value: Option<&Value>, _: &str) -> Result<(Option<String>, Option<String>), String> {
    match value {
        None | Some(Value::Null) => Ok((None, None)),
        Some(Value::Object(resolution)) => Ok((
            optional_string(resolution.get("type"), "type")?,
            optional_string(resolution.get("url"), "url")?,
        )),
        Some(_) => Err("`resolution` must be an object or null".into()),
    }
}

/// The diagnostic of JSON that serde_json could not read, at `span` of the file.
fn invalid_json(ctx: &FileCtx<'_>, error: &serde_json::Error, span: Range<usize>) -> Diagnostic {
    let message = error.to_string();
    // The position is the diagnostic's; serde_json's own (" at line L column C") goes.
    let message = message.find(" at line ").map_or(&*message, |i| &message[..i]);
    let message = format!("the JSON example is not valid JSON: {message}");
    ctx.report(Lint::InvalidJson, message, span)
}

/// The byte offset of serde_json's 1-based (line, column); column 0 means the line's start.
fn content_offset_of(text: &str, line: usize, column: usize) -> usize {
    let lines_before = text.split_inclusive('\n').take(line.saturating_sub(1));
    let line_start: usize = lines_before.map(str::len).sum();
    let mut offset = (line_start + column.saturating_sub(1)).min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The `Location` of a Connect page's example redirect (an `http` response block), with the
/// lines that continue it (`?error=…`, `&…`) joined on; `None` when the block has none.
pub(crate) fn redirect_location(block: &str) -> Option<String> {
    let mut location: Option<String> = None;
    // The headers end at the first blank line, and `Location` at the next header.
    let lines = block.trim_start().lines().map(str::trim);
    for line in lines.take_while(|line| !line.is_empty()) {
        let is_token = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
        let header = line
            .split_once(':')
            .filter(|(name, _)| !name.is_empty() && name.chars().all(is_token));
        match (header, &mut location) {
            (Some(_), Some(_)) => break,
            (Some((name, value)), None) if name.eq_ignore_ascii_case("location") => {
                location = Some(value.trim().to_owned());
            }
            (None, Some(location)) => location.push_str(line),
            _ => {}
        }
    }
    location
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_redirect_is_the_location_header_with_its_continuation_lines() {
        let block = "HTTP/1.1 302 Found\nlocation: https://e.com/cb\n?error=x\n&y=1\nVary: a\n\nbody";
        assert_eq!(
            redirect_location(block).as_deref(),
            Some("https://e.com/cb?error=x&y=1")
        );
        assert_eq!(
            redirect_location("HTTP/1.1 302 Found\n\nLocation: https://e.com/cb"),
            None
        );
        assert_eq!(redirect_location(""), None);
    }
}
