//! What a load gives: the records read, by kind, each with its file
//! ([`Records`], [`Entry`]), and which folders a load reads ([`Scope`],
//! [`MonthRange`]).

use super::Finding;
use crate::model::*;
use std::ops::Deref;
use std::path::PathBuf;

/// A record with the file it was read from (relative to the records root).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<T> {
    pub path: PathBuf,
    pub record: T,
}

impl<T> Deref for Entry<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.record
    }
}

/// Every record read, by kind, each list sorted by id.
#[derive(Debug, Clone, Default)]
pub struct Records {
    pub sponsors: Vec<Entry<Sponsor>>,
    pub partners: Vec<Entry<Partner>>,
    pub clients: Vec<Entry<Client>>,
    pub appointments: Vec<Entry<Appointment>>,
    pub referrals: Vec<Entry<Referral>>,
    pub events: Vec<Entry<Event>>,
    pub contacts: Vec<Entry<Contact>>,
}

impl Records {
    pub fn len(&self) -> usize {
        self.sponsors.len()
            + self.partners.len()
            + self.clients.len()
            + self.appointments.len()
            + self.referrals.len()
            + self.events.len()
            + self.contacts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub(super) fn push(&mut self, path: PathBuf, record: Record) {
        match record {
            Record::Sponsor(record) => self.sponsors.push(Entry { path, record }),
            Record::Partner(record) => self.partners.push(Entry { path, record }),
            Record::Client(record) => self.clients.push(Entry { path, record }),
            Record::Appointment(record) => self.appointments.push(Entry { path, record }),
            Record::Referral(record) => self.referrals.push(Entry { path, record }),
            Record::Event(record) => self.events.push(Entry { path, record }),
            Record::Contact(record) => self.contacts.push(Entry { path, record }),
        }
    }

    /// By id; records with the same id (an error `check` reports) by path.
    pub(super) fn sort(&mut self) {
        fn by_id<T>(entries: &mut [Entry<T>], id: impl Fn(&T) -> &str) {
            entries.sort_by(|a, b| {
                id(&a.record)
                    .cmp(id(&b.record))
                    .then_with(|| a.path.cmp(&b.path))
            });
        }
        by_id(&mut self.sponsors, |r| &r.id);
        by_id(&mut self.partners, |r| &r.id);
        by_id(&mut self.clients, |r| &r.id);
        by_id(&mut self.appointments, |r| &r.id);
        by_id(&mut self.referrals, |r| &r.id);
        by_id(&mut self.events, |r| &r.id);
        by_id(&mut self.contacts, |r| &r.id);
    }
}

/// Inclusive range of `YYYY/MM` folders; an open end reaches the first or last folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MonthRange {
    pub from: Option<(i32, u32)>,
    pub to: Option<(i32, u32)>,
}

impl MonthRange {
    pub const ALL: MonthRange = MonthRange {
        from: None,
        to: None,
    };

    pub fn contains(&self, ym: (i32, u32)) -> bool {
        self.from.is_none_or(|f| ym >= f) && self.to.is_none_or(|t| ym <= t)
    }

    pub fn overlaps_year(&self, year: i32) -> bool {
        self.from.is_none_or(|f| f <= (year, 12)) && self.to.is_none_or(|t| t >= (year, 1))
    }
}

/// Which files to read. Dated kinds are read by month folder.
#[derive(Debug, Clone, Default)]
pub struct Scope {
    pub undated: bool,
    /// With `undated` and not empty: only these undated kinds (a list of
    /// sponsors need not read every client).
    pub undated_only: Vec<Kind>,
    pub appointments: Vec<MonthRange>,
    pub referrals: Vec<MonthRange>,
    pub events: Vec<MonthRange>,
    pub contacts: Vec<MonthRange>,
}

impl Scope {
    /// Everything.
    pub fn all() -> Scope {
        Scope {
            undated: true,
            undated_only: Vec::new(),
            appointments: vec![MonthRange::ALL],
            referrals: vec![MonthRange::ALL],
            events: vec![MonthRange::ALL],
            contacts: vec![MonthRange::ALL],
        }
    }

    pub(super) fn months_of(&self, kind: Kind) -> &[MonthRange] {
        match kind {
            Kind::Appointment => &self.appointments,
            Kind::Referral => &self.referrals,
            Kind::Event => &self.events,
            Kind::Contact => &self.contacts,
            Kind::Sponsor | Kind::Partner | Kind::Client => &[],
        }
    }

    /// Only the records of `kind` in the months of `range` (an undated
    /// kind: all of them).
    pub fn of_months(kind: Kind, range: MonthRange) -> Scope {
        let mut scope = Scope::default();
        match kind {
            Kind::Appointment => scope.appointments.push(range),
            Kind::Referral => scope.referrals.push(range),
            Kind::Event => scope.events.push(range),
            Kind::Contact => scope.contacts.push(range),
            Kind::Sponsor | Kind::Partner | Kind::Client => return Scope::undated_kinds(&[kind]),
        }
        scope
    }

    /// Only the records of these undated kinds.
    pub fn undated_kinds(kinds: &[Kind]) -> Scope {
        Scope {
            undated: true,
            undated_only: kinds.to_vec(),
            ..Scope::default()
        }
    }

    pub(super) fn wants_undated(&self, kind: Kind) -> bool {
        self.undated && (self.undated_only.is_empty() || self.undated_only.contains(&kind))
    }

    pub(super) fn wants(&self, kind: Kind, ym: Option<(i32, u32)>) -> bool {
        if !kind.is_dated() {
            return self.wants_undated(kind);
        }
        match ym {
            Some(ym) => self.months_of(kind).iter().any(|r| r.contains(ym)),
            None => !self.months_of(kind).is_empty(),
        }
    }
}

pub struct LoadResult {
    pub records: Records,
    pub findings: Vec<Finding>,
}

impl LoadResult {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_ranges() {
        let r = MonthRange {
            from: Some((2026, 1)),
            to: Some((2026, 10)),
        };
        assert!(r.contains((2026, 1)) && r.contains((2026, 10)));
        assert!(!r.contains((2025, 12)) && !r.contains((2026, 11)));
        assert!(MonthRange::ALL.contains((1999, 1)));
    }
}
