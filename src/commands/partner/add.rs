//! `quartier partner add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Add a partner organisation. `--id` is the short name (slug) used in
/// referrals and events, e.g. `jobcenter-west`. `--offers` (topic codes) and
/// `--languages` (ISO 639-1) make it findable in `partner list`.
///
/// Example: quartier partner add --id mieterverein --name "Mieterverein Leipzig" --kind housing --offers housing,benefits --languages de,ar
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
            kind: Kind::Partner,
            given: args.fields.given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    Ok(())
}
