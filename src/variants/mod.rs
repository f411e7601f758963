//! One claim across many stories: renderings of the same quote or reported
//! claim, found through the store's variant index and compared word by
//! word, with what a fact-checker needs flagged (changed wording,
//! truncation, paraphrase inside quotation marks, another speaker, a quote
//! turned into reported speech).
//!
//! - [`words`]: normalised words and the fingerprints the index stores;
//! - [`compare`]: whether two renderings are one claim, and how they differ;
//! - [`group`]: groups over the store, their members and flags;
//! - [`text`]: the strings members share.
//!
//! Groups are derived at query time from the index, like speaker
//! identities: nothing here writes to the store, so better rules apply to
//! a store without re-recording it.

pub mod compare;
pub mod group;
pub mod text;
pub mod words;

pub use group::{BUDGET, FLAGS, Flag, Group, Grouper, Member, sort_groups};
pub use text::Text;
pub use words::prints;
