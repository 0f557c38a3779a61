//! Feature `miette`: Smartcar's guidance in a miette report. An application that reports its
//! errors with miette shows, for an [`ApiError`] or a [`ConnectError`], the error's code, the
//! page that documents it and what to do about it, with no glue.
//!
//! Every text taken from a response or a redirect is escaped, and those of an API error are cut
//! to a bounded excerpt as its `Display` cuts them: a report cannot be rewritten or made long by
//! what a server sent.

use core::fmt;

use miette::Diagnostic;
use smartcar_errors_shared::text::{Escaped, EscapedLines, write_excerpt};

use crate::{ApiError, ConnectError};

/// Characters shown of the type and of the code sent in a body.
const NAME_CHARS: usize = 100;
/// Characters shown of a `docURL` sent in a body; more than any documented one has.
const URL_CHARS: usize = 300;

/// Feature `miette`: the error's code, doc URL and suggested resolution in a miette report.
///
/// `code()` is `TYPE:CODE` as sent (`SERVER:INTERNAL`; the type alone when the `code` is null,
/// as for `AUTHENTICATION`; the `error` of an OAuth or v1 body); none for a body that names no
/// type.
///
/// `url()` is the body's `docURL`, else the doc URL of the [known](ApiError::known) code.
///
/// `help()` is the suggested resolution the docs give for the known code, else what the
/// `resolution.type` (the body's, else the docs') asks of the application for the three types
/// Smartcar documents: `RETRY_LATER`, `REAUTHENTICATE` and `CONTACT_SUPPORT`. None when
/// nothing is known.
///
/// ```
/// use miette::Diagnostic;
/// use smartcar_errors::ApiError;
///
/// let body = br#"{"type": "SERVER", "code": "INTERNAL", "resolution": {"type": "RETRY_LATER"}}"#;
/// let error = ApiError::from_response(500, [("SC-Request-Id", "5dea93a1")], body);
/// // `ApiError::code` is the body's `code`; the diagnostic code is the trait's.
/// assert_eq!(Diagnostic::code(&error).unwrap().to_string(), "SERVER:INTERNAL");
/// assert_eq!(
///     error.url().unwrap().to_string(),
///     "https://smartcar.com/docs/errors/api-errors/server-errors#internal"
/// );
/// assert_eq!(
///     error.help().unwrap().to_string(),
///     "Please contact us to learn more about the error and our steps to resolve it."
/// );
/// ```
impl Diagnostic for ApiError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        if self.error_type().trim().is_empty() {
            return None;
        }
        Some(Box::new(Code {
            error_type: self.error_type(),
            code: self.code(),
        }))
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        match self.doc_url().filter(|url| !url.trim().is_empty()) {
            Some(sent) => Some(Box::new(Excerpt(sent, URL_CHARS))),
            None => Some(Box::new(self.known()?.info().doc_url)),
        }
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        let known = self.known().map(|code| code.info());
        if let Some(suggested) = known.and_then(|info| info.suggested_resolution) {
            return Some(Box::new(EscapedLines(suggested)));
        }
        let resolution = match self.resolution() {
            Some(sent) => sent,
            None => known?.resolution?.as_str(),
        };
        Some(Box::new(asked_of_the_app(resolution)?))
    }
}

/// What a resolution type asks of the application, for the types Smartcar's API reference
/// lists; `None` for any other.
fn asked_of_the_app(resolution: &str) -> Option<&'static str> {
    match resolution {
        crate::info::RETRY_LATER => Some("Retry the request later."),
        "REAUTHENTICATE" => Some("Send the user through Smartcar Connect again to reauthorize the app."),
        "CONTACT_SUPPORT" => Some("Contact Smartcar support, quoting the request ID."),
        _ => None,
    }
}

/// Feature `miette`: the error's name and its doc URL in a miette report.
///
/// `code()` is the `error` parameter (`server_error`).
///
/// `url()` is the page that documents the [known](ConnectError::known) error.
///
/// `help()` is none: the Connect error pages suggest no resolution.
///
/// ```
/// use miette::Diagnostic;
/// use smartcar_errors::ConnectError;
///
/// let uri = "https://example.com/callback?error=server_error\
///            &error_description=Unexpected%20server%20error.%20Please%20try%20again.";
/// let error = ConnectError::from_redirect_uri(uri)?.expect("the redirect carries an error");
/// assert_eq!(error.code().unwrap().to_string(), "server_error");
/// assert_eq!(
///     error.url().unwrap().to_string(),
///     "https://smartcar.com/docs/errors/connect-errors/server-error"
/// );
/// # Ok::<(), smartcar_errors::RedirectError>(())
/// ```
impl Diagnostic for ConnectError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(Escaped(self.error())))
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.known()?.info().page_url?))
    }
}

/// `TYPE:CODE`, each part an excerpt.
struct Code<'a> {
    error_type: &'a str,
    code: Option<&'a str>,
}

impl fmt::Display for Code<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_excerpt(f, self.error_type, NAME_CHARS)?;
        if let Some(code) = self.code {
            f.write_str(":")?;
            write_excerpt(f, code, NAME_CHARS)?;
        }
        Ok(())
    }
}

/// At most this many characters of the text, escaped.
struct Excerpt<'a>(&'a str, usize);

impl fmt::Display for Excerpt<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_excerpt(f, self.0, self.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NO_HEADERS: [(&str, &str); 0] = [];

    fn shown(part: Option<Box<dyn fmt::Display + '_>>) -> Option<String> {
        part.map(|part| part.to_string())
    }

    #[test]
    fn what_the_body_sends_counts_before_the_docs() {
        let body = br#"{"type": "SERVER", "code": "INTERNAL",
            "docURL": "https://smartcar.com/docs/errors/v2.0/other-errors/#internal"}"#;
        let error = ApiError::from_response(500, NO_HEADERS, body);
        assert_eq!(
            shown(error.url()).as_deref(),
            Some("https://smartcar.com/docs/errors/v2.0/other-errors/#internal")
        );
        // The docs' suggested resolution is more precise than what the resolution type asks.
        let body = br#"{"type": "SERVER", "code": "INTERNAL", "resolution": {"type": "REAUTHENTICATE"}}"#;
        let error = ApiError::from_response(500, NO_HEADERS, body);
        assert_eq!(
            shown(error.help()).as_deref(),
            Some("Please contact us to learn more about the error and our steps to resolve it.")
        );
    }

    #[test]
    fn an_undocumented_code_gets_what_its_resolution_type_asks() {
        let body = br#"{"type": "AUTHENTICATION", "code": null, "docURL": "",
            "resolution": {"type": "REAUTHENTICATE"}}"#;
        let error = ApiError::from_response(401, NO_HEADERS, body);
        assert_eq!(shown(Diagnostic::code(&error)).as_deref(), Some("AUTHENTICATION"));
        assert_eq!(shown(error.url()), None, "a blank docURL is none");
        assert_eq!(
            shown(error.help()).as_deref(),
            Some("Send the user through Smartcar Connect again to reauthorize the app.")
        );
        let body = br#"{"type": "RATE_LIMIT", "code": "VEHICLE", "resolution": {"type": "RETRY_LATER"}}"#;
        let help = shown(ApiError::from_response(429, NO_HEADERS, body).help());
        assert_eq!(help.as_deref(), Some("Retry the request later."));
        let body = br#"{"type": "X", "resolution": {"type": "CONTACT_SUPPORT"}}"#;
        let help = shown(ApiError::from_response(500, NO_HEADERS, body).help());
        assert_eq!(
            help.as_deref(),
            Some("Contact Smartcar support, quoting the request ID.")
        );
    }

    #[test]
    fn nothing_known_is_none() {
        let oauth = br#"{"error": "invalid_grant", "error_description": "Expired."}"#;
        let error = ApiError::from_response(400, NO_HEADERS, oauth);
        assert_eq!(shown(Diagnostic::code(&error)).as_deref(), Some("invalid_grant"));
        assert_eq!((shown(error.url()), shown(error.help())), (None, None));
        let body = br#"{"type": "NEW", "resolution": {"type": "NEW_RESOLUTION"}}"#;
        assert_eq!(shown(ApiError::from_response(400, NO_HEADERS, body).help()), None);
        let blank = ApiError::from_response(400, NO_HEADERS, br#"{"type": " \n", "code": "X"}"#);
        assert_eq!(shown(Diagnostic::code(&blank)), None);
        let gateway = ApiError::from_response(502, NO_HEADERS, b"<h1>Bad Gateway</h1>");
        let parts = [Diagnostic::code(&gateway), gateway.url(), gateway.help()];
        assert!(parts.iter().all(Option::is_none));
        let unknown = ConnectError::from_redirect_uri("/callback?error=new_error")
            .unwrap()
            .unwrap();
        assert_eq!(shown(unknown.code()).as_deref(), Some("new_error"));
        assert_eq!((shown(unknown.url()), shown(unknown.help())), (None, None));
    }

    #[test]
    fn hostile_text_is_escaped_and_cut() {
        let body = format!(
            r#"{{"type": "A\u001b]8;;x\u0007", "code": "{}", "docURL": "https://e.test/\n{}"}}"#,
            "C".repeat(1_000),
            "u".repeat(1_000)
        );
        let error = ApiError::from_response(400, NO_HEADERS, body.as_bytes());
        let code = format!(r"A\u{{1b}}]8;;x\u{{7}}:{}…", "C".repeat(100));
        assert_eq!(shown(Diagnostic::code(&error)), Some(code));
        let url = format!("https://e.test/ {}…", "u".repeat(284));
        assert_eq!(shown(error.url()), Some(url));
        let redirect = "/callback?error=%1B%5B2J%E2%80%AEx";
        let error = ConnectError::from_redirect_uri(redirect).unwrap().unwrap();
        assert_eq!(
            shown(Diagnostic::code(&error)).as_deref(),
            Some(r"\u{1b}[2J\u{202e}x")
        );
    }
}
