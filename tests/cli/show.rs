//! `claimtrail show` and the ways of naming a revision.

use crate::util::{Env, example};

fn harbor(env: &Env) -> Vec<String> {
    for f in ["01-first.txt", "02-update.txt", "03-latest.txt"] {
        env.run(["record", "harbor", example(f).to_str().unwrap()]).ok();
    }
    let log = env.run(["log", "harbor", "--format", "json"]).json();
    // ids of revisions 1, 2, 3
    log.as_array().unwrap().iter().rev().map(|r| r["id"].as_str().unwrap().to_string()).collect()
}

#[test]
fn every_ref_form_names_the_right_revision() {
    let env = Env::new();
    let ids = harbor(&env);
    let rev_of =
        |target: &str| env.run(["show", target, "--format", "json"]).json()["revision"]["number"].as_u64().unwrap();
    assert_eq!(rev_of("harbor"), 3);
    assert_eq!(rev_of("harbor@latest"), 3);
    assert_eq!(rev_of("harbor@1"), 1);
    assert_eq!(rev_of("harbor@2"), 2);
    assert_eq!(rev_of(&format!("harbor@{}", &ids[1][..8])), 2);
    assert_eq!(rev_of(&format!("harbor@{}", ids[0].to_uppercase())), 1);
}

#[test]
fn show_prints_metadata_statements_and_text() {
    let env = Env::new();
    let ids = harbor(&env);
    let out = env.run(["show", "harbor@1"]);
    let text = out.ok();
    assert!(text.starts_with(&format!("harbor@1 {}", ids[0])), "{text}");
    assert!(text.contains("01-first.txt"));
    assert!(text.contains("statements"));
    assert!(text.contains("Fire Chief Laura Benson said at a briefing on the quay."));
    let j = env.run(["show", "harbor@1", "--format", "json"]).json();
    assert!(j["statements"].as_array().unwrap().len() >= 6);
    assert_eq!(j["revision"]["id"], ids[0].as_str());
}

#[test]
fn bad_refs_are_explained() {
    let env = Env::new();
    harbor(&env);
    let err = env.run(["show", "harbor@9"]).err().to_string();
    assert!(
        err.contains("story \"harbor\" has no revision 9 (it has 3)") && err.contains("hint: `claimtrail log harbor`"),
        "{err}"
    );
    let err = env.run(["show", "harbor@0"]).err().to_string();
    assert!(err.contains("has no revision 0"), "{err}");
    let err = env.run(["show", "harbor@abc"]).err().to_string();
    assert!(err.contains("invalid revision \"abc\"") && err.contains("at least 4 hex digits"), "{err}");
    let err = env.run(["show", "harbor@ffffffff"]).err().to_string();
    assert!(err.contains("no revision of story \"harbor\" has an id starting with \"ffffffff\""), "{err}");
    let err = env.run(["show", "nope@1"]).err().to_string();
    assert!(err.contains("no story \"nope\""), "{err}");
}

#[test]
fn an_ambiguous_prefix_lists_the_candidates() {
    use chrono::{TimeZone, Utc};
    use claimtrail_store::{NewRevision, Store};
    let env = Env::new();
    // Record revisions through the store API until two ids share their
    // first four hex digits. Texts and times are fixed, so the same pair is
    // found on every run.
    let mut seen = std::collections::HashMap::new();
    let mut pair = None;
    {
        let mut store = Store::open(&env.store()).unwrap();
        for i in 0..5000u32 {
            let text = format!("Revision text number {i}.");
            let rec = store
                .record_revision(NewRevision {
                    story: "many",
                    url: None,
                    title: None,
                    raw: text.as_bytes(),
                    text: &text,
                    captured_at: Utc.timestamp_opt(1_700_000_000 + i64::from(i), 0).unwrap(),
                    source: "-",
                    format: "text",
                    meta: Default::default(),
                    statements: vec![],
                    speakers: vec![],
                    analysis: "test",
                    arrivals: Default::default(),
                    fates: Default::default(),
                    page: None,
                })
                .unwrap();
            let claimtrail_store::Recorded::New { revision, .. } = rec else { panic!("new text") };
            let prefix = revision.id.to_hex()[..4].to_string();
            if let Some(other) = seen.insert(prefix.clone(), revision.number) {
                pair = Some((prefix, other, revision.number));
                break;
            }
        }
    }
    let (prefix, a, b) = pair.expect("a shared prefix among 5000 ids");
    let err = env.run(["show", &format!("many@{prefix}")]).err().to_string();
    assert!(err.contains(&format!("revision prefix \"{prefix}\" of story \"many\" is ambiguous")), "{err}");
    assert!(err.contains(&format!("@{a} (")) && err.contains(&format!("@{b} (")), "{err}");
    assert!(err.contains("hint: give more hex digits"), "{err}");
}
