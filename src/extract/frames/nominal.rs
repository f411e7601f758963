//! `S's claim that C`, `his warning that C`: a report named by a noun,
//! whose source is the possessor before it. Tried only when nothing else
//! frames the sentence ("PolitiFact seized on Trump's claim that C").

use super::{Ctx, Frame, Mark, Source, is_function, is_possessive};
use crate::extract::cues::{self, class};
use crate::extract::model::Attribution;
use crate::extract::tokens::Kind;

/// Nouns of saying: what was said is their "that" clause.
pub(super) const SAID: [&str; 34] = [
    "claim",
    "claims",
    "assertion",
    "contention",
    "insistence",
    "argument",
    "warning",
    "promise",
    "pledge",
    "vow",
    "statement",
    "suggestion",
    "allegation",
    "allegations",
    "accusation",
    "charge",
    "prediction",
    "remark",
    "remarks",
    "comment",
    "comments",
    "denial",
    "declaration",
    "admission",
    "announcement",
    "threat",
    "warnings",
    "promises",
    "pledges",
    "statements",
    "predictions",
    "threats",
    "assertions",
    "accusations",
];

/// Nouns of belief.
pub(super) const BELIEVED: [&str; 6] = ["belief", "view", "fear", "hope", "expectation", "conviction"];

/// Verbs that may head a clause: the clause's own, before a second one.
const FINITE: [&str; 16] = [
    "is", "was", "are", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might", "must",
    "should", "did",
];

/// Where the sentence's own predicate starts after a "that" clause opening
/// at `from`: a copula ("is", "was", ...) after a word that is no verb,
/// once the clause has had a verb of its own, and with no relative clause
/// between them ("that the man who was arrested is innocent" is one
/// clause). None when no copula tells.
fn predicate_after_clause(c: &Ctx, from: usize) -> Option<usize> {
    let t = c.t;
    let mut verb = false;
    for j in from..t.len() {
        if !t[j].word() || t[j].quoted {
            continue;
        }
        if t[j].is(class::SUB) {
            return None;
        }
        let finite = FINITE.iter().any(|w| c.lower_is(j, w));
        if finite && verb && ["is", "was", "are", "were"].iter().any(|w| c.lower_is(j, w)) && !t[j - 1].is(class::AUX) {
            return Some(j);
        }
        verb |= finite || t[j].cue().is_some();
    }
    None
}

pub(super) fn nominal(c: &Ctx, out: &mut Vec<Frame>) -> bool {
    if !c.has(Mark::That) {
        return false;
    }
    let t = c.t;
    for k in 1..t.len().saturating_sub(2) {
        // The next token's length first: it rules out nearly every word of
        // every sentence that comes here.
        if t[k + 1].end - t[k + 1].start != 4 || t[k].quoted || !t[k].word() || !c.lower_is(k + 1, "that") {
            continue;
        }
        // "the claim that was rejected": "that" opens a relative clause.
        let n = &t[k + 2];
        if !n.word() || n.quoted || n.is(class::AUX) || n.cue().is_some() {
            continue;
        }
        // "Ortiz made the case that C", "raised concerns that C": a light
        // verb and its noun say what the subject holds.
        if let Some((kind, source)) = light_verb_frame(c, k) {
            let Some(content) = c.content(k + 2, t.len()) else { continue };
            out.push(Frame { attribution: kind, content, content2: None, cue: Some(c.bytes(k, k + 1)), source });
            return true;
        }
        let said = SAID.iter().any(|w| c.lower_is(k, w));
        if !said && !BELIEVED.iter().any(|w| c.lower_is(k, w)) {
            continue;
        }
        // "Roe's earlier claim that C", "his repeated warnings that C":
        // one word between the owner and the noun says which of them.
        let modifier = k >= 3
            && t[k - 1].word()
            && !t[k - 1].cap
            && !t[k - 1].quoted
            && !is_function(&t[k - 1])
            && !is_possessive(c, k - 1)
            && !article(c, k - 1)
            && (t[k - 1].cue().is_none() || keeps_own_words(c, k).is_some());
        let p = if modifier { k - 2 } else { k - 1 };
        let pronoun = ["his", "her", "their"].iter().any(|w| c.lower_is(p, w));
        // ("the judges' statement that C", "the police's claim that C": a
        // body or people named by a common noun own it too.)
        let people = !t[p].cap && is_possessive(c, p) && owns_words(c.t[p].text(c.doc));
        if t[p].quoted || !(pronoun || (is_possessive(c, p) && (t[p].cap || people))) {
            continue;
        }
        // The owner is the capitalised name that ends in the possessive
        // ("Rep. Ann Roe's"), never the words of the clause before it;
        // a common noun takes its article and a word between ("the
        // election officials'").
        let mut s = p;
        while !pronoun && s > 0 && t[s - 1].word() && t[s - 1].cap && !t[s - 1].quoted && !t[s - 1].is(class::DET) {
            s -= 1;
        }
        // (By its words: a sentence with no cue word has no classes.)
        if people && s > 0 && !t[s - 1].quoted {
            if article(c, s - 1) {
                s -= 1;
            } else if s > 1 && t[s - 1].word() && !t[s - 1].cap && article(c, s - 2) {
                s -= 2;
            }
        }
        // The clause ends at a comma after which the sentence goes on
        // ("Contrary to his claim that C, there would be ..."), keeping a
        // quotation's own closing mark.
        let mut end = t.len();
        for j in k + 2..t.len() {
            // (A dash or a semicolon too: "claims that C - and one that
            // ...", "his assertion that C; his criticism of D".)
            if matches!(t[j].kind, Kind::Comma | Kind::Dash | Kind::Semicolon) && !t[j].quoted {
                end = j;
                break;
            }
            if t[j].kind == Kind::Close && t[j - 1].kind == Kind::Comma && t[j - 1].quoted {
                end = j + 1;
                break;
            }
        }
        // "His claim that the vote was rigged is false": a report named at
        // the head of the sentence is its subject, and what the outlet says
        // of it follows its clause.
        let subject = s == 0 || t[s - 1].kind == Kind::Comma || (s == 1 && t[0].is(class::CONJ));
        if subject && end == t.len() {
            end = predicate_after_clause(c, k + 2).unwrap_or(end);
        }
        let Some(content) = c.content(k + 2, end) else { continue };
        let source = pronoun.then(|| own_claim_subject(c, p)).flatten().unwrap_or(Source::Owner { np: (s, p + 1) });
        out.push(Frame {
            attribution: if said { Attribution::Indirect } else { Attribution::Belief },
            content,
            content2: None,
            cue: Some(c.bytes(k, k + 1)),
            source,
        });
        return true;
    }
    false
}

/// An article or a possessive pronoun at `i`, told by its word: a
/// sentence with no cue word, as most that come here, has no classes.
/// ([`super::is_article`] reads the classes first.)
fn article(c: &Ctx, i: usize) -> bool {
    super::ARTICLES.iter().any(|w| c.lower_is(i, w))
}

/// Whether the possessive `w` ("judges'", "the police's") is owned by a
/// body or by people: its owner, or the owner's singular, is a role, a
/// group or an organisation in the lexicon.
fn owns_words(w: &str) -> bool {
    let Some(owner) = cues::possessive_owner(w) else { return false };
    let owner = owner.to_ascii_lowercase();
    let who = class::ROLE | class::ANON | class::GROUP | class::ORG;
    cues::lookup(&owner).class & who != 0
        || owner.strip_suffix('s').is_some_and(|one| cues::lookup(one).class & who != 0)
}

/// "Ortiz repeated her claim that C", "the senator stood by his warning
/// that C": after a verb that keeps one's own words, the possessive is the
/// subject's, and the subject (a name or people, opening the clause)
/// speaks. Not "Roe rejected his claim": whose claim is not told.
fn own_claim_subject(c: &Ctx, p: usize) -> Option<Source> {
    let verb = keeps_own_words(c, p)?;
    opening_subject(c, super::phrases::skip_aux_back(c, verb), |h| {
        let head = &c.t[h];
        (head.cap || head.is(class::ANON | class::GROUP | class::ROLE | class::ORG)) && !head.is(class::PRON)
    })
}

/// The verb before the possessive at `p` when it keeps one's own words:
/// "repeated her claim", "defended his view", "stood by their warning".
pub(super) fn keeps_own_words(c: &Ctx, p: usize) -> Option<usize> {
    const KEEPS: [&str; 12] = [
        "repeated",
        "repeats",
        "reiterated",
        "reiterates",
        "restated",
        "restates",
        "renewed",
        "renews",
        "defended",
        "defends",
        "stood",
        "stands",
    ];
    let by = usize::from(p >= 2 && c.lower_is(p - 1, "by"));
    let verb = p.checked_sub(1 + by)?;
    let stands = c.lower_is(verb, "stood") || c.lower_is(verb, "stands");
    (KEEPS.iter().any(|w| c.lower_is(verb, w)) && stands == (by == 1)).then_some(verb)
}

/// The subject right before `j` (its verb, auxiliaries skipped), when it
/// opens its clause and `head_ok` takes its last word (by index).
fn opening_subject(c: &Ctx, j: usize, head_ok: impl Fn(usize) -> bool) -> Option<Source> {
    let np = super::phrases::np_back(c, j)?;
    (head_ok(np.1 - 1) && np.1 == j && super::phrases::starts_clause(c, np.0))
        .then_some(Source::Mention { np, appositive: None })
}

/// `S made the case that C`, `S raised concerns that C`, `S took the
/// position that C`: a light verb, maybe an article, and a noun of saying
/// or holding at `k`, before "that". The subject (a name or people,
/// opening the clause) speaks; a report for the nouns of arguing, a belief
/// for those of holding. Not a passive ("concerns were raised that C")
/// nor another verb ("dismissed the argument that C").
fn light_verb_frame(c: &Ctx, k: usize) -> Option<(Attribution, Source)> {
    // (The nouns are the lexicon's, which the tokeniser knows too.)
    const NOUNS: [&str; 11] = crate::extract::cues::LIGHT_NOUNS;
    const LIGHT: [(&[&str], &[&str], Attribution); 3] = [
        (&["made", "makes", "make", "making"], NOUNS.split_at(3).0, Attribution::Indirect),
        (&["raised", "raises", "raise"], NOUNS.split_at(3).1.split_at(5).0, Attribution::Belief),
        (&["took", "takes", "take", "taken"], NOUNS.split_at(8).1, Attribution::Belief),
    ];
    let t = c.t;
    let article = k >= 2 && ["the", "a", "an"].iter().any(|w| c.lower_is(k - 1, w));
    let verb = k.checked_sub(1 + usize::from(article))?;
    let &(_, _, kind) = LIGHT.iter().find(|(verbs, nouns, _)| {
        verbs.iter().any(|w| c.lower_is(verb, w)) && nouns.iter().any(|w| c.lower_is(k, w))
    })?;
    let j = super::phrases::skip_aux_back(c, verb);
    if t[j..verb].iter().any(|x| super::BE.iter().any(|w| x.text(c.doc).eq_ignore_ascii_case(w))) {
        return None;
    }
    opening_subject(c, j, |h| {
        t[h].cap
            || t[h].is(class::ANON | class::GROUP | class::ROLE | class::ORG | class::PRON)
            || super::phrases::is_agent_noun(c, h)
    })
    .map(|source| (kind, source))
}
