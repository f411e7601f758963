//! Plain text: paragraphs are separated by blank lines; a text with no blank
//! line at all has one paragraph per line (the way many saved articles come).

use unicode_normalization::UnicodeNormalization;

use super::{Document, Format};

pub(super) fn read_text(text: &str) -> Document {
    let mut paragraphs = paragraphs_of_text(text);
    let dateline = super::take_dateline(&mut paragraphs);
    Document {
        format: Format::Text,
        title: None,
        byline: None,
        authors: Vec::new(),
        dateline,
        language: None,
        published: None,
        modified: None,
        canonical_url: None,
        paragraphs,
        warnings: Vec::new(),
    }
}

/// Split plain text into normalised, non-empty paragraphs.
pub fn paragraphs_of_text(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank_line = text.trim().lines().any(|l| l.trim().is_empty());
    let blocks: Vec<&str> = if has_blank_line { split_on_blank_lines(&text) } else { text.split('\n').collect() };
    blocks.into_iter().flat_map(unwrapped_lines).map(normalize_paragraph).filter(|p| !p.is_empty()).collect()
}

/// A line longer than any wrapping column: the text is not wrapped.
const UNWRAPPED_LINE: usize = 100;

/// The lines of a block between blank lines, each a paragraph of its own
/// when the block is not hard-wrapped: a text wrapped at a column keeps
/// every line but the last under it, so a longer line before the last
/// says the block's line breaks are the writer's, as a page copied as text
/// keeps them (a run of readers' quotes, one to a line; paragraphs only
/// some of which have a blank line after them). Even then a break ends a
/// paragraph only after what ends a sentence or a signed quotation, or
/// before a quotation mark, a dash or a bullet opening the next line, and
/// never inside a quotation: a break inside a sentence (a line ending
/// "and", the next going on "Bill Clinton.") or after a colon (which
/// introduces what follows) joins its lines. A wrapped block is one
/// paragraph, its lines joined.
fn unwrapped_lines(block: &str) -> Vec<&str> {
    let lines: Vec<&str> = block.lines().filter(|l| !l.trim().is_empty()).collect();
    let wrapped =
        lines.len() < 2 || lines[..lines.len() - 1].iter().all(|l| l.trim().chars().count() <= UNWRAPPED_LINE);
    if wrapped {
        return vec![block];
    }
    // (A quotation signed after a dash, "... \u{201D} \u{2015} Ann Roe", ends
    // one too.)
    let signed = |l: &str| {
        l.rsplit_once(['\u{2014}', '\u{2015}']).is_some_and(|(_, name)| {
            let words: Vec<&str> = name.split_whitespace().collect();
            (1..=5).contains(&words.len()) && words.iter().all(|w| w.starts_with(char::is_uppercase))
        })
    };
    let ends = |l: &str| {
        signed(l)
            || l.trim_end()
                .ends_with(['.', '!', '?', ';', ')', ']', '"', '\'', '\u{201D}', '\u{2019}', '\u{00BB}', '\u{2026}'])
    };
    let opens = |l: &str| {
        l.trim_start().starts_with([
            '"', '\u{201C}', '\u{2018}', '\u{00AB}', '-', '\u{2013}', '\u{2014}', '\u{2015}', '\u{2022}', '*',
        ])
    };
    // Each line's byte range in the block (blank lines left out), and the
    // quotation marks since the paragraph began, counted line by line.
    let mut ranges = Vec::with_capacity(lines.len());
    let mut at = 0;
    for piece in block.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        if !line.trim().is_empty() {
            ranges.push((at, at + line.len()));
        }
        at += piece.len();
    }
    let mut out = Vec::new();
    let mut start = ranges[0].0;
    let (mut straight, mut opened) = (0usize, 0isize);
    for pair in ranges.windows(2) {
        let ((s, end), (next, _)) = (pair[0], pair[1]);
        let line = &block[s..end];
        straight += line.matches('"').count();
        opened += line.matches('\u{201C}').count() as isize - line.matches('\u{201D}').count() as isize;
        // A quotation open at the break goes on in the next line: a pull
        // quote's "Q. / Ann Roe, the mayor." is one paragraph.
        let quoting = straight % 2 == 1 || opened > 0;
        let introduces = line.trim_end().ends_with(':');
        if !quoting && !introduces && (ends(line) || opens(&block[next..])) {
            out.push(&block[start..end]);
            start = next;
            (straight, opened) = (0, 0);
        }
    }
    out.push(&block[start..]);
    out
}

fn split_on_blank_lines(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let mut start = 0;
    let mut offset = 0;
    let mut prev_blank = true;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if blank && !prev_blank {
            blocks.push(&text[start..offset]);
        }
        if !blank && prev_blank {
            start = offset;
        }
        prev_blank = blank;
        offset += line.len();
    }
    if !prev_blank {
        blocks.push(&text[start..]);
    }
    blocks
}

/// NFC, and every run of white space (line breaks included) made one space.
pub fn normalize_paragraph(p: &str) -> String {
    let mut out = String::with_capacity(p.len());
    for word in p.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        if word.is_ascii() {
            out.push_str(word);
        } else {
            out.extend(word.nfc());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_paragraph_per_line_without_blank_lines() {
        assert_eq!(paragraphs_of_text("a b\nc\n"), vec!["a b", "c"]);
    }

    #[test]
    fn long_lines_in_one_block_are_paragraphs_of_their_own() {
        let long = "The ferry company said on Monday that the crossing would resume once the harbour wall is repaired.";
        let quote = "\u{201C}We will sail again before the summer, whatever the council decides,\u{201D} ― Ann Roe";
        let text = format!(
            "Title\n\n{long} More to come.\n{quote}\nShort line.\n{long} And\nAnn Roe.\n\"{long}\nAnn Roe, the mayor.\"\nAnn Roe told the council:\n\u{201C}We sail.\u{201D}\n\nwrapped\nshort lines\n"
        );
        assert_eq!(
            paragraphs_of_text(&text),
            vec![
                "Title".to_string(),
                format!("{long} More to come."),
                quote.to_string(),
                "Short line.".to_string(),
                // A break inside a sentence joins.
                format!("{long} And Ann Roe."),
                // So does one inside a quotation.
                format!("\"{long} Ann Roe, the mayor.\""),
                // And one after a colon.
                "Ann Roe told the council: \u{201C}We sail.\u{201D}".to_string(),
                "wrapped short lines".to_string()
            ]
        );
    }

    #[test]
    fn blank_lines_separate_and_wrapped_lines_join() {
        assert_eq!(
            paragraphs_of_text("Title\n\nfirst line\nwrapped  here\n\n\nsecond\n"),
            vec!["Title", "first line wrapped here", "second"]
        );
    }
}
