//! The claim diff: which statements of one revision became which of the
//! next, and what kind of change each is.
//!
//! Input is two lists of [`Statement`]s (from extraction or the store);
//! output is a [`ClaimDiff`], the engine's answer, and [`DiffReport`], the
//! `diff --format json` contract around it. This module knows statements,
//! words and speakers; it never reads files, the store or arguments.
//!
//! - [`pairing`] decides which statements correspond (hash, similarity,
//!   split/merge, moves);
//! - [`words`] compares contents word by word (via `similar`);
//! - [`speakers`] decides whether two speakers are the same source;
//! - [`layout`] sets aside datelines and list markers, [`overlap`] scores
//!   heavy rewrites;
//! - [`shift`] tells the tense and person shifts of reported speech ("says
//!   the union will" → "said the union would") from edits of the claim.
//!
//! Kinds, most serious first: a pair whose speakers changed (no speaker of
//! one side is a speaker of the other) is `reattributed`, whatever else
//! changed, and always names two different speakers; a claim of the
//! outlet's own that gained a source, or lost one, is `reframed` with
//! `source_changed`, whatever else changed; a pair with an edited
//! word inside quotation marks is `quote_changed`; any other edit is
//! `reworded`; a pair whose claim kept its words but whose attribution
//! frame changed in a way the reader sees (paraphrase became quotation, a
//! neutral cue a loaded one, or "A website shows X" became "X, according to
//! a website") is `reframed`; a pair with nothing edited that left its
//! place is `moved`; the rest is `unchanged`. Unpaired statements are `added` or `removed`, and an added
//! statement the story carried before is `restored` (see
//! [`ClaimDiff::mark_restored`]).
//!
//! # The JSON contract
//!
//! `{"from": ENDPOINT, "to": ENDPOINT, "summary": {...}, "changes": [...]}`
//! ([`DiffReport`]). Each change has `change` (the kind), `from` (absent for
//! added/restored) and `to` (absent for removed) as extraction's statement
//! JSON, and for paired changes `similarity` (word similarity, two
//! decimals). Present only when they say something:
//! - `words`: the word diff, `[{"op": "equal|delete|insert", "text": ...}]`,
//!   when the content was edited;
//! - `attribution_changed` / `cue_changed`: `{"from": ..., "to": ...}`;
//! - `qualifier_changed`: the outlet's "without providing evidence" added
//!   (`from` null) or dropped (`to` null);
//! - `source_changed`: `{"from": null, "to": "officials"}` when the
//!   outlet's claim gained a source (`to` null when it lost one), the
//!   change being `reframed`;
//! - `shape`: `split` (one statement became `to` + `also_to`), `merge`
//!   (`from` + `also_from` became one), `regrouped` (the same words cut
//!   into statements differently: `from` + `also_from` became `to` +
//!   `also_to`), `block` (a run of statements moved together: `from`/`to`
//!   then `also_from`/`also_to`, pairwise);
//! - `moved: true`: an edited statement that also changed place.
//!
//! `summary` counts changes by kind, `unchanged` included; `moved` counts
//! blocks. `restored` appears only when non-zero (store diffs).

pub mod layout;
pub mod overlap;
pub mod pairing;
pub mod shift;
pub mod speakers;
pub mod words;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::extract::normalize::normalize_content;
use crate::extract::{Attribution, Statement};

pub use pairing::Group;
pub use speakers::same_speaker;
pub use words::{Op, WordOp};

/// Tuning of the pairing.
#[derive(Clone, Debug)]
pub struct DiffOptions {
    /// Least word similarity for two different statements to be one edited
    /// statement. Below about 0.5 readers (and NewsEdits-style annotators)
    /// see a removed claim and a new one, not a rewording.
    pub threshold: f64,
    /// Least share of a statement's words found in another for it to count
    /// as a piece split off from it (or merged into it).
    pub containment: f64,
}

impl Default for DiffOptions {
    fn default() -> DiffOptions {
        DiffOptions { threshold: 0.5, containment: 0.7 }
    }
}

/// What happened to a claim between two revisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Unchanged,
    Added,
    Removed,
    Reworded,
    QuoteChanged,
    Reattributed,
    Moved,
    /// Added back after an earlier revision had removed it.
    Restored,
    /// The same claim from the same source in another attribution frame.
    Reframed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Unchanged => "unchanged",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Reworded => "reworded",
            ChangeKind::QuoteChanged => "quote_changed",
            ChangeKind::Reattributed => "reattributed",
            ChangeKind::Moved => "moved",
            ChangeKind::Restored => "restored",
            ChangeKind::Reframed => "reframed",
        }
    }

    /// The kind named by [`ChangeKind::as_str`].
    pub fn from_name(name: &str) -> Option<ChangeKind> {
        [
            ChangeKind::Unchanged,
            ChangeKind::Added,
            ChangeKind::Removed,
            ChangeKind::Reworded,
            ChangeKind::QuoteChanged,
            ChangeKind::Reattributed,
            ChangeKind::Moved,
            ChangeKind::Restored,
            ChangeKind::Reframed,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }

    /// The kind as people read it ("quote changed").
    pub fn label(self) -> &'static str {
        match self {
            ChangeKind::QuoteChanged => "quote changed",
            k => k.as_str(),
        }
    }
}

/// A value before and after, for the parts of a change that are not the
/// content (`"attribution_changed": {"from": "indirect", "to": "direct"}`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FromTo<T> {
    pub from: T,
    pub to: T,
}

/// How a change's statements correspond, when not one to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    /// One statement became several: `to` and `also_to`.
    Split,
    /// Several became one: `from` and `also_from`.
    Merge,
    /// Consecutive statements moved together: the block is `from`/`to`
    /// then `also_from`/`also_to`, pairwise.
    Block,
    /// The same words cut into statements differently (a list
    /// re-punctuated): `from` + `also_from` became `to` + `also_to`.
    Regrouped,
}

/// One entry of the diff.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub change: ChangeKind,
    /// Absent for added (and restored) statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Statement>,
    /// Absent for removed statements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Statement>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shape: Option<Shape>,
    /// The other old statements of a merge or a moved block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_from: Vec<Statement>,
    /// The other new statements of a split or a moved block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also_to: Vec<Statement>,
    /// Word similarity of the contents (two decimals), for paired changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// The word diff, for changes whose content was edited.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<WordOp>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution_changed: Option<FromTo<Attribution>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_changed: Option<FromTo<Option<String>>>,
    /// The outlet's qualifier of how the claim was made, added or dropped
    /// ("without providing evidence"): `null` on the side without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier_changed: Option<FromTo<Option<String>>>,
    /// An edited statement that also left its place (pure moves are
    /// [`ChangeKind::Moved`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub moved: bool,
    /// The outlet's own claim that gained a source (`from` null) or lost
    /// one (`to` null): the speakers' names. Such a change is `reframed`,
    /// never `reattributed`, which names two speakers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_changed: Option<FromTo<Option<String>>>,
    /// The speaker's name as the old revision spelled it and as the new one
    /// does, for a person whose name was corrected: the same source, so
    /// never `reattributed`. A claim unchanged but for it is `reframed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_changed: Option<FromTo<String>>,
}

impl Change {
    fn new(change: ChangeKind) -> Change {
        Change {
            change,
            from: None,
            to: None,
            shape: None,
            also_from: Vec::new(),
            also_to: Vec::new(),
            similarity: None,
            words: Vec::new(),
            attribution_changed: None,
            cue_changed: None,
            qualifier_changed: None,
            moved: false,
            source_changed: None,
            name_changed: None,
        }
    }
}

impl Change {
    /// What else people should know of a change, beyond its kind and
    /// content, as short phrases ("split into 2", "also moved", "“said” →
    /// “claimed”"): the text and HTML outputs both show these.
    pub fn notes(&self) -> Vec<String> {
        let mut notes: Vec<String> = Vec::new();
        match self.shape {
            Some(Shape::Split) => {
                notes.push(format!("split into {}", 1 + self.also_to.len()));
                notes.extend(others(self.to.as_ref(), &self.also_to).map(|n| format!("part now {}", possessive(n))));
            }
            Some(Shape::Merge) => {
                notes.push(format!("merged from {}", 1 + self.also_from.len()));
                notes
                    .extend(others(self.from.as_ref(), &self.also_from).map(|n| format!("part was {}", possessive(n))));
            }
            Some(Shape::Block) => notes.push(format!("{} statements", 1 + self.also_to.len())),
            Some(Shape::Regrouped) => {
                notes.push(format!("{} statements cut as {}", 1 + self.also_from.len(), 1 + self.also_to.len()))
            }
            None => {}
        }
        if self.moved {
            notes.push("also moved".to_string());
        }
        if let Some(a) = &self.attribution_changed {
            notes.push(format!("{} → {}", a.from.as_str(), a.to.as_str()));
        }
        if let Some(q) = &self.cue_changed {
            let cue = |c: &Option<String>| c.clone().unwrap_or_else(|| "no cue".to_string());
            notes.push(format!("“{}” → “{}”", cue(&q.from), cue(&q.to)));
        }
        match self.qualifier_changed.as_ref().map(|q| (&q.from, &q.to)) {
            Some((None, Some(added))) => notes.push(format!("“{added}” added")),
            Some((Some(dropped), None)) => notes.push(format!("“{dropped}” dropped")),
            _ => {}
        }
        if let Some(n) = &self.name_changed {
            notes.push(format!("name corrected: {} → {}", n.from, n.to));
        }
        match self.source_changed.as_ref().map(|s| (&s.from, &s.to)) {
            Some((None, Some(now))) => notes.push(format!("now attributed to {now}")),
            Some((Some(was), None)) => notes.push(format!("no longer attributed to {was}")),
            _ => {}
        }
        notes
    }
}

/// "Tor Aasen's", "officials'": a plural noun in -s takes the apostrophe
/// alone (a name keeps its "'s": "Jones's").
fn possessive(name: &str) -> String {
    let plural = name.ends_with('s') && !name.ends_with("ss") && name.starts_with(char::is_lowercase);
    if plural { format!("{name}'") } else { format!("{name}'s") }
}

/// The speakers of a split's (or merge's) other pieces who are not the
/// main piece's: "part now Tor Aasen's". Each once, in order.
fn others<'a>(main: Option<&'a Statement>, rest: &'a [Statement]) -> impl Iterator<Item = &'a str> {
    let main = main.and_then(|s| s.speaker.as_ref()).map(|s| s.id.as_str());
    let mut seen: Vec<&str> = Vec::new();
    rest.iter()
        .filter_map(|s| s.speaker.as_ref())
        .filter(move |sp| {
            let new = Some(sp.id.as_str()) != main && !seen.contains(&sp.id.as_str());
            if new {
                seen.push(&sp.id);
            }
            new
        })
        .map(|sp| sp.name.as_str())
}

/// How many changes of each kind. `moved` counts moved blocks, not
/// statements: a paragraph that moved is one move.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    pub added: usize,
    pub removed: usize,
    pub reworded: usize,
    pub quote_changed: usize,
    pub reattributed: usize,
    pub reframed: usize,
    pub moved: usize,
    pub unchanged: usize,
    /// Only diffs of stored revisions can know this; absent when zero so
    /// the file form keeps its documented shape.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub restored: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Summary {
    fn count(changes: &[Change]) -> Summary {
        let mut s = Summary::default();
        for c in changes {
            *match c.change {
                ChangeKind::Added => &mut s.added,
                ChangeKind::Removed => &mut s.removed,
                ChangeKind::Reworded => &mut s.reworded,
                ChangeKind::QuoteChanged => &mut s.quote_changed,
                ChangeKind::Reattributed => &mut s.reattributed,
                ChangeKind::Reframed => &mut s.reframed,
                ChangeKind::Moved => &mut s.moved,
                ChangeKind::Unchanged => &mut s.unchanged,
                ChangeKind::Restored => &mut s.restored,
            } += 1;
        }
        s
    }

    /// The counts as people read them: "1 added, 2 removed, 5 unchanged",
    /// or "no claim changed, 5 unchanged".
    pub fn describe(&self) -> String {
        let parts: Vec<String> = self
            .counts()
            .iter()
            .filter(|(k, n)| *n > 0 && *k != ChangeKind::Unchanged)
            .map(|(k, n)| format!("{n} {}", k.label()))
            .collect();
        let unchanged = self.unchanged;
        if parts.is_empty() {
            format!("no claim changed, {unchanged} unchanged")
        } else {
            format!("{}, {unchanged} unchanged", parts.join(", "))
        }
    }

    /// Every kind with its count, in the order the summary line prints them.
    pub fn counts(&self) -> [(ChangeKind, usize); 9] {
        [
            (ChangeKind::Added, self.added),
            (ChangeKind::Restored, self.restored),
            (ChangeKind::Removed, self.removed),
            (ChangeKind::Reworded, self.reworded),
            (ChangeKind::QuoteChanged, self.quote_changed),
            (ChangeKind::Reattributed, self.reattributed),
            (ChangeKind::Reframed, self.reframed),
            (ChangeKind::Moved, self.moved),
            (ChangeKind::Unchanged, self.unchanged),
        ]
    }
}

/// The engine's answer: every change, in the new revision's order (removed
/// statements where they used to be), `unchanged` included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimDiff {
    pub summary: Summary,
    pub changes: Vec<Change>,
    /// The page's headline, when two HTML pages give different ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<HeadlineChange>,
}

/// A headline rewritten between two HTML pages. The HTML reader keeps a
/// page's headline as its title, not as a paragraph (a plain-text or
/// Markdown article's first line is a statement, and is diffed as one), so
/// without this a rewritten headline, the edit readers notice first, would
/// go unreported.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineChange {
    pub from: String,
    pub to: String,
    /// Word by word, as a statement's `words`.
    pub words: Vec<WordOp>,
}

impl ClaimDiff {
    /// Nothing changed: every change is `unchanged`, and so is the headline.
    pub fn is_same(&self) -> bool {
        self.headline.is_none() && self.changes.iter().all(|c| c.change == ChangeKind::Unchanged)
    }

    /// Compare the two pages' headlines (HTML titles): a change in wording
    /// is kept; case, white space and closing punctuation alone are not.
    pub fn with_headlines(mut self, from: Option<&str>, to: Option<&str>) -> ClaimDiff {
        if let (Some(a), Some(b)) = (from, to) {
            let d = words::diff(&words::Tokens::new(a, false), &words::Tokens::new(b, false));
            if d.changed {
                self.headline = Some(HeadlineChange { from: a.to_string(), to: b.to_string(), words: d.ops });
            }
        }
        self
    }

    /// Turn `added` changes whose content hash the story carried in an
    /// earlier revision into `restored`. The store knows the hashes; the
    /// engine does not.
    pub fn mark_restored(&mut self, seen: &HashSet<String>) {
        for c in &mut self.changes {
            if c.change == ChangeKind::Added && c.to.as_ref().is_some_and(|s| seen.contains(&s.hash)) {
                c.change = ChangeKind::Restored;
            }
        }
        self.summary = Summary::count(&self.changes);
    }
}

/// What one side of a diff is: a file, or a stored revision. Serialised
/// untagged, so JSON shows `{"file": ..., "statements": N}` or `{"story":
/// ..., "revision": N, "id": ..., "statements": N}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Endpoint {
    Revision { story: String, revision: u64, id: String, statements: usize },
    File { file: String, statements: usize },
}

impl Endpoint {
    /// The side as people name it: the file, or `story@N`.
    pub fn label(&self) -> String {
        match self {
            Endpoint::File { file, .. } => file.clone(),
            Endpoint::Revision { story, revision, .. } => format!("{story}@{revision}"),
        }
    }
}

/// The `diff --format json` contract: both sides, the summary, and the
/// changes (`unchanged` ones only when asked for).
#[derive(Debug, Serialize)]
pub struct DiffReport<'a> {
    pub from: &'a Endpoint,
    pub to: &'a Endpoint,
    pub summary: &'a Summary,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<&'a HeadlineChange>,
    pub changes: Vec<&'a Change>,
}

impl<'a> DiffReport<'a> {
    pub fn new(from: &'a Endpoint, to: &'a Endpoint, diff: &'a ClaimDiff, all: bool) -> Self {
        DiffReport {
            from,
            to,
            summary: &diff.summary,
            headline: diff.headline.as_ref(),
            changes: diff.changes.iter().filter(|c| all || c.change != ChangeKind::Unchanged).collect(),
        }
    }
}

/// Diff two revisions' statements with the default options.
pub fn diff_statements(from: &[Statement], to: &[Statement]) -> ClaimDiff {
    diff_statements_with(from, to, &DiffOptions::default())
}

/// Cues that report speech without judging it. Moving between these
/// ("said" → "added") is how frames shift when sentences move; moving to a
/// loaded cue ("said" → "claimed") is an editorial change readers must see.
const NEUTRAL_CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "told",
    "tells",
    "stated",
    "states",
    "noted",
    "notes",
    "explained",
    "according to",
    "announced",
    "wrote",
    "writes",
    "reported",
    "reports",
    "confirmed",
    "continued",
    // What a report, a study or an inquiry tells: "the report found X" and
    // "the report says X" give the same claim the same standing. ("Shows"
    // stays out: "a website shows X" presents X as evidence on view.)
    "found",
    "finds",
];

fn cue_key(cue: Option<&str>) -> Option<String> {
    cue.map(|c| c.trim().to_lowercase()).filter(|c| !c.is_empty())
}

fn neutral(cue: Option<&str>) -> bool {
    cue.is_none_or(|c| NEUTRAL_CUES.contains(&c))
}

/// How the outlet qualifies the way a claim was made: "without providing
/// evidence" in "…, without providing evidence.", "without elaborating".
/// Extraction leaves the phrase out of the claim; adding or dropping it
/// changes the frame.
fn qualifier(sentence: &str) -> Option<String> {
    sentence.match_indices(", without ").find_map(|(i, _)| {
        let rest = &sentence[i + 2..];
        let next = rest["without ".len()..].split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let phrase = rest.split([',', ';', '.', '!', '?', '\u{2014}']).next().unwrap_or(rest).trim();
        crate::extract::is_unsupported(next).then(|| phrase.to_string())
    })
}

/// Diff two revisions' statements.
pub fn diff_statements_with(from: &[Statement], to: &[Statement], opts: &DiffOptions) -> ClaimDiff {
    let names = speakers::Respelled::find(from, to);
    let groups = pairing::pair(from, to, opts, &names);
    let moved = pairing::moved(&groups);

    // Classify each group; remember where it goes in the output.
    let mut entries: Vec<(Key, Change, usize)> = Vec::with_capacity(groups.len());
    // For placing removed statements: the new position of the closest
    // earlier old statement that stayed in order.
    let mut anchor_of_from: Vec<Option<usize>> = vec![None; from.len()];
    for (g, group) in groups.iter().enumerate() {
        if !group.to.is_empty() && !moved[g] {
            for &i in &group.from {
                anchor_of_from[i] = Some(group.to[0]);
            }
        }
    }
    for (g, group) in groups.iter().enumerate() {
        let change = classify(from, to, group, moved[g], &names);
        let key = match (group.from.first(), group.to.first()) {
            (_, Some(&j)) => Key::At(j),
            (Some(&i), None) => {
                let anchor = anchor_of_from[..i].iter().rev().flatten().next().copied();
                Key::After(anchor, i)
            }
            (None, None) => unreachable!("pairing never yields an empty group"),
        };
        entries.push((key, change, g));
    }
    entries.sort_by_key(|(k, _, _)| k.order());
    settle_context_reattributions(&mut entries);
    for (_, c, _) in &mut entries {
        source_gained_or_lost(c);
    }

    let changes = group_moves(entries, &groups);
    ClaimDiff { summary: Summary::count(&changes), changes, headline: None }
}

/// Whether a paired change kept its sentence word for word (quote style and
/// spacing aside): then whatever happened to its speaker came from the
/// sentences around it (a pronoun or a quotation carried over from an
/// earlier paragraph that was deleted, moved or edited), not from an edit of
/// its own attribution.
fn same_sentence(c: &Change) -> bool {
    match (&c.from, &c.to) {
        (Some(a), Some(b)) if c.also_from.is_empty() && c.also_to.is_empty() => {
            // The words naming the speaker are the sentence's own: the same
            // sentence names the same mention, unless one side found none.
            let mention = |s: &Statement| s.speaker.as_ref().map(|p| p.mention.to_lowercase());
            let mentions = match (mention(a), mention(b)) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            mentions && (a.text == b.text || normalize_content(&a.text) == normalize_content(&b.text))
        }
        _ => false,
    }
}

/// The mention of a statement's speaker, lowercased, when the statement's
/// own sentence holds it.
fn own_mention(s: &Statement) -> Option<String> {
    let mention = s.speaker.as_ref()?.mention.to_lowercase();
    s.text.to_lowercase().contains(&mention).then_some(mention)
}

/// Whether a speaker's mention is a pronoun, which takes its referent from
/// the sentences before it.
fn is_pronoun(mention: &str) -> bool {
    matches!(
        mention.trim(),
        "he" | "she" | "they" | "it" | "we" | "i" | "you" | "him" | "her" | "them" | "us" | "his" | "its" | "their"
    )
}

/// A sentence kept word for word whose speaker changed with its context is
/// reattributed only when an edit gave it to the new speaker: the sentence
/// itself was moved and names its source by a pronoun ("He said the fund
/// would pay" moved under another man's paragraph is his claim now; "…, the
/// council has said" moved is still the council's, and only `moved`), or
/// the story reattributed that source
/// in a sentence it did edit ("“We are glad,” Smith said. “It is done.”" →
/// "“We are glad,” Jones said. “It is done.”" gives the second quotation to
/// Jones too). A paragraph deleted elsewhere, or another source renamed,
/// only changes how a later "she said" resolves: the edit is reported where
/// it was made, and on real articles (scripts/perturb.py) such
/// reattributions named sources the edit never touched (159 of 2,448
/// edited pairs).
fn settle_context_reattributions(entries: &mut [(Key, Change, usize)]) {
    let speakers =
        |c: &Change| (c.from.as_ref().and_then(|s| s.speaker.clone()), c.to.as_ref().and_then(|s| s.speaker.clone()));
    // Only an edit of the words naming the source reattributes it: a
    // "she said" sentence reworded elsewhere whose "she" re-resolved, or a
    // quotation standing alone that took a new neighbour's name, is no
    // evidence (on real articles under several edits at once, a paragraph
    // inserted above gave a run of untouched quotations to its speaker).
    let renamed = |c: &Change| {
        let mention = |s: &Option<Statement>| s.as_ref().and_then(own_mention);
        mention(&c.to).is_some() && mention(&c.to) != mention(&c.from)
    };
    let edited: Vec<_> = entries
        .iter()
        .filter(|(_, c, _)| c.change == ChangeKind::Reattributed && !same_sentence(c) && renamed(c))
        .map(|(_, c, _)| speakers(c))
        .collect();
    for (_, c, _) in entries.iter_mut() {
        if c.change != ChangeKind::Reattributed || !same_sentence(c) {
            continue;
        }
        // A moved sentence that names its source in its own words ("…, the
        // council has said") names the same source wherever it stands: only
        // a pronoun takes its referent from the paragraph it lands in.
        if c.moved {
            if c.from.as_ref().is_none_or(|s| own_mention(s).is_none_or(|m| is_pronoun(&m))) {
                continue;
            }
            c.change = ChangeKind::Moved;
            c.moved = false;
            continue;
        }
        let (a, b) = speakers(c);
        let follows = edited
            .iter()
            .any(|(ea, eb)| same_speaker(ea.as_ref(), a.as_ref()) && same_speaker(eb.as_ref(), b.as_ref()));
        if !follows {
            c.change = ChangeKind::Unchanged;
        }
    }
}

/// A claim of the outlet's own that gained a source ("The plant is safe."
/// → "The plant is safe, officials said.") or lost one changed its frame,
/// not its hands: nobody held it before (or holds it now) to hand it on.
/// It is `reframed`, with both sides' speakers in `source_changed`, so the
/// reader still sees "now attributed to officials"; `reattributed` is left
/// to claims that went from one speaker to another. Run after
/// [`settle_context_reattributions`], which judges such speaker changes
/// of untouched sentences the way it judges any other.
fn source_gained_or_lost(c: &mut Change) {
    if c.change != ChangeKind::Reattributed {
        return;
    }
    let name = |s: &Statement| s.speaker.as_ref().map(|p| p.name.clone());
    // Judged by the main pieces, whose speakers the change shows: a
    // sentence cut in two whose other piece has a speaker of its own
    // ("…, and officials ordered 500 residents to leave") still lost the
    // source the whole sentence had ("…, authorities said").
    let nobody = |main: &Option<Statement>| main.as_ref().is_none_or(|s| s.speaker.is_none());
    let (gained, lost) = (nobody(&c.from), nobody(&c.to));
    if gained == lost {
        return;
    }
    c.change = ChangeKind::Reframed;
    c.source_changed = Some(FromTo { from: c.from.as_ref().and_then(name), to: c.to.as_ref().and_then(name) });
}

/// Output position: a change with a new statement sits at that statement;
/// a removed one right after the closest earlier statement that stayed.
#[derive(Clone, Copy, Debug)]
enum Key {
    At(usize),
    After(Option<usize>, usize),
}

impl Key {
    fn order(self) -> (i64, u8, usize) {
        match self {
            Key::At(j) => (j as i64, 0, 0),
            Key::After(None, i) => (-1, 1, i),
            Key::After(Some(j), i) => (j as i64, 1, i),
        }
    }
}

fn classify(from: &[Statement], to: &[Statement], group: &Group, moved: bool, names: &speakers::Respelled) -> Change {
    let olds: Vec<&Statement> = group.from.iter().map(|&i| &from[i]).collect();
    let news: Vec<&Statement> = group.to.iter().map(|&j| &to[j]).collect();
    let (Some(&old), Some(&new)) = (olds.first(), news.first()) else {
        let mut c = Change::new(if olds.is_empty() { ChangeKind::Added } else { ChangeKind::Removed });
        c.from = olds.first().map(|s| (*s).clone());
        c.to = news.first().map(|s| (*s).clone());
        return c;
    };

    let mut c = Change::new(ChangeKind::Unchanged);
    c.from = Some(old.clone());
    c.to = Some(new.clone());
    c.also_from = olds[1..].iter().map(|s| (*s).clone()).collect();
    c.also_to = news[1..].iter().map(|s| (*s).clone()).collect();
    c.shape = match (olds.len(), news.len()) {
        (1, 1) => None,
        (1, _) => Some(Shape::Split),
        (_, 1) => Some(Shape::Merge),
        _ => Some(Shape::Regrouped),
    };

    let identical = olds.len() == 1 && news.len() == 1 && old.hash == new.hash && !old.hash.is_empty();
    let (edited, word_edited, quote_edited) = if identical {
        c.similarity = Some(1.0);
        (false, false, false)
    } else {
        let whole_quote = |s: &[&Statement]| layout::whole_quote(s[0]);
        let join = |s: &[&Statement]| s.iter().map(|s| layout::comparable(s)).collect::<Vec<_>>().join(" ");
        let a = words::Tokens::new(&join(&olds), whole_quote(&olds));
        let b = words::Tokens::new(&join(&news), whole_quote(&news));
        let wd = words::diff(&a, &b);
        c.similarity = Some((wd.similarity * 100.0).round() / 100.0);
        // A sentence cut in two, or two joined, with every word kept in
        // order is layout (as a list re-punctuated is): the claims read the
        // same. Quotation marks and full stops move with such cuts ("He said:
        // \"A. B.\"" read as two statements), and are no edit of the words.
        // Paraphrase turned quotation is still seen through the attribution.
        // So is a list's "and" before its last item, which a list run into
        // one sentence has and its items set one per line do not; a list
        // is what has its items apart by semicolons on one side. (A
        // sentence split at its "and" lost a word.)
        let list = |s: &[&Statement]| s.iter().map(|s| s.text.matches(';').count()).sum::<usize>() >= 2;
        let recut = (olds.len() > 1 || news.len() > 1)
            && (a.word_keys() == b.word_keys() || (list(&olds) || list(&news)) && a.same_list(&b));
        if wd.changed && !recut {
            c.words = wd.ops;
            (true, wd.word_changed, wd.quote_changed)
        } else {
            (false, false, false)
        }
    };

    if old.attribution != new.attribution {
        c.attribution_changed = Some(FromTo { from: old.attribution, to: new.attribution });
    }
    let (cue_a, cue_b) = (cue_key(old.cue.as_deref()), cue_key(new.cue.as_deref()));
    if cue_a != cue_b {
        c.cue_changed = Some(FromTo { from: old.cue.clone(), to: new.cue.clone() });
    }
    // A change of frame matters when it changes what the reader is told:
    // paraphrase became quotation (or back), or a neutral cue became a
    // loaded one. "according to X" → "X said" does not.
    let direct_changed = (old.attribution == Attribution::Direct) != (new.attribution == Attribution::Direct);
    // Reported speech shifts its tense with its cue ("says the union will"
    // → "said the union would") and its person when a paraphrase becomes a
    // quotation ("he was sure" → "I am sure"): the claim is the same. Only
    // for attributed claims outside quotation marks on at least one side;
    // a quotation's words are verbatim and a reporter's "is" → "was" is news.
    let attributed = old.speaker.is_some() && new.speaker.is_some();
    let both_quoted = old.attribution == Attribution::Direct && new.attribution == Attribution::Direct;
    let (edited, word_edited, quote_edited) =
        if edited && attributed && !both_quoted && shift::only_shifts(&c.words, direct_changed) {
            if !direct_changed {
                c.words.clear();
            }
            (false, false, false)
        } else {
            (edited, word_edited, quote_edited)
        };
    // "said Monday" and "said on Monday" date the same words the same day.
    let (edited, word_edited, quote_edited) = if edited && !quote_edited && shift::only_day_preposition(&c.words) {
        c.words.clear();
        (false, false, false)
    } else {
        (edited, word_edited, quote_edited)
    };
    let loaded_cue_changed = cue_a != cue_b && !(neutral(cue_a.as_deref()) && neutral(cue_b.as_deref()));
    let (qualified_a, qualified_b) = (qualifier(&old.text), qualifier(&new.text));
    let qualifier_changed = qualified_a.is_some() != qualified_b.is_some();
    if qualifier_changed {
        c.qualifier_changed = Some(FromTo { from: qualified_a, to: qualified_b });
    }

    // A reattribution is a change of hands: no speaker of one side speaks on
    // the other. (A split whose second piece lost its speaker is not one,
    // and "(unattributed) → (unattributed)" can never be shown.)
    let same = olds.iter().any(|o| news.iter().any(|n| same_speaker(o.speaker.as_ref(), n.speaker.as_ref())));
    // The same person under a corrected name keeps the claim: the name's
    // change is the news ("Marcus Obey" → "Marcus Obi").
    let respelled = !same && names.respelled(old.speaker.as_ref(), new.speaker.as_ref());
    if respelled {
        let name = |s: &Statement| s.speaker.as_ref().map(|p| p.name.clone()).unwrap_or_default();
        c.name_changed = Some(FromTo { from: name(old), to: name(new) });
    }
    let same = same || respelled;
    let reframed_source = !same && olds.len() == 1 && news.len() == 1 && frame_only(old, new, &c.words);
    c.change = if reframed_source {
        ChangeKind::Reframed
    } else if !same {
        ChangeKind::Reattributed
    } else if quote_edited {
        ChangeKind::QuoteChanged
    } else if edited && (word_edited || !direct_changed) {
        ChangeKind::Reworded
    } else if edited || direct_changed || loaded_cue_changed || qualifier_changed || respelled {
        // The same words, now (or no longer) inside quotation marks, or
        // under another kind of cue.
        ChangeKind::Reframed
    } else if moved {
        ChangeKind::Moved
    } else {
        ChangeKind::Unchanged
    };
    c.moved = moved && c.change != ChangeKind::Moved;
    c
}

/// Function words a frame brings with it ("according to a ...", "... found
/// that ..."), besides its cue and its source.
const FRAME_WORDS: &[&str] = &["a", "an", "the", "that", "to", "according", "as", "by", "of", "in", "s"];

/// Whether a pair whose speaker is known on one side only kept its claim and
/// its source, the frame alone having changed: "A State Department website
/// shows nine Americans are held" → "Nine Americans are held, according to
/// a State Department website". The unattributed side must name the other
/// side's source in its sentence, and the word diff of the contents may
/// touch nothing but that source, the cues, the frame's function words and
/// one more word (the cue extraction did not recognise, "shows").
fn frame_only(old: &Statement, new: &Statement, ops: &[WordOp]) -> bool {
    let (bare, framed) = match (&old.speaker, &new.speaker) {
        (None, Some(_)) => (old, new),
        (Some(_), None) => (new, old),
        _ => return false,
    };
    let speaker = framed.speaker.as_ref().expect("matched above");
    let lower = |s: &str| s.to_lowercase();
    let words_of = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(lower).collect()
    };
    let source: Vec<String> = words_of(&speaker.mention)
        .into_iter()
        .chain(words_of(&speaker.name))
        .filter(|w| !FRAME_WORDS.contains(&w.as_str()))
        .collect();
    let sentence = words_of(&bare.text);
    if source.is_empty() || !source.iter().all(|w| sentence.contains(w)) {
        return false;
    }
    let cues: Vec<String> = [&old.cue, &new.cue].into_iter().flatten().flat_map(|c| words_of(c)).collect();
    // The framed side's frame as its sentence reads: its words outside the
    // claim ("according to a report by the water authority"). The bare side
    // carries the same frame inside its claim ("a report by the water
    // authority shows"), so these words moved with the frame; the source's
    // name alone leaves out the document that speaks for it.
    let mut frame = words_of(&framed.text);
    for w in words_of(&framed.content) {
        if let Some(k) = frame.iter().position(|f| *f == w) {
            frame.swap_remove(k);
        }
    }
    let mut unknown = 0;
    for op in ops.iter().filter(|o| o.op != Op::Equal) {
        for w in words_of(&op.text) {
            let framing = source.contains(&w) || cues.contains(&w) || FRAME_WORDS.contains(&w.as_str());
            if framing {
                continue;
            }
            match frame.iter().position(|f| *f == w) {
                Some(k) => {
                    frame.swap_remove(k);
                }
                None => unknown += 1,
            }
        }
    }
    unknown <= 1
}

/// Fold runs of consecutive pure moves into one [`Shape::Block`] change, so
/// a paragraph that moved reads as one move, not one per sentence.
fn group_moves(entries: Vec<(Key, Change, usize)>, groups: &[Group]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(entries.len());
    // The old position of the last statement of the block being built.
    let mut block_end: Option<usize> = None;
    for (_, change, g) in entries {
        let continues = change.change == ChangeKind::Moved
            && block_end.is_some_and(|end| groups[g].from.first() == Some(&(end + 1)));
        if continues {
            let last = out.last_mut().expect("a block is open");
            last.shape = Some(Shape::Block);
            last.also_from.extend(change.from);
            last.also_to.extend(change.to);
        } else {
            out.push(change);
        }
        block_end = if out.last().is_some_and(|c| c.change == ChangeKind::Moved) {
            groups[g].from.last().copied()
        } else {
            None
        };
    }
    out
}

#[cfg(test)]
mod tests;
