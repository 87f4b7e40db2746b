//! `quartier appointment add`.

use super::default_status;
use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, Need, check_language, check_topics, clean_list, date_arg, duration_arg,
    record_ids, refuse_contact_data, report_written, resolve_ref, time_arg, warn_about,
    warn_unknown_staff,
};
use crate::error::{CommandError, Result};
use crate::model::{Appointment, AppointmentKind, AppointmentStatus, Kind, Record};
use chrono::{NaiveDate, NaiveTime};

/// Add a consultation (with a client) or a sponsor meeting.
///
/// The status is
/// `done` for today or earlier and `planned` for a later day unless given.
/// `--kind` may be left out when `--client` or `--sponsor` says it.
///
/// Example: quartier appointment add --kind consultation --client K-7F3A --topics residence,housing --duration 45 --staff eb
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Day: YYYY-MM-DD, today, yesterday, tomorrow [default: today]
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    /// Start time, HH:MM
    #[arg(long, value_parser = time_arg)]
    pub time: Option<NaiveTime>,
    /// Length: 45, 45min, 1h, 1:30
    #[arg(long, value_parser = duration_arg)]
    pub duration: Option<u32>,
    #[arg(long)]
    pub kind: Option<AppointmentKind>,
    /// [default: done when the day has come, else planned]
    #[arg(long)]
    pub status: Option<AppointmentStatus>,
    /// Initials of the staff member (see [staff] in quartier.toml)
    #[arg(long)]
    pub staff: Option<String>,
    /// Client code (consultations), e.g. K-7F3A
    #[arg(long)]
    pub client: Option<String>,
    /// Sponsor slug (sponsor meetings)
    #[arg(long)]
    pub sponsor: Option<String>,
    /// Topic codes (consultations) or free words (sponsor meetings); commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub topics: Vec<String>,
    /// ISO 639-1 code of the conversation's language, e.g. ar
    #[arg(long)]
    pub language: Option<String>,
    /// An interpreter took part
    #[arg(long)]
    pub interpreter: bool,
    /// Relatives counselled alongside the client
    #[arg(long)]
    pub family_members: Option<u32>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let today = crate::dates::today();
    let date = args.date.unwrap_or(today);
    let inferred = match (&args.client, &args.sponsor) {
        (Some(_), None) => Some(AppointmentKind::Consultation),
        (None, Some(_)) => Some(AppointmentKind::Sponsor),
        _ => None,
    };
    let mut need = Need::new();
    let kind = need.code("--kind", "Art des Termins:", args.kind.or(inferred), lang)?;
    let (mut client, mut sponsor) = (args.client.clone(), args.sponsor.clone());
    match kind {
        Some(AppointmentKind::Consultation) => {
            client = need.choose("--client", "Klient/in:", client, || {
                record_ids(&store, Kind::Client)
            })?;
        }
        Some(AppointmentKind::Sponsor) => {
            sponsor = need.choose("--sponsor", "Träger:", sponsor, || {
                record_ids(&store, Kind::Sponsor)
            })?;
        }
        None => {}
    }
    need.finish()?;
    let Some(kind) = kind else {
        unreachable!("Need::finish fails when --kind is missing")
    };
    match kind {
        AppointmentKind::Consultation if sponsor.is_some() => {
            return Err(CommandError::usage(
                "a consultation is with a client: pass --client, not --sponsor (or --kind sponsor for a sponsor meeting)",
            ));
        }
        AppointmentKind::Sponsor if client.is_some() => {
            return Err(CommandError::usage(
                "a sponsor meeting is with a sponsor: pass --sponsor, not --client (or --kind consultation)",
            ));
        }
        AppointmentKind::Sponsor
            if args.language.is_some() || args.interpreter || args.family_members.is_some() =>
        {
            return Err(CommandError::usage(
                "--language, --interpreter and --family-members belong to consultations, not sponsor meetings",
            ));
        }
        _ => {}
    }
    let status = args.status.unwrap_or_else(|| default_status(date, today));
    if status == AppointmentStatus::Done && date > today {
        return Err(CommandError::usage(format!(
            "an appointment on {date} lies in the future and cannot be `done` yet: leave out --status (it becomes `planned`) and run `quartier appointment done ID` once it took place"
        )));
    }
    let topics = clean_list(&args.topics);
    if kind == AppointmentKind::Consultation {
        check_topics(&config, &topics, "--topics")?;
    }
    let language = args
        .language
        .as_deref()
        .map(|l| check_language(l, "--language"))
        .transpose()?;
    refuse_contact_data("--notes", &args.notes)?;
    let client = client
        .map(|c| resolve_ref(&store, Kind::Client, "--client", &c))
        .transpose()?;
    let sponsor = sponsor
        .map(|s| resolve_ref(&store, Kind::Sponsor, "--sponsor", &s))
        .transpose()?;
    warn_unknown_staff(&config, &args.staff);
    let appointment = Appointment {
        id: String::new(),
        date,
        time: args.time,
        duration: args.duration.map(i64::from),
        kind,
        status,
        staff: args.staff,
        client,
        sponsor,
        topics,
        language,
        interpreter: args.interpreter,
        family_members: args.family_members.map_or(0, i64::from),
        notes: args.notes,
    };
    let (record, path) = store.create(&config, Kind::Appointment, Some(date), |id| {
        Record::Appointment(Appointment {
            id: id.unwrap_or_default(),
            ..appointment.clone()
        })
    })?;
    warn_about(&store, &config, &path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Appointment,
            verb: "add",
            id: record.id(),
            path: &path,
            moved_from: None,
        },
    )
}
