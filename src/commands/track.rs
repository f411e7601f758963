//! `claimtrail track`: watch URLs (articles, or whole outlets through
//! their feeds and sitemaps) and record a revision whenever an article's
//! text changes, on a schedule polite to the sites it reads.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use claimtrail_store::{CheckRecord, Recorded, Store, WatchRecord};
use serde::Serialize;

use crate::commands::Ctx;
use crate::commands::input::{DEFAULT_MAX_BYTES, Source, document_of};
use crate::error::{CliError, Result, exit};
use crate::output::Table;
use crate::record::{Prepared, story_speakers};
use crate::time::{human, parse_time};
use crate::track::fetch::{self, FetchError, FetchOptions, Fetched};
use crate::track::schedule::{self, HostLimits, Policy, Robots, Seen, host_of};
use crate::track::{canonical_url, feeds, noise, other_scheme, story_for_url};

const EXAMPLES: &str = "\
Examples:
  claimtrail track https://example.com/news/fire                 one check now
  claimtrail track https://example.com/news/fire --every 15m --until 2026-12-01
  claimtrail track https://example.com/rss.xml --every 10m       follow an outlet
  claimtrail track https://example.com/news-sitemap.xml --warc archive/
  claimtrail track --all --every 15m                             one process for every watch
  claimtrail track --list                                        each URL's next check and why";

/// Watch a URL, or a whole outlet through its feed: record each change.
///
/// The page is fetched (redirects followed, with a timeout and a size
/// limit), its article text extracted, and compared with the story's latest
/// revision: a real change is recorded and summarised claim by claim; a
/// capture that differs only in white space, page-timestamp lines or page
/// furniture is logged as a check (`claimtrail log STORY --checks`) with
/// its raw page kept, not a revision. Conditional requests (ETag,
/// Last-Modified) spare unchanged pages.
///
/// Follow an outlet: give the URL of an RSS 2.0, Atom or JSON Feed, or of a
/// news sitemap, and every entry becomes a tracked story of its own (one
/// story per article: tracking parameters, http/https, AMP and mobile
/// variants and redirects are folded). Each check of the feed picks up new
/// entries; entries that leave the feed are still watched. A sitemap index
/// is followed to each of its sitemaps, except those unchanged for longer
/// than --stop-after (an archive lists only articles past their checks).
///
/// The schedule: each URL's interval starts at --every and backs off while
/// the article stays the same and as it ages (at most an hour while under a
/// day old, six hours under three days, a day under a week, three days
/// after), and checks stop --stop-after its publication. Requests to one
/// host are spaced to --per-host a minute (or robots.txt's Crawl-delay),
/// one at a time; robots.txt is obeyed; the User-Agent names claimtrail.
/// `track --list` shows each URL's next check and why. The schedule lives
/// in the store: a restarted tracker carries on where it stopped, and a
/// crash loses at most the check in flight.
///
/// With --every, keeps watching (Ctrl-C stops cleanly between checks); the
/// store is locked only while a check writes, so other commands can read
/// it meanwhile. With --all, checks every watched URL once; with --all
/// --every, keeps watching each on its schedule.
///
/// With --warc DIR, every fetch is also written as WARC request and
/// response records into rotating files in DIR, for an archive.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The page, feed or sitemap to watch (http or https).
    #[arg(value_name = "URL", required_unless_present_any = ["list", "all"])]
    pub url: Option<String>,
    /// Check every watched URL instead of one (with --every, keep watching
    /// them all, each on its own schedule, leaving stopped ones alone).
    #[arg(long, conflicts_with_all = ["url", "story", "list"])]
    pub all: bool,
    /// The story to record into [default: one named after the URL]. Not
    /// for a feed, whose entries are stories of their own.
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// Keep watching; the shortest interval between checks of a URL (e.g.
    /// 30s, 15m, 2h; at most 366d). Without it, one round of checks; the
    /// schedule it saves assumes 15m.
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub every: Option<Duration>,
    /// With --every, stop at this time.
    #[arg(long, value_name = "TIME", value_parser = parse_time, requires = "every")]
    pub until: Option<DateTime<Utc>>,
    /// Stop checking an article this long after it was published (or first
    /// seen).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration, default_value = "30d")]
    pub stop_after: Duration,
    /// At most this many requests a minute to one host.
    #[arg(long, value_name = "N", default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=6000))]
    pub per_host: u32,
    /// Also write each fetch as WARC records (request and response) into
    /// rotating .warc.gz files in this directory.
    #[arg(long, value_name = "DIR")]
    pub warc: Option<PathBuf>,
    /// Start a new WARC file once the current one reaches this many bytes.
    #[arg(long, value_name = "N", default_value_t = 1 << 30, requires = "warc")]
    pub warc_max_bytes: u64,
    /// List the watched URLs, with each one's next check and why.
    #[arg(long, conflicts_with_all = ["url", "story", "every", "until"])]
    pub list: bool,
    /// Give up on a request after this many seconds (at most 3600).
    #[arg(long, value_name = "SECONDS", default_value = "30", value_parser = parse_timeout)]
    pub timeout: Duration,
    /// Refuse pages larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Tries per check for transient failures (network errors, HTTP 5xx).
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub attempts: u32,
    /// The first retry's delay in milliseconds (doubles each time).
    #[arg(long, value_name = "MS", default_value_t = 2000, hide = true)]
    pub retry_ms: u64,
}

/// Parse `90`, `90s`, `15m`, `2h`, `1d`.
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let (num, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(s.len()));
    let n: f64 = num.parse().map_err(|_| format!("{s:?} is not a duration: use e.g. 30s, 15m, 2h"))?;
    let secs = match unit {
        "" | "s" => n,
        "m" => n * 60.0,
        "h" => n * 3600.0,
        "d" => n * 86400.0,
        _ => return Err(format!("{s:?} is not a duration: use e.g. 30s, 15m, 2h")),
    };
    if !secs.is_finite() || secs <= 0.0 {
        return Err(format!("{s:?} is not a positive duration"));
    }
    if secs > MAX_EVERY_SECS {
        return Err(format!("{s:?} is too long: checks can be at most 366d apart"));
    }
    Ok(Duration::from_secs_f64(secs))
}

/// The longest --every: a year and a day keeps every schedule computable.
const MAX_EVERY_SECS: f64 = 366.0 * 86400.0;

/// The interval a one-off check saves for later rounds.
const DEFAULT_EVERY: Duration = Duration::from_secs(15 * 60);

/// Parse --timeout: a finite number of seconds, above zero, at most an hour.
fn parse_timeout(s: &str) -> Result<Duration, String> {
    let secs: f64 = s.trim().parse().map_err(|_| format!("{s:?} is not a number of seconds"))?;
    if !secs.is_finite() || secs <= 0.0 || secs > 3600.0 {
        return Err(format!("{s:?} is out of range: give a number of seconds above 0 and at most 3600"));
    }
    Ok(Duration::from_secs_f64(secs.max(0.1)))
}

/// What one check found.
#[derive(Debug, Serialize)]
struct CheckOut {
    url: String,
    story: String,
    at: DateTime<Utc>,
    #[serde(flatten)]
    check: CheckRecord,
    /// When the watch says to look again, and why.
    next_check: Option<DateTime<Utc>>,
    reason: Option<String>,
    /// For a feed: the entries it lists now that were not watched before.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    new_entries: Vec<String>,
}

/// The tracker's clock. Without `CLAIMTRAIL_NOW` it is the system clock.
/// Under a fixed `CLAIMTRAIL_NOW`, a one-off round of checks happens
/// exactly at that time (so runs of a scripted test sort as the test says);
/// a watching loop (--every) makes its first check at that time and moves
/// on from there with real elapsed time, so its schedule and its sleeping
/// agree.
#[derive(Debug)]
struct Clock {
    origin: DateTime<Utc>,
    /// When the clock began to move; None while it stands still.
    started: Option<Instant>,
    /// Whether it moves once the first check begins.
    watching: bool,
}

impl Clock {
    fn new(watching: bool) -> Result<Clock> {
        let fixed = std::env::var_os("CLAIMTRAIL_NOW").is_some_and(|v| !v.is_empty());
        Ok(Clock { origin: crate::time::now()?, started: (!fixed).then(Instant::now), watching })
    }

    /// A check begins: a watching clock starts to move.
    fn begin(&mut self) {
        if self.watching && self.started.is_none() {
            self.started = Some(Instant::now());
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.started.map_or(self.origin, |s| self.origin + chrono::Duration::from_std(s.elapsed()).unwrap_or_default())
    }
}

/// Everything a round of checks shares.
#[derive(Debug)]
struct Tracker {
    opts: FetchOptions,
    policy: Policy,
    story: Option<String>,
    clock: Clock,
    limits: HostLimits,
    robots: HashMap<String, Robots>,
    warc: Option<crate::warc::write::Rotating>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    if args.list {
        return list(ctx);
    }
    let url = match (&args.url, args.all) {
        (Some(raw), false) => Some(canonical_url(raw).map_err(|e| {
            CliError::new(e).with_hint("give the page's full address, such as https://example.com/news/story")
        })?),
        _ => None,
    };
    if let Some(s) = &args.story {
        claimtrail_store::validate_story_id(s)?;
    }
    let warc = match &args.warc {
        Some(dir) => Some(
            crate::warc::write::Rotating::new(dir, args.warc_max_bytes)
                .map_err(|e| CliError::new(format!("cannot write WARC files in {}: {e}", dir.display())))?,
        ),
        None => None,
    };
    let mut t = Tracker {
        opts: FetchOptions {
            timeout: args.timeout,
            max_bytes: args.max_bytes,
            attempts: args.attempts.max(1),
            retry_base: Duration::from_millis(args.retry_ms),
        },
        policy: Policy { base: args.every.unwrap_or(DEFAULT_EVERY), stop_after: args.stop_after },
        story: args.story.clone(),
        clock: Clock::new(args.every.is_some())?,
        limits: HostLimits::new(args.per_host),
        robots: HashMap::new(),
        warc,
    };
    // The tracker shares the store with readers between its checks: rather
    // than fail when one holds it at the moment of writing, wait for it.
    ctx.wait = ctx.wait.or(Some(30.0));
    let stop = Arc::new(AtomicBool::new(false));
    if args.every.is_some() {
        let flag = stop.clone();
        // Ctrl-C only raises a flag: a check in progress finishes (its write
        // is atomic anyway) and the loop ends before the next one.
        ctrlc::set_handler(move || flag.store(true, Ordering::SeqCst))
            .map_err(|e| CliError::new(format!("cannot handle Ctrl-C: {e}")))?;
    }
    // Each URL with when it is due.
    let mut due: Vec<(String, DateTime<Utc>)> = match url {
        Some(u) => vec![(u, t.clock.now())],
        None => {
            let watches = ctx.open_existing_store()?.map(|s| s.watches()).transpose()?.unwrap_or_default();
            if watches.is_empty() {
                return Err(
                    CliError::new("no tracked URLs to check").with_hint("`claimtrail track URL` starts tracking one")
                );
            }
            let now = t.clock.now();
            // A restarted tracker keeps the schedule the store holds; one
            // asked to check more often than the watch was set for comes
            // back sooner; a single round checks everything now, stopped
            // or not (it was asked for).
            watches
                .into_iter()
                .filter(|w| args.every.is_none() || !w.stopped)
                .map(|w| {
                    let mut when = w.next_check.unwrap_or(now);
                    if let Some(every) = args.every
                        && w.base_secs > every.as_secs().max(1)
                        && let Some(last) = w.last_check
                    {
                        when = when.min(last + chrono::Duration::from_std(every).unwrap_or_default());
                    }
                    (w.url, if args.every.is_some() { when } else { when.min(now) })
                })
                .collect()
        }
    };
    let mut failed = false;
    // Pick the URL that can go first: due, and its host ready.
    while let Some(i) = (0..due.len()).min_by_key(|&i| {
        let wait = chrono::Duration::from_std(t.limits.wait(&host_of(&due[i].0))).unwrap_or_default();
        due[i].1.max(t.clock.now() + wait)
    }) {
        let host = host_of(&due[i].0);
        let next = due[i].1.max(t.clock.now() + chrono::Duration::from_std(t.limits.wait(&host)).unwrap_or_default());
        if args.until.is_some_and(|u| next > u) || !sleep_until(&t.clock, next, &stop) {
            return Ok(exit::OK);
        }
        let url = due[i].0.clone();
        let outcome = check(ctx, &mut t, &url)?;
        failed |= matches!(outcome.check.outcome.as_str(), "error" | "blocked");
        print_check(ctx, &outcome)?;
        ctx.out.flush()?;
        let now = t.clock.now();
        for entry in &outcome.new_entries {
            if !due.iter().any(|(u, _)| u == entry) {
                due.push((entry.clone(), now));
            }
        }
        match (args.every, outcome.next_check) {
            (Some(_), Some(n)) => due[i].1 = n,
            _ => {
                due.remove(i);
            }
        }
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
}

/// Sleep until `next` (on the tracker's clock) in small steps, so Ctrl-C is
/// prompt; false when stopped. The wait is measured in real time: a clock
/// that stands still (a one-off round under a fixed clock) still waits out
/// a host's spacing.
fn sleep_until(clock: &Clock, next: DateTime<Utc>, stop: &AtomicBool) -> bool {
    let deadline = Instant::now() + (next - clock.now()).to_std().unwrap_or_default();
    loop {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return true;
        }
        std::thread::sleep(left.min(Duration::from_millis(100)));
    }
}

/// The watch of `url`, under either scheme.
fn find_watch(store: &Store, url: &str) -> Result<Option<WatchRecord>> {
    if let Some(w) = store.watch(url)? {
        return Ok(Some(w));
    }
    Ok(match other_scheme(url) {
        Some(other) => store.watch(&other)?,
        None => None,
    })
}

/// What robots.txt says of `url`, fetched once per host per run.
fn robots_forbid(t: &mut Tracker, url: &str) -> Option<String> {
    let host = host_of(url);
    if !t.robots.contains_key(&host) {
        let robots_url = url::Url::parse(url).ok().and_then(|u| u.join("/robots.txt").ok());
        let robots = match robots_url {
            None => Robots::AllowAll,
            Some(r) => {
                let opts = FetchOptions { attempts: 1, max_bytes: 512 * 1024, ..t.opts.clone() };
                match fetch::fetch_once(r.as_str(), None, None, &opts) {
                    Ok(Fetched::Page(p)) => Robots::parse(&p.bytes),
                    Ok(Fetched::NotModified) => Robots::AllowAll,
                    Err(FetchError::Status(code)) if (400..500).contains(&code) => Robots::AllowAll,
                    // Served as something odd (an HTML error page): no rules.
                    Err(FetchError::NotAnArticle(_) | FetchError::TooLarge(_)) => Robots::AllowAll,
                    Err(e) => Robots::Unreachable(e.to_string()),
                }
            }
        };
        if let Some(d) = robots.delay() {
            t.limits.crawl_delay(&host, d);
        }
        t.robots.insert(host.clone(), robots);
    }
    t.robots[&host].forbids(url)
}

/// One check: fetch, compare, record, and update the watch (and, for a
/// feed, the watches of its entries).
fn check(ctx: &mut Ctx, t: &mut Tracker, url: &str) -> Result<CheckOut> {
    // The store is opened only around reads and writes, never across the
    // network wait, so other commands can use it meanwhile.
    let found = find_watch(&ctx.open_store()?, url)?;
    let url = found.as_ref().map_or(url, |w| w.url.as_str()).to_string();
    let story =
        t.story.clone().or_else(|| found.as_ref().map(|w| w.story.clone())).unwrap_or_else(|| story_for_url(&url));
    let mut watch = found.unwrap_or_else(|| WatchRecord::new(&url, &story));
    watch.story.clone_from(&story);
    watch.base_secs = t.policy.base.as_secs().max(1);
    let forbidden = robots_forbid(t, &url);
    let fetched = match &forbidden {
        Some(_) => None,
        None => {
            let host = host_of(&url);
            t.limits.started(&host);
            let got = fetch::fetch(&url, watch.etag.as_deref(), watch.last_modified.as_deref(), &t.opts, |e, wait| {
                eprintln!("warning: {url}: {e}; retrying in {:.1}s", wait.as_secs_f64());
            });
            t.limits.finished(&host);
            Some(got)
        }
    };
    let at = t.clock.now();
    t.clock.begin();
    watch.first_seen.get_or_insert(at);
    if let (Some(w), Some(Ok(Fetched::Page(page)))) = (&mut t.warc, &fetched) {
        w.fetch(&page.final_url, at, &page.request_head, &page.response_head, &page.bytes)
            .map_err(|e| CliError::new(format!("cannot write the WARC record of {url}: {e}")))?;
    }
    let mut store = ctx.open_store()?;
    let mut check =
        CheckRecord { at, source: url.clone(), outcome: String::new(), revision: None, detail: None, raw: None };
    let mut new_entries = Vec::new();
    let mut seen = Seen::Same;
    let mut keep_raw: Option<Vec<u8>> = None;
    match fetched {
        None => {
            check.outcome = "blocked".into();
            check.detail = forbidden;
            seen = Seen::Failed;
        }
        Some(Err(e)) => {
            watch.failures += 1;
            check.outcome = "error".into();
            check.detail = Some(e.to_string());
            seen = Seen::Failed;
        }
        Some(Ok(Fetched::NotModified)) => {
            watch.failures = 0;
            check.outcome = "not_modified".into();
        }
        Some(Ok(Fetched::Page(page))) => {
            watch.failures = 0;
            if let Some(kind) = feeds::kind_of(&page.bytes) {
                match feeds::entries(kind, &page.bytes, &page.final_url) {
                    Err(e) => {
                        watch.failures += 1;
                        check.outcome = "error".into();
                        check.detail = Some(e);
                        seen = Seen::Failed;
                    }
                    Ok(entries) => {
                        let listing = Listing { kind, stop_after: t.policy.stop_after, at };
                        let summary = follow_entries(&store, &mut watch, entries, &mut new_entries, &listing)?;
                        check.outcome = "feed".into();
                        check.detail = Some(summary);
                    }
                }
                watch.is_feed = true;
            } else {
                let (outcome, kept) = check_page(&mut store, &mut watch, &mut check, page, at)?;
                seen = outcome;
                keep_raw = kept;
            }
        }
    }
    // The schedule: feeds at the base interval; pages back off.
    let next = if watch.is_feed {
        schedule::next_feed(&t.policy, watch.entries.len())
    } else {
        if seen == Seen::Same {
            watch.unchanged += 1;
        } else if seen == Seen::Changed {
            watch.unchanged = 0;
        }
        let age = schedule::age(watch.published, watch.first_seen, at);
        let failures = if check.outcome == "blocked" { 16 } else { watch.failures };
        schedule::next_page(&t.policy, age, Duration::from_secs(watch.interval_secs), seen, watch.unchanged, failures)
    };
    let reason = if check.outcome == "blocked" {
        // Not a failure of the site: say what stands in the way.
        let when = next.reason.split_once("; ").map_or(next.reason.as_str(), |(_, rest)| rest);
        format!("blocked: {}; {when}", check.detail.as_deref().unwrap_or("robots.txt"))
    } else {
        next.reason
    };
    watch.interval_secs = next.interval.map_or(0, |d| d.as_secs());
    watch.next_check = next.interval.map(|d| at + chrono::Duration::from_std(d).unwrap_or_default());
    watch.stopped = next.interval.is_none();
    watch.reason = Some(reason.clone());
    watch.last_check = Some(at);
    match &keep_raw {
        Some(raw) => store.record_check_with_raw(&watch.story, &mut check, raw)?,
        None => store.record_check(&watch.story, &check)?,
    }
    store.set_watch(&watch)?;
    Ok(CheckOut {
        url,
        story: watch.story.clone(),
        at,
        check,
        next_check: watch.next_check,
        reason: Some(reason),
        new_entries,
    })
}

/// What a feed's check found it to be, and when.
struct Listing {
    kind: feeds::Kind,
    /// --stop-after: a sitemap of an index unchanged for longer lists only
    /// articles whose checks would already be over.
    stop_after: Duration,
    at: DateTime<Utc>,
}

/// A feed's entries: a watch for each new one (its own story, due now);
/// the count of new and gone entries, in words. The entries of a sitemap
/// index are sitemaps, watched as feeds of their own; one that has not
/// changed for longer than --stop-after is not followed.
fn follow_entries(
    store: &Store,
    feed: &mut WatchRecord,
    entries: Vec<feeds::Entry>,
    new_entries: &mut Vec<String>,
    listing: &Listing,
) -> Result<String> {
    let index = listing.kind == feeds::Kind::SitemapIndex;
    let mut listed = Vec::new();
    let mut stale = Vec::new();
    for e in entries {
        let Ok(url) = canonical_url(&e.url) else { continue };
        if listed.contains(&url) || stale.contains(&url) {
            continue;
        }
        match find_watch(store, &url)? {
            Some(mut w) => {
                // A date the feed gives later still counts.
                if w.published.is_none() && e.published.is_some() {
                    w.published = e.published;
                    store.set_watch(&w)?;
                }
                listed.push(w.url);
            }
            None if index && e.published.is_some_and(|changed| unchanged_too_long(changed, listing)) => {
                stale.push(url);
            }
            None => {
                let mut w = WatchRecord::new(&url, &story_for_url(&url));
                w.feed = Some(feed.url.clone());
                w.published = e.published;
                w.base_secs = feed.base_secs;
                w.next_check = Some(listing.at);
                w.reason = Some(format!("new in {}", feed.url));
                w.is_feed = index;
                store.set_watch(&w)?;
                new_entries.push(url.clone());
                listed.push(url);
            }
        }
    }
    let gone = feed.entries.iter().filter(|u| !listed.contains(u) && !stale.contains(u)).count();
    let summary = if index {
        let span = schedule::span(listing.stop_after);
        format!(
            "{} sitemaps, {} new, {} unchanged for over {span} not followed, {gone} gone",
            listed.len() + stale.len(),
            new_entries.len(),
            stale.len()
        )
    } else {
        format!("{} entries, {} new, {gone} gone", listed.len(), new_entries.len())
    };
    feed.entries = listed;
    Ok(summary)
}

/// Whether a sitemap last changed longer ago than --stop-after.
fn unchanged_too_long(changed: DateTime<Utc>, listing: &Listing) -> bool {
    listing.at.signed_duration_since(changed).to_std().is_ok_and(|age| age >= listing.stop_after)
}

/// Check an article page against its story's latest revision. Returns what
/// the schedule should know, and the raw page to keep with the check when
/// it differed but made no revision.
fn check_page(
    store: &mut Store,
    watch: &mut WatchRecord,
    check: &mut CheckRecord,
    page: fetch::Page,
    at: DateTime<Utc>,
) -> Result<(Seen, Option<Vec<u8>>)> {
    // A redirect to a page known under another name is that page's story
    // (unless the story was chosen, or has revisions already).
    if let Ok(final_url) = canonical_url(&page.final_url)
        && final_url != watch.url
        && store.story(&watch.story)?.is_none_or(|s| s.revisions == 0)
        && watch.story == story_for_url(&watch.url)
    {
        watch.story = match find_watch(store, &final_url)? {
            Some(w) => w.story,
            None => story_for_url(&final_url),
        };
    }
    let story = watch.story.clone();
    let latest = match store.story(&story)? {
        Some(s) if s.revisions > 0 => Some(store.require_revision(&s, s.revisions)?),
        _ => None,
    };
    check.revision = latest.as_ref().map(|r| r.number);
    let source = Source::Url(page.final_url.clone());
    let document = match document_of(&source, &page.bytes) {
        Err(e) => {
            // Served, but not as an article: a failure the schedule backs
            // off from like any other.
            watch.failures += 1;
            check.outcome = "error".into();
            check.detail = Some(e.message);
            return Ok((Seen::Failed, None));
        }
        Ok(d) => d,
    };
    // The limits `record` applies: nothing of the page is recorded, and the
    // check is a failure like any other, so a tracker following many URLs
    // goes on to the next one.
    if let Err(e) = crate::commands::input::check_recordable(&source, &document) {
        watch.failures += 1;
        check.outcome = "error".into();
        check.detail = Some(e.message);
        return Ok((Seen::Failed, None));
    }
    if watch.published.is_none() {
        // The schedule needs an instant: a time without an offset is read
        // as UTC here (off by at most a day in the article's age).
        watch.published = document.published.map(|t| t.approx_utc());
    }
    let differs = latest.as_ref().is_some_and(|r| r.raw != claimtrail_store::blob_id(&page.bytes));
    let raw_copy = differs.then(|| page.bytes.clone());
    watch.etag = page.etag;
    watch.last_modified = page.last_modified;
    let mut prepared = Prepared::new(page.bytes, page.final_url.clone(), document);
    let previous_text = match &latest {
        Some(rev) => Some(store.text(rev)?),
        None => None,
    };
    if let Some(n) = previous_text.as_deref().and_then(|old| noise::classify(old, &prepared.text)) {
        check.outcome = "noise".into();
        check.detail = Some(n.describe().to_string());
        return Ok((Seen::Same, raw_copy));
    }
    let mut known = story_speakers(store, &story)?;
    let previous = crate::record::latest_statements(store, &story)?;
    let url = watch.url.clone();
    prepared.drop_site_furniture(store, &story, Some(&url))?;
    let new = prepared.to_revision(&story, &mut known, &previous, at, Some(&url), None)?;
    Ok(match store.record_revision(new)? {
        Recorded::New { revision, .. } => {
            check.outcome = "changed".into();
            check.revision = Some(revision.number);
            check.detail = Some(change_summary(store, &story, revision.number)?);
            watch.last_change = Some(at);
            (Seen::Changed, None)
        }
        Recorded::Unchanged { .. } => {
            check.outcome = "unchanged".into();
            (Seen::Same, raw_copy)
        }
    })
}

/// A one-line summary of what revision `number` changed, claim by claim:
/// the same diff `claimtrail diff STORY` shows for it.
pub fn change_summary(store: &claimtrail_store::Store, story: &str, number: u32) -> Result<String> {
    use crate::commands::diff::{claims_of, stored_diff};
    let s = store.require_story(story)?;
    let b = store.require_revision(&s, number)?;
    let new = claims_of(store, &s, &b)?;
    if number == 1 {
        return Ok(format!("revision 1 recorded, {} statements", new.len()));
    }
    let a = store.require_revision(&s, number - 1)?;
    let old = claims_of(store, &s, &a)?;
    let d = stored_diff(store, story, &a, &b, &old, &new)?;
    let mut parts: Vec<String> = d
        .summary
        .counts()
        .iter()
        .filter(|(k, n)| *n > 0 && *k != crate::diff::ChangeKind::Unchanged)
        .map(|(k, n)| format!("{n} {}", k.label()))
        .collect();
    if d.headline.is_some() {
        parts.push("the headline rewritten".to_string());
    }
    let what = if parts.is_empty() { "no claim changed".to_string() } else { parts.join(", ") };
    Ok(format!("revision {number} recorded: {what}"))
}

fn print_check(ctx: &mut Ctx, c: &CheckOut) -> Result<()> {
    if ctx.out.json() {
        serde_json::to_writer(&mut ctx.out.w, c)?;
        ctx.out.line("")?;
        return Ok(());
    }
    let p = ctx.out.palette;
    let what = match c.check.outcome.as_str() {
        "changed" => p.green(&format!("changed: {}", c.check.detail.as_deref().unwrap_or(""))),
        "unchanged" => "unchanged".to_string(),
        "not_modified" => "not modified (HTTP 304)".to_string(),
        "noise" => format!("unchanged: {}", c.check.detail.as_deref().unwrap_or("noise")),
        "feed" => format!("feed: {}", c.check.detail.as_deref().unwrap_or("")),
        "blocked" => p.red(&format!("blocked: {}", c.check.detail.as_deref().unwrap_or(""))),
        _ => p.red(&format!("error: {}", c.check.detail.as_deref().unwrap_or(""))),
    };
    ctx.out.line(&format!("{} {}: {what}", human(&c.at), c.story))?;
    Ok(())
}

fn list(ctx: &mut Ctx) -> Result<u8> {
    let watches = match ctx.open_existing_store()? {
        Some(store) => store.watches()?,
        None => Vec::new(),
    };
    if ctx.out.json() {
        ctx.out.write_json(&watches)?;
        return Ok(exit::OK);
    }
    if watches.is_empty() {
        ctx.out.line("no tracked URLs: `claimtrail track URL` starts one")?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["URL", "STORY", "LAST CHECK", "LAST CHANGE", "NEXT CHECK", "WHY"], p);
    let when = |t: &Option<DateTime<Utc>>| t.as_ref().map_or_else(|| "—".to_string(), human);
    for w in &watches {
        let story = if w.is_feed { "(feed)".to_string() } else { p.cyan(&w.story) };
        let next = if w.stopped { "never".to_string() } else { when(&w.next_check) };
        t.row(vec![
            w.url.clone(),
            story,
            when(&w.last_check),
            when(&w.last_change),
            next,
            w.reason.clone().unwrap_or_default(),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
