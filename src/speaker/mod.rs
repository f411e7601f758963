//! Who a speaker is across the whole store. [`names`] reads names as
//! reports write them (titles, initials, suffixes, "X Department",
//! acronyms); [`identity`] decides which recorded speakers are one person
//! or organisation, and says why.
//!
//! Plain functions over names and roles: nothing here reads the store or
//! knows the CLI. `record` writes the lookup keys these rules need into the
//! name index; `query` gathers candidates through it and asks [`identity`]
//! to group them. The identity is derived at query time and never written
//! over what a revision recorded.

pub mod identity;
pub mod keys;
pub mod names;

pub use identity::{Identity, Member, cluster};
pub use keys::lookup_keys;
pub use names::{name_key, norm_name, surname};
