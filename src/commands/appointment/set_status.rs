//! `quartier appointment done|cancel|no-show`: the status of an appointment,
//! changed in place so that the rest of the file stays as it is.

use crate::cli::Globals;
use crate::commands::shared::{Change, CommitArg, load_one, report_written, set_str};
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
/// Example: quartier appointment done x7k2
#[derive(Debug, clap::Args)]
pub struct DoneArgs {
    #[command(flatten)]
    pub target: Target,
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

pub fn run(target: Target, status: AppointmentStatus, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (record, path) = load_one(&store, &config, Kind::Appointment, &target.id)?;
    let Record::Appointment(appointment) = record else {
        unreachable!("resolved an appointment")
    };
    let today = crate::dates::today();
    if status == AppointmentStatus::Done && appointment.date > today {
        return Err(CommandError::usage(format!(
            "{} is dated {}, which lies in the future: it cannot be `done` before it took place ({} was not changed)",
            appointment.id,
            appointment.date,
            path.display()
        )));
    }
    let change = |path| Change {
        kind: Kind::Appointment,
        verb: verb(status),
        id: &appointment.id,
        path,
        moved_from: None,
    };
    if appointment.status == status {
        eprintln!(
            "{} is already `{}`; nothing to change",
            appointment.id,
            status.code()
        );
        let no_commit = CommitArg::default();
        let mut quiet = config.clone();
        quiet.git.auto_commit = false;
        return report_written(globals, &store, &quiet, &no_commit, change(&path));
    }
    let (_, path) = store.update(&config, Kind::Appointment, &path, |doc| {
        set_str(doc, "status", status.code());
        Ok(())
    })?;
    report_written(globals, &store, &config, &target.commit, change(&path))
}
