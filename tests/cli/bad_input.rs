//! Bad input, as a table: each case must give a one-line error that names
//! the input and the problem (plus a hint where one helps), exit 2, and
//! leave the store byte-for-byte as it was.

use std::path::PathBuf;

use crate::util::{Env, Run, example};

/// An unreadable path: a file with no permissions, or for root (who reads
/// anything) a kernel file that refuses reading to everyone.
fn unreadable(env: &Env) -> PathBuf {
    let p = env.file("secret.txt", "A claim.\n");
    std::fs::set_permissions(&p, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if std::fs::read(&p).is_err() {
        return p;
    }
    let write_only = PathBuf::from("/proc/sys/vm/compact_memory");
    assert!(std::fs::read(&write_only).is_err(), "no unreadable file available for the permission test");
    write_only
}

/// A directory nobody may create a store in.
fn unwritable(env: &Env) -> PathBuf {
    let d = env.dir.path().join("locked");
    std::fs::create_dir(&d).unwrap();
    std::fs::set_permissions(&d, std::os::unix::fs::PermissionsExt::from_mode(0o500)).unwrap();
    if std::fs::write(d.join("probe"), "x").is_err() {
        return d.join("store");
    }
    // Root writes anywhere; /sys refuses new entries even to root.
    PathBuf::from("/sys/claimtrail-test-store")
}

#[test]
fn bad_inputs_are_refused_cleanly_and_change_nothing() {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    let f = |name: &str, body: &[u8]| env.file(name, body).display().to_string();
    let empty = f("empty.txt", b"");
    let blank = f("blank.txt", b"  \n\t \n");
    let binary = f("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let latin1 = f("latin1.txt", b"Caf\xe9 owners said prices would rise.");
    let big = f("big.txt", "Word. ".repeat(100).as_bytes());
    let no_article =
        f("nav.html", b"<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav></body></html>");
    let not_export = f("notes.jsonl", b"{\"a\": 1}\n");
    let missing = env.dir.path().join("missing.txt").display().to_string();
    let dir = env.dir.path().display().to_string();
    let unreadable = unreadable(&env).display().to_string();
    let good = example("02-update.txt").display().to_string();
    // Hostile inputs under the size limit that would take unbounded memory
    // to record (issue #12 item 11): refused before extraction.
    let dense: String = (0..25_000).map(|i| format!("N{i} is.\n\n")).collect();
    let dense = f("dense.txt", dense.as_bytes());
    let wordy: String = (0..60_000).map(|i| format!("w{i} ")).collect();
    let wordy = f("wordy.txt", format!("{wordy}end.").as_bytes());
    // A feed (with a DOCTYPE, as RSS 0.91 has) and another XML document:
    // not articles, whatever their markup would extract to.
    let feed = f(
        "feed.rss",
        b"<?xml version=\"1.0\"?>\n<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n\
          <rss version=\"0.91\"><channel><title>Harbor news</title><item><title>Pier reopens</title>\
          <description>The pier reopened on Monday, the port said.</description></item></channel></rss>\n",
    );
    let xml = f(
        "minutes.xml",
        b"<?xml version=\"1.0\"?>\n<minutes><item>The board said the pier is safe.</item></minutes>\n",
    );
    // A gzip file cut short, and one that expands past the limit.
    let whole = crate::record::gzip(&std::fs::read(example("01-first.txt")).unwrap());
    let cut = f("cut.txt.gz", &whole[..whole.len() / 2]);
    let bomb = f("bomb.txt.gz", &crate::record::gzip("Word. ".repeat(100).as_bytes()));

    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("empty file", vec!["record", "harbor", &empty], "empty.txt as an article: it is empty"),
        ("whitespace only", vec!["record", "harbor", &blank], "blank.txt as an article: it holds only white space"),
        ("binary file", vec!["record", "harbor", &binary], "image.png as an article: it looks binary"),
        ("invalid UTF-8", vec!["record", "harbor", &latin1], "latin1.txt as an article: it is not valid UTF-8"),
        (
            "over the size limit",
            vec!["record", "harbor", &big, "--max-bytes", "100"],
            "big.txt: it is larger than the limit of 100 bytes",
        ),
        (
            "a truncated gzip file",
            vec!["record", "harbor", &cut],
            "cut.txt.gz: it is gzip-compressed but does not decompress",
        ),
        (
            "a gzip file over the limit once decompressed",
            vec!["record", "harbor", &bomb, "--max-bytes", "100"],
            "bomb.txt.gz: decompressed, it is larger than the limit of 100 bytes",
        ),
        ("a directory as a file", vec!["record", "harbor", &dir], "it is a directory, not a file"),
        ("a missing file", vec!["record", "harbor", &missing], "missing.txt: no such file"),
        ("permission denied", vec!["record", "harbor", &unreadable], "permission denied"),
        ("bad story id", vec!["record", "two words", &good], "invalid story id \"two words\": it contains white space"),
        ("unknown story", vec!["log", "nope"], "no story \"nope\" in the store"),
        ("revision out of range", vec!["show", "harbor@9"], "story \"harbor\" has no revision 9 (it has 1)"),
        ("revision not a number or hash", vec!["show", "harbor@zz"], "invalid revision \"zz\""),
        ("unknown revision prefix", vec!["show", "harbor@ffffffff"], "has an id starting with \"ffffffff\""),
        ("malformed --at", vec!["record", "harbor", &good, "--at", "next tuesday"], "\"next tuesday\" is not a time"),
        (
            "HTML with no article",
            vec!["record", "harbor", &no_article],
            "nav.html as an article: no article text was found",
        ),
        (
            "a URL that is not http(s)",
            vec!["record", "harbor", &good, "--url", "ftp://example.com/a"],
            "invalid URL \"ftp://example.com/a\"",
        ),
        ("track a non-http URL", vec!["track", "file:///etc/passwd"], "only http:// and https:// URLs can be tracked"),
        (
            "import of something else",
            vec!["import", &not_export],
            "notes.jsonl: line 1 is not a claimtrail export record",
        ),
        ("diff of a missing file", vec!["diff", &good, &missing], "cannot read"),
        ("unknown speaker", vec!["who", "Nobody Atall"], "no speaker matches \"Nobody Atall\""),
        ("search for only common words", vec!["search", "the", "of"], "not too common to index"),
        ("an unknown flag", vec!["log", "harbor", "--colour-me-blue"], "unexpected argument '--colour-me-blue'"),
        ("--wait inf", vec!["--wait", "inf", "log", "harbor"], "\"inf\" is out of range: give 0 to"),
        ("--wait 1e300", vec!["--wait", "1e300", "log", "harbor"], "\"1e300\" is out of range"),
        ("--wait 1e19", vec!["--wait", "1e19", "log", "harbor"], "\"1e19\" is out of range"),
        ("--wait -1", vec!["--wait=-1", "log", "harbor"], "\"-1\" is out of range"),
        ("--wait NaN", vec!["--wait", "NaN", "log", "harbor"], "\"NaN\" is out of range"),
        ("story id '.'", vec!["record", ".", &good], "invalid story id \".\": '.' and '..' name directories"),
        ("story id '..'", vec!["record", "..", &good], "invalid story id \"..\": '.' and '..' name directories"),
        ("story id '-'", vec!["record", "-", &good], "invalid story id \"-\": it starts with '-'"),
        ("story id '~'", vec!["record", "~", &good], "invalid story id \"~\": '~' reads as a home directory"),
        (
            "story id with a zero-width space",
            vec!["record", "har\u{200B}bor", &good],
            "it contains an invisible or bidirectional control character",
        ),
        (
            "story id with a bidi override",
            vec!["record", "evil\u{202E}txt.exe", &good],
            "it contains an invisible or bidirectional control character",
        ),
        ("search for a pattern", vec!["search", ".*"], "search words hold no letters or digits: \".*\""),
        (
            "a revision back-dated before its parent",
            vec!["record", "harbor", &good, "--at", "2020-01-01"],
            "cannot record harbor at 2020-01-01T00:00:00Z: the story already holds a revision captured later",
        ),
        (
            "a title with terminal escapes",
            vec!["record", "harbor", &good, "--title", "Fire\x1b]0;pwned\x07"],
            "invalid --title \"Fire\\u{1b}]0;pwned\\u{7}\": it contains a control character",
        ),
        (
            "a text of 25,000 one-line paragraphs",
            vec!["record", "harbor", &dense],
            "more than 20000 sentence-ending and quotation marks",
        ),
        (
            "an RSS feed given to record",
            vec!["record", "harbor", &feed],
            "feed.rss as an article: it is a news feed (RSS, Atom or JSON Feed), not an article",
        ),
        (
            "an RSS feed given to record with its URL",
            vec!["record", "harbor", &feed, "--url", "https://news.example/feed.rss"],
            "hint: to record the articles a feed or sitemap lists, follow it: claimtrail track URL",
        ),
        (
            "an XML document given to record",
            vec!["record", "harbor", &xml],
            "minutes.xml as an article: it is an XML document",
        ),
        ("a text of 60,000 distinct words", vec!["record", "harbor", &wordy], "more than 50000 distinct words"),
    ];
    assert!(cases.len() >= 20);
    let before = env.store_snapshot();
    for (name, args, needle) in &cases {
        let out = env.run(args);
        assert_eq!(out.code, 2, "{name}: exit code\nstdout: {}\nstderr: {}", out.stdout, out.stderr);
        assert!(out.stderr.starts_with("error: "), "{name}: {}", out.stderr);
        assert!(out.stderr.contains(needle), "{name}: expected {needle:?} in {}", out.stderr);
        let first = out.stderr.lines().next().unwrap();
        let rest: Vec<&str> = out.stderr.lines().skip(1).filter(|l| !l.is_empty()).collect();
        assert!(first.len() < 300, "{name}: one line please: {first}");
        let usage_error = rest.iter().any(|l| l.starts_with("Usage:") || l.starts_with("For more information"));
        assert!(
            rest.iter().all(|l| l.starts_with("hint: ")) || usage_error,
            "{name}: only hints follow the error: {rest:?}"
        );
        assert_eq!(env.store_snapshot(), before, "{name}: the store changed");
    }
}

#[test]
fn a_store_path_that_is_a_file_or_unwritable_is_refused() {
    let env = Env::new();
    let file = env.file("a-file", "x");
    let good = example("01-first.txt").display().to_string();
    let out = env.run(["--store", file.to_str().unwrap(), "record", "s", &good]);
    assert!(out.err().contains("is a file, not a directory"), "{}", out.stderr);
    let locked = unwritable(&env);
    let out = env.run(["--store", locked.to_str().unwrap(), "record", "s", &good]);
    let err = out.err();
    assert!(
        err.contains("cannot open store") && (err.contains("ermission denied") || err.contains("not permitted")),
        "{err}"
    );
    assert!(err.contains("hint: pass --store with a directory claimtrail may write to"), "{err}");
}

#[test]
fn max_bytes_at_u64_max_does_not_wrap_to_an_empty_file() {
    let env = Env::new();
    let good = example("01-first.txt").display().to_string();
    let out = env.run(["extract", &good, "--max-bytes", "18446744073709551615"]);
    assert!(out.ok().contains("Laura Benson"), "{}", out.stdout);
    let out = env.run_stdin(["extract", "-", "--max-bytes", "18446744073709551615"], "Officials said it was out.\n");
    assert!(out.ok().contains("it was out"), "{}", out.stdout);
}

/// `claimtrail completions bash | head -c1` and the like: the reader goes
/// away before the output is written.
#[test]
fn a_closed_pipe_ends_completions_and_man_quietly() {
    let env = Env::new();
    for args in [vec!["completions", "bash"], vec!["completions", "zsh"], vec!["man"]] {
        let mut child = env
            .std_cmd()
            .args(&args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: {stderr}");
    }
}

/// Terminal escapes in article text reach the terminal as visible
/// stand-ins, never raw; JSON keeps the text exact.
#[test]
fn terminal_escapes_in_an_article_are_shown_not_obeyed() {
    let env = Env::new();
    let f = env.file("esc.txt", "Officials said the fire\x1b]0;pwned\x07 was out.\x1b[2J\u{202E}\n\nA second line.\n");
    env.run(["record", "s", f.to_str().unwrap()]).ok();
    let out = env.run(["show", "s"]);
    let shown = out.ok();
    assert!(!shown.contains('\x1b') && !shown.contains('\x07') && !shown.contains('\u{202E}'), "{shown:?}");
    assert!(shown.contains("fire\u{241B}]0;pwned\u{2407} was out.\u{241B}[2J\\u{202e}"), "{shown}");
    let json = env.run(["show", "s", "--format", "json"]).json();
    assert!(json["text"].as_str().unwrap().contains("\x1b]0;pwned\x07"), "JSON keeps the text exact");
}

/// A title with a newline (from an edited export; titles are not part of a
/// revision's id) must not forge a row of `stories`.
#[test]
fn a_newline_in_a_title_does_not_forge_a_row_of_stories() {
    let env = Env::new();
    let good = example("01-first.txt").display().to_string();
    env.run(["record", "harbor", &good, "--title", "Harbor fire"]).ok();
    let text = env.run(["export"]).stdout;
    let forged =
        text.replacen("\"title\":\"Harbor fire\"", "\"title\":\"Harbor fire\\nforged  9  2026-01-01 00:00 UTC  x\"", 1);
    assert_ne!(text, forged);
    let f = env.file("forged.jsonl", forged);
    let copy = env.dir.path().join("copy");
    env.run(["--store", copy.to_str().unwrap(), "import", f.to_str().unwrap()]).ok();
    let out = env.run(["--store", copy.to_str().unwrap(), "stories"]);
    let lines: Vec<&str> = out.ok().lines().collect();
    assert_eq!(lines.len(), 2, "a header and one story: {lines:?}");
    assert!(lines[1].contains("Harbor fire\u{240A}forged"), "{lines:?}");
}

/// Issue 12: `record` refused a revision too dense to record in bounded
/// memory, but `track` recorded the same page from a URL. Then a refused
/// page stopped a whole `track --all` run: it is a failed check instead,
/// and the other URLs are still checked.
#[test]
fn track_refuses_a_page_too_dense_to_record() {
    use crate::server::{Reply, Server};
    let env = Env::new();
    let server = Server::start();
    let dense: String = (0..25_000).map(|i| format!("N{i} is.\n\n")).collect();
    let wordy: String = (0..60_000).map(|i| format!("w{i} ")).collect::<String>() + "\n";
    let good = std::fs::read(example("01-first.txt")).unwrap();
    let update = std::fs::read(example("02-update.txt")).unwrap();
    server.on("/story", vec![Reply::ok("text/plain", good), Reply::ok("text/plain", update)]);
    server.on("/dense", vec![Reply::ok("text/plain", dense)]);
    server.on("/wordy", vec![Reply::ok("text/plain", wordy)]);
    env.run(["track", &server.url("/story"), "--story", "harbor"]).ok();
    for (path, needle) in [
        ("/dense", "more than 20000 sentence-ending and quotation marks"),
        ("/wordy", "more than 50000 distinct words"),
    ] {
        let url = server.url(path);
        let story = &path[1..];
        let out = env.run(["track", &url, "--story", story]);
        assert_eq!(out.code, 2, "{}", out.stdout);
        assert!(out.stdout.contains(&format!("cannot record {url}: it holds {needle}")), "{}", out.stdout);
        // Nothing of the page is recorded; the check says why.
        assert!(env.run(["log", story]).err().contains("no story"), "{path}: a revision was recorded");
        let checks = env.run(["log", story, "--checks", "--format", "json"]).json();
        assert_eq!(checks[0]["outcome"], "error", "{checks}");
    }
    // One run over every URL: the dense pages fail, the story still updates.
    let out = env.run(["track", "--all"]);
    assert!(out.stdout.contains("harbor: changed: revision 2 recorded"), "{}", out.stdout);
    assert!(out.stdout.contains("more than 20000 sentence-ending and quotation marks"), "{}", out.stdout);
    env.run(["verify"]).ok();
}

/// An RSS feed piped to `record` was kept as a text article, its markup a
/// statement: it is refused, pointing to `track`.
#[test]
fn a_feed_on_standard_input_was_recorded_as_an_article() {
    let env = Env::new();
    let feed = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE rss>\n<rss version=\"2.0\"><channel>\
        <title>Town desk</title><item><title>Library hours change</title>\
        <description>The library will close early on Fridays, the council said.</description></item></channel></rss>\n";
    let out = env.run_stdin(["record", "town", "-", "--url", "https://news.example/town.rss"], feed);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr.starts_with("error: cannot use standard input as an article: it is a news feed"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("claimtrail track URL"), "{}", out.stderr);
    assert!(!env.store().exists() || env.store_snapshot().is_empty(), "nothing recorded");
}

/// A mistyped `--store` read as an empty store: `stories` said "no
/// stories yet" and exited 0, so the user took the store for empty. Every
/// command that reads a store names the path it did not find, exits 2,
/// and creates nothing there.
#[test]
fn a_mistyped_store_path_is_no_store_not_an_empty_one() {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    let typo = env.dir.path().join("stroe");
    let reads: &[&[&str]] = &[
        &["stories"],
        &["log", "harbor"],
        &["log", "harbor", "--checks"],
        &["show", "harbor"],
        &["blame", "harbor"],
        &["diff", "harbor"],
        &["report", "harbor"],
        &["history", "lithium batteries"],
        &["who", "Benson"],
        &["speakers"],
        &["speakers", "harbor"],
        &["search", "lithium"],
        &["variants"],
        &["verify"],
        &["export"],
        &["export", "--story", "harbor"],
        &["track", "--list"],
        &["track", "--all"],
        &["alias", "--list"],
        &["alias", "Benson", "Laura Benson"],
        &["unalias", "Benson"],
    ];
    // A script's view too: the listings it parses give no empty list.
    let json: &[&[&str]] = &[&["stories"], &["speakers"], &["search", "lithium"], &["track", "--list"]];
    let as_json = json.iter().map(|a| [*a, &["--format", "json"][..]].concat());
    for args in reads.iter().map(|a| a.to_vec()).chain(as_json) {
        let out = env.run([&["--store", typo.to_str().unwrap()][..], &args].concat());
        let err = out.err();
        assert!(err.contains(&format!("no store at {}", typo.display())), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}: {}", out.stdout);
        assert!(!typo.exists(), "{args:?} created {}", typo.display());
    }
    // The configured location ($CLAIMTRAIL_STORE, else the platform's data
    // directory) not created yet is a new installation: no stories yet,
    // as before, and nothing created.
    let home = env.dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let configured = Run::from_cmd(env.cmd().env("CLAIMTRAIL_STORE", &typo).arg("stories"));
    assert!(configured.ok().starts_with("no stories yet"), "{}", configured.stdout);
    let default = |args: &[&str]| {
        Run::from_cmd(
            env.cmd().env_remove("CLAIMTRAIL_STORE").env_remove("XDG_DATA_HOME").env("HOME", &home).args(args),
        )
    };
    assert!(default(&["stories"]).ok().starts_with("no stories yet"));
    assert!(default(&["log", "harbor"]).err().contains("no story \"harbor\""));
    assert!(!typo.exists());
    assert_eq!(std::fs::read_dir(&home).unwrap().count(), 0, "nothing created in the default location");
}
