//! `claimtrail speakers`: who speaks in the store, or in one story.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::output::{Table, ellipsize};
use crate::query::SpeakerIndex;

/// List speakers with their kind, role, aliases and statement counts.
///
/// Anonymous sources are listed with the reason the article gave for
/// granting anonymity, when it gave one.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only the speakers of this story.
    #[arg(value_name = "STORY")]
    pub story: Option<String>,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    anonymous: bool,
    role: Option<&'a str>,
    aliases: &'a [String],
    anonymity_reason: Option<&'a str>,
    merged_into: Option<&'a str>,
    statements: usize,
    stories: usize,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let store = match (&args.story, ctx.open_existing_store()?) {
        (_, Some(store)) => store,
        (Some(story), None) => {
            return Err(claimtrail_store::StoreError::UnknownStory(story.clone()).into());
        }
        (None, None) => {
            if ctx.out.json() {
                ctx.out.write_json(&Vec::<()>::new())?;
            } else {
                ctx.out.line("no speakers yet")?;
            }
            return Ok(exit::OK);
        }
    };
    if let Some(story) = &args.story {
        store.require_story(story)?;
    }
    let index = SpeakerIndex::load(&store)?;
    // The speakers of one story come from its revisions; all speakers from
    // the store's records.
    let records: Vec<claimtrail_store::SpeakerRecord> = match &args.story {
        Some(story) => {
            let mut ids = BTreeSet::new();
            for rev in store.revisions(story)? {
                ids.extend(store.occurrences(&rev)?.into_iter().filter_map(|o| o.speaker));
            }
            let mut out = Vec::new();
            for id in ids {
                out.extend(index.record(&id)?);
            }
            out
        }
        None => store.speakers()?,
    };
    // Distinct statements and stories per speaker, from the speaker index.
    let mut counts: BTreeMap<String, (BTreeSet<[u8; 32]>, BTreeSet<String>)> = BTreeMap::new();
    for r in &records {
        for run in store.runs_by_speaker(&r.id)? {
            if args.story.as_ref().is_none_or(|s| *s == run.story) {
                let e = counts.entry(r.id.clone()).or_default();
                e.0.insert(*run.statement.as_bytes());
                e.1.insert(run.story);
            }
        }
    }
    let canon: Vec<String> = records.iter().map(|r| index.canonical(&r.id)).collect();
    let rows: Vec<Row> = records
        .iter()
        .zip(&canon)
        .map(|(r, canon)| {
            let (st, stories) = counts.get(&r.id).map_or((0, 0), |(a, b)| (a.len(), b.len()));
            Row {
                id: &r.id,
                name: &r.name,
                kind: &r.kind,
                anonymous: r.anonymous,
                role: r.role.as_deref(),
                aliases: &r.aliases,
                anonymity_reason: r.anonymity_reason.as_deref(),
                merged_into: (*canon != r.id).then_some(canon.as_str()),
                statements: st,
                stories,
            }
        })
        .collect();
    if ctx.out.json() {
        ctx.out.write_json(&rows)?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["SPEAKER", "KIND", "ROLE", "STATEMENTS", "ALIASES / NOTES"], p);
    for r in &rows {
        // Aliases as people read them: once each, not the name again.
        let mut seen = BTreeSet::from([crate::query::speakers::norm_name(r.name)]);
        let mut notes: Vec<String> =
            r.aliases.iter().filter(|a| seen.insert(crate::query::speakers::norm_name(a))).cloned().collect();
        if let Some(reason) = r.anonymity_reason {
            notes.push(format!("anonymous because {reason}"));
        }
        if let Some(into) = r.merged_into {
            notes.push(format!("merged into {}", index.display(into)));
        }
        t.row(vec![
            p.cyan(r.name),
            r.kind.to_string(),
            ellipsize(r.role.unwrap_or(""), 40),
            r.statements.to_string(),
            notes.join("; "),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
