//! The response headers that complete an error: `SC-Request-Id`, `Retry-After` and the
//! `Date` a `Retry-After` date is counted from.

use core::time::Duration;
use std::time::{SystemTime, UNIX_EPOCH};

use super::http_date;

/// What a response's headers say of its error. Names are matched in any case; of a header
/// sent twice, the first counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ErrorHeaders {
    /// `SC-Request-Id`, trimmed.
    pub request_id: Option<String>,
    /// `Retry-After`, read.
    retry_after: Option<RetryAfter>,
    /// `Date`, in seconds since the epoch (`None` inside when it is no HTTP date).
    date: Option<Option<i64>>,
}

/// A `Retry-After` value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RetryAfter {
    /// A delay in seconds.
    Seconds(u64),
    /// An HTTP date, in seconds since the epoch.
    At(i64),
    /// Neither.
    Invalid,
}

impl ErrorHeaders {
    /// Reads the headers that matter from `headers`.
    pub(crate) fn read<K, V>(headers: impl IntoIterator<Item = (K, V)>) -> ErrorHeaders
    where
        K: AsRef<str>,
        V: AsRef<[u8]>,
    {
        let mut read = ErrorHeaders::default();
        for (name, value) in headers {
            read.add(name.as_ref(), value.as_ref());
        }
        read
    }

    /// Takes `value` for `name` if it is a header that matters and not seen yet.
    pub(crate) fn add(&mut self, name: &str, value: &[u8]) {
        let text = || String::from_utf8_lossy(value);
        if name.eq_ignore_ascii_case("sc-request-id") {
            self.request_id.get_or_insert_with(|| text().trim().to_owned());
        } else if name.eq_ignore_ascii_case("retry-after") {
            self.retry_after
                .get_or_insert_with(|| RetryAfter::read(text().trim()));
        } else if name.eq_ignore_ascii_case("date") {
            self.date
                .get_or_insert_with(|| http_date::parse(text().trim(), now));
        }
    }

    /// Fills in the request id and the date that `self` lacks from `batch`: the headers of
    /// the batch response around an item. (A `Retry-After` of the batch is not the item's.)
    pub(crate) fn within(self, batch: &ErrorHeaders) -> ErrorHeaders {
        ErrorHeaders {
            request_id: self.request_id.or_else(|| batch.request_id.clone()),
            date: self.date.or(batch.date),
            ..self
        }
    }

    /// The wait `Retry-After` asks for: its delay in seconds, or the time from the response's
    /// `Date` (when it has a valid one, else from now) to its HTTP date; zero for a date in the
    /// past. `None` when the header is absent or neither form.
    pub(crate) fn retry_after(&self) -> Option<Duration> {
        match self.retry_after? {
            RetryAfter::Seconds(seconds) => Some(Duration::from_secs(seconds)),
            RetryAfter::At(at) => {
                let from = self.date.flatten().unwrap_or_else(now);
                Some(Duration::from_secs(at.saturating_sub(from).max(0).unsigned_abs()))
            }
            RetryAfter::Invalid => None,
        }
    }
}

impl RetryAfter {
    fn read(value: &str) -> RetryAfter {
        if !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()) {
            // More digits than u64 holds: longer than any wait worth honoring exactly.
            return RetryAfter::Seconds(value.parse().unwrap_or(u64::MAX));
        }
        http_date::parse(value, now).map_or(RetryAfter::Invalid, RetryAfter::At)
    }
}

/// Seconds since the epoch now (negative before 1970, on a clock set that way).
fn now() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_secs()).map_or(i64::MIN, |secs| -secs),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait(headers: &[(&str, &str)]) -> Option<Duration> {
        ErrorHeaders::read(headers.iter().copied()).retry_after()
    }

    #[test]
    fn delay_seconds_or_a_date_counted_from_the_responses_date() {
        assert_eq!(wait(&[("Retry-After", " 120 ")]), Some(Duration::from_secs(120)));
        assert_eq!(
            wait(&[("retry-after", "99999999999999999999999")]),
            Some(Duration::from_secs(u64::MAX))
        );
        let date = ("Date", "Wed, 21 Oct 2026 07:27:30 GMT");
        assert_eq!(
            wait(&[("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT"), date]),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            wait(&[date, ("Retry-After", "Wednesday, 21-Oct-26 07:27:00 GMT")]),
            Some(Duration::ZERO)
        );
        // Without a (valid) Date, from now: a date long past is no wait at all.
        assert_eq!(
            wait(&[("Retry-After", "Sun Nov  6 08:49:37 1994"), ("Date", "yesterday")]),
            Some(Duration::ZERO)
        );
        for value in ["", "-1", "1.5", "soon", "30s"] {
            assert_eq!(wait(&[("Retry-After", value)]), None, "{value:?}");
        }
    }

    #[test]
    fn the_first_of_repeated_headers_counts_and_bytes_may_be_anything() {
        let read = ErrorHeaders::read([
            ("SC-REQUEST-ID", b"a\xffb".as_slice()),
            ("sc-request-id", b"second".as_slice()),
        ]);
        assert_eq!(read.request_id.as_deref(), Some("a\u{FFFD}b"));
    }
}
