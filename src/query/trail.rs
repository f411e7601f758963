//! A statement's trail through a story: the revisions it occurs in, and
//! what became of it.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use claimtrail_store::{Ahead, Hash32, RevisionRecord, Run, Store};
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
    /// The speaker's name as the story recorded it (`who` fills it in, so
    /// each report's own spelling shows).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub named: Option<String>,
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
    contents: HashMap<Hash32, String>,
}

impl<'s> View<'s> {
    pub fn new(store: &'s Store) -> View<'s> {
        View { store, latest: HashMap::new(), revisions: HashMap::new(), contents: HashMap::new() }
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

    pub fn content(&mut self, hash: &Hash32) -> Result<String, CliError> {
        if let Some(c) = self.contents.get(hash) {
            return Ok(c.clone());
        }
        let c = self.store.statement(hash)?.map(|s| s.content).unwrap_or_default();
        self.contents.insert(*hash, c.clone());
        Ok(c)
    }

    /// The last revision of a run (the story's latest for an open one).
    pub fn last(&mut self, run: &Run) -> Result<u32, CliError> {
        match run.last {
            Some(l) => Ok(l),
            None => self.latest(&run.story),
        }
    }

    /// Whether any revision of the run was captured within the bounds.
    pub fn captured_within(
        &mut self,
        run: &Run,
        since: Option<DateTime<Utc>>,
        until: Option<DateTime<Utc>>,
    ) -> Result<bool, CliError> {
        if since.is_none() && until.is_none() {
            return Ok(true);
        }
        let last = self.last(run)?;
        for n in run.first..=last {
            let at = self.revision(&run.story, n)?.map(|r| r.captured_at);
            if at.is_some_and(|t| since.is_none_or(|s| t >= s) && until.is_none_or(|u| t <= u)) {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Group runs into one trail per (story, statement).
    pub fn trails(&mut self, runs: impl IntoIterator<Item = Run>) -> Result<Vec<Trail>, CliError> {
        Ok(self.trails_where(runs, 0, |_| true)?.0)
    }

    /// Like [`View::trails`], keeping only trails that pass `keep`, and at
    /// most `limit` of them (0: all) in story and first-seen order; says
    /// whether any were left out. Only the kept trails are worked out in
    /// full, so a limited query on a prolific speaker stays fast.
    pub fn trails_where(
        &mut self,
        runs: impl IntoIterator<Item = Run>,
        limit: usize,
        keep: impl Fn(&Trail) -> bool,
    ) -> Result<(Vec<Trail>, bool), CliError> {
        let mut groups: BTreeMap<(String, Hash32), Vec<Run>> = BTreeMap::new();
        for run in runs {
            groups.entry((run.story.clone(), run.statement)).or_default().push(run);
        }
        let mut ordered: Vec<((String, Hash32), Vec<Run>)> = groups.into_iter().collect();
        for (_, runs) in &mut ordered {
            runs.sort_by_key(|r| r.first);
        }
        ordered.sort_by(|a, b| (&a.0.0, a.1[0].first, &a.0.1).cmp(&(&b.0.0, b.1[0].first, &b.0.1)));
        let mut out = Vec::new();
        let mut truncated = false;
        // What each trail reads (its story, first revision and content),
        // fetched a chunk of trails at a time: on a server that is a few
        // round trips per chunk instead of three per trail, and a limited
        // query reads little past its limit.
        let chunk = if limit > 0 { limit.clamp(16, 256) } else { 256 };
        for (at, ((story, hash), runs)) in ordered.iter().enumerate() {
            if limit > 0 && out.len() == limit {
                truncated = true;
                break;
            }
            if at % chunk == 0 {
                let mut ahead = Vec::new();
                for ((story, hash), runs) in &ordered[at..(at + chunk).min(ordered.len())] {
                    ahead.extend([Ahead::Story(story), Ahead::Revision(story, runs[0].first), Ahead::Statement(hash)]);
                }
                self.store.read_ahead(&ahead)?;
            }
            let (story, hash) = (story.clone(), *hash);
            let latest = self.latest(&story)?;
            let mut revisions: Vec<u32> = Vec::new();
            for r in runs {
                revisions.extend(r.first..=r.last.unwrap_or(latest).max(r.first));
            }
            revisions.sort_unstable();
            revisions.dedup();
            let first_seen = revisions[0];
            let last_seen = revisions[revisions.len() - 1];
            // What the text said last: the run holding the last revision.
            let Some(now) = runs.iter().rev().find(|r| r.holds(last_seen)).or(runs.last()) else { continue };
            let status =
                if runs.iter().any(|r| r.last.is_none()) { Status::Current } else { status_of(now, last_seen + 1) };
            let first_captured_at = self
                .revision(&story, first_seen)?
                .map(|r| r.captured_at)
                .ok_or_else(|| CliError::new(format!("revision {first_seen} of {story:?} is missing")))?;
            let trail = Trail {
                story: story.clone(),
                hash: hash.to_hex(),
                content: self.content(&hash)?,
                speaker: now.speaker.clone(),
                mention: now.mention.clone(),
                named: None,
                attribution: now.attribution.clone(),
                revisions,
                first_seen,
                last_seen,
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

/// What became of a closed run, in revision `next` (the first without it).
fn status_of(run: &Run, next: u32) -> Status {
    let into = |f: &claimtrail_store::Fate| f.into.map(|h| h.to_hex()).unwrap_or_default();
    match &run.fate {
        // A reframed claim lives on under another frame, as a reworded one.
        Some(f) if f.how == "reworded" || f.how == "quote_changed" || f.how == "reframed" => {
            Status::Reworded { revision: next, into: into(f), quote_changed: f.how == "quote_changed" }
        }
        Some(f) if f.how == "reattributed" => Status::Reattributed { revision: next, into: into(f), to: f.to.clone() },
        _ => Status::Removed { revision: next },
    }
}
