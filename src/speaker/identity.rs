//! Which recorded speakers are one person or organisation, across every
//! story, and the evidence for each merge.
//!
//! The rules (all automatic; a user's `alias` and `unalias` override them):
//! - People: the same surname, and given names that agree by name or
//!   initial ("Mark Esper", "Mark T. Esper", "M. Esper"), with no roles that
//!   name different offices and share no word. A first name that is the
//!   other's middle name or initial ("Frank McKenzie", "Kenneth F.
//!   McKenzie Jr.") is one person only when their roles share a word.
//!   Titles left in a name ("Secretary Esper", "Defence Mark T. Esper")
//!   count as role words, never as given names.
//! - A bare surname ("Esper", "Mr Esper") joins the one person of that
//!   surname it fits. When several people fit, it joins none: it is left
//!   as its own entry marked ambiguous, a suggestion listing who it could
//!   be.
//! - Organisations: the same key ([`super::names::org_key`]: "the Defense
//!   Department" = "Department of Defense" = "the Pentagon"), and an
//!   acronym ("DoD", "MoD", "KH") joins the one organisation whose name it
//!   abbreviates. A body the story only described, with no capital
//!   ("residents", "the ministry"), is one only within its story.
//! - Anonymous sources stay scoped to their story: never merged here.

use std::collections::{BTreeSet, HashMap};

use claimtrail_store::SpeakerRecord;

use super::names::{
    Given, PersonName, ROYAL_TITLES, acronym, canonical_word, compare_given, initials, is_office, is_proper_body_name,
    name_initials, org_key, role_words, surname_key,
};

/// One recorded speaker inside an identity, and why it belongs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: Option<String>,
    /// Why this speaker is the identity's ("given name Mark agrees with
    /// Mark Esper"); for the first member, how it was recorded.
    pub evidence: String,
}

/// Speakers that are one person or organisation.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Identity {
    /// The fullest name recorded.
    pub name: String,
    pub kind: String,
    pub members: Vec<Member>,
    /// A bare surname or acronym that fits several identities: kept apart,
    /// with the names it could be.
    pub could_be: Vec<String>,
}

impl Identity {
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.members.iter().map(|m| m.id.as_str())
    }

    /// The id queries report the identity under: its fullest member's.
    pub fn id(&self) -> &str {
        self.members.first().map_or("", |m| m.id.as_str())
    }

    pub fn ambiguous(&self) -> bool {
        !self.could_be.is_empty()
    }
}

/// A speaker record read once for clustering: its name taken apart, its
/// role words and the offices among them. A query that clusters the same
/// speakers many times (once per variant group) prepares each once.
#[derive(Debug)]
pub struct Prepared {
    pub rec: SpeakerRecord,
    name: PersonName,
    roles: Vec<String>,
    /// The role words that name an office.
    offices: BTreeSet<String>,
    /// The surname's key ([`surname_key`]).
    surname: Option<String>,
}

impl Prepared {
    pub fn new(rec: SpeakerRecord) -> Prepared {
        let name = PersonName::parse_recorded(&rec.name);
        let mut roles = rec.role.as_deref().map(role_words).unwrap_or_default();
        roles.extend(
            name.titles.iter().filter(|t| !matches!(t.as_str(), "mr" | "mrs" | "ms" | "miss" | "of" | "and")).cloned(),
        );
        roles.sort();
        roles.dedup();
        let offices = roles.iter().filter(|w| is_office(w)).cloned().collect();
        let surname = name.surname.as_deref().map(|s| surname_key(s).into_owned());
        Prepared { rec, name, roles, offices, surname }
    }

    /// The surname as compared ([`surname_key`]: "Zelenskyy" and
    /// "Zelensky" are one).
    fn surname(&self) -> Option<&str> {
        self.surname.as_deref()
    }
}

/// The royal title words among a person's roles.
fn royal_titles(p: &Prepared) -> impl Iterator<Item = &str> {
    p.roles.iter().map(String::as_str).filter(|w| ROYAL_TITLES.contains(w))
}

/// Whether `a` and `b` bear a royal title in common.
fn share_royal_title(a: &Prepared, b: &Prepared) -> bool {
    royal_titles(a).any(|t| royal_titles(b).any(|u| u == t))
}

/// The clusters whose first member's first given name is `p`'s one name
/// and who bear a royal title `p` bears too.
fn royal_by_given_name(p: &Prepared, people: &[&Prepared], clusters: &[Vec<usize>]) -> Vec<usize> {
    let Some(name) = p.name.surname.as_deref() else { return Vec::new() };
    if royal_titles(p).next().is_none() {
        return Vec::new();
    }
    (0..clusters.len())
        .filter(|&c| {
            let anchor = people[clusters[c][0]];
            anchor.name.given.first().is_some_and(|g| canonical_word(g) == canonical_word(name))
                && share_royal_title(anchor, p)
        })
        .collect()
}

/// Roles conflict when both name an office, the offices differ, and the
/// roles share no word at all.
fn roles_conflict(a: &Prepared, b: &Prepared) -> bool {
    !a.offices.is_empty()
        && !b.offices.is_empty()
        && a.offices.is_disjoint(&b.offices)
        && !a.roles.iter().any(|w| b.roles.contains(w))
}

fn shared_role_word<'a>(a: &'a [String], b: &[String]) -> Option<&'a str> {
    a.iter().find(|w| w.len() > 2 && b.contains(w)).map(String::as_str)
}

/// Group records into identities. `apart` are ids the user split off
/// (`unalias`): each stays alone. Records keep their input order inside an
/// identity but for the fullest name, which comes first.
pub fn cluster(records: &[SpeakerRecord], apart: &BTreeSet<String>) -> Vec<Identity> {
    let prepared: Vec<Prepared> = records.iter().cloned().map(Prepared::new).collect();
    cluster_prepared(&prepared.iter().collect::<Vec<_>>(), apart)
}

/// [`cluster`] over records prepared once ([`Prepared`]).
pub fn cluster_prepared(records: &[&Prepared], apart: &BTreeSet<String>) -> Vec<Identity> {
    cluster_with(records, apart, true)
}

/// [`cluster_prepared`] without the evidence: the same identities, each
/// person's `evidence` left empty, for a caller that only asks who is one
/// with whom (`variants`, which clusters each group's hundreds of speakers
/// and shows no evidence).
pub fn cluster_prepared_ids(records: &[&Prepared], apart: &BTreeSet<String>) -> Vec<Identity> {
    cluster_with(records, apart, false)
}

fn cluster_with(records: &[&Prepared], apart: &BTreeSet<String>, explain: bool) -> Vec<Identity> {
    let mut out = Vec::new();
    let mut people: Vec<&Prepared> = Vec::new();
    let mut orgs: Vec<&SpeakerRecord> = Vec::new();
    for &p in records {
        let rec = &p.rec;
        if apart.contains(&rec.id) || rec.anonymous {
            out.push(alone(rec, "kept as recorded"));
        } else if rec.kind == "person" {
            people.push(p);
        } else if rec.kind == "organization" {
            orgs.push(rec);
        } else {
            out.push(alone(rec, "kept as recorded"));
        }
    }
    out.extend(cluster_people(people, explain));
    out.extend(cluster_orgs(orgs));
    out
}

fn alone(rec: &SpeakerRecord, why: &str) -> Identity {
    Identity {
        name: rec.name.clone(),
        kind: rec.kind.clone(),
        members: vec![Member {
            id: rec.id.clone(),
            name: rec.name.clone(),
            role: rec.role.clone(),
            evidence: why.into(),
        }],
        could_be: Vec::new(),
    }
}

fn member(p: &Prepared, evidence: String) -> Member {
    Member { id: p.rec.id.clone(), name: p.rec.name.clone(), role: p.rec.role.clone(), evidence }
}

fn cluster_people(mut people: Vec<&Prepared>, explain: bool) -> Vec<Identity> {
    // The evidence, only when it is asked for: a format per speaker is most
    // of what clustering a few hundred speakers costs.
    macro_rules! why {
        ($($arg:tt)*) => {
            if explain { format!($($arg)*) } else { String::new() }
        };
    }
    // The fullest names first, so a cluster is anchored by its most
    // telling spelling; of equally full ones, the one that kept its
    // accents ("José Ramírez" over "Jose Ramirez"): outlets drop them,
    // none adds them.
    let accents = |p: &Prepared| p.rec.name.chars().filter(|c| c.is_alphabetic() && !c.is_ascii()).count();
    people.sort_by(|a, b| {
        b.name
            .given
            .len()
            .cmp(&a.name.given.len())
            .then_with(|| accents(b).cmp(&accents(a)))
            .then_with(|| a.rec.id.cmp(&b.rec.id))
    });
    let people = people;
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    // Clusters by their surname, in the order they were made: only those
    // can take a name, so a query over thousands of speakers stays linear.
    let mut by_surname: HashMap<&str, Vec<usize>> = HashMap::new();
    let mut evidence: Vec<String> = vec![String::new(); people.len()];
    let mut bare: Vec<usize> = Vec::new();
    // People whose given names after the first may be what they go by
    // ("Sheinbaum" of "Claudia Sheinbaum Pardo", "Lula" of "Luiz Inácio
    // Lula da Silva"), by those names' keys: each cluster by the given
    // names of its anchor, which came before anyone with fewer.
    let mut by_inner: HashMap<String, Vec<usize>> = HashMap::new();
    for i in 0..people.len() {
        let p = &people[i];
        let Some(sn) = p.surname() else {
            clusters.push(vec![i]);
            evidence[i] = why!("no surname: kept as recorded");
            continue;
        };
        if p.name.given.is_empty() {
            bare.push(i);
            continue;
        }
        let mut joined = false;
        for &ci in by_surname.get(sn).map_or(&[][..], Vec::as_slice) {
            let c = &mut clusters[ci];
            let anchor = &people[c[0]];
            // Given names are compared with the fullest spelling (the
            // anchor): "Samuel Whitcombe" fits "Samuel J. Whitcombe" even
            // when "James Whitcombe" joined it by a middle name. Two
            // different given names (most clusters of a surname) rule a
            // cluster out before its members' roles are compared.
            let given = compare_given(&anchor.name.given, &p.name.given);
            if given == Given::Conflict || c.iter().any(|&j| roles_conflict(people[j], p)) {
                continue;
            }
            let why = match given {
                Given::Agree | Given::Unknown => {
                    Some(why!("same surname, and given name {:?} agrees with {}", p.name.given[0], anchor.rec.name))
                }
                Given::Middle => shared_role_word(&p.roles, &anchor.roles)
                    .map(|w| why!("goes by a middle name of {}; roles share {w:?}", anchor.rec.name)),
                Given::Conflict => None,
            };
            if let Some(why) = why {
                evidence[i] = why;
                c.push(i);
                joined = true;
                break;
            }
        }
        // A name with the second of two surnames left off ("Claudia
        // Sheinbaum" of "Claudia Sheinbaum Pardo", "Hillary Rodham" of
        // "Hillary Rodham Clinton"): the given names before it agree, and
        // one person only has it among their names.
        if !joined
            && let Some(&[c]) = by_inner.get(sn).map(Vec::as_slice)
            && let anchor = &people[clusters[c][0]]
            && let Some(k) = anchor.name.given.iter().skip(1).position(|g| surname_key(g) == sn)
            && compare_given(&anchor.name.given[..=k], &p.name.given) == Given::Agree
            && !clusters[c].iter().any(|&j| roles_conflict(people[j], p))
        {
            evidence[i] = why!("{} without the second surname", anchor.rec.name);
            clusters[c].push(i);
            by_surname.entry(sn).or_default().push(c);
            joined = true;
        }
        if !joined {
            evidence[i] = why!("recorded as {}", p.rec.name);
            by_surname.entry(sn).or_default().push(clusters.len());
            if p.name.given.len() >= 2 {
                for g in p.name.given[1..].iter().filter(|g| g.len() > 1) {
                    let list = by_inner.entry(surname_key(g).into_owned()).or_default();
                    if list.last() != Some(&clusters.len()) {
                        list.push(clusters.len());
                    }
                }
            }
            clusters.push(vec![i]);
        }
    }
    // Bare surnames join the one person they fit; otherwise they are a
    // suggestion.
    let mut ambiguous: Vec<(Vec<usize>, Vec<String>)> = Vec::new();
    for i in bare {
        let p = &people[i];
        let sn = p.surname().unwrap_or_default();
        let same: Vec<usize> = by_surname.get(sn).cloned().unwrap_or_default();
        // A royal goes by a given name: "Crown Prince Mohammed" is the
        // one Crown Prince Mohammed bin Salman, when one person of that
        // given name bears the same royal title (before anyone whose
        // surname the name is).
        if let [c] = royal_by_given_name(p, &people, &clusters)[..] {
            let anchor = &people[clusters[c][0]].rec.name;
            evidence[i] = why!("a royal title and a given name; {anchor} is the one who bears both");
            clusters[c].push(i);
            continue;
        }
        let fits: Vec<usize> = same
            .iter()
            .copied()
            .filter(|&c| {
                let anchor = &people[clusters[c][0]];
                // (A royal title on the bare name is a given name's: no
                // one of that surname who bears none.)
                let royal_apart = royal_titles(p).next().is_some() && !share_royal_title(anchor, p);
                !anchor.name.given.is_empty()
                    && !royal_apart
                    && !clusters[c].iter().any(|&j| roles_conflict(people[j], p))
            })
            .collect();
        match fits.as_slice() {
            [c] => {
                let anchor = &people[clusters[*c][0]].rec.name;
                evidence[i] = why!("surname only; {anchor} is the one person of that surname it fits");
                clusters[*c].push(i);
            }
            [] => {
                // Other bare spellings of the same surname ("Esper", "Mr
                // Esper") are one entry.
                let inner = match by_inner.get(sn).map(Vec::as_slice) {
                    Some(&[c]) if same.is_empty() && !clusters[c].iter().any(|&j| roles_conflict(people[j], p)) => {
                        Some(c)
                    }
                    _ => None,
                };
                match same.iter().copied().find(|&c| people[clusters[c][0]].name.given.is_empty()) {
                    Some(c) => {
                        evidence[i] = why!("the same surname as {}", people[clusters[c][0]].rec.name);
                        clusters[c].push(i);
                    }
                    None if let Some(c) = inner => {
                        let anchor = &people[clusters[c][0]].rec.name;
                        evidence[i] = why!("a name of {anchor}'s own, and no one's surname");
                        clusters[c].push(i);
                    }
                    None => {
                        evidence[i] = why!("recorded as {}", p.rec.name);
                        by_surname.entry(sn).or_default().push(clusters.len());
                        clusters.push(vec![i]);
                    }
                }
            }
            many => {
                let names: Vec<String> = many.iter().map(|&c| people[clusters[c][0]].rec.name.clone()).collect();
                match ambiguous.iter_mut().find(|(c, _)| people[c[0]].surname() == p.surname()) {
                    Some((c, _)) => {
                        evidence[i] = why!("the same surname as {}", people[c[0]].rec.name);
                        c.push(i);
                    }
                    None => {
                        evidence[i] = why!("surname only; could be {}", names.join(" or "));
                        ambiguous.push((vec![i], names));
                    }
                }
            }
        }
    }
    let mut out: Vec<Identity> = clusters.into_iter().map(|c| identity_of(&people, &evidence, c, Vec::new())).collect();
    out.extend(ambiguous.into_iter().map(|(c, names)| identity_of(&people, &evidence, c, names)));
    out
}

fn identity_of(people: &[&Prepared], evidence: &[String], c: Vec<usize>, could_be: Vec<String>) -> Identity {
    let anchor = &people[c[0]];
    Identity {
        name: anchor.rec.name.clone(),
        kind: "person".into(),
        members: c.iter().map(|&i| member(people[i], evidence[i].clone())).collect(),
        could_be,
    }
}

fn cluster_orgs(orgs: Vec<&SpeakerRecord>) -> Vec<Identity> {
    let mut by_key: Vec<(String, Vec<Member>)> = Vec::new();
    let mut acronyms: Vec<(&SpeakerRecord, String)> = Vec::new();
    for rec in orgs {
        let mut key = org_key(&rec.name);
        // A body only described ("residents", "the ministry") is recorded
        // per story (its id is the story's, see `record::store_speaker_id`):
        // one story's residents are not another's, so its key is too.
        if let Some((story, _)) = rec.id.split_once('/').filter(|_| !rec.name.chars().any(char::is_uppercase)) {
            key = format!("{story}/{key}");
        }
        // A name that is only an acronym waits until every expansion is known.
        if let Some(a) = acronym(&rec.name).filter(|a| !rec.name.contains('(') && *a == key.replace(' ', "")) {
            acronyms.push((rec, a));
            continue;
        }
        let m =
            |why: String| Member { id: rec.id.clone(), name: rec.name.clone(), role: rec.role.clone(), evidence: why };
        match by_key.iter_mut().find(|(k, _)| *k == key) {
            Some((_, members)) => {
                let why = format!("{:?} and {:?} name one body ({key})", rec.name, members[0].name);
                members.push(m(why));
            }
            None => by_key.push((key, vec![m(format!("recorded as {}", rec.name))])),
        }
    }
    for (rec, a) in acronyms {
        let fits: Vec<usize> = (0..by_key.len())
            .filter(|&i| {
                (by_key[i].1.iter().any(|m| is_proper_body_name(&m.name))
                    && (initials(&by_key[i].0).contains(&a)
                        || by_key[i].1.iter().any(|m| name_initials(&m.name).contains(&a))))
                    || by_key[i].1.iter().any(|m| acronym(&m.name).as_deref() == Some(a.as_str()))
            })
            .collect();
        let m =
            |why: String| Member { id: rec.id.clone(), name: rec.name.clone(), role: rec.role.clone(), evidence: why };
        match fits.as_slice() {
            [i] => {
                let why = format!("{} is the acronym of {}", rec.name, by_key[*i].1[0].name);
                by_key[*i].1.push(m(why));
            }
            _ => match by_key.iter_mut().find(|(k, _)| *k == a) {
                Some((_, members)) => members.push(m(format!("the same acronym as {}", members[0].name))),
                None => by_key.push((a.clone(), vec![m(format!("recorded as {}", rec.name))])),
            },
        }
    }
    by_key
        .into_iter()
        .map(|(_, members)| Identity {
            name: members[0].name.clone(),
            kind: "organization".into(),
            members,
            could_be: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, name: &str, kind: &str, role: Option<&str>) -> SpeakerRecord {
        SpeakerRecord {
            id: id.into(),
            name: name.into(),
            kind: kind.into(),
            anonymous: false,
            role: role.map(str::to_string),
            aliases: Vec::new(),
            anonymity_reason: None,
            lookup: Vec::new(),
        }
    }

    fn groups(ids: &[Identity]) -> Vec<Vec<&str>> {
        let mut g: Vec<Vec<&str>> = ids
            .iter()
            .map(|i| {
                let mut v: Vec<&str> = i.ids().collect();
                v.sort();
                v
            })
            .collect();
        g.sort();
        g
    }

    #[test]
    fn spellings_of_one_person_are_one() {
        let recs = vec![
            rec("mark-esper", "Mark Esper", "person", Some("Defense Secretary")),
            rec("mark-t-esper", "Mark T. Esper", "person", None),
            rec("esper", "Esper", "person", None),
            rec("mr-esper", "Mr Esper", "person", None),
            rec("secretary-esper", "Secretary Esper", "person", None),
            rec("defence-secretary-mark-esper", "Defence Secretary Mark Esper", "person", Some("US")),
        ];
        let ids = cluster(&recs, &BTreeSet::new());
        assert_eq!(groups(&ids).len(), 1, "{ids:#?}");
        assert!(ids[0].members.iter().all(|m| !m.evidence.is_empty()));
    }

    #[test]
    fn spellings_with_and_without_accents_are_one_person() {
        let recs = vec![
            rec("jose-luis-ramirez", "Jose Luis Ramirez", "person", None),
            rec("jose-luis-ramírez", "José Luis Ramírez", "person", Some("Interior Minister")),
            rec("mr-ramirez", "Mr Ramirez", "person", None),
            rec("anna-schroeder", "Anna Schroeder", "person", Some("hydrologist")),
            rec("dr-schröder", "Dr. Schröder", "person", None),
            // Xue and Xu are two surnames, not one spelled two ways.
            rec("li-xue", "Li Xue", "person", None),
            rec("li-xu", "Li Xu", "person", None),
        ];
        let ids = cluster(&recs, &BTreeSet::new());
        assert_eq!(groups(&ids).len(), 4, "{ids:#?}");
        let ramirez = ids.iter().find(|i| i.members.len() == 3).expect("Ramírez's three spellings");
        assert_eq!(ramirez.name, "José Luis Ramírez", "the spelling that kept its accents leads");
        assert!(ids.iter().any(|i| i.members.len() == 2 && i.name == "Anna Schroeder"));
    }

    #[test]
    fn a_bare_name_inside_a_full_one_joins_it_when_no_one_bears_it_as_a_surname() {
        let recs = vec![
            rec("claudia-sheinbaum-pardo", "Claudia Sheinbaum Pardo", "person", Some("Mexican President")),
            rec("sheinbaum", "Sheinbaum", "person", None),
            rec("ms-sheinbaum", "Ms. Sheinbaum", "person", None),
            rec("luiz-inacio-lula-da-silva", "Luiz Inácio Lula da Silva", "person", None),
            rec("lula", "Lula", "person", None),
        ];
        assert_eq!(
            groups(&cluster(&recs, &BTreeSet::new())),
            [vec!["claudia-sheinbaum-pardo", "ms-sheinbaum", "sheinbaum"], vec!["luiz-inacio-lula-da-silva", "lula"]]
        );
        // Someone whose surname it is keeps it: "Gay" is Ann Gay, not Mary
        // Gay Scanlon.
        let recs = vec![
            rec("mary-gay-scanlon", "Mary Gay Scanlon", "person", None),
            rec("ann-gay", "Ann Gay", "person", None),
            rec("gay", "Gay", "person", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())), [vec!["ann-gay", "gay"], vec!["mary-gay-scanlon"]]);
    }

    #[test]
    fn a_full_name_without_its_second_surname_is_the_same_person() {
        let recs = vec![
            rec("claudia-sheinbaum-pardo", "Claudia Sheinbaum Pardo", "person", Some("Mexican President")),
            rec("claudia-sheinbaum", "Claudia Sheinbaum", "person", None),
            rec("sheinbaum", "Sheinbaum", "person", None),
            rec("hillary-rodham-clinton", "Hillary Rodham Clinton", "person", None),
            rec("hillary-rodham", "Hillary Rodham", "person", None),
            // Another given name is another person.
            rec("ana-sheinbaum", "Ana Sheinbaum", "person", None),
        ];
        let ids = cluster(&recs, &BTreeSet::new());
        assert_eq!(
            groups(&ids),
            [
                vec!["ana-sheinbaum"],
                vec!["claudia-sheinbaum", "claudia-sheinbaum-pardo"],
                vec!["hillary-rodham", "hillary-rodham-clinton"],
                vec!["sheinbaum"],
            ]
        );
        // The bare surname now fits two people: kept apart, with both.
        let bare = ids.iter().find(|i| i.id() == "sheinbaum").unwrap();
        assert_eq!(bare.could_be, ["Ana Sheinbaum", "Claudia Sheinbaum Pardo"]);
    }

    #[test]
    fn a_middle_name_joins_only_when_the_role_agrees() {
        let role = Some("head of U.S. Central Command");
        let recs = vec![
            rec("kenneth-f-mckenzie-jr", "Kenneth F. McKenzie Jr.", "person", role),
            rec("frank-mckenzie", "Frank McKenzie", "person", Some("Central Command chief")),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 1);
        let recs = vec![
            rec("kenneth-f-mckenzie-jr", "Kenneth F. McKenzie Jr.", "person", role),
            rec("frank-mckenzie", "Frank McKenzie", "person", Some("a farmer")),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 2);
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let recs = vec![
            rec("mark-esper", "Mark Esper", "person", Some("Defense Secretary")),
            rec("jane-esper", "Jane Esper", "person", Some("nurse")),
            rec("esper", "Esper", "person", None),
        ];
        let ids = cluster(&recs, &BTreeSet::new());
        assert_eq!(groups(&ids), vec![vec!["esper"], vec!["jane-esper"], vec!["mark-esper"]]);
        let bare = ids.iter().find(|i| i.id() == "esper").unwrap();
        assert_eq!(bare.could_be.len(), 2);
        // A role tells a bare surname apart too.
        let recs = vec![
            rec("mark-esper", "Mark Esper", "person", Some("Defense Secretary")),
            rec("senator-esper", "Senator Esper", "person", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 2);
    }

    #[test]
    fn organisations_by_key_and_acronym() {
        let recs = vec![
            rec("pentagon", "the Pentagon", "organization", None),
            rec("defense-department", "Defense Department", "organization", None),
            rec("department-of-defense", "Department of Defense", "organization", None),
            rec("dod", "DoD", "organization", None),
            rec("ministry-of-defence-mod", "Ministry of Defence (MoD)", "organization", None),
            rec("mod", "MoD", "organization", None),
            rec("kataib-hezbollah", "Kataib Hezbollah", "organization", None),
            rec("kh", "KH", "organization", None),
            // The country's short form is part of the acronym.
            rec("us-geological-survey", "U.S. Geological Survey", "organization", None),
            rec("usgs", "USGS", "organization", None),
        ];
        let ids = cluster(&recs, &BTreeSet::new());
        assert_eq!(
            groups(&ids),
            vec![
                vec!["defense-department", "department-of-defense", "dod", "pentagon"],
                vec!["kataib-hezbollah", "kh"],
                vec!["ministry-of-defence-mod", "mod"],
                vec!["us-geological-survey", "usgs"],
            ]
        );
    }

    #[test]
    fn bodies_only_described_stay_in_their_story() {
        let recs = vec![
            rec("fire/residents", "residents", "organization", None),
            rec("flood/residents", "residents", "organization", None),
            rec("fire/the-ministry", "the ministry", "organization", None),
            rec("fire/ministry", "ministry", "organization", None),
            rec("white-house", "White House", "organization", None),
            rec("the-white-house", "the White House", "organization", None),
        ];
        assert_eq!(
            groups(&cluster(&recs, &BTreeSet::new())),
            vec![
                vec!["fire/ministry", "fire/the-ministry"],
                vec!["fire/residents"],
                vec!["flood/residents"],
                vec!["the-white-house", "white-house"],
            ]
        );
    }

    #[test]
    fn descriptions_are_no_surnames() {
        // Recorded where an article never named the person: each describes
        // someone of its own story, and "State" after "of" is no surname.
        let recs = vec![
            rec("islamic-state", "Islamic State", "person", None),
            rec("former-secretary-of-state", "former secretary of State", "person", None),
            rec("former-president", "former president", "person", None),
            rec("vice-president", "vice president", "person", None),
            rec("harbour-senator", "Harbour senator", "person", None),
            rec("harbour-senator-and-candidate", "Harbour senator and candidate", "person", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 6);
        // An office before the name is a title, whatever its case.
        let recs = vec![
            rec("ann-m-roe", "Ann M. Roe", "person", Some("Senate Minority Leader")),
            rec("then", "then-Senate Majority Leader Ann Roe (D)", "person", None),
            rec("roe", "Roe", "person", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 1);
        assert_eq!(PersonName::parse_recorded("Ann Roe (D)").surname.as_deref(), Some("roe"));
        assert_eq!(PersonName::parse_recorded("Bo Diaz Jr.").surname.as_deref(), Some("diaz"));
        // A query is read as typed.
        assert_eq!(PersonName::parse("roe").surname.as_deref(), Some("roe"));
    }

    #[test]
    fn an_acronym_abbreviates_a_proper_name_only() {
        let recs = vec![
            rec("harbour-party-s-campaign", "Harbour party's campaign", "organization", None),
            rec("hpc", "HPC", "organization", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 2);
        let recs = vec![
            rec("harbour-port-commission", "Harbour Port Commission", "organization", None),
            rec("hpc", "HPC", "organization", None),
        ];
        assert_eq!(groups(&cluster(&recs, &BTreeSet::new())).len(), 1);
    }

    #[test]
    fn a_user_split_keeps_a_speaker_alone() {
        let recs = vec![rec("mark-esper", "Mark Esper", "person", None), rec("esper", "Esper", "person", None)];
        let apart = BTreeSet::from(["esper".to_string()]);
        assert_eq!(groups(&cluster(&recs, &apart)).len(), 2);
    }
}
