//! The per-host line index behind furniture: which pages of a site carry a
//! line of text.
//!
//! A site's furniture (an author bio, a "support our newsroom" blurb, a
//! comment-section notice) is the text that recurs on its pages around
//! each article. The caller fingerprints each line (paragraph) of a
//! revision's text and names the page's host (the store never reads text
//! or URLs: see [`PageLines`]); the store keeps, per host and line, the
//! distinct pages (stories) that carried it in any revision. Keys:
//! `F` host, NUL, fingerprint (u64 big-endian), story → nothing; and `G`
//! host, NUL, story → nothing for the host's pages. Both are written in
//! the revision's own atomic batch, so a crash never leaves a page half
//! indexed.
//!
//! The index is derived: what a line is and which host a page belongs to
//! are the caller's, and nothing in a revision's id or evidence depends on
//! it. It is complete when the store has the marker `Mfurniture:v1`
//! (`keys::FURNITURE_MARK`): a new store gets it with its first revision;
//! an older one when `reanalyze` rebuilds the index
//! ([`Store::rebuild_furniture`]). `verify` checks a complete index both
//! ways ([`Store::verify_furniture`]). Lookups on an incomplete index see
//! fewer pages, which only means less is known to be furniture.

use std::collections::BTreeSet;

use crate::error::Result;
use crate::records::{RevisionRecord, StoryRecord};
use crate::verify::Problem;
use crate::{Store, keys};

/// A revision's page as the furniture index keeps it: its site's host
/// ("ledger.example") and a fingerprint of each line of its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageLines {
    pub host: String,
    pub lines: Vec<u64>,
}

/// What one page adds to the index: its keys (the values are empty).
pub(crate) fn page_keys(story: &str, page: &PageLines) -> Vec<Vec<u8>> {
    let mut out = Vec::with_capacity(page.lines.len() + 1);
    out.push(keys::host_page(&page.host, story));
    let unique: BTreeSet<u64> = page.lines.iter().copied().collect();
    out.extend(unique.into_iter().map(|line| keys::furniture(&page.host, line, story)));
    out
}

/// The caller's view of a stored revision's page: its site's host from
/// the story and revision records (`None`: no known site, and its text is
/// not read), and the line fingerprints of its text.
pub struct PageOf<'a> {
    pub host: &'a dyn Fn(&StoryRecord, &RevisionRecord) -> Option<String>,
    pub lines: &'a dyn Fn(&str) -> Vec<u64>,
}

impl std::fmt::Debug for PageOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PageOf { .. }")
    }
}

impl Store {
    /// Whether the furniture index covers every revision (see the module
    /// notes).
    pub fn furniture_ready(&self) -> Result<bool> {
        Ok(self.get(keys::FURNITURE_MARK)?.is_some())
    }

    /// How many pages of `host` other than `story` carry the line with
    /// fingerprint `line`, counting no further than `cap`.
    pub fn pages_with_line(&self, host: &str, line: u64, story: &str, cap: usize) -> Result<usize> {
        self.count_pages(keys::furniture_prefix(host, line), story, cap)
    }

    /// How many pages of `host` other than `story` the store holds,
    /// counting no further than `cap`.
    pub fn host_pages(&self, host: &str, story: &str, cap: usize) -> Result<usize> {
        self.count_pages(keys::host_pages_prefix(host), story, cap)
    }

    fn count_pages(&self, prefix: Vec<u8>, story: &str, cap: usize) -> Result<usize> {
        let mut n = 0;
        for kv in self.scan(&prefix) {
            let (k, _) = kv?;
            if &k[prefix.len()..] != story.as_bytes() {
                n += 1;
                if n >= cap {
                    break;
                }
            }
        }
        Ok(n)
    }

    /// Every key the index should hold, from every stored revision, and
    /// the stories with a text that cannot be read (`verify` reports
    /// those; their entries are not checked).
    fn furniture_expected(&self, page_of: &PageOf<'_>) -> Result<(BTreeSet<Vec<u8>>, BTreeSet<String>)> {
        let mut expected = BTreeSet::new();
        let mut unreadable = BTreeSet::new();
        for story in self.stories()? {
            for rev in self.revisions(&story.id)? {
                let Some(host) = (page_of.host)(&story, &rev) else { continue };
                let Ok(text) = self.text(&rev) else {
                    unreadable.insert(story.id.clone());
                    continue;
                };
                expected.extend(page_keys(&story.id, &PageLines { host, lines: (page_of.lines)(&text) }));
            }
        }
        Ok((expected, unreadable))
    }

    fn furniture_keys(&self) -> impl Iterator<Item = Result<sled::IVec>> + '_ {
        self.scan([keys::FURNITURE]).chain(self.scan([keys::HOST_PAGE])).map(|kv| kv.map(|(k, _)| k))
    }

    /// Build the index again from every revision's text, in one atomic
    /// batch, and mark it complete. Returns the number of pages indexed.
    pub fn rebuild_furniture(&mut self, page_of: &PageOf<'_>) -> Result<u64> {
        let mut batch = crate::kv::Batch::default();
        for k in self.furniture_keys() {
            batch.remove(k?);
        }
        let (expected, unreadable) = self.furniture_expected(page_of)?;
        if let Some(story) = unreadable.first() {
            return Err(self.corrupt(format!("a text of story {story:?} cannot be read: run `claimtrail verify`")));
        }
        let pages = expected.iter().filter(|k| k[0] == keys::HOST_PAGE).count() as u64;
        for k in expected {
            batch.insert(k, []);
        }
        batch.insert(keys::FURNITURE_MARK, []);
        let counts = self.counts()?;
        self.apply(batch, &counts, counts, None)?;
        Ok(pages)
    }

    /// Check the index against every revision's text: each entry must come
    /// from a page that carries the line, and each page's lines must all
    /// be there. Returns the entries checked and what is wrong; nothing is
    /// checked in a store whose index was never built.
    pub fn verify_furniture(&self, page_of: &PageOf<'_>) -> Result<(u64, Vec<Problem>)> {
        let mut problems = Vec::new();
        if !self.furniture_ready()? {
            return Ok((0, problems));
        }
        let (mut expected, unreadable) = self.furniture_expected(page_of)?;
        let mut entries = 0;
        for k in self.furniture_keys() {
            let k = k?;
            entries += 1;
            let story = keys::furniture_story(&k);
            if !expected.remove(&k[..]) && !story.as_ref().is_some_and(|s| unreadable.contains(s)) {
                problems.push(Problem {
                    story,
                    revision: None,
                    detail: "a furniture index entry names a line no revision of the page has \
                             (`claimtrail reanalyze` rebuilds the index)"
                        .to_string(),
                });
            }
        }
        for k in expected {
            problems.push(Problem {
                story: keys::furniture_story(&k),
                revision: None,
                detail: "a line of the page is missing from the furniture index \
                         (`claimtrail reanalyze` rebuilds it)"
                    .to_string(),
            });
        }
        Ok((entries, problems))
    }
}
