//! claimtrail patch: a prefix scan that lends each key and value to a
//! closure, a leaf at a time.
//!
//! `Iter` returns owned copies: each step pins an epoch, takes the
//! concurrency-control lock, binary-searches its cached leaf for the key
//! after the last one, and allocates the key it decodes (a key of more than
//! 22 bytes is a heap allocation); each leaf it enters is cloned whole.
//! A caller that reads thousands of small entries and keeps none of them
//! (claimtrail's run indexes) paid more for that than for what it read.
//! `Tree::visit_prefix` descends once per leaf, as `get` does, and lends
//! the leaf's entries in place.

use std::ops::Deref;

use super::*;

impl Tree {
    /// Calls `each` with every key that starts with `prefix`, and its
    /// value, in key order, until it returns `false`. The bytes are lent
    /// from the leaf that holds them for the length of one call; a leaf is
    /// read as one view, as `get` reads one, so a concurrent write is seen
    /// whole or not at all within a leaf. `each` must not write to this
    /// tree.
    pub fn visit_prefix<P, F>(&self, prefix: P, mut each: F) -> Result<()>
    where
        P: AsRef<[u8]>,
        F: FnMut(&[u8], &[u8]) -> bool,
    {
        let _measure = Measure::new(&M.tree_scan);
        let prefix = prefix.as_ref();
        // The first key not visited yet, and each key decoded in turn.
        let mut from: Vec<u8> = prefix.to_vec();
        let mut key: Vec<u8> = Vec::new();
        loop {
            let guard = pin();
            let view = {
                let _cc = concurrency_control::read();
                self.view_to_read(&from, &guard)?
            };
            let node: &Node = view.deref();
            // `view_to_read` gives the leaf whose range holds `from`, so
            // `from` shares the leaf's key prefix.
            let shared = usize::from(node.prefix_len);
            let leaf = node.data.leaf_ref().expect("a descent ends at a leaf");
            let start = match leaf
                .keys
                .binary_search_by(|k| fastcmp(k, &from[shared..]))
            {
                Ok(i) | Err(i) => i,
            };
            for (k, v) in leaf.keys[start..].iter().zip(&leaf.values[start..])
            {
                key.clear();
                key.extend_from_slice(&node.lo[..shared]);
                key.extend_from_slice(k);
                if !key.starts_with(prefix) || !each(&key, v) {
                    return Ok(());
                }
            }
            // The next leaf starts at this one's upper bound; past the
            // prefix's keys (greater, not starting with it) there is
            // nothing more to visit.
            if node.hi.is_empty() || !node.hi.starts_with(prefix) {
                return Ok(());
            }
            from.clear();
            from.extend_from_slice(&node.hi);
        }
    }
}
