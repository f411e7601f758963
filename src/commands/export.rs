//! `claimtrail export`: the store, or one story, as JSON lines (a backup
//! that `claimtrail import` restores exactly).

use std::io::Write;
use std::path::PathBuf;

use crate::backup::{FORMAT_NAME, FORMAT_VERSION, Line, RevisionLine};
use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};

/// Write the whole store, or one story, as JSON lines, raw inputs included.
///
/// `claimtrail import FILE` into an empty store reproduces it exactly: the
/// same revision ids, and `verify` passes. The format is described in the
/// README ("Backups").
///
/// Examples:
///   claimtrail export -o backup.jsonl
///   claimtrail export --story taji | gzip > taji.jsonl.gz
///   claimtrail export --story taji --warc -o taji.warc.gz
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this story.
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// Write to this file instead of standard output (replaced only once the
    /// export is complete).
    #[arg(short = 'o', long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write the recorded raw pages as a web archive (WARC 1.1, gzip per
    /// record) instead: one `resource` record per revision, which `import`
    /// reads back into the same revisions.
    #[arg(long)]
    pub warc: bool,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    if let Some(s) = &args.story {
        claimtrail_store::validate_story_id(s)?;
    }
    let store = match (ctx.open_existing_store()?, &args.story) {
        (Some(store), _) => Some(store),
        (None, Some(s)) => return Err(claimtrail_store::StoreError::UnknownStory(s.clone()).into()),
        (None, None) => None,
    };
    if args.warc {
        return crate::warc::export::run(ctx, store.as_ref(), args.story.as_deref(), args.output.as_deref());
    }
    let mut lines: Vec<Line> = vec![Line::Header { format: FORMAT_NAME.into(), version: FORMAT_VERSION }];
    if let Some(store) = &store {
        let stories = match &args.story {
            Some(s) => vec![store.require_story(s)?],
            None => store.stories()?,
        };
        for story in &stories {
            for rev in store.revisions(&story.id)? {
                lines.push(Line::Revision(Box::new(RevisionLine::from_store(
                    store,
                    &rev,
                    story.url.clone(),
                    story.title.clone(),
                )?)));
            }
        }
        for (from, into) in store.aliases()? {
            lines.push(Line::Alias { from, into });
        }
    }
    match &args.output {
        None => {
            for line in &lines {
                serde_json::to_writer(&mut ctx.out.w, line)?;
                ctx.out.w.write_all(b"\n")?;
            }
        }
        Some(path) => {
            // Write beside the target and rename: a failed export never
            // leaves a truncated backup where a good one was.
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            let fail = |e: std::io::Error| CliError::new(format!("cannot write {}: {e}", path.display()));
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
            {
                let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                for line in &lines {
                    serde_json::to_writer(&mut w, line).map_err(|e| fail(e.into()))?;
                    w.write_all(b"\n").map_err(fail)?;
                }
                w.flush().map_err(fail)?;
            }
            tmp.as_file().sync_all().map_err(fail)?;
            tmp.persist(path).map_err(|e| fail(e.error))?;
            let revisions = lines.iter().filter(|l| matches!(l, Line::Revision(_))).count();
            eprintln!("exported {revisions} revisions to {}", path.display());
        }
    }
    Ok(exit::OK)
}
