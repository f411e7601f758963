//! Quotation spans of one paragraph: which marks open, which close, and which
//! quotes run on into the next paragraph.
//!
//! News mixes curly and straight marks and sometimes loses one. A lost mark
//! must only cost the quote it belongs to, never the rest of the article, so
//! a quote that cannot be closed is dropped rather than left open.
//! Single marks are ignored: in running text they are nearly always
//! apostrophes.

use super::scan;

/// One quotation in a paragraph, in paragraph-relative byte offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset just past the closing mark, or the paragraph's length when
    /// the quote runs on into the next paragraph.
    pub end: usize,
    /// False when the quote is continued by the next paragraph.
    pub closed: bool,
}

impl QuoteSpan {
    /// Whether byte `pos` lies strictly inside the marks.
    pub fn contains(&self, pos: usize) -> bool {
        pos > self.open && pos < self.end
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight mark: direction from context.
    Either,
}

fn mark(c: char) -> Option<Mark> {
    match c {
        '\u{201C}' | '\u{00AB}' | '\u{201E}' => Some(Mark::Open),
        '\u{201D}' | '\u{00BB}' => Some(Mark::Close),
        '"' => Some(Mark::Either),
        _ => None,
    }
}

/// Whether `c` is a double quotation mark of any style.
pub fn is_double_mark(c: char) -> bool {
    mark(c).is_some()
}

/// Whether a paragraph opens with a quotation mark (after white space).
pub fn starts_with_open(para: &str) -> bool {
    let p = para.trim_start();
    p.starts_with("''") || p.chars().next().is_some_and(|c| matches!(mark(c), Some(Mark::Open | Mark::Either)))
}

fn opens_word(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
}

/// Find the quotation spans of `para`. `next_opens`: the next paragraph
/// starts with a quotation mark, so a quote left open here runs on.
/// Inlined into the pipeline's loop over paragraphs, its one caller.
#[inline]
pub fn find(para: &str, next_opens: bool, out: &mut Vec<QuoteSpan>) {
    out.clear();
    let mut open: Option<usize> = None;
    let bytes = para.as_bytes();
    let mut i = 0;
    // Only '"', '\'' and the lead bytes of the curly and angle marks (E2 ..,
    // C2 ..) can start a mark: skip everything else.
    let mut marks = scan::Marks::new(bytes, [b'"', b'\'', 0xC2], 0xE2);
    while let Some(found) = marks.find(i) {
        i = found;
        // Cheap rejections first: apostrophes (' and ’) are far more common
        // than quotation marks.
        let is_candidate = match bytes[i] {
            b'\'' => bytes.get(i + 1) == Some(&b'\''),
            0xE2 => bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0x9C..=0x9E)),
            0xC2 => matches!(bytes.get(i + 1), Some(0xAB | 0xBB)),
            _ => true,
        };
        if !is_candidate {
            i += 1;
            continue;
        }
        let Some(c) = para[i..].chars().next() else {
            break;
        };
        // Two apostrophes are one double mark in some house styles.
        let doubled = c == '\'' && bytes.get(i + 1) == Some(&b'\'');
        // Three, with a quotation open, close one inside it: in `... one of
        // us,''' Roe said` a single mark closes, then the double. (Opening,
        // `'''Hey` is the double first, as read.)
        if doubled && open.is_some() && bytes.get(i + 2) == Some(&b'\'') {
            i += 1;
        }
        let (m, width) = if doubled {
            (Mark::Either, 2)
        } else if let Some(m) = mark(c) {
            (m, c.len_utf8())
        } else {
            i += c.len_utf8();
            continue;
        };
        let prev = para[..i].chars().next_back();
        let next = para[i + width..].chars().next();
        let before_space = opens_word(prev);
        let after_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)".contains(n));
        // Curly marks are trusted unless the context clearly says otherwise
        // (some sources use one glyph for both).
        let is_open = match m {
            Mark::Open => !(open.is_some() && !before_space && after_space),
            // ("” … he delivered ...,” Roe wrote": a closing mark that
            // opens the paragraph closes nothing, and opens a quotation.)
            Mark::Close => open.is_none() && (prev.is_none() || before_space && !after_space),
            Mark::Either => {
                if before_space && !after_space {
                    true
                } else if !before_space {
                    false
                } else {
                    open.is_none()
                }
            }
        };
        if is_open {
            // A second opening mark: the first lost its closing mark. Drop
            // it so that only that quote degrades.
            open = Some(i);
        } else if let Some(o) = open.take() {
            out.push(QuoteSpan { open: o, end: i + width, closed: true });
        }
        i += width;
    }
    if let Some(o) = open
        && next_opens
    {
        out.push(QuoteSpan { open: o, end: para.len(), closed: false });
    }
}
