//! `quartier event`: information events, network meetings and workshops,
//! with their participant counts once they took place.

mod add;
mod edit;
mod list;
mod set_status;
mod show;

use crate::cli::Globals;
use crate::error::Result;
use crate::model::{Event, EventStatus, Participants};
use chrono::NaiveDate;

crate::flag_sets! {
    AddFlags = Event, Add;
    EditFlags = Event, Edit;
}

/// Information events and network meetings: add, list, show, edit, done, cancel.
///
/// Example: quartier event add --date 2026-12-03 --time 17:00 --title "Infoabend Integrationskurse" --kind info
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    Add(add::Args),
    List(list::Args),
    Show(show::Args),
    Edit(edit::Args),
    Done(set_status::DoneArgs),
    Cancel(set_status::CancelArgs),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::Done(a) => set_status::done(a, globals),
        Command::Cancel(a) => set_status::cancel(a, globals),
    }
}

/// "bei n von N Teilnehmenden ist kein Geschlecht erfasst" when women, men
/// and diverse together are fewer than all (allowed: SPEC counts them ≤ the
/// total) — what the guided form says after the split, for flag input.
pub(crate) fn ungendered_note(p: &Participants) -> Option<String> {
    let gendered = p.women.saturating_add(p.men).saturating_add(p.diverse);
    (gendered < p.total).then(|| {
        crate::tr!(
            "form.split-ungendered",
            count = p.total - gendered,
            total = p.total
        )
    })
}

/// `done` for a day that has come, `planned` for one ahead.
pub fn default_status(date: NaiveDate, today: NaiveDate) -> EventStatus {
    if date <= today {
        EventStatus::Done
    } else {
        EventStatus::Planned
    }
}

/// Newest first: date, then time, then id, all descending.
pub fn newest_first(a: &Event, b: &Event) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.time.cmp(&a.time))
        .then(b.id.cmp(&a.id))
}

/// `--total --women --men --diverse --migrants`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Counts {
    /// Participants in all
    #[arg(long)]
    pub total: Option<u32>,
    /// Women among them [default: 0, or the count already recorded]
    #[arg(long)]
    pub women: Option<u32>,
    /// Men among them
    #[arg(long)]
    pub men: Option<u32>,
    /// Diverse among them
    #[arg(long)]
    pub diverse: Option<u32>,
    /// Participants with a migration background
    #[arg(long)]
    pub migrants: Option<u32>,
}

impl Counts {
    pub fn any(&self) -> bool {
        self.total.is_some()
            || self.women.is_some()
            || self.men.is_some()
            || self.diverse.is_some()
            || self.migrants.is_some()
    }

    /// The counts given, the others taken from `base` (or 0). Whether they
    /// add up is the rule book's to say (`rules::single`).
    pub fn resolve(&self, base: Option<Participants>) -> Participants {
        let base = base.unwrap_or_default();
        let pick = |v: Option<u32>, old: i64| v.map_or(old, i64::from);
        Participants {
            total: pick(self.total, base.total),
            women: pick(self.women, base.women),
            men: pick(self.men, base.men),
            diverse: pick(self.diverse, base.diverse),
            migrants: pick(self.migrants, base.migrants),
        }
    }
}
