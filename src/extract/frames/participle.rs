//! Participle frames: `S did X, saying C`, where the participle reports
//! what the clause's subject said.

use super::phrases::np_forward;
use super::speech::complement;
use super::{Ctx, Frame, Source, content_frame, cue_at};
use crate::extract::cues::{CueKind, class};
use crate::extract::tokens::Kind;

/// `S did X, saying C`: the participle reports what the clause's subject
/// said.
pub(super) fn participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
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
