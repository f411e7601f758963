//! Whether two renderings are one claim, and how a rendering differs from
//! another: the check every candidate from the index must pass.
//!
//! The index only proposes (a shared run of content words); this decides,
//! on whole sentences, so two sentences that share a frame ("the United
//! States will not tolerate …") but say different things stay apart.

use std::collections::HashSet;

use similar::{Algorithm, DiffTag, capture_diff_slices};

use super::words::{content_words, is_function_word, words_and_names};

/// A statement's content as compared here.
#[derive(Clone, Debug)]
pub struct Rendering {
    /// Normalised words (see [`super::words::words`]).
    pub words: Vec<String>,
    /// Which words are names (see [`super::words::words_and_names`]).
    names: Vec<bool>,
    /// The content words' hashes, sorted: a cheap bound before aligning.
    bag: Vec<u64>,
    /// What it quotes inside a sentence of its own ("the rally denounced
    /// the call for \"a halt to all new drilling\""), each stretch between
    /// quotation marks that is long enough to be a quote, not a slogan or
    /// a phrase in scare quotes that many sentences hold.
    quoted: Vec<Rendering>,
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
/// A claim has at least this many content words.
const MIN_PART: usize = 3;
/// A truncation must keep at least this many content words that are not
/// names (its first word aside, capitalised or not): fewer is a phrase
/// ("Sen. Jane Roe", "to Secretary of State Jane Roe") that many
/// different sentences hold.
const MIN_CUT: usize = 2;
/// Renderings with fewer content words than this are one claim only with
/// the same content words in the same order: in a short sentence one
/// changed word is the whole claim ("our country needs a leader", "this
/// country needs a cheerleader").
const SHORT: usize = 5;
/// A truncation must keep at least a share of the whole's words (one in
/// this many), unless it is long: a short phrase inside a long sentence
/// ("President Barack Obama", "to ban imports of steel") is what many
/// different sentences share, not a quote cut short.
const SHARE: usize = 3;
/// A stretch of this many content words found whole inside a longer
/// sentence is that sentence's words however long it is.
const LONG_PART: usize = 8;
/// Words that turn a claim into its opposite.
const NEGATIONS: &[&str] = &["not", "no", "never", "nor", "neither", "nobody", "nothing"];

/// How two renderings of one claim are related.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Link {
    /// They resemble each other as wholes.
    Alike,
    /// The first is the second cut short.
    PartOf,
    /// The second is the first cut short.
    Contains,
}

impl Rendering {
    pub fn new(content: &str) -> Rendering {
        let mut r = Rendering::plain(content);
        let inner = quoted_stretches(content);
        // A quote that is the whole statement is the statement.
        if !(inner.len() == 1 && inner[0].len() + 4 >= content.trim().len()) {
            r.quoted = inner.into_iter().map(Rendering::plain).filter(|q| q.content_count() >= SHORT).collect();
        }
        r
    }

    /// What of it renders `other`: the quote inside it that does, when it
    /// is one claim with `other` only through that quote, else itself. A
    /// report quoting a line word for word changes none of its words.
    pub fn rendering_of<'r>(&'r self, other: &Rendering) -> &'r Rendering {
        // Most renderings quote nothing inside: no alignment to pay.
        if self.quoted.is_empty() || whole_link(self, other).is_some() {
            return self;
        }
        self.quoted.iter().find(|q| whole_link(q, other).is_some()).unwrap_or(self)
    }

    /// A rendering of `content` alone, its quotations not looked into.
    fn plain(content: &str) -> Rendering {
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
        Rendering { words, names, bag, quoted: Vec::new() }
    }

    fn content_count(&self) -> usize {
        self.words.iter().filter(|w| !is_function_word(w)).count()
    }

    /// Its content words that are not names, the first word aside (a name
    /// or not, it is capitalised).
    fn substance(&self) -> usize {
        let words = self.words.iter().zip(&self.names).skip(1);
        words.filter(|(w, name)| !**name && !is_function_word(w)).count()
    }

    /// Whether it says enough to be a claim of its own: a few content
    /// words that are words, not figures or initials. A dateline, a time
    /// stamp, "Full text:" or "declined to comment" recur across
    /// unrelated stories and are no claim to follow between them.
    pub fn is_claim(&self) -> bool {
        let wordlike = |w: &&String| w.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        self.words.iter().filter(|w| !is_function_word(w)).filter(wordlike).count() >= MIN_PART
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
    if part.words.len() + SLACK > whole.words.len() || part.content_count() < MIN_PART || part.substance() < MIN_CUT {
        return false;
    }
    if part.words.len() * SHARE < whole.words.len() && part.content_count() < LONG_PART {
        return false;
    }
    let (mut all, content, mut m, _) = kept(part, whole);
    // The alignment may match a leading "the" or a trailing "to" far from
    // the rest: such a stray stretch of function words is no part of the
    // stretch the part lies in.
    let stray = |s: &(usize, usize, usize)| part.words[s.0..s.0 + s.2].iter().all(|w| is_function_word(w));
    while m.len() > 1 && stray(&m[0]) {
        all -= m.remove(0).2;
    }
    while m.len() > 1 && m.last().is_some_and(stray) {
        all -= m.pop().map_or(0, |s| s.2);
    }
    let (Some(first), Some(last)) = (m.first(), m.last()) else { return false };
    let span = last.1 + last.2 - first.1;
    // "we are going to win" is no part of "you are not going to win": a
    // denial inside the stretch is the opposite claim.
    if denies(&part.words) != denies(&whole.words[first.1..first.1 + span]) {
        return false;
    }
    all as f64 >= CONTAINED * part.words.len() as f64
        && content as f64 >= CONTAINED * part.content_count() as f64
        && span <= part.words.len() + SLACK
}

/// Whether two renderings are the same quote or claim: they resemble each
/// other as wholes, or one is the other cut short.
pub fn same_claim(a: &Rendering, b: &Rendering) -> bool {
    link(a, b).is_some()
}

/// How two renderings are one claim, if they are: alike as wholes, or one
/// the other cut short, or one quoting the other inside a sentence of its
/// own (a part of it, then). A cut-short part is kept apart from the rest
/// of its whole's group by the caller when it is part of wholes that are
/// not one claim (a phrase many sentences share).
pub fn link(a: &Rendering, b: &Rendering) -> Option<Link> {
    if let Some(l) = whole_link(a, b) {
        return Some(l);
    }
    // The quote inside a report ("... denounced the call for \"a halt to
    // all new drilling\"") is the quote its speaker's story gives whole.
    let inside = |outer: &Rendering, other: &Rendering| {
        outer.quoted.iter().any(|q| matches!(whole_link(q, other), Some(Link::Alike | Link::PartOf)))
    };
    if inside(a, b) {
        return Some(Link::PartOf);
    }
    if inside(b, a) {
        return Some(Link::Contains);
    }
    None
}

/// Each stretch of `content` between double quotation marks (straight,
/// curly, or two single marks as some house styles write them).
fn quoted_stretches(content: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mark = match c {
            '"' | '“' | '”' => Some(c.len_utf8()),
            '\'' if chars.peek().is_some_and(|(_, n)| *n == '\'') => {
                chars.next();
                Some(2)
            }
            _ => None,
        };
        let Some(len) = mark else { continue };
        match open {
            // A curly opening mark always opens.
            Some(start) if c != '“' => {
                out.push(content[start..i].trim());
                open = None;
            }
            _ => open = Some(i + len),
        }
    }
    out
}

/// [`link`] on the renderings as wholes.
fn whole_link(a: &Rendering, b: &Rendering) -> Option<Link> {
    if a.words == b.words {
        return Some(Link::Alike);
    }
    // Most candidates share a phrase and little else: an unordered bound
    // (typos aside, which only cost a borderline pair) rejects them before
    // any alignment.
    let (ca, cb) = (a.content_count(), b.content_count());
    let shared = crate::diff::words::bag_overlap(&a.bag, &b.bag) + typo_allowance(a, b);
    if (2 * shared) as f64 / ((ca + cb) as f64) < RESEMBLANCE && (shared as f64) < CONTAINED * ca.min(cb) as f64 {
        return None;
    }
    if alike(a, b) {
        return Some(Link::Alike);
    }
    if truncation_of(a, b) {
        return Some(Link::PartOf);
    }
    if truncation_of(b, a) {
        return Some(Link::Contains);
    }
    None
}

/// Whether two renderings resemble each other as wholes.
fn alike(a: &Rendering, b: &Rendering) -> bool {
    let (ca, cb) = (a.content_count(), b.content_count());
    // A few content words ("declined to comment on the report") are what
    // unrelated reports share; only the same words are one claim.
    if ca.min(cb) < MIN_PART {
        return false;
    }
    if negated(a) != negated(b) {
        return false;
    }
    if ca.min(cb) < SHORT {
        let b_words = respell(&a.words, &b.words);
        return content_words(&a.words) == content_words(&b_words);
    }
    let (all, content, m, b_words) = kept(a, b);
    let dice = 2.0 * all as f64 / (a.words.len() + b.words.len()) as f64;
    let content_dice = 2.0 * content as f64 / (ca + cb) as f64;
    dice >= RESEMBLANCE
        && content_dice >= RESEMBLANCE
        && longest_gap(a, &b_words, &m) <= GAP
        && !other_subject(a, &b_words, &m)
        && !other_names(a, b, &m)
        && !other_numbers(a, &b_words, &m)
}

/// Whether a rendering denies: "he will support the bill" and "he will
/// not support the bill" share every word but one and say opposite things.
fn negated(r: &Rendering) -> bool {
    denies(&r.words)
}

/// Whether words hold a denial ("not", "never", ...).
fn denies(words: &[String]) -> bool {
    words.iter().any(|w| NEGATIONS.contains(&w.as_str()))
}

/// Whether each side has a number the other lacks: "it takes 1,237
/// delegates to win" and "it takes 2,383 delegates to win" are two facts,
/// and so are two tallies of one count taken an hour apart.
fn other_numbers(a: &Rendering, b: &[String], m: &[(usize, usize, usize)]) -> bool {
    let number = |w: &String| w.starts_with(|c: char| c.is_ascii_digit());
    let a_out = uncovered(a.words.len(), m.iter().map(|s| (s.0, s.2)));
    let b_out = uncovered(b.len(), m.iter().map(|s| (s.1, s.2)));
    a.words.iter().zip(&a_out).any(|(w, u)| *u && number(w)) && b.iter().zip(&b_out).any(|(w, u)| *u && number(w))
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
    let a_names = uncovered(a.names.len(), m.iter().map(|s| (s.0, s.2)));
    let b_names = uncovered(b.names.len(), m.iter().map(|s| (s.1, s.2)));
    a.names.iter().zip(&a_names).any(|(n, u)| *n && *u) && b.names.iter().zip(&b_names).any(|(n, u)| *n && *u)
}

/// Which of `len` words lie outside the matched stretches (start, length).
fn uncovered(len: usize, spans: impl Iterator<Item = (usize, usize)>) -> Vec<bool> {
    let mut out = vec![true; len];
    for (start, n) in spans {
        out[start..start + n].iter_mut().for_each(|c| *c = false);
    }
    out
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
    fn a_phrase_inside_a_long_sentence_is_not_a_quote_cut_short() {
        let long = r("Council members spent the evening arguing over the budget, the parking plan and the proposal \
                      to close the harbour bridge to lorries, which the mayor has defended for months");
        assert!(!same_claim(&r("to close the harbour bridge to lorries"), &long));
        // A name with its title is what many sentences mention.
        assert!(!same_claim(
            &r("Mayor Jane Roe of Eastfield"),
            &r("Residents cheered Mayor Jane Roe of Eastfield on Sunday")
        ));
        // A tail that keeps a third of the quote is still the quote.
        // The alignment may pair a leading "the" with the whole's first word.
        let whole = r("The board voted on Monday that the ferry will stop at Eastfield from June, and crews cheered");
        assert!(truncation_of(&r("The ferry will stop at Eastfield from June"), &whole));
        let quote = r("The city was not told before the closure and considers it a breach of the charter");
        assert!(same_claim(&r("considers it a breach of the charter"), &quote));
    }

    #[test]
    fn other_figures_or_a_denial_are_another_claim() {
        assert!(!same_claim(
            &r("It takes 1,990 votes to win the party's nomination."),
            &r("It takes 2,475 votes to win the party's nomination.")
        ));
        assert!(!same_claim(
            &r("the mayor would back the harbour plan at the council vote"),
            &r("the mayor would not back the harbour plan at the council vote")
        ));
        assert!(!same_claim(
            &r("We are going to win this vote"),
            &r("You are not going to win this vote by promising small changes")
        ));
        assert!(same_claim(
            &r("the mayor would not back the harbour plan at the council vote"),
            &r("The mayor won't back the harbour plan at the council vote")
        ));
    }

    #[test]
    fn short_sentences_are_one_claim_only_word_for_word() {
        assert!(!same_claim(&r("Our town needs a champion"), &r("This town needs a leader")));
        assert!(!same_claim(&r("declined to comment for this story"), &r("declined to comment for this column")));
        assert!(same_claim(&r("It is going to be totally useless."), &r("And it's going to be totally useless")));
    }

    #[test]
    fn time_stamps_and_page_furniture_are_no_claim() {
        for s in ["9:05 p.m.", "FULL TEXT.", "Like the page:", "declined to comment"] {
            assert!(!r(s).is_claim(), "{s}");
        }
        assert!(r("The ferry will run twice a day").is_claim());
    }

    #[test]
    fn a_report_quoting_a_line_is_part_of_the_line() {
        let line = r("We are going to close every coal plant in the valley by the end of the decade");
        for report in [
            "Critics seized on her promise that \"we are going to close every coal plant in the valley\" at a rally.",
            "The mayor deflected questions before saying, ''We're going to close every coal plant in the valley.''",
        ] {
            assert_eq!(link(&r(report), &line), Some(Link::PartOf), "{report}");
            assert_eq!(link(&line, &r(report)), Some(Link::Contains), "{report}");
            assert_eq!(edits(&line, r(report).rendering_of(&line)).substituted, 0, "{report}");
        }
        // A slogan in quotation marks is what many sentences hold.
        assert_eq!(
            link(
                &r("Supporters outside the hall chanted \"Build the Bridge Now\" for an hour as the mayor arrived"),
                &r("Build the bridge now.")
            ),
            None
        );
        assert_eq!(quoted_stretches("He called it \"a plan\" and ''a start''."), vec!["a plan", "a start"]);
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
