//! `claimtrail record`.

use crate::util::{Env, example, shared};

#[test]
fn records_a_new_story_then_an_update() {
    let env = Env::new();
    let out = env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]);
    assert!(out.ok().starts_with("harbor: recorded revision 1 ("), "{}", out.stdout);
    assert!(out.stdout.contains("new story"));
    let out = env.run(["record", "harbor", example("02-update.txt").to_str().unwrap()]);
    assert!(out.ok().starts_with("harbor: recorded revision 2 ("), "{}", out.stdout);
}

#[test]
fn rerecording_unchanged_text_records_nothing() {
    let env = Env::new();
    let f = example("01-first.txt");
    env.run(["record", "harbor", f.to_str().unwrap()]).ok();
    let before = env.store_snapshot();
    let out = env.run(["record", "harbor", f.to_str().unwrap()]);
    assert!(out.ok().contains("unchanged since revision 1"), "{}", out.stdout);
    assert_eq!(env.store_snapshot(), before, "an unchanged record must not write");
}

#[test]
fn whitespace_only_changes_are_unchanged() {
    let env = Env::new();
    env.run(["record", "s", env.file("a.txt", "One claim here.\n\nAnother one.\n").to_str().unwrap()]).ok();
    let out =
        env.run(["record", "s", env.file("b.txt", "One   claim\nhere.\n\n\n\nAnother one.   \n").to_str().unwrap()]);
    assert!(out.ok().contains("unchanged since revision 1"), "{}", out.stdout);
}

#[test]
fn returning_to_an_earlier_text_is_a_revert() {
    let env = Env::new();
    let a = example("01-first.txt");
    let b = example("02-update.txt");
    for f in [&a, &b] {
        env.run(["record", "harbor", f.to_str().unwrap()]).ok();
    }
    let out = env.run(["record", "harbor", a.to_str().unwrap()]);
    assert!(out.ok().contains("recorded revision 3"), "{}", out.stdout);
    assert!(out.stdout.contains("a revert: the text is that of revision 1"), "{}", out.stdout);
    let log = env.run(["log", "harbor", "--format", "json"]).json();
    assert_eq!(log[0]["revert_of"], 1);
}

#[test]
fn reads_standard_input_and_at() {
    let env = Env::new();
    let out = env.run_stdin(["record", "s", "-", "--at", "2020-03-12 18:30", "--format", "json"], "A claim.\n");
    let j = out.json();
    assert_eq!(j["outcome"], "recorded");
    assert_eq!(j["revision"], 1);
    let log = env.run(["log", "s", "--format", "json"]).json();
    assert_eq!(log[0]["captured_at"], "2020-03-12T18:30:00Z");
    assert_eq!(log[0]["source"], "-");
}

#[test]
fn the_taji_story_records_two_revisions_and_not_a_third() {
    let env = Env::new();
    let r1 = shared("corpus/taji/rev1.txt");
    let r2 = shared("corpus/taji/rev2.txt");
    env.run(["record", "taji", r1.to_str().unwrap()]).ok();
    env.run(["record", "taji", r2.to_str().unwrap()]).ok();
    assert!(env.run(["record", "taji", r2.to_str().unwrap()]).ok().contains("unchanged since revision 2"));
    let log = env.run(["log", "taji", "--format", "json"]).json();
    assert_eq!(log.as_array().unwrap().len(), 2);
    env.run(["verify"]).ok();
}

#[test]
fn same_bytes_are_stored_once() {
    let env = Env::new();
    let a = example("01-first.txt");
    let b = example("02-update.txt");
    for f in [&a, &b, &a] {
        env.run(["record", "harbor", f.to_str().unwrap()]).ok();
    }
    // Three revisions, but the revert's raw bytes and text are already there.
    let blobs = env.store_snapshot().iter().filter(|(k, _)| k[0] == b'B').count();
    assert_eq!(blobs, 4, "raw and text of two distinct inputs");
}

#[test]
fn bad_story_ids_are_refused_before_reading() {
    let env = Env::new();
    let f = example("01-first.txt");
    for (id, why) in [("", "it is empty"), ("two words", "white space"), ("a/b", "'/'")] {
        let out = env.run(["record", id, f.to_str().unwrap()]);
        let err = out.err();
        assert!(err.contains("invalid story id") && err.contains(why), "{err}");
        assert!(err.contains("hint: "), "{err}");
    }
    assert!(!env.store().exists(), "a refused record must not create the store");
}

#[test]
fn unreadable_inputs_name_the_file() {
    let env = Env::new();
    let missing = env.dir.path().join("nope.txt");
    let err = env.run(["record", "s", missing.to_str().unwrap()]).err().to_string();
    assert!(err.contains("nope.txt") && err.contains("no such file"), "{err}");
    let err = env.run(["record", "s", env.dir.path().to_str().unwrap()]).err().to_string();
    assert!(err.contains("it is a directory"), "{err}");
    let empty = env.file("empty.txt", "");
    assert!(env.run(["record", "s", empty.to_str().unwrap()]).err().contains("empty.txt as an article: it is empty"));
    let bin = env.file("bin.dat", b"abc\0def");
    assert!(env.run(["record", "s", bin.to_str().unwrap()]).err().contains("looks binary"));
    let blank = env.file("blank.txt", " \n\t\n");
    assert!(env.run(["record", "s", blank.to_str().unwrap()]).err().contains("only white space"));
    let latin1 = env.file("latin1.txt", b"caf\xe9 au lait");
    assert!(env.run(["record", "s", latin1.to_str().unwrap()]).err().contains("not valid UTF-8"));
    let err =
        env.run(["record", "s", example("01-first.txt").to_str().unwrap(), "--max-bytes", "10"]).err().to_string();
    assert!(err.contains("larger than the limit of 10 bytes") && err.contains("--max-bytes"), "{err}");
    let err = env.run(["record", "s", example("01-first.txt").to_str().unwrap(), "--at", "yesterday"]).stderr;
    assert!(err.contains("\"yesterday\" is not a time"), "{err}");
    assert!(!env.store().exists(), "bad input must not create the store");
}

#[test]
fn a_store_path_that_is_a_file_is_refused() {
    let env = Env::new();
    let f = env.file("store", "not a directory");
    let err = env.run(["record", "s", example("01-first.txt").to_str().unwrap()]).err().to_string();
    assert!(err.contains("is a file, not a directory"), "{err}");
    assert_eq!(std::fs::read(f).unwrap(), b"not a directory");
}

/// `bytes` gzip-compressed, as `gzip` or a saving browser writes them.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    z.write_all(bytes).unwrap();
    z.finish().unwrap()
}

#[test]
fn a_gzip_compressed_article_is_read_as_what_it_holds() {
    let env = Env::new();
    let first = std::fs::read(example("01-first.txt")).unwrap();
    let zipped = env.file("first.txt.gz", gzip(&first));
    let out = env.run(["record", "harbor", zipped.to_str().unwrap()]);
    assert!(out.ok().starts_with("harbor: recorded revision 1 ("), "{}", out.stdout);
    // The same text uncompressed is the same revision.
    let out = env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]);
    assert!(out.ok().contains("unchanged since revision 1"), "{}", out.stdout);
    // A saved page keeps its kind under .gz: read as HTML, not as markup text.
    let page = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/ferry-vote-full.html");
    let page = std::fs::read(page).unwrap();
    let plain = env.file("page.html", &page);
    let zipped = env.file("page.html.gz", gzip(&page));
    let a = env.run(["extract", plain.to_str().unwrap(), "--format", "json"]).json();
    let b = env.run(["extract", zipped.to_str().unwrap(), "--format", "json"]).json();
    assert!(!a["statements"].as_array().unwrap().is_empty(), "{a}");
    assert_eq!(a["statements"], b["statements"]);
    // An import directory may hold compressed revisions too.
    let dir = env.dir.path().join("archive/harbor-two");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("01-2026-01-02T0800Z.txt.gz"), gzip(&first)).unwrap();
    std::fs::write(dir.join("02-2026-01-02T0900Z.txt"), std::fs::read(example("02-update.txt")).unwrap()).unwrap();
    env.run(["import", "--quiet", env.dir.path().join("archive").to_str().unwrap()]).ok();
    let log = env.run(["log", "harbor-two", "--format", "json"]).json();
    assert_eq!(log.as_array().map(Vec::len), Some(2), "{log}");
    env.run(["verify"]).ok();
}

/// A directory of the user's own, taken for a store: `record` put the
/// store's files (db/, journal, lock, format) beside the user's. Every
/// command that creates a store refuses a directory that holds anything
/// and is not a store, naming it, and leaves it as it was; an empty
/// directory, or a path not there yet, is where a store is made.
#[test]
fn a_directory_of_other_files_is_not_made_a_store() {
    let env = Env::new();
    let mine = env.dir.path().join("documents");
    std::fs::create_dir(&mine).unwrap();
    std::fs::write(mine.join("notes.txt"), "my notes\n").unwrap();
    std::fs::create_dir(mine.join("photos")).unwrap();
    let store = mine.to_str().unwrap();
    let article = example("01-first.txt");
    let archive = env.dir.path().join("archive");
    std::fs::create_dir_all(archive.join("harbor")).unwrap();
    std::fs::copy(&article, archive.join("harbor/01-2026-01-06T2130Z.txt")).unwrap();
    env.run(["record", "harbor", article.to_str().unwrap()]).ok();
    let export = env.file("backup.jsonl", env.run(["export"]).ok());
    let writes: &[&[&str]] = &[
        &["record", "harbor", article.to_str().unwrap()],
        &["import", archive.to_str().unwrap()],
        &["import", export.to_str().unwrap()],
        &["track", "http://127.0.0.1:9/harbor-fire"],
    ];
    for args in writes {
        let out = env.run([&["--store", store][..], args].concat());
        let err = out.err();
        assert!(
            err.contains(&format!(
                "{store} is not a claimtrail store and is not empty (it holds \"notes.txt\", \"photos\")"
            )),
            "{args:?}: {err}"
        );
        let mut left: Vec<String> =
            std::fs::read_dir(&mine).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        left.sort();
        assert_eq!(left, ["notes.txt", "photos"], "{args:?} wrote into the directory");
    }
    // An empty directory, and one not there yet, become stores.
    let empty = env.dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for dir in [empty, env.dir.path().join("new/store")] {
        env.run(["--store", dir.to_str().unwrap(), "record", "harbor", article.to_str().unwrap()]).ok();
        env.run(["--store", dir.to_str().unwrap(), "record", "harbor", example("02-update.txt").to_str().unwrap()])
            .ok();
        env.run(["--store", dir.to_str().unwrap(), "verify"]).ok();
    }
}
