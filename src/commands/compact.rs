//! `claimtrail compact`: give sled's emptied space back to the file system.

use std::io::IsTerminal;

use claimtrail_store::{Store, StoreError};

use crate::commands::Ctx;
use crate::error::{CliError, Result};

/// Rewrite the store's database without the space sled has emptied.
///
/// sled keeps the space of data it has rewritten inside its file, and lays
/// out pages for writing, not for reading: small pages, each kept as its
/// first version plus up to nine later changes that are read one by one,
/// and every command starts by reading an index of all of them. After a
/// large `import`, a `reanalyze` or months of tracking, a quarter or more
/// of the file can be free. Compacting writes the database again with the
/// free space left out, with pages packed about six to the former one and
/// each written whole, so the store is smaller and every command opens and
/// reads it faster.
/// Run it after a bulk `import` or `reanalyze`, and now and then on a store
/// that `track` keeps writing.
///
/// Every key is copied into a new database beside the old one, the copy is
/// read back and checked against the original, and only then are the two
/// swapped in one atomic step; a copy no smaller than the database (a store
/// freshly imported holds little to free) is thrown away instead, and the
/// store left as it was. Killed at any point, the store is the old
/// database or the new one, whole; the next `compact` removes a copy left
/// unfinished. The store's contents, `verify` root and `export` do not
/// change. Needs free disk space for one more copy of the database; other
/// commands wait while it runs (or fail at once without `--wait`).
///
/// Only for a sled store: PostgreSQL reclaims space itself.
///
/// Examples:
///   claimtrail compact
///   claimtrail --store ~/newsroom compact --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {}

pub fn run(ctx: &mut Ctx, _args: Args) -> Result<u8> {
    let dir = ctx.store_dir()?;
    if let Some(address) = dir.to_str().filter(|p| claimtrail_store::is_postgres_address(p)) {
        return Err(StoreError::NotOnPostgres {
            address: claimtrail_store::redacted_address(address),
            command: "compact",
            why: "the server reclaims the space of deleted rows itself (autovacuum)",
        }
        .into());
    }
    if Store::lost_database(&dir) {
        return Err(claimtrail_store::StoreError::DatabaseMissing { path: dir }.into());
    }
    if !Store::exists(&dir) {
        return Err(CliError::new(format!("no store at {}", dir.display()))
            .with_hint("`claimtrail record` creates one; pass --store to compact another"));
    }
    // Every page is read once: a small cache holds less memory for no loss.
    ctx.cache_bytes = Some(claimtrail_store::BULK_CACHE_BYTES);
    // Opened to read (no background flusher: see `Store::compact`), yet
    // as a writer: no waiting unless --wait, and the lock held throughout.
    let mut options = ctx.open_options(false);
    options.read_only = true;
    let store = Store::open_with(&dir, &options)?;
    let bar = if ctx.out.json() || !std::io::stderr().is_terminal() {
        indicatif::ProgressBar::hidden()
    } else {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template("{spinner} {pos} keys copied  {per_sec}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    };
    let done = store.compact(&|keys| bar.set_position(keys));
    bar.finish_and_clear();
    let done = done?;
    if ctx.out.json() {
        ctx.out.write_json(&done)?;
        return Ok(0);
    }
    if done.leftover_bytes > 0 {
        ctx.out.line(&format!(
            "removed the unfinished copy of an interrupted compaction ({})",
            megabytes(done.leftover_bytes)
        ))?;
    }
    if done.kept {
        ctx.out.line(&format!(
            "nothing to gain: {} takes {} on disk and a compacted copy took {}; the store was left as it was ({} keys copied and checked)",
            dir.display(),
            megabytes(done.before_bytes),
            megabytes(done.after_bytes),
            done.keys
        ))?;
        return Ok(0);
    }
    let saved = done.before_bytes.saturating_sub(done.after_bytes);
    ctx.out.line(&format!(
        "compacted {}: {} → {} on disk ({} freed), {} keys copied and checked",
        dir.display(),
        megabytes(done.before_bytes),
        megabytes(done.after_bytes),
        megabytes(saved),
        done.keys
    ))?;
    Ok(0)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
