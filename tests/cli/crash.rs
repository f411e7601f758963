//! Crash safety in sled's manner: a bulk import is killed (SIGKILL) at a
//! random moment, the store is reopened and verified, and a re-run must
//! finish the job with exactly the history an uninterrupted import makes.
//!
//! `CLAIMTRAIL_CRASH_ITERATIONS` sets how many kills (default 50);
//! `scripts/crash-test.sh --iterations 1000` runs a long one.

use std::path::Path;
use std::time::{Duration, Instant};

use crate::util::Env;

/// A deterministic archive: stories of revisions with small edits.
pub(crate) fn write_archive(root: &Path, stories: usize, revisions: usize) {
    for s in 0..stories {
        let dir = root.join(format!("story-{s}"));
        std::fs::create_dir_all(&dir).unwrap();
        let mut paragraphs: Vec<String> = (0..30)
            .map(|p| format!("Paragraph {p} of story {s} reports that the council met on day {p} and that \"nothing was decided,\" an official said."))
            .collect();
        for r in 0..revisions {
            paragraphs[(r * 7 + s) % 30] =
                format!("Updated in revision {r}: the mayor of town {s} said the vote on item {r} was postponed.");
            let name = format!("{:02}-2026-01-{:02}T{:02}00Z.txt", r + 1, s + 1, r % 24);
            std::fs::write(dir.join(name), paragraphs.join("\n\n")).unwrap();
        }
    }
}

/// A small, seeded generator: the same kill times on every run.
pub(crate) struct Lcg(pub(crate) u64);
impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn killed_imports_leave_a_verifiable_store_and_a_rerun_finishes() {
    let iterations: u64 = std::env::var("CLAIMTRAIL_CRASH_ITERATIONS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    let env = Env::new();
    let archive = env.dir.path().join("archive");
    write_archive(&archive, 4, 10);
    let archive_arg = archive.to_str().unwrap();

    // The reference: an uninterrupted import, timed to aim the kills.
    let reference_store = env.dir.path().join("reference");
    let start = Instant::now();
    env.run(["--store", reference_store.to_str().unwrap(), "import", "--quiet", "--batch", "3", archive_arg]).ok();
    let full = start.elapsed();
    let reference = env.run(["--store", reference_store.to_str().unwrap(), "export"]).ok().to_string();

    let mut rng = Lcg(0x5eed);
    let mut interrupted = 0;
    for i in 0..iterations {
        let store = env.dir.path().join(format!("crash-{i}"));
        let store_arg = store.to_str().unwrap();
        let mut child = env
            .std_cmd()
            .args(["--store", store_arg, "import", "--quiet", "--batch", "3", archive_arg])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let delay = Duration::from_micros(rng.next() % (full.as_micros() as u64 * 12 / 10 + 1));
        std::thread::sleep(delay);
        child.kill().unwrap(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        interrupted += u32::from(!status.success());

        if claimtrail_store::Store::exists(&store) {
            let v = env.run(["--store", store_arg, "verify"]);
            assert_eq!(v.code, 0, "iteration {i} (killed after {delay:?}): verify failed\n{}{}", v.stdout, v.stderr);
        }
        env.run(["--store", store_arg, "import", "--quiet", archive_arg]).ok();
        let after = env.run(["--store", store_arg, "export"]);
        assert!(after.ok() == reference, "iteration {i} (killed after {delay:?}): the re-run history differs");
        std::fs::remove_dir_all(&store).unwrap();
    }
    assert!(iterations == 0 || interrupted > 0, "no import was actually interrupted");
    eprintln!("{iterations} kills, {interrupted} interrupted mid-import");
}

/// A process killed while sled wrote a snapshot leaves `snap.N.generating`
/// half-written beside the finished one. sled 0.34 would read it as the
/// newest snapshot and refuse the store for good ("Read corrupted data");
/// it is a leftover, and the store reads as it was before.
#[test]
fn a_snapshot_cut_short_by_a_kill_is_a_leftover_not_damage() {
    let env = Env::new_sled();
    env.run(["record", "harbor", crate::util::example("01-first.txt").to_str().unwrap()]).ok();
    let root = env.run(["verify", "--format", "json"]).json()["root"].clone();
    let snap = crate::util::sled_snapshot(&env);
    let bytes = std::fs::read(&snap).unwrap();
    let unfinished = snap.with_file_name(format!("{}.generating", snap.file_name().unwrap().to_string_lossy()));
    std::fs::write(&unfinished, &bytes[..bytes.len() / 2]).unwrap();

    let v = env.run(["verify", "--format", "json"]);
    assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
    assert_eq!(v.json()["root"], root);
    assert!(!unfinished.exists(), "the leftover is removed");
    let log = env.run(["log", "harbor", "--format", "json"]).json();
    assert_eq!(log.as_array().unwrap().len(), 1);
}

/// A process killed while sled created the store leaves a half-written
/// config and no data; the next command starts the store afresh instead of
/// failing on "corrupted data" for good.
#[test]
fn a_store_whose_creation_was_cut_short_starts_again() {
    let env = Env::new();
    let db = env.store().join("db");
    std::fs::create_dir_all(db.join("blobs")).unwrap();
    // What sled had written of its config when a creation was killed.
    std::fs::write(db.join("conf"), "segment_size: 524288\nuse_compression: false\nversion: 0.34.").unwrap();
    let out = env.run(["record", "harbor", crate::util::example("01-first.txt").to_str().unwrap()]);
    assert!(out.ok().contains("recorded revision 1"), "{}", out.stdout);
    env.run(["verify"]).ok();
}
