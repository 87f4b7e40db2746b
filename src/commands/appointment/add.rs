//! `quartier appointment add`.

use super::AddFlags;
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, Raw, RecordFlags, add_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::Kind;

/// Add a consultation (with a client), a sponsor meeting, or a consultation
/// of an organisation (`--kind organisation --partner SLUG`, e.g. a Kita on
/// intercultural opening).
///
/// The status is
/// `done` for today or earlier and `planned` for a later day unless given.
/// `--kind` may be left out when `--client`, `--sponsor` or `--partner` says it.
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
        let inferred = match (
            given.get("client"),
            given.get("sponsor"),
            given.get("partner"),
        ) {
            (Some(_), None, None) => Some("consultation"),
            (None, Some(_), None) => Some("sponsor"),
            (None, None, Some(_)) => Some("organisation"),
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
