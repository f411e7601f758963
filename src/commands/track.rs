//! `claimtrail track`: watch a URL and record a revision whenever the
//! article's text changes.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use chrono::{DateTime, Utc};
use claimtrail_store::{CheckRecord, Recorded, WatchRecord};
use serde::Serialize;

use crate::commands::Ctx;
use crate::commands::input::{DEFAULT_MAX_BYTES, Source, document_of};
use crate::error::{CliError, Result, exit};
use crate::output::Table;
use crate::record::{Prepared, story_speakers};
use crate::time::{human, now, parse_time};
use crate::track::fetch::{self, FetchOptions, Fetched};
use crate::track::{canonical_url, noise, story_for_url};

/// Fetch a page and record a revision when its article text changed.
///
/// The page is fetched (redirects followed, with a timeout and a size
/// limit), its article text extracted, and compared with the story's latest
/// revision: a real change is recorded and summarised claim by claim; a
/// capture that differs only in white space, timestamps or page furniture is
/// logged as a check (`claimtrail log STORY --checks`), not a revision.
/// Conditional requests (ETag, Last-Modified) spare unchanged pages.
///
/// With --every, keeps watching: checks back off while the page stays the
/// same, transient network errors are retried, and Ctrl-C stops cleanly
/// between checks. The store is locked only while a check writes, so other
/// commands can read it meanwhile.
///
/// With --all, checks every watched URL; with --all --every, one process
/// keeps watching them all, each on its own schedule.
///
/// Examples:
///   claimtrail track https://example.com/news/harbor-fire
///   claimtrail track https://example.com/news/harbor-fire --story harbor --every 15m --until 2026-12-01
///   claimtrail track --all --every 15m
///   claimtrail track --list
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The page to watch (http or https).
    #[arg(value_name = "URL", required_unless_present_any = ["list", "all"])]
    pub url: Option<String>,
    /// Check every watched URL instead of one (with --every, keep watching
    /// them all, each on its own schedule).
    #[arg(long, conflicts_with_all = ["url", "story", "list"])]
    pub all: bool,
    /// The story to record into [default: one named after the URL].
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// Keep watching, checking this often (e.g. 30s, 15m, 2h).
    #[arg(long, value_name = "DURATION", value_parser = parse_duration)]
    pub every: Option<Duration>,
    /// With --every, stop at this time.
    #[arg(long, value_name = "TIME", value_parser = parse_time, requires = "every")]
    pub until: Option<DateTime<Utc>>,
    /// List the watched URLs instead.
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
    /// When the watch says to look again (with --every).
    #[serde(skip)]
    next_check: Option<DateTime<Utc>>,
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
    let opts = FetchOptions {
        timeout: args.timeout,
        max_bytes: args.max_bytes,
        attempts: args.attempts.max(1),
        retry_base: Duration::from_millis(args.retry_ms),
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
    let urls = match url {
        Some(u) => vec![u],
        None => {
            let watches = ctx.open_existing_store()?.map(|s| s.watches()).transpose()?.unwrap_or_default();
            if watches.is_empty() {
                return Err(
                    CliError::new("no tracked URLs to check").with_hint("`claimtrail track URL` starts tracking one")
                );
            }
            watches.into_iter().map(|w| w.url).collect()
        }
    };
    // Each URL with when it is due; all are due now.
    let mut due: Vec<(String, DateTime<Utc>)> = urls.into_iter().map(|u| (u, Utc::now())).collect();
    let mut failed = false;
    while let Some(i) = (0..due.len()).min_by_key(|&i| due[i].1) {
        let next = due[i].1;
        if args.until.is_some_and(|u| next > u) || !sleep_until(next, &stop) {
            return Ok(exit::OK);
        }
        let outcome = check(ctx, &due[i].0, args.story.as_deref(), &opts, args.every)?;
        failed |= outcome.check.outcome == "error";
        print_check(ctx, &outcome)?;
        ctx.out.flush()?;
        match args.every {
            None => {
                due.remove(i);
            }
            Some(_) => due[i].1 = outcome.next_check.unwrap_or_else(Utc::now),
        }
    }
    Ok(if failed { exit::ERROR } else { exit::OK })
}

/// Sleep until `next` in small steps, so Ctrl-C is prompt; false when
/// stopped.
fn sleep_until(next: DateTime<Utc>, stop: &AtomicBool) -> bool {
    while Utc::now() < next {
        if stop.load(Ordering::SeqCst) {
            return false;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    !stop.load(Ordering::SeqCst)
}

/// One check: fetch, compare, record, and update the watch.
fn check(
    ctx: &mut Ctx,
    url: &str,
    story_arg: Option<&str>,
    opts: &FetchOptions,
    every: Option<Duration>,
) -> Result<CheckOut> {
    // The store is opened only around reads and writes, never across the
    // network wait, so other commands can use it meanwhile.
    let watch = ctx.open_store()?.watch(url)?;
    let story = story_arg
        .map(str::to_string)
        .or_else(|| watch.as_ref().map(|w| w.story.clone()))
        .unwrap_or_else(|| story_for_url(url));
    let mut watch = watch.unwrap_or_else(|| WatchRecord {
        url: url.to_string(),
        story: story.clone(),
        etag: None,
        last_modified: None,
        last_check: None,
        last_change: None,
        next_check: None,
        interval_secs: every.map_or(0, |e| e.as_secs().max(1)),
        failures: 0,
    });
    watch.story.clone_from(&story);
    let fetched = fetch::fetch(url, watch.etag.as_deref(), watch.last_modified.as_deref(), opts, |e, wait| {
        eprintln!("warning: {url}: {e}; retrying in {:.1}s", wait.as_secs_f64());
    });
    let at = now()?;
    let mut store = ctx.open_store()?;
    let latest = match store.story(&story)? {
        Some(s) if s.revisions > 0 => Some(store.require_revision(&s, s.revisions)?),
        _ => None,
    };
    let mut check = CheckRecord {
        at,
        source: url.to_string(),
        outcome: String::new(),
        revision: latest.as_ref().map(|r| r.number),
        detail: None,
        raw: None,
    };
    // The raw page of a check that saw different bytes but made no
    // revision is kept with the check: noise is evidence too.
    let mut keep_raw: Option<Vec<u8>> = None;
    match fetched {
        Err(e) => {
            watch.failures += 1;
            check.outcome = "error".into();
            check.detail = Some(e.to_string());
        }
        Ok(Fetched::NotModified) => {
            watch.failures = 0;
            check.outcome = "not_modified".into();
        }
        Ok(Fetched::Page(page)) => {
            watch.failures = 0;
            let source = Source::Url(page.final_url.clone());
            match document_of(&source, &page.bytes) {
                Err(e) => {
                    check.outcome = "error".into();
                    check.detail = Some(e.message);
                }
                Ok(document) => {
                    // The limits `record` applies: refused before any write.
                    crate::commands::input::check_recordable(&source, &document)?;
                    let differs = latest.as_ref().is_some_and(|r| r.raw != claimtrail_store::blob_id(&page.bytes));
                    let raw_copy = differs.then(|| page.bytes.clone());
                    let mut prepared = Prepared::new(page.bytes, page.final_url.clone(), document);
                    let previous_text = match &latest {
                        Some(rev) => Some(store.text(rev)?),
                        None => None,
                    };
                    let noise = previous_text.as_deref().and_then(|old| noise::classify(old, &prepared.text));
                    if let Some(n) = noise {
                        check.outcome = "noise".into();
                        check.detail = Some(n.describe().to_string());
                        keep_raw = raw_copy;
                    } else {
                        let mut known = story_speakers(&store, &story)?;
                        let previous = crate::record::latest_statements(&store, &story)?;
                        let new = prepared.to_revision(&story, &mut known, &previous, at, Some(url), None)?;
                        match store.record_revision(new)? {
                            Recorded::New { revision, .. } => {
                                check.outcome = "changed".into();
                                check.revision = Some(revision.number);
                                check.detail =
                                    Some(crate::commands::track::change_summary(&store, &story, revision.number)?);
                                watch.last_change = Some(at);
                            }
                            Recorded::Unchanged { .. } => {
                                check.outcome = "unchanged".into();
                                keep_raw = raw_copy;
                            }
                        }
                    }
                    watch.etag = page.etag;
                    watch.last_modified = page.last_modified;
                }
            }
        }
    }
    // Back off while the page stays the same; start over when it changes.
    if let Some(every) = every {
        let base = every.as_secs().max(1);
        watch.interval_secs = match check.outcome.as_str() {
            "changed" => base,
            "error" => base,
            _ => (watch.interval_secs.max(base) * 3 / 2).min(base * 16),
        };
        watch.next_check = Some(at + chrono::Duration::seconds(watch.interval_secs as i64));
    } else {
        watch.next_check = None;
    }
    watch.last_check = Some(at);
    match &keep_raw {
        Some(raw) => store.record_check_with_raw(&story, &mut check, raw)?,
        None => store.record_check(&story, &check)?,
    }
    store.set_watch(&watch)?;
    Ok(CheckOut { url: url.to_string(), story, at, check, next_check: watch.next_check })
}

/// A one-line summary of what revision `number` changed, claim by claim.
pub fn change_summary(store: &claimtrail_store::Store, story: &str, number: u32) -> Result<String> {
    let s = store.require_story(story)?;
    let new = crate::record::stored_statements(store, &store.require_revision(&s, number)?)?;
    if number == 1 {
        return Ok(format!("revision 1 recorded, {} statements", new.len()));
    }
    let old = crate::record::stored_statements(store, &store.require_revision(&s, number - 1)?)?;
    let d = crate::diff::diff_statements(&old, &new);
    let parts: Vec<String> = d
        .summary
        .counts()
        .iter()
        .filter(|(k, n)| *n > 0 && *k != crate::diff::ChangeKind::Unchanged)
        .map(|(k, n)| format!("{n} {}", k.label()))
        .collect();
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
    let mut t = Table::new(&["URL", "STORY", "LAST CHECK", "LAST CHANGE", "NEXT CHECK"], p);
    let when = |t: &Option<DateTime<Utc>>| t.as_ref().map_or_else(|| "—".to_string(), human);
    for w in &watches {
        t.row(vec![w.url.clone(), p.cyan(&w.story), when(&w.last_check), when(&w.last_change), when(&w.next_check)]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
