//! What can go wrong in the store, as data the CLI can explain.

use std::path::PathBuf;

/// A store failure. Messages are lowercase and name what went wrong;
/// [`StoreError::hint`] says what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store {path} is in use by another claimtrail process{}", pid.map(|p| format!(" (pid {p})")).unwrap_or_default())]
    InUse { path: PathBuf, pid: Option<u32> },
    #[error(
        "store {path} was written by a newer claimtrail (store format {found}; this claimtrail reads up to {supported})"
    )]
    TooNew { path: PathBuf, found: u32, supported: u32 },
    #[error(
        "store {path} is in an older store format ({found}) that this claimtrail no longer reads (it reads {supported})"
    )]
    TooOld { path: PathBuf, found: u32, supported: u32 },
    #[error("store path {path} is a file, not a directory")]
    NotADirectory { path: PathBuf },
    #[error("cannot open store {path}: {source}")]
    Open { path: PathBuf, source: std::io::Error },
    #[error("invalid story id {id:?}: {reason}")]
    InvalidStoryId { id: String, reason: &'static str },
    #[error("no story {0:?} in the store")]
    UnknownStory(String),
    #[error("story {story:?} has no revision {number} (it has {count})")]
    RevisionOutOfRange { story: String, number: u32, count: u32 },
    #[error("no revision of story {story:?} has an id starting with {prefix:?}")]
    UnknownRevision { story: String, prefix: String },
    #[error("revision prefix {prefix:?} of story {story:?} is ambiguous: it matches {}", candidates.join(", "))]
    AmbiguousRevision { story: String, prefix: String, candidates: Vec<String> },
    #[error("store {path} is damaged: {detail}")]
    Corrupt { path: PathBuf, detail: String },
    #[error("store {path} is damaged: {detail}")]
    Damaged { path: PathBuf, detail: String },
    #[error("the database of store {path} is missing: its journal is there, so revisions were recorded in it")]
    DatabaseMissing { path: PathBuf },
    #[error("cannot write the journal of store {path}: {source}")]
    Journal { path: PathBuf, source: std::io::Error },
    #[error("store database error in {path}: {source}")]
    Db { path: PathBuf, source: sled::Error },
    #[error("PostgreSQL store {address}: {detail}")]
    Postgres { address: String, detail: String },
    #[error("`{command}` works on a sled store's files, and the PostgreSQL store {address} has none: {why}")]
    NotOnPostgres { address: String, command: &'static str, why: &'static str },
}

impl StoreError {
    /// What the user can do about it, where there is something to say.
    pub fn hint(&self) -> Option<String> {
        Some(match self {
            StoreError::InUse { .. } => {
                "wait for the other process to finish, pass --wait SECONDS, or use another --store".into()
            }
            StoreError::TooNew { .. } => "upgrade claimtrail to read this store".into(),
            StoreError::TooOld { found: 2, .. } => {
                "run `claimtrail reanalyze` to upgrade it in place (revision ids and texts stay as they are)".into()
            }
            StoreError::TooOld { .. } => {
                "run `claimtrail export` with the claimtrail that wrote it, then `claimtrail import` the export into a new store".into()
            }
            StoreError::NotADirectory { .. } | StoreError::Open { .. } => {
                "pass --store with a directory claimtrail may write to".into()
            }
            StoreError::InvalidStoryId { .. } => {
                "story ids are slugs such as taji-strikes: no spaces and no '/'".into()
            }
            StoreError::UnknownStory(_) => "`claimtrail stories` lists the stories in the store".into(),
            StoreError::RevisionOutOfRange { story, .. } | StoreError::UnknownRevision { story, .. } => {
                format!("`claimtrail log {story}` lists its revisions")
            }
            StoreError::AmbiguousRevision { .. } => "give more hex digits of the revision id".into(),
            StoreError::Corrupt { .. } => "run `claimtrail verify` for a full report".into(),
            StoreError::DatabaseMissing { path } => format!(
                "`claimtrail salvage --store {} --to NEW` rebuilds every acknowledged revision from the journal into a new store",
                path.display()
            ),
            StoreError::Damaged { path, .. } => format!(
                "`claimtrail verify` says what the journal knows was recorded; `claimtrail salvage --store {} --to NEW` copies every undamaged story into a new store",
                path.display()
            ),
            StoreError::Journal { .. } => {
                "the revisions are in the database, but check the disk: the journal proves what was recorded".into()
            }
            StoreError::Db { .. } => return None,
            StoreError::Postgres { .. } => {
                "check that the server is running and the address, user and password are right (the URL, PGPASSWORD or ~/.pgpass)".into()
            }
            StoreError::NotOnPostgres { command: "compact", .. } => {
                "PostgreSQL's autovacuum reuses the space; `VACUUM FULL` gives it back to the file system".into()
            }
            StoreError::NotOnPostgres { .. } => {
                "the server keeps its own write-ahead log: use PostgreSQL's backups, or `claimtrail verify` and `claimtrail export`".into()
            }
        })
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
