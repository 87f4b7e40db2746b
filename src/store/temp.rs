//! The names of the tool's own temporary files inside the records folder,
//! in one place: a write in progress is `.quartier-<random>.tmp` beside the
//! file it becomes (`store::write`, `--out` in `out.rs`), a record lock is
//! `.quartier-lock-<id>` (`store::lock`). The `.gitignore` of `init` covers
//! them all with `.quartier-*`; record walks skip them as hidden, and
//! `check` names a write temporary a crashed write left behind.

use super::Finding;
use std::ffi::OsStr;
use std::path::Path;
use std::time::{Duration, SystemTime};

/// How every temporary file of the tool begins.
pub const PREFIX: &str = ".quartier-";
/// How a write temporary ends.
pub const SUFFIX: &str = ".tmp";

/// A write temporary this much older than now belongs to no write in
/// progress (a write takes milliseconds): a crash left it.
pub const STALE_AFTER: Duration = Duration::from_secs(60);

/// The lock file of record `id`.
pub fn lock_name(id: &str) -> String {
    format!("{PREFIX}lock-{id}")
}

/// Whether `name` is a write temporary (not a lock file).
pub fn is_write_temporary(name: &OsStr) -> bool {
    let name = name.as_encoded_bytes();
    name.starts_with(PREFIX.as_bytes())
        && name.ends_with(SUFFIX.as_bytes())
        && name.len() > PREFIX.len() + SUFFIX.len()
}

/// A warning naming `path` when it is a write temporary last changed more
/// than [`STALE_AFTER`] before `now`; a fresh one may be a write in progress.
pub fn stale(path: &Path, now: SystemTime) -> Option<Finding> {
    if !is_write_temporary(path.file_name()?) {
        return None;
    }
    let meta = std::fs::symlink_metadata(path).ok()?;
    let age = now.duration_since(meta.modified().ok()?).ok()?;
    (meta.is_file() && age > STALE_AFTER).then(|| {
        Finding::warning(
            path,
            None,
            crate::finding!(
                "stale-temporary",
                path = path.display().to_string().replace('\'', r"'\''")
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_temporaries_are_told_from_locks_and_records() {
        assert!(is_write_temporary(OsStr::new(".quartier-a1B2c3.tmp")));
        assert!(!is_write_temporary(OsStr::new(&lock_name("K-AB12"))));
        assert!(!is_write_temporary(OsStr::new(".quartier-x9.toml")));
        assert!(!is_write_temporary(OsStr::new(".quartier-.tmp")));
        assert!(!is_write_temporary(OsStr::new("quartier-a1.tmp")));
    }

    #[test]
    fn only_an_old_write_temporary_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let tmp = dir.path().join(".quartier-a1B2c3.tmp");
        let lock = dir.path().join(lock_name("K-AB12"));
        std::fs::write(&tmp, "id = \"K-AB").unwrap();
        std::fs::write(&lock, "").unwrap();
        let now = SystemTime::now();
        assert!(stale(&tmp, now).is_none(), "a write may be in progress");
        let later = now + STALE_AFTER + Duration::from_secs(1);
        let f = stale(&tmp, later).expect("left by a crash");
        assert!(f.message.contains("rm '"), "{}", f.message);
        assert!(f.message.contains(".quartier-a1B2c3.tmp"), "{}", f.message);
        assert!(!f.is_error());
        assert!(stale(&lock, later).is_none());
    }
}
