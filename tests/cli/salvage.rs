//! `claimtrail salvage`: every undamaged story out of a damaged store.

use crate::util::{Env, example};

fn harbor(env: &Env) {
    for (i, f) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate() {
        let at = format!("2026-01-0{}T10:00:00Z", i + 1);
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", &at]).ok();
    }
    let text = "The ferry will run again on Monday, the harbor master said.\n";
    env.run_stdin(["record", "ferry", "-", "--at", "2026-01-04T10:00:00Z"], text).ok();
}

fn export(env: &Env, store: &std::path::Path) -> String {
    env.run(["--store", store.to_str().unwrap(), "export"]).ok().to_string()
}

#[test]
fn an_intact_store_is_copied_exactly() {
    let env = Env::new();
    harbor(&env);
    let to = env.store().with_file_name("copy");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("salvaged 2 stories, 4 revisions"), "{}", out.stdout);
    assert_eq!(export(&env, &to), export(&env, &env.store()));
    env.run(["--store", to.to_str().unwrap(), "verify"]).ok();
}

#[test]
fn a_store_sled_cannot_open_is_rebuilt_from_the_journal() {
    let env = Env::new();
    harbor(&env);
    let before = export(&env, &env.store());
    crate::util::damage_sled_snapshot(&env);
    let to = env.store().with_file_name("rescued");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("note: the database cannot be read"), "{}", out.stdout);
    assert!(out.stdout.contains("4 revisions into"), "{}", out.stdout);
    assert!(out.stdout.contains("(0 from the database, 4 from the journal)"), "{}", out.stdout);
    // The same revisions, ids and statements.
    assert_eq!(export(&env, &to), before);
}

#[test]
fn a_damaged_revision_costs_only_its_story_from_there_on() {
    let env = Env::new();
    harbor(&env);
    // Revision 2 of harbor is damaged in the database, and the journal
    // lost its entry too: harbor keeps revision 1, ferry is whole.
    {
        let db = env.sled();
        let mut key = b"Rharbor\0".to_vec();
        key.extend_from_slice(&2u32.to_be_bytes());
        let mut v = db.get(&key).unwrap().unwrap().to_vec();
        v[10] ^= 1;
        db.insert(&key, v).unwrap();
        db.flush().unwrap();
    }
    let journal = env.store().join("journal");
    let mut bytes = std::fs::read(&journal).unwrap();
    let second = bytes.windows(8).enumerate().filter(|(_, w)| w == b"ctjrnl1\n").nth(1).unwrap().0;
    bytes[second + 30] ^= 1;
    std::fs::write(&journal, bytes).unwrap();
    let to = env.store().with_file_name("rescued");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("salvaged 2 stories, 2 revisions"), "{}", out.stdout);
    assert!(out.stdout.contains("lost: story \"harbor\" revisions 2-3"), "{}", out.stdout);
    let log = env.run(["--store", to.to_str().unwrap(), "log", "ferry"]);
    assert!(log.ok().contains("2026-01-04 10:00 UTC"), "{}", log.stdout);
}

#[test]
fn salvage_never_writes_over_a_store() {
    let env = Env::new();
    harbor(&env);
    let out = env.run(["salvage", "--to", env.store().to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("into itself"), "{}", out.stderr);
    let other = env.file("notes.txt", "keep me");
    let out = env.run(["salvage", "--to", other.to_str().unwrap()]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("it exists and is not empty"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(other).unwrap(), "keep me");
}
