//! `claimtrail stories`: what the store holds.

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::output::Table;
use crate::time::human;

/// List the stories in the store with their revision counts.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

#[derive(Serialize)]
struct Row {
    story: String,
    title: Option<String>,
    url: Option<String>,
    revisions: u32,
    last_captured_at: Option<chrono::DateTime<chrono::Utc>>,
}

pub fn run(ctx: &mut Ctx, _args: Args) -> Result<u8> {
    let stories = match ctx.open_existing_store()? {
        Some(store) => store.stories()?,
        None => Vec::new(),
    };
    let rows: Vec<Row> = stories
        .into_iter()
        .map(|s| Row {
            story: s.id,
            title: s.title,
            url: s.url,
            revisions: s.revisions,
            last_captured_at: s.last_captured_at,
        })
        .collect();
    if ctx.out.json() {
        ctx.out.write_json(&rows)?;
        return Ok(exit::OK);
    }
    if rows.is_empty() {
        ctx.out.line("no stories yet: `claimtrail record STORY FILE` records one")?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["STORY", "REVISIONS", "LAST CAPTURED", "TITLE"], p);
    for r in &rows {
        t.row(vec![
            p.cyan(&r.story),
            r.revisions.to_string(),
            r.last_captured_at.as_ref().map(human).unwrap_or_default(),
            r.title.clone().unwrap_or_default(),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
