//! `As S said, C` frames: an `as` clause that names who said what the
//! main clause states ("As the senator said, C", "As one aide told the
//! paper, \"Q\"", "Yet, as S observed, C", "C0, and as S noted, C", "As S
//! put it, C"), the passive forms ("As reported by S, C", "As stated in
//! S's commentary, C"), and the same clause closing the sentence ("C, as
//! police have said.", "C, as one voter put it.").
//!
//! The `as` clause must be only a subject, a cue and adverbials: "As Roe
//! said he would, he ..." (a promise kept) and "As Roe said that C, D"
//! are other constructions and are left alone.

use super::phrases::{is_adverb, np_back, np_forward, skip_aux_back, skip_object};
use super::{Ctx, Frame, Mark, Source, content_frame, cue_at, is_function};
use crate::extract::cues::{CueKind, class};
use crate::extract::tokens::Kind;

/// `As S said, C`.
pub(super) fn as_said(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // Both forms need the word "as": most sentences have none, and skip
    // the searches for its clause.
    if !c.has(Mark::As) {
        return false;
    }
    if as_said_after(c, out) {
        return true;
    }
    let Some(mut first) = t.iter().position(|x| !x.is(class::CONJ)) else {
        return false;
    };
    // "Yet, as S observed, C": past the connective's comma.
    if t[first].kind == Kind::Comma && first > 0 {
        first += 1;
    }
    // "Of course, as S observed, C": past a short opening phrase.
    if !c.lower_is(first, "as")
        && let Some(comma) = (first + 1..t.len().min(first + 5)).find(|&k| t[k].kind == Kind::Comma)
        && t[first..comma].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
        // ("The plan, as one voter said, is a mess": a subject, not an
        // opening phrase; what it reports is not one stretch of text.)
        && !t[first].is(class::DET | class::PRON | class::ROLE)
        && !t[first + 1..comma].iter().any(|x| x.cap)
    {
        first = comma + 1;
    }
    // "C0, and as S noted, C": a second clause opening with the frame.
    if !c.lower_is(first, "as")
        && let Some(k) = (2..t.len()).find(|&k| {
            // (The comma first: this looks through every sentence.)
            t[k - 2].kind == Kind::Comma
                && c.lower_is(k, "as")
                && !t[k].quoted
                && (c.lower_is(k - 1, "and") || c.lower_is(k - 1, "but"))
        })
    {
        first = k;
    }
    if !c.lower_is(first, "as") || t.get(first + 1).is_none_or(|x| x.quoted) {
        return false;
    }
    // "As reported by S, C", "As stated in S's commentary, C".
    if ["reported", "stated", "noted", "written"].iter().any(|w| c.lower_is(first + 1, w))
        && (c.lower_is(first + 2, "by") || c.lower_is(first + 2, "in"))
    {
        return reported_by(c, first, out);
    }
    // The cue: a verb of saying or telling.
    let Some((cue, cue_end, kind)) = (first + 2..t.len().min(first + 16)).find_map(|k| {
        if t[k].quoted || !t[k].word() {
            return None;
        }
        // "As Soviet states and neighbours, ...": a noun-like cue after a
        // name is a noun here; after a pronoun it is the verb.
        if t[k].is(class::NOUNLIKE_CUE) && !t[k - 1].is(class::PRON) {
            return None;
        }
        if put_it(c, k) {
            return Some((k, k + 2, CueKind::Speech));
        }
        match cue_at(c, k) {
            Some(kind @ (CueKind::Speech | CueKind::Tell)) => Some((k, k + 1, kind)),
            _ => None,
        }
    }) else {
        return false;
    };
    // The subject fills the clause between "as" and the cue.
    let Some(np) = np_back(c, skip_aux_back(c, cue)) else {
        return false;
    };
    if np.0 != first + 1 || is_function(&t[np.0]) && !t[np.0].is(class::PRON) {
        return false;
    }
    // After the cue only a listener and adverbials ("in a statement", "on
    // Tuesday") before the comma that ends the clause.
    let mut j = if kind == CueKind::Tell { skip_object(c, cue_end) } else { cue_end };
    while j < t.len() && t[j].word() && !t[j].quoted {
        let x = &t[j];
        // ("As the paper reported just today, C": an adverb is no verb;
        // "pointed out with a telling chart": a cue word after an article
        // is none either.)
        if x.is(class::SUB | class::PRON | class::AUX) && !x.is(class::PREP) && !is_adverb(c, j)
            || x.entry.cue.is_some() && !t[j - 1].is(class::DET)
        {
            return false;
        }
        j += 1;
    }
    // ("As Roe put it: \"Q\"": a colon ends it as well.)
    if t.get(j).is_none_or(|x| !matches!(x.kind, Kind::Comma | Kind::Colon)) || j > cue_end + 10 {
        return false;
    }
    // A second report in the main clause ("..., C, Diaz added") is the
    // content-first frames' to read; an infinitive is none ("C: Roe is
    // free to disclose his returns").
    if (j + 1..t.len()).any(|k| {
        !t[k].quoted && matches!(t[k].cue(), Some(CueKind::Speech | CueKind::Tell)) && !c.lower_is(k - 1, "to")
    }) {
        return false;
    }
    let source = Source::Mention { np, appositive: None };
    match content_frame(c, j + 1, t.len(), c.bytes(cue, cue_end), source, false) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// `C, as S has said.`: the frame closes the sentence, and what it
/// reports is the clause before its comma.
fn as_said_after(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let mut end = t.len();
    while end > 0 && matches!(t[end - 1].kind, Kind::Stop | Kind::Close) {
        end -= 1;
    }
    // The cue, maybe with a time after it ("as police said Friday"), or
    // "put it" ("C, as one voter put it.").
    let Some(cue) = (end.saturating_sub(3)..end).rev().find(|&k| {
        !t[k].quoted
            && (matches!(cue_at(c, k), Some(CueKind::Speech | CueKind::Tell))
                && (k + 1..end).all(|j| t[j].is(class::TIME))
                || k + 2 == end && put_it(c, k))
    }) else {
        return false;
    };
    let cue_end = if put_it(c, cue) { cue + 2 } else { cue + 1 };
    // Most sentences that end with a cue have no ", as" before it: look for
    // one before parsing the subject.
    if !(cue.saturating_sub(12)..cue).any(|k| k > 0 && c.lower_is(k, "as") && comma_before(c, k).is_some()) {
        return false;
    }
    let (np, as_at) = match described_name(c, cue) {
        Some(found) => found,
        None => {
            let Some(np) = np_back(c, skip_aux_back(c, cue)) else {
                return false;
            };
            (np, np.0.saturating_sub(1))
        }
    };
    if np.0 < 3
        || !c.lower_is(as_at, "as")
        || t[np.0].is(class::PRON) && !["he", "she", "they"].iter().any(|w| c.lower_is(np.0, w))
    {
        return false;
    }
    let Some(end) = comma_before(c, as_at) else {
        return false;
    };
    let source = Source::Mention { np, appositive: None };
    match content_frame(c, 0, end, c.bytes(cue, cue_end), source, false) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// "C, as one of them, Lisa Lerer, reported.": a description after "as",
/// then a name between commas right before the cue at `cue`. The name
/// says who; returns it and where "as" is.
fn described_name(c: &Ctx, cue: usize) -> Option<((usize, usize), usize)> {
    let t = c.t;
    if cue < 5 || t[cue - 1].kind != Kind::Comma {
        return None;
    }
    let name = np_back(c, cue - 1)?;
    if name.0 < 4 || t[name.0 - 1].kind != Kind::Comma || !t[name.0..name.1].iter().any(|x| x.cap && !x.quoted) {
        return None;
    }
    let comma = name.0 - 1;
    let as_at = (comma.saturating_sub(6)..comma).rev().find(|&k| c.lower_is(k, "as"))?;
    let words = &t[as_at + 1..comma];
    let plain = !words.is_empty() && words.iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none());
    plain.then_some((name, as_at))
}

/// Where the content before the `as` at `k` ends: its comma ("C, as S
/// said"), or the quotation that closes over it ("\"C,\" as S said").
fn comma_before(c: &Ctx, k: usize) -> Option<usize> {
    let t = c.t;
    match t.get(k.checked_sub(1)?)?.kind {
        Kind::Comma => Some(k - 1),
        Kind::Close if k >= 2 && t[k - 2].kind == Kind::Comma => Some(k),
        _ => None,
    }
}

/// "put it" and "phrased it" at `k`: in an `as` clause, a verb of saying
/// ("As Roe put it, C").
fn put_it(c: &Ctx, k: usize) -> bool {
    (c.lower_is(k, "put") || c.lower_is(k, "phrased")) && c.lower_is(k + 1, "it") && !c.t[k].quoted
}

/// `As reported by S, C`, `As stated in S, C`: the passive names its
/// source after "by" or "in".
fn reported_by(c: &Ctx, first: usize, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let from = first + 3;
    let Some(comma) = (from..t.len().min(from + 12)).find(|&k| !t[k].word() || t[k].quoted) else {
        return false;
    };
    if t[comma].kind != Kind::Comma || comma == from {
        return false;
    }
    let Some(np) = np_forward(c, from, true) else {
        return false;
    };
    if np.1 != comma || t[np.0].is(class::PRON) {
        return false;
    }
    if t[comma + 1..].iter().any(|x| !x.quoted && matches!(x.cue(), Some(CueKind::Speech | CueKind::Tell))) {
        return false;
    }
    let source = Source::Mention { np, appositive: None };
    match content_frame(c, comma + 1, t.len(), c.bytes(first + 1, first + 3), source, false) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}
