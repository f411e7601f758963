//! Compaction: copy a sled store's database into a fresh one and swap it in.
//!
//! sled never gives back the space of segments it has emptied: its file
//! keeps them, marked so that recovery cannot mistake old data for new (the
//! patched sled punches them out as holes, `vendor/sled/PATCHES.md`, but
//! the file keeps its length and its many half-empty pages). A store that
//! bulk loads, reanalyses or has been written for months holds many such
//! segments (a quarter of the file after building the 1M-statement bench
//! store), and sled lays out its pages for writing: leaves of 8 to 16
//! items, each an entry in the page table that every open loads whole.
//!
//! [`Store::compact`] writes a copy with leaves packed (see
//! `sled::pack_leaves`), which makes that table about six times smaller
//! and so every later open faster, and leaves the free space out.
//!
//! It copies every key into a new database beside the old
//! one, reads the copy back and checks it against the original (same keys,
//! same values, in order), then exchanges the two directories in one
//! atomic rename and deletes the old one. Killed at any point, the store is
//! either the old database or the new, complete one; an unfinished copy
//! left behind is removed by the next compaction.

use std::path::{Path, PathBuf};

use crate::Store;
use crate::error::{Result, StoreError};

/// Where the copy is made, beside the database (`<store>/db`).
const COPY: &str = "db.compact";

/// What a compaction did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Compacted {
    /// The database's bytes on the file system before and after (what `du`
    /// counts: allocated blocks, not file lengths).
    pub before_bytes: u64,
    pub after_bytes: u64,
    /// Keys copied and checked.
    pub keys: u64,
    /// Bytes of an unfinished copy left by an earlier, interrupted
    /// compaction, removed first.
    pub leftover_bytes: u64,
    /// The copy was no smaller than the database: it was thrown away and
    /// the database kept as it was (`after_bytes` is then what the copy
    /// took, for the record).
    pub kept: bool,
}

impl Store {
    /// Rewrite the database into a fresh one holding exactly the same keys
    /// and values, and swap it in (sled only; see the module docs).
    /// `progress` is told the keys copied so far.
    pub fn compact(mut self, progress: &dyn Fn(u64)) -> Result<Compacted> {
        if let Some(pg) = &self.pg {
            return Err(StoreError::NotOnPostgres {
                address: pg.shown.clone(),
                command: "compact",
                why: "the server reclaims the space of deleted rows itself (autovacuum)",
            });
        }
        let dir = self.path.clone();
        let io = |source: std::io::Error| StoreError::Open { path: dir.clone(), source };
        let copy_dir = dir.join(COPY);
        let mut done = Compacted::default();
        if copy_dir.exists() {
            done.leftover_bytes = disk_bytes(&copy_dir);
            std::fs::remove_dir_all(&copy_dir).map_err(io)?;
        }
        if self.db.is_none() {
            return Ok(done);
        }
        done.before_bytes = disk_bytes(&dir.join("db"));
        // Packed leaves pay off where the page table is large; a small
        // store would only grow by the extra segment their writing takes.
        let pack = done.before_bytes >= PACK_FROM_BYTES;
        let copied = self.sled(|old| copy_into(old, &copy_dir, pack, progress));
        let old = self.db.take();
        // Closing flushes what sled did in memory while reading (pages it
        // consolidated) into the old database: harmless once the copy
        // replaces it, but a store kept as it was must not change, so its
        // handle is then left open until the process ends, as a reader's
        // is (`parked` in lib.rs; the command opens it to read, with no
        // background flusher).
        let close = move |old: Option<sled::Db>| {
            let _ = crate::guard::catch(move || drop(old));
        };
        let copied = match copied {
            Ok(found) => found,
            Err(e) => {
                close(old);
                let _ = std::fs::remove_dir_all(&copy_dir);
                return Err(e);
            }
        };
        // Read the copy back, as the next command will open it: the same
        // keys and values, or the store is left as it was.
        let check = self.guarded(|| reopen_and_digest(&copy_dir));
        if check.as_ref().ok() != Some(&copied) {
            close(old);
            let _ = std::fs::remove_dir_all(&copy_dir);
            return Err(check.err().unwrap_or_else(|| {
                self.corrupt("the compacted copy did not read back as the original; the store was not changed")
            }));
        }
        // The copy is written from scratch through sled's log, which logs
        // every change of a leaf as it fills (a fragment per insert, the
        // whole leaf again at every tenth change and at each split, and,
        // packed, once more when consolidated): copying the 4,500-revision
        // store a directory import had written into 64.2 MB wrote 600 MB
        // of log and left a 110.2 MB file of partly dead segments. So a
        // store with little dead space (a fresh import: 62.8 MB became
        // 69.4 MB) comes out larger; one that churned (`reanalyze`,
        // months of `track`) smaller. Compaction never leaves the store
        // larger than it found it: a copy no smaller is thrown away, and
        // the database kept untouched.
        let copy_bytes = disk_bytes(&copy_dir);
        if copy_bytes >= done.before_bytes {
            std::mem::forget(old);
            std::fs::remove_dir_all(&copy_dir).map_err(io)?;
            done.keys = copied.0;
            done.after_bytes = copy_bytes;
            done.kept = true;
            return Ok(done);
        }
        close(old);
        exchange(&copy_dir, &dir.join("db")).map_err(io)?;
        std::fs::File::open(&dir).and_then(|d| d.sync_all()).map_err(io)?;
        // The old database, now under the copy's name. If this is cut
        // short, the next compaction removes the rest.
        std::fs::remove_dir_all(&copy_dir).map_err(io)?;
        done.keys = copied.0;
        done.after_bytes = disk_bytes(&dir.join("db"));
        Ok(done)
    }
}

/// Keys counted and a digest of a database's trees, keys and values in
/// order: what the copy must read back as.
#[derive(Default)]
struct Digest {
    hasher: blake3::Hasher,
    keys: u64,
}

impl Digest {
    fn absorb(&mut self, bytes: &[u8]) {
        self.hasher.update(&(bytes.len() as u64).to_le_bytes());
        self.hasher.update(bytes);
    }

    fn entry(&mut self, k: &[u8], v: &[u8]) {
        self.absorb(k);
        self.absorb(v);
        self.keys += 1;
    }

    fn finish(self) -> (u64, [u8; 32]) {
        (self.keys, *self.hasher.finalize().as_bytes())
    }
}

/// A database opened for bulk work: every page is touched once, so a small
/// cache; nothing to flush in the background.
///
/// The copy is opened twice in one process (written, then read back), and
/// sled's file lock outlives a dropped database while its background
/// threads finish writing: a lock conflict here is that, and is waited out.
fn open_bulk(dir: &Path) -> sled::Result<sled::Db> {
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(10);
    let start = std::time::Instant::now();
    loop {
        let config = sled::Config::new().path(dir).cache_capacity(crate::BULK_CACHE_BYTES).flush_every_ms(None);
        match config.open() {
            Err(sled::Error::Io(e))
                if e.to_string().starts_with("could not acquire lock") && start.elapsed() < PATIENCE =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            opened => return opened,
        }
    }
}

/// The smallest database (bytes on the file system) whose copy is written
/// with packed leaves.
const PACK_FROM_BYTES: u64 = 32 << 20;

/// Copy every tree of `old` into a new database at `to` (with packed leaves
/// if `pack`); returns the keys copied and a digest of everything copied.
fn copy_into(old: &sled::Db, to: &Path, pack: bool, progress: &dyn Fn(u64)) -> sled::Result<(u64, [u8; 32])> {
    /// Flush to sled in batches of about this many bytes.
    const BATCH_BYTES: usize = 1 << 20;
    let new = open_bulk(to)?;
    // Written once in key order and then mostly read: leaves of about a
    // hundred items rather than sixteen make the page table, which every
    // open of the store reads whole, about six times smaller (see
    // vendor/sled/PATCHES.md). Smaller batches keep the copies of packed
    // leaves a batch leaves behind few.
    sled::pack_leaves(pack);
    let copied = copy_all(old, &new, BATCH_BYTES, progress);
    sled::pack_leaves(false);
    let digest = copied?;
    if pack {
        // A page holding fragments is read as its base and each fragment,
        // and every open lists them all: the copy is consolidated once.
        new.consolidate_pages()?;
    }
    new.flush()?;
    Ok(digest)
}

fn copy_all(
    old: &sled::Db,
    new: &sled::Db,
    batch_bytes: usize,
    progress: &dyn Fn(u64),
) -> sled::Result<(u64, [u8; 32])> {
    let mut digest = Digest::default();
    for name in old.tree_names() {
        digest.absorb(&name);
        let (from, into) = (old.open_tree(&name)?, new.open_tree(&name)?);
        let mut batch = sled::Batch::default();
        let mut bytes = 0;
        for kv in from.iter() {
            let (k, v) = kv?;
            digest.entry(&k, &v);
            bytes += k.len() + v.len();
            batch.insert(k, v);
            if bytes >= batch_bytes {
                into.apply_batch(std::mem::take(&mut batch))?;
                bytes = 0;
                progress(digest.keys);
            }
        }
        into.apply_batch(batch)?;
        progress(digest.keys);
    }
    Ok(digest.finish())
}

/// Open the database at `dir` (which also writes sled's snapshot, so that
/// the next open finds nothing to replay), and digest it as [`copy_into`].
fn reopen_and_digest(dir: &Path) -> sled::Result<(u64, [u8; 32])> {
    digest_of(&open_bulk(dir)?)
}

/// Keys and digest of everything in `db`, as [`copy_into`] counts them.
fn digest_of(db: &sled::Db) -> sled::Result<(u64, [u8; 32])> {
    let mut digest = Digest::default();
    for name in db.tree_names() {
        digest.absorb(&name);
        for kv in db.open_tree(&name)?.iter() {
            let (k, v) = kv?;
            digest.entry(&k, &v);
        }
    }
    Ok(digest.finish())
}

/// Swap two directories in one step: at every moment each name holds one
/// whole database.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(|e| {
        std::io::Error::other(format!(
            "cannot swap {} and {} atomically ({e}); the store was not changed",
            a.display(),
            b.display()
        ))
    })
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> std::io::Result<()> {
    Err(std::io::Error::other(
        "compaction needs an atomic directory swap, which only Linux offers here; the store was not changed",
    ))
}

/// Bytes allocated on the file system under `path` (files and directories).
#[cfg(unix)]
pub(crate) fn disk_bytes(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let mut total = 0;
    let mut stack: Vec<PathBuf> = vec![path.to_path_buf()];
    while let Some(p) = stack.pop() {
        let Ok(meta) = std::fs::symlink_metadata(&p) else { continue };
        total += meta.blocks() * 512;
        if meta.is_dir()
            && let Ok(entries) = std::fs::read_dir(&p)
        {
            stack.extend(entries.flatten().map(|e| e.path()));
        }
    }
    total
}

#[cfg(not(unix))]
pub(crate) fn disk_bytes(path: &Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes of sled's snapshot files under `dir`: its page table, one entry
    /// per node, which every open reads whole.
    fn snapshot_bytes(dir: &Path) -> u64 {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with("snap."))
            .map(|e| e.metadata().unwrap().len())
            .sum()
    }

    /// Packed leaves are what a compacted copy is for, so they must survive
    /// the copy's read-back. sled splits every node a descent passes, reads
    /// included, which once split them all again at the first read; and a
    /// read of the packed copy writes nothing.
    #[test]
    fn packed_leaves_survive_reading_and_reading_writes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        // No flusher thread: its segment cleaning rewrites pages whole in
        // the background, which would make the source's count of pages with
        // fragments (asserted below) depend on how long the test runs.
        let source = sled::Config::new().path(tmp.path().join("source")).flush_every_ms(None).open().unwrap();
        for i in 0..20_000u32 {
            source.insert(format!("key-{i:08}"), vec![b'v'; 40]).unwrap();
        }
        let (plain, packed) = (tmp.path().join("plain"), tmp.path().join("packed"));
        let copied = copy_into(&source, &plain, false, &|_| {}).unwrap();
        assert_eq!(copy_into(&source, &packed, true, &|_| {}).unwrap(), copied);
        assert_eq!(reopen_and_digest(&plain).unwrap(), copied);
        assert_eq!(reopen_and_digest(&packed).unwrap(), copied);

        // Reading the packed copy again, as a reading command opens a
        // store (the segment accountant deferred to the first write: built
        // at the open, it may mark a segment the copy freed as dead, which
        // is a write), writes nothing.
        let before = std::fs::read(packed.join("db")).unwrap();
        let reader = sled::Config::new().path(&packed).flush_every_ms(None).defer_accountant(true).open().unwrap();
        assert_eq!(digest_of(&reader).unwrap(), copied);
        drop(reader);
        assert!(std::fs::read(packed.join("db")).unwrap() == before, "reading the packed copy wrote to it");

        // Each open writes a snapshot of the page table as the reads before
        // it left it: after those reads, the packed table is still small.
        reopen_and_digest(&plain).unwrap();
        let (plain_table, packed_table) = (snapshot_bytes(&plain), snapshot_bytes(&packed));
        assert!(
            packed_table * 3 < plain_table,
            "packed copy's page table {packed_table} bytes against {plain_table} unpacked"
        );

        // The packed copy was consolidated: no page of it holds fragments
        // (a page with some would be rewritten here), where the source,
        // written key by key, has pages that do.
        assert_eq!(open_bulk(&packed).unwrap().consolidate_pages().unwrap(), 0);
        assert!(source.consolidate_pages().unwrap() > 0);
        assert_eq!(reopen_and_digest(&packed).unwrap(), copied);
    }

    /// Opens `config`'s database just closed by this process. sled's
    /// background threads can still hold its file (and lock) for a moment
    /// after the handle is dropped, seconds on a loaded machine, as
    /// `open_sled` knows: retry that, as it does.
    fn reopen(config: sled::Config) -> sled::Db {
        let start = std::time::Instant::now();
        loop {
            match config.open() {
                Err(sled::Error::Io(e))
                    if e.to_string().starts_with("could not acquire lock")
                        && start.elapsed() < std::time::Duration::from_secs(10) =>
                {
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                opened => return opened.unwrap(),
            }
        }
    }

    /// The vendored sled installs a page of the snapshot only when it is
    /// first asked for, and builds its segment accountant at the first
    /// write when asked to (vendor/sled/PATCHES.md). After a reopen, pages
    /// not yet loaded must read, take writes, be freed by merges and be
    /// reused as upstream's eagerly loaded ones were, through several
    /// reopens, either way.
    #[test]
    fn pages_loaded_on_first_use_read_and_write_like_loaded_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("db");
        let value = |i: u32, round: u32| format!("value-{i}-{round}").repeat(1 + (i % 7) as usize).into_bytes();
        let mut model = std::collections::BTreeMap::new();
        {
            let db = sled::Config::new().path(&path).open().unwrap();
            for i in 0..30_000u32 {
                let (k, v) = (format!("key-{i:08}").into_bytes(), value(i, 0));
                db.insert(&k, v.clone()).unwrap();
                model.insert(k, v);
            }
            db.flush().unwrap();
        }
        for round in 1..5u32 {
            // Rounds 2 and 4 open as a reader does, the segment accountant
            // deferred to the first write (vendor/sled/PATCHES.md), and
            // then write: the writes, the merges' freed pages and the
            // reopen straight after must work as with it built at the open.
            let deferred = round % 2 == 0;
            let db = reopen(sled::Config::new().path(&path).defer_accountant(deferred));
            // A few point reads first, so that some pages are installed
            // before the writes and most are not.
            for i in (0..30_000u32).step_by(4_999) {
                let k = format!("key-{i:08}").into_bytes();
                assert_eq!(db.get(&k).unwrap().as_deref(), model.get(&k).map(|v| v.as_slice()));
            }
            // Remove long runs (their leaves merge and their pages are
            // freed), rewrite others, add new keys after the old ones.
            for i in 0..30_000u32 {
                let k = format!("key-{i:08}").into_bytes();
                if (i / 500 + round) % 3 == 0 {
                    db.remove(&k).unwrap();
                    model.remove(&k);
                } else if i % 11 == round {
                    let v = value(i, round);
                    db.insert(&k, v.clone()).unwrap();
                    model.insert(k, v);
                }
            }
            for i in 0..2_000u32 {
                let (k, v) = (format!("new-{round}-{i:06}").into_bytes(), value(i, round));
                db.insert(&k, v.clone()).unwrap();
                model.insert(k, v);
            }
            db.flush().unwrap();
            drop(db);
            // The first reopen replays the log written since sled's last
            // snapshot (and writes a new one); the second finds that
            // snapshot current and reads its page states as they are
            // encoded, decoding each page's when it is first read.
            let expected: Vec<(Vec<u8>, Vec<u8>)> = model.clone().into_iter().collect();
            for (reader, deferred) in [("replaying", false), ("from the snapshot", true)] {
                let db = reopen(sled::Config::new().path(&path).defer_accountant(deferred));
                let read: Vec<(Vec<u8>, Vec<u8>)> =
                    db.iter().map(|e| e.unwrap()).map(|(k, v)| (k.to_vec(), v.to_vec())).collect();
                assert_eq!(read.len(), expected.len(), "round {round}, {reader}: number of keys");
                assert!(
                    read == expected,
                    "round {round}, {reader}: the reopened database differs from what was written"
                );
            }
        }
    }
}
