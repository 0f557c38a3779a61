//! `catalog-gen explain`: what a docs snapshot says of an entry found by name or doc URL, in
//! the words of `smartcar_errors::explain` and with where it is written; an entry that left
//! the docs is found among the ledger's tombstones and said to be no longer documented.

use smartcar_errors_shared::explain::{self, ApiEntry, Candidate, ConnectEntry, NotDocumented};

use crate::ledger::Ledger;
use crate::model::{ApiErrorEntry, Catalog, ConnectErrorEntry};

#[derive(Debug, Clone, Copy)]
enum Entry<'c> {
    Api(&'c ApiErrorEntry),
    Connect(&'c ConnectErrorEntry),
}

/// What `catalog` (the docs and the tombstones of `ledger`) says of the entry `query` names,
/// or the closest names.
pub(crate) fn explain(catalog: &Catalog, ledger: &Ledger, query: &str) -> Result<String, NotDocumented> {
    let api = catalog.api_errors.iter().map(|e| {
        let candidate = Candidate::Api {
            error_type: &e.error_type,
            code: e.code.as_deref(),
            doc_url: &e.doc_url,
        };
        (Entry::Api(e), candidate)
    });
    let connect = catalog.connect_errors.iter().map(|e| {
        let (error, page_url) = (e.error(), e.page_url.as_deref());
        (Entry::Connect(e), Candidate::Connect { error, page_url })
    });
    let candidates: Vec<_> = api.chain(connect).collect();
    let mut out = String::new();
    // Writing to a `String` cannot fail.
    let _ = match explain::find(query, &candidates)? {
        Entry::Api(e) => {
            let removed = ledger.api_removed(e.key());
            let at = e.source.to_string();
            explain::write_api(
                &mut out,
                &ApiEntry {
                    error_type: &e.error_type,
                    code: e.code.as_deref(),
                    status_code: e.status_code,
                    description: &e.description,
                    doc_url: &e.doc_url,
                    resolution: e.resolution.as_deref(),
                    resolution_url: e.resolution_url.as_deref(),
                    explanation: e.explanation.as_deref(),
                    suggested_resolution: e.suggested_resolution.as_deref(),
                    troubleshooting_steps: e.troubleshooting_steps.as_deref(),
                    suggested_user_message: e.suggested_user_message.as_deref(),
                    removed_from_docs: removed,
                    documented_at: removed.is_none().then_some(at.as_str()),
                },
            )
        }
        Entry::Connect(e) => {
            let removed = ledger.connect_removed(e.error());
            let at = e.source.to_string();
            explain::write_connect(
                &mut out,
                &ConnectEntry {
                    error: e.error(),
                    description: e.description(),
                    summary: e.summary.as_deref(),
                    parameters: e
                        .parameters
                        .iter()
                        .map(|p| (p.name.as_str(), p.required, p.description.as_str()))
                        .collect(),
                    details: e.details.as_deref(),
                    page_url: e.page_url.as_deref(),
                    removed_from_docs: removed,
                    documented_at: removed.is_none().then_some(at.as_str()),
                },
            )
        }
    };
    Ok(out)
}
