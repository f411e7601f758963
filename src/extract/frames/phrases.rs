//! Noun phrases and subjects around a cue: where a source mention starts
//! and ends, which appositives and auxiliaries lie between it and its cue,
//! and whether it opens a clause. Finds spans only; decides no frame.

use super::according::is_document;
use super::{Ctx, Mark, Source, cue_at, is_article, is_function, is_indefinite, is_possessive, starts_with_digit};
use crate::extract::cues::{self, CueKind, class};
use crate::extract::tokens::Kind;

/// A poll's share that stands alone as a subject, ending at `end`, with
/// its hedges: "about 4 in 10", "one in five", "nearly three in five",
/// "42%", "only 42%", "about half", "roughly a third". Each names the
/// people who answered, as "most" and "two-thirds" do.
fn share_back(c: &Ctx, end: usize) -> Option<usize> {
    const SMALL: [&str; 10] = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    const PARTS: [&str; 6] = ["half", "third", "quarter", "two-thirds", "three-quarters", "majority"];
    const HEDGES: [&str; 9] = ["nearly", "about", "almost", "roughly", "only", "just", "fully", "some", "around"];
    let t = c.t;
    let count = |i: usize| starts_with_digit(c, i) || SMALL.iter().any(|w| c.lower_is(i, w));
    let last = end.checked_sub(1)?;
    // Every share ends in a figure or a word of quantity: most phrases
    // that np_back is asked about end otherwise, and go no further.
    if !(t[last].is(class::QUANT) || starts_with_digit(c, last)) {
        return None;
    }
    let mut s = if end >= 3 && count(last) && c.lower_is(last - 1, "in") && count(last - 2) {
        last - 2
    } else if starts_with_digit(c, last) && t[last].text(c.doc).ends_with('%') && !t[last].quoted {
        last
    } else if PARTS.iter().any(|w| c.lower_is(last, w)) && last >= 1 {
        // "about half", "roughly a third": the hedge is what shows the
        // share to stand alone ("a third" alone is [`np_core`]'s).
        let a = if is_indefinite(c, last - 1) && last >= 2 { last - 1 } else { last };
        if !HEDGES.iter().any(|w| c.lower_is(a - 1, w)) {
            return None;
        }
        a
    } else {
        return None;
    };
    while s > 0 && HEDGES.iter().any(|w| c.lower_is(s - 1, w)) {
        s -= 1;
    }
    Some(s)
}

/// Noun phrase ending just before token `end`: `[start, end)`. Takes in
/// partitives ("52 percent of voters", "nine in 10 voters") and one or two
/// prepositional phrases ("officials at the agency", "a poll of voters").
pub(super) fn np_back(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    c.np_memo(end, || np_back_walk(c, end))
}

fn np_back_walk(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    // ("a number of writers", "a handful of aides", "dozens of workers".)
    let quantity = |i: usize| {
        t[i].word()
            && (t[i].is(class::QUANT)
                || starts_with_digit(c, i)
                || t[i].text(c.doc).ends_with('%')
                || (matches!(
                    t[i].text(c.doc).as_bytes().first(),
                    Some(b'n' | b'h' | b'd' | b'c' | b't' | b'a' | b'r' | b'v' | b's')
                ) && [
                    "number",
                    "handful",
                    "dozen",
                    "dozens",
                    "couple",
                    "hundreds",
                    "thousands",
                    "array",
                    "range",
                    "variety",
                    "host",
                    "slew",
                ]
                .iter()
                .any(|w| c.lower_is(i, w))))
    };
    if let Some(s) = share_back(c, end) {
        return Some((s, end));
    }
    // "the 34-year-old mother of three", "a father of two": a parent by
    // the number of their children.
    if end >= 3
        && c.lower_is(end - 2, "of")
        && (starts_with_digit(c, end - 1)
            || ["two", "three", "four", "five", "six"].iter().any(|w| c.lower_is(end - 1, w)))
        && ["mother", "father", "grandmother", "grandfather", "parent"].iter().any(|w| c.lower_is(end - 3, w))
        && let Some((s, _)) = np_core(c, end - 2)
    {
        return Some((s, end));
    }
    // "many of whom".
    if end >= 3 && partitive_relative(c, end - 3) {
        return Some((end - 3, end));
    }
    // "By Friday, most of them said": a share of a group named by a
    // pronoun.
    if end >= 3
        && ["them", "us"].iter().any(|w| c.lower_is(end - 1, w))
        && c.lower_is(end - 2, "of")
        && t[end - 3].is(class::QUANT)
        && !t[end - 3].quoted
    {
        return Some((end - 3, end));
    }
    let (mut s, e) = np_core(c, end)?;
    if t[s].is(class::PRON) {
        return Some((s, e));
    }
    // "63 percent said": a number before a quantity head.
    if t[s].is(class::QUANT) && s + 1 == e && s > 0 && starts_with_digit(c, s - 1) {
        s -= 1;
    }
    // "The three councillors": an article before a number, which the
    // walk took for the determiner.
    if s > 0
        && s + 1 < e
        && e <= s + 3
        // ("the four states": a head that may be a cue is a noun here.)
        && (s + 1..e).all(|k| {
            (t[k].entry.cue.is_none() || k + 1 == e && cue_as_noun(c, k)) && !t[k].text(c.doc).ends_with("ing")
        })
        && ["two", "three", "four", "five"].iter().any(|w| c.lower_is(s, w))
    {
        // ("the next two states", "the last three presidents": a word of
        // order between the article and the number.)
        let order = s >= 2 && ["next", "last", "past", "first", "other"].iter().any(|w| c.lower_is(s - 1, w));
        let a = s - 1 - usize::from(order);
        if ["the", "these", "those", "all"].iter().any(|w| c.lower_is(a, w)) {
            s = a;
        }
    }
    // "Sanders and his aides", "Roe and her lawyers": a name and the
    // people around it speak together.
    if s >= 2
        && t[s].is(class::DET | class::PRON)
        && ["his", "her", "their", "its"].iter().any(|w| c.lower_is(s, w))
        && c.lower_is(s - 1, "and")
        && t[s - 2].cap
        && t[s - 2].word()
        && !t[s - 2].quoted
        && let Some((s2, _)) = np_core(c, s - 1)
        && t[s2..s - 1].iter().any(|x| x.cap && !x.is(class::DET))
    {
        s = s2;
    }
    // "Politicians and even some technologists say": two groups, the
    // second with its own determiner, speak together. The first must be a
    // name or people (a plural or a people noun), not a thing or a verb.
    let personal = |k: usize| ["he", "she", "we", "they", "i"].iter().any(|w| c.lower_is(k, w));
    let joined = |s: usize| {
        let and = if s >= 2 && ["even", "also"].iter().any(|w| c.lower_is(s - 1, w)) { s - 1 } else { s };
        if and >= 2
            && t[s].is(class::DET)
            && c.lower_is(and - 1, "and")
            && let Some((s2, _)) = np_core(c, and - 1)
            // ("He and other challengers complained": a person by a
            // pronoun, with others.)
            && (personal(s2) && s2 + 2 == and
                || !t[s2].is(class::PRON)
                    && (t[and - 2].cap || is_agent_noun(c, and - 2))
                    && (t[and - 2].is(class::ANON | class::GROUP)
                        || t[and - 2].text(c.doc).ends_with('s')
                        || t[and - 2].cap))
        {
            s2
        } else {
            s
        }
    };
    s = joined(s);
    let before_phrases = s;
    for _ in 0..2 {
        if s < 2 {
            break;
        }
        let p = &t[s - 1];
        if c.lower_is(s - 1, "of") && quantity(s - 2) {
            s -= 2;
            while s > 0 && (quantity(s - 1) || c.lower_is(s - 1, "about") || t[s - 1].is(class::DET)) {
                s -= 1;
            }
            // "a wide array of", "a large number of": an adjective on the
            // quantity; "Large majorities of voters" opening the clause
            // has no article.
            let adjective = s >= 1
                && quantity(s)
                && t[s - 1].word()
                && !t[s - 1].quoted
                && !is_function(&t[s - 1])
                && t[s - 1].entry.cue.is_none();
            if adjective && s >= 2 && !t[s - 1].cap && is_article(c, s - 2) {
                s -= 2;
            } else if adjective && !t[s - 1].is(class::DET | class::TIME) && starts_clause(c, s - 1) {
                s -= 1;
            }
            continue;
        }
        if starts_with_digit(c, s - 1)
            && s >= 3
            && (c.lower_is(s - 2, "in") || c.lower_is(s - 2, "of"))
            && quantity(s - 3)
        {
            s -= 3;
            continue;
        }
        let pp: &[&str] = if t[s - 2].is(class::ANON | class::GROUP) {
            &["of", "for", "at", "from", "with", "in", "on", "to", "across"]
        } else {
            &["of", "for", "at", "from", "with", "in", "on", "across"]
        };
        // "the cities of Leeds and York", "the nurses at the hospital": any
        // plural noun after an article takes an "of", "at", "from" or "in"
        // phrase (a singular one is as often a thing: "the popularity of
        // Roe").
        let noun_of = ["of", "at", "from", "in"].iter().any(|w| c.lower_is(s - 1, w))
            && s >= 3
            && plural_form(t[s - 2].text(c.doc))
            // ("other prominent bundlers in both parties": modifiers between.)
            && (t[s - 3].is(class::DET)
                || is_agent_noun(c, s - 2)
                    && np_core(c, s - 1).is_some_and(|(s2, _)| s2 + 2 < s && t[s2].is(class::DET) && !t[s2].is(class::PRON)))
            && t[s - 2].word()
            && !t[s - 2].quoted
            && !is_function(&t[s - 2])
            && t[s - 2].entry.cue.is_none();
        // "..., but majorities in all five towns say": a bare plural that
        // opens its clause takes its phrase too.
        let bare_of = ["of", "at", "from", "in"].iter().any(|w| c.lower_is(s - 1, w))
            && plural_form(t[s - 2].text(c.doc))
            && t[s - 2].word()
            && !t[s - 2].quoted
            && !t[s - 2].cap
            && !is_function(&t[s - 2])
            && t[s - 2].entry.cue.is_none()
            && starts_clause(c, s - 2);
        // "A producer for Yahoo Studios", "an editor at the Times": a
        // described person and the named body they work for. Not "of",
        // which as often names whose quality it is ("the tone of Roe").
        let named_body = s >= 3
            && ["for", "at", "with"].iter().any(|w| c.lower_is(s - 1, w))
            && t[s].cap
            && !t[s].is(class::DET | class::PRON)
            && t[s - 2].word()
            && !t[s - 2].quoted
            && !t[s - 2].cap
            && !is_function(&t[s - 2])
            && t[s - 2].entry.cue.is_none()
            && t[s - 3].is(class::DET)
            && !t[s - 3].is(class::PRON);
        // "the organizer of a rally", "a lobbyist for the bank": a person
        // described by what they do and where.
        let agent = s >= 3
            && ["of", "for", "at", "with"].iter().any(|w| c.lower_is(s - 1, w))
            && is_agent_noun(c, s - 2)
            && is_article(c, s - 3);
        // "an analysis of campaign filings", "a review of the records": a
        // document and what it covers.
        // Not "footage of Ann Roe" (she may be the speaker) nor "an
        // average of 10 percent of voters" (they are).
        let document_of = c.lower_is(s - 1, "of")
            && is_document(c, s - 2)
            && !t[e - 1].cap
            && !quantity(s)
            && np_core(c, s - 1).is_some_and(|(s2, _)| {
                (s2..s - 2).filter(|&k| !t[k].cap && !t[k].is(class::DET) && !starts_with_digit(c, k)).count() <= 1
            });
        // "a statement posted on the website", "a letter published in the
        // Gazette": a document and where it came out.
        let document_out = ["on", "in"].iter().any(|w| c.lower_is(s - 1, w))
            && s >= 3
            && t[s - 2].word()
            && !t[s - 2].cap
            && !t[s - 2].quoted
            && t[s - 2].text(c.doc).ends_with("ed")
            && is_document(c, s - 3);
        if document_out && let Some((s2, _)) = np_core(c, s - 2) {
            s = s2;
            continue;
        }
        // "A projection by the consulting firm Oxford Economics": a
        // document and its authors, named. (Not "a report by the water
        // authority shows": the authority speaks, as after "according
        // to".)
        if c.lower_is(s - 1, "by")
            && !t[s].is(class::PRON)
            && t[s..e].iter().any(|x| x.cap && !x.is(class::DET))
            && is_document(c, s - 2)
            && let Some((s2, _)) = np_core(c, s - 1)
        {
            s = s2;
            continue;
        }
        // "Observers in Virginia and around the country say": two phrases
        // of place joined by "and", after a plural of people.
        if s >= 6
            && p.word()
            && !p.cap
            && p.is(class::PREP)
            && !p.is(class::SUB)
            && c.lower_is(s - 2, "and")
            && let Some((s3, _)) = np_core(c, s - 2)
            && s3 >= 3
            && t[s3].cap
            && ["in", "across", "around", "from", "at"].iter().any(|w| c.lower_is(s3 - 1, w))
            && t[s3 - 2].word()
            && !t[s3 - 2].cap
            && !t[s3 - 2].quoted
            && (t[s3 - 2].is(class::ANON | class::GROUP) || is_agent_noun(c, s3 - 2))
            && let Some((s2, _)) = np_core(c, s3 - 1)
            && !t[s2].is(class::PRON)
        {
            s = s2;
            continue;
        }
        if p.word()
            && !p.cap
            && pp.iter().any(|w| c.lower_is(s - 1, w))
            && ((t[s - 2].cap && !t[s - 2].is(class::TIME))
                || t[s - 2].is(class::ANON | class::GROUP)
                || noun_of
                || bare_of
                || named_body
                || agent
                || document_of)
            && let Some((s2, _)) = np_core(c, s - 1)
            && !t[s2].is(class::PRON)
        {
            s = s2;
            continue;
        }
        break;
    }
    // "Roe, Diaz and other donors in both parties said": the group with
    // its phrase joins the names before it.
    if s != before_phrases {
        s = joined(s);
    }
    // "a website run by the council", "a list kept by the ministry": a
    // document and who keeps it.
    if s >= 3
        && c.lower_is(s - 1, "by")
        && ["run", "kept", "compiled", "maintained", "published", "released", "issued", "written", "produced"]
            .iter()
            .any(|w| c.lower_is(s - 2, w))
        && let Some((s2, _)) = np_core(c, s - 2)
        && t[s2..s - 2].iter().any(|x| x.is(class::GROUP | class::ORG))
    {
        s = s2;
    }
    while s > 0
        && ["nearly", "about", "almost", "roughly", "approximately", "over", "only", "just"]
            .iter()
            .any(|w| c.lower_is(s - 1, w))
        && (quantity(s) || t[s].is(class::DET))
    {
        s -= 1;
    }
    // "At least a dozen members", "more than 40 economists": a bound on
    // the count.
    if s >= 2
        && (quantity(s) || t[s].is(class::DET) && !t[s].is(class::PRON))
        && (c.lower_is(s - 1, "least") && c.lower_is(s - 2, "at")
            || c.lower_is(s - 1, "than") && ["more", "fewer", "less"].iter().any(|w| c.lower_is(s - 2, w)))
    {
        s -= 2;
    }
    // "a study published on Wednesday found": the participle says when or
    // where the document came out; it is no part of its name.
    let last = &t[e - 1];
    if e >= s + 2
        && last.word()
        && !last.cap
        && !last.quoted
        && last.entry.cue.is_none()
        && last.text(c.doc).ends_with("ed")
        && super::according::is_document(c, e - 2)
    {
        return Some((s, e - 1));
    }
    Some((s, e))
}

/// Whether token `i` is a lowercase noun for a person by its form: a
/// people word of the lexicon, or an agent suffix ("lobbyist", "historian",
/// "businessman", "organizer", "investor"). `-er`/`-or` only in longer
/// words: short ones are as often things ("water", "door").
pub(super) fn is_agent_noun(c: &Ctx, i: usize) -> bool {
    let Some(x) = c.t.get(i) else { return false };
    if !x.word() || x.cap || x.quoted || is_function(x) || x.entry.cue.is_some() {
        return false;
    }
    if x.is(class::ROLE | class::ANON | class::GROUP) {
        return true;
    }
    let w = x.text(c.doc).to_ascii_lowercase();
    let w = if plural_form(&w) { &w[..w.len() - 1] } else { &w };
    (w.len() >= 6 && ["ist", "ian", "man", "men"].iter().any(|s| w.ends_with(s)))
        || (w.len() >= 7 && ["er", "or"].iter().any(|s| w.ends_with(s)) && !w.ends_with("ever"))
}

/// Whether the word at `i` names people without being an agent noun: "a
/// woman", "the men", or the plural of a role or group the lexicon
/// knows in the singular ("judges", "justices").
pub(super) fn is_people_noun(c: &Ctx, i: usize) -> bool {
    let x = &c.t[i];
    if !x.word() || x.cap || x.quoted || is_function(x) {
        return false;
    }
    let w = x.text(c.doc).to_ascii_lowercase();
    ["man", "woman", "men", "women", "child", "children"].contains(&w.as_str())
        || (plural_form(&w) && cues::lookup(&w[..w.len() - 1]).class & (class::ROLE | class::ANON | class::GROUP) != 0)
}

/// Whether the cue word at `i` is a plural noun here ("an analysis of
/// reports shows", "the claims show"): after an article, "of", or a
/// lowercase modifier that is no verb of its own.
fn cue_as_noun(c: &Ctx, i: usize) -> bool {
    let t = c.t;
    i > 0
        && plural_form(t[i].text(c.doc))
        && t[i - 1].word()
        && !t[i - 1].quoted
        && !t[i - 1].cap
        && (t[i - 1].is(class::DET) && !t[i - 1].is(class::PRON)
            || c.lower_is(i - 1, "of")
            || (!is_function(&t[i - 1])
                && t[i - 1].entry.cue.is_none()
                && !t[i - 1].is(class::ANON | class::GROUP | class::ROLE | class::TIME)
                && !is_people_noun(c, i - 1)
                && !plural_form(t[i - 1].text(c.doc))))
}

/// Whether token `i` is one of the common irregular past tenses that
/// follow a subject ("left", "went", "took"): no noun of a speaker's name.
pub(super) fn is_irregular_past(c: &Ctx, i: usize) -> bool {
    c.t.get(i).is_some_and(|x| x.word() && !x.cap && !x.quoted) && cues::IRREGULAR_PAST.iter().any(|w| c.lower_is(i, w))
}

/// Whether a word has a plural's form: a final "s", not "ss" ("officials",
/// not "witness"), "us", "is" or "cas" ("status", "crisis", "fracas").
pub(super) fn plural_form(w: &str) -> bool {
    w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") && !w.ends_with("cas")
}

/// "6th", "21st", "2nd", "3rd": digits and an ordinal's ending.
fn is_ordinal(w: &str) -> bool {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && ["st", "nd", "rd", "th"].iter().any(|end| w[digits..].eq_ignore_ascii_case(end))
}

/// The simple noun phrase ending just before token `end`.
fn np_core(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = end;
    // A parenthetical after a name: "Sen. Ann Roe (D-Ore.) said".
    let mut paren_end = None;
    if e > 0 && t[e - 1].text(c.doc) == ")" {
        let open = (e.saturating_sub(10)..e - 1).rev().find(|&i| t[i].text(c.doc) == "(")?;
        paren_end = Some(e);
        e = open;
    }
    if e == 0 {
        return None;
    }
    let head = &t[e - 1];
    if !head.word() || head.quoted {
        return None;
    }
    if head.is(class::PRON) {
        return Some((e - 1, paren_end.unwrap_or(e)));
    }
    // "But many said C", "and another added C": a quantifier standing
    // for people, right before its verb (capitalised, opening the
    // sentence, it is a name-like head already).
    if !head.cap
        && paren_end.is_none()
        // (Not after an article: "the most pointed critiques".)
        && !(e >= 2 && (t[e - 2].is(class::DET) || is_possessive(c, e - 2)))
        && matches!(
            head.text(c.doc),
            "many" | "some" | "most" | "one" | "another" | "both" | "each" | "all" | "several"
        )
        && t.get(e).is_some_and(|n| n.word() && !n.quoted && (n.cue().is_some() || n.is(class::AUX)))
    {
        return Some((e - 1, e));
    }
    // "groups that raised money since January said": a month is no
    // speaker (not "May", "June", "March" or "August": names and words).
    let month = head.cap
        && ["January", "February", "April", "July", "September", "October", "November", "December"]
            .contains(&head.text(c.doc));
    // "Having told them to wait, she said": "Having" and "Being" open a
    // participle phrase; no one is named so.
    let participle = head.cap && matches!(head.text(c.doc), "Having" | "Being");
    let strict = (head.cap
        && (!is_function(head) || modal_surname(c, e - 1))
        && head.cue().is_none()
        && !head.is(class::TIME)
        && !month
        && !participle)
        || head.is(class::ANON | class::GROUP)
        || (head.is(class::QUANT) && e >= 2 && starts_with_digit(c, e - 2));
    // Any other lowercase noun may head a subject if an article or a name
    // opens its phrase ("the Vermont senators", "The town").
    let loose = !strict
        && !head.cap
        && !is_function(head)
        && (head.entry.cue.is_none() || cue_as_noun(c, e - 1))
        && (!starts_with_digit(c, e - 1) || is_age(c, e - 1))
        && !head.is(class::DET | class::TIME);
    if !strict {
        if let Some(np) = postmodified(c, e) {
            return Some(np);
        }
        // "Roger Ailes helped found Fox News": a past tense after a name
        // is its verb, no head of a phrase.
        let verb_after_name = head.text(c.doc).ends_with("ed")
            && e >= 2
            && t[e - 2].cap
            && t[e - 2].word()
            && !t[e - 2].quoted
            && !t[e - 2].is(class::DET);
        if !loose || verb_after_name {
            return None;
        }
    }
    let mut s = e - 1;
    let mut lower_mods = 0;
    while s > 0 && e - s < 12 {
        let p = &t[s - 1];
        if !p.word() || p.quoted {
            break;
        }
        if p.is(class::DET) {
            s -= 1;
            break;
        }
        // "the 6th Circuit", "the 21st District": an ordinal is an
        // adjective too.
        if starts_with_digit(c, s - 1) && is_ordinal(t[s - 1].text(c.doc)) {
            s -= 1;
            continue;
        }
        // "the 34-year-old lawyer": an age is an adjective, not a count.
        if starts_with_digit(c, s - 1) && !is_age(c, s - 1) {
            // "520 superdelegates have said": a count of people opens
            // their phrase.
            // (Not a year: "In 2015 protesters said".)
            let count = t[s - 1].text(c.doc);
            let year = count.len() == 4 && (count.starts_with("19") || count.starts_with("20"));
            // (Nor a share: "6 in 10 voters" is [`np_back`]'s.)
            let share = s >= 2 && ["in", "of", "out"].iter().any(|w| c.lower_is(s - 2, w));
            if s + 1 == e
                && plural_form(head.text(c.doc))
                && !head.is(class::TIME | class::QUANT)
                && !year
                && !share
                && count.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
            {
                s -= 1;
            } else if year && s >= 2 && t[s - 2].is(class::DET) && !t[s - 2].is(class::PRON) {
                // "A 1996 advisory opinion said": a year between the
                // article and its noun.
                s -= 2;
            }
            break;
        }
        if p.cap {
            // "Say Ruritania refused C", "Plus Democrats say C": a
            // supposition or a connective opening the sentence is no part
            // of the name.
            if is_function(p) || (s == 1 && ["say", "suppose", "imagine", "plus"].iter().any(|w| c.lower_is(0, w))) {
                break;
            }
            s -= 1;
            continue;
        }
        let joins = c.lower_is(s - 1, "of") || c.lower_is(s - 1, "and");
        if joins && t[s].cap && s >= 2 && t[s - 2].cap && t[s - 2].word() {
            s -= 1;
            continue;
        }
        // "Federal and state officials".
        if c.lower_is(s - 1, "and")
            && s >= 2
            && t[s - 2].word()
            && !t[s - 2].quoted
            && !is_function(&t[s - 2])
            && t[s - 2].entry.cue.is_none()
            && !starts_with_digit(c, s - 2)
            && (t[s - 2].cap
                || t[s - 2].is(class::ROLE | class::ANON | class::GROUP)
                // "current and former officials", "state and local
                // leaders": two modifiers of one people noun.
                || (s + 1 < e
                    && !t[s].cap
                    && !t[s - 2].is(class::DET | class::TIME)
                    && head.is(class::ANON | class::GROUP)))
        {
            s -= 1;
            continue;
        }
        // "the former first lady", "the only senator", "an earlier
        // report", "an inside source": an adverb or a preposition of the
        // lexicon that is an adjective between an article and its noun.
        if ["first", "only", "earlier", "later", "inside", "outside"].iter().any(|w| c.lower_is(s - 1, w))
            && !head.cap
            && s >= 2
            && (t[s - 2].is(class::DET) && !t[s - 2].is(class::PRON) || c.lower_is(s - 2, "former"))
        {
            lower_mods += 1;
            s -= 1;
            continue;
        }
        // "of newly filed reports": a participle after an adverb, after an
        // article or a preposition, describes.
        let described = p.entry.cue.is_some()
            && p.text(c.doc).ends_with("ed")
            && s >= 3
            && t[s - 2].word()
            && !t[s - 2].cap
            && t[s - 2].text(c.doc).ends_with("ly")
            && (t[s - 3].is(class::DET | class::PREP) && !t[s - 3].is(class::PRON) && !t[s - 3].cap);
        if is_function(p) || (p.entry.cue.is_some() && !described) || lower_mods >= 5 {
            break;
        }
        // "The senator emailed supporters": a verb between two nouns.
        let w = p.text(c.doc);
        if w.ends_with("ed")
            && s >= 2
            && (t[s - 2].cap || t[s - 2].is(class::ANON | class::GROUP))
            && !t[s - 2].is(class::DET)
        {
            break;
        }
        lower_mods += 1;
        s -= 1;
    }
    // A plural head stands alone ("human rights groups").
    let plural = plural_form(head.text(c.doc));
    if loose && !(plural || t[s].is(class::DET) || t[s..e].iter().any(|x| x.cap)) {
        return postmodified(c, e);
    }
    Some((s, paren_end.unwrap_or(e)))
}

/// "Theresa May", "Brian May": a capitalised modal after a first name is
/// the surname. Not in a title-case headline ("Roe May Win Iowa"), where a
/// capitalised word follows it.
fn modal_surname(c: &Ctx, i: usize) -> bool {
    let t = c.t;
    let first = i.checked_sub(1).map(|p| &t[p]);
    c.lower_is(i, "may")
        && first.is_some_and(|p| p.word() && p.cap && !p.quoted && !is_function(p) && !p.is(class::DET | class::ROLE))
        && t.get(i + 1).is_none_or(|n| !n.cap)
}

/// "people familiar with the matter", "sources close to the campaign".
fn postmodified(c: &Ctx, end: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let lo = end.saturating_sub(9);
    for k in (lo..end).rev() {
        let tk = &t[k];
        if !tk.word() || tk.quoted {
            return None;
        }
        let w = tk.text(c.doc);
        if (w == "with" || crate::extract::cues::SOURCE_POSTMODIFIERS.contains(&w))
            && k > 0
            && (t[k - 1].is(class::ANON | class::GROUP)
                || ["those", "others", "some", "many"].iter().any(|w| c.lower_is(k - 1, w)))
        {
            let (s, _) = np_back(c, k)?;
            return Some((s, end));
        }
    }
    None
}

/// People and what they are doing, ending just before `end`: "voters
/// going to the polls on Tuesday", "Democrats in three states voting
/// today", "residents living near the plant". The participle follows a
/// people noun and its phrase runs to `end` with no punctuation, quote,
/// clause or report of its own.
fn participle_postmodified(c: &Ctx, end: usize, cue: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let lo = end.saturating_sub(10).max(1);
    for k in (lo..end).rev() {
        let x = &t[k];
        if !x.word()
            || x.quoted
            || matches!(x.cue(), Some(CueKind::Speech | CueKind::Tell))
            // ("Keeps saying she opposed it": a participle reporting a
            // clause.)
            || x.cue() == Some(CueKind::Participle)
                && t.get(k + 1).is_some_and(|n| n.quoted || n.is(class::PRON) || c.lower_is(k + 1, "that"))
            || x.is(class::SUB)
            || ["what", "and", "but", "or"].iter().any(|w| c.lower_is(k, w))
        {
            return None;
        }
        // (The opening's test wants six letters; a few shorter verbs.)
        let short = ["going", "doing", "using", "vying"].iter().any(|w| c.lower_is(k, w));
        if !(is_participle_opening(c, k) || short) || x.is(class::PREP | class::TIME) {
            continue;
        }
        let (s, _) = np_back(c, k)?;
        // "Ann Roberts speaking to reporters said": a person's name; what
        // they were doing is no part of it.
        // (Not an owner's: "the Ledger's reporting indicated".)
        if is_name_of(c, s, k) && !t[k - 1].is(class::ANON | class::GROUP) && !is_possessive(c, k - 1) {
            return Some((s, k));
        }
        // ("Democrats in three states voting today": the people noun may
        // have a phrase of its own. "Iowans living nearby", "The Browns
        // next door": a capitalised plural alone, not a name's last word.)
        let people = |i: usize| {
            let p = &t[i];
            is_agent_noun(c, i)
                || p.is(class::ANON | class::GROUP) && !p.quoted
                || p.cap
                    && p.word()
                    && !p.quoted
                    && plural_form(p.text(c.doc))
                    && !p.text(c.doc).contains(['\'', '\u{2019}'])
                    && !p.is(class::DET | class::TIME | class::PRON)
                    && t[s..i].iter().all(|x| x.is(class::DET))
        };
        // The people noun heads the phrase: the word before the
        // participle, or before the phrase's first preposition (not
        // "state laws requiring an ID", nor "Documents ... began").
        // ("Majorities of Democrats in five states": a share's "of" is
        // no such preposition.)
        let head = (s + 1..k)
            .find(|&i| t[i].is(class::PREP) && !t[i].cap && !(c.lower_is(i, "of") && t[i - 1].is(class::QUANT)))
            .map_or(k - 1, |i| i - 1);
        if t[s].is(class::PRON) || !(people(head) || people(k - 1)) || is_irregular_past(c, k - 1) {
            return None;
        }
        // "voters going to the polls on Super Tuesday said": the day
        // that ends a name is no time before the cue.
        let mut end = end;
        while end < cue && t[end].cap && t[end].is(class::TIME) && t[end - 1].cap && t[end - 1].word() {
            end += 1;
        }
        // "commuters waiting at the pier said": the place the walk back over
        // the cue's adverbials passed is the participle's.
        if k + 1 == end && end < cue && t[end].is(class::PREP) {
            while end < cue && t[end].word() && !t[end].quoted && !t[end].is(class::AUX) && !is_adverb(c, end) {
                end += 1;
            }
        }
        return Some((s, end));
    }
    None
}

/// Singular nouns for a body that acts and speaks, besides the
/// organisation words of the lexicon: "The utility issued ...".
const BODIES: [&str; 16] = [
    "utility",
    "railroad",
    "railway",
    "firm",
    "operator",
    "city",
    "county",
    "district",
    "airline",
    "carrier",
    "lender",
    "insurer",
    "retailer",
    "charity",
    "school",
    "regulator",
];

/// Noun phrase starting at token `start`: `[start, end)`.
pub(super) fn np_forward(c: &Ctx, start: usize, loose: bool) -> Option<(usize, usize)> {
    let t = c.t;
    let mut e = start;
    if t.get(e).is_some_and(|x| x.is(class::PRON)) {
        return Some((e, e + 1));
    }
    if t.get(e).is_some_and(|x| x.is(class::PREP | class::SUB | class::CONJ | class::AUX)) {
        return None;
    }
    // "said one of the witnesses", "said two of his aides": a part of the
    // group the phrase after "of" names.
    if t.get(e).is_some_and(|x| x.is(class::QUANT) && x.word() && !x.quoted) && c.lower_is(e + 1, "of") {
        let owner = ["his", "her", "their", "its", "our"].iter().any(|w| c.lower_is(e + 2, w));
        let group = if owner {
            np_forward(c, e + 3, true)
        } else if t.get(e + 2).is_some_and(|x| x.is(class::PRON)) {
            None
        } else {
            np_forward(c, e + 2, loose)
        };
        return group.map(|(_, end)| (e, end));
    }
    if t.get(e).is_some_and(|x| x.is(class::DET)) {
        e += 1;
    }
    let mut lower_mods = 0;
    while e < t.len() && e - start < 10 {
        let x = &t[e];
        if !x.word() || x.quoted || x.is(class::TIME) && x.cap {
            break;
        }
        if x.cap {
            // ("Doctors Without Borders", "Mothers Against Drunk Driving":
            // a capitalised preposition between capitalised words, after
            // the cue, is inside a name.)
            let inside_name = x.is(class::PREP)
                && e > start
                && t[e - 1].cap
                && t[e - 1].word()
                && t.get(e + 1).is_some_and(|n| n.cap && n.word() && !n.quoted && !is_function(n));
            if is_function(x) && e > start && !inside_name {
                break;
            }
            e += 1;
            continue;
        }
        // ("Members of the Senate Finance Committee", "Friends of the
        // Earth": a name's "of the", after a word of the lexicon. Not
        // "Robert Antonacci of the New York delegation": a person, then
        // where they are from.)
        let the = usize::from(
            c.lower_is(e, "of") && c.lower_is(e + 1, "the") && e > start && t[e - 1].is(class::GROUP | class::ORG),
        );
        if (c.lower_is(e, "of") || c.lower_is(e, "and"))
            && e > start
            && t[e - 1].cap
            && t.get(e + 1 + the).is_some_and(|n| n.cap && n.word())
        {
            e += 1 + the;
            continue;
        }
        // "said Doyle and others", "said Roe and other officials": the name
        // and the rest of the people who spoke with it.
        if c.lower_is(e, "and") && e > start && t[e - 1].cap && t[e - 1].word() {
            if c.lower_is(e + 1, "others") {
                e += 2;
                break;
            }
            if c.lower_is(e + 1, "other") && is_people_noun(c, e + 2) {
                e += 3;
                break;
            }
        }
        // "former secretary of state Ann Roe": a lowercase title with its
        // department, then the name.
        if c.lower_is(e, "of")
            && e > start
            && t[e - 1].is(class::ROLE)
            && t.get(e + 1).is_some_and(|n| n.word() && !n.cap && n.is(class::ROLE))
            && t.get(e + 2).is_some_and(|n| n.word() && n.cap && !n.quoted)
        {
            e += 2;
            continue;
        }
        // "lobbyist and GOP strategist Ann Roe": two titles of one person,
        // kept only if a name follows (trailing lowercase words are
        // dropped below).
        if c.lower_is(e, "and") && e > start && is_agent_noun(c, e - 1) && t.get(e + 1).is_some_and(|n| n.word()) {
            e += 1;
            continue;
        }
        if is_function(x) || x.entry.cue.is_some() || x.is(class::DET) {
            break;
        }
        // "Ann Roe sternly reprimanded ...": an adverb after the name opens
        // its predicate.
        if e > start && t[e - 1].cap && x.text(c.doc).ends_with("ly") && !x.is(class::ANON | class::GROUP | class::ROLE)
        {
            break;
        }
        // "The mayor closed ...", "The nurses walked out", "The farmers
        // left the meeting", "The businessman left": a verb after the head.
        // A head is a name, a people word or a plural (not an owner: "the
        // state's elected officials"). A singular thing is left alone: "the
        // fracas erupted, calling ..." is no report of the fracas.
        if (x.text(c.doc).ends_with("ed") || is_irregular_past(c, e))
            && e > start
            && !t[e - 1].is(class::DET)
            && (t[e - 1].cap
                || t[e - 1].is(class::ANON | class::GROUP | class::ORG)
                || is_agent_noun(c, e - 1)
                || BODIES.iter().any(|w| c.lower_is(e - 1, w))
                || (!is_possessive(c, e - 1) && plural_form(t[e - 1].text(c.doc))))
        {
            break;
        }
        if x.is(class::ANON | class::GROUP) {
            e += 1;
            continue;
        }
        if lower_mods >= 3 {
            break;
        }
        lower_mods += 1;
        e += 1;
    }
    // Drop trailing lowercase words that cannot be heads; after an article
    // any noun can ("the town").
    let article = loose && t.get(start).is_some_and(|x| x.is(class::DET));
    while e > start {
        let h = &t[e - 1];
        if h.cap || h.is(class::ANON | class::GROUP) || (article && e > start + 1 && h.word() && !is_function(h)) {
            break;
        }
        e -= 1;
    }
    if e == start || (e == start + 1 && t[start].is(class::DET)) {
        return None;
    }
    // "a spokesman for Mayor Ann Roe".
    if t[e - 1].is(class::ANON | class::GROUP)
        && t.get(e).is_some_and(|x| x.word() && ["for", "of", "at", "to", "from"].iter().any(|w| x.text(c.doc) == *w))
        && t.get(e + 1).is_some_and(|x| x.word() && x.cap && !x.quoted)
    {
        e += 1;
        while e < t.len() && t[e].word() && t[e].cap && !t[e].quoted && e - start < 14 {
            e += 1;
        }
    }
    // "people familiar with the matter", "a Republican involved in the
    // planning".
    let one_named = e == start + 2 && (is_indefinite(c, start) || c.lower_is(start, "one")) && t[e - 1].cap;
    if (t[e - 1].is(class::ANON) || one_named)
        && t.get(e).is_some_and(|x| {
            x.word()
                && matches!(x.text(c.doc), "familiar" | "close" | "briefed" | "involved" | "privy" | "with" | "who")
        })
    {
        while e < t.len() && t[e].word() && e - start < 14 {
            e += 1;
        }
    }
    Some((start, e))
}

/// Whether the segment starting at token `i` reads as an appositive: "head
/// of C", "the company's founder", "who ...", "R-Ky.", "70".
pub(super) fn appositive_like(c: &Ctx, i: usize) -> bool {
    let Some(x) = c.t.get(i) else { return false };
    if !x.word() || x.quoted || x.is(class::PRON | class::CONJ) || x.cue().is_some() {
        return c.lower_is(i, "who") || c.lower_is(i, "which");
    }
    !x.cap || x.is(class::DET | class::ROLE) || is_party(c, i) || starts_with_digit(c, i) || is_possessive(c, i)
}

/// Whether token `i` is a party and state: "R-Ky.", "D-Calif.".
fn is_party(c: &Ctx, i: usize) -> bool {
    let w = c.t[i].text(c.doc);
    w.len() >= 3 && ["R-", "D-", "I-"].iter().any(|p| w.starts_with(p))
}

/// Whether tokens `[s, e)` are a bare name: two to five capitalised words,
/// with a lowercase particle inside ("Kees van Dam", "Ana de la Cruz").
fn is_name(c: &Ctx, s: usize, e: usize) -> bool {
    // "Miriam and Joel Kessler": a couple under one surname.
    if e == s + 4 && c.lower_is(s + 1, "and") {
        return [s, s + 2, s + 3].iter().all(|&k| {
            let x = &c.t[k];
            x.word() && x.cap && !x.quoted && !x.is(class::DET | class::ROLE | class::ORG | class::GROUP)
        });
    }
    e >= s + 2
        && e - s <= 5
        && c.t[e - 1].cap
        && c.t[s..e].iter().enumerate().all(|(k, x)| {
            x.word() && !x.is(class::DET) && (x.cap || k > 0 && crate::extract::speakers::is_particle(x.text(c.doc)))
        })
}

/// A bare name, or one with where it comes from: "Ann Roe of Ohio State
/// University".
pub(super) fn is_name_of(c: &Ctx, s: usize, e: usize) -> bool {
    if is_name(c, s, e) {
        return true;
    }
    let Some(of) = (s + 2..e.saturating_sub(1)).find(|&k| c.lower_is(k, "of")) else {
        return false;
    };
    is_name(c, s, of) && e - of <= 5 && c.t[of + 1..e].iter().all(|x| x.word() && x.cap && !x.quoted)
}

/// Whether token `k` opens a participle phrase: "speaking on condition of
/// anonymity", "appearing on Fox", "responding to questions". Not a role's
/// adjective ("managing director", "acting chief").
pub(super) fn is_participle_opening(c: &Ctx, k: usize) -> bool {
    let x = &c.t[k];
    // (The bytes, and only of a long lowercase word.)
    x.word()
        && !x.cap
        && !x.quoted
        && x.end - x.start >= 6
        && c.doc.as_bytes()[x.start..x.end].ends_with(b"ing")
        && !x.is(class::ROLE | class::DET | class::ANON | class::GROUP)
        && !cues::ROLE_ADJECTIVES.iter().any(|a| c.lower_is(k, a))
}

/// Whether token `k` gives an age: "74-year-old", "6-month-old".
fn is_age(c: &Ctx, k: usize) -> bool {
    let w = c.t[k].text(c.doc);
    w.starts_with(|ch: char| ch.is_ascii_digit()) && (w.ends_with("-year-old") || w.ends_with("-month-old"))
}

/// Verbs of going somewhere to say something: "took to Facebook to say".
const GOING: [&str; 10] =
    ["took", "takes", "went", "goes", "appeared", "appears", "came", "returned", "headed", "turned"];

/// Back over auxiliaries and adverbs between a subject and its cue ("has
/// also said", "has, however, argued", "repeatedly claimed").
/// "S made (it) (very) clear that C": where "made" is, for the cue
/// "clear" at `cue` ([`class::CLEAR`]).
pub(super) fn made_clear(c: &Ctx, cue: usize) -> Option<usize> {
    let mut k = cue;
    while k > 0 && !c.t[k - 1].cap && cues::CLEAR_LEAD.iter().any(|w| c.lower_is(k - 1, w)) {
        k -= 1;
    }
    (k > 0 && cues::MADE.iter().any(|w| c.lower_is(k - 1, w))).then(|| k - 1)
}

/// Words of the medium a report came in: "in a statement", "on Twitter".
/// (Not "video": "the man in the video said" is who was seen there.)
const MEDIA: [&str; 12] = [
    "statement",
    "interview",
    "letter",
    "speech",
    "post",
    "tweet",
    "email",
    "memo",
    "release",
    "Twitter",
    "Facebook",
    "Instagram",
];

/// Where "in a statement", "in a letter to members", "on Twitter" starts,
/// when it ends right before `j`: "in" or "on", plain words, a word of
/// [`MEDIA`], and at most a short "to R" after it.
fn medium_before(c: &Ctx, j: usize) -> Option<usize> {
    let t = c.t;
    // (Asked at each step of the walk back from every cue: the word
    // before is tested first, and most often ends the search.)
    let is_medium = |k: usize| t[k].word() && MEDIA.contains(&t[k].text(c.doc));
    // ("in a letter to members", "in a statement to the press": the
    // addressee after the medium.)
    let medium = if is_medium(j - 1) {
        j - 1
    } else if j >= 3 && c.lower_is(j - 2, "to") && is_medium(j - 3) {
        j - 3
    } else if j >= 4 && c.lower_is(j - 3, "to") && is_medium(j - 4) {
        j - 4
    } else {
        return None;
    };
    let prep = (medium.saturating_sub(4)..medium).rev().find(|&k| c.lower_is(k, "in") || c.lower_is(k, "on"))?;
    (prep > 0
        && !t[prep].cap
        && t[prep..j].iter().all(|x| x.word() && !x.quoted && x.entry.cue.is_none())
        && t[prep - 1].word())
    .then_some(prep)
}

pub(super) fn skip_aux_back(c: &Ctx, cue: usize) -> usize {
    c.skip_memo(cue, || skip_aux_back_walk(c, cue))
}

fn skip_aux_back_walk(c: &Ctx, cue: usize) -> usize {
    let t = c.t;
    let mut j = cue;
    if t[cue].is(class::CLEAR)
        && let Some(made) = made_clear(c, cue)
    {
        j = made;
    }
    loop {
        if j == 0 {
            return j;
        }
        let p = &t[j - 1];
        if p.word() && !p.cap && (p.is(class::AUX) || is_negation(c, j - 1)) {
            j -= 1;
            j = degree_back(c, j);
            continue;
        }
        // "Roe has since said", "who have since said": the adverb of time
        // after a perfect's auxiliary ("since" is a subordinator too).
        if p.word() && !p.cap && c.lower_is(j - 1, "since") && j >= 2 && t[j - 2].is(class::AUX) && !t[j - 2].cap {
            j -= 1;
            continue;
        }
        // (The word's text only for a long lowercase word: most words
        // before a cue are names.)
        if p.word()
            && !p.cap
            && p.end - p.start >= 6
            && p.text(c.doc).ends_with("ly")
            && !p.is(class::ANON | class::GROUP)
        {
            j -= 1;
            j = degree_back(c, j);
            continue;
        }
        // "S remains convinced that C", "S came away convinced": a verb of
        // being before an adjective of stance.
        if t[cue].is(class::STANCE) && p.word() && !p.cap && cues::LINKING.iter().any(|w| c.lower_is(j - 1, w)) {
            j -= 1;
            if c.lower_is(j, "away") && j > 0 && ["came", "comes", "come"].iter().any(|w| c.lower_is(j - 1, w)) {
                j -= 1;
            }
            continue;
        }
        // "Roe in a statement said", "the company in a letter to members
        // warned", "Roe on Twitter said": where it was said, between the
        // subject and its verb, is no part of the subject.
        if p.word()
            && let Some(k) = medium_before(c, j)
        {
            j = k;
            continue;
        }
        // "Ann Roe on Tuesday said", "Ann Roe last week said", "Ann Roe
        // this past week said".
        if p.word() && p.is(class::TIME) && !p.is(class::DET) && !is_possessive(c, j - 1) {
            j -= 1;
            if j > 1 && c.lower_is(j - 1, "past") && c.lower_is(j - 2, "this") {
                j -= 2;
            } else if j > 0 && ["on", "last", "this", "earlier", "late", "early"].iter().any(|w| c.lower_is(j - 1, w)) {
                j -= 1;
            }
            continue;
        }
        // "Roe and Diaz both said", "the three senators all said": a
        // floating quantifier after a plural subject.
        if p.word() && !p.cap && (c.lower_is(j - 1, "both") || c.lower_is(j - 1, "all")) && j >= 2 {
            let q = &t[j - 2];
            if (q.word() && !q.is(class::DET | class::PREP | class::SUB | class::CONJ)) || q.text(c.doc) == ")" {
                j -= 1;
                continue;
            }
        }
        // Infinitives after a verb of aspect, of going somewhere, or of
        // a poll's comparison: every rule below hangs on a "to" before
        // the cue, asked once.
        if c.lower_is(j - 1, "to") {
            // "continued to call for", "began to argue", "was quick to say":
            // a verb of aspect before the cue's infinitive.
            if j >= 2
                && !t[j - 2].cap
                && ["continued", "continues", "continue", "began", "begins", "begin", "started", "starts", "quick"]
                    .iter()
                    .any(|w| c.lower_is(j - 2, w))
            {
                j -= 2;
                continue;
            }
            // "Voters were more likely to say C", "the least likely to say":
            // a poll's comparison of who answered so (not "is likely to say",
            // a guess at what someone will say).
            if j >= 3
                && c.lower_is(j - 2, "likely")
                && ["more", "less", "most", "least"].iter().any(|w| c.lower_is(j - 3, w))
            {
                j -= 3;
                continue;
            }
            // "took to social media to say", "went on television to say",
            // "appeared on CNN to say": a verb of going somewhere, and where,
            // before the cue's infinitive of purpose.
            // (Only before a verb of saying: "took the stage to acknowledge
            // his victory" names a deed.)
            if ["say", "tell", "announce", "declare", "argue", "warn", "insist", "urge"]
                .iter()
                .any(|w| c.lower_is(cue, w))
                && let Some(v) = (j.saturating_sub(7)..j.saturating_sub(2)).rev().find(|&v| {
                    GOING.iter().any(|w| c.lower_is(v, w))
                        && (c.lower_is(v + 1, "to")
                            || c.lower_is(v + 1, "on")
                            || c.lower_is(v + 1, "before")
                            // "took the stage to say", "took the floor".
                            || (c.lower_is(v, "took") || c.lower_is(v, "takes")) && c.lower_is(v + 1, "the"))
                })
                && t[v + 2..j - 1].iter().all(|x| {
                    x.word() && !x.quoted && x.entry.cue.is_none() && !x.is(class::SUB | class::CONJ | class::AUX)
                })
            {
                j = v;
                continue;
            }
            // "went so far as to say", "goes so far as to call".
            if j >= 5
                && c.lower_is(j - 2, "as")
                && c.lower_is(j - 3, "far")
                && c.lower_is(j - 4, "so")
                && matches!(
                    t[j - 5].text(c.doc).to_ascii_lowercase().as_str(),
                    "went" | "goes" | "go" | "going" | "gone"
                )
            {
                j -= 5;
                continue;
            }
            // "went on to say", "goes on to say".
            if j >= 3 && c.lower_is(j - 2, "on") {
                let v = t[j - 3].text(c.doc).to_ascii_lowercase();
                if matches!(v.as_str(), "went" | "goes" | "go" | "going" | "gone") {
                    j -= 3;
                    continue;
                }
            }
        }
        // ", however," and the like.
        if p.kind == Kind::Comma && j >= 3 && t[j - 3].kind == Kind::Comma && is_connective(c, j - 2) {
            j -= 3;
            continue;
        }
        return j;
    }
}

/// "very quickly reported", "most recently said": before the adverb just
/// stepped over (at `j`, ending in "-ly"), a word of degree is stepped
/// over too. Where the walk goes on from.
fn degree_back(c: &Ctx, j: usize) -> usize {
    let t = c.t;
    let degree = j > 0
        && t[j].text(c.doc).ends_with("ly")
        && !t[j - 1].cap
        && ["very", "so", "too", "quite", "rather", "most", "more"].iter().any(|w| c.lower_is(j - 1, w));
    if degree { j - 1 } else { j }
}

/// Whether token `i` is a connective set off by commas around a cue:
/// "has, however, argued", "said, though, that C".
pub(super) fn is_connective(c: &Ctx, i: usize) -> bool {
    let x = &c.t[i];
    x.word()
        && !x.quoted
        && matches!(
            x.text(c.doc).to_ascii_lowercase().as_str(),
            "however" | "meanwhile" | "though" | "too" | "also" | "moreover" | "instead" | "indeed"
        )
}

/// Whether the word at `j` is one of the lexicon's adverbs ("repeatedly",
/// "again", "publicly"), not an auxiliary verb.
pub(super) fn is_adverb(c: &Ctx, j: usize) -> bool {
    const VERBS: [&str; 21] = [
        "has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "could", "can", "may",
        "might", "must", "shall", "should", "did", "does", "do",
    ];
    c.t[j].is(class::AUX)
        && !c.t[j].is(class::PREP)
        && !VERBS.iter().any(|w| c.lower_is(j, w))
        && !c.lower_is(j, "never")
        && !c.lower_is(j, "long")
}

/// "not", "hasn't", "didn’t": a report that something was not said.
pub(super) fn is_negation(c: &Ctx, i: usize) -> bool {
    let x = &c.t[i];
    // The word's bytes, and only for an unquoted word: the walks back
    // from a cue ask this of every lowercase word they pass.
    if !x.word() || x.quoted {
        return false;
    }
    let w = &c.doc.as_bytes()[x.start..x.end];
    w.eq_ignore_ascii_case(b"not") || w.ends_with(b"n't") || w.ends_with("n\u{2019}t".as_bytes())
}

/// A subject noun phrase before the cue at `cue`, skipping auxiliaries and
/// appositives (`S, head of C, said`), whose start `accept` agrees to.
pub(super) fn subject_before(c: &Ctx, cue: usize, accept: impl Fn(usize) -> bool) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    if j == 0 {
        return None;
    }
    // "S -- co-editor of B -- said".
    if t[j - 1].kind == Kind::Dash
        && let Some(d) = (j.saturating_sub(30)..j - 1).rev().find(|&d| t[d].kind == Kind::Dash)
        && d + 1 < j - 1
        && let Some(np) = np_back(c, d)
        && !t[np.0].is(class::PRON)
        && accept(np.0)
    {
        // "The transcript -- published by the Ledger -- shows": who put a
        // document out is part of its name, as in "a list kept by the
        // ministry".
        let w = t[d + 1].text(c.doc);
        if (np.0..np.1).any(|k| is_document(c, k))
            && !t[d + 1].cap
            && (w.ends_with("ed") || w.ends_with("en"))
            && c.lower_is(d + 2, "by")
        {
            return Some(Source::Mention { np: (np.0, j - 1), appositive: None });
        }
        return Some(Source::Mention { np, appositive: Some((d + 1, j - 1)) });
    }
    // "Gov. John Kasich (R-OH), said": a stray comma after the party.
    if t[j - 1].kind == Kind::Comma
        && j >= 3
        && t[j - 2].text(c.doc) == ")"
        && let Some(open) = (j.saturating_sub(7)..j - 2).rev().find(|&o| t[o].text(c.doc) == "(")
        && open > 0
        && t[open - 1].cap
        && is_party(c, open + 1)
        && let Some(np) = np_back(c, open)
        && !t[np.0].is(class::PRON)
        && accept(np.0)
    {
        return Some(Source::Mention { np: (np.0, j - 1), appositive: None });
    }
    // "Roe, citing \"security concerns,\" said": a participle's quoted
    // object ends the aside, its comma inside the closing mark.
    if j >= 4
        && t[j - 1].kind == Kind::Close
        && t[j - 2].kind == Kind::Comma
        && let Some(open) = c.open_of(j - 1)
        && open >= 3
        && t[open - 2].kind == Kind::Comma
        && (cue_at(c, open - 1) == Some(CueKind::Participle) || is_participle_opening(c, open - 1))
        && let Some(np) = np_back(c, open - 2)
        && !t[np.0].is(class::PRON)
        && !t[np.0].quoted
        && accept(np.0)
    {
        return Some(Source::Mention { np, appositive: None });
    }
    // ('S, who starred in "The Long Road," called': the comma that closes
    // a relative clause ending in a quoted title stands inside the title's
    // closing mark; the walk starts from that comma.)
    let closing_comma = j >= 3
        && t[j - 1].kind == Kind::Close
        && t[j - 2].kind == Kind::Comma
        && t[j - 2].quoted
        && (j.saturating_sub(14)..j - 2)
            .any(|k| k > 0 && c.lower_is(k, "who") && !t[k].quoted && t[k - 1].kind == Kind::Comma);
    if t[j - 1].kind != Kind::Comma && !closing_comma {
        // "an official who spoke on condition of anonymity because … said".
        if let Some(src @ Source::Mention { np, .. }) = super::nonreport::anonymous_subject(c, j)
            && accept(np.0)
        {
            return Some(src);
        }
        // "Voters going to the polls on Tuesday said", "residents living
        // near the plant say": people described by what they are doing.
        // (The same for every family that asks of this cue: `j` is where
        // the walk back from it stops.)
        if let Some(np) = c.people_memo(cue, || participle_postmodified(c, j, cue))
            && accept(np.0)
        {
            return Some(Source::Mention { np, appositive: None });
        }
        // "Officials here say", "supporters of the plan there said": a
        // word of place after the subject.
        if j >= 3
            && (c.lower_is(j - 1, "here") || c.lower_is(j - 1, "there"))
            && !t[j - 1].cap
            && t[j - 2].word()
            && !t[j - 2].quoted
            && !is_function(&t[j - 2])
            && (t[j - 2].is(class::ANON | class::GROUP | class::ROLE) || plural_form(t[j - 2].text(c.doc)))
            && let Some(np) = np_back(c, j - 1)
            && np.1 == j - 1
            && !t[np.0].is(class::PRON)
            && accept(np.0)
        {
            return Some(Source::Mention { np: (np.0, j), appositive: None });
        }
        // "Ann Roe (D-Ore.) said": the party and state close the name.
        let np = match (t[j - 1].text(c.doc) == ")")
            .then(|| (j.saturating_sub(6)..j - 1).rev().find(|&o| t[o].text(c.doc) == "("))
            .flatten()
        {
            Some(open) if open > 0 && t[open - 1].cap => (np_back(c, open)?.0, j),
            _ => np_back(c, j)?,
        };
        // "Last week Ortiz said": the phrase of time is no part of the name.
        let np =
            if np.0 < 7 && np.0 < time_opening(c) && time_opening(c) < np.1 { (time_opening(c), np.1) } else { np };
        // "Sens. Ann Roe, Bo Diaz and Cy Eng said": the whole list speaks.
        let list = name_list_start(c, np);
        if list < np.0 && accept(list) {
            return Some(Source::Mention { np: (list, np.1), appositive: None });
        }
        if accept(np.0) {
            return Some(Source::Mention { np, appositive: None });
        }
        // "sources close to her campaign say": the head noun ("campaign")
        // is not the speaker; the phrase it ends is.
        if let Some(np) = postmodified(c, j).filter(|p| accept(p.0)) {
            return Some(Source::Mention { np, appositive: None });
        }
        // "\"Q,\" an engineer who worked on the seawall said": a
        // restrictive relative clause between the subject and its cue.
        // Not after a comma: "Ann Roe, the former candidate who hosts a
        // show, was asked" and "in Jupiter, Florida who were voting" are
        // an appositive's clause and a place's.
        // Nor with a report in the clause ("Fishermen who said the docks
        // mattered backed Roe": where the report ends is not known).
        if !c.has(Mark::Who) {
            return None;
        }
        let who = (j.saturating_sub(25)..j).rev().find(|&w| c.lower_is(w, "who"))?;
        // "Those who fish the bay say" is `those_subject`'s.
        if who == 0
            || t[who - 1].is(class::DET)
            || (who + 1..j).any(|k| matches!(t[k].cue(), Some(CueKind::Speech | CueKind::Tell)))
        {
            return None;
        }
        return relative_subject_where(c, cue, |s| (s == 0 || t[s - 1].kind != Kind::Comma) && accept(s));
    }
    // Walk back over appositives: the subject ends at an earlier comma.
    let last = if closing_comma { j - 2 } else { j - 1 };
    let lo = j.saturating_sub(40);
    // "Critics of the plan, like Sens. Ann Roe, R-Iowa, and Bo Diaz,
    // D-Vt., say": the names and roles after "like" are examples of the
    // subject, none of them it; the walk starts at the comma before them
    // (and from the cue when no subject is found there).
    let examples = (lo..last)
        .rev()
        .find(|&e| {
            t[e].kind == Kind::Comma
                && !t[e].quoted
                && (c.lower_is(e + 1, "like")
                    || c.lower_is(e + 1, "including")
                    || c.lower_is(e + 1, "such") && c.lower_is(e + 2, "as"))
        })
        .filter(|&e| {
            t[e + 1..last]
                .iter()
                .all(|x| matches!(x.kind, Kind::Word | Kind::Comma) && !x.quoted && x.entry.cue.is_none())
        });
    for start in [examples.map(|e| e + 1), Some(last)].into_iter().flatten() {
        if let Some(src) = appositive_walk(c, start, last, lo, &accept) {
            return Some(src);
        }
    }
    None
}

/// The walk of [`subject_before`] back over the appositives between a
/// subject and the comma `last` before its cue, from token `k` on.
fn appositive_walk(c: &Ctx, mut k: usize, last: usize, lo: usize, accept: &impl Fn(usize) -> bool) -> Option<Source> {
    let t = c.t;
    for _ in 0..5 {
        let b = boundary_back(c, lo, k)?;
        if t[b].kind != Kind::Comma || b + 1 >= last {
            return None;
        }
        // A parenthetical phrase ("S, in the wake of X, said") is skipped
        // but is no role.
        // So is a participle phrase: "S, citing a report, said", "S,
        // speaking on condition of anonymity because …, said", "S,
        // appearing on Fox, said".
        let parenthetical = (t[b + 1].is(class::PREP) && !t[b + 1].cap)
            || cue_at(c, b + 1) == Some(CueKind::Participle)
            || is_participle_opening(c, b + 1);
        // "Ann Roe, Harbour Trust's executive director, said": a named
        // body's role, capitalised, but ending in a people noun after a
        // possessive.
        let owned_role = is_agent_noun(c, last - 1) && (b + 1..last - 1).any(|k| is_possessive(c, k));
        // "Ann Roe, Ohio director for the campaign, said": after a name, a
        // role after the place or body it serves, the capitalised words
        // before its lowercase head, which ends the phrase or opens its
        // preposition (not "One delegate, Ohio party chairwoman Ann Roe,":
        // the name is in the appositive).
        let placed_role = (b + 2..last.min(b + 5)).find(|&k| !t[k].cap).is_some_and(|k| {
            t[b + 1..k].iter().all(|x| x.word() && !x.quoted && !x.is(class::PRON | class::DET))
                && is_agent_noun(c, k)
                && (k + 1 == last || t[k + 1].is(class::PREP))
                && np_back(c, b).is_some_and(|np| is_name_of(c, np.0, np.1))
        });
        // "Her neighbour, 74-year-old Frank Mills, said": the age is no
        // part of the name, and the name after it no appositive.
        let named = b + 1 + usize::from(is_age(c, b + 1) && b + 2 < last);
        let aged_name = named > b + 1 && is_name_of(c, named, last);
        // "The city's police chief, Cmdr. Dana Holt, said": a title opens
        // the appositive, but a full name ends it, so it is the speaker
        // and the description before it the role.
        if !parenthetical
            && appositive_like(c, b + 1)
            && t[b + 1].is(class::ROLE)
            && titled_name(c, b + 1, last)
            && let Some(src) = named_after_description(c, b, named, last, false, accept)
        {
            return Some(src);
        }
        // "His main challenger, council member Rosa Vidal, said", "Her
        // lawyer, former prosecutor Dana Holt, said": a title in lower
        // case, then a full name, is the speaker, the description before
        // it the role. So is a body after the noun of what it is: "Their
        // employer, the charity Water Without Borders, said".
        if !parenthetical
            && let Some(k) = (b + 2..last.min(b + 5)).find(|&k| t[k].cap)
            && t[b + 1..k].iter().all(|x| x.word() && !x.cap && !x.quoted && !is_function(x))
            && ((b + 1..k).any(|x| t[x].is(class::ROLE) || is_agent_noun(c, x))
                || BODIES.iter().any(|w| c.lower_is(k - 1, w)))
            && last >= k + 2
            && is_name_of(c, k, last)
            && let Some(src) = named_after_description(c, b, k, last, false, accept)
        {
            return Some(src);
        }
        if ((appositive_like(c, b + 1) && !aged_name) || parenthetical || owned_role || placed_role)
            && let Some(np) = np_back(c, b).and_then(|np| behind_party(c, np))
            && !t[np.0].is(class::PRON)
        {
            // "Donna Roe, 59, of Ashton, Md., who watched ..., said": the
            // word before the appositive is the place's state; the name is
            // before the place.
            if let Some(name) = name_before_place(c, np)
                && accept(name.0)
            {
                return Some(Source::Mention { np: name, appositive: None });
            }
            // "Ann Roe, a senator, and Bo Diaz, the harbour master, said".
            let list = name_list_start(c, np);
            if list < np.0 && accept(list) {
                return Some(Source::Mention { np: (list, last), appositive: None });
            }
            // "Gus Ando, research director for IHS, a consulting company,
            // said": the phrase before the last appositive is one itself,
            // after a name; the walk goes on to the name.
            let chained = np.0 >= 3
                && t[np.0 - 1].kind == Kind::Comma
                && (!t[np.0].cap || t[np.0].is(class::DET))
                && appositive_like(c, np.0)
                && np_back(c, np.0 - 1).is_some_and(|n| is_name_of(c, n.0, n.1));
            if accept(np.0) && !chained {
                return Some(Source::Mention { np, appositive: (!parenthetical).then_some((b + 1, last)) });
            }
        }
        // "People familiar with the inquiry, speaking on condition of
        // anonymity, said": a postmodified source before the phrase.
        if parenthetical
            && let Some(np) = postmodified(c, b)
            && accept(np.0)
        {
            return Some(Source::Mention { np, appositive: None });
        }
        // "a spokeswoman, Ann Roe, said": the name is the speaker, the
        // noun phrase before it the role.
        if is_name_of(c, named, last)
            && let Some(np) = np_back(c, b)
            && t[np.1 - 1].is(class::ANON | class::GROUP)
            && accept(np.0)
        {
            return Some(Source::Mention { np: (named, last), appositive: Some(np) });
        }
        // "Another, Jim Poole, said", "And a third, Ann Roe, said": a word
        // that counts on from people named before, then the name.
        if is_name_of(c, named, last)
            && let Some(s) = counted_on(c, b)
            && accept(s)
        {
            return Some(Source::Mention { np: (named, last), appositive: None });
        }
        // "Another delegate on the slate, Jim Poole, said": a description
        // opening the clause, with a role or source noun, then the name.
        // "The employers' association, Deltalinqs, said": a body's name
        // may be one word when the description is headed by what it is.
        let body_named = last == named + 1
            && b > 0
            && t[named].word()
            && t[named].cap
            && !t[named].quoted
            && !t[named].is(class::DET | class::PRON | class::TIME)
            // "The operator, Fjordlink,", "The spokesman, Haley,": or what
            // someone or something does.
            && (t[b - 1].is(class::ORG) || is_agent_noun(c, b - 1) || BODIES.iter().any(|w| c.lower_is(b - 1, w)))
            && !t[b - 1].cap;
        if (is_name_of(c, named, last) || body_named)
            && let Some(src) = named_after_description(c, b, named, last, body_named, accept)
        {
            return Some(src);
        }
        k = b;
    }
    None
}

/// The name before "of Ashton, Md." or "from Ashton, Maryland", given the
/// noun phrase of the state alone (`np`): a comma before it, a capitalised
/// place before that, "of", "from" or "in" before the place, and the name
/// right before that word or before an age set off by commas ("Donna Roe,
/// 59, of Ashton, Md.").
fn name_before_place(c: &Ctx, np: (usize, usize)) -> Option<(usize, usize)> {
    let t = c.t;
    if np.1 != np.0 + 1 || np.0 < 4 || !t[np.0].cap || t[np.0 - 1].kind != Kind::Comma {
        return None;
    }
    let place = np.0 - 2;
    if !(t[place].word() && t[place].cap && !t[place].quoted) {
        return None;
    }
    let prep = place - 1;
    if !["of", "from", "in"].iter().any(|w| c.lower_is(prep, w)) || t[prep].cap {
        return None;
    }
    let mut end = prep;
    let age = |k: usize| {
        let w = t[k].text(c.doc);
        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    if end >= 3 && t[end - 1].kind == Kind::Comma && age(end - 2) && t[end - 3].kind == Kind::Comma {
        end -= 3;
    }
    let name = np_back(c, end)?;
    is_name_of(c, name.0, name.1).then_some(name)
}

/// Where "another", "one", "a third" or "the other" starts, when those
/// words alone end right before the comma at `b`: a pronoun of counting
/// that stands for one more of the people the story has named.
fn counted_on(c: &Ctx, b: usize) -> Option<usize> {
    const ORDINALS: [&str; 9] = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    let w = b.checked_sub(1)?;
    if c.lower_is(w, "another") || c.lower_is(w, "one") {
        return Some(w);
    }
    let d = w.checked_sub(1)?;
    let counted = ORDINALS.iter().any(|o| c.lower_is(w, o)) && (c.lower_is(d, "a") || c.lower_is(d, "the"));
    (counted || (c.lower_is(w, "other") && c.lower_is(d, "the"))).then_some(d)
}

/// The last comma, stop, semicolon, colon or dash in `[lo, k)`, passing
/// over a parenthesis: "Sen. Lamar Alexander (R-Tenn.), one of the
/// bill's architects," has no boundary inside "(R-Tenn.)".
fn boundary_back(c: &Ctx, lo: usize, k: usize) -> Option<usize> {
    let t = c.t;
    let mut b = k;
    while b > lo {
        b -= 1;
        if t[b].text(c.doc) == ")"
            && let Some(open) = (lo.max(b.saturating_sub(10))..b).rev().find(|&o| t[o].text(c.doc) == "(")
        {
            b = open;
            continue;
        }
        if matches!(t[b].kind, Kind::Comma | Kind::Stop | Kind::Semicolon | Kind::Colon | Kind::Dash) {
            return Some(b);
        }
    }
    None
}

/// "Another delegate on the slate, Jim Poole, said": the name at
/// `[named, last)` after a description ending at the comma `b`, which
/// opens the clause with a role or source noun: the name speaks, the
/// description is its role. `body_named`: the name is one word naming a
/// body the description says what it is ("The employers' association,
/// Deltalinqs,").
fn named_after_description(
    c: &Ctx,
    b: usize,
    named: usize,
    last: usize,
    body_named: bool,
    accept: &impl Fn(usize) -> bool,
) -> Option<Source> {
    let t = c.t;
    let mut d = (b.saturating_sub(14)..b).rev().find(|&d| !t[d].word() || t[d].quoted).map_or(0, |d| d + 1);
    // "S said C, and one freight company, Maris Lines, said D": the
    // coordinator opens the second clause, the description follows it.
    if d + 2 < b && d > 0 && t[d - 1].kind == Kind::Comma && (c.lower_is(d, "and") || c.lower_is(d, "but")) {
        d += 1;
    }
    // "Ford's deputy, Jim Poole, said": a possessive name is a
    // determiner too.
    // "California Rep. Duncan Hunter's chief of staff, Jim Poole":
    // so is a titled name ending in a possessive.
    let owned_to = (d..b).find(|&k| !t[k].cap).unwrap_or(b);
    let owner = (d..owned_to).any(|k| is_possessive(c, k));
    // ("One pastor backing Ms. Lind, Carl Weber, said": a participle
    // after the noun describes the person, no report of theirs.)
    let describing = |k: usize| {
        k > d
            && t[k].text(c.doc).ends_with("ing")
            && t[k - 1].word()
            && !t[k - 1].cap
            && !t[k - 1].quoted
            && !is_function(&t[k - 1])
            && t[k - 1].cue().is_none()
    };
    // "The company that runs the quarry, Calder Aggregates, said": a
    // relative clause after the head noun describes it; only the words
    // before it are checked for a clause of their own, and the clause for
    // a report.
    let rel = (d + 1..b)
        .find(|&k| {
            (c.lower_is(k, "that") || c.lower_is(k, "who"))
                && (t[k - 1].is(class::ANON | class::GROUP | class::ROLE | class::ORG)
                    || is_agent_noun(c, k - 1)
                    || ["man", "woman", "men", "women", "boy", "girl"].iter().any(|w| c.lower_is(k - 1, w)))
                && !t[k - 1].cap
        })
        .filter(|&k| !t[k + 1..b].iter().any(|x| matches!(x.cue(), Some(CueKind::Speech | CueKind::Tell))))
        .unwrap_or(b);
    let described = d + 1 < b
        && (t[d].is(class::DET) || owner)
        // A role noun, or any common noun heading the description
        // when the name has a first and a last name ("An Israeli
        // blogger, Tal Roe, said").
        // A role after a possessive may be capitalised ("the
        // firm's CEO").
        && (body_named
            || (d..b).any(|k| {
                t[k].is(class::ANON | class::GROUP | class::ROLE)
                    && (!t[k].cap
                        || k > d && is_possessive(c, k - 1)
                        // "The Ambassador to Syria, Ann Roe,": a title
                        // capitalised after the article, and its phrase.
                        // ("The High Commissioner for Human Rights, Ann
                        // Roe,": and the title's words before it.)
                        || k > d
                            && t[d + 1..=k].iter().all(|x| x.word() && x.cap && !x.quoted)
                            && k + 2 < b
                            && !t[k + 1].cap
                            && t[k + 1].is(class::PREP)
                        // "The High Commissioner, Ann Roe,": a title
                        // capitalised after the article ends it.
                        || k + 1 == b
                            && t[d].is(class::DET)
                            && t[d + 1..b].iter().all(|x| x.word() && x.cap && !x.quoted))
            })
            || (last - b >= 3 && t[b - 1].word() && !t[b - 1].cap && !is_function(&t[b - 1]))
            || (last - b >= 3 && (d + 1..b).any(describing)))
        // "One of the authors of that report": a demonstrative
        // after a preposition is no subordinator.
        && !(d..rel).any(|k| {
            let demonstrative = c.lower_is(k, "that") && k > d && t[k - 1].is(class::PREP);
            (t[k].is(class::SUB | class::AUX | class::PRON) && !demonstrative) || (t[k].cue().is_some() && !describing(k))
        });
    (described && accept(d)).then_some(Source::Mention { np: (named, last), appositive: Some((d, b)) })
}

/// "Rep. Tom Price, R-Ga., the pick for health secretary, said": a party
/// and state between commas close the name before them, so the noun
/// phrase `np` that is only the label stands for that name.
fn behind_party(c: &Ctx, np: (usize, usize)) -> Option<(usize, usize)> {
    let t = c.t;
    if np.1 != np.0 + 1 || !is_party(c, np.0) {
        return Some(np);
    }
    (np.0 > 1 && t[np.0 - 1].kind == Kind::Comma).then(|| np_back(c, np.0 - 1)).flatten()
}

/// Whether `[s, e)` is a title and then a full name: "Cmdr. Dana Holt",
/// "Interior Minister Jose Ramirez". Not "Senate Majority Leader": a
/// title alone. "Sen. Maria Lopes of Vermont": where the person is from
/// may follow.
fn titled_name(c: &Ctx, s: usize, e: usize) -> bool {
    let t = c.t;
    // "Sen. Maria Lopes of Vermont": where the person is from closes it.
    let e = (s + 3..e.saturating_sub(1))
        .find(|&k| c.lower_is(k, "of") && t[k + 1..e].iter().all(|x| x.word() && x.cap && !x.quoted))
        .unwrap_or(e);
    e >= s + 3
        && is_name_of(c, s, e)
        && t[e - 2..e].iter().all(|x| x.cap && !x.is(class::ROLE | class::ORG | class::GROUP | class::ANON))
}

/// Start of a list of names ending in the coordinated noun phrase `np`
/// ("Ann Roe, Bo Diaz and Cy Eng"): each item before the last pair is a
/// run of capitalised words after a comma. `np.0` if there is no list.
fn name_list_start(c: &Ctx, np: (usize, usize)) -> usize {
    let t = c.t;
    let named = |k: usize| t[k].word() && t[k].cap && !t[k].quoted && !is_function(&t[k]) && !t[k].is(class::DET);
    if !named(np.0) {
        return np.0;
    }
    // The start of a named item ending at token `k`: "Ann Roe", "Ann Roe
    // (D-Ore.)", "Ann Roe, a senator".
    let run_start = |k: usize| {
        let mut b = k;
        while b > 0 && named(b - 1) && k - b < 4 {
            b -= 1;
        }
        b
    };
    // ", a senator from Maine": the name before the appositive ends it.
    let before_appositive = |k: usize| -> Option<usize> {
        let b = (k.saturating_sub(8)..k).rev().find(|&b| t[b].kind == Kind::Comma)?;
        let described = c.lower_is(b + 1, "a") || c.lower_is(b + 1, "an") || c.lower_is(b + 1, "the");
        described.then(|| b.checked_sub(1)).flatten()
    };
    let item_start = |k: usize| -> Option<usize> {
        let mut k = k;
        if t[k].text(c.doc) == ")" {
            k = (k.saturating_sub(6)..k).rev().find(|&o| t[o].text(c.doc) == "(")?.checked_sub(1)?;
        } else if !named(k) || run_start(k) > 0 && t[run_start(k) - 1].word() && !t[run_start(k) - 1].cap {
            k = before_appositive(k)?;
        }
        named(k).then(|| run_start(k))
    };
    let mut s = np.0;
    if !(np.0..np.1).any(|k| c.lower_is(k, "and")) {
        // ", and Bo Diaz", ") and Bo Diaz": the last item of a list.
        if s < 3 || !c.lower_is(s - 1, "and") {
            return np.0;
        }
        let last = if t[s - 2].kind == Kind::Comma { s - 3 } else { s - 2 };
        match item_start(last) {
            Some(b) => s = b,
            None => return np.0,
        }
    }
    // ("Instead, Matthews, Ann Roe and Bo Diaz argued": a connective
    // that opens the sentence is no item.)
    while s >= 2
        && t[s - 1].kind == Kind::Comma
        && let Some(b) = item_start(s - 2)
        && !(b + 2 == s && is_connective(c, b))
    {
        s = b;
    }
    s
}

/// Whether token `i` opens a subordinate clause: "while", "because", and
/// the prepositions that also do ("after", "before", "until").
pub(super) fn is_subordinator(c: &Ctx, i: usize) -> bool {
    c.t[i].is(class::SUB) || ["after", "before", "since", "until", "once"].iter().any(|w| c.lower_is(i, w))
}

/// Whether a subject starting at token `s` opens its clause: sentence start,
/// after a conjunction, or after an introductory phrase and a comma.
pub(super) fn starts_clause(c: &Ctx, s: usize) -> bool {
    let t = c.t;
    if s == 0 {
        return true;
    }
    // "Still, even Roe says C": a focusing word before the subject, after
    // the introduction's comma (not "..., and even a little fear, ...").
    let s = if s > 1
        && !t[s - 1].cap
        && t[s - 2].kind == Kind::Comma
        && ["even", "only", "also"].iter().any(|w| c.lower_is(s - 1, w))
    {
        s - 1
    } else {
        s
    };
    if t[..s].iter().all(|x| x.word() && x.is(class::CONJ | class::AUX)) {
        return true;
    }
    let p = &t[s - 1];
    // "While S said C, ...", "After S said C, ...": a subordinate clause
    // opening the sentence.
    if is_subordinator(c, s - 1) && p.cap && t[..s - 1].iter().all(|x| x.is(class::CONJ)) {
        return true;
    }
    // A dateline: "PARIS (Reuters) - S said".
    if p.kind == Kind::Dash && s <= 10 {
        return true;
    }
    // ("..., but S said", "... -- but S said": a second clause; not "- and
    // S", which as often closes a list around a dashed aside.)
    if matches!(p.kind, Kind::Semicolon | Kind::Colon)
        || (p.is(class::CONJ) && s >= 2 && matches!(t[s - 2].kind, Kind::Comma | Kind::Semicolon))
        || (c.lower_is(s - 1, "but") && s >= 2 && t[s - 2].kind == Kind::Dash && !t[s - 2].quoted)
    {
        return true;
    }
    // "..., and on Monday, S said": a short phrase of time or place after
    // the conjunction of a second clause.
    if p.kind == Kind::Comma
        && let Some(b) = (s.saturating_sub(8)..s - 1).rev().find(|&b| !t[b].word())
        && matches!(t[b].kind, Kind::Comma | Kind::Semicolon)
        && b + 3 < s
        && t[b + 1].is(class::CONJ)
        && !t[b + 1].cap
        && time_or_place(c, b + 2, s - 1)
    {
        return true;
    }
    // "..., and when the paper asked him about it, the manager said C":
    // a subordinate clause (or a phrase led by a preposition) after the
    // conjunction of a second clause; "..., and later S said": a word of
    // time there. (Not when the clause reports by itself: "and when Roe
    // said C, a man yelled \"Q\"" has two reports; a question asked
    // frames none.)
    if p.kind == Kind::Comma
        && let Some(b) = (s.saturating_sub(24)..s - 1).rev().find(|&b| !t[b].word() || t[b].quoted)
        && t[b].kind == Kind::Comma
        && b + 4 < s
        && c.lower_is(b + 1, "and")
        && t[b + 2].is(class::SUB | class::PREP)
        && !t[b + 2].is(class::DET | class::PRON)
        && !c.lower_is(b + 2, "that")
        && !(b + 3..s - 1).any(|k| matches!(t[k].cue(), Some(CueKind::Speech | CueKind::Belief | CueKind::Other)))
        && intro_phrase(c, b + 2, s - 1)
    {
        return true;
    }
    if s >= 3
        && p.is(class::TIME)
        && !p.cap
        && !p.is(class::DET)
        && c.lower_is(s - 2, "and")
        && t[s - 3].kind == Kind::Comma
    {
        return true;
    }
    // "Last week he said", "A few days ago the mayor criticized": a
    // phrase of time opening the sentence with no comma.
    if s <= 7 && p.word() && s == time_opening(c) {
        return true;
    }
    // The introduction ends at a comma, maybe one inside a closing mark
    // ("On \"Meet the Press,\" S said").
    let comma_inside = p.kind == Kind::Close && s >= 2 && t[s - 2].kind == Kind::Comma;
    if p.kind != Kind::Comma && !comma_inside {
        return false;
    }
    let intro = if comma_inside { &t[..s] } else { &t[..s - 1] };
    let opens = intro.iter().filter(|x| x.kind == Kind::Open).count();
    let closes = intro.iter().filter(|x| x.kind == Kind::Close).count();
    // (The stop of an abbreviation is none: "On Dec. 7, S said".)
    let abbreviation = |k: usize| {
        k > 0 && t[k - 1].word() && t[k - 1].cap && t[k - 1].end == t[k].start && t[k - 1].end - t[k - 1].start <= 4
    };
    if opens != closes || intro.iter().enumerate().any(|(k, x)| x.kind == Kind::Stop && !abbreviation(k)) {
        return false;
    }
    if intro_phrase(c, 0, intro.len()) {
        return true;
    }
    // "Interestingly, after the council asked for the files, S said",
    // "And, even in the case of a conviction, S said": introductions one
    // after another, each opened by a connective, an adverb, a
    // preposition, a subordinator or a participle (a name or a noun
    // phrase among them is a list or an appositive: "Roe, who was to
    // travel to Columbus, Ohio, on Wednesday, said").
    // A phrase led by a preposition or a subordinator may hold a list
    // ("after the department asked Mills, Sullivan and Abedin to search
    // their e-mails, S said").
    let mut from = 0;
    let mut phrases = 0;
    let mut led = false;
    for k in (0..intro.len()).filter(|&k| intro[k].kind == Kind::Comma).chain([intro.len()]) {
        if k == from || t[from..k].iter().any(|x| !x.word() || x.quoted) {
            return false;
        }
        match opener(c, from, k) {
            Some(leads) => led = leads,
            None if led => {}
            None => return false,
        }
        phrases += 1;
        from = k + 1;
    }
    phrases > 1
}

/// Whether tokens `a..b` read as one phrase introducing a clause: a
/// connective alone ("But"), a short phrase that reports nothing ("In
/// the end", "Contrary to the mayor's claims"), or one opened by a
/// preposition, a subordinator or a participle.
fn intro_phrase(c: &Ctx, a: usize, b: usize) -> bool {
    let t = c.t;
    let intro = &t[a..b];
    // "But, Ann Roe said, ...": a connective alone before the comma.
    let Some(at) = intro.iter().position(|x| !x.is(class::CONJ)) else {
        return intro.iter().all(|x| x.word() && !x.quoted);
    };
    let first = &intro[at];
    let lower = first.text(c.doc).to_ascii_lowercase();
    // (A cue word used as a noun reports nothing: "the mayor's claims".)
    let reports = (a..b).any(|k| {
        t[k].cue().is_some_and(|kind| !matches!(kind, CueKind::Participle | CueKind::Other))
            && !cue_as_noun(c, k)
            && !(k > a && is_possessive(c, k - 1))
    });
    (intro.len() <= 8 && !reports)
        || first.is(class::PREP | class::SUB | class::AUX | class::TIME)
        || (first.cap && (lower.ends_with("ing") || lower.ends_with("ed")))
        // "Back when it joined the pact, S pledged", "Even after the vote,
        // S said", "Shortly after Roe was declared the winner, S said": a
        // word qualifying the subordinator that follows it.
        || (first.word()
            && first.entry.cue.is_none()
            && intro.get(at + 1).is_some_and(|n| !n.cap)
            && is_subordinator(c, a + at + 1)
            && !c.lower_is(a + at + 1, "that"))
}

/// Sentence adverbs that open a clause alone before a comma, besides
/// those in "-ly" ("Indeed, ...", "Still, ...").
const CLAUSE_ADVERBS: [&str; 14] = [
    "indeed",
    "still",
    "however",
    "moreover",
    "meanwhile",
    "instead",
    "nonetheless",
    "nevertheless",
    "yet",
    "again",
    "now",
    "then",
    "besides",
    "furthermore",
];

/// Whether tokens `a..b` open a sentence as one of several introductions
/// (see [`starts_clause`]): connectives alone, a sentence adverb alone, or
/// a phrase led by a preposition, a subordinator, a word of time or a
/// participle, maybe after a focusing word ("even in the case of");
/// `Some(true)` for a phrase that a list may continue.
fn opener(c: &Ctx, a: usize, b: usize) -> Option<bool> {
    let t = c.t;
    let Some(at) =
        (a..b).find(|&k| !t[k].is(class::CONJ) && !["even", "only", "also", "just"].iter().any(|w| c.lower_is(k, w)))
    else {
        return Some(false);
    };
    let first = &t[at];
    let lower = first.text(c.doc).to_ascii_lowercase();
    if at + 1 == b {
        return (first.entry.cue.is_none()
            && !first.is(class::DET | class::PRON)
            && (lower.ends_with("ly") || CLAUSE_ADVERBS.contains(&lower.as_str())))
        .then_some(false);
    }
    // ("More than health care, race or the economy, S believes C".)
    let comparative = ["more", "less", "rather"].contains(&lower.as_str()) && c.lower_is(at + 1, "than");
    ((first.is(class::PREP | class::SUB | class::TIME) && !first.is(class::DET | class::PRON))
        || comparative
        || (first.cap && at == a && (lower.ends_with("ing") || lower.ends_with("ed")) && !first.is(class::ROLE)))
    .then_some(true)
}

/// Where the subject starts after a phrase of time that opens the sentence
/// with no comma after it ("Last week he said", "A few days ago the mayor
/// criticized", "Earlier this month Ortiz said", "Two days later", "On
/// Tuesday"): the token after the phrase's last word of time, or 0 when
/// the sentence opens otherwise. The subject that follows must look like
/// one (a pronoun, a capitalised word or a determiner), so "This week's
/// poll" opens no such phrase.
pub(super) fn time_opening(c: &Ctx) -> usize {
    if let Some(known) = c.time_opening.get() {
        return known;
    }
    let found = time_opening_walk(c);
    c.time_opening.set(Some(found));
    found
}

fn time_opening_walk(c: &Ctx) -> usize {
    /// What a word is to a phrase of time.
    enum Part {
        /// Ends a phrase by itself: "Earlier", "yesterday", "Tuesday".
        Ends,
        /// Ends one after a word before it: "last week", "one night".
        Noun,
        /// May go before: "last", "a", "few", "two", "on".
        Before,
        None,
    }
    let t = c.t;
    let mut end = 0;
    for (k, x) in t.iter().enumerate().take(7) {
        if !x.word() || x.quoted || x.entry.cue.is_some() {
            break;
        }
        // Lowercased once into a small buffer and matched as a whole:
        // every sentence asks this of its first words.
        let w = x.text(c.doc).as_bytes();
        let mut buf = [0_u8; 16];
        let part = if w.len() > buf.len() {
            Part::None
        } else {
            buf[..w.len()].copy_from_slice(w);
            buf[..w.len()].make_ascii_lowercase();
            match &buf[..w.len()] {
                b"monday" | b"tuesday" | b"wednesday" | b"thursday" | b"friday" | b"saturday" | b"sunday" => Part::Ends,
                // (Past the first word a capital is a name's: "The
                // Morning Call".)
                _ if x.cap && k > 0 => break,
                b"today" | b"yesterday" | b"tonight" | b"tomorrow" | b"earlier" | b"later" | b"recently" | b"ago"
                | b"overnight" => Part::Ends,
                b"morning" | b"afternoon" | b"evening" | b"night" | b"week" | b"month" | b"year" | b"weekend"
                | b"days" | b"weeks" | b"months" | b"years" | b"hours" | b"minutes" | b"decades" => Part::Noun,
                b"this" | b"last" | b"next" | b"few" | b"couple" | b"of" | b"on" | b"in" | b"at" | b"during"
                | b"late" | b"early" | b"just" | b"about" | b"nearly" => Part::Before,
                lw if super::NUMBERS.iter().any(|n| n.as_bytes() == lw) => Part::Before,
                _ if x.is(class::DET) || starts_with_digit(c, k) => Part::Before,
                _ => Part::None,
            }
        };
        match part {
            Part::Ends => end = k + 1,
            Part::Noun if k > 0 => end = k + 1,
            Part::Before => {}
            _ => break,
        }
    }
    let opens_subject = t
        .get(end)
        .is_some_and(|n| n.word() && !n.quoted && (n.is(class::PRON | class::DET) || n.cap) && !is_possessive(c, end));
    if end > 0 && opens_subject { end } else { 0 }
}

/// Whether words `[s, e)` are a phrase of time or place ("on Monday",
/// "in Paris", "later") that may open a clause before its subject.
pub(super) fn time_or_place(c: &Ctx, s: usize, e: usize) -> bool {
    let t = c.t;
    s < e
        && t[s].is(class::PREP | class::TIME)
        && !t[s].is(class::SUB)
        && t[s..e].iter().all(|y| y.word() && !y.quoted && y.entry.cue.is_none())
}

/// Whether a relative of part opens at token `s`: "many of whom", "some
/// of which", "most of whom".
pub(super) fn partitive_relative(c: &Ctx, s: usize) -> bool {
    // (The rare word first: this is asked of every noun phrase.)
    (c.lower_is(s + 2, "whom") || c.lower_is(s + 2, "which"))
        && c.lower_is(s + 1, "of")
        && ["many", "some", "most", "all", "several", "none", "both", "each"].iter().any(|w| c.lower_is(s, w))
}

pub(super) fn is_relative(c: &Ctx, np: (usize, usize)) -> bool {
    np.1 == np.0 + 1 && (c.lower_is(np.0, "who") || c.lower_is(np.0, "which"))
}

pub(super) fn skip_object(c: &Ctx, mut j: usize) -> usize {
    let t = c.t;
    let Some(x) = t.get(j) else { return j };
    if !x.word() || x.quoted || c.lower_is(j, "that") {
        return j;
    }
    let w = x.text(c.doc).to_ascii_lowercase();
    if matches!(
        w.as_str(),
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "journalists"
            | "supporters"
            | "lawmakers"
            | "voters"
            | "colleagues"
            | "viewers"
            | "listeners"
            | "followers"
            | "members"
            | "students"
            | "donors"
            | "audiences"
            | "crowds"
            | "senators"
            | "police"
            | "investigators"
            | "officials"
            | "residents"
    ) {
        return j + 1;
    }
    // "told parliament the attack was cowardly", "told analysts the
    // quarter was hard": more listeners, when no phrase of theirs follows
    // ("told investors of New Media, the parent, on Oct. 31 that C" is
    // walked below).
    if matches!(
        w.as_str(),
        "parliament"
            | "congress"
            | "mps"
            | "delegates"
            | "shareholders"
            | "investors"
            | "analysts"
            | "staff"
            | "employees"
    ) && t.get(j + 1).is_some_and(|n| n.word() && !n.is(class::PREP))
    {
        return j + 1;
    }
    if let Some(end) = role_then_name(c, j) {
        return end;
    }
    // "told local media", "told state television", "told Israeli radio":
    // a word for the press after its modifier.
    const PRESS: [&str; 6] = ["media", "television", "radio", "outlets", "broadcasters", "newspapers"];
    // ("told conservative radio host Ann Roe": the press word is a
    // modifier there.)
    let clause_next = t.get(j + 2).is_some_and(|y| {
        y.kind == Kind::Open || y.is(class::PRON | class::DET | class::PREP | class::TIME) || c.lower_is(j + 2, "that")
    });
    if !x.is(class::DET | class::PRON)
        && !is_function(x)
        && PRESS.iter().any(|w| c.lower_is(j + 1, w))
        && (clause_next || listener_ends(c, j + 2))
    {
        return j + 2;
    }
    if x.cap && !is_function(x) {
        // "The Post and Courier newspaper of Charleston": a named outlet,
        // what it is and where, before the content.
        let cap = |k: usize| t.get(k).is_some_and(|y| y.word() && y.cap && !y.quoted);
        // "BBC Radio 4's Today programme": a number inside the name.
        let number = |k: usize| {
            k > 0 && cap(k - 1) && t.get(k).is_some_and(|y| y.word() && !y.quoted) && starts_with_digit(c, k)
        };
        let mut kind_noun = false;
        loop {
            while cap(j) || number(j) {
                j += 1;
            }
            // "NBC's \"Meet the Press\"": a programme's title after its
            // network's possessive.
            if j > 0
                && is_possessive(c, j - 1)
                && t.get(j).is_some_and(|y| y.kind == Kind::Open)
                && t.get(j + 1).is_some_and(|y| y.quoted && y.cap)
                && t.get(j + 2).is_some_and(|y| y.kind == Kind::Close)
            {
                j += 3;
            }
            // "... Today programme the budget was": what kind of outlet it
            // is, before a clause.
            // ("told RPP radio." and "told Canal N television on Monday"
            // end with it.)
            if j > 0
                && (MEDIA_KINDS.iter().any(|w| c.lower_is(j, w))
                    && t.get(j + 1).is_some_and(|y| {
                        y.kind == Kind::Open || y.is(class::PRON | class::DET) || y.cap || c.lower_is(j + 1, "that")
                    })
                    || (MEDIA_KINDS.iter().chain(&PRESS).any(|w| c.lower_is(j, w))) && listener_ends(c, j + 1))
            {
                return j + 1;
            }
            if ["and", "of", "&"].iter().any(|w| c.lower_is(j, w)) && cap(j + 1) {
                j += 1;
            } else if !kind_noun
                && t.get(j).is_some_and(|y| y.word() && !y.quoted && !y.cap && y.is(class::GROUP))
                && (c.lower_is(j + 1, "of") && cap(j + 2) || c.lower_is(j + 1, "that"))
            {
                kind_noun = true;
                j += 1;
            } else {
                // "told CNN host Ann Roe she ...": the outlet's person.
                return role_then_name(c, j).unwrap_or(j);
            }
        }
    }
    if x.is(class::DET) {
        j += 1;
        let lim = j + 4;
        while j < lim
            && t.get(j)
                .is_some_and(|y| y.word() && !y.quoted && !y.is(class::DET | class::PREP | class::SUB | class::PRON))
        {
            j += 1;
        }
    }
    j
}

/// Whether the sentence's tell ends at token `k`, after its listener:
/// the sentence or its clause ends there, or a phrase of time or place
/// follows ("told local radio on Monday", "told RPP radio.").
fn listener_ends(c: &Ctx, k: usize) -> bool {
    c.t.get(k).is_none_or(|y| {
        matches!(y.kind, Kind::Stop | Kind::Comma | Kind::Semicolon)
            || y.word() && !y.quoted && !y.cap && y.is(class::PREP | class::TIME) && !y.is(class::SUB)
    })
}

/// "told host Ann Roe she ...", "told moderator Bo Diaz that ...": a
/// listener's post in lowercase, then their name. The end of the name.
fn role_then_name(c: &Ctx, j: usize) -> Option<usize> {
    let t = c.t;
    let post = t.get(j)?;
    let name = |k: usize| t.get(k).is_some_and(|y| y.word() && y.cap && !y.quoted && !y.is(class::DET | class::PRON));
    if !(post.word()
        && !post.cap
        && !post.quoted
        && (post.is(class::ROLE) || MEDIA_PEOPLE.iter().any(|w| c.lower_is(j, w))))
        || !name(j + 1)
    {
        return None;
    }
    let mut end = j + 1;
    while name(end) && end < j + 5 {
        end += 1;
    }
    Some(end)
}

/// The press's people a source talks to, besides the posts of the lexicon.
const MEDIA_PEOPLE: [&str; 6] = ["host", "anchor", "moderator", "interviewer", "correspondent", "co-host"];

/// Nouns for the kind of outlet a listener is: "told the Today programme".
const MEDIA_KINDS: [&str; 12] = [
    "program",
    "programme",
    "show",
    "podcast",
    "broadcast",
    "newspaper",
    "magazine",
    "channel",
    "network",
    "station",
    "website",
    "newsletter",
];

/// "In a radio interview Ann Roe said", "Speaking to reporters Ann Roe
/// said", "On Tuesday Ann Roe said": an introduction with no comma, then a
/// name right before the cue at `j`. The introduction opens with a
/// preposition or a participle, and the name follows a plain word or a time
/// ("in Dover Ann Roe" and "the Washington Post Ann Roe" are left alone:
/// where a place or a title ends and the name begins is not known).
fn name_after_intro(c: &Ctx, s: usize, j: usize) -> Option<(usize, usize)> {
    let t = c.t;
    let first = &t[s];
    let lower = first.text(c.doc).to_ascii_lowercase();
    // "Saturday at the party convention Sen. Ann Roe said": a time too.
    let intro = first.cap
        && first.word()
        && (first.is(class::PREP)
            || (first.is(class::TIME) && !first.is(class::DET))
            || ((lower.ends_with("ing") || lower.ends_with("ed")) && !first.is(class::ROLE)));
    if !intro {
        return None;
    }
    let mut b = j;
    while b > s + 1
        && t[b - 1].word()
        && t[b - 1].cap
        && !t[b - 1].quoted
        && !t[b - 1].is(class::DET | class::PREP | class::TIME | class::ROLE | class::ORG | class::GROUP | class::ANON)
        && !is_function(&t[b - 1])
    {
        b -= 1;
    }
    let name_words = j - b;
    // A title before the name ("Sen.", "Secretary of State").
    let mut titles = 0;
    while b > s + 1 && titles < 3 && t[b - 1].word() && t[b - 1].cap && !t[b - 1].quoted && t[b - 1].is(class::ROLE) {
        b -= 1;
        titles += 1;
    }
    let before = &t[b - 1];
    let boundary = before.word()
        && !before.quoted
        && !before.is(class::SUB)
        && !WH_WORDS.iter().any(|w| c.lower_is(b - 1, w))
        && (before.is(class::TIME) || (!before.cap && !before.is(class::DET | class::PREP) && !is_function(before)));
    (boundary && (1..=3).contains(&name_words)).then_some((b, j))
}

/// A long subject that [`subject_before`] does not parse ("Some delegates
/// at the convention in Philadelphia said", "The deputy head of the
/// delegation to the forum said"): the whole clause before a plain "said"
/// or "told", from its start. Only for those two verbs, whose subject is
/// rarely anything but a speaker, and only when nothing but words lie
/// between.
pub(super) fn clause_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let verb = t[cue].text(c.doc);
    let plain = ["said", "says", "say", "told", "tells"].contains(&verb);
    let j = skip_aux_back(c, cue);
    let s = (0..j).rev().find(|&k| !t[k].word() || t[k].quoted).map_or(0, |k| k + 1);
    if j < s + 3 || j - s > 16 || !starts_clause(c, s) {
        return None;
    }
    let first = &t[s];
    // ("In a Bloomberg interview Trump declared C": any verb of saying
    // after an introduction and a name.)
    if (plain || matches!(t[cue].cue(), Some(CueKind::Speech | CueKind::Tell)))
        && let Some(np) = name_after_intro(c, s, j)
    {
        return Some(Source::Mention { np, appositive: None });
    }
    if !plain {
        return None;
    }
    // "The gap between what Roe says C": a clause of its own inside, whose
    // subject is the one who speaks; a name or a pronoun right after its
    // question word, or no one.
    if let Some(w) = (s..j).rfind(|&k| WH_WORDS.iter().any(|w| c.lower_is(k, w))) {
        let pronoun = j == w + 2 && t[w + 1].is(class::PRON);
        let name = (2..=6).contains(&(j - w))
            && t[w + 1..j].iter().all(|x| x.word() && x.cap && !x.quoted && !is_function(x) && !x.is(class::DET));
        // What is said is the question word's gap, so a report follows
        // only as a clause of its own ("what Roe says her plan would do"),
        // not a time ("what he said four years ago", "when she left").
        let clause = t.get(cue + 1).is_some_and(|n| {
            n.word() && !n.quoted && (n.is(class::PRON) || (n.cap && !is_function(n) && !n.is(class::TIME)))
        }) || (cue + 1 < t.len() && is_article(c, cue + 1));
        return ((pronoun || name) && clause).then_some(Source::Mention { np: (w + 1, j), appositive: None });
    }
    // "A few days ago in an interview with a network he said C": a
    // personal pronoun right before the cue is the subject, and what
    // comes before it an introduction with no comma (a phrase of time or
    // place: not "I forgot she said C").
    if j > s + 1 && ["he", "she", "they", "we", "i"].iter().any(|w| c.lower_is(j - 1, w)) {
        return (first.is(class::PREP | class::TIME | class::DET)
            && !first.is(class::PRON)
            && t[s..j - 1]
                .iter()
                .all(|x| !x.is(class::SUB | class::CONJ | class::AUX | class::PRON) && x.cue().is_none()))
        .then_some(Source::Mention { np: (j - 1, j), appositive: None });
    }
    // "That's a fraction of the $20 million experts say it costs": a
    // clause with its verb written on its first word, and a group noun
    // right before the cue that heads a relative clause of its own: the
    // group speaks.
    if (s..j.min(s + 2)).any(|k| is_contracted_clause(c.t[k].text(c.doc))) {
        let head = &t[j - 1];
        let before = &t[j - 2];
        return (head.is(class::ANON | class::GROUP)
            && head.word()
            && !head.cap
            && plural_form(head.text(c.doc))
            && j - 1 > s
            && before.word()
            && !before.is(class::DET)
            && !is_function(before))
        .then_some(Source::Mention { np: (j - 1, j), appositive: None });
    }
    let opens_np = first.is(class::DET | class::QUANT) || (first.cap && !is_function(first)) || starts_with_digit(c, s);
    // A verb of its own inside ("The man who won said") or a clause
    // ("If the bill passes, ..."), or no head a speaker can have.
    if !opens_np
        || t[s..j].iter().any(|x| x.is(class::SUB | class::CONJ | class::AUX) || x.cue().is_some())
        || !t[s..j].iter().any(|x| x.is(class::ANON | class::GROUP | class::ROLE) || x.cap && !x.is(class::DET))
    {
        return None;
    }
    // The speaker is the head phrase; what follows it ("at the convention
    // in Tromsdal") says where they are, and never names them. A clause
    // before a subordinating "after" or "before" ("The board met shortly
    // after Ann Roe said") is no speaker: the name after it is.
    let prep = (s + 1..j).find(|&k| t[k].is(class::PREP) && !t[k].cap);
    if let Some(p) = prep
        && ["after", "before", "since", "until", "as", "once"].iter().any(|w| c.lower_is(p, w))
    {
        let np = np_back(c, j)?;
        return (np.0 == p + 1 && t[np.0].cap && !t[np.0].is(class::DET | class::PRON))
            .then_some(Source::Mention { np, appositive: None });
    }
    // "A strong majority of Democratic voters", "The deputy head of the
    // delegation to the forum": an "of" phrase says who they are, and
    // stays in the name; a later phrase places them.
    let prep = match prep {
        Some(p) if c.lower_is(p, "of") => {
            (p + 1..j).find(|&k| t[k].is(class::PREP) && !t[k].cap && !c.lower_is(k, "of"))
        }
        other => other,
    };
    // "Ambassador to the UN Samantha Power", "Envoy to Syria Ann Roe": a
    // title to a body or a place, then the person's given name and
    // surname; the whole is the mention, as "Secretary of State Ann Roe".
    let titled = |p: usize| {
        c.lower_is(p, "to")
            && t[s..p].iter().all(|x| x.cap)
            && j >= p + 4
            && t[p + 1..j].iter().all(|x| x.word() && !x.quoted && (x.cap || c.lower_is(p + 1, "the")))
            && crate::extract::speakers::is_given_name(t[j - 2].text(c.doc))
    };
    match prep {
        Some(p) if !titled(p) => Some(Source::Mention { np: (s, p), appositive: Some((p, j)) }),
        _ => Some(Source::Mention { np: (s, j), appositive: None }),
    }
}

/// Question words that open a clause of their own inside a subject.
const WH_WORDS: [&str; 6] = ["what", "how", "why", "where", "whom", "whether"];

/// Whether a word is a pronoun or a demonstrative with its verb written on
/// ("That's", "It's", "there's", "they're"): a clause, never a name.
fn is_contracted_clause(w: &str) -> bool {
    crate::extract::cues::contracted_pronoun(w).is_some()
        || ["'s", "\u{2019}s", "'re", "\u{2019}re"]
            .iter()
            .filter_map(|s| w.strip_suffix(s))
            .any(|base| ["that", "this", "there", "here", "what", "who"].iter().any(|p| base.eq_ignore_ascii_case(p)))
}

/// A document and what qualifies it, before what it shows or found ("A
/// review by The Times shows", "Exit polls taken in Ohio found"): the
/// words from the clause's start, when a document noun heads them within
/// their first few words and nothing in them makes a clause of its own.
pub(super) fn document_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    let mut s = (0..j).rev().find(|&k| !t[k].word() || t[k].quoted).map_or(0, |k| k + 1);
    if j < s + 3 || j - s > 30 || !starts_clause(c, s) {
        return None;
    }
    // "But a survey of ... shows": the conjunction opens the clause, not
    // the document's name.
    while s + 3 < j && t[s].is(class::CONJ) {
        s += 1;
    }
    let head = (s..(s + 8).min(j)).find(|&k| is_document(c, k))?;
    let clause = |x: &super::Token| x.is(class::SUB | class::CONJ | class::AUX | class::PRON) && !x.cap;
    // "A study that appeared in the journal found C", "a slide from a
    // presentation that Roe and her aides carry as they travel shows C":
    // a relative clause after the document, or after a phrase of its, is
    // part of its phrase, whatever clause it holds, so long as it reports
    // nothing. (The phrase: prepositions and nouns, no verb.)
    let relative = (head + 1..(head + 6).min(j.saturating_sub(1)))
        .find(|&k| c.lower_is(k, "that") || c.lower_is(k, "which"))
        .filter(|&r| t[head + 1..r].iter().all(|x| !clause(x) && x.cue().is_none() && !x.text(c.doc).ends_with("ed")));
    if j - s > 20 && relative.is_none() {
        return None;
    }
    let after = relative.map_or(head + 1, |r| r + 2);
    // "a study by Harvard and the University of Leeds": names joined.
    let joins_names = |k: usize| c.lower_is(k, "and") && t[k - 1].cap && (t[k + 1].cap || t[k + 1].is(class::DET));
    // "polls taken over two weeks", "a study that appeared in the
    // journal", "a study published Monday in": a participle that
    // describes, no verb of the sentence.
    let describes = |k: usize| {
        let w = t[k].text(c.doc);
        (w.ends_with("ed") || w.ends_with("en"))
            && !t[k - 1].is(class::AUX)
            && t.get(k + 1)
                .is_some_and(|n| n.word() && (n.is(class::TIME) || (!n.cap && n.is(class::PREP | class::DET))))
    };
    if t[s..head].iter().any(|x| clause(x) || x.is(class::PREP) || x.cue().is_some())
        || (after..j).any(|k| {
            let x = &t[k];
            (x.cue().is_some() && !describes(k)) || (clause(x) && relative.is_none() && !joins_names(k))
        })
    {
        return None;
    }
    // "… taken over the past month shows": the time closes the phrase's
    // own preposition, so it belongs to the phrase, not to the verb.
    let mut end = j;
    while end < cue
        && t[end].is(class::TIME)
        && (t[end - 1].is(class::DET) || ["past", "last", "previous", "recent"].iter().any(|w| c.lower_is(end - 1, w)))
    {
        end += 1;
    }
    Some(Source::Mention { np: (s, end), appositive: None })
}

/// `Those surveyed say C`, `those over 60 said C`, `those who back her
/// say C`: a group picked out by "those" and what follows it, opening the
/// clause. Not `Those who say C ...`: there the cue is the relative
/// clause's own, and the main verb comes after C.
pub(super) fn those_subject(c: &Ctx, cue: usize) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    let s = (j.saturating_sub(10)..j).rev().find(|&k| c.lower_is(k, "those"))?;
    let relative = c.lower_is(s + 1, "who");
    if j < s + 2 + usize::from(relative) || !starts_clause(c, s) {
        return None;
    }
    if t[s + 1..j].iter().any(|x| !x.word() || x.quoted || x.cue().is_some() || x.is(class::CONJ)) {
        return None;
    }
    Some(Source::Mention { np: (s, j), appositive: None })
}

/// The modal auxiliaries: what someone can, will or would say.
const MODALS: [&str; 8] = ["can", "could", "may", "might", "will", "would", "should", "must"];

/// `... of voters who said C`, `... among Democrats who say C`, `paid a
/// contractor who said C`: a relative clause with no comma before it
/// reports what the people it picks out said. The group speaks; its content ends with the clause (see
/// `subject_cue`). Not when the group opens the clause ("Voters who said C
/// backed Roe"): where C ends and the main verb begins is not known.
pub(super) fn restrictive_who(c: &Ctx, cue: usize) -> Option<Source> {
    if !c.has(Mark::Who) {
        return None;
    }
    let t = c.t;
    let j = skip_aux_back(c, cue);
    if j < 2 || !c.lower_is(j - 1, "who") {
        return None;
    }
    // "a politician who will say whatever C": what someone would say is
    // no report of what was said.
    if (j..cue).any(|k| MODALS.iter().any(|m| c.lower_is(k, m))) {
        return None;
    }
    let np = np_back(c, j - 1)?;
    let head = &t[np.1 - 1];
    // A group that can speak, or a share of one ("60 percent of fishermen").
    let partitive = t[np.0..np.1].iter().any(|x| x.is(class::QUANT));
    if t[np.0].is(class::PRON)
        || !(head.is(class::ANON | class::GROUP) || head.cap || partitive || is_agent_noun(c, np.1 - 1))
        || starts_clause(c, np.0)
    {
        return None;
    }
    Some(Source::Mention { np, appositive: None })
}

/// "The lawyer who wrote the brief says C", "Voters who came to the rally
/// said C": a subject with a restrictive relative clause between it and
/// its cue. The clause must hold no comma or quotation, and no report of
/// its own ("Voters who think the mayor said C": the mayor speaks, or
/// nobody we can tell), and the subject must open its clause and name
/// people.
pub(super) fn relative_subject(c: &Ctx, cue: usize) -> Option<Source> {
    relative_subject_where(c, cue, |s| starts_clause(c, s))
}

/// `relative_subject` with the test of where the subject may start given:
/// a clause's start, or right after a quotation ("\"Q,\" an engineer who
/// worked on the seawall said").
fn relative_subject_where(c: &Ctx, cue: usize, accept: impl Fn(usize) -> bool) -> Option<Source> {
    let t = c.t;
    let j = skip_aux_back(c, cue);
    // The nearest "who" first; "S who came here and who asked not to be
    // named said" reaches back to the first.
    // ("The officials whose laws were struck down say C": "whose" too.)
    (j.saturating_sub(25)..j.saturating_sub(2))
        .rev()
        .filter(|&w| w >= 1 && (c.lower_is(w, "who") || c.lower_is(w, "whose")))
        .find_map(|who| {
            let inside = &t[who + 1..j];
            if inside.iter().any(|x| !x.word() || x.quoted) {
                return None;
            }
            let reports = (who + 1..j).any(|k| match t[k].cue() {
                // "Others who want to ban it said": a wish to do something
                // reports nothing.
                Some(CueKind::Belief) => !c.lower_is(k + 1, "to"),
                Some(CueKind::Tell) => true,
                Some(CueKind::Speech) => c.lower_is(k + 1, "that") || t.get(k + 1).is_some_and(|n| n.is(class::PRON)),
                _ => false,
            });
            if reports || t[j - 1].is(class::PRON) {
                return None;
            }
            let np = np_back(c, who)?;
            let head = &t[np.1 - 1];
            if t[np.0].is(class::PRON)
                || !(head.cap || is_agent_noun(c, np.1 - 1) || is_people_noun(c, np.1 - 1))
                || !accept(np.0)
            {
                return None;
            }
            // "Supporters who came say", not "supporters who came says".
            if c.lower_is(cue, "says") && plural_form(head.text(c.doc)) && !head.cap {
                return None;
            }
            Some(Source::Mention { np, appositive: None })
        })
}
