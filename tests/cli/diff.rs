//! `claimtrail diff` on two files: exit codes, the JSON contract, the text
//! rendering without colour, and errors that name the input.

use assert_cmd::Command;

/// The binary with a fixed environment: no colour, no user store.
fn claimtrail(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("claimtrail").expect("binary built");
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("CLAIMTRAIL_STORE", dir.join("store"))
        .env_remove("CLICOLOR_FORCE");
    cmd
}

const OLD: &str = "\
The council approved the harbour budget on Tuesday.

The ferry will stop running at night from March.

Repairs to the old pier will take about six weeks.
";

const NEW: &str = "\
The council approved the harbour budget on Tuesday evening.

The ferry will stop running at night from March.

Ticket prices for the museum will rise in the summer.
";

fn files() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("old.txt"), OLD).unwrap();
    std::fs::write(dir.path().join("new.txt"), NEW).unwrap();
    dir
}

#[test]
fn same_claims_exit_zero() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "old.txt", "old.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("old.txt vs old.txt: no claim changed"),
        "{stdout}"
    );
}

#[test]
fn changed_claims_exit_one_with_markers() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "old.txt", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("new.txt vs old.txt: 1 added, 1 removed, 1 reworded, 1 unchanged"),
        "{stdout}"
    );
    assert!(stdout.contains("on Tuesday {+evening+}."), "{stdout}");
    assert!(stdout.contains("+ Ticket prices"), "{stdout}");
    assert!(stdout.contains("- Repairs to the old pier"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "no colour without a terminal");
}

#[test]
fn json_follows_the_contract() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "--format", "json", "old.txt", "new.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["from"]["file"], "old.txt");
    assert_eq!(v["to"]["statements"], 3);
    assert_eq!(v["summary"]["reworded"], 1);
    assert_eq!(v["summary"]["unchanged"], 1);
    let changes = v["changes"].as_array().unwrap();
    assert_eq!(changes.len(), 3, "unchanged entries only with --all");
    let added = changes.iter().find(|c| c["change"] == "added").unwrap();
    assert!(added.get("from").is_none());
    assert!(v.get("text_diff").is_none());

    let out = claimtrail(dir.path())
        .args([
            "diff", "--format", "json", "--all", "--text", "old.txt", "new.txt",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 4);
    assert!(v["text_diff"].as_str().unwrap().contains("+++ new.txt"));
}

#[test]
fn text_flag_adds_the_line_diff() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "--text", "old.txt", "new.txt"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("--- old.txt\n+++ new.txt\n@@"), "{stdout}");
    assert!(stdout.contains("\n-Repairs to the old pier"), "{stdout}");
}

#[test]
fn a_moved_paragraph_is_one_move() {
    let dir = files();
    let moved = "\
The ferry will stop running at night from March.

Repairs to the old pier will take about six weeks.

The council approved the harbour budget on Tuesday.
";
    std::fs::write(dir.path().join("moved.txt"), moved).unwrap();
    let out = claimtrail(dir.path())
        .args(["diff", "old.txt", "moved.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("moved.txt vs old.txt: 1 moved, 2 unchanged"),
        "{stdout}"
    );
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "old.txt", "gone.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "error: cannot read gone.txt: no such file\n");
}

#[test]
fn one_argument_is_an_error_with_a_hint() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "my-story"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error: cannot read my-story"), "{stderr}");
    assert!(
        stderr.contains("hint: diff takes two article files"),
        "{stderr}"
    );
}

#[test]
fn help_describes_the_command() {
    let dir = files();
    let out = claimtrail(dir.path())
        .args(["diff", "--help"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}
