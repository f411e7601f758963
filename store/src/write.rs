//! Writing revisions: staged in memory, then applied as one atomic sled
//! batch and flushed.
//!
//! A [`WriteBatch`] reads through its own staged writes, so the second
//! revision of a story in one batch sees the first (its parent, its
//! statements, its speakers). Nothing reaches the database before
//! [`WriteBatch::commit`]; a batch dropped uncommitted, or a crash before
//! the flush, leaves the store as it was.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use crate::blobs::{self, Source};
use crate::error::Result;
use crate::hash::{self, Hash32, blob_id};
use crate::records::{AnalysisRecord, Occurrence, RevisionRecord, RunStamp, RunValue, StoryRecord};
use crate::{
    Counts, NewAnalysis, NewRevision, Recorded, SpeakerRecord, Store, decode, keys, seal_record, validate_story_id,
};
use crate::{codec, journal};

/// A run's statement index entry as a writer reads it back: first
/// revision, speaker, value, and the stamp after the value (encoded, as
/// it is carried over when the run closes; empty when the entry has none,
/// see [`RunStamp`]).
type StoredRun = (u32, Option<String>, RunValue, Vec<u8>);

/// Revisions staged for one atomic write.
#[derive(Debug)]
pub struct WriteBatch<'s> {
    store: &'s Store,
    staged: BTreeMap<Vec<u8>, Vec<u8>>,
    /// Keys to remove at commit (a re-derived analysis replaces runs);
    /// reads through the batch no longer see them.
    deleted: HashSet<Vec<u8>>,
    /// The counts when the batch started, and as it leaves them.
    before: Counts,
    counts: Counts,
    revisions: usize,
    /// New statements by search term, written as one posting list per
    /// term at commit.
    terms: HashMap<String, Vec<u8>>,
    /// Blobs written or decoded in this batch (bytes, chain depth): the
    /// bases of the next revisions' deltas.
    blobs: HashMap<Hash32, (Vec<u8>, u8)>,
    /// Each story's latest statement list seen in this batch.
    lists: HashMap<String, List>,
    /// The journal entries of the staged revisions (see [`crate::journal`]).
    journal: Vec<u8>,
    /// New statements' fingerprints for the variant index.
    near: crate::near::Staged,
    /// Speaker records read or written in this batch, by id (`None`: not
    /// in the store): a story names the same people in every revision.
    speakers: HashMap<String, Option<SpeakerRecord>>,
    /// The store has no revisions yet: this batch starts a complete
    /// furniture index.
    starts_furniture: bool,
    /// Each story's latest analysis chain staged in this batch (revision
    /// number, chain): the next revision's parent chain, without reading
    /// and decoding the record just sealed.
    chains: HashMap<String, (u32, Hash32)>,
    /// Name index keys this batch has written or found stored: a story
    /// names the same people in every revision.
    named: HashSet<Vec<u8>>,
    /// An analysis was re-derived in this batch: most of what it stages
    /// is what the store holds already.
    rederived: bool,
    /// The story whose stored runs this batch has all deleted while it
    /// stages the story's new analysis: its runs now are only what is
    /// staged, so reading them need not ask the database.
    cleared: Option<String>,
    /// Statements found stored (or staged) in this batch: a statement
    /// stays once stored, and a story repeats its statements in every
    /// revision.
    held: HashSet<Hash32>,
    /// The stories this batch holds the lock of (PostgreSQL), to take
    /// them in ascending order (see [`WriteBatch::lock_story`]).
    locked: BTreeSet<String>,
    /// The batch's transaction is still its own to end: false once it
    /// committed, so dropping it then ends nothing.
    open: bool,
}

/// A revision's analysis as the store holds it, read by
/// [`WriteBatch::stored_analyses`] for the caller to compare with one
/// derived again, and handed back to [`WriteBatch::replace_analysis`]
/// (which then reads none of it again).
#[derive(Debug)]
pub struct StoredAnalysis {
    pub revision: RevisionRecord,
    pub occurrences: Vec<Occurrence>,
    /// `None` in a store not yet upgraded.
    pub record: Option<AnalysisRecord>,
    /// The stored statement list's wire bytes and chain depth: kept as
    /// they are when the list is derived again unchanged.
    wire: Vec<u8>,
    depth: u8,
}

/// A decoded statement list: revision number, wire bytes, chain depth and
/// the occurrences.
#[derive(Debug)]
struct List {
    number: u32,
    wire: Vec<u8>,
    depth: u8,
    occurrences: Vec<Occurrence>,
}

impl Source for WriteBatch<'_> {
    fn fetch(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        self.get(key)
    }
}

/// What is known of a revision's statements when its runs are written:
/// the caller's claim diff, and which statements are new to the store.
struct Said<'a> {
    arrivals: &'a HashMap<Hash32, crate::Arrival>,
    fates: &'a HashMap<Hash32, crate::Fate>,
    fresh: &'a HashSet<Hash32>,
}

/// The (statement, speaker) pairs a revision opens and closes runs for
/// on its parent: what [`WriteBatch::record_runs`] writes and what it
/// reads first, worked out once for the read-ahead and the writing.
struct RunChanges<'a> {
    /// Pairs new in the revision, in its order, each with the statement
    /// whose runs in the story are read for it: what it replaces, or
    /// itself when it may be back after an earlier revision dropped it.
    opened: Vec<(&'a Occurrence, Option<Hash32>)>,
    /// Pairs the parent had and the revision has not, sorted.
    closed: Vec<(Hash32, Option<&'a str>)>,
}

impl<'a> RunChanges<'a> {
    /// `fresh`: the statements new to the store, when known (not yet
    /// while a revision's look-ups are read ahead: then its own runs are
    /// read too, and found empty).
    fn of(
        arrivals: &HashMap<Hash32, crate::Arrival>,
        fresh: Option<&HashSet<Hash32>>,
        parent: &'a [Occurrence],
        occurrences: impl Iterator<Item = &'a Occurrence>,
    ) -> RunChanges<'a> {
        let before: HashSet<(Hash32, Option<&str>)> =
            parent.iter().map(|o| (o.statement, o.speaker.as_deref())).collect();
        let mut now: HashSet<(Hash32, Option<&str>)> = HashSet::with_capacity(before.len());
        let mut opened = Vec::new();
        for o in occurrences {
            let pair = (o.statement, o.speaker.as_deref());
            if !now.insert(pair) || before.contains(&pair) {
                continue;
            }
            let arrival = arrivals.get(&o.statement);
            let read = match arrival.and_then(|a| a.from) {
                Some(from) => Some(from),
                None if arrival.is_none_or(|a| a.how == "added")
                    && !fresh.is_some_and(|f| f.contains(&o.statement)) =>
                {
                    Some(o.statement)
                }
                None => None,
            };
            opened.push((o, read));
        }
        let mut closed: Vec<(Hash32, Option<&str>)> = before.difference(&now).copied().collect();
        closed.sort();
        RunChanges { opened, closed }
    }
}

/// The stored analysis a re-derived one replaces, and whether the
/// revision's parent kept its stored statement list.
struct Replacing {
    occurrences: Vec<Occurrence>,
    record: Option<AnalysisRecord>,
    wire: Vec<u8>,
    depth: u8,
    parent_kept: bool,
}

/// What staging a revision's analysis did: its analysis chain, and
/// whether its statement list and analysis record are the stored ones
/// (nothing staged for them).
struct Staged {
    chain: Hash32,
    list_kept: bool,
    record_kept: bool,
    /// A re-derived analysis's statement contents, in order (empty for a
    /// new revision), and its speakers: with the list the batch now
    /// holds, what its journal entry keeps.
    contents: Vec<String>,
    speakers: Vec<SpeakerRecord>,
}

/// How many statements a batch remembers as stored before starting
/// afresh (a batch that writes nothing is never renewed).
const HELD_STATEMENTS: usize = 1 << 16;

/// How many decoded blobs a batch keeps for deltas before starting afresh.
const BLOB_CACHE: usize = 256;

impl<'s> WriteBatch<'s> {
    pub(crate) fn new(store: &'s Store) -> Result<WriteBatch<'s>> {
        store.begin_batch()?;
        let counts = store.counts()?;
        let near = crate::near::Staged::new(store, &counts)?;
        let starts_furniture = counts.revisions == 0 && !store.furniture_ready()?;
        Ok(WriteBatch {
            store,
            before: counts,
            staged: BTreeMap::new(),
            deleted: HashSet::new(),
            counts,
            revisions: 0,
            terms: HashMap::new(),
            blobs: HashMap::new(),
            lists: HashMap::new(),
            journal: Vec::new(),
            near,
            speakers: HashMap::new(),
            starts_furniture,
            chains: HashMap::new(),
            named: HashSet::new(),
            rederived: false,
            cleared: None,
            held: HashSet::new(),
            locked: BTreeSet::new(),
            open: true,
        })
    }

    /// Lock `story` for appending (PostgreSQL; sled's writer is alone).
    ///
    /// Every batch takes its stories' locks in ascending order, so two
    /// writers never wait on each other in a cycle: one holding story b
    /// and waiting for a while the other holds a and waits for b would
    /// wait for ever (the server would end one of them with a deadlock
    /// error after a second). A story that sorts before one the batch
    /// holds is taken after committing what the batch has staged, which
    /// ends its transaction and its locks: the batch goes on as a new one
    /// (a crash still loses at most the batch in flight, and never part
    /// of a revision).
    fn lock_story(&mut self, story: &str) -> Result<()> {
        if !self.store.is_postgres() || self.locked.contains(story) {
            return Ok(());
        }
        if self.locked.last().is_some_and(|last| story < last.as_str()) {
            self.restart()?;
        }
        self.store.lock_story(story)?;
        self.locked.insert(story.to_string());
        Ok(())
    }

    /// Commit what is staged and go on as a new batch.
    fn restart(&mut self) -> Result<()> {
        self.write_out()?;
        if self.open {
            // Nothing was staged: the transaction and its locks end here.
            self.store.abandon_batch();
        }
        let fresh = WriteBatch::new(self.store)?;
        let mut done = std::mem::replace(self, fresh);
        done.open = false;
        Ok(())
    }

    /// How many new revisions are staged.
    pub fn len(&self) -> usize {
        self.revisions
    }

    pub fn is_empty(&self) -> bool {
        self.revisions == 0
    }

    /// Read-only access to the store as committed (without what is staged).
    pub fn store(&self) -> &Store {
        self.store
    }

    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        if let Some(v) = self.staged.get(key) {
            return Ok(Some(v.clone()));
        }
        if self.deleted.contains(key) {
            return Ok(None);
        }
        Ok(self.store.get(key)?.map(|v| v.to_vec()))
    }

    fn exists(&self, key: &[u8]) -> Result<bool> {
        if self.staged.contains_key(key) {
            return Ok(true);
        }
        if self.deleted.contains(key) {
            return Ok(false);
        }
        // A statement a bulk load logged is stored as far as writing goes
        // (see `defer`); the other deferred kinds are not asked for.
        if key.first() == Some(&keys::STATEMENT)
            && Hash32::from_slice(&key[1..]).is_some_and(|h| self.store.deferred_statement(&h))
        {
            return Ok(true);
        }
        Ok(self.store.get(key)?.is_some())
    }

    fn get_sealed<T: serde::de::DeserializeOwned>(&self, kind: u8, key: &[u8], what: &str) -> Result<Option<T>> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => {
                decode(kind, &v).map(Some).ok_or_else(|| self.store.corrupt(format!("{what} fails its checksum")))
            }
        }
    }

    fn put(&mut self, key: Vec<u8>, value: Vec<u8>) {
        self.deleted.remove(&key);
        self.staged.insert(key, value);
    }

    fn delete(&mut self, key: Vec<u8>) {
        self.staged.remove(&key);
        self.named.remove(&key);
        self.deleted.insert(key);
    }

    /// Whether the store holds statement `hash`, stored or staged.
    pub fn has_statement(&mut self, hash: &Hash32) -> Result<bool> {
        if self.held.contains(hash) {
            return Ok(true);
        }
        let found = self.exists(&keys::statement(hash))?;
        if found {
            self.hold(*hash);
        }
        Ok(found)
    }

    /// Remember that the store holds statement `hash`.
    fn hold(&mut self, hash: Hash32) {
        if self.held.len() >= HELD_STATEMENTS {
            self.held.clear();
        }
        self.held.insert(hash);
    }

    /// Whether any key with `prefix` is stored or staged, and not deleted:
    /// stops at the first one, where [`WriteBatch::scan`] reads them all.
    fn has_prefix(&self, prefix: &[u8]) -> Result<bool> {
        if self.staged.range(prefix.to_vec()..).next().is_some_and(|(k, _)| k.starts_with(prefix)) {
            return Ok(true);
        }
        for kv in self.store.scan(prefix) {
            let (k, _) = kv?;
            if !self.deleted.contains(&k[..]) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Every key with `prefix`, committed or staged (staged values win).
    fn scan(&self, prefix: &[u8]) -> Result<BTreeMap<Vec<u8>, Vec<u8>>> {
        self.scan_staged(prefix, false)
    }

    /// [`WriteBatch::scan`], or only what is staged when `only_staged`.
    fn scan_staged(&self, prefix: &[u8], only_staged: bool) -> Result<BTreeMap<Vec<u8>, Vec<u8>>> {
        let mut out = BTreeMap::new();
        if !only_staged {
            for kv in self.store.scan(prefix) {
                let (k, v) = kv?;
                if !self.deleted.contains(&k[..]) {
                    out.insert(k.to_vec(), v.to_vec());
                }
            }
            // The runs a bulk load logged for the story being loaded (the
            // only story whose runs a writer reads; see `defer`).
            if prefix.first() == Some(&keys::BY_STATEMENT) {
                for (k, v) in self.store.deferred_runs(prefix) {
                    match v {
                        Some(v) if !self.deleted.contains(&k) => {
                            out.insert(k, v);
                        }
                        _ => {
                            out.remove(&k);
                        }
                    }
                }
            }
        }
        for (k, v) in self.staged.range(prefix.to_vec()..).take_while(|(k, _)| k.starts_with(prefix)) {
            out.insert(k.clone(), v.clone());
        }
        Ok(out)
    }

    /// How many revisions a story has, counting staged ones.
    pub fn story_revisions(&self, story: &str) -> Result<u32> {
        let rec: Option<StoryRecord> =
            self.get_sealed(keys::STORY, &keys::story(story), &format!("the record of story {story:?}"))?;
        Ok(rec.map_or(0, |s| s.revisions))
    }

    /// The id of a story's revision, staged or stored.
    pub fn revision_id(&self, story: &str, number: u32) -> Result<Option<Hash32>> {
        let rec: Option<RevisionRecord> = self.get_sealed(
            keys::REVISION,
            &keys::revision(story, number),
            &format!("revision {number} of story {story:?}"),
        )?;
        Ok(rec.map(|r| r.id))
    }

    /// A blob as the base of a delta: its bytes and chain depth, if it can
    /// be read (a damaged base is not used; the new blob is stored whole).
    fn base_blob(&mut self, id: &Hash32) -> Result<Option<(Vec<u8>, u8)>> {
        if let Some((bytes, depth)) = self.blobs.get(id) {
            return Ok(Some((bytes.clone(), *depth)));
        }
        let Some(depth) = self.get(&keys::blob(id))?.and_then(|v| blobs::blob_depth(&v)) else {
            return Ok(None);
        };
        Ok(match blobs::load_blob(self, id)? {
            Ok(bytes) => {
                self.remember_blob(*id, bytes.clone(), depth);
                Some((bytes, depth))
            }
            _ => None,
        })
    }

    fn remember_blob(&mut self, id: Hash32, bytes: Vec<u8>, depth: u8) {
        if self.blobs.len() >= BLOB_CACHE {
            self.blobs.clear();
        }
        self.blobs.insert(id, (bytes, depth));
    }

    /// What the journal entry of `parent`'s child is compressed against
    /// (see [`journal::dictionary`]), if its blobs can be read (the batch
    /// has them at hand: they were the bases of the child's).
    fn journal_dictionary(&mut self, parent: &RevisionRecord) -> Result<Option<Vec<u8>>> {
        let Some((text, _)) = self.base_blob(&parent.text)? else { return Ok(None) };
        if parent.raw == parent.text {
            return Ok(Some(journal::dictionary(&text, &text)));
        }
        Ok(self.base_blob(&parent.raw)?.map(|(raw, _)| journal::dictionary(&raw, &text)))
    }

    /// Stage a blob unless it is stored already, as a delta against `base`.
    fn put_blob(&mut self, id: Hash32, bytes: &[u8], base: Option<Hash32>) -> Result<()> {
        if self.exists(&keys::blob(&id))? {
            return Ok(());
        }
        let base = match base.filter(|b| *b != id) {
            Some(b) => self.base_blob(&b)?.map(|found| (b, found)),
            None => None,
        };
        let value = blobs::encode_blob(bytes, base.as_ref().map(|(b, (data, depth))| (b, &data[..], *depth)));
        let depth = blobs::blob_depth(&value).unwrap_or(0);
        self.put(keys::blob(&id), value);
        self.counts.blobs += 1;
        self.remember_blob(id, bytes.to_vec(), depth);
        Ok(())
    }

    /// A story's statement list of revision `number`, from this batch or
    /// the store.
    fn list(&mut self, story: &str, number: u32) -> Result<&List> {
        if self.lists.get(story).is_none_or(|l| l.number != number) {
            // The list held is the base of the next one's delta: reading
            // a story's lists in order decodes one frame each, not the
            // chain back to a whole list.
            let known = self.lists.get(story).map(|l| (l.number, &l.wire[..]));
            let list = self.store.read_list(self, story, number, known)?;
            self.lists.insert(story.to_string(), list);
        }
        Ok(&self.lists[story])
    }

    /// A story's runs of one statement, committed or staged.
    fn runs(&self, hash: &Hash32, story: &str) -> Result<Vec<StoredRun>> {
        let prefix = keys::by_statement_in(hash, story);
        let mut out = Vec::new();
        for (k, v) in self.scan_staged(&prefix, self.cleared.as_deref() == Some(story))? {
            let parsed = keys::split_statement_tail(&k[33..]);
            let value: Option<(RunValue, &[u8])> = codec::take_from_bytes(&v);
            match (parsed, value) {
                (Some((_, first, speaker)), Some((value, stamp))) => out.push((first, speaker, value, stamp.to_vec())),
                _ => return Err(self.store.corrupt(format!("a run index entry of story {story:?} is unreadable"))),
            }
        }
        Ok(out)
    }

    /// Write a run's index entries: by speaker its value, by statement its
    /// value and `stamp` (see [`RunStamp`]; only the queries that read runs
    /// by statement order them by time, so the speaker index does without).
    fn put_run(
        &mut self,
        story: &str,
        hash: &Hash32,
        first: u32,
        speaker: Option<&str>,
        value: &RunValue,
        stamp: &[u8],
    ) {
        let mut bytes = codec::to_bytes(value);
        if let Some(sp) = speaker {
            self.put(keys::by_speaker(sp, story, hash, first), bytes.clone());
        }
        bytes.extend_from_slice(stamp);
        self.put(keys::by_statement(hash, story, first, speaker), bytes);
    }

    /// Stage one revision. See [`Store::record_revision`].
    pub fn record(&mut self, new: NewRevision<'_>) -> Result<Recorded> {
        validate_story_id(new.story)?;
        self.lock_story(new.story)?;
        // A bulk load keeps the story's logged runs at hand (see `defer`).
        self.store.defer_touch(new.story)?;
        // What recording looks up, fetched together (one round trip on
        // PostgreSQL; nothing on sled).
        let text_id = blob_id(new.text.as_bytes());
        let raw_id = blob_id(new.raw);
        let mut ahead = vec![keys::story(new.story), keys::by_text(new.story, &text_id), keys::blob(&text_id)];
        ahead.push(keys::blob(&raw_id));
        ahead.extend(new.statements.iter().map(|s| keys::statement(&s.occurrence.statement)));
        ahead.extend(new.speakers.iter().map(|s| keys::speaker(&s.id)));
        // A story's second and later revisions in a batch: the parent's
        // list is the batch's, so the runs staging will read are known
        // now and come in the same round trip (those of statements new to
        // the store too: not known yet, and found empty).
        let runs = match self.lists.get(new.story) {
            Some(list) if self.store.is_postgres() && self.staged.contains_key(&keys::story(new.story)) => {
                let occurrences = new.statements.iter().map(|s| &s.occurrence);
                let changes = RunChanges::of(&new.arrivals, None, &list.occurrences, occurrences);
                self.runs_to_read(new.story, &changes)
            }
            _ => Vec::new(),
        };
        self.store.prefetch(ahead, runs)?;
        let existing: Option<StoryRecord> =
            self.get_sealed(keys::STORY, &keys::story(new.story), &format!("the record of story {:?}", new.story))?;
        let previous: Option<RevisionRecord> = match &existing {
            Some(s) if s.revisions > 0 => {
                let key = keys::revision(new.story, s.revisions);
                let what = format!("revision {} of story {:?}", s.revisions, new.story);
                Some(
                    self.get_sealed(keys::REVISION, &key, &what)?
                        .ok_or_else(|| self.store.corrupt(format!("{what} is missing")))?,
                )
            }
            _ => None,
        };
        // Unchanged: the same text under the same headline. A page's
        // headline is metadata (an HTML reader's title, not a paragraph),
        // and a rewritten one is an edit readers see first.
        let same_text = previous.as_ref().is_some_and(|p| p.text == text_id);
        if let Some(prev) =
            previous.as_ref().filter(|p| same_text && p.meta.get(crate::TITLE) == new.meta.get(crate::TITLE))
        {
            return Ok(Recorded::Unchanged { latest: prev.clone() });
        }
        // A new headline over the same text is no revert to the revision
        // before.
        let revert_of = match same_text {
            true => None,
            false => self
                .get(&keys::by_text(new.story, &text_id))?
                .and_then(|v| <[u8; 4]>::try_from(&v[..]).ok())
                .map(u32::from_be_bytes),
        };

        let number = previous.as_ref().map_or(1, |p| p.number + 1);
        let parent = previous.as_ref().map(|p| p.id);
        let captured_at = new.captured_at;
        let id = new.id(number, parent);
        let revision = RevisionRecord {
            story: new.story.to_string(),
            number,
            id,
            parent,
            captured_at,
            source: new.source.to_string(),
            format: new.format.to_string(),
            raw: raw_id,
            raw_len: new.raw.len() as u64,
            text: text_id,
            text_len: new.text.len() as u64,
            revert_of,
            meta: new.meta,
        };
        // What the journal keeps of this revision, taken before the
        // statements are moved into the store's records.
        let evidence = journal::EvidenceRef {
            parent,
            captured_at,
            source: new.source,
            format: new.format,
            url: new.url,
            title: new.title,
            meta: &revision.meta,
            raw: new.raw,
            text: new.text,
            statements: journal::StatementsRef(&new.statements),
            speakers: &new.speakers,
            analysis: new.analysis,
        };
        let new_story = existing.is_none();
        let mut story = existing.unwrap_or_else(|| StoryRecord {
            id: new.story.to_string(),
            url: None,
            title: None,
            revisions: 0,
            head: None,
            last_captured_at: None,
        });
        story.revisions = number;
        story.head = Some(id);
        story.last_captured_at = Some(story.last_captured_at.map_or(captured_at, |t| t.max(captured_at)));
        if let Some(url) = new.url {
            story.url = Some(url.to_string());
        }
        if let Some(title) = new.title {
            story.title = Some(title.to_string());
        }

        self.counts.revisions += 1;
        self.counts.stories += u64::from(new_story);
        // Texts delta against the parent's; raw bytes against the parent's
        // raw bytes (HTML pages share their templates), or this text.
        self.put_blob(text_id, new.text.as_bytes(), previous.as_ref().map(|p| p.text))?;
        if raw_id != text_id {
            self.put_blob(raw_id, new.raw, Some(previous.as_ref().map_or(text_id, |p| p.raw)))?;
        }
        // PostgreSQL keeps its own log and has no journal (see `commit`):
        // encoding the entry there would be thrown away (zstd and postcard
        // of the whole evidence: 7% of an import's client CPU, perf).
        if !self.store.is_postgres() {
            let dictionary = match &previous {
                Some(p) => self.journal_dictionary(p)?.map(|d| (p.id, d)),
                None => None,
            };
            let parent = dictionary.as_ref().map(|(id, d)| (*id, &d[..]));
            self.journal.extend_from_slice(&journal::entry(new.story, number, id, &evidence, parent));
        }

        let parent_chain = match &previous {
            Some(p) => Some(self.analysis_chain_of(new.story, p.number)?),
            None => None,
        };
        let analysis = NewAnalysis {
            statements: new.statements,
            speakers: new.speakers,
            arrivals: new.arrivals,
            fates: new.fates,
            journal: None,
        };
        let parent = previous.as_ref().map(|p| p.number);
        self.stage_analysis(&revision, parent, parent_chain, analysis, new.analysis, None)?;
        self.put(keys::revision(new.story, number), seal_record(keys::REVISION, &revision));
        self.put(keys::by_text(new.story, &text_id), number.to_be_bytes().to_vec());
        self.put(keys::story(new.story), seal_record(keys::STORY, &story));
        // The page's lines for the furniture index (derived: nothing above
        // depends on them).
        if let Some(page) = &new.page {
            for k in crate::furniture::page_keys(new.story, page) {
                self.put(k, Vec::new());
            }
        }
        if self.starts_furniture {
            self.put(keys::FURNITURE_MARK.to_vec(), Vec::new());
        }
        self.revisions += 1;
        Ok(Recorded::New { revision, new_story })
    }

    /// The analysis chain of a stored or staged revision.
    fn analysis_chain_of(&self, story: &str, number: u32) -> Result<Hash32> {
        if let Some(&(staged, chain)) = self.chains.get(story)
            && staged == number
        {
            return Ok(chain);
        }
        let what = format!("the analysis record of revision {number} of story {story:?}");
        let rec: Option<AnalysisRecord> = self.get_sealed(keys::ANALYSIS, &keys::analysis(story, number), &what)?;
        rec.map(|r| r.chain)
            .ok_or_else(|| self.store.corrupt(format!("{what} is missing: run `claimtrail reanalyze {story}`")))
    }

    /// Stage what was derived from revision `rev` (its statements and
    /// list, runs, speakers and analysis record) on top of its parent's
    /// (`parent`, whose list this batch reads or has staged, and whose
    /// analysis chain is `parent_chain`), in place of the stored analysis
    /// `replacing` if it is derived again.
    fn stage_analysis(
        &mut self,
        rev: &RevisionRecord,
        parent: Option<u32>,
        parent_chain: Option<Hash32>,
        new: NewAnalysis,
        version: &str,
        replacing: Option<Replacing>,
    ) -> Result<Staged> {
        let rekey = replacing.is_some();
        let story = rev.story.as_str();
        let number = rev.number;
        // The parent's list, out of the batch's hands while this revision
        // is staged on it: this revision's list takes its place.
        let parent_list: Option<List> = match parent {
            Some(p) => {
                self.list(story, p)?;
                self.lists.remove(story)
            }
            None => None,
        };
        let parent_occurrences = parent_list.as_ref().map_or(&[][..], |l| &l.occurrences[..]);
        let mut occurrences = Vec::with_capacity(new.statements.len());
        // The parent's statements are stored: only the others may be new.
        let mut seen: HashSet<Hash32> = parent_occurrences.iter().map(|o| o.statement).collect();
        // Statements new to the store (so with no earlier run anywhere).
        let mut fresh: HashSet<Hash32> = HashSet::new();
        // A re-derived analysis keeps the contents for its journal entry,
        // which only a changed analysis needs.
        let mut contents = Vec::with_capacity(if rekey { new.statements.len() } else { 0 });
        for st in new.statements {
            let h = st.occurrence.statement;
            let mut content = Some(st.content);
            if seen.insert(h) && !self.has_statement(&h)? {
                fresh.insert(h);
                let bytes = match rekey {
                    true => content.as_ref().map(|c| c.as_bytes().to_vec()),
                    false => content.take().map(String::into_bytes),
                };
                self.put(keys::statement(&h), bytes.unwrap_or_default());
                self.counts.statements += 1;
                self.near.add(&h, &st.prints);
                for term in st.terms {
                    self.terms.entry(term).or_default().extend_from_slice(&h.0[..8]);
                }
            }
            if rekey {
                contents.extend(content);
            }
            occurrences.push(st.occurrence);
        }
        self.counts.occurrences += occurrences.len() as u64;

        // The statement list, as a delta against the parent's. A list
        // derived again as it is stored, on a parent list kept as stored,
        // is kept: encoding it again would give the bytes this codec wrote
        // (same list, same base, same depth), so only its wire bytes and
        // depth are needed, as the next list's base.
        let (kept, stored_record) = match replacing {
            Some(was) => {
                let kept = (was.parent_kept && was.record.is_some() && was.occurrences == occurrences)
                    .then_some((was.wire, was.depth));
                (kept, was.record)
            }
            None => (None, None),
        };
        let list_kept = kept.is_some();
        let (wire, depth) = match kept {
            Some(stored) => stored,
            None => {
                let wire = codec::occurrences_to_wire(&occurrences);
                let value = blobs::encode_list(&wire, parent_list.as_ref().map(|p| (&p.wire[..], p.depth)));
                let depth = blobs::list_depth(&value).unwrap_or(0);
                self.put(keys::occurrences(story, number), value);
                (wire, depth)
            }
        };
        let said = Said { arrivals: &new.arrivals, fates: &new.fates, fresh: &fresh };
        self.record_runs(&said, rev, parent_occurrences, &occurrences)?;
        // The speakers as this revision names them: its own record, which
        // nothing recorded later changes.
        let mut snapshot: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
        for sp in &new.speakers {
            match snapshot.get_mut(&sp.id) {
                Some(known) => {
                    known.merge(sp);
                }
                None => {
                    snapshot.insert(sp.id.clone(), SpeakerRecord { lookup: Vec::new(), ..sp.clone() });
                }
            }
        }
        let speakers: Vec<SpeakerRecord> = snapshot.into_values().collect();
        let digest = hash::analysis_digest(&rev.id, version, &rev.meta, &occurrences, &speakers);
        let chain = hash::analysis_chain(parent_chain.as_ref(), &rev.id, &digest);
        let record = AnalysisRecord { version: version.to_string(), speakers, digest, chain };
        // A record equal to the stored one is the stored one: sealing is
        // a function of the record.
        let record_kept = stored_record.is_some_and(|r| r == record);
        if !record_kept {
            self.put(keys::analysis(story, number), seal_record(keys::ANALYSIS, &record));
        }
        self.lists.insert(story.to_string(), List { number, wire, depth, occurrences });
        self.chains.insert(story.to_string(), (number, chain));

        for sp in &new.speakers {
            // Merged in place into the batch's copy of the record (most
            // revisions change none of their speakers: nothing is copied).
            let known = self.speaker_record(&sp.id)?;
            let merged = match known {
                Some(old) => old.merge(sp),
                None => {
                    *known = Some(sp.clone());
                    true
                }
            };
            let sealed = match (merged, &*known) {
                (true, Some(rec)) => Some(seal_record(keys::SPEAKER, rec)),
                _ => None,
            };
            // Names only change with the record: an unchanged speaker
            // writes nothing, unless the analysis is re-derived (its
            // lookup keys may be new).
            if merged || rekey {
                for key in &sp.lookup {
                    let k = keys::by_name(key, &sp.id);
                    if self.named.contains(&k) {
                        continue;
                    }
                    if merged || !self.exists(&k)? {
                        self.put(k.clone(), Vec::new());
                    }
                    self.named.insert(k);
                }
            }
            if let Some(sealed) = sealed {
                self.put(keys::speaker(&sp.id), sealed);
            }
        }
        Ok(Staged { chain, list_kept, record_kept, contents, speakers: new.speakers })
    }

    /// The stored record of speaker `id`, as this batch leaves it: the
    /// batch's own copy, which a change to the record must update.
    fn speaker_record(&mut self, id: &str) -> Result<&mut Option<SpeakerRecord>> {
        if !self.speakers.contains_key(id) {
            let rec: Option<SpeakerRecord> =
                self.get_sealed(keys::SPEAKER, &keys::speaker(id), &format!("the record of speaker {id:?}"))?;
            self.speakers.insert(id.to_string(), rec);
        }
        Ok(self.speakers.get_mut(id).expect("cached above"))
    }

    /// The run index prefixes [`WriteBatch::record_runs`] will scan for
    /// `changes`, to fetch together: PostgreSQL answers them in one round
    /// trip, not one per statement (2.8 per revision on the bench corpus).
    /// A few more than are read do no harm, and one missed is read when
    /// scanned. Nothing on sled.
    fn runs_to_read(&self, story: &str, changes: &RunChanges<'_>) -> Vec<Vec<u8>> {
        if !self.store.is_postgres() || self.cleared.as_deref() == Some(story) {
            return Vec::new();
        }
        let opened = changes.opened.iter().filter_map(|(_, read)| *read);
        let closed = changes.closed.iter().map(|(hash, _)| *hash);
        opened.chain(closed).map(|hash| keys::by_statement_in(&hash, story)).collect()
    }

    /// Open a run for each (statement, speaker) new in revision `number`
    /// and close each one its parent had and it has not.
    fn record_runs(
        &mut self,
        said: &Said<'_>,
        rev: &RevisionRecord,
        parent: &[Occurrence],
        occurrences: &[Occurrence],
    ) -> Result<()> {
        let (story, number) = (rev.story.as_str(), rev.number);
        // Every run this revision opens starts in it: one stamp for all.
        let stamp = codec::to_bytes(&RunStamp::of(rev));
        let changes = RunChanges::of(said.arrivals, Some(said.fresh), parent, occurrences.iter());
        self.store.prefetch(Vec::new(), self.runs_to_read(story, &changes))?;
        for (o, read) in changes.opened {
            let arrival = said.arrivals.get(&o.statement);
            let mut how = arrival.map_or_else(|| "added".to_string(), |a| a.how.clone());
            // A replacement keeps the claim's first revision (blame): the
            // run of what it replaces, held by the parent revision.
            let mut introduced = number;
            if let Some(from) = arrival.and_then(|a| a.from) {
                let held = self.runs(&from, story)?.into_iter().find(|(first, _, v, _)| {
                    *first < number && v.last.is_none_or(|l| l + 1 == number) && v.introduced < number
                });
                if let Some((_, _, v, _)) = held {
                    introduced = v.introduced;
                }
            } else if read.is_some() {
                // Back after an earlier revision dropped it: restored, and
                // still the claim it was.
                let earlier = self
                    .runs(&o.statement, story)?
                    .into_iter()
                    .filter(|(_, sp, v, _)| {
                        sp.as_deref() == o.speaker.as_deref() && v.last.is_some_and(|l| l + 1 < number)
                    })
                    .max_by_key(|(first, ..)| *first);
                if let Some((_, _, v, _)) = earlier {
                    introduced = v.introduced;
                    how = "restored".to_string();
                }
            }
            let value = RunValue {
                last: None,
                attribution: o.attribution.clone(),
                mention: o.mention.clone(),
                introduced,
                how,
                fate: None,
            };
            self.put_run(story, &o.statement, number, o.speaker.as_deref(), &value, &stamp);
        }
        for (hash, speaker) in changes.closed {
            let open =
                self.runs(&hash, story)?.into_iter().find(|(_, sp, v, _)| sp.as_deref() == speaker && v.last.is_none());
            // Closing keeps the stamp the run was opened with; a run opened
            // without one (by an older claimtrail) stays without, and its
            // readers read the revision record as before.
            let Some((first, _, mut value, stamp)) = open else {
                return Err(self.store.corrupt(format!(
                    "story {story:?}: statement {} of revision {} has no open run in the index",
                    hash.short(),
                    number - 1
                )));
            };
            value.last = Some(number - 1);
            value.fate = said.fates.get(&hash).cloned();
            self.put_run(story, &hash, first, speaker, &value, &stamp);
        }
        Ok(())
    }

    /// Replace the analysis of every revision of `story` (`stored`, as
    /// [`Store::stored_analyses`] read it) with one re-derived by
    /// `version` (oldest first, one [`NewAnalysis`] each): statement
    /// lists, runs, speakers and analysis records. Revision records, ids,
    /// texts and raw bytes are not touched. Staged like a revision, so
    /// the story has either its old analysis or its new one after a crash.
    pub fn replace_analysis(
        &mut self,
        story: &str,
        stored: Vec<StoredAnalysis>,
        analyses: Vec<NewAnalysis>,
        version: &str,
    ) -> Result<()> {
        // Replacing reads runs by speaker and the name index, which a bulk
        // load defers: they are written into sled first.
        if self.store.deferring() {
            self.store.finish_index()?;
        }
        self.lock_story(story)?;
        // `stored` was read before the story was locked: on PostgreSQL,
        // another writer may have added a revision since.
        let revisions = self.story_revisions(story)? as usize;
        if revisions != stored.len() || revisions != analyses.len() {
            return Err(self.store.corrupt(format!(
                "story {story:?} has {revisions} revisions but {} analyses were given",
                analyses.len()
            )));
        }
        // The runs and speakers of the old analysis.
        let mut hashes: HashSet<Hash32> = HashSet::new();
        let mut old_speakers: BTreeSet<String> = BTreeSet::new();
        let mut old_occurrences = 0u64;
        for was in &stored {
            old_occurrences += was.occurrences.len() as u64;
            for o in &was.occurrences {
                hashes.insert(o.statement);
                if let Some(sp) = &o.speaker {
                    old_speakers.insert(sp.clone());
                }
            }
        }
        let mut hashes: Vec<Hash32> = hashes.into_iter().collect();
        hashes.sort();
        // A statement of a stored list is a stored statement (statements
        // are never deleted): staging the new analysis need not look its
        // own old statements up.
        for h in &hashes {
            self.hold(*h);
        }
        // Stored runs by statement, with their values: most come out again
        // as they are.
        let mut was_runs: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for h in hashes {
            let prefix = keys::by_statement_in(&h, story);
            for (k, v) in self.scan(&prefix)? {
                if let Some((_, first, Some(sp))) = k.get(33..).and_then(keys::split_statement_tail) {
                    self.delete(keys::by_speaker(&sp, story, &h, first));
                }
                if !self.staged.contains_key(&k) {
                    was_runs.push((k.clone(), v));
                }
                self.delete(k);
            }
        }
        // Every run the story had is of a statement of its stored lists,
        // and is deleted now: the runs staged below are all the story has,
        // and looking one up needs no scan of the database.
        self.cleared = Some(story.to_string());
        self.counts.occurrences = self.counts.occurrences.saturating_sub(old_occurrences);
        self.lists.remove(story);
        let mut chain = None;
        let mut parent = None;
        let mut parent_kept = true;
        for (was, mut analysis) in stored.into_iter().zip(analyses) {
            let StoredAnalysis { revision: rev, occurrences, record, wire, depth } = was;
            let replacing = Replacing { occurrences, record, wire, depth, parent_kept };
            let ahead = analysis.journal.take();
            let staged = self.stage_analysis(&rev, parent, chain, analysis, version, Some(replacing))?;
            chain = Some(staged.chain);
            parent = Some(rev.number);
            parent_kept = staged.list_kept;
            // The journal keeps the new analysis, so a story rebuilt from
            // it is the story as it reads now. An analysis record as stored
            // (same version, speakers, digest of the statements, and
            // chain) is an analysis the journal holds already: the entry
            // that made it rebuilds the same story. (PostgreSQL keeps no
            // journal.)
            if !staged.record_kept && !self.store.is_postgres() {
                let journaled = journal::AnalysisRef {
                    statements: journal::PairsRef(&self.lists[story].occurrences, &staged.contents),
                    speakers: &staged.speakers,
                    analysis: version,
                };
                let encode = || journal::reanalysis_entry(story, rev.number, rev.id, &journaled);
                match ahead {
                    Some(entry) => {
                        let entry = entry.into_bytes();
                        debug_assert!(entry == encode(), "an entry worked out ahead differs");
                        self.journal.extend_from_slice(&entry);
                    }
                    None => self.journal.extend_from_slice(&encode()),
                }
            }
        }
        // A run staged as it is stored is left as it is (neither removed
        // nor written again); the database now holds the rest of what the
        // story's runs are.
        self.cleared = None;
        for (k, v) in was_runs {
            if self.staged.get(&k).is_some_and(|new| *new == v) {
                self.staged.remove(&k);
            }
        }
        // A speaker no run names any more is no longer one of the store's,
        // and the name index no longer leads to it.
        let mut gone: HashSet<Vec<u8>> = HashSet::new();
        for id in old_speakers {
            if !self.has_prefix(&keys::by_speaker_prefix(&id))? {
                self.delete(keys::speaker(&id));
                self.speakers.insert(id.clone(), None);
                gone.insert(id.into_bytes());
            }
        }
        if !gone.is_empty() {
            for k in self.scan(&[keys::BY_NAME])?.into_keys() {
                let id = k.iter().rposition(|&b| b == 0).map(|n| &k[n + 1..]);
                if id.is_some_and(|id| gone.contains(id)) {
                    self.delete(k);
                }
            }
        }
        self.revisions += revisions;
        self.rederived = true;
        Ok(())
    }

    /// Write everything staged in one atomic batch and flush it to disk.
    pub fn commit(mut self) -> Result<()> {
        self.write_out()
    }

    /// [`WriteBatch::commit`], leaving the emptied batch to drop or renew.
    fn write_out(&mut self) -> Result<()> {
        let staged = std::mem::take(&mut self.staged);
        let deleted = std::mem::take(&mut self.deleted);
        if staged.is_empty() && deleted.is_empty() {
            return Ok(());
        }
        let mut batch = crate::kv::Batch::default();
        for k in deleted {
            batch.remove(k);
        }
        // A re-derived analysis mostly comes out as it is stored: on sled a
        // value equal to the stored one is not written again (a point read
        // costs far less than sled logging, rewriting and flushing the
        // page), which leaves the database exactly as writing it would.
        // On PostgreSQL each read would be a round trip: everything goes.
        let elide = self.rederived && !self.store.is_postgres();
        for (k, v) in staged {
            if elide && self.store.get(&k)?.is_some_and(|old| old == v[..]) {
                continue;
            }
            batch.insert_owned(k, v);
        }
        let terms = std::mem::take(&mut self.terms);
        let near = std::mem::take(&mut self.near);
        near.mark(&mut batch);
        // Postings are keyed by the batch's number, which the store hands
        // out when it applies the batch (see [`Store::apply`]).
        let numbered =
            (!terms.is_empty() || !near.is_empty()).then_some(move |number: u64, batch: &mut crate::kv::Batch| {
                for (term, hashes) in &terms {
                    batch.insert(keys::by_term(term, number), hashes);
                }
                near.write(batch, number);
            });
        let journal = std::mem::take(&mut self.journal);
        let store = self.store;
        // sled: the journal first, then the batch, then the commit mark: a
        // crash at any point leaves no acknowledged revision unjournaled
        // (see [`crate::journal`]). Success is reported only after the
        // mark. PostgreSQL keeps its own log; there is no journal.
        let start = match journal.is_empty() || store.is_postgres() {
            true => None,
            false => Some(store.append_journal(&journal)?),
        };
        // Ended whether it commits or not (`apply` rolls back a failure).
        self.open = false;
        store.apply(
            batch,
            &self.before,
            self.counts,
            numbered.as_ref().map(|f| f as &dyn Fn(u64, &mut crate::kv::Batch)),
        )?;
        if let Some(start) = start {
            store.append_journal(&journal::commit_mark(start))?;
        }
        Ok(())
    }
}

impl Drop for WriteBatch<'_> {
    /// A batch dropped uncommitted writes nothing (on PostgreSQL, its
    /// transaction and the story locks it holds end here).
    fn drop(&mut self) {
        if self.open {
            self.store.abandon_batch();
        }
    }
}

impl Store {
    /// The statement list of revision `number` of `story`, read from `src`
    /// (the store, or a batch through its staged writes), decoded against
    /// `known`, a list of the story already read (see [`blobs::load_list`]).
    fn read_list(&self, src: &dyn Source, story: &str, number: u32, known: Option<(u32, &[u8])>) -> Result<List> {
        let what = format!("the statement list of revision {number} of story {story:?}");
        let wire = blobs::load_list(src, story, number, known)?
            .map_err(|detail| self.corrupt(format!("story {story:?}: {detail}")))?;
        let depth = src
            .fetch(&keys::occurrences(story, number))?
            .and_then(|v| blobs::list_depth(&v))
            .ok_or_else(|| self.corrupt(format!("{what} fails its checksum")))?;
        let occurrences =
            codec::occurrences_from_wire(&wire).ok_or_else(|| self.corrupt(format!("{what} cannot be decoded")))?;
        Ok(List { number, wire, depth, occurrences })
    }

    /// The analysis of every revision of `story` as the store holds it
    /// (committed), oldest first: what [`WriteBatch::replace_analysis`]
    /// replaces. It only reads, so another thread may call it while a
    /// batch is open (`reanalyze` reads the next stories so); a batch
    /// changes a story's analysis only in `replace_analysis`.
    pub fn stored_analyses(&self, story: &str) -> Result<Vec<StoredAnalysis>> {
        let revisions = self.revisions(story)?;
        // Every list and record of the story in one round trip on
        // PostgreSQL (sled's reads are in-process).
        if self.is_postgres() {
            let mut ahead = Vec::with_capacity(2 * revisions.len());
            for rev in &revisions {
                ahead.push(keys::occurrences(story, rev.number));
                ahead.push(keys::analysis(story, rev.number));
            }
            self.prefetch(ahead, Vec::new())?;
        }
        let mut out: Vec<StoredAnalysis> = Vec::with_capacity(revisions.len());
        for revision in revisions {
            let number = revision.number;
            // Each list is a delta of the one before: read in order, each
            // decodes one frame.
            let known = out.last().map(|p| (p.revision.number, &p.wire[..]));
            let List { wire, depth, occurrences, .. } = self.read_list(self, story, number, known)?;
            let what = format!("the analysis record of revision {number} of story {story:?}");
            let record = self.get_sealed(keys::ANALYSIS, &keys::analysis(story, number), &what)?;
            out.push(StoredAnalysis { revision, occurrences, record, wire, depth });
        }
        Ok(out)
    }
}
