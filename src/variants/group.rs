//! Variant groups over the store: candidates from the index, checked with
//! [`super::compare`], joined (a head and a tail of one quote are one
//! group through the whole quote), then laid out as members with flags.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
use crate::speaker::identity::{Prepared, cluster_prepared};
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

impl Speaker {
    /// Whether it names someone who can be another speaker than anyone's:
    /// not an unnamed source, nor a pronoun the extractor left unresolved
    /// ("he said" with no one to point to).
    fn named(&self) -> bool {
        !self.anonymous && self.id != UNRESOLVED
    }
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

impl Member {
    /// The speaker it credits the words to, when that can be another
    /// speaker than anyone's: words said (quoted or reported, or
    /// "according to"), not a belief, a refusal or a phrase the speaker is
    /// only the subject of ("Lee called for a ban on X"), given to someone
    /// named, not described ("a presidential candidate", "polls").
    fn credited(&self) -> Option<&Speaker> {
        let said = matches!(self.attribution.as_str(), "direct" | "indirect" | "according_to");
        self.speaker.as_ref().filter(|s| said && s.named() && is_proper_name(&s.name))
    }

    /// Inside quotation marks: a direct quote, or reported speech that
    /// quotes.
    fn quoted(&self) -> bool {
        self.attribution == "direct" || quotes(&self.content)
    }
}

/// Whether `content` holds a quotation mark (two single marks are one in
/// some house styles).
fn quotes(content: &str) -> bool {
    content.contains(['"', '“', '”']) || content.contains("''")
}

/// Renderings of one claim: a primary source's first (the earliest of
/// them), then the rest by time of first capture.
#[derive(Clone, Debug, Serialize)]
pub struct Group {
    /// The hash (12 hex digits) of the earliest rendering's statement.
    pub id: String,
    pub members: Vec<Member>,
}

impl Group {
    pub fn stories(&self) -> usize {
        self.members.iter().map(|m| m.story.as_str()).collect::<BTreeSet<_>>().len()
    }

    /// Every flag any rendering has.
    pub fn flags(&self) -> BTreeSet<Flag> {
        self.members.iter().flat_map(|m| m.flags.iter().copied()).collect()
    }

    pub fn misattributed(&self) -> bool {
        self.members.iter().any(|m| m.flags.contains(&Flag::Misattributed))
    }
}

/// A group's distinct wordings, by statement hash (hex).
type Wordings = HashMap<Text, Rc<Rendering>>;

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
    attribution: Text,
}

/// Works out groups for one query, caching what it reads.
#[derive(Debug)]
pub struct Grouper<'s> {
    store: &'s Store,
    /// Each statement's content and wording, shared with the groups laid
    /// out.
    renderings: HashMap<Hash32, (Text, Rc<Rendering>)>,
    keys: HashMap<u64, Vec<Hash32>>,
    parent: HashMap<Hash32, Hash32>,
    /// Each component's statements, by its root.
    components: HashMap<Hash32, Vec<Hash32>>,
    checked: HashSet<(Hash32, Hash32)>,
    /// Statements whose candidates were looked up.
    expanded: HashSet<Hash32>,
    /// Each statement found to be a longer one cut short, with those
    /// longer ones: joined to their group by [`Grouper::settle`] only when
    /// they all are one group, since a phrase many sentences share is a
    /// "truncation" of each of them and would chain them all into one.
    parts: BTreeMap<Hash32, Vec<Hash32>>,
    /// Parts joined to a group already.
    settled: HashSet<Hash32>,
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
    canonical: HashMap<Text, Canonical>,
    /// The attributions members show ("direct", "indirect", ...), shared.
    attributions: Vec<Text>,
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
            renderings: HashMap::new(),
            keys: HashMap::new(),
            parent: HashMap::new(),
            components: HashMap::new(),
            checked: HashSet::new(),
            expanded: HashSet::new(),
            parts: BTreeMap::new(),
            settled: HashSet::new(),
            stories: Vec::new(),
            story_slots: FxHashMap::default(),
            speakers: Vec::new(),
            speaker_slots: FxHashMap::default(),
            canonical: HashMap::new(),
            attributions: Vec::new(),
        })
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
            let mut shared: HashMap<u64, (usize, bool)> = HashMap::new();
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
            Some((mut g, wordings)) => {
                self.identities(speakers, g.members.iter_mut())?;
                flag(&mut g.members, &wordings);
                Some(g)
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
        let mut out: Vec<(Group, Wordings)> = Vec::new();
        for (_, mut hashes) in components {
            if wanted.is_some_and(|w| !hashes.iter().any(|h| w.contains(h))) {
                continue;
            }
            hashes.sort();
            if let Some(g) = self.layout(speakers, &hashes)? {
                out.push(g);
            }
        }
        // Who each speaker is across stories: the speakers of every group
        // clustered once, then each group flagged.
        self.identities(speakers, out.iter_mut().flat_map(|(g, _)| g.members.iter_mut()))?;
        let mut out: Vec<Group> = out
            .into_iter()
            .map(|(mut g, wordings)| {
                flag(&mut g.members, &wordings);
                g
            })
            .collect();
        sort_groups(&mut out);
        Ok(out)
    }

    /// One group's members, in order of first capture (not flagged yet),
    /// with each distinct wording by hash; `None` when its renderings are
    /// all in one story.
    fn layout(
        &mut self,
        speakers: &SpeakerIndex<'_>,
        hashes: &[Hash32],
    ) -> Result<Option<(Group, Wordings)>, CliError> {
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
            runs.sort_by(|a, b| {
                story(a.story, b.story).then_with(|| speaker(a.speaker, b.speaker)).then(a.first.cmp(&b.first))
            });
            runs.dedup_by(|later, first| later.story == first.story && later.speaker == first.speaker);
            firsts.push((*h, runs));
        }
        let mut stories = firsts.iter().flat_map(|(_, runs)| runs.iter().map(|r| r.story));
        let one = stories.next();
        if !stories.any(|s| Some(s) != one) {
            return Ok(None);
        }
        let mut members: Vec<Member> = Vec::with_capacity(firsts.iter().map(|(_, runs)| runs.len()).sum());
        // Each distinct wording once, by hash: members share them.
        let mut wordings: Wordings = HashMap::new();
        for (h, runs) in firsts {
            if runs.is_empty() {
                continue;
            }
            let (content, rendering) = self.rendering(&h)?.clone();
            let hex = Text::from(h.to_hex());
            wordings.insert(hex.clone(), rendering);
            for run in runs {
                let (story, captured_at, primary) = self.revision_info(run.story, run.first)?;
                let speaker = match run.speaker {
                    Some(slot) => {
                        let (id, read) = self.speaker_info(speakers, slot)?;
                        // The identity starts as the id after the user's
                        // merges; `identities` clusters those.
                        Some(Speaker {
                            id,
                            name: read.name.clone(),
                            identity: read.canonical.clone(),
                            anonymous: read.anonymous,
                        })
                    }
                    None => None,
                };
                members.push(Member {
                    story,
                    revision: run.first,
                    hash: hex.clone(),
                    content: content.clone(),
                    speaker,
                    attribution: run.attribution,
                    captured_at,
                    primary,
                    flags: Vec::new(),
                });
            }
        }
        // A primary source is the reference however late it was recorded.
        // The order is found over indices, then members are moved once: a
        // member is large, and a group can have thousands.
        let mut order: Vec<usize> = (0..members.len()).collect();
        order.sort_by(|&a, &b| {
            let (a, b) = (&members[a], &members[b]);
            (a.primary.is_none(), a.captured_at, &a.story, a.revision, &a.hash).cmp(&(
                b.primary.is_none(),
                b.captured_at,
                &b.story,
                b.revision,
                &b.hash,
            ))
        });
        let mut slots: Vec<Option<Member>> = members.into_iter().map(Some).collect();
        let members: Vec<Member> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let id = members[0].hash[..12].to_string();
        Ok(Some((Group { id, members }, wordings)))
    }

    /// A story's slot, its id shared by its members.
    fn story_id(&mut self, story: &str) -> u32 {
        slot_of(&mut self.story_slots, &mut self.stories, story, |id| StoryTimes { id, revisions: Vec::new() })
    }

    /// A speaker's slot, its id shared by the members naming it.
    fn speaker_id(&mut self, id: &str) -> u32 {
        slot_of(&mut self.speaker_slots, &mut self.speakers, id, |id| SpeakerInfo { id, read: None })
    }

    /// Revision `number` of the story in `slot`: the story's shared id,
    /// when it was captured, and the kind of primary source it was
    /// recorded as.
    fn revision_info(&mut self, slot: u32, number: u32) -> Result<(Text, DateTime<Utc>, Option<Text>), CliError> {
        let times = &mut self.stories[slot as usize];
        if let Some((_, at, primary)) = times.revisions.iter().find(|(n, ..)| *n == number) {
            return Ok((times.id.clone(), *at, primary.clone()));
        }
        let (at, primary) = self
            .store
            .revision_stamp(&times.id, number, PRIMARY)?
            .ok_or_else(|| CliError::new(format!("revision {number} of {:?} is missing", times.id.as_str())))?;
        let primary = primary.map(Text::from);
        times.revisions.push((number, at, primary.clone()));
        Ok((times.id.clone(), at, primary))
    }

    /// The speaker in `slot` as members show it: its id, and its name as
    /// its record gives it, whether it is anonymous, and its id after the
    /// user's merges.
    fn speaker_info(&mut self, speakers: &SpeakerIndex<'_>, slot: u32) -> Result<(Text, &SpeakerRead), CliError> {
        let slot = slot as usize;
        if self.speakers[slot].read.is_none() {
            let id = self.speakers[slot].id.clone();
            let rec = speakers.record(&id)?;
            let canonical = Text::from(speakers.canonical(&id));
            let read = SpeakerRead {
                name: Text::from(rec.as_ref().map_or(id.as_str(), |r| r.name.as_str())),
                anonymous: rec.as_ref().is_some_and(|r| r.anonymous),
                canonical: canonical.clone(),
            };
            if let std::collections::hash_map::Entry::Vacant(e) = self.canonical.entry(canonical) {
                // Mostly a speaker is its own canonical one: its record is
                // prepared as read.
                let rec = if *e.key() == id { rec } else { speakers.record(e.key())? };
                e.insert(rec.map(|r| Rc::new(Prepared::new(r))));
            }
            self.speakers[slot].read = Some(read);
        }
        let info = &self.speakers[slot];
        Ok((info.id.clone(), info.read.as_ref().expect("read above")))
    }

    /// An attribution kind, shared by every member that has it (there are
    /// a handful).
    fn attribution(&mut self, kind: &str) -> Text {
        if let Some(t) = self.attributions.iter().find(|t| t.as_str() == kind) {
            return t.clone();
        }
        let t = Text::from(kind);
        self.attributions.push(t.clone());
        t
    }

    /// Fill in each speaker's identity: the members' speakers grouped by
    /// the store-wide rules (`speaker::cluster`) after the user's merges,
    /// so two spellings of one person are one speaker. Every member's
    /// speaker was read through [`Grouper::speaker_info`].
    fn identities<'m>(
        &self,
        speakers: &SpeakerIndex<'_>,
        members: impl Iterator<Item = &'m mut Member>,
    ) -> Result<(), CliError> {
        let mut members: Vec<&mut Member> = members.collect();
        // Each member's speaker after the user's merges: laid out as its
        // identity until clustered.
        let canonical: Vec<Option<Text>> =
            members.iter().map(|m| m.speaker.as_ref().map(|s| s.identity.clone())).collect();
        // The distinct ids in order: thousands of members name a few
        // hundred speakers, so those are found by hashing and only they
        // are sorted.
        let distinct: FxHashSet<&str> = canonical.iter().flatten().map(Text::as_str).collect();
        let mut ids: Vec<&str> = distinct.into_iter().collect();
        ids.sort_unstable();
        // Each record was read and prepared once per query (see
        // `speaker_info`); clustering borrows them.
        let records: Vec<&Prepared> = ids.iter().filter_map(|id| self.canonical[*id].as_deref()).collect();
        let apart: BTreeSet<String> = speakers.aliases.iter().filter(|(k, v)| k == v).map(|(k, _)| k.clone()).collect();
        let clusters = cluster_prepared(&records, &apart);
        let mut identity: FxHashMap<&str, Text> = FxHashMap::default();
        for i in &clusters {
            let head = Text::from(i.id());
            for id in i.ids() {
                identity.insert(id, head.clone());
            }
        }
        for (m, canon) in members.iter_mut().zip(&canonical) {
            if let (Some(s), Some(canon)) = (&mut m.speaker, canon) {
                s.identity = identity.get(canon.as_str()).unwrap_or(canon).clone();
            }
        }
        Ok(())
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

/// Whether two names can be one person: the same surname (the last
/// word), and every word of the shorter name in the longer one, accents,
/// case, initials' dots and titles aside ("Calderon", "Felipe Calderón";
/// "Donald Trump", "Donald J. Trump"), but not two first names ("Bill
/// Clinton", "Hillary Clinton").
fn one_person(a: &str, b: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    let words = |n: &str| -> Vec<String> {
        n.nfkd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| w.chars().count() > 1)
            .map(str::to_lowercase)
            .collect()
    };
    let (a, b) = (words(a), words(b));
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    match (short.last(), long.last()) {
        (Some(x), Some(y)) if x == y => short.iter().all(|w| long.contains(w)),
        _ => false,
    }
}

/// Flag each member against the reference (the primary source, else the
/// earliest) and the group; `wordings` holds each member's wording by hash.
fn flag(members: &mut [Member], wordings: &Wordings) {
    // The speaker a primary source gives; else the one most renderings
    // give, one vote per story, the earliest breaking a tie.
    let mut votes: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut voted: FxHashSet<(&str, &str)> = FxHashSet::default();
    for (i, m) in members.iter().enumerate() {
        if let Some(s) = m.credited()
            && voted.insert((m.story.as_str(), s.identity.as_str()))
        {
            let e = votes.entry(s.identity.as_str()).or_insert((0, i));
            e.0 += 1;
        }
    }
    let primary = members
        .iter()
        .find(|m| m.primary.is_some() && m.credited().is_some())
        .and_then(|m| m.credited().map(|s| s.identity.clone()));
    let majority: Option<Text> = primary.or_else(|| {
        votes.iter().max_by(|a, b| a.1.0.cmp(&b.1.0).then(b.1.1.cmp(&a.1.1))).map(|(id, _)| Text::from(*id))
    });
    // The names the majority's renderings give it: a story that names
    // the speaker by surname alone ("Calderon said") or with a middle
    // initial credits the same person, whatever the clustering made of it.
    let names_of_majority: Vec<Text> = match &majority {
        Some(maj) => members
            .iter()
            .filter_map(|m| m.speaker.as_ref())
            .filter(|s| s.identity == *maj)
            .map(|s| s.name.clone())
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect(),
        None => Vec::new(),
    };
    // Thousands of members name a few hundred speakers: each name is
    // compared with the majority's once.
    let mut same_person: FxHashMap<Text, bool> = FxHashMap::default();
    let reference = &wordings[members[0].hash.as_str()];
    let reference_quoted = members[0].quoted();
    // Members repeat wordings (one story's copy of a wire quote is
    // another's): each distinct wording is compared once, so a group of
    // thousands of copies of a few wordings costs what the wordings do.
    // A group has a handful of wordings and members share their hash's
    // text: found by a scan that compares pointers first, not by hashing
    // 64 hex digits per member.
    let compared: Vec<(&Text, bool, Edits)> = wordings
        .iter()
        .map(|(h, r)| {
            let truncated = wordings.values().any(|o| truncation_of(r.rendering_of(o), o));
            (h, truncated, edits(reference, r.rendering_of(reference)))
        })
        .collect();
    for (i, m) in members.iter_mut().enumerate() {
        // Pushed in the flags' own order (as a set of them would list
        // them), without a set per member.
        let mut flags = Vec::new();
        let (_, truncated, e) = compared
            .iter()
            .find(|(h, ..)| std::ptr::eq(h.as_str(), m.hash.as_str()))
            .or_else(|| compared.iter().find(|(h, ..)| **h == m.hash))
            .expect("every member's wording is compared");
        let quoted = i > 0 && m.quoted();
        if i > 0 && e.wording {
            flags.push(Flag::Wording);
        }
        if *truncated {
            flags.push(Flag::Truncated);
        }
        if i > 0 && quoted && e.substituted >= 2 {
            flags.push(Flag::ParaphraseInQuotes);
        }
        if let (Some(s), Some(maj)) = (m.credited(), &majority)
            && s.identity != *maj
            && !*same_person
                .entry(s.name.clone())
                .or_insert_with(|| names_of_majority.iter().any(|n| one_person(n, &s.name)))
        {
            flags.push(Flag::Misattributed);
        }
        if i > 0 && quoted != reference_quoted {
            flags.push(Flag::Unquoted);
        }
        debug_assert!(flags.is_sorted());
        m.flags = flags;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_surname_or_a_middle_initial_is_the_same_person() {
        assert!(one_person("Ortega", "Felipe Ortéga"));
        assert!(one_person("Dana R. Whitfield", "Dana Whitfield"));
        assert!(one_person("Gov. Dana Whitfield", "Dana Whitfield"));
        assert!(!one_person("Bill Whitfield", "Dana Whitfield"));
        assert!(!one_person("Whitfield", "Dana Ortega"));
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
