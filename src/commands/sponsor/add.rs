//! `quartier sponsor add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Add an ESF project sponsor. `--id` is the short name (slug) used in other
/// records, e.g. `kinderbuero-west`.
///
/// Example: quartier sponsor add --id kinderbuero-west --name "Kinderbüro West e.V." --project "Lernwerkstatt" --field youth-education --start 2026-01-01
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub fields: RecordFlags<AddFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    add_record(
        globals,
        &store,
        &config,
        AddRequest {
            kind: Kind::Sponsor,
            given: args.fields.given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    Ok(())
}
