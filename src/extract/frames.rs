//! Attribution frames of one sentence: where the cue, the source mention and
//! the content lie.
//!
//! Patterns, tried outermost first so that a report inside reported content
//! is never taken for the frame ("X had told police that ..., the source
//! added" belongs to the source):
//! 1. `according to S` at the start, middle or end;
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

use super::cues::{CueKind, class};
use super::model::Attribution;
use super::tokens::{Kind, Token};

/// Who a frame's content belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A mention in this sentence: token range and an appositive range.
    Mention { np: (usize, usize), appositive: Option<(usize, usize)> },
    /// The source of the previous frame of this sentence.
    Previous,
    /// Whoever spoke last: a sentence that is all quotation.
    Continuation,
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
}

impl Ctx<'_> {
    fn lower_is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.word() && t.text(self.doc).eq_ignore_ascii_case(w))
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
        while e > s
            && matches!(self.t[e - 1].kind, Kind::Stop | Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon)
        {
            e -= 1;
        }
        // A quoted run is one token of many words.
        let words: usize = self.t[s..e]
            .iter()
            .filter(|t| t.word())
            .map(|t| if t.quoted { t.text(self.doc).split_whitespace().count() } else { 1 })
            .sum();
        (words >= 2).then(|| self.bytes(s, e))
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
    c.t[i].text(c.doc).starts_with(|ch: char| ch.is_ascii_digit())
}

fn is_possessive(c: &Ctx, i: usize) -> bool {
    let w = c.t[i].text(c.doc);
    w.ends_with("'s") || w.ends_with("\u{2019}s") || w.ends_with('\'') || w.ends_with('\u{2019}')
}

fn is_indefinite(c: &Ctx, i: usize) -> bool {
    c.lower_is(i, "a") || c.lower_is(i, "an")
}

fn is_article(c: &Ctx, i: usize) -> bool {
    const ARTICLES: [&str; 13] =
        ["the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this", "these", "those"];
    let t = &c.t[i];
    t.is(class::DET | class::PRON) && ARTICLES.iter().any(|a| t.text(c.doc).eq_ignore_ascii_case(a))
}

/// The cue at token `i`, if the word reads as one here.
#[inline]
fn cue_at(c: &Ctx, i: usize) -> Option<CueKind> {
    let x = &c.t[i];
    let kind = x.cue()?;
    // A verb never follows an article or a possessive: "the hope", "his
    // claim".
    if i > 0 && is_article(c, i - 1) {
        return None;
    }
    if x.is(class::NOUNLIKE_CUE) {
        // "news reports", "his claims", "Friday's tweets": nouns.
        let p = i.checked_sub(1).map(|p| &c.t[p])?;
        if !p.word()
            || p.is(class::DET | class::NOUN_CUE_BLOCK | class::PREP)
            || is_possessive(c, i - 1)
            || starts_with_digit(c, i - 1)
        {
            return None;
        }
        if !(p.cap || p.is(class::PRON) || c.lower_is(i + 1, "that")) {
            return None;
        }
        // "Twenty-seven states", "Three reports".
        const NUMBERS: [&str; 19] = [
            "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twenty", "thirty", "forty",
            "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
        ];
        let pw = p.text(c.doc).to_ascii_lowercase();
        if NUMBERS.iter().any(|n| pw.starts_with(n)) {
            return None;
        }
    }
    Some(kind)
}

/// Noun phrase ending just before token `end`: `[start, end)`. Takes in
/// partitives ("52 percent of voters", "nine in 10 voters") and one or two
/// prepositional phrases ("officials at the agency", "a poll of voters").
fn np_back(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let (mut s, e) = np_core(c, end)?;
    if t[s].is(class::PRON) {
        return Some((s, e));
    }
    let quantity =
        |i: usize| t[i].word() && (t[i].is(class::QUANT) || starts_with_digit(c, i) || t[i].text(c.doc).ends_with('%'));
    // "63 percent said": a number before a quantity head.
    if t[s].is(class::QUANT) && s + 1 == e && s > 0 && starts_with_digit(c, s - 1) {
        s -= 1;
    }
    for _ in 0..2 {
        if s < 2 {
            break;
        }
        let p = &t[s - 1];
        if c.lower_is(s - 1, "of") && quantity(s - 2) {
            s -= 2;
            while s > 0 && (quantity(s - 1) || c.lower_is(s - 1, "about") || t[s - 1].is(class::DET)) {
                s -= 1;
            }
            continue;
        }
        if starts_with_digit(c, s - 1)
            && s >= 3
            && (c.lower_is(s - 2, "in") || c.lower_is(s - 2, "of"))
            && quantity(s - 3)
        {
            s -= 3;
            continue;
        }
        let pp: &[&str] = if t[s - 2].is(class::ANON | class::GROUP) {
            &["of", "for", "at", "from", "with", "in", "on", "to"]
        } else {
            &["of", "for", "at", "from", "with", "in", "on"]
        };
        if p.word()
            && !p.cap
            && pp.iter().any(|w| c.lower_is(s - 1, w))
            && (t[s - 2].cap || t[s - 2].is(class::ANON | class::GROUP))
            && let Some((s2, _)) = np_core(c, s - 1)
            && !t[s2].is(class::PRON)
        {
            s = s2;
            continue;
        }
        break;
    }
    while s > 0
        && ["nearly", "about", "almost", "roughly", "approximately", "over", "only", "just"]
            .iter()
            .any(|w| c.lower_is(s - 1, w))
        && (quantity(s) || t[s].is(class::DET))
    {
        s -= 1;
    }
    Some((s, e))
}

/// The simple noun phrase ending just before token `end`.
fn np_core(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = end;
    // A parenthetical after a name: "Sen. Ann Roe (D-Ore.) said".
    let mut paren_end = None;
    if e > 0 && t[e - 1].text(c.doc) == ")" {
        let open = (e.saturating_sub(10)..e - 1).rev().find(|&i| t[i].text(c.doc) == "(")?;
        paren_end = Some(e);
        e = open;
    }
    if e == 0 {
        return None;
    }
    let head = &t[e - 1];
    if !head.word() || head.quoted {
        return None;
    }
    if head.is(class::PRON) {
        return Some((e - 1, paren_end.unwrap_or(e)));
    }
    let strict = (head.cap && !is_function(head) && head.cue().is_none() && !head.is(class::TIME))
        || head.is(class::ANON | class::GROUP)
        || (head.is(class::QUANT) && e >= 2 && starts_with_digit(c, e - 2));
    // Any other lowercase noun may head a subject if an article or a name
    // opens its phrase ("the Vermont senators", "The town").
    let loose = !strict
        && !head.cap
        && !is_function(head)
        && head.entry.cue.is_none()
        && !starts_with_digit(c, e - 1)
        && !head.is(class::DET | class::TIME);
    if !strict {
        if let Some(np) = postmodified(c, e) {
            return Some(np);
        }
        if !loose {
            return None;
        }
    }
    let mut s = e - 1;
    let mut lower_mods = 0;
    while s > 0 && e - s < 12 {
        let p = &t[s - 1];
        if !p.word() || p.quoted {
            break;
        }
        if p.is(class::DET) {
            s -= 1;
            break;
        }
        if starts_with_digit(c, s - 1) {
            break;
        }
        if p.cap {
            if is_function(p) {
                break;
            }
            s -= 1;
            continue;
        }
        let joins = c.lower_is(s - 1, "of") || c.lower_is(s - 1, "and");
        if joins && t[s].cap && s >= 2 && t[s - 2].cap && t[s - 2].word() {
            s -= 1;
            continue;
        }
        // "Federal and state officials".
        if c.lower_is(s - 1, "and")
            && s >= 2
            && t[s - 2].word()
            && !t[s - 2].quoted
            && !is_function(&t[s - 2])
            && t[s - 2].entry.cue.is_none()
            && !starts_with_digit(c, s - 2)
            && (t[s - 2].cap || t[s - 2].is(class::ROLE))
        {
            s -= 1;
            continue;
        }
        if is_function(p) || p.entry.cue.is_some() || lower_mods >= 5 {
            break;
        }
        // "The senator emailed supporters": a verb between two nouns.
        let w = p.text(c.doc);
        if w.ends_with("ed")
            && s >= 2
            && (t[s - 2].cap || t[s - 2].is(class::ANON | class::GROUP))
            && !t[s - 2].is(class::DET)
        {
            break;
        }
        lower_mods += 1;
        s -= 1;
    }
    // A plural head stands alone ("human rights groups").
    let plural = head.text(c.doc).ends_with('s') && !head.text(c.doc).ends_with("ss");
    if loose && !(plural || t[s].is(class::DET) || t[s..e].iter().any(|x| x.cap)) {
        return postmodified(c, e);
    }
    Some((s, paren_end.unwrap_or(e)))
}

/// "people familiar with the matter", "sources close to the campaign".
fn postmodified(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let lo = end.saturating_sub(9);
    for k in (lo..end).rev() {
        let tk = &t[k];
        if !tk.word() || tk.quoted {
            return None;
        }
        let w = tk.text(c.doc);
        if matches!(w, "familiar" | "close" | "briefed" | "knowledgeable" | "involved" | "with")
            && k > 0
            && (t[k - 1].is(class::ANON) || ["those", "others", "some", "many"].iter().any(|w| c.lower_is(k - 1, w)))
        {
            let (s, _) = np_back(c, k)?;
            return Some((s, end));
        }
    }
    None
}

/// Noun phrase starting at token `start`: `[start, end)`.
fn np_forward(c: &Ctx, start: usize, loose: bool) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = start;
    if t.get(e).is_some_and(|x| x.is(class::PRON)) {
        return Some((e, e + 1));
    }
    if t.get(e).is_some_and(|x| x.is(class::PREP | class::SUB | class::CONJ | class::AUX)) {
        return None;
    }
    if t.get(e).is_some_and(|x| x.is(class::DET)) {
        e += 1;
    }
    let mut lower_mods = 0;
    while e < t.len() && e - start < 10 {
        let x = &t[e];
        if !x.word() || x.quoted || x.is(class::TIME) && x.cap {
            break;
        }
        if x.cap {
            if is_function(x) && e > start {
                break;
            }
            e += 1;
            continue;
        }
        if (c.lower_is(e, "of") || c.lower_is(e, "and"))
            && e > start
            && t[e - 1].cap
            && t.get(e + 1).is_some_and(|n| n.cap && n.word())
        {
            e += 1;
            continue;
        }
        if is_function(x) || x.entry.cue.is_some() || x.is(class::DET) {
            break;
        }
        // "The mayor closed ...": a verb after the head.
        if x.text(c.doc).ends_with("ed")
            && e > start
            && (t[e - 1].cap || t[e - 1].is(class::ANON | class::GROUP))
            && !t[e - 1].is(class::DET)
        {
            break;
        }
        if x.is(class::ANON | class::GROUP) {
            e += 1;
            continue;
        }
        if lower_mods >= 3 {
            break;
        }
        lower_mods += 1;
        e += 1;
    }
    // Drop trailing lowercase words that cannot be heads; after an article
    // any noun can ("the town").
    let article = loose && t.get(start).is_some_and(|x| x.is(class::DET));
    while e > start {
        let h = &t[e - 1];
        if h.cap || h.is(class::ANON | class::GROUP) || (article && e > start + 1 && h.word() && !is_function(h)) {
            break;
        }
        e -= 1;
    }
    if e == start || (e == start + 1 && t[start].is(class::DET)) {
        return None;
    }
    // "a spokesman for Mayor Ann Roe".
    if t[e - 1].is(class::ANON | class::GROUP)
        && t.get(e).is_some_and(|x| x.word() && ["for", "of", "at", "to", "from"].iter().any(|w| x.text(c.doc) == *w))
        && t.get(e + 1).is_some_and(|x| x.word() && x.cap && !x.quoted)
    {
        e += 1;
        while e < t.len() && t[e].word() && t[e].cap && !t[e].quoted && e - start < 14 {
            e += 1;
        }
    }
    // "people familiar with the matter".
    if t[e - 1].is(class::ANON)
        && t.get(e)
            .is_some_and(|x| x.word() && matches!(x.text(c.doc), "familiar" | "close" | "briefed" | "with" | "who"))
    {
        while e < t.len() && t[e].word() && e - start < 14 {
            e += 1;
        }
    }
    Some((start, e))
}

/// Whether the segment starting at token `i` reads as an appositive: "head
/// of C", "the company's founder", "who ...", "R-Ky.", "70".
fn appositive_like(c: &Ctx, i: usize) -> bool {
    let Some(x) = c.t.get(i) else { return false };
    if !x.word() || x.quoted || x.is(class::PRON | class::CONJ) || x.cue().is_some() {
        return c.lower_is(i, "who") || c.lower_is(i, "which");
    }
    let w = x.text(c.doc);
    let party = w.len() >= 3 && ["R-", "D-", "I-"].iter().any(|p| w.starts_with(p));
    !x.cap || x.is(class::DET | class::ROLE) || party || starts_with_digit(c, i) || is_possessive(c, i)
}

/// Whether tokens `[s, e)` are a bare name: two to five capitalised words.
fn is_name(c: &Ctx, s: usize, e: usize) -> bool {
    e >= s + 2 && e - s <= 5 && c.t[s..e].iter().all(|x| x.word() && x.cap && !x.is(class::DET))
}

/// Back over auxiliaries and adverbs between a subject and its cue ("has
/// also said", "has, however, argued", "repeatedly claimed").
fn skip_aux_back(c: &Ctx, cue: usize) -> usize {
    let t = c.t;
    let mut j = cue;
    loop {
        if j == 0 {
            return j;
        }
        let p = &t[j - 1];
        if p.word() && !p.cap && p.is(class::AUX) {
            j -= 1;
            continue;
        }
        let w = p.text(c.doc);
        if p.word() && !p.cap && w.len() >= 6 && w.ends_with("ly") && !p.is(class::ANON | class::GROUP) {
            j -= 1;
            continue;
        }
        // "Ann Roe on Tuesday said", "Ann Roe last week said".
        if p.word() && p.is(class::TIME) && !p.is(class::DET) && !is_possessive(c, j - 1) {
            j -= 1;
            if j > 0 && ["on", "last", "this", "earlier", "late", "early"].iter().any(|w| c.lower_is(j - 1, w)) {
                j -= 1;
            }
            continue;
        }
        // "went on to say", "goes on to say".
        if c.lower_is(j - 1, "to") && j >= 3 && c.lower_is(j - 2, "on") {
            let v = t[j - 3].text(c.doc).to_ascii_lowercase();
            if matches!(v.as_str(), "went" | "goes" | "go" | "going" | "gone") {
                j -= 3;
                continue;
            }
        }
        // ", however," and the like.
        if p.kind == Kind::Comma
            && j >= 3
            && t[j - 3].kind == Kind::Comma
            && t[j - 2].word()
            && matches!(
                t[j - 2].text(c.doc).to_ascii_lowercase().as_str(),
                "however" | "meanwhile" | "though" | "too" | "also" | "moreover" | "instead" | "indeed"
            )
        {
            j -= 3;
            continue;
        }
        return j;
    }
}

/// A subject noun phrase before the cue at `cue`, skipping auxiliaries and
/// appositives (`S, head of C, said`), whose start `accept` agrees to.
fn subject_before(c: &Ctx, cue: usize, accept: impl Fn(usize) -> bool) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    if j == 0 {
        return None;
    }
    // "S -- co-editor of B -- said".
    if t[j - 1].kind == Kind::Dash
        && let Some(d) = (j.saturating_sub(30)..j - 1).rev().find(|&d| t[d].kind == Kind::Dash)
        && d + 1 < j - 1
        && let Some(np) = np_back(c, d)
        && !t[np.0].is(class::PRON)
        && accept(np.0)
    {
        return Some(Source::Mention { np, appositive: Some((d + 1, j - 1)) });
    }
    if t[j - 1].kind != Kind::Comma {
        let np = np_back(c, j)?;
        return accept(np.0).then_some(Source::Mention { np, appositive: None });
    }
    // Walk back over appositives: the subject ends at an earlier comma.
    let last = j - 1;
    let mut k = last;
    let lo = j.saturating_sub(40);
    for _ in 0..5 {
        let b = (lo..k)
            .rev()
            .find(|&b| matches!(t[b].kind, Kind::Comma | Kind::Stop | Kind::Semicolon | Kind::Colon | Kind::Dash))?;
        if t[b].kind != Kind::Comma || b + 1 >= last {
            return None;
        }
        // A parenthetical phrase ("S, in the wake of X, said") is skipped
        // but is no role.
        let parenthetical = t[b + 1].is(class::PREP) && !t[b + 1].cap;
        if (appositive_like(c, b + 1) || parenthetical)
            && let Some(np) = np_back(c, b)
            && !t[np.0].is(class::PRON)
            && accept(np.0)
        {
            return Some(Source::Mention { np, appositive: (!parenthetical).then_some((b + 1, last)) });
        }
        // "a spokeswoman, Ann Roe, said": the name is the speaker, the
        // noun phrase before it the role.
        if is_name(c, b + 1, last)
            && let Some(np) = np_back(c, b)
            && t[np.1 - 1].is(class::ANON | class::GROUP)
            && accept(np.0)
        {
            return Some(Source::Mention { np: (b + 1, last), appositive: Some(np) });
        }
        k = b;
    }
    None
}

/// Whether a subject starting at token `s` opens its clause: sentence start,
/// after a conjunction, or after an introductory phrase and a comma.
fn starts_clause(c: &Ctx, s: usize) -> bool {
    let t = c.t;
    if s == 0 {
        return true;
    }
    if t[..s].iter().all(|x| x.word() && x.is(class::CONJ | class::AUX)) {
        return true;
    }
    let p = &t[s - 1];
    // "While S said C, ...": a subordinate clause opening the sentence.
    if p.is(class::SUB) && p.cap && t[..s - 1].iter().all(|x| x.is(class::CONJ)) {
        return true;
    }
    // A dateline: "PARIS (Reuters) - S said".
    if p.kind == Kind::Dash && s <= 10 {
        return true;
    }
    if matches!(p.kind, Kind::Semicolon | Kind::Colon)
        || (p.is(class::CONJ) && s >= 2 && matches!(t[s - 2].kind, Kind::Comma | Kind::Semicolon))
    {
        return true;
    }
    // The introduction ends at a comma, maybe one inside a closing mark
    // ("On \"Meet the Press,\" S said").
    let comma_inside = p.kind == Kind::Close && s >= 2 && t[s - 2].kind == Kind::Comma;
    if p.kind != Kind::Comma && !comma_inside {
        return false;
    }
    let intro = if comma_inside { &t[..s] } else { &t[..s - 1] };
    let opens = intro.iter().filter(|x| x.kind == Kind::Open).count();
    let closes = intro.iter().filter(|x| x.kind == Kind::Close).count();
    if opens != closes || intro.iter().any(|x| x.kind == Kind::Stop) {
        return false;
    }
    let Some(first) = intro.iter().position(|x| !x.is(class::CONJ)).map(|i| &intro[i]) else {
        return false;
    };
    let lower = first.text(c.doc).to_ascii_lowercase();
    (intro.len() <= 8 && !intro.iter().any(|x| x.cue().is_some_and(|k| k != CueKind::Participle)))
        || first.is(class::PREP | class::SUB | class::AUX | class::TIME)
        || (first.cap && (lower.ends_with("ing") || lower.ends_with("ed")))
}

struct Complement {
    start: usize,
    /// After "that".
    that: bool,
}

fn skip_object(c: &Ctx, mut j: usize) -> usize {
    let t = c.t;
    let Some(x) = t.get(j) else { return j };
    if !x.word() || x.quoted || c.lower_is(j, "that") {
        return j;
    }
    let w = x.text(c.doc).to_ascii_lowercase();
    if matches!(
        w.as_str(),
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "lawmakers"
            | "voters"
            | "colleagues"
            | "viewers"
            | "listeners"
            | "followers"
            | "members"
            | "students"
            | "donors"
            | "audiences"
            | "crowds"
            | "senators"
    ) {
        return j + 1;
    }
    if x.cap && !is_function(x) {
        while t.get(j).is_some_and(|y| y.word() && y.cap && !y.quoted) {
            j += 1;
        }
        return j;
    }
    if x.is(class::DET) {
        j += 1;
        let lim = j + 4;
        while j < lim
            && t.get(j)
                .is_some_and(|y| y.word() && !y.quoted && !y.is(class::DET | class::PREP | class::SUB | class::PRON))
        {
            j += 1;
        }
    }
    j
}

/// Where the content of a speaker-first frame starts, after the cue at
/// `cue`: a "that", a quotation, a colon, or a clause after adverbials.
fn complement(c: &Ctx, cue: usize, kind: CueKind) -> Option<Complement> {
    let t = c.t;
    let mut j = cue + 1;
    if kind == CueKind::Tell {
        j = skip_object(c, j);
    }
    let limit = j + 16;
    let mut in_pp = false;
    let weak = t[cue].is(class::WEAK_CUE);
    let infinitive = t[cue].is(class::INFINITIVE);
    while j < t.len() && j < limit {
        let x = &t[j];
        // "posted a photo": an object, not content.
        if weak
            && x.word()
            && !x.quoted
            && !c.lower_is(j, "that")
            && !x.is(class::PRON)
            && !(x.is(class::TIME) || (x.is(class::PREP) && !c.lower_is(j, "to")) || in_pp)
        {
            return None;
        }
        if infinitive && !in_pp && c.lower_is(j, "to") {
            return Some(Complement { start: j, that: false });
        }
        match x.kind {
            Kind::Open => {
                return Some(Complement { start: j, that: false });
            }
            Kind::Colon => {
                j += 1;
                in_pp = false;
            }
            Kind::Comma => {
                // "said, adding" and the like are not content.
                if t.get(j + 1).is_some_and(|n| n.cue().is_some()) {
                    return None;
                }
                if !in_pp && t.get(j + 1).is_some_and(|n| n.kind != Kind::Open) && !c.lower_is(j + 1, "that") {
                    return None;
                }
                j += 1;
            }
            Kind::Word if x.quoted => {
                return Some(Complement { start: j, that: false });
            }
            Kind::Word if c.lower_is(j, "that") => {
                return (j + 1 < t.len()).then_some(Complement { start: j + 1, that: true });
            }
            // "said if S wins, ...": a clause, not a prepositional phrase.
            Kind::Word
                if !in_pp
                    && ["whether", "if", "how", "what", "why", "who", "where"].iter().any(|w| c.lower_is(j, w)) =>
            {
                return Some(Complement { start: j, that: false });
            }
            // "pointed out that", "spelled out".
            Kind::Word if j == cue + 1 && c.lower_is(j, "out") => j += 1,
            Kind::Word if x.is(class::TIME) && !is_possessive(c, j) => {
                // "on Friday" closes a prepositional phrase.
                in_pp = false;
                j += 1;
            }
            Kind::Word if x.is(class::PREP) && !x.cap => {
                in_pp = true;
                j += 1;
            }
            // "said after the meeting he would ...": a subject pronoun ends
            // the prepositional phrase and opens the content.
            Kind::Word
                if in_pp && x.is(class::PRON) && !["who", "which", "that", "it"].iter().any(|w| c.lower_is(j, w)) =>
            {
                return Some(Complement { start: j, that: false });
            }
            Kind::Word if in_pp => j += 1,
            Kind::Word => {
                if ["whether", "if", "how", "what", "why", "who", "where"].iter().any(|w| c.lower_is(j, w)) {
                    return Some(Complement { start: j, that: false });
                }
                // "Everything S says is a lie", "S showed up": no clause.
                if x.is(class::CONJ | class::SUB | class::AUX)
                    || ["up", "out", "off", "down", "back", "away"].iter().any(|w| c.lower_is(j, w))
                {
                    return None;
                }
                // Beliefs and findings take a clause, not an adjective or
                // an object: "S feels stung", "S found a way".
                if kind == CueKind::Belief
                    && !(x.is(class::PRON) || x.cap || (x.is(class::DET) && !is_indefinite(c, j)))
                {
                    return None;
                }
                return Some(Complement { start: j, that: false });
            }
            Kind::Stop | Kind::Semicolon => return None,
            _ => j += 1,
        }
    }
    None
}

/// What follows a content-first cue.
enum Tail {
    /// Nothing but time, place, occasion ("said Thursday in a statement.").
    Adverbial,
    /// `, and ...`: another clause, not the speaker's.
    Clause,
    /// `, S said, C2`: the frame sits inside its content; C2 starts here.
    Parenthetical(usize),
    /// The cue has its own complement: not a content-first frame.
    Content,
}

fn tail_of(c: &Ctx, cue: usize, kind: CueKind) -> Tail {
    let t = c.t;
    if t[cue].is(class::INFINITIVE) && c.lower_is(cue + 1, "to") {
        return Tail::Content;
    }
    let mut j = cue + 1;
    if kind == CueKind::Tell {
        j = skip_object(c, j);
    }
    let mut in_pp = false;
    while j < t.len() {
        let x = &t[j];
        match x.kind {
            Kind::Stop => return Tail::Adverbial,
            Kind::Semicolon => return Tail::Clause,
            Kind::Comma => {
                let Some(n) = t.get(j + 1) else {
                    return Tail::Adverbial;
                };
                if n.kind == Kind::Open {
                    return Tail::Content;
                }
                if n.cue().is_some() {
                    return Tail::Adverbial;
                }
                if n.is(class::CONJ) && !n.cap {
                    return Tail::Clause;
                }
                if n.is(class::SUB | class::PREP | class::TIME) && !c.lower_is(j + 1, "that") {
                    // ", while ...", ", after ..." qualify the saying.
                    return Tail::Adverbial;
                }
                return if n.word() { Tail::Parenthetical(j + 1) } else { Tail::Adverbial };
            }
            Kind::Open | Kind::Colon => return Tail::Content,
            Kind::Word if ["that", "if", "whether", "how", "what", "why"].iter().any(|w| c.lower_is(j, w)) => {
                return Tail::Content;
            }
            Kind::Word if x.is(class::TIME) => {
                in_pp = false;
                j += 1;
            }
            Kind::Word if x.is(class::PREP) && !x.cap => {
                in_pp = true;
                j += 1;
            }
            Kind::Word if in_pp || c.lower_is(j, "then") || x.is(class::AUX) => j += 1,
            Kind::Word => return Tail::Content,
            _ => j += 1,
        }
    }
    Tail::Adverbial
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

/// Whether a cue follows at `j` after auxiliaries ("but also said").
fn coordinated_cue(c: &Ctx, mut j: usize) -> bool {
    let t = c.t;
    while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
        j += 1;
    }
    j < t.len() && matches!(cue_at(c, j), Some(CueKind::Speech | CueKind::Tell | CueKind::Declined))
}

/// How a speaker-first content ends early: a coordinated second frame.
struct Next {
    cue: usize,
    kind: CueKind,
    source: Source,
}

/// End of the first piece of a speaker-first content starting at `s`, and
/// the frame that follows: `... but said that D`, `..., adding that D`,
/// `...; S said D`, `..., and S said D`.
fn coordinated(c: &Ctx, s: usize) -> Option<(usize, Option<Next>)> {
    let t = c.t;
    for k in s..t.len().saturating_sub(1) {
        let x = &t[k];
        if x.quoted {
            continue;
        }
        if x.word() && !x.cap && (c.lower_is(k, "but") || c.lower_is(k, "and")) {
            let mut j = k + 1;
            while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
                j += 1;
            }
            if j < t.len()
                && let Some(kind) = cue_at(c, j)
                && matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Declined)
            {
                let end = if k > 0 && t[k - 1].kind == Kind::Comma { k - 1 } else { k };
                let next = Next { cue: j, kind, source: Source::Previous };
                return Some((end, Some(next)));
            }
        }
        let clause_break =
            x.kind == Kind::Semicolon || (x.kind == Kind::Comma && t[k + 1].is(class::CONJ) && !t[k + 1].cap);
        if clause_break {
            let from = if x.kind == Kind::Comma { k + 2 } else { k + 1 };
            for (j, tj) in t.iter().enumerate().take((from + 12).min(t.len())).skip(from + 1) {
                if tj.quoted || matches!(tj.kind, Kind::Comma | Kind::Stop) {
                    break;
                }
                if let Some(kind) = cue_at(c, j)
                    && matches!(kind, CueKind::Speech | CueKind::Tell)
                    && let Some(source) = subject_before(c, j, |st| st == from)
                {
                    let next = Next { cue: j, kind, source };
                    return Some((k, Some(next)));
                }
            }
        }
        // ", but ...", ", and has ...", "; ..." go on in the writer's voice.
        if x.kind == Kind::Semicolon && !coordinated_cue(c, k + 1) {
            return Some((k, None));
        }
        if x.kind == Kind::Comma
            && t.get(k + 2).is_some_and(|n| !n.quoted)
            && (c.lower_is(k + 1, "but")
                || (c.lower_is(k + 1, "and") && t[k + 2].is(class::AUX | class::SUB) && !c.lower_is(k + 2, "that")))
            && !coordinated_cue(c, k + 2)
        {
            return Some((k, None));
        }
        if x.kind == Kind::Comma && cue_at(c, k + 1) == Some(CueKind::Participle) {
            let next = Next { cue: k + 1, kind: CueKind::Speech, source: Source::Previous };
            return Some((k, Some(next)));
        }
    }
    None
}

/// Frames of a speaker-first content (and any coordinated continuation).
fn speaker_first(c: &Ctx, cue: usize, kind: CueKind, source: Source, limit: usize, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let cue_bytes;
    let (start, that, attribution) = if kind == CueKind::Declined {
        // "declined to say [conclusively] that C": the refusal is the content.
        if !c.lower_is(cue + 1, "to") {
            return false;
        }
        let verb = t.get(cue + 2).map(|v| v.text(c.doc).to_ascii_lowercase()).unwrap_or_default();
        if !matches!(
            verb.as_str(),
            "say"
                | "confirm"
                | "specify"
                | "discuss"
                | "elaborate"
                | "disclose"
                | "reveal"
                | "detail"
                | "identify"
                | "describe"
                | "answer"
                | "speculate"
                | "predict"
                | "deny"
                | "address"
                | "characterize"
                | "estimate"
                | "explain"
        ) {
            return false;
        }
        cue_bytes = c.bytes(cue, cue + 3);
        (cue, false, Attribution::Declined)
    } else {
        let Some(comp) = complement(c, cue, kind) else {
            return false;
        };
        cue_bytes = c.bytes(cue, cue + 1);
        (comp.start, comp.that, Attribution::Indirect)
    };
    let (end, next) = match coordinated(c, start.max(cue + 1)) {
        Some((end, next)) => (end, next),
        None => (t.len(), None),
    };
    let end = end.min(limit);
    let frame = if attribution == Attribution::Declined {
        c.content(start, end).map(|content| Frame {
            attribution,
            content,
            content2: None,
            cue: Some(cue_bytes),
            source,
        })
    } else {
        content_frame(c, start, end, cue_bytes, source, that)
    };
    let Some(frame) = frame else { return false };
    out.push(frame);
    if let Some(n) = next {
        speaker_first(c, n.cue, n.kind, n.source, t.len(), out);
    }
    true
}

/// `according to S`, anywhere in the sentence. The source runs to the next
/// comma or the end; an appositive may follow it.
fn according_to(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(i) = (0..t.len().saturating_sub(2)).find(|&i| {
        // Not `cue()`: "According" opens sentences capitalised.
        t[i].entry.cue == Some(CueKind::According) && !t[i].quoted && c.lower_is(i + 1, "to")
    }) else {
        return false;
    };
    let from = i + 2;
    let stop = (from..t.len())
        .find(|&k| !t[k].quoted && matches!(t[k].kind, Kind::Comma | Kind::Stop | Kind::Semicolon))
        .unwrap_or(t.len());
    if stop == from || stop - from > 24 || !t[from].word() {
        return false;
    }
    let np = issuer(c, from, stop);
    let source = Source::Mention { np, appositive: None };
    let cue = c.bytes(i, i + 2);
    let intro = i == 0 || t[..i].iter().all(|x| x.is(class::CONJ | class::AUX) || x.text(c.doc) == "(");
    let frame = if intro {
        let Some(content) = c.content(stop + 1, t.len()) else {
            return false;
        };
        Frame { attribution: Attribution::AccordingTo, content, content2: None, cue: Some(cue), source }
    } else {
        let Some(content) = c.content(0, i) else {
            return false;
        };
        // Mid-sentence: "The group, according to S, has C2." An appositive
        // after the source ("according to S, a spokeswoman.") is skipped.
        let mid = i > 0 && t[i - 1].kind == Kind::Comma;
        let mut source = source;
        let mut rest = stop + 1;
        if t.get(stop).is_some_and(|x| x.kind == Kind::Comma) && appositive_like(c, stop + 1) {
            let a_end = (stop + 1..t.len()).find(|&k| matches!(t[k].kind, Kind::Comma | Kind::Stop)).unwrap_or(t.len());
            source = Source::Mention { np, appositive: Some((stop + 1, a_end)) };
            rest = a_end + 1;
        }
        let content2 = if mid && t.get(stop).is_some_and(|x| x.kind == Kind::Comma) {
            c.content(rest.min(t.len()), t.len())
        } else {
            None
        };
        Frame { attribution: Attribution::AccordingTo, content, content2, cue: Some(cue), source }
    };
    out.push(frame);
    true
}

/// Nouns for what a source issues: "according to a Pentagon statement",
/// "according to a report by the central bank".
const DOCUMENT_NOUNS: [&str; 24] = [
    "statement",
    "statements",
    "report",
    "reports",
    "release",
    "study",
    "survey",
    "analysis",
    "data",
    "figures",
    "memo",
    "letter",
    "filing",
    "filings",
    "document",
    "documents",
    "estimate",
    "estimates",
    "records",
    "poll",
    "tally",
    "review",
    "audit",
    "transcript",
];

/// The issuer of a source named through a document, as tokens `[from,
/// stop)`: "a report by the central bank" → "the central bank", "a
/// Pentagon statement" → "Pentagon". Before the noun only a name (a
/// capitalised word) is taken for the issuer, so "a recent report" stays
/// as it is; "a survey of 1,000 voters" names no issuer.
fn issuer(c: &Ctx, from: usize, stop: usize) -> (usize, usize) {
    let t = c.t;
    let lower = |k: usize| t[k].text(c.doc).to_ascii_lowercase();
    let named = |s: usize, e: usize| (s..e).any(|k| t[k].word() && t[k].text(c.doc).starts_with(char::is_uppercase));
    let is_document = |k: usize| t[k].word() && DOCUMENT_NOUNS.contains(&lower(k).as_str());
    // "a report by/from X": X wrote it (but not "data from 2019").
    if let Some(k) = (from + 1..stop).find(|&k| c.lower_is(k, "by") || c.lower_is(k, "from"))
        && is_document(k - 1)
        && k + 1 < stop
        && t[k + 1].word()
        && !t[k + 1].text(c.doc).starts_with(|ch: char| ch.is_ascii_digit())
    {
        return (k + 1, stop);
    }
    // "a Pentagon statement", "the ministry's figures"
    let last = stop - 1;
    if stop - from >= 2 && is_document(last) {
        let start = if ["a", "an", "the"].contains(&lower(from).as_str()) { from + 1 } else { from };
        let mut end = last;
        if end > start && matches!(t[end - 1].text(c.doc), "'s" | "’s") {
            end -= 1;
        }
        if start < end && named(start, end) && t[end - 1].word() {
            return (start, end);
        }
    }
    (from, stop)
}

/// Whether the quotation between `open` and `close` reads as a title
/// ("Face the Nation", "A Change Is Gonna Come"): every word capitalised
/// and no closing punctuation inside.
fn is_title(c: &Ctx, open: usize, close: usize) -> bool {
    // "On \"Meet the Press,\" ...": the comma belongs to the sentence.
    let inner = c.doc[c.t[open].end..c.t[close].start].trim_end_matches([',', ' ']);
    let small = ["a", "an", "the", "of", "in", "on", "and", "to", "for", "at", "with"];
    let mut words = 0;
    for w in inner.split_whitespace() {
        words += 1;
        let cap = w.chars().next().is_some_and(char::is_uppercase);
        if !(cap || small.contains(&w)) || w.ends_with(['.', '!', '?', ',']) {
            return false;
        }
    }
    words >= 2
}

/// Whether tokens `[0, e)` are only an introductory phrase ("In a letter
/// to the board", "Asked about the plan", "Though he had doubts"), not a
/// clause that could be reported content.
fn intro_only(c: &Ctx, e: usize) -> bool {
    let t = c.t;
    let words: usize = t[..e]
        .iter()
        .filter(|x| x.word())
        .map(|x| if x.quoted { x.text(c.doc).split_whitespace().count() } else { 1 })
        .sum();
    // Too short to be a claim ("Soon after").
    if words < 3 {
        return true;
    }
    // Every comma-separated piece opens like an adverbial: "Friday
    // morning, as the parade rolled by".
    let mut piece_start = 0;
    for k in 0..=e {
        if k < e && t[k].kind != Kind::Comma {
            continue;
        }
        let Some(first) = (piece_start..k).find(|&i| !t[i].is(class::CONJ)) else {
            piece_start = k + 1;
            continue;
        };
        let x = &t[first];
        let w = x.text(c.doc);
        let lower = w.to_ascii_lowercase();
        let intro_word = x.is(class::PREP | class::SUB)
            || (x.is(class::TIME) && !x.is(class::DET))
            || (x.cap && x.word() && (lower.ends_with("ing") || lower.ends_with("ed")))
            || lower.ends_with("ly")
            || lower == "just"
            || lower == "soon";
        if !intro_word {
            return false;
        }
        piece_start = k + 1;
    }
    true
}

fn is_relative(c: &Ctx, np: (usize, usize)) -> bool {
    np.1 == np.0 + 1 && (c.lower_is(np.0, "who") || c.lower_is(np.0, "which"))
}

/// The closing mark of a quotation that ends right before token `s`.
fn quote_before(c: &Ctx, s: usize) -> Option<usize> {
    let t = c.t;
    match (s.checked_sub(1).map(|i| t[i].kind), s.checked_sub(2).map(|i| t[i].kind)) {
        (Some(Kind::Close), _) => Some(s - 1),
        (Some(Kind::Comma), Some(Kind::Close)) => Some(s - 2),
        _ => None,
    }
}

/// Content-first frames: the cue and source close the sentence.
fn content_first(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    for cue in (1..t.len()).rev() {
        let Some(kind) = cue_at(c, cue) else { continue };
        if !matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Belief) {
            continue;
        }
        let cue_bytes = c.bytes(cue, cue + 1);
        // `"Q," S said ...`: the quotation is S's whatever follows.
        if let Some(source @ Source::Mention { np, .. }) = subject_before(c, cue, |s| quote_before(c, s).is_some())
            && !is_relative(c, np)
            && kind != CueKind::Belief
        {
            let close = quote_before(c, np.0).unwrap_or(0);
            // A title before the speaker ("On \"Face the Nation,\" Ann Roe
            // said the ...") is no quotation of theirs.
            if let Some(open) = c.open_of(close)
                && !is_title(c, open, close)
                && let Some(content) = c.inside_quote(open, close)
            {
                out.push(Frame {
                    attribution: Attribution::Direct,
                    content,
                    content2: None,
                    cue: Some(cue_bytes),
                    source,
                });
                split_quote_tail(c, cue + 1, cue_bytes, out);
                return true;
            }
        }
        // `C, S said [when/where].`
        if let Some(source @ Source::Mention { np, .. }) =
            subject_before(c, cue, |s| s > 1 && matches!(t[s - 1].kind, Kind::Comma | Kind::Dash))
            && !is_relative(c, np)
        {
            let tail = tail_of(c, cue, kind);
            if !matches!(tail, Tail::Parenthetical(_)) && intro_only(c, np.0 - 1) {
                continue;
            }
            let content2 = match tail {
                Tail::Adverbial | Tail::Clause => None,
                Tail::Parenthetical(j) if t[0].kind != Kind::Open => c.content(j, t.len()),
                _ => continue,
            };
            if let Some(mut f) = content_frame(c, 0, np.0 - 1, cue_bytes, source, false) {
                f.content2 = content2;
                out.push(f);
                return true;
            }
            // "Still, he said, C": only a connective before the frame.
            if let Tail::Parenthetical(j) = tail
                && let Some(f) = content_frame(c, j, t.len(), cue_bytes, source, false)
            {
                out.push(f);
                return true;
            }
        }
        // `C, said S`
        if matches!(kind, CueKind::Speech | CueKind::Tell)
            && matches!(t[cue - 1].kind, Kind::Comma | Kind::Close)
            && let Some((s, e)) = np_forward(c, cue + 1, false)
            && !t[s].is(class::PRON)
        {
            let Some(appositive) = inverted_tail(c, e) else {
                continue;
            };
            let ce = quote_before(c, cue).map_or(cue - 1, |cl| cl + 1);
            let source = Source::Mention { np: (s, e), appositive };
            if let Some(f) = content_frame(c, 0, ce, cue_bytes, source, false) {
                out.push(f);
                let after = appositive.map_or(e, |a| a.1);
                split_quote_tail(c, after, cue_bytes, out);
                return true;
            }
        }
    }
    false
}

/// After `said S`: the sentence must end, or go on with an appositive
/// (`, the company's founder.`) or a quotation. Some(appositive) if fine.
fn inverted_tail(c: &Ctx, e: usize) -> Option<Option<(usize, usize)>> {
    let t = c.t;
    let mut e = e;
    // "said Sen. Ann Roe (D-Ore.)".
    if t.get(e).is_some_and(|x| x.text(c.doc) == "(") {
        e = (e..t.len().min(e + 10)).find(|&i| t[i].text(c.doc) == ")")? + 1;
    }
    // "said Ann Roe at the time", "said Ann Roe on Tuesday".
    if t.get(e).is_some_and(|x| x.is(class::PREP | class::TIME) && !x.cap) {
        e = (e..t.len()).find(|&i| matches!(t[i].kind, Kind::Comma | Kind::Stop | Kind::Open)).unwrap_or(t.len());
    }
    match t.get(e).map(|x| x.kind) {
        None | Some(Kind::Stop) => Some(None),
        Some(Kind::Comma) => {
            let n = t.get(e + 1)?;
            if n.kind == Kind::Open || n.cue() == Some(CueKind::Participle) {
                return Some(None);
            }
            let stop = (e + 1..t.len())
                .find(|&i| matches!(t[i].kind, Kind::Comma | Kind::Stop | Kind::Open))
                .unwrap_or(t.len());
            if stop <= e + 1 {
                return None;
            }
            // An appositive: lowercase ("the mayor"), or anything that runs
            // to the end of the sentence ("President Obama's adviser.").
            let to_end = (stop..t.len()).all(|i| matches!(t[i].kind, Kind::Stop | Kind::Close))
                && stop - e <= 25
                && !t[e + 1..stop].iter().any(|x| x.cue().is_some());
            if appositive_like(c, e + 1) || to_end {
                return Some(Some((e + 1, stop)));
            }
            // A chain of appositives to the end: "said Ann Roe, Democrat of
            // Ohio, who ...".
            let rest_clean = !t[e + 1..].iter().any(|x| x.kind == Kind::Open || x.cue().is_some()) && t.len() - e <= 40;
            rest_clean.then_some(Some((e + 1, stop)))
        }
        _ => None,
    }
}

/// `"Q," S said, "R."`: the second quotation after the frame. A first piece
/// too short to stand alone ("That," he added, "...") is joined to it.
fn split_quote_tail(c: &Ctx, from: usize, cue: (usize, usize), out: &mut Vec<Frame>) {
    let t = c.t;
    let mut j = from;
    while j < t.len() && t[j].kind != Kind::Open {
        if t[j].kind == Kind::Stop {
            return;
        }
        j += 1;
    }
    if j >= t.len() || (t[j - 1].kind != Kind::Comma && t[j - 1].kind != Kind::Colon) {
        return;
    }
    let close = c.close_of(j).unwrap_or(t.len());
    let content =
        if close < t.len() { c.inside_quote(j, close) } else { (j + 1 < t.len()).then(|| c.bytes(j + 1, t.len())) };
    let Some(content) = content else { return };
    if let Some(prev) = out.last_mut()
        && c.doc[prev.content.0..prev.content.1].split_whitespace().count() < 4
        && prev.content2.is_none()
    {
        prev.content2 = Some(content);
        return;
    }
    out.push(Frame {
        attribution: Attribution::Direct,
        content,
        content2: None,
        cue: Some(cue),
        source: Source::Previous,
    });
}

/// `Said S: "Q"` — the cue opens the sentence.
fn cue_first(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let x = &t[0];
    if !(x.word() && x.cap && matches!(x.entry.cue, Some(CueKind::Speech | CueKind::Tell))) {
        return false;
    }
    let Some((s, e)) = np_forward(c, 1, false) else {
        return false;
    };
    if !t.get(e).is_some_and(|x| matches!(x.kind, Kind::Colon | Kind::Comma)) {
        return false;
    }
    let source = Source::Mention { np: (s, e), appositive: None };
    match content_frame(c, e + 1, t.len(), c.bytes(0, 1), source, false) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// `S did X, saying C`: the participle reports what the clause's subject
/// said.
fn participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // ", saying C", "by saying C".
    let Some(k) = (1..t.len()).find(|&k| {
        !t[k].quoted
            && cue_at(c, k) == Some(CueKind::Participle)
            && (t[k - 1].kind == Kind::Comma || c.lower_is(k - 1, "by"))
    }) else {
        return false;
    };
    let mut start = t.iter().position(|x| !x.is(class::CONJ)).unwrap_or(0);
    // "Meanwhile, it attacked S, saying ...": past a short introduction.
    if let Some(comma) = (start..k.min(start + 6)).find(|&i| t[i].kind == Kind::Comma)
        && comma + 1 < k
        && t[start..comma].iter().all(|x| x.word())
    {
        start = comma + 1;
    }
    let Some((s, e)) = np_forward(c, start, true) else {
        return false;
    };
    // The subject must be followed by its verb, not by more phrase.
    if e >= k || !t[e].word() || t[e].is(class::PREP | class::SUB | class::CONJ) {
        return false;
    }
    let Some(comp) = complement(c, k, CueKind::Speech) else {
        return false;
    };
    let source = Source::Mention { np: (s, e), appositive: None };
    match content_frame(c, comp.start, t.len(), c.bytes(k, k + 1), source, comp.that) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// `S shook her head and said C`: a cue after "and" with no subject of its
/// own shares the subject that opens the sentence.
fn shared_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    if j < 2 || !(c.lower_is(j - 1, "and") || c.lower_is(j - 1, "but")) {
        return None;
    }
    let start = t.iter().position(|x| !x.is(class::CONJ))?;
    let (s, e) = np_forward(c, start, false)?;
    // The subject is followed by its own verb phrase, which the cue joins.
    if e >= j - 1
        || !t[e].word()
        || t[e].is(class::PREP | class::SUB | class::CONJ)
        || t[s].is(class::PRON) && s + 1 != e
    {
        return None;
    }
    Some(Source::Mention { np: (s, e), appositive: None })
}

/// Find the frames of one sentence.
pub fn find(doc: &str, t: &[Token], out: &mut Vec<Frame>) -> Outcome {
    out.clear();
    let c = Ctx { doc, t };
    // Most sentences have neither a cue nor a quotation: nothing to find.
    if !t.iter().any(|x| (x.entry.cue.is_some() && !x.quoted) || x.kind == Kind::Open) {
        return Outcome::None;
    }
    if according_to(&c, out) || content_first(&c, out) || cue_first(&c, out) {
        return Outcome::Framed;
    }
    for cue in 0..t.len() {
        let Some(kind) = cue_at(&c, cue) else {
            continue;
        };
        if kind == CueKind::According || (kind == CueKind::Participle && !(cue > 0 && t[cue - 1].is(class::AUX))) {
            continue;
        }
        let Some(source @ Source::Mention { np, .. }) = subject_before(&c, cue, |s| {
            starts_clause(&c, s)
                || (s > 0 && t[s - 1].is(class::SUB) && !t[s - 1].cap && !c.lower_is(s - 1, "that"))
                || (s > 1 && is_relative(&c, (s, s + 1)) && t[s - 1].kind == Kind::Comma)
        })
        .or_else(|| shared_subject(&c, cue)) else {
            continue;
        };
        // "..., Ann Roe, who said C": the antecedent speaks.
        let source = if is_relative(&c, np) {
            let Some(ante) = (np.0 > 0 && t[np.0 - 1].kind == Kind::Comma).then(|| np_back(&c, np.0 - 1)).flatten()
            else {
                continue;
            };
            if t[ante.0].is(class::PRON) {
                continue;
            }
            Source::Mention { np: ante, appositive: None }
        } else {
            source
        };
        if kind == CueKind::Belief
            && !c.lower_is(cue + 1, "that")
            && !t[np.0..np.1].iter().any(|x| x.is(class::PRON) || x.cap)
        {
            continue;
        }
        // The writer's own "I think", "we know" are not reports.
        if kind == CueKind::Belief && np.1 == np.0 + 1 && ["i", "we", "you"].iter().any(|w| c.lower_is(np.0, w)) {
            continue;
        }
        // A passive ("the decision is expected to ...") reports no one; a
        // progressive ("has been saying") does.
        let participle = t[cue].text(c.doc);
        let passive_form =
            participle.ends_with("ed") || ["said", "told", "thought", "known", "shown", "found"].contains(&participle);
        if passive_form
            && t[np.1..cue].iter().any(|x| {
                ["is", "was", "are", "were", "be", "been", "being"]
                    .iter()
                    .any(|w| x.text(c.doc).eq_ignore_ascii_case(w))
            })
        {
            continue;
        }
        // In a subordinate clause the content ends at the clause's comma.
        let limit = if np.0 > 0 && t[np.0 - 1].is(class::SUB) && !is_relative(&c, np) {
            (cue..t.len()).find(|&k| t[k].kind == Kind::Comma && !t[k].quoted).unwrap_or(t.len())
        } else {
            t.len()
        };
        if speaker_first(&c, cue, kind, source, limit, out) {
            // "While S said C, T noted D": the main clause may report too.
            if limit < t.len() {
                for cue2 in limit + 1..t.len() {
                    if let Some(kind2 @ (CueKind::Speech | CueKind::Tell | CueKind::Belief)) = cue_at(&c, cue2)
                        && let Some(source2) = subject_before(&c, cue2, |s| s == limit + 1)
                    {
                        speaker_first(&c, cue2, kind2, source2, t.len(), out);
                        break;
                    }
                }
            }
            return Outcome::Framed;
        }
        // `S said:` closing the sentence introduces what follows.
        if kind != CueKind::Belief
            && (cue + 1..t.len()).all(|j| !t[j].word())
            && t[cue + 1..].iter().any(|x| x.kind == Kind::Colon)
        {
            return Outcome::Introduces { np: c.bytes(np.0, np.1), cue: c.bytes(cue, cue + 1) };
        }
    }
    if participle(&c, out) {
        return Outcome::Framed;
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
