//! claimtrail-store: persistence for claimtrail, and nothing else.
//!
//! Stories, their hash-chained revisions, content-addressed blobs and
//! statements, speakers and the query indexes, in one sled database. No text
//! analysis and no command-line concerns live here; the public API speaks
//! the domain and no sled type leaks out of it.

mod error;

pub use error::{Result, StoreError};
