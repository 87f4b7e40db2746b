//! `git init` and commits of single records with the user's identity.

use super::{GitError, Repo, git, git_ok, head, message_of, pathspec, relative_to_dir};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// `git init` and a first commit of everything in `dir`.
pub fn init_repository(dir: &Path) -> Result<(), GitError> {
    git_ok(dir, &["init", "--quiet"])?;
    git_ok(dir, &["add", "-A"])?;
    commit(
        dir,
        &[
            "commit",
            "--quiet",
            "-m",
            "records folder created by quartier init",
        ],
    )
}

/// `git init` and a first commit of exactly `files` (relative to `dir`):
/// whatever else the folder holds is neither added nor committed.
pub fn init_with_files(dir: &Path, files: &[std::path::PathBuf]) -> Result<(), GitError> {
    git_ok(dir, &["init", "--quiet"])?;
    let specs: Vec<String> = files.iter().map(|f| pathspec(f)).collect();
    let mut add = vec!["add", "--"];
    add.extend(specs.iter().map(String::as_str));
    git_ok(dir, &add)?;
    let mut args = vec![
        "commit",
        "--quiet",
        "--no-verify",
        "-m",
        "records folder created by quartier init",
        "--",
    ];
    args.extend(specs.iter().map(String::as_str));
    commit(dir, &args)
}

/// Whether git knows who the user is (`user.name`/`user.email` or the
/// GIT_AUTHOR_*/GIT_COMMITTER_* variables).
pub(super) fn has_identity(dir: &Path) -> bool {
    ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"]
        .iter()
        .all(|v| git(dir, &["var", v]).is_ok_and(|o| o.status.success()))
}

/// Commits with the user's identity; when git has none configured, with a
/// placeholder so that the commit is not lost (the message says how to fix it).
///
/// The identity is asked for only when the commit failed (git refuses to
/// commit without one and changes nothing then): an ordinary commit is one
/// git process, not three.
pub(super) fn commit(dir: &Path, args: &[&str]) -> Result<(), GitError> {
    let out = git(dir, args)?;
    if out.status.success() {
        return Ok(());
    }
    if has_identity(dir) {
        return Err(GitError::CommitFailed {
            said: message_of(&out),
        });
    }
    let mut full: Vec<&str> = vec![
        "-c",
        "user.name=quartier",
        "-c",
        "user.email=quartier@localhost",
    ];
    full.extend_from_slice(args);
    let out = git(dir, &full)?;
    if !out.status.success() {
        return Err(GitError::CommitFailed {
            said: message_of(&out),
        });
    }
    eprintln!("quartier: {}", crate::tr!("git.no-identity"));
    Ok(())
}

/// Commits exactly `paths` (added, changed, removed, or both ends of a
/// move) with `message`, as the user's git identity. Changes to other files
/// stay as they were: staged ones remain staged and uncommitted. Paths may
/// be absolute or relative to the working directory, like the store's
/// (`records/appointments/2026/11/apt-20261125-x7k2.toml` with `dir` = `records`).
///
/// While a sync is stopped on a conflict (a rebase or merge in progress) git
/// cannot commit single files; the paths are then staged, and finishing the
/// sync commits them.
///
/// quartier's own commits take turns (a lock file in the git folder), and a
/// commit that finds git's `index.lock` taken by another git is retried for
/// a few seconds before it fails.
pub fn commit_paths(dir: &Path, paths: &[&Path], message: &str) -> Result<(), GitError> {
    let repo = Repo::open(dir)?;
    let git_dir = repo.git_dir();
    let _turn = CommitTurn::take(git_dir)?;
    let start = Instant::now();
    let mut pause = Duration::from_millis(20);
    loop {
        let held_before = index_held(git_dir);
        match commit_once(&repo, dir, paths, message) {
            Err(_) if retry_after_failure(held_before, git_dir, start.elapsed()) => {
                std::thread::sleep(pause);
                pause = (pause * 2).min(Duration::from_millis(400));
            }
            other => return other,
        }
    }
}

/// Whether another git holds the index: its lock file `index.lock` is in
/// the git folder (git creates it exclusively and removes it when done).
fn index_held(git_dir: &Path) -> bool {
    std::fs::symlink_metadata(git_dir.join("index.lock")).is_ok()
}

/// Whether a failed commit is tried again: another git held the index
/// before or after the attempt, and the time for retries is not over.
/// Decided on the lock file, never on what git printed.
fn retry_after_failure(held_before: bool, git_dir: &Path, elapsed: Duration) -> bool {
    elapsed < RETRY_FOR && (held_before || index_held(git_dir))
}

/// How long a commit is retried while another git holds the index.
const RETRY_FOR: Duration = Duration::from_secs(8);

/// One quartier commit at a time per repository: an advisory lock on
/// `quartier-commit.lock` in the git folder (never committed, never in the
/// records folder), held until dropped.
struct CommitTurn(std::fs::File);

impl CommitTurn {
    fn take(git_dir: &Path) -> Result<CommitTurn, GitError> {
        let path = git_dir.join("quartier-commit.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| GitError::io(crate::error::IoAction::Open, &path, e))?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(CommitTurn(file)),
                Err(std::fs::TryLockError::WouldBlock)
                    if start.elapsed() < Duration::from_secs(30) =>
                {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Err(std::fs::TryLockError::WouldBlock) => {
                    return Err(GitError::CommitsBusy { lock: path });
                }
                Err(std::fs::TryLockError::Error(e)) => {
                    return Err(GitError::io(crate::error::IoAction::Lock, &path, e));
                }
            }
        }
    }
}

impl Drop for CommitTurn {
    fn drop(&mut self) {
        let _ = self.0.unlock();
    }
}

/// Pathspecs per git call where git needs them on the command line
/// (`ls-files`, `ls-tree`, `diff`): far below the argument limit (2 MB on
/// Linux, 32 K characters on Windows) even with long paths.
const SPECS_PER_CALL: usize = 200;

/// Runs `args` once per chunk of `specs` and joins the NUL-separated paths.
fn listed_in_chunks(
    repo: &Repo,
    args: &[&str],
    specs: &[String],
) -> Result<HashSet<PathBuf>, GitError> {
    let mut out = HashSet::new();
    for chunk in specs.chunks(SPECS_PER_CALL) {
        out.extend(repo.listed(args, chunk)?);
    }
    Ok(out)
}

/// The pathspecs in a temporary file for `--pathspec-from-file` (NUL
/// between them): `git add` and `git commit` of an import of 25,000
/// records would not fit on a command line.
fn spec_file(specs: &[String]) -> Result<tempfile::NamedTempFile, GitError> {
    let mut file = tempfile::NamedTempFile::new()
        .map_err(|e| GitError::io(crate::error::IoAction::Create, std::env::temp_dir(), e))?;
    let mut bytes = Vec::new();
    for s in specs {
        bytes.extend_from_slice(s.as_bytes());
        bytes.push(0);
    }
    file.write_all(&bytes)
        .and_then(|_| file.flush())
        .map_err(|e| GitError::io(crate::error::IoAction::Write, file.path(), e))?;
    Ok(file)
}

/// Of the paths `specs`, those in git's index and those in HEAD (relative to the top).
fn known_to_git(
    repo: &Repo,
    dir: &Path,
    specs: &[String],
) -> Result<(HashSet<PathBuf>, HashSet<PathBuf>), GitError> {
    let tracked = listed_in_chunks(repo, &["ls-files", "-z", "--full-name", "--"], specs)?;
    let in_head = if head(dir).is_some() {
        listed_in_chunks(
            repo,
            &[
                "ls-tree",
                "-r",
                "-z",
                "--full-name",
                "--name-only",
                "HEAD",
                "--",
            ],
            specs,
        )?
    } else {
        HashSet::new()
    };
    Ok((tracked, in_head))
}

fn commit_once(repo: &Repo, dir: &Path, paths: &[&Path], message: &str) -> Result<(), GitError> {
    let mut specs = Vec::new();
    for p in paths {
        specs.push(pathspec(&relative_to_dir(dir, p)?));
    }
    if specs.is_empty() {
        return Err(GitError::NothingToCommit);
    }
    let on_disk: Vec<bool> = paths
        .iter()
        .map(|p| std::fs::symlink_metadata(p).is_ok())
        .collect();
    // What git knows of a path matters only when it is gone from the disk
    // (the old end of a move, a removal): records just written need no
    // `ls-files` and `ls-tree`.
    let gone: Vec<String> = specs
        .iter()
        .zip(&on_disk)
        .filter(|(_, here)| !**here)
        .map(|(spec, _)| spec.clone())
        .collect();
    let (tracked, in_head) = if gone.is_empty() {
        (HashSet::new(), HashSet::new())
    } else {
        known_to_git(repo, dir, &gone)?
    };
    let mut to_add = Vec::new();
    let mut to_commit = Vec::new();
    for ((p, spec), on_disk) in paths.iter().zip(&specs).zip(on_disk) {
        let rel = repo.top_path(&relative_to_dir(dir, p)?);
        let indexed = tracked.contains(&rel);
        if on_disk || indexed {
            to_add.push(spec.clone());
        }
        if on_disk || indexed || in_head.contains(&rel) {
            to_commit.push(spec.clone());
        } else {
            return Err(GitError::UnknownFile {
                path: p.to_path_buf(),
            });
        }
    }
    if !to_add.is_empty() {
        let list = spec_file(&to_add)?;
        let from = format!("--pathspec-from-file={}", list.path().display());
        git_ok(dir, &["add", "-A", "--pathspec-file-nul", &from])?;
    }
    if let Some(op) = repo.in_progress()? {
        eprintln!(
            "quartier: {}",
            crate::tr!(
                "git.staged-during",
                what = op.label(),
                top = repo.top.display()
            )
        );
        return Ok(());
    }
    // Nothing to commit when the staged paths equal HEAD's: `diff --quiet`
    // exits 0. It exits 1 on a difference, and fails (128) without a first
    // commit, which is committed then.
    let mut changed = false;
    for chunk in to_commit.chunks(SPECS_PER_CALL) {
        let mut diff = vec!["diff", "--cached", "--quiet", "HEAD", "--"];
        diff.extend(chunk.iter().map(String::as_str));
        if !git(dir, &diff)?.status.success() {
            changed = true;
            break;
        }
    }
    if !changed {
        return Ok(());
    }
    let list = spec_file(&to_commit)?;
    let from = format!("--pathspec-from-file={}", list.path().display());
    let args = [
        "commit",
        "--quiet",
        "-m",
        message,
        "--only",
        "--pathspec-file-nul",
        &from,
    ];
    commit(dir, &args).map_err(|e| GitError::NotCommitted(Box::new(e)))
}

#[cfg(test)]
mod retry_tests {
    use super::*;

    #[test]
    fn a_failed_commit_is_retried_only_while_git_s_index_lock_exists() {
        let git_dir = tempfile::tempdir().unwrap();
        let soon = Duration::from_millis(10);
        assert!(
            !retry_after_failure(false, git_dir.path(), soon),
            "no lock: fail at once"
        );
        assert!(
            retry_after_failure(true, git_dir.path(), soon),
            "held when it was tried"
        );
        std::fs::write(git_dir.path().join("index.lock"), "").unwrap();
        assert!(index_held(git_dir.path()));
        assert!(retry_after_failure(false, git_dir.path(), soon), "held now");
        assert!(
            !retry_after_failure(true, git_dir.path(), RETRY_FOR),
            "time is up"
        );
    }
}
