//! What can go wrong with git: a typed [`GitError`] that callers match on
//! (a folder in no repository is not the same as git missing) instead of
//! reading its text. `From<GitError> for CommandError` in `crate::error`
//! gives each its exit code.

use crate::error::{ExitKind, StoreError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum GitError {
    #[error("{}", crate::tr!("git.not-installed"))]
    NotInstalled,

    /// git is there but could not be started.
    #[error("{}", crate::tr!("git.cannot-run", error = .0))]
    CannotRun(std::io::Error),

    #[error("{}", crate::tr!("git.not-a-repository", dir = dir.display(), said = said))]
    NotARepository { dir: PathBuf, said: String },

    /// Inside a `.git` folder (or a bare repository): no files to commit.
    #[error("{}", crate::tr!("git.not-a-work-tree", dir = dir.display()))]
    NotAWorkTree { dir: PathBuf },

    /// A git command failed; `said` is its stderr (else stdout).
    #[error("{}", crate::tr!("git.failed", args = args, said = said))]
    Failed { args: String, said: String },

    #[error("{}", crate::tr!("git.commit-failed", said = said))]
    CommitFailed { said: String },

    /// The record is written, the commit of it failed.
    #[error("{}", crate::tr!("git.not-committed", error = .0))]
    NotCommitted(Box<GitError>),

    #[error("{}", crate::tr!("git.nothing-to-commit"))]
    NothingToCommit,

    #[error("{}", crate::tr!("git.unknown-file", path = path.display()))]
    UnknownFile { path: PathBuf },

    #[error("{}", crate::tr!("git.outside-folder", path = path.display(), dir = dir.display()))]
    OutsideFolder { path: PathBuf, dir: PathBuf },

    /// Another quartier held the commit lock too long.
    #[error("{}", crate::tr!("git.commits-busy", lock = lock.display()))]
    CommitsBusy { lock: PathBuf },

    #[error("{}", crate::tr!("git.sync-running", top = top.display()))]
    SyncRunning { top: PathBuf },

    /// HEAD is detached; `home` is the branch to switch back to, if any.
    #[error("{}", detached_text(top, home.as_deref()))]
    DetachedHead { top: PathBuf, home: Option<String> },

    #[error("{}", crate::tr!("git.no-remote", top = top.display(), branch = branch))]
    NoRemote { top: PathBuf, branch: String },

    #[error(
        "{}",
        crate::tr!("git.no-upstream", top = top.display(), branch = branch, remote = remote)
    )]
    NoUpstream {
        top: PathBuf,
        branch: String,
        remote: String,
    },

    #[error(
        "{}",
        crate::tr!(
            "git.pull-failed",
            upstream = upstream,
            remote = remote,
            said = said,
            top = top.display()
        )
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
        "{}",
        crate::tr!("git.markers-remain", places = places.join("\n"), first = first)
    )]
    MarkersRemain { places: Vec<String>, first: String },

    #[error("{}", crate::tr!("git.continue-failed", said = said, top = top.display()))]
    ContinueFailed { said: String, top: PathBuf },

    #[error(
        "{}",
        crate::tr!(
            "git.undo-failed",
            said = said,
            top = top.display(),
            aborted_ref = super::ABORTED_REF
        )
    )]
    UndoFailed { said: String, top: PathBuf },

    #[error(
        "{}",
        crate::tr!(
            "git.push-refused",
            upstream = upstream,
            remote = remote,
            said = said,
            ahead = ahead
        )
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
        Some(b) => crate::tr!("git.detached", top = top, branch = b),
        None => crate::tr!("git.detached-no-branch", top = top),
    }
}
