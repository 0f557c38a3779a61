//! The JSON example under a code heading, and the `http` blocks shown beside it.

use std::ops::Range;

use std::collections::BTreeMap;

use serde_json::Value;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::FileCtx;
use crate::diagnostic::{Diagnostic, Lint};

/// Maps offsets in a code block's content back to offsets in the file: the content is made
/// of source slices (one per line), which container prefixes may separate.
#[derive(Debug, Clone, Default)]
pub(crate) struct ContentMap {
    /// (offset in content, offset in file) of each slice, ascending.
    segments: Vec<(usize, usize)>,
    /// Added to every offset looked up (for a part of the content, such as a body).
    base: usize,
}

impl ContentMap {
    /// Records that content from `content_offset` on was read from `file_offset` on.
    pub(crate) fn push(&mut self, content_offset: usize, file_offset: usize) {
        self.segments.push((content_offset, file_offset));
    }

    /// The map of the content from `base` on (offset 0 of the new map is `base` here).
    pub(crate) fn rebased(&self, base: usize) -> ContentMap {
        ContentMap {
            segments: self.segments.clone(),
            base: self.base + base,
        }
    }

    /// The file offset of `content_offset`.
    pub(crate) fn file_offset(&self, content_offset: usize) -> usize {
        let content_offset = content_offset + self.base;
        let slice = self
            .segments
            .partition_point(|&(start, _)| start <= content_offset);
        match slice.checked_sub(1).map(|i| self.segments[i]) {
            Some((start, file)) => file + (content_offset - start),
            None => self.segments.first().map_or(0, |&(_, file)| file),
        }
    }
}

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

/// Reads the example `json` whose content offsets `map` translates; on failure, every
/// problem found, each with its position.
pub(crate) fn read_example(
    json: &str,
    map: &ContentMap,
    ctx: &FileCtx<'_>,
) -> Result<Example, Vec<Diagnostic>> {
    let mut fields = Fields::read(json, map, ctx).map_err(|problem| vec![problem])?;
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
    /// Reads `json` in one pass: each member's value is kept as its raw text, and only the
    /// members the catalog reads are turned into values. Of a repeated key, the last counts.
    fn read(json: &str, map: &ContentMap, ctx: &'a FileCtx<'a>) -> Result<Self, Diagnostic> {
        let start = map.file_offset(leading_ws(json));
        let raw: BTreeMap<String, &RawValue> = serde_json::from_str(json).map_err(|error| {
            if error.classify() == Category::Data {
                ctx.report(
                    Lint::InvalidExample,
                    "the JSON example is not an object",
                    start..start + 1,
                )
            } else {
                let at = map.file_offset(content_offset_of(json, error.line(), error.column()));
                invalid_json(ctx, &error, at)
            }
        })?;
        let mut members = BTreeMap::new();
        for key in READ {
            let Some(raw) = raw.get(*key) else { continue };
            // The raw text is a slice of `json`: where it starts is where the member's value is.
            let offset =
                map.file_offset((raw.get().as_ptr() as usize).saturating_sub(json.as_ptr() as usize));
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

fn leading_ws(text: &str) -> usize {
    text.len() - text.trim_start().len()
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

/// An `http` block: an optional status line, headers (with continuation lines folded into
/// the header before them) and an optional body after a blank line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct HttpBlock {
    pub headers: Vec<(String, String)>,
    /// The body's range in the block's content, when it has one.
    pub body: Option<Range<usize>>,
}

impl HttpBlock {
    /// The value of the first header named `name` (case-insensitive).
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(header, _)| header.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }
}

/// Splits an `http` response block into headers and body; `None` when the block does not
/// start with a status line or a header (a request, say).
pub(crate) fn read_http(content: &str) -> Option<HttpBlock> {
    let first = content.lines().map(str::trim).find(|line| !line.is_empty())?;
    if !first.starts_with("HTTP/") && header_line(first).is_none() {
        return None;
    }
    let mut block = HttpBlock::default();
    let mut offset = 0;
    let mut seen_line = false;
    for line in content.split_inclusive('\n') {
        let line_start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if seen_line {
                let body = content[offset..].trim();
                if !body.is_empty() {
                    let start = offset + (content[offset..].len() - content[offset..].trim_start().len());
                    block.body = Some(start..start + body.len());
                }
                return Some(block);
            }
            continue;
        }
        let first = !seen_line;
        seen_line = true;
        if first && trimmed.starts_with("HTTP/") {
            continue;
        }
        if let Some((name, value)) = header_line(trimmed) {
            block.headers.push((name.to_ascii_lowercase(), value.to_owned()));
        } else if let Some((_, value)) = block.headers.last_mut() {
            value.push_str(trimmed);
        } else if trimmed.starts_with('{') {
            let start = line_start + (line.len() - line.trim_start().len());
            let body = content[start..].trim_end();
            block.body = Some(start..start + body.len());
            return Some(block);
        }
    }
    Some(block)
}

fn header_line(line: &str) -> Option<(&str, &str)> {
    let (name, value) = line.split_once(':')?;
    let is_token = !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    is_token.then(|| (name, value.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_map_translates_across_slices() {
        let mut map = ContentMap::default();
        map.push(0, 100);
        map.push(10, 120);
        assert_eq!(map.file_offset(0), 100);
        assert_eq!(map.file_offset(9), 109);
        assert_eq!(map.file_offset(10), 120);
        assert_eq!(map.file_offset(15), 125);
    }

    #[test]
    fn http_blocks_fold_continuation_lines_and_find_the_body() {
        let block = read_http("HTTP/1.1 302 Found\nLocation: https://e.com/cb\n?error=x\n&y=1\n").unwrap();
        assert_eq!(block.header("location"), Some("https://e.com/cb?error=x&y=1"));
        assert_eq!(block.body, None);

        let content = "HTTP/1.1 429 Too Many Requests\nretry-after: 30\n\n{\n  \"a\": 1\n}\n";
        let block = read_http(content).unwrap();
        assert_eq!(block.header("Retry-After"), Some("30"));
        assert_eq!(&content[block.body.unwrap()], "{\n  \"a\": 1\n}");

        assert_eq!(
            read_http("GET /v2.0/vehicles HTTP/1.1\nAuthorization: Bearer x\n"),
            None
        );
    }
}
