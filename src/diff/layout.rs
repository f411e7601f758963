//! A statement's words with the page's layout set aside: what pairing and
//! the word diff compare.
//!
//! Two things change between revisions without changing any claim:
//! - a dateline opening the lead ("LONDON —", "WASHINGTON (Reuters) -",
//!   "KINGSPORT, Tenn. -") is added or dropped as a story moves between
//!   wires, pages and templates;
//! - a list is re-punctuated: bullets become dashes, items lose or gain
//!   their semicolons, and the sentence splitter cuts the items differently.
//!
//! This module removes the dateline and standalone list markers from a
//! content string; punctuation and re-cutting are the word diff's and the
//! pairing's business. It never changes the statement itself (its content,
//! hash and span are extraction's), only the text compared.

use std::borrow::Cow;

pub use crate::extract::dateline::strip_dateline;
use crate::extract::dateline::{WITHIN_PARAGRAPHS, is_marker};
use crate::extract::{Attribution, Statement};

/// Statements this close to the top of an article may open with a
/// dateline; further down, "NATO - the alliance ..." is prose.
const DATELINE_WITHIN: usize = 3;

/// The words of `s` that pairing and the word diff compare.
pub fn comparable(s: &Statement) -> Cow<'_, str> {
    let text = if s.index < DATELINE_WITHIN || s.paragraph < WITHIN_PARAGRAPHS {
        strip_wire_label(strip_dateline(&s.content))
    } else {
        &s.content
    };
    strip_list_markers(text)
}

/// Labels a wire sets before a headline as a story is updated or
/// repackaged: "UPDATE 2-Oil rises …", "REFILE-…", "EXCLUSIVE-…".
const WIRE_LABELS: [&str; 12] = [
    "UPDATE",
    "WRAPUP",
    "REFILE",
    "RPT",
    "CORRECTED",
    "EXCLUSIVE",
    "INSIGHT",
    "ANALYSIS",
    "FACTBOX",
    "EXPLAINER",
    "URGENT",
    "BREAKING",
];

/// `text` without a wire's label before its headline ([`WIRE_LABELS`],
/// with the update's number, then a hyphen; or "BREAKING:", "UPDATE:"):
/// "UPDATE 2-Oil rises as Gulf storm shuts output" compares as "Oil rises
/// as Gulf storm shuts output".
fn strip_wire_label(text: &str) -> &str {
    let Some(label) = WIRE_LABELS.iter().find(|l| text.starts_with(**l)) else {
        return text;
    };
    let rest = &text[label.len()..];
    let rest = rest.strip_prefix(' ').map_or(rest, |r| r.trim_start_matches(|c: char| c.is_ascii_digit()));
    match rest.strip_prefix('-').or_else(|| rest.strip_prefix(':')) {
        Some(headline) if !headline.trim_start().is_empty() => headline.trim_start(),
        _ => text,
    }
}

/// Whether every word of the statement's content stands inside quotation
/// marks that extraction stripped: a direct quotation, or a sentence that is
/// a quotation whose speaker was not found (a quotation standing alone
/// after its speaker's paragraph, an interview answer). Editing its words
/// edits what someone is quoted as saying, whatever the speaker.
pub fn whole_quote(s: &Statement) -> bool {
    let opens = |t: &str| t.starts_with(['"', '\u{201C}', '\u{201D}', '\u{201E}', '\u{AB}']) || t.starts_with("''");
    s.attribution == Attribution::Direct || opens(s.text.trim_start()) && !opens(s.content.trim_start())
}

/// `text` without list markers standing alone (a `•`, `-` or `*` with
/// white space or the end on both sides). A hyphen inside a word stays.
fn strip_list_markers(text: &str) -> Cow<'_, str> {
    let standalone = |t: &str| !t.is_empty() && t.chars().all(is_marker) && t.chars().count() <= 2;
    if !text.split_whitespace().any(standalone) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().filter(|t| !standalone(t)).collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wire_label_before_a_headline_is_set_aside() {
        assert_eq!(strip_wire_label("UPDATE 2-Oil rises as storm shuts output"), "Oil rises as storm shuts output");
        assert_eq!(strip_wire_label("REFILE-Oil rises"), "Oil rises");
        assert_eq!(strip_wire_label("BREAKING: Oil rises"), "Oil rises");
        // Not a word that only opens like one, nor a label alone.
        assert_eq!(strip_wire_label("UPDATED figures show a rise"), "UPDATED figures show a rise");
        assert_eq!(strip_wire_label("UPDATE 2-"), "UPDATE 2-");
    }

    #[test]
    fn datelines_of_wires_and_papers() {
        let claim = "The central bank raised rates on Wednesday.";
        for dateline in [
            "LONDON —",
            "LONDON (Reuters) -",
            "WASHINGTON (AP) —",
            "KINGSPORT, Tenn. -",
            "ST. LOUIS, Mo. --",
            "NEW YORK –",
            "KYIV, Ukraine (Wire) —",
        ] {
            assert_eq!(strip_dateline(&format!("{dateline} {claim}")), claim, "{dateline}");
        }
    }

    #[test]
    fn prose_is_not_a_dateline() {
        for text in [
            "NATO said the alliance would meet - again.",
            "The central bank - not the government - raised rates.",
            "LONDON is expensive - very expensive.",
            "UK - EU talks",
            "London — The city said it would act.",
        ] {
            assert_eq!(strip_dateline(text), text, "{text}");
        }
    }

    #[test]
    fn list_markers_are_layout() {
        assert_eq!(strip_list_markers("• Question 1: whether to build"), "Question 1: whether to build");
        assert_eq!(strip_list_markers("repairs. - Question 2."), "repairs. Question 2.");
        assert_eq!(strip_list_markers("Iranian-backed groups"), "Iranian-backed groups");
    }
}
