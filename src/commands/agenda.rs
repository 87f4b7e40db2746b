//! `quartier agenda`: the morning screen — what is planned, which referrals
//! need a follow-up, which sponsors have not been met for too long, and which
//! past appointments still wait for their outcome.

use crate::cli::Globals;
use crate::commands::shared::sections::{self, Section};
use crate::commands::shared::{cell, date_cell, date_time_cell};
use crate::error::Result;
use crate::model::{
    Appointment, AppointmentKind, AppointmentStatus, Config, Event, EventStatus, Kind, Lang,
    Referral, ReferralStatus, Sponsor,
};
use crate::store::{MonthRange, Records, Scope};
use crate::tr_in;
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// How far back `agenda` looks for appointments still marked `planned`.
const PAST_PLANNED_DAYS: u64 = 90;

/// The morning screen: what is planned and what needs doing.
///
/// Planned appointments and events of the next days, referral follow-ups
/// due by then (overdue ones marked), sponsors without a held meeting for
/// longer than `[sponsors] stale_after_days`, and past appointments still
/// marked `planned` (to update with `appointment done|cancel|no-show`).
///
/// Example: quartier agenda --days 7
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many days ahead to show [default: 14, with --format ics 30]
    #[arg(long, value_name = "N")]
    pub days: Option<u32>,
    /// table (default), md (the same as Markdown) or ics: an iCalendar file
    /// for Thunderbird, Outlook and phones
    #[arg(long, value_enum, default_value_t = AgendaFormat::Table)]
    pub format: AgendaFormat,
    /// Write to FILE instead of the screen (`-`: standard output); with
    /// --format md or ics
    #[arg(long, value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
    /// Put client codes into the calendar (left out by default)
    #[arg(long)]
    pub with_codes: bool,
    /// Only what belongs to you (personal `staff`): your appointments and
    /// follow-ups; what belongs to the whole office stays
    #[arg(long)]
    pub mine: bool,
}

/// What `agenda` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum AgendaFormat {
    Table,
    Md,
    Ics,
}

/// A referral whose follow-up day falls within the agenda.
#[derive(Debug, Serialize)]
pub struct FollowUp<'a> {
    #[serde(flatten)]
    pub referral: &'a Referral,
    pub overdue: bool,
}

/// A running sponsor without a recent held meeting.
#[derive(Debug, Serialize)]
pub struct StaleSponsor<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub project: &'a str,
    /// The next planned meeting within the agenda, if any.
    pub next_meeting: Option<NaiveDate>,
}

#[derive(Debug, Serialize)]
pub struct Agenda<'a> {
    /// Today's consultation hours (`[[hours]]`).
    pub hours: Vec<crate::commands::reminders::TodaysHour<'a>>,
    pub appointments: Vec<&'a Appointment>,
    pub events: Vec<&'a Event>,
    pub follow_ups: Vec<FollowUp<'a>>,
    pub stale_sponsors: Vec<StaleSponsor<'a>>,
    pub past_planned: Vec<&'a Appointment>,
    /// Sponsor deadlines due by the agenda's last day and not handed in.
    pub deadlines: Vec<crate::commands::reminders::DueDeadline<'a>>,
    /// Active sponsors ending within 6 months with continuation open.
    pub open_continuations: Vec<crate::commands::reminders::OpenContinuation>,
    pub consents_expiring: Vec<super::agenda_consents::ExpiringConsent<'a>>,
}

fn month_of(d: NaiveDate) -> (i32, u32) {
    (d.year(), d.month())
}

fn days_before(d: NaiveDate, n: u64) -> NaiveDate {
    d.checked_sub_days(Days::new(n)).unwrap_or(NaiveDate::MIN)
}

/// The agenda of [today, until], from records loaded with [`scope`].
///
/// `staff` (`--mine`) keeps, of what carries staff initials (appointments,
/// referral follow-ups, past planned appointments), only what carries these;
/// what belongs to the whole office (hours, events, sponsors, deadlines,
/// consents) stays.
pub fn build<'a>(
    records: &'a Records,
    config: &'a Config,
    today: NaiveDate,
    until: NaiveDate,
    staff: Option<&str>,
) -> Agenda<'a> {
    let ahead = |d: NaiveDate| today <= d && d <= until;
    let mine = |s: &Option<String>| staff.is_none_or(|m| s.as_deref() == Some(m));
    let mut appointments: Vec<&Appointment> = records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(|a| a.status == AppointmentStatus::Planned && ahead(a.date) && mine(&a.staff))
        .collect();
    appointments.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    let mut events: Vec<&Event> = records
        .events
        .iter()
        .map(|e| &e.record)
        .filter(|e| e.status == EventStatus::Planned && ahead(e.date))
        .collect();
    events.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    let mut follow_ups: Vec<FollowUp> = records
        .referrals
        .iter()
        .map(|e| &e.record)
        .filter(|r| r.status == ReferralStatus::Open && mine(&r.staff))
        .filter_map(|r| {
            let f = r.follow_up?;
            (f <= until).then_some(FollowUp {
                referral: r,
                overdue: f < today,
            })
        })
        .collect();
    follow_ups.sort_by(|a, b| {
        (a.referral.follow_up, a.referral.date, &a.referral.id).cmp(&(
            b.referral.follow_up,
            b.referral.date,
            &b.referral.id,
        ))
    });
    let stale_since = days_before(today, config.sponsors.stale_after_days.max(0) as u64);
    let meetings = |s: &'a Sponsor| {
        records.appointments.iter().filter(move |a| {
            a.kind == AppointmentKind::Sponsor && a.sponsor.as_deref() == Some(s.id.as_str())
        })
    };
    let stale_sponsors: Vec<StaleSponsor> = records
        .sponsors
        .iter()
        .map(|e| &e.record)
        .filter(|s| s.runs_on(today))
        .filter(|s| {
            !meetings(s).any(|a| {
                a.status == AppointmentStatus::Done && stale_since <= a.date && a.date <= today
            })
        })
        .map(|s| StaleSponsor {
            id: &s.id,
            name: &s.name,
            project: &s.project,
            next_meeting: meetings(s)
                .filter(|a| a.status == AppointmentStatus::Planned && ahead(a.date))
                .map(|a| a.date)
                .min(),
        })
        .collect();
    let past_from = days_before(today, PAST_PLANNED_DAYS);
    let mut past_planned: Vec<&Appointment> = records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(|a| a.status == AppointmentStatus::Planned && past_from <= a.date && a.date < today)
        .filter(|a| mine(&a.staff))
        .collect();
    past_planned.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    Agenda {
        hours: crate::commands::reminders::todays_hours(config, today),
        appointments,
        events,
        follow_ups,
        stale_sponsors,
        past_planned,
        deadlines: crate::commands::reminders::due_deadlines(
            records.sponsors.iter().map(|e| &e.record),
            today,
            until,
        ),
        open_continuations: crate::commands::reminders::open_continuations(
            records.sponsors.iter().map(|e| &e.record),
            today,
        ),
        consents_expiring: super::agenda_consents::expiring(records, today, until),
    }
}

/// The month folders the agenda reads: appointments back to the older of
/// the stale window and the past-planned window, events back to the latter,
/// every referral (open ones may be old), the sponsors, and the clients
/// (for consents about to expire) and the partners (named in organisation
/// consultations).
pub fn scope(config: &Config, today: NaiveDate, until: NaiveDate) -> Scope {
    let stale_days = config.sponsors.stale_after_days.max(0) as u64;
    let appointments_from = days_before(today, stale_days.max(PAST_PLANNED_DAYS));
    let events_from = days_before(today, PAST_PLANNED_DAYS);
    Scope {
        undated: true,
        // partners: the names of the organisations of organisation consultations
        undated_only: vec![Kind::Sponsor, Kind::Client, Kind::Partner],
        appointments: vec![MonthRange {
            from: Some(month_of(appointments_from)),
            to: Some(month_of(until)),
        }],
        events: vec![MonthRange {
            from: Some(month_of(events_from)),
            to: Some(month_of(until)),
        }],
        referrals: vec![MonthRange::ALL],
        // short contacts are never planned: nothing of them is due
        contacts: Vec::new(),
    }
}

pub fn run(args: Args, globals: &Globals) -> Result<()> {
    let (store, config) = globals.open()?;
    let lang = globals.lang(&config);
    let today = crate::dates::today();
    let ics = args.format == AgendaFormat::Ics;
    if args.format == AgendaFormat::Table && args.out.is_some() {
        return Err(crate::error::CommandError::usage(crate::tr!(
            "agenda.out-needs-file-format"
        )));
    }
    if !ics && args.with_codes {
        return Err(crate::error::CommandError::usage(crate::tr!(
            "agenda.codes-ics-only"
        )));
    }
    let staff = if args.mine {
        Some(crate::personal::staff_in(&config).ok_or_else(|| {
            crate::error::CommandError::usage(crate::tr!(
                "agenda.mine-without-staff",
                path = crate::personal::path_display()
            ))
        })?)
    } else {
        None
    };
    // a refused --out FILE costs nothing (out::write checks again)
    if let Some(out) = &args.out {
        crate::out::target(out, store.root())?;
    }
    let days = args.days.unwrap_or(if ics { 30 } else { 14 });
    let until = today
        .checked_add_days(Days::new(days.into()))
        .unwrap_or(NaiveDate::MAX);
    let loaded = store.load(&config, &scope(&config, today, until));
    let broken: Vec<_> = loaded.findings.iter().filter(|f| f.is_error()).collect();
    for f in &broken {
        eprintln!("{f}");
    }
    if !broken.is_empty() {
        eprintln!("{}", crate::tr!("agenda.broken", count = broken.len()));
    }
    if ics {
        let text = crate::ics::agenda(
            &loaded.records,
            &config,
            today,
            until,
            staff.as_deref(),
            crate::ics::Options {
                with_codes: args.with_codes,
                lang,
                stamp: chrono::Utc::now(),
            },
        );
        let out = args.out.unwrap_or_else(|| "-".into());
        return crate::out::write(&out, store.root(), text.as_bytes());
    }
    let agenda = build(&loaded.records, &config, today, until, staff.as_deref());
    if args.format == AgendaFormat::Md {
        let text = sections::markdown(
            &title(lang, today, until),
            &sections(&agenda, &config, lang, today),
            lang,
        );
        let out = args.out.unwrap_or_else(|| "-".into());
        return crate::out::write(&out, store.root(), text.as_bytes());
    }
    if globals.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&agenda).unwrap_or_default()
        );
        return Ok(());
    }
    sections::print(
        &title(lang, today, until),
        &sections(&agenda, &config, lang, today),
        lang,
    );
    Ok(())
}

use crate::commands::appointment::with_whom;

/// The agenda's title line: `Agenda 25.11.2026 – 09.12.2026`.
fn title(lang: Lang, today: NaiveDate, until: NaiveDate) -> String {
    format!(
        "{} {} – {}",
        crate::i18n::t_in(lang, "ui.agenda.agenda"),
        date_cell(today, lang),
        date_cell(until, lang)
    )
}

/// Every section of the agenda in its order, the cells as shown on the
/// screen; the table and the Markdown format both render these.
fn sections(agenda: &Agenda, config: &Config, lang: Lang, today: NaiveDate) -> Vec<Section> {
    let t = |id| crate::i18n::t_in(lang, id);
    let mut appointments = Section::new(
        t("ui.agenda.planned-appointments"),
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.kind",
            "ui.heading.with",
            "ui.heading.topics",
            "ui.heading.staff",
        ],
    );
    for a in &agenda.appointments {
        appointments.rows.push(vec![
            date_time_cell(a.date, a.time, lang),
            a.id.clone(),
            a.kind.label(lang).to_string(),
            with_whom(a),
            a.topics
                .iter()
                .map(|t| config.topic_label(t, lang))
                .collect::<Vec<_>>()
                .join(", "),
            cell(&a.staff),
        ]);
    }

    let mut events = Section::new(
        t("ui.agenda.planned-events"),
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.title",
            "ui.heading.kind",
            "ui.heading.location",
        ],
    );
    for e in &agenda.events {
        events.rows.push(vec![
            date_time_cell(e.date, e.time, lang),
            e.id.clone(),
            e.title.clone(),
            e.kind.label(lang).to_string(),
            cell(&e.location),
        ]);
    }

    let mut follow_ups = Section::new(
        t("ui.agenda.referral-follow-ups"),
        &[
            "ui.heading.follow-up",
            "ui.heading.id",
            "ui.heading.client",
            "ui.heading.partner",
            "ui.heading.topic",
            "ui.heading.staff",
        ],
    );
    for f in &agenda.follow_ups {
        let r = f.referral;
        let day = r.follow_up.map(|d| date_cell(d, lang)).unwrap_or_default();
        follow_ups.rows.push(vec![
            if f.overdue {
                format!("{day} {}", t("ui.agenda.overdue"))
            } else {
                day
            },
            r.id.clone(),
            r.client.clone(),
            r.partner.clone(),
            config.topic_label(&r.topic, lang),
            cell(&r.staff),
        ]);
    }

    let mut stale = Section::new(
        tr_in!(
            lang,
            "ui.agenda.sponsors-not-met",
            days = config.sponsors.stale_after_days
        ),
        &[
            "ui.heading.id",
            "ui.heading.organisation",
            "ui.heading.project",
            "ui.heading.next-meeting",
        ],
    );
    for s in &agenda.stale_sponsors {
        stale.rows.push(vec![
            s.id.to_string(),
            s.name.to_string(),
            s.project.to_string(),
            s.next_meeting
                .map(|d| date_cell(d, lang))
                .unwrap_or_default(),
        ]);
    }

    let mut past = Section::new(
        t("ui.agenda.past-appointments-still-planned-to"),
        &[
            "ui.heading.date",
            "ui.heading.id",
            "ui.heading.kind",
            "ui.heading.with",
            "ui.heading.staff",
        ],
    );
    for a in &agenda.past_planned {
        past.rows.push(vec![
            date_time_cell(a.date, a.time, lang),
            a.id.clone(),
            a.kind.label(lang).to_string(),
            with_whom(a),
            cell(&a.staff),
        ]);
    }

    let [deadlines, continuations] = crate::commands::reminders::sponsor_sections(
        &agenda.deadlines,
        &agenda.open_continuations,
        lang,
    );
    vec![
        crate::commands::reminders::hours_section(config, lang, today),
        appointments,
        events,
        follow_ups,
        stale,
        deadlines,
        continuations,
        past,
        super::agenda_consents::section(&agenda.consents_expiring, lang),
    ]
}
