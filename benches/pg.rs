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

mod corpus;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_claimtrail");

fn row(what: &str, figure: String, target: &str) {
    println!("| {what} (PostgreSQL) | {figure} | {target} |");
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1e3)
}

/// A fresh schema on the server, dropped when this is.
struct Schema {
    server: String,
    name: String,
}

impl Schema {
    fn new(server: &str, name: &str) -> Schema {
        let mut client = postgres::Client::connect(server, postgres::NoTls).expect("reach CLAIMTRAIL_BENCH_PG");
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")).unwrap();
        Schema { server: server.to_string(), name: name.to_string() }
    }

    fn address(&self) -> PathBuf {
        let sep = if self.server.contains('?') { '&' } else { '?' };
        PathBuf::from(format!("{}{sep}options=-csearch_path%3D{}", self.server, self.name))
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
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

/// Import the archives into `store`, one process each, all at once;
/// returns the wall time.
fn import(store: &Path, archives: &[PathBuf]) -> Duration {
    let start = Instant::now();
    let children: Vec<_> = archives
        .iter()
        .map(|a| {
            std::process::Command::new(BIN)
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

/// Create the schema's tables first, so the writers do not race to.
fn create(store: &Path) {
    drop(claimtrail_store::Store::open(store).expect("open the PostgreSQL store"));
}

fn bench_import(server: &str, dir: &Path) {
    let corpus = corpus::corpus(1, 5000);
    let revisions: usize = corpus.iter().map(|(_, t)| t.len()).sum();
    for writers in [1, 4] {
        let archives = archives(dir, &corpus, writers);
        let schema = Schema::new(server, &format!("ct_bench_import_{writers}"));
        create(&schema.address());
        let secs = import(&schema.address(), &archives).as_secs_f64();
        row(
            &format!("bulk record: `claimtrail import` of {revisions} revisions, {writers} writer(s) at once"),
            format!("{:.0} revisions/s ({secs:.1} s wall)", revisions as f64 / secs),
            if writers == 4 { "≥ 2,000/s with 4 writers" } else { "(reference)" },
        );
    }
}

fn bench_queries(server: &str, dir: &Path) {
    // About 40 statements per 5 KB revision: 25,000 revisions make 1,000,000.
    let corpus = corpus::corpus(2, 25_000);
    let schema = Schema::new(server, "ct_bench_queries");
    let store = schema.address();
    create(&store);
    let archives = archives(dir, &corpus, 4);
    let load = import(&store, &archives);
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
             loaded in {:.0} s ({:.0} revisions/s)",
            load.as_secs_f64(),
            revisions as f64 / load.as_secs_f64()
        ),
        "1,000,000 statements",
    );
    let whole = |args: &[&str]| {
        let mut times = Vec::new();
        for _ in 0..100 {
            let t = Instant::now();
            let out = std::process::Command::new(BIN).arg("--store").arg(&store).args(args).output().unwrap();
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
    let dir = tempfile::tempdir().unwrap();
    if all || args.contains("import") {
        bench_import(&server, dir.path());
    }
    if all || args.contains("queries") {
        bench_queries(&server, dir.path());
    }
}
