//! claimtrail patch: rewrite every page that has fragments as one base.
//!
//! sled writes a change to a page as a fragment linked after its base and
//! consolidates the page only at its tenth fragment. A page is then read
//! as its base and every fragment, each its own read, and sled's snapshot
//! lists them all, so that every open deserialises and accounts for them.
//! After `claimtrail compact` had copied the 10M-statement growth store,
//! 32,000 of its 103,000 pages carried 122,000 fragments between them,
//! more than half of the snapshot. A copy that will mostly be read is
//! consolidated once, at the end.

use super::*;

impl Db {
    /// Rewrites each page holding fragments as a single consolidated
    /// base, and returns how many it rewrote. Meant for a database nothing
    /// else is writing (a fresh copy): a page changed meanwhile is skipped.
    pub fn consolidate_pages(&self) -> Result<u64> {
        self.context.pagecache.consolidate_pages()
    }
}
