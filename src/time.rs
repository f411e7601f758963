//! Time as the user writes it, and the clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::error::CliError;

/// English month names, lowercase: the language of most of the dates
/// pages print (see [`is_english_calendar_word`]).
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English weekday names, lowercase.
pub const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The time zones news pages print, lowercase.
pub const ZONES: [&str; 16] =
    ["gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct"];

/// Whether a lowercase word names an English month ("march", "mar",
/// "sept") or weekday ("thursday", "thu", "thurs"), in full or cut short
/// as pages print them.
pub fn is_english_calendar_word(w: &str) -> bool {
    MONTHS.iter().any(|m| w == *m || (w.len() >= 3 && m.starts_with(w)))
        || WEEKDAYS.iter().any(|d| w == *d || (w.len() == 3 && d.starts_with(w)))
        || matches!(w, "sept" | "tues" | "thur" | "thurs")
}

/// Parse `--at` style times: RFC 3339, or `YYYY-MM-DD[ HH:MM[:SS]]` (UTC).
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Ok(t.with_timezone(&Utc));
    }
    // Naive forms are UTC; a trailing Z or UTC says so explicitly.
    let naive = s.strip_suffix('Z').or_else(|| s.strip_suffix(" UTC")).unwrap_or(s).trim_end();
    for fmt in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(naive, fmt) {
            return Ok(t.and_utc());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(naive, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    }
    Err(format!("{s:?} is not a time: use RFC 3339 (2020-03-12T18:00:00Z) or YYYY-MM-DD [HH:MM[:SS]] in UTC"))
}

/// The current time, or `CLAIMTRAIL_NOW` when set: a fixed clock makes
/// recorded ids reproducible in tests and in scripted imports.
pub fn now() -> Result<DateTime<Utc>, CliError> {
    match std::env::var("CLAIMTRAIL_NOW") {
        Ok(s) if !s.is_empty() => parse_time(&s).map_err(|e| CliError::new(format!("invalid CLAIMTRAIL_NOW: {e}"))),
        _ => Ok(Utc::now()),
    }
}

/// A time as people read it in tables: `2020-03-12 18:00 UTC`.
pub fn human(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%d %H:%M UTC").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_of_time() {
        let t = |s: &str| parse_time(s).map(|t| t.to_rfc3339());
        assert_eq!(t("2020-03-12T18:00:00Z").unwrap(), "2020-03-12T18:00:00+00:00");
        assert_eq!(t("2020-03-12T20:00:00+02:00").unwrap(), "2020-03-12T18:00:00+00:00");
        assert_eq!(t("2020-03-12T18:00Z").unwrap(), "2020-03-12T18:00:00+00:00");
        assert_eq!(t("2020-03-12 18:00 UTC").unwrap(), "2020-03-12T18:00:00+00:00");
        assert_eq!(t("2020-03-12").unwrap(), "2020-03-12T00:00:00+00:00");
        assert!(t("yesterday").is_err());
        assert!(t("2020-13-01").is_err());
    }
}
