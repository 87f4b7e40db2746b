//! `quartier appointment`: consultations with clients and meetings with
//! sponsors, planned or held.

mod add;
mod duplicates;
mod edit;
mod list;
mod set_status;
mod show;

use crate::cli::Globals;
use crate::error::Result;

crate::flag_sets! {
    AddFlags = Appointment, Add;
    EditFlags = Appointment, Edit;
}
use crate::model::{Appointment, AppointmentStatus, Config, Lang};
use chrono::NaiveDate;

/// Consultations, sponsor meetings and organisation consultations: add, list,
/// show, edit, done, cancel, no-show.
///
/// Example: quartier appointment add --kind consultation --client K-7F3A --topics residence,housing
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
    NoShow(set_status::NoShowArgs),
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    match args.command {
        Command::Add(a) => add::run(a, globals),
        Command::List(a) => list::run(a, globals),
        Command::Show(a) => show::run(a, globals),
        Command::Edit(a) => edit::run(a, globals),
        Command::Done(a) => set_status::run(a.target, AppointmentStatus::Done, a.ask, globals),
        Command::Cancel(a) => {
            set_status::run(a.target, AppointmentStatus::Cancelled, false, globals)
        }
        Command::NoShow(a) => set_status::run(a.target, AppointmentStatus::NoShow, false, globals),
    }
}

/// `done` for a day that has come, `planned` for one ahead.
pub fn default_status(date: NaiveDate, today: NaiveDate) -> AppointmentStatus {
    if date <= today {
        AppointmentStatus::Done
    } else {
        AppointmentStatus::Planned
    }
}

/// Newest first: date, then time, then id, all descending.
pub fn newest_first(a: &Appointment, b: &Appointment) -> std::cmp::Ordering {
    b.date
        .cmp(&a.date)
        .then(b.time.cmp(&a.time))
        .then(b.id.cmp(&a.id))
}

/// Who the appointment was with: the client code, the sponsor slug or the
/// organisation's (partner's) slug.
pub fn with_whom(a: &Appointment) -> String {
    a.client
        .clone()
        .or_else(|| a.sponsor.clone())
        .or_else(|| a.partner.clone())
        .unwrap_or_default()
}

/// Topic codes as labels (free words of sponsor meetings stay as they are).
pub fn topics_cell(config: &Config, topics: &[String], lang: Lang) -> String {
    topics
        .iter()
        .map(|t| config.topic_label(t, lang))
        .collect::<Vec<_>>()
        .join(", ")
}
