//! `claimtrail export --warc`: a story's (or every story's) recorded raw
//! pages as WARC `resource` records, oldest first.

use std::io::Write;
use std::path::Path;

use claimtrail_store::Store;

use crate::commands::Ctx;
use crate::error::{CliError, Result, exit};

pub fn run(ctx: &mut Ctx, store: Option<&Store>, story: Option<&str>, output: Option<&Path>) -> Result<u8> {
    let mut buf = Vec::new();
    let mut revisions = 0u64;
    if let Some(store) = store {
        let stories = match story {
            Some(s) => vec![store.require_story(s)?],
            None => store.stories()?,
        };
        for s in &stories {
            for rev in store.revisions(&s.id)? {
                let raw = store.blob(&rev.raw)?;
                let url = [&rev.source, s.url.as_ref().unwrap_or(&rev.source)]
                    .into_iter()
                    .find(|u| u.starts_with("http://") || u.starts_with("https://"))
                    .map(String::as_str);
                super::write::recorded_page(
                    &mut buf,
                    &s.id,
                    rev.number,
                    &rev.source,
                    url,
                    &rev.format,
                    rev.captured_at,
                    &raw,
                )?;
                revisions += 1;
            }
        }
    }
    match output {
        None => ctx.out.w.write_all(&buf)?,
        Some(path) => {
            // Beside the target, then renamed: never a half-written archive.
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let fail = |e: std::io::Error| CliError::new(format!("cannot write {}: {e}", path.display()));
            let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(fail)?;
            tmp.write_all(&buf).map_err(fail)?;
            tmp.as_file().sync_all().map_err(fail)?;
            tmp.persist(path).map_err(|e| fail(e.error))?;
            eprintln!("exported {revisions} revisions as WARC records to {}", path.display());
        }
    }
    Ok(exit::OK)
}
