//! `verify`: recompute every hash, walk every chain, check every record's
//! envelope and every index entry, and say exactly what is wrong where.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use std::sync::mpsc;
use std::thread::ScopedJoinHandle;

use rustc_hash::{FxHashMap, FxHashSet};

use serde::Serialize;

use crate::error::Result;
use crate::hash::{self, Hash32};
use crate::records::{Occurrence, RevisionRecord, RunStamp, RunValue, StoryRecord};
use crate::{Journal, Store, analysis, blobs, codec, decode, keys};

/// One thing found wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub story: Option<String>,
    pub revision: Option<u32>,
    pub detail: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.story, self.revision) {
            (Some(s), Some(r)) => write!(f, "story {s:?} revision {r}: {}", self.detail),
            (Some(s), None) => write!(f, "story {s:?}: {}", self.detail),
            _ => f.write_str(&self.detail),
        }
    }
}

/// What `verify` checked and found.
#[derive(Clone, Debug, Default, Serialize)]
pub struct VerifyReport {
    pub stories: u64,
    pub revisions: u64,
    pub blobs: u64,
    pub statements: u64,
    pub speakers: u64,
    pub index_entries: u64,
    /// Revisions the journal says were acknowledged (all checked present).
    pub acknowledged: u64,
    pub problems: Vec<Problem>,
    /// One hash over every story's head revision and analysis chain and
    /// the alias table, to publish and check later (`verify --root`);
    /// `None` when a chain could not be followed.
    pub root: Option<Hash32>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    pub(crate) fn problem(&mut self, story: Option<&str>, revision: Option<u32>, detail: impl Into<String>) {
        self.problems.push(Problem { story: story.map(str::to_string), revision, detail: detail.into() });
    }
}

pub(crate) fn verify(
    store: &Store,
    statement_hash: &dyn Fn(&str) -> String,
    progress: &dyn Fn(u64),
) -> Result<VerifyReport> {
    // Two threads beside the walk through the chains, each with work that
    // at 10M statements is a tenth of the time or more: one reads and
    // decodes the whole journal, the other decodes and hashes each
    // revision's blobs as the walk reaches it.
    //
    // On PostgreSQL the typed columns are checked in the walk's scans.
    let (report, columns) = store.with_column_check(|| {
        std::thread::scope(|scope| {
            let journal = scope.spawn(|| Journal::read(store.path()));
            let (revisions, to_check) = mpsc::channel();
            let blobs = scope.spawn(|| check_blobs(store, to_check));
            walk_and_check(store, statement_hash, progress, Beside { journal, revisions, blobs })
        })
    })?;
    let mut report = report?;
    if !columns.is_empty() {
        report.problems.extend(columns);
        report.problems.sort_by(|a, b| (&a.story, a.revision).cmp(&(&b.story, b.revision)));
        report.problems.dedup();
    }
    Ok(report)
}

/// What a person reading the store with SQL would see wrong: each typed
/// column (PostgreSQL) that does not hold what its row's key and value
/// give, named by the story, revision, statement or speaker the row is
/// about.
pub(crate) fn column_problems(store: &Store, found: Vec<crate::pg::Mismatch>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for m in found {
        let (places, row) = name_row(store, &m.key);
        let detail = format!(
            "{row} in table {} has {} in column {} where its {} gives {}: SQL readers see what the store does not hold; `claimtrail reanalyze --force` writes the column again",
            m.table,
            m.found,
            m.column,
            if m.from_key { "key" } else { "value" },
            m.expected
        );
        for (story, revision) in places {
            problems.push(Problem { story, revision, detail: detail.clone() });
        }
    }
    problems
}

/// A story and revision a problem is reported under.
type Place = (Option<String>, Option<u32>);

/// Where the row keyed `k` belongs (each story and revision a reader
/// meets it in, as far as the key says) and the row in a person's words.
fn name_row(store: &Store, k: &[u8]) -> (Vec<Place>, String) {
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    let nul = k.iter().position(|&b| b == 0);
    let head = || text(k.get(1..nul.unwrap_or(k.len())).unwrap_or_default());
    let tail = || nul.and_then(|n| k.get(n + 1..)).unwrap_or_default();
    let number = |b: &[u8]| <[u8; 4]>::try_from(b).ok().map(u32::from_be_bytes);
    let short = |b: &[u8]| Hash32::from_slice(b).map_or_else(|| "?".to_string(), |h| h.short());
    let nowhere = |row: String| (vec![(None, None)], row);
    match k.first().copied().unwrap_or(0) {
        keys::STORY => (vec![(Some(text(&k[1..])), None)], "the story's row".into()),
        keys::REVISION => (vec![(Some(head()), number(tail()))], "the revision's row".into()),
        keys::OCCURRENCES => (vec![(Some(head()), number(tail()))], "the row of its statement list".into()),
        keys::ANALYSIS => (vec![(Some(head()), number(tail()))], "the row of its analysis".into()),
        keys::BY_TEXT => (vec![(Some(head()), None)], "a text index row".into()),
        keys::CHECK => (vec![(Some(head()), None)], "the row of a check".into()),
        keys::STATEMENT => {
            // Every stay of the statement in a story, where a reader
            // meets it.
            let runs = Hash32::from_slice(&k[1..]).and_then(|h| store.runs_of(&h).ok()).unwrap_or_default();
            let mut places: Vec<Place> = runs.into_iter().map(|r| (Some(r.story), Some(r.first))).collect();
            places.sort();
            places.dedup();
            if places.is_empty() {
                places.push((None, None));
            }
            (places, format!("the row of statement {}", short(&k[1..])))
        }
        keys::BY_STATEMENT => {
            let shown = short(k.get(1..33).unwrap_or_default());
            match k.get(33..).and_then(keys::split_statement_tail) {
                Some((story, first, Some(sp))) => (
                    vec![(Some(story), Some(first))],
                    format!("the statement index row of statement {shown} by {sp:?}"),
                ),
                Some((story, first, None)) => (
                    vec![(Some(story), Some(first))],
                    format!("the statement index row of statement {shown} (no speaker)"),
                ),
                None => nowhere(format!("a statement index row of statement {shown}")),
            }
        }
        keys::BY_SPEAKER => match keys::split_speaker_tail(tail()) {
            Some((story, hash, first)) => (
                vec![(Some(story), Some(first))],
                format!("the speaker index row of statement {} by {:?}", hash.short(), head()),
            ),
            None => nowhere(format!("a speaker index row of {:?}", head())),
        },
        keys::SPEAKER => nowhere(format!("the row of speaker {:?}", text(&k[1..]))),
        keys::ALIAS => nowhere(format!("the alias row of speaker {:?}", text(&k[1..]))),
        keys::BY_NAME => nowhere(format!("the name index row {:?} of speaker {:?}", head(), text(tail()))),
        keys::BY_TERM => nowhere(format!("a search index row for {:?}", head())),
        keys::NEAR => nowhere("a variant index row".into()),
        keys::FURNITURE | keys::HOST_PAGE => nowhere(format!("a furniture index row of {:?}", head())),
        keys::WATCH => nowhere(format!("the watch row of {:?}", text(&k[1..]))),
        keys::BLOB => nowhere(format!("the row of blob {}", short(&k[1..]))),
        _ => nowhere("a row".into()),
    }
}

/// The threads working beside the walk (see [`verify`]).
struct Beside<'scope> {
    journal: ScopedJoinHandle<'scope, std::io::Result<Journal>>,
    /// Each revision's blobs, to [`check_blobs`].
    revisions: mpsc::Sender<RevisionBlobs>,
    blobs: ScopedJoinHandle<'scope, Result<BlobsChecked>>,
}

/// A revision's story, number and blobs (raw and text).
type RevisionBlobs = (String, u32, [Hash32; 2]);

/// Each blob checked (id → what is wrong with it, if anything), and the
/// problems by revision.
type BlobsChecked = (FxHashMap<Hash32, Option<String>>, Vec<Problem>);

/// Decode and hash the blobs of each revision sent, in the walk's order
/// (a story's texts are deltas of one another, so that order reads each
/// stretch of the store once).
fn check_blobs(store: &Store, revisions: mpsc::Receiver<RevisionBlobs>) -> Result<BlobsChecked> {
    let mut seen: FxHashMap<Hash32, Option<String>> = FxHashMap::default();
    let mut problems = Vec::new();
    for (story, number, blobs) in revisions {
        for blob in blobs {
            let found = match seen.get(&blob) {
                Some(found) => found.clone(),
                None => {
                    let found = blobs::load_blob(store, &blob)?.err();
                    seen.insert(blob, found.clone());
                    found
                }
            };
            if let Some(detail) = found {
                problems.push(Problem { story: Some(story.clone()), revision: Some(number), detail });
            }
        }
    }
    Ok((seen, problems))
}

/// Join a thread of [`verify`]'s, passing on its panic.
fn join<T>(handle: ScopedJoinHandle<'_, T>) -> T {
    handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
}

fn walk_and_check(
    store: &Store,
    statement_hash: &dyn Fn(&str) -> String,
    progress: &dyn Fn(u64),
    beside: Beside<'_>,
) -> Result<VerifyReport> {
    let mut report = VerifyReport::default();
    let mut stories: BTreeMap<String, StoryRecord> = BTreeMap::new();
    for kv in store.scan(&[keys::STORY]) {
        let (k, v) = kv?;
        let id = String::from_utf8_lossy(&k[1..]).into_owned();
        match decode::<StoryRecord>(keys::STORY, &v) {
            Some(s) if s.id == id => {
                stories.insert(id, s);
            }
            _ => report.problem(Some(&id), None, "the story record fails its checksum"),
        }
    }
    report.stories = stories.len() as u64;

    let latest: HashMap<&str, u32> = stories.iter().map(|(id, s)| (id.as_str(), s.revisions)).collect();
    let name_revisions = |report: &mut VerifyReport, runs: Vec<crate::Run>, detail: &str| {
        let mut named = BTreeSet::new();
        for r in runs {
            let last = r.last.unwrap_or_else(|| latest.get(r.story.as_str()).copied().unwrap_or(r.first));
            for n in r.first..=last.max(r.first) {
                named.insert((r.story.clone(), n));
            }
        }
        if named.is_empty() {
            report.problem(None, None, detail.to_string());
        }
        for (story, n) in named {
            report.problem(Some(&story), Some(n), detail.to_string());
        }
    };

    // The statements and speakers are read before the revisions, so that
    // each occurrence's "is it there?" is a look-up in memory: a point read
    // per occurrence (ten million at 10M statements) was half of the time.
    // `stored` holds every key found, sound or not, as a read would; the
    // sound ones go on to the index checks.
    let mut statements = FxHashSet::default();
    let mut stored = Stored::default();
    for kv in store.scan(&[keys::STATEMENT]) {
        let (k, v) = kv?;
        report.statements += 1;
        let Some(h) = Hash32::from_slice(&k[1..]) else {
            report.problem(None, None, "a statement key is malformed");
            continue;
        };
        stored.statements.insert(h);
        let detail = match std::str::from_utf8(&v) {
            Ok(content) if statement_hash(content) == h.to_hex() => {
                statements.insert(h);
                continue;
            }
            Ok(_) => format!("statement {} does not match its hash", h.short()),
            Err(_) => format!("statement {} is not UTF-8", h.short()),
        };
        // Name every revision the damaged statement occurs in.
        let found = store.runs_of(&h).unwrap_or_default();
        name_revisions(&mut report, found, &detail);
    }

    let mut speakers = FxHashSet::default();
    for kv in store.scan(&[keys::SPEAKER]) {
        let (k, v) = kv?;
        report.speakers += 1;
        stored.speakers.insert(k[1..].to_vec());
        let id = String::from_utf8_lossy(&k[1..]).into_owned();
        match decode::<crate::SpeakerRecord>(keys::SPEAKER, &v) {
            Some(sp) if sp.id == id => {
                speakers.insert(id);
            }
            _ => {
                let detail = format!("the record of speaker {id:?} fails its checksum");
                let found = store.runs_by_speaker(&id).unwrap_or_default();
                name_revisions(&mut report, found, &detail);
            }
        }
    }

    // Stories and speakers by number in the run maps, which at 10M
    // statements hold millions of runs: no string per entry to copy, hash
    // and free.
    let mut ids = Ids::new(stories.keys());
    let mut texts: FxHashMap<(u32, u32), Hash32> = FxHashMap::default();
    // (story, revision) → the stamp its runs' statement-index entries must
    // carry, if any, encoded as the writer encodes it.
    let mut stamps: FxHashMap<(u32, u32), Vec<u8>> = FxHashMap::default();
    // Every revision record found, readable or not: (story, number) → id.
    let mut found: HashMap<(String, u32), Option<Hash32>> = HashMap::new();
    // The runs the statement lists imply: (story, statement, speaker, first) → last.
    let mut runs: FxHashMap<RunKey, Expected> = FxHashMap::default();
    // Stories whose runs cannot be worked out (a record or list is unreadable).
    let mut unchecked: FxHashSet<u32> = FxHashSet::default();

    let mut heads = analysis::Heads::default();
    for (number, (id, story)) in (0u32..).zip(&stories) {
        let mut expected_parent: Option<Hash32> = None;
        let mut expected_number = 1u32;
        let mut walk = RunWalk::default();
        let mut chain: Option<Hash32> = None;
        for kv in store.scan(&keys::revisions_of(id)) {
            let (k, v) = kv?;
            let key_number = k.len().checked_sub(4).map(|at| u32::from_be_bytes(k[at..].try_into().unwrap_or([0; 4])));
            report.revisions += 1;
            progress(report.revisions);
            let decoded = decode::<RevisionRecord>(keys::REVISION, &v);
            if let Some(n) = key_number {
                found.insert((id.clone(), n), decoded.as_ref().map(|r| r.id));
            }
            let Some(rev) = decoded else {
                report.problem(Some(id), key_number, "the revision record fails its checksum");
                expected_number += 1;
                expected_parent = None;
                walk.broken = true;
                continue;
            };
            check_revision(&mut report, &rev, key_number, expected_number, expected_parent);
            // (A send fails only when the blob thread has stopped on an
            // error, which its join below returns.)
            let _ = beside.revisions.send((id.clone(), rev.number, [rev.raw, rev.text]));
            let list = check_occurrences(store, &stored, &mut report, &rev, &mut walk)?;
            chain = analysis::check(store, &mut report, &rev, list.as_deref(), chain, rev.number == 1)?;
            match list {
                Some(list) => walk.step(number, rev.number, &list, &mut ids, &mut runs),
                None => walk.broken = true,
            }
            texts.insert((number, rev.number), rev.text);
            stamps.insert((number, rev.number), codec::to_bytes(&RunStamp::of(&rev)));
            expected_parent = Some(rev.id);
            expected_number = key_number.unwrap_or(expected_number) + 1;
        }
        if !walk.finish(number, &mut runs) {
            unchecked.insert(number);
        }
        let count = expected_number - 1;
        if story.revisions != count {
            report.problem(
                Some(id),
                None,
                format!("the story record says {} revisions but {count} are stored", story.revisions),
            );
        }
        if story.head != expected_parent {
            report.problem(Some(id), None, "the story's head is not its latest revision");
        }
        heads.story(id, story.head, chain);
    }

    // Revisions whose story record is gone.
    for kv in store.scan(&[keys::REVISION]) {
        let (k, _) = kv?;
        if let Some(nul) = k.iter().skip(1).position(|&b| b == 0) {
            let story = String::from_utf8_lossy(&k[1..1 + nul]).into_owned();
            if !stories.contains_key(&story) {
                report.problem(Some(&story), None, "revisions are stored for a story with no story record");
            }
        }
    }

    drop(beside.revisions);
    let (blobs_seen, blob_problems) = join(beside.blobs)?;
    report.problems.extend(blob_problems);

    // Blobs no revision uses (the bases of others, or left over).
    for kv in store.scan(&[keys::BLOB]) {
        let (k, _) = kv?;
        report.blobs += 1;
        let Some(id) = Hash32::from_slice(&k[1..]) else {
            report.problem(None, None, "a blob key is malformed");
            continue;
        };
        if blobs_seen.contains_key(&id) {
            continue;
        }
        if let Err(detail) = blobs::load_blob(store, &id)? {
            report.problem(None, None, detail);
        }
    }

    let derived = Derived {
        ids: &ids,
        texts: &texts,
        stamps: &stamps,
        unchecked: &unchecked,
        statements: &statements,
        speakers: &speakers,
    };
    check_indexes(store, &mut report, &derived, runs)?;
    check_journal(store, join(beside.journal), &mut report, &found);
    if let Ok(crate::format::Found::Damaged) = crate::format::read(store.path()) {
        report.problem(
            None,
            None,
            "the format file is damaged: the database's own format record was used, and the next command that writes rewrites the file",
        );
    }
    report.root = heads.root(store, &mut report)?;
    report.problems.sort_by(|a, b| (&a.story, a.revision).cmp(&(&b.story, b.revision)));
    report.problems.dedup();
    Ok(report)
}

/// The statement and speaker keys the store holds (the bytes after the
/// key's kind), whether or not their records check out.
#[derive(Default)]
struct Stored {
    statements: FxHashSet<Hash32>,
    speakers: FxHashSet<Vec<u8>>,
}

/// Stories and speakers as numbers: a story's is its place in the sorted
/// list of stories, a speaker's the order it was first met in.
struct Ids<'a> {
    stories: Vec<&'a str>,
    story_ids: FxHashMap<&'a str, u32>,
    speaker_ids: FxHashMap<String, u32>,
}

impl<'a> Ids<'a> {
    fn new(stories: impl Iterator<Item = &'a String>) -> Self {
        let stories: Vec<&str> = stories.map(String::as_str).collect();
        let story_ids = (0u32..).zip(&stories).map(|(n, s)| (*s, n)).collect();
        Ids { stories, story_ids, speaker_ids: FxHashMap::default() }
    }

    fn story(&self, id: &str) -> Option<u32> {
        self.story_ids.get(id).copied()
    }

    fn story_name(&self, number: u32) -> &'a str {
        self.stories[number as usize]
    }

    /// The speaker's number, given it now if it has none.
    fn speaker_or_new(&mut self, id: &str) -> u32 {
        if let Some(&n) = self.speaker_ids.get(id) {
            return n;
        }
        let n = self.speaker_ids.len() as u32;
        self.speaker_ids.insert(id.to_string(), n);
        n
    }

    /// The speaker's number, `None` when no statement list names it.
    fn speaker(&self, id: &str) -> Option<u32> {
        self.speaker_ids.get(id).copied()
    }
}

/// What the walk through the revisions found, for the index checks.
struct Derived<'a> {
    ids: &'a Ids<'a>,
    /// (story, revision) → its text's blob id.
    texts: &'a FxHashMap<(u32, u32), Hash32>,
    /// (story, revision) → its [`RunStamp`], encoded.
    stamps: &'a FxHashMap<(u32, u32), Vec<u8>>,
    /// Stories whose runs cannot be worked out.
    unchecked: &'a FxHashSet<u32>,
    /// Statements whose content matches their hash.
    statements: &'a FxHashSet<Hash32>,
    /// Speakers whose record checks out.
    speakers: &'a FxHashSet<String>,
}

/// A run as the statement lists imply it: story, statement, speaker, first
/// (stories and speakers by their [`Ids`] numbers).
type RunKey = (u32, Hash32, Option<u32>, u32);

/// How a statement was said where its run opens: attribution, mention.
type Said = (String, Option<String>);

/// What the statement lists imply a run's index value holds.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Expected {
    last: Option<u32>,
    said: Said,
}

impl Expected {
    /// Whether an index value agrees with the statement lists. How the
    /// claim came in (`how`, `introduced`, `fate`) is the recorder's claim
    /// diff, which the store cannot redo; it must at least be consistent.
    fn matches(&self, v: &RunValue, first: u32) -> bool {
        v.last == self.last
            && v.attribution == self.said.0
            && v.mention == self.said.1
            && v.introduced <= first
            && (v.fate.is_none() || v.last.is_some())
    }
}

/// The runs of one story, worked out revision by revision.
#[derive(Default)]
struct RunWalk {
    /// The open runs: (statement, speaker) → first revision, and how it
    /// said the statement there (attribution, mention).
    open: FxHashMap<(Hash32, Option<u32>), (u32, Said)>,
    /// The previous revision's list wire bytes, to decode the next delta.
    previous: Option<(u32, Vec<u8>)>,
    /// A revision or list could not be read: the story's runs cannot be
    /// checked.
    broken: bool,
}

impl RunWalk {
    fn step(
        &mut self,
        story: u32,
        number: u32,
        list: &[Occurrence],
        ids: &mut Ids,
        runs: &mut FxHashMap<RunKey, Expected>,
    ) {
        let pairs: Vec<(Hash32, Option<u32>)> =
            list.iter().map(|o| (o.statement, o.speaker.as_deref().map(|sp| ids.speaker_or_new(sp)))).collect();
        let now: FxHashSet<(Hash32, Option<u32>)> = pairs.iter().copied().collect();
        let gone: Vec<(Hash32, Option<u32>)> = self.open.keys().filter(|k| !now.contains(*k)).copied().collect();
        for pair in gone {
            if let Some((first, said)) = self.open.remove(&pair) {
                runs.insert((story, pair.0, pair.1, first), Expected { last: Some(number - 1), said });
            }
        }
        // A run opens with the first occurrence of its pair in the list.
        for (o, pair) in list.iter().zip(pairs) {
            self.open.entry(pair).or_insert_with(|| (number, (o.attribution.clone(), o.mention.clone())));
        }
    }

    /// Close the walk; false when the story's runs cannot be checked.
    fn finish(&mut self, story: u32, runs: &mut FxHashMap<RunKey, Expected>) -> bool {
        if self.broken {
            runs.retain(|k, _| k.0 != story);
            return false;
        }
        for ((h, sp), (first, said)) in self.open.drain() {
            runs.insert((story, h, sp, first), Expected { last: None, said });
        }
        true
    }
}

fn check_revision(
    report: &mut VerifyReport,
    rev: &RevisionRecord,
    key_number: Option<u32>,
    expected_number: u32,
    expected_parent: Option<Hash32>,
) {
    let story = Some(rev.story.as_str());
    if key_number != Some(rev.number) {
        report.problem(
            story,
            key_number,
            format!("is stored where revision {} belongs (revisions swapped?)", rev.number),
        );
    }
    if let Some(n) = key_number
        && n > expected_number
    {
        let missing = if n == expected_number + 1 {
            format!("revision {expected_number} is missing")
        } else {
            format!("revisions {expected_number} to {} are missing", n - 1)
        };
        report.problem(story, Some(n), format!("the chain is broken: {missing}"));
    }
    let recomputed = hash::revision_id(&hash::RevisionFields {
        story: &rev.story,
        number: rev.number,
        parent: rev.parent,
        captured_secs: rev.captured_at.timestamp(),
        captured_nanos: rev.captured_at.timestamp_subsec_nanos(),
        source: &rev.source,
        format: &rev.format,
        raw: rev.raw,
        text: rev.text,
    });
    if recomputed != rev.id {
        report.problem(story, Some(rev.number), "its id does not match its contents");
    }
    if rev.parent != expected_parent {
        report.problem(story, Some(rev.number), "its parent is not the revision before it (chain broken)");
    }
}

/// Read and check a revision's statement list; `None` when it cannot be read.
fn check_occurrences(
    store: &Store,
    stored: &Stored,
    report: &mut VerifyReport,
    rev: &RevisionRecord,
    walk: &mut RunWalk,
) -> Result<Option<Vec<Occurrence>>> {
    let story = Some(rev.story.as_str());
    let known = walk.previous.as_ref().map(|(n, wire)| (*n, &wire[..]));
    let wire = match blobs::load_list(store, &rev.story, rev.number, known)? {
        Ok(wire) => wire,
        Err(detail) => {
            report.problem(story, Some(rev.number), detail);
            walk.previous = None;
            return Ok(None);
        }
    };
    let Some(list) = codec::occurrences_from_wire(&wire) else {
        report.problem(story, Some(rev.number), "its statement list cannot be decoded");
        walk.previous = None;
        return Ok(None);
    };
    walk.previous = Some((rev.number, wire));
    for o in &list {
        if o.span.0 > o.span.1 || o.span.1 > rev.text_len {
            report.problem(story, Some(rev.number), format!("statement {} has a span outside the text", o.index));
        }
        if !stored.statements.contains(&o.statement) {
            report.problem(
                story,
                Some(rev.number),
                format!("statement {} ({}) is missing", o.index, o.statement.short()),
            );
        }
        if let Some(sp) = &o.speaker
            && !stored.speakers.contains(sp.as_bytes())
        {
            report.problem(story, Some(rev.number), format!("speaker {sp:?} of statement {} is missing", o.index));
        }
    }
    Ok(Some(list))
}

fn check_indexes(
    store: &Store,
    report: &mut VerifyReport,
    derived: &Derived,
    mut runs: FxHashMap<RunKey, Expected>,
) -> Result<()> {
    let ids = derived.ids;
    for kv in store.scan(&[keys::BY_TEXT]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let nul = k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1);
        let story = nul.map(|n| String::from_utf8_lossy(&k[1..n]).into_owned());
        let text = nul.and_then(|n| Hash32::from_slice(&k[n + 1..]));
        let number = <[u8; 4]>::try_from(&v[..]).ok().map(u32::from_be_bytes);
        let ok = match (story.as_deref().and_then(|s| ids.story(s)), text, number) {
            (Some(s), Some(t), Some(n)) => derived.texts.get(&(s, n)) == Some(&t),
            _ => false,
        };
        if !ok {
            report.problem(story.as_deref(), number, "a text index entry points nowhere");
        }
    }
    // Each run is indexed by statement, and by speaker when it has one.
    let mut by_speaker: FxHashSet<RunKey> = runs.keys().filter(|k| k.2.is_some()).copied().collect();
    // The statement index's values, which the speaker index must repeat.
    let mut values: FxHashMap<RunKey, RunValue> = FxHashMap::default();
    for kv in store.scan(&[keys::BY_STATEMENT]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let hash = Hash32::from_slice(k.get(1..33).unwrap_or(&[]));
        let tail = k.get(33..).and_then(keys::split_statement_tail);
        let value: Option<(RunValue, &[u8])> = codec::take_from_bytes(&v);
        let (Some(hash), Some((story, first, speaker)), Some((value, stamp))) = (hash, tail, value) else {
            report.problem(None, None, "a statement index entry is malformed");
            continue;
        };
        let number = ids.story(&story);
        if number.is_some_and(|n| derived.unchecked.contains(&n)) {
            continue;
        }
        // The stamp after the value, when there is one, is a copy of what
        // the first revision's record says, which queries trust instead of
        // reading the record: a copy that disagrees is damage. (An entry
        // without one is whole: older claimtrails wrote none.)
        let stamp_of_first = number.and_then(|n| derived.stamps.get(&(n, first)));
        if !stamp.is_empty() && stamp_of_first.is_some_and(|s| s[..] != *stamp) {
            report.problem(
                Some(&story),
                Some(first),
                format!(
                    "the statement index entry for statement {} gives another capture time or primary source than revision {first}'s record",
                    hash.short()
                ),
            );
        }
        // A story or speaker no statement list names has no run to match.
        let key = match (number, speaker.as_deref().map(|sp| ids.speaker(sp))) {
            (Some(n), None) => Some((n, hash, None, first)),
            (Some(n), Some(Some(sp))) => Some((n, hash, Some(sp), first)),
            _ => None,
        };
        let known = derived.statements.contains(&hash) && speaker.as_ref().is_none_or(|s| derived.speakers.contains(s));
        match key.and_then(|key| runs.remove(&key).map(|expected| (key, expected))) {
            Some((key, expected)) if known && expected.matches(&value, first) => {
                values.insert(key, value);
            }
            Some(_) if known => {
                report.problem(
                    Some(&story),
                    Some(first),
                    format!(
                        "the statement index entry for statement {} does not match the statement lists (its attribution, mention or revisions were changed)",
                        hash.short()
                    ),
                );
            }
            Some((key, expected)) => {
                // Not checked against an unknown statement or speaker: the
                // run stays expected, as before the entry was read.
                runs.insert(key, expected);
                report.problem(
                    Some(&story),
                    Some(first),
                    format!("the statement index entry for statement {} points nowhere", hash.short()),
                );
            }
            None => report.problem(
                Some(&story),
                Some(first),
                format!("the statement index entry for statement {} points nowhere", hash.short()),
            ),
        }
    }
    for (story, hash, _, first) in runs.into_keys() {
        report.problem(
            Some(ids.story_name(story)),
            Some(first),
            format!("statement {} is missing from the statement index", hash.short()),
        );
    }
    for kv in store.scan(&[keys::BY_SPEAKER]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let nul = k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1);
        let parsed = nul.and_then(|n| {
            let speaker = String::from_utf8_lossy(&k[1..n]).into_owned();
            keys::split_speaker_tail(&k[n + 1..]).map(|(story, hash, first)| (speaker, story, hash, first))
        });
        let value: Option<RunValue> = codec::from_bytes(&v);
        let (Some((speaker, story, hash, first)), Some(value)) = (parsed, value) else {
            report.problem(None, None, "a speaker index entry is malformed");
            continue;
        };
        let number = ids.story(&story);
        if number.is_some_and(|n| derived.unchecked.contains(&n)) {
            continue;
        }
        let key = number.zip(ids.speaker(&speaker)).map(|(n, sp)| (n, hash, Some(sp), first));
        if !key.is_some_and(|key| by_speaker.remove(&key)) {
            report.problem(
                Some(&story),
                Some(first),
                format!("the speaker index entry for statement {} points nowhere", hash.short()),
            );
        } else if key.and_then(|key| values.get(&key)).is_some_and(|v| *v != value) {
            // (A statement index entry found wrong is reported above.)
            report.problem(
                Some(&story),
                Some(first),
                format!(
                    "the speaker index entry for statement {} does not match the statement lists (it differs from the statement index)",
                    hash.short()
                ),
            );
        }
    }
    for (story, hash, _, first) in by_speaker {
        report.problem(
            Some(ids.story_name(story)),
            Some(first),
            format!("statement {} is missing from the speaker index", hash.short()),
        );
    }
    for kv in store.scan(&[keys::BY_NAME]) {
        let (k, _) = kv?;
        report.index_entries += 1;
        let id = k.iter().rposition(|&b| b == 0).map(|n| String::from_utf8_lossy(&k[n + 1..]).into_owned());
        if !id.as_ref().is_some_and(|id| derived.speakers.contains(id)) {
            report.problem(
                None,
                None,
                format!("the name index entry for speaker {:?} points nowhere", id.unwrap_or_default()),
            );
        }
    }
    let keys_of_statements: FxHashSet<&[u8]> = derived.statements.iter().map(|h| &h.0[..8]).collect();
    for kv in store.scan(&[keys::BY_TERM]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let term =
            k.get(1..k.len().saturating_sub(9)).map(|t| String::from_utf8_lossy(t).into_owned()).unwrap_or_default();
        let ok = v.len() % 8 == 0 && v.chunks_exact(8).all(|k| keys_of_statements.contains(k));
        if !ok {
            report.problem(None, None, format!("the search index entry for {term:?} points nowhere"));
        }
    }
    Ok(())
}

/// Every revision the journal says was acknowledged must be in the
/// database, with the same id (see [`crate::journal`]). `found` holds the
/// revision records the database has (`None`: unreadable, reported already).
fn check_journal(
    store: &Store,
    journal: std::io::Result<Journal>,
    report: &mut VerifyReport,
    found: &HashMap<(String, u32), Option<Hash32>>,
) {
    let journal = match journal {
        Ok(j) => j,
        Err(e) => {
            report.problem(None, None, format!("the journal cannot be read ({e}): what was acknowledged is unchecked"));
            return;
        }
    };
    for d in &journal.damage {
        report.problem(
            None,
            None,
            format!(
                "the journal is damaged at bytes {}..{}: what it acknowledged there cannot be checked",
                d.offset,
                d.offset + d.len
            ),
        );
    }
    // The latest entry for a revision wins: a revision lost and recorded
    // again is acknowledged twice.
    let mut latest: BTreeMap<(&str, u32), Hash32> = BTreeMap::new();
    let mut lost: BTreeSet<(&str, u32, Hash32)> = BTreeSet::new();
    for e in &journal.entries {
        if let Some(old) = latest.insert((&e.story, e.number), e.id)
            && old != e.id
        {
            lost.insert((&e.story, e.number, old));
        }
    }
    report.acknowledged = latest.len() as u64;
    for ((story, number), id) in latest {
        match found.get(&(story.to_string(), number)) {
            None => report.problem(
                Some(story),
                Some(number),
                format!("acknowledged revision {} is missing from the database (the journal recorded it)", id.short()),
            ),
            Some(Some(stored)) if *stored != id => report.problem(
                Some(story),
                Some(number),
                format!("is not the acknowledged revision {} (the journal recorded that one)", id.short()),
            ),
            Some(_) => {}
        }
    }
    for (story, number, id) in lost {
        report.problem(
            Some(story),
            Some(number),
            format!("acknowledged revision {} was lost and another recorded in its place", id.short()),
        );
    }
    if !store.is_postgres() {
        check_journaled(store, &journal, report, found);
    }
}

/// Every revision in the database must be in the journal too: each
/// write appends its entries before sled applies it (a crash between the
/// two leaves them pending, still there), and `reanalyze` journals every
/// analysis it changes, which includes all of a store it upgrades from
/// the format before the journal. A revision the journal does not hold
/// means the journal was deleted, cut short or replaced: what `salvage`
/// would rebuild the store from is gone. (PostgreSQL has no journal.)
fn check_journaled(
    store: &Store,
    journal: &Journal,
    report: &mut VerifyReport,
    found: &HashMap<(String, u32), Option<Hash32>>,
) {
    let journaled: FxHashSet<(&str, u32, Hash32)> = journal
        .entries
        .iter()
        .chain(&journal.pending)
        .map(|e| (e.story.as_str(), e.number, e.id))
        .chain(journal.reanalyses.iter().map(|r| (r.story.as_str(), r.number, r.id)))
        .collect();
    let mut missing: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for ((story, number), id) in found {
        if let Some(id) = id
            && !journaled.contains(&(story.as_str(), *number, *id))
        {
            missing.entry(story).or_default().push(*number);
        }
    }
    if missing.is_empty() {
        return;
    }
    if !store.path().join(crate::journal::FILE).exists() {
        let n: usize = missing.values().map(Vec::len).sum();
        report.problem(
            None,
            None,
            format!(
                "the journal is missing: the database holds {n} revisions it does not record (was `{}` deleted?); `claimtrail salvage` could not rebuild them",
                crate::journal::FILE
            ),
        );
        return;
    }
    for (story, mut numbers) in missing {
        numbers.sort_unstable();
        let shown = match (numbers.first(), numbers.last()) {
            (Some(a), Some(b)) if a == b => format!("revision {a} is"),
            (Some(a), Some(b)) if numbers.len() as u32 == b - a + 1 => format!("revisions {a} to {b} are"),
            _ => format!("{} revisions are", numbers.len()),
        };
        report.problem(
            Some(story),
            None,
            format!(
                "{shown} in the database but not in the journal ({} bytes, {} acknowledged revisions): the journal was cut short or replaced",
                journal.len, report.acknowledged
            ),
        );
    }
}
