//! Files written outside the records (`report … --out FILE`, `agenda --out
//! FILE`): only ever a regular file, never inside the records folder except
//! `reports/` (and never `reports/sealed/`, which only `--seal` writes),
//! written atomically without following a symbolic link at the target.
//!
//! Symbolic links in the folders above the target are followed (a link
//! `~/Berichte → /mnt/share/berichte` is fine); the folder they resolve to is
//! what is checked. An existing file is replaced by a rename, keeping its
//! permission bits; `-` is standard output.

use crate::error::{CommandError, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Why a `--out` target is refused.
#[derive(Debug, thiserror::Error)]
pub enum OutError {
    #[error("{}", crate::tr!("out.symlink", path = .0.display()))]
    Symlink(PathBuf),
    #[error("{}", crate::tr!("out.not-a-file", path = path.display(), kind = kind))]
    NotAFile { path: PathBuf, kind: String },
    #[error(
        "{}",
        crate::tr!("out.in-records", path = path.display(), root = root.display())
    )]
    InRecords { path: PathBuf, root: PathBuf },
    #[error("{}", crate::tr!("out.sealed", path = .0.display()))]
    Sealed(PathBuf),
    #[error("{}", crate::tr!("out.in-git", path = .0.display()))]
    InGit(PathBuf),
    #[error("{}", crate::tr!("out.no-name", path = .0.display()))]
    NoName(PathBuf),
    #[error("{}", crate::tr!("out.folder", path = path.display(), error = crate::error::IoProblem(err)))]
    Folder { path: PathBuf, err: std::io::Error },
}

impl From<OutError> for CommandError {
    fn from(e: OutError) -> Self {
        CommandError::data(e.to_string())
    }
}

/// Where `--out FILE` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Stdout,
    /// The file in its resolved (canonical) folder.
    File(PathBuf),
}

/// Checks `--out FILE` against the rules above; `records` is the records
/// folder. Call it before the work, so that a refused target costs nothing;
/// [`write`] checks again right before it writes.
pub fn target(file: &Path, records: &Path) -> Result<Target, OutError> {
    if file == Path::new("-") {
        return Ok(Target::Stdout);
    }
    let name = match file.file_name() {
        Some(n) if !file.as_os_str().as_encoded_bytes().ends_with(b"/") => n,
        _ => return Err(OutError::NoName(file.to_path_buf())),
    };
    refuse_existing(file)?;
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let folder = parent.canonicalize().map_err(|err| OutError::Folder {
        path: file.to_path_buf(),
        err,
    })?;
    let resolved = folder.join(name);
    refuse_existing(&resolved)?;
    if resolved.components().any(|c| c.as_os_str() == ".git") {
        return Err(OutError::InGit(file.to_path_buf()));
    }
    if let Ok(root) = records.canonicalize()
        && let Ok(rel) = resolved.strip_prefix(&root)
    {
        let mut parts = rel.components().map(|c| c.as_os_str());
        let first = parts.next();
        let second = parts.next();
        let is_reports = first == Some("reports".as_ref()) && second.is_some();
        if !is_reports {
            return Err(OutError::InRecords {
                path: file.to_path_buf(),
                root: records.to_path_buf(),
            });
        }
        if second == Some("sealed".as_ref()) && parts.next().is_some() {
            return Err(OutError::Sealed(file.to_path_buf()));
        }
        // `reports/sealed` itself as a file name would block --seal
        if second == Some("sealed".as_ref()) {
            return Err(OutError::Sealed(file.to_path_buf()));
        }
    }
    Ok(Target::File(resolved))
}

/// A symbolic link or a non-file at `path` is refused; nothing there is fine.
fn refuse_existing(path: &Path) -> Result<(), OutError> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    let ft = meta.file_type();
    if ft.is_symlink() {
        return Err(OutError::Symlink(path.to_path_buf()));
    }
    if ft.is_file() {
        return Ok(());
    }
    Err(OutError::NotAFile {
        path: path.to_path_buf(),
        kind: kind_of(&ft),
    })
}

fn kind_of(ft: &std::fs::FileType) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if ft.is_fifo() {
            return crate::tr!("out.kind-fifo");
        }
        if ft.is_char_device() || ft.is_block_device() {
            return crate::tr!("out.kind-device");
        }
        if ft.is_socket() {
            return crate::tr!("out.kind-socket");
        }
    }
    if ft.is_dir() {
        crate::tr!("out.kind-folder")
    } else {
        crate::tr!("out.kind-other")
    }
}

/// Writes `bytes` to `--out FILE` (checked as in [`target`]): to standard
/// output for `-`, else atomically — a temporary file in the target's
/// folder, flushed, then renamed over it (keeping an existing file's
/// permission bits; a new one gets the usual ones of the user's umask).
pub fn write(file: &Path, records: &Path, bytes: &[u8]) -> Result<()> {
    match target(file, records)? {
        Target::Stdout => print(bytes),
        Target::File(path) => replace(&path, file, bytes),
    }
}

fn print(bytes: &[u8]) -> Result<()> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(CommandError::data(crate::tr!(
                "out.cannot-write-stdout",
                error = crate::error::IoProblem(&e)
            )))
        }
        _ => Ok(()),
    }
}

fn replace(path: &Path, shown: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let existing = std::fs::symlink_metadata(path).ok();
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(crate::store::temp::PREFIX)
        .suffix(crate::store::temp::SUFFIX);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // the kernel applies the umask, as for any new file
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder
        .tempfile_in(dir)
        .map_err(|e| CommandError::io(crate::error::IoAction::WriteToFolder, dir, &e))?;
    if let Some(meta) = &existing {
        tmp.as_file()
            .set_permissions(meta.permissions())
            .map_err(|e| CommandError::io(crate::error::IoAction::KeepPermissions, shown, &e))?;
    }
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| CommandError::io(crate::error::IoAction::Write, shown, &e))?;
    // What is at the target now must still be a regular file or nothing:
    // a rename would replace a link, pipe or device that appeared meanwhile.
    refuse_existing(path)?;
    let result = if existing.is_some() || std::fs::symlink_metadata(path).is_ok() {
        tmp.persist(path).map(|_| ())
    } else {
        tmp.persist_noclobber(path).map(|_| ())
    };
    result.map_err(|e| CommandError::io(crate::error::IoAction::Write, shown, &e.error))?;
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("records");
        std::fs::create_dir_all(root.join("reports/sealed")).unwrap();
        (tmp, root)
    }

    #[test]
    fn stdout_is_a_dash() {
        let (_t, root) = folder();
        assert_eq!(target(Path::new("-"), &root).unwrap(), Target::Stdout);
    }

    #[test]
    fn inside_the_records_only_reports_not_sealed() {
        let (_t, root) = folder();
        assert!(matches!(
            target(&root.join("quartier.toml"), &root),
            Err(OutError::InRecords { .. })
        ));
        assert!(matches!(
            target(&root.join("clients/x.html"), &root),
            Err(OutError::Folder { .. }) | Err(OutError::InRecords { .. })
        ));
        assert!(matches!(
            target(&root.join("reports/sealed/x.json"), &root),
            Err(OutError::Sealed(_))
        ));
        assert!(matches!(
            target(&root.join("reports/sealed"), &root),
            Err(OutError::NotAFile { .. })
        ));
        assert!(matches!(
            target(&root.join("reports/x.html"), &root),
            Ok(Target::File(_))
        ));
        assert!(matches!(
            target(&root.join("reports"), &root),
            Err(OutError::NotAFile { .. })
        ));
    }

    #[test]
    fn a_name_is_needed() {
        let (t, root) = folder();
        let p = PathBuf::from(format!("{}/", t.path().display()));
        assert!(matches!(target(&p, &root), Err(OutError::NoName(_))));
    }
}
