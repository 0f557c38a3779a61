//! `explain`: find a documented error by name or doc URL and say what the docs say of it, like
//! `rustc --explain`.

use core::fmt;

use smartcar_errors_shared::explain::{self as shared, ApiEntry, Candidate, ConnectEntry};

use crate::{ApiErrorCode, ConnectErrorCode, NotDocumented};

/// A documented error found by [`explain`]; `Display` prints what the docs say of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Explained {
    /// An API error code.
    Api(ApiErrorCode),
    /// A Connect error.
    Connect(ConnectErrorCode),
}

/// Finds a documented error in the compiled-in catalog: `SERVER:INTERNAL` (or
/// `SERVER.INTERNAL`), a code alone when only one type has it (`INTERNAL`), a type alone for
/// its null code (`AUTHENTICATION`), a Connect error (`configuration_error`) or a doc URL.
/// Names match regardless of case.
///
/// ```
/// use smartcar_errors::{ApiErrorCode, Explained, explain};
///
/// assert_eq!(explain("SERVER.INTERNAL"), Ok(Explained::Api(ApiErrorCode::ServerInternal)));
/// assert_eq!(explain("internal"), Ok(Explained::Api(ApiErrorCode::ServerInternal)));
/// let typo = explain("SERVER:INTERNEL").unwrap_err();
/// assert_eq!(typo.to_string(), "`SERVER:INTERNEL` is not a documented Smartcar error; did you mean `SERVER:INTERNAL`?");
/// println!("{}", explain("configuration_error")?);
/// # Ok::<(), smartcar_errors::NotDocumented>(())
/// ```
pub fn explain(query: &str) -> Result<Explained, NotDocumented> {
    let api = ApiErrorCode::ALL.iter().map(|&code| {
        let info = code.info();
        let candidate = Candidate::Api {
            error_type: info.error_type.as_str(),
            code: info.code,
            doc_url: info.doc_url,
        };
        (Explained::Api(code), candidate)
    });
    let connect = ConnectErrorCode::ALL.iter().map(|&error| {
        let candidate = Candidate::Connect {
            error: error.as_str(),
            page_url: error.info().page_url,
        };
        (Explained::Connect(error), candidate)
    });
    let candidates: Vec<_> = api.chain(connect).collect();
    shared::find(query, &candidates)
}

impl Explained {
    /// `TYPE:CODE` (`TYPE` for a null code) or the Connect error's name.
    pub fn name(&self) -> String {
        match self {
            Explained::Api(code) => code.to_string(),
            Explained::Connect(error) => error.as_str().to_owned(),
        }
    }
}

/// What the docs say: name, status, description, resolution, sections and link.
impl fmt::Display for Explained {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Explained::Api(code) => {
                let info = code.info();
                shared::write_api(
                    f,
                    &ApiEntry {
                        error_type: info.error_type.as_str(),
                        code: info.code,
                        status_code: info.status_code,
                        description: info.description,
                        doc_url: info.doc_url,
                        resolution: info.resolution.map(|resolution| resolution.as_str()),
                        resolution_url: info.resolution_url,
                        explanation: info.explanation,
                        suggested_resolution: info.suggested_resolution,
                        troubleshooting_steps: info.troubleshooting_steps,
                        suggested_user_message: info.suggested_user_message,
                        removed_from_docs: info.removed_from_docs,
                        documented_at: None,
                    },
                )
            }
            Explained::Connect(error) => {
                let info = error.info();
                shared::write_connect(
                    f,
                    &ConnectEntry {
                        error: error.as_str(),
                        description: info.description(),
                        summary: info.summary,
                        parameters: info
                            .parameters
                            .iter()
                            .map(|p| (p.name, p.required, p.description))
                            .collect(),
                        details: info.details,
                        page_url: info.page_url,
                        removed_from_docs: info.removed_from_docs,
                        documented_at: None,
                    },
                )
            }
        }
    }
}
