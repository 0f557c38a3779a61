//! Downloading one URL: redirects kept on the index's origin, a deadline for the whole request,
//! size limits for one body and for the whole fetch, no content encoding, and retries with
//! exponential backoff on failures that may not happen again.

use std::io;
use std::thread;
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::header::{CONTENT_ENCODING, LOCATION};
use ureq::http::{HeaderMap, Response};

use super::DownloadArgs;
use crate::docs_index::HttpUrl;

/// The longest wait between two attempts, however many attempts are allowed.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The most redirects followed for one request.
pub const MAX_REDIRECTS: u32 = 5;

/// Why one try failed, as the error names it after the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Failure {
    /// Trying again may succeed: connection problems, timeouts of one phase, HTTP 5xx and 429.
    Transient(String),
    /// Another try would meet it again. A request that ran out of its whole deadline is one:
    /// a server that slow would only keep the run alive longer.
    Lasting(String),
}

impl Failure {
    fn status(status: u16) -> Failure {
        let reason = format!("HTTP status {status}");
        if status == 429 || (500..600).contains(&status) {
            Failure::Transient(reason)
        } else {
            Failure::Lasting(reason)
        }
    }

    fn deadline(deadline: Duration) -> Failure {
        let seconds = deadline.as_secs();
        Failure::Lasting(format!(
            "no complete response within the {seconds}-second deadline"
        ))
    }

    /// What `error` means for a request that had `deadline` to complete.
    fn from_ureq(error: ureq::Error, deadline: Duration) -> Failure {
        let reason = match error {
            ureq::Error::Timeout(ureq::Timeout::Global) => return Failure::deadline(deadline),
            ureq::Error::Timeout(phase) => format!("timed out ({phase})"),
            ureq::Error::Io(error)
                if matches!(error.kind(), io::ErrorKind::TimedOut | io::ErrorKind::WouldBlock) =>
            {
                format!("timed out ({error})")
            }
            ureq::Error::Io(error) => format!("connection failed: {error}"),
            ureq::Error::HostNotFound => "connection failed: host not found".to_owned(),
            ureq::Error::ConnectionFailed => "connection failed: no connection".to_owned(),
            ureq::Error::Protocol(error) => format!("invalid HTTP response: {error}"),
            other => return Failure::Lasting(other.to_string()),
        };
        Failure::Transient(reason)
    }
}

/// Downloads URLs of one fetch with its limits and retries.
pub struct Downloader<'a> {
    agent: Agent,
    /// The index's URL: redirects may not leave its origin.
    index: &'a HttpUrl,
    limits: &'a DownloadArgs,
    deadline: Duration,
    /// What is left of `max_total_bytes` after the bodies downloaded so far.
    total_left: u64,
}

impl<'a> Downloader<'a> {
    /// A downloader for the fetch of `index` within `limits`.
    pub fn new(limits: &'a DownloadArgs, index: &'a HttpUrl) -> Downloader<'a> {
        let timeout = Some(Duration::from_secs(limits.timeout_secs));
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_resolve(timeout)
            .timeout_connect(timeout)
            .timeout_per_read(timeout)
            .timeout_per_write(timeout)
            .user_agent(concat!("catalog-gen/", env!("CARGO_PKG_VERSION")));
        Downloader {
            agent: config.build().into(),
            index,
            limits,
            deadline: Duration::from_secs(limits.deadline_secs),
            total_left: limits.max_total_bytes,
        }
    }

    /// The body of `url`, retrying transient failures.
    pub fn get(&mut self, url: &HttpUrl) -> Result<Vec<u8>, String> {
        let mut attempt = 1;
        let mut backoff = Duration::from_millis(self.limits.retry_backoff_ms);
        loop {
            match self.get_once(url) {
                Ok(body) => return Ok(body),
                Err(Failure::Transient(_)) if attempt < self.limits.attempts => {
                    thread::sleep(backoff.min(MAX_BACKOFF));
                    backoff = backoff.saturating_mul(2);
                    attempt += 1;
                }
                Err(Failure::Transient(reason) | Failure::Lasting(reason)) => {
                    let after = match attempt {
                        1 => String::new(),
                        n => format!(" (after {n} attempts)"),
                    };
                    return Err(format!("cannot fetch {url}: {reason}{after}"));
                }
            }
        }
    }

    /// One try: the request and its redirects, all within one deadline and on the index's
    /// origin.
    fn get_once(&mut self, url: &HttpUrl) -> Result<Vec<u8>, Failure> {
        let deadline = Instant::now() + self.deadline;
        let mut current = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Failure::deadline(self.deadline));
            }
            let mut response = self
                .agent
                .get(current.to_string())
                .config()
                .timeout_global(Some(left))
                .build()
                .call()
                .map_err(|error| Failure::from_ureq(error, self.deadline))?;
            match response.status().as_u16() {
                200 => return self.read_body(&mut response),
                301 | 302 | 303 | 307 | 308 => {}
                status => return Err(Failure::status(status)),
            }
            let location = response
                .headers()
                .get(LOCATION)
                .ok_or_else(|| Failure::Lasting("unusable redirect: no Location header".to_owned()))?;
            let location = String::from_utf8_lossy(location.as_bytes());
            current = current.join(&location).map_err(|reason| {
                Failure::Lasting(format!("unusable redirect: Location {location:?}: {reason}"))
            })?;
            if !self.index.same_origin(&current) {
                let refused = format!("redirect to another origin refused: {current}");
                return Err(Failure::Lasting(refused));
            }
        }
        Err(Failure::Lasting(format!("more than {MAX_REDIRECTS} redirects")))
    }

    /// The body of a 200 response, within the limits for one body and for the whole fetch.
    fn read_body(&mut self, response: &mut Response<ureq::Body>) -> Result<Vec<u8>, Failure> {
        check_content_encoding(response.headers())?;
        let (total_left, max_page) = (self.total_left, self.limits.max_page_bytes);
        let body = response.body_mut().with_config().limit(max_page.min(total_left));
        let body = body.read_to_vec().map_err(|error| match error {
            ureq::Error::BodyExceedsLimit(_) if total_left < max_page => {
                let max_total = self.limits.max_total_bytes;
                Failure::Lasting(format!("the index and pages together exceed {max_total} bytes"))
            }
            ureq::Error::BodyExceedsLimit(_) => {
                Failure::Lasting(format!("body larger than {max_page} bytes"))
            }
            error => Failure::from_ureq(error, self.deadline),
        })?;
        self.total_left = total_left.saturating_sub(body.len() as u64);
        Ok(body)
    }
}

/// Refuses a body with any content coding but `identity`, in any of the `Content-Encoding`
/// headers, each a comma-separated list (empty elements are ignored, as RFC 9110 asks).
fn check_content_encoding(headers: &HeaderMap) -> Result<(), Failure> {
    let values = headers.get_all(CONTENT_ENCODING).iter();
    let codings = values.flat_map(|value| value.as_bytes().split(|&byte| byte == b','));
    for coding in codings.map(<[u8]>::trim_ascii) {
        if !coding.is_empty() && !coding.eq_ignore_ascii_case(b"identity") {
            let coding = String::from_utf8_lossy(coding);
            return Err(Failure::Lasting(format!(
                "unsupported content encoding {coding:?}"
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ureq::http::HeaderValue;

    use super::*;

    #[test]
    fn every_content_encoding_header_counts() {
        let headers = |values: &[&'static str]| {
            let mut headers = HeaderMap::new();
            for value in values {
                headers.append(CONTENT_ENCODING, HeaderValue::from_static(value));
            }
            headers
        };
        assert_eq!(check_content_encoding(&headers(&[])), Ok(()));
        assert_eq!(
            check_content_encoding(&headers(&["identity", "IDENTITY", ", identity ,"])),
            Ok(())
        );
        for (values, refused) in [
            (&["identity", "gzip"][..], "gzip"),
            (&["identity, br"][..], "br"),
            (&[" , x-gzip"][..], "x-gzip"),
            (&["deflate", "identity"][..], "deflate"),
        ] {
            assert_eq!(
                check_content_encoding(&headers(values)),
                Err(Failure::Lasting(format!(
                    "unsupported content encoding {refused:?}"
                ))),
                "{values:?}"
            );
        }
    }

    #[test]
    fn retries_only_what_may_change() {
        for status in [429, 500, 502, 503, 599] {
            assert!(
                matches!(Failure::status(status), Failure::Transient(_)),
                "{status}"
            );
        }
        for status in [301, 400, 401, 403, 404, 410, 600] {
            assert!(matches!(Failure::status(status), Failure::Lasting(_)), "{status}");
        }
        let deadline = Duration::from_secs(60);
        let failure = |error| Failure::from_ureq(error, deadline);
        assert_eq!(
            failure(ureq::Error::Timeout(ureq::Timeout::PerRead)),
            Failure::Transient("timed out (per read)".to_owned())
        );
        assert_eq!(
            failure(ureq::Error::Io(io::Error::from(io::ErrorKind::ConnectionReset))),
            Failure::Transient("connection failed: connection reset".to_owned())
        );
        assert_eq!(
            failure(ureq::Error::Timeout(ureq::Timeout::Global)),
            Failure::Lasting("no complete response within the 60-second deadline".to_owned())
        );
        assert!(matches!(
            failure(ureq::Error::BodyExceedsLimit(10)),
            Failure::Lasting(_)
        ));
    }
}
