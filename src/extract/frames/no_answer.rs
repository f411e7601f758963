//! A source that did not answer: "The company did not immediately respond
//! to a request for comment", "Aides did not return calls seeking
//! comment", "Roe could not be reached for comment".
//!
//! The sentence holds no cue word, but it reports what a source did with
//! the outlet's question: as with "declined to comment", the refusal is
//! the source's, not a claim of the outlet's own. Precision first: the
//! verb must be negated and the word "comment" must follow it closely.

use super::phrases::{is_negation, np_back, skip_aux_back, starts_clause, subject_before};
use super::{Ctx, Frame, Source};
use crate::extract::COMMENT;
use crate::extract::cues::class;
use crate::extract::model::Attribution;

/// Verbs of answering (or of being reached) that "comment" follows.
const ANSWERING: [&str; 9] =
    ["respond", "responded", "reply", "replied", "return", "returned", "answer", "answered", "reached"];

/// "S did not [immediately] respond/return/reply … comment", "S could not
/// be reached for comment": a refusal frame whose content is the sentence
/// from its auxiliary on.
pub(super) fn no_answer(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // Most sentences that reach here have no "comment": one search, with
    // the searcher built once (`str::contains` builds one at every call).
    if t.is_empty() || !COMMENT.is_in(&c.doc[t[0].start..t[t.len() - 1].end]) {
        return false;
    }
    let Some(k) = (0..t.len()).find(|&k| !t[k].quoted && (c.lower_is(k, "comment") || c.lower_is(k, "comments")))
    else {
        return false;
    };
    // The verb within a few words before "comment": "respond to a request
    // for comment", "return calls and emails seeking comment".
    let Some(v) = (k.saturating_sub(8)..k).find(|&v| !t[v].quoted && ANSWERING.iter().any(|w| c.lower_is(v, w))) else {
        return false;
    };
    // Back over the verb's auxiliaries: "did not respond", "could not be
    // reached" (the lexicon's auxiliaries leave out "do" and "be").
    let mut s = v;
    loop {
        let mut back = skip_aux_back(c, s);
        if back > 0 && !t[back - 1].cap && ["did", "does", "do", "be", "been"].iter().any(|w| c.lower_is(back - 1, w)) {
            back -= 1;
        }
        if back == s {
            break;
        }
        s = back;
    }
    if s == 0 {
        return false;
    }
    if !(s..v).any(|i| is_negation(c, i)) {
        return neither_nor(c, s, v, out);
    }
    // The subject opens a clause: "Roe has not talked about it and his
    // campaign did not respond" is not "it and his campaign".
    let Some(source) = subject_before(c, s, |b| starts_clause(c, b)) else {
        return false;
    };
    let Some(content) = c.content(s, t.len()) else {
        return false;
    };
    out.push(Frame {
        attribution: Attribution::Declined,
        content,
        content2: None,
        cue: Some(c.bytes(s, v + 1)),
        source,
    });
    true
}

/// "Neither the mayor nor the county engineer responded to requests for
/// comment": each of the two did not answer. `s` is where the verb's
/// auxiliaries start, `v` the verb; the whole sentence is the content, as
/// the negation is in its subject.
fn neither_nor(c: &Ctx, s: usize, v: usize, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // The subject opens the sentence (after a conjunction at most).
    let n = usize::from(t.first().is_some_and(|x| x.is(class::CONJ)));
    if !c.lower_is(n, "neither") {
        return false;
    }
    let Some(nor) = (n + 2..s.saturating_sub(1)).find(|&k| c.lower_is(k, "nor")) else {
        return false;
    };
    let (Some(first), Some(second)) = (np_back(c, nor), np_back(c, s)) else {
        return false;
    };
    // Each phrase is the whole stretch it stands for ("Neither Varga": the
    // capital of the sentence's first word is no part of the name).
    if first.1 != nor || first.0 > n + 1 || second != (nor + 1, s) {
        return false;
    }
    let first = (n + 1, nor);
    let Some(content) = c.content(n, t.len()) else {
        return false;
    };
    for np in [first, second] {
        out.push(Frame {
            attribution: Attribution::Declined,
            content,
            content2: None,
            cue: Some(c.bytes(s, v + 1)),
            source: Source::Mention { np, appositive: None },
        });
    }
    true
}
