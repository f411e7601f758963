//! The PostgreSQL backend against a real server (`CLAIMTRAIL_TEST_PG`):
//! the same ids and export as sled, many writers at once, a connection
//! killed in the middle of an import, and what it refuses.
//!
//! Without a server these tests say so and stop, except under `CI=true`,
//! where that is a failure.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::util::{Env, example, pg_address, pg_client, postcard_str, require_pg, sealed, speaker_record};

/// Record the bundled example's three revisions at fixed times.
fn record_harbor(env: &Env) {
    for (i, name) in ["01-first.txt", "02-update.txt", "03-latest.txt"].iter().enumerate() {
        let at = format!("2026-01-0{}T10:00:00Z", i + 1);
        env.run(["record", "harbor", example(name).to_str().unwrap(), "--at", &at]).ok();
    }
}

fn root(env: &Env) -> String {
    let out = env.run(["verify"]);
    assert_eq!(out.code, 0, "verify:\n{}{}", out.stdout, out.stderr);
    out.stdout.lines().find(|l| l.starts_with("root: ")).expect("a root line").to_string()
}

#[test]
fn revisions_get_the_same_ids_and_export_on_postgres_as_on_sled() {
    let Some(server) = require_pg("postgres::revisions_get_the_same_ids") else { return };
    let pg = Env::new_pg(&server);
    let sled = Env::new_sled();
    record_harbor(&pg);
    record_harbor(&sled);
    let log = |env: &Env| env.run(["log", "harbor", "--format", "json"]).ok().to_string();
    assert_eq!(log(&pg), log(&sled), "the same revision ids");
    let from_pg = pg.run(["export"]).ok().to_string();
    let from_sled = sled.run(["export"]).ok().to_string();
    assert_eq!(from_pg, from_sled, "the same export");
    assert_eq!(root(&pg), root(&sled), "the same verify root");
    for query in [["who", "Daniel Ortiz"], ["search", "fire"], ["speakers", "--format"], ["history", "harbor"]] {
        let mut args: Vec<&str> = query.to_vec();
        if args[1] == "--format" {
            args.push("json");
        }
        let (a, b) = (pg.run(&args), sled.run(&args));
        assert_eq!((a.code, &a.stdout), (b.code, &b.stdout), "{args:?} answers the same");
    }

    // An export from either imports into the other byte for byte.
    let into_sled = Env::new_sled();
    into_sled.run(["import", pg.file("pg.jsonl", &from_pg).to_str().unwrap()]).ok();
    assert_eq!(into_sled.run(["export"]).ok(), from_pg);
    let into_pg = Env::new_pg(&server);
    into_pg.run(["import", sled.file("sled.jsonl", &from_sled).to_str().unwrap()]).ok();
    assert_eq!(into_pg.run(["export"]).ok(), from_sled);
}

#[test]
fn a_schema_newer_than_this_claimtrail_is_refused() {
    let Some(server) = require_pg("postgres::a_schema_newer_than_this_claimtrail_is_refused") else { return };
    let env = Env::new_pg(&server);
    record_harbor(&env);
    let schema = env.pg_schema().unwrap();
    let mut client = pg_client(&server).unwrap();
    client.execute(&format!("INSERT INTO {schema}.ct_schema (version) VALUES (99)"), &[]).unwrap();
    let before = env.store_snapshot();
    for args in [&["log", "harbor"][..], &["record", "harbor", example("01-first.txt").to_str().unwrap()]] {
        let err = env.run(args).err().to_string();
        assert!(err.contains("was written by a newer claimtrail (store format 99;"), "{err}");
        assert!(err.contains("hint: upgrade claimtrail"), "{err}");
    }
    assert_eq!(env.store_snapshot(), before, "nothing was written");
}

#[test]
fn commands_about_sled_files_refuse_a_postgres_store() {
    let Some(server) = require_pg("postgres::commands_about_sled_files_refuse") else { return };
    let env = Env::new_pg(&server);
    record_harbor(&env);
    let to = env.dir.path().join("salvaged");
    let err = env.run(["salvage", "--to", to.to_str().unwrap()]).err().to_string();
    assert!(err.contains("`salvage` works on a sled store's files, and the PostgreSQL store"), "{err}");
    assert!(err.contains("it rebuilds a damaged sled database from its journal"), "{err}");
    assert!(!to.exists(), "nothing was written");
}

#[test]
fn an_unreachable_server_is_a_clear_error() {
    // Port 1 on this machine: nothing listens there.
    let env = Env::new_sled();
    let err = env.run(["--store", "postgres://claimtrail:s3cret@127.0.0.1:1/news", "log", "harbor"]).err().to_string();
    assert!(err.contains("error: PostgreSQL store postgres://claimtrail:***@127.0.0.1:1/news: "), "{err}");
    assert!(!err.contains("s3cret"), "the password is not shown: {err}");
    assert!(err.contains("hint: check that the server is running"), "{err}");
}

/// Invented stories for the bulk tests: `count` story folders under
/// `dir`, named `{prefix}-{n}`, each with three revisions whose capture
/// times are in their names (so ids do not depend on when a test runs).
fn write_stories(dir: &Path, prefix: &str, count: usize) {
    for n in 0..count {
        let story = dir.join(format!("{prefix}-{n}"));
        std::fs::create_dir_all(&story).unwrap();
        for r in 1..=3 {
            let mut text = format!(
                "The council of Brookvale {prefix} {n} met on Monday to discuss the new ferry terminal.\n\n\
                 \"We will open the terminal in {} weeks,\" said Mayor Ilse Varga.\n\n",
                r + n
            );
            if r >= 2 {
                text += &format!(
                    "Harbour master Tomas Reyes said the pier in district {n} needs {} more inspections.\n\n",
                    r * 2
                );
            }
            if r == 3 {
                text += "\"The budget is not final,\" a spokesperson for the council told reporters.\n";
            }
            std::fs::write(story.join(format!("0{r}-2026-01-0{r}T0{}00Z.txt", n % 10)), text).unwrap();
        }
    }
}

/// An export's lines by story, and the racing story's revisions without
/// what their order decides (number, id, parent).
fn by_story(export: &str, racing: &str) -> (BTreeMap<String, Vec<String>>, Vec<String>) {
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut race = Vec::new();
    for line in export.lines() {
        let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
        let Some(story) = v.get("story").and_then(|s| s.as_str()).map(str::to_string) else { continue };
        if story == racing {
            let o = v.as_object_mut().unwrap();
            for field in ["number", "id", "parent"] {
                o.remove(field);
            }
            race.push(serde_json::to_string(&v).unwrap());
        } else {
            stories.entry(story).or_default().push(line.to_string());
        }
    }
    race.sort();
    (stories, race)
}

/// Texts of the racing story, each recorded once by one of two recorders
/// (all at the test's fixed time: they land in whatever order they race).
fn racing_texts(env: &Env, recorder: usize) -> Vec<std::path::PathBuf> {
    (0..4)
        .map(|i| {
            let text = format!(
                "Ferry service to Brookvale resumed on Friday.\n\n\
                 \"Crossing number {i} of recorder {recorder} left on time,\" said operator Lena Ostrova.\n"
            );
            env.file(&format!("race-{recorder}-{i}.txt"), text)
        })
        .collect()
}

#[test]
fn four_importers_and_two_recorders_at_once_all_land_exactly_once() {
    let Some(server) = require_pg("postgres::four_importers_and_two_recorders_at_once") else { return };
    let env = Env::new_pg(&server);
    let sets: Vec<std::path::PathBuf> = (0..4)
        .map(|i| {
            let dir = env.dir.path().join(format!("set-{i}"));
            write_stories(&dir, &format!("set{i}"), 6);
            dir
        })
        .collect();
    let texts: Vec<_> = (0..2).map(|r| racing_texts(&env, r)).collect();
    // The store exists before the writers start, so none of them creates it.
    env.run(["record", "race", texts[0][0].to_str().unwrap()]).ok();

    let importers: Vec<_> = sets
        .iter()
        .map(|dir| {
            env.std_cmd()
                .args(["import", "--quiet", "--batch", "4", dir.to_str().unwrap()])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    // Two recorders race on one story, while the importers run.
    std::thread::scope(|scope| {
        for (r, texts) in texts.iter().enumerate() {
            let env = &env;
            scope.spawn(move || {
                for file in texts.iter().skip(usize::from(r == 0)) {
                    env.run(["record", "race", file.to_str().unwrap()]).ok();
                }
            });
        }
    });
    for child in importers {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "import: {}", String::from_utf8_lossy(&out.stderr));
    }

    // Every revision exactly once, every chain intact.
    let stories = env.run(["stories", "--format", "json"]).json();
    let stories = stories.as_array().expect("a list of stories");
    assert_eq!(stories.len(), 4 * 6 + 1);
    let log = env.run(["log", "race", "--format", "json"]).json();
    assert_eq!(log.as_array().map(Vec::len), Some(8), "{log}");
    root(&env);

    // The same work done one step after another, in a sled store.
    let sequential = Env::new_sled();
    for dir in &sets {
        sequential.run(["import", "--quiet", dir.to_str().unwrap()]).ok();
    }
    for file in texts.iter().flatten() {
        sequential.run(["record", "race", file.to_str().unwrap()]).ok();
    }
    let (concurrent, race_a) = by_story(env.run(["export"]).ok(), "race");
    let (one_by_one, race_b) = by_story(sequential.run(["export"]).ok(), "race");
    assert_eq!(concurrent, one_by_one, "the imported stories are the same, id for id");
    assert_eq!(race_a, race_b, "the racing revisions are the same, up to their order");
    let counts = |env: &Env| {
        let v = env.run(["verify", "--format", "json"]).json();
        (v["stories"].clone(), v["revisions"].clone(), v["statements"].clone(), v["blobs"].clone())
    };
    assert_eq!(counts(&env), counts(&sequential), "the store's counts agree");
}

#[test]
fn an_import_whose_connection_is_killed_completes_when_run_again() {
    let Some(server) = require_pg("postgres::an_import_whose_connection_is_killed") else { return };
    let env = Env::new_pg(&server);
    let schema = env.pg_schema().unwrap().to_string();
    // The import's connections carry a name of their own, so this test
    // kills them and no other test's.
    let address = format!("{}&application_name={schema}", pg_address(&server, &schema));
    let dir = env.dir.path().join("archive");
    write_stories(&dir, "bulk", 60);
    env.run(["--store", &address, "record", "first", example("01-first.txt").to_str().unwrap()]).ok();

    let mut child = env
        .std_cmd()
        .args(["--store", &address, "import", "--quiet", "--batch", "4", dir.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut admin = pg_client(&server).unwrap();
    let start = Instant::now();
    let killed = loop {
        let landed: i64 =
            admin.query_one(&format!("SELECT n FROM {schema}.counters WHERE name = 'revisions'"), &[]).unwrap().get(0);
        if landed > 8 {
            let n = admin
                .execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1",
                    &[&schema],
                )
                .unwrap();
            break n;
        }
        assert!(child.try_wait().unwrap().is_none(), "the import ended before it could be interrupted");
        assert!(start.elapsed() < Duration::from_secs(60), "the import made no progress");
        std::thread::sleep(Duration::from_millis(5));
    };
    assert_eq!(killed, 1, "one connection was killed");
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "the import failed: {stderr}");
    // It says where the writing stopped and how much of the import is in.
    let said = stderr
        .strip_prefix(&format!("error: cannot import {}: writing failed at ", dir.display()))
        .unwrap_or_else(|| panic!("{stderr}"));
    let (_, rest) = said.split_once(" after ").unwrap_or_else(|| panic!("{stderr}"));
    let (written, rest) = rest.split_once(' ').unwrap();
    let written: u64 = written.parse().unwrap_or_else(|_| panic!("{stderr}"));
    assert!(rest.starts_with("revisions were written: PostgreSQL store postgres://"), "{stderr}");
    let stored = env.run(["verify", "--format", "json"]).json()["revisions"].as_u64().unwrap();
    // A batch whose commit the server finished as the connection died is
    // in, unknown to the client: at most one batch more than it says.
    assert!((written..=written + 4).contains(&(stored - 1)), "{written} said, {stored} stored (with `first`)");

    // What landed is whole: verify passes, and running the import again
    // finishes the job.
    root(&env);
    let landed = env.run(["stories", "--format", "json"]).json().as_array().map_or(0, Vec::len);
    assert!(landed < 61, "the import was interrupted ({landed} stories)");
    let again = env.run(["import", dir.to_str().unwrap()]).ok().to_string();
    assert!(again.contains("already there"), "{again}");
    root(&env);

    let sequential = Env::new_sled();
    sequential.run(["record", "first", example("01-first.txt").to_str().unwrap()]).ok();
    sequential.run(["import", "--quiet", dir.to_str().unwrap()]).ok();
    let without_first = |env: &Env| by_story(env.run(["export"]).ok(), "first").0;
    assert_eq!(
        without_first(&env),
        without_first(&sequential),
        "the interrupted import, completed, is the whole import"
    );
}

#[test]
fn verify_recomputes_every_chain_and_hash_from_the_rows() {
    let Some(server) = require_pg("postgres::verify_recomputes_every_chain_and_hash_from_the_rows") else { return };
    let damaged = |change: &dyn Fn(&mut postgres::Client, &str, &str), expect: &str| {
        let env = Env::new_pg(&server);
        record_harbor(&env);
        root(&env);
        let j = env.run(["show", "harbor@3", "--format", "json"]).json();
        let hash = j["statements"].as_array().unwrap().last().unwrap()["hash"].as_str().unwrap().to_string();
        change(&mut pg_client(&server).unwrap(), env.pg_schema().unwrap(), &hash);
        let out = env.run(["verify"]);
        assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains(expect), "{expect}:\n{}", out.stdout);
    };
    // A statement's words edited in SQL.
    damaged(
        &|c, schema, hash| {
            let sql = format!("UPDATE {schema}.statements SET v = v || '!'::bytea WHERE hash = decode($1, 'hex')");
            assert_eq!(c.execute(&sql, &[&hash]).unwrap(), 1);
        },
        "story \"harbor\" revision 3: statement",
    );
    // A revision deleted from the middle of the chain.
    damaged(
        &|c, schema, _| {
            let sql = format!("DELETE FROM {schema}.revisions WHERE story = 'harbor' AND number = 2");
            assert_eq!(c.execute(&sql, &[]).unwrap(), 1);
        },
        "story \"harbor\" revision 3: the chain is broken: revision 2 is missing",
    );
    // One bit of every stored text and raw input flipped.
    damaged(
        &|c, schema, _| {
            let sql =
                format!("UPDATE {schema}.blobs SET v = set_byte(v, length(v) - 1, get_byte(v, length(v) - 1) # 1)");
            assert!(c.execute(&sql, &[]).unwrap() > 0);
        },
        "damaged: ",
    );
}

/// The ```sql blocks of the README's PostgreSQL section.
fn readme_sql() -> Vec<String> {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("\n## A store for a newsroom: PostgreSQL").nth(1).expect("the README's section");
    let section = section.split("\n## ").next().unwrap();
    section.split("```sql\n").skip(1).map(|b| b.split("```").next().unwrap().to_string()).collect()
}

#[test]
fn the_readmes_sql_examples_answer_from_a_recorded_store() {
    let Some(server) = require_pg("postgres::the_readmes_sql_examples_answer") else { return };
    let env = Env::new_pg(&server);
    record_harbor(&env);
    let examples = readme_sql();
    assert_eq!(examples.len(), 3, "the README shows three queries: {examples:?}");
    let mut client = pg_client(&server).unwrap();
    client.batch_execute(&format!("SET search_path = {}", env.pg_schema().unwrap())).unwrap();
    let text = |row: &postgres::Row, column: &str| -> String {
        row.try_get::<_, Option<String>>(column).ok().flatten().unwrap_or_default()
    };

    // What Daniel Ortiz said, as `who` lists it.
    let said = client.query(&examples[0], &[]).unwrap();
    let who = env.run(["who", "Daniel Ortiz", "--format", "json"]).json();
    let mut from_who: Vec<String> =
        who["statements"].as_array().unwrap().iter().map(|s| s["content"].as_str().unwrap().to_string()).collect();
    let mut from_sql: Vec<String> = said.iter().map(|r| text(r, "content")).collect();
    from_who.sort();
    from_sql.sort();
    assert!(!from_sql.is_empty(), "Daniel Ortiz is quoted in the example story");
    assert_eq!(from_sql, from_who, "the SQL and `who` list the same statements");

    // What the story stopped saying: what `diff` calls removed or changed.
    let gone = client.query(&examples[1], &[]).unwrap();
    assert!(!gone.is_empty(), "the example story drops statements");
    let diff = env.run(["diff", "harbor", "1", "2", "--format", "json"]);
    assert_eq!(diff.code, 1, "claims changed: {}", diff.stderr);
    let diff = diff.stdout;
    for row in gone.iter().filter(|r| r.get::<_, i64>("gone_in") == 2) {
        let content = text(row, "content");
        assert!(diff.contains(&serde_json::to_string(&content).unwrap()), "{content:?} is in the diff of 1 and 2");
    }

    // The speakers quoted in the most stories.
    let top = client.query(&examples[2], &[]).unwrap();
    let names: Vec<String> = top.iter().map(|r| text(r, "speaker")).collect();
    assert!(names.contains(&"Daniel Ortiz".to_string()), "{names:?}");
    assert!(top.iter().all(|r| r.get::<_, i64>("stories") == 1), "one story, one each");
}

#[test]
fn a_schema_1_store_is_brought_up_to_date_with_its_typed_columns_filled() {
    let Some(server) = require_pg("postgres::a_schema_1_store_is_brought_up_to_date") else { return };
    let env = Env::new_pg(&server);
    record_harbor(&env);
    let schema = env.pg_schema().unwrap();
    let mut client = pg_client(&server).unwrap();
    let before = env.run(["export"]).ok().to_string();
    // Take the store back to schema 1: what versions 2 and 4 added is
    // gone (and version 3 only redefined a function).
    client
        .batch_execute(&format!(
            "SET search_path = {schema};
             DROP VIEW said; DROP VIEW story_revisions;
             ALTER TABLE revisions DROP COLUMN id, DROP COLUMN captured_at, DROP COLUMN source;
             ALTER TABLE speakers DROP COLUMN name, DROP COLUMN kind, DROP COLUMN role;
             ALTER TABLE runs_by_statement DROP COLUMN last_revision, DROP COLUMN attribution;
             DROP INDEX runs_by_statement_story; DROP INDEX runs_by_statement_speaker;
             DROP SEQUENCE ct_batch_numbers;
             DELETE FROM ct_schema WHERE version >= 2;"
        ))
        .unwrap();
    assert_eq!(env.run(["export"]).ok(), before, "the store reads the same after the upgrade");
    let row = client
        .query_one(
            &format!(
                "SELECT count(*), count(speaker) FILTER (WHERE speaker = 'Laura Benson'), \
                 (SELECT count(*) FROM {schema}.story_revisions WHERE captured_at = '2026-01-02T10:00:00Z') \
                 FROM {schema}.said"
            ),
            &[],
        )
        .unwrap();
    let (runs, laura, second): (i64, i64, i64) = (row.get(0), row.get(1), row.get(2));
    assert!(runs > 10 && laura > 0, "{runs} runs, {laura} by Laura Benson");
    assert_eq!(second, 1, "revision 2's capture time is filled in");
    let versions: Vec<i32> = client
        .query(&format!("SELECT version FROM {schema}.ct_schema ORDER BY version"), &[])
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(versions, [1, 2, 3, 4, 5]);
    assert_eq!(env.run(["verify"]).code, 0);
}

/// A schema-3 store (batch numbers from the counters row) that an import
/// left half done is upgraded in place by this claimtrail, whose import
/// then finishes the job: the store is the one a fresh import makes, and
/// the batches go on numbering after the ones already there.
#[test]
fn a_half_imported_schema_3_store_is_finished_as_a_fresh_import() {
    let Some(server) = require_pg("postgres::a_half_imported_schema_3_store") else { return };
    let env = Env::new_pg(&server);
    let schema = env.pg_schema().unwrap();
    let dir = env.dir.path().join("archive");
    write_stories(&dir, "bulk", 6);
    env.run(["import", "--quiet", "--batch", "4", dir.to_str().unwrap()]).ok();
    let mut client = pg_client(&server).unwrap();
    // What schema 4 added: the sequence. Schema 3 numbered batches with
    // the counter alone.
    client
        .batch_execute(&format!(
            "SET search_path = {schema};
             DROP SEQUENCE ct_batch_numbers;
             DELETE FROM ct_schema WHERE version >= 4;"
        ))
        .unwrap();
    let batches = |c: &mut postgres::Client| -> i64 {
        c.query_one(&format!("SELECT n FROM {schema}.counters WHERE name = 'batches'"), &[]).unwrap().get(0)
    };
    let numbered = batches(&mut client);
    assert!(numbered > 1, "the first import numbered its batches ({numbered})");
    // The archive grows; the first stories are as they were.
    write_stories(&dir, "bulk", 12);
    let again = env.run(["import", "--quiet", "--batch", "4", dir.to_str().unwrap()]).ok().to_string();
    assert!(again.contains("18 already there"), "{again}");
    let postings: i64 = client
        .query_one(&format!("SELECT count(DISTINCT batch) FROM {schema}.postings WHERE batch > {numbered}"), &[])
        .unwrap()
        .get(0);
    assert!(postings > 0 && batches(&mut client) > numbered, "later batches are numbered after the earlier ones");

    let fresh = Env::new_pg(&server);
    fresh.run(["import", "--quiet", dir.to_str().unwrap()]).ok();
    assert_eq!(env.run(["export"]).ok(), fresh.run(["export"]).ok(), "the same export as a fresh import");
    assert_eq!(root(&env), root(&fresh), "the same verify root");
}

/// A PostgreSQL server of the test's own on 127.0.0.1 that accepts only
/// TLS connections, with a self-signed certificate for 127.0.0.1 made
/// by the `openssl` command; stopped when dropped.
struct TlsServer {
    dir: tempfile::TempDir,
    bin: std::path::PathBuf,
    port: u16,
}

impl TlsServer {
    fn start() -> TlsServer {
        let bin = std::fs::read_dir("/usr/lib/postgresql")
            .expect("the PostgreSQL server's programs in /usr/lib/postgresql")
            .flatten()
            .map(|e| e.path().join("bin"))
            .filter(|b| b.join("initdb").exists())
            .max()
            .expect("initdb in /usr/lib/postgresql/*/bin");
        let dir = tempfile::tempdir().unwrap();
        let root = running_as_root();
        // A test CA, the server's certificate for 127.0.0.1 signed by it,
        // and another CA that signed nothing of the server's.
        let openssl = |args: &[&str]| {
            let out = std::process::Command::new("openssl").args(args).current_dir(dir.path()).output();
            let out = out.expect("the openssl command");
            assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        };
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
        for ca in ["ca", "other"] {
            let (keyout, out, subj) = (format!("{ca}.key"), format!("{ca}.crt"), format!("/CN=claimtrail test {ca}"));
            openssl(
                &[&["req", "-x509"], &key[..], &["-keyout", &keyout, "-out", &out, "-days", "2", "-subj", &subj]]
                    .concat(),
            );
        }
        openssl(
            &[&["req"], &key[..], &["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=127.0.0.1"]].concat(),
        );
        std::fs::write(dir.path().join("server.ext"), "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1\n")
            .unwrap();
        openssl(&[
            "x509",
            "-req",
            "-in",
            "server.csr",
            "-CA",
            "ca.crt",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            "server.ext",
            "-out",
            "server.crt",
        ]);
        let as_server = |program: &str| {
            let mut c = if root {
                let mut c = std::process::Command::new("runuser");
                c.args(["-u", "postgres", "--"]).arg(bin.join(program));
                c
            } else {
                std::process::Command::new(bin.join(program))
            };
            c.stdout(Stdio::null());
            c
        };
        if root {
            let chown = std::process::Command::new("chown").args(["-R", "postgres"]).arg(dir.path()).status();
            assert!(chown.unwrap().success());
        }
        let data = dir.path().join("data");
        let initdb =
            as_server("initdb").arg("-D").arg(&data).args(["-A", "trust", "-U", "postgres", "--no-sync"]).status();
        assert!(initdb.unwrap().success(), "initdb");
        // TLS or nothing: a plain connection finds no entry and is refused.
        std::fs::write(data.join("pg_hba.conf"), "local all all trust\nhostssl all all 127.0.0.1/32 trust\n").unwrap();
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let options = format!(
            "-h 127.0.0.1 -p {port} -k {dir} -c ssl=on -c ssl_cert_file={dir}/server.crt -c ssl_key_file={dir}/server.key",
            dir = dir.path().display()
        );
        let started = as_server("pg_ctl")
            .arg("-D")
            .arg(&data)
            .arg("-l")
            .arg(dir.path().join("server.log"))
            .args(["-w", "-o", &options, "start"])
            .status()
            .unwrap();
        let log = std::fs::read_to_string(dir.path().join("server.log")).unwrap_or_default();
        assert!(started.success(), "the TLS server did not start:\n{log}");
        TlsServer { dir, bin, port }
    }

    fn address(&self, params: &str) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres{params}", self.port)
    }

    fn file(&self, name: &str) -> String {
        self.dir.path().join(name).display().to_string()
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        let data = self.dir.path().join("data");
        let mut stop = if running_as_root() {
            let mut c = std::process::Command::new("runuser");
            c.args(["-u", "postgres", "--"]).arg(self.bin.join("pg_ctl"));
            c
        } else {
            std::process::Command::new(self.bin.join("pg_ctl"))
        };
        let _ = stop.arg("-D").arg(&data).args(["-m", "immediate", "-w", "stop"]).stdout(Stdio::null()).status();
    }
}

/// Whether the tests run as root (CI does), so the server must run as
/// the postgres user (initdb refuses root).
fn running_as_root() -> bool {
    std::process::Command::new("id").arg("-u").output().is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

#[test]
fn a_server_that_accepts_only_tls_is_reached_over_tls_as_sslmode_asks() {
    // Under the PostgreSQL pass only: it starts a server of its own.
    let Some(_) = require_pg("postgres::a_server_that_accepts_only_tls") else { return };
    let server = TlsServer::start();
    let env = Env::new_sled();
    let at = |params: &str| server.address(params);
    let record = |store: &str| {
        env.run([
            "--store",
            store,
            "record",
            "harbor",
            example("01-first.txt").to_str().unwrap(),
            "--at",
            "2026-01-01T10:00:00Z",
        ])
    };

    // libpq's default (prefer) encrypts when the server offers it.
    let out = record(&at(""));
    assert_eq!(out.code, 0, "prefer: {}", out.stderr);
    // Checked against the server's certificate, for its address.
    let verified = at(&format!("?sslmode=verify-full&sslrootcert={}", server.file("ca.crt")));
    let log = env.run(["--store", &verified, "log", "harbor"]);
    assert_eq!(log.code, 0, "verify-full: {}", log.stderr);
    assert!(log.stdout.contains("harbor") || log.stdout.contains("01-first"), "{}", log.stdout);
    assert_eq!(env.run(["--store", &at("?sslmode=require"), "verify"]).code, 0);

    // Plain is refused by this server, and the message says the server's why.
    let plain = env.run(["--store", &at("?sslmode=disable"), "log", "harbor"]);
    assert_eq!(plain.code, 2, "{}", plain.stderr);
    assert!(plain.stderr.contains("no encryption"), "{}", plain.stderr);
    // A certificate some other key signed is not the server's.
    let wrong = at(&format!("?sslmode=verify-ca&sslrootcert={}", server.file("other.crt")));
    let out = env.run(["--store", &wrong, "log", "harbor"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("certificate"), "{}", out.stderr);
    // verify-full with no root certificate anywhere: said before connecting.
    let out =
        env.cmd().env("HOME", "/nonexistent").args(["--store", &at("?sslmode=verify-full"), "log", "harbor"]).output();
    let out = out.unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("needs the server's root certificate"), "{stderr}");
}

#[test]
fn verify_compares_speakers_names_postings_and_aliases_with_the_revisions() {
    let Some(server) = require_pg("postgres::verify_compares_speakers_names_postings_and_aliases_with_the_revisions")
    else {
        return;
    };
    let damaged = |change: &dyn Fn(&mut postgres::Client, &str), expect: &str| {
        let env = Env::new_pg(&server);
        record_harbor(&env);
        env.run(["alias", "Laura Benson", "Daniel Ortiz"]).ok();
        root(&env);
        change(&mut pg_client(&server).unwrap(), env.pg_schema().unwrap());
        let out = env.run(["verify"]);
        assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
        assert!(out.stdout.contains(expect), "{expect}:\n{}", out.stdout);
        // What reanalyze --force rebuilds verifies again (an alias is the
        // user's: `unalias` is its repair).
        if !expect.contains("alias") {
            env.run(["reanalyze", "--force"]).ok();
            root(&env);
        }
    };
    // A speaker's record forged under a valid seal: another name, another
    // role.
    damaged(
        &|c, schema| {
            let sql = format!("SELECT speaker FROM {schema}.speakers WHERE name = 'Laura Benson'");
            let id: String = c.query_one(&sql, &[]).unwrap().get(0);
            let forged = speaker_record(&id, "Maria Lopez", "Superintendent!!", &[]);
            let sql = format!("UPDATE {schema}.speakers SET v = $1 WHERE speaker = $2");
            assert_eq!(c.execute(&sql, &[&forged, &id]).unwrap(), 1);
        },
        "does not match what the revisions recorded: its name \"Maria Lopez\" is not one any revision gave it",
    );
    // Every posting of a word deleted.
    damaged(
        &|c, schema| {
            let sql = format!("DELETE FROM {schema}.postings WHERE term = 'fire'");
            assert!(c.execute(&sql, &[]).unwrap() > 0);
        },
        "the search index lacks \"fire\" for statement",
    );
    // A speaker made unfindable by name.
    damaged(
        &|c, schema| {
            let sql = format!(
                "DELETE FROM {schema}.names WHERE speaker = (SELECT speaker FROM {schema}.speakers WHERE name = 'Daniel Ortiz')"
            );
            assert!(c.execute(&sql, &[]).unwrap() > 0);
        },
        "the name index lacks \"n:daniel ortiz\"",
    );
    // The alias written the other way round as well: a cycle.
    damaged(
        &|c, schema| {
            let mut id = |name: &str| -> String {
                let sql = format!("SELECT speaker FROM {schema}.speakers WHERE name = $1");
                c.query_one(&sql, &[&name]).unwrap().get(0)
            };
            let (benson, ortiz) = (id("Laura Benson"), id("Daniel Ortiz"));
            let sql = format!("INSERT INTO {schema}.aliases (k, v, speaker) VALUES ($1, $2, $3)");
            // `alias A B` counts B as A: the table holds B → A; this adds A → B.
            let key = [b"A".as_slice(), benson.as_bytes()].concat();
            let value = sealed(b'A', &postcard_str(&ortiz));
            assert_eq!(c.execute(&sql, &[&key, &value, &benson]).unwrap(), 1);
        },
        "the aliases form a cycle",
    );
}

/// Record the example story and note its root; then change typed columns
/// in SQL (each statement, in the store's schema, changing one row), as a
/// person with write access to the database could. Returns the store, its
/// root from before, and what `verify` says now.
fn forge_columns(server: &str, sql: &[&str]) -> (Env, String, crate::util::Run) {
    let env = Env::new_pg(server);
    record_harbor(&env);
    let before = root(&env);
    let mut client = pg_client(server).unwrap();
    client.batch_execute(&format!("SET search_path = {}", env.pg_schema().unwrap())).unwrap();
    for sql in sql {
        assert_eq!(client.execute(*sql, &[]).unwrap(), 1, "{sql}");
    }
    let out = env.run(["verify"]);
    (env, before, out)
}

/// `verify` found damage and said each of `expected`, with the way to
/// repair it, and nothing else.
#[track_caller]
fn names_forged_columns(out: &crate::util::Run, expected: &[&str]) {
    assert_eq!(out.code, 1, "verify exits 1:\n{}{}", out.stdout, out.stderr);
    for expected in expected {
        let line = out.stdout.lines().find(|l| l.contains(expected));
        let line = line.unwrap_or_else(|| panic!("verify names the forged column, {expected:?}:\n{}", out.stdout));
        assert!(line.starts_with("damaged: "), "{line}");
        assert!(line.ends_with("`claimtrail reanalyze --force` writes the column again"), "{line}");
    }
    assert!(out.stdout.contains(&format!("\n{} problems found", expected.len())), "{}", out.stdout);
}

/// `reanalyze --force` writes the forged columns of `rows` rows again, and
/// the store verifies with the root it had before.
#[track_caller]
fn repaired(env: &Env, before: &str, rows: u64) {
    let out = env.run(["reanalyze", "--force"]).ok().to_string();
    assert!(out.contains(&format!("wrote the typed columns of {rows} rows again from their keys and values")), "{out}");
    assert_eq!(root(env), before, "the store is what it was");
    let again = env.run(["reanalyze", "--force"]).ok().to_string();
    assert!(!again.contains("wrote the typed columns"), "nothing left to repair: {again}");
}

/// What the `said` view (a newsroom's dashboard) shows for `where_`.
fn said(env: &Env, server: &str, column: &str, where_: &str) -> Vec<Option<String>> {
    let mut client = pg_client(server).unwrap();
    let sql = format!("SELECT {column} FROM {}.said WHERE {where_}", env.pg_schema().unwrap());
    client.query(&sql, &[]).unwrap().iter().map(|r| r.get(0)).collect()
}

/// The short hash `verify` names a statement by.
fn statement_short(env: &Env, server: &str, content: &str) -> String {
    let mut client = pg_client(server).unwrap();
    let sql = format!("SELECT encode(hash, 'hex') FROM {}.statements WHERE content = $1", env.pg_schema().unwrap());
    let hash: String = client.query_one(&sql, &[&content]).unwrap().get(0);
    hash[..12].to_string()
}

const BENSON_2: &str = "The fire is now contained but not yet out.";

#[test]
fn a_quote_forged_in_the_statements_content_column_is_named_by_verify_and_repaired() {
    let Some(server) = require_pg("postgres::a_quote_forged_in_the_statements_content_column") else { return };
    let forged = "The fire is out and the port is safe.";
    let sql = format!("UPDATE statements SET content = '{forged}' WHERE content = '{BENSON_2}'");
    let (env, before, out) = forge_columns(&server, &[&sql]);
    // What a dashboard reading `said` shows: the forged quote.
    let benson = "speaker = 'Laura Benson' AND first_revision = 2";
    assert_eq!(said(&env, &server, "content", benson), [Some(forged.to_string())]);
    let short = statement_short(&env, &server, forged);
    names_forged_columns(
        &out,
        &[&format!(
            "story \"harbor\" revision 2: the row of statement {short} in table statements has \"{forged}\" in column content where its value gives \"{BENSON_2}\""
        )],
    );
    repaired(&env, &before, 1);
    assert_eq!(said(&env, &server, "content", benson), [Some(BENSON_2.to_string())]);
}

#[test]
fn a_revisions_story_or_number_forged_in_sql_is_named_by_verify_and_repaired() {
    let Some(server) = require_pg("postgres::a_revisions_story_or_number_forged_in_sql") else { return };
    // Revision 2 moved to another story for SQL readers, 3 renumbered, and
    // 1's capture time moved.
    let (env, before, out) = forge_columns(
        &server,
        &[
            "UPDATE revisions SET story = 'harbour' WHERE story = 'harbor' AND number = 2",
            "UPDATE revisions SET number = 7 WHERE number = 3",
            "UPDATE revisions SET captured_at = captured_at - interval '1 day' WHERE number = 1",
        ],
    );
    names_forged_columns(
        &out,
        &[
            "story \"harbor\" revision 2: the revision's row in table revisions has \"harbour\" in column story where its key gives \"harbor\"",
            "story \"harbor\" revision 3: the revision's row in table revisions has 7 in column number where its key gives 3",
            "story \"harbor\" revision 1: the revision's row in table revisions has 2025-12-31T10:00:00+00:00 in column captured_at where its value gives 2026-01-01T10:00:00+00:00",
        ],
    );
    repaired(&env, &before, 3);
}

#[test]
fn a_quote_given_to_another_speaker_in_sql_is_named_by_verify_and_repaired() {
    let Some(server) = require_pg("postgres::a_quote_given_to_another_speaker_in_sql") else { return };
    // Laura Benson's quote given to Daniel Ortiz in the run's speaker column;
    // and in another store, her name replaced in her speaker row, so every
    // quote of hers reads as another person's.
    let quote = format!("content = '{BENSON_2}'");
    for (sql, seen, expected) in [
        (
            "UPDATE runs_by_statement SET speaker = 'daniel-ortiz' WHERE speaker = 'laura-benson' AND first_revision = 2",
            "Daniel Ortiz",
            "story \"harbor\" revision 2: the statement index row of statement {short} by \"laura-benson\" in table runs_by_statement has \"daniel-ortiz\" in column speaker where its key gives \"laura-benson\"",
        ),
        (
            "UPDATE speakers SET name = 'Maria Lopez' WHERE speaker = 'laura-benson'",
            "Maria Lopez",
            "the row of speaker \"laura-benson\" in table speakers has \"Maria Lopez\" in column name where its value gives \"Laura Benson\"",
        ),
    ] {
        let (env, before, out) = forge_columns(&server, &[sql]);
        assert_eq!(said(&env, &server, "speaker", &quote), [Some(seen.to_string())], "what SQL readers see");
        let short = statement_short(&env, &server, BENSON_2);
        names_forged_columns(&out, &[&expected.replace("{short}", &short)]);
        repaired(&env, &before, 1);
        assert_eq!(said(&env, &server, "speaker", &quote), [Some("Laura Benson".to_string())]);
    }
}

#[test]
fn a_null_where_a_column_belongs_and_a_value_where_null_belongs_are_named_by_verify() {
    let Some(server) = require_pg("postgres::a_null_where_a_column_belongs") else { return };
    // A quote's words emptied for SQL readers, and a statement still in the
    // story's latest revision made to look removed after revision 2.
    let emptied = format!("UPDATE statements SET content = NULL WHERE content = '{BENSON_2}'");
    let (env, before, out) = forge_columns(
        &server,
        &[&emptied, "UPDATE runs_by_statement SET last_revision = 2 WHERE first_revision = 3 AND speaker IS NULL"],
    );
    let short = {
        let mut client = pg_client(&server).unwrap();
        let sql = format!("SELECT encode(k, 'hex') FROM {}.statements WHERE content IS NULL", env.pg_schema().unwrap());
        client.query_one(&sql, &[]).unwrap().get::<_, String>(0)[2..14].to_string()
    };
    let removed = statement_short(&env, &server, "Harbor traffic resumed on Wednesday morning.");
    names_forged_columns(
        &out,
        &[
            &format!(
                "story \"harbor\" revision 2: the row of statement {short} in table statements has NULL in column content where its value gives \"{BENSON_2}\""
            ),
            &format!(
                "story \"harbor\" revision 3: the statement index row of statement {removed} (no speaker) in table runs_by_statement has 2 in column last_revision where its value gives NULL"
            ),
        ],
    );
    repaired(&env, &before, 2);
}
