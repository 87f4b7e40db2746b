//! `quartier appointment edit`.

use crate::cli::Globals;
use crate::commands::shared::{
    Change, CommitArg, check_language, check_topics, clean_list, date_arg, duration_arg,
    refuse_contact_data, remove_key, report_written, resolve_ref, set_bool, set_date, set_int,
    set_list, set_opt_str, set_str, set_time, time_arg, warn_about, warn_unknown_staff,
};
use crate::error::{CommandError, Result};
use crate::model::{AppointmentKind, AppointmentStatus, Kind, Record};
use chrono::{NaiveDate, NaiveTime};

/// Change fields of an appointment.
///
/// The rest of the file (comments, order)
/// stays. A new date moves the file to its month folder. Without field flags,
/// opens the record in $VISUAL/$EDITOR.
///
/// Example: quartier appointment edit x7k2 --duration 60 --topics residence,benefits
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Appointment id (or a unique end of it)
    pub id: String,
    #[arg(long, value_parser = date_arg)]
    pub date: Option<NaiveDate>,
    #[arg(long, value_parser = time_arg)]
    pub time: Option<NaiveTime>,
    /// Length: 45, 45min, 1h, 1:30
    #[arg(long, value_parser = duration_arg)]
    pub duration: Option<u32>,
    #[arg(long)]
    pub kind: Option<AppointmentKind>,
    #[arg(long)]
    pub status: Option<AppointmentStatus>,
    #[arg(long)]
    pub staff: Option<String>,
    #[arg(long)]
    pub client: Option<String>,
    #[arg(long)]
    pub sponsor: Option<String>,
    /// Replaces the topics; commas or repetition
    #[arg(long, value_delimiter = ',')]
    pub topics: Option<Vec<String>>,
    #[arg(long)]
    pub language: Option<String>,
    /// An interpreter took part
    #[arg(long, conflicts_with = "no_interpreter")]
    pub interpreter: bool,
    /// No interpreter took part
    #[arg(long)]
    pub no_interpreter: bool,
    #[arg(long)]
    pub family_members: Option<u32>,
    #[arg(long)]
    pub notes: Option<String>,
    #[command(flatten)]
    pub commit: CommitArg,
}

impl Args {
    fn has_fields(&self) -> bool {
        self.date.is_some()
            || self.time.is_some()
            || self.duration.is_some()
            || self.kind.is_some()
            || self.status.is_some()
            || self.staff.is_some()
            || self.client.is_some()
            || self.sponsor.is_some()
            || self.topics.is_some()
            || self.language.is_some()
            || self.interpreter
            || self.no_interpreter
            || self.family_members.is_some()
            || self.notes.is_some()
    }
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let (id, path) = store.resolve(Kind::Appointment, &args.id)?;
    if !args.has_fields() {
        return crate::commands::edit::edit_in_editor(
            globals,
            &store,
            &config,
            Kind::Appointment,
            &id,
            &path,
            &args.commit,
        );
    }
    let rel = path.strip_prefix(store.root()).unwrap_or(&path);
    let current = match store.read_file(rel, &config).0 {
        Some(Record::Appointment(a)) => Some(a),
        _ => None,
    };
    let kind = args.kind.or(current.as_ref().map(|a| a.kind));
    let date = args.date.or(current.as_ref().map(|a| a.date));
    let status = args.status.or(current.as_ref().map(|a| a.status));
    if status == Some(AppointmentStatus::Done)
        && let Some(d) = date
        && d > crate::dates::today()
    {
        return Err(CommandError::usage(format!(
            "an appointment on {d} lies in the future and cannot be `done`; nothing was changed"
        )));
    }
    let topics = args.topics.as_deref().map(clean_list);
    if kind == Some(AppointmentKind::Consultation)
        && let Some(t) = &topics
    {
        check_topics(&config, t, "--topics")?;
    }
    let language = args
        .language
        .as_deref()
        .map(|l| check_language(l, "--language"))
        .transpose()?;
    refuse_contact_data("--notes", &args.notes)?;
    let client = args
        .client
        .as_ref()
        .map(|c| resolve_ref(&store, Kind::Client, "--client", c))
        .transpose()?;
    let sponsor = args
        .sponsor
        .as_ref()
        .map(|s| resolve_ref(&store, Kind::Sponsor, "--sponsor", s))
        .transpose()?;
    warn_unknown_staff(&config, &args.staff);
    let (_, new_path) = store.update(&config, Kind::Appointment, &path, |doc| {
        if let Some(d) = args.date {
            set_date(doc, "date", d);
        }
        if let Some(t) = args.time {
            set_time(doc, "time", t);
        }
        if let Some(n) = args.duration {
            set_int(doc, "duration", n.into());
        }
        if let Some(k) = args.kind {
            set_str(doc, "kind", k.code());
        }
        if let Some(s) = args.status {
            set_str(doc, "status", s.code());
        }
        set_opt_str(doc, "staff", &args.staff);
        if let Some(c) = &client {
            set_str(doc, "client", c);
            if kind == Some(AppointmentKind::Consultation) {
                remove_key(doc, "sponsor");
            }
        }
        if let Some(s) = &sponsor {
            set_str(doc, "sponsor", s);
            if kind == Some(AppointmentKind::Sponsor) {
                remove_key(doc, "client");
            }
        }
        if let Some(t) = &topics {
            set_list(doc, "topics", t);
        }
        set_opt_str(doc, "language", &language);
        if args.interpreter {
            set_bool(doc, "interpreter", true);
        }
        if args.no_interpreter {
            remove_key(doc, "interpreter");
        }
        if let Some(n) = args.family_members {
            set_int(doc, "family_members", n.into());
        }
        set_opt_str(doc, "notes", &args.notes);
        Ok(())
    })?;
    warn_about(&store, &config, &new_path);
    report_written(
        globals,
        &store,
        &config,
        &args.commit,
        Change {
            kind: Kind::Appointment,
            verb: "edit",
            id: &id,
            path: &new_path,
            moved_from: (new_path != path).then_some(path.as_path()),
        },
    )
}
