//! The PostgreSQL backend: the storage boundary (`kv.rs`) over a real
//! schema on a server, for a newsroom with many writers.
//!
//! Each kind of key (`keys.rs`) has its own table (`schema-1.sql`), keyed by
//! the same bytes sled keys by, with typed columns for SQL that claimtrail
//! writes beside each row (read from its key and from its value,
//! `columns.rs`), and `verify` checks against them
//! ([`Db::begin_column_check`]). Reads are plain statements, so a reader
//! never waits for a writer (MVCC). A write batch is one transaction: it takes a row lock on each
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
mod columns;
mod tls;

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use postgres::types::ToSql;
use postgres::{Client, NoTls, Row, Statement};

pub use address::{is_address, redacted as redacted_address};

pub(crate) use columns::Mismatch;
use columns::Typed;

use crate::error::{Result, StoreError};
use crate::kv::Batch;
use crate::{Counts, SpeakerRecord, decode, keys, seal_record};

/// The schema this build writes; migrations up to it are in [`MIGRATIONS`].
pub const SCHEMA_VERSION: i32 = 5;

/// Every schema version, in order, as SQL. A database at version N gets
/// the ones after N, each in its own transaction.
const MIGRATIONS: &[(i32, &str)] = &[
    (1, include_str!("schema-1.sql")),
    (2, include_str!("schema-2.sql")),
    (3, include_str!("schema-3.sql")),
    (4, include_str!("schema-4.sql")),
    (5, include_str!("schema-5.sql")),
];

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

/// The kinds of key whose rows many batches write alike, whatever their
/// stories: store-wide marks, a site's furniture, content-addressed
/// texts, a speaker's record and name keys (one person speaks in many
/// stories). A batch that writes such a row holds it until it commits,
/// and every other batch writing the same row waits for that, so a batch
/// writes them last, just before it commits: the wait lasts the tail of a
/// transaction, not the whole of it. Always in this order, each table's
/// rows in key order, so two batches never wait on each other in a
/// cycle. A speaker's name keys are written with its record, after it: a
/// second batch adding the same names has waited for the record's row
/// lock already, so it finds them committed instead of queueing behind
/// a batch that is itself waiting (names first, 4 writers spent up to
/// 9.6 s waiting on `names` rows in a 21 s import, pg_stat_activity).
const SHARED: &[u8] =
    &[keys::META, keys::FURNITURE, keys::HOST_PAGE, keys::BLOB, keys::STATEMENT, keys::SPEAKER, keys::BY_NAME];

/// The tables of the rows only this batch writes (its stories', and its
/// postings, keyed by its own number).
fn own_tables() -> impl Iterator<Item = &'static (u8, &'static str)> {
    TABLES.iter().filter(|(t, _)| !SHARED.contains(t))
}

/// The [`SHARED`] tables, in their order.
fn shared_tables() -> impl Iterator<Item = &'static (u8, &'static str)> {
    SHARED.iter().filter_map(|s| TABLES.iter().find(|(t, _)| t == s))
}

fn table(tag: u8) -> Option<&'static str> {
    TABLES.iter().find(|(t, _)| *t == tag).map(|(_, name)| *name)
}

/// Rows whose typed columns [`Db::read_checked`] works out at once.
const CHECKED_AT_ONCE: usize = 10_000;

/// The counters as rows: name → its key in the shared layout.
const COUNTERS: &[&str] = &["batches", "blobs", "occurrences", "revisions", "statements", "stories"];

/// One session on the server, with the statements it has prepared.
///
/// A statement given as text costs two round trips (parse, then execute);
/// prepared once per connection, each later use costs one, and the server
/// plans it once. The store's SQL is a few dozen fixed texts (one per
/// table and operation), so the cache stays small.
struct Conn {
    client: Client,
    prepared: HashMap<String, Statement>,
    /// A check of the typed columns under way ([`Db::begin_column_check`]).
    /// Kept with the connection, under its lock: a scan reads, compares
    /// and records a table before another thread's scan can ask whether
    /// that table was read.
    check: Option<ColumnCheck>,
}

/// The typed columns checked so far (see [`Db::begin_column_check`]).
#[derive(Default)]
struct ColumnCheck {
    /// The tables read whole, and so checked.
    read: std::collections::HashSet<u8>,
    found: Vec<Mismatch>,
}

impl Conn {
    fn new(client: Client) -> Conn {
        Conn { client, prepared: HashMap::new(), check: None }
    }

    fn statement(&mut self, sql: &str) -> std::result::Result<Statement, postgres::Error> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let s = self.client.prepare(sql)?;
        self.prepared.insert(sql.to_string(), s.clone());
        Ok(s)
    }

    fn query(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> std::result::Result<Vec<Row>, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.query(&s, params)
    }

    fn query_opt(
        &mut self,
        sql: &str,
        params: &[&(dyn ToSql + Sync)],
    ) -> std::result::Result<Option<Row>, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.query_opt(&s, params)
    }

    fn query_one(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> std::result::Result<Row, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.query_one(&s, params)
    }

    fn execute(&mut self, sql: &str, params: &[&(dyn ToSql + Sync)]) -> std::result::Result<u64, postgres::Error> {
        let s = self.statement(sql)?;
        self.client.execute(&s, params)
    }

    fn batch_execute(&mut self, sql: &str) -> std::result::Result<(), postgres::Error> {
        self.client.batch_execute(sql)
    }
}

/// Connections a process made and has not handed to a store yet: the
/// one [`Db::exists`] made, for the [`Db::open`] that follows it, so a
/// command connects once (a connection is a new server process: the
/// dearest thing a short command does).
static PARKED: Mutex<Vec<(String, Client)>> = Mutex::new(Vec::new());

fn park(address: &str, client: Client) {
    let mut parked = PARKED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    parked.retain(|(a, _)| a != address);
    parked.push((address.to_string(), client));
}

fn take_parked(address: &str) -> Option<Client> {
    let mut parked = PARKED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let at = parked.iter().position(|(a, c)| a == address && !c.is_closed())?;
    Some(parked.swap_remove(at).1)
}

/// Prefix reads of one table: the prefixes, the keys just past them, and
/// their places in the request.
type Bounds = (Vec<Vec<u8>>, Vec<Vec<u8>>, Vec<i32>);

/// What [`Db::get_many`] read.
pub(crate) struct Fetched {
    /// The value of each key asked for, in order.
    pub(crate) values: Vec<Option<Vec<u8>>>,
    /// The rows under each prefix asked for, in order.
    pub(crate) under: Vec<crate::Rows>,
}

/// A connection to a claimtrail database.
pub(crate) struct Db {
    client: Mutex<Conn>,
    /// The address as shown in messages (no password).
    pub(crate) shown: String,
    /// A write batch's transaction is open on the connection.
    in_tx: AtomicBool,
    /// The stories the open transaction holds the lock of: a batch of a
    /// story's revisions locks it once, not once per revision.
    locked: Mutex<std::collections::HashSet<String>>,
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
        let client = match take_parked(address) {
            Some(client) => client,
            None => {
                let fail = |detail| StoreError::Postgres { address: shown.clone(), detail };
                let (mut config, settings) = address::config(address).map_err(fail)?;
                // The store's reads are index lookups whose estimates can
                // run high (a read-ahead's grows with its prefixes): past
                // `jit_above_cost` the server spends a second or more
                // compiling a query that runs in a millisecond.
                //
                // And every request-sized read is by key, through an
                // index, whatever the planner thinks of a small table: it
                // prices a sequential scan of a few pages below a few
                // index probes, and a prepared statement keeps the plan
                // it made then (its generic plan) for the connection's
                // life, long after the table has grown. An import's
                // writers started on a new store read blobs, speakers,
                // statements and text keys by sequential scan to the end:
                // 2.8 million rows read for 4,941 revisions with 4 writers
                // (each connection chose its plans early), 0.44 million
                // with one, about a third of the server's CPU with 4
                // (pg_stat_user_tables, perf). Whole-table reads go by
                // the key index as well ([`Db::scan`]).
                //
                // Said at connection start, these cost no round trip.
                let options = format!("{} -c jit=off -c enable_seqscan=off", config.get_options().unwrap_or_default());
                config.options(options.trim_start());
                match settings.mode {
                    tls::Mode::Disable => config.connect(NoTls),
                    _ => config.connect(tls::connector(&settings).map_err(fail)?),
                }
                .map_err(|e| error(&shown, &e))?
            }
        };
        Ok(Db {
            client: Mutex::new(Conn::new(client)),
            shown,
            in_tx: AtomicBool::new(false),
            locked: Default::default(),
        })
    }

    /// Whether the database at `address` holds a claimtrail schema. An
    /// unreachable server counts as one, so that opening it reports why.
    /// The connection is kept for the open that usually follows.
    pub(crate) fn exists(address: &str) -> bool {
        let Ok(db) = Db::connect(address) else { return true };
        // A simple query: one round trip. It fails when there is no
        // schema table (or no server, which opening will report).
        let found = db.client().client.simple_query("SELECT to_regclass('ct_schema') IS NOT NULL").is_ok_and(|m| {
            m.iter().any(|m| matches!(m, postgres::SimpleQueryMessage::Row(r) if r.get(0) == Some("t")))
        });
        park(address, db.client.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner).client);
        found
    }

    fn client(&self) -> std::sync::MutexGuard<'_, Conn> {
        self.client.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn err(&self, e: &postgres::Error) -> StoreError {
        error(&self.shown, e)
    }

    fn migrate(&self) -> Result<()> {
        let mut conn = self.client();
        // The common case, a schema already current, costs one read (a
        // simple query: one round trip, no statement to prepare).
        let current = conn
            .client
            .simple_query("SELECT max(version) FROM ct_schema")
            .ok()
            .and_then(|messages| first_number(&messages));
        if current == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        let mut tx = conn.client.transaction().map_err(|e| self.err(&e))?;
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
            if *version == 2 {
                // The typed columns of rows written before them.
                for (tag, table) in TYPED {
                    let rows = tx.query(&format!("SELECT k, v FROM {table}"), &[]).map_err(|e| self.err(&e))?;
                    for chunk in rows.chunks(10_000) {
                        let (k, v): (Vec<Vec<u8>>, Vec<Vec<u8>>) = chunk.iter().map(|r| (r.get(0), r.get(1))).unzip();
                        let columns = Typed::of(*tag, &v);
                        let (sql, params) = columns::update(table, &k, &v, true, columns.columns());
                        tx.execute(&sql, &params).map_err(|e| self.err(&e))?;
                    }
                }
            }
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

    /// The values of `keys` (in their order) and the rows under each of
    /// `prefixes` (in key order), in one round trip whatever kinds of key
    /// they are (one `UNION ALL` arm per table and kind of read): a
    /// request that knows what it will read pays once for all of it. A
    /// prefix read is an index range scan per prefix (`LATERAL`), never a
    /// scan of the table: `OFFSET 0` keeps the planner from flattening the
    /// subquery into a join, which it priced as one sequential scan with
    /// the prefixes as a filter (1.4 s instead of 1 ms for a blame's 46
    /// prefixes on the 1M store, EXPLAIN ANALYZE).
    pub(crate) fn get_many(&self, keys: &[Vec<u8>], prefixes: &[Vec<u8>]) -> Result<Fetched> {
        let mut found: HashMap<Vec<u8>, Vec<u8>> = HashMap::new();
        let mut under: Vec<crate::Rows> = vec![Vec::new(); prefixes.len()];
        let mut by_table: std::collections::BTreeMap<&str, Vec<&Vec<u8>>> = Default::default();
        for key in keys {
            if counter_name(key).is_some() {
                if let Some(v) = self.get(key)? {
                    found.insert(key.clone(), v);
                }
            } else if let Some(table) = key.first().and_then(|t| table(*t)) {
                by_table.entry(table).or_default().push(key);
            }
        }
        // Per table: the prefixes' lower and upper bounds and their place.
        let mut ranges: std::collections::BTreeMap<&str, Bounds> = Default::default();
        for (at, prefix) in prefixes.iter().enumerate() {
            let table = prefix.first().and_then(|t| table(*t));
            match (table, successor(prefix)) {
                // The counters live in their own table: the plain scan
                // knows how to add them.
                (Some(table), Some(end)) if prefix[0] != keys::META => {
                    let r = ranges.entry(table).or_default();
                    r.0.push(prefix.clone());
                    r.1.push(end);
                    r.2.push(at as i32 + 1);
                }
                _ => under[at] = self.scan(prefix)?,
            }
        }
        if !by_table.is_empty() || !ranges.is_empty() {
            let mut arms: Vec<String> = Vec::new();
            let mut params: Vec<&(dyn ToSql + Sync)> = Vec::new();
            for (table, keys) in &by_table {
                params.push(keys);
                arms.push(format!("SELECT 0, k, v FROM {table} WHERE k = ANY(${})", params.len()));
            }
            for (table, (lo, hi, at)) in &ranges {
                params.extend([lo as &(dyn ToSql + Sync), hi, at]);
                let n = params.len();
                arms.push(format!(
                    "SELECT p.at, t.k, t.v FROM unnest(${}::bytea[], ${}::bytea[], ${n}::int4[]) AS p(lo, hi, at) \
                     CROSS JOIN LATERAL (SELECT k, v FROM {table} WHERE k >= p.lo AND k < p.hi OFFSET 0) AS t",
                    n - 2,
                    n - 1
                ));
            }
            let sql = format!("{} ORDER BY 1, 2", arms.join(" UNION ALL "));
            let rows = self.client().query(&sql, &params).map_err(|e| self.err(&e))?;
            for row in rows {
                let (at, k, v): (i32, Vec<u8>, Vec<u8>) = (row.get(0), row.get(1), row.get(2));
                match at {
                    0 => {
                        found.insert(k, v);
                    }
                    at => under[at as usize - 1].push((k, v)),
                }
            }
        }
        Ok(Fetched { values: keys.iter().map(|k| found.get(k).cloned()).collect(), under })
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
        if prefix.len() == 1 && client.check.as_ref().is_some_and(|c| !c.read.contains(&tag)) && columns::any(tag) {
            // The first whole read of a table while a column check is
            // under way checks its typed columns too: the rows are read
            // anyway, and a few more columns cost less than a second pass.
            let (rows, found) = self.read_checked(&mut client, tag, table, true)?;
            if let Some(check) = &mut client.check {
                check.read.insert(tag);
                check.found.extend(found);
            }
            return Ok(rows);
        }
        let rows = match successor(prefix) {
            // A whole table (verify, export, a `who`'s aliases) is read
            // in key order through its index too, as the planner already
            // chose for some: no sort. On the 1M-statement store, in
            // cache, the largest tables read as fast either way
            // (runs_by_statement 113-218 ms by index, 140-211 ms
            // sequentially and sorted, psql).
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

    /// Start checking the typed columns: from now on, the first read of
    /// each whole table compares every row's typed columns with what its
    /// key and value give ([`columns::expected`]), until
    /// [`Db::end_column_check`]. False when a check is already under way
    /// (an outer caller ends it).
    pub(crate) fn begin_column_check(&self) -> bool {
        let mut client = self.client();
        if client.check.is_some() {
            return false;
        }
        client.check = Some(ColumnCheck::default());
        true
    }

    /// End the column check: read every table with typed columns that no
    /// scan read whole meanwhile (its keys, and its values only where the
    /// columns come from them), and return every column found wrong.
    pub(crate) fn end_column_check(&self) -> Result<Vec<Mismatch>> {
        let mut client = self.client();
        let Some(mut check) = client.check.take() else { return Ok(Vec::new()) };
        for (tag, table) in TABLES {
            if !check.read.contains(tag) && columns::any(*tag) {
                check.found.extend(self.read_checked(&mut client, *tag, table, false)?.1);
            }
        }
        Ok(check.found)
    }

    /// Write every typed column found wrong again from its row's key and
    /// value (`reanalyze --force`); returns how many rows were rewritten.
    /// A row whose value a writer replaced meanwhile is left to it: the
    /// writer wrote its columns with it.
    pub(crate) fn repair_columns(&self) -> Result<u64> {
        let mut client = self.client();
        let mut repaired = 0;
        for (tag, table) in TABLES.iter().filter(|(tag, _)| columns::any(*tag)) {
            let (rows, found) = self.read_checked(&mut client, *tag, table, false)?;
            if found.is_empty() {
                continue;
            }
            let wrong: std::collections::HashSet<&[u8]> = found.iter().map(|m| &m.key[..]).collect();
            let (k, v): (Vec<Vec<u8>>, Vec<Vec<u8>>) = rows.into_iter().filter(|(k, _)| wrong.contains(&k[..])).unzip();
            let columns = columns::expected(*tag, &k, &v);
            let same_value = columns::needs_value(*tag);
            let (sql, params) = columns::update(
                table,
                &k,
                &v,
                same_value,
                columns.iter().map(|(name, _, c)| (*name, c.array_type(), c.param())),
            );
            repaired += client.execute(&sql, &params).map_err(|e| self.err(&e))?;
        }
        Ok(repaired)
    }

    /// Every row of `table` (holding keys of kind `tag`) in key order, its
    /// value only if `values` or its columns come from it, and its typed
    /// columns that differ from what its key and value give.
    fn read_checked(
        &self,
        client: &mut Conn,
        tag: u8,
        table: &'static str,
        values: bool,
    ) -> Result<(crate::Rows, Vec<Mismatch>)> {
        let select = columns::select(tag);
        let value = if values || columns::needs_value(tag) { "v" } else { "''::bytea" };
        let rows = client
            .query(&format!("SELECT k, {value}{select} FROM {table} ORDER BY k"), &[])
            .map_err(|e| self.err(&e))?;
        let (k, v): (Vec<Vec<u8>>, Vec<Vec<u8>>) = rows.iter().map(|r| (r.get(0), r.get(1))).unzip();
        // What the rows should hold, a chunk at a time: a whole table's
        // worth beside the rows would be half as much again.
        let mut found = Vec::new();
        for at in (0..rows.len()).step_by(CHECKED_AT_ONCE) {
            let to = rows.len().min(at + CHECKED_AT_ONCE);
            let differ = columns::compare(tag, table, &rows[at..to], &k[at..to], &v[at..to]);
            found.extend(differ.map_err(|e| self.err(&e))?);
        }
        Ok((k.into_iter().zip(v).collect(), found))
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
            self.locks().clear();
            let _ = self.client().batch_execute("ROLLBACK");
        }
    }

    /// Lock `story` for appending until the batch's transaction ends: a
    /// second writer waits here, then reads the head the first one left.
    pub(crate) fn lock_story(&self, story: &str) -> Result<()> {
        self.begin()?;
        if self.locks().contains(story) {
            return Ok(());
        }
        // One round trip: the upsert inserts the row or, finding it,
        // updates it, which takes its row lock (waiting for a writer that
        // holds it) as `SELECT … FOR UPDATE` would.
        self.client()
            .execute(
                "INSERT INTO story_locks (story) VALUES ($1) ON CONFLICT (story) DO UPDATE SET story = excluded.story",
                &[&story],
            )
            .map_err(|e| self.err(&e))?;
        self.locks().insert(story.to_string());
        Ok(())
    }

    fn locks(&self) -> std::sync::MutexGuard<'_, std::collections::HashSet<String>> {
        self.locked.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
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
        self.in_tx.store(false, Ordering::SeqCst);
        self.locks().clear();
        // Every batch adds to the same counter rows and holds them until
        // it commits: they are moved last, in the round trip that commits
        // (a simple query: the numbers are the batch's own, written out),
        // so other writers wait for one round trip and a WAL flush, not
        // for the rest of this batch's statements.
        let end = match &result {
            Ok(counters) => {
                let mut sql = String::new();
                for (name, value) in counters {
                    sql.push_str(&format!("UPDATE counters SET n = {value} WHERE name = '{name}';"));
                }
                sql + "COMMIT"
            }
            Err(_) => "ROLLBACK".to_string(),
        };
        let ended = self.client().batch_execute(&end).map_err(|e| self.err(&e));
        if ended.is_err() {
            // A failed statement of the commit's round trip skips the rest
            // of it: the transaction is still open, and aborted.
            let _ = self.client().batch_execute("ROLLBACK");
        }
        result.and(ended)
    }

    /// Write the batch; returns each counter's new value (an expression
    /// of its old one, `n`), for [`Db::apply`] to set as it commits (in
    /// [`COUNTERS`]' order: two batches take the rows in the same order).
    fn apply_in_tx(
        &self,
        batch: Batch,
        before: &Counts,
        after: &Counts,
        numbered: crate::kv::Numbered<'_>,
    ) -> Result<Vec<(&'static str, String)>> {
        // The batch's number comes from a sequence, which no writer waits
        // for (the `batches` counter row it replaced was held by each
        // batch from taking its number until it committed): its postings
        // are then rows of its own, written before the shared ones.
        let number = match numbered {
            Some(_) => Some(
                self.client()
                    .query_one("SELECT nextval('ct_batch_numbers')", &[])
                    .map_err(|e| self.err(&e))?
                    .get::<_, i64>(0),
            ),
            None => None,
        };
        let mut postings = Batch::default();
        if let (Some(add), Some(number)) = (numbered, number) {
            add(number as u64, &mut postings);
        }
        self.write(&batch, own_tables(), false)?;
        self.write(&postings, own_tables(), true)?;
        let inserted = self.write(&batch, shared_tables(), false)?;
        // A statement another writer stored first (since this batch found
        // it absent) is in that writer's postings already; listed twice,
        // verify would rightly object. Rare: the lists are rewritten.
        if !inserted.lost.is_empty() {
            let mut fixed = Batch::default();
            for (k, v) in postings.ops {
                let (Some(&(keys::BY_TERM | keys::NEAR)), Some(list)) = (k.first(), v) else { continue };
                let kept: Vec<u8> = list.chunks(8).filter(|c| !inserted.lost.contains(*c)).flatten().copied().collect();
                match kept.len() {
                    n if n == list.len() => {}
                    0 => fixed.remove(k),
                    _ => fixed.insert_owned(k, kept),
                }
            }
            self.write(&fixed, own_tables(), false)?;
        }
        let delta = |a: u64, b: u64| a as i64 - b as i64;
        let mut counters: Vec<(&'static str, String)> = Vec::new();
        if let Some(number) = number {
            counters.push(("batches", format!("greatest(n, {number})")));
        }
        for (name, n) in [
            ("blobs", inserted.blobs),
            ("occurrences", delta(after.occurrences, before.occurrences)),
            ("revisions", delta(after.revisions, before.revisions)),
            ("statements", inserted.statements),
            ("stories", delta(after.stories, before.stories)),
        ] {
            if n != 0 {
                counters.push((name, format!("n + {n}")));
            }
        }
        Ok(counters)
    }

    /// Write a batch's rows, table by table; returns how many statements
    /// and blobs were new. `numbered`: the rows are a batch's postings,
    /// keyed by a batch number no committed row has (the counter is read
    /// and moved under its row lock, and rolls back with the transaction),
    /// so they are plainly inserted: `ON CONFLICT` first probes the index
    /// for each row, 1.5 µs a row more (100,000 rows, psql `\timing`).
    fn write(
        &self,
        batch: &Batch,
        tables: impl Iterator<Item = &'static (u8, &'static str)>,
        numbered: bool,
    ) -> Result<Inserted> {
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
        for (tag, table) in tables {
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
            if *tag == keys::SPEAKER && !batch.replaces_speakers {
                merge_speakers(&mut client, &mut puts, &self.shown)?;
            }
            let content_addressed = *tag == keys::STATEMENT || *tag == keys::BLOB;
            let typed = TYPED.iter().any(|(t, _)| t == tag).then(|| Typed::of(*tag, &puts.1));
            let conflict = match (&typed, content_addressed, numbered) {
                (Some(typed), ..) => typed.on_conflict(),
                (None, true, _) => " ON CONFLICT (k) DO NOTHING RETURNING k".to_string(),
                (None, false, true) => String::new(),
                // A name index row or a store-wide mark is its key (the
                // value is empty): one stored already is the one this
                // batch would write. Updated in place, it would be
                // rewritten and locked until this batch commits, and
                // every other writer naming the same person (or starting
                // on an empty store) would wait for that; left alone,
                // nobody waits (unless another batch is adding it right
                // now).
                (None, false, false)
                    if (*tag == keys::BY_NAME || *tag == keys::META) && puts.1.iter().all(Vec::is_empty) =>
                {
                    " ON CONFLICT (k) DO NOTHING".to_string()
                }
                (None, false, false) => " ON CONFLICT (k) DO UPDATE SET v = excluded.v".to_string(),
            };
            // The columns beside the key and value: read from the values
            // (schema 2), and derived from the keys (schema 5).
            let keyed = columns::keyed(*tag, &puts.0, &puts.1);
            let mut columns: Vec<(&str, &str, &(dyn ToSql + Sync))> =
                typed.as_ref().map(Typed::columns).unwrap_or_default();
            columns.extend(keyed.iter().map(|(name, values)| (*name, values.array_type(), values.param())));
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![&puts.0, &puts.1];
            let (mut names, mut arrays) = (String::new(), String::new());
            for (name, array, values) in columns {
                params.push(values);
                names.push_str(&format!(", {name}"));
                arrays.push_str(&format!(", ${}::{array}", params.len()));
            }
            let rows = if numbered && conflict.is_empty() {
                // A batch's own postings, the largest inserts of an
                // import (38,000 variant and 17,000 search postings for
                // 5,000 revisions): binary COPY, which the server writes
                // a page at a time, where an insert from arrays goes row
                // by row through the executor (psql, those rows: 75 →
                // 43 ms for postings).
                copy(&mut client, table, &puts, &keyed).map(|_| Vec::new())
            } else {
                let sql = format!(
                    "INSERT INTO {table} (k, v{names}) SELECT * FROM unnest($1::bytea[], $2::bytea[]{arrays}){conflict}"
                );
                client.query(&sql, &params)
            }
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

/// The tables with columns claimtrail writes beside the value (schema 2):
/// what a person's SQL reads that the database cannot derive itself.
const TYPED: &[(u8, &str)] =
    &[(keys::REVISION, "revisions"), (keys::SPEAKER, "speakers"), (keys::BY_STATEMENT, "runs_by_statement")];

#[derive(Default)]
struct Inserted {
    statements: i64,
    blobs: i64,
    /// The posting keys (first 8 bytes of the hash) of the statements
    /// this batch meant to add but found already stored.
    lost: std::collections::HashSet<Vec<u8>>,
}

/// Insert rows (`puts`, and their `keyed` columns) into `table` by binary
/// COPY. No `ON CONFLICT`: for rows no other batch can hold.
fn copy(
    client: &mut Conn,
    table: &str,
    puts: &(Vec<Vec<u8>>, Vec<Vec<u8>>),
    keyed: &[(&'static str, columns::Values)],
) -> std::result::Result<u64, postgres::Error> {
    use postgres::types::Type;
    let names: String = keyed.iter().map(|(name, _)| format!(", {name}")).collect();
    let mut types = vec![Type::BYTEA, Type::BYTEA];
    types.extend(keyed.iter().map(|(_, values)| values.pg_type()));
    let sink = client.client.copy_in(&format!("COPY {table} (k, v{names}) FROM STDIN (FORMAT binary)"))?;
    let mut writer = postgres::binary_copy::BinaryCopyInWriter::new(sink, &types);
    let mut row: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(types.len());
    for (i, (k, v)) in puts.0.iter().zip(&puts.1).enumerate() {
        row.clear();
        row.extend([k as &(dyn ToSql + Sync), v]);
        row.extend(keyed.iter().map(|(_, values)| values.at(i)));
        writer.write(&row)?;
    }
    writer.finish()
}

/// Merge each staged speaker record into the stored one.
///
/// A row lock alone cannot serialise this: `SELECT … FOR UPDATE` locks
/// only rows that exist, so two batches adding the same new person both
/// found nothing, and the second upsert replaced the first's record
/// (spellings lost without a word); and a batch holding an existing
/// person's row while inserting a new one could wait in a cycle with a
/// batch that inserted the new one first ("deadlock detected"). So each
/// person's key first takes a transaction-level advisory lock, present
/// or not, all in one order (the lock ids sorted): a second batch naming
/// the same person waits here until the first commits, then reads and
/// merges what it wrote. Ids are a 64-bit hash of the schema and the key
/// (advisory locks are the database's, so two stores in one database do
/// not wait for each other); two keys sharing one only wait longer.
fn merge_speakers(client: &mut Conn, puts: &mut (Vec<Vec<u8>>, Vec<Vec<u8>>), shown: &str) -> Result<()> {
    client
        .execute(
            "SELECT pg_advisory_xact_lock(id) FROM (SELECT DISTINCT \
             hashtextextended(current_schema() || encode(k, 'hex'), 0) AS id FROM unnest($1::bytea[]) AS k \
             ORDER BY id) AS ids",
            &[&puts.0],
        )
        .map_err(|e| error(shown, &e))?;
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

/// The first column of the first row a simple query returned, as a number.
fn first_number(messages: &[postgres::SimpleQueryMessage]) -> Option<i32> {
    messages.iter().find_map(|m| match m {
        postgres::SimpleQueryMessage::Row(row) => row.get(0).and_then(|v| v.parse().ok()),
        _ => None,
    })
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
