//! A statement's trail through a story: the revisions it occurs in, and
//! what became of it.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use claimtrail_store::{Hash32, Location, Occurrence, RevisionRecord, Store};
use serde::Serialize;

use crate::error::CliError;

/// What became of a statement by a story's latest revision.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Status {
    /// In the latest revision.
    Current,
    /// Gone from `revision` on, with nothing that replaces it.
    Removed { revision: u32 },
    /// Replaced in `revision` by an edited version (`into` is its hash).
    Reworded { revision: u32, into: String, quote_changed: bool },
    /// Replaced in `revision` by a version with another speaker.
    Reattributed { revision: u32, into: String, to: Option<String> },
}

impl Status {
    pub fn describe(&self) -> String {
        match self {
            Status::Current => "current".into(),
            Status::Removed { revision } => format!("removed in rev {revision}"),
            Status::Reworded { revision, quote_changed: true, .. } => format!("quote changed in rev {revision}"),
            Status::Reworded { revision, .. } => format!("reworded in rev {revision}"),
            Status::Reattributed { revision, to, .. } => {
                format!("reattributed to {} in rev {revision}", to.as_deref().unwrap_or("no one"))
            }
        }
    }
}

/// One statement in one story.
#[derive(Clone, Debug, Serialize)]
pub struct Trail {
    pub story: String,
    pub hash: String,
    pub content: String,
    pub speaker: Option<String>,
    pub mention: Option<String>,
    pub attribution: String,
    /// Revision numbers it occurs in, ascending.
    pub revisions: Vec<u32>,
    pub first_seen: u32,
    pub last_seen: u32,
    pub first_captured_at: DateTime<Utc>,
    pub status: Status,
}

impl Trail {
    /// The revisions it was seen in, as people read them: "2" or "1–3".
    pub fn revisions_label(&self) -> String {
        if self.first_seen == self.last_seen {
            self.first_seen.to_string()
        } else {
            format!("{}–{}", self.first_seen, self.last_seen)
        }
    }
}

/// The store seen by one query, with what it has read cached.
#[derive(Debug)]
pub struct View<'s> {
    pub store: &'s Store,
    /// Latest revision number of each story read.
    latest: HashMap<String, u32>,
    revisions: HashMap<(String, u32), Option<RevisionRecord>>,
    occurrences: HashMap<(String, u32), Vec<Occurrence>>,
    contents: HashMap<Hash32, String>,
    fates: crate::query::lineage::Fates,
}

impl<'s> View<'s> {
    pub fn new(store: &'s Store) -> View<'s> {
        View {
            store,
            latest: HashMap::new(),
            revisions: HashMap::new(),
            occurrences: HashMap::new(),
            contents: HashMap::new(),
            fates: Default::default(),
        }
    }

    /// The number of a story's latest revision (0 for no story).
    pub fn latest(&mut self, story: &str) -> Result<u32, CliError> {
        if let Some(n) = self.latest.get(story) {
            return Ok(*n);
        }
        let n = self.store.story(story)?.map_or(0, |s| s.revisions);
        self.latest.insert(story.to_string(), n);
        Ok(n)
    }

    /// One revision, read once per query (point reads: a story may have
    /// many revisions and a query needs few of them).
    pub fn revision(&mut self, story: &str, number: u32) -> Result<Option<RevisionRecord>, CliError> {
        let key = (story.to_string(), number);
        if let Some(r) = self.revisions.get(&key) {
            return Ok(r.clone());
        }
        let r = self.store.revision(story, number)?;
        self.revisions.insert(key, r.clone());
        Ok(r)
    }

    /// The statements of one revision.
    pub fn occurrences(&mut self, story: &str, number: u32) -> Result<&[Occurrence], CliError> {
        let key = (story.to_string(), number);
        if !self.occurrences.contains_key(&key) {
            let list = match self.revision(story, number)? {
                Some(rev) => self.store.occurrences(&rev)?,
                None => Vec::new(),
            };
            self.occurrences.insert(key.clone(), list);
        }
        Ok(&self.occurrences[&key])
    }

    pub fn content(&mut self, hash: &Hash32) -> Result<String, CliError> {
        if let Some(c) = self.contents.get(hash) {
            return Ok(c.clone());
        }
        let c = self.store.statement(hash)?.map(|s| s.content).unwrap_or_default();
        self.contents.insert(*hash, c.clone());
        Ok(c)
    }

    /// Group located statements into one trail per (story, statement).
    pub fn trails(&mut self, located: impl IntoIterator<Item = (Location, Hash32)>) -> Result<Vec<Trail>, CliError> {
        Ok(self.trails_where(located, 0, |_| true)?.0)
    }

    /// Like [`View::trails`], keeping only trails that pass `keep`, and at
    /// most `limit` of them (0: all) in story and first-seen order; says
    /// whether any were left out. Only the kept trails are worked out in
    /// full, so a limited query on a prolific speaker stays fast.
    pub fn trails_where(
        &mut self,
        located: impl IntoIterator<Item = (Location, Hash32)>,
        limit: usize,
        keep: impl Fn(&Trail) -> bool,
    ) -> Result<(Vec<Trail>, bool), CliError> {
        let mut groups: BTreeMap<(String, Hash32), Vec<Location>> = BTreeMap::new();
        for (loc, hash) in located {
            groups.entry((loc.story.clone(), hash)).or_default().push(loc);
        }
        let mut ordered: Vec<((String, Hash32), Vec<Location>)> = groups.into_iter().collect();
        for (_, locs) in &mut ordered {
            locs.sort();
        }
        ordered.sort_by(|a, b| (&a.0.0, a.1[0].revision, &a.0.1).cmp(&(&b.0.0, b.1[0].revision, &b.0.1)));
        let mut out = Vec::new();
        let mut truncated = false;
        for ((story, hash), locs) in ordered {
            if limit > 0 && out.len() == limit {
                truncated = true;
                break;
            }
            let first = locs[0].clone();
            let last = locs[locs.len() - 1].clone();
            let occ = self.occurrences(&story, last.revision)?.iter().find(|o| o.index == last.index).cloned();
            let latest = self.latest(&story)?;
            let first_captured_at = self
                .revision(&story, first.revision)?
                .map(|r| r.captured_at)
                .ok_or_else(|| CliError::new(format!("revision {} of {story:?} is missing", first.revision)))?;
            let status = if last.revision == latest {
                Status::Current
            } else {
                self.fates.fate(self.store, &story, &hash, last.revision)?
            };
            let mut revisions: Vec<u32> = locs.iter().map(|l| l.revision).collect();
            revisions.dedup();
            let trail = Trail {
                story: story.clone(),
                hash: hash.to_hex(),
                content: self.content(&hash)?,
                speaker: occ.as_ref().and_then(|o| o.speaker.clone()),
                mention: occ.as_ref().and_then(|o| o.mention.clone()),
                attribution: occ.as_ref().map_or_else(String::new, |o| o.attribution.clone()),
                revisions,
                first_seen: first.revision,
                last_seen: last.revision,
                first_captured_at,
                status,
            };
            if keep(&trail) {
                out.push(trail);
            }
        }
        out.sort_by(|a, b| (&a.story, a.first_seen, &a.content).cmp(&(&b.story, b.first_seen, &b.content)));
        Ok((out, truncated))
    }
}
