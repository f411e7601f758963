//! Which speaker a user means: by name, alias, a unique surname or id,
//! found through the store's name index, with the user's alias table
//! (`claimtrail alias`) merging speakers on top.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use claimtrail_store::{SpeakerRecord, Store};

use crate::error::CliError;

/// The store's speakers as one query sees them: the user's merges, and the
/// records it has read so far.
#[derive(Debug)]
pub struct SpeakerIndex<'s> {
    store: &'s Store,
    /// speaker id → the speaker it was merged into.
    pub aliases: BTreeMap<String, String>,
    records: RefCell<BTreeMap<String, Option<SpeakerRecord>>>,
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

impl<'s> SpeakerIndex<'s> {
    pub fn load(store: &'s Store) -> Result<SpeakerIndex<'s>, CliError> {
        Ok(SpeakerIndex { store, aliases: store.aliases()?, records: RefCell::default() })
    }

    /// A speaker's record, read once per query.
    pub fn record(&self, id: &str) -> Result<Option<SpeakerRecord>, CliError> {
        if let Some(r) = self.records.borrow().get(id) {
            return Ok(r.clone());
        }
        let r = self.store.speaker(id)?;
        self.records.borrow_mut().insert(id.to_string(), r.clone());
        Ok(r)
    }

    /// The speaker an id stands for after the user's merges.
    pub fn canonical(&self, id: &str) -> String {
        let mut id = id;
        // Bounded: a cycle in hand-edited data must not hang a query.
        for _ in 0..32 {
            match self.aliases.get(id) {
                Some(next) if next != id => id = next,
                _ => break,
            }
        }
        id.to_string()
    }

    /// All ids that are one speaker with `id`.
    pub fn group(&self, id: &str) -> BTreeSet<String> {
        let canon = self.canonical(id);
        let mut ids: BTreeSet<String> = self.aliases.keys().filter(|k| self.canonical(k) == canon).cloned().collect();
        ids.insert(canon);
        ids
    }

    /// A speaker's display name after merges.
    pub fn display(&self, id: &str) -> String {
        let canon = self.canonical(id);
        match self.record(&canon) {
            Ok(Some(r)) => r.name,
            _ => canon,
        }
    }

    /// Resolve what the user typed to one canonical speaker id: an id, a
    /// name or alias the speaker was recorded under, or a person's surname
    /// when only one person has it.
    pub fn resolve(&self, query: &str) -> Result<String, CliError> {
        let q = norm_name(query);
        if q.is_empty() {
            return Err(CliError::new(format!("{query:?} does not name a speaker")));
        }
        let mut found: BTreeSet<String> = BTreeSet::new();
        if self.record(query)?.is_some() {
            found.insert(self.canonical(query));
        }
        if found.is_empty() {
            found = self.store.speakers_by_key(&format!("n:{q}"))?.iter().map(|id| self.canonical(id)).collect();
        }
        if found.is_empty() {
            found = self.store.speakers_by_key(&format!("s:{q}"))?.iter().map(|id| self.canonical(id)).collect();
        }
        match found.len() {
            0 => Err(CliError::new(format!("no speaker matches {query:?}"))
                .with_hint("`claimtrail speakers` lists the speakers in the store")),
            1 => Ok(found.into_iter().next().expect("one")),
            _ => {
                let mut list = Vec::new();
                for id in &found {
                    let (name, kind) =
                        self.record(id)?.map_or_else(|| (id.clone(), String::new()), |r| (r.name, r.kind));
                    list.push(format!("{name} ({kind}, id {id})"));
                }
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
