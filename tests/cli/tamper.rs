//! `verify` finds every kind of damage and names the story and revision.
//! Each test damages a real store through sled directly, as a disk fault or
//! a hand edit would.

use crate::util::{Env, Run, example, postcard_str, sealed, speaker_record};

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

/// The stamp a statement index entry keeps after its run's value: the
/// first revision's capture time (postcard: seconds as a zigzag varint,
/// nanoseconds as a varint) and its primary-source kind (an option).
fn stamp(at: &str, primary: Option<&str>) -> Vec<u8> {
    fn varint(mut n: u64, out: &mut Vec<u8>) {
        while n >= 0x80 {
            out.push((n as u8) | 0x80);
            n >>= 7;
        }
        out.push(n as u8);
    }
    let at: chrono::DateTime<chrono::Utc> = at.parse().unwrap();
    let secs = at.timestamp();
    let mut out = Vec::new();
    varint(((secs << 1) ^ (secs >> 63)) as u64, &mut out);
    varint(u64::from(at.timestamp_subsec_nanos()), &mut out);
    match primary {
        Some(p) => {
            out.push(1);
            varint(p.len() as u64, &mut out);
            out.extend_from_slice(p.as_bytes());
        }
        None => out.push(0),
    }
    out
}

#[test]
fn a_changed_capture_time_in_the_statement_index_is_reported() {
    // `variants` orders copies by the capture time their index entry
    // keeps: one that disagrees with the revision record must not verify.
    let env = harbor();
    let d = db(&env);
    let (key, value) = d.scan_prefix([b'y']).map(|kv| kv.unwrap()).next().unwrap();
    // Key: 'y', statement hash, story, NUL, first revision, speaker.
    let at = 33 + b"harbor\0".len();
    let revision = u32::from_be_bytes(key[at..at + 4].try_into().unwrap());
    let mut value = value.to_vec();
    let at = format!("2026-01-0{revision}T10:00:00Z");
    let kept = stamp(&at, None);
    assert!(value.ends_with(&kept), "revision {revision}'s entry ends with its stamp");
    // One nanosecond later: a stamp that reads, and is wrong.
    let cut = value.len() - kept.len();
    value.truncate(cut);
    value.extend(stamp(&format!("2026-01-0{revision}T10:00:00.000000001Z"), None));
    d.insert(key, value).unwrap();
    d.flush().unwrap();
    drop(d);
    damaged(&env, "gives another capture time or primary source than revision");
}

#[test]
fn entries_without_capture_times_answer_as_before_and_verify() {
    // A store written before the statement index kept capture times has
    // none: `variants` reads each revision record instead, and answers the
    // same; nothing is wrong with the store.
    let env = Env::new();
    let reports = [
        ("quay-gazette", "2026-05-02T09:00:00Z", "Gen. Tomas Varga", None),
        ("pier-courier", "2026-05-02T10:00:00.250Z", "Gen. Tomas Varga", None),
        ("dock-weekly", "2026-05-02T11:00:00Z", "Harbour Minister Petra Hale", None),
        ("ministry-statement", "2026-05-02T15:00:00Z", "Harbour Minister Petra Hale", Some("statement")),
    ];
    let mut stamps = Vec::new();
    for (story, at, speaker, primary) in reports {
        let text = format!(
            "Kessby repairs promised\n\n\"Every pier in Kessby will be rebuilt before the first frost,\" {speaker} said on Friday.\n"
        );
        let file = env.file(&format!("{story}.txt"), text);
        let mut args = vec!["record", story, file.to_str().unwrap(), "--at", at];
        args.extend(primary.iter().flat_map(|p| ["--primary", *p]));
        env.run(args).ok();
        stamps.push(stamp(at, primary));
    }
    let queries: [&[&str]; 3] = [
        &["variants", "rebuilt before the first frost", "--format", "json"],
        &["variants", "rebuilt before the first frost"],
        &["variants", "Petra Hale", "--members", "0"],
    ];
    let before: Vec<String> = queries.iter().map(|q| env.run(*q).ok().to_string()).collect();
    assert!(before[0].contains("\"primary\": \"statement\""), "{}", before[0]);
    let d = db(&env);
    let mut stripped = 0;
    for kv in d.scan_prefix([b'y']) {
        let (key, value) = kv.unwrap();
        let kept = stamps.iter().find(|s| value.ends_with(s)).expect("every entry ends with its revision's stamp");
        d.insert(key, &value[..value.len() - kept.len()]).unwrap();
        stripped += 1;
    }
    assert!(stripped >= 4);
    d.flush().unwrap();
    drop(d);
    let after: Vec<String> = queries.iter().map(|q| env.run(*q).ok().to_string()).collect();
    assert_eq!(before, after);
    env.run(["verify"]).ok();
    // Deriving everything again stamps them.
    env.run(["reanalyze", "--force"]).ok();
    let d = db(&env);
    for kv in d.scan_prefix([b'y']) {
        let (_, value) = kv.unwrap();
        assert!(stamps.iter().any(|s| value.ends_with(s)), "stamped again");
    }
    drop(d);
    let again: Vec<String> = queries.iter().map(|q| env.run(*q).ok().to_string()).collect();
    assert_eq!(before, again);
}

// ---- media damage: flipped bits in the store's files -----------------

/// Copy a store directory (sled's files, the journal, the format file).
fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}

/// Flip bit `bit` of the file at `path`.
fn flip_bit(path: &std::path::Path, bit: u64) {
    let mut bytes = std::fs::read(path).unwrap();
    bytes[(bit / 8) as usize] ^= 1 << (bit % 8);
    std::fs::write(path, bytes).unwrap();
}

/// A seeded generator: the same flips on every run.
struct Lcg(u64);
impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// No command ends in a panic.
#[track_caller]
fn no_panic(what: &str, out: &Run) {
    assert_ne!(out.code, 101, "{what}: a panic\n{}\n{}", out.stdout, out.stderr);
    assert!(!out.stderr.contains("panicked"), "{what}: a panic\n{}", out.stderr);
}

/// The revision ids an export holds, by story and number.
fn revision_ids(export: &str) -> std::collections::BTreeMap<(String, u64), String> {
    export
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v["kind"] == "revision")
        .map(|v| ((v["story"].as_str().unwrap().to_string(), v["number"].as_u64().unwrap()), v["id"].to_string()))
        .collect()
}

/// The CI form of `scripts/bitflip.sh`: one flipped bit at a time, spread
/// over every file of a small store (sled's data file, config and
/// snapshot, the journal, the format file), through the real binary. No
/// flip may end in a panic; `verify` passes only when everything
/// acknowledged still reads back; `salvage` recovers every revision (one
/// flipped bit leaves either the database or the journal intact for each).
#[test]
fn flipped_bits_in_every_store_file_never_panic_lose_silently_or_cost_what_they_did_not_damage() {
    let env = harbor();
    let text = "The ferry will run again on Monday, the harbor master said.\n";
    env.run_stdin(["record", "ferry", "-", "--at", "2026-01-04T10:00:00Z"], text).ok();
    let store = env.store();
    let acknowledged = revision_ids(env.run(["export"]).ok());
    assert_eq!(acknowledged.len(), 4);
    let mut files: Vec<std::path::PathBuf> =
        ["db/db", "db/conf", "journal", "format"].iter().map(|f| store.join(f)).collect();
    files.extend(
        std::fs::read_dir(store.join("db"))
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("snap.")),
    );
    assert_eq!(files.len(), 5, "{files:?}");
    let pristine = env.dir.path().join("pristine");
    copy_dir(&store, &pristine);
    let mut rng = Lcg(12);
    let mut verify_found_damage = 0;
    for trial in 0..15 {
        let file = &files[trial % files.len()];
        let name = file.strip_prefix(&store).unwrap().display().to_string();
        std::fs::remove_dir_all(&store).unwrap();
        copy_dir(&pristine, &store);
        let bit = rng.below(std::fs::metadata(file).unwrap().len() * 8);
        flip_bit(file, bit);
        let what = format!("trial {trial}: bit {bit} of {name}");
        let verify = env.run(["--wait", "0", "verify"]);
        no_panic(&what, &verify);
        assert!(verify.code == 0 || verify.code == 1, "{what}: verify exits 0 or 1 on damage\n{verify:?}");
        let export = env.run(["--wait", "0", "export"]);
        no_panic(&what, &export);
        if verify.code == 0 {
            assert_eq!(
                revision_ids(&export.stdout),
                acknowledged,
                "{what}: verify passed on a store that lost revisions"
            );
        } else {
            verify_found_damage += 1;
            assert!(verify.stdout.contains("damaged: "), "{what}: damage not named\n{}", verify.stdout);
        }
        let to = env.dir.path().join(format!("salvaged-{trial}"));
        let salvage = env.run(["--wait", "0", "salvage", "--to", to.to_str().unwrap()]);
        no_panic(&what, &salvage);
        let salvaged = revision_ids(env.run(["--store", to.to_str().unwrap(), "export"]).ok());
        assert_eq!(salvaged, acknowledged, "{what}: salvage did not recover every revision\n{}", salvage.stdout);
        std::fs::remove_dir_all(&to).unwrap();
    }
    assert!(verify_found_damage >= 5, "only {verify_found_damage} of 15 flips were found");
}

/// Issue 12 item 3: sled panics on some damage (the hostile test saw
/// "tried to serialize Uninitialized"), and every command, `verify`
/// included, exited 101. Every call into sled is now inside a panic
/// boundary; here sled really panics, on real damage: the data file is an
/// older copy of itself (a file restored alone from a backup, or writes
/// the disk lost) under a snapshot that points past its end. A command
/// that writes has sled build its segment accountant when it opens the
/// store, which indexes out of bounds there. A command that reads does not
/// build it, and finds the damage when it reads. Whichever it is must be
/// reported as damage, never a crash, and the journal still gives the
/// story back.
///
/// Whether it panics depends on where sled's last write landed, which
/// depends on timing: sled reuses a segment only once no thread can still
/// read it. If the log's tip is in a segment the older file has (a reused
/// one), the accountant indexes past the file's end and panics; if it is
/// past the file's end, sled reports corrupted data instead (damage too,
/// but no panic). Unloaded nearly every round panics; on a loaded machine
/// about one in three did. Rounds that miss start again from a fresh
/// store: an earlier version put the newer file back and churned the same
/// store again, which lands in the free segments the first churn left, so
/// once its first round missed every later one could (a CI run missed all
/// 32). Even from fresh stores a quiet CI run once missed all 16: the
/// test then checks the rest on the last store, whose damage sled reported
/// without a panic, rather than fail on timing it cannot control.
#[test]
fn sled_panicking_on_a_data_file_older_than_its_snapshot_is_reported_as_damage_not_a_crash() {
    let mut missed = Vec::new();
    let mut caught = None;
    let mut last = None;
    for round in 0..16u32 {
        let env = harbor();
        let data = env.store().join("db/db");
        let older = std::fs::read(&data).unwrap();
        {
            // Keys written and removed again straight through sled: the
            // content is unchanged, but sled's log grows into new segments.
            let db = env.sled();
            let key = |i: u32| [&b"~churn-"[..], &i.to_be_bytes()].concat();
            for i in 0..4000 {
                db.insert(key(i), vec![b'x'; 300]).unwrap();
            }
            for i in 0..4000 {
                db.remove(key(i)).unwrap();
            }
            db.flush().unwrap();
        }
        // The next open writes a snapshot covering the new segments.
        env.run(["verify"]).ok();
        std::fs::write(&data, &older).unwrap();
        let out = env.run(["--wait", "0", "verify"]);
        no_panic("verify", &out);
        assert_eq!(out.code, 1, "{out:?}");
        assert!(out.stdout.contains("damaged: the database cannot be read: store"), "{}", out.stdout);
        assert!(out.stdout.contains("story \"harbor\": 3 acknowledged revisions cannot be checked"), "{}", out.stdout);
        let record = env.run(["--wait", "0", "record", "harbor", example("03-latest.txt").to_str().unwrap()]);
        no_panic("record", &record);
        assert_eq!(record.code, 2, "{record:?}");
        assert!(record.err().contains("is damaged: sled "), "{}", record.stderr);
        if record.err().contains("is damaged: sled failed reading it (") {
            caught = Some(env);
            break;
        }
        missed.push(format!("round {round}: {}", record.err()));
        last = Some(env);
    }
    // Every round reported damage, panic or not; a CI run once saw 16
    // rounds where sled only reported corrupted data (no panic to catch),
    // so the rest is checked on the last store then, and says so.
    let env = caught.unwrap_or_else(|| {
        eprintln!("sled reported corrupted data in every round, never panicked:\n{}", missed.join("\n"));
        last.expect("16 rounds ran")
    });
    // Every other command says the store is damaged (exit 2), no panic.
    let log = env.run(["--wait", "0", "log", "harbor"]);
    no_panic("log", &log);
    assert!(log.err().contains("is damaged: sled "), "{}", log.stderr);
    let to = env.dir.path().join("rescued");
    let out = env.run(["--wait", "0", "salvage", "--to", to.to_str().unwrap()]);
    no_panic("salvage", &out);
    assert_eq!(out.code, 0, "{}\n{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("salvaged 1 stories, 3 revisions"), "{}", out.stdout);
}

/// The id of the speaker named `name`.
fn speaker_id(env: &Env, name: &str) -> String {
    let speakers = env.run(["speakers", "--format", "json"]).json();
    let found = speakers.as_array().unwrap().iter().find(|s| s["name"] == name).cloned();
    found.unwrap_or_else(|| panic!("{name} is a speaker"))["id"].as_str().unwrap().to_string()
}

#[test]
fn a_forged_speaker_record_with_a_valid_seal_is_named_and_reanalyze_force_repairs_it() {
    let env = harbor();
    let id = speaker_id(&env, "Laura Benson");
    let db = db(&env);
    let mut key = vec![b'P'];
    key.extend_from_slice(id.as_bytes());
    db.insert(&key, speaker_record(&id, "Maria Lopez", "Superintendent!!", &[])).unwrap();
    db.flush().unwrap();
    drop(db);
    assert!(env.run(["speakers"]).ok().contains("Maria Lopez"), "the forgery is what queries show");
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!(
            "the record of speaker {id:?} does not match what the revisions recorded: its name \"Maria Lopez\" is not one any revision gave it"
        )),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("its role \"Superintendent!!\" is not one any revision gave it"), "{}", out.stdout);
    // Reanalysing writes the records again from the revisions instead of
    // merging into the forgery.
    env.run(["reanalyze", "--force"]).ok();
    env.run(["verify"]).ok();
    let speakers = env.run(["speakers"]).ok().to_string();
    assert!(speakers.contains("Laura Benson") && !speakers.contains("Maria Lopez"), "{speakers}");
}

#[test]
fn a_name_index_entry_moved_to_another_speaker_is_named() {
    let env = harbor();
    let benson = speaker_id(&env, "Laura Benson");
    let ortiz = speaker_id(&env, "Daniel Ortiz");
    let db = db(&env);
    let entry = |id: &str| {
        let mut k = b"Nn:laura benson\0".to_vec();
        k.extend_from_slice(id.as_bytes());
        k
    };
    assert!(db.remove(entry(&benson)).unwrap().is_some(), "the name key of Laura Benson");
    db.insert(entry(&ortiz), Vec::<u8>::new()).unwrap();
    db.flush().unwrap();
    drop(db);
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(
        out.stdout.contains(&format!("the name index leads \"n:laura benson\" to speaker {ortiz:?}")),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("the name index lacks \"n:laura benson\" for speaker {benson:?}")),
        "{}",
        out.stdout
    );
    env.run(["reanalyze", "--force"]).ok();
    env.run(["verify"]).ok();
    assert!(env.run(["who", "Laura Benson"]).ok().contains("Laura Benson"));
}

#[test]
fn a_search_posting_removed_is_named_by_its_term() {
    let env = harbor();
    assert!(env.run(["search", "fire"]).ok().contains("fire"));
    let db = db(&env);
    let gone: Vec<_> = db.scan_prefix(b"zfire\0").keys().map(Result::unwrap).collect();
    assert!(!gone.is_empty(), "postings of \"fire\"");
    for k in gone {
        db.remove(k).unwrap();
    }
    db.flush().unwrap();
    drop(db);
    damaged(&env, "the search index lacks \"fire\" for statement");
    env.run(["reanalyze", "--force"]).ok();
    env.run(["verify"]).ok();
    assert!(env.run(["search", "fire"]).ok().contains("fire"));
}

#[test]
fn an_alias_cycle_written_into_the_store_is_named() {
    let env = harbor();
    env.run(["alias", "Laura Benson", "Daniel Ortiz"]).ok();
    env.run(["verify"]).ok();
    let benson = speaker_id(&env, "Laura Benson");
    let ortiz = speaker_id(&env, "Daniel Ortiz");
    let db = db(&env);
    let mut key = vec![b'A'];
    // `alias A B` counts B as A: the store holds B → A; the cycle adds A → B.
    key.extend_from_slice(benson.as_bytes());
    db.insert(key, sealed(b'A', &postcard_str(&ortiz))).unwrap();
    db.flush().unwrap();
    drop(db);
    damaged(&env, "the aliases form a cycle");
}

#[test]
fn a_deleted_or_truncated_journal_is_reported() {
    let env = harbor();
    let journal = env.store().join("journal");
    let whole = std::fs::read(&journal).unwrap();
    std::fs::remove_file(&journal).unwrap();
    damaged(&env, "the journal is missing: the database holds 3 revisions it does not record");
    std::fs::write(&journal, &whole[..whole.len() / 2]).unwrap();
    damaged(&env, "in the database but not in the journal");
    std::fs::write(&journal, &whole).unwrap();
    env.run(["verify"]).ok();
}

#[test]
fn a_lost_database_beside_its_journal_points_to_salvage_and_is_not_started_afresh() {
    let env = harbor();
    std::fs::remove_dir_all(env.store().join("db")).unwrap();
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("the database of store"), "{}", out.stdout);
    assert!(out.stdout.contains("salvage"), "{}", out.stdout);
    for args in [
        vec!["stories"],
        vec!["who", "Laura Benson"],
        vec!["record", "harbor", example("01-first.txt").to_str().unwrap()],
        vec!["reanalyze"],
    ] {
        let out = env.run(&args);
        assert_ne!(out.code, 0, "{args:?}: {}", out.stdout);
        assert!(
            out.stderr.contains("the database of store") && out.stderr.contains("salvage"),
            "{args:?}: {}",
            out.stderr
        );
    }
    assert!(!env.store().join("db").exists(), "no new database was started");
    let to = env.store().with_file_name("salvaged");
    env.run(["salvage", "--to", to.to_str().unwrap()]).ok();
}
