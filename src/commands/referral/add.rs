//! `quartier referral add`.

use super::{consent_warning, read_client};
use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, Need, check_topics, date_arg, load_one, record_ids, refuse_contact_data,
    report_written, resolve_ref, warn_about, warn_unknown_staff,
};
use crate::error::{CommandError, Result};
use crate::model::{Kind, Record, Referral, ReferralStatus};
use chrono::NaiveDate;

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
    /// Day of the referral [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// Client code (or a unique end of it)
    #[arg(long)]
    pub client: Option<String>,
    /// Partner slug (or a unique end of it)
    #[arg(long)]
    pub partner: Option<String>,
    /// One topic code, e.g. housing
    #[arg(long)]
    pub topic: Option<String>,
    /// The appointment the referral came from (id or a unique end of it)
    #[arg(long)]
    pub appointment: Option<String>,
    /// [default: open]
    #[arg(long)]
    pub status: Option<ReferralStatus>,
    /// Day to check what became of it
    #[arg(long, value_parser = date_arg)]
    pub follow_up: Option<NaiveDate>,
    /// Day it was closed (status done, failed or withdrawn) [default: today]
    #[arg(long, value_parser = date_arg)]
    pub closed: Option<NaiveDate>,
    #[arg(long)]
    pub outcome: Option<String>,
    /// Staff initials
    #[arg(long)]
    pub staff: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let today = crate::dates::today();
    let date = args.date.unwrap_or(today);
    let from = match &args.appointment {
        Some(q) => {
            let id = resolve_ref(&store, Kind::Appointment, "--appointment", q)?;
            match load_one(&store, &config, Kind::Appointment, &id)?.0 {
                Record::Appointment(a) => Some(a),
                _ => None,
            }
        }
        None => None,
    };
    let mut need = Need::new();
    let client = need.choose(
        "--client",
        "Klient/in:",
        args.client
            .clone()
            .or(from.as_ref().and_then(|a| a.client.clone())),
        || record_ids(&store, Kind::Client),
    )?;
    let partner = need.choose("--partner", "Partner:", args.partner.clone(), || {
        record_ids(&store, Kind::Partner)
    })?;
    let topic = need.choose("--topic", "Thema:", args.topic.clone(), || {
        config.topic_codes()
    })?;
    need.finish()?;
    let (Some(client), Some(partner), Some(topic)) = (client, partner, topic) else {
        unreachable!("Need::finish fails when a value is missing")
    };
    check_topics(&config, std::slice::from_ref(&topic), "--topic")?;
    refuse_contact_data("--notes", &args.notes)?;
    refuse_contact_data("--outcome", &args.outcome)?;
    let status = args.status.unwrap_or(ReferralStatus::Open);
    let closed = closed_date(status, args.closed, date, today)?;
    if let Some(f) = args.follow_up
        && f < date
    {
        return Err(CommandError::usage(format!(
            "--follow-up {f} lies before the referral date {date}: give a later day"
        )));
    }
    let client = resolve_ref(&store, Kind::Client, "--client", &client)?;
    let partner = resolve_ref(&store, Kind::Partner, "--partner", &partner)?;
    if let Some(a) = &from
        && let Some(c) = &a.client
        && *c != client
    {
        eprintln!(
            "warning: appointment {} was with client {c}, not {client}",
            a.id
        );
    }
    let staff = args
        .staff
        .or_else(|| from.as_ref().and_then(|a| a.staff.clone()));
    warn_unknown_staff(&config, &staff);
    let referral = Referral {
        id: String::new(),
        date,
        client,
        partner,
        topic,
        appointment: from.map(|a| a.id),
        status,
        follow_up: args.follow_up,
        closed,
        outcome: args.outcome,
        staff,
        notes: args.notes,
    };
    let (record, path) = store.create(&config, Kind::Referral, Some(date), |id| {
        Record::Referral(Referral {
            id: id.unwrap_or_default(),
            ..referral.clone()
        })
    })?;
    if let Some(c) = read_client(&store, &config, &referral.client)
        && let Some(w) = consent_warning(&c, &referral)
    {
        eprintln!("{w}");
    }
    warn_about(&store, &config, &path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Referral,
            verb: "add",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}

/// The `closed` date a status needs: none while open; for a closed referral
/// the given day (default today), not before the referral and not ahead.
pub fn closed_date(
    status: ReferralStatus,
    closed: Option<NaiveDate>,
    date: NaiveDate,
    today: NaiveDate,
) -> Result<Option<NaiveDate>> {
    if status == ReferralStatus::Open {
        if closed.is_some() {
            return Err(CommandError::usage(
                "an open referral has no closed date: leave out --closed or give --status done|failed|withdrawn",
            ));
        }
        return Ok(None);
    }
    let closed = closed.unwrap_or(today);
    if closed < date {
        return Err(CommandError::usage(format!(
            "the closing day {closed} lies before the referral date {date}"
        )));
    }
    if closed > today {
        return Err(CommandError::usage(format!(
            "the closing day {closed} lies in the future: close the referral when it is settled"
        )));
    }
    Ok(Some(closed))
}
