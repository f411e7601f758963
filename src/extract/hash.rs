//! A fast path to [`normalize::content_hash`] for the common case.
//!
//! NFC normalisation dominates extraction time, yet news text is almost
//! always NFC already: no character below U+0300 (the first combining mark)
//! and none of General Punctuation (U+2002..=U+206F) decomposes or composes
//! under NFC. For content made only of those, NFC is the identity, so the
//! version-1 rules reduce to quote unification and white-space collapsing,
//! done here without the normaliser. Anything else takes the specified
//! path. The two must agree: see the tests.

use std::sync::LazyLock;

use blake3::hazmat::HasherExt;

use super::normalize::{self, STATEMENT_HASH_CONTEXT};
use super::scan;

/// Deriving the key from the context string costs more than hashing a
/// sentence: derive it once. Each statement's hasher starts from the
/// derived key (what `Hasher::new_derive_key` does after deriving it):
/// cloning a prepared hasher copied its whole 1.9 KB stack of chaining
/// values, empty as it is.
static CONTEXT_KEY: LazyLock<blake3::hazmat::ContextKey> =
    LazyLock::new(|| blake3::hazmat::hash_derive_key_context(STATEMENT_HASH_CONTEXT));

fn new_hasher() -> blake3::Hasher {
    blake3::Hasher::new_from_context_key(&CONTEXT_KEY)
}

fn nfc_trivial(c: char) -> bool {
    (c as u32) < 0x300 || ('\u{2002}'..='\u{206F}').contains(&c)
}

/// Bytes copied as they are: printable ASCII, UTF-8 continuation bytes and
/// the lead bytes of U+00C0..=U+02FF (letters: NFC-stable, neither white
/// space nor quotation marks).
#[inline]
fn is_plain(b: u8) -> bool {
    PLAIN[usize::from(b)]
}

static PLAIN: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b, 0x21..=0x7e | 0x80..=0xbf | 0xc3..=0xcb);
        b += 1;
    }
    t
};

/// Same result as [`normalize::content_hash`], faster for plain text.
pub fn content_hash(content: &str) -> String {
    let bytes = content.as_bytes();
    let mut hasher = new_hasher();
    if is_normal(bytes) {
        hasher.update(bytes);
        return hex(&hasher.finalize());
    }
    // Normalise into a stack buffer and feed the hasher in large pieces:
    // blake3's output does not depend on how the input is chunked.
    let mut buf = Buf { bytes: [0; 512], len: 0 };
    let mut pending_space = false;
    let mut any = false;
    let mut i = 0;
    while i < bytes.len() {
        // A run of plain bytes, single inner spaces included: it opens
        // with a plain byte, then eight bytes a step where they allow,
        // one at a time where a step cannot tell (a space in its last
        // byte, the text's last bytes).
        let start = i;
        if is_plain(bytes[i]) {
            i += 1;
            loop {
                i = plain_run_end(bytes, i);
                if i < bytes.len()
                    && (is_plain(bytes[i]) || (bytes[i] == b' ' && bytes.get(i + 1).copied().is_some_and(is_plain)))
                {
                    i += 1;
                } else {
                    break;
                }
            }
        }
        if i > start {
            if pending_space {
                buf.push_byte(&mut hasher, b' ');
                pending_space = false;
            }
            buf.push(&mut hasher, &bytes[start..i]);
            any = true;
            continue;
        }
        let c = content[i..].chars().next().unwrap_or(' ');
        i += c.len_utf8();
        if !nfc_trivial(c) {
            return normalize::content_hash(content);
        }
        if c.is_whitespace() {
            pending_space = any;
            continue;
        }
        if pending_space {
            buf.push_byte(&mut hasher, b' ');
            pending_space = false;
        }
        any = true;
        let mut tmp = [0u8; 4];
        let unified = normalize::unify_quote(c).encode_utf8(&mut tmp);
        buf.push(&mut hasher, unified.as_bytes());
    }
    hasher.update(&buf.bytes[..buf.len]);
    hex(&hasher.finalize())
}

/// The hash's 64 lowercase hex digits, as `Hash::to_hex` writes them.
/// Four bytes a step in one u64 instead of two table reads a byte, and
/// straight into the `String` instead of through an `ArrayString` and a
/// copy: 324 instructions a statement in blake3's, about 150 here.
fn hex(hash: &blake3::Hash) -> String {
    const LOW_NIBBLES: u64 = 0x000F_000F_000F_000F;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut out = Vec::with_capacity(64);
    for four in hash.as_bytes().chunks_exact(4) {
        let x = u64::from(u32::from_le_bytes(four.try_into().expect("4 bytes")));
        // Byte j of the four into the low byte of 16-bit lane j: the two
        // halves apart, then the two bytes of each (six operations, where
        // each byte moved on its own took ten).
        let halves = (x | (x << 16)) & 0x0000_FFFF_0000_FFFF;
        let lanes = (halves | (halves << 8)) & 0x00FF_00FF_00FF_00FF;
        // Its high nibble in the lane's first byte, its low one in the second.
        let n = ((lanes >> 4) & LOW_NIBBLES) | ((lanes & LOW_NIBBLES) << 8);
        // Nibbles of 10 and more go to 'a'..='f': 39 past '0' + 10.
        let letters = ((n + 6 * ONES) >> 4) & ONES;
        let digits = n + u64::from(b'0') * ONES + letters * 39;
        out.extend_from_slice(&digits.to_le_bytes());
    }
    String::from_utf8(out).expect("hex digits are ASCII")
}

/// Whether the rules leave `bytes` as they are: plain bytes and single
/// spaces, none at either end. Most statements are so; eight bytes a step
/// tell, with no branch per byte, and their bytes are then hashed in place.
/// A step of ASCII bytes, as most are, is told by three comparisons
/// (below a space, a space, DEL) instead of [`plain_mask`]'s four and a
/// space's; the first step that is not normal ends the walk (the slow
/// path of [`content_hash`] walks the text again).
fn is_normal(bytes: &[u8]) -> bool {
    // A space at the start is not normal: as if one came before it.
    let mut prev_space = true;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let space = if x & scan::HI == 0 {
            // Printable ASCII is 0x21..=0x7E: a byte below 0x20 or DEL is
            // not plain, and 0x20 is a space.
            let (ge_space, above_space) = (scan::ge7(x, 0x20), scan::ge7(x, 0x21));
            if (!ge_space | scan::ge7(x, 0x7f)) & scan::HI != 0 {
                return false;
            }
            ge_space & !above_space
        } else {
            let space = scan::eq_mask(x, b' ');
            if plain_mask(x) | space != scan::HI {
                return false;
            }
            space
        };
        // Each byte's left neighbour is a space: the mask one lane up.
        let after_space = (space << 8) | (u64::from(prev_space) << 7);
        if space & after_space != 0 {
            return false;
        }
        prev_space = space >> 63 == 1;
    }
    for &b in chunks.remainder() {
        let space = b == b' ';
        if !(is_plain(b) || (space && !prev_space)) {
            return false;
        }
        prev_space = space;
    }
    !prev_space
}

/// Where a run of plain bytes and single inner spaces that goes on at
/// `i` stops, as far as whole eight-byte steps tell: the first byte that
/// is neither plain nor a space before a plain byte of the same step, or
/// where fewer than eight bytes are left. Content with curly quotes takes
/// the slow path of [`content_hash`]; its runs between the marks are long.
#[inline]
fn plain_run_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let plain = plain_mask(x);
        // A space whose right neighbour (one lane up) is plain; the last
        // lane's neighbour is in the next step, so a space there stops it.
        let good = plain | (scan::eq_mask(x, b' ') & (plain >> 8));
        let stop = !good & scan::HI;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i
}

/// [`is_plain`] of eight bytes: bit 7 of each byte of the result.
#[inline(always)]
fn plain_mask(x: u64) -> u64 {
    let high = x & scan::HI;
    let printable = !high & scan::ge7(x, 0x21) & !scan::ge7(x, 0x7f);
    // 0x80..=0xBF and 0xC3..=0xCB by their low seven bits.
    let continuation = high & !scan::ge7(x, 0x40);
    let lead = high & scan::ge7(x, 0x43) & !scan::ge7(x, 0x4c);
    printable | continuation | lead
}

struct Buf {
    bytes: [u8; 512],
    len: usize,
}

impl Buf {
    fn push_byte(&mut self, hasher: &mut blake3::Hasher, b: u8) {
        if self.len == self.bytes.len() {
            hasher.update(&self.bytes);
            self.len = 0;
        }
        self.bytes[self.len] = b;
        self.len += 1;
    }

    fn push(&mut self, hasher: &mut blake3::Hasher, b: &[u8]) {
        if self.len + b.len() > self.bytes.len() {
            hasher.update(&self.bytes[..self.len]);
            self.len = 0;
            if b.len() > self.bytes.len() {
                hasher.update(b);
                return;
            }
        }
        self.bytes[self.len..self.len + b.len()].copy_from_slice(b);
        self.len += b.len();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn agrees_with_the_specified_hash() {
        for s in [
            "",
            " ",
            "a",
            "Plain words, one space each.",
            " a",
            "a ",
            "  a  b\t\nc ",
            "\u{201C}All options\u{201D} are \u{2018}on\u{2019} the table.",
            "caf\u{e9} na\u{ef}ve \u{2014} \u{2026}",
            "cafe\u{301}",
            "\u{2000}x\u{2001}",
            "x\u{b}y\u{c}z\u{85}w\u{a0}v",
            "\u{ab}\u{bb} \u{2032}\u{2033}",
        ] {
            assert_eq!(content_hash(s), normalize::content_hash(s), "{s:?}");
        }
    }

    #[test]
    fn hex_is_what_blake3_writes() {
        for input in ["", "a", "Plain words, one space each.", "\u{201C}All options\u{201D}"] {
            let h = blake3::hash(input.as_bytes());
            assert_eq!(hex(&h), h.to_hex().as_str());
        }
        for b in 0..=255u8 {
            let h = blake3::Hash::from_bytes([b; 32]);
            assert_eq!(hex(&h), h.to_hex().as_str());
        }
    }

    proptest! {
        // No regression files: they would land outside src/extract.
        #![proptest_config(ProptestConfig { cases: 1000, failure_persistence: None, ..ProptestConfig::default() })]
        #[test]
        fn agrees_on_any_text(s in "\\PC*") {
            prop_assert_eq!(content_hash(&s), normalize::content_hash(&s));
        }

        #[test]
        fn agrees_on_accents_marks_and_spaces(s in "[a e\u{e9}\u{301}\u{a0}\u{85}\u{2009}\u{2000}\u{201c}\u{ab}\u{3000}\u{1680}  ]{0,24}") {
            prop_assert_eq!(content_hash(&s), normalize::content_hash(&s));
        }

        #[test]
        fn is_normal_is_what_a_byte_loop_says(bytes in proptest::collection::vec(
            prop_oneof![Just(b' '), Just(b'a'), Just(0x20u8), Just(0x21u8), Just(0x7e), Just(0x7f), Just(0x80), Just(0xbf),
                        Just(0xc0), Just(0xc2), Just(0xc3), Just(0xcb), Just(0xcc), Just(0xe2), Just(b'\n'), any::<u8>()],
            0..40)) {
            let mut want = true;
            let mut prev_space = true;
            for &b in &bytes {
                let space = b == b' ';
                want &= is_plain(b) || (space && !prev_space);
                prev_space = space;
            }
            prop_assert_eq!(is_normal(&bytes), want && !prev_space);
        }

        #[test]
        fn plain_runs_stop_where_a_byte_loop_says(bytes in proptest::collection::vec(
            prop_oneof![Just(b' '), Just(b'a'), Just(b'\n'), Just(0x7f), Just(0xe2), any::<u8>()], 0..40), from in 0usize..40) {
            let from = from.min(bytes.len());
            let end = plain_run_end(&bytes, from);
            // Every byte passed is plain or a space before a plain byte of
            // its step; the stop is one that the rule refuses, or that a
            // step could not tell.
            for k in from..end {
                prop_assert!(is_plain(bytes[k]) || (bytes[k] == b' ' && is_plain(bytes[k + 1])));
            }
            if end < bytes.len() {
                let refused = !(is_plain(bytes[end]) || (bytes[end] == b' ' && bytes.get(end + 1).copied().is_some_and(is_plain)));
                prop_assert!(refused || (end - from) % 8 == 7 || ((end - from).is_multiple_of(8) && bytes.len() - end < 8));
            }
        }

        #[test]
        fn agrees_on_news_like_text(s in "[a-zA-Z \u{201C}\u{201D}\u{2019}\u{2014}\u{e9}\t\n.,]{0,40}") {
            prop_assert_eq!(content_hash(&s), normalize::content_hash(&s));
        }
    }
}
