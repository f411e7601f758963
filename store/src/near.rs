//! The near-duplicate index behind `claimtrail variants`: which statements
//! share a fingerprint of their wording.
//!
//! The caller fingerprints a statement's content (the store never reads
//! text: see `NewStatement::prints`); the store keeps, per fingerprint and
//! per write batch, the keys (first 8 bytes of the hash) of the batch's new
//! statements that have it, like the search index. Key: `V`, fingerprint
//! (u64 big-endian), batch number (u64 big-endian); value: 8-byte statement
//! keys. One key per fingerprint per batch keeps a bulk import compact.
//!
//! The index is complete when the store has the marker key (`Mnear:v2`; see `keys::NEAR_MARK`):
//! a store created by this version gets it with its first statements; a
//! store made before gets it when `reanalyze` rebuilds the index
//! ([`Store::rebuild_near`]). Queries refuse an incomplete index rather
//! than miss renderings silently, and `verify` checks a complete one
//! against every statement ([`Store::verify_near`]).

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::error::Result;
use crate::hash::Hash32;
use crate::verify::Problem;
use crate::{Counts, Store, keys};

/// Postings staged by a write batch: fingerprint → statement keys.
#[derive(Debug, Default)]
pub(crate) struct Staged {
    postings: HashMap<u64, Vec<u8>>,
    /// The store has no statements yet: this batch starts a complete index.
    starts_index: bool,
}

impl Staged {
    pub(crate) fn new(store: &Store, counts: &Counts) -> Result<Staged> {
        let starts_index = counts.statements == 0 && store.get(keys::NEAR_MARK)?.is_none();
        Ok(Staged { postings: HashMap::new(), starts_index })
    }

    /// A statement new to the store, with its fingerprints.
    pub(crate) fn add(&mut self, hash: &Hash32, prints: &[u64]) {
        for p in prints {
            self.postings.entry(*p).or_default().extend_from_slice(&hash.0[..8]);
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.postings.is_empty()
    }

    /// Add the postings to `batch` under batch number `number`.
    pub(crate) fn write(&self, batch: &mut crate::kv::Batch, number: u64) {
        for (print, list) in &self.postings {
            batch.insert(keys::near(*print, number), list);
        }
    }

    /// Add the mark of a complete index to `batch`, if this batch starts
    /// the index (with postings or without).
    pub(crate) fn mark(&self, batch: &mut crate::kv::Batch) {
        if self.starts_index {
            batch.insert(keys::NEAR_MARK, []);
        }
    }
}

impl Store {
    /// Whether the near-duplicate index covers every statement (see the
    /// module notes): false for a store made before the index existed,
    /// until `reanalyze` builds it.
    pub fn near_ready(&self) -> Result<bool> {
        Ok(self.get(keys::NEAR_MARK)?.is_some())
    }

    /// The keys (first 8 bytes of the hash; [`Store::statements_with_key`]
    /// resolves one) of the statements with fingerprint `print`. Stops
    /// after `cap` keys: a fingerprint that common is boilerplate, and the
    /// caller is told so by getting more than it can use.
    pub fn statements_near(&self, print: u64, cap: usize) -> Result<Vec<u64>> {
        let mut out = Vec::new();
        self.visit(&keys::near_prefix(print), |_, v| {
            out.extend(chunks(v).ok_or_else(|| self.corrupt("a variant index entry is unreadable"))?);
            Ok(out.len() <= cap)
        })?;
        Ok(out)
    }

    /// Every fingerprint with its statement keys, in fingerprint order: a
    /// whole-index walk for store-wide questions.
    pub fn near_postings(&self) -> impl Iterator<Item = Result<(u64, Vec<u64>)>> + '_ {
        let mut scan = self.scan([keys::NEAR]).peekable();
        std::iter::from_fn(move || {
            let mut current: Option<(u64, Vec<u64>)> = None;
            loop {
                let print = match scan.peek()? {
                    Ok((k, _)) => keys::split_near(k),
                    Err(_) => None,
                };
                if let (Some((at, _)), Some(p)) = (&current, print)
                    && *at != p
                {
                    return current.map(Ok);
                }
                let (k, v) = match scan.next()? {
                    Ok(kv) => kv,
                    Err(e) => return Some(Err(e)),
                };
                let (Some(p), Some(list)) = (keys::split_near(&k), chunks(&v)) else {
                    return Some(Err(self.corrupt("a variant index entry is unreadable")));
                };
                current.get_or_insert_with(|| (p, Vec::new())).1.extend(list);
                if scan.peek().is_none() {
                    return current.take().map(Ok);
                }
            }
        })
    }

    /// Build the index again from every statement the store holds, in one
    /// atomic batch, and mark it complete. `prints` fingerprints a
    /// statement's content. Returns the number of statements indexed.
    pub fn rebuild_near(&mut self, prints: &dyn Fn(&str) -> Vec<u64>) -> Result<u64> {
        let mut batch = crate::kv::Batch::default();
        for kv in self.scan([keys::NEAR]) {
            batch.remove(kv?.0);
        }
        let mut staged = Staged::default();
        let mut n = 0;
        self.each_statement(false, |h, _, content| {
            staged.add(&h, &prints(content));
            n += 1;
        })?;
        let counts = self.counts()?;
        staged.starts_index = true;
        staged.mark(&mut batch);
        self.apply(batch, &counts, counts, Some(&|number, batch| staged.write(batch, number)))?;
        Ok(n)
    }

    /// Check the index against every statement: each entry must name a
    /// statement whose content has that fingerprint, and each statement's
    /// fingerprints must all be indexed. Returns the entries checked and
    /// what is wrong. Nothing is checked (and nothing is wrong) in a store
    /// whose index was never built; `reanalyze` builds it.
    pub fn verify_near(&self, prints: &dyn Fn(&str) -> Vec<u64>) -> Result<(u64, Vec<Problem>)> {
        let mut problems = Vec::new();
        if !self.near_ready()? {
            return Ok((0, problems));
        }
        // (fingerprint, statement key) pairs the statements imply.
        let mut expected: FxHashSet<(u64, u64)> = Default::default();
        let mut hashes: FxHashMap<u64, Hash32> = Default::default();
        self.each_statement(true, |h, key, content| {
            hashes.insert(key, h);
            expected.extend(prints(content).into_iter().map(|p| (p, key)));
        })?;
        let mut entries = 0;
        for kv in self.scan([keys::NEAR]) {
            let (k, v) = kv?;
            entries += 1;
            let (Some(print), Some(list)) = (keys::split_near(&k), chunks(&v)) else {
                problems.push(problem(None, None, "a variant index entry is malformed".to_string()));
                continue;
            };
            for key in list {
                if !expected.remove(&(print, key)) {
                    let what = match hashes.get(&key) {
                        Some(h) => format!("statement {}", h.short()),
                        None => format!("a statement keyed {key:016x} that the store does not hold"),
                    };
                    problems.push(problem(
                        None,
                        None,
                        format!("the variant index entry {print:016x} for {what} points nowhere (its wording has no such fingerprint)"),
                    ));
                }
            }
        }
        let mut missing: Vec<u64> = expected.into_iter().map(|(_, key)| key).collect();
        missing.sort_unstable();
        missing.dedup();
        for key in missing {
            let Some(h) = hashes.get(&key) else { continue };
            let run = self.runs_of(h).ok().and_then(|r| r.into_iter().next());
            problems.push(problem(
                run.as_ref().map(|r| r.story.as_str()),
                run.as_ref().map(|r| r.first),
                format!(
                    "statement {} is missing from the variant index (`claimtrail reanalyze` rebuilds it)",
                    h.short()
                ),
            ));
        }
        Ok((entries, problems))
    }
}

fn problem(story: Option<&str>, revision: Option<u32>, detail: String) -> Problem {
    Problem { story: story.map(str::to_string), revision, detail }
}

/// A posting list's 8-byte keys, or `None` when it is not whole keys.
fn chunks(v: &[u8]) -> Option<Vec<u64>> {
    v.len()
        .is_multiple_of(8)
        .then(|| v.chunks_exact(8).map(|c| u64::from_be_bytes(c.try_into().unwrap_or_default())).collect())
}
