//! Attribution frames of one sentence: where the cue, the source mention and
//! the content lie.
//!
//! Patterns, tried outermost first so that a report inside reported content
//! is never taken for the frame ("X had told police that ..., the source
//! added" belongs to the source):
//! 1. `according to S` at the start, middle or end;
//! 2. content first: `C, S said [when/where].`, `C, said S.`, `"Q," S said`,
//!    with `"Q," S said, "R."` giving two pieces;
//! 3. speaker first: `S said [that] C`, `S told R that C`, `S said: "Q"`,
//!    `S declined to say that C but said that D`;
//! 4. a sentence that is all quotation: it continues the last speaker.
//!
//! Only unquoted cues count, so a cue inside a quotation never frames it.

use super::cues::{CueKind, class};
use super::model::Attribution;
use super::tokens::{Kind, Token};

/// Who a frame's content belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// A mention in this sentence: token range and an appositive range.
    Mention {
        np: (usize, usize),
        appositive: Option<(usize, usize)>,
    },
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
    Introduces {
        np: (usize, usize),
        cue: (usize, usize),
    },
    /// No frame.
    None,
}

struct Ctx<'a> {
    doc: &'a str,
    t: &'a [Token],
}

impl Ctx<'_> {
    fn lower_is(&self, i: usize, w: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.word() && t.text(self.doc).eq_ignore_ascii_case(w))
    }

    /// Byte range of the mention in token range `[s, e)`.
    fn bytes(&self, s: usize, e: usize) -> (usize, usize) {
        (self.t[s].start, self.t[e - 1].end)
    }

    /// Content bytes of tokens `[s, e)`, without final stops after a word.
    fn content(&self, s: usize, mut e: usize) -> Option<(usize, usize)> {
        while e > s
            && matches!(
                self.t[e - 1].kind,
                Kind::Stop | Kind::Comma | Kind::Colon | Kind::Dash | Kind::Semicolon
            )
        {
            e -= 1;
        }
        let words = self.t[s..e].iter().filter(|t| t.word()).count();
        (words >= 2).then(|| self.bytes(s, e))
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

/// Noun phrase ending just before token `end`: `[start, end)`.
fn np_back(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = end;
    // A parenthetical after a name: "Sen. Ann Roe (D-Ore.) said".
    if e > 0 && t[e - 1].text(c.doc) == ")" {
        let open = (e.saturating_sub(10)..e - 1)
            .rev()
            .find(|&i| t[i].text(c.doc) == "(")?;
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
        return Some((e - 1, e));
    }
    let head_ok = (head.cap && !is_function(head) && head.cue().is_none())
        || head.is(class::ANON | class::GROUP);
    if !head_ok {
        return postmodified(c, e);
    }
    let mut s = e - 1;
    let mut lower_mods = 0;
    while s > 0 && e - s < 10 {
        let p = &t[s - 1];
        if !p.word() || p.quoted {
            break;
        }
        if p.is(class::DET) {
            s -= 1;
            break;
        }
        let starts_digit = p.text(c.doc).starts_with(|ch: char| ch.is_ascii_digit());
        if starts_digit {
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
        if is_function(p) || p.entry.cue.is_some() || lower_mods >= 3 {
            break;
        }
        lower_mods += 1;
        s -= 1;
    }
    // Never start on a lowercase modifier that follows a break: "is senior
    // official" would be odd, but "senior administration official" is fine.
    Some((s, e))
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
        if matches!(
            w,
            "familiar" | "close" | "briefed" | "knowledgeable" | "involved" | "with"
        ) && k > 0
            && t[k - 1].is(class::ANON)
        {
            let (s, _) = np_back(c, k)?;
            return Some((s, end));
        }
    }
    None
}

/// Noun phrase starting at token `start`: `[start, end)`.
fn np_forward(c: &Ctx, start: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = start;
    if t.get(e).is_some_and(|x| x.is(class::DET)) {
        e += 1;
    }
    let mut lower_mods = 0;
    while e < t.len() && e - start < 10 {
        let x = &t[e];
        if !x.word() || x.quoted {
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
    // Drop trailing lowercase words that cannot be heads.
    while e > start {
        let h = &t[e - 1];
        if h.cap || h.is(class::ANON | class::GROUP) {
            break;
        }
        e -= 1;
    }
    if e == start || (e == start + 1 && t[start].is(class::DET)) {
        return None;
    }
    // "people familiar with the matter".
    if t[e - 1].is(class::ANON)
        && t.get(e).is_some_and(|x| {
            x.word()
                && matches!(
                    x.text(c.doc),
                    "familiar" | "close" | "briefed" | "with" | "who"
                )
        })
    {
        while e < t.len() && t[e].word() && e - start < 14 {
            e += 1;
        }
    }
    Some((start, e))
}

/// A subject noun phrase before the cue at `cue`, skipping auxiliaries and
/// an appositive (`S, head of C, said`).
fn subject_before(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let mut j = cue;
    while j > 0 && t[j - 1].is(class::AUX) && !t[j - 1].cap {
        j -= 1;
    }
    if j == 0 {
        return None;
    }
    if t[j - 1].kind == Kind::Comma {
        let lo = j.saturating_sub(18);
        let k = (lo..j - 1).rev().find(|&k| {
            matches!(
                t[k].kind,
                Kind::Comma | Kind::Stop | Kind::Open | Kind::Close
            )
        })?;
        if t[k].kind != Kind::Comma || k + 1 >= j - 1 {
            return None;
        }
        let first = &t[k + 1];
        let appositive_like = first.word()
            && !first.quoted
            && (!first.cap || first.is(class::DET))
            && !first.is(class::PRON | class::CONJ)
            && first.cue().is_none();
        if !appositive_like {
            return None;
        }
        let np = np_back(c, k)?;
        if t[np.0].is(class::PRON) {
            return None;
        }
        return Some(Source::Mention {
            np,
            appositive: Some((k + 1, j - 1)),
        });
    }
    let np = np_back(c, j)?;
    Some(Source::Mention {
        np,
        appositive: None,
    })
}

/// Whether a subject starting at token `s` opens its clause: sentence start,
/// after a conjunction, or after an introductory phrase and a comma.
fn starts_clause(c: &Ctx, s: usize) -> bool {
    let t = c.t;
    if s == 0 {
        return true;
    }
    if t[..s]
        .iter()
        .all(|x| x.word() && x.is(class::CONJ | class::AUX))
    {
        return true;
    }
    if t[s - 1].kind != Kind::Comma {
        return false;
    }
    let intro = &t[..s - 1];
    if intro
        .iter()
        .any(|x| matches!(x.kind, Kind::Open | Kind::Close | Kind::Stop))
    {
        return false;
    }
    let Some(first) = intro.first() else {
        return false;
    };
    let fw = first.text(c.doc);
    let lower = fw.to_ascii_lowercase();
    intro.len() <= 4
        || first.is(class::PREP | class::SUB | class::AUX | class::CONJ | class::TIME)
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
            && t.get(j).is_some_and(|y| {
                y.word() && !y.quoted && !y.is(class::DET | class::PREP | class::SUB | class::PRON)
            })
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
    while j < t.len() && j < limit {
        let x = &t[j];
        match x.kind {
            Kind::Open => {
                return Some(Complement {
                    start: j,
                    that: false,
                });
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
                if !in_pp && t.get(j + 1).is_some_and(|n| n.kind != Kind::Open) {
                    return None;
                }
                j += 1;
            }
            Kind::Word if x.quoted => {
                return Some(Complement {
                    start: j,
                    that: false,
                });
            }
            Kind::Word if c.lower_is(j, "that") => {
                return (j + 1 < t.len()).then_some(Complement {
                    start: j + 1,
                    that: true,
                });
            }
            Kind::Word if x.is(class::TIME) && !x.cap || is_weekday(c, j) => j += 1,
            Kind::Word if x.is(class::PREP) && !x.cap => {
                in_pp = true;
                j += 1;
            }
            Kind::Word if in_pp => j += 1,
            Kind::Word => {
                if kind == CueKind::Tell || x.is(class::SUB) {
                    // "asked whether ...", "told them to" (skip_object ran).
                    if c.lower_is(j, "whether") || c.lower_is(j, "if") {
                        return Some(Complement {
                            start: j,
                            that: false,
                        });
                    }
                }
                if x.is(class::CONJ) || x.is(class::SUB) {
                    return None;
                }
                return Some(Complement {
                    start: j,
                    that: false,
                });
            }
            Kind::Stop | Kind::Semicolon => return None,
            _ => j += 1,
        }
    }
    None
}

fn is_weekday(c: &Ctx, j: usize) -> bool {
    let x = &c.t[j];
    x.cap && x.is(class::TIME) && !x.text(c.doc).contains(['\'', '\u{2019}'])
}

/// Whether the tokens from `j` to the end are only a frame's trimmings:
/// time, place, occasion ("said Thursday in a statement.").
fn tail_is_adverbial(c: &Ctx, cue: usize, kind: CueKind) -> bool {
    let t = c.t;
    let j = cue + 1;
    let Some(x) = t.get(j) else { return true };
    match x.kind {
        Kind::Stop => return true,
        Kind::Comma => {
            return t.get(j + 1).is_none_or(|n| {
                n.kind == Kind::Open
                    || n.cue() == Some(CueKind::Participle)
                    || n.is(class::SUB | class::PREP | class::TIME)
            });
        }
        _ => {}
    }
    if complement(c, cue, kind).is_some() {
        return false;
    }
    !t[j..].iter().any(|x| x.kind == Kind::Open)
}

fn attribution_of(c: &Ctx, s: usize, e: usize) -> Attribution {
    // Direct when the content is one quotation, marks at both ends.
    let t = c.t;
    let mut e = e;
    while e > s && matches!(t[e - 1].kind, Kind::Stop | Kind::Comma) {
        e -= 1;
    }
    if t[s].kind == Kind::Open && c.close_of(s) == Some(e - 1) {
        Attribution::Direct
    } else {
        Attribution::Indirect
    }
}

/// Frame for content in tokens `[s, e)`: direct content loses its marks.
fn content_frame(
    c: &Ctx,
    s: usize,
    e: usize,
    cue: (usize, usize),
    source: Source,
    that: bool,
) -> Option<Frame> {
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
    Some(Frame {
        attribution,
        content,
        content2: None,
        cue: Some(cue),
        source,
    })
}

/// End of the first piece of a speaker-first content starting at `s`: a
/// coordinated second frame (`... but said that D`, `..., adding that D`)
/// starts a new piece.
fn coordinated(c: &Ctx, s: usize) -> Option<(usize, usize, CueKind)> {
    let t = c.t;
    let mut k = s;
    while k + 1 < t.len() {
        let x = &t[k];
        if !x.quoted
            && x.word()
            && x.is(class::CONJ)
            && !x.cap
            && (c.lower_is(k, "but") || c.lower_is(k, "and"))
        {
            let mut j = k + 1;
            while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
                j += 1;
            }
            if let Some(kind) = t.get(j).and_then(Token::cue)
                && matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Declined)
            {
                let end = if k > 0 && t[k - 1].kind == Kind::Comma {
                    k - 1
                } else {
                    k
                };
                return Some((end, j, kind));
            }
        }
        if x.kind == Kind::Comma && t.get(k + 1).and_then(Token::cue) == Some(CueKind::Participle) {
            return Some((k, k + 1, CueKind::Speech));
        }
        k += 1;
    }
    None
}

/// Frames of a speaker-first content (and any coordinated continuation).
fn speaker_first(c: &Ctx, cue: usize, kind: CueKind, source: Source, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let cue_bytes;
    let (start, that, attribution) = if kind == CueKind::Declined {
        // "declined to say [conclusively] that C": the refusal is the content.
        if !c.lower_is(cue + 1, "to") {
            return false;
        }
        let verb = t
            .get(cue + 2)
            .map(|v| v.text(c.doc).to_ascii_lowercase())
            .unwrap_or_default();
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
                | "rule"
                | "speculate"
                | "predict"
                | "deny"
                | "address"
                | "characterize"
                | "estimate"
                | "provide"
                | "name"
                | "explain"
                | "endorse"
                | "commit"
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
        Some((end, j, k)) => (end, Some((j, k))),
        None => (t.len(), None),
    };
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
    if let Some((j, k)) = next {
        speaker_first(c, j, k, Source::Previous, out);
    }
    true
}

/// `according to S`, anywhere in the sentence.
fn according_to(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(i) = (0..t.len().saturating_sub(2)).find(|&i| {
        // Not `cue()`: "According" opens sentences capitalised.
        t[i].entry.cue == Some(CueKind::According) && !t[i].quoted && c.lower_is(i + 1, "to")
    }) else {
        return false;
    };
    let Some((s, e)) = np_forward(c, i + 2) else {
        return false;
    };
    let source = Source::Mention {
        np: (s, e),
        appositive: None,
    };
    let cue = c.bytes(i, i + 2);
    let before_is_intro = i == 0 || t[..i].iter().all(|x| x.is(class::CONJ | class::AUX));
    // Skip an appositive after the source: "according to Ann Roe, a
    // spokeswoman, ...".
    let mut after = e;
    if t.get(after).is_some_and(|x| x.kind == Kind::Comma) {
        after += 1;
    }
    let frame = if before_is_intro {
        let Some(content) = c.content(after, t.len()) else {
            return false;
        };
        Frame {
            attribution: Attribution::AccordingTo,
            content,
            content2: None,
            cue: Some(cue),
            source,
        }
    } else {
        let Some(content) = c.content(0, i) else {
            return false;
        };
        let content2 = if e < t.len() && t[e].kind == Kind::Comma {
            c.content(after, t.len())
        } else {
            None
        };
        Frame {
            attribution: Attribution::AccordingTo,
            content,
            content2,
            cue: Some(cue),
            source,
        }
    };
    out.push(frame);
    true
}

/// Content-first frames: the cue and source close the sentence.
fn content_first(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    for cue in (1..t.len()).rev() {
        let Some(kind) = t[cue].cue() else { continue };
        if !matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Belief) {
            continue;
        }
        let cue_bytes = c.bytes(cue, cue + 1);
        // `C, S said ...`
        if let Some(source @ Source::Mention { np, .. }) = subject_before(c, cue)
            && np.0 > 0
            && matches!(t[np.0 - 1].kind, Kind::Comma | Kind::Close | Kind::Dash)
            && tail_is_adverbial(c, cue, kind)
        {
            let mut e = np.0;
            if t[e - 1].kind != Kind::Close {
                e -= 1;
            }
            if let Some(f) = content_frame(c, 0, e, cue_bytes, source, false) {
                out.push(f);
                split_quote_tail(c, cue + 1, cue_bytes, out);
                return true;
            }
        }
        // `C, said S`
        if matches!(kind, CueKind::Speech | CueKind::Tell)
            && matches!(t[cue - 1].kind, Kind::Comma | Kind::Close)
            && let Some((s, e)) = np_forward(c, cue + 1)
        {
            let appositive = inverted_tail(c, e);
            let Some(appositive) = appositive else {
                continue;
            };
            let mut ce = cue;
            if t[ce - 1].kind != Kind::Close {
                ce -= 1;
            }
            let source = Source::Mention {
                np: (s, e),
                appositive,
            };
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
    match t.get(e).map(|x| x.kind) {
        None | Some(Kind::Stop) => Some(None),
        Some(Kind::Comma) => {
            let n = t.get(e + 1)?;
            if n.kind == Kind::Open {
                return Some(None);
            }
            let stop = (e + 1..t.len())
                .find(|&i| matches!(t[i].kind, Kind::Comma | Kind::Stop | Kind::Open))
                .unwrap_or(t.len());
            if n.word() && (!n.cap || n.is(class::DET)) && stop > e + 1 {
                let ok = t.get(stop).is_none_or(|x| x.kind == Kind::Stop)
                    || t.get(stop + 1).is_some_and(|x| x.kind == Kind::Open);
                return ok.then_some(Some((e + 1, stop)));
            }
            None
        }
        _ => None,
    }
}

/// `"Q," S said, "R."`: the second quotation after the frame.
fn split_quote_tail(c: &Ctx, from: usize, cue: (usize, usize), out: &mut Vec<Frame>) {
    let t = c.t;
    let mut j = from;
    while j < t.len() && t[j].kind != Kind::Open {
        if t[j].kind == Kind::Stop {
            return;
        }
        j += 1;
    }
    if j >= t.len() || t[j - 1].kind != Kind::Comma && t[j - 1].kind != Kind::Colon {
        return;
    }
    let close = c.close_of(j).unwrap_or(t.len());
    let content = if close < t.len() {
        c.inside_quote(j, close)
    } else {
        (j + 1 < t.len()).then(|| c.bytes(j + 1, t.len()))
    };
    if let Some(content) = content {
        out.push(Frame {
            attribution: Attribution::Direct,
            content,
            content2: None,
            cue: Some(cue),
            source: Source::Previous,
        });
    }
}

/// Find the frames of one sentence.
pub fn find(doc: &str, t: &[Token], out: &mut Vec<Frame>) -> Outcome {
    out.clear();
    let c = Ctx { doc, t };
    if t.is_empty() {
        return Outcome::None;
    }
    if according_to(&c, out) || content_first(&c, out) {
        return Outcome::Framed;
    }
    for cue in 0..t.len() {
        let Some(kind) = t[cue].cue() else { continue };
        if matches!(kind, CueKind::According | CueKind::Participle) {
            continue;
        }
        let Some(source @ Source::Mention { np, .. }) = subject_before(&c, cue) else {
            continue;
        };
        if !starts_clause(&c, np.0) {
            continue;
        }
        if kind == CueKind::Belief
            && !c.lower_is(cue + 1, "that")
            && !t[np.0..np.1].iter().any(|x| x.is(class::PRON) || x.cap)
        {
            continue;
        }
        if speaker_first(&c, cue, kind, source, out) {
            return Outcome::Framed;
        }
        // `S said:` closing the sentence introduces what follows.
        if kind != CueKind::Belief
            && (cue + 1..t.len()).all(|j| !t[j].word())
            && t[cue + 1..].iter().any(|x| x.kind == Kind::Colon)
        {
            return Outcome::Introduces {
                np: c.bytes(np.0, np.1),
                cue: c.bytes(cue, cue + 1),
            };
        }
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
