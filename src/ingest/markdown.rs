//! Markdown articles: markup stripped by pulldown-cmark, one paragraph per
//! block (paragraph, heading, list item, quote, code block, table cell).
//!
//! The first level-one heading is the title, not a paragraph; a YAML front
//! matter block may give `title`, `author` and `date`. Raw HTML inside the
//! Markdown is dropped rather than interpreted.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{
    Document, Format,
    meta::{parse_date, people},
    normalize_paragraph,
};

pub(super) fn read_markdown(text: &str, warnings: Vec<String>) -> Document {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut doc = Document {
        format: Format::Markdown,
        title: None,
        byline: None,
        authors: Vec::new(),
        dateline: None,
        language: None,
        published: None,
        modified: None,
        canonical_url: None,
        paragraphs: Vec::new(),
        warnings,
    };
    let mut cur = String::new();
    let mut in_h1 = false;
    let mut in_metadata = false;
    let mut in_footnote = false;
    for event in Parser::new_ext(text, opts) {
        match event {
            Event::Start(Tag::MetadataBlock(_)) => in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => in_metadata = false,
            Event::Text(t) if in_metadata => front_matter(&t, &mut doc),
            Event::Start(Tag::FootnoteDefinition(_)) => in_footnote = true,
            Event::End(TagEnd::FootnoteDefinition) => in_footnote = false,
            _ if in_footnote => {}
            Event::Start(Tag::Heading { level: HeadingLevel::H1, .. }) if doc.title.is_none() => {
                flush(&mut cur, &mut doc.paragraphs);
                in_h1 = true;
            }
            Event::End(TagEnd::Heading(HeadingLevel::H1)) if in_h1 => {
                in_h1 = false;
                let title = normalize_paragraph(&cur);
                cur.clear();
                if !title.is_empty() {
                    doc.title = Some(title);
                }
            }
            Event::Start(tag) if is_block(&tag) => flush(&mut cur, &mut doc.paragraphs),
            Event::End(tag) if is_block_end(&tag) => flush(&mut cur, &mut doc.paragraphs),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            // Raw HTML, rules, footnote markers and task boxes carry no prose.
            _ => {}
        }
    }
    flush(&mut cur, &mut doc.paragraphs);
    doc.dateline = super::take_dateline(&mut doc.paragraphs);
    doc
}

fn is_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Paragraph
            | Tag::Heading { .. }
            | Tag::BlockQuote(_)
            | Tag::CodeBlock(_)
            | Tag::List(_)
            | Tag::Item
            | Tag::Table(_)
            | Tag::TableRow
            | Tag::TableCell
            | Tag::HtmlBlock
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Paragraph
            | TagEnd::Heading(_)
            | TagEnd::BlockQuote(_)
            | TagEnd::CodeBlock
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Table
            | TagEnd::TableRow
            | TagEnd::TableCell
            | TagEnd::HtmlBlock
    )
}

fn flush(cur: &mut String, out: &mut Vec<String>) {
    let p = normalize_paragraph(cur);
    if !p.is_empty() {
        out.push(p);
    }
    cur.clear();
}

/// `key: value` lines of a YAML front matter; only flat string values are
/// read, which is what blog engines write for these keys.
fn front_matter(block: &str, doc: &mut Document) {
    for line in block.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim().trim_matches(['"', '\'']).trim();
        if value.is_empty() {
            continue;
        }
        match key.trim().to_ascii_lowercase().as_str() {
            "title" if doc.title.is_none() => doc.title = Some(normalize_paragraph(value)),
            "author" | "byline" if doc.byline.is_none() => {
                doc.byline = Some(normalize_paragraph(value));
                doc.authors = people(value);
            }
            "date" | "published" if doc.published.is_none() => doc.published = parse_date(value),
            "updated" | "modified" | "lastmod" if doc.modified.is_none() => {
                doc.modified = parse_date(value);
            }
            "canonical" | "canonical_url" | "url" if doc.canonical_url.is_none() => {
                doc.canonical_url = Some(value.to_string());
            }
            _ => {}
        }
    }
}

/// Whether text without a name hint is confidently Markdown: it opens with a
/// level-one ATX heading, or shows two different kinds of Markdown syntax
/// that plain prose does not use.
pub(super) fn looks_like_markdown(text: &str) -> bool {
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let Some(first) = lines.next() else {
        return false;
    };
    if first.starts_with("# ") || first.trim() == "---" && text.contains("\ntitle:") {
        return true;
    }
    let (mut heading, mut link, mut fence, mut emphasis) = (false, false, false, false);
    for line in text.lines().take(400) {
        let t = line.trim_start();
        heading |= t.starts_with("## ") || t.starts_with("### ") || t.starts_with("# ");
        fence |= t.starts_with("```");
        link |= t.contains("](") && t.contains('[');
        emphasis |= t.matches("**").count() >= 2;
    }
    [heading, link, fence, emphasis].iter().filter(|&&b| b).count() >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_h1_is_title_and_markup_is_stripped() {
        let d = read_markdown(
            "# The *headline*\n\nFirst [linked](http://x) para\nwrapped.\n\n## Sub\n\n- one\n- two\n\n# Second h1\n",
            Vec::new(),
        );
        assert_eq!(d.title.as_deref(), Some("The headline"));
        assert_eq!(d.paragraphs, vec!["First linked para wrapped.", "Sub", "one", "two", "Second h1"]);
    }

    #[test]
    fn front_matter_gives_metadata() {
        let d = read_markdown(
            "---\ntitle: \"From front matter\"\ndate: 2021-03-04T05:06:07+02:00\n---\n\nBody.\n",
            Vec::new(),
        );
        assert_eq!(d.title.as_deref(), Some("From front matter"));
        assert_eq!(d.published.map(|p| p.to_string()).as_deref(), Some("2021-03-04T05:06:07+02:00"));
        assert_eq!(d.paragraphs, vec!["Body."]);
    }

    #[test]
    fn detection_is_conservative() {
        assert!(looks_like_markdown("# Title\n\nText."));
        assert!(looks_like_markdown("Intro\n\n## Part\n\nSee [this](http://x).\n"));
        assert!(!looks_like_markdown("A plain article.\n\nWith - dashes - and a (note).\n"));
    }
}
