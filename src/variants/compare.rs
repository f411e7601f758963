//! Whether two renderings are one claim, and how a rendering differs from
//! another: the check every candidate from the index must pass.
//!
//! The index only proposes (a shared run of content words); this decides,
//! on whole sentences, so two sentences that share a frame ("the United
//! States will not tolerate …") but say different things stay apart.

use std::collections::HashSet;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::words::{is_function_word, words_and_names};

/// A statement's content as compared here.
#[derive(Clone, Debug)]
pub struct Rendering {
    /// Normalised words (see [`super::words::words`]).
    pub words: Vec<String>,
    /// Which words are names (see [`super::words::words_and_names`]).
    names: Vec<bool>,
    /// The content words' hashes, sorted: a cheap bound before aligning.
    bag: Vec<u64>,
}

/// Two sentences resembling each other this much (word Dice, over all
/// words and over content words) are one claim.
const RESEMBLANCE: f64 = 0.6;
/// A shorter rendering is a truncation of a longer one when this share of
/// its words lies in one stretch of the longer one.
const CONTAINED: f64 = 0.85;
/// The stretch may be this many words longer than the shorter rendering
/// (a dropped word or two inside it).
const SLACK: usize = 3;
/// Sentences that resemble each other but differ in a run of more content
/// words than this say different things (see [`longest_gap`]).
const GAP: usize = 3;
/// A truncation must keep at least this many content words.
const MIN_PART: usize = 3;

impl Rendering {
    pub fn new(content: &str) -> Rendering {
        let (words, names) = words_and_names(content);
        let mut bag: Vec<u64> = words
            .iter()
            .filter(|w| !is_function_word(w))
            .map(|w| {
                let mut h = std::hash::DefaultHasher::new();
                std::hash::Hash::hash(w, &mut h);
                std::hash::Hasher::finish(&h)
            })
            .collect();
        bag.sort_unstable();
        Rendering { words, names, bag }
    }

    fn content_count(&self) -> usize {
        self.words.iter().filter(|w| !is_function_word(w)).count()
    }
}

/// Whether two words are one word misspelt: the same first letter and at
/// most one edit apart, for words of five letters or more.
pub fn typo(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Most pairs fail on length or first letter: decide those without
    // collecting either word (respelling calls this for every unknown word
    // against every known one, so this is the candidate check's hot loop).
    let (n, m) = (a.chars().count(), b.chars().count());
    if n.min(m) < 5 || n.abs_diff(m) > 1 || a.chars().next() != b.chars().next() {
        return false;
    }
    let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    one_edit(&x, &y)
}

/// Whether `y` is `x` with one substitution, insertion, deletion or swap
/// of neighbours (or none).
fn one_edit(x: &[char], y: &[char]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() && x[i] == y[j] {
        i += 1;
        j += 1;
    }
    let rest = |i: usize, j: usize| i <= x.len() && j <= y.len() && x[i..] == y[j..];
    rest(i + 1, j + 1)
        || rest(i + 1, j)
        || rest(i, j + 1)
        || (i + 1 < x.len() && j + 1 < y.len() && x[i] == y[j + 1] && x[i + 1] == y[j] && rest(i + 2, j + 2))
}

/// `b`'s words with each misspelling of a word of `a` spelt as in `a`.
fn respell(a: &[String], b: &[String]) -> Vec<String> {
    let known: HashSet<&str> = a.iter().map(String::as_str).collect();
    b.iter()
        .map(|w| {
            if known.contains(w.as_str()) {
                return w.clone();
            }
            a.iter().find(|k| typo(k, w)).unwrap_or(w).clone()
        })
        .collect()
}

/// The alignment of two word lists: equal stretches as (start in a, start
/// in b, length).
fn matches(a: &[String], b: &[String]) -> Vec<(usize, usize, usize)> {
    capture_diff_slices(Algorithm::Myers, a, b)
        .iter()
        .filter_map(|op| {
            let (tag, old, new) = op.as_tag_tuple();
            (tag == DiffTag::Equal).then_some((old.start, new.start, old.len()))
        })
        .collect()
}

/// Equal stretches of two word lists: (start in a, start in b, length).
type Stretches = Vec<(usize, usize, usize)>;

/// Words and content words two renderings keep in order (typos forgiven),
/// the alignment, and `b`'s words respelt as `a` spells them.
fn kept(a: &Rendering, b: &Rendering) -> (usize, usize, Stretches, Vec<String>) {
    let bw = respell(&a.words, &b.words);
    let m = matches(&a.words, &bw);
    let all = m.iter().map(|s| s.2).sum();
    let content = m.iter().flat_map(|&(i, _, n)| &a.words[i..i + n]).filter(|w| !is_function_word(w)).count();
    (all, content, m, bw)
}

/// Whether `part` is `whole` cut short (to its head, its tail or a middle
/// stretch): most of its words, in one stretch of `whole` not much longer
/// than `part`, and enough of them to be a claim.
pub fn truncation_of(part: &Rendering, whole: &Rendering) -> bool {
    if part.words.len() + SLACK > whole.words.len() || part.content_count() < MIN_PART {
        return false;
    }
    let (all, content, m, _) = kept(part, whole);
    let (Some(first), Some(last)) = (m.first(), m.last()) else { return false };
    let span = last.1 + last.2 - first.1;
    all as f64 >= CONTAINED * part.words.len() as f64
        && content as f64 >= CONTAINED * part.content_count() as f64
        && span <= part.words.len() + SLACK
}

/// Whether two renderings are the same quote or claim: they resemble each
/// other as wholes, or one is the other cut short.
pub fn same_claim(a: &Rendering, b: &Rendering) -> bool {
    let (ca, cb) = (a.content_count(), b.content_count());
    if ca.min(cb) < 2 {
        return a.words == b.words;
    }
    // Most candidates share a phrase and little else: an unordered bound
    // (typos aside, which only cost a borderline pair) rejects them before
    // any alignment.
    let shared = crate::diff::words::bag_overlap(&a.bag, &b.bag) + typo_allowance(a, b);
    if (2 * shared) as f64 / ((ca + cb) as f64) < RESEMBLANCE && (shared as f64) < CONTAINED * ca.min(cb) as f64 {
        return false;
    }
    let (all, content, m, b_words) = kept(a, b);
    let dice = 2.0 * all as f64 / (a.words.len() + b.words.len()) as f64;
    let content_dice = 2.0 * content as f64 / (ca + cb) as f64;
    (dice >= RESEMBLANCE
        && content_dice >= RESEMBLANCE
        && longest_gap(a, &b_words, &m) <= GAP
        && !other_subject(a, &b_words, &m)
        && !other_names(a, b, &m))
        || truncation_of(a, b)
        || truncation_of(b, a)
}

/// Whether the sentences open with different content words before they
/// agree: another subject doing the same thing ("WeWork declined to
/// comment", "Lujan declined to comment").
fn other_subject(a: &Rendering, b: &[String], m: &[(usize, usize, usize)]) -> bool {
    let Some(&(i, j, _)) = m.first() else { return true };
    let content = |ws: &[String]| ws.iter().any(|w| !is_function_word(w));
    content(&a.words[..i]) && content(&b[..j])
}

/// Room for one misspelt content word, which the unordered bound cannot
/// see (more than one in a borderline pair is rare enough to lose).
fn typo_allowance(a: &Rendering, b: &Rendering) -> usize {
    usize::from(a.bag != b.bag)
}

/// Whether each side has a name the other lacks ("WeWork declined to
/// comment", "Lujan declined to comment"): a claim about someone else.
fn other_names(a: &Rendering, b: &Rendering, m: &[(usize, usize, usize)]) -> bool {
    /// Whether a name lies outside the matched stretches (start, length).
    fn unmatched(names: &[bool], spans: impl Iterator<Item = (usize, usize)>) -> bool {
        let mut covered = vec![false; names.len()];
        for (start, n) in spans {
            covered[start..start + n].iter_mut().for_each(|c| *c = true);
        }
        names.iter().zip(&covered).any(|(name, c)| *name && !c)
    }
    unmatched(&a.names, m.iter().map(|s| (s.0, s.2))) && unmatched(&b.names, m.iter().map(|s| (s.1, s.2)))
}

/// The most content words in a row that one sentence has and the other
/// lacks, ends included: two sentences sharing a frame differ in a run
/// ("… will not tolerate [any delay in the ceasefire talks]"), renderings
/// of one claim in single words here and there.
fn longest_gap(a: &Rendering, b: &[String], m: &[(usize, usize, usize)]) -> usize {
    let count = |ws: &[String]| ws.iter().filter(|w| !is_function_word(w)).count();
    let (mut ai, mut bi, mut gap) = (0, 0, 0);
    for &(i, j, n) in m.iter().chain(std::iter::once(&(a.words.len(), b.len(), 0))) {
        gap = gap.max(count(&a.words[ai..i])).max(count(&b[bi..j]));
        ai = i + n;
        bi = j + n;
    }
    gap
}

/// How a rendering differs from the group's reference rendering, beyond
/// being cut short.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Edits {
    /// Some word inside the stretch both share was added, dropped or
    /// changed (typos included).
    pub wording: bool,
    /// Content words put in, replacing others or not, inside the shared
    /// stretch (typos forgiven): a change of substance, not of form.
    pub substituted: usize,
}

/// What changed from `reference` to `other`, ignoring words missing or
/// added at either end (truncation, reported by [`truncation_of`]).
pub fn edits(reference: &Rendering, other: &Rendering) -> Edits {
    let exact = matches(&reference.words, &other.words);
    let inner = |m: &[(usize, usize, usize)], a: &[String], b: &[String]| -> bool {
        let (Some(first), Some(last)) = (m.first(), m.last()) else { return !(a.is_empty() && b.is_empty()) };
        let a_span = last.0 + last.2 - first.0;
        let b_span = last.1 + last.2 - first.1;
        let kept: usize = m.iter().map(|s| s.2).sum();
        kept != a_span || kept != b_span
    };
    let wording = inner(&exact, &reference.words, &other.words) || exact.is_empty();
    // Substance: content words replaced inside the shared stretch.
    let respelt = respell(&reference.words, &other.words);
    let m = matches(&reference.words, &respelt);
    let mut substituted = 0;
    for pair in m.windows(2) {
        let (_, b0, n0) = pair[0];
        let (_, b1, _) = pair[1];
        substituted += respelt[b0 + n0..b1].iter().filter(|w| !is_function_word(w)).count();
    }
    if m.is_empty() {
        substituted = other.content_count();
    }
    Edits { wording, substituted }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(s: &str) -> Rendering {
        Rendering::new(s)
    }

    const QUOTE: &str =
        "Let me be clear: the United States will not tolerate attacks on our crews, our ports or our partners";

    #[test]
    fn renderings_of_one_quote_are_one_claim() {
        let q = r(QUOTE);
        for other in [
            "Let me be clear, the U.S. will not tolerate attacks on our crews, our ports or our partners.",
            "Let me clear: the United States will not tolerate attacks on our crews, our ports or our partners",
            "the United States will not tolarate attacks on our crews, our ports or our partners",
            "attacks on our crews, our ports or our partners",
            "Let me be clear: the United States will not tolerate attacks on our crews",
            "the United States would not tolerate attacks on its crews, its ports or its partners",
        ] {
            assert!(same_claim(&q, &r(other)), "{other}");
        }
    }

    #[test]
    fn sentences_sharing_a_frame_are_not_one_claim() {
        let q = r(QUOTE);
        for other in [
            "Let me be clear: the United States will not tolerate any delay in the ceasefire talks",
            "the United States will not tolerate attacks on shipping in the strait, the ministry said",
        ] {
            assert!(!same_claim(&q, &r(other)), "{other}");
        }
        let a = r("The ministry said the investigation into the depot attack was continuing");
        for other in [
            "The ministry said the investigation into the convoy ambush was closed",
            "The ministry said the inquiry into the depot attack would report in March to parliament",
        ] {
            assert!(!same_claim(&a, &r(other)), "{other}");
        }
        let b = r("We will respond decisively to any further attack on our forces in the region");
        for other in [
            "We will respond forcefully to any further attack on our troops in the region",
            "they would respond decisively to any new attack on their forces in the region",
        ] {
            assert!(same_claim(&b, &r(other)), "{other}");
        }
        assert!(!same_claim(&r("WeWork declined to comment."), &r("Lujan declined to comment.")));
        assert!(!same_claim(
            &r("The governor's office didn't immediately respond to The Hill's request for comment."),
            &r("McRaven did not respond to a request for comment.")
        ));
        for other in [
            "We will respond to the findings of the inquiry in the region",
            "We will not respond to any further questions",
        ] {
            assert!(!same_claim(&b, &r(other)), "{other}");
        }
    }

    #[test]
    fn typos_are_one_edit_apart() {
        assert!(typo("tolerate", "tolarate"));
        assert!(typo("tolerate", "tolerat"));
        assert!(typo("tolerat", "tolerate"));
        assert!(typo("tolerate", "toelrate"));
        assert!(!typo("tolerate", "moderate"));
        assert!(!typo("the", "thy"));
    }

    /// `typo` as first written: both words collected before any test.
    fn typo_by_definition(a: &str, b: &str) -> bool {
        if a == b {
            return true;
        }
        let (x, y): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        if x.len().min(y.len()) < 5 || x.len().abs_diff(y.len()) > 1 || x[0] != y[0] {
            return false;
        }
        one_edit(&x, &y)
    }

    #[test]
    fn typos_count_letters_not_bytes() {
        // Five letters in ten bytes: long enough to be misspelt.
        assert!(typo("ééééé", "éééée"));
        assert!(!typo("éclair", "eclair"));
    }

    proptest::proptest! {
        #[test]
        fn the_quick_typo_test_agrees_with_its_definition(a in "[a-cé]{0,8}", b in "[a-cé]{0,8}") {
            proptest::prop_assert_eq!(typo(&a, &b), typo_by_definition(&a, &b));
        }

        #[test]
        fn comparing_never_panics(a in "[a-zA-Z .,'\"’:U-]{0,60}", b in "[a-zA-Z .,'\"’:U-]{0,60}") {
            let (ra, rb) = (r(&a), r(&b));
            let _ = same_claim(&ra, &rb);
            let _ = edits(&ra, &rb);
            let _ = super::super::words::prints(&a);
            proptest::prop_assert_eq!(same_claim(&ra, &rb), same_claim(&rb, &ra));
        }
    }

    #[test]
    fn truncation_is_not_a_change_of_wording() {
        let q = r(QUOTE);
        let tail = r("attacks on our crews, our ports or our partners");
        assert!(truncation_of(&tail, &q));
        assert_eq!(edits(&q, &tail), Edits::default());
        let typo =
            r("Let me clear: the United States will not tolerate attacks on our crews, our ports or our partners");
        assert!(edits(&q, &typo).wording);
        assert_eq!(edits(&q, &typo).substituted, 0);
        let reworded =
            r("Let me be clear: the United States will not accept strikes on our crews, our ports or our partners");
        assert_eq!(edits(&q, &reworded).substituted, 2);
    }
}
