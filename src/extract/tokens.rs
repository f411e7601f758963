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
    if b.is_ascii() {
        return (byte::TABLE[usize::from(b)] & byte::WORD != 0).then_some(1);
    }
    let c = char_at(s, i)?;
    is_word_char(c).then(|| c.len_utf8())
}

/// The extent of the last of `tokens` if it is an unquoted word.
fn word_before(tokens: &[Token]) -> Option<(usize, usize)> {
    tokens.last().filter(|t| t.kind == Kind::Word && !t.quoted).map(|t| (t.start, t.end))
}

/// What the frame families hang on in a sentence (see `frames::Ctx::has`),
/// one bit each, noted as the tokens are made: one walk fewer over each
/// sentence's tokens.
pub mod mark {
    /// The word "as", quoted or not.
    pub const AS: u16 = 1;
    /// "by", unquoted.
    pub const BY: u16 = 1 << 1;
    /// "that", quoted or not.
    pub const THAT: u16 = 1 << 2;
    /// An unquoted word the lexicon has as the cue of "according to".
    pub const ACCORDING: u16 = 1 << 3;
    /// An unquoted colon before an opening mark.
    pub const COLON_QUOTE: u16 = 1 << 4;
    /// An unquoted colon.
    pub const COLON: u16 = 1 << 5;
    /// A closing mark.
    pub const CLOSE: u16 = 1 << 6;
    /// A comma or a dash, quoted or not.
    pub const BREAK: u16 = 1 << 7;
    /// An opening mark.
    pub const OPEN: u16 = 1 << 8;
    /// An unquoted word the lexicon has as a cue.
    pub const CUE: u16 = 1 << 9;
    /// The word "who", quoted or not.
    pub const WHO: u16 = 1 << 10;
    /// An opening parenthesis, quoted or not.
    pub const PAREN: u16 = 1 << 11;
    /// The marks were looked for (a sentence may have none).
    pub const KNOWN: u16 = 1 << 15;

    /// The marks of a word token's bytes `w`: "as", "by", "who" or
    /// "that" in any case.
    #[inline(always)]
    pub fn of_word(w: &[u8], quoted: bool) -> u16 {
        let two = |w: &[u8; 2]| u16::from_le_bytes(*w);
        let four = |w: &[u8; 4]| u32::from_le_bytes(*w);
        match *w {
            // The case bit set: for a lowercase word that is the same
            // test as ignoring ASCII case.
            [a, b] => {
                let w = two(&[a, b]) | 0x2020;
                if w == two(b"as") {
                    AS
                } else if w == two(b"by") && !quoted {
                    BY
                } else {
                    0
                }
            }
            [a, b, c] if four(&[a, b, c, 0]) | 0x0020_2020 == four(b"who\0") => WHO,
            [a, b, c, d] if four(&[a, b, c, d]) | 0x2020_2020 == four(b"that") => THAT,
            _ => 0,
        }
    }
}

/// What [`tokenize`] notes of a sentence as it makes its tokens, for the
/// frames: its [`mark`]s, and which tokens the lexicon has as a cue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Noted {
    /// The sentence's marks, [`mark::KNOWN`] among them; 0 where they
    /// are not known.
    pub marks: u16,
    /// Bit `k` is set where token `k` (of the first 64) has a cue: what
    /// the frames' walk for them finds, noted with the lookups instead.
    /// `None` where not known.
    pub cues: Option<u64>,
}

impl Noted {
    /// Nothing noted: tokens cut from a sentence's, whose marks and cues
    /// are found by a walk when asked.
    pub const UNKNOWN: Noted = Noted { marks: 0, cues: None };
}

/// What the tokeniser's loop asks of a byte, one table read for all.
mod byte {
    /// ASCII white space: ' ' and '\t'..='\r'.
    pub const SPACE: u8 = 1;
    /// An ASCII byte that opens a word: a letter, a digit, `$ % & @ #`.
    pub const WORD: u8 = 1 << 1;
    /// A byte after a run of ASCII letters and digits that may carry the
    /// word on or change where it ends: not ASCII, or one of
    /// `- ' . / , $ % & @ #` (an apostrophe and a dot also decide a
    /// possessive and an abbreviation's dot).
    pub const GOES_ON: u8 = 1 << 2;

    pub static TABLE: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut b = 0;
        while b < 256 {
            let c = b as u8;
            let mut f = 0;
            if matches!(c, b' ' | b'\t'..=b'\r') {
                f |= SPACE;
            }
            if c.is_ascii_alphanumeric() || matches!(c, b'$' | b'%' | b'&' | b'@' | b'#') {
                f |= WORD;
            }
            if !c.is_ascii() || matches!(c, b'-' | b'\'' | b'.' | b'/' | b',' | b'$' | b'%' | b'&' | b'@' | b'#') {
                f |= GOES_ON;
            }
            t[b] = f;
            b += 1;
        }
        t
    };
}

/// Tokenise `doc[range]`. `para_start` and `spans` (paragraph-relative)
/// tell which marks open and close quotes and which words are quoted.
///
/// `framed` says the caller knows the sentence may frame though it holds
/// no cue ("S did not respond to a request for comment"): its words are
/// looked up from the start.
///
/// Most tokens are an ASCII word outside any quotation, ending at a space
/// or plain punctuation: one table read tells such a word's first byte,
/// and one its first byte past the letters and digits; anything else
/// (white space, punctuation, quotation marks, quoted runs, non-ASCII
/// text, a word going on past an inner mark) takes the general path.
///
/// Returns the sentence's [`mark`]s, [`mark::KNOWN`] among them, and its
/// cue words ([`Noted`]).
pub fn tokenize(
    doc: &str,
    range: (usize, usize),
    para_start: usize,
    spans: &[QuoteSpan],
    framed: bool,
    out: &mut Vec<Token>,
) -> Noted {
    out.clear();
    let s = &doc[range.0..range.1];
    // The text from the sentence's start: the sentence, and the bytes
    // after it that a word's one load may read.
    let tail = &doc.as_bytes()[range.0..];
    let bytes = &tail[..s.len()];
    // Only a span that reaches into the sentence can quote its words.
    // Most sentences have none and skip the walk along the spans at every
    // token (a conservative test: `quoted` below decides when one does).
    let (rel_start, rel_end) = (range.0 - para_start, range.1 - para_start);
    let quotes_here = spans.iter().any(|sp| sp.open < rel_end && sp.end > rel_start);
    let mut st = Scan { q: 0, capitals: false, marks: mark::KNOWN };
    let lexicon = cues::Lexicon::get();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let class = byte::TABLE[usize::from(b)];
        if class & byte::SPACE != 0 {
            i += 1;
            continue;
        }
        if class & byte::WORD != 0 && !(quotes_here && st.quoted(spans, range.0 + i - para_start)) {
            // The word's first eight bytes, read once: they tell where a
            // word of up to eight ends, and are its lexicon key (0: the
            // word is longer, or too near the end of the text for the load).
            // Whether the word is letters and digits after its first byte.
            let mut plain = true;
            let (mut end, mut key) = match tail.get(i..).and_then(<[u8]>::first_chunk::<8>) {
                Some(b) => {
                    let x = u64::from_le_bytes(*b);
                    // A stop after the first byte (which may be `$ % & @ #`);
                    // the sentence may end before it.
                    let stop = !scan::alnum_mask(x) & scan::HI & !0x80;
                    if stop != 0 {
                        ((i + (stop.trailing_zeros() / 8) as usize).min(bytes.len()), x)
                    } else if i + 8 <= bytes.len() {
                        let end = scan::alnum_end(bytes, i + 8);
                        (end, if end == i + 8 { x } else { 0 })
                    } else {
                        (bytes.len(), x)
                    }
                }
                None => (scan::alnum_end(bytes, i + 1), 0),
            };
            let mut name_article = false;
            if let Some(&nb) = bytes.get(end)
                && byte::TABLE[usize::from(nb)] & byte::GOES_ON != 0
                && !ends_at_mark(bytes, i, end, nb)
            {
                end = word_end(s, i, b as char, end);
                key = 0;
                plain = false;
                name_article = nb == b'-' && is_hyphened_article(&bytes[i..end]);
            }
            // ("al-Khulaifi", "el-Sisi": a surname whose article is joined
            // to it is capitalised after the hyphen, and read as a name.)
            let cap = b.is_ascii_uppercase() || name_article;
            if cap {
                st.capitals |= bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
            }
            if matches!(end - i, 2..=4) {
                st.marks |= mark::of_word(&bytes[i..end], false);
            }
            let entry = if key != 0 {
                lexicon.short_word_entry(key, end - i)
            } else if plain {
                lexicon.plain_word_entry(doc, range.0 + i, range.0 + end)
            } else {
                lexicon.lookup_in_out_of_line(doc, range.0 + i, range.0 + end)
            };
            out.push(Token { start: range.0 + i, end: range.0 + end, kind: Kind::Word, quoted: false, cap, entry });
            i = end;
            // Most words have one space after them: stepped over here, not
            // by a turn of the loop.
            if bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            continue;
        }
        // A comma or a full stop where no quotation can reach, the
        // commonest punctuation: what the general path makes of them,
        // without its tests for quotation marks and words.
        if !quotes_here && matches!(b, b',' | b'.') {
            let (kind, m) = if b == b',' { (Kind::Comma, mark::BREAK) } else { (Kind::Stop, 0) };
            st.marks |= m;
            out.push(Token {
                start: range.0 + i,
                end: range.0 + i + 1,
                kind,
                quoted: false,
                cap: false,
                entry: Entry::default(),
            });
            i += 1;
            continue;
        }
        match general_token(doc, range, para_start, spans, quotes_here, i, &mut st, out) {
            Some(next) => i = next,
            None => break,
        }
    }
    // An opening quotation mark proves it, and the marks know of one
    // (only `general_token` makes it, noting `mark::OPEN`): no walk to
    // find it.
    if framed || st.marks & mark::OPEN != 0 || may_frame(doc, out, st.marks) {
        let (marks, cues) = settle(doc, out, st.capitals);
        Noted { marks: st.marks | marks, cues: Some(cues) }
    } else {
        // A sentence with no possible cue and no quotation has no frame
        // (most sentences of news are like that): its words are in no
        // class for the frames, and it has no cue word.
        for t in out.iter_mut() {
            t.entry = Entry::default();
        }
        Noted { marks: st.marks, cues: Some(0) }
    }
}

/// The entries of a sentence's `tokens` that its context decides, given
/// their lexicon entries (`capitals`: whether it has a word of two
/// capitals), and the [`mark`]s and cue words (bit `k` for token `k`, of
/// the first 64) they give. Quoted words are content whatever they are.
///
/// A loop of its own, out of line: the tokeniser's loop keeps its
/// registers to itself (a mask of cue words kept in the same function
/// cost the tokeniser's loop more than the frames' walk for it).
#[inline(never)]
fn settle(doc: &str, tokens: &mut [Token], capitals: bool) -> (u16, u64) {
    let (mut marks, mut cues) = (0, 0u64);
    for k in 0..tokens.len() {
        let t = tokens[k];
        // Most words are in no class the tests below read, or in none at
        // all: they and the tokens that are not unquoted words (whose
        // entries are empty) stay as they are.
        if t.entry.cue.is_some() || t.entry.class & (class::CONTEXT_CUE | FUNCTION) != 0 {
            debug_assert!(t.kind == Kind::Word && !t.quoted);
            let mut entry = t.entry;
            if entry.class & class::CONTEXT_CUE != 0 {
                entry = cues::context_cue(doc, (t.start, t.end), word_before(&tokens[..k]), entry);
            }
            // A capitalised function word is seldom one: it is told
            // here, in the same pass (each test reads only its own
            // entry and its neighbours' words), not in a pass of its
            // own over every token.
            if t.cap && entry.class & FUNCTION != 0 && not_function_word(doc, tokens, k, capitals) {
                entry = Entry::default();
            }
            if let Some(cue) = entry.cue {
                marks |= mark::CUE;
                if cue == CueKind::According {
                    marks |= mark::ACCORDING;
                }
                if k < 64 {
                    cues |= 1 << k;
                }
            }
            tokens[k].entry = entry;
        }
    }
    (marks, cues)
}

/// Whether `w` is a surname with the Arabic article joined to it by a
/// hyphen, in lower case: "al-Khulaifi", "el-Sisi", "ash-Shara".
pub(super) fn is_hyphened_article(w: &[u8]) -> bool {
    let Some(h) = memchr::memchr(b'-', w) else { return false };
    matches!(&w[..h], b"al" | b"el" | b"ad" | b"ar" | b"as" | b"ash" | b"at" | b"an" | b"az" | b"ud" | b"ul")
        && w.get(h + 1).is_some_and(u8::is_ascii_uppercase)
}

/// Whether the capitalised word at `k`, which the lexicon has as a
/// function word, is a name's: a middle initial ("James A. Baker", "John
/// I. Ortiz"), or an acronym after an article ("The WHO said", "the US").
/// `capitals` says whether the sentence has a word of two capitals.
#[cold]
fn not_function_word(doc: &str, out: &[Token], k: usize, capitals: bool) -> bool {
    let t = &out[k];
    let b = doc.as_bytes();
    let initial = k >= 1
        && k + 1 < out.len()
        && ((t.end - t.start == 1 && b.get(t.end) == Some(&b'.')) || (t.end - t.start == 2 && b[t.end - 1] == b'.'))
        && out[k - 1].kind == Kind::Word
        && out[k - 1].cap
        && !out[k - 1].quoted
        && out[k + 1..out.len().min(k + 3)].iter().any(|n| n.kind == Kind::Word && n.cap);
    let acronym = capitals
        && k >= 1
        && t.end - t.start >= 2
        && doc[t.start..t.end].bytes().all(|b| b.is_ascii_uppercase())
        && out[k - 1].kind == Kind::Word
        && out[k - 1].text(doc).eq_ignore_ascii_case("the");
    initial || acronym
}

/// What the tokeniser's loop carries from token to token.
struct Scan {
    /// The first quote span that may still hold the position.
    q: usize,
    /// Whether a word of two capitals or more ("WHO", "NATO") was passed.
    capitals: bool,
    /// The [`mark`]s of the tokens made so far (the lexicon's are added
    /// with the lookups).
    marks: u16,
}

impl Scan {
    /// Whether the paragraph-relative offset `rel` is inside a quote span.
    /// Offsets are asked about in order.
    #[inline]
    fn quoted(&mut self, spans: &[QuoteSpan], rel: usize) -> bool {
        while self.q < spans.len() && spans[self.q].end <= rel {
            self.q += 1;
        }
        self.q < spans.len() && spans[self.q].contains(rel)
    }
}

/// Whether a sentence's `tokens` (with their lexicon entries; `marks`
/// its [`mark`]s so far) may frame, so that its words keep their
/// entries: an unquoted word that is a cue ("said"), "put" or "phrased"
/// before "it" ("C, as Roe put it."), a poll word after "in" ("In a poll,
/// C", "C in a Ledger poll"), a quotation mark that opens a quotation (told by the
/// caller), a colon or a dash among its first tokens ("Kerry: ...", "Ann
/// Roe ― ...", "Her response was blunt: ..."), "that" after a light noun.
/// Every word was looked up as it was made, so each test is a read of an
/// entry or a rare case's walk; most sentences have no proof.
fn may_frame(doc: &str, tokens: &[Token], marks: u16) -> bool {
    let bytes = doc.as_bytes();
    for (k, t) in tokens.iter().enumerate().take(15) {
        match t.kind {
            Kind::Dash if k <= 6 => return true,
            // (Up to fourteen: "The message from the mayor was clear: C".)
            Kind::Colon => return true,
            _ => {}
        }
    }
    let lexicon = cues::Lexicon::get();
    for (k, t) in tokens.iter().enumerate() {
        // Only an unquoted word has an entry (a quoted word is a quoted
        // run's, which proves nothing).
        if t.entry.cue.is_none() && t.entry.class & MAY_CUE == 0 {
            continue;
        }
        debug_assert!(t.kind == Kind::Word && !t.quoted);
        // (The filter the lookup had in front of it here: it tells an
        // abbreviation's dot from a cue's word, "Says.,".)
        if lexicon.maybe_cue(&bytes[t.start..t.end]) {
            let mut entry = t.entry;
            if entry.class & class::CONTEXT_CUE != 0 {
                entry = cues::context_cue(doc, (t.start, t.end), word_before(&tokens[..k]), entry);
            }
            if entry.cue.is_some() || (entry.class & class::PUT != 0 && bytes[t.end..].starts_with(b" it")) {
                return true;
            }
        }
    }
    // ("has made the case that C": see `cues::LIGHT_NOUNS`.)
    let unquoted = |t: &Token, w: &[u8]| t.kind == Kind::Word && !t.quoted && bytes[t.start..t.end] == *w;
    if marks & mark::THAT != 0
        && tokens.windows(2).any(|p| {
            unquoted(&p[1], b"that")
                && p[0].kind == Kind::Word
                && cues::LIGHT_NOUNS.iter().any(|n| bytes[p[0].start..p[0].end] == *n.as_bytes())
        })
    {
        return true;
    }
    // A poll after "in": "In a poll by S, C", "C in a Ledger poll". (A
    // poll's noun has a class of its own: most sentences are told by
    // their entries.)
    tokens.iter().enumerate().any(|(p, t)| {
        t.entry.class & class::POLL != 0 && tokens[..p].iter().any(|x| unquoted(x, b"in") || unquoted(x, b"In"))
    })
}

/// Classes of the words that may prove a sentence may frame without a
/// cue of their own: "put" and "phrased", and the words whose cue their
/// context decides.
const MAY_CUE: u32 = class::PUT | class::CONTEXT_CUE;

/// Whether the run of ASCII letters and digits `bytes[i..end]` is a whole
/// word though the mark `nb` after it is one [`word_end`] looks at: a
/// comma after a letter (it keeps one only between digits), or a full
/// stop after a lowercase word of five letters or more that no lowercase
/// letter or digit follows (no "a.m", and too long for an abbreviation,
/// "No." or an initial: see [`keeps_dot`]). The two are most of the
/// marks after a word, and `word_end` cost about 50 and 150 instructions
/// to say so.
#[inline(always)]
fn ends_at_mark(bytes: &[u8], i: usize, end: usize, nb: u8) -> bool {
    let last = bytes[end - 1];
    match nb {
        b',' => !last.is_ascii_digit(),
        b'.' => {
            end - i > 4
                && last.is_ascii_lowercase()
                && !bytes.get(end + 1).is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        }
        _ => false,
    }
}

/// The end of the word that opens at byte `i` of `s` with `c` and whose
/// scan has reached `end`: over letters, digits, inner hyphens,
/// apostrophes and dots ("U.S", "don't", "al-Sakhar", "3.5"), then a
/// plural possessive's apostrophe and an abbreviation's dot.
fn word_end(s: &str, i: usize, c: char, mut end: usize) -> usize {
    let bytes = s.as_bytes();
    // `end` is past a run of letters and digits already: the run is
    // scanned again only after a mark the word goes on over.
    // Most words end at a space or plain punctuation.
    while let Some(&nb) = bytes.get(end) {
        let d = if nb.is_ascii() {
            match nb {
                b'$' | b'%' | b'&' | b'@' | b'#' => {
                    end = scan::alnum_end(bytes, end + 1);
                    continue;
                }
                b'-' | b'\'' | b'.' | b'/' | b',' => nb as char,
                _ => break,
            }
        } else {
            if let Some(n) = word_char_at(s, end) {
                end = scan::alnum_end(bytes, end + n);
                continue;
            }
            let Some(d) = char_at(s, end) else { break };
            if d != '\u{2019}' {
                break;
            }
            d
        };
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
        end = scan::alnum_end(bytes, after);
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
        // So does a name's before another name ("Reuters' Ann Roe", "The
        // Times' editor"): a closing single quotation mark after a
        // capitalised word and before one is rare in news.
        if width > 0
            && bytes.get(end + width) == Some(&b' ')
            && bytes
                .get(end + width + 1)
                .is_some_and(|b| b.is_ascii_lowercase() || c.is_uppercase() && b.is_ascii_uppercase())
        {
            end += width;
        }
    }
    // Keep the dot of an abbreviation (see `keeps_dot`).
    if bytes.get(end) == Some(&b'.') && keeps_dot(&s[i..end], c, &bytes[end..]) {
        end += 1;
    }
    end
}

/// One token at byte `i` of the sentence `doc[range]` by the general
/// path: white space that is not ASCII, punctuation, quotation marks,
/// quoted runs and words that open with a character that is not ASCII
/// or are quoted. Pushes it (if not white space) and returns where the
/// next one may start; `None` at a byte that starts no character.
#[allow(clippy::too_many_arguments)]
fn general_token(
    doc: &str,
    range: (usize, usize),
    para_start: usize,
    spans: &[QuoteSpan],
    quotes_here: bool,
    i: usize,
    st: &mut Scan,
    out: &mut Vec<Token>,
) -> Option<usize> {
    let s = &doc[range.0..range.1];
    let bytes = s.as_bytes();
    let b = bytes[i];
    let c = char_at(s, i)?;
    let ascii = b.is_ascii();
    // (ASCII white space never comes here.)
    if !ascii && c.is_whitespace() {
        return Some(i + c.len_utf8());
    }
    // (Paragraph-relative, as the spans are: only quotation marks and
    // quoted words need it.)
    let rel = range.0 + i - para_start;
    let quoted = quotes_here && st.quoted(spans, rel);
    // Inside a quotation only the words' extent matters: one token for
    // the whole run up to the closing mark, less trailing punctuation
    // that frames look at ("president,\u{201D}").
    if quoted
        && !quotes::is_double_mark(c)
        && !(c == '\'' && bytes.get(i + 1) == Some(&b'\''))
        && let Some(end) = quoted_run_end(doc, range, para_start, spans[st.q], i)
    {
        st.marks |= mark::of_word(&bytes[i..end], true);
        out.push(Token {
            start: range.0 + i,
            end: range.0 + end,
            kind: Kind::Word,
            quoted: true,
            cap: c.is_uppercase(),
            entry: Entry::default(),
        });
        return Some(end);
    }
    let mut end = i + if ascii { 1 } else { c.len_utf8() };
    let word = if ascii { byte::TABLE[usize::from(b)] & byte::WORD != 0 } else { is_word_char(c) };
    let kind = if word {
        end = word_end(s, i, c, scan::alnum_end(bytes, end));
        Kind::Word
    } else if quotes::is_double_mark(c) || (c == '\'' && bytes.get(end) == Some(&b'\'')) {
        if c == '\'' {
            end += 1;
        }
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
        st.capitals |= cap && bytes.get(i + 1).is_some_and(u8::is_ascii_uppercase);
    }
    let quoted = quoted && !matches!(kind, Kind::Open | Kind::Close);
    st.marks |= match kind {
        Kind::Word => mark::of_word(&bytes[i..end], quoted),
        Kind::Colon if !quoted => mark::COLON,
        Kind::Open if out.last().is_some_and(|p| p.kind == Kind::Colon && !p.quoted) => mark::OPEN | mark::COLON_QUOTE,
        Kind::Open => mark::OPEN,
        Kind::Close => mark::CLOSE,
        Kind::Comma | Kind::Dash => mark::BREAK,
        Kind::Other if c == '(' => mark::PAREN,
        _ => 0,
    };
    let entry = if kind == Kind::Word && !quoted {
        cues::Lexicon::get().lookup_in_out_of_line(doc, range.0 + i, range.0 + end)
    } else {
        Entry::default()
    };
    out.push(Token { start: range.0 + i, end: range.0 + end, kind, quoted, cap, entry });
    Some(end)
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
    // Titles and suffixes: "Gen.", "Jr.", "Mr.", and "vs." (which no
    // sentence ends with). The length first: most words before a dot end
    // their sentence, and are longer.
    (w.len() <= 4 && cues::lookup(w).class & class::ROLE != 0)
        || matches!(w, "Jr" | "Sr" | "Inc" | "Corp" | "Co" | "Ltd" | "St" | "Mt" | "Ft" | "vs")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    /// `may_frame` as it was before the tokeniser looked every word up:
    /// a walk that looks up the words the cue filter lets through.
    fn may_frame_by_lookups(doc: &str, tokens: &[Token]) -> bool {
        let bytes = doc.as_bytes();
        let lexicon = cues::Lexicon::get();
        let mut seen_in = false;
        for (k, t) in tokens.iter().enumerate() {
            match t.kind {
                Kind::Word if t.quoted => {}
                Kind::Word => {
                    let w = &bytes[t.start..t.end];
                    if lexicon.maybe_cue(w) {
                        let mut entry = cues::lookup_in(doc, t.start, t.end);
                        if entry.class & class::CONTEXT_CUE != 0 {
                            entry = cues::context_cue(doc, (t.start, t.end), word_before(&tokens[..k]), entry);
                        }
                        if entry.cue.is_some() || (entry.class & class::PUT != 0 && bytes[t.end..].starts_with(b" it"))
                        {
                            return true;
                        }
                    }
                    if w == b"that"
                        && k > 0
                        && tokens[k - 1].kind == Kind::Word
                        && cues::LIGHT_NOUNS
                            .iter()
                            .any(|n| bytes[tokens[k - 1].start..tokens[k - 1].end] == *n.as_bytes())
                    {
                        return true;
                    }
                    // (A poll word after any "in", as the tokeniser has
                    // it since the frame of a poll named after its finding.)
                    if w == b"in" || w == b"In" {
                        seen_in = true;
                    } else if seen_in && cues::is_poll(&doc[t.start..t.end]) {
                        return true;
                    }
                }
                Kind::Open => return true,
                Kind::Dash if k <= 6 => return true,
                Kind::Colon if k <= 14 => return true,
                _ => {}
            }
        }
        false
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
        /// Every unquoted word's entry is its lookup (where its context
        /// does not decide it), and a sentence may frame where the walk
        /// by lookups said so.
        #[test]
        fn words_are_looked_up_as_they_are_made(
            words in prop::collection::vec(prop_oneof![
                prop::sample::select(vec![
                    "said", "Said", "SAID", "Said.,", "says.", "told", "Gen.", "U.S.", "Mr.", "the", "The", "THE", "In",
                    "poll", "polls", "in", "average", "that", "case", "put", "it", "phrased", "estimate", "report", "see", "as", "clear", "made",
                    "convinced", "is", "officials", "according", "to", "president-elect", "counterintelligence",
                    "spokeswoman", "Spokeswomen", "A.", "WHO", "don\u{2019}t", "Roe's", "1,000", "3.5", "$5", "@roe",
                    "#tag", "caf\u{e9}", "\u{c9}lan", ",", ".", ":", "\u{2014}", "--", "-", "(", "\"", "\u{201c}",
                    "\u{201d}", "''", "a.m.", "No.", "x",
                ]).prop_map(str::to_string),
                "[a-zA-Z0-9]{1,12}",
            ], 0..24),
            tail in prop_oneof![Just(""), Just(" and more words after it.")],
        ) {
            let sentence = words.join(" ");
            let doc = format!("{sentence}{tail}");
            let mut spans = Vec::new();
            quotes::find(&sentence, false, &mut spans);
            let mut t = Vec::new();
            let noted = tokenize(&doc, (0, sentence.len()), 0, &spans, true, &mut t);
            let mut raw = t.clone();
            for (k, tok) in t.iter().enumerate() {
                if tok.kind == Kind::Word && !tok.quoted {
                    let want = cues::lookup_in(&doc, tok.start, tok.end);
                    raw[k].entry = want;
                    if want.class & (class::CONTEXT_CUE | FUNCTION) == 0 {
                        prop_assert_eq!((tok.entry.class, tok.entry.cue), (want.class, want.cue), "{:?}", tok.text(&doc));
                    }
                }
            }
            let ours = noted.marks & mark::OPEN != 0 || may_frame(&doc, &raw, noted.marks);
            prop_assert_eq!(ours, may_frame_by_lookups(&doc, &t), "{:?}", sentence);
        }
    }
}
