//! Statements by the words of their content, through the store's term
//! index.

use claimtrail_store::{Hash32, Store};

use crate::error::CliError;
use crate::record::terms;

/// The keys of the statements holding every term, in the order they were
/// first recorded (the posting order). Resolve them with
/// [`statements_of`], only as far as needed.
pub fn matching_keys(store: &Store, wanted: &[String]) -> Result<Vec<u64>, CliError> {
    let mut lists: Vec<Vec<u64>> = Vec::with_capacity(wanted.len());
    for t in wanted {
        lists.push(store.statements_with_term(t)?);
    }
    lists.sort_by_key(Vec::len);
    let Some((rarest, rest)) = lists.split_first() else { return Ok(Vec::new()) };
    // foldhash, not std's SipHash: a common term's list is hundreds of
    // thousands of keys on a large store, and hashing them for these sets
    // was a quarter of a whole `search` at 10M statements. Its seed is
    // random per process, as std's, so crafted keys cannot pile into one
    // bucket.
    let rest: Vec<foldhash::HashSet<u64>> = rest.iter().map(|l| l.iter().copied().collect()).collect();
    let mut seen = foldhash::HashSet::with_capacity_and_hasher(rarest.len(), Default::default());
    Ok(rarest.iter().filter(|k| rest.iter().all(|l| l.contains(k)) && seen.insert(**k)).copied().collect())
}

/// The statements a key stands for whose content really holds the terms
/// (a key is 8 bytes of a hash: a shared key must not bring in another
/// statement).
pub fn statements_of(store: &Store, key: u64, wanted: &[String]) -> Result<Vec<Hash32>, CliError> {
    let mut out = Vec::new();
    for h in store.statements_with_key(key)? {
        let content = store.statement(&h)?.map(|s| s.content).unwrap_or_default();
        let have = terms(&content);
        if wanted.iter().all(|w| have.contains(w)) {
            out.push(h);
        }
    }
    Ok(out)
}
