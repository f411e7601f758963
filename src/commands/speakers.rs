//! `claimtrail speakers`: who speaks in the store, or in one story.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::commands::Ctx;
use crate::error::{Result, exit};
use crate::output::{Table, ellipsize};
use crate::query::{Resolved, SpeakerIndex};
use crate::speaker::Identity;

/// List speakers with their kind, role, aliases and statement counts, or
/// show one speaker's spellings across stories and why they are one.
///
/// Store-wide, each person or organisation is one row, with every spelling
/// the stories used beside it ("Mark Esper; Mr Esper; Defense Secretary
/// Mark T. Esper"); `--format json` keeps a row per recorded spelling,
/// each with the `identity` it belongs to.
///
/// Anonymous sources are listed with the reason the article gave for
/// granting anonymity, when it gave one.
///
/// Given the name of a speaker rather than a story, lists every spelling
/// the store counts as that person or organisation ("Mark Esper", "Mark T.
/// Esper", "Secretary Esper"), with the stories and statements of each and
/// the evidence for counting it as the same speaker. `claimtrail alias`
/// merges more; `claimtrail unalias` keeps a spelling apart.
///
/// Examples:
///   claimtrail speakers
///   claimtrail speakers harbor
///   claimtrail speakers Esper --format json
#[derive(Debug, clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Only the speakers of this story; or, when no story has this id, the
    /// speaker of this name.
    #[arg(value_name = "STORY|NAME")]
    pub story: Option<String>,
}

#[derive(Serialize)]
struct Spelling<'a> {
    id: &'a str,
    name: &'a str,
    role: Option<&'a str>,
    statements: usize,
    stories: Vec<String>,
    evidence: &'a str,
}

#[derive(Serialize)]
struct IdentityOut<'a> {
    name: &'a str,
    kind: &'a str,
    spellings: Vec<Spelling<'a>>,
    /// Bare surnames that could be this speaker or another (not counted).
    could_also_be: Vec<&'a str>,
}

/// How many distinct statements each spelling of a resolved speaker has,
/// and in which stories: what `speakers NAME` shows beside the evidence.
pub fn spelling_counts(store: &claimtrail_store::Store, resolved: &Resolved) -> Result<Vec<(usize, Vec<String>)>> {
    let mut out = Vec::with_capacity(resolved.identity.members.len());
    for m in &resolved.identity.members {
        let runs = store.speaker_footprint(&m.id)?;
        let statements: BTreeSet<&[u8; 32]> = runs.iter().map(|(_, h)| h.as_bytes()).collect();
        let count = statements.len();
        let mut stories: Vec<String> = runs.into_iter().map(|(story, _)| story).collect();
        stories.dedup();
        out.push((count, stories));
    }
    Ok(out)
}

/// `speakers NAME`: one speaker's spellings and the evidence.
fn identity(ctx: &mut Ctx, store: &claimtrail_store::Store, query: &str) -> Result<u8> {
    let index = SpeakerIndex::load(store)?;
    let resolved = index.resolve_identity(query)?;
    let mut spellings = Vec::new();
    for (m, (statements, stories)) in resolved.identity.members.iter().zip(spelling_counts(store, &resolved)?) {
        spellings.push(Spelling {
            id: &m.id,
            name: &m.name,
            role: m.role.as_deref(),
            statements,
            stories,
            evidence: &m.evidence,
        });
    }
    let out = IdentityOut {
        name: &resolved.identity.name,
        kind: &resolved.identity.kind,
        spellings,
        could_also_be: resolved.maybe.iter().flat_map(|i| i.members.iter().map(|m| m.name.as_str())).collect(),
    };
    if ctx.out.json() {
        ctx.out.write_json(&out)?;
        return Ok(exit::OK);
    }
    let p = ctx.out.palette;
    let total: usize = out.spellings.iter().map(|s| s.statements).sum();
    let stories: BTreeSet<&str> = out.spellings.iter().flat_map(|s| s.stories.iter().map(String::as_str)).collect();
    ctx.out.line(&format!(
        "{} ({}): {} spelling{}, {total} statement{} in {} stor{}",
        p.bold(out.name),
        out.kind,
        out.spellings.len(),
        if out.spellings.len() == 1 { "" } else { "s" },
        if total == 1 { "" } else { "s" },
        stories.len(),
        if stories.len() == 1 { "y" } else { "ies" },
    ))?;
    let mut t = Table::new(&["SPELLING", "ROLE", "STATEMENTS", "STORIES", "WHY"], p);
    for s in &out.spellings {
        t.row(vec![
            p.cyan(s.name),
            ellipsize(s.role.unwrap_or(""), 32),
            s.statements.to_string(),
            ellipsize(&s.stories.join(", "), 32),
            s.evidence.to_string(),
        ]);
    }
    t.write(&mut ctx.out)?;
    for note in resolved.not_counted() {
        ctx.out.line(&p.dim(&note))?;
    }
    Ok(exit::OK)
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    name: &'a str,
    kind: &'a str,
    anonymous: bool,
    role: Option<&'a str>,
    aliases: &'a [String],
    anonymity_reason: Option<&'a str>,
    merged_into: Option<&'a str>,
    /// The person or organisation this spelling is, across stories: the
    /// id `who` and the other queries report it under.
    identity: &'a str,
    statements: usize,
    stories: usize,
}

pub fn run(ctx: &mut Ctx, args: Args) -> Result<u8> {
    let store = match (&args.story, ctx.open_existing_store()?) {
        (_, Some(store)) => store,
        (Some(story), None) => {
            return Err(claimtrail_store::StoreError::UnknownStory(story.clone()).into());
        }
        (None, None) => {
            if ctx.out.json() {
                ctx.out.write_json(&Vec::<()>::new())?;
            } else {
                ctx.out.line("no speakers yet")?;
            }
            return Ok(exit::OK);
        }
    };
    if let Some(story) = &args.story
        && (claimtrail_store::validate_story_id(story).is_err() || store.story(story)?.is_none())
    {
        return identity(ctx, &store, story);
    }
    let index = SpeakerIndex::load(&store)?;
    // The speakers of one story come from its revisions; all speakers from
    // the store's records.
    let records: Vec<claimtrail_store::SpeakerRecord> = match &args.story {
        Some(story) => {
            // As the story's own revisions recorded them: what other
            // stories say of the same people never shows here.
            let mut ids = BTreeSet::new();
            for rev in store.revisions(story)? {
                ids.extend(store.occurrences(&rev)?.into_iter().filter_map(|o| o.speaker));
            }
            let known = crate::record::story_speakers(&store, story)?;
            known.into_values().filter(|r| ids.contains(&r.id)).collect()
        }
        None => store.speakers()?,
    };
    // Distinct statements and stories per speaker, from the speaker index.
    let mut counts: BTreeMap<String, (BTreeSet<[u8; 32]>, BTreeSet<String>)> = BTreeMap::new();
    for r in &records {
        for (story, statement) in store.speaker_footprint(&r.id)? {
            if args.story.as_ref().is_none_or(|s| *s == story) {
                let e = counts.entry(r.id.clone()).or_default();
                e.0.insert(*statement.as_bytes());
                e.1.insert(story);
            }
        }
    }
    let canon: Vec<String> = records.iter().map(|r| index.canonical(&r.id)).collect();
    let identities = index.identities(&records);
    let identity_of: BTreeMap<&str, &str> =
        identities.iter().flat_map(|(head, i)| i.ids().map(move |id| (id, head.as_str()))).collect();
    let rows: Vec<Row> = records
        .iter()
        .zip(&canon)
        .map(|(r, canon)| {
            let (st, stories) = counts.get(&r.id).map_or((0, 0), |(a, b)| (a.len(), b.len()));
            Row {
                id: &r.id,
                name: &r.name,
                kind: &r.kind,
                anonymous: r.anonymous,
                role: r.role.as_deref(),
                aliases: &r.aliases,
                anonymity_reason: r.anonymity_reason.as_deref(),
                merged_into: (*canon != r.id).then_some(canon.as_str()),
                identity: identity_of.get(r.id.as_str()).copied().unwrap_or(r.id.as_str()),
                statements: st,
                stories,
            }
        })
        .collect();
    if ctx.out.json() {
        ctx.out.write_json(&rows)?;
        return Ok(exit::OK);
    }
    if args.story.is_none() {
        return people(ctx, &rows, &identities, &counts);
    }
    let p = ctx.out.palette;
    let mut t = Table::new(&["SPEAKER", "KIND", "ROLE", "STATEMENTS", "ALIASES / NOTES"], p);
    for r in &rows {
        // Aliases as people read them: once each, not the name again.
        let mut seen = BTreeSet::from([crate::speaker::norm_name(r.name)]);
        let mut notes: Vec<String> =
            r.aliases.iter().filter(|a| seen.insert(crate::speaker::norm_name(a))).cloned().collect();
        if let Some(reason) = r.anonymity_reason {
            notes.push(format!("anonymous because {reason}"));
        }
        if let Some(into) = r.merged_into {
            notes.push(format!("merged into {}", index.display(into)));
        }
        let (name, kind) = shown(r.name, r.kind, &mut notes);
        t.row(vec![
            p.cyan(name),
            kind,
            ellipsize(r.role.unwrap_or(""), 40),
            r.statements.to_string(),
            notes.join("; "),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}

/// The store's speakers as people and organisations: one row each, with
/// every spelling the stories used, and the bare surnames that could be
/// more than one of them.
fn people(
    ctx: &mut Ctx,
    rows: &[Row<'_>],
    identities: &BTreeMap<String, Identity>,
    counts: &BTreeMap<String, (BTreeSet<[u8; 32]>, BTreeSet<String>)>,
) -> Result<u8> {
    let p = ctx.out.palette;
    // STATEMENTS counts distinct statements, which many stories may carry
    // word for word; STORIES says how widely the speaker was reported.
    let mut t = Table::new(&["SPEAKER", "KIND", "ROLE", "STATEMENTS", "STORIES", "SPELLINGS / NOTES"], p);
    // Each identity's rows, in the order its first spelling is listed.
    let mut order: Vec<&str> = Vec::new();
    let mut spellings: BTreeMap<&str, Vec<&Row<'_>>> = BTreeMap::new();
    for row in rows {
        let members = spellings.entry(row.identity).or_default();
        if members.is_empty() {
            order.push(row.identity);
        }
        members.push(row);
    }
    for head in order {
        let Some(identity) = identities.get(head) else { continue };
        let members = &spellings[head];
        let statements: BTreeSet<&[u8; 32]> =
            members.iter().filter_map(|m| counts.get(m.id)).flat_map(|(st, _)| st).collect();
        let stories: BTreeSet<&str> =
            members.iter().filter_map(|m| counts.get(m.id)).flat_map(|(_, s)| s.iter().map(String::as_str)).collect();
        let mut roles: Vec<&str> = Vec::new();
        for role in members.iter().filter_map(|m| m.role) {
            if !roles.contains(&role) {
                roles.push(role);
            }
        }
        // Spellings as people read them: once each, not the name again.
        let mut seen = BTreeSet::from([crate::speaker::norm_name(&identity.name)]);
        let mut notes: Vec<String> = members
            .iter()
            .flat_map(|m| std::iter::once(m.name).chain(m.aliases.iter().map(String::as_str)))
            .filter(|a| seen.insert(crate::speaker::norm_name(a)))
            .map(str::to_string)
            .collect();
        if let Some(reason) = members.iter().find_map(|m| m.anonymity_reason) {
            notes.push(format!("anonymous because {reason}"));
        }
        if !identity.could_be.is_empty() {
            notes.push(format!("could be {} (counted with neither)", identity.could_be.join(" or ")));
        }
        let (name, kind) = shown(&identity.name, &identity.kind, &mut notes);
        t.row(vec![
            p.cyan(name),
            kind,
            ellipsize(&roles.join(", "), 40),
            statements.len().to_string(),
            stories.len().to_string(),
            notes.join("; "),
        ]);
    }
    t.write(&mut ctx.out)?;
    Ok(exit::OK)
}

/// A row's name and kind as a reader sees them: the speaker of the
/// pronouns an article ties to no one it named is no person called
/// "unresolved", and says so (`--format json` keeps the id and name).
fn shown<'a>(name: &'a str, kind: &str, notes: &mut Vec<String>) -> (&'a str, String) {
    if name == crate::extract::UNRESOLVED {
        notes.insert(0, "pronouns the article ties to no one it named".to_string());
        ("(unresolved)", "-".to_string())
    } else {
        (name, kind.to_string())
    }
}
