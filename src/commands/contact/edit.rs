//! `quartier contact edit`.

use super::EditFlags;
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Change fields of a short contact.
///
/// The rest of the file (comments, order) stays. List flags
/// replace the list. A new date moves the file to its month folder.
/// Without field flags, opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier contact edit x7k2 --referred-to jobcenter,caritas --unset notes
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Contact id (or a unique end of it)
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
            kind: Kind::Contact,
            query: &args.id,
            given: args.fields.given,
            commit: &args.commit,
        },
        |_, _| Ok(()),
    )?;
    Ok(())
}
