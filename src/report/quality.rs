//! (v2) The `quality` section (SPEC §3.1): what would make the figures of
//! a period wrong, so that staff fix it before handing a report in. Each
//! figure is the list of the files behind it (relative to the records
//! folder); the JSON holds their counts and `check --completeness` lists
//! them.

use super::{Quality, UNKNOWN};
use crate::dates::Period;
use crate::model::{AppointmentKind, AppointmentStatus, Client, EventStatus};
use crate::store::{Entry, Records};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;

/// The quality figures of `period`; `today` decides what lies in the past.
pub fn quality(records: &Records, period: Period, today: NaiveDate) -> Quality {
    let clients: HashMap<&str, &Entry<Client>> =
        records.clients.iter().map(|e| (e.id.as_str(), e)).collect();
    let held: Vec<_> = records
        .appointments
        .iter()
        .filter(|a| {
            a.kind == AppointmentKind::Consultation
                && a.status == AppointmentStatus::Done
                && period.contains(a.date)
        })
        .collect();
    let held_events = records
        .events
        .iter()
        .filter(|e| e.status == EventStatus::Done && period.contains(e.date));
    let past = |d: NaiveDate| period.contains(d) && d < today;
    let unique: BTreeSet<&str> = held.iter().filter_map(|a| a.client.as_deref()).collect();
    Quality {
        consultations_without_topics: paths(
            held.iter().filter(|a| a.topics.is_empty()).map(|a| &a.path),
        ),
        consultations_without_duration: paths(
            held.iter()
                .filter(|a| a.duration.is_none())
                .map(|a| &a.path),
        ),
        events_without_split: paths(
            held_events
                .filter(|e| {
                    e.participants
                        .is_some_and(|p| p.women + p.men + p.diverse < p.total)
                })
                .map(|e| &e.path),
        ),
        planned_in_past: paths(
            records
                .appointments
                .iter()
                .filter(|a| a.status == AppointmentStatus::Planned && past(a.date))
                .map(|a| &a.path)
                .chain(
                    records
                        .events
                        .iter()
                        .filter(|e| e.status == EventStatus::Planned && past(e.date))
                        .map(|e| &e.path),
                ),
        ),
        clients_incomplete: paths(
            unique
                .iter()
                .filter_map(|id| clients.get(id))
                .filter(|c| incomplete(c))
                .map(|c| &c.path),
        ),
        referrals_without_consent: paths(
            records
                .referrals
                .iter()
                .filter(|r| period.contains(r.date))
                .filter(|r| {
                    // the rule `check` warns by (SPEC §1.3): an entry covering
                    // that partner on the referral's day; a later withdrawal
                    // never makes an earlier referral uncovered (Art. 7(3))
                    clients.get(r.client.as_str()).is_some_and(|c| {
                        !crate::model::consent::referral_covered(
                            c.consent,
                            &c.consents,
                            &r.partner,
                            r.date,
                        )
                    })
                })
                .map(|r| &r.path),
        ),
    }
}

fn paths<'a>(it: impl Iterator<Item = &'a std::path::PathBuf>) -> Vec<String> {
    let set: BTreeSet<String> = it.map(|p| shown(p)).collect();
    set.into_iter().collect()
}

/// A path inside the records folder with `/` between the parts.
fn shown(p: &Path) -> String {
    p.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A client with any of gender, birth year, origin, residence, employment
/// or district missing or `unknown`.
pub fn incomplete(c: &Client) -> bool {
    c.gender.code() == UNKNOWN
        || c.birth_year.is_none()
        || c.origin.is_none()
        || c.residence.code() == UNKNOWN
        || c.employment.code() == UNKNOWN
        || c.district.as_deref().is_none_or(|d| d == UNKNOWN)
}
