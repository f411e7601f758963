//! `claimtrail export` and `claimtrail import`: backups restore exactly,
//! directories load in bulk, and re-runs finish the job.

use crate::util::{Env, example, shared};

fn harbor_dir(env: &Env) -> std::path::PathBuf {
    let root = env.dir.path().join("archive");
    std::fs::create_dir_all(root.join("harbor")).unwrap();
    std::fs::create_dir_all(root.join("taji")).unwrap();
    for (i, f) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate() {
        std::fs::copy(example(f), root.join("harbor").join(format!("0{}-2026-01-0{}T1000Z.txt", i + 1, i + 1)))
            .unwrap();
    }
    std::fs::copy(shared("corpus/taji/rev1.txt"), root.join("taji/01-2020-03-12T1800Z.txt")).unwrap();
    std::fs::copy(shared("corpus/taji/rev2.txt"), root.join("taji/02-2020-03-13T0900Z.txt")).unwrap();
    root
}

#[test]
fn a_directory_imports_in_name_order_with_times_from_names() {
    let env = Env::new();
    let root = harbor_dir(&env);
    let out = env.run(["import", root.to_str().unwrap()]);
    assert_eq!(out.ok().trim(), "imported 5 revisions into 2 stories (0 already there, 0 unchanged)");
    let log = env.run(["log", "taji", "--format", "json"]).json();
    assert_eq!(log[0]["captured_at"], "2020-03-13T09:00:00Z");
    assert_eq!(log[1]["captured_at"], "2020-03-12T18:00:00Z");
    // Running it again finds everything there.
    let out = env.run(["import", root.to_str().unwrap()]);
    assert_eq!(out.ok().trim(), "imported 0 revisions into 0 stories (5 already there, 0 unchanged)");
    env.run(["verify"]).ok();
}

#[test]
fn export_then_import_reproduces_the_store_exactly() {
    let env = Env::new();
    let root = harbor_dir(&env);
    env.run(["import", root.to_str().unwrap()]).ok();
    let backup = env.dir.path().join("backup.jsonl");
    env.run(["export", "-o", backup.to_str().unwrap()]).ok();
    let copy = env.dir.path().join("copy");
    let out = env.run(["--store", copy.to_str().unwrap(), "import", backup.to_str().unwrap()]);
    assert!(out.ok().contains("imported 5 revisions into 2 stories"), "{}", out.stdout);
    env.run(["--store", copy.to_str().unwrap(), "verify"]).ok();
    let original = env.run(["log", "taji", "--format", "json"]).json();
    let restored = env.run(["--store", copy.to_str().unwrap(), "log", "taji", "--format", "json"]).json();
    assert_eq!(original, restored, "same ids, same chain");
    let again = env.run(["--store", copy.to_str().unwrap(), "export"]);
    assert_eq!(again.ok(), std::fs::read_to_string(&backup).unwrap(), "export of the copy is byte-identical");
}

#[test]
fn one_story_exports_alone() {
    let env = Env::new();
    env.run(["import", harbor_dir(&env).to_str().unwrap()]).ok();
    let out = env.run(["export", "--story", "harbor"]);
    let lines: Vec<serde_json::Value> = out.ok().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines[0]["kind"], "header");
    assert_eq!(lines.len(), 4);
    assert!(lines[1..].iter().all(|l| l["story"] == "harbor"));
}

#[test]
fn a_changed_export_is_refused() {
    let env = Env::new();
    env.run(["import", harbor_dir(&env).to_str().unwrap()]).ok();
    let text = env.run(["export", "--story", "harbor"]).stdout;
    let tampered = text.replacen("sending thick smoke", "sending thin smoke", 1);
    assert_ne!(text, tampered);
    let f = env.file("tampered.jsonl", tampered);
    let copy = env.dir.path().join("copy");
    let err = env.run(["--store", copy.to_str().unwrap(), "import", f.to_str().unwrap()]).err().to_string();
    assert!(err.contains("does not match its id") && err.contains("tampered.jsonl"), "{err}");
}

#[test]
fn import_refuses_what_is_not_an_export() {
    let env = Env::new();
    let f = env.file("notes.jsonl", "{\"hello\": 1}\n");
    let err = env.run(["import", f.to_str().unwrap()]).err().to_string();
    assert!(err.contains("notes.jsonl: line 1 is not a claimtrail export record"), "{err}");
    let empty_dir = env.dir.path().join("empty");
    std::fs::create_dir(&empty_dir).unwrap();
    let err = env.run(["import", empty_dir.to_str().unwrap()]).err().to_string();
    assert!(err.contains("holds no story folders"), "{err}");
    assert!(!env.store().exists());
}
