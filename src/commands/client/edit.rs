//! `quartier client edit`.

use super::EditFlags;
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Change fields of a client; the rest of the file (comments, order)
/// stays. An empty value (`--notes ""`, `--district ""`, `--consent ""`)
/// removes the field. Without field flags, opens the record in
/// $VISUAL/$EDITOR.
///
/// Example: quartier client edit 7F3A2B --consent today --residence residence-permit
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Client code (or a unique end of it)
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
            kind: Kind::Client,
            query: &args.id,
            given: args.fields.given,
            commit: &args.commit,
        },
        |_, _| Ok(()),
    )?;
    Ok(())
}
