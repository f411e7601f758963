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
/// Inlined: callers pass a constant set, whose length then picks the
/// search at compile time (and whether it was inlined moved with how rustc
/// split the crate into codegen units: 3 M instructions either way).
#[inline]
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
/// [`RareWords`] finds several words' hits in one pass.
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
    #[cfg(test)]
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

/// Several rare words, each one's [`Hits`] in a text found by one search
/// for them all: a memmem pass for each of the eight words of the
/// paragraph flags cost 19.5 M instructions over the PolNeAR train texts
/// (3.1% of extraction), about 0.6 a byte each; Aho-Corasick's packed
/// (SIMD) searcher looks for all of them at once.
///
/// No word's proper prefix is a suffix of it or of another word, and no
/// word holds another: no two matches can overlap, so a search for
/// non-overlapping matches finds every occurrence of each word.
#[derive(Debug)]
pub struct RareWords<const N: usize> {
    words: [&'static str; N],
    searcher: std::sync::OnceLock<aho_corasick::AhoCorasick>,
}

impl<const N: usize> RareWords<N> {
    /// The words, checked when the program is compiled (a `static`'s
    /// value is evaluated then): two that could overlap do not build.
    pub const fn new(words: [&'static str; N]) -> Self {
        assert!(overlap_free(&words), "rare words must not overlap: no word may end with another's start or hold it");
        RareWords { words, searcher: std::sync::OnceLock::new() }
    }

    /// Each word's hits in `text`, in the order of the words.
    pub fn hits(&self, text: &str) -> [Hits; N] {
        let searcher = self.searcher.get_or_init(|| {
            // Leftmost-first: the packed searcher serves no other kind
            // (with no overlaps, every kind finds the same matches).
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(self.words)
                .expect("a few short words make a searcher")
        });
        let mut at: [Vec<usize>; N] = std::array::from_fn(|_| Vec::new());
        for m in searcher.find_iter(text) {
            at[m.pattern().as_usize()].push(m.start());
        }
        at.map(|at| Hits { at, next: 0 })
    }
}

/// Whether no word's proper prefix is a suffix of it or of another word,
/// and no word holds another (what [`RareWords`] needs), as a `const fn`
/// so that a list that breaks it fails to compile rather than to find.
const fn overlap_free(words: &[&str]) -> bool {
    let mut i = 0;
    while i < words.len() {
        let a = words[i].as_bytes();
        let mut j = 0;
        while j < words.len() {
            let b = words[j].as_bytes();
            // A suffix of `a` of length k that is a prefix of `b`.
            let mut k = 1;
            while k < a.len() && k < b.len() {
                if bytes_eq(a, a.len() - k, b, 0, k) {
                    return false;
                }
                k += 1;
            }
            // `b` inside `a` (another word).
            if i != j && b.len() <= a.len() {
                let mut at = 0;
                while at + b.len() <= a.len() {
                    if bytes_eq(a, at, b, 0, b.len()) {
                        return false;
                    }
                    at += 1;
                }
            }
            j += 1;
        }
        i += 1;
    }
    true
}

/// Whether `a[i..i + n]` equals `b[j..j + n]`, in a `const fn`.
const fn bytes_eq(a: &[u8], i: usize, b: &[u8], j: usize, n: usize) -> bool {
    let mut k = 0;
    while k < n {
        if a[i + k] != b[j + k] {
            return false;
        }
        k += 1;
    }
    true
}

/// Calls `f` with each byte offset in `s` where a white-space separated
/// word starts with an ASCII capital or a non-ASCII character (which may
/// be a capital), in order: the words a pass after names ("Mira Holm")
/// needs, without visiting the others. Eight bytes a step give a superset
/// (such a byte after a byte below '!' or above 0x7F), and each is checked
/// against `char::is_whitespace`; a walk over every word of a 15 MB input
/// cost 19 instructions a byte.
pub fn capital_word_starts(s: &str, mut f: impl FnMut(usize)) {
    /// The bytes of `x` that may open such a word after the byte before it
    /// (bit 7 of `after`'s top byte: it may end white space), and the bytes
    /// that may end white space (below '!', exact as in `eq_mask`, or above
    /// 0x7F).
    #[inline(always)]
    fn step(x: u64, after: u64) -> (u64, u64) {
        let spacey = (!((x & !HI) + LO * 0x5F) | x) & HI;
        // An ASCII capital or a lead byte (0xC0 and above).
        let opens = upper_mask(x) | (x & (x << 1) & HI);
        (opens & ((spacey << 8) | (after >> 56)), spacey)
    }
    let bytes = s.as_bytes();
    let mut report = |mut hits: u64, base: usize| {
        while hits != 0 {
            let at = base + (hits.trailing_zeros() / 8) as usize;
            hits &= hits - 1;
            let space_before = match bytes[..at].last() {
                None => true,
                Some(&b) if b.is_ascii() => matches!(b, b'\t'..=b'\r' | b' '),
                Some(_) => s[..at].chars().next_back().is_some_and(char::is_whitespace),
            };
            // A lead byte may open white space itself (U+00A0, U+3000).
            let word = bytes[at].is_ascii() || !s[at..].chars().next().is_some_and(char::is_whitespace);
            if space_before && word {
                f(at);
            }
        }
    };
    // The start of the text counts as after white space.
    let mut after = HI;
    let mut chunks = bytes.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let hits;
        (hits, after) = step(u64::from_le_bytes(chunk.try_into().expect("8 bytes")), after);
        // One capitalised word in about 33 bytes: most steps have none.
        if hits != 0 {
            report(hits, base);
        }
        base += 8;
    }
    // The last bytes, padded with NULs, which open no word.
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    report(step(u64::from_le_bytes(last), after).0, base);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rare_words_that_could_overlap_are_refused() {
        // "return" ends with the "n" that "named" starts with: a search
        // for both would miss one of them in "returnamed".
        assert!(!overlap_free(&["return", "named because"]));
        assert!(!overlap_free(&["authorized", "author"]));
        assert!(!overlap_free(&["aba"]));
        assert!(overlap_free(&["anonym", "authori", "be named", "return", "www.", "://"]));
    }

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
        fn capital_word_starts_are_the_words_that_open_so(s in "[ a\\n\\t\\x0b\\x01\\x1f!~Z\u{85}\u{a0}\u{2003}\u{3000}\u{1680}\u{e9}\u{c9}\u{201d}B.]{0,150}") {
            let want: Vec<usize> = s
                .split_whitespace()
                .filter(|w| w.as_bytes()[0].is_ascii_uppercase() || w.as_bytes()[0] >= 0xC0)
                .map(|w| w.as_ptr() as usize - s.as_ptr() as usize)
                .collect();
            let mut ours = Vec::new();
            capital_word_starts(&s, |at| ours.push(at));
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
        fn rare_words_hit_what_each_word_hits(hay in "[a-z nw.\u{e9}]{0,90}") {
            static WORDS: RareWords<4> = RareWords::new(["anonym", "www.", "print", "contribut"]);
            let hay = format!("{hay} print anonymwww. contribut{hay}");
            let hits = WORDS.hits(&hay);
            for (word, mut hits) in WORDS.words.iter().zip(hits) {
                let mut want = Hits::of(&Rare::new(word), &hay);
                for at in 0..=hay.len() {
                    prop_assert_eq!(hits.any_in(at, at + 1), want.any_in(at, at + 1), "{} at {}", word, at);
                }
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
