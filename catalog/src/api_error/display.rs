//! One line for a log: the error's name, status and description, each cut to a bounded
//! excerpt and escaped, so that any body, however long or hostile, shows as one short line.

use core::fmt;

use smartcar_errors_shared::text::write_excerpt;

use super::{ApiError, BodyShape};

/// Characters shown of the type, and of the code.
const NAME_CHARS: usize = 100;
/// Characters shown of the description; more than any documented description has.
const DESCRIPTION_CHARS: usize = 500;
/// Characters shown of a body that is no Smartcar error.
const BODY_CHARS: usize = 120;

/// `TYPE:CODE (status): description`, leaving out what the error lacks; for a body that is no
/// Smartcar error, `HTTP status: ` and the start of the body (or its description, for a JSON
/// object). Every part is cut to a bounded excerpt (white space folded, `…` where cut) and its
/// control and bidirectional characters are escaped (`\n`, `\u{1b}`), so the line costs the
/// same for a 50 MB body as for a small one and no body can start a line of its own.
///
/// The official Python and Node.js SDKs word their errors `TYPE:CODE - description`, without
/// the status: a search of logs written by both should look for `TYPE:CODE`.
///
/// ```
/// use smartcar_errors::ApiError;
///
/// let body = br#"{"type": "SERVER", "code": "INTERNAL", "description": "Try again later."}"#;
/// let error = ApiError::from_response(500, [("SC-Request-Id", "5dea93a1")], body);
/// assert_eq!(error.to_string(), "SERVER:INTERNAL (500): Try again later.");
/// ```
impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.shape() == BodyShape::Other {
            return self.fmt_other(f);
        }
        write_excerpt(f, self.error_type(), NAME_CHARS)?;
        if let Some(code) = self.code() {
            f.write_str(":")?;
            write_excerpt(f, code, NAME_CHARS)?;
        }
        if let Some(status) = self.status_code() {
            write!(f, " ({status})")?;
        }
        if shows_something(self.description()) {
            f.write_str(": ")?;
            write_excerpt(f, self.description(), DESCRIPTION_CHARS)?;
        }
        Ok(())
    }
}

impl ApiError {
    fn fmt_other(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HTTP")?;
        if let Some(status) = self.status_code() {
            write!(f, " {status}")?;
        }
        f.write_str(": ")?;
        let (text, chars) = match &self.raw_body {
            Some(body) => (body.as_str(), BODY_CHARS),
            None => (self.description(), DESCRIPTION_CHARS),
        };
        match (shows_something(text), &self.raw_body) {
            (true, _) => write_excerpt(f, text, chars),
            (false, Some(_)) => f.write_str("empty body"),
            (false, None) => f.write_str("JSON body without `type` or `error`"),
        }
    }
}

/// Whether an excerpt of `text` shows anything (it is not all white space).
fn shows_something(text: &str) -> bool {
    !text.trim_start().is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_HEADERS: [(&str, &str); 0] = [];

    #[test]
    fn hostile_text_stays_on_one_escaped_line() {
        let body = "{\"type\": \"A\\nB\", \"code\": \"\\u001b[31m\", \"statusCode\": 500, \
                    \"description\": \"line one\\r\\nFAKE LOG LINE \\u202e\"}";
        let error = ApiError::from_response(500, NO_HEADERS, body.as_bytes());
        assert_eq!(
            error.to_string(),
            r"A B:\u{1b}[31m (500): line one FAKE LOG LINE \u{202e}"
        );
        let raw = ApiError::from_response(502, NO_HEADERS, b"<h1>\x1b]0;owned\x07</h1>\n\nnext");
        assert_eq!(raw.to_string(), r"HTTP 502: <h1>\u{1b}]0;owned\u{7}</h1> next");
    }

    #[test]
    fn long_parts_are_cut() {
        let body = format!(
            r#"{{"type": "{}", "code": "{}", "description": "{}"}}"#,
            "T".repeat(1_000),
            "C".repeat(1_000),
            "d ".repeat(10_000)
        );
        let shown = ApiError::from_response(400, NO_HEADERS, body.as_bytes()).to_string();
        let expected = format!(
            "{}…:{}… (400): {}…",
            "T".repeat(100),
            "C".repeat(100),
            "d ".repeat(250).trim_end()
        );
        assert_eq!(shown, expected);
    }

    #[test]
    fn json_objects_of_no_known_shape_show_their_description() {
        let show = |body: &str| ApiError::from_response(502, NO_HEADERS, body.as_bytes()).to_string();
        assert_eq!(
            show(r#"{"message": "Internal server error"}"#),
            "HTTP 502: Internal server error"
        );
        assert_eq!(
            show(r#"{"items": []}"#),
            "HTTP 502: JSON body without `type` or `error`"
        );
        assert_eq!(show(" \n "), "HTTP 502: empty body");
        let unknown_status = ApiError::read_body(None, Default::default(), b"down");
        assert_eq!(unknown_status.to_string(), "HTTP: down");
    }
}
