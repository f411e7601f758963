//! Word-level comparison of two statement contents: tokens, the word diff
//! (through `similar`), similarity, containment, and which words lie inside
//! quotation marks.
//!
//! It sees only content strings: it knows nothing of speakers, pairing or
//! the JSON contract beyond the [`WordOp`] it produces.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Serialize};
use std::ops::Range;

use similar::{Algorithm, DiffOp, DiffTag, capture_diff_slices};

use crate::extract::normalize::normalize_content;

/// One run of the word diff, as the JSON contract shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordOp {
    pub op: Op,
    /// The words of the run as they read in the (normalised) content, without
    /// surrounding white space.
    pub text: String,
    /// Whether the content had white space before this run; only for
    /// rendering the runs back into a readable line, not part of the contract.
    #[serde(skip)]
    pub space_before: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

#[derive(Clone, Debug)]
struct Token {
    start: usize,
    end: usize,
    /// A word (letters or digits), as opposed to one punctuation character.
    word: bool,
    /// Inside quotation marks: an edit here changes what someone is quoted
    /// as saying.
    quoted: bool,
    space_before: bool,
    /// Punctuation whose change does not change the claim (`.`, `,`, `;`,
    /// `:`, dashes): a full stop gained when a frame moves is not an edit,
    /// nor a clause set off by a dash instead of a comma.
    minor: bool,
}

/// The tokens of one content string. Keys are hashes of the case-folded
/// token, so "The strikes" and "the strikes" compare equal: capitalisation
/// moves with the attribution frame and is not an edit of the claim.
#[derive(Clone, Debug)]
pub struct Tokens {
    text: String,
    tokens: Vec<Token>,
    keys: Vec<u64>,
    /// Keys of the word tokens in order: what similarity is measured on.
    words: Vec<u64>,
    /// The same keys sorted: the multiset, for cheap bounds.
    bag: Vec<u64>,
}

impl Tokens {
    /// Tokenise `content`. `whole_quote` says the content is a direct quote
    /// whose quotation marks the extractor stripped, so every word counts as
    /// quoted unless the content has marks of its own.
    pub fn new(content: &str, whole_quote: bool) -> Tokens {
        // Two apostrophes are a double quotation mark in ASCII copy (the
        // NYT's archive writes ''racist,''): a page that prints them as
        // “racist,” quotes the same words. Only the compared words change;
        // the statement's hash stays extraction's.
        let mut text = normalize_content(content);
        if text.contains("''") {
            text = text.replace("''", "\"");
        }
        // An ellipsis set as one character is the three stops typed: "in
        // years... the damage" → "in years… the damage" changes no word.
        if text.contains('\u{2026}') {
            text = text.replace('\u{2026}', "...");
        }
        let has_marks = text.contains('"');
        let mut tokens = Vec::new();
        let mut in_quote = whole_quote && !has_marks;
        let mut space_before = false;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c.is_whitespace() {
                space_before = true;
                continue;
            }
            if c.is_alphanumeric() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                    // An apostrophe inside a word ("hasn't", "Iran's") keeps
                    // the word whole: the word changed, not a punctuation mark.
                    if d == '\'' {
                        let mut ahead = text[j + 1..].chars();
                        if ahead.next().is_some_and(char::is_alphanumeric) {
                            end = j + 1;
                            chars.next();
                            continue;
                        }
                    }
                    break;
                }
                tokens.push(Token { start: i, end, word: true, quoted: in_quote, space_before, minor: false });
            } else {
                if c == '"' {
                    in_quote = !in_quote;
                }
                tokens.push(Token {
                    start: i,
                    end: i + c.len_utf8(),
                    word: false,
                    quoted: false,
                    space_before,
                    minor: matches!(c, '.' | ',' | ';' | ':') || is_dash(c),
                });
            }
            space_before = false;
        }
        let keys: Vec<u64> = tokens
            .iter()
            .map(|t| {
                let mut h = DefaultHasher::new();
                for c in text[t.start..t.end].chars().flat_map(char::to_lowercase) {
                    // A hyphen set as an en or em dash ("6-3" → "6–3") is
                    // the same mark: copy desks and templates swap them.
                    if is_dash(c) { '-' } else { c }.hash(&mut h);
                }
                h.finish()
            })
            .collect();
        let words: Vec<u64> = keys.iter().zip(&tokens).filter(|(_, t)| t.word).map(|(k, _)| *k).collect();
        let mut bag = words.clone();
        bag.sort_unstable();
        Tokens { text, tokens, keys, words, bag }
    }

    /// The words in order, as case-folded keys: equal keys, equal words.
    pub fn word_keys(&self) -> &[u64] {
        &self.words
    }

    /// The words themselves, lowercase, in order: the same tokens as
    /// [`Tokens::word_keys`].
    pub fn word_texts(&self) -> Vec<String> {
        self.tokens.iter().filter(|k| k.word).map(|k| self.text[k.start..k.end].to_lowercase()).collect()
    }

    /// Whether the two read as one list written two ways: the same words
    /// in the same order but for the conjunction prose puts before a
    /// list's last item ("X; Y; Z" → "X, Y and Z"). Only "and" or "or" may
    /// come or go, not both: "and" turned "or" changes what the list says.
    pub fn same_list(&self, other: &Tokens) -> bool {
        let words = |t: &Tokens| -> Vec<String> {
            t.tokens.iter().filter(|k| k.word).map(|k| t.text[k.start..k.end].to_lowercase()).collect()
        };
        let (a, b) = (words(self), words(other));
        let count = |w: &[String], c: &str| w.iter().filter(|x| *x == c).count();
        let rest = |w: &[String]| -> Vec<String> {
            w.iter().filter(|x| !LIST_CONJUNCTIONS.contains(&x.as_str())).cloned().collect()
        };
        let changed = LIST_CONJUNCTIONS.iter().filter(|c| count(&a, c) != count(&b, c)).count();
        changed <= 1 && rest(&a) == rest(&b)
    }

    /// How many words (not punctuation) the content has.
    pub fn word_count(&self) -> usize {
        self.bag.len()
    }

    fn run_text(&self, range: std::ops::Range<usize>) -> &str {
        let first = &self.tokens[range.start];
        let last = &self.tokens[range.end - 1];
        &self.text[first.start..last.end]
    }
}

/// A hyphen or a dash of any width.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// The words that join a list's last item to the rest in prose.
const LIST_CONJUNCTIONS: [&str; 2] = ["and", "or"];

/// Size of the multiset intersection of two sorted bags.
pub(crate) fn bag_overlap(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Dice coefficient of the two word multisets. It is an upper bound of
/// [`WordDiff::similarity`] (an ordered match cannot keep more words than
/// the unordered one), so pairing uses it to skip hopeless diffs.
pub fn bag_dice(a: &Tokens, b: &Tokens) -> f64 {
    let n = a.word_count() + b.word_count();
    if n == 0 {
        return if a.keys == b.keys { 1.0 } else { 0.0 };
    }
    2.0 * bag_overlap(&a.bag, &b.bag) as f64 / n as f64
}

/// Share of `part`'s words that `whole` also holds: how far `part` could be
/// a piece of `whole` (a sentence split off, or merged in).
pub fn containment(part: &Tokens, whole: &Tokens) -> f64 {
    if part.word_count() == 0 {
        return 0.0;
    }
    bag_overlap(&part.bag, &whole.bag) as f64 / part.word_count() as f64
}

/// Word similarity: 2 × words kept in order / (words before + words after).
/// Measured on words alone, so that a quotation mark or comma cannot anchor
/// the alignment away from the words ("“it has not been determined” who" vs
/// "“it hasn't been determined it was X.”" keeps "was").
pub fn similarity(a: &Tokens, b: &Tokens) -> f64 {
    let n = a.words.len() + b.words.len();
    if n == 0 {
        return if a.keys == b.keys { 1.0 } else { 0.0 };
    }
    let kept: usize = capture_diff_slices(Algorithm::Myers, &a.words, &b.words)
        .iter()
        .map(|op| match *op {
            DiffOp::Equal { len, .. } => len,
            _ => 0,
        })
        .sum();
    2.0 * kept as f64 / n as f64
}

/// The word-level comparison of two contents.
#[derive(Clone, Debug)]
pub struct WordDiff {
    /// [`similarity`]: 1.0 identical wording, 0.0 nothing kept.
    pub similarity: f64,
    /// Some word, quotation mark or meaningful punctuation was deleted or
    /// inserted. Case, white space and `.,;:` alone do not count.
    pub changed: bool,
    /// A deleted or inserted word lay inside quotation marks.
    pub quote_changed: bool,
    /// Some word (not punctuation, not a quotation mark) was deleted or
    /// inserted: without it, only the marks around the words changed.
    pub word_changed: bool,
    pub ops: Vec<WordOp>,
}

/// A stretch of the diff: equal on both sides, or a change replacing
/// `old` tokens with `new` tokens (either may be empty).
#[derive(Clone, Debug)]
struct Segment {
    equal: bool,
    old: Range<usize>,
    new: Range<usize>,
}

/// Diff two tokenised contents word by word.
pub fn diff(a: &Tokens, b: &Tokens) -> WordDiff {
    let mut segs: Vec<Segment> = capture_diff_slices(Algorithm::Myers, &a.keys, &b.keys)
        .iter()
        .map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            Segment { equal: tag == DiffTag::Equal, old, new }
        })
        .collect();

    // What changed is decided on the raw diff, before any tidying for the
    // reader: folding an unchanged "the" into a change must not make a
    // quote look edited.
    let mut changed = false;
    let mut quote_changed = false;
    let mut word_changed = false;
    for seg in segs.iter().filter(|s| !s.equal) {
        for t in a.tokens[seg.old.clone()].iter().chain(&b.tokens[seg.new.clone()]) {
            changed |= t.word || !t.minor;
            quote_changed |= t.word && t.quoted;
            word_changed |= t.word;
        }
    }

    tidy(&mut segs, b);
    let mut ops = Vec::new();
    for seg in &segs {
        if seg.equal {
            // The new side's spelling: a case-only change shows as it reads
            // now. After a deletion the gap is the old text's: "[-A B-] C",
            // not "[-A B-]C", when C opened the new text.
            ops.push(WordOp {
                op: Op::Equal,
                text: b.run_text(seg.new.clone()).to_string(),
                space_before: b.tokens[seg.new.start].space_before || a.tokens[seg.old.start].space_before,
            });
            continue;
        }
        if !seg.old.is_empty() {
            ops.push(WordOp {
                op: Op::Delete,
                text: a.run_text(seg.old.clone()).to_string(),
                space_before: a.tokens[seg.old.start].space_before,
            });
        }
        if !seg.new.is_empty() {
            ops.push(WordOp {
                op: Op::Insert,
                text: b.run_text(seg.new.clone()).to_string(),
                space_before: b.tokens[seg.new.start].space_before,
            });
        }
    }
    let similarity = if changed || a.word_count() + b.word_count() > 0 { similarity(a, b) } else { 1.0 };
    WordDiff { similarity, changed, quote_changed, word_changed, ops }
}

/// Make the diff read in phrases: an unchanged comma, quotation mark or
/// short function word stranded between two changes is folded into them,
/// so `"{+defensive,+} proportional[-"-]{+,+} and [-a "-]{+in+}` becomes one
/// replaced phrase. Only the display changes; see [`diff`].
fn tidy(segs: &mut Vec<Segment>, b: &Tokens) {
    let n = segs.len();
    for i in 1..n.saturating_sub(1) {
        let (prev, next) = (&segs[i - 1], &segs[i + 1]);
        let seg = &segs[i];
        if !seg.equal || prev.equal || next.equal {
            continue;
        }
        let toks = &b.tokens[seg.new.clone()];
        let short_word = toks.len() == 1 && toks[0].end - toks[0].start <= 3;
        if short_word || toks.iter().all(|t| !t.word) {
            segs[i].equal = false;
        }
    }
    let mut merged: Vec<Segment> = Vec::with_capacity(segs.len());
    for seg in segs.drain(..) {
        match merged.last_mut() {
            Some(last) if !last.equal && !seg.equal => {
                last.old.end = seg.old.end;
                last.new.end = seg.new.end;
            }
            _ => merged.push(seg),
        }
    }
    *segs = merged;
}

/// Render word runs as one line: `[-old-]{+new+}` markers, or the given
/// styles (colour on a terminal) for deleted and inserted runs.
pub fn render(ops: &[WordOp], del: impl Fn(&str) -> String, ins: impl Fn(&str) -> String) -> String {
    let mut line = String::new();
    for (i, w) in ops.iter().enumerate() {
        // A replacement reads as one unit: `[-old-]{+new+}`, no gap between.
        let replacing = i > 0 && ops[i - 1].op == Op::Delete && w.op == Op::Insert;
        if i > 0 && w.space_before && !replacing {
            line.push(' ');
        }
        match w.op {
            Op::Equal => line.push_str(&w.text),
            Op::Delete => line.push_str(&del(&w.text)),
            Op::Insert => line.push_str(&ins(&w.text)),
        }
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> WordDiff {
        diff(&Tokens::new(a, false), &Tokens::new(b, false))
    }

    #[test]
    fn identical_and_whitespace_only() {
        let w = d("The bridge  will open\nin May.", "The bridge will open in May.");
        assert!(!w.changed);
        assert_eq!(w.similarity, 1.0);
    }

    #[test]
    fn case_and_full_stop_are_not_edits() {
        let w = d("the bridge will open in May", "The bridge will open in May.");
        assert!(!w.changed);
    }

    #[test]
    fn a_lead_re_punctuated_with_dashes_is_no_edit() {
        let (a, b) = (
            "The council voted 6-3 on Tuesday to close the depot, a move the union opposed.",
            "The council voted 6\u{2013}3 on Tuesday to close the depot \u{2014} a move the union opposed.",
        );
        let w = d(a, b);
        assert!(!w.changed && (w.similarity - 1.0).abs() < 1e-9, "{w:?}");
        assert!(d("a well-known case", "a well known case").similarity > 0.99);
        assert!(d("The vote was 6-3.", "The vote was 7-2.").changed);
    }

    #[test]
    fn edit_inside_quotes_is_seen() {
        let w = d(
            "the mayor called the plan \"a bold step\" for the city",
            "the mayor called the plan \"a risky step\" for the city",
        );
        assert!(w.changed && w.quote_changed);
        let w = d(
            "the mayor called the plan \"a bold step\" for the city",
            "the mayor called the plan \"a bold step\" for the region",
        );
        assert!(w.changed && !w.quote_changed);
    }

    #[test]
    fn stripped_direct_quote_counts_as_quoted() {
        let a = Tokens::new("We will rebuild the pier", true);
        let b = Tokens::new("We will rebuild the old pier", true);
        assert!(diff(&a, &b).quote_changed);
    }

    #[test]
    fn punctuation_does_not_anchor_similarity() {
        let a = Tokens::new("\"it has not been fully determined\" who was responsible", false);
        let b = Tokens::new("\"it hasn't been fully determined it was Iran.\"", false);
        assert!(similarity(&a, &b) > 0.55);
    }

    #[test]
    fn two_apostrophes_are_a_quotation_mark() {
        let w = d("the plan was ''unworkable,'' she said", "the plan was \u{201C}unworkable,\u{201D} she said");
        assert!(!w.changed);
        let q = d("''The pier will close,'' she said", "''The pier will open,'' she said");
        assert!(q.quote_changed);
    }

    #[test]
    fn apostrophes_keep_words_whole() {
        let w = d("it has not been decided", "it hasn't been decided");
        let ins: Vec<_> = w.ops.iter().filter(|o| o.op == Op::Insert).collect();
        assert_eq!(ins.len(), 1);
        assert_eq!(ins[0].text, "hasn't");
    }

    #[test]
    fn render_marks_runs() {
        let w = d("the council approved the budget", "the council rejected the budget");
        let line = render(&w.ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"));
        assert_eq!(line, "the council [-approved-]{+rejected+} the budget");
    }

    #[test]
    fn render_keeps_the_gap_after_a_leading_deletion() {
        let w = d("Old opening. The rest stays", "The rest stays");
        let line = render(&w.ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"));
        assert_eq!(line, "[-Old opening.-] The rest stays");
        let w = d("the plan, they said", "the plan they said");
        let line = render(&w.ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"));
        assert_eq!(line, "the plan[-,-] they said");
    }

    #[test]
    fn stranded_punctuation_folds_into_one_phrase() {
        let w = d(
            "strikes were \"proportional\" and a \"direct response\" to the threat",
            "strikes were \"defensive, proportional, and in direct response to the threat\"",
        );
        let line = render(&w.ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"));
        assert!(w.quote_changed);
        assert!(line.matches("[-").count() <= 3, "{line}");
        // An unchanged quoted word folded for display is not an edit.
        let w = d("he said \"no\" to a deal", "he said \"no\" to the deal");
        assert!(!w.quote_changed);
    }

    #[test]
    fn bag_dice_bounds_similarity() {
        let a = Tokens::new("one two three four five", false);
        let b = Tokens::new("five four three two one", false);
        assert!(bag_dice(&a, &b) >= similarity(&a, &b));
        assert_eq!(containment(&Tokens::new("two three", false), &a), 1.0);
    }
}
