//! `--help` is the manual people read first: snapshot it.

use crate::util::Env;

#[test]
fn top_level_help_teaches() {
    let env = Env::new();
    insta::assert_snapshot!(env.run(["--help"]).ok());
}

#[test]
fn record_help() {
    let env = Env::new();
    insta::assert_snapshot!(env.run(["record", "--help"]).ok());
}

#[test]
fn unknown_command_is_a_usage_error() {
    let env = Env::new();
    let r = env.run(["frobnicate"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("unrecognized subcommand"), "{}", r.stderr);
}

#[test]
fn track_help_teaches_following_an_outlet() {
    let env = Env::new();
    let help = env.run(["track", "--help"]).ok().to_string();
    for needle in ["Follow an outlet", "news sitemap", "--per-host", "robots.txt", "--stop-after", "--warc"] {
        assert!(help.contains(needle), "track --help lacks {needle:?}");
    }
    insta::assert_snapshot!(help);
}

/// Each command's long help is its Args' doc comment (what it does and
/// examples); a doc comment on the command's variant in cli.rs used to
/// replace it with the one-line summary.
#[test]
fn every_command_s_long_help_shows_its_examples() {
    let env = Env::new();
    for cmd in [
        "extract",
        "diff",
        "record",
        "track",
        "import",
        "export",
        "report",
        "blame",
        "who",
        "speakers",
        "search",
        "history",
        "variants",
        "reanalyze",
        "salvage",
        "completions",
    ] {
        let run = env.run([cmd, "--help"]);
        let help = run.ok();
        let example = format!("  claimtrail {cmd} ");
        assert!(help.lines().any(|l| l.trim_start().starts_with(example.trim_start())), "{cmd} --help:\n{help}");
        // Examples keep their lines: one command per line.
        assert!(!help.contains("article.txt curl"), "{cmd} --help reflows its examples:\n{help}");
    }
}
