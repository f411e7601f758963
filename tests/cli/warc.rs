//! Web archives in and out: `import ARCHIVE.warc[.gz]`, `export --warc`,
//! checked against WARCs that wget wrote and read back by Python's warcio
//! (tools no one here wrote).

use std::io::Write;
use std::process::Command;

use crate::server::{Reply, Server};
use crate::util::{Env, example};

fn text(name: &str) -> Vec<u8> {
    std::fs::read(example(name)).unwrap()
}

fn log(env: &Env, story: &str) -> Vec<serde_json::Value> {
    let mut revs = env.run(["log", story, "--format", "json"]).json().as_array().unwrap().clone();
    revs.reverse();
    revs
}

/// An uncompressed WARC record, written by hand.
fn record(kind: &str, url: &str, date: &str, block: &[u8]) -> Vec<u8> {
    let mut r = format!(
        "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\nWARC-Date: {date}\r\nWARC-Target-URI: {url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        block.len() + date.len(),
        block.len()
    )
    .into_bytes();
    r.extend_from_slice(block);
    r.extend_from_slice(b"\r\n\r\n");
    r
}

fn http(status: &str, headers: &str, body: &[u8]) -> Vec<u8> {
    let mut r = format!("HTTP/1.1 {status}\r\n{headers}\r\n").into_bytes();
    r.extend_from_slice(body);
    r
}

#[test]
fn responses_become_revisions_and_the_rest_is_skipped_and_counted() {
    let env = Env::new();
    let page = |name: &str| {
        let mut body = b"<html><head><title>Harbour fire</title></head><body><article>".to_vec();
        for p in String::from_utf8(text(name)).unwrap().split("\n\n") {
            body.extend_from_slice(format!("<p>{p}</p>").as_bytes());
        }
        body.extend_from_slice(b"</article></body></html>");
        body
    };
    // The second capture is chunked and gzipped on the wire.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&page("02-update.txt")).unwrap();
    let zipped = gz.finish().unwrap();
    let mut chunked = Vec::new();
    for part in zipped.chunks(100) {
        chunked.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
        chunked.extend_from_slice(part);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let url = "http://news.example/harbor-fire?utm_source=rss";
    let mut warc = Vec::new();
    warc.extend(record(
        "response",
        url,
        "2026-01-06T21:30:00Z",
        &http("200 OK", "Content-Type: text/html\r\n", &page("01-first.txt")),
    ));
    warc.extend(record(
        "response",
        "http://news.example/logo.png",
        "2026-01-06T21:30:01Z",
        &http("200 OK", "Content-Type: image/png\r\n", b"\x89PNG"),
    ));
    warc.extend(record(
        "response",
        "http://news.example/gone",
        "2026-01-06T21:30:02Z",
        &http("404 Not Found", "Content-Type: text/html\r\n", b"<p>no</p>"),
    ));
    warc.extend(record("revisit", url, "2026-01-06T22:00:00Z", &http("200 OK", "Content-Type: text/html\r\n", b"")));
    warc.extend(record(
        "response",
        "https://news.example/harbor-fire",
        "2026-01-06T23:10:00Z",
        &http(
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n",
            &chunked,
        ),
    ));
    let path = env.file("capture.warc", &warc);
    let out = env.run(["import", path.to_str().unwrap(), "--format", "json"]);
    let summary = out.json();
    assert_eq!(summary["recorded"], 2, "{summary}");
    assert_eq!(summary["skipped"]["revisits"], 1);
    assert_eq!(summary["skipped"]["not_articles"], 1);
    assert_eq!(summary["skipped"]["failed"], 1);
    // http and https, with and without utm_*: one story, for the page.
    let stories = env.run(["stories", "--format", "json"]).json();
    assert_eq!(stories.as_array().unwrap().len(), 1, "{stories}");
    let story = stories[0]["story"].as_str().unwrap().to_string();
    let revs = log(&env, &story);
    assert_eq!(revs.len(), 2);
    assert_eq!(revs[0]["captured_at"], "2026-01-06T21:30:00Z");
    assert_eq!(revs[1]["captured_at"], "2026-01-06T23:10:00Z");
    let show = env.run(["show", &format!("{story}@2"), "--format", "json"]).json();
    assert!(show["text"].as_str().unwrap().contains("smoke inhalation"), "the gzipped, chunked body was decoded");
    // Importing again adds nothing.
    let again = env.run(["import", path.to_str().unwrap(), "--format", "json"]).json();
    assert_eq!((again["recorded"].as_u64(), again["already"].as_u64()), (Some(0), Some(2)));
    env.run(["verify"]).ok();
}

/// Every key and value of a store, as `Env::store_snapshot` gives them.
type Snapshot = Vec<(Vec<u8>, Vec<u8>)>;

/// A store holding one revision of "harbor", and its snapshot.
fn recorded_harbor() -> (Env, Snapshot) {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    let before = env.store_snapshot();
    (env, before)
}

/// A response record of a plain-text page.
fn text_page(url: &str, date: &str, body: &[u8]) -> Vec<u8> {
    record("response", url, date, &http("200 OK", "Content-Type: text/plain\r\n", body))
}

#[test]
fn a_warc_page_too_dense_to_record_is_refused_before_anything_is_written() {
    let (env, before) = recorded_harbor();
    let good = text_page("http://news.example/a", "2026-01-06T21:30:00Z", b"The fire is out, officials said.");
    let dense: String = (0..25_000).map(|i| format!("N{i} is.\n\n")).collect();
    let mut warc = good;
    warc.extend(text_page("http://news.example/dense", "2026-01-06T22:30:00Z", dense.as_bytes()));
    let path = env.file("dense.warc", &warc);
    let err = env.run(["import", path.to_str().unwrap()]).err().to_string();
    assert!(
        err.contains("http://news.example/dense")
            && err.contains("more than 20000 sentence-ending and quotation marks"),
        "{err}"
    );
    assert_eq!(env.store_snapshot(), before, "the store is untouched: not even the good page went in");
}

#[test]
fn a_damaged_warc_is_refused_and_changes_nothing() {
    let (env, before) = recorded_harbor();
    let good = text_page("http://news.example/a", "2026-01-06T21:30:00Z", b"The fire is out, officials said.");
    let mut bad = good.clone();
    bad.extend_from_slice(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 999\r\n\r\ncut short");
    let path = env.file("broken.warc.gz", &bad);
    let err = env.run(["import", path.to_str().unwrap()]).err().to_string();
    assert!(err.contains("broken.warc.gz") && err.contains("record 2"), "{err}");
    let mut no_date = good.clone();
    no_date = String::from_utf8(no_date).unwrap().replace("2026-01-06T21:30:00Z", "yesterday").into_bytes();
    let path = env.file("nodate.warc", &no_date);
    let err = env.run(["import", path.to_str().unwrap()]).err().to_string();
    assert!(err.contains("WARC-Date"), "{err}");
    assert_eq!(env.store_snapshot(), before, "the store is untouched");
}

#[test]
fn a_wget_warc_of_a_changing_page_imports_as_two_revisions_at_their_capture_times() {
    let env = Env::new();
    let server = Server::start();
    server.on(
        "/news/harbor-fire",
        vec![
            Reply::ok("text/plain; charset=utf-8", text("01-first.txt")),
            Reply::ok("text/plain", text("02-update.txt")),
        ],
    );
    let dir = env.dir.path().join("wget");
    std::fs::create_dir(&dir).unwrap();
    let mut windows = Vec::new();
    for name in ["first", "second"] {
        // WARC-Date has whole seconds, and wget reads the coarse clock
        // (`time()`), which may still show the second before ours: CI saw
        // a capture stamped 1 s before this start.
        let start = chrono::Utc::now().timestamp() - 1;
        let status = Command::new("wget")
            .current_dir(&dir)
            .args(["-q", "--no-config", "-O", "/dev/null", &format!("--warc-file={name}")])
            .arg(server.url("/news/harbor-fire"))
            .status()
            .expect("wget is needed for this test (.ci/run installs it)");
        assert!(status.success());
        windows.push((start, chrono::Utc::now().timestamp()));
        std::thread::sleep(std::time::Duration::from_millis(1100));
    }
    assert!(dir.join("first.warc.gz").exists());
    let out = env.run(["import", dir.to_str().unwrap()]);
    assert!(out.ok().contains("imported 2 revisions into 1 stories from 2 WARC files"), "{}", out.stdout);
    let story = env.run(["stories", "--format", "json"]).json()[0]["story"].as_str().unwrap().to_string();
    let revs = log(&env, &story);
    assert_eq!(revs.len(), 2);
    for (rev, (start, end)) in revs.iter().zip(&windows) {
        let at = chrono::DateTime::parse_from_rfc3339(rev["captured_at"].as_str().unwrap()).unwrap().timestamp();
        assert!(*start <= at && at <= *end, "captured at {at}, fetched between {start} and {end}");
        assert_eq!(rev["source"], server.url("/news/harbor-fire"));
    }
    let diff = env.run(["diff", &story, "--format", "json"]);
    assert_eq!(diff.code, 1, "the two captures differ claim by claim: {}", diff.stderr);
    env.run(["verify"]).ok();
}

#[test]
fn an_exported_warc_validates_with_warcio_and_reimports_into_the_same_revisions() {
    let env = Env::new();
    let server = Server::start();
    server.on("/harbor", vec![Reply::ok("text/plain", text("03-latest.txt"))]);
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap(), "--at", "2026-01-06T21:30:12.123456789Z"])
        .ok();
    env.run(["record", "harbor", example("02-update.txt").to_str().unwrap(), "--at", "2026-01-06T23:10Z"]).ok();
    env.run(["track", &server.url("/harbor"), "--story", "harbor"]).ok();
    env.run(["export", "--warc", "-o", "harbor.warc.gz"]).ok();
    let archive = env.dir.path().join("harbor.warc.gz");
    let check = Command::new("python3")
        .args(["-c", "import sys; from warcio.cli import main; sys.exit(main(sys.argv[1:]))", "check", "-v"])
        .arg(&archive)
        .output()
        .expect("python3 with warcio is needed for this test (.ci/run installs it)");
    let report = String::from_utf8_lossy(&check.stdout);
    assert!(check.status.success(), "warcio check failed: {report}{}", String::from_utf8_lossy(&check.stderr));
    assert_eq!(report.matches("digest pass").count(), 3, "{report}");
    let copy = Env::new();
    copy.run(["import", archive.to_str().unwrap()]).ok();
    let ids = |e: &Env| log(e, "harbor").iter().map(|r| r["id"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&copy), ids(&env), "the same revision ids");
    assert_eq!(ids(&env).len(), 3);
    copy.run(["verify"]).ok();
}

#[test]
fn a_file_named_warc_that_is_not_one_imported_as_an_empty_archive() {
    let (env, before) = recorded_harbor();
    // Bytes of no format (a fixed pseudo-random sequence), notes, nothing.
    let mut x: u32 = 2_463_534_242;
    let noise: Vec<u8> = (0..4096)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect();
    let cases: [(&str, &[u8], &str); 3] = [
        ("noise.warc", &noise, "noise.warc: it is not a WARC file"),
        ("notes.warc", b"Notes from the harbor meeting.\nNothing else.\n", "notes.warc: it is not a WARC file"),
        ("nothing.warc", b"", "nothing.warc: it is empty, not a WARC file"),
    ];
    for (name, bytes, needle) in cases {
        let path = env.file(name, bytes);
        let out = env.run(["import", path.to_str().unwrap()]);
        assert_eq!(out.code, 2, "{name}: {}{}", out.stdout, out.stderr);
        assert!(out.stderr.contains(needle), "{name}: {}", out.stderr);
    }
    assert_eq!(env.store_snapshot(), before, "the store is untouched");
}
