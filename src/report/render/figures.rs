//! Every figure of a report as one flat row `(section, key, label, value)`
//! under its JSON names, in report order — what `csv` and `xlsx` write, and
//! what the tests compare with the JSON. Values keep their type so that a
//! spreadsheet gets numbers as numbers.

use crate::model::{Config, Lang};
use crate::report::labels::{self, word};
use crate::report::{Breakdown, Report};
use chrono::NaiveDate;

/// One value of a figure row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Count(u64),
    /// A percentage in tenths (`417` = 41.7); None for no percentage.
    Percent(Option<u64>),
    Date(NaiveDate),
    Text(String),
    /// `source.dirty`: None when git could not tell.
    Flag(Option<bool>),
}

impl Value {
    /// The value as a plain text cell; `decimal` is `,` or `.`.
    pub fn text(&self, decimal: char) -> String {
        match self {
            Value::Count(n) => n.to_string(),
            Value::Percent(Some(t)) => format!("{}{decimal}{}", t / 10, t % 10),
            Value::Percent(None) | Value::Flag(None) => String::new(),
            Value::Date(d) => d.to_string(),
            Value::Text(s) => s.clone(),
            Value::Flag(Some(b)) => b.to_string(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub section: String,
    pub key: String,
    pub label: String,
    pub value: Value,
}

/// The rows of `report` with labels in `lang`.
pub fn rows(report: &Report, config: &Config, lang: Lang) -> Vec<Row> {
    let mut r = Rows {
        rows: Vec::new(),
        report,
        config,
        lang,
    };
    r.push(
        "period",
        "from",
        word("from", lang),
        Value::Date(report.period.from),
    );
    r.push(
        "period",
        "to",
        word("to", lang),
        Value::Date(report.period.to),
    );
    r.push(
        "office",
        "name",
        word("office", lang),
        Value::Text(report.office.name.clone()),
    );
    r.push(
        "office",
        "area",
        word("area", lang),
        Value::Text(report.office.area.clone()),
    );

    let c = &report.consultations;
    r.counts(
        "consultations",
        &[
            ("held", c.held),
            ("cancelled", c.cancelled),
            ("no_show", c.no_show),
            ("minutes", c.minutes),
            ("family_members", c.family_members),
            ("with_interpreter", c.with_interpreter),
        ],
    );
    r.breakdown("consultations.by_topic", &c.by_topic);
    r.breakdown("consultations.by_language", &c.by_language);
    r.breakdown("consultations.by_channel", &c.by_channel);

    let c = &report.clients;
    r.counts(
        "clients",
        &[("unique", c.unique), ("new", c.new), ("in_area", c.in_area)],
    );
    r.breakdown("clients.by_gender", &c.by_gender);
    r.breakdown("clients.by_age_group", &c.by_age_group);
    r.breakdown("clients.by_origin", &c.by_origin);
    r.breakdown("clients.by_residence", &c.by_residence);
    r.breakdown("clients.by_employment", &c.by_employment);
    r.breakdown("clients.by_district", &c.by_district);

    let f = &report.referrals;
    r.counts(
        "referrals",
        &[
            ("made", f.made),
            ("done", f.done),
            ("failed", f.failed),
            ("withdrawn", f.withdrawn),
            ("open_at_end", f.open_at_end),
            ("overdue", f.overdue),
        ],
    );
    r.breakdown("referrals.by_partner", &f.by_partner);
    r.breakdown("referrals.by_topic", &f.by_topic);

    let e = &report.events;
    r.counts("events", &[("held", e.held)]);
    r.breakdown("events.by_kind", &e.by_kind);
    let p = &e.participants;
    r.counts(
        "events.participants",
        &[
            ("total", p.total),
            ("women", p.women),
            ("men", p.men),
            ("diverse", p.diverse),
            ("migrants", p.migrants),
        ],
    );
    for (i, event) in e.list.iter().enumerate() {
        let section = format!("events.list.{i}");
        r.push(
            &section,
            "date",
            word("date", lang),
            Value::Date(event.date),
        );
        r.push(&section, "id", "id", Value::Text(event.id.clone()));
        r.push(
            &section,
            "title",
            word("title", lang),
            Value::Text(event.title.clone()),
        );
        r.push(
            &section,
            "kind",
            word("kind", lang),
            Value::Text(event.kind.clone()),
        );
        r.push(
            &section,
            "participants",
            word("participants", lang),
            Value::Count(event.participants),
        );
    }

    let s = &report.sponsors;
    r.counts(
        "sponsors",
        &[
            ("meetings", s.meetings),
            ("active", s.active),
            ("network_events", s.network_events),
        ],
    );
    r.breakdown("sponsors.by_sponsor", &s.by_sponsor);
    r.breakdown("sponsors.by_field", &s.by_field);
    r.breakdown("sponsors.continuation", &s.continuation);
    r.breakdown("sponsors.deadlines", &s.deadlines.breakdown());
    for (i, slug) in s.stale.iter().enumerate() {
        let label = r.code_label("sponsors.stale", slug);
        r.push(
            "sponsors.stale",
            &i.to_string(),
            &label,
            Value::Text(slug.clone()),
        );
    }

    let c = &report.contacts;
    r.counts("contacts", &[("total", c.total)]);
    r.breakdown("contacts.by_kind", &c.by_kind);
    r.breakdown("contacts.by_topic", &c.by_topic);
    r.breakdown("contacts.by_language", &c.by_language);
    r.counts("contacts", &[("referred", c.referred)]);

    let o = &report.organisations;
    r.counts(
        "organisations",
        &[
            ("consultations", o.consultations),
            ("organisations", o.organisations),
        ],
    );
    r.breakdown("organisations.by_partner_kind", &o.by_partner_kind);
    r.breakdown("organisations.by_topic", &o.by_topic);

    let q: Vec<(&str, u64)> = report
        .quality
        .figures()
        .into_iter()
        .map(|(k, ids)| (k, ids.len() as u64))
        .collect();
    r.counts("quality", &q);

    if let Some(y) = &report.year_to_date {
        for key in crate::model::config::TARGET_KEYS {
            if let Some(v) = y.figure(key) {
                r.push(
                    "year_to_date",
                    key,
                    labels::figure("year_to_date", key, lang),
                    Value::Count(v),
                );
            }
        }
    }
    if let Some(targets) = &report.targets {
        for t in &targets.0 {
            let section = format!("targets.{}", t.key);
            let name = labels::figure("targets", t.key, lang);
            for (key, value) in [
                ("target", Value::Count(t.target)),
                ("actual", Value::Count(t.actual)),
                ("percent", Value::Percent(t.percent_tenths)),
            ] {
                let label = format!("{name}: {}", word(key, lang));
                r.push(&section, key, &label, value);
            }
        }
    }

    r.push(
        "source",
        "commit",
        word("commit", lang),
        Value::Text(report.source.commit.clone().unwrap_or_default()),
    );
    r.push(
        "source",
        "dirty",
        word("uncommitted", lang),
        Value::Flag(report.source.dirty),
    );
    if let Some(amended) = &report.amended {
        for (i, a) in amended.iter().enumerate() {
            let section = format!("amended.{i}");
            r.push(
                &section,
                "report",
                word("report", lang),
                Value::Text(a.report.clone()),
            );
            r.push(&section, "at", word("at", lang), Value::Text(a.at.clone()));
            r.push(
                &section,
                "reason",
                word("reason", lang),
                Value::Text(a.reason.clone().unwrap_or_default()),
            );
        }
    }
    r.rows
}

struct Rows<'a> {
    rows: Vec<Row>,
    report: &'a Report,
    config: &'a Config,
    lang: Lang,
}

impl Rows<'_> {
    fn push(&mut self, section: &str, key: &str, label: &str, value: Value) {
        self.rows.push(Row {
            section: section.to_string(),
            key: key.to_string(),
            label: label.to_string(),
            value,
        });
    }

    fn counts(&mut self, section: &str, figures: &[(&str, u64)]) {
        for (key, n) in figures {
            let label = labels::figure(section, key, self.lang);
            self.push(section, key, label, Value::Count(*n));
        }
    }

    fn code_label(&self, breakdown: &str, code: &str) -> String {
        labels::key(breakdown, code, self.lang, self.config, &self.report.names)
    }

    fn breakdown(&mut self, section: &str, map: &Breakdown) {
        for (code, n) in map {
            let label = self.code_label(section, code);
            self.push(section, code, &label, Value::Count(*n));
        }
    }
}
