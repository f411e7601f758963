//! The PostgreSQL backend's benchmarks, on the corpus `store` uses (see
//! `corpus/mod.rs`), against the server named by `CLAIMTRAIL_BENCH_PG`
//! (`postgres://user@host/db`; each run works in fresh schemas of that
//! database and drops them):
//!
//! - `import`: `claimtrail import` of 5,000 revisions, whole command, by
//!   one process, then by 4 processes at once, each a quarter of the
//!   stories (revisions/s over the wall time of all of them);
//! - `queries`: a store of about 1,000,000 statements loaded by 4 import
//!   processes, then `who`, `search`, `blame` and `log` as whole commands
//!   (process start, connection, query), p50/p99 over 100 runs each.
//!
//! Run: `CLAIMTRAIL_BENCH_PG=postgres://… cargo bench --bench pg -- [import|queries]`
//! (both when none given). Each result is printed as a Markdown table row.
//! With `CLAIMTRAIL_BENCH_PG_KEEP=1` the query store is kept when the run
//! ends and used again by the next run (loading it takes minutes). With
//! `CLAIMTRAIL_BENCH_DIR=DIR` the import archives are written to DIR and
//! kept, to import again by hand (under `perf`, say).
//!
//! The import rows say where the time goes: CPU seconds of the
//! `claimtrail` processes and of the server's processes (read from
//! `/proc`, so only for a server on this machine), beside the same import
//! into sled, whose client does the same extraction and staging.

/// The allocator the `claimtrail` binary runs with (`src/main.rs`): what is
/// timed here is what a user's command does, malloc included.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The binary timed: this build's, or the one `CLAIMTRAIL_BENCH_BIN`
/// names (an older build, to interleave runs of both on a busy machine).
fn bin() -> PathBuf {
    std::env::var_os("CLAIMTRAIL_BENCH_BIN")
        .map_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_claimtrail")), PathBuf::from)
}

/// A result as a Markdown table row, with the machine's load average
/// over the last minute when it ended (wall figures depend on it; CPU
/// figures much less).
fn row(what: &str, figure: String, target: &str) {
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().next().unwrap_or("?");
    println!("| {what} (PostgreSQL) | {figure}; load {load} | {target} |");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A fresh schema on the server, dropped when this is (unless kept).
struct Schema {
    server: String,
    name: String,
    keep: bool,
}

impl Schema {
    fn new(server: &str, name: &str) -> Schema {
        let mut client = postgres::Client::connect(server, postgres::NoTls).expect("reach CLAIMTRAIL_BENCH_PG");
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")).unwrap();
        Schema { server: server.to_string(), name: name.to_string(), keep: false }
    }

    /// The schema a kept earlier run loaded, if there is one.
    fn kept(server: &str, name: &str) -> Option<Schema> {
        let mut client = postgres::Client::connect(server, postgres::NoTls).expect("reach CLAIMTRAIL_BENCH_PG");
        let sql = format!("SELECT n FROM {name}.counters WHERE name = 'revisions'");
        let n: i64 = client.query_one(&sql, &[]).ok()?.get(0);
        (n > 0).then(|| Schema { server: server.to_string(), name: name.to_string(), keep: true })
    }

    fn address(&self) -> PathBuf {
        let sep = if self.server.contains('?') { '&' } else { '?' };
        PathBuf::from(format!("{}{sep}options=-csearch_path%3D{}", self.server, self.name))
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        if let Ok(mut client) = postgres::Client::connect(&self.server, postgres::NoTls) {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
        }
    }
}

/// The corpus as `writers` import archives of disjoint stories.
fn archives(dir: &Path, corpus: &[(String, Vec<String>)], writers: usize) -> Vec<PathBuf> {
    (0..writers)
        .map(|w| {
            let root = dir.join(format!("archive-{writers}-{w}"));
            let part: Vec<_> = corpus.iter().skip(w).step_by(writers).cloned().collect();
            corpus::write_archive(&root, &part);
            root
        })
        .collect()
}

/// CPU seconds (user + system) from `/proc/PID/stat`: the process's own
/// and, with `children`, that of its children it has waited for.
fn cpu_of(pid: u32, children: bool) -> f64 {
    let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { return 0.0 };
    // Fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, r)| r).split_whitespace().collect();
    let tick = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok()).unwrap_or(0.0);
    // utime, stime, cutime, cstime are fields 14-17 of stat(5): 11-14 here.
    let own = tick(11) + tick(12);
    let reaped = if children { tick(13) + tick(14) } else { 0.0 };
    (own + reaped) / 100.0
}

/// The CPU seconds the server has used so far: its postmaster's own and
/// its reaped backends', and its live processes'. `None` when the server
/// is not on this machine.
///
/// Read when the writers' backends have gone (a backend outlives its
/// client by the moment it takes to exit), and as one consistent picture:
/// a backend reaped between reading the postmaster's reaped total and
/// listing the live ones was in neither, so the reading is repeated until
/// the live ones are the same before and after (a one-writer import once
/// showed "server 0.0 CPU s": its one backend fell in that gap).
fn server_cpu(server: &str) -> Option<f64> {
    let mut client = postgres::Client::connect(server, postgres::NoTls).ok()?;
    let backend: i32 = client.query_one("SELECT pg_backend_pid()", &[]).ok()?.get(0);
    let stat = std::fs::read_to_string(format!("/proc/{backend}/stat")).ok()?;
    let postmaster: u32 = stat.rsplit_once(')')?.1.split_whitespace().nth(1)?.parse().ok()?;
    let waited = Instant::now();
    while waited.elapsed() < Duration::from_secs(10) {
        let others: i64 = client
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() \
                 AND backend_type = 'client backend' AND pid <> pg_backend_pid()",
                &[],
            )
            .ok()?
            .get(0);
        if others == 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    // The server's live processes but this reading's own backend, and
    // their CPU seconds.
    let live = || -> (Vec<u32>, f64) {
        let (mut pids, mut total) = (Vec::new(), 0.0);
        for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let Some(pid) = entry.file_name().to_str().and_then(|n| n.parse::<u32>().ok()) else { continue };
            let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else { continue };
            let parent = stat.rsplit_once(')').and_then(|(_, r)| r.split_whitespace().nth(1)?.parse::<u32>().ok());
            if parent == Some(postmaster) && pid as i32 != backend {
                pids.push(pid);
                total += cpu_of(pid, false);
            }
        }
        pids.sort_unstable();
        (pids, total)
    };
    loop {
        let (before, running) = live();
        let reaped = cpu_of(postmaster, true);
        if live().0 == before {
            return Some(reaped + running);
        }
    }
}

/// Import the archives into `store`, one process each, all at once;
/// returns the wall time.
fn import(store: &Path, archives: &[PathBuf]) -> Duration {
    let start = Instant::now();
    let children: Vec<_> = archives
        .iter()
        .map(|a| {
            std::process::Command::new(bin())
                .arg("--store")
                .arg(store)
                .args(["import", "--quiet"])
                .arg(a)
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    start.elapsed()
}

/// Create the schema's tables first, so the writers do not race to. Not
/// for an older binary (`CLAIMTRAIL_BENCH_BIN`), which refuses a schema
/// newer than its own: its writers create it, one at a time (under the
/// migrations' advisory lock).
fn create(store: &Path) {
    if std::env::var_os("CLAIMTRAIL_BENCH_BIN").is_none() {
        drop(claimtrail_store::Store::open(store).expect("open the PostgreSQL store"));
    }
}

fn bench_import(server: &str, dir: &Path) {
    let corpus = corpus::corpus(1, 5000);
    let revisions: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    let me = std::process::id();
    // The same import into sled: what the client costs whatever the store.
    let archives1 = archives(dir, &corpus, 1);
    let sled = dir.join("sled-store");
    let client_before = cpu_of(me, true);
    let secs = import(&sled, &archives1).as_secs_f64();
    let client = cpu_of(me, true) - client_before;
    row(
        &format!("bulk record: `claimtrail import` of {revisions} revisions into sled, 1 writer"),
        format!("{:.0} revisions/s ({secs:.1} s wall; client {client:.1} CPU s)", revisions as f64 / secs),
        "(reference for the rows below)",
    );
    for writers in [1, 4] {
        let archives = archives(dir, &corpus, writers);
        let schema = Schema::new(server, &format!("ct_bench_import_{writers}"));
        create(&schema.address());
        let (client_before, server_before) = (cpu_of(me, true), server_cpu(server));
        let secs = import(&schema.address(), &archives).as_secs_f64();
        let client = cpu_of(me, true) - client_before;
        let server = match (server_before, server_cpu(server)) {
            (Some(a), Some(b)) => format!("{:.1}", b - a),
            _ => "?".to_string(),
        };
        row(
            &format!("bulk record: `claimtrail import` of {revisions} revisions, {writers} writer(s) at once"),
            format!(
                "{:.0} revisions/s ({secs:.1} s wall; client {client:.1} CPU s, server {server} CPU s)",
                revisions as f64 / secs
            ),
            if writers == 4 { "≥ 2,000/s with 4 writers" } else { "(reference)" },
        );
    }
}

fn bench_queries(server: &str, dir: &Path) {
    // About 40 statements per 5 KB revision: 25,000 revisions make 1,000,000.
    let corpus = corpus::corpus(2, 25_000);
    let keep = std::env::var("CLAIMTRAIL_BENCH_PG_KEEP").is_ok_and(|v| v == "1");
    let (schema, load) = match Schema::kept(server, "ct_bench_queries").filter(|_| keep) {
        Some(schema) => (schema, None),
        None => {
            let mut schema = Schema::new(server, "ct_bench_queries");
            schema.keep = keep;
            create(&schema.address());
            let archives = archives(dir, &corpus, 4);
            let load = import(&schema.address(), &archives);
            (schema, Some(load))
        }
    };
    let store = schema.address();
    // The store's own counters (a verify would read all of it).
    let mut client = postgres::Client::connect(server, postgres::NoTls).unwrap();
    let mut count = |name: &str| -> i64 {
        let sql = format!("SELECT n FROM {}.counters WHERE name = $1", schema.name);
        client.query_one(&sql, &[&name]).unwrap().get(0)
    };
    let (occurrences, statements, revisions, stories) =
        (count("occurrences"), count("statements"), count("revisions"), count("stories"));
    row(
        "query store, loaded by 4 `import` processes",
        format!(
            "{occurrences} statements ({statements} distinct), {revisions} revisions, {stories} stories; \
             {}",
            match load {
                Some(load) => format!(
                    "loaded in {:.0} s ({:.0} revisions/s)",
                    load.as_secs_f64(),
                    revisions as f64 / load.as_secs_f64()
                ),
                None => "loaded by an earlier run (kept)".to_string(),
            }
        ),
        "1,000,000 statements",
    );
    let whole = |args: &[&str]| {
        let mut times = Vec::new();
        for _ in 0..100 {
            let t = Instant::now();
            let out = std::process::Command::new(bin()).arg("--store").arg(&store).args(args).output().unwrap();
            times.push(t.elapsed());
            assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        }
        times.sort();
        format!("p50 {} / p99 {}", ms(percentile(&times, 0.5)), ms(percentile(&times, 0.99)))
    };
    let longest = corpus.iter().max_by_key(|(_, t)| t.len()).unwrap();
    row("`claimtrail who \"Maria Alvarez\"`, whole command, 100 runs", whole(&["who", "Maria Alvarez"]), "p99 ≤ 20 ms");
    row(
        "`claimtrail search bridge budget`, whole command, 100 runs",
        whole(&["search", "bridge", "budget"]),
        "(reference)",
    );
    row(
        &format!("`claimtrail blame {}`, whole command, 100 runs", longest.0),
        whole(&["blame", &longest.0]),
        "(reference)",
    );
    row(
        &format!("`claimtrail log {}` ({} revisions), whole command, 100 runs", longest.0, longest.1.len()),
        whole(&["log", &longest.0]),
        "≤ 50 ms",
    );
}

fn main() {
    let args: BTreeSet<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    let all = args.is_empty();
    let Some(server) = std::env::var("CLAIMTRAIL_BENCH_PG").ok().filter(|s| !s.is_empty()) else {
        eprintln!("set CLAIMTRAIL_BENCH_PG=postgres://user@host/db to run the PostgreSQL benchmarks");
        return;
    };
    // `CLAIMTRAIL_BENCH_DIR`: write the archives there and keep them (to
    // import them again by hand, under `perf` or with the server's
    // statistics reset).
    let kept = std::env::var_os("CLAIMTRAIL_BENCH_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = kept.as_deref().unwrap_or(temp.path());
    if all || args.contains("import") {
        bench_import(&server, dir);
    }
    if all || args.contains("queries") {
        bench_queries(&server, dir);
    }
}
