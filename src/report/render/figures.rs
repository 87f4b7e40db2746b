//! Every figure of a report as one flat row `(section, key, label, value)`
//! under its JSON names, in report order — what `csv` and `xlsx` write, and
//! what the tests compare with the JSON. Values keep their type so that a
//! spreadsheet gets numbers as numbers.

use crate::model::{Config, Lang};
use crate::report::figures::Figure;
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

    for (section, figures) in report.sections() {
        r.figures(section, &figures);
        if section == "events" {
            r.figures("events.participants", &report.events.participants.figures());
            r.events_list();
        }
        if section == "sponsors" {
            r.stale();
        }
    }
    r.counts("quality", &report.quality.counts());

    if let Some(y) = &report.year_to_date {
        r.counts("year_to_date", &y.counts());
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

    fn figures(&mut self, section: &str, figures: &[Figure]) {
        for f in figures {
            match f {
                Figure::Count(key, n) => self.counts(section, &[(key, *n)]),
                Figure::Breakdown(b) => self.breakdown(&b.path(), &b.counts),
            }
        }
    }

    fn events_list(&mut self) {
        let lang = self.lang;
        for (i, event) in self.report.events.list.iter().enumerate() {
            let section = format!("events.list.{i}");
            self.push(
                &section,
                "date",
                word("date", lang),
                Value::Date(event.date),
            );
            self.push(&section, "id", "id", Value::Text(event.id.clone()));
            self.push(
                &section,
                "title",
                word("title", lang),
                Value::Text(event.title.clone()),
            );
            self.push(
                &section,
                "kind",
                word("kind", lang),
                Value::Text(event.kind.clone()),
            );
            self.push(
                &section,
                "participants",
                word("participants", lang),
                Value::Count(event.participants),
            );
        }
    }

    fn stale(&mut self) {
        for (i, slug) in self.report.sponsors.stale.iter().enumerate() {
            let label = self.code_label("sponsors.stale", slug);
            self.push(
                "sponsors.stale",
                &i.to_string(),
                &label,
                Value::Text(slug.clone()),
            );
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
