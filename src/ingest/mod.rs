//! Input documents: bytes as the user gave them (plain text, Markdown or
//! HTML) turned into the normalised article text that statements, hashes and
//! diffs are computed from.
//!
//! This module decides what the "text of a revision" is. It never touches the
//! store and never looks for statements.

mod text;

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use text::{normalize_paragraph, paragraphs_of_text};

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
    pub published: Option<DateTime<Utc>>,
    pub modified: Option<DateTime<Utc>>,
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
    #[error(
        "it is not valid UTF-8 (first bad byte at offset {offset}) and declares no other charset"
    )]
    InvalidUtf8 { offset: usize },
    #[error("no article text was found in the HTML")]
    NoArticle,
}

/// Read an input whose format is detected from its bytes and, where given,
/// its name (a file name or URL; `.md`/`.markdown` selects Markdown).
pub fn read_document(bytes: &[u8], name: Option<&str>) -> Result<Document, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(IngestError::Binary { offset });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            return Err(IngestError::InvalidUtf8 {
                offset: e.valid_up_to(),
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(IngestError::Blank);
    }
    let _ = name;
    Ok(text::read_text(text))
}
