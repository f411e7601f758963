//! `claimtrail variants`: one quote across many outlets, on a fixture of 22
//! invented reports of one invented event (strikes in Halvaria after a
//! drone attack) by invented outlets. The fixture's `truth.json` says which
//! renderings are one claim and which are given to the wrong speaker;
//! `scripts/variants-score.py` scores the command against it.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::util::Env;

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/variants")
}

fn truth() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture().join("truth.json")).unwrap()).unwrap()
}

fn store() -> Env {
    let env = Env::new();
    env.run(["import", "--quiet", fixture().to_str().unwrap()]).ok();
    env
}

/// (story, content) of each member of each group.
fn groups(v: &Value) -> Vec<Vec<(String, String)>> {
    v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| {
            g["members"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| (m["story"].as_str().unwrap().to_string(), m["content"].as_str().unwrap().to_string()))
                .collect()
        })
        .collect()
}

/// The flags of the member of `story` whose content holds `piece`.
fn flags_of(v: &Value, story: &str, piece: &str) -> BTreeSet<String> {
    let found: Vec<BTreeSet<String>> = v["groups"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|g| g["members"].as_array().unwrap())
        .filter(|m| m["story"] == story && m["content"].as_str().unwrap().contains(piece))
        .map(|m| m["flags"].as_array().unwrap().iter().map(|f| f.as_str().unwrap().to_string()).collect())
        .collect();
    assert_eq!(found.len(), 1, "{story}: {piece:?} should be in exactly one group");
    found.into_iter().next().unwrap()
}

#[test]
fn renderings_group_as_the_truth_says_and_nothing_else_groups() {
    let env = store();
    let out = env.run(["variants", "--limit", "0", "--format", "json"]);
    out.ok();
    let found = groups(&out.json());
    // Each truth group is exactly one found group, member for member.
    let truth = truth();
    let mut matched = 0;
    for t in truth["groups"].as_array().unwrap() {
        let claim = t["claim"].as_str().unwrap();
        let wanted: BTreeSet<(String, String)> = t["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| (m[0].as_str().unwrap().to_string(), m[1].as_str().unwrap().to_string()))
            .collect();
        let holder: Vec<&Vec<(String, String)>> = found
            .iter()
            .filter(|g| g.iter().any(|(s, c)| wanted.iter().any(|(ws, wp)| ws == s && c.contains(wp.as_str()))))
            .collect();
        assert_eq!(holder.len(), 1, "{claim}: its renderings are split over {} groups: {holder:#?}", holder.len());
        let group = holder[0];
        assert_eq!(group.len(), wanted.len(), "{claim}: found {group:#?}");
        for (story, piece) in &wanted {
            assert!(group.iter().any(|(s, c)| s == story && c.contains(piece.as_str())), "{claim}: {story} missing");
        }
        matched += 1;
    }
    assert_eq!(found.len(), matched, "groups the truth does not have: {found:#?}");
    // Sentences sharing a frame with a grouped claim stay out of it.
    for decoy in ["convoy ambush", "destroyed two command posts", "launched from a boat"] {
        assert!(!found.iter().flatten().any(|(_, c)| c.contains(decoy)), "{decoy} was grouped");
    }
}

#[test]
fn each_flag_marks_the_renderings_the_fixture_gave_it() {
    let env = store();
    let v = env.run(["variants", "--limit", "0", "--format", "json"]).json();
    let has = |story: &str, piece: &str, flag: &str| {
        let f = flags_of(&v, story, piece);
        assert!(f.contains(flag), "{story} {piece:?}: {f:?} lacks {flag}");
    };
    // A dropped or added word; a substituted one.
    has("plainsview-tribune", "Let me clear", "wording");
    has("pinecrest-journal", "very clear", "wording");
    has("northgate-post", "any new attack", "wording");
    // Cut to the tail, the head, a part.
    has("bayside-record", "... attacks", "truncated");
    has("valley-sentinel", "tolerate \"attacks", "truncated");
    has("silverlake-news", "attacks on our crews", "truncated");
    has("hollow-creek-voice", "not consulted", "truncated");
    // Quotation marks around other words.
    has("coastline-herald", "respond forcefully", "paraphrase_in_quotes");
    has("westbrook-courier", "respond forcefully", "paraphrase_in_quotes");
    has("granite-observer", "not informed", "paraphrase_in_quotes");
    // Another speaker: Okafor's words to Marsh and Kell, Marsh's to Okafor.
    has("riverbend-gazette", "will not tolerate", "misattributed");
    has("coastline-herald", "weapons depots", "misattributed");
    has("amberfield-dispatch", "weapons depots", "misattributed");
    // Reported speech for a quote.
    has("northgate-post", "would not tolerate", "unquoted");
    has("frontier-chronicle", "would respond", "unquoted");
    has("ironwood-bulletin", "had not been consulted", "unquoted");
    has("silverlake-news", "had hit", "unquoted");
    // What does not change a claim flags nothing: "U.S." and "US" for
    // "United States", a comma for a colon, case, another spelling of
    // the same person ("Helena R. Marsh", "Mrs Marsh").
    for (story, piece) in [
        ("meridian-wire", "Let me be clear"),
        ("harbor-ledger", "the U.S. will"),
        ("stonebridge-star", "The US will"),
        ("hollow-creek-voice", "respond decisively"),
    ] {
        assert_eq!(flags_of(&v, story, piece), BTreeSet::new(), "{story} {piece:?}");
    }
    // A paraphrase outside quotation marks is not one inside them, and
    // an anonymous source in two stories is not two speakers.
    assert!(!flags_of(&v, "frontier-chronicle", "would respond").contains("paraphrase_in_quotes"));
    assert!(!flags_of(&v, "oakridge-sun", "launched from a farm").contains("misattributed"));
}

#[test]
fn the_earliest_rendering_comes_first_and_later_ones_show_their_word_diff() {
    let env = store();
    let out = env.run(["variants", "will not tolerate attacks"]);
    let text = out.ok();
    let first_group: Vec<&str> = text.split("\n\n").next().unwrap().lines().collect();
    assert!(first_group[0].starts_with("group "), "{text}");
    assert!(first_group[0].contains("10 renderings in 10 stories"), "{text}");
    assert!(first_group[1].contains("meridian-wire@1") && first_group[1].contains("Helena Marsh (direct)"), "{text}");
    assert!(
        text.contains("Let me be clear[-: The United States-]{+, the U.S.+} will not tolerate attacks"),
        "the U.S. rendering's diff against the earliest: {text}"
    );
    assert!(text.contains("riverbend-gazette@1  Tomas Okafor (direct)  misattributed"), "{text}");
    // JSON: the members in order of capture, with every field of the
    // contract, and `primary` (null: no primary source is recorded here).
    let v = env.run(["variants", "will not tolerate attacks", "--format", "json"]).json();
    let members = v["groups"][0]["members"].as_array().unwrap();
    let times: Vec<&str> = members.iter().map(|m| m["captured_at"].as_str().unwrap()).collect();
    let mut sorted = times.clone();
    sorted.sort();
    assert_eq!(times, sorted);
    let keys: BTreeSet<&str> = members[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["attribution", "captured_at", "content", "flags", "hash", "primary", "revision", "speaker", "story"]
            .into_iter()
            .collect()
    );
    assert_eq!(members[0]["speaker"]["name"], "Helena Marsh");
    assert_eq!(v["groups"][0]["id"], members[0]["hash"].as_str().unwrap()[..12]);
}

#[test]
fn misattributed_lists_only_groups_given_to_another_speaker() {
    let env = store();
    let v = env.run(["variants", "--misattributed", "--format", "json"]).json();
    let groups = v["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2, "{v:#}");
    for g in groups {
        assert!(g["members"].as_array().unwrap().iter().any(|m| m["flags"].to_string().contains("misattributed")));
    }
    // The flag filter reads the same, and a group with no such rendering
    // is a negative answer (exit 1).
    let by_flag = env.run(["variants", "--flag", "misattributed", "--format", "json"]).json();
    assert_eq!(by_flag["groups"].as_array().unwrap().len(), 2);
    let none = env.run(["variants", "ceasefire talks", "--misattributed"]);
    assert_eq!(none.code, 1, "{}", none.stdout);
    assert!(none.stdout.contains("no variants found"));
}

#[test]
fn a_speaker_shows_every_group_they_are_credited_in() {
    let env = store();
    let v = env.run(["variants", "Okafor", "--format", "json"]).json();
    let firsts: BTreeSet<String> = groups(&v).iter().map(|g| g[0].1.clone()).collect();
    assert_eq!(firsts.len(), 2, "{v:#}");
    assert!(firsts.iter().any(|c| c.starts_with("Let me be clear: The United States will not tolerate attacks")));
    assert!(firsts.iter().any(|c| c.starts_with("The strikes were precise and proportional, and they hit")));
    // Words that name no speaker are a claim; a hash prefix is one statement.
    let hash = v["groups"][0]["members"][0]["hash"].as_str().unwrap()[..8].to_string();
    let by_hash = env.run(["variants", &hash, "--format", "json"]).json();
    assert_eq!(by_hash["groups"][0]["members"][0]["hash"], v["groups"][0]["members"][0]["hash"]);
}

#[test]
fn history_follows_a_claim_through_every_rendering() {
    let env = store();
    let v = env.run(["history", "will not tolerate", "--format", "json"]).json();
    let stories: BTreeSet<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["content"].as_str().unwrap().contains("attacks"))
        .flat_map(|c| c["trail"].as_array().unwrap().iter().map(|t| t["story"].as_str().unwrap()))
        .collect();
    // Ten stories render it, three of them without the words asked for
    // ("... attacks on our crews", the tail; "would not tolerate").
    assert_eq!(stories.len(), 10, "{stories:?}");
    let groups: BTreeSet<&str> = v.as_array().unwrap().iter().filter_map(|c| c["group"].as_str()).collect();
    assert_eq!(groups.len(), 2, "the claim and the ceasefire sentence: {groups:?}");
}

#[test]
fn who_shows_how_far_each_claim_travelled() {
    let env = store();
    let v = env.run(["who", "Veyra", "--variants", "--format", "json"]).json();
    let rows = v["statements"].as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r["variants"]["stories"], 5, "{r:#}");
        assert!(r["variants"]["flags"].to_string().contains("paraphrase_in_quotes"), "{r:#}");
    }
    let text = env.run(["who", "Veyra", "--variants"]);
    assert!(text.ok().contains("STORIES"));
    // Without the flag, `who` is what it was.
    let plain = env.run(["who", "Veyra", "--format", "json"]).json();
    assert!(plain["statements"][0].get("variants").is_none());
}

#[test]
fn verify_checks_the_variant_index() {
    let env = store();
    env.run(["verify"]).ok();
    let db = env.sled();
    let (key, value) = db.scan_prefix(b"V").next().unwrap().unwrap();
    db.remove(&key).unwrap();
    // An entry for a statement whose wording has no such fingerprint.
    let mut forged = key.to_vec();
    forged[1] ^= 0xff;
    db.insert(forged, value).unwrap();
    db.flush().unwrap();
    drop(db);
    let r = env.run(["verify"]);
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(r.stdout.contains("is missing from the variant index"), "{}", r.stdout);
    assert!(r.stdout.contains("points nowhere (its wording has no such fingerprint)"), "{}", r.stdout);
}

#[test]
fn reanalyze_builds_the_index_of_a_store_made_before_it() {
    let env = store();
    let expected = env.run(["variants", "--limit", "0", "--format", "json"]).json();
    // A store made before the index: no entries, no marker.
    let db = env.sled();
    for kv in db.scan_prefix(b"V") {
        db.remove(kv.unwrap().0).unwrap();
    }
    db.remove(b"Mnear:v2").unwrap();
    db.flush().unwrap();
    drop(db);
    let before = env.store_snapshot();
    let r = env.run(["variants"]);
    assert!(r.err().contains("has no variant index yet"), "{}", r.stderr);
    assert!(r.stderr.contains("hint: run `claimtrail reanalyze`"), "{}", r.stderr);
    assert_eq!(env.store_snapshot(), before, "a refused query changes nothing");
    env.run(["verify"]).ok();
    let re = env.run(["reanalyze"]);
    assert!(re.ok().contains("built the variant index of"), "{}", re.stdout);
    env.run(["verify"]).ok();
    assert_eq!(env.run(["variants", "--limit", "0", "--format", "json"]).json(), expected);
}

#[test]
fn bad_queries_are_input_errors() {
    let env = store();
    let before = env.store_snapshot();
    let r = env.run(["variants", "--flag", "typo"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\"typo\" is not a flag"), "{}", r.stderr);
    let r = env.run(["variants", "zebra crossing"]);
    assert!(r.err().contains("no speaker or claim matches \"zebra crossing\""), "{}", r.stderr);
    assert_eq!(env.store_snapshot(), before);
    let empty = Env::new();
    assert!(empty.run(["variants"]).err().contains("the store is empty"));
}

#[test]
fn help_teaches_the_flags() {
    let env = Env::new();
    let help = env.run(["variants", "--help"]);
    let text = help.ok();
    for word in
        ["wording", "truncated", "paraphrase_in_quotes", "misattributed", "unquoted", "--misattributed", "Examples:"]
    {
        assert!(text.contains(word), "{word}: {text}");
    }
}

/// Three invented reports of one quote, two of which give it to the wrong
/// person.
fn reports() -> Env {
    let env = Env::new();
    let reports = [
        ("quay-gazette", "2026-05-02T09:00Z", "Gen. Tomas Varga"),
        ("pier-courier", "2026-05-02T10:00Z", "Gen. Tomas Varga"),
        ("dock-weekly", "2026-05-02T11:00Z", "Harbour Minister Petra Hale"),
    ];
    for (story, at, speaker) in reports {
        let text = format!(
            "Kessby repairs promised\n\n\"Every pier in Kessby will be rebuilt before the first frost,\" {speaker} said on Friday.\n\nThe storm closed the harbour for a week.\n"
        );
        let file = env.file(&format!("{story}.txt"), text);
        env.run(["record", story, file.to_str().unwrap(), "--at", at]).ok();
    }
    env
}

/// The stories whose rendering of the Kessby quote is flagged misattributed.
fn misattributed(env: &Env) -> BTreeSet<String> {
    let out = env.run(["variants", "rebuilt before the first frost", "--format", "json"]);
    out.ok();
    out.json()["groups"][0]["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["flags"].as_array().unwrap().iter().any(|f| f == "misattributed"))
        .map(|m| m["story"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn without_a_primary_source_most_renderings_decide_who_said_it() {
    let env = reports();
    assert_eq!(misattributed(&env), BTreeSet::from(["dock-weekly".to_string()]));
}

#[test]
fn a_primary_source_comes_first_and_decides_who_said_it() {
    let env = reports();
    // The official statement, recorded last, as a primary source.
    let statement = env.file(
        "statement.txt",
        "Statement on the Kessby harbour\n\nHarbour Minister Petra Hale said: \"Every pier in Kessby will be rebuilt before the first frost.\"\n",
    );
    let at = ["--at", "2026-05-02T15:00Z", "--primary", "statement"];
    env.run(["record", "ministry-statement", statement.to_str().unwrap(), at[0], at[1], at[2], at[3]]).ok();
    let out = env.run(["variants", "rebuilt before the first frost", "--format", "json"]);
    out.ok();
    let v = out.json();
    let members = v["groups"][0]["members"].as_array().unwrap();
    assert_eq!(members.len(), 4, "{v:#}");
    // Recorded last, listed first: every report is measured against it.
    assert_eq!(members[0]["story"], "ministry-statement");
    assert_eq!(members[0]["primary"], "statement");
    assert!(members[1..].iter().all(|m| m["primary"].is_null()));
    // Two reports of three give the quote to the general; the statement
    // says the minister said it, so theirs are the misattributions.
    let wrong = BTreeSet::from(["quay-gazette".to_string(), "pier-courier".to_string()]);
    assert_eq!(misattributed(&env), wrong);
    let text = env.run(["variants", "rebuilt before the first frost"]);
    assert!(text.ok().contains("primary source (statement)"), "{}", text.ok());
    // `show` lists the mark with the revision's metadata.
    assert!(env.run(["show", "ministry-statement"]).ok().contains("statement"));
}

/// Six invented reports of one quote: two drop a word, one gives it to
/// another speaker. More than `--members` of them.
fn copies() -> Env {
    let env = Env::new();
    let reports = [
        ("quay-gazette", "09", "Gen. Tomas Varga", "rebuilt before the first frost"),
        ("pier-courier", "10", "Gen. Tomas Varga", "rebuilt before the first frost"),
        ("dock-weekly", "11", "Gen. Tomas Varga", "rebuilt before the frost"),
        ("harbour-news", "12", "Gen. Tomas Varga", "rebuilt before the frost"),
        ("ferry-post", "13", "Harbour Minister Petra Hale", "rebuilt before the first frost"),
        ("tide-times", "14", "Gen. Tomas Varga", "rebuilt before the first frost"),
    ];
    for (story, hour, speaker, words) in reports {
        let text = format!(
            "Kessby repairs promised\n\n\"Every pier in Kessby will be {words},\" {speaker} said on Friday.\n\nThe storm closed the harbour for a week.\n"
        );
        let file = env.file(&format!("{story}.txt"), text);
        env.run(["record", story, file.to_str().unwrap(), "--at", &format!("2026-05-02T{hour}:00Z")]).ok();
    }
    env
}

/// The stories a group lists, in order, and its totals.
fn listed(v: &Value) -> (Vec<String>, &Value, &Value, &Value) {
    let g = &v["groups"][0];
    let stories = g["members"].as_array().unwrap().iter().map(|m| m["story"].as_str().unwrap().to_string()).collect();
    (stories, &g["members_total"], &g["stories_total"], &g["flag_counts"])
}

#[test]
fn a_group_larger_than_the_cap_lists_the_earliest_and_counts_the_rest() {
    let env = copies();
    let query = ["variants", "Every pier in Kessby", "--format", "json"];
    let all = env.run([&query[..], &["--members", "0"][..]].concat());
    let all = all.json();
    let (stories, total, in_stories, counts) = listed(&all);
    assert_eq!(stories.len(), 6, "{all:#}");
    // Nothing was left out: the group reads as it always has.
    assert!(total.is_null() && in_stories.is_null() && counts.is_null(), "{all:#}");
    assert_eq!(env.run(query).json(), all, "six renderings are under the default cap");

    let capped = env.run([&query[..], &["--members", "2"][..]].concat());
    let capped = capped.json();
    let (stories, total, in_stories, counts) = listed(&capped);
    // The two earliest, then the earliest of each flag they lack: the
    // first dropped word and the misattribution beyond the cap are kept.
    assert_eq!(stories, ["quay-gazette", "pier-courier", "dock-weekly", "ferry-post"], "{capped:#}");
    assert_eq!((total, in_stories), (&Value::from(6), &Value::from(6)));
    assert_eq!(counts, &serde_json::json!({"wording": 2, "misattributed": 1}));
    // Listed or not, each rendering is flagged as in the whole group.
    let whole: Vec<&Value> = all["groups"][0]["members"].as_array().unwrap().iter().collect();
    for m in capped["groups"][0]["members"].as_array().unwrap() {
        assert!(whole.contains(&m), "{m:#}");
    }

    let text = env.run(["variants", "Every pier in Kessby", "--members", "2"]).ok().to_string();
    assert!(text.starts_with("group "), "{text}");
    assert!(text.contains("6 renderings in 6 stories; flags: wording, misattributed"), "{text}");
    assert!(text.contains("… and 2 more renderings in 2 more stories; 1 wording (--members 0 lists them)"), "{text}");
    assert!(!env.run(["variants", "Every pier in Kessby", "--members", "0"]).ok().contains("more renderings"));
    // Filters see every rendering, listed or not.
    let misattributed = env.run(["variants", "Every pier in Kessby", "--members", "1", "--misattributed"]);
    assert!(misattributed.ok().contains("ferry-post"));
}

/// A quote, a report of it, and two different sentences that each hold
/// the quote's words: the quote is a "part" of both sentences, which must
/// not make them, or it, one claim (on real coverage such phrases chained
/// a hundred different sentences into one group).
#[test]
fn a_quote_two_different_sentences_hold_joins_neither() {
    let env = Env::new();
    let reports = [
        ("bay-herald", "\"The harbour bridge will close to lorries in May,\" Mayor Ines Kolb said on Monday."),
        ("quay-post", "Kolb said the harbour bridge would close to lorries in May."),
        (
            "dock-times",
            "The council voted on Tuesday that the harbour bridge will close to lorries in May, and hauliers protested outside.",
        ),
        (
            "pier-news",
            "Residents of the old town learned from a council leaflet on Friday that the harbour bridge will close to lorries in May.",
        ),
    ];
    for (i, (story, text)) in reports.into_iter().enumerate() {
        let file = env.file(&format!("{story}.txt"), format!("Harbour news\n\n{text}\n"));
        env.run(["record", story, file.to_str().unwrap(), "--at", &format!("2026-05-0{}T09:00Z", i + 1)]).ok();
    }
    let v = env.run(["variants", "--all", "--limit", "0", "--format", "json"]).json();
    let stories: Vec<BTreeSet<String>> =
        groups(&v).into_iter().map(|g| g.into_iter().map(|(story, _)| story).collect()).collect();
    assert_eq!(stories, vec![BTreeSet::from(["bay-herald".to_string(), "quay-post".to_string()])], "{v:#}");
    // The mayor by surname is the mayor.
    assert!(!v.to_string().contains("misattributed"), "{v:#}");
}

#[test]
fn with_no_argument_a_small_store_is_looked_at_whole() {
    let env = store();
    let v = env.run(["variants", "--limit", "1000", "--format", "json"]).json();
    assert_eq!(v["scope"]["complete"], true, "{}", v["scope"]);
    assert_eq!(v["scope"]["stories"], 22);
    // `--all` walks the index instead of seeding from stories: the same
    // groups; so does asking for every group (`--limit 0`).
    let all = env.run(["variants", "--all", "--limit", "0", "--format", "json"]).json();
    assert_eq!(groups(&all), groups(&v));
    assert!(all.get("scope").is_none());
    let every = env.run(["variants", "--limit", "0", "--format", "json"]).json();
    assert_eq!(every, all);
}

/// Invented words: the quotes of the big-store test are drawn from them.
const WORDS: [&str; 24] = [
    "amber", "basalt", "cinder", "dune", "ember", "fjord", "glacier", "heath", "inlet", "juniper", "kelp", "lagoon",
    "marsh", "nettle", "orchard", "pumice", "quarry", "reef", "shale", "thistle", "upland", "valley", "willow",
    "yarrow",
];

#[test]
fn with_no_argument_a_big_store_shows_the_groups_of_its_newest_stories() {
    // 24 invented stories of 24 quotes each (576 statements, over the 500
    // a no-argument query seeds from), every quote its own words; the
    // newest story also carries a quote first printed by the oldest.
    let env = Env::new();
    let root = env.dir.path().join("stories");
    let shared = "\"The lighthouse keeper's cottage will reopen as a museum in spring,\" said Mayor Ilse Brandt.";
    let mut seed: u64 = 7;
    let mut word = || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        WORDS[(seed >> 33) as usize % WORDS.len()]
    };
    for s in 0..24 {
        let dir = root.join(format!("outlet-{s:02}"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut text = format!("Harbour notes {s}\n\n");
        for _ in 0..24 {
            let quote: Vec<&str> = (0..7).map(|_| word()).collect();
            text.push_str(&format!(
                "\"The {} was {},\" said Warden {} Osei.\n\n",
                quote[..4].join(" "),
                quote[4..].join(" "),
                s
            ));
        }
        if s == 0 || s == 23 {
            text.push_str(shared);
            text.push('\n');
        }
        std::fs::write(dir.join(format!("01-2026-06-{:02}T{:02}00Z.txt", 1 + s / 24, s % 24)), text).unwrap();
    }
    env.run(["import", "--quiet", root.to_str().unwrap()]).ok();
    let v = env.run(["variants", "--limit", "1000", "--format", "json"]).json();
    let scope = &v["scope"];
    assert_eq!(scope["complete"], false, "{scope}");
    assert_eq!(scope["stories_total"], 24);
    assert!(scope["stories"].as_u64().unwrap() < 24, "{scope}");
    // The newest story's quote is followed back to the oldest story.
    let found = groups(&v);
    let museum: Vec<&Vec<(String, String)>> =
        found.iter().filter(|g| g.iter().any(|(_, c)| c.contains("lighthouse keeper"))).collect();
    assert_eq!(museum.len(), 1, "{found:#?}");
    let stories: BTreeSet<&str> = museum[0].iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(stories, BTreeSet::from(["outlet-00", "outlet-23"]));
    let text = env.run(["variants"]);
    assert!(text.ok().contains("most recently updated of 24 stories; `--all` walks the whole store"), "{}", text.ok());
    // Every group asked for: the whole store, with nothing left out.
    let every = env.run(["variants", "--limit", "0", "--format", "json"]).json();
    assert!(every.get("scope").is_none(), "{every}");
    assert_eq!(groups(&every), groups(&env.run(["variants", "--all", "--limit", "0", "--format", "json"]).json()));
    // At most `--limit` groups, and the text says there may be more.
    let one = env.run(["variants", "--limit", "1", "--format", "json"]).json();
    assert_eq!(one["groups"].as_array().map(Vec::len), Some(1), "{one}");
    let text = env.run(["variants", "--limit", "1"]);
    assert!(text.ok().contains("… more may match: --limit 10 or --limit 0 shows them"), "{}", text.ok());
    // A speaker quoted in more than that: the newest stories quoting them.
    let v = env.run(["variants", "Osei", "--limit", "0", "--format", "json"]).json();
    assert_eq!(v["scope"]["complete"], false, "{}", v["scope"]);
    assert_eq!(v["scope"]["stories_total"], 24, "{}", v["scope"]);
    let text = env.run(["variants", "Osei"]);
    assert!(text.ok().contains("most recently updated of the 24 stories quoting them"), "{}", text.ok());
    // A query and --all do not go together.
    let both = env.run(["variants", "--all", "lighthouse"]);
    assert_eq!(both.code, 2, "{}", both.stderr);
}
