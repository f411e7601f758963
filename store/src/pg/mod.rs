//! The PostgreSQL backend: the storage boundary (`kv.rs`) over a real
//! schema on a server, for a newsroom with many writers.
//!
//! Each kind of key (`keys.rs`) has its own table (`schema-1.sql`), keyed by
//! the same bytes sled keys by, with typed columns the database derives for
//! SQL. Reads are plain statements, so a reader never waits for a writer
//! (MVCC). A write batch is one transaction: it takes a row lock on each
//! story it appends to when it first reads the story's head
//! ([`Db::lock_story`]) and holds it until it commits, so two writers on one
//! story queue in the database and each extends the chain the other left.
//! Store-wide counters are added to, not overwritten, and postings get
//! their batch number from the counters row at commit, so writers to
//! different stories never lose each other's work.
//!
//! What this module must not do: decide anything about records. It moves
//! bytes, except for one merge (a speaker record two writers both
//! extended keeps what each added; see [`Db::apply`]).

mod address;

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use postgres::{Client, NoTls};

pub use address::is_address;

use crate::error::{Result, StoreError};
use crate::kv::Batch;
use crate::{Counts, SpeakerRecord, decode, keys, seal_record};

/// The schema this build writes; migrations up to it are in [`MIGRATIONS`].
pub const SCHEMA_VERSION: i32 = 1;

/// Every schema version, in order, as SQL. A database at version N gets
/// the ones after N, each in its own transaction.
const MIGRATIONS: &[(i32, &str)] = &[(1, include_str!("schema-1.sql"))];

/// The table holding each kind of key, in key order.
const TABLES: &[(u8, &str)] = &[
    (keys::ALIAS, "aliases"),
    (keys::BLOB, "blobs"),
    (keys::CHECK, "checks"),
    (keys::ANALYSIS, "analyses"),
    (keys::FURNITURE, "furniture"),
    (keys::HOST_PAGE, "host_pages"),
    (keys::BY_TEXT, "text_index"),
    (keys::META, "meta"),
    (keys::BY_NAME, "names"),
    (keys::OCCURRENCES, "statement_lists"),
    (keys::SPEAKER, "speakers"),
    (keys::REVISION, "revisions"),
    (keys::STORY, "stories"),
    (keys::STATEMENT, "statements"),
    (keys::NEAR, "variant_postings"),
    (keys::WATCH, "watches"),
    (keys::BY_SPEAKER, "runs_by_speaker"),
    (keys::BY_STATEMENT, "runs_by_statement"),
    (keys::BY_TERM, "postings"),
];

fn table(tag: u8) -> Option<&'static str> {
    TABLES.iter().find(|(t, _)| *t == tag).map(|(_, name)| *name)
}

/// The counters as rows: name → its key in the shared layout.
const COUNTERS: &[&str] = &["batches", "blobs", "occurrences", "revisions", "statements", "stories"];

/// A connection to a claimtrail database.
pub(crate) struct Db {
    client: Mutex<Client>,
    /// The address as shown in messages (no password).
    pub(crate) shown: String,
    /// A write batch's transaction is open on the connection.
    in_tx: AtomicBool,
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Db").field("address", &self.shown).finish_non_exhaustive()
    }
}

impl Db {
    /// Connect, and bring the schema up to [`SCHEMA_VERSION`] (refusing a
    /// newer one).
    pub(crate) fn open(address: &str) -> Result<Db> {
        let db = Db::connect(address)?;
        db.migrate()?;
        Ok(db)
    }

    fn connect(address: &str) -> Result<Db> {
        let shown = address::redacted(address);
        let config =
            address::config(address).map_err(|detail| StoreError::Postgres { address: shown.clone(), detail })?;
        let client = config.connect(NoTls).map_err(|e| error(&shown, &e))?;
        Ok(Db { client: Mutex::new(client), shown, in_tx: AtomicBool::new(false) })
    }

    /// Whether the database at `address` holds a claimtrail schema. An
    /// unreachable server counts as one, so that opening it reports why.
    pub(crate) fn exists(address: &str) -> bool {
        let Ok(db) = Db::connect(address) else { return true };
        db.client().query_one("SELECT to_regclass('ct_schema') IS NOT NULL", &[]).is_ok_and(|row| row.get(0))
    }

    fn client(&self) -> std::sync::MutexGuard<'_, Client> {
        self.client.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn err(&self, e: &postgres::Error) -> StoreError {
        error(&self.shown, e)
    }

    fn migrate(&self) -> Result<()> {
        let mut client = self.client();
        // The common case, a schema already current, costs one read.
        let current = client
            .query_one("SELECT to_regclass('ct_schema') IS NOT NULL", &[])
            .map_err(|e| self.err(&e))?
            .get::<_, bool>(0);
        if current {
            let found: i32 = client
                .query_one("SELECT coalesce(max(version), 0) FROM ct_schema", &[])
                .map_err(|e| self.err(&e))?
                .get(0);
            if found == SCHEMA_VERSION {
                return Ok(());
            }
        }
        let mut tx = client.transaction().map_err(|e| self.err(&e))?;
        // Two first opens at once: one creates the schema, the other waits
        // here and then finds it.
        tx.execute("SELECT pg_advisory_xact_lock(7263541851)", &[]).map_err(|e| self.err(&e))?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS ct_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
        )
        .map_err(|e| self.err(&e))?;
        let found: i32 =
            tx.query_one("SELECT coalesce(max(version), 0) FROM ct_schema", &[]).map_err(|e| self.err(&e))?.get(0);
        if found > SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.shown.clone().into(),
                found: found as u32,
                supported: SCHEMA_VERSION as u32,
            });
        }
        for (version, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > found) {
            tx.batch_execute(sql).map_err(|e| self.err(&e))?;
            tx.execute("INSERT INTO ct_schema (version) VALUES ($1)", &[version]).map_err(|e| self.err(&e))?;
        }
        tx.commit().map_err(|e| self.err(&e))
    }

    pub(crate) fn get(&self, key: &[u8]) -> Result<Option<Vec<u8>>> {
        if let Some(name) = counter_name(key) {
            let row = self
                .client()
                .query_opt("SELECT n FROM counters WHERE name = $1", &[&name])
                .map_err(|e| self.err(&e))?;
            return Ok(row.map(|r| (r.get::<_, i64>(0) as u64).to_be_bytes().to_vec()));
        }
        let Some(table) = key.first().and_then(|t| table(*t)) else { return Ok(None) };
        let row = self
            .client()
            .query_opt(&format!("SELECT v FROM {table} WHERE k = $1"), &[&key])
            .map_err(|e| self.err(&e))?;
        Ok(row.map(|r| r.get(0)))
    }

    /// Every key with `prefix` and its value, in key order.
    pub(crate) fn scan(&self, prefix: &[u8]) -> Result<Vec<(Vec<u8>, Vec<u8>)>> {
        let Some(&tag) = prefix.first() else {
            let mut all = Vec::new();
            let mut tags: Vec<u8> = TABLES.iter().map(|(t, _)| *t).collect();
            tags.sort_unstable();
            for tag in tags {
                all.extend(self.scan(&[tag])?);
            }
            return Ok(all);
        };
        let Some(table) = table(tag) else { return Ok(Vec::new()) };
        let mut client = self.client();
        let rows = match successor(prefix) {
            _ if prefix.len() == 1 => client.query(&format!("SELECT k, v FROM {table} ORDER BY k"), &[]),
            Some(end) => {
                client.query(&format!("SELECT k, v FROM {table} WHERE k >= $1 AND k < $2 ORDER BY k"), &[&prefix, &end])
            }
            None => client.query(&format!("SELECT k, v FROM {table} WHERE k >= $1 ORDER BY k"), &[&prefix]),
        }
        .map_err(|e| self.err(&e))?;
        let mut out: Vec<(Vec<u8>, Vec<u8>)> = rows.into_iter().map(|r| (r.get(0), r.get(1))).collect();
        if tag == keys::META {
            for name in COUNTERS {
                let key = keys::counter(name);
                if key.starts_with(prefix)
                    && let Some(n) =
                        client.query_opt("SELECT n FROM counters WHERE name = $1", &[name]).map_err(|e| self.err(&e))?
                {
                    out.push((key, (n.get::<_, i64>(0) as u64).to_be_bytes().to_vec()));
                }
            }
            out.sort();
        }
        Ok(out)
    }

    /// Start the transaction of a write batch (if not started).
    pub(crate) fn begin(&self) -> Result<()> {
        if !self.in_tx.swap(true, Ordering::SeqCst) {
            // Read committed: after waiting for a story's lock, the next
            // read sees what the writer before committed.
            self.client().batch_execute("BEGIN ISOLATION LEVEL READ COMMITTED").map_err(|e| self.err(&e))?;
        }
        Ok(())
    }

    /// End a write batch's transaction without writing (a batch dropped
    /// uncommitted).
    pub(crate) fn rollback(&self) {
        if self.in_tx.swap(false, Ordering::SeqCst) {
            let _ = self.client().batch_execute("ROLLBACK");
        }
    }

    /// Lock `story` for appending until the batch's transaction ends: a
    /// second writer waits here, then reads the head the first one left.
    pub(crate) fn lock_story(&self, story: &str) -> Result<()> {
        self.begin()?;
        let mut client = self.client();
        client
            .execute("INSERT INTO story_locks (story) VALUES ($1) ON CONFLICT DO NOTHING", &[&story])
            .map_err(|e| self.err(&e))?;
        client.execute("SELECT 1 FROM story_locks WHERE story = $1 FOR UPDATE", &[&story]).map_err(|e| self.err(&e))?;
        Ok(())
    }

    /// Write `batch` and move the counters by `before` → `after`, in one
    /// transaction (the batch's, if one is open), and commit it.
    /// `numbered` adds the writes that need this batch's number (search
    /// and variant postings); it is called with a number no other batch
    /// gets.
    ///
    /// Statements and blobs are content-addressed: a writer may add one
    /// another writer added a moment before, so they are inserted only if
    /// absent and counted by what was inserted. A speaker record another
    /// writer extended since this batch read it is merged, not replaced.
    pub(crate) fn apply(
        &self,
        batch: Batch,
        before: &Counts,
        after: &Counts,
        numbered: crate::kv::Numbered<'_>,
    ) -> Result<()> {
        self.begin()?;
        let result = self.apply_in_tx(batch, before, after, numbered);
        let end = if result.is_ok() { "COMMIT" } else { "ROLLBACK" };
        self.in_tx.store(false, Ordering::SeqCst);
        let ended = self.client().batch_execute(end).map_err(|e| self.err(&e));
        result.and(ended)
    }

    fn apply_in_tx(
        &self,
        batch: Batch,
        before: &Counts,
        after: &Counts,
        numbered: crate::kv::Numbered<'_>,
    ) -> Result<()> {
        let inserted = self.write(batch)?;
        let mut client = self.client();
        let delta = |a: u64, b: u64| a as i64 - b as i64;
        for (name, n) in [
            ("stories", delta(after.stories, before.stories)),
            ("revisions", delta(after.revisions, before.revisions)),
            ("occurrences", delta(after.occurrences, before.occurrences)),
            ("statements", inserted.statements),
            ("blobs", inserted.blobs),
        ] {
            if n != 0 {
                client
                    .execute("UPDATE counters SET n = n + $2 WHERE name = $1", &[&name, &n])
                    .map_err(|e| self.err(&e))?;
            }
        }
        drop(client);
        if let Some(add) = numbered {
            let number: i64 = self
                .client()
                .query_one("UPDATE counters SET n = n + 1 WHERE name = 'batches' RETURNING n", &[])
                .map_err(|e| self.err(&e))?
                .get(0);
            let mut postings = Batch::default();
            add(number as u64, &mut postings);
            // A statement another writer stored first is in that writer's
            // postings already; listed twice, verify would rightly object.
            if !inserted.lost.is_empty() {
                for (k, v) in postings.ops.iter_mut() {
                    if let (Some(&(keys::BY_TERM | keys::NEAR)), Some(list)) = (k.first(), v.as_mut()) {
                        *list = list.chunks(8).filter(|c| !inserted.lost.contains(*c)).flatten().copied().collect();
                    }
                }
                postings.ops.retain(|_, v| v.as_ref().is_none_or(|l| !l.is_empty()));
            }
            self.write(postings)?;
        }
        Ok(())
    }

    /// Write a batch's rows, table by table; returns how many statements
    /// and blobs were new.
    fn write(&self, batch: Batch) -> Result<Inserted> {
        // A kind of key with no table would be lost without a word: a new
        // kind needs a migration first.
        if let Some(k) = batch.ops.keys().find(|k| k.first().and_then(|t| table(*t)).is_none()) {
            return Err(StoreError::Postgres {
                address: self.shown.clone(),
                detail: format!("this claimtrail has no table for keys of kind {:?}", k.first().map(|t| *t as char)),
            });
        }
        let mut inserted = Inserted::default();
        let mut client = self.client();
        for (tag, table) in TABLES {
            let mut puts: (Vec<Vec<u8>>, Vec<Vec<u8>>) = (Vec::new(), Vec::new());
            let mut removes: Vec<Vec<u8>> = Vec::new();
            for (k, v) in batch.ops.range(vec![*tag]..).take_while(|(k, _)| k.first() == Some(tag)) {
                if counter_name(k).is_some() {
                    continue;
                }
                match v {
                    Some(v) => {
                        puts.0.push(k.clone());
                        puts.1.push(v.clone());
                    }
                    None => removes.push(k.clone()),
                }
            }
            if !removes.is_empty() {
                client
                    .execute(&format!("DELETE FROM {table} WHERE k = ANY($1)"), &[&removes])
                    .map_err(|e| self.err(&e))?;
            }
            if puts.0.is_empty() {
                continue;
            }
            if *tag == keys::SPEAKER {
                merge_speakers(&mut client, &mut puts, &self.shown)?;
            }
            let content_addressed = *tag == keys::STATEMENT || *tag == keys::BLOB;
            let conflict = if content_addressed { "DO NOTHING RETURNING k" } else { "DO UPDATE SET v = excluded.v" };
            let rows = client
                .query(
                    &format!(
                        "INSERT INTO {table} (k, v) SELECT * FROM unnest($1::bytea[], $2::bytea[]) ON CONFLICT (k) {conflict}"
                    ),
                    &[&puts.0, &puts.1],
                )
                .map_err(|e| self.err(&e))?;
            match *tag {
                keys::STATEMENT => {
                    inserted.statements = rows.len() as i64;
                    let stored: std::collections::HashSet<Vec<u8>> = rows.iter().map(|r| r.get(0)).collect();
                    inserted.lost = puts
                        .0
                        .iter()
                        .filter(|k| !stored.contains(*k))
                        .filter_map(|k| k.get(1..9).map(<[u8]>::to_vec))
                        .collect();
                }
                keys::BLOB => inserted.blobs = rows.len() as i64,
                _ => {}
            }
        }
        Ok(inserted)
    }

    /// One write outside a batch (an alias, a watch, the format record).
    pub(crate) fn put(&self, key: &[u8], value: &[u8]) -> Result<()> {
        let mut batch = Batch::default();
        batch.insert(key, value);
        self.apply(batch, &Counts::default(), &Counts::default(), None)
    }

    /// Remove one key outside a batch; returns whether it was there.
    pub(crate) fn remove(&self, key: &[u8]) -> Result<bool> {
        let Some(table) = key.first().and_then(|t| table(*t)) else { return Ok(false) };
        let n =
            self.client().execute(&format!("DELETE FROM {table} WHERE k = $1"), &[&key]).map_err(|e| self.err(&e))?;
        Ok(n > 0)
    }

    /// What the store's tables and indexes occupy on the server.
    pub(crate) fn size_on_disk(&self) -> Result<u64> {
        let mut total = 0i64;
        let mut client = self.client();
        for (_, table) in TABLES.iter().chain([&(0, "counters"), &(0, "story_locks")]) {
            let row = client
                .query_one("SELECT pg_total_relation_size(to_regclass($1))::bigint", &[table])
                .map_err(|e| self.err(&e))?;
            total += row.get::<_, Option<i64>>(0).unwrap_or(0);
        }
        Ok(total as u64)
    }
}

#[derive(Default)]
struct Inserted {
    statements: i64,
    blobs: i64,
    /// The posting keys (first 8 bytes of the hash) of the statements
    /// this batch meant to add but found already stored.
    lost: std::collections::HashSet<Vec<u8>>,
}

/// Merge each staged speaker record into the stored one, under a row lock
/// (in key order, so two writers never wait on each other in a cycle).
fn merge_speakers(client: &mut Client, puts: &mut (Vec<Vec<u8>>, Vec<Vec<u8>>), shown: &str) -> Result<()> {
    let rows = client
        .query("SELECT k, v FROM speakers WHERE k = ANY($1) ORDER BY k FOR UPDATE", &[&puts.0])
        .map_err(|e| error(shown, &e))?;
    for row in rows {
        let (k, v): (Vec<u8>, Vec<u8>) = (row.get(0), row.get(1));
        let Some(at) = puts.0.iter().position(|p| *p == k) else { continue };
        let stored: Option<SpeakerRecord> = decode(keys::SPEAKER, &v);
        let staged: Option<SpeakerRecord> = decode(keys::SPEAKER, &puts.1[at]);
        if let (Some(mut stored), Some(staged)) = (stored, staged) {
            stored.merge(&staged);
            puts.1[at] = seal_record(keys::SPEAKER, &stored);
        }
    }
    Ok(())
}

/// The counter a key of the shared layout names, if it names one.
fn counter_name(key: &[u8]) -> Option<&str> {
    let prefix = keys::counter("");
    key.strip_prefix(&prefix[..]).and_then(|n| std::str::from_utf8(n).ok())
}

/// The smallest key greater than every key starting with `prefix`.
fn successor(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xff {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

fn error(shown: &str, e: &postgres::Error) -> StoreError {
    let detail = match e.as_db_error() {
        Some(db) => format!("{} ({})", db.message(), db.code().code()),
        None => {
            let mut detail = e.to_string();
            let mut source = std::error::Error::source(e);
            while let Some(s) = source {
                detail = format!("{detail}: {s}");
                source = s.source();
            }
            detail
        }
    };
    StoreError::Postgres { address: shown.to_string(), detail }
}
