//! Times as pages give them. A page that states a UTC offset keeps it (a
//! story published at 18:20 in Paris was published at 18:20+01:00, not at
//! an anonymous 17:20Z); a page that gives a clock time without an offset
//! keeps that too, marked as such, rather than having UTC assumed for it.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, SecondsFormat, Utc};
use serde::{Serialize, Serializer};

/// A publication or modification time, exactly as precise as the page was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageTime {
    /// A time with the offset the page gave.
    Offset(DateTime<FixedOffset>),
    /// A clock time with no offset: the page's local time, zone unknown.
    Local(NaiveDateTime),
    /// Only a day.
    Day(NaiveDate),
}

impl PageTime {
    /// The instant, for what needs one (a schedule's age, sorting). A local
    /// time or a day has none: it is read as UTC here, which can be off by
    /// the page's unknown offset (at most a day); [`PageTime::known_offset`]
    /// says whether it is exact.
    pub fn approx_utc(&self) -> DateTime<Utc> {
        match self {
            PageTime::Offset(t) => t.with_timezone(&Utc),
            PageTime::Local(t) => t.and_utc(),
            PageTime::Day(d) => d.and_time(NaiveTime::MIN).and_utc(),
        }
    }

    /// Whether the page stated the offset (so the instant is exact).
    pub fn known_offset(&self) -> bool {
        matches!(self, PageTime::Offset(_))
    }
}

/// RFC 3339 to the second with the page's offset ("2024-03-05T18:20:00+01:00",
/// "…Z" for UTC); a time without an offset as ISO 8601 local time
/// ("2024-03-05T18:20:00"); a day as "2024-03-05".
impl std::fmt::Display for PageTime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PageTime::Offset(t) => f.write_str(&t.to_rfc3339_opts(SecondsFormat::Secs, true)),
            PageTime::Local(t) => write!(f, "{}", t.format("%Y-%m-%dT%H:%M:%S")),
            PageTime::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl Serialize for PageTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_prints_as_precise_as_it_was_given() {
        let paris = DateTime::parse_from_rfc3339("2024-03-05T18:20:00.5+01:00").unwrap();
        assert_eq!(PageTime::Offset(paris).to_string(), "2024-03-05T18:20:00+01:00");
        assert_eq!(PageTime::Offset(paris).approx_utc().to_rfc3339(), "2024-03-05T17:20:00.500+00:00");
        let utc = DateTime::parse_from_rfc3339("2024-03-05T17:20:00+00:00").unwrap();
        assert_eq!(PageTime::Offset(utc).to_string(), "2024-03-05T17:20:00Z");
        let local = NaiveDateTime::parse_from_str("2024-03-05 18:20", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(PageTime::Local(local).to_string(), "2024-03-05T18:20:00");
        assert!(!PageTime::Local(local).known_offset());
        let day = NaiveDate::from_ymd_opt(2024, 3, 5).unwrap();
        assert_eq!(PageTime::Day(day).to_string(), "2024-03-05");
        assert_eq!(serde_json::to_string(&PageTime::Day(day)).unwrap(), "\"2024-03-05\"");
    }
}
