//! sled under a load in key order, without claimtrail: the probe behind
//! `sled::append_splits` (vendor/sled/PATCHES.md).
//!
//! Writes 300,000 sorted 33-byte hash keys (as the statement and index
//! keys of a bulk load's deferred log are) with 60-byte values, in batches
//! of 1,000, between keys of two other kinds written first, with leaves
//! split in half (upstream) and then where the load goes. Prints the time,
//! the data file and the snapshot after a reopen (one entry per page).
//!
//! Run: `cargo run --release -p claimtrail-store --example append_splits`

fn main() {
    let mut keys: Vec<Vec<u8>> = (0..300_000u32)
        .map(|i| {
            let mut k = vec![b'T'];
            k.extend_from_slice(blake3::hash(&i.to_be_bytes()).as_bytes());
            k
        })
        .collect();
    keys.sort();
    for on in [false, true] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = sled::Config::new().path(dir.path()).cache_capacity(16 << 20).open().expect("open sled");
        for i in 0..1000u16 {
            for kind in [b'A', b'Z'] {
                let [hi, lo] = i.to_be_bytes();
                db.insert([kind, hi, lo], &[0u8; 40][..]).expect("insert");
            }
        }
        sled::append_splits(on);
        let start = std::time::Instant::now();
        for chunk in keys.chunks(1000) {
            let mut batch = sled::Batch::default();
            for k in chunk {
                batch.insert(&k[..], &[1u8; 60][..]);
            }
            db.apply_batch(batch).expect("apply");
        }
        sled::append_splits(false);
        db.flush().expect("flush");
        let took = start.elapsed();
        drop(db);
        drop(sled::Config::new().path(dir.path()).open().expect("reopen"));
        let mut data = 0;
        let mut snapshot = 0;
        for entry in std::fs::read_dir(dir.path()).expect("read the directory").flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let len = entry.metadata().map_or(0, |m| m.len());
            match name.as_str() {
                "db" => data = len,
                n if n.starts_with("snap.") => snapshot = len,
                _ => {}
            }
        }
        println!("append_splits({on}): {took:.2?}, data file {data} bytes, snapshot {snapshot} bytes");
    }
}
