//! Byte scanning: finding the few bytes that matter (stops, quotation
//! marks, line breaks) and the few words that mark a rare case ("print",
//! "anonym") without looking at every byte in turn.
//!
//! The searches are memchr's (SIMD where the CPU has it). Every caller
//! restarts a search right after the last hit, once per stop or mark of an
//! article, so a search must cost little to start as well as per byte: no
//! searcher is built per call. [`words`] splits a whole text into
//! words, 64 bytes at a time.

pub const LO: u64 = 0x0101_0101_0101_0101;
pub const HI: u64 = 0x8080_8080_8080_8080;

/// Bit 7 of each byte of the result is set where `word` has byte `b`
/// (exact, no false positives: the classic "has zero byte" test).
#[inline]
pub fn eq_mask(word: u64, b: u8) -> u64 {
    let x = word ^ (LO * u64::from(b));
    // Exact variant: no borrow can cross into a neighbouring byte.
    !(((x & !HI).wrapping_add(!HI)) | x | !HI)
}

/// Bit 7 of each byte of the result is set where the low seven bits of
/// that byte of `x` are at least `c` (`c` <= 0x80). Exact: each lane sums
/// to at most 0xFF, so no carry reaches the next byte.
#[inline(always)]
pub fn ge7(x: u64, c: u8) -> u64 {
    ((x & !HI) + LO * u64::from(0x80 - c)) & HI
}

/// Bit 7 of each byte of the result is set where that byte of `x` is an
/// ASCII letter or digit: `u8::is_ascii_alphanumeric` on eight bytes.
#[inline(always)]
pub fn alnum_mask(x: u64) -> u64 {
    let digit = ge7(x, b'0') & !ge7(x, b'9' + 1);
    // Setting bit 5 maps 'A'..='Z' onto 'a'..='z' and nothing else into it.
    let folded = x | (LO * 0x20);
    let letter = ge7(folded, b'a') & !ge7(folded, b'z' + 1);
    (digit | letter) & !x & HI
}

/// Bit 7 of each byte of the result is set where that byte of `x` is an
/// ASCII uppercase letter.
#[inline(always)]
pub fn upper_mask(x: u64) -> u64 {
    ge7(x, b'A') & !ge7(x, b'Z' + 1) & !x & HI
}

/// The end of the run of ASCII letters and digits that starts at `i`:
/// eight bytes a test. A byte-by-byte loop mispredicted its exit at every
/// word of every sentence.
#[inline]
pub fn alnum_end(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let stop = !alnum_mask(x) & HI;
        if stop != 0 {
            return i + (stop.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
        i += 1;
    }
    i
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

/// Successive [`find_any`] searches of one text for three common bytes and
/// a rare one, each from where the caller goes on. Each search's hits are
/// kept until the caller passes them: `find_any` searched for the common
/// three again after every hit of the rare byte, and a paragraph with
/// many curly apostrophes (the rare byte of the quotation marks) and no
/// straight mark was searched to its end once for each of them.
#[derive(Debug)]
pub struct Marks<'a> {
    bytes: &'a [u8],
    common: [u8; 3],
    rare: u8,
    /// The first hit of each search at or after where it last started
    /// (`bytes.len()` for none), and whether it has started.
    next_common: Option<usize>,
    next_rare: Option<usize>,
}

impl<'a> Marks<'a> {
    pub fn new(bytes: &'a [u8], common: [u8; 3], rare: u8) -> Marks<'a> {
        Marks { bytes, common, rare, next_common: None, next_rare: None }
    }

    /// Position of the first byte at or after `from` that is one of the
    /// four: `find_any(bytes, from, &[common.., rare])`. `from` never goes
    /// back.
    pub fn find(&mut self, from: usize) -> Option<usize> {
        let (bytes, [a, b, c], rare) = (self.bytes, self.common, self.rare);
        let hay = bytes.get(from..)?;
        // A kept hit at or after `from` is still the first: the search
        // that found it saw no other between its start and it.
        let common = match self.next_common {
            Some(p) if p >= from => p,
            _ => memchr::memchr3(a, b, c, hay).map_or(bytes.len(), |p| from + p),
        };
        let rare = match self.next_rare {
            Some(p) if p >= from => p,
            _ => memchr::memchr(rare, hay).map_or(bytes.len(), |p| from + p),
        };
        self.next_common = Some(common);
        self.next_rare = Some(rare);
        let first = common.min(rare);
        (first < bytes.len()).then_some(first)
    }
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

/// A word searched for in every paragraph ("anonym", "print"), with its
/// searcher built once, on first use. memmem's prefilter looks for two of
/// its bytes at once, so it stops far less often than [`contains`] by one
/// byte: a 'p' or a 'w' comes every few dozen bytes of English, and each
/// stop restarts the search.
#[derive(Debug)]
pub struct Rare {
    needle: &'static str,
    finder: std::sync::OnceLock<memchr::memmem::Finder<'static>>,
}

impl Rare {
    pub const fn new(needle: &'static str) -> Rare {
        Rare { needle, finder: std::sync::OnceLock::new() }
    }

    /// Whether `hay` contains the word.
    pub fn is_in(&self, hay: &str) -> bool {
        self.finder().find(hay.as_bytes()).is_some()
    }

    fn finder(&self) -> &memchr::memmem::Finder<'static> {
        self.finder.get_or_init(|| memchr::memmem::Finder::new(self.needle))
    }
}

/// Where a [`Rare`] word occurs in one text, found by one search of the
/// whole text, for asking of one paragraph after another whether it holds
/// the word. A search per paragraph cost more to start than to run: the
/// six words the paragraph flags need took 2.6% of extraction that way.
///
/// The words have no proper prefix that is also a suffix, so no two of
/// their matches overlap and every occurrence is found.
#[derive(Debug)]
pub struct Hits {
    at: Vec<usize>,
    /// The first hit not before the last range asked about.
    next: usize,
}

impl Hits {
    pub fn of(word: &Rare, text: &str) -> Hits {
        debug_assert!((1..word.needle.len()).all(|k| word.needle[..k] != word.needle[word.needle.len() - k..]));
        Hits { at: word.finder().find_iter(text.as_bytes()).collect(), next: 0 }
    }

    /// Whether the word starts in `[start, end)`. Ranges are asked about
    /// in order (`start` never goes back). A range that ends at a line
    /// break or at the end of the text holds every hit that starts in
    /// it, as the words have no line break.
    pub fn any_in(&mut self, start: usize, end: usize) -> bool {
        while self.at.get(self.next).is_some_and(|&p| p < start) {
            self.next += 1;
        }
        self.at.get(self.next).is_some_and(|&p| p < end)
    }
}

/// What a byte is at a word's edge: part of a word, ASCII white space, or
/// the lead byte of a character that may be white space (U+0085, U+00A0,
/// U+1680, U+2000..=U+205F, U+3000: only these four lead bytes start one).
static EDGE: [u8; 256] = {
    let mut t = [WORD; 256];
    t[b' ' as usize] = SPACE;
    t[b'\t' as usize] = SPACE;
    t[b'\n' as usize] = SPACE;
    t[b'\r' as usize] = SPACE;
    t[0x0b] = SPACE;
    t[0x0c] = SPACE;
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;

/// The width of the character at byte `i` of `s` (a character boundary)
/// if it is white space, else 0.
fn space_width(s: &str, i: usize) -> usize {
    s[i..].chars().next().filter(|c| c.is_whitespace()).map_or(0, char::len_utf8)
}

/// The white-space separated words of `s`, in order: the words
/// `split_whitespace` gives. Whole articles (and whole 15 MB inputs) are
/// walked with it, so the edges are found 64 bytes at a time as bit masks:
/// a walk that tested each byte in turn paid a mispredicted branch at every
/// word's start and end.
pub fn words(s: &str) -> Words<'_> {
    Words { s, base: 0, next: 0, word: 0, edges: 0, start: 0, in_word: false, carry: 0 }
}

/// See [`words`].
#[derive(Clone, Debug)]
pub struct Words<'a> {
    s: &'a str,
    /// Where the block in `word` and `edges` starts, and the next one.
    base: usize,
    next: usize,
    /// Bit k: byte `base + k` is part of a word.
    word: u64,
    /// The starts and ends of words in the block not yet given.
    edges: u64,
    /// Where the word in progress starts.
    start: usize,
    /// Whether the last byte of the block is part of a word.
    in_word: bool,
    /// Bytes of a wide space that spill over into the next block.
    carry: usize,
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        loop {
            // Starts and ends alternate, so one mask in order gives both.
            while self.edges != 0 {
                let k = self.edges.trailing_zeros() as usize;
                self.edges &= self.edges - 1;
                if self.word >> k & 1 == 1 {
                    self.start = self.base + k;
                } else {
                    return Some(&self.s[self.start..self.base + k]);
                }
            }
            if self.next >= self.s.len() {
                if self.in_word {
                    self.in_word = false;
                    return Some(&self.s[self.start..]);
                }
                return None;
            }
            self.load_block();
        }
    }
}

/// The words of `s`, as [`words`] gives them, whose first byte is one of
/// `set`, each with whether any word was passed over since the word
/// before. A walk that only reads some words (those a capital or a given
/// letter opens) pays for the others two bit tests each, not a word
/// given and looked at.
pub fn words_opening_with<'a>(s: &'a str, set: &'a [bool; 256]) -> Opening<'a> {
    Opening { words: words(s), set, skipping: false, skipped: false }
}

/// See [`words_opening_with`].
#[derive(Clone, Debug)]
pub struct Opening<'a> {
    words: Words<'a>,
    set: &'a [bool; 256],
    /// The word in progress is passed over.
    skipping: bool,
    /// A word was passed over since the last one given.
    skipped: bool,
}

impl<'a> Iterator for Opening<'a> {
    /// The word, and whether words were passed over before it.
    type Item = (&'a str, bool);

    #[inline]
    fn next(&mut self) -> Option<(&'a str, bool)> {
        let w = &mut self.words;
        let bytes = w.s.as_bytes();
        loop {
            while w.edges != 0 {
                let k = w.edges.trailing_zeros() as usize;
                w.edges &= w.edges - 1;
                if w.word >> k & 1 == 1 {
                    // A word starts (never in the padding: that is spaces).
                    self.skipping = !self.set[usize::from(bytes[w.base + k])];
                    self.skipped |= self.skipping;
                    w.start = w.base + k;
                } else if !self.skipping {
                    return Some((&w.s[w.start..w.base + k], std::mem::take(&mut self.skipped)));
                }
            }
            if w.next >= w.s.len() {
                if w.in_word {
                    w.in_word = false;
                    if !self.skipping {
                        return Some((&w.s[w.start..], std::mem::take(&mut self.skipped)));
                    }
                }
                return None;
            }
            w.load_block();
        }
    }
}

impl Words<'_> {
    fn load_block(&mut self) {
        let bytes = self.s.as_bytes();
        self.base = self.next;
        self.next += 64;
        // The last block is padded with spaces, which end its last word.
        let mut padded = [b' '; 64];
        let block: &[u8; 64] = match bytes.get(self.base..self.base + 64) {
            Some(b) => b.try_into().expect("64 bytes"),
            None => {
                padded[..bytes.len() - self.base].copy_from_slice(&bytes[self.base..]);
                &padded
            }
        };
        let (mut space, mut maybe) = (0u64, 0u64);
        for (c, chunk) in block.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
            // Bit 7 of each byte below '!': exact, as in `eq_mask`.
            let low = !(((x & !HI) + LO * 0x5F) | x) & HI;
            let (s, m) = if x & HI == 0 && low & !eq_mask(x, b' ') == 0 {
                // Plain ASCII, spaces the only white space: eight bytes at
                // once, bit 7 of each gathered into one byte.
                (((low >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56), 0)
            } else {
                // A line break, a control byte or a lead byte: the table.
                let (mut s, mut m) = (0u64, 0u64);
                for (k, &b) in chunk.iter().enumerate() {
                    let e = EDGE[usize::from(b)];
                    s |= u64::from(e & SPACE) << k;
                    m |= u64::from(e >> 1) << k;
                }
                (s, m)
            };
            space |= s << (8 * c);
            maybe |= m << (8 * c);
        }
        space |= (1u64 << self.carry) - 1;
        self.carry = 0;
        while maybe != 0 {
            let k = maybe.trailing_zeros() as usize;
            maybe &= maybe - 1;
            let n = space_width(self.s, self.base + k);
            let within = n.min(64 - k);
            space |= ((1u64 << within) - 1) << k;
            self.carry = n - within;
        }
        self.word = !space;
        self.edges = self.word ^ ((self.word << 1) | u64::from(self.in_word));
        self.in_word = self.word >> 63 == 1;
    }
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
        fn marks_find_what_find_any_finds(bytes in proptest::collection::vec(
            prop_oneof![Just(b'"'), Just(b'\''), Just(0xC2u8), Just(0xE2u8), any::<u8>()], 0..64),
            steps in proptest::collection::vec(0usize..6, 0..20)) {
            let set = [b'"', b'\'', 0xC2, 0xE2];
            let mut marks = Marks::new(&bytes, [b'"', b'\'', 0xC2], 0xE2);
            let mut from = 0;
            for step in steps {
                prop_assert_eq!(marks.find(from), find_any(&bytes, from, &set));
                from = (from + step).min(bytes.len());
            }
        }

        #[test]
        fn words_are_what_split_whitespace_gives(s in "[ a\\n\\t\\x0b\\x01\\x1f!~\u{85}\u{a0}\u{2003}\u{3000}\u{1680}\u{e9}\u{201d}B.]{0,150}") {
            let ours: Vec<&str> = words(&s).collect();
            let std: Vec<&str> = s.split_whitespace().collect();
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn words_opening_with_are_the_words_that_open_so(s in "[ a\\n\\tB.\u{85}\u{a0}\u{2003}\u{e9}\u{201d}xi]{0,150}") {
            let mut set = [false; 256];
            for b in [b'B', b'i', 0xC3, 0xE2] {
                set[usize::from(b)] = true;
            }
            let mut want = Vec::new();
            let mut skipped = false;
            for w in s.split_whitespace() {
                if set[usize::from(w.as_bytes()[0])] {
                    want.push((w, std::mem::take(&mut skipped)));
                } else {
                    skipped = true;
                }
            }
            let ours: Vec<(&str, bool)> = words_opening_with(&s, &set).collect();
            prop_assert_eq!(ours, want);
        }

        #[test]
        fn alnum_end_is_what_a_byte_loop_gives(bytes in proptest::collection::vec(any::<u8>(), 0..40), from in 0usize..40) {
            let from = from.min(bytes.len());
            let mut want = from;
            while bytes.get(want).is_some_and(u8::is_ascii_alphanumeric) {
                want += 1;
            }
            prop_assert_eq!(alnum_end(&bytes, from), want);
        }

        #[test]
        fn rare_is_what_str_contains_says(hay in "[a-z pnr\u{e9}]{0,90}") {
            static PRINT: Rare = Rare::new("print");
            prop_assert_eq!(PRINT.is_in(&hay), hay.contains("print"));
        }

        #[test]
        fn hits_are_what_each_paragraph_holds(paras in proptest::collection::vec("[a-z pnrit\u{e9}]{0,30}", 0..8)) {
            static PRINT: Rare = Rare::new("print");
            let doc = paras.join("\n\n");
            let mut hits = Hits::of(&PRINT, &doc);
            let mut start = 0;
            for p in &paras {
                prop_assert_eq!(hits.any_in(start, start + p.len()), p.contains("print"));
                start += p.len() + 2;
            }
        }

        #[test]
        fn contains_is_what_str_contains_says(hay in "[a-z pnr\u{e9}]{0,40}", needle in "[a-z pnr\u{e9}]{1,5}", anchor in 0usize..8) {
            let anchor = anchor % needle.len();
            prop_assert_eq!(contains(&hay, &needle, anchor), hay.contains(needle.as_str()));
        }
    }

    #[test]
    fn masks_agree_with_std_on_every_byte_in_every_lane() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                // Neighbours that sit at the edges of the ranges.
                let mut bytes = [b'z', b'A', 0xFF, b'0', b'@', 0x80, b'9', b'['];
                bytes[lane] = b;
                let x = u64::from_le_bytes(bytes);
                let (alnum, upper) = (alnum_mask(x), upper_mask(x));
                for (k, &v) in bytes.iter().enumerate() {
                    assert_eq!(alnum >> (8 * k + 7) & 1 == 1, v.is_ascii_alphanumeric(), "{v:#x} in lane {k}");
                    assert_eq!(upper >> (8 * k + 7) & 1 == 1, v.is_ascii_uppercase(), "{v:#x} in lane {k}");
                }
            }
        }
    }
}
