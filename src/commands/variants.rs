//! `claimtrail variants`: one quote or claim across stories, its
//! renderings side by side, and what each changed.

use std::collections::{BTreeMap, HashSet};

use claimtrail_store::{Hash32, Store};
use serde::Serialize;

use crate::commands::Ctx;
use crate::diff::words::{Tokens, diff, render};
use crate::error::{CliError, Result, exit};
use crate::query::SpeakerIndex;
use crate::record::terms;
use crate::variants::{BUDGET, FLAGS, Flag, Group, Grouper, sort_groups};

/// The long `--help`: what a group is, what each flag means, how to ask.
pub const LONG_ABOUT: &str = "\
The same quote or claim as different stories render it.

Statements from different stories that render one quote or one reported
claim are grouped, however they were edited on the way: \"U.S.\" for
\"United States\", other punctuation or quotation marks, a dropped or added
word, a typo, the quote cut to its head or tail, reported speech for a
quote. Sentences that only share a frame (\"the United States will not
tolerate ...\") but end differently are kept apart.

Each group lists its renderings by time of first capture, the earliest
first, except that a primary source (a revision recorded with `record
--primary`: a transcript, an official statement) comes first however late
it was recorded. Each later one shows its word diff against the first
([-removed-]{+added+}) and its flags:

  wording               words changed, added or dropped
  truncated             a head, tail or middle of a longer rendering
  paraphrase_in_quotes  quotation marks around words that differ in substance
  misattributed         given to another speaker than the primary source
                        gives, or than most renderings when none is recorded
                        (two spellings of one person are one speaker; an
                        unnamed source is never another speaker)
  unquoted              quoted in one, reported speech in the other

A claim copied word for word into hundreds of stories is one group of
hundreds of renderings. Each group lists its first `--members` renderings
(25 unless told; 0 lists them all), then the earliest rendering of each
flag those lack, and says how many more renderings and stories it has and
how many of them have each flag: the reference, the order, the flags and
the counts are always those of every rendering (`--format json` adds
members_total, stories_total and flag_counts to a group that lists fewer
than it has). Real coverage of one event stays under the cap; a wire copy
syndicated everywhere is what it cuts.

With no argument: the groups of what is new, the claims of the most
recently updated stories (at most 500 statements, whole stories, so the
answer stays quick on a store of millions); on a smaller store that is every
group. `--all`, or `--limit 0` (every group), walks the whole store's index
instead. SPEAKER (a name, surname, alias or id, as `who` takes it): the
groups holding something that speaker was credited with. Otherwise the words
are a CLAIM: the groups of the statements holding them, or of the statement
whose hash starts with the hex digits given. The search stops once `--limit`
groups are found, taking the newest stories first.

A store made before this command existed has no variant index:
`claimtrail reanalyze` builds it once.

Exit status: 0 when groups were found, 1 when none were, 2 on an error.";

pub const EXAMPLES: &str = "\
Examples:
  claimtrail variants \"will not tolerate\"
  claimtrail variants Esper
  claimtrail variants --misattributed
  claimtrail variants --all --misattributed --limit 0   # a whole-store audit
  claimtrail variants --flag truncated --format json";

/// The same quote or claim as different stories render it (see
/// [`LONG_ABOUT`]).
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// A speaker, words of a claim, or a statement hash prefix.
    #[arg(value_name = "SPEAKER|CLAIM")]
    pub query: Vec<String>,
    /// Only groups in which a rendering is given to a different speaker.
    #[arg(long)]
    pub misattributed: bool,
    /// Only groups in which some rendering has this flag (repeatable).
    #[arg(long, value_name = "FLAG", value_parser = parse_flag)]
    pub flag: Vec<Flag>,
    /// Read the words as a claim even when they name a speaker.
    #[arg(long)]
    pub claim: bool,
    /// With no SPEAKER or CLAIM: walk the whole store's index, not only the
    /// most recently updated stories (slow on a store of millions).
    #[arg(long, conflicts_with = "query")]
    pub all: bool,
    /// Show at most this many groups (0: all; with no SPEAKER or CLAIM,
    /// every group in the store, as `--all`).
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub limit: usize,
    /// List at most this many renderings of a group, the earliest first,
    /// plus the earliest of each flag they lack (0: all of them).
    #[arg(long, value_name = "N", default_value_t = MEMBERS)]
    pub members: usize,
}

/// How many renderings a group lists unless told: more than real coverage
/// of one event gives a claim (the largest of 434 groups found in real
/// multi-outlet coverage in the fifteenth session's audit had 18), far
/// fewer than a wire copy syndicated into hundreds of stories.
pub const MEMBERS: usize = 25;

fn parse_flag(s: &str) -> std::result::Result<Flag, String> {
    FLAGS.into_iter().find(|f| f.as_str() == s).ok_or_else(|| {
        format!("{s:?} is not a flag: use wording, truncated, paraphrase_in_quotes, misattributed or unquoted")
    })
}

#[derive(Serialize)]
struct JsonOut<'a> {
    groups: &'a [Group],
    /// With no query: which stories were looked at.
    #[serde(skip_serializing_if = "Option::is_none")]
    scope: Option<&'a Scope>,
}

/// What the query asked about: the whole store, or statements to start
/// from (in the order to take them).
enum Asked {
    Everything,
    Seeds(Vec<Hash32>),
}

/// What a query looked at when it could not look at everything it asked
/// about: the most recently updated stories, whole, until [`RECENT`]
/// statements.
#[derive(Clone, Debug, Serialize)]
pub struct Scope {
    /// Stories whose statements seeded the groups.
    pub stories: usize,
    /// Stories holding what was asked about (every story, for no query).
    pub stories_total: usize,
    /// Every one of them was looked at.
    pub complete: bool,
}

/// With no query, or a speaker quoted more often, at most this many
/// statements (whole stories, the most recently updated first) seed the
/// groups.
pub const RECENT: usize = 500;

/// Whole stories' statements, newest story first, until `budget`
/// statements (each once), and what that covered of `total` stories. A
/// story is read only when it is taken.
fn take_newest(
    stories: impl Iterator<Item = Result<Vec<Hash32>>>,
    total: usize,
    budget: usize,
) -> Result<(Vec<Hash32>, Scope)> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    let mut used = 0;
    for hashes in stories {
        if out.len() >= budget {
            break;
        }
        out.extend(hashes?.into_iter().filter(|h| seen.insert(*h)));
        used += 1;
    }
    Ok((out, Scope { stories: used, stories_total: total, complete: used == total }))
}

/// The statements of the most recently updated stories, whole stories
/// until `budget` statements, and what that covered.
pub fn recent_statements(store: &Store, budget: usize) -> Result<(Vec<Hash32>, Scope)> {
    let mut stories = store.stories()?;
    stories.sort_by(|a, b| b.last_captured_at.cmp(&a.last_captured_at).then_with(|| a.id.cmp(&b.id)));
    let read = stories.iter().map(|story| -> Result<Vec<Hash32>> {
        let mut hashes = Vec::new();
        for rev in store.revisions(&story.id)? {
            hashes.extend(store.occurrences(&rev)?.into_iter().map(|o| o.statement));
        }
        Ok(hashes)
    });
    take_newest(read, stories.len(), budget)
}

/// The statements credited to any of `ids`, of the most recently updated
/// stories that quote them (see [`RECENT`]), and what that covered.
pub fn speaker_statements(store: &Store, ids: &[String], budget: usize) -> Result<(Vec<Hash32>, Scope)> {
    let mut by_story: BTreeMap<String, Vec<Hash32>> = BTreeMap::new();
    for id in ids {
        for (story, statement) in store.speaker_footprint(id)? {
            by_story.entry(story).or_default().push(statement);
        }
    }
    let mut stories = Vec::with_capacity(by_story.len());
    for (id, hashes) in by_story {
        let at = store.story(&id)?.and_then(|s| s.last_captured_at);
        stories.push((at, id, hashes));
    }
    stories.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    let total = stories.len();
    take_newest(stories.into_iter().map(|(_, _, hashes)| Ok(hashes)), total, budget)
}

/// At most this many statements seed a query by words.
const SEEDS: usize = 200;

/// The statements a CLAIM names: a hash prefix, or all its words.
pub fn claim_statements(store: &Store, claim: &str, limit: usize) -> Result<Vec<Hash32>> {
    let is_hex = claim.len() >= 4 && claim.len() <= 64 && claim.bytes().all(|b| b.is_ascii_hexdigit());
    let mut hashes: Vec<Hash32> = if is_hex { store.statements_by_prefix(claim, limit)? } else { Vec::new() };
    if hashes.is_empty() {
        let wanted = terms(claim);
        for key in crate::query::words::matching_keys(store, &wanted)? {
            hashes.extend(crate::query::words::statements_of(store, key, &wanted)?);
            if hashes.len() >= limit {
                break;
            }
        }
    }
    hashes.truncate(limit);
    Ok(hashes)
}

/// What a query found: its groups (earliest rendering first), the scope an
/// empty query or a much-quoted speaker covered, and whether more groups
/// were left unlooked-for once `limit` were found.
#[derive(Debug)]
pub struct Found {
    pub groups: Vec<Group>,
    pub scope: Option<Scope>,
    pub more: bool,
}

/// The groups a query asks for, as the command finds them: for an empty
/// query, those of the most recently updated stories (every group with
/// `all`); a speaker's (unless `claim_only`); a claim's. Only groups that
/// `keep` are counted, and the search stops at `limit` of them (0: no
/// limit), taking what was asked about in order (the newest stories first),
/// so a question about a much-quoted claim or speaker stays quick. Each
/// group lists at most `members` renderings (0: all; see
/// [`Grouper::show_at_most`]).
pub fn find(
    store: &Store,
    speakers: &SpeakerIndex<'_>,
    query: &str,
    (claim_only, all): (bool, bool),
    (limit, members): (usize, usize),
    keep: &dyn Fn(&Group) -> bool,
) -> Result<Found> {
    let mut scope = None;
    // No limit asks for every group: only the whole index has them all.
    let asked = if query.is_empty() && (all || limit == 0) {
        Asked::Everything
    } else if query.is_empty() {
        let (seeds, covered) = recent_statements(store, RECENT)?;
        scope = Some(covered);
        Asked::Seeds(seeds)
    } else {
        let speaker = if claim_only { None } else { Some(speakers.resolve_identity(query)) };
        // The words as a claim only matter when they name no speaker: a
        // name's words are not looked up in the search index for nothing.
        let by_claim = match &speaker {
            Some(Ok(_)) => Vec::new(),
            _ => claim_statements(store, query, SEEDS)?,
        };
        match speaker {
            Some(Ok(resolved)) => {
                let ids: Vec<String> = speakers.group(&resolved.id).into_iter().collect();
                let (hashes, covered) = speaker_statements(store, &ids, RECENT)?;
                scope = Some(covered).filter(|c| !c.complete);
                Asked::Seeds(hashes)
            }
            Some(Err(e)) if by_claim.is_empty() => {
                // What the speaker look-up found (a name that fits several
                // people lists them), a line to a hint: hints are printed
                // one line each, with any line break made visible.
                let mut err = CliError::new(format!("no speaker or claim matches {query:?}"));
                for line in e.message.lines().chain(e.hints.iter().map(String::as_str)) {
                    err = err.with_hint(line);
                }
                return Err(
                    err.with_hint("give a speaker's name, words of a claim, or at least 4 hex digits of a hash")
                );
            }
            _ if by_claim.is_empty() => {
                return Err(CliError::new(format!("no claim matches {query:?}"))
                    .with_hint("give words of the claim or at least 4 hex digits of its hash"));
            }
            _ => Asked::Seeds(by_claim),
        }
    };
    let mut grouper = Grouper::new(store)?;
    grouper.show_at_most(members);
    let mut groups = Vec::new();
    let mut more = false;
    match &asked {
        Asked::Everything => {
            grouper.expand_all()?;
            groups = grouper.groups(speakers, None)?;
            groups.retain(|g| keep(g));
            if limit > 0 && groups.len() > limit {
                groups.truncate(limit);
                more = true;
            }
        }
        Asked::Seeds(seeds) => {
            // One seed's group at a time, each laid out once.
            let mut done: HashSet<Hash32> = HashSet::new();
            for seed in seeds {
                if done.contains(seed) {
                    continue;
                }
                if limit > 0 && groups.len() >= limit {
                    more = true;
                    break;
                }
                if grouper.looked_up() >= BUDGET {
                    break;
                }
                grouper.expand(&[*seed])?;
                let (members, group) = grouper.group_with(speakers, *seed)?;
                done.extend(members);
                groups.extend(group.filter(|g| keep(g)));
            }
            sort_groups(&mut groups);
        }
    }
    Ok(Found { groups, scope, more })
}

/// What a group holds beyond the renderings it lists, as a line: how many
/// more renderings, in how many stories none of them is in, and how many
/// of them have each flag; `None` when it lists them all.
fn unlisted(g: &Group) -> Option<String> {
    let (total, stories, counts) = (g.members_total?, g.stories_total?, g.flag_counts.as_ref()?);
    let listed: HashSet<&str> = g.members.iter().map(|m| m.story.as_str()).collect();
    let flags: Vec<String> = FLAGS
        .iter()
        .filter_map(|f| {
            let shown = g.members.iter().filter(|m| m.flags.contains(f)).count();
            let n = counts.get(f).copied().unwrap_or(0).saturating_sub(shown);
            (n > 0).then(|| format!("{n} {}", f.as_str()))
        })
        .collect();
    let flags = if flags.is_empty() { String::new() } else { format!("; {}", flags.join(", ")) };
    Some(format!(
        "  … and {} more renderings in {} more stories{flags} (--members 0 lists them)",
        total - g.members.len(),
        stories - listed.len()
    ))
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let query = args.query.join(" ");
    if !args.query.is_empty() && query.trim().is_empty() {
        return Err(CliError::new("the query is empty").with_hint("give a speaker or words of a claim, or nothing"));
    }
    let Some(store) = ctx.open_existing_store()? else {
        return Err(CliError::new("no variants: the store is empty").with_hint("record stories first"));
    };
    let speakers = SpeakerIndex::load(&store)?;
    let keep = |g: &Group| {
        (!args.misattributed || g.misattributed())
            && (args.flag.is_empty() || args.flag.iter().any(|f| g.flags().contains(f)))
    };
    let Found { groups, scope, more } =
        find(&store, &speakers, &query, (args.claim, args.all), (args.limit, args.members), &keep)?;
    let code = if groups.is_empty() { exit::NEGATIVE } else { exit::OK };
    if ctx.out.json() {
        ctx.out.write_json(&JsonOut { groups: &groups, scope: scope.as_ref() })?;
        return Ok(code);
    }
    let p = ctx.out.palette;
    if let Some(scope) = scope.as_ref().filter(|s| !s.complete) {
        let line = if query.is_empty() {
            format!(
                "groups of the {} most recently updated of {} stories; `--all` walks the whole store",
                scope.stories, scope.stories_total
            )
        } else {
            format!(
                "groups of what the {} most recently updated of the {} stories quoting them hold; \
                 give words of a claim to reach older ones",
                scope.stories, scope.stories_total
            )
        };
        ctx.out.line(&p.dim(&line))?;
    }
    if groups.is_empty() {
        ctx.out.line(&p.dim("no variants found"))?;
        return Ok(code);
    }
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            ctx.out.line("")?;
        }
        let flags: Vec<&str> = g.flags().into_iter().map(Flag::as_str).collect();
        ctx.out.line(&format!(
            "{} {} renderings in {} stories{}",
            p.yellow(&format!("group {}:", g.id)),
            g.renderings(),
            g.stories(),
            if flags.is_empty() { String::new() } else { format!("; flags: {}", flags.join(", ")) }
        ))?;
        let first = &g.members[0];
        let reference = Tokens::new(&first.content, first.attribution == "direct");
        for (j, m) in g.members.iter().enumerate() {
            let who = match &m.speaker {
                Some(s) => format!("{} ({})", s.name, m.attribution),
                None => m.attribution.to_string(),
            };
            let flags: Vec<&str> = m.flags.iter().map(|f| f.as_str()).collect();
            let flags = if flags.is_empty() { String::new() } else { format!("  {}", p.red(&flags.join(", "))) };
            let primary = m.primary.as_ref().map_or_else(String::new, |k| format!("  primary source ({k})"));
            ctx.out.line(&format!(
                "  {}  {}  {who}{primary}{flags}",
                crate::time::human(&m.captured_at),
                p.cyan(&format!("{}@{}", m.story, m.revision)),
            ))?;
            let line = if j == 0 {
                m.content.to_string()
            } else {
                let d = diff(&reference, &Tokens::new(&m.content, m.attribution == "direct"));
                if p.enabled {
                    render(&d.ops, |s| p.red(s), |s| p.green(s))
                } else {
                    render(&d.ops, |s| format!("[-{s}-]"), |s| format!("{{+{s}+}}"))
                }
            };
            ctx.out.line(&format!("      {line}"))?;
        }
        if let Some(line) = unlisted(g) {
            ctx.out.line(&p.dim(&line))?;
        }
    }
    if more {
        ctx.out.line(&p.dim(&format!("… more may match: --limit {} or --limit 0 shows them", args.limit * 10)))?;
    }
    Ok(code)
}
