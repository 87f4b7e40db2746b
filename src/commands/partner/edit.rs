//! `quartier partner edit`.

use super::EditFlags;
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Change fields of a partner; the rest of the file (comments, order)
/// stays. A list flag replaces the whole list; an empty value (`--notes ""`,
/// `--offers ""`) removes the field. Without field flags, opens the record in
/// $VISUAL/$EDITOR.
///
/// Example: quartier partner edit mieterverein --languages de,ar,fa
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Slug (or a unique end of it)
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
            kind: Kind::Partner,
            query: &args.id,
            given: args.fields.given,
            commit: &args.commit,
        },
        |_, _| Ok(()),
    )?;
    Ok(())
}
