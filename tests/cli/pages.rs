//! HTML pages as users give them to `extract`, `record` and `diff`: the
//! article text whatever the template, page metadata, and inputs shaped to
//! make the reader slow or misread them. The pages are written for these
//! tests (tests/fixtures/pages/), never copied from a real site.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::util::Env;

fn page(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages").join(name).display().to_string()
}

#[test]
fn same_article_in_two_templates_gives_no_claim_change() {
    // One story in a broadsheet template (reprint links, comment badge,
    // print-edition notice, author bio) and in an app template (share bar,
    // caption, related box, comment count, contact line).
    let env = Env::new();
    let broadsheet = page("tram-depot-broadsheet.html");
    let app = page("tram-depot-app.html");
    let out = env.run(["diff", broadsheet.as_str(), app.as_str()]);
    assert!(out.ok().contains("no claim changed"), "{}", out.stdout);
    let j = env.run(["diff", "--format", "json", broadsheet.as_str(), app.as_str()]).json();
    assert_eq!(j["changes"].as_array().map(Vec::len), Some(0), "{j}");
}

#[test]
fn page_metadata_lists_authors_and_keeps_the_dateline_out_of_the_text() {
    let env = Env::new();
    let j = env.run(["extract", "--format", "json", page("tram-depot-broadsheet.html").as_str()]).json();
    let doc = &j["document"];
    assert_eq!(doc["title"], "Tram depot plan shelved after cost review");
    assert_eq!(doc["authors"], serde_json::json!(["Priya Castellan", "Tomas Whitlow"]));
    assert_eq!(doc["dateline"], "NORTHGATE");
    assert_eq!(doc["language"], "en-GB");
    // The offset the page gave, not converted to UTC.
    assert_eq!(doc["published"], "2025-06-10T08:15:00+01:00");
    let first = doc["paragraphs"][0].as_str().unwrap();
    assert!(first.starts_with("The city council has shelved"), "{first}");
    let statement = j["statements"][0]["text"].as_str().unwrap();
    assert!(!statement.contains("NORTHGATE"), "{statement}");
    let text = doc["paragraphs"].to_string();
    for furniture in ["Order Reprints", "comments", "appears in print", "joined the paper"] {
        assert!(!text.contains(furniture), "{furniture:?} came along: {text}");
    }
}

/// Issue 15: a page's metadata (authors, dateline, language, times with
/// their offsets) was read by `extract` but not kept with the revision.
#[test]
fn recording_a_page_keeps_its_metadata_in_the_revision() {
    let env = Env::new();
    env.run(["record", "tram", page("tram-depot-broadsheet.html").as_str()]).ok();
    let meta = env.run(["show", "tram", "--format", "json"]).json()["revision"]["meta"].clone();
    assert_eq!(meta["authors"], "Priya Castellan; Tomas Whitlow");
    assert_eq!(meta["dateline"], "NORTHGATE");
    assert_eq!(meta["language"], "en-GB");
    assert_eq!(meta["published"], "2025-06-10T08:15:00+01:00");
    let text = env.run(["show", "tram"]).ok().to_string();
    assert!(text.contains("published 2025-06-10T08:15:00+01:00"), "{text}");
    env.run(["verify"]).ok();
}

/// Issue 15: a time given without an offset was reported as UTC.
#[test]
fn a_time_without_an_offset_is_reported_as_local() {
    let env = Env::new();
    let html = "<html><head><meta property=\"article:published_time\" content=\"2025-06-10T08:15\"></head>\
        <body><article><h1>Depot</h1><p>The council shelved the tram depot plan on Tuesday after a cost review, \
        the mayor said.</p><p>Work would have started in the spring, officials said at a briefing.</p></article></body></html>";
    let file = env.file("local.html", html);
    let j = env.run(["extract", "--format", "json", file.to_str().unwrap()]).json();
    assert_eq!(j["document"]["published"], "2025-06-10T08:15:00");
    env.run(["record", "depot", file.to_str().unwrap()]).ok();
    let text = env.run(["show", "depot"]).ok().to_string();
    assert!(text.contains("published 2025-06-10T08:15:00 (local time, offset unknown)"), "{text}");
}

#[test]
fn a_utf16_text_file_is_recorded_as_text_not_html() {
    let env = Env::new();
    let text = "The mayor said the bridge would reopen on Monday.\n\nCritics said the repairs were late.\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let file = env.file("statement.txt", bytes);
    env.run(["record", "bridge", file.to_str().unwrap()]).ok();
    let show = env.run(["show", "bridge"]);
    assert!(show.ok().contains("(text, "), "{}", show.stdout);
    let j = env.run(["extract", "--format", "json", file.to_str().unwrap()]).json();
    assert_eq!(j["document"]["paragraphs"][1], "Critics said the repairs were late.");
}

#[test]
fn hundred_thousand_nested_divs_are_read_in_linear_time() {
    // 1.1 MB that took minutes when the parser's work grew with the square
    // of the depth. Deeper than 512 the elements are flattened, the text kept.
    let env = Env::new();
    let n = 100_000;
    let sentence = "Officials confirmed the bridge will reopen on Monday after the repairs.";
    let html = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div>".repeat(n),
        format!("{sentence} ").repeat(3),
        "</div>".repeat(n)
    );
    let file = env.file("deep.html", html);
    let started = Instant::now();
    let j = env.run(["extract", "--format", "json", file.to_str().unwrap()]).json();
    // A generous bound for a debug build on a loaded machine; the figure
    // itself is in BENCHMARKS.md.
    assert!(started.elapsed() < Duration::from_secs(60), "took {:?}", started.elapsed());
    assert!(j["document"]["paragraphs"][0].as_str().unwrap().starts_with(sentence));
}
