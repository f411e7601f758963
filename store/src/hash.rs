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
//! A revision's analysis (what was derived from its text: statements,
//! speakers as this revision named them, spans, attribution, metadata) is
//! chained beside the revision ids, never inside them, so re-deriving it
//! (`reanalyze`) leaves ids and exports intact while any change to what a
//! query can show changes a hash `verify` checks:
//!
//! ```text
//! analysis digest = blake3_derive_key(ANALYSIS_CONTEXT,
//!     u32-le(ANALYSIS_FORMAT)
//!     field(revision id) field(analysis version, UTF-8)
//!     field(u64-le number of meta entries) then field(key) field(value) each, in key order
//!     field(u64-le number of statements) then per statement, in order:
//!       field(index u32-le) field(paragraph u32-le) field(statement hash)
//!       opt(speaker id) opt(mention) field(attribution) opt(cue)
//!       field(span start u64-le ++ span end u64-le)
//!     field(u64-le number of speakers) then per speaker, in id order:
//!       field(id) field(name) field(kind) field(anonymous: 1 byte) opt(role)
//!       field(u64-le number of aliases) field(alias) each  opt(anonymity reason))
//! opt(x) = field(empty) for none, field([1] ++ x) for some
//! analysis chain = blake3_derive_key(CHAIN_CONTEXT,
//!     field(parent's analysis chain, or empty) field(revision id) field(analysis digest))
//! root = blake3_derive_key(ROOT_CONTEXT,
//!     per story in id order: field(story id) field(head revision id) field(head analysis chain)
//!     field(u64-le number of aliases) then field(from) field(into) each, in order)
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
pub(crate) const ANALYSIS_CONTEXT: &str = "claimtrail 2026-11 analysis v1";
pub(crate) const CHAIN_CONTEXT: &str = "claimtrail 2026-11 analysis chain v1";
pub(crate) const ROOT_CONTEXT: &str = "claimtrail 2026-11 root v1";

/// The version of the analysis digest encoding above.
pub(crate) const ANALYSIS_FORMAT: u32 = 1;

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

fn opt(h: &mut blake3::Hasher, x: Option<&[u8]>) {
    match x {
        None => field(h, &[]),
        Some(x) => {
            h.update(&((x.len() + 1) as u64).to_le_bytes());
            h.update(&[1]);
            h.update(x);
        }
    }
}

fn count(h: &mut blake3::Hasher, n: usize) {
    field(h, &(n as u64).to_le_bytes());
}

/// The digest of one revision's analysis (see the module doc).
pub(crate) fn analysis_digest(
    revision: &Hash32,
    version: &str,
    meta: &std::collections::BTreeMap<String, String>,
    occurrences: &[crate::records::Occurrence],
    speakers: &[crate::records::SpeakerRecord],
) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(ANALYSIS_CONTEXT);
    h.update(&ANALYSIS_FORMAT.to_le_bytes());
    field(&mut h, &revision.0);
    field(&mut h, version.as_bytes());
    count(&mut h, meta.len());
    for (k, v) in meta {
        field(&mut h, k.as_bytes());
        field(&mut h, v.as_bytes());
    }
    count(&mut h, occurrences.len());
    for o in occurrences {
        field(&mut h, &o.index.to_le_bytes());
        field(&mut h, &o.paragraph.to_le_bytes());
        field(&mut h, &o.statement.0);
        opt(&mut h, o.speaker.as_deref().map(str::as_bytes));
        opt(&mut h, o.mention.as_deref().map(str::as_bytes));
        field(&mut h, o.attribution.as_bytes());
        opt(&mut h, o.cue.as_deref().map(str::as_bytes));
        let mut span = [0u8; 16];
        span[..8].copy_from_slice(&o.span.0.to_le_bytes());
        span[8..].copy_from_slice(&o.span.1.to_le_bytes());
        field(&mut h, &span);
    }
    let mut sorted: Vec<&crate::records::SpeakerRecord> = speakers.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    count(&mut h, sorted.len());
    for sp in sorted {
        field(&mut h, sp.id.as_bytes());
        field(&mut h, sp.name.as_bytes());
        field(&mut h, sp.kind.as_bytes());
        field(&mut h, &[u8::from(sp.anonymous)]);
        opt(&mut h, sp.role.as_deref().map(str::as_bytes));
        count(&mut h, sp.aliases.len());
        for a in &sp.aliases {
            field(&mut h, a.as_bytes());
        }
        opt(&mut h, sp.anonymity_reason.as_deref().map(str::as_bytes));
    }
    Hash32(*h.finalize().as_bytes())
}

/// The next link of a story's analysis chain.
pub(crate) fn analysis_chain(parent: Option<&Hash32>, revision: &Hash32, digest: &Hash32) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(CHAIN_CONTEXT);
    field(&mut h, parent.map_or(&[][..], |p| &p.0[..]));
    field(&mut h, &revision.0);
    field(&mut h, &digest.0);
    Hash32(*h.finalize().as_bytes())
}

/// The root over every story's heads and the alias table: one hash a
/// newsroom can publish.
pub(crate) fn root<'a>(
    heads: impl Iterator<Item = (&'a str, Hash32, Hash32)>,
    aliases: &std::collections::BTreeMap<String, String>,
) -> Hash32 {
    let mut h = blake3::Hasher::new_derive_key(ROOT_CONTEXT);
    for (story, head, chain) in heads {
        field(&mut h, story.as_bytes());
        field(&mut h, &head.0);
        field(&mut h, &chain.0);
    }
    count(&mut h, aliases.len());
    for (from, into) in aliases {
        field(&mut h, from.as_bytes());
        field(&mut h, into.as_bytes());
    }
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
