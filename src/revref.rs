//! Naming revisions: `STORY`, `STORY@3`, `STORY@latest`, `STORY@a1b2` (a
//! unique prefix of the revision id, at least 4 hex digits).

use claimtrail_store::{RevisionRecord, Store, StoryRecord, validate_story_id};

use crate::error::CliError;

/// Which revision of a story a user means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RevSpec {
    Latest,
    Number(u32),
    Prefix(String),
}

/// A parsed `STORY[@REV]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RevRef {
    pub story: String,
    pub rev: RevSpec,
}

impl RevRef {
    pub fn parse(s: &str) -> Result<RevRef, CliError> {
        let (story, rev) = match s.split_once('@') {
            Some((story, rev)) => (story, Some(rev)),
            None => (s, None),
        };
        validate_story_id(story)?;
        let rev = match rev {
            None => RevSpec::Latest,
            Some(r) => RevSpec::parse(r)?,
        };
        Ok(RevRef { story: story.to_string(), rev })
    }

    /// Resolve against the store.
    pub fn resolve(&self, store: &Store) -> Result<(StoryRecord, RevisionRecord), CliError> {
        let story = store.require_story(&self.story)?;
        let rev = self.rev.resolve(store, &story)?;
        Ok((story, rev))
    }
}

impl RevSpec {
    pub fn parse(r: &str) -> Result<RevSpec, CliError> {
        let bad = || {
            CliError::new(format!("invalid revision {r:?}"))
                .with_hint("name a revision by number (@2), by at least 4 hex digits of its id (@a1b2), or @latest")
        };
        if r == "latest" {
            Ok(RevSpec::Latest)
        } else if !r.is_empty() && r.len() <= 3 && r.bytes().all(|b| b.is_ascii_digit()) {
            r.parse().map(RevSpec::Number).map_err(|_| bad())
        } else if r.len() >= 4 && r.len() <= 64 && r.bytes().all(|b| b.is_ascii_hexdigit()) {
            Ok(RevSpec::Prefix(r.to_ascii_lowercase()))
        } else if !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit()) {
            r.parse().map(RevSpec::Number).map_err(|_| bad())
        } else {
            Err(bad())
        }
    }

    pub fn resolve(&self, store: &Store, story: &StoryRecord) -> Result<RevisionRecord, CliError> {
        Ok(match self {
            RevSpec::Latest => store.require_revision(story, story.revisions)?,
            RevSpec::Number(n) => store.require_revision(story, *n)?,
            RevSpec::Prefix(p) => store.revision_by_prefix(story, p)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(RevRef::parse("s").unwrap().rev, RevSpec::Latest);
        assert_eq!(RevRef::parse("s@2").unwrap().rev, RevSpec::Number(2));
        assert_eq!(RevRef::parse("s@latest").unwrap().rev, RevSpec::Latest);
        assert_eq!(RevRef::parse("s@A1b2").unwrap().rev, RevSpec::Prefix("a1b2".into()));
        // Four digits are read as a hash prefix: revision numbers that long
        // are not realistic, hash prefixes that short are refused.
        assert_eq!(RevRef::parse("s@1234").unwrap().rev, RevSpec::Prefix("1234".into()));
        assert!(RevRef::parse("s@zz").is_err());
        assert!(RevRef::parse("s@abc").is_err());
        assert!(RevRef::parse("a b@1").is_err());
    }
}
