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
    pub in_progress: Option<&'static str>,
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
        let text = serde_json::to_string_pretty(&status)
            .map_err(|e| crate::error::CommandError::data(format!("cannot write JSON: {e}")))?;
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
        in_progress: repo.in_progress().ok().flatten().map(|p| p.name()),
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
    let t = |de: &'static str, en: &'static str| lang.pick(de, en);
    println!("{} {}", t("Ablage:", "Records:"), store.root().display());
    match &status.git {
        None => println!(
            "{}",
            t(
                "Kein git-Ordner: Änderungen werden weder gesichert noch geteilt (siehe `quartier init`).",
                "Not a git folder: changes are neither saved nor shared (see `quartier init`)."
            )
        ),
        Some(git) => {
            if let Some(op) = git.in_progress {
                println!(
                    "{} {op} — {}",
                    t("Wartet auf Abschluss:", "Waiting to be finished:"),
                    t(
                        "`quartier sync` führt es zu Ende, `quartier sync --abort` bricht es ab.",
                        "`quartier sync` finishes it, `quartier sync --abort` undoes it."
                    )
                );
            }
            if git.unsaved.is_empty() {
                println!("{}", t("Alles gesichert.", "Everything is saved."));
            } else {
                println!(
                    "{} {} ({})",
                    git.unsaved.len(),
                    t("Datei(en) nicht gesichert:", "file(s) not saved:"),
                    t(
                        "`quartier sync` sichert und teilt sie",
                        "`quartier sync` saves and shares them"
                    )
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
                    t("Alles Gesicherte ist geteilt", "Everything saved is shared")
                ),
                (Some(n), Some(up)) => println!(
                    "{n} {} {up} ({}).",
                    t(
                        "gesicherte Änderung(en) noch nicht geteilt mit",
                        "saved change(s) not yet shared with"
                    ),
                    t("`quartier sync` teilt sie", "`quartier sync` shares them")
                ),
                _ => println!(
                    "{}",
                    t(
                        "Kein gemeinsamer Ordner eingerichtet: es wird nichts geteilt (siehe docs/SHARING.md).",
                        "No shared repository set up: nothing is shared (see docs/SHARING.md)."
                    )
                ),
            }
        }
    }
    if status.problems.is_empty() {
        println!("{}", t("Prüfung: keine Probleme.", "Check: no problems."));
    } else {
        println!(
            "{}: {} {}, {} {}",
            t("Prüfung", "Check"),
            status.errors,
            t("Fehler", "error(s)"),
            status.warnings,
            t("Warnung(en)", "warning(s)")
        );
        for f in status.problems.iter().take(SHOWN_PROBLEMS) {
            println!("  {f}");
        }
        if status.problems.len() > SHOWN_PROBLEMS {
            println!(
                "  … {} `quartier check`",
                t("alle zeigt", "all are shown by")
            );
        }
    }
    if !status.open_continuations.is_empty() {
        println!(
            "{}",
            t(
                "Projektende in den nächsten 6 Monaten, Verstetigung noch offen (continuation):",
                "Projects ending within 6 months, continuation still open:"
            )
        );
        for c in &status.open_continuations {
            println!(
                "  {}  {} ({})",
                match lang {
                    Lang::De => c.end.format("%d.%m.%Y").to_string(),
                    Lang::En => c.end.to_string(),
                },
                c.sponsor,
                c.name
            );
        }
    }
    if !status.past_planned.is_empty() {
        println!(
            "{} {}",
            status.past_planned.len(),
            t(
                "vergangene Einträge noch `planned` (mit `done`, `cancel` oder `no-show` abschließen; sonst fehlen sie im Bericht):",
                "past records still `planned` (close them with `done`, `cancel` or `no-show`; otherwise the report leaves them out):"
            )
        );
        for p in &status.past_planned {
            println!(
                "  {}  {:<11} {}",
                match lang {
                    Lang::De => p.date.format("%d.%m.%Y").to_string(),
                    Lang::En => p.date.to_string(),
                },
                p.kind,
                p.id
            );
        }
    }
}
