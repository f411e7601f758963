//! `claimtrail blame`: which revision introduced each statement of a
//! revision, and which last changed it.

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::extract::Statement;
use crate::output::{Table, ellipsize};
use crate::query::lineage::{Blame, blame};
use crate::revref::RevRef;

/// For each statement of a revision: the revision that introduced its
/// claim and the one that last changed it, like `git blame` per claim.
///
/// Statements are followed through the story's revisions with the claim
/// diff (worked out when each revision was recorded), so a reworded quote
/// keeps the revision it was introduced in and shows the one that reworded
/// it, and a sentence an update dropped and a later one put back is
/// "restored", not new.
///
/// Examples:
///   claimtrail blame taji-strikes
///   claimtrail blame taji-strikes@2 --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// STORY or STORY@REV [default: the latest revision].
    #[arg(value_name = "STORY[@REV]")]
    pub target: String,
}

#[derive(Serialize)]
struct Row<'a> {
    #[serde(flatten)]
    statement: &'a Statement,
    introduced: u32,
    changed: u32,
    how: &'static str,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let target = RevRef::parse(&args.target)?;
    let store = ctx.require_existing_store(&target.story)?;
    let (story, rev) = target.resolve(&store)?;
    let rows = blame(&store, &story.id, rev.number)?;
    if ctx.out.json() {
        let out: Vec<Row> = rows
            .iter()
            .map(|(s, b): &(Statement, Blame)| Row {
                statement: s,
                introduced: b.introduced,
                changed: b.changed,
                how: b.how.as_str(),
            })
            .collect();
        ctx.out.write_json(&out)?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    ctx.out.line(&p.bold(&format!("{}@{} ({} statements)", story.id, rev.number, rows.len())))?;
    let mut t = Table::new(&["INTRODUCED", "CHANGED", "SPEAKER", "CONTENT"], p);
    for (s, b) in &rows {
        let changed =
            if b.changed == b.introduced { String::new() } else { format!("rev {} ({})", b.changed, b.how.label()) };
        // A restored claim says so once: where it came back.
        let intro = format!("rev {}", b.introduced);
        let speaker = s.speaker_names().unwrap_or_else(|| "—".to_string());
        let intro = if b.introduced == rev.number { p.green(&intro) } else { intro };
        t.row(vec![intro, p.yellow(&changed), p.cyan(&ellipsize(&speaker, 24)), ellipsize(&s.content, 80)]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}
