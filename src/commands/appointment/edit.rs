//! `quartier appointment edit`.

use super::EditFlags;
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::{AppointmentKind, Code, Kind, Record};

/// Change fields of an appointment.
///
/// The rest of the file (comments, order)
/// stays. A new date moves the file to its month folder. Without field flags,
/// opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier appointment edit x7k2 --duration 60 --topics residence,benefits
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Appointment id (or a unique end of it)
    pub id: String,
    #[command(flatten)]
    pub fields: RecordFlags<EditFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    edit_record(
        globals,
        &store,
        &config,
        EditRequest {
            kind: Kind::Appointment,
            query: &args.id,
            given: args.fields.given,
            commit: &args.commit,
        },
        |given, current| {
            // a new partner of the meeting replaces the other kinds'
            let kind = match given.text("kind") {
                Some(code) => AppointmentKind::from_code(code),
                None => match current {
                    Some(Record::Appointment(a)) => Some(a.kind),
                    Some(_) | None => None,
                },
            };
            let own = kind.map(|k| match k {
                AppointmentKind::Consultation => "client",
                AppointmentKind::Sponsor => "sponsor",
                AppointmentKind::Organisation => "partner",
            });
            if let Some(own) = own
                && given.get(own).is_some()
            {
                for other in ["client", "sponsor", "partner"] {
                    if other != own {
                        given.unset.push(other.into());
                    }
                }
            }
            Ok(())
        },
    )?;
    Ok(())
}
