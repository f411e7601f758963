//! Bad input, as a table: each case must give a one-line error that names
//! the input and the problem (plus a hint where one helps), exit 2, and
//! leave the store byte-for-byte as it was.

use std::path::PathBuf;

use crate::util::{Env, example};

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
