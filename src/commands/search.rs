//! `claimtrail search`: statements whose content holds every given word,
//! from the store's inverted index.

use std::collections::BTreeSet;

use claimtrail_store::Ahead;
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};
use crate::output::{Table, ellipsize};
use crate::query::{SpeakerIndex, Trail, View};
use crate::record::terms;

/// Find statements whose content holds all the given words.
///
/// Matching ignores case, punctuation and quotation marks. Each hit shows
/// its story, the revisions it occurs in, its speaker and its status.
///
/// Examples:
///   claimtrail search all options
///   claimtrail search "table" --speaker Esper
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Words the content must hold (all of them).
    #[arg(value_name = "WORDS", required = true)]
    pub words: Vec<String>,
    /// Only statements by this speaker.
    #[arg(long, value_name = "SPEAKER")]
    pub speaker: Option<String>,
    /// Show at most this many statements (0: all).
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
}

#[derive(Serialize)]
struct Hit<'a> {
    #[serde(flatten)]
    trail: &'a Trail,
    speaker_name: Option<String>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let wanted: Vec<String> = args.words.iter().flat_map(|w| terms(w)).collect();
    if wanted.is_empty() {
        // Say what is true of the words given: no letters or digits at all
        // (a pattern such as '.*'), or only words too common to index.
        let has_word = args.words.iter().any(|w| w.chars().any(char::is_alphanumeric));
        if !has_word {
            return Err(CliError::new(format!("search words hold no letters or digits: {:?}", args.words.join(" ")))
                .with_hint("search matches whole words, not patterns: give words such as `search lithium batteries`"));
        }
        return Err(CliError::new("search needs at least one word that is not too common to index")
            .with_hint("words such as the, a, of and to are left out of the index"));
    }
    let Some(store) = ctx.open_existing_store()? else {
        return print(ctx, &[], None);
    };
    let speakers = SpeakerIndex::load(&store)?;
    let group = match &args.speaker {
        Some(s) => Some(speakers.group(&speakers.resolve(s)?)),
        None => None,
    };
    let (trails, truncated) = search(&store, &wanted, group.as_ref(), args.limit)?;
    if truncated {
        eprintln!("note: more statements match; showing the first {} (--limit 0 shows all)", trails.len());
    }
    print(ctx, &trails, Some(&speakers))
}

fn print(ctx: &mut Ctx, trails: &[Trail], speakers: Option<&SpeakerIndex>) -> Result<u8> {
    let name = |t: &Trail| t.speaker.as_ref().map(|s| speakers.map_or_else(|| s.clone(), |i| i.display(s)));
    if ctx.out.json() {
        let hits: Vec<Hit> = trails.iter().map(|t| Hit { trail: t, speaker_name: name(t) }).collect();
        ctx.out.write_json(&hits)?;
        return Ok(exit::OK);
    }
    if trails.is_empty() {
        ctx.out.line("no statement holds all those words")?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["STORY", "REVS", "SPEAKER", "STATUS", "CONTENT"], p);
    for tr in trails {
        let revs = tr.revisions_label();
        t.row(vec![
            p.cyan(&tr.story),
            revs,
            ellipsize(&name(tr).unwrap_or_else(|| "—".into()), 28),
            tr.status.describe(),
            ellipsize(&tr.content, 80),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}

/// The trails of statements holding every term, by speakers in `group`
/// when given.
pub fn search(
    store: &claimtrail_store::Store,
    terms: &[String],
    group: Option<&std::collections::BTreeSet<String>>,
    limit: usize,
) -> Result<(Vec<Trail>, bool)> {
    // Only the statements shown are looked up further, so a common word
    // stays fast.
    let hits = crate::query::words::matching_keys(store, terms)?;
    let mut view = View::new(store);
    let mut located = Vec::new();
    let mut groups = 0;
    let mut truncated = false;
    // What the next hits read (their statements and contents, then their
    // runs), fetched a chunk at a time: on a server two round trips per
    // chunk instead of three per hit. (sled reads in-process: nothing to
    // gain, and the chunk's extra look at each hit would cost.)
    let chunk = if limit > 0 { limit.clamp(16, 256) } else { 256 };
    let ahead = store.is_postgres();
    for (at, &key) in hits.iter().enumerate() {
        if limit > 0 && groups >= limit {
            truncated = true;
            break;
        }
        if ahead && at % chunk == 0 {
            let next = &hits[at..(at + chunk).min(hits.len())];
            store.read_ahead(&next.iter().map(|k| Ahead::StatementsWithKey(*k)).collect::<Vec<_>>())?;
            let mut found = Vec::new();
            for k in next {
                found.extend(crate::query::words::statements_of(store, *k, terms)?);
            }
            store.read_ahead(&found.iter().map(Ahead::RunsOf).collect::<Vec<_>>())?;
        }
        let mut stories = BTreeSet::new();
        let mut runs = Vec::new();
        for h in crate::query::words::statements_of(store, key, terms)? {
            runs.extend(store.runs_of(&h)?);
        }
        for run in runs {
            if let Some(g) = group
                && !run.speaker.as_ref().is_some_and(|s| g.contains(s))
            {
                continue;
            }
            stories.insert(run.story.clone());
            located.push(run);
        }
        groups += stories.len();
    }
    let (trails, more) = view.trails_where(located, limit, |_| true)?;
    Ok((trails, truncated || more))
}
