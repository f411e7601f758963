//! `claimtrail track` against a local server: exactly the revisions that
//! changed the article are recorded; everything else is a logged check.

use std::time::Duration;

use crate::server::{Reply, Server};
use crate::util::{Env, example};

fn text(name: &str) -> Vec<u8> {
    std::fs::read(example(name)).unwrap()
}

fn revisions(env: &Env, story: &str) -> usize {
    let out = env.run(["--wait", "5", "log", story, "--format", "json"]);
    if out.stderr.contains("no story") {
        return 0;
    }
    out.json().as_array().map_or(0, Vec::len)
}

fn checks(env: &Env, story: &str) -> Vec<String> {
    let j = env.run(["--wait", "5", "log", story, "--checks", "--format", "json"]).json();
    // Newest first, as log lists them; oldest first here for reading.
    j.as_array().unwrap().iter().rev().map(|c| c["outcome"].as_str().unwrap().to_string()).collect()
}

fn track(env: &Env, url: &str, extra: &[&str]) -> crate::util::Run {
    let mut args = vec!["track", url, "--story", "harbor", "--retry-ms", "10"];
    args.extend_from_slice(extra);
    env.run(args)
}

#[test]
fn records_exactly_the_revisions_that_changed_the_article() {
    let env = Env::new();
    let server = Server::start();
    server.on(
        "/story",
        vec![Reply::ok("text/plain", text("01-first.txt")), Reply::ok("text/plain", text("02-update.txt"))],
    );
    let url = server.url("/story?utm_source=feed#top");
    let out = track(&env, &url, &[]);
    assert!(out.ok().contains("harbor: changed: revision 1 recorded"), "{}", out.stdout);
    let out = track(&env, &url, &[]);
    assert!(out.ok().contains("harbor: changed: revision 2 recorded:"), "{}", out.stdout);
    // The same page again: a check, not a revision.
    let out = track(&env, &url, &[]);
    assert!(out.ok().contains("harbor: unchanged"), "{}", out.stdout);
    assert_eq!(revisions(&env, "harbor"), 2);
    assert_eq!(checks(&env, "harbor"), vec!["changed", "changed", "unchanged"]);
    let list = env.run(["track", "--list", "--format", "json"]).json();
    assert_eq!(list[0]["url"], server.url("/story"), "the canonical URL drops utm_* and the fragment");
    env.run(["verify"]).ok();
}

#[test]
fn timestamps_changing_alone_are_noise() {
    let env = Env::new();
    let server = Server::start();
    let body = |stamp: &str| format!("Updated {stamp} GMT\n\n{}", String::from_utf8(text("01-first.txt")).unwrap());
    server.on("/story", vec![Reply::ok("text/plain", body("10:42")), Reply::ok("text/plain", body("11:15"))]);
    track(&env, &server.url("/story"), &[]).ok();
    let out = track(&env, &server.url("/story"), &[]);
    assert!(out.ok().contains("unchanged: only timestamp lines changed"), "{}", out.stdout);
    assert_eq!(revisions(&env, "harbor"), 1);
    assert_eq!(checks(&env, "harbor"), vec!["changed", "noise"]);
}

#[test]
fn conditional_requests_get_304() {
    let env = Env::new();
    let server = Server::start();
    server.on(
        "/story",
        vec![
            Reply::ok("text/plain", text("01-first.txt"))
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 03 Mar 2020 10:00:00 GMT"),
            Reply::status(304),
        ],
    );
    track(&env, &server.url("/story"), &[]).ok();
    let out = track(&env, &server.url("/story"), &[]);
    assert!(out.ok().contains("not modified (HTTP 304)"), "{}", out.stdout);
    let second = &server.requests_to("/story")[1];
    assert_eq!(second.header("if-none-match"), Some("\"v1\""));
    assert_eq!(second.header("if-modified-since"), Some("Tue, 03 Mar 2020 10:00:00 GMT"));
    assert_eq!(revisions(&env, "harbor"), 1);
    assert_eq!(checks(&env, "harbor"), vec!["changed", "not_modified"]);
}

#[test]
fn redirects_are_followed() {
    let env = Env::new();
    let server = Server::start();
    server.on("/old", vec![Reply::status(301).header("Location", "/new")]);
    server.on("/new", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    track(&env, &server.url("/old"), &[]).ok();
    let log = env.run(["log", "harbor", "--format", "json"]).json();
    assert_eq!(log[0]["source"], server.url("/new"), "the revision names where the page was found");
}

#[test]
fn a_server_error_is_retried_until_it_recovers() {
    let env = Env::new();
    let server = Server::start();
    server.on("/story", vec![Reply::status(500), Reply::status(503), Reply::ok("text/plain", text("01-first.txt"))]);
    let out = track(&env, &server.url("/story"), &["--attempts", "3"]);
    assert!(out.ok().contains("revision 1 recorded"), "{}", out.stdout);
    assert!(out.stderr.contains("HTTP 500; retrying"), "{}", out.stderr);
    assert_eq!(server.requests_to("/story").len(), 3);
}

#[test]
fn failures_are_checks_with_errors_and_record_nothing() {
    let env = Env::new();
    let server = Server::start();
    server.on("/slow", vec![Reply::ok("text/plain", text("01-first.txt")).delayed(Duration::from_secs(3))]);
    server.on("/paper.pdf", vec![Reply::ok("application/pdf", b"%PDF-1.7 ...".to_vec())]);
    server.on("/gone", vec![Reply::status(404)]);
    let out = track(&env, &server.url("/slow"), &["--timeout", "0.5", "--attempts", "1"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("error: no answer within"), "{}", out.stdout);
    let out = track(&env, &server.url("/paper.pdf"), &[]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("it serves application/pdf, not an article"), "{}", out.stdout);
    let out = track(&env, &server.url("/gone"), &[]);
    assert!(out.stdout.contains("the server answered HTTP 404"), "{}", out.stdout);
    assert_eq!(revisions(&env, "harbor"), 0);
    assert_eq!(checks(&env, "harbor"), vec!["error", "error", "error"]);
}

#[test]
fn only_http_urls_are_tracked() {
    let env = Env::new();
    let err = env.run(["track", "ftp://example.com/story"]).err().to_string();
    assert!(err.contains("only http:// and https:// URLs can be tracked"), "{err}");
    let err = env.run(["track", "not a url"]).err().to_string();
    assert!(err.contains("invalid URL"), "{err}");
    assert!(!env.store().exists());
}

#[test]
fn every_keeps_watching_while_others_read_and_stops_on_ctrl_c() {
    let env = Env::new();
    let server = Server::start();
    server.on(
        "/story",
        vec![
            Reply::ok("text/plain", text("01-first.txt")),
            Reply::ok("text/plain", text("02-update.txt")),
            Reply::ok("text/plain", text("03-latest.txt")),
        ],
    );
    let mut child = env
        .std_cmd()
        .args(["track", &server.url("/story"), "--story", "harbor", "--every", "1s"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Readers get in between the tracker's checks.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while revisions(&env, "harbor") < 3 {
        assert!(std::time::Instant::now() < deadline, "the tracker did not record three revisions");
        let out = env.run(["--wait", "5", "stories"]);
        assert_eq!(out.code, 0, "a reader failed while tracking: {}", out.stderr);
        std::thread::sleep(Duration::from_millis(200));
    }
    let status = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let start = std::time::Instant::now();
    let out = loop {
        if let Some(_s) = child.try_wait().unwrap() {
            break child.wait_with_output().unwrap();
        }
        assert!(start.elapsed() < Duration::from_secs(10), "track did not stop on Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    env.run(["--wait", "5", "verify"]).ok();
    assert_eq!(revisions(&env, "harbor"), 3);
}

#[test]
fn ads_timestamps_and_a_redesign_of_an_html_page_are_not_revisions() {
    let env = Env::new();
    let server = Server::start();
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let full = std::fs::read_to_string(pages.join("ferry-vote-full.html")).unwrap();
    // The same page later: other ads, another dateline time, a new
    // modified time, a different cookie banner.
    let churned = full
        .replace("Advertisement", "Sponsored: holidays in the sun")
        .replace("Tue 5 Mar 2024 17.20 GMT", "Tue 5 Mar 2024 19.45 GMT")
        .replace("2024-03-06T08:05:12+01:00", "2024-03-06T11:15:00+01:00")
        .replace("We use cookies", "This site uses cookies");
    assert_ne!(full, churned);
    let amp = std::fs::read_to_string(pages.join("ferry-vote-amp.html")).unwrap();
    server.on(
        "/ferry",
        vec![Reply::ok("text/html; charset=utf-8", full), Reply::ok("text/html", churned), Reply::ok("text/html", amp)],
    );
    for _ in 0..3 {
        track(&env, &server.url("/ferry"), &[]).ok();
    }
    assert_eq!(revisions(&env, "harbor"), 1, "one article, one revision");
    assert_eq!(checks(&env, "harbor"), vec!["changed", "unchanged", "unchanged"]);
    let show = env.run(["show", "harbor", "--format", "json"]).json();
    assert_eq!(show["revision"]["format"], "html");
    assert!(show["revision"]["meta"]["title"].as_str().is_some_and(|t| !t.is_empty()));
}

/// A headline rewritten over the same article text is an edit readers
/// see first: a revision of its own, whose check says so.
#[test]
fn a_rewritten_headline_alone_is_a_revision() {
    let env = Env::new();
    let server = Server::start();
    let pages = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages");
    let full = std::fs::read_to_string(pages.join("ferry-vote-full.html")).unwrap();
    let retitled = full.replace("Harbour council delays vote on ferry subsidy", "Ferry subsidy vote put off again");
    assert_ne!(full, retitled);
    server.on(
        "/ferry",
        vec![
            Reply::ok("text/html; charset=utf-8", full),
            Reply::ok("text/html; charset=utf-8", retitled.clone()),
            Reply::ok("text/html; charset=utf-8", retitled),
        ],
    );
    let mut outs = Vec::new();
    for _ in 0..3 {
        outs.push(track(&env, &server.url("/ferry"), &[]).ok().to_string());
    }
    assert_eq!(revisions(&env, "harbor"), 2);
    assert_eq!(checks(&env, "harbor"), vec!["changed", "changed", "unchanged"]);
    assert!(outs[1].contains("revision 2 recorded: the headline rewritten"), "{}", outs[1]);
    let diff = env.run(["diff", "harbor", "--format", "json"]).json();
    assert_eq!(diff["headline"]["to"], "Ferry subsidy vote put off again", "{diff}");
    assert_eq!(diff["summary"]["unchanged"], diff["from"]["statements"], "{diff}");
}

#[test]
fn all_checks_every_watched_url_each_on_its_own_story() {
    let env = Env::new();
    let err = env.run(["track", "--all"]).err().to_string();
    assert!(err.contains("no tracked URLs to check"), "{err}");
    let server = Server::start();
    server.on(
        "/harbor",
        vec![Reply::ok("text/plain", text("01-first.txt")), Reply::ok("text/plain", text("02-update.txt"))],
    );
    let ferry = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/ferry-vote-full.html");
    server.on("/ferry", vec![Reply::ok("text/html", std::fs::read(ferry).unwrap())]);
    env.run(["track", &server.url("/harbor"), "--story", "harbor"]).ok();
    env.run(["track", &server.url("/ferry"), "--story", "ferry"]).ok();
    // One run checks both: the harbor page changed, the ferry page did not.
    let out = env.run(["track", "--all"]);
    let stdout = out.ok().to_string();
    assert!(stdout.contains("harbor: changed: revision 2 recorded"), "{stdout}");
    assert!(stdout.contains("ferry: unchanged"), "{stdout}");
    assert_eq!(revisions(&env, "harbor"), 2);
    assert_eq!(revisions(&env, "ferry"), 1);
    let err = env.run(["track", "--all", &server.url("/ferry")]).err().to_string();
    assert!(err.contains("cannot be used with"), "{err}");
    env.run(["verify"]).ok();
}

/// Issue 12 item 9: a changed figure and a changed meeting time were
/// classed as "only timestamp lines changed" and nothing was kept.
#[test]
fn a_changed_figure_or_meeting_time_is_a_revision_not_timestamp_noise() {
    let env = Env::new();
    let server = Server::start();
    let base = String::from_utf8(text("01-first.txt")).unwrap();
    let page = |figure: &str, when: &str| format!("{base}\n\n{figure}\n\n{when}\n");
    server.on(
        "/story",
        vec![
            Reply::ok("text/plain", page("1,200", "Monday 3 pm")),
            Reply::ok("text/plain", page("12,000", "Monday 3 pm")),
            Reply::ok("text/plain", page("12,000", "Friday 9 am")),
        ],
    );
    for _ in 0..3 {
        track(&env, &server.url("/story"), &[]).ok();
    }
    assert_eq!(revisions(&env, "harbor"), 3, "both edits are real changes");
    assert_eq!(checks(&env, "harbor"), vec!["changed", "changed", "changed"]);
    let text = env.run(["show", "harbor", "--format", "json"]).json()["text"].as_str().unwrap().to_string();
    assert!(text.contains("12,000") && text.contains("Friday 9 am"), "{text}");
}

/// Issue 12 item 9: a check whose page differed but made no revision kept
/// nothing of what it saw.
#[test]
fn a_noise_check_keeps_the_raw_page_it_saw() {
    let env = Env::new();
    let server = Server::start();
    let body = |stamp: &str| format!("Updated {stamp} GMT\n\n{}", String::from_utf8(text("01-first.txt")).unwrap());
    server.on(
        "/story",
        vec![
            Reply::ok("text/plain", body("10:42")),
            Reply::ok("text/plain", body("11:15")),
            Reply::ok("text/plain", body("11:15")),
        ],
    );
    for _ in 0..3 {
        track(&env, &server.url("/story"), &[]).ok();
    }
    let j = env.run(["log", "harbor", "--checks", "--format", "json"]).json();
    let checks: Vec<&serde_json::Value> = j.as_array().unwrap().iter().rev().collect();
    assert_eq!(checks[1]["outcome"], "noise");
    let raw = checks[1]["raw"].as_str().expect("the noise check names its raw page");
    assert_eq!(raw.len(), 64, "{raw}");
    let id: Vec<u8> = (0..32).map(|i| u8::from_str_radix(&raw[2 * i..2 * i + 2], 16).unwrap()).collect();
    let blob_key = [&b"B"[..], &id].concat();
    assert!(env.sled().get(blob_key).unwrap().is_some(), "the store holds the page the check names");
    // The third capture is the second one again: compared with the
    // revision it is noise too, and its page is the same blob.
    assert_eq!(checks[2]["raw"].as_str(), Some(raw));
    assert!(checks[0]["raw"].is_null(), "a check that made a revision has its page in the revision");
    env.run(["verify"]).ok();
    // A backup carries the page: the copy holds the blob the check names,
    // verifies, and exports the same.
    let export = env.run(["export"]).ok().to_string();
    let f = env.file("noise.jsonl", export.clone());
    let copy = env.dir.path().join("copy");
    env.run(["--store", copy.to_str().unwrap(), "import", f.to_str().unwrap()]).ok();
    env.run(["--store", copy.to_str().unwrap(), "verify"]).ok();
    assert_eq!(env.run(["--store", copy.to_str().unwrap(), "export"]).ok(), export.as_str());
    // An export whose check names a page it does not carry is refused.
    let stripped: String = export
        .lines()
        .map(|l| {
            if l.contains(r#""page":"#) {
                l.split(r#","page":"#).next().unwrap().to_string() + "}"
            } else {
                l.to_string()
            }
        })
        .map(|l| l + "\n")
        .collect();
    let f = env.file("stripped.jsonl", stripped);
    let other = env.dir.path().join("other");
    let out = env.run(["--store", other.to_str().unwrap(), "import", f.to_str().unwrap()]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("raw page the export does not carry"), "{}", out.stderr);
}

/// Issue 12 item 12: `--timeout inf` panicked.
#[test]
fn track_timeout_inf_is_refused_not_a_panic() {
    let env = Env::new();
    for bad in ["inf", "NaN", "-1", "0", "1e300"] {
        let out = env.run(["track", "http://127.0.0.1:9/story", &format!("--timeout={bad}")]);
        assert_eq!(out.code, 2, "--timeout {bad}: {}", out.stderr);
        assert!(out.stderr.contains("--timeout"), "{}", out.stderr);
    }
    assert!(!env.store().exists());
}

/// Issue 12 item 12: `--every 99999999999h` panicked after the revision was
/// written but before the watch and check were saved.
#[test]
fn track_every_too_long_is_refused_before_any_write() {
    let env = Env::new();
    let server = Server::start();
    server.on("/story", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    for bad in ["99999999999h", "1e30s", "367d", "0s"] {
        let out = track(&env, &server.url("/story"), &[&format!("--every={bad}")]);
        assert_eq!(out.code, 2, "--every {bad}: {}", out.stderr);
        assert!(out.stderr.contains("--every"), "{}", out.stderr);
    }
    assert!(server.requests_to("/story").is_empty(), "nothing was fetched");
    assert!(!env.store().exists());
}
