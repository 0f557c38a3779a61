//! The response headers that complete an error: `SC-Request-Id`, `Retry-After` and the
//! `Date` a `Retry-After` date is counted from.

use core::time::Duration;
use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use super::http_date;

/// What a response's headers say of its error. Names are matched in any case; of a header
/// sent twice, the first counts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ErrorHeaders<'a> {
    /// `SC-Request-Id`, trimmed: borrowed from headers that outlive the error's reading.
    pub request_id: Option<Cow<'a, str>>,
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

/// A header that matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Header {
    RequestId,
    RetryAfter,
    Date,
}

impl Header {
    fn named(name: &str) -> Option<Header> {
        [
            ("sc-request-id", Header::RequestId),
            ("retry-after", Header::RetryAfter),
            ("date", Header::Date),
        ]
        .into_iter()
        .find_map(|(known, header)| name.eq_ignore_ascii_case(known).then_some(header))
    }
}

impl<'a> ErrorHeaders<'a> {
    /// Reads the headers that matter from `headers`; `SC-Request-Id` only with
    /// `request_id`, so that an error whose body has its own copies none.
    pub(crate) fn read<K, V>(headers: impl IntoIterator<Item = (K, V)>, request_id: bool) -> ErrorHeaders<'a>
    where
        K: AsRef<str>,
        V: AsRef<[u8]>,
    {
        let mut read = ErrorHeaders::default();
        for (name, value) in headers {
            match Header::named(name.as_ref()) {
                Some(Header::RequestId) if !request_id => {}
                Some(header) => read.take(header, &String::from_utf8_lossy(value.as_ref()), own),
                None => {}
            }
        }
        read
    }

    /// Takes `value` for `name` if it is a header that matters and not seen yet.
    pub(crate) fn add(&mut self, name: &str, value: &'a str) {
        if let Some(header) = Header::named(name) {
            self.take(header, value, Cow::Borrowed);
        }
    }

    /// [`add`](Self::add), for a value that does not outlive the call.
    pub(crate) fn add_copy(&mut self, name: &str, value: &str) {
        if let Some(header) = Header::named(name) {
            self.take(header, value, own);
        }
    }

    /// Takes `value` for `header` if not seen yet; `keep` keeps the request id.
    fn take<'v>(&mut self, header: Header, value: &'v str, keep: impl FnOnce(&'v str) -> Cow<'a, str>) {
        let value = value.trim();
        match header {
            Header::RequestId => {
                self.request_id.get_or_insert_with(|| keep(value));
            }
            Header::RetryAfter => {
                self.retry_after.get_or_insert_with(|| RetryAfter::read(value));
            }
            Header::Date => {
                self.date.get_or_insert_with(|| http_date::parse(value, now));
            }
        }
    }

    /// Fills in the request id and the date that `self` lacks from `batch`: the headers of
    /// the batch response around an item. (A `Retry-After` of the batch is not the item's.)
    pub(crate) fn within<'b>(self, batch: &'b ErrorHeaders<'_>) -> ErrorHeaders<'b>
    where
        'a: 'b,
    {
        ErrorHeaders {
            request_id: (self.request_id).or_else(|| batch.request_id.as_deref().map(Cow::Borrowed)),
            date: self.date.or(batch.date),
            retry_after: self.retry_after,
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

/// A copy of a request id.
fn own<'a>(id: &str) -> Cow<'a, str> {
    Cow::Owned(id.to_owned())
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
        ErrorHeaders::read(headers.iter().copied(), true).retry_after()
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
        let headers = [
            ("SC-REQUEST-ID", b" a\xffb ".as_slice()),
            ("sc-request-id", b"second".as_slice()),
        ];
        let read = ErrorHeaders::read(headers, true);
        assert_eq!(read.request_id.as_deref(), Some("a\u{FFFD}b"));
        assert_eq!(ErrorHeaders::read(headers, false).request_id, None);
    }
}
