//! `claimtrail import`: many revisions in one process, from a directory of
//! story folders or from an export.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use claimtrail_store::{Hash32, Recorded, Store, WriteBatch, blob_id, validate_story_id};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::backup::{CheckLine, ExportReader, FORMAT_NAME, FORMAT_VERSION, KeptText, Line};
use crate::commands::Ctx;
use crate::commands::input::{DEFAULT_MAX_BYTES, Source, check_article, check_recordable, document_of, read_bytes};
use crate::error::{CliError, Result, exit};
use crate::ingest::Document;
use crate::record::{Prepared, latest_statements, story_speakers};
use crate::time::parse_time;

/// Load many revisions at once: a directory of stories, or an export.
///
/// A directory holds one folder per story, named by the story id, with one
/// file per revision named `NN-anything.txt` (or .md, .html), taken in name
/// order. A revision's capture time is read from the name when it follows
/// the number (`03-2020-03-12T1830Z.txt`, `03-2020-03-12.html`), else it is
/// the file's modification time.
///
/// A file is read as the JSON lines `claimtrail export` writes, and
/// restores those revisions exactly (same ids). The whole file is checked
/// first (ids, capture times, each text against its raw bytes, statements
/// against the text), so a file refused anywhere writes nothing.
///
/// A web archive (`ARCHIVE.warc`, `ARCHIVE.warc.gz`, or a directory of
/// them, as wget --warc-file, Heritrix or `claimtrail track --warc` write)
/// makes each capture of an article page a revision of the story for its
/// URL, captured at its WARC-Date; revisits, failed responses and pages
/// that are not articles are skipped and counted.
///
/// Revisions are written in batches, each atomically and flushed, so a
/// crash loses at most the batch in flight and never leaves a half-written
/// revision. Running the same import again skips what is already there and
/// finishes the job.
///
/// A backup made with another claimtrail version whose revisions this
/// version reads otherwise is refused; `--keep-recorded-text` restores it
/// as recorded, listing each revision kept that way (only for backups you
/// made yourself: see below).
///
/// Examples:
///   claimtrail import archive/
///   claimtrail import backup.jsonl --store restored/
///   claimtrail import last-month.jsonl --keep-recorded-text --store restored/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A directory of story folders, or an export file (- for standard input).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Revisions per atomic batch [default: 64 on sled, 256 on PostgreSQL]
    /// (on sled, 64 loads as fast as 256 in half the memory; on PostgreSQL
    /// a batch's statements and postings cost the server per batch).
    #[arg(long, value_name = "N")]
    pub batch: Option<usize>,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse revision files larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// Restore a backup you made yourself with another claimtrail version:
    /// keep each revision's text as that version read it, even where this
    /// version reads its raw bytes into a text that says something else.
    ///
    /// Without it, such a revision is refused (it looks exactly like an
    /// edited export). With it, each revision kept that way is listed
    /// (story, number, and how its statements differ from this version's
    /// reading, e.g. "+3 -1 statements"); its raw bytes are kept as
    /// evidence, its statements are derived from the kept text, and
    /// `verify` proves the store holds what the backup said, not that the
    /// text came from the bytes. Do not use it on an export from anyone
    /// else: anyone can name another version in a line and write a text
    /// with quotes no page held, its ids recomputed, and this flag takes
    /// it. A line of this version's own is refused whatever the flag. Keep
    /// the backup you restored from: the restored store's own export names
    /// this version for those revisions, and this version refuses them.
    #[arg(long)]
    pub keep_recorded_text: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capture_times_in_names() {
        let t = |n: &str| time_in_name(Path::new(n)).map(|t| t.to_rfc3339());
        assert_eq!(t("03-2020-03-12T1830Z.txt").as_deref(), Some("2020-03-12T18:30:00+00:00"));
        assert_eq!(t("03-2020-03-12T18:30:00Z-update.txt").as_deref(), Some("2020-03-12T18:30:00+00:00"));
        assert_eq!(t("03-2020-03-12.html").as_deref(), Some("2020-03-12T00:00:00+00:00"));
        assert_eq!(t("03-first.txt"), None);
    }

    #[test]
    fn the_check_keeps_readings_up_to_its_budget() {
        let dir = tempfile::tempdir().unwrap();
        let story = dir.path().join("story-1");
        std::fs::create_dir(&story).unwrap();
        std::fs::write(story.join("01-first.txt"), "The mayor said the bridge would open in May.").unwrap();
        std::fs::write(story.join("02-second.txt"), "The mayor said the bridge would open in June.").unwrap();
        let all = plan_directory(dir.path(), DEFAULT_MAX_BYTES, usize::MAX).unwrap();
        let first = all[0].files[0].kept.as_ref().unwrap();
        let budget = kept_size(&first.0, &first.1);
        let some = plan_directory(dir.path(), DEFAULT_MAX_BYTES, budget).unwrap();
        let kept: Vec<bool> = some[0].files.iter().map(|f| f.kept.is_some()).collect();
        assert_eq!(kept, [true, false]);
        // What is kept is what reading the file again gives.
        let source = Source::File(story.join("01-first.txt"));
        let raw = read_bytes(&source, DEFAULT_MAX_BYTES).unwrap();
        assert_eq!(**first, (raw.clone(), document_of(&source, &raw).unwrap()));
        assert_eq!(all[0].files[1].text, some[0].files[1].text);
    }
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    recorded: u64,
    unchanged: u64,
    skipped: u64,
    stories: u64,
    /// Revisions kept with their recorded text (`--keep-recorded-text`).
    kept_text: Vec<KeptText>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    // A directory that is someone else's is refused before the input is
    // read (which may take long), as well as when the store is opened.
    ctx.check_store_target()?;
    if args.keep_recorded_text && (args.path.is_dir() || crate::warc::is_warc_input(&args.path)) {
        return Err(CliError::new(format!(
            "--keep-recorded-text applies to an export, and {} is not one",
            args.path.display()
        ))
        .with_hint("a directory or a web archive is read with this version; only an export carries recorded texts"));
    }
    if crate::warc::is_warc_input(&args.path) {
        return crate::warc::import::run(ctx, &args.path, args.max_bytes);
    }
    ctx.cache_bytes = Some(claimtrail_store::BULK_CACHE_BYTES);
    let summary = if args.path.is_dir() {
        // Every file is read and checked before the store is opened, so a
        // bad file anywhere (the last folder's included) changes nothing.
        let mut plan = plan_directory(&args.path, args.max_bytes, KEPT_BYTES)?;
        let mut store = ctx.open_store()?;
        let batch_size = batch_size(args.batch, &store);
        match_stored(&store, &mut plan)?;
        let progress = crate::output::progress_bar(plan.iter().map(|s| s.files.len() as u64).sum(), args.quiet);
        let name = args.path.display().to_string();
        let s = import_directory(&mut store, &mut plan, batch_size, args.max_bytes, &progress, &name)?;
        progress.finish_and_clear();
        s
    } else {
        let name = args.path.display().to_string();
        let limit = crate::backup::line_limit(args.max_bytes);
        let stdin = args.path == Path::new("-");
        let open = || -> Result<Box<dyn BufRead>> {
            let f = std::fs::File::open(&args.path).map_err(|e| CliError::input(&args.path, &e))?;
            Ok(Box::new(BufReader::new(f)))
        };
        // The whole export is checked (every id recomputed, every text read
        // again from its raw bytes, every analysis derived again) before
        // anything is written, so a file refused anywhere, its last line
        // included, leaves the store as it was; standard input is copied
        // aside meanwhile, to be read again for the import. Memory stays
        // bounded by one line and each story's speakers.
        let mut reader = if stdin {
            let mut r = ExportReader::new(Box::new(BufReader::new(std::io::stdin())) as Box<dyn BufRead>, &name, limit);
            let spool = tempfile::tempfile().map_err(|e| CliError::new(format!("cannot copy {name} aside: {e}")))?;
            r.spool = Some(std::io::BufWriter::new(spool));
            r
        } else {
            ExportReader::new(open()?, &name, limit)
        };
        // A store that exists is opened before the check (and held: no
        // other writer changes it in between), to read: revisions that
        // continue a stored story are derived with its speakers, as the
        // import will, and must be dated after its latest. One that does
        // not is created only once the file is found good.
        let existing = match Store::exists(&ctx.store_dir()?) {
            true => Some(ctx.open_store()?),
            false => None,
        };
        let checked = check_export(&mut reader, existing.as_ref(), &name, args.max_bytes, args.keep_recorded_text)?;
        let lines: Box<dyn BufRead> = match reader.spool.take() {
            Some(spool) => {
                let mut f = spool.into_inner().map_err(|e| CliError::new(format!("cannot copy {name} aside: {e}")))?;
                std::io::Seek::rewind(&mut f).map_err(|e| CliError::new(format!("cannot copy {name} aside: {e}")))?;
                Box::new(BufReader::new(f))
            }
            None => open()?,
        };
        let mut store = match existing {
            Some(store) => store,
            None => ctx.open_store()?,
        };
        let batch_size = batch_size(args.batch, &store);
        checked.against(&store, &name)?;
        let progress = crate::output::progress_bar(checked.revisions, args.quiet);
        let mut s = import_export(
            &mut store,
            &name,
            ExportReader::new(lines, &name, limit),
            &checked.rederive,
            batch_size,
            &progress,
        )?;
        progress.finish_and_clear();
        s.kept_text = checked.kept_text;
        s
    };
    if ctx.out.json() {
        ctx.out.write_json(&summary)?;
    } else {
        if !summary.kept_text.is_empty() {
            ctx.out.line(&format!(
                "kept the recorded text of {} {} from another claimtrail version (this version reads its raw bytes otherwise):",
                summary.kept_text.len(),
                if summary.kept_text.len() == 1 { "revision" } else { "revisions" }
            ))?;
            for k in &summary.kept_text {
                ctx.out.line(&format!(
                    "  {}@{}  {}  ({})",
                    k.story,
                    k.number,
                    k.describe(),
                    k.analysis.as_deref().unwrap_or("no analysis version")
                ))?;
            }
        }
        ctx.out.line(&format!(
            "imported {} revisions into {} stories ({} already there, {} unchanged)",
            summary.recorded, summary.stories, summary.skipped, summary.unchanged
        ))?;
    }
    Ok(exit::OK)
}

/// Revisions per write batch: as asked, or the store's default.
///
/// PostgreSQL pays per batch what sled does not: each table's insert
/// statement, the shared rows' tail and a commit, and search and variant
/// postings keyed by batch (a term in 4 revisions of one batch is one
/// row). 256 against 64, 4,941 revisions by 4 writers: the server's CPU
/// 2.34-2.40 -> 1.75-1.96 s, the clients' 3.74-3.82 -> 3.38-3.57 s, each
/// client's memory 37 -> 42 MB; 1,024 saves little more (1.74-1.78 s).
/// A crash still loses at most the batch in flight.
fn batch_size(asked: Option<usize>, store: &Store) -> usize {
    match asked {
        Some(n) => n.max(1),
        None if store.is_postgres() => 256,
        None => 64,
    }
}

/// One revision file of an import directory, as checked before writing.
#[derive(Debug)]
struct FileRev {
    path: PathBuf,
    text: Hash32,
    at: DateTime<Utc>,
    /// The file's bytes and its reading, kept from the check for the
    /// import (see [`KEPT_BYTES`]); `None`: read again then.
    kept: Kept,
}

/// A file's bytes and their reading, if kept (see [`FileRev::kept`]).
type Kept = Option<Box<(Vec<u8>, Document)>>;

/// How much of a directory's files [`plan_directory`] keeps as read, raw
/// bytes and paragraphs counted: reading and understanding each file twice
/// (to check all of them before the store is opened, then to import) was
/// 7% of an import's CPU (perf, 4,941 revisions). Past this, files are
/// read again when imported, so memory stays bounded however large the
/// directory; 4,941 news revisions of about 5 KB keep about 50 MB.
///
/// Everything kept is held at once when the writing starts, on top of
/// what the import then grows to: at 256 MB, importing 100,000 revisions
/// peaked at 444 MB of RSS (the bar is 200), while reading a file again
/// costs the reading thread about 0.06 ms, and that thread waits for the
/// writer anyway. 32 MB keeps the first 3,000 or so files of a directory.
const KEPT_BYTES: usize = 32 << 20;

/// What keeping a file's reading holds in memory, about.
fn kept_size(raw: &[u8], document: &Document) -> usize {
    raw.len() + document.paragraphs.iter().map(|p| p.len() + std::mem::size_of::<String>()).sum::<usize>()
}

/// One story folder of an import directory.
#[derive(Debug)]
struct StoryDir {
    story: String,
    files: Vec<FileRev>,
    /// How many leading files the store holds already (a re-run).
    stored: usize,
}

const EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "html", "htm"];

/// Order file names as people number them: `2-…` before `10-…`, whatever
/// the zero padding; the rest of the name breaks ties.
fn natural_key(path: &Path) -> (usize, String, String) {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    let number = digits.trim_start_matches('0').to_string();
    (number.len(), number, name)
}

/// Read the directory layout and every revision file before touching the
/// store, so a bad layout or a bad file anywhere changes nothing. What is
/// kept of each is its text's id and time, and its reading while the ones
/// kept come to less than `budget` bytes.
fn plan_directory(root: &Path, max_bytes: u64, budget: usize) -> Result<Vec<StoryDir>> {
    let read = |p: &Path| std::fs::read_dir(p).map_err(|e| CliError::input(p, &e));
    let mut stories = Vec::new();
    for entry in read(root)? {
        let entry = entry.map_err(|e| CliError::input(root, &e))?;
        let path = entry.path();
        if !path.is_dir() {
            continue;
        }
        let story = entry.file_name().to_string_lossy().into_owned();
        validate_story_id(&story).map_err(|e| CliError::new(format!("cannot import {}: {e}", path.display())))?;
        let mut files = Vec::new();
        for f in read(&path)? {
            let f = f.map_err(|e| CliError::input(&path, &e))?.path();
            // "01-first.html.gz" is read decompressed (see `read_bytes`).
            let name = f.to_string_lossy().to_ascii_lowercase();
            let ext = Path::new(name.strip_suffix(".gz").unwrap_or(&name))
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_string);
            let numbered =
                f.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            if f.is_file() && numbered && ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
                files.push(f);
            }
        }
        files.sort_by_cached_key(|f| natural_key(f));
        if !files.is_empty() {
            stories.push((story, files));
        }
    }
    stories.sort_by(|a, b| a.0.cmp(&b.0));
    if stories.is_empty() {
        return Err(CliError::new(format!("{} holds no story folders with revision files", root.display()))
            .with_hint("lay it out as STORY/01-first.txt, STORY/02-update.html, ..."));
    }
    // The stories are checked on as many threads as there are cores (the
    // writing has not begun: nothing else runs), taken in order; a story
    // begun is finished, so the first bad file in story order is the one
    // reported, as one thread would.
    let kept_bytes = AtomicUsize::new(0);
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, CHECK_THREADS);
    let mut checked: Vec<Option<CheckedStory>> = std::iter::repeat_with(|| None).take(stories.len()).collect();
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    while !failed.load(Ordering::Relaxed) {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((_, paths)) = stories.get(i) else { break };
                        let story = check_story(paths, max_bytes, budget, &kept_bytes);
                        if story.is_err() {
                            failed.store(true, Ordering::Relaxed);
                        }
                        done.push((i, story));
                    }
                    done
                })
            })
            .collect();
        for worker in workers {
            for (i, story) in worker.join().expect("a check thread panicked") {
                checked[i] = Some(story);
            }
        }
    });
    let mut plan = Vec::with_capacity(stories.len());
    for ((story, _), checked) in stories.into_iter().zip(checked) {
        // Stories after a failed one may not have been checked.
        let Some(files) = checked else { break };
        plan.push(StoryDir { story, files: files?, stored: 0 });
    }
    Ok(plan)
}

/// At most this many threads check an import directory's files.
const CHECK_THREADS: usize = 4;

/// What checking one story folder found: its files or the first error.
type CheckedStory = Result<Vec<FileRev>>;

/// A capture time as errors show it.
fn show_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

/// The error for a revision file dated before the one it follows.
fn backwards(path: &Path, at: DateTime<Utc>, before: &Path, before_at: DateTime<Utc>) -> CliError {
    CliError::new(format!(
        "cannot import {}: it is dated {}, before {} ({}), the revision it follows",
        path.display(),
        show_time(at),
        before.display(),
        show_time(before_at)
    ))
    .with_hint(
        "a story's revisions are recorded in the order they were captured: put the capture time after the number \
         in each file name (03-2020-03-12T1830Z.txt), or fix the files' modification times",
    )
}

/// Read and check one story folder's files (see [`plan_directory`]),
/// keeping their readings while `kept_bytes` stays within `budget`.
fn check_story(paths: &[PathBuf], max_bytes: u64, budget: usize, kept_bytes: &AtomicUsize) -> CheckedStory {
    let mut files: Vec<FileRev> = Vec::with_capacity(paths.len());
    for path in paths {
        let checked = (|| -> Result<FileRev> {
            let source = Source::File(path.clone());
            let raw = read_bytes(&source, max_bytes)?;
            check_article(&source, &raw)?;
            let document = document_of(&source, &raw)?;
            check_recordable(&source, &document)?;
            let at = captured_at(path)?;
            // A history runs forward, as `record --at` and an export's
            // import keep it: refused, not recorded out of order.
            if let Some(prev) = files.last()
                && at < prev.at
            {
                return Err(backwards(path, at, &prev.path, prev.at));
            }
            let text = blob_id(document.text().as_bytes());
            let size = kept_size(&raw, &document);
            let keep = kept_bytes
                .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |k| {
                    k.checked_add(size).filter(|&total| total <= budget)
                })
                .is_ok();
            let kept = keep.then(|| Box::new((raw, document)));
            Ok(FileRev { path: path.clone(), text, at, kept })
        })();
        files.push(checked?);
    }
    Ok(files)
}

/// Match each story's files against what the store holds (a re-run skips
/// the revisions an interrupted run recorded), before anything is written:
/// a story whose stored history differs from its files is refused whole.
fn match_stored(store: &Store, plan: &mut [StoryDir]) -> Result<()> {
    for dir in plan {
        let existing: Vec<Hash32> = store.revisions(&dir.story)?.into_iter().map(|r| r.text).collect();
        let mut matched = 0usize;
        let mut stored = 0usize;
        for (i, file) in dir.files.iter().enumerate() {
            if matched < existing.len() && existing[matched] == file.text {
                matched += 1;
            } else if matched > 0 && existing[matched - 1] == file.text {
                // The same text twice in a row was recorded once.
            } else if matched < existing.len() {
                return Err(CliError::new(format!(
                    "cannot import {}: story {:?} already has a different revision {} in the store",
                    file.path.display(),
                    dir.story,
                    matched + 1
                ))
                .with_hint("import into another --store, or under another story name"));
            } else {
                break;
            }
            stored = i + 1;
        }
        dir.stored = stored;
        // The first file to record continues the stored history: not
        // dated before its latest revision, as `record` refuses.
        if let Some(next) = dir.files.get(stored)
            && let Some(s) = store.story(&dir.story)?
            && let Some(latest) = s.last_captured_at
            && next.at < latest
        {
            return Err(CliError::new(format!(
                "cannot import {}: it is dated {}, before revision {} of story {:?} in the store ({})",
                next.path.display(),
                show_time(next.at),
                s.revisions,
                dir.story,
                show_time(latest)
            ))
            .with_hint("a story's revisions are recorded in the order they were captured"));
        }
        // Files the store has already are not read again.
        for file in &mut dir.files[..stored] {
            file.kept = None;
        }
    }
    Ok(())
}

/// The capture time a file name carries after its number, if any.
fn time_in_name(path: &Path) -> Option<DateTime<Utc>> {
    let stem = path.file_stem()?.to_str()?;
    let rest = stem.split_once('-')?.1;
    // 2020-03-12T1830Z: also accept the colon-free form file systems like.
    let candidates = [insert_colons(rest), rest.to_string()];
    candidates.iter().find_map(|c| {
        // Longest prefix that parses: names may go on after the time.
        (10..=c.len()).rev().filter(|&n| c.is_char_boundary(n)).find_map(|n| parse_time(&c[..n]).ok())
    })
}

fn insert_colons(s: &str) -> String {
    // 2020-03-12T1830Z → 2020-03-12T18:30Z
    let compact_time =
        s.len() >= 15 && s.get(10..11) == Some("T") && s.as_bytes()[11..15].iter().all(u8::is_ascii_digit);
    if compact_time { format!("{}:{}", &s[..13], &s[13..]) } else { s.to_string() }
}

fn captured_at(path: &Path) -> Result<DateTime<Utc>> {
    if let Some(t) = time_in_name(path) {
        return Ok(t);
    }
    let meta = std::fs::metadata(path).map_err(|e| CliError::input(path, &e))?;
    let modified = meta.modified().map_err(|e| CliError::input(path, &e))?;
    Ok(DateTime::<Utc>::from(modified))
}

/// What the reading thread hands the writing one (see `import_directory`).
enum Item {
    /// A file whose text the story already has (a re-run): nothing to do.
    Skip,
    /// A revision read, understood and extracted, ready to record.
    Record { story: usize, file: usize, prepared: Box<Prepared>, at: DateTime<Utc> },
}

fn import_directory(
    store: &mut Store,
    plan: &mut [StoryDir],
    batch_size: usize,
    max_bytes: u64,
    progress: &ProgressBar,
    name: &str,
) -> Result<Summary> {
    // What the store already holds of each story, read before writing.
    let mut known = Vec::with_capacity(plan.len());
    let mut latest = Vec::with_capacity(plan.len());
    for dir in plan.iter() {
        // A story with nothing left to record needs neither its people nor
        // its latest statements while others are imported.
        let records = dir.files.len() > dir.stored;
        known.push(if records { story_speakers(store, &dir.story)? } else { BTreeMap::new() });
        latest.push(if records { latest_statements(store, &dir.story)? } else { Vec::new() });
    }
    // The files' readings kept by the check go to the reading thread.
    let kept: Vec<Vec<Kept>> = plan.iter_mut().map(|d| d.files.iter_mut().map(|f| f.kept.take()).collect()).collect();
    let plan: &[StoryDir] = plan;
    let mut summary = Summary::default();
    let mut written = WriteAt::default();
    let mut recorded_stories = std::collections::BTreeSet::new();
    // Two stages on two threads: reading, parsing, extracting and diffing
    // files on one, encoding and writing on the other, about equally busy
    // (perf). In store format 1 this measured ~1,100-1,450 revisions/s
    // against ~900 on one thread; BENCHMARKS.md has today's figures.
    std::thread::scope(|scope| -> Result<()> {
        // Revisions are queued slimmed (their text, statements and speakers),
        // so the queue can be long enough to keep reading while the writer
        // flushes a batch.
        let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Item>>(64);
        let mut known = known;
        let mut latest = latest;
        scope.spawn(move || {
            for ((si, dir), kept) in plan.iter().enumerate().zip(kept) {
                let previous = std::mem::take(&mut latest[si]);
                // The story's people are only needed while it is read.
                let mut people = std::mem::take(&mut known[si]);
                if let Err(e) = read_story(si, dir, kept, &mut people, previous, max_bytes, &tx) {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        });
        // The index keys revisions write at random places are logged and
        // written into sled sorted at the end (store/src/defer.rs): a
        // crash meanwhile leaves them for the next open to write.
        store.defer_index()?;
        let mut batch: WriteBatch<'_> = store.batch()?;
        for item in rx {
            match item? {
                Item::Skip => summary.skipped += 1,
                Item::Record { story, file, mut prepared, at } => {
                    written.place = plan[story].files[file].path.display().to_string();
                    let name = &plan[story].story;
                    // Unified and diffed on the reading thread already.
                    let new = prepared.to_revision(name, &mut BTreeMap::new(), &[], at, None, None)?;
                    match batch.record(new)? {
                        Recorded::New { .. } => {
                            summary.recorded += 1;
                            recorded_stories.insert(story);
                        }
                        Recorded::Unchanged { .. } => summary.unchanged += 1,
                    }
                }
            }
            progress.inc(1);
            if batch.len() >= batch_size {
                let staged = batch.len() as u64;
                batch.commit()?;
                written.written += staged;
                batch = store.batch()?;
            }
        }
        let staged = batch.len() as u64;
        batch.commit()?;
        written.written += staged;
        store.finish_index().map_err(CliError::from)
    })
    .map_err(|e| written.failed(e, name))?;
    summary.stories = recorded_stories.len() as u64;
    Ok(summary)
}

/// Read one story folder's files, skipping those the store already holds
/// (see [`match_stored`]); `kept`: the readings the check kept, by file.
fn read_story(
    si: usize,
    dir: &StoryDir,
    kept: Vec<Kept>,
    known: &mut BTreeMap<String, claimtrail_store::SpeakerRecord>,
    mut previous: Vec<crate::extract::Statement>,
    max_bytes: u64,
    tx: &std::sync::mpsc::SyncSender<Result<Item>>,
) -> Result<()> {
    for ((i, file), kept) in dir.files.iter().enumerate().zip(kept) {
        // A closed channel means the writer stopped on an error it reports.
        if i < dir.stored {
            if tx.send(Ok(Item::Skip)).is_err() {
                return Ok(());
            }
            continue;
        }
        let (raw, document) = match kept {
            Some(kept) => *kept,
            None => {
                let source = Source::File(file.path.clone());
                let raw = read_bytes(&source, max_bytes)?;
                let document = document_of(&source, &raw)?;
                (raw, document)
            }
        };
        let mut prepared = Box::new(Prepared::new(raw, file.path.display().to_string(), document));
        prepared.unify(&dir.story, known)?;
        previous = prepared.follow(&previous)?;
        prepared.slim();
        if tx.send(Ok(Item::Record { story: si, file: i, prepared, at: file.at })).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// What checking a whole export found, kept small: per story the number
/// and id of each revision, the speakers named, the aliases, and the
/// stories watches and checks belong to.
#[derive(Debug, Default)]
struct Checked {
    revisions: u64,
    /// Per story: (number, id) of its revisions in the file, and the parent
    /// of the first.
    stories: BTreeMap<String, StoryRevs>,
    speakers: HashSet<String>,
    aliases: Vec<(String, String)>,
    /// Stories of watch and check lines, with the line naming each first.
    tracked: BTreeMap<String, usize>,
    /// Stories with a revision to write whose analysis another version
    /// derived: the import derives theirs again (see [`import_export`]).
    rederive: HashSet<String>,
    /// Revisions whose recorded text stands though this version reads
    /// their raw bytes otherwise (`--keep-recorded-text`).
    kept_text: Vec<KeptText>,
}

/// A story's revisions in an export: (number, id) of each, and the parent
/// of the first.
type StoryRevs = (Vec<(u32, Hash32)>, Option<Hash32>);

/// What the check of an export follows of one story it writes to.
#[derive(Debug, Default)]
struct StoryCheck {
    /// How many revisions the store holds (the file's first ones are
    /// those, checked against the store by [`Checked::against`]).
    stored: u32,
    /// When its latest revision so far was captured.
    latest: Option<DateTime<Utc>>,
    /// Its speakers so far, to derive the next revision's analysis.
    known: BTreeMap<String, claimtrail_store::SpeakerRecord>,
}

/// Read and check a whole export before anything is written: the header,
/// every line's form, every revision's id (recomputed), numbering and
/// parent chain, capture times, sizes, and of each revision the store does
/// not hold yet its text (read again from its raw bytes) and its analysis
/// (derived again, as the import will). Nothing is kept but what
/// [`Checked`] holds and each story's speakers.
fn check_export<R: BufRead>(
    reader: &mut ExportReader<R>,
    store: Option<&Store>,
    name: &str,
    max_bytes: u64,
    keep_recorded_text: bool,
) -> Result<Checked> {
    let mut checked = Checked::default();
    let mut stories: HashMap<String, StoryCheck> = HashMap::new();
    // What a check line is checked against once every line is read: each
    // revision's capture time and raw page, by story and number.
    let mut facts: HashMap<String, BTreeMap<u32, RevFacts>> = HashMap::new();
    let mut check_lines: Vec<(usize, Box<CheckLine>)> = Vec::new();
    let mut first = true;
    let at = |n: usize, what: String| CliError::new(format!("cannot import {name}: line {n}: {what}"));
    while let Some((n, line)) = reader.next_line()? {
        match (line, first) {
            (Line::Header { format, version }, true) => {
                if format != FORMAT_NAME || version > FORMAT_VERSION {
                    return Err(CliError::new(format!(
                        "cannot import {name}: it is {format} version {version}; this claimtrail reads {FORMAT_NAME} up to version {FORMAT_VERSION}"
                    )));
                }
            }
            (_, true) => {
                return Err(CliError::new(format!(
                    "cannot import {name}: it does not start with a claimtrail export header"
                ))
                .with_hint("import reads the JSON lines `claimtrail export` writes, or a directory of story folders"));
            }
            (Line::Header { .. }, false) => {
                return Err(CliError::new(format!("cannot import {name}: line {n} is a second header")));
            }
            (Line::Revision(mut r), false) => {
                validate_story_id(&r.story).map_err(|e| at(n, e.to_string()))?;
                let raw = r.raw_bytes().map_err(|e| at(n, e))?;
                if raw.len() as u64 > max_bytes {
                    return Err(at(
                        n,
                        format!(
                            "revision {} of story {:?} is larger than the limit of {max_bytes} bytes",
                            r.number, r.story
                        ),
                    )
                    .with_hint("pass --max-bytes N to raise the limit"));
                }
                let (revs, _) = checked.stories.entry(r.story.clone()).or_insert_with(|| (Vec::new(), r.parent));
                let follows = match revs.last() {
                    Some((number, id)) => r.number == number + 1 && r.parent == Some(*id),
                    None => (r.number == 1) == r.parent.is_none() && r.number >= 1,
                };
                if !follows {
                    return Err(at(
                        n,
                        format!("revision {} of story {:?} does not follow the one before it", r.number, r.story),
                    )
                    .with_hint("an export lists each story's revisions in order; was it edited or reordered?"));
                }
                let id = r.to_new(&raw, crate::record::Lineage::default()).id(r.number, r.parent);
                if id != r.id {
                    return Err(at(
                        n,
                        format!(
                            "revision {} of story {:?} does not match its id {} (the export was changed or damaged)",
                            r.number,
                            r.story,
                            r.id.short()
                        ),
                    ));
                }
                revs.push((r.number, r.id));
                facts
                    .entry(r.story.clone())
                    .or_default()
                    .insert(r.number, RevFacts { at: r.captured_at, raw: blob_id(&raw) });
                checked.speakers.extend(r.speakers.iter().map(|s| s.id.clone()));
                checked.revisions += 1;
                if !stories.contains_key(&r.story) {
                    let stored = match store {
                        Some(store) => store.story(&r.story)?.map(|s| (store, s)),
                        None => None,
                    };
                    let check = match stored {
                        Some((store, s)) => StoryCheck {
                            stored: s.revisions,
                            latest: s.last_captured_at,
                            known: story_speakers(store, &r.story)?,
                        },
                        None => StoryCheck::default(),
                    };
                    stories.insert(r.story.clone(), check);
                }
                let story = stories.get_mut(&r.story).expect("inserted above");
                if r.number <= story.stored {
                    // The store's own revision (checked against it later):
                    // not written, so not derived.
                    story.latest = story.latest.max(Some(r.captured_at));
                    continue;
                }
                // A history runs forward, as `record` keeps it.
                if let Some(latest) = story.latest
                    && r.captured_at < latest
                {
                    let show = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
                    return Err(at(
                        n,
                        format!(
                            "revision {} of story {:?} is captured at {}, before its revision {} ({}) (an edited export?)",
                            r.number,
                            r.story,
                            show(r.captured_at),
                            r.number - 1,
                            show(latest)
                        ),
                    )
                    .with_hint("a story's revisions are recorded in the order they were captured"));
                }
                story.latest = Some(r.captured_at);
                if let Some(kept) = r.check_text(&raw, &story.known, keep_recorded_text).map_err(|e| at(n, e))? {
                    checked.kept_text.push(kept);
                }
                if r.analysis.as_deref() != Some(crate::record::ANALYSIS_VERSION) {
                    checked.rederive.insert(r.story.clone());
                }
                r.rederive(&mut story.known).map_err(|e| at(n, e))?;
            }
            (Line::Alias { from, into }, false) => checked.aliases.push((from, into)),
            (Line::Watch(w), false) => {
                validate_story_id(&w.story).map_err(|e| at(n, e.to_string()))?;
                checked.tracked.entry(w.story.clone()).or_insert(n);
            }
            (Line::Check(mut c), false) => {
                validate_story_id(&c.story).map_err(|e| at(n, e.to_string()))?;
                c.page_bytes().map_err(|e| at(n, e))?;
                checked.tracked.entry(c.story.clone()).or_insert(n);
                // Only what the check against the revisions needs is kept.
                c.page = None;
                check_lines.push((n, c));
            }
        }
        first = false;
    }
    if first {
        return Err(CliError::new(format!("cannot import {name}: it is empty")));
    }
    // A check is checked against the revisions of its story, the export's
    // or the store's (one neither holds is refused by `Checked::against`).
    for (n, c) in &check_lines {
        let known = facts.get(&c.story);
        let stored = match store {
            Some(store) => store.story(&c.story)?,
            None => None,
        };
        if known.is_none() && stored.is_none() {
            continue;
        }
        let revision = |number: u32| -> Result<Option<RevFacts>> {
            if let Some(f) = known.and_then(|k| k.get(&number)) {
                return Ok(Some(*f));
            }
            match (store, &stored) {
                (Some(store), Some(s)) if number <= s.revisions => {
                    Ok(store.revision(&c.story, number)?.map(|r| RevFacts { at: r.captured_at, raw: r.raw }))
                }
                _ => Ok(None),
            }
        };
        check_check(c, revision)
            .map_err(|e| at(*n, format!("the check of story {:?} at {}: {e}", c.story, show_time(c.check.at))))?;
    }
    Ok(checked)
}

/// What a check line is checked against of a revision.
#[derive(Debug, Clone, Copy)]
struct RevFacts {
    at: DateTime<Utc>,
    raw: Hash32,
}

/// Check one check line of an export against its story's revisions: what
/// `track` writes, and nothing else. A check is logged at the time of its
/// fetch; `changed` names the revision it recorded (captured then, with
/// no page kept); `unchanged` and `noise` name the latest revision they
/// compared the page with (captured before), and keep the page only when
/// its bytes differ from that revision's. The root does not cover checks,
/// so this is all that stands between an edited export and the log.
fn check_check(c: &CheckLine, revision: impl Fn(u32) -> Result<Option<RevFacts>>) -> Result<(), String> {
    let check = &c.check;
    let url =
        url::Url::parse(&check.source).map_err(|e| format!("its source {:?} is not a URL ({e})", check.source))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("its source {:?} is not an http or https URL", check.source));
    }
    const OUTCOMES: [&str; 7] = ["changed", "unchanged", "not_modified", "noise", "error", "blocked", "feed"];
    if !OUTCOMES.contains(&check.outcome.as_str()) {
        return Err(format!("its outcome {:?} is none of {}", check.outcome, OUTCOMES.join(", ")));
    }
    let compared = matches!(check.outcome.as_str(), "changed" | "unchanged" | "noise");
    if check.raw.is_some() && !matches!(check.outcome.as_str(), "unchanged" | "noise") {
        return Err(format!("a check with outcome {:?} keeps no page, but it names one", check.outcome));
    }
    let Some(number) = check.revision else {
        if compared {
            return Err(format!(
                "a check with outcome {:?} names the revision it compared with, but it names none",
                check.outcome
            ));
        }
        return Ok(());
    };
    let rev = revision(number)
        .map_err(|e| e.message)?
        .ok_or_else(|| format!("it names revision {number}, which neither the export nor the store holds"))?;
    if check.outcome == "changed" {
        if check.at != rev.at {
            return Err(format!(
                "it says it recorded revision {number}, captured at {}, not at the check's time",
                show_time(rev.at)
            ));
        }
        return Ok(());
    }
    if check.at < rev.at {
        return Err(format!(
            "it is dated before revision {number} ({}), the revision it names as the latest it compared with",
            show_time(rev.at)
        ));
    }
    if check.raw == Some(rev.raw) {
        return Err(format!("the page it keeps is revision {number}'s own raw page, which a check never keeps"));
    }
    Ok(())
}

impl Checked {
    /// Check the export against the store it goes into, before writing:
    /// revisions it shares with the store must be the same ones, the rest
    /// must continue each story, aliases must join known speakers without a
    /// cycle, and watches and checks must belong to a story.
    fn against(&self, store: &Store, name: &str) -> Result<()> {
        for (story, (revs, first_parent)) in &self.stories {
            let have = store.story(story)?.map_or(0, |s| s.revisions);
            let Some(&(first, _)) = revs.first() else { continue };
            if first > have + 1 {
                return Err(CliError::new(format!(
                    "cannot import {name}: revision {first} of story {story:?} comes before revision {}",
                    have + 1
                )));
            }
            if first > 1 && first == have + 1 && store.revision(story, have)?.map(|r| r.id) != *first_parent {
                return Err(CliError::new(format!(
                    "cannot import {name}: revision {first} of story {story:?} does not follow the store's revision {have}"
                ))
                .with_hint("import into an empty --store"));
            }
            for &(number, id) in revs.iter().take_while(|(number, _)| *number <= have) {
                if store.revision(story, number)?.map(|r| r.id) != Some(id) {
                    return Err(CliError::new(format!(
                        "cannot import {name}: story {story:?} already has a different revision {number} in the store"
                    ))
                    .with_hint("import into an empty --store"));
                }
            }
        }
        let known = |id: &str| -> Result<bool> { Ok(self.speakers.contains(id) || store.speaker(id)?.is_some()) };
        let mut merged = store.aliases()?;
        for (from, into) in &self.aliases {
            for id in [from, into] {
                if !known(id)? {
                    return Err(CliError::new(format!(
                        "cannot import {name}: the alias {from} → {into} names {id:?}, a speaker neither the export nor the store holds"
                    )));
                }
            }
            merged.insert(from.clone(), into.clone());
        }
        for start in merged.keys() {
            let mut path = vec![start.as_str()];
            let mut at = start.as_str();
            while let Some(next) = merged.get(at) {
                path.push(next);
                if next == start {
                    return Err(CliError::new(format!(
                        "cannot import {name}: its aliases make a cycle: {}",
                        path.join(" → ")
                    ))
                    .with_hint("an alias merges one speaker into another; a cycle merges a speaker into itself"));
                }
                if path.len() > merged.len() + 1 {
                    break;
                }
                at = next;
            }
        }
        for (story, line) in &self.tracked {
            if !self.stories.contains_key(story) && store.story(story)?.is_none() {
                return Err(CliError::new(format!(
                    "cannot import {name}: line {line} tracks story {story:?}, which neither the export nor the store holds"
                )));
            }
        }
        Ok(())
    }
}

/// Write a checked export (see [`check_export`]), line by line.
///
/// The check derived every revision's analysis again: one this version
/// derived is then known to be what the line carries, and is written as
/// it is. Only the stories in `rederive` (a revision from another
/// version) are derived again here, each whole, since a revision's
/// analysis depends on the story's speakers so far. Deriving every
/// revision twice cost 9,000 short plain-text revisions 8.8-9.1 s of CPU
/// against 8.1-8.2 s before the check derived any; derived once, 7.6 s.
fn import_export<R: BufRead>(
    store: &mut Store,
    name: &str,
    lines: ExportReader<R>,
    rederive: &HashSet<String>,
    batch_size: usize,
    progress: &ProgressBar,
) -> Result<Summary> {
    let mut at = WriteAt::default();
    write_export(store, name, lines, rederive, batch_size, progress, &mut at).map_err(|e| at.failed(e, name))
}

/// How far the write pass of an import got: the line or file being
/// written, and how many revisions the batches committed so far hold.
#[derive(Debug, Default)]
struct WriteAt {
    /// What was being written: an export's line (`line 12`, or for a
    /// batch's commit the lines it holds) or a file of a directory.
    place: String,
    /// Revisions in committed batches: durable, whole, in the store.
    written: u64,
}

impl WriteAt {
    /// The write pass failed: say where, and how much is in the store.
    /// Each batch is atomic, so the store holds exactly `written`
    /// revisions of the import and still verifies.
    fn failed(&self, e: CliError, name: &str) -> CliError {
        let cause = e.message.strip_prefix(&format!("cannot import {name}: ")).unwrap_or(&e.message);
        let place = if self.place.is_empty() { String::new() } else { format!(" at {}", self.place) };
        let mut err = CliError::new(format!(
            "cannot import {name}: writing failed{place} after {} {} written: {cause}",
            self.written,
            if self.written == 1 { "revision was" } else { "revisions were" },
        ));
        err.code = e.code;
        err.hints = e.hints;
        err.with_hint(format!(
            "the store holds those {} whole (each batch is written atomically; `claimtrail verify` checks it); \
             once the cause is fixed, the same import skips them and writes the rest",
            self.written
        ))
    }
}

fn write_export<R: BufRead>(
    store: &mut Store,
    name: &str,
    mut lines: ExportReader<R>,
    rederive: &HashSet<String>,
    batch_size: usize,
    progress: &ProgressBar,
    at: &mut WriteAt,
) -> Result<Summary> {
    let mut summary = Summary::default();
    // How many revisions each story has, committed or staged.
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut aliases = Vec::new();
    let mut watches = Vec::new();
    let mut checks: BTreeMap<String, Vec<(usize, CheckLine)>> = BTreeMap::new();
    // Each story's latest statements, to diff its next revision against.
    let mut previous: HashMap<String, Vec<crate::extract::Statement>> = HashMap::new();
    // Each story's speakers so far, to derive the next revision's analysis.
    let mut known: HashMap<String, BTreeMap<String, claimtrail_store::SpeakerRecord>> = HashMap::new();
    // As a directory's import does (see `import_directory`): the index
    // keys revisions write at random places are logged and written into
    // sled sorted once the revisions are in. What this pass reads back
    // while loading (a story's latest statements and speakers) is read
    // once per story, before its first revision of the import is staged.
    store.defer_index()?;
    let mut batch = store.batch()?;
    // The lines of the first and the last revision staged in the batch
    // being filled.
    let mut batch_from: Option<usize> = None;
    let mut last = 0;
    while let Some((n, line)) = lines.next_line()? {
        let mut rev = match line {
            Line::Revision(r) => r,
            Line::Alias { from, into } => {
                aliases.push((n, from, into));
                continue;
            }
            Line::Watch(w) => {
                watches.push((n, *w));
                continue;
            }
            Line::Check(c) => {
                checks.entry(c.story.clone()).or_default().push((n, *c));
                continue;
            }
            Line::Header { .. } => continue,
        };
        at.place = format!("line {n}");
        progress.inc(1);
        if !counts.contains_key(&rev.story) {
            let n = batch.story_revisions(&rev.story)?;
            counts.insert(rev.story.clone(), n);
            if n == 0 {
                // A story this import creates.
                summary.stories += 1;
            }
        }
        let have = counts[&rev.story];
        if rev.number <= have {
            // Checked against the store already: the same revision.
            summary.skipped += 1;
            continue;
        }
        let raw = rev.raw_bytes().map_err(|e| CliError::new(format!("cannot import {name}: {e}")))?;
        if !previous.contains_key(&rev.story) {
            previous.insert(rev.story.clone(), latest_statements(batch.store(), &rev.story)?);
        }
        // Checked after the id: a changed text is a changed revision first.
        let rederived = match rederive.contains(&rev.story) {
            true => {
                if !known.contains_key(&rev.story) {
                    known.insert(rev.story.clone(), story_speakers(batch.store(), &rev.story)?);
                }
                rev.rederive(known.get_mut(&rev.story).expect("inserted above"))
            }
            false => Ok(false),
        };
        let statements = rev.statements();
        let first = *batch_from.get_or_insert(n);
        let lineage = crate::record::lineage(&previous[&rev.story], &statements);
        match batch.record(rev.to_new(&raw, lineage))? {
            Recorded::New { revision, .. } if revision.id == rev.id => {}
            _ => {
                return Err(CliError::new(format!(
                    "cannot import {name}: revision {} of story {:?} does not match its id {} (the export was changed or damaged)",
                    rev.number,
                    rev.story,
                    rev.id.short()
                )));
            }
        }
        rederived.map_err(|e| CliError::new(format!("cannot import {name}: {e}")))?;
        counts.insert(rev.story.clone(), rev.number);
        previous.insert(rev.story.clone(), statements);
        summary.recorded += 1;
        last = n;
        if batch.len() >= batch_size {
            let staged = batch.len() as u64;
            at.place = format!("lines {first}-{n} (one batch)");
            batch.commit()?;
            at.written += staged;
            batch_from = None;
            batch = store.batch()?;
        }
    }
    let staged = batch.len() as u64;
    if let Some(first) = batch_from {
        at.place = format!("lines {first}-{last} (one batch)");
    }
    batch.commit()?;
    at.written += staged;
    at.place = "the end (writing the index sorted)".to_string();
    store.finish_index()?;
    for (n, from, into) in aliases {
        at.place = format!("line {n}");
        store.set_alias(&from, &into)?;
    }
    // The watch list and check log: what the store has already (a re-run,
    // or a newer state) is kept.
    for (n, watch) in watches {
        at.place = format!("line {n}");
        if store.watch(&watch.url)?.is_none() {
            store.set_watch(&watch)?;
        }
    }
    for (story, list) in checks {
        let have = store.checks(&story)?;
        for (n, line) in list {
            at.place = format!("line {n}");
            if have.contains(&line.check) {
                continue;
            }
            // Checked in the reading pass: the page matches the id named.
            let page = line.page_bytes().map_err(CliError::new)?;
            let mut check = line.check;
            match page {
                Some(raw) => store.record_check_with_raw(&story, &mut check, &raw)?,
                None => store.record_check(&story, &check)?,
            }
        }
    }
    Ok(summary)
}
