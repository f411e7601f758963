//! Watching a URL: fetching a page politely, and telling a real change of
//! the article from noise.

pub mod feeds;
pub mod fetch;
pub mod noise;
pub mod schedule;

/// Query parameters that only say where a reader came from.
const TRACKING: [&str; 16] = [
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "_ga",
    "ref_src",
    "cmpid",
    "ocid",
    "smid",
    "at_medium",
    "at_campaign",
    "outputtype",
    "amp",
];

/// The canonical form of a page URL, so the same article is one watch
/// however it was linked: fragment, `utm_*` and other tracking parameters
/// removed; AMP (`/amp`, `.amp`, `amp.` hosts, `?amp=1`) and mobile
/// (`m.`, `mobile.`) variants folded to the page itself. (`http` and
/// `https` are folded by [`story_for_url`] and [`same_page`].)
pub fn canonical_url(input: &str) -> Result<String, String> {
    let mut url = url::Url::parse(input.trim()).map_err(|e| format!("invalid URL {input:?}: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("invalid URL {input:?}: only http:// and https:// URLs can be tracked"));
    }
    let Some(host) = url.host_str().filter(|h| !h.is_empty()).map(str::to_string) else {
        return Err(format!("invalid URL {input:?}: it has no host"));
    };
    url.set_fragment(None);
    for prefix in ["amp.", "m.", "mobile."] {
        if let Some(rest) = host.strip_prefix(prefix)
            && rest.contains('.')
        {
            let _ = url.set_host(Some(rest));
            break;
        }
    }
    let path = url.path().to_string();
    let folded = path
        .strip_suffix("/amp")
        .or_else(|| path.strip_suffix("/amp/"))
        .or_else(|| path.strip_suffix(".amp"))
        .or_else(|| path.strip_suffix(".amp.html"))
        .map(str::to_string)
        .or_else(|| path.contains("/amp/").then(|| path.replacen("/amp/", "/", 1)));
    if let Some(p) = folded {
        url.set_path(if p.is_empty() { "/" } else { &p });
    }
    let kept: Vec<(String, String)> = url
        .query_pairs()
        .filter(|(k, _)| {
            let k = k.to_ascii_lowercase();
            !k.starts_with("utm_") && !TRACKING.contains(&k.as_str())
        })
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    if kept.is_empty() {
        url.set_query(None);
    } else {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Ok(url.to_string())
}

/// The same page under the other scheme (`http` for `https`, and back):
/// an outlet that links both is one watch.
pub fn other_scheme(canonical: &str) -> Option<String> {
    canonical
        .strip_prefix("https://")
        .map(|r| format!("http://{r}"))
        .or_else(|| canonical.strip_prefix("http://").map(|r| format!("https://{r}")))
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
        for variant in [
            "https://m.example.com/news/a?fbclid=1",
            "https://amp.example.com/news/a",
            "https://example.com/news/a/amp",
            "https://example.com/amp/news/a",
            "https://example.com/news/a?amp=1&utm_source=x",
        ] {
            assert_eq!(canonical_url(variant).unwrap(), "https://example.com/news/a", "{variant}");
        }
        assert_eq!(
            story_for_url(&canonical_url("http://www.example.com/news/a").unwrap()),
            story_for_url(&canonical_url("https://example.com/news/a").unwrap())
        );
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
