//! Verifying what was derived from each revision: its analysis record's
//! digest, recomputed from the statement list, speakers and metadata; the
//! story's analysis chain; and the root over every story's heads that a
//! newsroom can publish (see [`crate::hash`] for what is hashed).

use std::collections::BTreeMap;

use crate::hash::{self, Hash32};
use crate::records::{AnalysisRecord, Occurrence, RevisionRecord};
use crate::verify::VerifyReport;
use crate::{Store, decode, keys};

/// The heads the root is computed over: story → (head revision, head of
/// its analysis chain).
#[derive(Default)]
pub(crate) struct Heads {
    heads: BTreeMap<String, (Hash32, Hash32)>,
    /// A story whose chain could not be followed to its head.
    broken: bool,
}

impl Heads {
    pub(crate) fn story(&mut self, story: &str, head: Option<Hash32>, chain: Option<Hash32>) {
        match (head, chain) {
            (Some(h), Some(c)) => {
                self.heads.insert(story.to_string(), (h, c));
            }
            (None, None) => {}
            _ => self.broken = true,
        }
    }

    /// The root, when every story's chains could be followed.
    pub(crate) fn root(self, store: &Store, report: &mut VerifyReport) -> crate::error::Result<Option<Hash32>> {
        let aliases = match store.aliases() {
            Ok(a) => a,
            Err(e) => {
                report.problem(None, None, e.to_string());
                return Ok(None);
            }
        };
        if self.broken {
            return Ok(None);
        }
        Ok(Some(hash::root(self.heads.iter().map(|(s, (h, c))| (s.as_str(), *h, *c)), &aliases)))
    }
}

/// Check revision `rev`'s analysis record against its statement list
/// (`None`: unreadable, already reported) and the chain so far. Returns
/// the chain through this revision, or `None` once it cannot be followed.
pub(crate) fn check(
    store: &Store,
    report: &mut VerifyReport,
    rev: &RevisionRecord,
    list: Option<&[Occurrence]>,
    parent_chain: Option<Hash32>,
    first: bool,
) -> crate::error::Result<Option<Hash32>> {
    let story = Some(rev.story.as_str());
    let Some(value) = store.get(&keys::analysis(&rev.story, rev.number))? else {
        report.problem(
            story,
            Some(rev.number),
            format!("its analysis record is missing (run `claimtrail reanalyze {}`)", rev.story),
        );
        return Ok(None);
    };
    let Some(rec) = decode::<AnalysisRecord>(keys::ANALYSIS, &value) else {
        report.problem(story, Some(rev.number), "its analysis record fails its checksum");
        return Ok(None);
    };
    if let Some(list) = list {
        let digest = hash::analysis_digest(&rev.id, &rec.version, &rev.meta, list, &rec.speakers);
        if digest != rec.digest {
            report.problem(
                story,
                Some(rev.number),
                "its analysis does not match its digest (statements, speakers or metadata were changed)",
            );
        }
        for o in list {
            if let Some(sp) = &o.speaker
                && !rec.speakers.iter().any(|s| s.id == *sp)
            {
                report.problem(
                    story,
                    Some(rev.number),
                    format!("statement {} names speaker {sp:?}, which the revision did not record", o.index),
                );
            }
        }
    }
    if !first && parent_chain.is_none() {
        return Ok(None);
    }
    if hash::analysis_chain(parent_chain.as_ref(), &rev.id, &rec.digest) != rec.chain {
        report.problem(story, Some(rev.number), "its analysis chain is broken");
        return Ok(None);
    }
    Ok(Some(rec.chain))
}
