//! (v2) The figures of short contacts and of consultations of organisations
//! (SPEC §3.1 `contacts`, `organisations`): the counselling that has no
//! client code behind it. Pure functions of the records and the period.

use super::{Breakdown, UNKNOWN};
use crate::dates::Period;
use crate::model::{Appointment, AppointmentKind, AppointmentStatus, Contact};
use crate::store::Records;
use serde::Serialize;
use std::collections::{BTreeSet, HashMap};

/// `contacts`: the short contacts dated in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContactFigures {
    pub total: u64,
    pub by_kind: Breakdown,
    /// Each topic once per contact.
    pub by_topic: Breakdown,
    /// `unknown` when a contact has no `language`.
    pub by_language: Breakdown,
    /// Contacts pointed to at least one partner.
    pub referred: u64,
}

/// `organisations`: the consultations of organisations held in the period.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OrganisationFigures {
    pub consultations: u64,
    /// Distinct partners consulted.
    pub organisations: u64,
    /// Consultations by the partner's `kind`.
    pub by_partner_kind: Breakdown,
    /// Each topic once per consultation.
    pub by_topic: Breakdown,
}

fn count(map: &mut Breakdown, key: &str) {
    *map.entry(key.to_string()).or_default() += 1;
}

/// The contacts dated in `period`.
pub fn contacts_in(records: &Records, period: Period) -> impl Iterator<Item = &Contact> {
    records
        .contacts
        .iter()
        .map(|e| &e.record)
        .filter(move |c| period.contains(c.date))
}

/// The consultations of organisations held (`done`) in `period`.
pub fn organisation_consultations(
    records: &Records,
    period: Period,
) -> impl Iterator<Item = &Appointment> {
    records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(move |a| {
            a.kind == AppointmentKind::Organisation
                && a.status == AppointmentStatus::Done
                && period.contains(a.date)
        })
}

pub fn contacts(records: &Records, period: Period) -> ContactFigures {
    let mut f = ContactFigures::default();
    for c in contacts_in(records, period) {
        f.total += 1;
        count(&mut f.by_kind, c.kind.code());
        let topics: BTreeSet<&str> = c.topics.iter().map(String::as_str).collect();
        for topic in topics {
            count(&mut f.by_topic, topic);
        }
        count(&mut f.by_language, c.language.as_deref().unwrap_or(UNKNOWN));
        if !c.referred_to.is_empty() {
            f.referred += 1;
        }
    }
    f
}

pub fn organisations(records: &Records, period: Period) -> OrganisationFigures {
    let kinds: HashMap<&str, &str> = records
        .partners
        .iter()
        .map(|p| (p.id.as_str(), p.kind.code()))
        .collect();
    let mut f = OrganisationFigures::default();
    let mut partners = BTreeSet::new();
    for a in organisation_consultations(records, period) {
        f.consultations += 1;
        if let Some(p) = a.partner.as_deref() {
            partners.insert(p);
            // a report refuses records whose partner does not exist
            // (`missing_references`), so every partner has its kind
            count(
                &mut f.by_partner_kind,
                kinds.get(p).copied().unwrap_or(UNKNOWN),
            );
        }
        let topics: BTreeSet<&str> = a.topics.iter().map(String::as_str).collect();
        for topic in topics {
            count(&mut f.by_topic, topic);
        }
    }
    f.organisations = partners.len() as u64;
    f
}
