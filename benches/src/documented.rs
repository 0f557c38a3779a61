//! The examples the docs snapshot documents: API error bodies and Connect redirects.

use catalog_gen::Snapshot;

use crate::builds;

/// The documented examples.
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Every API error code's JSON example, as written.
    pub api_examples: Vec<String>,
    /// Every Connect error's example redirect.
    pub redirects: Vec<String>,
}

/// The examples of the workspace's `docs-snapshot` (empty when it cannot be read).
pub fn examples() -> Examples {
    let Ok(snapshot) = Snapshot::read(&builds::workspace_root().join("docs-snapshot")) else {
        return Examples::default();
    };
    let catalog = catalog_gen::parse_snapshot(&snapshot).catalog;
    Examples {
        api_examples: catalog.api_errors.into_iter().map(|e| e.example).collect(),
        redirects: catalog
            .connect_errors
            .into_iter()
            .filter_map(|e| e.example_redirect)
            .collect(),
    }
}

/// The success redirect of the docs' "Handle the Response" page
/// (<https://smartcar.com/docs/connect/handle-the-response>): the snapshot's pages show errors
/// only.
pub const AUTHORIZATION_REDIRECT: &str =
    "https://example.com/home?code=90abecb6-e7ab-4b85-864a-e1c8bf67f2ad&state=0facda3319";

/// The example redirects of the Connect errors, and [`AUTHORIZATION_REDIRECT`]: both
/// outcomes of a redirect.
pub fn redirects(error_redirects: &[String]) -> Vec<String> {
    let mut redirects = error_redirects.to_vec();
    redirects.push(AUTHORIZATION_REDIRECT.to_owned());
    redirects
}

/// The least a redirect reader does: split off the query and decode it into owned pairs.
/// Returns the number of pairs.
pub fn decode_query(uri: &str) -> usize {
    let query = uri.split_once('?').map_or("", |(_, query)| query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(name, value)| (name.into_owned(), value.into_owned()))
        .collect();
    pairs.len()
}
