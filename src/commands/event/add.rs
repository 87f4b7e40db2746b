//! `quartier event add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Add an event.
///
/// The status is `done` for today or earlier (then the
/// participant counts are needed, at least `--total`) and `planned` for a later day.
///
/// Example: quartier event add --date 2026-11-20 --title "Infoabend Wohnen" --kind info --topics housing --total 18 --women 10 --men 8 --migrants 15
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
            kind: Kind::Event,
            given: args.fields.given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    Ok(())
}
