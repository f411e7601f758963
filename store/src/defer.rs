//! Deferred index writes for a bulk load on sled (`import` of a
//! directory): the keys a revision writes at random places are logged
//! beside the database while the load runs, and written into sled once,
//! in key order, when it ends.
//!
//! Of the ~33 keys a revision writes, ~28 land at random places in the
//! tree: statement contents (`T`), runs by speaker and by statement (`x`,
//! `y`), search and variant postings (`z`, `V`) and names (`N`). Written
//! batch by batch, each one reads an evicted leaf back, decodes it,
//! changes it and pages it out again: most of a bulk load's CPU, and
//! memory that grows with the store. Written sorted, each leaf is filled
//! once, as a copy fills it.
//!
//! What the writer reads back of them while loading is kept at hand: the
//! hashes of the statements logged (a statement is stored once), and the
//! runs of the story being loaded (a revision's runs are looked up in its
//! own story only). A story loaded again after others is the exception:
//! the log is written into sled first (see [`Store::defer_touch`]).
//!
//! Crash safety. Each batch's deferred keys are appended to `log` and
//! synced before sled applies the rest of the batch, which also records
//! (key [`PENDING_KEY`]) how far the log is committed. Until the log is
//! written into sled the database's format key says
//! [`PENDING_FORMAT`], so an older claimtrail refuses the store rather
//! than answer from an incomplete index; this one writes the log into
//! sled when it opens such a store, before anything reads it
//! ([`Store::finish_pending`]). Writing it is idempotent (the log's last
//! value of each key), so a crash while it is written is finished by the
//! next open as well; the batch that writes the last keys removes the
//! mark and restores the format.

use std::collections::{BTreeMap, BinaryHeap, HashSet};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::os::unix::fs::FileExt;
use std::path::PathBuf;

use rustc_hash::FxHashSet;

use crate::error::{Result, StoreError};
use crate::hash::Hash32;
use crate::{FORMAT_VERSION, Store, keys};

/// How far the log of a bulk load is committed (u64 big-endian); present
/// only while a load's deferred keys are not all in sled.
pub(crate) const PENDING_KEY: &[u8] = b"Mindex:pending";
/// The database's format key while an index is pending: newer than any
/// claimtrail that does not know the mark, which refuses the store.
pub(crate) const PENDING_FORMAT: u32 = 1_000_003;
/// The folder beside sled's that holds the log.
const DIR: &str = "index-pending";
const LOG: &str = "log";
/// How much of the log is sorted in memory at a time when it is written
/// into sled (more makes sorted runs on disk, merged).
const CHUNK_BYTES: usize = 32 << 20;
/// The read buffer of each spilled run while they are merged.
const RUN_BUFFER: usize = 128 << 10;
/// sled batches of about this many bytes when the log is written. A
/// batch runs under one epoch pin, and the copies of the leaves it
/// replaces are freed after it: batches of 1 MB took the sub-import of
/// 20,000 revisions from 120 to 340 MB of RSS while writing the log,
/// 128 KB to 150 MB, 32 KB to 130 MB, at about the same CPU.
const BATCH_BYTES: usize = 64 << 10;

/// Whether keys of kind `tag` are deferred.
pub(crate) fn deferred_kind(tag: u8) -> bool {
    matches!(tag, keys::STATEMENT | keys::BY_SPEAKER | keys::BY_STATEMENT | keys::BY_TERM | keys::NEAR | keys::BY_NAME)
}

/// One logged write: the key, and its value (`None`: removed).
type Logged = (Vec<u8>, Option<Vec<u8>>);

/// A bulk load's deferred keys (see the module notes).
#[derive(Debug)]
pub(crate) struct Deferred {
    log: File,
    /// Bytes of the log that committed batches wrote.
    committed: u64,
    /// Statements logged (their `T` keys): the writer asks for each new one.
    statements: FxHashSet<Hash32>,
    /// The `y` keys logged for the story being loaded, with their values.
    runs: BTreeMap<Vec<u8>, Option<Vec<u8>>>,
    /// The story being loaded.
    current: Option<String>,
    /// Stories with runs in the log that are no longer in `runs`.
    gone: HashSet<String>,
}

/// The story of a `y` key.
fn story_of_run(key: &[u8]) -> Option<&str> {
    key.get(33..).and_then(keys::split_statement_tail_ref).map(|(story, _, _)| story)
}

fn encode(out: &mut Vec<u8>, key: &[u8], value: Option<&[u8]>) {
    out.push(u8::from(value.is_some()));
    out.extend_from_slice(&(key.len() as u32).to_le_bytes());
    out.extend_from_slice(&(value.map_or(0, <[u8]>::len) as u32).to_le_bytes());
    out.extend_from_slice(key);
    out.extend_from_slice(value.unwrap_or_default());
}

/// A record's head: whether it holds a value, its key's length, its
/// value's length.
const HEAD: usize = 9;

/// The lengths in a record's head; `None`: not a head this module writes.
fn lengths(head: &[u8]) -> Option<(usize, usize)> {
    let klen = u32::from_le_bytes(head[1..5].try_into().ok()?) as usize;
    let vlen = u32::from_le_bytes(head[5..9].try_into().ok()?) as usize;
    match head[0] {
        1 => Some((klen, vlen)),
        0 if vlen == 0 => Some((klen, 0)),
        _ => None,
    }
}

/// The error for a log or run whose records do not read back as written.
fn damaged(detail: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, format!("a damaged record in the pending index: {detail}"))
}

/// The records of a log or a sorted run, read back. Their lengths come
/// from files of ours, but a disk can damage them: each is checked
/// against the bytes left before anything is allocated for it, so a
/// damaged or cut-short file is an error, never a huge allocation.
struct Records<R> {
    r: R,
    /// Bytes of records left to read (the head taken counted out).
    left: u64,
    /// The next record's head, read by [`Records::peek`].
    head: Option<[u8; HEAD]>,
}

impl<R: Read> Records<R> {
    fn new(r: R, len: u64) -> Records<R> {
        Records { r, left: len, head: None }
    }

    /// The whole length of the next record, its head read and checked;
    /// `None` at the end.
    fn peek(&mut self) -> std::io::Result<Option<usize>> {
        if self.head.is_none() {
            if self.left == 0 {
                return Ok(None);
            }
            if self.left < HEAD as u64 {
                return Err(damaged("cut short in a record's head"));
            }
            let mut head = [0; HEAD];
            self.r.read_exact(&mut head)?;
            self.left -= HEAD as u64;
            self.head = Some(head);
        }
        let head = self.head.as_ref().expect("read above");
        let (klen, vlen) = lengths(head).ok_or_else(|| damaged("an unknown kind of record"))?;
        let body = klen as u64 + vlen as u64;
        if body > self.left {
            return Err(damaged("a record longer than what is left of its file"));
        }
        Ok(Some(HEAD + klen + vlen))
    }

    /// Append the next record, encoded as written, to `buf`; false at
    /// the end.
    fn append_to(&mut self, buf: &mut Vec<u8>) -> std::io::Result<bool> {
        let Some(len) = self.peek()? else { return Ok(false) };
        let head = self.head.take().expect("peeked");
        let start = buf.len();
        buf.extend_from_slice(&head);
        buf.resize(start + len, 0);
        self.r.read_exact(&mut buf[start + HEAD..])?;
        self.left -= (len - HEAD) as u64;
        Ok(true)
    }

    /// The next record, decoded; `None` at the end.
    fn next(&mut self) -> std::io::Result<Option<Logged>> {
        if self.peek()?.is_none() {
            return Ok(None);
        }
        let head = self.head.take().expect("peeked");
        let (klen, vlen) = lengths(&head).expect("checked by peek");
        let mut key = vec![0; klen];
        self.r.read_exact(&mut key)?;
        let value = match head[0] {
            0 => None,
            _ => {
                let mut v = vec![0; vlen];
                self.r.read_exact(&mut v)?;
                Some(v)
            }
        };
        self.left -= (klen + vlen) as u64;
        Ok(Some((key, value)))
    }
}

/// Up to a chunk's bytes of the log's records, as written, in one buffer,
/// and where each starts: sorted by moving 4-byte offsets, and spilled by
/// copying the records' bytes. A `Vec` per key and per value (and a
/// second vector of them to drop repeated keys) cost two allocations and
/// 64 bytes of bookkeeping a record; the buffer is allocated once for
/// every chunk, and a chunk holds half as many records again (the
/// bench import's log: 8 chunks of 32 MB, not 12).
#[derive(Debug, Default)]
struct Chunk {
    buf: Vec<u8>,
    starts: Vec<u32>,
}

impl Chunk {
    /// The key of the record at `at` (checked when it was read).
    fn key(buf: &[u8], at: u32) -> &[u8] {
        let at = at as usize;
        let klen = u32::from_le_bytes(buf[at + 1..at + 5].try_into().expect("4 bytes")) as usize;
        &buf[at + HEAD..at + HEAD + klen]
    }

    /// The record at `at`, encoded as written.
    fn record(&self, at: u32) -> &[u8] {
        let at = at as usize;
        let (klen, vlen) = lengths(&self.buf[at..at + HEAD]).expect("checked when read");
        &self.buf[at..at + HEAD + klen + vlen]
    }

    /// Fill the chunk (emptied first) from `records`, up to `chunk_bytes`
    /// (a record longer than that is a chunk of its own); false when
    /// there was nothing left to read.
    fn fill<R: Read>(&mut self, records: &mut Records<R>, chunk_bytes: usize) -> std::io::Result<bool> {
        self.buf.clear();
        self.starts.clear();
        while let Some(len) = records.peek()? {
            if !self.buf.is_empty() && self.buf.len() + len > chunk_bytes {
                break;
            }
            // Under `chunk_bytes` (or 0), which is far below 4 GB.
            let at = u32::try_from(self.buf.len()).expect("a chunk's offsets fit in 32 bits");
            self.starts.push(at);
            records.append_to(&mut self.buf)?;
        }
        Ok(!self.starts.is_empty())
    }

    /// Sort the records by key and keep the last written of each key.
    fn sort(&mut self) {
        let buf = &self.buf;
        // Offsets grow in the order records were written, so ordering
        // equal keys by offset keeps the last written last.
        self.starts.sort_unstable_by(|&a, &b| Chunk::key(buf, a).cmp(Chunk::key(buf, b)).then(a.cmp(&b)));
        self.starts.dedup_by(|later, kept| {
            let same = Chunk::key(buf, *later) == Chunk::key(buf, *kept);
            if same {
                *kept = *later;
            }
            same
        });
    }

    /// The record at `i` of the sorted chunk, decoded.
    fn logged(&self, i: usize) -> Logged {
        let rec = self.record(self.starts[i]);
        let (klen, _) = lengths(&rec[..HEAD]).expect("checked when read");
        let key = rec[HEAD..HEAD + klen].to_vec();
        let value = (rec[0] != 0).then(|| rec[HEAD + klen..].to_vec());
        (key, value)
    }
}

impl Deferred {
    /// Move the deferred writes out of `batch` to the end of the log,
    /// synced; returns where the log ends with them.
    fn take_from(&mut self, batch: &mut crate::kv::Batch) -> std::io::Result<u64> {
        let mut bytes = Vec::new();
        let ops = std::mem::take(&mut batch.ops);
        for (k, v) in ops {
            if k.first().is_none_or(|&t| !deferred_kind(t)) {
                batch.ops.insert(k, v);
                continue;
            }
            encode(&mut bytes, &k, v.as_deref());
            match k[0] {
                keys::STATEMENT => {
                    if let Some(h) = Hash32::from_slice(&k[1..]) {
                        match v {
                            Some(_) => self.statements.insert(h),
                            None => self.statements.remove(&h),
                        };
                    }
                }
                keys::BY_STATEMENT => match story_of_run(&k) {
                    Some(s) if Some(s) == self.current.as_deref() => {
                        self.runs.insert(k, v);
                    }
                    Some(s) => {
                        self.gone.insert(s.to_string());
                    }
                    None => {}
                },
                _ => {}
            }
        }
        self.log.write_all_at(&bytes, self.committed)?;
        self.log.sync_data()?;
        Ok(self.committed + bytes.len() as u64)
    }
}

impl Store {
    fn deferred(&self) -> std::sync::MutexGuard<'_, Option<Deferred>> {
        self.deferred.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn pending_dir(&self) -> PathBuf {
        self.path.join(DIR)
    }

    fn pending_error(&self, source: std::io::Error) -> StoreError {
        StoreError::Open { path: self.pending_dir(), source }
    }

    /// A failure reading the log or a sorted run back: a record that does
    /// not read as written (or a file cut short) is damage.
    fn pending_damage(&self, source: std::io::Error) -> StoreError {
        match source.kind() {
            std::io::ErrorKind::InvalidData | std::io::ErrorKind::UnexpectedEof => {
                self.corrupt(format!("{} ({})", source, self.pending_dir().display()))
            }
            _ => self.pending_error(source),
        }
    }

    /// Defer the randomly keyed index writes of the batches that follow
    /// until [`Store::finish_index`] (a bulk load; see the module notes).
    /// Nothing on PostgreSQL, which writes each kind of key to its own
    /// table.
    pub fn defer_index(&self) -> Result<()> {
        if self.is_postgres() || self.deferred().is_some() {
            return Ok(());
        }
        let dir = self.pending_dir();
        std::fs::create_dir_all(&dir).map_err(|e| self.pending_error(e))?;
        let log = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(dir.join(LOG))
            .map_err(|e| self.pending_error(e))?;
        *self.deferred() = Some(Deferred {
            log,
            committed: 0,
            statements: FxHashSet::default(),
            runs: BTreeMap::new(),
            current: None,
            gone: HashSet::new(),
        });
        Ok(())
    }

    /// Write the deferred keys into sled, in key order, and stop
    /// deferring.
    pub fn finish_index(&self) -> Result<()> {
        let Some(d) = self.deferred().take() else { return Ok(()) };
        let committed = d.committed;
        drop(d);
        if committed == 0 {
            // No batch was committed while deferring: nothing is pending.
            return std::fs::remove_dir_all(self.pending_dir()).map_err(|e| self.pending_error(e));
        }
        self.finish_pending(committed, CHUNK_BYTES)
    }

    /// Whether the writes are deferred now.
    pub(crate) fn deferring(&self) -> bool {
        self.deferred().is_some()
    }

    /// Whether statement `hash` is in the log (stored, as far as a writer
    /// is concerned).
    pub(crate) fn deferred_statement(&self, hash: &Hash32) -> bool {
        self.deferred().as_ref().is_some_and(|d| d.statements.contains(hash))
    }

    /// The logged runs (`y` keys) with `prefix`, of the story being loaded.
    pub(crate) fn deferred_runs(&self, prefix: &[u8]) -> Vec<Logged> {
        let guard = self.deferred();
        let Some(d) = guard.as_ref() else { return Vec::new() };
        d.runs
            .range(prefix.to_vec()..)
            .take_while(|(k, _)| k.starts_with(prefix))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect()
    }

    /// A writer is about to record a revision of `story`: its logged runs
    /// are kept at hand from now on, and the previous story's let go. A
    /// story whose runs were let go already has the log written into sled
    /// first, where reads find them.
    pub(crate) fn defer_touch(&self, story: &str) -> Result<()> {
        let again = {
            let mut guard = self.deferred();
            let Some(d) = guard.as_mut() else { return Ok(()) };
            if d.current.as_deref() == Some(story) {
                return Ok(());
            }
            if let Some(was) = d.current.take()
                && !d.runs.is_empty()
            {
                d.gone.insert(was);
            }
            d.runs.clear();
            d.current = Some(story.to_string());
            d.gone.contains(story)
        };
        if again {
            self.finish_index()?;
            self.defer_index()?;
            if let Some(d) = self.deferred().as_mut() {
                d.current = Some(story.to_string());
            }
        }
        Ok(())
    }

    /// Move a batch's deferred writes to the log (see [`Store::apply`]),
    /// and mark the batch as leaving them pending.
    pub(crate) fn defer_writes(&self, batch: &mut crate::kv::Batch) -> Result<Option<u64>> {
        let mut guard = self.deferred();
        let Some(d) = guard.as_mut() else { return Ok(None) };
        let end = d.take_from(batch).map_err(|e| self.pending_error(e))?;
        batch.insert(PENDING_KEY, end.to_be_bytes());
        batch.insert(keys::FORMAT_KEY, PENDING_FORMAT.to_be_bytes());
        Ok(Some(end))
    }

    /// The batch that logged up to `end` is applied.
    pub(crate) fn deferred_committed(&self, end: u64) {
        if let Some(d) = self.deferred().as_mut() {
            d.committed = end;
        }
    }

    /// On open: a bulk load's index left pending (a crash, or an error
    /// that ended it) is written now, before anything reads the store;
    /// a log no batch committed is removed.
    pub(crate) fn settle_pending(&self) -> Result<()> {
        if self.is_postgres() {
            return Ok(());
        }
        match self.get(PENDING_KEY)? {
            Some(v) => {
                let end = <[u8; 8]>::try_from(&v[..])
                    .map(u64::from_be_bytes)
                    .map_err(|_| self.corrupt("the mark of a pending index is unreadable"))?;
                self.finish_pending(end, CHUNK_BYTES)
            }
            None if self.pending_dir().exists() => {
                std::fs::remove_dir_all(self.pending_dir()).map_err(|e| self.pending_error(e))
            }
            None => Ok(()),
        }
    }

    /// Write the first `end` bytes of the log into sled: sorted
    /// `chunk_bytes` at a time (spilled to files when there are more),
    /// merged, the last write of each key kept; the last batch removes the
    /// mark.
    fn finish_pending(&self, end: u64, chunk_bytes: usize) -> Result<()> {
        let dir = self.pending_dir();
        let io = |e: std::io::Error| self.pending_error(e);
        let log = File::open(dir.join(LOG)).map_err(io)?;
        if log.metadata().map_err(io)?.len() < end {
            return Err(
                self.corrupt(format!("the log of a pending index ({}) is shorter than its mark", dir.display()))
            );
        }
        let mut records = Records::new(BufReader::with_capacity(1 << 20, log.take(end)), end);
        let mut runs: Vec<Run> = Vec::new();
        let mut chunk = Chunk { buf: Vec::with_capacity(chunk_bytes.min(end as usize)), starts: Vec::new() };
        while chunk.fill(&mut records, chunk_bytes).map_err(|e| self.pending_damage(e))? {
            chunk.sort();
            // A log of one chunk is merged from memory; otherwise every
            // chunk is spilled, so that only the merge's read buffers are
            // held while sled grows with the pages it writes.
            let only = runs.is_empty() && records.peek().map_err(|e| self.pending_damage(e))?.is_none();
            if only {
                runs.push(Run::Memory(std::mem::take(&mut chunk), 0));
                break;
            }
            let path = dir.join(format!("run.{}", runs.len()));
            let mut out = BufWriter::with_capacity(1 << 20, File::create(&path).map_err(io)?);
            for &at in &chunk.starts {
                out.write_all(chunk.record(at)).map_err(io)?;
            }
            let file = out.into_inner().map_err(|e| io(e.into_error()))?;
            let len = file.metadata().map_err(io)?.len();
            drop(file);
            let file = File::open(&path).map_err(io)?;
            runs.push(Run::File(Records::new(BufReader::with_capacity(RUN_BUFFER, file), len)));
        }
        drop(chunk);
        // The log goes in in key order: sled splits each leaf where the
        // next key goes, and fills the leaves it passes.
        let appending = Appending::on();
        let merged = self.merge_into_sled(runs);
        drop(appending);
        merged.map_err(|e| match e {
            Merge::Io(e) => self.pending_damage(e),
            Merge::Store(e) => e,
        })?;
        std::fs::remove_dir_all(&dir).map_err(io)
    }

    /// Merge sorted `runs` (later runs win) into sled, in batches; the
    /// last batch removes the pending mark and restores the format.
    fn merge_into_sled(&self, mut runs: Vec<Run>) -> std::result::Result<(), Merge> {
        let mut heap: BinaryHeap<Head> = BinaryHeap::new();
        for (i, run) in runs.iter_mut().enumerate() {
            if let Some((key, value)) = run.next()? {
                heap.push(Head { key, run: i, value });
            }
        }
        let mut batch = sled::Batch::default();
        let mut bytes = 0;
        while let Some(Head { key, run, value }) = heap.pop() {
            // Equal keys pop latest run first: the others are older.
            while heap.peek().is_some_and(|h| h.key == key) {
                let older = heap.pop().expect("peeked");
                if let Some((k, v)) = runs[older.run].next()? {
                    heap.push(Head { key: k, run: older.run, value: v });
                }
            }
            if let Some((k, v)) = runs[run].next()? {
                heap.push(Head { key: k, run, value: v });
            }
            bytes += key.len() + value.as_ref().map_or(0, Vec::len);
            match value {
                Some(v) => batch.insert(key, v),
                None => batch.remove(key),
            }
            if bytes >= BATCH_BYTES {
                let full = std::mem::take(&mut batch);
                self.sled(|db| db.apply_batch(full)).map_err(Merge::Store)?;
                bytes = 0;
            }
        }
        batch.remove(PENDING_KEY);
        batch.insert(keys::FORMAT_KEY, &FORMAT_VERSION.to_be_bytes());
        self.sled(|db| db.apply_batch(batch)).map_err(Merge::Store)?;
        self.flush().map_err(Merge::Store)
    }
}

/// sled's splits for a load in key order (`sled::append_splits`), on
/// while this lives.
struct Appending;

impl Appending {
    fn on() -> Appending {
        sled::append_splits(true);
        Appending
    }
}

impl Drop for Appending {
    fn drop(&mut self) {
        sled::append_splits(false);
    }
}

/// A failure while merging: reading a run, or sled.
enum Merge {
    Io(std::io::Error),
    Store(StoreError),
}

impl From<std::io::Error> for Merge {
    fn from(e: std::io::Error) -> Merge {
        Merge::Io(e)
    }
}

/// A sorted run of writes: the log's only chunk (and the next record's
/// place in it), or one spilled to a file.
enum Run {
    Memory(Chunk, usize),
    File(Records<BufReader<File>>),
}

impl Run {
    fn next(&mut self) -> std::io::Result<Option<Logged>> {
        match self {
            Run::Memory(chunk, i) => {
                if *i == chunk.starts.len() {
                    return Ok(None);
                }
                *i += 1;
                Ok(Some(chunk.logged(*i - 1)))
            }
            Run::File(r) => r.next(),
        }
    }
}

/// The next write of one run, ordered for a min-heap by key and, among
/// equal keys, the latest run first.
struct Head {
    key: Vec<u8>,
    run: usize,
    value: Option<Vec<u8>>,
}

impl PartialEq for Head {
    fn eq(&self, other: &Head) -> bool {
        self.key == other.key && self.run == other.run
    }
}
impl Eq for Head {}
impl PartialOrd for Head {
    fn partial_cmp(&self, other: &Head) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Head {
    fn cmp(&self, other: &Head) -> std::cmp::Ordering {
        other.key.cmp(&self.key).then(self.run.cmp(&other.run))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Counts;
    use crate::kv::Batch;

    /// Every key and value of the store's tree.
    fn contents(store: &Store) -> Vec<(Vec<u8>, Vec<u8>)> {
        store.scan([]).map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())).unwrap()).collect()
    }

    /// Batches as a bulk load writes them: deferred kinds (statements,
    /// runs of two stories, postings) beside kept ones, a run rewritten
    /// by a later batch (closed), a key removed.
    fn batches() -> Vec<Batch> {
        let mut out = Vec::new();
        for b in 0..6u32 {
            let mut batch = Batch::default();
            for i in 0..50u32 {
                let n = b * 50 + i;
                let h = Hash32(*blake3::hash(&n.to_be_bytes()).as_bytes());
                batch.insert(keys::statement(&h), format!("statement {n}"));
                let story = format!("story-{}", n / 120);
                batch.insert(keys::by_statement(&h, &story, 1, Some("sp")), [1, 2, 3]);
                batch.insert(keys::by_speaker("sp", &story, &h, 1), [4]);
                batch.insert(keys::by_term(&format!("term{}", n % 7), u64::from(b)), &h.0[..8]);
                batch.insert(keys::revision(&story, n), n.to_be_bytes());
                if b > 0 {
                    // Close a run an earlier batch opened.
                    let old = Hash32(*blake3::hash(&(n - 50).to_be_bytes()).as_bytes());
                    let s = format!("story-{}", (n - 50) / 120);
                    batch.insert(keys::by_statement(&old, &s, 1, Some("sp")), [9, 9]);
                }
            }
            if b == 3 {
                batch.remove(keys::by_term("term0", 0));
            }
            out.push(batch);
        }
        out
    }

    fn apply_all(store: &Store) {
        for batch in batches() {
            store.apply(batch, &Counts::default(), Counts::default(), None).unwrap();
        }
    }

    /// What applying `batches()` straight to sled leaves, in a store of
    /// its own under `dir`.
    fn written_directly(dir: &std::path::Path) -> Vec<(Vec<u8>, Vec<u8>)> {
        let direct = Store::open(&dir.join("direct")).unwrap();
        apply_all(&direct);
        contents(&direct)
    }

    /// Log `batches()` into a store at `path`, a batch that never
    /// reached sled after them, and leave the index pending.
    fn leave_pending(path: &std::path::Path) {
        let store = Store::open(path).unwrap();
        store.defer_index().unwrap();
        apply_all(&store);
        // A batch that was logged and never reached sled: ignored.
        let mut tail = Vec::new();
        encode(&mut tail, &keys::statement(&Hash32([7; 32])), Some(b"lost"));
        let log = std::fs::OpenOptions::new().append(true).open(path.join(DIR).join(LOG)).unwrap();
        (&log).write_all(&tail).unwrap();
        // What the store holds meanwhile is refused by a claimtrail that
        // does not know the mark.
        let format = store.get(keys::FORMAT_KEY).unwrap().unwrap();
        assert_eq!(format[..], PENDING_FORMAT.to_be_bytes());
        assert!(crate::format::check(path, PENDING_FORMAT, false).is_err());
        assert!(store.get(PENDING_KEY).unwrap().is_some());
        // The process ends without finishing (as after a crash or an error).
        *store.deferred() = None;
    }

    /// A load whose index is left pending is finished by the next open
    /// (one that only reads included): the store then holds exactly what
    /// writing every batch directly leaves.
    #[test]
    fn a_pending_index_is_written_by_the_next_open() {
        let dir = tempfile::tempdir().unwrap();
        let expected = written_directly(dir.path());

        let path = dir.path().join("reopened");
        leave_pending(&path);
        let store = Store::open_with(&path, &crate::OpenOptions { read_only: true, ..Default::default() }).unwrap();
        assert_eq!(contents(&store), expected);
        assert!(!path.join(DIR).exists(), "the log is removed");
        drop(store);
        assert_eq!(contents(&Store::open(&path).unwrap()), expected);
    }

    /// The log is merged the same in many sorted runs as in one.
    #[test]
    fn a_log_merged_from_many_runs_is_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let expected = written_directly(dir.path());
        let path = dir.path().join("chunked");
        let store = Store::open(&path).unwrap();
        store.defer_index().unwrap();
        apply_all(&store);
        let end = store.deferred().take().unwrap().committed;
        store.finish_pending(end, 2_000).unwrap();
        assert_eq!(contents(&store), expected);
        assert!(!path.join(DIR).exists());
    }

    /// sled splitting leaves where an ascending load's keys go
    /// (`sled::append_splits`) keeps every key: a load in key order among
    /// keys already there, keys written again, removed, and written out
    /// of order, read back as written, and again after a reopen.
    #[test]
    fn leaves_split_for_a_load_in_key_order_keep_every_key() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let mut model = BTreeMap::new();
        let key = |kind: u8, n: u32| {
            let mut k = vec![kind];
            k.extend_from_slice(blake3::hash(&n.to_be_bytes()).as_bytes());
            k
        };
        {
            let store = Store::open(&path).unwrap();
            let mut batch = sled::Batch::default();
            for n in 0..2_000u32 {
                for kind in [b'A', b'U'] {
                    batch.insert(key(kind, n), &n.to_be_bytes());
                    model.insert(key(kind, n), n.to_be_bytes().to_vec());
                }
            }
            store.sled(|db| db.apply_batch(batch)).unwrap();
            let mut load: Vec<(Vec<u8>, Option<Vec<u8>>)> =
                (0..20_000u32).map(|n| (key(b'T', n), Some(n.to_le_bytes().repeat(1 + n as usize % 7)))).collect();
            // Some of the keys there already, written again or removed.
            load.extend((0..2_000u32).step_by(3).map(|n| (key(b'A', n), (n % 2 == 0).then(|| vec![1; 9]))));
            load.sort();
            let appending = Appending::on();
            for chunk in load.chunks(700) {
                let mut batch = sled::Batch::default();
                for (k, v) in chunk {
                    match v {
                        Some(v) => {
                            batch.insert(&k[..], &v[..]);
                            model.insert(k.clone(), v.clone());
                        }
                        None => {
                            batch.remove(&k[..]);
                            model.remove(k);
                        }
                    }
                }
                store.sled(|db| db.apply_batch(batch)).unwrap();
            }
            // Out of order, still appending.
            for n in (0..3_000u32).rev() {
                store.sled(|db| db.insert(key(b'T', n), &b"late"[..])).unwrap();
                model.insert(key(b'T', n), b"late".to_vec());
            }
            drop(appending);
            let held: BTreeMap<Vec<u8>, Vec<u8>> =
                contents(&store).into_iter().filter(|(k, _)| k.len() == 33).collect();
            assert_eq!(held, model);
            store.flush().unwrap();
        }
        let store = Store::open(&path).unwrap();
        let held: BTreeMap<Vec<u8>, Vec<u8>> = contents(&store).into_iter().filter(|(k, _)| k.len() == 33).collect();
        assert_eq!(held, model);
        for (k, v) in model.iter().step_by(97) {
            assert_eq!(store.get(k).unwrap().as_deref(), Some(&v[..]));
        }
    }

    /// Records as a log holds them: keys written again (the last write
    /// wins), removed, and values of many lengths, one longer than a
    /// chunk.
    fn logged_records() -> (Vec<u8>, Vec<Logged>) {
        let mut log = Vec::new();
        let mut written = Vec::new();
        for n in 0..3_000u32 {
            let k = n % 1_100;
            let key = blake3::hash(&k.to_be_bytes()).as_bytes()[..1 + k as usize % 32].to_vec();
            let value = match n % 9 {
                0 => None,
                4 if n == 1_300 => Some(vec![7; 5_000]),
                _ => Some(n.to_le_bytes().repeat(n as usize % 13)),
            };
            encode(&mut log, &key, value.as_deref());
            written.push((key, value));
        }
        (log, written)
    }

    /// A chunk read into one buffer and sorted by offsets gives, chunk
    /// by chunk, each key once with its last value, in key order; spilled
    /// and read back, the same records.
    #[test]
    fn a_chunk_sorted_in_one_buffer_keeps_the_last_write_of_each_key() {
        let (log, written) = logged_records();
        let mut records = Records::new(&log[..], log.len() as u64);
        let mut chunk = Chunk::default();
        let mut read = 0;
        let mut chunks = 0;
        while chunk.fill(&mut records, 4_000).unwrap() {
            let n = chunk.starts.len();
            let mut model = BTreeMap::new();
            for (k, v) in &written[read..read + n] {
                model.insert(k.clone(), v.clone());
            }
            read += n;
            chunks += 1;
            assert!(chunk.buf.len() <= 4_000 || n == 1, "a chunk holds what fits, or one long record");
            chunk.sort();
            let sorted: Vec<Logged> = (0..chunk.starts.len()).map(|i| chunk.logged(i)).collect();
            assert_eq!(sorted, model.clone().into_iter().collect::<Vec<_>>());
            let mut spilled = Vec::new();
            for &at in &chunk.starts {
                spilled.extend_from_slice(chunk.record(at));
            }
            let mut back = Records::new(&spilled[..], spilled.len() as u64);
            let again: Vec<Logged> = std::iter::from_fn(|| back.next().unwrap()).collect();
            assert_eq!(again, sorted);
        }
        assert_eq!(read, written.len());
        assert!(chunks > 10);
    }

    /// A log or run whose records do not read back as written (a length
    /// past its end, an unknown kind, a record cut short) is an error,
    /// before anything is allocated for it.
    #[test]
    fn a_damaged_record_is_an_error_not_a_panic() {
        let (log, _) = logged_records();
        let read_all = |bytes: &[u8]| -> std::io::Result<usize> {
            let mut records = Records::new(bytes, bytes.len() as u64);
            let mut chunk = Chunk::default();
            let mut n = 0;
            while chunk.fill(&mut records, 1 << 16)? {
                n += chunk.starts.len();
            }
            Ok(n)
        };
        assert_eq!(read_all(&log).unwrap(), 3_000);
        // A key's length of nearly 4 GB.
        let mut long = log.clone();
        long[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        assert_eq!(read_all(&long).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
        // Not a kind of record this module writes.
        let mut kind = log.clone();
        kind[0] = 7;
        assert_eq!(read_all(&kind).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
        // Cut short inside a record, and inside a head.
        let cut = log.len() - 3;
        let mut records = Records::new(&log[..cut], cut as u64);
        let short = std::iter::from_fn(|| records.next().transpose()).find_map(Result::err);
        assert_eq!(short.map(|e| e.kind()), Some(std::io::ErrorKind::InvalidData));
        let mut head = Records::new(&log[..5], 5);
        assert_eq!(head.next().unwrap_err().kind(), std::io::ErrorKind::InvalidData);

        // The store says so when it opens a store whose log is damaged.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("damaged");
        leave_pending(&path);
        let file = path.join(DIR).join(LOG);
        let mut bytes = std::fs::read(&file).unwrap();
        bytes[5..9].copy_from_slice(&(u32::MAX - 1).to_le_bytes());
        std::fs::write(&file, &bytes).unwrap();
        let err = Store::open(&path).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    }

    /// A store with nothing committed while deferring has no mark, and
    /// its log is removed.
    #[test]
    fn a_log_no_batch_committed_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s");
        let store = Store::open(&path).unwrap();
        store.defer_index().unwrap();
        assert!(path.join(DIR).join(LOG).exists());
        drop(store);
        let store = Store::open(&path).unwrap();
        assert!(!path.join(DIR).exists());
        assert!(store.get(PENDING_KEY).unwrap().is_none());
    }
}
