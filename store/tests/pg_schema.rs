//! The PostgreSQL schema's migrations on a real server
//! (`CLAIMTRAIL_TEST_PG=postgres://…`; with `CI=true` a missing server
//! fails the test instead of skipping it; `.ci/run` runs it in its
//! PostgreSQL pass).
//!
//! Schema 5 turned the columns the server generated from each row's key
//! into columns claimtrail writes. A store made at schema 4 (by its SQL,
//! rows and all) is upgraded in place, and then every such column, old
//! rows and new, holds what schema 4's expression gives for its row.

use chrono::{TimeZone, Utc};
use claimtrail_store::{Hash32, NewRevision, NewStatement, Occurrence, SpeakerRecord, Store};

fn server() -> Option<String> {
    match std::env::var("CLAIMTRAIL_TEST_PG").ok().filter(|s| !s.is_empty()) {
        Some(server) => Some(server),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => {
            panic!("CI=true: set CLAIMTRAIL_TEST_PG=postgres://… for the PostgreSQL tests")
        }
        None => None,
    }
}

/// A fresh schema on the server, dropped with this.
struct Schema {
    server: String,
    name: String,
}

impl Schema {
    fn new(server: &str, what: &str) -> Schema {
        let name = format!("ct_schema_test_{what}_{}", std::process::id());
        client(server).batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE; CREATE SCHEMA {name}")).unwrap();
        Schema { server: server.to_string(), name }
    }

    fn store(&self) -> Store {
        let sep = if self.server.contains('?') { '&' } else { '?' };
        Store::open(std::path::Path::new(&format!("{}{sep}options=-csearch_path%3D{}", self.server, self.name)))
            .unwrap()
    }
}

impl Drop for Schema {
    fn drop(&mut self) {
        let _ = client(&self.server).batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

fn client(server: &str) -> ::postgres::Client {
    ::postgres::Client::connect(server, ::postgres::NoTls).unwrap()
}

fn statement_hash(content: &str) -> String {
    blake3::hash(content.as_bytes()).to_hex().to_string()
}

/// A revision of `story` whose sentences are statements, every other one
/// by one of three speakers (an unattributed one in between).
fn revision<'a>(story: &'a str, text: &'a str, at: i64) -> NewRevision<'a> {
    let statements = text
        .split(". ")
        .enumerate()
        .map(|(i, sentence)| NewStatement {
            occurrence: Occurrence {
                index: i as u32,
                paragraph: 0,
                statement: statement_hash(sentence).parse::<Hash32>().unwrap(),
                speaker: (i % 2 == 0).then(|| format!("Speaker {}", sentence.len() % 3)),
                mention: None,
                attribution: "direct".into(),
                cue: Some("said".into()),
                span: (0, sentence.len() as u64),
            },
            content: sentence.to_string(),
            terms: sentence.split_whitespace().map(str::to_lowercase).collect(),
            prints: vec![sentence.len() as u64 * 0x0101_0101_0101],
        })
        .collect();
    let speakers = (0..3)
        .map(|n| SpeakerRecord {
            id: format!("Speaker {n}"),
            name: format!("Speaker {n}"),
            kind: "person".into(),
            anonymous: false,
            role: Some("mayor".into()),
            aliases: vec![],
            anonymity_reason: None,
            lookup: vec![format!("n:speaker {n}"), format!("s:{n}")],
        })
        .collect();
    NewRevision {
        story,
        url: None,
        title: None,
        raw: text.as_bytes(),
        text,
        captured_at: Utc.timestamp_opt(1_700_000_000 + at, 0).unwrap(),
        source: "-",
        format: "text",
        meta: Default::default(),
        statements,
        speakers,
        analysis: "test",
        arrivals: Default::default(),
        fates: Default::default(),
        page: None,
    }
}

/// Record a few revisions of two stories (statements come and go, so runs
/// are opened and closed).
fn record(store: &mut Store, round: i64) {
    let texts = [
        "The bridge will close. Ortiz said the budget is short. Repairs start in May",
        "The bridge will close. Repairs start in June. The council disagreed",
        "The bridge will close. Ortiz said the budget is short. Nobody was hurt",
    ];
    for (n, text) in texts.iter().enumerate() {
        for story in ["harbor", "ü-bahn"] {
            store.record_revision(revision(story, text, round * 100 + n as i64)).unwrap();
        }
    }
}

/// Every row of every table of the store, as text, in key order.
fn rows(c: &mut ::postgres::Client, schema: &str) -> Vec<String> {
    let tables: Vec<String> = c
        .query(
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 \
             AND table_type = 'BASE TABLE' AND table_name <> 'ct_schema' ORDER BY 1",
            &[&schema],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    let mut out = Vec::new();
    for t in tables {
        for r in c.query(&format!("SELECT t::text FROM {schema}.{t} t ORDER BY 1"), &[]).unwrap() {
            out.push(format!("{t}: {}", r.get::<_, String>(0)));
        }
    }
    out
}

/// Under `postgres::`, as the CLI's PostgreSQL tests: CI's first pass,
/// without a server, skips them by that name.
mod postgres {
    use super::*;

    #[test]
    fn a_schema_4_store_keeps_its_key_columns_as_claimtrail_writes_them() {
        let Some(server) = server() else { return };
        let mut c = client(&server);
        // The store as this claimtrail writes it.
        let fresh = Schema::new(&server, "fresh");
        let mut store = fresh.store();
        record(&mut store, 0);
        drop(store);

        // The same rows in a store made by schema 4's SQL: its generated
        // columns computed by the server.
        let old = Schema::new(&server, "old");
        let mut sql = format!(
            "SET search_path = {};
             CREATE TABLE ct_schema (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());
             INSERT INTO ct_schema (version) VALUES (1), (2), (3), (4);",
            old.name
        );
        for migration in [
            include_str!("../src/pg/schema-1.sql"),
            include_str!("../src/pg/schema-2.sql"),
            include_str!("../src/pg/schema-3.sql"),
            include_str!("../src/pg/schema-4.sql"),
        ] {
            sql.push_str(migration);
        }
        c.batch_execute(&sql).unwrap();
        let generated: Vec<(String, String, String)> = c
            .query(
                "SELECT table_name::text, column_name::text, generation_expression::text FROM information_schema.columns \
                 WHERE table_schema = $1 AND is_generated = 'ALWAYS' ORDER BY 1, 2",
                &[&old.name],
            )
            .unwrap()
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2)))
            .collect();
        assert!(generated.len() > 25, "{generated:?}");
        let written = |c: &mut ::postgres::Client, table: &str| -> String {
            let columns: Vec<String> = c
                .query(
                    "SELECT column_name::text FROM information_schema.columns WHERE table_schema = $1 \
                     AND table_name = $2 AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    &[&old.name, &table],
                )
                .unwrap()
                .iter()
                .map(|r| r.get(0))
                .collect();
            columns.join(", ")
        };
        let tables: Vec<String> = c
            .query(
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = $1 \
                 AND table_type = 'BASE TABLE' AND table_name <> 'ct_schema'",
                &[&old.name],
            )
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        for t in &tables {
            let columns = written(&mut c, t);
            c.batch_execute(&format!(
                "DELETE FROM {o}.{t}; INSERT INTO {o}.{t} ({columns}) SELECT {columns} FROM {f}.{t}",
                o = old.name,
                f = fresh.name
            ))
            .unwrap();
        }
        c.batch_execute(&format!(
            "SELECT setval('{}.ct_batch_numbers', (SELECT last_value FROM {}.ct_batch_numbers))",
            old.name, fresh.name
        ))
        .unwrap();
        assert_eq!(rows(&mut c, &old.name), rows(&mut c, &fresh.name), "a schema-4 store holding the same rows");

        // Upgraded in place: the same rows, no generated column, the same
        // verify root, and what it records next is what a fresh store gets.
        let mut upgraded = old.store();
        let mut store = fresh.store();
        let versions: Vec<i32> = c
            .query(&format!("SELECT version FROM {}.ct_schema ORDER BY 1", old.name), &[])
            .unwrap()
            .iter()
            .map(|r| r.get(0))
            .collect();
        assert_eq!(versions, [1, 2, 3, 4, 5]);
        assert_eq!(rows(&mut c, &old.name), rows(&mut c, &fresh.name), "nothing changed by the upgrade");
        let left: i64 = c
            .query_one(
                "SELECT count(*) FROM information_schema.columns WHERE table_schema = $1 AND is_generated = 'ALWAYS'",
                &[&old.name],
            )
            .unwrap()
            .get(0);
        assert_eq!(left, 0, "no generated column is left");
        record(&mut upgraded, 1);
        record(&mut store, 1);
        let (a, b) = (upgraded.verify(&statement_hash).unwrap(), store.verify(&statement_hash).unwrap());
        assert!(a.ok() && b.ok(), "{:?} {:?}", a.problems, b.problems);
        assert_eq!(a.root, b.root);
        assert_eq!(rows(&mut c, &old.name), rows(&mut c, &fresh.name), "the same rows written after the upgrade");

        // Each column claimtrail now writes holds what schema 4's expression
        // (still defined in the upgraded store) gives for its row.
        for (table, column, expression) in &generated {
            let (n, differ): (i64, i64) = {
                let r = c
                    .query_one(
                        &format!(
                            "SELECT count(*), count(*) FILTER (WHERE {column} IS DISTINCT FROM ({expression})) FROM {}.{table}",
                            old.name
                        ),
                        &[],
                    )
                    .unwrap();
                (r.get(0), r.get(1))
            };
            assert_eq!(differ, 0, "{table}.{column}: {differ} of {n} rows differ from {expression}");
        }
        let runs: i64 =
            c.query_one(&format!("SELECT count(speaker) FROM {}.runs_by_statement", old.name), &[]).unwrap().get(0);
        assert!(runs > 0, "runs with a speaker were written");
    }
}
