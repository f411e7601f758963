//! Where each statement of a revision comes from (blame), read from the
//! store's statement runs: a run records, when it opens, how its statement
//! came in (the claim diff against the parent revision, worked out when
//! the revision was recorded) and the revision its claim was introduced in.

use std::collections::HashMap;

use claimtrail_store::{Ahead, Hash32, Run, Store};
use serde::Serialize;

use crate::diff::ChangeKind;
use crate::error::CliError;
use crate::extract::Statement;
use crate::record::stored_statements;

/// Where one statement of a revision comes from.
#[derive(Clone, Debug, Serialize)]
pub struct Blame {
    /// The revision its claim first appeared in (through edits).
    pub introduced: u32,
    /// The revision that last changed it (its wording, quote or speaker).
    pub changed: u32,
    /// How that revision changed it: added, restored, reworded,
    /// quote_changed or reattributed.
    pub how: ChangeKind,
}

/// The statements of revision `upto` of a story, each with its blame.
pub fn blame(store: &Store, story: &str, upto: u32) -> Result<Vec<(Statement, Blame)>, CliError> {
    let s = store.require_story(story)?;
    let rev = store.require_revision(&s, upto)?;
    let statements = stored_statements(store, &rev)?;
    // On a server, every statement's runs in one round trip.
    let hashes: Vec<Hash32> = statements.iter().filter_map(|st| st.hash.parse().ok()).collect();
    store.read_ahead(&hashes.iter().map(|h| Ahead::RunsIn(h, story)).collect::<Vec<_>>())?;
    let mut runs: HashMap<Hash32, Vec<Run>> = HashMap::new();
    let mut out = Vec::with_capacity(statements.len());
    for st in statements {
        let hash: Hash32 =
            st.hash.parse().map_err(|_| CliError::new(format!("statement {} has a malformed hash", st.hash)))?;
        if let std::collections::hash_map::Entry::Vacant(e) = runs.entry(hash) {
            e.insert(store.runs_in(&hash, story)?);
        }
        let speaker = st.speaker.as_ref().map(|s| s.id.as_str());
        let held = runs[&hash].iter().filter(|r| r.holds(upto));
        let run = held.clone().find(|r| r.speaker.as_deref() == speaker).or_else(|| held.clone().next());
        let run = run.ok_or_else(|| {
            CliError::new(format!("statement {} of {story}@{upto} is missing from the run index", hash.short()))
                .with_hint("run `claimtrail verify`")
        })?;
        let how = ChangeKind::from_name(&run.how).unwrap_or(ChangeKind::Added);
        let blame = match how {
            // Paired with the parent's statement unchanged: an older run's blame.
            ChangeKind::Unchanged | ChangeKind::Moved => {
                Blame { introduced: run.introduced, changed: run.introduced, how: ChangeKind::Added }
            }
            _ => Blame { introduced: run.introduced, changed: run.first, how },
        };
        out.push((st, blame));
    }
    Ok(out)
}
