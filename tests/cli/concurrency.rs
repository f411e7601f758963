//! One process per store: a second claimtrail gets a clear message, or
//! waits with `--wait`.

use std::time::{Duration, Instant};

use crate::util::{Env, example};

#[test]
fn a_second_process_is_told_who_holds_the_store() {
    let env = Env::new();
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    let held = claimtrail_store::Store::open(&env.store()).unwrap();
    let err = env.run(["--wait", "0", "log", "harbor"]).err().to_string();
    let pid = std::process::id();
    assert!(err.contains(&format!("is in use by another claimtrail process (pid {pid})")), "{err}");
    assert!(err.contains("hint: wait for the other process to finish, pass --wait SECONDS"), "{err}");
    let before = {
        drop(held);
        env.store_snapshot()
    };
    let _held = claimtrail_store::Store::open(&env.store()).unwrap();
    let err = env.run(["record", "harbor", example("02-update.txt").to_str().unwrap()]).err().to_string();
    assert!(err.contains("in use"), "{err}");
    drop(_held);
    assert_eq!(env.store_snapshot(), before, "the refused record wrote nothing");
}

/// A store with one revision, held by this process for 700 ms.
fn held_for_a_moment(env: &Env) -> std::thread::JoinHandle<()> {
    env.run(["record", "harbor", example("01-first.txt").to_str().unwrap()]).ok();
    let held = claimtrail_store::Store::open(&env.store()).unwrap();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(700));
        drop(held);
    })
}

#[test]
fn wait_lets_a_command_queue_behind_another() {
    let env = Env::new();
    let releaser = held_for_a_moment(&env);
    let start = Instant::now();
    let out = env.run(["--wait", "10", "record", "harbor", example("02-update.txt").to_str().unwrap()]);
    assert!(out.ok().contains("recorded revision 2"), "{}", out.stdout);
    assert!(start.elapsed() >= Duration::from_millis(600), "it waited for the lock");
    releaser.join().unwrap();
}

#[test]
fn a_reader_waits_for_a_busy_store_instead_of_failing() {
    let env = Env::new();
    let releaser = held_for_a_moment(&env);
    let out = env.run(["log", "harbor"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let pid = std::process::id();
    assert!(out.stderr.contains(&format!("in use by another claimtrail process (pid {pid})")), "{}", out.stderr);
    assert!(out.stderr.starts_with("waiting for store"), "{}", out.stderr);
    releaser.join().unwrap();
}
