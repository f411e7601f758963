//! One module per command: its clap `Args` (whose doc comments are the
//! `--help` text) and the function that runs it.

pub mod alias;
pub mod blame;
pub mod compact;
pub mod completions;
pub mod context;
pub mod diff;
pub mod export;
pub mod extract;
pub mod history;
pub mod import;
pub mod input;
pub mod log;
pub mod reanalyze;
pub mod record;
pub mod report;
pub mod salvage;
pub mod search;
pub mod show;
pub mod speakers;
pub mod stories;
pub mod track;
pub mod variants;
pub mod verify;
pub mod who;

pub use context::Ctx;
