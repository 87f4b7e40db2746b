//! `quartier sync`: share the records with the others — check, save, pull
//! with rebase, check, push — and finish, settle or abort a sync that
//! stopped on a conflict, or recover one that was killed.

use crate::cli::Globals;
use crate::error::{CommandError, Result};
use crate::git::{
    ABORTED_REF, Change, InProgress, ModifyDelete, Pulled, Pushed, Repo, Stopped, Undone, Upstream,
};
use crate::store::{Finding, Store};

/// How often a push that lost the race against someone else's push is retried.
const ATTEMPTS: usize = 3;

/// Share the records: save, take the others' changes, check, push yours.
///
/// First checks every record (errors stop it before anything is committed
/// or pulled). Then saves: one commit, listing them, of every uncommitted
/// change of the records, quartier.toml, .gitignore, reports/sealed/ and
/// retention-log.toml (other files are listed and left alone). Then takes the
/// others' changes (git pull --rebase), checks, pushes. Where the branch was
/// before the pull stays in refs/quartier/sync-backup. When the same record
/// was changed on both sides, the sync stops and names it: keep the right
/// version with `quartier edit ID`, then run `quartier sync` again — or
/// `quartier sync --abort`. A record deleted on one side and changed on the
/// other is settled with `--keep ID` or `--drop ID`.
///
/// Example: quartier sync
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Undo the pull of a sync that stopped on a conflict: your commits (the
    /// save commit included) stay, and so does everything you changed while
    /// it waited
    #[arg(long, conflicts_with_all = ["keep", "drop"])]
    pub abort: bool,
    /// A record deleted on one side and changed on the other: keep the changed version
    #[arg(long, value_name = "ID")]
    pub keep: Vec<String>,
    /// A record deleted on one side and changed on the other: keep the deletion
    #[arg(long, value_name = "ID")]
    pub drop: Vec<String>,
}

/// What a finished sync did.
#[derive(Debug, Default, serde::Serialize)]
struct Summary {
    upstream: String,
    saved: Vec<String>,
    not_saved: Vec<String>,
    pulled: usize,
    pushed: usize,
    finished_stopped_sync: bool,
    recovered_interrupted_sync: bool,
    warnings: usize,
    commit: Option<String>,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let store = globals.store()?;
    let repo = Repo::open(store.root())?;
    let _turn = repo.sync_turn()?;
    let mut progress = repo.in_progress()?;
    if args.abort {
        return abort(&repo, progress);
    }
    let mut summary = Summary::default();
    if !args.keep.is_empty() || !args.drop.is_empty() {
        if progress != Some(InProgress::Rebase) {
            return Err(CommandError::data(format!(
                "no sync waits on a deleted record in {}: --keep and --drop settle one that stopped",
                repo.top.display()
            )));
        }
        settle(&repo, &args.keep, &args.drop)?;
    }
    if progress == Some(InProgress::Rebase)
        && repo.unmerged()?.is_empty()
        && !repo.is_marked_stopped()?
    {
        // killed half-way (not stopped on a conflict): undo its pull, keep the rest
        let undone = repo.undo_pull()?;
        report_undone(&undone);
        eprintln!("quartier: an interrupted sync was undone; starting it again");
        summary.recovered_interrupted_sync = true;
        progress = repo.in_progress()?;
    }
    let (mut pulled, up) = match progress {
        Some(InProgress::Rebase) => {
            summary.finished_stopped_sync = true;
            let undecided = repo.modify_delete()?;
            if !undecided.is_empty() {
                return Err(undecided_error(&repo, &undecided));
            }
            let pulled = repo.continue_rebase()?;
            if let Pulled::Conflicts(stopped) = &pulled {
                return Err(stop(&repo, stopped));
            }
            repo.mark_stopped(false)?;
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
            check_before(&store, &repo)?;
            let up = repo.upstream()?;
            summary.not_saved = refuse_other_changes(&repo)?;
            summary.saved = repo
                .save()?
                .iter()
                .map(|p| repo.shown(p).display().to_string())
                .collect();
            repo.backup()?;
            (repo.pull(&up)?, up)
        }
    };
    summary.upstream = up.name.clone();
    for attempt in 1..=ATTEMPTS {
        match pulled {
            Pulled::Conflicts(stopped) => return Err(stop(&repo, &stopped)),
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

/// `check` before anything is committed or pulled: errors stop the sync,
/// and so does personal data in a record it would save and share — the
/// rule of the pre-commit hook, which a clone may not have installed (a
/// phone number in a note was pushed then; SPEC §4).
fn check_before(store: &Store, repo: &Repo) -> Result<()> {
    let findings = crate::check::check_folder(store);
    let mut errors: Vec<Finding> = findings.into_iter().filter(Finding::is_error).collect();
    let before = errors.len();
    for change in repo.uncommitted()? {
        if !repo.is_saved(&change.path) {
            continue;
        }
        let Ok(rel) = change.path.strip_prefix(&repo.prefix) else {
            continue;
        };
        let Some(kind) = crate::commands::git_hook::record_kind(rel) else {
            continue;
        };
        let path = store.root().join(rel);
        let Ok(text) = crate::store::read_text(&path) else {
            continue; // deleted, or unreadable: check named it
        };
        let found = crate::commands::git_hook::privacy_findings(
            kind,
            &path,
            &text,
            "remove it (`quartier edit ID`)",
        );
        for f in found {
            if !errors.contains(&f) {
                errors.push(f);
            }
        }
    }
    if errors.is_empty() {
        return Ok(());
    }
    for f in &errors {
        println!("{f}");
    }
    Err(CommandError::data(format!(
        "sync stopped before saving or pulling anything: {} error(s) in the records and {} privacy finding(s) in records it would share, named above; fix them (`quartier edit ID`), then run `quartier sync` again",
        before,
        errors.len() - before
    )))
}

/// The records a stop waits on, as it was explained; writes the stop marker.
fn stop(repo: &Repo, stopped: &Stopped) -> CommandError {
    if let Err(e) = repo.mark_stopped(true) {
        return e;
    }
    match repo.modify_delete() {
        Ok(md) if !md.is_empty() => {
            let mut e = undecided_error(repo, &md);
            let others: Vec<_> = stopped
                .conflicts
                .iter()
                .filter(|c| !md.iter().any(|m| m.git_path == c.git_path))
                .cloned()
                .collect();
            if !others.is_empty() {
                let rest = Stopped {
                    conflicts: others,
                    ..stopped.clone()
                };
                e.message = format!("{}\n\n{}", e.message, conflict_error(repo, &rest).message);
            }
            e
        }
        Ok(_) => conflict_error(repo, stopped),
        Err(e) => e,
    }
}

/// Settles `--keep` / `--drop` choices for records deleted on one side.
fn settle(repo: &Repo, keep: &[String], drop: &[String]) -> Result<()> {
    let waiting = repo.modify_delete()?;
    for (query, keep) in keep
        .iter()
        .map(|q| (q, true))
        .chain(drop.iter().map(|q| (q, false)))
    {
        let q = query.to_lowercase();
        let found: Vec<&ModifyDelete> = waiting
            .iter()
            .filter(|m| {
                m.id.as_deref()
                    .is_some_and(|id| id.to_lowercase() == q || id.to_lowercase().ends_with(&q))
            })
            .collect();
        match found.as_slice() {
            [one] => repo.settle(one, keep)?,
            [] => {
                let ids: Vec<&str> = waiting.iter().filter_map(|m| m.id.as_deref()).collect();
                return Err(CommandError::data(format!(
                    "`{query}` is none of the records this sync waits on{}",
                    if ids.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", ids.join(", "))
                    }
                )));
            }
            many => {
                let ids: Vec<&str> = many.iter().filter_map(|m| m.id.as_deref()).collect();
                return Err(CommandError::usage(format!(
                    "`{query}` names more than one record: {}",
                    ids.join(", ")
                )));
            }
        }
    }
    Ok(())
}

/// A stop on records deleted on one side and changed on the other: name
/// each, say which side did what, and give both commands.
fn undecided_error(repo: &Repo, waiting: &[ModifyDelete]) -> CommandError {
    let mut msg = format!(
        "sync stopped: {} record(s) were deleted on one side and changed on the other; nothing was pushed:\n",
        waiting.len()
    );
    for m in waiting {
        let what = if m.deleted_here {
            "deleted here, changed in the shared repository"
        } else {
            "changed here, deleted in the shared repository"
        };
        let id = m.id.as_deref().unwrap_or("?");
        msg.push_str(&format!("  {id}  {}  ({what})\n", m.path.display()));
    }
    let id = waiting.iter().find_map(|m| m.id.as_deref()).unwrap_or("ID");
    msg.push_str(&format!(
        "Choose for each: `quartier sync --keep {id}` keeps the changed version, `quartier sync --drop {id}` keeps the deletion.\nUntil then `quartier sync` pushes nothing; `quartier sync --abort` undoes the pull instead ({}).",
        repo.top.display()
    ));
    CommandError::data(msg)
}

fn abort(repo: &Repo, progress: Option<InProgress>) -> Result<()> {
    if progress != Some(InProgress::Rebase) {
        return Err(CommandError::data(format!(
            "there is no stopped sync to abort in {}",
            repo.top.display()
        )));
    }
    let undone = repo.undo_pull()?;
    repo.mark_stopped(false)?;
    report_undone(&undone);
    println!(
        "sync aborted: the pull is undone; your commits (the save commit included) are as before it and go out with the next `quartier sync`"
    );
    Ok(())
}

fn report_undone(undone: &Undone) {
    if !undone.restored.is_empty() {
        println!(
            "kept {} change(s) made while the sync waited (not committed yet; the next `quartier sync` saves them):",
            undone.restored.len()
        );
        for p in &undone.restored {
            println!("  {}", p.display());
        }
    }
    if !undone.with_markers.is_empty() {
        println!(
            "files that still held conflict markers were set back; their marked text is kept in {ABORTED_REF} (`git show {ABORTED_REF}:PATH`):"
        );
        for p in &undone.with_markers {
            println!("  {}", p.display());
        }
    }
}

/// Changes `sync` does not save: tracked files outside the saved ones stop
/// it (git cannot pull over them); new files there are listed and left alone.
fn refuse_other_changes(repo: &Repo) -> Result<Vec<String>> {
    let changes: Vec<Change> = repo
        .uncommitted()?
        .into_iter()
        .filter(|c| !repo.is_saved(&c.path))
        .collect();
    let (new, changed): (Vec<&Change>, Vec<&Change>) =
        changes.iter().partition(|c| c.status == "??");
    if !changed.is_empty() {
        const SHOWN: usize = 20;
        let mut lines: Vec<String> = changed
            .iter()
            .take(SHOWN)
            .map(|c| describe_change(repo, c))
            .collect();
        if changed.len() > SHOWN {
            lines.push(format!("  … and {} more", changed.len() - SHOWN));
        }
        let top = repo.top.display();
        return Err(CommandError::data(format!(
            "sync stopped before saving or pulling anything: {} file(s) outside the records are changed, and git cannot pull while they are; sync never commits them:\n{}\nCommit or undo them with git (e.g. `git -C {top} stash`), then run `quartier sync` again",
            changed.len(),
            lines.join("\n")
        )));
    }
    if !new.is_empty() {
        eprintln!("quartier: not saved by sync (not records; left as they are):");
        for c in &new {
            eprintln!("{}", describe_change(repo, c));
        }
    }
    Ok(new
        .iter()
        .map(|c| repo.shown(&c.path).display().to_string())
        .collect())
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
        "To finish: keep the right version in each file and delete the marker lines ({how}), then run `quartier sync` again.\nTo give up this sync instead: `quartier sync --abort` (undoes the pull; your commits and what you changed meanwhile stay)."
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
