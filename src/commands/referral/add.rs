//! `quartier referral add`.

use super::AddFlags;
use super::{closed_date, consent_warning, read_client};
use crate::cli::Globals;
use crate::commands::fields::{AddRequest, Raw, RecordFlags, add_record};
use crate::commands::shared::{CommitArg, load_one, resolve_ref};
use crate::error::Result;
use crate::model::{Kind, Record, ReferralStatus};

/// Refer a client to a partner organisation.
///
/// The status starts `open`; set a
/// `--follow-up` day to see it in `quartier agenda` and `referral list --due`.
/// With `--appointment`, the client (and staff) default to that appointment's.
/// A client without consent on or before the referral date gets a warning.
///
/// Example: quartier referral add --client K-7F3A --partner jobcenter-west --topic employment --follow-up 2026-12-09 --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub fields: RecordFlags<AddFlags>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let today = crate::dates::today();
    let mut given = args.fields.given;
    // the client and staff of the appointment it came from, unless given
    if let Some(q) = given.text("appointment").map(str::to_string) {
        let id = resolve_ref(&store, Kind::Appointment, "--appointment", &q)?;
        if let Record::Appointment(a) = load_one(&store, &config, Kind::Appointment, &id)?.0 {
            match (given.text("client"), &a.client) {
                (None, Some(c)) => given.set("client", Raw::Text(c.clone())),
                (Some(mine), Some(c))
                    if resolve_ref(&store, Kind::Client, "--client", mine)
                        .ok()
                        .as_ref()
                        != Some(c) =>
                {
                    eprintln!(
                        "{}",
                        crate::tr!("referral.other-client", id = a.id, client = c, given = mine)
                    )
                }
                _ => {}
            }
            if given.get("staff").is_none()
                && let Some(s) = &a.staff
            {
                given.set("staff", Raw::Text(s.clone()));
            }
        }
    }
    let status = given
        .text("status")
        .and_then(|s| s.parse::<ReferralStatus>().ok())
        .unwrap_or(ReferralStatus::Open);
    match closed_date(status, given.date("closed"), today)? {
        Some(d) => given.set("closed", Raw::Date(d)),
        None => {
            given.remove("closed");
        }
    }
    let (record, _) = add_record(
        globals,
        &store,
        &config,
        AddRequest {
            kind: Kind::Referral,
            given,
            commit: &args.commit,
            verb: "add",
        },
    )?;
    if let Record::Referral(r) = &record
        && let Some(c) = read_client(&store, &config, &r.client)
        && let Some(w) = consent_warning(&c, r)
    {
        eprintln!("{w}");
    }
    Ok(())
}
