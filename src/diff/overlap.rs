//! Content-word overlap weighted by rarity: the second look pairing takes
//! at statements the word diff could not pair.
//!
//! A lead rewritten from scratch ("A fire that broke out late on Saturday
//! at a timber yard … destroyed three warehouses" → "Three warehouses were
//! destroyed … after fire swept through a … timber yard late on Saturday")
//! keeps its facts but not their order, so the ordered word similarity
//! falls far below the threshold. What it keeps are its content words.
//! Like the sentence matching of the NewsEdits work (Spangher et al.,
//! NAACL 2022), which matches the sentences of two versions by the words
//! they share rather than by their order, two statements are compared by
//! - content words only (function words carry no claim), cut to a short
//!   prefix so "evacuation"/"evacuated" and "warehouse"/"warehouses" agree;
//! - each word weighted by its inverse document frequency over the
//!   statements of both revisions, so the story's topic words ("fire",
//!   the town's name), which every sentence shares, count for little and the
//!   particular facts of a sentence count for much.
//!
//! It only scores; [`super::pairing`] decides what the score allows.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Function words: they hold sentences together, not claims.
const STOP: &[&str] = &[
    "a", "about", "after", "again", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her",
    "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "may", "more", "most", "much", "must",
    "no", "not", "of", "on", "one", "only", "or", "other", "our", "out", "over", "said", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "through", "to", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will",
    "with", "would", "you",
];

/// Letters kept of a content word: a crude but robust stem for English.
const STEM: usize = 6;

/// A content word's stem, as a hash: pairing only asks whether two stems
/// are equal, and a hash costs no allocation per word.
pub type Stem = u64;

/// The content-word stems of a text, case-folded, in order, repeats kept.
pub fn stems(text: &str) -> Vec<Stem> {
    let mut out = Vec::new();
    let mut lower = String::new();
    for w in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let w = w.trim_matches(['\'', '’']);
        let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
        if w.is_empty() {
            continue;
        }
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if STOP.binary_search(&lower.as_str()).is_ok() {
            continue;
        }
        // A short word's plural is longer than the stem only now and then:
        // "years" and "year" agree as "warehouses" and "warehouse" do.
        let word = singular(&lower);
        let mut h = DefaultHasher::new();
        for c in word.chars().take(STEM) {
            c.hash(&mut h);
        }
        out.push(h.finish());
    }
    out
}

/// A plural's regular `-s` off ("homes", "years"), not the `s` of "bus",
/// "crisis", "less" or a word of three letters ("gas", "its").
fn singular(word: &str) -> &str {
    match word.strip_suffix('s') {
        Some(stem) if stem.chars().count() >= 3 && !stem.ends_with(['s', 'u', 'i']) => stem,
        _ => word,
    }
}

/// Unweighted Dice overlap of two stem multisets: a cheap bound to try
/// before the weights are worth computing.
pub fn plain_overlap(a: &[Stem], b: &[Stem]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut x, mut y) = (a.to_vec(), b.to_vec());
    x.sort_unstable();
    y.sort_unstable();
    2.0 * super::words::bag_overlap(&x, &y) as f64 / (x.len() + y.len()) as f64
}

/// Inverse document frequencies of stems over a set of statements.
#[derive(Debug, Default)]
pub struct Weights {
    df: HashMap<Stem, usize>,
    docs: usize,
}

impl Weights {
    /// Count each stem once per statement.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [Stem]>) -> Weights {
        let mut w = Weights::default();
        let mut seen: Vec<Stem> = Vec::new();
        for doc in docs {
            w.docs += 1;
            seen.clear();
            seen.extend_from_slice(doc);
            seen.sort_unstable();
            seen.dedup();
            for &s in &seen {
                *w.df.entry(s).or_default() += 1;
            }
        }
        w
    }

    fn weight(&self, stem: Stem) -> f64 {
        let df = self.df.get(&stem).copied().unwrap_or(0) as f64;
        ((self.docs as f64 + 1.0) / (df + 0.5)).ln().max(0.1)
    }

    /// Weighted Dice overlap of two stem multisets: 1.0 when every content
    /// word is shared, 0.0 when none is.
    pub fn overlap(&self, a: &[Stem], b: &[Stem]) -> f64 {
        let total: f64 = a.iter().chain(b).map(|&s| self.weight(s)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let mut rest: Vec<Stem> = b.to_vec();
        let mut shared = 0.0;
        for &s in a {
            if let Some(k) = rest.iter().position(|&r| r == s) {
                rest.swap_remove(k);
                shared += 2.0 * self.weight(s);
            }
        }
        shared / total
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn a_plural_is_its_singulars_word() {
        assert_eq!(stems("years"), stems("year"));
        assert_eq!(stems("homes"), stems("home"));
        for (a, b) in [("bus", "bu"), ("crisis", "crisi"), ("less", "les"), ("gas", "ga")] {
            assert_ne!(stems(a), stems(b), "{a}");
        }
    }

    #[test]
    fn a_rewritten_lead_keeps_its_content_words() {
        let a = stems(
            "A fire that broke out late on Saturday at a timber yard on the edge of Morrow destroyed three \
             warehouses and forced the evacuation of nearby homes.",
        );
        let b = stems(
            "Three warehouses were destroyed and dozens of nearby homes had to be evacuated after fire swept \
             through a Morrow timber yard late on Saturday night.",
        );
        let c = stems("The cause of the fire is not yet known.");
        let d = stems("The yard's owner said the business had passed a safety inspection only last month.");
        let w = Weights::new([a.as_slice(), b.as_slice(), c.as_slice(), d.as_slice()]);
        // Shared words are in two statements, unshared ones in one, so with
        // only four statements the shared ones weigh least: 0.68 here.
        assert!(w.overlap(&a, &b) > 0.6, "{}", w.overlap(&a, &b));
        assert!(w.overlap(&c, &d) < 0.2, "{}", w.overlap(&c, &d));
        assert!(w.overlap(&a, &c) < 0.3, "{}", w.overlap(&a, &c));
    }
}
