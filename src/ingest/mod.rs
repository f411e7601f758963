//! Input documents: bytes as the user gave them (plain text, Markdown or
//! HTML) turned into the normalised article text that statements, hashes and
//! diffs are computed from.
//!
//! This module decides what the "text of a revision" is. It never touches the
//! store and never looks for statements.

mod charset;
mod depth;
mod html;
mod markdown;
mod meta;
mod mojibake;
mod text;
mod when;

use serde::Serialize;

pub use text::{normalize_paragraph, paragraphs_of_text};
pub use when::PageTime;

/// Which reader understood the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// An article as read from its input: metadata and clean paragraphs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Document {
    #[serde(skip)]
    pub format: Format,
    pub title: Option<String>,
    pub byline: Option<String>,
    /// The people the byline names, without "By", roles or outlets.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The place (and agency) that opened the article ("LONDON", "WASHINGTON
    /// (AP)"), taken out of the first paragraph so that it is no part of the
    /// first statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// The page's language as it declares it (BCP 47: "en", "pt-BR").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// As the page gave it: with its offset, or marked as local time.
    pub published: Option<PageTime>,
    pub modified: Option<PageTime>,
    pub canonical_url: Option<String>,
    pub paragraphs: Vec<String>,
    /// Problems met on the way that did not stop the reading (bad bytes
    /// replaced, an undeclared charset guessed).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

impl Document {
    /// The normalised article text: paragraphs separated by one blank line.
    /// Statement spans are byte offsets into this string.
    pub fn text(&self) -> String {
        self.paragraphs.join("\n\n")
    }
}

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum IngestError {
    #[error("it is empty")]
    Empty,
    #[error("it holds only white space")]
    Blank,
    #[error("it looks binary (a NUL byte at offset {offset}), not an article")]
    Binary { offset: usize },
    #[error("it is not valid UTF-8 (first bad byte at offset {offset}) and declares no other charset")]
    InvalidUtf8 { offset: usize },
    #[error("no article text was found in the HTML")]
    NoArticle,
}

/// Read an input whose format is detected from its bytes and, where given,
/// its name (a file name or URL): `.html`/`.htm` or HTML-looking bytes select
/// HTML, `.md`/`.markdown` or confidently Markdown text selects Markdown,
/// anything else is plain text.
pub fn read_document(bytes: &[u8], name: Option<&str>) -> Result<Document, IngestError> {
    let mut doc = read_as_given(bytes, name)?;
    repair_mojibake(&mut doc);
    Ok(doc)
}

/// Put back text that was once UTF-8 read as windows-1252 ("JosÃ©" →
/// "José") in everything the document shows, and say so in its warnings.
fn repair_mojibake(doc: &mut Document) {
    let mut total = 0;
    let fields = doc
        .paragraphs
        .iter_mut()
        .chain(doc.authors.iter_mut())
        .chain([doc.title.as_mut(), doc.byline.as_mut(), doc.dateline.as_mut()].into_iter().flatten());
    for field in fields {
        if let Some((fixed, n)) = mojibake::repair(field) {
            *field = fixed;
            total += n;
        }
    }
    if total > 0 {
        doc.warnings.push(format!("{total} character(s) were UTF-8 read as windows-1252 (\"Ã©\" for \"é\"); repaired"));
    }
}

/// The document as its bytes give it, before any repair.
fn read_as_given(bytes: &[u8], name: Option<&str>) -> Result<Document, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let hint = name.map(extension).unwrap_or_default();
    let html_hint = matches!(hint.as_str(), "html" | "htm" | "xhtml" | "shtml");
    let markdown_hint = matches!(hint.as_str(), "md" | "markdown" | "mdown" | "mkd");
    // A UTF-16 file is full of NUL bytes; only its BOM tells it from binary.
    // What it holds (HTML, Markdown or plain text) is sniffed once decoded.
    if charset::bom(bytes).is_some_and(|(enc, _)| enc != encoding_rs::UTF_8) {
        return read_utf16(bytes, html_hint, markdown_hint);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    // Markdown may open with raw HTML (a comment, a `<div>`); its name wins.
    let is_html = html_hint || !markdown_hint && sniff_html(bytes);
    if is_html {
        let declared = charset::declared_html_charset(bytes);
        let decoded = charset::decode(bytes, declared.as_deref());
        if decoded.text.trim().is_empty() {
            return Err(IngestError::Blank);
        }
        return html::read_html(&decoded.text, decoded.warnings);
    }
    if markdown_hint {
        let decoded = charset::decode(bytes, None);
        if decoded.text.trim().is_empty() {
            return Err(IngestError::Blank);
        }
        return Ok(markdown::read_markdown(&decoded.text, decoded.warnings));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(IngestError::InvalidUtf8 { offset: e.valid_up_to() });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IngestError::Blank);
    }
    if markdown::looks_like_markdown(text) {
        return Ok(markdown::read_markdown(text, Vec::new()));
    }
    Ok(text::read_text(text))
}

/// A file with a UTF-16 byte order mark, read by the same rules as any other
/// once decoded: HTML by its name or its first tag, Markdown by its name or
/// its look, plain text otherwise.
fn read_utf16(bytes: &[u8], html_hint: bool, markdown_hint: bool) -> Result<Document, IngestError> {
    let decoded = charset::decode(bytes, None);
    // A NUL code unit: binary behind a BOM. Its offset in the file.
    if let Some(unit) = bytes[2..].chunks_exact(2).position(|c| c == [0, 0]) {
        return Err(IngestError::Binary { offset: 2 + 2 * unit });
    }
    let text = decoded.text.as_ref();
    if text.trim().is_empty() {
        return Err(IngestError::Blank);
    }
    if html_hint || !markdown_hint && sniff_html(text.as_bytes()) {
        return html::read_html(text, decoded.warnings);
    }
    let mut doc = if markdown_hint || markdown::looks_like_markdown(text) {
        markdown::read_markdown(text, Vec::new())
    } else {
        text::read_text(text)
    };
    doc.warnings = decoded.warnings;
    Ok(doc)
}

/// The lowercased extension of a file name or URL path ("" if none).
fn extension(name: &str) -> String {
    let path = name.split(['?', '#']).next().unwrap_or(name);
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    // "page.html.gz" was read decompressed: what it holds is HTML.
    let file = file.strip_suffix(".gz").unwrap_or(file);
    match file.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// HTML by its first tag, the way browsers sniff an unlabelled resource
/// (WHATWG MIME sniffing): after a BOM and white space, `<!doctype html`, a
/// document or block tag (`<html`, `<head`, `<body`, `<p`, `<div`, ...), or a
/// comment or XML declaration followed later by `<html`.
fn sniff_html(bytes: &[u8]) -> bool {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let start = b.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(b.len());
    let head: Vec<u8> = b[start..b.len().min(start + 2048)].iter().map(u8::to_ascii_lowercase).collect();
    let opens = |tag: &[u8]| {
        head.starts_with(tag) && head.get(tag.len()).is_some_and(|&c| c == b'>' || c.is_ascii_whitespace())
    };
    if opens(b"<!doctype") {
        return head[9..].trim_ascii_start().starts_with(b"html");
    }
    const TAGS: &[&[u8]] = &[
        b"<html",
        b"<head",
        b"<body",
        b"<p",
        b"<div",
        b"<h1",
        b"<h2",
        b"<table",
        b"<script",
        b"<style",
        b"<title",
        b"<meta",
        b"<article",
        b"<section",
        b"<main",
        b"<br",
    ];
    if TAGS.iter().any(|t| opens(t)) {
        return true;
    }
    (head.starts_with(b"<!--") || head.starts_with(b"<?xml")) && head.windows(5).any(|w| w == b"<html")
}

#[cfg(test)]
mod tests;

/// The dateline that opens the lead ("LONDON —", "MIRELTON, Ore. (AP) —"),
/// taken out of the paragraph into its own field, the same for every
/// format: the lead's first sentence is the article's, not the wire's. It
/// opens the first paragraph of prose or a line above it: labels (a
/// headline, a kicker, a count) do not hide it.
pub(super) fn take_dateline(paragraphs: &mut [String]) -> Option<String> {
    let lead = paragraphs
        .iter()
        .position(|p| ends_sentence(p))
        .or_else(|| paragraphs.iter().position(|p| p.split_whitespace().count() >= 8))?;
    let (at, (place, rest)) = (0..=lead).find_map(|i| split_dateline(&paragraphs[i]).map(|d| (i, d)))?;
    paragraphs[at] = rest;
    Some(place)
}

/// A dateline opening a paragraph: the place in capitals, maybe a date or
/// an agency, then a dash ("LONDON —", "WASHINGTON (AP) —", "NEW YORK, March
/// 5 –"). Returns the dateline and the paragraph without it.
fn split_dateline(p: &str) -> Option<(String, String)> {
    // (A wire's hyphen between spaces too: "LONDON (Reuters) - ".)
    let (at, dash) = ["\u{2014}", "\u{2013}", "--", " - "].iter().filter_map(|d| p.find(d).map(|i| (i, *d))).min()?;
    let head = p[..at].trim();
    let rest = p[at + dash.len()..].trim();
    if head.chars().count() > 60 || rest.chars().count() < 20 {
        return None;
    }
    // The place is what comes before an agency or a date.
    let place = head.split(['(', ',']).next().unwrap_or(head).trim();
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    let place_ok = letters >= 3
        && place.chars().all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-')
        && !head.contains(['!', '?', '"', '\u{201c}']);
    // "(Reuters) -": the agency alone, as a wire's online copy gives it.
    let agency_alone = head.ends_with(')') && crate::extract::dateline::agency_alone(head);
    let rest_ok =
        rest.starts_with(|c: char| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '\u{201c}' | '\''));
    ((place_ok || agency_alone) && rest_ok).then(|| (head.to_string(), rest.to_string()))
}

pub(super) fn ends_sentence(p: &str) -> bool {
    p.ends_with(['.', '!', '?', '"', '\u{201d}', ')', ':'])
}
