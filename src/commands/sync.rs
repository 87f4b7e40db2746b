//! `quartier sync`: share the records with the others — pull with rebase,
//! check, push — and finish or abort a sync that stopped on a conflict.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::git::{Change, InProgress, Pulled, Pushed, Repo, Stopped, Upstream};
use crate::store::Store;

/// How often a push that lost the race against someone else's push is retried.
const ATTEMPTS: usize = 3;

/// Share the records: pull the others' changes, check, push yours.
///
/// Takes the others' changes (git pull --rebase), checks every record, then
/// pushes your commits. Uncommitted changes are refused and left untouched. When the same record was changed on both sides, the sync
/// stops and names it: keep the right version with `quartier edit ID`, then
/// run `quartier sync` again to finish — or `quartier sync --abort`.
///
/// Example: quartier sync
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Give up a sync that stopped on a conflict (git rebase --abort):
    /// everything is as before it, your commits included
    #[arg(long)]
    pub abort: bool,
}

/// What a finished sync did.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    upstream: String,
    pulled: usize,
    pushed: usize,
    finished_stopped_sync: bool,
    warnings: usize,
    commit: Option<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let store = globals.store()?;
    let repo = Repo::open(store.root())?;
    let progress = repo.in_progress()?;
    if args.abort {
        return abort(&repo, progress);
    }
    let mut summary = Summary::default();
    let (mut pulled, up) = match progress {
        Some(InProgress::Rebase) => {
            summary.finished_stopped_sync = true;
            let pulled = repo.continue_rebase()?;
            if let Pulled::Conflicts(stopped) = &pulled {
                return Err(conflict_error(&repo, stopped));
            }
            (pulled, repo.upstream()?)
        }
        Some(other) => {
            return Err(CommandError::data(format!(
                "a {} is in progress in {}: finish or abort it with git first, then run `quartier sync` again",
                other.name(),
                repo.top.display()
            )));
        }
        None => {
            let up = repo.upstream()?;
            refuse_uncommitted(&repo)?;
            (repo.pull(&up)?, up)
        }
    };
    summary.upstream = up.name.clone();
    for attempt in 1..=ATTEMPTS {
        match pulled {
            Pulled::Conflicts(stopped) => return Err(conflict_error(&repo, &stopped)),
            Pulled::Done { commits } => summary.pulled += commits,
        }
        summary.warnings = check(&store)?;
        match repo.push(&up)? {
            Pushed::Nothing => break,
            Pushed::Commits(n) => {
                summary.pushed = n;
                break;
            }
            Pushed::Behind if attempt < ATTEMPTS => pulled = repo.pull(&up)?,
            Pushed::Behind => {
                return Err(CommandError::data(format!(
                    "{} kept changing while this sync pushed ({ATTEMPTS} tries); nothing is lost: run `quartier sync` again in a moment",
                    up.name
                )));
            }
        }
    }
    summary.commit = crate::git::head(store.root());
    print_summary(&summary, &up, globals.json);
    Ok(())
}

fn abort(repo: &Repo, progress: Option<InProgress>) -> Result<()> {
    if progress != Some(InProgress::Rebase) {
        return Err(CommandError::data(format!(
            "there is no stopped sync to abort in {}",
            repo.top.display()
        )));
    }
    repo.abort_rebase()?;
    println!(
        "sync aborted: the records are as they were before the sync, your commits included; they go out with the next `quartier sync`"
    );
    Ok(())
}

/// A pull must never mix with work that is not committed: refuse and name it.
fn refuse_uncommitted(repo: &Repo) -> Result<()> {
    let changes = repo.uncommitted()?;
    if changes.is_empty() {
        return Ok(());
    }
    const SHOWN: usize = 20;
    let mut lines: Vec<String> = changes
        .iter()
        .take(SHOWN)
        .map(|c| describe_change(repo, c))
        .collect();
    if changes.len() > SHOWN {
        lines.push(format!("  … and {} more", changes.len() - SHOWN));
    }
    let dir = repo.dir.display();
    Err(CommandError::data(format!(
        "sync refused: {} change(s) are not committed yet; nothing was changed:\n{}\nCommit them first — `git -C {dir} add -A . && git -C {dir} commit -m \"…\"` (or write records with --commit, or set [git] auto_commit = true) — or undo them, then run `quartier sync` again",
        changes.len(),
        lines.join("\n")
    )))
}

fn describe_change(repo: &Repo, c: &Change) -> String {
    let what = match c.status.as_str() {
        "??" => "new, not committed",
        s if s.contains('D') => "deleted",
        s if s.starts_with('A') => "added",
        s if s.starts_with('R') => "renamed",
        _ => "changed",
    };
    format!("  {}  ({what})", repo.shown(&c.path).display())
}

/// The message of a sync stopped on conflicts: which records, how to finish, how to abort.
fn conflict_error(repo: &Repo, stopped: &Stopped) -> CommandError {
    if stopped.conflicts.is_empty() {
        return CommandError::data(format!(
            "sync stopped: git's rebase waits in {}; run `quartier sync` to continue it or `quartier sync --abort` to give it up",
            repo.top.display()
        ));
    }
    let mut msg = format!(
        "sync stopped: {} record(s) were changed both here and in the shared repository; nothing was pushed:\n",
        stopped.conflicts.len()
    );
    for c in &stopped.conflicts {
        match &c.id {
            Some(id) => msg.push_str(&format!("  {id}  {}\n", c.path.display())),
            None => msg.push_str(&format!("  {}\n", c.path.display())),
        }
    }
    let shared = stopped.shared.as_deref().unwrap_or("HEAD");
    let local = stopped.local.as_deref().unwrap_or("REBASE_HEAD");
    msg.push_str(&format!(
        "Each file now holds both versions: the shared one between `<<<<<<<` and `=======` (commit {shared}), yours between `=======` and `>>>>>>>` (commit {local}{}).\n",
        stopped
            .local_subject
            .as_deref()
            .map(|s| format!(", \"{s}\""))
            .unwrap_or_default()
    ));
    if let Some(c) = stopped.conflicts.first() {
        let top = repo.top.display();
        let path = &c.git_path;
        msg.push_str(&format!(
            "Both versions also stay in git: `git -C {top} show {shared}:{path}` (shared) and `git -C {top} show {local}:{path}` (yours).\n"
        ));
    }
    let how = match stopped.conflicts.iter().find_map(|c| c.id.as_deref()) {
        Some(id) => format!("`quartier edit {id}`"),
        None => "your editor".to_string(),
    };
    msg.push_str(&format!(
        "To finish: keep the right version in each file and delete the marker lines ({how}), then run `quartier sync` again.\nTo give up this sync instead: `quartier sync --abort` (everything goes back to how it was before it)."
    ));
    CommandError::data(msg)
}

/// `quartier check` on what the pull brought; errors stop the push. Returns the number of warnings.
fn check(store: &Store) -> Result<usize> {
    let findings = crate::check::check_folder(store);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    if errors == 0 {
        return Ok(findings.len());
    }
    for f in &findings {
        println!("{f}");
    }
    Err(CommandError::data(format!(
        "check found {errors} error(s) after pulling, so nothing was pushed: fix the records named above (`quartier edit ID`), commit the fix, then run `quartier sync` again"
    )))
}

fn print_summary(s: &Summary, up: &Upstream, json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(s).unwrap_or_else(|_| "{}".into())
        );
        return;
    }
    if s.finished_stopped_sync {
        println!("finished the stopped sync");
    }
    match s.pulled {
        0 => println!("nothing new from {}", up.name),
        n => println!("{n} new commit(s) from {}", up.name),
    }
    match s.pushed {
        0 => println!("nothing to push"),
        n => println!("pushed {n} commit(s) to {}", up.name),
    }
    if s.warnings > 0 {
        eprintln!(
            "{} warning(s) in the records: `quartier check` shows them",
            s.warnings
        );
    }
    println!("in sync with {}", up.name);
}
