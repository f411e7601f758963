//! A line that is not a sentence of the article is not a claim.
//!
//! Page furniture gets through ingestion now and then: a menu ("Order
//! Reprints | Today's Paper | Subscribe"), a label ("SHARE THIS ARTICLE",
//! "212 Comments", "Advertisement"), a print-edition notice ("A version of
//! this article appears in print on …"), a credit ("Jane Roe contributed
//! reporting"), an author's bio ("Tomas Reyes is a city hall reporter for
//! the Valley Ledger. He joined …"). None of them is something the article
//! claims, and a diff must not report them as claims added or removed.
//!
//! The rules say what a sentence of an article is, in general terms, and
//! never name a site: a menu is short pieces between pipes; a label is a
//! few words without a closing full stop that are all capitals or all page
//! vocabulary; a notice or a credit has the wording every publication uses.
//! This module only judges text; [`super`] decides what to skip.

use super::scan;
use crate::time;

/// Words of page furniture: buttons, counters and prompts. A line made of
/// nothing else is a control of the page, not a sentence of the article.
const PAGE_WORDS: &[&str] = &[
    "advertisement",
    "all",
    "audio",
    "by",
    "article",
    "comment",
    "comments",
    "content",
    "continue",
    "copy",
    "email",
    "facebook",
    "follow",
    "full",
    "gift",
    "in",
    "link",
    "linkedin",
    "listen",
    "main",
    "navigation",
    "min",
    "minutes",
    "more",
    "newsletter",
    "now",
    "on",
    "our",
    "photos",
    "print",
    "read",
    "reading",
    "replies",
    "save",
    "see",
    "share",
    "shares",
    "show",
    "sign",
    "skip",
    "sponsored",
    "story",
    "subscribe",
    "supported",
    "the",
    "this",
    "to",
    "twitter",
    "up",
    "us",
    "view",
    "views",
    "watch",
    "whatsapp",
    "x",
];

/// Nouns that make "NAME is a … NOUN for/at …" an author's bio.
const BYLINE_NOUNS: &[&str] = &[
    "reporter",
    "correspondent",
    "writer",
    "editor",
    "columnist",
    "contributor",
    "journalist",
    "producer",
    "photographer",
    "critic",
];

/// Whether `text`, one sentence as the splitter cut it, is not a sentence
/// of the article. `pieces` is what [`may_hold_pieces`] said of its
/// paragraph.
pub fn not_a_sentence(text: &str, pieces: bool) -> bool {
    // The splitter's sentences are trimmed already: a printable ASCII byte
    // at either end says so without a character decoded from each end.
    let b = text.as_bytes();
    let t = if b.first().is_some_and(u8::is_ascii_graphic) && b.last().is_some_and(u8::is_ascii_graphic) {
        text
    } else {
        text.trim()
    };
    if t.is_empty() || t.len() > 400 {
        return false;
    }
    is_label(t)
        || is_byline(t)
        || is_credit(t)
        || is_cross_reference(t)
        || is_credit_line(t)
        || is_rights_notice(t)
        || is_stamp(t)
        || (pieces && (is_menu(t) || is_notice(t)))
}

/// Labels that open a line about a picture or a chart: its credit ("Photo:
/// Jane Roe/Reuters", "Image source, Getty Images") or its caption ("Image
/// caption, Firefighters at work"). What follows describes the picture,
/// not what the article claims.
const PICTURE_LABELS: &[&str] = &[
    "Photo",
    "Photos",
    "Photograph",
    "Photography",
    "Picture",
    "Pictures",
    "Image",
    "Images",
    "Image source",
    "Image caption",
    "Caption",
    "Credit",
    "Credits",
    "Photo credit",
    "Image credit",
    "Illustration",
    "Graphic",
    "Video",
];

/// Words that make a short line a picture agency's credit: "Getty Images",
/// "AFP via Getty Images", "Jane Roe/AP".
const CREDIT_WORDS: &[&str] = &["Images", "Photo", "Photos", "Pictures", "Photography", "Shutterstock", "Alamy"];

/// The staff credits wire services print under a story: "Reporting by Jane
/// Roe; Editing by John Doe", "Additional reporting by …".
const WIRE_CREDITS: &[&str] =
    &["Reporting by ", "Additional reporting by ", "Writing by ", "Editing by ", "Edited by ", "Compiled by "];

/// A credit on a line of its own: a picture label with its credit or
/// caption ("Photo by Jane Roe", "Image caption, …"), an agency's credit
/// ("AFP via Getty Images"), a wire service's staff credits ("Reporting by
/// Jane Roe; Editing by John Doe"). A sentence that opens with such a word
/// goes on as a sentence: "Photos show the bridge collapsing, the police
/// said." has no label after "Photos".
fn is_credit_line(t: &str) -> bool {
    // "(Reporting by Jane Roe; Editing by John Doe)": a wire service's
    // credits in brackets are the same line.
    if let Some(inner) = t.strip_prefix(['(', '['])
        && t.ends_with([')', ']'])
    {
        return is_credit_line(&inner[..inner.len() - 1]);
    }
    // Every shape below opens with a capital: most sentences leave here.
    if t.len() > 300 || !t.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    // Each list is tried only when the first two bytes can open one of
    // its entries: most sentences open with none of them. (By the first
    // byte alone, "President", "It" and "As" were tried, each entry a
    // call to memcmp.)
    let two = t.as_bytes().get(..2).unwrap_or_default();
    let labels: &[&str] =
        if matches!(two, b"Ph" | b"Pi" | b"Im" | b"Ca" | b"Cr" | b"Il" | b"Gr" | b"Vi") { PICTURE_LABELS } else { &[] };
    for label in labels {
        let Some(rest) = t.strip_prefix(label) else { continue };
        if rest.starts_with([':', ',']) {
            return true;
        }
        // "Photo by Jane Roe/The Ledger": a name follows "by".
        if let Some(by) = rest.strip_prefix(" by ") {
            return by.starts_with(|c: char| c.is_uppercase()) && by.split_whitespace().count() <= 10;
        }
    }
    if reported_from(t) {
        return true;
    }
    if matches!(two, b"Re" | b"Ad" | b"Wr" | b"Ed" | b"Co")
        && WIRE_CREDITS.iter().any(|c| t.strip_prefix(c).is_some_and(|r| r.starts_with(|c: char| c.is_uppercase())))
    {
        return t.split_whitespace().count() <= 40;
    }
    // "Getty Images", "AFP via Getty Images", "Jane Roe/AP": a few
    // capitalised words with no sentence ending, one of them a picture
    // agency's word or the slash of a credit.
    if t.len() > 60 || t.ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';']) || t.bytes().any(|b| b.is_ascii_digit())
    {
        return false;
    }
    let words = || t.split_whitespace();
    words().count() <= 6
        && words().all(|w| w.starts_with(|c: char| c.is_uppercase()) || matches!(w, "via" | "for" | "and" | "/"))
        && (words().any(|w| CREDIT_WORDS.contains(&w))
            || (words().any(|w| w == "via") && words().count() >= 3)
            || t.contains('/'))
}

/// A copyright or reuse notice: "Copyright 2026 The Ledger.", "© 2026 The
/// Ledger", "All rights reserved.", "This material may not be published,
/// broadcast, rewritten or redistributed."
fn is_rights_notice(t: &str) -> bool {
    // Each shape below opens with its own byte ('©' with 0xC2, "Copyright",
    // "(c)", "All rights", [`NOTICE_OPENINGS`]): one read turns away nearly
    // every sentence, which all three prefix tests and the trimmed
    // comparison were run on.
    let first = usize::from(t.as_bytes().first().copied().unwrap_or(0));
    if t.len() > 300 || !(matches!(first as u8, 0xC2 | b'C' | b'(' | b'a' | b'A') || NOTICE_FIRST_BYTES[first]) {
        return false;
    }
    if t.starts_with('©') {
        return t.split_whitespace().count() <= 12;
    }
    // "Copyright 2026 The Ledger", "Copyright © 2026", "(c) 2026": the
    // year or the sign next ("Copyright law was changed" is a sentence).
    if let Some(rest) = t.strip_prefix("Copyright ").or_else(|| t.strip_prefix("(c) ")) {
        let next = rest.split_whitespace().next().unwrap_or("").trim_end_matches([',', '.']);
        return next == "©"
            || next == "(c)"
            || (next.len() == 4 && next.starts_with(['1', '2']) && next.bytes().all(|b| b.is_ascii_digit()));
    }
    if t.trim_end_matches('.').eq_ignore_ascii_case("all rights reserved") {
        return true;
    }
    // Only a sentence that opens like a notice is read further.
    if !opens_with_any(t, NOTICE_OPENINGS, &NOTICE_FIRST_BYTES) {
        return false;
    }
    let lower = t.to_lowercase();
    lower.contains("rewritten or redistributed")
        || (lower.contains("may not be") && lower.contains("without") && lower.contains("permission"))
}

/// A page's date stamp on a line of its own: "Published 3 hours ago",
/// "Updated 12:03 PM ET, Tue March 3, 2026" (see
/// [`time::is_timestamp_line`], which the tracker's noise filter shares).
/// The first word is looked at before the line is parsed: most sentences
/// open with no stamp word.
fn is_stamp(t: &str) -> bool {
    if t.len() > 120 {
        return false;
    }
    // A line that opens with a printable ASCII byte opens with its first
    // word, whose first three bytes are then the line's: unless they are a
    // digit's or open a stamp word ([`stamp_word_start`]), no stamp, and
    // no word need be found (most sentences leave here).
    let bytes = t.as_bytes();
    if let Some(&b) = bytes.first()
        && b.is_ascii_graphic()
        && !b.is_ascii_digit()
    {
        let Some(head) = bytes.get(..3) else { return false };
        let mut three = [0u8; 3];
        three.copy_from_slice(head);
        three.make_ascii_lowercase();
        if !stamp_word_start(&three) {
            return false;
        }
    }
    // The first word, up to the first ASCII white space by its bytes (no
    // character decoded), unless a byte that is not ASCII comes first: it
    // may be white space of its own (U+00A0).
    let first = match bytes.iter().position(|&b| matches!(b, b'\t'..=b'\r' | b' ') || !b.is_ascii()) {
        None if !t.is_empty() => t,
        Some(p) if p > 0 && bytes[p].is_ascii() => &t[..p],
        _ => match t.split_whitespace().next() {
            Some(w) => w,
            None => return false,
        },
    };
    let first = first.trim_end_matches([':', ',', '.']);
    if first.starts_with(|c: char| c.is_ascii_digit()) {
        return time::is_timestamp_line(t);
    }
    // Lowercased on the stack, not in a new String for every sentence:
    // the stamp and calendar words have at most nine letters, so a longer
    // first word opens no stamp. Its first bytes tell most words first.
    let mut buf = [0u8; 12];
    let Some(lower) = buf.get_mut(..first.len()) else { return false };
    lower.copy_from_slice(first.as_bytes());
    lower.make_ascii_lowercase();
    if !stamp_word_start(lower) {
        return false;
    }
    let word = std::str::from_utf8(lower).expect("ASCII lowercasing keeps UTF-8");
    (time::LEADS.contains(&word) || time::is_english_calendar_word(word)) && time::is_timestamp_line(t)
}

/// Whether a lowercase word opens as a stamp or calendar word does: by
/// its first three bytes, which every one of them has ("upd", "sep",
/// "thu"). Most sentences open with "the", "he" or a name, and the lists
/// compared them word by word, each comparison a call to memcmp.
fn stamp_word_start(w: &[u8]) -> bool {
    matches!(
        w.get(..3).unwrap_or_default(),
        b"upd"
            | b"mod"
            | b"pub"
            | b"pos"
            | b"edi"
            | b"las"
            | b"fir"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"may"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"oct"
            | b"nov"
            | b"dec"
            | b"mon"
            | b"tue"
            | b"wed"
            | b"thu"
            | b"fri"
            | b"sat"
            | b"sun"
    )
}

/// A photo or graphic credit on a line of its own: "(Jane Roe/Valley
/// Press)", "(AP Photo/John Doe)". Names between parentheses with a slash
/// and no sentence in them.
fn is_credit(t: &str) -> bool {
    let Some(inner) = t.strip_prefix('(').and_then(|r| r.strip_suffix(')')) else { return false };
    inner.contains('/')
        && !inner.contains(['(', ')', '.', ',', ';'])
        && inner.split_whitespace().count() <= 8
        && inner.split(['/', ' ']).filter(|w| !w.is_empty()).all(|w| w.starts_with(|c: char| c.is_uppercase()))
}

/// A reporter's credit closing a wire story: "Ana Ruiz reported from Veran
/// City.", "Ann Roe and Bo Diaz reported from Kyiv, Ukraine." Names (a few
/// capitalised words) and places only: "Roe reported from the scene that
/// the bridge fell" is a sentence.
fn reported_from(t: &str) -> bool {
    if t.len() > 100 || !t.ends_with('.') {
        return false;
    }
    let capitalised = |w: &str| w.starts_with(|c: char| c.is_uppercase()) || w == "and";
    // Names up to "reported from": most sentences leave at their first
    // lowercase word, before any search.
    let mut words = t[..t.len() - 1].split(' ');
    let mut names = 0;
    loop {
        match words.next() {
            Some("reported") if names > 0 => break,
            Some(w) if names < 7 && capitalised(w) => names += 1,
            _ => return false,
        }
    }
    if words.next() != Some("from") {
        return false;
    }
    let mut places = 0;
    for w in words {
        if places == 6 || !capitalised(w.trim_end_matches(',')) {
            return false;
        }
        places += 1;
    }
    places > 0
}

/// Labels that open a link to another story: "Related: How the town
/// rebuilt", "See also: …". What follows is that story's headline.
const CROSS_REFERENCES: &[&str] = &["Related:", "RELATED:", "See also:", "Also read:", "Read also:", "Recommended:"];

/// A line pointing the reader to another story, not a sentence of this one.
fn is_cross_reference(t: &str) -> bool {
    t.len() <= 200 && opens_with_any(t, CROSS_REFERENCES, &CROSS_REFERENCE_FIRST_BYTES)
}

/// How a reuse notice that names no copyright opens ([`is_rights_notice`]).
const NOTICE_OPENINGS: &[&str] = &["This material", "This article", "This content", "No part of"];

static CROSS_REFERENCE_FIRST_BYTES: [bool; 256] = first_bytes(CROSS_REFERENCES);
static NOTICE_FIRST_BYTES: [bool; 256] = first_bytes(NOTICE_OPENINGS);

/// For each byte, whether one of `openings` starts with it.
const fn first_bytes(openings: &[&str]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < openings.len() {
        t[openings[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
}

/// Whether `t` starts with one of `openings`, whose first bytes `first`
/// holds ([`first_bytes`]): every sentence is asked, and its first byte
/// rules out nearly all of them before any prefix is compared (each
/// comparison a call to memcmp).
fn opens_with_any(t: &str, openings: &[&str], first: &[bool; 256]) -> bool {
    t.as_bytes().first().is_some_and(|&b| first[usize::from(b)]) && openings.iter().any(|o| t.starts_with(o))
}

/// A byline: "By NAME[ and NAME][, ROLE]" with no closing full stop ("By
/// Jane Roe and John Doe", "By Jane Roe, Health Correspondent"). The
/// names before the first comma are capitalised words and "and"; a
/// sentence that opens with "By" ("By noon the river had risen.") has a
/// lowercase word there or ends like a sentence.
fn is_byline(t: &str) -> bool {
    let Some(rest) = t.strip_prefix("By ") else { return false };
    if t.len() > 100 || t.ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';']) || t.split_whitespace().count() > 14 {
        return false;
    }
    let names = rest.split(',').next().unwrap_or(rest);
    let words: Vec<&str> = names.split_whitespace().collect();
    let name_words = words.iter().filter(|w| w.starts_with(|c: char| c.is_uppercase())).count();
    name_words >= 2
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) || matches!(*w, "and" | "de" | "van" | "von" | "der" | "al" | "&")
        })
}

#[cfg(test)]
static PRINT: scan::Rare = scan::Rare::new("print");
#[cfg(test)]
static CONTRIBUT: scan::Rare = scan::Rare::new("contribut");

/// Whether a paragraph may hold a menu, a print notice or a credit: the
/// pipe and the words they need, searched for once a paragraph rather than
/// once a sentence (most paragraphs have none of them). [`Pieces`] says
/// the same of each paragraph of a document.
#[cfg(test)]
pub fn may_hold_pieces(para: &str) -> bool {
    memchr::memchr(b'|', para.as_bytes()).is_some() || PRINT.is_in(para) || CONTRIBUT.is_in(para)
}

/// [`may_hold_pieces`] of each paragraph of one document in turn, its
/// words ("print", "contribut") searched for once in the whole document.
#[derive(Debug)]
pub struct Pieces {
    print: scan::Hits,
    contribut: scan::Hits,
}

impl Pieces {
    /// From the hits of "print" and "contribut" in the document.
    pub fn new(print: scan::Hits, contribut: scan::Hits) -> Pieces {
        Pieces { print, contribut }
    }

    /// Whether the paragraph `para`, at byte `start` of the document, may
    /// hold pieces. Paragraphs come in order.
    pub fn in_paragraph(&mut self, para: &str, start: usize) -> bool {
        let end = start + para.len();
        memchr::memchr(b'|', para.as_bytes()).is_some()
            || self.print.any_in(start, end)
            || self.contribut.any_in(start, end)
    }
}

/// Whether a paragraph is an author's bio: its first sentence says who
/// wrote for whom ("NAME is a [senior, city hall …] reporter for/at …").
pub fn is_bio(para: &str) -> bool {
    let t = para.trim_start();
    if t.len() > 600 {
        return false;
    }
    // The subject is a name: two to four capitalised words, then "is a"
    // or "is an". Only the paragraph's first words are looked at: this
    // runs on every paragraph.
    let mut at = 0;
    let mut named = false;
    let mut pieces = space_words(t);
    for k in 0..=4 {
        let Some(w) = pieces.next() else { return false };
        if w == "is" && k >= 2 {
            named = pieces.next().is_some_and(|a| a == "a" || a == "an");
            break;
        }
        if !(w.starts_with(|c: char| c.is_uppercase()) || w == "de" || w == "van") {
            return false;
        }
        at += w.len() + 1;
    }
    if !named {
        return false;
    }
    let rest = &t[at - 1..];
    let first = rest.split(['.', ';']).next().unwrap_or(rest);
    let words: Vec<String> =
        first.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).take(10).map(str::to_lowercase).collect();
    words.iter().any(|w| BYLINE_NOUNS.iter().any(|n| w == n || w.strip_suffix('s') == Some(n)))
        && words.iter().any(|w| matches!(w.as_str(), "for" | "at" | "with" | "covering" | "based" | "who"))
}

/// The pieces of `t` between single spaces, as `t.split(' ')` gives them,
/// found by a byte loop: [`is_bio`] reads a paragraph's first few words,
/// mostly short, and `split` started a memchr search for each (0.7% of
/// extraction).
fn space_words(t: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(t);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(p) => {
                rest = Some(&r[p + 1..]);
                Some(&r[..p])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// "Order Reprints | Today's Paper | Subscribe": short pieces between pipes.
fn is_menu(t: &str) -> bool {
    if !t.contains('|') {
        return false;
    }
    let pieces: Vec<&str> = t.split('|').map(str::trim).filter(|p| !p.is_empty()).collect();
    pieces.len() >= 2 && pieces.iter().all(|p| p.split_whitespace().count() <= 4)
}

/// A few words with no full stop that are all capitals ("SHARE THIS
/// ARTICLE", "BREAKING NEWS") or all page vocabulary ("Share full article",
/// "212 Comments", "5 min read", "Share on Facebook Share on Twitter",
/// "Listen to this article · 4:12 min").
fn is_label(t: &str) -> bool {
    if t.len() > 80 || t.ends_with(['.', '!', '?', '"', '\u{201D}', ':', ';']) {
        return false;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    if words.len() <= 6 && letters >= 4 && t.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) {
        return true;
    }
    let mut counted = false;
    words.iter().enumerate().all(|(i, w)| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        if i == 0 && !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c == ',') {
            counted = true;
            return true;
        }
        // A duration: "4:12".
        let duration = w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':');
        w.is_empty() || duration || PAGE_WORDS.contains(&w.as_str())
    }) && (counted
        || words.len() <= 5
        || words.iter().filter(|w| PAGE_WORDS.contains(&w.to_lowercase().as_str())).count() >= 4)
}

/// The print-edition notice and the reporting credit: wording shared by
/// every publication that prints them.
fn is_notice(t: &str) -> bool {
    let has = |needle: &str| t.contains(needle);
    // This runs on every sentence: the two guards search by a rare byte.
    if scan::contains(t, "print", 0) {
        let lower = t.to_lowercase();
        if lower.contains("appears in print") || lower.contains("appeared in print") || lower.contains("print edition")
        {
            return lower.contains("version of this") || lower.contains("this article") || lower.contains("section");
        }
    }
    scan::contains(t, "contribut", 6)
        && (has("contributed reporting") || has("contributed to this report") || has("contributed research"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stamp_word_passes_the_first_bytes() {
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september"];
        let more = ["october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday"];
        let days = ["saturday", "sunday", "sept", "tues", "thur", "thurs"];
        let mut words: Vec<&str> = time::LEADS.to_vec();
        for w in months.iter().chain(&more).chain(&days) {
            words.extend((1..=w.len()).map(|n| &w[..n]));
        }
        for w in words {
            if time::LEADS.contains(&w) || time::is_english_calendar_word(w) {
                assert!(stamp_word_start(w.as_bytes()), "{w}");
            }
        }
    }

    #[test]
    fn every_credit_label_opens_a_credit_line() {
        for label in PICTURE_LABELS {
            assert!(is_credit_line(&format!("{label}: Jane Roe/The Ledger")), "{label}");
        }
        for credit in WIRE_CREDITS {
            assert!(is_credit_line(&format!("{credit}Jane Roe")), "{credit}");
        }
    }

    #[test]
    fn space_words_are_what_split_gives() {
        for t in ["", " ", "a", "Ann Roe is a reporter", "  two  spaces ", "caf\u{e9} na\u{ef}ve\u{a0}x y"] {
            assert_eq!(space_words(t).collect::<Vec<_>>(), t.split(' ').collect::<Vec<_>>(), "{t:?}");
        }
    }

    #[test]
    fn furniture_is_not_a_sentence() {
        for line in [
            "By Jane Roe",
            "By Jane Roe and John de Vries",
            "By Jane Roe, Health Correspondent",
            "(Jane Roe/Valley Press)",
            "(AP Photo/John Doe)",
            "Related: How the harbour town rebuilt after the storm",
            "Order Reprints | Today's Paper | Subscribe",
            "SHARE THIS ARTICLE",
            "Share full article",
            "212 Comments",
            "5 min read",
            "Advertisement",
            "Continue reading the main story",
            "A version of this article appears in print on Nov. 3, 2026, Section A, Page 14 of the City edition \
             with the headline: Council Bans Cars.",
            "Ana Lima contributed reporting from Lisbon.",
            "(Reporting by Jane Lee in Detroit; Editing by Tom Hals)",
            "Ana Ruiz reported from Veran City.",
            "Ann Roe and Bo Diaz reported from Kyiv, Ukraine.",
            "Photo by Jane Roe/The Ledger",
            "Photo: Jane Roe/The Ledger",
            "Image source, Getty Images",
            "Image caption, Firefighters worked through the night above the town",
            "Credit: Jane Roe for The Ledger",
            "AFP via Getty Images",
            "Getty Images",
            "Jane Roe/Reuters",
            "Reporting by Jane Roe in Lisbon; Editing by John Doe",
            "Copyright 2026 The Ledger.",
            "© 2026 The Ledger",
            "All rights reserved.",
            "This material may not be published, broadcast, rewritten or redistributed.",
            "Published 3 hours ago",
            "Updated 12:03 PM ET, Tue March 3, 2026",
            "Last updated on 3 March 2026 at 14:05 GMT",
            "Posted: Mar. 3, 2026 | 9:41am",
            "Listen to this article \u{00B7} 4:12 min",
            "Supported by",
            "Skip to content",
            "Share on Facebook Share on Twitter",
        ] {
            assert!(not_a_sentence(line, may_hold_pieces(line)), "{line}");
        }
    }

    #[test]
    fn sentences_and_headlines_stay() {
        for line in [
            "Share prices fell sharply on Monday",
            "The council voted 7 to 2 to ban cars from the square.",
            "\"Read the report,\" she said.",
            "Voters chose between two candidates | one of them new to politics, the other a veteran of the city council.",
            "Storm Hilde brings down power lines",
            "The print edition of the paper will end in June, the publisher said.",
            "NATO leaders met in Brussels.",
            "Roe reported from the scene that the bridge had fallen.",
            "CNN reported from Kyiv that the talks had stalled.",
            "By noon the river had risen",
            "By Friday, the river had risen two metres",
            "By Friday the River Varn had risen two metres",
            "(The figures are for 2025/2026.)",
            "Photos show the bridge collapsing, the police said.",
            "Updated figures show the river rose 3 metres on March 3.",
            "Published reports say the mayor resigned on Monday.",
            "Reporting by the Ledger found 14 unpaid contracts.",
            "Copyright law was changed in 2019, the minister said.",
            "The names may not be published without the families' permission, police said.",
            "Storm Hilde Hits Coast",
            "Reuters Wins Two Awards",
            "Video shows the moment the bridge fell",
        ] {
            assert!(!not_a_sentence(line, may_hold_pieces(line)), "{line}");
        }
    }

    #[test]
    fn bios_are_not_claims() {
        assert!(is_bio("Tomas Reyes is a city hall reporter for the Valley Ledger. He joined the paper in 2019."));
        assert!(is_bio("Mara Lind is an award-winning correspondent based in Nairobi."));
        assert!(!is_bio("The mayor is a former reporter for the Ledger, her office said."));
        assert!(!is_bio("Ines Duarte is a council member who proposed the ban."));
    }
}
