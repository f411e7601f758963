//! The records the store keeps, in the domain's words. They are serialised
//! with postcard inside sealed envelopes ([`crate::hash::seal`], see
//! [`crate::codec`]); their identity never depends on that serialisation
//! (see [`crate::hash`]).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::hash::Hash32;

/// A story: a user-named sequence of revisions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoryRecord {
    pub id: String,
    pub url: Option<String>,
    pub title: Option<String>,
    /// How many revisions the story has (numbered 1..=revisions).
    pub revisions: u32,
    /// The id of the latest revision.
    pub head: Option<Hash32>,
    pub last_captured_at: Option<DateTime<Utc>>,
}

/// One revision of a story. `id` is computed over the evidence fields
/// (see [`crate::hash`]); everything derived from the text lives in the
/// revision's [`Occurrence`] list instead.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RevisionRecord {
    pub story: String,
    pub number: u32,
    pub id: Hash32,
    pub parent: Option<Hash32>,
    pub captured_at: DateTime<Utc>,
    /// A file path, `-` for standard input, or a URL.
    pub source: String,
    /// How the raw bytes were read: text, markdown or html.
    pub format: String,
    /// The raw input bytes, as given (the evidence).
    pub raw: Hash32,
    pub raw_len: u64,
    /// The normalised text statements were extracted from.
    pub text: Hash32,
    pub text_len: u64,
    /// The text equals that of this earlier revision (A → B → A).
    pub revert_of: Option<u32>,
    /// Document metadata the reader found (title, published time, ...).
    #[serde(default)]
    pub meta: BTreeMap<String, String>,
}

/// [`RevisionRecord`] decoded without copying its strings or building its
/// metadata map: the same fields in the same order (postcard is
/// positional; a map is written as a sequence of pairs), every one decoded
/// so a damaged record fails as it does through [`RevisionRecord`]. Only
/// `captured_at` and `meta` are read (see [`crate::Store::revision_stamp`]).
#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct RevisionView<'a> {
    #[serde(borrow)]
    pub story: &'a str,
    pub number: u32,
    pub id: Hash32,
    pub parent: Option<Hash32>,
    pub captured_at: DateTime<Utc>,
    #[serde(borrow)]
    pub source: &'a str,
    #[serde(borrow)]
    pub format: &'a str,
    pub raw: Hash32,
    pub raw_len: u64,
    pub text: Hash32,
    pub text_len: u64,
    pub revert_of: Option<u32>,
    #[serde(borrow, default)]
    pub meta: Vec<(&'a str, &'a str)>,
}

/// One statement as it occurs in one revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    pub index: u32,
    pub paragraph: u32,
    /// The statement's content hash.
    pub statement: Hash32,
    /// The speaker's id, if the statement is attributed.
    pub speaker: Option<String>,
    /// How the text named the speaker here ("he").
    pub mention: Option<String>,
    pub attribution: String,
    pub cue: Option<String>,
    /// Byte range of the source sentence(s) in the revision's text.
    pub span: (u64, u64),
}

/// A speaker as known across all stories (anonymous sources are scoped to
/// their story by the caller's choice of id).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRecord {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub anonymous: bool,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub anonymity_reason: Option<String>,
    /// Keys by which queries find this speaker (the caller's normalised
    /// names, surnames, ...). Written to the name index when recorded; not
    /// part of the record itself.
    #[serde(skip)]
    pub lookup: Vec<String>,
}

impl SpeakerRecord {
    /// Fold what a new revision says about this speaker into the record.
    /// Returns whether anything changed.
    pub fn merge(&mut self, other: &SpeakerRecord) -> bool {
        // Every revision merges each of its speakers (most change nothing):
        // changes are noted as made, not found by comparing with a copy.
        let mut changed = false;
        for alias in std::iter::once(&other.name).chain(&other.aliases) {
            if alias != &self.name && !self.aliases.contains(alias) {
                self.aliases.push(alias.clone());
                changed = true;
            }
        }
        if self.role.is_none() && other.role.is_some() {
            self.role.clone_from(&other.role);
            changed = true;
        }
        if self.anonymity_reason.is_none() && other.anonymity_reason.is_some() {
            self.anonymity_reason.clone_from(&other.anonymity_reason);
            changed = true;
        }
        changed
    }
}

/// What a revision's analysis was and who produced it. Written with the
/// revision and replaced only by `reanalyze`; the speakers are as this
/// revision named them, so recording another story never changes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisRecord {
    /// The analysis version (the caller's) that produced it.
    pub version: String,
    /// The revision's speakers as it recorded them, by id.
    pub speakers: Vec<SpeakerRecord>,
    /// See [`crate::hash`]: over the revision id, version, metadata,
    /// statement list and speakers.
    pub digest: Hash32,
    /// The story's analysis chain up to this revision.
    pub chain: Hash32,
}

/// A statement's content, stored once however often it occurs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatementRecord {
    pub content: String,
}

/// A URL that `track` watches.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchRecord {
    /// The canonical URL (no fragment, no `utm_*` parameters).
    pub url: String,
    pub story: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub last_check: Option<DateTime<Utc>>,
    pub last_change: Option<DateTime<Utc>>,
    pub next_check: Option<DateTime<Utc>>,
    /// The current interval between checks, in seconds (grows while the
    /// page stays the same).
    pub interval_secs: u64,
    pub failures: u32,
    /// A feed or sitemap, whose entries are watched as pages of their own
    /// (not `kind`: export lines are tagged with that name).
    #[serde(default)]
    pub is_feed: bool,
    /// The feed or sitemap that listed this page.
    #[serde(default)]
    pub feed: Option<String>,
    /// When the article was published, as its feed or page says: checks
    /// thin out as it ages.
    #[serde(default)]
    pub published: Option<DateTime<Utc>>,
    /// The first check, standing in for `published` when none is known.
    #[serde(default)]
    pub first_seen: Option<DateTime<Utc>>,
    /// Checks in a row that found no change.
    #[serde(default)]
    pub unchanged: u32,
    /// The shortest interval (--every), in seconds.
    #[serde(default)]
    pub base_secs: u64,
    /// No more checks are scheduled (the article is old, or robots.txt
    /// forbids it); `reason` says why.
    #[serde(default)]
    pub stopped: bool,
    /// Why the next check is when it is, for `track --list`.
    #[serde(default)]
    pub reason: Option<String>,
    /// A feed's entries at its last check (canonical URLs).
    #[serde(default)]
    pub entries: Vec<String>,
}

impl WatchRecord {
    /// A watch that has never been checked.
    pub fn new(url: &str, story: &str) -> WatchRecord {
        WatchRecord {
            url: url.to_string(),
            story: story.to_string(),
            etag: None,
            last_modified: None,
            last_check: None,
            last_change: None,
            next_check: None,
            interval_secs: 0,
            failures: 0,
            is_feed: false,
            feed: None,
            published: None,
            first_seen: None,
            unchanged: 0,
            base_secs: 0,
            stopped: false,
            reason: None,
            entries: Vec::new(),
        }
    }
}

/// A watch as stores wrote it before the fields that follow `failures`
/// (postcard is positional: old records need their old shape to be read).
#[derive(Deserialize)]
pub(crate) struct WatchRecordV1 {
    url: String,
    story: String,
    etag: Option<String>,
    last_modified: Option<String>,
    last_check: Option<DateTime<Utc>>,
    last_change: Option<DateTime<Utc>>,
    next_check: Option<DateTime<Utc>>,
    interval_secs: u64,
    failures: u32,
}

impl From<WatchRecordV1> for WatchRecord {
    fn from(w: WatchRecordV1) -> WatchRecord {
        WatchRecord {
            etag: w.etag,
            last_modified: w.last_modified,
            last_check: w.last_check,
            last_change: w.last_change,
            next_check: w.next_check,
            interval_secs: w.interval_secs,
            failures: w.failures,
            ..WatchRecord::new(&w.url, &w.story)
        }
    }
}

/// One look at a story's source that did not necessarily make a revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub at: DateTime<Utc>,
    pub source: String,
    /// `changed` (a revision was recorded), `unchanged`, `not_modified`
    /// (HTTP 304), `noise` (only whitespace, timestamps or boilerplate
    /// changed) or `error`.
    pub outcome: String,
    /// The revision recorded, or the latest one the check compared with.
    pub revision: Option<u32>,
    pub detail: Option<String>,
    /// The raw page this check saw, kept as a blob when it differed from
    /// the latest revision but made none (noise is evidence too).
    #[serde(default)]
    pub raw: Option<crate::Hash32>,
}

/// A check as stores before `raw` wrote it (postcard is positional, so an
/// added field needs the old shape to read old records).
#[derive(Deserialize)]
pub(crate) struct CheckRecordV1 {
    at: DateTime<Utc>,
    source: String,
    outcome: String,
    revision: Option<u32>,
    detail: Option<String>,
}

impl From<CheckRecordV1> for CheckRecord {
    fn from(c: CheckRecordV1) -> CheckRecord {
        CheckRecord {
            at: c.at,
            source: c.source,
            outcome: c.outcome,
            revision: c.revision,
            detail: c.detail,
            raw: None,
        }
    }
}

/// How a statement came into a revision, as the caller's claim diff against
/// the parent revision says (`how`: added, restored, reworded,
/// quote_changed, reattributed; `from`: the statement it replaces).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Arrival {
    pub how: String,
    pub from: Option<Hash32>,
}

/// What became of a statement in the first revision without it, as the
/// caller's claim diff says (`how`: removed, reworded, quote_changed,
/// reattributed; `into`: what replaced it; `to`: the new speaker's name).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fate {
    pub how: String,
    pub into: Option<Hash32>,
    pub to: Option<String>,
}

/// A statement's stay in a story: present with the same speaker in every
/// revision from `first` to `last` (`None`: still in the latest one).
/// Indexes keep runs, not every place, so a revision that changes a few
/// statements writes a few index entries.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Run {
    pub story: String,
    pub statement: Hash32,
    pub speaker: Option<String>,
    pub first: u32,
    pub last: Option<u32>,
    /// As recorded in `first`.
    pub attribution: String,
    pub mention: Option<String>,
    /// The revision its claim first appeared in, through edits (blame).
    pub introduced: u32,
    /// How it came in at `first`.
    pub how: String,
    /// What became of it after `last`.
    pub fate: Option<Fate>,
}

impl Run {
    /// Whether revision `number` holds it (for an open run, any revision
    /// from `first` to the story's latest).
    pub fn holds(&self, number: u32) -> bool {
        self.first <= number && self.last.is_none_or(|l| number <= l)
    }
}

/// A run as a query that reads thousands of them needs it: where it starts
/// and how it was attributed there, borrowed from the index entry (see
/// [`crate::Store::first_runs_of`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunHead<'a> {
    pub story: &'a str,
    pub speaker: Option<&'a str>,
    pub first: u32,
    pub attribution: &'a str,
    /// When revision `first` was captured and the kind of primary source
    /// it was recorded as (its [`crate::PRIMARY`] metadata), as its record
    /// says: `None` for an entry written by a claimtrail that did not keep
    /// them there (read the revision instead, [`crate::Store::revision_stamp`]).
    pub stamp: Option<(DateTime<Utc>, Option<&'a str>)>,
}

/// What a statement-index entry keeps after its [`RunValue`]: the capture
/// time and primary-source kind of the revision the run starts in, copied
/// from that revision's record when the run is opened. A query ordering
/// thousands of copies of a quote by capture time then reads them with the
/// runs it scans anyway, instead of one revision record per copy.
///
/// It is derived (revision records are never rewritten, so it cannot go
/// stale) and optional: an entry without it (written before it existed,
/// or closed by such a claimtrail) is still whole, and readers fall back
/// to the revision record. postcard reads a value from the front of its
/// bytes and ignores what follows, so older claimtrails read these entries
/// as they always did. The time is kept as seconds and nanoseconds, exact,
/// rather than chrono's text form, so reading it parses nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RunStamp<'a> {
    pub secs: i64,
    pub nanos: u32,
    #[serde(borrow)]
    pub primary: Option<&'a str>,
}

impl<'a> RunStamp<'a> {
    /// The stamp of revision `rev`.
    pub fn of(rev: &'a RevisionRecord) -> RunStamp<'a> {
        RunStamp {
            secs: rev.captured_at.timestamp(),
            nanos: rev.captured_at.timestamp_subsec_nanos(),
            primary: rev.meta.get(crate::PRIMARY).map(String::as_str),
        }
    }

    /// The capture time it holds (`None`: out of chrono's range, which no
    /// stamp written from a record is).
    pub fn captured_at(&self) -> Option<DateTime<Utc>> {
        DateTime::from_timestamp(self.secs, self.nanos)
    }
}

/// [`RunValue`] decoded without copying its strings: the same fields in
/// the same order (postcard is positional), every one decoded so a damaged
/// entry fails as it does through [`RunValue`]. Only `attribution` is read;
/// the rest are decoded to check the entry whole.
#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct RunValueView<'a> {
    pub last: Option<u32>,
    #[serde(borrow)]
    pub attribution: &'a str,
    #[serde(borrow)]
    pub mention: Option<&'a str>,
    pub introduced: u32,
    #[serde(borrow)]
    pub how: &'a str,
    #[serde(borrow)]
    pub fate: Option<FateView<'a>>,
}

/// [`Fate`] as [`RunValueView`] decodes it (decoded, not read).
#[derive(Deserialize)]
#[allow(dead_code)]
pub(crate) struct FateView<'a> {
    #[serde(borrow)]
    pub how: &'a str,
    pub into: Option<Hash32>,
    #[serde(borrow)]
    pub to: Option<&'a str>,
}

/// The value of a run's index entries (the key holds story, statement,
/// speaker and first revision).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct RunValue {
    pub last: Option<u32>,
    pub attribution: String,
    pub mention: Option<String>,
    pub introduced: u32,
    pub how: String,
    pub fate: Option<Fate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A revision's view reads what the owned record wrote: its capture
    /// time and every metadata pair, in the map's order.
    #[test]
    fn a_revision_reads_the_same_through_its_view() {
        let at = "2026-03-04T05:06:07.123Z".parse::<DateTime<Utc>>().expect("a time");
        for meta in
            [BTreeMap::new(), BTreeMap::from([("primary".into(), "transcript".into()), ("title".into(), "A".into())])]
        {
            let rec = RevisionRecord {
                story: "harbour-fire".into(),
                number: 3,
                id: Hash32([1; 32]),
                parent: Some(Hash32([2; 32])),
                captured_at: at,
                source: "https://news.example/fire".into(),
                format: "html".into(),
                raw: Hash32([3; 32]),
                raw_len: 1200,
                text: Hash32([4; 32]),
                text_len: 800,
                revert_of: Some(1),
                meta,
            };
            let bytes = crate::codec::to_bytes(&rec);
            let view: RevisionView<'_> = crate::codec::from_bytes(&bytes).expect("decodes");
            assert_eq!((view.story, view.number, view.captured_at), ("harbour-fire", 3, at));
            let pairs: Vec<(&str, &str)> = rec.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(view.meta, pairs);
            let cut = &bytes[..bytes.len() - 1];
            assert!(crate::codec::from_bytes::<RevisionRecord>(cut).is_none());
            assert!(crate::codec::from_bytes::<RevisionView<'_>>(cut).is_none());
        }
    }

    /// The borrowed view reads what the owned value wrote, field for field
    /// (postcard is positional: a field out of order would misread).
    #[test]
    fn a_run_value_reads_the_same_through_its_view() {
        for fate in
            [None, Some(Fate { how: "reworded".into(), into: Some(Hash32([7; 32])), to: Some("Ana Ruiz".into()) })]
        {
            let value = RunValue {
                last: Some(4),
                attribution: "indirect".into(),
                mention: Some("the minister".into()),
                introduced: 2,
                how: "added".into(),
                fate,
            };
            let bytes = crate::codec::to_bytes(&value);
            let view: RunValueView<'_> = crate::codec::from_bytes(&bytes).expect("decodes");
            assert_eq!(view.attribution, "indirect");
            assert_eq!(
                (view.last, view.mention, view.introduced, view.how),
                (Some(4), Some("the minister"), 2, "added")
            );
            assert_eq!(
                view.fate.map(|f| (f.how, f.into, f.to)),
                value.fate.as_ref().map(|f| (f.how.as_str(), f.into, f.to.as_deref()))
            );
            // A damaged entry fails through the view as through the value.
            let cut = &bytes[..bytes.len() - 1];
            assert!(crate::codec::from_bytes::<RunValue>(cut).is_none());
            assert!(crate::codec::from_bytes::<RunValueView<'_>>(cut).is_none());
        }
    }
}
