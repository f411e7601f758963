//! Which speaker a user means: by name, alias, surname, acronym or id,
//! found through the store's name index and grouped into one person or
//! organisation across every story by [`crate::speaker::identity`], with
//! the user's alias table (`claimtrail alias`, `unalias`) on top.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use claimtrail_store::{Ahead, SpeakerRecord, Store};

use crate::error::CliError;
use crate::speaker::keys::related_keys;
use crate::speaker::names::{PersonName, acronym, initials, org_key};
use crate::speaker::{Identity, cluster};

pub use crate::speaker::{name_key, norm_name, surname};

/// The store's speakers as one query sees them: the user's merges, the
/// identities worked out so far, and the records it has read.
#[derive(Debug)]
pub struct SpeakerIndex<'s> {
    store: &'s Store,
    /// speaker id → the speaker it was merged into (itself: kept apart
    /// from the automatic identity).
    pub aliases: BTreeMap<String, String>,
    records: RefCell<BTreeMap<String, Option<SpeakerRecord>>>,
    /// Identity members by the id an identity is reported under.
    identities: RefCell<BTreeMap<String, BTreeSet<String>>>,
}

/// What a name resolved to.
#[derive(Debug)]
pub struct Resolved {
    /// The canonical id (after the user's merges).
    pub id: String,
    pub identity: Identity,
    /// Bare surnames that could be this speaker or another: not counted.
    pub maybe: Vec<Identity>,
}

impl Resolved {
    /// One line per bare surname that could be this speaker or another,
    /// as `who` and `speakers` show them.
    pub fn not_counted(&self) -> Vec<String> {
        self.maybe
            .iter()
            .map(|i| {
                let names: Vec<&str> = i.members.iter().map(|m| m.name.as_str()).collect();
                format!("not counted: {} (a surname only; could be {})", names.join(", "), i.could_be.join(" or "))
            })
            .collect()
    }
}

impl<'s> SpeakerIndex<'s> {
    pub fn load(store: &'s Store) -> Result<SpeakerIndex<'s>, CliError> {
        Ok(SpeakerIndex {
            store,
            aliases: store.aliases()?,
            records: RefCell::default(),
            identities: RefCell::default(),
        })
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

    /// A speaker's record, as [`SpeakerIndex::record`] gives it, but not
    /// kept when it was not read yet: for a caller that asks for each id
    /// once and keeps what it needs itself (`variants` reads a thousand
    /// speakers a query, and copying each into the cache cost a quarter of
    /// reading it).
    pub fn record_unkept(&self, id: &str) -> Result<Option<SpeakerRecord>, CliError> {
        if let Some(r) = self.records.borrow().get(id) {
            return Ok(r.clone());
        }
        Ok(self.store.speaker(id)?)
    }

    /// Fetch the records of `ids` not read yet together (on a server, one
    /// round trip; on sled, nothing).
    fn read_ahead(&self, ids: &BTreeSet<String>) -> Result<(), CliError> {
        let read = self.records.borrow();
        let wanted: Vec<Ahead<'_>> =
            ids.iter().filter(|id| !read.contains_key(*id)).map(|id| Ahead::Speaker(id)).collect();
        Ok(self.store.read_ahead(&wanted)?)
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

    /// All ids that are one speaker with `id`: its identity (when resolved
    /// through [`SpeakerIndex::resolve`]) and the user's merges.
    pub fn group(&self, id: &str) -> BTreeSet<String> {
        let canon = self.canonical(id);
        let mut ids: BTreeSet<String> = self.identities.borrow().get(&canon).cloned().unwrap_or_default();
        ids.insert(canon);
        let heads: BTreeSet<String> = ids.iter().map(|i| self.canonical(i)).collect();
        ids.extend(self.aliases.keys().filter(|k| heads.contains(&self.canonical(k))).cloned());
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

    /// Resolve what the user typed to one canonical speaker id: see
    /// [`SpeakerIndex::resolve_identity`].
    pub fn resolve(&self, query: &str) -> Result<String, CliError> {
        Ok(self.resolve_identity(query)?.id)
    }

    /// Resolve what the user typed to one person or organisation: an id, a
    /// name or alias the speaker was recorded under, a surname or an
    /// acronym, grouped with every other spelling of the same speaker in
    /// the store. Several people sharing the name is an error that says
    /// how they differ.
    pub fn resolve_identity(&self, query: &str) -> Result<Resolved, CliError> {
        let q = name_key(query);
        if q.is_empty() {
            return Err(CliError::new(format!("{query:?} does not name a speaker")));
        }
        let named = format!("n:{q}");
        let asked = PersonName::parse(query);
        let mut keys: BTreeSet<String> = BTreeSet::new();
        if let Some(s) = &asked.surname {
            keys.insert(format!("s:{s}"));
        }
        keys.insert(format!("o:{}", org_key(query)));
        keys.insert(format!("n:{}", org_key(query)));
        if let Some(a) = acronym(query) {
            keys.insert(format!("i:{a}"));
            keys.insert(format!("o:{a}"));
        }
        // Each step below reads a set it knows in advance: on a server,
        // one round trip per step instead of one per speaker and key.
        let mut ahead = vec![Ahead::Speaker(query), Ahead::SpeakersByKey(&named)];
        ahead.extend(keys.iter().map(|k| Ahead::SpeakersByKey(k)));
        self.store.read_ahead(&ahead)?;
        // Speakers the query names outright.
        let mut direct: BTreeSet<String> = BTreeSet::new();
        if self.record(query)?.is_some() {
            direct.insert(query.to_string());
        }
        direct.extend(self.store.speakers_by_key(&named)?);
        let mut pool: BTreeSet<String> = direct.clone();
        for k in &keys {
            pool.extend(self.store.speakers_by_key(k)?);
        }
        // The user's merges count as the speaker they were merged into.
        let merged: Vec<String> = pool.iter().map(|id| self.canonical(id)).collect();
        pool.extend(merged);
        // Every other spelling of what was found: same surname, same
        // organisation key, its acronyms.
        self.read_ahead(&pool)?;
        let mut records: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
        for id in &pool {
            if let Some(r) = self.record(id)? {
                records.insert(id.clone(), r);
            }
        }
        let related: BTreeSet<String> = records.values().flat_map(related_keys).filter(|k| !keys.contains(k)).collect();
        self.store.read_ahead(&related.iter().map(|k| Ahead::SpeakersByKey(k)).collect::<Vec<_>>())?;
        let mut more: BTreeSet<String> = BTreeSet::new();
        for k in &related {
            more.extend(self.store.speakers_by_key(k)?);
        }
        // A person's name with more after it ("Claudia Sheinbaum" of
        // "Claudia Sheinbaum Pardo", a second surname some outlets print):
        // the name index has no key for a name's first words, so the
        // longer names are read by prefix (`identity` decides whether they
        // are one person).
        let mut longer: BTreeSet<String> =
            if asked.given.is_empty() { BTreeSet::new() } else { BTreeSet::from([named.clone()]) };
        longer.extend(
            records
                .values()
                .filter(|r| r.kind == "person" && !PersonName::parse_recorded(&r.name).given.is_empty())
                .map(|r| format!("n:{}", name_key(&r.name))),
        );
        self.store.read_ahead(&longer.iter().map(|k| Ahead::SpeakersByLongerKey(k)).collect::<Vec<_>>())?;
        for k in &longer {
            more.extend(self.store.speakers_by_longer_key(k)?);
        }
        self.read_ahead(&more)?;
        for id in more {
            if !records.contains_key(&id)
                && let Some(r) = self.record(&id)?
            {
                records.insert(id, r);
            }
        }
        let apart = self.apart();
        let all: Vec<SpeakerRecord> = records.into_values().collect();
        let identities = cluster(&all, &apart);
        let wanted = |i: &Identity| {
            i.ids().any(|id| direct.contains(id))
                // A spelling the user kept apart answers only to its own name.
                || !i.ids().any(|id| apart.contains(id)) && match (&asked.surname, i.kind.as_str()) {
                    (Some(_), "person") => fits_person(&asked, i),
                    (_, "organization") => i.members.iter().any(|m| fits_org(query, &m.name)),
                    _ => false,
                }
        };
        let (mut found, rest): (Vec<Identity>, Vec<Identity>) = identities.into_iter().partition(wanted);
        // A name given in full that a speaker was recorded under means
        // that speaker; only a bare surname asks about everyone who has it.
        let named = |i: &Identity| i.ids().any(|id| direct.contains(id)) && !i.ambiguous();
        let in_full = |i: &Identity| i.kind != "person" || !asked.given.is_empty();
        if found.iter().any(|i| named(i) && in_full(i)) {
            found.retain(|i| named(i) && in_full(i));
        }
        let mut found: Vec<(String, Identity)> = self.join_merged(found).into_iter().collect();
        // A bare surname that could be several people is not one more
        // person; it is shown beside the answer.
        let (maybe, people): (Vec<_>, Vec<_>) = found.drain(..).partition(|(_, i)| i.ambiguous());
        let mut found = if people.is_empty() { maybe.clone() } else { people };
        let maybe: Vec<Identity> = if found.iter().any(|(_, i)| i.ambiguous()) {
            Vec::new()
        } else {
            maybe.into_iter().map(|(_, i)| i).collect()
        };
        drop(rest);
        match found.len() {
            0 => Err(CliError::new(format!("no speaker matches {query:?}"))
                .with_hint("`claimtrail speakers` lists the speakers in the store")),
            1 => {
                let (id, identity) = found.pop().expect("one");
                let mut ids: BTreeSet<String> = identity.ids().map(str::to_string).collect();
                ids.insert(id.clone());
                self.identities.borrow_mut().insert(id.clone(), ids);
                Ok(Resolved { id, identity, maybe })
            }
            _ => {
                let mut list = Vec::new();
                for (_, i) in &found {
                    list.push(self.describe(i)?);
                }
                Err(CliError::new(format!(
                    "{query:?} names {} different speakers:\n  {}",
                    found.len(),
                    list.join("\n  ")
                ))
                .with_hint("give the given name, the full name or the id"))
            }
        }
    }

    /// The ids the user kept apart with `unalias`.
    fn apart(&self) -> BTreeSet<String> {
        self.aliases.iter().filter(|(k, v)| k == v).map(|(k, _)| k.clone()).collect()
    }

    /// The user's merges (`alias`) join identities into one, under the id
    /// queries report it by.
    fn join_merged(&self, identities: Vec<Identity>) -> BTreeMap<String, Identity> {
        let mut heads: BTreeMap<String, Identity> = BTreeMap::new();
        for i in identities {
            let head = self.canonical(i.id());
            match heads.get_mut(&head) {
                Some(h) => h.members.extend(i.members),
                None => {
                    heads.insert(head, i);
                }
            }
        }
        heads
    }

    /// Every person and organisation among `records`: the identity rules,
    /// then the user's splits and merges, keyed by the id queries report
    /// each under (what `speakers` lists store-wide).
    pub fn identities(&self, records: &[SpeakerRecord]) -> BTreeMap<String, Identity> {
        self.join_merged(cluster(records, &self.apart()))
    }

    /// One line telling an identity apart from others of the same name:
    /// its names, roles and stories.
    fn describe(&self, i: &Identity) -> Result<String, CliError> {
        let mut names: Vec<&str> = i.members.iter().map(|m| m.name.as_str()).collect();
        names.dedup();
        let roles: BTreeSet<&str> = i.members.iter().filter_map(|m| m.role.as_deref()).collect();
        let mut stories: BTreeSet<String> = BTreeSet::new();
        for id in i.ids() {
            stories.extend(self.store.runs_by_speaker(id)?.into_iter().map(|r| r.story));
        }
        let mut line = format!("{} ({}", names.join(" / "), i.kind);
        if !roles.is_empty() {
            line.push_str(&format!("; {}", roles.into_iter().collect::<Vec<_>>().join(", ")));
        }
        line.push_str(&format!("; id {}", i.id()));
        line.push(')');
        if !stories.is_empty() {
            let n = stories.len();
            let shown: Vec<String> = stories.into_iter().take(4).collect();
            let more = if n > shown.len() { format!(" and {} more", n - shown.len()) } else { String::new() };
            line.push_str(&format!(" in {}{more}", shown.join(", ")));
        }
        if i.ambiguous() {
            line.push_str(&format!(": a surname only, could be {}", i.could_be.join(" or ")));
        }
        Ok(line)
    }
}

/// Whether the person asked for by `asked` can be `identity`: the same
/// surname, and given names that fit its fullest spelling (a bare surname
/// fits everyone who has it).
fn fits_person(asked: &PersonName, identity: &Identity) -> bool {
    use crate::speaker::names::{Given, compare_given};
    let Some(anchor) = identity.members.first().map(|m| PersonName::parse(&m.name)) else { return false };
    anchor.surname == asked.surname
        && matches!(compare_given(&asked.given, &anchor.given), Given::Agree | Given::Unknown | Given::Middle)
}

fn fits_org(query: &str, name: &str) -> bool {
    let (qk, nk) = (org_key(query), org_key(name));
    qk == nk || acronym(query).is_some_and(|a| initials(&nk).contains(&a) || acronym(name).as_deref() == Some(&a))
}
