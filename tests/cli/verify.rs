//! `claimtrail verify`, and the store refusing what it cannot trust.

use crate::util::{Env, example, shared};

fn taji(env: &Env) {
    env.run(["record", "taji", shared("corpus/taji/rev1.txt").to_str().unwrap()]).ok();
    env.run(["record", "taji", shared("corpus/taji/rev2.txt").to_str().unwrap()]).ok();
}

/// Change one byte of the first value whose key starts with `tag`.
fn damage(env: &Env, tag: u8) -> Vec<u8> {
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
