//! `quartier status`: what is not saved, not shared, or needs attention — the
//! first thing to run when something seems off. It only reads.

use crate::cli::Globals;
use crate::error::Result;
use crate::git::Repo;
use crate::model::{AppointmentStatus, EventStatus, Kind, Lang};
use crate::store::{Finding, MonthRange, Scope, Store};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::path::PathBuf;

/// Show what is unsaved, unshared or needs attention.
///
/// Records changed but not yet saved (committed), saved but not yet shared
/// (pushed), a sync that waits to be finished, the problems `check` finds,
/// and past appointments and events still marked `planned`.
///
/// Example: quartier status
#[derive(Debug, clap::Args)]
pub struct Args {}

/// A record file with uncommitted changes.
#[derive(Debug, Serialize)]
pub struct Unsaved {
    /// `new`, `changed`, `deleted` or `conflict`.
    pub change: &'static str,
    pub path: PathBuf,
    pub id: Option<String>,
}

/// A past record still marked `planned`.
#[derive(Debug, Serialize)]
pub struct PastPlanned {
    pub kind: &'static str,
    #[serde(skip)]
    pub record_kind: Kind,
    pub id: String,
    pub date: NaiveDate,
    pub path: PathBuf,
}

#[derive(Debug, Serialize)]
pub struct Status {
    /// `null` when the folder is in no git repository (or git is missing).
    pub git: Option<GitStatus>,
    pub errors: usize,
    pub warnings: usize,
    pub problems: Vec<Finding>,
    pub past_planned: Vec<PastPlanned>,
    /// Active sponsors ending within 6 months with continuation still open.
    pub open_continuations: Vec<crate::commands::reminders::OpenContinuation>,
}

#[derive(Debug, Serialize)]
pub struct GitStatus {
    pub unsaved: Vec<Unsaved>,
    /// Commits not yet pushed; `null` without an upstream branch.
    pub unshared: Option<usize>,
    /// The upstream branch, e.g. `origin/main`.
    pub upstream: Option<String>,
    /// A rebase or merge waiting to be finished (e.g. a stopped sync).
    pub in_progress: Option<crate::git::InProgress>,
}

/// How many problems are printed before pointing to `quartier check`.
const SHOWN_PROBLEMS: usize = 10;

pub fn run(_args: Args, globals: &Globals) -> Result<()> {
    let store = globals.store()?;
    let (config, _) = store.config_checked();
    let lang = globals.lang(&config);
    let today = crate::dates::today();
    let git = git_status(&store);
    let findings = crate::check::check_folder(&store);
    let errors = findings.iter().filter(|f| f.is_error()).count();
    let status = Status {
        git,
        errors,
        warnings: findings.len() - errors,
        problems: findings,
        past_planned: past_planned(&store, &config, today),
        open_continuations: {
            let loaded = store.load(&config, &Scope::undated_kinds(&[Kind::Sponsor]));
            crate::commands::reminders::open_continuations(
                loaded.records.sponsors.iter().map(|e| &e.record),
                today,
            )
        },
    };
    if globals.json {
        let text = serde_json::to_string_pretty(&status).map_err(|e| {
            crate::error::CommandError::data(crate::tr!("out.cannot-write-json", error = e))
        })?;
        println!("{text}");
        return Ok(());
    }
    print(&status, &store, lang);
    Ok(())
}

fn git_status(store: &Store) -> Option<GitStatus> {
    let repo = Repo::open(store.root()).ok()?;
    let changes = repo.uncommitted().ok()?;
    let unsaved = changes
        .iter()
        .filter(|c| c.path.starts_with(&repo.prefix))
        .map(|c| Unsaved {
            change: change_word(&c.status),
            path: repo.shown(&c.path),
            id: repo.record_id(&c.path),
        })
        .collect();
    let upstream = repo.upstream().ok();
    let unshared = upstream.as_ref().and_then(|up| {
        crate::git::git_ok(
            &repo.top,
            &["rev-list", "--count", &format!("{}..HEAD", up.name)],
        )
        .ok()
        .and_then(|n| n.trim().parse().ok())
    });
    Some(GitStatus {
        unsaved,
        unshared,
        upstream: upstream.map(|u| u.name),
        in_progress: repo.in_progress().ok().flatten(),
    })
}

fn change_word(status: &str) -> &'static str {
    let b = status.as_bytes();
    match (b.first(), b.get(1)) {
        (Some(b'?'), _) | (Some(b'A'), _) => "new",
        (Some(b'U'), _) | (_, Some(b'U')) => "conflict",
        (Some(b'D'), _) | (_, Some(b'D')) => "deleted",
        _ => "changed",
    }
}

fn past_planned(
    store: &Store,
    config: &crate::model::Config,
    today: NaiveDate,
) -> Vec<PastPlanned> {
    let months = vec![MonthRange {
        from: None,
        to: Some((today.year(), today.month())),
    }];
    let scope = Scope {
        appointments: months.clone(),
        events: months,
        ..Scope::default()
    };
    let loaded = store.load(config, &scope);
    let mut out: Vec<PastPlanned> = loaded
        .records
        .appointments
        .iter()
        .filter(|a| a.status == AppointmentStatus::Planned && a.date < today)
        .map(|a| PastPlanned {
            kind: Kind::Appointment.name(),
            record_kind: Kind::Appointment,
            id: a.id.clone(),
            date: a.date,
            path: store.root().join(&a.path),
        })
        .chain(
            loaded
                .records
                .events
                .iter()
                .filter(|e| e.status == EventStatus::Planned && e.date < today)
                .map(|e| PastPlanned {
                    kind: Kind::Event.name(),
                    record_kind: Kind::Event,
                    id: e.id.clone(),
                    date: e.date,
                    path: store.root().join(&e.path),
                }),
        )
        .collect();
    out.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    out
}

fn print(status: &Status, store: &Store, lang: Lang) {
    println!(
        "{} {}",
        crate::i18n::t_in(lang, "ui.status.records"),
        store.root().display()
    );
    match &status.git {
        None => println!(
            "{}",
            crate::i18n::t_in(lang, "ui.status.not-a-git-folder-changes")
        ),
        Some(git) => {
            if let Some(op) = git.in_progress {
                println!(
                    "{} {} — {}",
                    crate::i18n::t_in(lang, "ui.status.waiting-to-be-finished"),
                    op.label_in(lang),
                    crate::i18n::t_in(lang, "ui.status.quartier-sync-finishes-it-quartier")
                );
            }
            if git.unsaved.is_empty() {
                println!(
                    "{}",
                    crate::i18n::t_in(lang, "ui.status.everything-is-saved")
                );
            } else {
                println!(
                    "{} {} ({})",
                    git.unsaved.len(),
                    crate::i18n::t_in(lang, "ui.status.file-s-not-saved"),
                    crate::i18n::t_in(lang, "ui.status.quartier-sync-saves-and-shares")
                );
                for u in &git.unsaved {
                    let word = match (u.change, lang) {
                        ("new", Lang::De) => "neu",
                        ("deleted", Lang::De) => "gelöscht",
                        ("conflict", Lang::De) => "Konflikt",
                        ("changed", Lang::De) => "geändert",
                        (other, _) => other,
                    };
                    println!("  {word:<9} {}", u.path.display());
                }
            }
            match (git.unshared, &git.upstream) {
                (Some(0), Some(up)) => println!(
                    "{} ({up}).",
                    crate::i18n::t_in(lang, "ui.status.everything-saved-is-shared")
                ),
                (Some(n), Some(up)) => println!(
                    "{n} {} {up} ({}).",
                    crate::i18n::t_in(lang, "ui.status.saved-change-s-not-yet"),
                    crate::i18n::t_in(lang, "ui.status.quartier-sync-shares-them")
                ),
                _ => println!(
                    "{}",
                    crate::i18n::t_in(lang, "ui.status.no-shared-repository-set-up")
                ),
            }
        }
    }
    if status.problems.is_empty() {
        println!("{}", crate::i18n::t_in(lang, "ui.status.check-no-problems"));
    } else {
        println!(
            "{}: {} {}, {} {}",
            crate::i18n::t_in(lang, "ui.status.check"),
            status.errors,
            crate::i18n::t_in(lang, "ui.status.error-s"),
            status.warnings,
            crate::i18n::t_in(lang, "ui.status.warning-s")
        );
        for f in status.problems.iter().take(SHOWN_PROBLEMS) {
            println!("  {f}");
        }
        if status.problems.len() > SHOWN_PROBLEMS {
            println!(
                "  … {} `quartier check`",
                crate::i18n::t_in(lang, "ui.status.all-are-shown-by")
            );
        }
    }
    if !status.open_continuations.is_empty() {
        println!(
            "{}",
            crate::i18n::t_in(lang, "ui.status.projects-ending-within-6-months")
        );
        for c in &status.open_continuations {
            println!(
                "  {}  {} ({})",
                crate::commands::shared::date_cell(c.end, lang),
                c.sponsor,
                c.name
            );
        }
    }
    if !status.past_planned.is_empty() {
        println!(
            "{} {}",
            status.past_planned.len(),
            crate::i18n::t_in(lang, "ui.status.past-records-still-planned-close")
        );
        for p in &status.past_planned {
            println!(
                "  {}  {:<13} {}",
                crate::commands::shared::date_cell(p.date, lang),
                p.record_kind.label_in(lang),
                p.id
            );
        }
    }
}
