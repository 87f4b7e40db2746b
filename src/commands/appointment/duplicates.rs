//! The warning when `appointment add` writes a consultation that looks like
//! one already recorded (same client, day and time): the record is kept,
//! the person is told, so a consultation typed twice is noticed at once.

use crate::model::{Appointment, AppointmentKind, Config, Record};
use crate::store::{MonthRange, Scope, Store};
use chrono::Datelike;

/// Ids of other consultations with the client, date and time of `new`.
pub fn duplicates_of(store: &Store, config: &Config, new: &Appointment) -> Vec<String> {
    let (Some(client), Some(time)) = (&new.client, new.time) else {
        return Vec::new();
    };
    if new.kind != AppointmentKind::Consultation {
        return Vec::new();
    }
    let ym = Some((new.date.year(), new.date.month()));
    let scope = Scope {
        appointments: vec![MonthRange { from: ym, to: ym }],
        ..Scope::default()
    };
    store
        .load(config, &scope)
        .records
        .appointments
        .iter()
        .map(|e| &e.record)
        .filter(|a| {
            a.id != new.id
                && a.kind == AppointmentKind::Consultation
                && a.date == new.date
                && a.time == Some(time)
                && a.client.as_deref() == Some(client.as_str())
        })
        .map(|a| a.id.clone())
        .collect()
}

/// Prints the duplicate warning for a record just written, if any.
pub fn warn_duplicates(store: &Store, config: &Config, record: &Record) {
    let Record::Appointment(a) = record else {
        return;
    };
    let same = duplicates_of(store, config, a);
    if !same.is_empty() {
        eprintln!(
            "{}",
            crate::tr!(
                "duplicates.warning",
                client = a.client.as_deref().unwrap_or_default(),
                date = crate::report::labels::date(a.date, crate::i18n::lang()),
                time = a
                    .time
                    .map(|t| t.format("%H:%M").to_string())
                    .unwrap_or_default(),
                ids = same.join(", "),
                id = a.id
            )
        );
    }
}
