//! Properties of the store that must hold for any history: whatever
//! sequence of revisions is recorded, `verify` passes, numbering is dense,
//! equal text is "unchanged", and returning text is a revert.
//!
//! They hold on either backend: with `CLAIMTRAIL_TEST_PG=postgres://…`
//! (CI's PostgreSQL pass) each store is a fresh schema on that server.

use chrono::{TimeZone, Utc};
use claimtrail_store::{Hash32, NewRevision, NewStatement, Occurrence, Recorded, SpeakerRecord, Store};
use proptest::prelude::*;

/// Where one test's store lives: a fresh sled directory, or a fresh
/// schema on the `CLAIMTRAIL_TEST_PG` server (dropped afterwards).
struct Place {
    dir: tempfile::TempDir,
    pg: Option<(String, String)>,
}

impl Place {
    fn new() -> Place {
        let dir = tempfile::tempdir().unwrap();
        let Some(server) = std::env::var("CLAIMTRAIL_TEST_PG").ok().filter(|s| !s.is_empty()) else {
            return Place { dir, pg: None };
        };
        static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let schema = format!("ct_store_test_{}_{n}", std::process::id());
        let mut client = postgres::Client::connect(&server, postgres::NoTls)
            .unwrap_or_else(|e| panic!("CLAIMTRAIL_TEST_PG={server}: cannot reach the server: {e}"));
        client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}")).unwrap();
        Place { dir, pg: Some((server, schema)) }
    }

    fn path(&self) -> std::path::PathBuf {
        match &self.pg {
            Some((server, schema)) => {
                let sep = if server.contains('?') { '&' } else { '?' };
                format!("{server}{sep}options=-csearch_path%3D{schema}").into()
            }
            None => self.dir.path().join("store"),
        }
    }
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Some((server, schema)) = &self.pg
            && let Ok(mut client) = postgres::Client::connect(server, postgres::NoTls)
        {
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

/// The caller's statement hash (the real one normalises text first; any
/// deterministic function will do for the store).
fn statement_hash(content: &str) -> String {
    blake3::hash(content.as_bytes()).to_hex().to_string()
}

fn revision<'a>(story: &'a str, text: &'a str, at: i64) -> NewRevision<'a> {
    let mut statements = Vec::new();
    let mut offset = 0u64;
    for (i, sentence) in text.split(". ").enumerate() {
        let hash: Hash32 = statement_hash(sentence).parse().unwrap();
        let speaker = (i % 3 == 0).then(|| format!("speaker-{}", sentence.len() % 4));
        statements.push(NewStatement {
            occurrence: Occurrence {
                index: i as u32,
                paragraph: 0,
                statement: hash,
                speaker,
                mention: None,
                attribution: "indirect".into(),
                cue: Some("said".into()),
                span: (offset, offset + sentence.len() as u64),
            },
            content: sentence.to_string(),
            terms: sentence.split_whitespace().map(str::to_lowercase).collect(),
            prints: Vec::new(),
        });
        offset += sentence.len() as u64 + 2;
    }
    let speakers = (0..4)
        .map(|n| SpeakerRecord {
            id: format!("speaker-{n}"),
            name: format!("Speaker {n}"),
            kind: "person".into(),
            anonymous: false,
            role: None,
            aliases: vec![],
            anonymity_reason: None,
            lookup: vec![format!("n:speaker {n}")],
        })
        .collect();
    NewRevision {
        story,
        url: None,
        title: None,
        raw: text.as_bytes(),
        text,
        // Nanoseconds and a primary-source mark on some revisions: the
        // statement index copies both (see `runs_keep_their_first_revisions_stamp`).
        captured_at: Utc.timestamp_opt(1_600_000_000 + at, (at as u32 % 4) * 250_000_001).unwrap(),
        source: "-",
        format: "text",
        meta: match at % 3 {
            1 => [(claimtrail_store::PRIMARY.to_string(), "transcript".to_string())].into(),
            _ => Default::default(),
        },
        statements,
        speakers,
        analysis: "test",
        arrivals: Default::default(),
        fates: Default::default(),
        page: None,
    }
}

/// Texts from a small pool, so that repeats and reverts happen often.
fn texts() -> impl Strategy<Value = Vec<(u8, usize)>> {
    prop::collection::vec((0u8..2, 0usize..5), 1..12)
}

const POOL: [&str; 5] = [
    "The bridge is closed. The mayor said repairs will take a week",
    "The bridge is closed. The mayor said repairs will take two weeks",
    "The bridge reopened. Traffic is light",
    "Officials said the bridge is safe. The mayor said repairs will take a week",
    "The bridge is closed",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_history_verifies(seq in texts(), batched in any::<bool>()) {
        let place = Place::new();
        let mut store = Store::open(&place.path()).unwrap();
        let stories = ["one", "two"];
        // Model: the texts each story holds, in order.
        let mut model: [Vec<&str>; 2] = [vec![], vec![]];
        let mut results = Vec::new();
        if batched {
            // All in one atomic batch: each revision must see the staged ones.
            let mut batch = store.batch().unwrap();
            for (i, (s, t)) in seq.iter().enumerate() {
                let text = POOL[*t];
                results.push((*s as usize, text, batch.record(revision(stories[*s as usize], text, i as i64)).unwrap()));
            }
            batch.commit().unwrap();
        } else {
            for (i, (s, t)) in seq.iter().enumerate() {
                let text = POOL[*t];
                results.push((*s as usize, text, store.record_revision(revision(stories[*s as usize], text, i as i64)).unwrap()));
            }
        }
        for (s, text, r) in results {
            let history = &mut model[s];
            match r {
                Recorded::Unchanged { latest } => {
                    prop_assert_eq!(history.last().copied(), Some(text));
                    prop_assert_eq!(latest.number as usize, history.len());
                }
                Recorded::New { revision, .. } => {
                    prop_assert_ne!(history.last().copied(), Some(text));
                    let earlier = history.iter().rposition(|t| *t == text).map(|i| i as u32 + 1);
                    prop_assert_eq!(revision.revert_of, earlier);
                    history.push(text);
                    prop_assert_eq!(revision.number as usize, history.len());
                }
            }
        }
        let report = store.verify(&statement_hash).unwrap();
        prop_assert!(report.ok(), "{:?}", report.problems);
        runs_keep_their_first_revisions_stamp(&store, &stories);
        for (i, story) in stories.iter().enumerate() {
            let revs = store.revisions(story).unwrap();
            prop_assert_eq!(revs.len(), model[i].len());
            for (rev, text) in revs.iter().zip(&model[i]) {
                prop_assert_eq!(store.text(rev).unwrap(), *text);
            }
        }
        // And it stays verified when reopened.
        drop(store);
        let store = Store::open(&place.path()).unwrap();
        prop_assert!(store.verify(&statement_hash).unwrap().ok());
    }
}

/// Every run a statement index entry gives, in any story, keeps the
/// capture time and primary-source mark of the revision it starts in, as
/// that revision's record says (what `variants` orders copies by).
fn runs_keep_their_first_revisions_stamp(store: &Store, stories: &[&str]) {
    let mut statements = std::collections::BTreeSet::new();
    for story in stories {
        for rev in store.revisions(story).unwrap() {
            statements.extend(store.occurrences(&rev).unwrap().into_iter().map(|o| o.statement));
        }
    }
    for h in statements {
        let mut heads = Vec::new();
        store
            .first_runs_of(&h, |run| {
                heads.push((run.story.to_string(), run.first, run.stamp.map(|(at, p)| (at, p.map(str::to_string)))))
            })
            .unwrap();
        assert!(!heads.is_empty());
        for (story, first, stamp) in heads {
            let record = store.revision_stamp(&story, first, claimtrail_store::PRIMARY).unwrap();
            assert_eq!(stamp, record, "{story}@{first}");
        }
    }
}

/// A story longer than a delta chain (16 links): every revision's text and
/// statement list reads back exactly, in any order, batched or not, and a
/// statement present throughout is one open run.
#[test]
fn long_stories_read_back_across_chain_cuts() {
    let place = Place::new();
    let store = Store::open(&place.path()).unwrap();
    let base = "The bridge is closed. The mayor said repairs will take a week";
    let texts: Vec<String> =
        (0..50).map(|i| format!("{base}. Update number {i} says {} lanes are open", i % 7)).collect();
    let mut recorded = Vec::new();
    let mut i = 0;
    while i < texts.len() {
        // Batches of 1 to 7 revisions.
        let mut batch = store.batch().unwrap();
        for t in texts.iter().skip(i).take(1 + i % 7) {
            let new = revision("long", t, i as i64);
            let list: Vec<Occurrence> = new.statements.iter().map(|s| s.occurrence.clone()).collect();
            assert!(matches!(batch.record(new).unwrap(), Recorded::New { .. }));
            recorded.push((t.clone(), list));
            i += 1;
        }
        batch.commit().unwrap();
    }
    let revs = store.revisions("long").unwrap();
    assert_eq!(revs.len(), 50);
    for (rev, (text, list)) in revs.iter().zip(&recorded).rev() {
        assert_eq!(&store.text(rev).unwrap(), text, "revision {}", rev.number);
        assert_eq!(&store.occurrences(rev).unwrap(), list, "revision {}", rev.number);
    }
    let first: Hash32 = statement_hash("The bridge is closed").parse().unwrap();
    let runs = store.runs_in(&first, "long").unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!((runs[0].first, runs[0].last), (1, None));
    let report = store.verify(&statement_hash).unwrap();
    assert!(report.ok(), "{:?}", report.problems);
}

/// Two writers whose batches append to the same two stories in opposite
/// orders both finish (PostgreSQL, where writers run at once): neither
/// holds one story while waiting for the other's, a cycle the server
/// would break by failing one of them ("deadlock detected").
#[test]
fn two_batches_taking_the_same_stories_in_opposite_orders_both_land() {
    let place = Place::new();
    if place.pg.is_none() {
        // sled has one writer per store.
        return;
    }
    let path = place.path();
    drop(Store::open(&path).unwrap());
    let both_hold_one = std::sync::Barrier::new(2);
    std::thread::scope(|scope| {
        let writers: Vec<_> = [("north", "south"), ("south", "north")]
            .into_iter()
            .enumerate()
            .map(|(w, (first, second))| {
                let (path, both_hold_one) = (&path, &both_hold_one);
                scope.spawn(move || {
                    let store = Store::open(path).unwrap();
                    let mut batch = store.batch().unwrap();
                    let (one, two) = (
                        format!("Writer {w} saw the {first} gate shut"),
                        format!("Writer {w} saw the {second} gate open"),
                    );
                    batch.record(revision(first, &one, w as i64)).unwrap();
                    both_hold_one.wait();
                    batch.record(revision(second, &two, 10 + w as i64)).unwrap();
                    batch.commit().unwrap();
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
    });
    let store = Store::open(&path).unwrap();
    assert_eq!(store.revisions("north").unwrap().len(), 2);
    assert_eq!(store.revisions("south").unwrap().len(), 2);
    assert!(store.verify(&statement_hash).unwrap().ok());
}

/// Writers whose batches name the same people at once, some already
/// stored and some new, all land (PostgreSQL): none fails with "deadlock
/// detected", and no writer's spelling of a person is lost, as it would
/// be if a writer replaced a speaker record another had just added
/// instead of merging into it.
#[test]
fn writers_naming_the_same_people_at_once_neither_deadlock_nor_lose_a_spelling() {
    let place = Place::new();
    if place.pg.is_none() {
        // sled has one writer per store.
        return;
    }
    let path = place.path();
    const WRITERS: usize = 4;
    const ROUNDS: usize = 12;
    // Half of the people are stored before the writers start.
    let person = |n: usize, alias: Option<String>| SpeakerRecord {
        id: format!("person-{n}"),
        name: format!("Person {n}"),
        kind: "person".into(),
        anonymous: false,
        role: None,
        aliases: alias.into_iter().collect(),
        anonymity_reason: None,
        lookup: vec![format!("n:person {n}")],
    };
    let naming = |story: String, people: Vec<SpeakerRecord>, at: i64| {
        let text = people.iter().map(|p| format!("{} spoke in {story}", p.name)).collect::<Vec<_>>().join(". ");
        (story, text, people, at)
    };
    let record = |store: &Store, (story, text, people, at): (String, String, Vec<SpeakerRecord>, i64)| {
        let mut new = revision(&story, &text, at);
        for (i, s) in new.statements.iter_mut().enumerate() {
            s.occurrence.speaker = people.get(i).map(|p| p.id.clone());
        }
        new.speakers = people;
        let mut batch = store.batch().unwrap();
        batch.record(new).unwrap();
        batch.commit()
    };
    {
        let store = Store::open(&path).unwrap();
        let stored: Vec<_> = (0..8).step_by(2).map(|n| person(n, None)).collect();
        record(&store, naming("before".into(), stored, 0)).unwrap();
    }
    let together = std::sync::Barrier::new(WRITERS);
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (path, together) = (&path, &together);
                scope.spawn(move || {
                    let store = Store::open(path).unwrap();
                    for round in 0..ROUNDS {
                        // Each writer names the people in its own order.
                        let mut seen = std::collections::HashSet::new();
                        let people: Vec<_> = (0..8)
                            .map(|n| (n * (w + 1) + round) % 8)
                            .filter(|n| seen.insert(*n))
                            .map(|n| person(n, Some(format!("Spelling {w}.{round} of {n}"))))
                            .collect();
                        together.wait();
                        let story = format!("story-{w}-{round}");
                        if let Err(e) = record(&store, naming(story.clone(), people, (w * 100 + round) as i64)) {
                            panic!("writer {w}, {story}: {e}");
                        }
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
    });
    let store = Store::open(&path).unwrap();
    for n in 0..8 {
        let stored = store.speaker(&format!("person-{n}")).unwrap().unwrap();
        for w in 0..WRITERS {
            for round in 0..ROUNDS {
                let named = (0..8).any(|k| (k * (w + 1) + round) % 8 == n);
                let spelling = format!("Spelling {w}.{round} of {n}");
                assert!(!named || stored.aliases.contains(&spelling), "person-{n} lost {spelling:?}: {stored:?}");
            }
        }
    }
    assert!(store.verify(&statement_hash).unwrap().ok());
}
