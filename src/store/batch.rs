//! Creating many new record files at once (`import` of thousands of rows)
//! with two syncs of the file system instead of two per file, each file
//! still whole or not there at all.
//!
//! Every text goes to a hidden temporary beside its path (closed at once,
//! so thousands stay within the open-file limit); one sync makes all of
//! them durable; then each is renamed to its path without replacing
//! anything; a second sync makes the names durable. A crash before the
//! renames leaves only temporaries (`check` names them once stale); during
//! them, whole files plus temporaries — never half a file, never a record
//! twice (a rename moves, it does not copy).

use super::Store;
use std::io::Write;
use std::path::Path;

impl Store {
    /// Creates each `(path, text)` as a new file; per file `Ok`, or the
    /// error that stopped it (`AlreadyExists` when the path was taken
    /// meanwhile — the caller may pick another id). Never replaces a file,
    /// never writes through a symbolic link.
    pub fn create_new_files(&self, files: &[(&Path, &[u8])]) -> Vec<std::io::Result<()>> {
        let temps: Vec<std::io::Result<tempfile::TempPath>> = files
            .iter()
            .map(|(path, text)| self.write_temporary(path, text))
            .collect();
        sync_file_system(self.root(), files.iter().map(|(p, _)| *p));
        let done: Vec<std::io::Result<()>> = temps
            .into_iter()
            .zip(files)
            .map(|(tmp, (path, _))| tmp?.persist_noclobber(path).map_err(|e| e.error))
            .collect();
        sync_file_system(self.root(), files.iter().map(|(p, _)| *p));
        done
    }

    fn write_temporary(&self, path: &Path, text: &[u8]) -> std::io::Result<tempfile::TempPath> {
        let dir = path.parent().unwrap_or(self.root());
        std::fs::create_dir_all(dir)?;
        super::write::refuse_links(self.root(), path)
            .map_err(|e| std::io::Error::other(e.message))?;
        let mut tmp = tempfile::Builder::new()
            .prefix(super::temp::PREFIX)
            .suffix(super::temp::SUFFIX)
            .tempfile_in(dir)?;
        tmp.write_all(text)?;
        Ok(tmp.into_temp_path())
    }
}

/// Makes every write so far on the file system of `root` durable: one
/// `syncfs` on Linux; elsewhere a sync of each file and its folder.
#[cfg(target_os = "linux")]
fn sync_file_system<'a>(root: &Path, _paths: impl Iterator<Item = &'a Path>) {
    use std::os::fd::AsRawFd;
    if let Ok(dir) = std::fs::File::open(root) {
        // SAFETY: `dir` is an open file descriptor for the whole call.
        unsafe {
            libc::syncfs(dir.as_raw_fd());
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn sync_file_system<'a>(_root: &Path, paths: impl Iterator<Item = &'a Path>) {
    for path in paths {
        for p in [Some(path), path.parent()].into_iter().flatten() {
            if let Ok(f) = std::fs::File::open(p) {
                let _ = f.sync_all();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("quartier.toml"), "").unwrap();
        let store = Store::open(dir.path()).unwrap();
        (dir, store)
    }

    #[test]
    fn creates_every_file_whole_and_never_replaces_one() {
        let (dir, store) = store();
        let a = dir.path().join("appointments/2026/11/a.toml");
        let b = dir.path().join("appointments/2026/12/b.toml");
        std::fs::create_dir_all(b.parent().unwrap()).unwrap();
        std::fs::write(&b, "old").unwrap();
        let results = store.create_new_files(&[(&a, b"one"), (&b, b"two")]);
        assert!(results[0].is_ok());
        assert_eq!(
            results[1].as_ref().unwrap_err().kind(),
            std::io::ErrorKind::AlreadyExists
        );
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "old");
        // no temporary is left behind, written or refused
        for folder in [a.parent().unwrap(), b.parent().unwrap()] {
            let names: Vec<_> = std::fs::read_dir(folder)
                .unwrap()
                .map(|e| e.unwrap().file_name().into_string().unwrap())
                .collect();
            assert_eq!(names.len(), 1, "{names:?}");
        }
    }
}
