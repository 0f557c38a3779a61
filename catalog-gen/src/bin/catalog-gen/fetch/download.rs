//! Downloading one URL: timeouts, a size limit, and retries with exponential backoff on
//! failures that may not happen again.

use std::io;
use std::thread;
use std::time::Duration;

use ureq::Agent;
use ureq::http::header::CONTENT_ENCODING;

use super::{FetchError, FetchOptions};

/// The longest wait between two attempts, however many attempts are allowed.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// Why a download failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DownloadFailure {
    /// The server answered with a status other than 200 OK.
    #[error("HTTP status {0}")]
    Status(u16),
    /// A timeout expired; the text names the phase (`connect`, `per read`...).
    #[error("timed out ({0})")]
    Timeout(String),
    /// The body is longer than the limit, in bytes.
    #[error("body larger than {0} bytes")]
    TooLarge(u64),
    /// The connection could not be made or broke (refused, reset, closed mid-body...).
    #[error("connection failed: {0}")]
    Connection(String),
    /// The server broke the HTTP protocol.
    #[error("invalid HTTP response: {0}")]
    Protocol(String),
    /// The body is compressed or otherwise encoded, so it is not the page as published.
    #[error("unsupported content encoding {0:?}")]
    ContentEncoding(String),
    /// Anything else (bad URL, TLS, too many redirects...).
    #[error("{0}")]
    Other(String),
}

impl DownloadFailure {
    /// Whether trying again may succeed: connection problems, timeouts, 5xx and 429.
    pub fn is_transient(&self) -> bool {
        match self {
            DownloadFailure::Status(status) => *status == 429 || (500..600).contains(status),
            DownloadFailure::Timeout(_) | DownloadFailure::Connection(_) | DownloadFailure::Protocol(_) => {
                true
            }
            DownloadFailure::TooLarge(_)
            | DownloadFailure::ContentEncoding(_)
            | DownloadFailure::Other(_) => false,
        }
    }
}

/// Downloads URLs with the options' timeouts, size limit and retries.
pub(crate) struct Downloader {
    agent: Agent,
    max_bytes: u64,
    attempts: u32,
    backoff: Duration,
}

impl Downloader {
    pub(crate) fn new(options: &FetchOptions) -> Downloader {
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .timeout_resolve(Some(options.connect_timeout))
            .timeout_connect(Some(options.connect_timeout))
            .timeout_per_read(Some(options.read_timeout))
            .timeout_per_write(Some(options.read_timeout))
            .user_agent(concat!("catalog-gen/", env!("CARGO_PKG_VERSION")));
        Downloader {
            agent: config.build().into(),
            max_bytes: options.max_page_bytes,
            attempts: options.attempts.max(1),
            backoff: options.retry_backoff,
        }
    }

    /// The body of `url`, retrying transient failures.
    pub(crate) fn get(&self, url: &str) -> Result<Vec<u8>, FetchError> {
        let mut attempt = 1;
        loop {
            match self.get_once(url) {
                Ok(body) => return Ok(body),
                Err(failure) if failure.is_transient() && attempt < self.attempts => {
                    thread::sleep(self.delay_after(attempt));
                    attempt += 1;
                }
                Err(failure) => {
                    return Err(FetchError::Download {
                        url: url.to_owned(),
                        failure,
                        attempts: attempt,
                    });
                }
            }
        }
    }

    /// The wait after failed attempt `attempt` (1-based): the backoff, doubled each time.
    fn delay_after(&self, attempt: u32) -> Duration {
        let factor = 2u32.saturating_pow(attempt.saturating_sub(1));
        self.backoff.saturating_mul(factor).min(MAX_BACKOFF)
    }

    fn get_once(&self, url: &str) -> Result<Vec<u8>, DownloadFailure> {
        let mut response = self.agent.get(url).call().map_err(classify)?;
        let status = response.status().as_u16();
        if status != 200 {
            return Err(DownloadFailure::Status(status));
        }
        if let Some(encoding) = response.headers().get(CONTENT_ENCODING) {
            let encoding = String::from_utf8_lossy(encoding.as_bytes()).trim().to_owned();
            if !encoding.eq_ignore_ascii_case("identity") {
                return Err(DownloadFailure::ContentEncoding(encoding));
            }
        }
        if response
            .body()
            .content_length()
            .is_some_and(|length| length > self.max_bytes)
        {
            return Err(DownloadFailure::TooLarge(self.max_bytes));
        }
        response
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(classify)
    }
}

fn classify(error: ureq::Error) -> DownloadFailure {
    match error {
        ureq::Error::StatusCode(status) => DownloadFailure::Status(status),
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
        assert!(!DownloadFailure::TooLarge(10).is_transient());
        assert!(!DownloadFailure::ContentEncoding("gzip".into()).is_transient());
    }

    #[test]
    fn backoff_doubles_and_is_capped() {
        let mut options = FetchOptions::new("https://smartcar.com/docs/llms.txt", "out");
        options.retry_backoff = Duration::from_millis(100);
        options.attempts = 100;
        let downloader = Downloader::new(&options);
        let delays: Vec<Duration> = (1..=4).map(|attempt| downloader.delay_after(attempt)).collect();
        assert_eq!(delays, [100, 200, 400, 800].map(Duration::from_millis));
        assert_eq!(downloader.delay_after(90), MAX_BACKOFF);
    }
}
