//! `claimtrail import`: many revisions in one process, from a directory of
//! story folders or from an export.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use claimtrail_store::{Recorded, Store, WriteBatch, blob_id, validate_story_id};
use indicatif::ProgressBar;
use serde::Serialize;

use crate::backup::{FORMAT_NAME, FORMAT_VERSION, Line};
use crate::commands::Ctx;
use crate::commands::input::{DEFAULT_MAX_BYTES, Source, document_of, read_bytes};
use crate::error::{CliError, Result, exit};
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
/// restores those revisions exactly (same ids).
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
/// Examples:
///   claimtrail import archive/
///   claimtrail import backup.jsonl --store restored/
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A directory of story folders, or an export file (- for standard input).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Revisions per atomic batch (larger batches use more memory for no
    /// gain in speed: 64 loads as fast as 256 in half the memory).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub batch: usize,
    /// No progress bar.
    #[arg(short, long)]
    pub quiet: bool,
    /// Refuse revision files larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
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
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    recorded: u64,
    unchanged: u64,
    skipped: u64,
    stories: u64,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    if crate::warc::is_warc_input(&args.path) {
        return crate::warc::import::run(ctx, &args.path, args.max_bytes);
    }
    let batch_size = args.batch.max(1);
    ctx.cache_bytes = Some(claimtrail_store::BULK_CACHE_BYTES);
    let summary = if args.path.is_dir() {
        let plan = plan_directory(&args.path)?;
        let mut store = ctx.open_store()?;
        let progress = crate::output::progress_bar(plan.iter().map(|s| s.files.len() as u64).sum(), args.quiet);
        let s = import_directory(&mut store, &plan, batch_size, args.max_bytes, &progress)?;
        progress.finish_and_clear();
        s
    } else {
        let reader: Box<dyn BufRead> = if args.path == Path::new("-") {
            Box::new(BufReader::new(std::io::stdin()))
        } else {
            let f = std::fs::File::open(&args.path).map_err(|e| CliError::input(&args.path, &e))?;
            Box::new(BufReader::new(f))
        };
        let lines = parse_export(&args.path, reader)?;
        let mut store = ctx.open_store()?;
        let revisions = lines.iter().filter(|l| matches!(l, Line::Revision(_))).count() as u64;
        let progress = crate::output::progress_bar(revisions, args.quiet);
        let s = import_export(&mut store, &args.path, lines, batch_size, &progress)?;
        progress.finish_and_clear();
        s
    };
    if ctx.out.json() {
        ctx.out.write_json(&summary)?;
    } else {
        ctx.out.line(&format!(
            "imported {} revisions into {} stories ({} already there, {} unchanged)",
            summary.recorded, summary.stories, summary.skipped, summary.unchanged
        ))?;
    }
    Ok(exit::OK)
}

/// One story folder of an import directory.
#[derive(Debug)]
struct StoryDir {
    story: String,
    files: Vec<PathBuf>,
}

const EXTENSIONS: [&str; 6] = ["txt", "text", "md", "markdown", "html", "htm"];

/// Read the directory layout before touching the store, so a bad layout
/// changes nothing.
fn plan_directory(root: &Path) -> Result<Vec<StoryDir>> {
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
            let ext = f.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
            let numbered =
                f.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
            if f.is_file() && numbered && ext.is_some_and(|e| EXTENSIONS.contains(&e.as_str())) {
                files.push(f);
            }
        }
        files.sort();
        if !files.is_empty() {
            stories.push(StoryDir { story, files });
        }
    }
    stories.sort_by(|a, b| a.story.cmp(&b.story));
    if stories.is_empty() {
        return Err(CliError::new(format!("{} holds no story folders with revision files", root.display()))
            .with_hint("lay it out as STORY/01-first.txt, STORY/02-update.html, ..."));
    }
    Ok(stories)
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
    Record { story: usize, prepared: Box<Prepared>, at: DateTime<Utc> },
}

fn import_directory(
    store: &mut Store,
    plan: &[StoryDir],
    batch_size: usize,
    max_bytes: u64,
    progress: &ProgressBar,
) -> Result<Summary> {
    // What the store already holds of each story, read before writing.
    let mut existing = Vec::with_capacity(plan.len());
    let mut known = Vec::with_capacity(plan.len());
    let mut latest = Vec::with_capacity(plan.len());
    for dir in plan {
        let texts = store.revisions(&dir.story)?.into_iter().map(|r| r.text).collect::<Vec<_>>();
        // A story with no more files than stored revisions records nothing
        // (its files are skipped, or refused as different): its people and
        // latest statements need not be held while others are imported.
        let records = dir.files.len() > texts.len();
        known.push(if records { story_speakers(store, &dir.story)? } else { BTreeMap::new() });
        latest.push(if records { latest_statements(store, &dir.story)? } else { Vec::new() });
        existing.push(texts);
    }
    let mut summary = Summary::default();
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
        let existing = &existing;
        let mut known = known;
        let mut latest = latest;
        scope.spawn(move || {
            for (si, dir) in plan.iter().enumerate() {
                let previous = std::mem::take(&mut latest[si]);
                // The story's people are only needed while it is read.
                let mut people = std::mem::take(&mut known[si]);
                if let Err(e) = read_story(si, dir, &existing[si], &mut people, previous, max_bytes, &tx) {
                    let _ = tx.send(Err(e));
                    return;
                }
            }
        });
        let mut batch: WriteBatch<'_> = store.batch()?;
        for item in rx {
            match item? {
                Item::Skip => summary.skipped += 1,
                Item::Record { story, mut prepared, at } => {
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
                batch.commit()?;
                batch = store.batch()?;
            }
        }
        batch.commit().map_err(CliError::from)
    })?;
    summary.stories = recorded_stories.len() as u64;
    Ok(summary)
}

/// Read one story folder's files, skipping those a previous (interrupted)
/// run already recorded: they are matched against the story's revisions in
/// order.
fn read_story(
    si: usize,
    dir: &StoryDir,
    existing: &[claimtrail_store::Hash32],
    known: &mut BTreeMap<String, claimtrail_store::SpeakerRecord>,
    mut previous: Vec<crate::extract::Statement>,
    max_bytes: u64,
    tx: &std::sync::mpsc::SyncSender<Result<Item>>,
) -> Result<()> {
    let mut matched = 0usize;
    let mut recording = false;
    for file in &dir.files {
        let source = Source::File(file.clone());
        let raw = read_bytes(&source, max_bytes)?;
        let document = document_of(&source, &raw)?;
        if !recording {
            let text_id = blob_id(document.text().as_bytes());
            if matched < existing.len() && existing[matched] == text_id {
                matched += 1;
                if tx.send(Ok(Item::Skip)).is_err() {
                    return Ok(());
                }
                continue;
            }
            if matched > 0 && existing[matched - 1] == text_id {
                if tx.send(Ok(Item::Skip)).is_err() {
                    return Ok(());
                }
                continue;
            }
            if matched < existing.len() {
                return Err(CliError::new(format!(
                    "cannot import {}: story {:?} already has a different revision {} in the store",
                    file.display(),
                    dir.story,
                    matched + 1
                ))
                .with_hint("import into another --store, or under another story name"));
            }
            recording = true;
        }
        let at = captured_at(file)?;
        let mut prepared = Box::new(Prepared::new(raw, file.display().to_string(), document));
        prepared.unify(&dir.story, known)?;
        previous = prepared.follow(&previous)?;
        prepared.slim();
        // A closed channel means the writer stopped on an error it reports.
        if tx.send(Ok(Item::Record { story: si, prepared, at })).is_err() {
            return Ok(());
        }
    }
    Ok(())
}

/// Parse and check a whole export before anything is written.
fn parse_export(path: &Path, reader: Box<dyn BufRead>) -> Result<Vec<Line>> {
    let name = path.display().to_string();
    let mut lines = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|e| CliError::new(format!("cannot read {name}: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line).map_err(|e| {
            CliError::new(format!("cannot import {name}: line {} is not a claimtrail export record: {e}", i + 1))
                .with_hint("import reads the JSON lines `claimtrail export` writes, or a directory of story folders")
        })?;
        match (&parsed, lines.is_empty()) {
            (Line::Header { format, version }, true) => {
                if format != FORMAT_NAME || *version > FORMAT_VERSION {
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
                return Err(CliError::new(format!("cannot import {name}: line {} is a second header", i + 1)));
            }
            (Line::Revision(r), false) => {
                validate_story_id(&r.story)
                    .map_err(|e| CliError::new(format!("cannot import {name}: line {}: {e}", i + 1)))?;
                r.raw_bytes().map_err(|e| CliError::new(format!("cannot import {name}: line {}: {e}", i + 1)))?;
            }
            (Line::Alias { .. }, false) => {}
        }
        lines.push(parsed);
    }
    if lines.is_empty() {
        return Err(CliError::new(format!("cannot import {name}: it is empty")));
    }
    Ok(lines)
}

fn import_export(
    store: &mut Store,
    path: &Path,
    lines: Vec<Line>,
    batch_size: usize,
    progress: &ProgressBar,
) -> Result<Summary> {
    let name = path.display().to_string();
    let mut summary = Summary::default();
    // How many revisions each story has, committed or staged.
    let mut counts: HashMap<String, u32> = HashMap::new();
    let mut aliases = Vec::new();
    // Each story's latest statements, to diff its next revision against.
    let mut previous: HashMap<String, Vec<crate::extract::Statement>> = HashMap::new();
    // Each story's speakers so far, to derive the next revision's analysis.
    let mut known: HashMap<String, BTreeMap<String, claimtrail_store::SpeakerRecord>> = HashMap::new();
    let mut batch = store.batch()?;
    for line in lines {
        let mut rev = match line {
            Line::Revision(r) => r,
            Line::Alias { from, into } => {
                aliases.push((from, into));
                continue;
            }
            Line::Header { .. } => continue,
        };
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
            let stored = batch.revision_id(&rev.story, rev.number)?;
            if stored != Some(rev.id) {
                return Err(CliError::new(format!(
                    "cannot import {name}: story {:?} already has a different revision {} in the store",
                    rev.story, rev.number
                ))
                .with_hint("import into an empty --store"));
            }
            summary.skipped += 1;
            continue;
        }
        if rev.number != have + 1 {
            return Err(CliError::new(format!(
                "cannot import {name}: revision {} of story {:?} comes before revision {}",
                rev.number,
                rev.story,
                have + 1
            )));
        }
        let raw = rev.raw_bytes().map_err(|e| CliError::new(format!("cannot import {name}: {e}")))?;
        if !previous.contains_key(&rev.story) {
            previous.insert(rev.story.clone(), latest_statements(batch.store(), &rev.story)?);
        }
        if !known.contains_key(&rev.story) {
            known.insert(rev.story.clone(), story_speakers(batch.store(), &rev.story)?);
        }
        let story_known = known.get_mut(&rev.story).expect("inserted above");
        // Checked after the id: a changed text is a changed revision first.
        let rederived = rev.rederive(story_known);
        let statements = rev.statements();
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
        if batch.len() >= batch_size {
            batch.commit()?;
            batch = store.batch()?;
        }
    }
    batch.commit()?;
    for (from, into) in aliases {
        store.set_alias(&from, &into)?;
    }
    Ok(summary)
}
