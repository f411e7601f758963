//! The tense and person shifts of reported speech: edits that change how a
//! claim is reported, not what it says.
//!
//! English reports speech by shifting it. "The workers will not return"
//! is reported as "she said the workers would not return", and as "she
//! says they will" when the cue moves to the present; "I am confident"
//! becomes "he said he was confident" when a quotation turns into a
//! paraphrase. Revisions make these shifts all the time (a cue's tense is
//! edited, a paraphrase is promoted to a quotation) and a reader who
//! compares the claims sees no change in them.
//!
//! This module only judges a word diff; [`super`] decides where a shift may
//! excuse an edit (never inside a quotation, whose words are verbatim, and
//! never in a reporter's own sentence, where "is" → "was" is news).

use super::words::{Op, WordOp};

/// Forms one auxiliary or modal takes as reported speech shifts its tense
/// (and, for "am"/"is", its person). Each row is one verb; a word may move
/// only within its row. "would begin" → "had begun" is two rows and a new
/// participle, so it stays an edit.
const TENSE: &[&[&str]] = &[
    &["will", "would"],
    &["am", "is", "was"],
    &["are", "were"],
    &["has", "have", "had"],
    &["can", "could"],
    &["may", "might"],
    &["do", "does", "did"],
    &["won't", "wouldn't"],
    &["isn't", "wasn't"],
    &["aren't", "weren't"],
    &["can't", "couldn't"],
];

/// Pronouns that change person when a quotation becomes a paraphrase ("I"
/// → "he"), by grammatical case.
const PERSON: &[&[&str]] = &[
    &["i", "we", "he", "she", "they"],
    &["me", "us", "him", "her", "them"],
    &["my", "our", "his", "her", "their"],
    &["myself", "ourselves", "himself", "herself", "themselves"],
];

fn same_row(rows: &[&[&str]], a: &str, b: &str) -> bool {
    rows.iter().any(|row| row.contains(&a) && row.contains(&b))
}

/// The words of the runs of `ops` with operation `op`, lowercased, in order.
fn words_of(ops: &[WordOp], op: Op) -> Vec<String> {
    ops.iter()
        .filter(|o| o.op == op)
        .flat_map(|o| {
            o.text
                .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .map(|w| w.replace('’', "'").to_lowercase())
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Past forms that are also the past participle, so that "had" before
/// them is the whole backshift ("said they heard" → "said they had
/// heard"). Regular verbs ("closed", "killed") end in "-ed" and need no
/// row.
const PAST_AS_PARTICIPLE: &[&str] = &[
    "bought",
    "brought",
    "built",
    "caught",
    "cut",
    "fed",
    "felt",
    "fled",
    "fought",
    "found",
    "got",
    "had",
    "heard",
    "held",
    "hit",
    "hung",
    "kept",
    "led",
    "left",
    "let",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "put",
    "read",
    "said",
    "sent",
    "set",
    "shut",
    "slept",
    "sold",
    "sought",
    "spent",
    "stood",
    "struck",
    "taught",
    "thought",
    "told",
    "understood",
    "won",
];

/// Whether `ops[k]` is a lone "had" added or dropped before an unchanged
/// past form: the past shifted to the pluperfect, or back, as reported
/// speech does with its cue ("they heard" → "they had heard").
fn pluperfect_had(ops: &[WordOp], k: usize) -> bool {
    let o = &ops[k];
    if o.op == Op::Equal || !o.text.eq_ignore_ascii_case("had") {
        return false;
    }
    let Some(next) = ops.get(k + 1).filter(|n| n.op == Op::Equal) else {
        return false;
    };
    let verb = next.text.split_whitespace().next().unwrap_or_default().to_lowercase();
    verb.len() > 3 && verb.ends_with("ed") || PAST_AS_PARTICIPLE.contains(&verb.as_str())
}

/// Whether every word the diff deletes is replaced, one for one and in
/// order, by a shifted form of itself: a tense shift, or with `person` a
/// change of pronoun person too; a "had" added or dropped before a past
/// form ([`pluperfect_had`]) is a shift of its own. A diff with no edited
/// word is no shift.
pub fn only_shifts(ops: &[WordOp], person: bool) -> bool {
    let rest: Vec<WordOp> =
        ops.iter().enumerate().filter(|&(k, _)| !pluperfect_had(ops, k)).map(|(_, o)| o.clone()).collect();
    let (gone, new) = (words_of(&rest, Op::Delete), words_of(&rest, Op::Insert));
    (rest.len() < ops.len() || !gone.is_empty())
        && gone.len() == new.len()
        && gone.iter().zip(&new).all(|(a, b)| same_row(TENSE, a, b) || person && same_row(PERSON, a, b))
}

const DAYS: &[&str] = &["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Whether the diff only adds or drops the "on" before a weekday: "said
/// Monday" and "said on Monday" are one house style apart (wire copy drops
/// the preposition, many papers keep it), and revision trackers see the
/// same story flip between them as it moves between desks.
pub fn only_day_preposition(ops: &[WordOp]) -> bool {
    let mut any = false;
    for (k, o) in ops.iter().enumerate() {
        if o.op == Op::Equal {
            continue;
        }
        let next_is_day = ops[k + 1..]
            .iter()
            .find(|n| n.op == Op::Equal)
            .and_then(|n| n.text.split_whitespace().next())
            .is_some_and(|w| DAYS.contains(&w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase().as_str()));
        if !o.text.eq_ignore_ascii_case("on") || !next_is_day {
            return false;
        }
        any = true;
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::words::{Tokens, diff};

    fn day_on(a: &str, b: &str) -> bool {
        only_day_preposition(&diff(&Tokens::new(a, false), &Tokens::new(b, false)).ops)
    }

    #[test]
    fn on_before_a_weekday_is_house_style() {
        assert!(day_on("he said Friday that the plant would close", "he said on Friday that the plant would close"));
        assert!(day_on("the vote on Tuesday night was close", "the vote Tuesday night was close"));
        assert!(!day_on("the talks on trade resume Monday", "the talks trade resume Monday"));
        assert!(!day_on("she spoke Monday", "she spoke on Sunday"));
        assert!(!day_on("she spoke Monday", "she spoke Monday"));
    }

    fn shifts(a: &str, b: &str, person: bool) -> bool {
        only_shifts(&diff(&Tokens::new(a, false), &Tokens::new(b, false)).ops, person)
    }

    #[test]
    fn a_backshifted_paraphrase_is_only_shifted() {
        assert!(shifts("the union will not sign the deal", "the union would not sign the deal", false));
        assert!(shifts(
            "he had lived there for years and had seen it",
            "he has lived there for years and has seen it",
            false
        ));
        assert!(shifts("he was sure the plan would work", "I am sure the plan will work", true));
    }

    #[test]
    fn a_past_shifted_to_the_pluperfect_is_only_shifted() {
        // "Witnesses said they heard" → "told reporters they had heard".
        assert!(shifts("they heard shouting but no shots", "they had heard shouting but no shots", false));
        assert!(shifts("the town approved the plan", "the town had approved the plan", false));
        assert!(shifts(
            "the company had closed the plant and will sell it",
            "the company closed the plant and would sell it",
            false
        ));
        // "had" with a new verb, or before what is no past form, is an edit.
        assert!(!shifts("they heard shouting", "they had seen shouting", false));
        assert!(!shifts("the town a plan", "the town had a plan", false));
        assert!(!shifts("they heard shouting", "they had heard no shouting", false));
    }

    #[test]
    fn other_edits_are_not_shifts() {
        // A new verb, a changed figure, a person shift outside a quotation
        // change, and no edit at all.
        assert!(!shifts("drilling would begin at noon", "drilling had begun at noon", false));
        assert!(!shifts("prices will rise by 3 percent", "prices would rise by 4 percent", false));
        assert!(!shifts("he was sure", "I am sure", false));
        assert!(!shifts("the same words", "the same words", true));
    }
}
