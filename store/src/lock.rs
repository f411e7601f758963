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

impl LockFile {
    pub(crate) fn acquire(dir: &Path, wait: Option<Duration>) -> Result<LockFile> {
        let path = dir.join("lock");
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(|source| StoreError::Open { path: dir.to_path_buf(), source })?;
        let deadline = wait.map(|w| Instant::now() + w);
        loop {
            match file.try_lock() {
                Ok(()) => break,
                Err(TryLockError::WouldBlock) => {
                    if deadline.is_some_and(|d| Instant::now() < d) {
                        std::thread::sleep(Duration::from_millis(50));
                        continue;
                    }
                    let mut pid = String::new();
                    let _ = file.read_to_string(&mut pid);
                    return Err(StoreError::InUse { path: dir.to_path_buf(), pid: pid.trim().parse().ok() });
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
