//! Just enough of RFC 3986 to resolve an index's links: absolute `http`/`https` URLs and
//! references relative to them. Fragments are dropped; dot segments are removed.

use std::fmt;

use percent_encoding::{AsciiSet, CONTROLS, utf8_percent_encode};

/// Why a URL was not usable: `not an http or https URL` (another scheme, or none), `no host`
/// or `invalid host` (characters a host name cannot hold, user info among them).
pub type UrlError = &'static str;

/// An absolute `http` or `https` URL without fragment, its scheme and host lowercased, a
/// default port dropped and its path free of dot segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HttpUrl {
    scheme: String,
    authority: String,
    /// Starts with `/`; characters not allowed in a URL are percent-encoded.
    path: String,
    /// Empty, or `?` and the query, encoded as the path is.
    query: String,
}

impl HttpUrl {
    /// Parses an absolute URL: its scheme and host lowercased, its default port dropped.
    pub(crate) fn parse(text: &str) -> Result<HttpUrl, UrlError> {
        let text = text.trim();
        let text = text.split_once('#').map_or(text, |(before, _)| before);
        let (scheme, rest) = split_scheme(text)
            .map(|(scheme, rest)| (scheme.to_ascii_lowercase(), rest))
            .filter(|(scheme, _)| scheme == "http" || scheme == "https")
            .ok_or("not an http or https URL")?;
        // Without `//` there is no authority, so no host.
        let rest = rest.strip_prefix("//").unwrap_or_default();
        let (authority, rest) = rest.split_at(rest.find(['/', '?']).unwrap_or(rest.len()));
        let default_port = if scheme == "https" { ":443" } else { ":80" };
        let host_port = authority
            .strip_suffix(default_port)
            .or_else(|| authority.strip_suffix(':'))
            .unwrap_or(authority);
        if host_port.is_empty() || host_port.starts_with(':') {
            return Err("no host");
        }
        // User info (`user@host`) is refused with the other characters a host name cannot
        // hold: no docs link needs it, and it can make a URL look like it is on another host.
        let allowed = |c: char| c.is_ascii_alphanumeric() || "-._~%!$&'()*+,;=:[]".contains(c);
        if !host_port.chars().all(allowed) {
            return Err("invalid host");
        }
        let (path, query) = rest.split_at(rest.find('?').unwrap_or(rest.len()));
        let path = if path.is_empty() { "/" } else { path };
        Ok(HttpUrl {
            authority: host_port.to_ascii_lowercase(),
            path: remove_dot_segments(&utf8_percent_encode(path, NOT_IN_URL).to_string()),
            query: utf8_percent_encode(query, NOT_IN_URL).to_string(),
            scheme,
        })
    }

    /// Resolves `reference` (absolute, or relative to `self`) as a browser follows a link.
    pub(crate) fn join(&self, reference: &str) -> Result<HttpUrl, UrlError> {
        let reference = reference.trim();
        let (scheme, authority) = (&self.scheme, &self.authority);
        // A relative reference is spelled out absolute, for `parse` to encode and normalize.
        let absolute = if split_scheme(reference).is_some() {
            reference.to_owned()
        } else if reference.starts_with("//") {
            format!("{scheme}:{reference}")
        } else if reference.is_empty() || reference.starts_with('#') {
            return Ok(self.clone());
        } else if reference.starts_with('?') {
            format!("{scheme}://{authority}{}{reference}", self.path)
        } else if reference.starts_with('/') {
            format!("{scheme}://{authority}{reference}")
        } else {
            format!("{scheme}://{authority}{}{reference}", self.directory())
        };
        HttpUrl::parse(&absolute)
    }

    /// The path up to and including its last `/`: where relative links start from.
    pub(crate) fn directory(&self) -> &str {
        &self.path[..=self.path.rfind('/').unwrap_or(0)]
    }

    /// The path (percent-encoded, starting with `/`).
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// Whether `other` has the same scheme, host and port.
    pub(crate) fn same_origin(&self, other: &HttpUrl) -> bool {
        self.scheme == other.scheme && self.authority == other.authority
    }
}

impl fmt::Display for HttpUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}://{}{}{}",
            self.scheme, self.authority, self.path, self.query
        )
    }
}

/// Splits `scheme:rest` when `text` starts with a syntactically valid scheme.
fn split_scheme(text: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = text.split_once(':')?;
    let valid = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    valid.then_some((scheme, rest))
}

/// The bytes that may not appear in a URL as they are, besides controls and non-ASCII ones:
/// they are percent-encoded.
const NOT_IN_URL: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'\\')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// RFC 3986 section 5.2.4, for a path starting with `/`.
fn remove_dot_segments(path: &str) -> String {
    let mut kept = Vec::new();
    for segment in path.split('/').skip(1) {
        if segment == ".." {
            kept.pop();
        } else if segment != "." {
            kept.push(segment);
        }
    }
    // A path ending in a dot segment names a directory.
    if path.ends_with("/.") || path.ends_with("/..") {
        kept.push("");
    }
    format!("/{}", kept.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolve(base: &str, reference: &str) -> String {
        HttpUrl::parse(base).unwrap().join(reference).unwrap().to_string()
    }

    #[test]
    fn parses_and_normalizes_absolute_urls() {
        let url = HttpUrl::parse("HTTPS://SmartCar.com:443/docs/llms.txt#top").unwrap();
        assert_eq!(url.to_string(), "https://smartcar.com/docs/llms.txt");
        assert_eq!(url.directory(), "/docs/");
        assert_eq!(
            HttpUrl::parse("http://127.0.0.1:8080").unwrap().to_string(),
            "http://127.0.0.1:8080/"
        );
        assert_eq!(
            HttpUrl::parse("ftp://example.com/x"),
            Err("not an http or https URL")
        );
        assert_eq!(HttpUrl::parse("docs/llms.txt"), Err("not an http or https URL"));
        assert_eq!(HttpUrl::parse("https:/docs"), Err("no host"));
        assert_eq!(HttpUrl::parse("https://:443/docs"), Err("no host"));
        assert_eq!(HttpUrl::parse("https://exa mple.com/"), Err("invalid host"));
        assert_eq!(
            HttpUrl::parse("https://smartcar.com@example.com/docs/errors/a.md"),
            Err("invalid host")
        );
    }

    #[test]
    fn resolves_references_as_rfc_3986_does() {
        let base = "https://smartcar.com/docs/llms.txt";
        assert_eq!(
            resolve(base, "errors/a.md"),
            "https://smartcar.com/docs/errors/a.md"
        );
        assert_eq!(
            resolve(base, "./errors/a.md#x"),
            "https://smartcar.com/docs/errors/a.md"
        );
        assert_eq!(
            resolve(base, "/api/b.md?v=1"),
            "https://smartcar.com/api/b.md?v=1"
        );
        assert_eq!(resolve(base, "//other.com/c.md"), "https://other.com/c.md");
        assert_eq!(
            resolve(base, "errors/x/../../../c.md"),
            "https://smartcar.com/c.md"
        );
        assert_eq!(resolve(base, "errors/.."), "https://smartcar.com/docs/");
        assert_eq!(resolve(base, "?q"), "https://smartcar.com/docs/llms.txt?q");
        assert_eq!(resolve(base, "a b.md"), "https://smartcar.com/docs/a%20b.md");
        assert_eq!(resolve(base, "é.md"), "https://smartcar.com/docs/%C3%A9.md");
        assert!(HttpUrl::parse(base).unwrap().join("mailto:a@b.c").is_err());
    }
}
