//! Watching a URL: fetching a page politely, and telling a real change of
//! the article from noise.

pub mod fetch;
pub mod noise;

/// The canonical form of a page URL: fragment and `utm_*` tracking
/// parameters removed, so the same article is one watch however it was
/// linked.
pub fn canonical_url(input: &str) -> Result<String, String> {
    let mut url = url::Url::parse(input).map_err(|e| format!("invalid URL {input:?}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("invalid URL {input:?}: only http:// and https:// URLs can be tracked"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("invalid URL {input:?}: it has no host"));
    }
    url.set_fragment(None);
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| !k.to_ascii_lowercase().starts_with("utm_"))
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Ok(url.to_string())
}

/// A story id for a URL: its host and path as a slug.
pub fn story_for_url(canonical: &str) -> String {
    let rest = canonical.split_once("://").map_or(canonical, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let mut slug = String::new();
    for c in rest.chars() {
        if c.is_alphanumeric() {
            slug.extend(c.to_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    // Keep ids readable: long paths keep their start and end.
    if slug.len() > 120 {
        let start: String = slug.chars().take(60).collect();
        let end: String = slug.chars().rev().take(59).collect::<Vec<_>>().into_iter().rev().collect();
        format!("{start}-{end}")
    } else {
        slug.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_urls_drop_tracking() {
        assert_eq!(
            canonical_url("https://Example.com/news/a?utm_source=x&id=3&UTM_medium=y#comments").unwrap(),
            "https://example.com/news/a?id=3"
        );
        assert_eq!(canonical_url("http://example.com/a?utm_campaign=z").unwrap(), "http://example.com/a");
        assert!(canonical_url("ftp://example.com/a").is_err());
        assert!(canonical_url("not a url").is_err());
    }

    #[test]
    fn story_ids_from_urls() {
        assert_eq!(story_for_url("https://www.example.com/news/harbor-fire?id=3"), "example-com-news-harbor-fire-id-3");
        assert!(
            claimtrail_store::validate_story_id(&story_for_url(&format!("https://a.com/{}", "x/".repeat(200)))).is_ok()
        );
    }
}
