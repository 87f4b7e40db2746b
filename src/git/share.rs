//! Sharing the records: pull with rebase, the conflicts a stopped rebase
//! waits on, finishing or aborting it, push.

use super::{GitError, InProgress, Repo, Upstream, command, message_of, pathspec, run, slashed};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::Output;

/// A record (or other file) that was changed on both sides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The record's id when the file is a record of the records folder.
    pub id: Option<String>,
    /// The path as the user sees it (below the records folder given).
    pub path: PathBuf,
    /// The path as git names it, from the repository's top (`/` between parts).
    pub git_path: String,
}

/// How a pull (or the continuation of a stopped one) ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pulled {
    /// Up to date with the shared repository; `commits` new ones came in.
    Done { commits: usize },
    /// Stopped on a conflict; the rebase waits in the repository.
    Conflicts(Stopped),
}

/// A rebase stopped on conflicts, with both versions' commits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub conflicts: Vec<Conflict>,
    /// The shared version (what the others pushed), abbreviated.
    pub shared: Option<String>,
    /// The local commit that could not be applied on top of it, abbreviated.
    pub local: Option<String>,
    pub local_subject: Option<String>,
}

/// How a push ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    Nothing,
    Commits(usize),
    /// Someone pushed in between: pull again.
    Behind,
}

impl Repo {
    /// A git command that may talk to the network; without a terminal, ssh
    /// must not ask for passwords or host keys either.
    pub(super) fn network(&self, args: &[&str]) -> Result<Output, GitError> {
        let mut cmd = command(&self.top);
        cmd.args(args);
        if !std::io::stdin().is_terminal()
            && ["GIT_SSH_COMMAND", "GIT_SSH"]
                .iter()
                .all(|v| std::env::var_os(v).is_none_or(|s| s.is_empty()))
            && !*self.ssh_command.get_or_init(|| {
                self.at_top(&["config", "--get", "core.sshCommand"])
                    .is_ok_and(|o| o.status.success())
            })
        {
            cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        run(cmd)
    }

    pub(super) fn rev(&self, name: &str) -> Option<String> {
        let out = self
            .at_top(&["rev-parse", "--verify", "--quiet", name])
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    pub(super) fn count(&self, range: &str) -> Result<usize, GitError> {
        Ok(self
            .at_top_ok(&["rev-list", "--count", range])?
            .trim()
            .parse()
            .unwrap_or(0))
    }

    /// `git pull --rebase` from the upstream.
    pub fn pull(&self, up: &Upstream) -> Result<Pulled, GitError> {
        let before = self.rev("@{upstream}");
        let out = self.network(&["pull", "--rebase", "--no-autostash", &up.remote, &up.merge])?;
        if !out.status.success() {
            if self.in_progress()? == Some(InProgress::Rebase) {
                return self.stopped();
            }
            return Err(GitError::PullFailed {
                upstream: up.name.clone(),
                remote: up.remote.clone(),
                said: message_of(&out),
                top: self.top.clone(),
            });
        }
        // `pull REMOTE BRANCH` does not always move the tracking branch.
        let _ = self.at_top(&["fetch", "--quiet", "--no-tags", &up.remote]);
        let commits = match &before {
            Some(b) => self.count(&format!("{b}..@{{upstream}}"))?,
            None => self.count("@{upstream}")?,
        };
        Ok(Pulled::Done { commits })
    }

    /// The conflicts a stopped rebase waits on.
    pub fn stopped(&self) -> Result<Pulled, GitError> {
        let conflicts = self
            .unmerged()?
            .into_iter()
            .map(|rel| Conflict {
                id: self.record_id(&rel),
                path: self.shown(&rel),
                git_path: slashed(&rel),
            })
            .collect();
        let short = |name: &str| {
            self.at_top_ok(&["rev-parse", "--short", name])
                .ok()
                .map(|s| s.trim().to_string())
        };
        let local_subject = self
            .at_top_ok(&["log", "-1", "--format=%s", "REBASE_HEAD"])
            .ok()
            .map(|s| s.trim().to_string());
        Ok(Pulled::Conflicts(Stopped {
            conflicts,
            shared: short("HEAD"),
            local: short("REBASE_HEAD"),
            local_subject,
        }))
    }

    /// Finishes a stopped rebase once every conflicted file is resolved:
    /// stages the resolved files and continues. Refuses while conflict
    /// markers remain, naming each file and line.
    pub fn continue_rebase(&self) -> Result<Pulled, GitError> {
        let unmerged = self.unmerged()?;
        let mut left = Vec::new();
        for rel in &unmerged {
            let path = self.top.join(rel);
            if let Ok(text) = std::fs::read_to_string(&path)
                && let Some(&line) = crate::store::conflict_markers(&text).first()
            {
                let id = self
                    .record_id(rel)
                    .map(|id| format!("{id}  "))
                    .unwrap_or_default();
                left.push(format!("  {id}{}:{line}", self.shown(rel).display()));
            }
        }
        if !left.is_empty() {
            let first = unmerged
                .iter()
                .find_map(|r| self.record_id(r))
                .unwrap_or_else(|| "ID".into());
            return Err(GitError::MarkersRemain {
                places: left,
                first,
            });
        }
        if !unmerged.is_empty() {
            let specs: Vec<String> = unmerged.iter().map(|r| pathspec(r)).collect();
            let mut args = vec!["add", "-A", "--"];
            args.extend(specs.iter().map(String::as_str));
            self.at_top_ok(&args)?;
        }
        let mut cmd = command(&self.top);
        cmd.args(["rebase", "--continue"]).env("GIT_EDITOR", "true");
        let out = run(cmd)?;
        if out.status.success() {
            return Ok(Pulled::Done { commits: 0 });
        }
        if self.in_progress()? == Some(InProgress::Rebase) && !self.unmerged()?.is_empty() {
            return self.stopped();
        }
        Err(GitError::ContinueFailed {
            said: message_of(&out),
            top: self.top.clone(),
        })
    }

    /// Gives up a stopped rebase: back to how things were before the sync.
    pub fn abort_rebase(&self) -> Result<(), GitError> {
        self.at_top_ok(&["rebase", "--abort"]).map(|_| ())
    }

    /// Pushes the branch to its upstream when it has commits the upstream lacks.
    pub fn push(&self, up: &Upstream) -> Result<Pushed, GitError> {
        let ahead = self.count("@{upstream}..HEAD")?;
        if ahead == 0 {
            return Ok(Pushed::Nothing);
        }
        let target = format!("HEAD:{}", up.merge);
        let out = self.network(&["push", "--quiet", &up.remote, &target])?;
        if out.status.success() {
            let _ = self.at_top(&["fetch", "--quiet", "--no-tags", &up.remote]);
            return Ok(Pushed::Commits(ahead));
        }
        let said = message_of(&out);
        // Someone pushed in between? Then the upstream is not part of HEAD.
        let fetched = self.network(&["fetch", "--quiet", "--no-tags", &up.remote])?;
        if fetched.status.success()
            && !self
                .at_top(&["merge-base", "--is-ancestor", "@{upstream}", "HEAD"])?
                .status
                .success()
        {
            return Ok(Pushed::Behind);
        }
        Err(GitError::PushRefused {
            upstream: up.name.clone(),
            remote: up.remote.clone(),
            said,
            ahead,
        })
    }
}
