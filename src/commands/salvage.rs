//! `claimtrail salvage`: copy every undamaged story out of a damaged store.
//!
//! It reads what it can: the database (each revision `verify` does not
//! name as damaged) and the journal of acknowledged revisions, which keeps
//! each revision's evidence and analysis outside sled's files for the day
//! sled cannot read them (see `claimtrail_store::journal`). Every revision
//! is recorded again into the new store, so its id is recomputed from its
//! evidence: a damaged or edited revision cannot pass. A story is copied up
//! to its first revision that neither source holds intact (a chain cannot
//! skip a link); what is lost is named.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use claimtrail_store::journal::Analysis;
use claimtrail_store::{Acknowledged, Evidence, Hash32, Journal, Recorded, Store};
use serde::Serialize;

use crate::backup::{RevisionLine, StatementLine};
use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};
use crate::extract::normalize::content_hash;

/// Copy every undamaged story of the store into a new store.
///
/// For a store `verify` finds damaged, or one that cannot be opened at all.
/// Each revision whose evidence and chain check out is recorded into NEW
/// with everything recorded for it (statements, speakers), taken from the
/// database where `verify` finds it intact and from the store's journal of
/// acknowledged revisions where not. Aliases, watches and checks are copied
/// when the database can still be read. The damaged store is not changed.
///
/// Exits 0 when every revision was copied and 1 when some were lost (each
/// named by story and revision).
///
/// Examples:
///   claimtrail salvage --to ~/claimtrail-salvaged
///   claimtrail --store damaged/ salvage --to rescued/
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The new store to write (a directory that does not exist yet, or is empty).
    #[arg(long, value_name = "PATH")]
    pub to: PathBuf,
}

/// Where a salvaged revision came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum From {
    Database,
    Journal,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    stories: usize,
    revisions: usize,
    from_database: usize,
    from_journal: usize,
    /// Revisions known to exist that could not be copied: story → numbers.
    lost: BTreeMap<String, Vec<u32>>,
    /// What could not be read, in words.
    notes: Vec<String>,
}

/// A story's revisions as each source holds them.
#[derive(Default)]
struct Candidates {
    database: BTreeMap<u32, RevisionLine>,
    journal: BTreeMap<u32, RevisionLine>,
    /// Journal entries compressed against a parent the journal itself
    /// cannot give (its entry is damaged): decoded when the story is
    /// copied, against the parent taken from the database.
    deferred: BTreeMap<u32, Deferred>,
    /// Every revision number known to exist.
    known: BTreeSet<u32>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let from = ctx.store_dir()?;
    for store in [&from, &args.to] {
        if claimtrail_store::is_postgres_address(&store.to_string_lossy()) {
            return Err(claimtrail_store::StoreError::NotOnPostgres {
                address: claimtrail_store::redacted_address(&store.to_string_lossy()),
                command: "salvage",
                why: "it rebuilds a damaged sled database from its journal",
            }
            .into());
        }
    }
    if !from.is_dir() {
        return Err(CliError::new(format!("no store at {}", from.display()))
            .with_hint("pass --store with the damaged store's directory"));
    }
    check_target(&from, &args.to)?;
    let mut summary = Summary::default();
    let mut stories: BTreeMap<String, Candidates> = BTreeMap::new();
    // The journal first: sled may rewrite its own files when it opens, the
    // journal never.
    read_journal(&from, &mut stories, &mut summary);
    let extras = match ctx.try_open_existing_store()? {
        None | Some(Err(claimtrail_store::StoreError::DatabaseMissing { .. })) => {
            summary.notes.push("there is no database: everything comes from the journal".into());
            None
        }
        Some(Err(e)) => {
            summary.notes.push(format!("the database cannot be read ({e}): everything comes from the journal"));
            None
        }
        Some(Ok(store)) => Some(read_database(&store, &mut stories, &mut summary)),
    };

    let mut target = Store::open(&args.to)?;
    for (id, candidates) in stories {
        copy_story(&mut target, &id, candidates, &mut summary)?;
    }
    if let Some(extras) = extras {
        for (from, into) in extras.aliases {
            target.set_alias(&from, &into)?;
        }
        for (watch, checks) in extras.watches {
            target.set_watch(&watch)?;
            for (mut check, page) in checks {
                match page {
                    // The id is computed again from the page: equal, since
                    // the page was checked against it when read.
                    Some(page) => target.record_check_with_raw(&watch.story, &mut check, &page)?,
                    None => target.record_check(&watch.story, &check)?,
                }
            }
        }
    }
    drop(target);
    report(ctx, &args.to, &summary)
}

/// The new store must be somewhere new: never the damaged one, never over
/// anything.
fn check_target(from: &Path, to: &Path) -> Result<()> {
    let same = from.canonicalize().ok().zip(to.canonicalize().ok()).is_some_and(|(a, b)| a == b);
    if same {
        return Err(CliError::new(format!("cannot salvage {} into itself", to.display()))
            .with_hint("pass --to a new directory"));
    }
    if to.exists() {
        let empty = to.is_dir() && std::fs::read_dir(to).map(|mut d| d.next().is_none()).unwrap_or(false);
        if !empty {
            return Err(CliError::new(format!("cannot salvage into {}: it exists and is not empty", to.display()))
                .with_hint("pass --to a directory that does not exist yet"));
        }
    }
    Ok(())
}

fn read_journal(dir: &Path, stories: &mut BTreeMap<String, Candidates>, summary: &mut Summary) {
    let journal = match Journal::read(dir) {
        Ok(j) => j,
        Err(e) => {
            summary.notes.push(format!("the journal cannot be read: {e}"));
            return;
        }
    };
    if !journal.damage.is_empty() {
        summary.notes.push(format!("the journal is damaged in {} places", journal.damage.len()));
    }
    // Where each story's journal candidate was written: a later entry for
    // the same revision wins (the earlier one was lost and recorded again),
    // and an analysis derived again applies to what was written before it.
    let mut written: BTreeMap<(String, u32), u64> = BTreeMap::new();
    for ack in journal.entries {
        let c = stories.entry(ack.story.clone()).or_default();
        c.known.insert(ack.number);
        let (key, offset) = ((ack.story.clone(), ack.number), ack.offset);
        if c.take_from_journal(ack) {
            written.insert(key, offset);
        } else {
            summary.notes.push(format!("the journal entry of {}@{} cannot be decoded", key.0, key.1));
        }
    }
    // A write cut short after sled had it but before its commit mark was
    // never acknowledged, but a later revision may build on it: such a
    // pending revision is taken when the next one names it as its parent.
    let mut pending = journal.pending;
    pending.sort_by(|a, b| b.number.cmp(&a.number).then(b.offset.cmp(&a.offset)));
    for ack in pending {
        let Some(c) = stories.get_mut(&ack.story) else { continue };
        let wanted = c.parent_of(ack.number + 1) == Some(ack.id);
        let newer = written.get(&(ack.story.clone(), ack.number)).is_some_and(|at| *at > ack.offset);
        if wanted && !newer {
            let (key, offset) = ((ack.story.clone(), ack.number), ack.offset);
            if c.take_from_journal(ack) {
                c.known.insert(key.1);
                written.insert(key, offset);
            }
        }
    }
    for r in journal.reanalyses {
        let Some(c) = stories.get_mut(&r.story) else { continue };
        let after = written.get(&(r.story.clone(), r.number)).is_some_and(|at| *at < r.offset);
        let target = match (c.journal.get_mut(&r.number), c.deferred.get_mut(&r.number)) {
            (Some(line), _) if line.id == r.id => Target::Line(line),
            (None, Some(d)) if d.ack.id == r.id => Target::Deferred(d),
            _ => continue,
        };
        if !after {
            continue;
        }
        match r.analysis() {
            Some(a) => match target {
                Target::Line(line) => apply(line, a),
                Target::Deferred(d) => d.analysis = Some(a),
            },
            None => summary.notes.push(format!("the journal's analysis of {}@{} cannot be decoded", r.story, r.number)),
        }
    }
}

/// A journal entry waiting for its parent (see [`Candidates::deferred`]),
/// and the analysis `reanalyze` derived for it later, if any.
struct Deferred {
    ack: Acknowledged,
    analysis: Option<Analysis>,
}

impl Deferred {
    /// The revision as an export line, decoded against its parent's raw
    /// bytes and text.
    fn line(self, parent_raw: &[u8], parent_text: &str) -> Option<RevisionLine> {
        let dictionary = claimtrail_store::journal::dictionary(parent_raw, parent_text.as_bytes());
        let evidence = self.ack.evidence(Some(&dictionary))?;
        let mut line = line_of(&self.ack.story, self.ack.number, self.ack.id, evidence);
        if let Some(a) = self.analysis {
            apply(&mut line, a);
        }
        Some(line)
    }
}

/// What a re-derived analysis applies to.
enum Target<'a> {
    Line(&'a mut RevisionLine),
    Deferred(&'a mut Deferred),
}

/// A line with the analysis `reanalyze` derived for its revision.
fn apply(line: &mut RevisionLine, a: Analysis) {
    line.statements =
        a.statements.into_iter().map(|(occurrence, content)| StatementLine { occurrence, content }).collect();
    line.speakers = a.speakers;
    line.analysis = Some(a.analysis);
}

impl Candidates {
    /// Take a journal entry as this story's candidate for its revision: a
    /// later entry for a revision replaces an earlier one (the earlier was
    /// lost and recorded again). An entry compressed against a parent the
    /// journal cannot give waits for the database's. False if the entry
    /// cannot be decoded at all.
    fn take_from_journal(&mut self, ack: Acknowledged) -> bool {
        let n = ack.number;
        let parent = match ack.base {
            None => None,
            Some(base) => match n.checked_sub(1).and_then(|p| self.journal.get(&p)).filter(|l| l.id == base) {
                Some(line) => match line.raw_bytes() {
                    Ok(raw) => Some(claimtrail_store::journal::dictionary(&raw, line.text.as_bytes())),
                    Err(_) => return false,
                },
                None => {
                    self.journal.remove(&n);
                    self.deferred.insert(n, Deferred { ack, analysis: None });
                    return true;
                }
            },
        };
        match ack.evidence(parent.as_deref()) {
            Some(evidence) => {
                self.deferred.remove(&n);
                self.journal.insert(n, line_of(&ack.story, n, ack.id, evidence));
                true
            }
            None => false,
        }
    }

    /// The parent the journal names for revision `n`, decoded or not.
    fn parent_of(&self, n: u32) -> Option<Hash32> {
        match (self.journal.get(&n), self.deferred.get(&n)) {
            (Some(line), _) => line.parent,
            (None, Some(d)) => d.ack.base,
            (None, None) => None,
        }
    }
}

/// A journal entry as an export line, to be recorded like one.
fn line_of(story: &str, number: u32, id: Hash32, e: Evidence) -> RevisionLine {
    RevisionLine {
        story: story.to_string(),
        number,
        id,
        parent: e.parent,
        captured_at: e.captured_at,
        source: e.source,
        format: e.format,
        url: e.url,
        title: e.title,
        meta: e.meta,
        raw: STANDARD.encode(&e.raw),
        text: e.text,
        statements: e
            .statements
            .into_iter()
            .map(|(occurrence, content)| StatementLine { occurrence, content })
            .collect(),
        speakers: e.speakers,
        analysis: Some(e.analysis),
    }
}

/// What else the database holds, copied when it can be read.
struct Extras {
    aliases: BTreeMap<String, String>,
    /// Each watch with its checks, and the raw page each check kept.
    watches: Vec<(claimtrail_store::WatchRecord, Vec<CheckWithPage>)>,
}

/// A check and the raw page it kept, if any.
type CheckWithPage = (claimtrail_store::CheckRecord, Option<Vec<u8>>);

fn read_database(store: &Store, stories: &mut BTreeMap<String, Candidates>, summary: &mut Summary) -> Extras {
    // The revisions verify names are left to the journal.
    let damaged: BTreeSet<(String, u32)> = match store.verify(&|content| content_hash(content)) {
        Ok(report) => report.problems.iter().filter_map(|p| Some((p.story.clone()?, p.revision?))).collect(),
        Err(e) => {
            summary.notes.push(format!("verify could not finish ({e}): revisions are checked by their ids only"));
            BTreeSet::new()
        }
    };
    let records = match store.stories() {
        Ok(records) => records,
        Err(e) => {
            summary.notes.push(format!("the story list cannot be read ({e}): the journal's stories are tried"));
            Vec::new()
        }
    };
    let mut meta: BTreeMap<String, (Option<String>, Option<String>, u32)> =
        records.into_iter().map(|s| (s.id.clone(), (s.url, s.title, s.revisions))).collect();
    for id in stories.keys() {
        if !meta.contains_key(id)
            && let Ok(Some(s)) = store.story(id)
        {
            meta.insert(id.clone(), (s.url, s.title, s.revisions));
        }
    }
    for (id, (url, title, count)) in meta {
        let c = stories.entry(id.clone()).or_default();
        c.known.extend(1..=count);
        let last = c.known.last().copied().unwrap_or(0);
        for n in 1..=last {
            if damaged.contains(&(id.clone(), n)) {
                continue;
            }
            let Ok(Some(rev)) = store.revision(&id, n) else { continue };
            if let Ok(line) = RevisionLine::from_store(store, &rev, url.clone(), title.clone()) {
                c.database.insert(n, line);
            }
        }
    }
    let aliases = store.aliases().unwrap_or_else(|e| {
        summary.notes.push(format!("the aliases cannot be read ({e})"));
        BTreeMap::new()
    });
    let watches = match store.watches() {
        Ok(watches) => watches
            .into_iter()
            .map(|w| {
                let checks = store.checks(&w.story).unwrap_or_else(|e| {
                    summary.notes.push(format!("the checks of story {:?} cannot be read ({e})", w.story));
                    Vec::new()
                });
                let checks = checks.into_iter().map(|check| with_page(store, &w.story, check, summary)).collect();
                (w, checks)
            })
            .collect(),
        Err(e) => {
            summary.notes.push(format!("the watch list cannot be read ({e})"));
            Vec::new()
        }
    };
    Extras { aliases, watches }
}

/// A check and the raw page it kept. A page that cannot be read intact is
/// left behind, named, and the check copied without it (a check must not
/// name a page the new store lacks).
fn with_page(
    store: &Store,
    story: &str,
    mut check: claimtrail_store::CheckRecord,
    summary: &mut Summary,
) -> CheckWithPage {
    let Some(id) = check.raw else { return (check, None) };
    match store.blob(&id) {
        Ok(page) => (check, Some(page)),
        Err(e) => {
            summary.notes.push(format!("the raw page of story {story:?}'s check at {} is lost ({e})", check.at));
            check.raw = None;
            (check, None)
        }
    }
}

/// Record a story's revisions into the new store, in order, each from the
/// database if intact there, else from the journal, up to the first one
/// neither holds.
fn copy_story(target: &mut Store, id: &str, mut c: Candidates, summary: &mut Summary) -> Result<()> {
    let mut previous: Vec<crate::extract::Statement> = Vec::new();
    let mut parent: Option<Hash32> = None;
    let mut copied = 0u32;
    // The raw bytes and text of the revision copied last: what the
    // journal's next entry may be compressed against.
    let mut last: Option<(Vec<u8>, String)> = None;
    let mut batch = target.batch()?;
    for n in 1.. {
        let deferred = c.deferred.remove(&n).filter(|d| d.ack.base.is_some() && d.ack.base == parent);
        let from_journal = c.journal.remove(&n).or_else(|| {
            let (raw, text) = last.as_ref()?;
            deferred?.line(raw, text)
        });
        let picks = [(From::Database, c.database.remove(&n)), (From::Journal, from_journal)];
        let mut done = false;
        for (source, line) in picks {
            let Some(line) = line.filter(|l| l.parent == parent && l.number == n) else { continue };
            let Ok(raw) = line.raw_bytes() else { continue };
            let statements = line.statements();
            let lineage = crate::record::lineage(&previous, &statements);
            let new = line.to_new(&raw, lineage);
            // Damaged evidence does not give its id: try the other source.
            if new.id(n, parent) != line.id {
                continue;
            }
            match batch.record(new)? {
                Recorded::New { revision, .. } if revision.id == line.id => {}
                _ => {
                    return Err(CliError::new(format!("revision {n} of story {id:?} could not be recorded again"))
                        .with_hint("run `claimtrail verify` on the damaged store and report this"));
                }
            }
            match source {
                From::Database => summary.from_database += 1,
                From::Journal => summary.from_journal += 1,
            }
            previous = statements;
            parent = Some(line.id);
            last = Some((raw, line.text));
            copied = n;
            done = true;
            break;
        }
        if batch.len() >= 64 {
            batch.commit()?;
            batch = target.batch()?;
        }
        if !done {
            break;
        }
    }
    batch.commit()?;
    if copied > 0 {
        summary.stories += 1;
        summary.revisions += copied as usize;
    }
    let lost: Vec<u32> = c.known.into_iter().filter(|n| *n > copied).collect();
    if !lost.is_empty() {
        summary.lost.insert(id.to_string(), lost);
    }
    Ok(())
}

fn report(ctx: &mut Ctx, to: &Path, summary: &Summary) -> Result<u8> {
    let code = if summary.lost.is_empty() { exit::OK } else { exit::NEGATIVE };
    if ctx.out.json() {
        ctx.out.write_json(summary)?;
        return Ok(code);
    }
    let p = ctx.out.palette;
    for note in &summary.notes {
        ctx.out.line(&format!("note: {note}"))?;
    }
    ctx.out.line(&format!(
        "salvaged {} stories, {} revisions into {} ({} from the database, {} from the journal)",
        summary.stories,
        summary.revisions,
        to.display(),
        summary.from_database,
        summary.from_journal
    ))?;
    for (story, numbers) in &summary.lost {
        ctx.out.line(&format!("{} story {story:?} revisions {}", p.red("lost:"), ranges(numbers)))?;
    }
    Ok(code)
}

/// 1, 2, 3, 5 → "1-3, 5".
fn ranges(numbers: &[u32]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut i = 0;
    while i < numbers.len() {
        let start = numbers[i];
        while i + 1 < numbers.len() && numbers[i + 1] == numbers[i] + 1 {
            i += 1;
        }
        out.push(if numbers[i] == start { start.to_string() } else { format!("{start}-{}", numbers[i]) });
        i += 1;
    }
    out.join(", ")
}
