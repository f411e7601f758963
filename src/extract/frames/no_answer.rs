//! A source that did not answer: "The company did not immediately respond
//! to a request for comment", "Aides did not return calls seeking
//! comment", "Roe could not be reached for comment".
//!
//! The sentence holds no cue word, but it reports what a source did with
//! the outlet's question: as with "declined to comment", the refusal is
//! the source's, not a claim of the outlet's own. Precision first: the
//! verb must be negated and the word "comment" must follow it closely.

use super::phrases::{is_negation, skip_aux_back, starts_clause, subject_before};
use super::{Ctx, Frame};
use crate::extract::model::Attribution;

/// Verbs of answering (or of being reached) that "comment" follows.
const ANSWERING: [&str; 9] =
    ["respond", "responded", "reply", "replied", "return", "returned", "answer", "answered", "reached"];

/// "S did not [immediately] respond/return/reply … comment", "S could not
/// be reached for comment": a refusal frame whose content is the sentence
/// from its auxiliary on.
pub(super) fn no_answer(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // Most sentences that reach here have no "comment": one search.
    if t.is_empty() || !c.doc[t[0].start..t[t.len() - 1].end].contains("comment") {
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
    if s == 0 || !(s..v).any(|i| is_negation(c, i)) {
        return false;
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
