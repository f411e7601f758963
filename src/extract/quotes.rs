//! Quotation spans of one paragraph: which marks open, which close, and which
//! quotes run on into the next paragraph.
//!
//! News mixes curly and straight marks and sometimes loses one. A lost mark
//! must only cost the quote it belongs to, never the rest of the article, so
//! a quote that cannot be closed is dropped rather than left open.
//! Single marks are ignored: in running text they are nearly always
//! apostrophes.

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
    p.starts_with("''")
        || p.chars()
            .next()
            .is_some_and(|c| matches!(mark(c), Some(Mark::Open | Mark::Either)))
}

fn opens_word(prev: Option<char>) -> bool {
    prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | ':'))
}

/// Find the quotation spans of `para`. `next_opens`: the next paragraph
/// starts with a quotation mark, so a quote left open here runs on.
pub fn find(para: &str, next_opens: bool, out: &mut Vec<QuoteSpan>) {
    out.clear();
    let mut open: Option<usize> = None;
    let mut prev: Option<char> = None;
    let mut iter = para.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        // Two apostrophes are one double mark in some house styles.
        let doubled = c == '\'' && iter.peek().is_some_and(|&(_, n)| n == '\'');
        let (m, width) = if doubled {
            iter.next();
            (Mark::Either, 2)
        } else if let Some(m) = mark(c) {
            (m, c.len_utf8())
        } else {
            prev = Some(c);
            continue;
        };
        let next = iter.peek().map(|&(_, n)| n);
        let before_space = opens_word(prev);
        let after_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)".contains(n));
        // Curly marks are trusted unless the context clearly says otherwise
        // (some sources use one glyph for both).
        let is_open = match m {
            Mark::Open => !(open.is_some() && !before_space && after_space),
            Mark::Close => open.is_none() && before_space && !after_space,
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
            out.push(QuoteSpan {
                open: o,
                end: i + width,
                closed: true,
            });
        }
        prev = Some(c);
    }
    if let Some(o) = open
        && next_opens
    {
        out.push(QuoteSpan {
            open: o,
            end: para.len(),
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(p: &str, next: bool) -> Vec<(usize, usize, bool)> {
        let mut v = Vec::new();
        find(p, next, &mut v);
        v.into_iter().map(|s| (s.open, s.end, s.closed)).collect()
    }

    #[test]
    fn curly_and_straight_marks_mixed() {
        let p = "\u{201C}One,\u{201D} she said, \"two.\"";
        let s = spans(p, false);
        assert_eq!(s.len(), 2);
        assert_eq!(&p[s[1].0..s[1].1], "\"two.\"");
    }

    #[test]
    fn unbalanced_mark_is_dropped_locally() {
        let p = "He said \u{201C}never and left. Later \u{201C}fine\u{201D} he said.";
        let s = spans(p, false);
        assert_eq!(s.len(), 1);
        assert_eq!(&p[s[0].0..s[0].1], "\u{201C}fine\u{201D}");
        // Left open at the end with no continuation: nothing.
        assert!(spans("\u{201C}open only", false).is_empty());
        assert_eq!(spans("\u{201C}open only", true), vec![(0, 12, false)]);
    }
}
