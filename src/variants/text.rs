//! Text that many members of a group share: one wording copied into
//! hundreds of stories, one story or speaker named by thousands of
//! members. Cloning it counts a reference instead of copying the bytes, so
//! laying out a group costs what its distinct texts do, not its members.
//! It reads, compares and serialises as the `str` it holds.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Serialize, Serializer};

/// A shared, immutable string.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Arc<str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Text {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

// `Arc<str>` hashes and compares as its `str`, so maps keyed by `Text`
// can be looked up with a `&str`.
impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Arc::from(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Arc::from(s))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serialises_and_compares_as_its_string() {
        let t = Text::from("the council will vote");
        assert_eq!(serde_json::to_string(&t).unwrap(), "\"the council will vote\"");
        assert_eq!(t, "the council will vote");
        let shared = t.clone();
        assert!(Arc::ptr_eq(&t.0, &shared.0));
        let mut map = std::collections::HashMap::new();
        map.insert(t, 1);
        assert_eq!(map.get("the council will vote"), Some(&1));
    }
}
