//! The name-index keys of a speaker: written by `record` for every speaker
//! it stores, and looked up by `query` to gather every spelling of one
//! person or organisation before [`super::identity`] groups them.

use claimtrail_store::SpeakerRecord;

use super::names::{PersonName, ROYAL_TITLES, acronym, initials, name_key, org_key, surname_spellings};

/// The name-index keys under which other spellings of `rec` are found.
pub fn related_keys(rec: &SpeakerRecord) -> Vec<String> {
    let mut out = Vec::new();
    match rec.kind.as_str() {
        "person" => {
            // ("Zelenskyy" finds "Zelensky" and "Zelenskiy".)
            let name = PersonName::parse_recorded(&rec.name);
            if let Some(s) = &name.surname {
                out.extend(surname_spellings(s).into_iter().map(|s| format!("s:{s}")));
            }
            // A royal's given name, under which "Crown Prince Mohammed" is
            // recorded (`identity` decides whether it is them).
            let royal = rec.role.as_deref().is_some_and(|r| {
                r.split(|c: char| !c.is_alphanumeric()).any(|w| ROYAL_TITLES.contains(&w.to_lowercase().as_str()))
            });
            if royal && let Some(g) = name.given.first().filter(|g| g.len() > 1) {
                out.push(format!("s:{g}"));
            }
            // The names after the first, under which "Sheinbaum" of
            // "Claudia Sheinbaum Pardo" is recorded alone (`identity`
            // decides whether it is them).
            if name.given.len() >= 2 {
                out.extend(name.given[1..].iter().filter(|g| g.len() > 1).map(|g| format!("s:{g}")));
            }
        }
        "organization" => {
            let key = org_key(&rec.name);
            out.push(format!("o:{key}"));
            // Stores recorded before organisation keys were written.
            out.push(format!("n:{key}"));
            for i in initials(&key) {
                out.push(format!("o:{i}"));
            }
            if let Some(a) = acronym(&rec.name) {
                out.push(format!("i:{a}"));
                out.push(format!("o:{a}"));
            }
        }
        _ => {}
    }
    out
}

/// The keys `record` writes to the name index for a speaker: every name
/// it was recorded under, accents folded ("n:mark esper", "n:jose
/// ramirez"); for people the surname ("s:esper"); for organisations the
/// organisation key ("o:department of defense") and the acronyms it can be
/// written as ("i:dod").
pub fn lookup_keys(rec: &SpeakerRecord) -> Vec<String> {
    let mut keys: Vec<String> = std::iter::once(&rec.name)
        .chain(&rec.aliases)
        .map(|n| name_key(n))
        .filter(|n| !n.is_empty())
        .map(|n| format!("n:{n}"))
        .collect();
    match rec.kind.as_str() {
        "person" => {
            if let Some(s) = PersonName::parse_recorded(&rec.name).surname {
                keys.push(format!("s:{s}"));
            }
        }
        "organization" => {
            let key = org_key(&rec.name);
            for i in initials(&key) {
                keys.push(format!("i:{i}"));
            }
            if let Some(a) = acronym(&rec.name) {
                keys.push(format!("i:{a}"));
                // An acronym alone is the organisation's key too.
                if !rec.name.contains('(') {
                    keys.push(format!("o:{a}"));
                }
            }
            if acronym(&rec.name).is_none() || rec.name.contains('(') {
                keys.push(format!("o:{key}"));
            }
        }
        _ => {}
    }
    keys.sort();
    keys.dedup();
    keys
}
