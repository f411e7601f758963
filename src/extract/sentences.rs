//! Sentence splitting inside one paragraph, and URL spotting.
//!
//! A full stop ends a sentence unless it belongs to an abbreviation ("Gen.",
//! "Mar. 12"), an initial ("Kenneth F. McKenzie"), a dotted acronym ("U.S.")
//! followed by something that does not start a sentence, or a URL. Nothing is
//! split inside a quotation: `"A. B," he said.` is one sentence, so the
//! frame finder sees the whole quote with its cue.

use super::cues::{self, class};
use super::quotes::QuoteSpan;
use super::scan;

/// Titles and other abbreviations that are never the end of a sentence.
fn never_final(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"mr"
            | b"mrs"
            | b"ms"
            | b"dr"
            | b"gen"
            | b"sen"
            | b"rep"
            | b"gov"
            | b"lt"
            | b"col"
            | b"sgt"
            | b"capt"
            | b"adm"
            | b"st"
            | b"mt"
            | b"prof"
            | b"rev"
            | b"hon"
            | b"maj"
            | b"brig"
            | b"cmdr"
            | b"messrs"
            | b"ft"
            | b"pres"
            | b"supt"
            | b"gens"
            | b"sens"
            | b"reps"
            | b"govs"
            | b"drs"
            | b"sec"
            | b"vs"
            | b"v"
            | b"no"
            | b"nos"
            | b"fig"
            | b"jan"
            | b"feb"
            | b"mar"
            | b"apr"
            | b"jun"
            | b"jul"
            | b"aug"
            | b"sep"
            | b"sept"
            | b"oct"
            | b"nov"
            | b"dec"
    )
}

/// Abbreviations that end sentences when a sentence starter follows.
fn maybe_final(lower: &[u8]) -> bool {
    matches!(lower, b"jr" | b"sr" | b"inc" | b"corp" | b"co" | b"ltd" | b"etc" | b"llc" | b"bros" | b"dept" | b"univ")
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '\u{201D}' | '\u{2019}' | '\u{00BB}')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '\'' | '\u{201C}' | '\u{2018}' | '(' | '[')
}

/// Split `para` into sentences: paragraph-relative byte ranges, trimmed,
/// never empty.
pub fn split(para: &str, quotes: &[QuoteSpan], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let bytes = para.as_bytes();
    let mut start = 0;
    let mut q = 0; // first quote span that may still contain the position
    let mut i = 0;
    // A dateline's region ("ORLANDO, Fla. (Reuters) - ...") ends in a full
    // stop that ends no sentence: the dateline is layout opening the lead.
    let dateline = match bytes {
        [a, b, ..] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => {
            para.len() - super::dateline::strip_dateline(para).len()
        }
        _ => 0,
    };
    while let Some(found) = scan::find_any(bytes, i, b".!?") {
        i = found;
        if i < dateline {
            i += 1;
            continue;
        }
        let b = bytes[i];
        while q < quotes.len() && quotes[q].end <= i {
            q += 1;
        }
        // Inside a quotation only a stop right before the closing mark can
        // end a sentence (`... strength." He left.`).
        if q < quotes.len() && quotes[q].contains(i) {
            let mut j = i + 1;
            while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
            let at_close = quotes[q].closed && para[j..quotes[q].end].chars().all(is_closing) && j < quotes[q].end;
            if !at_close {
                i += 1;
                continue;
            }
        }
        // Past the terminator and any closing marks.
        let mut j = i + 1;
        while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        while let Some(c) = para[j..].chars().next() {
            if is_closing(c) {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        let rest = &para[j..];
        let Some(c0) = rest.chars().next() else {
            break;
        };
        if !c0.is_whitespace() {
            // A lost space: "said.The" (a lowercase word, then a capitalised
            // one) still ends a sentence.
            let glued = bytes[i] == b'.'
                && j == i + 1
                && i >= 2
                && bytes[i - 1].is_ascii_lowercase()
                && bytes[i - 2].is_ascii_lowercase()
                && bytes.get(j).is_some_and(u8::is_ascii_uppercase)
                && bytes.get(j + 1).is_some_and(u8::is_ascii_lowercase);
            if glued {
                push_trimmed(para, start, j, out);
                start = j;
            }
            i = j.max(i + 1);
            continue;
        }
        let k = j + (rest.len() - rest.trim_start().len());
        let Some(next) = para[k..].chars().next() else {
            break;
        };
        if !starts_sentence(next) || (b == b'.' && !full_stop_ends(para, i, k)) {
            i = j;
            continue;
        }
        // `"Why not?" Ann Roe asked.`: a question or exclamation closing a
        // quotation, then its speaker and cue, is one sentence.
        if b != b'.'
            && j > i + 1
            && !para[i + 1..j].trim_start_matches(['!', '?']).is_empty()
            && tag_follows(&para[k..])
        {
            i = j;
            continue;
        }
        push_trimmed(para, start, j, out);
        start = k;
        i = k;
    }
    push_trimmed(para, start, para.len(), out);
    if quotes.len() > 1 {
        split_signed(para, quotes, out);
    }
}

/// A list of quotations, each signed with a dash and a name (`"Q." ― Ann
/// Roe "R." ― Bo Diaz`, one to a line before the lines were joined): a
/// signature ends its sentence though no stop follows it.
fn split_signed(para: &str, quotes: &[QuoteSpan], out: &mut Vec<(usize, usize)>) {
    for pair in quotes.windows(2) {
        let (before, next) = (pair[0], pair[1]);
        if !before.closed || next.open <= before.end || !signature(&para[before.end..next.open]) {
            continue;
        }
        let cut = next.open;
        let Some(i) = out.iter().position(|&(s, e)| s < cut && cut < e) else {
            continue;
        };
        let (s, e) = out[i];
        let mut two = Vec::with_capacity(2);
        push_trimmed(para, s, cut, &mut two);
        push_trimmed(para, cut, e, &mut two);
        out.splice(i..=i, two);
    }
}

/// Whether the text between two quotations is a signature: a dash and one
/// to five capitalised words (" ― Ann Roe. ").
fn signature(between: &str) -> bool {
    let Some(name) = between.trim_start().strip_prefix(['\u{2015}', '\u{2014}', '\u{2013}']) else {
        return false;
    };
    let name = name.trim().trim_end_matches('.');
    let words = name.split_whitespace().count();
    (1..=5).contains(&words) && name.split_whitespace().all(|w| w.starts_with(char::is_uppercase))
}

/// Whether `rest` opens with a speaker's name (one to four capitalised
/// words) and a speech cue: "Ann Roe said", "Sen. Ed Marks asked".
fn tag_follows(rest: &str) -> bool {
    let mut names = 0;
    for w in rest.split_whitespace().take(5) {
        if w.starts_with(|c: char| c.is_uppercase()) && names < 4 {
            names += 1;
            continue;
        }
        let w = w.trim_end_matches(|c: char| !c.is_alphanumeric());
        return names > 0
            // ("\"Why not?\" Ann Roe demanded.": a stance verb too.)
            && matches!(
                cues::lookup(w).cue,
                Some(cues::CueKind::Speech | cues::CueKind::Tell | cues::CueKind::Other)
            )
            && w.bytes().all(|b| b.is_ascii_lowercase());
    }
    false
}

fn push_trimmed(para: &str, s: usize, e: usize, out: &mut Vec<(usize, usize)>) {
    // A printable ASCII byte at either end, as nearly every piece has:
    // nothing to trim, and no character decoded from either end.
    let b = para.as_bytes();
    if s < e && b[s].is_ascii_graphic() && b[e - 1].is_ascii_graphic() {
        out.push((s, e));
        return;
    }
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if s + lead < e - trail {
        out.push((s + lead, e - trail));
    }
}

/// Where the word that `before` ends with starts: after the last white
/// space or opening mark ('(', '"', '\u{201C}', '['), or at 0. By its
/// bytes while they are ASCII, as nearly every word's are, and by
/// characters from the first that is not: a search by characters from the
/// end decoded every character of the word before each full stop.
fn word_start_before(before: &str) -> usize {
    let b = before.as_bytes();
    let mut k = b.len();
    while k > 0 && b[k - 1].is_ascii() && !matches!(b[k - 1], b'\t'..=b'\r' | b' ' | b'(' | b'"' | b'[') {
        k -= 1;
    }
    if k == 0 || b[k - 1].is_ascii() {
        return k;
    }
    // (`k` follows the last byte of a character, and no byte from there
    // on ends the word.)
    before[..k]
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '['))
        .map_or(0, |p| p + before[p..].chars().next().map_or(1, char::len_utf8))
}

/// Whether the full stop at `dot` ends a sentence, given that the next
/// sentence would start at `next`.
fn full_stop_ends(para: &str, dot: usize, next: usize) -> bool {
    let before = &para[..dot];
    let word_start = word_start_before(before);
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    // A byte test: `str::contains` sets up a searcher at every full stop.
    if (word.bytes().any(|b| b == b':') && word.as_bytes().windows(3).any(|w| w == b"://")) || word.starts_with("www.")
    {
        return true;
    }
    let mut lower_buf = [0u8; 12];
    let lower = if word.len() <= lower_buf.len() && word.is_ascii() {
        for (d, s) in lower_buf.iter_mut().zip(word.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        &lower_buf[..word.len()]
    } else {
        &[]
    };
    let mut chars = word.chars();
    let single_letter = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    // "wrote on X. It showed ...", "vitamin C. The": a letter after a
    // lowercase word, before a word that starts sentences, is a name of
    // its own, no initial ("Kenneth F. McKenzie", "by J. K. Rowling").
    if single_letter {
        let prev = before[..word_start].trim_end();
        let prev = &prev[word_start_before(prev)..];
        return prev.starts_with(|c: char| c.is_lowercase())
            && prev.ends_with(|c: char| c.is_alphabetic())
            && starts_sentence_word(next_word_at(para, next));
    }
    if never_final(lower) {
        return false;
    }
    // "$5.50." and "4.2." are numbers with a decimal point, no dotted
    // abbreviation: the stop after them ends the sentence.
    if is_decimal(word) {
        return true;
    }
    if word.contains('.') || maybe_final(lower) {
        let next_word = next_word_at(para, next);
        if starts_sentence_word(next_word) {
            return true;
        }
        // A clock time ends its sentence before a capitalised word that
        // does not go on dating it ("9 p.m. Police said", not "9 p.m.
        // Tuesday", "9 p.m. EST", "9 p.m. Eastern").
        return matches!(lower, b"a.m" | b"p.m") && clock_time_ends(next_word);
    }
    true
}

/// The word at `next` after a full stop, past any opening quotation mark
/// (a quotation may open the next sentence: "after 9 p.m. “It was …").
fn next_word_at(para: &str, next: usize) -> &str {
    let word = para[next..].split(|c: char| c.is_whitespace() || c == ',').next().unwrap_or("");
    word.trim_start_matches(['"', '\u{201C}', '\u{2018}', '\''])
}

/// Whether `word` is one of the lexicon's words that start sentences.
fn starts_sentence_word(word: &str) -> bool {
    cues::lookup(word).class & class::STARTER != 0
}

/// Whether a word after "a.m." or "p.m." opens a new sentence: capitalised,
/// neither a word of time (a day, a month) nor a zone.
fn clock_time_ends(next: &str) -> bool {
    let mut chars = next.chars();
    let (Some(first), Some(second)) = (chars.next(), chars.next()) else { return false };
    if !first.is_uppercase() || second.is_uppercase() {
        return false;
    }
    let lower = next.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let zone =
        matches!(lower.as_str(), "eastern" | "pacific" | "central" | "mountain" | "local" | "atlantic" | "british");
    let month = crate::time::is_english_month(&lower);
    !zone && !month && cues::lookup(&lower).class & class::TIME == 0
}

/// Whether `word` is a number with a decimal point, maybe with a currency
/// sign before it: "5.50", "$4.10", "€1.2" (digits after the point).
fn is_decimal(word: &str) -> bool {
    let number = word.trim_start_matches(['$', '\u{20AC}', '\u{00A3}', '\u{00A5}']);
    let Some((whole, fraction)) = number.split_once('.') else { return false };
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Whether a whole sentence or paragraph is nothing but links.
pub fn is_only_urls(s: &str) -> bool {
    // A link's word opens with "h" or "w", maybe after the marks
    // [`is_url`] trims: every paragraph is asked, and most are answered
    // by their first byte.
    if !matches!(s.trim_start().as_bytes().first(), Some(b'h' | b'w' | b'(' | b')' | b'<' | b'>' | b',' | b'.')) {
        return false;
    }
    let mut any = false;
    for w in s.split_whitespace() {
        if !is_url(w) {
            return false;
        }
        any = true;
    }
    any
}

/// Whether a whitespace-separated word is a link.
pub fn is_url(w: &str) -> bool {
    let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '<' | '>' | ',' | '.'));
    w.starts_with("http://") || w.starts_with("https://") || w.starts_with("www.")
}

/// The links inside a text, trailing punctuation removed.
pub fn urls(s: &str) -> impl Iterator<Item = &str> {
    s.split_whitespace()
        .filter(|w| is_url(w))
        .map(|w| w.trim_matches(|c: char| matches!(c, '(' | ')' | '<' | '>' | ',' | '.' | ';')))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::quotes;

    fn sents(p: &str) -> Vec<&str> {
        let mut q = Vec::new();
        quotes::find(p, false, &mut q);
        let mut v = Vec::new();
        split(p, &q, &mut v);
        v.into_iter().map(|(s, e)| &p[s..e]).collect()
    }

    #[test]
    fn a_question_closing_a_quote_keeps_its_named_speaker() {
        // Once split after the mark, leaving the quote to the last speaker.
        let p = "\u{201C}Why not?\u{201D} Sen. Ed Marks asked. \u{201C}Go home!\u{201D} The crowd cheered.";
        assert_eq!(
            sents(p),
            vec!["\u{201C}Why not?\u{201D} Sen. Ed Marks asked.", "\u{201C}Go home!\u{201D}", "The crowd cheered."]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_split() {
        let p = "Gen. Ann B. Cole Jr. of the U.S. Army spoke on Feb. 3. The U.S. \
                 team left. Sen. Roe agreed.";
        assert_eq!(
            sents(p),
            vec!["Gen. Ann B. Cole Jr. of the U.S. Army spoke on Feb. 3.", "The U.S. team left.", "Sen. Roe agreed."]
        );
    }

    #[test]
    fn a_letter_after_a_lowercase_word_ends_a_sentence_before_a_starter() {
        assert_eq!(
            sents("She wrote on X. It was a hard day. He takes vitamin C. The rest is by J. K. Rowling."),
            vec!["She wrote on X.", "It was a hard day.", "He takes vitamin C.", "The rest is by J. K. Rowling."]
        );
        assert_eq!(
            sents("\"Q,\" Roe wrote on X. \"It was fine.\""),
            vec!["\"Q,\" Roe wrote on X.", "\"It was fine.\""]
        );
    }

    #[test]
    fn a_number_with_a_decimal_point_ends_its_sentence() {
        assert_eq!(
            sents("The range was $5.00 to $5.50. Analysts had expected $4.85. Growth was 2.1. Shares rose."),
            vec!["The range was $5.00 to $5.50.", "Analysts had expected $4.85.", "Growth was 2.1.", "Shares rose."]
        );
    }

    #[test]
    fn a_case_name_is_one_sentence() {
        assert_eq!(
            sents("The ruling in Harbor Co. v. Mills set the fee. Roe vs. Diaz came later."),
            vec!["The ruling in Harbor Co. v. Mills set the fee.", "Roe vs. Diaz came later."]
        );
    }

    #[test]
    fn acronym_then_starter_splits() {
        assert_eq!(
            sents("They flew to the U.S. The trip was long."),
            vec!["They flew to the U.S.", "The trip was long."]
        );
    }

    #[test]
    fn no_split_inside_quotes_or_urls() {
        let p = "\u{201C}We left. We won,\u{201D} she said. See https://ex.ample/a.b for more.";
        assert_eq!(sents(p), vec!["\u{201C}We left. We won,\u{201D} she said.", "See https://ex.ample/a.b for more."]);
    }

    #[test]
    fn urls_are_found() {
        assert!(is_only_urls("https://ex.ample/status/1"));
        assert!(!is_only_urls("see https://ex.ample"));
        assert_eq!(urls("see https://ex.ample/x.").collect::<Vec<_>>(), vec!["https://ex.ample/x"]);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn word_start_is_what_a_search_by_characters_gives(s in "[ab \t\n\x0b\x1c(\"\\[.\u{201c}\u{201d}\u{a0}\u{2003}\u{e9}]{0,16}") {
            let want = s
                .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '\u{201C}' | '['))
                .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
            proptest::prop_assert_eq!(word_start_before(&s), want);
        }
    }
}
