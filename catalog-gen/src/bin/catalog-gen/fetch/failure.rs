//! Why one download failed, and which failures are worth another try.

use std::io;
use std::time::Duration;

/// Why a download failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadFailure {
    /// The server answered with a status other than 200 OK (or a redirect).
    #[error("HTTP status {0}")]
    Status(u16),
    /// A timeout expired; the text names the phase (`connect`, `per read`...).
    #[error("timed out ({0})")]
    Timeout(String),
    /// The request, from connecting to the last byte of the body, took longer than this.
    #[error("no complete response within the {}-second deadline", .0.as_secs())]
    Deadline(Duration),
    /// The body is longer than the limit for one response, in bytes.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    /// The body would take the fetch past its limit for all bodies together, in bytes.
    #[error("the index and pages together exceed {0} bytes")]
    TotalTooLarge(u64),
    /// The connection could not be made or broke (refused, reset, closed mid-body...).
    #[error("connection failed: {0}")]
    Connection(String),
    /// The server broke the HTTP protocol.
    #[error("invalid HTTP response: {0}")]
    Protocol(String),
    /// The body is compressed or otherwise encoded, so it is not the page as published.
    #[error("unsupported content encoding {0:?}")]
    ContentEncoding(String),
    /// A redirect points to another origin (scheme, host and port) than the index's.
    #[error("redirect to another origin refused: {0}")]
    RedirectElsewhere(String),
    /// A redirect without a usable `Location`.
    #[error("unusable redirect: {0}")]
    BadRedirect(String),
    /// More redirects in a row than allowed.
    #[error("more than {0} redirects")]
    TooManyRedirects(u32),
    /// Anything else (TLS...).
    #[error("{0}")]
    Other(String),
}

impl DownloadFailure {
    /// What `error` means for a request that had `deadline` to complete.
    pub fn from_ureq(error: ureq::Error, deadline: Duration) -> DownloadFailure {
        match error {
            ureq::Error::StatusCode(status) => DownloadFailure::Status(status),
            ureq::Error::Timeout(ureq::Timeout::Global) => DownloadFailure::Deadline(deadline),
            ureq::Error::Timeout(phase) => DownloadFailure::Timeout(phase.to_string()),
            ureq::Error::BodyExceedsLimit(limit) => DownloadFailure::TooLarge(limit),
            ureq::Error::Io(error) => match error.kind() {
                io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock => {
                    DownloadFailure::Timeout(error.to_string())
                }
                _ => DownloadFailure::Connection(error.to_string()),
            },
            ureq::Error::HostNotFound => DownloadFailure::Connection("host not found".to_owned()),
            ureq::Error::ConnectionFailed => DownloadFailure::Connection("no connection".to_owned()),
            ureq::Error::Protocol(error) => DownloadFailure::Protocol(error.to_string()),
            other => DownloadFailure::Other(other.to_string()),
        }
    }

    /// Whether trying again may succeed: connection problems, timeouts of one phase, 5xx and
    /// 429. A request that ran out of its whole deadline is not retried: a server that slow
    /// would only keep the run alive longer.
    pub fn is_transient(&self) -> bool {
        match self {
            DownloadFailure::Status(status) => *status == 429 || (500..600).contains(status),
            DownloadFailure::Timeout(_) | DownloadFailure::Connection(_) | DownloadFailure::Protocol(_) => {
                true
            }
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_only_what_may_change() {
        for status in [429, 500, 502, 503, 599] {
            assert!(DownloadFailure::Status(status).is_transient(), "{status}");
        }
        for status in [301, 400, 401, 403, 404, 410, 600] {
            assert!(!DownloadFailure::Status(status).is_transient(), "{status}");
        }
        assert!(DownloadFailure::Timeout("connect".into()).is_transient());
        assert!(DownloadFailure::Connection("reset".into()).is_transient());
        assert!(!DownloadFailure::Deadline(Duration::from_secs(60)).is_transient());
        assert!(!DownloadFailure::TooLarge(10).is_transient());
        assert!(!DownloadFailure::TotalTooLarge(10).is_transient());
        assert!(!DownloadFailure::ContentEncoding("gzip".into()).is_transient());
        assert!(!DownloadFailure::RedirectElsewhere("https://example.com/".into()).is_transient());
        assert!(!DownloadFailure::TooManyRedirects(5).is_transient());
    }

    #[test]
    fn the_global_timeout_is_the_deadline() {
        let deadline = Duration::from_secs(60);
        assert_eq!(
            DownloadFailure::from_ureq(ureq::Error::Timeout(ureq::Timeout::Global), deadline),
            DownloadFailure::Deadline(deadline)
        );
        assert_eq!(
            DownloadFailure::from_ureq(ureq::Error::Timeout(ureq::Timeout::PerRead), deadline),
            DownloadFailure::Timeout("per read".to_owned())
        );
        assert_eq!(
            DownloadFailure::Deadline(deadline).to_string(),
            "no complete response within the 60-second deadline"
        );
    }
}
