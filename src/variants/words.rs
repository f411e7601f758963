//! A statement's wording as the variant index compares it: normalised words
//! and the fingerprints stored for them.
//!
//! Renderings of one quote differ in ways that do not change the claim:
//! case, punctuation and quotation marks, "U.S." for "United States",
//! "Gen." for "General", "won't" for "will not", British or American
//! spelling, a colon for a comma, and the shifts of reported speech ("we
//! will" becomes "they would"). [`words`] folds those away with small
//! general tables, not sentence-specific ones. [`prints`] is part of the
//! store's variant index (`store/src/near.rs`): changing it makes stored
//! fingerprints stale, so it is versioned by the index's marker key.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::extract::normalize::normalize_content;

/// Abbreviations written with dots or in capitals, and the words they
/// stand for.
const ACRONYMS: &[(&str, &[&str])] = &[
    ("us", &["united", "states"]),
    ("usa", &["united", "states"]),
    ("uk", &["united", "kingdom"]),
    ("un", &["united", "nations"]),
    ("eu", &["european", "union"]),
];

/// Shortened words (titles, institutions) and what they stand for.
const SHORT: &[(&str, &str)] = &[
    ("gen", "general"),
    ("lt", "lieutenant"),
    ("col", "colonel"),
    ("maj", "major"),
    ("sgt", "sergeant"),
    ("adm", "admiral"),
    ("capt", "captain"),
    ("cmdr", "commander"),
    ("sec", "secretary"),
    ("secy", "secretary"),
    ("pres", "president"),
    ("sen", "senator"),
    ("rep", "representative"),
    ("gov", "governor"),
    ("govt", "government"),
    ("dept", "department"),
    ("intl", "international"),
    ("natl", "national"),
    ("corp", "corporation"),
    ("mt", "mount"),
    ("ft", "fort"),
    ("approx", "approximately"),
];

/// British spellings folded into American ones, and a few spelling pairs.
const SPELLING: &[(&str, &str)] = &[
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("honour", "honor"),
    ("labour", "labor"),
    ("favour", "favor"),
    ("behaviour", "behavior"),
    ("neighbour", "neighbor"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("programme", "program"),
    ("organisation", "organization"),
    ("organisations", "organizations"),
    ("recognise", "recognize"),
    ("apologise", "apologize"),
    ("realise", "realize"),
    ("authorised", "authorized"),
    ("criticised", "criticized"),
];

/// Number words as digits.
const NUMBERS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
];

/// Reported speech shifts tense and person ("we will" → "they would"):
/// fold each form into one.
const SHIFTS: &[(&str, &str)] = &[
    ("would", "will"),
    ("shall", "will"),
    ("could", "can"),
    ("might", "may"),
    ("am", "is"),
    ("are", "is"),
    ("was", "is"),
    ("were", "is"),
    ("has", "have"),
    ("had", "have"),
    ("does", "do"),
    ("did", "do"),
    ("i", "we"),
    ("he", "we"),
    ("she", "we"),
    ("they", "we"),
    ("me", "us"),
    ("him", "us"),
    ("them", "us"),
    ("my", "our"),
    ("his", "our"),
    ("her", "our"),
    ("its", "our"),
    ("their", "our"),
    ("mine", "ours"),
    ("theirs", "ours"),
    ("hers", "ours"),
    ("myself", "ourselves"),
    ("himself", "ourselves"),
    ("herself", "ourselves"),
    ("themselves", "ourselves"),
    ("itself", "ourselves"),
];

/// Contractions, whole.
const CONTRACTIONS: &[(&str, &[&str])] = &[
    ("won't", &["will", "not"]),
    ("can't", &["can", "not"]),
    ("cannot", &["can", "not"]),
    ("shan't", &["will", "not"]),
    ("let's", &["let", "us"]),
    ("it's", &["it", "is"]),
    ("that's", &["that", "is"]),
    ("there's", &["there", "is"]),
    ("what's", &["what", "is"]),
    ("he's", &["he", "is"]),
    ("she's", &["she", "is"]),
    ("i'm", &["i", "am"]),
];

/// Words that carry no claim of their own (after folding): they shape the
/// sentence, so [`similarity`](super::compare) counts them, but a
/// fingerprint of them alone would join unrelated sentences.
const FUNCTION_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "as",
    "into",
    "about",
    "over",
    "after",
    "before",
    "than",
    "then",
    "that",
    "this",
    "these",
    "those",
    "which",
    "who",
    "whom",
    "what",
    "it",
    "is",
    "be",
    "been",
    "being",
    "have",
    "do",
    "will",
    "can",
    "may",
    "must",
    "should",
    "we",
    "us",
    "our",
    "ours",
    "ourselves",
    "you",
    "your",
    "there",
    "here",
    "so",
    "if",
    "also",
    "just",
    "very",
    "all",
    "any",
    "some",
    "let",
    "said",
    "says",
    "say",
    "told",
    "would",
    "up",
    "out",
    "its",
    "s",
];

/// [`FUNCTION_WORDS`] as a set, and every folded word's result (the
/// tables applied in order), built once: a statement has tens of words
/// and a bulk import millions of statements.
static FUNCTION_SET: LazyLock<HashSet<&'static str>> = LazyLock::new(|| FUNCTION_WORDS.iter().copied().collect());
static FOLDS: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut out = HashMap::new();
    for (k, _) in SHORT.iter().chain(SPELLING).chain(NUMBERS).chain(SHIFTS) {
        let mut w = *k;
        for table in [SHORT, SPELLING, NUMBERS, SHIFTS] {
            w = lookup(table, w).unwrap_or(w);
        }
        out.insert(*k, w);
    }
    out
});

pub fn is_function_word(w: &str) -> bool {
    FUNCTION_SET.contains(w)
}

fn lookup<'a, T: ?Sized>(table: &'a [(&str, &'a T)], w: &str) -> Option<&'a T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

/// The normalised words of a statement's content, in order.
pub fn words(content: &str) -> Vec<String> {
    words_and_names(content).0
}

/// [`words`], and for each whether it comes from a capitalised word inside
/// a sentence (a name: "WeWork declined to comment" and "Lujan declined to
/// comment" are about different people).
pub fn words_and_names(content: &str) -> (Vec<String>, Vec<bool>) {
    let text = normalize_content(content);
    let mut out = Vec::new();
    let mut names = Vec::new();
    let mut sentence_start = true;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '&' || c == '%' {
            out.push(if c == '&' { "and" } else { "percent" }.to_string());
            names.push(false);
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            if matches!(c, '.' | '!' | '?' | ':' | ';') {
                sentence_start = true;
            }
            i += 1;
            continue;
        }
        // A word: letters and digits, with inner apostrophes ("won't"),
        // inner dots between single letters ("U.S.") and inner commas or
        // dots between digits ("1,200", "3.5").
        let start = i;
        let mut dotted = false;
        while i < chars.len() {
            let d = chars[i];
            if d.is_alphanumeric() {
                i += 1;
                continue;
            }
            let next = chars.get(i + 1).copied();
            let prev = chars[i - 1];
            if d == '\'' && next.is_some_and(char::is_alphanumeric) {
                i += 1;
                continue;
            }
            if d == '.' && prev.is_alphabetic() && next.is_some_and(char::is_alphabetic) {
                // "U.S": single letters between the dots.
                let before = i < 2 || !chars[i - 2].is_alphanumeric();
                let after = chars.get(i + 2).is_none_or(|c| !c.is_alphanumeric());
                if before && after {
                    dotted = true;
                    i += 1;
                    continue;
                }
            }
            if matches!(d, ',' | '.') && prev.is_ascii_digit() && next.is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
                continue;
            }
            break;
        }
        let raw: String = chars[start..i].iter().collect();
        // "U.S." keeps its last dot: skip it.
        if dotted && chars.get(i) == Some(&'.') {
            i += 1;
        }
        let name = !sentence_start && raw.starts_with(char::is_uppercase);
        push_word(&raw, dotted, &mut out);
        names.resize(out.len(), name);
        sentence_start = false;
    }
    (out, names)
}

fn push_word(raw: &str, dotted: bool, out: &mut Vec<String>) {
    let lower: String = raw.to_lowercase();
    // "1,200" is 1200; "U.S" is "us"; "3.5" keeps its point.
    let plain: String = lower.chars().filter(|c| *c != ',' && !(dotted && *c == '.')).collect();
    let capitals = raw.len() >= 2 && raw.chars().all(|c| c.is_ascii_uppercase());
    if (dotted || capitals)
        && let Some(ws) = lookup(ACRONYMS, &plain)
    {
        out.extend(ws.iter().map(|w| w.to_string()));
        return;
    }
    if let Some(ws) = lookup(CONTRACTIONS, &plain) {
        out.extend(ws.iter().map(|w| fold(w)));
        return;
    }
    let (stem, not) = match plain.strip_suffix("n't") {
        Some(s) => (s.to_string(), true),
        None => (plain.clone(), false),
    };
    // Possessives and other clitics: "Iran's" is "Iran"; "we'll" is "we will".
    let (stem, extra) = match stem.split_once('\'') {
        Some((s, "ll")) => (s.to_string(), Some("will")),
        Some((s, "re")) => (s.to_string(), Some("is")),
        Some((s, "ve")) => (s.to_string(), Some("have")),
        Some((s, "d")) => (s.to_string(), Some("will")),
        Some((s, _)) => (s.to_string(), None),
        None => (stem, None),
    };
    if stem.is_empty() {
        return;
    }
    out.push(fold(&stem));
    if let Some(e) = extra {
        out.push(fold(e));
    }
    if not {
        out.push("not".to_string());
    }
}

/// One word through the tables (short forms, spellings, numbers, shifts).
fn fold(w: &str) -> String {
    FOLDS.get(w).copied().unwrap_or(w).to_string()
}

/// The words that carry the claim: [`words`] without function words.
pub fn content_words(words: &[String]) -> Vec<&str> {
    words.iter().map(String::as_str).filter(|w| !is_function_word(w)).collect()
}

/// The seed of a fingerprint (FNV-1a's offset basis, then this version
/// tag); part of the variant index's format (see the module notes).
const PRINT_SEED: &[u8] = b"claimtrail 2026-11 variant shingle v2";

/// FNV-1a, 64 bits: fingerprints need to be stable and fast, not secret
/// (a collision only proposes a candidate the check then rejects).
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Consecutive content words per shingle.
const SHINGLE: usize = 2;

/// The fingerprints of a statement's wording, for the variant index: every
/// pair of consecutive content words, hashed. Two renderings sharing any
/// such pair are proposed to [`super::compare`], so a rendering truncated
/// to its head or tail, with a word dropped, or with every third word
/// changed still meets the whole (containment, not only resemblance).
/// (Winnowing, keeping the smallest of each few, halves the index but
/// misses paraphrases that share only short runs: measured on the fixture
/// in `tests/fixtures/variants`, it lost both paraphrases in quotes.) A
/// statement of fewer than two content words has none: too short to be
/// told apart from others.
pub fn prints(content: &str) -> Vec<u64> {
    let ws = words(content);
    let content = content_words(&ws);
    let seed = fnv(0xcbf2_9ce4_8422_2325, PRINT_SEED);
    let mut out: Vec<u64> = content
        .windows(SHINGLE)
        .map(|pair| pair.iter().fold(seed, |h, w| fnv(fnv(h, &(w.len() as u32).to_le_bytes()), w.as_bytes())))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable() {
        // Part of the store's format: a change here needs a new marker
        // (`Mnear:vN` in store/src/keys.rs), so old indexes are rebuilt.
        assert_eq!(prints("United States tolerate"), prints("the U.S. will tolerate"));
        assert_eq!(prints("united states"), [0x92c8_8e94_52d3_aeaa]);
    }

    #[test]
    fn abbreviations_quotes_and_case_fold_away() {
        assert_eq!(
            words("Let me be clear: the U.S. won't tolerate it"),
            words("“Let me be clear, the United States will not tolerate it.”")
        );
        assert_eq!(words("Gen. Ward's Defence Dept"), ["general", "ward", "defense", "department"]);
        assert_eq!(words("the US told us"), ["the", "united", "states", "told", "us"]);
        assert_eq!(words("1,200 troops and 3.5%"), ["1200", "troops", "and", "3.5", "percent"]);
    }

    #[test]
    fn names_are_capitalised_words_inside_a_sentence() {
        let (ws, names) = words_and_names("Let me be clear: The U.S. and WeWork. Lujan said");
        let named: Vec<&str> = ws.iter().zip(&names).filter(|(_, n)| **n).map(|(w, _)| w.as_str()).collect();
        assert_eq!(named, ["united", "states", "wework"]);
    }

    #[test]
    fn reported_speech_folds_into_the_quote() {
        assert_eq!(words("we will defend our crews"), words("they would defend their crews"));
    }

    #[test]
    fn a_truncated_rendering_shares_fingerprints_with_the_whole() {
        let whole = prints("The United States will not tolerate attacks on our crews, our ports or our partners");
        let tail = prints("attacks on our crews, our ports or our partners");
        let head = prints("The U.S. will not tolerate attacks on our crews");
        assert!(tail.iter().any(|p| whole.contains(p)));
        assert!(head.iter().any(|p| whole.contains(p)));
        assert!(prints("it is").is_empty());
    }
}
