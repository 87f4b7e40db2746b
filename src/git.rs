//! The staff's own `git`, run as a child process: commits of single records,
//! the repository state a report is made from.

use crate::error::{CommandError, Result};
use std::path::Path;
use std::process::{Command, Output};

/// Runs `git` in `dir` with `args`.
pub fn git(dir: &Path, args: &[&str]) -> Result<Output> {
    Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .output()
        .map_err(|e| {
            if e.kind() == std::io::ErrorKind::NotFound {
                CommandError::data(
                    "git is not installed: install it (Debian/Ubuntu: `sudo apt install git`)",
                )
            } else {
                CommandError::data(format!("cannot run git: {e}"))
            }
        })
}

/// Runs git and fails with its message when it fails.
pub fn git_ok(dir: &Path, args: &[&str]) -> Result<String> {
    let out = git(dir, args)?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(CommandError::data(format!(
            "git {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        )))
    }
}

/// `git init` and a first commit of everything in `dir`.
pub fn init_repository(dir: &Path) -> Result<()> {
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

/// Commits with the user's identity; when git has none configured, with a
/// placeholder so that the commit is not lost (the message says how to fix it).
fn commit(dir: &Path, args: &[&str]) -> Result<()> {
    let out = git(dir, args)?;
    if out.status.success() {
        return Ok(());
    }
    let err = String::from_utf8_lossy(&out.stderr);
    if err.contains("Please tell me who you are") || err.contains("user.email") {
        let mut with_identity = vec![
            "-c",
            "user.name=quartier",
            "-c",
            "user.email=quartier@localhost",
        ];
        with_identity.extend_from_slice(args);
        git_ok(dir, &with_identity)?;
        eprintln!(
            "quartier: git has no user name/e-mail here; committed as `quartier`. Set yours with `git config --global user.name \"…\"` and `git config --global user.email \"…\"`"
        );
        return Ok(());
    }
    Err(CommandError::data(format!(
        "git commit failed: {}",
        err.trim()
    )))
}

/// Commits exactly `paths` (added, changed or removed) with `message`.
pub fn commit_paths(dir: &Path, paths: &[&Path], message: &str) -> Result<()> {
    let mut add = vec!["add".to_string(), "-A".to_string(), "--".to_string()];
    let mut commit_args = vec![
        "commit".to_string(),
        "--quiet".to_string(),
        "-m".to_string(),
        message.to_string(),
        "--".to_string(),
    ];
    for p in paths {
        let s = p.to_string_lossy().into_owned();
        add.push(s.clone());
        commit_args.push(s);
    }
    let add: Vec<&str> = add.iter().map(String::as_str).collect();
    git_ok(dir, &add)?;
    let commit_args: Vec<&str> = commit_args.iter().map(String::as_str).collect();
    commit(dir, &commit_args)
}

/// HEAD of the repository holding `dir`, or None when it is none (or has no commit).
pub fn head(dir: &Path) -> Option<String> {
    let out = git(dir, &["rev-parse", "--verify", "--quiet", "HEAD"]).ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Whether anything under `dir` differs from HEAD (untracked files included).
pub fn is_dirty(dir: &Path) -> bool {
    match git(dir, &["status", "--porcelain", "--", "."]) {
        Ok(out) if out.status.success() => !out.stdout.is_empty(),
        _ => false,
    }
}
