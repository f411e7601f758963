//! Time as the user writes it, and the clock.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::error::CliError;

/// English month names, lowercase: the language of most of the dates
/// pages print (see [`is_english_calendar_word`]).
const MONTHS: [&str; 12] = [
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
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The time zones news pages print, lowercase.
pub const ZONES: [&str; 16] =
    ["gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "pt", "ct"];

/// Whether a lowercase word names an English month ("march", "mar",
/// "sept") or weekday ("thursday", "thu", "thurs"), in full or cut short
/// as pages print them.
pub fn is_english_calendar_word(w: &str) -> bool {
    is_english_month(w) || is_english_weekday(w)
}

/// Whether a lowercase word names an English month, in full or cut short
/// ("mar", "sept").
pub fn is_english_month(w: &str) -> bool {
    MONTHS.iter().any(|m| w == *m || (w.len() >= 3 && m.starts_with(w))) || w == "sept"
}

fn is_english_weekday(w: &str) -> bool {
    WEEKDAYS.iter().any(|d| w == *d || (w.len() == 3 && d.starts_with(w))) || matches!(w, "tues" | "thur" | "thurs")
}

/// Words that say a line is a page stamp ("Updated …").
pub const LEADS: [&str; 8] = ["updated", "update", "modified", "published", "posted", "edited", "last", "first"];

/// What one word of a date line is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// "updated", "published", "last": the line says it is a page stamp.
    Lead,
    /// "on", "at", "the", a weekday, "am", a time zone: neutral.
    Filler,
    /// A month name or a year: part of a date.
    Date,
    /// A year (4 digits, 1990 to 2099).
    Year,
    /// A full date in digits: 2020-03-03, 3/3/2020.
    FullDate,
    /// A clock time: 10:42, 10.42, 3pm.
    Clock,
    /// A small number: a day of the month or an hour.
    Small,
    /// "2 hours ago".
    Relative,
}

fn word(w: &str) -> Option<Word> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let w =
        w.strip_suffix("a.m.").or_else(|| w.strip_suffix("p.m.")).map_or(w, |s| if s.is_empty() { "am" } else { s });
    if LEADS.contains(&w) {
        return Some(Word::Lead);
    }
    if ["on", "at", "the", "of", "am", "pm", "a.m", "p.m"].contains(&w) || ZONES.contains(&w) || is_english_weekday(w) {
        return Some(Word::Filler);
    }
    if is_english_month(w) {
        return Some(Word::Date);
    }
    if ["ago", "hours", "hour", "minutes", "minute", "mins", "min", "hrs", "yesterday", "today", "just", "now"]
        .contains(&w)
    {
        return Some(Word::Relative);
    }
    if digits(w) {
        return match w.len() {
            1 | 2 if w.parse::<u32>().is_ok_and(|n| n <= 31) => Some(Word::Small),
            4 if w.parse::<u32>().is_ok_and(|y| (1990..2100).contains(&y)) => Some(Word::Year),
            _ => None,
        };
    }
    let day = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if ["st", "nd", "rd", "th"].contains(&&w[day.len()..]) && digits(day) && day.len() <= 2 {
        return Some(Word::Small);
    }
    // A clock time: h:mm, h.mm or h:mm:ss, perhaps with am/pm glued on.
    let clock = w.trim_end_matches("am").trim_end_matches("pm");
    let parts: Vec<&str> = clock.split([':', '.']).collect();
    if (clock.len() < w.len() && digits(clock) && clock.len() <= 2)
        || (parts.len() >= 2 && parts.len() <= 3 && parts.iter().all(|p| digits(p) && p.len() <= 2))
    {
        return Some(Word::Clock);
    }
    // 2020-03-03 (perhaps with a time), 3/3/2020.
    let date = w.split('t').next().unwrap_or(w);
    let fields: Vec<&str> = date.split(['-', '/']).collect();
    if fields.len() == 3 && fields.iter().all(|f| digits(f)) && fields.iter().any(|f| f.len() == 4 || f.len() == 2) {
        return Some(Word::FullDate);
    }
    None
}

/// A short paragraph that provably only says when the page was stamped:
/// "Updated: 10:42 GMT, 3 March", "Last modified on Tue 3 Mar 2020 10.42",
/// "Published 2 hours ago", or a complete date with its year. Every word
/// must be part of the date; figures such as "1,200" and an unstamped
/// "Monday 3 pm" are content, never noise: a false "noise" loses a real
/// change, a false "change" only costs a revision.
pub fn is_timestamp_line(p: &str) -> bool {
    let words: Vec<String> = p
        .split(|c: char| c.is_whitespace() || c == '|' || c == '\u{b7}' || c == '\u{2022}')
        .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.'))
        .map(|w| w.trim_end_matches([',', ':', ';']))
        .map(|w| if w.ends_with('.') && !w.ends_with("m.") { &w[..w.len() - 1] } else { w })
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    let Some(kinds) = words.iter().map(|w| word(w)).collect::<Option<Vec<Word>>>() else {
        return false;
    };
    let has = |k: Word| kinds.contains(&k);
    let led = kinds[0] == Word::Lead;
    let relative = has(Word::Relative) && (has(Word::Small) || words.iter().any(|w| w == "yesterday" || w == "today"));
    let when = has(Word::Clock) || has(Word::Date) || has(Word::Year) || has(Word::FullDate) || relative;
    let full_date = has(Word::FullDate) || (has(Word::Date) && has(Word::Year) && has(Word::Small));
    (led && when) || full_date
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

    #[test]
    fn timestamp_lines() {
        assert!(is_timestamp_line("Updated: 10:42 GMT, 3 March 2020"));
        assert!(is_timestamp_line("Last modified on Tue 3 Mar 2020 10.42 GMT"));
        assert!(is_timestamp_line("Published 2 hours ago"));
        assert!(!is_timestamp_line("Two firefighters were treated on 3 March."));
        assert!(!is_timestamp_line("Updated figures show 12 deaths"));
        assert!(is_timestamp_line("Tue 3 Mar 2020 10:42 GMT"));
        assert!(is_timestamp_line("Updated 3:15pm ET, Monday"));
        assert!(is_timestamp_line("Posted: 2026-01-06T21:30Z"));
        assert!(is_timestamp_line("Updated at 1:23 p.m."));
    }

    #[test]
    fn figures_and_unstamped_times_are_content() {
        // Issue 12 item 9: these were classed as timestamp lines.
        assert!(!is_timestamp_line("1,200"));
        assert!(!is_timestamp_line("12,000"));
        assert!(!is_timestamp_line("Monday 3 pm"));
        assert!(!is_timestamp_line("Friday 9 am"));
        assert!(!is_timestamp_line("On Monday at 3 pm"));
        assert!(!is_timestamp_line("Updated 1,200"));
    }
}
