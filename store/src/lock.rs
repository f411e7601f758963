//! The store's own lock file. sled allows one process per database and,
//! when a second one tries, fails with a bare I/O error; taking our own lock
//! first lets us say which process holds the store, and wait for it.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::error::{Result, StoreError};

/// Held for as long as the store is open; the OS releases it on exit, also
/// on a crash, so a stale lock file never blocks anyone.
#[derive(Debug)]
pub(crate) struct LockFile {
    _file: File,
}

/// The store is busy: who holds it (told to [`crate::OpenOptions::on_wait`]).
#[derive(Debug)]
pub struct Busy<'a> {
    pub path: &'a Path,
    pub pid: Option<u32>,
}

impl LockFile {
    /// Take the lock, waiting up to `wait` (a wait too long to represent is
    /// no limit), calling `on_wait` once if the store is busy and we wait.
    pub(crate) fn acquire(dir: &Path, wait: Option<Duration>, on_wait: Option<fn(&Busy)>) -> Result<LockFile> {
        let path = dir.join("lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|source| StoreError::Open { path: dir.to_path_buf(), source })?;
        // None: do not wait; Some(None): wait without limit.
        let deadline = wait.map(|w| Instant::now().checked_add(w));
        let mut told = false;
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    let waiting = match deadline {
                        Some(Some(d)) => Instant::now() < d,
                        Some(None) => true,
                        None => false,
                    };
                    if waiting {
                        if !told && let Some(tell) = on_wait {
                            tell(&Busy { path: dir, pid: holder(&mut file) });
                            told = true;
                        }
                        std::thread::sleep(Duration::from_millis(50));
                        continue;
                    }
                    return Err(StoreError::InUse { path: dir.to_path_buf(), pid: holder(&mut file) });
                }
                Err(TryLockError::Error(source)) => {
                    return Err(StoreError::Open { path: dir.to_path_buf(), source });
                }
            }
        }
        // Best effort: the pid only makes the "in use" message friendlier.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(LockFile { _file: file })
    }
}

/// The pid the holder wrote into the lock file, if it reads as one.
fn holder(file: &mut File) -> Option<u32> {
    let mut pid = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut pid);
    pid.trim().parse().ok()
}
