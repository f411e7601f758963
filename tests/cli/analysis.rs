//! What was derived from each revision is part of the record: it never
//! changes when another story is recorded, it is chained and covered by
//! `verify`'s root, an edited export does not import, and `reanalyze`
//! derives it again from the evidence.

use crate::util::{Env, example};

fn harbor() -> Env {
    let env = Env::new();
    for (f, at) in [("01-first.txt", "2026-01-06T21:30Z"), ("02-update.txt", "2026-01-06T23:10Z")] {
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", at]).ok();
    }
    env
}

fn root(env: &Env) -> String {
    let j = env.run(["verify", "--format", "json"]).json();
    j["root"].as_str().expect("a root").to_string()
}

#[test]
fn recording_an_unrelated_story_rewrote_an_older_story_s_speakers() {
    let env = harbor();
    let views = |env: &Env| {
        [
            env.run(["show", "harbor", "--format", "json"]).ok().to_string(),
            env.run(["speakers", "harbor", "--format", "json"]).ok().to_string(),
            env.run(["export", "--story", "harbor"]).ok().to_string(),
        ]
    };
    let before = views(&env);
    let arson = env.file(
        "arson.txt",
        "Court report.\n\n\"I never set that fire,\" said Laura Benson, a convicted arsonist, outside the court.\n\n\
         Benson added that she would appeal.\n",
    );
    env.run(["record", "court", arson.to_str().unwrap(), "--at", "2026-02-01T10:00Z"]).ok();
    assert_eq!(views(&env), before, "recording another story changed what harbor recorded");
    // The other story keeps its own facts too.
    let court = env.run(["speakers", "court", "--format", "json"]).json();
    let benson = court.as_array().unwrap().iter().find(|s| s["name"] == "Laura Benson").unwrap().clone();
    assert!(benson["role"].as_str().unwrap_or_default().contains("arsonist"), "{benson:#}");
    assert_eq!(env.run(["verify"]).code, 0);
}

#[test]
fn an_export_with_a_statement_moved_to_another_speaker_imported_cleanly() {
    let env = harbor();
    let export = env.run(["export", "--story", "harbor"]).ok().to_string();
    let mut lines: Vec<serde_json::Value> = export.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // Move revision 1's first attributed statement to another of its speakers.
    let rev = &mut lines[1];
    let speakers: Vec<String> =
        rev["speakers"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap().to_string()).collect();
    let st = rev["statements"].as_array_mut().unwrap().iter_mut().find(|s| s["speaker"].is_string()).unwrap();
    let other = speakers.iter().find(|id| **id != st["speaker"]).unwrap().clone();
    st["speaker"] = other.into();
    let edited: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let f = env.file("moved.jsonl", edited);
    let copy = env.dir.path().join("copy");
    let err = env.run(["--store", copy.to_str().unwrap(), "import", f.to_str().unwrap()]).err().to_string();
    assert!(
        err.contains("revision 1 of story \"harbor\"") && err.contains("statements are not what its text says"),
        "{err}"
    );
    assert!(
        !copy.join("db").exists()
            || env.run(["--store", copy.to_str().unwrap(), "stories"]).ok().contains("no stories")
    );
}

#[test]
fn an_export_with_a_fabricated_quote_imported_cleanly() {
    let env = harbor();
    let export = env.run(["export", "--story", "harbor"]).ok().to_string();
    let mut lines: Vec<serde_json::Value> = export.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let statements = lines[2]["statements"].as_array_mut().unwrap();
    let mut fake = statements.iter().find(|s| s["speaker"].is_string()).unwrap().clone();
    fake["content"] = "We started the fire ourselves".into();
    fake["statement"] = "ab".repeat(32).into();
    fake["index"] = statements.len().into();
    statements.push(fake);
    let edited: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let f = env.file("fabricated.jsonl", edited);
    let copy = env.dir.path().join("copy");
    let err = env.run(["--store", copy.to_str().unwrap(), "import", f.to_str().unwrap()]).err().to_string();
    assert!(err.contains("revision 2 of story \"harbor\""), "{err}");
    let unedited = env.file("unedited.jsonl", export);
    env.run(["--store", copy.to_str().unwrap(), "import", unedited.to_str().unwrap()]).ok();
    assert_eq!(
        env.run(["--store", copy.to_str().unwrap(), "export", "--story", "harbor"]).ok(),
        env.run(["export", "--story", "harbor"]).ok()
    );
}

#[test]
fn verify_prints_a_root_and_checks_a_published_one() {
    let env = harbor();
    let published = root(&env);
    assert_eq!(published.len(), 64);
    assert!(env.run(["verify"]).ok().contains(&format!("root: {published}")));
    env.run(["verify", "--root", &published]).ok();
    // The same history in another store has the same root.
    let copy = env.dir.path().join("copy");
    let export = env.file("all.jsonl", env.run(["export"]).ok());
    env.run(["--store", copy.to_str().unwrap(), "import", export.to_str().unwrap()]).ok();
    env.run(["--store", copy.to_str().unwrap(), "verify", "--root", &published]).ok();
    // An alias changes what queries show: the root changes.
    env.run(["alias", "Laura Benson", "Daniel Ortiz"]).ok();
    let out = env.run(["verify", "--root", &published]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains(&format!("not the published {published}")), "{}", out.stdout);
    // So does a new revision.
    env.run(["unalias", "Daniel Ortiz"]).ok();
    assert_eq!(root(&env), published);
    env.run(["record", "harbor", example("03-latest.txt").to_str().unwrap(), "--at", "2026-01-07T08:00Z"]).ok();
    assert_eq!(env.run(["verify", "--root", &published]).code, 1);
    let err = env.run(["verify", "--root", "xyz"]).err().to_string();
    assert!(err.contains("xyz"), "{err}");
}

#[test]
fn a_changed_analysis_record_is_found_by_verify() {
    let env = harbor();
    // Byte 9 onwards of an analysis record is its payload: change one.
    {
        let db = env.sled();
        let mut key = vec![b'D'];
        key.extend_from_slice(b"harbor\0");
        key.extend_from_slice(&1u32.to_be_bytes());
        let mut v = db.get(&key).unwrap().expect("an analysis record").to_vec();
        let last = v.len() - 1;
        v[last] ^= 1;
        db.insert(key, v).unwrap();
        db.flush().unwrap();
    }
    let out = env.run(["verify"]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("story \"harbor\" revision 1: its analysis record fails its checksum"),
        "{}",
        out.stdout
    );
}

/// A store recorded with other rules: revisions written through the
/// store's API with an analysis that found nothing (version "old").
pub(crate) fn old_store(env: &Env) {
    use chrono::{TimeZone, Utc};
    use claimtrail_store::{NewRevision, Store};
    let mut store = Store::open(&env.store()).unwrap();
    for (n, f) in ["01-first.txt", "02-update.txt"].iter().enumerate() {
        let text = std::fs::read_to_string(example(f)).unwrap();
        let text = claimtrail::ingest::read_document(text.as_bytes(), Some("x.txt")).unwrap().text();
        store
            .record_revision(NewRevision {
                story: "harbor",
                url: None,
                title: None,
                raw: text.as_bytes(),
                text: &text,
                captured_at: Utc.timestamp_opt(1_767_700_000 + n as i64 * 3600, 0).unwrap(),
                source: f,
                format: "text",
                meta: Default::default(),
                statements: vec![],
                speakers: vec![],
                analysis: "claimtrail-analysis 0.0.0+old",
                arrivals: Default::default(),
                fates: Default::default(),
                page: None,
            })
            .unwrap();
    }
}

/// The size of the store's journal (a PostgreSQL store keeps none: 0).
fn journal_bytes(env: &Env) -> u64 {
    if env.pg_schema().is_some() {
        return 0;
    }
    let path = env.store().join("journal");
    std::fs::metadata(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).len()
}

#[test]
fn reanalyze_gives_a_store_recorded_with_old_rules_the_new_speakers() {
    let env = Env::new();
    old_store(&env);
    let ids = env.run(["log", "harbor", "--format", "json"]).ok().to_string();
    let before = root(&env);
    assert!(env.run(["who", "Benson"]).err().contains("no speaker matches"));
    let out = env.run(["reanalyze", "--format", "json"]).json();
    assert_eq!(out["revisions"], 2);
    assert_eq!(out["changed"], 2);
    assert_eq!(out["rewritten"], 2);
    // The evidence and the chain are untouched; the analysis is new.
    assert_eq!(env.run(["log", "harbor", "--format", "json"]).ok(), ids);
    assert_ne!(root(&env), before);
    let who = env.run(["who", "Laura Benson", "--format", "json"]).json();
    assert!(!who["statements"].as_array().unwrap().is_empty());
    let export = env.run(["export", "--story", "harbor"]).ok().to_string();
    let line: serde_json::Value = serde_json::from_str(export.lines().nth(1).unwrap()).unwrap();
    assert_eq!(line["analysis"], out["version"]);
    assert_eq!(env.run(["verify"]).code, 0);
    // Reanalysing again changes nothing, and writes nothing: the journal
    // does not grow by a copy of every revision's analysis.
    let journal = || journal_bytes(&env);
    let (root_before, journal_before) = (root(&env), journal());
    let again = env.run(["reanalyze", "harbor", "--format", "json"]).json();
    assert_eq!(again["changed"], 0);
    assert_eq!(again["rewritten"], 0);
    assert_eq!(root(&env), root_before);
    assert_eq!(journal(), journal_before);
    let err = env.run(["reanalyze", "nosuch"]).err().to_string();
    assert!(err.contains("nosuch"), "{err}");
}

#[test]
fn a_killed_reanalyze_leaves_a_store_that_verifies() {
    let env = Env::new();
    let archive = env.dir.path().join("archive");
    for s in 0..60 {
        let dir = archive.join(format!("town-{s}"));
        std::fs::create_dir_all(&dir).unwrap();
        for r in 0..3 {
            let text = format!(
                "Council news.\n\n\"The bridge will reopen in week {r},\" Mayor Ines Varga{s} said.\n\n\
                 Varga{s} added that the budget for item {r} was approved.\n\nThe council said it met on day {s}.\n"
            );
            std::fs::write(dir.join(format!("{:02}-2026-01-{:02}T{:02}00Z.txt", r + 1, s % 28 + 1, r)), text).unwrap();
        }
    }
    env.run(["import", "--quiet", archive.to_str().unwrap()]).ok();
    let reference = env.run(["export"]).ok().to_string();
    // This version made every analysis, so only --force rewrites them.
    let start = std::time::Instant::now();
    assert_eq!(env.run(["reanalyze", "--force", "--format", "json"]).json()["rewritten"], 180);
    let full = start.elapsed();
    for i in 0..4u32 {
        let mut child = env.std_cmd().args(["reanalyze", "--force"]).spawn().unwrap();
        std::thread::sleep(full * i / 4);
        let _ = child.kill();
        let _ = child.wait();
        let out = env.run(["verify"]);
        assert_eq!(out.code, 0, "after a kill at {:?}: {}", full * i / 4, out.stdout);
    }
    // Whatever was interrupted, the analysis is what it was.
    assert_eq!(env.run(["export"]).ok(), reference);
}

/// A story whose first revision's analysis is not what the current rules
/// derive (one statement short) and whose second is: only the first comes
/// out different. The second's statement list is stored as a delta of the
/// first's old list, so it must be written again against the new one,
/// though it is itself unchanged.
#[test]
fn reanalyze_rewrites_an_unchanged_list_whose_parent_list_changed() {
    use chrono::{TimeZone, Utc};
    use claimtrail::record::Prepared;
    use claimtrail_store::Store;
    let env = Env::new();
    {
        let mut store = Store::open(&env.store()).unwrap();
        let mut known = std::collections::BTreeMap::new();
        for (n, f) in ["01-first.txt", "02-update.txt"].iter().enumerate() {
            let raw = std::fs::read(example(f)).unwrap();
            let doc = claimtrail::ingest::read_document(&raw, Some(f)).unwrap();
            let mut prepared = Prepared::new(raw, f.to_string(), doc);
            let at = Utc.timestamp_opt(1_767_700_000 + n as i64 * 3600, 0).unwrap();
            let mut new = prepared.to_revision("harbor", &mut known, &[], at, None, None).unwrap();
            if n == 0 {
                let dropped = new.statements.pop().map(|s| s.occurrence.statement);
                assert!(dropped.is_some(), "the first revision has statements");
            }
            store.record_revision(new).unwrap();
        }
    }
    let out = env.run(["reanalyze", "--format", "json"]).json();
    assert_eq!(out["revisions"], 2);
    assert_eq!(out["changed"], 1, "{out}");
    assert_eq!(out["rewritten"], 2);
    let verify = env.run(["verify"]);
    assert_eq!(verify.code, 0, "{}", verify.stdout);
    // Both lists read back as the current rules derive them.
    let again = env.run(["reanalyze", "--format", "json"]).json();
    assert_eq!(again["changed"], 0, "{again}");
    assert_eq!(again["rewritten"], 0);
    // Forced, it derives the same analysis: nothing new for the journal.
    let journal = journal_bytes(&env);
    let forced = env.run(["reanalyze", "--force", "--format", "json"]).json();
    assert_eq!(forced["changed"], 0, "{forced}");
    assert_eq!(forced["rewritten"], 2);
    assert_eq!(journal_bytes(&env), journal);
    assert_eq!(env.run(["verify"]).code, 0);
}
