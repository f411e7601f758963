//! Participle frames: `S did X, saying C`, where the participle reports
//! what the clause's subject said; `... with S saying: "Q"`, where it
//! reports what the name before it said; `... with 54 percent saying C`,
//! where the phrase after "with" said it; and `S was quoted as saying C`
//! (or `R quoted S as saying C`, `S was heard saying C`).

use super::phrases::{
    is_agent_noun, is_irregular_past, is_people_noun, np_back, np_forward, plural_form, starts_clause, subject_before,
};
use super::speech::{Complement, complement, object, object_participle, speaker_first};
use super::{Ctx, Frame, Source, content_frame, cue_at, is_possessive};
use crate::extract::cues::{CueKind, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::Kind;

/// `S did X, saying C`: the participle reports what the clause's subject
/// said.
pub(super) fn participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    // Each frame here hangs on a participle cue, and `cue_at` only ever
    // gives a token the kind its entry has: a sentence with no such entry
    // (most) skips the four searches for one.
    if !c.t.iter().any(|x| x.entry.cue == Some(CueKind::Participle)) {
        return false;
    }
    quoted_as_saying(c, out) || named_participle(c, out) || with_participle(c, out) || clause_participle(c, out)
}

/// How the participle cue at `k` takes its content: "citing C" and
/// "referring to C" as an object, "telling R C" and "asking R whether C"
/// after their listener, the rest as speech.
pub(super) fn participle_kind(c: &Ctx, k: usize) -> CueKind {
    let w = c.t[k].text(c.doc).to_ascii_lowercase();
    // ("calling for new tariffs", "calling on the council to act": an
    // appeal's object, as "called for C" is.)
    if object_participle(c, k) || (w == "calling" && (c.lower_is(k + 1, "for") || c.lower_is(k + 1, "on"))) {
        CueKind::Other
    } else if ["telling", "asking", "urging", "assuring", "reminding", "informing"].contains(&w.as_str()) {
        CueKind::Tell
    } else {
        CueKind::Speech
    }
}

/// The complement of a participle cue.
fn participle_complement(c: &Ctx, k: usize) -> Option<Complement> {
    match participle_kind(c, k) {
        CueKind::Other => object(c, k),
        kind => complement(c, k, kind),
    }
}

/// `S was quoted as saying C`: a passive that still names its speaker.
fn quoted_as_saying(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // "S was heard saying C", "was caught on tape saying C".
    let heard = |k: usize| {
        ["heard", "overheard", "recorded", "filmed"].iter().any(|w| c.lower_is(k - 1, w))
            && ["was", "were", "been", "is", "are"].iter().any(|w| c.lower_is(k - 2, w))
            && c.lower_is(k, "saying")
    };
    let Some(k) = c
        .cue_words()
        .filter(|&k| k >= 2)
        .find(|&k| !t[k].quoted && cue_at(c, k) == Some(CueKind::Participle) && (c.lower_is(k - 1, "as") || heard(k)))
    else {
        return false;
    };
    // "S was quoted by Reuters as saying C", "quoted in the Ledger as
    // saying C": who printed the words, between the passive and "as".
    let passive_by = (k >= 4 && c.lower_is(k - 1, "as"))
        .then(|| {
            (k.saturating_sub(8).max(1)..k - 2).rev().find(|&q| {
                (c.lower_is(q, "quoted") || c.lower_is(q, "cited"))
                    && (c.lower_is(q + 1, "by") || c.lower_is(q + 1, "in"))
                    && ["was", "were", "been", "is", "are"].iter().any(|w| c.lower_is(q - 1, w))
                    && t[q + 2..k - 1].iter().all(|x| x.word() && !x.quoted)
            })
        })
        .flatten();
    let (source, cue) = if let Some(q) = passive_by {
        let Some(source) = subject_before(c, q, |s| starts_clause(c, s)) else {
            return false;
        };
        (source, c.bytes(q, k + 1))
    } else if heard(k) {
        let Some(source) = subject_before(c, k - 1, |s| starts_clause(c, s)) else {
            return false;
        };
        (source, c.bytes(k - 1, k + 1))
    } else if c.lower_is(k - 2, "quoted") {
        let Some(source) = subject_before(c, k - 2, |s| starts_clause(c, s)) else {
            return false;
        };
        (source, c.bytes(k - 2, k + 1))
    } else {
        // "State media quoted Omar Farid as saying C", "the agency cited a
        // military source as saying C": the one quoted is the object.
        let Some(np) = np_back(c, k - 1) else {
            return false;
        };
        // ("quoted him as saying": a pronoun object is left alone.)
        if np.0 == 0
            || !(c.lower_is(np.0 - 1, "quoted") || c.lower_is(np.0 - 1, "cited"))
            || (np.1 == np.0 + 1 && !t[np.0].cap)
        {
            return false;
        }
        (Source::Mention { np, appositive: None }, c.bytes(np.0 - 1, k + 1))
    };
    let Some(comp) = participle_complement(c, k) else {
        return false;
    };
    push(out, content_frame(c, comp.start, t.len(), cue, source, comp.that))
}

/// `... with Ann Roe saying: "Q"`: a participle right after a name, its
/// content a quotation (maybe after a colon), belongs to that name.
fn named_participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(k) = c.cue_words().filter(|&k| k >= 1).find(|&k| {
        !t[k].quoted && cue_at(c, k) == Some(CueKind::Participle) && t[k - 1].word() && t[k - 1].cap && !t[k - 1].quoted
    }) else {
        return false;
    };
    let Some(np) = np_back(c, k) else {
        return false;
    };
    if t[np.0].is(class::PRON) || !t[np.0..np.1].iter().any(|x| x.cap && !x.is(class::DET | class::ROLE)) {
        return false;
    }
    let Some(comp) = participle_complement(c, k) else {
        return false;
    };
    if t[comp.start].kind != Kind::Open {
        return false;
    }
    let source = Source::Mention { np, appositive: None };
    push(out, content_frame(c, comp.start, t.len(), c.bytes(k, k + 1), source, comp.that))
}

/// `..., with 54 percent of voters saying C`, `with Ann Roe calling it
/// C`: after "with", the noun phrase before the participle is its subject,
/// and said it; the sentence's own subject did not. Only a name, a share
/// of people or a head that speaks ("with polls saying"), never a pronoun
/// ("with me saying") or a thing ("with footage of Roe saying": the
/// phrase before the participle is Roe, after "of"); and only participles
/// of speech ("with Russia backing the government", "with polls showing
/// C" are deeds and findings, framed as such or not at all).
fn with_participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let speech =
        |k: usize| SPEECH_PARTICIPLES.iter().chain(&["calling", "asking", "tweeting"]).any(|w| c.lower_is(k, w));
    c.cue_words().filter(|&k| k >= 2 && !t[k].quoted && cue_at(c, k) == Some(CueKind::Participle) && speech(k)).any(
        |k| {
            let Some(np) = np_back(c, k).filter(|np| np.0 > 0 && c.lower_is(np.0 - 1, "with")) else {
                return false;
            };
            let words = &t[np.0..np.1];
            let speaks = !t[np.0].is(class::PRON)
                && words.iter().any(|x| {
                    (x.cap && !x.is(class::DET | class::ROLE)) || x.is(class::QUANT | class::GROUP | class::ANON)
                });
            speaks && finish(c, k, Source::Mention { np, appositive: None }, out)
        },
    )
}

fn push(out: &mut Vec<Frame>, f: Option<Frame>) -> bool {
    match f {
        Some(f) => {
            out.push(f);
            true
        }
        None => false,
    }
}

/// Whether the participle at `k` follows a noun for a message its speaker
/// sent: "a statement saying", "a letter warning". Only participles that
/// take a clause ("an email stressing the impact" names a topic), or a
/// stance toward someone ("a statement accusing the state of delay",
/// "a letter urging residents to leave"), and only after an article before
/// the noun (or an article and one modifier, or "a series of"). A time
/// and a recipient or a place of posting may stand between the noun and
/// the participle: "a statement late Friday saying", "an email to staff
/// saying", "a video on Facebook saying". Gives the article's position.
fn message_noun(c: &Ctx, k: usize) -> Option<usize> {
    const TAKES_CLAUSE: [&str; 16] = [
        "saying",
        "stating",
        "declaring",
        "announcing",
        "warning",
        "claiming",
        "insisting",
        "arguing",
        "accusing",
        "blaming",
        "criticizing",
        "urging",
        "calling",
        "praising",
        "demanding",
        "denouncing",
    ];
    let t = c.t;
    if k < 2 || !TAKES_CLAUSE.iter().any(|w| c.lower_is(k, w)) {
        return None;
    }
    let plain = |i: usize| t[i].word() && !t[i].quoted && t[i].entry.cue.is_none();
    let mut e = k;
    for _ in 0..2 {
        // A time: "Monday", "late Friday", "on Tuesday night".
        if e >= 2 && t[e - 1].is(class::TIME) && !t[e - 1].is(class::DET | class::AUX) && plain(e - 1) {
            e -= 1;
            while e >= 2
                && e + 3 > k
                && (t[e - 1].is(class::TIME) && !t[e - 1].is(class::DET | class::AUX)
                    || ["on", "late", "early"].iter().any(|w| c.lower_is(e - 1, w)))
            {
                e -= 1;
            }
            continue;
        }
        // "to staff", "to the board", "on Facebook", "on social media".
        if let Some(p) = (e.saturating_sub(4)..e.saturating_sub(1)).find(|&p| {
            p >= 2
                && (c.lower_is(p, "to") || c.lower_is(p, "on"))
                && (p + 1..e)
                    .all(|i| plain(i) && !t[i].is(class::PREP | class::SUB | class::CONJ | class::PRON | class::TIME))
        }) {
            e = p;
            continue;
        }
        break;
    }
    let n = e - 1;
    let noun = t[n].text(c.doc);
    let singular = if plural_form(noun) { &noun[..noun.len() - 1] } else { noun };
    if n < 1 || t[n].cap || !super::MESSAGE_NOUNS.iter().any(|w| singular.eq_ignore_ascii_case(w)) {
        return None;
    }
    if t[n - 1].is(class::DET) {
        return Some(n - 1);
    }
    if n >= 2 && t[n - 1].word() && !t[n - 1].cap && t[n - 2].is(class::DET) && !c.lower_is(n - 1, "of") {
        return Some(n - 2);
    }
    (n >= 3
        && c.lower_is(n - 1, "of")
        && ["series", "string", "flurry", "barrage", "pair", "couple", "stream"].iter().any(|w| c.lower_is(n - 2, w))
        && t[n - 3].is(class::DET))
    .then(|| n - 3)
}

/// `S spent weeks saying C`: the verb "spent" before a stretch of time
/// and the participle. Gives the position of "spent".
fn spent_time(c: &Ctx, k: usize) -> Option<usize> {
    const STRETCHES: [&str; 16] = [
        "hours",
        "days",
        "weeks",
        "months",
        "years",
        "morning",
        "afternoon",
        "evening",
        "day",
        "week",
        "month",
        "year",
        "time",
        "decades",
        "campaign",
        "summer",
    ];
    let t = c.t;
    if k < 2 || !SPEECH_PARTICIPLES.iter().any(|w| c.lower_is(k, w)) || !STRETCHES.iter().any(|w| c.lower_is(k - 1, w))
    {
        return None;
    }
    (k.saturating_sub(5)..k - 1).rev().find(|&v| {
        ["spent", "spends", "spend", "spending"].iter().any(|w| c.lower_is(v, w))
            && (v + 1..k - 1).all(|i| t[i].word() && !t[i].quoted && !t[i].cap && t[i].entry.cue.is_none())
    })
}

/// Whether the cue verb at `cue` sends a message whose participle reports
/// what it said: "S wrote a post saying C", "S posted a video warning C".
/// The participle frames it, not the verb (whose object would be "a post
/// saying C").
pub(super) fn sends_message(c: &Ctx, cue: usize) -> bool {
    c.cue_words()
        .skip_while(|&k| k < cue + 2)
        .take_while(|&k| k < cue + 10)
        .any(|k| cue_at(c, k) == Some(CueKind::Participle) && message_verb(c, k) == Some(cue))
}

/// The verb whose subject sent the message or spent the time before the
/// participle at `k`: "S issued a statement saying C", "S sent out a
/// letter warning C", "S spent weeks telling voters C".
fn message_verb(c: &Ctx, k: usize) -> Option<usize> {
    if let Some(v) = spent_time(c, k) {
        return Some(v);
    }
    let d = message_noun(c, k)?;
    if d == 0 {
        return None;
    }
    let particle = d >= 2 && ["out", "up", "off", "back"].iter().any(|w| c.lower_is(d - 1, w));
    Some(d - 1 - usize::from(particle))
}

/// Participles that report speech whatever their preposition: "after
/// saying C", "for suggesting C". Others after "for" or "after" as often
/// name a deed ("for backing the bill", "after writing an op-ed").
const SPEECH_PARTICIPLES: [&str; 13] = [
    "saying",
    "telling",
    "suggesting",
    "arguing",
    "claiming",
    "insisting",
    "declaring",
    "stating",
    "asserting",
    "warning",
    "noting",
    "adding",
    "explaining",
];

/// Prepositions after which a participle of speech reports the sentence's
/// subject ("Diaz resigned after saying C")...
const SUBJECT_PREPOSITIONS: [&str; 3] = ["after", "before", "while"];

/// ... and after which it reports the one blamed ("blasted Roe for
/// suggesting C").
const BLAMED_PREPOSITIONS: [&str; 2] = ["for", "of"];

/// `S did X, saying C`.
fn clause_participle(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    // ", saying C", "by saying C", and "issued a statement saying C",
    // where the participle reports what the statement said. The first that
    // frames: "began by talking about X, saying C" reports by "saying".
    c.cue_words()
        .filter(|&k| {
            k >= 1
                && !t[k].quoted
                && cue_at(c, k) == Some(CueKind::Participle)
                && (t[k - 1].kind == Kind::Comma
                    // "... a defense of \"New York values,\" saying C": the
                    // comma set inside the closing mark.
                    // (Not an object's participle: "called it \"a disgrace,\"
                    // blaming Roe" blames, it reports nothing.)
                    || (k >= 2
                        && t[k - 1].kind == Kind::Close
                        && t[k - 2].kind == Kind::Comma
                        && !object_participle(c, k))
                    || c.lower_is(k - 1, "by")
                    || (SUBJECT_PREPOSITIONS.iter().chain(&BLAMED_PREPOSITIONS).any(|w| c.lower_is(k - 1, w))
                        && SPEECH_PARTICIPLES.iter().any(|w| c.lower_is(k, w)))
                    || message_verb(c, k).is_some())
        })
        .any(|k| clause_participle_at(c, k, out))
}

fn clause_participle_at(c: &Ctx, k: usize, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let mut start = t.iter().position(|x| !x.is(class::CONJ)).unwrap_or(0);
    // "After saying C, she was taken to hospital": the phrase opens the
    // sentence, so its content ends at the comma before the main clause,
    // whose subject said it.
    if k == start + 1 && t[start].cap && SUBJECT_PREPOSITIONS.iter().any(|w| c.lower_is(start, w)) {
        return opening_participle(c, k, out);
    }
    // "Meanwhile, it attacked S, saying ...": past a short introduction,
    // or a longer one that opens with a preposition ("In a victory speech
    // on Tuesday night, S struck a measured tone, saying ...").
    // So may one that opens with a participle ("Facing mounting criticism
    // from Democrats and Republicans, S released a statement, ...").
    let opener = t[start].text(c.doc);
    let participial = opener.len() > 4 && (opener.ends_with("ing") || opener.ends_with("ed"));
    let reach = if t[start].cap && (t[start].is(class::PREP) || participial) { 11 } else { 6 };
    // ("Rahm Emanuel, his chief of staff, ...": a name before the comma is
    // the subject, not an introduction.)
    // ("Roe, a retired pilot, ...": nor is a single name before an
    // appositive that opens with "a".)
    let named = |comma: usize| {
        let appositive = comma == start + 1
            && t[start].word()
            && !super::is_function(&t[start])
            && !t[start].text(c.doc).ends_with("ly")
            && comma + 1 < k
            && super::is_indefinite(c, comma + 1);
        (comma >= start + 2 || appositive)
            && t[start..comma].iter().all(|x| x.cap)
            && !t[start].is(class::PREP | class::TIME)
    };
    // ("The party's leader, Marine Le Pen, spoke …": nor is a
    // description before the name it describes.)
    let described = |comma: usize| {
        let opens = (t[start].is(class::DET) || super::is_possessive(c, start))
            && t[start..comma].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none());
        (comma + 3..k.min(comma + 8))
            .find(|&i| t[i].kind == Kind::Comma)
            .filter(|&close| opens && super::is_name_of(c, comma + 1, close))
    };
    if let Some(comma) = (start..k.min(start + reach)).find(|&i| t[i].kind == Kind::Comma)
        && comma + 1 < k
        && t[start..comma].iter().all(|x| x.word())
        && !named(comma)
    {
        match described(comma) {
            // The name speaks, the description is its role, and the verb
            // follows: "The party's leader, Marine Le Pen, spoke in Paris,
            // saying …".
            Some(close)
                if close + 2 < k
                    && t[close + 1].word()
                    && !t[close + 1].cap
                    && !t[close + 1].is(class::PREP | class::SUB | class::CONJ | class::DET) =>
            {
                let source = Source::Mention { np: (comma + 1, close), appositive: Some((start, comma)) };
                return finish(c, k, source, out);
            }
            Some(_) => {}
            None => start = comma + 1,
        }
    }
    // "S criticized Roe for saying C": the one blamed said it, the object
    // before "for" or "of", or no one.
    if BLAMED_PREPOSITIONS.iter().any(|w| c.lower_is(k - 1, w)) {
        if let Some(np) = blamed(c, k) {
            return finish(c, k, Source::Mention { np, appositive: None }, out);
        }
        // "Roe was criticized for saying C", "Roe apologized for saying
        // C", "Roe drew fire for saying C": the subject is the one blamed.
        if !(c.lower_is(k - 1, "for") && subject_blamed(c, k - 1)) {
            return false;
        }
    }
    let source = if let Some(v) = message_verb(c, k) {
        // "S issued a statement saying C": the subject of the verb whose
        // object the statement is ("sent out a letter").
        // (The verb may be a cue of its own: "wrote a post saying C".)
        if !t[v].word() || t[v].cap || t[v].quoted || super::is_function(&t[v]) {
            return false;
        }
        let Some(source @ Source::Mention { np, .. }) = subject_before(c, v, |s| starts_clause(c, s)) else {
            return false;
        };
        // A verb never ends up in the speaker ("Roe fired back a reply").
        if t[np.0..np.1].iter().any(|x| !x.cap && x.text(c.doc).ends_with("ed")) {
            return false;
        }
        source
    } else {
        let Some((s, e)) = np_forward(c, start, true) else {
            return false;
        };
        // "Rahm Emanuel, his chief of staff, urged ...": an appositive
        // between the subject and its verb.
        if e < k
            && t[e].kind == Kind::Comma
            && t[s..e].iter().any(|x| x.cap && !x.is(class::DET))
            && let Some(close) = (e + 2..k.min(e + 10)).find(|&i| t[i].kind == Kind::Comma)
            && t[e + 1..close].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
        {
            // The verb after the appositive, as after a bare subject.
            let verb = &t[close + 1];
            if close + 1 >= k
                || !verb.word()
                || verb.cap
                || verb.is(class::PREP | class::SUB | class::CONJ | class::DET)
            {
                return false;
            }
            // "France's far-right party leader, Marine Le Pen, voiced
            // …": the name speaks, the description is its role.
            if (t[s].is(class::DET) || super::is_possessive(c, s)) && super::is_name_of(c, e + 1, close) {
                Source::Mention { np: (e + 1, close), appositive: Some((s, e)) }
            } else {
                Source::Mention { np: (s, e), appositive: Some((e + 1, close)) }
            }
        } else {
            // An owner is no subject, the thing owned is: "Japan's central
            // bank ended the meeting by announcing C", when a past tense
            // follows it ("Mr. Obama's challenge is ..." is no report).
            let mut e = e;
            if e < k && super::is_possessive(c, e - 1) {
                let mut v = e;
                while v < k
                    && v - e < 4
                    && t[v].word()
                    && !t[v].cap
                    && !t[v].quoted
                    && !super::is_function(&t[v])
                    && !t[v].is(class::DET)
                    && t[v].entry.cue.is_none()
                    && !t[v].text(c.doc).ends_with("ed")
                {
                    v += 1;
                }
                let verb = &t[v];
                if v == e
                    || v >= k
                    || !verb.word()
                    || verb.cap
                    || verb.is(class::AUX)
                    || !(verb.text(c.doc).ends_with("ed") || verb.entry.cue.is_some())
                {
                    return false;
                }
                e = v;
            }
            // "Workers at the plant walked out, saying C", "An employee at
            // the firm left": a group or a person by their role, and where
            // they belong (not after a name: "Roe at a rally" is a place
            // of the saying).
            let mut pps = 0;
            while pps < 2
                && e + 1 < k
                && ["at", "from", "of", "in", "inside"].iter().any(|w| c.lower_is(e, w))
                && (plural_form(t[e - 1].text(c.doc)) || super::is_agent_noun(c, e - 1))
                && !super::is_possessive(c, e - 1)
                && let Some((s2, e2)) = np_forward(c, e + 1, true).filter(|&(s2, e2)| {
                    e2 < k && !t[s2].is(class::PRON | class::TIME) && !t[s2..e2].iter().any(|x| x.is(class::TIME))
                })
            {
                // ("at the hospital walked out": the phrase's noun ends
                // before the verb.)
                e = (s2 + 1..e2)
                    .find(|&j| !t[j].cap && (t[j].text(c.doc).ends_with("ed") || is_irregular_past(c, j)))
                    .unwrap_or(e2);
                pps += 1;
            }
            // The subject must be followed by its verb, not by more phrase,
            // but maybe by a time ("Roe on Thursday stepped up ...").
            let mut v = e;
            if v + 1 < k
                && (c.lower_is(v, "on") || c.lower_is(v, "last") || c.lower_is(v, "this"))
                && t[v + 1].is(class::TIME)
            {
                v += 2;
            } else if v < k && t[v].is(class::TIME) && !t[v].is(class::DET | class::AUX) && !super::is_possessive(c, v)
            {
                v += 1;
            }
            if v >= k || !t[v].word() || t[v].is(class::PREP | class::SUB | class::CONJ) {
                return false;
            }
            // "..., while her rival, Bernie Sanders, has soared by saying
            // C": the manner of a clause of its own between the verb and
            // "by" is that clause's, said by its subject ("who had
            // surprised Trump by declaring C": a relative's is left alone).
            if c.lower_is(k - 1, "by")
                && let Some((sub, verb)) = inner_clause(c, v + 1, k)
            {
                return !c.lower_is(sub, "who")
                    && !c.lower_is(sub, "which")
                    && subject_before(c, verb, |s| s > sub).is_some_and(|source| finish(c, k, source, out));
            }
            Source::Mention { np: (s, e), appositive: None }
        }
    };
    finish(c, k, source, out)
}

/// The object of a stance before "for" or "of" and the participle at `k`
/// ("blasted Roe for suggesting C"): a name, or a pronoun that can only
/// be an object.
fn blamed(c: &Ctx, k: usize) -> Option<(usize, usize)> {
    let t = c.t;
    if k < 3 {
        return None;
    }
    let np = np_back(c, k - 1).filter(|np| np.0 > 0)?;
    let verb = &t[np.0 - 1];
    let named =
        t[np.0..np.1].iter().any(|x| x.cap && !x.is(class::DET)) || (np.1 == np.0 + 1 && is_object_pronoun(c, np.0));
    (named
        && verb.word()
        && !verb.cap
        && !verb.quoted
        && !super::is_function(verb)
        && !verb.is(class::DET)
        && cue_at(c, np.0 - 1) == Some(CueKind::Other))
    .then_some(np)
}

/// Whether what goes before "for" at `f` blames the clause's subject: a
/// passive ("was criticized for"), an apology, or a noun of blame after
/// its verb ("drew fire for", "faced a backlash for").
fn subject_blamed(c: &Ctx, f: usize) -> bool {
    const BLAME: [&str; 9] =
        ["fire", "criticism", "flak", "heat", "backlash", "ridicule", "scrutiny", "outrage", "condemnation"];
    const PASSIVE: [&str; 7] = ["was", "were", "been", "be", "is", "are", "being"];
    let t = c.t;
    if f < 2 || !t[f - 1].word() || t[f - 1].cap || t[f - 1].quoted {
        return false;
    }
    let w = t[f - 1].text(c.doc).to_ascii_lowercase();
    // ("has been widely criticized for": past an adverb.)
    let adverb = t[f - 2].is(class::AUX) && !PASSIVE.iter().any(|p| c.lower_is(f - 2, p))
        || t[f - 2].word() && !t[f - 2].quoted && t[f - 2].text(c.doc).ends_with("ly");
    let aux = if f >= 3 && adverb { f - 3 } else { f - 2 };
    // ("called on Roe to apologize for saying C": Roe's apology, not
    // the subject's.)
    BLAME.contains(&w.as_str())
        || w.starts_with("apologi") && !c.lower_is(f - 2, "to")
        || (w.ends_with("ed") && PASSIVE.iter().any(|p| c.lower_is(aux, p)))
}

/// A subordinate or relative clause with a verb of its own between `from`
/// and the participle at `k`, as (its subordinator, its verb): "while her
/// rival has soared", "who had surprised" ("after the vote" has no verb).
fn inner_clause(c: &Ctx, from: usize, k: usize) -> Option<(usize, usize)> {
    let t = c.t;
    (from..k).find_map(|i| {
        if !t[i].is(class::SUB) || t[i].quoted || c.lower_is(i, "that") {
            return None;
        }
        let verb = (i + 1..k.min(i + 12)).find(|&j| {
            let x = &t[j];
            x.word()
                && !x.quoted
                && !x.cap
                && (x.text(c.doc).ends_with("ed") || x.entry.cue.is_some() || is_irregular_past(c, j))
        })?;
        Some((i, verb))
    })
}

/// "him", "her", "them": a pronoun that can only be an object.
fn is_object_pronoun(c: &Ctx, i: usize) -> bool {
    ["him", "her", "them"].iter().any(|w| c.lower_is(i, w))
}

/// `After saying C, S ...`: the subject after the comma that closes C
/// (maybe inside a closing quotation mark) said it, when it is a pronoun
/// or a name and a verb follows it.
fn opening_participle(c: &Ctx, k: usize, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(comp) = participle_complement(c, k) else {
        return false;
    };
    let Some((end, subject)) = (comp.start + 1..t.len().saturating_sub(2)).find_map(|m| {
        let comma = (t[m].kind == Kind::Comma && !t[m].quoted).then_some((m, m + 1));
        let inside = (t[m].kind == Kind::Close && t[m - 1].kind == Kind::Comma).then_some((m + 1, m + 1));
        comma.or(inside)
    }) else {
        return false;
    };
    let Some((s, e)) = np_forward(c, subject, false) else {
        return false;
    };
    let named = t[s].is(class::PRON) || t[s..e].iter().any(|x| x.cap && !x.is(class::DET));
    let verb =
        t.get(e).is_some_and(|v| v.word() && !v.cap && !v.quoted && !v.is(class::PREP | class::SUB | class::CONJ));
    if !named || !verb {
        return false;
    }
    let source = Source::Mention { np: (s, e), appositive: None };
    let frame = content_frame(c, comp.start, end, c.bytes(k, k + 1), source, comp.that);
    push(out, frame)
}

/// The frame of the participle at `k` for `source`.
fn finish(c: &Ctx, k: usize, source: Source, out: &mut Vec<Frame>) -> bool {
    let t = c.t;
    let Some(comp) = participle_complement(c, k) else {
        return false;
    };
    let frame_to = |end: usize| {
        content_frame(c, comp.start, end, c.bytes(k, k + 1), source, comp.that).map(|mut f| {
            if f.attribution == Attribution::Indirect && participle_kind(c, k) == CueKind::Other {
                f.attribution = Attribution::Other;
            }
            f
        })
    };
    // "..., calling it fair and saying C": a second participle of the same
    // subject after "and" ends the first one's content and frames its own,
    // when it does frame ("saying the bank was lending more and adding
    // staff" adds no report: the content runs on).
    if let Some(and) = (comp.start + 1..t.len().saturating_sub(2)).find(|&j| {
        c.lower_is(j, "and") && !t[j].quoted && !t[j + 1].quoted && cue_at(c, j + 1) == Some(CueKind::Participle)
    }) {
        let mut second = Vec::new();
        if finish(c, and + 1, source, &mut second) {
            let end = if t[and - 1].kind == Kind::Comma { and - 1 } else { and };
            push(out, frame_to(end));
            out.append(&mut second);
            return true;
        }
    }
    // "Roe left the room, saying the plan was dead, and the mayor agreed":
    // a clause with a subject and a past or finite verb of its own after
    // ", and" or ", but" is the outlet's, not more of the content.
    // (So does a bare plural and its verb: "..., and shares fell 4%".)
    let verb_at = |e: usize| {
        t.get(e).is_some_and(|v| {
            v.word()
                && !v.cap
                && !v.quoted
                && (v.is(class::AUX) || v.text(c.doc).ends_with("ed") || is_irregular_past(c, e))
        })
    };
    let bare_plural = |s: usize| {
        t.get(s)
            .is_some_and(|x| x.word() && !x.cap && !x.quoted && !super::is_function(x) && plural_form(x.text(c.doc)))
    };
    let own_clause = (comp.start + 1..t.len().saturating_sub(3)).find(|&j| {
        t[j].kind == Kind::Comma
            && !t[j].quoted
            && (c.lower_is(j + 1, "and") || c.lower_is(j + 1, "but"))
            && (np_forward(c, j + 2, true).is_some_and(|(s, e)| {
                (t[s].is(class::DET | class::PRON) || t[s].cap || plural_form(t[e - 1].text(c.doc))) && verb_at(e)
            }) || bare_plural(j + 2) && verb_at(j + 3))
    });
    push(out, frame_to(own_clause.unwrap_or(t.len())))
}

/// `A super PAC backing Roe, Harbour First, led the way`, `outside groups
/// supporting Roe have spent heavily`: a participle of allegiance right
/// after a noun phrase, with no comma between, says where the people it
/// names stand. Only a head that can hold a view (a group or body, people
/// by what they do, a name, "those"), never a thing ("placards supporting
/// Roe") or a pronoun; tried when nothing else frames the sentence, so a
/// report of its own ("A group backing Roe said C") comes first.
pub(super) fn allegiance(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    const ALLEGIANCE: [&str; 5] = ["supporting", "backing", "opposing", "endorsing", "favoring"];
    let t = c.t;
    c.cue_words()
        .filter(|&k| {
            k >= 1 && !t[k].quoted && t[k - 1].word() && !t[k - 1].quoted && ALLEGIANCE.iter().any(|w| c.lower_is(k, w))
        })
        .any(|k| {
            let Some(np) = np_back(c, k) else {
                return false;
            };
            let head = np.1 - 1;
            let x = &t[head];
            let those = np.1 == np.0 + 1 && ["those", "others"].iter().any(|w| c.lower_is(np.0, w));
            let holds = those
                || (!t[np.0].is(class::PRON)
                    && (x.is(class::GROUP | class::ANON | class::ORG)
                        || is_agent_noun(c, head)
                        || is_people_noun(c, head)
                        || (x.cap && !x.is(class::DET | class::ROLE | class::TIME))));
            holds
                && speaker_first(
                    c,
                    k,
                    CueKind::Other,
                    Source::Mention { np, appositive: None },
                    predicate_start(c, k),
                    out,
                )
        })
}

/// Where the sentence's own predicate begins after the participle at
/// `k` and its object ("groups backing Roe have spent", "voters favoring
/// Roe turned out", "a fund backing Roe also paid", "those backing Roe
/// include Diaz"): an auxiliary, an adverb of the predicate, a past tense
/// that follows no article or preposition, or a lowercase word right
/// after a name that is no title ("backing Florida governor Jeb Bush").
/// The object ends there at the latest.
fn predicate_start(c: &Ctx, k: usize) -> usize {
    let t = c.t;
    (k + 2..t.len())
        .find(|&j| {
            let x = &t[j];
            let w = x.text(c.doc);
            x.word()
                && !x.quoted
                && !x.cap
                && (x.is(class::AUX)
                    || ["also", "still", "already", "now", "then"].iter().any(|a| w.eq_ignore_ascii_case(a))
                    || ((w.len() >= 5 && w.ends_with("ed") || is_irregular_past(c, j))
                        && !t[j - 1].is(class::DET | class::PREP)
                        && !is_possessive(c, j - 1))
                    || (t[j - 1].cap
                        && t[j - 1].word()
                        && !is_possessive(c, j - 1)
                        && !t[j - 1].is(class::DET)
                        && !x.is(class::PREP | class::CONJ | class::SUB | class::DET | class::PRON)
                        && !is_agent_noun(c, j)))
        })
        .unwrap_or(t.len())
}
