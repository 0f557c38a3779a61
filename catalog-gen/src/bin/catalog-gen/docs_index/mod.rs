//! Reading a docs index in the llms.txt format, markdown whose list items link to pages
//! (`- [Server Errors](https://smartcar.com/docs/errors/api-errors/server-errors.md): ...`):
//! which pages it links to, and where each goes in a snapshot: its URL path relative to the
//! index's directory (`errors/api-errors/server-errors.md` for the index
//! `https://smartcar.com/docs/llms.txt`).

mod url;

use std::collections::BTreeSet;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, LinkType, Parser, Tag};

use smartcar_errors_shared::text::is_unsafe;
pub use url::HttpUrl;

/// A page the index links to, and its place in the snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexPage {
    /// The absolute URL to download, without fragment.
    pub url: HttpUrl,
    /// Path relative to the snapshot root, `/`-separated (`errors/api-errors/server-errors.md`).
    pub path: String,
}

/// The pages selected from an index, in the order the index lists them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IndexPages {
    /// The selected pages, each path once.
    pub pages: Vec<IndexPage>,
    /// How many links were left out: not http(s), other hosts, outside the index's
    /// directory, not under the prefix, not `.md`, or repeating a page already selected.
    pub skipped: usize,
}

/// Selects the pages of `markdown`, the index served at `index`, whose snapshot path starts
/// with `prefix` and ends with `.md`; the other links are skipped (see [`IndexPages`]). A
/// selected path that could escape the snapshot directory, or that holds a control or
/// invisible character, is an error: `unsafe page path "PATH" for URL: PROBLEM`.
pub fn select_pages(index: &HttpUrl, markdown: &str, prefix: &str) -> Result<IndexPages, String> {
    let mut selected = IndexPages::default();
    let mut seen = BTreeSet::new();
    // Images and e-mail links are not pages.
    let destinations = Parser::new(markdown).filter_map(|event| match event {
        Event::Start(Tag::Link {
            link_type, dest_url, ..
        }) if link_type != LinkType::Email => Some(dest_url),
        _ => None,
    });
    for destination in destinations {
        let url = index.join(&destination).ok().filter(|url| index.same_origin(url));
        let relative = url
            .as_ref()
            .and_then(|url| url.path().strip_prefix(index.directory()));
        let decoded: Vec<u8> = percent_decode_str(relative.unwrap_or_default()).collect();
        let path = String::from_utf8_lossy(&decoded);
        let wanted = relative.is_some() && path.starts_with(prefix) && path.ends_with(".md");
        let Some(url) = url.filter(|_| wanted) else {
            selected.skipped += 1;
            continue;
        };
        check_relative_path(&decoded)
            .map_err(|problem| format!("unsafe page path {path:?} for {url}: {problem}"))?;
        let path = path.into_owned();
        if seen.insert(path.clone()) {
            selected.pages.push(IndexPage { url, path });
        } else {
            selected.skipped += 1;
        }
    }
    Ok(selected)
}

/// Checks that `path` stays inside the directory it is relative to and is a name a snapshot
/// can hold: UTF-8, not empty or absolute; no backslash, colon (a drive or stream name on some
/// systems), control character or one a reader cannot see (see [`is_unsafe`]); no empty,
/// `.` or `..` segment, nor a hidden name (snapshot reading skips them). Fails with what is
/// wrong.
fn check_relative_path(path: &[u8]) -> Result<(), String> {
    let Ok(path) = std::str::from_utf8(path) else {
        return Err("is not UTF-8 once percent-decoded".to_owned());
    };
    let problem = if path.is_empty() {
        "empty path"
    } else if path.starts_with('/') {
        "absolute path"
    } else if path.contains('\\') {
        "contains a backslash"
    } else if let Some(c) = path.chars().find(|&c| is_unsafe(c)) {
        let code = u32::from(c);
        return Err(format!(
            "contains the control or invisible character U+{code:04X}"
        ));
    } else if path.contains(':') {
        "contains a colon"
    } else if path.split('/').any(str::is_empty) {
        "has an empty segment"
    } else if path.split('/').any(|segment| segment == "." || segment == "..") {
        "has a `.` or `..` segment"
    } else if path.split('/').any(|segment| segment.starts_with('.')) {
        "has a name starting with `.`"
    } else {
        return Ok(());
    };
    Err(problem.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = "https://smartcar.com/docs/llms.txt";

    /// [`select_pages`] of `markdown` served at [`INDEX`].
    fn select(markdown: &str, prefix: &str) -> Result<IndexPages, String> {
        select_pages(&HttpUrl::parse(INDEX).unwrap(), markdown, prefix)
    }

    fn paths(markdown: &str) -> Vec<(String, String)> {
        select(markdown, "errors/")
            .unwrap()
            .pages
            .into_iter()
            .map(|page| (page.url.to_string(), page.path))
            .collect()
    }

    fn page(path: &str) -> (String, String) {
        (format!("https://smartcar.com/docs/{path}"), path.to_owned())
    }

    #[test]
    fn selects_error_pages_from_absolute_and_relative_links() {
        let markdown = "\
# Smartcar

## Docs

- [Server Errors](https://smartcar.com/docs/errors/api-errors/server-errors.md): Thrown when ...
- [Server](/docs/errors/connect-errors/server-error.md): root-relative
- [Configuration](errors/connect-errors/configuration-error.md): relative
- [Detour](./getting-started/../errors/api-errors/auth-errors.md): dot segments
- [Intro](https://smartcar.com/docs/getting-started/introduction.md): not an error page
- [Errors overview](https://smartcar.com/docs/errors/overview): not markdown
";
        assert_eq!(
            paths(markdown),
            [
                page("errors/api-errors/server-errors.md"),
                page("errors/connect-errors/server-error.md"),
                page("errors/connect-errors/configuration-error.md"),
                page("errors/api-errors/auth-errors.md"),
            ]
        );
        assert_eq!(select(markdown, "errors/").unwrap().skipped, 2);
    }

    #[test]
    fn skips_other_hosts_schemes_and_directories() {
        let markdown = "\
- [Other host](https://example.com/docs/errors/a.md)
- [Other scheme](http://smartcar.com/docs/errors/b.md)
- [Other port](https://smartcar.com:8443/docs/errors/c.md)
- [Outside the directory](https://smartcar.com/errors/d.md)
- [Climbing out](errors/../../errors/e.md)
- [Mail](mailto:errors@smartcar.com)
- <errors@smartcar.com>
- ![Image](errors/f.md)
- [Kept](HTTPS://SMARTCAR.COM:443/docs/errors/g.md#codes)
";
        assert_eq!(paths(markdown), [page("errors/g.md")]);
        assert_eq!(select(markdown, "errors/").unwrap().skipped, 6);
    }

    #[test]
    fn keeps_the_first_of_repeated_pages() {
        let markdown = "\
- [A](errors/a.md)
- [A again](https://smartcar.com/docs/errors/a.md#section)
- [A by reference][a]
- [A, encoded](errors/%61.md)
- [B](errors/b.md)

[a]: /docs/errors/a.md
";
        let selected = select(markdown, "errors/").unwrap();
        assert_eq!(paths(markdown), [page("errors/a.md"), page("errors/b.md")]);
        assert_eq!(selected.skipped, 3);
    }

    #[test]
    fn decodes_paths_and_honours_the_prefix() {
        let markdown = "- [A](errors/api%20errors/a.md)\n- [B](guides/b.md)\n";
        assert_eq!(
            paths(markdown),
            [(
                "https://smartcar.com/docs/errors/api%20errors/a.md".to_owned(),
                "errors/api errors/a.md".to_owned()
            )]
        );
        let all = select(markdown, "").unwrap();
        let all: Vec<&str> = all.pages.iter().map(|page| page.path.as_str()).collect();
        assert_eq!(all, ["errors/api errors/a.md", "guides/b.md"]);
    }

    #[test]
    fn rejects_paths_that_escape_the_snapshot() {
        let cases = [
            (
                "errors/%2E%2E/%2e%2e/escape.md",
                "errors/../../escape.md",
                "has a `.` or `..` segment",
            ),
            (
                "errors/..%2F..%2Fescape.md",
                "errors/../../escape.md",
                "has a `.` or `..` segment",
            ),
            (
                "errors/a%5C..%5Cb.md",
                "errors/a\\..\\b.md",
                "contains a backslash",
            ),
            ("errors//a.md", "errors//a.md", "has an empty segment"),
            ("errors/%2Fetc.md", "errors//etc.md", "has an empty segment"),
            ("errors/C%3Aa.md", "errors/C:a.md", "contains a colon"),
            (
                "errors/.hidden.md",
                "errors/.hidden.md",
                "has a name starting with `.`",
            ),
            (
                "errors/%0Aa.md",
                "errors/\na.md",
                "contains the control or invisible character U+000A",
            ),
            (
                "errors/a%E2%80%AEb.md",
                "errors/a\u{202e}b.md",
                "contains the control or invisible character U+202E",
            ),
        ];
        for (link, path, problem) in cases {
            let markdown = format!("- [Page]({link})\n");
            assert_eq!(
                select(&markdown, "errors/"),
                Err(format!(
                    "unsafe page path {path:?} for https://smartcar.com/docs/{link}: {problem}"
                )),
                "{link}"
            );
        }
        let error = select("- [P](errors/%FF.md)\n- [Q](guides/%FF.md)\n", "errors/");
        assert_eq!(
            error,
            Err(
                "unsafe page path \"errors/\u{FFFD}.md\" for https://smartcar.com/docs/errors/%FF.md: \
                 is not UTF-8 once percent-decoded"
                    .to_owned()
            )
        );
        assert_eq!(select("- [Q](guides/%FF.md)\n", "errors/").unwrap().skipped, 1);
        let message = select("- [P](errors/..%2Fx.md)\n", "errors/").unwrap_err();
        assert_eq!(
            message,
            "unsafe page path \"errors/../x.md\" for https://smartcar.com/docs/errors/..%2Fx.md: \
             has a `.` or `..` segment"
        );
    }

    #[test]
    fn checks_relative_paths() {
        assert_eq!(check_relative_path(b"errors/api-errors/server-errors.md"), Ok(()));
        assert_eq!(check_relative_path(b""), Err("empty path".to_owned()));
        assert_eq!(check_relative_path(b"/etc/passwd").unwrap_err(), "absolute path");
        assert_eq!(
            check_relative_path(b"../x.md").unwrap_err(),
            "has a `.` or `..` segment"
        );
        assert_eq!(
            check_relative_path(b"a/./x.md").unwrap_err(),
            "has a `.` or `..` segment"
        );
        assert_eq!(
            check_relative_path(b"a\\x.md").unwrap_err(),
            "contains a backslash"
        );
        assert_eq!(check_relative_path(b"a/").unwrap_err(), "has an empty segment");
    }

    #[test]
    fn an_index_without_links_selects_nothing() {
        assert_eq!(select("no links", "errors/"), Ok(IndexPages::default()));
    }
}
