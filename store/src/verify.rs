//! `verify`: recompute every hash, walk every chain, check every record's
//! envelope and every index entry, and say exactly what is wrong where.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::error::Result;
use crate::hash::{self, Hash32};
use crate::records::{Occurrence, RevisionRecord, StoryRecord};
use crate::{Store, decode, keys};

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
    pub problems: Vec<Problem>,
}

impl VerifyReport {
    pub fn ok(&self) -> bool {
        self.problems.is_empty()
    }

    fn problem(&mut self, story: Option<&str>, revision: Option<u32>, detail: impl Into<String>) {
        self.problems.push(Problem { story: story.map(str::to_string), revision, detail: detail.into() });
    }
}

pub(crate) fn verify(store: &Store, statement_hash: &dyn Fn(&str) -> String) -> Result<VerifyReport> {
    let mut report = VerifyReport::default();
    // Which revisions use each blob, to name them when a blob is damaged.
    let mut blob_users: HashMap<Hash32, Vec<(String, u32)>> = HashMap::new();
    let mut revisions: HashMap<(String, u32), Hash32> = HashMap::new();
    let mut texts: HashMap<(String, u32), Hash32> = HashMap::new();
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

    for (id, story) in &stories {
        let mut expected_parent: Option<Hash32> = None;
        let mut expected_number = 1u32;
        for kv in store.scan(&keys::revisions_of(id)) {
            let (k, v) = kv?;
            let key_number = k.len().checked_sub(4).map(|at| u32::from_be_bytes(k[at..].try_into().unwrap_or([0; 4])));
            report.revisions += 1;
            let Some(rev) = decode::<RevisionRecord>(keys::REVISION, &v) else {
                report.problem(Some(id), key_number, "the revision record fails its checksum");
                expected_number += 1;
                expected_parent = None;
                continue;
            };
            check_revision(&mut report, &rev, key_number, expected_number, expected_parent);
            for blob in [rev.raw, rev.text] {
                blob_users.entry(blob).or_default().push((id.clone(), rev.number));
            }
            check_occurrences(store, &mut report, &rev)?;
            revisions.insert((id.clone(), rev.number), rev.id);
            texts.insert((id.clone(), rev.number), rev.text);
            match store.get(&keys::revision_by_id(&rev.id))? {
                Some(loc) if loc[..] == crate::location_value(id, rev.number)[..] => {}
                _ => {
                    report.problem(Some(id), Some(rev.number), "the revision-id index does not point at this revision")
                }
            }
            expected_parent = Some(rev.id);
            expected_number = key_number.unwrap_or(expected_number) + 1;
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

    for kv in store.scan(&[keys::BLOB]) {
        let (k, v) = kv?;
        report.blobs += 1;
        let Some(id) = Hash32::from_slice(&k[1..]) else {
            report.problem(None, None, "a blob key is malformed");
            continue;
        };
        if hash::blob_id(&v) != id {
            let users = blob_users.get(&id).cloned().unwrap_or_default();
            if users.is_empty() {
                report.problem(None, None, format!("blob {} does not match its hash", id.short()));
            }
            for (story, number) in users {
                report.problem(Some(&story), Some(number), format!("blob {} does not match its hash", id.short()));
            }
        }
        blob_users.remove(&id);
    }
    for (id, users) in blob_users {
        for (story, number) in users {
            report.problem(Some(&story), Some(number), format!("blob {} is missing", id.short()));
        }
    }

    let mut statements = HashSet::new();
    for kv in store.scan(&[keys::STATEMENT]) {
        let (k, v) = kv?;
        report.statements += 1;
        let Some(h) = Hash32::from_slice(&k[1..]) else {
            report.problem(None, None, "a statement key is malformed");
            continue;
        };
        let detail = match decode::<crate::StatementRecord>(keys::STATEMENT, &v) {
            Some(st) if statement_hash(&st.content) == h.to_hex() => {
                statements.insert(h);
                continue;
            }
            Some(_) => format!("statement {} does not match its hash", h.short()),
            None => format!("statement {} fails its checksum", h.short()),
        };
        // Name every revision the damaged statement occurs in.
        let mut named = false;
        for loc in store.occurrences_of(&h)? {
            report.problem(Some(&loc.story), Some(loc.revision), format!("{detail} (statement {})", loc.index));
            named = true;
        }
        if !named {
            report.problem(None, None, detail);
        }
    }

    let mut speakers = HashSet::new();
    for kv in store.scan(&[keys::SPEAKER]) {
        let (k, v) = kv?;
        report.speakers += 1;
        let id = String::from_utf8_lossy(&k[1..]).into_owned();
        match decode::<crate::SpeakerRecord>(keys::SPEAKER, &v) {
            Some(sp) if sp.id == id => {
                speakers.insert(id);
            }
            _ => {
                let detail = format!("the record of speaker {id:?} fails its checksum");
                let mut named = BTreeSet::new();
                for (loc, _) in store.statements_by_speaker(&id)? {
                    named.insert((loc.story, loc.revision));
                }
                if named.is_empty() {
                    report.problem(None, None, detail.clone());
                }
                for (story, number) in named {
                    report.problem(Some(&story), Some(number), detail.clone());
                }
            }
        }
    }

    check_indexes(store, &mut report, &revisions, &texts, &statements, &speakers)?;
    report.problems.sort_by(|a, b| (&a.story, a.revision).cmp(&(&b.story, b.revision)));
    report.problems.dedup();
    Ok(report)
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

fn check_occurrences(store: &Store, report: &mut VerifyReport, rev: &RevisionRecord) -> Result<()> {
    let story = Some(rev.story.as_str());
    let Some(v) = store.get(&keys::occurrences(&rev.story, rev.number))? else {
        report.problem(story, Some(rev.number), "its statement list is missing");
        return Ok(());
    };
    let Some(list) = decode::<Vec<Occurrence>>(keys::OCCURRENCES, &v) else {
        report.problem(story, Some(rev.number), "its statement list fails its checksum");
        return Ok(());
    };
    for o in &list {
        if o.span.0 > o.span.1 || o.span.1 > rev.text_len {
            report.problem(story, Some(rev.number), format!("statement {} has a span outside the text", o.index));
        }
        if store.get(&keys::statement(&o.statement))?.is_none() {
            report.problem(
                story,
                Some(rev.number),
                format!("statement {} ({}) is missing", o.index, o.statement.short()),
            );
        }
        if let Some(sp) = &o.speaker
            && store.get(&keys::speaker(sp))?.is_none()
        {
            report.problem(story, Some(rev.number), format!("speaker {sp:?} of statement {} is missing", o.index));
        }
    }
    Ok(())
}

fn check_indexes(
    store: &Store,
    report: &mut VerifyReport,
    revisions: &HashMap<(String, u32), Hash32>,
    texts: &HashMap<(String, u32), Hash32>,
    statements: &HashSet<Hash32>,
    speakers: &HashSet<String>,
) -> Result<()> {
    for kv in store.scan(&[keys::REVISION_BY_ID]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let target = keys::split_location(&[&v[..], &[0, 0, 0, 0]].concat()).map(|(s, n, _)| (s, n));
        let ok =
            Hash32::from_slice(&k[1..]).is_some_and(|id| target.as_ref().and_then(|t| revisions.get(t)) == Some(&id));
        if !ok {
            report.problem(
                target.as_ref().map(|t| t.0.as_str()),
                target.as_ref().map(|t| t.1),
                "a revision-id index entry points nowhere",
            );
        }
    }
    for kv in store.scan(&[keys::BY_TEXT]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let nul = k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1);
        let story = nul.map(|n| String::from_utf8_lossy(&k[1..n]).into_owned());
        let text = nul.and_then(|n| Hash32::from_slice(&k[n + 1..]));
        let number = <[u8; 4]>::try_from(&v[..]).ok().map(u32::from_be_bytes);
        let ok = match (&story, text, number) {
            (Some(s), Some(t), Some(n)) => texts.get(&(s.clone(), n)) == Some(&t),
            _ => false,
        };
        if !ok {
            report.problem(story.as_deref(), number, "a text index entry points nowhere");
        }
    }
    // The occurrence lists, to check each index entry against.
    let mut lists: HashMap<(String, u32), Vec<Occurrence>> = HashMap::new();
    let mut occurrence = |story: &str, number: u32, index: u32| -> Result<Option<Occurrence>> {
        let key = (story.to_string(), number);
        if !lists.contains_key(&key) {
            let list = match store.get(&keys::occurrences(story, number))? {
                Some(v) => decode::<Vec<Occurrence>>(keys::OCCURRENCES, &v).unwrap_or_default(),
                None => Vec::new(),
            };
            lists.insert(key.clone(), list);
        }
        Ok(lists[&key].iter().find(|o| o.index == index).cloned())
    };
    for kv in store.scan(&[keys::BY_SPEAKER]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let nul = k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1);
        let parsed = nul.and_then(|n| {
            let speaker = String::from_utf8_lossy(&k[1..n]).into_owned();
            keys::split_speaker_tail(&k[n + 1..]).map(|(story, hash)| (speaker, story, hash))
        });
        let Some((speaker, story, hash)) = parsed else {
            report.problem(None, None, "a speaker index key is malformed");
            continue;
        };
        let Some(places) = keys::places(&v) else {
            report.problem(Some(&story), None, "a speaker index entry is malformed");
            continue;
        };
        for (number, index) in places {
            let o = occurrence(&story, number, index)?;
            let ok = speakers.contains(&speaker)
                && statements.contains(&hash)
                && o.is_some_and(|o| o.statement == hash && o.speaker.as_deref() == Some(speaker.as_str()));
            if !ok {
                report.problem(
                    Some(&story),
                    Some(number),
                    format!("the speaker index entry for statement {index} points nowhere"),
                );
            }
        }
    }
    for kv in store.scan(&[keys::BY_STATEMENT]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let hash = Hash32::from_slice(k.get(1..33).unwrap_or(&[]));
        let story = k.get(33..).map(|s| String::from_utf8_lossy(s).into_owned());
        let (Some(hash), Some(story), Some(places)) = (hash, story, keys::places(&v)) else {
            report.problem(None, None, "a statement index entry is malformed");
            continue;
        };
        for (number, index) in places {
            let o = occurrence(&story, number, index)?;
            if !statements.contains(&hash) || o.is_none_or(|o| o.statement != hash) {
                report.problem(
                    Some(&story),
                    Some(number),
                    format!("the statement index entry for statement {index} points nowhere"),
                );
            }
        }
    }
    for kv in store.scan(&[keys::BY_NAME]) {
        let (k, _) = kv?;
        report.index_entries += 1;
        let id = k.iter().rposition(|&b| b == 0).map(|n| String::from_utf8_lossy(&k[n + 1..]).into_owned());
        if !id.as_ref().is_some_and(|id| speakers.contains(id)) {
            report.problem(
                None,
                None,
                format!("the name index entry for speaker {:?} points nowhere", id.unwrap_or_default()),
            );
        }
    }
    for kv in store.scan(&[keys::BY_TERM]) {
        let (k, v) = kv?;
        report.index_entries += 1;
        let term =
            k.get(1..k.len().saturating_sub(9)).map(|t| String::from_utf8_lossy(t).into_owned()).unwrap_or_default();
        let ok = v.len() % 32 == 0
            && v.chunks_exact(32).all(|h| Hash32::from_slice(h).is_some_and(|h| statements.contains(&h)));
        if !ok {
            report.problem(None, None, format!("the search index entry for {term:?} points nowhere"));
        }
    }
    Ok(())
}
