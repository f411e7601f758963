//! Telling noise from news: a capture whose article text differs from the
//! last revision only in timestamp lines ("Updated 10:42 GMT") is a check,
//! not a revision. White space never gets this far (the text is normalised)
//! and page furniture is left out by the HTML reader.

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

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A short paragraph that only says when: "Updated: 10:42 GMT, 3 March",
/// "Last modified on Tue 3 Mar 2020 10.42", "Published 2 hours ago".
pub fn is_timestamp_line(p: &str) -> bool {
    let words: Vec<String> = p
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 14 {
        return false;
    }
    let lead = ["updated", "update", "modified", "published", "posted", "last", "first"];
    let led = lead.contains(&words[0].as_str());
    let timeish = |w: &String| {
        w.chars().any(|c| c.is_ascii_digit())
            || MONTHS.iter().any(|m| w.starts_with(m))
            || matches!(
                w.as_str(),
                "am" | "pm"
                    | "gmt"
                    | "utc"
                    | "bst"
                    | "est"
                    | "edt"
                    | "pst"
                    | "pdt"
                    | "ago"
                    | "hours"
                    | "minutes"
                    | "hour"
                    | "minute"
                    | "yesterday"
                    | "today"
            )
    };
    let filler = |w: &String| {
        matches!(
            w.as_str(),
            "on" | "at"
                | "by"
                | "the"
                | "of"
                | "updated"
                | "update"
                | "modified"
                | "published"
                | "posted"
                | "last"
                | "first"
                | "mon"
                | "tue"
                | "wed"
                | "thu"
                | "fri"
                | "sat"
                | "sun"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "et"
                | "pt"
                | "ct"
        )
    };
    let time_words = words.iter().filter(|w| timeish(w)).count();
    time_words > 0 && words.iter().all(|w| timeish(w) || filler(w)) && (led || time_words * 2 >= words.len())
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
