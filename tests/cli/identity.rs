//! One person, many spellings, across stories: `who`, `speakers NAME` and
//! their JSON on a fixture of 33 invented reports of one invented event
//! (a solvent spill in Port Halvard) by invented outlets. The fixture's
//! `truth.json` says who said each statement.

use std::collections::BTreeMap;

use crate::util::{Env, Run};

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/identity")
}

/// person → (story, content) of every statement they made.
fn truth() -> BTreeMap<String, Vec<(String, String)>> {
    let text = std::fs::read_to_string(fixture().join("truth.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn store() -> Env {
    let env = Env::new();
    env.run(["import", "--quiet", fixture().to_str().unwrap()]).ok();
    env
}

fn found(r: &Run) -> Vec<(String, String)> {
    r.json()["statements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["story"].as_str().unwrap().to_string(), s["content"].as_str().unwrap().to_string()))
        .collect()
}

#[test]
fn who_finds_every_statement_of_each_person_across_outlets() {
    let env = store();
    let truth = truth();
    // As a user types them: a surname where only one person has it, the
    // full name where two share it, an organisation by any of its names.
    for (person, asked) in [
        ("Anna Kowalczyk", "Anna Kowalczyk"),
        ("Piotr Kowalczyk", "Piotr Kowalczyk"),
        ("Richard Okafor", "Okafor"),
        ("Samuel Whitcombe", "Whitcombe"),
        ("Ministry of Environment", "Environment Ministry"),
        ("Ministry of Environment", "MoE"),
    ] {
        let got = found(&env.run(["who", asked, "--limit", "0", "--format", "json"]));
        let has =
            |(story, content): &(String, String)| got.iter().any(|(s, c)| s == story && c.contains(content.as_str()));
        let missing: Vec<_> = truth[person].iter().filter(|st| !has(st)).collect();
        assert!(missing.is_empty(), "who {asked:?} misses {missing:?}");
        let foreign: Vec<_> =
            truth.iter().filter(|(p, _)| *p != person).flat_map(|(_, st)| st).filter(|st| has(st)).collect();
        assert!(foreign.is_empty(), "who {asked:?} lists statements of others: {foreign:?}");
        assert_eq!(got.len(), truth[person].len(), "who {asked:?}");
    }
}

#[test]
fn who_shows_each_report_s_own_spelling() {
    let env = store();
    let j = env.run(["who", "Whitcombe", "--format", "json"]).json();
    let named: std::collections::BTreeSet<&str> =
        j["statements"].as_array().unwrap().iter().map(|s| s["named"].as_str().unwrap()).collect();
    assert!(named.contains("James Whitcombe") && named.contains("Samuel J. Whitcombe"), "{named:?}");
    let text = env.run(["who", "Whitcombe"]).ok().to_string();
    assert!(text.contains("also written:") && text.contains("James Whitcombe"), "{text}");
}

#[test]
fn two_people_sharing_a_surname_are_told_apart() {
    let env = store();
    let err = env.run(["who", "Kowalczyk"]).err().to_string();
    assert!(err.contains("\"Kowalczyk\" names 2 different speakers"), "{err}");
    assert!(err.contains("Anna") && err.contains("Piotr"), "given names tell them apart: {err}");
    assert!(err.contains("Defence Minister") && err.contains("dockworkers"), "so do roles: {err}");
    assert!(err.contains("hint: give the given name"), "{err}");
    // search narrows by the same identity.
    let hits = env.run(["search", "union", "--speaker", "Piotr Kowalczyk", "--format", "json"]).json();
    assert!(!hits.as_array().unwrap().is_empty());
}

#[test]
fn speakers_name_lists_the_spellings_and_why_they_are_one() {
    let env = store();
    let j = env.run(["speakers", "Whitcombe", "--format", "json"]).json();
    let spellings = j["spellings"].as_array().unwrap();
    let why =
        |name: &str| spellings.iter().find(|s| s["name"] == name).map(|s| s["evidence"].as_str().unwrap().to_string());
    assert!(why("James Whitcombe").unwrap().contains("middle name"), "{j:#}");
    assert!(why("Samuel Whitcombe").unwrap().contains("given name \"samuel\" agrees"), "{j:#}");
    let j = env.run(["speakers", "MoE", "--format", "json"]).json();
    let names: Vec<&str> = j["spellings"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    for n in ["MoE", "Environment Ministry", "Ministry of Environment", "Ministry of Environment (MoE)"] {
        assert!(names.contains(&n), "{n} in {names:?}");
    }
    let text = env.run(["speakers", "Okafor"]).ok().to_string();
    assert!(text.starts_with("Richard Okafor (person):") && text.contains("WHY"), "{text}");
}

#[test]
fn speakers_lists_only_people_as_people() {
    let env = store();
    let j = env.run(["speakers", "--format", "json"]).json();
    let people: Vec<&str> =
        j.as_array().unwrap().iter().filter(|s| s["kind"] == "person").map(|s| s["name"].as_str().unwrap()).collect();
    assert!(!people.is_empty());
    for p in &people {
        assert!(
            ["Kowalczyk", "Okafor", "Whitcombe"].iter().any(|s| p.ends_with(s)),
            "{p:?} is listed as a person: {people:?}"
        );
    }
}
