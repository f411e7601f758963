//! Who said what: `who`, `speakers`, `alias`/`unalias`, `blame`,
//! `history` and `search` on the recorded Taji story (from ../shared) and
//! a story of our own that quotes the same person.

use crate::util::{Env, Run, shared};

fn fixture(name: &str) -> String {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/stories").join(name).display().to_string()
}

/// The Taji story's two revisions, and our Esper briefing.
fn store() -> Env {
    let env = Env::new();
    env.run(["record", "taji", shared("corpus/taji/rev1.txt").to_str().unwrap(), "--at", "2020-03-12T18:00Z"]).ok();
    env.run(["record", "taji", shared("corpus/taji/rev2.txt").to_str().unwrap(), "--at", "2020-03-13T09:00Z"]).ok();
    env.run(["record", "briefing", &fixture("esper-briefing.txt"), "--at", "2020-04-03T15:00Z"]).ok();
    env
}

fn statements(r: &Run) -> Vec<serde_json::Value> {
    r.json()["statements"].as_array().unwrap().clone()
}

#[test]
fn who_lists_a_speaker_across_revisions_and_stories() {
    let env = store();
    let all = statements(&env.run(["who", "Esper", "--format", "json"]));
    let taji: Vec<_> = all.iter().filter(|s| s["story"] == "taji").collect();
    assert_eq!(taji.len(), 5, "{all:#?}");
    assert_eq!(taji.iter().filter(|s| s["first_seen"] == 1 && s["last_seen"] == 2).count(), 4);
    assert_eq!(taji.iter().filter(|s| s["first_seen"] == 2).count(), 1);
    assert!(all.iter().any(|s| s["story"] == "briefing"), "who spans both stories");
    let text = env.run(["who", "Mark Esper"]).ok().to_string();
    assert!(text.starts_with("Mark Esper (person, U.S. Secretary of Defense): 7 statements in 2 stories"), "{text}");
}

#[test]
fn who_filters() {
    let env = store();
    let n = |args: &[&str]| {
        let mut a = vec!["who", "Esper", "--format", "json"];
        a.extend_from_slice(args);
        statements(&env.run(a)).len()
    };
    assert_eq!(n(&["--story", "taji"]), 5);
    assert_eq!(n(&["--story", "briefing"]), 2);
    assert_eq!(n(&["--kind", "indirect"]), 1);
    assert_eq!(n(&["--since", "2020-03-13"]), 7, "all five are in taji rev 2, and two in the briefing");
    assert_eq!(n(&["--until", "2020-03-12T23:59Z"]), 4);
    assert_eq!(n(&["--current"]), 7);
    // The Defense Department is the Pentagon: what it said under its own
    // name was reattributed, so none of the current statements is named so.
    let d = statements(&env.run(["who", "Defense Department", "--current", "--format", "json"]));
    assert!(!d.is_empty());
    assert!(d.iter().all(|s| s["named"] != "Defense Department"), "{d:#?}");
}

#[test]
fn a_reattributed_statement_says_to_whom() {
    let env = store();
    let d = statements(&env.run(["who", "Defense Department", "--format", "json"]));
    let d: Vec<_> = d.into_iter().filter(|s| s["named"] == "Defense Department").collect();
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["status"]["state"], "reattributed");
    assert_eq!(d[0]["status"]["to"], "Jonathan Hoffman");
    assert_eq!(d[0]["status"]["revision"], 2);
    assert!(env.run(["who", "Defense Department"]).ok().contains("reattributed to Jonathan Hoffman in rev 2"));
}

#[test]
fn a_renamed_person_is_one_speaker() {
    let env = store();
    let j = env.run(["who", "McKenzie", "--format", "json"]).json();
    assert_eq!(j["statements"].as_array().unwrap().len(), 2);
    assert!(j["statements"].as_array().unwrap().iter().all(|s| s["status"]["state"] == "current"));
    let aliases: Vec<String> = serde_json::from_value(j["speaker"]["aliases"].clone()).unwrap();
    assert!(aliases.iter().any(|a| a.contains("Kenneth F. McKenzie Jr.")), "{aliases:?}");
}

#[test]
fn speakers_show_kinds_roles_and_anonymity_reasons() {
    let env = store();
    let j = env.run(["speakers", "taji", "--format", "json"]).json();
    let official = j.as_array().unwrap().iter().find(|s| s["name"] == "U.S. official").expect("the anonymous official");
    assert_eq!(official["kind"], "anonymous");
    assert_eq!(official["anonymity_reason"], "operations were still going on");
    let esper = j.as_array().unwrap().iter().find(|s| s["name"] == "Mark Esper").unwrap();
    assert_eq!(esper["role"], "U.S. Secretary of Defense");
    assert_eq!(esper["statements"], 5, "the speakers of one story count that story's statements");
    let text = env.run(["speakers", "taji"]).ok().to_string();
    assert!(text.contains("anonymous because operations were still going on"), "{text}");
}

#[test]
fn aliases_change_query_results_and_back() {
    let env = store();
    // The Pentagon and the Defense Department are one body without asking.
    let together = statements(&env.run(["who", "Pentagon", "--format", "json"])).len();
    assert!(
        statements(&env.run(["who", "Pentagon", "--format", "json"]))
            .iter()
            .any(|s| s["named"] == "Defense Department")
    );
    let err = env.run(["alias", "Pentagon", "Defense Department"]).err().to_string();
    assert!(err.contains("are already one speaker"), "{err}");
    // unalias keeps a spelling apart: the user's word wins.
    let out = env.run(["unalias", "Defense Department"]);
    assert!(out.ok().contains("Defense Department is kept apart from its other spellings"), "{}", out.stdout);
    assert_eq!(statements(&env.run(["who", "Pentagon", "--format", "json"])).len(), together - 1);
    assert_eq!(statements(&env.run(["who", "Defense Department", "--format", "json"])).len(), 1);
    assert!(env.run(["alias", "--list"]).ok().contains("Defense Department kept apart"));
    // alias merges it back.
    let out = env.run(["alias", "Pentagon", "Defense Department"]);
    assert!(out.ok().contains("Defense Department is now counted as Pentagon"), "{}", out.stdout);
    assert_eq!(statements(&env.run(["who", "Defense Department", "--format", "json"])).len(), together);
    assert!(env.run(["alias", "--list"]).ok().contains("Defense Department → Pentagon"));
    env.run(["unalias", "Defense Department"]).ok();
    assert!(env.run(["alias", "--list"]).ok().contains("no aliases"));
    assert_eq!(statements(&env.run(["who", "Pentagon", "--format", "json"])).len(), together);
    let err = env.run(["unalias", "Jonathan Hoffman"]).err().to_string();
    assert!(err.contains("is not merged into another speaker"), "{err}");
}

#[test]
fn ambiguous_and_unknown_speakers_are_explained() {
    let env = store();
    let err = env.run(["who", "Nobody Atall"]).err().to_string();
    assert!(
        err.contains("no speaker matches \"Nobody Atall\"") && err.contains("hint: `claimtrail speakers`"),
        "{err}"
    );
}

#[test]
fn blame_marks_what_revision_2_introduced() {
    let env = store();
    let j = env.run(["blame", "taji", "--format", "json"]).json();
    let rows = j.as_array().unwrap();
    let intro = |needle: &str| {
        rows.iter()
            .find(|r| r["content"].as_str().unwrap().contains(needle))
            .map(|r| (r["introduced"].clone(), r["changed"].clone(), r["how"].clone()))
    };
    assert_eq!(intro("shoot at our bases").unwrap().0, 2);
    assert_eq!(intro("Karbala Province").unwrap().0, 2);
    assert_eq!(intro("All options are on the table").unwrap().0, 1);
    let trump = intro("fully determined").unwrap();
    assert_eq!((trump.0, trump.1, trump.2.as_str().unwrap()), (1.into(), 2.into(), "quote_changed"));
    let rev1 = env.run(["blame", "taji@1", "--format", "json"]).json();
    assert!(rev1.as_array().unwrap().iter().all(|r| r["introduced"] == 1));
}

#[test]
fn search_finds_a_quote_and_narrows_by_speaker() {
    let env = store();
    let hits = env.run(["search", "all", "options", "--format", "json"]).json();
    assert_eq!(hits.as_array().unwrap().len(), 1);
    assert_eq!(hits[0]["speaker_name"], "Mark Esper");
    assert!(hits[0]["content"].as_str().unwrap().contains("All options are on the table"));
    let none = env.run(["search", "strikes", "--speaker", "Esper", "--format", "json"]).json();
    assert!(none.as_array().unwrap().is_empty());
    let some = env.run(["search", "strikes", "--format", "json"]).json();
    assert!(!some.as_array().unwrap().is_empty());
    let err = env.run(["search", "the"]).err().to_string();
    assert!(err.contains("not too common"), "{err}");
}

#[test]
fn history_follows_a_claim_by_words_or_hash() {
    let env = store();
    let j = env.run(["history", "fully", "determined", "--format", "json"]).json();
    let first = &j[0];
    assert_eq!(first["trail"][0]["story"], "taji");
    assert_eq!(first["trail"][0]["status"]["state"], "reworded");
    let hash = first["hash"].as_str().unwrap()[..8].to_string();
    let by_hash = env.run(["history", &hash, "--format", "json"]).json();
    assert_eq!(by_hash[0]["hash"], first["hash"]);
    let text = env.run(["history", &hash]).ok().to_string();
    assert!(text.contains("quote changed in rev 2"), "{text}");
}

#[test]
fn completions_and_man_page_are_generated() {
    let env = Env::new();
    assert!(env.run(["completions", "bash"]).ok().contains("_claimtrail()"));
    assert!(env.run(["completions", "zsh"]).ok().contains("#compdef claimtrail"));
    assert!(env.run(["completions", "fish"]).ok().contains("complete -c claimtrail"));
    assert!(env.run(["man"]).ok().contains(".TH claimtrail 1"));
}

#[test]
fn a_claim_that_comes_back_keeps_its_first_revision() {
    // The harbor story, then its update, then the first text again: the
    // sentence the update dropped is restored, not new.
    let env = Env::new();
    for (i, f) in ["01-first.txt", "02-update.txt", "01-first.txt"].iter().enumerate() {
        let at = format!("2026-01-01T1{i}:00:00Z");
        env.run(["record", "harbor", crate::util::example(f).to_str().unwrap(), "--at", &at]).ok();
    }
    let j = env.run(["blame", "harbor", "--format", "json"]).json();
    let row = j
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["content"].as_str().unwrap().contains("No injuries"))
        .expect("the restored sentence")
        .clone();
    assert_eq!((row["introduced"].clone(), row["changed"].clone()), (1.into(), 3.into()));
    assert_eq!(row["how"], "restored");
    let text = env.run(["blame", "harbor"]).ok().to_string();
    assert!(text.contains("rev 3 (restored)"), "{text}");
    let h = env.run(["history", "No", "injuries", "--format", "json"]).json();
    assert_eq!(h[0]["trail"][0]["revisions"], serde_json::json!([1, 3]));
    assert_eq!(h[0]["trail"][0]["status"]["state"], "current");
    env.run(["verify"]).ok();
}

#[test]
fn who_says_how_many_statements_are_distinct_when_stories_share_one() {
    let env = Env::new();
    let a = env.file(
        "a.txt",
        "\"We will not leave anyone behind,\" Gov. Lena Ortiz said.\n\nOrtiz said 200 troops were coming.\n",
    );
    let b = env.file(
        "b.txt",
        "\"We will not leave anyone behind,\" Gov. Lena Ortiz said.\n\nOrtiz said shelters were open.\n",
    );
    env.run(["record", "flood-a", a.to_str().unwrap()]).ok();
    env.run(["record", "flood-b", b.to_str().unwrap()]).ok();
    let text = env.run(["who", "Lena Ortiz"]).ok().to_string();
    assert!(text.starts_with("Lena Ortiz (person, Gov.): 4 statements (3 distinct) in 2 stories"), "{text}");
    // The count `speakers` gives for her is the distinct one.
    let people = env.run(["speakers", "--format", "json"]).json();
    let total: u64 = people.as_array().unwrap().iter().map(|s| s["statements"].as_u64().unwrap()).sum();
    assert_eq!(total, 3, "{people:#}");
}

/// One claim carried by three stories reads in the order it was seen, not
/// by the stories' names.
#[test]
fn history_reads_in_the_order_the_claim_was_seen() {
    let env = Env::new();
    let text = "Pier closes\n\nThe pier will close for repairs on Monday, the harbor office said.\n";
    for (story, at) in
        [("c-late", "2026-03-01T09:00:00Z"), ("a-later", "2026-02-01T09:00:00Z"), ("b-first", "2026-01-01T09:00:00Z")]
    {
        let f = env.file(&format!("{story}.txt"), text);
        env.run(["record", story, f.to_str().unwrap(), "--at", at]).ok();
    }
    let j = env.run(["history", "pier", "repairs", "--format", "json"]).json();
    let stories: Vec<&str> = j[0]["trail"].as_array().unwrap().iter().map(|t| t["story"].as_str().unwrap()).collect();
    assert_eq!(stories, ["b-first", "a-later", "c-late"]);
}
