//! Label frames: a short name and a colon or a dash opening the sentence,
//! as headlines, transcripts and quote lists write them (`Kerry: "Q"`,
//! `WALLACE: Q`, `Ann Roe ― "Q"`). Finds spans only; the name is resolved
//! like any other mention.

use super::{Ctx, Frame, Source, attribution_of, is_function};
use crate::extract::cues::class;
use crate::extract::model::Attribution;
use crate::extract::tokens::{Kind, Token};

/// Capitalised openers that label a line without being anyone: page
/// furniture ("Update:", "Watch:") and question words.
const NOT_SOURCES: [&str; 47] = [
    "update",
    "updated",
    "updates",
    "watch",
    "video",
    "videos",
    "photo",
    "photos",
    "related",
    "note",
    "correction",
    "read",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "editor's",
    "editor\u{2019}s",
    "q",
    "a",
    "question",
    "answer",
    "source",
    "sources",
    "via",
    "credit",
    "listen",
    "see",
    "more",
    "warning",
    "disclosure",
    "transcript",
    "live",
    "advertisement",
    "caption",
    "image",
    "map",
    "chart",
    "timeline",
    "explainer",
    "clarification",
    "contributing",
    "plus",
    "remember",
    "name",
    "paid",
    "notice",
];

/// Whether the sentence opens with a label: up to four capitalised words
/// and a colon or a dash. The index of the mark.
pub(super) fn label_mark(doc: &str, t: &[Token]) -> Option<usize> {
    let k = (1..t.len().min(6)).find(|&k| !t[k].word())?;
    if !matches!(t[k].kind, Kind::Colon | Kind::Dash) {
        return None;
    }
    let named = t[..k].iter().all(|x| {
        x.word() && !x.quoted && x.cap && !is_function(x) && !x.is(class::DET | class::TIME) && x.entry.cue.is_none()
    });
    if !named || NOT_SOURCES.iter().any(|w| t[0].text(doc).eq_ignore_ascii_case(w)) {
        return None;
    }
    Some(k)
}

/// `Kerry: "Q"`, `WALLACE: Q` and `Ann Roe ― "Q"`: the label speaks. A
/// dash needs a quotation after it ("PARIS — ..." is a dateline).
pub(super) fn label(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(k) = label_mark(c.doc, t) else {
        return false;
    };
    if t[k].kind == Kind::Dash && t.get(k + 1).is_none_or(|x| x.kind != Kind::Open) {
        return false;
    }
    let (s, e) = (k + 1, t.len());
    let content = match attribution_of(c, s, e) {
        Attribution::Direct => c.close_of(s).and_then(|close| c.inside_quote(s, close)),
        _ => c.content(s, e),
    };
    let Some(content) = content else {
        return false;
    };
    out.push(Frame {
        attribution: attribution_of(c, s, e),
        content,
        content2: None,
        cue: Some(c.bytes(k, k + 1)),
        source: Source::Mention { np: (0, k), appositive: None },
    });
    true
}
