//! Character sets: turning the bytes of an HTML or Markdown input into text.
//!
//! Owns the decision of which encoding applies (byte order mark first, then a
//! charset the page declares, then UTF-8) and reports any replaced bytes as a
//! warning. It must never fail: bad bytes become U+FFFD, never an error,
//! because a page that is mostly readable is still worth recording.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into a page a `<meta charset>` is looked for. The HTML standard
/// says 1024 bytes, but real pages put long scripts and comments first, and
/// a missed declaration garbles every non-ASCII character of the article.
const PRESCAN_BYTES: usize = 8192;

/// Bytes decoded, with the warnings met on the way.
#[derive(Debug)]
pub(super) struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub warnings: Vec<String>,
}

/// The encoding announced by a byte order mark, and the mark's length.
pub(super) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Decode bytes as text: a BOM wins, then `declared` (a charset the caller
/// found), then UTF-8.
pub(super) fn decode<'a>(bytes: &'a [u8], declared: Option<&str>) -> Decoded<'a> {
    let mut warnings = Vec::new();
    let (encoding, body, source) = if let Some((enc, len)) = bom(bytes) {
        (enc, &bytes[len..], "its byte order mark")
    } else if let Some(label) = declared {
        match Encoding::for_label(label.trim().as_bytes()) {
            // A page cannot declare UTF-16 in ASCII-compatible bytes it has
            // just been read with; the standard says to read it as UTF-8.
            Some(enc) if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE => {
                (UTF_8, bytes, "its declaration")
            }
            // Pages re-served by a new CMS often keep an old latin1 meta tag
            // over UTF-8 bytes. Real windows-1252 prose is almost never valid
            // UTF-8 once it has non-ASCII bytes, so the bytes win.
            Some(enc) if enc != UTF_8 && !bytes.is_ascii() && std::str::from_utf8(bytes).is_ok() => {
                warnings.push(format!("charset {} declared but the bytes are UTF-8; read as UTF-8", enc.name()));
                (UTF_8, bytes, "the bytes")
            }
            Some(enc) => (enc, bytes, "its declaration"),
            None => {
                warnings.push(format!("unknown charset {label:?} declared; read as UTF-8"));
                (UTF_8, bytes, "the UTF-8 default")
            }
        }
    } else {
        (UTF_8, bytes, "no declaration")
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        let replaced = text.chars().filter(|&c| c == '\u{fffd}').count();
        warnings.push(if source == "no declaration" {
            format!("{replaced} byte sequence(s) are not UTF-8 and no charset is declared; replaced with U+FFFD")
        } else {
            format!(
                "{replaced} byte sequence(s) are not valid {} (as given by {source}); replaced with U+FFFD",
                encoding.name()
            )
        });
    }
    Decoded { text, warnings }
}

/// The charset an HTML page declares in its first bytes: `<meta charset>`,
/// `<meta http-equiv="Content-Type" content="...; charset=...">`, or an XML
/// declaration's `encoding`.
pub(super) fn declared_html_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    if lower.starts_with(b"<?xml")
        && let Some(end) = find(&lower, b"?>", 0)
        && let Some(v) = value_after(&lower[..end], b"encoding")
    {
        return Some(v);
    }
    let mut at = 0;
    while let Some(start) = find(&lower, b"<meta", at) {
        let end = find(&lower, b">", start).unwrap_or(lower.len());
        let tag = &lower[start..end];
        if let Some(v) = value_after(tag, b"charset") {
            return Some(v);
        }
        at = end;
    }
    None
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

/// The value after `key=` in a tag, without quotes; `key` may sit inside a
/// `content` attribute (`text/html; charset=iso-8859-1`).
fn value_after(tag: &[u8], key: &[u8]) -> Option<String> {
    let mut at = 0;
    while let Some(k) = find(tag, key, at) {
        at = k + key.len();
        let rest = &tag[at..];
        let rest = trim_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_start(rest);
        let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
        let len = rest
            .iter()
            .position(|&b| matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        if len > 0 {
            return Some(String::from_utf8_lossy(&rest[..len]).into_owned());
        }
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_meta_charset_forms() {
        assert_eq!(
            declared_html_charset(b"<html><head><meta charset=\"windows-1252\">").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(
            declared_html_charset(b"<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>")
                .as_deref(),
            Some("iso-8859-1")
        );
        assert_eq!(
            declared_html_charset(b"<?xml version=\"1.0\" encoding=\"Shift_JIS\"?><html>").as_deref(),
            Some("shift_jis")
        );
        assert_eq!(declared_html_charset(b"<html><head><title>x</title>"), None);
    }

    #[test]
    fn declared_charset_decodes_without_warning() {
        let d = decode(b"caf\xe9 \x93quoted\x94", Some("windows-1252"));
        assert_eq!(d.text, "café \u{201c}quoted\u{201d}");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn undeclared_bad_bytes_are_replaced_and_reported() {
        let d = decode(b"caf\xe9", None);
        assert_eq!(d.text, "caf\u{fffd}");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn utf8_bytes_under_a_latin1_declaration_stay_utf8() {
        let d = decode("café".as_bytes(), Some("iso-8859-1"));
        assert_eq!(d.text, "café");
        assert_eq!(d.warnings.len(), 1);
        // ASCII-only pages decode the same either way, without a warning.
        let d = decode(b"cafe", Some("iso-8859-1"));
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn bom_wins_over_declaration() {
        let d = decode(b"\xef\xbb\xbfcaf\xc3\xa9", Some("windows-1252"));
        assert_eq!(d.text, "café");
    }
}
