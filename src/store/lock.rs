//! One record's write lock, so that no two quartier commands change the same
//! record at once: a lock file `.quartier-lock-<id>` in the records folder
//! (named in `store::temp`, ignored by git through `.quartier-*`, skipped
//! by `check` as hidden),
//! locked with the operating system's advisory lock and removed again by its
//! holder. A file that was removed or replaced while a command waited for
//! it is opened anew, so two commands never hold two different files.

use crate::error::{CommandError, Result};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a command waits for another one writing the same record.
const WAIT: Duration = Duration::from_secs(10);

/// Held while a record is compared and replaced; released when dropped.
#[derive(Debug)]
pub struct RecordLock {
    file: File,
    path: PathBuf,
}

impl RecordLock {
    /// Locks the record `id` of the records folder `root`, waiting up to
    /// ten seconds for another command that holds it.
    pub fn acquire(root: &Path, id: &str) -> Result<RecordLock> {
        let path = root.join(super::temp::lock_name(id));
        let start = Instant::now();
        loop {
            let file = OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| CommandError::io(crate::error::IoAction::LockRecordIn, root, &e))?;
            match file.try_lock() {
                Ok(()) => {
                    if same_file(&file, &path) {
                        return Ok(RecordLock { file, path });
                    }
                    // removed by its last holder after we opened it: open anew
                    continue;
                }
                Err(TryLockError::WouldBlock) => {}
                Err(TryLockError::Error(e)) => {
                    return Err(CommandError::io(crate::error::IoAction::Lock, &path, &e));
                }
            }
            if start.elapsed() > WAIT {
                return Err(CommandError::data(crate::tr!(
                    "writing.locked",
                    id = id,
                    seconds = WAIT.as_secs(),
                    path = path.display()
                )));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// Whether `path` still names the open `file`.
fn same_file(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), std::fs::symlink_metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        path.exists()
    }
}

impl Drop for RecordLock {
    fn drop(&mut self) {
        // removed while still locked, so that a waiter sees it is gone
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_holder_waits_and_the_file_is_gone_afterwards() {
        let dir = tempfile::tempdir().unwrap();
        let first = RecordLock::acquire(dir.path(), "apt-20261125-x7k2").unwrap();
        let root = dir.path().to_path_buf();
        let waiter = std::thread::spawn(move || {
            let t = Instant::now();
            let _second = RecordLock::acquire(&root, "apt-20261125-x7k2").unwrap();
            t.elapsed()
        });
        std::thread::sleep(Duration::from_millis(100));
        drop(first);
        assert!(waiter.join().unwrap() >= Duration::from_millis(50));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}
