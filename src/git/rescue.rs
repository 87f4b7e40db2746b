//! What makes a sync safe to stop, kill or abort: the save commit of every
//! uncommitted record change, a backup ref of where the branch was, a
//! snapshot of the working tree before a stopped pull is undone (so that
//! records added or edited while it waited are put back), and the choice
//! between a changed and a deleted version of a record.
//!
//! Refs written here (all under `refs/quartier/`, kept by git like any ref):
//! - `sync-backup`: the branch's commit (after the save commit) before the pull;
//! - `sync-aborted`: a commit of the working tree as it was when a stopped
//!   or interrupted sync was undone, with every change made meanwhile.

use super::{GitError, Repo, commit::commit, git, pathspec, slashed};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const BACKUP_REF: &str = "refs/quartier/sync-backup";
pub const ABORTED_REF: &str = "refs/quartier/sync-aborted";

/// A record changed on one side and deleted on the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModifyDelete {
    pub id: Option<String>,
    /// As the user sees it.
    pub path: PathBuf,
    /// From the repository's top.
    pub git_path: String,
    /// True when this clone deleted it and the shared repository changed it.
    pub deleted_here: bool,
}

/// What undoing a stopped pull kept.
#[derive(Debug, Clone, Default)]
pub struct Undone {
    /// Files changed while the sync waited, put back as uncommitted changes.
    pub restored: Vec<PathBuf>,
    /// Files still holding conflict markers: not put back, kept in [`ABORTED_REF`].
    pub with_markers: Vec<PathBuf>,
}

impl Repo {
    /// What `sync` saves, relative to the top: the record folders,
    /// `quartier.toml`, `.gitignore`, `reports/sealed/`, `retention-log.toml`.
    pub fn saved_specs(&self) -> Vec<String> {
        self.saved_rels().iter().map(|r| pathspec(r)).collect()
    }

    fn saved_rels(&self) -> Vec<PathBuf> {
        let mut rels: Vec<PathBuf> = crate::model::Kind::ALL
            .iter()
            .map(|k| PathBuf::from(k.folder()))
            .collect();
        for f in [
            "quartier.toml",
            ".gitignore",
            "reports/sealed",
            "retention-log.toml",
        ] {
            rels.push(PathBuf::from(f));
        }
        rels.iter().map(|r| self.prefix.join(r)).collect()
    }

    /// Whether `rel_top` is one of the files `sync` saves.
    pub fn is_saved(&self, rel_top: &Path) -> bool {
        let Ok(rest) = rel_top.strip_prefix(&self.prefix) else {
            return false;
        };
        let first = rest
            .components()
            .next()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .unwrap_or_default();
        crate::model::Kind::from_folder(&first).is_some()
            || rest == Path::new("quartier.toml")
            || rest == Path::new(".gitignore")
            || rest == Path::new("retention-log.toml")
            || rest.starts_with("reports/sealed")
    }

    /// The saved files' pathspecs that name something on disk or in git's
    /// index (`git add` fails on one that matches nothing).
    fn present_specs(&self) -> Result<Vec<String>, GitError> {
        let rels = self.saved_rels();
        let mut args = vec!["ls-files", "-z", "--full-name", "--"];
        let specs: Vec<String> = rels.iter().map(|r| pathspec(r)).collect();
        args.extend(specs.iter().map(String::as_str));
        let known = self.at_top_ok(&args)?;
        let known: Vec<&Path> = known
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(Path::new)
            .collect();
        Ok(rels
            .iter()
            .zip(specs)
            .filter(|(rel, _)| {
                std::fs::symlink_metadata(self.top.join(rel)).is_ok()
                    || known.iter().any(|k| k.starts_with(rel))
            })
            .map(|(_, spec)| spec)
            .collect())
    }

    /// Stages every change of the saved files (in git's index, or the one
    /// `GIT_INDEX_FILE` names when `index` is given).
    fn stage_saved(&self, index: Option<&Path>) -> Result<(), GitError> {
        let specs = self.present_specs()?;
        if specs.is_empty() {
            return Ok(());
        }
        let mut args = vec!["add", "-A", "--"];
        args.extend(specs.iter().map(String::as_str));
        let mut cmd = super::command(&self.top);
        cmd.args(&args);
        if let Some(index) = index {
            cmd.env("GIT_INDEX_FILE", index);
        }
        let out = super::run(cmd)?;
        super::checked(&out, &args).map(|_| ())
    }

    /// Commits every uncommitted change of the saved files in one commit
    /// whose message lists them; returns the files, empty when there was nothing.
    pub fn save(&self) -> Result<Vec<PathBuf>, GitError> {
        let specs = self.saved_specs();
        self.stage_saved(None)?;
        let has_head = self.rev("HEAD").is_some();
        let mut diff = vec!["diff", "--cached", "--name-only", "-z", "--no-renames"];
        if has_head {
            diff.push("HEAD");
        }
        diff.push("--");
        diff.extend(specs.iter().map(String::as_str));
        let out = self.at_top_ok(&diff)?;
        let files: Vec<PathBuf> = out
            .split('\0')
            .filter(|s| !s.is_empty())
            .map(PathBuf::from)
            .collect();
        if files.is_empty() {
            return Ok(files);
        }
        let mut message = format!("quartier sync: save {} file(s)\n\n", files.len());
        for f in &files {
            match self.record_id(f) {
                Some(id) => message.push_str(&format!("{id}  {}\n", slashed(f))),
                None => message.push_str(&format!("{}\n", slashed(f))),
            }
        }
        let mut args = vec!["commit", "--quiet", "--no-verify", "-m", &message, "--"];
        let file_specs: Vec<String> = files.iter().map(|f| pathspec(f)).collect();
        args.extend(file_specs.iter().map(String::as_str));
        commit(&self.top, &args)?;
        Ok(files)
    }

    /// Points [`BACKUP_REF`] at HEAD (with a reflog, so earlier ones stay
    /// findable). Called while holding [`Repo::sync_turn`], so a lock file of
    /// this ref can only be one a killed sync left behind.
    pub fn backup(&self) -> Result<(), GitError> {
        let _ = std::fs::remove_file(self.git_dir().join(format!("{BACKUP_REF}.lock")));
        self.at_top_ok(&[
            "update-ref",
            "--create-reflog",
            "-m",
            "quartier sync: before pulling",
            BACKUP_REF,
            "HEAD",
        ])
        .map(|_| ())
    }

    /// The tree of the saved files as they are in the working folder now
    /// (conflicted ones as they are on disk), made in a separate index so
    /// that git's own index — and a waiting rebase — stay untouched.
    fn snapshot(&self) -> Result<String, GitError> {
        let gd = self.git_dir();
        let tmp = tempfile::Builder::new()
            .prefix("quartier-index-")
            .tempfile_in(gd)
            .map_err(|e| GitError::io(crate::error::IoAction::MakeTempIndex, gd, e))?;
        let real = gd.join("index");
        if real.is_file() {
            std::fs::copy(&real, tmp.path())
                .map_err(|e| GitError::io(crate::error::IoAction::CopyIndex, &real, e))?;
        }
        self.stage_saved(Some(tmp.path()))?;
        let mut cmd = super::command(&self.top);
        cmd.arg("write-tree").env("GIT_INDEX_FILE", tmp.path());
        let out = super::run(cmd)?;
        Ok(super::checked(&out, &["write-tree"])?.trim().to_string())
    }

    /// Blob ids of the saved files in `tree` (a commit or tree).
    fn blobs(&self, tree: &str) -> Result<BTreeMap<PathBuf, String>, GitError> {
        let mut args = vec!["ls-tree", "-r", "-z", "--full-tree", tree, "--"];
        let specs = self.saved_specs();
        args.extend(specs.iter().map(String::as_str));
        let out = self.at_top_ok(&args)?;
        Ok(out
            .split('\0')
            .filter_map(|line| {
                let (meta, path) = line.split_once('\t')?;
                let blob = meta.split_whitespace().nth(2)?;
                Some((PathBuf::from(path), blob.to_string()))
            })
            .collect())
    }

    /// The state file of a waiting rebase (`onto`, `orig-head`, `head-name`).
    fn rebase_state(&self, name: &str) -> Option<String> {
        let gd = self.git_dir();
        ["rebase-merge", "rebase-apply"].iter().find_map(|d| {
            std::fs::read_to_string(gd.join(d).join(name))
                .ok()
                .map(|s| s.trim().to_string())
        })
    }

    /// The branch a waiting rebase works on, e.g. `main`.
    pub fn rebasing_branch(&self) -> Option<String> {
        self.rebase_state("head-name")
            .map(|h| h.trim_start_matches("refs/heads/").to_string())
    }

    /// Undoes a stopped or interrupted pull (git rebase --abort) without
    /// losing anything done while it waited: the working folder is first
    /// kept in [`ABORTED_REF`]; afterwards every saved file that was changed,
    /// added or removed meanwhile — neither as the branch had it before the
    /// pull nor as the pull brought it — is put back as an uncommitted change;
    /// one that is only the beginning of either version is what a git killed
    /// while writing it left, and the branch's version stands.
    pub fn undo_pull(&self) -> Result<Undone, GitError> {
        let snap = self.snapshot()?;
        let onto = self.rebase_state("onto");
        let orig = self.rebase_state("orig-head");
        let commit = self.at_top_ok(&[
            "commit-tree",
            &snap,
            "-m",
            "quartier sync --abort: the working folder before the pull was undone",
        ])?;
        let commit = commit.trim().to_string();
        self.at_top_ok(&[
            "update-ref",
            "--create-reflog",
            "-m",
            "quartier sync: undone pull",
            ABORTED_REF,
            &commit,
        ])?;
        let mut out = self.at_top(&["rebase", "--abort"])?;
        if !out.status.success() {
            // A git killed while the rebase applied a commit can leave that
            // commit's new files in the working folder, untracked, and the
            // abort refuses to overwrite them. They are in the snapshot: set
            // aside, the abort brings the branch's version, and the loop
            // below puts back every one that differs from it.
            let aside = self.set_aside_untracked()?;
            if !aside.is_empty() {
                out = self.at_top(&["rebase", "--abort"])?;
            }
            if !out.status.success() {
                for (file, bytes) in &aside {
                    crate::store::atomic_write(file, bytes)?;
                }
                return Err(GitError::UndoFailed {
                    said: super::message_of(&out),
                    top: self.top.clone(),
                });
            }
        }
        let now = self.blobs(&snap)?;
        let before = match &orig {
            Some(o) => self.blobs(o)?,
            None => self.blobs("HEAD")?,
        };
        let pulled = match &onto {
            Some(o) => self.blobs(o)?,
            None => BTreeMap::new(),
        };
        let paths: BTreeSet<&PathBuf> = now
            .keys()
            .chain(before.keys())
            .chain(pulled.keys())
            .collect();
        let mut undone = Undone::default();
        for path in paths {
            let (n, b, p) = (now.get(path), before.get(path), pulled.get(path));
            if n == b || (onto.is_some() && n == p) {
                continue;
            }
            let file = self.top.join(path);
            match n {
                None => {
                    let _ = std::fs::remove_file(&file);
                }
                Some(blob) => {
                    let out = git(&self.top, &["cat-file", "blob", blob])?;
                    if self.cut_short(&out.stdout, [b, p].into_iter().flatten())? {
                        // a git killed while writing this file: the branch's version stands
                        if b.is_none() {
                            let _ = std::fs::remove_file(&file);
                        }
                        continue;
                    }
                    let text = String::from_utf8_lossy(&out.stdout);
                    if !crate::store::conflict_markers(&text).is_empty() {
                        undone.with_markers.push(self.shown(path));
                        continue;
                    }
                    if let Some(dir) = file.parent() {
                        std::fs::create_dir_all(dir)
                            .map_err(|e| GitError::io(crate::error::IoAction::Create, dir, e))?;
                    }
                    crate::store::atomic_write(&file, &out.stdout)?;
                }
            }
            undone.restored.push(self.shown(path));
        }
        Ok(undone)
    }

    /// Whether `bytes` are the beginning of one of the blobs `whole` and not
    /// all of it: what a git killed while it wrote that version leaves (it
    /// truncates the file and writes it front to back).
    fn cut_short<'a>(
        &self,
        bytes: &[u8],
        whole: impl Iterator<Item = &'a String>,
    ) -> Result<bool, GitError> {
        for blob in whole {
            let out = git(&self.top, &["cat-file", "blob", blob])?;
            if out.status.success()
                && out.stdout.len() > bytes.len()
                && out.stdout.starts_with(bytes)
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Removes the untracked (not ignored) saved files from the working
    /// folder and returns each with its bytes.
    fn set_aside_untracked(&self) -> Result<Vec<(PathBuf, Vec<u8>)>, GitError> {
        let mut args = vec!["ls-files", "-z", "--others", "--exclude-standard", "--"];
        let specs = self.saved_specs();
        args.extend(specs.iter().map(String::as_str));
        let out = self.at_top_ok(&args)?;
        let mut aside = Vec::new();
        for rel in out.split('\0').filter(|s| !s.is_empty()) {
            let file = self.top.join(rel);
            let bytes = std::fs::read(&file)
                .map_err(|e| GitError::io(crate::error::IoAction::Read, &file, e))?;
            aside.push((file, bytes));
        }
        // all read before any is removed
        for (file, _) in &aside {
            std::fs::remove_file(file)
                .map_err(|e| GitError::io(crate::error::IoAction::Remove, file, e))?;
        }
        Ok(aside)
    }

    /// The records a waiting rebase stopped on because one side deleted
    /// them and the other changed them.
    pub fn modify_delete(&self) -> Result<Vec<ModifyDelete>, GitError> {
        let out = self.at_top_ok(&["ls-files", "-u", "-z"])?;
        let mut stages: BTreeMap<String, BTreeSet<u8>> = BTreeMap::new();
        for line in out.split('\0').filter(|s| !s.is_empty()) {
            if let Some((meta, path)) = line.split_once('\t')
                && let Some(stage) = meta.split_whitespace().nth(2).and_then(|s| s.parse().ok())
            {
                stages.entry(path.to_string()).or_default().insert(stage);
            }
        }
        Ok(stages
            .into_iter()
            .filter(|(_, s)| !(s.contains(&2) && s.contains(&3)))
            .map(|(path, s)| {
                let rel = PathBuf::from(&path);
                ModifyDelete {
                    id: self.record_id(&rel),
                    path: self.shown(&rel),
                    // in a rebase, stage 2 is the shared side, 3 this clone's commit
                    deleted_here: !s.contains(&3),
                    git_path: path,
                }
            })
            .collect())
    }

    /// Settles a changed-versus-deleted record: `keep` the changed version
    /// or drop it (keep the deletion).
    pub fn settle(&self, md: &ModifyDelete, keep: bool) -> Result<(), GitError> {
        let spec = pathspec(Path::new(&md.git_path));
        let file = self.top.join(&md.git_path);
        if keep {
            if !file.exists() {
                let stage = if md.deleted_here { ":2:" } else { ":3:" };
                let out = self.at_top(&["show", &format!("{stage}{}", md.git_path)])?;
                if out.status.success() {
                    crate::store::atomic_write(&file, &out.stdout)?;
                }
            }
            self.at_top_ok(&["add", "--", &spec]).map(|_| ())
        } else {
            self.at_top_ok(&["rm", "--quiet", "--force", "--ignore-unmatch", "--", &spec])
                .map(|_| ())
        }
    }
}

impl Repo {
    /// One sync at a time per repository: an advisory lock on
    /// `quartier-sync.lock` in the git folder, held while the file lives.
    pub fn sync_turn(&self) -> Result<std::fs::File, GitError> {
        let path = self.git_dir().join("quartier-sync.lock");
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| GitError::io(crate::error::IoAction::Open, &path, e))?;
        match file.try_lock() {
            Ok(()) => Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => Err(GitError::SyncRunning {
                top: self.top.clone(),
            }),
            Err(std::fs::TryLockError::Error(e)) => {
                Err(GitError::io(crate::error::IoAction::Lock, &path, e))
            }
        }
    }

    fn stop_marker(&self) -> Result<PathBuf, GitError> {
        Ok(self.git_dir().join("quartier-sync-stopped"))
    }

    /// Notes (or clears) that a sync stopped on a conflict and waits for the
    /// person, as opposed to one that was interrupted (killed) half-way.
    pub fn mark_stopped(&self, stopped: bool) -> Result<(), GitError> {
        let marker = self.stop_marker()?;
        if stopped {
            Ok(crate::store::atomic_write(
                &marker,
                b"quartier sync stopped on a conflict\n",
            )?)
        } else {
            match std::fs::remove_file(&marker) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(GitError::io(crate::error::IoAction::Remove, &marker, e))
                }
                _ => Ok(()),
            }
        }
    }

    /// Whether the waiting rebase is a sync that stopped on a conflict.
    pub fn is_marked_stopped(&self) -> Result<bool, GitError> {
        Ok(self.stop_marker()?.is_file())
    }
}
