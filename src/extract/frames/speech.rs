//! Speaker-first frames: `S said [that] C`, `S told R that C`, `S said:
//! "Q"`, coordinated continuations (`... but said that D`, `..., adding
//! that D`), a subject shared across "and" and the cue-first `Said S: "Q"`.

use super::participle::participle_kind;
use super::phrases::{
    is_adverb, is_agent_noun, is_connective, is_irregular_past, np_back, np_forward, plural_form, skip_aux_back,
    skip_object, starts_clause, subject_before, time_opening, time_or_place,
};
use super::{Ctx, Frame, Source, content_frame, cue_at, is_indefinite, is_possessive, starts_with_digit};
use crate::extract::cues::{CueKind, OBJECT_PARTICIPLES, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::Kind;

/// Verbs of saying that take "with" and whom the speaker sides with: a
/// stance then ("agreed with Roe about the winner"), not a report
/// ("agreed that C", "agreed to C").
pub(super) const AGREE: [&str; 3] = ["agreed", "agrees", "agree"];

pub(super) struct Complement {
    pub(super) start: usize,
    /// After "that".
    pub(super) that: bool,
}

/// Where the content of a speaker-first frame starts, after the cue at
/// `cue`: a "that", a quotation, a colon, or a clause after adverbials.
pub(super) fn complement(c: &Ctx, cue: usize, kind: CueKind) -> Option<Complement> {
    let t = c.t;
    if let Some(own) = own_words_clause(c, cue) {
        return Some(own);
    }
    if kind == CueKind::Other {
        return object(c, cue);
    }
    // "found last week that C" as a belief would be; "shows a tie" too.
    if kind == CueKind::Finding {
        return complement(c, cue, CueKind::Belief).or_else(|| object(c, cue));
    }
    let mut j = cue + 1;
    if kind == CueKind::Tell {
        j = skip_object(c, j);
        // "told a cheering crowd in Ohio that C", "told city leaders on
        // Monday that C": a longer listener, plain words up to "that".
        if let Some(that) = (j..t.len().min(j + 10)).find(|&k| c.lower_is(k, "that"))
            && that > j
            && that + 1 < t.len()
            && t[j..that].iter().all(|x| {
                x.word()
                    && !x.quoted
                    && x.entry.cue.is_none()
                    && !x.is(class::SUB | class::CONJ | class::AUX | class::PRON)
            })
        {
            return Some(Complement { start: that + 1, that: true });
        }
    }
    let limit = j + 16;
    let mut in_pp = false;
    let weak = t[cue].is(class::WEAK_CUE);
    // "He added a note of caution", "added an extra week": an object.
    if ["added", "adds", "add"].iter().any(|w| c.lower_is(cue, w)) && is_indefinite(c, cue + 1) {
        return None;
    }
    let infinitive = t[cue].is(class::INFINITIVE);
    while j < t.len() && j < limit {
        let x = &t[j];
        // "posted a photo": an object, not content ("emphasized why C" and
        // "revealed how C" are content).
        if weak
            && x.word()
            && !x.quoted
            && !c.lower_is(j, "that")
            && !["why", "how", "whether"].iter().any(|w| c.lower_is(j, w))
            && !x.is(class::PRON)
            // ("emphasized it's not an endorsement": a pronoun with its verb.)
            && crate::extract::cues::contracted_pronoun(x.text(c.doc)).is_none()
            && !(x.is(class::TIME) || (x.is(class::PREP) && !c.lower_is(j, "to")) || in_pp)
            && !((c.lower_is(j, "early") || c.lower_is(j, "late")) && t.get(j + 1).is_some_and(|n| n.is(class::TIME)))
        {
            return None;
        }
        if infinitive && !in_pp && c.lower_is(j, "to") {
            return Some(Complement { start: j, that: false });
        }
        match x.kind {
            Kind::Open => {
                return Some(Complement { start: j, that: false });
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
                // "said, however, that C": a connective set off by commas.
                if j + 3 < t.len() && is_connective(c, j + 1) && t[j + 2].kind == Kind::Comma {
                    if c.lower_is(j + 3, "that") || !t[j + 3].word() {
                        j += 2;
                        continue;
                    }
                    return Some(Complement { start: j + 3, that: false });
                }
                // "asked Ann Roe, the debate's moderator, to check C": an
                // appositive after the listener, then the infinitive.
                if infinitive
                    && kind == CueKind::Tell
                    && t.get(j + 1).is_some_and(|n| n.is(class::DET) || is_possessive(c, j + 1))
                    && let Some(close) = (j + 2..t.len().min(j + 16)).find(|&k| t[k].kind != Kind::Word || t[k].quoted)
                    && t[close].kind == Kind::Comma
                    && c.lower_is(close + 1, "to")
                    && !t[j + 1..close].iter().any(|x| x.entry.cue.is_some())
                {
                    return Some(Complement { start: close + 1, that: false });
                }
                // "says, win or lose, she is staying": a phrase set off by
                // commas opens the content, whose subject follows it.
                if !in_pp
                    && t.get(j + 1).is_some_and(|n| n.word() && !n.cap && !n.quoted && !n.is(class::PREP | class::SUB))
                    && let Some(m) = (j + 2..t.len().min(j + 10)).find(|&m| !t[m].word() || t[m].quoted)
                    && t[m].kind == Kind::Comma
                    && t[j + 1..m].iter().all(|x| x.entry.cue.is_none())
                    && t.get(m + 1).is_some_and(|n| n.word() && !n.quoted)
                    && ((t[m + 1].is(class::PRON)
                        && !c.lower_is(m + 1, "who")
                        && t.get(m + 2).is_some_and(|n| n.word() && !n.quoted && n.is(class::AUX) && !n.cap))
                        // ("..., he's staying".)
                        || crate::extract::cues::contracted_pronoun(t[m + 1].text(c.doc)).is_some())
                {
                    return Some(Complement { start: j + 1, that: false });
                }
                // "said, among other things, that C": a phrase set off by
                // commas before the content.
                if t.get(j + 1).is_some_and(|n| n.word() && !n.cap && n.is(class::PREP)) && !c.lower_is(j + 1, "that") {
                    in_pp = true;
                }
                // "continues to insist, most recently in an interview with
                // a radio station, that C": any plain phrase set off by
                // commas, when "that" follows it.
                if !in_pp
                    && t.get(j + 1).is_some_and(|n| n.word() && !n.quoted && !n.cap)
                    && let Some(m) = (j + 2..t.len().min(j + 18)).find(|&m| !t[m].word() || t[m].quoted)
                    && t[m].kind == Kind::Comma
                    && c.lower_is(m + 1, "that")
                    && m + 2 < t.len()
                    && t[j + 1..m].iter().all(|x| x.entry.cue.is_none() && !x.is(class::SUB))
                {
                    return Some(Complement { start: m + 2, that: true });
                }
                // "Leahy reported, The foundation refused to C", "Roe
                // said, we have been able to C": a clause right after the
                // comma (a quotation whose marks were lost, or copy that
                // sets what was said off by a comma alone).
                // (Not in a clause of its own: "If you watch what he said
                // this week, he talked about ...".)
                if kind == CueKind::Speech
                    && !in_pp
                    && t[cue + 1..j].iter().all(|x| x.is(class::TIME))
                    && !t[..cue]
                        .iter()
                        .any(|x| !x.quoted && (x.is(class::SUB) || x.text(c.doc).eq_ignore_ascii_case("what")))
                    && let Some(start) = clause_after_comma(c, j + 1)
                {
                    return Some(Complement { start, that: false });
                }
                if !in_pp && t.get(j + 1).is_some_and(|n| n.kind != Kind::Open) && !c.lower_is(j + 1, "that") {
                    return None;
                }
                j += 1;
            }
            Kind::Word if x.quoted => {
                return Some(Complement { start: j, that: false });
            }
            // "said that would pay for it": "that" is the subject.
            Kind::Word
                if c.lower_is(j, "that")
                    && t.get(j + 1).is_some_and(|n| {
                        !n.cap
                            && ["is", "was", "would", "will", "could", "can", "has", "had", "may", "might", "should"]
                                .iter()
                                .any(|w| c.lower_is(j + 1, w))
                    }) =>
            {
                return Some(Complement { start: j, that: false });
            }
            Kind::Word if c.lower_is(j, "that") => {
                // "said that, \"Q\"": the comma only leads into the quotation.
                let start = if t.get(j + 1).is_some_and(|n| n.kind == Kind::Comma) { j + 2 } else { j + 1 };
                return (start < t.len()).then_some(Complement { start, that: true });
            }
            // "said if S wins, ...": a clause, not a prepositional phrase.
            Kind::Word
                if !in_pp
                    && ["whether", "if", "how", "what", "why", "who", "where"].iter().any(|w| c.lower_is(j, w)) =>
            {
                return Some(Complement { start: j, that: false });
            }
            // "said when the ferry returns, fares will stay": an adverbial
            // clause that opens the content, not a time of the saying.
            Kind::Word if !in_pp && opens_adverbial_clause(c, j) => {
                return Some(Complement { start: j, that: false });
            }
            // "pointed out that", "spelled out"; "wrote back: \"Q\"", "fired
            // back that C".
            Kind::Word if j == cue + 1 && c.lower_is(j, "out") => j += 1,
            // ("said back in 2015 that C", "said back then: \"Q\"": a time
            // that "back" puts in the past.)
            Kind::Word
                if j == cue + 1
                    && c.lower_is(j, "back")
                    && t.get(j + 1).is_some_and(|n| {
                        matches!(n.kind, Kind::Colon | Kind::Open)
                            || c.lower_is(j + 1, "that")
                            || (n.word() && !n.cap && n.is(class::PREP | class::TIME) && !n.is(class::SUB))
                    }) =>
            {
                j += 1
            }
            // "this week" is a time, "this provides" a clause.
            Kind::Word
                if x.is(class::TIME)
                    && !is_possessive(c, j)
                    && (!x.is(class::DET) || t.get(j + 1).is_some_and(|n| n.is(class::TIME))) =>
            {
                // "on Friday" closes a prepositional phrase; "in the early
                // morning hours" goes on to its noun.
                in_pp = in_pp
                    && t.get(j + 1).is_some_and(|n| {
                        n.word()
                            && !n.cap
                            && !n.quoted
                            && !c.lower_is(j + 1, "that")
                            && !n.is(class::DET
                                | class::PRON
                                | class::ANON
                                | class::GROUP
                                | class::AUX
                                | class::SUB
                                | class::CONJ
                                | class::PREP
                                | class::TIME)
                    });
                j += 1;
            }
            // "tweeted early Friday that".
            Kind::Word
                if !in_pp
                    && (c.lower_is(j, "early") || c.lower_is(j, "late"))
                    && t.get(j + 1).is_some_and(|n| n.is(class::TIME)) =>
            {
                j += 1;
            }
            // "said about half of them ...": a quantity, not a phrase.
            Kind::Word
                if !in_pp
                    && ["about", "over", "around", "nearly", "almost", "roughly", "some"]
                        .iter()
                        .any(|w| c.lower_is(j, w))
                    && t.get(j + 1).is_some_and(|n| {
                        n.word()
                            && (n.is(class::QUANT)
                                || n.text(c.doc).starts_with(|ch: char| ch.is_ascii_digit() || ch == '$'))
                    }) =>
            {
                return Some(Complement { start: j, that: false });
            }
            // "said at least 200 trees fell", "said as many as 40 died":
            // a quantity opens the clause; "at" and "as" are no place.
            Kind::Word
                if !in_pp
                    && ((c.lower_is(j, "at") && (c.lower_is(j + 1, "least") || c.lower_is(j + 1, "most")))
                        || (c.lower_is(j, "as")
                            && ["many", "much", "few", "little"].iter().any(|w| c.lower_is(j + 1, w))
                            && c.lower_is(j + 2, "as"))) =>
            {
                return Some(Complement { start: j, that: false });
            }
            // "said repeatedly that C", "has said publicly that C", "said
            // again on Monday that C": an adverb of the saying.
            Kind::Word if !in_pp && j > cue && is_adverb(c, j) && !x.cap && adverb_leads_on(c, j) => j += 1,
            Kind::Word if x.is(class::PREP) && !x.cap => {
                in_pp = true;
                j += 1;
            }
            // "said after the meeting he would ...": a subject pronoun ends
            // the prepositional phrase and opens the content.
            // ("said in a statement it was cooperating": "it" too, before
            // its verb.)
            Kind::Word
                if in_pp
                    && x.is(class::PRON)
                    && (!["who", "which", "that", "it"].iter().any(|w| c.lower_is(j, w))
                        || (c.lower_is(j, "it")
                            && after_message(c, j)
                            && t.get(j + 1).is_some_and(|n| n.is(class::AUX) && !n.cap))) =>
            {
                return Some(Complement { start: j, that: false });
            }
            // "asked for a photo and Clinton said, \"Q\"": a subject after
            // "and" with a verb of saying of its own opens another report,
            // which the content is.
            Kind::Word
                if in_pp
                    && !x.quoted
                    && matches!(cue_at(c, j), Some(CueKind::Speech | CueKind::Tell))
                    && np_back(c, skip_aux_back(c, j)).is_some_and(|(s, _)| {
                        s > cue + 1 && (c.lower_is(s - 1, "and") || c.lower_is(s - 1, "but"))
                    }) =>
            {
                return None;
            }
            Kind::Word if in_pp => j += 1,
            Kind::Word => {
                if ["whether", "if", "how", "what", "why", "who", "where"].iter().any(|w| c.lower_is(j, w)) {
                    return Some(Complement { start: j, that: false });
                }
                // "Everything S says is a lie", "S showed up": no clause.
                // "S has said little about the talks", "said nothing
                // publicly": no claim.
                if x.is(class::CONJ | class::SUB | class::AUX)
                    || ["up", "out", "off", "down", "back", "away"].iter().any(|w| c.lower_is(j, w))
                    || (matches!(kind, CueKind::Speech | CueKind::Tell)
                        && ["little", "nothing", "anything"].iter().any(|w| c.lower_is(j, w))
                        // ("said nothing would change", "little changed":
                        // the clause's subject.)
                        && !finite_follows(c, j + 1, &["has", "had"])
                        && !t.get(j + 1).is_some_and(|n| n.word() && n.text(c.doc).ends_with("ed")))
                {
                    return None;
                }
                // Beliefs and findings take a clause, not an adjective or
                // an object: "S feels stung", "S found a way".
                if kind == CueKind::Belief
                    && !(x.is(class::PRON)
                        || x.cap
                        || (x.is(class::DET) && (!is_indefinite(c, j) || finite_follows(c, j + 1, &["has", "had"])))
                        || (x.is(class::QUANT) && c.t.get(j + 1).is_some_and(|n| n.word() && !n.is(class::PREP)))
                        || bare_subject(c, j)
                        || (infinitive && bare_subject_of_infinitive(c, j)))
                {
                    return None;
                }
                return Some(Complement { start: j, that: false });
            }
            Kind::Stop | Kind::Semicolon => return None,
            _ => j += 1,
        }
    }
    None
}

/// Whether what follows the adverb at `j` goes on to a content: "that",
/// a quotation, a colon, a question word ("showed just how weak"), a
/// phrase of time or place, or a clause's subject ("said repeatedly they
/// would"); not a noun ("wrote only one amendment",
/// "figures reported on Sunday now suggest").
fn adverb_leads_on(c: &Ctx, j: usize) -> bool {
    c.t.get(j + 1).is_some_and(|n| match n.kind {
        Kind::Open | Kind::Colon | Kind::Comma => true,
        Kind::Word if n.quoted => true,
        Kind::Word => {
            c.lower_is(j + 1, "that")
                || ["how", "what", "why", "whether", "who", "where"].iter().any(|w| c.lower_is(j + 1, w))
                || is_adverb(c, j + 1)
                || n.is(class::PREP | class::TIME | class::PRON)
                || (n.is(class::DET) && !n.is(class::QUANT))
                || n.cap
        }
        _ => false,
    })
}

/// Whether a whole clause opens at `s`, right after a verb of saying and
/// its comma: a pronoun or a capitalised word as its subject, a finite
/// verb within five plain words ("The foundation refused", "we have been",
/// "The fact is"), and no other report after it. Returns where it starts.
fn clause_after_comma(c: &Ctx, s: usize) -> Option<usize> {
    const FINITE: [&str; 16] = [
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might",
        "must", "did",
    ];
    let t = c.t;
    // (The quotation mark that was lost is left as a token of its own.)
    let s = if t.get(s).is_some_and(|x| x.kind == Kind::Other) { s + 1 } else { s };
    let n = t.get(s)?;
    let subject = n.word()
        && !n.quoted
        && (n.is(class::PRON) && !c.lower_is(s, "who")
            || n.is(class::DET) && !n.is(class::QUANT)
            || n.cap && !n.is(class::PREP | class::SUB | class::CONJ | class::AUX) && n.entry.cue.is_none());
    if !subject {
        return None;
    }
    let verb = (s + 1..t.len().min(s + 6)).find(|&k| {
        let x = &t[k];
        x.word() && !x.cap && (FINITE.iter().any(|w| c.lower_is(k, w)) || x.text(c.doc).ends_with("ed"))
    })?;
    let clause = t[s + 1..verb].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none() && !x.is(class::SUB))
        && !t[s..].iter().any(|x| !x.quoted && matches!(x.cue(), Some(CueKind::Speech | CueKind::Tell)));
    clause.then_some(s)
}

/// Whether a noun with no determiner opens a clause at `j`: "think
/// voters are tired", "expect interest rates will rise". A finite
/// auxiliary within three words, after plain lowercase words only, shows
/// the noun to be its subject ("feels stung", "found a way" have none).
fn bare_subject(c: &Ctx, j: usize) -> bool {
    plain_word(c, j) && finite_follows(c, j + 1, &["have"])
}

/// Whether a finite auxiliary (a modal, a form of "be", or one of
/// `also`) comes at `j` or after plain lowercase words within three: what
/// goes before it is a clause's subject ("voters are tired", "a governor
/// would do better", "said nothing would change"; not "found a way that
/// was", "political will to act").
fn finite_follows(c: &Ctx, j: usize, also: &[&str]) -> bool {
    const FINITE: [&str; 12] =
        ["is", "are", "was", "were", "will", "would", "can", "could", "should", "may", "might", "must"];
    (j..(j + 3).min(c.t.len()))
        .find(|&k| !plain_word(c, k))
        .is_some_and(|k| FINITE.iter().chain(also).any(|w| c.lower_is(k, w)))
}

/// Whether a noun with no determiner is the subject of an infinitive at
/// `j`: "expects prices to fall", "wants voters to know". The same plain
/// words as [`bare_subject`], then "to" and a lowercase word.
fn bare_subject_of_infinitive(c: &Ctx, j: usize) -> bool {
    // ("expects talks to resume": a plural that is also a cue is a noun.)
    let plural_cue = |x: &crate::extract::tokens::Token| {
        x.word() && !x.quoted && !x.cap && x.entry.cue.is_some() && plural_form(x.text(c.doc))
    };
    (plain_word(c, j) || c.t.get(j).is_some_and(plural_cue))
        && (j + 1..(j + 4).min(c.t.len())).find(|&k| !plain_word(c, k)).is_some_and(|k| {
            // (A verb after "to", as far as its ending tells: "access to
            // firearms" is a noun's.)
            c.lower_is(k, "to")
                && c.t.get(k + 1).is_some_and(|n| {
                    let w = n.text(c.doc);
                    n.word() && !n.cap && !n.quoted && !n.is(class::DET) && (!w.ends_with('s') || w.ends_with("ss"))
                })
        })
}

/// A lowercase word that is none of the lexicon's cues, function words or
/// determiners: a noun or an adjective, as far as the frames can tell.
fn plain_word(c: &Ctx, k: usize) -> bool {
    c.t.get(k).is_some_and(|x| {
        x.word() && !x.quoted && !x.cap && x.entry.cue.is_none() && !super::is_function(x) && !x.is(class::DET)
    })
}

/// Whether an adverbial clause opens at `j` ("when the ferry returns,
/// fares will stay") and a main clause follows it after a comma: the two
/// together are what was said. "said when asked about it" (no subject of
/// its own) and "said when the vote ended" (no main clause after it) are
/// the time of the saying.
fn opens_adverbial_clause(c: &Ctx, j: usize) -> bool {
    let t = c.t;
    const OPENERS: [&str; 8] = ["when", "because", "once", "unless", "although", "though", "since", "while"];
    if !OPENERS.iter().any(|w| c.lower_is(j, w)) {
        return false;
    }
    let subject = |i: usize| {
        t.get(i).is_some_and(|n| {
            n.word() && !n.quoted && (n.cap || n.is(class::PRON | class::DET | class::QUANT | class::TIME))
        })
    };
    if !subject(j + 1) {
        return false;
    }
    for k in j + 2..t.len().saturating_sub(1) {
        match t[k].kind {
            Kind::Stop | Kind::Semicolon | Kind::Open => return false,
            Kind::Comma if !t[k].quoted => {
                let n = &t[k + 1];
                // "fares will stay": a bare noun shows itself a subject by
                // the auxiliary after it.
                let bare_noun = n.word()
                    && !n.is(class::CONJ | class::PREP | class::SUB | class::AUX)
                    && t.get(k + 2).is_some_and(|v| v.is(class::AUX) && !v.cap);
                if n.kind == Kind::Open || n.quoted || bare_noun || (subject(k + 1) && !n.is(class::CONJ)) {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// Whether the participle at `k` takes its content as an object.
pub(super) fn object_participle(c: &Ctx, k: usize) -> bool {
    let w = c.t[k].text(c.doc);
    OBJECT_PARTICIPLES.iter().any(|p| p.eq_ignore_ascii_case(w))
}

/// "reiterated her claim that C", "defended his view that C", "stood by
/// their warning that C": one's own words kept are the clause (not
/// "rejected his claim that C": whose claim is not told).
fn own_words_clause(c: &Ctx, cue: usize) -> Option<Complement> {
    let p = if c.lower_is(cue + 1, "by") { cue + 2 } else { cue + 1 };
    let noun = c.t.get(p + 1)?.text(c.doc);
    (["his", "her", "their", "its"].iter().any(|w| c.lower_is(p, w))
        && super::nominal::SAID.iter().chain(&super::nominal::BELIEVED).any(|s| noun.eq_ignore_ascii_case(s))
        && c.lower_is(p + 2, "that")
        && p + 3 < c.t.len()
        && super::nominal::keeps_own_words(c, p).is_some())
    .then_some(Complement { start: p + 3, that: true })
}

/// Stems of verbs that label what they take: "described it as a lapse",
/// "sees himself as a reformer".
const LABELLING: [&str; 13] = [
    "cite",
    "describ",
    "portray",
    "view",
    "see",
    "saw",
    "characteriz",
    "regard",
    "label",
    "brand",
    "dubbed",
    "consider",
    "depict",
];

/// Nouns of a view held, expressed with a clause: "concern that C".
const VIEWS: [&str; 20] = [
    "concern",
    "concerns",
    "confidence",
    "hope",
    "hopes",
    "fear",
    "fears",
    "doubt",
    "doubts",
    "optimism",
    "frustration",
    "skepticism",
    "scepticism",
    "belief",
    "worry",
    "worries",
    "disappointment",
    "regret",
    "dismay",
    "anger",
];

/// The object of a stance cue ("criticized the plan", "called for a
/// recount", "plans to run"): it starts right after the cue and its
/// particle, and a cue with no object ("backed down") frames nothing.
pub(super) fn object(c: &Ctx, cue: usize) -> Option<Complement> {
    let t = c.t;
    let mut j = cue + 1;
    // Verbs with no object of their own report only through their
    // particle: "spoke about C", "seemed to C", "voted against C".
    let verb = t[cue].text(c.doc).to_ascii_lowercase();
    let needs: &[&str] = match verb.as_str() {
        "seem" | "seems" | "seemed" | "appear" | "appears" | "appeared" => &["to"],
        "spoke" | "speaks" | "talked" | "talks" => &["about", "of", "against"],
        "voted" | "votes" => &["for", "against", "to"],
        "railed" => &["against"],
        "sided" | "agreed" | "agrees" | "agree" | "disagreed" | "disagrees" | "disagree" => &["with"],
        "laid" => &["out"],
        "decided" => &["to"],
        "pleaded" | "apologized" => &["for"],
        "pointed" | "points" => &["to"],
        _ => &[],
    };
    // An adverb or a time may come before the particle: "spoke
    // emotionally of C", "voted Thursday to C".
    if !needs.is_empty()
        && t.get(j).is_some_and(|x| {
            let w = x.text(c.doc);
            // (A day, not "last": "last voted for" is a record, no stance.)
            x.word() && !x.quoted && ((x.is(class::TIME) && w.ends_with("day")) || (!x.cap && w.ends_with("ly")))
        })
        && needs.iter().any(|w| c.lower_is(j + 1, w))
    {
        j += 1;
    }
    if !needs.is_empty() && !needs.iter().any(|w| c.lower_is(j, w)) {
        return None;
    }
    if needs == ["to"] && verb.starts_with("point") {
        j += 1;
    }
    // "He appeared to suggest that C", "she seemed to concede C": what
    // the inner verb of saying or belief takes is the content.
    if needs == ["to"]
        && (verb.starts_with("seem") || verb.starts_with("appear"))
        && let Some(kind @ (CueKind::Speech | CueKind::Belief | CueKind::Tell)) = t.get(j + 1).and_then(|n| n.cue())
        && let Some(inner) = complement(c, j + 1, kind)
    {
        return Some(inner);
    }
    // (Not "about" before a number: "ordered about 500 residents to
    // leave" orders the residents, about 500 of them.)
    let approximate = needs.is_empty()
        && ["about", "over", "around"].iter().any(|w| c.lower_is(j, w))
        && t.get(j + 1).is_some_and(|n| n.word() && (starts_with_digit(c, j + 1) || n.is(class::QUANT)));
    if !approximate && ["for", "on", "out", "as", "about", "of", "against", "with"].iter().any(|w| c.lower_is(j, w)) {
        j += 1;
    }
    // "expressed concern that C", "voiced confidence that C": the view
    // expressed is the clause, not its noun.
    if ["expressed", "expresses", "voiced", "voices"].contains(&verb.as_str())
        && let Some(that) = (j..t.len().min(j + 4)).find(|&k| c.lower_is(k, "that"))
        && that > j
        && that + 1 < t.len()
        && t[j..that].iter().all(|x| x.word() && !x.quoted && !x.cap)
        && VIEWS.iter().any(|w| c.lower_is(that - 1, w))
    {
        return Some(Complement { start: that + 1, that: true });
    }
    let x = t.get(j)?;
    // "called into a show", "spoke at a rally": a place or a time, no object.
    if x.word()
        && !x.cap
        && !approximate
        && x.is(class::PREP | class::TIME)
        && !c.lower_is(j, "whether")
        && !c.lower_is(j, "to")
    {
        return None;
    }
    if x.kind == Kind::Open || x.quoted {
        return Some(Complement { start: j, that: false });
    }
    if !x.word() || x.is(class::CONJ | class::AUX) || x.is(class::SUB) && !c.lower_is(j, "whether") {
        return (c.lower_is(j, "that") && j + 1 < t.len()).then_some(Complement { start: j + 1, that: true });
    }
    // "backed it up", "called it off": a particle verb, no content. But
    // "called it \"predatory\"", "called himself \"a fighter\"": a label
    // quoted after the pronoun is the content.
    // ("described it as a lapse": "as" and the label after the pronoun,
    // for a verb that labels; "opposed it as a candidate" is in a role.)
    let labelled = || {
        (j + 1..t.len().min(j + 4)).any(|k| t[k].kind == Kind::Open)
            || (c.lower_is(j + 1, "as") && LABELLING.iter().any(|w| verb.starts_with(w)))
    };
    if ["up", "down", "off", "back", "away", "it", "itself", "himself", "herself", "themselves"]
        .iter()
        .any(|w| c.lower_is(j, w))
        && !labelled()
    {
        return None;
    }
    Some(Complement { start: j, that: false })
}

/// Whether a cue follows at `j` after auxiliaries ("but also said").
fn coordinated_cue(c: &Ctx, mut j: usize) -> bool {
    let t = c.t;
    while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
        j += 1;
    }
    j < t.len() && matches!(cue_at(c, j), Some(CueKind::Speech | CueKind::Tell | CueKind::Declined))
}

/// How a speaker-first content ends early: a coordinated second frame.
struct Next {
    cue: usize,
    kind: CueKind,
    source: Source,
}

/// End of the first piece of a speaker-first content starting at `s`, and
/// the frame that follows: `... but said that D`, `..., adding that D`,
/// `...; S said D`, `..., and S said D`.
fn coordinated(c: &Ctx, s: usize, stance: bool) -> Option<(usize, Option<Next>)> {
    let t = c.t;
    let pronoun_opens = ["he", "she", "they", "we", "i", "it"].iter().any(|w| c.lower_is(s, w));
    for k in s..t.len().saturating_sub(1) {
        let x = &t[k];
        if x.quoted {
            continue;
        }
        // Of words, only a lowercase "and" or "but" opens anything below
        // (every other test is of punctuation): most tokens stop here.
        if x.word() && (x.cap || !(c.lower_is(k, "but") || c.lower_is(k, "and"))) {
            continue;
        }
        if x.word() && !x.cap && (c.lower_is(k, "but") || c.lower_is(k, "and")) {
            let mut j = k + 1;
            while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
                j += 1;
            }
            let end = if k > 0 && t[k - 1].kind == Kind::Comma { k - 1 } else { k };
            // ("complained about the tone but defended Roe", "criticized
            // the plan and praised its goals": a second stance in the past
            // tense is the speaker's too. After a report's clause only
            // with "but": "said the government had not been consulted and
            // considered them a violation" is the government's verb, and
            // after a pronoun opening C, as below, it may be the pronoun's.)
            let second_stance = |kind: CueKind| {
                kind == CueKind::Other
                    && !pronoun_opens
                    && t[j].text(c.doc).ends_with("ed")
                    && (stance || c.lower_is(k, "but"))
            };
            if j < t.len()
                && let Some(kind) = cue_at(c, j)
                && (matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Declined) || second_stance(kind))
            {
                let next = Next { cue: j, kind, source: Source::Previous };
                return Some((end, Some(next)));
            }
            // "promised a veto and attempted to make the case", "said C and
            // encouraged voters to D": a past tense right after "and" or
            // "but" is a second predicate of the speaker's, the writer's
            // narrative ("were misled and defrauded", "arrived and
            // arrested him": a past tense before the conjunction
            // coordinates inside C). Not after a pronoun opening C ("said
            // she was tired and wanted D"): the verb may be the pronoun's,
            // inside what was said, as it is when the same words come
            // first ("She was tired and wanted D, she said").
            if k > s && !pronoun_opens && second_predicate(c, k) {
                return Some((end, None));
            }
            // 'said "We are done here" and walked out', 'chanted "What
            // curfew?" and kept going': after a whole quotation, a past
            // tense is the speaker's next act.
            if k > s + 1
                && t[s].kind == Kind::Open
                && t[k - 1].kind == Kind::Close
                && (s + 1..k - 1).all(|i| t[i].quoted || t[i].kind != Kind::Close)
                && (regular_past(c, k + 1) || is_irregular_past(c, k + 1))
                && !t[k + 1].is(class::AUX | class::PREP)
            {
                return Some((end, None));
            }
        }
        // "..., and S said D", "... — and S noted D".
        // "..., while others said D" contrasts a second speaker too, and
        // "..., though she acknowledged D" concedes.
        // A quotation that ends in its comma ('…a gun," but he said D')
        // breaks the clause as a comma does.
        let comma_like = matches!(x.kind, Kind::Comma | Kind::Dash)
            || (x.kind == Kind::Close && k > 0 && t[k - 1].kind == Kind::Comma && t[k - 1].quoted);
        let clause_break = x.kind == Kind::Semicolon
            || (comma_like
                && (t[k + 1].is(class::CONJ)
                    || ["while", "whereas", "though", "although"].iter().any(|w| c.lower_is(k + 1, w)))
                && !t[k + 1].cap);
        // "... mishandled the inquiry and Democrats accused the GOP of D":
        // a second subject and its own verb of saying or stance, after a
        // word that ends a clause (not "Roe and Diaz said", one subject).
        // A poll's share is such a subject too: "... and one in four said D".
        if x.word()
            && !x.cap
            && k > s
            && (c.lower_is(k, "and") || c.lower_is(k, "but"))
            && t[k - 1].word()
            && !t[k - 1].cap
            && !t[k - 1].quoted
            && !t[k - 1].is(class::DET | class::PREP | class::PRON)
            && let Some(n) = t.get(k + 1)
            && n.word()
            && !n.quoted
            && (n.cap || n.is(class::PRON) || n.is(class::QUANT) || starts_with_digit(c, k + 1))
            && !c.lower_is(k + 1, "it")
        {
            for (j, tj) in t.iter().enumerate().take((k + 6).min(t.len())).skip(k + 2) {
                if tj.quoted || !tj.word() {
                    break;
                }
                if let Some(kind) = cue_at(c, j)
                    && matches!(kind, CueKind::Speech | CueKind::Tell | CueKind::Other)
                    && let Some(source) = subject_before(c, j, |st| st == k + 1).or_else(|| {
                        // "... mishandled the investigation and Democrats
                        // accused D": a name after the conjunction, which a
                        // noun phrase would join to the group noun before.
                        let jj = skip_aux_back(c, j);
                        (jj > k + 1
                            && jj - (k + 1) <= 4
                            && t[k + 1..jj].iter().all(|x| x.word() && x.cap && !x.quoted && !x.is(class::DET)))
                        .then_some(Source::Mention { np: (k + 1, jj), appositive: None })
                    })
                {
                    return Some((k, Some(Next { cue: j, kind, source })));
                }
            }
        }
        if let Some(next) = compared_share(c, k) {
            return Some((k, Some(next)));
        }
        if clause_break {
            let mut from = if x.kind == Kind::Semicolon { k + 1 } else { k + 2 };
            let mut intro = false;
            for (j, tj) in t.iter().enumerate().take((from + 12).min(t.len())).skip(from + 1) {
                // ", and on Monday, the union said D": a short phrase of
                // time or place before the new subject.
                if tj.kind == Kind::Comma && !intro && j <= from + 5 && time_or_place(c, from, j) {
                    intro = true;
                    from = j + 1;
                    continue;
                }
                // ", and one freight company, Maris Lines, said D": a
                // description and the name it gives, then the cue.
                if tj.kind == Kind::Comma
                    && x.kind == Kind::Comma
                    && let Some(m) = (j + 1..(j + 7).min(t.len())).find(|&m| t[m].kind == Kind::Comma)
                    && super::phrases::is_name_of(c, j + 1, m)
                    && let Some(cue) = (m + 1..(m + 3).min(t.len())).find(|&i| !t[i].is(class::AUX) || t[i].cap)
                    && let Some(kind @ (CueKind::Speech | CueKind::Tell)) = cue_at(c, cue)
                    && let Some(source) = subject_before(c, cue, |st| st == from)
                {
                    return Some((k, Some(Next { cue, kind, source })));
                }
                if tj.quoted || matches!(tj.kind, Kind::Comma | Kind::Stop) {
                    break;
                }
                // (", but witnesses described hearing D", ", while 4 in 10
                // want D": a stance or a belief of the new subject's in
                // contrast; after "and" the writer's narrative goes on as
                // often: "and those voters backed Roe".)
                // Not a passive ("but who are considered D") nor a
                // participle that describes ("but the address listed on
                // the records is D"). The subject a group or a share of
                // one: after a name or a pronoun ("..., while Rubio sought
                // a deal") the clause goes on with what was said as often,
                // and the same words framed from the end ("..., Cruz
                // said") keep it in the content.
                let passive = || {
                    (from..j).any(|i| super::BE.iter().any(|w| c.lower_is(i, w)))
                        || ["on", "in", "at", "by"].iter().any(|w| c.lower_is(j + 1, w))
                };
                let group = |np: (usize, usize)| {
                    let head = &t[np.1 - 1];
                    (np.0..np.1).any(|i| t[i].is(class::QUANT) || starts_with_digit(c, i))
                        || (!head.cap && !head.is(class::PRON) && head.text(c.doc).ends_with('s'))
                        || head.is(class::GROUP | class::ANON)
                };
                // ", and Roe is promising D": a participle after its
                // auxiliary is the verb of the new subject's clause.
                let kind = match cue_at(c, j) {
                    Some(CueKind::Participle) if j > from + 1 && t[j - 1].is(class::AUX) && !t[j - 1].cap => {
                        Some(super::participle::participle_kind(c, j))
                    }
                    kind => kind,
                };
                // (", and it hopes to D": a belief of a pronoun after "and"
                // opens its own clause; a pronoun picks up no narrative.)
                let pronoun_belief = kind == Some(CueKind::Belief)
                    && j == from + 1
                    && ["he", "she", "it", "they", "we"].iter().any(|w| c.lower_is(from, w));
                if let Some(kind) = kind
                    && let speech = matches!(kind, CueKind::Speech | CueKind::Tell)
                    && (speech
                        || pronoun_belief
                        || (matches!(kind, CueKind::Other | CueKind::Belief)
                            && !c.lower_is(k + 1, "and")
                            && !passive()))
                    && let Some(source) = subject_before(c, j, |st| st == from)
                    && (speech || pronoun_belief || matches!(source, Source::Mention { np, .. } if group(np)))
                {
                    let next = Next { cue: j, kind, source };
                    // The quotation's closing mark stays with it.
                    let end = if x.kind == Kind::Close { k + 1 } else { k };
                    return Some((end, Some(next)));
                }
            }
        }
        // ", but ...", ", and has ...", "; ..." go on in the writer's voice.
        if x.kind == Kind::Semicolon && !coordinated_cue(c, k + 1) {
            return Some((k, None));
        }
        if x.kind == Kind::Comma
            && t.get(k + 2).is_some_and(|n| !n.quoted)
            && ((c.lower_is(k + 1, "but") && !claim_goes_on_after_but(c, k + 2))
                || (c.lower_is(k + 1, "and") && t[k + 2].is(class::AUX | class::SUB) && !c.lower_is(k + 2, "that"))
                // ", and he railed against ...": the writer tells what the
                // speaker did next.
                || (c.lower_is(k + 1, "and")
                    && (c.lower_is(k + 2, "he") || c.lower_is(k + 2, "she"))
                    && t.get(k + 3).is_some_and(|v| v.word() && !v.quoted && v.text(c.doc).ends_with("ed"))))
            && !coordinated_cue(c, k + 2)
        {
            return Some((k, None));
        }
        // ", adding that D", "— asserting that D": a dash sets the
        // participle off as a comma does.
        // (", even suggesting D", ", later adding D": an adverb first;
        // ", while admitting that D", ", though acknowledging D", ",
        // perhaps recognizing that D": a word that says how it stands to
        // the first clause.)
        if matches!(x.kind, Kind::Comma | Kind::Dash) {
            let mut p = k + 1;
            if ["while", "though", "although", "despite", "perhaps", "apparently", "seemingly", "probably"]
                .iter()
                .any(|w| c.lower_is(p, w))
                && !t[p].quoted
            {
                p += 1;
            }
            while p < (k + 3).min(t.len()) && t[p].is(class::AUX) && !t[p].cap && !t[p].quoted {
                p += 1;
            }
            if p < t.len() && cue_at(c, p) == Some(CueKind::Participle) {
                let kind = participle_kind(c, p);
                let source = relative_subject_before(c, s, k).unwrap_or(Source::Previous);
                let next = Next { cue: p, kind, source };
                return Some((k, Some(next)));
            }
        }
        // "He claimed that C, although he again refused to D": a concession
        // after the comma is the writer's.
        if x.kind == Kind::Comma
            && (c.lower_is(k + 1, "although") || (c.lower_is(k + 1, "even") && c.lower_is(k + 2, "though")))
            && t.get(k + 2).is_some_and(|n| !n.quoted)
            // (Not "a crucial, although brief, opportunity".)
            && t.get(k + 3).is_some_and(|n| n.word())
        {
            return Some((k, None));
        }
    }
    None
}

/// The subject of a relative clause that closes the content before the
/// comma at `k`, in an appositive of its own: "S called the vote rigged,
/// a charge that council leaders denied, noting D", "S proposed a levy,
/// which Democrats rejected, saying D". A participle after it is that
/// subject's: the clause's verb is the last one before it.
fn relative_subject_before(c: &Ctx, from: usize, k: usize) -> Option<Source> {
    let t = c.t;
    let a = (from + 1..k).rev().find(|&i| t[i].kind == Kind::Comma)?;
    let plain = |i: usize| t[i].word() && !t[i].cap && !t[i].quoted;
    let rel = if c.lower_is(a + 1, "which") && plain(a + 1) {
        a + 1
    } else if t.get(a + 1).is_some_and(|d| d.is(class::DET) && !d.is(class::PRON)) {
        (a + 2..k.min(a + 6)).find(|&i| c.lower_is(i, "that") && plain(i))?
    } else {
        return None;
    };
    let np = np_forward(c, rel + 1, false)?;
    // Its verb ends the clause, maybe after an adverb: "strongly denied".
    let verb = k - 1;
    if np.1 >= k || verb - np.1 > 2 || !(np.1..=verb).all(plain) {
        return None;
    }
    let past = t[verb].text(c.doc).ends_with("ed") || is_irregular_past(c, verb);
    (past && !t[np.0].quoted).then_some(Source::Mention { np, appositive: None })
}

/// Whether a past tense of a verb other than a cue, with its object,
/// follows the conjunction at `k`, after a word that is not one itself
/// nor an auxiliary.
/// Whether token `i` is a lowercase past tense in "-ed" of five letters
/// or more ("walked", "attempted"; not "led", "bed").
fn regular_past(c: &Ctx, i: usize) -> bool {
    c.t.get(i).is_some_and(|x| x.word() && !x.quoted && !x.cap && x.end - x.start >= 5 && x.text(c.doc).ends_with("ed"))
}

fn second_predicate(c: &Ctx, k: usize) -> bool {
    let t = c.t;
    let past = |i: usize| regular_past(c, i);
    let before = &t[k - 1];
    // A verb takes its object or clause next ("attempted to", "jailed
    // him", "called the plan"); an adjective its noun ("and related job
    // losses", "and elected officials").
    const OPENERS: [&str; 11] = ["him", "her", "them", "it", "us", "me", "how", "why", "what", "whether", "that"];
    let object = t.get(k + 2).is_some_and(|o| {
        o.kind == Kind::Open
            || (o.word()
                && (o.quoted
                    || o.cap
                    || o.is(class::DET | class::PRON | class::PREP | class::SUB)
                    || OPENERS.iter().any(|w| c.lower_is(k + 2, w))
                    || o.text(c.doc).ends_with("ly")))
    });
    past(k + 1)
        && object
        && !t[k + 1].is(class::AUX | class::PREP)
        && !past(k - 1)
        && !(before.word() && before.is(class::AUX | class::CONJ | class::PREP | class::DET))
}

/// `..., compared with 23 percent who said D` after the comma at `k`: a
/// poll's second share and its own answer, side by side with the first.
fn compared_share(c: &Ctx, k: usize) -> Option<Next> {
    let t = c.t;
    if t[k].kind != Kind::Comma
        || !c.lower_is(k + 1, "compared")
        || !(c.lower_is(k + 2, "with") || c.lower_is(k + 2, "to"))
    {
        return None;
    }
    let who = (k + 4..(k + 12).min(t.len())).find(|&i| c.lower_is(i, "who"))?;
    // The share starts the phrase ("the 30 percent", "only 24 percent").
    let np = np_back(c, who).filter(|np| (k + 3..=k + 4).contains(&np.0))?;
    let mut j = who + 1;
    while j < t.len() && t[j].is(class::AUX) && !t[j].cap {
        j += 1;
    }
    let kind = cue_at(c, j).filter(|kind| matches!(kind, CueKind::Speech | CueKind::Belief))?;
    Some(Next { cue: j, kind, source: Source::Mention { np, appositive: None } })
}

/// Whether the claim goes on after ", but" at `j`: "said the deal was
/// fair, but that it came late", "backs the plan, but not the tax", "but
/// rather ...", "but because ...", or a quotation. Anything else ("but
/// offered no proof", "but the campaign refused") is the writer going on,
/// as a reporter's "but" most often is.
fn claim_goes_on_after_but(c: &Ctx, j: usize) -> bool {
    c.t.get(j).is_some_and(|x| {
        x.kind == Kind::Open || x.quoted || ["that", "not", "rather", "because"].iter().any(|w| c.lower_is(j, w))
    })
}

/// Frames of a speaker-first content (and any coordinated continuation).
pub(super) fn speaker_first(
    c: &Ctx,
    cue: usize,
    kind: CueKind,
    source: Source,
    limit: usize,
    out: &mut Vec<Frame>,
) -> bool {
    let t = c.t;
    // "warned of more layoffs", "complained about the noise": a verb of
    // saying with a topic, not a clause, takes a stance on it.
    let kind = if kind == CueKind::Speech && speaks_of(c, cue) { CueKind::Other } else { kind };
    // "S is endorsing Roe's campaign, the latest turn in ...": the object
    // of a progressive participle that takes one ends as a stance's does.
    let object_taken =
        kind == CueKind::Other || (kind == CueKind::Participle && participle_kind(c, cue) == CueKind::Other);
    let cue_bytes;
    let (start, that, attribution) = if kind == CueKind::Declined {
        // "declined to say [conclusively] that C": the refusal is the content.
        if !c.lower_is(cue + 1, "to") {
            return false;
        }
        let verb = t.get(cue + 2).map(|v| v.text(c.doc).to_ascii_lowercase()).unwrap_or_default();
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
                | "speculate"
                | "predict"
                | "deny"
                | "address"
                | "characterize"
                | "estimate"
                | "explain"
                | "comment"
        ) && !gives_information(c, cue + 2)
            && !refuses_to_act(c, cue, &source)
        {
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
    let (end, next) = match coordinated(c, start.max(cue + 1), kind == CueKind::Other) {
        Some((end, next)) => (end, next),
        None => (t.len(), None),
    };
    // A participle past the clause's end is the main clause's ("While
    // rivals called for C, Hale hewed to D, noting E"): its subject opens
    // the main clause. (After a relative clause the main clause has none
    // of its own: "Roe, who won, will return the favor, saying E" is Roe's.)
    let next = match next {
        Some(n) if end > limit && limit < t.len() => match np_forward(c, limit + 1, false) {
            Some(np) if np.1 < n.cue && t[np.1].word() && !t[np.1].cap && !t[np.1].quoted => {
                Some(Next { source: Source::Mention { np, appositive: None }, ..n })
            }
            _ => Some(n),
        },
        n => n,
    };
    let mut end = end.min(limit);
    if object_taken {
        end = object_end(c, start, end);
    }
    let frame = if attribution == Attribution::Declined {
        c.content(start, end).map(|content| Frame {
            attribution,
            content,
            content2: None,
            cue: Some(cue_bytes),
            source,
        })
    } else {
        content_frame(c, start, end, cue_bytes, source, that).or_else(|| {
            // "S endorsed Roe": a stance's object may be one name. "S
            // has denied wrongdoing": a denial's, one noun.
            let e = (start..end).rev().find(|&k| t[k].word()).map_or(start, |k| k + 1);
            let one = e == start + 1 && t[start].word() && !t[start].quoted;
            let named = object_taken && end == start + 1 && t[start].cap;
            // (Not a passive: "was denied bail".)
            let denied = ["denied", "denies", "deny", "denying"].iter().any(|w| c.lower_is(cue, w))
                && (cue == 0 || !super::BE.iter().any(|w| c.lower_is(cue - 1, w)))
                && !t[start].cap
                && !t[start].is(class::PRON | class::TIME | class::DET | class::PREP | class::AUX);
            (one && (named || denied)).then(|| Frame {
                attribution,
                content: c.bytes(start, e),
                content2: None,
                cue: Some(cue_bytes),
                source,
            })
        })
    };
    let Some(mut frame) = frame else { return false };
    // What a source believes or stands for is not what it said.
    if frame.attribution == Attribution::Indirect {
        match kind {
            CueKind::Belief | CueKind::Finding => frame.attribution = Attribution::Belief,
            CueKind::Other => frame.attribution = Attribution::Other,
            _ => {}
        }
    }
    out.push(frame);
    if let Some(n) = next {
        speaker_first(c, n.cue, n.kind, n.source, t.len(), out);
    }
    true
}

/// Whether the speech cue at `cue` is followed by its topic after a
/// preposition ("warned against the pipeline", "boasted about the
/// figures"), which [`object`] takes as a stance's object.
fn speaks_of(c: &Ctx, cue: usize) -> bool {
    const TOPIC: [(&str, &[&str]); 7] = [
        ("warn", &["of", "against", "about"]),
        ("comment", &["on"]),
        ("caution", &["against", "about"]),
        ("complain", &["about", "of"]),
        ("boast", &["about", "of"]),
        ("brag", &["about", "of"]),
        ("joke", &["about"]),
    ];
    let w = c.t[cue].text(c.doc);
    // "has mentioned the loans": what was mentioned is the topic ("mentioned
    // that C", "mentioned it" are not).
    if ["mentioned", "mentions"].iter().any(|m| w.eq_ignore_ascii_case(m)) {
        return c.t.get(cue + 1).is_some_and(|n| {
            n.word()
                && !n.quoted
                && !n.is(class::SUB | class::PRON | class::PREP | class::TIME | class::AUX | class::CONJ)
        });
    }
    TOPIC.iter().any(|(stem, preps)| {
        w.len() >= stem.len()
            && w[..stem.len()].eq_ignore_ascii_case(stem)
            && matches!(&w[stem.len()..], "" | "s" | "ed" | "d")
            && preps.iter().any(|p| c.lower_is(cue + 1, p))
    })
}

/// Where the object of a stance cue ends, before `end`: the writer's
/// narrative goes on after it ("endorsed Roe last week and has campaigned
/// with her since", "criticized the plan, which ..."). A time, a comma, a
/// subordinate clause or a second verb after "and" closes the object.
fn object_end(c: &Ctx, start: usize, end: usize) -> usize {
    let t = c.t;
    for k in start + 1..end {
        let x = &t[k];
        if x.quoted {
            continue;
        }
        match x.kind {
            Kind::Comma | Kind::Semicolon | Kind::Dash | Kind::Stop => return k,
            Kind::Word if !x.cap => {
                let after_article = t[k - 1].is(class::DET);
                // "last week", "this year", "on Tuesday", but not "the last
                // word" or "this plan".
                let shifter = ["last", "this", "next"].iter().any(|w| c.lower_is(k, w));
                let time = x.is(class::TIME)
                    && !after_article
                    && !is_possessive(c, k)
                    && (!shifter || t.get(k + 1).is_some_and(|n| n.is(class::TIME) && !is_possessive(c, k + 1)));
                if time {
                    let lead = ["on", "early", "late", "since", "until", "by"].iter().any(|w| c.lower_is(k - 1, w));
                    return if lead && k - 1 > start { k - 1 } else { k };
                }
                // "and has appeared", "but refused": a second predicate.
                if (c.lower_is(k, "and") || c.lower_is(k, "but"))
                    && t.get(k + 1).is_some_and(|n| {
                        n.word()
                            && !n.cap
                            && !n.quoted
                            && (n.is(class::AUX) || n.cue().is_some() || n.text(c.doc).ends_with("ed"))
                    })
                {
                    return k;
                }
                // "because", "while", "after ...": the writer's clause.
                // ("four cases in which Kaine defended ...": a relative
                // clause, its preposition before it, describes the object.)
                let relative = ["which", "whom", "whose"].iter().any(|w| c.lower_is(k, w))
                    && t[k - 1].is(class::PREP)
                    && !t[k - 1].cap
                    && k >= start + 3;
                if x.is(class::SUB)
                    && !relative
                    && !["as", "that", "whether", "how", "what", "why", "who", "to"].iter().any(|w| c.lower_is(k, w))
                {
                    return k;
                }
            }
            _ => {}
        }
    }
    end
}

/// `S shook her head and said C`: a cue after "and" with no subject of its
/// own shares the subject that opens the sentence.
pub(super) fn shared_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    if j < 2 || !(c.lower_is(j - 1, "and") || c.lower_is(j - 1, "but")) {
        return None;
    }
    // The subject opens the sentence, or follows an introduction ("By
    // the end of the day, S was forced to retreat and said C").
    let first = t.iter().position(|x| !x.is(class::CONJ))?;
    // The introduction opens with a preposition, subordinator or time,
    // not a subject ("Ann Roe, her rival, ..." has an appositive), or with
    // a participle or adverb ("Greeting the crowd, S ...", "Hastily
    // calling a meeting, S ..."), which is tried before the first word as
    // the subject: a capitalised "-ing" or "-ly" may also be a name
    // ("Kelly shook her head, ...").
    let verbal = opens_with_participle(c, first);
    let after_intro = (first..j.min(first + 12))
        .find(|&k| t[k].kind == Kind::Comma)
        .filter(|_| verbal || t[first].is(class::PREP | class::SUB | class::TIME))
        .map(|k| k + 1)
        .filter(|&k| starts_clause(c, k));
    // ("A few minutes later they closed the room and said C": a phrase of
    // time with no comma.)
    let timed = Some(time_opening(c)).filter(|&k| k > first && k < j);
    let order = if verbal { [after_intro, Some(first), timed] } else { [Some(first), after_intro, timed] };
    order.into_iter().flatten().find_map(|start| {
        // ("The wardens closed the gate and said C": people by a plain
        // noun after an article, their verb next.)
        let (s, e) = np_forward(c, start, false).or_else(|| {
            // (So does a document: "the affidavit cited interviews and
            // said C".)
            np_forward(c, start, true).filter(|&(s, e)| {
                t[s].is(class::DET)
                    && (is_agent_noun(c, e - 1)
                        || plural_form(t[e - 1].text(c.doc))
                        || t[e - 1].is(class::DOCUMENT) && !t[e - 1].cap)
                    && t.get(e).is_some_and(|v| v.text(c.doc).ends_with("ed") || is_irregular_past(c, e))
            })
        })?;
        if is_possessive(c, e - 1) {
            return None;
        }
        // "Jessie Elkins, 70, had served ... and said C": an appositive
        // between a name and its verb.
        let appositive = (t.get(e).is_some_and(|x| x.kind == Kind::Comma) && t[s..e].iter().any(|x| x.cap))
            .then(|| (e + 2..j.min(e + 8)).find(|&k| t[k].kind == Kind::Comma))
            .flatten()
            // (A description, an age or a name: not "for example" nor a
            // relative clause.)
            .filter(|&close| {
                let first = &t[e + 1];
                (first.is(class::DET) && !first.is(class::PRON) || first.cap || starts_with_digit(c, e + 1))
                    && !first.is(class::PREP)
                    && t[e + 1..close]
                        .iter()
                        .all(|x| x.word() && !x.quoted && x.entry.cue.is_none() && !x.is(class::AUX))
            })
            .map(|close| (e + 1, close))
            // "Priebus, who has been in contact with the campaign for
            // months, arrived ... and acknowledged C": a relative clause
            // that reports nothing itself.
            .or_else(|| {
                (t.get(e).is_some_and(|x| x.kind == Kind::Comma)
                    && c.lower_is(e + 1, "who")
                    && t[s..e].iter().any(|x| x.cap))
                .then(|| (e + 3..j.min(e + 20)).find(|&k| t[k].kind == Kind::Comma))
                .flatten()
                .filter(|&close| {
                    t[e + 2..close].iter().all(|x| x.word() && !x.quoted) && !super::reports_in(c, e + 2..close)
                })
                .map(|close| (e + 1, close))
            })
            // "House Democrats, looking for a way to force a vote, seized
            // the floor and said C": a participle phrase of what the
            // subject was doing, which reports nothing itself.
            .or_else(|| {
                (t.get(e).is_some_and(|x| x.kind == Kind::Comma) && participle_aside(c, e + 1))
                    .then(|| (e + 3..j.min(e + 20)).find(|&k| t[k].kind == Kind::Comma))
                    .flatten()
                    .filter(|&close| {
                        t[e + 2..close].iter().all(|x| x.word() && !x.quoted) && !super::reports_in(c, e + 1..close)
                    })
                    .map(|close| (e + 1, close))
            });
        let mut v = appositive.map_or(e, |(_, close)| close + 1);
        // "Acme on Tuesday cut its forecast ... and said C": the day
        // between the subject and its verb.
        if c.lower_is(v, "on") && t.get(v + 1).is_some_and(|x| x.is(class::TIME) && x.cap) {
            v += 2;
        } else if t.get(v).is_some_and(|x| x.is(class::TIME) && x.cap) && v + 1 < j {
            v += 1;
        }
        // The subject is followed by its own verb phrase, which the cue
        // joins.
        if v >= j - 1
            || !t[v].word()
            || t[v].is(class::PREP | class::SUB | class::CONJ)
            || (appositive.is_some()
                && (t[v].cap
                    || t[v].is(class::DET)
                    // The cue is the appositive's subject's own, not that
                    // of a clause in between ("... leaders who get votes
                    // and have backed ...").
                    || t[v..j].iter().any(|x| {
                        !x.quoted
                            && (matches!(x.kind, Kind::Semicolon | Kind::Colon)
                                || ["who", "which", "that"].iter().any(|w| x.text(c.doc).eq_ignore_ascii_case(w)))
                    })))
            || t[s].is(class::PRON) && s + 1 != e
        {
            return None;
        }
        // (A relative clause or a participle phrase is skipped but is no
        // role.)
        Some(Source::Mention {
            np: (s, e),
            appositive: appositive.filter(|a| !c.lower_is(a.0, "who") && !participle_aside(c, a.0)),
        })
    })
}

/// Whether token `k` opens a participle phrase set off by commas after a
/// subject: a lowercase "-ing" word of six letters or more that is no cue
/// ("looking", "facing"; not "saying").
fn participle_aside(c: &Ctx, k: usize) -> bool {
    c.t.get(k).is_some_and(|x| {
        let w = x.text(c.doc);
        x.word() && !x.cap && !x.quoted && x.entry.cue.is_none() && w.len() >= 6 && w.ends_with("ing")
    })
}

/// The sentence opens with a capitalised "-ing" word and a lowercase word
/// after it ("Rallying hundreds of workers"), or with an "-ly" adverb before
/// a participle ("Hastily calling a meeting"; "Usually when ..." opens a
/// clause of its own).
fn opens_with_participle(c: &Ctx, first: usize) -> bool {
    let t = c.t;
    let (x, Some(next)) = (&t[first], t.get(first + 1)) else { return false };
    let w = x.text(c.doc);
    if !(x.word() && x.cap && w.len() >= 5 && next.word() && !next.cap) {
        return false;
    }
    let n = next.text(c.doc);
    (w.ends_with("ing") && w.len() >= 6)
        || (w.ends_with("ly") && w.len() >= 6 && n.len() >= 5 && (n.ends_with("ing") || n.ends_with("ed")))
        // "Asked whether she would serve, S ...", "Pressed on the cost".
        || (w.ends_with("ed") && (next.is(class::SUB | class::PREP) || c.lower_is(first + 1, "whether")))
}

/// `Said S: "Q"` — the cue opens the sentence.
pub(super) fn cue_first(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let x = &t[0];
    if !(x.word() && x.cap && matches!(x.entry.cue, Some(CueKind::Speech | CueKind::Tell))) {
        return false;
    }
    let Some((s, e)) = np_forward(c, 1, false) else {
        return false;
    };
    if !t.get(e).is_some_and(|x| matches!(x.kind, Kind::Colon | Kind::Comma)) {
        return false;
    }
    let source = Source::Mention { np: (s, e), appositive: None };
    match content_frame(c, e + 1, t.len(), c.bytes(0, 1), source, false) {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// Whether token `j` follows a word for a message: "said in a statement
/// it was", "said in an interview it would" ("worried about what it
/// could" is no such place).
fn after_message(c: &Ctx, j: usize) -> bool {
    j > 0
        && (c.t[j - 1].is(class::DOCUMENT)
            || c.lower_is(j - 1, "interview")
            || super::MESSAGE_NOUNS.iter().any(|w| c.lower_is(j - 1, w)))
}

/// "(declined to) give details", "provide specifics", "offer a reason":
/// a verb of giving whose object is information is a verb of saying.
/// "The council refused to sign the lease", "she declined to be
/// interviewed": someone refusing to act, an infinitive after "to" (not
/// "fell to 3 percent", "declined to the lowest level"), by a source that
/// can refuse, named in the sentence: a name, a pronoun, people or a
/// body (not "sales declined to recover").
fn refuses_to_act(c: &Ctx, cue: usize, source: &Source) -> bool {
    let t = c.t;
    let verb = t.get(cue + 2).is_some_and(|v| {
        v.word()
            && !v.cap
            && !v.quoted
            && !v.is(class::DET | class::PRON | class::PREP | class::CONJ | class::SUB | class::TIME)
            && !starts_with_digit(c, cue + 2)
    });
    let agent = match *source {
        Source::Mention { np, .. } => {
            let head = np.1 - 1;
            t[head].cap
                || t[head].is(class::PRON | class::ANON | class::GROUP)
                || super::person_by_role(c, head)
                || super::phrases::is_agent_noun(c, head)
                || super::phrases::is_people_noun(c, head)
        }
        // (Not a continuation: in "Police say he posed a threat and
        // refused to drop the gun" the one who refused is "he".)
        _ => false,
    };
    // The sentence's one cue: a refusal to act is often the writer's
    // narrative around another report ("While he refused to release
    // them, Obama deemed C", "refused to pay a contractor who said C",
    // "Roe questioned C and refused to D"), which it must not hide.
    let alone = || (0..t.len()).all(|k| k == cue || cue_at(c, k).is_none());
    verb && agent && alone()
}

fn gives_information(c: &Ctx, verb: usize) -> bool {
    const GIVE: [&str; 4] = ["give", "provide", "offer", "share"];
    const INFORMATION: [&str; 9] =
        ["details", "specifics", "information", "figures", "comment", "reason", "estimate", "timeline", "names"];
    GIVE.iter().any(|w| c.lower_is(verb, w))
        && (verb + 1..(verb + 4).min(c.t.len())).any(|k| INFORMATION.iter().any(|w| c.lower_is(k, w)))
}
