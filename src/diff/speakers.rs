//! Whether two statements have the same speaker: compared by who the
//! speaker is, never by how the text named them at that place.
//!
//! "he" and "Esper" resolve to the same person upstream; here "Frank
//! McKenzie" and "Kenneth F. McKenzie Jr." (same surname, a compatible
//! initial) are one person, "the Pentagon" and "Pentagon" one organisation,
//! "a U.S. official" and "U.S. officials" one kind of anonymous source. The
//! `mention` field is never compared. This module does not resolve
//! coreference; it only compares what extraction resolved.

use crate::extract::{SpeakerKind, SpeakerRef, Statement, UNRESOLVED};
use crate::speaker::names::{acronym, is_proper_body_name, name_initials};

/// Name suffixes that do not tell people apart within one story.
const SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Titles and ranks an extractor may leave at the front of a name.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "gen",
    "general",
    "lt",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "adm",
    "admiral",
    "sgt",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "secretary",
    "minister",
    "judge",
    "rev",
];

/// Words that carry no identity in an organisation's name or a role.
const FILLER: &[&str] = &["the", "a", "an", "of", "for", "and", "s", "u"];

/// Lower-case words of a name: letters and digits only, apostrophes
/// dropped ("O'Neil" → "oneil"), leading articles and counts removed.
fn words(s: &str) -> Vec<String> {
    let cleaned: String = s
        .chars()
        .filter(|c| *c != '\'' && *c != '\u{2019}')
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut out: Vec<String> = cleaned.split_whitespace().map(str::to_lowercase).collect();
    while out.len() > 1
        && matches!(out[0].as_str(), "the" | "a" | "an" | "two" | "three" | "several" | "other" | "some")
    {
        out.remove(0);
    }
    out
}

fn is_anonymous(s: &SpeakerRef) -> bool {
    s.anonymous || s.kind == SpeakerKind::Anonymous
}

/// The head noun of an unnamed source's words: the last word before a
/// phrase that places or describes them ("officials in Mobile County",
/// "people familiar with the talks", "a source close to the family").
fn anonymous_head(words: &[String]) -> Option<&String> {
    const AFTER_HEAD: [&str; 12] =
        ["in", "at", "from", "of", "for", "with", "on", "familiar", "close", "who", "briefed", "involved"];
    let end = words.iter().position(|w| AFTER_HEAD.contains(&w.as_str())).filter(|&k| k > 0).unwrap_or(words.len());
    words[..end].last()
}

fn singular(w: &str) -> &str {
    match w.strip_suffix('s') {
        Some(stem) if !w.ends_with("ss") && !stem.is_empty() => stem,
        _ => w,
    }
}

/// A person's name as (given names and initials, surname).
fn person_name(name: &str) -> (Vec<String>, Option<String>) {
    let mut w = words(name);
    while w.len() > 1 && TITLES.contains(&w[0].as_str()) {
        w.remove(0);
    }
    while w.len() > 1 && SUFFIXES.contains(&w[w.len() - 1].as_str()) {
        w.pop();
    }
    let surname = w.pop();
    (w, surname)
}

/// Given names agree when either side has none ("Esper"), or some name or
/// initial of one side fits the other ("Frank" and "F.").
fn given_compatible(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    a.iter().any(|x| {
        b.iter().any(|y| {
            x == y
                || (x.chars().count() == 1 && y.starts_with(x.as_str()))
                || (y.chars().count() == 1 && x.starts_with(y.as_str()))
        })
    })
}

fn content_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = words(s).into_iter().filter(|w| !FILLER.contains(&w.as_str())).collect();
    w.sort();
    w.dedup();
    w
}

/// Dice overlap of two roles' content words, `None` when either is unknown.
fn role_overlap(a: Option<&str>, b: Option<&str>) -> Option<f64> {
    let (a, b) = (content_words(a?), content_words(b?));
    if a.is_empty() || b.is_empty() {
        return None;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    Some(2.0 * shared as f64 / (a.len() + b.len()) as f64)
}

/// Are these two speakers the same source? `None` is the outlet itself (an
/// unattributed statement), which only equals `None`.
pub fn same_speaker(a: Option<&SpeakerRef>, b: Option<&SpeakerRef>) -> bool {
    let (a, b) = match (a, b) {
        (None, None) => return true,
        (Some(a), Some(b)) => (a, b),
        _ => return false,
    };
    if a.id == b.id || a.name == b.name {
        return true;
    }
    // A pronoun that pointed to no one names nobody: it cannot tell one
    // source from another, so a claim it carried is not taken from anyone
    // when another revision finds its speaker ("It urged passengers …" →
    // "Coastway Rail said … and urged passengers …").
    if a.id == UNRESOLVED || b.id == UNRESOLVED {
        return true;
    }
    let (wa, wb) = (words(&a.name), words(&b.name));
    if !wa.is_empty() && wa == wb {
        return true;
    }
    match (is_anonymous(a), is_anonymous(b)) {
        // "a U.S. official" / "U.S. officials": the same kind of unnamed
        // source, told apart by what they are (official, diplomat), not by
        // the determiner or number.
        // ("Officials in Mobile County" / "officials": the head is before
        // the phrase that places them.)
        (true, true) => match (anonymous_head(&wa), anonymous_head(&wb)) {
            (Some(x), Some(y)) => singular(x) == singular(y),
            _ => false,
        },
        // Anonymous to named (or back) is exactly the reattribution readers
        // need to see.
        (true, false) | (false, true) => false,
        (false, false) => match (a.kind, b.kind) {
            (SpeakerKind::Person, SpeakerKind::Person) => same_person(a, b) || swapped(a, b),
            // "Defense Department" / "Department of Defense".
            (SpeakerKind::Organization, SpeakerKind::Organization) => {
                let (ca, cb) = (content_words(&a.name), content_words(&b.name));
                // "Regional police said …", later "Police had earlier
                // said …": the body by its head noun alone is the one the
                // story named in full. Not "state police" and "city
                // police": both say which.
                let bare_head = |bare: &[String], full: &[String], last: Option<&String>| {
                    bare.len() == 1 && last.is_some_and(|l| singular(l) == singular(&bare[0])) && full.len() > 1
                };
                !ca.is_empty()
                    && (ca == cb
                        || bare_head(&ca, &cb, wb.last())
                        || bare_head(&cb, &ca, wa.last())
                        || one_of_the_papers(wa.last(), wb.last())
                        || one_of_the_papers(wb.last(), wa.last())
                        || acronym_of(&a.name, &b.name)
                        || acronym_of(&b.name, &a.name))
            }
            _ => false,
        },
    }
}

/// Whether `short` is an acronym of the body named `full` ("FAA" of the
/// "Federal Aviation Administration", "USGS" of the "U.S. Geological
/// Survey"): one revision wrote the name out, the other did not.
fn acronym_of(short: &str, full: &str) -> bool {
    !short.contains(' ')
        && is_proper_body_name(full)
        && acronym(short).is_some_and(|a| name_initials(full).contains(&a))
}

/// Whether `general` names a case's papers as a whole ("according to court
/// documents", "records show") and `specific` one paper of the kind they
/// hold ("an indictment unsealed on Tuesday", "the affidavit"): one source,
/// told more exactly. Not a poll or a study, which are their own sources.
fn one_of_the_papers(general: Option<&String>, specific: Option<&String>) -> bool {
    const GENERAL: [&str; 4] = ["documents", "records", "papers", "filings"];
    const PAPERS: [&str; 12] = [
        "indictment",
        "complaint",
        "affidavit",
        "filing",
        "lawsuit",
        "transcript",
        "record",
        "memo",
        "letter",
        "email",
        "warrant",
        "motion",
    ];
    general.is_some_and(|g| GENERAL.contains(&g.as_str())) && specific.is_some_and(|p| PAPERS.contains(&singular(p)))
}

/// Whether two people are one person read two ways: the name of each is
/// the role of the other. "said the authority's director, Helen Marsh" and
/// "the authority's director, Helen Marsh, said" name the same person by
/// the same two phrases, though one revision's speaker may come out as the
/// description (with the name as its role) and the other's as the name
/// (with the description as its role). Both phrases must agree, word for
/// word: a description named later ("the county's director" → "Ana Ruiz,
/// the county's director") is still a reattribution, the source having
/// been named.
fn swapped(a: &SpeakerRef, b: &SpeakerRef) -> bool {
    let names = |x: &SpeakerRef, y: &SpeakerRef| {
        let name = content_words(&x.name);
        !name.is_empty() && y.role.as_deref().is_some_and(|r| content_words(r) == name)
    };
    names(a, b) && names(b, a)
}

fn same_person(a: &SpeakerRef, b: &SpeakerRef) -> bool {
    same_person_named(&a.name, a.role.as_deref(), &b.name, b.role.as_deref())
}

/// Whether two people, by name and role, are one person within a story.
/// `record` uses the same rule to keep a renamed person one speaker in the
/// store, so the store and the diff never disagree about who is who.
pub fn same_person_named(a_name: &str, a_role: Option<&str>, b_name: &str, b_role: Option<&str>) -> bool {
    let (ga, sa) = person_name(a_name);
    let (gb, sb) = person_name(b_name);
    if sa.is_none() || sa != sb {
        return false;
    }
    let roles = role_overlap(a_role, b_role);
    if given_compatible(&ga, &gb) {
        // Same surname and fitting given names: one person unless both roles
        // are known and share nothing (two relatives, two officials).
        return roles.is_none_or(|r| r > 0.0);
    }
    // Given names disagree ("Frank" / "Kenneth", a middle name used as the
    // first): still one person when the story gives them the same specific
    // role ("head of U.S. Central Command"). A bare title ("Senator",
    // "Police Chief") fits many people: two senators who share a surname
    // are two people.
    roles.is_some_and(|r| r >= 0.5) && specific_role(a_role) && specific_role(b_role)
}

/// A role that names one post ("commander of U.S. Central Command"), not a
/// title many people hold: three content words or more.
fn specific_role(role: Option<&str>) -> bool {
    role.is_some_and(|r| content_words(r).len() >= 3)
}

/// People one revision names and the next names again, spelled anew: a
/// correction ("Marcus Obey" → "Marcus Obi", "Katherine Ruiz" → "Catherine
/// Ruiz", "Mohammed" → "Muhammad"). Each is a pair of speaker ids, old and
/// new. A name is taken as respelled only when the old spelling names
/// nobody in the new revision and the new one nobody in the old, one part
/// of the name is kept as it was and the other is close (at most two
/// letters changed, and at most half of them), the roles do not tell the
/// two apart, and no other person of either side fits as well. Such a
/// person's claims keep their source: the change is the name, shown as
/// such, not a reattribution to somebody else.
#[derive(Debug, Default)]
pub struct Respelled {
    pairs: Vec<(String, String)>,
}

impl Respelled {
    pub fn find(from: &[Statement], to: &[Statement]) -> Respelled {
        fn people(side: &[Statement]) -> Vec<&SpeakerRef> {
            let mut out: Vec<&SpeakerRef> = Vec::new();
            for sp in side.iter().filter_map(|s| s.speaker.as_ref()) {
                let person = sp.kind == SpeakerKind::Person && !is_anonymous(sp) && sp.id != UNRESOLVED;
                if person && !out.iter().any(|o| o.id == sp.id) {
                    out.push(sp);
                }
            }
            out
        }
        let (old, new) = (people(from), people(to));
        if old.is_empty() || new.is_empty() {
            return Respelled::default();
        }
        let speaks_in = |sp: &SpeakerRef, side: &[Statement]| {
            side.iter().filter_map(|s| s.speaker.as_ref()).any(|o| same_speaker(Some(o), Some(sp)))
        };
        let gone: Vec<&SpeakerRef> = old.into_iter().filter(|a| !speaks_in(a, to)).collect();
        let fresh: Vec<&SpeakerRef> = new.into_iter().filter(|b| !speaks_in(b, from)).collect();
        let fits = |a: &SpeakerRef, b: &SpeakerRef| {
            respelled_name(&a.name, &b.name)
                && role_overlap(a.role.as_deref(), b.role.as_deref()).is_none_or(|r| r > 0.0)
        };
        let mut pairs = Vec::new();
        for a in &gone {
            let mut matches = fresh.iter().filter(|b| fits(a, b));
            if let (Some(b), None) = (matches.next(), matches.next())
                && gone.iter().filter(|x| fits(x, b)).count() == 1
            {
                pairs.push((a.id.clone(), b.id.clone()));
            }
        }
        Respelled { pairs }
    }

    /// Whether `a` and `b` are one source: the same speaker, or one person
    /// under a corrected name.
    pub fn same(&self, a: Option<&SpeakerRef>, b: Option<&SpeakerRef>) -> bool {
        same_speaker(a, b) || self.respelled(a, b)
    }

    /// Whether `a` and `b` are one person whose name was respelled.
    pub fn respelled(&self, a: Option<&SpeakerRef>, b: Option<&SpeakerRef>) -> bool {
        let (Some(a), Some(b)) = (a, b) else {
            return false;
        };
        self.pairs.iter().any(|(x, y)| (*x == a.id && *y == b.id) || (*x == b.id && *y == a.id))
    }
}

/// Whether two full names are one name respelled: the given names the same
/// and the surnames close, or the surnames the same and the first given
/// names close (the rest the same).
fn respelled_name(a: &str, b: &str) -> bool {
    let ((ga, Some(sa)), (gb, Some(sb))) = (person_name(a), person_name(b)) else {
        return false;
    };
    if ga.is_empty() || gb.is_empty() || ga.len() != gb.len() {
        return false;
    }
    if ga == gb {
        return close(&sa, &sb);
    }
    sa == sb && ga[1..] == gb[1..] && close(&ga[0], &gb[0])
}

/// Two spellings of one word: different, at most two letters changed (a
/// swap of two neighbours counts one), and no more than half the longer.
fn close(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let longer = a.len().max(b.len());
    if a == b || a.len().min(b.len()) < 3 || a.len().abs_diff(b.len()) > 2 {
        return false;
    }
    let d = edits(&a, &b);
    d <= 2 && 2 * d <= longer
}

/// The optimal-string-alignment distance: insertions, deletions,
/// substitutions and swaps of neighbours.
fn edits(a: &[char], b: &[char]) -> usize {
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1).min(d[i * w + j - 1] + 1).min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sp(name: &str, kind: SpeakerKind, role: Option<&str>) -> SpeakerRef {
        SpeakerRef {
            id: name.to_lowercase().replace(' ', "-"),
            name: name.to_string(),
            mention: name.to_string(),
            kind,
            anonymous: kind == SpeakerKind::Anonymous,
            role: role.map(str::to_string),
        }
    }

    fn same(a: &SpeakerRef, b: &SpeakerRef) -> bool {
        same_speaker(Some(a), Some(b))
    }

    use SpeakerKind::{Anonymous, Organization, Person};

    #[test]
    fn two_people_with_one_surname_and_one_title_stay_two() {
        // Two senators, two police chiefs: a shared title is not a shared post.
        assert!(!same_person_named("Aisha Alvarez", Some("Senator"), "Maria Alvarez", Some("Senator")));
        assert!(!same_person_named("Tomas Alvarez", Some("Police Chief"), "Rosa Alvarez", Some("Police Chief")));
        // One post, named the same way in both, still joins a middle name
        // used as the first.
        let post = Some("head of U.S. Central Command");
        assert!(same_person_named("Kenneth McKenzie", post, "Frank McKenzie", post));
    }

    #[test]
    fn a_body_written_out_or_by_its_acronym_is_one() {
        let faa = sp("FAA", Organization, None);
        assert!(same(&sp("Federal Aviation Administration", Organization, None), &faa));
        assert!(same(&faa, &sp("Federal Aviation Administration", Organization, None)));
        assert!(same(&sp("USGS", Organization, None), &sp("U.S. Geological Survey", Organization, None)));
        // Another body's initials, or a described one, are not.
        assert!(!same(&faa, &sp("Federal Energy Agency", Organization, None)));
        assert!(!same(&faa, &sp("federal aviation agency", Organization, None)));
    }

    #[test]
    fn name_variants_of_one_person() {
        let role = Some("chief of the harbour police");
        let a = sp("Walter Brandt", Person, role);
        let b = sp("Gen. Henry W. Brandt Jr.", Person, role);
        assert!(same(&a, &b));
        assert!(same(&sp("Brandt", Person, None), &a));
        // Without a shared role a different first name is someone else.
        assert!(!same(&sp("Walter Brandt", Person, None), &sp("Henry Brandt", Person, None)));
    }

    #[test]
    fn mention_alone_never_differs() {
        let a = sp("Ilse Varga", Person, None);
        let mut b = a.clone();
        b.mention = "she".to_string();
        assert!(same(&a, &b));
    }

    #[test]
    fn anonymous_sources() {
        let a = sp("a city official", Anonymous, None);
        let b = sp("city officials", Anonymous, None);
        assert!(same(&a, &b));
        // Placed or described after the head: still officials.
        assert!(same(&sp("Officials in Mobile County", Anonymous, None), &sp("officials", Anonymous, None)));
        assert!(same(&sp("people familiar with the talks", Anonymous, None), &sp("people", Anonymous, None)));
        assert!(!same(&sp("officials in Mobile County", Anonymous, None), &sp("diplomats", Anonymous, None)));
        assert!(!same(&a, &sp("a diplomat", Anonymous, None)));
        assert!(!same(&a, &sp("Ilse Varga", Person, None)));
    }

    #[test]
    fn organisations_and_people() {
        assert!(same(
            &sp("Transport Ministry", Organization, None),
            &sp("the Ministry of Transport", Organization, None)
        ));
        assert!(!same(
            &sp("Transport Ministry", Organization, None),
            &sp("Ilse Varga", Person, Some("Transport Ministry spokeswoman"))
        ));
        assert!(!same_speaker(None, Some(&sp("Ilse Varga", Person, None))));
        assert!(same_speaker(None, None));
        // A body by its head noun alone is the one named in full; two that
        // each say which are two.
        let regional = sp("Regional police", Organization, None);
        assert!(same(&regional, &sp("Police", Organization, None)));
        assert!(same(&sp("the ministry", Organization, None), &sp("Health Ministry", Organization, None)));
        assert!(!same(&regional, &sp("city police", Organization, None)));
        assert!(!same(&sp("Police", Organization, None), &sp("Police union", Organization, None)));
    }

    #[test]
    fn a_name_respelled_is_told_from_another_name() {
        // One part kept, the other close: a correction.
        assert!(respelled_name("Marcus Obey", "Marcus Obi"));
        assert!(respelled_name("Katherine Ruiz", "Catherine Ruiz"));
        assert!(respelled_name("Mohammed Aziz", "Muhammad Aziz"));
        assert!(respelled_name("Dana Whitfeild", "Dana Whitfield"));
        // Both parts changed, a part changed past two letters or half its
        // letters, a given name against none: other people.
        assert!(!respelled_name("Marcus Obey", "Mark Obi"));
        assert!(!respelled_name("Ann Hale", "Ann Ross"));
        assert!(!respelled_name("Jennifer Lee", "Jennifer Li"));
        assert!(!respelled_name("Obey", "Obi"));
        assert!(!respelled_name("Marcus Obey", "Marcus Obey"));
    }

    fn said(name: &str, role: Option<&str>) -> Statement {
        Statement {
            index: 0,
            paragraph: 0,
            content: "x".to_string(),
            text: "x".to_string(),
            attribution: crate::extract::Attribution::Indirect,
            cue: None,
            speaker: Some(sp(name, Person, role)),
            co_speakers: Vec::new(),
            hash: String::new(),
            span: (0, 1),
        }
    }

    #[test]
    fn respelled_only_where_the_old_spelling_is_gone_and_the_match_is_one() {
        let chief = Some("Fire Chief");
        let found = Respelled::find(&[said("Marcus Obey", chief)], &[said("Marcus Obi", chief)]);
        assert!(found.respelled(Some(&sp("Marcus Obey", Person, chief)), Some(&sp("Marcus Obi", Person, chief))));
        // The old spelling still speaks in the new revision: two people.
        let both =
            Respelled::find(&[said("Marcus Obey", chief)], &[said("Marcus Obey", chief), said("Marcus Obi", chief)]);
        assert!(!both.respelled(Some(&sp("Marcus Obey", Person, chief)), Some(&sp("Marcus Obi", Person, chief))));
        // Roles that share nothing tell them apart.
        let roles = Respelled::find(&[said("Marcus Obey", chief)], &[said("Marcus Obi", Some("goalkeeper"))]);
        assert!(!roles.respelled(Some(&sp("Marcus Obey", Person, chief)), Some(&sp("Marcus Obi", Person, None))));
        // Two new names that both fit: neither is taken.
        let two = Respelled::find(&[said("Ann Hale", None)], &[said("Ann Hales", None), said("Ann Hal", None)]);
        assert!(!two.respelled(Some(&sp("Ann Hale", Person, None)), Some(&sp("Ann Hales", Person, None))));
    }

    #[test]
    fn a_case_s_papers_and_one_of_them_are_one_source() {
        let documents = sp("court documents", Organization, None);
        assert!(same(&documents, &sp("indictment", Organization, None)));
        assert!(same(&sp("the affidavit", Organization, None), &sp("records", Organization, None)));
        assert!(!same(&documents, &sp("a poll", Organization, None)));
        assert!(!same(&sp("indictment", Organization, None), &sp("complaint", Organization, None)));
    }

    #[test]
    fn same_surname_different_roles() {
        assert!(!same(&sp("Ana Ruiz", Person, Some("mayor")), &sp("Ruiz", Person, Some("goalkeeper"))));
    }
}
