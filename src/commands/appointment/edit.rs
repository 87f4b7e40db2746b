//! `quartier appointment edit`.

use super::EditFlags;
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::{Kind, Record};

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
            // a new partner of the meeting replaces the other kind's
            let kind = given.text("kind").map(str::to_string).or_else(|| {
                let Some(Record::Appointment(a)) = current else {
                    return None;
                };
                Some(a.kind.code().to_string())
            });
            match kind.as_deref() {
                Some("consultation") if given.get("client").is_some() => {
                    given.unset.push("sponsor".into())
                }
                Some("sponsor") if given.get("sponsor").is_some() => {
                    given.unset.push("client".into())
                }
                _ => {}
            }
            Ok(())
        },
    )?;
    Ok(())
}
