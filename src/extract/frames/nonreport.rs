//! Cue words that report nothing where they stand, and the anonymity clause
//! that may sit between an unnamed source and its cue.
//!
//! News English wraps its anonymous sources in fixed phrases: "an official,
//! who asked not to be named because …, said C", "a fire official who spoke
//! on condition of anonymity because … said C". The request for anonymity
//! uses a cue word ("asked") but reports nothing; the clause, with or
//! without commas, belongs to the subject. A court's verdict is the other
//! case: "the jury found him guilty" uses a finding cue but its object is a
//! person with a verdict, not a clause someone reported.
//!
//! These are general patterns of the language of news, never of one site or
//! sentence; [`super`] decides where they apply.

use super::Source;
use super::phrases::np_back;
use super::{Ctx, Mark};
use crate::extract::cues::class;

/// Whether the cue at `i` asks for anonymity rather than reporting:
/// "asked not to be named", "requested anonymity", "asked to remain
/// anonymous", "asked that her name not be used".
pub(super) fn requests_anonymity(c: &Ctx, i: usize) -> bool {
    let next = |k: usize, w: &str| c.lower_is(i + k, w);
    (next(1, "not") && next(2, "to") && next(3, "be"))
        || (next(1, "to")
            && (next(2, "remain") || next(2, "stay"))
            && (next(3, "anonymous") || next(3, "unnamed") || next(3, "unidentified")))
        || next(1, "anonymity")
        || (next(1, "that") && (next(2, "his") || next(2, "her") || next(2, "their")) && next(3, "name"))
}

/// Adjectives of a verdict or a ruling: "found him guilty", "found the law
/// unconstitutional".
const VERDICTS: &[&str] = &[
    "guilty",
    "innocent",
    "liable",
    "negligent",
    "unconstitutional",
    "unlawful",
    "illegal",
    "invalid",
    "incompetent",
    "insane",
    "unfit",
];

/// Whether the finding cue at `i` ("found", "finds") gives a verdict on an
/// object: "a court found the former director, Ann Roe, guilty of fraud".
/// A clause with its own verb ("the inquiry found the company had been
/// negligent") or "that" is a finding and stays one.
pub(super) fn is_verdict(c: &Ctx, i: usize) -> bool {
    if !(c.lower_is(i, "found") || c.lower_is(i, "finds") || c.lower_is(i, "find")) || c.lower_is(i + 1, "that") {
        return false;
    }
    for k in i + 1..(i + 25).min(c.t.len()) {
        let x = &c.t[k];
        if x.quoted || x.is(class::AUX) || x.cue().is_some() {
            return false;
        }
        if x.word() && VERDICTS.iter().any(|v| c.lower_is(k, v)) {
            return true;
        }
    }
    false
}

/// What a maker calls back: "recalls 200,000 SUVs", "recalled some of its
/// trucks", "is recalling about 1.2 million pounds of beef".
const RECALLED: &[&str] = &[
    "vehicles",
    "cars",
    "trucks",
    "suvs",
    "pickups",
    "vans",
    "motorcycles",
    "models",
    "products",
    "units",
    "devices",
    "batteries",
    "airbags",
    "toys",
    "pounds",
    "packages",
    "bottles",
    "batches",
    "jars",
    "cans",
    "boxes",
    "bags",
    "tablets",
];

/// Whether "recall" at `i` calls products back rather than remembering:
/// its object a quantity ("recalls 200,000 SUVs", "recalled about 40,000")
/// or a product within its first words ("recalls trucks over fire risk",
/// "recalled some of its cars"). "Roe recalled that C", "Roe recalls a
/// chaotic scene" are reports.
pub(super) fn is_product_recall(c: &Ctx, i: usize) -> bool {
    const APPROXIMATE: [&str; 12] =
        ["about", "nearly", "roughly", "some", "more", "than", "over", "almost", "up", "to", "all", "certain"];
    if !["recall", "recalls", "recalled", "recalling"].iter().any(|w| c.lower_is(i, w)) {
        return false;
    }
    let mut k = i + 1;
    while k < c.t.len() && k < i + 4 && APPROXIMATE.iter().any(|w| c.lower_is(k, w)) {
        k += 1;
    }
    if c.t.get(k).is_some_and(|x| x.word() && !x.quoted) && super::starts_with_digit(c, k) {
        return true;
    }
    for k in i + 1..(i + 7).min(c.t.len()) {
        let x = &c.t[k];
        if !x.word() || x.quoted || x.cue().is_some() || c.lower_is(k, "that") {
            return false;
        }
        if RECALLED.iter().any(|w| c.lower_is(k, w)) {
            return true;
        }
    }
    false
}

/// Openings of an anonymity clause after "who": "who spoke on condition of
/// anonymity", "who asked not to be named", "who was not authorized to
/// speak", "who declined to be identified".
fn anonymity_clause(c: &Ctx, who: usize) -> bool {
    let at = |k: usize, w: &str| c.lower_is(who + k, w);
    (at(1, "spoke") && (at(2, "on") || at(2, "anonymously")))
        || (at(1, "requested") || at(1, "insisted") || at(1, "asked")) && at(2, "anonymity")
        || at(1, "asked") && at(2, "not") && at(3, "to")
        || at(1, "declined") && at(2, "to") && at(3, "be")
        || (at(1, "was") || at(1, "is") || at(1, "were") || at(1, "are")) && at(2, "not") && at(3, "authorized")
        || (at(1, "was") || at(1, "were")) && at(2, "granted") && at(3, "anonymity")
}

/// The unnamed source before a cue at `j` when an anonymity clause without
/// commas stands between them: "a fire official who spoke on condition of
/// anonymity because the inquiry was continuing said C". The head must be
/// a word for an unnamed source (official, person, source) and the clause
/// must hold no other cue than the request itself.
pub(super) fn anonymous_subject(c: &Ctx, j: usize) -> Option<Source> {
    // (Most sentences have no "who": no walk back for one.)
    if !c.has(Mark::Who) {
        return None;
    }
    let t = c.t;
    let who = (j.saturating_sub(30)..j).rev().find(|&k| c.lower_is(k, "who"))?;
    // "who was briefed on the talks and spoke anonymously": the request
    // may come second in the clause.
    let request = (who..j).find(|&k| (k == who || c.lower_is(k, "and")) && anonymity_clause(c, k))?;
    // (The request's own verb, "spoke", is no cue with this subject.)
    if who == 0 || request + 1 >= j {
        return None;
    }
    // The clause is plain words: a comma, a quotation or another report
    // means the sentence is built some other way.
    // "not authorized to discuss the matter", "not to be named", "who was
    // briefed on the talks": an infinitive or a passive reports nothing.
    let reports = |k: usize| {
        t[k].cue().is_some()
            && !c.lower_is(k - 1, "to")
            && !super::BE.iter().any(|w| c.lower_is(k - 1, w))
            // ("because the plans are not final": a noun.)
            && !t[k - 1].is(class::DET)
            && !requests_anonymity(c, k)
    };
    let inner_cue = (who + 2..j).any(|k| k != request + 1 && reports(k));
    if inner_cue || (who + 1..j).any(|k| !t[k].word() || t[k].quoted) {
        return None;
    }
    let np = np_back(c, who)?;
    if t[np.0].is(class::PRON) || !t[np.1 - 1].is(class::ANON) {
        return None;
    }
    Some(Source::Mention { np, appositive: Some((who, j)) })
}

#[cfg(test)]
mod tests {
    use crate::extract::tests::{one, rows};

    #[test]
    fn anonymity_clauses_belong_to_the_source_and_report_nothing() {
        // (sentence, speaker, attribution, content): the clause with and
        // without commas, and a pledge "to remain" that is a report.
        let cases = [
            (
                "A customs official who spoke on condition of anonymity because the audit was not finished said two \
                 containers were missing.",
                "customs official",
                "indirect",
                "two containers were missing",
            ),
            (
                "A port source who asked not to be named said the cranes had stopped.",
                "port source",
                "indirect",
                "the cranes had stopped",
            ),
            (
                "A customs official, who asked not to be named because he was not authorized to speak, said two \
                 containers were missing.",
                "customs official",
                "indirect",
                "two containers were missing",
            ),
            ("The marchers pledged to remain peaceful.", "marchers", "indirect", "to remain peaceful"),
            (
                "The pier will close in May, a port official who was briefed on the plans and spoke anonymously \
                 because they are not final said.",
                "port official",
                "indirect",
                "The pier will close in May",
            ),
        ];
        for (text, name, attribution, content) in cases {
            assert_eq!(rows(text), vec![one(name, attribution, content)], "{text}");
        }
    }

    #[test]
    fn a_verdict_is_no_finding() {
        let x = rows("A jury in Harwick on Friday found the former treasurer, Ann Roe, guilty of fraud.");
        assert_eq!(x.len(), 1);
        assert_eq!(x[0].0, None, "{x:?}");
        assert_eq!(
            rows("The inquiry found the company had been negligent."),
            vec![one("inquiry", "belief", "the company had been negligent")]
        );
    }
}
