//! The export format: the whole store, or one story, as JSON lines.
//!
//! ```text
//! {"kind":"header","format":"claimtrail-export","version":1}
//! {"kind":"revision","story":"taji","number":1,"id":"…","parent":null,
//!  "captured_at":"…","source":"rev1.txt","format":"text","url":null,"title":null,
//!  "meta":{…},"raw":"<base64 of the raw input bytes>","text":"<normalised text>",
//!  "statements":[{<occurrence>,"content":"…"}],"speakers":[<speaker record>]}
//! {"kind":"alias","from":"defense-department","into":"pentagon"}
//! ```
//!
//! Revisions come story by story, oldest first. Everything a revision's id
//! is computed from is in its line, so an import recomputes the same id and
//! refuses a line whose id does not match: a damaged or edited export is
//! never silently accepted. Statements and speakers travel with the
//! analysis version that derived them (`"analysis"`), and an import derives
//! them again from the text: when the versions agree they must be equal (an
//! edited statement, speaker or quote is refused, naming the revision);
//! when they differ, the import keeps what the current version derives.

use std::collections::BTreeMap;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use claimtrail_store::{Hash32, NewRevision, NewStatement, Occurrence, RevisionRecord, SpeakerRecord, Store};
use serde::{Deserialize, Serialize};

use crate::error::CliError;
use crate::record::terms;

pub const FORMAT_NAME: &str = "claimtrail-export";
pub const FORMAT_VERSION: u32 = 1;

/// One line of an export.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Line {
    Header { format: String, version: u32 },
    Revision(Box<RevisionLine>),
    Alias { from: String, into: String },
}

/// A statement as exported: its occurrence and its content.
#[derive(Debug, Serialize, Deserialize)]
pub struct StatementLine {
    #[serde(flatten)]
    pub occurrence: Occurrence,
    pub content: String,
}

/// A revision with everything recorded from it.
#[derive(Debug, Serialize, Deserialize)]
pub struct RevisionLine {
    pub story: String,
    pub number: u32,
    pub id: Hash32,
    pub parent: Option<Hash32>,
    pub captured_at: DateTime<Utc>,
    pub source: String,
    pub format: String,
    pub url: Option<String>,
    pub title: Option<String>,
    #[serde(default)]
    pub meta: BTreeMap<String, String>,
    /// The raw input bytes, base64 (standard alphabet, padded).
    pub raw: String,
    pub text: String,
    pub statements: Vec<StatementLine>,
    pub speakers: Vec<SpeakerRecord>,
    /// The analysis version that derived `statements` and `speakers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub analysis: Option<String>,
}

impl RevisionLine {
    /// Read a stored revision into its export line.
    pub fn from_store(
        store: &Store,
        rev: &RevisionRecord,
        url: Option<String>,
        title: Option<String>,
    ) -> Result<RevisionLine, CliError> {
        let occurrences = store.occurrences(rev)?;
        let mut statements = Vec::with_capacity(occurrences.len());
        // The speakers as this revision recorded them.
        let analysis = store.analysis(rev)?;
        let (speakers, version) = match analysis {
            Some(a) => (a.speakers, Some(a.version)),
            None => (crate::record::revision_speakers(store, rev)?, None),
        };
        for o in occurrences {
            let content = store.statement(&o.statement)?.map(|s| s.content).ok_or_else(|| {
                CliError::new(format!("statement {} of {}@{} is missing", o.statement.short(), rev.story, rev.number))
                    .with_hint("run `claimtrail verify`")
            })?;
            statements.push(StatementLine { occurrence: o, content });
        }
        Ok(RevisionLine {
            story: rev.story.clone(),
            number: rev.number,
            id: rev.id,
            parent: rev.parent,
            captured_at: rev.captured_at,
            source: rev.source.clone(),
            format: rev.format.clone(),
            url,
            title,
            meta: rev.meta.clone(),
            raw: STANDARD.encode(store.blob(&rev.raw)?),
            text: store.text(rev)?,
            statements,
            speakers,
            analysis: version,
        })
    }

    /// Derive this revision's analysis again from its text, in its story
    /// whose speakers so far are `known` (updated). When the line says the
    /// current analysis version derived it, what it carries must be what
    /// the text gives: an edited export (a statement moved to another
    /// speaker, a quote no one said) is refused. From another version, the
    /// line takes what the current version derives. Returns whether it did.
    pub fn rederive(&mut self, known: &mut BTreeMap<String, SpeakerRecord>) -> Result<bool, String> {
        let (statements, speakers) = crate::record::derive(&self.story, &self.text, known).map_err(|e| e.message)?;
        let speakers = crate::record::speaker_snapshot(&speakers);
        if self.analysis.as_deref() == Some(crate::record::ANALYSIS_VERSION) {
            let same_statements = statements.len() == self.statements.len()
                && statements
                    .iter()
                    .zip(&self.statements)
                    .all(|(a, b)| a.occurrence == b.occurrence && a.content == b.content);
            if !same_statements {
                return Err(format!(
                    "revision {} of story {:?}: its statements are not what its text says (an edited export?)",
                    self.number, self.story
                ));
            }
            if speakers != crate::record::speaker_snapshot(&self.speakers) {
                return Err(format!(
                    "revision {} of story {:?}: its speakers are not what its text says (an edited export?)",
                    self.number, self.story
                ));
            }
            return Ok(false);
        }
        self.statements =
            statements.into_iter().map(|s| StatementLine { occurrence: s.occurrence, content: s.content }).collect();
        self.speakers = speakers;
        self.analysis = Some(crate::record::ANALYSIS_VERSION.to_string());
        Ok(true)
    }

    /// The raw bytes, decoded.
    pub fn raw_bytes(&self) -> Result<Vec<u8>, String> {
        STANDARD.decode(&self.raw).map_err(|e| format!("its raw bytes are not valid base64: {e}"))
    }

    /// The statements of this line, in extraction's model (to diff the
    /// next revision of its story against).
    pub fn statements(&self) -> Vec<crate::extract::Statement> {
        let speakers: BTreeMap<String, SpeakerRecord> =
            self.speakers.iter().map(|s| (s.id.clone(), s.clone())).collect();
        crate::record::statements_as_stored(
            self.statements.iter().map(|s| (&s.occurrence, s.content.as_str())),
            &speakers,
            &self.text,
        )
    }

    /// The revision to record from this line (`raw` from [`Self::raw_bytes`]),
    /// with its claim diff against the story's previous revision.
    pub fn to_new<'a>(&'a self, raw: &'a [u8], lineage: crate::record::Lineage) -> NewRevision<'a> {
        NewRevision {
            story: &self.story,
            url: self.url.as_deref(),
            title: self.title.as_deref(),
            raw,
            text: &self.text,
            captured_at: self.captured_at,
            source: &self.source,
            format: &self.format,
            meta: self.meta.clone(),
            statements: self
                .statements
                .iter()
                .map(|s| NewStatement {
                    occurrence: s.occurrence.clone(),
                    content: s.content.clone(),
                    terms: terms(&s.content),
                })
                .collect(),
            speakers: self
                .speakers
                .iter()
                .map(|sp| SpeakerRecord { lookup: crate::record::lookup_keys(sp), ..sp.clone() })
                .collect(),
            analysis: self.analysis.as_deref().unwrap_or(crate::record::ANALYSIS_VERSION),
            arrivals: lineage.arrivals,
            fates: lineage.fates,
        }
    }
}
