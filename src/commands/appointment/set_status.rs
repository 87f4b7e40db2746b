//! `quartier appointment done|cancel|no-show`: the status of an appointment,
//! changed in place so that the rest of the file stays as it is.

use crate::cli::Globals;
use crate::commands::fields::{Given, Naming, Raw, change_record_with};
use crate::commands::shared::{Change, CommitArg, load_one, report_written};
use crate::error::{CommandError, Result};
use crate::model::{AppointmentStatus, Kind, Record};

/// The appointment a status command changes.
#[derive(Debug, clap::Args)]
pub struct Target {
    /// Appointment id (or a unique end of it, e.g. x7k2)
    pub id: String,
    #[command(flatten)]
    pub commit: CommitArg,
}

/// Mark an appointment as held (`status = "done"`); not for a day still ahead.
///
/// On a terminal, the details still empty (duration, language, interpreter,
/// topics, …) are offered as `add` offers them, and written with the status.
///
/// Example: quartier appointment done x7k2
#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub target: Target,
    /// On a terminal, offer the details still empty also when it is marked done already
    #[arg(long)]
    pub ask: bool,
}

/// Mark an appointment as cancelled (`status = "cancelled"`).
///
/// Example: quartier appointment cancel x7k2
#[derive(Debug, clap::Args)]
pub struct CancelArgs {
    #[command(flatten)]
    pub target: Target,
}

/// Mark an appointment as missed by the client (`status = "no-show"`).
///
/// Example: quartier appointment no-show x7k2
#[derive(Debug, clap::Args)]
pub struct NoShowArgs {
    #[command(flatten)]
    pub target: Target,
}

fn verb(status: AppointmentStatus) -> &'static str {
    match status {
        AppointmentStatus::Done => "done",
        AppointmentStatus::Cancelled => "cancel",
        AppointmentStatus::NoShow => "no-show",
        AppointmentStatus::Planned => "plan",
    }
}

/// `ask`: `--ask` of `done` (the form also when the status stays).
pub fn run(target: Target, status: AppointmentStatus, ask: bool, globals: &Globals) -> Result<()> {
    let terminal = crate::cli::interactive();
    if ask && !terminal {
        return Err(CommandError::usage(crate::tr!("form.ask-needs-terminal")));
    }
    let (store, config) = globals.open()?;
    let (record, path) = load_one(&store, &config, Kind::Appointment, &target.id)?;
    let Record::Appointment(appointment) = record else {
        unreachable!("resolved an appointment")
    };
    let change = |path| Change {
        kind: Kind::Appointment,
        verb: verb(status),
        id: &appointment.id,
        path,
        moved_from: None,
    };
    // held: on a terminal, what a consultation planned early still lacks
    // (its language, interpreter, duration, topics …) is asked now
    let answers =
        if status == AppointmentStatus::Done && terminal && (appointment.status != status || ask) {
            let mut change = Given::default();
            change.set("status", Raw::Text(status.code().to_string()));
            crate::commands::form::fill_in(&store, &config, Kind::Appointment, &path, &change)?
        } else {
            Given::default()
        };
    if appointment.status == status && answers.is_empty() {
        eprintln!(
            "{}",
            crate::tr!(
                "appointment.status-unchanged",
                id = appointment.id,
                status = status.code()
            )
        );
        let no_commit = CommitArg::default();
        let mut quiet = config.clone();
        quiet.git.auto_commit = false;
        return report_written(globals, &store, &quiet, &no_commit, change(&path));
    }
    // the rule book judges the change (a `done` in the future is refused)
    let command = format!("appointment {}", verb(status));
    let named = Naming {
        command: &command,
        flags: &[],
    };
    let (_, path) = change_record_with(
        &store,
        &config,
        Kind::Appointment,
        &path,
        named,
        &answers,
        |r| {
            if let Record::Appointment(a) = r {
                a.status = status;
            }
            Ok(())
        },
    )?;
    // the last time, duration and staff answered, as after `add`
    crate::commands::form::state::State::remember_written(Kind::Appointment, &answers);
    report_written(globals, &store, &config, &target.commit, change(&path))
}
