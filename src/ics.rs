//! iCalendar (RFC 5545) files of the agenda and of the events, for
//! Thunderbird, Outlook and phone calendars (SPEC §3.6), written with the
//! `icalendar` crate (escaping, line folding at 75 octets, CRLF, `DTSTAMP`).
//!
//! - UIDs come from the records, so a calendar that subscribes to the file
//!   updates entries instead of doubling them: `<id>@quartier` for
//!   appointments and events, `<id>-follow-up@quartier` for referral
//!   follow-ups, `<slug>-<kind>-<due>@quartier` for sponsor deadlines (a
//!   deadline is named by its sponsor, kind and due date).
//! - Times are local times of the office: `DTSTART;TZID=Europe/Berlin`, with
//!   one `VTIMEZONE` block for Europe/Berlin (CET/CEST, the EU rule since
//!   1996) so strict readers know the offset. A record without `time` is an
//!   all-day entry; without `duration` it lasts 60 minutes.
//! - Entries hold kind, topics, sponsor or partner and location — never
//!   notes, never a client code unless asked for (`--with-codes`).

use crate::model::{
    Appointment, AppointmentKind, AppointmentStatus, Config, DeadlineKind, Event, EventStatus,
    Lang, Referral, ReferralStatus, Sponsor,
};
use crate::store::Records;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, Utc};
use icalendar::{Calendar, Component, EventLike, EventStatus as IcsStatus};

/// The time zone every time of the records is in.
pub const TZID: &str = "Europe/Berlin";

/// Minutes of an entry without `duration`.
pub const DEFAULT_MINUTES: i64 = 60;

/// Europe/Berlin as RFC 5545 wants it: the EU summer-time rule (last Sunday
/// of March 02:00 → 03:00, last Sunday of October 03:00 → 02:00).
const VTIMEZONE: &str = "BEGIN:VTIMEZONE\r\n\
TZID:Europe/Berlin\r\n\
BEGIN:DAYLIGHT\r\n\
TZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\n\
TZNAME:CEST\r\n\
DTSTART:19700329T020000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\n\
BEGIN:STANDARD\r\n\
TZOFFSETFROM:+0200\r\n\
TZOFFSETTO:+0100\r\n\
TZNAME:CET\r\n\
DTSTART:19701025T030000\r\n\
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n\
END:STANDARD\r\n\
END:VTIMEZONE\r\n";

/// What a calendar file shows.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Client codes in consultations and follow-ups (off by default: the
    /// file leaves the records folder).
    pub with_codes: bool,
    pub lang: Lang,
    /// The `DTSTAMP` of every entry: when the file was made.
    pub stamp: DateTime<Utc>,
}

/// The agenda of [today, until] as a calendar: planned and cancelled
/// appointments and events, follow-ups of open referrals due by `until`,
/// and the sponsors' deadlines not handed in and due by `until` (the ones
/// the agenda lists), as all-day entries. `staff` keeps only what belongs
/// to those initials (`--mine`); a deadline belongs to the office and stays.
pub fn agenda(
    records: &Records,
    config: &Config,
    today: NaiveDate,
    until: NaiveDate,
    staff: Option<&str>,
    opts: Options,
) -> String {
    let ahead = |d: NaiveDate| today <= d && d <= until;
    let mine = |s: &Option<String>| staff.is_none_or(|m| s.as_deref() == Some(m));
    let mut cal = calendar(config, opts.lang);
    let mut appointments: Vec<&Appointment> = records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(|a| ahead(a.date) && mine(&a.staff))
        .filter(|a| match a.status {
            AppointmentStatus::Planned | AppointmentStatus::Cancelled => true,
            AppointmentStatus::Done | AppointmentStatus::NoShow => false,
        })
        .collect();
    appointments.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    for a in appointments {
        cal.push(appointment_entry(a, records, config, opts));
    }
    let mut events: Vec<&Event> = records
        .events
        .iter()
        .map(|e| &e.record)
        .filter(|e| ahead(e.date))
        .filter(|e| match e.status {
            EventStatus::Planned | EventStatus::Cancelled => true,
            EventStatus::Done => false,
        })
        .collect();
    events.sort_by(|a, b| (a.date, a.time, &a.id).cmp(&(b.date, b.time, &b.id)));
    for e in events {
        cal.push(event_entry(e, config, opts));
    }
    let mut follow_ups: Vec<&Referral> = records
        .referrals
        .iter()
        .map(|e| &e.record)
        .filter(|r| r.status == ReferralStatus::Open && mine(&r.staff))
        .filter(|r| r.follow_up.is_some_and(|f| f <= until))
        .collect();
    follow_ups.sort_by(|a, b| (a.follow_up, &a.id).cmp(&(b.follow_up, &b.id)));
    for r in follow_ups {
        cal.push(follow_up_entry(r, config, opts));
    }
    let sponsors = || records.sponsors.iter().map(|e| &e.record);
    for d in crate::commands::reminders::due_deadlines(sponsors(), today, until) {
        if let Some(s) = sponsors().find(|s| s.id == d.sponsor) {
            cal.push(deadline_entry(s, &d, opts));
        }
    }
    finish(cal)
}

/// A sponsor's deadline as an all-day entry on its due date: kind, sponsor
/// and project — never its notes.
fn deadline_entry(
    sponsor: &Sponsor,
    d: &crate::commands::reminders::DueDeadline,
    opts: Options,
) -> icalendar::Event {
    let lang = opts.lang;
    let kind = <DeadlineKind as crate::model::Code>::from_code(d.kind)
        .map(|k| k.label(lang))
        .unwrap_or(d.kind);
    let mut entry = icalendar::Event::new();
    entry
        .uid(&format!("{}-{}-{}@quartier", d.sponsor, d.kind, d.due))
        .timestamp(opts.stamp);
    entry.summary(&format!(
        "{}: {kind} – {}",
        crate::i18n::t_in(lang, "ui.ics.deadline"),
        sponsor.name
    ));
    all_day(&mut entry, d.due);
    entry.description(&format!(
        "{}: {} ({})\n{}: {}",
        crate::i18n::t_in(lang, "ui.ics.sponsor"),
        sponsor.name,
        sponsor.id,
        crate::i18n::t_in(lang, "ui.ics.project"),
        sponsor.project
    ));
    entry.add_property("CATEGORIES", crate::i18n::t_in(lang, "ui.ics.deadline"));
    status(&mut entry, false);
    entry.done()
}

/// Events for publishing (`event list --format ics`): titles, place, time,
/// languages — nothing else about them.
pub fn events<'a>(
    events: impl IntoIterator<Item = &'a Event>,
    config: &Config,
    opts: Options,
) -> String {
    let mut cal = calendar(config, opts.lang);
    for e in events {
        let mut entry = icalendar::Event::new();
        entry
            .uid(&format!("{}@quartier", e.id))
            .timestamp(opts.stamp);
        entry.summary(&e.title);
        when(&mut entry, e.date, e.time, None);
        if let Some(l) = &e.location {
            entry.location(l);
        }
        if !e.languages.is_empty() {
            entry.description(&format!(
                "{}: {}",
                crate::i18n::t_in(opts.lang, "ui.ics.languages"),
                language_names(&e.languages, opts.lang)
            ));
        }
        status(&mut entry, e.status == EventStatus::Cancelled);
        cal.push(entry.done());
    }
    finish(cal)
}

fn calendar(config: &Config, lang: Lang) -> Calendar {
    let mut cal = Calendar::empty();
    cal.append_property(icalendar::Property::new("VERSION", "2.0"));
    cal.append_property(icalendar::Property::new(
        "PRODID",
        "-//quartier//Stadtteilmanagement//DE",
    ));
    cal.append_property(icalendar::Property::new("CALSCALE", "GREGORIAN"));
    cal.name(&config.office.name);
    cal.description(crate::i18n::t_in(
        lang,
        "ui.ics.appointments-events-and-follow-ups",
    ));
    cal.timezone(TZID);
    cal
}

/// The text with the time zone block before the first entry.
fn finish(cal: Calendar) -> String {
    let text = cal.to_string();
    let at = text
        .find("BEGIN:VEVENT")
        .or_else(|| text.find("END:VCALENDAR"))
        .unwrap_or(text.len());
    let mut out = String::with_capacity(text.len() + VTIMEZONE.len());
    out.push_str(&text[..at]);
    out.push_str(VTIMEZONE);
    out.push_str(&text[at..]);
    out
}

/// Start and end: a local time in Europe/Berlin and its length, or the whole day.
fn when(
    entry: &mut icalendar::Event,
    date: NaiveDate,
    time: Option<NaiveTime>,
    minutes: Option<i64>,
) {
    match time {
        Some(t) => {
            let start = date.and_time(t);
            let minutes = minutes.filter(|m| *m > 0).unwrap_or(DEFAULT_MINUTES);
            let end = start
                .checked_add_signed(chrono::Duration::minutes(minutes))
                .unwrap_or(start);
            entry.starts(icalendar::CalendarDateTime::WithTimezone {
                date_time: start,
                tzid: TZID.to_string(),
            });
            entry.ends(icalendar::CalendarDateTime::WithTimezone {
                date_time: end,
                tzid: TZID.to_string(),
            });
        }
        None => all_day(entry, date),
    }
}

/// A whole day: `DTSTART;VALUE=DATE` and the next day as the (exclusive) end.
fn all_day(entry: &mut icalendar::Event, day: NaiveDate) {
    entry.starts(day);
    entry.ends(day.checked_add_days(Days::new(1)).unwrap_or(day));
}

fn status(entry: &mut icalendar::Event, cancelled: bool) {
    entry.status(if cancelled {
        IcsStatus::Cancelled
    } else {
        IcsStatus::Confirmed
    });
}

fn topic_labels(topics: &[String], config: &Config, lang: Lang) -> String {
    topics
        .iter()
        .map(|t| config.topic_label(t, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn language_names(codes: &[String], lang: Lang) -> String {
    codes
        .iter()
        .map(|c| crate::names::language(c, lang))
        .collect::<Vec<_>>()
        .join(", ")
}

fn appointment_entry(
    a: &Appointment,
    records: &Records,
    config: &Config,
    opts: Options,
) -> icalendar::Event {
    let lang = opts.lang;
    let mut entry = icalendar::Event::new();
    entry
        .uid(&format!("{}@quartier", a.id))
        .timestamp(opts.stamp);
    let mut lines = Vec::new();
    let summary = match a.kind {
        AppointmentKind::Consultation => {
            let mut s = a.kind.label(lang).to_string();
            if opts.with_codes
                && let Some(c) = &a.client
            {
                s.push_str(&format!(" {c}"));
            }
            s
        }
        AppointmentKind::Sponsor => {
            let slug = a.sponsor.as_deref().unwrap_or_default();
            let name = records
                .sponsors
                .iter()
                .find(|s| s.record.id == slug)
                .map(|s| s.record.name.as_str())
                .unwrap_or(slug);
            format!("{}: {name}", a.kind.label(lang))
        }
        AppointmentKind::Organisation => {
            let slug = a.partner.as_deref().unwrap_or_default();
            let name = records
                .partners
                .iter()
                .find(|p| p.record.id == slug)
                .map(|p| p.record.name.as_str())
                .unwrap_or(slug);
            format!("{}: {name}", a.kind.label(lang))
        }
    };
    entry.summary(&summary);
    when(&mut entry, a.date, a.time, a.duration);
    if !a.topics.is_empty() {
        let topics = match a.kind {
            // free words at sponsor meetings
            AppointmentKind::Sponsor => a.topics.join(", "),
            AppointmentKind::Consultation | AppointmentKind::Organisation => {
                topic_labels(&a.topics, config, lang)
            }
        };
        lines.push(format!(
            "{}: {topics}",
            crate::i18n::t_in(lang, "ui.ics.topics")
        ));
    }
    if let Some(l) = &a.language {
        lines.push(format!(
            "{}: {}",
            crate::i18n::t_in(lang, "ui.ics.language"),
            crate::names::language(l, lang)
        ));
    }
    if let Some(s) = &a.staff {
        lines.push(format!("{}: {s}", crate::i18n::t_in(lang, "ui.ics.staff")));
    }
    if !lines.is_empty() {
        entry.description(&lines.join("\n"));
    }
    entry.add_property("CATEGORIES", a.kind.label(lang));
    status(&mut entry, a.status == AppointmentStatus::Cancelled);
    entry.done()
}

fn event_entry(e: &Event, config: &Config, opts: Options) -> icalendar::Event {
    let lang = opts.lang;
    let mut entry = icalendar::Event::new();
    entry
        .uid(&format!("{}@quartier", e.id))
        .timestamp(opts.stamp);
    entry.summary(&e.title);
    when(&mut entry, e.date, e.time, None);
    if let Some(l) = &e.location {
        entry.location(l);
    }
    let mut lines = vec![format!(
        "{}: {}",
        crate::i18n::t_in(lang, "ui.ics.kind"),
        e.kind.label(lang)
    )];
    if !e.topics.is_empty() {
        lines.push(format!(
            "{}: {}",
            crate::i18n::t_in(lang, "ui.ics.topics"),
            topic_labels(&e.topics, config, lang)
        ));
    }
    if !e.languages.is_empty() {
        lines.push(format!(
            "{}: {}",
            crate::i18n::t_in(lang, "ui.ics.languages"),
            language_names(&e.languages, lang)
        ));
    }
    if !e.partners.is_empty() {
        lines.push(format!(
            "{}: {}",
            crate::i18n::t_in(lang, "ui.ics.partners"),
            e.partners.join(", ")
        ));
    }
    if !e.sponsors.is_empty() {
        lines.push(format!(
            "{}: {}",
            crate::i18n::t_in(lang, "ui.ics.sponsors"),
            e.sponsors.join(", ")
        ));
    }
    entry.description(&lines.join("\n"));
    entry.add_property("CATEGORIES", e.kind.label(lang));
    status(&mut entry, e.status == EventStatus::Cancelled);
    entry.done()
}

fn follow_up_entry(r: &Referral, config: &Config, opts: Options) -> icalendar::Event {
    let lang = opts.lang;
    let mut entry = icalendar::Event::new();
    entry
        .uid(&format!("{}-follow-up@quartier", r.id))
        .timestamp(opts.stamp);
    let mut summary = format!(
        "{}: {} → {}",
        crate::i18n::t_in(lang, "ui.ics.follow-up"),
        config.topic_label(&r.topic, lang),
        r.partner
    );
    if opts.with_codes {
        summary.push_str(&format!(" ({})", r.client));
    }
    entry.summary(&summary);
    all_day(&mut entry, r.follow_up.unwrap_or(r.date));
    entry.description(&format!(
        "{}: {}\n{}: {}",
        crate::i18n::t_in(lang, "ui.ics.referral"),
        r.id,
        crate::i18n::t_in(lang, "ui.ics.partner"),
        r.partner
    ));
    status(&mut entry, false);
    entry.done()
}
