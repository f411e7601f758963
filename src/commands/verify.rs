//! `claimtrail verify`: prove the store's history intact, or say where not.

use std::collections::{BTreeMap, BTreeSet};

use claimtrail_store::{Journal, Problem, StoreError, VerifyReport};

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
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Also check the store against a root published earlier.
    #[arg(long, value_name = "HEX", value_parser = parse_root)]
    pub root: Option<claimtrail_store::Hash32>,
}

/// What checking one derived index found: its name, and the entries
/// checked with what is wrong, or why it could not be checked.
type IndexCheck = (&'static str, claimtrail_store::Result<(u64, Vec<Problem>)>);

/// The variant index against every statement's wording (see
/// `store/src/near.rs`), the furniture index against every revision's
/// text (`store/src/furniture.rs`), and the speaker records, name index,
/// aliases and search postings against the revisions' analyses and the
/// statements (`store/src/derived.rs`).
fn check_indexes(store: &claimtrail_store::Store) -> Vec<IndexCheck> {
    // The words of every statement, twice (fingerprints, terms): one
    // thread each.
    std::thread::scope(|scope| {
        let search = scope.spawn(|| {
            vec![
                ("search", store.verify_terms(&|content| crate::record::terms(content))),
                ("speaker", store.verify_speakers(&crate::speaker::keys::lookup_keys)),
            ]
        });
        let mut checks = vec![
            ("variant", store.verify_near(&crate::variants::prints)),
            ("furniture", store.verify_furniture(&crate::furniture::STORED_PAGES)),
        ];
        checks.extend(search.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)));
        checks
    })
}

/// Add the index checks to the report; damage that stops a check is one
/// more problem.
fn add_index_checks(report: &mut VerifyReport, checks: Vec<IndexCheck>) {
    for (index, outcome) in checks {
        match outcome {
            Ok((entries, problems)) => {
                report.index_entries += entries;
                report.problems.extend(problems);
            }
            Err(e) => report.problems.push(Problem {
                story: None,
                revision: None,
                detail: format!("the {index} index cannot be checked: {e}"),
            }),
        }
    }
    report.problems.sort_by(|a, b| (&a.story, a.revision).cmp(&(&b.story, b.revision)));
}

fn parse_root(s: &str) -> std::result::Result<claimtrail_store::Hash32, String> {
    s.trim().to_ascii_lowercase().parse().map_err(|e: claimtrail_store::BadHash| e.to_string())
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let mut report = match ctx.try_open_existing_store()? {
        None => {
            let path = ctx.store_dir()?;
            return Err(crate::error::CliError::new(format!("no store at {}", path.display()))
                .with_hint("`claimtrail record` creates one; pass --store to check another"));
        }
        Some(Ok(store)) => {
            // Reading a large store takes a while: show how far it is (on a
            // terminal only, and not when printing JSON for a script).
            let bar = crate::output::progress_bar(store.counts()?.revisions, ctx.out.json());
            // Before the walk counts revisions, every statement and speaker
            // key is read (seconds at 10M): say so, and keep the clock
            // moving, instead of a bar that sits at 0.
            bar.set_message("reading statements and speakers first");
            bar.enable_steady_tick(std::time::Duration::from_millis(250));
            let walking = std::sync::atomic::AtomicBool::new(false);
            // The derived indexes are checked on a second thread while the
            // chains are walked: they read other keys, and on a big store
            // each takes a good share of the time.
            // On PostgreSQL, both threads' scans check the typed columns
            // of the tables they read whole; the rest are read after.
            let checked = store.with_column_check(|| {
                std::thread::scope(|scope| {
                    let indexes = scope.spawn(|| check_indexes(&store));
                    let report = store.verify_with_progress(&|content| content_hash(content), &|done| {
                        if !walking.swap(true, std::sync::atomic::Ordering::Relaxed) {
                            bar.set_message("");
                        }
                        bar.set_position(done)
                    });
                    (report, indexes.join())
                })
            });
            bar.finish_and_clear();
            let ((report, indexes), columns) = checked?;
            let indexes = indexes.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            match report {
                Ok(mut report) => {
                    report.problems.extend(columns);
                    add_index_checks(&mut report, indexes);
                    report
                }
                Err(e) if is_damage(&e) => unreadable(&ctx.store_dir()?, &e),
                Err(e) => return Err(e.into()),
            }
        }
        Some(Err(e)) if is_damage(&e) => unreadable(&ctx.store_dir()?, &e),
        Some(Err(e)) => return Err(e.into()),
    };
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
            report: &'a VerifyReport,
        }
        ctx.out.write_json(&JsonOut { ok: report.ok(), report: &report })?;
        return Ok(code);
    }
    let p = ctx.out.palette;
    ctx.out.line(&format!(
        "checked {} stories, {} revisions, {} blobs, {} statements, {} speakers, {} index entries, {} acknowledged revisions",
        report.stories,
        report.revisions,
        report.blobs,
        report.statements,
        report.speakers,
        report.index_entries,
        report.acknowledged
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

/// Whether an error opening or reading the store means its files are damaged.
fn is_damage(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Damaged { .. }
            | StoreError::Corrupt { .. }
            | StoreError::Db { .. }
            | StoreError::DatabaseMissing { .. }
    )
}

/// The report for a store sled cannot read: the damage, and each story
/// the journal knows was recorded, with how many of its revisions now
/// cannot be checked (`claimtrail salvage` rebuilds them from the journal).
fn unreadable(dir: &std::path::Path, e: &StoreError) -> VerifyReport {
    let mut report = VerifyReport::default();
    report.problems.push(Problem { story: None, revision: None, detail: format!("the database cannot be read: {e}") });
    if claimtrail_store::is_postgres_address(&dir.to_string_lossy()) {
        // A PostgreSQL store has no journal of its own to fall back on.
        return report;
    }
    match Journal::read(dir) {
        Ok(journal) => {
            let mut stories: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
            for a in &journal.entries {
                stories.entry(&a.story).or_default().insert(a.number);
            }
            for (story, numbers) in stories {
                report.acknowledged += numbers.len() as u64;
                report.problems.push(Problem {
                    story: Some(story.to_string()),
                    revision: None,
                    detail: format!(
                        "{} acknowledged revisions cannot be checked; `claimtrail salvage --to NEW` rebuilds them from the journal",
                        numbers.len()
                    ),
                });
            }
            if !journal.damage.is_empty() {
                report.problems.push(Problem {
                    story: None,
                    revision: None,
                    detail: format!("the journal is damaged in {} places too", journal.damage.len()),
                });
            }
        }
        Err(e) => report.problems.push(Problem {
            story: None,
            revision: None,
            detail: format!("the journal cannot be read either ({e})"),
        }),
    }
    report
}
