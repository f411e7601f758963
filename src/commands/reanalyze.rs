//! `claimtrail reanalyze`: derive every stored revision's analysis again
//! from its text with the current code, leaving the evidence and the
//! revision chain untouched.

use std::collections::{BTreeMap, HashSet};

use claimtrail_store::{FORMAT_VERSION, NewAnalysis, SpeakerRecord, Store, validate_story_id};
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};
use crate::record::{ANALYSIS_VERSION, derive, lineage, lookup_keys, speaker_snapshot, statements_as_stored};

/// Derive the statements and speakers of stored revisions again, with this
/// version's extraction and speaker rules.
///
/// Each revision's statements, speakers, runs and index entries are worked
/// out again from its stored text (the evidence) and replace the old ones;
/// revision ids, the hash chain, texts and raw bytes stay exactly as they
/// are, so exports made before still import. Each revision's analysis
/// record says which analysis version produced it. One story is replaced
/// in one atomic write: a crash leaves every story with either its old
/// analysis or its new one, and `verify` passes after it. A store written
/// by an older claimtrail (format 2) is upgraded in place when every story
/// is reanalysed. A store made before `claimtrail variants` existed gets
/// its variant index built from every statement.
///
/// Examples:
///   claimtrail reanalyze
///   claimtrail reanalyze taji harbor --format json
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only these stories [default: every story].
    #[arg(value_name = "STORY")]
    pub stories: Vec<String>,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    stories: usize,
    revisions: u64,
    /// Revisions whose statements or speakers came out different.
    changed: u64,
    version: &'static str,
    /// The store was in an older format and is now current.
    upgraded: bool,
    /// Statements put into the variant index, when this run built it (a
    /// store made before the index existed); 0 when it was there already.
    variants_indexed: u64,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    for s in &args.stories {
        validate_story_id(s)?;
    }
    let dir = ctx.store_dir()?;
    if !Store::exists(&dir) {
        return Err(CliError::new(format!("no store at {}", dir.display()))
            .with_hint("`claimtrail record` creates one; pass --store to use another"));
    }
    let mut options = ctx.open_options(false);
    options.upgrade = true;
    let mut store = Store::open_with(&dir, &options)?;
    let upgrading = store.format()? < FORMAT_VERSION;
    if upgrading && !args.stories.is_empty() {
        return Err(CliError::new(format!(
            "the store at {} is in an older format: every story must be reanalysed to upgrade it",
            dir.display()
        ))
        .with_hint("run `claimtrail reanalyze` with no story"));
    }
    let stories: Vec<String> = if args.stories.is_empty() {
        store.stories()?.into_iter().map(|s| s.id).collect()
    } else {
        let mut out = Vec::new();
        for s in &args.stories {
            out.push(store.require_story(s)?.id);
        }
        out.dedup();
        out
    };
    let total: u64 = stories.iter().map(|s| store.story(s).ok().flatten().map_or(0, |r| u64::from(r.revisions))).sum();
    let bar = crate::output::progress_bar(total, ctx.out.json());
    let mut summary = Summary { version: ANALYSIS_VERSION, upgraded: upgrading, ..Summary::default() };
    for story in &stories {
        let (analyses, changed) = derive_story(&store, story)?;
        summary.revisions += analyses.len() as u64;
        summary.changed += changed;
        summary.stories += 1;
        let mut batch = store.batch()?;
        batch.replace_analysis(story, analyses, ANALYSIS_VERSION)?;
        batch.commit()?;
        bar.set_position(summary.revisions);
    }
    bar.finish_and_clear();
    if upgrading {
        store.mark_current_format()?;
    }
    // A store made before the variant index: build it from every statement.
    if !store.near_ready()? {
        summary.variants_indexed = store.rebuild_near(&crate::variants::prints)?;
    }
    if ctx.out.json() {
        ctx.out.write_json(&summary)?;
    } else {
        ctx.out.line(&format!(
            "reanalysed {} revisions in {} stories with {}: {} came out different{}",
            summary.revisions,
            summary.stories,
            summary.version,
            summary.changed,
            if upgrading { "; the store is upgraded to the current format" } else { "" }
        ))?;
        if summary.variants_indexed > 0 {
            ctx.out.line(&format!("built the variant index of {} statements", summary.variants_indexed))?;
        }
    }
    Ok(exit::OK)
}

/// Every revision of `story` analysed again from its text, oldest first,
/// and how many came out different from what is stored.
fn derive_story(store: &Store, story: &str) -> Result<(Vec<NewAnalysis>, u64)> {
    let mut known: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
    let mut previous = Vec::new();
    let mut termed = HashSet::new();
    let mut analyses = Vec::new();
    let mut changed = 0;
    for rev in store.revisions(story)? {
        let text = store.text(&rev)?;
        let (mut statements, mut speakers) = derive(story, &text, &mut known)?;
        // Lookup keys for every speaker: the rules that write them may be
        // new since the revision was recorded.
        for sp in &mut speakers {
            sp.lookup = lookup_keys(sp);
        }
        for st in &mut statements {
            let h = st.occurrence.statement;
            if termed.insert(h) && !store.has_statement(&h)? {
                crate::record::index_words(st);
            }
        }
        let old = store.occurrences(&rev)?;
        let same = old.len() == statements.len()
            && old.iter().zip(&statements).all(|(a, b)| *a == b.occurrence)
            && store.analysis(&rev)?.is_some_and(|a| a.speakers == speaker_snapshot(&speakers));
        changed += u64::from(!same);
        let by_id: BTreeMap<String, SpeakerRecord> = speakers.iter().map(|s| (s.id.clone(), s.clone())).collect();
        let now = statements_as_stored(statements.iter().map(|s| (&s.occurrence, s.content.as_str())), &by_id, &text);
        let lineage = lineage(&previous, &now);
        previous = now;
        analyses.push(NewAnalysis { statements, speakers, arrivals: lineage.arrivals, fates: lineage.fates });
    }
    Ok((analyses, changed))
}
