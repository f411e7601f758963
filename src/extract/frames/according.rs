//! `according to S` frames, and the issuer of a source named through a
//! document ("according to a report by the central bank").

use super::phrases::appositive_like;
use super::{Ctx, Frame, Mark, Source};
use crate::extract::cues::{self, CueKind, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::{Kind, Token};

/// `according to S`, anywhere in the sentence. The source runs to the next
/// comma or the end; an appositive may follow it.
pub(super) fn according_to(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    if !c.has(Mark::According) {
        return false;
    }
    let t = c.t;
    let Some(i) = (0..t.len().saturating_sub(2)).find(|&i| {
        // Not `cue()`: "According" opens sentences capitalised.
        t[i].entry.cue == Some(CueKind::According) && !t[i].quoted && c.lower_is(i + 1, "to")
    }) else {
        return false;
    };
    let from = i + 2;
    let stop = (from..t.len())
        // ("According to the Ledger: \"Q\"": a colon closes it too.)
        .find(|&k| !t[k].quoted && matches!(t[k].kind, Kind::Comma | Kind::Stop | Kind::Semicolon | Kind::Colon))
        .unwrap_or(t.len());
    if stop == from || stop - from > 24 || !t[from].word() {
        return false;
    }
    // "Roe said C, according to a statement from her office": the
    // document is how her words came out, she is the one who said them.
    // The sentence is left to the frame of its verb of saying.
    if carried_words(c, from, stop) && says_before(c, i) {
        return false;
    }
    let np = issuer(c, from, stop);
    // "according to two people familiar with the case who spoke on
    // condition of anonymity because …": the relative clause says who
    // they are (and why unnamed), it is no part of their name.
    let who = (np.0 + 1..np.1).find(|&k| c.lower_is(k, "who") && !t[k].quoted);
    let source = match who {
        Some(k) => Source::Mention { np: (np.0, k), appositive: Some((k, np.1)) },
        None => Source::Mention { np, appositive: None },
    };
    let cue = c.bytes(i, i + 2);
    // ("But, according to S, C", "Now, according to S, C": a connective
    // set off by its comma opens the sentence as well.)
    let intro = i == 0
        || t[..i].iter().all(|x| x.is(class::CONJ | class::AUX) || x.text(c.doc) == "(" || x.kind == Kind::Comma)
        || opening_phrase(c, i)
        // ("The senator said that according to Diaz, C", "He said that,
        // according to the report, C": a reported clause opens after its
        // "that" as a sentence does.)
        || (1..=2).any(|b| {
            i >= b
                && c.lower_is(i - b, "that")
                && !t[i - b].quoted
                && (b == 1 || t[i - 1].kind == Kind::Comma)
                && i - b > 0
                && matches!(t[i - b - 1].cue(), Some(CueKind::Speech | CueKind::Tell | CueKind::Belief))
        });
    let frame = if intro {
        // "According to the lawsuit, filed Monday in Manhattan, C",
        // "According to the report, which was released Monday, C": a
        // phrase set off by commas that describes the source is neither
        // the content nor the source's role.
        let described = t.get(stop).is_some_and(|x| x.kind == Kind::Comma)
            && t.get(stop + 1).is_some_and(|x| {
                let w = x.text(c.doc);
                x.word() && !x.cap && !x.quoted && (w.ends_with("ed") || w.ends_with("en") || w == "which")
            });
        let after = described
            .then(|| {
                (stop + 2..t.len().min(stop + 14))
                    .find(|&k| !t[k].word() || t[k].quoted)
                    .filter(|&k| t[k].kind == Kind::Comma && k + 1 < t.len())
            })
            .flatten();
        let Some(content) = c.content(after.unwrap_or(stop) + 1, t.len()) else {
            return false;
        };
        Frame { attribution: Attribution::AccordingTo, content, content2: None, cue: Some(cue), source }
    } else {
        // Mid-sentence: "The group, according to S, has C2." An appositive
        // after the source ("according to S, a spokeswoman.") is skipped.
        let mid = i > 0 && t[i - 1].kind == Kind::Comma;
        // "Turnout, according to S, fell": a one-word subject is a piece
        // of the content when the predicate follows.
        let one_word =
            mid && i == 2 && t[0].word() && !t[0].quoted && t.get(stop).is_some_and(|x| x.kind == Kind::Comma);
        let Some(content) = c.content(0, i).or_else(|| one_word.then(|| c.bytes(0, 1))) else {
            return false;
        };
        let mut source = source;
        let mut rest = stop + 1;
        // ("..., according to S, has lost C2": an auxiliary resumes the
        // sentence's own verb, no appositive.)
        let resumes = t.get(stop + 1).is_some_and(|x| x.word() && !x.cap && !x.quoted && x.is(class::AUX));
        if who.is_none()
            && t.get(stop).is_some_and(|x| x.kind == Kind::Comma)
            && appositive_like(c, stop + 1)
            && !resumes
        {
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

/// Documents that carry someone's own words: "according to a statement
/// from her office", "according to a transcript", "according to the pool
/// report". (Not a poll, a study or a tally: "55 percent said C,
/// according to a poll" is the poll's finding.)
const CARRIERS: [&str; 16] = [
    "statement",
    "statements",
    "release",
    "transcript",
    "transcripts",
    "memo",
    "letter",
    "filing",
    "filings",
    "email",
    "emails",
    "recording",
    "readout",
    "remarks",
    "report",
    "reports",
];

/// Whether the phrase `from..stop` after "according to" names a document
/// that carries someone's words.
pub(super) fn carried_words(c: &Ctx, from: usize, stop: usize) -> bool {
    (from..stop).any(|k| {
        let x = &c.t[k];
        x.word() && !x.quoted && CARRIERS.iter().any(|d| x.text(c.doc).eq_ignore_ascii_case(d))
    })
}

/// Whether a verb of saying before token `i` frames a statement of its
/// own: "Roe said C" or "\"Q,\" Roe said" before ", according to".
fn says_before(c: &Ctx, i: usize) -> bool {
    let t = c.t;
    let mut probe = Vec::new();
    let speech = |probe: &[Frame]| {
        // The sentence's own frame, not one in a clause of it ("the
        // department erred when it told the group C, according to a
        // report" is the report's): its content or its speaker opens it.
        let opens = |f: &Frame| {
            f.content.0 <= t[t.len().min(2) - 1].start || matches!(f.source, Source::Mention { np, .. } if np.0 <= 2)
        };
        probe.iter().any(|f| {
            matches!(f.attribution, Attribution::Direct | Attribution::Indirect)
                && f.content.1 <= t[i].start
                && !matches!(f.source, Source::Mention { np, .. } if np.1 > i)
                && opens(f)
        })
    };
    if super::content_first(c, &mut probe) && speech(&probe) {
        return true;
    }
    (1..i).any(|k| {
        !t[k].quoted
            && matches!(t[k].cue(), Some(CueKind::Speech | CueKind::Tell))
            && matches!(super::cue_at(c, k), Some(CueKind::Speech | CueKind::Tell))
            && {
                probe.clear();
                let kind = super::cue_at(c, k).unwrap_or(CueKind::Speech);
                super::subject_cue(c, k, kind, &mut probe).is_some() && speech(&probe)
            }
    })
}

/// "In addition, according to S, C", "Last year, according to S, C": a
/// short phrase of time, place or connection set off by its comma before
/// the frame, with no verb of its own, opens the sentence.
fn opening_phrase(c: &Ctx, i: usize) -> bool {
    let t = c.t;
    let Some(comma) = i.checked_sub(1).filter(|&k| t[k].kind == Kind::Comma) else {
        return false;
    };
    let words = &t[..comma];
    let Some(first) = words.first().filter(|_| words.len() <= 4) else {
        return false;
    };
    let lower = first.text(c.doc).to_ascii_lowercase();
    words.iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none() && !x.is(class::AUX))
        && (first.is(class::PREP | class::TIME | class::CONJ) || lower.ends_with("ly") || lower == "meanwhile")
}

/// Nouns for what a source issues: "according to a Pentagon statement",
/// "according to a report by the central bank".
pub(super) const DOCUMENT_NOUNS: [&str; 24] = [
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

/// Nouns of things that show or find besides [`DOCUMENT_NOUNS`].
const MORE_DOCUMENT_NOUNS: [&str; 25] = [
    "slide",
    "slides",
    "presentation",
    "website",
    "list",
    "polls",
    "surveys",
    "studies",
    "results",
    "video",
    "videos",
    "footage",
    "email",
    "emails",
    "research",
    "paper",
    "photo",
    "photos",
    "reviews",
    "average",
    "averages",
    "projection",
    "projections",
    "forecast",
    "forecasts",
];

/// For each first letter (any case), the lengths of the nouns of
/// [`is_document`] that start with it, as bits: subjects are asked this
/// word by word, and two reads rule out most words without comparing
/// them with forty nouns.
static DOCUMENT_SHAPES: [u32; 26] = {
    let mut t = [0u32; 26];
    let mut i = 0;
    while i < DOCUMENT_NOUNS.len() + MORE_DOCUMENT_NOUNS.len() {
        let w =
            if i < DOCUMENT_NOUNS.len() { DOCUMENT_NOUNS[i] } else { MORE_DOCUMENT_NOUNS[i - DOCUMENT_NOUNS.len()] };
        let b = w.as_bytes();
        assert!(b[0].is_ascii_lowercase() && b.len() < 32);
        t[(b[0] - b'a') as usize] |= 1 << b.len();
        i += 1;
    }
    t
};

/// Whether the word at `i` names a document or a record that can show or
/// find something: the nouns above, and polls, videos and the like.
pub(super) fn is_document(c: &Ctx, i: usize) -> bool {
    let x = &c.t[i];
    x.word() && {
        let w = x.text(c.doc);
        let first = w.as_bytes()[0].to_ascii_lowercase();
        let shaped = first.is_ascii_lowercase()
            && w.len() < 32
            && DOCUMENT_SHAPES[usize::from(first - b'a')] & (1 << w.len()) != 0;
        shaped && DOCUMENT_NOUNS.iter().chain(&MORE_DOCUMENT_NOUNS).any(|d| w.eq_ignore_ascii_case(d))
    }
}

/// `In a poll by S, C`: a sentence that opens with a poll or a study it
/// then reports. The finding is S's belief (the poll's), as `S shows C`
/// would be.
pub(super) fn in_document(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    if t.len() < 6 || !t[0].word() || t[0].text(c.doc) != "In" {
        return false;
    }
    let Some(k) = (1..t.len().min(20)).find(|&k| !t[k].word() || t[k].quoted) else {
        return false;
    };
    if t[k].kind != Kind::Comma || k < 3 || !(1..k).any(|i| cues::is_poll(c.t[i].text(c.doc))) {
        return false;
    }
    let Some(content) = c.content(k + 1, t.len()) else {
        return false;
    };
    out.push(Frame {
        attribution: Attribution::Belief,
        content,
        content2: None,
        cue: Some(c.bytes(0, 1)),
        source: Source::Mention { np: (1, k), appositive: None },
    });
    true
}

/// `Roe leads Diaz by five points in a Ledger poll released Tuesday`,
/// `Bush remains mired in fourth in most surveys`: a standing in the race
/// whose poll comes after it, as the poll's finding (the mirror of
/// [`in_document`]). The poll is a phrase after "in" that ends the clause
/// (at a comma, a dash or the end) and holds a poll's noun; what it finds
/// is the clause before "in" (past an opening phrase and its comma), and
/// must tell a standing: a lead, a place, a share. Tried when nothing else
/// frames the sentence, so "voters said in the poll that C" is theirs.
pub(super) fn poll_standing(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // (A poll's noun has a class of its own: most sentences have none,
    // told by their entries.) Each poll word from the last: "took 6
    // percent in a Ledger poll, his worst showing in the survey" finds
    // its standing before the first.
    (4..t.len()).rev().filter(|&i| t[i].is(class::POLL)).any(|poll| standing_in_poll(c, poll, out))
}

/// [`poll_standing`] for the poll word at `poll`.
fn standing_in_poll(c: &Ctx, poll: usize, out: &mut Vec<Frame>) -> bool {
    const STANDING: [&str; 24] = [
        "lead", "leads", "led", "leading", "ahead", "behind", "trails", "trailed", "trailing", "winning", "percent",
        "points", "point", "margin", "edge", "second", "third", "fourth", "fifth", "sixth", "finished", "mired",
        "approval", "rating",
    ];
    let t = c.t;
    let is_poll = |i: usize| t[i].is(class::POLL);
    // The "in" before the poll word in the same run of words ("an
    // NBC/Marist poll": a slash between pollsters is part of the run).
    let in_run = |i: usize| (t[i].word() || t[i].text(c.doc) == "/") && !t[i].quoted;
    let Some(k) = (poll.saturating_sub(13)..poll)
        .rev()
        .take_while(|&i| in_run(i))
        .find(|&i| c.lower_is(i, "in"))
        .filter(|&k| k >= 3)
    else {
        return false;
    };
    let end = (poll + 1..t.len()).find(|&i| !t[i].word() || t[i].quoted).unwrap_or(t.len());
    if end > k + 14 {
        return false;
    }
    if t.get(end).is_some_and(|x| !matches!(x.kind, Kind::Comma | Kind::Stop | Kind::Dash)) {
        return false;
    }
    // The poll is the phrase to its noun ("a Ledger poll", "the average of
    // harbour polls"); after it, only when it was taken ("released
    // Sunday", "this month"), by whom ("from Quinnipiac and Fox News") or
    // where ("in New Hampshire this year"), not a verb of its own ("in
    // the poll were undecided": the poll is inside the subject) or more
    // of the finding.
    let noun = (k + 1..end).rev().find(|&i| is_poll(i)).unwrap_or(k + 1);
    let taken = |i: usize| {
        t[i].is(class::TIME)
            || ["released", "taken", "conducted", "published", "this", "last"].iter().any(|w| c.lower_is(i, w))
            // ("a poll Jan. 17-23": a month as datelines shorten it.)
            || (t[i].cap
                && t.get(i + 1).is_some_and(|n| n.kind == Kind::Stop)
                && crate::time::is_english_month(&t[i].text(c.doc).to_ascii_lowercase()))
    };
    let named = |i: usize| {
        ["from", "by", "of", "in"].iter().any(|w| c.lower_is(i, w))
            && t.get(i + 1).is_some_and(|n| n.cap)
            && (i + 1..end).all(|j| t[j].cap || taken(j) || c.lower_is(j, "and"))
    };
    if noun + 1 < end && !taken(noun + 1) && !named(noun + 1) {
        return false;
    }
    // Who took it and where are part of its name; when is not.
    let name_end = if noun + 1 < end && named(noun + 1) {
        (noun + 1..end).rev().find(|&j| t[j].cap && !taken(j)).map_or(noun + 1, |j| j + 1)
    } else {
        noun + 1
    };
    // An opening phrase and its comma ("By Jan. 18, ..."), or a clause
    // before it ("While Roe leads in Ohio, she trails ..."), is no part of
    // the finding; a connective opening it is skipped ("..., although
    // Diaz moved to second in a later survey"). Figures alone between
    // commas ("leads Diaz by nine points, 42%-33%, in the average") go
    // with the clause before them.
    let comma_before = |e: usize| (0..e).rev().find(|&i| t[i].kind == Kind::Comma && !t[i].quoted);
    let mut start = comma_before(k).map_or(0, |i| i + 1);
    let figure = |x: &Token| x.end > x.start && c.doc.as_bytes()[x.start].is_ascii_digit();
    let figures = |s: usize, e: usize| t[s..e].iter().any(figure) && t[s..e].iter().all(|x| figure(x) || !x.word());
    if start == k
        && let Some(before) = comma_before(k - 1)
        && figures(before + 1, k - 1)
    {
        start = comma_before(before).map_or(0, |i| i + 1);
    }
    if start < k && (t[start].is(class::CONJ) || ["although", "though", "whereas"].iter().any(|w| c.lower_is(start, w)))
    {
        start += 1;
    }
    let body = &t[start..k];
    let standing = |x: &Token| {
        let w = x.text(c.doc);
        STANDING.iter().any(|s| w.eq_ignore_ascii_case(s)) || w.ends_with('%')
    };
    // ("points" is a cue only with "out".) A clause of the writer's
    // ("who leads in the polls", "because he is ahead in the polls") is
    // no finding of its own.
    if body.len() < 2
        || body.iter().any(|x| {
            x.quoted
                || (x.entry.cue.is_some() && !standing(x))
                || !(x.word() || matches!(x.kind, Kind::Dash | Kind::Comma))
                || x.is(class::SUB)
                || ["who", "which", "where", "that"].iter().any(|w| x.text(c.doc).eq_ignore_ascii_case(w))
        })
        || !body.iter().any(standing)
    {
        return false;
    }
    let Some(content) = c.content(start, k) else {
        return false;
    };
    out.push(Frame {
        attribution: Attribution::Belief,
        content,
        content2: None,
        cue: Some(c.bytes(k, k + 1)),
        source: Source::Mention { np: (k + 1, name_end), appositive: None },
    });
    true
}

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
    // "a report obtained by the Ledger": the paper that saw it is no
    // source, the report is; "a report released by the agency": the
    // agency issued it.
    if let Some(k) = (from + 2..stop.saturating_sub(1)).find(|&k| c.lower_is(k + 1, "by") && t[k].word())
        && (from..k).any(is_document)
    {
        match lower(k).as_str() {
            w if cues::SEEN_BY.contains(&w) => return (from, k),
            // The issuer is a short name: "a poll conducted by WBUR radio -
            // empathize with …" ends at the dash.
            "released" | "issued" | "published" | "prepared" | "compiled" | "conducted" if k + 2 < stop => {
                let end = (k + 2..stop).find(|&e| !t[e].word()).unwrap_or(stop);
                if end > k + 2 && end - (k + 2) <= 6 {
                    return (k + 2, end);
                }
            }
            _ => {}
        }
    }
    // "a Pentagon statement", "the ministry's figures"
    let last = stop - 1;
    if stop - from >= 2 && is_document(last) {
        let start = if ["a", "an", "the"].contains(&lower(from).as_str()) { from + 1 } else { from };
        let mut end = last;
        if end > start && matches!(t[end - 1].text(c.doc), "'s" | "’s") {
            end -= 1;
        }
        // "a recent Federal Election Commission report", "its FEC
        // filings": the words before the name describe the document.
        let capital = |k: usize| t[k].word() && !t[k].quoted && t[k].text(c.doc).starts_with(char::is_uppercase);
        let start = match (start..end).find(|&k| capital(k)) {
            Some(k)
                if k > start
                    && t[start..k].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
                    && (k..end).all(|j| capital(j) || ["of", "and", "for", "on"].iter().any(|w| c.lower_is(j, w))) =>
            {
                k
            }
            _ => start,
        };
        // ("a CNN exit poll", "a White House pool report": a lowercase
        // word between the name and the noun may say what kind of
        // document it is or who wrote it; the whole phrase is named, not
        // the name and half of the rest.)
        if end > start + 1 && capital(start) && t[end - 1].word() && !capital(end - 1) && !t[end - 1].quoted {
            return (start, stop);
        }
        if start < end && named(start, end) && t[end - 1].word() {
            return (start, end);
        }
    }
    (from, stop)
}

/// Verbs of making known that a passive report names its source after
/// "by" with: "The leak was first reported by the Ledger."
pub(super) const PASSIVE_REPORTS: [&str; 5] = ["reported", "announced", "confirmed", "revealed", "disclosed"];

/// `C was (first) reported by S`: a passive report names its source after
/// "by", and what was reported is the subject of the sentence ("The
/// registration issue was first reported by the Ledger.", "The closure was
/// announced by the mayor on Monday."). Only when nothing but the time or
/// place of the report follows the source: "The fire was reported by a
/// neighbour who saw smoke" tells more than who reported it.
pub(super) fn reported_by(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    if !c.has(Mark::By) {
        return false;
    }
    let t = c.t;
    let Some(by) = (2..t.len().saturating_sub(1)).find(|&k| {
        c.lower_is(k, "by") && !t[k].quoted && PASSIVE_REPORTS.iter().any(|w| c.lower_is(k - 1, w)) && !t[k - 1].cap
    }) else {
        return false;
    };
    let cue = by - 1;
    // "was first reported", "were later confirmed": an adverb between.
    let mut aux = cue - 1;
    while aux > 0
        && (c.lower_is(aux, "first")
            || super::phrases::is_adverb(c, aux)
            || (t[aux].word() && t[aux].text(c.doc).ends_with("ly")))
    {
        aux -= 1;
    }
    // "C, a fact first reported by the Ledger", "C -- a detail revealed
    // by S": a noun with an indefinite article after a comma or dash sums
    // up the claim before it.
    let summed = (aux.saturating_sub(2)..=aux)
        .find(|&k| c.lower_is(k, "a") || c.lower_is(k, "an"))
        .filter(|&k| {
            k >= 2
                && matches!(t[k - 1].kind, Kind::Comma | Kind::Dash)
                && !t[k - 1].quoted
                && t[k + 1..=aux].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
        })
        .map(|k| k - 1);
    let end = if let Some(end) = summed {
        end
    } else {
        if !["was", "were", "is", "are", "been"].iter().any(|w| c.lower_is(aux, w)) {
            return false;
        }
        // ("has been reported", "had been confirmed": the auxiliary before.)
        let end = if c.lower_is(aux, "been") && aux > 0 && t[aux - 1].is(class::AUX) { aux - 1 } else { aux };
        // The subject opens the sentence, a phrase of its own words.
        if end == 0 || t[..end].iter().any(|x| !x.word() || x.quoted || x.entry.cue.is_some() || x.is(class::PRON)) {
            return false;
        }
        end
    };
    let Some((s, e)) = super::phrases::np_forward(c, by + 1, false) else {
        return false;
    };
    if !(t[s].cap || t[s].is(class::DET)) || t[s].is(class::PRON) {
        return false;
    }
    // Only the time or place of the report after the source.
    let mut k = e;
    while k < t.len() && t[k].word() && !t[k].quoted && (t[k].is(class::PREP | class::TIME) || t[k].cap) {
        k += 1;
    }
    // (Or an appositive of the source's: "by Christopher Heath, a local
    // reporter.")
    if k < t.len()
        && t[k].kind == Kind::Comma
        && let Some((_, e2)) = super::phrases::np_forward(c, k + 1, false)
    {
        k = e2;
    }
    if !(k == t.len() || (k + 1 == t.len() && t[k].kind == Kind::Stop)) {
        return false;
    }
    let Some(content) = c.content(0, end) else {
        return false;
    };
    out.push(Frame {
        attribution: Attribution::Indirect,
        content,
        content2: None,
        cue: Some(c.bytes(cue, by)),
        source: Source::Mention { np: (s, e), appositive: None },
    });
    true
}
