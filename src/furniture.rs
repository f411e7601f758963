//! A site's furniture, learned from the store: the lines that recur on the
//! site's other pages around each article (an author bio, a "support our
//! newsroom" blurb, a comment-section notice) are no part of the article,
//! so no statement comes from them, at record time or in a diff.
//!
//! Per-page rules (`ingest`'s pruning, `extract/nonsentence.rs`) catch
//! what looks like furniture on any site; this catches what only looks
//! like furniture once several pages of one site are side by side. The
//! store keeps, per host, which pages carry each line
//! (`store/src/furniture.rs`); this module says what a line and a host
//! are and decides, from those counts, which lines of a page are
//! furniture. It never changes a revision's text or id: only which of the
//! text's paragraphs statements may come from.

use std::collections::BTreeSet;

use claimtrail_store::{PageLines, PageOf, RevisionRecord, Store, StoryRecord};

use crate::error::CliError;
use crate::extract::Extraction;

/// A line is furniture only if at least this many other pages of its site
/// carry it: one other page could be a follow-up quoting the same words.
const MIN_OTHER_PAGES: usize = 2;

/// A line on at least this many other pages, and on half the site's pages
/// or more, is furniture wherever it sits on the page.
const MIN_SHARED_PAGES: usize = 5;

/// Counting stops here: more pages than this says nothing new.
const COUNT_CAP: usize = 64;

/// The site a URL belongs to: its host, lowercased, without "www.".
pub fn host_of(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    let host = parsed.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    (!host.is_empty()).then(|| host.to_string())
}

/// The fingerprint of a line of text: its words lowercased, with every
/// run of digits the same ("38 comments" and "41 comments" are one line).
pub fn line_print(line: &str) -> u64 {
    let mut hasher = blake3::Hasher::new_derive_key("claimtrail 2026-11 furniture line v1");
    let mut word = String::new();
    let mut digits = false;
    for c in line.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() {
            if !digits {
                word.push('0');
            }
            digits = true;
            continue;
        }
        digits = false;
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            hasher.update(word.as_bytes());
            hasher.update(b" ");
            word.clear();
        }
    }
    let bytes = hasher.finalize();
    u64::from_be_bytes(bytes.as_bytes()[..8].try_into().unwrap_or_default())
}

/// The lines of a revision's text: its paragraphs (see `ingest`).
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split("\n\n")
}

/// What the furniture index keeps of a page: its site (from the page's
/// canonical URL, or else the story's URL) and a print of each line.
pub fn page_of(text: &str, canonical_url: Option<&str>, story_url: Option<&str>) -> Option<PageLines> {
    let host = canonical_url.and_then(host_of).or_else(|| story_url.and_then(host_of))?;
    Some(PageLines { host, lines: lines(text).map(line_print).collect() })
}

/// The site of a stored revision, as [`page_of`] named it when recorded.
pub fn stored_host(story: &StoryRecord, rev: &RevisionRecord) -> Option<String> {
    rev.meta.get("canonical_url").and_then(|u| host_of(u)).or_else(|| story.url.as_deref().and_then(host_of))
}

/// What `verify` expects the furniture index to hold of stored revisions
/// and `reanalyze` rebuilds it from: [`page_of`]'s rules.
pub const STORED_PAGES: PageOf<'static> =
    PageOf { host: &stored_host, lines: &|text| lines(text).map(line_print).collect() };

/// Whether a line reads as a sentence of an article: long enough, ending
/// as a sentence ends, not a row of links.
fn reads_as_prose(line: &str) -> bool {
    let end = line.trim_end_matches(['"', '\'', '”', '’', ')']);
    line.split_whitespace().count() >= 6 && end.ends_with(['.', '!', '?']) && !line.contains(" | ")
}

/// Which lines of a page (`lines`, a story's revision on `host`) are the
/// site's furniture, from what the store knows of the site's other pages.
///
/// A line counts when at least two other pages of the site carry it and
/// either it sits outside the page's own text (before its first line no
/// other page has, or after its last: where templates put bylines, bios
/// and blurbs) or it does not read as prose; or when it is on at least
/// five other pages and half the site's pages. A quotation repeated in
/// the middle of several articles stays article text, and the first page
/// of a site (nothing known yet) keeps every line. A page with no line of
/// its own (the same article recorded again as another story) is not all
/// furniture: only its lines that do not read as prose are.
pub fn furniture_lines(store: &Store, host: &str, story: &str, lines: &[&str]) -> Result<Vec<bool>, CliError> {
    let pages = store.host_pages(host, story, COUNT_CAP)?;
    if pages < MIN_OTHER_PAGES {
        return Ok(vec![false; lines.len()]);
    }
    let mut others = Vec::with_capacity(lines.len());
    for line in lines {
        others.push(store.pages_with_line(host, line_print(line), story, COUNT_CAP)?);
    }
    let recurs = |i: usize| others[i] >= MIN_OTHER_PAGES;
    let own: Vec<usize> = (0..lines.len()).filter(|&i| !recurs(i)).collect();
    let (first, last) = match (own.first(), own.last()) {
        (Some(&f), Some(&l)) => (Some(f), Some(l)),
        _ => (None, None),
    };
    Ok((0..lines.len())
        .map(|i| {
            let outside = matches!((first, last), (Some(f), Some(l)) if i < f || i > l);
            let shared = others[i] >= MIN_SHARED_PAGES && others[i] * 2 >= pages;
            recurs(i) && (outside || !reads_as_prose(lines[i])) || shared && first.is_some()
        })
        .collect())
}

/// The paragraphs of `text` that are furniture of `host`'s site for
/// `story` (empty when the page has no known site).
pub fn furniture_of(store: &Store, host: Option<&str>, story: &str, text: &str) -> Result<BTreeSet<usize>, CliError> {
    let Some(host) = host else { return Ok(BTreeSet::new()) };
    let lines: Vec<&str> = lines(text).collect();
    let marks = furniture_lines(store, host, story, &lines)?;
    Ok(marks.iter().enumerate().filter(|(_, f)| **f).map(|(i, _)| i).collect())
}

/// Drop the statements an extraction found in furniture paragraphs, and
/// the speakers only they named; the rest keep their order, numbered
/// again from 0.
pub fn drop_furniture(extraction: &mut Extraction, furniture: &BTreeSet<usize>) {
    if furniture.is_empty() {
        return;
    }
    let named = |statements: &[crate::extract::Statement]| -> BTreeSet<String> {
        statements.iter().flat_map(|s| s.speaker.iter().chain(&s.co_speakers)).map(|sp| sp.id.clone()).collect()
    };
    let before = named(&extraction.statements);
    extraction.statements.retain(|s| !furniture.contains(&s.paragraph));
    for (i, s) in extraction.statements.iter_mut().enumerate() {
        s.index = i;
    }
    let after = named(&extraction.statements);
    extraction.speakers.retain(|sp| after.contains(&sp.id) || !before.contains(&sp.id));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_case_do_not_change_a_line() {
        assert_eq!(line_print("38 comments"), line_print("41 Comments"));
        assert_ne!(line_print("38 comments"), line_print("38 replies"));
    }

    #[test]
    fn hosts_ignore_case_and_www() {
        assert_eq!(host_of("https://WWW.Ledger.example/news/a").as_deref(), Some("ledger.example"));
        assert_eq!(host_of("not a url"), None);
    }

    #[test]
    fn prose_is_told_from_a_row_of_links() {
        assert!(reads_as_prose("The council voted on Tuesday to raise the seawall."));
        assert!(!reads_as_prose("Order Reprints | Today's Paper | Subscribe"));
        assert!(!reads_as_prose("Comments (38)"));
    }
}
