//! Following an outlet: reading what a feed (RSS 2.0, Atom, JSON Feed) or a
//! sitemap lists, so each entry becomes a tracked story; a sitemap index
//! lists sitemaps, each followed in turn. Parsing is feed-rs's (feeds) and
//! quick-xml's (sitemaps); this module only decides what a body is and
//! keeps each entry's link and publication (or modification) time.

use chrono::{DateTime, Utc};

/// One entry of a feed or sitemap (or, in a sitemap index, one sitemap).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The entry's link, as listed (not yet canonical).
    pub url: String,
    /// When the article was published; for a sitemap in an index, when
    /// that sitemap last changed.
    pub published: Option<DateTime<Utc>>,
    pub title: Option<String>,
}

/// What kind of list a body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Feed,
    Sitemap,
    /// A `<sitemapindex>`: its entries are sitemaps, not articles.
    SitemapIndex,
}

/// Media types a feed or sitemap is served as.
pub const FEED_TYPES: [&str; 7] = [
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
    "application/json",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
];

/// Whether `body` is a feed or a sitemap rather than an article: decided by
/// its first element (or, for JSON, the JSON Feed version), never by the URL.
pub fn kind_of(body: &[u8]) -> Option<Kind> {
    let head = String::from_utf8_lossy(&body[..body.len().min(2048)]).to_ascii_lowercase();
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        return head.contains("jsonfeed.org/version").then_some(Kind::Feed);
    }
    if !start.starts_with('<') {
        return None;
    }
    // The first element that is not a declaration, comment or doctype.
    let mut rest = start;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = r.split_once("?>").map_or("", |(_, r)| r);
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = r.split_once("-->").map_or("", |(_, r)| r);
        } else if let Some(r) = rest.strip_prefix("<!") {
            rest = r.split_once('>').map_or("", |(_, r)| r);
        } else {
            break;
        }
    }
    let name: String = rest.trim_start_matches('<').chars().take_while(|c| c.is_alphanumeric() || *c == ':').collect();
    match name.as_str() {
        "rss" | "feed" | "rdf:rdf" => Some(Kind::Feed),
        "urlset" => Some(Kind::Sitemap),
        "sitemapindex" => Some(Kind::SitemapIndex),
        _ => None,
    }
}

/// The entries of a feed or sitemap, in the order listed.
pub fn entries(kind: Kind, body: &[u8], base: &str) -> Result<Vec<Entry>, String> {
    match kind {
        Kind::Feed => feed_entries(body, base),
        Kind::Sitemap => sitemap_entries(body, "url"),
        Kind::SitemapIndex => sitemap_entries(body, "sitemap"),
    }
}

fn feed_entries(body: &[u8], base: &str) -> Result<Vec<Entry>, String> {
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(base))
        .build()
        .parse(body)
        .map_err(|e| format!("the feed cannot be read: {e}"))?;
    Ok(feed
        .entries
        .into_iter()
        .filter_map(|e| {
            // An entry's page is its "alternate" link (Atom), or its only one.
            let link = e
                .links
                .iter()
                .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .or(e.links.first())
                .map(|l| l.href.clone())
                .or_else(|| e.id.starts_with("http").then(|| e.id.clone()))?;
            Some(Entry { url: link, published: e.published.or(e.updated), title: e.title.map(|t| t.content) })
        })
        .collect())
}

/// One `<url>` of a sitemap, as it is read.
#[derive(Default)]
struct SitemapUrl {
    loc: String,
    published: Option<String>,
    lastmod: Option<String>,
    title: Option<String>,
}

/// A sitemap's `<url>` entries (`item` "url"): `<loc>`, and the news
/// extension's `<news:publication_date>` and `<news:title>` (else
/// `<lastmod>`); or a sitemap index's `<sitemap>` entries (`item`
/// "sitemap"): `<loc>` and `<lastmod>`.
fn sitemap_entries(body: &[u8], item: &str) -> Result<Vec<Entry>, String> {
    use quick_xml::events::Event;
    let text = std::str::from_utf8(body).map_err(|_| "the sitemap is not UTF-8".to_string())?;
    let mut reader = quick_xml::Reader::from_str(text);
    let mut out = Vec::new();
    let mut current: Option<SitemapUrl> = None;
    let mut field = String::new();
    let mut value = String::new();
    loop {
        match reader.read_event().map_err(|e| format!("the sitemap cannot be read: {e}"))? {
            Event::Start(e) => {
                let name = local(e.name().as_ref());
                if name == item {
                    current = Some(Default::default());
                }
                field = name;
                value.clear();
            }
            Event::Text(t) => value.push_str(&t),
            Event::CData(t) => value.push_str(&t),
            Event::GeneralRef(r) => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    value.push(c);
                } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                    value.push_str(s);
                }
            }
            Event::End(e) => {
                let name = local(e.name().as_ref());
                if let Some(u) = &mut current {
                    let v = value.trim().to_string();
                    match name.as_str() {
                        "loc" if field == "loc" => u.loc = v,
                        "publication_date" => u.published = Some(v),
                        "lastmod" => u.lastmod = Some(v),
                        "title" => u.title = Some(v),
                        n if n == item => {
                            let u = current.take().unwrap_or_default();
                            if !u.loc.is_empty() {
                                let when = u.published.or(u.lastmod).and_then(|d| parse_w3c(&d));
                                out.push(Entry { url: u.loc, published: when, title: u.title });
                            }
                        }
                        _ => {}
                    }
                }
                value.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

fn local(name: &str) -> String {
    name.rsplit(':').next().unwrap_or("").to_ascii_lowercase()
}

/// A sitemap date: W3C datetime, a full timestamp or just a day.
fn parse_w3c(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s).map(|d| d.with_timezone(&Utc)).ok().or_else(|| {
        let day = chrono::NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
        Some(day.and_hms_opt(0, 0, 0)?.and_utc())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_are_told_by_content() {
        assert_eq!(kind_of(b"<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel/></rss>"), Some(Kind::Feed));
        assert_eq!(kind_of(b"<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>"), Some(Kind::Feed));
        assert_eq!(kind_of(b"{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}"), Some(Kind::Feed));
        assert_eq!(kind_of(b"<?xml version=\"1.0\"?><!-- x --><urlset></urlset>"), Some(Kind::Sitemap));
        assert_eq!(
            kind_of(b"<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"/>"),
            Some(Kind::SitemapIndex)
        );
        assert_eq!(kind_of(b"<!DOCTYPE html><html><body>news</body></html>"), None);
        assert_eq!(kind_of(b"The fire is out."), None);
    }

    #[test]
    fn a_news_sitemap_lists_locations_and_dates() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example/a?x=1&amp;y=2</loc>
    <news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication>
      <news:publication_date>2026-01-06T21:30:00Z</news:publication_date><news:title>Harbour fire</news:title></news:news></url>
  <url><loc>https://news.example/b</loc><lastmod>2026-01-05</lastmod></url>
</urlset>"#;
        let e = entries(Kind::Sitemap, xml, "https://news.example/sitemap.xml").unwrap();
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].url, "https://news.example/a?x=1&y=2");
        assert_eq!(e[0].title.as_deref(), Some("Harbour fire"));
        assert_eq!(e[0].published.unwrap().to_rfc3339(), "2026-01-06T21:30:00+00:00");
        assert_eq!(e[1].published.unwrap().to_rfc3339(), "2026-01-05T00:00:00+00:00");
    }

    #[test]
    fn a_sitemap_index_lists_sitemaps_with_their_last_change() {
        let xml = br#"<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://news.example/sitemap-2026-01.xml</loc><lastmod>2026-01-31T23:00:00+01:00</lastmod></sitemap>
  <sitemap><loc>https://news.example/news-sitemap.xml</loc></sitemap>
  <sitemap><lastmod>2026-01-05</lastmod></sitemap>
</sitemapindex>"#;
        let e = entries(Kind::SitemapIndex, xml, "https://news.example/sitemap.xml").unwrap();
        let urls: Vec<&str> = e.iter().map(|e| e.url.as_str()).collect();
        assert_eq!(urls, ["https://news.example/sitemap-2026-01.xml", "https://news.example/news-sitemap.xml"]);
        assert_eq!(e[0].published.unwrap().to_rfc3339(), "2026-01-31T22:00:00+00:00");
        assert_eq!(e[1].published, None);
        // Read as a sitemap of articles, an index lists none.
        assert!(entries(Kind::Sitemap, xml, "https://news.example/sitemap.xml").unwrap().is_empty());
    }

    #[test]
    fn rss_atom_and_json_feeds_list_their_links() {
        let rss = br#"<rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://news.example/one</link><pubDate>Tue, 06 Jan 2026 21:30:00 GMT</pubDate></item>
<item><title>Two</title><link>/two</link></item></channel></rss>"#;
        let e = entries(Kind::Feed, rss, "https://news.example/feed").unwrap();
        assert_eq!(
            e.iter().map(|e| e.url.as_str()).collect::<Vec<_>>(),
            ["https://news.example/one", "https://news.example/two"]
        );
        assert!(e[0].published.is_some());
        let json = br#"{"version": "https://jsonfeed.org/version/1.1", "title": "T", "items": [{"id": "1", "url": "https://news.example/j"}]}"#;
        assert_eq!(entries(Kind::Feed, json, "https://news.example/").unwrap()[0].url, "https://news.example/j");
    }
}
