//! Store benchmarks over the generated corpus (see `corpus/mod.rs`):
//!
//! - `record`: bulk record throughput (extraction, hashing, indexes, one
//!   atomic batch and flush per 256 revisions), revisions/s;
//! - `queries`: a store of 1,000,000 recorded statements, then `who`,
//!   `search`, `blame` and `variants` latency (in process, warm cache,
//!   p50/p99) and `log` as a whole command, and the share of the store
//!   the variant index takes;
//! - `fingerprint`: the record-time cost of the variant index: hashing the
//!   wording of each revision's statements new to its story (the store
//!   writes them in the revision's batch; `record` measures that whole);
//! - `disk`: bytes for 20 revisions of one story with small edits, as a
//!   multiple of the text they hold, before and after `compact`;
//! - `rss`: peak RSS of `claimtrail import` bulk-loading 100,000 revisions;
//! - `reanalyze`: `claimtrail reanalyze --force` (everything derived again
//!   and rewritten) and plain `reanalyze` (nothing to rewrite) of a store of
//!   100,000 revisions (the `rss` store; built first when only this is
//!   asked), revisions/s and peak RSS.
//!
//! - `growth` (only when asked): the store at 1M, 3M and 10M statements
//!   (`CLAIMTRAIL_BENCH_GROWTH=1,3,10`, millions; the query store's corpus,
//!   seed 2, made longer), built once under `CLAIMTRAIL_BENCH_DIR` and
//!   kept: for each, whole-command `log`, `who`, `search` and `blame`
//!   (median and p99 of 20 runs), the store's open alone (a fresh process
//!   that only opens it), disk bytes per revision, `verify` time and peak
//!   RSS, and the peak RSS of an `import` of 1,000 more revisions into it.
//!   `CLAIMTRAIL_BENCH_GROWTH_BUILD=1` only builds the stores;
//!   `CLAIMTRAIL_BENCH_GROWTH_COMPACT=1` measures instead a compacted copy
//!   of each (`growth-Nm-compact`, made once by `claimtrail compact`, which
//!   is timed).
//!
//! Run: `cargo bench --bench store -- [record|queries|disk|rss|growth]...`
//! (all but `growth` when none given). Each result is printed as a
//! Markdown table row. `CLAIMTRAIL_BENCH_PER_QUERY=FILE` appends each
//! timed `variants` query to FILE: kind, query, its time, and the
//! thread's time on a CPU and waiting for one over its two runs
//! (nanoseconds). `CLAIMTRAIL_BENCH_VARIANTS=CLAIM` (or `SPEAKER`)
//! times only that kind of `variants` query.

/// The allocator the `claimtrail` binary runs with (`src/main.rs`): what is
/// timed here is what a user's command does, malloc included.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use claimtrail::commands::search::search;
use claimtrail::commands::speakers::spelling_counts;
use claimtrail::commands::variants::{MEMBERS, find};
use claimtrail::commands::who::{WhoFilter, who};
use claimtrail::ingest::read_document;
use claimtrail::query::SpeakerIndex;
use claimtrail::query::lineage::blame;
use claimtrail::record::{Prepared, terms};
use claimtrail_store::Store;

fn row(what: &str, figure: String, target: &str) {
    println!("| {what} | {figure} | {target} |");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// Record a corpus through the same path `import` takes. Returns the
/// number of revisions and statements recorded.
fn load(store: &mut Store, corpus: &[(String, Vec<String>)]) -> (u64, u64) {
    let mut revisions = 0;
    let mut statements = 0;
    let mut batch = store.batch().unwrap();
    let base = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    for (story, texts) in corpus {
        let mut known = BTreeMap::new();
        let mut previous = Vec::new();
        for (i, text) in texts.iter().enumerate() {
            let doc = read_document(text.as_bytes(), None).unwrap();
            let mut prepared = Prepared::new(text.as_bytes().to_vec(), format!("{story}/{i:02}.txt"), doc);
            statements += prepared.extraction.statements.len() as u64;
            let at = base + chrono::Duration::minutes((revisions * 7) as i64);
            prepared.unify(story, &mut known).unwrap();
            previous = prepared.follow(&previous).unwrap();
            let new = prepared.to_revision(story, &mut known, &[], at, None, None).unwrap();
            // An edit that changed nothing records nothing: count what was kept.
            if let claimtrail_store::Recorded::New { .. } = batch.record(new).unwrap() {
                revisions += 1;
            }
            if batch.len() >= 256 {
                batch.commit().unwrap();
                batch = store.batch().unwrap();
            }
        }
    }
    batch.commit().unwrap();
    (revisions, statements)
}

fn bench_record(dir: &Path) {
    // The whole `import` command, as a user bulk-loads: files read,
    // parsed and extracted on one thread, hashed and written on another.
    let corpus = corpus::corpus(1, 5000);
    let revisions: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let bytes: usize = corpus.iter().flat_map(|(_, t)| t).map(String::len).sum();
    let archive = dir.join("record-archive");
    corpus::write_archive(&archive, &corpus);
    let store = dir.join("record");
    let _ = std::fs::remove_dir_all(&store);
    let start = Instant::now();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .arg("--store")
        .arg(&store)
        .args(["import", "--quiet"])
        .arg(&archive)
        .output()
        .unwrap();
    let secs = start.elapsed().as_secs_f64();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    row(
        &format!(
            "bulk record: `claimtrail import` of {revisions} revisions ({:.1} KB average), whole command",
            bytes as f64 / revisions as f64 / 1024.0
        ),
        format!("{:.0} revisions/s", revisions as f64 / secs),
        "≥ 2,000/s",
    );
}

/// The query benches on the 1M-statement store; `parts` picks some of
/// them (who, search, blame, speakers, variants, whole) or all when empty.
/// A whole command, as a user runs it (process start, store open, query),
/// 20 times: the times, sorted.
fn whole_command(bin: &str, store: &Path, args: &[&str]) -> Vec<Duration> {
    let mut times = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let out = std::process::Command::new(bin).arg("--store").arg(store).args(args).output().unwrap();
        times.push(t.elapsed());
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    times.sort();
    times
}

fn bench_queries(dir: &Path, parts: &BTreeSet<String>) {
    let want = |p: &str| parts.is_empty() || parts.contains(p);
    let path = dir.join("queries");
    let reuse = Store::exists(&path);
    let mut store = Store::open(&path).unwrap();
    // About 40 statements per 5 KB revision: 25,000 revisions make 1,000,000.
    let corpus = corpus::corpus(2, 25_000);
    let start = Instant::now();
    let (revisions, statements) = if reuse {
        let c = store.counts().unwrap();
        (c.revisions, c.occurrences)
    } else {
        load(&mut store, &corpus)
    };
    let counts = store.counts().unwrap();
    eprintln!(
        "built a store of {statements} recorded statements ({} distinct) in {revisions} revisions, {:.0} s",
        counts.statements,
        start.elapsed().as_secs_f64()
    );
    row(
        "query store",
        format!(
            "{statements} statements recorded ({} distinct), {revisions} revisions, {} stories",
            counts.statements,
            corpus.len()
        ),
        "1,000,000 statements",
    );

    let mut rng = corpus::Rng::new(3);
    // CLAIMTRAIL_BENCH_QUERIES: fewer queries for a quick look.
    let n: usize = std::env::var("CLAIMTRAIL_BENCH_QUERIES").ok().and_then(|v| v.parse().ok()).unwrap_or(300);
    let runs = |part: &str| if want(part) { n } else { 0 };
    let time = |f: &mut dyn FnMut()| {
        f(); // warm the cache for this query
        let t = Instant::now();
        f();
        t.elapsed()
    };
    // With CLAIMTRAIL_BENCH_PER_QUERY, `variants` queries also note how
    // long the thread ran and how long it waited for a CPU (Linux's
    // schedstat), to tell a heavy query from a busy machine.
    let per_query = std::env::var_os("CLAIMTRAIL_BENCH_PER_QUERY");
    let sched = || -> (u64, u64) {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        let mut f = s.split_whitespace().map(|x| x.parse().unwrap_or(0));
        (f.next().unwrap_or(0), f.next().unwrap_or(0))
    };

    let mut who_times = Vec::with_capacity(n);
    for _ in 0..runs("who") {
        let name = format!("{} {}", rng.pick(corpus::FIRST), rng.pick(corpus::LAST));
        who_times.push(time(&mut || {
            let speakers = SpeakerIndex::load(&store).unwrap();
            if let Ok(id) = speakers.resolve(&name) {
                let group = speakers.group(&id);
                // As the command runs it: the first 100 rows.
                let filter = WhoFilter { limit: 100, ..WhoFilter::default() };
                std::hint::black_box(who(&store, &group, &filter).unwrap());
            }
        }));
    }
    let mut search_times = Vec::with_capacity(n);
    for _ in 0..runs("search") {
        let object = rng.pick(corpus::OBJECTS);
        let words = terms(object);
        let q: Vec<String> = words.iter().rev().take(2).cloned().collect();
        search_times.push(time(&mut || {
            std::hint::black_box(search(&store, &q, None, 100).unwrap());
        }));
    }
    let mut blame_times = Vec::with_capacity(n);
    for _ in 0..runs("blame") {
        let (story, _) = &corpus[rng.below(corpus.len())];
        // The latest revision (edits that changed nothing made none).
        let latest = store.story(story).unwrap().unwrap().revisions;
        blame_times.push(time(&mut || {
            std::hint::black_box(blame(&store, story, latest).unwrap());
        }));
    }
    // `speakers NAME`: the identity of a surname (every spelling in the
    // store, grouped, with the evidence) and each spelling's counts.
    let mut speakers_times = Vec::with_capacity(n);
    for _ in 0..runs("speakers") {
        let name = rng.pick(corpus::LAST).to_string();
        speakers_times.push(time(&mut || {
            let speakers = SpeakerIndex::load(&store).unwrap();
            if let Ok(resolved) = speakers.resolve_identity(&name) {
                std::hint::black_box(spelling_counts(&store, &resolved).unwrap());
            }
        }));
    }
    // `variants CLAIM` and `variants SPEAKER`, as the command finds them:
    // seeds by words or by speaker, candidates from the variant index, each
    // checked on whole sentences, members laid out and flagged. Each is
    // timed as the command runs by default (at most `MEMBERS` renderings
    // listed a group) and with `--members 0` (every rendering listed), on
    // the same queries.
    let claims: Vec<String> = (0..runs("variants"))
        .map(|_| {
            let object = rng.pick(corpus::OBJECTS);
            let q: Vec<String> = terms(object).iter().rev().take(2).cloned().collect();
            q.join(" ")
        })
        .collect();
    let names: Vec<String> =
        (0..runs("variants")).map(|_| format!("{} {}", rng.pick(corpus::FIRST), rng.pick(corpus::LAST))).collect();
    let mut groups_found = 0usize;
    let mut variants_rows = Vec::new();
    // CLAIMTRAIL_BENCH_VARIANTS=CLAIM or SPEAKER: time only that kind (the
    // same queries as when both are timed).
    let only = std::env::var("CLAIMTRAIL_BENCH_VARIANTS").ok();
    for (kind, queries, claim_only) in [("CLAIM", &claims, true), ("SPEAKER", &names, false)] {
        if only.as_deref().is_some_and(|k| k != kind) {
            continue;
        }
        for (members, how) in [(MEMBERS, String::new()), (0, " --members 0".to_string())] {
            let mut cpu: Vec<(u64, u64)> = Vec::new();
            let times: Vec<Duration> = queries
                .iter()
                .map(|q| {
                    let before = sched();
                    let t = time(&mut || {
                        let speakers = SpeakerIndex::load(&store).unwrap();
                        // As the command runs it: the first 20 groups.
                        let found = find(&store, &speakers, q, (claim_only, false), (20, members), &|_| true)
                            .map(|f| f.groups.len())
                            .unwrap_or(0);
                        groups_found += usize::from(claim_only && members == MEMBERS) * found;
                        std::hint::black_box(found);
                    });
                    let after = sched();
                    // Both runs of the query (the warm-up and the timed one).
                    cpu.push((after.0 - before.0, after.1 - before.1));
                    t
                })
                .collect();
            if let Some(path) = &per_query {
                // One line per timed query, in the order asked: its time,
                // then the thread's time on a CPU and waiting for one over
                // both runs, nanoseconds.
                use std::io::Write;
                let mut f = std::fs::OpenOptions::new().create(true).append(true).open(path).unwrap();
                for ((q, t), (ran, waited)) in queries.iter().zip(&times).zip(&cpu) {
                    writeln!(f, "{kind}{how}\t{q}\t{}\t{ran}\t{waited}", t.as_nanos()).unwrap();
                }
            }
            variants_rows.push((format!("variants {kind}{how}"), times));
        }
    }
    eprintln!("variants CLAIM: {} groups found over {} timed queries", groups_found / 2, n);
    for (name, mut times) in variants_rows {
        if times.is_empty() {
            continue;
        }
        times.sort();
        row(
            &format!("`{name}` latency (in process, warm cache, {n} queries)"),
            format!("p50 {} / p99 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99))),
            "p99 ≤ 50 ms",
        );
    }
    let size = store.size().unwrap();
    let index = size.by_kind.get("variant index").copied().unwrap_or(0);
    row(
        "variant index in the query store (logical bytes)",
        format!(
            "{:.1} MB of {:.1} MB ({:.1}%), {:.0} bytes per distinct statement",
            index as f64 / 1e6,
            size.logical_bytes as f64 / 1e6,
            100.0 * index as f64 / size.logical_bytes as f64,
            index as f64 / counts.statements as f64
        ),
        "(reference)",
    );
    for (name, mut times) in
        [("who", who_times), ("speakers NAME", speakers_times), ("search", search_times), ("blame", blame_times)]
    {
        if times.is_empty() {
            continue;
        }
        times.sort();
        row(
            &format!("`{name}` latency (in process, warm cache, {n} queries)"),
            format!("p50 {} / p99 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99))),
            "p99 ≤ 10 ms",
        );
    }
    drop(store);
    if !want("whole") {
        return;
    }
    // Measure the store at rest: let the OS write back what building it
    // left dirty (hundreds of MB) rather than time commands against that.
    let _ = std::process::Command::new("sync").status();

    // Whole commands, as a user runs them: process start, store open, query.
    let bin = env!("CARGO_BIN_EXE_claimtrail");
    let whole = |args: &[&str]| {
        let times = whole_command(bin, &path, args);
        format!("median {} / max {}", ms(percentile(&times, 0.5)), ms(*times.last().unwrap()))
    };
    let longest = corpus.iter().max_by_key(|(_, t)| t.len()).unwrap();
    row(
        &format!("`claimtrail log {}` ({} revisions), whole command", longest.0, longest.1.len()),
        whole(&["log", &longest.0]),
        "≤ 50 ms",
    );
    row("`claimtrail who \"Maria Alvarez\"`, whole command", whole(&["who", "Maria Alvarez"]), "(reference)");
    row("`claimtrail search bridge budget`, whole command", whole(&["search", "bridge", "budget"]), "(reference)");
    row(&format!("`claimtrail blame {}`, whole command", longest.0), whole(&["blame", &longest.0]), "(reference)");
}

fn bench_fingerprint() {
    // The revisions `record` sees: each story's in order; only statements
    // the previous revision lacks are new to the store and fingerprinted.
    let corpus = corpus::corpus(1, 2000);
    let mut revisions = 0u64;
    let mut fingerprinted = 0u64;
    let mut spent = Duration::ZERO;
    for (_, texts) in &corpus {
        let mut previous: BTreeSet<String> = BTreeSet::new();
        for text in texts {
            let doc = read_document(text.as_bytes(), None).unwrap();
            let prepared = Prepared::new(text.as_bytes().to_vec(), String::new(), doc);
            let now: BTreeSet<String> = prepared.extraction.statements.iter().map(|s| s.content.clone()).collect();
            let fresh: Vec<&String> = now.difference(&previous).collect();
            let t = Instant::now();
            for c in &fresh {
                std::hint::black_box(claimtrail::variants::prints(c));
            }
            spent += t.elapsed();
            fingerprinted += fresh.len() as u64;
            revisions += 1;
            previous = now;
        }
    }
    row(
        &format!("variant index at record time: fingerprinting new statements ({revisions} revisions)"),
        format!(
            "{:.1} µs per revision ({:.1} new statements per revision, {:.2} µs each)",
            spent.as_secs_f64() * 1e6 / revisions as f64,
            fingerprinted as f64 / revisions as f64,
            spent.as_secs_f64() * 1e6 / fingerprinted.max(1) as f64
        ),
        "(reference)",
    );
}

fn bench_disk(dir: &Path) {
    let mut rng = corpus::Rng::new(4);
    let texts = corpus::story(&mut rng, 20, 5000);
    let path = dir.join("disk");
    let _ = std::fs::remove_dir_all(&path);
    let mut store = Store::open(&path).unwrap();
    let mut known = BTreeMap::new();
    let mut previous = Vec::new();
    let base = Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap();
    let mut after_first = 0;
    for (i, text) in texts.iter().enumerate() {
        let doc = read_document(text.as_bytes(), None).unwrap();
        let mut prepared = Prepared::new(text.as_bytes().to_vec(), format!("{i:02}.txt"), doc);
        prepared.unify("one", &mut known).unwrap();
        previous = prepared.follow(&previous).unwrap();
        let at = base + chrono::Duration::hours(i as i64);
        let new = prepared.to_revision("one", &mut known, &[], at, None, None).unwrap();
        store.record_revision(new).unwrap();
        if i == 0 {
            after_first = store.size().unwrap().logical_bytes;
        }
    }
    let size = store.size().unwrap();
    let one = texts[0].len() as f64;
    // What the target is a multiple of: the text the 20 revisions hold, as
    // for the whole store in the growth rows.
    let text: usize = texts.iter().map(String::len).sum();
    let per_edit = (size.logical_bytes - after_first) as f64 / (texts.len() - 1) as f64;
    drop(store);
    let (apparent, allocated) = walk(&path);
    row(
        "20 revisions of one 5 KB story, small edits: logical bytes (keys + values)",
        format!(
            "{:.2}× the 20 revisions' text ({} of {text} bytes); {:.1}× one revision's text",
            size.logical_bytes as f64 / text as f64,
            size.logical_bytes,
            size.logical_bytes as f64 / one
        ),
        "(reference)",
    );
    row(
        "the same, each revision after the first (an edit's cost)",
        format!("{:.2}× one revision's text ({per_edit:.0} bytes)", per_edit / one),
        "(reference)",
    );
    row(
        "the same, the store's files on the file system (allocated blocks: sled, journal)",
        format!("{:.2}× the text ({allocated} bytes; file lengths {apparent})", allocated as f64 / text as f64),
        "≤ 3×",
    );
    let parts: Vec<String> =
        size.by_kind.iter().map(|(what, bytes)| format!("{what} {:.2}×", *bytes as f64 / one)).collect();
    row("the same, logical bytes by kind (× one revision's text)", parts.join(", "), "(reference)");
    Store::open(&path).unwrap().compact(&|_| {}).unwrap();
    let (_, compacted) = walk(&path);
    row(
        "the same after `claimtrail compact`",
        format!("{:.2}× the text ({compacted} bytes)", compacted as f64 / text as f64),
        "≤ 3×",
    );
}

/// The bytes under `p`: file lengths, and the blocks the file system
/// allocated for them (what `du` counts; holes take none).
fn walk(p: &Path) -> (u64, u64) {
    use std::os::unix::fs::MetadataExt;
    let (mut apparent, mut allocated) = (0, 0);
    for e in std::fs::read_dir(p).unwrap().flatten() {
        let m = e.metadata().unwrap();
        let (a, b) = if m.is_dir() { walk(&e.path()) } else { (m.len(), m.blocks() * 512) };
        apparent += a;
        allocated += b;
    }
    (apparent, allocated)
}

/// Run the binary on `store` under `/usr/bin/time`: wall seconds and peak
/// RSS in KB.
fn timed(store: &Path, args: &[&std::ffi::OsStr]) -> (f64, u64) {
    let start = Instant::now();
    let out = std::process::Command::new("/usr/bin/time")
        .args(["-f", "%M"])
        .arg(env!("CARGO_BIN_EXE_claimtrail"))
        .arg("--store")
        .arg(store)
        .args(args)
        .output()
        .expect("/usr/bin/time (Debian package `time`)");
    let secs = start.elapsed().as_secs_f64();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let kb = String::from_utf8_lossy(&out.stderr).lines().last().and_then(|l| l.trim().parse().ok()).unwrap_or(0);
    (secs, kb)
}

fn bench_rss(dir: &Path) {
    let archive = dir.join("rss-archive");
    let corpus = corpus::corpus(5, 100_000);
    corpus::write_archive(&archive, &corpus);
    let _ = std::fs::remove_dir_all(dir.join("rss-store"));
    let (secs, kb) = timed(&dir.join("rss-store"), &["import".as_ref(), "--quiet".as_ref(), archive.as_os_str()]);
    row(
        "peak RSS, `claimtrail import` of 100,000 revisions (5 KB)",
        format!("{:.0} MB ({:.0} revisions/s whole command)", kb as f64 / 1024.0, 100_000.0 / secs),
        "≤ 200 MB",
    );
}

fn bench_reanalyze(dir: &Path) {
    let store = dir.join("rss-store");
    if !Store::exists(&store) {
        bench_rss(dir);
    }
    let revisions = Store::open(&store).unwrap().counts().unwrap().revisions;
    // --force: every analysis derived again and rewritten, as after a
    // change of rules (without it, a store this version made is left as
    // it is, and the run only reads and compares).
    let (secs, kb) = timed(&store, &["reanalyze".as_ref(), "--force".as_ref()]);
    row(
        &format!("`claimtrail reanalyze --force` of {revisions} revisions (5 KB), whole command"),
        format!("{:.0} revisions/s, peak RSS {:.0} MB", revisions as f64 / secs, kb as f64 / 1024.0),
        "≥ 1,000/s",
    );
    let (secs, kb) = timed(&store, &["reanalyze".as_ref()]);
    row(
        &format!("`claimtrail reanalyze` of {revisions} revisions, nothing to rewrite"),
        format!("{:.0} revisions/s, peak RSS {:.0} MB", revisions as f64 / secs, kb as f64 / 1024.0),
        "",
    );
}

/// Open the store at `path` read-only and print how long that took, in
/// microseconds: run by `growth` as a fresh process (`open-only PATH`), so
/// sled starts cold as every command's does.
fn open_only(path: &Path) {
    let start = Instant::now();
    let options = claimtrail_store::OpenOptions { read_only: true, ..Default::default() };
    let store = Store::open_with(path, &options).unwrap();
    println!("{}", start.elapsed().as_micros());
    std::hint::black_box(&store);
    // The process ends here; a read-only handle is never closed anyway.
    std::process::exit(0);
}

/// A compacted copy of the store at `path` beside it, made once (and the
/// compaction's time and peak RSS reported) and kept for later runs.
fn compacted_copy(path: &Path) -> std::path::PathBuf {
    let name = path.file_name().unwrap().to_string_lossy();
    let copy = path.with_file_name(format!("{name}-compact"));
    if Store::exists(&copy) {
        return copy;
    }
    // Made aside and renamed when complete, as the store itself is.
    let making = path.with_file_name(format!("{name}-compacting"));
    let _ = std::fs::remove_dir_all(&making);
    let copied = std::process::Command::new("cp").arg("-a").arg(path).arg(&making).status().unwrap();
    assert!(copied.success(), "copying {}", path.display());
    let (secs, kb) = timed(&making, &["compact".as_ref()]);
    std::fs::rename(&making, &copy).unwrap();
    row(&format!("`compact` of {name}"), format!("{secs:.1} s, peak RSS {:.0} MB", kb as f64 / 1024.0), "");
    copy
}

fn bench_growth(dir: &Path) {
    let sizes: Vec<usize> = std::env::var("CLAIMTRAIL_BENCH_GROWTH")
        .unwrap_or_else(|_| "1,3,10".into())
        .split(',')
        .filter_map(|m| m.trim().parse().ok())
        .collect();
    let build_only = std::env::var("CLAIMTRAIL_BENCH_GROWTH_BUILD").is_ok_and(|v| v == "1");
    let compact = std::env::var("CLAIMTRAIL_BENCH_GROWTH_COMPACT").is_ok_and(|v| v == "1");
    let bin = env!("CARGO_BIN_EXE_claimtrail");
    for m in sizes {
        let path = dir.join(format!("growth-{m}m"));
        // About 45 statements per revision: 22,500 revisions a million.
        let corpus = corpus::corpus(2, 22_500 * m);
        if !Store::exists(&path) {
            // Built aside and renamed when complete: an interrupted build
            // is never taken for a store.
            let building = dir.join(format!("growth-{m}m.building"));
            let _ = std::fs::remove_dir_all(&building);
            let start = Instant::now();
            let mut store = Store::open(&building).unwrap();
            let (revisions, statements) = load(&mut store, &corpus);
            drop(store);
            std::fs::rename(&building, &path).unwrap();
            eprintln!(
                "growth: built {} with {statements} statements in {revisions} revisions, {:.0} s",
                path.display(),
                start.elapsed().as_secs_f64()
            );
        }
        if build_only {
            continue;
        }
        let (path, compacted) = if compact { (compacted_copy(&path), " compacted") } else { (path, "") };
        let _ = std::process::Command::new("sync").status();
        let counts = Store::open_with(&path, &claimtrail_store::OpenOptions { read_only: true, ..Default::default() })
            .unwrap()
            .counts()
            .unwrap();
        let label = format!("{:.1}M statements{compacted}", counts.occurrences as f64 / 1e6);
        let whole = |args: &[&str]| {
            let times = whole_command(bin, &path, args);
            format!("median {} / p99 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99)))
        };
        let longest = corpus.iter().max_by_key(|(_, t)| t.len()).unwrap();
        // One untimed command first: the first open after a bulk load
        // still has sled's markers to write (once), and the page cache to
        // fill.
        let _ = std::process::Command::new(bin).arg("--store").arg(&path).args(["log", &longest.0]).output();
        let mut opens: Vec<Duration> = (0..20)
            .map(|_| {
                let out = std::process::Command::new(std::env::current_exe().unwrap())
                    .arg("open-only")
                    .arg(&path)
                    .output()
                    .unwrap();
                let micros: u64 = String::from_utf8_lossy(&out.stdout).trim().parse().expect("open-only prints µs");
                Duration::from_micros(micros)
            })
            .collect();
        opens.sort();
        let (_, disk) = walk(&path);
        // The text the revisions hold (an edit that changed nothing is not
        // recorded, so this slightly overstates it).
        let text: usize = corpus.iter().flat_map(|(_, texts)| texts).map(String::len).sum();
        row(
            &format!("{label}: store ({} revisions, {} stories)", counts.revisions, corpus.len()),
            format!(
                "{:.0} MB on disk ({:.1}× the text), {:.0} bytes per revision; open alone median {} / p99 {}",
                disk as f64 / 1e6,
                disk as f64 / text as f64,
                disk as f64 / counts.revisions as f64,
                ms(percentile(&opens, 0.5)),
                ms(percentile(&opens, 0.99))
            ),
            "disk ≤ 4× the logical text",
        );
        row(
            &format!("{label}: `log {}`, whole command", longest.0),
            whole(&["log", &longest.0]),
            "≤ 30 ms median, ≤ 60 ms p99 at 10M",
        );
        row(
            &format!("{label}: `who \"Maria Alvarez\"`, whole command"),
            whole(&["who", "Maria Alvarez"]),
            "≤ 30 ms median, ≤ 60 ms p99 at 10M",
        );
        row(&format!("{label}: `search bridge budget`, whole command"), whole(&["search", "bridge", "budget"]), "");
        row(&format!("{label}: `blame {}`, whole command", longest.0), whole(&["blame", &longest.0]), "");
        let (secs, kb) = timed(&path, &["verify".as_ref()]);
        row(
            &format!("{label}: `verify`"),
            format!("{secs:.1} s, peak RSS {:.0} MB", kb as f64 / 1024.0),
            "≤ 60 s at 10M",
        );
        // 1,000 more revisions, in stories of their own, into the store.
        let more = dir.join(format!("growth-{m}m-more"));
        let extra: Vec<(String, Vec<String>)> = corpus::corpus(7 + m as u64, 1_000)
            .into_iter()
            .map(|(story, texts)| (format!("more-{m}m-{story}"), texts))
            .collect();
        corpus::write_archive(&more, &extra);
        // Into a copy: the kept store stays as built for the next run.
        let copy = dir.join(format!("growth-{m}m-copy"));
        let _ = std::fs::remove_dir_all(&copy);
        let copied = std::process::Command::new("cp").arg("-a").arg(&path).arg(&copy).status().unwrap();
        assert!(copied.success(), "copying {}", path.display());
        let (secs, kb) = timed(&copy, &["import".as_ref(), "--quiet".as_ref(), more.as_os_str()]);
        std::fs::remove_dir_all(&copy).unwrap();
        std::fs::remove_dir_all(&more).unwrap();
        row(
            &format!("{label}: `import` of 1,000 more revisions into it"),
            format!("peak RSS {:.0} MB ({:.0} revisions/s)", kb as f64 / 1024.0, 1_000.0 / secs),
            "≤ 200 MB",
        );
    }
}

fn main() {
    let raw: Vec<String> = std::env::args().skip(1).collect();
    if raw.len() == 2 && raw[0] == "open-only" {
        open_only(Path::new(&raw[1]));
    }
    let args: BTreeSet<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let all = args.is_empty();
    // CLAIMTRAIL_BENCH_DIR keeps the stores for inspection (and reuses the
    // query store when it is already built); otherwise a temporary directory.
    let keep = std::env::var_os("CLAIMTRAIL_BENCH_DIR").map(std::path::PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = keep.as_deref().unwrap_or(temp.path());
    std::fs::create_dir_all(dir).unwrap();
    println!("| benchmark | figure | target |");
    println!("|---|---|---|");
    if all || args.contains("record") {
        bench_record(dir);
    }
    if all || args.contains("fingerprint") {
        bench_fingerprint();
    }
    if all || args.contains("disk") {
        bench_disk(dir);
    }
    // `queries` runs every query bench; `queries who speakers …` some.
    let parts: BTreeSet<String> = ["who", "search", "blame", "speakers", "variants", "whole"]
        .into_iter()
        .filter(|p| args.contains(*p))
        .map(String::from)
        .collect();
    if all || args.contains("queries") || !parts.is_empty() {
        bench_queries(dir, &parts);
    }
    if all || args.contains("rss") {
        bench_rss(dir);
    }
    if all || args.contains("reanalyze") {
        bench_reanalyze(dir);
    }
    if args.contains("growth") {
        bench_growth(dir);
    }
}
