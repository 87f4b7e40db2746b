//! The rules that relate records to each other, each written once over a
//! [`Lookup`]: `check` looks records up in the loaded folder
//! ([`RecordsLookup`]), a write path in the store, one file at a time
//! ([`StoreLookup`]) — so both give the same verdict.

use crate::finding;
use crate::model::read::{Msg, Severity};
use crate::model::{Appointment, Client, Config, Contact, Event, Kind, Record, Referral};
use crate::store::{Entry, Finding, Records, Store, line_of};
use std::borrow::Cow;
use std::collections::HashSet;
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// One cross-record rule: its name and the records it judges.
pub struct CrossRule {
    pub name: &'static str,
    /// `true`: also run before every write of such a record.
    pub on_write: bool,
}

/// Every cross-record rule (the functions below implement them).
pub static CROSS_RULES: &[CrossRule] = &[
    CrossRule {
        name: "duplicate ids (whole folder only: a new record gets a fresh id)",
        on_write: false,
    },
    CrossRule {
        name: "references to sponsors, partners, clients, appointments that exist",
        on_write: true,
    },
    CrossRule {
        name: "referral consent of the client (warning; a write goes through with it, except on or after a withdrawal for that partner)",
        on_write: true,
    },
    CrossRule {
        name: "a referral's appointment was with the same client (warning)",
        on_write: true,
    },
    CrossRule {
        name: "consultation or referral dated before the client's first contact",
        on_write: true,
    },
];

/// Whether a referenced record is there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    Present,
    Missing,
    /// The file exists but could not be read: its own findings say why, so
    /// the reference is not reported.
    Unreadable,
}

/// How the rules find the records a record refers to.
pub trait Lookup: Sync {
    fn presence(&self, kind: Kind, id: &str) -> Presence;
    fn client(&self, id: &str) -> Option<Cow<'_, Client>>;
    fn appointment(&self, id: &str) -> Option<Cow<'_, Appointment>>;
}

/// A finding of a cross rule, about one key (and value) of one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Relation {
    pub key: &'static str,
    pub value: String,
    pub severity: Severity,
    pub msg: Msg,
    pub tolerated_on_write: bool,
}

impl Relation {
    fn error(key: &'static str, value: &str, msg: Msg) -> Self {
        Relation {
            key,
            value: value.to_string(),
            severity: Severity::Error,
            msg,
            tolerated_on_write: false,
        }
    }

    fn warning(key: &'static str, value: &str, message: Msg) -> Self {
        Relation {
            severity: Severity::Warning,
            ..Relation::error(key, value, message)
        }
    }

    /// The finding at the line of its key in the file at `path` (whose text
    /// is `text` when it is not written yet).
    pub fn into_finding(self, path: &Path, text: Option<&str>) -> Finding {
        let line = match text {
            Some(t) => key_line_in(t, self.key, &self.value),
            None => crate::store::read_text(path)
                .ok()
                .and_then(|t| key_line_in(&t, self.key, &self.value)),
        };
        let finding = Finding::new(path, line, self.severity, self.msg);
        Finding {
            tolerated_on_write: self.tolerated_on_write,
            key: finding.key.clone().or_else(|| Some(self.key.to_string())),
            ..finding
        }
    }
}

/// The references a record holds: (key, kind, id), one per schema key of
/// type `Ref`/`Refs` (a test holds this to the schema).
pub fn references(record: &Record) -> Vec<(&'static str, Kind, &str)> {
    match record {
        Record::Sponsor(_) | Record::Partner(_) | Record::Client(_) => Vec::new(),
        Record::Appointment(a) => appointment_refs(a),
        Record::Referral(r) => referral_refs(r),
        Record::Event(e) => event_refs(e),
        Record::Contact(c) => contact_refs(c),
    }
}

fn appointment_refs(a: &Appointment) -> Vec<(&'static str, Kind, &str)> {
    let mut out = Vec::new();
    if let Some(c) = &a.client {
        out.push(("client", Kind::Client, c.as_str()));
    }
    if let Some(s) = &a.sponsor {
        out.push(("sponsor", Kind::Sponsor, s.as_str()));
    }
    if let Some(p) = &a.partner {
        out.push(("partner", Kind::Partner, p.as_str()));
    }
    out
}

fn referral_refs(r: &Referral) -> Vec<(&'static str, Kind, &str)> {
    let mut out = vec![
        ("client", Kind::Client, r.client.as_str()),
        ("partner", Kind::Partner, r.partner.as_str()),
    ];
    if let Some(a) = &r.appointment {
        out.push(("appointment", Kind::Appointment, a.as_str()));
    }
    out
}

fn event_refs(e: &Event) -> Vec<(&'static str, Kind, &str)> {
    let partners = e
        .partners
        .iter()
        .map(|p| ("partners", Kind::Partner, p.as_str()));
    let sponsors = e
        .sponsors
        .iter()
        .map(|s| ("sponsors", Kind::Sponsor, s.as_str()));
    partners.chain(sponsors).collect()
}

fn contact_refs(c: &Contact) -> Vec<(&'static str, Kind, &str)> {
    c.referred_to
        .iter()
        .map(|p| ("referred_to", Kind::Partner, p.as_str()))
        .collect()
}

fn for_contact(c: &Contact, look: &dyn Lookup) -> Vec<Relation> {
    missing_references(contact_refs(c), look)
}

/// Every cross-record finding about `record` (all rules with `on_write`).
pub fn for_record(record: &Record, look: &dyn Lookup) -> Vec<Relation> {
    match record {
        Record::Sponsor(_) | Record::Partner(_) | Record::Client(_) => Vec::new(),
        Record::Appointment(a) => for_appointment(a, look),
        Record::Referral(r) => for_referral(r, look),
        Record::Event(e) => for_event(e, look),
        Record::Contact(c) => for_contact(c, look),
    }
}

fn for_appointment(a: &Appointment, look: &dyn Lookup) -> Vec<Relation> {
    let mut out = missing_references(appointment_refs(a), look);
    out.extend(appointment_rules(a, look));
    out
}

fn for_referral(r: &Referral, look: &dyn Lookup) -> Vec<Relation> {
    let mut out = missing_references(referral_refs(r), look);
    out.extend(referral_rules(r, look));
    out
}

fn for_event(e: &Event, look: &dyn Lookup) -> Vec<Relation> {
    missing_references(event_refs(e), look)
}

fn missing_references(refs: Vec<(&'static str, Kind, &str)>, look: &dyn Lookup) -> Vec<Relation> {
    refs.into_iter()
        .filter(|(_, kind, id)| look.presence(*kind, id) == Presence::Missing)
        .map(|(key, what, id)| {
            Relation::error(
                key,
                id,
                finding!("reference-missing", key = key, kind = what.label(), id = id),
            )
        })
        .collect()
}

/// A consultation dated before its client's first contact.
fn appointment_rules(a: &Appointment, look: &dyn Lookup) -> Vec<Relation> {
    let mut out = Vec::new();
    if let Some(c) = &a.client
        && let Some(client) = look.client(c)
        && a.date < client.first_contact
    {
        out.push(Relation::error(
            "date",
            "",
            finding!(
                "consultation-before-first-contact",
                date = a.date,
                client = c,
                first_contact = client.first_contact
            ),
        ));
    }
    out
}

/// Consent (SPEC §4), the appointment's client, and the first contact.
fn referral_rules(r: &Referral, look: &dyn Lookup) -> Vec<Relation> {
    let mut out = Vec::new();
    if let Some(client) = look.client(&r.client) {
        if let Some((message, tolerated_on_write)) = super::consent::referral_uncovered(r, &client)
        {
            out.push(Relation {
                tolerated_on_write,
                ..Relation::warning("client", &r.client, message)
            });
        }
        if r.date < client.first_contact {
            out.push(Relation::error(
                "date",
                "",
                finding!(
                    "referral-before-first-contact",
                    date = r.date,
                    client = r.client,
                    first_contact = client.first_contact
                ),
            ));
        }
    }
    if let Some(a) = &r.appointment
        && let Some(apt) = look.appointment(a)
        && apt.client.as_ref().is_some_and(|c| *c != r.client)
    {
        out.push(Relation::warning(
            "appointment",
            a,
            finding!(
                "referral-appointment-client",
                client = r.client,
                appointment = a,
                other = apt.client.as_deref().unwrap_or_default()
            ),
        ));
    }
    out
}

/// Looks records up in a loaded folder; `unloaded` are the files that exist
/// but could not be read.
pub struct RecordsLookup<'a> {
    pub records: &'a Records,
    pub unloaded: &'a HashSet<(Kind, &'a str)>,
}

impl Lookup for RecordsLookup<'_> {
    fn presence(&self, kind: Kind, id: &str) -> Presence {
        let r = self.records;
        let found = match kind {
            Kind::Sponsor => find(&r.sponsors, id, |x| &x.id).is_some(),
            Kind::Partner => find(&r.partners, id, |x| &x.id).is_some(),
            Kind::Client => find(&r.clients, id, |x| &x.id).is_some(),
            Kind::Appointment => find(&r.appointments, id, |x| &x.id).is_some(),
            Kind::Referral => find(&r.referrals, id, |x| &x.id).is_some(),
            Kind::Event => find(&r.events, id, |x| &x.id).is_some(),
            Kind::Contact => find(&r.contacts, id, |x| &x.id).is_some(),
        };
        if found {
            Presence::Present
        } else if self.unloaded.contains(&(kind, id)) {
            Presence::Unreadable
        } else {
            Presence::Missing
        }
    }

    fn client(&self, id: &str) -> Option<Cow<'_, Client>> {
        find(&self.records.clients, id, |x| &x.id).map(Cow::Borrowed)
    }

    fn appointment(&self, id: &str) -> Option<Cow<'_, Appointment>> {
        find(&self.records.appointments, id, |x| &x.id).map(Cow::Borrowed)
    }
}

/// The record with this id in a list sorted by id (the last one, should
/// there be several).
fn find<'r, T>(entries: &'r [Entry<T>], id: &str, key: impl Fn(&T) -> &String) -> Option<&'r T> {
    let end = entries.partition_point(|e| key(&e.record).as_str() <= id);
    entries[..end]
        .last()
        .map(|e| &e.record)
        .filter(|r| key(r) == id)
}

/// Looks records up in the store, reading the one file it needs.
pub struct StoreLookup<'a> {
    pub store: &'a Store,
    pub config: &'a Config,
}

impl StoreLookup<'_> {
    fn read(&self, kind: Kind, id: &str) -> Option<Record> {
        let path = self.store.find_exact(kind, id)?;
        let rel = path.strip_prefix(self.store.root()).ok()?;
        self.store.read_file(rel, self.config).0
    }
}

impl Lookup for StoreLookup<'_> {
    fn presence(&self, kind: Kind, id: &str) -> Presence {
        if self.store.exists(kind, id) {
            Presence::Present
        } else {
            Presence::Missing
        }
    }

    fn client(&self, id: &str) -> Option<Cow<'_, Client>> {
        let Record::Client(c) = self.read(Kind::Client, id)? else {
            return None;
        };
        Some(Cow::Owned(c))
    }

    fn appointment(&self, id: &str) -> Option<Cow<'_, Appointment>> {
        let Record::Appointment(a) = self.read(Kind::Appointment, id)? else {
            return None;
        };
        Some(Cow::Owned(a))
    }
}

/// Every cross-record finding of a loaded folder: duplicates first, then
/// each record's relations (on every core), errors before warnings.
pub fn check_all(root: &Path, records: &Records, unloaded: &HashSet<(Kind, &str)>) -> Vec<Finding> {
    let look = RecordsLookup { records, unloaded };
    let mut out = Vec::new();
    duplicates(root, records, &mut out);
    fn each<T: Sync>(
        root: &Path,
        entries: &[Entry<T>],
        rules: fn(&T, &dyn Lookup) -> Vec<Relation>,
        look: &RecordsLookup,
    ) -> Vec<Finding> {
        crate::par::map(entries, |e| {
            let found = rules(&e.record, look);
            let path = (!found.is_empty()).then(|| root.join(&e.path));
            found
                .into_iter()
                .map(|r| r.into_finding(path.as_deref().unwrap_or(Path::new("")), None))
                .collect::<Vec<Finding>>()
        })
        .into_iter()
        .flatten()
        .collect()
    }
    // destructured, so that a new kind of record fails to compile here
    // until its relations are checked
    let Records {
        sponsors: _,
        partners: _,
        clients: _,
        appointments,
        referrals,
        events,
        contacts,
    } = records;
    let mut related = Vec::new();
    related.extend(each(root, appointments, for_appointment, &look));
    related.extend(each(root, referrals, for_referral, &look));
    related.extend(each(root, events, for_event, &look));
    related.extend(each(root, contacts, for_contact, &look));
    let (errors, warnings): (Vec<_>, Vec<_>) = related.into_iter().partition(Finding::is_error);
    out.extend(errors);
    out.extend(warnings);
    out
}

/// Records come sorted by id (and path), so records with the same id are
/// neighbours; each is reported against the first of them.
fn duplicates(root: &Path, records: &Records, out: &mut Vec<Finding>) {
    fn scan<T>(root: &Path, entries: &[Entry<T>], id: impl Fn(&T) -> &str, out: &mut Vec<Finding>) {
        let mut first: Option<&Entry<T>> = None;
        for e in entries {
            let this = id(&e.record);
            match first {
                Some(f) if id(&f.record) == this => {
                    let path = root.join(&e.path);
                    out.push(
                        Relation::error(
                            "id",
                            this,
                            finding!(
                                "duplicate-id",
                                id = this,
                                other = root.join(&f.path).display()
                            ),
                        )
                        .into_finding(&path, None),
                    );
                }
                _ => first = Some(e),
            }
        }
    }
    let Records {
        sponsors,
        partners,
        clients,
        appointments,
        referrals,
        events,
        contacts,
    } = records;
    scan(root, sponsors, |r| &r.id, out);
    scan(root, partners, |r| &r.id, out);
    scan(root, clients, |r| &r.id, out);
    scan(root, appointments, |r| &r.id, out);
    scan(root, referrals, |r| &r.id, out);
    scan(root, events, |r| &r.id, out);
    scan(root, contacts, |r| &r.id, out);
}

/// The line of `key` in a record's text, or of `value` in the list `key`
/// holds. Only files with a finding are read again for it.
fn key_line_in(text: &str, key: &str, value: &str) -> Option<usize> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let table = DeTable::parse(text).ok()?;
    let (_, v) = table.get_ref().iter().find(|(k, _)| k.get_ref() == key)?;
    let span = match v.get_ref() {
        DeValue::Array(items) => items
            .iter()
            .find(|i| matches!(i.get_ref(), DeValue::String(s) if s == value))
            .map_or(v.span(), |i| i.span()),
        _ => v.span(),
    };
    Some(line_of(text, span.start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Config;
    use crate::schema;

    #[test]
    fn references_cover_every_reference_key_of_the_schema() {
        let config: Config = toml::from_str("[office]\nname = \"x\"\n").unwrap();
        let ctx = crate::model::read::Context {
            config: &config,
            today: chrono::NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
        };
        // one record of each kind with every reference key of its schema set
        let texts = [
            "id = \"apt-20260101-aaaa\"\ndate = 2026-01-01\nkind = \"consultation\"\nstatus = \"done\"\nclient = \"K-0000\"\nsponsor = \"s\"\npartner = \"p\"\n",
            "id = \"ref-20260101-aaaa\"\ndate = 2026-01-01\nclient = \"K-0000\"\npartner = \"p\"\ntopic = \"other\"\nstatus = \"open\"\nappointment = \"apt-20260101-aaaa\"\n",
            "id = \"evt-20260101-aaaa\"\ndate = 2026-01-01\ntitle = \"t\"\nkind = \"info\"\nstatus = \"planned\"\npartners = [\"p\"]\nsponsors = [\"s\"]\n",
            "id = \"con-20260101-aaaa\"\ndate = 2026-01-01\nkind = \"phone\"\nreferred_to = [\"p\"]\n",
        ];
        for s in schema::all() {
            let wanted: Vec<&str> = s
                .fields()
                .filter(|f| f.ty.target().is_some())
                .map(|f| f.key)
                .collect();
            if wanted.is_empty() {
                continue;
            }
            let text = texts
                .iter()
                .find(|t| t.starts_with(&format!("id = \"{}", s.kind.id_prefix().unwrap_or("?"))))
                .unwrap_or_else(|| panic!("no test record for {}", s.kind.name()));
            let (record, _) = crate::model::read::read_record(s.kind, text, &ctx, None);
            let record = record.unwrap_or_else(|| panic!("{text}"));
            let mut keys: Vec<&str> = references(&record).into_iter().map(|(k, _, _)| k).collect();
            keys.dedup();
            assert_eq!(keys, wanted, "{}", s.kind.name());
        }
    }
}
