//! Byte scanning: finding the few bytes that matter (stops, quotation
//! marks, line breaks) and the few words that mark a rare case ("print",
//! "anonym") without looking at every byte in turn.
//!
//! The searches are memchr's (SIMD where the CPU has it). Every caller
//! restarts a search right after the last hit, once per stop or mark of an
//! article, so a search must cost little to start as well as per byte: no
//! searcher is built per call.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each byte of the result is set where `word` has byte `b`
/// (exact, no false positives: the classic "has zero byte" test).
#[inline]
fn eq_mask(word: u64, b: u8) -> u64 {
    let x = word ^ (LO * u64::from(b));
    // Exact variant: no borrow can cross into a neighbouring byte.
    !(((x & !HI).wrapping_add(!HI)) | x | !HI)
}

/// Position of the first byte at or after `from` that is one of `set`.
pub fn find_any(bytes: &[u8], from: usize, set: &[u8]) -> Option<usize> {
    let hay = bytes.get(from..)?;
    let first = match *set {
        [] => None,
        [a] => memchr::memchr(a, hay),
        [a, b] => memchr::memchr2(a, b, hay),
        [a, b, c, ..] => memchr::memchr3(a, b, c, hay),
    };
    if set.len() <= 3 {
        return first.map(|p| from + p);
    }
    // More than three bytes: the rest only before the first hit of the
    // first three (the rest are rare ones, such as UTF-8 lead bytes).
    let end = first.unwrap_or(hay.len());
    let rest = find_swar(&hay[..end], &set[3..]);
    rest.or(first).map(|p| from + p)
}

/// The first byte of `bytes` that is one of `set`, eight bytes at a time.
fn find_swar(bytes: &[u8], set: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut chunk = [0u8; 8];
        chunk.copy_from_slice(&bytes[i..i + 8]);
        let word = u64::from_le_bytes(chunk);
        let mut m = 0;
        for &b in set {
            m |= eq_mask(word, b);
        }
        if m != 0 {
            return Some(i + (m.trailing_zeros() / 8) as usize);
        }
        i += 8;
    }
    bytes[i..].iter().position(|b| set.contains(b)).map(|p| i + p)
}

/// Whether `hay` contains `needle`, searched for by its byte at `anchor`:
/// the caller picks the needle's rarest byte in news text (a 'y', 'z',
/// 'w', 'b' or 'p' over an 'e' or a space), so the SIMD search stops
/// seldom. `str::contains` sets up a Two-Way searcher at every call, which
/// costs more than the search itself on one sentence.
#[inline]
pub fn contains(hay: &str, needle: &str, anchor: usize) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    debug_assert!(anchor < needle.len());
    if hay.len() < needle.len() {
        return false;
    }
    let a = needle[anchor];
    // Where the anchor byte may sit in `hay`: never before `anchor` nor in
    // the last `needle.len() - anchor - 1` bytes.
    let window = &hay[anchor..hay.len() - (needle.len() - anchor - 1)];
    memchr::memchr_iter(a, window).any(|p| hay[p..].starts_with(needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn finds_what_a_plain_search_finds(bytes in proptest::collection::vec(any::<u8>(), 0..64), from in 0usize..70) {
            let set = [b'.', b'!', 0xE2];
            let from = from.min(bytes.len());
            let want = bytes[from..].iter().position(|b| set.contains(b)).map(|p| p + from);
            prop_assert_eq!(find_any(&bytes, from, &set), want);
            let set = [b'"', b'\'', 0xC2, 0xE2];
            let want = bytes[from..].iter().position(|b| set.contains(b)).map(|p| p + from);
            prop_assert_eq!(find_any(&bytes, from, &set), want);
        }

        #[test]
        fn contains_is_what_str_contains_says(hay in "[a-z pnr\u{e9}]{0,40}", needle in "[a-z pnr\u{e9}]{1,5}", anchor in 0usize..8) {
            let anchor = anchor % needle.len();
            prop_assert_eq!(contains(&hay, &needle, anchor), hay.contains(needle.as_str()));
        }
    }
}
