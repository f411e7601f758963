//! Which speaker a user means: by name, alias, a unique surname or id, with
//! the user's alias table (`claimtrail alias`) merging speakers on top.

use std::collections::{BTreeMap, BTreeSet};

use claimtrail_store::{SpeakerRecord, Store};

use crate::error::CliError;

/// Every speaker of the store and the user's merges.
#[derive(Debug)]
pub struct SpeakerIndex {
    pub records: BTreeMap<String, SpeakerRecord>,
    /// speaker id → the speaker it was merged into.
    pub aliases: BTreeMap<String, String>,
}

/// Lowercase words of a name, without a leading article.
pub fn norm_name(name: &str) -> String {
    let lower = name.to_lowercase().replace(['\u{2019}', '\''], "");
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let skip = usize::from(matches!(words.first(), Some(&("the" | "a" | "an"))));
    words[skip.min(words.len())..].join(" ")
}

/// A person's surname: the last word of the name, generational suffixes
/// ("Jr.", "III") left out.
pub fn surname(name: &str) -> Option<String> {
    norm_name(name).split(' ').rev().find(|w| !matches!(*w, "jr" | "sr" | "ii" | "iii" | "iv")).map(str::to_string)
}

impl SpeakerIndex {
    pub fn load(store: &Store) -> Result<SpeakerIndex, CliError> {
        let records = store.speakers()?.into_iter().map(|s| (s.id.clone(), s)).collect();
        Ok(SpeakerIndex { records, aliases: store.aliases()? })
    }

    /// The speaker an id stands for after the user's merges.
    pub fn canonical<'a>(&'a self, mut id: &'a str) -> &'a str {
        // Bounded: a cycle in hand-edited data must not hang a query.
        for _ in 0..32 {
            match self.aliases.get(id) {
                Some(next) if next != id => id = next,
                _ => break,
            }
        }
        id
    }

    /// All ids that are one speaker with `id`.
    pub fn group(&self, id: &str) -> BTreeSet<String> {
        let canon = self.canonical(id).to_string();
        let mut ids: BTreeSet<String> = self.records.keys().filter(|k| self.canonical(k) == canon).cloned().collect();
        ids.insert(canon);
        ids
    }

    /// A speaker's display name after merges.
    pub fn display(&self, id: &str) -> String {
        let canon = self.canonical(id);
        self.records.get(canon).map_or_else(|| canon.to_string(), |r| r.name.clone())
    }

    /// Resolve what the user typed to one canonical speaker id.
    pub fn resolve(&self, query: &str) -> Result<String, CliError> {
        let q = norm_name(query);
        if q.is_empty() {
            return Err(CliError::new(format!("{query:?} does not name a speaker")));
        }
        let mut exact = BTreeSet::new();
        let mut by_surname = BTreeSet::new();
        for (id, rec) in &self.records {
            let names = std::iter::once(&rec.name).chain(&rec.aliases);
            if id == query || names.clone().any(|n| norm_name(n) == q) {
                exact.insert(self.canonical(id).to_string());
            } else if rec.kind == "person" && surname(&rec.name).as_deref() == Some(q.as_str()) {
                by_surname.insert(self.canonical(id).to_string());
            }
        }
        let found = if exact.is_empty() { by_surname } else { exact };
        match found.len() {
            0 => Err(CliError::new(format!("no speaker matches {query:?}"))
                .with_hint("`claimtrail speakers` lists the speakers in the store")),
            1 => Ok(found.into_iter().next().expect("one")),
            _ => {
                let list: Vec<String> = found
                    .iter()
                    .map(|id| {
                        let r = &self.records[id];
                        format!("{} ({}, id {id})", r.name, r.kind)
                    })
                    .collect();
                Err(CliError::new(format!("{query:?} matches several speakers: {}", list.join("; ")))
                    .with_hint("give the full name or the id"))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_normalise() {
        assert_eq!(norm_name("The Defense Department"), "defense department");
        assert_eq!(surname("Kenneth F. McKenzie Jr.").as_deref(), Some("mckenzie"));
        assert_eq!(norm_name("U.S. official"), "u s official");
    }
}
