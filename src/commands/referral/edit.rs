//! `quartier referral edit`.

use super::EditFlags;
use super::{consent_warning, read_client};
use crate::cli::Globals;
use crate::commands::fields::{EditRequest, Raw, RecordFlags, edit_record};
use crate::commands::shared::CommitArg;
use crate::error::Result;
use crate::model::{Kind, Record};

/// Change fields of a referral.
///
/// The rest of the file (comments, order)
/// stays. `--status open` reopens it (and removes `closed`). Without field
/// flags, opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier referral edit k3p9 --follow-up 2026-12-15
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Referral id (or a unique end of it)
    pub id: String,
    #[command(flatten)]
    pub fields: RecordFlags<EditFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let today = crate::dates::today();
    let moved =
        args.fields.given.get("client").is_some() || args.fields.given.get("date").is_some();
    let record = edit_record(
        globals,
        &store,
        &config,
        EditRequest {
            kind: Kind::Referral,
            query: &args.id,
            given: args.fields.given,
            commit: &args.commit,
        },
        |given, current| {
            // reopening removes `closed`; closing without a day closes today
            match given.text("status") {
                Some("open") => given.unset.push("closed".into()),
                Some(_) => {
                    let has_closed =
                        matches!(current, Some(Record::Referral(r)) if r.closed.is_some());
                    if given.get("closed").is_none() && !has_closed {
                        given.set("closed", Raw::Date(today));
                    }
                }
                None => {}
            }
            Ok(())
        },
    )?;
    if moved
        && let Some(Record::Referral(r)) = &record
        && let Some(c) = read_client(&store, &config, &r.client)
        && let Some(w) = consent_warning(&c, r.date)
    {
        eprintln!("{w}");
    }
    Ok(())
}
