//! A nesting limit applied to HTML source before it is parsed.
//!
//! html5ever's tree builder looks up its stack of open elements on every
//! start tag ("is there a `<p>` in button scope?"), so a page of 100,000
//! nested `<div>`s costs 100,000 × 100,000 steps before any of our code runs:
//! about a minute for 1.1 MB. Browsers cap the tree's depth (Blink at 512)
//! and hang deeper content flat; this does the same on the source text, in
//! one linear pass, so that the parser's stack never grows past the limit.
//!
//! Only tags are dropped, never text: a start tag that would open an element
//! deeper than the limit is left out, and so is the end tag that closes it.
//! The pass must not change a page that stays under the limit (every real
//! page does, by a wide margin), so it returns the input untouched then.

use std::borrow::Cow;
use std::collections::HashMap;

/// Deepest element kept open, counting only elements that need an end tag
/// (see `closes_itself`). Blink's limit.
pub(super) const MAX_OPEN: usize = 512;

/// Elements with no content and no end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements whose end tag may be left out: the parser closes them itself
/// when a sibling opens, so they never pile up on its stack.
const IMPLIED_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp",
    "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag: tags inside
/// them are not tags.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];

/// The page with elements nested deeper than `MAX_OPEN` unwrapped into their
/// ancestor at that depth; borrowed when nothing had to change.
pub(super) fn limit_depth(html: &str) -> Cow<'_, str> {
    if scan(html, None) {
        let mut out = String::with_capacity(html.len());
        scan(html, Some(&mut out));
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

/// Walk the tags of `html`, tracking open elements. Without `out`, report
/// whether any start tag would go past the limit; with it, copy the page
/// into `out` less the tags past the limit (the return value is then
/// meaningless).
fn scan(html: &str, mut out: Option<&mut String>) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    // Per element name, start tags left out whose end tags are still due.
    let mut dropped: HashMap<String, usize> = HashMap::new();
    // Inside `<svg>` or `<math>`, `/>` closes an element (it does not in HTML).
    let mut foreign = 0usize;
    let mut copied = 0;
    let mut i = 0;
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        let start = i + lt;
        let Some(tag) = read_tag(bytes, start) else {
            i = start + 1;
            continue;
        };
        i = tag.end;
        let Some(name) = tag.name else {
            continue; // a comment, doctype or processing instruction
        };
        if tag.closing {
            if let Some(n) = dropped.get_mut(&name)
                && *n > 0
            {
                *n -= 1;
                if let Some(out) = out.as_deref_mut() {
                    out.push_str(&html[copied..start]);
                    copied = tag.end;
                }
                continue;
            }
            // Bounded by MAX_OPEN, so this stays linear in the page.
            if let Some(at) = open.iter().rposition(|o| *o == name) {
                for closed in open.drain(at..) {
                    if closed == "svg" || closed == "math" {
                        foreign = foreign.saturating_sub(1);
                    }
                }
            }
            continue;
        }
        if foreign == 0 && RAW_TEXT.contains(&name.as_str()) {
            // Skip to the matching end tag; the content is not markup.
            let close = format!("</{name}");
            i = find_ci(bytes, close.as_bytes(), i).unwrap_or(bytes.len());
            continue;
        }
        let self_closing = tag.self_closing && foreign > 0;
        if VOID.contains(&name.as_str()) || IMPLIED_END.contains(&name.as_str()) || self_closing {
            continue;
        }
        if open.len() >= MAX_OPEN {
            match out.as_deref_mut() {
                None => return true,
                Some(out) => {
                    out.push_str(&html[copied..start]);
                    copied = tag.end;
                    *dropped.entry(name).or_default() += 1;
                }
            }
            continue;
        }
        if name == "svg" || name == "math" {
            foreign += 1;
        }
        open.push(name);
    }
    if let Some(out) = out {
        out.push_str(&html[copied..]);
    }
    false
}

/// One tag (or comment) in the source.
struct Tag {
    /// Lowercased element name; `None` for comments, doctypes and `<?...>`.
    name: Option<String>,
    closing: bool,
    self_closing: bool,
    /// Byte offset just past the tag.
    end: usize,
}

/// Read the tag that starts at `bytes[start] == b'<'`, or `None` when the
/// `<` is text (not followed by a letter, `/`, `!` or `?`).
fn read_tag(bytes: &[u8], start: usize) -> Option<Tag> {
    let rest = &bytes[start + 1..];
    match rest.first()? {
        b'!' => {
            let end = if rest.starts_with(b"!--") {
                find(bytes, b"-->", start + 4).map_or(bytes.len(), |e| e + 3)
            } else {
                memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1)
            };
            Some(Tag { name: None, closing: false, self_closing: false, end })
        }
        b'?' => {
            let end = memchr(b'>', rest).map_or(bytes.len(), |e| start + 1 + e + 1);
            Some(Tag { name: None, closing: false, self_closing: false, end })
        }
        _ => {
            let closing = rest[0] == b'/';
            let name_start = start + 1 + usize::from(closing);
            if !bytes.get(name_start)?.is_ascii_alphabetic() {
                return None;
            }
            let name_end = bytes[name_start..]
                .iter()
                .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
                .map_or(bytes.len(), |p| name_start + p);
            let name = String::from_utf8_lossy(&bytes[name_start..name_end]).to_ascii_lowercase();
            let end = tag_end(bytes, name_end);
            let self_closing = end >= 2 && bytes[end - 2] == b'/' && bytes[end - 1] == b'>';
            Some(Tag { name: Some(name), closing, self_closing, end })
        }
    }
}

/// The offset past the `>` that ends a tag's attributes, skipping quoted
/// values (a `>` inside `title="a > b"` does not end the tag).
fn tag_end(bytes: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < bytes.len() {
        let c = bytes[i];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'>' => return i + 1,
            None => {}
        }
        i += 1;
    }
    bytes.len()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

/// Like `find`, ignoring ASCII case.
fn find_ci(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_untouched() {
        let page = "<html><body><div class='a > b'><p>One<p>Two</div><svg><path d=''/></svg>\
                    <script>if (a < b) { x = '<div>'; }</script><!-- <div> --></body></html>";
        assert!(matches!(limit_depth(page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_past_the_limit_are_dropped_with_their_end_tags_and_text_is_kept() {
        let n = MAX_OPEN + 100;
        let page = format!("<body>{}text{}<p>after</p></body>", "<div>".repeat(n), "</div>".repeat(n));
        let limited = limit_depth(&page);
        // `<body>` has an implied end, so every one of the `<div>`s counts.
        assert_eq!(limited.matches("<div>").count(), MAX_OPEN);
        assert_eq!(limited.matches("</div>").count(), MAX_OPEN);
        assert!(limited.contains("text") && limited.contains("<p>after</p>"));
    }

    #[test]
    fn unclosed_paragraphs_and_void_elements_do_not_count() {
        let page = format!("<body>{}</body>", "<p>para<br><img src=x>".repeat(MAX_OPEN * 2));
        assert!(matches!(limit_depth(&page), Cow::Borrowed(_)));
    }
}
