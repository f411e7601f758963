//! The store's format version, in a small file of our own beside sled's.
//!
//! sled rewrites some of its files when it opens a database, so a store
//! from a newer claimtrail must be refused before sled is opened: the
//! version is read from `format` (one line, `claimtrail store format N`).
//! The same number is kept inside the database too, for stores made before
//! this file existed.
//!
//! The line carries a checksum of the number (`claimtrail store format 3
//! 1a2b3c4d`): a flipped bit must not pass for a store from a newer (or
//! older) claimtrail. A damaged file is ignored (the version inside the
//! database decides), reported by `verify`, and written again by the next
//! command that writes. A line without a checksum (written before there
//! was one, or by hand) is taken at its word for versions below 1000.

use std::path::Path;

use crate::FORMAT_VERSION;
use crate::error::{Result, StoreError};

const FILE: &str = "format";
const PREFIX: &str = "claimtrail store format ";

/// What the format file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    Missing,
    /// It does not read as a format line, or fails its checksum.
    Damaged,
    /// A version without a checksum.
    Unsealed(u32),
    Sealed(u32),
}

impl Found {
    pub(crate) fn version(self) -> Option<u32> {
        match self {
            Found::Unsealed(v) | Found::Sealed(v) => Some(v),
            Found::Missing | Found::Damaged => None,
        }
    }
}

fn checksum(version: &str) -> String {
    let mut h = blake3::Hasher::new_derive_key("claimtrail 2026-11 store format file");
    h.update(version.as_bytes());
    h.finalize().to_hex()[..8].to_string()
}

/// What the format file records.
pub(crate) fn read(dir: &Path) -> Result<Found> {
    let text = match std::fs::read(dir.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Missing),
        Err(source) => return Err(StoreError::Open { path: dir.to_path_buf(), source }),
    };
    Ok(parse(&text))
}

fn parse(bytes: &[u8]) -> Found {
    let Some(line) = std::str::from_utf8(bytes).ok().and_then(|t| t.strip_suffix('\n')) else {
        return Found::Damaged;
    };
    let Some(rest) = line.strip_prefix(PREFIX) else { return Found::Damaged };
    let digits = |n: &str| !n.is_empty() && n.len() <= 9 && n.bytes().all(|b| b.is_ascii_digit());
    match rest.split_once(' ') {
        Some((n, check)) if digits(n) && check == checksum(n) => n.parse().map_or(Found::Damaged, Found::Sealed),
        Some(_) => Found::Damaged,
        None if digits(rest) => match rest.parse() {
            Ok(v) if v < 1000 => Found::Unsealed(v),
            _ => Found::Damaged,
        },
        None => Found::Damaged,
    }
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
    let version = FORMAT_VERSION.to_string();
    std::fs::write(&tmp, format!("{PREFIX}{version} {}\n", checksum(&version))).map_err(err)?;
    std::fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(err)?;
    std::fs::rename(&tmp, dir.join(FILE)).map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_flipped_bit_of_a_format_line_is_damage_or_harmless() {
        let version = FORMAT_VERSION.to_string();
        let line = format!("{PREFIX}{version} {}\n", checksum(&version));
        assert_eq!(parse(line.as_bytes()), Found::Sealed(FORMAT_VERSION));
        assert_eq!(parse(b"claimtrail store format 2\n"), Found::Unsealed(2));
        for bit in 0..line.len() * 8 {
            let mut b = line.clone().into_bytes();
            b[bit / 8] ^= 1 << (bit % 8);
            assert_eq!(parse(&b), Found::Damaged, "bit {bit}: {:?}", String::from_utf8_lossy(&b));
        }
    }
}
