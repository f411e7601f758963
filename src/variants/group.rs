//! Variant groups over the store: candidates from the index, checked with
//! [`super::compare`], joined (a head and a tail of one quote are one
//! group through the whole quote), then laid out as members with flags.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::rc::Rc;

use chrono::{DateTime, Utc};
use claimtrail_store::{Hash32, Store};
use rustc_hash::{FxHashMap, FxHashSet};
use serde::Serialize;

use super::compare::{Edits, Link, Rendering, edits, link, truncation_of};
use super::text::Text;
use super::words::prints;
use crate::error::CliError;
use crate::extract::UNRESOLVED;
use crate::query::SpeakerIndex;
use crate::record::PRIMARY;
use crate::speaker::identity::{Prepared, cluster_prepared_ids};
use crate::speaker::names::is_proper_name;

/// A fingerprint shared by more statements than this is boilerplate (a
/// frame every report uses): it proposes no candidates.
const COMMON: usize = 256;
/// A fingerprint this few statements share is telling on its own.
const RARE: usize = 32;
/// At most this many statements are looked up in the index to answer one
/// question, so a query stays bounded on any store.
pub const BUDGET: usize = 2000;

/// What a rendering does differently from the group's reference (its
/// earliest rendering) or from the rest of the group.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// Words changed, added or dropped inside what it shares with the
    /// reference.
    Wording,
    /// A head, tail or middle of a longer rendering.
    Truncated,
    /// Quotation marks around words that differ in substance from the
    /// reference.
    ParaphraseInQuotes,
    /// Given to a different speaker than the primary source gives, or when
    /// none is recorded than most renderings (the earliest breaks a tie).
    Misattributed,
    /// Quoted in one, reported in the other.
    Unquoted,
}

impl Flag {
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Wording => "wording",
            Flag::Truncated => "truncated",
            Flag::ParaphraseInQuotes => "paraphrase_in_quotes",
            Flag::Misattributed => "misattributed",
            Flag::Unquoted => "unquoted",
        }
    }
}

/// Every flag, in the order a member lists them.
pub const FLAGS: [Flag; 5] =
    [Flag::Wording, Flag::Truncated, Flag::ParaphraseInQuotes, Flag::Misattributed, Flag::Unquoted];

/// A speaker as a member shows it.
#[derive(Clone, Debug, Serialize)]
pub struct Speaker {
    pub id: Text,
    /// The name as the story recorded it.
    pub name: Text,
    /// The person or organisation it is, across stories (the id queries
    /// report the identity under).
    pub identity: Text,
    /// An unnamed source ("officials"): known only inside its story, so
    /// never counted as another speaker than anyone's.
    pub anonymous: bool,
}

/// One rendering: a statement in a story, where it first appeared.
#[derive(Clone, Debug, Serialize)]
pub struct Member {
    pub story: Text,
    /// The revision it first appeared in.
    pub revision: u32,
    pub hash: Text,
    pub content: Text,
    pub speaker: Option<Speaker>,
    pub attribution: Text,
    pub captured_at: DateTime<Utc>,
    /// The kind of primary source its revision was recorded as
    /// (`record --primary`: transcript, statement, document), if any.
    pub primary: Option<Text>,
    pub flags: Vec<Flag>,
}

/// Whether `content` holds a quotation mark (two single marks are one in
/// some house styles).
fn quotes(content: &str) -> bool {
    content.contains(['"', '“', '”']) || content.contains("''")
}

/// Renderings of one claim: a primary source's first (the earliest of
/// them), then the rest by time of first capture. A group of thousands of
/// copies lists at most the grouper's cap of them (see
/// [`Grouper::show_at_most`]); its order, reference, flags and counts are
/// those of every rendering all the same.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// The hash (12 hex digits) of the earliest rendering's statement.
    pub id: String,
    /// How many renderings the group has, when `members` lists fewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members_total: Option<usize>,
    /// How many stories they are in, when `members` lists fewer renderings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stories_total: Option<usize>,
    /// How many renderings have each flag, when `members` lists fewer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag_counts: Option<BTreeMap<Flag, usize>>,
    pub members: Vec<Member>,
    /// Stories and flags of every rendering, listed or not.
    #[serde(skip)]
    stories: usize,
    #[serde(skip)]
    flags: BTreeSet<Flag>,
}

impl Group {
    /// How many stories render it (all its renderings', listed or not).
    pub fn stories(&self) -> usize {
        self.stories
    }

    /// Every flag any rendering has, listed or not.
    pub fn flags(&self) -> BTreeSet<Flag> {
        self.flags.clone()
    }

    pub fn misattributed(&self) -> bool {
        self.flags.contains(&Flag::Misattributed)
    }

    /// How many renderings it has, listed or not.
    pub fn renderings(&self) -> usize {
        self.members_total.unwrap_or(self.members.len())
    }
}

/// A group's distinct wordings, in the order of their hashes: each
/// statement's hash in hex, its text and its wording, shared by the
/// renderings of it.
#[derive(Debug)]
struct Wording {
    hex: Text,
    content: Text,
    rendering: Rc<Rendering>,
}

/// One rendering before it is laid out as a [`Member`]: slots into the
/// group's wordings and the grouper's stories, speakers and attributions.
/// A group of thousands of copies is ordered and flagged as these, a few
/// words a copy, and only the renderings shown become members.
#[derive(Debug)]
struct Row {
    wording: u32,
    story: u32,
    speaker: Option<u32>,
    first: u32,
    attribution: u32,
    captured_at: DateTime<Utc>,
    primary: Option<Text>,
}

/// A group's renderings in order (the reference first), not flagged yet.
#[derive(Debug)]
struct Laid {
    wordings: Vec<Wording>,
    rows: Vec<Row>,
}

/// A story's id, shared by its members, and when each revision a member
/// names was captured, with its primary source kind. A story's members
/// name a few revisions (mostly its first), so a list scanned in place
/// beats a map hashed per member.
#[derive(Debug)]
struct StoryTimes {
    id: Text,
    revisions: Vec<(u32, DateTime<Utc>, Option<Text>)>,
}

/// A speaker id as members show it, read once per query however many
/// members name it (`None` until a laid-out member names it).
#[derive(Debug)]
struct SpeakerInfo {
    id: Text,
    read: Option<SpeakerRead>,
}

/// What a speaker's record gives the members that name it.
#[derive(Debug)]
struct SpeakerRead {
    name: Text,
    anonymous: bool,
    /// The id after the user's merges.
    canonical: Text,
    /// Named (not an unnamed source, not a pronoun left unresolved) and a
    /// proper name: words credited to it can be another speaker's.
    credible: bool,
    /// Its name's words, as [`one_person`] compares them: each name once
    /// per query, not once per group that weighs it against the
    /// majority's.
    words: Vec<String>,
}

/// The record of a speaker id after the user's merges, prepared once per
/// query for clustering however many groups name it (`None`: no record).
type Canonical = Option<Rc<Prepared>>;

/// Where a statement's run in a story starts: what a member needs of it.
/// Stories and speakers are slots in the grouper's lists, so a member
/// finds its story's capture times and its speaker's record by index, not
/// by hashing their names once per member.
#[derive(Debug)]
struct Start {
    story: u32,
    speaker: Option<u32>,
    first: u32,
    attribution: u32,
    /// Revision `first`'s capture time and primary-source kind, when the
    /// index entry keeps them (see [`claimtrail_store::RunHead::stamp`]).
    stamp: Option<(DateTime<Utc>, Option<Text>)>,
}

/// Works out groups for one query, caching what it reads.
#[derive(Debug)]
pub struct Grouper<'s> {
    store: &'s Store,
    // The maps below are keyed by blake3 hashes and ids and hashed with
    // FxHash (std's SipHash was 2% of a SPEAKER query): none is read in
    // hash order, and what is walked (`components`) is sorted first.
    /// Each statement's content and wording, shared with the groups laid
    /// out.
    renderings: FxHashMap<Hash32, (Text, Rc<Rendering>)>,
    keys: FxHashMap<u64, Vec<Hash32>>,
    parent: FxHashMap<Hash32, Hash32>,
    /// Each component's statements, by its root.
    components: FxHashMap<Hash32, Vec<Hash32>>,
    checked: FxHashSet<(Hash32, Hash32)>,
    /// Statements whose candidates were looked up.
    expanded: FxHashSet<Hash32>,
    /// Each statement found to be a longer one cut short, with those
    /// longer ones: joined to their group by [`Grouper::settle`] only when
    /// they all are one group, since a phrase many sentences share is a
    /// "truncation" of each of them and would chain them all into one.
    parts: BTreeMap<Hash32, Vec<Hash32>>,
    /// Parts joined to a group already.
    settled: FxHashSet<Hash32>,
    /// Each story members name, with the revisions they name: read once
    /// per query, however many groups and members name them; its slot by
    /// id.
    stories: Vec<StoryTimes>,
    story_slots: FxHashMap<Text, u32>,
    /// Each speaker runs name, its record read once per query; its slot
    /// by id.
    speakers: Vec<SpeakerInfo>,
    speaker_slots: FxHashMap<Text, u32>,
    /// Each speaker those are after the user's merges, by that id.
    canonical: FxHashMap<Text, Canonical>,
    /// The attributions members show ("direct", "indirect", ...), shared.
    attributions: Vec<Text>,
    /// At most this many renderings of a group are laid out as members (0:
    /// all of them); see [`Grouper::show_at_most`].
    show: usize,
}

impl<'s> Grouper<'s> {
    /// Fails when the store's variant index is not built yet.
    pub fn new(store: &'s Store) -> Result<Grouper<'s>, CliError> {
        if !store.near_ready()? {
            return Err(CliError::new(format!(
                "the store at {} has no variant index yet (it was made by an older claimtrail)",
                store.path().display()
            ))
            .with_hint("run `claimtrail reanalyze` once to build it"));
        }
        Ok(Grouper {
            store,
            renderings: FxHashMap::default(),
            keys: FxHashMap::default(),
            parent: FxHashMap::default(),
            components: FxHashMap::default(),
            checked: FxHashSet::default(),
            expanded: FxHashSet::default(),
            parts: BTreeMap::new(),
            settled: FxHashSet::default(),
            stories: Vec::new(),
            story_slots: FxHashMap::default(),
            speakers: Vec::new(),
            speaker_slots: FxHashMap::default(),
            canonical: FxHashMap::default(),
            attributions: Vec::new(),
            show: 0,
        })
    }

    /// Lay out at most `n` renderings of each group as members (0: all),
    /// the earliest first, and beyond them the earliest rendering of each
    /// flag those lack. Order, reference, flags and counts stay those of
    /// every rendering: what is saved is building and printing thousands
    /// of copies nobody reads.
    pub fn show_at_most(&mut self, n: usize) {
        self.show = n;
    }

    fn rendering(&mut self, h: &Hash32) -> Result<&(Text, Rc<Rendering>), CliError> {
        if !self.renderings.contains_key(h) {
            let content = self.store.statement(h)?.map(|s| s.content).unwrap_or_default();
            let r = Rendering::new(&content);
            self.renderings.insert(*h, (Text::from(content), Rc::new(r)));
        }
        Ok(&self.renderings[h])
    }

    fn resolve(&mut self, key: u64) -> Result<Vec<Hash32>, CliError> {
        if let Some(h) = self.keys.get(&key) {
            return Ok(h.clone());
        }
        let found = self.store.statements_with_key(key)?;
        self.keys.insert(key, found.clone());
        Ok(found)
    }

    fn root(&mut self, h: Hash32) -> Hash32 {
        let mut r = h;
        while let Some(&p) = self.parent.get(&r) {
            if p == r {
                break;
            }
            r = p;
        }
        // Point h straight at its root: later lookups are one step.
        if r != h {
            self.parent.insert(h, r);
        }
        r
    }

    /// Make `h` a statement of the union-find, alone in its component
    /// unless it is one already.
    fn node(&mut self, h: Hash32) {
        if let std::collections::hash_map::Entry::Vacant(e) = self.parent.entry(h) {
            e.insert(h);
            self.components.insert(h, vec![h]);
        }
    }

    fn join(&mut self, a: Hash32, b: Hash32) {
        self.node(a);
        self.node(b);
        let (ra, rb) = (self.root(a), self.root(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.parent.insert(hi, lo);
            let moved = self.components.remove(&hi).unwrap_or_default();
            self.components.entry(lo).or_default().extend(moved);
        }
    }

    /// Check a candidate pair once; join them when they are one claim.
    fn consider(&mut self, a: Hash32, b: Hash32) -> Result<bool, CliError> {
        if a == b {
            return Ok(false);
        }
        let pair = if a < b { (a, b) } else { (b, a) };
        if !self.checked.insert(pair) {
            return Ok(false);
        }
        self.rendering(&a)?;
        self.rendering(&b)?;
        match link(&self.renderings[&a].1, &self.renderings[&b].1) {
            Some(Link::Alike) => self.join(a, b),
            Some(Link::PartOf) => self.part(a, b),
            Some(Link::Contains) => self.part(b, a),
            None => return Ok(false),
        }
        Ok(true)
    }

    /// Note that `part` is `whole` cut short (see [`Grouper::settle`]).
    fn part(&mut self, part: Hash32, whole: Hash32) {
        self.node(part);
        self.node(whole);
        self.parts.entry(part).or_default().push(whole);
    }

    /// Join each cut-short part to the group of the longer renderings it is
    /// part of, when they are one group: a head and a tail of one quote are
    /// one group through the whole quote, while a phrase found in several
    /// different sentences ("make the country safe again") joins none of
    /// them. Parts of parts follow, in order, so a tail of a head joins
    /// the head's group.
    fn settle(&mut self) {
        let pending: Vec<(Hash32, Vec<Hash32>)> = self
            .parts
            .iter()
            .filter(|(p, _)| !self.settled.contains(*p))
            .map(|(p, wholes)| (*p, wholes.clone()))
            .collect();
        for (part, wholes) in pending {
            let own = self.root(part);
            let mut roots: Vec<Hash32> = wholes.iter().map(|w| self.root(*w)).filter(|r| *r != own).collect();
            roots.sort_unstable();
            roots.dedup();
            if roots.len() <= 1 {
                if let Some(r) = roots.first() {
                    self.join(part, *r);
                }
                self.settled.insert(part);
            }
        }
    }

    /// The statements that are one claim with any of `seeds`, found
    /// through the index, seeds included (each seed at least alone).
    pub fn expand(&mut self, seeds: &[Hash32]) -> Result<(), CliError> {
        // Breadth first: every seed is looked up before what the seeds led
        // to, so the budget is spent nearest the question.
        let mut queue: std::collections::VecDeque<Hash32> = seeds.iter().copied().collect();
        let budget = self.expanded.len() + BUDGET;
        for s in seeds {
            self.node(*s);
        }
        while let Some(h) = queue.pop_front() {
            if self.expanded.len() >= budget {
                break;
            }
            if !self.expanded.insert(h) {
                continue;
            }
            let content = self.rendering(&h)?.0.clone();
            let own = prints(&content);
            // How many of its fingerprints each candidate shares, and
            // whether one of them is rare. One common pair of words is what
            // unrelated sentences of one beat have in common ("city
            // council"): a statement with three pairs or more asks a
            // candidate for two, or for one that few statements have (a
            // short head or tail of a quote has one or two pairs, which it
            // shares with the whole), before anything is read.
            let mut shared: FxHashMap<u64, (usize, bool)> = FxHashMap::default();
            for p in &own {
                let keys = self.store.statements_near(*p, COMMON)?;
                if keys.len() > COMMON {
                    continue;
                }
                let rare = keys.len() <= RARE;
                for key in keys {
                    let e = shared.entry(key).or_default();
                    e.0 += 1;
                    e.1 |= rare;
                }
            }
            let need = if own.len() >= 3 { 2 } else { 1 };
            let mut keys: Vec<u64> =
                shared.into_iter().filter(|&(_, (n, rare))| n >= need || rare).map(|(k, _)| k).collect();
            keys.sort_unstable();
            for key in keys {
                for c in self.resolve(key)? {
                    if self.consider(h, c)? {
                        queue.push_back(c);
                    }
                }
            }
        }
        Ok(())
    }

    /// Every group in the store: each fingerprint's statements checked in
    /// pairs (a walk over the whole index).
    pub fn expand_all(&mut self) -> Result<(), CliError> {
        for posting in self.store.near_postings() {
            let (_, keys) = posting?;
            if keys.len() > COMMON {
                continue;
            }
            let mut hashes = Vec::new();
            for k in keys {
                hashes.extend(self.resolve(k)?);
            }
            // A statement alone is still a group when stories copy it word
            // for word (one hash, runs in several stories).
            for h in &hashes {
                self.node(*h);
            }
            for i in 0..hashes.len() {
                for j in i + 1..hashes.len() {
                    self.consider(hashes[i], hashes[j])?;
                }
            }
        }
        Ok(())
    }

    /// The group `hash` belongs to, if its renderings reach another story.
    pub fn group_of(&mut self, speakers: &SpeakerIndex<'_>, hash: Hash32) -> Result<Option<Group>, CliError> {
        self.expand(&[hash])?;
        Ok(self.group_with(speakers, hash)?.1)
    }

    /// How many statements' candidates were looked up so far.
    pub fn looked_up(&self) -> usize {
        self.expanded.len()
    }

    /// The statements found so far to be one claim with `hash` (itself
    /// included), and their group when it reaches another story, laid out
    /// and flagged. Call [`Grouper::expand`] on `hash` first.
    pub fn group_with(
        &mut self,
        speakers: &SpeakerIndex<'_>,
        hash: Hash32,
    ) -> Result<(Vec<Hash32>, Option<Group>), CliError> {
        self.settle();
        self.node(hash);
        let root = self.root(hash);
        let mut hashes = self.components[&root].clone();
        hashes.sort();
        let group = match self.layout(speakers, &hashes)? {
            Some(laid) => {
                let identity = self.identities(speakers, laid.rows.iter().filter_map(|r| r.speaker));
                Some(self.finish(laid, &identity))
            }
            None => None,
        };
        Ok((hashes, group))
    }

    /// The groups found so far that hold one of `wanted` (all when `None`),
    /// with their members in two stories or more, laid out and flagged.
    pub fn groups(
        &mut self,
        speakers: &SpeakerIndex<'_>,
        wanted: Option<&HashSet<Hash32>>,
    ) -> Result<Vec<Group>, CliError> {
        self.settle();
        let components: BTreeMap<Hash32, Vec<Hash32>> =
            self.components.iter().map(|(r, hashes)| (*r, hashes.clone())).collect();
        let mut laid: Vec<Laid> = Vec::new();
        for (_, mut hashes) in components {
            if wanted.is_some_and(|w| !hashes.iter().any(|h| w.contains(h))) {
                continue;
            }
            hashes.sort();
            if let Some(l) = self.layout(speakers, &hashes)? {
                laid.push(l);
            }
        }
        // Who each speaker is across stories: the speakers of every group
        // clustered once, then each group flagged.
        let identity = self.identities(speakers, laid.iter().flat_map(|l| l.rows.iter().filter_map(|r| r.speaker)));
        let mut out: Vec<Group> = laid.into_iter().map(|l| self.finish(l, &identity)).collect();
        sort_groups(&mut out);
        Ok(out)
    }

    /// One group's renderings, in order of first capture (not flagged
    /// yet), with its distinct wordings; `None` when its renderings are
    /// all in one story.
    fn layout(&mut self, speakers: &SpeakerIndex<'_>, hashes: &[Hash32]) -> Result<Option<Laid>, CliError> {
        // Each statement's runs, one per story and speaker (where it first
        // appeared), read before anything else: a seed whose renderings
        // stay in one story is no group, and costs no revision or speaker
        // reads.
        // Renderings too short to be a claim copied across stories are no
        // group (see `Rendering::is_claim`).
        let mut claim = false;
        for h in hashes {
            claim |= self.rendering(h)?.1.is_claim();
        }
        if !claim {
            return Ok(None);
        }
        let mut firsts: Vec<(Hash32, Vec<Start>)> = Vec::with_capacity(hashes.len());
        let store = self.store;
        for h in hashes {
            let mut runs = Vec::new();
            store.first_runs_of(h, |run| {
                let start = Start {
                    story: self.story_id(run.story),
                    speaker: run.speaker.map(|id| self.speaker_id(id)),
                    first: run.first,
                    attribution: self.attribution(run.attribution),
                    stamp: run.stamp.map(|(at, primary)| (at, primary.map(Text::from))),
                };
                runs.push(start);
            })?;
            // A stable sort keeps, among a story's runs for one speaker
            // that start in the same revision, the one the store lists
            // first. Ordered by the ids, as members tie-break on them; a
            // slot is one id, so equal slots need no string compared (the
            // store lists a statement's runs by story already).
            let (stories, speakers) = (&self.stories, &self.speakers);
            let story = |a: u32, b: u32| {
                if a == b { Ordering::Equal } else { stories[a as usize].id.cmp(&stories[b as usize].id) }
            };
            let speaker = |a: Option<u32>, b: Option<u32>| {
                if a == b {
                    return Ordering::Equal;
                }
                let id = |s: Option<u32>| s.map(|s| speakers[s as usize].id.as_str());
                id(a).cmp(&id(b))
            };
            // The store lists them by story (its keys lead with the story
            // id): then only each story's few runs need sorting, and story
            // ids are compared once per neighbour, not once per comparison
            // of a sort over thousands of copies. Sorting each stretch of
            // one story stably is what the whole sort would do.
            let by_speaker = |a: &Start, b: &Start| speaker(a.speaker, b.speaker).then(a.first.cmp(&b.first));
            if runs.windows(2).all(|w| story(w[0].story, w[1].story) != Ordering::Greater) {
                for stretch in runs.chunk_by_mut(|a, b| a.story == b.story) {
                    if stretch.len() > 1 {
                        stretch.sort_by(by_speaker);
                    }
                }
            } else {
                runs.sort_by(|a, b| story(a.story, b.story).then_with(|| by_speaker(a, b)));
            }
            runs.dedup_by(|later, first| later.story == first.story && later.speaker == first.speaker);
            firsts.push((*h, runs));
        }
        let mut stories = firsts.iter().flat_map(|(_, runs)| runs.iter().map(|r| r.story));
        let one = stories.next();
        if !stories.any(|s| Some(s) != one) {
            return Ok(None);
        }
        let mut rows: Vec<Row> = Vec::with_capacity(firsts.iter().map(|(_, runs)| runs.len()).sum());
        let mut wordings: Vec<Wording> = Vec::new();
        for (h, runs) in firsts {
            if runs.is_empty() {
                continue;
            }
            let (content, rendering) = self.rendering(&h)?.clone();
            let wording = wordings.len() as u32;
            wordings.push(Wording { hex: Text::from(h.to_hex()), content, rendering });
            for run in runs {
                // Every rendering's capture time and primary source kind,
                // shown or not: they decide the reference and the order.
                // The index entry keeps them beside the run; one written
                // before it did leaves the revision record to read.
                let (captured_at, primary) = match run.stamp {
                    Some(stamp) => stamp,
                    None => self.revision_info(run.story, run.first)?,
                };
                if let Some(slot) = run.speaker {
                    // Every speaker's record, shown or not: who each is
                    // decides `misattributed`.
                    self.speaker_info(speakers, slot)?;
                }
                rows.push(Row {
                    wording,
                    story: run.story,
                    speaker: run.speaker,
                    first: run.first,
                    attribution: run.attribution,
                    captured_at,
                    primary,
                });
            }
        }
        // A primary source is the reference however late it was recorded;
        // then time of capture, story, revision and hash. The sort is
        // stable: two speakers' runs of one statement in one revision keep
        // the store's order.
        // Each row's place as a few numbers, worked out once, rather than
        // ids compared throughout a sort of thousands of rows: the stories'
        // ids are ranked once, and wordings were made in the order of their
        // hashes, so their slots are in the order of their hex ids.
        debug_assert!(wordings.windows(2).all(|w| w[0].hex < w[1].hex));
        let mut present: Vec<u32> = rows.iter().map(|r| r.story).collect();
        present.sort_unstable();
        present.dedup();
        let stories = &self.stories;
        present.sort_by(|a, b| stories[*a as usize].id.cmp(&stories[*b as usize].id));
        let mut rank = vec![0u32; stories.len()];
        for (i, slot) in present.iter().enumerate() {
            rank[*slot as usize] = i as u32;
        }
        // Stable, as the order of the store decides between equal rows.
        rows.sort_by_cached_key(|r| (r.primary.is_none(), r.captured_at, rank[r.story as usize], r.first, r.wording));
        Ok(Some(Laid { wordings, rows }))
    }

    /// A story's slot, its id shared by its members.
    fn story_id(&mut self, story: &str) -> u32 {
        slot_of(&mut self.story_slots, &mut self.stories, story, |id| StoryTimes { id, revisions: Vec::new() })
    }

    /// A speaker's slot, its id shared by the members naming it.
    fn speaker_id(&mut self, id: &str) -> u32 {
        slot_of(&mut self.speaker_slots, &mut self.speakers, id, |id| SpeakerInfo { id, read: None })
    }

    /// Revision `number` of the story in `slot`: when it was captured, and
    /// the kind of primary source it was recorded as.
    fn revision_info(&mut self, slot: u32, number: u32) -> Result<(DateTime<Utc>, Option<Text>), CliError> {
        let times = &mut self.stories[slot as usize];
        if let Some((_, at, primary)) = times.revisions.iter().find(|(n, ..)| *n == number) {
            return Ok((*at, primary.clone()));
        }
        let (at, primary) = self
            .store
            .revision_stamp(&times.id, number, PRIMARY)?
            .ok_or_else(|| CliError::new(format!("revision {number} of {:?} is missing", times.id.as_str())))?;
        let primary = primary.map(Text::from);
        times.revisions.push((number, at, primary.clone()));
        Ok((at, primary))
    }

    /// The speaker in `slot` as members show it: its id, and its name as
    /// its record gives it, whether it is anonymous, and its id after the
    /// user's merges.
    fn speaker_info(&mut self, speakers: &SpeakerIndex<'_>, slot: u32) -> Result<(Text, &SpeakerRead), CliError> {
        let slot = slot as usize;
        if self.speakers[slot].read.is_none() {
            let id = self.speakers[slot].id.clone();
            // Each slot is read once per query (here), so the index need
            // not keep a copy.
            let rec = speakers.record_unkept(&id)?;
            let canonical = Text::from(speakers.canonical(&id));
            let name = Text::from(rec.as_ref().map_or(id.as_str(), |r| r.name.as_str()));
            let anonymous = rec.as_ref().is_some_and(|r| r.anonymous);
            let credible = !anonymous && id != UNRESOLVED && is_proper_name(&name);
            let words = name_words(&name);
            let read = SpeakerRead { name, anonymous, canonical: canonical.clone(), credible, words };
            if let std::collections::hash_map::Entry::Vacant(e) = self.canonical.entry(canonical) {
                // Mostly a speaker is its own canonical one: its record is
                // prepared as read.
                let rec = if *e.key() == id { rec } else { speakers.record_unkept(e.key())? };
                e.insert(rec.map(|r| Rc::new(Prepared::new(r))));
            }
            self.speakers[slot].read = Some(read);
        }
        let info = &self.speakers[slot];
        Ok((info.id.clone(), info.read.as_ref().expect("read above")))
    }

    /// An attribution kind's slot, its text shared by every member that
    /// has it (there are a handful).
    fn attribution(&mut self, kind: &str) -> u32 {
        if let Some(i) = self.attributions.iter().position(|t| t.as_str() == kind) {
            return i as u32;
        }
        self.attributions.push(Text::from(kind));
        (self.attributions.len() - 1) as u32
    }

    /// Each speaker's identity, by slot, for the speakers in `slots`: their
    /// ids after the user's merges grouped by the store-wide rules
    /// (`speaker::cluster`), so two spellings of one person are one
    /// speaker. Every slot's record was read through
    /// [`Grouper::speaker_info`].
    fn identities(&self, speakers: &SpeakerIndex<'_>, slots: impl Iterator<Item = u32>) -> Vec<Option<Text>> {
        let read = |slot: u32| self.speakers[slot as usize].read.as_ref().expect("read when laid out");
        // Thousands of renderings name a few hundred speakers: those are
        // found by hashing and only they are sorted.
        let slots: FxHashSet<u32> = slots.collect();
        let distinct: FxHashSet<&str> = slots.iter().map(|s| read(*s).canonical.as_str()).collect();
        let mut ids: Vec<&str> = distinct.into_iter().collect();
        ids.sort_unstable();
        // Each record was read and prepared once per query (see
        // `speaker_info`); clustering borrows them.
        let records: Vec<&Prepared> = ids.iter().filter_map(|id| self.canonical[*id].as_deref()).collect();
        let apart: BTreeSet<String> = speakers.aliases.iter().filter(|(k, v)| k == v).map(|(k, _)| k.clone()).collect();
        let clusters = cluster_prepared_ids(&records, &apart);
        let mut identity: FxHashMap<&str, Text> = FxHashMap::default();
        for i in &clusters {
            let head = Text::from(i.id());
            for id in i.ids() {
                identity.insert(id, head.clone());
            }
        }
        let mut out = vec![None; self.speakers.len()];
        for slot in slots {
            let canon = &read(slot).canonical;
            out[slot as usize] = Some(identity.get(canon.as_str()).unwrap_or(canon).clone());
        }
        out
    }

    /// Flag every rendering against the reference (the primary source,
    /// else the earliest) and the group, and lay out as members the first
    /// [`Grouper::show_at_most`] of them, with the earliest rendering of
    /// each flag those lack; `identity` holds each speaker's identity by
    /// slot.
    fn finish(&self, laid: Laid, identity: &[Option<Text>]) -> Group {
        let Laid { wordings, rows } = laid;
        let read = |slot: u32| self.speakers[slot as usize].read.as_ref().expect("read when laid out");
        let who = |slot: u32| identity[slot as usize].as_ref().expect("every speaker is clustered");
        let kind = |r: &Row| self.attributions[r.attribution as usize].as_str();
        // The identity a rendering credits the words to, when that can be
        // another speaker than anyone's: words said (quoted or reported,
        // or "according to"), not a belief, a refusal or a phrase the
        // speaker is only the subject of ("Lee called for a ban on X"),
        // given to someone named, not described ("a presidential
        // candidate", "polls").
        //
        // Identities are numbered once per speaker slot, so the votes and
        // comparisons below, made once per rendering, compare numbers, not
        // ids.
        let mut numbers: Vec<u32> = vec![u32::MAX; self.speakers.len()];
        let mut heads: FxHashMap<&str, u32> = FxHashMap::default();
        // The slots the rows name, in the order they first appear.
        let mut named: Vec<u32> = Vec::new();
        for slot in rows.iter().filter_map(|r| r.speaker) {
            if numbers[slot as usize] == u32::MAX {
                let next = heads.len() as u32;
                numbers[slot as usize] = *heads.entry(who(slot).as_str()).or_insert(next);
                named.push(slot);
            }
        }
        let number = |slot: u32| numbers[slot as usize];
        let credited = |r: &Row| -> Option<u32> {
            let said = matches!(kind(r), "direct" | "indirect" | "according_to");
            r.speaker.filter(|s| said && read(*s).credible).map(number)
        };
        // Inside quotation marks: a direct quote, or reported speech that
        // quotes.
        let quoted = |r: &Row| kind(r) == "direct" || quotes(&wordings[r.wording as usize].content);
        // The speaker a primary source gives; else the one most renderings
        // give, one vote per story, the earliest breaking a tie.
        // Votes by identity number: (stories, first row). Each identity's
        // first row is its own, so the most votes, the earliest breaking a
        // tie, is one identity whatever order they are weighed in.
        let mut votes: Vec<Option<(usize, usize)>> = vec![None; heads.len()];
        let mut voted: FxHashSet<(u32, u32)> = FxHashSet::default();
        for (i, r) in rows.iter().enumerate() {
            if let Some(id) = credited(r)
                && voted.insert((r.story, id))
            {
                votes[id as usize].get_or_insert((0, i)).0 += 1;
            }
        }
        let primary = rows.iter().find(|r| r.primary.is_some() && credited(r).is_some()).and_then(credited);
        let majority: Option<u32> = primary.or_else(|| {
            (0..heads.len() as u32)
                .filter_map(|id| votes[id as usize].map(|v| (id, v)))
                .max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1)))
                .map(|(id, _)| id)
        });
        // The names the majority's renderings give it: a story that names
        // the speaker by surname alone ("Calderon said") or with a middle
        // initial credits the same person, whatever the clustering made of
        // it.
        let names_of_majority: Vec<&[String]> = match majority {
            Some(maj) => named
                .iter()
                .filter(|s| number(**s) == maj)
                .map(|s| (&read(*s).name, read(*s).words.as_slice()))
                .collect::<BTreeMap<_, _>>()
                .into_values()
                .collect(),
            None => Vec::new(),
        };
        let reference = &wordings[rows[0].wording as usize].rendering;
        let reference_quoted = quoted(&rows[0]);
        // Each distinct wording is compared once, so a group of thousands
        // of copies of a few wordings costs what the wordings do.
        let compared: Vec<(bool, Edits)> = wordings
            .iter()
            .map(|w| {
                let r = &w.rendering;
                let truncated = wordings.iter().any(|o| truncation_of(r.rendering_of(&o.rendering), &o.rendering));
                (truncated, edits(reference, r.rendering_of(reference)))
            })
            .collect();
        // A rendering's flags depend on its wording, speaker and
        // attribution only (and on whether it is the reference): each
        // combination is flagged once, as a mask of `FLAGS`.
        let mut same_person: FxHashMap<&str, bool> = FxHashMap::default();
        let mut flagged: FxHashMap<(u32, Option<u32>, u32), u8> = FxHashMap::default();
        let mut masks: Vec<u8> = Vec::with_capacity(rows.len());
        for (i, r) in rows.iter().enumerate() {
            let key = (r.wording, r.speaker, r.attribution);
            if i > 0
                && let Some(&mask) = flagged.get(&key)
            {
                masks.push(mask);
                continue;
            }
            let (truncated, e) = &compared[r.wording as usize];
            let quoted = i > 0 && quoted(r);
            // `FLAGS` lists the flags in their declared order.
            let set = |f: Flag| 1u8 << f as u8;
            let mut mask = 0u8;
            if i > 0 && e.wording {
                mask |= set(Flag::Wording);
            }
            if *truncated {
                mask |= set(Flag::Truncated);
            }
            if i > 0 && quoted && e.substituted >= 2 {
                mask |= set(Flag::ParaphraseInQuotes);
            }
            if let (Some(id), Some(maj)) = (credited(r), majority)
                && id != maj
            {
                let speaker = read(r.speaker.expect("credited to a speaker"));
                let same = *same_person
                    .entry(speaker.name.as_str())
                    .or_insert_with(|| names_of_majority.iter().any(|n| one_person(n, &speaker.words)));
                if !same {
                    mask |= set(Flag::Misattributed);
                }
            }
            if i > 0 && quoted != reference_quoted {
                mask |= set(Flag::Unquoted);
            }
            if i > 0 {
                flagged.insert(key, mask);
            }
            masks.push(mask);
        }
        let flags_of = |mask: u8| -> Vec<Flag> {
            FLAGS.iter().enumerate().filter(|(k, _)| mask & (1 << k) != 0).map(|(_, f)| *f).collect()
        };
        let all = masks.iter().fold(0u8, |a, m| a | m);
        let stories: FxHashSet<u32> = rows.iter().map(|r| r.story).collect();
        // The renderings shown: the first `show`, then the earliest of each
        // flag they lack, so no kind of change is hidden behind the cap.
        let total = rows.len();
        let cap = if self.show == 0 { total } else { self.show.min(total) };
        let mut shown: Vec<usize> = (0..cap).collect();
        if cap < total {
            let listed = masks[..cap].iter().fold(0u8, |a, m| a | m);
            for k in 0..FLAGS.len() {
                let bit = 1u8 << k;
                if listed & bit == 0
                    && let Some(i) = masks.iter().position(|m| m & bit != 0)
                {
                    shown.push(i);
                }
            }
            shown.sort_unstable();
        }
        let members: Vec<Member> = shown
            .iter()
            .map(|&i| {
                let r = &rows[i];
                let w = &wordings[r.wording as usize];
                Member {
                    story: self.stories[r.story as usize].id.clone(),
                    revision: r.first,
                    hash: w.hex.clone(),
                    content: w.content.clone(),
                    speaker: r.speaker.map(|s| {
                        let rd = read(s);
                        Speaker {
                            id: self.speakers[s as usize].id.clone(),
                            name: rd.name.clone(),
                            identity: who(s).clone(),
                            anonymous: rd.anonymous,
                        }
                    }),
                    attribution: self.attributions[r.attribution as usize].clone(),
                    captured_at: r.captured_at,
                    primary: r.primary.clone(),
                    flags: flags_of(masks[i]),
                }
            })
            .collect();
        let capped = members.len() < total;
        let counts = || {
            FLAGS
                .iter()
                .enumerate()
                .map(|(k, f)| (*f, masks.iter().filter(|m| *m & (1 << k) != 0).count()))
                .filter(|(_, n)| *n > 0)
                .collect()
        };
        Group {
            id: wordings[rows[0].wording as usize].hex[..12].to_string(),
            members_total: capped.then_some(total),
            stories_total: capped.then_some(stories.len()),
            flag_counts: capped.then(counts),
            members,
            stories: stories.len(),
            flags: flags_of(all).into_iter().collect(),
        }
    }
}

/// The slot of `id` in `list`, made with `make` the first time it is asked
/// for.
fn slot_of<T>(slots: &mut FxHashMap<Text, u32>, list: &mut Vec<T>, id: &str, make: impl FnOnce(Text) -> T) -> u32 {
    if let Some(&slot) = slots.get(id) {
        return slot;
    }
    let slot = list.len() as u32;
    let id = Text::from(id);
    slots.insert(id.clone(), slot);
    list.push(make(id));
    slot
}

/// Groups in the order they are shown: by their earliest rendering's
/// capture time, then story and id.
pub fn sort_groups(groups: &mut [Group]) {
    groups.sort_by(|a, b| {
        (a.members[0].captured_at, &a.members[0].story, &a.id).cmp(&(
            b.members[0].captured_at,
            &b.members[0].story,
            &b.id,
        ))
    });
}

/// A name's words as [`one_person`] compares them: accents and case
/// aside, split at what is not a letter, a digit or an apostrophe,
/// initials and other one-letter words dropped.
fn name_words(n: &str) -> Vec<String> {
    use unicode_normalization::UnicodeNormalization;
    n.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .collect::<String>()
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| w.chars().count() > 1)
        .map(str::to_lowercase)
        .collect()
}

/// Whether two names, as [`name_words`], can be one person: the same
/// surname (the last word), and every word of the shorter name in the
/// longer one, accents, case, initials' dots and titles aside
/// ("Calderon", "Felipe Calderón"; "Donald Trump", "Donald J. Trump"), but
/// not two first names ("Bill Clinton", "Hillary Clinton").
fn one_person(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match (short.last(), long.last()) {
        (Some(x), Some(y)) if x == y => short.iter().all(|w| long.contains(w)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_person(a: &str, b: &str) -> bool {
        super::one_person(&name_words(a), &name_words(b))
    }

    #[test]
    fn a_surname_or_a_middle_initial_is_the_same_person() {
        assert!(one_person("Ortega", "Felipe Ortéga"));
        assert!(one_person("Dana R. Whitfield", "Dana Whitfield"));
        assert!(one_person("Gov. Dana Whitfield", "Dana Whitfield"));
        assert!(!one_person("Bill Whitfield", "Dana Whitfield"));
        assert!(!one_person("Whitfield", "Dana Ortega"));
    }

    /// The store keeps each run's primary-source mark under its own name
    /// for the key (`record.rs` is part of the analysis version, so it
    /// keeps its own copy): the two must be one key.
    #[test]
    fn the_store_stamps_runs_with_the_primary_mark_variants_reads() {
        assert_eq!(PRIMARY, claimtrail_store::PRIMARY);
    }

    #[test]
    fn a_description_is_not_a_name() {
        assert!(is_proper_name("Dana R. Whitfield"));
        assert!(is_proper_name("Ludwig van Dorn"));
        assert!(is_proper_name("Sen. Ana Ruiz (D)"));
        for d in ["the Democratic front-runner", "six in 10 voters", "polls", "U.S. presidential candidate"] {
            assert!(!is_proper_name(d), "{d}");
        }
    }
}
