//! The report builder: records and a period in, every figure of SPEC §3.1
//! out. Pure: it reads nothing but its arguments.

use super::*;
use crate::model::{
    Appointment, AppointmentKind, AppointmentStatus, Client, Config, Event, EventKind, EventStatus,
    Kind, Referral, ReferralStatus,
};
use crate::store::{Finding, Records};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

/// Builds the report of `period`. Fails with findings (paths relative to
/// the records folder) when a record refers to a client, partner or sponsor
/// that does not exist: a report never silently drops what it cannot place.
pub fn build(
    records: &Records,
    config: &Config,
    period: Period,
    kind: ReportKind,
) -> Result<Report, Vec<Finding>> {
    let clients: HashSet<&str> = records.clients.iter().map(|e| e.id.as_str()).collect();
    build_with(
        records,
        config,
        period,
        kind,
        crate::dates::today(),
        &|id| clients.contains(id),
    )
}

/// Like [`build`] when `records` holds only the clients the report counts
/// ([`clients_needed`]): `client_exists` says which other clients there are.
/// `today` decides which `planned` records lie in the past (`quality`).
pub fn build_with(
    records: &Records,
    config: &Config,
    period: Period,
    kind: ReportKind,
    today: NaiveDate,
    client_exists: &dyn Fn(&str) -> bool,
) -> Result<Report, Vec<Finding>> {
    let mut missing = missing_references(records, client_exists);
    missing.extend(printed_personal_data(records, period));
    if !missing.is_empty() {
        return Err(missing);
    }
    let clients: HashMap<&str, &Client> = records
        .clients
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();

    let counted = (kind.has_year_to_date() || kind.has_targets())
        .then(|| totals(records, &clients, period.year_to_date()));
    let year_to_date = counted.filter(|_| kind.has_year_to_date());
    let targets = counted
        .filter(|_| kind.has_targets())
        .and_then(|actual| targets(config, period, &actual));

    Ok(Report {
        kind,
        period: ReportPeriod {
            from: period.from,
            to: period.to,
        },
        office: OfficeInfo {
            name: config.office.name.clone(),
            area: config.area.name.clone(),
            operator: config.office.operator.clone(),
            programme: config.office.programme.clone(),
        },
        consultations: consultations(records, period),
        clients: client_figures(records, &clients, config, period),
        referrals: referrals(records, period),
        events: events(records, period),
        sponsors: sponsors(records, config, period),
        contacts: super::contacts::contacts(records, period),
        organisations: super::contacts::organisations(records, period),
        quality: super::quality::quality(records, period, today),
        year_to_date,
        targets,
        source: Source::default(),
        amended: None,
        names: Names {
            partners: records
                .partners
                .iter()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
            sponsors: records
                .sponsors
                .iter()
                .map(|e| (e.id.clone(), e.name.clone()))
                .collect(),
        },
        stale_after_days: config.sponsors.stale_after_days,
        regulation: config.esf.regulation,
    })
}

/// The clients whose records a report counts: those of the consultations
/// among `records` (the appointments a report reads), and those of the
/// referrals made in `period` (whose consent `quality` looks at).
pub fn clients_needed(records: &Records, period: Period) -> BTreeSet<&str> {
    records
        .appointments
        .iter()
        .filter(|a| a.kind == AppointmentKind::Consultation)
        .filter_map(|a| a.client.as_deref())
        .chain(referrals_made(records, period).map(|r| r.client.as_str()))
        .collect()
}

/// Contact data in the free text a report prints (the titles of its
/// events): an error naming the file, so that no report hands a phone number
/// to the city or the funder. A privacy warning elsewhere (a client's notes,
/// which no report prints) does not stop a report.
fn printed_personal_data(records: &Records, period: Period) -> Vec<Finding> {
    records
        .events
        .iter()
        .filter(|e| e.record.status == EventStatus::Done && period.contains(e.record.date))
        .flat_map(|e| {
            crate::privacy::scan(&e.record.title)
                .into_iter()
                .map(move |hit| {
                    Finding::error(
                        &e.path,
                        None,
                        crate::finding!("privacy-report-title", hit = hit, id = e.record.id),
                    )
                })
        })
        .collect()
}

/// References to clients, partners and sponsors (the latter two always read
/// in full) that lead nowhere.
pub(super) fn missing_references(
    records: &Records,
    client_exists: &dyn Fn(&str) -> bool,
) -> Vec<Finding> {
    let partners: HashSet<&str> = records.partners.iter().map(|e| e.id.as_str()).collect();
    let sponsors: HashSet<&str> = records.sponsors.iter().map(|e| e.id.as_str()).collect();
    let clients = client_exists;
    let partners = |id: &str| partners.contains(id);
    let sponsors = |id: &str| sponsors.contains(id);
    let mut out = Vec::new();
    let mut need = |path: &Path, known: &dyn Fn(&str) -> bool, what: Kind, id: &str| {
        if !known(id) {
            out.push(Finding::error(
                path,
                None,
                crate::finding!("report-reference-missing", kind = what.label(), id = id),
            ));
        }
    };
    for a in &records.appointments {
        match a.kind {
            AppointmentKind::Consultation => {
                if let Some(c) = &a.client {
                    need(&a.path, &clients, Kind::Client, c);
                }
            }
            AppointmentKind::Sponsor => {
                if let Some(s) = &a.sponsor {
                    need(&a.path, &sponsors, Kind::Sponsor, s);
                }
            }
            AppointmentKind::Organisation => {
                if let Some(p) = &a.partner {
                    need(&a.path, &partners, Kind::Partner, p);
                }
            }
        }
    }
    for c in &records.contacts {
        for p in &c.referred_to {
            need(&c.path, &partners, Kind::Partner, p);
        }
    }
    for r in &records.referrals {
        need(&r.path, &clients, Kind::Client, &r.client);
        need(&r.path, &partners, Kind::Partner, &r.partner);
    }
    for e in &records.events {
        for p in &e.partners {
            need(&e.path, &partners, Kind::Partner, p);
        }
        for s in &e.sponsors {
            need(&e.path, &sponsors, Kind::Sponsor, s);
        }
    }
    out
}

fn count(map: &mut Breakdown, key: &str) {
    *map.entry(key.to_string()).or_default() += 1;
}

fn non_negative(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn consultations_with(
    records: &Records,
    period: Period,
    status: AppointmentStatus,
) -> impl Iterator<Item = &Appointment> {
    records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(move |a| {
            a.kind == AppointmentKind::Consultation && a.status == status && period.contains(a.date)
        })
}

fn held_consultations(records: &Records, period: Period) -> impl Iterator<Item = &Appointment> {
    consultations_with(records, period, AppointmentStatus::Done)
}

fn sponsor_meetings(records: &Records, period: Period) -> impl Iterator<Item = &Appointment> {
    records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(move |a| {
            a.kind == AppointmentKind::Sponsor
                && a.status == AppointmentStatus::Done
                && period.contains(a.date)
        })
}

fn held_events(records: &Records, period: Period) -> impl Iterator<Item = &Event> {
    records
        .events
        .iter()
        .map(|e| &e.record)
        .filter(move |e| e.status == EventStatus::Done && period.contains(e.date))
}

fn referrals_made(records: &Records, period: Period) -> impl Iterator<Item = &Referral> {
    records
        .referrals
        .iter()
        .map(|e| &e.record)
        .filter(move |r| period.contains(r.date))
}

/// The distinct clients of the consultations held in `period`.
fn unique_clients<'a>(
    records: &'a Records,
    clients: &HashMap<&str, &'a Client>,
    period: Period,
) -> Vec<&'a Client> {
    let ids: BTreeSet<&str> = held_consultations(records, period)
        .filter_map(|a| a.client.as_deref())
        .collect();
    ids.into_iter()
        .filter_map(|id| clients.get(id).copied())
        .collect()
}

fn participants_total(e: &Event) -> u64 {
    e.participants.map_or(0, |p| non_negative(p.total))
}

fn consultations(records: &Records, period: Period) -> Consultations {
    let mut c = Consultations {
        cancelled: consultations_with(records, period, AppointmentStatus::Cancelled).count() as u64,
        no_show: consultations_with(records, period, AppointmentStatus::NoShow).count() as u64,
        ..Consultations::default()
    };
    for a in held_consultations(records, period) {
        c.held += 1;
        c.minutes = c.minutes.saturating_add(a.duration.map_or(0, non_negative));
        c.family_members += non_negative(a.family_members);
        if a.interpreter {
            c.with_interpreter += 1;
        }
        let topics: BTreeSet<&str> = a.topics.iter().map(String::as_str).collect();
        for topic in topics {
            count(&mut c.by_topic, topic);
        }
        count(&mut c.by_language, a.language.as_deref().unwrap_or(UNKNOWN));
        count(
            &mut c.by_channel,
            a.channel.unwrap_or(crate::model::Channel::InPerson).code(),
        );
    }
    c
}

fn client_figures(
    records: &Records,
    clients: &HashMap<&str, &Client>,
    config: &Config,
    period: Period,
) -> Clients {
    let mut c = Clients::default();
    for client in unique_clients(records, clients, period) {
        c.unique += 1;
        if period.contains(client.first_contact) {
            c.new += 1;
        }
        if client
            .district
            .as_deref()
            .is_some_and(|d| config.in_area(d))
        {
            c.in_area += 1;
        }
        count(&mut c.by_gender, client.gender.code());
        count(
            &mut c.by_age_group,
            super::age::band(
                config.esf.regulation,
                client.birth_year,
                i64::from(client.first_contact.year()),
            ),
        );
        count(
            &mut c.by_origin,
            client.origin.as_deref().unwrap_or(UNKNOWN),
        );
        count(&mut c.by_residence, client.residence.code());
        count(&mut c.by_employment, client.employment.code());
        count(
            &mut c.by_district,
            client.district.as_deref().unwrap_or(UNKNOWN),
        );
    }
    c
}

fn referrals(records: &Records, period: Period) -> Referrals {
    let mut r = Referrals::default();
    for referral in referrals_made(records, period) {
        r.made += 1;
        count(&mut r.by_partner, &referral.partner);
        count(&mut r.by_topic, &referral.topic);
    }
    for referral in records.referrals.iter().map(|e| &e.record) {
        if referral.closed.is_some_and(|c| period.contains(c)) {
            match referral.status {
                ReferralStatus::Done => r.done += 1,
                ReferralStatus::Failed => r.failed += 1,
                ReferralStatus::Withdrawn => r.withdrawn += 1,
                ReferralStatus::Open => {}
            }
        }
        if referral.open_on(period.to) {
            r.open_at_end += 1;
            if referral.follow_up.is_some_and(|f| f < period.to) {
                r.overdue += 1;
            }
        }
    }
    r
}

fn events(records: &Records, period: Period) -> Events {
    let mut ev = Events::default();
    for e in held_events(records, period) {
        ev.held += 1;
        count(&mut ev.by_kind, e.kind.code());
        if let Some(p) = e.participants {
            ev.participants.total = ev.participants.total.saturating_add(non_negative(p.total));
            ev.participants.women = ev.participants.women.saturating_add(non_negative(p.women));
            ev.participants.men = ev.participants.men.saturating_add(non_negative(p.men));
            ev.participants.diverse = ev
                .participants
                .diverse
                .saturating_add(non_negative(p.diverse));
            ev.participants.migrants = ev
                .participants
                .migrants
                .saturating_add(non_negative(p.migrants));
        }
        ev.list.push(EventLine {
            date: e.date,
            id: e.id.clone(),
            title: e.title.clone(),
            kind: e.kind.code().to_string(),
            participants: participants_total(e),
        });
    }
    ev.list
        .sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    ev
}

fn sponsors(records: &Records, config: &Config, period: Period) -> Sponsors {
    let mut s = Sponsors::default();
    let by_id: HashMap<&str, _> = records
        .sponsors
        .iter()
        .map(|e| (e.id.as_str(), &e.record))
        .collect();
    for sponsor in records.sponsors.iter().map(|e| &e.record) {
        if sponsor.overlaps(period.from, period.to) {
            s.active += 1;
            s.by_sponsor.insert(sponsor.id.clone(), 0);
        }
    }
    for meeting in sponsor_meetings(records, period) {
        s.meetings += 1;
        if let Some(slug) = meeting.sponsor.as_deref() {
            count(&mut s.by_sponsor, slug);
            if let Some(sponsor) = by_id.get(slug) {
                count(&mut s.by_field, sponsor.field.code());
            }
        }
    }
    s.network_events = held_events(records, period)
        .filter(|e| e.kind == EventKind::Network)
        .count() as u64;

    let mut last_meeting: HashMap<&str, NaiveDate> = HashMap::new();
    for a in records.appointments.iter().map(|e| &e.record) {
        if a.kind == AppointmentKind::Sponsor
            && a.status == AppointmentStatus::Done
            && a.date <= period.to
            && let Some(slug) = a.sponsor.as_deref()
        {
            let last = last_meeting.entry(slug).or_insert(a.date);
            *last = (*last).max(a.date);
        }
    }
    s.stale = records
        .sponsors
        .iter()
        .filter(|e| e.runs_on(period.to))
        .filter(|e| {
            last_meeting.get(e.id.as_str()).is_none_or(|last| {
                (period.to - *last).num_days() > config.sponsors.stale_after_days
            })
        })
        .map(|e| e.id.clone())
        .collect();
    s.stale.sort();
    let all = || records.sponsors.iter().map(|e| &e.record);
    s.continuation = super::office::continuation(all(), period);
    s.deadlines = super::office::deadlines(all(), period);
    s
}

/// The year-to-date figures over `period`.
pub(super) fn totals(
    records: &Records,
    clients: &HashMap<&str, &Client>,
    period: Period,
) -> YearToDate {
    let unique = unique_clients(records, clients, period);
    YearToDate {
        consultations: held_consultations(records, period).count() as u64,
        unique_clients: unique.len() as u64,
        new_clients: unique
            .iter()
            .filter(|c| period.contains(c.first_contact))
            .count() as u64,
        events: held_events(records, period).count() as u64,
        event_participants: held_events(records, period)
            .map(participants_total)
            .fold(0, u64::saturating_add),
        sponsor_meetings: sponsor_meetings(records, period).count() as u64,
        referrals: referrals_made(records, period).count() as u64,
        contacts: super::contacts::contacts_in(records, period).count() as u64,
        organisation_consultations: super::contacts::organisation_consultations(records, period)
            .count() as u64,
    }
}

/// The targets configured for `to`'s year against the figures from 1 January
/// to `to` (in a yearly report: the whole year).
fn targets(config: &Config, period: Period, actual: &YearToDate) -> Option<TargetTable> {
    let entries = config.targets_for(period.to.year())?.entries();
    if entries.is_empty() {
        return None;
    }
    Some(TargetTable(
        entries
            .into_iter()
            .map(|(key, target)| TargetLine::new(key, target, actual.figure(key).unwrap_or(0)))
            .collect(),
    ))
}

#[cfg(test)]
mod tests;
