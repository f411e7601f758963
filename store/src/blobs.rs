//! The two chained values: blobs (raw input and normalised text) and each
//! revision's statement list, both stored as zstd deltas (see
//! [`crate::codec`]).
//!
//! A blob is keyed by its blake3 id and names its base blob in its value:
//! `[0][packed]` for a whole blob, `[1][base id][packed]` for a delta. A
//! statement list is keyed by story and revision; its base is always the
//! story's previous revision's list. Either way, reading decodes at most
//! [`codec::CHAIN_LIMIT`] frames.

use crate::codec::{self, CHAIN_LIMIT};
use crate::error::Result;
use crate::hash::{self, Hash32};
use crate::keys;

/// Point reads, from the database or through a write batch's staged writes.
pub(crate) trait Source {
    fn fetch(&self, key: &[u8]) -> Result<Option<Vec<u8>>>;
}

/// A chained value read: its bytes, or why they cannot be had.
pub(crate) type Loaded = std::result::Result<Vec<u8>, String>;

/// Encode a blob, as a delta against `base` (id, bytes, chain depth) if given.
pub(crate) fn encode_blob(data: &[u8], base: Option<(&Hash32, &[u8], u8)>) -> Vec<u8> {
    let packed = codec::pack(data, base.map(|(_, bytes, depth)| (bytes, depth)));
    let is_delta = codec::parse(&packed).is_some_and(|p| p.depth > 0);
    let mut out = Vec::with_capacity(packed.len() + 33);
    match base {
        Some((id, _, _)) if is_delta => {
            out.push(1);
            out.extend_from_slice(&id.0);
        }
        _ => out.push(0),
    }
    out.extend_from_slice(&packed);
    out
}

/// Split a blob value: its base id (for a delta) and its packed bytes.
fn split_blob(value: &[u8]) -> Option<(Option<Hash32>, &[u8])> {
    match value.first()? {
        0 => Some((None, &value[1..])),
        1 => Some((Some(Hash32::from_slice(value.get(1..33)?)?), &value[33..])),
        _ => None,
    }
}

/// The chain depth of a stored blob (0: whole), to extend a chain from it.
pub(crate) fn blob_depth(value: &[u8]) -> Option<u8> {
    let (_, packed) = split_blob(value)?;
    codec::parse(packed).map(|p| p.depth)
}

/// A blob's bytes, decoding its chain of bases and checking them against
/// the blob's id.
pub(crate) fn load_blob(src: &dyn Source, id: &Hash32) -> Result<Loaded> {
    load_blob_after(src, id, None)
}

/// [`load_blob`], decoding back to the last whole blob or to `known` (a
/// decoded blob: its id and bytes) if the chain reaches it first: a
/// story's texts read in order decode one frame each.
pub(crate) fn load_blob_after(src: &dyn Source, id: &Hash32, known: Option<(&Hash32, &[u8])>) -> Result<Loaded> {
    // Walk to the whole blob (or the known one), then decode forward.
    let mut chain: Vec<(Hash32, Vec<u8>)> = Vec::new();
    let mut at = *id;
    let mut start: Option<Vec<u8>> = None;
    loop {
        if let Some((k, bytes)) = known
            && *k == at
            && !chain.is_empty()
        {
            start = Some(bytes.to_vec());
            break;
        }
        let Some(value) = src.fetch(&keys::blob(&at))? else {
            return Ok(Err(if chain.is_empty() {
                format!("blob {} is missing", id.short())
            } else {
                format!("blob {} is missing (the base of blob {})", at.short(), id.short())
            }));
        };
        let base = match split_blob(&value) {
            Some((base, _)) => base,
            None => return Ok(Err(format!("blob {} cannot be decoded", at.short()))),
        };
        chain.push((at, value));
        match base {
            Some(b) if chain.len() <= usize::from(CHAIN_LIMIT) => at = b,
            Some(_) => return Ok(Err(format!("blob {} has a chain of deltas that never ends", id.short()))),
            None => break,
        }
    }
    let mut bytes = start;
    for (blob, value) in chain.iter().rev() {
        let decoded = split_blob(value)
            .and_then(|(_, packed)| codec::parse(packed).and_then(|p| codec::unpack(&p, bytes.as_deref())));
        match decoded {
            Some(d) => bytes = Some(d),
            None => return Ok(Err(format!("blob {} cannot be decoded", blob.short()))),
        }
    }
    // The id is the hash of the bytes: what decoded must be what was stored.
    Ok(match bytes {
        Some(b) if hash::blob_id(&b) == *id => Ok(b),
        Some(_) => Err(format!("blob {} does not match its hash", id.short())),
        None => Err(format!("blob {} is missing", id.short())),
    })
}

/// Encode a revision's statement list (wire bytes), as a delta against
/// its parent's (wire bytes and chain depth) if given. Sealed: a damaged
/// frame could otherwise decode into a different, valid-looking list.
pub(crate) fn encode_list(wire: &[u8], parent: Option<(&[u8], u8)>) -> Vec<u8> {
    hash::seal(keys::OCCURRENCES, &codec::pack(wire, parent))
}

/// The chain depth of a stored statement list.
pub(crate) fn list_depth(value: &[u8]) -> Option<u8> {
    codec::parse(hash::unseal(keys::OCCURRENCES, value)?).map(|p| p.depth)
}

/// The wire bytes of revision `number`'s statement list, decoding back to
/// the last whole one, or to `known` (a decoded list of this story: its
/// number and wire bytes) if the chain reaches it first.
pub(crate) fn load_list(src: &dyn Source, story: &str, number: u32, known: Option<(u32, &[u8])>) -> Result<Loaded> {
    let mut chain: Vec<(u32, Vec<u8>)> = Vec::new();
    let mut at = number;
    let mut start: Option<Vec<u8>> = None;
    loop {
        if let Some((n, wire)) = known
            && n == at
        {
            if chain.is_empty() {
                return Ok(Ok(wire.to_vec()));
            }
            start = Some(wire.to_vec());
            break;
        }
        let Some(value) = src.fetch(&keys::occurrences(story, at))? else {
            return Ok(Err(format!("the statement list of revision {at} is missing")));
        };
        let Some(depth) = list_depth(&value) else {
            return Ok(Err(format!("the statement list of revision {at} fails its checksum")));
        };
        chain.push((at, value));
        if depth == 0 {
            break;
        }
        if at <= 1 || chain.len() > usize::from(CHAIN_LIMIT) {
            return Ok(Err(format!("the statement list of revision {number} has a broken chain of deltas")));
        }
        at -= 1;
    }
    let mut bytes = start;
    for (n, value) in chain.iter().rev() {
        let decoded = hash::unseal(keys::OCCURRENCES, value)
            .and_then(|packed| codec::parse(packed).and_then(|p| codec::unpack(&p, bytes.as_deref())));
        match decoded {
            Some(d) => bytes = Some(d),
            None => return Ok(Err(format!("the statement list of revision {n} cannot be decoded"))),
        }
    }
    Ok(bytes.ok_or_else(|| format!("the statement list of revision {number} is missing")))
}
