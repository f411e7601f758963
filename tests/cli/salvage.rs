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

/// Flip a bit in the database's record of revision `n` of harbor.
fn damage_revision_record(env: &Env, n: u32) {
    let db = env.sled();
    let mut key = b"Rharbor\0".to_vec();
    key.extend_from_slice(&n.to_be_bytes());
    let mut v = db.get(&key).unwrap().unwrap().to_vec();
    v[10] ^= 1;
    db.insert(&key, v).unwrap();
    db.flush().unwrap();
}

#[test]
fn a_damaged_revision_costs_only_its_story_from_there_on() {
    let env = Env::new();
    harbor(&env);
    // Revision 2 of harbor is damaged in the database, and the journal
    // lost its entry too: harbor keeps revision 1, ferry is whole.
    damage_revision_record(&env, 2);
    let journal = env.store().join("journal");
    let mut bytes = std::fs::read(&journal).unwrap();
    // Entries go revision, commit mark, revision, ...: the third is revision 2.
    let second = bytes.windows(8).enumerate().filter(|(_, w)| w == b"ctjrnl1\n").nth(2).unwrap().0;
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

/// Issue 12: salvage copied a noise check without the raw page it names,
/// so the new store's check pointed at a page it did not hold.
#[test]
fn salvage_keeps_the_raw_page_of_a_noise_check() {
    use crate::server::{Reply, Server};
    let env = Env::new();
    let server = Server::start();
    let article = std::fs::read_to_string(example("01-first.txt")).unwrap();
    let body = |stamp: &str| format!("Updated {stamp} GMT\n\n{article}");
    server.on("/story", vec![Reply::ok("text/plain", body("10:42")), Reply::ok("text/plain", body("11:15"))]);
    for _ in 0..2 {
        env.run(["track", &server.url("/story"), "--story", "harbor", "--retry-ms", "10"]).ok();
    }
    let export_before = export(&env, &env.store());
    assert!(export_before.contains(r#""outcome":"noise""#) && export_before.contains(r#""page":"#), "{export_before}");
    let to = env.store().with_file_name("copy");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    // The copy exports the same check log, pages included, and verifies.
    assert_eq!(export(&env, &to), export_before);
    env.run(["--store", to.to_str().unwrap(), "verify"]).ok();
}

/// Where each journal entry starts.
fn journal_entries(env: &Env) -> (Vec<u8>, Vec<usize>) {
    let bytes = std::fs::read(env.store().join("journal")).unwrap();
    let starts = bytes.windows(8).enumerate().filter(|(_, w)| w == b"ctjrnl1\n").map(|(i, _)| i).collect();
    (bytes, starts)
}

fn record(env: &Env, file: &str, at: &str) {
    env.run(["record", "harbor", example(file).to_str().unwrap(), "--at", at]).ok();
}

/// `verify` passes and counts this many acknowledged revisions.
fn verifies_with_acknowledged(env: &Env, n: usize) {
    let out = env.run(["verify"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(out.stdout.contains(&format!("{n} acknowledged revisions")), "{}", out.stdout);
}

/// Make the database unreadable and salvage the store from its journal:
/// the new store must export exactly what the store did. Returns salvage's
/// output.
fn rebuilt_from_the_journal_exports_the_same(env: &Env) -> String {
    let before = export(env, &env.store());
    crate::util::damage_sled_snapshot(env);
    let to = env.store().with_file_name("rescued");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert_eq!(export(env, &to), before);
    out.stdout
}

/// Issue 12: a process killed between sled's flush and the journal append
/// left a revision in the database that the journal never had; the story
/// went on, and a rebuild from the journal stopped short of that revision
/// and of everything after it. Now the journal entry is written first and
/// acknowledged by a commit mark after sled's flush: the state such a kill
/// leaves is a whole entry with no commit mark.
#[test]
fn a_write_killed_before_its_commit_mark_is_rebuilt_when_the_story_went_on() {
    let env = Env::new();
    record(&env, "01-first.txt", "2026-01-01T10:00:00Z");
    record(&env, "02-update.txt", "2026-01-02T10:00:00Z");
    // Killed after sled's flush of revision 2, before its commit mark.
    let (bytes, starts) = journal_entries(&env);
    std::fs::write(env.store().join("journal"), &bytes[..*starts.last().unwrap()]).unwrap();
    verifies_with_acknowledged(&env, 1);
    // The story goes on from the revision the database holds.
    record(&env, "03-latest.txt", "2026-01-03T10:00:00Z");
    verifies_with_acknowledged(&env, 2);
    // With the database unreadable, the journal alone gives all three.
    let out = rebuilt_from_the_journal_exports_the_same(&env);
    assert!(out.contains("salvaged 1 stories, 3 revisions"), "{out}");
}

/// The other side of the same protocol: a process killed after the
/// journal entry but before sled's write never acknowledged that
/// revision. It is not reported missing, and the revision recorded in its
/// place is the one a rebuild gives.
#[test]
fn a_write_killed_before_the_database_had_it_is_not_acknowledged() {
    let full = Env::new();
    record(&full, "01-first.txt", "2026-01-01T10:00:00Z");
    record(&full, "02-update.txt", "2026-01-02T10:00:00Z");
    let env = Env::new();
    record(&env, "01-first.txt", "2026-01-01T10:00:00Z");
    // The same first write; then revision 2's entry, without its mark.
    let (mine, _) = journal_entries(&env);
    let (theirs, starts) = journal_entries(&full);
    assert_eq!(theirs[..mine.len()], mine[..], "the same first write journals the same bytes");
    std::fs::write(env.store().join("journal"), &theirs[..*starts.last().unwrap()]).unwrap();
    verifies_with_acknowledged(&env, 1);
    record(&env, "03-latest.txt", "2026-01-03T10:00:00Z");
    verifies_with_acknowledged(&env, 2);
    let out = rebuilt_from_the_journal_exports_the_same(&env);
    assert!(out.contains("salvaged 1 stories, 2 revisions"), "{out}");
}

/// Issue 12: `reanalyze` did not journal, so a store rebuilt from the
/// journal came back with the analysis first recorded.
#[test]
fn a_store_rebuilt_from_the_journal_keeps_the_analysis_reanalyze_derived() {
    let env = Env::new();
    crate::analysis::old_store(&env);
    env.run(["reanalyze"]).ok();
    assert!(!export(&env, &env.store()).contains("0.0.0+old"));
    let out = rebuilt_from_the_journal_exports_the_same(&env);
    assert!(out.contains("(0 from the database, 2 from the journal)"), "{out}");
    let to = env.store().with_file_name("rescued");
    let who = env.run(["--store", to.to_str().unwrap(), "who", "Laura Benson", "--format", "json"]).json();
    assert!(!who["statements"].as_array().unwrap().is_empty());
}

/// A page captured again repeats its template and most of its text: the
/// journal keeps the change, not a second copy of the page.
#[test]
fn a_page_captured_again_grows_the_journal_by_its_change_only() {
    let env = Env::new();
    let page = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/ferry-vote-full.html"),
    )
    .unwrap();
    let edited = page.replace("voted by 21 to 9", "voted by 22 to 8");
    assert_ne!(edited, page);
    let journal_len = || std::fs::metadata(env.store().join("journal")).unwrap().len();
    env.run(["record", "ferry", env.file("a.html", &page).to_str().unwrap(), "--at", "2026-01-01T10:00:00Z"]).ok();
    let first = journal_len();
    env.run(["record", "ferry", env.file("b.html", &edited).to_str().unwrap(), "--at", "2026-01-01T11:00:00Z"]).ok();
    let second = journal_len() - first;
    assert!(second * 2 < first, "the first capture took {first} bytes of journal, the second {second}");
    // And the journal alone gives both captures back.
    let out = rebuilt_from_the_journal_exports_the_same(&env);
    assert!(out.contains("(0 from the database, 2 from the journal)"), "{out}");
}

/// A journal entry is compressed against its parent. When the parent's
/// own entry is damaged but the database still holds the parent, the
/// entry is read against the database's copy: nothing more is lost than
/// before.
#[test]
fn a_journal_entry_whose_parent_entry_is_damaged_is_read_against_the_database() {
    let env = Env::new();
    harbor(&env);
    let before = export(&env, &env.store());
    // Revision 3 of harbor is damaged in the database ...
    damage_revision_record(&env, 3);
    // ... and revision 2's journal entry, which revision 3's entry is
    // compressed against (entries go revision, commit mark, revision, ...).
    let (mut bytes, starts) = journal_entries(&env);
    bytes[starts[2] + 30] ^= 1;
    std::fs::write(env.store().join("journal"), bytes).unwrap();
    let to = env.store().with_file_name("rescued");
    let out = env.run(["salvage", "--to", to.to_str().unwrap()]);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("salvaged 2 stories, 4 revisions"), "{}", out.stdout);
    assert!(out.stdout.contains("(3 from the database, 1 from the journal)"), "{}", out.stdout);
    assert_eq!(export(&env, &to), before);
}
