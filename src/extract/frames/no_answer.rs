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
use crate::extract::tokens::Kind;

/// Verbs of answering (or of being reached) that "comment" follows.
const ANSWERING: [&str; 9] =
    ["respond", "responded", "reply", "replied", "return", "returned", "answer", "answered", "reached"];

/// "S did not [immediately] respond/return/reply … comment", "S could not
/// be reached for comment": a refusal frame whose content is the sentence
/// from its auxiliary on.
pub(super) fn no_answer(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    if t.is_empty() {
        return false;
    }
    // Most sentences that reach here have no "comment": one search, with
    // the searcher built once (`str::contains` builds one at every call),
    // and none where the paragraph has none.
    let v = if c.may_comment && COMMENT.is_in(&c.doc[t[0].start..t[t.len() - 1].end]) {
        let Some(k) = (0..t.len()).find(|&k| !t[k].quoted && (c.lower_is(k, "comment") || c.lower_is(k, "comments")))
        else {
            return false;
        };
        // The verb within a few words before "comment": "respond to a
        // request for comment", "return calls and emails seeking comment".
        (k.saturating_sub(8)..k).find(|&v| !t[v].quoted && ANSWERING.iter().any(|w| c.lower_is(v, w)))
    } else {
        unanswered_messages(c)
    };
    let Some(v) = v else {
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

/// What an outlet sends a source that does not answer: "did not respond to
/// messages", "did not return calls".
const MESSAGES: [&str; 16] = [
    "message",
    "messages",
    "email",
    "emails",
    "call",
    "calls",
    "question",
    "questions",
    "inquiry",
    "inquiries",
    "request",
    "requests",
    "text",
    "texts",
    "voicemail",
    "voicemails",
];

/// The verb of "S did not immediately respond.", "S did not respond to
/// messages on Sunday", "S did not return calls": the wire's formula for a
/// source that did not answer, without the word "comment". The verb ends
/// the sentence, or its object is one of [`MESSAGES`] (nothing else after
/// but its time or how it was sent): "did not respond to the crisis" and
/// "did not return to work" are no such thing.
fn unanswered_messages(c: &Ctx) -> Option<usize> {
    let t = c.t;
    // Words looked up only in sentences that may frame, those holding
    // "respond" or "return" among them: a sentence whose words were not
    // has neither (and most sentences that come here are such). A
    // function word among the first few tells which.
    if !t.iter().take(6).any(|x| x.entry.class != 0) {
        return None;
    }
    // (Each of the verbs is five letters or more and opens with "r" or
    // "a": two reads rule out most words.)
    let v = (1..t.len()).find(|&v| {
        t[v].end - t[v].start >= 5
            && matches!(c.doc.as_bytes()[t[v].start], b'r' | b'a')
            && !t[v].quoted
            && ["respond", "responded", "reply", "replied", "return", "returned", "answer", "answered"]
                .iter()
                .any(|w| c.lower_is(v, w))
    })?;
    let mut k = v + 1;
    if k < t.len() && t[k].kind == Kind::Stop && k + 1 == t.len() {
        return (!["return", "returned", "answer", "answered"].iter().any(|w| c.lower_is(v, w))).then_some(v);
    }
    if ["respond", "responded", "reply", "replied"].iter().any(|w| c.lower_is(v, w)) {
        if !c.lower_is(k, "to") {
            return None;
        }
        k += 1;
    }
    // "to a message", "to several emails", "phone calls".
    let object = (k..(k + 4).min(t.len())).find(|&o| MESSAGES.iter().any(|w| c.lower_is(o, w)))?;
    if (k..object).any(|o| !t[o].word() || t[o].quoted || t[o].cap) {
        return None;
    }
    // After the object only words of time, channel or sender: no clause.
    // What the questions were about may follow ("questions about the
    // talks", "calls on Sunday regarding the recall"): a noun phrase, read
    // up to the sentence's end.
    let topic = (object + 1..t.len())
        .find(|&o| ["about", "regarding", "concerning"].iter().any(|w| c.lower_is(o, w)))
        .unwrap_or(t.len());
    let rest_ok = t[object + 1..topic]
        .iter()
        .all(|x| (x.word() && !x.quoted && x.entry.cue.is_none()) || (x.kind == Kind::Stop) || x.kind == Kind::Comma)
        && !t[object + 1..topic].iter().any(|x| x.is(class::SUB | class::PRON))
        && t[topic..].iter().all(|x| (x.word() && !x.quoted && !x.is(class::SUB)) || x.kind == Kind::Stop);
    rest_ok.then_some(v)
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
