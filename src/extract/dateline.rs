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
    // The cheap tests first: nearly every sentence the lead's dateline
    // test sees opens with a word in lower case after its capital, which
    // the first two refuse at its second letter, before any count.
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '\'' | '’' | '-'))
        && w.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// A word of the region after the place ("Tenn.", "Calif.", "Ukraine",
/// "N.J."): capitalised, short.
fn is_region_word(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().count() <= 12
        && w.chars().all(|c| c.is_alphabetic() || c == '.')
}

/// `s` after a date opening it: "Aug 31", "Aug. 31", "31 August", each
/// with an optional ", 2016" or " 2016". `None` if it opens with none.
fn strip_date(s: &str) -> Option<&str> {
    let month = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && crate::time::is_english_month(&w.trim_end_matches('.').to_ascii_lowercase())
    };
    let day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let mut words = s.splitn(3, ' ');
    let (a, b) = (words.next()?, words.next()?);
    let b_bare = b.trim_end_matches(',');
    if !(month(a) && day(b_bare) || day(a) && month(b_bare)) {
        return None;
    }
    let mut rest = &s[a.len() + 1 + b_bare.len()..];
    let year = rest.trim_start_matches(',').trim_start();
    if year.len() >= 4
        && year.as_bytes()[..4].iter().all(u8::is_ascii_digit)
        && !year[4..].starts_with(|c: char| c.is_ascii_digit())
    {
        rest = &year[4..];
    }
    Some(rest)
}

/// `content` without a leading dateline: one to four capitalised place
/// words, an optional ", Region" or ", Date", an optional "(Agency)", then
/// a dash.
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
    // "(Reuters) - C": a wire's online copy may give the agency alone.
    if places == 0 && !agency_alone(content) {
        return content;
    }
    // ", Aug 31" / ", 31 August 2016": a wire's filing date.
    if let Some(r) = rest.strip_prefix(", ").and_then(strip_date) {
        rest = r;
    // ", Tenn." / ", Ukraine" / ", N.J."
    } else if let Some(r) = rest.strip_prefix(", ") {
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

/// Whether `content` opens with an agency's name in parentheses and
/// nothing before it: one to three capitalised words ("(Reuters)",
/// "(AP)", "(CNN Business)").
pub(crate) fn agency_alone(content: &str) -> bool {
    content.strip_prefix('(').and_then(|r| r.split_once(')')).is_some_and(|(name, _)| {
        let words = name.split_whitespace().count();
        (1..=3).contains(&words) && name.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase()))
    })
}

/// Zones and marks that may follow a live blog's time stamp.
const TIME_SUFFIXES: [&str; 14] =
    ["a.m.", "p.m.", "am", "pm", "GMT", "BST", "UTC", "CET", "CEST", "ET", "EST", "EDT", "PT", "local"];

/// `content` without a live blog's time stamp opening its entry ("12:48
/// Raman told MPs …", "10.15am: The minister …", "9:05 a.m. ET — …"): one
/// or two digits, a colon or dot, two digits, an optional "am"/"p.m."
/// and zone, an optional colon or dash, then a capitalised word. Like a
/// dateline, it is layout: frames and introductions start after it.
/// Anything else is returned whole.
pub fn strip_timestamp(content: &str) -> &str {
    let b = content.as_bytes();
    let hours = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&hours)
        || !matches!(b.get(hours), Some(b':' | b'.'))
        || !b.get(hours + 1..hours + 3).is_some_and(|m| m.iter().all(u8::is_ascii_digit))
        || b.get(hours + 3).is_some_and(u8::is_ascii_digit)
    {
        return content;
    }
    let mut rest = &content[hours + 3..];
    // "10.15am", "9:05 a.m. ET", "14:02 GMT".
    for _ in 0..2 {
        let r = rest.trim_start();
        match TIME_SUFFIXES
            .iter()
            .find(|s| r.strip_prefix(**s).is_some_and(|after| after.is_empty() || after.starts_with([' ', ':', ','])))
        {
            Some(s) => rest = &r[s.len()..],
            None => break,
        }
    }
    rest = rest.trim_start();
    if let Some(r) = rest.strip_prefix([':', '|']) {
        rest = r.trim_start();
    } else {
        let dash = rest.chars().take_while(|&c| matches!(c, '-' | '–' | '—' | '―')).count();
        if (1..=2).contains(&dash) {
            let after = rest.char_indices().nth(dash).map_or("", |(i, _)| &rest[i..]);
            rest = after.trim_start();
        }
    }
    let stamp = &content[..content.len() - rest.len()];
    if !stamp.ends_with(char::is_whitespace)
        || !rest.starts_with(|c: char| c.is_uppercase() || c == '"' || c == '\u{201C}')
    {
        return content;
    }
    rest
}

#[cfg(test)]
mod tests {
    use super::{strip_dateline, strip_timestamp};

    #[test]
    fn a_wires_filing_date_is_part_of_the_dateline() {
        for lead in [
            "PARIS, Aug 31 (Reuters) - Le Pen voiced support on Wednesday.",
            "PARIS, Aug. 31 (Reuters) - Le Pen voiced support on Wednesday.",
            "GENEVA, 31 August 2016 (AFP) - Le Pen voiced support on Wednesday.",
            "LONDON, Jan 5, 2016 - Le Pen voiced support on Wednesday.",
            "KINGSPORT, Tenn. (AP) - Le Pen voiced support on Wednesday.",
            "(Reuters) - Le Pen voiced support on Wednesday.",
        ] {
            assert_eq!(strip_dateline(lead), "Le Pen voiced support on Wednesday.", "{lead}");
        }
        for sentence in [
            "PARIS, May be the city - it said.",
            "NATO, Aug 31 was the day nothing happened.",
            "(and we mean it) - Le Pen voiced support on Wednesday.",
        ] {
            assert_eq!(strip_dateline(sentence), sentence);
        }
    }

    #[test]
    fn a_live_blogs_time_stamp_is_layout() {
        for (entry, rest) in [
            ("12:48 Raman told MPs borrowing would fall.", "Raman told MPs borrowing would fall."),
            ("10.15am: The minister has arrived.", "The minister has arrived."),
            ("9:05 a.m. ET \u{2014} \"We are ready,\" she said.", "\"We are ready,\" she said."),
            ("14:02 GMT | Markets opened flat.", "Markets opened flat."),
            ("7:30 - The polls have opened.", "The polls have opened."),
        ] {
            assert_eq!(strip_timestamp(entry), rest, "{entry}");
        }
        for sentence in [
            "3.1 million people voted.",
            "12:48 was the time the polls closed.",
            "2024 was a record year.",
            "10:15:30 The clock stopped.",
            "12:48Raman arrived.",
            "The 12:48 train was late.",
        ] {
            assert_eq!(strip_timestamp(sentence), sentence);
        }
    }
}
