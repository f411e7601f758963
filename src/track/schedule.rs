//! When to look again, and how hard a host may be asked: the back-off of
//! each URL with its article's age and how long it has stayed the same
//! (minutes for a fresh story, days for an old one, then stop), the cap on
//! requests per host, and robots.txt. Pure decisions and bookkeeping: the
//! caller fetches and sleeps.

use std::collections::HashMap;
use std::time::Duration;

use chrono::{DateTime, Utc};

/// The knobs of the schedule.
#[derive(Clone, Copy, Debug)]
pub struct Policy {
    /// The shortest interval (--every): how often a fresh story that keeps
    /// changing is checked.
    pub base: Duration,
    /// Stop checking an article this long after it was published.
    pub stop_after: Duration,
}

/// What happened at a check, as far as the schedule cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Seen {
    Changed,
    Same,
    Failed,
}

/// The next check: in `interval`, or never; and why, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Next {
    pub interval: Option<Duration>,
    pub reason: String,
}

const HOUR: u64 = 3600;
const DAY: u64 = 86400;

/// How long ago, in words: "40m", "5h", "3d".
pub fn span(d: Duration) -> String {
    let s = d.as_secs();
    match s {
        _ if s < 120 => format!("{s}s"),
        _ if s < 2 * HOUR => format!("{}m", s / 60),
        _ if s < 2 * DAY => format!("{}h", s / HOUR),
        _ => format!("{}d", s / DAY),
    }
}

/// The bounds on the interval for an article of this age: (shortest,
/// longest), or None once it is old enough to stop.
fn bounds(policy: &Policy, age: Duration) -> Option<(u64, u64)> {
    let base = policy.base.as_secs().max(1);
    let a = age.as_secs();
    if age >= policy.stop_after {
        return None;
    }
    Some(match a {
        _ if a < DAY => (base, base.max(HOUR)),
        _ if a < 3 * DAY => (base.max(HOUR), base.max(6 * HOUR)),
        _ if a < 7 * DAY => (base.max(6 * HOUR), base.max(DAY)),
        _ => (base.max(DAY), base.max(3 * DAY)),
    })
}

/// The next interval for a page: back to the shortest for its age after a
/// change; doubled (up to its age's longest) after each check that found
/// it the same; after failures, doubled per failure.
pub fn next_page(
    policy: &Policy,
    age: Duration,
    previous: Duration,
    seen: Seen,
    unchanged: u32,
    failures: u32,
) -> Next {
    let Some((low, high)) = bounds(policy, age) else {
        return Next {
            interval: None,
            reason: format!("stopped: published {} ago, past --stop-after {}", span(age), span(policy.stop_after)),
        };
    };
    let prev = previous.as_secs();
    let (secs, why) = match seen {
        Seen::Changed => (low, "changed".to_string()),
        Seen::Same => ((prev.saturating_mul(2)).clamp(low, high), format!("unchanged {unchanged}x")),
        Seen::Failed => (low.saturating_mul(1 << failures.min(16)).min(high), format!("failed {failures}x, retrying")),
    };
    Next {
        interval: Some(Duration::from_secs(secs)),
        reason: format!(
            "{why}; {} old: every {} (between {} and {})",
            span(age),
            span(Duration::from_secs(secs)),
            span(Duration::from_secs(low)),
            span(Duration::from_secs(high))
        ),
    }
}

/// A feed is read at the base interval for as long as it is followed.
pub fn next_feed(policy: &Policy, entries: usize) -> Next {
    Next { interval: Some(policy.base), reason: format!("feed of {entries} entries: every {}", span(policy.base)) }
}

/// Requests per host: at most `per_minute`, spaced evenly (or further
/// apart when robots.txt asks for a crawl delay). One request at a time
/// per host follows from the tracker fetching one page at a time.
#[derive(Debug, Default)]
pub struct HostLimits {
    per_minute: u32,
    last: HashMap<String, std::time::Instant>,
    delay: HashMap<String, Duration>,
}

impl HostLimits {
    pub fn new(per_minute: u32) -> HostLimits {
        HostLimits { per_minute: per_minute.max(1), ..HostLimits::default() }
    }

    fn gap(&self, host: &str) -> Duration {
        let even = Duration::from_secs_f64(60.0 / f64::from(self.per_minute));
        self.delay.get(host).map_or(even, |d| (*d).max(even))
    }

    /// How long to wait before the next request to `host`.
    pub fn wait(&self, host: &str) -> Duration {
        self.last.get(host).map_or(Duration::ZERO, |t| self.gap(host).saturating_sub(t.elapsed()))
    }

    /// A request to `host` starts now.
    pub fn started(&mut self, host: &str) {
        self.last.insert(host.to_string(), std::time::Instant::now());
    }

    /// The request to `host` has ended: the next one waits its spacing from
    /// now, so the site sees requests at least that far apart however long
    /// each took to connect and answer.
    pub fn finished(&mut self, host: &str) {
        self.started(host);
    }

    /// robots.txt asks for this delay between requests.
    pub fn crawl_delay(&mut self, host: &str, delay: Duration) {
        self.delay.insert(host.to_string(), delay.min(Duration::from_secs(3600)));
    }
}

/// The host part of a URL, as the limits count it.
pub fn host_of(url: &str) -> String {
    url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(|h| format!("{h}:{}", u.port_or_known_default().unwrap_or(0))))
        .unwrap_or_default()
}

/// What robots.txt says for one host.
pub enum Robots {
    /// No robots.txt (4xx): everything is allowed.
    AllowAll,
    Rules(Box<texting_robots::Robot>),
    /// robots.txt could not be fetched (network error, 5xx): nothing is
    /// fetched from the host until it can be, as the robots convention asks.
    Unreachable(String),
}

impl std::fmt::Debug for Robots {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Robots::AllowAll => f.write_str("AllowAll"),
            Robots::Rules(_) => f.write_str("Rules(..)"),
            Robots::Unreachable(why) => write!(f, "Unreachable({why:?})"),
        }
    }
}

/// The product token claimtrail answers to in robots.txt.
pub const ROBOT_NAME: &str = "claimtrail";

impl Robots {
    pub fn parse(body: &[u8]) -> Robots {
        match texting_robots::Robot::new(ROBOT_NAME, body) {
            Ok(r) => Robots::Rules(Box::new(r)),
            // An unreadable robots.txt forbids nothing.
            Err(_) => Robots::AllowAll,
        }
    }

    /// None when allowed, else why not.
    pub fn forbids(&self, url: &str) -> Option<String> {
        match self {
            Robots::AllowAll => None,
            Robots::Rules(r) => (!r.allowed(url)).then(|| "robots.txt disallows it for claimtrail".to_string()),
            Robots::Unreachable(why) => Some(format!("robots.txt cannot be read ({why}); trying later")),
        }
    }

    pub fn delay(&self) -> Option<Duration> {
        match self {
            Robots::Rules(r) => {
                r.delay.filter(|d| d.is_finite() && *d > 0.0).map(|d| Duration::from_secs_f64(f64::from(d)))
            }
            _ => None,
        }
    }
}

/// An article's age at `now`: since publication, else since first seen.
pub fn age(published: Option<DateTime<Utc>>, first_seen: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Duration {
    published.or(first_seen).and_then(|p| (now - p).to_std().ok()).unwrap_or(Duration::ZERO)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p() -> Policy {
        Policy { base: Duration::from_secs(900), stop_after: Duration::from_secs(30 * DAY) }
    }

    #[test]
    fn fresh_stories_are_checked_often_and_back_off_while_unchanged() {
        let h = |n| Duration::from_secs(n * HOUR);
        let n = next_page(&p(), h(1), Duration::ZERO, Seen::Changed, 0, 0);
        assert_eq!(n.interval, Some(Duration::from_secs(900)));
        let n = next_page(&p(), h(1), Duration::from_secs(900), Seen::Same, 1, 0);
        assert_eq!(n.interval, Some(Duration::from_secs(1800)));
        assert!(n.reason.starts_with("unchanged 1x; 60m old: every 30m"), "{}", n.reason);
        let n = next_page(&p(), h(1), Duration::from_secs(3000), Seen::Same, 3, 0);
        assert_eq!(n.interval, Some(h(1)), "capped at an hour while under a day old");
    }

    #[test]
    fn old_stories_are_checked_daily_then_not_at_all() {
        let d = |n| Duration::from_secs(n * DAY);
        assert_eq!(next_page(&p(), d(10), Duration::ZERO, Seen::Changed, 0, 0).interval, Some(d(1)));
        let n = next_page(&p(), d(31), d(1), Seen::Same, 9, 0);
        assert_eq!(n.interval, None);
        assert!(n.reason.starts_with("stopped: published 31d ago"), "{}", n.reason);
    }

    #[test]
    fn hosts_are_spaced() {
        let mut l = HostLimits::new(60);
        assert_eq!(l.wait("a:80"), Duration::ZERO);
        l.started("a:80");
        assert!(l.wait("a:80") > Duration::from_millis(900));
        assert_eq!(l.wait("b:80"), Duration::ZERO);
    }

    #[test]
    fn robots_rules_apply_to_claimtrail() {
        let r = Robots::parse(b"User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n");
        assert!(r.forbids("http://h.example/private/a").is_some());
        assert!(r.forbids("http://h.example/news/a").is_none());
        assert_eq!(r.delay(), Some(Duration::from_secs(2)));
    }
}
