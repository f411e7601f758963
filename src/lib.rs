//! claimtrail: claim provenance for news.
//!
//! - [`ingest`] turns input bytes (text, Markdown, HTML) into article text;
//! - [`extract`] finds the statements of a text and who made them;
//! - [`diff`] pairs two revisions' statements and says what changed;
//! - [`record`] turns an extraction into what `claimtrail-store` keeps, and
//!   [`backup`] is the export format;
//! - [`speaker`] reads names and decides which speakers are one person or
//!   organisation across stories;
//! - [`query`] answers who said what from the store's indexes;
//! - [`track`] fetches pages and tells real changes from noise;
//! - [`variants`] finds the same quote or claim across stories and
//!   flags how its renderings differ;
//! - [`report`] draws a story's trail, or one diff, as an HTML page;
//! - [`commands`] are the CLI's commands, one module each;
//! - [`cli`] parses arguments and reports errors; [`output`], [`error`],
//!   [`revref`] and [`time`] are its helpers.

pub mod backup;
pub mod cli;
pub mod commands;
pub mod diff;
pub mod error;
pub mod extract;
pub mod furniture;
pub mod ingest;
pub mod output;
pub mod query;
pub mod record;
pub mod report;
pub mod revref;
pub mod speaker;
pub mod time;
pub mod track;
pub mod variants;
pub mod warc;
