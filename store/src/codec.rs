//! How values are laid out in bytes: records in postcard (compact, with
//! varints), and the two things every revision repeats almost unchanged,
//! its text and its statement list, as zstd deltas against its parent.
//!
//! A delta is a zstd frame compressed with the base's bytes as a
//! single-use prefix dictionary, so a revision that changes one sentence
//! of a 5 KB story costs tens of bytes. Chains are cut every
//! [`CHAIN_LIMIT`] links by storing the value whole (compressed), so no
//! read decodes more than that many frames.

use std::cell::RefCell;

use serde::Serialize;
use zstd::zstd_safe::{CCtx, CParameter, DCtx};

/// The longest chain of deltas before a value is stored whole again.
pub(crate) const CHAIN_LIMIT: u8 = 16;

/// zstd level: 3 is zstd's default, fast enough to keep bulk import
/// bound by the database rather than by compression.
const LEVEL: i32 = 3;

/// The first byte of a compressed value.
const WHOLE: u8 = 1;
const DELTA: u8 = 2;

pub(crate) fn to_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    // Serialising these plain records into a Vec cannot fail.
    postcard::to_stdvec(value).expect("records serialise")
}

/// A record from its bytes; one that borrows its strings (a view) may
/// borrow them from `bytes`.
pub(crate) fn from_bytes<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Option<T> {
    postcard::from_bytes(bytes).ok()
}

/// A record from the front of `bytes`, and the bytes after it (a value
/// with an optional trailer, such as a run's stamp).
pub(crate) fn take_from_bytes<'a, T: serde::Deserialize<'a>>(bytes: &'a [u8]) -> Option<(T, &'a [u8])> {
    postcard::take_from_bytes(bytes).ok()
}

/// A compressed value: `[WHOLE][len u32 LE][frame]` or
/// `[DELTA][depth][len u32 LE][frame]`; what the base of a delta is, the
/// caller says (in its key or alongside).
#[derive(Debug)]
pub(crate) struct Packed<'a> {
    /// Stored as is, behind a zero byte (no frame to decode).
    pub stored: bool,
    /// 0 for a whole value; for a delta, the chain length up to a whole one.
    pub depth: u8,
    pub len: usize,
    pub frame: &'a [u8],
}

thread_local! {
    /// zstd contexts, reused: creating one per value cost more than the
    /// compression itself in bulk import (measured with perf).
    static CCTX: RefCell<CCtx<'static>> = RefCell::new(CCtx::create());
    static DCTX: RefCell<DCtx<'static>> = RefCell::new(DCtx::create());
}

/// The first bytes of a zstd dictionary: a base starting with them would
/// be read as one rather than as raw content, so it is not used as a base.
const DICT_MAGIC: [u8; 4] = [0x37, 0xA4, 0x30, 0xEC];

/// Compress `data`, against `base` (its bytes and chain depth) if given and
/// the chain is not too long yet.
pub(crate) fn pack(data: &[u8], base: Option<(&[u8], u8)>) -> Vec<u8> {
    pack_at(data, base, LEVEL)
}

/// [`pack`] at a given zstd level (decoding does not need to know it).
pub(crate) fn pack_at(data: &[u8], base: Option<(&[u8], u8)>, level: i32) -> Vec<u8> {
    let base = base.filter(|(bytes, depth)| *depth + 1 < CHAIN_LIMIT && !bytes.starts_with(&DICT_MAGIC));
    let mut out = Vec::with_capacity(zstd::zstd_safe::compress_bound(data.len()) + 8);
    match base {
        Some((_, depth)) => {
            out.push(DELTA);
            out.push(depth + 1);
        }
        None => out.push(WHOLE),
    }
    out.extend_from_slice(&(data.len() as u32).to_le_bytes());
    let mut frame = Vec::with_capacity(zstd::zstd_safe::compress_bound(data.len()));
    let done = CCTX.with_borrow_mut(|cctx| {
        // The base is loaded as raw content (a dictionary without entropy
        // tables); an empty one clears the previous value's.
        cctx.set_parameter(CParameter::CompressionLevel(level)).ok()?;
        cctx.load_dictionary(base.map_or(&[][..], |(bytes, _)| bytes)).ok()?;
        cctx.compress2(&mut frame, data).ok()
    });
    match done {
        Some(_) => out.extend_from_slice(&frame),
        // Cannot happen with a buffer of compress_bound bytes; fall back to
        // an uncompressed copy rather than lose data.
        None => return stored(data),
    }
    out
}

/// An uncompressed value (level 0: stored as is, behind a zero byte).
fn stored(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 1);
    out.push(0);
    out.extend_from_slice(data);
    out
}

/// Read the header of a packed value.
pub(crate) fn parse(value: &[u8]) -> Option<Packed<'_>> {
    let (depth, rest) = match value.first()? {
        0 => return Some(Packed { stored: true, depth: 0, len: value.len() - 1, frame: &value[1..] }),
        &WHOLE => (0, &value[1..]),
        &DELTA => (*value.get(1)?, &value[2..]),
        _ => return None,
    };
    let len = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?) as usize;
    Some(Packed { stored: false, depth, len, frame: &rest[4..] })
}

/// Decompress a packed value; `base` must be given for a delta.
pub(crate) fn unpack(packed: &Packed<'_>, base: Option<&[u8]>) -> Option<Vec<u8>> {
    if packed.stored {
        return Some(packed.frame.to_vec());
    }
    let dict = if packed.depth > 0 { base? } else { &[][..] };
    // The length in our header must agree with the frame's own before it
    // sizes an allocation: a damaged header must not ask for gigabytes.
    let declared = zstd::zstd_safe::get_frame_content_size(packed.frame).ok().flatten()?;
    if declared != packed.len as u64 {
        return None;
    }
    let mut out: Vec<u8> = Vec::with_capacity(packed.len);
    let n = DCTX.with_borrow_mut(|dctx| {
        dctx.load_dictionary(dict).ok()?;
        dctx.decompress(&mut out, packed.frame).ok()
    })?;
    (n == packed.len).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(data: &[u8], base: Option<(&[u8], u8)>) -> Vec<u8> {
        let packed = pack(data, base);
        let p = parse(&packed).unwrap();
        unpack(&p, base.map(|b| b.0)).unwrap()
    }

    #[test]
    fn whole_and_delta_round_trip() {
        let a = "The council approved the budget on Tuesday. ".repeat(40);
        let b = a.replace("Tuesday", "Wednesday");
        assert_eq!(roundtrip(a.as_bytes(), None), a.as_bytes());
        assert_eq!(roundtrip(b.as_bytes(), Some((a.as_bytes(), 0))), b.as_bytes());
        assert_eq!(roundtrip(b"", None), b"");
    }

    #[test]
    fn a_small_edit_costs_little() {
        let a: String =
            (0..120).map(|i| format!("Sentence number {i} says something about item {}. ", i * 7)).collect();
        let b = a.replace("item 70.", "item seventy, officials said.");
        let delta = pack(b.as_bytes(), Some((a.as_bytes(), 0)));
        assert!(delta.len() < 80, "{} bytes", delta.len());
        assert_eq!(parse(&delta).unwrap().depth, 1);
    }

    #[test]
    fn a_damaged_length_is_refused_before_allocating() {
        let a = "Officials said the bridge would reopen. ".repeat(30);
        let mut packed = pack(a.as_bytes(), None);
        // The length field follows the one-byte tag.
        packed[1..5].copy_from_slice(&u32::MAX.to_le_bytes());
        let p = parse(&packed).unwrap();
        assert_eq!(unpack(&p, None), None);
    }

    #[test]
    fn chains_are_cut() {
        let packed = pack(b"abc", Some((b"abd", CHAIN_LIMIT - 1)));
        assert_eq!(parse(&packed).unwrap().depth, 0);
    }

    #[test]
    fn a_damaged_frame_is_not_decoded_silently() {
        let a = "Officials said the bridge would reopen. ".repeat(30);
        let mut packed = pack(a.as_bytes(), None);
        let n = packed.len();
        packed[n / 2] ^= 0x55;
        let p = parse(&packed).unwrap();
        assert_ne!(unpack(&p, None).as_deref(), Some(a.as_bytes()));
    }
}

/// One occurrence as stored: numbers as steps from the previous one, so
/// an edit early in a story changes only the bytes around it and the list
/// deltas well against its parent's.
#[derive(serde::Serialize, serde::Deserialize)]
struct WireOccurrence {
    index_step: i64,
    paragraph_step: i64,
    statement: crate::Hash32,
    speaker: Option<String>,
    mention: Option<String>,
    attribution: String,
    cue: Option<String>,
    start_step: i64,
    len: u64,
}

/// A revision's statement list in its wire form (before compression).
pub(crate) fn occurrences_to_wire(list: &[crate::Occurrence]) -> Vec<u8> {
    let mut prev = (0i64, 0i64, 0i64);
    let wire: Vec<WireOccurrence> = list
        .iter()
        .map(|o| {
            let (index, paragraph, start) = (i64::from(o.index), i64::from(o.paragraph), o.span.0 as i64);
            let w = WireOccurrence {
                index_step: index - prev.0,
                paragraph_step: paragraph - prev.1,
                statement: o.statement,
                speaker: o.speaker.clone(),
                mention: o.mention.clone(),
                attribution: o.attribution.clone(),
                cue: o.cue.clone(),
                start_step: start - prev.2,
                len: o.span.1.saturating_sub(o.span.0),
            };
            prev = (index, paragraph, start);
            w
        })
        .collect();
    to_bytes(&wire)
}

pub(crate) fn occurrences_from_wire(bytes: &[u8]) -> Option<Vec<crate::Occurrence>> {
    let wire: Vec<WireOccurrence> = from_bytes(bytes)?;
    let mut prev = (0i64, 0i64, 0i64);
    let mut out = Vec::with_capacity(wire.len());
    for w in wire {
        prev = (
            prev.0.checked_add(w.index_step)?,
            prev.1.checked_add(w.paragraph_step)?,
            prev.2.checked_add(w.start_step)?,
        );
        let start = u64::try_from(prev.2).ok()?;
        out.push(crate::Occurrence {
            index: u32::try_from(prev.0).ok()?,
            paragraph: u32::try_from(prev.1).ok()?,
            statement: w.statement,
            speaker: w.speaker,
            mention: w.mention,
            attribution: w.attribution,
            cue: w.cue,
            span: (start, start.checked_add(w.len)?),
        });
    }
    Some(out)
}
