//! Fetching a page: redirects followed, a timeout and a size limit,
//! conditional requests (ETag, Last-Modified), and a check that what came
//! back is an article at all.

use std::time::Duration;

use ureq::ResponseExt;

/// How to fetch.
#[derive(Clone, Debug)]
pub struct FetchOptions {
    pub timeout: Duration,
    pub max_bytes: u64,
    /// Attempts for transient failures (network errors, timeouts, 5xx).
    pub attempts: u32,
    /// The first retry waits this long; each further one twice as long.
    pub retry_base: Duration,
}

/// A page as served.
#[derive(Clone, Debug)]
pub struct Page {
    /// Where the page was found after redirects.
    pub final_url: String,
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// The exchange as WARC records keep it: the request head as sent and
    /// the response head as received (its framing restated for the decoded
    /// body).
    pub request_head: Vec<u8>,
    pub response_head: Vec<u8>,
}

/// What a fetch got.
#[derive(Clone, Debug)]
pub enum Fetched {
    /// 304: the server says nothing changed since the validators we sent.
    NotModified,
    Page(Page),
}

/// Why a fetch failed.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("no answer within {0:?}")]
    Timeout(Duration),
    #[error("the page is larger than the limit of {0} bytes")]
    TooLarge(u64),
    #[error("it serves {0}, not an article (HTML, text or Markdown) or a feed")]
    NotAnArticle(String),
    #[error("the server answered HTTP {0}")]
    Status(u16),
    #[error("{0}")]
    Network(String),
}

impl FetchError {
    /// Worth trying again soon.
    pub fn is_transient(&self) -> bool {
        match self {
            FetchError::Timeout(_) | FetchError::Network(_) => true,
            FetchError::Status(code) => *code >= 500 || *code == 429 || *code == 408,
            FetchError::TooLarge(_) | FetchError::NotAnArticle(_) => false,
        }
    }
}

/// Who is asking: an honest User-Agent, naming the tool and what it does.
pub const USER_AGENT: &str =
    concat!("claimtrail/", env!("CARGO_PKG_VERSION"), " (claim provenance tracker; respects robots.txt)");

/// Fetch once, sending the validators of the last fetch.
pub fn fetch_once(
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    opts: &FetchOptions,
) -> Result<Fetched, FetchError> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(opts.timeout))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(USER_AGENT)
        .build()
        .into();
    let (etag_sent, modified_sent) = (etag, last_modified);
    let mut req = agent.get(url);
    if let Some(e) = etag {
        req = req.header("If-None-Match", e);
    }
    if let Some(m) = last_modified {
        req = req.header("If-Modified-Since", m);
    }
    let mut resp = req.call().map_err(|e| match e {
        ureq::Error::Timeout(_) => FetchError::Timeout(opts.timeout),
        other => FetchError::Network(other.to_string()),
    })?;
    let status = resp.status().as_u16();
    if status == 304 {
        return Ok(Fetched::NotModified);
    }
    if !(200..300).contains(&status) {
        return Err(FetchError::Status(status));
    }
    let header = |name: &str| resp.headers().get(name).and_then(|v| v.to_str().ok()).map(str::to_string);
    let content_type = header("content-type");
    if let Some(ct) = &content_type {
        let mime = ct.split(';').next().unwrap_or("").trim().to_ascii_lowercase();
        if !mime.is_empty()
            && !crate::warc::ARTICLE_TYPES.contains(&mime.as_str())
            && !super::feeds::FEED_TYPES.contains(&mime.as_str())
        {
            return Err(FetchError::NotAnArticle(mime));
        }
    }
    let etag = header("etag");
    let last_modified = header("last-modified");
    let final_url = resp.get_uri().to_string();
    let mut response_head = format!("HTTP/1.1 {status} {}\r\n", resp.status().canonical_reason().unwrap_or(""));
    for (k, v) in resp.headers() {
        // The body is kept decoded and whole: its framing is restated below.
        if ["content-length", "transfer-encoding", "content-encoding"].contains(&k.as_str()) {
            continue;
        }
        response_head.push_str(&format!("{k}: {}\r\n", String::from_utf8_lossy(v.as_bytes())));
    }
    let uri = resp.get_uri().clone();
    let mut request_head = format!(
        "GET {} HTTP/1.1\r\nHost: {}\r\nUser-Agent: {USER_AGENT}\r\n",
        uri.path_and_query().map_or("/", |p| p.as_str()),
        uri.authority().map_or("", |a| a.as_str())
    );
    if let Some(e) = etag_sent {
        request_head.push_str(&format!("If-None-Match: {e}\r\n"));
    }
    if let Some(m) = modified_sent {
        request_head.push_str(&format!("If-Modified-Since: {m}\r\n"));
    }
    request_head.push_str("\r\n");
    let bytes = resp.body_mut().with_config().limit(opts.max_bytes).read_to_vec().map_err(|e| match e {
        ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge(opts.max_bytes),
        ureq::Error::Timeout(_) => FetchError::Timeout(opts.timeout),
        other => FetchError::Network(other.to_string()),
    })?;
    response_head.push_str(&format!("Content-Length: {}\r\n\r\n", bytes.len()));
    Ok(Fetched::Page(Page {
        final_url,
        bytes,
        content_type,
        etag,
        last_modified,
        request_head: request_head.into_bytes(),
        response_head: response_head.into_bytes(),
    }))
}

/// Fetch, retrying transient failures with exponential back-off. `on_retry`
/// hears about each failure that will be retried.
pub fn fetch(
    url: &str,
    etag: Option<&str>,
    last_modified: Option<&str>,
    opts: &FetchOptions,
    mut on_retry: impl FnMut(&FetchError, Duration),
) -> Result<Fetched, FetchError> {
    let mut delay = opts.retry_base;
    let mut attempt = 1;
    loop {
        match fetch_once(url, etag, last_modified, opts) {
            Err(e) if e.is_transient() && attempt < opts.attempts => {
                on_retry(&e, delay);
                std::thread::sleep(delay);
                delay *= 2;
                attempt += 1;
            }
            other => return other,
        }
    }
}
