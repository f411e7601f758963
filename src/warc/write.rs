//! Writing WARC records: the fetches `track --warc DIR` makes (a `request`
//! and a `response` record each, in rotating gzip-per-record files) and a
//! story's recorded pages (`export --warc`, `resource` records).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use sha1::Digest;
use warc::{RawRecordHeader, Record, WarcHeader, WarcWriter};

use super::{REVISION_HEADER, SOURCE_HEADER, STORY_HEADER};

/// `sha1:BASE32`, the digest form wget, Heritrix and warcio use.
pub fn digest(bytes: &[u8]) -> String {
    format!("sha1:{}", data_encoding::BASE32.encode(&sha1::Sha1::digest(bytes)))
}

/// A WARC-Date with as much precision as the time has, so a re-import
/// records exactly the capture time a revision had.
pub fn warc_date(at: &DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// One record to write.
#[derive(Debug)]
pub struct Rec<'a> {
    pub kind: &'a str,
    pub url: Option<&'a str>,
    pub at: DateTime<Utc>,
    pub content_type: &'a str,
    pub block: &'a [u8],
    /// The payload inside the block (the body of an HTTP response), when
    /// it has one.
    pub payload: Option<&'a [u8]>,
    pub extra: Vec<(&'a str, String)>,
}

impl Rec<'_> {
    /// Write as one gzip member (the `.warc.gz` convention: each record can
    /// be read on its own). Returns the record's id.
    pub fn write_gz(&self, out: &mut impl Write) -> std::io::Result<String> {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        let id = self.write_plain(&mut gz)?;
        out.write_all(&gz.finish()?)?;
        Ok(id)
    }

    pub fn write_plain(&self, out: &mut impl Write) -> std::io::Result<String> {
        let id = Record::<warc::EmptyBody>::generate_record_id();
        let mut h = RawRecordHeader { version: "1.1".into(), headers: Default::default() };
        let mut set = |k: WarcHeader, v: String| h.headers.insert(k, v.into_bytes());
        set(WarcHeader::WarcType, self.kind.to_string());
        set(WarcHeader::RecordID, id.clone());
        set(WarcHeader::Date, warc_date(&self.at));
        if let Some(url) = self.url {
            set(WarcHeader::TargetURI, url.to_string());
        }
        set(WarcHeader::ContentType, self.content_type.to_string());
        set(WarcHeader::ContentLength, self.block.len().to_string());
        set(WarcHeader::BlockDigest, digest(self.block));
        if let Some(p) = self.payload {
            set(WarcHeader::PayloadDigest, digest(p));
        }
        for (k, v) in &self.extra {
            h.headers.insert(WarcHeader::Unknown((*k).to_string()), v.clone().into_bytes());
        }
        // The warc crate's writer calls `write`, not `write_all`: give it
        // a sink that never takes less than it is given.
        WarcWriter::new(WriteAll(out)).write_raw(h, &self.block)?;
        Ok(id)
    }
}

struct WriteAll<'w, W: Write>(&'w mut W);

impl<W: Write> Write for WriteAll<'_, W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write_all(buf)?;
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.flush()
    }
}

/// A recorded page as a `resource` record: the raw bytes as recorded, with
/// the source and story they were recorded under.
#[allow(clippy::too_many_arguments)]
pub fn recorded_page(
    out: &mut impl Write,
    story: &str,
    number: u32,
    source: &str,
    url: Option<&str>,
    format: &str,
    at: DateTime<Utc>,
    raw: &[u8],
) -> std::io::Result<()> {
    let content_type = match format {
        "html" => "text/html",
        "markdown" => "text/markdown",
        _ => "text/plain",
    };
    // A resource's target is the URL it came from; a file has none, so it
    // is named within claimtrail's own namespace.
    let target = url.map(str::to_string).unwrap_or_else(|| format!("urn:claimtrail:{story}:{source}"));
    Rec {
        kind: "resource",
        url: Some(&target),
        at,
        content_type,
        block: raw,
        payload: Some(raw),
        extra: vec![
            (SOURCE_HEADER, source.to_string()),
            (STORY_HEADER, story.to_string()),
            (REVISION_HEADER, number.to_string()),
        ],
    }
    .write_gz(out)?;
    Ok(())
}

/// Rotating WARC files in a directory, for `track --warc DIR`: a new file
/// when the current one passes `max_file_bytes`.
#[derive(Debug)]
pub struct Rotating {
    dir: PathBuf,
    max_file_bytes: u64,
    current: Option<(PathBuf, std::fs::File, u64)>,
    serial: u32,
}

impl Rotating {
    pub fn new(dir: &Path, max_file_bytes: u64) -> std::io::Result<Rotating> {
        std::fs::create_dir_all(dir)?;
        Ok(Rotating { dir: dir.to_path_buf(), max_file_bytes, current: None, serial: 0 })
    }

    fn file(&mut self) -> std::io::Result<&mut (PathBuf, std::fs::File, u64)> {
        if self.current.as_ref().is_some_and(|(_, _, n)| *n >= self.max_file_bytes) {
            self.current = None;
        }
        if self.current.is_none() {
            // Names sort in the order the files were started.
            let stamp = Utc::now().format("%Y%m%d%H%M%S%9f");
            let path = loop {
                self.serial += 1;
                let p = self.dir.join(format!("claimtrail-{stamp}-{:05}-{}.warc.gz", self.serial, std::process::id()));
                if !p.exists() {
                    break p;
                }
            };
            let file = std::fs::OpenOptions::new().create_new(true).append(true).open(&path)?;
            let mut cur = (path, file, 0u64);
            let info = format!(
                "software: claimtrail/{}\r\nformat: WARC File Format 1.1\r\nconformsTo: http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
                env!("CARGO_PKG_VERSION")
            );
            let mut buf = Vec::new();
            Rec {
                kind: "warcinfo",
                url: None,
                at: Utc::now(),
                content_type: "application/warc-fields",
                block: info.as_bytes(),
                payload: None,
                extra: vec![],
            }
            .write_gz(&mut buf)?;
            cur.1.write_all(&buf)?;
            cur.2 += buf.len() as u64;
            self.current = Some(cur);
        }
        Ok(self.current.as_mut().expect("a file is open"))
    }

    /// Write one fetch: the request as sent and the response as received
    /// (its body decoded, so its framing headers are restated to match).
    /// Both records are written whole and synced before returning.
    pub fn fetch(
        &mut self,
        url: &str,
        at: DateTime<Utc>,
        request: &[u8],
        response_head: &[u8],
        body: &[u8],
    ) -> std::io::Result<()> {
        let mut block = response_head.to_vec();
        block.extend_from_slice(body);
        let mut buf = Vec::new();
        let response_id = Rec {
            kind: "response",
            url: Some(url),
            at,
            content_type: "application/http; msgtype=response",
            block: &block,
            payload: Some(body),
            extra: vec![],
        }
        .write_gz(&mut buf)?;
        Rec {
            kind: "request",
            url: Some(url),
            at,
            content_type: "application/http; msgtype=request",
            block: request,
            payload: None,
            extra: vec![("WARC-Concurrent-To", response_id)],
        }
        .write_gz(&mut buf)?;
        let (_, file, written) = self.file()?;
        file.write_all(&buf)?;
        file.sync_data()?;
        *written += buf.len() as u64;
        Ok(())
    }
}
