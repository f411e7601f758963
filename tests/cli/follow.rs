//! `claimtrail track` following whole outlets: feeds and sitemaps, folded
//! URLs, the back-off schedule, host limits, robots.txt, restarts after a
//! SIGKILL, and `--warc`. Everything runs against a local server on
//! 127.0.0.1; intervals and clocks are set so no test sleeps for long.

use std::io::BufRead;
use std::time::Duration;

use crate::server::{Reply, Server};
use crate::util::{Env, example};

fn text(name: &str) -> Vec<u8> {
    std::fs::read(example(name)).unwrap()
}

/// An RSS 2.0 feed listing `items` (links escaped, as XML requires).
fn rss(items: &[&str]) -> String {
    let items: String = items
        .iter()
        .map(|u| format!("<item><title>t</title><link>{}</link></item>", u.replace('&', "&amp;")))
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour News</title>{items}</channel></rss>")
}

fn stories(env: &Env) -> Vec<String> {
    let j = env.run(["--wait", "5", "stories", "--format", "json"]).json();
    j.as_array().unwrap().iter().map(|s| s["story"].as_str().unwrap().to_string()).collect()
}

fn revisions(env: &Env, story: &str) -> usize {
    env.run(["--wait", "5", "log", story, "--format", "json"]).json().as_array().map_or(0, Vec::len)
}

fn watches(env: &Env) -> Vec<serde_json::Value> {
    env.run(["--wait", "5", "track", "--list", "--format", "json"]).json().as_array().unwrap().clone()
}

fn watch(env: &Env, url: &str) -> serde_json::Value {
    watches(env).into_iter().find(|w| w["url"] == url).unwrap_or_else(|| panic!("no watch of {url}"))
}

#[test]
fn a_feeds_entries_appear_change_and_disappear() {
    let env = Env::new();
    let server = Server::start();
    let (a, b) = (server.url("/news/a"), server.url("/news/b"));
    server.on(
        "/feed.xml",
        vec![
            Reply::ok("application/rss+xml", rss(&[&a])),
            Reply::ok("application/rss+xml", rss(&[&a, &format!("{b}?utm_source=rss")])),
            Reply::ok("application/rss+xml", rss(&[&b])),
        ],
    );
    server.on(
        "/news/a",
        vec![Reply::ok("text/plain", text("01-first.txt")), Reply::ok("text/plain", text("02-update.txt"))],
    );
    server.on("/news/b", vec![Reply::ok("text/plain", text("03-latest.txt"))]);
    let feed = server.url("/feed.xml");
    // The first round: the feed, and its one entry.
    let out = env.run(["track", &feed, "--per-host", "6000"]);
    let stdout = out.ok().to_string();
    assert!(stdout.contains("feed: 1 entries, 1 new, 0 gone"), "{stdout}");
    assert!(stdout.contains("news-a: changed: revision 1 recorded"), "{stdout}");
    // The second: a new entry appears and the first one changed.
    let stdout = env.run(["track", "--all", "--per-host", "6000"]).ok().to_string();
    assert!(stdout.contains("feed: 2 entries, 1 new, 0 gone"), "{stdout}");
    assert!(stdout.contains("news-a: changed: revision 2 recorded"), "{stdout}");
    assert!(stdout.contains("news-b: changed: revision 1 recorded"), "{stdout}");
    // The third: the first entry has left the feed, but is still watched.
    let stdout = env.run(["track", "--all", "--per-host", "6000"]).ok().to_string();
    assert!(stdout.contains("feed: 1 entries, 0 new, 1 gone"), "{stdout}");
    assert!(stdout.contains("news-a: unchanged"), "{stdout}");
    let mut s = stories(&env);
    s.sort();
    assert_eq!(s.len(), 2, "one story per article, none for the feed: {s:?}");
    assert_eq!(revisions(&env, &s[0]), 2);
    let w = watch(&env, &b);
    assert_eq!(w["feed"], feed, "the entry names the feed that listed it");
    assert_eq!(watch(&env, &feed)["is_feed"], true);
    env.run(["verify"]).ok();
}

#[test]
fn a_news_sitemap_and_a_json_feed_are_followed() {
    let env = Env::new();
    let server = Server::start();
    let sitemap = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{}</loc><news:news><news:publication><news:name>Harbour News</news:name><news:language>en</news:language></news:publication>
<news:publication_date>2026-01-02T01:00:00Z</news:publication_date><news:title>Fire</news:title></news:news></url>
<url><loc>{}</loc><news:news><news:publication_date>2026-01-01T20:00:00Z</news:publication_date></news:news></url>
</urlset>"#,
        server.url("/s/one"),
        server.url("/s/two")
    );
    server.on("/sitemap.xml", vec![Reply::ok("application/xml", sitemap)]);
    server.on("/s/one", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    server.on("/s/two", vec![Reply::ok("text/plain", text("02-update.txt"))]);
    let json = format!(
        r#"{{"version": "https://jsonfeed.org/version/1.1", "title": "Harbour", "items": [{{"id": "1", "url": "{}"}}]}}"#,
        server.url("/j/three")
    );
    server.on("/feed.json", vec![Reply::ok("application/feed+json", json)]);
    server.on("/j/three", vec![Reply::ok("text/plain", text("03-latest.txt"))]);
    let out = env.run(["track", &server.url("/sitemap.xml"), "--per-host", "6000"]);
    assert!(out.ok().contains("feed: 2 entries, 2 new, 0 gone"), "{}", out.stdout);
    env.run(["track", &server.url("/feed.json"), "--per-host", "6000"]).ok();
    assert_eq!(stories(&env).len(), 3);
    // The sitemap's publication date is the article's.
    assert_eq!(watch(&env, &server.url("/s/one"))["published"], "2026-01-02T01:00:00Z");
}

#[test]
fn a_sitemap_index_is_followed_to_its_sitemaps_but_not_its_old_archive() {
    let env = Env::new();
    let server = Server::start();
    let urlset = |loc: &str, date: &str| {
        format!(
            r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{loc}</loc><lastmod>{date}</lastmod></url></urlset>"#
        )
    };
    let index = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{}</loc></sitemap>
<sitemap><loc>{}</loc><lastmod>2026-01-09T18:00:00Z</lastmod></sitemap>
<sitemap><loc>{}</loc><lastmod>2020-01-31</lastmod></sitemap>
</sitemapindex>"#,
        server.url("/maps/news.xml"),
        server.url("/maps/2026-01.xml"),
        server.url("/maps/2020-01.xml")
    );
    server.on("/sitemap.xml", vec![Reply::ok("application/xml", index)]);
    server.on("/maps/news.xml", vec![Reply::ok("application/xml", urlset(&server.url("/a/one"), "2026-01-09"))]);
    server.on("/maps/2026-01.xml", vec![Reply::ok("text/xml", urlset(&server.url("/a/two"), "2026-01-08"))]);
    server.on("/maps/2020-01.xml", vec![Reply::ok("text/xml", urlset(&server.url("/a/old"), "2020-01-03"))]);
    server.on("/a/one", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    server.on("/a/two", vec![Reply::ok("text/plain", text("03-latest.txt"))]);
    server.on("/a/old", vec![Reply::ok("text/plain", text("02-update.txt"))]);
    let out = env
        .cmd()
        .env("CLAIMTRAIL_NOW", "2026-01-10T00:00:00Z")
        .args(["track", &server.url("/sitemap.xml"), "--per-host", "6000"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", String::from_utf8_lossy(&out.stderr));
    // One run follows the index to its sitemaps and their articles.
    assert!(stdout.contains("feed: 3 sitemaps, 2 new, 1 unchanged for over 30d not followed, 0 gone"), "{stdout}");
    assert_eq!(stdout.matches("feed: 1 entries, 1 new, 0 gone").count(), 2, "{stdout}");
    let mut s = stories(&env);
    s.sort();
    assert_eq!(s.len(), 2, "one story per article, none for a sitemap: {s:?}");
    assert!(s[0].ends_with("-a-one") && s[1].ends_with("-a-two"), "{s:?}");
    // The archive of 2020 lists only articles long past --stop-after: never fetched.
    assert!(server.requests_to("/maps/2020-01.xml").is_empty());
    assert!(server.requests_to("/a/old").is_empty());
    let child = watch(&env, &server.url("/maps/2026-01.xml"));
    assert_eq!(
        (child["is_feed"].as_bool(), child["feed"].as_str()),
        (Some(true), Some(server.url("/sitemap.xml").as_str()))
    );
    assert_eq!(watch(&env, &server.url("/a/two"))["feed"], server.url("/maps/2026-01.xml"));
    env.run(["verify"]).ok();
}

#[test]
fn redirects_tracking_parameters_and_amp_links_fold_to_one_story() {
    let env = Env::new();
    let server = Server::start();
    let listed = [
        server.url("/go/fire?utm_source=rss&utm_medium=feed"),
        server.url("/news/fire?fbclid=abc"),
        server.url("/news/fire/amp"),
    ];
    let listed: Vec<&str> = listed.iter().map(String::as_str).collect();
    server.on("/feed.xml", vec![Reply::ok("application/rss+xml", rss(&listed))]);
    server.on("/go/fire", vec![Reply::status(301).header("Location", "/news/fire")]);
    server.on("/news/fire", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    let out = env.run(["track", &server.url("/feed.xml"), "--per-host", "6000"]);
    assert!(out.ok().contains("feed: 2 entries, 2 new, 0 gone"), "{}", out.stdout);
    let s = stories(&env);
    assert!(s.len() == 1 && s[0].ends_with("-news-fire"), "{s:?}");
    assert_eq!(revisions(&env, &stories(&env)[0]), 1, "the redirected entry found the same page: no second revision");
}

#[test]
fn back_off_is_visible_in_track_list_and_old_stories_stop() {
    let env = Env::new();
    let server = Server::start();
    server.on("/story", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    let url = server.url("/story");
    // Each round: one check at time t (--until ends the loop after it).
    let at = |t: &str| {
        let until = t.replace(":00Z", ":01Z");
        let args = ["track", &url, "--story", "harbor", "--every", "10m", "--until", &until];
        let out = env.cmd().env("CLAIMTRAIL_NOW", t).args(args).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    };
    let mut intervals = Vec::new();
    for t in ["2026-01-02T00:00:00Z", "2026-01-02T00:10:00Z", "2026-01-02T00:30:00Z", "2026-01-02T01:10:00Z"] {
        at(t);
        let w = watch(&env, &url);
        intervals.push(w["interval_secs"].as_u64().unwrap());
        if t.ends_with("01:10:00Z") {
            assert!(w["reason"].as_str().unwrap().starts_with("unchanged 3x; 70m old: every 60m"), "{w}");
            assert!(w["next_check"].as_str().unwrap().starts_with("2026-01-02T02:10:00"), "{w}");
        }
    }
    assert_eq!(intervals, vec![600, 1200, 2400, 3600], "doubling while unchanged, capped at an hour for a fresh story");
    let table = env.run(["track", "--list"]).ok().to_string();
    assert!(table.contains("WHY") && table.contains("unchanged 3x"), "{table}");
    // Two days on: every two hours (at most six); forty days on: none.
    at("2026-01-04T01:00:00Z");
    let w = watch(&env, &url);
    assert_eq!(w["interval_secs"], 2 * 3600);
    assert!(w["reason"].as_str().unwrap().contains("(between 60m and 6h)"), "{w}");
    at("2026-02-12T00:00:00Z");
    let w = watch(&env, &url);
    assert_eq!((w["stopped"].as_bool(), w["next_check"].is_null()), (Some(true), true), "{w}");
    assert!(env.run(["track", "--list"]).ok().contains("never"));
}

#[test]
fn requests_to_one_host_are_spaced_to_the_limit() {
    let env = Env::new();
    let server = Server::start();
    for p in ["/p/1", "/p/2", "/p/3", "/p/4"] {
        server.on(p, vec![Reply::ok("text/plain", text("01-first.txt"))]);
        env.run(["track", &server.url(p), "--per-host", "6000"]).ok();
    }
    let before = server.requests.lock().unwrap().len();
    // 120 a minute: one every half second.
    let out = env.run(["track", "--all", "--per-host", "120"]);
    out.ok();
    let requests: Vec<_> =
        server.requests.lock().unwrap()[before..].iter().filter(|r| r.path.starts_with("/p/")).cloned().collect();
    assert_eq!(requests.len(), 4, "{requests:?}");
    for pair in requests.windows(2) {
        let gap = pair[1].at.duration_since(pair[0].at);
        assert!(gap >= Duration::from_millis(480), "{} then {} after {gap:?}", pair[0].path, pair[1].path);
    }
}

#[test]
fn robots_txt_disallow_is_honoured() {
    let env = Env::new();
    let server = Server::start();
    server.on("/robots.txt", vec![Reply::ok("text/plain", "User-agent: *\nDisallow: /private/\n")]);
    server.on("/private/story", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    server.on("/public/story", vec![Reply::ok("text/plain", text("01-first.txt"))]);
    let out = env.run(["track", &server.url("/private/story"), "--story", "private"]);
    assert_eq!(out.code, 2);
    assert!(out.stdout.contains("blocked: robots.txt disallows it for claimtrail"), "{}", out.stdout);
    assert!(server.requests_to("/private/story").is_empty(), "the page was not fetched");
    env.run(["track", &server.url("/public/story"), "--story", "public"]).ok();
    let agent = server.requests_to("/public/story")[0].header("user-agent").unwrap().to_string();
    assert!(agent.starts_with("claimtrail/"), "{agent}");
    assert!(watch(&env, &server.url("/private/story"))["reason"].as_str().unwrap().starts_with("blocked"));
}

#[test]
fn sigkill_during_track_all_every_loses_at_most_the_check_in_flight() {
    let env = Env::new();
    let server = Server::start();
    let pages = ["/k/1", "/k/2", "/k/3"];
    for p in pages {
        // Each fetch a different page: every check writes a revision.
        let replies = (0..400)
            .map(|i| Reply::ok("text/plain", format!("Officials said {i} boats were safe, a spokesman said.\n")))
            .collect();
        server.on(p, replies);
        env.run(["track", &server.url(p), "--per-host", "6000"]).ok();
    }
    let stored = |env: &Env| -> usize {
        pages
            .iter()
            .map(|p| {
                let story = watch(env, &server.url(p))["story"].as_str().unwrap().to_string();
                env.run(["--wait", "5", "log", &story, "--checks", "--format", "json"]).json().as_array().unwrap().len()
            })
            .sum()
    };
    let before = stored(&env);
    let mut child = env
        .std_cmd()
        .args(["track", "--all", "--every", "1s", "--per-host", "6000", "--stop-after", "366d"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            if tx.send(line.unwrap()).is_err() {
                break;
            }
        }
    });
    let mut printed = 0;
    while printed < 8 {
        rx.recv_timeout(Duration::from_secs(20)).expect("the tracker keeps reporting checks");
        printed += 1;
    }
    child.kill().unwrap();
    child.wait().unwrap();
    // What it printed before it died (the reader ends at end of pipe).
    printed += rx.iter().count();
    let after = stored(&env) - before;
    assert!(after >= printed && after <= printed + 1, "{printed} checks reported, {after} stored");
    env.run(["--wait", "5", "verify"]).ok();
    // A restart, a while later, carries on from the schedule in the store.
    let out = env
        .cmd()
        .env("CLAIMTRAIL_NOW", "2026-01-02T04:00:00Z")
        .args(["track", "--all", "--every", "1s", "--per-host", "6000", "--until", "2026-01-02T04:00:02Z"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stored(&env) - before > after, "the restarted tracker checked again");
    env.run(["verify"]).ok();
}

#[test]
fn track_warc_writes_each_fetch_and_the_archive_reimports_to_the_same_revisions() {
    let env = Env::new();
    let server = Server::start();
    server.on(
        "/story",
        vec![Reply::ok("text/plain", text("01-first.txt")), Reply::ok("text/plain", text("02-update.txt"))],
    );
    let dir = env.dir.path().join("archive");
    for _ in 0..2 {
        env.run(["track", &server.url("/story"), "--warc", dir.to_str().unwrap()]).ok();
    }
    let files = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect::<Vec<_>>();
    assert_eq!(files.len(), 2, "one file per run: {files:?}");
    for f in &files {
        let check = std::process::Command::new("python3")
            .args(["-c", "import sys; from warcio.cli import main; sys.exit(main(sys.argv[1:]))", "check", "-v"])
            .arg(f)
            .output()
            .expect("python3 with warcio is needed for this test (.ci/run installs it)");
        let report = String::from_utf8_lossy(&check.stdout);
        assert!(check.status.success(), "{report}");
        assert_eq!(report.matches("digest pass").count(), 3, "warcinfo, response and request: {report}");
        assert!(report.contains("response") && report.contains("request"), "{report}");
    }
    let copy = Env::new();
    copy.run(["import", dir.to_str().unwrap()]).ok();
    let story = stories(&env)[0].clone();
    let ids = |e: &Env| {
        e.run(["log", &story, "--format", "json"])
            .json()
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&copy), ids(&env));
    assert_eq!(ids(&env).len(), 2);
}
