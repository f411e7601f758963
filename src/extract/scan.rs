//! Byte scanning eight bytes at a time: finding the few bytes that matter
//! (stops, quotation marks) without looking at every byte in turn.

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
    let mut i = from;
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
    bytes[i.min(bytes.len())..].iter().position(|b| set.contains(b)).map(|p| i + p)
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
        }
    }
}
