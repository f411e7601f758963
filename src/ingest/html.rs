//! HTML news pages: the article's paragraphs and the page's metadata.
//!
//! The page is parsed once (html5ever, through `dom_query`). Metadata is read
//! from the untouched tree, then generic boilerplate (navigation, share
//! buttons, captions, related links, cookie notices, bylines) is cut, then
//! `dom_smoothie` (a port of Mozilla's Readability) picks the article
//! container in the same tree, and its blocks become paragraphs. A standfirst
//! or lead paragraph outside that container is found beforehand (by the
//! page's own description, or newsroom class words) and put first.
//!
//! Paragraph order and text must not depend on anything but the article:
//! the same story in two templates gives the same `Document::text()`.
//!
//! Nothing here may key on one outlet's class names or layout: the rules are
//! HTML semantics (`nav`, `aside`, `figure`, ARIA roles) and words that mean
//! boilerplate on any site ("share", "newsletter", "cookie"), so that other
//! outlets and redesigns of the same outlet give the same text.

use dom_query::{Document as Dom, NodeRef};
use dom_smoothie::{Config, Readability};

use super::{Document, Format, IngestError, depth, ends_sentence, meta, normalize_paragraph, take_dateline};

/// An article shorter than this (in characters, summed over paragraphs) is
/// taken as "no article": what remains is a stub, an index page or an error
/// page. Readability.js uses the same figure for "probably readable".
const MIN_ARTICLE_CHARS: usize = 140;

/// Elements nested deeper than this below `<body>` are flattened into their
/// ancestor at this depth. Real pages stay far below it.
const MAX_DEPTH: usize = 256;

/// Elements that never hold article prose.
const DROP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "figure",
    "figcaption",
    "picture",
    "video",
    "audio",
    "canvas",
    "dialog",
    "object",
    "embed",
    "map",
    "menu",
    "label",
];

/// ARIA landmarks that are not the main content.
const DROP_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "banner",
    "contentinfo",
    "dialog",
    "alertdialog",
    "search",
    "menu",
    "menubar",
    "toolbar",
];

/// Whole words (class/id split on non-alphanumerics) that mark boilerplate.
const BOILERPLATE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "banner",
    "bio",
    "biography",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "bylines",
    "caption",
    "captions",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "credits",
    // A call to action: a subscription or donation pitch.
    "cta",
    "dateline",
    "disclaimer",
    // Comment sections by another name, and the commonest comment service.
    "discussion",
    "disqus",
    "footer",
    "gdpr",
    "hidden",
    "keywords",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "pagination",
    "paywall",
    "popular",
    "popup",
    "print",
    "promo",
    "promoted",
    "promotion",
    "rail",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "tags",
    "timestamp",
    "toolbar",
    "trending",
    // Third-party embeds (the embed codes of social networks).
    "tweet",
    "twitter",
    "instagram",
    "tiktok",
];

/// Fragments of class/id that mark boilerplate however they are joined
/// ("shareButtons", "mostPopular", "sr-only").
const BOILERPLATE_FRAGMENTS: &[&str] = &[
    "share",
    "social",
    "newsletter",
    "cookie",
    "advert",
    "outbrain",
    "taboola",
    "related",
    "sponsor",
    "subscribe",
    "signup",
    "sign-up",
    "breadcrumb",
    "caption",
    "byline",
    "dateline",
    "recommend",
    "mostpopular",
    "most-popular",
    "mostread",
    "most-read",
    "mostviewed",
    "most-viewed",
    // Author boxes: the bio of whoever wrote the article.
    "author-bio",
    "authorbio",
    "author-info",
    "about-the-author",
    "abouttheauthor",
    // Pull quotes repeat a line of the article in large type.
    "pullquote",
    "pull-quote",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader",
    "adslot",
    "ad-slot",
    "ad-container",
    "adunit",
    "ad-unit",
];

/// Class fragments of cards shown only on hover (a person's profile beside
/// their name): inline in the markup, so their text would run into the
/// sentence. See [`is_hover_card`].
const HOVER_FRAGMENTS: &[&str] = &["tooltip", "popover", "hovercard", "hover-card", "rollover"];

/// Class and id of an element, lowercase.
fn class_marks(node: &NodeRef) -> String {
    let mut marks = String::new();
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            marks.push_str(&v.to_ascii_lowercase());
            marks.push(' ');
        }
    }
    marks
}

fn hover_marked(node: &NodeRef) -> bool {
    let marks = class_marks(node);
    HOVER_FRAGMENTS.iter().any(|f| marks.contains(f))
}

/// A hover card (the caller has seen its mark): holding a picture or links (a profile, a list
/// of articles), and not the wrapper of a marked card (that wrapper holds
/// the name the card is about, which is the sentence's). A word marked as
/// a tooltip's trigger holds neither and stays.
fn is_hover_card(node: &NodeRef) -> bool {
    let mut links = 0;
    for d in node.descendants_it().filter(|d| d.is_element()) {
        if hover_marked(&d) {
            return false;
        }
        if d.has_name("img") {
            links += 2;
        } else if d.has_name("a") {
            links += 1;
        }
    }
    links >= 2
}

/// Short paragraphs that are widget text, not prose, on any site.
const BOILERPLATE_PREFIXES: &[&str] = &[
    "advertisement",
    "share this",
    "share on",
    "share via",
    "read more",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "sign up",
    "subscribe",
    "click here",
    "follow us",
    "photograph:",
    "photo:",
    "image:",
    "reuse this content",
    "most popular",
    "most read",
    "skip to",
    "more about:",
    "more on this story",
    "see also:",
    "topics:",
    "tags:",
    "we use cookies",
    "this site uses cookies",
    "accept cookies",
    "©",
    "copyright ©",
    "advert",
    "sharing is caring",
    "don't miss",
    "don’t miss",
    "related news",
    "this slideshow requires javascript",
    "please enable javascript",
    "javascript is disabled",
    "this post may contain affiliate",
    "this post contains affiliate",
    // Page timestamps that are not parsed as one date ("Posted: Fri 6:45
    // PM, Feb 16, 2018 |").
    "posted:",
    "updated:",
    "published:",
    "last updated:",
    "you may also like",
    "more:",
    "you have been successfully subscribed",
    "there was a problem subscribing",
    "if you enjoyed this article",
    "copyright",
    "related topics",
    "related content",
    "related coverage",
    // What a template puts where an advertisement was taken out.
    "story continues below",
    "article continues below",
    "continue reading below",
    // The audio player's label: "Listen to this article · 3 min".
    "listen to this article",
    "listen to this story",
    "listen to article",
];

pub(super) fn read_html(html: &str, mut warnings: Vec<String>) -> Result<Document, IngestError> {
    let limited = depth::limit_depth(html);
    if matches!(limited, std::borrow::Cow::Owned(_)) {
        warnings.push(format!("elements nested more than {} deep were flattened", depth::MAX_OPEN));
    }
    let dom = Dom::from(limited.as_ref());
    drop(limited);
    let meta = meta::read(&dom);
    // Looked for before pruning: standfirsts often sit in the `<header>`.
    let lead = find_lead(&dom, meta.description.as_deref());
    remove_boilerplate(&dom);

    let cfg = Config {
        // Metadata was read above, from the unpruned page.
        disable_json_ld: true,
        ..Config::default()
    };
    let mut readability = Readability::with_document(dom, None, Some(cfg)).map_err(|_| IngestError::NoArticle)?;
    if readability.parse().is_err() {
        return Err(IngestError::NoArticle);
    }
    // `parse` leaves the article in the tree under this id; walking it there
    // spares a second parse of the article's serialised HTML.
    let root = readability.doc.select("#readability-page-1");
    let Some(root) = root.nodes().first() else {
        return Err(IngestError::NoArticle);
    };
    let mut paragraphs = Vec::new();
    collect_blocks(root, &mut paragraphs);
    let title_key = meta.title.as_deref().map(squash);
    let authors = meta.byline.as_deref().map(meta::people).unwrap_or_default();
    let byline_key = meta.byline.as_deref().map(squash).filter(|b| b.len() > 3);
    let mut paragraphs: Vec<String> = paragraphs
        .into_iter()
        .filter(|b| keep_block(b, title_key.as_deref(), byline_key.as_deref(), &authors))
        .map(|b| b.text)
        .collect();
    drop_leading_labels(&mut paragraphs);
    // Readability keeps one container; a standfirst above it, or a lead
    // paragraph that a template puts in its own box, is left behind.
    if let Some(lead) = lead {
        let key = squash(&lead);
        // The lead may be split over several paragraphs (`<br>`s inside it).
        let present = squash(&paragraphs.concat()).contains(&key)
            || paragraphs.iter().any(|p| {
                let p = squash(p);
                key.contains(&p) && p.len() * 2 > key.len()
            });
        if !present && title_key.as_deref() != Some(key.as_str()) {
            paragraphs.insert(0, lead);
        }
    }
    // An author's box closes the article: what follows its heading is the
    // bio, the author's other stories and the like.
    if let Some(at) = paragraphs.iter().position(|p| {
        let key = squash(p);
        key == "abouttheauthor" || key == "abouttheauthors"
    }) {
        paragraphs.truncate(at);
    }
    // A heading left as the last block introduces nothing; the author's
    // bio closes the article without a box around it ("NAME is the
    // paper's coastal reporter. She has …").
    while paragraphs.last().is_some_and(|p| p.len() < 40 && !ends_sentence(p) || is_author_bio(p, &authors)) {
        paragraphs.pop();
    }
    if paragraphs.iter().map(|p| p.chars().count()).sum::<usize>() < MIN_ARTICLE_CHARS {
        return Err(IngestError::NoArticle);
    }
    let dateline = take_dateline(&mut paragraphs);
    Ok(Document {
        format: Format::Html,
        title: meta.title,
        authors,
        dateline,
        language: meta.language,
        byline: meta.byline,
        published: meta.published,
        modified: meta.modified,
        canonical_url: meta.canonical_url,
        paragraphs,
        warnings,
    })
}

/// Cut what is never article text, before Readability scores the page, so
/// that a share bar or a related-links box can neither be chosen nor come
/// along with the article.
fn remove_boilerplate(dom: &Dom) {
    let Some(body) = dom.body() else {
        return;
    };
    let mut stack: Vec<(NodeRef, usize)> = body.element_children().into_iter().map(|n| (n, 1)).collect();
    let mut doomed = Vec::new();
    let mut too_deep = Vec::new();
    while let Some((node, depth)) = stack.pop() {
        if depth == MAX_DEPTH {
            // Readability's scoring is quadratic in nesting depth; a page of
            // thousands of unclosed `<div>`s would take seconds. Browsers cap
            // the depth too (Blink at 512) and hang deeper content flat.
            too_deep.extend(node.descendants_it().filter(NodeRef::is_element));
        } else if node.has_name("svg") && holds_prose(&node) {
            // An `<svg>` holding prose: markup left open inside an icon
            // sprite's `<title>` made the parser put the rest of the page in
            // it, and Readability skips SVG. Lift the HTML back out.
            for island in html_islands(&node) {
                node.insert_before(&island);
                stack.push((island, depth));
            }
            doomed.push(node);
        } else if is_boilerplate(&node) {
            doomed.push(node);
        } else {
            if node.has_name("blockquote")
                && let Some(text) = embedded_post_quote(&node)
            {
                node.set_text(text);
            }
            if holds_embedded_post(&node) && !holds_prose(&node) {
                // Kept for the post it quotes; Readability would still drop
                // a wrapper named "social-embed" as unlikely content.
                node.remove_attr("class");
                node.remove_attr("id");
            }
            if node.has_attr("aria-hidden") {
                // Kept because it holds prose (see `is_boilerplate`);
                // Readability would still skip it.
                node.remove_attr("aria-hidden");
            }
            stack.extend(node.element_children().into_iter().map(|c| (c, depth + 1)));
        }
    }
    for node in doomed {
        node.remove_from_parent();
    }
    // Deepest first, so that each unwrap moves already-flat content.
    for node in too_deep.into_iter().rev() {
        // `unwrap_node` removes the parent of the node it is called on.
        match node.first_child() {
            Some(child) => child.unwrap_node(),
            None => node.remove_from_parent(),
        }
    }
}

fn is_boilerplate(node: &NodeRef) -> bool {
    let Some(name) = node.node_name() else {
        return false;
    };
    let name = name.to_ascii_lowercase();
    // schema.org's mark for the article's text: whatever else the element
    // says about itself, this is what we are looking for.
    if node.attr("itemprop").is_some_and(|v| v.split_whitespace().any(|w| w.eq_ignore_ascii_case("articlebody"))) {
        return false;
    }
    if DROP_TAGS.contains(&name.as_str())
        || name.starts_with("amp-") && !matches!(name.as_str(), "amp-fit-text" | "amp-live-list")
    {
        // Some pages wrap everything in a `<form>` (ASP.NET).
        return !(name == "form" && holds_prose(node));
    }
    if node.has_attr("hidden") {
        return true;
    }
    // aria-hidden hides from screen readers only; pages saved with a
    // consent dialog open often carry it on the whole page wrapper.
    if node.attr("aria-hidden").is_some_and(|v| &*v == "true") {
        return !holds_prose(node);
    }
    if let Some(style) = node.attr("style") {
        let style: String = style.chars().filter(|c| !c.is_whitespace()).collect();
        if style.to_ascii_lowercase().contains("display:none") {
            return true;
        }
    }
    if let Some(role) = node.attr("role")
        && DROP_ROLES.contains(&role.trim().to_ascii_lowercase().as_str())
    {
        return true;
    }
    if matches!(name.as_str(), "article" | "main" | "p") {
        return false;
    }
    let mut marks = String::new();
    // Component names in data attributes say the same as classes on sites
    // whose class names are generated hashes.
    for attr in ["class", "id", "data-component", "data-testid", "data-module"] {
        if let Some(v) = node.attr(attr) {
            marks.push_str(&v.to_ascii_lowercase());
            marks.push(' ');
        }
    }
    if HOVER_FRAGMENTS.iter().any(|f| marks.contains(f)) && is_hover_card(node) {
        return true;
    }
    let marked = name == "header"
        || (!marks.is_empty()
            && (marks.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| BOILERPLATE_WORDS.contains(&w))
                || BOILERPLATE_FRAGMENTS.iter().any(|f| marks.contains(f))));
    // A wrapper that happens to carry such a word (`<div class="article
    // has-share-bar">`) but holds the prose must stay; so must a post that
    // the article quotes, embedded with its network's published markup.
    marked && !holds_prose(node) && !holds_embedded_post(node)
}

/// Class fragments of the `<blockquote>` that social networks' embed codes
/// publish: the quoted post's text is in it, and the article quotes it.
const EMBEDDED_POST_CLASSES: &[&str] = &["twitter-tweet", "instagram-media", "tiktok-embed"];

/// The node is, or holds, an embedded post's `<blockquote>` with text.
fn holds_embedded_post(node: &NodeRef) -> bool {
    let is_post = |n: &NodeRef| {
        n.has_name("blockquote")
            && n.attr("class").is_some_and(|c| {
                let c = c.to_ascii_lowercase();
                EMBEDDED_POST_CLASSES.iter().any(|e| c.contains(e))
            })
            && n.normalized_char_count() >= 20
    };
    is_post(node) || node.descendants_it().any(|d| d.is_element() && is_post(&d))
}

/// An embedded post as one paragraph that says whose it is: its text as a
/// quotation, then the signature its network prints after it (`“The pier
/// is safe.” — Ann Roe (@annroe) March 3, 2026`), so the frames credit the
/// post to its author instead of the outlet taking its sentences for its
/// own and the signature for a statement. `None` when the post has no
/// text, no signature opening with a dash, or quotation marks of its own
/// (then it reads as it stands).
fn embedded_post_quote(node: &NodeRef) -> Option<String> {
    let class = node.attr("class")?.to_ascii_lowercase();
    if node.normalized_char_count() < 20 {
        return None;
    }
    if !EMBEDDED_POST_CLASSES.iter().any(|e| class.contains(e)) {
        return None;
    }
    let (mut post, mut signature) = (String::new(), String::new());
    for child in node.children_it(false) {
        if child.is_element() && child.has_name("p") {
            post.push_str(&child.text());
            post.push(' ');
        } else if child.is_text() || child.is_element() {
            signature.push_str(&child.text());
        }
    }
    let (post, signature) = (normalize_paragraph(&post), normalize_paragraph(&signature));
    let quoted = |s: &str| s.contains(['"', '\u{201C}', '\u{201D}']);
    (!post.is_empty() && !quoted(&post) && signature.starts_with(['\u{2014}', '\u{2013}', '-']))
        .then(|| format!("\u{201C}{post}\u{201D} {signature}"))
}

const HTML_NS: &str = "http://www.w3.org/1999/xhtml";

fn is_html_element(node: &NodeRef) -> bool {
    node.qual_name_ref().is_some_and(|q| &*q.ns == HTML_NS)
}

/// HTML elements whose parent is a foreign (SVG) element, in document order.
fn html_islands<'a>(svg: &NodeRef<'a>) -> Vec<NodeRef<'a>> {
    svg.descendants_it()
        .filter(|d| is_html_element(d) && d.parent().is_some_and(|p| p.is_element() && !is_html_element(&p)))
        .collect()
}

/// Several substantial paragraphs inside: this is content, whatever its
/// class says. A paragraph is a `<p>`, or a `<div>` holding its text
/// directly (templates that write paragraphs as `<div>`s).
fn holds_prose(node: &NodeRef) -> bool {
    let mut long = 0;
    for d in node.descendants_it() {
        let paragraph = if d.has_name("p") {
            d.normalized_char_count() >= 80
        } else if d.has_name("div") {
            d.children_it(false).filter(NodeRef::is_text).map(|t| t.text().trim().chars().count()).sum::<usize>() >= 80
        } else {
            false
        };
        if paragraph {
            long += 1;
            if long >= 3 {
                return true;
            }
        }
    }
    false
}

/// Class, id or itemprop words that name a standfirst (the summary under a
/// headline) in newsroom vocabulary.
const STANDFIRST_WORDS: &[&str] = &[
    "standfirst",
    "summary",
    "subtitle",
    "subheadline",
    "subhead",
    "dek",
    "deck",
    "lede",
    "strapline",
    "alternativeheadline",
];

/// The standfirst or lead paragraph: the visible block whose text the page's
/// description opens with (or that opens the description, when the
/// description was cut short), else a block named as a standfirst.
fn find_lead(dom: &Dom, description: Option<&str>) -> Option<String> {
    let body = dom.body()?;
    if let Some(desc) = description {
        let key = squash(desc.trim_end_matches(['.', '…', ' ']));
        if key.chars().count() >= 30 {
            let probe: String = key.chars().take(40).collect();
            for node in body.descendants_it() {
                if !node.is_text()
                    || node.parent().is_some_and(|p| {
                        p.node_name().is_some_and(|n| matches!(&*n, "script" | "style" | "noscript" | "template"))
                    })
                {
                    continue;
                }
                let t = squash(&node.text());
                if t.len() < 12 || !(probe.starts_with(&t) || t.starts_with(&probe)) {
                    continue;
                }
                let Some(block) = node.ancestors_it(None).find(|a| a.node_name().is_some_and(|n| is_block(&n))) else {
                    continue;
                };
                let text = normalize_paragraph(&block.text());
                let sq = squash(&text);
                if sq.starts_with(&probe) && sq.len() <= key.len().max(300) * 3 && visible(&block) {
                    return Some(text);
                }
            }
        }
    }
    let mut seen_h1 = false;
    for node in body.descendants_it() {
        if !node.is_element() {
            continue;
        }
        if node.has_name("h1") {
            seen_h1 = true;
            continue;
        }
        if !seen_h1 || node.has_name("meta") {
            continue;
        }
        let mut marks = String::new();
        for attr in ["class", "id", "itemprop"] {
            if let Some(v) = node.attr(attr) {
                marks.push_str(&v.to_ascii_lowercase());
                marks.push(' ');
            }
        }
        if !marks.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| STANDFIRST_WORDS.contains(&w)) {
            continue;
        }
        let text = normalize_paragraph(&node.text());
        let chars = text.chars().count();
        if (30..=500).contains(&chars) && visible(&node) {
            return Some(text);
        }
    }
    None
}

/// Not inside anything that pruning would remove (a `<header>` aside).
fn visible(node: &NodeRef) -> bool {
    !std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .take_while(|a| !a.has_name("body"))
        .any(|a| !a.has_name("header") && is_boilerplate(&a))
}

/// Elements that end one paragraph and start another.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "figure"
            | "address"
            | "details"
            | "summary"
    )
}

/// Longest cell (in characters) of a row read as one line of data.
const MAX_DATA_CELL_CHARS: usize = 120;

/// A table row whose cells are short and hold no blocks of their own: data,
/// read as one line. A layout table's row (a cell holding paragraphs, or a
/// long run of text beside a menu) is not one.
fn is_data_row(row: &NodeRef) -> bool {
    let mut cells = 0;
    for cell in row.children_it(false).filter(|c| c.is_element()) {
        let name = cell.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        if !matches!(name.as_str(), "td" | "th") {
            return false;
        }
        let has_block = cell
            .descendants_it()
            .any(|d| d.is_element() && d.node_name().is_some_and(|n| is_block(&n.to_ascii_lowercase())));
        if has_block || cell.text().chars().count() > MAX_DATA_CELL_CHARS {
            return false;
        }
        cells += 1;
    }
    cells >= 2
}

/// One block of text, how much of it is link text, and how much stands
/// inside a `<time>` element.
#[derive(Debug, Default)]
struct Block {
    text: String,
    link_chars: usize,
    time_chars: usize,
}

/// Where a piece of text stands: inside a link, inside a `<time>`.
#[derive(Clone, Copy, Default)]
struct Inline {
    link: bool,
    time: bool,
}

fn collect_blocks(root: &NodeRef, out: &mut Vec<Block>) {
    let mut cur = Block::default();
    walk(root, Inline::default(), &mut cur, out);
    flush(&mut cur, out);
}

fn walk(node: &NodeRef, at: Inline, cur: &mut Block, out: &mut Vec<Block>) {
    for child in node.children_it(false) {
        if child.is_text() {
            let t = child.text();
            cur.text.push_str(&t);
            let n = t.chars().filter(|c| !c.is_whitespace()).count();
            if at.link {
                cur.link_chars += t.trim().chars().count();
            }
            if at.time {
                cur.time_chars += n;
            }
            continue;
        }
        if !child.is_element() {
            continue;
        }
        let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
        match name.as_str() {
            "br" => cur.text.push('\n'),
            "script" | "style" | "noscript" | "template" => {}
            // A row of a data table (results, figures) is one line, its
            // cells in order, as it reads: not one paragraph per cell.
            "tr" if is_data_row(&child) => {
                flush(cur, out);
                for cell in child.children_it(false).filter(|c| c.is_element()) {
                    walk(&cell, at, cur, out);
                    cur.text.push(' ');
                }
                flush(cur, out);
            }
            _ if is_block(&name) => {
                flush(cur, out);
                walk(&child, at, cur, out);
                flush(cur, out);
            }
            "a" => walk(&child, Inline { link: true, ..at }, cur, out),
            "time" => walk(&child, Inline { time: true, ..at }, cur, out),
            _ => walk(&child, at, cur, out),
        }
    }
}

fn flush(cur: &mut Block, out: &mut Vec<Block>) {
    let text = normalize_paragraph(&cur.text);
    if !text.is_empty() {
        out.push(Block { text, link_chars: cur.link_chars, time_chars: cur.time_chars });
    }
    *cur = Block::default();
}

/// Most words of a label a template sets above the headline or the lead.
const LABEL_MAX_WORDS: usize = 3;

/// Drop the labels that open an article's blocks: a section name, a kicker
/// or a series tag set above the headline ("Transportation", "Local News",
/// "Analysis"). Such a block is a few words that close no sentence and
/// stand before any prose; kept, it became a statement of the outlet's in
/// one template of a page and not in another. A line of the article's
/// own this short, in that place, would be a heading, which states nothing
/// either. The last block always stays.
fn drop_leading_labels(paragraphs: &mut Vec<String>) {
    let labels = paragraphs.iter().take(paragraphs.len().saturating_sub(1)).take_while(|p| is_label(p)).count();
    paragraphs.drain(..labels);
}

/// A few words, no sentence: the shape of a label, not of prose.
fn is_label(p: &str) -> bool {
    p.split_whitespace().count() <= LABEL_MAX_WORDS && p.chars().count() < 40 && !ends_sentence(p)
}

fn keep_block(b: &Block, title_key: Option<&str>, byline_key: Option<&str>, authors: &[String]) -> bool {
    let chars = b.text.chars().count();
    if !b.text.chars().any(char::is_alphanumeric) {
        return false;
    }
    // A block that is all a `<time>` element is the page's stamp of a post
    // or of a live blog's entry ("3:42 p.m. ET"), machine-readable and no
    // sentence; a `<time>` inside a sentence leaves the sentence's words.
    if b.time_chars > 0 && b.time_chars == b.text.chars().filter(|c| !c.is_whitespace()).count() {
        return false;
    }
    if is_sign_off(&b.text, authors) {
        return false;
    }
    // Lists of links (related stories, tags) rather than prose, also when
    // the links are labelled rather than marked up: "Macron's jibe
    // [INSIGHT] | Game called off [VIDEO]".
    if (b.link_chars * 10 >= chars * 8 && chars < 200) || section_labels(&b.text) >= 2 {
        return false;
    }
    let key = squash(&b.text);
    if title_key.is_some_and(|t| key == t) {
        return false;
    }
    if chars < 100 {
        let lower = b.text.to_lowercase();
        // Whole words only: "Subscribers said..." is prose.
        let opens_with = |p: &str| {
            lower.strip_prefix(p).is_some_and(|rest| {
                p.ends_with(|c: char| !c.is_alphanumeric()) || !rest.starts_with(|c: char| c.is_alphanumeric())
            })
        };
        if BOILERPLATE_PREFIXES.iter().any(|p| opens_with(p)) {
            return false;
        }
        // Bylines and datelines that sit in the article container without
        // a class saying so: "By Jane Doe, political editor", "Updated:
        // 5 March 2024 17:20".
        let by = key.strip_prefix("by").unwrap_or(&key);
        if byline_key.is_some_and(|n| by.starts_with(n) || key == n) {
            return false;
        }
        if meta::parse_date(&b.text).is_some()
            || is_date_line(&lower)
            || is_comment_count(&lower)
            || crate::time::is_timestamp_line(&b.text)
        {
            return false;
        }
        // A shortcode the site's CMS failed to render ("[button link=...]
        // Send us your review[/button]").
        if b.text.starts_with('[') && b.text.contains("[/") {
            return false;
        }
    }
    if chars < 300 {
        let lower = b.text.to_lowercase();
        if is_contact_or_signup(&lower)
            || is_address_block(&lower)
            || ends_with_photo_credit(&lower)
            || lower.contains('©')
            || lower.starts_with("a version of this article appears in print")
        {
            return false;
        }
    }
    true
}

/// Day and month names of the languages news pages are most often in after
/// English (whose names are [`crate::time::is_english_calendar_word`]'s):
/// Portuguese, Spanish, French, German, Italian, lowercase and without
/// accents' variants where pages drop them.
const CALENDAR_WORDS: &[&str] = &[
    "segunda",
    "terça",
    "terca",
    "quarta",
    "quinta",
    "sexta",
    "sábado",
    "sabado",
    "domingo",
    "feira",
    "janeiro",
    "fevereiro",
    "março",
    "marco",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
    "lunes",
    "martes",
    "miércoles",
    "miercoles",
    "jueves",
    "viernes",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "janvier",
    "février",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "decembre",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "januar",
    "februar",
    "märz",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "lunedì",
    "martedì",
    "mercoledì",
    "giovedì",
    "venerdì",
    "sabato",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
];

/// Words that join the parts of a written date or time in those languages
/// (and the time zones pages name, [`crate::time::ZONES`]).
const CALENDAR_JOINERS: &[&str] = &[
    "de", "del", "às", "as", "a", "las", "à", "le", "el", "the", "of", "on", "at", "um", "am", "pm", "uhr", "h", "alle",
];

/// A line that is only a date, in any of the languages above: "sexta-feira,
/// 22 de outubro de 2010 às 20:13", "Montag, 3. März 2025, 14:05 Uhr". The
/// page's own time, not a sentence of the article.
fn is_date_line(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let named = words.iter().filter(|w| CALENDAR_WORDS.contains(w) || crate::time::is_english_calendar_word(w)).count();
    // "22", "3rd", "09h12".
    let number = |w: &str| {
        let rest: String = w.chars().filter(|c| !c.is_ascii_digit()).collect();
        w.starts_with(|c: char| c.is_ascii_digit()) && matches!(rest.as_str(), "" | "h" | "st" | "nd" | "rd" | "th")
    };
    let numbers = words.iter().filter(|w| number(w)).count();
    let joiners = words.iter().filter(|w| CALENDAR_JOINERS.contains(w) || crate::time::ZONES.contains(w)).count();
    words.len() <= 14 && named >= 1 && numbers >= 1 && named + numbers + joiners == words.len()
}

/// A comment section's badge: "38 comments", "Comments (41)", "1 reply".
fn is_comment_count(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let count = words.iter().filter(|w| w.chars().all(|c| c.is_ascii_digit())).count();
    let label = words.iter().filter(|w| matches!(**w, "comment" | "comments" | "reply" | "replies")).count();
    count == 1 && label == 1 && words.len() == 2
}

/// An author's contact line or a newsletter pitch: "Have a tip? Jo may be
/// reached at jo@example.com. Follow her on Twitter", "Get the latest
/// updates in your inbox. Subscribe to our newsletters."
fn is_contact_or_signup(lower: &str) -> bool {
    let network = ["twitter", "facebook", "instagram", "linkedin", "youtube"].iter().any(|n| lower.contains(n));
    let follow =
        ["follow him", "follow her", "follow them", "follow me", "follow us"].iter().any(|f| lower.contains(f))
            && network
            || lower.starts_with("follow ") && (network || lower.contains("http"));
    let reach = ["may be reached at", "can be reached at", "be reached by email"].iter().any(|r| lower.contains(r));
    // The outlet's call for readers' stories: "Have you been affected?
    // Email us at news@example.com".
    let call_out = lower.contains('@')
        && ["email us", "e-mail us", "contact us", "get in touch", "share your story", "share your experience"]
            .iter()
            .any(|w| lower.contains(w));
    let newsletter = lower.contains("newsletter")
        && ["sign up", "inbox"].iter().any(|w| lower.contains(w))
        && lower.split_whitespace().count() < 30;
    follow || reach || newsletter || call_out
}

/// Verbs an author's bio goes on with after the name: "NAME is the
/// paper's coastal reporter", "NAME covers the courts".
const BIO_VERBS: &[&str] = &["is", "covers", "writes", "reports", "has covered", "has written", "has reported"];

/// A short paragraph about one of the byline's authors, opening with the
/// name: the bio a template sets after the article.
fn is_author_bio(paragraph: &str, authors: &[String]) -> bool {
    paragraph.chars().count() < 300
        && authors.iter().any(|name| {
            paragraph.strip_prefix(name.as_str()).and_then(|rest| rest.strip_prefix(' ')).is_some_and(|rest| {
                BIO_VERBS.iter().any(|v| rest.strip_prefix(v).is_some_and(|after| after.starts_with(' ')))
            })
        })
}

/// One of the byline's authors signing off a post or a live blog's entry
/// on a line of their own: "— Mara Quist", "-- Leo Barrett".
fn is_sign_off(text: &str, authors: &[String]) -> bool {
    let name = text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}'));
    let name = name.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    authors.iter().any(|a| a == name)
}

/// Labels of a picture's credit, as captions close with them.
const CREDIT_LABELS: &[&str] =
    &["image", "images", "photo", "photos", "photograph", "photographs", "picture", "pictures", "pic", "credit"];

/// A photo caption left in the article's flow (a template that marks it
/// up as a plain paragraph): a short block that closes with the picture's
/// credit, "… in October (Image: Owen Bracken)" or "… in October.
/// Photograph: Ann Lee/Agency". Prose names a photographer without a
/// label, or with more words after it.
fn ends_with_photo_credit(lower: &str) -> bool {
    let text = lower.trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    let tail = match text.strip_suffix(')') {
        Some(inside) => match inside.rfind('(') {
            Some(open) => &inside[open + 1..],
            None => return false,
        },
        None => match text.rfind(". ") {
            Some(stop) => &text[stop + 2..],
            None => return false,
        },
    };
    let Some((label, credit)) = tail.split_once([':', '/']) else {
        return false;
    };
    let label = label.trim();
    let label = label.strip_suffix(" credit").unwrap_or(label);
    let label = label.rsplit(' ').next().unwrap_or(label);
    // The credit is a name and perhaps an agency, not a sentence.
    let words = credit.split_whitespace().count();
    tail.len() < text.len() && CREDIT_LABELS.contains(&label) && (1..=6).contains(&words) && !credit.contains(". ")
}

/// How many bracketed capitals label links in a text: "[VIDEO]",
/// "[PICS]", "[INSIGHT]". Prose brackets words of a quotation in lowercase
/// ("[the minister]") and rarely shouts.
fn section_labels(text: &str) -> usize {
    text.split('[')
        .skip(1)
        .filter(|rest| {
            rest.split_once(']').is_some_and(|(label, _)| {
                label.len() >= 3 && label.len() <= 12 && label.chars().all(|c| c.is_ascii_uppercase())
            })
        })
        .count()
}

/// The outlet's postal block: "1625 K Street, NW Suite 900 Washington DC
/// 20006 | 202-628-8500 tel | 202-628-8503 fax". A telephone number beside
/// a "tel", "fax" or "phone" label or a `|` separator; prose that mentions a
/// number ("call 555-123-4567 for tickets") has neither.
fn is_address_block(lower: &str) -> bool {
    let labelled = lower.contains('|')
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| matches!(w, "tel" | "fax" | "phone" | "telephone"));
    labelled && phone_numbers(lower) >= 1
}

/// How many telephone numbers a text holds: runs of 10 to 15 digits kept
/// together only by spaces, dots, hyphens, slashes and brackets
/// ("202-628-8500", "(202) 628 8500", "+44 20 7946 0000").
fn phone_numbers(text: &str) -> usize {
    let mut found = 0;
    let (mut digits, mut span) = (0, 0);
    for c in text.chars().chain(std::iter::once('x')) {
        if c.is_ascii_digit() {
            digits += 1;
            span += 1;
        } else if digits > 0 && matches!(c, ' ' | '.' | '-' | '/' | '(' | ')' | '+') && span < 20 {
            span += 1;
        } else {
            found += usize::from((10..=15).contains(&digits));
            (digits, span) = (0, 0);
        }
    }
    found
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
