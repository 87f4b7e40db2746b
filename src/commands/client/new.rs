//! `quartier client new`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Register a new client under a fresh pseudonymous code and print it
/// (`K-XXXXXX<TAB>path`). `first_contact` is today unless given. There are
/// no flags for names, addresses, phone numbers or e-mail: the records hold
/// none, and notes with contact data are refused.
///
/// Example: quartier client new --gender f --birth-year 1990 --origin SY --languages ar,de --residence recognised-refugee --district Lindenau --consent today
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
            kind: Kind::Client,
            given: args.fields.given,
            commit: &args.commit,
            verb: "new",
        },
    )?;
    Ok(())
}
