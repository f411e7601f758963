//! `verify` finds every kind of damage and names the story and revision.
//! Each test damages a real store through sled directly, as a disk fault or
//! a hand edit would.

use crate::util::{Env, Run, example};

/// A store holding the example story's three revisions.
fn harbor() -> Env {
    let env = Env::new();
    for (i, f) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate() {
        let at = format!("2026-01-0{}T10:00:00Z", i + 1);
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", &at]).ok();
    }
    env.run(["verify"]).ok();
    env
}

fn db(env: &Env) -> sled::Db {
    env.sled()
}

/// The key of revision `n` of story `s`.
fn revision_key(s: &str, n: u32) -> Vec<u8> {
    let mut k = vec![b'R'];
    k.extend_from_slice(s.as_bytes());
    k.push(0);
    k.extend_from_slice(&n.to_be_bytes());
    k
}

fn flip_last_byte(db: &sled::Db, key: &[u8]) {
    let mut v = db.get(key).unwrap().expect("key present").to_vec();
    let last = v.len() - 1;
    v[last] ^= 0x01;
    db.insert(key, v).unwrap();
    db.flush().unwrap();
}

/// Verify fails (exit 1) and says `needle` about story harbor.
#[track_caller]
fn damaged(env: &Env, needle: &str) -> Run {
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "verify should find damage:\n{}", out.stdout);
    assert!(out.stdout.contains(needle), "expected {needle:?} in:\n{}", out.stdout);
    let j = env.run(["verify", "--format", "json"]).json();
    assert_eq!(j["ok"], false);
    out
}

/// The blob key of a revision's raw or text blob, from `log --format json`.
fn blob_of(env: &Env, rev: u32, field: &str) -> Vec<u8> {
    let j = env.run(["show", &format!("harbor@{rev}"), "--format", "json"]).json();
    let hex = j["revision"][field].as_str().unwrap().to_string();
    let mut k = vec![b'B'];
    k.extend((0..32).map(|i| u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap()));
    k
}

#[test]
fn a_changed_byte_in_a_raw_blob() {
    let env = harbor();
    let raw = blob_of(&env, 2, "raw");
    flip_last_byte(&db(&env), &raw);
    damaged(&env, "story \"harbor\" revision 2: blob");
}

#[test]
fn a_changed_byte_in_normalized_text() {
    // Revision 3's text differs from its raw bytes (blank lines collapse),
    // so it is a blob of its own.
    let env = harbor();
    let raw = blob_of(&env, 3, "raw");
    let text = blob_of(&env, 3, "text");
    assert_ne!(raw, text);
    flip_last_byte(&db(&env), &text);
    damaged(&env, "story \"harbor\" revision 3: blob");
}

#[test]
fn a_changed_byte_in_a_statement() {
    let env = harbor();
    let j = env.run(["show", "harbor@3", "--format", "json"]).json();
    let hash = j["statements"].as_array().unwrap().last().unwrap()["hash"].as_str().unwrap().to_string();
    let mut key = vec![b'T'];
    key.extend((0..32).map(|i| u8::from_str_radix(&hash[2 * i..2 * i + 2], 16).unwrap()));
    flip_last_byte(&db(&env), &key);
    damaged(&env, "story \"harbor\" revision 3: statement");
}

#[test]
fn a_changed_byte_in_a_speaker_record() {
    let env = harbor();
    let speakers = env.run(["speakers", "--format", "json"]).json();
    let id = speakers
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Laura Benson")
        .expect("Laura Benson is a speaker")["id"]
        .as_str()
        .unwrap()
        .to_string();
    let mut key = vec![b'P'];
    key.extend_from_slice(id.as_bytes());
    flip_last_byte(&db(&env), &key);
    damaged(&env, &format!("story \"harbor\" revision 1: the record of speaker {id:?} fails its checksum"));
}

#[test]
fn a_revision_removed_from_the_middle_of_the_chain() {
    let env = harbor();
    let d = db(&env);
    d.remove(revision_key("harbor", 2)).unwrap();
    d.flush().unwrap();
    drop(d);
    let out = damaged(&env, "story \"harbor\" revision 3: the chain is broken: revision 2 is missing");
    assert!(out.stdout.contains("revision 3: its parent is not the revision before it"), "{}", out.stdout);
}

#[test]
fn two_revisions_swapped() {
    let env = harbor();
    let d = db(&env);
    let (one, two) =
        (d.get(revision_key("harbor", 1)).unwrap().unwrap(), d.get(revision_key("harbor", 2)).unwrap().unwrap());
    d.insert(revision_key("harbor", 1), two).unwrap();
    d.insert(revision_key("harbor", 2), one).unwrap();
    d.flush().unwrap();
    drop(d);
    damaged(&env, "story \"harbor\" revision 1: is stored where revision 2 belongs (revisions swapped?)");
}

#[test]
fn an_index_entry_pointing_nowhere() {
    let env = harbor();
    // Copy a real by-statement run entry of revision 2 onto a statement
    // that does not exist: key = 'y', statement hash, story, NUL, first
    // revision, speaker.
    let d = db(&env);
    let (_, value) = d.scan_prefix([b'y']).next().unwrap().unwrap();
    let mut key = vec![b'y'];
    key.extend_from_slice(&[7u8; 32]);
    key.extend_from_slice(b"harbor\0");
    key.extend_from_slice(&2u32.to_be_bytes());
    d.insert(key, value).unwrap();
    d.flush().unwrap();
    drop(d);
    damaged(&env, "story \"harbor\" revision 2: the statement index entry for statement 070707070707 points nowhere");
}

#[test]
fn a_run_missing_from_the_index() {
    let env = harbor();
    let d = db(&env);
    let (key, _) = d.scan_prefix([b'y']).next().unwrap().unwrap();
    d.remove(key).unwrap();
    d.flush().unwrap();
    drop(d);
    damaged(&env, "is missing from the statement index");
}

#[test]
fn a_changed_byte_in_a_statement_list() {
    let env = harbor();
    let d = db(&env);
    let mut key = vec![b'O'];
    key.extend_from_slice(b"harbor\0");
    key.extend_from_slice(&2u32.to_be_bytes());
    drop(d);
    flip_last_byte(&db(&env), &key);
    damaged(&env, "story \"harbor\" revision 2: the statement list of revision 2 fails its checksum");
}

#[test]
fn a_changed_story_record() {
    let env = harbor();
    flip_last_byte(&db(&env), b"Sharbor");
    damaged(&env, "story \"harbor\": the story record fails its checksum");
}

#[test]
fn a_damaged_text_is_an_error_not_a_different_text() {
    let env = harbor();
    let text = blob_of(&env, 3, "text");
    flip_last_byte(&db(&env), &text);
    let out = env.run(["show", "harbor@3"]);
    assert_ne!(out.code, 0, "{}", out.stdout);
    let err = out.err().to_string();
    assert!(err.contains("is damaged: blob"), "{err}");
    assert!(err.contains("hint: run `claimtrail verify`"), "{err}");
}

/// Make the first index entry under `tag` that says "indirect" say
/// "direct" (a postcard string: its length, then its bytes). sled's own
/// checksum stays valid: this is what a hand edit of the database does.
fn reattribute_an_index_entry(env: &Env, tag: u8) {
    let d = db(env);
    let (key, value) = d
        .scan_prefix([tag])
        .map(|kv| kv.unwrap())
        .find(|(_, v)| v.windows(9).any(|w| w == b"\x08indirect"))
        .expect("an indirect statement's index entry");
    let at = value.windows(9).position(|w| w == b"\x08indirect").unwrap();
    let mut changed = value[..at].to_vec();
    changed.extend_from_slice(b"\x06direct");
    changed.extend_from_slice(&value[at + 9..]);
    d.insert(key, changed).unwrap();
    d.flush().unwrap();
}

#[test]
fn a_changed_speaker_index_value_is_reported() {
    // A run's attribution is what `who --kind` filters on: an edited one
    // (with a valid sled checksum) must not verify.
    let env = harbor();
    reattribute_an_index_entry(&env, b'x');
    damaged(&env, "does not match the statement lists");
}

#[test]
fn a_changed_statement_index_value_is_reported() {
    let env = harbor();
    reattribute_an_index_entry(&env, b'y');
    damaged(&env, "does not match the statement lists");
}
