//! Colon frames: a noun of saying before a colon names who said what
//! follows it. `Ortiz's message to residents was blunt: "Q"`, `Her
//! response: "Q"`, `The warning from the sheriff was clear: C`, `For
//! Ortiz, the answer is simple: C`, `Ortiz had a simple answer: "Q"`,
//! `Ortiz put it bluntly: C`. Tried after every other frame: a cue reads
//! a sentence better.

use super::phrases::{is_agent_noun, np_back, starts_clause, subject_before};
use super::{Ctx, Frame, Mark, Source, is_function, is_possessive};
use crate::extract::cues::{self, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::Kind;

/// Nouns for what someone said, whose content a colon may introduce.
const SAYING: [&str; 31] = [
    "message",
    "statement",
    "answer",
    "response",
    "reply",
    "advice",
    "warning",
    "verdict",
    "assessment",
    "view",
    "reaction",
    "explanation",
    "prediction",
    "plea",
    "argument",
    "conclusion",
    "retort",
    "words",
    "instructions",
    "orders",
    "promise",
    "pledge",
    "vow",
    "request",
    "demand",
    "appeal",
    "comment",
    "point",
    "diagnosis",
    "forecast",
    "recommendation",
];

/// Verbs whose subject gives the message they take: "Ortiz had a simple
/// answer:", "offered a blunt assessment:", "released a statement:".
const GIVE: [&str; 9] = ["had", "has", "offered", "gave", "delivered", "issued", "released", "sent", "added"];

pub(super) fn colon_report(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    // Most sentences that come here have no colon (one walk over the
    // tokens tells every family what it hangs on: see `Ctx::has`).
    let t = c.t;
    // The first colon outside quotation, with a short opening before it;
    // or a comma right before a quotation ("The mayor issued a statement,
    // \"Q\"").
    let k = if c.has(Mark::Colon) {
        t.iter().position(|x| x.kind == Kind::Colon && !x.quoted)
    } else if c.has(Mark::Open) && c.has(Mark::Break) {
        (1..t.len())
            .find(|&k| t[k].kind == Kind::Comma && !t[k].quoted && t.get(k + 1).is_some_and(|n| n.kind == Kind::Open))
    } else {
        None
    };
    let Some(k) = k else {
        return false;
    };
    // (Cues before it had their chance: every other frame came first.)
    if !(2..=14).contains(&k) || k + 2 > t.len() || t[..k].iter().any(|x| x.quoted) {
        return false;
    }
    let Some((cue, source)) = put_it(c, k).or_else(|| saying_noun(c, k)).or_else(|| stance(c, k)) else {
        return false;
    };
    let (attribution, content) = if t[k + 1].kind == Kind::Open
        && let Some(close) = c.close_of(k + 1)
        && t[close + 1..].iter().all(|x| !x.word())
    {
        (Attribution::Direct, c.inside_quote(k + 1, close))
    } else if t[k].kind == Kind::Comma {
        // (After a comma only a quotation that ends the sentence: "Her
        // response, \"Never again,\" was quick" is an appositive.)
        return false;
    } else {
        (Attribution::Indirect, c.content(k + 1, t.len()))
    };
    let Some(content) = content else {
        return false;
    };
    out.push(Frame { attribution, content, content2: None, cue: Some(c.bytes(cue, cue + 1)), source });
    true
}

/// "was", "is": the short predicate before the colon ("was blunt").
fn copula(c: &Ctx, i: usize) -> bool {
    ["was", "is", "were", "are"].iter().any(|w| c.lower_is(i, w))
}

/// Whether the phrase `[s, e)` can be a source: a name, a pronoun or a
/// noun for people or a body ("For years, the answer was": no one).
fn can_source(c: &Ctx, s: usize, e: usize) -> bool {
    let t = c.t;
    e > s
        && !t[s..e].iter().any(|x| x.is(class::TIME) || !x.word())
        && t[s..e].iter().enumerate().any(|(i, x)| {
            (x.cap && !x.is(class::DET) && !is_function(x))
                || x.is(class::PRON)
                || ["his", "her", "their", "its"].iter().any(|w| c.lower_is(s + i, w))
                || is_agent_noun(c, s + i)
                // "the sheriff's": the owner's noun.
                || cues::possessive_owner(x.text(c.doc))
                    .is_some_and(|w| cues::lookup(w).class & (class::ROLE | class::ANON | class::GROUP | class::ORG) != 0)
        })
}

/// `S, the union's leader, was triumphant: "Q"`, `S was more cautious:
/// "Q"`: the subject of a short predicate that tells how they spoke, then
/// a quotation (only a quotation: "Roe was right: the bridge fell" is the
/// writer's). Gives the predicate's last word as the cue: "triumphant".
fn stance(c: &Ctx, k: usize) -> Option<(usize, Source)> {
    let t = c.t;
    if t[k].kind != Kind::Colon || t.get(k + 1).is_none_or(|x| x.kind != Kind::Open) {
        return None;
    }
    let j = (1..k).rev().find(|&j| copula(c, j))?;
    if !(2..=4).contains(&(k - j))
        || !t[j + 1..k].iter().all(|x| x.word() && !x.cap && !x.is(class::DET) && x.entry.cue.is_none())
    {
        return None;
    }
    let source = subject_before(c, j, |s| s == 0 || starts_clause(c, s))?;
    let np = match source {
        Source::Mention { np, .. } => np,
        _ => return None,
    };
    (can_source(c, np.0, np.1) && !t[np.0].is(class::PRON) || t[np.0].is(class::PRON) && np.1 == np.0 + 1)
        .then_some((k - 1, source))
}

/// `S put it bluntly:`, `S put it this way:`: the subject of "put it".
/// Gives the cue's position and the source.
fn put_it(c: &Ctx, k: usize) -> Option<(usize, Source)> {
    let t = c.t;
    let j = (1..k.saturating_sub(1)).find(|&j| c.lower_is(j, "put") && c.lower_is(j + 1, "it"))?;
    if k - (j + 2) > 3 || !t[j + 2..k].iter().all(|x| x.word() && !x.cap) {
        return None;
    }
    let np = np_back(c, j)?;
    can_source(c, np.0, np.1).then_some((j, Source::Mention { np, appositive: None }))
}

/// A noun of saying before the colon, with who said it: its owner
/// ("Ortiz's message", "her response"), the phrase after "from" ("the
/// warning from the sheriff"), the phrase after an opening "For" ("For
/// Ortiz, the answer"), or the subject of a verb of giving ("Ortiz had a
/// simple answer"). After the noun only a listener ("to residents") and a
/// short predicate ("was blunt", "is simple") may stand before the colon.
fn saying_noun(c: &Ctx, k: usize) -> Option<(usize, Source)> {
    let t = c.t;
    let n = (0..k).find(|&i| t[i].word() && !t[i].cap && SAYING.iter().any(|w| c.lower_is(i, w)))?;
    // What stands between the noun and the colon.
    let mut j = n + 1;
    let mut from = None;
    if j < k && c.lower_is(j, "from") {
        // The phrase runs to the predicate or the colon.
        let s = j + 1;
        let e = (s..k).find(|&i| copula(c, i)).unwrap_or(k);
        if e - s > 6 || t[s..e].iter().any(|x| x.is(class::SUB | class::CONJ)) {
            return None;
        }
        if !can_source(c, s, e) {
            return None;
        }
        from = Some((s, e));
        j = e;
    } else if j < k && (c.lower_is(j, "to") || c.lower_is(j, "for")) {
        j += 1;
        let start = j;
        while j < k && j - start < 4 && t[j].word() && !t[j].is(class::AUX | class::SUB | class::PRON) {
            j += 1;
        }
    }
    if j < k && copula(c, j) {
        j += 1;
        let start = j;
        while j < k && j - start < 2 && t[j].word() && !t[j].cap && !is_function(&t[j]) {
            j += 1;
        }
    }
    if j != k {
        return None;
    }
    if let Some(np) = from {
        return Some((n, Source::Mention { np, appositive: None }));
    }
    // Up to two modifiers before the noun: "Ortiz's blunt message".
    let mut p = n;
    while p > 0
        && n - p < 2
        && t[p - 1].word()
        && !t[p - 1].cap
        && !is_function(&t[p - 1])
        && !t[p - 1].is(class::DET)
        && !is_possessive(c, p - 1)
    {
        p -= 1;
    }
    if p > 0 && (is_possessive(c, p - 1) || ["his", "her", "their", "its"].iter().any(|w| c.lower_is(p - 1, w))) {
        let o = p - 1;
        let mut s = o;
        if is_possessive(c, o) {
            while s > 0 && t[s - 1].word() && t[s - 1].cap && !t[s - 1].is(class::DET) {
                s -= 1;
            }
            // ("The sheriff's advice": the article and the noun owning it.)
            if s == o && s > 0 && t[s - 1].is(class::DET) {
                s -= 1;
            }
        }
        // The owner opens the sentence (maybe after a conjunction), so the
        // noun heads its subject: "Fans loved Ortiz's answer: ..." is no
        // report of hers.
        let opens = s == 0 || (s == 1 && t[0].is(class::CONJ));
        return (opens && can_source(c, s, o + 1)).then_some((n, Source::Owner { np: (s, o + 1) }));
    }
    // An article before the noun, after "For S," or a verb of giving.
    if p == 0 || !t[p - 1].is(class::DET) {
        return None;
    }
    let d = p - 1;
    if d >= 3 && c.lower_is(0, "for") && t[d - 1].kind == Kind::Comma {
        return can_source(c, 1, d - 1).then_some((n, Source::Mention { np: (1, d - 1), appositive: None }));
    }
    if d >= 2 && GIVE.iter().any(|w| c.lower_is(d - 1, w)) {
        let np = np_back(c, d - 1)?;
        // ("After the attacks, Roe issued a statement: \"Q\"".)
        let opens = np.0 == 0 || (np.0 == 1 && t[0].is(class::CONJ)) || starts_clause(c, np.0);
        return (opens && can_source(c, np.0, np.1)).then_some((n, Source::Mention { np, appositive: None }));
    }
    None
}
