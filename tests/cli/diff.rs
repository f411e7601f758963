//! `claimtrail diff` on two files: exit codes, the JSON contract, the text
//! rendering without colour, and errors that name the input.

use assert_cmd::Command;

/// The binary with a fixed environment: no colour, no user store.
fn claimtrail(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("claimtrail").expect("binary built");
    cmd.current_dir(dir).env("NO_COLOR", "1").env("CLAIMTRAIL_STORE", dir.join("store")).env_remove("CLICOLOR_FORCE");
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
    let out = claimtrail(dir.path()).args(["diff", "old.txt", "old.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("old.txt vs old.txt: no claim changed"), "{stdout}");
}

#[test]
fn changed_claims_exit_one_with_markers() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "old.txt", "new.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("new.txt vs old.txt: 1 added, 1 removed, 1 reworded, 1 unchanged"), "{stdout}");
    assert!(stdout.contains("on Tuesday {+evening+}."), "{stdout}");
    assert!(stdout.contains("+ Ticket prices"), "{stdout}");
    assert!(stdout.contains("- Repairs to the old pier"), "{stdout}");
    assert!(!stdout.contains('\x1b'), "no colour without a terminal");
}

#[test]
fn json_follows_the_contract() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "old.txt", "new.txt"]).output().unwrap();
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
        .args(["diff", "--format", "json", "--all", "--text", "old.txt", "new.txt"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["changes"].as_array().unwrap().len(), 4);
    assert!(v["text_diff"].as_str().unwrap().contains("+++ new.txt"));
}

#[test]
fn text_flag_adds_the_line_diff() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "--text", "old.txt", "new.txt"]).output().unwrap();
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
    let out = claimtrail(dir.path()).args(["diff", "old.txt", "moved.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.starts_with("moved.txt vs old.txt: 1 moved, 2 unchanged"), "{stdout}");
}

#[test]
fn missing_file_is_an_error_naming_it() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "old.txt", "gone.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr, "error: cannot read gone.txt: no such file\n");
}

#[test]
fn one_argument_names_a_story() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "my-story"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("error: no story \"my-story\" in the store"), "{stderr}");
}

#[test]
fn help_describes_the_command() {
    let dir = files();
    let out = claimtrail(dir.path()).args(["diff", "--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

mod stored {
    use crate::util::{Env, example};

    fn harbor() -> Env {
        let env = Env::new();
        for f in ["01-first.txt", "02-update.txt", "03-latest.txt"] {
            env.run(["record", "harbor", example(f).to_str().unwrap()]).ok();
        }
        env
    }

    #[test]
    fn story_alone_is_its_latest_revision_against_the_one_before() {
        let env = harbor();
        let out = env.run(["diff", "harbor"]);
        assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.starts_with("harbor@3 vs harbor@2: "), "{}", out.stdout);
        let j = env.run(["diff", "harbor", "--format", "json"]).json();
        assert_eq!(j["from"]["revision"], 2);
        assert_eq!(j["to"]["revision"], 3);
        assert_eq!(j["from"]["story"], "harbor");
    }

    #[test]
    fn any_two_revisions_by_number_prefix_or_at_form() {
        let env = harbor();
        let log = env.run(["log", "harbor", "--format", "json"]).json();
        let first = log[2]["id"].as_str().unwrap()[..6].to_string();
        let a = env.run(["diff", "harbor", "1", "3", "--format", "json"]).json();
        let b = env.run(["diff", "harbor", &first, "latest", "--format", "json"]).json();
        let c = env.run(["diff", "harbor@1", "harbor@3", "--format", "json"]).json();
        assert_eq!(a, b);
        assert_eq!(a, c);
        let same = env.run(["diff", "harbor", "2", "2"]);
        assert_eq!(same.code, 0, "{}", same.stdout);
        assert!(same.stdout.contains("no claim changed"), "{}", same.stdout);
    }

    #[test]
    fn a_claim_that_comes_back_is_restored() {
        let env = Env::new();
        let a =
            env.file("a.txt", "The bridge will reopen on Monday.\n\nThe mayor said the repairs cost two million.\n");
        let b = env.file("b.txt", "The bridge will reopen on Monday.\n");
        let c = env.file(
            "c.txt",
            "The bridge will reopen on Monday.\n\nThe mayor said the repairs cost two million.\n\nTraffic is light.\n",
        );
        for f in [&a, &b, &c] {
            env.run(["record", "s", f.to_str().unwrap()]).ok();
        }
        let j = env.run(["diff", "s", "--format", "json"]).json();
        let kinds: Vec<&str> = j["changes"].as_array().unwrap().iter().map(|c| c["change"].as_str().unwrap()).collect();
        assert!(kinds.contains(&"restored"), "{kinds:?}");
        assert!(kinds.contains(&"added"), "{kinds:?}");
    }

    #[test]
    fn one_revision_has_nothing_to_compare() {
        let env = Env::new();
        env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
        let err = env.run(["diff", "harbor"]).err().to_string();
        assert!(err.contains("has only one revision"), "{err}");
    }
}

/// A Markdown article's first heading is its title, kept out of its
/// paragraphs as an HTML page's is: rewritten, it is reported as the
/// headline, not lost between the two texts.
#[test]
fn a_rewritten_markdown_headline_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let body = "The harbour ferry will stop running in May, the port authority said on Monday.\n";
    std::fs::write(dir.path().join("a.md"), format!("# Harbour ferry to stop in May\n\n{body}")).unwrap();
    std::fs::write(dir.path().join("b.md"), format!("# Harbour ferry reprieved until June\n\n{body}")).unwrap();
    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "a.md", "b.md"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["headline"]["to"], "Harbour ferry reprieved until June", "{json}");
    for (file, _) in [("a.md", 1), ("b.md", 2)] {
        let out = claimtrail(dir.path()).args(["record", "ferry", file]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    }
    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "ferry", "1", "2"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["headline"]["from"], "Harbour ferry to stop in May", "{json}");
}

/// An HTML page whose headline (its `<h1>` and title) is `headline`.
fn page(headline: &str) -> String {
    format!(
        "<html><head><title>{headline} | Valley Press</title></head><body><article><h1>{headline}</h1>\
         <p>The harbour ferry will stop running in May, the port authority said on Monday.</p>\
         <p>\u{201C}We have no money left for the boats,\u{201D} said Ann Roe, the authority's director.</p>\
         </article></body></html>"
    )
}

/// An HTML page's headline is its title, not a statement: a rewritten one
/// is still reported (files and stored revisions alike), word by word, and
/// makes the pages differ; the same headline reports nothing.
#[test]
fn a_rewritten_html_headline_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.html"), page("Harbour ferry to stop in May")).unwrap();
    std::fs::write(dir.path().join("b.html"), page("Harbour ferry reprieved until June")).unwrap();
    std::fs::write(dir.path().join("c.html"), page("Harbour ferry reprieved until June")).unwrap();

    let out = claimtrail(dir.path()).args(["diff", "a.html", "b.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("no claim changed, 2 unchanged; the headline was rewritten"), "{text}");
    assert!(text.contains("Harbour ferry [-to stop in May-]{+reprieved until June+}"), "{text}");

    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "a.html", "b.html"]).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["headline"]["from"], "Harbour ferry to stop in May");
    assert_eq!(json["headline"]["to"], "Harbour ferry reprieved until June");
    assert_eq!(json["headline"]["words"][1], serde_json::json!({"op": "delete", "text": "to stop in May"}));

    let out = claimtrail(dir.path()).args(["diff", "--format", "html", "a.html", "b.html"]).output().unwrap();
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(
        html.contains("<strong>Headline rewritten:</strong> Harbour ferry <del>to stop in May</del><ins>reprieved until June</ins>"),
        "{html}"
    );

    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "b.html", "c.html"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.get("headline").is_none(), "{json}");

    // A tracked page whose only edit is its headline gets a revision of
    // its own; the same page again does not.
    for (file, outcome) in [("a.html", "recorded"), ("b.html", "recorded"), ("c.html", "unchanged")] {
        let out = claimtrail(dir.path()).args(["record", "--format", "json", "ferry", file]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["outcome"], outcome, "{file}: {json}");
        assert!(json["revert_of"].is_null(), "{file}: {json}");
    }
    let out = claimtrail(dir.path()).args(["diff", "--format", "json", "ferry", "1", "2"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["headline"]["to"], "Harbour ferry reprieved until June", "{json}");
}
