//! `claimtrail history`: one claim's trail across every story and revision.

use claimtrail_store::Hash32;
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};
use crate::query::{SpeakerIndex, Trail, View};
use crate::record::terms;

/// Show where a claim occurs: every story and revision, who it was
/// attributed to there, and what became of it.
///
/// CLAIM is the start of a statement hash (at least 4 hex digits, as shown
/// by `extract --format json` or `show --format json`) or words of its
/// content; words that match several statements show each of them. The
/// claim is followed into every story that renders it, in its own words
/// too (a quote shortened, reworded or given to someone else: see
/// `claimtrail variants`); such renderings name their variant group.
///
/// Examples:
///   claimtrail history 3f9a1c
///   claimtrail history "all options are on the table"
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A statement hash prefix, or words of the claim.
    #[arg(value_name = "CLAIM", required = true)]
    pub claim: Vec<String>,
    /// Show at most this many claims.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub limit: usize,
}

#[derive(Serialize)]
struct Claim {
    hash: String,
    content: String,
    /// The variant group (`claimtrail variants`) the claim is in, when
    /// other stories render it too.
    #[serde(skip_serializing_if = "Option::is_none")]
    group: Option<String>,
    trail: Vec<Trail>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let claim = args.claim.join(" ");
    let store = ctx
        .open_existing_store()?
        .ok_or_else(|| CliError::new(format!("no claim matches {claim:?}: the store is empty")))?;
    let is_hex = claim.len() >= 4 && claim.len() <= 64 && claim.bytes().all(|b| b.is_ascii_hexdigit());
    let mut hashes: Vec<Hash32> = if is_hex { store.statements_by_prefix(&claim, args.limit + 1)? } else { Vec::new() };
    if hashes.is_empty() {
        let wanted = terms(&claim);
        for key in crate::query::words::matching_keys(&store, &wanted)? {
            hashes.extend(crate::query::words::statements_of(&store, key, &wanted)?);
            if hashes.len() > args.limit {
                break;
            }
        }
    }
    if hashes.is_empty() {
        return Err(CliError::new(format!("no claim matches {claim:?}"))
            .with_hint("give words of the claim or at least 4 hex digits of its hash"));
    }
    hashes.truncate(args.limit);
    let speakers = SpeakerIndex::load(&store)?;
    // Follow each claim into the stories that render it in other words
    // (when the store has its variant index; `reanalyze` builds it).
    let mut groups: Vec<(Hash32, String)> = Vec::new();
    if store.near_ready()? {
        let mut grouper = crate::variants::Grouper::new(&store)?;
        grouper.expand(&hashes)?;
        let wanted: std::collections::HashSet<Hash32> = hashes.iter().copied().collect();
        for g in grouper.groups(&speakers, Some(&wanted))? {
            for m in &g.members {
                let h: Hash32 = m.hash.parse().map_err(|e| CliError::new(format!("internal error: {e}")))?;
                if !groups.iter().any(|(k, _)| *k == h) {
                    groups.push((h, g.id.clone()));
                }
            }
        }
    }
    for (h, _) in &groups {
        if !hashes.contains(h) {
            hashes.push(*h);
        }
    }
    let mut view = View::new(&store);
    let mut claims = Vec::new();
    for h in hashes {
        let mut trail = view.trails(store.runs_of(&h)?)?;
        // A trail reads in the order the claim was seen, across stories
        // (the view gives them by story).
        trail.sort_by(|a, b| {
            (a.first_captured_at, &a.story, a.first_seen).cmp(&(b.first_captured_at, &b.story, b.first_seen))
        });
        let group = groups.iter().find(|(k, _)| *k == h).map(|(_, g)| g.clone());
        claims.push(Claim { hash: h.to_hex(), content: view.content(&h)?, group, trail });
    }
    if ctx.out.json() {
        ctx.out.write_json(&claims)?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    for (i, c) in claims.iter().enumerate() {
        if i > 0 {
            ctx.out.line("")?;
        }
        let group = c.group.as_ref().map_or_else(String::new, |g| p.dim(&format!("  (variant group {g})")));
        ctx.out.line(&format!("{} {}{group}", p.yellow(&c.hash[..12]), p.bold(&c.content)))?;
        for t in &c.trail {
            let who = t.speaker.as_ref().map_or_else(|| "unattributed".to_string(), |s| speakers.display(s));
            let revs: Vec<String> = t.revisions.iter().map(u32::to_string).collect();
            ctx.out.line(&format!(
                "  {}  revisions {}  {} ({})  first seen {}  {}",
                p.cyan(&t.story),
                revs.join(","),
                who,
                t.attribution,
                crate::time::human(&t.first_captured_at),
                t.status.describe()
            ))?;
        }
    }
    Ok(exit::OK)
}
