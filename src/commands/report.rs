//! `claimtrail report`: a story's whole trail as one self-contained HTML
//! page.
//!
//! This file gathers the page's data from the store, through the code the
//! other commands use (the stored claim diff of `diff`, the speaker runs
//! and trails of `who`), and writes the page; [`crate::report`] draws it.

use std::io::Write;
use std::path::{Path, PathBuf};

use claimtrail_store::{Store, validate_story_id};

use crate::commands::Ctx;
use crate::commands::diff::{claims_of, stored_diff};
use crate::diff::Endpoint;
use crate::error::{CliError, Result, exit};
use crate::extract::normalize::content_hash;
use crate::output::OutputFormat;
use crate::query::{SpeakerIndex, View};
use crate::report::{Revision, Seal, Speaker, Step, StoryReport};

// Kept out of the doc comment: clap re-wraps doc paragraphs, and examples
// must stay one per line.
const EXAMPLES: &str = "\
Examples:
  claimtrail report harbor -o harbor.html      the page, to mail or publish
  claimtrail report harbor > harbor.html
  claimtrail report harbor --format json       the same data, for scripts
  claimtrail diff harbor 1 3 --format html     one comparison, same look";

/// Write a story's claim trail as one self-contained HTML page.
///
/// The page shows the headline, URL and capture times; a timeline of the
/// revisions with their claim changes; for each revision the claim diff
/// against the one before (added, removed, reworded with the edited words
/// marked, quote changed, reattributed with both speakers, moved,
/// restored); every speaker with their role and what they said in which
/// revisions; and the revision ids, so that whoever holds the store can
/// check the page with `claimtrail verify`.
///
/// The file needs nothing else: styles and a small script are inline and
/// the page makes no network request. It reads on a phone, prints, and
/// follows the reader's dark mode. Everything taken from articles is
/// shown as text, never run. The same store gives the same bytes.
///
/// To print the store's root (the hash `verify` prints and `verify --root`
/// checks), report first verifies the whole store, as `verify` does; on a
/// large store --no-verify skips that, and the page shows the revision ids
/// only. A store that does not verify is said so on the page and on
/// standard error.
///
/// Without -o the page goes to standard output. --format json prints the
/// page's data instead.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The story id.
    #[arg(value_name = "STORY")]
    pub story: String,
    /// Write the page to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Do not verify the store (the page then has no root hash).
    #[arg(long)]
    pub no_verify: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    validate_story_id(&args.story)?;
    if let Some(out) = &args.output {
        check_output(out)?;
    }
    let store = ctx.require_existing_store(&args.story)?;
    let mut report = gather(&store, &args.story)?;
    if !args.no_verify {
        let verified = store.verify(&|content| content_hash(content))?;
        report.seal.problems = verified.problems.len();
        if verified.ok() {
            report.seal.root = verified.root.map(|r| r.to_hex());
        } else {
            eprintln!(
                "warning: the store does not verify ({} problems); the page says so. Run `claimtrail verify`",
                verified.problems.len()
            );
        }
    }
    let bytes = if ctx.out.format == OutputFormat::Json {
        let mut v = serde_json::to_vec_pretty(&report).map_err(|e| CliError::new(format!("cannot write JSON: {e}")))?;
        v.push(b'\n');
        v
    } else {
        report.to_html().into_bytes()
    };
    match &args.output {
        Some(path) => {
            write_file(path, &bytes)?;
            eprintln!(
                "wrote the report of {} ({} revisions) to {}",
                args.story,
                report.revisions.len(),
                path.display()
            );
        }
        None => ctx.out.w.write_all(&bytes)?,
    }
    Ok(exit::OK)
}

/// Refuse an output path that cannot be written before reading anything.
fn check_output(path: &Path) -> Result<()> {
    if path.is_dir() {
        return Err(CliError::new(format!("cannot write {}: it is a directory", path.display()))
            .with_hint("give a file name, e.g. -o story.html"));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !dir.is_dir() {
        return Err(CliError::new(format!("cannot write {}: no such directory {}", path.display(), dir.display())));
    }
    Ok(())
}

/// Write through a temporary file in the same directory, so that a failed
/// run never leaves half a page where a whole one was.
fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let fail = |e: std::io::Error| CliError::new(format!("cannot write {}: {e}", path.display()));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
    tmp.write_all(bytes).map_err(fail)?;
    tmp.persist(path).map_err(|e| fail(e.error))?;
    Ok(())
}

/// Everything the page shows, read from the store.
pub fn gather(store: &Store, story: &str) -> Result<StoryReport> {
    let s = store.require_story(story)?;
    let revs = store.revisions(story)?;
    let mut statements = Vec::with_capacity(revs.len());
    for r in &revs {
        statements.push(claims_of(store, &s, r)?);
    }
    let revisions: Vec<Revision> = revs
        .iter()
        .zip(&statements)
        .map(|(r, st)| Revision {
            number: r.number,
            id: r.id.to_hex(),
            captured_at: r.captured_at,
            source: r.source.clone(),
            statements: st.len(),
            revert_of: r.revert_of,
        })
        .collect();
    let end = |i: usize| Endpoint::Revision {
        story: story.to_string(),
        revision: u64::from(revs[i].number),
        id: revs[i].id.to_hex(),
        statements: statements[i].len(),
    };
    let mut steps = Vec::with_capacity(revs.len().saturating_sub(1));
    for i in 1..revs.len() {
        let diff = stored_diff(store, story, &revs[i - 1], &revs[i], &statements[i - 1], &statements[i])?;
        steps.push(Step { from: end(i - 1), to: end(i), diff });
    }

    // The story's speakers, and each one's trails in it: `who SPEAKER
    // --story STORY`, for every speaker at once.
    let index = SpeakerIndex::load(store)?;
    let mut ids = std::collections::BTreeSet::new();
    for st in &statements {
        ids.extend(st.iter().filter_map(|s| s.speaker.as_ref().map(|sp| sp.id.clone())));
    }
    let mut view = View::new(store);
    let mut speakers = Vec::new();
    for id in ids {
        let Some(record) = index.record(&id)? else { continue };
        let runs = store.runs_by_speaker(&id)?.into_iter().filter(|r| r.story == story);
        let said = view.trails(runs)?;
        speakers.push(Speaker {
            id: record.id,
            name: record.name,
            kind: record.kind,
            role: record.role,
            aliases: record.aliases,
            anonymity_reason: record.anonymity_reason,
            said,
        });
    }

    let latest = revs.last().ok_or_else(|| CliError::new(format!("story {story:?} has no revisions")))?;
    let title = s.title.clone().or_else(|| latest.meta.get("title").cloned());
    let url = s.url.clone().or_else(|| latest.meta.get("url").cloned());
    // The root comes from `verify`, when the caller runs it.
    let seal = Seal { head: s.head.map_or_else(|| latest.id.to_hex(), |h| h.to_hex()), root: None, problems: 0 };
    Ok(StoryReport { story: story.to_string(), title, url, revisions, steps, speakers, seal })
}
