//! The storage boundary: the few key-value operations the store's domain
//! code is written against (point reads, ordered prefix scans, atomic
//! batches), and a batch of writes that either backend applies.
//!
//! Everything above this line (revisions, runs, postings, hashes, verify)
//! is shared by sled and PostgreSQL; only what is below it differs. The
//! key layout (`keys.rs`) is the common language: sled stores the keys as
//! they are, PostgreSQL routes each kind of key to its own table.

use std::collections::BTreeMap;

/// Adds the writes that need a write batch's own number (postings),
/// given that number; see [`crate::Store::apply`].
pub(crate) type Numbered<'a> = Option<&'a dyn Fn(u64, &mut Batch)>;

/// Writes applied together, atomically: a value to put, or `None` to
/// remove the key. Later writes to a key replace earlier ones.
#[derive(Debug, Default)]
pub(crate) struct Batch {
    pub(crate) ops: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
    /// The speaker records put replace the stored ones as they are (a
    /// rebuild from the revisions), instead of being merged into a record
    /// another writer extended meanwhile (PostgreSQL's writers do that).
    pub(crate) replaces_speakers: bool,
}

impl Batch {
    pub(crate) fn insert(&mut self, key: impl AsRef<[u8]>, value: impl AsRef<[u8]>) {
        self.ops.insert(key.as_ref().to_vec(), Some(value.as_ref().to_vec()));
    }

    /// [`Batch::insert`] of owned bytes, moved rather than copied.
    pub(crate) fn insert_owned(&mut self, key: Vec<u8>, value: Vec<u8>) {
        self.ops.insert(key, Some(value));
    }

    pub(crate) fn remove(&mut self, key: impl AsRef<[u8]>) {
        self.ops.insert(key.as_ref().to_vec(), None);
    }

    pub(crate) fn to_sled(&self) -> sled::Batch {
        let mut batch = sled::Batch::default();
        for (k, v) in &self.ops {
            match v {
                Some(v) => batch.insert(&k[..], &v[..]),
                None => batch.remove(&k[..]),
            }
        }
        batch
    }
}
