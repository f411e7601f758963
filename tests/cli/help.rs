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
