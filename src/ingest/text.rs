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
    blocks.into_iter().map(normalize_paragraph).filter(|p| !p.is_empty()).collect()
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
    fn blank_lines_separate_and_wrapped_lines_join() {
        assert_eq!(
            paragraphs_of_text("Title\n\nfirst line\nwrapped  here\n\n\nsecond\n"),
            vec!["Title", "first line wrapped here", "second"]
        );
    }
}
