//! `claimtrail completions` and `claimtrail man`: generated from the clap
//! definition, so they never drift from the real arguments.

use clap::CommandFactory;
use clap_complete::Shell;

use crate::cli::Cli;
use crate::commands::Ctx;
use crate::error::{Result, exit};

/// Print a shell completion script.
///
/// Examples:
///   claimtrail completions bash > ~/.local/share/bash-completion/completions/claimtrail
///   claimtrail completions zsh > ~/.zfunc/_claimtrail
///   claimtrail completions fish > ~/.config/fish/completions/claimtrail.fish
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: Shell,
}

/// Print the man page (roff).
///
/// Example: claimtrail man > ~/.local/share/man/man1/claimtrail.1
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ManArgs {}

pub fn run_completions(ctx: &mut Ctx, args: CompletionsArgs) -> Result<u8> {
    let mut cmd = Cli::command();
    // clap_complete panics when its writer fails: render into memory, then
    // write through `Out`, where a closed pipe ends the command quietly.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "claimtrail", &mut script);
    std::io::Write::write_all(&mut ctx.out.w, &script)?;
    Ok(exit::OK)
}

pub fn run_man(ctx: &mut Ctx, _args: ManArgs) -> Result<u8> {
    clap_mangen::Man::new(Cli::command()).render(&mut ctx.out.w)?;
    Ok(exit::OK)
}
