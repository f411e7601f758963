//! Works out the analysis version: a fingerprint of the code that derives
//! what a revision's analysis holds (reading inputs, extraction, speaker
//! rules, the claim diff that gives each run its fate and decides who is
//! one person across revisions, the bridge to the store). Any change there
//! is a new version, so a store knows which revisions an older analysis
//! produced, and an import can tell an export it can re-derive exactly
//! from one it cannot.

use std::path::{Path, PathBuf};

const ANALYSIS_SOURCES: &[&str] =
    &["src/ingest", "src/extract", "src/speaker", "src/diff", "src/record.rs", "src/furniture.rs"];

fn files(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        let mut entries: Vec<PathBuf> =
            std::fs::read_dir(p).into_iter().flatten().flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if p.extension().is_some_and(|e| e == "rs") {
        out.push(p.to_path_buf());
    }
}

fn main() {
    let mut paths = Vec::new();
    for s in ANALYSIS_SOURCES {
        println!("cargo:rerun-if-changed={s}");
        files(Path::new(s), &mut paths);
    }
    // FNV-1a, 64 bits: a fingerprint, not a security boundary (the
    // analysis itself is hashed with blake3 in the store).
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    for p in &paths {
        eat(p.to_string_lossy().replace('\\', "/").as_bytes());
        eat(&[0]);
        // Line endings do not change the code.
        let text = std::fs::read(p).unwrap_or_default();
        let text: Vec<u8> = text.into_iter().filter(|b| *b != b'\r').collect();
        eat(&text);
        eat(&[0]);
    }
    println!("cargo:rustc-env=CLAIMTRAIL_ANALYSIS_FINGERPRINT={h:016x}");
}
