//! Attribution frames of one sentence: where the cue, the source mention and
//! the content lie.
//!
//! Patterns, tried outermost first so that a report inside reported content
//! is never taken for the frame ("X had told police that ..., the source
//! added" belongs to the source):
//! 1. `according to S` at the start, middle or end, and `As S said, C`;
//! 2. content first: `C, S said [when/where].`, `C, said S.`, `"Q," S said`,
//!    with `"Q," S said, "R."` giving two pieces;
//!    and `C1, S said, C2` with the frame inside its content;
//! 3. speaker first: `S said [that] C`, `S told R that C`, `S said: "Q"`,
//!    `S declined to say that C but said that D`, `While S said C, T noted
//!    D`, `..., S, who said C`, `S did X and said C`, `S did X, saying C`;
//! 4. a sentence that is all quotation: it continues the last speaker.
//!
//! Only unquoted cues count, so a cue inside a quotation never frames it.
//! Precision matters more than recall: a pattern that is not sure of its
//! subject (a clause start, an appositive chain, a role noun) reports
//! nothing, and the sentence stays the outlet's own statement.

mod according;
mod as_said;
mod colon;
mod content_first;
mod label;
mod no_answer;
mod nominal;
mod nonreport;
mod participle;
mod phrases;
mod speech;

use std::cell::Cell;

use super::cues::{self, CueKind, class};
use super::model::Attribution;
use super::tokens::{Kind, Noted, Token, mark};
use according::{according_to, in_document, reported_by};
use as_said::as_said;
use colon::colon_report;
use content_first::content_first;
use label::{label, label_mark, named_colon};
use no_answer::no_answer;
use nominal::nominal;
use participle::participle;
use phrases::{
    clause_subject, document_subject, is_adverb, is_agent_noun, is_name_of, is_negation, is_relative, is_subordinator,
    np_back, relative_subject, restrictive_who, skip_aux_back, starts_clause, subject_before, those_subject,
};
use speech::{cue_first, shared_subject, speaker_first};

/// Number words a count may open with ("Twenty-seven states", "four
/// people"): a prefix of the word.
pub(super) const NUMBERS: [&str; 19] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty",
    "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
];

/// Nouns for a message its sender put out: "a statement saying", "said
/// in a statement it was".
pub(super) const MESSAGE_NOUNS: [&str; 11] =
    ["statement", "letter", "release", "tweet", "post", "email", "memo", "message", "note", "video", "response"];

/// Who a frame's content belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A mention in this sentence: token range and an appositive range.
    Mention { np: (usize, usize), appositive: Option<(usize, usize)> },
    /// A possessor before a noun of saying ("Trump's claim that C"): the
    /// token range of the possessive.
    Owner { np: (usize, usize) },
    /// The source of the previous frame of this sentence.
    Previous,
    /// Whoever spoke last: a sentence that is all quotation.
    Continuation,
    /// The name of a label (`Kerry: Q`, a transcript's `"WALLACE: Q`):
    /// absolute bytes, since a transcript's label sits inside the quoted
    /// run's one token.
    Label { name: (usize, usize), transcript: bool },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame {
    pub attribution: Attribution,
    /// Absolute byte range of the content.
    pub content: (usize, usize),
    /// A second piece, when the frame sits in the middle of its content.
    pub content2: Option<(usize, usize)>,
    /// Absolute byte range of the cue.
    pub cue: Option<(usize, usize)>,
    pub source: Source,
}

/// What the sentence turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Frames were pushed.
    Framed,
    /// `S said:` with nothing after: the next sentence is S's.
    Introduces { np: (usize, usize), cue: (usize, usize) },
    /// No frame.
    None,
}

struct Ctx<'a> {
    doc: &'a str,
    t: &'a [Token],
    /// [`cue_in_context`] of the first [`MEMO`] tokens, once asked: the
    /// frame families ask it of the same cue again and again (49,000 calls
    /// over the PolNeAR train texts, 19,600 of them about a token not
    /// asked of before), and it depends on nothing but the tokens. 0 is
    /// not asked yet, 1 no cue, 2 + n the n-th of [`MEMO_KINDS`].
    cues: [Cell<u8>; MEMO],
    /// [`phrases::np_back`] of the first [`MEMO`] ends, once asked, packed
    /// by [`pack_np`] (0 not asked yet): a subject is looked for before the
    /// same cue by the content-first forms, then by the speaker-first ones
    /// (a third of the 24,000 walks over the PolNeAR train texts were
    /// repeats), and the walk depends on nothing but the tokens.
    nps: [Cell<u32>; MEMO],
    /// [`phrases::skip_aux_back`] of the first [`MEMO`] cues, once asked,
    /// plus one (0 not asked yet): every family that looks for a cue's
    /// subject walks back over its auxiliaries first (58,000 walks over
    /// the PolNeAR train texts for 10,000 cues tried), and the walk
    /// depends on nothing but the tokens.
    skips: [Cell<u8>; MEMO],
    /// [`phrases::participle_postmodified`] before the first [`MEMO`]
    /// cues, once asked, packed as [`Ctx::nps`] are: the content-first
    /// and speaker-first forms both look for the same cue's subject.
    people: [Cell<u32>; MEMO],
    /// The [`Mark`]s the sentence holds, as the tokeniser gave them, or
    /// found in one walk when first asked ([`mark::KNOWN`] says they
    /// were).
    marks: Cell<u16>,
    /// The sentence may hold "comment" (see [`find`]).
    may_comment: bool,
    /// Which of the first 64 tokens the lexicon has as cues, one bit each,
    /// as the tokeniser noted them with its lookups, or found in one walk
    /// when first asked (see [`Ctx::cue_words`]).
    cue_mask: Cell<Option<u64>>,
    /// Where the subject starts after a phrase of time opening the
    /// sentence ([`phrases::time_opening`]), worked out when first asked:
    /// clause and subject tests ask it again and again.
    time_opening: Cell<Option<usize>>,
}

/// The tokens of a sentence whose word the lexicon has as a cue, in
/// order ([`Ctx::cue_words`]): bits of a mask, or every token of a
/// sentence too long for one.
enum CueWords {
    Mask(u64),
    All(std::ops::Range<usize>),
}

impl Iterator for CueWords {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            CueWords::Mask(m) => {
                if *m == 0 {
                    return None;
                }
                let k = m.trailing_zeros() as usize;
                *m &= *m - 1;
                Some(k)
            }
            CueWords::All(r) => r.next(),
        }
    }
}

impl DoubleEndedIterator for CueWords {
    fn next_back(&mut self) -> Option<usize> {
        match self {
            CueWords::Mask(m) => {
                if *m == 0 {
                    return None;
                }
                let k = 63 - m.leading_zeros() as usize;
                *m &= !(1 << k);
                Some(k)
            }
            CueWords::All(r) => r.next_back(),
        }
    }
}

#[cfg(test)]
mod ctx_tests {
    use super::*;

    /// The cue words are every token the lexicon has as a cue, in order
    /// forwards and backwards: exactly those in a short sentence (a
    /// mask), every token in a long one.
    #[test]
    fn cue_words_are_the_tokens_with_a_cue() {
        let long = "Roe said the plan, which she said was new, would work, and Diaz added that it was fine. ".repeat(4);
        for doc in ["Ann Roe said the plan would work, Diaz added.", "No cue here at all.", long.as_str()] {
            let mut t = Vec::new();
            let noted = crate::extract::tokens::tokenize(doc, (0, doc.len()), 0, &[], true, &mut t);
            // As the tokeniser noted them, and as a walk finds them.
            let (c, walked) = (Ctx::new(doc, &t, noted, false), Ctx::new(doc, &t, Noted::UNKNOWN, false));
            assert_eq!(c.cue_words().collect::<Vec<_>>(), walked.cue_words().collect::<Vec<_>>(), "{doc}");
            let want: Vec<usize> = if t.len() > 64 {
                (0..t.len()).collect()
            } else {
                (0..t.len()).filter(|&k| t[k].entry.cue.is_some()).collect()
            };
            assert!(want.iter().any(|&k| t[k].entry.cue.is_some()) || doc.starts_with("No"), "{doc}");
            assert_eq!(c.cue_words().collect::<Vec<_>>(), want, "{doc}");
            let back: Vec<usize> = c.cue_words().rev().collect();
            assert_eq!(back, want.iter().rev().copied().collect::<Vec<_>>(), "{doc}");
        }
        assert!(long.split_whitespace().count() > 64);
    }

    /// The marks the tokeniser notes are those a walk over the tokens
    /// finds.
    #[test]
    fn the_tokenisers_marks_are_the_walks() {
        let docs = [
            "According to the report, prices rose by a third, as expected.",
            "\u{201C}That is all,\u{201D} she said: \u{201C}As I said.\u{201D}",
            "Her answer: \u{201C}No.\u{201D} The BY-law passed, THAT day.",
            "\u{201C}As\u{201D} and \u{201C}by\u{201D} and \u{201C}that\u{201D} are words: quoted.",
            "Nothing here at all.",
            "An aide who spoke, WHO officials and \u{201C}who\u{201D} else said so.",
            "Ann Roe (D-Ore.) said (again) that \u{201C}(it) works.\u{201D}",
        ];
        let all = [
            Mark::As,
            Mark::By,
            Mark::That,
            Mark::According,
            Mark::ColonQuote,
            Mark::Colon,
            Mark::Close,
            Mark::Break,
            Mark::Open,
            Mark::Cue,
            Mark::Who,
            Mark::Paren,
        ];
        for doc in docs {
            let mut spans = Vec::new();
            crate::extract::quotes::find(doc, false, &mut spans);
            for framed in [false, true] {
                let mut t = Vec::new();
                let marks = crate::extract::tokens::tokenize(doc, (0, doc.len()), 0, &spans, framed, &mut t);
                let (noted, walked) = (Ctx::new(doc, &t, marks, false), Ctx::new(doc, &t, Noted::UNKNOWN, false));
                for m in all {
                    assert_eq!(noted.has(m), walked.has(m), "{m:?} in {doc}");
                }
            }
        }
    }
}

/// What a frame family needs in a sentence before it looks further
/// ([`Ctx::has`]): one bit each, as the tokeniser notes them.
#[derive(Clone, Copy, Debug)]
#[repr(u16)]
enum Mark {
    /// The word "as", quoted or not ([`as_said`]).
    As = mark::AS,
    /// "by", unquoted ([`according::reported_by`]).
    By = mark::BY,
    /// "that", quoted or not ([`nominal`]).
    That = mark::THAT,
    /// An unquoted "according" with its cue ([`according_to`]).
    According = mark::ACCORDING,
    /// An unquoted colon before an opening mark ([`label::named_colon`]).
    ColonQuote = mark::COLON_QUOTE,
    /// An unquoted colon ([`colon::colon_report`]).
    Colon = mark::COLON,
    /// A closing mark ([`content_first`]).
    Close = mark::CLOSE,
    /// A comma or a dash ([`content_first`]).
    Break = mark::BREAK,
    /// An opening mark ([`find_frames`]).
    Open = mark::OPEN,
    /// An unquoted cue word ([`find_frames`]).
    Cue = mark::CUE,
    /// The word "who" ([`nonreport::anonymous_subject`], the relative
    /// clauses of [`phrases`]).
    Who = mark::WHO,
    /// An opening parenthesis ([`parenthesis_with_report`]).
    Paren = mark::PAREN,
}

/// How many tokens' cues [`Ctx`] keeps: most sentences have fewer.
const MEMO: usize = 64;

const MEMO_KINDS: [CueKind; 8] = [
    CueKind::Speech,
    CueKind::Tell,
    CueKind::Belief,
    CueKind::According,
    CueKind::Declined,
    CueKind::Participle,
    CueKind::Finding,
    CueKind::Other,
];

impl<'a> Ctx<'a> {
    /// `noted` is what the tokeniser noted of the tokens, or
    /// [`Noted::UNKNOWN`] for tokens cut from a sentence's.
    fn new(doc: &'a str, t: &'a [Token], noted: Noted, may_comment: bool) -> Self {
        Ctx {
            doc,
            t,
            cues: [const { Cell::new(0) }; MEMO],
            nps: [const { Cell::new(0) }; MEMO],
            skips: [const { Cell::new(0) }; MEMO],
            people: [const { Cell::new(0) }; MEMO],
            marks: Cell::new(noted.marks),
            may_comment,
            cue_mask: Cell::new(noted.cues),
            time_opening: Cell::new(None),
        }
    }

    /// The tokens whose word the lexicon has as a cue, in order: the only
    /// ones [`cue_at`] can find one at. The families that look for a cue
    /// walk these, not every token (a sentence has two or three among
    /// thirty); a sentence of more than 64 tokens walks them all.
    fn cue_words(&self) -> CueWords {
        if self.t.len() > 64 {
            return CueWords::All(0..self.t.len());
        }
        let mask = match self.cue_mask.get() {
            Some(m) => m,
            None => {
                let m = self.t.iter().enumerate().fold(0, |m, (k, x)| m | (u64::from(x.entry.cue.is_some()) << k));
                self.cue_mask.set(Some(m));
                m
            }
        };
        CueWords::Mask(mask)
    }

    /// Whether the sentence holds `mark`. A frame family that hangs on
    /// one asks first: most sentences have none of them, and one walk
    /// over the tokens answers for every family instead of a walk each.
    ///
    /// Inlined, the walk kept out of line: the families ask it about
    /// 160,000 times over the PolNeAR train texts, nearly always of marks
    /// the tokeniser noted already, and a call cost more than the test.
    #[inline(always)]
    fn has(&self, mark: Mark) -> bool {
        let mut marks = self.marks.get();
        if marks == 0 {
            marks = self.walk_marks();
        }
        marks & mark as u16 != 0
    }

    /// The marks of a token slice that came without them (a parenthesis
    /// framed on its own), found once and remembered.
    #[cold]
    #[inline(never)]
    fn walk_marks(&self) -> u16 {
        let mut marks = mark::KNOWN;
        let bytes = self.doc.as_bytes();
        for (k, x) in self.t.iter().enumerate() {
            match x.kind {
                Kind::Word => {
                    if let Some(cue) = x.entry.cue
                        && !x.quoted
                    {
                        marks |= mark::CUE;
                        if cue == CueKind::According {
                            marks |= mark::ACCORDING;
                        }
                    }
                    marks |= mark::of_word(&bytes[x.start..x.end], x.quoted);
                }
                Kind::Colon if !x.quoted => {
                    marks |= mark::COLON;
                    if self.t.get(k + 1).is_some_and(|n| n.kind == Kind::Open) {
                        marks |= mark::COLON_QUOTE;
                    }
                }
                Kind::Open => marks |= mark::OPEN,
                Kind::Close => marks |= mark::CLOSE,
                Kind::Comma | Kind::Dash => marks |= mark::BREAK,
                Kind::Other if bytes[x.start..x.end] == *b"(" => marks |= mark::PAREN,
                _ => {}
            }
        }
        self.marks.set(marks);
        marks
    }

    /// The noun phrase that ends at `end`, walked back once (`walk`) and
    /// remembered (see [`Ctx::nps`]).
    #[inline]
    fn np_memo(&self, end: usize, walk: impl FnOnce() -> Option<(usize, usize)>) -> Option<(usize, usize)> {
        remembered(&self.nps, end, walk)
    }

    /// The people described by what they are doing before `cue`, walked
    /// once (`walk`) and remembered (see [`Ctx::people`]).
    #[inline]
    fn people_memo(&self, cue: usize, walk: impl FnOnce() -> Option<(usize, usize)>) -> Option<(usize, usize)> {
        remembered(&self.people, cue, walk)
    }
}

impl Ctx<'_> {
    /// Where the walk back over a cue's auxiliaries from `cue` stops,
    /// walked once (`walk`) and remembered (see [`Ctx::skips`]).
    #[inline]
    fn skip_memo(&self, cue: usize, walk: impl FnOnce() -> usize) -> usize {
        let Some(memo) = self.skips.get(cue) else {
            return walk();
        };
        match memo.get() {
            0 => {
                let j = walk();
                // (Never past the cue, so below `MEMO`: it fits.)
                memo.set(u8::try_from(j + 1).expect("a token before the 64th"));
                j
            }
            n => usize::from(n) - 1,
        }
    }
}

/// `walk`'s token range for token `i`, kept in `memo` once walked
/// (packed by [`pack_np`]; 0 not asked yet), or walked every time past
/// the memo's end.
#[inline]
fn remembered(memo: &[Cell<u32>], i: usize, walk: impl FnOnce() -> Option<(usize, usize)>) -> Option<(usize, usize)> {
    let Some(memo) = memo.get(i) else {
        return walk();
    };
    match memo.get() {
        0 => {
            let np = walk();
            if let Some(n) = pack_np(np) {
                memo.set(n);
            }
            np
        }
        1 => None,
        n => Some(((n >> 16) as usize, (n & 0xFFFF) as usize - 2)),
    }
}

/// A noun phrase's token range in a `u32`, never 0: 1 for none, else the
/// start in the high half and the end plus 2 in the low one. None when it
/// does not fit (a phrase past token 32,767 is walked again when asked).
fn pack_np(np: Option<(usize, usize)>) -> Option<u32> {
    match np {
        None => Some(1),
        Some((s, e)) if s < 0x8000 && e < 0xFFF0 => Some(((s as u32) << 16) | (e as u32 + 2)),
        Some(_) => None,
    }
}

impl Ctx<'_> {
    /// Inlined always, with no closure in it: the frames ask it about a
    /// word they name (`c.lower_is(k, "and")`) a million and a half times
    /// over the PolNeAR train texts, and inlined the word's length and
    /// bytes are constants. Out of line (as the compiler left it, or not,
    /// by how it split the crate) each ask was a call with the word's
    /// bytes compared in a loop.
    #[inline(always)]
    fn lower_is(&self, i: usize, w: &str) -> bool {
        // Bytes, length first: the frames ask this of many tokens, and
        // slicing the text as a str checks char boundaries first.
        match self.t.get(i) {
            Some(t) => {
                t.word()
                    && t.end - t.start == w.len()
                    && self.doc.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
            }
            None => false,
        }
    }

    /// Byte range of the mention in token range `[s, e)`.
    fn bytes(&self, s: usize, e: usize) -> (usize, usize) {
        (self.t[s].start, self.t[e - 1].end)
    }

    /// Content bytes of tokens `[s, e)`, without final stops after a word.
    fn content(&self, s: usize, e: usize) -> Option<(usize, usize)> {
        let mut e = e.min(self.t.len());
        if s >= e {
            return None;
        }
        // (And a bracket the content was cut before: "called them
        // \"rapists\" (although C)".)
        while e > s
            && (matches!(self.t[e - 1].kind, Kind::Stop | Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon)
                || (self.t[e - 1].kind == Kind::Other && matches!(self.t[e - 1].text(self.doc), "(" | "[")))
        {
            e -= 1;
        }
        // "…, without providing evidence", "…, without elaborating": how
        // the speaker said it, in the outlet's words, is no part of what
        // was said. ("…, without raising taxes" is.)
        if let Some(k) = (e.saturating_sub(10).max(s + 1)..e.saturating_sub(1)).rev().find(|&k| {
            self.t[k].kind == Kind::Comma
                && self.lower_is(k + 1, "without")
                && self.t.get(k + 2).is_some_and(|g| g.word() && !g.quoted && crate::extract::cues::is_unsupported(g.text(self.doc)))
                // To the end: "the talks, without elaborating, had failed"
                // goes on.
                && !self.t[k + 2..e].iter().any(|x| x.kind == Kind::Comma)
        }) {
            e = k;
        }
        // "Roe said C, according to a statement from her office": the
        // document that carried her words is no part of them (see
        // `according::according_to`).
        if self.has(Mark::According)
            && let Some(k) = (s + 1..e.saturating_sub(3)).find(|&k| {
                self.t[k].kind == Kind::Comma
                    && self.t[k + 1].entry.cue == Some(crate::extract::cues::CueKind::According)
                    && !self.t[k + 1].quoted
                    && self.lower_is(k + 2, "to")
            })
            && !self.t[k + 3..e].iter().any(|x| x.kind == Kind::Comma || x.quoted)
            && according::carried_words(self, k + 3, e)
        {
            e = k;
        }
        // A quoted run is one token of many words. Two words are enough
        // to tell: a long quotation is not counted to its end.
        let mut words = 0;
        for t in self.t[s..e].iter().filter(|t| t.word()) {
            words += if t.quoted { t.text(self.doc).split_whitespace().take(2).count() } else { 1 };
            if words >= 2 {
                return Some(self.bytes(s, e));
            }
        }
        None
    }

    /// The opening mark of the closing mark at `close`.
    fn open_of(&self, close: usize) -> Option<usize> {
        (0..close).rev().find(|&i| self.t[i].kind == Kind::Open)
    }

    /// The matching close of the opening mark at `open`.
    fn close_of(&self, open: usize) -> Option<usize> {
        (open + 1..self.t.len()).find(|&i| self.t[i].kind == Kind::Close)
    }

    /// Direct content: the words between the marks, a trailing comma off.
    fn inside_quote(&self, open: usize, close: usize) -> Option<(usize, usize)> {
        if close <= open + 1 {
            return None;
        }
        let mut e = close;
        while e > open + 1 && matches!(self.t[e - 1].kind, Kind::Comma | Kind::Dash | Kind::Colon) {
            e -= 1;
        }
        let words = self.t[open + 1..e].iter().filter(|t| t.word()).count();
        (words >= 1).then(|| self.bytes(open + 1, e))
    }
}

fn is_function(t: &Token) -> bool {
    t.is(class::PREP | class::CONJ | class::SUB | class::AUX | class::PRON)
}

fn starts_with_digit(c: &Ctx, i: usize) -> bool {
    // The first byte: an ASCII digit is one byte, and a character that
    // opens with another byte is no ASCII digit (no slice of the text,
    // no decoding of its first character).
    let t = &c.t[i];
    t.end > t.start && c.doc.as_bytes()[t.start].is_ascii_digit()
}

fn is_possessive(c: &Ctx, i: usize) -> bool {
    cues::possessive_owner(c.t[i].text(c.doc)).is_some()
}

fn is_indefinite(c: &Ctx, i: usize) -> bool {
    c.lower_is(i, "a") || c.lower_is(i, "an")
}

/// Articles and the possessive pronouns that stand where one would.
const ARTICLES: [&str; 13] =
    ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"];

fn is_article(c: &Ctx, i: usize) -> bool {
    let t = &c.t[i];
    // (The word's bytes once, not a `str` cut for each article.)
    t.is(class::DET | class::PRON) && {
        let w = &c.doc.as_bytes()[t.start..t.end];
        ARTICLES.iter().any(|a| w.eq_ignore_ascii_case(a.as_bytes()))
    }
}

/// The cue at token `i`, if the word reads as one here.
#[inline(always)]
fn cue_at(c: &Ctx, i: usize) -> Option<CueKind> {
    // Every frame family asks this of token after token, and few words are
    // in the lexicon as cues: answer those where they are asked. Past the
    // last token there is none (a sentence cut short: "..., said Roe, who").
    c.t.get(i)?.entry.cue?;
    let Some(memo) = c.cues.get(i) else {
        return cue_in_context(c, i);
    };
    match memo.get() {
        0 => {
            let kind = cue_in_context(c, i);
            let n = kind.map_or(1, |k| 2 + MEMO_KINDS.iter().position(|&m| m == k).expect("every kind") as u8);
            memo.set(n);
            kind
        }
        1 => None,
        n => Some(MEMO_KINDS[usize::from(n - 2)]),
    }
}

fn cue_in_context(c: &Ctx, i: usize) -> Option<CueKind> {
    let x = &c.t[i];
    let kind = x.cue().or_else(|| headline_cue(c, i))?;
    // "who asked not to be named", "found him guilty": no report here.
    if nonreport::requests_anonymity(c, i) || nonreport::is_verdict(c, i) || nonreport::is_product_recall(c, i) {
        return None;
    }
    // A verb never follows an article or a possessive: "the hope", "his
    // claim".
    if i > 0 && is_article(c, i - 1) {
        return None;
    }
    // Nor after a superlative after one: "the greatest fear that C", "his
    // best guess".
    if i > 1
        && c.t[i - 1].word()
        && !c.t[i - 1].cap
        && c.t[i - 1].entry.cue.is_none()
        && c.t[i - 1].text(c.doc).len() >= 6
        && c.t[i - 1].text(c.doc).ends_with("est")
        && is_article(c, i - 2)
    {
        return None;
    }
    // Nor a base form after a name's "'s": "Roe's claim that C" is a noun
    // ("Roe's claimed", "Roe's said" are "Roe has ...").
    if i > 0 && c.t[i - 1].word() && is_possessive(c, i - 1) && !c.t[i - 1].quoted {
        let w = x.text(c.doc);
        if !["d", "n", "t", "ing"].iter().any(|e| w.ends_with(e)) {
            return None;
        }
    }
    // "S is hoping C", "S are betting that C": a belief's progressive,
    // never a participle phrase ("…, hoping to win", "anyone expecting
    // C") nor one with a preposition after it ("hoping for more").
    if kind == CueKind::Belief
        && x.text(c.doc).ends_with("ing")
        && (i == 0
            || !((c.t[i - 1].is(class::AUX) && !c.t[i - 1].cap)
                || cues::contracted_pronoun(c.t[i - 1].text(c.doc)).is_some())
            || c.t.get(i + 1).is_none_or(|n| n.is(class::PREP) || !n.word()))
    {
        return None;
    }
    // "She pointed to attacks on her campaign", "the senator points to
    // the cost": what is pointed to is the content, as a stance's object
    // ([`speech::object`]); "points" is a cue only so ("key points").
    if (c.lower_is(i, "pointed") || c.lower_is(i, "points")) && c.lower_is(i + 1, "to") {
        return Some(CueKind::Other);
    }
    // "agreed with Roe about the winner": a stance; "agreed with Roe
    // that C" stays a report of what was agreed.
    if c.lower_is(i + 1, "with")
        && speech::AGREE.iter().any(|w| c.lower_is(i, w))
        && !(i + 2..c.t.len().min(i + 10)).any(|k| c.lower_is(k, "that"))
    {
        return Some(CueKind::Other);
    }
    if c.lower_is(i, "points") {
        return None;
    }
    if x.is(class::NOUNLIKE_CUE) {
        // "news reports", "his claims", "Friday's tweets": nouns. The word
        // before tells, past adverbs: "Ortiz also wants to D", "the
        // senator still opposes C" are verbs as "Ortiz wants" is.
        let mut b = i.checked_sub(1)?;
        while b > 0 && c.t[b].word() && !c.t[b].cap && !c.t[b].quoted && is_adverb(c, b) {
            b -= 1;
        }
        // "The poll, released Monday, shows", "the transcript -- published
        // by the Ledger -- shows": an aside between the subject and its
        // verb; the subject's last word is before it.
        if let Some(open) = aside_before(c, b + 1) {
            b = open.checked_sub(1)?;
        }
        let p = &c.t[b];
        // ("CBS News reports that C": the end of a name, not "news".)
        let named = p.cap && b >= 1 && c.t[b - 1].word() && c.t[b - 1].cap && !c.t[b - 1].quoted;
        if !p.word()
            || p.is(class::DET | class::PREP)
            || (p.is(class::NOUN_CUE_BLOCK) && !named)
            || is_possessive(c, b)
            || starts_with_digit(c, b)
        {
            return None;
        }
        // "the website shows", "the poll finds": a source noun before it.
        // ("The woman disputes C": people.)
        let source_noun = (p.is(class::GROUP | class::ANON) || phrases::is_people_noun(c, b))
            && b >= 1
            && (c.t[b - 1].is(class::DET) || c.t[b - 1].cap);
        // ("A slide from a presentation that Roe carries as she travels
        // shows": a document's long phrase, a relative clause and all.)
        if !(p.cap
            || p.is(class::PRON)
            || source_noun
            || c.lower_is(i + 1, "that")
            || document_phrase(c, b + 1)
            || document_subject(c, i).is_some())
        {
            return None;
        }
        // "Twenty-seven states", "Three reports".
        let pw = p.text(c.doc).to_ascii_lowercase();
        if NUMBERS.iter().any(|n| pw.starts_with(n)) {
            return None;
        }
    }
    Some(kind)
}

/// "His surrogates called him a genius", "the doctors accused him of
/// fraud": only people judge someone, so a plural noun after a determiner
/// is a source when its verb is a judgement of someone (not "the rules
/// call for ...": no one is judged there).
fn people_judging(c: &Ctx, np: (usize, usize), cue: usize) -> bool {
    const JUDGING: [&str; 18] = [
        "called",
        "accused",
        "criticized",
        "criticised",
        "blasted",
        "attacked",
        "praised",
        "slammed",
        "mocked",
        "denounced",
        "condemned",
        "lambasted",
        "ridiculed",
        "faulted",
        "blamed",
        "labeled",
        "labelled",
        "branded",
    ];
    let t = c.t;
    let head = &t[np.1 - 1];
    np.1 >= np.0 + 2
        && t[np.0].is(class::DET)
        && !head.cap
        && !head.quoted
        && phrases::plural_form(head.text(c.doc))
        && JUDGING.iter().any(|w| c.lower_is(cue, w))
        // Someone judged: a name or a person's pronoun right after.
        && t.get(cue + 1).is_some_and(|o| {
            o.word() && !o.quoted && ((o.cap && !o.is(class::DET)) || ["him", "her", "them"].iter().any(|w| c.lower_is(cue + 1, w)))
        })
}

/// Words of the role lexicon that head no phrase for a person: modifiers
/// of a title ("the budget director", "the ranking member").
const NOT_PEOPLE: [&str; 12] = [
    "budget", "staff", "cabinet", "business", "majority", "minority", "ranking", "senior", "former", "acting", "first",
    "joint",
];

/// Whether token `i`, lowercase, is a person's role ("the coach", "the
/// chancellor", "the provost"): a role word that is no body's name or
/// field of government ("the department", "the treasury").
fn person_by_role(c: &Ctx, i: usize) -> bool {
    let x = &c.t[i];
    x.is(class::ROLE) && !x.is(class::ORG | class::FIELD) && !x.cap && !NOT_PEOPLE.iter().any(|w| c.lower_is(i, w))
}

/// Whether the words before token `i` (a noun-like cue, or the aside
/// before one) are a noun phrase about a document that opens with a
/// determiner: "the most recent poll shows",
/// "an average of polls shows", "a survey of young voters finds". The
/// determiner is what tells the phrase from a compound noun ("TV shows",
/// "poll numbers"); only words, prepositions and hyphenated figures may sit
/// between it and the cue. A determiner after a preposition opens its
/// object ("an average of polls taken over the past month shows").
fn document_phrase(c: &Ctx, i: usize) -> bool {
    let t = c.t;
    let mut document = false;
    let prep = |k: usize| t[k].is(class::PREP) && !t[k].cap;
    for k in (i.saturating_sub(14)..i).rev() {
        let x = &t[k];
        if !x.word() || x.quoted {
            return false;
        }
        if x.is(class::DET) && !x.is(class::PRON) && !starts_with_digit(c, k) {
            if k > 0 && prep(k - 1) {
                continue;
            }
            // "over the past two weeks": a number after an article or an
            // adjective of time is no determiner of its own.
            if k > 0
                && NUMBERS.iter().any(|n| c.lower_is(k, n))
                && (t[k - 1].is(class::DET) || ["past", "last", "next", "first"].iter().any(|w| c.lower_is(k - 1, w)))
            {
                continue;
            }
            return document;
        }
        if is_function(x) && !prep(k) {
            return false;
        }
        document |= according::is_document(c, k);
    }
    false
}

/// The opening mark of an aside that closes just before token `end`:
/// words between two dashes, or between two commas when the words open
/// with a participle or a preposition ("The poll, released Monday,",
/// "the critics, like Ann Roe,"), so that no list ("Roe, Diaz,") nor
/// clause ("In May, polls show") is taken for one.
fn aside_before(c: &Ctx, end: usize) -> Option<usize> {
    let t = c.t;
    let close = end.checked_sub(1)?;
    let kind = t[close].kind;
    if !matches!(kind, Kind::Comma | Kind::Dash) || t[close].quoted {
        return None;
    }
    let open = (close.saturating_sub(12)..close).rev().find(|&k| !t[k].word() || t[k].quoted)?;
    if t[open].kind != kind || t[open].quoted || open + 1 >= close || open == 0 || !t[open - 1].word() {
        return None;
    }
    let first = &t[open + 1];
    let w = first.text(c.doc);
    let opens = kind == Kind::Dash
        || (!first.cap
            && (first.is(class::PREP)
                || ((w.ends_with("ed") || w.ends_with("en")) && !first.is(class::AUX))
                || phrases::is_participle_opening(c, open + 1)));
    (opens && t[open + 1..close].iter().all(|x| x.entry.cue.is_none())).then_some(open)
}

/// A cue in a title-case headline right after a name: "Obama Says C",
/// "C, Former Doctor Says", "Roe Praises Vance for C", "New Poll Shows
/// C". Only verbs that a headline does not use as nouns; "Calls" only
/// for a call ("Calls for C") or a label quoted after the one called
/// ("Calls Vance ‘A Disgrace’"), not "Roe Faces Calls to Quit".
fn headline_cue(c: &Ctx, i: usize) -> Option<CueKind> {
    const HEADLINE: [&str; 41] = [
        "Says",
        "Said",
        "Tells",
        "Warns",
        "Claims",
        "Admits",
        "Insists",
        "Vows",
        "Predicts",
        "Argues",
        "Denies",
        "Urges",
        "Praises",
        "Blasts",
        "Slams",
        "Endorses",
        "Reveals",
        "Seeks",
        "Announces",
        "Criticizes",
        "Accuses",
        "Defends",
        "Mocks",
        "Touts",
        "Hails",
        "Condemns",
        "Denounces",
        "Dismisses",
        "Rejects",
        "Thinks",
        "Believes",
        "Fears",
        "Shows",
        "Finds",
        "Explains",
        "Confirms",
        "Suggests",
        "Concedes",
        "Blames",
        "Applauds",
        "Calls",
    ];
    let x = &c.t[i];
    // The lexicon first: most capitalised words are no cue at all.
    let cue = x.entry.cue?;
    let named_before = i > 0 && c.t[i - 1].word() && c.t[i - 1].cap && !c.t[i - 1].quoted;
    let word = x.text(c.doc);
    let call = word != "Calls"
        || c.t.get(i + 1).is_some_and(|n| n.text(c.doc) == "for")
        || (i + 2..c.t.len().min(i + 6))
            .any(|k| c.t[k].kind == Kind::Open || c.t[k].text(c.doc).starts_with(['\u{2018}', '\'']));
    // Not after an adverb ("Roe Finally Endorses Vance": no name ends in
    // it), nor in a question ("How Roe Thinks About C"), nor before a
    // preposition other than a call's "for" or an infinitive's "to"
    // ("Thinks About C").
    let plain = named_before
        && !c.t[i - 1].text(c.doc).ends_with("ly")
        && !c.t.first().is_some_and(|f| ["How", "Why", "What", "When", "Where", "Whether"].contains(&f.text(c.doc)))
        && !c.t.get(i + 1).is_some_and(|n| n.is(class::PREP) && !["for", "For", "to", "To"].contains(&n.text(c.doc)));
    (x.word() && !x.quoted && named_before && call && plain && HEADLINE.contains(&word)).then_some(cue)
}

fn attribution_of(c: &Ctx, s: usize, e: usize) -> Attribution {
    // Direct when the content is one quotation, marks at both ends.
    let t = c.t;
    let mut e = e;
    while e > s && matches!(t[e - 1].kind, Kind::Stop | Kind::Comma) {
        e -= 1;
    }
    if e > s && t[s].kind == Kind::Open && c.close_of(s) == Some(e - 1) {
        Attribution::Direct
    } else {
        Attribution::Indirect
    }
}

fn is_linking(c: &Ctx, k: usize) -> bool {
    cues::LINKING.iter().any(|w| c.lower_is(k, w))
}

/// Forms of "be": before a participle they make it a passive.
pub(super) const BE: [&str; 8] = ["is", "was", "are", "were", "be", "been", "being", "am"];

/// Frame for content in tokens `[s, e)`: direct content loses its marks.
fn content_frame(c: &Ctx, s: usize, e: usize, cue: (usize, usize), source: Source, that: bool) -> Option<Frame> {
    let mut attribution = attribution_of(c, s, e);
    if that {
        attribution = Attribution::Indirect;
    }
    let content = if attribution == Attribution::Direct {
        let close = c.close_of(s)?;
        c.inside_quote(s, close)?
    } else {
        c.content(s, e)?
    };
    Some(Frame { attribution, content, content2: None, cue: Some(cue), source })
}

/// Verbs of telling whose denial is a refusal with an object: "would not
/// confirm the report", "did not disclose the name", "wouldn't say".
/// ("elaborate" and "identify" are left out: "the most elaborate of any",
/// "voters who do not identify with a party".)
const REFUSABLE: [&str; 9] =
    ["confirm", "disclose", "reveal", "specify", "discuss", "comment", "commented", "say", "explain"];

/// Find the frames of one sentence. `may_comment` is false when the
/// caller knows the sentence has no "comment" (the paragraph has none):
/// [`no_answer`] then skips its search for the word, which it ran on
/// every sentence with a cue that nothing else framed.
pub fn find(doc: &str, t: &[Token], noted: Noted, may_comment: bool, out: &mut Vec<Frame>) -> Outcome {
    let mut outcome = find_frames(doc, t, noted, may_comment, out);
    if outcome == Outcome::Framed && !no_one_opens(doc, t, out) {
        outcome = Outcome::None;
    }
    if outcome == Outcome::Framed {
        // (Only where there is a parenthesis: see `parenthesis_with_report`.)
        if noted.marks == 0 || noted.marks & mark::PAREN != 0 {
            report_in_parentheses(doc, t, may_comment, out);
        }
    }
    outcome
}

/// A subject that names no one: "There have been telling responses",
/// "What seemed to be a romp", "Why not just say: Q", "What Roe considers
/// smart might be seen as evasive" (an existential "there", or a question
/// word opening a clause that is itself the subject). Such frames are
/// dropped, with the frames after them that take their source; a question
/// word before a name ("how Bernie Sanders, who has endorsed Canova,")
/// leaves the name. Whether any frame is left.
fn no_one_opens(doc: &str, t: &[Token], out: &mut Vec<Frame>) -> bool {
    let word = |k: usize, ws: &[&str]| t[k].word() && ws.iter().any(|w| t[k].text(doc).eq_ignore_ascii_case(w));
    let mut dropped = false;
    out.retain_mut(|f| {
        if dropped && f.source == Source::Previous {
            return false;
        }
        dropped = false;
        if let Source::Mention { np, .. } = &mut f.source {
            if word(np.0, &["there", "here", "what", "whatever"]) {
                dropped = true;
                return false;
            }
            if word(np.0, &["how", "why", "where", "when", "whether"]) {
                if np.1 - np.0 < 2 || !t[np.0 + 1].cap {
                    dropped = true;
                    return false;
                }
                np.0 += 1;
            }
        }
        true
    });
    !out.is_empty()
}

/// "Adler said she had ordered flags lowered (her office said she would
/// visit on Wednesday).": a report in parentheses at the end of a frame's
/// content is someone else's, framed by itself; the content ends before it.
fn report_in_parentheses(doc: &str, t: &[Token], may_comment: bool, out: &mut Vec<Frame>) {
    let Some((open, close)) = parenthesis_with_report(doc, t) else {
        return;
    };
    let (from, to) = (t[open].start, t[close].end);
    let Some(i) = out.iter().position(|f| f.content2.is_none() && f.content.0 < from && f.content.1 >= to) else {
        return;
    };
    // Only a parenthesis that closes the content: one in its middle is
    // part of what was said.
    if !doc[to..out[i].content.1].trim_matches(|ch: char| ch.is_whitespace() || ch.is_ascii_punctuation()).is_empty() {
        return;
    }
    let mut inner = Vec::new();
    if find_frames(doc, &t[open + 1..close], Noted::UNKNOWN, may_comment, &mut inner) != Outcome::Framed
        || inner.iter().any(|f| f.attribution == Attribution::Other)
    {
        return;
    }
    shift_mentions(&mut inner, open + 1);
    out[i].content.1 = out[i].content.0 + doc[out[i].content.0..from].trim_end().len();
    out.extend(inner);
}

fn find_frames(doc: &str, t: &[Token], noted: Noted, may_comment: bool, out: &mut Vec<Frame>) -> Outcome {
    out.clear();
    // "(C, Ann Roe said.)": a sentence set in parentheses is framed as if
    // they were not there.
    if t.len() > 4 && doc.as_bytes()[t[0].start..t[0].end] == *b"(" {
        let last = t.len() - 1;
        let close = if t[last].kind == Kind::Stop { last - 1 } else { last };
        let inner = &t[1..close];
        if doc[t[close].start..t[close].end] == *")" && !inner.iter().any(|x| doc[x.start..x.end] == *"(") {
            let outcome = find(doc, inner, Noted::UNKNOWN, may_comment, out);
            shift_mentions(out, 1);
            return outcome;
        }
    }
    let c = Ctx::new(doc, t, noted, may_comment);
    // Most sentences have neither a cue nor a quotation: nothing to find.
    if !c.has(Mark::Cue) && !c.has(Mark::Open) && label_mark(doc, t).is_none() && !label::stray_mark_first(doc, t) {
        return if in_document(&c, out)
            || no_answer(&c, out)
            || nominal(&c, out)
            // (The walk for "put" only where `as_said` can frame: it needs
            // an "as".)
            || (c.has(Mark::As) && t.iter().any(|x| x.is(class::PUT)) && as_said(&c, out))
            || colon_report(&c, out)
            || according::poll_standing(&c, out)
        {
            Outcome::Framed
        } else {
            Outcome::None
        };
    }
    if label(&c, out) || according_to(&c, out) || as_said(&c, out) || content_first(&c, out) || cue_first(&c, out) {
        return Outcome::Framed;
    }
    for cue in c.cue_words() {
        let Some(kind) = cue_at(&c, cue) else {
            continue;
        };
        if matches!(kind, CueKind::According | CueKind::Other)
            || (kind == CueKind::Participle
                && !(cue > 0
                    // (A progressive: "is endorsing", "is once again
                    // questioning", not "had opposing views".)
                    && (t[cue - 1].is(class::AUX) && !["had", "has", "have"].iter().any(|w| c.lower_is(cue - 1, w))
                        || is_negation(&c, cue - 1)
                        // "She's claiming that C", "he's touting the plan":
                        // the auxiliary is written on.
                        || cues::contracted_pronoun(t[cue - 1].text(doc)).is_some())))
            || participle::sends_message(&c, cue)
        {
            continue;
        }
        if let Some(outcome) = subject_cue(&c, cue, kind, out) {
            stance_before_speech(&c, out);
            stance_after_speech(&c, out);
            return outcome;
        }
    }
    if participle(&c, out) {
        // "Roe criticized the plan, adding that C": the stance that opens
        // the sentence is the same speaker's claim, framed with the
        // participle after it when its subject is the participle's.
        let first = out[0].content;
        let first_stance = c.cue_words().find(|&cue| cue_at(&c, cue) == Some(CueKind::Other));
        stance_frames_over(&c, first_stance, out, |both| both.iter().any(|f| f.content == first));
        return Outcome::Framed;
    }
    // Stance and appeal ("S criticized C", "S called for C") last: a
    // sentence that reports speech is framed by its speech.
    for cue in c.cue_words() {
        if cue_at(&c, cue) == Some(CueKind::Other)
            && let Some(outcome) = subject_cue(&c, cue, CueKind::Other, out)
        {
            return outcome;
        }
    }
    if in_document(&c, out)
        || no_answer(&c, out)
        || nominal(&c, out)
        || named_colon(&c, out)
        || reported_by(&c, out)
        || colon_report(&c, out)
        || participle::allegiance(&c, out)
        || according::poll_standing(&c, out)
    {
        return Outcome::Framed;
    }
    if c.has(Mark::Paren)
        && let Some(outcome) = parenthesized_report(doc, t, may_comment, out)
    {
        return outcome;
    }
    // All quotation: a continuation of the last speaker.
    if t[0].kind == Kind::Open {
        let close = c.close_of(0);
        let rest_ok = close.is_none_or(|cl| t[cl + 1..].iter().all(|x| !x.word()));
        if rest_ok {
            let content = match close {
                Some(cl) => c.inside_quote(0, cl),
                None => (t.len() > 1).then(|| c.bytes(1, t.len())),
            };
            if let Some(content) = content {
                out.push(Frame {
                    attribution: Attribution::Direct,
                    content,
                    content2: None,
                    cue: None,
                    source: Source::Continuation,
                });
                return Outcome::Framed;
            }
        }
    }
    Outcome::None
}

/// Mentions are token ranges of the tokens a frame was found in: moved
/// `by` tokens on, to the sentence those tokens were cut from.
fn shift_mentions(out: &mut [Frame], by: usize) {
    let shift = |(s, e): (usize, usize)| (s + by, e + by);
    for f in out.iter_mut() {
        match f.source {
            Source::Mention { np, appositive } => {
                f.source = Source::Mention { np: shift(np), appositive: appositive.map(shift) };
            }
            Source::Owner { np } => f.source = Source::Owner { np: shift(np) },
            _ => {}
        }
    }
}

/// "She stumbled on the steps of a van (her campaign later disclosed that
/// she has pneumonia).": a sentence with no frame of its own may hold a
/// report in parentheses, a clause with its own subject and cue; it is
/// framed by itself (see [`parenthesis_with_report`] for which
/// parentheses may hold one; a stance found there is left out).
fn parenthesized_report(doc: &str, t: &[Token], may_comment: bool, out: &mut Vec<Frame>) -> Option<Outcome> {
    let (open, close) = parenthesis_with_report(doc, t)?;
    match find_frames(doc, &t[open + 1..close], Noted::UNKNOWN, may_comment, out) {
        Outcome::Framed if out.iter().all(|f| f.attribution != Attribution::Other) => {
            shift_mentions(out, open + 1);
            Some(Outcome::Framed)
        }
        _ => {
            out.clear();
            None
        }
    }
}

/// The first parenthesis of a sentence, after its first token, when it
/// may hold a report that says what was said: a cue, and a quotation,
/// "that" or a plain verb of saying (not "(R-Ohio)", "(as was true)", "(he
/// reported daily to the owner)"). Token indices of its marks.
fn parenthesis_with_report(doc: &str, t: &[Token]) -> Option<(usize, usize)> {
    let is = |k: usize, mark: &str| t[k].kind == Kind::Other && doc[t[k].start..t[k].end] == *mark;
    let open = (1..t.len()).find(|&k| is(k, "("))?;
    let close = (open + 1..t.len()).find(|&k| is(k, ")") || is(k, "("))?;
    if !is(close, ")") || close - open < 5 {
        return None;
    }
    let inner = &t[open + 1..close];
    let said = |x: &Token| {
        x.kind == Kind::Open
            || (x.word()
                && ["that", "said", "says", "told"].iter().any(|w| doc[x.start..x.end].eq_ignore_ascii_case(w)))
    };
    (inner.iter().any(|x| x.entry.cue.is_some() && !x.quoted) && inner.iter().any(said)).then_some((open, close))
}

/// Whether the cue at `cue`, whose subject follows the relative word at
/// `rel`, reports the relative clause's own predicate: "which S said was
/// C", "who S said were C". A verb of saying or believing, a relative
/// pronoun, and a finite auxiliary right after the cue ("Everything S
/// says is a lie" has no relative; "which S said on Monday" goes on as
/// any report). Not "what S said was C": it often stands in a stance's
/// object ("ended what she said were punitive rules"), which frames the
/// sentence better.
fn embedded_report(c: &Ctx, rel: usize, cue: usize, kind: CueKind) -> bool {
    const FINITE: [&str; 13] =
        ["is", "was", "were", "are", "will", "would", "could", "can", "may", "might", "should", "has", "had"];
    matches!(kind, CueKind::Speech | CueKind::Belief)
        && ["which", "who", "that"].iter().any(|w| c.lower_is(rel, w))
        && !c.t[rel].cap
        && FINITE.iter().any(|w| c.lower_is(cue + 1, w))
}

/// Whether a verb of saying, telling or believing stands among the tokens
/// of `range` (a clause or phrase that reports something itself).
fn reports_in(c: &Ctx, range: std::ops::Range<usize>) -> bool {
    range.into_iter().any(|k| matches!(cue_at(c, k), Some(CueKind::Speech | CueKind::Tell | CueKind::Belief)))
}

/// Whether the clause of the stance at `cue` goes on, after a comma, with
/// a participle of saying ("The utility defended the plan, saying C"):
/// its subject speaks, so it can hold the stance too.
fn says_after(c: &Ctx, cue: usize) -> bool {
    let t = c.t;
    (cue + 2..t.len())
        .take_while(|&k| !matches!(t[k].kind, Kind::Stop | Kind::Semicolon | Kind::Open))
        .find(|&k| t[k - 1].kind == Kind::Comma)
        .is_some_and(|k| {
            !t[k].quoted
                && cue_at(c, k) == Some(CueKind::Participle)
                && matches!(participle::participle_kind(c, k), CueKind::Speech | CueKind::Tell)
        })
}

/// Whether the "that" at `that` opens a clause of its own, not a relative
/// one: after "so" or "too" and a word ("The debate grew so heated that
/// Roe said C"), after a linking verb and a word ("It was clear that Roe
/// said C"), or after a linking verb alone ("The point is that Roe said
/// C"). A report in such a clause is its subject's.
fn clause_that(c: &Ctx, that: usize) -> bool {
    let t = c.t;
    let plain = |k: usize| t[k].word() && !t[k].cap && !t[k].quoted;
    plain(that - 1)
        && (is_linking(c, that - 1)
            || (plain(that - 2)
                && !t[that - 1].is(class::DET | class::PREP | class::PRON | class::AUX)
                && (["so", "too"].iter().any(|w| c.lower_is(that - 2, w)) || is_linking(c, that - 2))))
}

/// Whether the subject at `s` opens a second clause joined by a bare "and"
/// or "but": the word before the conjunction is a plain lowercase word
/// (no article, preposition or pronoun, which would leave the phrase
/// open), and the subject a name or a person's pronoun.
fn second_clause(c: &Ctx, s: usize) -> bool {
    let t = c.t;
    s >= 2
        && (c.lower_is(s - 1, "and") || c.lower_is(s - 1, "but"))
        && t[s - 2].word()
        && !t[s - 2].cap
        && !t[s - 2].quoted
        && !t[s - 2].is(class::DET | class::PREP | class::PRON | class::CONJ | class::AUX | class::SUB)
        && t[s].word()
        && !t[s].quoted
        && ((t[s].cap && !t[s].is(class::DET))
            || ["he", "she", "they", "we"].iter().any(|w| c.lower_is(s, w))
            // "The senator smiled and the mayor said C", not "the senator and
            // the mayor said C" (one subject of two people).
            || (c.lower_is(s, "the") && !is_agent_noun(c, s - 2) && !phrases::plural_form(t[s - 2].text(c.doc))))
}

/// Frames the stance cue at `cue` (if any) with its subject and, through
/// its coordinated clauses, what follows; they replace `out` when they are
/// more frames and `keep` agrees. Whether they did.
fn stance_frames_over(c: &Ctx, cue: Option<usize>, out: &mut Vec<Frame>, keep: impl Fn(&[Frame]) -> bool) -> bool {
    let Some(cue) = cue else { return false };
    let mut both = Vec::new();
    if subject_cue(c, cue, CueKind::Other, &mut both).is_some() && both.len() > out.len() && keep(&both) {
        *out = both;
        return true;
    }
    false
}

/// "S called for C, and T said D": when the speech frame's subject opens
/// a second clause, a stance in the first is a claim of its own. The
/// stance's frame reaches the speech through its coordinated continuation,
/// so it replaces `out` when it holds more.
fn stance_before_speech(c: &Ctx, out: &mut Vec<Frame>) {
    let t = c.t;
    let Some(Frame { source: Source::Mention { np: (s, _), .. }, .. }) = out.first() else {
        return;
    };
    let s = *s;
    // ("..., but he said C", "... -- but he said C".)
    let after_break = s >= 2
        && ((t[s - 1].is(class::CONJ)
            && !t[s - 1].cap
            && (t[s - 2].kind == Kind::Comma || t[s - 2].kind == Kind::Dash && !t[s - 2].quoted))
            || t[s - 1].kind == Kind::Semicolon);
    // "De Blasio called Trump a \"blowhard\" and said C": a speech cue
    // after "and" that shares the subject of a stance before it.
    let shared = out.first().and_then(|f| f.cue).and_then(|(start, _)| {
        let cue = t.iter().position(|x| x.start == start)?;
        let j = phrases::skip_aux_back(c, cue);
        (j > s + 1 && (c.lower_is(j - 1, "and") || c.lower_is(j - 1, "but"))).then_some(j - 1)
    });
    let brk = if let Some(and) = shared.filter(|_| !after_break) {
        and
    } else if !after_break {
        return;
    } else if t[s - 1].kind == Kind::Semicolon {
        s - 1
    } else {
        s - 2
    };
    for cue in c.cue_words().take_while(|&k| k < brk) {
        if cue_at(c, cue) == Some(CueKind::Other) && stance_frames_over(c, Some(cue), out, |_| true) {
            return;
        }
    }
    // "S issued a statement saying C and said D": the statement's words
    // are reported too.
    if shared.is_some() && !after_break {
        let mut first = Vec::new();
        if participle::participle(c, &mut first)
            && let Some(f) = first.first()
            && f.cue.is_some_and(|(start, _)| start < t[brk].start)
            && f.content.0 < t[brk].start
        {
            // Its content ends where the shared speech begins (before the
            // comma of ", and said").
            let mut f = *f;
            let last = if t[brk - 1].kind == Kind::Comma && brk >= 2 { brk - 2 } else { brk - 1 };
            f.content.1 = f.content.1.min(t[last].end);
            out.insert(0, f);
        }
    }
}

/// "Okoro said C and called for an inquiry": a stance joined by "and"
/// or "but" right after the speech frame's content shares its subject and
/// is a claim of its own (a revision adding the call changes a claim).
fn stance_after_speech(c: &Ctx, out: &mut Vec<Frame>) {
    let t = c.t;
    let [Frame { source: Source::Mention { np, appositive }, content, content2: None, .. }] = out.as_slice() else {
        return;
    };
    let (np, appositive, end) = (*np, *appositive, content.1);
    // The first token after the content: "and" or "but", maybe after a
    // comma, then the stance's cue (after its auxiliaries).
    let Some(mut k) = t.iter().position(|x| x.start >= end) else { return };
    if t[k].kind == Kind::Comma {
        k += 1;
    }
    if !(c.lower_is(k, "and") || c.lower_is(k, "but")) || t[k].quoted {
        return;
    }
    let Some(cue) = c.cue_words().find(|&q| q > k) else { return };
    if phrases::skip_aux_back(c, cue) != k + 1 || cue_at(c, cue) != Some(CueKind::Other) {
        return;
    }
    // (A verb of view may go on with the content's subject: "Veyra said
    // the government had not been consulted and considered them a
    // violation" is the government's view, as she reports it.)
    const VIEWS: [&str; 10] =
        ["considered", "considers", "regarded", "regards", "deemed", "deems", "viewed", "views", "saw", "sees"];
    if VIEWS.iter().any(|w| c.lower_is(cue, w)) {
        return;
    }
    let mut stance = Vec::new();
    // ("The lawyer, Ann Roe, said C and called D": the stance's subject
    // may come back as the description with the name its appositive, the
    // speech's as the name with the description its role; one subject.)
    if subject_cue(c, cue, CueKind::Other, &mut stance).is_some()
        && let [f @ Frame { source: Source::Mention { np: snp, appositive: sapp }, .. }] = stance.as_slice()
        && (*snp == np || (appositive == Some(*snp) && *sapp == Some(np)))
        && f.content.0 >= t[cue].end
    {
        let mut f = *f;
        f.source = Source::Mention { np, appositive };
        out.push(f);
    }
}

/// "At a rally in Ohio the senator said C", "In a meeting with the board
/// of the Ledger Mr. Reyes said C": an opening phrase with no comma after
/// it runs into the subject. The subject is found where it must start: a
/// pronoun, a title before capitalised words, or "the" before the head
/// of a source ("the mayor"). A bare name after a capitalised word stays
/// ambiguous ("in Ohio Trump said") and is left alone.
fn intro_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    // The phrase holds no clause of its own ("In what he acknowledged",
    // "To the extent she talks", "a tweet from Ann Roe who tweeted").
    if j < 3
        || !(t[0].cap && t[0].is(class::PREP))
        || t[..j].iter().any(|x| !x.word() || x.quoted || x.is(class::SUB) || x.entry.cue.is_some())
        || ["what", "event", "extent", "someone", "anyone"].iter().any(|w| (1..j).any(|k| c.lower_is(k, w)))
    {
        return None;
    }
    if t[j - 1].is(class::PRON) && !c.lower_is(j - 1, "it") {
        return Some(Source::Mention { np: (j - 1, j), appositive: None });
    }
    let s = (j.saturating_sub(5)..j - 1).rev().find(|&k| {
        let x = &t[k];
        let title = x.cap && x.is(class::ROLE) && t[k + 1..j].iter().all(|y| y.cap && !is_function(y));
        let described = c.lower_is(k, "the")
            && t[j - 1].is(class::ANON | class::GROUP | class::ROLE)
            && !t[j - 1].cap
            && t[k + 1..j].iter().all(|y| !is_function(y) && y.entry.cue.is_none());
        k > 1 && !t[k - 1].is(class::DET) && !(t[k - 1].cap && t[k - 1].is(class::ROLE)) && (title || described)
    })?;
    Some(Source::Mention { np: (s, j), appositive: None })
}

/// "..., who in 2010 said C", "..., which last week said C": a relative
/// pronoun after a comma, maybe with a short time or place phrase between
/// it and its cue (the pronoun itself, for [`subject_cue`] to take back to its
/// antecedent).
fn relative_adverbial(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    let w = (j.saturating_sub(5)..j).rev().find(|&w| c.lower_is(w, "who") || c.lower_is(w, "which"))?;
    if w < 2 || t[w - 1].kind != Kind::Comma {
        return None;
    }
    // ("..., which said C" too: "which" is no pronoun to the noun phrase
    // walk.)
    let between = &t[w + 1..j];
    let adverbial = between.is_empty()
        || (between.iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
            && (t[w + 1].is(class::PREP | class::TIME) || t[w + 1].text(c.doc).ends_with("ly")));
    adverbial.then_some(Source::Mention { np: (w, w + 1), appositive: None })
}

/// The comma after `cue` where a sentence's own verb resumes after a
/// clause inside it ("Ann Roe, who said C, will testify", "..., declined to
/// comment"): a comma, not in a quotation, followed by an auxiliary, a cue
/// or a past tense.
fn predicate_comma(c: &Ctx, cue: usize) -> Option<usize> {
    let t = c.t;
    (cue + 1..t.len().saturating_sub(1)).find(|&k| {
        let n = &t[k + 1];
        t[k].kind == Kind::Comma
            && !t[k].quoted
            && n.word()
            && !n.quoted
            && !n.cap
            && (n.is(class::AUX)
                || n.entry.cue.is_some()
                || (n.text(c.doc).ends_with("ed") && !n.is(class::PREP))
                // ("Roe, who said she was innocent, faces trial": a verb
                // in the present, what follows it no verb or conjunction.)
                || present_verb(c, k + 1)
                // ("Diaz, who said the bill was dead, left early"; not the
                // comma closing a clause inside the content: "who said the
                // talks, which began in May, went well, was".)
                || phrases::is_irregular_past(c, k + 1)
                    && !(cue + 1..k).any(|j| {
                        t[j].kind == Kind::Comma && (c.lower_is(j + 1, "which") || c.lower_is(j + 1, "who"))
                    }))
    })
}

/// Whether the word at `k` is a verb in the present's third person by
/// its shape: a lowercase word of four letters or more in "-s" (not
/// "-ss", "-us", "-is"), known to the lexicon as no function word, and
/// followed by a word that is no verb and no conjunction ("faces trial",
/// "remains in custody", "plans to appeal"; not "the talks, stocks and
/// bonds", "prices, wages rose").
fn present_verb(c: &Ctx, k: usize) -> bool {
    let t = c.t;
    let w = t[k].text(c.doc);
    let next = t.get(k + 1);
    let function = class::PREP | class::CONJ | class::SUB | class::DET | class::PRON | class::AUX;
    w.len() >= 4
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !t[k].is(function | class::QUANT | class::TIME)
        && next.is_some_and(|n| {
            n.word()
                && !n.is(class::CONJ | class::AUX)
                && n.entry.cue.is_none()
                && !n.text(c.doc).ends_with("ed")
                && !phrases::is_irregular_past(c, k + 1)
        })
}

/// Modal auxiliaries: a belief after one is a supposition ("you might
/// think C"), no report.
const MODALS: [&str; 7] = ["can", "could", "may", "might", "would", "should", "must"];

/// "see the plan as a giveaway", "saw Roe and Diaz as rivals", "see golf
/// courses as wasted space": the view's object, plain words with no
/// clause of their own, then "as" and what it is seen as, no clause
/// either ("saw prices rise as demand fell", "see it as well", "as they
/// spoke").
fn sees_as(c: &Ctx, cue: usize) -> bool {
    let t = c.t;
    let Some(a) = (cue + 2..t.len().min(cue + 12)).find(|&k| c.lower_is(k, "as")) else {
        return false;
    };
    let plain = |k: usize| {
        let x = &t[k];
        x.word() && !x.quoted && x.entry.cue.is_none() && !x.is(class::AUX | class::SUB | class::PRON)
    };
    // ("see it as a threat": only "it" of the pronouns, the rest are no
    // subject's.)
    if !(cue + 1..a).all(|k| plain(k) || (k == cue + 1 && c.lower_is(k, "it"))) {
        return false;
    }
    const NOT_A_ROLE: [&str; 11] =
        ["well", "much", "many", "long", "soon", "far", "often", "if", "though", "usual", "expected"];
    let verb = |k: usize| {
        k > a + 1 && (phrases::is_irregular_past(c, k) || t[k].text(c.doc).ends_with("ed") && !t[k - 1].is(class::DET))
    };
    !t[a].quoted
        && t.get(a + 1).is_some_and(|n| n.word() && !n.quoted && !n.is(class::TIME))
        && !NOT_A_ROLE.iter().any(|w| c.lower_is(a + 1, w))
        && (a + 1..t.len().min(a + 5))
            .take_while(|&k| t[k].word())
            .all(|k| !t[k].is(class::AUX | class::PRON | class::SUB) && !verb(k) && t[k].entry.cue.is_none())
}

/// Whether the subject `np` can hold a view: a name, a pronoun, people
/// ("critics", "four in 10 voters", "developers") or a document, by the
/// head before its first preposition ("Critics of the program"). A bare
/// "see" wants a plural ("The program has grown and see" is no one's).
fn viewer(c: &Ctx, np: (usize, usize), cue: usize) -> bool {
    let t = c.t;
    let head = (np.0 + 1..np.1)
        .find(|&k| t[k].is(class::PREP) && !t[k].cap && !(c.lower_is(k, "in") && t[k - 1].is(class::QUANT)))
        .map_or(np.1 - 1, |k| k - 1);
    let x = &t[head];
    let plural = phrases::plural_form(x.text(c.doc))
        || ["they", "we", "you", "i", "who", "people", "men", "women", "children"].iter().any(|w| c.lower_is(head, w))
        || x.is(class::QUANT)
        || (np.0..np.1).any(|k| c.lower_is(k, "and"));
    if c.lower_is(cue, "see") && skip_aux_back(c, cue) == cue && !plural {
        return false;
    }
    (x.cap && !is_article(c, head))
        || x.is(class::PRON | class::ANON | class::GROUP | class::QUANT)
        || starts_with_digit(c, head)
        || is_agent_noun(c, head)
        || phrases::is_people_noun(c, head)
        || according::is_document(c, head)
}

/// A frame around the cue at `cue` whose source is the subject before it:
/// `Some` when the sentence is decided, `None` to try the next cue.
/// Stances that take their target as a direct object ("accused the mayor
/// of", "criticized the plan"): with a preposition right after them, no
/// object came between, and the verb is a passive participle.
const TRANSITIVE_STANCES: [&str; 22] = [
    "accused",
    "criticized",
    "criticised",
    "praised",
    "chastised",
    "rebuked",
    "chided",
    "scolded",
    "faulted",
    "blamed",
    "mocked",
    "blasted",
    "slammed",
    "lambasted",
    "ridiculed",
    "hailed",
    "condemned",
    "denounced",
    "attacked",
    "lauded",
    "thanked",
    "labeled",
];

/// "Mayor accused of steering contract to donor", "Senator criticized for
/// remarks", "people accused of rape": a stance verb that needs an object
/// and has none before its preposition is a passive participle. The phrase
/// before it is the stance's target, not its source. Not after a perfect's
/// auxiliary ("has accused of"), nor when the object went before with a
/// relative ("the rivals whom she accused of", "which French President Ed
/// Roe blamed for"): a pronoun or a relative word in the words before the
/// verb is a subject of it.
fn passive_participle(c: &Ctx, cue: usize) -> bool {
    TRANSITIVE_STANCES.iter().any(|w| c.lower_is(cue, w))
        && ["of", "for", "over", "as", "by"].iter().any(|w| c.lower_is(cue + 1, w))
        && !(cue > 0 && ["has", "have", "had"].iter().any(|w| c.lower_is(cue - 1, w)))
        && !(cue.saturating_sub(8)..cue)
            .rev()
            .take_while(|&k| c.t[k].word())
            .any(|k| c.t[k].is(class::PRON) || ["who", "whom", "which"].iter().any(|w| c.lower_is(k, w)))
}

fn subject_cue(c: &Ctx, cue: usize, kind: CueKind, out: &mut Vec<Frame>) -> Option<Outcome> {
    let t = c.t;
    let doc = c.doc;
    // "Audiences can expect him to take risks", "you might think C": a
    // belief after a modal is a supposition, not a report.
    if kind == CueKind::Belief && cue > 0 && MODALS.iter().any(|w| c.lower_is(cue - 1, w)) {
        return None;
    }
    if kind == CueKind::Other && passive_participle(c, cue) {
        return None;
    }
    // "Critics see the plan as a giveaway": a view only with its object
    // and "as" (not "see the plan", "saw prices rise as demand fell"),
    // nor what someone could see.
    let view = (t[cue].is(class::VIEW) || c.lower_is(cue, "sees"))
        && sees_as(c, cue)
        && !(cue > 0 && MODALS.iter().any(|w| c.lower_is(cue - 1, w)));
    if t[cue].is(class::VIEW) && !view {
        return None;
    }
    // "S is convinced that C", "S remains confident that C": an adjective
    // of stance holds a belief only when predicated of its subject and
    // followed by "that" (not "concerned residents", "so angry that he
    // left", "how pleased").
    if t[cue].is(class::STANCE)
        && !(c.lower_is(cue + 1, "that")
            && (skip_aux_back(c, cue)..cue).any(|k| is_linking(c, k))
            && !(cue > 0 && ["so", "too", "as", "how"].iter().any(|w| c.lower_is(cue - 1, w))))
    {
        return None;
    }
    // "S made clear that C", not "as was made clear", "has been made
    // clear": a passive reports no one.
    if t[cue].is(class::CLEAR)
        && !phrases::made_clear(c, cue).is_some_and(|m| m == 0 || !BE.iter().any(|w| c.lower_is(m - 1, w)))
    {
        return None;
    }
    // "the lessons learned that day", "pleased that morning": "that" is
    // the time's determiner, no clause follows.
    if kind == CueKind::Belief
        && c.lower_is(cue + 1, "that")
        && t.get(cue + 2)
            .is_some_and(|n| n.is(class::TIME) || ["day", "time", "moment"].iter().any(|w| c.lower_is(cue + 2, w)))
    {
        return None;
    }
    let Some(source @ Source::Mention { np, .. }) = subject_before(c, cue, |s| {
        starts_clause(c, s)
            || (s > 0 && t[s - 1].is(class::SUB) && !t[s - 1].cap && !c.lower_is(s - 1, "that"))
            // "..., after Ann Roe said C": speech, not a stance, since the
            // clause is often the writer's narrative ("after S criticized").
            || (s > 0 && kind != CueKind::Other && is_subordinator(c, s - 1) && !t[s - 1].cap && !c.lower_is(s - 1, "that"))
            // "... gathered steam as some writers said C": "as" is "while"
            // when the cue has a clause of its own ("as S said, C" is
            // [`as_said`]'s, and "as S said" alone takes no complement).
            // So after a comma when the cue has its hearer: "..., as
            // several delegates told reporters they would leave".
            || (s > 1
                && (matches!(kind, CueKind::Speech | CueKind::Belief) && t[s - 2].word()
                    || kind == CueKind::Tell && (t[s - 2].word() || t[s - 2].kind == Kind::Comma))
                && c.lower_is(s - 1, "as")
                && !t[s - 1].cap
                && t.get(cue + 1).is_some_and(|n| n.word() && !n.quoted && !n.is(class::PREP | class::TIME))
                // ("just as she said she would", "as she told them it
                // would": no clause.)
                && t.get(cue + 1..cue + 4 + usize::from(kind == CueKind::Tell)).is_some_and(|w| w.iter().all(|x| x.word())))
            || (s > 1 && is_relative(c, (s, s + 1)) && t[s - 1].kind == Kind::Comma)
            // ", many of whom say C".
            || (s > 1 && phrases::partitive_relative(c, s) && t[s - 1].kind == Kind::Comma)
            // "... was copied on the questions and Gates said C": a second
            // clause after "and" or "but" with no comma, its subject a
            // name or a pronoun after a word that ends the first clause
            // (not "Roe and Diaz said": one subject).
            || (matches!(kind, CueKind::Speech | CueKind::Tell) && second_clause(c, s))
            // "the kind of job that economists say is the future".
            || (s > 0 && c.lower_is(s - 1, "that") && embedded_report(c, s - 1, cue, kind))
            || (s > 2 && c.lower_is(s - 1, "that") && clause_that(c, s - 1))
            // "..., as a new poll shows C": a document's finding after
            // "as" (a person's "as S said" is [`as_said`]'s).
            || (s > 0
                && kind == CueKind::Belief
                && c.lower_is(s - 1, "as")
                && !t[s - 1].cap
                && (s..cue).any(|k| according::is_document(c, k)))
    })
    // A document's long phrase ("the average of polls taken over the past
    // month shows") before an opening phrase is looked for in it.
    .or_else(|| (kind == CueKind::Belief).then(|| document_subject(c, cue)).flatten())
    .or_else(|| intro_subject(c, cue))
    .or_else(|| (kind != CueKind::Other).then(|| those_subject(c, cue)).flatten())
    .or_else(|| shared_subject(c, cue))
    .or_else(|| clause_subject(c, cue))
    .or_else(|| relative_adverbial(c, cue))
    .or_else(|| (kind != CueKind::Other).then(|| restrictive_who(c, cue)).flatten())
    .or_else(|| matches!(kind, CueKind::Speech | CueKind::Tell).then(|| relative_subject(c, cue)).flatten()) else {
        return None;
    };
    // "Asked whether he was concerned that C", "unclear whether Roe knew
    // C": a belief in question is no report of one. (After "if" it often
    // is one: "asked her if she believed C".)
    if kind == CueKind::Belief && np.0 > 0 && c.lower_is(np.0 - 1, "whether") {
        return None;
    }
    // "..., Ann Roe, who said C": the antecedent speaks; "family members,
    // many of whom say C": they do.
    let relative = is_relative(c, np) || phrases::partitive_relative(c, np.0);
    let source = if relative {
        let ante = (np.0 > 0 && t[np.0 - 1].kind == Kind::Comma).then(|| np_back(c, np.0 - 1)).flatten()?;
        // "would almost certainly help Democrats, who want C": after a
        // modal or "to" the lowercase words before a name are its verb and
        // adverbs, no part of the name.
        let verb_before = ante.0 > 0
            && !t[ante.0].cap
            && ["would", "will", "could", "can", "may", "might", "should", "must", "to"]
                .iter()
                .any(|w| c.lower_is(ante.0 - 1, w));
        let ante = match (ante.0..ante.1).find(|&k| t[k].cap) {
            Some(k) if verb_before => (k, ante.1),
            _ => ante,
        };
        if t[ante.0].is(class::PRON) {
            return None;
        }
        // "McConnell, now the Senate majority leader, who said C": the name
        // before the description speaks, the description is their role.
        match (ante.0 > 1 && t[ante.0 - 1].kind == Kind::Comma && !t[ante.1 - 1].cap)
            .then(|| np_back(c, ante.0 - 1))
            .flatten()
        {
            Some(name) if t[name.1 - 1].cap && !t[name.0].is(class::PRON) => {
                Source::Mention { np: name, appositive: Some(ante) }
            }
            _ => Source::Mention { np: ante, appositive: None },
        }
    } else {
        source
    };
    // "A website run by the council shows ...": a document finds.
    let document = (np.0..np.1).any(|i| according::is_document(c, i));
    // What it shows or found may be a plain object: "the poll shows a tie".
    let finding = ["shows", "show", "showed", "found", "finds", "indicates", "indicated", "reveals"];
    let kind = if kind == CueKind::Belief && document && finding.iter().any(|w| c.lower_is(cue, w)) {
        CueKind::Finding
    } else if view {
        // Only someone, or a document, holds a view.
        if !viewer(c, np, cue) {
            return None;
        }
        CueKind::Finding
    } else {
        kind
    };
    // "Critics believe C", "some analysts think C": people of a kind hold
    // beliefs as a named person does (not "the rules expect": no one).
    // So do bodies ("the panel concluded C", "the inquiry found C").
    // ("The weather service expects C": a body by its common noun.)
    let holders = np.1 > np.0
        && (is_agent_noun(c, np.1 - 1)
            && (phrases::plural_form(t[np.1 - 1].text(doc)) || t[np.1 - 1].is(class::ANON | class::GROUP | class::ROLE))
            || t[np.1 - 1].is(class::ORG) && t[np.1 - 1].word() && !t[np.1 - 1].cap && !t[np.1 - 1].quoted)
        && !according::is_document(c, np.1 - 1)
        // ("the campaign showed no signs of C": people show things.)
        && !["show", "shows", "showed"].iter().any(|w| c.lower_is(cue, w));
    if kind == CueKind::Belief
        && !c.lower_is(cue + 1, "that")
        && !document
        && !holders
        // ("The new rules expect C": an article capitalised at the start
        // is no name; "Many expect C" is people.)
        && !(np.0..np.1).any(|k| t[k].is(class::PRON) || (t[k].cap && !is_article(c, k)))
    {
        return None;
    }
    // "The bill called for ...", "the move backed ...": a stance needs a
    // source that can hold one, a name, a pronoun or a group. After
    // "which", its antecedent must ("The union, which endorsed Roe, ...",
    // not "the bill, which backed ..."); "who" names people itself.
    let holder = match source {
        Source::Mention { np: ante, .. } if relative && c.lower_is(np.0, "which") => ante,
        _ => np,
    };
    if kind == CueKind::Other
        && !document
        && !(t[holder.1 - 1].cap
            || t[holder.1 - 1].is(class::PRON | class::ANON | class::GROUP)
            || person_by_role(c, holder.1 - 1)
            // ("The woman disputes the idea that C".)
            || phrases::is_people_noun(c, holder.1 - 1)
            // ("Protesters called for C", "critics accused C": people by
            // what they do, as the subject of the sentence; in a clause
            // of the writer's, "..., when engineers recommended repairs",
            // what they did is the writer's narrative.)
            || (is_agent_noun(c, holder.1 - 1)
                && phrases::plural_form(t[holder.1 - 1].text(doc))
                && starts_clause(c, holder.0))
            || c.t[holder.1 - 1].text(doc) == ")"
            || people_judging(c, holder, cue)
            || says_after(c, cue))
    {
        return None;
    }
    // "You know" is no report, nor "news as we know it".
    if kind == CueKind::Belief
        && np.1 == np.0 + 1
        && (c.lower_is(np.0, "you")
            || (np.0 > 0 && c.lower_is(np.0 - 1, "as") && c.lower_is(cue + 1, "it") && cue == np.1))
    {
        return None;
    }
    // A passive ("the decision is expected to ...") reports no one; a
    // progressive ("has been saying") does.
    let participle = t[cue].text(c.doc);
    let passive_form = participle.ends_with("ed")
        || ["said", "told", "thought", "known", "shown", "found", "understood"].contains(&participle);
    // Only the auxiliaries before the cue count: "S, who was elected in
    // May, said" is active.
    // ("S is worried that C" is a stance, no passive.)
    let stance = (t[cue].is(class::STANCE) || c.lower_is(cue, "worried")) && c.lower_is(cue + 1, "that");
    if passive_form
        && !stance
        && t[skip_aux_back(c, cue)..cue].iter().any(|x| BE.iter().any(|w| x.text(c.doc).eq_ignore_ascii_case(w)))
    {
        return None;
    }
    // "It's implied that C", "It's said that C": the same passive with its
    // verb written on the pronoun, which is no one.
    if passive_form
        && np.1 == np.0 + 1
        && cues::contracted_pronoun(t[np.0].text(doc)).is_some_and(|p| p.eq_ignore_ascii_case("it"))
    {
        return None;
    }
    // "S has not said whether C", "S isn't saying if C": nothing was
    // said, as with "declined to say"; a belief or stance denied ("S does
    // not think C") is no report of one.
    let negated = (skip_aux_back(c, cue)..cue).any(|k| is_negation(c, k));
    if negated && !matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Participle) {
        return None;
    }
    // "which officials said will take effect C", "who he said were C":
    // the report sits inside a relative clause, and
    // what was said is the clause's own predicate, up to its comma.
    if np.0 > 0 && embedded_report(c, np.0 - 1, cue, kind) {
        let end = (cue + 1..t.len()).find(|&k| t[k].kind == Kind::Comma && !t[k].quoted).unwrap_or(t.len());
        let content = c.content(cue + 1, end)?;
        out.push(Frame {
            attribution: Attribution::Indirect,
            content,
            content2: None,
            cue: Some(c.bytes(cue, cue + 1)),
            source,
        });
        return Some(Outcome::Framed);
    }
    let first_new = out.len();
    // In a subordinate clause the content ends at the clause's comma.
    // (Not "S who wrote the brief says C": there the clause ended first.)
    let restrictive = c.lower_is(np.1, "who") && np.1 + 1 == skip_aux_back(c, cue);
    // ("Even as polls show C, S said D": so does a finding after "as".)
    let after_as = np.0 > 0 && c.lower_is(np.0 - 1, "as") && !t[np.0 - 1].cap;
    let limit = if (np.0 > 0 && is_subordinator(c, np.0 - 1) && !is_relative(c, np)) || restrictive || after_as {
        // "..., when she said, \"Q\"": a comma that opens a quotation
        // leads into the content, not out of the clause.
        // ("— even as he says C — has proposed": a dash closes it too.)
        (cue..t.len())
            .find(|&k| {
                !t[k].quoted
                    && (t[k].kind == Kind::Comma && t.get(k + 1).is_none_or(|n| n.kind != Kind::Open)
                        || t[k].kind == Kind::Dash)
            })
            .unwrap_or(t.len())
    } else if relative {
        // "Ann Roe, who said C, will testify": the clause closes where the
        // sentence's own verb comes back.
        predicate_comma(c, cue).unwrap_or(t.len())
    } else {
        t.len()
    };
    if speaker_first(c, cue, kind, source, limit, out) {
        // "The mayor, who said C, declined to comment": the main clause
        // may report too, of the same person.
        if relative && limit < t.len() {
            let mut j = limit + 1;
            while j < t.len() && (t[j].is(class::AUX) || is_negation(c, j)) && !t[j].cap {
                j += 1;
            }
            let before_main = out.len();
            let kind2 = cue_at(c, j);
            let main = matches!(
                kind2,
                Some(kind2 @ (CueKind::Speech | CueKind::Tell | CueKind::Belief | CueKind::Declined | CueKind::Other))
                    if speaker_first(c, j, kind2, source, t.len(), out)
            );
            // "Vidal, who said C, did not say how she would pay": the
            // main clause's report denied is nothing said, as above.
            if main
                && matches!(kind2, Some(CueKind::Speech | CueKind::Tell))
                && (limit + 1..j).any(|k| is_negation(c, k))
            {
                for f in &mut out[before_main..] {
                    f.attribution = Attribution::Declined;
                }
            }
            if !main {
                // "..., has not responded to requests for comment".
                let mut refusal = Vec::new();
                if no_answer(c, &mut refusal) {
                    out.extend(refusal.into_iter().filter(|f| f.content.0 >= t[limit].end));
                }
            }
            return Some(Outcome::Framed);
        }
        // Only the negated frame: "... but said D" after it was said.
        if negated && let Some(f) = out.get_mut(first_new) {
            f.attribution = Attribution::Declined;
        }
        // "While S said C, T noted D": the main clause may report too.
        if limit < t.len() {
            for cue2 in limit + 1..t.len() {
                if let Some(kind2 @ (CueKind::Speech | CueKind::Tell | CueKind::Belief)) = cue_at(c, cue2)
                    && let Some(source2) = subject_before(c, cue2, |s| s == limit + 1)
                {
                    speaker_first(c, cue2, kind2, source2, t.len(), out);
                    break;
                }
            }
        }
        return Some(Outcome::Framed);
    }
    // "Ruiz would not confirm the report", "Police did not disclose the
    // victim's name", "Kadzik wouldn't say": a refusal whose object (or
    // nothing) follows, as "declined to comment" is one. Not a habit
    // ("Companies do not disclose their liabilities"; "the agency does
    // not comment on ..." is one) nor a condition ("... voters, if they
    // did not confirm their status").
    let habit = || {
        (skip_aux_back(c, cue)..cue).any(|k| c.lower_is(k, "do") || c.lower_is(k, "does"))
            && !c.lower_is(cue, "comment")
    };
    let conditional = || np.0 > 0 && ["if", "unless", "when", "whether"].iter().any(|w| c.lower_is(np.0 - 1, w));
    if negated
        && matches!(kind, CueKind::Speech | CueKind::Tell)
        && REFUSABLE.iter().any(|w| c.lower_is(cue, w))
        && !habit()
        && !conditional()
        && t.get(cue + 1).is_none_or(|n| !n.quoted && n.kind != Kind::Open && !c.lower_is(cue + 1, "that"))
        && let Some(content) = c.content(skip_aux_back(c, cue), t.len())
    {
        out.push(Frame {
            attribution: Attribution::Declined,
            content,
            content2: None,
            cue: Some(c.bytes(cue, cue + 1)),
            source,
        });
        return Some(Outcome::Framed);
    }
    // `S said:` closing the sentence introduces what follows.
    if !matches!(kind, CueKind::Belief | CueKind::Finding | CueKind::Other)
        && (cue + 1..t.len()).all(|j| !t[j].word())
        && t[cue + 1..].iter().any(|x| x.kind == Kind::Colon)
    {
        return Some(Outcome::Introduces { np: c.bytes(np.0, np.1), cue: c.bytes(cue, cue + 1) });
    }
    None
}

#[cfg(test)]
mod tests;
