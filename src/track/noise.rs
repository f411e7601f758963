//! Telling noise from news: a capture whose article text differs from the
//! last revision only in timestamp lines ("Updated 10:42 GMT") is a check,
//! not a revision. White space never gets this far (the text is normalised)
//! and page furniture is left out by the HTML reader.

use crate::time::is_timestamp_line;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_unstamped_times_are_content() {
        // Issue 12 item 9: these were classed as timestamp lines.
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
