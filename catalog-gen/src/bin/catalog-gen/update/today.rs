//! The date `update` records for what leaves the docs: given (`--date`), the day of
//! `SOURCE_DATE_EPOCH` (for reproducible runs), or today; always in UTC, written `YYYY-MM-DD`.

use smartcar_errors_shared::date;

use smartcar_errors_shared::text::escape;

/// The date to record: `given` (already checked), else the day `SOURCE_DATE_EPOCH` falls on,
/// else today. The error is escaped where `update` prints it.
pub fn date(given: Option<&str>) -> Result<String, String> {
    match given {
        Some(date) => Ok(date.to_owned()),
        None => date::today(),
    }
}

/// Reads `--date`: a real day written `YYYY-MM-DD`. The error is escaped here: clap prints
/// it.
pub fn parse(text: &str) -> Result<String, String> {
    if date::is_valid(text) {
        Ok(text.to_owned())
    } else {
        Err(format!("`{}` is not a date written YYYY-MM-DD", escape(text)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_given_date_wins_and_must_be_real() {
        assert_eq!(date(Some("2026-03-04")).as_deref(), Ok("2026-03-04"));
        assert_eq!(parse("2024-02-29").as_deref(), Ok("2024-02-29"));
        assert_eq!(
            parse("2026-02-30\u{1b}").unwrap_err(),
            r"`2026-02-30\u{1b}` is not a date written YYYY-MM-DD"
        );
    }
}
