//! Telling noise from news: a capture whose article text differs from the
//! last revision only in timestamp lines ("Updated 10:42 GMT") is a check,
//! not a revision. White space never gets this far (the text is normalised)
//! and page furniture is left out by the HTML reader.

use crate::time::{WEEKDAYS, ZONES, is_english_calendar_word};

/// Why a changed text is still not a new revision.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Noise {
    /// Only timestamp or "updated" lines changed.
    Timestamps,
}

impl Noise {
    pub fn describe(self) -> &'static str {
        match self {
            Noise::Timestamps => "only timestamp lines changed",
        }
    }
}

/// Classify the change from `old` to `new` (normalised texts), if it is
/// noise.
pub fn classify(old: &str, new: &str) -> Option<Noise> {
    let keep =
        |t: &str| -> Vec<String> { t.split("\n\n").filter(|p| !is_timestamp_line(p)).map(str::to_string).collect() };
    (old != new && keep(old) == keep(new)).then_some(Noise::Timestamps)
}

const LEADS: [&str; 8] = ["updated", "update", "modified", "published", "posted", "edited", "last", "first"];

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
    if ["on", "at", "the", "of", "am", "pm", "a.m", "p.m"].contains(&w)
        || ZONES.contains(&w)
        || WEEKDAYS.iter().any(|d| w == *d || (w.len() == 3 && d.starts_with(w)))
        || matches!(w, "tues" | "thur" | "thurs")
    {
        return Some(Word::Filler);
    }
    if is_english_calendar_word(w) {
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(classify("A\n\n1,200", "A\n\n12,000"), None);
        assert_eq!(classify("A\n\nMonday 3 pm", "A\n\nFriday 9 am"), None);
    }

    #[test]
    fn only_timestamps_changed_is_noise() {
        let a = "Updated 10:42 GMT\n\nThe fire is out.";
        let b = "Updated 11:15 GMT\n\nThe fire is out.";
        assert_eq!(classify(a, b), Some(Noise::Timestamps));
        assert_eq!(classify(a, "Updated 11:15 GMT\n\nThe fire is not out."), None);
        assert_eq!(classify(a, a), None);
    }
}
