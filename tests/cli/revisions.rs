//! `claimtrail diff` on the revision-pair fixtures (tests/fixtures/revisions):
//! invented stories updated the way wire copy is, each with the list of
//! changes a reader would name. Every expected change must be found with
//! its kind and speaker, and nothing else may be reported: a statement
//! unchanged in substance (a dateline added, a list re-punctuated, page
//! furniture around the article) is no change.

use std::path::PathBuf;

use serde_json::Value;

use crate::util::Env;

fn fixture(pair: &str, rev: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/revisions").join(pair).join(format!("{rev}.txt"))
}

/// One change a reader would name: its kind, its speaker as the diff shows
/// it ("(unattributed)", a name, or "A → B" for a reattribution), and a
/// phrase of its content (the new side's, or the old side's when removed).
struct Expect {
    kind: &'static str,
    speaker: &'static str,
    phrase: &'static str,
}

const fn ex(kind: &'static str, speaker: &'static str, phrase: &'static str) -> Expect {
    Expect { kind, speaker, phrase }
}

fn speaker_of(statement: &Value) -> String {
    statement["speaker"]["name"].as_str().unwrap_or("(unattributed)").to_string()
}

/// The changes of a diff (unchanged ones left out) as (kind, speaker,
/// content) the way [`Expect`] names them.
fn found(diff: &Value) -> Vec<(String, String, String)> {
    diff["changes"]
        .as_array()
        .expect("changes")
        .iter()
        .map(|c| {
            let kind = c["change"].as_str().unwrap().to_string();
            let (from, to) = (&c["from"], &c["to"]);
            let speaker = match kind.as_str() {
                "reattributed" => format!("{} → {}", speaker_of(from), speaker_of(to)),
                "removed" => speaker_of(from),
                // A reframed claim keeps its source, whichever side named it.
                "reframed" if to["speaker"].is_null() => speaker_of(from),
                _ => speaker_of(to),
            };
            let side = if to.is_null() { from } else { to };
            (kind, speaker, side["content"].as_str().unwrap().to_string())
        })
        .collect()
}

/// Diff `a` against `b` of a pair and check the changes are exactly these.
#[track_caller]
fn check(pair: &str, a: &str, b: &str, expected: &[Expect]) {
    let env = Env::new();
    let (from, to) = (fixture(pair, a), fixture(pair, b));
    let run = env.run(["diff", "--format", "json", from.to_str().unwrap(), to.to_str().unwrap()]);
    assert_eq!(run.code, if expected.is_empty() { 0 } else { 1 }, "{pair}: exit code\n{}", run.stdout);
    let mut changes = found(&run.json());
    for e in expected {
        let hit = changes.iter().position(|(k, s, c)| k == e.kind && s == e.speaker && c.contains(e.phrase));
        match hit {
            Some(i) => {
                changes.remove(i);
            }
            None => panic!(
                "{pair}: expected {} by {} ({:?}) not found; the diff reported:\n{:#?}",
                e.kind,
                e.speaker,
                e.phrase,
                found(&run.json())
            ),
        }
    }
    assert!(changes.is_empty(), "{pair}: changes nobody made were reported:\n{changes:#?}");
}

#[test]
fn a_wire_update_adds_a_quote_and_trims_a_sentence() {
    check(
        "ferry-strike",
        "a",
        "b",
        &[
            ex("added", "Nadia Karim", "Nobody wants to leave a nurse"),
            ex("reworded", "Bayline", "hoped to resume full service by Wednesday"),
        ],
    );
}

#[test]
fn an_anonymous_official_named_later_is_a_reattribution() {
    check(
        "source-named",
        "a",
        "b",
        &[
            ex("reattributed", "U.S. official → Carl Vance", "two more air defence batteries"),
            ex("reattributed", "U.S. official → Carl Vance", "expected to arrive within a month"),
        ],
    );
}

#[test]
fn a_lead_rewritten_from_scratch_is_one_rewording() {
    check(
        "lead-rewritten",
        "a",
        "b",
        &[
            ex("reworded", "(unattributed)", "Three warehouses were destroyed"),
            // Two different sentences stay a removal and an addition.
            ex("removed", "(unattributed)", "The cause of the fire is not yet known"),
            ex("added", "Peter Lindqvist", "passed a council safety inspection"),
        ],
    );
}

#[test]
fn a_dateline_added_to_the_lead_changes_no_claim() {
    check("dateline", "a", "b", &[]);
    check("dateline", "b", "a", &[]);
}

#[test]
fn a_moved_paragraph_is_a_move_and_a_dropped_dateline_nothing() {
    // "The company blamed X" is the company's stance: its object is the claim.
    check("bank-moved", "a", "b", &[ex("moved", "company", "falling demand for bottles")]);
}

#[test]
fn a_frame_reworded_around_the_same_claim_is_reframed_not_reattributed() {
    check(
        "frame-reworded",
        "a",
        "b",
        &[ex("reframed", "State Department website", "Nine Americans are being held in Veloria")],
    );
}

#[test]
fn a_list_re_punctuated_is_no_quote_change() {
    check("ballot-list", "a", "b", &[]);
    check("ballot-list", "b", "a", &[]);
}

#[test]
fn page_furniture_is_not_a_claim() {
    check("boilerplate", "a", "b", &[]);
    check("boilerplate", "b", "a", &[]);
}

#[test]
fn a_word_changed_inside_a_quote_and_a_neutral_cue_swap() {
    check("quote-edited", "a", "b", &[ex("quote_changed", "Amara Osei", "it was never sustainable")]);
}

#[test]
fn a_sentence_split_in_two_keeps_its_speaker_and_a_paraphrase_rewritten_pairs() {
    check(
        "bridge-split",
        "a",
        "b",
        &[
            ex("reworded", "County officials", "would reopen to cars next week"),
            ex("reworded", "Sofia Brandt", "came from the national flood fund"),
        ],
    );
}

#[test]
fn a_claim_quietly_removed_then_restored() {
    check(
        "storm-restored",
        "a",
        "b",
        &[
            ex("removed", "police", "Two people were injured by falling trees"),
            ex("added", "grid operator", "crews would work through the weekend"),
        ],
    );
    // Through the store, the claim that comes back is restored, not new.
    let env = Env::new();
    for rev in ["a", "b", "c"] {
        env.run(["record", "storm", fixture("storm-restored", rev).to_str().unwrap()]).ok();
    }
    let run = env.run(["diff", "storm", "2", "3", "--format", "json"]);
    assert_eq!(run.code, 1);
    let changes = found(&run.json());
    assert_eq!(
        changes,
        vec![(
            "restored".to_string(),
            "police".to_string(),
            "Two people were injured by falling trees in Saltvik".to_string()
        )],
        "{}",
        run.stdout
    );
}

#[test]
fn a_wire_update_through_the_day_names_every_change_once() {
    // The update adds a wire dateline with a region and an agency above a
    // longer headline, revises figures, names the anonymous official,
    // reframes the weather service, and adds the governor; the closing
    // "developing story" line goes.
    check(
        "flood-update",
        "a",
        "b",
        &[
            ex("reworded", "(unattributed)", "dam under watch"),
            ex("reworded", "officials", "More than 1,200 residents were evacuated"),
            ex("quote_changed", "Tomas Greaves", "not tomorrow"),
            ex("reattributed", "state official → Lena Ostrova", "monitored around the clock"),
            ex("reworded", "National Weather Service", "More rain is expected"),
            ex("reworded", "Tomas Greaves", "three schools"),
            ex("reworded", "Tomas Greaves", "About 900 people had registered"),
            ex("added", "(unattributed)", "The governor arrived"),
            ex("added", "Ruth Adler", "every resource the county needs"),
        ],
    );
}
