//! The acceptance figures, as tests: the shared gold files and scorers in
//! ../shared (missing is a failure, never a skip). Each runs the real
//! binary the way the scorers' usage says and reads the scorer's last line.

use std::process::{Command, Stdio};

use crate::util::{Env, shared};

/// Run a scorer with the binary's JSON on standard input.
fn score(args: &[&str], json: &str) -> String {
    let mut child = Command::new("python3")
        .arg(shared("eval/score.py"))
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("python3 runs the scorer");
    std::io::Write::write_all(child.stdin.as_mut().unwrap(), json.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn figure(report: &str, label: &str) -> f64 {
    let line = report.lines().rev().find(|l| l.contains(label)).unwrap_or_else(|| panic!("no {label:?} in:\n{report}"));
    line.rsplit(' ').next().unwrap().parse().unwrap()
}

#[test]
fn taji_extraction_scores_one() {
    let env = Env::new();
    for rev in ["rev1", "rev2"] {
        let json =
            env.run(["extract", "--format", "json", shared(&format!("corpus/taji/{rev}.txt")).to_str().unwrap()]);
        let gold = shared(&format!("corpus/taji/gold-{rev}.json"));
        let report = score(&["extract", gold.to_str().unwrap()], json.ok());
        assert_eq!(figure(&report, "attribution F1"), 1.0, "{rev}:\n{report}");
    }
}

#[test]
fn taji_diff_scores_one_from_files_and_from_the_store() {
    let env = Env::new();
    let (r1, r2) = (shared("corpus/taji/rev1.txt"), shared("corpus/taji/rev2.txt"));
    let gold = shared("corpus/taji/gold-diff-rev1-rev2.json");
    let files = env.run(["diff", "--format", "json", r1.to_str().unwrap(), r2.to_str().unwrap()]);
    assert_eq!(files.code, 1, "the claims differ");
    assert_eq!(figure(&score(&["diff", gold.to_str().unwrap()], &files.stdout), "diff F1"), 1.0);
    env.run(["record", "taji", r1.to_str().unwrap()]).ok();
    env.run(["record", "taji", r2.to_str().unwrap()]).ok();
    let stored = env.run(["diff", "taji", "--format", "json"]);
    assert_eq!(figure(&score(&["diff", gold.to_str().unwrap()], &stored.stdout), "diff F1"), 1.0);
}

#[test]
fn polnear_dev_speech_f1_and_precision() {
    let out = Command::new("python3")
        .arg(shared("eval/polnear.py"))
        .arg(shared("corpus/polnear/polnear_dev.jsonl"))
        .args(["--", env!("CARGO_BIN_EXE_claimtrail"), "extract", "--format", "json"])
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout);
    let f1 = figure(&report, "speech F1");
    let precision = report
        .lines()
        .find_map(|l| {
            l.strip_prefix("precision ").and_then(|r| r.split(';').next()).and_then(|p| p.trim().parse::<f64>().ok())
        })
        .unwrap_or_else(|| panic!("no precision in:\n{report}"));
    assert!(f1 >= 0.80, "PolNeAR dev speech F1 {f1} < 0.80:\n{report}");
    assert!(precision >= 0.85, "PolNeAR dev precision {precision} < 0.85:\n{report}");
}

#[test]
fn webpages_meet_the_extraction_bars() {
    let out = Command::new("python3")
        .arg(shared("eval/webpages.py"))
        .arg(shared("corpus/webpages/gold.json"))
        .arg(shared("corpus/webpages"))
        .args(["--", env!("CARGO_BIN_EXE_claimtrail"), "extract", "--format", "json"])
        .output()
        .expect("python3 runs the scorer");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(figure(&report, "paragraph recall") >= 0.95, "{report}");
    let accuracy = |label: &str| {
        report
            .lines()
            .find_map(|l| {
                l.split(label)
                    .nth(1)
                    .and_then(|r| r.split([';', ' ']).find(|w| !w.is_empty()))
                    .and_then(|v| v.parse::<f64>().ok())
            })
            .unwrap_or_else(|| panic!("no {label:?} in:\n{report}"))
    };
    assert!(accuracy("headline accuracy") >= 0.90, "{report}");
    assert!(accuracy("date accuracy") >= 0.80, "{report}");
    let ratio: f64 = report
        .lines()
        .find_map(|l| l.split("paragraph-count ratio ").nth(1))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no ratio in:\n{report}"));
    assert!((0.9..=1.2).contains(&ratio), "{report}");
}
