//! Argument parsing, dispatch, and error reporting for the binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands::{self, Ctx};
use crate::error::{CliError, exit};
use crate::output::{ColorChoice, Out, OutputFormat};

const ABOUT: &str = "Claim provenance for news: who said what, in which revision, and what changed.";

const LONG_ABOUT: &str = "\
Claim provenance for news: who said what, in which revision, and what changed.

claimtrail records every revision of a story in a tamper-evident store, finds \
each statement and its speaker, and compares revisions claim by claim.

Start with:
  claimtrail extract article.txt            statements and speakers of a file
  claimtrail diff old.txt new.txt           what changed, claim by claim
  claimtrail record my-story article.txt    keep a revision in the store
  claimtrail log my-story                   the revisions of a story";

const AFTER_HELP: &str = "\
Exit codes: 0 success (for diff: no claim changed; for verify: intact), \
1 a negative answer (claims differ, damage found), 2 a usage, input or store error.

The store is --store, else $CLAIMTRAIL_STORE, else the platform data directory \
(~/.local/share/claimtrail on Linux).";

#[derive(Debug, Parser)]
#[command(name = "claimtrail", version, about = ABOUT, long_about = LONG_ABOUT, after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// The store: a directory, or a PostgreSQL database (postgres://user@host/db) [default:
    /// $CLAIMTRAIL_STORE, else the platform data directory].
    #[arg(long, global = true, value_name = "PATH|URL")]
    pub store: Option<PathBuf>,
    /// Output format: text for people, json for scripts, html (diff and report) for a page.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// Wait up to this many seconds for another claimtrail process to release the store.
    #[arg(long, global = true, value_name = "SECONDS", value_parser = parse_wait)]
    pub wait: Option<f64>,
    /// When to use colour (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    // Each command's one-line summary is set here and its long `--help`
    // (what it does, examples) comes from the doc comment of its Args: a
    // doc comment here would replace that long help with the summary.
    #[command(about = "Print the statements and speakers of an article (no store needed)")]
    Extract(commands::extract::Args),
    #[command(about = "Compare two revisions (or two files) claim by claim")]
    Diff(commands::diff::Args),
    #[command(about = "Record a revision of a story (text, Markdown or HTML) in the store")]
    Record(commands::record::Args),
    // The about text is track's own (its Args doc): a doc comment here
    // would hide the long help that teaches following an outlet.
    Track(commands::track::Args),
    #[command(about = "Load many revisions at once: a directory of story folders, or an export")]
    Import(commands::import::Args),
    #[command(about = "Write the store (or one story) as JSON lines, raw inputs included")]
    Export(commands::export::Args),
    #[command(about = "List the stories in the store")]
    Stories(commands::stories::Args),
    #[command(about = "List the revisions of a story, newest first")]
    Log(commands::log::Args),
    #[command(about = "Show a revision: metadata, statements and text")]
    Show(commands::show::Args),
    #[command(about = "Write a story's claim trail as one self-contained HTML page")]
    Report(commands::report::Args),
    #[command(about = "Which revision introduced each statement, and which last changed it")]
    Blame(commands::blame::Args),
    #[command(about = "Every statement by a speaker, across stories and revisions")]
    Who(commands::who::Args),
    #[command(about = "List speakers with kinds, roles, aliases and statement counts")]
    Speakers(commands::speakers::Args),
    #[command(about = "Merge one speaker into another for every query, or list the merges")]
    Alias(commands::alias::AliasArgs),
    #[command(about = "Undo a merge made with `alias`")]
    Unalias(commands::alias::UnaliasArgs),
    #[command(about = "Statements whose content holds all the given words")]
    Search(commands::search::Args),
    #[command(about = "One claim's trail across every story and revision")]
    History(commands::history::Args),
    /// One quote across stories: its renderings, how each differs, who got it.
    #[command(long_about = commands::variants::LONG_ABOUT, after_help = commands::variants::EXAMPLES)]
    Variants(commands::variants::Args),
    #[command(about = "Check every hash, chain and index in the store")]
    Verify(commands::verify::Args),
    #[command(about = "Derive stored revisions' statements and speakers again with this version")]
    Reanalyze(commands::reanalyze::Args),
    #[command(about = "Give the space sled has emptied back to the file system")]
    Compact(commands::compact::Args),
    #[command(about = "Copy every undamaged story of a damaged store into a new store")]
    Salvage(commands::salvage::Args),
    #[command(about = "Print a shell completion script")]
    Completions(commands::completions::CompletionsArgs),
    #[command(about = "Print the man page")]
    Man(commands::completions::ManArgs),
}

/// The longest `--wait`: a year. Longer waits (or `inf`) would overflow the
/// clock arithmetic of the deadline; nobody means them.
pub const MAX_WAIT_SECS: f64 = 365.0 * 24.0 * 3600.0;

/// `--wait SECONDS`: a finite number from 0 to [`MAX_WAIT_SECS`].
fn parse_wait(s: &str) -> Result<f64, String> {
    let secs: f64 = s.trim().parse().map_err(|_| format!("{s:?} is not a number of seconds"))?;
    if !secs.is_finite() || !(0.0..=MAX_WAIT_SECS).contains(&secs) {
        return Err(format!("{s:?} is out of range: give 0 to {MAX_WAIT_SECS} seconds (a year)"));
    }
    Ok(secs)
}

/// Run a parsed command line; returns the exit code on success.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    // Only a diff and a report are pages; every other command would print
    // text where a page was asked for.
    if cli.global.format == OutputFormat::Html && !matches!(cli.command, Command::Diff(_) | Command::Report(_)) {
        return Err(CliError::new("--format html is only for `diff` and `report`")
            .with_hint("use --format text or --format json with this command"));
    }
    let mut ctx = Ctx {
        store_path: cli.global.store,
        wait: cli.global.wait,
        out: Out::new(cli.global.format, cli.global.color),
        cache_bytes: None,
    };
    let code = match cli.command {
        Command::Record(args) => commands::record::run(&mut ctx, args)?,
        Command::Stories(args) => commands::stories::run(&mut ctx, args)?,
        Command::Log(args) => commands::log::run(&mut ctx, args)?,
        Command::Show(args) => commands::show::run(&mut ctx, args)?,
        Command::Report(args) => commands::report::run(&mut ctx, args)?,
        Command::Verify(args) => commands::verify::run(&mut ctx, args)?,
        Command::Reanalyze(args) => commands::reanalyze::run(&mut ctx, args)?,
        Command::Salvage(args) => commands::salvage::run(&mut ctx, args)?,
        Command::Compact(args) => commands::compact::run(&mut ctx, args)?,
        Command::Extract(args) => commands::extract::run(&mut ctx, args)?,
        Command::Diff(args) => commands::diff::run(&mut ctx, args)?,
        Command::Track(args) => commands::track::run(&mut ctx, args)?,
        Command::Import(args) => commands::import::run(&mut ctx, args)?,
        Command::Export(args) => commands::export::run(&mut ctx, args)?,
        Command::Blame(args) => commands::blame::run(&mut ctx, args)?,
        Command::Who(args) => commands::who::run(&mut ctx, args)?,
        Command::Speakers(args) => commands::speakers::run(&mut ctx, args)?,
        Command::Alias(args) => commands::alias::run_alias(&mut ctx, args)?,
        Command::Unalias(args) => commands::alias::run_unalias(&mut ctx, args)?,
        Command::Search(args) => commands::search::run(&mut ctx, args)?,
        Command::History(args) => commands::history::run(&mut ctx, args)?,
        Command::Variants(args) => commands::variants::run(&mut ctx, args)?,
        Command::Completions(args) => commands::completions::run_completions(&mut ctx, args)?,
        Command::Man(args) => commands::completions::run_man(&mut ctx, args)?,
    };
    ctx.out.flush()?;
    Ok(code)
}

/// The whole program: parse, run, report.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { exit::ERROR } else { exit::OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    // The last line of defence: no input, damage or flag may end in a
    // panic's exit 101. The store catches sled's panics itself and names
    // the damage; anything reaching here is a bug, reported as an error.
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| run(cli))).unwrap_or_else(|payload| {
        Err(CliError::new(format!("internal error: {}", claimtrail_store::panic_message(payload.as_ref())))
            .with_hint("this is a bug in claimtrail; please report it with the command that caused it"))
    });
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.quiet => ExitCode::from(e.code),
        Err(e) => {
            let mut err = std::io::stderr().lock();
            // Messages quote inputs (file names, ids): no raw control
            // characters. A message of several lines (the candidates of an
            // ambiguous name) keeps them, each indented under "error:", so
            // no line of an input can pass for a line of ours.
            let message = crate::output::clean(&e.message, true);
            let mut lines = message.lines();
            let _ = writeln!(err, "error: {}", lines.next().unwrap_or_default());
            for line in lines {
                let indent = if line.starts_with(' ') { "" } else { "  " };
                let _ = writeln!(err, "{indent}{line}");
            }
            for hint in &e.hints {
                let _ = writeln!(err, "hint: {}", crate::output::clean(hint, false));
            }
            ExitCode::from(e.code)
        }
    }
}
