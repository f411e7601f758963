//! claimtrail-store: persistence for claimtrail, and nothing else.
//!
//! Stories, their hash-chained revisions, content-addressed blobs and
//! statements, speakers and the query indexes, in one sled database. No text
//! analysis and no command-line concerns live here; the public API speaks
//! the domain and no sled type leaks out of it.
//!
//! Durability: a revision and everything it touches are written with one
//! atomic sled batch and flushed before [`Store::record_revision`] returns,
//! so after a crash a revision is either entirely there or not at all.

mod analysis;
mod blobs;
mod codec;
mod compact;
mod defer;
mod derived;
mod error;
mod format;
mod furniture;
mod guard;
mod hash;
pub mod journal;
mod keys;
mod kv;
mod lock;
mod near;
mod pg;
mod records;
mod verify;
mod write;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};

pub use compact::Compacted;
pub use error::{Result, StoreError};
pub use furniture::{PageLines, PageOf};
pub use guard::message as panic_message;
pub use hash::{BadHash, Hash32, blob_id};
pub use journal::{Acknowledged, Evidence, Journal, Journaled, Reanalyzed};
pub use lock::Busy;
pub use pg::{SCHEMA_VERSION, is_address as is_postgres_address, redacted_address};

pub use records::{
    AnalysisRecord, Arrival, CheckRecord, Fate, Occurrence, RevisionRecord, Run, RunHead, SpeakerRecord,
    StatementRecord, StoryRecord, WatchRecord,
};
pub use verify::{Problem, VerifyReport};

use records::{RevisionView, RunStamp, RunValue, RunValueView};
pub use write::{StoredAnalysis, WriteBatch};

/// The store format (key layout and value encodings) this build writes and
/// reads. Format 2: postcard records, zstd-delta texts and statement lists,
/// statement runs instead of per-revision index entries. Format 3: an
/// analysis record per revision (its speakers as it named them, a digest
/// and chain of what was derived from it). `reanalyze` upgrades a format 2
/// store in place; every other command refuses it.
pub const FORMAT_VERSION: u32 = 3;

/// sled's page cache. Kept modest on purpose: sled's default (1 GiB) would
/// let a command-line tool grow far past what it should use.
pub const CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// The cache for bulk loading ([`OpenOptions::cache_bytes`]): an import
/// touches most pages once, so a large cache buys little and holds memory
/// (measured: importing 100,000 revisions with 64 MB peaks at ~270 MB of
/// RSS, with 16 MB at ~190 MB, for ~5-10% of the speed).
pub const BULK_CACHE_BYTES: u64 = 16 * 1024 * 1024;

/// How to open a store.
#[derive(Clone, Debug, Default)]
pub struct OpenOptions {
    /// Wait this long for another process to release the store.
    pub wait: Option<Duration>,
    /// sled's cache size [default: [`CACHE_BYTES`]].
    pub cache_bytes: Option<u64>,
    /// Open a store of an older format, to upgrade it (`reanalyze`); the
    /// caller then writes every analysis and calls
    /// [`Store::mark_current_format`].
    pub upgrade: bool,
    /// Called once when the store is busy and the open waits for it.
    pub on_wait: Option<fn(&lock::Busy)>,
    /// The caller only reads: nothing of ours is written on open (no
    /// format file for a store made before there was one).
    pub read_only: bool,
}

/// An open store: a sled directory (holding its lock until dropped) or a
/// PostgreSQL database (see `kv.rs` for the boundary between them).
#[derive(Debug)]
pub struct Store {
    /// The sled directory, or the PostgreSQL address as shown (no password).
    path: PathBuf,
    /// The sled database; always there until the store is dropped (see
    /// [`Store::drop`]), unless the store is on PostgreSQL.
    db: Option<sled::Db>,
    /// The PostgreSQL database, for a store at a `postgres://` address.
    pg: Option<pg::Db>,
    /// sled's cache size, to open it again on drop.
    cache_bytes: Option<u64>,
    /// This process wrote to the database (see [`Store::drop`]).
    wrote: std::sync::atomic::AtomicBool,
    /// The statement list decoded last (story, revision, wire bytes): a
    /// walk through a story's revisions decodes each delta once.
    list_cache: std::sync::Mutex<Option<(String, u32, Vec<u8>)>>,
    /// Where the journal's last whole entry ends, once this process has
    /// appended to it.
    journal_end: std::sync::Mutex<Option<u64>>,
    /// Values and prefix scans [`Store::read_ahead`] fetched together
    /// (PostgreSQL only; emptied by any write of this process).
    ahead: std::sync::Mutex<ReadAhead>,
    /// Opened only to read (see [`parked`]).
    read_only: bool,
    /// sled's writers are exclusive; PostgreSQL's take row locks instead.
    _lock: Option<lock::LockFile>,
    /// A bulk load's deferred index writes (see [`defer`]).
    deferred: std::sync::Mutex<Option<defer::Deferred>>,
}

/// A record a query will read, for [`Store::read_ahead`].
#[derive(Clone, Copy, Debug)]
pub enum Ahead<'a> {
    Story(&'a str),
    Revision(&'a str, u32),
    Statement(&'a Hash32),
    Speaker(&'a str),
    /// The speakers recorded with a lookup key ([`Store::speakers_by_key`]).
    SpeakersByKey(&'a str),
    /// The speakers recorded with a longer lookup key
    /// ([`Store::speakers_by_longer_key`]).
    SpeakersByLongerKey(&'a str),
    /// A speaker's run index ([`Store::runs_by_speaker`]).
    RunsBySpeaker(&'a str),
    /// A statement's runs in every story ([`Store::runs_of`]).
    RunsOf(&'a Hash32),
    /// A statement's runs in one story ([`Store::runs_in`]).
    RunsIn(&'a Hash32, &'a str),
    /// The statements under a search key, with their contents
    /// ([`Store::statements_with_key`], then [`Store::statement`]).
    StatementsWithKey(u64),
}

/// What [`Store::read_ahead`] fetched: values by key, and whole prefix
/// scans by prefix (their rows are values too).
#[derive(Debug, Default)]
struct ReadAhead {
    values: HashMap<Vec<u8>, Option<Vec<u8>>>,
    scans: HashMap<Vec<u8>, Rows>,
}

/// Keys and values, in key order.
pub(crate) type Rows = Vec<(Vec<u8>, Vec<u8>)>;

impl ReadAhead {
    fn clear(&mut self) {
        self.values.clear();
        self.scans.clear();
    }
}

/// One statement of a revision being recorded.
#[derive(Clone, Debug)]
pub struct NewStatement {
    pub occurrence: Occurrence,
    pub content: String,
    /// Search terms of the content (the caller decides what a term is).
    /// Read only for a statement the store does not hold yet, so a caller
    /// may leave them out for statements of the story's latest revision.
    pub terms: Vec<String>,
    /// Fingerprints of the content's wording for the variant index (see
    /// `near.rs`; the caller decides what they are). Read, like `terms`,
    /// only for a statement the store does not hold yet.
    pub prints: Vec<u64>,
}

/// A revision to record, with what was extracted from it.
#[derive(Clone, Debug)]
pub struct NewRevision<'a> {
    pub story: &'a str,
    pub url: Option<&'a str>,
    pub title: Option<&'a str>,
    pub raw: &'a [u8],
    pub text: &'a str,
    pub captured_at: DateTime<Utc>,
    pub source: &'a str,
    pub format: &'a str,
    pub meta: BTreeMap<String, String>,
    pub statements: Vec<NewStatement>,
    /// Every speaker the statements name, as this revision names them.
    pub speakers: Vec<SpeakerRecord>,
    /// The version of the analysis (extraction and speaker rules) that
    /// produced `statements`, `speakers` and `meta`.
    pub analysis: &'a str,
    /// How statements new to the story's latest revision came in, by
    /// statement (the caller's claim diff; unsaid: added).
    pub arrivals: HashMap<Hash32, Arrival>,
    /// What became of the latest revision's statements that this one
    /// drops, by statement (unsaid: removed).
    pub fates: HashMap<Hash32, Fate>,
    /// The page's site and lines for the furniture index (see
    /// `furniture.rs`); `None` for a page with no known site.
    pub page: Option<PageLines>,
}

/// A revision's analysis re-derived by the caller, for
/// [`WriteBatch::replace_analysis`].
#[derive(Clone, Debug, Default)]
pub struct NewAnalysis {
    pub statements: Vec<NewStatement>,
    /// Every speaker the statements name, as the revision names them.
    pub speakers: Vec<SpeakerRecord>,
    pub arrivals: HashMap<Hash32, Arrival>,
    pub fates: HashMap<Hash32, Fate>,
    /// Its journal entry, when the caller worked it out ahead
    /// ([`Journaled::reanalysis`]); otherwise the batch encodes it.
    pub journal: Option<Journaled>,
}

impl NewRevision<'_> {
    /// The id this revision gets when recorded as revision `number` of its
    /// story after `parent`. Recording computes it here, and an import uses
    /// it to check every id of an export before it writes any of them.
    pub fn id(&self, number: u32, parent: Option<Hash32>) -> Hash32 {
        hash::revision_id(&hash::RevisionFields {
            story: self.story,
            number,
            parent,
            captured_secs: self.captured_at.timestamp(),
            captured_nanos: self.captured_at.timestamp_subsec_nanos(),
            source: self.source,
            format: self.format,
            raw: blob_id(self.raw),
            text: blob_id(self.text.as_bytes()),
        })
    }
}

/// The revision metadata key of the page's headline (the reader's title):
/// a revision whose text is unchanged is still new when this differs
/// ([`Store::record_revision`]).
pub const TITLE: &str = "title";

/// The revision metadata key of the kind of primary source a revision was
/// recorded as (`record --primary`: transcript, statement, document). The
/// statement index keeps it beside each run's capture time (see
/// [`RunHead::stamp`]).
pub const PRIMARY: &str = "primary";

/// What recording did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// A new revision was written.
    New { revision: RevisionRecord, new_story: bool },
    /// The text and the headline (metadata `title`) equal the latest
    /// revision's: nothing was written.
    Unchanged { latest: RevisionRecord },
}

/// Where a statement occurs: story, revision number, index in the revision.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Location {
    pub story: String,
    pub revision: u32,
    pub index: u32,
}

/// Open the sled database under our lock. Holding our lock proves no other
/// claimtrail has the store, but sled's own file lock can outlive a process
/// that is just exiting (its background threads release it last), so a
/// lock conflict is retried for a short while before it is reported.
fn open_sled(path: &Path, options: &OpenOptions) -> Result<sled::Db> {
    if let Some(db) = parked::take(path) {
        return Ok(db);
    }
    // Our own lock is held by now, so a conflict on sled's is only ever a
    // handle of ours still closing (in this process, or in one that is
    // exiting); on a loaded machine its threads can take seconds.
    let patience = options.wait.unwrap_or_default().max(Duration::from_secs(10));
    let cache = options.cache_bytes.unwrap_or(CACHE_BYTES);
    let start = std::time::Instant::now();
    let mut retried = false;
    let mut cleared = false;
    loop {
        // A reader gets no background flusher: nothing it does is to be
        // written (see `parked`). Nor does it have sled build its segment
        // accountant, which only writes need (vendor/sled/PATCHES.md): a
        // pass over every page the store holds, at every open.
        let flush_every = if options.read_only { None } else { Some(500) };
        let config = sled::Config::new()
            .path(path.join("db"))
            .cache_capacity(cache)
            .flush_every_ms(flush_every)
            .defer_accountant(options.read_only);
        let opened = guard::catch(|| config.open()).map_err(|panic| StoreError::Damaged {
            path: path.to_path_buf(),
            detail: format!("sled failed reading it ({panic})"),
        })?;
        match opened {
            Ok(db) => return Ok(db),
            Err(sled::Error::Io(e)) if e.to_string().starts_with("could not acquire lock") => {
                if start.elapsed() >= patience {
                    return Err(StoreError::InUse { path: path.to_path_buf(), pid: None });
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(sled::Error::Io(source)) => {
                return Err(StoreError::Open { path: path.to_path_buf(), source });
            }
            Err(sled::Error::Corruption { .. }) if !cleared && !unfinished_snapshots(&path.join("db")).is_empty() => {
                // sled writes a snapshot as `snap.N.generating` and renames
                // it when complete, but 0.34 reads the newest `snap.*` file
                // whatever its name: a process killed while writing one
                // (every open after a write makes one) leaves a file sled
                // then refuses for good. The snapshot it would have
                // replaced is still there, and the log since it; an
                // unfinished one is only ever a leftover.
                for leftover in unfinished_snapshots(&path.join("db")) {
                    std::fs::remove_file(&leftover)
                        .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
                }
                cleared = true;
            }
            Err(sled::Error::Corruption { .. }) if unborn(&path.join("db")) && !retried => {
                // sled writes its config file when it creates a database;
                // a process killed then leaves a half-written one, and sled
                // refuses to open. With no data file and no snapshot nothing
                // was ever stored: create the database again.
                std::fs::remove_dir_all(path.join("db"))
                    .map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
                retried = true;
            }
            Err(source) => return Err(db_error(path, source)),
        }
    }
}

/// Snapshots sled began writing and never finished (`snap.N.generating`).
fn unfinished_snapshots(db: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(db) else { return Vec::new() };
    entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            name.starts_with("snap.") && name.ends_with(".generating")
        })
        .collect()
}

/// Whether a sled directory holds no data yet: no data file (or an empty
/// one) and no snapshot. Such a directory is what a creation cut short
/// leaves behind.
fn unborn(db: &Path) -> bool {
    let data_empty = std::fs::metadata(db.join("db")).map_or(true, |m| m.len() == 0);
    let snapshots = std::fs::read_dir(db)
        .map(|entries| entries.flatten().any(|e| e.file_name().to_string_lossy().starts_with("snap.")))
        .unwrap_or(true);
    data_empty && !snapshots
}

/// Characters that print as nothing or reorder what follows: zero-width
/// spaces and joiners, soft hyphens, bidirectional marks, embeddings,
/// overrides and isolates, variation selectors, tags. Two ids that look
/// alike on screen must be the same id.
fn invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{FFF0}'..='\u{FFF8}' | '\u{E0000}'..='\u{E0FFF}')
}

/// Check a user-given story id.
pub fn validate_story_id(id: &str) -> Result<()> {
    let reason = if id.is_empty() {
        "it is empty"
    } else if id.chars().any(char::is_whitespace) {
        "it contains white space"
    } else if id.contains('/') {
        "it contains '/'"
    } else if id.contains('@') {
        "it contains '@', which separates a story from a revision"
    } else if id.chars().any(char::is_control) {
        "it contains a control character"
    } else if id.chars().any(invisible) {
        "it contains an invisible or bidirectional control character"
    } else if id == "." || id == ".." {
        "'.' and '..' name directories, not stories"
    } else if id.starts_with('-') {
        "it starts with '-', which reads as a flag or standard input"
    } else if id == "~" {
        "'~' reads as a home directory"
    } else if id.len() > 200 {
        "it is longer than 200 bytes"
    } else {
        return Ok(());
    };
    Err(StoreError::InvalidStoryId { id: id.to_string(), reason })
}

impl Store {
    /// Whether a store exists at `path` (without creating one). A
    /// PostgreSQL address exists once its schema does (or when the server
    /// cannot be reached, so that opening it says why).
    pub fn exists(path: &Path) -> bool {
        match postgres_address(path) {
            Some(address) => pg::Db::exists(address),
            None => path.join("db").exists(),
        }
    }

    /// Whether `path` is a sled store whose database is gone but whose
    /// journal is there: revisions were recorded in it, so it must be
    /// salvaged, not taken for no store or started afresh.
    pub fn lost_database(path: &Path) -> bool {
        postgres_address(path).is_none()
            && !path.join("db").exists()
            && std::fs::metadata(path.join(journal::FILE)).is_ok_and(|m| m.len() > 0)
    }

    /// Open (creating if needed) the store in directory `path`.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, &OpenOptions::default())
    }

    pub fn open_with(path: &Path, options: &OpenOptions) -> Result<Store> {
        if let Some(address) = postgres_address(path) {
            return Store::open_postgres(address, options);
        }
        if path.exists() && !path.is_dir() {
            return Err(StoreError::NotADirectory { path: path.to_path_buf() });
        }
        std::fs::create_dir_all(path).map_err(|source| StoreError::Open { path: path.to_path_buf(), source })?;
        let lock = lock::LockFile::acquire(path, options.wait, options.on_wait)?;
        // Refuse a store of another format before sled touches its files
        // (sled rewrites some on open).
        let recorded = format::read(path)?;
        if let Some(found) = recorded.version() {
            format::check(path, found, options.upgrade)?;
        }
        let fresh = !Store::exists(path);
        if fresh && Store::lost_database(path) {
            return Err(StoreError::DatabaseMissing { path: path.to_path_buf() });
        }
        if fresh && !options.read_only {
            format::write(path)?;
        }
        let db = open_sled(path, options)?;
        let store = Store {
            path: path.to_path_buf(),
            db: Some(db),
            pg: None,
            cache_bytes: options.cache_bytes,
            wrote: Default::default(),
            list_cache: Default::default(),
            journal_end: Default::default(),
            ahead: Default::default(),
            read_only: options.read_only,
            _lock: Some(lock),
            deferred: Default::default(),
        };
        // A bulk load's index left pending is written before anything
        // reads the store (and before the format check, which it passes
        // only once it is written).
        store.settle_pending()?;
        let found = store.check_format(options)?;
        let sealed = matches!(recorded, format::Found::Sealed(_));
        if !sealed && !fresh && !options.read_only && found == FORMAT_VERSION {
            // A store from before the format file (or its checksum), or a
            // damaged one: write it.
            format::write(path)?;
        }
        Ok(store)
    }

    /// Open the store in the PostgreSQL database at `address`: connect,
    /// migrate the schema (refusing a newer one) and check the record
    /// format, as for sled. No lock file: the database serialises writers.
    fn open_postgres(address: &str, options: &OpenOptions) -> Result<Store> {
        let db = pg::Db::open(address)?;
        let store = Store {
            path: PathBuf::from(&db.shown),
            db: None,
            pg: Some(db),
            cache_bytes: None,
            wrote: Default::default(),
            list_cache: Default::default(),
            journal_end: Default::default(),
            ahead: Default::default(),
            read_only: options.read_only,
            _lock: None,
            deferred: Default::default(),
        };
        store.check_format(&OpenOptions { read_only: false, ..options.clone() })?;
        Ok(store)
    }

    /// The sled directory, or the PostgreSQL address (without password).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store is on PostgreSQL (and has none of sled's files:
    /// no journal, no lock file, no format file).
    pub fn is_postgres(&self) -> bool {
        self.pg.is_some()
    }

    fn db_err(&self, source: sled::Error) -> StoreError {
        db_error(&self.path, source)
    }

    fn corrupt(&self, detail: impl Into<String>) -> StoreError {
        StoreError::Corrupt { path: self.path.clone(), detail: detail.into() }
    }

    /// Check the version inside the database; returns it.
    fn check_format(&self, options: &OpenOptions) -> Result<u32> {
        match self.get(keys::FORMAT_KEY)? {
            Some(v) => {
                let found = <[u8; 4]>::try_from(&v[..])
                    .map(u32::from_be_bytes)
                    .map_err(|_| self.corrupt("the format version record is unreadable"))?;
                format::check(&self.path, found, options.upgrade)?;
                Ok(found)
            }
            None if options.read_only => Ok(FORMAT_VERSION),
            None => {
                self.put_one(keys::FORMAT_KEY, &FORMAT_VERSION.to_be_bytes())?;
                Ok(FORMAT_VERSION)
            }
        }
    }

    /// The format the store is in (older than [`FORMAT_VERSION`] only when
    /// opened to upgrade).
    pub fn format(&self) -> Result<u32> {
        let v = self.get(keys::FORMAT_KEY)?;
        Ok(v.and_then(|v| <[u8; 4]>::try_from(&v[..]).ok()).map_or(FORMAT_VERSION, u32::from_be_bytes))
    }

    /// Record that the store is in the current format, once an upgrade
    /// has re-derived every revision's analysis.
    pub fn mark_current_format(&self) -> Result<()> {
        self.put_one(keys::FORMAT_KEY, &FORMAT_VERSION.to_be_bytes())?;
        match self.pg {
            Some(_) => Ok(()),
            None => format::write(&self.path),
        }
    }

    fn get(&self, key: &[u8]) -> Result<Option<sled::IVec>> {
        match &self.pg {
            Some(pg) => {
                if let Some(v) = self.ahead().values.get(key) {
                    return Ok(v.as_deref().map(sled::IVec::from));
                }
                Ok(pg.get(key)?.map(sled::IVec::from))
            }
            None => self.sled(|db| db.get(key)),
        }
    }

    fn ahead(&self) -> std::sync::MutexGuard<'_, ReadAhead> {
        self.ahead.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Fetch the records a query is about to read, together: on
    /// PostgreSQL one round trip per kind of record instead of one per
    /// record (the next reads of them are answered from memory); on sled,
    /// whose reads are in-process, nothing. A write by this process
    /// forgets them, so a writer never reads its own stale value.
    pub fn read_ahead(&self, wanted: &[Ahead<'_>]) -> Result<()> {
        if self.pg.is_none() {
            return Ok(());
        }
        let (mut keys, mut prefixes) = (Vec::new(), Vec::new());
        for w in wanted {
            match w {
                Ahead::Story(id) => keys.push(keys::story(id)),
                Ahead::Revision(story, n) => keys.push(keys::revision(story, *n)),
                Ahead::Statement(hash) => keys.push(keys::statement(hash)),
                Ahead::Speaker(id) => keys.push(keys::speaker(id)),
                Ahead::SpeakersByKey(key) => prefixes.push(keys::by_name_prefix(key)),
                Ahead::SpeakersByLongerKey(key) => prefixes.push(keys::by_longer_name_prefix(key)),
                Ahead::RunsBySpeaker(id) => prefixes.push(keys::by_speaker_prefix(id)),
                Ahead::RunsOf(hash) => prefixes.push(keys::by_statement_prefix(hash)),
                Ahead::RunsIn(hash, story) => prefixes.push(keys::by_statement_in(hash, story)),
                Ahead::StatementsWithKey(key) => prefixes.push(statement_key_prefix(*key)),
            }
        }
        self.fetch_ahead(keys, prefixes)
    }

    /// [`Store::read_ahead`] for the write path: what recording a
    /// revision will look up (its story, blobs, statements, speakers) and
    /// scan (its statements' runs).
    pub(crate) fn prefetch(&self, keys: Vec<Vec<u8>>, prefixes: Vec<Vec<u8>>) -> Result<()> {
        self.fetch_ahead(keys, prefixes)
    }

    fn fetch_ahead(&self, mut keys: Vec<Vec<u8>>, mut prefixes: Vec<Vec<u8>>) -> Result<()> {
        let Some(pg) = &self.pg else { return Ok(()) };
        {
            let ahead = self.ahead();
            keys.retain(|k| !ahead.values.contains_key(k));
            prefixes.retain(|p| !ahead.scans.contains_key(p));
        }
        keys.sort_unstable();
        keys.dedup();
        prefixes.sort_unstable();
        prefixes.dedup();
        if keys.is_empty() && prefixes.is_empty() {
            return Ok(());
        }
        let fetched = pg.get_many(&keys, &prefixes)?;
        let mut ahead = self.ahead();
        ahead.values.extend(keys.into_iter().zip(fetched.values));
        for (prefix, rows) in prefixes.into_iter().zip(fetched.under) {
            ahead.values.extend(rows.iter().map(|(k, v)| (k.clone(), Some(v.clone()))));
            ahead.scans.insert(prefix, rows);
        }
        Ok(())
    }

    /// Write one key on its own, durably.
    fn put_one(&self, key: &[u8], value: &[u8]) -> Result<()> {
        self.ahead().clear();
        match &self.pg {
            Some(pg) => pg.put(key, value),
            None => {
                self.sled(|db| db.insert(key, value))?;
                self.flush()
            }
        }
    }

    /// Remove one key on its own, durably; returns whether it was there.
    fn remove_one(&self, key: &[u8]) -> Result<bool> {
        self.ahead().clear();
        let found = match &self.pg {
            Some(pg) => pg.remove(key)?,
            None => self.sled(|db| db.remove(key))?.is_some(),
        };
        self.flush()?;
        Ok(found)
    }

    /// Apply `batch` atomically and durably, with the store's counters
    /// moved from `before` to `after`; `numbered` adds the writes that
    /// need a write-batch number of their own (postings), and is given one.
    pub(crate) fn apply(
        &self,
        mut batch: kv::Batch,
        before: &Counts,
        mut after: Counts,
        numbered: kv::Numbered<'_>,
    ) -> Result<()> {
        if let Some(pg) = &self.pg {
            self.ahead().clear();
            return pg.apply(batch, before, &after, numbered);
        }
        if let Some(add) = numbered {
            after.batches += 1;
            add(after.batches, &mut batch);
        }
        after.write(&mut batch);
        // A bulk load's randomly keyed writes go to its log (see `defer`).
        let logged = self.defer_writes(&mut batch)?;
        self.sled(|db| db.apply_batch(batch.to_sled()))?;
        self.flush()?;
        if let Some(end) = logged {
            self.deferred_committed(end);
        }
        Ok(())
    }

    /// A write batch starts: on PostgreSQL, its transaction.
    pub(crate) fn begin_batch(&self) -> Result<()> {
        self.ahead().clear();
        match &self.pg {
            Some(pg) => pg.begin(),
            None => Ok(()),
        }
    }

    /// A write batch ends uncommitted: nothing it staged is written.
    pub(crate) fn abandon_batch(&self) {
        if let Some(pg) = &self.pg {
            pg.rollback();
        }
    }

    /// A write batch is about to read `story`'s head to append to it: on
    /// PostgreSQL, lock the story until the batch commits, so two writers
    /// append one after the other. (sled's writers are exclusive already.)
    pub(crate) fn lock_story(&self, story: &str) -> Result<()> {
        match &self.pg {
            Some(pg) => pg.lock_story(story),
            None => Ok(()),
        }
    }

    fn get_sealed<T: serde::de::DeserializeOwned>(&self, kind: u8, key: &[u8], what: &str) -> Result<Option<T>> {
        self.get_sealed_with(kind, key, || what.to_string())
    }

    /// [`Store::get_sealed`], saying what the record is only when it fails:
    /// for the records a query reads thousands of.
    fn get_sealed_with<T: serde::de::DeserializeOwned>(
        &self,
        kind: u8,
        key: &[u8],
        what: impl FnOnce() -> String,
    ) -> Result<Option<T>> {
        match self.get(key)? {
            None => Ok(None),
            Some(v) => decode(kind, &v).map(Some).ok_or_else(|| self.corrupt(format!("{} fails its checksum", what()))),
        }
    }

    fn counter(&self, name: &str) -> Result<u64> {
        Ok(self.get(&keys::counter(name))?.map_or(0, |v| be_u64(&v)))
    }

    // ---- reading ----------------------------------------------------

    /// All stories, by id.
    pub fn stories(&self) -> Result<Vec<StoryRecord>> {
        let mut out = Vec::new();
        for kv in self.scan([keys::STORY]) {
            let (k, v) = kv?;
            let story = decode(keys::STORY, &v).ok_or_else(|| {
                self.corrupt(format!("the record of story {:?} fails its checksum", String::from_utf8_lossy(&k[1..])))
            })?;
            out.push(story);
        }
        Ok(out)
    }

    pub fn story(&self, id: &str) -> Result<Option<StoryRecord>> {
        self.get_sealed(keys::STORY, &keys::story(id), &format!("the record of story {id:?}"))
    }

    /// The story, or an "unknown story" error.
    pub fn require_story(&self, id: &str) -> Result<StoryRecord> {
        validate_story_id(id)?;
        self.story(id)?.ok_or_else(|| StoreError::UnknownStory(id.to_string()))
    }

    /// Revisions of a story, oldest first.
    pub fn revisions(&self, story: &str) -> Result<Vec<RevisionRecord>> {
        let mut out = Vec::new();
        for kv in self.scan(keys::revisions_of(story)) {
            let (_, v) = kv?;
            let rev = decode(keys::REVISION, &v)
                .ok_or_else(|| self.corrupt(format!("a revision record of story {story:?} fails its checksum")))?;
            out.push(rev);
        }
        Ok(out)
    }

    pub fn revision(&self, story: &str, number: u32) -> Result<Option<RevisionRecord>> {
        self.get_sealed_with(keys::REVISION, &keys::revision(story, number), || {
            format!("revision {number} of story {story:?}")
        })
    }

    /// When revision `number` of `story` was captured, and its metadata
    /// value for `key` (`None` for the revision when it is missing): what
    /// a query that reads thousands of revisions for their times needs,
    /// without copying the record's strings.
    pub fn revision_stamp(
        &self,
        story: &str,
        number: u32,
        key: &str,
    ) -> Result<Option<(DateTime<Utc>, Option<String>)>> {
        let Some(v) = self.get(&keys::revision(story, number))? else {
            return Ok(None);
        };
        let corrupt = || self.corrupt(format!("revision {number} of story {story:?} fails its checksum"));
        let payload = hash::unseal(keys::REVISION, &v).ok_or_else(corrupt)?;
        let view: RevisionView<'_> = codec::from_bytes(payload).ok_or_else(corrupt)?;
        let value = view.meta.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_string());
        Ok(Some((view.captured_at, value)))
    }

    /// Revision `number` of `story`, or an out-of-range error.
    pub fn require_revision(&self, story: &StoryRecord, number: u32) -> Result<RevisionRecord> {
        if number == 0 || number > story.revisions {
            return Err(StoreError::RevisionOutOfRange { story: story.id.clone(), number, count: story.revisions });
        }
        self.revision(&story.id, number)?
            .ok_or_else(|| self.corrupt(format!("revision {number} of story {:?} is missing", story.id)))
    }

    /// The revision of `story` whose id starts with the hex `prefix`.
    pub fn revision_by_prefix(&self, story: &StoryRecord, prefix: &str) -> Result<RevisionRecord> {
        let prefix = prefix.to_ascii_lowercase();
        let matches: Vec<RevisionRecord> =
            self.revisions(&story.id)?.into_iter().filter(|r| r.id.to_hex().starts_with(&prefix)).collect();
        match matches.len() {
            0 => Err(StoreError::UnknownRevision { story: story.id.clone(), prefix }),
            1 => Ok(matches.into_iter().next().expect("one match")),
            _ => Err(StoreError::AmbiguousRevision {
                story: story.id.clone(),
                prefix,
                candidates: matches.iter().map(|r| format!("@{} ({})", r.number, r.id.short())).collect(),
            }),
        }
    }

    /// A blob's bytes, checked against its id (blake3 is cheap next to
    /// decoding): damaged bytes are an error, never shown as the text.
    pub fn blob(&self, id: &Hash32) -> Result<Vec<u8>> {
        blobs::load_blob(self, id)?.map_err(|detail| self.corrupt(detail))
    }

    /// The normalised text of a revision.
    pub fn text(&self, rev: &RevisionRecord) -> Result<String> {
        self.text_after(rev, None)
    }

    /// [`Store::text`], given a revision read before it (its record and
    /// text): a revision's text is stored as a delta against its
    /// parent's, so reading a story's texts in order this way decodes one
    /// delta each instead of the chain back to a whole text.
    pub fn text_after(&self, rev: &RevisionRecord, before: Option<(&RevisionRecord, &str)>) -> Result<String> {
        let known = before.map(|(r, text)| (&r.text, text.as_bytes()));
        let bytes = blobs::load_blob_after(self, &rev.text, known)?.map_err(|detail| self.corrupt(detail))?;
        String::from_utf8(bytes).map_err(|_| {
            self.corrupt(format!("the text of revision {} of story {:?} is not UTF-8", rev.number, rev.story))
        })
    }

    /// The statements of a revision, in order.
    pub fn occurrences(&self, rev: &RevisionRecord) -> Result<Vec<Occurrence>> {
        let what = || format!("the statements of revision {} of story {:?}", rev.number, rev.story);
        let mut cache = self.list_cache.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let known = cache.as_ref().filter(|(s, _, _)| *s == rev.story).map(|(_, n, wire)| (*n, &wire[..]));
        let wire = blobs::load_list(self, &rev.story, rev.number, known)?
            .map_err(|detail| self.corrupt(format!("story {:?}: {detail}", rev.story)))?;
        let list =
            codec::occurrences_from_wire(&wire).ok_or_else(|| self.corrupt(format!("{} cannot be decoded", what())))?;
        *cache = Some((rev.story.clone(), rev.number, wire));
        Ok(list)
    }

    /// What was derived from a revision, by which analysis version, and
    /// its speakers as it named them (`None` in a store not yet upgraded).
    pub fn analysis(&self, rev: &RevisionRecord) -> Result<Option<AnalysisRecord>> {
        self.get_sealed(
            keys::ANALYSIS,
            &keys::analysis(&rev.story, rev.number),
            &format!("the analysis record of revision {} of story {:?}", rev.number, rev.story),
        )
    }

    /// Whether the store holds a statement's content.
    pub fn has_statement(&self, hash: &Hash32) -> Result<bool> {
        Ok(self.get(&keys::statement(hash))?.is_some())
    }

    /// A statement's content.
    pub fn statement(&self, hash: &Hash32) -> Result<Option<StatementRecord>> {
        match self.get(&keys::statement(hash))? {
            None => Ok(None),
            Some(v) => String::from_utf8(v.to_vec())
                .map(|content| Some(StatementRecord { content }))
                .map_err(|_| self.corrupt(format!("statement {} is not UTF-8", hash.short()))),
        }
    }

    /// Statements whose hash starts with the hex `prefix` (at most `limit`).
    pub fn statements_by_prefix(&self, prefix: &str, limit: usize) -> Result<Vec<Hash32>> {
        let prefix = prefix.to_ascii_lowercase();
        let whole: Vec<u8> =
            (0..prefix.len() / 2).filter_map(|i| u8::from_str_radix(&prefix[2 * i..2 * i + 2], 16).ok()).collect();
        let mut scan = vec![keys::STATEMENT];
        scan.extend_from_slice(&whole);
        let mut out = Vec::new();
        for kv in self.scan(scan) {
            let (k, _) = kv?;
            if let Some(h) = Hash32::from_slice(&k[1..])
                && h.to_hex().starts_with(&prefix)
            {
                out.push(h);
                if out.len() >= limit {
                    break;
                }
            }
        }
        Ok(out)
    }

    pub fn speaker(&self, id: &str) -> Result<Option<SpeakerRecord>> {
        self.get_sealed_with(keys::SPEAKER, &keys::speaker(id), || format!("the record of speaker {id:?}"))
    }

    /// Ids of the speakers recorded with this lookup key.
    pub fn speakers_by_key(&self, key: &str) -> Result<Vec<String>> {
        let prefix = keys::by_name_prefix(key);
        let mut out = Vec::new();
        for kv in self.scan(&prefix) {
            let (k, _) = kv?;
            out.push(String::from_utf8_lossy(&k[prefix.len()..]).into_owned());
        }
        Ok(out)
    }

    /// The speakers indexed under a name-index key that is `key` followed
    /// by a space and more words ("n:claudia sheinbaum" finds those under
    /// "n:claudia sheinbaum pardo"), each once.
    pub fn speakers_by_longer_key(&self, key: &str) -> Result<Vec<String>> {
        let prefix = keys::by_longer_name_prefix(key);
        let mut out = Vec::new();
        for kv in self.scan(&prefix) {
            let (k, _) = kv?;
            let Some(nul) = k.iter().rposition(|&b| b == 0) else { continue };
            let id = String::from_utf8_lossy(&k[nul + 1..]).into_owned();
            if !out.contains(&id) {
                out.push(id);
            }
        }
        Ok(out)
    }

    /// Every speaker, by id.
    pub fn speakers(&self) -> Result<Vec<SpeakerRecord>> {
        let mut out = Vec::new();
        for kv in self.scan([keys::SPEAKER]) {
            let (k, v) = kv?;
            out.push(decode(keys::SPEAKER, &v).ok_or_else(|| {
                self.corrupt(format!("the record of speaker {:?} fails its checksum", String::from_utf8_lossy(&k[1..])))
            })?);
        }
        Ok(out)
    }

    /// The stories and statements a speaker's runs hold, in story and
    /// statement order (one entry per run): what counting needs, read from
    /// the index keys alone.
    pub fn speaker_footprint(&self, speaker: &str) -> Result<Vec<(String, Hash32)>> {
        let mut out = Vec::new();
        self.speaker_entries(speaker, |story, statement, _, _| {
            out.push((story, statement));
            Ok(())
        })?;
        Ok(out)
    }

    /// A speaker's statement runs, in story, statement and revision order.
    pub fn runs_by_speaker(&self, speaker: &str) -> Result<Vec<Run>> {
        let mut out = Vec::new();
        self.speaker_entries(speaker, |story, statement, first, v| {
            let value: RunValue =
                codec::from_bytes(v).ok_or_else(|| self.corrupt("a speaker index entry is unreadable"))?;
            out.push(run(story, statement, Some(speaker.to_string()), first, value));
            Ok(())
        })?;
        Ok(out)
    }

    /// Each entry of a speaker's run index: story, statement, first
    /// revision (from the key) and the encoded run value.
    fn speaker_entries(
        &self,
        speaker: &str,
        mut each: impl FnMut(String, Hash32, u32, &[u8]) -> Result<()>,
    ) -> Result<()> {
        let prefix = keys::by_speaker_prefix(speaker);
        self.visit(&prefix, |k, v| {
            let (story, statement, first) = keys::split_speaker_tail(&k[prefix.len()..])
                .ok_or_else(|| self.corrupt("a speaker index key is unreadable"))?;
            each(story, statement, first, v)?;
            Ok(true)
        })
    }

    /// A statement's runs in every story.
    pub fn runs_of(&self, hash: &Hash32) -> Result<Vec<Run>> {
        self.runs_with_prefix(hash, &keys::by_statement_prefix(hash))
    }

    /// Where each of a statement's runs starts (story, speaker, first
    /// revision), its attribution there and, when the entry keeps it, the
    /// capture time and primary-source kind of that revision (see
    /// [`RunHead::stamp`]), in the order [`Store::runs_of`] lists them,
    /// each borrowed for the length of one call of `each`: for queries
    /// that read thousands of runs and need no more of them.
    pub fn first_runs_of(&self, hash: &Hash32, mut each: impl FnMut(RunHead<'_>)) -> Result<()> {
        let prefix = keys::by_statement_prefix(hash);
        self.visit(&prefix, |k, v| {
            let (story, first, speaker) = keys::split_statement_tail_ref(&k[prefix.len()..])
                .ok_or_else(|| self.corrupt("a statement index key is unreadable"))?;
            let unreadable = || self.corrupt("a statement index entry is unreadable");
            let (value, rest): (RunValueView<'_>, _) = codec::take_from_bytes(v).ok_or_else(unreadable)?;
            let stamp = match rest {
                [] => None,
                rest => {
                    let s: RunStamp<'_> = codec::from_bytes(rest).ok_or_else(unreadable)?;
                    Some((s.captured_at().ok_or_else(unreadable)?, s.primary))
                }
            };
            each(RunHead { story, speaker, first, attribution: value.attribution, stamp });
            Ok(true)
        })
    }

    /// A statement's runs in one story.
    pub fn runs_in(&self, hash: &Hash32, story: &str) -> Result<Vec<Run>> {
        self.runs_with_prefix(hash, &keys::by_statement_in(hash, story))
    }

    fn runs_with_prefix(&self, hash: &Hash32, prefix: &[u8]) -> Result<Vec<Run>> {
        let mut out = Vec::new();
        for kv in self.scan(prefix) {
            let (k, v) = kv?;
            let (story, first, speaker) = keys::split_statement_tail(&k[33..])
                .ok_or_else(|| self.corrupt("a statement index key is unreadable"))?;
            let value: RunValue =
                codec::from_bytes(&v).ok_or_else(|| self.corrupt("a statement index entry is unreadable"))?;
            out.push(run(story, *hash, speaker, first, value));
        }
        Ok(out)
    }

    /// Statements whose content holds `term`, by their key (the first 8
    /// bytes of their hash: the index stores those, not whole hashes, to
    /// stay small). [`Store::statements_with_key`] resolves a key.
    pub fn statements_with_term(&self, term: &str) -> Result<Vec<u64>> {
        let prefix = keys::by_term_prefix(term);
        let mut out = Vec::new();
        for kv in self.scan(&prefix) {
            let (_, v) = kv?;
            if v.len() % 8 != 0 {
                return Err(self.corrupt("a term index entry is unreadable"));
            }
            out.extend(v.chunks_exact(8).map(|c| u64::from_be_bytes(c.try_into().unwrap_or_default())));
        }
        Ok(out)
    }

    /// The statements whose hash starts with the 8 bytes of `key` (one,
    /// but for a 2^-64 chance).
    pub fn statements_with_key(&self, key: u64) -> Result<Vec<Hash32>> {
        let mut out = Vec::new();
        self.visit(&statement_key_prefix(key), |k, _| {
            out.extend(Hash32::from_slice(&k[1..]));
            Ok(true)
        })?;
        Ok(out)
    }

    /// User-curated aliases: speaker id → the speaker it is merged into.
    pub fn aliases(&self) -> Result<BTreeMap<String, String>> {
        let mut out = BTreeMap::new();
        for kv in self.scan([keys::ALIAS]) {
            let (k, v) = kv?;
            let target: String =
                decode(keys::ALIAS, &v).ok_or_else(|| self.corrupt("an alias record fails its checksum"))?;
            out.insert(String::from_utf8_lossy(&k[1..]).into_owned(), target);
        }
        Ok(out)
    }

    /// Merge speaker `from` into `into` for every query (reversible).
    pub fn set_alias(&self, from: &str, into: &str) -> Result<()> {
        self.put_one(&keys::alias(from), &seal_record(keys::ALIAS, &into.to_string()))
    }

    /// Undo [`Store::set_alias`]; returns whether there was such an alias.
    pub fn remove_alias(&self, from: &str) -> Result<bool> {
        self.remove_one(&keys::alias(from))
    }

    /// Every watched URL.
    pub fn watches(&self) -> Result<Vec<WatchRecord>> {
        let mut out = Vec::new();
        for kv in self.scan([keys::WATCH]) {
            let (_, v) = kv?;
            out.push(decode_watch(&v).ok_or_else(|| self.corrupt("a tracking record fails its checksum"))?);
        }
        Ok(out)
    }

    pub fn watch(&self, url: &str) -> Result<Option<WatchRecord>> {
        match self.get(&keys::watch(url))? {
            None => Ok(None),
            Some(v) => decode_watch(&v)
                .map(Some)
                .ok_or_else(|| self.corrupt(format!("the tracking record of {url} fails its checksum"))),
        }
    }

    /// Save a watch record (flushed).
    pub fn set_watch(&self, watch: &WatchRecord) -> Result<()> {
        self.put_one(&keys::watch(&watch.url), &seal_record(keys::WATCH, watch))
    }

    /// Log a check of a story's source (flushed).
    pub fn record_check(&self, story: &str, check: &CheckRecord) -> Result<()> {
        self.write_check(story, check, None)
    }

    /// Log a check together with the raw page it saw, kept as a blob in
    /// the same atomic, flushed write; `check.raw` names the blob.
    pub fn record_check_with_raw(&self, story: &str, check: &mut CheckRecord, raw: &[u8]) -> Result<()> {
        check.raw = Some(hash::blob_id(raw));
        self.write_check(story, check, Some(raw))
    }

    fn write_check(&self, story: &str, check: &CheckRecord, raw: Option<&[u8]>) -> Result<()> {
        let nanos = check.at.timestamp_nanos_opt().unwrap_or(i64::MAX);
        // Two checks in the same nanosecond get distinct keys.
        let mut seq = 0;
        while self.get(&keys::check(story, nanos, seq))?.is_some() {
            seq += 1;
        }
        let mut batch = kv::Batch::default();
        let before = self.counts()?;
        let mut after = before;
        if let (Some(raw), Some(id)) = (raw, check.raw)
            && self.get(&keys::blob(&id))?.is_none()
        {
            batch.insert(keys::blob(&id), blobs::encode_blob(raw, None));
            after.blobs += 1;
        }
        batch.insert(keys::check(story, nanos, seq), seal_record(keys::CHECK, check));
        self.apply(batch, &before, after, None)
    }

    /// A story's checks, oldest first.
    pub fn checks(&self, story: &str) -> Result<Vec<CheckRecord>> {
        let mut out = Vec::new();
        for kv in self.scan(keys::checks_of(story)) {
            let (_, v) = kv?;
            out.push(
                decode(keys::CHECK, &v)
                    .or_else(|| decode::<records::CheckRecordV1>(keys::CHECK, &v).map(CheckRecord::from))
                    .ok_or_else(|| self.corrupt(format!("a check of story {story:?} fails its checksum")))?,
            );
        }
        Ok(out)
    }

    /// What the store occupies: sled's own figure for its files, and the
    /// bytes of keys and values it holds (a full scan: for benchmarks and
    /// diagnostics, not for hot paths).
    pub fn size(&self) -> Result<StoreSize> {
        let mut logical = 0u64;
        let mut keys = 0u64;
        let mut by_kind: BTreeMap<&'static str, u64> = BTreeMap::new();
        for kv in self.scan([]) {
            let (k, v) = kv?;
            logical += (k.len() + v.len()) as u64;
            keys += 1;
            *by_kind.entry(keys::kind_name(k[0])).or_default() += (k.len() + v.len()) as u64;
        }
        let disk_bytes = match &self.pg {
            Some(pg) => pg.size_on_disk()?,
            None => self.sled(|db| db.size_on_disk())?,
        };
        Ok(StoreSize { disk_bytes, logical_bytes: logical, keys, by_kind })
    }

    /// Store-wide counts kept by the store itself (sled's `len` would scan).
    pub fn counts(&self) -> Result<Counts> {
        Ok(Counts {
            stories: self.counter("stories")?,
            revisions: self.counter("revisions")?,
            statements: self.counter("statements")?,
            occurrences: self.counter("occurrences")?,
            blobs: self.counter("blobs")?,
            batches: self.counter("batches")?,
        })
    }

    // ---- writing ----------------------------------------------------

    /// Record a revision and everything extracted from it, atomically,
    /// flushed to disk before returning.
    ///
    /// The text is compared with the latest revision first: equal text
    /// under the same headline (metadata `title`) writes nothing
    /// ([`Recorded::Unchanged`]); a new headline over equal text is a new
    /// revision. Text equal to an older revision is recorded, with
    /// `revert_of` naming it.
    pub fn record_revision(&mut self, new: NewRevision<'_>) -> Result<Recorded> {
        let mut batch = self.batch()?;
        let recorded = batch.record(new)?;
        batch.commit()?;
        Ok(recorded)
    }

    /// Start a batch of revisions written together (bulk import): one
    /// atomic write and one flush for all of them. The store stays
    /// readable meanwhile (other threads may read it as committed).
    pub fn batch(&self) -> Result<WriteBatch<'_>> {
        WriteBatch::new(self)
    }

    /// Check every hash, chain, record and index. See [`VerifyReport`].
    ///
    /// `statement_hash` recomputes a statement's hash from its content: the
    /// normalisation belongs to the caller, not to the store.
    pub fn verify(&self, statement_hash: &dyn Fn(&str) -> String) -> Result<VerifyReport> {
        verify::verify(self, statement_hash, &|_| {})
    }

    /// [`Store::verify`], calling `progress` with the number of revisions
    /// checked so far (of [`Counts::revisions`]) as it goes.
    pub fn verify_with_progress(
        &self,
        statement_hash: &dyn Fn(&str) -> String,
        progress: &dyn Fn(u64),
    ) -> Result<VerifyReport> {
        verify::verify(self, statement_hash, progress)
    }

    /// Run `work` (`verify` and the index checks beside it: reads of this
    /// store, on any thread), checking meanwhile, on PostgreSQL, every
    /// typed column of every row against what its key and value give:
    /// SQL readers see those columns, not the values the hashes cover.
    /// Each table is checked as the first scan of it whole reads it (no
    /// second pass), and the tables `work` did not read whole are read
    /// once it is done. Returns `work`'s result and the columns found
    /// wrong; sled has no such columns. Nested in another such call, the
    /// outer one reports them.
    pub fn with_column_check<T>(&self, work: impl FnOnce() -> T) -> Result<(T, Vec<Problem>)> {
        let Some(pg) = self.pg.as_ref().filter(|pg| pg.begin_column_check()) else {
            return Ok((work(), Vec::new()));
        };
        let done = work();
        let found = pg.end_column_check()?;
        Ok((done, verify::column_problems(self, found)))
    }

    /// Write every typed column that does not hold what its row's key and
    /// value give again (PostgreSQL; `reanalyze --force`). Returns how
    /// many rows were rewritten (none on sled, which has no such columns).
    pub fn repair_columns(&self) -> Result<u64> {
        match &self.pg {
            Some(pg) => pg.repair_columns(),
            None => Ok(0),
        }
    }

    /// Every stored statement, its hash, the short key the indexes file it
    /// under, and its content, in key order. One whose key or bytes do not
    /// decode is passed over by a check (`skip_unreadable`: `verify`'s own
    /// pass reports it) and stops a rebuild, which must not leave one out.
    pub(crate) fn each_statement(&self, skip_unreadable: bool, mut f: impl FnMut(Hash32, u64, &str)) -> Result<()> {
        for kv in self.scan([keys::STATEMENT]) {
            let (k, v) = kv?;
            match (Hash32::from_slice(&k[1..]), std::str::from_utf8(&v)) {
                (Some(h), Ok(content)) => f(h, u64::from_be_bytes(h.0[..8].try_into().unwrap_or_default()), content),
                _ if skip_unreadable => {}
                _ => return Err(self.corrupt("a statement is unreadable: run `claimtrail verify`")),
            }
        }
        Ok(())
    }

    /// Low-level access for `verify`.
    pub(crate) fn scan(&self, prefix: impl AsRef<[u8]>) -> impl Iterator<Item = Result<(sled::IVec, sled::IVec)>> + '_ {
        if let Some(pg) = &self.pg {
            let read = self.ahead().scans.get(prefix.as_ref()).cloned();
            return match read.map_or_else(|| pg.scan(prefix.as_ref()), Ok) {
                Ok(rows) => Scan { store: self, inner: None, rows: Some(rows.into_iter()), failed: None },
                Err(e) => Scan { store: self, inner: None, rows: None, failed: Some(e) },
            };
        }
        match guard::catch(|| self.db().scan_prefix(prefix)) {
            Ok(iter) => Scan { store: self, inner: Some(iter), rows: None, failed: None },
            Err(panic) => Scan { store: self, inner: None, rows: None, failed: Some(self.damaged(panic)) },
        }
    }

    /// Each key starting with `prefix` and its value, in key order, lent to
    /// `each` until it returns `false` or an error: [`Store::scan`] without
    /// an owned copy of every entry, for scans of thousands of small ones
    /// (sled lends a leaf's entries in place: `Tree::visit_prefix`, a patch
    /// of ours). `each` runs inside sled's panic boundary and must not
    /// write.
    pub(crate) fn visit(&self, prefix: &[u8], mut each: impl FnMut(&[u8], &[u8]) -> Result<bool>) -> Result<()> {
        if self.pg.is_some() {
            for kv in self.scan(prefix) {
                let (k, v) = kv?;
                if !each(&k, &v)? {
                    break;
                }
            }
            return Ok(());
        }
        let mut failed = None;
        let db = self.db();
        let visited = guard::catch(|| {
            db.visit_prefix(prefix, |k, v| {
                each(k, v).unwrap_or_else(|e| {
                    failed = Some(e);
                    false
                })
            })
        });
        match visited {
            Ok(Ok(())) => failed.map_or(Ok(()), Err),
            Ok(Err(e)) => Err(self.db_err(e)),
            Err(panic) => Err(self.damaged(panic)),
        }
    }

    /// Flush sled's writes to disk (and remember that this process wrote).
    pub(crate) fn flush(&self) -> Result<()> {
        self.wrote.store(true, std::sync::atomic::Ordering::Relaxed);
        if self.pg.is_some() {
            // A committed transaction is durable: nothing to flush.
            return Ok(());
        }
        self.sled(|db| db.flush()).map(drop)
    }

    fn db(&self) -> &sled::Db {
        // Only `drop` takes it out.
        self.db.as_ref().expect("the database is open until the store is dropped")
    }

    /// Call sled inside the panic boundary (see [`guard`]).
    pub(crate) fn sled<T>(&self, f: impl FnOnce(&sled::Db) -> sled::Result<T>) -> Result<T> {
        self.guarded(|| f(self.db()))
    }

    /// Run sled work inside the panic boundary (see [`Store::sled`]), for
    /// work on a database other than the store's own (`compact`'s copy).
    pub(crate) fn guarded<T>(&self, f: impl FnOnce() -> sled::Result<T>) -> Result<T> {
        match guard::catch(f) {
            Ok(result) => result.map_err(|e| self.db_err(e)),
            Err(panic) => Err(self.damaged(panic)),
        }
    }

    fn damaged(&self, panic: String) -> StoreError {
        StoreError::Damaged { path: self.path.clone(), detail: format!("sled failed reading it ({panic})") }
    }

    /// Append journal entries, fsynced (see [`journal`] for the protocol);
    /// returns where they start.
    pub(crate) fn append_journal(&self, entries: &[u8]) -> Result<u64> {
        let mut journal_end = self.journal_end.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (start, end) = journal::append(&self.path, *journal_end, entries)
            .map_err(|source| StoreError::Journal { path: self.path.clone(), source })?;
        *journal_end = Some(end);
        Ok(start)
    }
}

impl Drop for Store {
    /// sled keeps its newest writes in its log tail until the database is
    /// opened again, and that first open rewrites sled's snapshot. A store
    /// that wrote is therefore closed and opened once more before its lock
    /// is released: the snapshot then covers every write, and the next
    /// command that only reads changes no file.
    fn drop(&mut self) {
        let Some(db) = self.db.take() else { return };
        let wrote = *self.wrote.get_mut();
        if self.read_only && !wrote {
            parked::park(&self.path, db);
            return;
        }
        let _ = guard::catch(move || drop(db));
        if wrote {
            let options = OpenOptions { cache_bytes: self.cache_bytes, ..OpenOptions::default() };
            let _ = guard::catch(|| open_sled(&self.path, &options).map(drop));
        }
    }
}

/// Sled handles that only read, kept open until the process ends.
///
/// Closing a sled database flushes what sled did in memory while reading
/// (it consolidates pages it reads), and the next open then rewrites its
/// snapshot: a command that only reads would change the store's files.
/// So a reader's handle is never closed: it is parked here when its store
/// is dropped (with no background flusher, see [`open_sled`]) and dies
/// with the process, which also releases sled's file lock. A later open
/// of the same store in the same process (`track --all` reads its watch
/// list, then writes) takes the parked handle back instead of waiting on
/// that lock. A process that keeps running (a tracker waiting for its
/// next check) must not hold sled's lock meanwhile, or other processes
/// could not write: a handle still parked a second or two later is closed
/// after all.
mod parked {
    use std::path::{Path, PathBuf};
    use std::sync::{Mutex, Once};
    use std::time::Duration;

    static PARKED: Mutex<Vec<(PathBuf, sled::Db)>> = Mutex::new(Vec::new());
    static REAPER: Once = Once::new();

    fn parked() -> std::sync::MutexGuard<'static, Vec<(PathBuf, sled::Db)>> {
        PARKED.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub(super) fn park(path: &Path, db: sled::Db) {
        parked().push((path.to_path_buf(), db));
        REAPER.call_once(|| {
            std::thread::spawn(|| {
                loop {
                    std::thread::sleep(Duration::from_secs(1));
                    let stale: Vec<(PathBuf, sled::Db)> = parked().drain(..).collect();
                    let _ = super::guard::catch(move || drop(stale));
                }
            });
        });
    }

    pub(super) fn take(path: &Path) -> Option<sled::Db> {
        let mut parked = parked();
        let at = parked.iter().position(|(p, _)| p == path)?;
        Some(parked.swap_remove(at).1)
    }
}

/// A scan of sled keys inside the panic boundary: a panic or an error ends
/// it after being yielded once.
struct Scan<'a> {
    store: &'a Store,
    inner: Option<sled::Iter>,
    /// PostgreSQL's rows, read whole.
    rows: Option<std::vec::IntoIter<(Vec<u8>, Vec<u8>)>>,
    failed: Option<StoreError>,
}

impl Iterator for Scan<'_> {
    type Item = Result<(sled::IVec, sled::IVec)>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.failed.take() {
            return Some(Err(e));
        }
        if let Some(rows) = &mut self.rows {
            return rows.next().map(|(k, v)| Ok((sled::IVec::from(k), sled::IVec::from(v))));
        }
        let iter = self.inner.as_mut()?;
        match guard::catch(|| iter.next()) {
            Ok(Some(Ok(kv))) => Some(Ok(kv)),
            Ok(None) => None,
            Ok(Some(Err(e))) => {
                self.inner = None;
                Some(Err(self.store.db_err(e)))
            }
            Err(panic) => {
                self.inner = None;
                Some(Err(self.store.damaged(panic)))
            }
        }
    }
}

/// A sled error as the store reports it: damage sled detected is damage.
fn db_error(path: &Path, source: sled::Error) -> StoreError {
    match source {
        sled::Error::Corruption { .. } => {
            let what = source.to_string();
            let what = what.trim_end_matches(" backtrace ()");
            StoreError::Damaged { path: path.to_path_buf(), detail: format!("sled cannot read its files ({what})") }
        }
        source => StoreError::Db { path: path.to_path_buf(), source },
    }
}

/// See [`Store::size`].
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct StoreSize {
    pub disk_bytes: u64,
    pub logical_bytes: u64,
    pub keys: u64,
    /// Logical bytes by what the keys hold ("texts", "speaker index", ...).
    pub by_kind: BTreeMap<&'static str, u64>,
}

/// Store-wide counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub stories: u64,
    pub revisions: u64,
    pub statements: u64,
    pub occurrences: u64,
    pub blobs: u64,
    /// Write batches that added search terms (numbers their postings).
    pub batches: u64,
}

impl Counts {
    pub(crate) fn write(&self, batch: &mut kv::Batch) {
        for (name, n) in [
            ("stories", self.stories),
            ("revisions", self.revisions),
            ("statements", self.statements),
            ("occurrences", self.occurrences),
            ("blobs", self.blobs),
            ("batches", self.batches),
        ] {
            batch.insert(keys::counter(name), n.to_be_bytes());
        }
    }
}

/// The PostgreSQL address a store path spells, if it spells one.
fn postgres_address(path: &Path) -> Option<&str> {
    path.to_str().filter(|p| pg::is_address(p))
}

/// The keys of the statements whose hash starts with the 8 bytes of a
/// search key.
fn statement_key_prefix(key: u64) -> Vec<u8> {
    let mut prefix = vec![keys::STATEMENT];
    prefix.extend_from_slice(&key.to_be_bytes());
    prefix
}

fn be_u64(v: &[u8]) -> u64 {
    <[u8; 8]>::try_from(v).map(u64::from_be_bytes).unwrap_or(0)
}

fn run(story: String, statement: Hash32, speaker: Option<String>, first: u32, v: RunValue) -> Run {
    Run {
        story,
        statement,
        speaker,
        first,
        last: v.last,
        attribution: v.attribution,
        mention: v.mention,
        introduced: v.introduced,
        how: v.how,
        fate: v.fate,
    }
}

impl blobs::Source for Store {
    fn fetch(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        Ok(self.get(key)?.map(|v| v.to_vec()))
    }
}

/// A record as stored: postcard bytes in a checksummed envelope.
fn seal_record<T: serde::Serialize>(kind: u8, value: &T) -> Vec<u8> {
    hash::seal(kind, &codec::to_bytes(value))
}

/// A watch record, in today's shape or the one before it.
fn decode_watch(sealed: &[u8]) -> Option<WatchRecord> {
    decode(keys::WATCH, sealed).or_else(|| decode::<records::WatchRecordV1>(keys::WATCH, sealed).map(WatchRecord::from))
}

fn decode<T: serde::de::DeserializeOwned>(kind: u8, sealed: &[u8]) -> Option<T> {
    codec::from_bytes(hash::unseal(kind, sealed)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `visit` lends what `scan` copies: the same entries in the same order
    /// for any prefix, across many leaves (keys long enough to be
    /// allocated and prefix-encoded by sled, neighbours that differ in the
    /// prefix's last byte), and it stops when told.
    #[test]
    fn a_visit_sees_what_a_scan_sees() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("s")).unwrap();
        let mut batch = sled::Batch::default();
        for lead in [b'a', b'b', b'c'] {
            for i in 0..700u32 {
                let mut k = vec![b'y', lead];
                k.extend_from_slice(&[7; 30]);
                k.extend_from_slice(format!("story-{:05}", i * 7 % 1000).as_bytes());
                k.extend_from_slice(&i.to_be_bytes());
                batch.insert(k, i.to_be_bytes().repeat(1 + i as usize % 5));
            }
        }
        store.sled(|db| db.apply_batch(batch)).unwrap();
        let visited = |prefix: &[u8], stop: usize| {
            let mut out = Vec::new();
            store
                .visit(prefix, |k, v| {
                    out.push((k.to_vec(), v.to_vec()));
                    Ok(out.len() < stop)
                })
                .unwrap();
            out
        };
        let scanned = |prefix: &[u8]| -> Vec<(Vec<u8>, Vec<u8>)> {
            store.scan(prefix).map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())).unwrap()).collect()
        };
        let mut seven = vec![b'y', b'b'];
        seven.extend_from_slice(&[7; 30]);
        let prefixes: [&[u8]; 7] = [b"", b"y", b"yb", &seven, &[&seven[..], b"story-004"].concat(), b"yd", b"x"];
        for prefix in prefixes {
            let all = scanned(prefix);
            assert_eq!(visited(prefix, usize::MAX), all, "prefix {prefix:?}");
            assert_eq!(visited(prefix, 5), all[..all.len().min(5)], "prefix {prefix:?}, stopped");
        }
        assert_eq!(scanned(b"yb").len(), 700);
        assert_eq!(scanned(b"yd").len(), 0);
        // An error from the visitor stops it and is the visit's.
        let err = store.visit(b"y", |_, _| Err(store.corrupt("stop"))).unwrap_err();
        assert!(err.to_string().contains("stop"), "{err}");
    }

    /// Stores written before the schedule's fields hold watches of nine
    /// fields; postcard is positional, so they need their own shape.
    #[test]
    fn a_watch_written_before_the_schedule_fields_still_reads() {
        #[derive(serde::Serialize)]
        struct Old<'a> {
            url: &'a str,
            story: &'a str,
            etag: Option<&'a str>,
            last_modified: Option<&'a str>,
            last_check: Option<chrono::DateTime<chrono::Utc>>,
            last_change: Option<chrono::DateTime<chrono::Utc>>,
            next_check: Option<chrono::DateTime<chrono::Utc>>,
            interval_secs: u64,
            failures: u32,
        }
        let old = Old {
            url: "https://news.example/a",
            story: "a",
            etag: Some("\"e1\""),
            last_modified: None,
            last_check: None,
            last_change: None,
            next_check: None,
            interval_secs: 900,
            failures: 3,
        };
        let w = decode_watch(&seal_record(keys::WATCH, &old)).expect("an old watch decodes");
        assert_eq!(
            (w.url.as_str(), w.etag.as_deref(), w.interval_secs, w.failures),
            ("https://news.example/a", Some("\"e1\""), 900, 3)
        );
        assert!(!w.is_feed && w.entries.is_empty() && !w.stopped);
        let mut new = WatchRecord::new("https://news.example/b", "b");
        new.is_feed = true;
        new.entries = vec!["https://news.example/c".into()];
        let back = decode_watch(&seal_record(keys::WATCH, &new)).expect("a new watch decodes");
        assert!(back.is_feed && back.entries == new.entries);
    }
}
