//! `claimtrail import ARCHIVE.warc[.gz]` (or a directory of them): every
//! capture of an article page becomes a revision of the story for its URL,
//! captured at its WARC-Date, the payload kept as the raw evidence.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use claimtrail_store::{Recorded, blob_id, validate_story_id};
use serde::Serialize;

use super::{Capture, Skipped};
use crate::commands::Ctx;
use crate::commands::input::{Source, check_recordable, document_of};
use crate::error::{CliError, Result, exit};
use crate::record::{Prepared, latest_statements, story_speakers};
use crate::track::{canonical_url, story_for_url};

/// What a WARC import did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    pub files: u64,
    pub recorded: u64,
    pub stories: u64,
    /// Captures already in the store (same story, time and page).
    pub already: u64,
    /// Captures whose article text equals the revision before.
    pub unchanged: u64,
    pub skipped: Skipped,
}

/// A capture ready to record.
struct Planned {
    story: String,
    source: String,
    url: Option<String>,
    at: DateTime<Utc>,
    number: Option<u32>,
    payload: Vec<u8>,
}

pub fn run(ctx: &mut Ctx, path: &Path, max_bytes: u64) -> Result<u8> {
    let files: Vec<PathBuf> = if path.is_dir() {
        super::warc_files(path).map_err(|e| CliError::input(path, &e))?
    } else {
        vec![path.to_path_buf()]
    };
    let mut summary = Summary { files: files.len() as u64, ..Summary::default() };
    // Read and check every file before the store is opened.
    let mut planned: Vec<Planned> = Vec::new();
    for file in &files {
        let (captures, skipped) = super::read_file(file, max_bytes).map_err(|e| {
            CliError::new(format!("cannot import {e}")).with_hint("give a WARC file (.warc or .warc.gz) or an export")
        })?;
        add_skipped(&mut summary.skipped, &skipped);
        for c in captures {
            match plan(file, c)? {
                Some(p) => planned.push(p),
                None => summary.skipped.failed += 1,
            }
        }
    }
    // Each story's captures in time order (stable: a tie keeps file order);
    // pages claimtrail exported keep their revision order, which an
    // explicit --at may have set against the clock.
    planned.sort_by(|a, b| {
        let order = match (a.number, b.number) {
            (Some(x), Some(y)) => x.cmp(&y),
            _ => a.at.cmp(&b.at),
        };
        a.story.cmp(&b.story).then(order)
    });
    // Every page must be one `record` would take (the same bounds), before
    // the first write: a WARC is imported whole or not at all. Each page
    // is read once; its document is kept for recording.
    let mut documents = Vec::with_capacity(planned.len());
    for p in &planned {
        let source = source_of(&p.source);
        let document = document_of(&source, &p.payload)?;
        check_recordable(&source, &document)?;
        documents.push(document);
    }
    let mut store = ctx.open_store()?;
    let mut story = String::new();
    let mut known = BTreeMap::new();
    let mut have: HashSet<(DateTime<Utc>, claimtrail_store::Hash32)> = HashSet::new();
    let mut touched = HashSet::new();
    for (p, document) in planned.into_iter().zip(documents) {
        if p.story != story {
            story.clone_from(&p.story);
            known = story_speakers(&store, &story)?;
            have = store.revisions(&story)?.into_iter().map(|r| (r.captured_at, r.raw)).collect();
        }
        if have.contains(&(p.at, blob_id(&p.payload))) {
            summary.already += 1;
            continue;
        }
        let mut prepared = Prepared::new(p.payload, p.source.clone(), document);
        prepared.drop_site_furniture(&store, &story, p.url.as_deref())?;
        let previous = latest_statements(&store, &story)?;
        let new = prepared.to_revision(&story, &mut known, &previous, p.at, p.url.as_deref(), None)?;
        match store.record_revision(new)? {
            Recorded::New { .. } => {
                summary.recorded += 1;
                touched.insert(story.clone());
            }
            Recorded::Unchanged { .. } => summary.unchanged += 1,
        }
    }
    summary.stories = touched.len() as u64;
    if ctx.out.json() {
        ctx.out.write_json(&summary)?;
    } else {
        let s = &summary.skipped;
        ctx.out.line(&format!(
            "imported {} revisions into {} stories from {} WARC files ({} already there, {} unchanged); skipped {} records: {} revisits, {} not articles, {} failed, {} too large",
            summary.recorded,
            summary.stories,
            summary.files,
            summary.already,
            summary.unchanged,
            s.total(),
            s.revisits,
            s.not_articles,
            s.failed,
            s.too_large
        ))?;
    }
    Ok(exit::OK)
}

fn add_skipped(total: &mut Skipped, more: &Skipped) {
    total.revisits += more.revisits;
    total.not_articles += more.not_articles;
    total.failed += more.failed;
    total.too_large += more.too_large;
}

fn source_of(source: &str) -> Source {
    if source.starts_with("http://") || source.starts_with("https://") {
        Source::Url(source.to_string())
    } else {
        Source::File(PathBuf::from(source))
    }
}

/// Where a capture goes: the story claimtrail wrote it under, else the one
/// for its canonical URL. None for a capture of no http(s) page.
fn plan(file: &Path, c: Capture) -> Result<Option<Planned>> {
    let canonical = canonical_url(&c.url).ok();
    let story = match (&c.story, &canonical) {
        (Some(s), _) => {
            validate_story_id(s).map_err(|e| CliError::new(format!("cannot import {}: {e}", file.display())))?;
            s.clone()
        }
        (None, Some(u)) => story_for_url(u),
        (None, None) => return Ok(None),
    };
    let url = canonical.is_some().then(|| c.url.clone());
    let source = c.source.unwrap_or_else(|| c.url.clone());
    Ok(Some(Planned { story, source, url, at: c.at, number: c.revision, payload: c.payload }))
}
