//! From an extraction to what the store keeps: statements with their
//! occurrences, speakers, and search terms. The bridge between `extract`
//! (text) and `claimtrail-store` (bytes on disk).

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use claimtrail_store::{
    Arrival, Fate, Hash32, NewRevision, NewStatement, Occurrence, PageLines, RevisionRecord, SpeakerRecord, Store,
};

use crate::diff::speakers::same_person_named;
use crate::diff::{ChangeKind, diff_statements};
use crate::error::CliError;
use crate::extract::normalize;
use crate::extract::{Attribution, Extraction, SpeakerKind, SpeakerRef, Statement};
use crate::ingest::Document;

/// The analysis version: which code derived a revision's statements,
/// speakers and metadata ("claimtrail-analysis 0.1.0+<fingerprint of the
/// analysing code>", see `build.rs`). Stored with every revision's
/// analysis; `reanalyze` brings revisions up to it.
pub const ANALYSIS_VERSION: &str =
    concat!("claimtrail-analysis ", env!("CARGO_PKG_VERSION"), "+", env!("CLAIMTRAIL_ANALYSIS_FINGERPRINT"));

/// The store id of a speaker. Named people and organisations are one speaker
/// across stories; an anonymous source is only known inside its story, so
/// its id is scoped to the story ("taji/u-s-official"). So is a speaker
/// the article only described, with no name ("prime minister", "police",
/// a pronoun left unresolved): one story's prime minister is not
/// another's.
pub fn store_speaker_id(story: &str, id: &str, anonymous: bool, name: &str) -> String {
    if anonymous || !name.chars().any(char::is_uppercase) { format!("{story}/{id}") } else { id.to_string() }
}

/// Words too common to index or search: every statement holds them.
const STOPWORDS: [&str; 24] = [
    "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "of", "on", "or", "that", "the",
    "this", "to", "was", "were", "will", "with",
];

/// Search terms of a statement's content: lowercase words of letters and
/// digits, each once, without the commonest words. Apostrophes are dropped
/// so "don't" is "dont".
pub fn terms(content: &str) -> Vec<String> {
    let normalized =
        if content.is_ascii() { Cow::Borrowed(content) } else { Cow::Owned(normalize::normalize_content(content)) };
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in normalized.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if c == '\'' {
            continue;
        } else if !word.is_empty() {
            // A statement has tens of words: a linear check beats hashing.
            if !STOPWORDS.contains(&word.as_str()) && !out.contains(&word) {
                out.push(word.clone());
            }
            word.clear();
        }
    }
    out
}

/// What the store's word indexes keep of a statement new to it: its
/// search terms and its wording's fingerprints (the variant index).
pub fn index_words(st: &mut NewStatement) {
    st.terms = terms(&st.content);
    st.prints = crate::variants::prints(&st.content);
}

/// Statements and speakers of an extraction, in the store's terms.
///
/// A statement with several speakers ("Esper and Milley said") is one
/// occurrence per speaker, all at the statement's index: the first is its
/// speaker, the rest its co-speakers in order. So each of them has the
/// statement in their runs (`who Milley` finds it), and reading a list back
/// folds the occurrences of one index into one statement
/// ([`statements_as_stored`]).
pub fn to_store(story: &str, extraction: &Extraction) -> Result<(Vec<NewStatement>, Vec<SpeakerRecord>), CliError> {
    let mut statements = Vec::with_capacity(extraction.statements.len());
    for s in &extraction.statements {
        let hash: Hash32 = s.hash.parse().map_err(|e| CliError::new(format!("internal error: {e}")))?;
        let occurrence = |sp: Option<&SpeakerRef>| Occurrence {
            index: s.index as u32,
            paragraph: s.paragraph as u32,
            statement: hash,
            speaker: sp.map(|sp| store_speaker_id(story, &sp.id, sp.anonymous, &sp.name)),
            mention: sp.map(|sp| sp.mention.clone()),
            attribution: s.attribution.as_str().to_string(),
            cue: s.cue.clone(),
            span: (s.span.0 as u64, s.span.1 as u64),
        };
        statements.push(NewStatement {
            occurrence: occurrence(s.speaker.as_ref()),
            content: s.content.clone(),
            // Filled in by `Prepared::follow` for the statements that need them.
            terms: Vec::new(),
            prints: Vec::new(),
        });
        if s.speaker.is_some() {
            for co in &s.co_speakers {
                statements.push(NewStatement {
                    occurrence: occurrence(Some(co)),
                    content: s.content.clone(),
                    terms: Vec::new(),
                    prints: Vec::new(),
                });
            }
        }
    }
    let speakers = extraction.speakers.iter().map(|sp| speaker_record(story, sp)).collect();
    Ok((statements, speakers))
}

/// The speakers a story already has, by store id, as its own revisions
/// recorded them (never what other stories said of them).
pub fn story_speakers(store: &Store, story: &str) -> Result<BTreeMap<String, SpeakerRecord>, CliError> {
    let mut known: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
    for rev in store.revisions(story)? {
        fold_speakers(&mut known, &revision_speakers(store, &rev)?);
    }
    Ok(known)
}

/// Fold a revision's speakers into what its story knows of them; returns
/// those that changed it.
fn fold_speakers(known: &mut BTreeMap<String, SpeakerRecord>, speakers: &[SpeakerRecord]) -> Vec<String> {
    let mut changed = Vec::new();
    for rec in speakers {
        let did = match known.get_mut(&rec.id) {
            Some(k) => k.merge(rec),
            None => {
                known.insert(rec.id.clone(), rec.clone());
                true
            }
        };
        if did {
            changed.push(rec.id.clone());
        }
    }
    changed
}

/// A revision's speakers as it recorded them, by id.
pub fn revision_speakers(store: &Store, rev: &RevisionRecord) -> Result<Vec<SpeakerRecord>, CliError> {
    match store.analysis(rev)? {
        Some(a) => Ok(a.speakers),
        None => Err(CliError::new(format!("revision {} of story {:?} has no analysis record", rev.number, rev.story))
            .with_hint(format!("run `claimtrail reanalyze {}`", rev.story))),
    }
}

/// A revision's speakers as the store keeps them: one record per id (two
/// mentions resolved to one speaker merged), in id order, without lookup
/// keys. The same list the store's analysis record holds.
pub fn speaker_snapshot(speakers: &[SpeakerRecord]) -> Vec<SpeakerRecord> {
    let mut by_id: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
    for sp in speakers {
        match by_id.get_mut(&sp.id) {
            Some(k) => {
                k.merge(sp);
            }
            None => {
                by_id.insert(sp.id.clone(), SpeakerRecord { lookup: Vec::new(), ..sp.clone() });
            }
        }
    }
    by_id.into_values().collect()
}

/// Map the people of a new revision onto the speakers the story already
/// has (`known`, by store id), so a renamed mention ("Kenneth F. McKenzie
/// Jr." for "Frank McKenzie") stays one speaker in the store and in every
/// query. [`Prepared::unify`] then folds this revision's speakers into
/// `known`.
pub fn unify_with_story(known: &mut BTreeMap<String, SpeakerRecord>, extraction: &mut Extraction) {
    let mut remap: BTreeMap<String, SpeakerRecord> = BTreeMap::new();
    for sp in &extraction.speakers {
        if sp.kind != SpeakerKind::Person || known.contains_key(&sp.id) {
            continue;
        }
        let found = known.values().find(|k| {
            k.kind == "person" && same_person_named(&k.name, k.role.as_deref(), &sp.name, sp.role.as_deref())
        });
        if let Some(k) = found {
            remap.insert(sp.id.clone(), k.clone());
        }
    }
    for sp in &mut extraction.speakers {
        if let Some(k) = remap.get(&sp.id) {
            if !sp.aliases.contains(&sp.name) {
                sp.aliases.push(sp.name.clone());
            }
            sp.id.clone_from(&k.id);
            sp.name.clone_from(&k.name);
            if sp.role.is_none() {
                sp.role.clone_from(&k.role);
            }
        }
    }
    for st in &mut extraction.statements {
        if let Some(sp) = &mut st.speaker
            && let Some(k) = remap.get(&sp.id)
        {
            sp.id.clone_from(&k.id);
            sp.name.clone_from(&k.name);
        }
    }
}

fn speaker_record(story: &str, sp: &crate::extract::Speaker) -> SpeakerRecord {
    SpeakerRecord {
        id: store_speaker_id(story, &sp.id, sp.anonymous, &sp.name),
        name: sp.name.clone(),
        kind: sp.kind.as_str().to_string(),
        anonymous: sp.anonymous,
        role: sp.role.clone(),
        aliases: sp.aliases.clone(),
        anonymity_reason: sp.anonymity_reason.clone(),
        lookup: Vec::new(),
    }
}

pub use crate::speaker::lookup_keys;

/// What the store keeps of an extraction in `story`: its people unified
/// with those the story already has (`known`, updated), statements and
/// every speaker. Only speakers the story did not know as they are here
/// get lookup keys: most revisions repeat the previous one's people.
fn analysis_of(
    story: &str,
    extraction: &mut Extraction,
    known: &mut BTreeMap<String, SpeakerRecord>,
) -> Result<(Vec<NewStatement>, Vec<SpeakerRecord>), CliError> {
    unify_with_story(known, extraction);
    let (statements, speakers) = to_store(story, extraction)?;
    let changed = fold_speakers(known, &speakers);
    let speakers = speakers
        .into_iter()
        .map(|mut rec| {
            if changed.contains(&rec.id) {
                rec.lookup = lookup_keys(&rec);
            }
            rec
        })
        .collect();
    Ok((statements, speakers))
}

/// Re-derive a stored revision's analysis from its text (the evidence)
/// with the current code, as `record` would have stored it: statements
/// and speakers, with the story's speakers so far (`known`) updated, and
/// none from the paragraphs that are its site's furniture (`furniture`,
/// see [`crate::furniture`]).
pub fn derive(
    story: &str,
    text: &str,
    furniture: &BTreeSet<usize>,
    known: &mut BTreeMap<String, SpeakerRecord>,
) -> Result<(Vec<NewStatement>, Vec<SpeakerRecord>), CliError> {
    let mut extraction = crate::extract::extract(text);
    crate::furniture::drop_furniture(&mut extraction, furniture);
    analysis_of(story, &mut extraction, known)
}

/// An input read, understood and extracted: everything a revision needs
/// but the story's context.
#[derive(Debug)]
pub struct Prepared {
    pub raw: Vec<u8>,
    pub source: String,
    pub document: Document,
    pub text: String,
    pub extraction: Extraction,
    /// What the store keeps of the extraction, once unified with a story.
    ready: Option<(Vec<NewStatement>, Vec<SpeakerRecord>)>,
    /// The claim diff against the story's previous revision, once followed.
    lineage: Option<Lineage>,
    /// This revision's speakers by store id, as the story knows them.
    speakers: BTreeMap<String, SpeakerRecord>,
    /// The page's site and lines for the furniture index, once worked out.
    page: Option<PageLines>,
}

impl Prepared {
    pub fn new(raw: Vec<u8>, source: String, document: Document) -> Prepared {
        let text = document.text();
        let extraction = crate::extract::extract(&text);
        Prepared {
            raw,
            source,
            document,
            text,
            extraction,
            ready: None,
            lineage: None,
            speakers: BTreeMap::new(),
            page: None,
        }
    }

    /// Drop the statements found in lines the store knows as the
    /// furniture of this page's site (see [`crate::furniture`]): the site
    /// is the page's canonical URL's, or else `url`'s (the story's
    /// address). Call before [`Prepared::unify`]. Returns how many
    /// paragraphs were furniture.
    pub fn drop_site_furniture(&mut self, store: &Store, story: &str, url: Option<&str>) -> Result<usize, CliError> {
        self.page = crate::furniture::page_of(&self.text, self.document.canonical_url.as_deref(), url);
        let host = self.page.as_ref().map(|p| p.host.as_str());
        let furniture = crate::furniture::furniture_of(store, host, story, &self.text)?;
        crate::furniture::drop_furniture(&mut self.extraction, &furniture);
        Ok(furniture.len())
    }

    /// Unify the people with those `story` already has (`known`, updated)
    /// and turn the extraction into what the store keeps. Bulk import does
    /// this on its reading thread; [`Prepared::to_revision`] does it when
    /// it has not been done.
    pub fn unify(&mut self, story: &str, known: &mut BTreeMap<String, SpeakerRecord>) -> Result<(), CliError> {
        let (statements, speakers) = analysis_of(story, &mut self.extraction, known)?;
        self.speakers = speakers.iter().map(|s| (s.id.clone(), s.clone())).collect();
        self.ready = Some((statements, speakers));
        Ok(())
    }

    /// Diff this revision's claims against the story's previous revision
    /// (`previous`, as stored: see [`stored_statements`]), for the store's
    /// runs, and return this revision's statements as they will be stored
    /// (the next revision's `previous`). Call after [`Prepared::unify`].
    pub fn follow(&mut self, previous: &[Statement]) -> Result<Vec<Statement>, CliError> {
        let Some((statements, _)) = &mut self.ready else {
            return Err(CliError::new("internal error: follow before unify"));
        };
        // Only a statement the story's last revision lacks can be new to
        // the store: only those need search terms.
        let before: HashSet<Hash32> = previous.iter().filter_map(|s| s.hash.parse().ok()).collect();
        for st in statements.iter_mut() {
            if !before.contains(&st.occurrence.statement) {
                index_words(st);
            }
        }
        let now = statements_as_stored(
            statements.iter().map(|s| (&s.occurrence, s.content.as_str())),
            &self.speakers,
            &self.text,
        );
        self.lineage = Some(lineage(previous, &now));
        Ok(now)
    }

    /// Drop what recording no longer needs once unified and followed: the
    /// extraction and the document's paragraphs. Bulk import does this
    /// before queueing a revision for its writing thread, so the queue
    /// holds what will be written and little else.
    pub fn slim(&mut self) {
        self.extraction = Extraction::default();
        self.document.paragraphs = Vec::new();
        self.speakers = BTreeMap::new();
    }

    /// The revision to record in `story`, with its people unified with
    /// those the story already has.
    pub fn to_revision<'a>(
        &'a mut self,
        story: &'a str,
        known: &mut BTreeMap<String, SpeakerRecord>,
        previous: &[Statement],
        captured_at: chrono::DateTime<chrono::Utc>,
        url: Option<&'a str>,
        title: Option<&'a str>,
    ) -> Result<NewRevision<'a>, CliError> {
        if self.ready.is_none() {
            self.unify(story, known)?;
        }
        if self.lineage.is_none() {
            self.follow(previous)?;
        }
        let (statements, speakers) = self.ready.take().unwrap_or_default();
        let lineage = self.lineage.take().unwrap_or_default();
        let page = self
            .page
            .take()
            .or_else(|| crate::furniture::page_of(&self.text, self.document.canonical_url.as_deref(), url));
        Ok(NewRevision {
            story,
            url,
            title: title.or(self.document.title.as_deref()),
            raw: &self.raw,
            text: &self.text,
            captured_at,
            source: &self.source,
            format: self.document.format.as_str(),
            meta: document_meta(&self.document),
            statements,
            speakers,
            analysis: ANALYSIS_VERSION,
            arrivals: lineage.arrivals,
            fates: lineage.fates,
            page,
        })
    }
}

/// What the store keeps of a revision's claim diff against its parent.
#[derive(Debug, Default)]
pub struct Lineage {
    pub arrivals: HashMap<Hash32, Arrival>,
    pub fates: HashMap<Hash32, Fate>,
}

/// The claim diff from `previous` to `next`, as the store's runs record it:
/// how each statement of `next` came in, and what became of each statement
/// of `previous` that is gone.
pub fn lineage(previous: &[Statement], next: &[Statement]) -> Lineage {
    let mut out = Lineage::default();
    if previous.is_empty() {
        return out;
    }
    // Statements both revisions hold with the same speaker are unchanged
    // (or moved): the claim diff only needs to pair the rest, which for a
    // small edit is a handful.
    fn key(s: &Statement) -> (&str, Option<&str>) {
        (s.hash.as_str(), s.speaker.as_ref().map(|p| p.id.as_str()))
    }
    let before: HashSet<(&str, Option<&str>)> = previous.iter().map(key).collect();
    let after: HashSet<(&str, Option<&str>)> = next.iter().map(key).collect();
    let old: Vec<Statement> = previous.iter().filter(|s| !after.contains(&key(s))).cloned().collect();
    let new: Vec<Statement> = next.iter().filter(|s| !before.contains(&key(s))).cloned().collect();
    if old.is_empty() && new.is_empty() {
        return out;
    }
    let hash = |s: &Statement| s.hash.parse::<Hash32>().ok();
    let d = diff_statements(&old, &new);
    for c in &d.changes {
        let from = c.from.as_ref().and_then(hash);
        let into = c.to.as_ref().and_then(hash);
        let replaced = matches!(
            c.change,
            ChangeKind::Reworded | ChangeKind::QuoteChanged | ChangeKind::Reattributed | ChangeKind::Reframed
        );
        if c.change != ChangeKind::Removed {
            let how = c.change.as_str().to_string();
            for s in c.to.iter().chain(&c.also_to) {
                if let Some(h) = hash(s) {
                    out.arrivals.insert(
                        h,
                        Arrival { how: how.clone(), from: if c.change == ChangeKind::Added { None } else { from } },
                    );
                }
            }
        }
        if replaced || c.change == ChangeKind::Removed {
            let fate = Fate {
                how: c.change.as_str().to_string(),
                into: if replaced { into } else { None },
                to: (c.change == ChangeKind::Reattributed)
                    .then(|| c.to.as_ref().and_then(|t| t.speaker.as_ref()).map(|s| s.name.clone()))
                    .flatten(),
            };
            for s in c.from.iter().chain(&c.also_from) {
                if let Some(h) = hash(s) {
                    out.fates.insert(h, fate.clone());
                }
            }
        }
    }
    out
}

/// The revision metadata key that marks a revision as a primary source of
/// what it quotes (`record --primary KIND`: a transcript, an official
/// statement, a document); `variants` measures every report against it.
pub const PRIMARY: &str = "primary";

/// Document metadata worth keeping with a revision.
pub fn document_meta(doc: &Document) -> BTreeMap<String, String> {
    let mut meta = BTreeMap::new();
    let mut put = |k: &str, v: Option<String>| {
        if let Some(v) = v {
            meta.insert(k.to_string(), v);
        }
    };
    put(claimtrail_store::TITLE, doc.title.clone());
    put("byline", doc.byline.clone());
    put("authors", (!doc.authors.is_empty()).then(|| doc.authors.join("; ")));
    put("dateline", doc.dateline.clone());
    put("language", doc.language.clone());
    // As the page gave them: with its offset, or marked as local time.
    put("published", doc.published.map(|t| t.to_string()));
    put("modified", doc.modified.map(|t| t.to_string()));
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

/// The statements of a story's latest revision (none for a new story): what
/// a new revision is diffed against.
pub fn latest_statements(store: &Store, story: &str) -> Result<Vec<Statement>, CliError> {
    match store.story(story)? {
        Some(s) if s.revisions > 0 => stored_statements(store, &store.require_revision(&s, s.revisions)?),
        _ => Ok(Vec::new()),
    }
}

/// The statements of a stored revision, rebuilt in extraction's model (the
/// same JSON `extract` prints), from the store's records.
pub fn stored_statements(store: &Store, rev: &RevisionRecord) -> Result<Vec<Statement>, CliError> {
    stored_statements_with(store, rev, &mut HashMap::new())
}

/// [`stored_statements`] with a cache of statement contents, for walking
/// many revisions of a story (which repeat most of their statements).
pub fn stored_statements_with(
    store: &Store,
    rev: &RevisionRecord,
    contents: &mut HashMap<Hash32, String>,
) -> Result<Vec<Statement>, CliError> {
    let text = store.text(rev)?;
    let occurrences = store.occurrences(rev)?;
    // The speakers as this revision recorded them.
    let speakers: BTreeMap<String, SpeakerRecord> =
        revision_speakers(store, rev)?.into_iter().map(|s| (s.id.clone(), s)).collect();
    for o in &occurrences {
        if let std::collections::hash_map::Entry::Vacant(e) = contents.entry(o.statement) {
            let c = store.statement(&o.statement)?.map(|s| s.content).ok_or_else(|| {
                CliError::new(format!("statement {} is missing from the store", o.statement.short()))
                    .with_hint("run `claimtrail verify`")
            })?;
            e.insert(c);
        }
    }
    Ok(statements_as_stored(occurrences.iter().map(|o| (o, contents[&o.statement].as_str())), &speakers, &text))
}

/// Statements in extraction's model from the store's records: occurrences
/// with their contents, the speakers' records, and the revision's text.
/// Occurrences at one index are one statement: the first names its
/// speaker, the others its co-speakers (see [`to_store`]).
pub fn statements_as_stored<'a>(
    occurrences: impl Iterator<Item = (&'a Occurrence, &'a str)>,
    speakers: &BTreeMap<String, SpeakerRecord>,
    text: &str,
) -> Vec<Statement> {
    let speaker_ref = |o: &Occurrence| {
        o.speaker.as_ref().and_then(|id| speakers.get(id)).map(|sp| SpeakerRef {
            id: sp.id.clone(),
            name: sp.name.clone(),
            mention: o.mention.clone().unwrap_or_else(|| sp.name.clone()),
            kind: kind_of(&sp.kind),
            anonymous: sp.anonymous,
            role: sp.role.clone(),
        })
    };
    let mut out: Vec<Statement> = Vec::new();
    let mut last: Option<(u32, Hash32)> = None;
    for (o, content) in occurrences {
        if last == Some((o.index, o.statement))
            && let Some(st) = out.last_mut()
        {
            st.co_speakers.extend(speaker_ref(o));
            continue;
        }
        last = Some((o.index, o.statement));
        let (a, b) = (o.span.0 as usize, o.span.1 as usize);
        out.push(Statement {
            index: o.index as usize,
            paragraph: o.paragraph as usize,
            content: content.to_string(),
            text: text.get(a..b).unwrap_or_default().to_string(),
            attribution: Attribution::parse(&o.attribution).unwrap_or(Attribution::Unattributed),
            cue: o.cue.clone(),
            speaker: speaker_ref(o),
            co_speakers: Vec::new(),
            hash: o.statement.to_hex(),
            span: (a, b),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renamed_people_are_one_person() {
        let same_person = same_person_named;
        let role = Some("head of U.S. Central Command");
        assert!(same_person("Frank McKenzie", role, "Kenneth F. McKenzie Jr.", role));
        assert!(same_person("Mark Esper", None, "Esper", None));
        assert!(!same_person("Mark Esper", None, "Jane Esper", None));
        assert!(!same_person("Mark Esper", Some("Secretary of Defense"), "Jane Esper", Some("Senator")));
        assert!(!same_person("Mark Esper", None, "Mark Hoffman", None));
    }

    #[test]
    fn terms_are_lowercase_unique_words() {
        assert_eq!(
            terms("“All options are on the table,” all said. Don’t"),
            vec!["all", "options", "table", "said", "dont"]
        );
    }
}
