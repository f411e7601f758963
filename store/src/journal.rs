//! The journal: what the store acknowledged, kept outside sled's files.
//!
//! sled keeps its newest writes in the tail of its log until the database
//! is reopened; damage there makes sled drop them as a torn write, and
//! damage elsewhere can make the whole database unreadable. The journal is
//! the store's own, independent memory of every revision it reported as
//! recorded: an append-only file (`journal` in the store directory) with one
//! checksummed entry per revision. Each entry carries the revision's story,
//! number and id (what `verify` checks sled against) and its evidence and
//! analysis, compressed (what `salvage` rebuilds a story from when sled
//! cannot give it back). A revision with a parent is compressed against
//! the parent's raw bytes and text (see [`dictionary`]): the next capture
//! of a page repeats its template and most of its text. Salvage rebuilds a
//! story in order, so the parent is at hand, from the journal or from the
//! database, whenever the revision can be used at all (a story is rebuilt
//! only up to its first revision lost from both), and the parent's raw
//! bytes and text are checked against its id before they are used. `reanalyze` appends the analysis it derives again,
//! so a story rebuilt from the journal has its latest analysis.
//!
//! The protocol of one write, so that a crash at any point leaves nothing
//! acknowledged unjournaled and nothing unacknowledged claimed:
//!
//! 1. the write's entries are appended as *pending* and fsynced;
//! 2. sled applies the batch and flushes it;
//! 3. a *commit mark* naming where the write's entries start is appended
//!    and fsynced; only then does the command report success.
//!
//! A pending entry without its commit mark is a write that was never
//! acknowledged: `verify` does not ask sled for it (a crash between 1 and
//! 2 left sled without it), but `salvage` uses it when a later committed
//! revision of its story builds on it (a crash between 2 and 3 left it in
//! sled, and the story went on from there). Entries written by the first
//! journal format (kind 1) were appended after sled's flush and stand
//! acknowledged on their own.
//!
//! `verify` checks both ways: each acknowledged revision is in sled, and
//! each revision in sled is in the journal (acknowledged, pending, or
//! journaled again by `reanalyze`, which journals every revision of a
//! store it upgrades from the format before the journal). A deleted or
//! truncated journal is damage; a store with no revisions needs none. A
//! journal without a database beside it is a database lost: every command
//! says so and points to `salvage` rather than start a new one.
//!
//! An entry on disk: `MAGIC` (8 bytes), the payload length (u32 LE), a
//! 4-byte checksum of that length, the payload (its first byte the kind),
//! and a 16-byte blake3 checksum of length and payload. A process killed
//! while appending leaves a torn last entry: that is normal (nothing in it
//! was acknowledged), is not reported, and is cut off before the next
//! append. A checksum that fails on a complete entry is damage; the reader
//! reports it and finds the next entry by its magic, so one flipped bit
//! costs one entry.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufReader, Read, Seek, SeekFrom, Write};
use std::path::Path;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::codec;
use crate::hash::Hash32;
use crate::records::{Occurrence, SpeakerRecord};

/// The journal's file name in the store directory.
pub const FILE: &str = "journal";

const MAGIC: [u8; 8] = *b"ctjrnl1\n";
const HEADER: usize = 8 + 4 + 4;
const TRAILER: usize = 16;
/// The kinds of entry (a payload's first byte). A revision acknowledged by
/// itself (the first journal format: written after sled's flush).
const ACKNOWLEDGED: u8 = 1;
/// A revision written before sled's batch, acknowledged by a commit mark.
const PENDING: u8 = 2;
/// A commit mark: every pending entry from the offset it names on is
/// acknowledged.
const COMMIT: u8 = 3;
/// A revision's analysis derived again (`reanalyze`), pending like a
/// revision.
const REANALYSIS: u8 = 4;
/// A revision written like [`PENDING`], its evidence compressed against its
/// parent's [`dictionary`] (the entry names the parent).
const PENDING_DELTA: u8 = 5;
/// zstd level of the journal: zstd's fastest positive level. Every
/// revision is written here and to sled, and the journal is read only to
/// verify or salvage, so speed counts for more than size (level 3 made
/// packing the journal a fifth of a bulk import's writing thread).
const JOURNAL_LEVEL: i32 = 1;
/// No entry is larger: a damaged length must not size an allocation.
const MAX_PAYLOAD: u32 = 1 << 30;

/// What a journal entry says was recorded (acknowledged, once committed).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Acknowledged {
    pub story: String,
    pub number: u32,
    pub id: Hash32,
    /// The compressed [`Evidence`]: decoded only when it is needed.
    evidence: Vec<u8>,
    /// Where the entry starts in the journal (not stored: its position).
    #[serde(skip)]
    pub offset: u64,
    /// The parent whose [`dictionary`] the evidence is compressed against,
    /// if it is (stored in a [`PENDING_DELTA`] entry, not in this form).
    #[serde(skip)]
    pub base: Option<Hash32>,
}

impl Acknowledged {
    /// The revision as it was recorded, if its bytes decode. An entry
    /// compressed against its parent ([`Acknowledged::base`]) needs the
    /// parent's [`dictionary`]; one that is not ignores it.
    pub fn evidence(&self, parent: Option<&[u8]>) -> Option<Evidence> {
        let packed = codec::parse(&self.evidence)?;
        let base = if self.base.is_some() { Some(parent?) } else { None };
        codec::from_bytes(&codec::unpack(&packed, base)?)
    }
}

/// A [`PENDING_DELTA`] entry's body: an [`Acknowledged`] and its base.
#[derive(Serialize, Deserialize)]
struct DeltaEntry {
    story: String,
    number: u32,
    id: Hash32,
    base: Hash32,
    evidence: Vec<u8>,
}

/// What a revision's entry is compressed against, from its parent: the
/// parent's raw bytes (when they are not its text: an HTML page's
/// template recurs in the next capture) followed by its text (which the
/// next text, and the statements quoted from it, mostly repeat).
pub fn dictionary(raw: &[u8], text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len() + text.len());
    if raw != text {
        out.extend_from_slice(raw);
    }
    out.extend_from_slice(text);
    out
}

/// A revision's analysis as `reanalyze` derived it again.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Reanalyzed {
    pub story: String,
    pub number: u32,
    /// The revision it belongs to.
    pub id: Hash32,
    /// The compressed [`Analysis`].
    analysis: Vec<u8>,
    #[serde(skip)]
    pub offset: u64,
}

impl Reanalyzed {
    pub fn analysis(&self) -> Option<Analysis> {
        unpack(&self.analysis)
    }
}

/// What was derived from a revision: its statements (occurrence and
/// content, in order), its speakers and the analysis version.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Analysis {
    pub statements: Vec<(Occurrence, String)>,
    pub speakers: Vec<SpeakerRecord>,
    pub analysis: String,
}

fn unpack<T: serde::de::DeserializeOwned>(bytes: &[u8]) -> Option<T> {
    let packed = codec::parse(bytes)?;
    codec::from_bytes(&codec::unpack(&packed, None)?)
}

/// Everything recorded with a revision: enough to record it again.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Evidence {
    pub parent: Option<Hash32>,
    pub captured_at: DateTime<Utc>,
    pub source: String,
    pub format: String,
    pub url: Option<String>,
    pub title: Option<String>,
    pub meta: BTreeMap<String, String>,
    pub raw: Vec<u8>,
    pub text: String,
    /// Each statement's occurrence and content, in order.
    pub statements: Vec<(Occurrence, String)>,
    pub speakers: Vec<SpeakerRecord>,
    /// The analysis version that derived the statements and speakers.
    pub analysis: String,
}

/// [`Evidence`] borrowed from the revision being recorded: serialised
/// byte for byte as the owned form (same fields, same order, and serde
/// writes a slice as it writes a `Vec`), without copying the revision's
/// raw bytes, text and statements first (a bulk import journals every
/// revision it writes).
#[derive(Serialize)]
pub(crate) struct EvidenceRef<'a> {
    pub parent: Option<Hash32>,
    pub captured_at: DateTime<Utc>,
    pub source: &'a str,
    pub format: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub meta: &'a BTreeMap<String, String>,
    pub raw: &'a [u8],
    pub text: &'a str,
    pub statements: StatementsRef<'a>,
    pub speakers: &'a [SpeakerRecord],
    pub analysis: &'a str,
}

/// A revision's statements as [`Evidence::statements`] serialises them:
/// (occurrence, content) pairs, in order.
pub(crate) struct StatementsRef<'a>(pub &'a [crate::NewStatement]);

impl Serialize for StatementsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().map(|st| (&st.occurrence, st.content.as_str())))
    }
}

/// Encode a pending revision entry (see the protocol above), compressed
/// against `parent` (its id and [`dictionary`]) if given.
pub(crate) fn entry(
    story: &str,
    number: u32,
    id: Hash32,
    evidence: &EvidenceRef<'_>,
    parent: Option<(Hash32, &[u8])>,
) -> Vec<u8> {
    let bytes = codec::to_bytes(evidence);
    if let Some((base, dict)) = parent {
        // Depth 0: a story's entries are decoded in order, each against
        // the parent before it, so their chain needs no limit.
        let evidence = codec::pack_at(&bytes, Some((dict, 0)), JOURNAL_LEVEL);
        // A base zstd cannot take (see codec) gives a whole value.
        if codec::parse(&evidence).is_some_and(|p| p.depth > 0) {
            let delta = DeltaEntry { story: story.to_string(), number, id, base, evidence };
            return frame(PENDING_DELTA, &codec::to_bytes(&delta));
        }
    }
    let evidence = codec::pack_at(&bytes, None, JOURNAL_LEVEL);
    let ack = Acknowledged { story: story.to_string(), number, id, evidence, offset: 0, base: None };
    frame(PENDING, &codec::to_bytes(&ack))
}

/// [`Analysis`] as a write batch holds it (the occurrences and their
/// contents side by side), serialised as the owned form is, without
/// copying them first.
#[derive(Serialize)]
pub(crate) struct AnalysisRef<'a, S> {
    /// [`PairsRef`] or [`StatementsRef`].
    pub statements: S,
    pub speakers: &'a [SpeakerRecord],
    pub analysis: &'a str,
}

/// Occurrences and their contents, serialised as [`Analysis::statements`].
pub(crate) struct PairsRef<'a>(pub &'a [Occurrence], pub &'a [String]);

impl Serialize for PairsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.iter().zip(self.1).map(|(o, c)| (o, c.as_str())))
    }
}

/// The journal entry of a revision's analysis derived again, worked out
/// ahead of the batch that stages it (by the thread that derived it: a
/// batch's writer has the least time to spare). The batch appends it if it
/// writes the analysis (see [`crate::WriteBatch::replace_analysis`]); it
/// is what the batch would encode itself.
#[derive(Clone, Debug)]
pub struct Journaled(Vec<u8>);

impl Journaled {
    /// The entry of `analysis`, derived by `version` from revision `rev`.
    pub fn reanalysis(rev: &crate::RevisionRecord, analysis: &crate::NewAnalysis, version: &str) -> Journaled {
        let entry = AnalysisRef {
            statements: StatementsRef(&analysis.statements),
            speakers: &analysis.speakers,
            analysis: version,
        };
        Journaled(reanalysis_entry(&rev.story, rev.number, rev.id, &entry))
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// Encode a pending entry of a revision's analysis derived again (an
/// [`Analysis`], owned or borrowed).
pub(crate) fn reanalysis_entry(story: &str, number: u32, id: Hash32, analysis: &impl Serialize) -> Vec<u8> {
    let analysis = codec::pack_at(&codec::to_bytes(analysis), None, JOURNAL_LEVEL);
    let r = Reanalyzed { story: story.to_string(), number, id, analysis, offset: 0 };
    frame(REANALYSIS, &codec::to_bytes(&r))
}

/// Encode a commit mark for the pending entries from `start` on.
pub(crate) fn commit_mark(start: u64) -> Vec<u8> {
    frame(COMMIT, &start.to_le_bytes())
}

/// One entry: header, kind and body, checksum.
fn frame(kind: u8, body: &[u8]) -> Vec<u8> {
    let mut payload = Vec::with_capacity(1 + body.len());
    payload.push(kind);
    payload.extend_from_slice(body);
    let len = (payload.len() as u32).to_le_bytes();
    let mut out = Vec::with_capacity(HEADER + payload.len() + TRAILER);
    out.extend_from_slice(&MAGIC);
    out.extend_from_slice(&len);
    out.extend_from_slice(&blake3::hash(&len).as_bytes()[..4]);
    out.extend_from_slice(&payload);
    out.extend_from_slice(&checksum(&len, &payload));
    out
}

fn checksum(len: &[u8], payload: &[u8]) -> [u8; TRAILER] {
    let mut h = blake3::Hasher::new_derive_key("claimtrail 2026-11 journal entry v1");
    h.update(len);
    h.update(payload);
    let mut out = [0; TRAILER];
    out.copy_from_slice(&h.finalize().as_bytes()[..TRAILER]);
    out
}

/// A damaged stretch of the journal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Damage {
    pub offset: u64,
    pub len: u64,
}

/// What reading the journal found.
#[derive(Debug, Default)]
pub struct Journal {
    /// Acknowledged revisions, in the order they were written.
    pub entries: Vec<Acknowledged>,
    /// Revisions written but never acknowledged (no commit mark): a crash
    /// cut their write short, before or after sled had them.
    pub pending: Vec<Acknowledged>,
    /// Acknowledged analyses derived again, in the order written.
    pub reanalyses: Vec<Reanalyzed>,
    pub damage: Vec<Damage>,
    /// Where the last whole entry ends (a torn tail starts here).
    pub end: u64,
    /// The file's length.
    pub len: u64,
}

impl Journal {
    /// Read the journal of the store in `dir` (empty if there is none).
    pub fn read(dir: &Path) -> std::io::Result<Journal> {
        let file = match File::open(dir.join(FILE)) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Journal::default()),
            Err(e) => return Err(e),
        };
        let len = file.metadata()?.len();
        let mut bytes = Vec::new();
        BufReader::new(file).read_to_end(&mut bytes)?;
        Ok(parse(&bytes, len))
    }
}

/// Parse journal bytes: whole entries, damaged stretches, and where the
/// last whole entry ends.
fn parse(bytes: &[u8], len: u64) -> Journal {
    let mut out = Journal { len, ..Journal::default() };
    let mut at = 0usize;
    // Where damage started, while resynchronising.
    let mut damaged_from: Option<usize> = None;
    // Pending entries awaiting their commit mark.
    let mut pending: Vec<Acknowledged> = Vec::new();
    let mut pending_analyses: Vec<Reanalyzed> = Vec::new();
    while at < bytes.len() {
        match read_entry(&bytes[at..]) {
            Found::Whole(item, size) => {
                if let Some(from) = damaged_from.take() {
                    out.damage.push(Damage { offset: from as u64, len: (at - from) as u64 });
                }
                let offset = at as u64;
                match item {
                    Some(Item::Acknowledged(ack)) => out.entries.push(Acknowledged { offset, ..ack }),
                    Some(Item::Pending(ack)) => pending.push(Acknowledged { offset, ..ack }),
                    Some(Item::Reanalysis(r)) => pending_analyses.push(Reanalyzed { offset, ..r }),
                    Some(Item::Commit(start)) => {
                        // What this write appended is acknowledged; pending
                        // entries before it were a write a crash cut short.
                        let (mine, stale): (Vec<_>, Vec<_>) = pending.drain(..).partition(|a| a.offset >= start);
                        out.entries.extend(mine);
                        out.pending.extend(stale);
                        out.reanalyses.extend(pending_analyses.drain(..).filter(|r| r.offset >= start));
                    }
                    None => {}
                }
                at += size;
                out.end = at as u64;
            }
            Found::Torn if damaged_from.is_none() && next_magic(bytes, at + 1).is_none() => {
                // The last append was cut short: never acknowledged.
                out.pending.extend(pending);
                return out;
            }
            Found::Torn | Found::Bad => {
                damaged_from.get_or_insert(at);
                match next_magic(bytes, at + 1) {
                    Some(next) => at = next,
                    None => at = bytes.len(),
                }
            }
        }
    }
    if let Some(from) = damaged_from {
        out.damage.push(Damage { offset: from as u64, len: (bytes.len() - from) as u64 });
        out.end = bytes.len() as u64;
    }
    out.pending.extend(pending);
    out
}

/// A whole entry's content.
enum Item {
    Acknowledged(Acknowledged),
    Pending(Acknowledged),
    Reanalysis(Reanalyzed),
    Commit(u64),
}

enum Found {
    /// A whole entry (`None` if its kind is unknown) and its size.
    Whole(Option<Item>, usize),
    /// The bytes end inside the entry.
    Torn,
    /// The entry is damaged.
    Bad,
}

fn read_entry(b: &[u8]) -> Found {
    if b.len() < HEADER {
        return if MAGIC.starts_with(&b[..b.len().min(8)]) { Found::Torn } else { Found::Bad };
    }
    if b[..8] != MAGIC {
        return Found::Bad;
    }
    let len_bytes = &b[8..12];
    if b[12..16] != blake3::hash(len_bytes).as_bytes()[..4] {
        return Found::Bad;
    }
    let len = u32::from_le_bytes(len_bytes.try_into().unwrap_or_default());
    if len > MAX_PAYLOAD {
        return Found::Bad;
    }
    let size = HEADER + len as usize + TRAILER;
    if b.len() < size {
        return Found::Torn;
    }
    let payload = &b[HEADER..HEADER + len as usize];
    if b[HEADER + len as usize..size] != checksum(len_bytes, payload) {
        return Found::Bad;
    }
    let item = match payload.split_first() {
        Some((&ACKNOWLEDGED, rest)) => codec::from_bytes(rest).map(Item::Acknowledged),
        Some((&PENDING, rest)) => codec::from_bytes(rest).map(Item::Pending),
        Some((&PENDING_DELTA, rest)) => codec::from_bytes::<DeltaEntry>(rest).map(|d| {
            let DeltaEntry { story, number, id, base, evidence } = d;
            Item::Pending(Acknowledged { story, number, id, evidence, offset: 0, base: Some(base) })
        }),
        Some((&REANALYSIS, rest)) => codec::from_bytes(rest).map(Item::Reanalysis),
        Some((&COMMIT, rest)) => <[u8; 8]>::try_from(rest).ok().map(|b| Item::Commit(u64::from_le_bytes(b))),
        _ => return Found::Whole(None, size),
    };
    match item {
        Some(item) => Found::Whole(Some(item), size),
        None => Found::Bad,
    }
}

fn next_magic(bytes: &[u8], from: usize) -> Option<usize> {
    bytes.get(from..)?.windows(MAGIC.len()).position(|w| w == MAGIC).map(|p| p + from)
}

/// Append encoded entries and fsync them. `end` is where the last whole
/// entry ends, if known from an earlier append by this process; a torn
/// tail after it is cut off first. Returns where the entries start and the
/// new end.
pub(crate) fn append(dir: &Path, end: Option<u64>, entries: &[u8]) -> std::io::Result<(u64, u64)> {
    let path = dir.join(FILE);
    let created = !path.exists();
    let mut file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&path)?;
    let end = match end {
        Some(end) => end,
        None => whole_end(&mut file)?,
    };
    if file.metadata()?.len() != end {
        file.set_len(end)?;
    }
    file.seek(SeekFrom::Start(end))?;
    file.write_all(entries)?;
    file.sync_data()?;
    if created {
        // The new file's name must survive a crash too.
        File::open(dir)?.sync_all()?;
    }
    Ok((end, end + entries.len() as u64))
}

/// Where the journal's whole entries end: its length, less a torn last
/// entry (a crash while appending, never acknowledged). Damage elsewhere
/// is kept for `verify` to report. Only the tail is read, from the last
/// entry's magic on: a write need not read the whole journal.
fn whole_end(file: &mut File) -> std::io::Result<u64> {
    let len = file.metadata()?.len();
    let mut from = len;
    let mut tail: Vec<u8> = Vec::new();
    let mut chunk = 1u64 << 16;
    loop {
        let start = from.saturating_sub(chunk);
        let mut more = vec![0; (from - start) as usize];
        file.seek(SeekFrom::Start(start))?;
        file.read_exact(&mut more)?;
        more.extend_from_slice(&tail);
        tail = more;
        from = start;
        if let Some(p) = tail.windows(MAGIC.len()).rposition(|w| w == MAGIC) {
            let at = from + p as u64;
            return Ok(match read_entry(&tail[p..]) {
                Found::Torn => at,
                Found::Whole(_, size) => {
                    // A few bytes of the next entry's magic are torn too.
                    let rest = &tail[p + size..];
                    if !rest.is_empty() && rest.len() < MAGIC.len() && MAGIC.starts_with(rest) {
                        at + size as u64
                    } else {
                        len
                    }
                }
                Found::Bad => len,
            });
        }
        if from == 0 {
            // No whole magic: empty, a torn first entry, or all damage.
            return Ok(if MAGIC.starts_with(&tail[..tail.len().min(MAGIC.len())]) && tail.len() < HEADER {
                0
            } else {
                len
            });
        }
        chunk *= 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn evidence() -> Evidence {
        Evidence {
            parent: None,
            captured_at: DateTime::from_timestamp(1_700_000_000, 0).unwrap(),
            source: "a.txt".into(),
            format: "text".into(),
            url: None,
            title: None,
            meta: BTreeMap::new(),
            raw: b"raw".to_vec(),
            text: "text".into(),
            statements: Vec::new(),
            speakers: Vec::new(),
            analysis: "test".into(),
        }
    }

    /// The entry of [`evidence`], as a write borrows it.
    fn entry_of(story: &str, number: u32, id: Hash32, e: &Evidence, statements: &[crate::NewStatement]) -> Vec<u8> {
        let borrowed = EvidenceRef {
            parent: e.parent,
            captured_at: e.captured_at,
            source: &e.source,
            format: &e.format,
            url: e.url.as_deref(),
            title: e.title.as_deref(),
            meta: &e.meta,
            raw: &e.raw,
            text: &e.text,
            statements: StatementsRef(statements),
            speakers: &e.speakers,
            analysis: &e.analysis,
        };
        entry(story, number, id, &borrowed, None)
    }

    /// Three writes of one revision each, committed.
    fn three() -> Vec<u8> {
        let mut out = Vec::new();
        for n in 1..=3u8 {
            let start = out.len() as u64;
            out.extend(entry_of("s", n.into(), Hash32([n; 32]), &evidence(), &[]));
            out.extend(commit_mark(start));
        }
        out
    }

    #[test]
    fn borrowed_evidence_is_written_as_the_owned_form() {
        // Salvage decodes entries as `Evidence`: the borrowed form a write
        // serialises must be the same bytes, statements and all.
        let occurrence = Occurrence {
            index: 3,
            paragraph: 1,
            statement: Hash32([7; 32]),
            speaker: Some("jane-doe".into()),
            mention: Some("Doe".into()),
            attribution: "direct".into(),
            cue: Some("said".into()),
            span: (10, 42),
        };
        let statements = vec![crate::NewStatement {
            occurrence: occurrence.clone(),
            content: "the bridge will open".into(),
            terms: vec!["bridge".into()],
            prints: vec![1, 2],
        }];
        let speaker = SpeakerRecord {
            id: "jane-doe".into(),
            name: "Jane Doe".into(),
            kind: "person".into(),
            anonymous: false,
            role: Some("mayor".into()),
            aliases: vec!["Doe".into()],
            anonymity_reason: None,
            lookup: vec!["doe".into()],
        };
        let mut owned = evidence();
        owned.parent = Some(Hash32([9; 32]));
        owned.url = Some("https://example.org/a".into());
        owned.title = Some("A".into());
        owned.meta.insert("byline".into(), "B".into());
        owned.statements = vec![(occurrence, "the bridge will open".into())];
        owned.speakers = vec![speaker];
        let from_owned = {
            let packed = codec::pack_at(&codec::to_bytes(&owned), None, JOURNAL_LEVEL);
            let ack = Acknowledged {
                story: "s".into(),
                number: 2,
                id: Hash32([2; 32]),
                evidence: packed,
                offset: 0,
                base: None,
            };
            frame(PENDING, &codec::to_bytes(&ack))
        };
        assert_eq!(entry_of("s", 2, Hash32([2; 32]), &owned, &statements), from_owned);
        let j = parse(&from_owned, 0);
        assert_eq!(j.pending[0].evidence(None).unwrap().statements, owned.statements);
    }

    /// A re-derived analysis, as a write batch borrows it.
    #[test]
    fn borrowed_analysis_is_written_as_the_owned_form() {
        let occurrences = vec![
            Occurrence {
                index: 0,
                paragraph: 2,
                statement: Hash32([5; 32]),
                speaker: Some("jane-doe".into()),
                mention: None,
                attribution: "direct".into(),
                cue: Some("said".into()),
                span: (4, 40),
            },
            Occurrence {
                index: 1,
                paragraph: 3,
                statement: Hash32([6; 32]),
                speaker: None,
                mention: None,
                attribution: "unattributed".into(),
                cue: None,
                span: (41, 90),
            },
        ];
        let contents = vec!["the bridge will open".to_string(), "it rained".to_string()];
        let speakers = vec![SpeakerRecord {
            id: "jane-doe".into(),
            name: "Jane Doe".into(),
            kind: "person".into(),
            anonymous: false,
            role: None,
            aliases: Vec::new(),
            anonymity_reason: None,
            lookup: Vec::new(),
        }];
        let owned = Analysis {
            statements: occurrences.iter().cloned().zip(contents.iter().cloned()).collect(),
            speakers: speakers.clone(),
            analysis: "v2".into(),
        };
        let borrowed =
            AnalysisRef { statements: PairsRef(&occurrences, &contents), speakers: &speakers, analysis: "v2" };
        // Salvage and recovery read entries as `Analysis`: the same bytes.
        assert_eq!(
            reanalysis_entry("s", 4, Hash32([4; 32]), &borrowed),
            reanalysis_entry("s", 4, Hash32([4; 32]), &owned)
        );
    }

    #[test]
    fn whole_entries_read_back() {
        let bytes = three();
        let j = parse(&bytes, bytes.len() as u64);
        assert_eq!(j.entries.iter().map(|e| e.number).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(j.damage.is_empty());
        assert_eq!(j.entries[2].evidence(None).unwrap().text, "text");
    }

    #[test]
    fn a_torn_tail_is_not_damage() {
        let bytes = three();
        let commit = commit_mark(0).len();
        for cut in 1..120 {
            let j = parse(&bytes[..bytes.len() - cut], 0);
            assert_eq!(j.entries.len(), 2, "cut {cut}");
            // Torn in the commit mark: the revision is whole but pending.
            assert_eq!(j.pending.len(), usize::from(cut <= commit), "cut {cut}");
            assert!(j.damage.is_empty(), "cut {cut}");
        }
    }

    #[test]
    fn a_write_finds_where_whole_entries_end_from_the_tail_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let bytes = three();
        for cut in 0..bytes.len() {
            let b = &bytes[..bytes.len() - cut];
            std::fs::write(&path, b).unwrap();
            let mut f = File::open(&path).unwrap();
            assert_eq!(whole_end(&mut f).unwrap(), parse(b, 0).end, "cut {cut}");
        }
        // Damage is kept, not cut.
        let mut b = bytes.clone();
        let last = b.len() - 3;
        b[last] ^= 1;
        std::fs::write(&path, &b).unwrap();
        assert_eq!(whole_end(&mut File::open(&path).unwrap()).unwrap(), b.len() as u64);
    }

    #[test]
    fn a_commit_mark_acknowledges_only_its_own_write() {
        // A write cut short before its commit mark, then another write.
        let mut bytes = entry_of("s", 1, Hash32([1; 32]), &evidence(), &[]);
        let start = bytes.len() as u64;
        bytes.extend(entry_of("s", 1, Hash32([2; 32]), &evidence(), &[]));
        bytes.extend(reanalysis_entry(
            "s",
            1,
            Hash32([2; 32]),
            &Analysis { statements: Vec::new(), speakers: Vec::new(), analysis: "again".into() },
        ));
        bytes.extend(commit_mark(start));
        let j = parse(&bytes, 0);
        assert_eq!(j.entries.iter().map(|e| e.id).collect::<Vec<_>>(), [Hash32([2; 32])]);
        assert_eq!(j.pending.iter().map(|e| e.id).collect::<Vec<_>>(), [Hash32([1; 32])]);
        assert_eq!(j.reanalyses.len(), 1);
        assert_eq!(j.reanalyses[0].analysis().unwrap().analysis, "again");
    }

    #[test]
    fn any_flipped_bit_costs_at_most_its_entry_and_is_reported() {
        let bytes = three();
        for bit in 0..bytes.len() * 8 {
            let mut b = bytes.clone();
            b[bit / 8] ^= 1 << (bit % 8);
            let j = parse(&b, 0);
            // A flip in a commit mark leaves its revision whole but pending.
            assert!(j.entries.len() >= 2, "bit {bit}");
            assert_eq!(j.entries.len() == 3, j.damage.is_empty(), "bit {bit}");
        }
    }
}
