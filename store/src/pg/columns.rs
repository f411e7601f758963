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
//! The same functions tell `verify` what each row's columns must hold
//! ([`Mismatch`]): SQL readers (a newsroom's dashboard, the `said` view)
//! see the columns, never the value, so a column changed by hand is a
//! forged quote for them even though every hash checks out.
//!
//! What this module must not do: decide what a key holds. It reads the
//! layout `keys.rs` defines.

use chrono::{DateTime, Utc};
use postgres::Row;
use postgres::types::{ToSql, Type};

use crate::records::RunValue;
use crate::{RevisionRecord, SpeakerRecord, codec, decode, keys};

/// One column's values for a set of rows, in the rows' order.
pub(super) enum Values {
    Text(Vec<Option<String>>),
    Bytes(Vec<Option<Vec<u8>>>),
    Int(Vec<Option<i64>>),
    /// A time as RFC 3339 text, which the server reads into a
    /// `timestamptz` (to the microsecond).
    Time(Vec<Option<String>>),
}

impl Values {
    /// The SQL array type the values are sent as.
    pub(super) fn array_type(&self) -> &'static str {
        match self {
            Values::Text(_) => "text[]",
            Values::Bytes(_) => "bytea[]",
            Values::Int(_) => "bigint[]",
            Values::Time(_) => "text[]::timestamptz[]",
        }
    }

    /// The type of one value, as binary COPY sends it. (Only the columns
    /// read from keys are copied, and none of them is a time: a time's
    /// text would be refused as a `timestamptz`, with an error.)
    pub(super) fn pg_type(&self) -> Type {
        match self {
            Values::Text(_) => Type::TEXT,
            Values::Bytes(_) => Type::BYTEA,
            Values::Int(_) => Type::INT8,
            Values::Time(_) => Type::TIMESTAMPTZ,
        }
    }

    /// Row `i`'s value.
    pub(super) fn at(&self, i: usize) -> &(dyn ToSql + Sync) {
        match self {
            Values::Text(v) | Values::Time(v) => &v[i],
            Values::Bytes(v) => &v[i],
            Values::Int(v) => &v[i],
        }
    }

    pub(super) fn param(&self) -> &(dyn ToSql + Sync) {
        match self {
            Values::Text(v) | Values::Time(v) => v,
            Values::Bytes(v) => v,
            Values::Int(v) => v,
        }
    }

    /// How a query reads column `name` back to compare it: a time as
    /// microseconds since 1970, the way the server keeps it.
    fn select(&self, name: &str) -> String {
        match self {
            Values::Time(_) => format!("(extract(epoch from {name}) * 1000000)::int8"),
            _ => name.to_string(),
        }
    }

    /// What `row`'s column `at` holds and what row `i` of these values
    /// says it should, when the two differ.
    fn differs(&self, i: usize, row: &Row, at: usize) -> std::result::Result<Option<(Cell, Cell)>, postgres::Error> {
        let cell = |v: Option<Cell>| v.unwrap_or(Cell::Null);
        Ok(match self {
            Values::Text(v) => {
                let found: Option<&str> = row.try_get(at)?;
                (found != v[i].as_deref())
                    .then(|| (cell(found.map(|s| Cell::Text(s.into()))), cell(v[i].clone().map(Cell::Text))))
            }
            Values::Bytes(v) => {
                let found: Option<&[u8]> = row.try_get(at)?;
                (found != v[i].as_deref())
                    .then(|| (cell(found.map(|b| Cell::Bytes(b.into()))), cell(v[i].clone().map(Cell::Bytes))))
            }
            Values::Int(v) => {
                let found: Option<i64> = row.try_get(at)?;
                (found != v[i]).then(|| (cell(found.map(Cell::Int)), cell(v[i].map(Cell::Int))))
            }
            Values::Time(v) => {
                let found: Option<i64> = row.try_get(at)?;
                let wanted = v[i].as_deref().and_then(|t| DateTime::parse_from_rfc3339(t).ok()).map(|t| t.to_utc());
                // The server rounds a time to the microsecond: within one
                // of the record's nanoseconds is the same time.
                let nanos = |t: DateTime<Utc>| {
                    i128::from(t.timestamp()) * 1_000_000_000 + i128::from(t.timestamp_subsec_nanos())
                };
                let same = match (found, wanted) {
                    (Some(us), Some(t)) => (i128::from(us) * 1000 - nanos(t)).abs() < 1000,
                    (None, None) => true,
                    _ => false,
                };
                let shown = |us: i64| DateTime::from_timestamp_micros(us).map_or(Cell::Int(us), Cell::Time);
                (!same).then(|| (cell(found.map(shown)), cell(wanted.map(Cell::Time))))
            }
        })
    }
}

/// A typed column's value, as a row holds it or as it should, to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Cell {
    Null,
    Text(String),
    Bytes(Vec<u8>),
    Int(i64),
    Time(DateTime<Utc>),
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Cell::Null => f.write_str("NULL"),
            Cell::Text(s) => write!(f, "{s:?}"),
            Cell::Bytes(b) => {
                f.write_str("\\x")?;
                b.iter().try_for_each(|b| write!(f, "{b:02x}"))
            }
            Cell::Int(n) => write!(f, "{n}"),
            Cell::Time(t) => f.write_str(&t.to_rfc3339()),
        }
    }
}

/// A typed column that does not hold what its row's key and value give.
#[derive(Clone, Debug)]
pub(crate) struct Mismatch {
    pub(crate) table: &'static str,
    /// The row's key (and so its kind).
    pub(crate) key: Vec<u8>,
    pub(crate) column: &'static str,
    /// The column is read from the key (else from the value).
    pub(crate) from_key: bool,
    pub(crate) found: Cell,
    pub(crate) expected: Cell,
}

/// Every typed column of `tag`'s table with what each row (`keys`, with
/// their `values`) should hold in it, and whether it is read from the key:
/// [`keyed`] and [`Typed`], the functions that write them.
pub(super) fn expected(tag: u8, keys: &[Vec<u8>], values: &[Vec<u8>]) -> Vec<(&'static str, bool, Values)> {
    // A statement's content is its value; every other keyed column is read
    // from the key.
    let mut columns: Vec<_> =
        keyed(tag, keys, values).into_iter().map(|(name, v)| (name, name != "content", v)).collect();
    columns.extend(Typed::of(tag, values).0.into_iter().map(|(name, v)| (name, false, v)));
    columns
}

/// Whether `tag`'s table has typed columns.
pub(super) fn any(tag: u8) -> bool {
    !expected(tag, &[], &[]).is_empty()
}

/// Whether what `tag`'s rows should hold in their typed columns depends
/// on their values (else their keys alone say it).
pub(super) fn needs_value(tag: u8) -> bool {
    tag == keys::STATEMENT || !Typed::of(tag, &[]).0.is_empty()
}

/// The typed columns of `tag`'s table, as SQL reads them back to compare
/// (after `k` and `v`); empty for a table without any.
pub(super) fn select(tag: u8) -> String {
    expected(tag, &[], &[]).iter().map(|(name, _, v)| format!(", {}", v.select(name))).collect()
}

/// The typed columns of `rows` (read with [`select`]) that differ from
/// what their keys and values give.
pub(super) fn compare(
    tag: u8,
    table: &'static str,
    rows: &[Row],
    keys: &[Vec<u8>],
    values: &[Vec<u8>],
) -> std::result::Result<Vec<Mismatch>, postgres::Error> {
    let columns = expected(tag, keys, values);
    let mut found = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        for (at, (column, from_key, should)) in columns.iter().enumerate() {
            if let Some((holds, expected)) = should.differs(i, row, at + 2)? {
                found.push(Mismatch {
                    table,
                    key: keys[i].clone(),
                    column,
                    from_key: *from_key,
                    found: holds,
                    expected,
                });
            }
        }
    }
    Ok(found)
}

/// The columns claimtrail writes beside the value (schema 2), decoded from
/// each value: what a person's SQL reads that the database cannot derive
/// itself (NULL where a value does not decode: `verify` reports those).
/// None for the tables without such columns.
pub(super) struct Typed(pub(super) Vec<(&'static str, Values)>);

impl Typed {
    pub(super) fn of(tag: u8, values: &[Vec<u8>]) -> Typed {
        Typed(match tag {
            keys::REVISION => {
                let recs: Vec<Option<RevisionRecord>> = values.iter().map(|v| decode(keys::REVISION, v)).collect();
                vec![
                    ("id", Values::Bytes(recs.iter().map(|r| r.as_ref().map(|r| r.id.0.to_vec())).collect())),
                    (
                        "captured_at",
                        Values::Time(recs.iter().map(|r| r.as_ref().map(|r| r.captured_at.to_rfc3339())).collect()),
                    ),
                    ("source", Values::Text(recs.iter().map(|r| r.as_ref().map(|r| r.source.clone())).collect())),
                ]
            }
            keys::SPEAKER => {
                let recs: Vec<Option<SpeakerRecord>> = values.iter().map(|v| decode(keys::SPEAKER, v)).collect();
                vec![
                    ("name", Values::Text(recs.iter().map(|r| r.as_ref().map(|r| r.name.clone())).collect())),
                    ("kind", Values::Text(recs.iter().map(|r| r.as_ref().map(|r| r.kind.clone())).collect())),
                    ("role", Values::Text(recs.iter().map(|r| r.as_ref().and_then(|r| r.role.clone())).collect())),
                ]
            }
            keys::BY_STATEMENT => {
                let runs: Vec<Option<RunValue>> = values.iter().map(|v| codec::from_bytes(v)).collect();
                vec![
                    (
                        "last_revision",
                        Values::Int(runs.iter().map(|r| r.as_ref().and_then(|r| r.last.map(i64::from))).collect()),
                    ),
                    (
                        "attribution",
                        Values::Text(runs.iter().map(|r| r.as_ref().map(|r| r.attribution.clone())).collect()),
                    ),
                ]
            }
            _ => Vec::new(),
        })
    }

    /// Each column: its name, the SQL array type its values are sent as,
    /// and the values.
    pub(super) fn columns(&self) -> Vec<(&'static str, &'static str, &(dyn ToSql + Sync))> {
        self.0.iter().map(|(name, v)| (*name, v.array_type(), v.param())).collect()
    }

    /// What an upsert of rows sets besides the value: these columns.
    pub(super) fn on_conflict(&self) -> String {
        let set: Vec<String> = self.0.iter().map(|(c, _)| format!(", {c} = excluded.{c}")).collect();
        format!(" ON CONFLICT (k) DO UPDATE SET v = excluded.v{}", set.concat())
    }
}

/// Set `columns` of the stored rows `$1` (keys), and the parameters.
/// `same_value`: only where the value is still `$2` (a writer that
/// replaced it meanwhile wrote its columns with it); else `$2` is passed
/// along unused (columns read from the key hold for any value).
pub(super) fn update<'a>(
    table: &str,
    k: &'a Vec<Vec<u8>>,
    v: &'a Vec<Vec<u8>>,
    same_value: bool,
    columns: impl IntoIterator<Item = (&'static str, &'static str, &'a (dyn ToSql + Sync))>,
) -> (String, Vec<&'a (dyn ToSql + Sync)>) {
    let columns: Vec<_> = columns.into_iter().collect();
    let names: Vec<&str> = columns.iter().map(|(c, ..)| *c).collect();
    let set: Vec<String> = names.iter().map(|c| format!("{c} = n.{c}")).collect();
    let arrays: Vec<String> = columns.iter().enumerate().map(|(i, (_, t, _))| format!(", ${}::{t}", i + 3)).collect();
    let sql = format!(
        "UPDATE {table} t SET {} FROM unnest($1::bytea[], $2::bytea[]{}) AS n(k, v, {}) WHERE t.k = n.k{}",
        set.join(", "),
        arrays.concat(),
        names.join(", "),
        if same_value { " AND t.v = n.v" } else { "" }
    );
    let mut params: Vec<&'a (dyn ToSql + Sync)> = vec![k, v];
    params.extend(columns.into_iter().map(|(_, _, p)| p));
    (sql, params)
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
