//! `claimtrail diff`: what changed between two revisions, claim by claim.
//!
//! This file owns the arguments and the output of the command; the pairing
//! and classification live in [`crate::diff`]. The file form (two article
//! files) needs no store and is [`run_files`].
//!
//! [`plan`] turns the positional arguments into a [`Plan`] before anything
//! is read: two readable files are [`Plan::Files`] (a file that exists
//! always wins, so `diff a.txt b.txt` never reaches the store); `STORY` is
//! its latest revision against the one before; `STORY REV_A REV_B` and
//! `STORY@A STORY@B` name two stored revisions. Stored statements are
//! diffed as recorded, and a claim that comes back after an earlier
//! revision dropped it is marked `restored`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use claimtrail_store::{RevisionRecord, Store, validate_story_id};

use serde::Serialize;
use similar::TextDiff;

use crate::commands::Ctx;
use crate::commands::input::{self, DEFAULT_MAX_BYTES};
use crate::diff::{self, ChangeKind, ClaimDiff, DiffReport, Endpoint, Shape, words};
use crate::error::{CliError, Result, exit};
use crate::extract::{self, SpeakerRef, Statement};
use crate::output::{Out, OutputFormat, Palette};
use crate::record::stored_statements;
use crate::report;
use crate::revref::{RevRef, RevSpec};

// Kept out of the doc comment: clap re-wraps doc paragraphs, and examples
// must stay one per line.
const EXAMPLES: &str = "\
Kinds of change:
  added, removed      a claim only one revision has (restored: added back after a removal)
  reworded            same speaker, edited wording (a sentence cut short, run on, split,
                      merged or rewritten too)
  quote changed       words inside quotation marks edited
  reattributed        another speaker: \"a U.S. official\" became a named spokesman
  reframed            same claim and source, another frame: \"a website shows X\" became
                      \"X, according to a website\", or a paraphrase became a quotation
  moved               same claim, another place
  headline            an HTML page's headline (its title) rewritten
  A dateline added to the lead, a list re-punctuated, a sentence split or merged with
  every word kept, or page furniture is no change;
  nor is a reported claim's tense moving with its cue (\"says ... will\" -> \"said ... would\").

Examples:
  claimtrail diff old.txt new.txt
  claimtrail diff taji-strikes                 latest revision against the one before
  claimtrail diff taji-strikes 1 3             any two revisions (numbers, id prefixes, latest)
  claimtrail diff --text old.html new.html
  claimtrail diff --format json old.txt new.txt | jq '.summary'
  claimtrail diff --format html taji-strikes 1 3 > changes.html   a page to share";

/// Compare two revisions of a story claim by claim.
///
/// Extracts the statements of OLD and NEW and pairs them: identical claims,
/// then reworded ones (by word similarity; below about half the words kept,
/// a claim reads as removed and another added). Each change is one of:
/// added, removed, reworded (same speaker, edited wording), quote changed
/// (words inside quotation marks edited), reattributed (a different
/// speaker: "a U.S. official" became a named spokesman), reframed (the
/// same claim and source in another attribution frame: "a website shows
/// X" became "X, according to a website", or a paraphrase became a
/// quotation), or moved. A claim cut short or run on, split into two
/// sentences, or two merged, reads as reworded; a sentence rewritten from
/// scratch around the same facts too. A dateline added to the lead, a list
/// re-punctuated, or a split or merge that keeps every word, is no change. An HTML page's headline is its title, not a statement: a
/// rewritten one is reported on a line of its own.
///
/// Exit status: 0 when nothing changed, 1 when a claim or the headline
/// did, 2 on an error.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// OLD NEW (two article files, one may be -), or STORY, or STORY REV_A REV_B.
    #[arg(value_names = ["OLD|STORY", "NEW|REV_A", "REV_B"], num_args = 1..=3, required = true)]
    pub args: Vec<String>,
    /// Also show the classic line diff of the two texts.
    #[arg(long)]
    pub text: bool,
    /// List unchanged statements too.
    #[arg(long)]
    pub all: bool,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
}

/// What the positional arguments ask for, validated before anything is read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Plan {
    /// Two article files, old then new.
    Files { from: PathBuf, to: PathBuf },
    /// A story's latest revision against the one before it.
    Latest { story: String },
    /// Two stored revisions of a story.
    Revisions { story: String, from: RevSpec, to: RevSpec },
}

/// How to show a diff, whatever its source.
#[derive(Clone, Copy, Debug)]
pub struct ShowOptions {
    /// List unchanged statements too.
    pub all: bool,
    /// Add the line diff of the two texts.
    pub text: bool,
}

/// `-`, or a path that exists and is not a directory. Not `is_file()`:
/// `claimtrail diff <(curl ...) new.txt` passes a pipe, which is no regular
/// file but reads fine.
fn is_file_arg(arg: &str) -> bool {
    let p = Path::new(arg);
    arg == "-" || (p.exists() && !p.is_dir())
}

/// Decide what the arguments mean.
pub fn plan(args: &[String]) -> Result<Plan> {
    if let [from, to] = args
        && is_file_arg(from)
        && is_file_arg(to)
    {
        if from == "-" && to == "-" {
            return Err(
                CliError::new("cannot read standard input twice").with_hint("give at most one of OLD and NEW as -")
            );
        }
        return Ok(Plan::Files { from: PathBuf::from(from), to: PathBuf::from(to) });
    }
    let file_like = |a: &str| a == "-" || a.contains(['/', '\\']) || Path::new(a).extension().is_some();
    match args {
        [story] if !file_like(story) && !story.contains('@') => {
            validate_story_id(story)?;
            return Ok(Plan::Latest { story: story.clone() });
        }
        [story, a, b] if !file_like(story) => {
            validate_story_id(story)?;
            let rev = |r: &str| RevSpec::parse(r.strip_prefix('@').unwrap_or(r));
            return Ok(Plan::Revisions { story: story.clone(), from: rev(a)?, to: rev(b)? });
        }
        [a, b] if a.contains('@') && b.contains('@') && !file_like(a) && !file_like(b) => {
            let (a, b) = (RevRef::parse(a)?, RevRef::parse(b)?);
            if a.story != b.story {
                return Err(CliError::new(format!(
                    "cannot diff revisions of two stories ({} and {})",
                    a.story, b.story
                ))
                .with_hint("diff compares two revisions of one story, or two files"));
            }
            return Ok(Plan::Revisions { story: a.story, from: a.rev, to: b.rev });
        }
        _ => {}
    }
    // Anything else was meant as files: name the first that is not readable.
    let bad = args.iter().find(|a| !is_file_arg(a)).unwrap_or(&args[0]);
    let why = if Path::new(bad).is_dir() { "it is a directory, not a file" } else { "no such file" };
    let mut err = CliError::new(format!("cannot read {bad}: {why}"));
    if args.len() != 2 {
        err = err.with_hint(format!(
            "diff takes two article files, OLD then NEW, or a STORY with optional REV_A REV_B (got {} argument{})",
            args.len(),
            if args.len() == 1 { "" } else { "s" }
        ));
    }
    Err(err)
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let show = ShowOptions { all: args.all, text: args.text };
    match plan(&args.args)? {
        Plan::Files { from, to } => run_files(ctx, &from, &to, args.max_bytes, show),
        Plan::Latest { story } => {
            let store = ctx.require_existing_store(&story)?;
            let s = store.require_story(&story)?;
            if s.revisions < 2 {
                return Err(CliError::new(format!("story {story:?} has only one revision: nothing to compare"))
                    .with_hint(format!("record another revision, or `claimtrail show {story}`")));
            }
            run_store(ctx, &store, &story, &RevSpec::Number(s.revisions - 1), &RevSpec::Latest, show)
        }
        Plan::Revisions { story, from, to } => {
            let store = ctx.require_existing_store(&story)?;
            run_store(ctx, &store, &story, &from, &to, show)
        }
    }
}

/// Diff two stored revisions, as recorded. Returns the exit code.
pub fn run_store(
    ctx: &mut Ctx,
    store: &Store,
    story: &str,
    from: &RevSpec,
    to: &RevSpec,
    show: ShowOptions,
) -> Result<u8> {
    let s = store.require_story(story)?;
    let (a, b) = (from.resolve(store, &s)?, to.resolve(store, &s)?);
    let (old, new) = (claims_of(store, &s, &a)?, claims_of(store, &s, &b)?);
    let diff = stored_diff(store, story, &a, &b, &old, &new)?;
    let end = |r: &RevisionRecord, n: usize| Endpoint::Revision {
        story: story.to_string(),
        revision: u64::from(r.number),
        id: r.id.to_hex(),
        statements: n,
    };
    let texts = if show.text { Some((store.text(&a)?, store.text(&b)?)) } else { None };
    write_report(
        &mut ctx.out,
        &end(&a, old.len()),
        &end(&b, new.len()),
        &diff,
        show,
        texts.as_ref().map(|(x, y)| (x.as_str(), y.as_str())),
    )?;
    Ok(if diff.is_same() { exit::OK } else { exit::NEGATIVE })
}

/// The headline of an HTML page or a Markdown article read from a file
/// (its title: the `<title>`, the first `# ` heading): ingest keeps it out
/// of the paragraphs, so no statement carries it.
fn html_headline(doc: &crate::ingest::Document) -> Option<&str> {
    doc.title.as_deref().filter(|_| doc.format != crate::ingest::Format::Text)
}

/// The headline of a stored HTML page or Markdown article (its title): a
/// plain text article's headline is its first statement, diffed as such.
pub fn html_title(rev: &RevisionRecord) -> Option<&str> {
    rev.meta
        .get(claimtrail_store::TITLE)
        .map(String::as_str)
        .filter(|_| matches!(rev.format.as_str(), "html" | "markdown"))
}

/// A stored revision's claims as every diff of it sees them (`diff`, each
/// step of `report`, `track`'s check line): its statements as recorded,
/// without those in paragraphs the store has learned since as its site's
/// furniture (see `crate::furniture`).
pub fn claims_of(store: &Store, story: &claimtrail_store::StoryRecord, rev: &RevisionRecord) -> Result<Vec<Statement>> {
    let mut statements = stored_statements(store, rev)?;
    let Some(host) = crate::furniture::stored_host(story, rev) else { return Ok(statements) };
    let text = store.text(rev)?;
    let furniture = crate::furniture::furniture_of(store, Some(&host), &story.id, &text)?;
    statements.retain(|s| !furniture.contains(&s.paragraph));
    Ok(statements)
}

/// The claim diff of two stored revisions (`old` and `new` are their
/// statements as recorded), with claims an earlier revision carried marked
/// `restored`, and the pages' headlines compared. `report` shows each step of a story through this too.
pub fn stored_diff(
    store: &Store,
    story: &str,
    a: &RevisionRecord,
    b: &RevisionRecord,
    old: &[Statement],
    new: &[Statement],
) -> Result<ClaimDiff> {
    let mut diff = diff::diff_statements(old, new);
    // A claim added here that an earlier revision had already carried (and
    // a later one dropped) is restored, not new.
    let mut earlier = HashSet::new();
    for rev in store.revisions(story)?.iter().filter(|r| r.number < a.number.min(b.number)) {
        earlier.extend(store.occurrences(rev)?.iter().map(|o| o.statement.to_hex()));
    }
    diff.mark_restored(&earlier);
    Ok(diff.with_headlines(html_title(a), html_title(b)))
}

/// Diff two article files (either may be `-`). Returns the exit code: 0
/// when no claim changed, 1 when some did.
pub fn run_files(ctx: &mut Ctx, from: &Path, to: &Path, max_bytes: u64, show: ShowOptions) -> Result<u8> {
    let old = input::read_input(Some(from), max_bytes)?;
    let new = input::read_input(Some(to), max_bytes)?;
    let (old_text, new_text) = (old.document.text(), new.document.text());
    let old_x = extract::extract(&old_text);
    let new_x = extract::extract(&new_text);
    let diff = diff::diff_statements(&old_x.statements, &new_x.statements)
        .with_headlines(html_headline(&old.document), html_headline(&new.document));
    let from_end = Endpoint::File { file: old.source.label(), statements: old_x.statements.len() };
    let to_end = Endpoint::File { file: new.source.label(), statements: new_x.statements.len() };
    let texts = show.text.then_some((old_text.as_str(), new_text.as_str()));
    write_report(&mut ctx.out, &from_end, &to_end, &diff, show, texts)?;
    Ok(if diff.is_same() { exit::OK } else { exit::NEGATIVE })
}

#[derive(Serialize)]
struct JsonOut<'a> {
    #[serde(flatten)]
    report: DiffReport<'a>,
    /// Only with `--text`: the unified line diff of the two texts.
    #[serde(skip_serializing_if = "Option::is_none")]
    text_diff: Option<String>,
}

/// Print a diff as JSON or for people. `texts` (old, new) adds the line
/// diff of the two texts.
pub fn write_report(
    out: &mut Out,
    from: &Endpoint,
    to: &Endpoint,
    diff: &ClaimDiff,
    show: ShowOptions,
    texts: Option<(&str, &str)>,
) -> Result<()> {
    let (a, b) = (from.label(), to.label());
    let unified = texts.map(|(old, new)| TextDiff::from_lines(old, new).unified_diff().header(&a, &b).to_string());
    if out.json() {
        out.write_json(&JsonOut { report: DiffReport::new(from, to, diff, show.all), text_diff: unified })?;
        return Ok(());
    }
    if out.format == OutputFormat::Html {
        out.w.write_all(report::diff_page(from, to, diff, show.all, unified.as_deref()).as_bytes())?;
        return Ok(());
    }
    let p = out.palette;
    out.line(&summary_line(&a, &b, diff, p))?;
    if let Some(h) = &diff.headline {
        out.line(&format!("{} {}", p.yellow(&format!("{:<13}", "headline")), p.cyan("(the page's title)")))?;
        out.line(&format!("    {}", render_words(&h.words, p)))?;
    }
    for c in &diff.changes {
        if c.change == ChangeKind::Unchanged && !show.all {
            continue;
        }
        write_change(out, c, p)?;
    }
    if let Some(u) = unified {
        out.line("")?;
        for line in u.lines() {
            let styled = if line.starts_with("+++") || line.starts_with("---") {
                p.bold(line)
            } else if line.starts_with('+') {
                p.green(line)
            } else if line.starts_with('-') {
                p.red(line)
            } else if line.starts_with("@@") {
                p.cyan(line)
            } else {
                line.to_string()
            };
            out.line(&styled)?;
        }
    }
    Ok(())
}

fn summary_line(a: &str, b: &str, diff: &ClaimDiff, p: Palette) -> String {
    // "new vs old", as people say it: what the later text did to the earlier.
    let headline = if diff.headline.is_some() { "; the headline was rewritten" } else { "" };
    format!("{} {}{headline}", p.bold(&format!("{b} vs {a}:")), diff.summary.describe())
}

fn speaker_name(s: Option<&SpeakerRef>) -> String {
    s.map_or_else(|| "(unattributed)".to_string(), |s| s.name.clone())
}

fn kind_style(kind: ChangeKind, p: Palette) -> String {
    let text = format!("{:<13}", kind.label());
    match kind {
        ChangeKind::Added | ChangeKind::Restored => p.green(&text),
        ChangeKind::Removed => p.red(&text),
        ChangeKind::QuoteChanged | ChangeKind::Reattributed => p.bold(&p.yellow(&text)),
        ChangeKind::Reworded | ChangeKind::Reframed => p.yellow(&text),
        ChangeKind::Moved | ChangeKind::Unchanged => p.dim(&text),
    }
}

/// Word runs as one line: coloured on a terminal, `[-old-]{+new+}` elsewhere.
fn render_words(ops: &[words::WordOp], p: Palette) -> String {
    if p.enabled {
        words::render(ops, |s| p.red(s), |s| p.green(s))
    } else {
        words::render(ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"))
    }
}

fn write_change(out: &mut Out, c: &diff::Change, p: Palette) -> Result<()> {
    let old: Option<&Statement> = c.from.as_ref();
    let new: Option<&Statement> = c.to.as_ref();
    let who = match (old, new) {
        (Some(o), Some(n)) if c.change == ChangeKind::Reattributed => {
            format!("{} → {}", speaker_name(o.speaker.as_ref()), speaker_name(n.speaker.as_ref()))
        }
        // A reframed claim keeps its source, which one side's frame may
        // not have named as a speaker.
        (Some(o), Some(n)) if c.change == ChangeKind::Reframed => {
            speaker_name(n.speaker.as_ref().or(o.speaker.as_ref()))
        }
        (_, Some(s)) | (Some(s), None) => speaker_name(s.speaker.as_ref()),
        (None, None) => String::new(),
    };
    let notes = c.notes();
    let notes = if notes.is_empty() { String::new() } else { p.dim(&format!("  ({})", notes.join("; "))) };
    out.line(&format!("{} {}{}", kind_style(c.change, p), p.cyan(&who), notes))?;

    let body = match c.change {
        ChangeKind::Added | ChangeKind::Restored => p.green(&format!("+ {}", new.map_or("", |s| &s.content))),
        ChangeKind::Removed => p.red(&format!("- {}", old.map_or("", |s| &s.content))),
        _ if !c.words.is_empty() => render_words(&c.words, p),
        // A moved block lists every statement that travelled together.
        _ if c.shape == Some(Shape::Block) => {
            new.into_iter().chain(&c.also_to).map(|s| s.content.as_str()).collect::<Vec<_>>().join("\n    ")
        }
        _ => new.map_or_else(String::new, |s| s.content.clone()),
    };
    out.line(&format!("    {body}"))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_takes_two_files_and_names_the_missing_one() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.txt");
        std::fs::write(&a, "x").unwrap();
        let a = a.display().to_string();
        assert_eq!(
            plan(&[a.clone(), "-".into()]).unwrap(),
            Plan::Files { from: PathBuf::from(&a), to: PathBuf::from("-") }
        );
        let err = plan(&[a.clone(), "nope.txt".into()]).unwrap_err();
        assert_eq!(err.message, "cannot read nope.txt: no such file");
        assert_eq!(plan(&["my-story".into()]).unwrap(), Plan::Latest { story: "my-story".into() });
        assert_eq!(
            plan(&["my-story".into(), "1".into(), "@latest".into()]).unwrap(),
            Plan::Revisions { story: "my-story".into(), from: RevSpec::Number(1), to: RevSpec::Latest }
        );
        assert_eq!(
            plan(&["s@2".into(), "s@a1b2".into()]).unwrap(),
            Plan::Revisions { story: "s".into(), from: RevSpec::Number(2), to: RevSpec::Prefix("a1b2".into()) }
        );
        assert!(plan(&["s@2".into(), "t@3".into()]).is_err());
        let err = plan(&["missing.txt".into()]).unwrap_err();
        assert!(err.message.contains("missing.txt: no such file"), "{}", err.message);
        assert!(plan(&["-".into(), "-".into()]).is_err());
    }
}
