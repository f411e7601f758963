//! `claimtrail extract` on files and standard input.

use crate::util::{Env, example};

#[test]
fn extract_json_has_the_contract_fields() {
    let env = Env::new();
    let j = env.run(["extract", "--format", "json", example("01-first.txt").to_str().unwrap()]).json();
    let st = &j["statements"][0];
    for key in ["index", "paragraph", "content", "text", "attribution", "cue", "speaker", "hash", "span"] {
        assert!(st.get(key).is_some(), "statement lacks {key}: {st}");
    }
    assert!(j["speakers"].is_array());
    assert!(j["document"]["paragraphs"].is_array());
    assert!(!env.store().exists(), "extract never touches a store");
}

#[test]
fn extract_reads_standard_input() {
    let env = Env::new();
    let j = env.run_stdin(["extract", "--format", "json"], "The sky is blue.\n").json();
    assert_eq!(j["statements"][0]["content"], "The sky is blue.");
    assert_eq!(j["statements"][0]["attribution"], "unattributed");
}
