//! Writing records as TOML: a fresh record in a fixed key order, and the
//! conversions the update path uses to put typed values into a person's file.

use super::*;
use chrono::{Datelike, Timelike};
use toml_edit::{Array, DocumentMut, Item, Table, Value};

pub fn date_value(d: NaiveDate) -> Value {
    Value::from(toml_edit::Datetime {
        date: Some(toml_edit::Date {
            year: d.year() as u16,
            month: d.month() as u8,
            day: d.day() as u8,
        }),
        time: None,
        offset: None,
    })
}

pub fn time_value(t: NaiveTime) -> Value {
    Value::from(toml_edit::Datetime {
        date: None,
        time: Some(toml_edit::Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: Some(t.second() as u8),
            nanosecond: None,
        }),
        offset: None,
    })
}

pub fn list_value<S: AsRef<str>>(items: &[S]) -> Value {
    let mut a = Array::new();
    for i in items {
        a.push(i.as_ref());
    }
    Value::Array(a)
}

/// Builds a table key by key, leaving out what is absent.
struct Builder {
    table: Table,
}

impl Builder {
    fn new() -> Self {
        Builder {
            table: Table::new(),
        }
    }
    fn put(&mut self, key: &str, v: Value) {
        self.table.insert(key, Item::Value(v));
    }
    fn str(&mut self, key: &str, v: &str) {
        self.put(key, Value::from(v));
    }
    fn opt_str(&mut self, key: &str, v: &Option<String>) {
        if let Some(v) = v {
            self.str(key, v);
        }
    }
    fn date(&mut self, key: &str, d: NaiveDate) {
        self.put(key, date_value(d));
    }
    fn opt_date(&mut self, key: &str, d: Option<NaiveDate>) {
        if let Some(d) = d {
            self.date(key, d);
        }
    }
    fn opt_time(&mut self, key: &str, t: Option<NaiveTime>) {
        if let Some(t) = t {
            self.put(key, time_value(t));
        }
    }
    fn int(&mut self, key: &str, n: i64) {
        self.put(key, Value::from(n));
    }
    fn opt_int(&mut self, key: &str, n: Option<i64>) {
        if let Some(n) = n {
            self.int(key, n);
        }
    }
    fn list(&mut self, key: &str, items: &[String]) {
        if !items.is_empty() {
            self.put(key, list_value(items));
        }
    }
    fn flag(&mut self, key: &str, b: bool) {
        if b {
            self.put(key, Value::from(true));
        }
    }
    fn document(self) -> DocumentMut {
        DocumentMut::from(self.table)
    }
}

/// The TOML document of a new record.
pub fn to_document(record: &Record) -> DocumentMut {
    let mut b = Builder::new();
    match record {
        Record::Sponsor(r) => {
            b.str("id", &r.id);
            b.str("name", &r.name);
            b.str("project", &r.project);
            b.str("field", r.field.code());
            b.date("start", r.start);
            b.opt_date("end", r.end);
            b.opt_str("contact", &r.contact);
            b.opt_str("email", &r.email);
            b.opt_str("phone", &r.phone);
            b.str("status", r.status.code());
            if let Some(n) = r.planned_participants {
                b.put("planned_participants", Value::from(n as i64));
            }
            if let Some(c) = r.continuation {
                b.str("continuation", c.code());
            }
            b.opt_str("continuation_notes", &r.continuation_notes);
            b.opt_str("notes", &r.notes);
            if !r.deadlines.is_empty() {
                let mut a = toml_edit::ArrayOfTables::new();
                for d in &r.deadlines {
                    a.push(deadline_table(d));
                }
                b.table.insert("deadlines", Item::ArrayOfTables(a));
            }
        }
        Record::Partner(r) => {
            b.str("id", &r.id);
            b.str("name", &r.name);
            b.str("kind", r.kind.code());
            b.list("offers", &r.offers);
            b.list("languages", &r.languages);
            b.opt_str("address", &r.address);
            b.opt_str("phone", &r.phone);
            b.opt_str("email", &r.email);
            b.opt_str("website", &r.website);
            b.opt_str("notes", &r.notes);
        }
        Record::Client(r) => {
            b.str("id", &r.id);
            b.date("first_contact", r.first_contact);
            b.str("gender", r.gender.code());
            b.opt_int("birth_year", r.birth_year);
            b.opt_str("origin", &r.origin);
            b.list("languages", &r.languages);
            b.str("residence", r.residence.code());
            b.opt_str("district", &r.district);
            b.str("employment", r.employment.code());
            b.opt_date("consent", r.consent);
            b.opt_str("notes", &r.notes);
        }
        Record::Appointment(r) => {
            b.str("id", &r.id);
            b.date("date", r.date);
            b.opt_time("time", r.time);
            b.opt_int("duration", r.duration);
            b.str("kind", r.kind.code());
            b.str("status", r.status.code());
            b.opt_str("staff", &r.staff);
            if let Some(c) = r.channel {
                b.str("channel", c.code());
            }
            b.opt_str("client", &r.client);
            b.opt_str("sponsor", &r.sponsor);
            b.opt_str("partner", &r.partner);
            b.list("topics", &r.topics);
            b.opt_str("language", &r.language);
            b.flag("interpreter", r.interpreter);
            if r.family_members != 0 {
                b.int("family_members", r.family_members);
            }
            b.opt_str("notes", &r.notes);
        }
        Record::Referral(r) => {
            b.str("id", &r.id);
            b.date("date", r.date);
            b.str("client", &r.client);
            b.str("partner", &r.partner);
            b.str("topic", &r.topic);
            b.opt_str("appointment", &r.appointment);
            b.str("status", r.status.code());
            b.opt_date("follow_up", r.follow_up);
            b.opt_date("closed", r.closed);
            b.opt_str("outcome", &r.outcome);
            b.opt_str("staff", &r.staff);
            b.opt_str("notes", &r.notes);
        }
        Record::Event(r) => {
            b.str("id", &r.id);
            b.date("date", r.date);
            b.opt_time("time", r.time);
            b.str("title", &r.title);
            b.str("kind", r.kind.code());
            b.str("status", r.status.code());
            b.list("topics", &r.topics);
            b.opt_str("location", &r.location);
            b.list("partners", &r.partners);
            b.list("sponsors", &r.sponsors);
            b.list("languages", &r.languages);
            b.flag("interpreter", r.interpreter);
            b.opt_str("notes", &r.notes);
            if let Some(p) = &r.participants {
                b.table
                    .insert("participants", Item::Table(participants_table(p)));
            }
        }
        Record::Contact(r) => {
            b.str("id", &r.id);
            b.date("date", r.date);
            b.opt_time("time", r.time);
            b.str("kind", r.kind.code());
            b.list("topics", &r.topics);
            b.opt_str("language", &r.language);
            b.flag("interpreter", r.interpreter);
            b.opt_int("duration", r.duration);
            b.list("referred_to", &r.referred_to);
            b.opt_str("staff", &r.staff);
            b.opt_str("notes", &r.notes);
        }
    }
    b.document()
}

/// One `[[deadlines]]` entry.
pub fn deadline_table(d: &Deadline) -> Table {
    let mut t = Table::new();
    t.insert("kind", toml_edit::value(d.kind.code()));
    t.insert("due", Item::Value(date_value(d.due)));
    if let Some(done) = d.done {
        t.insert("done", Item::Value(date_value(done)));
    }
    if let Some(n) = &d.notes {
        t.insert("notes", toml_edit::value(n.as_str()));
    }
    t
}

pub fn participants_table(p: &Participants) -> Table {
    let mut t = Table::new();
    t.insert("total", toml_edit::value(p.total));
    t.insert("women", toml_edit::value(p.women));
    t.insert("men", toml_edit::value(p.men));
    t.insert("diverse", toml_edit::value(p.diverse));
    t.insert("migrants", toml_edit::value(p.migrants));
    t
}

/// The text of a new record file.
pub fn to_toml(record: &Record) -> String {
    to_document(record).to_string()
}
