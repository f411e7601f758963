//! Questions asked of the store: who said what, where a claim came from and
//! where it went. Read-only; everything here goes through the store's
//! indexes and caches what one command reads more than once.

pub mod lineage;
pub mod speakers;
pub mod trail;
pub mod words;

pub use speakers::{Resolved, SpeakerIndex};
pub use trail::{Status, Trail, View};
