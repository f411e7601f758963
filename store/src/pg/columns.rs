//! The typed columns each row carries beside its key and value, as
//! claimtrail writes them (schema 5): the parts of the key a person's SQL
//! reads (a story, a revision number, a speaker, a term …), and a
//! statement's content.
//!
//! Up to schema 4 the server derived them as generated columns, through
//! the `ct_*` functions of `schema-1.sql`; each function below is the
//! Rust of one of those, with the same result for every key the store
//! writes (tested against the SQL on a schema-4 store upgraded in place:
//! `store/tests/pg_schema.rs`). Where the SQL would fail (text that is
//! not UTF-8, a key without its NUL), the column is NULL.
//!
//! What this module must not do: decide what a key holds. It reads the
//! layout `keys.rs` defines.

use postgres::types::{ToSql, Type};

use crate::keys;

/// One column's values for a set of rows, in the rows' order.
pub(super) enum Values {
    Text(Vec<Option<String>>),
    Bytes(Vec<Option<Vec<u8>>>),
    Int(Vec<Option<i64>>),
}

impl Values {
    /// The SQL array type the values are sent as.
    pub(super) fn array_type(&self) -> &'static str {
        match self {
            Values::Text(_) => "text[]",
            Values::Bytes(_) => "bytea[]",
            Values::Int(_) => "bigint[]",
        }
    }

    /// The type of one value, as binary COPY sends it.
    pub(super) fn pg_type(&self) -> Type {
        match self {
            Values::Text(_) => Type::TEXT,
            Values::Bytes(_) => Type::BYTEA,
            Values::Int(_) => Type::INT8,
        }
    }

    /// Row `i`'s value.
    pub(super) fn at(&self, i: usize) -> &(dyn ToSql + Sync) {
        match self {
            Values::Text(v) => &v[i],
            Values::Bytes(v) => &v[i],
            Values::Int(v) => &v[i],
        }
    }

    pub(super) fn param(&self) -> &(dyn ToSql + Sync) {
        match self {
            Values::Text(v) => v,
            Values::Bytes(v) => v,
            Values::Int(v) => v,
        }
    }
}

/// The columns of `tag`'s table derived from each row (`keys`, with their
/// `values`), by name; none for a table without such columns.
pub(super) fn keyed(tag: u8, keys: &[Vec<u8>], values: &[Vec<u8>]) -> Vec<(&'static str, Values)> {
    let text = |f: fn(&[u8]) -> Option<&[u8]>| Values::Text(keys.iter().map(|k| f(k).and_then(utf8)).collect());
    let int = |f: fn(&[u8]) -> Option<&[u8]>| Values::Int(keys.iter().map(|k| f(k).map(be)).collect());
    let bytes = |f: fn(&[u8]) -> Option<&[u8]>| Values::Bytes(keys.iter().map(|k| f(k).map(<[u8]>::to_vec)).collect());
    match tag {
        keys::STORY => vec![("story", text(after_tag))],
        keys::SPEAKER | keys::ALIAS => vec![("speaker", text(after_tag))],
        keys::WATCH => vec![("url", text(after_tag))],
        keys::REVISION | keys::OCCURRENCES | keys::ANALYSIS => {
            vec![("story", text(head)), ("number", int(tail))]
        }
        keys::BY_TEXT | keys::CHECK => vec![("story", text(head))],
        keys::BLOB => vec![("id", bytes(after_tag))],
        keys::STATEMENT => {
            vec![("hash", bytes(after_tag)), ("content", Values::Text(values.iter().map(|v| utf8(v)).collect()))]
        }
        keys::BY_NAME => vec![("name_key", text(head)), ("speaker", text(tail))],
        keys::BY_TERM => vec![("term", text(head)), ("batch", int(tail))],
        keys::NEAR => vec![("fingerprint", int(|k| k.get(1..9)))],
        keys::FURNITURE => vec![("host", text(head)), ("story", text(|k| tail(k)?.get(8..)))],
        keys::HOST_PAGE => vec![("host", text(head)), ("story", text(tail))],
        keys::BY_SPEAKER => vec![
            ("speaker", text(head)),
            // The key ends with the story, a NUL, the statement hash (32
            // bytes) and the first revision (4).
            ("story", text(|k| tail(k).and_then(|t| t.get(..t.len().checked_sub(37)?)))),
            ("statement", bytes(|k| k.get(k.len().checked_sub(36)?..k.len() - 4))),
            ("first_revision", int(|k| k.get(k.len().checked_sub(4)?..))),
        ],
        keys::BY_STATEMENT => vec![
            // The statement hash, the story, a NUL, the first revision
            // and the speaker (none: empty, NULL here).
            ("statement", bytes(|k| k.get(1..33))),
            ("story", text(|k| until_nul(k.get(33..)?))),
            ("first_revision", int(|k| tail(k.get(33..)?)?.get(..4))),
            ("speaker", text(|k| tail(k.get(33..)?)?.get(4..).filter(|s| !s.is_empty()))),
        ],
        _ => Vec::new(),
    }
}

/// Bytes as text, as `ct_text` reads them: UTF-8 without NUL (which
/// PostgreSQL's text cannot hold).
fn utf8(b: &[u8]) -> Option<String> {
    std::str::from_utf8(b).ok().filter(|s| !s.contains('\0')).map(str::to_string)
}

/// The key after its one-byte kind (`substring(k from 2)`).
fn after_tag(k: &[u8]) -> Option<&[u8]> {
    k.get(1..)
}

/// The bytes before the first NUL (`ct_until_nul`).
fn until_nul(b: &[u8]) -> Option<&[u8]> {
    let nul = b.iter().position(|&c| c == 0)?;
    Some(&b[..nul])
}

/// The key after its kind and before its first NUL (`ct_head`).
fn head(k: &[u8]) -> Option<&[u8]> {
    until_nul(k.get(1..)?)
}

/// The bytes after the first NUL (`ct_tail`).
fn tail(k: &[u8]) -> Option<&[u8]> {
    let nul = k.iter().position(|&c| c == 0)?;
    Some(&k[nul + 1..])
}

/// A big-endian number as `ct_be` reads it: the bytes padded on the left
/// to 8, or the first 8 of longer ones, as a signed 64-bit number.
fn be(b: &[u8]) -> i64 {
    let mut n = [0u8; 8];
    let b = &b[..b.len().min(8)];
    n[8 - b.len()..].copy_from_slice(b);
    i64::from_be_bytes(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Hash32;

    fn text(v: &Values) -> Vec<Option<String>> {
        match v {
            Values::Text(t) => t.clone(),
            _ => panic!("not text"),
        }
    }

    fn int(v: &Values) -> Vec<Option<i64>> {
        match v {
            Values::Int(t) => t.clone(),
            _ => panic!("not a number"),
        }
    }

    #[test]
    fn run_keys_split_as_the_schema_did() {
        let h = Hash32([7; 32]);
        let k = keys::by_statement(&h, "harbor", 3, Some("Laura Benson"));
        let cols = keyed(keys::BY_STATEMENT, std::slice::from_ref(&k), &[Vec::new()]);
        assert_eq!(text(&cols[1].1), [Some("harbor".to_string())]);
        assert_eq!(int(&cols[2].1), [Some(3)]);
        assert_eq!(text(&cols[3].1), [Some("Laura Benson".to_string())]);
        let none = keyed(keys::BY_STATEMENT, &[keys::by_statement(&h, "harbor", 3, None)], &[Vec::new()]);
        assert_eq!(text(&none[3].1), [None]);
        let k = keys::by_speaker("Laura Benson", "harbor", &h, 70_000);
        let cols = keyed(keys::BY_SPEAKER, &[k], &[Vec::new()]);
        assert_eq!(text(&cols[0].1), [Some("Laura Benson".to_string())]);
        assert_eq!(text(&cols[1].1), [Some("harbor".to_string())]);
        assert_eq!(int(&cols[3].1), [Some(70_000)]);
        let cols = keyed(keys::BY_TERM, &[keys::by_term("bridge", u64::MAX)], &[Vec::new()]);
        assert_eq!((text(&cols[0].1), int(&cols[1].1)), (vec![Some("bridge".to_string())], vec![Some(-1)]));
    }

    #[test]
    fn numbers_read_as_ct_be_reads_them() {
        assert_eq!(be(&[1, 0]), 256);
        assert_eq!(be(&[0xff; 4]), 0xffff_ffff);
        assert_eq!(be(&[0, 0, 0, 0, 0, 0, 0, 1, 9]), 1);
        assert_eq!(be(&[]), 0);
    }
}
