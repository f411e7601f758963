//! The export format: the whole store, or one story, as JSON lines.
//!
//! ```text
//! {"kind":"header","format":"claimtrail-export","version":1}
//! {"kind":"revision","story":"taji","number":1,"id":"…","parent":null,
//!  "captured_at":"…","source":"rev1.txt","format":"text","url":null,"title":null,
//!  "meta":{…},"raw":"<base64 of the raw input bytes>","text":"<normalised text>",
//!  "statements":[{<occurrence>,"content":"…"}],"speakers":[<speaker record>]}
//! {"kind":"alias","from":"defense-department","into":"pentagon"}
//! {"kind":"watch","url":"https://…","story":"taji",<the rest of track's state>}
//! {"kind":"check","story":"taji","at":"…","source":"…","outcome":"noise",…}
//! ```
//!
//! Version 2 added the `watch` and `check` lines (the watch list and the
//! check log of `track`), so a backup keeps everything the store holds;
//! version 1 exports, which have none, import as before.
//!
//! Revisions come story by story, oldest first. Everything a revision's id
//! is computed from is in its line, so an import recomputes the same id and
//! refuses a line whose id does not match: a damaged or edited export is
//! never silently accepted. The id covers the text and the raw bytes but
//! not how one came from the other, so an import also reads the text again
//! from the raw bytes: it must be that text, or one that says the same
//! (see [`RevisionLine::check_text`]; `import --keep-recorded-text` lets a
//! line of another analysis version keep a text that says something else,
//! for a backup the user vouches for). Statements and speakers travel with
//! the analysis version that derived them (`"analysis"`), and an import
//! derives them again from the text: when the versions agree they must be
//! equal (an edited statement, speaker or quote is refused, naming the
//! revision); when they differ, the import keeps what the current version
//! derives.

use std::collections::{BTreeMap, BTreeSet};

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Utc};
use claimtrail_store::{
    CheckRecord, Hash32, NewRevision, NewStatement, Occurrence, RevisionRecord, SpeakerRecord, Store, WatchRecord,
};
use serde::{Deserialize, Serialize};

use crate::error::CliError;
use crate::record::terms;

pub const FORMAT_NAME: &str = "claimtrail-export";
pub const FORMAT_VERSION: u32 = 2;

/// One line of an export.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Line {
    Header {
        format: String,
        version: u32,
    },
    Revision(Box<RevisionLine>),
    Alias {
        from: String,
        into: String,
    },
    /// A URL `track` watches, with its state (since version 2).
    Watch(Box<WatchRecord>),
    /// One check `track` made of a story's source (since version 2).
    Check(Box<CheckLine>),
}

/// A check, with the story it belongs to.
#[derive(Debug, Serialize, Deserialize)]
pub struct CheckLine {
    pub story: String,
    #[serde(flatten)]
    pub check: CheckRecord,
    /// The raw page the check kept (`raw` names it), base64: the evidence
    /// travels with the check, so that an imported check names a blob the
    /// store holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<String>,
}

impl CheckLine {
    /// A check as exported, with the raw page it names.
    pub fn from_store(store: &Store, story: &str, check: CheckRecord) -> Result<CheckLine, CliError> {
        let page = match &check.raw {
            Some(id) => Some(STANDARD.encode(store.blob(id)?)),
            None => None,
        };
        Ok(CheckLine { story: story.to_string(), check, page })
    }

    /// The raw page's bytes, checked against the id the check names.
    pub fn page_bytes(&self) -> Result<Option<Vec<u8>>, String> {
        match (&self.check.raw, &self.page) {
            (None, None) => Ok(None),
            (None, Some(_)) => Err("the check carries a page but names none".into()),
            (Some(_), None) => Err("the check names a raw page the export does not carry".into()),
            (Some(id), Some(b64)) => {
                let bytes = STANDARD.decode(b64).map_err(|e| format!("the check's page is not base64: {e}"))?;
                if claimtrail_store::blob_id(&bytes) != *id {
                    return Err("the check's page does not match the id it names".into());
                }
                Ok(Some(bytes))
            }
        }
    }
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

/// A revision an import keeps with the text its export recorded, though
/// this version reads its raw bytes into a text that says something else
/// (`import --keep-recorded-text`): what the import lists of it.
#[derive(Debug, Clone, Serialize)]
pub struct KeptText {
    pub story: String,
    pub number: u32,
    /// The analysis version the export names (none in the oldest exports).
    pub analysis: Option<String>,
    /// Statements in the recorded text that this reading of the raw bytes
    /// lacks, and the reverse (as the current extraction finds them).
    pub added: usize,
    pub removed: usize,
    /// Whether the speakers differ (names, roles, kinds).
    pub speakers_differ: bool,
}

impl KeptText {
    /// "+3 -1 statements", and whether the speakers differ.
    pub fn describe(&self) -> String {
        let mut s = format!("+{} -{} statements", self.added, self.removed);
        if self.speakers_differ {
            s.push_str(", speakers differ");
        }
        s
    }
}

/// How many items of sorted `a` are not in sorted `b`, and the reverse,
/// counting repeats.
fn sorted_difference<T: Ord>(a: &[T], b: &[T]) -> (usize, usize) {
    let (mut i, mut j, mut only_a, mut only_b) = (0, 0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => (only_a, i) = (only_a + 1, i + 1),
            std::cmp::Ordering::Greater => (only_b, j) = (only_b + 1, j + 1),
            std::cmp::Ordering::Equal => (i, j) = (i + 1, j + 1),
        }
    }
    (only_a + a.len() - i, only_b + b.len() - j)
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
    ///
    /// The exporting store may have known some paragraphs as the site's
    /// furniture (see [`crate::furniture`]) and kept no statement from
    /// them: whole paragraphs the line has no statement from are taken as
    /// that, and everything else must match. Furniture is learned per site,
    /// so only a page with a site (a URL, or a canonical URL in its
    /// metadata) can have any: a line without one must carry exactly what
    /// its text gives, or dropping a paragraph's statements (and its
    /// speaker) would pass for furniture.
    pub fn rederive(&mut self, known: &mut BTreeMap<String, SpeakerRecord>) -> Result<bool, String> {
        let current = self.analysis.as_deref() == Some(crate::record::ANALYSIS_VERSION);
        let mut probe = known.clone();
        let (mut statements, mut speakers) =
            crate::record::derive(&self.story, &self.text, &BTreeSet::new(), &mut probe).map_err(|e| e.message)?;
        let kept: BTreeSet<u32> = self.statements.iter().map(|s| s.occurrence.paragraph).collect();
        let has_site = self.page().is_some();
        let furniture: BTreeSet<usize> = statements
            .iter()
            .map(|s| s.occurrence.paragraph)
            .filter(|p| current && has_site && !kept.contains(p))
            .map(|p| p as usize)
            .collect();
        if furniture.is_empty() {
            *known = probe;
        } else {
            (statements, speakers) =
                crate::record::derive(&self.story, &self.text, &furniture, known).map_err(|e| e.message)?;
        }
        let speakers = crate::record::speaker_snapshot(&speakers);
        if current {
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

    /// Check that the line's text is what `record` reads from its raw
    /// bytes (the same ingest, told the same source name): the text is
    /// what statements are extracted from, and the raw bytes are the
    /// evidence, so an export whose text says what its raw bytes do not
    /// (an invented quote, its ids recomputed) is refused.
    ///
    /// An older claimtrail may have read the same bytes into another text
    /// (`ingest` changes often: a label, a byline, where paragraphs break),
    /// and its exports must still import: a text that differs stands if
    /// everything anyone says in it, and who they are, is what this reading
    /// of the raw bytes gives (`known`: the story's speakers so far). Only
    /// then is the analysis derived twice.
    ///
    /// When the line's analysis version is another's and `keep_recorded`
    /// (`import --keep-recorded-text`), a text that says something else
    /// stands too, and is returned as [`KeptText`] for the import to list:
    /// the user vouches for the backup, and nothing can tell an older
    /// reading from an edit. A line of this version's own never differs
    /// legitimately, so it is refused either way.
    pub fn check_text(
        &self,
        raw: &[u8],
        known: &BTreeMap<String, SpeakerRecord>,
        keep_recorded: bool,
    ) -> Result<Option<KeptText>, String> {
        let name = (self.source != "-").then_some(self.source.as_str());
        let document = crate::ingest::read_document(raw, name).map_err(|e| {
            format!(
                "revision {} of story {:?}: its raw bytes cannot be read as an article ({e}) (an edited export?)",
                self.number, self.story
            )
        })?;
        let read = document.text();
        if read == self.text {
            return Ok(None);
        }
        let said = |text: &str| -> Result<_, String> {
            let (statements, speakers) = crate::record::derive(&self.story, text, &BTreeSet::new(), &mut known.clone())
                .map_err(|e| e.message)?;
            let mut said: Vec<(String, Option<String>, String)> =
                statements.into_iter().map(|s| (s.content, s.occurrence.speaker, s.occurrence.attribution)).collect();
            said.sort();
            Ok((said, crate::record::speaker_snapshot(&speakers)))
        };
        let (recorded, recorded_speakers) = said(&self.text)?;
        let (reading, reading_speakers) = said(&read)?;
        if recorded == reading && recorded_speakers == reading_speakers {
            return Ok(None);
        }
        let other_version = self.analysis.as_deref() != Some(crate::record::ANALYSIS_VERSION);
        if other_version && keep_recorded {
            let (added, removed) = sorted_difference(&recorded, &reading);
            return Ok(Some(KeptText {
                story: self.story.clone(),
                number: self.number,
                analysis: self.analysis.clone(),
                added,
                removed,
                speakers_differ: recorded_speakers != reading_speakers,
            }));
        }
        let why = match (&self.analysis, other_version) {
            (_, false) => "an edited export?".to_string(),
            (Some(version), true) => format!(
                "an edited export, or another claimtrail's reading: {version}; \
                 for a backup you made yourself, see import --keep-recorded-text"
            ),
            (None, true) => "an edited export, or an older claimtrail's reading; \
                 for a backup you made yourself, see import --keep-recorded-text"
                .to_string(),
        };
        Err(format!(
            "revision {} of story {:?}: its text says what its raw bytes do not ({why})",
            self.number, self.story
        ))
    }

    /// The page's site and lines, as [`Self::to_new`] gives the furniture
    /// index.
    fn page(&self) -> Option<claimtrail_store::PageLines> {
        crate::furniture::page_of(&self.text, self.meta.get("canonical_url").map(String::as_str), self.url.as_deref())
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
                    prints: crate::variants::prints(&s.content),
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
            page: self.page(),
        }
    }
}

/// The longest first line an export may have: its header is tens of bytes,
/// so an endless line (`import - < /dev/zero`) is refused after 4 KiB.
const HEADER_LINE_LIMIT: u64 = 4096;

/// The longest line of an export whose revisions are at most `max_bytes`
/// of raw input: base64 of the raw bytes (4/3), the normalised text and the
/// statements' contents (each at most the text, JSON-escaped), speakers.
pub fn line_limit(max_bytes: u64) -> u64 {
    max_bytes.saturating_mul(8).saturating_add(1 << 20)
}

/// Reads an export one line at a time, each line bounded in length, so
/// memory stays bounded whatever the input (an endless line, a huge file).
pub struct ExportReader<R> {
    reader: R,
    name: String,
    limit: u64,
    line_no: usize,
    seen_header: bool,
    buf: Vec<u8>,
    /// Where the lines read are copied (standard input is read twice: once
    /// to check it, once to import it).
    pub spool: Option<std::io::BufWriter<std::fs::File>>,
}

impl<R> std::fmt::Debug for ExportReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportReader").field("name", &self.name).field("line", &self.line_no).finish_non_exhaustive()
    }
}

impl<R: std::io::BufRead> ExportReader<R> {
    pub fn new(reader: R, name: &str, limit: u64) -> ExportReader<R> {
        ExportReader {
            reader,
            name: name.to_string(),
            limit,
            line_no: 0,
            seen_header: false,
            buf: Vec::new(),
            spool: None,
        }
    }

    /// The next record and its line number, or `None` at the end.
    pub fn next_line(&mut self) -> Result<Option<(usize, Line)>, CliError> {
        use std::io::{BufRead, Read, Write};
        let name = &self.name;
        loop {
            self.buf.clear();
            let limit = if self.seen_header { self.limit } else { HEADER_LINE_LIMIT };
            let n = (&mut self.reader)
                .take(limit.saturating_add(1))
                .read_until(b'\n', &mut self.buf)
                .map_err(|e| CliError::new(format!("cannot read {name}: {e}")))?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            let content = self.buf.strip_suffix(b"\n").unwrap_or(&self.buf);
            if content.len() as u64 > limit {
                return Err(CliError::new(format!(
                    "cannot import {name}: line {} is longer than {limit} bytes",
                    self.line_no
                ))
                .with_hint(if self.seen_header {
                    "a line holds one revision: pass --max-bytes N if its raw input is larger than the limit"
                } else {
                    "import reads the JSON lines `claimtrail export` writes, or a directory of story folders"
                }));
            }
            if let Some(spool) = &mut self.spool {
                spool.write_all(&self.buf).map_err(|e| CliError::new(format!("cannot copy {name} aside: {e}")))?;
            }
            if content.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let parsed: Line = serde_json::from_slice(content).map_err(|e| {
                CliError::new(format!(
                    "cannot import {name}: line {} is not a claimtrail export record: {e}",
                    self.line_no
                ))
                .with_hint("import reads the JSON lines `claimtrail export` writes, or a directory of story folders")
            })?;
            self.seen_header = true;
            return Ok(Some((self.line_no, parsed)));
        }
    }
}
