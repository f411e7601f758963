//! Datelines: the place (and wire) a story was filed from, opening its
//! lead ("LONDON —", "WASHINGTON (Reuters) -", "KINGSPORT, Tenn. -").
//!
//! A dateline is page layout, not part of any sentence's grammar: frames
//! must not read "WASHINGTON — X" as a subject, and the diff must not read
//! a dateline added to the lead as an edit. This module only recognises
//! one; extraction and the diff decide what to skip.

/// Paragraphs this close to the top may open with a dateline: a headline,
/// a byline and a photo caption can stand above the lead, each a statement
/// of its own.
pub const WITHIN_PARAGRAPHS: usize = 5;

/// Characters that open a list item when they stand alone.
pub fn is_marker(c: char) -> bool {
    matches!(c, '•' | '·' | '▪' | '◦' | '‣' | '*' | '-' | '–' | '—' | '―')
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
