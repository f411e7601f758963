//! The environment every command runs in: where the store is, how long to
//! wait for it, and where output goes. It lives here, below the commands,
//! so that `cli.rs` (which dispatches to the commands) is not imported back
//! by them.

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimtrail_store::{Busy, OpenOptions, Store, StoreError};

use crate::error::CliError;
use crate::output::Out;

/// The environment of one command: where the store is and where output goes.
#[derive(Debug)]
pub struct Ctx {
    pub store_path: Option<PathBuf>,
    pub wait: Option<f64>,
    pub out: Out,
    /// sled's cache for this command (bulk import asks for a small one).
    pub cache_bytes: Option<u64>,
}

impl Ctx {
    /// Whether the user named the store on the command line (`--store`).
    /// A store named there that is not there is an error for every
    /// command that reads one: a mistyped path must not read as an empty
    /// store. The configured location (`$CLAIMTRAIL_STORE`, else the
    /// platform's data directory) not created yet is a new installation
    /// (or a new PostgreSQL database, whose schema the first write makes)
    /// and reads as a store with no stories, as it always has.
    pub fn store_named(&self) -> bool {
        self.store_path.is_some()
    }

    /// The store directory the user chose, or the default.
    pub fn store_dir(&self) -> Result<PathBuf, CliError> {
        if let Some(p) = &self.store_path {
            return Ok(p.clone());
        }
        if let Some(p) = std::env::var_os("CLAIMTRAIL_STORE").filter(|p| !p.is_empty()) {
            return Ok(PathBuf::from(p));
        }
        dirs::data_dir().map(|d| d.join("claimtrail")).ok_or_else(|| {
            CliError::new("cannot find a data directory for the store")
                .with_hint("pass --store PATH or set CLAIMTRAIL_STORE")
        })
    }

    /// How to open the store. A reader queues behind a busy store by
    /// default (saying so on stderr); a writer fails at once unless given
    /// --wait, so that two writers never wait on each other unasked.
    pub fn open_options(&self, read_only: bool) -> OpenOptions {
        let wait = match self.wait {
            // A wait too long to represent is no limit.
            Some(w) => (w > 0.0).then(|| Duration::try_from_secs_f64(w).unwrap_or(Duration::MAX)),
            None if read_only => Some(Duration::MAX),
            None => None,
        };
        OpenOptions {
            wait,
            cache_bytes: self.cache_bytes,
            on_wait: Some(say_waiting),
            read_only,
            ..OpenOptions::default()
        }
    }

    /// Open the store, creating it if needed (for commands that write).
    /// A store is created only in a directory that does not exist yet or is
    /// empty: never beside the user's own files.
    pub fn open_store(&self) -> Result<Store, CliError> {
        self.check_store_target()?;
        Ok(Store::open_with(&self.store_dir()?, &self.open_options(false))?)
    }

    /// Refuse at once a store directory [`Ctx::open_store`] would refuse
    /// (for a command that reads its input at length first).
    pub fn check_store_target(&self) -> Result<(), CliError> {
        refuse_foreign_directory(&self.store_dir()?)
    }

    /// Open the store if there is one; reading commands never create it.
    /// No store at the configured location is an empty store (`None`);
    /// no store where `--store` says one is, is an error naming the path.
    pub fn open_existing_store(&self) -> Result<Option<Store>, CliError> {
        match self.try_open_existing_store()?.transpose()? {
            None if self.store_named() => Err(no_store(&self.store_dir()?)),
            found => Ok(found),
        }
    }

    /// [`Ctx::open_existing_store`], keeping the store's own error for a
    /// command that looks inside it (`verify`, `salvage`).
    pub fn try_open_existing_store(&self) -> Result<Option<Result<Store, StoreError>>, CliError> {
        let dir = self.store_dir()?;
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotADirectory { path: dir }.into());
        }
        if !Store::exists(&dir) {
            if Store::lost_database(&dir) {
                return Ok(Some(Err(StoreError::DatabaseMissing { path: dir })));
            }
            return Ok(None);
        }
        Ok(Some(Store::open_with(&dir, &self.open_options(true))))
    }

    /// Open the store for a command about `story`: no store means no story.
    pub fn require_existing_store(&self, story: &str) -> Result<Store, CliError> {
        self.open_existing_store()?.ok_or_else(|| StoreError::UnknownStory(story.to_string()).into())
    }
}

/// The error for a store named by `--store` that is not there. A PostgreSQL
/// address is shown without its password.
pub fn no_store(dir: &Path) -> CliError {
    let shown = dir.to_string_lossy();
    let shown = match claimtrail_store::is_postgres_address(&shown) {
        true => claimtrail_store::redacted_address(&shown),
        false => shown.into_owned(),
    };
    CliError::new(format!("no store at {shown}"))
        .with_hint("check the path given to --store; `claimtrail record` creates a store")
}

/// The files and directories of a sled store (and of its creation or a
/// compaction cut short). A directory holding anything else that is not a
/// store already is someone else's: claimtrail does not write into it.
const STORE_ENTRIES: &[&str] = &["db", "lock", "format", "format.tmp", "journal", "index-pending", "db.compact"];

/// Refuse to create a store in an existing directory that holds files of
/// its own (a mistyped --store pointing at a home or project directory).
fn refuse_foreign_directory(dir: &Path) -> Result<(), CliError> {
    if claimtrail_store::is_postgres_address(&dir.to_string_lossy()) || !dir.is_dir() || Store::exists(dir) {
        return Ok(());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| CliError::new(format!("cannot read {}: {e}", dir.display())))?;
    let mut foreign: Vec<String> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| CliError::new(format!("cannot read {}: {e}", dir.display())))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !STORE_ENTRIES.contains(&name.as_str()) {
            foreign.push(name);
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let count = foreign.len();
    let mut shown: Vec<String> = foreign.into_iter().take(3).map(|n| format!("{n:?}")).collect();
    if count > shown.len() {
        shown.push(format!("{} more", count - shown.len()));
    }
    Err(CliError::new(format!(
        "{} is not a claimtrail store and is not empty (it holds {}): a store is created only in a new or empty directory",
        dir.display(),
        shown.join(", ")
    ))
    .with_hint("pass --store with the store's directory, or with a new directory to create one"))
}

/// Told once when the store is busy and a command waits for it.
fn say_waiting(busy: &Busy<'_>) {
    let pid = busy.pid.map(|p| format!(" (pid {p})")).unwrap_or_default();
    eprintln!("waiting for store {}: in use by another claimtrail process{pid}", busy.path.display());
}
