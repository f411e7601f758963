//! The test harness: a temporary store per test, a fixed clock, `NO_COLOR`,
//! and helpers to reach fixtures and the shared corpus.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The time every test's clock is fixed at.
pub const NOW: &str = "2026-01-02T03:04:05Z";

/// A test's world: a temporary directory holding its store.
pub struct Env {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary printed and returned.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    fn from(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// Assert success and return stdout.
    #[track_caller]
    pub fn ok(&self) -> &str {
        assert_eq!(self.code, 0, "expected success\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        &self.stdout
    }

    /// Assert a usage/input error (exit 2) and return stderr.
    #[track_caller]
    pub fn err(&self) -> &str {
        assert_eq!(self.code, 2, "expected exit 2\nstdout:\n{}\nstderr:\n{}", self.stdout, self.stderr);
        assert!(self.stderr.starts_with("error: "), "stderr should start with 'error: ': {}", self.stderr);
        &self.stderr
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl Env {
    pub fn new() -> Env {
        Env { dir: tempfile::tempdir().expect("temp dir") }
    }

    pub fn store(&self) -> PathBuf {
        self.dir.path().join("store")
    }

    /// A file in the test's directory with the given contents.
    pub fn file(&self, name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, contents).expect("write fixture");
        p
    }

    pub fn cmd(&self) -> Command {
        let mut c = Command::new(assert_cmd::cargo::cargo_bin!("claimtrail"));
        c.env("CLAIMTRAIL_STORE", self.store())
            .env("CLAIMTRAIL_NOW", NOW)
            .env("NO_COLOR", "1")
            .env_remove("CLAIMTRAIL_WAIT")
            .current_dir(self.dir.path());
        c
    }

    /// The same command as a std `Command`, for tests that manage the child.
    pub fn std_cmd(&self) -> std::process::Command {
        let mut c = std::process::Command::new(assert_cmd::cargo::cargo_bin!("claimtrail"));
        c.env("CLAIMTRAIL_STORE", self.store())
            .env("CLAIMTRAIL_NOW", NOW)
            .env("NO_COLOR", "1")
            .current_dir(self.dir.path());
        c
    }

    /// Run the binary with these arguments.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        Run::from(self.cmd().args(args).output().expect("run claimtrail"))
    }

    /// Run with standard input.
    pub fn run_stdin<I, S>(&self, args: I, stdin: &str) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<std::ffi::OsStr>,
    {
        Run::from(self.cmd().args(args).write_stdin(stdin).output().expect("run claimtrail"))
    }

    /// The store's sled database, opened directly (to inspect or damage it).
    /// sled releases its file lock a little after a process or handle is
    /// gone, so a conflict is retried for a moment.
    pub fn sled(&self) -> sled::Db {
        let start = std::time::Instant::now();
        loop {
            match sled::open(self.store().join("db")) {
                Ok(db) => return db,
                Err(e) if start.elapsed() < std::time::Duration::from_secs(5) => {
                    let _ = e;
                    std::thread::sleep(std::time::Duration::from_millis(20));
                }
                Err(e) => panic!("open sled: {e}"),
            }
        }
    }

    /// Every key and value of the store's database, to prove it unchanged.
    pub fn store_snapshot(&self) -> Vec<(Vec<u8>, Vec<u8>)> {
        if !self.store().join("db").exists() {
            return Vec::new();
        }
        let db = self.sled();
        db.iter().map(|kv| kv.map(|(k, v)| (k.to_vec(), v.to_vec())).expect("read")).collect()
    }
}

/// The bundled example story's revisions.
pub fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/harbor-fire").join(name)
}

/// A file of the shared corpus beside the repo. Missing is a failure, never
/// a skip: the tests that need it are the acceptance figures.
pub fn shared(rel: &str) -> PathBuf {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared").join(rel);
    assert!(
        p.exists(),
        "the shared corpus file {} is missing: clone the repo with ../shared beside it (CI={})",
        p.display(),
        std::env::var("CI").unwrap_or_default()
    );
    p
}

/// Damage sled's snapshot file: sled then refuses to open the database at
/// all ("Read corrupted data"), as after many single flipped bits.
pub fn damage_sled_snapshot(env: &Env) {
    let db = env.store().join("db");
    let snap = std::fs::read_dir(&db)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("snap."))
        .expect("sled's snapshot");
    let mut bytes = std::fs::read(&snap).unwrap();
    bytes[5] ^= 0x10;
    std::fs::write(&snap, bytes).unwrap();
}
