//! The store-wide derived records checked, and rebuilt, from the chained
//! revisions: the speaker records (`P`), the name index (`N`), the alias
//! table's shape (`A`) and the search postings (`z`).
//!
//! Each revision's analysis record keeps the speakers as that revision
//! named them, and is chained and covered by the root; a speaker record is
//! the merge of every revision's view of that speaker in the order they
//! were recorded, which the store does not keep. So a record is checked
//! for what any order gives: its name and every alias a name some
//! revision gave the speaker, every such name among them, its role and
//! anonymity reason one a revision gave (none only when none did), its
//! kind one a revision gave. The name index is checked both ways: every
//! key the record's own names imply is there, and every entry is a key
//! some name a revision gave that speaker implies. The postings are
//! checked both ways against every statement's terms. How names become
//! keys and contents become terms is text analysis: the caller's.
//!
//! Nothing here knows text; the closures do.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{BuildHasher, RandomState};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::Result;
use crate::hash::Hash32;
use crate::records::{AnalysisRecord, SpeakerRecord};
use crate::verify::Problem;
use crate::{Store, decode, keys, seal_record};

/// What the revisions recorded of one speaker.
#[derive(Default)]
struct Seen {
    names: BTreeSet<String>,
    roles: BTreeSet<String>,
    reasons: BTreeSet<String>,
    kinds: BTreeSet<(String, bool)>,
    /// The first revision (story, number) that records the speaker.
    first: Option<(String, u32)>,
}

fn problem(story: Option<&str>, revision: Option<u32>, detail: String) -> Problem {
    Problem { story: story.map(str::to_string), revision, detail }
}

/// `"a", "b"` for a message.
fn listed<'a>(items: impl IntoIterator<Item = &'a String>) -> String {
    let items: Vec<String> = items.into_iter().map(|s| format!("{s:?}")).collect();
    if items.is_empty() { "none".to_string() } else { items.join(", ") }
}

/// Every analysis record's speakers, in story and revision order: the
/// speaker → what the revisions say of it, and each revision's snapshot
/// (for a rebuild).
fn scan_analyses(store: &Store, mut each: impl FnMut(&str, u32, &SpeakerRecord)) -> Result<()> {
    store.visit(&[keys::ANALYSIS], |k, v| {
        let Some(nul) = k.iter().skip(1).position(|&b| b == 0).map(|p| p + 1) else { return Ok(true) };
        let story = String::from_utf8_lossy(&k[1..nul]);
        let number = k.get(nul + 1..).and_then(|n| <[u8; 4]>::try_from(n).ok()).map_or(0, u32::from_be_bytes);
        // A record that fails its checksum is reported by the walk.
        if let Some(rec) = decode::<AnalysisRecord>(keys::ANALYSIS, v) {
            for sp in &rec.speakers {
                each(&story, number, sp);
            }
        }
        Ok(true)
    })
}

fn seen_by_speaker(store: &Store) -> Result<FxHashMap<String, Seen>> {
    let mut seen: FxHashMap<String, Seen> = FxHashMap::default();
    scan_analyses(store, |story, number, sp| {
        let s = seen.entry(sp.id.clone()).or_default();
        s.first.get_or_insert_with(|| (story.to_string(), number));
        for name in std::iter::once(&sp.name).chain(&sp.aliases) {
            if !s.names.contains(name) {
                s.names.insert(name.clone());
            }
        }
        if let Some(r) = &sp.role
            && !s.roles.contains(r)
        {
            s.roles.insert(r.clone());
        }
        if let Some(r) = &sp.anonymity_reason
            && !s.reasons.contains(r)
        {
            s.reasons.insert(r.clone());
        }
        if !s.kinds.iter().any(|(k, a)| *k == sp.kind && *a == sp.anonymous) {
            s.kinds.insert((sp.kind.clone(), sp.anonymous));
        }
    })?;
    Ok(seen)
}

/// What is wrong with a stored speaker record, given what the revisions
/// recorded of the speaker (empty: nothing).
fn record_differences(rec: &SpeakerRecord, seen: &Seen) -> Vec<String> {
    let mut wrong = Vec::new();
    if !seen.names.contains(&rec.name) {
        wrong.push(format!("its name {:?} is not one any revision gave it ({})", rec.name, listed(&seen.names)));
    }
    for alias in &rec.aliases {
        if !seen.names.contains(alias) {
            wrong.push(format!("its alias {alias:?} is not a name any revision gave it"));
        }
    }
    let has: BTreeSet<&String> = std::iter::once(&rec.name).chain(&rec.aliases).collect();
    let lacking: Vec<&String> = seen.names.iter().filter(|n| !has.contains(n)).collect();
    if !lacking.is_empty() {
        wrong.push(format!("it lacks names the revisions gave it ({})", listed(lacking)));
    }
    let one_of = |found: &Option<String>, given: &BTreeSet<String>, what: &str| match found {
        Some(f) if !given.contains(f) => {
            Some(format!("its {what} {f:?} is not one any revision gave it ({})", listed(given)))
        }
        None if !given.is_empty() => Some(format!("it has no {what}, but the revisions gave one ({})", listed(given))),
        _ => None,
    };
    wrong.extend(one_of(&rec.role, &seen.roles, "role"));
    wrong.extend(one_of(&rec.anonymity_reason, &seen.reasons, "anonymity reason"));
    if !seen.kinds.iter().any(|(k, a)| *k == rec.kind && *a == rec.anonymous) {
        let given: Vec<String> =
            seen.kinds.iter().map(|(k, a)| if *a { format!("anonymous {k}") } else { k.clone() }).collect();
        let kind = if rec.anonymous { format!("anonymous {}", rec.kind) } else { rec.kind.clone() };
        wrong.push(format!("its kind {kind:?} is not one any revision gave it ({})", listed(&given)));
    }
    wrong
}

/// Every name-index key any name the revisions gave a speaker implies
/// (as that name, with all the others as aliases, in any kind).
///
/// Any kind the store knows, not only those the speaker's analysis records
/// keep: a revision that names one speaker twice keeps the kind of the
/// first mention ("organization"), while the recorder wrote the keys of
/// each ("s:brill" for a "person"). A key is still one a name the
/// revisions gave this speaker implies.
fn keys_allowed(
    id: &str,
    seen: &Seen,
    kinds: &BTreeSet<String>,
    lookup_keys: &dyn Fn(&SpeakerRecord) -> Vec<String>,
) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    let all: Vec<String> = seen.names.iter().cloned().collect();
    for name in &seen.names {
        for kind in kinds {
            let rec = SpeakerRecord {
                id: id.to_string(),
                name: name.clone(),
                kind: kind.clone(),
                anonymous: false,
                role: None,
                aliases: all.iter().filter(|n| *n != name).cloned().collect(),
                anonymity_reason: None,
                lookup: Vec::new(),
            };
            out.extend(lookup_keys(&rec));
        }
    }
    out
}

impl Store {
    /// Check the speaker records, the name index and the aliases against
    /// what every revision's analysis record says of its speakers (see the
    /// module's notes). `lookup_keys` gives the name-index keys of a
    /// speaker record, as the recorder wrote them. Returns the entries
    /// checked (none that the walk of [`Store::verify`] counts already:
    /// 0) and what is wrong.
    pub fn verify_speakers(&self, lookup_keys: &dyn Fn(&SpeakerRecord) -> Vec<String>) -> Result<(u64, Vec<Problem>)> {
        let mut problems = Vec::new();
        let seen = seen_by_speaker(self)?;
        // The stored records that check out against the revisions: their
        // names must all be in the name index.
        // (With the name-index keys they imply.)
        let mut sound: BTreeMap<String, (SpeakerRecord, FxHashSet<String>)> = BTreeMap::new();
        let mut stored: FxHashSet<String> = FxHashSet::default();
        let repair = "`claimtrail reanalyze --force` rebuilds the speaker records and name index from the revisions";
        for kv in self.scan([keys::SPEAKER]) {
            let (k, v) = kv?;
            let id = String::from_utf8_lossy(&k[1..]).into_owned();
            stored.insert(id.clone());
            // One that fails its checksum is reported by the walk.
            let Some(rec) = decode::<SpeakerRecord>(keys::SPEAKER, &v).filter(|r| r.id == id) else { continue };
            let Some(s) = seen.get(&id) else {
                problems.push(problem(
                    None,
                    None,
                    format!("the record of speaker {id:?} ({:?}) is not one any revision recorded; {repair}", rec.name),
                ));
                continue;
            };
            let wrong = record_differences(&rec, s);
            if wrong.is_empty() {
                let own: FxHashSet<String> = lookup_keys(&rec).into_iter().collect();
                sound.insert(id, (rec, own));
            } else {
                let (story, number) = s.first.as_ref().map(|(st, n)| (Some(st.as_str()), Some(*n))).unwrap_or_default();
                problems.push(problem(
                    story,
                    number,
                    format!(
                        "the record of speaker {id:?} does not match what the revisions recorded: {}; {repair}",
                        wrong.join("; ")
                    ),
                ));
            }
        }
        let mut missing: Vec<(&String, &Seen)> = seen.iter().filter(|(id, _)| !stored.contains(*id)).collect();
        missing.sort_by(|a, b| a.0.cmp(b.0));
        for (id, s) in missing {
            let (story, number) = s.first.as_ref().map(|(st, n)| (Some(st.as_str()), Some(*n))).unwrap_or_default();
            problems.push(problem(story, number, format!("speaker {id:?} has no speaker record; {repair}")));
        }

        // The name index: key → speaker entries.
        let kinds: BTreeSet<String> = seen.values().flat_map(|s| s.kinds.iter().map(|(k, _)| k.clone())).collect();
        let mut allowed: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        let mut present: FxHashMap<String, FxHashSet<String>> = FxHashMap::default();
        for kv in self.scan([keys::BY_NAME]) {
            let (k, _) = kv?;
            let Some(nul) = k.iter().rposition(|&b| b == 0) else { continue };
            let key = String::from_utf8_lossy(&k[1..nul]).into_owned();
            let id = String::from_utf8_lossy(&k[nul + 1..]).into_owned();
            // An entry for a speaker with no record is reported by the walk.
            if !stored.contains(&id) {
                continue;
            }
            // Most keys are the record's own; the others are worked out
            // only for a speaker that has one.
            let own = sound.get(&id).is_some_and(|(_, own)| own.contains(&key));
            if !own && let Some(s) = seen.get(&id) {
                let ok = allowed
                    .entry(id.clone())
                    .or_insert_with(|| keys_allowed(&id, s, &kinds, lookup_keys))
                    .contains(&key);
                if !ok {
                    problems.push(problem(
                        None,
                        None,
                        format!(
                            "the name index leads {key:?} to speaker {id:?}, but no name the revisions gave that speaker ({}) gives that key; {repair}",
                            listed(&s.names)
                        ),
                    ));
                }
            }
            present.entry(id).or_default().insert(key);
        }
        for (id, (rec, own)) in &sound {
            let have = present.get(id);
            let mut lacking: Vec<&String> = own.iter().filter(|k| !have.is_some_and(|h| h.contains(*k))).collect();
            lacking.sort();
            if !lacking.is_empty() {
                problems.push(problem(
                    None,
                    None,
                    format!(
                        "the name index lacks {} for speaker {id:?} ({:?}): queries by that name do not find them; {repair}",
                        listed(lacking.iter().copied()),
                        rec.name
                    ),
                ));
            }
        }

        // Aliases: each leads to a speaker the store holds, and following
        // them never comes back (a self-alias keeps a speaker apart).
        let aliases = match self.aliases() {
            Ok(a) => a,
            Err(e) => {
                problems.push(problem(None, None, e.to_string()));
                return Ok((0, problems));
            }
        };
        for (from, into) in &aliases {
            if !stored.contains(into) {
                problems.push(problem(
                    None,
                    None,
                    format!("the alias of speaker {from:?} leads to {into:?}, which the store holds no speaker record of (`claimtrail unalias` removes it)"),
                ));
            }
        }
        let mut reported: BTreeSet<String> = BTreeSet::new();
        for start in aliases.keys() {
            let mut path: Vec<&String> = vec![start];
            let mut at = start;
            while let Some(next) = aliases.get(at).filter(|n| *n != at) {
                if let Some(p) = path.iter().position(|s| *s == next) {
                    let mut cycle: Vec<&String> = path[p..].to_vec();
                    let min = cycle.iter().enumerate().min_by_key(|(_, s)| **s).map_or(0, |(i, _)| i);
                    cycle.rotate_left(min);
                    let shown: Vec<String> = cycle.iter().chain(cycle.first()).map(|s| format!("{s:?}")).collect();
                    let shown = shown.join(" → ");
                    if reported.insert(shown.clone()) {
                        problems.push(problem(
                            None,
                            None,
                            format!("the aliases form a cycle ({shown}): no speaker is the one they are merged into (`claimtrail unalias` one of them)"),
                        ));
                    }
                    break;
                }
                path.push(next);
                at = next;
            }
        }
        Ok((0, problems))
    }

    /// Check the search postings both ways against every statement's
    /// terms (`terms`, the caller's): each (term, statement) posted must be
    /// one the statement's content gives, and each one it gives must be
    /// posted. Returns the entries checked (none that the walk of
    /// [`Store::verify`] counts already: 0) and what is wrong.
    pub fn verify_terms(&self, terms: &dyn Fn(&str) -> Vec<String>) -> Result<(u64, Vec<Problem>)> {
        // Terms as 64-bit hashes under a key of this run's own: a forged
        // term cannot be chosen to collide with a genuine one.
        let keyed = RandomState::new();
        if self.terms_sum(terms, &keyed, true)? == self.terms_sum(terms, &keyed, false)? {
            return Ok((0, Vec::new()));
        }
        // Something differs (or a posting is there twice, which two
        // PostgreSQL writers adding one statement at once may leave, and
        // is no damage): compare the two as sets, and name what differs.
        self.terms_compared(terms, &keyed)
    }

    /// A sum over each (term, statement key) pair, under `keyed`: of every
    /// statement's terms (`expected`), or of every posting. Equal sums are
    /// equal sets but for a 2^-128 chance, found streaming, in no memory:
    /// at 10M statements a set of the pairs is hundreds of megabytes, and
    /// filling and probing it most of the check's time.
    fn terms_sum(&self, terms: &dyn Fn(&str) -> Vec<String>, keyed: &RandomState, expected: bool) -> Result<[u64; 2]> {
        let pair = |th: u64, key: u64| {
            let a = fmix64(th ^ key.rotate_left(29));
            [a, fmix64(a ^ th.rotate_left(17) ^ key)]
        };
        let mut sum = [0u64; 2];
        let mut add = |[a, b]: [u64; 2]| {
            sum[0] = sum[0].wrapping_add(a);
            sum[1] = sum[1].wrapping_add(b);
        };
        // (Entries lent, not copied: see [`Store::visit`].)
        if expected {
            self.visit(&[keys::STATEMENT], |k, v| {
                let (Some(h), Ok(content)) = (Hash32::from_slice(&k[1..]), std::str::from_utf8(v)) else {
                    add([1, 1]); // unreadable: the sets are compared
                    return Ok(true);
                };
                let key = u64::from_be_bytes(h.0[..8].try_into().unwrap_or_default());
                for t in terms(content) {
                    add(pair(keyed.hash_one(t.as_str()), key));
                }
                Ok(true)
            })?;
        } else {
            self.visit(&[keys::BY_TERM], |k, v| {
                let term = k.get(1..k.len().saturating_sub(9)).unwrap_or(&[]);
                let th = match std::str::from_utf8(term) {
                    Ok(t) => keyed.hash_one(t),
                    Err(_) => keyed.hash_one(String::from_utf8_lossy(term).as_ref()),
                };
                for c in v.chunks(8) {
                    add(pair(th, u64::from_be_bytes(c.try_into().unwrap_or_default())));
                }
                Ok(true)
            })?;
        }
        Ok(sum)
    }

    /// [`Store::verify_terms`] as sets: what is posted and not implied,
    /// and what is implied and not posted, by term.
    fn terms_compared(&self, terms: &dyn Fn(&str) -> Vec<String>, keyed: &RandomState) -> Result<(u64, Vec<Problem>)> {
        let mut problems = Vec::new();
        let term_hash = |t: &str| keyed.hash_one(t);
        // (term, statement key) → whether a posting was found for it.
        let mut expected: FxHashMap<(u64, u64), bool> = FxHashMap::default();
        let mut hashes: FxHashMap<u64, Hash32> = FxHashMap::default();
        self.each_statement(true, |h, key, content| {
            hashes.insert(key, h);
            expected.extend(terms(content).iter().map(|t| ((term_hash(t), key), false)));
        })?;
        for kv in self.scan([keys::BY_TERM]) {
            let (k, v) = kv?;
            if !v.len().is_multiple_of(8) {
                continue; // reported by verify
            }
            let term = k.get(1..k.len().saturating_sub(9)).unwrap_or(&[]);
            let th = match std::str::from_utf8(term) {
                Ok(t) => term_hash(t),
                Err(_) => term_hash(&String::from_utf8_lossy(term)),
            };
            for c in v.chunks_exact(8) {
                let key = u64::from_be_bytes(c.try_into().unwrap_or_default());
                match expected.get_mut(&(th, key)) {
                    Some(found) => *found = true,
                    // (A key of no statement is reported by verify.)
                    None => {
                        let Some(h) = hashes.get(&key) else { continue };
                        problems.push(problem(
                            None,
                            None,
                            format!(
                                "the search index posts statement {} under {:?}, which its content does not hold; `claimtrail reanalyze --force` rebuilds the search index",
                                h.short(),
                                String::from_utf8_lossy(term)
                            ),
                        ));
                    }
                }
            }
        }
        // What is expected and not posted: named by term, worked out again
        // from the statements concerned (damage is rare; this is not).
        let mut missing: BTreeMap<u64, BTreeSet<u64>> = BTreeMap::new();
        for ((th, key), found) in expected {
            if !found {
                missing.entry(key).or_default().insert(th);
            }
        }
        let mut by_term: BTreeMap<String, Vec<String>> = BTreeMap::new();
        for (key, lacking) in missing {
            let Some(h) = hashes.get(&key) else { continue };
            let Some(content) = self.statement(h)?.map(|s| s.content) else { continue };
            for t in terms(&content) {
                if lacking.contains(&term_hash(&t)) {
                    by_term.entry(t).or_default().push(h.short());
                }
            }
        }
        for (term, statements) in by_term {
            let shown = if statements.len() > 5 {
                format!("{} and {} more", statements[..5].join(", "), statements.len() - 5)
            } else {
                statements.join(", ")
            };
            problems.push(problem(
                None,
                None,
                format!(
                    "the search index lacks {term:?} for statement{} {shown}: `search {term}` does not find them; `claimtrail reanalyze --force` rebuilds the search index",
                    if statements.len() == 1 { "" } else { "s" }
                ),
            ));
        }
        Ok((0, problems))
    }

    /// Write the speaker records and the name index again from every
    /// revision's analysis record (story and revision order), replacing
    /// what is stored: what `reanalyze --force` does, so a record or name
    /// key forged or left over from an earlier analysis is not merged into.
    /// Returns the speakers written.
    pub fn rebuild_speakers(&self, lookup_keys: &dyn Fn(&SpeakerRecord) -> Vec<String>) -> Result<u64> {
        let mut records: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
        let mut names: BTreeSet<Vec<u8>> = BTreeSet::new();
        scan_analyses(self, |_, _, sp| {
            for key in lookup_keys(sp) {
                names.insert(keys::by_name(&key, &sp.id));
            }
            match records.get_mut(&sp.id) {
                Some(rec) => {
                    rec.merge(sp);
                }
                None => {
                    records.insert(sp.id.clone(), SpeakerRecord { lookup: Vec::new(), ..sp.clone() });
                }
            }
        })?;
        let mut batch = crate::kv::Batch { replaces_speakers: true, ..crate::kv::Batch::default() };
        let mut old: FxHashMap<Vec<u8>, Vec<u8>> = FxHashMap::default();
        for prefix in [keys::SPEAKER, keys::BY_NAME] {
            for kv in self.scan([prefix]) {
                let (k, v) = kv?;
                old.insert(k.to_vec(), v.to_vec());
            }
        }
        let mut new: Vec<(Vec<u8>, Vec<u8>)> = Vec::new();
        for rec in records.values() {
            for key in lookup_keys(rec) {
                names.insert(keys::by_name(&key, &rec.id));
            }
            new.push((keys::speaker(&rec.id), seal_record(keys::SPEAKER, rec)));
        }
        new.extend(names.into_iter().map(|k| (k, Vec::new())));
        let mut changed = 0u64;
        let keep: FxHashSet<&[u8]> = new.iter().map(|(k, _)| &k[..]).collect();
        for k in old.keys() {
            if !keep.contains(&k[..]) {
                batch.remove(k.clone());
                changed += 1;
            }
        }
        for (k, v) in &new {
            if old.get(k) != Some(v) {
                batch.insert(k.clone(), v);
                changed += 1;
            }
        }
        if changed > 0 {
            let counts = self.counts()?;
            self.apply(batch, &counts, counts, None)?;
        }
        Ok(records.len() as u64)
    }

    /// Write the search postings again from every statement's terms
    /// (`terms`, the caller's), replacing what is stored, in one batch.
    /// Returns the statements indexed.
    pub fn rebuild_terms(&self, terms: &dyn Fn(&str) -> Vec<String>) -> Result<u64> {
        let mut batch = crate::kv::Batch::default();
        for kv in self.scan([keys::BY_TERM]) {
            batch.remove(kv?.0);
        }
        let mut postings: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        let mut n = 0;
        self.each_statement(false, |h, _, content| {
            for t in terms(content) {
                postings.entry(t).or_default().extend_from_slice(&h.0[..8]);
            }
            n += 1;
        })?;
        let counts = self.counts()?;
        self.apply(
            batch,
            &counts,
            counts,
            Some(&|number, batch: &mut crate::kv::Batch| {
                for (term, keys) in &postings {
                    batch.insert(keys::by_term(term, number), keys);
                }
            }),
        )?;
        Ok(n)
    }
}

/// MurmurHash3's 64-bit finaliser: every bit of the input moves every bit
/// of the output.
fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}
