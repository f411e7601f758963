//! The key layout of the one sled tree the store uses.
//!
//! Everything lives in a single tree so that a revision and all it touches
//! (blobs, statements, speakers, indexes, counters) are written with one
//! atomic `apply_batch`. The first byte says what a key holds. Numbers are
//! big-endian so that keys sort in numeric order and prefix scans return
//! revisions and statements in order. Story and speaker ids never contain
//! NUL (validated), so NUL separates a variable-length id from what follows.

use crate::hash::Hash32;

pub(crate) const META: u8 = b'M';
pub(crate) const STORY: u8 = b'S';
pub(crate) const REVISION: u8 = b'R';
pub(crate) const OCCURRENCES: u8 = b'O';
pub(crate) const BLOB: u8 = b'B';
pub(crate) const STATEMENT: u8 = b'T';
pub(crate) const SPEAKER: u8 = b'P';
pub(crate) const ALIAS: u8 = b'A';
/// Index of statement runs by speaker: speaker, story, statement, first revision.
pub(crate) const BY_SPEAKER: u8 = b'x';
/// Index of statement runs by statement: statement, story, first revision, speaker.
pub(crate) const BY_STATEMENT: u8 = b'y';
/// Index: term, NUL, batch number → statement hashes.
pub(crate) const BY_TERM: u8 = b'z';

/// Index: story, NUL, text blob id → the latest revision with that text.
pub(crate) const BY_TEXT: u8 = b'H';

/// A watched URL: canonical URL → watch record.
pub(crate) const WATCH: u8 = b'W';
/// A check: story, NUL, time (i64 BE nanoseconds, offset to sort) → check record.
pub(crate) const CHECK: u8 = b'C';

/// Index: lookup key, NUL, speaker id → nothing.
pub(crate) const BY_NAME: u8 = b'N';

/// A revision's analysis: story, NUL, number → analysis record (its
/// version, its speakers as it named them, digest and chain).
pub(crate) const ANALYSIS: u8 = b'D';

/// Near-duplicate (variant) index: fingerprint, batch number → statement
/// keys (see [`crate::near`]).
pub(crate) const NEAR: u8 = b'V';
/// Present once the variant index covers every statement. The version is
/// the caller's fingerprint function's: a store indexed by another (v1
/// hashed with blake3) has no complete index for this build, and
/// `reanalyze` rebuilds it.
pub(crate) const NEAR_MARK: &[u8] = b"Mnear:v2";

/// Furniture index: host, NUL, line fingerprint, story → nothing (see
/// [`crate::furniture`]).
pub(crate) const FURNITURE: u8 = b'F';
/// The pages of a host: host, NUL, story → nothing.
pub(crate) const HOST_PAGE: u8 = b'G';
/// Present once the furniture index covers every revision.
pub(crate) const FURNITURE_MARK: &[u8] = b"Mfurniture:v1";

/// What the keys with this first byte hold, as people read it.
pub(crate) fn kind_name(tag: u8) -> &'static str {
    match tag {
        META => "counters",
        STORY => "stories",
        REVISION => "revision records",
        OCCURRENCES => "statement lists",
        BLOB => "texts (raw and normalised)",
        STATEMENT => "statement contents",
        SPEAKER => "speakers",
        ALIAS => "aliases",
        BY_SPEAKER => "speaker index (runs)",
        BY_STATEMENT => "statement index (runs)",
        BY_TERM => "search index",
        BY_TEXT => "text index (reverts)",
        WATCH => "tracked URLs",
        CHECK => "checks",
        BY_NAME => "name index",
        ANALYSIS => "analysis records",
        NEAR => "variant index",
        FURNITURE => "furniture index (lines)",
        HOST_PAGE => "furniture index (pages)",
        _ => "other",
    }
}

pub(crate) const FORMAT_KEY: &[u8] = b"Mformat";

pub(crate) fn counter(name: &str) -> Vec<u8> {
    let mut k = vec![META];
    k.extend_from_slice(b"count:");
    k.extend_from_slice(name.as_bytes());
    k
}

fn with_id(tag: u8, id: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(1 + id.len());
    k.push(tag);
    k.extend_from_slice(id.as_bytes());
    k
}

pub(crate) fn story(id: &str) -> Vec<u8> {
    with_id(STORY, id)
}

/// Prefix of all revision keys of a story.
pub(crate) fn revisions_of(story: &str) -> Vec<u8> {
    let mut k = with_id(REVISION, story);
    k.push(0);
    k
}

pub(crate) fn revision(story: &str, number: u32) -> Vec<u8> {
    let mut k = revisions_of(story);
    k.extend_from_slice(&number.to_be_bytes());
    k
}

pub(crate) fn occurrences(story: &str, number: u32) -> Vec<u8> {
    let mut k = revision(story, number);
    k[0] = OCCURRENCES;
    k
}

pub(crate) fn analysis(story: &str, number: u32) -> Vec<u8> {
    let mut k = revision(story, number);
    k[0] = ANALYSIS;
    k
}

pub(crate) fn by_text(story: &str, text: &Hash32) -> Vec<u8> {
    let mut k = with_id(BY_TEXT, story);
    k.push(0);
    k.extend_from_slice(&text.0);
    k
}

pub(crate) fn blob(id: &Hash32) -> Vec<u8> {
    let mut k = vec![BLOB];
    k.extend_from_slice(&id.0);
    k
}

pub(crate) fn statement(hash: &Hash32) -> Vec<u8> {
    let mut k = vec![STATEMENT];
    k.extend_from_slice(&hash.0);
    k
}

pub(crate) fn speaker(id: &str) -> Vec<u8> {
    with_id(SPEAKER, id)
}

pub(crate) fn alias(id: &str) -> Vec<u8> {
    with_id(ALIAS, id)
}

/// Prefix of the by-speaker index for one speaker.
pub(crate) fn by_speaker_prefix(speaker: &str) -> Vec<u8> {
    let mut k = with_id(BY_SPEAKER, speaker);
    k.push(0);
    k
}

/// By-speaker run key: speaker, NUL, story, NUL, statement hash, first
/// revision. Its value is a [`crate::records::RunValue`].
pub(crate) fn by_speaker(speaker: &str, story: &str, hash: &Hash32, first: u32) -> Vec<u8> {
    let mut k = by_speaker_prefix(speaker);
    k.extend_from_slice(story.as_bytes());
    k.push(0);
    k.extend_from_slice(&hash.0);
    k.extend_from_slice(&first.to_be_bytes());
    k
}

/// Split the tail of a by-speaker key (after its prefix): story, hash, first.
pub(crate) fn split_speaker_tail(tail: &[u8]) -> Option<(String, Hash32, u32)> {
    let at = tail.len().checked_sub(37)?;
    if tail[at] != 0 {
        return None;
    }
    let story = std::str::from_utf8(&tail[..at]).ok()?.to_string();
    let first = u32::from_be_bytes(tail[at + 33..].try_into().ok()?);
    Some((story, Hash32::from_slice(&tail[at + 1..at + 33])?, first))
}

pub(crate) fn by_statement_prefix(hash: &Hash32) -> Vec<u8> {
    let mut k = vec![BY_STATEMENT];
    k.extend_from_slice(&hash.0);
    k
}

/// Prefix of a statement's runs in one story.
pub(crate) fn by_statement_in(hash: &Hash32, story: &str) -> Vec<u8> {
    let mut k = by_statement_prefix(hash);
    k.extend_from_slice(story.as_bytes());
    k.push(0);
    k
}

/// By-statement run key: statement hash, story, NUL, first revision,
/// speaker id (empty for an unattributed statement). Its value is a
/// [`crate::records::RunValue`].
pub(crate) fn by_statement(hash: &Hash32, story: &str, first: u32, speaker: Option<&str>) -> Vec<u8> {
    let mut k = by_statement_in(hash, story);
    k.extend_from_slice(&first.to_be_bytes());
    k.extend_from_slice(speaker.unwrap_or_default().as_bytes());
    k
}

/// Split the tail of a by-statement key (after the hash): story, first,
/// speaker.
pub(crate) fn split_statement_tail(tail: &[u8]) -> Option<(String, u32, Option<String>)> {
    let (story, first, speaker) = split_statement_tail_ref(tail)?;
    Some((story.to_string(), first, speaker.map(str::to_string)))
}

/// [`split_statement_tail`], borrowing from the key.
pub(crate) fn split_statement_tail_ref(tail: &[u8]) -> Option<(&str, u32, Option<&str>)> {
    let nul = tail.iter().position(|&b| b == 0)?;
    let story = std::str::from_utf8(&tail[..nul]).ok()?;
    let first = u32::from_be_bytes(tail.get(nul + 1..nul + 5)?.try_into().ok()?);
    let speaker = std::str::from_utf8(&tail[nul + 5..]).ok()?;
    Some((story, first, (!speaker.is_empty()).then_some(speaker)))
}

pub(crate) fn by_term_prefix(term: &str) -> Vec<u8> {
    let mut k = with_id(BY_TERM, term);
    k.push(0);
    k
}

/// Term index key: term, NUL, the sequence number of the batch that wrote
/// it. Its value is the keys (first 8 bytes of the hash) of that batch's
/// new statements holding the term: one key per term per batch, not per
/// statement.
pub(crate) fn by_term(term: &str, batch: u64) -> Vec<u8> {
    let mut k = by_term_prefix(term);
    k.extend_from_slice(&batch.to_be_bytes());
    k
}

pub(crate) fn watch(url: &str) -> Vec<u8> {
    with_id(WATCH, url)
}

pub(crate) fn checks_of(story: &str) -> Vec<u8> {
    let mut k = with_id(CHECK, story);
    k.push(0);
    k
}

pub(crate) fn check(story: &str, at_nanos: i64, seq: u32) -> Vec<u8> {
    let mut k = checks_of(story);
    // Flip the sign bit so negative times sort before positive ones.
    k.extend_from_slice(&((at_nanos as u64) ^ (1 << 63)).to_be_bytes());
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

pub(crate) fn by_name_prefix(key: &str) -> Vec<u8> {
    let mut k = with_id(BY_NAME, key);
    k.push(0);
    k
}

/// The prefix of the name-index entries under keys that are `key`, a
/// space and more words.
pub(crate) fn by_longer_name_prefix(key: &str) -> Vec<u8> {
    let mut k = with_id(BY_NAME, key);
    k.push(b' ');
    k
}

pub(crate) fn by_name(key: &str, speaker: &str) -> Vec<u8> {
    let mut k = by_name_prefix(key);
    k.extend_from_slice(speaker.as_bytes());
    k
}

pub(crate) fn near_prefix(print: u64) -> Vec<u8> {
    let mut k = vec![NEAR];
    k.extend_from_slice(&print.to_be_bytes());
    k
}

/// Variant index key: fingerprint, batch number (both big-endian, so one
/// fingerprint's postings are one prefix scan).
pub(crate) fn near(print: u64, batch: u64) -> Vec<u8> {
    let mut k = near_prefix(print);
    k.extend_from_slice(&batch.to_be_bytes());
    k
}

/// The fingerprint of a variant index key.
pub(crate) fn split_near(key: &[u8]) -> Option<u64> {
    (key.len() == 17 && key[0] == NEAR).then(|| u64::from_be_bytes(key[1..9].try_into().unwrap_or_default()))
}

pub(crate) fn host_pages_prefix(host: &str) -> Vec<u8> {
    let mut k = with_id(HOST_PAGE, host);
    k.push(0);
    k
}

/// A page of a host: host, NUL, story.
pub(crate) fn host_page(host: &str, story: &str) -> Vec<u8> {
    let mut k = host_pages_prefix(host);
    k.extend_from_slice(story.as_bytes());
    k
}

pub(crate) fn furniture_prefix(host: &str, line: u64) -> Vec<u8> {
    let mut k = with_id(FURNITURE, host);
    k.push(0);
    k.extend_from_slice(&line.to_be_bytes());
    k
}

/// Furniture index key: host, NUL, line fingerprint (big-endian), story.
/// One line's pages are one prefix scan.
pub(crate) fn furniture(host: &str, line: u64, story: &str) -> Vec<u8> {
    let mut k = furniture_prefix(host, line);
    k.extend_from_slice(story.as_bytes());
    k
}

/// The story of a furniture or host-page key.
pub(crate) fn furniture_story(key: &[u8]) -> Option<String> {
    let nul = key.iter().position(|&b| b == 0)?;
    let at = if key.first() == Some(&FURNITURE) { nul + 9 } else { nul + 1 };
    std::str::from_utf8(key.get(at..)?).ok().map(str::to_string)
}
