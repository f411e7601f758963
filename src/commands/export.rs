//! `claimtrail export`: the store, or one story, as JSON lines (a backup
//! that `claimtrail import` restores exactly).

use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use claimtrail_store::Store;

use crate::backup::{CheckLine, FORMAT_NAME, FORMAT_VERSION, Line, RevisionLine};
use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};

/// Write the whole store, or one story, as JSON lines, raw inputs included.
///
/// `claimtrail import FILE` into an empty store reproduces it exactly: the
/// same revision ids, aliases, watched URLs and check log, and `verify`
/// passes. The format is described in the README ("Backups").
///
/// With -o, a regular file is replaced only once the export is complete,
/// keeping its permissions (a new file is created readable by you alone).
/// A symbolic link is followed to its target, which is replaced the same
/// way; the link stays. Anything else (a FIFO, a terminal, /dev/null,
/// /proc/self/fd/1) is written through, never replaced.
///
/// Examples:
///   claimtrail export -o backup.jsonl
///   claimtrail export --story taji | gzip > taji.jsonl.gz
///   claimtrail export --story taji --warc -o taji.warc.gz
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only this story.
    #[arg(long, value_name = "STORY")]
    pub story: Option<String>,
    /// Write to this file instead of standard output (a regular file is
    /// replaced only once the export is complete).
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
    let target = args.output.as_deref().map(Target::of).transpose()?;
    match target {
        None => {
            write_export(store.as_ref(), args.story.as_deref(), &mut ctx.out.w)?;
        }
        Some(target) => {
            let path = args.output.as_deref().unwrap_or(Path::new("-"));
            let fail = |e: std::io::Error| CliError::new(format!("cannot write {}: {e}", path.display()));
            let revisions = target.write(path, |w| write_export(store.as_ref(), args.story.as_deref(), w), fail)?;
            eprintln!("exported {revisions} revisions to {}", path.display());
        }
    }
    Ok(exit::OK)
}

/// Write the export line by line (never the whole of it in memory);
/// returns how many revisions it holds.
fn write_export(store: Option<&Store>, only: Option<&str>, w: &mut dyn Write) -> Result<u64> {
    let mut put = |line: &Line| -> Result<()> {
        serde_json::to_writer(&mut *w, line)?;
        w.write_all(b"\n")?;
        Ok(())
    };
    put(&Line::Header { format: FORMAT_NAME.into(), version: FORMAT_VERSION })?;
    let Some(store) = store else { return Ok(0) };
    let stories = match only {
        Some(s) => vec![store.require_story(s)?],
        None => store.stories()?,
    };
    let mut revisions = 0;
    let mut speakers = BTreeSet::new();
    for story in &stories {
        for rev in store.revisions(&story.id)? {
            let line = RevisionLine::from_store(store, &rev, story.url.clone(), story.title.clone())?;
            speakers.extend(line.speakers.iter().map(|s| s.id.clone()));
            put(&Line::Revision(Box::new(line)))?;
            revisions += 1;
        }
    }
    // An alias travels with the speakers it joins: one story's export
    // carries only the merges among its own speakers, so that it imports.
    for (from, into) in store.aliases()? {
        if only.is_none() || (speakers.contains(&from) && speakers.contains(&into)) {
            put(&Line::Alias { from, into })?;
        }
    }
    let exported: BTreeSet<&str> = stories.iter().map(|s| s.id.as_str()).collect();
    for watch in store.watches()? {
        if exported.contains(watch.story.as_str()) {
            put(&Line::Watch(Box::new(watch)))?;
        }
    }
    for story in &stories {
        for check in store.checks(&story.id)? {
            put(&Line::Check(Box::new(CheckLine::from_store(store, &story.id, check)?)))?;
        }
    }
    Ok(revisions)
}

/// What `-o PATH` names, and so how to write it.
enum Target {
    /// A regular file, or none yet: write beside it and rename over it, so a
    /// failed export never leaves a truncated backup where a good one was.
    /// The path is the real one (symbolic links followed); `mode` is the
    /// existing file's, kept.
    Replace { path: PathBuf, mode: Option<u32> },
    /// A FIFO, a terminal, a device, a pipe behind /proc/self/fd: written
    /// through. Renaming over it would replace the device with a file.
    WriteThrough,
}

impl Target {
    fn of(path: &Path) -> Result<Target> {
        use std::os::unix::fs::PermissionsExt;
        let what = |e: std::io::Error| CliError::new(format!("cannot write {}: {e}", path.display()));
        let link = std::fs::symlink_metadata(path).ok().filter(|m| m.file_type().is_symlink());
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Err(CliError::new(format!("cannot write {}: it is a directory", path.display()))
                .with_hint("give a file name, such as backup.jsonl")),
            Ok(m) if m.is_file() => {
                let real = if link.is_some() { std::fs::canonicalize(path).map_err(what)? } else { path.to_path_buf() };
                Ok(Target::Replace { path: real, mode: Some(m.permissions().mode()) })
            }
            Ok(_) => Ok(Target::WriteThrough),
            Err(_) if link.is_some() => Err(CliError::new(format!(
                "cannot write {}: it is a symbolic link to nothing ({})",
                path.display(),
                std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default()
            ))
            .with_hint("create the link's target first, or give another file name")),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Ok(Target::Replace { path: path.to_path_buf(), mode: None })
            }
            Err(e) => Err(what(e)),
        }
    }

    fn write(
        self,
        shown: &Path,
        body: impl FnOnce(&mut dyn Write) -> Result<u64>,
        fail: impl Fn(std::io::Error) -> CliError,
    ) -> Result<u64> {
        match self {
            Target::WriteThrough => {
                let f = std::fs::OpenOptions::new().write(true).open(shown).map_err(&fail)?;
                let mut w = std::io::BufWriter::new(f);
                let n = body(&mut w).map_err(|e| CliError::new(format!("cannot write {}: {e}", shown.display())))?;
                w.flush().map_err(&fail)?;
                Ok(n)
            }
            Target::Replace { path, mode } => {
                use std::os::unix::fs::PermissionsExt;
                let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
                let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(&fail)?;
                let n = {
                    let mut w = std::io::BufWriter::new(tmp.as_file_mut());
                    let n =
                        body(&mut w).map_err(|e| CliError::new(format!("cannot write {}: {e}", shown.display())))?;
                    w.flush().map_err(&fail)?;
                    n
                };
                if let Some(mode) = mode {
                    tmp.as_file().set_permissions(std::fs::Permissions::from_mode(mode)).map_err(&fail)?;
                }
                tmp.as_file().sync_all().map_err(&fail)?;
                tmp.persist(&path).map_err(|e| fail(e.error))?;
                Ok(n)
            }
        }
    }
}
