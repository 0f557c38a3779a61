//! Calendar days as the ledger of errors that left the docs records them: `YYYY-MM-DD`, in
//! the proleptic Gregorian calendar, UTC. Checked wherever a date enters (a flag, the ledger
//! file), because it reaches generated code.

/// Seconds in a day.
const DAY: i64 = 86_400;

/// Whether `text` is a real day written `YYYY-MM-DD`, from `0001-01-01` to `9999-12-31`:
/// `2024-02-29` is; `2023-02-29`, `2024-2-9` and `2024-02-29T00` are not.
///
/// ```
/// use smartcar_errors_shared::date::is_valid;
///
/// assert!(is_valid("2024-02-29"));
/// assert!(!is_valid("2023-02-29"));
/// ```
pub fn is_valid(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return false;
    }
    let number = |range: core::ops::Range<usize>| -> i64 {
        bytes[range].iter().fold(0, |n, b| n * 10 + i64::from(b - b'0'))
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    // A real day survives the round trip through its day number.
    year >= 1
        && (1..=12).contains(&month)
        && (1..=31).contains(&day)
        && civil_from_days(days_from_civil(year, month, day)) == (year, month, day)
}

/// The variable reproducible builds set to the time to use, in seconds since 1970.
const SOURCE_DATE_EPOCH: &str = "SOURCE_DATE_EPOCH";

/// The day to record as today, in UTC: the day `SOURCE_DATE_EPOCH` falls on when it is set
/// (for reproducible runs), else today. The error says what is wrong with the variable.
pub fn today() -> Result<String, String> {
    let seconds = match std::env::var_os(SOURCE_DATE_EPOCH) {
        Some(value) => {
            let text = value.to_string_lossy();
            text.parse::<i64>().map_err(|_| {
                format!("{SOURCE_DATE_EPOCH} is `{text}`, not a count of seconds since 1970-01-01")
            })?
        }
        None => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |elapsed| i64::try_from(elapsed.as_secs()).unwrap_or(i64::MAX)),
    };
    from_unix_seconds(seconds)
        .ok_or_else(|| format!("{SOURCE_DATE_EPOCH} is {seconds}, outside the years 1 to 9999"))
}

/// The day, written `YYYY-MM-DD`, of the UTC time `seconds` after 1970-01-01T00:00:00Z;
/// `None` outside the years 1 to 9999.
///
/// ```
/// use smartcar_errors_shared::date::from_unix_seconds;
///
/// assert_eq!(from_unix_seconds(0).as_deref(), Some("1970-01-01"));
/// assert_eq!(from_unix_seconds(1_709_164_799).as_deref(), Some("2024-02-28"));
/// ```
pub fn from_unix_seconds(seconds: i64) -> Option<String> {
    let (year, month, day) = civil_from_days(seconds.div_euclid(DAY));
    (1..=9999)
        .contains(&year)
        .then(|| format!("{year:04}-{month:02}-{day:02}"))
}

/// The (year, month, day) of day `days` since 1970-01-01, in the proleptic Gregorian calendar
/// (Howard Hinnant's `civil_from_days`).
///
/// ```
/// use smartcar_errors_shared::date::civil_from_days;
///
/// assert_eq!(civil_from_days(0), (1970, 1, 1));
/// assert_eq!(civil_from_days(-1), (1969, 12, 31));
/// ```
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The day number since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard
/// Hinnant's `days_from_civil`); the inverse of [`civil_from_days`] for real dates.
///
/// ```
/// use smartcar_errors_shared::date::days_from_civil;
///
/// assert_eq!(days_from_civil(1970, 1, 1), 0);
/// assert_eq!(days_from_civil(2024, 2, 29), 19_782);
/// ```
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_real_dates_in_the_one_form_are_valid() {
        for valid in [
            "2026-11-29",
            "2024-02-29",
            "2000-02-29",
            "0001-01-01",
            "9999-12-31",
        ] {
            assert!(is_valid(valid), "{valid}");
        }
        for invalid in [
            "2023-02-29",
            "1900-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-01-00",
            "0000-01-01",
            "2026-1-01",
            "2026-01-1",
            "26-01-01",
            "2026/01/01",
            "+026-01-01",
            "2026-01-01T00:00",
            "2026-01-01\n",
            "２０２６-01-01",
            "",
        ] {
            assert!(!is_valid(invalid), "{invalid:?}");
        }
    }

    #[test]
    fn days_become_dates_and_back() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(from_unix_seconds(-1).as_deref(), Some("1969-12-31"));
        assert_eq!(from_unix_seconds(253_402_300_800), None);
        assert_eq!(from_unix_seconds(i64::MIN / 2), None);
    }
}
