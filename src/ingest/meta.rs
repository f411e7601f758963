//! Page metadata: headline, byline, publication and modification times and
//! canonical URL, read from `<meta>` tags, JSON-LD, `<link rel=canonical>`,
//! `<time>` elements and the visible headline.
//!
//! Reads the parsed page and never changes it (the article extraction that
//! runs afterwards mutates the tree). It knows nothing of any one outlet:
//! every rule here is a published convention (Open Graph, schema.org,
//! Dublin Core) or a heuristic that holds across sites.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use dom_query::Document as Dom;
use serde_json::Value;

use super::{PageTime, normalize_paragraph};

/// What the page says about itself.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub byline: Option<String>,
    pub published: Option<PageTime>,
    pub modified: Option<PageTime>,
    pub canonical_url: Option<String>,
    pub language: Option<String>,
    /// The page's own summary (`og:description` and kin): often the
    /// standfirst or the opening of the lead paragraph.
    pub description: Option<String>,
}

/// Values of one JSON-LD article object that we use.
#[derive(Debug, Default)]
struct LdArticle {
    headline: Option<String>,
    published: Option<String>,
    created: Option<String>,
    modified: Option<String>,
    url: Option<String>,
    authors: Vec<String>,
}

pub(super) fn read(dom: &Dom) -> PageMeta {
    // name/property/itemprop (lowercased) -> first non-empty content.
    let mut metas: HashMap<String, String> = HashMap::new();
    // `[itemprop]` also catches microdata outside `<meta>`:
    // `<span itemprop="datePublished" content="...">`, `<time itemprop=...
    // datetime=...>`.
    for node in dom.select("meta[content], [itemprop][content], [itemprop][datetime]").nodes() {
        let Some(content) = node.attr("content").or_else(|| node.attr("datetime")) else {
            continue;
        };
        let content = content.trim();
        if content.is_empty() {
            continue;
        }
        for key_attr in ["property", "name", "itemprop"] {
            if let Some(key) = node.attr(key_attr) {
                metas.entry(key.trim().to_ascii_lowercase()).or_insert_with(|| content.to_string());
            }
        }
    }
    let get = |keys: &[&str]| -> Option<&str> {
        keys.iter().find_map(|k| metas.get(*k).map(String::as_str).filter(|v| !v.is_empty()))
    };

    let ld = json_ld(dom);

    let canonical_url = dom
        .select("link[rel~=canonical][href]")
        .nodes()
        .iter()
        .find_map(|n| n.attr("href").map(|h| h.trim().to_string()))
        .filter(|h| !h.is_empty())
        .or_else(|| get(&["og:url"]).map(str::to_string))
        .or_else(|| ld.as_ref().and_then(|l| l.url.clone()));

    let published = first_date(&[
        get(&["article:published_time", "og:published_time"]),
        ld.as_ref().and_then(|l| l.published.as_deref()),
        get(&[
            "datepublished",
            "dc.date.issued",
            "dcterms.issued",
            "dcterms.created",
            "dc.date",
            "pubdate",
            "publishdate",
            "publish-date",
            "published_time",
            "date",
            "sailthru.date",
            "parsely-pub-date",
        ]),
        ld.as_ref().and_then(|l| l.created.as_deref()),
    ])
    .or_else(|| time_elements(dom, true));

    let modified = first_date(&[
        get(&["article:modified_time", "og:updated_time"]),
        ld.as_ref().and_then(|l| l.modified.as_deref()),
        get(&["datemodified", "dc.date.modified", "dcterms.modified", "last-modified"]),
    ])
    .or_else(|| time_elements(dom, false));

    let site_name = get(&["og:site_name", "application-name"]).map(str::to_string);
    let host_label = canonical_url.as_deref().and_then(host_label);
    let site = SiteNames { site_name: site_name.as_deref(), host_label: host_label.as_deref() };
    let title = headline(
        dom,
        &[
            get(&["og:title"]),
            ld.as_ref().and_then(|l| l.headline.as_deref()),
            get(&["twitter:title", "dc.title", "headline", "title"]),
        ],
        &site,
    );

    let byline = ld
        .as_ref()
        .filter(|l| !l.authors.is_empty())
        .map(|l| l.authors.join(", "))
        .or_else(|| {
            get(&["author", "article:author", "byl", "dc.creator", "sailthru.author"])
                .filter(|a| !a.contains("://"))
                .map(|a| a.trim_start_matches("By ").trim_start_matches("by ").to_string())
        })
        .or_else(|| {
            // Visible author links: rel=author, or schema.org microdata.
            dom.select("a[rel~=author], [itemprop~=author] [itemprop=name], [itemprop~=author]")
                .nodes()
                .iter()
                .map(|n| normalize_paragraph(&n.text()))
                .find(|t| (2..=80).contains(&t.chars().count()))
        })
        .or_else(|| {
            // A byline box: "By Sam Reid", "Posted by Sam Reid".
            dom.select("[class*=byline], [data-component*=byline], [data-testid*=byline], [class~=author]")
                .nodes()
                .iter()
                .map(|n| {
                    // A box of lines ("By Sam Reid", "Environment reporter"):
                    // the name is the first, a paragraph or, in a box whose
                    // own text is only white space, its first element with
                    // text (`<span>By Sam Reid</span><span>Reporter</span>
                    // <time>…`). "By <a>A</a> and <a>B</a>" is one line.
                    let lines_as_elements = n.children_it(false).all(|c| !c.is_text() || c.text().trim().is_empty());
                    let first_line = n
                        .descendants_it()
                        .find(|d| d.has_name("p"))
                        .or_else(|| {
                            lines_as_elements.then(|| {
                                n.element_children().into_iter().find(|c| c.text().chars().any(char::is_alphanumeric))
                            })?
                        })
                        .unwrap_or(*n);
                    strip_by(&normalize_paragraph(&first_line.text()))
                })
                .find(|t| (2..=80).contains(&t.chars().count()))
        })
        .map(|b| normalize_paragraph(&b))
        .filter(|b| !b.is_empty());

    let description = get(&["og:description", "description", "twitter:description"])
        .map(normalize_paragraph)
        .filter(|d| !d.is_empty());

    // `<html lang>` is what browsers and screen readers go by; Open Graph
    // writes a locale ("en_GB").
    let language = dom
        .select("html[lang]")
        .nodes()
        .first()
        .and_then(|n| n.attr("lang"))
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .or_else(|| {
            get(&["content-language", "dc.language", "language", "inlanguage", "og:locale"]).map(str::to_string)
        })
        .map(|l| l.replace('_', "-"));

    PageMeta { title, byline, published, modified, canonical_url, language, description }
}

/// Words that make a byline part an outlet or a role, not a person.
const NOT_A_PERSON: &[&str] = &[
    "staff",
    "news",
    "press",
    "agency",
    "agencies",
    "reuters",
    "afp",
    "ap",
    "associated",
    "editor",
    "editors",
    "correspondent",
    "reporter",
    "writer",
    "contributor",
    "team",
    "desk",
    "business",
    "media",
    "wire",
    "and",
];

/// The people a byline names: "By Jane Doe and John Roe, political
/// editors" gives Jane Doe and John Roe; "Jill Disis, CNN Business" gives
/// Jill Disis. A part counts as a person when it is two to five capitalised
/// words (name particles aside) and none of them names an outlet or a role.
pub(super) fn people(byline: &str) -> Vec<String> {
    let byline = strip_by(byline);
    let mut out: Vec<String> = Vec::new();
    for part in byline.split([',', ';', '&', '|', '\u{2022}']).flat_map(|p| p.split(" and ")) {
        let part = strip_by(part.trim());
        let words: Vec<&str> = part.split_whitespace().collect();
        let capitalised = |w: &&str| {
            w.starts_with(|c: char| c.is_uppercase())
                || matches!(*w, "de" | "da" | "van" | "von" | "der" | "den" | "la" | "le" | "bin" | "al" | "del")
        };
        let person = (2..=5).contains(&words.len())
            && words.iter().all(capitalised)
            && !words.iter().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                NOT_A_PERSON.contains(&w.as_str())
            });
        if person && !out.contains(&part) {
            out.push(part);
        }
    }
    out
}

/// A byline without its "By" / "Posted by" lead-in.
fn strip_by(s: &str) -> String {
    // A handle or a separator ends the name: "Jo Bloggs @jo 22 Oct 2014".
    let end = [" @", "|", "\u{2022}"].iter().filter_map(|m| s.find(m)).min().unwrap_or(s.len());
    let s = s[..end].trim();
    let lower = s.to_lowercase();
    for lead in ["posted by ", "written by ", "words by ", "by "] {
        if lower.starts_with(lead)
            && let Some(rest) = s.get(lead.len()..)
        {
            return rest.trim().to_string();
        }
    }
    s.trim().to_string()
}

fn first_date(candidates: &[Option<&str>]) -> Option<PageTime> {
    candidates.iter().flatten().find_map(|s| parse_date(s))
}

/// `<time>` elements: their `datetime` attribute, or failing that their text
/// ("Published time: 1 Apr, 2016 15:17"). For the publication time, prefer
/// one marked as such (`pubdate`, `itemprop=datePublished`, or "published" in
/// its text); for the modification time only a marked one is taken.
fn time_elements(dom: &Dom, published: bool) -> Option<PageTime> {
    let mut fallback = None;
    for node in dom.select("time").nodes() {
        let itemprop = node.attr("itemprop").map(|v| v.to_ascii_lowercase());
        let text = node.text();
        let lower_text = text.to_ascii_lowercase();
        let marked = if published {
            node.has_attr("pubdate") || itemprop.as_deref() == Some("datepublished") || lower_text.contains("published")
        } else {
            itemprop.as_deref() == Some("datemodified")
                || lower_text.contains("updated")
                || lower_text.contains("edited")
                || lower_text.contains("modified")
        };
        let value = node.attr("datetime").and_then(|d| parse_date(&d)).or_else(|| parse_date(&text));
        match value {
            Some(v) if marked => return Some(v),
            // An unmarked time counts only inside the article: elsewhere it
            // dates a teaser or a ticker item, not this story.
            Some(v)
                if published
                    && fallback.is_none()
                    && node.ancestors_it(None).any(|a| a.has_name("article") || a.has_name("main")) =>
            {
                fallback = Some(v);
            }
            _ => {}
        }
    }
    fallback
}

/// Parse a date as pages write them, keeping what the page said: its
/// offset when it gives one ("Z", "GMT" and "UTC" are offsets too), else a
/// local time of unknown offset, else a day.
pub(super) fn parse_date(s: &str) -> Option<PageTime> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Some templates leak markup into the attribute:
    // `<span data-timestamp=...>2014-10-22T08:56:26+00:00</span>`.
    if s.contains('<') {
        let stripped = strip_tags(s);
        return if stripped.contains('<') { None } else { parse_date(&stripped) };
    }
    // Labels such as "Published time: 1 Apr, 2016 15:17".
    if let Some((label, rest)) = s.split_once(':')
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !label.trim().is_empty()
        && !rest.trim().is_empty()
    {
        return parse_date(rest);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(PageTime::Offset(d));
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(PageTime::Offset(d));
    }
    const OFFSET_FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f%z",
        "%Y-%m-%dT%H:%M:%S%z",
        "%Y-%m-%dT%H:%M%z",
        "%Y-%m-%d %H:%M:%S%.f%z",
        "%Y-%m-%d %H:%M:%S %z",
        "%Y-%m-%d %H:%M:%S%z",
    ];
    for f in OFFSET_FORMATS {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Some(PageTime::Offset(d));
        }
    }
    // "2012-01-27T12:58GMT", "... UTC", "...Z" without seconds.
    for zone in ["GMT", "UTC", "Z"] {
        if let Some(rest) = s.strip_suffix(zone)
            && let Some(d) = parse_naive(rest.trim_end())
        {
            let utc = FixedOffset::east_opt(0)?;
            return Some(match d {
                PageTime::Local(t) => PageTime::Offset(t.and_utc().with_timezone(&utc)),
                other => other,
            });
        }
    }
    parse_naive(s)
}

/// A time or a day with no offset.
fn parse_naive(s: &str) -> Option<PageTime> {
    const NAIVE_FORMATS: &[&str] = &[
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S%.f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%d %b, %Y %H:%M",
        "%d %B, %Y %H:%M",
        "%d %b %Y %H:%M",
        "%d %B %Y %H:%M",
        "%b %d, %Y %H:%M",
        "%B %d, %Y %H:%M",
        "%H:%M, %d %B %Y",
        "%H:%M, %d %b %Y",
    ];
    for f in NAIVE_FORMATS {
        if let Ok(d) = NaiveDateTime::parse_from_str(s, f) {
            return Some(PageTime::Local(d));
        }
    }
    const DATE_FORMATS: &[&str] =
        &["%Y-%m-%d", "%Y/%m/%d", "%Y%m%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d %b, %Y"];
    for f in DATE_FORMATS {
        if let Ok(d) = NaiveDate::parse_from_str(s, f) {
            return Some(PageTime::Day(d));
        }
    }
    None
}

fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

/// The schema.org types whose JSON-LD describes the article itself.
fn is_article_type(t: &str) -> bool {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    t.ends_with("Article") || matches!(t, "BlogPosting" | "LiveBlogPosting" | "Report")
}

/// The first JSON-LD object of an article type, looking inside arrays and
/// `@graph`.
fn json_ld(dom: &Dom) -> Option<LdArticle> {
    for node in dom.select("script[type]").nodes() {
        let is_ld = node.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        if !is_ld {
            continue;
        }
        let text = node.text();
        let text = text.trim();
        let text = text.strip_prefix("//<![CDATA[").or_else(|| text.strip_prefix("<![CDATA[")).unwrap_or(text);
        let text = text.strip_suffix("//]]>").or_else(|| text.strip_suffix("]]>")).unwrap_or(text);
        let Ok(value) = serde_json::from_str::<Value>(text) else {
            continue;
        };
        if let Some(found) = find_article(&value, 0) {
            return Some(found);
        }
    }
    None
}

fn find_article(v: &Value, depth: usize) -> Option<LdArticle> {
    if depth > 4 {
        return None;
    }
    match v {
        Value::Array(items) => items.iter().find_map(|i| find_article(i, depth + 1)),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => is_article_type(t),
                Some(Value::Array(ts)) => ts.iter().any(|t| t.as_str().is_some_and(is_article_type)),
                _ => false,
            };
            // Untyped or oddly typed objects that still describe a dated,
            // headlined piece (some CMSs say "WebPage").
            let dated_piece = map.contains_key("datePublished") && map.contains_key("headline");
            if typed || dated_piece {
                let s = |k: &str| map.get(k).and_then(Value::as_str).map(str::to_string);
                return Some(LdArticle {
                    headline: s("headline").or_else(|| s("name")),
                    published: s("datePublished"),
                    created: s("dateCreated"),
                    modified: s("dateModified"),
                    url: s("url").or_else(|| {
                        map.get("mainEntityOfPage")
                            .and_then(|m| m.get("@id").or(Some(m)))
                            .and_then(Value::as_str)
                            .map(str::to_string)
                    }),
                    authors: authors(map.get("author").or_else(|| map.get("authors"))),
                });
            }
            map.get("@graph")
                .and_then(|g| find_article(g, depth + 1))
                .or_else(|| map.get("mainEntity").and_then(|g| find_article(g, depth + 1)))
        }
        _ => None,
    }
}

fn authors(v: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        let name = match v {
            Value::String(s) => Some(s.as_str()),
            Value::Object(m) => m.get("name").and_then(Value::as_str),
            _ => None,
        };
        if let Some(n) = name.map(str::trim).filter(|n| !n.is_empty() && !n.contains("://")) {
            out.push(n.to_string());
        }
    };
    match v {
        Some(Value::Array(items)) => items.iter().for_each(&mut push),
        Some(other) => push(other),
        None => {}
    }
    out
}

/// Names a site goes by, used to recognise a title suffix such as
/// " | World news | The Guardian" or " - The Intercept".
#[derive(Debug)]
struct SiteNames<'a> {
    site_name: Option<&'a str>,
    /// "theguardian" for https://www.theguardian.com/...
    host_label: Option<&'a str>,
}

impl SiteNames<'_> {
    fn names(&self, segment: &str) -> bool {
        let seg = squash(segment);
        if seg.is_empty() {
            return false;
        }
        self.site_name.is_some_and(|n| related_names(&seg, &squash(n)))
            || self.host_label.is_some_and(|h| related_names(&seg, h))
    }
}

/// Whether one squashed name contains the other; a short name ("rt") must
/// open the other, so "sportsreport" is not taken for "rt".
fn related_names(a: &str, b: &str) -> bool {
    let contains = |long: &str, short: &str| {
        !short.is_empty() && if short.len() >= 4 { long.contains(short) } else { long.starts_with(short) }
    };
    contains(a, b) || contains(b, a)
}

fn host_label(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', ':', '?', '#']).next()?;
    let labels: Vec<&str> = host.split('.').collect();
    // The registrable label: "theguardian" in www.theguardian.com, "bbc" in
    // www.bbc.co.uk (skip short second-level labels like "co").
    let label = labels
        .iter()
        .rev()
        .skip(1)
        .find(|l| l.len() > 3 || !matches!(**l, "co" | "com" | "org" | "net" | "gov" | "ac"))?;
    let label = squash(label);
    (label.len() >= 2).then_some(label)
}

/// Lowercase letters and digits only: "The Intercept" -> "theintercept".
fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » "];

/// Remove trailing segments that name the site. `aggressive` also removes
/// any trailing " | ..." sections (section names in `<title>`).
fn strip_site_suffix(title: &str, site: &SiteNames, aggressive: bool) -> String {
    let mut t = title.trim();
    loop {
        let cut = SEPARATORS.iter().filter_map(|sep| t.rfind(sep).map(|i| (i, sep.len()))).max_by_key(|(i, _)| *i);
        let Some((i, len)) = cut else { break };
        let (head, tail) = (&t[..i], &t[i + len..]);
        let is_pipe = t[i..].starts_with(" | ");
        if head.trim().is_empty() {
            break;
        }
        if site.names(tail) || (aggressive && is_pipe) {
            t = head.trim_end();
        } else {
            break;
        }
    }
    t.to_string()
}

/// The headline: the page's `<h1>` where a metadata title confirms it (so a
/// logo `<h1>` is never taken), else the first metadata title with any site
/// suffix removed, else an `<h1>`, else `<title>`.
fn headline(dom: &Dom, metas: &[Option<&str>], site: &SiteNames) -> Option<String> {
    let clean = |s: &str| normalize_paragraph(s);
    let metas: Vec<String> = metas.iter().flatten().map(|m| clean(m)).filter(|m| !m.is_empty()).collect();
    let page_title = dom.select("head title").nodes().first().map(|n| clean(&n.text())).filter(|t| !t.is_empty());
    let h1s: Vec<String> =
        dom.select("body h1").nodes().iter().take(8).map(|n| clean(&n.text())).filter(|t| !t.is_empty()).collect();

    // Each metadata title, and each part of it before a separator
    // ("Headline - Site" gives "Headline"), may confirm an `<h1>`.
    let mut known: Vec<String> = Vec::new();
    for m in metas.iter().chain(page_title.iter()) {
        known.push(squash(m));
        for sep in SEPARATORS {
            known.extend(m.match_indices(sep).map(|(i, _)| squash(&m[..i])));
        }
    }
    if let Some(h) = h1s.iter().find(|h| {
        let s = squash(h);
        s.len() > 3 && known.contains(&s)
    }) {
        return Some(h.clone());
    }
    metas
        .iter()
        .map(|m| strip_site_suffix(m, site, false))
        .find(|m| !m.is_empty() && !site.names(m))
        .or_else(|| h1s.into_iter().next())
        .or_else(|| page_title.map(|t| strip_site_suffix(&t, site, true)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(d: Option<PageTime>) -> String {
        d.map(|d| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn dates_keep_the_offset_the_page_gave() {
        assert_eq!(iso(parse_date("2019-11-03T15:41:45.000Z")), "2019-11-03T15:41:45Z");
        assert_eq!(iso(parse_date("2015-09-28T18:03:52+01:00")), "2015-09-28T18:03:52+01:00");
        assert_eq!(iso(parse_date("2019-11-03T15:41:45+0000")), "2019-11-03T15:41:45Z");
        assert_eq!(iso(parse_date("2012-01-27T12:58GMT")), "2012-01-27T12:58:00Z");
        assert_eq!(iso(parse_date("Fri, 27 Jan 2012 12:58:53 +0100")), "2012-01-27T12:58:53+01:00");
        assert_eq!(
            iso(parse_date("<span class='ts' data-timestamp='1'>2014-10-22T08:56:26+00:00</span>")),
            "2014-10-22T08:56:26Z"
        );
        assert_eq!(parse_date("yesterday"), None);
    }

    /// Issue 15: a time without an offset was reported as UTC.
    #[test]
    fn a_time_without_an_offset_stays_local_not_utc() {
        let t = parse_date("Published time: 1 Apr, 2016 15:17").unwrap();
        assert_eq!(t.to_string(), "2016-04-01T15:17:00");
        assert!(!t.known_offset());
        assert_eq!(iso(parse_date("2014-01-23")), "2014-01-23");
        assert_eq!(iso(parse_date("2014-01-23T09:30")), "2014-01-23T09:30:00");
    }

    #[test]
    fn site_suffix_is_removed_only_when_it_names_the_site() {
        let site = SiteNames { site_name: Some("The Daily Example"), host_label: Some("dailyexample") };
        assert_eq!(
            strip_site_suffix("Storm hits coast | World news | The Daily Example", &site, false),
            "Storm hits coast | World news"
        );
        assert_eq!(
            strip_site_suffix("Storm hits coast | World news | The Daily Example", &site, true),
            "Storm hits coast"
        );
        assert_eq!(strip_site_suffix("Unrest - Wednesday 22 June", &site, false), "Unrest - Wednesday 22 June");
    }

    #[test]
    fn host_label_skips_second_level_suffixes() {
        assert_eq!(host_label("https://www.example.co.uk/a").as_deref(), Some("example"));
        assert_eq!(host_label("http://news.example.com").as_deref(), Some("example"));
    }
}
