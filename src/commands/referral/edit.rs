//! `quartier referral edit`.

use super::{consent_warning, read_client};
use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_topics, date_arg, refuse_contact_data, remove_key, report_written,
    resolve_ref, set_date, set_opt_str, set_str, warn_about, warn_unknown_staff,
};
use crate::error::Result;
use crate::model::{Kind, Record, ReferralStatus};
use chrono::NaiveDate;

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
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[arg(long)]
    pub client: Option<String>,
    #[arg(long)]
    pub partner: Option<String>,
    #[arg(long)]
    pub topic: Option<String>,
    #[arg(long)]
    pub appointment: Option<String>,
    #[arg(long)]
    pub status: Option<ReferralStatus>,
    #[arg(long, value_parser = date_arg)]
    pub follow_up: Option<NaiveDate>,
    #[arg(long, value_parser = date_arg)]
    pub closed: Option<NaiveDate>,
    #[arg(long)]
    pub outcome: Option<String>,
    #[arg(long)]
    pub staff: Option<String>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

impl Args {
    fn has_fields(&self) -> bool {
        self.date.is_some()
            || self.client.is_some()
            || self.partner.is_some()
            || self.topic.is_some()
            || self.appointment.is_some()
            || self.status.is_some()
            || self.follow_up.is_some()
            || self.closed.is_some()
            || self.outcome.is_some()
            || self.staff.is_some()
            || self.notes.is_some()
    }
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Referral, &args.id)?;
    if !args.has_fields() {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Referral,
            &id,
            &path,
            &args.commit,
        );
    }
    if let Some(t) = &args.topic {
        check_topics(&config, std::slice::from_ref(t), "--topic")?;
    }
    refuse_contact_data("--notes", &args.notes)?;
    refuse_contact_data("--outcome", &args.outcome)?;
    let resolve = |kind, flag, q: &Option<String>| {
        q.as_ref()
            .map(|q| resolve_ref(&store, kind, flag, q))
            .transpose()
    };
    let client = resolve(Kind::Client, "--client", &args.client)?;
    let partner = resolve(Kind::Partner, "--partner", &args.partner)?;
    let appointment = resolve(Kind::Appointment, "--appointment", &args.appointment)?;
    warn_unknown_staff(&config, &args.staff);
    let today = crate::dates::today();
    let (record, new_path) = store.update(&config, Kind::Referral, &path, |doc| {
        if let Some(d) = args.date {
            set_date(doc, "date", d);
        }
        set_opt_str(doc, "client", &client);
        set_opt_str(doc, "partner", &partner);
        set_opt_str(doc, "topic", &args.topic);
        set_opt_str(doc, "appointment", &appointment);
        match args.status {
            Some(ReferralStatus::Open) => {
                set_str(doc, "status", ReferralStatus::Open.code());
                remove_key(doc, "closed");
            }
            Some(s) => {
                set_str(doc, "status", s.code());
                if args.closed.is_none() && doc.get("closed").is_none() {
                    set_date(doc, "closed", today);
                }
            }
            None => {}
        }
        if let Some(d) = args.follow_up {
            set_date(doc, "follow_up", d);
        }
        if let Some(d) = args.closed {
            set_date(doc, "closed", d);
        }
        set_opt_str(doc, "outcome", &args.outcome);
        set_opt_str(doc, "staff", &args.staff);
        set_opt_str(doc, "notes", &args.notes);
        Ok(())
    })?;
    if let Record::Referral(r) = &record
        && (args.client.is_some() || args.date.is_some() || args.partner.is_some())
        && let Some(c) = read_client(&store, &config, &r.client)
        && let Some(w) = consent_warning(&c, r)
    {
        eprintln!("{w}");
    }
    warn_about(&store, &config, &new_path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Referral,
            verb: "edit",
            id: &id,
            path: &new_path,
            moved_from: (new_path != path).then_some(path.as_path()),
        },
    )
}
