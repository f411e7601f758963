//! The test harness: a temporary store per test, a fixed clock, `NO_COLOR`,
//! and helpers to reach fixtures and the shared corpus.
//!
//! With `CLAIMTRAIL_TEST_PG=postgres://…` set, every test's store is a
//! fresh schema in that PostgreSQL database instead of a sled directory,
//! dropped when the test ends: the same tests then check the PostgreSQL
//! backend. The tests about sled's own files are listed in `.ci/run`
//! (`sled_only`), with the reason, and are not run that way.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The time every test's clock is fixed at.
pub const NOW: &str = "2026-01-02T03:04:05Z";

/// A test's world: a temporary directory holding its store (or, with
/// `CLAIMTRAIL_TEST_PG`, its files beside a PostgreSQL schema).
pub struct Env {
    pub dir: tempfile::TempDir,
    /// The test's PostgreSQL schema, when the suite runs on PostgreSQL.
    pg: Option<PgSchema>,
}

/// A schema of its own for one test, dropped with it.
struct PgSchema {
    server: String,
    name: String,
}

impl Drop for PgSchema {
    fn drop(&mut self) {
        if let Ok(mut client) = pg_client(&self.server) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// The PostgreSQL database the suite runs on (`CLAIMTRAIL_TEST_PG`), if any.
pub fn pg_server() -> Option<String> {
    std::env::var("CLAIMTRAIL_TEST_PG").ok().filter(|v| !v.is_empty())
}

/// The PostgreSQL server, for a test that cannot run without one: absent,
/// it fails when `CI=true` and is skipped (with a note) otherwise.
pub fn require_pg(test: &str) -> Option<String> {
    let server = pg_server();
    if server.is_none() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "{test} needs a PostgreSQL server: set CLAIMTRAIL_TEST_PG=postgres://… (CI=true)"
        );
        eprintln!("{test}: skipped, no PostgreSQL server (set CLAIMTRAIL_TEST_PG=postgres://…)");
    }
    server
}

/// A connection to the test server; failing to reach it fails the test.
pub fn pg_client(server: &str) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(server, postgres::NoTls)
}

/// A store address in the same database as `server` that uses `schema`.
pub fn pg_address(server: &str, schema: &str) -> String {
    let sep = if server.contains('?') { '&' } else { '?' };
    format!("{server}{sep}options=-csearch_path%3D{schema}")
}

/// A new, empty schema in the test database.
fn pg_schema(server: &str) -> PgSchema {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
    let name = format!("ct_test_{}_{n}_{nanos}", std::process::id());
    let mut client = pg_client(server)
        .unwrap_or_else(|e| panic!("CLAIMTRAIL_TEST_PG={server}: cannot reach the PostgreSQL server: {e}"));
    client.batch_execute(&format!("CREATE SCHEMA {name}")).expect("create the test's schema");
    PgSchema { server: server.to_string(), name }
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Run a command made by [`Env::cmd`] and changed (its environment).
    pub fn from_cmd(cmd: &mut Command) -> Run {
        Run::from(cmd.output().expect("run claimtrail"))
    }

    /// Assert success and return stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        &self.stdout
    }

    /// Assert a usage/input error (exit 2) and return stderr.
    #[track_caller]
    pub fn err(&self) -> &str {
        assert_eq!(self.code, 2, "expected exit 2\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        assert!(self.stderr.starts_with("error: "), "stderr should start with 'error: ': {}", self.stderr);
        &self.stderr
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir"), pg: pg_server().map(|s| pg_schema(&s)) }
    }

    /// A test whose store is a sled directory, whatever the suite runs on.
    pub fn new_sled() -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir"), pg: None }
    }

    /// A test whose store is a fresh schema on the PostgreSQL `server`.
    pub fn new_pg(server: &str) -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir"), pg: Some(pg_schema(server)) }
    }

    /// The test's PostgreSQL schema, if its store is on PostgreSQL.
    pub fn pg_schema(&self) -> Option<&str> {
        self.pg.as_ref().map(|pg| pg.name.as_str())
    }

    /// The test's store: a directory, or a PostgreSQL address.
    pub fn store(&self) -> PathBuf {
        match &self.pg {
            Some(pg) => PathBuf::from(pg_address(&pg.server, &pg.name)),
            None => self.dir.path().join("store"),
        }
    }

    /// A file in the test's directory with the given contents.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin!("claimtrail"));
        c.env("CLAIMTRAIL_STORE", self.store())
            .env("CLAIMTRAIL_NOW", NOW)
            .env("NO_COLOR", "1")
            .env_remove("CLAIMTRAIL_WAIT")
            .current_dir(self.dir.path());
        c
    }

    /// The same command as a std `Command`, for tests that manage the child.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimtrail"));
        c.env("CLAIMTRAIL_STORE", self.store())
            .env("CLAIMTRAIL_NOW", NOW)
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        c
    }

    /// Run the binary with these arguments.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        Run::from(self.cmd().args(args).output().expect("run claimtrail"))
    }

    /// Run with standard input.
    pub fn run_stdin<I, S>(&self, args: I, stdin: &str) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        Run::from(self.cmd().args(args).write_stdin(stdin).output().expect("run claimtrail"))
    }

    /// The store's sled database, opened directly (to inspect or damage it).
    /// sled releases its file lock a little after a process or handle is
    /// gone, so a conflict is retried for a moment.
    pub fn sled(&self) -> sled::Db {
        assert!(self.pg.is_none(), "this test reads sled's own files: list it in .ci/run's sled_only");
        let start = std::time::Instant::now();
        loop {
            match sled::open(self.store().join("db")) {
                Ok(db) => return db,
                Err(e) if start.elapsed() < std::time::Duration::from_secs(5) => {
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("open sled: {e}"),
            }
        }
    }

    /// Every key and value of the store's database, to prove it unchanged
    /// (on PostgreSQL: every row of every table of the test's schema).
    pub fn store_snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        if let Some(pg) = &self.pg {
            let mut client = pg_client(&pg.server).expect("reach the test server");
            let tables = client
                .query(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1",
                    &[&pg.name],
                )
                .expect("list the test's tables");
            // The tables of records hold the keys and values of the
            // shared key layout (`k`, `v`); the others are compared whole.
            let mut rows = Vec::new();
            for t in tables {
                let table: String = t.get(0);
                let keyed = client
                    .query(&format!("SELECT k, v FROM {}.{table}", pg.name), &[])
                    .map(|found| found.into_iter().map(|r| (r.get(0), r.get(1))).collect::<Vec<_>>());
                match keyed {
                    Ok(found) => rows.extend(found),
                    Err(_) => {
                        for r in client
                            .query(&format!("SELECT r::text FROM {}.{table} r", pg.name), &[])
                            .expect("read a table")
                        {
                            rows.push((table.clone().into_bytes(), r.get::<_, String>(0).into_bytes()));
                        }
                    }
                }
            }
            rows.sort();
            return rows;
        }
        if !self.store().join("db").exists() {
            return Vec::new();
        }
        let db = self.sled();
        db.iter().map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())).expect("read")).collect()
    }
}

/// The bundled example story's revisions.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/harbor-fire").join(name)
}

/// A file of the shared corpus beside the repo. Missing is a failure, never
/// a skip: the tests that need it are the acceptance figures.
pub fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    assert!(
        p.exists(),
        "the shared corpus file {} is missing: clone the repo with ../shared beside it (CI={})",
        p.display(),
        std::env::var("CI").unwrap_or_default()
    );
    p
}

/// sled's snapshot file in a sled store.
pub fn sled_snapshot(env: &Env) -> PathBuf {
    std::fs::read_dir(env.store().join("db"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("snap."))
        .expect("sled's snapshot")
}

/// Damage sled's snapshot file: sled then refuses to open the database at
/// all ("Read corrupted data"), as after many single flipped bits.
pub fn damage_sled_snapshot(env: &Env) {
    let snap = sled_snapshot(env);
    let mut bytes = std::fs::read(&snap).unwrap();
    bytes[5] ^= 0x10;
    std::fs::write(&snap, bytes).unwrap();
}

/// A store-wide derived record sealed as claimtrail seals it: a forgery
/// that passes the envelope's checksum (see `store/src/hash.rs`).
pub fn sealed(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut h = blake3::Hasher::new_derive_key("claimtrail 2026-11 record envelope v1");
    h.update(&[kind]);
    h.update(&(payload.len() as u64).to_le_bytes());
    h.update(payload);
    let mut out = h.finalize().as_bytes()[..8].to_vec();
    out.extend_from_slice(payload);
    out
}

/// A string as postcard writes it (varint length, bytes).
pub fn postcard_str(s: &str) -> Vec<u8> {
    assert!(s.len() < 128);
    let mut out = vec![s.len() as u8];
    out.extend_from_slice(s.as_bytes());
    out
}

/// A speaker record as postcard writes it: id, name, kind, anonymous,
/// role, aliases, anonymity reason.
pub fn speaker_record(id: &str, name: &str, role: &str, aliases: &[&str]) -> Vec<u8> {
    let mut p = postcard_str(id);
    p.extend(postcard_str(name));
    p.extend(postcard_str("person"));
    p.push(0);
    p.push(1);
    p.extend(postcard_str(role));
    p.push(aliases.len() as u8);
    for a in aliases {
        p.extend(postcard_str(a));
    }
    p.push(0);
    sealed(b'P', &p)
}

/// Recompute the ids and parents of an edited export's revision lines, as
/// someone forging one would: what gives such a forgery away is then only
/// what its raw bytes, text and statements say.
pub fn rechain(lines: &mut [serde_json::Value]) {
    let mut last: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for line in lines.iter_mut().filter(|l| l["kind"] == "revision") {
        let story = line["story"].as_str().unwrap().to_string();
        line["parent"] = last.get(&story).map_or(serde_json::Value::Null, |p| p.clone().into());
        let rev: claimtrail::backup::RevisionLine = serde_json::from_value(line.clone()).unwrap();
        let raw = rev.raw_bytes().unwrap();
        let id = rev.to_new(&raw, Default::default()).id(rev.number, rev.parent).to_hex();
        line["id"] = id.clone().into();
        last.insert(story, id);
    }
}

/// An export's lines, to edit.
pub fn export_lines(text: &str) -> Vec<serde_json::Value> {
    text.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Edited export lines, as a file.
pub fn export_file(env: &Env, name: &str, lines: &[serde_json::Value]) -> PathBuf {
    env.file(name, lines.iter().map(|l| format!("{l}\n")).collect::<String>())
}

/// An import directory of one story whose `n` revisions are each twelve
/// paragraphs of fresh made-up words (the same every run): revisions that
/// take room on disk, unlike small edits.
pub fn wordy_archive(env: &Env, story: &str, n: usize) -> PathBuf {
    let root = env.dir.path().join("words");
    std::fs::create_dir_all(root.join(story)).expect("create the archive");
    let mut seed = 7u64;
    let mut word = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let n = (seed >> 33) as usize;
        (0..4 + n % 6).map(|i| char::from(b'a' + ((n >> (i * 5)) % 26) as u8)).collect::<String>()
    };
    for i in 1..=n {
        let paragraphs: Vec<String> = (0..12)
            .map(|_| {
                let words: Vec<String> = (0..40).map(|_| word()).collect();
                format!("\"{},\" said Mayor Lena Ortiz.", words.join(" "))
            })
            .collect();
        let name = format!("{i:02}-2026-01-01T{:02}{:02}Z.txt", i / 60, i % 60);
        std::fs::write(root.join(story).join(name), paragraphs.join("\n\n")).expect("write a revision");
    }
    root
}
