//! `claimtrail verify`: prove the store's history intact, or say where not.

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::extract::normalize::content_hash;

/// Check the whole store: recompute every hash, walk every revision chain,
/// check every record and index entry.
///
/// Exits 0 when the store is intact and 1 when anything is damaged, naming
/// the story and revision of each problem.
#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(ctx: &mut Ctx, _args: Args) -> Result<u8> {
    let Some(store) = ctx.open_existing_store()? else {
        let path = ctx.store_dir()?;
        return Err(crate::error::CliError::new(format!("no store at {}", path.display()))
            .with_hint("`claimtrail record` creates one; pass --store to check another"));
    };
    // Reading a large store takes a while: show how far it is (on a
    // terminal only, and not when printing JSON for a script).
    let bar = crate::output::progress_bar(store.counts()?.revisions, ctx.out.json());
    let report = store.verify_with_progress(&|content| content_hash(content), &|done| bar.set_position(done))?;
    bar.finish_and_clear();
    let code = if report.ok() { exit::OK } else { exit::NEGATIVE };
    if ctx.out.json() {
        #[derive(serde::Serialize)]
        struct JsonOut<'a> {
            ok: bool,
            #[serde(flatten)]
            report: &'a claimtrail_store::VerifyReport,
        }
        ctx.out.write_json(&JsonOut { ok: report.ok(), report: &report })?;
        return Ok(code);
    }
    let p = ctx.out.palette;
    ctx.out.line(&format!(
        "checked {} stories, {} revisions, {} blobs, {} statements, {} speakers, {} index entries",
        report.stories, report.revisions, report.blobs, report.statements, report.speakers, report.index_entries
    ))?;
    if report.ok() {
        ctx.out.line(&p.green("ok: every hash, chain and index entry checks out"))?;
    } else {
        for problem in &report.problems {
            ctx.out.line(&format!("{} {problem}", p.red("damaged:")))?;
        }
        ctx.out.line(&p.red(&format!("{} problems found", report.problems.len())))?;
    }
    Ok(code)
}
