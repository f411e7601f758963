//! `claimtrail verify`, and the store refusing what it cannot trust.

use crate::util::{Env, example, shared};

fn taji(env: &Env) {
    env.run(["record", "taji", shared("corpus/taji/rev1.txt").to_str().unwrap()]).ok();
    env.run(["record", "taji", shared("corpus/taji/rev2.txt").to_str().unwrap()]).ok();
}

/// Change one byte of the first value whose key starts with `tag`.
fn damage(env: &Env, tag: u8) -> Vec<u8> {
    if let Some(schema) = env.pg_schema() {
        // On PostgreSQL the same change made with SQL: the first row of
        // the kind's table, its value's last byte.
        let table = match tag {
            b'B' => "blobs",
            b'R' => "revisions",
            other => panic!("no table named for kind {:?}", other as char),
        };
        let mut client = crate::util::pg_client(&crate::util::pg_server().unwrap()).unwrap();
        let sql = format!(
            "UPDATE {schema}.{table} SET v = set_byte(v, length(v) - 1, get_byte(v, length(v) - 1) # 32) \
             WHERE k = (SELECT k FROM {schema}.{table} ORDER BY k LIMIT 1) RETURNING k"
        );
        return client.query_one(&sql, &[]).unwrap().get(0);
    }
    let db = env.sled();
    let (k, v) = db.scan_prefix([tag]).next().expect("a record to damage").unwrap();
    let mut v = v.to_vec();
    let last = v.len() - 1;
    v[last] ^= 0x20;
    db.insert(&k, v).unwrap();
    db.flush().unwrap();
    k.to_vec()
}

#[test]
fn a_good_store_verifies() {
    let env = Env::new();
    taji(&env);
    let out = env.run(["verify"]);
    assert!(out.ok().contains("checked 1 stories, 2 revisions, 4 blobs"), "{}", out.stdout);
    assert!(out.stdout.contains("ok: every hash, chain and index entry checks out"));
    let j = env.run(["verify", "--format", "json"]).json();
    assert_eq!(j["ok"], true);
    assert_eq!(j["problems"].as_array().unwrap().len(), 0);
}

#[test]
fn verify_catches_a_corrupted_blob_byte() {
    let env = Env::new();
    taji(&env);
    damage(&env, b'B');
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("damaged: story \"taji\" revision "), "{}", out.stdout);
    // A flipped byte either breaks the compressed frame or changes the text.
    assert!(
        out.stdout.contains("does not match its hash") || out.stdout.contains("cannot be decoded"),
        "{}",
        out.stdout
    );
    let j = env.run(["verify", "--format", "json"]).json();
    assert_eq!(j["ok"], false);
    assert_eq!(j["problems"][0]["story"], "taji");
}

#[test]
fn verify_catches_a_changed_revision_record() {
    let env = Env::new();
    taji(&env);
    damage(&env, b'R');
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1);
    assert!(out.stdout.contains("story \"taji\" revision 1: the revision record fails its checksum"), "{}", out.stdout);
}

#[test]
fn a_store_from_a_newer_claimtrail_is_refused() {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    {
        let db = env.sled();
        db.insert(b"Mformat", &999u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    let before = env.store_snapshot();
    let err = env.run(["log", "harbor"]).err().to_string();
    assert!(
        err.contains(&format!(
            "was written by a newer claimtrail (store format 999; this claimtrail reads up to {})",
            claimtrail_store::FORMAT_VERSION
        )),
        "{err}"
    );
    assert!(err.contains("hint: upgrade claimtrail"), "{err}");
    let err = env.run(["record", "harbor", example("02-update.txt").to_str().unwrap()]).err().to_string();
    assert!(err.contains("newer claimtrail"), "{err}");
    assert_eq!(env.store_snapshot(), before);
}

#[test]
fn a_store_in_an_older_format_is_refused_with_the_way_out() {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    {
        let db = env.sled();
        db.insert(b"Mformat", &1u32.to_be_bytes()).unwrap();
        db.flush().unwrap();
    }
    let before = env.store_snapshot();
    let out = env.run(["log", "harbor"]);
    assert_eq!(out.code, 2);
    let err = out.err().to_string();
    assert!(err.contains("is in an older store format (1)"), "{err}");
    assert!(err.contains("hint: run `claimtrail export` with the claimtrail that wrote it"), "{err}");
    assert_eq!(env.store_snapshot(), before);
}

#[test]
fn verify_without_a_store_says_so() {
    let env = Env::new();
    let err = env.run(["verify"]).err().to_string();
    assert!(err.contains("no store at"), "{err}");
}

/// Every file of the store and a hash of its bytes, but for the lock file
/// (which holds the pid of the last process to open the store).
fn store_files(env: &Env) -> std::collections::BTreeMap<String, String> {
    fn walk(dir: &std::path::Path, root: &std::path::Path, out: &mut std::collections::BTreeMap<String, String>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, root, out);
            } else {
                let name = p.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                out.insert(name, blake3::hash(&std::fs::read(&p).unwrap()).to_hex().to_string());
            }
        }
    }
    let mut out = std::collections::BTreeMap::new();
    if env.pg_schema().is_some() {
        // No files: every row of the schema instead.
        for (i, (k, v)) in env.store_snapshot().into_iter().enumerate() {
            out.insert(format!("{i}:{}", blake3::hash(&k).to_hex()), blake3::hash(&v).to_hex().to_string());
        }
        return out;
    }
    walk(&env.store(), &env.store(), &mut out);
    out.retain(|name, _| name != "lock");
    out
}

fn harbor(env: &Env, revisions: usize) {
    for (i, f) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate().take(revisions) {
        let at = format!("2026-01-0{}T10:00:00Z", i + 1);
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", &at]).ok();
    }
}

#[test]
fn an_acknowledged_revision_the_database_lost_is_named() {
    // sled drops its newest writes when its log tail is damaged: the same
    // store, as if revision 3 had been lost, must not verify.
    let full = Env::new();
    harbor(&full, 3);
    let lost = Env::new();
    harbor(&lost, 2);
    std::fs::copy(full.store().join("journal"), lost.store().join("journal")).unwrap();
    let out = lost.run(["verify"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains("story \"harbor\" revision 3: acknowledged revision")
            && out.stdout.contains("is missing from the database (the journal recorded it)"),
        "{}",
        out.stdout
    );
    let j = lost.run(["verify", "--format", "json"]).json();
    assert_eq!(j["acknowledged"], 3);
    assert_eq!(j["problems"][0]["story"], "harbor");
    assert_eq!(j["problems"][0]["revision"], 3);
}

#[test]
fn a_torn_last_journal_entry_is_not_damage() {
    // A process killed while appending to the journal never acknowledged
    // that revision: nothing is wrong, and the next record carries on.
    let env = Env::new();
    harbor(&env, 2);
    let journal = env.store().join("journal");
    let len = std::fs::metadata(&journal).unwrap().len();
    let file = std::fs::OpenOptions::new().write(true).open(&journal).unwrap();
    file.set_len(len - 10).unwrap();
    // Revision 2 is in the database but its entry is torn: still ok.
    let out = env.run(["verify"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("1 acknowledged revisions"), "{}", out.stdout);
    env.run(["record", "harbor", example("03-latest.txt").to_str().unwrap(), "--at", "2026-01-03T10:00:00Z"]).ok();
    let out = env.run(["verify"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains("2 acknowledged revisions"), "{}", out.stdout);
}

#[test]
fn a_flipped_bit_in_the_journal_is_reported() {
    let env = Env::new();
    harbor(&env, 3);
    let journal = env.store().join("journal");
    let mut bytes = std::fs::read(&journal).unwrap();
    bytes[40] ^= 0x04;
    std::fs::write(&journal, bytes).unwrap();
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("damaged: the journal is damaged at bytes 0.."), "{}", out.stdout);
    // The other entries are still read.
    assert!(out.stdout.contains("2 acknowledged revisions"), "{}", out.stdout);
}

#[test]
fn a_newer_format_store_is_refused_before_sled_rewrites_it() {
    let env = Env::new();
    harbor(&env, 1);
    std::fs::write(env.store().join("format"), "claimtrail store format 999\n").unwrap();
    let snap = store_files;
    let before = snap(&env);
    for args in [&["log", "harbor"][..], &["verify"], &["record", "harbor", example("02-update.txt").to_str().unwrap()]]
    {
        let err = env.run(args).err().to_string();
        assert!(err.contains("was written by a newer claimtrail (store format 999"), "{err}");
    }
    // sled never opened: not even its snapshot was rewritten.
    assert_eq!(snap(&env), before);
}

/// Issue 12: reading changed the store's files. sled flushed what it had
/// consolidated while reading when the command closed it (`verify`
/// changed the data file), and the next open rewrote its snapshot
/// (`export` after `verify` made a new one). Every file is compared now,
/// sled's included.
#[test]
fn read_only_commands_do_not_change_the_store() {
    let env = Env::new();
    harbor(&env, 3);
    let export = env.run(["export"]).ok().to_string();
    let before = store_files(&env);
    for args in [
        &["log", "harbor"][..],
        &["show", "harbor@2"],
        &["who", "eastbay-fire-department"],
        &["search", "fire"],
        &["speakers"],
        &["stories"],
        &["blame", "harbor"],
        &["diff", "harbor@1", "harbor@3"],
        &["verify"],
        &["export"],
        &["verify"],
        &["log", "harbor"],
    ] {
        env.run(args);
        assert_eq!(store_files(&env), before, "`{}` changed the store", args.join(" "));
    }
    assert_eq!(env.run(["export"]).ok(), export);
}

#[test]
fn a_store_sled_cannot_open_is_reported_from_the_journal() {
    let env = Env::new();
    harbor(&env, 3);
    // sled refuses a damaged snapshot: the whole database is unreadable.
    crate::util::damage_sled_snapshot(&env);
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("damaged: the database cannot be read: store"), "{}", out.stdout);
    assert!(
        out.stdout.contains("story \"harbor\": 3 acknowledged revisions cannot be checked; `claimtrail salvage"),
        "{}",
        out.stdout
    );
    // Other commands fail with the damage named, never a panic.
    let out = env.run(["log", "harbor"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("is damaged"), "{}", out.stderr);
    assert!(out.stderr.contains("claimtrail salvage"), "{}", out.stderr);
}
