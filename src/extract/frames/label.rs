//! Label frames: a short name and a colon or a dash opening the sentence,
//! as headlines, transcripts and quote lists write them (`Kerry: "Q"`,
//! `WALLACE: Q`, `Ann Roe ― "Q"`). Finds spans only; the name is resolved
//! like any other mention.

use super::phrases::is_agent_noun;
use super::{Ctx, Frame, Mark, Source, attribution_of, is_function, is_possessive};
use crate::extract::cues::class;
use crate::extract::model::Attribution;
use crate::extract::speakers::is_capitals;
use crate::extract::tokens::{Kind, Token};

/// Capitalised openers that label a line without being anyone: page
/// furniture ("Update:", "Watch:"), question words and kinds of piece.
const NOT_SOURCES: [&str; 81] = [
    "update",
    "updated",
    "updates",
    "watch",
    "look",
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
    // A piece's kind, as kickers name it ("Interview: The harbour master
    // on the new tolls").
    "interview",
    "review",
    "editorial",
    "comment",
    "commentary",
    "factbox",
    "profile",
    "obituary",
    "podcast",
    "recap",
    "preview",
    "explained",
    "essay",
    "column",
    // A page's furniture and a teaser's interjections ("Disclaimer:",
    // "Summary:", "BYLINE:", "Tags:", "Wow:", "BOMBSHELL:") and a
    // connective capitalised by its place ("Moreover:").
    "disclaimer",
    "summary",
    "byline",
    "tags",
    "topics",
    "category",
    "filed",
    "posted",
    "published",
    "sponsored",
    "doi",
    "vip",
    "wow",
    "boom",
    "busted",
    "bombshell",
    "moreover",
    "however",
    "meanwhile",
];

/// Words of a shop's labels anywhere in a label ("New Release:", "Price
/// Drop:", "Free Shipping:"): no one speaks there.
const SHOP_WORDS: [&str; 6] = ["release", "price", "sale", "shipping", "discount", "coupon"];

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
    if !named
        || NOT_SOURCES.iter().any(|w| t[0].text(doc).eq_ignore_ascii_case(w))
        || t[..k].iter().any(|x| SHOP_WORDS.iter().any(|w| x.text(doc).eq_ignore_ascii_case(w)))
    {
        return None;
    }
    Some(k)
}

/// `Kerry: "Q"`, `WALLACE: Q` and `Ann Roe ― "Q"`: the label speaks. A
/// dash needs a quotation after it ("PARIS — ..." is a dateline).
pub(super) fn label(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(k) = label_mark(c.doc, t) else {
        return transcript_line(c, out) || stray_mark_line(c, out) || trailing_label(c, out);
    };
    if t[k].kind == Kind::Dash && t.get(k + 1).is_none_or(|x| x.kind != Kind::Open) {
        return false;
    }
    let (s, e) = (k + 1, t.len());
    let mut attribution = attribution_of(c, s, e);
    let content = match attribution {
        Attribution::Direct => c.close_of(s).and_then(|close| c.inside_quote(s, close)),
        _ => c.content(s, e),
    };
    let Some(content) = content else {
        return false;
    };
    let name = c.bytes(0, k);
    // A speaker in capitals and a colon is a transcript's line: their words
    // as said, not a headline's summary ("Kerry: Deal is close").
    if t[k].kind == Kind::Colon && is_capitals(&c.doc[name.0..name.1]) {
        attribution = Attribution::Direct;
    }
    out.push(Frame {
        attribution,
        content,
        content2: None,
        cue: Some(c.bytes(k, k + 1)),
        source: Source::Label { name, transcript: false },
    });
    true
}

/// A transcript quoted paragraph by paragraph opens each with a mark and
/// its speaker in capitals (`"WALLACE: Q`, `"MR. TRUMP: Q`). Capitals only,
/// as transcripts print their speakers: a quotation may itself open with a
/// name and a colon.
fn transcript_line(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let [open, run, ..] = t else {
        return false;
    };
    if open.kind != Kind::Open || !run.quoted {
        return false;
    }
    let text = run.text(c.doc);
    // The first ": " by its colon, a rare byte memchr skips to: `find`
    // set up a two-way searcher and walked the whole quotation of every
    // sentence that opens with one (5 M instructions over PolNeAR train).
    let bytes = text.as_bytes();
    let Some(colon) = memchr::memchr_iter(b':', bytes).find(|&i| bytes.get(i + 1) == Some(&b' ')) else {
        return false;
    };
    let name = &text[..colon];
    let words = name.split_whitespace().count();
    if !(1..=4).contains(&words)
        || !is_capitals(name)
        || !name.starts_with(|ch: char| ch.is_ascii_uppercase())
        || NOT_SOURCES.iter().any(|w| name.eq_ignore_ascii_case(w))
    {
        return false;
    }
    let rest = &text[colon + 1..];
    let from = run.start + colon + 1 + (rest.len() - rest.trim_start().len());
    if rest.split_whitespace().count() < 2 {
        return false;
    }
    out.push(Frame {
        attribution: Attribution::Direct,
        content: (from, run.end),
        content2: None,
        cue: Some((run.start + colon, run.start + colon + 1)),
        source: Source::Label { name: (run.start, run.start + colon), transcript: true },
    });
    true
}

/// Whether the sentence opens with a quotation mark that opens no span.
pub(super) fn stray_mark_first(doc: &str, t: &[Token]) -> bool {
    t.first().is_some_and(|x| {
        !matches!(x.kind, Kind::Open | Kind::Word) && x.text(doc).chars().all(crate::extract::quotes::is_double_mark)
    })
}

/// `"PENCE: Well, he thinks it is \u{201C}a show.\u{201D} But ...`: a
/// transcript's paragraph whose opening mark closes nothing, because a
/// quotation inside it took the place of its span (or the paragraph is the
/// transcript's last, so its quotation runs on into nothing). The mark,
/// then the speaker in capitals and a colon, as [`transcript_line`] reads
/// them inside a span.
fn stray_mark_line(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    if !stray_mark_first(c.doc, t) {
        return false;
    }
    let Some(k) = (2..t.len().min(6)).find(|&k| !t[k].word()) else {
        return false;
    };
    if t[k].kind != Kind::Colon || t[1..k].iter().any(|x| x.quoted || !x.cap) || k + 2 >= t.len() {
        return false;
    }
    let name = c.bytes(1, k);
    let label = &c.doc[name.0..name.1];
    if !is_capitals(label) || NOT_SOURCES.iter().any(|w| t[1].text(c.doc).eq_ignore_ascii_case(w)) {
        return false;
    }
    // Its words as said, the final stop too, as inside a span.
    let content = c.bytes(k + 1, t.len());
    out.push(Frame {
        attribution: Attribution::Direct,
        content,
        content2: None,
        cue: Some(c.bytes(k, k + 1)),
        source: Source::Label { name, transcript: true },
    });
    true
}

/// `"Q" ― Ann Roe` and `"Q" — Ann Roe, a nurse.`: a quotation signed with a
/// dash and a name after it, as quote lists, epigraphs and readers' letters
/// print them. The name must be capitalised words; a role may follow it
/// after a comma.
fn trailing_label(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    if t.first().is_none_or(|x| x.kind != Kind::Open) {
        return false;
    }
    let Some(close) = c.close_of(0) else {
        return false;
    };
    let d = close + 1;
    if t.get(d).is_none_or(|x| x.kind != Kind::Dash) {
        return false;
    }
    let mut end = t.len();
    if t[end - 1].kind == Kind::Stop {
        end -= 1;
    }
    let name_end = (d + 1..end).find(|&i| !t[i].word()).unwrap_or(end);
    let n = name_end - (d + 1);
    // `"Q" — Ann Roe (@annroe) March 3, 2026`: an embedded post's
    // signature, the account's handle and the day it was posted.
    // (Emoji may follow the name; a handle may hold an underscore.)
    let text = |i: usize| t[i].text(c.doc);
    let open = (name_end..end).find(|&i| text(i).chars().any(|ch| ch.is_ascii_punctuation() || ch.is_alphanumeric()));
    let signed = open.is_some_and(|o| {
        let close = (o + 1..end.min(o + 5)).find(|&i| text(i) == ")");
        text(o) == "("
            && o + 1 < end
            && text(o + 1).starts_with('@')
            && close.is_some_and(|cl| (cl + 1..end).all(|i| t[i].word() || t[i].kind == Kind::Comma))
    });
    if !(1..=5).contains(&n)
        || !t[d + 1..name_end].iter().all(|x| x.cap && !x.quoted && !is_function(x) && x.entry.cue.is_none())
        || (name_end < end && !signed && (t[name_end].kind != Kind::Comma || (name_end + 1..end).any(|i| !t[i].word())))
    {
        return false;
    }
    let Some(content) = c.inside_quote(0, close) else {
        return false;
    };
    let appositive = (name_end + 1 < end && !signed).then_some((name_end + 1, end));
    out.push(Frame {
        attribution: Attribution::Direct,
        content,
        content2: None,
        cue: Some(c.bytes(d, d + 1)),
        source: Source::Mention { np: (d + 1, name_end), appositive },
    });
    true
}

/// `... - Ann Roe: "Q"`, `More from Roe: "Q"`, `..., pollster Ann Roe:
/// "Q"`: a name and a colon before a quotation, inside the sentence. The
/// name must follow what marks it as the quotation's source: a dash (a
/// digest's item after its headline), "from", a people noun (the name's
/// role) or a possessive (a byline's "by the Ledger's Ann Roe"). Not
/// "delivered a message to Roe: \"Q\"": Roe is the listener. Tried after
/// every other frame: a cue that frames the sentence reads it better.
pub(super) fn named_colon(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    if !c.has(Mark::ColonQuote) {
        return false;
    }
    let t = c.t;
    let Some(k) = (2..t.len().saturating_sub(2)).find(|&k| {
        t[k].kind == Kind::Colon && !t[k].quoted && t[k + 1].kind == Kind::Open && t[k - 1].word() && t[k - 1].cap
    }) else {
        return false;
    };
    let name = |i: usize| {
        let x = &t[i];
        x.word() && !x.quoted && x.cap && !is_function(x) && !x.is(class::DET | class::TIME) && !is_possessive(c, i)
    };
    let mut s = k;
    // "Mark Blumenthal and Jon Cohen": two names joined.
    while s > 0 && k - s < 6 && (name(s - 1) || (c.lower_is(s - 1, "and") && s >= 2 && name(s - 2))) {
        s -= 1;
    }
    if s == k || s == 0 || t[s..k].iter().any(|x| x.entry.cue.is_some()) {
        return false;
    }
    let p = s - 1;
    let marked = t[p].kind == Kind::Dash
        // ("Roe was from Mexico: \"Q\"": a place, not a source.)
        || (c.lower_is(p, "from") && (p <= 1 || t[p - 1].kind == Kind::Dash || c.lower_is(p - 1, "more")))
        || is_agent_noun(c, p)
        || (t[p].word() && !t[p].quoted && is_possessive(c, p));
    if !marked {
        return false;
    }
    let open = k + 1;
    let Some(content) =
        c.close_of(open).and_then(|close| c.inside_quote(open, close)).or_else(|| c.content(open + 1, t.len()))
    else {
        return false;
    };
    out.push(Frame {
        attribution: Attribution::Direct,
        content,
        content2: None,
        cue: Some(c.bytes(k, k + 1)),
        source: Source::Mention { np: (s, k), appositive: None },
    });
    true
}
