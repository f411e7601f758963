//! Writing revisions: staged in memory, then applied as one atomic sled
//! batch and flushed.
//!
//! A [`WriteBatch`] reads through its own staged writes, so the second
//! revision of a story in one batch sees the first (its parent, its
//! statements, its speakers). Nothing reaches the database before
//! [`WriteBatch::commit`]; a batch dropped uncommitted, or a crash before
//! the flush, leaves the store as it was.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::error::Result;
use crate::hash::{self, Hash32, blob_id};
use crate::records::{RevisionRecord, StatementRecord, StoryRecord};
use crate::{
    Counts, NewRevision, Recorded, SpeakerRecord, Store, decode, keys, location_value, seal_json, validate_story_id,
};

/// Revisions staged for one atomic write.
#[derive(Debug)]
pub struct WriteBatch<'s> {
    store: &'s mut Store,
    staged: BTreeMap<Vec<u8>, Vec<u8>>,
    counts: Counts,
    revisions: usize,
    /// New statements by search term, written as one posting list per
    /// term at commit.
    terms: HashMap<String, Vec<u8>>,
}

impl<'s> WriteBatch<'s> {
    pub(crate) fn new(store: &'s mut Store) -> Result<WriteBatch<'s>> {
        let counts = store.counts()?;
        Ok(WriteBatch { store, staged: BTreeMap::new(), counts, revisions: 0, terms: HashMap::new() })
    }

    /// How many new revisions are staged.
    pub fn len(&self) -> usize {
        self.revisions
    }

    pub fn is_empty(&self) -> bool {
        self.revisions == 0
    }

    fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        if let Some(v) = self.staged.get(key) {
            return Ok(Some(v.clone()));
        }
        Ok(self.store.get(key)?.map(|v| v.to_vec()))
    }

    fn exists(&self, key: &[u8]) -> Result<bool> {
        Ok(self.staged.contains_key(key) || self.store.get(key)?.is_some())
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
        self.staged.insert(key, value);
    }

    /// Add a place to an index entry's list.
    fn append(&mut self, key: Vec<u8>, place: &[u8]) -> Result<()> {
        if let Some(v) = self.staged.get_mut(&key) {
            v.extend_from_slice(place);
            return Ok(());
        }
        let mut v = self.store.get(&key)?.map(|v| v.to_vec()).unwrap_or_default();
        v.extend_from_slice(place);
        self.staged.insert(key, v);
        Ok(())
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

    /// Stage one revision. See [`Store::record_revision`].
    pub fn record(&mut self, new: NewRevision<'_>) -> Result<Recorded> {
        validate_story_id(new.story)?;
        let existing: Option<StoryRecord> =
            self.get_sealed(keys::STORY, &keys::story(new.story), &format!("the record of story {:?}", new.story))?;
        let text_id = blob_id(new.text.as_bytes());
        let raw_id = blob_id(new.raw);
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
        if let Some(prev) = previous.as_ref().filter(|p| p.text == text_id) {
            return Ok(Recorded::Unchanged { latest: prev.clone() });
        }
        let revert_of = self
            .get(&keys::by_text(new.story, &text_id))?
            .and_then(|v| <[u8; 4]>::try_from(&v[..]).ok())
            .map(u32::from_be_bytes);

        let number = previous.as_ref().map_or(1, |p| p.number + 1);
        let parent = previous.as_ref().map(|p| p.id);
        let captured_at = new.captured_at;
        let id = hash::revision_id(&hash::RevisionFields {
            story: new.story,
            number,
            parent,
            captured_secs: captured_at.timestamp(),
            captured_nanos: captured_at.timestamp_subsec_nanos(),
            source: new.source,
            format: new.format,
            raw: raw_id,
            text: text_id,
        });
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
        let mut blobs = vec![(raw_id, new.raw)];
        if text_id != raw_id {
            blobs.push((text_id, new.text.as_bytes()));
        }
        for (blob, bytes) in blobs {
            // Content addressing: bytes already stored are not stored again.
            if !self.exists(&keys::blob(&blob))? {
                self.put(keys::blob(&blob), bytes.to_vec());
                self.counts.blobs += 1;
            }
        }
        let mut seen: HashSet<Hash32> = HashSet::new();
        let mut occurrences = Vec::with_capacity(new.statements.len());
        for st in new.statements {
            let h = st.occurrence.statement;
            if seen.insert(h) && !self.exists(&keys::statement(&h))? {
                self.put(keys::statement(&h), seal_json(keys::STATEMENT, &StatementRecord { content: st.content }));
                self.counts.statements += 1;
                for term in st.terms {
                    self.terms.entry(term).or_default().extend_from_slice(&h.0);
                }
            }
            let o = st.occurrence;
            let place = keys::place(number, o.index);
            if let Some(speaker) = &o.speaker {
                self.append(keys::by_speaker(speaker, new.story, &h), &place)?;
            }
            self.append(keys::by_statement(&h, new.story), &place)?;
            occurrences.push(o);
        }
        self.counts.occurrences += occurrences.len() as u64;
        for sp in &new.speakers {
            for key in &sp.lookup {
                self.put(keys::by_name(key, &sp.id), Vec::new());
            }
            let old: Option<SpeakerRecord> =
                self.get_sealed(keys::SPEAKER, &keys::speaker(&sp.id), &format!("the record of speaker {:?}", sp.id))?;
            let merged = match old {
                Some(mut old) => old.merge(sp).then_some(old),
                None => Some(sp.clone()),
            };
            if let Some(rec) = merged {
                self.put(keys::speaker(&rec.id), seal_json(keys::SPEAKER, &rec));
            }
        }
        self.put(keys::occurrences(new.story, number), seal_json(keys::OCCURRENCES, &occurrences));
        self.put(keys::revision(new.story, number), seal_json(keys::REVISION, &revision));
        self.put(keys::revision_by_id(&id), location_value(new.story, number));
        self.put(keys::by_text(new.story, &text_id), number.to_be_bytes().to_vec());
        self.put(keys::story(new.story), seal_json(keys::STORY, &story));
        self.revisions += 1;
        Ok(Recorded::New { revision, new_story })
    }

    /// Write everything staged in one atomic batch and flush it to disk.
    pub fn commit(self) -> Result<()> {
        if self.staged.is_empty() {
            return Ok(());
        }
        let mut batch = sled::Batch::default();
        let mut counts = self.counts;
        if !self.terms.is_empty() {
            counts.batches += 1;
            for (term, hashes) in self.terms {
                batch.insert(keys::by_term(&term, counts.batches), hashes);
            }
        }
        for (k, v) in self.staged {
            batch.insert(k, v);
        }
        counts.write(&mut batch);
        let store = self.store;
        store.db.apply_batch(batch).map_err(|e| store.db_err(e))?;
        // Report success only once the revisions are on disk.
        store.db.flush().map_err(|e| store.db_err(e))?;
        Ok(())
    }
}
