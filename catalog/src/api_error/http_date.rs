//! HTTP dates (RFC 9110, section 5.6.7), as `Retry-After` and `Date` carry them: the
//! preferred IMF-fixdate and the two obsolete forms every recipient must accept.
//!
//! ```text
//! Sun, 06 Nov 1994 08:49:37 GMT    IMF-fixdate
//! Sunday, 06-Nov-94 08:49:37 GMT   RFC 850 (two-digit year)
//! Sun Nov  6 08:49:37 1994         asctime
//! ```

use smartcar_errors_shared::date::{civil_from_days, days_from_civil};

/// Seconds in a day.
const DAY: i64 = 86_400;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const LONG_DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Seconds since the Unix epoch of the HTTP date `text`, or `None` when it is none of the
/// three forms or names no real time. `now` (seconds since the epoch, asked only for that)
/// places an RFC 850 two-digit year: one that would be more than 50 years ahead of `now` is in
/// the century before, as RFC 9110 says.
pub(crate) fn parse(text: &str, now: impl FnOnce() -> i64) -> Option<i64> {
    imf_fixdate(text)
        .or_else(|| rfc850(text, now))
        .or_else(|| asctime(text))
}

/// `Sun, 06 Nov 1994 08:49:37 GMT`
fn imf_fixdate(text: &str) -> Option<i64> {
    let (day_name, rest) = text.split_once(", ")?;
    let rest = rest.strip_suffix(" GMT")?;
    let [day, month, year, time] = fields::<4>(rest, ' ')?;
    DAYS.contains(&day_name).then_some(())?;
    let year = digits(year, 4)?;
    timestamp(year, month, digits(day, 2)?, time)
}

/// `Sunday, 06-Nov-94 08:49:37 GMT`
fn rfc850(text: &str, now: impl FnOnce() -> i64) -> Option<i64> {
    let (day_name, rest) = text.split_once(", ")?;
    let rest = rest.strip_suffix(" GMT")?;
    let [date, time] = fields::<2>(rest, ' ')?;
    let [day, month, year] = fields::<3>(date, '-')?;
    LONG_DAYS.contains(&day_name).then_some(())?;
    let two_digits = digits(year, 2)?;
    let (this_year, _, _) = civil_from_days(now().div_euclid(DAY));
    let mut year = this_year - this_year.rem_euclid(100) + two_digits;
    if year > this_year + 50 {
        year -= 100;
    } else if year + 100 <= this_year + 50 {
        year += 100;
    }
    timestamp(year, month, digits(day, 2)?, time)
}

/// `Sun Nov  6 08:49:37 1994` (a one-digit day is padded with a space)
fn asctime(text: &str) -> Option<i64> {
    let (day_name, rest) = text.split_once(' ')?;
    let (month, rest) = rest.split_once(' ')?;
    DAYS.contains(&day_name).then_some(())?;
    let (day, rest) = match rest.strip_prefix(' ') {
        Some(padded) => (padded.get(..1)?, padded.get(1..)?),
        None => (rest.get(..2)?, rest.get(2..)?),
    };
    let [time, year] = fields::<2>(rest.strip_prefix(' ')?, ' ')?;
    let day = digits(day, day.len())?;
    timestamp(digits(year, 4)?, month, day, time)
}

/// Exactly `N` pieces of `text` separated by `separator`.
fn fields<const N: usize>(text: &str, separator: char) -> Option<[&str; N]> {
    let mut pieces = text.split(separator);
    let fields = core::array::from_fn(|_| pieces.next().unwrap_or(""));
    (pieces.next().is_none() && fields.iter().all(|field| !field.is_empty())).then_some(fields)
}

/// The number written with exactly `len` ASCII digits.
fn digits(text: &str, len: usize) -> Option<i64> {
    if text.len() != len || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Seconds since the epoch of a checked date and `HH:MM:SS` time.
fn timestamp(year: i64, month: &str, day: i64, time: &str) -> Option<i64> {
    let month = MONTHS.iter().position(|name| *name == month)? + 1;
    let [hour, minute, second] = fields::<3>(time, ':')?;
    let (hour, minute, second) = (digits(hour, 2)?, digits(minute, 2)?, digits(second, 2)?);
    let month = month as i64;
    let days = days_from_civil(year, month, day);
    // A real day survives the round trip through its day number. Second 60 is a leap
    // second, which RFC 9110's grammar allows.
    if !(1..=31).contains(&day)
        || civil_from_days(days) != (year, month, day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    Some(days * DAY + hour * 3_600 + minute * 60 + second)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 2026-03-01T00:00:00Z
    const NOW: i64 = 1_772_323_200;

    #[test]
    fn the_three_forms_of_rfc_9110s_example() {
        // Sun, 06 Nov 1994 08:49:37 GMT is 784111777 (RFC 9110's own example).
        for text in [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ] {
            assert_eq!(parse(text, || NOW), Some(784_111_777), "{text}");
        }
        assert_eq!(parse("Thu, 01 Jan 1970 00:00:00 GMT", || NOW), Some(0));
        assert_eq!(
            parse("Wed, 21 Oct 2026 07:28:00 GMT", || NOW),
            Some(1_792_567_680)
        );
        assert_eq!(parse("Tue, 29 Feb 2000 23:59:60 GMT", || NOW), Some(951_868_800));
        assert_eq!(parse("Sat Dec 31 23:59:59 1969", || NOW), Some(-1));
        assert_eq!(parse("Mon Nov 16 08:49:37 1994", || NOW), Some(784_975_777));
    }

    #[test]
    fn two_digit_years_are_at_most_50_years_ahead() {
        let civil_year = |secs: i64| civil_from_days(secs.div_euclid(DAY)).0;
        assert_eq!(civil_year(NOW), 2026);
        let year = |yy: &str| {
            let secs = parse(&format!("Monday, 01-Jan-{yy} 00:00:00 GMT"), || NOW).unwrap();
            civil_year(secs)
        };
        assert_eq!(year("26"), 2026);
        assert_eq!(year("76"), 2076);
        assert_eq!(year("77"), 1977);
        assert_eq!(year("00"), 2000);
        assert_eq!(year("99"), 1999);
    }

    #[test]
    fn anything_else_is_no_date() {
        for text in [
            "",
            "30",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "sun, 06 Nov 1994 08:49:37 GMT",
            "Sun, 06 nov 1994 08:49:37 GMT",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun,  06 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 31 Nov 1994 08:49:37 GMT",
            "Sun, 29 Feb 1900 08:49:37 GMT",
            "Sun, 06 Nov +994 08:49:37 GMT",
            "Sunday, 06-Nov-1994 08:49:37 GMT",
            "Sun, 06-Nov-94 08:49:37 GMT",
            "Sun Nov 6 08:49:37 1994",
            "Sun Nov  6 08:49:37 1994 ",
            "Sun Nov 06 08:49:37 94",
            "Sun Nov  é 08:49:37 1994",
        ] {
            assert_eq!(parse(text, || NOW), None, "{text:?}");
        }
    }
}
