//! `claimtrail log` and `claimtrail stories`.

use crate::util::{Env, example};

fn three_revisions(env: &Env) {
    for (i, f) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate() {
        let at = format!("2026-01-0{}T10:00:00Z", i + 1);
        env.run(["record", "harbor", example(f).to_str().unwrap(), "--at", &at]).ok();
    }
}

#[test]
fn log_lists_revisions_newest_first() {
    let env = Env::new();
    three_revisions(&env);
    let out = env.run(["log", "harbor"]);
    let lines: Vec<&str> = out.ok().lines().collect();
    assert!(lines[0].starts_with("REV"), "{}", out.stdout);
    assert!(
        lines[1].starts_with("3 ") && lines[1].contains("2026-01-03 10:00 UTC") && lines[1].contains("03-latest.txt")
    );
    assert!(lines[3].starts_with("1 ") && lines[3].contains("01-first.txt"));
    let j = env.run(["log", "harbor", "--format", "json"]).json();
    let revs: Vec<u64> = j.as_array().unwrap().iter().map(|r| r["revision"].as_u64().unwrap()).collect();
    assert_eq!(revs, vec![3, 2, 1]);
    // The chain: each revision's parent is the one before.
    assert_eq!(j[0]["parent"], j[1]["id"]);
    assert_eq!(j[1]["parent"], j[2]["id"]);
    assert!(j[2]["parent"].is_null());
}

#[test]
fn stories_counts_revisions() {
    let env = Env::new();
    assert!(env.run(["stories"]).ok().contains("no stories yet"));
    three_revisions(&env);
    let j = env.run(["stories", "--format", "json"]).json();
    assert_eq!(j[0]["story"], "harbor");
    assert_eq!(j[0]["revisions"], 3);
    assert_eq!(j[0]["last_captured_at"], "2026-01-03T10:00:00Z");
}

#[test]
fn unknown_story_is_an_error_with_a_hint() {
    let env = Env::new();
    three_revisions(&env);
    let err = env.run(["log", "nope"]).err().to_string();
    assert!(err.contains("no story \"nope\""), "{err}");
    assert!(err.contains("hint: `claimtrail stories`"), "{err}");
}

#[test]
fn a_closed_pipe_exits_quietly() {
    let env = Env::new();
    // Far more output than a pipe buffers, so the writes meet the closed pipe.
    let big: String = (0..20_000).map(|i| format!("Sentence number {i} says something.\n\n")).collect();
    let f = env.file("big.txt", big);
    let mut child = env
        .std_cmd()
        .args(["extract", f.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(0));
}
