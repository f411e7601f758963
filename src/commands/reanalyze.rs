//! `claimtrail reanalyze`: derive every stored revision's analysis again
//! from its text with the current code, leaving the evidence and the
//! revision chain untouched.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use claimtrail_store::{
    FORMAT_VERSION, Hash32, Journaled, NewAnalysis, SpeakerRecord, Store, StoredAnalysis, validate_story_id,
};
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
/// record says which analysis version produced it. Stories are replaced
/// in atomic batches: a crash leaves every story with either its old
/// analysis or its new one, and `verify` passes after it. A store written
/// by an older claimtrail (format 2) is upgraded in place when every story
/// is reanalysed. A store made before `claimtrail variants` existed gets
/// its variant index built from every statement. A story whose analysis
/// this version already made, and derives again exactly, is left as it is
/// (nothing written); `--force` rewrites it anyway.
///
/// Examples:
///   claimtrail reanalyze
///   claimtrail reanalyze taji harbor --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only these stories [default: every story].
    #[arg(value_name = "STORY")]
    pub stories: Vec<String>,
    /// Rewrite every story's analysis, even one this version made and
    /// derives again exactly (its runs and index entries are rebuilt),
    /// and write the store's speaker records, name index and search index
    /// again from the revisions, and on PostgreSQL every row's typed
    /// columns from its key and value (repairs what `verify` finds wrong
    /// in them).
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    stories: usize,
    revisions: u64,
    /// Revisions whose statements or speakers came out different.
    changed: u64,
    /// Revisions rewritten: those of every story whose analysis changed or
    /// was made by another version of the rules. A story the current rules
    /// derive exactly as stored is left alone (nothing written, nothing
    /// added to the journal).
    rewritten: u64,
    version: &'static str,
    /// The store was in an older format and is now current.
    upgraded: bool,
    /// Statements put into the variant index, when this run built it (a
    /// store made before the index existed); 0 when it was there already.
    variants_indexed: u64,
    /// PostgreSQL rows whose typed columns (`--force`) did not hold what
    /// their key and value give, written again.
    columns_repaired: u64,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    for s in &args.stories {
        validate_story_id(s)?;
    }
    let dir = ctx.store_dir()?;
    if Store::lost_database(&dir) {
        return Err(claimtrail_store::StoreError::DatabaseMissing { path: dir }.into());
    }
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
    // What the store knows of each site's furniture, from every page it
    // holds now: the analyses below are derived with it.
    store.rebuild_furniture(&crate::furniture::STORED_PAGES)?;
    let total: u64 = stories.iter().map(|s| store.story(s).ok().flatten().map_or(0, |r| u64::from(r.revisions))).sum();
    let bar = crate::output::progress_bar(total, ctx.out.json());
    let mut summary = Summary { version: ANALYSIS_VERSION, upgraded: upgrading, ..Summary::default() };
    // The work of a story (reading its texts and stored analysis,
    // extracting, comparing) runs on a worker thread per core, reading the
    // store as committed: a batch changes a story's analysis only when
    // this thread replaces it, after its worker is done with it. Workers
    // take the next story as they come free; this thread writes the
    // results in story order (the store comes out the same however the
    // work was shared), committing about BATCH_REVISIONS revisions at a
    // time. At most IN_FLIGHT stories are out at once, which bounds memory
    // and still lets the workers go on while this thread flushes a batch.
    let workers = std::thread::available_parallelism().map_or(1, std::num::NonZero::get).clamp(1, MAX_WORKERS);
    let reading = &store;
    let (to_workers, work) = std::sync::mpsc::channel::<usize>();
    let work = std::sync::Mutex::new(work);
    std::thread::scope(|scope| -> Result<()> {
        let (worker_out, results) = std::sync::mpsc::channel::<(usize, Result<Reanalysed>)>();
        for _ in 0..workers {
            let (work, worker_out, stories) = (&work, worker_out.clone(), &stories);
            scope.spawn(move || {
                loop {
                    let next = work.lock().unwrap_or_else(std::sync::PoisonError::into_inner).recv();
                    let Ok(i) = next else { break };
                    // A panic comes back as the story's error: the writer
                    // waits for each story in turn, and would otherwise
                    // wait for this one for ever.
                    let done =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| reanalyse(reading, &stories[i])))
                            .unwrap_or_else(|panic| {
                                Err(CliError::new(format!(
                                    "internal error reanalysing story {:?}: {}",
                                    stories[i],
                                    claimtrail_store::panic_message(panic.as_ref())
                                )))
                            });
                    if worker_out.send((i, done)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(worker_out);
        let mut batch = reading.batch()?;
        let mut waiting: BTreeMap<usize, Result<Reanalysed>> = BTreeMap::new();
        let mut sent = 0;
        for taken in 0..stories.len() {
            while sent < stories.len() && sent < taken + IN_FLIGHT {
                to_workers.send(sent).ok();
                sent += 1;
            }
            let done = loop {
                if let Some(done) = waiting.remove(&taken) {
                    break done;
                }
                let Ok((i, done)) = results.recv() else {
                    return Err(CliError::new("a reanalysing thread stopped unexpectedly"));
                };
                waiting.insert(i, done);
            };
            let Reanalysed { stored, analyses, changed, current } = done?;
            let story = &stories[taken];
            let revisions = analyses.len() as u64;
            summary.revisions += revisions;
            summary.changed += changed;
            summary.stories += 1;
            if changed > 0 || !current || upgrading || args.force {
                batch.replace_analysis(story, stored, analyses, ANALYSIS_VERSION)?;
                summary.rewritten += revisions;
            }
            if batch.len() >= BATCH_REVISIONS {
                batch.commit()?;
                batch = reading.batch()?;
            }
            bar.set_position(summary.revisions);
        }
        drop(to_workers);
        batch.commit()?;
        Ok(())
    })?;
    bar.finish_and_clear();
    if upgrading {
        store.mark_current_format()?;
    }
    // The speaker records and the name index are store-wide merges of
    // every revision's speakers: once an analysis is rewritten they are
    // written again from the analysis records, so a name the old analysis
    // gave, or a record or name key forged meanwhile, is not merged into
    // what the new analysis says.
    if summary.rewritten > 0 {
        store.rebuild_speakers(&crate::speaker::keys::lookup_keys)?;
    }
    // `--force` rebuilds the search postings too, from every statement,
    // and on PostgreSQL writes again every typed column that does not hold
    // what its row's key and value give (what people's SQL reads).
    if args.force {
        store.rebuild_terms(&|content| crate::record::terms(content))?;
        summary.columns_repaired = store.repair_columns()?;
    }
    // A store made before the variant index: build it from every statement.
    if !store.near_ready()? {
        summary.variants_indexed = store.rebuild_near(&crate::variants::prints)?;
    }
    if ctx.out.json() {
        ctx.out.write_json(&summary)?;
    } else {
        ctx.out.line(&format!(
            "reanalysed {} revisions in {} stories with {}: {} came out different, {} rewritten{}",
            summary.revisions,
            summary.stories,
            summary.version,
            summary.changed,
            summary.rewritten,
            if upgrading { "; the store is upgraded to the current format" } else { "" }
        ))?;
        if summary.variants_indexed > 0 {
            ctx.out.line(&format!("built the variant index of {} statements", summary.variants_indexed))?;
        }
        if summary.columns_repaired > 0 {
            ctx.out.line(&format!(
                "wrote the typed columns of {} rows again from their keys and values",
                summary.columns_repaired
            ))?;
        }
    }
    Ok(exit::OK)
}

/// Extracting threads at most: the machine this is measured on has two
/// cores, and the writing thread needs its share.
const MAX_WORKERS: usize = 2;

/// Stories handed to the workers and not yet written, at most.
const IN_FLIGHT: usize = 16;

/// Revisions staged before a batch is written: several stories share one
/// atomic write and one flush (one per story made a store of short
/// stories flush-bound).
const BATCH_REVISIONS: usize = 2_000;

/// A story analysed again: its analysis as stored, the new one, how many
/// revisions came out different, and whether every stored analysis is
/// this version's.
struct Reanalysed {
    stored: Vec<StoredAnalysis>,
    analyses: Vec<NewAnalysis>,
    changed: u64,
    current: bool,
}

/// Everything but the writing, for one story (it runs on a worker thread,
/// reading the store as committed).
fn reanalyse(store: &Store, story: &str) -> Result<Reanalysed> {
    let texts = texts_of(store, story)?;
    let stored = store.stored_analyses(story)?;
    let derived = derive_texts(story, &texts)?;
    drop(texts);
    // PostgreSQL keeps no journal.
    let (analyses, changed, current) = compare(&stored, derived, !store.is_postgres());
    Ok(Reanalysed { stored, analyses, changed, current })
}

/// One revision analysed again: what the store will keep of it and its
/// claim diff against the revision before.
struct Derived {
    statements: Vec<claimtrail_store::NewStatement>,
    speakers: Vec<SpeakerRecord>,
    /// The speakers as the analysis record keeps them, to compare with
    /// the stored record's.
    snapshot: Vec<SpeakerRecord>,
    lineage: crate::record::Lineage,
}

/// A revision's text and which of its paragraphs are its site's furniture.
type Page = (String, BTreeSet<usize>);

/// The texts of every revision of `story`, oldest first, with the
/// paragraphs the store now knows as furniture.
fn texts_of(store: &Store, story: &str) -> Result<Vec<Page>> {
    let record = store.require_story(story)?;
    let revisions = store.revisions(story)?;
    let mut texts: Vec<Page> = Vec::with_capacity(revisions.len());
    for (i, rev) in revisions.iter().enumerate() {
        let before = i.checked_sub(1).map(|p| (&revisions[p], texts[p].0.as_str()));
        let text = store.text_after(rev, before)?;
        let host = crate::furniture::stored_host(&record, rev);
        let furniture = crate::furniture::furniture_of(store, host.as_deref(), story, &text)?;
        texts.push((text, furniture));
    }
    Ok(texts)
}

/// Every revision of `story` analysed again from its text, oldest first
/// (pure work, no store: it runs on the extracting thread).
fn derive_texts(story: &str, texts: &[Page]) -> Result<Vec<Derived>> {
    let mut known: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
    let mut previous = Vec::new();
    let mut out = Vec::with_capacity(texts.len());
    for (text, furniture) in texts {
        let (statements, mut speakers) = derive(story, text, furniture, &mut known)?;
        // Lookup keys for every speaker: the rules that write them may be
        // new since the revision was recorded.
        for sp in &mut speakers {
            sp.lookup = lookup_keys(sp);
        }
        let by_id: BTreeMap<String, SpeakerRecord> = speakers.iter().map(|s| (s.id.clone(), s.clone())).collect();
        let now = statements_as_stored(statements.iter().map(|s| (&s.occurrence, s.content.as_str())), &by_id, text);
        let lineage = lineage(&previous, &now);
        previous = now;
        let snapshot = speaker_snapshot(&speakers);
        out.push(Derived { statements, speakers, snapshot, lineage });
    }
    Ok(out)
}

/// The new analyses of a story's revisions (`stored`, as the store holds
/// them), with search terms for the statements that may be new to the
/// store; how many came out different from what is stored; and whether
/// every stored analysis is this version's.
///
/// A statement of the stored lists is in the store; any other gets its
/// search terms, which the batch keeps only if the statement turns out new
/// to the store when it is staged (so this needs no store).
fn compare(stored: &[StoredAnalysis], derived: Vec<Derived>, journaled: bool) -> (Vec<NewAnalysis>, u64, bool) {
    let mut termed: HashSet<Hash32> =
        stored.iter().flat_map(|was| was.occurrences.iter().map(|o| o.statement)).collect();
    let mut analyses = Vec::with_capacity(derived.len());
    let mut changed = 0;
    let mut current = true;
    for (was, d) in stored.iter().zip(derived) {
        let Derived { mut statements, speakers, snapshot, lineage } = d;
        for st in &mut statements {
            if termed.insert(st.occurrence.statement) {
                crate::record::index_words(st);
            }
        }
        let record = was.record.as_ref();
        current &= record.is_some_and(|a| a.version == ANALYSIS_VERSION);
        let same = was.occurrences.len() == statements.len()
            && was.occurrences.iter().zip(&statements).all(|(a, b)| *a == b.occurrence)
            && record.is_some_and(|a| a.speakers == snapshot);
        changed += u64::from(!same);
        let mut analysis =
            NewAnalysis { statements, speakers, arrivals: lineage.arrivals, fates: lineage.fates, journal: None };
        // An analysis that differs from the stored one, or was made by
        // another version, is journaled when it is written: its entry is
        // encoded here rather than on the writing thread.
        if journaled && !(same && record.is_some_and(|a| a.version == ANALYSIS_VERSION)) {
            analysis.journal = Some(Journaled::reanalysis(&was.revision, &analysis, ANALYSIS_VERSION));
        }
        analyses.push(analysis);
    }
    (analyses, changed, current)
}
