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
            return Err(CommandError::data(crate::tr!(
                "sync.no-waiting-deleted",
                dir = repo.top.display()
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
        eprintln!("quartier: {}", crate::tr!("sync.interrupted"));
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
            return Err(CommandError::data(crate::tr!(
                "sync.git-in-progress",
                what = other.label(),
                dir = repo.top.display()
            )));
        }
        None => {
            // what is uncommitted, asked once for both (only git's config is read in between)
            let changes = repo.uncommitted()?;
            check_before(&store, &repo, &changes)?;
            let up = repo.upstream()?;
            summary.not_saved = refuse_other_changes(&repo, changes)?;
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
                return Err(CommandError::data(crate::tr!(
                    "sync.kept-changing",
                    upstream = up.name,
                    tries = ATTEMPTS
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
fn check_before(store: &Store, repo: &Repo, uncommitted: &[Change]) -> Result<()> {
    let findings = crate::check::check_folder(store);
    let config = store.config_or_fail()?;
    let mut errors: Vec<Finding> = findings.into_iter().filter(Finding::is_error).collect();
    let before = errors.len();
    for change in uncommitted {
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
            &config,
            kind,
            &path,
            &text,
            &crate::tr!("sync.remove-it"),
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
    Err(CommandError::data(crate::tr!(
        "sync.check-before",
        count = before,
        privacy = errors.len() - before
    )))
}

/// The records a stop waits on, as it was explained; writes the stop marker.
fn stop(repo: &Repo, stopped: &Stopped) -> CommandError {
    if let Err(e) = repo.mark_stopped(true) {
        return e.into();
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
        Err(e) => e.into(),
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
                return Err(CommandError::data(crate::tr!(
                    "sync.not-waiting",
                    query = query,
                    ids = if ids.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", ids.join(", "))
                    }
                )));
            }
            many => {
                let ids: Vec<&str> = many.iter().filter_map(|m| m.id.as_deref()).collect();
                return Err(CommandError::usage(crate::tr!(
                    "sync.ambiguous",
                    query = query,
                    ids = ids.join(", ")
                )));
            }
        }
    }
    Ok(())
}

/// A stop on records deleted on one side and changed on the other: name
/// each, say which side did what, and give both commands.
fn undecided_error(repo: &Repo, waiting: &[ModifyDelete]) -> CommandError {
    let mut msg = format!("{}\n", crate::tr!("sync.undecided", count = waiting.len()));
    for m in waiting {
        let what = if m.deleted_here {
            crate::tr!("sync.deleted-here")
        } else {
            crate::tr!("sync.changed-here")
        };
        let id = m.id.as_deref().unwrap_or("?");
        msg.push_str(&format!("  {id}  {}  ({what})\n", m.path.display()));
    }
    let id = waiting.iter().find_map(|m| m.id.as_deref()).unwrap_or("ID");
    msg.push_str(&crate::tr!(
        "sync.choose",
        id = id,
        dir = repo.top.display()
    ));
    CommandError::data(msg)
}

fn abort(repo: &Repo, progress: Option<InProgress>) -> Result<()> {
    if progress != Some(InProgress::Rebase) {
        return Err(CommandError::data(crate::tr!(
            "sync.nothing-to-abort",
            dir = repo.top.display()
        )));
    }
    let undone = repo.undo_pull()?;
    repo.mark_stopped(false)?;
    report_undone(&undone);
    println!("{}", crate::tr!("sync.aborted"));
    Ok(())
}

fn report_undone(undone: &Undone) {
    if !undone.restored.is_empty() {
        println!(
            "{}",
            crate::tr!("sync.kept-changes", count = undone.restored.len())
        );
        for p in &undone.restored {
            println!("  {}", p.display());
        }
    }
    if !undone.with_markers.is_empty() {
        println!(
            "{}",
            crate::tr!("sync.markers-set-back", git_ref = ABORTED_REF)
        );
        for p in &undone.with_markers {
            println!("  {}", p.display());
        }
    }
}

/// Changes `sync` does not save: tracked files outside the saved ones stop
/// it (git cannot pull over them); new files there are listed and left alone.
fn refuse_other_changes(repo: &Repo, uncommitted: Vec<Change>) -> Result<Vec<String>> {
    let changes: Vec<Change> = uncommitted
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
            lines.push(format!(
                "  {}",
                crate::tr!("sync.and-more", count = changed.len() - SHOWN)
            ));
        }
        let top = repo.top.display();
        return Err(CommandError::data(crate::tr!(
            "sync.other-changes",
            count = changed.len(),
            files = lines.join("\n"),
            top = top
        )));
    }
    if !new.is_empty() {
        eprintln!("quartier: {}", crate::tr!("sync.not-saved"));
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
        "??" => crate::tr!("change.new"),
        s if s.contains('D') => crate::tr!("change.deleted"),
        s if s.starts_with('A') => crate::tr!("change.added"),
        s if s.starts_with('R') => crate::tr!("change.renamed"),
        _ => crate::tr!("change.changed"),
    };
    format!("  {}  ({what})", repo.shown(&c.path).display())
}

/// The message of a sync stopped on conflicts: which records, how to finish, how to abort.
fn conflict_error(repo: &Repo, stopped: &Stopped) -> CommandError {
    if stopped.conflicts.is_empty() {
        return CommandError::data(crate::tr!("sync.rebase-waits", dir = repo.top.display()));
    }
    let mut msg = format!(
        "{}\n",
        crate::tr!("sync.conflicts", count = stopped.conflicts.len())
    );
    for c in &stopped.conflicts {
        match &c.id {
            Some(id) => msg.push_str(&format!("  {id}  {}\n", c.path.display())),
            None => msg.push_str(&format!("  {}\n", c.path.display())),
        }
    }
    let shared = stopped.shared.as_deref().unwrap_or("HEAD");
    let local = stopped.local.as_deref().unwrap_or("REBASE_HEAD");
    msg.push_str(&crate::tr!(
        "sync.both-versions",
        shared = shared,
        local = local,
        subject = stopped
            .local_subject
            .as_deref()
            .map(|s| format!(", \"{s}\""))
            .unwrap_or_default()
    ));
    msg.push('\n');
    if let Some(c) = stopped.conflicts.first() {
        let top = repo.top.display();
        let path = &c.git_path;
        msg.push_str(&crate::tr!(
            "sync.both-in-git",
            top = top,
            shared = shared,
            local = local,
            path = path
        ));
        msg.push('\n');
    }
    let how = match stopped.conflicts.iter().find_map(|c| c.id.as_deref()) {
        Some(id) => format!("`quartier edit {id}`"),
        None => crate::tr!("sync.your-editor"),
    };
    msg.push_str(&crate::tr!("sync.to-finish", how = how));
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
    Err(CommandError::data(crate::tr!(
        "sync.check-after",
        count = errors
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
        println!("{}", crate::tr!("sync.finished-stopped"));
    }
    match s.pulled {
        0 => println!("{}", crate::tr!("sync.nothing-new", upstream = up.name)),
        n => println!(
            "{}",
            crate::tr!("sync.new-commits", count = n, upstream = up.name)
        ),
    }
    match s.pushed {
        0 => println!("{}", crate::tr!("sync.nothing-to-push")),
        n => println!(
            "{}",
            crate::tr!("sync.pushed", count = n, upstream = up.name)
        ),
    }
    if s.warnings > 0 {
        eprintln!("{}", crate::tr!("sync.warnings", count = s.warnings));
    }
    println!("{}", crate::tr!("sync.in-sync", upstream = up.name));
}
