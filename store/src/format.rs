//! The store's format version, in a small file of our own beside sled's.
//!
//! sled rewrites some of its files when it opens a database, so a store
//! from a newer claimtrail must be refused before sled is opened: the
//! version is read from `format` (one line, `claimtrail store format N`).
//! The same number is kept inside the database too, for stores made before
//! this file existed.

use std::path::Path;

use crate::FORMAT_VERSION;
use crate::error::{Result, StoreError};

const FILE: &str = "format";
const PREFIX: &str = "claimtrail store format ";

/// The version the format file records, if there is one.
pub(crate) fn read(dir: &Path) -> Result<Option<u32>> {
    let text = match std::fs::read_to_string(dir.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(StoreError::Open { path: dir.to_path_buf(), source }),
    };
    // A damaged file is no reason to refuse the store: the version inside
    // the database still decides, and the next writer writes the file again.
    Ok(text.trim_end().strip_prefix(PREFIX).and_then(|n| n.parse().ok()))
}

/// Refuse a version other than this build's (but for the one before it
/// when the caller opens the store to upgrade it).
pub(crate) fn check(dir: &Path, found: u32, upgrade: bool) -> Result<()> {
    let path = dir.to_path_buf();
    if found > FORMAT_VERSION {
        return Err(StoreError::TooNew { path, found, supported: FORMAT_VERSION });
    }
    if found < FORMAT_VERSION && !(upgrade && found + 1 == FORMAT_VERSION) {
        return Err(StoreError::TooOld { path, found, supported: FORMAT_VERSION });
    }
    Ok(())
}

/// Write this build's version (atomically: a temporary file renamed).
pub(crate) fn write(dir: &Path) -> Result<()> {
    let err = |source| StoreError::Open { path: dir.to_path_buf(), source };
    let tmp = dir.join(format!("{FILE}.tmp"));
    std::fs::write(&tmp, format!("{PREFIX}{FORMAT_VERSION}\n")).map_err(err)?;
    std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(err)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(err)?;
    Ok(())
}
