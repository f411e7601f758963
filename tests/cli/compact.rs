//! `claimtrail compact`: the database rewritten without sled's emptied
//! space, holding exactly what it held.

use crate::util::{Env, example};

/// A store with some churn: three revisions of one story, each analysed
/// twice (`reanalyze --force` rewrites what was derived).
fn store_with_churn(env: &Env) {
    for f in ["01-first.txt", "02-update.txt", "03-latest.txt"] {
        env.run(["record", "harbor", example(f).to_str().unwrap()]).ok();
    }
    env.run(["reanalyze", "--force"]).ok();
}

#[test]
fn compact_keeps_every_key_value_and_the_verify_root() {
    let env = Env::new_sled();
    store_with_churn(&env);
    let root_before = env.run(["verify", "--format", "json"]).json()["root"].clone();
    let export_before = env.run(["export"]).ok().to_string();
    let keys_before = env.store_snapshot();

    let out = env.run(["compact"]);
    let said = out.ok();
    assert!(said.starts_with(&format!("compacted {}: ", env.store().display())), "{said}");
    assert!(said.contains(&format!("{} keys copied and checked", keys_before.len())), "{said}");

    assert_eq!(env.store_snapshot(), keys_before, "every key and value as it was");
    assert_eq!(env.run(["verify", "--format", "json"]).json()["root"], root_before);
    assert_eq!(env.run(["export"]).ok(), export_before);
    assert!(!env.store().join("db.compact").exists(), "the old database is gone");

    // JSON for scripts; compacting a compacted store changes nothing either.
    let json = env.run(["compact", "--format", "json"]).json();
    assert_eq!(json["keys"], keys_before.len());
    assert!(json["after_bytes"].as_u64().unwrap() > 0, "{json}");
    assert_eq!(json["leftover_bytes"], 0);
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    assert_eq!(env.run(["log", "harbor", "--format", "json"]).json().as_array().unwrap().len(), 4);
}

#[test]
fn a_copy_left_by_an_interrupted_compaction_is_ignored_then_removed() {
    let env = Env::new_sled();
    store_with_churn(&env);
    let keys_before = env.store_snapshot();
    // What a compaction killed while copying leaves: a half-made database
    // beside the real one.
    let leftover = env.store().join("db.compact");
    std::fs::create_dir_all(&leftover).unwrap();
    std::fs::write(leftover.join("db"), vec![7u8; 64 * 1024]).unwrap();

    assert_eq!(env.run(["log", "harbor", "--format", "json"]).json().as_array().unwrap().len(), 3);
    env.run(["verify"]).ok();

    let said = env.run(["compact"]).ok().to_string();
    assert!(said.starts_with("removed the unfinished copy of an interrupted compaction ("), "{said}");
    assert!(!leftover.exists());
    assert_eq!(env.store_snapshot(), keys_before);
    env.run(["verify"]).ok();
}

#[test]
fn compact_needs_a_store_and_a_sled_one() {
    let env = Env::new();
    let err = env.run(["compact"]).err().to_string();
    match env.pg_schema() {
        None => assert!(err.contains(&format!("no store at {}", env.store().display())), "{err}"),
        Some(_) => assert!(err.contains("`compact` works on a sled store's files"), "{err}"),
    }
    if env.pg_schema().is_some() {
        env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
        let err = env.run(["compact"]).err().to_string();
        assert!(err.contains("autovacuum"), "{err}");
    }
}

#[test]
fn a_compaction_killed_at_any_moment_leaves_the_store_whole() {
    let env = Env::new_sled();
    let archive = env.dir.path().join("archive");
    crate::crash::write_archive(&archive, 6, 12);
    env.run(["import", "--quiet", archive.to_str().unwrap()]).ok();
    env.run(["reanalyze", "--force"]).ok();
    let root = env.run(["verify", "--format", "json"]).json()["root"].clone();
    let keys = env.store_snapshot();

    // Timed once, to aim the kills across the whole run.
    let start = std::time::Instant::now();
    env.run(["compact"]).ok();
    let full = start.elapsed().as_micros() as u64;
    let mut rng = crate::crash::Lcg(0xc0ac7);
    let mut interrupted = 0;
    for i in 0..12 {
        let mut child = env
            .std_cmd()
            .args(["--store", env.store().to_str().unwrap(), "compact"])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_micros(rng.next() % (full + 1)));
        child.kill().unwrap(); // SIGKILL on Unix
        interrupted += u32::from(!child.wait().unwrap().success());
        assert_eq!(env.store_snapshot(), keys, "kill {i}: the store's keys and values changed");
        let v = env.run(["verify", "--format", "json"]);
        assert_eq!(v.code, 0, "kill {i}: verify failed\n{}{}", v.stdout, v.stderr);
        assert_eq!(v.json()["root"], root, "kill {i}");
    }
    assert!(interrupted > 0, "no kill landed inside a compaction");
    env.run(["compact"]).ok();
    assert!(!env.store().join("db.compact").exists());
    assert_eq!(env.store_snapshot(), keys);
}

/// Every file under sled's directory with its length and modification time.
fn sled_files(env: &Env) -> Vec<(std::path::PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut stack = vec![env.store().join("db")];
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let meta = e.metadata().unwrap();
            if meta.is_dir() {
                stack.push(e.path());
            } else {
                out.push((e.path(), meta.len(), meta.modified().unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// sled 0.34 wrote its marker over every free segment and the tail of its
/// last one, then waited on an fsync, each time it opened a database: a
/// command that only reads wrote up to hundreds of MB (110 MB for `who`
/// on the 1M-statement bench store). With the patched sled
/// (vendor/sled/PATCHES.md) a reading command leaves every file as it was.
#[test]
fn commands_that_only_read_write_nothing() {
    let env = Env::new_sled();
    store_with_churn(&env);
    let before = sled_files(&env);
    // Enough for a coarse file-system clock to tell a rewrite apart.
    std::thread::sleep(std::time::Duration::from_millis(50));
    for args in [
        &["log", "harbor"][..],
        &["who", "Laura Benson"],
        &["search", "fire"],
        &["blame", "harbor"],
        &["speakers"],
        &["verify"],
        &["show", "harbor"],
    ] {
        let out = env.run(args.iter().copied());
        assert!(out.code <= 1, "{args:?}: {}{}", out.stdout, out.stderr);
        assert_eq!(sled_files(&env), before, "`claimtrail {}` changed sled's files", args.join(" "));
    }
}

/// Blocks the file system allocated under `dir` (what `du` counts).
fn allocated_bytes(dir: &std::path::Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    let mut total = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let meta = e.metadata().unwrap();
        total += if meta.is_dir() { allocated_bytes(&e.path()) } else { meta.blocks() * 512 };
    }
    total
}

/// sled grows its file to the end of the segment it writes in by writing
/// zeros over the rest of it (512 KB), so a store of one short story took
/// over half a megabyte on disk. The patched sled grows the file by its
/// last byte: the rest reads back the same zeros and takes no disk.
#[test]
fn a_small_store_takes_little_disk() {
    let env = Env::new_sled();
    for f in ["01-first.txt", "02-update.txt", "03-latest.txt"] {
        env.run(["record", "harbor", example(f).to_str().unwrap()]).ok();
    }
    let db = env.store().join("db");
    let length = std::fs::metadata(db.join("db")).unwrap().len();
    assert!(length >= 512 * 1024 - 1, "sled's file spans its segment: {length} bytes");
    let on_disk = allocated_bytes(&env.store());
    assert!(on_disk < 256 * 1024, "three short revisions take {on_disk} bytes on disk");
    env.run(["verify"]).ok();
    // Reopened and written again, the file keeps its length and its holes
    // read as sled's marker.
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    assert_eq!(env.run(["log", "harbor", "--format", "json"]).json().as_array().unwrap().len(), 4);
    env.run(["verify"]).ok();
}

/// `compact` on a freshly imported store made it bigger (62.8 MB became
/// 69.4 MB): an import writes sled's file with little dead space, and the
/// copy sled writes from scratch takes more than that. A copy no smaller
/// is thrown away and the store left as it was, saying so; the store
/// still compacts when there is space to free.
#[test]
fn compacting_a_freshly_imported_store_never_makes_it_bigger() {
    let env = Env::new_sled();
    let root = crate::util::wordy_archive(&env, "chronicle", 40);
    env.run(["import", root.to_str().unwrap()]).ok();
    let keys_before = env.store_snapshot();
    let root_before = env.run(["verify", "--format", "json"]).json()["root"].clone();
    let db = env.store().join("db");
    let before = allocated_bytes(&db);

    let said = env.run(["compact"]).ok().to_string();
    let after = allocated_bytes(&db);
    assert!(after <= before, "compact grew the store from {before} to {after} bytes: {said}");
    assert!(said.starts_with(&format!("nothing to gain: {} takes ", env.store().display())), "{said}");
    assert!(said.contains("; the store was left as it was ("), "{said}");
    assert!(!env.store().join("db.compact").exists(), "the copy is gone");
    assert_eq!(env.store_snapshot(), keys_before);
    assert_eq!(env.run(["verify", "--format", "json"]).json()["root"], root_before);
    let json = env.run(["compact", "--format", "json"]).json();
    assert_eq!(json["kept"], true, "{json}");
    assert!(json["after_bytes"].as_u64() >= json["before_bytes"].as_u64(), "{json}");

    // A store with space to free is compacted as before.
    let churned = Env::new_sled();
    store_with_churn(&churned);
    let json = churned.run(["compact", "--format", "json"]).json();
    assert!(json["after_bytes"].as_u64() < json["before_bytes"].as_u64(), "{json}");
    assert_eq!(json["kept"], false, "{json}");
    churned.run(["verify"]).ok();
}
