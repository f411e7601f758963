//! Tokens of one sentence: words and the punctuation that matters to an
//! attribution frame, each with its lexicon entry looked up once (and only
//! in sentences that hold a cue or a quotation: the others have no frame).
//! A quoted run is one token: frames need its extent, not its words.
//!
//! Offsets are absolute byte offsets in the document text, so the frame
//! finder can cut content and speakers straight out of it.

use super::cues::{self, CueKind, Entry, class};
use super::quotes::{self, QuoteSpan};
use super::scan;

/// Classes of the words grammar is made of: an acronym spelling one
/// ("WHO", "US") loses them.
const FUNCTION: u32 = class::PRON | class::SUB | class::CONJ | class::DET | class::PREP | class::AUX;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Comma,
    Colon,
    Semicolon,
    Dash,
    /// An opening quotation mark that starts a quote span.
    Open,
    /// A closing quotation mark that ends a quote span.
    Close,
    /// . ! ?
    Stop,
    Other,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Inside a quote span (marks excluded).
    pub quoted: bool,
    /// Starts with an uppercase letter.
    pub cap: bool,
    pub entry: Entry,
}

impl Token {
    #[inline]
    pub fn is(&self, c: u32) -> bool {
        self.kind == Kind::Word && self.entry.class & c != 0
    }
    pub fn word(&self) -> bool {
        self.kind == Kind::Word
    }
    #[inline]
    pub fn cue(&self) -> Option<CueKind> {
        if self.kind == Kind::Word && !self.quoted && !self.cap { self.entry.cue } else { None }
    }
    pub fn text<'a>(&self, doc: &'a str) -> &'a str {
        &doc[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    // Curly quotes, apostrophes and dashes (General Punctuation) are the
    // non-ASCII characters news text has most, and none is a letter or a
    // digit: told here, not by the Unicode tables' slow path.
    if ('\u{2000}'..='\u{206F}').contains(&c) {
        return false;
    }
    c.is_alphanumeric() || matches!(c, '$' | '%' | '&' | '@' | '#')
}

/// The char at byte `i` of `s` (a char boundary).
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii() { Some(b as char) } else { s[i..].chars().next() }
}

fn word_char_at(s: &str, i: usize) -> Option<usize> {
    let b = *s.as_bytes().get(i)?;
    if b.is_ascii_alphanumeric() {
        return Some(1);
    }
    let c = char_at(s, i)?;
    is_word_char(c).then(|| c.len_utf8())
}

/// The extent of the last of `tokens` if it is an unquoted word.
fn word_before(tokens: &[Token]) -> Option<(usize, usize)> {
    tokens.last().filter(|t| t.kind == Kind::Word && !t.quoted).map(|t| (t.start, t.end))
}

/// Tokenise `doc[range]`. `para_start` and `spans` (paragraph-relative)
/// tell which marks open and close quotes and which words are quoted.
///
/// `framed` says the caller knows the sentence may frame though it holds
/// no cue ("S did not respond to a request for comment"): its words are
/// looked up from the start.
pub fn tokenize(
    doc: &str,
    range: (usize, usize),
    para_start: usize,
    spans: &[QuoteSpan],
    framed: bool,
    out: &mut Vec<Token>,
) {
    out.clear();
    let s = &doc[range.0..range.1];
    let bytes = s.as_bytes();
    // Only a span that reaches into the sentence can quote its words.
    // Most sentences have none and skip the walk along the spans at every
    // token (a conservative test: `quoted` below decides when one does).
    let (rel_start, rel_end) = (range.0 - para_start, range.1 - para_start);
    let quotes_here = spans.iter().any(|sp| sp.open < rel_end && sp.end > rel_start);
    let mut q = 0;
    let mut i = 0;
    let mut may_frame = framed;
    // "In a poll, C" holds no cue word but has a frame.
    let mut opens_in = false;
    // Whether a word of two capitals or more ("WHO", "NATO") was passed.
    let mut capitals = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b' ' {
            i += 1;
            continue;
        }
        let Some(c) = char_at(s, i) else { break };
        // An ASCII byte (most tokens) answers white space, width and word
        // start itself, without the char methods' general paths.
        let ascii = b.is_ascii();
        if if ascii { matches!(b, b'\t'..=b'\r') } else { c.is_whitespace() } {
            i += c.len_utf8();
            continue;
        }
        // (Paragraph-relative, as the spans are: only quotation marks and
        // quoted words need it.)
        let rel = || range.0 + i - para_start;
        let quoted = quotes_here && {
            let rel = rel();
            while q < spans.len() && spans[q].end <= rel {
                q += 1;
            }
            q < spans.len() && spans[q].contains(rel)
        };
        // Inside a quotation only the words' extent matters: one token for
        // the whole run up to the closing mark, less trailing punctuation
        // that frames look at ("president,\u{201D}").
        if quoted
            && !quotes::is_double_mark(c)
            && !(c == '\'' && bytes.get(i + 1) == Some(&b'\''))
            && let Some(end) = quoted_run_end(doc, range, para_start, spans[q], i)
        {
            out.push(Token {
                start: range.0 + i,
                end: range.0 + end,
                kind: Kind::Word,
                quoted: true,
                cap: c.is_uppercase(),
                entry: Entry::default(),
            });
            i = end;
            continue;
        }
        let mut end = i + if ascii { 1 } else { c.len_utf8() };
        let word = if ascii {
            b.is_ascii_alphanumeric() || matches!(b, b'$' | b'%' | b'&' | b'@' | b'#')
        } else {
            is_word_char(c)
        };
        let kind = if word {
            // A word runs over letters, digits, inner hyphens, apostrophes
            // and dots ("U.S", "don't", "al-Sakhar", "3.5").
            loop {
                end = scan::alnum_end(bytes, end);
                // Most words end at a space or plain punctuation.
                let Some(&nb) = bytes.get(end) else { break };
                if nb.is_ascii() && !matches!(nb, b'-' | b'\'' | b'.' | b'/' | b',' | b'$' | b'%' | b'&' | b'@' | b'#')
                {
                    break;
                }
                if let Some(n) = word_char_at(s, end) {
                    end += n;
                    continue;
                }
                let Some(d) = char_at(s, end) else { break };
                let inner = matches!(d, '-' | '\'' | '\u{2019}' | '.' | '/' | ',');
                if !inner {
                    break;
                }
                let after = end + d.len_utf8();
                // A comma stays inside a word only between digits (1,000);
                // a dot not between a lowercase and an uppercase letter
                // ("U.S", "a.m", "3.5", but "said.Trump" is two words).
                let ok = if d == ',' {
                    bytes[end - 1].is_ascii_digit() && bytes.get(after).is_some_and(u8::is_ascii_digit)
                } else if d == '.' && bytes[end - 1].is_ascii_lowercase() {
                    bytes.get(after).is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
                } else {
                    word_char_at(s, after).is_some()
                };
                if !ok {
                    break;
                }
                end = after;
            }
            // A plural possessive keeps its apostrophe when a lowercase
            // noun follows ("Sanders' campaign manager"): a lone mark
            // would cut the phrase in two.
            // The mark first: it is rare after a word, so the branch is
            // foreseeable; a word ending in 's' is not.
            let next = bytes.get(end).copied();
            if matches!(next, Some(b'\'' | 0xE2)) && bytes[end - 1] == b's' {
                let width = if next == Some(b'\'') {
                    1
                } else if s[end..].starts_with('\u{2019}') {
                    3
                } else {
                    0
                };
                if width > 0
                    && bytes.get(end + width) == Some(&b' ')
                    && bytes.get(end + width + 1).is_some_and(u8::is_ascii_lowercase)
                {
                    end += width;
                }
            }
            // Keep the dot of an abbreviation (see `keeps_dot`).
            if bytes.get(end) == Some(&b'.') && keeps_dot(&s[i..end], c, &bytes[end..]) {
                end += 1;
            }
            Kind::Word
        } else if quotes::is_double_mark(c) || (c == '\'' && bytes.get(end) == Some(&b'\'')) {
            if c == '\'' {
                end += 1;
            }
            let rel = rel();
            if spans.iter().any(|sp| sp.open == rel) {
                Kind::Open
            } else if spans.iter().any(|sp| sp.end == rel + (end - i) && sp.closed) {
                Kind::Close
            } else {
                Kind::Other
            }
        } else {
            match c {
                ',' => Kind::Comma,
                ':' => Kind::Colon,
                ';' => Kind::Semicolon,
                '\u{2014}' | '\u{2013}' | '\u{2015}' => Kind::Dash,
                '-' if bytes.get(end) == Some(&b'-') => {
                    end += 1;
                    Kind::Dash
                }
                // A hyphen with space on both sides is a dash typed plainly:
                // "LONDON (Reuters) - Ann Roe said".
                '-' if i > 0 && bytes[i - 1] == b' ' && bytes.get(end) == Some(&b' ') => Kind::Dash,
                '.' | '!' | '?' => Kind::Stop,
                _ => Kind::Other,
            }
        };
        let cap = kind == Kind::Word && if c.is_ascii() { c.is_ascii_uppercase() } else { c.is_uppercase() };
        if kind == Kind::Word {
            capitals |= cap && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
            // Until the sentence proves to need lookups, a word that may
            // be a cue is looked up to tell whether it proves it; the
            // entries themselves are all looked up after this loop.
            if !may_frame {
                let w = &bytes[i..end];
                if !quoted && cues::maybe_cue(w) {
                    let mut entry = cues::lookup_in(doc, range.0 + i, range.0 + end);
                    if entry.class & class::CONTEXT_CUE != 0 {
                        entry = cues::context_cue(doc, (range.0 + i, range.0 + end), word_before(out), entry);
                    }
                    // ("C, as Roe put it.": no cue word, but a report.)
                    may_frame =
                        entry.cue.is_some() || (entry.class & class::PUT != 0 && bytes[end..].starts_with(b" it"));
                }
                if !may_frame {
                    if out.is_empty() {
                        opens_in = w == b"In";
                    } else if opens_in && cues::is_poll(&s[i..end]) {
                        may_frame = true;
                    }
                }
            }
        }
        // "Kerry: ...", "Ann Roe ― ...": a label may open the sentence.
        if !may_frame && (kind == Kind::Open || (matches!(kind, Kind::Colon | Kind::Dash) && out.len() <= 6)) {
            may_frame = true;
        }
        let quoted = quoted && !matches!(kind, Kind::Open | Kind::Close);
        out.push(Token { start: range.0 + i, end: range.0 + end, kind, quoted, cap, entry: Entry::default() });
        i = end;
    }
    // A sentence with no possible cue and no quotation has no frame: its
    // words need no lookup (most sentences of news are like that). Quoted
    // words are content whatever they are. The lookups run here, in a loop
    // of their own, not in the one above: that loop's registers are its
    // own, and the lookup's would spill them for every token.
    if may_frame {
        for k in 0..out.len() {
            let t = out[k];
            if t.kind == Kind::Word && !t.quoted {
                let mut entry = cues::lookup_in(doc, t.start, t.end);
                if entry.class & class::CONTEXT_CUE != 0 {
                    entry = cues::context_cue(doc, (t.start, t.end), word_before(&out[..k]), entry);
                }
                out[k].entry = entry;
            }
        }
        // "The WHO said", "the US": an acronym after an article is a name,
        // not the function word it spells.
        if capitals {
            for k in 1..out.len() {
                let t = &out[k];
                if t.entry.class & FUNCTION != 0
                    && t.cap
                    && t.end - t.start >= 2
                    && doc[t.start..t.end].bytes().all(|b| b.is_ascii_uppercase())
                    && out[k - 1].kind == Kind::Word
                    && out[k - 1].text(doc).eq_ignore_ascii_case("the")
                {
                    out[k].entry = Entry::default();
                }
            }
        }
    }
}

/// The end (in the sentence `doc[range]`) of the quoted run that starts at
/// its byte `i`, inside `span`: up to the closing mark, less trailing
/// white space and the punctuation frames look at. `None` if nothing is
/// left. Out of the tokeniser's loop: it runs once a quotation.
#[cold]
fn quoted_run_end(doc: &str, range: (usize, usize), para_start: usize, span: QuoteSpan, i: usize) -> Option<usize> {
    let s = &doc[range.0..range.1];
    let close_rel = if span.closed {
        let pe = para_start + span.end;
        let width = if doc[..pe].ends_with("''") { 2 } else { doc[..pe].chars().next_back().map_or(1, char::len_utf8) };
        span.end - width
    } else {
        span.end
    };
    let stop = (para_start + close_rel).min(range.1) - range.0;
    let run = s[i..stop].trim_end_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, ',' | ';' | ':' | '\u{2014}' | '\u{2013}' | '\u{2015}')
    });
    (!run.is_empty()).then(|| i + run.len())
}

/// Whether the dot after the word `w` (which opens with `c`; `after`
/// starts at the dot) is the word's: an abbreviation or initial ("U.S.",
/// "F."), a short capitalised word before a comma ("Va.,"), "No." before
/// a number ("the No. 2 Republican"). Out of the tokeniser's loop: most
/// words have no dot after them.
#[cold]
fn keeps_dot(w: &str, c: char, after: &[u8]) -> bool {
    let before_comma = after.get(1) == Some(&b',') && (w.len() <= 4 || party_state(w)) && c.is_uppercase();
    let number_sign =
        matches!(w, "No" | "Nos") && after.get(1) == Some(&b' ') && after.get(2).is_some_and(u8::is_ascii_digit);
    before_comma || number_sign || w.contains('.') || w.chars().nth(1).is_none() || abbrev_like(w)
}

/// A party and state after a name: "R-Ga", "D-Mass", "I-Vt".
fn party_state(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() <= 8 && b.len() >= 3 && matches!(b[0], b'R' | b'D' | b'I') && b[1] == b'-' && b[2].is_ascii_uppercase()
}

fn abbrev_like(w: &str) -> bool {
    // Titles and suffixes: "Gen.", "Jr.", "Mr.". The length first: most
    // words before a dot end their sentence, and are longer.
    (w.len() <= 4 && cues::lookup(w).class & class::ROLE != 0)
        || matches!(w, "Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd" | "St" | "Mt" | "Ft")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_general_punctuation_is_alphanumeric() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn words_keep_abbreviation_dots() {
        let doc = "Gen. Ann F. Cole, a U.S. official, said 1,000 don\u{2019}t.";
        let mut t = Vec::new();
        tokenize(doc, (0, doc.len()), 0, &[], false, &mut t);
        let words: Vec<&str> = t.iter().map(|t| t.text(doc)).collect();
        assert_eq!(
            words,
            vec!["Gen.", "Ann", "F.", "Cole", ",", "a", "U.S.", "official", ",", "said", "1,000", "don\u{2019}t", "."]
        );
    }
}
