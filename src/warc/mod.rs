//! Web archives (WARC, ISO 28500) in and out: reading the captures of
//! article pages from `.warc` and `.warc.gz` files (wget, Heritrix,
//! Browsertrix and claimtrail itself write them), and writing fetches and
//! recorded pages as WARC records. The record framing is the `warc` crate's;
//! this module owns the HTTP layer inside a record (status, chunked and
//! compressed bodies) and what counts as an article. It never touches the
//! store.

pub mod export;
pub mod import;
pub mod write;

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::Serialize;
use warc::{RawRecordHeader, WarcHeader, WarcReader};

/// The header naming, in a WARC claimtrail wrote, the source a revision
/// was recorded from (a URL or a file name), so a re-import is exact.
pub const SOURCE_HEADER: &str = "WARC-Claimtrail-Source";
/// The header naming the story a recorded page belongs to.
pub const STORY_HEADER: &str = "WARC-Claimtrail-Story";
/// The header giving the revision's number in its story: a story's
/// revisions are re-imported in this order even when their capture times
/// are not in order.
pub const REVISION_HEADER: &str = "WARC-Claimtrail-Revision";

/// Media types claimtrail reads as articles.
pub const ARTICLE_TYPES: [&str; 6] =
    ["text/html", "application/xhtml+xml", "text/plain", "text/markdown", "text/x-markdown", "application/xml"];

/// Whether a Content-Type names an article.
pub fn is_article_type(content_type: Option<&str>) -> bool {
    let mime = content_type.and_then(|c| c.split(';').next()).unwrap_or("").trim().to_ascii_lowercase();
    ARTICLE_TYPES.contains(&mime.as_str())
}

/// One capture of a page: what a `response` (or `resource`) record held.
#[derive(Clone, Debug)]
pub struct Capture {
    /// The record's WARC-Target-URI.
    pub url: String,
    /// Its WARC-Date.
    pub at: DateTime<Utc>,
    /// The page as served: HTTP framing removed, chunks joined, content
    /// encoding undone.
    pub payload: Vec<u8>,
    /// The source and story claimtrail recorded it under, when it wrote
    /// the WARC.
    pub source: Option<String>,
    pub story: Option<String>,
    pub revision: Option<u32>,
}

/// Records read but not imported, by reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Skipped {
    /// `revisit` records: a capture that says "same as before".
    pub revisits: u64,
    /// Responses that are not articles (images, scripts, style sheets).
    pub not_articles: u64,
    /// Responses with a status other than 2xx, or that cannot be decoded.
    pub failed: u64,
    /// Responses larger than --max-bytes.
    pub too_large: u64,
}

impl Skipped {
    pub fn total(&self) -> u64 {
        self.revisits + self.not_articles + self.failed + self.too_large
    }
}

/// Why a WARC could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {problem}")]
pub struct ReadError {
    pub path: PathBuf,
    pub problem: String,
}

/// Whether `path` names WARC input: a `.warc` or `.warc.gz` file, or a
/// directory holding such files (and no story folders).
pub fn is_warc_input(path: &Path) -> bool {
    if path.is_dir() {
        return warc_files(path).is_ok_and(|f| !f.is_empty());
    }
    is_warc_name(path)
}

fn is_warc_name(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    name.ends_with(".warc") || name.ends_with(".warc.gz")
}

/// The WARC files of a directory, in name order.
pub fn warc_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && is_warc_name(p))
        .collect();
    files.sort();
    Ok(files)
}

/// Read every capture of an article page in one WARC file, checking the
/// whole file before anything is written.
pub fn read_file(path: &Path, max_bytes: u64) -> Result<(Vec<Capture>, Skipped), ReadError> {
    let fail = |problem: String| ReadError { path: path.to_path_buf(), problem };
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    let mut head = [0u8; 2];
    let gz = {
        let mut f = &file;
        f.read_exact(&mut head).is_ok() && head == [0x1f, 0x8b]
    };
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    // A .warc.gz is a series of gzip members, one per record.
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(BufReader::new(file))))
    } else {
        Box::new(BufReader::new(file))
    };
    // Anything else (random bytes, a text file named .warc) reads as no
    // records at all: refused, not imported as an empty archive.
    let mut reader = reader;
    let head = reader.fill_buf().map_err(|e| fail(format!("it is not a WARC file: {e}")))?;
    if !head.starts_with(b"WARC/") {
        return Err(fail(if head.is_empty() {
            "it is empty, not a WARC file".to_string()
        } else {
            "it is not a WARC file (it does not start with a WARC/1.x record)".to_string()
        }));
    }
    let mut captures = Vec::new();
    let mut skipped = Skipped::default();
    for (n, record) in WarcReader::new(reader).iter_raw_records().enumerate() {
        let (header, block) = record.map_err(|e| fail(format!("record {} is not a WARC record: {e}", n + 1)))?;
        let field = |h: WarcHeader| header.headers.get(&h).map(|v| String::from_utf8_lossy(v).trim().to_string());
        let kind = field(WarcHeader::WarcType).unwrap_or_default().to_ascii_lowercase();
        if kind == "revisit" {
            skipped.revisits += 1;
            continue;
        }
        if kind != "response" && kind != "resource" {
            // warcinfo, request, metadata, conversion: not captures.
            continue;
        }
        let url = field(WarcHeader::TargetURI).unwrap_or_default();
        let url = url.trim_start_matches('<').trim_end_matches('>').to_string();
        let date = field(WarcHeader::Date).unwrap_or_default();
        let at = DateTime::parse_from_rfc3339(&date)
            .map_err(|_| fail(format!("record {} ({url}) has no valid WARC-Date: {date:?}", n + 1)))?
            .with_timezone(&Utc);
        let payload = if kind == "resource" {
            if !is_article_type(field(WarcHeader::ContentType).as_deref()) {
                skipped.not_articles += 1;
                continue;
            }
            block
        } else {
            match http_payload(&block) {
                Ok(Payload::Article(body)) => body,
                Ok(Payload::NotArticle) => {
                    skipped.not_articles += 1;
                    continue;
                }
                Ok(Payload::Failed) | Err(_) => {
                    skipped.failed += 1;
                    continue;
                }
            }
        };
        if payload.len() as u64 > max_bytes {
            skipped.too_large += 1;
            continue;
        }
        let custom = |name: &str| custom_field(&header, name);
        captures.push(Capture {
            url,
            at,
            payload,
            source: custom(SOURCE_HEADER),
            story: custom(STORY_HEADER),
            revision: custom(REVISION_HEADER).and_then(|n| n.parse().ok()),
        });
    }
    Ok((captures, skipped))
}

fn custom_field(header: &RawRecordHeader, name: &str) -> Option<String> {
    header
        .headers
        .iter()
        .find(|(k, _)| k.to_string().eq_ignore_ascii_case(name))
        .map(|(_, v)| String::from_utf8_lossy(v).trim().to_string())
}

/// What an HTTP response block holds.
#[derive(Debug, PartialEq, Eq)]
enum Payload {
    Article(Vec<u8>),
    NotArticle,
    Failed,
}

/// Split an HTTP response into status, headers and body; undo chunking and
/// content encoding.
fn http_payload(block: &[u8]) -> Result<Payload, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut resp = httparse::Response::new(&mut headers);
    let body_at = match resp.parse(block).map_err(|e| e.to_string())? {
        httparse::Status::Complete(n) => n,
        httparse::Status::Partial => return Err("the HTTP header is cut short".into()),
    };
    if !resp.code.is_some_and(|c| (200..300).contains(&c)) {
        return Ok(Payload::Failed);
    }
    let get = |name: &str| {
        resp.headers
            .iter()
            .find(|h| h.name.eq_ignore_ascii_case(name))
            .map(|h| String::from_utf8_lossy(h.value).trim().to_ascii_lowercase())
    };
    if !is_article_type(get("content-type").as_deref()) {
        return Ok(Payload::NotArticle);
    }
    let mut body = block[body_at..].to_vec();
    if get("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match get("content-encoding").as_deref() {
        None | Some("" | "identity") => {}
        Some("gzip" | "x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
        Some("deflate") => {
            // "deflate" is zlib-wrapped by the standard, raw by some servers.
            body = inflate(flate2::read::ZlibDecoder::new(&body[..]))
                .or_else(|_| inflate(flate2::read::DeflateDecoder::new(&body[..])))?;
        }
        Some(other) => return Err(format!("unknown content encoding {other:?}")),
    }
    Ok(Payload::Article(body))
}

fn inflate(mut r: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    r.read_to_end(&mut out).map_err(|e| format!("the compressed body is damaged: {e}"))?;
    Ok(out)
}

/// Join the chunks of a `Transfer-Encoding: chunked` body.
fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = body.windows(2).position(|w| w == b"\r\n").ok_or("a chunk size line is missing")?;
        let size_text = std::str::from_utf8(&body[..line_end]).map_err(|_| "a chunk size is not text")?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16).map_err(|_| format!("bad chunk size {size_text:?}"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        if body.len() < size {
            return Err("a chunk is cut short".into());
        }
        out.extend_from_slice(&body[..size]);
        body = body[size..].strip_prefix(b"\r\n").unwrap_or(&body[size..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_and_gzip_bodies_are_decoded() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"<p>The harbour fire is out.</p>").unwrap();
        let zipped = gz.finish().unwrap();
        let (a, b) = zipped.split_at(7);
        let mut block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n".to_vec();
        for part in [a, b] {
            block.extend_from_slice(format!("{:x}\r\n", part.len()).as_bytes());
            block.extend_from_slice(part);
            block.extend_from_slice(b"\r\n");
        }
        block.extend_from_slice(b"0\r\n\r\n");
        assert_eq!(http_payload(&block).unwrap(), Payload::Article(b"<p>The harbour fire is out.</p>".to_vec()));
    }

    #[test]
    fn failures_and_non_articles_are_told_apart() {
        let notfound = b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\ngone";
        assert_eq!(http_payload(notfound).unwrap(), Payload::Failed);
        let png = b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG";
        assert_eq!(http_payload(png).unwrap(), Payload::NotArticle);
        assert!(dechunk(b"zz\r\nabc").is_err());
    }
}
