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

/// The content-word stems of a text, lower-cased, in order, repeats kept.
pub fn stems(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase())
        .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).map(str::to_string).unwrap_or(w))
        .filter(|w| !w.is_empty() && !STOP.contains(&w.as_str()))
        .map(|w| w.chars().take(STEM).collect())
        .collect()
}

/// Inverse document frequencies of stems over a set of statements.
#[derive(Debug, Default)]
pub struct Weights {
    df: HashMap<String, usize>,
    docs: usize,
}

impl Weights {
    /// Count each stem once per statement.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a [String]>) -> Weights {
        let mut w = Weights::default();
        for doc in docs {
            w.docs += 1;
            let mut seen: Vec<&String> = doc.iter().collect();
            seen.sort_unstable();
            seen.dedup();
            for s in seen {
                *w.df.entry(s.clone()).or_default() += 1;
            }
        }
        w
    }

    fn weight(&self, stem: &str) -> f64 {
        let df = self.df.get(stem).copied().unwrap_or(0) as f64;
        ((self.docs as f64 + 1.0) / (df + 0.5)).ln().max(0.1)
    }

    /// Weighted Dice overlap of two stem multisets: 1.0 when every content
    /// word is shared, 0.0 when none is.
    pub fn overlap(&self, a: &[String], b: &[String]) -> f64 {
        let total: f64 = a.iter().chain(b).map(|s| self.weight(s)).sum();
        if total == 0.0 {
            return 0.0;
        }
        let mut rest: Vec<&String> = b.iter().collect();
        let mut shared = 0.0;
        for s in a {
            if let Some(k) = rest.iter().position(|r| *r == s) {
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
