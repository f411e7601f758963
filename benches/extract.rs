//! Throughput of `extract` on the PolNeAR train texts.
//!
//! `cargo bench --bench extract` — reads the `text` of the primary lines of
//! `../shared/corpus/polnear/polnear_train.jsonl` (relative to the workspace
//! root; override with `CLAIMTRAIL_BENCH_CORPUS`), runs extraction over all
//! of them several times on one thread and prints MB/s; then the same texts
//! four times over as one input of about 15 MB, which must run at the same
//! MB/s (issue #19: nothing in extraction may grow with the article). That
//! line comes first: the per-article line is the last.

/// The allocator the `claimtrail` binary runs with (`src/main.rs`): what is
/// timed here is what a user's command does, malloc included.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::path::PathBuf;
use std::time::Instant;

const ROUNDS: usize = 10;

fn main() {
    let path = std::env::var_os("CLAIMTRAIL_BENCH_CORPUS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/polnear/polnear_train.jsonl")
    });
    let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "bench corpus {} is missing ({e}); put the PolNeAR train split there \
             or set CLAIMTRAIL_BENCH_CORPUS",
            path.display()
        )
    });
    let texts: Vec<String> = raw
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a JSON line"))
        .filter(|v| v["primary"].as_bool() == Some(true))
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect();
    assert!(!texts.is_empty(), "no primary texts in {}", path.display());
    let bytes: usize = texts.iter().map(String::len).sum();

    // Warm up (lexicon tables, caches).
    for t in &texts {
        black_box(claimtrail::extract::extract(t));
    }
    let mut best = f64::INFINITY;
    let mut statements = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        statements = 0;
        for t in &texts {
            statements += black_box(claimtrail::extract::extract(black_box(t))).statements.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let all = texts.join("\n\n");
    let big = [all.as_str(); 4].join("\n\n");
    let mut best_big = f64::INFINITY;
    let mut big_statements = 0;
    for _ in 0..3 {
        let start = Instant::now();
        big_statements = black_box(claimtrail::extract::extract(black_box(&big))).statements.len();
        best_big = best_big.min(start.elapsed().as_secs_f64());
    }
    println!(
        "extract, one input: {:.2} MB, {} statements; best of 3: {:.1} ms, {:.1} MB/s",
        big.len() as f64 / 1e6,
        big_statements,
        best_big * 1e3,
        big.len() as f64 / 1e6 / best_big
    );
    // Last, as scripts/bench.sh takes the last line.
    println!(
        "extract: {} articles, {:.2} MB, {} statements; best of {ROUNDS}: {:.1} ms, {:.1} MB/s",
        texts.len(),
        bytes as f64 / 1e6,
        statements,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
