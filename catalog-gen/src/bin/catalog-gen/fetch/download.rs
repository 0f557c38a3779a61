//! Downloading one URL: redirects kept on the index's origin, a deadline for the whole request,
//! size limits for one body and for the whole fetch, no content encoding, and retries with
//! exponential backoff on failures that may not happen again.

use std::cell::Cell;
use std::thread;
use std::time::{Duration, Instant};

use ureq::Agent;
use ureq::http::header::{CONTENT_ENCODING, LOCATION};
use ureq::http::{HeaderMap, Response};

use super::failure::DownloadFailure;
use super::{FetchError, FetchOptions};
use crate::docs_index::HttpUrl;

/// The longest wait between two attempts, however many attempts are allowed.
const MAX_BACKOFF: Duration = Duration::from_secs(60);

/// The most redirects followed for one request.
pub const MAX_REDIRECTS: u32 = 5;

/// Downloads URLs of one fetch with its limits and retries.
pub struct Downloader {
    agent: Agent,
    /// The index's URL: redirects may not leave its origin.
    index: HttpUrl,
    deadline: Duration,
    max_page_bytes: u64,
    max_total_bytes: u64,
    /// What is left of `max_total_bytes` after the bodies downloaded so far.
    total_left: Cell<u64>,
    attempts: u32,
    backoff: Duration,
}

impl Downloader {
    /// A downloader for the fetch of `index` with `options`.
    pub fn new(options: &FetchOptions, index: &HttpUrl) -> Downloader {
        let config = Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_resolve(Some(options.connect_timeout))
            .timeout_connect(Some(options.connect_timeout))
            .timeout_per_read(Some(options.read_timeout))
            .timeout_per_write(Some(options.read_timeout))
            .user_agent(concat!("catalog-gen/", env!("CARGO_PKG_VERSION")));
        Downloader {
            agent: config.build().into(),
            index: index.clone(),
            deadline: options.deadline,
            max_page_bytes: options.max_page_bytes,
            max_total_bytes: options.max_total_bytes,
            total_left: Cell::new(options.max_total_bytes),
            attempts: options.attempts.max(1),
            backoff: options.retry_backoff,
        }
    }

    /// The body of `url`, retrying transient failures.
    pub fn get(&self, url: &HttpUrl) -> Result<Vec<u8>, FetchError> {
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
                        url: url.to_string(),
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

    /// One try: the request and its redirects, all within one deadline.
    fn get_once(&self, url: &HttpUrl) -> Result<Vec<u8>, DownloadFailure> {
        let deadline = Instant::now() + self.deadline;
        let mut current = url.clone();
        for _ in 0..=MAX_REDIRECTS {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(DownloadFailure::Deadline(self.deadline));
            }
            let mut response = self
                .agent
                .get(current.to_string())
                .config()
                .timeout_global(Some(left))
                .build()
                .call()
                .map_err(|error| DownloadFailure::from_ureq(error, self.deadline))?;
            match response.status().as_u16() {
                200 => return self.read_body(&mut response),
                301 | 302 | 303 | 307 | 308 => current = self.redirect_target(&current, &response)?,
                status => return Err(DownloadFailure::Status(status)),
            }
        }
        Err(DownloadFailure::TooManyRedirects(MAX_REDIRECTS))
    }

    /// Where a redirect from `current` leads, if that stays on the index's origin.
    fn redirect_target(
        &self,
        current: &HttpUrl,
        response: &Response<ureq::Body>,
    ) -> Result<HttpUrl, DownloadFailure> {
        let location = response
            .headers()
            .get(LOCATION)
            .ok_or_else(|| DownloadFailure::BadRedirect("no Location header".to_owned()))?;
        let location = String::from_utf8_lossy(location.as_bytes());
        let target = current
            .join(&location)
            .map_err(|reason| DownloadFailure::BadRedirect(format!("Location {location:?}: {reason}")))?;
        if !self.index.same_origin(&target) {
            return Err(DownloadFailure::RedirectElsewhere(target.to_string()));
        }
        Ok(target)
    }

    /// The body of a 200 response, within the limits for one body and for the whole fetch.
    fn read_body(&self, response: &mut Response<ureq::Body>) -> Result<Vec<u8>, DownloadFailure> {
        check_content_encoding(response.headers())?;
        let total_left = self.total_left.get();
        let limit = self.max_page_bytes.min(total_left);
        let too_large = || {
            if total_left < self.max_page_bytes {
                DownloadFailure::TotalTooLarge(self.max_total_bytes)
            } else {
                DownloadFailure::TooLarge(self.max_page_bytes)
            }
        };
        if response
            .body()
            .content_length()
            .is_some_and(|length| length > limit)
        {
            return Err(too_large());
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(limit)
            .read_to_vec()
            .map_err(|error| match error {
                ureq::Error::BodyExceedsLimit(_) => too_large(),
                error => DownloadFailure::from_ureq(error, self.deadline),
            })?;
        let length = u64::try_from(body.len()).unwrap_or(u64::MAX);
        self.total_left.set(total_left.saturating_sub(length));
        Ok(body)
    }
}

/// Refuses a body with any content coding but `identity`, in any of the `Content-Encoding`
/// headers, each a comma-separated list (empty elements are ignored, as RFC 9110 asks).
fn check_content_encoding(headers: &HeaderMap) -> Result<(), DownloadFailure> {
    for value in headers.get_all(CONTENT_ENCODING) {
        let value = String::from_utf8_lossy(value.as_bytes());
        let codings = value
            .split(',')
            .map(str::trim)
            .filter(|coding| !coding.is_empty());
        for coding in codings {
            if !coding.eq_ignore_ascii_case("identity") {
                return Err(DownloadFailure::ContentEncoding(coding.to_owned()));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use ureq::http::HeaderValue;

    use super::*;

    #[test]
    fn backoff_doubles_and_is_capped() {
        let mut options = FetchOptions::new("https://smartcar.com/docs/llms.txt", "out");
        options.retry_backoff = Duration::from_millis(100);
        options.attempts = 100;
        let index = HttpUrl::parse(&options.index_url).unwrap();
        let downloader = Downloader::new(&options, &index);
        let delays: Vec<Duration> = (1..=4).map(|attempt| downloader.delay_after(attempt)).collect();
        assert_eq!(delays, [100, 200, 400, 800].map(Duration::from_millis));
        assert_eq!(downloader.delay_after(90), MAX_BACKOFF);
    }

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
                Err(DownloadFailure::ContentEncoding(refused.to_owned())),
                "{values:?}"
            );
        }
    }
}
