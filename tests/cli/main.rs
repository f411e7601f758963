//! Integration tests: the real `claimtrail` binary, driven as a user would,
//! each test with its own temporary store, a fixed clock and no colour.
//!
//! One module per command; `util` holds the harness.

mod util;

mod analysis;
mod backup;
mod bad_input;
mod compact;
mod concurrency;
mod crash;
mod diff;
mod extract;
mod follow;
mod gold;
mod help;
mod identity;
mod log;
mod pages;
mod postgres;
mod queries;
mod record;
mod report;
mod revisions;
mod salvage;
mod server;
mod show;
mod tamper;
mod track;
mod variants;
mod verify;
mod warc;
