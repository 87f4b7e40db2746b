//! What can go wrong with git: a typed [`GitError`] that callers match on
//! (a folder in no repository is not the same as git missing) instead of
//! reading its text. `From<GitError> for CommandError` in `crate::error`
//! gives each its exit code.

use crate::error::{ExitKind, StoreError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error(
        "git is not installed: install it (Debian/Ubuntu: `sudo apt install git`, Windows/macOS: https://git-scm.com)"
    )]
    NotInstalled,

    /// git is there but could not be started.
    #[error("cannot run git: {0}")]
    CannotRun(std::io::Error),

    #[error(
        "{} is not in a git repository ({said}): clone the shared records repository (see docs/SHARING.md) or run `git init` there",
        dir.display()
    )]
    NotARepository { dir: PathBuf, said: String },

    /// Inside a `.git` folder (or a bare repository): no files to commit.
    #[error(
        "{} is inside a git folder but not in a working tree: clone the records repository instead",
        dir.display()
    )]
    NotAWorkTree { dir: PathBuf },

    /// A git command failed; `said` is its stderr (else stdout).
    #[error("git {args} failed: {said}")]
    Failed { args: String, said: String },

    #[error("git commit failed: {said}")]
    CommitFailed { said: String },

    /// The record is written, the commit of it failed.
    #[error("the file is saved but was not committed: {0}")]
    NotCommitted(Box<GitError>),

    #[error("nothing to commit: no files given")]
    NothingToCommit,

    #[error(
        "cannot commit {}: the file does not exist and git does not know it",
        path.display()
    )]
    UnknownFile { path: PathBuf },

    #[error("{} is not inside {}", path.display(), dir.display())]
    OutsideFolder { path: PathBuf, dir: PathBuf },

    /// Another quartier held the commit lock too long.
    #[error(
        "other quartier commands have been committing for 30 seconds ({})",
        lock.display()
    )]
    CommitsBusy { lock: PathBuf },

    #[error(
        "another `quartier sync` is running in {}; wait until it has finished",
        top.display()
    )]
    SyncRunning { top: PathBuf },

    /// HEAD is detached; `home` is the branch to switch back to, if any.
    #[error("{}", detached_text(top, home.as_deref()))]
    DetachedHead { top: PathBuf, home: Option<String> },

    #[error(
        "the records repository {top} has no remote to share with: add the office's shared repository with `git -C {top} remote add origin URL` and `git -C {top} push -u origin {branch}` (see docs/SHARING.md)",
        top = top.display()
    )]
    NoRemote { top: PathBuf, branch: String },

    #[error(
        "branch `{branch}` of {top} has no upstream to sync with: run `git -C {top} push -u {remote} {branch}` once (see docs/SHARING.md)",
        top = top.display()
    )]
    NoUpstream {
        top: PathBuf,
        branch: String,
        remote: String,
    },

    #[error(
        "could not pull from {upstream} ({remote}): {said}\nNothing was changed here; check the network and the address (`git -C {} remote -v`), then run `quartier sync` again",
        top.display()
    )]
    PullFailed {
        upstream: String,
        remote: String,
        said: String,
        top: PathBuf,
    },

    /// Files of a stopped sync still hold conflict markers: each
    /// `  [ID  ]PATH:LINE`, and the first record's id for the hint.
    #[error(
        "the sync is still stopped: conflict markers (<<<<<<< ======= >>>>>>>) remain in\n{}\nKeep the right version in each file and delete the marker lines (`quartier edit {first}`), then run `quartier sync` again — or `quartier sync --abort` to give up this sync",
        places.join("\n")
    )]
    MarkersRemain { places: Vec<String>, first: String },

    #[error(
        "git could not finish the stopped sync: {said}\nResolve what git says in {}, then run `quartier sync` again, or `quartier sync --abort`",
        top.display()
    )]
    ContinueFailed { said: String, top: PathBuf },

    #[error(
        "git could not undo the pull: {said}\nNothing is lost: the working folder is kept in {aborted_ref} (`git -C {} show --stat {aborted_ref}`)",
        top.display(),
        aborted_ref = super::ABORTED_REF
    )]
    UndoFailed { said: String, top: PathBuf },

    #[error(
        "the shared repository {upstream} ({remote}) refused the push: {said}\nYour {ahead} commit(s) are safe here and will go out with the next `quartier sync`; if this keeps happening, ask whoever looks after the shared repository"
    )]
    PushRefused {
        upstream: String,
        remote: String,
        said: String,
        ahead: usize,
    },

    /// A file of git's or quartier's could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl GitError {
    pub(crate) fn io(
        what: crate::error::IoAction,
        path: impl Into<PathBuf>,
        e: std::io::Error,
    ) -> Self {
        StoreError::io(what, path, e).into()
    }

    /// The exit kind of each git error — the one place that decides it.
    pub fn exit_kind(&self) -> ExitKind {
        match self {
            GitError::NothingToCommit | GitError::OutsideFolder { .. } => ExitKind::Usage,
            GitError::NotCommitted(inner) => inner.exit_kind(),
            GitError::Store(e) => e.exit_kind(),
            GitError::NotInstalled
            | GitError::CannotRun(_)
            | GitError::NotARepository { .. }
            | GitError::NotAWorkTree { .. }
            | GitError::Failed { .. }
            | GitError::CommitFailed { .. }
            | GitError::UnknownFile { .. }
            | GitError::CommitsBusy { .. }
            | GitError::SyncRunning { .. }
            | GitError::DetachedHead { .. }
            | GitError::NoRemote { .. }
            | GitError::NoUpstream { .. }
            | GitError::PullFailed { .. }
            | GitError::MarkersRemain { .. }
            | GitError::ContinueFailed { .. }
            | GitError::UndoFailed { .. }
            | GitError::PushRefused { .. } => ExitKind::Data,
        }
    }
}

fn detached_text(top: &std::path::Path, home: Option<&str>) -> String {
    let top = top.display();
    match home {
        Some(b) => format!(
            "the records repository {top} is not on a branch (detached HEAD): switch back to your branch with `git -C {top} switch {b}`, then run `quartier sync` again"
        ),
        None => format!(
            "the records repository {top} is not on a branch (detached HEAD) and has no branch to go back to: make one with `git -C {top} switch -c main`"
        ),
    }
}
