//! `claimtrail alias` and `claimtrail unalias`: the user's own merges of
//! speakers ("Defense Department" is the Pentagon), honoured by every query.

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};
use crate::query::SpeakerIndex;

/// Merge speaker OTHER into SPEAKER for every query, or list the merges.
///
/// After `claimtrail alias Pentagon "Defense Department"`, `who Pentagon`
/// includes what the Defense Department said. Undo with `claimtrail
/// unalias "Defense Department"`.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct AliasArgs {
    /// The speaker to keep.
    #[arg(value_name = "SPEAKER", required_unless_present = "list")]
    pub speaker: Option<String>,
    /// The speaker to merge into it.
    #[arg(value_name = "OTHER", required_unless_present = "list")]
    pub other: Option<String>,
    /// List the merges instead.
    #[arg(long, conflicts_with_all = ["speaker", "other"])]
    pub list: bool,
}

/// Undo a merge made with `claimtrail alias`, or keep apart a spelling the
/// store counts as another speaker ("Defense Department" from "the
/// Pentagon"); run it again to undo that.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct UnaliasArgs {
    /// The speaker that was merged into another, or counted with others.
    #[arg(value_name = "OTHER")]
    pub other: String,
}

#[derive(Serialize)]
struct Merge {
    speaker: String,
    speaker_id: String,
    into: String,
    into_id: String,
}

pub fn run_alias(ctx: &mut Ctx, args: AliasArgs) -> Result<u8> {
    if args.list {
        let merges = match ctx.open_existing_store()? {
            Some(store) => {
                let index = SpeakerIndex::load(&store)?;
                let mut merges = Vec::new();
                for (from, into) in &index.aliases {
                    merges.push(Merge {
                        speaker: index.record(from)?.map_or_else(|| from.clone(), |r| r.name),
                        speaker_id: from.clone(),
                        into: index.display(into),
                        into_id: into.clone(),
                    });
                }
                merges
            }
            None => Vec::new(),
        };
        if ctx.out.json() {
            ctx.out.write_json(&merges)?;
        } else if merges.is_empty() {
            ctx.out.line("no aliases")?;
        } else {
            for m in &merges {
                if m.speaker_id == m.into_id {
                    ctx.out.line(&format!("{} kept apart", m.speaker))?;
                } else {
                    ctx.out.line(&format!("{} → {}", m.speaker, m.into))?;
                }
            }
        }
        return Ok(exit::OK);
    }
    let (Some(speaker), Some(other)) = (args.speaker, args.other) else {
        return Err(CliError::new("alias needs SPEAKER and OTHER, or --list"));
    };
    let store = ctx.open_existing_store()?.ok_or_else(|| CliError::new("the store has no speakers yet"))?;
    let index = SpeakerIndex::load(&store)?;
    let keep = index.resolve(&speaker)?;
    let merge = index.resolve(&other)?;
    if keep == merge {
        return Err(CliError::new(format!("{other:?} and {speaker:?} are already one speaker")));
    }
    store.set_alias(&merge, &keep)?;
    if ctx.out.json() {
        ctx.out.write_json(&Merge {
            speaker: index.display(&merge),
            speaker_id: merge.clone(),
            into: index.display(&keep),
            into_id: keep,
        })?;
    } else {
        ctx.out.line(&format!("{} is now counted as {}", index.display(&merge), index.display(&keep)))?;
    }
    Ok(exit::OK)
}

pub fn run_unalias(ctx: &mut Ctx, args: UnaliasArgs) -> Result<u8> {
    let store = ctx.open_existing_store()?.ok_or_else(|| CliError::new("the store has no aliases"))?;
    let index = SpeakerIndex::load(&store)?;
    // Find the speaker by its own names, not through a merge.
    let q = crate::speaker::name_key(&args.other);
    let named = |id: &str| -> Result<bool> {
        Ok(id == args.other
            || index
                .record(id)?
                .is_some_and(|r| std::iter::once(&r.name).chain(&r.aliases).any(|n| crate::speaker::name_key(n) == q)))
    };
    let mut found = None;
    for (id, into) in &index.aliases {
        if named(id)? {
            found = Some((id.clone(), into == id));
            break;
        }
    }
    let (id, message) = match found {
        // A user's merge, or a user's split: undone.
        Some((id, apart)) => {
            store.remove_alias(&id)?;
            let name = index.record(&id)?.map_or_else(|| id.clone(), |r| r.name);
            let m = if apart {
                format!("{name} is counted with its other spellings again")
            } else {
                format!("{name} is no longer merged by hand")
            };
            (id, m)
        }
        // A spelling the store counts with others: kept apart from now on.
        None => {
            let mut ids: Vec<String> = store.speakers_by_key(&format!("n:{q}"))?;
            if index.record(&args.other)?.is_some() {
                ids.insert(0, args.other.clone());
            }
            let mut apart = None;
            for id in ids {
                let resolved = index.resolve_identity(&id).ok();
                if resolved.is_some_and(|r| r.identity.members.len() > 1) {
                    apart = Some(id);
                    break;
                }
            }
            let id = apart.ok_or_else(|| {
                CliError::new(format!("{:?} is not merged into another speaker", args.other))
                    .with_hint("`claimtrail alias --list` shows the merges; `claimtrail speakers NAME` the spellings")
            })?;
            store.set_alias(&id, &id)?;
            let name = index.record(&id)?.map_or_else(|| id.clone(), |r| r.name);
            (id, format!("{name} is kept apart from its other spellings"))
        }
    };
    if ctx.out.json() {
        ctx.out.write_json(&serde_json::json!({"unmerged": id}))?;
    } else {
        ctx.out.line(&message)?;
    }
    Ok(exit::OK)
}
