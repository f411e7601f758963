//! `claimtrail extract` on files and standard input.

use crate::util::{Env, example};

/// The statement of `extract --format json` output whose content holds
/// `snippet`.
fn statement_with<'a>(j: &'a serde_json::Value, snippet: &str) -> &'a serde_json::Value {
    j["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["content"].as_str().unwrap().contains(snippet))
        .unwrap_or_else(|| panic!("no statement with {snippet:?}: {j:#}"))
}

#[test]
fn extract_json_has_the_contract_fields() {
    let env = Env::new();
    let j = env.run(["extract", "--format", "json", example("01-first.txt").to_str().unwrap()]).json();
    let st = &j["statements"][0];
    for key in ["index", "paragraph", "content", "text", "attribution", "cue", "speaker", "hash", "span"] {
        assert!(st.get(key).is_some(), "statement lacks {key}: {st}");
    }
    assert!(j["speakers"].is_array());
    assert!(j["document"]["paragraphs"].is_array());
    assert!(!env.store().exists(), "extract never touches a store");
}

#[test]
fn extract_reads_standard_input() {
    let env = Env::new();
    let j = env.run_stdin(["extract", "--format", "json"], "The sky is blue.\n").json();
    assert_eq!(j["statements"][0]["content"], "The sky is blue.");
    assert_eq!(j["statements"][0]["attribution"], "unattributed");
}

/// Every construction the extractor must handle, on sentences written for
/// these tests: (text, a snippet of the content, expected speaker name or
/// None, expected attribution).
#[test]
fn constructions() {
    let cases: &[(&str, &str, Option<&str>, &str)] = &[
        // Quote first, speaker after, cue inverted.
        ("“The bridge will reopen on Monday,” said Mayor Ana Ruiz.", "bridge will reopen", Some("Ana Ruiz"), "direct"),
        // Speaker first.
        ("Mayor Ana Ruiz said: “The bridge will reopen on Monday.”", "bridge will reopen", Some("Ana Ruiz"), "direct"),
        // Reported speech.
        (
            "The transport ministry said the bridge would reopen on Monday.",
            "the bridge would reopen",
            Some("transport ministry"),
            "indirect",
        ),
        // According to, before and after.
        (
            "According to the fire service, the blaze started in a kitchen.",
            "the blaze started",
            Some("fire service"),
            "according_to",
        ),
        (
            "The blaze started in a kitchen, according to the fire service.",
            "The blaze started",
            Some("fire service"),
            "according_to",
        ),
        // Anonymous source.
        (
            "The talks collapsed late on Friday, a senior diplomat said.",
            "talks collapsed",
            Some("diplomat"),
            "indirect",
        ),
        // A refusal.
        (
            "Police Chief Omar Haddad declined to say whether arrests had been made.",
            "whether arrests",
            Some("Omar Haddad"),
            "declined",
        ),
        // The outlet's own assertion.
        ("Heavy rain fell across the region overnight.", "Heavy rain fell", None, "unattributed"),
        // A quantity after the cue is no prepositional phrase.
        (
            "Officials said at least 200 trees fell across the county.",
            "at least 200 trees",
            Some("officials"),
            "indirect",
        ),
        // A party label alone after the name.
        ("Gov. Ann Lister (D) said Tuesday that aid was coming.", "aid was coming", Some("Ann Lister"), "indirect"),
        // The paper that obtained a document is not its source.
        (
            "According to a police report obtained by the Ledger, the driver was not speeding.",
            "the driver was not speeding",
            Some("police report"),
            "according_to",
        ),
        // No answer to the outlet's question is a refusal.
        (
            "The water board did not immediately respond to a request for comment on Wednesday.",
            "did not immediately respond",
            Some("water board"),
            "declined",
        ),
        ("Ann Roe could not be reached for comment.", "could not be reached", Some("Ann Roe"), "declined"),
        // "warned residents to stay": an object and its infinitive, not an
        // inverted speaker.
        (
            "The county's emergency manager, Luis Ortega, warned residents to stay off the roads.",
            "residents to stay",
            Some("Luis Ortega"),
            "indirect",
        ),
    ];
    let env = Env::new();
    for (text, snippet, speaker, attribution) in cases {
        let j = env.run_stdin(["extract", "--format", "json"], text).json();
        let st = j["statements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["content"].as_str().unwrap().contains(snippet))
            .unwrap_or_else(|| panic!("{text}: no statement holds {snippet:?}: {j:#}"));
        assert_eq!(st["attribution"], *attribution, "{text}: {st:#}");
        match speaker {
            None => assert!(st["speaker"].is_null(), "{text}: {st:#}"),
            Some(name) => {
                let got = st["speaker"]["name"].as_str().unwrap_or_default();
                assert!(got.contains(name), "{text}: speaker {got:?}, expected {name:?}");
            }
        }
        // Content leaves out the attribution frame.
        assert!(!st["content"].as_str().unwrap().contains(" said"), "{text}: {st:#}");
    }
}

#[test]
fn split_quotes_pronouns_and_continued_paragraphs_resolve_to_one_person() {
    let env = Env::new();
    let story = "Harbour Master Lena Fischer said the port would stay open.\n\n\
“We are watching the wind,” she said. “If it turns, we close.”\n\n\
“Nobody will sail tonight.”\n\n\
Fischer added that ferries were already tied up.";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    let by = |snippet: &str| statement_with(&j, snippet);
    for snippet in
        ["port would stay open", "watching the wind", "If it turns", "Nobody will sail", "ferries were already"]
    {
        assert_eq!(by(snippet)["speaker"]["name"], "Lena Fischer", "{snippet}: {:#}", by(snippet));
    }
    assert_eq!(by("watching the wind")["speaker"]["mention"], "she");
    let fischer = j["speakers"].as_array().unwrap().iter().find(|s| s["name"] == "Lena Fischer").unwrap();
    assert_eq!(fischer["role"], "Harbour Master");
}

#[test]
fn anonymity_reasons_links_and_update_notices() {
    let env = Env::new();
    let story = "The plant will close next year, an official said. The official spoke on condition of anonymity because the decision had not been announced.\n\n\
https://example.com/statement/123\n\n\
We will continue to update this story as more information becomes available.";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    assert_eq!(j["developing"], true);
    assert!(j["references"].as_array().unwrap().iter().any(|r| r == "https://example.com/statement/123"), "{j:#}");
    assert!(
        !j["statements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["content"].as_str().unwrap().contains("continue to update"))
    );
    let official =
        j["speakers"].as_array().unwrap().iter().find(|s| s["kind"] == "anonymous").expect("an anonymous source");
    assert_eq!(official["anonymity_reason"], "the decision had not been announced");
}

#[test]
fn unbalanced_quotes_degrade_locally() {
    let env = Env::new();
    let story = "“This quote never closes, the mayor said.\n\n\
The council voted on Tuesday.\n\n\
“We will appeal,” said lawyer Rosa Santos.";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    let statements = j["statements"].as_array().unwrap();
    assert!(statements.iter().any(|s| s["content"].as_str().unwrap().contains("council voted")), "{j:#}");
    let appeal =
        statements.iter().find(|s| s["content"].as_str().unwrap().contains("We will appeal")).expect("the later quote");
    assert_eq!(appeal["speaker"]["name"], "Rosa Santos");
}

/// Issue 13 items 1 and 3 and issue 14's speakers, through the binary: a
/// subject naming several people gives the statement to each (`speaker`
/// first, the rest in `co_speakers`), titles and post-nominals go to the
/// role, a person introduced by a description first is who "she" is, and a
/// pronoun with no one to point to says so.
#[test]
fn several_speakers_titles_and_introductions_in_json() {
    let env = Env::new();
    let story = "Harbour talks fail\n\n\
        He said nothing had changed.\n\n\
        Defence Secretary Dr. Mark T. Vellen and Gen. Ross Milford said the talks had failed.\n\n\
        Sen. Ed Marks, D-Mass., said the bill was alive.\n\n\
        The council's pick for harbour master, Rep. Nadia Brook, R-Ga., arrived on Friday. \
        She said the berths would reopen.\n";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    let by_content = |c: &str| {
        j["statements"].as_array().unwrap().iter().find(|s| s["content"] == c).unwrap_or_else(|| panic!("{c}: {j}"))
    };
    let s = by_content("the talks had failed");
    assert_eq!(s["speaker"]["name"], "Mark T. Vellen");
    assert_eq!(s["speaker"]["role"], "Defence Secretary Dr.");
    assert_eq!(s["co_speakers"][0]["name"], "Ross Milford");
    assert_eq!(s["co_speakers"][0]["role"], "Gen.");
    let s = by_content("the bill was alive");
    assert_eq!(
        (s["speaker"]["name"].as_str(), s["speaker"]["role"].as_str()),
        (Some("Ed Marks"), Some("Sen., D-Mass."))
    );
    assert!(s.get("co_speakers").is_none(), "one speaker, no co_speakers field: {s}");
    let s = by_content("the berths would reopen");
    assert_eq!((s["speaker"]["name"].as_str(), s["speaker"]["mention"].as_str()), (Some("Nadia Brook"), Some("She")));
    let s = by_content("nothing had changed");
    assert_eq!((s["speaker"]["name"].as_str(), s["speaker"]["mention"].as_str()), (Some("unresolved"), Some("He")));
    let names: Vec<&str> = j["speakers"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(!names.iter().any(|n| ["He", "he", "Milford", "Dr."].contains(n)), "{names:?}");
}

/// Issue 13 item 3 through the binary: each construction of several
/// speakers in one subject gives `speaker` the first person and
/// `co_speakers` each other one, never one person named after the last
/// word with the rest as a role; an anonymous plural stays one group.
#[test]
fn several_speakers_in_one_subject_each_get_the_statement() {
    let env = Env::new();
    let story = "Harbour strike ends\n\n\
        Vellen and Milford said the strike was lawful.\n\n\
        Sens. Amy Clark, Bob Dunn and Carl Eng said the bill would pass.\n\n\
        Harbour and coastguard officials said the convoy had been hit.\n\n\
        Ann Roe, a senator, and Tom Eck said the vote would be delayed.\n\n\
        Jeff Marks (D-Ore.), Sam Brown (D-Ohio) and Ron Mena (D-N.J.) all suggested that the claims were weak.\n";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    let people = |c: &str| -> Vec<(String, String)> {
        let s = j["statements"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["content"] == c)
            .unwrap_or_else(|| panic!("{c}: {j:#}"));
        let co = s.get("co_speakers").and_then(|v| v.as_array()).cloned().unwrap_or_default();
        std::iter::once(&s["speaker"])
            .chain(co.iter())
            .map(|p| (p["name"].as_str().unwrap().to_string(), p["role"].as_str().unwrap_or("").to_string()))
            .collect()
    };
    let want = |v: &[(&str, &str)]| v.iter().map(|(n, r)| (n.to_string(), r.to_string())).collect::<Vec<_>>();
    assert_eq!(people("the strike was lawful"), want(&[("Vellen", ""), ("Milford", "")]));
    assert_eq!(
        people("the bill would pass"),
        want(&[("Amy Clark", "Sen."), ("Bob Dunn", "Sen."), ("Carl Eng", "Sen.")])
    );
    assert_eq!(people("the convoy had been hit"), want(&[("Harbour and coastguard officials", "")]));
    assert_eq!(people("the vote would be delayed"), want(&[("Ann Roe", "senator"), ("Tom Eck", "")]));
    assert_eq!(
        people("the claims were weak"),
        want(&[("Jeff Marks", "D-Ore."), ("Sam Brown", "D-Ohio"), ("Ron Mena", "D-N.J.")])
    );
    // No speaker is one of the others' roles or a fragment of the list.
    for s in j["speakers"].as_array().unwrap() {
        let role = s["role"].as_str().unwrap_or("");
        assert!(!role.contains(" and") && !role.contains(','), "{s}");
    }
}

/// A question or exclamation closing a quotation, then a named speaker and
/// a cue, is that speaker's: once the sentence was cut after the mark and
/// the quotation went to whoever spoke before.
#[test]
fn a_quoted_question_goes_to_the_name_after_it_not_the_last_speaker() {
    let env = Env::new();
    let story = "Pier vote\n\n\u{201C}We will appeal,\u{201D} Ann Roe said.\n\n\
        \u{201C}How many times must we vote on this?\u{201D} Ben Hale asked at the meeting.\n";
    let j = env.run_stdin(["extract", "--format", "json"], story).json();
    let s = j["statements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["content"] == "How many times must we vote on this?")
        .unwrap_or_else(|| panic!("{j:#}"));
    assert_eq!(s["speaker"]["name"], "Ben Hale");
    assert_eq!(s["cue"], "asked");
}

/// Lines a page's text keeps when it is copied or scraped without its
/// markup: picture and wire credits, rights notices, date stamps, buttons.
/// None of them is a claim; the article's sentences around them stay.
#[test]
fn credits_stamps_and_rights_notices_in_plain_text_are_no_claims() {
    let env = Env::new();
    let text = "\
Hill fire forces 300 from their homes

Published 3 hours ago

Updated 12:03 PM ET, Tue March 3, 2026

Listen to this article \u{00B7} 4:12 min

Image source, Getty Images

Image caption, Firefighters worked through the night above the town

The fire has burned 4,000 acres, the county said.

Photo by Jane Roe/The Valley Ledger

AFP via Getty Images

Three schools will stay closed, the health department said.

Share on Facebook Share on Twitter

Reporting by Jane Roe; Editing by John Doe

Copyright 2026 The Valley Ledger. All rights reserved.

This material may not be published, broadcast, rewritten or redistributed.

Get the latest news delivered to your inbox.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let contents: Vec<&str> =
        j["statements"].as_array().unwrap().iter().map(|s| s["content"].as_str().unwrap()).collect();
    assert_eq!(
        contents,
        ["Hill fire forces 300 from their homes", "The fire has burned 4,000 acres", "Three schools will stay closed"]
    );
    let speaker = |i: usize| j["statements"][i]["speaker"]["name"].as_str().unwrap().to_string();
    assert_eq!(speaker(1), "county");
    assert_eq!(speaker(2), "health department");
}

/// "The health department said" after "the fire department said" is
/// another body: a description's own word before its head tells it from
/// the speaker named before (the bare "the department" is the last one).
#[test]
fn a_department_named_by_another_word_is_not_the_one_before() {
    let env = Env::new();
    let text = "\
The fire has burned 4,000 acres, the fire department said on Monday.

Three schools will stay closed, the health department said.

The department said the air was unsafe for children.

The county sheriff said two roads were closed. The deputy sheriff said more would close.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let names: Vec<&str> =
        j["statements"].as_array().unwrap().iter().map(|s| s["speaker"]["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        ["fire department", "health department", "health department", "county sheriff", "deputy sheriff"]
    );
    let kinds: Vec<&str> =
        j["statements"].as_array().unwrap().iter().map(|s| s["speaker"]["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["organization", "organization", "organization", "person", "person"]);
}

/// Wire-service frames: an agency quoting someone names the one quoted, a
/// recipient after "told" is not the speaker, a quantity before "of"
/// stays in the speaker's name, and a statement accusing someone is its
/// issuer's.
#[test]
fn wire_frames_name_the_one_quoted() {
    let env = Env::new();
    let text = "\
Border Crossing Reopens

State media quoted Omar Farid as saying the border would reopen on Sunday.

The agency quoted a military source as saying that the convoy had turned back.

Lena Fischer, the harbour spokeswoman, told AFP by telephone that the pier had collapsed.

“Positions will soften,” Mayor Ana Ruiz’s chief of staff, Tom Berg, told reporters.

One of the mayor’s aides said the vote would be delayed.

“Is the bridge safe?” asked Sen. Maria Ortiz.

The Harbour Authority issued a statement accusing the contractor of cutting corners.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let by = |snippet: &str| statement_with(&j, snippet);
    for (snippet, name, content) in [
        ("border would reopen", "Omar Farid", "the border would reopen on Sunday"),
        ("convoy had turned", "military source", "the convoy had turned back"),
        ("pier had collapsed", "Lena Fischer", "the pier had collapsed"),
        ("Positions will soften", "Tom Berg", "Positions will soften"),
        ("vote would be delayed", "one of the mayor’s aides", "the vote would be delayed"),
        ("bridge safe", "Maria Ortiz", "Is the bridge safe?"),
        ("cutting corners", "Harbour Authority", "the contractor of cutting corners"),
    ] {
        let s = by(snippet);
        assert_eq!(s["speaker"]["name"], name, "{snippet}: {s:#}");
        assert_eq!(s["content"], content, "{snippet}: {s:#}");
    }
    assert_eq!(by("convoy had turned")["speaker"]["kind"], "anonymous");
}

/// "Neither A nor B responded to requests for comment": both refused, and
/// the statement keeps its negation.
#[test]
fn neither_nor_no_answer_is_each_ones_refusal() {
    let env = Env::new();
    let text = "\
Pier Closed After Collapse

Neither Lena Fischer nor the city engineer responded to requests for comment on Tuesday.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let refusals: Vec<(&str, &str)> = j["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["attribution"] == "declined")
        .map(|s| (s["speaker"]["name"].as_str().unwrap(), s["content"].as_str().unwrap()))
        .collect();
    let content = "Neither Lena Fischer nor the city engineer responded to requests for comment on Tuesday";
    assert_eq!(refusals, [("Lena Fischer", content), ("city engineer", content)]);
}

/// An anonymous source is its head noun ("the council" is not the
/// council's spokesperson but the council), and an age before a name is
/// no part of it.
#[test]
fn heads_and_ages_of_described_speakers() {
    let env = Env::new();
    let text = "\
Tower Block Cladding Unsafe

A Harbour Council spokesperson said the cladding would be replaced.

The spokesperson said work would start in May.

The council has previously said it followed all government guidance.

Her neighbour, 74-year-old Frank Mills, added: “It is a disgrace.”
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let names: Vec<&str> = j["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["speaker"].is_null())
        .map(|s| s["speaker"]["name"].as_str().unwrap())
        .collect();
    // ("The council" is the Harbour Council the article named.)
    assert_eq!(
        names,
        ["Harbour Council spokesperson", "Harbour Council spokesperson", "Harbour Council", "Frank Mills"]
    );
}

/// A person known by a common noun ("the port authority's lawyer", "her
/// neighbour") is a person, and "she" after it still goes back to the
/// woman the article named.
#[test]
fn people_known_by_a_common_noun_are_people() {
    let env = Env::new();
    let text = "\
Pier Dispute

Ann Roe said the pier was unsafe.

The port authority's lawyer said the claim was false.

She said she would sue.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let speakers: Vec<(&str, &str)> = j["statements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| !s["speaker"].is_null())
        .map(|s| (s["speaker"]["name"].as_str().unwrap(), s["speaker"]["kind"].as_str().unwrap()))
        .collect();
    assert_eq!(speakers, [("Ann Roe", "person"), ("port authority's lawyer", "person"), ("Ann Roe", "person")]);
}

/// Bodies named "X for Y" and data from them are organisations; a
/// participle phrase between a source and its cue is no role.
#[test]
fn bodies_data_and_participle_phrases() {
    let env = Env::new();
    let text = "\
Harbour Traffic Falls

The Centers for Harbour Safety and Prevention said traffic fell by a third.

Data from the Office for Coastal Statistics show freight fell too.

Centers for Harbour Safety Director Lena Fischer said the pier would reopen.

Two people familiar with the inquiry, speaking on condition of anonymity because they were not authorized to discuss it, said the pilot had been suspended.

Ann Roe, speaking at a rally on Friday, said the port would recover.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let speaker = |snippet: &str| {
        let s = statement_with(&j, snippet);
        (s["speaker"]["name"].as_str().unwrap_or("-"), s["speaker"]["kind"].as_str().unwrap_or("-"))
    };
    assert_eq!(speaker("traffic fell"), ("Centers for Harbour Safety and Prevention", "organization"));
    assert_eq!(speaker("freight fell"), ("Data from the Office for Coastal Statistics", "organization"));
    assert_eq!(speaker("pier would reopen"), ("Lena Fischer", "person"));
    assert_eq!(speaker("pilot had been suspended"), ("people familiar with the inquiry", "anonymous"));
    assert_eq!(speaker("port would recover"), ("Ann Roe", "person"));
    let people = j["speakers"].as_array().unwrap().iter().find(|s| s["name"] == "people familiar with the inquiry");
    assert_eq!(people.unwrap()["anonymity_reason"], "they were not authorized to discuss it");
    let roe = j["speakers"].as_array().unwrap().iter().find(|s| s["name"] == "Ann Roe").unwrap();
    assert!(roe["role"].is_null(), "a participle phrase is no role: {roe:#}");
}

/// "The congressman" is the one the article titled "Rep.", a common noun
/// before a full name is a title, and declining to give details is a
/// refusal.
#[test]
fn titles_resolve_descriptions() {
    let env = Env::new();
    let text = "\
Port Strike Enters Second Week

The governor's pick for labor secretary, Rep. Lou Tanner, R-Ohio, visited the docks on Monday.

The congressman said both sides needed to compromise.

Dockworker Sam Patel said he could not afford another week without pay.

A port spokesman said an offer had been made. The spokesman declined to give details.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let speaker = |snippet: &str| statement_with(&j, snippet)["speaker"]["name"].as_str().unwrap_or("-").to_string();
    assert_eq!(speaker("needed to compromise"), "Lou Tanner");
    assert_eq!(speaker("could not afford"), "Sam Patel");
    let refusal = statement_with(&j, "give details");
    assert_eq!(
        (refusal["attribution"].as_str(), refusal["speaker"]["name"].as_str()),
        (Some("declined"), Some("port spokesman"))
    );
}

/// Breaking-news copy: a spelled-out count before "police say", a
/// recipient "local media", "said in a statement it was …", and a company
/// named by its kind ("Properties") is an organisation.
#[test]
fn breaking_news_frames() {
    let env = Env::new();
    let text = "\
Gunman Opens Fire at Shopping Centre

At least four people were injured on Saturday afternoon, police say.

Witnesses told local media they heard up to ten shots.

The shopping centre's owner, Castlegate Properties, said in a statement it was cooperating fully with police.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let injured = statement_with(&j, "four people were injured");
    assert_eq!(injured["speaker"]["name"], "police", "{injured:#}");
    assert_eq!(statement_with(&j, "heard up to ten")["content"], "they heard up to ten shots");
    let owner = statement_with(&j, "cooperating fully");
    assert_eq!(owner["content"], "it was cooperating fully with police");
    assert_eq!(
        (owner["speaker"]["name"].as_str(), owner["speaker"]["kind"].as_str()),
        (Some("Castlegate Properties"), Some("organization"))
    );
}

/// "said one House Republican, who asked not to be named": the source is
/// unnamed whatever the phrase calls them.
#[test]
fn a_source_who_asks_not_to_be_named_is_anonymous() {
    let env = Env::new();
    let text = "\
Budget Deal Collapses

\"It's a gut punch,\" said one House Republican, who asked not to be named.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let s = statement_with(&j, "gut punch");
    assert_eq!(
        (s["speaker"]["name"].as_str(), s["speaker"]["kind"].as_str()),
        (Some("House Republican"), Some("anonymous")),
        "{s:#}"
    );
}

/// A broadcast transcript quoted paragraph by paragraph (`"WALLACE: Q`,
/// `"HALE: A`): each line is its speaker's, in their words, and a speaker
/// the story named before is the same person, not an organisation called
/// "HALE".
#[test]
fn transcript_lines_are_their_speakers() {
    let env = Env::new();
    let text = "\
Hale: Levee Was Never Inspected

On Sunday's broadcast, Senator Tom Hale said the levee had been neglected for years.

Partial transcript as follows:

\"WALLACE: Why did the levee fail?

\"HALE: Because nobody inspected it. That is the truth.

\"WALLACE: Will you hold hearings?

\"HALE: We will hold them in January.\"
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    let who = |snippet: &str| {
        let s = statement_with(&j, snippet);
        (
            s["speaker"]["name"].as_str().map(str::to_string),
            s["speaker"]["kind"].as_str().map(str::to_string),
            s["attribution"].as_str().map(str::to_string),
            s["content"].as_str().map(str::to_string),
        )
    };
    let row = |name: &str, content: &str| {
        (Some(name.to_string()), Some("person".to_string()), Some("direct".to_string()), Some(content.to_string()))
    };
    assert_eq!(who("levee fail"), row("Wallace", "Why did the levee fail?"));
    assert_eq!(who("nobody inspected"), row("Tom Hale", "Because nobody inspected it. That is the truth."));
    assert_eq!(who("hold hearings"), row("Wallace", "Will you hold hearings?"));
    assert_eq!(who("in January"), row("Tom Hale", "We will hold them in January."));
}

/// Readers' quotations, each signed with a dash and a name, one to a line
/// (the lines run together once read): every quotation is its signer's.
#[test]
fn quotations_signed_with_a_dash_are_their_signers() {
    let env = Env::new();
    let text = "\
Readers Tell Us What the Flood Cost Them

\u{201C}We lost the shop and the flat above it. Nobody came for three days.\u{201D} \u{2015} Maria Okonjo
\u{201C}The council knew the drains were blocked.\u{201D}\u{2015} Dev Patel
\u{201C}I have never been so frightened.\u{201D} \u{2015} Ellen Marsh.
";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    for (snippet, name) in
        [("lost the shop", "Maria Okonjo"), ("drains were blocked", "Dev Patel"), ("so frightened", "Ellen Marsh")]
    {
        let s = statement_with(&j, snippet);
        assert_eq!((s["speaker"]["name"].as_str(), s["attribution"].as_str()), (Some(name), Some("direct")), "{s:#}");
    }
    assert_eq!(statement_with(&j, "drains were blocked")["content"], "The council knew the drains were blocked.");
}

#[test]
fn utf8_once_read_as_windows_1252_is_repaired_and_the_user_is_told() {
    let env = Env::new();
    let file = env.file("castro.txt", "\"We will stay,\" JuliÃ¡n Castro said on Monday. It wasnâ€™t over.\n");
    let run = env.run(["extract", "--format", "json", file.to_str().unwrap()]);
    let j: serde_json::Value = serde_json::from_str(run.ok()).expect("json");
    assert_eq!(j["statements"][0]["speaker"]["name"], "Julián Castro");
    assert_eq!(j["statements"][1]["content"], "It wasn’t over.");
    assert!(
        run.stderr.contains("warning: ") && run.stderr.contains("castro.txt") && run.stderr.contains("repaired"),
        "stderr: {}",
        run.stderr
    );
    // Sound text draws no warning.
    let run = env.run_stdin(["extract"], "Ana said the pâte from SÃO PAULO was fine.\n");
    run.ok();
    assert!(run.stderr.is_empty(), "stderr: {}", run.stderr);
}

/// A page copied as text keeps one paragraph to a line with no blank line
/// between: readers' quotes, each signed after a dash, are each their
/// writer's (the first opened with a closing mark, as pages print them),
/// and no quote goes to the name that signs another.
#[test]
fn quotes_one_to_a_line_are_each_their_signers() {
    let env = Env::new();
    let text = "What readers told us about the ferry.\n\n\
        \u{201D}The crossing has been cancelled three times this month. Nobody at the council will say why it keeps happening.\u{201D} \u{2015} Maria Lopez\n\
        \u{201C}As a daily rider....I would rather swim than wait again for what the council calls \u{201C}service\u{201D} on this crossing.\u{201D} \u{2015} Tom Abbott\n\
        \u{201C}We need a timetable we can trust. Not another promise from people who have never once waited on the quay in the rain.\u{201D} \u{2015} Ruth Kane\n\
        \u{201C}We were promised a new boat by the spring. To quote the mayor \u{2018}a boat is coming soon.\u{201D} And all we got was \u{201C}a review of options\u{2019}.\u{201D} \u{2015} Sam Reed.\n";
    let j = env.run_stdin(["extract", "--format", "json"], text).json();
    for (snippet, name) in [("cancelled three times", "Maria Lopez"), ("timetable we can trust", "Ruth Kane")] {
        let st = statement_with(&j, snippet);
        assert_eq!(st["speaker"]["name"], name, "{st:#}");
        assert_eq!(st["attribution"], "direct", "{st:#}");
    }
    // A quotation inside the quotation costs its signature (the marks
    // cannot be paired), never someone else's name.
    for (snippet, name) in [("daily rider", "Tom Abbott"), ("promised a new boat", "Sam Reed")] {
        let st = statement_with(&j, snippet);
        assert!(st["speaker"].is_null() || st["speaker"]["name"] == name, "{st:#}");
    }
}
