//! `claimtrail log`: the revisions of a story, newest first.

use claimtrail_store::{RevisionRecord, StoreError};
use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::output::Table;
use crate::time::human;

/// List the revisions of a story, newest first.
///
/// Each revision shows its number (use it as STORY@N), the start of its
/// id (STORY@a1b2 works too), when it was captured, where it came from and
/// its size.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The story id.
    #[arg(value_name = "STORY")]
    pub story: String,
    /// List the checks instead: every capture `track` compared, including
    /// those that recorded nothing (unchanged, HTTP 304, noise, errors).
    #[arg(long)]
    pub checks: bool,
}

#[derive(Serialize)]
struct Row<'a> {
    revision: u32,
    id: String,
    parent: Option<String>,
    captured_at: &'a chrono::DateTime<chrono::Utc>,
    source: &'a str,
    format: &'a str,
    bytes: u64,
    text_bytes: u64,
    revert_of: Option<u32>,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    claimtrail_store::validate_story_id(&args.story)?;
    let Some(store) = ctx.open_existing_store()? else {
        return Err(StoreError::UnknownStory(args.story).into());
    };
    // A story that `track` checked but never recorded has checks only.
    if !args.checks || store.checks(&args.story)?.is_empty() {
        store.require_story(&args.story)?;
    }
    if args.checks {
        let mut checks = store.checks(&args.story)?;
        checks.reverse();
        if ctx.out.json() {
            ctx.out.write_json(&checks)?;
            return Ok(exit::OK);
        }
        let p = ctx.out.palette;
        let mut t = Table::new(&["CHECKED", "OUTCOME", "REV", "DETAIL"], p);
        for c in &checks {
            t.row(vec![
                human(&c.at),
                c.outcome.clone(),
                c.revision.map(|n| n.to_string()).unwrap_or_default(),
                c.detail.clone().unwrap_or_default(),
            ]);
        }
        if checks.is_empty() {
            ctx.out.line("no checks: `claimtrail track` logs them")?;
        } else {
            t.write(&mut ctx.out)?;
        }
        return Ok(exit::OK);
    }
    let mut revs: Vec<RevisionRecord> = store.revisions(&args.story)?;
    revs.reverse();
    if ctx.out.json() {
        let rows: Vec<Row> = revs
            .iter()
            .map(|r| Row {
                revision: r.number,
                id: r.id.to_hex(),
                parent: r.parent.map(|p| p.to_hex()),
                captured_at: &r.captured_at,
                source: &r.source,
                format: &r.format,
                bytes: r.raw_len,
                text_bytes: r.text_len,
                revert_of: r.revert_of,
            })
            .collect();
        ctx.out.write_json(&rows)?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["REV", "ID", "CAPTURED", "SOURCE", "SIZE", ""], p);
    for r in &revs {
        t.row(vec![
            r.number.to_string(),
            p.yellow(&r.id.short()),
            human(&r.captured_at),
            r.source.clone(),
            format!("{} B", r.raw_len),
            r.revert_of.map(|n| format!("revert of {n}")).unwrap_or_default(),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
