//! `quartier contact add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Record a short contact: a walk-in, a phone call, a message.
///
/// No client code and no personal data: for someone who comes
/// back for counselling, use `quartier client new` and `appointment add`.
/// `--referred-to` names the partners the person was pointed to (nothing
/// was passed on, so no consent is needed). The date is today unless given.
///
/// Example: quartier contact add --kind walk-in --topics residence,housing --language ar --referred-to auslaenderbehoerde --duration 10
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
            kind: Kind::Contact,
            given: args.fields.given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    Ok(())
}
