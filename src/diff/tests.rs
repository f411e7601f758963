//! Unit tests of the claim diff on synthetic statements (our own
//! sentences), and the scored check against the hand-made taji gold files.

use std::collections::HashSet;

use super::*;
use crate::extract::normalize::content_hash;
use crate::extract::{SpeakerKind, SpeakerRef};

fn speaker(name: &str, kind: SpeakerKind, role: Option<&str>) -> SpeakerRef {
    SpeakerRef {
        id: name
            .to_lowercase()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-"),
        name: name.to_string(),
        mention: name.to_string(),
        kind,
        anonymous: kind == SpeakerKind::Anonymous,
        role: role.map(str::to_string),
    }
}

fn person(name: &str) -> Option<SpeakerRef> {
    Some(speaker(name, SpeakerKind::Person, None))
}

fn stmt(content: &str, sp: Option<SpeakerRef>, attribution: Attribution) -> Statement {
    Statement {
        index: 0,
        paragraph: 0,
        content: content.to_string(),
        text: content.to_string(),
        attribution,
        cue: sp.as_ref().map(|_| "said".to_string()),
        speaker: sp,
        co_speakers: Vec::new(),
        hash: content_hash(content),
        span: (0, 0),
    }
}

fn said(content: &str, name: &str) -> Statement {
    stmt(content, person(name), Attribution::Indirect)
}

fn own(content: &str) -> Statement {
    stmt(content, None, Attribution::Unattributed)
}

/// Number statements the way extraction does.
fn rev(mut s: Vec<Statement>) -> Vec<Statement> {
    for (i, st) in s.iter_mut().enumerate() {
        st.index = i;
    }
    s
}

fn base() -> Vec<Statement> {
    rev(vec![
        own("The river flooded the lower town overnight."),
        said("about two hundred homes were evacuated before dawn", "Marta Quinlan"),
        said("the levee had held for forty years", "Marta Quinlan"),
        own("Rain is forecast to continue until Friday."),
        said("volunteers filled sandbags along the school road", "Oskar Feld"),
        own("Schools in the district will stay closed on Monday."),
    ])
}

fn kinds(d: &ClaimDiff) -> Vec<ChangeKind> {
    d.changes.iter().filter(|c| c.change != ChangeKind::Unchanged).map(|c| c.change).collect()
}

#[test]
fn identical_revisions_are_the_same() {
    let d = diff_statements(&base(), &base());
    assert!(d.is_same());
    assert_eq!(d.summary.unchanged, 6);
    assert_eq!(kinds(&d), vec![]);
}

#[test]
fn whitespace_only_change_is_no_change() {
    let mut b = base();
    b[0] = own("The river  flooded the lower\ntown overnight. ");
    let d = diff_statements(&base(), &b);
    assert!(d.is_same(), "{:?}", kinds(&d));
}

#[test]
fn added_and_removed() {
    let mut b = base();
    b.remove(3);
    b.insert(1, said("the bridge on Mill Street is closed", "Oskar Feld"));
    let d = diff_statements(&base(), &rev(b));
    assert_eq!(d.summary.added, 1);
    assert_eq!(d.summary.removed, 1);
    assert_eq!(d.summary.unchanged, 5);
    assert_eq!(d.summary.moved, 0);
    // Output follows the new order; the removed claim sits where it was.
    assert_eq!(kinds(&d), vec![ChangeKind::Added, ChangeKind::Removed]);
    assert!(d.changes.iter().all(|c| c.change != ChangeKind::Added || c.from.is_none()));
}

#[test]
fn edit_outside_quotes_is_reworded() {
    let a = rev(vec![said("the council called the plan \"a careful first step\" for the harbour", "Ilse Varga")]);
    let b = rev(vec![said("the council called the plan \"a careful first step\" for the whole coast", "Ilse Varga")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded]);
    let c = &d.changes[0];
    assert!(c.words.iter().any(|w| w.op == Op::Delete && w.text == "harbour"));
    assert!(c.words.iter().any(|w| w.op == Op::Insert && w.text == "whole coast"));
}

#[test]
fn edit_inside_quotes_is_quote_changed() {
    let a = rev(vec![said("the council called the plan \"a careful first step\" for the harbour", "Ilse Varga")]);
    let b = rev(vec![said("the council called the plan \"a reckless first step\" for the harbour", "Ilse Varga")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::QuoteChanged]);
}

#[test]
fn direct_quote_without_marks_is_a_quote() {
    let a = rev(vec![stmt("We will reopen the ferry by the summer", person("Ilse Varga"), Attribution::Direct)]);
    let b = rev(vec![stmt("We will reopen the ferry by the autumn", person("Ilse Varga"), Attribution::Direct)]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::QuoteChanged]);
}

#[test]
fn anonymous_to_named_is_reattributed() {
    let content = "the ministry will pay for the repairs";
    let a = rev(vec![stmt(
        content,
        Some(speaker("a ministry official", SpeakerKind::Anonymous, None)),
        Attribution::Indirect,
    )]);
    let b = rev(vec![stmt(
        "the ministry will pay for all of the repairs",
        Some(speaker("Nadia Okafor", SpeakerKind::Person, Some("ministry spokeswoman"))),
        Attribution::Indirect,
    )]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed]);
    // Same words, new speaker: still a reattribution.
    let mut b2 = b.clone();
    b2[0].content = content.to_string();
    b2[0].hash = content_hash(content);
    assert_eq!(kinds(&diff_statements(&a, &b2)), vec![ChangeKind::Reattributed]);
}

#[test]
fn changed_mention_is_not_a_reattribution() {
    let a = base();
    let mut b = base();
    b[2].speaker.as_mut().unwrap().mention = "she".to_string();
    b[2].cue = Some("added".to_string());
    let d = diff_statements(&a, &b);
    assert!(d.is_same(), "{:?}", kinds(&d));
    // The neutral cue change is still recorded on the unchanged entry.
    assert!(d.changes[2].cue_changed.is_some());
}

#[test]
fn name_variants_of_one_person_are_not_reattributed() {
    let role = Some("commander of the coast guard");
    let a = rev(vec![stmt(
        "the search would go on through the night",
        Some(speaker("Tomas Rehnquist", SpeakerKind::Person, role)),
        Attribution::Indirect,
    )]);
    let b = rev(vec![stmt(
        "the search would go on through the night",
        Some(speaker("Adm. Peter T. Rehnquist Jr.", SpeakerKind::Person, role)),
        Attribution::Indirect,
    )]);
    assert!(diff_statements(&a, &b).is_same());
}

#[test]
fn whole_paragraph_moved_is_one_move() {
    let a = rev(vec![
        own("First paragraph opens the story."),
        said("the dam inspection found three cracks", "Marta Quinlan"),
        said("repairs would take a month", "Marta Quinlan"),
        own("A later paragraph gives background on the dam."),
        own("It was built in the nineteen sixties."),
        own("It supplies water to four towns."),
    ]);
    // The two-sentence Quinlan paragraph moves to the end; the three it
    // jumped over stay where they were, relative to each other.
    let b = rev(vec![a[0].clone(), a[3].clone(), a[4].clone(), a[5].clone(), a[1].clone(), a[2].clone()]);
    let d = diff_statements(&a, &b);
    assert_eq!(d.summary.moved, 1, "{:?}", kinds(&d));
    assert_eq!(d.summary.unchanged, 4);
    let m = d.changes.iter().find(|c| c.change == ChangeKind::Moved).unwrap();
    assert_eq!(m.shape, Some(Shape::Block));
    assert_eq!(m.from.as_ref().unwrap().content, a[1].content);
    assert_eq!(m.also_from.len(), 1);
    assert_eq!(m.also_to.len(), 1);
    assert!(!d.is_same());
}

#[test]
fn moved_and_edited_is_reworded_and_flagged() {
    let a = rev(vec![
        own("One."),
        own("Two things happened at the market today."),
        own("Three more stalls opened this morning."),
        own("Four vendors left early in the afternoon."),
    ]);
    let b = rev(vec![own("Four vendors left early in the evening."), a[0].clone(), a[1].clone(), a[2].clone()]);
    let d = diff_statements(&a, &b);
    let c = &d.changes[0];
    assert_eq!(c.change, ChangeKind::Reworded);
    assert!(c.moved);
    assert_eq!(d.summary.moved, 0);
}

#[test]
fn sentence_split_in_two_reads_as_reworded() {
    let a = rev(vec![
        own("The opening sentence stays as it was."),
        said(
            "the tunnel will close for six weeks in spring and the buses will run every ten minutes instead",
            "Oskar Feld",
        ),
        own("The closing sentence stays too."),
    ]);
    let b = rev(vec![
        a[0].clone(),
        said("the tunnel will close for six weeks in spring", "Oskar Feld"),
        said("the buses will run every ten minutes instead", "Oskar Feld"),
        a[2].clone(),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "{:#?}", d.changes);
    let c = d.changes.iter().find(|c| c.change == ChangeKind::Reworded).unwrap();
    assert_eq!(c.shape, Some(Shape::Split));
    assert_eq!(c.also_to.len(), 1);
    assert_eq!(d.summary.added + d.summary.removed, 0);
}

#[test]
fn two_sentences_merged_read_as_reworded() {
    let a = rev(vec![
        own("The opening sentence stays as it was."),
        said("the tunnel will close for six weeks in spring", "Oskar Feld"),
        said("the buses will run every ten minutes instead", "Oskar Feld"),
        own("The closing sentence stays too."),
    ]);
    let b = rev(vec![
        a[0].clone(),
        said(
            "the tunnel will close for six weeks in spring, and the buses will run every ten minutes instead",
            "Oskar Feld",
        ),
        a[3].clone(),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "{:#?}", d.changes);
    let c = d.changes.iter().find(|c| c.change == ChangeKind::Reworded).unwrap();
    assert_eq!(c.shape, Some(Shape::Merge));
    assert_eq!(c.also_from.len(), 1);
}

#[test]
fn unrelated_rewrite_is_removed_and_added() {
    let a = rev(vec![said("the harbour will be dredged next year", "Ilse Varga")]);
    let b = rev(vec![said("ticket prices for the ferry are going up", "Ilse Varga")]);
    let d = diff_statements(&a, &b);
    assert_eq!(d.summary.added, 1);
    assert_eq!(d.summary.removed, 1);
}

#[test]
fn revert_mirrors_and_restores() {
    let a = base();
    let mut b = base();
    b.remove(2);
    b[2] = own("Rain is forecast to continue until Sunday.");
    let b = rev(b);
    let forward = diff_statements(&a, &b);
    let back = diff_statements(&b, &a);
    assert_eq!(forward.summary.removed, back.summary.added);
    assert_eq!(forward.summary.reworded, back.summary.reworded);
    // Reverting to the first revision gives the original statements back.
    assert!(diff_statements(&a, &diff_to_vec(&a)).is_same());
    // With the store's memory of earlier hashes, the re-added claim is a
    // restoration, not news.
    let seen: HashSet<String> = a.iter().map(|s| s.hash.clone()).collect();
    let mut back = back;
    back.mark_restored(&seen);
    assert_eq!(back.summary.added, 0);
    assert_eq!(back.summary.restored, 1);
    assert!(back.changes.iter().any(|c| c.change == ChangeKind::Restored && c.from.is_none()));
}

fn diff_to_vec(s: &[Statement]) -> Vec<Statement> {
    s.to_vec()
}

#[test]
fn attribution_and_cue_changes_are_marked() {
    let a = rev(vec![stmt("the plan is dead", person("Ilse Varga"), Attribution::Indirect)]);
    let mut b = rev(vec![stmt("\"the plan is dead\"", person("Ilse Varga"), Attribution::Direct)]);
    let d = diff_statements(&a, &b);
    // The same words, now a quotation: the frame changed, not the claim.
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed]);
    let c = &d.changes[0];
    assert_eq!(c.attribution_changed, Some(FromTo { from: Attribution::Indirect, to: Attribution::Direct }));
    // said → claimed is an editorial change even with the same words.
    b[0] = a[0].clone();
    b[0].cue = Some("claimed".to_string());
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed]);
    assert_eq!(
        d.changes[0].cue_changed,
        Some(FromTo { from: Some("said".to_string()), to: Some("claimed".to_string()) })
    );
}

#[test]
fn duplicates_pair_in_order() {
    let a = rev(vec![own("No."), said("x is y", "Ana Ruiz"), own("No.")]);
    let b = rev(vec![own("No."), said("x is y", "Ana Ruiz")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed]);
    let removed = d.changes.iter().find(|c| c.change == ChangeKind::Removed).unwrap();
    assert_eq!(removed.from.as_ref().unwrap().index, 2);
}

#[test]
fn same_words_from_two_speakers_keep_their_speakers() {
    let a = rev(vec![said("we disagree", "Ana Ruiz"), said("we disagree", "Oskar Feld")]);
    let b = rev(vec![said("we disagree", "Oskar Feld")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed]);
}

#[test]
fn json_contract_shape() {
    let mut b = base();
    b[1] = said("about three hundred homes were evacuated before dawn", "Marta Quinlan");
    let d = diff_statements(&base(), &b);
    let from = Endpoint::File { file: "a.txt".into(), statements: 6 };
    let to = Endpoint::File { file: "b.txt".into(), statements: 6 };
    let v = serde_json::to_value(DiffReport::new(&from, &to, &d, false)).unwrap();
    // Key order is part of the contract people read: from, to, summary, changes.
    let text = serde_json::to_string(&DiffReport::new(&from, &to, &d, false)).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
    assert!(at("from") < at("to") && at("to") < at("summary") && at("summary") < at("changes"));
    assert!(text.starts_with("{\"from\":{\"file\""));
    assert_eq!(v["from"], serde_json::json!({"file": "a.txt", "statements": 6}));
    assert_eq!(
        v["summary"],
        serde_json::json!({"added": 0, "removed": 0, "reworded": 1, "quote_changed": 0,
            "reattributed": 0, "reframed": 0, "moved": 0, "unchanged": 5})
    );
    let c = &v["changes"][0];
    assert_eq!(c["change"], "reworded");
    assert_eq!(c["from"]["content"], "about two hundred homes were evacuated before dawn");
    assert_eq!(c["similarity"], 0.88);
    assert_eq!(c["words"][1], serde_json::json!({"op": "delete", "text": "two"}));
    assert!(c.get("attribution_changed").is_none());
    let all = serde_json::to_value(DiffReport::new(&from, &to, &d, true)).unwrap();
    assert_eq!(all["changes"].as_array().unwrap().len(), 6);
    let rev = Endpoint::Revision { story: "flood".into(), revision: 2, id: "ab12".into(), statements: 6 };
    assert_eq!(
        serde_json::to_value(&rev).unwrap(),
        serde_json::json!({"story": "flood", "revision": 2, "id": "ab12", "statements": 6})
    );
}

// --- the taji gold files -------------------------------------------------

fn corpus_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/taji")
}

fn read_gold(name: &str) -> serde_json::Value {
    let path = corpus_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        // Never skip silently: a missing corpus must fail loudly, in CI and
        // locally alike.
        let ci = std::env::var("CI").is_ok_and(|v| v == "true");
        panic!(
            "cannot read gold file {} ({e}){}: the taji gold corpus is expected in ../shared/corpus/taji next to the workspace",
            path.display(),
            if ci { " in CI" } else { "" }
        )
    });
    serde_json::from_str(&text).expect("gold file is JSON")
}

/// Gold statements as the engine's input: content, speaker (kind and role
/// from the gold `speakers` list) and attribution.
fn gold_statements(doc: &serde_json::Value) -> Vec<Statement> {
    let speakers = doc["speakers"].as_array().expect("speakers list");
    let mut out = Vec::new();
    for (i, s) in doc["statements"].as_array().expect("statements list").iter().enumerate() {
        let content = s["content"].as_str().expect("content").to_string();
        let sp = s["speaker"].as_str().map(|name| {
            let entry = speakers.iter().find(|e| e["name"] == name);
            let kind = match entry.and_then(|e| e["kind"].as_str()) {
                Some("organization") => SpeakerKind::Organization,
                Some("anonymous") => SpeakerKind::Anonymous,
                _ => SpeakerKind::Person,
            };
            // The gold's later revision may know the speaker under another
            // name (an alias, as its mention reads): use it, so the engine
            // sees what extraction would resolve there.
            let name = entry
                .and_then(|e| e["aliases"].as_array())
                .and_then(|a| a.last())
                .and_then(|a| a.as_str())
                .unwrap_or(name)
                .to_string();
            let role = entry.and_then(|e| e["role"].as_str());
            speaker(&name, kind, role)
        });
        let attribution =
            Attribution::parse(s["attribution"].as_str().unwrap_or("unattributed")).expect("known attribution");
        out.push(Statement {
            index: i,
            paragraph: i,
            text: content.clone(),
            hash: content_hash(&content),
            content,
            attribution,
            cue: None,
            speaker: sp,
            co_speakers: Vec::new(),
            span: (0, 0),
        });
    }
    out
}

#[test]
fn taji_gold_statements_diff_scores_perfectly() {
    let rev1 = gold_statements(&read_gold("gold-rev1.json"));
    let rev2 = gold_statements(&read_gold("gold-rev2.json"));
    // The McKenzie trap must be exercised: rev2 names him differently.
    assert!(rev2.iter().any(|s| { s.speaker.as_ref().is_some_and(|sp| sp.name.contains("Kenneth")) }));
    let d = diff_statements(&rev1, &rev2);
    let from = Endpoint::File { file: "rev1.txt".into(), statements: rev1.len() };
    let to = Endpoint::File { file: "rev2.txt".into(), statements: rev2.len() };
    let report = DiffReport::new(&from, &to, &d, false);
    let dir = tempfile::tempdir().expect("temp dir");
    let pred = dir.path().join("pred.json");
    std::fs::write(&pred, serde_json::to_string_pretty(&report).unwrap()).unwrap();
    let scorer = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/score.py");
    let out = std::process::Command::new("python3")
        .arg(&scorer)
        .arg("diff")
        .arg(corpus_dir().join("gold-diff-rev1-rev2.json"))
        .arg(&pred)
        .arg("--verbose")
        .output()
        .unwrap_or_else(|e| panic!("cannot run python3 {}: {e}", scorer.display()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "scorer failed: {stdout}{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout.lines().last(), Some("diff F1 1.000"), "scorer output:\n{stdout}");
    // The traps: nothing moved, McKenzie not reattributed.
    assert_eq!(d.summary.moved, 0);
    assert_eq!(d.summary.reattributed, 1);
}

// --- properties ------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// A small vocabulary, so that random statements often share words.
    const WORDS: &str = "the council said bridge will open \"never\" in May harbour ferry \
        budget rose , and not Tuesday it was closed";
    const SPEAKERS: &[Option<(&str, SpeakerKind)>] = &[
        None,
        Some(("Ana Ruiz", SpeakerKind::Person)),
        Some(("A. Ruiz", SpeakerKind::Person)),
        Some(("Oskar Feld", SpeakerKind::Person)),
        Some(("city officials", SpeakerKind::Anonymous)),
        Some(("Transport Ministry", SpeakerKind::Organization)),
    ];

    fn statement_strategy() -> impl Strategy<Value = Statement> {
        (prop::collection::vec(0..20usize, 1..12), 0..SPEAKERS.len(), 0..Attribution::ALL.len()).prop_map(
            |(words, sp, at)| {
                let vocab: Vec<&str> = WORDS.split_whitespace().collect();
                let content: Vec<&str> = words.iter().map(|&w| vocab[w % vocab.len()]).collect();
                let sp = SPEAKERS[sp].map(|(name, kind)| speaker(name, kind, None));
                stmt(&content.join(" "), sp, Attribution::ALL[at])
            },
        )
    }

    fn revision_strategy() -> impl Strategy<Value = Vec<Statement>> {
        prop::collection::vec(statement_strategy(), 0..14).prop_map(rev)
    }

    /// Every statement of both sides appears in exactly one change.
    fn covers(d: &ClaimDiff, from: &[Statement], to: &[Statement]) -> Result<(), TestCaseError> {
        let mut seen_from = vec![0usize; from.len()];
        let mut seen_to = vec![0usize; to.len()];
        for c in &d.changes {
            for s in c.from.iter().chain(&c.also_from) {
                seen_from[s.index] += 1;
            }
            for s in c.to.iter().chain(&c.also_to) {
                seen_to[s.index] += 1;
            }
        }
        prop_assert!(seen_from.iter().all(|&n| n == 1), "from coverage {seen_from:?}");
        prop_assert!(seen_to.iter().all(|&n| n == 1), "to coverage {seen_to:?}");
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_two_revisions_diff_into_a_partition(a in revision_strategy(), b in revision_strategy()) {
            let d = diff_statements(&a, &b);
            covers(&d, &a, &b)?;
            prop_assert_eq!(&d.summary, &Summary::count(&d.changes));
            for c in &d.changes {
                if let Some(s) = c.similarity {
                    prop_assert!((0.0..=1.0).contains(&s));
                }
                match c.change {
                    ChangeKind::Added => prop_assert!(c.from.is_none() && c.to.is_some()),
                    ChangeKind::Removed => prop_assert!(c.to.is_none() && c.from.is_some()),
                    _ => prop_assert!(c.from.is_some() && c.to.is_some()),
                }
            }
        }

        #[test]
        fn a_revision_against_itself_is_the_same(a in revision_strategy()) {
            let d = diff_statements(&a, &a);
            prop_assert!(d.is_same());
            prop_assert_eq!(d.summary.unchanged, a.len());
        }
    }
}

#[test]
fn a_split_whose_piece_lost_its_speaker_is_no_reattribution() {
    let a = rev(vec![said(
        "the bridge will reopen to cars next week and to lorries once the pier is repaired",
        "Sofia Brandt",
    )]);
    let b = rev(vec![
        said("the bridge will reopen to cars next week", "Sofia Brandt"),
        own("It will reopen to lorries once the pier is repaired."),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "{:#?}", d.changes);
}

#[test]
fn a_reattribution_always_names_two_different_speakers() {
    let a = rev(vec![said("the harbour will stay shut until Monday", "Walter Brandt")]);
    let b = rev(vec![said("the harbour will stay shut until Monday", "Ilse Varga")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed]);
    for c in d.changes.iter().filter(|c| c.change == ChangeKind::Reattributed) {
        let (from, to) = (c.from.as_ref().unwrap(), c.to.as_ref().unwrap());
        assert!(!same_speaker(from.speaker.as_ref(), to.speaker.as_ref()));
    }
}

#[test]
fn a_source_moved_into_a_frame_is_reframed() {
    let a = rev(vec![own("A city website shows nine bridges are closed for repairs.")]);
    let mut new = stmt(
        "Nine bridges are closed for repairs",
        Some(speaker("city website", SpeakerKind::Organization, None)),
        Attribution::AccordingTo,
    );
    new.cue = Some("according to".to_string());
    new.text = "Nine bridges are closed for repairs, according to a city website.".to_string();
    let d = diff_statements(&a, &rev(vec![new.clone()]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    // A source the old sentence never named is still no reattribution
    // (nobody held the claim), but the new source is told.
    let other = rev(vec![own("Nine bridges are closed for repairs, officials believe.")]);
    let d = diff_statements(&other, &rev(vec![new]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    let c = d.changes.iter().find(|c| c.change == ChangeKind::Reframed).unwrap();
    assert_eq!(c.source_changed, Some(FromTo { from: None, to: Some("city website".to_string()) }));
}

#[test]
fn a_rewritten_sentence_pairs_and_an_unrelated_one_does_not() {
    let a = rev(vec![
        own(
            "A fire that broke out late on Saturday at a timber yard on the edge of Morrow destroyed three warehouses and forced the evacuation of nearby homes.",
        ),
        own("Firefighters worked through the night."),
        own("The cause of the fire is not yet known."),
    ]);
    let b = rev(vec![
        own(
            "Three warehouses were destroyed and dozens of nearby homes had to be evacuated after fire swept through a Morrow timber yard late on Saturday night.",
        ),
        a[1].clone(),
        own("The owner of the yard said the business passed a council safety inspection last month."),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded, ChangeKind::Removed, ChangeKind::Added], "{:#?}", d.changes);
}

#[test]
fn a_list_cut_differently_is_unchanged() {
    let a = rev(vec![
        own("Voters will decide two questions:"),
        own("• Question 1: whether to raise the sales tax;"),
        own("• Question 2: whether to build a library."),
    ]);
    let b = rev(vec![
        own("Voters will decide two questions."),
        own("- Question 1."),
        own("Whether to raise the sales tax. - Question 2."),
        own("Whether to build a library."),
    ]);
    let d = diff_statements(&a, &b);
    assert!(d.is_same(), "{:#?}", d.changes);
    assert!(d.changes.iter().any(|c| c.shape == Some(Shape::Regrouped)));
}

#[test]
fn a_dateline_is_not_an_edit() {
    let a = rev(vec![own("The central bank raised its main rate on Wednesday."), own("Markets expected it.")]);
    let b = rev(vec![own("LONDON (Wire) — The central bank raised its main rate on Wednesday."), a[1].clone()]);
    assert!(diff_statements(&a, &b).is_same());
    assert!(diff_statements(&b, &a).is_same());
}

/// Statements one a paragraph, the way a story of short paragraphs reads.
fn paragraphs(s: Vec<Statement>) -> Vec<Statement> {
    let mut s = rev(s);
    for st in &mut s {
        st.paragraph = st.index;
    }
    s
}

#[test]
fn a_rewritten_headline_is_one_rewording() {
    let a = paragraphs(vec![
        own("Former mayor found guilty of taking bribes"),
        own("The former mayor of Harwick was sentenced to four years on Friday."),
    ]);
    let b = paragraphs(vec![own("Former mayor gets four years for bribery"), a[1].clone()]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "{:#?}", d.changes);
    // A first line that ends like a sentence is a lead, not a headline: two
    // different sentences stay a removal and an addition.
    let a = paragraphs(vec![own("The mayor opened the new bridge on Friday."), a[1].clone()]);
    let b = paragraphs(vec![own("The mayor gets a new car for the city fleet."), a[1].clone()]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::Removed, ChangeKind::Added]);
}

#[test]
fn reported_speech_shifting_tense_is_no_edit_but_a_reporters_own_is() {
    let a = rev(vec![
        said("the union will not sign the deal", "Greta Solberg"),
        own("The plant is open on Sundays."),
        stmt("We are not against machines", person("Greta Solberg"), Attribution::Direct),
    ]);
    let b = rev(vec![
        said("the union would not sign the deal", "Greta Solberg"),
        own("The plant was open on Sundays."),
        stmt("We were not against machines", person("Greta Solberg"), Attribution::Direct),
    ]);
    let d = diff_statements(&a, &b);
    // A quotation's words are verbatim, a reporter's tense is news.
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded, ChangeKind::QuoteChanged], "{:#?}", d.changes);
    // A paraphrase promoted to a quotation, shifted in person and tense.
    let a = rev(vec![said("he was confident the recount would change the result", "Sam Whitaker")]);
    let b = rev(vec![stmt(
        "I am confident the recount will change the result",
        person("Sam Whitaker"),
        Attribution::Direct,
    )]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::Reframed]);
}

/// A statement as extraction gives one: `text` is the whole sentence, the
/// speaker named there by `mention`.
fn framed(content: &str, text: &str, name: &str, mention: &str) -> Statement {
    let mut s = said(content, name);
    s.text = text.to_string();
    s.speaker.as_mut().expect("said gives a speaker").mention = mention.to_string();
    s
}

#[test]
fn a_pronoun_resolved_elsewhere_after_an_edit_is_not_a_reattribution() {
    // The paragraph naming the harbour master was cut; "she said" now
    // resolves to the mayor. Only the cut paragraph changed.
    let a = rev(vec![
        framed(
            "the tide would turn",
            "Nora Lind, the harbour master, said the tide would turn.",
            "Nora Lind",
            "Nora Lind",
        ),
        framed("the boats stay in", "The boats stay in, she said.", "Nora Lind", "she"),
    ]);
    let b = rev(vec![framed("the boats stay in", "The boats stay in, she said.", "Edda Holm", "she")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed], "{:#?}", d.changes);
}

#[test]
fn a_pronoun_follows_its_renamed_source() {
    // The source was renamed in the sentence that names her; the next
    // sentence's "she" moved with her, as readers read it.
    let a = rev(vec![
        framed("the tide would turn", "Nora Lind said the tide would turn.", "Nora Lind", "Nora Lind"),
        framed("the boats stay in", "The boats stay in, she said.", "Nora Lind", "she"),
    ]);
    let b = rev(vec![
        framed("the tide would turn", "Edda Holm said the tide would turn.", "Edda Holm", "Edda Holm"),
        framed("the boats stay in", "The boats stay in, she said.", "Edda Holm", "she"),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed, ChangeKind::Reattributed], "{:#?}", d.changes);
}

#[test]
fn a_reworded_pronoun_sentence_does_not_carry_its_neighbours_to_a_new_speaker() {
    // A paragraph inserted above gave "she" a new antecedent; one "she
    // said" sentence was also reworded. The untouched one was not
    // reattributed by any edit of the words naming its source.
    let named = framed("the tide would turn", "Nora Lind said the tide would turn.", "Nora Lind", "Nora Lind");
    let she = |content: &str, text: &str, name: &str| framed(content, text, name, "she");
    let quay = "The quay is closed, she said.";
    let a = rev(vec![
        named.clone(),
        she("the boats stay in today", "The boats stay in today, she said.", "Nora Lind"),
        she("the quay is closed", quay, "Nora Lind"),
    ]);
    let inserted = framed("the pilots came early", "Edda Holm said the pilots came early.", "Edda Holm", "Edda Holm");
    let b = rev(vec![
        named,
        inserted,
        she("the boats stay in all day", "The boats stay in all day, she said.", "Edda Holm"),
        she("the quay is closed", quay, "Edda Holm"),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Added, ChangeKind::Reattributed], "{:#?}", d.changes);
}

#[test]
fn a_quotation_standing_alone_is_a_quote_whatever_its_speaker() {
    // No speaker found: the marks were stripped from the content all the
    // same, and its words are someone's.
    let quote = |words: &str| {
        let mut s = own(words);
        s.text = format!("\u{201C}{words}\u{201D}");
        s
    };
    let a = rev(vec![quote("The levee will hold through the weekend.")]);
    let b = rev(vec![quote("The levee will hold through the winter.")]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::QuoteChanged]);
}

#[test]
fn on_before_a_weekday_is_no_edit() {
    let a = rev(vec![own("The council voted Monday to close the ferry.")]);
    let b = rev(vec![own("The council voted on Monday to close the ferry.")]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![]);
    let c = rev(vec![own("The council voted on Sunday to close the ferry.")]);
    assert_eq!(kinds(&diff_statements(&a, &c)), vec![ChangeKind::Reworded]);
}

#[test]
fn a_long_trailing_clause_cut_is_a_rewording_not_a_new_claim() {
    // Eight words kept of 28: the ordered similarity is far below the
    // threshold, but the kept words open the old sentence in order.
    let a =
        rev(vec![own("Harbour fees rose by a fifth last year, a rise the port board blamed on the cost of dredging \
         the northern channel after two winters of record storms.")]);
    let b = rev(vec![own("Harbour fees rose by a fifth last year.")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded]);
    let d = diff_statements(&b, &a);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "a clause added is the same claim run on");
}

#[test]
fn a_clause_cut_with_a_word_edited_in_the_same_pass_is_a_rewording() {
    let a = rev(vec![own(
        "The ferry service was suspended on Monday, leaving hundreds of islanders without a way to reach \
         the mainland hospital for the rest of the week.",
    )]);
    let b = rev(vec![own("The ferry service was halted on Monday.")]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::Reworded]);
}

#[test]
fn two_claims_opening_alike_stay_apart() {
    // They share an opening, not nearly all of the shorter one's words.
    let a = rev(vec![own("The council voted on Tuesday to close the Mill Street library in March.")]);
    let b = rev(vec![own("The council voted on Tuesday against raising parking fees.")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed, ChangeKind::Added]);
}

#[test]
fn a_quotation_cut_into_two_statements_with_its_words_kept_is_no_edit() {
    // An edit nearby made extraction cut one quoted passage in two, each
    // piece in marks of its own; the marks moved with the cut, the words
    // did not.
    let a = rev(vec![said("\"The pier is safe. It has been for a year.\"", "Noor Haddad")]);
    let b = rev(vec![said("\"The pier is safe.\"", "Noor Haddad"), said("\"It has been for a year.\"", "Noor Haddad")]);
    let d = diff_statements(&a, &b);
    assert!(kinds(&d).is_empty(), "{:?}", kinds(&d));
    // One word edited in the same cut is an edit.
    let b =
        rev(vec![said("\"The pier is safe.", "Noor Haddad"), said("It has been for a full year.\"", "Noor Haddad")]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::QuoteChanged]);
}

#[test]
fn removed_copy_of_a_repeated_statement_is_the_one_removed() {
    // A credit under each picture; the first picture goes with its caption.
    let credit = || own("Photograph by the harbour office.");
    let a = rev(vec![
        own("The ferry resumed service on Monday."),
        credit(),
        said("the first crossing carried forty passengers", "Ann Roe"),
        own("The pier was rebuilt after the storm."),
        credit(),
        said("the repairs cost two million dollars", "Tom Bell"),
    ]);
    let b = rev(vec![
        own("The ferry resumed service on Monday."),
        own("The pier was rebuilt after the storm."),
        credit(),
        said("the repairs cost two million dollars", "Tom Bell"),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed, ChangeKind::Removed], "{:?}", d.changes);
    assert_eq!(d.summary.moved, 0);
    let removed: Vec<usize> = d
        .changes
        .iter()
        .filter(|c| c.change == ChangeKind::Removed)
        .filter_map(|c| c.from.as_ref())
        .map(|s| s.index)
        .collect();
    assert_eq!(removed, vec![1, 2]);
}

#[test]
fn a_correction_repeating_a_withdrawn_claim_is_added_and_the_claim_removed() {
    let a = rev(vec![
        own("The ferry service resumed on Thursday."),
        stmt(
            "the captain had been warned about the weather",
            Some(speaker("crew member", SpeakerKind::Anonymous, None)),
            Attribution::Indirect,
        ),
    ]);
    let b = rev(vec![
        own("The ferry service resumed on Thursday."),
        own("Correction: An earlier version of this story said the captain had been warned about the weather."),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed, ChangeKind::Added], "{:?}", d.changes);
    let removed = d.changes.iter().find(|c| c.change == ChangeKind::Removed).unwrap();
    assert_eq!(removed.from.as_ref().unwrap().speaker.as_ref().unwrap().name, "crew member");
}

#[test]
fn a_correction_reworded_is_one_rewording() {
    let a = rev(vec![own("Correction: An earlier version of this article gave the wrong date for the hearing.")]);
    let b = rev(vec![own("Correction: An earlier version of this article gave the wrong date for the court hearing.")]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::Reworded]);
}

#[test]
fn notices_are_the_outlets_notes_about_the_story_not_claims_about_versions() {
    let notices = [
        "Correction: An earlier version of this story misstated the toll.",
        "Clarification \u{2014} the report was published on Monday, not Sunday.",
        "Editor\u{2019}s note: Names have been changed at the family\u{2019}s request.",
        "An earlier version of this article said the dam was built in 1950.",
        "Earlier versions of the story gave a different figure.",
        "This story has been updated with comment from the council.",
        "This article was corrected to give the mayor's full title.",
    ];
    for text in notices {
        assert!(pairing::is_notice(&own(text)), "{text}");
    }
    let claims = [
        own("An earlier version of the bill was rejected in March."),
        own("This story of loss and recovery was told many times."),
        own("Corrections officers walked out at dawn."),
        said("a correction to the figures would follow", "Ilse Varga"),
        said("Correction: the figure was wrong", "Ilse Varga"),
    ];
    for s in &claims {
        assert!(!pairing::is_notice(s), "{}", s.content);
    }
}

#[test]
fn a_documents_words_move_with_its_frame() {
    // "a report by the water authority shows" → "according to a report by
    // the water authority": the source is the authority, and "report" and
    // "by" are the frame's words on both sides, not edits of the claim.
    let a = rev(vec![own("Reserves have fallen to a 30-year low, a report by the water authority shows.")]);
    let mut new = stmt(
        "Reserves have fallen to a 30-year low",
        Some(speaker("water authority", SpeakerKind::Organization, None)),
        Attribution::AccordingTo,
    );
    new.cue = Some("according to".to_string());
    new.text = "Reserves have fallen to a 30-year low, according to a report by the water authority.".to_string();
    let d = diff_statements(&a, &rev(vec![new.clone()]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    // Words the new frame does not hold are still edits of the claim,
    // shown in the word diff; the claim gained a source, and no one lost it.
    let edited = rev(vec![own("Reserves have fallen to a record low, a report by the water authority shows.")]);
    let d = diff_statements(&edited, &rev(vec![new]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    assert!(d.changes[0].words.iter().any(|w| w.op != Op::Equal && w.text.contains("record")), "{:#?}", d.changes);
}

#[test]
fn an_unresolved_pronoun_takes_a_claim_from_no_one() {
    // "It urged passengers …" (no antecedent found) → "Coastway Rail said
    // … and urged passengers …": the same claim, no other source.
    let unresolved = framed(
        "passengers to travel only if necessary",
        "It urged passengers to travel only if necessary.",
        crate::extract::UNRESOLVED,
        "It",
    );
    let named = framed(
        "passengers to travel only if necessary",
        "Coastway Rail said it ran fewer trains and urged passengers to travel only if necessary.",
        "Coastway Rail",
        "Coastway Rail",
    );
    let d = diff_statements(&rev(vec![unresolved]), &rev(vec![named]));
    assert_eq!(kinds(&d), Vec::<ChangeKind>::new(), "{:#?}", d.changes);
}

#[test]
fn a_name_and_its_post_read_both_ways_are_one_person() {
    // "said the authority's director, Helen Marsh" read as the director
    // (role: the name), "the authority's director, Helen Marsh, said" as
    // Helen Marsh (role: the director).
    let text = "We are asking everyone to use less";
    let mut a = said(text, "authority's director");
    a.speaker.as_mut().unwrap().role = Some("Helen Marsh".to_string());
    let mut b = said(text, "Helen Marsh");
    b.speaker.as_mut().unwrap().role = Some("the authority's director".to_string());
    let d = diff_statements(&rev(vec![a.clone()]), &rev(vec![b.clone()]));
    assert_eq!(kinds(&d), Vec::<ChangeKind>::new(), "{:#?}", d.changes);
    // The description named later (no name on the old side) is a
    // reattribution, as ever.
    a.speaker.as_mut().unwrap().role = None;
    let d = diff_statements(&rev(vec![a]), &rev(vec![b]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed], "{:#?}", d.changes);
}

#[test]
fn a_moved_sentence_naming_its_source_keeps_it() {
    // ", the council has said" moved above the spokesman's paragraph and
    // resolved differently there: the same words name the same council.
    // A moved "she said" takes its new paragraph's speaker.
    let filler = |s: &str| own(s);
    let a = rev(vec![
        filler("The judge blocked the plan on Wednesday."),
        filler("Library users who brought the case welcomed the ruling."),
        framed(
            "the closures would save money",
            "The closures would save money, the council has said.",
            "Daniel Reyes",
            "the council",
        ),
    ]);
    let b = rev(vec![
        framed(
            "the closures would save money",
            "The closures would save money, the council has said.",
            "council",
            "the council",
        ),
        a[0].clone(),
        a[1].clone(),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Moved], "{:#?}", d.changes);
    let she =
        |name: &str| framed("the closures would save money", "The closures would save money, she said.", name, "she");
    let a = rev(vec![a[0].clone(), a[1].clone(), she("Ruth Adler")]);
    let b = rev(vec![she("Miriam Okafor"), a[0].clone(), a[1].clone()]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed], "{:#?}", d.changes);
}

#[test]
fn a_sentence_rewritten_where_it_stood_is_reworded() {
    // Too little of it is left for a rewrite found anywhere, but it is the
    // one statement of its source left between the same two pairs.
    let a = rev(vec![
        own("The ward delivered 212 babies last year, down from more than 400 a decade ago."),
        said("the hospital had lost money on the ward every year since 2019", "Meridian Health"),
        own("Expectant mothers will be sent to the hospital in Carlow, an hour away."),
    ]);
    let mut b = a.clone();
    b[1] = said("the ward had lost money in each of the last seven years", "Meridian Health");
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reworded], "{:#?}", d.changes);
    // Another claim of the same source put in its place stays a claim of
    // its own, though it names the ward too.
    let mut c = a.clone();
    c[1] = said("the ward could reopen if two more midwives were hired by the spring", "Meridian Health");
    assert_eq!(kinds(&diff_statements(&a, &c)), vec![ChangeKind::Removed, ChangeKind::Added]);
    // Two statements left in one place pair only by what they say.
    let mut two = b.clone();
    two.insert(2, said("the ward would close for good at the end of January", "Meridian Health"));
    let d = diff_statements(&a, &rev(two));
    assert_eq!(kinds(&d), vec![ChangeKind::Removed, ChangeKind::Added, ChangeKind::Added], "{:#?}", d.changes);
}

#[test]
fn a_quotation_cut_to_a_word_and_a_paraphrase_is_one_split() {
    // The paraphrase pairs with the quotation only as a sentence cut short;
    // the quoted word then joins that pair as the split's other piece.
    let quote = |c: &str| stmt(c, person("Ruth Kamara"), Attribution::Direct);
    let a = rev(vec![
        own("The committee voted 7-2 on Thursday to spend $48 million deepening the channel."),
        quote(
            "This plan is reckless, it ignores the science on the oyster beds, and it will cost fishing jobs for a decade",
        ),
        own("The plan now goes to the full Senate."),
    ]);
    let b = rev(vec![
        a[0].clone(),
        stmt("the plan \"reckless\"", person("Ruth Kamara"), Attribution::Other),
        said("it would cost fishing jobs", "Ruth Kamara"),
        a[2].clone(),
    ]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::QuoteChanged], "{:#?}", d.changes);
    let d = diff_statements(&b, &a);
    assert_eq!(kinds(&d), vec![ChangeKind::QuoteChanged], "{:#?}", d.changes);
}

#[test]
fn the_outlets_claim_gaining_or_losing_a_source_is_reframed_not_reattributed() {
    let bare = own("The treatment plant is safe.");
    let mut attributed = said("The treatment plant is safe", "officials");
    attributed.text = "The treatment plant is safe, officials said.".to_string();
    let (a, b) = (rev(vec![bare]), rev(vec![attributed]));
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    let c = &d.changes[0];
    assert_eq!(c.source_changed, Some(FromTo { from: None, to: Some("officials".to_string()) }));
    assert!(c.notes().contains(&"now attributed to officials".to_string()), "{:?}", c.notes());
    let d = diff_statements(&b, &a);
    assert_eq!(kinds(&d), vec![ChangeKind::Reframed], "{:#?}", d.changes);
    assert_eq!(d.changes[0].source_changed, Some(FromTo { from: Some("officials".to_string()), to: None }));
    assert!(d.changes[0].notes().contains(&"no longer attributed to officials".to_string()));
    // Every reattribution left names two speakers.
    for c in d.changes.iter().filter(|c| c.change == ChangeKind::Reattributed) {
        assert!(c.from.as_ref().unwrap().speaker.is_some() && c.to.as_ref().unwrap().speaker.is_some());
    }
}

#[test]
fn a_bulleted_list_run_into_one_sentence_with_its_and_is_unchanged() {
    let a = rev(vec![
        own("Voters will find three measures on the ballot:"),
        own("- Measure A, a library tax;"),
        own("- Measure B, a \"Safe Routes\" bond;"),
        own("- Measure C, a charter change."),
    ]);
    let b = rev(vec![own(
        "Voters will find three measures on the ballot: Measure A, a library tax; Measure B, a \"Safe Routes\" bond; and Measure C, a charter change.",
    )]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), Vec::<ChangeKind>::new(), "{:#?}", d.changes);
    assert_eq!(kinds(&diff_statements(&b, &a)), Vec::<ChangeKind>::new());
    // "and" turned "or" is an edit of the list.
    let or = rev(vec![own(
        "Voters will find three measures on the ballot: Measure A, a library tax; Measure B, a \"Safe Routes\" bond; or Measure C, a charter change.",
    )]);
    assert_eq!(kinds(&diff_statements(&b, &or)), vec![ChangeKind::Reworded]);
}

#[test]
fn a_short_claim_run_on_in_its_place_is_reworded() {
    let a = rev(vec![
        said("the studio had agreed to fire only when the wind blows away from the houses", "Leon Ferrante"),
        said("she was relieved", "Hana Sato"),
    ]);
    let b = rev(vec![
        a[0].clone(),
        said("she was relieved and would invite the neighbours to the next firing", "Hana Sato"),
    ]);
    assert_eq!(kinds(&diff_statements(&a, &b)), vec![ChangeKind::Reworded]);
    assert_eq!(kinds(&diff_statements(&b, &a)), vec![ChangeKind::Reworded]);
    // Another claim of the same source in that place is not the short one.
    let c = rev(vec![a[0].clone(), said("the neighbours would be invited to the next firing", "Hana Sato")]);
    assert_eq!(kinds(&diff_statements(&a, &c)), vec![ChangeKind::Removed, ChangeKind::Added]);
}

#[test]
fn a_new_lead_over_a_claim_restated_by_its_source_is_added_not_a_reattribution() {
    let a =
        rev(vec![said("A man was shot and killed by officers on Saturday after he pointed a gun at them", "Ann Roe")]);
    let lead = said("A man shot and killed by officers on Saturday was holding a phone, not a gun", "Bo Diaz");
    let restated = said("the man pointed a gun at officers", "Ann Roe");
    let d = diff_statements(&a, &rev(vec![lead.clone(), restated]));
    assert_eq!(kinds(&d), vec![ChangeKind::Added, ChangeKind::Reworded], "{:#?}", d.changes);
    let reworded = d.changes.iter().find(|c| c.change == ChangeKind::Reworded).unwrap();
    assert_eq!(reworded.to.as_ref().unwrap().content, "the man pointed a gun at officers");
    // With no restatement the claim changed hands, and says so.
    let d = diff_statements(&a, &rev(vec![lead]));
    assert_eq!(kinds(&d), vec![ChangeKind::Reattributed], "{:#?}", d.changes);
}

#[test]
fn a_figure_updated_after_the_same_opening_pairs_anywhere_once() {
    let a = rev(vec![
        own("Shares of Greenline jumped 18% in after-hours trading."),
        said("The talks were private", "Ann Roe"),
    ]);
    let b = rev(vec![said("The deal will close in June", "Bo Diaz"), own("Shares of Greenline rose 22% on Monday.")]);
    let d = diff_statements(&a, &b);
    assert_eq!(kinds(&d), vec![ChangeKind::Added, ChangeKind::Reworded, ChangeKind::Removed], "{:#?}", d.changes);
    // Two new sentences that open alike: which one updates the old is not
    // told, so neither is paired.
    let two = rev(vec![own("Shares of Greenline rose 22% on Monday."), own("Shares of Greenline fell 3% on Tuesday.")]);
    let d = diff_statements(&a[..1], &two);
    assert_eq!(kinds(&d), vec![ChangeKind::Removed, ChangeKind::Added, ChangeKind::Added], "{:#?}", d.changes);
}

/// "..." typed and "…" set as one character are one ellipsis: no word of
/// the quotation changed.
#[test]
fn an_ellipsis_set_as_one_character_changes_no_word() {
    let mut b = base();
    b[2] = said("the levee had held for forty years\u{2026} until now", "Marta Quinlan");
    let mut a = base();
    a[2] = said("the levee had held for forty years... until now", "Marta Quinlan");
    let d = diff_statements(&a, &b);
    assert!(d.is_same(), "{:?}", kinds(&d));
}
