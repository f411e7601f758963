//! `claimtrail show`: one revision's metadata, statements and text.

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::extract::Statement;
use crate::output::{Table, ellipsize};
use crate::record::stored_statements;
use crate::revref::RevRef;
use crate::time::human;

/// Show a revision: its metadata, its statements with their speakers, and
/// its text.
///
/// Name the revision as STORY (the latest), STORY@N (by number), STORY@a1b2
/// (a unique prefix of its id, at least 4 hex digits) or STORY@latest.
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// STORY or STORY@REV.
    #[arg(value_name = "STORY[@REV]")]
    pub target: String,
    /// Leave out the text.
    #[arg(long)]
    pub no_text: bool,
}

#[derive(Serialize)]
struct JsonOut<'a> {
    story: &'a str,
    revision: &'a claimtrail_store::RevisionRecord,
    text: &'a str,
    statements: &'a [Statement],
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let target = RevRef::parse(&args.target)?;
    let store = ctx.require_existing_store(&target.story)?;
    let (story, rev) = target.resolve(&store)?;
    let text = store.text(&rev)?;
    let statements = stored_statements(&store, &rev)?;
    if ctx.out.json() {
        ctx.out.write_json(&JsonOut { story: &story.id, revision: &rev, text: &text, statements: &statements })?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let o = &mut ctx.out;
    o.line(&format!("{} {}", p.bold(&format!("{}@{}", story.id, rev.number)), p.yellow(&rev.id.to_hex())))?;
    o.line(&format!("captured  {}", human(&rev.captured_at)))?;
    o.line(&format!("source    {} ({}, {} bytes)", rev.source, rev.format, rev.raw_len))?;
    if let Some(parent) = rev.parent {
        o.line(&format!("parent    {}", parent.to_hex()))?;
    }
    if let Some(n) = rev.revert_of {
        o.line(&format!("revert    the text is that of revision {n}"))?;
    }
    for (k, v) in &rev.meta {
        // A page time without an offset is the page's local time: say so
        // rather than let it pass for UTC.
        let local = matches!(k.as_str(), "published" | "modified") && v.len() == 19;
        o.line(&format!("{k:<9} {v}{}", if local { " (local time, offset unknown)" } else { "" }))?;
    }
    o.line("")?;
    let attributed = statements.iter().filter(|s| s.speaker.is_some()).count();
    o.line(&p.bold(&format!("{} statements, {} attributed", statements.len(), attributed)))?;
    let mut t = Table::new(&["#", "SPEAKER", "ATTRIBUTION", "CONTENT"], p);
    for s in &statements {
        let speaker = s.speaker_names().unwrap_or_else(|| "—".to_string());
        t.row(vec![
            s.index.to_string(),
            p.cyan(&ellipsize(&speaker, 28)),
            s.attribution.as_str().to_string(),
            ellipsize(&s.content, 90),
        ]);
    }
    t.write(o)?;
    if !args.no_text {
        o.line("")?;
        o.line(&p.bold("text"))?;
        o.line(&text)?;
    }
    Ok(exit::OK)
}
