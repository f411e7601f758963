//! Throughput of reading HTML pages: parse, metadata, boilerplate pruning,
//! article selection and paragraphs (`ingest::read_document`), on the real
//! pages of `../shared/corpus/webpages/` and `../shared/corpus/articles/`.
//!
//! `cargo bench --bench html` — one thread, every page read once to warm
//! up, then all of them `ROUNDS` times; prints MB of HTML per second (best
//! round). Set `CLAIMTRAIL_BENCH_SHARED` to a `shared/` folder elsewhere.
//!
//! First, before the corpus is loaded, a hostile page: 100,000 nested
//! `<div>`s (1.1 MB), its time and the process's peak RSS after it (Linux
//! `VmHWM`), the figures the bad-input table asks for.

/// The allocator the `claimtrail` binary runs with (`src/main.rs`): what is
/// timed here is what a user's command does, malloc included.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::hint::black_box;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

const ROUNDS: usize = 5;

fn pages_in(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("bench corpus {} is missing ({e})", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        let name = path.display().to_string();
        if path.is_dir() {
            pages_in(&path, out);
        } else if name.ends_with(".html") {
            out.push((name, std::fs::read(&path).expect("a page")));
        } else if name.ends_with(".html.gz") {
            let mut html = Vec::new();
            flate2::read::GzDecoder::new(std::fs::File::open(&path).expect("a page"))
                .read_to_end(&mut html)
                .expect("a gzip page");
            out.push((name.trim_end_matches(".gz").to_string(), html));
        }
    }
}

/// Peak resident set size of this process so far, in MB (Linux only).
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kb: f64 =
        status.lines().find_map(|l| l.strip_prefix("VmHWM:"))?.trim().trim_end_matches("kB").trim().parse().ok()?;
    Some(kb / 1024.0)
}

fn nested_divs() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(n),
        "Officials confirmed the bridge will reopen on Monday after the repairs. ".repeat(3),
        "</div>".repeat(n)
    );
    let start = Instant::now();
    let doc = black_box(claimtrail::ingest::read_document(page.as_bytes(), Some("deep.html")));
    let took = start.elapsed().as_secs_f64();
    assert!(doc.is_ok(), "the nested page has an article");
    let rss = peak_rss_mb().map_or_else(|| "unknown".to_string(), |m| format!("{m:.0} MB"));
    println!("html, {n} nested <div> ({:.1} MB): {:.0} ms, peak RSS {rss}", page.len() as f64 / 1e6, took * 1e3);
}

fn main() {
    nested_divs();
    let shared = std::env::var_os("CLAIMTRAIL_BENCH_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let mut pages = Vec::new();
    pages_in(&shared.join("corpus/webpages"), &mut pages);
    pages_in(&shared.join("corpus/articles/html"), &mut pages);
    assert!(!pages.is_empty(), "no pages under {}", shared.display());
    let bytes: usize = pages.iter().map(|(_, p)| p.len()).sum();

    let mut read = 0;
    for (name, page) in &pages {
        read += usize::from(black_box(claimtrail::ingest::read_document(page, Some(name))).is_ok());
    }
    let mut best = f64::INFINITY;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        for (name, page) in &pages {
            let _ = black_box(claimtrail::ingest::read_document(black_box(page), Some(name)));
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    println!(
        "html: {} pages ({read} with an article), {:.2} MB of HTML; best of {ROUNDS}: {:.0} ms, {:.1} MB/s",
        pages.len(),
        bytes as f64 / 1e6,
        best * 1e3,
        bytes as f64 / 1e6 / best
    );
}
