//! Which statements of one revision became which statements of the next.
//!
//! Pairing runs in passes, most certain first:
//! 1. identical content hash, same speaker first; copies of a repeated
//!    statement pair by the statements around them, else in document
//!    order, first with first;
//! 2. word similarity over what is left, best pairs first, with a threshold
//!    (below about 0.5 a "rewording" reads better as removed + added); a
//!    pair across two speakers whose words changed much gives way to an
//!    unpaired restatement of the old claim by its own speaker
//!    (`reclaim`);
//! 3. splits and merges: a statement whose words are largely contained in a
//!    neighbour's counterpart joins that pair, so one sentence cut in two
//!    (or two joined) reads as reworded, not as removed + added;
//! 4. cuts: a sentence that lost (or gained) a long trailing or opening
//!    clause keeps the rest of its words in order at one end;
//! 5. heavy rewrites: what is still unpaired pairs by rarity-weighted
//!    content-word overlap ([`super::overlap`]), so a lead rewritten from
//!    scratch reads as one rewording, not a removal and an addition;
//! 6. the headline: a story's title rewritten ("X found guilty of
//!    bribery" → "X gets six years for bribery") is still its title, so
//!    the two titles pair whenever they share a content word;
//! 7. rewrites in place: the one statement left between two pairs on each
//!    side, by one source, sharing some content words, is that source's
//!    sentence rewritten where it stood; then, anywhere, the one old and
//!    one new statement of a source that open alike and each give a figure
//!    (`pair_openings`); and the one old and one new statement, of any
//!    sources, that share a long run of their facts (`pair_shared_runs`);
//!    then splits and merges once more, onto the pairs passes 4 to 7 made;
//! 8. moves: a longest increasing subsequence over the pairs keeps the
//!    largest set in order; only the rest is reported as moved.
//!
//! Before the similarity passes, runs of statements whose words are the
//! same but cut into sentences differently (a list re-punctuated) are
//! grouped whole: that is layout, not an edit.
//!
//! A publisher's notice about the story itself ("Correction: An earlier
//! version of this story said X") pairs only with another notice. It often
//! repeats the claim it withdraws, word for word; paired with that claim it
//! would read as the claim reworded or taken over by the outlet, when the
//! claim was removed and the notice added.
//!
//! It only decides pairs; what kind of change a pair is belongs to
//! [`super`].

use std::borrow::Cow;
use std::collections::HashMap;

use crate::extract::normalize::content_hash;
use crate::extract::{SpeakerRef, Statement};

use super::DiffOptions;
use super::layout::{comparable, whole_quote};
use super::overlap::{self, Stem, Weights};
use super::speakers::Respelled;
use super::words::{self, Tokens};

/// Statements of the old revision (`from`) and of the new (`to`) that
/// correspond. One side may be empty (removed, added); one side holds
/// several statements only for a split or a merge. Indices are positions in
/// the slices given to [`pair`], ascending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub from: Vec<usize>,
    pub to: Vec<usize>,
}

const FROM: usize = 0;
const TO: usize = 1;

#[derive(Debug)]
struct Pair {
    sides: [Vec<usize>; 2],
    sim: f64,
    alive: bool,
    /// Made by the split/merge pass from a statement nobody paired; kept
    /// only if the pieces together clear the threshold.
    tentative: bool,
}

struct Work<'a> {
    stmts: [&'a [Statement]; 2],
    /// Which statements are notices ([`is_notice`]): left out of every
    /// one-to-one pass but the exact one and [`pair_notices`].
    notice: [Vec<bool>; 2],
    toks: [Vec<Option<Tokens>>; 2],
    member: [Vec<Option<usize>>; 2],
    pairs: Vec<Pair>,
    opts: &'a DiffOptions,
    /// People whose names the new revision corrected: still one source.
    names: &'a Respelled,
    /// Statements [`reclaim`] took out of a pair: no split or merge may
    /// join them to it again.
    apart: [Vec<bool>; 2],
}

fn tokens_of(s: &Statement) -> Tokens {
    Tokens::new(&comparable(s), whole_quote(s))
}

impl<'a> Work<'a> {
    fn tokens(&mut self, side: usize, i: usize) -> &Tokens {
        let stmts = self.stmts[side];
        self.toks[side][i].get_or_insert_with(|| tokens_of(&stmts[i]))
    }

    fn link(&mut self, from: Vec<usize>, to: Vec<usize>, sim: f64, tentative: bool) -> usize {
        let id = self.pairs.len();
        for &i in &from {
            self.member[FROM][i] = Some(id);
        }
        for &j in &to {
            self.member[TO][j] = Some(id);
        }
        self.pairs.push(Pair { sides: [from, to], sim, alive: true, tentative });
        id
    }

    fn unlink(&mut self, id: usize) {
        let p = &mut self.pairs[id];
        p.alive = false;
        for side in [FROM, TO] {
            for &i in &p.sides[side] {
                self.member[side][i] = None;
            }
        }
    }

    /// Word similarity of two lists of statements, each side read as one
    /// text in document order.
    fn sim_of(&mut self, from: &[usize], to: &[usize]) -> f64 {
        let a = self.joined(FROM, from);
        let b = self.joined(TO, to);
        words::similarity(&a, &b)
    }

    fn joined(&mut self, side: usize, idx: &[usize]) -> Tokens {
        if let [i] = idx {
            return self.tokens(side, *i).clone();
        }
        let stmts = self.stmts[side];
        let text: Vec<Cow<'_, str>> = idx.iter().map(|&i| comparable(&stmts[i])).collect();
        Tokens::new(&text.join(" "), whole_quote(&stmts[idx[0]]))
    }

    /// Whether statement `i` of `side` is still open to the fuzzy passes.
    fn free(&self, side: usize, i: usize) -> bool {
        self.member[side][i].is_none() && !self.notice[side][i]
    }

    fn unpaired(&self, side: usize) -> Vec<usize> {
        (0..self.stmts[side].len()).filter(|&i| self.free(side, i)).collect()
    }
}

/// Pair the statements of two revisions. Every statement of either side is
/// in exactly one group of the result.
pub fn pair(from: &[Statement], to: &[Statement], opts: &DiffOptions, names: &Respelled) -> Vec<Group> {
    let mut w = Work {
        stmts: [from, to],
        notice: [from.iter().map(is_notice).collect(), to.iter().map(is_notice).collect()],
        toks: [vec![None; from.len()], vec![None; to.len()]],
        member: [vec![None; from.len()], vec![None; to.len()]],
        pairs: Vec::new(),
        opts,
        names,
        apart: [vec![false; from.len()], vec![false; to.len()]],
    };
    pair_by_hash(&mut w);
    regroup(&mut w);
    pair_by_similarity(&mut w);
    reclaim(&mut w);
    // Split first: one old sentence, several new ones. Then merge, the same
    // search with the sides swapped.
    absorb(&mut w, TO);
    absorb(&mut w, FROM);
    pair_trims(&mut w);
    pair_rewrites(&mut w);
    pair_headlines(&mut w);
    pair_in_place(&mut w);
    pair_openings(&mut w);
    pair_shared_runs(&mut w);
    // A piece of a sentence split in two whose other piece only the later
    // passes paired (a quotation cut to a word and a paraphrase: "This plan
    // is reckless, ... it will cost jobs" → called the plan "reckless" +
    // said it would cost jobs) joins that pair now.
    absorb(&mut w, TO);
    absorb(&mut w, FROM);
    pair_notices(&mut w);

    let mut groups: Vec<Group> = w
        .pairs
        .into_iter()
        .filter(|p| p.alive)
        .map(|p| {
            let [from, to] = p.sides;
            Group { from, to }
        })
        .collect();
    for (i, m) in w.member[FROM].iter().enumerate() {
        if m.is_none() {
            groups.push(Group { from: vec![i], to: Vec::new() });
        }
    }
    for (j, m) in w.member[TO].iter().enumerate() {
        if m.is_none() {
            groups.push(Group { from: Vec::new(), to: vec![j] });
        }
    }
    groups
}

/// Labels that open a publisher's notice about the story itself.
const NOTICE_LABELS: [&str; 5] =
    ["correction", "corrections", "clarification", "editor's note", "editor\u{2019}s note"];

/// What a notice says the story is (the word after "this").
const STORY_NOUNS: [&str; 8] = ["story", "article", "report", "post", "piece", "item", "page", "headline"];

/// Whether a statement is the publisher's notice about the story itself
/// rather than a claim about the world: a correction, clarification or
/// editor's note ("Correction: …", "Editor's note: …"), a sentence about an
/// earlier version ("An earlier version of this story said …"), or one
/// saying the story was changed ("This article has been updated to …").
pub(super) fn is_notice(s: &Statement) -> bool {
    // A notice is the outlet's own; a speaker's "correction" is a claim.
    if s.speaker.is_some() {
        return false;
    }
    let text = s.content.trim_start_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let labelled = NOTICE_LABELS.iter().any(|l| {
        text.strip_prefix(l).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.starts_with(':') || rest.starts_with('\u{2014}') || rest.starts_with("- ")
        })
    });
    if labelled {
        return true;
    }
    let words: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    let about_story = |at: usize| {
        matches!(words.get(at), Some(&"this" | &"the")) && words.get(at + 1).is_some_and(|n| STORY_NOUNS.contains(n))
    };
    match words[..] {
        // "An earlier version of this story said …" (not "an earlier
        // version of the bill").
        [_, "earlier" | "previous", "version" | "versions", "of", ..] => about_story(4),
        ["earlier" | "previous", "versions", "of", ..] => about_story(3),
        // "This story has been updated …", "This article was corrected …".
        [_, _, "has" | "was" | "had", verb, ..] => {
            about_story(0) && matches!(verb, "been" | "updated" | "corrected" | "amended" | "changed" | "edited")
        }
        _ => false,
    }
}

/// Pair the notices left over: a correction reworded from one revision to
/// the next is that correction, by word similarity as any statement.
fn pair_notices(w: &mut Work<'_>) {
    let open = |w: &Work<'_>, side: usize| -> Vec<usize> {
        (0..w.stmts[side].len()).filter(|&i| w.notice[side][i] && w.member[side][i].is_none()).collect()
    };
    let (lf, lt) = (open(w, FROM), open(w, TO));
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &lf {
        for &j in &lt {
            w.tokens(FROM, i);
            w.tokens(TO, j);
            let sim = words::similarity(
                w.toks[FROM][i].as_ref().expect("tokenised above"),
                w.toks[TO][j].as_ref().expect("tokenised above"),
            );
            if sim >= w.opts.threshold {
                cands.push((sim, i, j));
            }
        }
    }
    link_best_first(w, cands);
}

fn hash_key(s: &Statement) -> Cow<'_, str> {
    // Statements built by hand (tests, other tools) may leave the hash
    // empty; the content then decides, exactly as the hash would.
    if s.hash.is_empty() { Cow::Owned(content_hash(&s.content)) } else { Cow::Borrowed(&s.hash) }
}

fn pair_by_hash(w: &mut Work<'_>) {
    let to_keys: Vec<Cow<'_, str>> = w.stmts[TO].iter().map(hash_key).collect();
    let mut buckets: HashMap<&str, Vec<usize>> = HashMap::with_capacity(to_keys.len());
    for (j, key) in to_keys.iter().enumerate() {
        buckets.entry(key).or_default().push(j);
    }
    let from_keys: Vec<Cow<'_, str>> = w.stmts[FROM].iter().map(hash_key).collect();
    let mut from_count: HashMap<&str, usize> = HashMap::with_capacity(from_keys.len());
    for key in &from_keys {
        *from_count.entry(key).or_default() += 1;
    }
    // Same speaker first, so that two people saying the same words keep
    // their own statements; then identical content whoever said it (that is
    // a reattribution).
    for require_speaker in [true, false] {
        let mut cands: Vec<(usize, usize, usize)> = Vec::new();
        for (i, key) in from_keys.iter().enumerate() {
            if w.member[FROM][i].is_some() {
                continue;
            }
            let Some(bucket) = buckets.get(key.as_ref()) else {
                continue;
            };
            let repeated = bucket.len() > 1 || from_count[key.as_ref()] > 1;
            for &j in bucket {
                if w.member[TO][j].is_none()
                    && (!require_speaker
                        || w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref()))
                {
                    let context = if repeated { shared_context(&from_keys, &to_keys, i, j) } else { 0 };
                    cands.push((context, i, j));
                }
            }
        }
        // A statement repeated word for word (a credit under every
        // picture, a slogan) pairs with the copy whose neighbours are its
        // own: when one copy goes with its paragraph, the copy removed is
        // that one, not the last. Without a telling neighbour, copies pair
        // first with first, in document order.
        cands.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, i, j) in cands {
            if w.member[FROM][i].is_none() && w.member[TO][j].is_none() {
                w.link(vec![i], vec![j], 1.0, false);
            }
        }
    }
}

/// How many of the statements around old statement `i` are the same
/// around new statement `j`: the next and previous ones count twice, the
/// ones beyond them once. A start or end of the list is no evidence.
fn shared_context(from: &[Cow<'_, str>], to: &[Cow<'_, str>], i: usize, j: usize) -> usize {
    let same = |d: isize| {
        let (Some(a), Some(b)) = (i.checked_add_signed(d), j.checked_add_signed(d)) else {
            return false;
        };
        matches!((from.get(a), to.get(b)), (Some(x), Some(y)) if x == y)
    };
    [(-1, 2), (1, 2), (-2, 1), (2, 1)].into_iter().filter(|&(d, _)| same(d)).map(|(_, weight)| weight).sum()
}

fn pair_by_similarity(w: &mut Work<'_>) {
    let lf = w.unpaired(FROM);
    let lt = w.unpaired(TO);
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    let threshold = w.opts.threshold;
    let (nf, nt) = (w.stmts[FROM].len() as f64, w.stmts[TO].len() as f64);
    let mut cands: Vec<(f64, usize, usize, f64)> = Vec::new();
    for &i in &lf {
        for &j in &lt {
            w.tokens(FROM, i);
            w.tokens(TO, j);
            let (a, b) =
                (w.toks[FROM][i].as_ref().expect("tokenised above"), w.toks[TO][j].as_ref().expect("tokenised above"));
            if words::bag_dice(a, b) < threshold {
                continue;
            }
            let sim = words::similarity(a, b);
            if sim < threshold {
                continue;
            }
            // Ties (a sentence repeated with small edits) go to the same
            // speaker, then to the closer position.
            let same = w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref());
            let drift = (i as f64 / nf - j as f64 / nt).abs();
            let score = sim + if same { 0.02 } else { 0.0 } - 0.01 * drift;
            cands.push((score, i, j, sim));
        }
    }
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j, sim) in cands {
        if w.member[FROM][i].is_none() && w.member[TO][j].is_none() {
            w.link(vec![i], vec![j], sim, false);
        }
    }
}

/// Group runs of consecutive unpaired statements that hold the same words
/// in the same order on both sides, however sentences cut them: "• Q1:
/// whether to X;" / "• Q2: whether to Y;" and "- Q1. Whether to X. - Q2."
/// / "Whether to Y." are one list re-punctuated. Each group closes where
/// both sides reach a statement boundary together, so the groups are as
/// small as the cuts allow. All statements of a group must share a speaker.
fn regroup(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    // The words of every unpaired statement, once (paired ones never join).
    let mut keys: [Vec<Vec<u64>>; 2] = [vec![Vec::new(); w.stmts[FROM].len()], vec![Vec::new(); w.stmts[TO].len()]];
    for (side, idx) in [(FROM, &lf), (TO, &lt)] {
        for &i in idx {
            keys[side][i] = w.tokens(side, i).word_keys().to_vec();
        }
    }
    let words = |side: usize, i: usize| -> &[u64] { &keys[side][i] };
    for &i0 in &lf {
        for &j0 in &lt {
            if w.member[FROM][i0].is_some() {
                break;
            }
            if w.member[TO][j0].is_some() {
                continue;
            }
            let (a, b) = (words(FROM, i0), words(TO, j0));
            // Only where one opening is a proper prefix of the other do the
            // sentences cut differently; equal openings are for the
            // similarity pass.
            let n = a.len().min(b.len());
            if n == 0 || a.len() == b.len() || a[..n] != b[..n] {
                continue;
            }
            let speaker = w.stmts[FROM][i0].speaker.clone();
            let fits = |w: &Work<'_>, side: usize, k: usize| {
                k < w.stmts[side].len()
                    && w.free(side, k)
                    && w.names.same(w.stmts[side][k].speaker.as_ref(), speaker.as_ref())
            };
            let (mut i, mut j) = (i0, j0);
            let (mut buf_a, mut buf_b) = (Vec::new(), Vec::new());
            let mut found: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
            let (mut start_i, mut start_j) = (i0, j0);
            loop {
                if buf_a.len() <= buf_b.len() && fits(w, FROM, i) {
                    buf_a.extend_from_slice(words(FROM, i));
                    i += 1;
                } else if buf_b.len() < buf_a.len() && fits(w, TO, j) {
                    buf_b.extend_from_slice(words(TO, j));
                    j += 1;
                } else {
                    break;
                }
                let n = buf_a.len().min(buf_b.len());
                if buf_a[..n] != buf_b[..n] {
                    break;
                }
                if buf_a.len() == buf_b.len() && n > 0 {
                    found.push(((start_i..i).collect(), (start_j..j).collect()));
                    (start_i, start_j) = (i, j);
                    buf_a.clear();
                    buf_b.clear();
                }
            }
            // Worth it only when some cut really differs.
            if found.iter().any(|(f, t)| f.len() > 1 || t.len() > 1) {
                for (f, t) in found {
                    w.link(f, t, 1.0, false);
                }
            }
        }
    }
}

/// Pair what is still unpaired by rarity-weighted content-word overlap: a
/// sentence rewritten from scratch keeps its facts (its rare words) though
/// not their order. Two different claims of one story share its topic
/// words, which weigh little, and stay removed + added.
fn pair_rewrites(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    // Stems of the unpaired statements first: only if some pair comes near
    // are the weights over every statement worth computing.
    let mut stems: [Vec<Option<Vec<Stem>>>; 2] = [vec![None; w.stmts[FROM].len()], vec![None; w.stmts[TO].len()]];
    for (side, idx) in [(FROM, &lf), (TO, &lt)] {
        for &i in idx {
            stems[side][i] = Some(overlap::stems(&comparable(&w.stmts[side][i])));
        }
    }
    let mut near: Vec<(usize, usize)> = Vec::new();
    for &i in &lf {
        for &j in &lt {
            let (Some(a), Some(b)) = (&stems[FROM][i], &stems[TO][j]) else { continue };
            // A handful of content words is too little to tell a rewrite
            // from a coincidence.
            if a.len() < REWRITE_MIN_WORDS || b.len() < REWRITE_MIN_WORDS {
                continue;
            }
            if overlap::plain_overlap(a, b) < REWRITE_NEAR
                || !w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref())
            {
                continue;
            }
            near.push((i, j));
        }
    }
    if near.is_empty() {
        return;
    }
    for side in [FROM, TO] {
        for (i, s) in w.stmts[side].iter().enumerate() {
            if stems[side][i].is_none() {
                stems[side][i] = Some(overlap::stems(&comparable(s)));
            }
        }
    }
    let weights = Weights::new(stems.iter().flatten().flatten().map(Vec::as_slice));
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for (i, j) in near {
        let (Some(a), Some(b)) = (&stems[FROM][i], &stems[TO][j]) else { continue };
        let score = weights.overlap(a, b);
        if score >= REWRITE_OVERLAP {
            cands.push((score, i, j));
        }
    }
    link_best_first(w, cands);
}

/// Pair a sentence with itself cut short or run on: a desk cuts a trailing
/// clause ("Visas go mostly to wealthy investors, who make up most of the
/// program's applicants and see it as a way in." → "Visas go mostly to
/// wealthy investors.") or adds one, or an opening clause, and when the
/// clause was long the ordered similarity falls below the threshold. Such a
/// pair keeps one end of the longer sentence: most of the shorter side's
/// words, in order, open (or close) the longer side, though a word or two
/// of them may have been edited in the same pass. Two different claims of
/// one story may share an opening ("The council voted on Tuesday"), not
/// most of a sentence.
fn pair_trims(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    let mut cands: Vec<(f64, usize, usize)> = Vec::new();
    for &i in &lf {
        for &j in &lt {
            if !w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref()) {
                continue;
            }
            w.tokens(FROM, i);
            w.tokens(TO, j);
            let a = w.toks[FROM][i].as_ref().expect("tokenised above").word_keys();
            let b = w.toks[TO][j].as_ref().expect("tokenised above").word_keys();
            let short = a.len().min(b.len());
            if short < TRIM_MIN_WORDS || a.len() == b.len() {
                continue;
            }
            let (short_side, long_side) = if a.len() < b.len() { (a, b) } else { (b, a) };
            // The longer side's end of about the shorter side's length, a
            // few words to spare for words the edit inserted.
            let span = (short + TRIM_SLACK).min(long_side.len());
            let head = common_words(short_side, &long_side[..span]);
            let tail = common_words(short_side, &long_side[long_side.len() - span..]);
            let kept = head.max(tail) as f64 / short as f64;
            if kept >= TRIM_KEPT {
                cands.push((kept, i, j));
            }
        }
    }
    link_best_first(w, cands);
}

/// Below this similarity a pair across two speakers is two edits at once,
/// the claim's words and its source: [`reclaim`] looks for a better match.
const RECLAIM_BELOW: f64 = 0.8;
/// How much of a restatement its old claim must hold.
const RECLAIM_CONTAINED: f64 = 0.8;
/// A restatement shorter than this is too short to tell.
const RECLAIM_MIN_WORDS: usize = 4;

/// A claim handed to another speaker with its words much changed is more
/// often a new lead over the old one ("A man … pointed a gun at them,
/// police said" → "A man … was holding a phone, not a gun, his family
/// said"), with the old claim restated further on by its own source ("The
/// department had said the man pointed a gun at officers"). When such a
/// restatement by the old claim's speaker, its words held by the old
/// claim, is left unpaired, the old claim goes with it and the new lead is
/// added (and the same the other way: a new claim whose speaker's old
/// restatement is left unpaired).
fn reclaim(w: &mut Work<'_>) {
    for id in 0..w.pairs.len() {
        let p = &w.pairs[id];
        if !p.alive || p.sides[FROM].len() != 1 || p.sides[TO].len() != 1 || p.sim >= RECLAIM_BELOW {
            continue;
        }
        let (i, j) = (p.sides[FROM][0], p.sides[TO][0]);
        let (a, b) = (w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref());
        if a.is_none() || b.is_none() || w.names.same(a, b) {
            continue;
        }
        // A restatement on `side` by `speaker`, held by the claim `whole`
        // of the other side.
        let restated = |w: &mut Work<'_>, side: usize, whole: usize, speaker: Option<&SpeakerRef>| {
            let other = 1 - side;
            let mut best: Option<(f64, usize)> = None;
            for k in 0..w.stmts[side].len() {
                if !w.free(side, k) || !w.names.same(w.stmts[side][k].speaker.as_ref(), speaker) {
                    continue;
                }
                w.tokens(side, k);
                w.tokens(other, whole);
                let (part, of) =
                    (w.toks[side][k].as_ref().expect("tokenised"), w.toks[other][whole].as_ref().expect("tokenised"));
                let held = words::containment(part, of);
                if part.word_count() >= RECLAIM_MIN_WORDS
                    && held >= RECLAIM_CONTAINED
                    && best.is_none_or(|(b, _)| held > b)
                {
                    best = Some((held, k));
                }
            }
            best.map(|(_, k)| k)
        };
        let (a, b) = (a.cloned(), b.cloned());
        if let Some(k) = restated(w, TO, i, a.as_ref()) {
            w.unlink(id);
            w.apart[TO][j] = true;
            let sim = w.sim_of(&[i], &[k]);
            w.link(vec![i], vec![k], sim, false);
        } else if let Some(m) = restated(w, FROM, j, b.as_ref()) {
            w.unlink(id);
            w.apart[FROM][i] = true;
            let sim = w.sim_of(&[m], &[j]);
            w.link(vec![m], vec![j], sim, false);
        }
    }
}

/// Pair `(score, from, to)` candidates one to one, best score first (ties in
/// document order), each statement at most once.
fn link_best_first(w: &mut Work<'_>, mut cands: Vec<(f64, usize, usize)>) {
    cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, i, j) in cands {
        if w.member[FROM][i].is_none() && w.member[TO][j].is_none() {
            let sim = w.sim_of(&[i], &[j]);
            w.link(vec![i], vec![j], sim, false);
        }
    }
}

/// Words two sequences share in order (their longest common subsequence).
fn common_words(a: &[u64], b: &[u64]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diag = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Words the shorter side may have that the longer side's end lacks.
const TRIM_SLACK: usize = 3;

/// Least words of the shorter side of a cut or extended sentence: "It was
/// 2015." opens too many sentences to say which one it was cut from.
const TRIM_MIN_WORDS: usize = 5;
/// Least share of the shorter side's words that must open (or close) the
/// longer side in order.
const TRIM_KEPT: f64 = 0.7;

/// Whether statement `i` of `stmts` reads as the story's headline: the
/// only statement of the first paragraph, a reporter's own words, short and
/// not closed like a sentence ("Flooding forces evacuations", never "The
/// council voted on Monday.").
fn is_headline(stmts: &[Statement], i: usize) -> bool {
    let s = &stmts[i];
    let text = s.text.trim_end();
    i == 0
        && s.paragraph == 0
        && stmts.get(1).is_none_or(|next| next.paragraph != 0)
        && s.speaker.is_none()
        && !text.ends_with(['.', '!', '?', '"', '\u{201D}', ':'])
        && text.split_whitespace().count() <= HEADLINE_MAX_WORDS
}

/// Most words of a headline; a longer first line is a lead without its
/// full stop.
const HEADLINE_MAX_WORDS: usize = 20;

/// Pair the two revisions' headlines when neither found a counterpart by
/// its words. A desk rewrites a headline as the story grows ("Strong quake
/// strikes hill towns" → "Quake kills at least 15"): the new one replaces
/// the old in its place, however few words they share, and a reader calls
/// that one rewording. One shared content word is asked for, so a page
/// whose first line is something else entirely stays removed + added.
fn pair_headlines(w: &mut Work<'_>) {
    let [from, to] = w.stmts;
    if from.is_empty() || to.is_empty() || !w.free(FROM, 0) || !w.free(TO, 0) {
        return;
    }
    if !is_headline(from, 0) || !is_headline(to, 0) {
        return;
    }
    let (a, b) = (overlap::stems(&from[0].content), overlap::stems(&to[0].content));
    if a.iter().any(|s| b.contains(s)) {
        let sim = w.sim_of(&[0], &[0]);
        w.link(vec![0], vec![0], sim, false);
    }
}

/// Pair a sentence rewritten where it stood: when the only statement left
/// unpaired between two pairs (or between a pair and an end of the story)
/// on each side has one source and shares some of its content words, the
/// desk rewrote that sentence ("it had lost money on the unit every year
/// since 2019" → "the unit had lost money in each of the last seven
/// years"), though less of it survives than [`pair_rewrites`] asks of a
/// sentence found anywhere. Its place vouches for the rest. Two claims of
/// one source swapped at one place share no more than the story's topic.
fn pair_in_place(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    // The pairs just before and just after each statement, and whether it
    // is the only statement left unpaired (notices included) between them:
    // worked out once per side, not for every candidate.
    let places = |side: usize| {
        let member = &w.member[side];
        // One pass each way: the last pair before, the first after.
        let mut place = vec![(None, None); member.len()];
        let mut before = None;
        for (k, m) in member.iter().enumerate() {
            place[k].0 = before;
            before = m.or(before);
        }
        let mut after = None;
        for (k, m) in member.iter().enumerate().rev() {
            place[k].1 = after;
            after = m.or(after);
        }
        let mut left: HashMap<_, usize> = HashMap::new();
        for (k, p) in place.iter().enumerate() {
            if member[k].is_none() {
                *left.entry(*p).or_default() += 1;
            }
        }
        let alone: Vec<bool> = place.iter().map(|p| left.get(p) == Some(&1)).collect();
        (place, alone)
    };
    let (from_place, from_alone) = places(FROM);
    let (to_place, to_alone) = places(TO);
    let mut near = Vec::new();
    let mut extended = Vec::new();
    for &i in &lf {
        let place = from_place[i];
        if place == (None, None) || !from_alone[i] {
            continue;
        }
        for &j in &lt {
            if to_place[j] != place || !to_alone[j] {
                continue;
            }
            // The same subject and verb with a new figure or time: "its
            // shares fell 4% in early trading" → "its shares fell 6% by
            // the close" share too few words to weigh.
            if w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref()) {
                if opens_alike(w, i, j) {
                    extended.push((1.0, i, j));
                    continue;
                }
            } else {
                // Given to another source, alone in its place, the claim
                // opens with the same four words or more, two of them
                // content words: "The company said crews were working to
                // restore power but could not say when" → "Lakeshore
                // spokeswoman Dana Marsh said crews were working to
                // restore power and expected …" (a reattribution).
                if opens_alike_firmly(w, i, j) {
                    extended.push((1.0, i, j));
                }
                continue;
            }
            let (a, b) = (overlap::stems(&comparable(&w.stmts[FROM][i])), overlap::stems(&comparable(&w.stmts[TO][j])));
            if a.len() < REWRITE_MIN_WORDS || b.len() < REWRITE_MIN_WORDS {
                // Too short to weigh: "she was relieved" → "she was
                // relieved and would invite the neighbours" is the claim
                // run on, when every word of the short one opens (or
                // closes) the long one.
                if runs_on(w, i, j) {
                    extended.push((1.0, i, j));
                }
                continue;
            }
            if overlap::plain_overlap(&a, &b) >= REWRITE_NEAR {
                near.push((i, j, a, b));
            }
        }
    }
    link_best_first(w, extended);
    if near.is_empty() {
        return;
    }
    let all: Vec<Vec<Stem>> =
        [FROM, TO].iter().flat_map(|&side| w.stmts[side].iter()).map(|s| overlap::stems(&comparable(s))).collect();
    let weights = Weights::new(all.iter().map(Vec::as_slice));
    let cands = near
        .into_iter()
        .map(|(i, j, a, b)| (weights.overlap(&a, &b), i, j))
        .filter(|&(score, _, _)| score >= IN_PLACE_OVERLAP)
        .collect();
    link_best_first(w, cands);
}

/// Whether one of statements `i` (old) and `j` (new) is the other cut
/// short or run on: all of the shorter one's words, at least two, in order
/// at one end of the longer. Only for a statement alone in its place
/// ([`pair_in_place`]): "It was closed." opens many sentences.
fn runs_on(w: &mut Work<'_>, i: usize, j: usize) -> bool {
    let a = w.tokens(FROM, i).word_keys().to_vec();
    let b = w.tokens(TO, j).word_keys();
    let (short, long) = if a.len() < b.len() { (a.as_slice(), b) } else { (b, a.as_slice()) };
    short.len() >= 2 && short.len() < long.len() && (long.starts_with(short) || long.ends_with(short))
}

/// Whether statements `i` (old) and `j` (new) open with the same three
/// words or more, at least a third of the shorter one. Only for a statement
/// alone in its place ([`pair_in_place`]), as [`runs_on`].
fn opens_alike(w: &mut Work<'_>, i: usize, j: usize) -> bool {
    let (shared, shorter) = shared_opening(w, i, j);
    shared >= 3 && 3 * shared >= shorter
}

/// [`opens_alike`], with four shared words at least and two content words
/// among them: for a statement alone in its place whose source changed.
fn opens_alike_firmly(w: &mut Work<'_>, i: usize, j: usize) -> bool {
    let (shared, shorter) = shared_opening(w, i, j);
    shared >= 4 && 3 * shared >= shorter && opening_content_words(w, i, shared) >= 2
}

/// How many content words the first `shared` words of old statement `i`
/// hold. (The shared words counted as the tokeniser's words, read back as
/// the content's first words between spaces: near enough to tell content
/// words from "It was the".)
fn opening_content_words(w: &Work<'_>, i: usize, shared: usize) -> usize {
    let opening: Vec<&str> = w.stmts[FROM][i].content.split_whitespace().take(shared).collect();
    overlap::stems(&opening.join(" ")).len()
}

/// How many words statements `i` (old) and `j` (new) open with alike, and
/// the shorter one's length in words.
fn shared_opening(w: &mut Work<'_>, i: usize, j: usize) -> (usize, usize) {
    let a = w.tokens(FROM, i).word_keys().to_vec();
    let b = w.tokens(TO, j).word_keys();
    (a.iter().zip(b).take_while(|(x, y)| x == y).count(), a.len().min(b.len()))
}

/// Pair what is still unpaired when one old and one new statement of one
/// source, and no other, open alike ([`opens_alike`]) with at least two
/// content words among the words they share, and each gives a figure
/// after them: the same subject with a new figure, wherever the paragraph
/// around them was rewritten ("Shares of Greenline jumped 18% in
/// after-hours trading" → "Shares of Greenline rose 22% on Monday"). "It
/// was the" opens too many sentences, and two claims may share an opening
/// without a figure to update ("The council voted on Tuesday to close the
/// library" / "… against raising parking fees"); two statements that both
/// fit one are left alone.
fn pair_openings(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for &i in &lf {
        for &j in &lt {
            if !w.names.same(w.stmts[FROM][i].speaker.as_ref(), w.stmts[TO][j].speaker.as_ref()) {
                continue;
            }
            let (shared, shorter) = shared_opening(w, i, j);
            if shared >= 3 && 3 * shared >= shorter && figures_after_opening(w, i, j, shared) {
                cands.push((i, j));
            }
        }
    }
    link_unique(w, &cands);
}

/// Link each candidate pair that shares neither of its statements with
/// another candidate: where two fit, which one is meant is not told.
fn link_unique(w: &mut Work<'_>, cands: &[(usize, usize)]) {
    for &(i, j) in cands {
        let alone = cands.iter().filter(|&&(x, y)| x == i || y == j).count() == 1;
        if alone && w.free(FROM, i) && w.free(TO, j) {
            let sim = w.sim_of(&[i], &[j]);
            w.link(vec![i], vec![j], sim, false);
        }
    }
}

/// Pair what is still unpaired when one old and one new statement, and no
/// other, share a long run of words: [`RUN_WORDS`] in a row or more,
/// [`RUN_CONTENT`] of them content words, and a third of the shorter
/// statement at least. A lead rewritten around its facts keeps them in
/// one piece ("An explosion tore through a crowded market in the city of
/// Karsa on Saturday, killing at least 12" → "The death toll from a
/// bombing at a crowded market in the city of Karsa on Saturday rose to
/// 19"); its source may change with it (a reattribution). Two claims that
/// share a place and a time ("in the city of Karsa on Saturday") share
/// too few content words.
fn pair_shared_runs(w: &mut Work<'_>) {
    let (lf, lt) = (w.unpaired(FROM), w.unpaired(TO));
    if lf.is_empty() || lt.is_empty() {
        return;
    }
    let keys = |w: &mut Work<'_>, side: usize, idx: &[usize]| -> Vec<Vec<u64>> {
        idx.iter().map(|&i| w.tokens(side, i).word_keys().to_vec()).collect()
    };
    let (a, b) = (keys(w, FROM, &lf), keys(w, TO, &lt));
    let mut cands: Vec<(usize, usize)> = Vec::new();
    for (x, &i) in a.iter().zip(&lf) {
        if x.len() < RUN_WORDS {
            continue;
        }
        for (y, &j) in b.iter().zip(&lt) {
            if y.len() < RUN_WORDS {
                continue;
            }
            let (at, len) = longest_common_run(x, y);
            // (The run's words read back only for a run long enough.)
            if len >= RUN_WORDS
                && 3 * len >= x.len().min(y.len())
                && overlap::stems(&w.tokens(FROM, i).word_texts()[at..at + len].join(" ")).len() >= RUN_CONTENT
            {
                cands.push((i, j));
            }
        }
    }
    link_unique(w, &cands);
}

/// Least words in a row two statements share for [`pair_shared_runs`].
const RUN_WORDS: usize = 8;
/// Least content words among them.
const RUN_CONTENT: usize = 5;

/// The longest run of words `a` and `b` share: where it starts in `a`,
/// and its length.
fn longest_common_run(a: &[u64], b: &[u64]) -> (usize, usize) {
    let mut best = (0, 0);
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        for (j, y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best.1 {
                best = (i + 1 - cur[j + 1], cur[j + 1]);
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    best
}

/// Whether the `shared` words statements `i` (old) and `j` (new) open
/// with alike hold two content words or more, and each statement gives a
/// figure after them.
fn figures_after_opening(w: &Work<'_>, i: usize, j: usize, shared: usize) -> bool {
    let figure =
        |s: &Statement| s.content.split_whitespace().skip(shared).any(|w| w.contains(|c: char| c.is_ascii_digit()));
    opening_content_words(w, i, shared) >= 2 && figure(&w.stmts[FROM][i]) && figure(&w.stmts[TO][j])
}

/// Least weighted content-word overlap for a rewrite in place: its place
/// vouches for it, so well below [`REWRITE_OVERLAP`] (a rewrite keeping
/// its facts but half its words scores about 0.4); still above what two
/// claims sharing the story's topic words score (below 0.3).
const IN_PLACE_OVERLAP: f64 = 0.35;

/// Least weighted content-word overlap for a heavy rewrite. Measured on
/// the revision-pair fixtures and the unit tests: rewritten sentences score
/// 0.65 to 0.8, two different claims of one story below 0.3.
const REWRITE_OVERLAP: f64 = 0.6;
/// Least unweighted content-word overlap for a pair to be weighed at all:
/// well below [`REWRITE_OVERLAP`], since rare shared words can lift a
/// pair's weighted score above its plain one.
const REWRITE_NEAR: f64 = 0.35;
/// Least content words on each side for a rewrite to be judged at all.
const REWRITE_MIN_WORDS: usize = 5;

/// Let unpaired statements of side `many` join a pair whose single
/// statement on the other side contains their words (a split when `many` is
/// `TO`, a merge when it is `FROM`).
fn absorb(w: &mut Work<'_>, many: usize) {
    let one = 1 - many;
    let threshold = w.opts.threshold;
    // Notices join too: a notice run into the sentence before it (two
    // paragraphs joined) is that sentence and the notice. Only a group of
    // two or more pieces is kept, so a notice never pairs alone here.
    let open: Vec<usize> = (0..w.stmts[many].len()).filter(|&i| w.member[many][i].is_none()).collect();
    for t in open {
        // A fragment of one or two words ("It was.") is contained in almost
        // any long sentence; only real pieces may join.
        if w.apart[many][t] || w.tokens(many, t).word_count() < 3 {
            continue;
        }
        let mut best: Option<(f64, usize)> = None; // (gain, statement on `one`)
        for f in 0..w.stmts[one].len() {
            // Cheap structural checks before any tokenising: only a pair with
            // one statement on the `one` side, not already identical, and
            // reaching right up to `t` can grow.
            if let Some(id) = w.member[one][f] {
                let p = &w.pairs[id];
                let span = &p.sides[many];
                let adjacent = span.first().is_some_and(|&s| t + 1 == s) || span.last().is_some_and(|&e| e + 1 == t);
                if p.sides[one].len() != 1 || !adjacent || p.sim >= 1.0 {
                    continue;
                }
            }
            w.tokens(one, f);
            let c = words::containment(
                w.toks[many][t].as_ref().expect("tokenised above"),
                w.toks[one][f].as_ref().expect("tokenised above"),
            );
            if c < w.opts.containment {
                continue;
            }
            let gain = match w.member[one][f] {
                None => c - 1.0, // a fresh group: only when nothing better
                Some(id) => {
                    let mut grown = w.pairs[id].sides[many].clone();
                    grown.push(t);
                    grown.sort_unstable();
                    let sim = if many == TO { w.sim_of(&[f], &grown) } else { w.sim_of(&grown, &[f]) };
                    let p = &w.pairs[id];
                    if sim <= p.sim + 0.01 {
                        continue;
                    }
                    sim - p.sim
                }
            };
            if best.is_none_or(|(g, _)| gain > g) {
                best = Some((gain, f));
            }
        }
        let Some((_, f)) = best else { continue };
        match w.member[one][f] {
            None => {
                let mut sides = [Vec::new(), Vec::new()];
                sides[one].push(f);
                sides[many].push(t);
                let sim = w.sim_of(&sides[FROM], &sides[TO]);
                let [from, to] = sides;
                w.link(from, to, sim, true);
            }
            Some(id) => {
                w.pairs[id].sides[many].push(t);
                w.pairs[id].sides[many].sort_unstable();
                w.member[many][t] = Some(id);
                let (a, b) = (w.pairs[id].sides[FROM].clone(), w.pairs[id].sides[TO].clone());
                w.pairs[id].sim = w.sim_of(&a, &b);
            }
        }
    }
    // A statement nobody paired is only a split source when its pieces
    // together read as the same words.
    for id in 0..w.pairs.len() {
        let p = &w.pairs[id];
        if p.alive && p.tentative {
            if p.sides[many].len() >= 2 && p.sim >= threshold {
                w.pairs[id].tentative = false;
            } else {
                w.unlink(id);
            }
        }
    }
}

/// Which paired groups moved: all but a longest run that kept its relative
/// order. The result is indexed like `groups`; unpaired groups never move.
pub fn moved(groups: &[Group]) -> Vec<bool> {
    let mut paired: Vec<usize> =
        (0..groups.len()).filter(|&g| !groups[g].from.is_empty() && !groups[g].to.is_empty()).collect();
    paired.sort_by_key(|&g| groups[g].from[0]);
    let vals: Vec<usize> = paired.iter().map(|&g| groups[g].to[0]).collect();
    // Patience LIS, O(n log n): tails[k] is the index (into vals) ending the
    // best increasing run of length k + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut parent: Vec<Option<usize>> = vec![None; vals.len()];
    for (i, &v) in vals.iter().enumerate() {
        let k = tails.partition_point(|&t| vals[t] < v);
        parent[i] = k.checked_sub(1).map(|p| tails[p]);
        if k == tails.len() {
            tails.push(i);
        } else {
            tails[k] = i;
        }
    }
    let mut keep = vec![false; vals.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = parent[i];
    }
    let mut out = vec![false; groups.len()];
    for (k, &g) in paired.iter().enumerate() {
        out[g] = !keep[k];
    }
    out
}
