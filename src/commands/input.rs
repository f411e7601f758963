//! Reading a user's input (a file or `-` for stdin) into a [`Document`],
//! with errors that name the input.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::CliError;
use crate::ingest::{self, Document};

/// Inputs larger than this are refused unless `--max-bytes` says otherwise.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Where an input came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
    Url(String),
}

impl Source {
    pub fn parse(arg: Option<&Path>) -> Source {
        match arg {
            None => Source::Stdin,
            Some(p) if p == Path::new("-") => Source::Stdin,
            Some(p) => Source::File(p.to_path_buf()),
        }
    }

    /// How the source is named in messages and in the store.
    pub fn label(&self) -> String {
        match self {
            Source::Stdin => "-".to_string(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }

    fn display_name(&self) -> String {
        match self {
            Source::Stdin => "standard input".to_string(),
            Source::File(p) => p.display().to_string(),
            Source::Url(u) => u.clone(),
        }
    }
}

/// An input read and understood.
#[derive(Debug)]
pub struct Input {
    pub source: Source,
    pub raw: Vec<u8>,
    pub document: Document,
}

/// Read the bytes of a source, refusing more than `max_bytes`.
pub fn read_bytes(source: &Source, max_bytes: u64) -> Result<Vec<u8>, CliError> {
    let mut raw = Vec::new();
    let res = match source {
        Source::Stdin => std::io::stdin().lock().take(max_bytes.saturating_add(1)).read_to_end(&mut raw),
        Source::Url(u) => {
            return Err(CliError::new(format!("cannot read {u} as a file"))
                .with_hint("use `claimtrail track URL` for pages on the web"));
        }
        Source::File(path) => {
            if path.is_dir() {
                return Err(CliError::new(format!("cannot read {}: it is a directory, not a file", path.display()))
                    .with_hint("give the path of an article file"));
            }
            match std::fs::File::open(path) {
                Ok(f) => f.take(max_bytes.saturating_add(1)).read_to_end(&mut raw),
                Err(e) => return Err(CliError::input(path, &e)),
            }
        }
    };
    if let Err(e) = res {
        return Err(match source {
            Source::File(path) => CliError::input(path, &e),
            _ => CliError::new(format!("cannot read {}: {e}", source.display_name())),
        });
    }
    if raw.len() as u64 > max_bytes {
        return Err(CliError::new(format!(
            "cannot read {}: it is larger than the limit of {max_bytes} bytes",
            source.display_name()
        ))
        .with_hint("pass --max-bytes N to raise the limit"));
    }
    if raw.starts_with(&GZIP_MAGIC) {
        return gunzip(source, &raw, max_bytes);
    }
    Ok(raw)
}

/// The first bytes of a gzip file (RFC 1952).
const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// A gzip-compressed input (a saved `page.html.gz`, `curl` output kept
/// compressed) read as what it holds: the article is the decompressed bytes,
/// held to the same limit so a small file cannot expand without bound.
fn gunzip(source: &Source, raw: &[u8], max_bytes: u64) -> Result<Vec<u8>, CliError> {
    let mut out = Vec::new();
    let mut reader = flate2::read::MultiGzDecoder::new(raw).take(max_bytes.saturating_add(1));
    if let Err(e) = reader.read_to_end(&mut out) {
        return Err(CliError::new(format!(
            "cannot read {}: it is gzip-compressed but does not decompress: {e}",
            source.display_name()
        ))
        .with_hint("check that the file was copied whole, or decompress it with gunzip first"));
    }
    if out.len() as u64 > max_bytes {
        return Err(CliError::new(format!(
            "cannot read {}: decompressed, it is larger than the limit of {max_bytes} bytes",
            source.display_name()
        ))
        .with_hint("pass --max-bytes N to raise the limit"));
    }
    Ok(out)
}

/// Turn raw bytes into a document, naming the input in any error.
pub fn document_of(source: &Source, raw: &[u8]) -> Result<Document, CliError> {
    let name = match source {
        Source::File(p) => p.to_str(),
        Source::Url(u) => Some(u.as_str()),
        Source::Stdin => None,
    };
    ingest::read_document(raw, name).map_err(|e| {
        let err = CliError::new(format!("cannot use {} as an article: {e}", source.display_name()));
        match e {
            ingest::IngestError::Binary { .. } => err.with_hint("claimtrail reads text, Markdown and HTML articles"),
            ingest::IngestError::InvalidUtf8 { .. } => {
                err.with_hint("convert the file to UTF-8, or declare its charset in HTML")
            }
            _ => err,
        }
    })
}

/// Refuse a feed, a sitemap or another XML document given as an article:
/// read as text, its markup would become statements. HTML (XHTML
/// included) is an article's format and passes.
pub fn check_article(source: &Source, raw: &[u8]) -> Result<(), CliError> {
    let name = source.display_name();
    if let Some(kind) = crate::track::feeds::kind_of(raw) {
        let what = match kind {
            crate::track::feeds::Kind::Feed => "a news feed (RSS, Atom or JSON Feed)",
            _ => "a sitemap",
        };
        return Err(CliError::new(format!("cannot use {name} as an article: it is {what}, not an article"))
            .with_hint("to record the articles a feed or sitemap lists, follow it: claimtrail track URL"));
    }
    let start = raw.strip_prefix(b"\xef\xbb\xbf").unwrap_or(raw);
    let start = &start[start.iter().position(|c| !c.is_ascii_whitespace()).unwrap_or(start.len())..];
    let head: Vec<u8> = start[..start.len().min(4096)].iter().map(u8::to_ascii_lowercase).collect();
    if head.starts_with(b"<?xml") && !head.windows(5).any(|w| w == b"<html") {
        return Err(CliError::new(format!("cannot use {name} as an article: it is an XML document, not an article"))
            .with_hint("claimtrail records text, Markdown and HTML articles; for a feed, use claimtrail track URL"));
    }
    Ok(())
}

/// Read and understand one input.
pub fn read_input(arg: Option<&Path>, max_bytes: u64) -> Result<Input, CliError> {
    let source = Source::parse(arg);
    let raw = read_bytes(&source, max_bytes)?;
    let document = document_of(&source, &raw)?;
    // What the reading repaired or guessed (bad bytes, a charset, mojibake)
    // is said on stderr: the text recorded is not byte for byte the input.
    for w in &document.warnings {
        eprintln!("warning: {}: {w}", source.display_name());
    }
    Ok(Input { source, raw, document })
}

/// Accept only http and https URLs.
pub fn check_url(url: &str) -> Result<(), CliError> {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !host.starts_with('/') => Ok(()),
        _ => Err(CliError::new(format!("invalid URL {url:?}: only http:// and https:// URLs are supported"))
            .with_hint("give the page's full address, such as https://example.com/news/story")),
    }
}

/// The most sentences (counted by their end marks and paragraph breaks) a
/// recorded revision may hold. Each statement, and each word new to the
/// index, becomes keys of one atomic store batch, and sled holds about 5 KB
/// per key until the batch is written: these two limits keep one revision's
/// write under about 1 GB whatever the input. Real articles hold hundreds of
/// sentences and a few thousand distinct words; a long report tens of
/// thousands at most.
pub const MAX_SENTENCES: usize = 20_000;

/// The most distinct words a recorded revision may hold (see
/// [`MAX_SENTENCES`]).
pub const MAX_WORDS: usize = 50_000;

/// Refuse, before extraction and before the store is opened, a document
/// whose statements and index terms would take unbounded memory to record.
/// Linear in the text, and it stops counting at the limits.
pub fn check_recordable(source: &Source, document: &Document) -> Result<(), CliError> {
    let refuse = |what: String| {
        CliError::new(format!("cannot record {}: {what}", source.display_name())).with_hint(
            "claimtrail records news articles; split a text this large into several stories, or use `claimtrail extract` on it",
        )
    };
    let mut sentences = 0usize;
    // Words already in lowercase (most of them) are borrowed, not copied:
    // `import` checks every file this way before it records any. (foldhash,
    // seeded per process: SipHash was 3-5% of a PostgreSQL import's client
    // CPU here, and the words are the input's, so the seed stays.)
    let mut words: std::collections::HashSet<std::borrow::Cow<'_, str>, foldhash::fast::RandomState> =
        std::collections::HashSet::default();
    for paragraph in &document.paragraphs {
        let mark = |c: char| matches!(c, '.' | '!' | '?' | '…' | '"' | '“' | '”');
        // Each mark may end a sentence or a quote; so does a paragraph's end.
        sentences +=
            paragraph.chars().filter(|&c| mark(c)).count() + usize::from(!paragraph.trim_end().ends_with(mark));
        if sentences > MAX_SENTENCES {
            // What is counted is marks, not sentences found: a quotation
            // is two marks, an abbreviation's period one.
            return Err(refuse(format!(
                "it holds more than {MAX_SENTENCES} sentence-ending and quotation marks (. ! ? … \" “ ” and paragraph ends, each counted)"
            )));
        }
        for word in paragraph.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            let lowercase = match word.is_ascii() {
                true => !word.bytes().any(|b| b.is_ascii_uppercase()),
                false => word.chars().all(|c| c.to_lowercase().eq(std::iter::once(c))),
            };
            let word = match lowercase {
                true => std::borrow::Cow::Borrowed(word),
                false => std::borrow::Cow::Owned(word.to_lowercase()),
            };
            if words.insert(word) && words.len() > MAX_WORDS {
                return Err(refuse(format!("it holds more than {MAX_WORDS} distinct words")));
            }
        }
    }
    Ok(())
}
