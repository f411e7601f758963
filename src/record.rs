//! From an extraction to what the store keeps: statements with their
//! occurrences, speakers, and search terms. The bridge between `extract`
//! (text) and `claimtrail-store` (bytes on disk).

use std::collections::BTreeMap;

use claimtrail_store::{Hash32, NewStatement, Occurrence, RevisionRecord, SpeakerRecord, Store};

use crate::error::CliError;
use crate::extract::normalize;
use crate::extract::{Attribution, Extraction, SpeakerKind, SpeakerRef, Statement};
use crate::ingest::Document;

/// The store id of a speaker. Named people and organisations are one speaker
/// across stories; an anonymous source is only known inside its story, so
/// its id is scoped to the story ("taji/u-s-official").
pub fn store_speaker_id(story: &str, id: &str, anonymous: bool) -> String {
    if anonymous {
        format!("{story}/{id}")
    } else {
        id.to_string()
    }
}

/// Search terms of a statement's content: lowercase words of letters and
/// digits, each once. Apostrophes are dropped so "don't" is "dont".
pub fn terms(content: &str) -> Vec<String> {
    let normalized = normalize::normalize_content(content).to_lowercase();
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in normalized.chars().chain(std::iter::once(' ')) {
        if c.is_alphanumeric() {
            word.push(c);
        } else if c == '\'' {
            continue;
        } else if !word.is_empty() {
            if !out.contains(&word) {
                out.push(std::mem::take(&mut word));
            } else {
                word.clear();
            }
        }
    }
    out
}

/// Statements and speakers of an extraction, in the store's terms.
pub fn to_store(
    story: &str,
    extraction: &Extraction,
) -> Result<(Vec<NewStatement>, Vec<SpeakerRecord>), CliError> {
    let mut statements = Vec::with_capacity(extraction.statements.len());
    for s in &extraction.statements {
        let hash: Hash32 = s
            .hash
            .parse()
            .map_err(|e| CliError::new(format!("internal error: {e}")))?;
        statements.push(NewStatement {
            occurrence: Occurrence {
                index: s.index as u32,
                paragraph: s.paragraph as u32,
                statement: hash,
                speaker: s
                    .speaker
                    .as_ref()
                    .map(|sp| store_speaker_id(story, &sp.id, sp.anonymous)),
                mention: s.speaker.as_ref().map(|sp| sp.mention.clone()),
                attribution: s.attribution.as_str().to_string(),
                cue: s.cue.clone(),
                span: (s.span.0 as u64, s.span.1 as u64),
            },
            content: s.content.clone(),
            terms: terms(&s.content),
        });
    }
    let speakers = extraction
        .speakers
        .iter()
        .map(|sp| SpeakerRecord {
            id: store_speaker_id(story, &sp.id, sp.anonymous),
            name: sp.name.clone(),
            kind: sp.kind.as_str().to_string(),
            anonymous: sp.anonymous,
            role: sp.role.clone(),
            aliases: sp.aliases.clone(),
            anonymity_reason: sp.anonymity_reason.clone(),
        })
        .collect();
    Ok((statements, speakers))
}

/// Document metadata worth keeping with a revision.
pub fn document_meta(doc: &Document) -> BTreeMap<String, String> {
    let mut meta = BTreeMap::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            meta.insert(k.to_string(), v);
        }
    };
    put("title", doc.title.clone());
    put("byline", doc.byline.clone());
    put("published", doc.published.map(|t| t.to_rfc3339()));
    put("modified", doc.modified.map(|t| t.to_rfc3339()));
    put("canonical_url", doc.canonical_url.clone());
    meta
}

fn kind_of(s: &str) -> SpeakerKind {
    match s {
        "organization" => SpeakerKind::Organization,
        "anonymous" => SpeakerKind::Anonymous,
        _ => SpeakerKind::Person,
    }
}

/// The statements of a stored revision, rebuilt in extraction's model (the
/// same JSON `extract` prints), from the store's records.
pub fn stored_statements(store: &Store, rev: &RevisionRecord) -> Result<Vec<Statement>, CliError> {
    let text = store.text(rev)?;
    let mut speakers: BTreeMap<String, Option<SpeakerRecord>> = BTreeMap::new();
    let mut out = Vec::new();
    for o in store.occurrences(rev)? {
        let content = store
            .statement(&o.statement)?
            .map(|s| s.content)
            .ok_or_else(|| {
                CliError::new(format!(
                    "statement {} is missing from the store",
                    o.statement.short()
                ))
                .with_hint("run `claimtrail verify`")
            })?;
        let speaker = match &o.speaker {
            None => None,
            Some(id) => {
                if !speakers.contains_key(id) {
                    speakers.insert(id.clone(), store.speaker(id)?);
                }
                speakers[id].as_ref().map(|sp| SpeakerRef {
                    id: sp.id.clone(),
                    name: sp.name.clone(),
                    mention: o.mention.clone().unwrap_or_else(|| sp.name.clone()),
                    kind: kind_of(&sp.kind),
                    anonymous: sp.anonymous,
                    role: sp.role.clone(),
                })
            }
        };
        let (a, b) = (o.span.0 as usize, o.span.1 as usize);
        out.push(Statement {
            index: o.index as usize,
            paragraph: o.paragraph as usize,
            content,
            text: text.get(a..b).unwrap_or_default().to_string(),
            attribution: Attribution::parse(&o.attribution).unwrap_or(Attribution::Unattributed),
            cue: o.cue.clone(),
            speaker,
            hash: o.statement.to_hex(),
            span: (a, b),
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_are_lowercase_unique_words() {
        assert_eq!(
            terms("“All options are on the table,” all said. Don’t"),
            vec![
                "all", "options", "are", "on", "the", "table", "said", "dont"
            ]
        );
    }
}
