//! Argument parsing, dispatch, and error reporting for the binary.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::commands;
use crate::error::{CliError, exit};
use crate::output::{ColorChoice, Out, OutputFormat};

const ABOUT: &str =
    "Claim provenance for news: who said what, in which revision, and what changed.";

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
    /// The store directory [default: $CLAIMTRAIL_STORE, else the platform data directory].
    #[arg(long, global = true, value_name = "PATH")]
    pub store: Option<PathBuf>,
    /// Output format: text for people, json for scripts.
    #[arg(long, global = true, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
    /// When to use colour (auto: on a terminal, unless NO_COLOR is set).
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Extract(commands::extract::Args),
    Diff(commands::diff::Args),
}

/// The environment of one command: where the store is and where output goes.
#[derive(Debug)]
pub struct Ctx {
    pub store_path: Option<PathBuf>,
    pub out: Out,
}

impl Ctx {
    /// The store directory the user chose, or the default.
    pub fn store_dir(&self) -> Result<PathBuf, CliError> {
        if let Some(p) = &self.store_path {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("CLAIMTRAIL_STORE").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        dirs::data_dir()
            .map(|d| d.join("claimtrail"))
            .ok_or_else(|| {
                CliError::new("cannot find a data directory for the store")
                    .with_hint("pass --store PATH or set CLAIMTRAIL_STORE")
            })
    }
}

/// Run a parsed command line; returns the exit code on success.
pub fn run(cli: Cli) -> Result<u8, CliError> {
    let mut ctx = Ctx {
        store_path: cli.global.store,
        out: Out::new(cli.global.format, cli.global.color),
    };
    let code = match cli.command {
        Command::Extract(args) => commands::extract::run(&mut ctx, args)?,
        Command::Diff(args) => commands::diff::run(&mut ctx, args)?,
    };
    ctx.out.flush()?;
    Ok(code)
}

/// The whole program: parse, run, report.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                exit::ERROR
            } else {
                exit::OK
            };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) if e.quiet => ExitCode::from(e.code),
        Err(e) => {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "error: {}", e.message);
            for hint in &e.hints {
                let _ = writeln!(err, "hint: {hint}");
            }
            ExitCode::from(e.code)
        }
    }
}
