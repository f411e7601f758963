//! `claimtrail verify`: prove the store's history intact, or say where not.

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::extract::normalize::content_hash;

/// Check the whole store: recompute every hash, walk every revision chain,
/// check every record and index entry.
///
/// Exits 0 when the store is intact and 1 when anything is damaged, naming
/// the story and revision of each problem.
///
/// Prints the store's root: one hash over every story's latest revision,
/// the chain of what was derived from each revision (statements, speakers,
/// metadata) and the alias table. Publish it; later, `verify --root HEX`
/// proves the store still holds exactly what it held then (exit 1 if not).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Also check the store against a root published earlier.
    #[arg(long, value_name = "HEX", value_parser = parse_root)]
    pub root: Option<claimtrail_store::Hash32>,
}

fn parse_root(s: &str) -> std::result::Result<claimtrail_store::Hash32, String> {
    s.trim().to_ascii_lowercase().parse().map_err(|e: claimtrail_store::BadHash| e.to_string())
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
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
    let mut report = report;
    if let Some(wanted) = args.root
        && report.root != Some(wanted)
    {
        report.problems.push(claimtrail_store::Problem {
            story: None,
            revision: None,
            detail: format!(
                "the store's root is {}, not the published {wanted}: something recorded or derived changed since",
                report.root.map_or_else(|| "unknown (damage above)".to_string(), |r| r.to_hex())
            ),
        });
    }
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
    if let Some(root) = report.root {
        ctx.out.line(&format!("root: {root}"))?;
    }
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
