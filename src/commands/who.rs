//! `claimtrail who`: everything one speaker said, across stories and
//! revisions, and what became of it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::output::{Table, ellipsize};
use crate::query::{SpeakerIndex, Status, Trail, View};
use crate::time::parse_time;

/// Every statement by a speaker, across all stories and revisions.
///
/// SPEAKER is a name ("Mark Esper"), an alias the article used, a surname
/// ("Esper"), an acronym ("DoD"), or a speaker id. Every spelling of the
/// same person or organisation across stories counts as one ("Mark Esper",
/// "Mark T. Esper", "Secretary Esper"; "José Ramírez", "Jose Ramirez";
/// "the Pentagon", "Department of Defense"), and a name may be typed
/// without its accents: `claimtrail speakers NAME` shows the spellings and
/// why they are one. When people who share a name really are different
/// people, who asks which one and says how they differ. Speakers merged
/// with `claimtrail alias` count as one; `unalias` keeps one apart.
///
/// Each statement shows its story, the name as that report wrote it, the
/// revisions it was seen in, and its status now: current, removed in
/// revision N, reworded, or reattributed to someone else.
///
/// Examples:
///   claimtrail who Esper
///   claimtrail who "Defense Department" --story taji
///   claimtrail who Esper --kind direct --current --format json
///   claimtrail who Esper --variants
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The speaker: name, alias, surname or id.
    #[arg(value_name = "SPEAKER")]
    pub speaker: String,
    /// Only statements in this story.
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// Only statements seen in a revision captured at or after this time.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub since: Option<DateTime<Utc>>,
    /// Only statements seen in a revision captured at or before this time.
    #[arg(long, value_name = "TIME", value_parser = parse_time)]
    pub until: Option<DateTime<Utc>>,
    /// Only statements attributed this way.
    #[arg(long, value_name = "KIND", value_parser = ["direct", "indirect", "according_to", "declined"])]
    pub kind: Option<String>,
    /// Only statements still in their story's latest revision.
    #[arg(long)]
    pub current: bool,
    /// Show at most this many statements (0: all).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    /// Also show, per statement, in how many stories its claim appears
    /// (in any wording) and the flags of its renderings (see `claimtrail
    /// variants`).
    #[arg(long)]
    pub variants: bool,
}

/// A statement's claim across stories, for `who --variants`.
#[derive(Serialize)]
struct Across {
    /// The variant group, when other stories render the claim.
    group: Option<String>,
    stories: usize,
    /// Every flag any rendering in the group has.
    flags: Vec<crate::variants::Flag>,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    trail: &'a Trail,
    #[serde(skip_serializing_if = "Option::is_none")]
    variants: Option<&'a Across>,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    speaker: &'a claimtrail_store::SpeakerRecord,
    merged: Vec<String>,
    /// Every spelling counted as this speaker, with the evidence.
    identity: &'a [crate::speaker::Member],
    /// Bare surnames that could be this speaker or another (not counted).
    could_also_be: Vec<&'a str>,
    statements: Vec<Row<'a>>,
    /// More statements matched than `--limit` let through.
    truncated: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    if let Some(s) = &args.story {
        claimtrail_store::validate_story_id(s)?;
    }
    let store = ctx.open_existing_store()?.ok_or_else(|| {
        crate::error::CliError::new(format!("no speaker matches {:?}: the store is empty", args.speaker))
    })?;
    let speakers = SpeakerIndex::load(&store)?;
    let resolved = speakers.resolve_identity(&args.speaker)?;
    let id = resolved.id.clone();
    let group = speakers.group(&id);
    let filter = WhoFilter {
        story: args.story.clone(),
        since: args.since,
        until: args.until,
        kind: args.kind.clone(),
        current: args.current,
        limit: args.limit,
    };
    let (mut trails, truncated) = who(&store, &group, &filter)?;
    for t in &mut trails {
        if let Some(sid) = &t.speaker {
            t.named = speakers.record(sid)?.map(|r| r.name);
        }
    }
    let mut across: Vec<Across> = Vec::new();
    if args.variants {
        let mut grouper = crate::variants::Grouper::new(&store)?;
        // Only a group's id, stories and flags are shown, all three over
        // every rendering: one member laid out is enough.
        grouper.show_at_most(1);
        for t in &trails {
            let hash = t.hash.parse().map_err(|e| crate::error::CliError::new(format!("internal error: {e}")))?;
            across.push(match grouper.group_of(&speakers, hash)? {
                Some(g) => {
                    Across { group: Some(g.id.clone()), stories: g.stories(), flags: g.flags().into_iter().collect() }
                }
                None => Across { group: None, stories: 1, flags: Vec::new() },
            });
        }
    }
    let record = &speakers.record(&id)?.ok_or_else(|| {
        crate::error::CliError::new(format!("speaker {id:?} has no record")).with_hint("run `claimtrail verify`")
    })?;
    if ctx.out.json() {
        let merged = group.iter().filter(|g| **g != id).cloned().collect();
        let could_also_be = resolved.maybe.iter().flat_map(|i| i.members.iter().map(|m| m.name.as_str())).collect();
        ctx.out.write_json(&JsonOut {
            speaker: record,
            merged,
            identity: &resolved.identity.members,
            could_also_be,
            statements: trails.iter().enumerate().map(|(i, trail)| Row { trail, variants: across.get(i) }).collect(),
            truncated,
        })?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut head = format!("{} ({}", p.bold(&record.name), record.kind);
    if let Some(role) = &record.role {
        head.push_str(&format!(", {role}"));
    }
    head.push(')');
    let stories: std::collections::BTreeSet<&str> = trails.iter().map(|t| t.story.as_str()).collect();
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // One statement carried word for word by several stories is one in
    // `speakers`' count: say so when the two differ.
    let distinct = trails.iter().map(|t| t.hash.as_str()).collect::<std::collections::BTreeSet<_>>().len();
    let count = if truncated {
        format!("the first {}", trails.len())
    } else if distinct < trails.len() {
        format!("{} ({distinct} distinct)", plural(trails.len(), "statement", "statements"))
    } else {
        plural(trails.len(), "statement", "statements")
    };
    head.push_str(&format!(": {count} in {}", plural(stories.len(), "story", "stories")));
    ctx.out.line(&head)?;
    let mut spellings: Vec<&str> = resolved.identity.members.iter().map(|m| m.name.as_str()).collect();
    spellings.sort_unstable();
    spellings.dedup();
    if spellings.len() > 1 {
        ctx.out.line(&p.dim(&format!("also written: {}", spellings.join(", "))))?;
    }
    for note in resolved.not_counted() {
        ctx.out.line(&p.dim(&note))?;
    }
    if trails.is_empty() {
        return Ok(exit::OK);
    }
    let mut header = vec!["STORY", "AS", "REVS", "STATUS", "ATTRIBUTION"];
    if args.variants {
        header.extend(["STORIES", "FLAGS"]);
    }
    header.push("CONTENT");
    let mut t = Table::new(&header, p);
    for (i, tr) in trails.iter().enumerate() {
        let revs = tr.revisions_label();
        let status = match tr.status {
            Status::Current => p.green(&tr.status.describe()),
            _ => p.red(&tr.status.describe()),
        };
        let named = ellipsize(tr.named.as_deref().unwrap_or(""), 28);
        let mut row = vec![p.cyan(&tr.story), named, revs, status, tr.attribution.clone()];
        if let Some(a) = across.get(i) {
            let flags: Vec<&str> = a.flags.iter().map(|f| f.as_str()).collect();
            row.push(a.stories.to_string());
            row.push(if flags.is_empty() { "-".to_string() } else { p.red(&flags.join(",")) });
        }
        row.push(ellipsize(&tr.content, 80));
        t.row(row);
    }
    t.write(&mut ctx.out)?;
    if truncated {
        ctx.out.line(&p.dim(&format!("… more: --limit {} or --limit 0 shows them", args.limit * 10)))?;
    }
    Ok(exit::OK)
}

/// Which of a speaker's statements `who` lists.
#[derive(Debug, Default)]
pub struct WhoFilter {
    pub story: Option<String>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
    pub kind: Option<String>,
    pub current: bool,
    /// At most this many (0: all).
    pub limit: usize,
}

/// The trails of the statements by the speakers in `group` that pass the
/// filter, and whether the limit left some out.
pub fn who(
    store: &claimtrail_store::Store,
    group: &std::collections::BTreeSet<String>,
    filter: &WhoFilter,
) -> Result<(Vec<Trail>, bool)> {
    // On a server, every run index of the group in one round trip.
    store.read_ahead(&group.iter().map(|sid| claimtrail_store::Ahead::RunsBySpeaker(sid)).collect::<Vec<_>>())?;
    let mut runs = Vec::new();
    for sid in group {
        runs.extend(store.runs_by_speaker(sid)?);
    }
    if let Some(story) = &filter.story {
        runs.retain(|r| &r.story == story);
    }
    let mut view = View::new(store);
    if filter.since.is_some() || filter.until.is_some() {
        let mut kept = Vec::with_capacity(runs.len());
        for run in runs {
            if view.captured_within(&run, filter.since, filter.until)? {
                kept.push(run);
            }
        }
        runs = kept;
    }
    view.trails_where(runs, filter.limit, |t| {
        filter.kind.as_deref().is_none_or(|k| t.attribution == k) && (!filter.current || t.status == Status::Current)
    })
}
