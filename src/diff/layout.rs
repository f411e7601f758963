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

use crate::extract::{Attribution, Statement};

/// Statements this close to the top of an article may open with a
/// dateline; further down, "NATO - the alliance ..." is prose.
const DATELINE_WITHIN: usize = 3;
/// Paragraphs this close to the top may too: a headline, a byline and a
/// photo caption can stand above the lead, each a statement of its own.
const DATELINE_PARAGRAPHS: usize = 5;

/// The words of `s` that pairing and the word diff compare.
pub fn comparable(s: &Statement) -> Cow<'_, str> {
    let text = if s.index < DATELINE_WITHIN || s.paragraph < DATELINE_PARAGRAPHS {
        strip_dateline(&s.content)
    } else {
        &s.content
    };
    strip_list_markers(text)
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

/// Characters that open a list item when they stand alone.
fn is_marker(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '◦' | '‣' | '*' | '-' | '–' | '—' | '―')
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

/// A word of a dateline's place: capitals, with the dots, apostrophes and
/// hyphens of "ST. LOUIS", "N'DJAMENA", "WINSTON-SALEM".
fn is_place_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        && w.chars().next().is_some_and(char::is_uppercase)
}

/// A word of the region after the place ("Tenn.", "Calif.", "Ukraine",
/// "N.J."): capitalised, short.
fn is_region_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() <= 12
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// `content` without a leading dateline: one to four capitalised place
/// words, an optional ", Region", an optional "(Agency)", then a dash.
/// Anything else is returned whole.
pub fn strip_dateline(content: &str) -> &str {
    let mut rest = content;
    let mut places = 0;
    // The place: words in capitals.
    loop {
        let end = rest.find([' ', ',', '(']).unwrap_or(rest.len());
        let word = &rest[..end];
        if places >= 4 || !is_place_word(word) {
            break;
        }
        places += 1;
        rest = &rest[end..];
        if !rest.starts_with(' ') || !rest[1..].starts_with(|c: char| c.is_uppercase()) {
            break;
        }
        rest = &rest[1..];
    }
    if places == 0 {
        return content;
    }
    // ", Tenn." / ", Ukraine" / ", N.J."
    if let Some(r) = rest.strip_prefix(", ") {
        let mut r = r;
        let mut words = 0;
        while words < 2 {
            let end = r.find([' ', '(']).unwrap_or(r.len());
            if !is_region_word(&r[..end]) {
                break;
            }
            words += 1;
            r = &r[end..];
            match r.strip_prefix(' ') {
                Some(next) if next.starts_with(|c: char| c.is_uppercase()) && !next.starts_with(is_marker) => r = next,
                _ => break,
            }
        }
        if words == 0 {
            return content;
        }
        rest = r;
    }
    rest = rest.trim_start();
    // "(Reuters)", "(AP)", "(Wire)".
    if let Some(r) = rest.strip_prefix('(') {
        let Some(close) = r.find(')') else { return content };
        if close > 40 || r[..close].split_whitespace().count() > 4 {
            return content;
        }
        rest = r[close + 1..].trim_start();
    }
    let dash = rest.chars().take_while(|&c| is_marker(c) && c != '*' && c != '•').count();
    if dash == 0 || dash > 2 {
        return content;
    }
    let after: &str = rest.char_indices().nth(dash).map_or("", |(i, _)| &rest[i..]);
    if !after.starts_with(char::is_whitespace) {
        return content;
    }
    let claim = after.trim_start();
    // A dateline opens a sentence; it is never all there is.
    if claim.split_whitespace().count() < 3 { content } else { claim }
}

#[cfg(test)]
mod tests {
    use super::*;

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
