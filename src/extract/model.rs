//! The statement model: what extraction produces and what the JSON contract
//! (`extract --format json`, the statements inside `diff`) serialises.
//!
//! These types are plain data. They know nothing of the store or the CLI.

use serde::{Deserialize, Serialize};

/// How a statement is tied to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// Quoted words: `"All options are on the table," he added.`
    Direct,
    /// Reported speech: `The Pentagon said it struck five facilities.`
    Indirect,
    /// `According to the Pentagon, ...` (before or after the content).
    AccordingTo,
    /// A refusal: `declined to say conclusively that ...`.
    Declined,
    /// The outlet's own assertion.
    Unattributed,
    /// A belief, intention or finding: `S thinks C`, `a poll shows C`.
    Belief,
    /// A stance or appeal with its object as content: `S criticized C`,
    /// `S called for C`, `S endorsed C`.
    Other,
}

impl Attribution {
    pub const ALL: [Attribution; 7] = [
        Attribution::Direct,
        Attribution::Indirect,
        Attribution::AccordingTo,
        Attribution::Declined,
        Attribution::Unattributed,
        Attribution::Belief,
        Attribution::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Attribution::Direct => "direct",
            Attribution::Indirect => "indirect",
            Attribution::AccordingTo => "according_to",
            Attribution::Declined => "declined",
            Attribution::Unattributed => "unattributed",
            Attribution::Belief => "belief",
            Attribution::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Attribution> {
        Attribution::ALL.into_iter().find(|a| a.as_str() == s)
    }
}

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Organization,
    Anonymous,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// The speaker of one statement: who it resolves to, and how the text
/// named them at that place (`mention`: "he" for "he added").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpeakerRef {
    /// Stable id of the resolved speaker inside this extraction (a slug of
    /// the normalised name, so the same name gives the same id in any story).
    pub id: String,
    pub name: String,
    pub mention: String,
    pub kind: SpeakerKind,
    pub anonymous: bool,
    pub role: Option<String>,
}

/// One statement of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Statement {
    /// Position among the article's statements, from 0.
    pub index: usize,
    /// Paragraph it lies in, from 0.
    pub paragraph: usize,
    /// What was claimed, without the attribution frame.
    pub content: String,
    /// The sentence(s) the statement came from.
    pub text: String,
    pub attribution: Attribution,
    /// The cue word or phrase ("said", "according to", "declined to say").
    pub cue: Option<String>,
    pub speaker: Option<SpeakerRef>,
    /// The other speakers when one subject names several ("Roe and Diaz
    /// said", "Sens. A, B and C said"): the statement is each one's, and
    /// `speaker` is the first. Absent from JSON when there is one speaker,
    /// so the contract only grows.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_speakers: Vec<SpeakerRef>,
    /// blake3 of the normalised content (see [`crate::extract::normalize`]).
    pub hash: String,
    /// Byte range of `text` in the normalised document text.
    pub span: (usize, usize),
}

impl Statement {
    /// Its speakers' names as a reader says them: "A", "A and B", "A, B
    /// and C"; `None` when unattributed.
    pub fn speaker_names(&self) -> Option<String> {
        let names: Vec<&str> = self.speaker.iter().chain(&self.co_speakers).map(|s| s.name.as_str()).collect();
        match names.split_last() {
            None => None,
            Some((last, [])) => Some(last.to_string()),
            Some((last, rest)) => Some(format!("{} and {last}", rest.join(", "))),
        }
    }
}

/// A speaker of the article with every way the article named them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    pub kind: SpeakerKind,
    pub anonymous: bool,
    pub role: Option<String>,
    pub aliases: Vec<String>,
    pub anonymity_reason: Option<String>,
}

/// Everything extracted from one article.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extraction {
    pub statements: Vec<Statement>,
    pub speakers: Vec<Speaker>,
    /// The article says it is still being updated ("We will continue to
    /// update this story ...").
    pub developing: bool,
    /// Links found in the text: kept as references, never as claims.
    pub references: Vec<String>,
}
