//! The staff's own `git` (their configuration, identity and credentials), run
//! as a child process. Nothing here ever waits for a person who is not there:
//! without a terminal git may not prompt.
//!
//! - this module: running git, paths as git names them, HEAD and dirtiness;
//! - [`commit`]: `git init` and commits of single records;
//! - [`repo`]: the repository holding a records folder and its state;
//! - [`share`]: pulling, pushing, conflicts of a sync;
//! - [`rescue`]: the save commit, backup ref and safe undo of a sync.

mod commit;
mod error;
mod repo;
mod rescue;
mod share;
#[cfg(test)]
mod tests;

pub use commit::{commit_paths, init_repository, init_with_files};
pub use error::GitError;
pub use repo::{Change, InProgress, LogEntry, Repo, Upstream};
pub use rescue::{ABORTED_REF, BACKUP_REF, ModifyDelete, Undone};
pub use share::{Conflict, Pulled, Pushed, Stopped};

use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};

/// Runs `git` in `dir` with `args`.
pub fn git(dir: &Path, args: &[&str]) -> Result<Output, GitError> {
    let mut cmd = command(dir);
    cmd.args(args);
    run(cmd)
}

/// Runs git and fails with its message when it fails.
pub fn git_ok(dir: &Path, args: &[&str]) -> Result<String, GitError> {
    let out = git(dir, args)?;
    checked(&out, args)
}

/// A `git -C dir` command that cannot hang on a prompt when nobody is at
/// the terminal (cron, scripts).
pub(crate) fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir);
    if !std::io::stdin().is_terminal() {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
        cmd.env("GCM_INTERACTIVE", "never");
    }
    cmd
}

pub(crate) fn run(mut cmd: Command) -> Result<Output, GitError> {
    cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            GitError::NotInstalled
        } else {
            GitError::CannotRun(e)
        }
    })
}

pub(crate) fn checked(out: &Output, args: &[&str]) -> Result<String, GitError> {
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(GitError::Failed {
            args: args.join(" "),
            said: message_of(out),
        })
    }
}

/// What git said on stderr (else stdout), trimmed.
pub(crate) fn message_of(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if err.is_empty() {
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    } else {
        err
    }
}

/// A literal pathspec (no wildcards) for a path relative to git's working directory.
pub(crate) fn pathspec(rel: &Path) -> String {
    format!(":(literal){}", slashed(rel))
}

/// A relative path with `/` between its parts, as git writes them.
pub(crate) fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` relative to `dir`; both may be relative to the working directory.
pub(crate) fn relative_to_dir(dir: &Path, path: &Path) -> Result<PathBuf, GitError> {
    let absolute = |p: &Path| {
        std::path::absolute(p).map_err(|e| GitError::io(crate::error::IoAction::Find, p, e))
    };
    let (adir, apath) = (normalize(&absolute(dir)?), normalize(&absolute(path)?));
    if let Ok(rel) = apath.strip_prefix(&adir) {
        return Ok(rel.to_path_buf());
    }
    // The same folder reached through a symbolic link (e.g. /tmp on macOS).
    if let (Ok(cdir), Some(parent), Some(name)) = (
        adir.canonicalize(),
        apath.parent().and_then(|p| p.canonicalize().ok()),
        apath.file_name(),
    ) && let Ok(rel) = parent.join(name).strip_prefix(&cdir)
    {
        return Ok(rel.to_path_buf());
    }
    Err(GitError::OutsideFolder {
        path: path.to_path_buf(),
        dir: dir.to_path_buf(),
    })
}

/// Removes `.` and resolves `..` by name (the paths here are built, not typed).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// HEAD of the repository holding `dir`, or None when it is none (or has no commit).
pub fn head(dir: &Path) -> Option<String> {
    let out = git(dir, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Whether any of the files `paths` name (relative to `dir`) or
/// `quartier.toml` differs from HEAD, untracked files included; `None` when
/// git cannot tell (git missing, no repository, no commit, a broken index).
/// Only those paths are looked at, never the whole history or working
/// tree, so a report of one month asks git about its months.
pub fn dirty_among(dir: &Path, paths: &[crate::store::Pathspec]) -> Option<bool> {
    head(dir)?;
    dirty_among_after_head(dir, paths)
}

/// [`dirty_among`] when [`head`] has just found a commit: one git process less.
pub fn dirty_among_after_head(dir: &Path, paths: &[crate::store::Pathspec]) -> Option<bool> {
    let specs: Vec<String> = paths
        .iter()
        .map(crate::store::Pathspec::to_git)
        .chain(std::iter::once(format!(
            ":(literal){}",
            crate::store::CONFIG_FILE
        )))
        .collect();
    let mut args = vec!["status", "--porcelain", "-z", "--untracked-files=all", "--"];
    args.extend(specs.iter().map(String::as_str));
    match git(dir, &args) {
        Ok(out) if out.status.success() => Some(!out.stdout.is_empty()),
        _ => None,
    }
}
