//! The staff's own `git` (their configuration, identity and credentials), run
//! as a child process: commits of single records, pulling and pushing the
//! shared repository, conflicts, the history of one record, and the
//! repository state a report is made from. Nothing here ever waits for a
//! person who is not there: without a terminal git may not prompt.

use crate::error::{CommandError, Result};
use std::ffi::OsStr;
use std::io::IsTerminal;
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Output};

/// Runs `git` in `dir` with `args`.
pub fn git(dir: &Path, args: &[&str]) -> Result<Output> {
    let mut cmd = command(dir);
    cmd.args(args);
    run(cmd)
}

/// Runs git and fails with its message when it fails.
pub fn git_ok(dir: &Path, args: &[&str]) -> Result<String> {
    let out = git(dir, args)?;
    checked(&out, args)
}

/// A `git -C dir` command that cannot hang on a prompt when nobody is at
/// the terminal (cron, scripts).
fn command(dir: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.arg("-C").arg(dir);
    if !std::io::stdin().is_terminal() {
        cmd.env("GIT_TERMINAL_PROMPT", "0");
        cmd.env("GCM_INTERACTIVE", "never");
    }
    cmd
}

fn run(mut cmd: Command) -> Result<Output> {
    cmd.output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            CommandError::data(
                "git is not installed: install it (Debian/Ubuntu: `sudo apt install git`, Windows/macOS: https://git-scm.com)",
            )
        } else {
            CommandError::data(format!("cannot run git: {e}"))
        }
    })
}

fn checked(out: &Output, args: &[&str]) -> Result<String> {
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(CommandError::data(format!(
            "git {} failed: {}",
            args.join(" "),
            message_of(out)
        )))
    }
}

/// What git said on stderr (else stdout), trimmed.
fn message_of(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim().to_string();
    if err.is_empty() {
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    } else {
        err
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

/// Whether git knows who the user is (`user.name`/`user.email` or the
/// GIT_AUTHOR_*/GIT_COMMITTER_* variables).
fn has_identity(dir: &Path) -> bool {
    ["GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"]
        .iter()
        .all(|v| git(dir, &["var", v]).is_ok_and(|o| o.status.success()))
}

/// Commits with the user's identity; when git has none configured, with a
/// placeholder so that the commit is not lost (the message says how to fix it).
fn commit(dir: &Path, args: &[&str]) -> Result<()> {
    let mut full: Vec<&str> = Vec::new();
    let placeholder = !has_identity(dir);
    if placeholder {
        full.extend([
            "-c",
            "user.name=quartier",
            "-c",
            "user.email=quartier@localhost",
        ]);
    }
    full.extend_from_slice(args);
    let out = git(dir, &full)?;
    if !out.status.success() {
        return Err(CommandError::data(format!(
            "git commit failed: {}",
            message_of(&out)
        )));
    }
    if placeholder {
        eprintln!(
            "quartier: git has no user name/e-mail here; committed as `quartier`. Set yours with `git config --global user.name \"…\"` and `git config --global user.email \"…\"`"
        );
    }
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
pub fn commit_paths(dir: &Path, paths: &[&Path], message: &str) -> Result<()> {
    let repo = Repo::open(dir)?;
    let mut specs = Vec::new();
    for p in paths {
        specs.push(pathspec(&relative_to_dir(dir, p)?));
    }
    if specs.is_empty() {
        return Err(CommandError::usage("nothing to commit: no files given"));
    }
    let tracked = repo.listed(&["ls-files", "-z", "--full-name", "--"], &specs)?;
    let in_head = if head(dir).is_some() {
        repo.listed(
            &[
                "ls-tree",
                "-r",
                "-z",
                "--full-name",
                "--name-only",
                "HEAD",
                "--",
            ],
            &specs,
        )?
    } else {
        Vec::new()
    };
    let mut to_add = Vec::new();
    let mut to_commit = Vec::new();
    for (p, spec) in paths.iter().zip(&specs) {
        let rel = repo.top_path(&relative_to_dir(dir, p)?);
        let on_disk = std::fs::symlink_metadata(p).is_ok();
        let indexed = tracked.contains(&rel);
        if on_disk || indexed {
            to_add.push(spec.clone());
        }
        if on_disk || indexed || in_head.contains(&rel) {
            to_commit.push(spec.clone());
        } else {
            return Err(CommandError::data(format!(
                "cannot commit {}: the file does not exist and git does not know it",
                p.display()
            )));
        }
    }
    if !to_add.is_empty() {
        let mut args = vec!["add", "-A", "--"];
        args.extend(to_add.iter().map(String::as_str));
        git_ok(dir, &args)?;
    }
    if let Some(op) = repo.in_progress()? {
        eprintln!(
            "quartier: not committed yet: a {} is in progress in {}; the change is staged and will be part of it — finish with `quartier sync` (or `quartier sync --abort`)",
            op.name(),
            repo.top.display()
        );
        return Ok(());
    }
    if head(dir).is_some() {
        let mut diff = vec!["diff", "--cached", "--quiet", "HEAD", "--"];
        diff.extend(to_commit.iter().map(String::as_str));
        if git(dir, &diff)?.status.success() {
            return Ok(());
        }
    }
    let mut args = vec!["commit", "--quiet", "-m", message, "--only", "--"];
    args.extend(to_commit.iter().map(String::as_str));
    commit(dir, &args).map_err(|e| {
        CommandError::data(format!(
            "the file is saved but was not committed: {}",
            e.message
        ))
    })
}

/// A literal pathspec (no wildcards) for a path relative to git's working directory.
fn pathspec(rel: &Path) -> String {
    format!(":(literal){}", slashed(rel))
}

/// A relative path with `/` between its parts, as git writes them.
fn slashed(rel: &Path) -> String {
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// `path` relative to `dir`; both may be relative to the working directory.
fn relative_to_dir(dir: &Path, path: &Path) -> Result<PathBuf> {
    let absolute = |p: &Path| std::path::absolute(p).map_err(|e| CommandError::io("find", p, &e));
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
    Err(CommandError::usage(format!(
        "{} is not inside {}",
        path.display(),
        dir.display()
    )))
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

/// Whether anything under `dir` differs from HEAD (untracked files included).
pub fn is_dirty(dir: &Path) -> bool {
    match git(dir, &["status", "--porcelain", "--", "."]) {
        Ok(out) if out.status.success() => !out.stdout.is_empty(),
        _ => false,
    }
}

/// A git operation that stopped half-way and waits to be finished or aborted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InProgress {
    Rebase,
    Merge,
    CherryPick,
    Revert,
}

impl InProgress {
    pub fn name(self) -> &'static str {
        match self {
            InProgress::Rebase => "git rebase (a sync stopped on a conflict)",
            InProgress::Merge => "git merge",
            InProgress::CherryPick => "git cherry-pick",
            InProgress::Revert => "git revert",
        }
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

/// One commit in a record's history.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LogEntry {
    pub commit: String,
    /// ISO 8601 with the author's offset, e.g. `2026-11-25T14:03:00+01:00`.
    pub date: String,
    pub author: String,
    pub subject: String,
}

/// How a push ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pushed {
    Nothing,
    Commits(usize),
    /// Someone pushed in between: pull again.
    Behind,
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
}

impl Repo {
    /// The repository holding `dir`; a clear error when git is missing or
    /// `dir` is in no repository.
    pub fn open(dir: &Path) -> Result<Repo> {
        let out = git(dir, &["rev-parse", "--show-toplevel", "--show-prefix"])?;
        if !out.status.success() {
            return Err(CommandError::data(format!(
                "{} is not in a git repository ({}): clone the shared records repository (see docs/SHARING.md) or run `git init` there",
                dir.display(),
                message_of(&out)
            )));
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next().unwrap_or_default().trim());
        let prefix = lines
            .next()
            .unwrap_or_default()
            .trim()
            .trim_end_matches('/');
        if top.as_os_str().is_empty() {
            return Err(CommandError::data(format!(
                "{} is inside a git folder but not in a working tree: clone the records repository instead",
                dir.display()
            )));
        }
        Ok(Repo {
            dir: dir.to_path_buf(),
            top,
            prefix: PathBuf::from(prefix),
        })
    }

    /// Runs git at the repository's top folder.
    fn at_top(&self, args: &[&str]) -> Result<Output> {
        git(&self.top, args)
    }

    fn at_top_ok(&self, args: &[&str]) -> Result<String> {
        git_ok(&self.top, args)
    }

    /// A path relative to the records folder, as git names it from the top.
    fn top_path(&self, rel_dir: &Path) -> PathBuf {
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
    fn listed(&self, args: &[&str], specs: &[String]) -> Result<Vec<PathBuf>> {
        let mut full = args.to_vec();
        full.extend(specs.iter().map(String::as_str));
        let out = git_ok(&self.dir, &full)?;
        Ok(out
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect())
    }

    fn git_dir(&self) -> Result<PathBuf> {
        Ok(PathBuf::from(
            self.at_top_ok(&["rev-parse", "--absolute-git-dir"])?.trim(),
        ))
    }

    /// The rebase, merge, … that waits to be finished, if any.
    pub fn in_progress(&self) -> Result<Option<InProgress>> {
        let gd = self.git_dir()?;
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
    pub fn uncommitted(&self) -> Result<Vec<Change>> {
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
    pub fn unmerged(&self) -> Result<Vec<PathBuf>> {
        let out = self.at_top_ok(&["diff", "--name-only", "--diff-filter=U", "-z"])?;
        let mut paths: Vec<PathBuf> = out
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        paths.dedup();
        Ok(paths)
    }

    /// The branch's upstream, or a clear error saying how to set one.
    pub fn upstream(&self) -> Result<Upstream> {
        let branch = self.at_top(&["symbolic-ref", "--quiet", "--short", "HEAD"])?;
        if !branch.status.success() {
            return Err(CommandError::data(format!(
                "the records repository {} is not on a branch (detached HEAD): switch to your branch first, e.g. `git -C {} switch main`",
                self.top.display(),
                self.top.display()
            )));
        }
        let branch = String::from_utf8_lossy(&branch.stdout).trim().to_string();
        let config = |key: String| -> Result<Option<String>> {
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
                let top = self.top.display();
                match remotes.lines().next() {
                    None => Err(CommandError::data(format!(
                        "the records repository {top} has no remote to share with: add the office's shared repository with `git -C {top} remote add origin URL` and `git -C {top} push -u origin {branch}` (see docs/SHARING.md)"
                    ))),
                    Some(remote) => Err(CommandError::data(format!(
                        "branch `{branch}` of {top} has no upstream to sync with: run `git -C {top} push -u {remote} {branch}` once (see docs/SHARING.md)"
                    ))),
                }
            }
        }
    }

    /// A git command that may talk to the network; without a terminal, ssh
    /// must not ask for passwords or host keys either.
    fn network(&self, args: &[&str]) -> Result<Output> {
        let mut cmd = command(&self.top);
        cmd.args(args);
        if !std::io::stdin().is_terminal()
            && ["GIT_SSH_COMMAND", "GIT_SSH"]
                .iter()
                .all(|v| std::env::var_os(v).is_none_or(|s| s.is_empty()))
            && !self
                .at_top(&["config", "--get", "core.sshCommand"])
                .is_ok_and(|o| o.status.success())
        {
            cmd.env("GIT_SSH_COMMAND", "ssh -o BatchMode=yes");
        }
        run(cmd)
    }

    fn rev(&self, name: &str) -> Option<String> {
        let out = self
            .at_top(&["rev-parse", "--verify", "--quiet", name])
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
    }

    fn count(&self, range: &str) -> Result<usize> {
        Ok(self
            .at_top_ok(&["rev-list", "--count", range])?
            .trim()
            .parse()
            .unwrap_or(0))
    }

    /// `git pull --rebase` from the upstream.
    pub fn pull(&self, up: &Upstream) -> Result<Pulled> {
        let before = self.rev("@{upstream}");
        let out = self.network(&["pull", "--rebase", "--no-autostash", &up.remote, &up.merge])?;
        if !out.status.success() {
            if self.in_progress()? == Some(InProgress::Rebase) {
                return self.stopped();
            }
            return Err(CommandError::data(format!(
                "could not pull from {} ({}): {}\nNothing was changed here; check the network and the address (`git -C {} remote -v`), then run `quartier sync` again",
                up.name,
                up.remote,
                message_of(&out),
                self.top.display()
            )));
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
    pub fn stopped(&self) -> Result<Pulled> {
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
    pub fn continue_rebase(&self) -> Result<Pulled> {
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
            return Err(CommandError::data(format!(
                "the sync is still stopped: conflict markers (<<<<<<< ======= >>>>>>>) remain in\n{}\nKeep the right version in each file and delete the marker lines (`quartier edit {first}`), then run `quartier sync` again — or `quartier sync --abort` to give up this sync",
                left.join("\n")
            )));
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
        Err(CommandError::data(format!(
            "git could not finish the stopped sync: {}\nResolve what git says in {}, then run `quartier sync` again, or `quartier sync --abort`",
            message_of(&out),
            self.top.display()
        )))
    }

    /// Gives up a stopped rebase: back to how things were before the sync.
    pub fn abort_rebase(&self) -> Result<()> {
        self.at_top_ok(&["rebase", "--abort"]).map(|_| ())
    }

    /// Pushes the branch to its upstream when it has commits the upstream lacks.
    pub fn push(&self, up: &Upstream) -> Result<Pushed> {
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
        Err(CommandError::data(format!(
            "the shared repository {} ({}) refused the push: {said}\nYour {ahead} commit(s) are safe here and will go out with the next `quartier sync`; if this keeps happening, ask whoever looks after the shared repository",
            up.name, up.remote
        )))
    }

    /// The commits that changed the file at `path` (following renames), newest first.
    pub fn history(&self, path: &Path) -> Result<Vec<LogEntry>> {
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
    pub fn has_uncommitted(&self, path: &Path) -> Result<bool> {
        let spec = pathspec(&relative_to_dir(&self.dir, path)?);
        let out = git_ok(&self.dir, &["status", "--porcelain", "--", &spec])?;
        Ok(!out.trim().is_empty())
    }

    /// The folder git runs hooks from (`core.hooksPath` honoured).
    pub fn hooks_dir(&self) -> Result<PathBuf> {
        let out = git_ok(&self.dir, &["rev-parse", "--git-path", "hooks"])?;
        Ok(self.dir.join(out.trim()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A repository with its own identity, so that the machine's git
    /// configuration cannot change what the tests see.
    fn repo() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("records");
        fs::create_dir_all(&dir).unwrap();
        git_ok(&dir, &["init", "--quiet"]).unwrap();
        for (k, v) in [
            ("user.name", "Erika Beispiel"),
            ("user.email", "eb@example.org"),
            ("commit.gpgsign", "false"),
            ("core.hooksPath", "no-hooks"),
        ] {
            git_ok(&dir, &["config", k, v]).unwrap();
        }
        fs::write(dir.join("quartier.toml"), "[office]\n").unwrap();
        fs::write(dir.join("a.toml"), "a\n").unwrap();
        git_ok(&dir, &["add", "-A"]).unwrap();
        git_ok(&dir, &["commit", "--quiet", "-m", "first"]).unwrap();
        (tmp, dir)
    }

    fn status(dir: &Path) -> String {
        git_ok(dir, &["status", "--porcelain", "--untracked-files=all"]).unwrap()
    }

    fn last_commit_files(dir: &Path) -> String {
        git_ok(
            dir,
            &[
                "show",
                "--no-renames",
                "--name-status",
                "--format=%s%n%an",
                "HEAD",
            ],
        )
        .unwrap()
    }

    #[test]
    fn commits_only_the_given_file_and_keeps_other_staged_changes_staged() {
        let (_tmp, dir) = repo();
        let rec = dir.join("appointments/2026/11/apt-20261125-x7k2.toml");
        fs::create_dir_all(rec.parent().unwrap()).unwrap();
        fs::write(&rec, "id = \"apt-20261125-x7k2\"\n").unwrap();
        fs::write(dir.join("a.toml"), "a changed and staged\n").unwrap();
        git_ok(&dir, &["add", "a.toml"]).unwrap();
        fs::write(dir.join("quartier.toml"), "[office]\n# modified\n").unwrap();
        fs::write(dir.join("other.toml"), "untracked\n").unwrap();

        commit_paths(&dir, &[&rec], "appointment: add apt-20261125-x7k2").unwrap();

        let shown = last_commit_files(&dir);
        assert!(shown.starts_with("appointment: add apt-20261125-x7k2\nErika Beispiel\n"));
        assert!(shown.contains("A\tappointments/2026/11/apt-20261125-x7k2.toml"));
        assert!(!shown.contains("a.toml\n") && !shown.contains("quartier.toml"));
        let st = status(&dir);
        assert!(st.contains("M  a.toml"), "a.toml no longer staged:\n{st}");
        assert!(st.contains(" M quartier.toml"), "{st}");
        assert!(st.contains("?? other.toml"), "{st}");
        assert!(!st.contains("apt-20261125-x7k2"), "{st}");
    }

    #[test]
    fn commits_a_move_as_old_path_removed_and_new_path_added() {
        let (_tmp, dir) = repo();
        let old = dir.join("appointments/2026/11/apt-20261125-x7k2.toml");
        fs::create_dir_all(old.parent().unwrap()).unwrap();
        fs::write(&old, "id = \"apt-20261125-x7k2\"\ndate = 2026-11-25\n").unwrap();
        commit_paths(&dir, &[&old], "appointment: add").unwrap();
        fs::write(dir.join("a.toml"), "staged\n").unwrap();
        git_ok(&dir, &["add", "a.toml"]).unwrap();

        let new = dir.join("appointments/2026/12/apt-20261125-x7k2.toml");
        fs::create_dir_all(new.parent().unwrap()).unwrap();
        fs::write(&new, "id = \"apt-20261125-x7k2\"\ndate = 2026-12-01\n").unwrap();
        fs::remove_file(&old).unwrap();
        commit_paths(&dir, &[&old, &new], "appointment: edit apt-20261125-x7k2").unwrap();

        let shown = last_commit_files(&dir);
        assert!(
            shown.contains("D\tappointments/2026/11/apt-20261125-x7k2.toml")
                && shown.contains("A\tappointments/2026/12/apt-20261125-x7k2.toml"),
            "{shown}"
        );
        let st = status(&dir);
        assert_eq!(st, "M  a.toml\n");
    }

    #[test]
    fn commits_a_removal_already_staged_with_git_rm() {
        let (_tmp, dir) = repo();
        git_ok(&dir, &["rm", "--quiet", "a.toml"]).unwrap();
        let a = dir.join("a.toml");
        commit_paths(&dir, &[&a], "remove a").unwrap();
        assert!(last_commit_files(&dir).contains("D\ta.toml"));
        assert_eq!(status(&dir), "");
    }

    #[test]
    fn paths_may_be_relative_to_the_working_directory() {
        assert_eq!(
            relative_to_dir(
                Path::new("records"),
                Path::new("records/clients/K-7F3A.toml")
            )
            .unwrap(),
            PathBuf::from("clients/K-7F3A.toml")
        );
        assert_eq!(
            relative_to_dir(Path::new("./r/"), Path::new("r/./a/../b.toml")).unwrap(),
            PathBuf::from("b.toml")
        );
        assert!(relative_to_dir(Path::new("records"), Path::new("other/x.toml")).is_err());
    }

    #[test]
    fn records_folder_may_be_a_subfolder_of_the_repository() {
        let (_tmp, top) = repo();
        let dir = top.join("records");
        let rec = dir.join("clients/K-7F3A.toml");
        fs::create_dir_all(rec.parent().unwrap()).unwrap();
        fs::write(&rec, "id = \"K-7F3A\"\n").unwrap();
        commit_paths(&dir, &[&rec], "client: new K-7F3A").unwrap();
        assert!(last_commit_files(&top).contains("A\trecords/clients/K-7F3A.toml"));
        fs::write(&rec, "id = \"K-7F3A\"\nbirth_year = 1990\n").unwrap();
        commit_paths(&dir, &[&rec], "client: edit K-7F3A").unwrap();

        let repo = Repo::open(&dir).unwrap();
        assert_eq!(repo.prefix, PathBuf::from("records"));
        assert_eq!(
            repo.record_id(Path::new("records/clients/K-7F3A.toml")),
            Some("K-7F3A".into())
        );
        assert_eq!(repo.record_id(Path::new("records/quartier.toml")), None);
        assert_eq!(repo.record_id(Path::new("clients/K-7F3A.toml")), None);
        assert_eq!(
            repo.shown(Path::new("records/clients/K-7F3A.toml")),
            dir.join("clients/K-7F3A.toml")
        );
        let log = repo.history(&rec).unwrap();
        let subjects: Vec<&str> = log.iter().map(|e| e.subject.as_str()).collect();
        assert_eq!(subjects, ["client: edit K-7F3A", "client: new K-7F3A"]);
        assert_eq!(log[0].author, "Erika Beispiel");
        assert_eq!(log[0].commit.len(), 40);
    }

    #[test]
    fn unchanged_file_is_no_error_and_makes_no_commit() {
        let (_tmp, dir) = repo();
        let before = head(&dir);
        commit_paths(&dir, &[&dir.join("a.toml")], "nothing").unwrap();
        assert_eq!(head(&dir), before);
    }

    #[test]
    fn a_file_git_never_knew_that_is_gone_is_an_error() {
        let (_tmp, dir) = repo();
        let err = commit_paths(&dir, &[&dir.join("nope.toml")], "x").unwrap_err();
        assert!(err.message.contains("nope.toml"), "{}", err.message);
    }

    #[test]
    fn a_folder_outside_any_repository_is_named() {
        let tmp = tempfile::tempdir().unwrap();
        let err = Repo::open(tmp.path()).unwrap_err();
        assert!(
            err.message.contains("not in a git repository"),
            "{}",
            err.message
        );
        let err = commit_paths(tmp.path(), &[&tmp.path().join("a")], "x").unwrap_err();
        assert!(err.message.contains("not in a git repository"));
    }

    #[test]
    fn during_a_stopped_rebase_a_commit_is_staged_and_finishing_commits_it() {
        let (_tmp, dir) = repo();
        git_ok(&dir, &["switch", "--quiet", "-c", "shared"]).unwrap();
        fs::write(dir.join("a.toml"), "shared\n").unwrap();
        git_ok(&dir, &["commit", "--quiet", "-am", "shared edit"]).unwrap();
        git_ok(&dir, &["switch", "--quiet", "-"]).unwrap();
        fs::write(dir.join("a.toml"), "mine\n").unwrap();
        git_ok(&dir, &["commit", "--quiet", "-am", "my edit"]).unwrap();
        assert!(!git(&dir, &["rebase", "shared"]).unwrap().status.success());
        let repo = Repo::open(&dir).unwrap();
        assert_eq!(repo.in_progress().unwrap(), Some(InProgress::Rebase));
        assert_eq!(repo.unmerged().unwrap(), vec![PathBuf::from("a.toml")]);
        let Pulled::Conflicts(stopped) = repo.stopped().unwrap() else {
            panic!("no conflict");
        };
        assert_eq!(stopped.conflicts[0].git_path, "a.toml");
        assert_eq!(stopped.local_subject.as_deref(), Some("my edit"));

        let err = repo.continue_rebase().unwrap_err();
        assert!(err.message.contains("a.toml:1"), "{}", err.message);

        fs::write(dir.join("a.toml"), "both\n").unwrap();
        let before = head(&dir);
        commit_paths(&dir, &[&dir.join("a.toml")], "edit a").unwrap();
        assert_eq!(head(&dir), before, "committed in the middle of a rebase");
        assert!(repo.unmerged().unwrap().is_empty());

        assert_eq!(repo.continue_rebase().unwrap(), Pulled::Done { commits: 0 });
        assert_eq!(repo.in_progress().unwrap(), None);
        assert_eq!(fs::read_to_string(dir.join("a.toml")).unwrap(), "both\n");
        let subjects = git_ok(&dir, &["log", "--format=%s"]).unwrap();
        assert_eq!(subjects, "my edit\nshared edit\nfirst\n");
    }

    #[test]
    fn conflict_markers_are_found() {
        let first = |t: &str| crate::store::conflict_markers(t).first().copied();
        assert_eq!(first("a\n<<<<<<< HEAD\nb\n"), Some(2));
        assert_eq!(first("a\n=======\n"), Some(2));
        assert_eq!(first("notes = \"=======\"\n"), None);
    }
}
