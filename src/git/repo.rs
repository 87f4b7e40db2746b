//! The git repository that holds a records folder: where it is, what is
//! uncommitted or in progress, its upstream, a record's history.

use super::{GitError, git, git_ok, head, message_of, pathspec, relative_to_dir};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A git operation that stopped half-way and waits to be finished or aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InProgress {
    Rebase,
    Merge,
    CherryPick,
    Revert,
}

impl InProgress {
    /// The stable name (`status --json` prints it).
    pub fn name(self) -> &'static str {
        match self {
            InProgress::Rebase => "git rebase (a sync stopped on a conflict)",
            InProgress::Merge => "git merge",
            InProgress::CherryPick => "git cherry-pick",
            InProgress::Revert => "git revert",
        }
    }

    /// What it is, for a sentence in the interface language.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::lang())
    }

    /// [`InProgress::label`] in `lang`: git's command and, in German, what it does.
    pub fn label_in(self, lang: crate::model::Lang) -> String {
        match self {
            InProgress::Rebase => crate::tr_in!(lang, "git.in-progress-rebase"),
            InProgress::Merge => crate::tr_in!(lang, "git.in-progress-merge"),
            InProgress::CherryPick => crate::tr_in!(lang, "git.in-progress-cherry-pick"),
            InProgress::Revert => crate::tr_in!(lang, "git.in-progress-revert"),
        }
    }
}

/// `status --json` prints the stable [`InProgress::name`].
impl serde::Serialize for InProgress {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// A file git changed or found changed, relative to the repository's top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// git's two-letter status (`M `, ` M`, `??`, `UU`, …).
    pub status: String,
    pub path: PathBuf,
}

/// Where the current branch pulls from and pushes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upstream {
    pub branch: String,
    pub remote: String,
    /// The remote branch, e.g. `refs/heads/main`.
    pub merge: String,
    /// As people say it, e.g. `origin/main`.
    pub name: String,
}

/// A record (or other file) that was changed on both sides.

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    pub commit: String,
    /// ISO 8601 with the author's offset, e.g. `2026-11-25T14:03:00+01:00`.
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// The git repository that holds a records folder.
#[derive(Debug, Clone)]
pub struct Repo {
    /// The records folder as given.
    pub dir: PathBuf,
    /// The repository's top folder (absolute).
    pub top: PathBuf,
    /// The records folder relative to `top` (empty when they are the same).
    pub prefix: PathBuf,
    /// The repository's git folder (absolute), found with `top` in one git process.
    git_dir: PathBuf,
    /// Whether git's configuration names a `core.sshCommand`, asked once.
    pub(super) ssh_command: std::sync::OnceLock<bool>,
}

impl Repo {
    /// The repository holding `dir`; a clear error when git is missing or
    /// `dir` is in no repository.
    pub fn open(dir: &Path) -> Result<Repo, GitError> {
        let out = git(
            dir,
            &[
                "rev-parse",
                "--show-toplevel",
                "--show-prefix",
                "--absolute-git-dir",
            ],
        )?;
        if !out.status.success() {
            // A `.git` folder or a bare repository: git is there, files are not.
            if git(dir, &["rev-parse", "--git-dir"])?.status.success() {
                return Err(GitError::NotAWorkTree {
                    dir: dir.to_path_buf(),
                });
            }
            return Err(GitError::NotARepository {
                dir: dir.to_path_buf(),
                said: message_of(&out),
            });
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next().unwrap_or_default().trim());
        let prefix = lines
            .next()
            .unwrap_or_default()
            .trim()
            .trim_end_matches('/');
        let git_dir = PathBuf::from(lines.next().unwrap_or_default().trim());
        if top.as_os_str().is_empty() || git_dir.as_os_str().is_empty() {
            return Err(GitError::NotAWorkTree {
                dir: dir.to_path_buf(),
            });
        }
        Ok(Repo {
            dir: dir.to_path_buf(),
            top,
            prefix: PathBuf::from(prefix),
            git_dir,
            ssh_command: std::sync::OnceLock::new(),
        })
    }

    /// Runs git at the repository's top folder.
    pub(super) fn at_top(&self, args: &[&str]) -> Result<Output, GitError> {
        git(&self.top, args)
    }

    pub(super) fn at_top_ok(&self, args: &[&str]) -> Result<String, GitError> {
        git_ok(&self.top, args)
    }

    /// A path relative to the records folder, as git names it from the top.
    pub(super) fn top_path(&self, rel_dir: &Path) -> PathBuf {
        self.prefix.join(rel_dir)
    }

    /// The path as the user sees it: below the records folder given, or
    /// below the repository's top when it lies outside the records folder.
    pub fn shown(&self, rel_top: &Path) -> PathBuf {
        match rel_top.strip_prefix(&self.prefix) {
            Ok(rest) if !self.prefix.as_os_str().is_empty() => self.dir.join(rest),
            _ if self.prefix.as_os_str().is_empty() => self.dir.join(rel_top),
            _ => self.top.join(rel_top),
        }
    }

    /// The id of the record at `rel_top`, when it is one (`<kind folder>/…/<id>.toml`).
    pub fn record_id(&self, rel_top: &Path) -> Option<String> {
        let rest = rel_top.strip_prefix(&self.prefix).ok()?;
        let folder = rest.components().next()?.as_os_str().to_str()?;
        crate::model::Kind::from_folder(folder)?;
        if rest.extension() != Some(OsStr::new("toml")) {
            return None;
        }
        Some(rest.file_stem()?.to_str()?.to_string())
    }

    /// Paths (relative to the top) that a NUL-separated listing command prints.
    pub(super) fn listed(&self, args: &[&str], specs: &[String]) -> Result<Vec<PathBuf>, GitError> {
        let mut full = args.to_vec();
        full.extend(specs.iter().map(String::as_str));
        let out = git_ok(&self.dir, &full)?;
        Ok(out
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect())
    }

    /// The git folder (found when the repository was opened: no git process).
    pub(super) fn git_dir(&self) -> &Path {
        &self.git_dir
    }

    /// The rebase, merge, … that waits to be finished, if any.
    pub fn in_progress(&self) -> Result<Option<InProgress>, GitError> {
        let gd = self.git_dir();
        Ok(
            if gd.join("rebase-merge").is_dir() || gd.join("rebase-apply").is_dir() {
                Some(InProgress::Rebase)
            } else if gd.join("MERGE_HEAD").is_file() {
                Some(InProgress::Merge)
            } else if gd.join("CHERRY_PICK_HEAD").is_file() {
                Some(InProgress::CherryPick)
            } else if gd.join("REVERT_HEAD").is_file() {
                Some(InProgress::Revert)
            } else {
                None
            },
        )
    }

    /// Uncommitted changes that stop a pull: changed tracked files anywhere
    /// in the repository, and new files in the records folder.
    pub fn uncommitted(&self) -> Result<Vec<Change>, GitError> {
        let out = self.at_top_ok(&["status", "--porcelain=v1", "-z", "--untracked-files=all"])?;
        let mut changes = Vec::new();
        let mut fields = out.split('\0').filter(|s| !s.is_empty());
        while let Some(entry) = fields.next() {
            if entry.len() < 4 {
                continue;
            }
            let status = entry[..2].to_string();
            let path = PathBuf::from(&entry[3..]);
            if status.starts_with('R') || status.starts_with('C') {
                fields.next(); // the old name of a rename
            }
            if status == "??" && !path.starts_with(&self.prefix) {
                continue;
            }
            changes.push(Change { status, path });
        }
        Ok(changes)
    }

    /// Files with unresolved conflicts, relative to the top.
    pub fn unmerged(&self) -> Result<Vec<PathBuf>, GitError> {
        let out = self.at_top_ok(&["diff", "--name-only", "--diff-filter=U", "-z"])?;
        let mut paths: Vec<PathBuf> = out
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        paths.dedup();
        Ok(paths)
    }

    /// The branch a detached HEAD belongs to: the one a waiting rebase
    /// works on, else the only local branch, else one that contains HEAD,
    /// else the one the remote's HEAD names.
    pub fn home_branch(&self) -> Option<String> {
        if let Some(b) = self.rebasing_branch() {
            return Some(b);
        }
        let list = |args: &[&str]| -> Vec<String> {
            self.at_top_ok(args)
                .map(|s| {
                    s.lines()
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        let all = list(&["for-each-ref", "--format=%(refname:short)", "refs/heads"]);
        if all.len() == 1 {
            return all.into_iter().next();
        }
        let containing = list(&[
            "for-each-ref",
            "--format=%(refname:short)",
            "--contains",
            "HEAD",
            "refs/heads",
        ]);
        if let Some(b) = containing.into_iter().next() {
            return Some(b);
        }
        let remote_head = list(&[
            "symbolic-ref",
            "--quiet",
            "--short",
            "refs/remotes/origin/HEAD",
        ]);
        remote_head
            .first()
            .and_then(|r| r.split_once('/'))
            .map(|(_, b)| b.to_string())
            .filter(|b| all.contains(b))
            .or_else(|| all.into_iter().next())
    }

    /// The branch's upstream, or a clear error saying how to set one.
    pub fn upstream(&self) -> Result<Upstream, GitError> {
        let branch = self.at_top(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
        if !branch.status.success() {
            return Err(GitError::DetachedHead {
                top: self.top.clone(),
                home: self.home_branch(),
            });
        }
        let branch = String::from_utf8_lossy(&branch.stdout).trim().to_string();
        let config = |key: String| -> Result<Option<String>, GitError> {
            let out = self.at_top(&["config", "--get", &key])?;
            Ok(out
                .status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
                .filter(|s| !s.is_empty()))
        };
        let remote = config(format!("branch.{branch}.remote"))?;
        let merge = config(format!("branch.{branch}.merge"))?;
        match (remote, merge) {
            (Some(remote), Some(merge)) => {
                let short = merge.strip_prefix("refs/heads/").unwrap_or(&merge);
                let name = format!("{remote}/{short}");
                Ok(Upstream {
                    branch,
                    remote,
                    merge,
                    name,
                })
            }
            _ => {
                let remotes = self.at_top_ok(&["remote"])?;
                let top = self.top.clone();
                match remotes.lines().next() {
                    None => Err(GitError::NoRemote { top, branch }),
                    Some(remote) => Err(GitError::NoUpstream {
                        top,
                        branch,
                        remote: remote.to_string(),
                    }),
                }
            }
        }
    }

    /// The commits that changed the file at `path` (following renames), newest first.
    pub fn history(&self, path: &Path) -> Result<Vec<LogEntry>, GitError> {
        let rel = relative_to_dir(&self.dir, path)?;
        let spec = pathspec(&rel);
        if head(&self.dir).is_none() {
            return Ok(Vec::new());
        }
        let out = git_ok(
            &self.dir,
            &[
                "log",
                "--follow",
                "-z",
                "--format=%H%x1f%aI%x1f%an%x1f%s",
                "--",
                &spec,
            ],
        )?;
        Ok(out
            .split('\0')
            .filter_map(|entry| {
                let mut f = entry.trim_start_matches('\n').split('\u{1f}');
                Some(LogEntry {
                    commit: f.next().filter(|c| !c.is_empty())?.to_string(),
                    date: f.next()?.to_string(),
                    author: f.next()?.to_string(),
                    subject: f.next()?.trim_end().to_string(),
                })
            })
            .collect())
    }

    /// Whether `path` has changes that are not committed (or is not committed at all).
    pub fn has_uncommitted(&self, path: &Path) -> Result<bool, GitError> {
        let spec = pathspec(&relative_to_dir(&self.dir, path)?);
        let out = git_ok(&self.dir, &["status", "--porcelain", "--", &spec])?;
        Ok(!out.trim().is_empty())
    }

    /// The folder git runs hooks from (`core.hooksPath` honoured).
    pub fn hooks_dir(&self) -> Result<PathBuf, GitError> {
        let out = git_ok(&self.dir, &["rev-parse", "--git-path", "hooks"])?;
        Ok(self.dir.join(out.trim()))
    }
}
