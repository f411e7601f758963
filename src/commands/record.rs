//! `claimtrail record`: keep a revision of a story, with its statements.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use claimtrail_store::{Recorded, RevisionRecord};
use serde::Serialize;

use crate::commands::Ctx;
use crate::commands::input::{self, DEFAULT_MAX_BYTES};
use crate::error::{CliError, Result, exit};
use crate::record::{PRIMARY, Prepared, latest_statements, story_speakers};
use crate::time::{now, parse_time};

/// Record a revision of a story in the store.
///
/// Reads the article from FILE (or standard input; text, Markdown or HTML,
/// gzip-compressed or not), extracts its statements and speakers, and
/// appends it to STORY's hash-chained history. Text equal
/// to the latest revision records nothing ("unchanged since revision N");
/// text equal to an older revision is recorded and noted as a revert.
///
/// Examples:
///   claimtrail record taji-strikes article.txt
///   curl -s https://example.com/story | claimtrail record my-story - --url https://example.com/story
///   claimtrail record my-story old.txt --at 2020-03-12T18:00:00Z
///   claimtrail record briefing-transcript transcript.txt --primary transcript
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The story id: a slug such as taji-strikes (no spaces, no '/').
    #[arg(value_name = "STORY")]
    pub story: String,
    /// The article: a file, or - for standard input.
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// When this revision was captured (RFC 3339, or YYYY-MM-DD[ HH:MM[:SS]] in UTC) [default: now].
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub at: Option<DateTime<Utc>>,
    /// The story's URL.
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,
    /// The story's title.
    #[arg(long, value_name = "TITLE")]
    pub title: Option<String>,
    /// Refuse inputs larger than this many bytes.
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_BYTES)]
    pub max_bytes: u64,
    /// This revision is a primary source of what it quotes: a transcript, an
    /// official statement, or a document the story reports on. `variants`
    /// puts its rendering of a quote first, diffs every report against it,
    /// and judges misattribution by the speaker it gives. Kept in the
    /// revision's metadata (`show` lists it; `export` carries it).
    #[arg(long, value_name = "KIND", value_parser = ["transcript", "statement", "document"])]
    pub primary: Option<String>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    story: &'a str,
    outcome: &'static str,
    revision: u32,
    id: String,
    revert_of: Option<u32>,
    statements: usize,
    speakers: usize,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    // Validate everything before the store is opened, so bad input never
    // touches it.
    claimtrail_store::validate_story_id(&args.story)?;
    if let Some(url) = &args.url {
        crate::commands::input::check_url(url)?;
    }
    if let Some(title) = &args.title
        && title.chars().any(char::is_control)
    {
        return Err(CliError::new(format!("invalid --title {title:?}: it contains a control character"))
            .with_hint("a title is one line of plain text"));
    }
    let input = input::read_input(args.file.as_deref(), args.max_bytes)?;
    input::check_article(&input.source, &input.raw)?;
    input::check_recordable(&input.source, &input.document)?;
    let mut prepared = Prepared::new(input.raw, input.source.label(), input.document);
    let captured_at = match args.at {
        Some(t) => t,
        None => now()?,
    };
    let mut store = ctx.open_store()?;
    // A history runs forward: a revision dated before the story's latest
    // would make `log` and `diff` read time backwards.
    if let Some(latest) = store.story(&args.story)?.and_then(|s| s.last_captured_at)
        && captured_at < latest
    {
        let show = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
        return Err(CliError::new(format!(
            "cannot record {} at {}: the story already holds a revision captured later, at {}",
            args.story,
            show(captured_at),
            show(latest)
        ))
        .with_hint("a story's revisions are recorded in the order they were captured: pass a later --at"));
    }
    // The site's furniture, as far as the store knows the site: by the
    // story's address when this record gives none.
    let stored_url = match &args.url {
        Some(_) => None,
        None => store.story(&args.story)?.and_then(|s| s.url),
    };
    prepared.drop_site_furniture(&store, &args.story, args.url.as_deref().or(stored_url.as_deref()))?;
    let mut known = story_speakers(&store, &args.story)?;
    let previous = latest_statements(&store, &args.story)?;
    let mut revision = prepared.to_revision(
        &args.story,
        &mut known,
        &previous,
        captured_at,
        args.url.as_deref(),
        args.title.as_deref(),
    )?;
    if let Some(kind) = &args.primary {
        revision.meta.insert(PRIMARY.to_string(), kind.clone());
    }
    let outcome = store.record_revision(revision)?;
    let extraction = &prepared.extraction;
    let (kind, rev): (&'static str, &RevisionRecord) = match &outcome {
        Recorded::New { revision, .. } => ("recorded", revision),
        Recorded::Unchanged { latest } => ("unchanged", latest),
    };
    if ctx.out.json() {
        ctx.out.write_json(&JsonOut {
            story: &args.story,
            outcome: kind,
            revision: rev.number,
            id: rev.id.to_hex(),
            revert_of: rev.revert_of.filter(|_| kind == "recorded"),
            statements: extraction.statements.len(),
            speakers: extraction.speakers.len(),
        })?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let line = match &outcome {
        Recorded::Unchanged { latest } => {
            let mut line = format!(
                "{}: unchanged since revision {} ({}); nothing recorded",
                args.story,
                latest.number,
                p.yellow(&latest.id.short())
            );
            if args.primary.is_some() && latest.meta.get(PRIMARY) != args.primary.as_ref() {
                line.push_str(&format!(
                    "; --primary marks a new revision only, so revision {} keeps its metadata",
                    latest.number
                ));
            }
            line
        }
        Recorded::New { revision, new_story } => {
            let attributed = extraction.statements.iter().filter(|s| s.speaker.is_some()).count();
            let mut line = format!(
                "{}: recorded revision {} ({}): {} statements ({} attributed), {} speakers",
                args.story,
                revision.number,
                p.yellow(&revision.id.short()),
                extraction.statements.len(),
                attributed,
                extraction.speakers.len()
            );
            if let Some(n) = revision.revert_of {
                line.push_str(&format!("; a revert: the text is that of revision {n}"));
            }
            if *new_story {
                line.push_str("; new story");
            }
            line
        }
    };
    ctx.out.line(&line)?;
    Ok(exit::OK)
}
