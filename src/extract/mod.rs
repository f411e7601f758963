//! Extraction: article text → paragraphs → sentences → statements with
//! their speakers.
//!
//! Rule-based and deterministic. It sees only text: no store, no CLI.

pub mod model;
pub mod normalize;

pub use model::{Attribution, Extraction, Speaker, SpeakerKind, SpeakerRef, Statement};

/// Extract the statements of a normalised article text (paragraphs separated
/// by blank lines, as [`crate::ingest::Document::text`] makes it).
pub fn extract(text: &str) -> Extraction {
    let mut out = Extraction::default();
    let mut offset = 0;
    for (paragraph, para) in text.split("\n\n").enumerate() {
        let start = offset;
        offset += para.len() + 2;
        if para.trim().is_empty() {
            continue;
        }
        let index = out.statements.len();
        out.statements.push(Statement {
            index,
            paragraph,
            content: para.to_string(),
            text: para.to_string(),
            attribution: Attribution::Unattributed,
            cue: None,
            speaker: None,
            hash: normalize::content_hash(para),
            span: (start, start + para.len()),
        });
    }
    out
}
