//! `quartier appointment add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, Raw, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Add a consultation (with a client) or a sponsor meeting.
///
/// The status is
/// `done` for today or earlier and `planned` for a later day unless given.
/// `--kind` may be left out when `--client` or `--sponsor` says it.
///
/// Example: quartier appointment add --kind consultation --client K-7F3A --topics residence,housing --duration 45 --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub fields: RecordFlags<AddFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let mut given = args.fields.given;
    if given.get("kind").is_none() {
        let inferred = match (given.get("client"), given.get("sponsor")) {
            (Some(_), None) => Some("consultation"),
            (None, Some(_)) => Some("sponsor"),
            _ => None,
        };
        if let Some(kind) = inferred {
            given.set("kind", Raw::Text(kind.to_string()));
        }
    }
    let (record, _) = add_record(
        globals,
        &store,
        &config,
        AddRequest {
            kind: Kind::Appointment,
            given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    super::duplicates::warn_duplicates(&store, &config, &record);
    Ok(())
}
