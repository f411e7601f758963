//! One module per command: its clap `Args` (whose doc comments are the
//! `--help` text) and the function that runs it.

pub mod diff;
pub mod extract;
pub mod input;
