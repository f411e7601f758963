//! A story's statements followed through its revisions with the claim
//! diff: where each statement of a revision came from (blame), and what
//! became of a statement after the last revision that carried it (fate).

use std::collections::HashMap;

use claimtrail_store::{Hash32, Store};
use serde::Serialize;

use crate::diff::{self, ChangeKind, ClaimDiff};
use crate::error::CliError;
use crate::extract::Statement;
use crate::query::Status;
use crate::record::{stored_statements, stored_statements_with};

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

/// The statements of a revision, each with its blame.
pub fn blame(store: &Store, story: &str, upto: u32) -> Result<Vec<(Statement, Blame)>, CliError> {
    let mut prev: Vec<(Statement, Blame)> = Vec::new();
    let mut contents = HashMap::new();
    for rev in store.revisions(story)?.into_iter().take_while(|r| r.number <= upto) {
        let current = stored_statements_with(store, &rev, &mut contents)?;
        if prev.is_empty() && rev.number == 1 {
            prev =
                current.into_iter().map(|s| (s, Blame { introduced: 1, changed: 1, how: ChangeKind::Added })).collect();
            continue;
        }
        let old: Vec<Statement> = prev.iter().map(|(s, _)| s.clone()).collect();
        let by_old_index: HashMap<usize, &Blame> = prev.iter().map(|(s, b)| (s.index, b)).collect();
        let d = diff::diff_statements(&old, &current);
        let mut blames: HashMap<usize, Blame> = HashMap::new();
        for c in &d.changes {
            let inherited = c.from.as_ref().and_then(|f| by_old_index.get(&f.index)).copied();
            let new_blame = match (c.change, inherited) {
                (ChangeKind::Unchanged | ChangeKind::Moved, Some(b)) => b.clone(),
                (ChangeKind::Reworded | ChangeKind::QuoteChanged | ChangeKind::Reattributed, Some(b)) => {
                    Blame { introduced: b.introduced, changed: rev.number, how: c.change }
                }
                _ => Blame { introduced: rev.number, changed: rev.number, how: c.change },
            };
            for s in c.to.iter().chain(&c.also_to) {
                blames.insert(s.index, new_blame.clone());
            }
        }
        prev = current
            .into_iter()
            .map(|s| {
                let b = blames.remove(&s.index).unwrap_or(Blame {
                    introduced: rev.number,
                    changed: rev.number,
                    how: ChangeKind::Added,
                });
                (s, b)
            })
            .collect();
    }
    Ok(prev)
}

/// Diffs between consecutive revisions, cached for one query.
#[derive(Debug, Default)]
pub struct Fates {
    diffs: HashMap<(String, u32), ClaimDiff>,
}

impl Fates {
    /// What happened to statement `hash` of `story` in the revision after
    /// `last_seen`, the first one without it.
    pub fn fate(&mut self, store: &Store, story: &str, hash: &Hash32, last_seen: u32) -> Result<Status, CliError> {
        let key = (story.to_string(), last_seen);
        if !self.diffs.contains_key(&key) {
            let s = store.require_story(story)?;
            let a = store.require_revision(&s, last_seen)?;
            let b = store.require_revision(&s, last_seen + 1)?;
            let d = diff::diff_statements(&stored_statements(store, &a)?, &stored_statements(store, &b)?);
            self.diffs.insert(key.clone(), d);
        }
        let hex = hash.to_hex();
        let next = last_seen + 1;
        let change = self.diffs[&key].changes.iter().find(|c| c.from.iter().chain(&c.also_from).any(|f| f.hash == hex));
        Ok(match change {
            Some(c) if matches!(c.change, ChangeKind::Reworded | ChangeKind::QuoteChanged) => Status::Reworded {
                revision: next,
                into: c.to.as_ref().map(|t| t.hash.clone()).unwrap_or_default(),
                quote_changed: c.change == ChangeKind::QuoteChanged,
            },
            Some(c) if c.change == ChangeKind::Reattributed => Status::Reattributed {
                revision: next,
                into: c.to.as_ref().map(|t| t.hash.clone()).unwrap_or_default(),
                to: c.to.as_ref().and_then(|t| t.speaker.as_ref()).map(|s| s.name.clone()),
            },
            _ => Status::Removed { revision: next },
        })
    }
}
