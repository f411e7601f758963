//! One module per command: its clap `Args` (whose doc comments are the
//! `--help` text) and the function that runs it.

pub mod extract;
pub mod input;
pub mod log;
pub mod record;
pub mod show;
pub mod stories;
pub mod verify;
