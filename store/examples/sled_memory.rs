//! sled's memory under random-key writes, without claimtrail: the probe
//! behind the peak-RSS row of BENCHMARKS.md.
//!
//! Writes batches of 1,400 keys (about what 64 revisions write), each
//! batch applied and flushed as `import` does, with a 16 MB cache. Keys
//! are random 33-byte hashes (as the statement and search indexes' are),
//! or, with `--sequential`, prefixed by the batch number. Prints the
//! process's resident memory as it goes.
//!
//! Run: `cargo run --release -p claimtrail-store --example sled_memory -- DIR BATCHES [--sequential]`

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(batches)) = (args.get(1), args.get(2).and_then(|b| b.parse::<u64>().ok())) else {
        eprintln!("usage: sled_memory DIR BATCHES [--sequential]");
        std::process::exit(2);
    };
    let sequential = args.iter().any(|a| a == "--sequential");
    let db = sled::Config::new().path(dir).cache_capacity(16 << 20).open().expect("open sled");
    let mut x: u64 = 1;
    for b in 0..batches {
        let mut batch = sled::Batch::default();
        for _ in 0..1400 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let mut k = vec![b'y'];
            if sequential {
                k.extend_from_slice(&b.to_be_bytes());
            }
            k.extend_from_slice(blake3::hash(&x.to_le_bytes()).as_bytes());
            batch.insert(k, vec![7u8; 120]);
        }
        db.apply_batch(batch).expect("apply");
        db.flush().expect("flush");
        if b % 200 == 0 || b + 1 == batches {
            let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
            let rss = status.lines().find(|l| l.starts_with("VmRSS")).unwrap_or("VmRSS: ?").to_string();
            println!("batch {b}: {} keys, {rss}, {} MB on disk", (b + 1) * 1400, db.size_on_disk().unwrap_or(0) >> 20);
        }
    }
}
