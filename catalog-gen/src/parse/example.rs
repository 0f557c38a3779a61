//! The JSON example under a code heading, and the redirect in a Connect page's `http` block.

use std::collections::BTreeMap;
use std::ops::Range;

use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::FileCtx;
use crate::diagnostic::{Diagnostic, Lint};

/// A value read from the example, with the file offset of its JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located<T> {
    pub value: T,
    pub offset: usize,
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
    pub user_message: Option<Located<String>>,
}

/// The members of an example the catalog reads.
const READ: &[&str] = &[
    "type",
    "code",
    "statusCode",
    "description",
    "docURL",
    "resolution",
    "suggestedUserMessage",
];

/// Reads the example at `span` of the file; on failure, every problem found, each with its
/// position.
pub(crate) fn read_example(span: Range<usize>, ctx: &FileCtx<'_>) -> Result<Example, Vec<Diagnostic>> {
    let mut fields = Fields::read(span, ctx).map_err(|problem| vec![problem])?;
    let error_type = fields.string("type");
    let code = fields.code();
    let status_code = fields.status_code();
    let description = fields.string("description");
    let doc_url = fields.string("docURL");
    let (resolution, resolution_url) = fields.resolution();
    let user_message = fields.user_message();
    match (error_type, status_code, description, doc_url) {
        (Some(error_type), Some(status_code), Some(description), Some(doc_url))
            if fields.problems.is_empty() =>
        {
            Ok(Example {
                error_type,
                code,
                status_code,
                description: description.value,
                doc_url,
                resolution,
                resolution_url,
                user_message,
            })
        }
        _ => Err(fields.problems),
    }
}

/// The members of an example the catalog reads, and the problems found in them so far.
struct Fields<'a> {
    /// Each member present: its value and the file offset of the value.
    members: BTreeMap<&'static str, (Value, usize)>,
    /// The file offset where the example starts: where a missing member is reported.
    start: usize,
    ctx: &'a FileCtx<'a>,
    problems: Vec<Diagnostic>,
}

impl<'a> Fields<'a> {
    /// Reads the JSON at `span` in one pass: each member's value is kept as its raw text, and
    /// only the members the catalog reads are turned into values. Of a repeated key, the last
    /// counts. The JSON is read from the file itself, so every offset in it is a file offset:
    /// what a fence strips (indentation, the CR of CRLF) is JSON white space.
    fn read(span: Range<usize>, ctx: &'a FileCtx<'a>) -> Result<Self, Diagnostic> {
        let json = &ctx.text[span.clone()];
        let start = span.start + (json.len() - json.trim_start().len());
        let raw: BTreeMap<String, &RawValue> = serde_json::from_str(json).map_err(|error| {
            if error.classify() == Category::Data {
                ctx.report(
                    Lint::InvalidExample,
                    "the JSON example is not an object",
                    start..start + 1,
                )
            } else {
                let at = span.start + content_offset_of(json, error.line(), error.column());
                invalid_json(ctx, &error, at)
            }
        })?;
        let mut members = BTreeMap::new();
        for key in READ {
            let Some(raw) = raw.get(*key) else { continue };
            // The raw text is a slice of the file: where it starts is where the member's value is.
            let offset = (raw.get().as_ptr() as usize).saturating_sub(ctx.text.as_ptr() as usize);
            // Valid JSON that serde_json will not build (nested deeper than it allows).
            let value = serde_json::from_str(raw.get()).map_err(|error| invalid_json(ctx, &error, offset))?;
            members.insert(*key, (value, offset));
        }
        Ok(Fields {
            members,
            start,
            ctx,
            problems: Vec::new(),
        })
    }

    fn get(&self, key: &str) -> Option<&Value> {
        self.members.get(key).map(|(value, _)| value)
    }

    /// `value`, located at the value of `key` (or at the example's start, when it has none).
    fn located<T>(&self, key: &str, value: T) -> Located<T> {
        let offset = self.members.get(key).map_or(self.start, |&(_, offset)| offset);
        Located { value, offset }
    }

    /// Reports `message` about the member `key`, at its value.
    fn problem(&mut self, key: &str, message: String) {
        let offset = self.located(key, ()).offset;
        self.problems
            .push(self.ctx.report(Lint::InvalidExample, message, offset..offset + 1));
    }

    /// The member `key`, which must be a string.
    fn string(&mut self, key: &str) -> Option<Located<String>> {
        let problem = match self.get(key) {
            Some(Value::String(text)) => return Some(self.located(key, text.clone())),
            Some(_) => format!("`{key}` must be a string"),
            None => format!("the JSON example has no `{key}`"),
        };
        self.problem(key, problem);
        None
    }

    /// `code`: `None` when the example has none, a string or `None` for `null` when it has.
    fn code(&mut self) -> Option<Located<Option<String>>> {
        match optional_string(Some(self.get("code")?), "code") {
            Ok(code) => Some(self.located("code", code)),
            Err(problem) => {
                self.problem("code", problem);
                None
            }
        }
    }

    /// `statusCode`, which must be an HTTP status.
    fn status_code(&mut self) -> Option<u16> {
        let problem = match self.get("statusCode") {
            Some(Value::Number(n)) => match n.as_u64().and_then(|n| u16::try_from(n).ok()) {
                Some(status @ 100..=599) => return Some(status),
                _ => format!("`statusCode` {n} is not an HTTP status code"),
            },
            Some(_) => "`statusCode` must be a number".to_owned(),
            None => "the JSON example has no `statusCode`".to_owned(),
        };
        self.problem("statusCode", problem);
        None
    }

    /// The `type` and `url` of `resolution`, an object or null.
    fn resolution(&mut self) -> (Option<String>, Option<String>) {
        let (kind, url) = match self.get("resolution") {
            None | Some(Value::Null) => return (None, None),
            Some(Value::Object(resolution)) => (
                optional_string(resolution.get("type"), "type"),
                optional_string(resolution.get("url"), "url"),
            ),
            Some(_) => {
                self.problem("resolution", "`resolution` must be an object or null".into());
                return (None, None);
            }
        };
        (
            self.reported("resolution", kind),
            self.reported("resolution", url),
        )
    }

    /// `suggestedUserMessage`, a string or null.
    fn user_message(&mut self) -> Option<Located<String>> {
        let key = "suggestedUserMessage";
        let message = optional_string(self.get(key), key);
        self.reported(key, message)
            .map(|message| self.located(key, message))
    }

    /// The value read from a part of member `key`, or `None` with its problem reported.
    fn reported(&mut self, key: &str, read: Result<Option<String>, String>) -> Option<String> {
        read.unwrap_or_else(|problem| {
            self.problem(key, problem);
            None
        })
    }
}

/// `value`, the member `key`, when it is a string or null (or absent); else the problem.
fn optional_string(value: Option<&Value>, key: &str) -> Result<Option<String>, String> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err(format!("`{key}` must be a string or null")),
    }
}

/// The diagnostic of JSON that serde_json could not read, at file offset `at`.
fn invalid_json(ctx: &FileCtx<'_>, error: &serde_json::Error, at: usize) -> Diagnostic {
    let message = format!(
        "the JSON example is not valid JSON: {}",
        strip_position(&error.to_string())
    );
    ctx.report(Lint::InvalidJson, message, at..at + 1)
}

/// serde_json's message without its trailing " at line L column C".
fn strip_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |i| &message[..i])
}

/// The byte offset of serde_json's 1-based (line, column); column 0 means the line's start.
fn content_offset_of(text: &str, line: usize, column: usize) -> usize {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n')
            .nth(line - 2)
            .map_or(text.len(), |(i, _)| i + 1)
    };
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
    for line in block
        .trim_start()
        .lines()
        .map(str::trim)
        .take_while(|line| !line.is_empty())
    {
        let header = line.split_once(':').filter(|(name, _)| is_header_name(name));
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

fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
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
