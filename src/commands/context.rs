//! The environment every command runs in: where the store is, how long to
//! wait for it, and where output goes. It lives here, below the commands,
//! so that `cli.rs` (which dispatches to the commands) is not imported back
//! by them.

use std::path::PathBuf;
use std::time::Duration;

use claimtrail_store::{OpenOptions, Store, StoreError};

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

    pub fn open_options(&self) -> OpenOptions {
        OpenOptions {
            wait: self.wait.filter(|w| *w > 0.0).map(Duration::from_secs_f64),
            cache_bytes: self.cache_bytes,
            ..OpenOptions::default()
        }
    }

    /// Open the store, creating it if needed (for commands that write).
    pub fn open_store(&self) -> Result<Store, CliError> {
        Ok(Store::open_with(&self.store_dir()?, &self.open_options())?)
    }

    /// Open the store if there is one; reading commands never create it.
    pub fn open_existing_store(&self) -> Result<Option<Store>, CliError> {
        let dir = self.store_dir()?;
        if dir.exists() && !dir.is_dir() {
            return Err(StoreError::NotADirectory { path: dir }.into());
        }
        if !Store::exists(&dir) {
            return Ok(None);
        }
        Ok(Some(Store::open_with(&dir, &self.open_options())?))
    }

    /// Open the store for a command about `story`: no store means no story.
    pub fn require_existing_store(&self, story: &str) -> Result<Store, CliError> {
        self.open_existing_store()?.ok_or_else(|| StoreError::UnknownStory(story.to_string()).into())
    }
}
