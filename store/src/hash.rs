//! What is hashed, exactly.
//!
//! Every hash in the store is blake3 in derive-key mode with a context
//! string per record kind, so a blob can never be confused with a revision
//! or a record envelope even if their bytes agree. Structured records are
//! hashed over a specified encoding, never over whatever serde printed:
//!
//! ```text
//! revision id = blake3_derive_key(REVISION_CONTEXT,
//!     u32-le(FORMAT)
//!     field(story id, UTF-8)
//!     field(number, u32-le)
//!     field(parent id: 32 bytes, or empty for the first revision)
//!     field(captured at: i64-le Unix seconds ++ u32-le nanoseconds)
//!     field(source, UTF-8)
//!     field(format, UTF-8)
//!     field(raw blob id, 32 bytes)
//!     field(text blob id, 32 bytes))
//! field(x) = u64-le(len(x)) ++ x
//! ```
//!
//! `FORMAT` is [`ID_VERSION`]. Changing any of this changes every id: bump
//! the context strings and [`ID_VERSION`]. How records are laid out on disk
//! ([`crate::FORMAT_VERSION`]) is separate: ids survive a new layout, so
//! exports keep importing.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The version of the revision id encoding above.
pub(crate) const ID_VERSION: u32 = 1;

pub(crate) const BLOB_CONTEXT: &str = "claimtrail 2026-11 blob v1";
pub(crate) const REVISION_CONTEXT: &str = "claimtrail 2026-11 revision v1";
pub(crate) const ENVELOPE_CONTEXT: &str = "claimtrail 2026-11 record envelope v1";

/// A 32-byte blake3 hash, shown as 64 hex digits.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Hash32(pub [u8; 32]);

impl Hash32 {
    pub fn to_hex(&self) -> String {
        let mut s = String::with_capacity(64);
        for b in self.0 {
            s.push(char::from_digit(u32::from(b >> 4), 16).unwrap_or('0'));
            s.push(char::from_digit(u32::from(b & 15), 16).unwrap_or('0'));
        }
        s
    }

    /// The first 12 hex digits, as shown to people.
    pub fn short(&self) -> String {
        self.to_hex()[..12].to_string()
    }

    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    pub(crate) fn from_slice(b: &[u8]) -> Option<Hash32> {
        <[u8; 32]>::try_from(b).ok().map(Hash32)
    }
}

impl fmt::Debug for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Hash32({})", self.short())
    }
}

impl fmt::Display for Hash32 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The error of parsing a hash from hex.
#[derive(Debug, thiserror::Error)]
#[error("not a 64-digit hex hash: {0:?}")]
pub struct BadHash(pub String);

impl FromStr for Hash32 {
    type Err = BadHash;
    fn from_str(s: &str) -> Result<Hash32, BadHash> {
        if s.len() != 64 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(BadHash(s.to_string()));
        }
        let mut out = [0u8; 32];
        for (i, chunk) in s.as_bytes().chunks(2).enumerate() {
            let hi = (chunk[0] as char).to_digit(16).unwrap_or(0);
            let lo = (chunk[1] as char).to_digit(16).unwrap_or(0);
            out[i] = (hi * 16 + lo) as u8;
        }
        Ok(Hash32(out))
    }
}

/// Hex in human-readable formats (JSON output, exports), 32 plain bytes in
/// the store's binary records.
impl Serialize for Hash32 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() { s.serialize_str(&self.to_hex()) } else { self.0.serialize(s) }
    }
}

impl<'de> Deserialize<'de> for Hash32 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Hash32, D::Error> {
        if d.is_human_readable() {
            let s = String::deserialize(d)?;
            s.parse().map_err(serde::de::Error::custom)
        } else {
            <[u8; 32]>::deserialize(d).map(Hash32)
        }
    }
}

/// The id of a blob: blake3 (blob context) of its bytes.
pub fn blob_id(bytes: &[u8]) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(BLOB_CONTEXT);
    h.update(bytes);
    Hash32(*h.finalize().as_bytes())
}

/// The fields a revision id is computed from.
#[derive(Debug)]
pub(crate) struct RevisionFields<'a> {
    pub story: &'a str,
    pub number: u32,
    pub parent: Option<Hash32>,
    pub captured_secs: i64,
    pub captured_nanos: u32,
    pub source: &'a str,
    pub format: &'a str,
    pub raw: Hash32,
    pub text: Hash32,
}

fn field(h: &mut blake3::Hasher, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

pub(crate) fn revision_id(f: &RevisionFields<'_>) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(REVISION_CONTEXT);
    h.update(&ID_VERSION.to_le_bytes());
    field(&mut h, f.story.as_bytes());
    field(&mut h, &f.number.to_le_bytes());
    field(&mut h, f.parent.as_ref().map_or(&[][..], |p| &p.0[..]));
    let mut at = [0u8; 12];
    at[..8].copy_from_slice(&f.captured_secs.to_le_bytes());
    at[8..].copy_from_slice(&f.captured_nanos.to_le_bytes());
    field(&mut h, &at);
    field(&mut h, f.source.as_bytes());
    field(&mut h, f.format.as_bytes());
    field(&mut h, &f.raw.0);
    field(&mut h, &f.text.0);
    Hash32(*h.finalize().as_bytes())
}

/// Bytes of a record's checksum. The envelope finds damage (a disk fault,
/// a hand edit); tamper evidence of the history itself comes from the
/// revision chain, whose ids are full 32-byte hashes. Eight bytes miss a
/// random change with probability 2^-64 and keep small records small.
pub(crate) const SEAL_BYTES: usize = 8;

/// Seal a record: a checksum (envelope context, keyed by the record kind)
/// followed by the payload. `verify` recomputes it, so a changed byte in
/// any stored record is found.
pub(crate) fn seal(kind: u8, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(SEAL_BYTES + payload.len());
    out.extend_from_slice(&envelope_sum(kind, payload).0[..SEAL_BYTES]);
    out.extend_from_slice(payload);
    out
}

/// Open a sealed record: the payload if its checksum holds.
pub(crate) fn unseal(kind: u8, sealed: &[u8]) -> Option<&[u8]> {
    if sealed.len() < SEAL_BYTES {
        return None;
    }
    let (sum, payload) = sealed.split_at(SEAL_BYTES);
    (envelope_sum(kind, payload).0[..SEAL_BYTES] == *sum).then_some(payload)
}

fn envelope_sum(kind: u8, payload: &[u8]) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(ENVELOPE_CONTEXT);
    h.update(&[kind]);
    field(&mut h, payload);
    Hash32(*h.finalize().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let h = blob_id(b"hello");
        assert_eq!(h.to_hex().parse::<Hash32>().unwrap(), h);
    }

    #[test]
    fn blob_id_is_pinned() {
        // Part of the store format: must never change silently.
        let expected = {
            let mut h = blake3::Hasher::new_derive_key("claimtrail 2026-11 blob v1");
            h.update(b"hello");
            h.finalize().to_hex().to_string()
        };
        assert_eq!(blob_id(b"hello").to_hex(), expected);
    }

    #[test]
    fn envelope_catches_a_flipped_byte() {
        let mut sealed = seal(b'S', b"{\"a\":1}");
        assert_eq!(unseal(b'S', &sealed), Some(&b"{\"a\":1}"[..]));
        assert_eq!(unseal(b'P', &sealed), None);
        let last = sealed.len() - 1;
        sealed[last] ^= 1;
        assert_eq!(unseal(b'S', &sealed), None);
    }
}
